#!/bin/sh
# End-to-end test of judging: siggen captures through `sigsift scan` and
# `sigsift run` (DPDK, net_pcap) with the default library rules/, against
#   - a reference matcher written from rules/README.md alone
#     (e2e_oracle.py): every message whose normalised text holds a
#     library pattern carries exactly the rules the oracle finds, with its
#     verdict and categories, and no other message is flagged;
#   - each other: `run` with 1 worker and with 2 workers (software
#     distributor) give the same verdict events, sorted, the worker key
#     left out, and so do `run` and `scan`.
# Captures: siggen variants on its default corpus, and the mix variant on
# an evasion corpus (e2e_corpus.py: every literal disguised as the README
# says normalisation undoes, near misses, texts for the regexes).
# Every run must end by itself with every mbuf back in its pool.
#
# usage: tests/integration/e2e_rules.sh [path/to/sigsift]   (or SIGSIFT=...)
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

# oracle NAME EVENTS [--flagged-only]: judged against $TMP/NAME.truth
oracle() {
    if python3 "$HERE/e2e_oracle.py" "$RULES" "$TMP/$1.truth" "$2" ${3:-} >"$TMP/$1.oracle" 2>&1; then
        ok "$1: $(grep -E '^PASS' "$TMP/$1.oracle" | sed 's/^PASS //')"
    else
        ko "$1: the oracle disagrees${3:+ ($3)}" "$TMP/$1.oracle"
    fi
    # What the oracle cannot model (the same for every capture): once.
    [ -n "${noted:-}" ] || grep -E '^(SKIP|NOTE)' "$TMP/$1.oracle"
    noted=1
}

# same_frames A.pcap B.pcap: the same set of (time, bytes) records.
same_frames() {
    python3 - "$1" "$2" <<'PY'
import struct, sys
def frames(p):
    d = open(p, "rb").read()
    o, out = 24, set()
    while o + 16 <= len(d):
        sec, usec, caplen = struct.unpack("<III", d[o:o + 12])
        out.add((sec, usec, d[o + 16:o + 16 + caplen]))
        o += 16 + caplen
    return out
sys.exit(0 if frames(sys.argv[1]) == frames(sys.argv[2]) else 1)
PY
}

# run_ok NAME LCORES CAPTURE [options...]: a one-pass replay that must exit
# 0, end by itself and return every mbuf.
run_ok() {
    rn=$1 lcores=$2 rpcap=$3
    shift 3
    timeout 120 "$SIGSIFT" run $lcores $EAL --vdev "net_pcap0,rx_pcap=$rpcap" -- --rules "$RULES" "$@" \
        >"$TMP/$rn.out" 2>"$TMP/$rn.err"
    rc=$?
    if [ $rc != 0 ] || ! grep -q "stopped (end of input)" "$TMP/$rn.err" ||
        [ "$(counter mempool.mbuf_s0.in_use "$TMP/$rn.err")" != 0 ]; then
        ko "$rn: exit $rc, end of input and mbufs returned" "$TMP/$rn.err"
        return 1
    fi
    return 0
}

check_capture() { # NAME: scan and run (1 and 2 workers), all with --all
    name=$1 pcap=$TMP/$1.pcap
    if "$SIGSIFT" scan --quiet --all --rules "$RULES" --events "$TMP/$name.scan" "$pcap" 2>"$TMP/$name.scanerr"; then
        oracle "$name" "$TMP/$name.scan"
    else
        ko "$name: scan failed" "$TMP/$name.scanerr"
        return
    fi
    [ $HAVE_RUN = 1 ] || return
    run_ok "$name.run1" "$ONE" "$pcap" --all --events "$TMP/$name.run1" &&
        same "$TMP/$name.run1" "$TMP/$name.scan" "$name: run (1 worker) vs scan"
    run_ok "$name.run2" "$TWO" "$pcap" --all --events "$TMP/$name.run2" &&
        same "$TMP/$name.run2" "$TMP/$name.run1" "$name: run 2 workers vs 1 worker"
}

capture mix mix 3000 && check_capture mix
# A capture rotated into two files (as a tap's ring buffer writes them)
# scans as the whole: the same events, the same evidence frames.
if [ -r "$TMP/mix.pcap" ]; then
    python3 - "$TMP/mix.pcap" "$TMP/rot1.pcap" "$TMP/rot2.pcap" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
o, recs = 24, []
while o + 16 <= len(d):
    n = 16 + struct.unpack("<I", d[o + 8:o + 12])[0]
    recs.append(d[o:o + n])
    o += n
h = len(recs) // 2
open(sys.argv[2], "wb").write(d[:24] + b"".join(recs[:h]))
open(sys.argv[3], "wb").write(d[:24] + b"".join(recs[h:]))
PY
    "$SIGSIFT" scan --quiet --rules "$RULES" --events "$TMP/whole.jsonl" --evidence "$TMP/whole.pcap" \
        "$TMP/mix.pcap" &&
        "$SIGSIFT" scan --quiet --rules "$RULES" --events "$TMP/rot.jsonl" --evidence "$TMP/rot.pcap" \
            "$TMP/rot1.pcap" "$TMP/rot2.pcap" &&
        cmp -s "$TMP/whole.jsonl" "$TMP/rot.jsonl" && [ -s "$TMP/whole.jsonl" ] &&
        same_frames "$TMP/whole.pcap" "$TMP/rot.pcap" &&
        ok "scan of a capture rotated into two files: same $(wc -l <"$TMP/rot.jsonl") events and evidence as the whole" ||
        ko "scan of a rotated capture differs from the whole"
fi
capture ucs2 ucs2 1500 && check_capture ucs2
capture gsm7 gsm7 1500 && check_capture gsm7
capture concat concat-ooo 1000 && check_capture concat
capture frag sctp-frag-ooo 1000 && check_capture frag
capture alpha alpha-sender 800 && check_capture alpha
if python3 "$HERE/e2e_corpus.py" "$RULES" "$TMP/evasion.tsv" 1 2>"$TMP/corpus.err"; then
    capture evasion mix 3000 --corpus "$TMP/evasion.tsv" && check_capture evasion
else
    ko "evasion corpus" "$TMP/corpus.err"
fi

if [ $HAVE_RUN = 1 ] && [ -r "$TMP/mix.pcap" ]; then
    # Default events: flagged messages only, the same with 2 workers;
    # their frames in the evidence pcap; the summary at the end.
    if run_ok flag1 "$ONE" "$TMP/mix.pcap" --events "$TMP/flag1.jsonl" --evidence "$TMP/flag1.pcap"; then
        cp "$TMP/mix.truth" "$TMP/flag1.truth"
        oracle flag1 "$TMP/flag1.jsonl" --flagged-only
        n=$(counter output.evidence_frames "$TMP/flag1.err")
        "$SIGSIFT" scan --quiet --rules "$RULES" --evidence "$TMP/scanev.pcap" "$TMP/mix.pcap"
        [ "$n" -gt 0 ] && [ "$(counter evidence_lost "$TMP/flag1.err")" = 0 ] &&
            same_frames "$TMP/flag1.pcap" "$TMP/scanev.pcap" &&
            ok "flag1: evidence pcap holds the frames of the flagged messages, as scan's does ($n)" ||
            ko "flag1: evidence pcap ($n frames) differs from scan's" "$TMP/flag1.err"
        grep -q "^flagged by category:" "$TMP/flag1.err" && grep -q "^top senders" "$TMP/flag1.err" &&
            grep -Eq "^frames [0-9]+, messages [0-9]+ in .* messages/s" "$TMP/flag1.err" &&
            ok "flag1: summary printed (frames, messages, categories, senders, throughput)" ||
            ko "flag1: no summary" "$TMP/flag1.err"
    fi
    run_ok flag2 "$TWO" "$TMP/mix.pcap" --events "$TMP/flag2.jsonl" --evidence "$TMP/flag2.pcap" &&
        same "$TMP/flag2.jsonl" "$TMP/flag1.jsonl" "flagged-only: 2 workers vs 1" &&
        { same_frames "$TMP/flag2.pcap" "$TMP/flag1.pcap" && ok "flagged-only: 2 workers' evidence as 1 worker's" ||
            ko "flagged-only: 2 workers' evidence differs from 1 worker's"; }

    # An endless replay judged by 2 workers, stopped by SIGINT: a clean
    # stop, the summary, and every mbuf back in the pool. (Replayed
    # frames repeat their SCTP TSNs, which are dropped as retransmissions,
    # so only the first pass yields messages.)
    "$SIGSIFT" run $TWO $EAL --vdev "net_pcap0,rx_pcap=$TMP/mix.pcap,infinite_rx=1" -m 512 -- \
        --rules "$RULES" --events "$TMP/int.jsonl" >"$TMP/int.out" 2>"$TMP/int.err" &
    pid=$!
    sleep 3
    kill -INT $pid
    wait $pid
    rc=$?
    [ $rc = 0 ] && grep -q "stopped (signal)" "$TMP/int.err" &&
        [ "$(counter mempool.mbuf_s0.in_use "$TMP/int.err")" = 0 ] &&
        [ "$(counter frames "$TMP/int.err")" -gt 20000 ] && grep -q "^flagged by category:" "$TMP/int.err" &&
        ok "SIGINT during an endless judged replay: exit 0, summary, mempool in-use 0 ($(counter frames "$TMP/int.err") frames)" ||
        ko "SIGINT during a judged replay: exit $rc" "$TMP/int.err"

    # A bad rule file refuses the run, naming file:line.
    printf 'ok.1 fraud block literal - 中奖\nbad.1 fraud drop literal - x\n' >"$TMP/bad.rules"
    timeout 60 "$SIGSIFT" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/mix.pcap" -- \
        --rules "$TMP/bad.rules" >"$TMP/bad.out" 2>"$TMP/bad.err"
    rc=$?
    [ $rc != 0 ] && grep -q "bad.rules:2: unknown action 'drop'" "$TMP/bad.err" &&
        ! grep -q "worker(s)" "$TMP/bad.err" &&
        ok "a bad rule file refuses the run with file:line (exit $rc)" ||
        ko "bad rule file: exit $rc" "$TMP/bad.err"
    timeout 60 "$SIGSIFT" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/mix.pcap" -- \
        --rules "$RULES" --matcher nosuch >"$TMP/badm.out" 2>"$TMP/badm.err"
    rc=$?
    [ $rc != 0 ] && grep -q "unknown --matcher nosuch" "$TMP/badm.err" &&
        ok "an unknown --matcher refuses the run (exit $rc)" || ko "--matcher nosuch: exit $rc" "$TMP/badm.err"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
