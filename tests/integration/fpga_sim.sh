#!/bin/sh
# The fpga-sim matcher (dataplane/fpga: the Verilator model of
# hw/verilog/kwm_top behind the card's descriptor rings) judges exactly as
# Hyperscan: siggen captures (a mix, a UCS2-heavy one, the evasion corpus
# of e2e_rules.sh) through
# `sigsift scan --all` with --matcher hyperscan and --matcher fpga-sim
# give, message by message, the same verdict, rules and categories, some
# of them flagged and some by rules on the block; and `sigsift run` (DPDK,
# net_pcap) with fpga-sim, one worker and two (a card each), agrees with
# hyperscan too. A bundle compiled by `sigsiftctl rules compile --matcher
# fpga-sim` (the block's table image) judges the same through `sigsift
# scan --rules BUNDLE` and `sigsift run --rules BUNDLE`, and a dataplane
# running --matcher hyperscan refuses it, saying why. Messages are keyed
# by their decoded fields; the order of rules within an event is not
# compared (the parts report in turn).
#
# usage: tests/integration/fpga_sim.sh [path/to/sigsift]   (or SIGSIFT=...)
# Prints "N passed, N failed"; exits non-zero on any failure. Skips (exit
# 0) when the binary was built without fpga-sim.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIGSIFT=${1:-${SIGSIFT:-$ROOT/build/dataplane/cli/sigsift}}
SIGGEN=${SIGGEN:-$(dirname "$SIGSIFT")/../../tools/siggen/siggen}
CTL=${SIGSIFTCTL:-$(dirname "$SIGSIFT")/../../control/sigsiftctl}
RULES=$ROOT/rules
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$ROOT/tests/integration/dpdk_lib.sh"

need_tools "$SIGSIFT" "$SIGGEN" "$CTL"
: >"$TMP/empty.pcap"
if "$SIGSIFT" scan --quiet --matcher fpga-sim --rules "$RULES" "$TMP/empty.pcap" 2>&1 |
    grep -q "is not built in this binary"; then
    echo "SKIP $SIGSIFT built without fpga-sim (needs verilator)"
    echo "0 passed, 0 failed"
    exit 0
fi

# agree A B WHAT: same messages with the same verdict, rules (as a set)
# and categories; at least one flagged and, if given, at least $4 by a
# rule on the block.
agree() {
    if python3 - "$1" "$2" "$RULES" >"$TMP/agree.out" 2>&1 <<'PY'
import json, sys
JUDGED = ("verdict", "rules", "categories", "ruleset", "worker")
def load(p):
    out = {}
    for line in open(p, encoding="utf-8"):
        e = json.loads(line)
        key = json.dumps({k: v for k, v in e.items() if k not in JUDGED}, sort_keys=True,
                         ensure_ascii=False)
        val = (e["verdict"], sorted(e.get("rules") or []), sorted(e.get("categories") or []))
        out.setdefault(key, []).append(val)
    return {k: sorted(v) for k, v in out.items()}
a, b = load(sys.argv[1]), load(sys.argv[2])
flagged = sum(1 for v in a.values() for x in v if x[1])
diff = [k for k in set(a) | set(b) if a.get(k) != b.get(k)]
for k in diff[:5]:
    print("differs:", k[:200], a.get(k), b.get(k))
print(f"{sum(len(v) for v in a.values())} messages, {flagged} with hits, {len(diff)} differ")
sys.exit(0 if not diff and a and flagged > 0 else 1)
PY
    then
        ok "$3: $(cat "$TMP/agree.out")"
    else
        ko "$3" "$TMP/agree.out"
    fi
}

SEED=5

scan() { # NAME MATCHER
    "$SIGSIFT" scan --all --matcher "$2" --rules "$RULES" --events "$TMP/$1.$2.jsonl" \
        "$TMP/$1.pcap" 2>"$TMP/$1.$2.err" || { ko "$1: scan --matcher $2 failed" "$TMP/$1.$2.err"; return 1; }
}

check_scan() { # NAME
    scan "$1" hyperscan && scan "$1" fpga-sim || return 1
    agree "$TMP/$1.hyperscan.jsonl" "$TMP/$1.fpga-sim.jsonl" "$1: scan fpga-sim vs hyperscan"
    err=$TMP/$1.fpga-sim.err
    n=$(sed -n 's/^fpga-sim: \([0-9]*\) literals on the block.*/\1/p' "$err")
    [ "${n:-0}" -gt 0 ] && grep -q "matcher fpga-sim" "$err" &&
        grep -Eq "^fpga-sim: card judged [1-9][0-9]* messages" "$err" &&
        ok "$1: $(grep '^fpga-sim: [0-9]' "$err")" || ko "$1: no fpga-sim load/card report" "$err"
    # Every rule seen in the hyperscan events of a literal on the block
    # was found by the card: some verdicts hinge on it.
    python3 - "$TMP/$1.fpga-sim.jsonl" "$RULES" <<'PY' >"$TMP/$1.lit" 2>&1 &&
import glob, json, sys
lits = set()
for f in glob.glob(sys.argv[2] + "/*.rules"):
    for line in open(f, encoding="utf-8"):
        w = line.split()
        if len(w) >= 6 and not line.startswith("#") and w[3] == "literal" and "q" not in w[4]:
            lits.add(w[0])
n = sum(1 for line in open(sys.argv[1], encoding="utf-8")
        if lits & set(json.loads(line).get("rules") or []))
print(n)
sys.exit(0 if n > 0 else 1)
PY
        ok "$1: $(cat "$TMP/$1.lit") messages hit a literal rule" ||
        ko "$1: no message hit a literal rule" "$TMP/$1.lit"
}

capture mix mix 4000 && check_scan mix
# The fpga-sim bundle: the manifest names the matcher, scan judges with
# it as with the rule folder, and a hyperscan dataplane refuses it.
if "$CTL" rules compile "$RULES" -o "$TMP/fpga.ssb" --matcher fpga-sim >"$TMP/compile.out" 2>&1 &&
    "$CTL" --json rules verify "$TMP/fpga.ssb" 2>&1 | grep -q '"matcher":"fpga-sim"'; then
    ok "sigsiftctl rules compile --matcher fpga-sim: $(tail -1 "$TMP/compile.out" | cut -c1-60)..."
    if "$SIGSIFT" scan --all --matcher fpga-sim --rules "$TMP/fpga.ssb" --events "$TMP/bundle.jsonl" \
        "$TMP/mix.pcap" 2>"$TMP/bundle.err"; then
        agree "$TMP/mix.hyperscan.jsonl" "$TMP/bundle.jsonl" \
            "mix: scan --rules fpga-sim bundle vs hyperscan from the rule files"
        grep -Eq "^fpga-sim: card judged [1-9]" "$TMP/bundle.err" &&
            ok "mix: the bundle's tables judged on the card" ||
            ko "mix: no card report from the bundle's scan" "$TMP/bundle.err"
    else
        ko "mix: scan --rules fpga-sim bundle failed" "$TMP/bundle.err"
    fi
    "$SIGSIFT" scan --quiet --matcher hyperscan --rules "$TMP/fpga.ssb" "$TMP/empty.pcap" \
        >"$TMP/mismatch.out" 2>&1
    rc=$?
    [ $rc != 0 ] && grep -q "compiled for matcher fpga-sim, this dataplane judges with hyperscan" \
        "$TMP/mismatch.out" && ok "scan --matcher hyperscan refuses the fpga-sim bundle (exit $rc)" ||
        ko "hyperscan scan of an fpga-sim bundle: exit $rc" "$TMP/mismatch.out"
else
    ko "sigsiftctl rules compile --matcher fpga-sim" "$TMP/compile.out"
fi
capture ucs2 ucs2 2000 && check_scan ucs2
# Every library literal disguised as normalisation undoes, near misses
# (tests/integration/e2e_corpus.py): each literal on the block is met.
if python3 "$ROOT/tests/integration/e2e_corpus.py" "$RULES" "$TMP/evasion.tsv" 1 2>"$TMP/corpus.err"; then
    capture evasion mix 3000 --corpus "$TMP/evasion.tsv" && check_scan evasion
else
    ko "evasion corpus" "$TMP/corpus.err"
fi

# run_ok NAME LCORES MATCHER [RULES]: a one-pass replay of mix that must
# exit 0, end by itself and return every mbuf. Its own control socket:
# no other run or sigsiftctl on this host reaches it.
run_ok() {
    timeout 120 "$SIGSIFT" run $2 $EAL --vdev "net_pcap0,rx_pcap=$TMP/mix.pcap" -- \
        --socket "$TMP/ctl.sock" --rules "${4:-$RULES}" --matcher "$3" --all --events "$TMP/$1.jsonl" >"$TMP/$1.out" 2>"$TMP/$1.err"
    rc=$?
    if [ $rc != 0 ] || ! grep -q "stopped (end of input)" "$TMP/$1.err" ||
        [ "$(counter mempool.mbuf_s0.in_use "$TMP/$1.err")" != 0 ]; then
        ko "$1: exit $rc, end of input and mbufs returned" "$TMP/$1.err"
        return 1
    fi
}

if "$SIGSIFT" run --help 2>&1 | grep -q "sigsift run" && [ -r "$TMP/mix.pcap" ]; then
    run_ok run_hs "$ONE" hyperscan && run_ok run_fpga1 "$ONE" fpga-sim &&
        agree "$TMP/run_hs.jsonl" "$TMP/run_fpga1.jsonl" "mix: run fpga-sim (1 worker) vs hyperscan"
    run_ok run_fpga2 "$TWO" fpga-sim &&
        agree "$TMP/run_hs.jsonl" "$TMP/run_fpga2.jsonl" "mix: run fpga-sim (2 workers, a card each) vs hyperscan" &&
        { [ "$(grep -c '^fpga-sim: card judged' "$TMP/run_fpga2.err")" -ge 2 ] &&
            ok "mix: both workers judged on their own card" ||
            ko "mix: fewer than two cards judged with 2 workers" "$TMP/run_fpga2.err"; }
    [ -r "$TMP/fpga.ssb" ] && run_ok run_bundle "$ONE" fpga-sim "$TMP/fpga.ssb" &&
        agree "$TMP/run_hs.jsonl" "$TMP/run_bundle.jsonl" "mix: run --rules fpga-sim bundle vs hyperscan"
else
    echo "SKIP run: $SIGSIFT built without DPDK; scan only"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
