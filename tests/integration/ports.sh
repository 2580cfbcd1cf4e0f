#!/bin/sh
# The commercial-port watch end to end: `sigsift scan` and `sigsift run`
# (DPDK, net_pcap, 1 and 2 workers) with --port-warn and --port-prefix
# on a siggen capture whose ports send and receive many messages
# (--ports 12) from a corpus with opt-out requests and advertisements
# with and without opt-out wording, against ports_check.py, a model
# written from README.md fed with the plain verdict events: the warning
# lines after their messages, and the summary's port table.
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
HAVE_RUN=1
"$SIGSIFT" run --help 2>&1 | grep -q "sigsift run" || HAVE_RUN=0
[ $HAVE_RUN = 1 ] || echo "SKIP run: $SIGSIFT built without DPDK; scan only"

# model WHAT ARGS...: ports_check.py, its verdict as PASS/FAIL.
model() {
    out=$(python3 "$HERE/ports_check.py" "$@" 2>&1)
    case $out in
    PASS*) ok "${out#PASS }" ;;
    *) fail=$((fail + 1)); echo "FAIL $out" | head -5 ;;
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

# refused NAME WANT COMMAND...: exits non-zero, saying WANT.
refused() {
    rn=$1 want=$2
    shift 2
    "$@" >"$TMP/refused.out" 2>"$TMP/refused.err"
    rc=$?
    [ $rc != 0 ] && grep -qF -- "$want" "$TMP/refused.err" && ok "$rn refused (exit $rc): $want" ||
        ko "$rn: exit $rc, expected \"$want\"" "$TMP/refused.err"
}
refused "--port-warn 0" "--port-warn 0: expected a count >= 1" \
    "$SIGSIFT" scan --rules "$RULES" --port-warn 0 "$TMP/c.pcap"
refused "--port-prefix 10x" "--port-prefix: port prefix '10x': expected 1 to 15 digits" \
    "$SIGSIFT" scan --rules "$RULES" --port-prefix 10x "$TMP/c.pcap"

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
    refused "run --port-warn without --rules" "--port-prefix and --port-warn need --rules" \
        timeout 60 "$SIGSIFT" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/c.pcap" -- --port-warn 3
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
