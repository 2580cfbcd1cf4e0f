#!/bin/sh
# Rule compilation: time and bundle size for 1k, 10k and 100k keywords
# (half Chinese, half ASCII, generated deterministically from seed 1).
# Usage: bench/rules_compile.sh [BUILD_DIR]   (default build)
set -eu
build=${1:-build}
ctl="$build/control/sigsiftctl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'machine: %s, %s cores, %s\n' "$(uname -m)" "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-9s %-10s %-12s %-12s\n' keywords compile_s bundle_bytes bytes/kw
for n in 1000 10000 100000; do
    python3 - "$n" > "$work/kw$n.txt" <<'PY'
import random, sys
n = int(sys.argv[1]); rng = random.Random(1); seen = set()
while len(seen) < n:
    if len(seen) % 2:
        w = ''.join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(2, 6)))
    else:
        w = ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rng.randint(4, 10)))
    if w not in seen:
        seen.add(w); print(w)
PY
    t0=$(date +%s.%N)
    "$ctl" rules compile "$work/kw$n.txt" -o "$work/kw$n.bundle" > /dev/null
    t1=$(date +%s.%N)
    size=$(stat -c %s "$work/kw$n.bundle")
    printf '%-9s %-10.2f %-12s %-12.1f\n' "$n" "$(echo "$t1 - $t0" | bc)" "$size" \
        "$(echo "$size / $n" | bc -l)"
done
