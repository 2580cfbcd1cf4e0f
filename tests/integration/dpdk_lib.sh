# Sourced by the integration scripts that run `sigsift run`: the EAL
# arguments every test uses (no NIC, no hugepages), the lcore sets for one
# and two workers, the PASS/FAIL bookkeeping, the tools and DPDK checks,
# siggen captures, event comparison and refusals. POSIX sh.

# 2-core hosts: three lcores share the two cores for the 2-worker runs.
ONE="-l 0-1"
TWO="--lcores (0-2)@(0-1)"
EAL="--no-pci --no-huge --in-memory --log-level=lib.eal:error"

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | tail -20; }
# counter NAME FILE: value of a "name value" line of run's final statistics.
counter() { awk -v k="$1" '$1 == k {v = $2} END {print v + 0}' "$2"; }

# need_tools PROGRAM...: every program built, or the script fails here.
need_tools() {
    for tool in "$@"; do
        if [ ! -x "$tool" ]; then
            echo "no $tool (build first: ninja -C build)"
            echo "0 passed, 1 failed"
            exit 1
        fi
    done
}

# capture NAME VARIANT COUNT [siggen options...]: $TMP/NAME.pcap and its
# truth from siggen, with seed $SEED (default 11).
capture() {
    name=$1 variant=$2 count=$3
    shift 3
    "$SIGGEN" --variant "$variant" --count "$count" --seed "${SEED:-11}" --out "$TMP/$name.pcap" \
        --truth "$TMP/$name.truth" "$@" >/dev/null 2>"$TMP/$name.gen" ||
        { ko "$name: siggen failed" "$TMP/$name.gen"; return 1; }
}

# check_run: HAVE_RUN=1 when $SIGSIFT has `sigsift run` (built with DPDK),
# else HAVE_RUN=0, said once: the script then checks scan only.
check_run() {
    HAVE_RUN=1
    "$SIGSIFT" run --help 2>&1 | grep -q "sigsift run" || HAVE_RUN=0
    [ $HAVE_RUN = 1 ] || echo "SKIP run: $SIGSIFT built without DPDK; scan only"
}

# same A B WHAT: the events of A and B, worker key removed, sorted, equal.
same() {
    if python3 - "$1" "$2" <<'PY'
import json, sys
def load(p):
    out = []
    for line in open(p, encoding="utf-8"):
        e = json.loads(line)
        e.pop("worker")
        out.append(json.dumps(e, ensure_ascii=False))
    return sorted(out)
a, b = load(sys.argv[1]), load(sys.argv[2])
sys.exit(0 if a == b and a else 1)
PY
    then
        ok "$3: same $(wc -l <"$1") verdict events"
    else
        ko "$3: verdict events differ ($(wc -l <"$1") vs $(wc -l <"$2"))"
    fi
}

# refused_with NAME WANT COMMAND...: COMMAND exits non-zero saying WANT.
refused_with() {
    rn=$1 want=$2
    shift 2
    "$@" >"$TMP/refused.out" 2>"$TMP/refused.err"
    rc=$?
    [ $rc != 0 ] && grep -qF -- "$want" "$TMP/refused.err" && ok "$rn refused (exit $rc): $want" ||
        ko "$rn: exit $rc, expected \"$want\"" "$TMP/refused.err"
}
