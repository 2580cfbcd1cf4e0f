# Sourced by the integration scripts that run `sigsift run`: the EAL
# arguments every test uses (no NIC, no hugepages), the lcore sets for one
# and two workers, the PASS/FAIL bookkeeping, the tools check and siggen
# captures. POSIX sh.

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
