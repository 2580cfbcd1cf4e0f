#!/bin/sh
# The commercial-port watch, users' spam reports and MT disposal end to
# end: `sigsift scan` and `sigsift run` (DPDK, net_pcap, 1 and 2 workers)
# with --port-warn, --port-prefix, --report-number and --mt-max on a
# siggen capture whose ports send and receive many messages (--ports 12)
# from a corpus with opt-out requests and advertisements with and without
# opt-out wording, against ports_check.py, a model written from README.md
# fed with the plain verdict events: the warning lines after their messages, the
# summary's port table, reports passed, written and counted, and MT
# blocks made alerts.
#
# usage: tests/integration/ports.sh [path/to/sigsift]   (or SIGSIFT=...)
# Prints "N passed, N failed"; exits non-zero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tests/integration
SIGSIFT=${1:-${SIGSIFT:-$ROOT/build/dataplane/cli/sigsift}}
SIGGEN=${SIGGEN:-$(dirname "$SIGSIFT")/../../tools/siggen/siggen}
RULES=$ROOT/rules
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$ROOT/tests/integration/dpdk_lib.sh"

need_tools "$SIGSIFT" "$SIGGEN"
check_run

# model WHAT ARGS...: ports_check.py, its verdict as PASS/FAIL.
model() {
    out=$(python3 "$HERE/ports_check.py" "$@" 2>&1)
    case $out in
    PASS*) ok "${out#PASS }" ;;
    *) fail=$((fail + 1)); echo "FAIL ${out#FAIL }" | head -5 ;;
    esac
}

# The siggen corpus, with opt-out requests in the forms subscribers send
# them and near misses, and advertisements with and without opt-out
# wording, each several times so that ports reach the threshold.
{
    cat "$ROOT/tools/siggen/corpus/default.tsv"
    for i in 1 2 3 4; do
        printf 'ham\t%s\n' TD 退订 " t " ＴＤ N。 td. STOP 0000 "td please" "T D D" "退订吧"
        printf 'spam\t%s\n' "【某某商城】年货节全场五折，包邮到家，欢迎选购" \
            "【某某家具】新品上市全场八折，欢迎到店选购" \
            "【某某商城】年货节全场五折，欢迎选购，拒收请回复R" \
            "Big sale at XYZ today only, 50% off everything, reply ＳＴＯＰ to opt out" \
            "【某某家具】新品上市全场八折，欢迎到店选购，回复TD退订"
    done
} >"$TMP/corpus.tsv"
capture c mix 3000 --corpus "$TMP/corpus.tsv" --ports 12

scan() { # NAME OPTIONS...: scan the capture, events in NAME.jsonl, summary in NAME.err
    sn=$1
    shift
    "$SIGSIFT" scan --rules "$RULES" --events "$TMP/$sn.jsonl" "$@" "$TMP/c.pcap" \
        2>"$TMP/$sn.err" || ko "scan $*" "$TMP/$sn.err"
}
scan plain --all
scan all4 --all --port-warn 4
scan flag4 --port-warn 4
scan p1069 --all --port-warn 3 --port-prefix 1069
model lines "$TMP/plain.jsonl" 106 4 "$TMP/all4.jsonl"
model lines "$TMP/plain.jsonl" 106 4 "$TMP/flag4.jsonl" --flagged-only
model lines "$TMP/plain.jsonl" 1069 3 "$TMP/p1069.jsonl"
model summary "$TMP/plain.jsonl" 106 0 "$TMP/plain.err"
model summary "$TMP/plain.jsonl" 106 4 "$TMP/flag4.err"
model summary "$TMP/plain.jsonl" 1069 3 "$TMP/p1069.err"

# Users' spam reports: MO messages to the port that receives the most
# (standing in for 12321) are passed and written, flagged or not.
R=$(python3 -c '
import collections, json, sys
n = collections.Counter(e["recipient"] for e in map(json.loads, open(sys.argv[1], encoding="utf-8"))
                        if e["dir"] == "MO" and (e["recipient"] or "").startswith("106"))
print(n.most_common(1)[0][0])' "$TMP/plain.jsonl")
scan rep_all --all --report-number "$R"
scan rep_flag --report-number "$R"
model reports "$TMP/plain.jsonl" "$R" "$TMP/rep_all.jsonl" "$TMP/rep_all.err"
model reports "$TMP/plain.jsonl" "$R" "$TMP/rep_flag.jsonl" "$TMP/rep_flag.err" --flagged-only

# Disposal mainly at the sending side: the rules only alert on MT.
scan mtmax --all --mt-max alert
model mt_max "$TMP/plain.jsonl" "$TMP/mtmax.jsonl"

refused_with "--mt-max pass" "--mt-max: 'pass': expected alert or block" \
    "$SIGSIFT" scan --rules "$RULES" --mt-max pass "$TMP/c.pcap"
refused_with "--port-warn 0" "--port-warn 0: expected a count >= 1" \
    "$SIGSIFT" scan --rules "$RULES" --port-warn 0 "$TMP/c.pcap"
refused_with "--port-prefix 10x" "--port-prefix: port prefix '10x': expected 1 to 15 digits" \
    "$SIGSIFT" scan --rules "$RULES" --port-prefix 10x "$TMP/c.pcap"
refused_with "--report-number +12321" "--report-number: report number '+12321': expected 1 to 40 digits" \
    "$SIGSIFT" scan --rules "$RULES" --report-number +12321 "$TMP/c.pcap"

if [ $HAVE_RUN = 1 ]; then
    for w in 1 2; do
        lc=$ONE
        [ $w = 2 ] && lc=$TWO
        timeout 120 "$SIGSIFT" run $lc $EAL --vdev "net_pcap0,rx_pcap=$TMP/c.pcap" -- \
            --rules "$RULES" --port-warn 4 --events "$TMP/run$w.jsonl" \
            >"$TMP/run$w.out" 2>"$TMP/run$w.err" &&
            [ "$(counter mempool.mbuf_s0.in_use "$TMP/run$w.err")" = 0 ] ||
            ko "run, $w worker(s), --port-warn 4" "$TMP/run$w.err"
        # The summary merges the workers' tables exactly.
        model summary "$TMP/plain.jsonl" 106 4 "$TMP/run$w.err"
    done
    # One worker sees every message, so its warnings are scan's.
    model lines "$TMP/plain.jsonl" 106 4 "$TMP/run1.jsonl" --flagged-only
    if timeout 120 "$SIGSIFT" run $TWO $EAL --vdev "net_pcap0,rx_pcap=$TMP/c.pcap" -- \
        --rules "$RULES" --report-number "$R" --events "$TMP/runrep.jsonl" \
        >"$TMP/runrep.out" 2>"$TMP/runrep.err"; then
        same "$TMP/runrep.jsonl" "$TMP/rep_flag.jsonl" "run, 2 workers, --report-number, vs scan"
        grep -q "^user spam reports (MO to $R): " "$TMP/runrep.err" &&
            [ "$(grep "^user spam reports" "$TMP/runrep.err")" = "$(grep "^user spam reports" "$TMP/rep_flag.err")" ] &&
            ok "run, 2 workers: the summary counts the reports as scan's" ||
            ko "run, 2 workers: report count differs from scan's" "$TMP/runrep.err"
    else
        ko "run, 2 workers, --report-number" "$TMP/runrep.err"
    fi
    refused_with "run --port-warn without --rules" "--port-prefix, --port-warn, --report-number and --mt-max need --rules" \
        timeout 60 "$SIGSIFT" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/c.pcap" -- --port-warn 3
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
