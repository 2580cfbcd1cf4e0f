#!/bin/sh
# Rule hot swap under traffic: how long a worker stalls around a swap and
# how long a push takes to reach the first verdict.
#
# `sigsift run` (1 worker, direct: the worker alone on core 1, the main
# lcore and the control thread on core 0) replays a siggen capture once,
# judging every message without writing events (so no output back-pressure
# stretches a burst); sigsiftctl pushes two rule sets alternately SWAPS
# times, PAUSE seconds apart, and reads `rules status` after each.
# Per swap: load (request received -> published: reading and checking the
# bundle, or compiling rule files, plus every worker's scratch), quiescent
# (published -> every worker past a quiescent point), publish -> first
# verdict with the new version, and push -> first verdict. At the end of
# the run the worker's longest burst-to-burst gap in the 8 iterations after
# each swap against the longest and the mean gap elsewhere (baseline).
#
# usage: bench/hot_swap.sh [build dir]   (SWAPS=8 PAUSE=0.1 MESSAGES=800000)
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
SWAPS=${SWAPS:-8}
PAUSE=${PAUSE:-0.1}
MESSAGES=${MESSAGES:-800000}
SIGSIFT=$B/dataplane/cli/sigsift
CTL=${SIGSIFTCTL:-$B/control/sigsiftctl}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SOCK=$TMP/ctl.sock

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(date -u +%F)"
$B/tools/siggen/siggen --count "$MESSAGES" --seed 3 --out "$TMP/cap.pcap" --truth "$TMP/truth.jsonl" 2>&1 |
    sed 's/^/capture: /'
mkdir -p "$TMP/B"
cp rules/fraud.rules rules/phishing.rules "$TMP/B/"
printf 'swap.dear advertising alert literal - dear\n' >"$TMP/B/swap.rules"
if "$CTL" rules compile rules -o "$TMP/A.ssb" >/dev/null 2>&1 &&
    "$CTL" rules compile "$TMP/B" -o "$TMP/B.ssb" >/dev/null 2>&1; then
    A=$TMP/A.ssb B_=$TMP/B.ssb what=bundles
else
    A=$PWD/rules B_=$TMP/B what="rule folders (compiled on push)"
fi
echo "pushing: $what; rule sets: rules/ (283 rules) and fraud+phishing+1 (120 rules)"

$SIGSIFT run -l 0-1 -m 512 --no-pci --no-huge --in-memory --log-level=lib.eal:error \
    --vdev "net_pcap0,rx_pcap=$TMP/cap.pcap" -- --rules rules --socket "$SOCK" \
    --report-json "$TMP/report.json" >/dev/null 2>"$TMP/run.err" &
pid=$!
until "$CTL" --socket "$SOCK" rules status >/dev/null 2>&1; do sleep 0.05; done

num() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$2"; }
echo
echo "| swap | load ms | quiescent us | publish -> first verdict us | push -> first verdict ms | longest gap after the swap us |"
echo "|---|---|---|---|---|---|"
for i in $(seq "$SWAPS"); do
    [ $((i % 2)) = 1 ] && f=$B_ || f=$A
    "$CTL" --socket "$SOCK" rules push "$f" >"$TMP/push" || exit 1
    sleep "$PAUSE"
    "$CTL" --socket "$SOCK" rules status >"$TMP/status"
    kill -0 $pid 2>/dev/null || { echo "the replay ended before swap $i; raise MESSAGES"; exit 1; }
    awk -v i="$i" -v l="$(num load_us "$TMP/push")" -v q="$(num quiescent_us "$TMP/push")" \
        -v p="$(num publish_to_first_verdict_us "$TMP/status")" \
        -v f="$(num push_to_first_verdict_us "$TMP/status")" \
        -v g="$(num last_swap_gap_max_us "$TMP/status")" \
        'BEGIN { printf "| %d | %.1f | %.0f | %.1f | %.1f | %.1f |\n", i, l / 1000, q, p, f / 1000, g }'
done
wait $pid
echo
grep -E '^live\.' "$TMP/run.err"
python3 -c 'import json,sys; t = json.load(open(sys.argv[1]))["total"]; print("frames %d, messages %d, %.0f messages/s" % (t["frames"], t["messages"], t["messages_per_s"]))' "$TMP/report.json"
