#!/bin/sh
# Hot swap of the rule set under traffic (issue 4): while `sigsift run`
# (2 workers, software distribution, net_pcap) replays a siggen capture
# with one event per message, sigsiftctl swaps two rule sets in
# alternately (pushes and a rollback) and tries pushes that must be
# refused. Then:
#   - no frame lost: port ipackets = frames the workers took = frames in
#     the capture, imissed 0, every mbuf back in its pool;
#   - every message judged exactly once, and each worker's version
#     sequence switches at exactly one point per swap (hot_swap_check.py);
#   - the messages each version judged are judged as the reference matcher
#     (e2e_oracle.py, written from rules/README.md) judges them with that
#     version's rules, from siggen's truth texts;
#   - bundles with a bad signature, an untrusted signer, altered bytes or
#     none, and a rule folder, are refused by sigsiftctl's trust check
#     (nothing sent); an altered and an untrusted bundle sent with
#     --allow-unsigned are refused by the dataplane (content hash, its
#     --trust); each with its reason, the old version still active;
#   - a sender put on the blocklist between two swaps is blocked after.
# The replay is one pass (lossless: workers wait rather than drop): with
# infinite_rx every repeat of the capture is an SCTP retransmission to the
# TSN filter, so only its first pass carries messages, and it holds the
# whole capture in mbufs, which -m 512 bounds to a fraction of a second
# of traffic. Swap pauses at full rate are bench/hot_swap.sh's.
#
# usage: tests/integration/hot_swap.sh [path/to/sigsift [path/to/sigsiftctl]]
# Prints "N passed, N failed"; exits non-zero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tests/integration
SIGSIFT=${1:-${SIGSIFT:-$ROOT/build/dataplane/cli/sigsift}}
BUILD=$(cd "$(dirname "$SIGSIFT")/../.." && pwd)
CTL=${2:-${SIGSIFTCTL:-$BUILD/control/sigsiftctl}}
SIGGEN=${SIGGEN:-$BUILD/tools/siggen/siggen}
MESSAGES=${MESSAGES:-400000}
TMP=$(mktemp -d)
RUN_PID=
cleanup() {
    [ -n "$RUN_PID" ] && kill "$RUN_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
SOCK=$TMP/ctl/ctl.sock
. "$ROOT/tests/integration/dpdk_lib.sh"
EAL="$TWO -m 512 $EAL"

json_version() { sed -n 's/^{"ok":true,"version":\([0-9]*\).*/\1/p' "$1"; }
ctl() { "$CTL" --socket "$SOCK" --json "$@"; }

need_tools "$SIGSIFT" "$CTL" "$SIGGEN"
if ! "$SIGSIFT" run --help 2>&1 | grep -q "sigsift run"; then
    echo "SKIP $SIGSIFT built without DPDK"
    echo "0 passed, 0 failed"
    exit 0
fi

# Two rule sets that judge many messages differently: the library (A)
# and B (rules_b.sh).
. "$HERE/rules_b.sh"
A=$ROOT/rules
B=$TMP/rulesB
rules_b "$B"

"$SIGGEN" --count "$MESSAGES" --seed 11 --out "$TMP/cap.pcap" --truth "$TMP/truth.jsonl" \
    2>"$TMP/siggen.err" || { ko "siggen" "$TMP/siggen.err"; echo "$pass passed, $fail failed"; exit 1; }
FRAMES=$(sed -n 's/.*: \([0-9]*\) frames,.*/\1/p' "$TMP/siggen.err")
SENDER=$(python3 -c 'import collections, json, sys; print(collections.Counter(json.loads(l)["sender"] for l in open(sys.argv[1])).most_common(1)[0][0])' "$TMP/truth.jsonl")

# What a push sends: bundles compiled from the folders and signed with the
# operator's key, which the importer's trust store (sigsiftctl --trust and
# the run's --trust) holds; a peer's key it does not hold.
TRUST=$TMP/trust
mkdir -p "$TRUST"
PUSH_A=$TMP/A.ssb PUSH_B=$TMP/B.ssb
if ! { "$CTL" keygen "$TMP/op" && "$CTL" keygen "$TMP/peer" &&
    "$CTL" trust add op "$TMP/op.pub" --trust "$TRUST" &&
    "$CTL" rules compile "$A" -o "$PUSH_A" && "$CTL" rules compile "$B" -o "$PUSH_B" &&
    cp "$PUSH_B" "$TMP/unsigned.ssb" &&
    "$CTL" rules sign "$PUSH_A" --key "$TMP/op.key" && "$CTL" rules sign "$PUSH_B" --key "$TMP/op.key" &&
    cp "$PUSH_B" "$TMP/peer.ssb" && "$CTL" rules sign "$TMP/peer.ssb" --key "$TMP/peer.key"; } \
    >"$TMP/prep.out" 2>&1; then
    ko "keys, trust store and signed bundles" "$TMP/prep.out"
    echo "$pass passed, $fail failed"
    exit 1
fi
# flip FROM TO OFFSET: one byte of FROM flipped (OFFSET from the end when
# negative); a signature's bytes are the bundle's last 64.
flip() {
    python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[int(sys.argv[3])] ^= 0x01; open(sys.argv[2], "wb").write(b)' "$@"
}
flip "$PUSH_B" "$TMP/tampered.ssb" 3000
flip "$PUSH_B" "$TMP/badsig.ssb" -10

"$SIGSIFT" run $EAL --vdev "net_pcap0,rx_pcap=$TMP/cap.pcap" -- --rules "$A" --all \
    --events "$TMP/events.jsonl" --socket "$SOCK" --trust "$TRUST" --report-json "$TMP/report.json" \
    >"$TMP/run.out" 2>"$TMP/run.err" &
RUN_PID=$!
for _ in $(seq 100); do
    ctl rules status >"$TMP/status0" 2>/dev/null && break
    sleep 0.05
done
V0=$(json_version "$TMP/status0")
[ -n "$V0" ] && ok "control socket answers; rule set $V0 active" || ko "no control socket" "$TMP/run.err"
echo "$V0" >"$TMP/pushed"
echo "$V0 $A" >"$TMP/dirs"
MODE=$(stat -c %a "$SOCK" 2>/dev/null)
[ "$MODE" = 600 ] && ok "socket is owner-only (0600)" || ko "socket mode $MODE, want 600"
# Opened up by hand, the socket still refuses a peer that is neither
# root nor the run's user (SO_PEERCRED), and the run logs it.
chmod 0755 "$TMP" "$TMP/ctl"
chmod 0666 "$SOCK"
if setpriv --reuid nobody --regid nogroup --clear-groups "$CTL" --socket "$SOCK" stats \
    >"$TMP/nobody.out" 2>&1; then
    ko "uid nobody was served" "$TMP/nobody.out"
elif grep -q "refused peer .* uid $(id -u nobody)" "$TMP/run.err"; then
    ok "uid nobody refused and logged: $(grep 'refused peer' "$TMP/run.err" | head -1)"
else
    ko "uid nobody: no refusal logged" "$TMP/nobody.out"
fi
chmod 0600 "$SOCK"
chmod 0700 "$TMP" "$TMP/ctl"

# push FILE DIR: one swap; its version appended to the pushed sequence.
swaps=0
push() {
    if ctl rules push "$1" --trust "$TRUST" >"$TMP/push.out" 2>"$TMP/push.err"; then
        json_version "$TMP/push.out" >>"$TMP/pushed"
        echo "$(json_version "$TMP/push.out") $2" >>"$TMP/dirs"
        swaps=$((swaps + 1))
    else
        ko "push $1" "$TMP/push.err"
    fi
}
push "$PUSH_B" "$B"
sleep 0.05
push "$PUSH_A" "$A"
sleep 0.05
# The capture's busiest sender goes on the blocklist between swaps 2 and 3.
if ctl lists add blocklist "$SENDER" >"$TMP/lists.out" 2>&1 && ctl lists show >>"$TMP/lists.out" 2>&1 &&
    grep -q "\"blocklist\":\[\"$SENDER\"\]" "$TMP/lists.out"; then
    ok "sender $SENDER on the blocklist"
else
    ko "lists add" "$TMP/lists.out"
fi
push "$PUSH_B" "$B"
sleep 0.05

# Refused pushes change nothing: the version and the history stay.
# refused WHAT WHY PUSH-ARGS...: exit 1 and WHY on stderr.
refused() {
    what=$1 why=$2
    shift 2
    ctl rules status >"$TMP/before_bad"
    ctl rules history >"$TMP/hist_before"
    ctl rules push "$@" >"$TMP/bad.out" 2>"$TMP/bad.err"
    rc=$?
    ctl rules status >"$TMP/after_bad"
    ctl rules history >"$TMP/hist_after"
    if [ $rc = 1 ] && [ "$(json_version "$TMP/before_bad")" = "$(json_version "$TMP/after_bad")" ] &&
        grep -q "$why" "$TMP/bad.err"; then
        ok "$what refused (exit 1), version unchanged: $(cut -c1-160 "$TMP/bad.err")"
    else
        ko "$what: exit $rc, or the version changed, or no '$why'" "$TMP/bad.err"
    fi
}
# Stopped by sigsiftctl (the importer's trust store): nothing reaches the
# dataplane, so its history does not grow either.
unsent() {
    refused "$@"
    cmp -s "$TMP/hist_before" "$TMP/hist_after" && ok "$1: nothing sent (history unchanged)" ||
        ko "$1: the dataplane's history changed"
}
unsent "bad signature" "signature does not verify" "$TMP/badsig.ssb" --trust "$TRUST"
unsent "untrusted signer" "signed by untrusted key" "$TMP/peer.ssb" --trust "$TRUST"
unsent "tampered bundle" "content hash mismatch" "$TMP/tampered.ssb" --trust "$TRUST"
unsent "unsigned bundle" "bundle is unsigned" "$TMP/unsigned.ssb" --trust "$TRUST"
unsent "rule folder" "not a bundle" "$B" --trust "$TRUST"
# Sent unchecked (--allow-unsigned): the dataplane's own checks refuse
# them (content hash; its --trust store) and keep the old rules.
refused "tampered bundle sent unchecked" "content hash mismatch.*stays active" "$TMP/tampered.ssb" --allow-unsigned
refused "untrusted signer sent unchecked" "untrusted key.*stays active" "$TMP/peer.ssb" --allow-unsigned

# For people: status without --json.
"$CTL" --socket "$SOCK" rules status >"$TMP/status.txt" 2>&1
grep -q "^version: *$(json_version "$TMP/after_bad")\$" "$TMP/status.txt" && grep -q '^workers:' "$TMP/status.txt" &&
    ok "rules status for people: $(head -1 "$TMP/status.txt"), a workers table" ||
    ko "rules status without --json" "$TMP/status.txt"

if ctl rules rollback >"$TMP/rb.out" 2>"$TMP/rb.err"; then
    json_version "$TMP/rb.out" >>"$TMP/pushed"
    swaps=$((swaps + 1))
else
    ko "rollback" "$TMP/rb.err"
fi
sleep 0.05
push "$PUSH_B" "$B"
sleep 0.05
push "$PUSH_A" "$A"
ctl rules history >"$TMP/history"
grep -q '"action":"rollback"' "$TMP/history" && ok "history lists the pushes, the failure and the rollback" ||
    ko "history" "$TMP/history"
if ctl rules status >/dev/null 2>&1 && [ "$swaps" = 6 ]; then
    ok "$swaps swaps done while the replay ran"
else
    ko "the replay ended before the swaps were done (raise MESSAGES)"
fi

wait "$RUN_PID"
rc=$?
RUN_PID=
[ $rc = 0 ] && ok "run exits 0" || ko "run exit status $rc" "$TMP/run.err"
ipk=$(counter port0.ipackets "$TMP/run.err")
miss=$(counter port0.imissed "$TMP/run.err")
taken=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"]["frames"])' "$TMP/report.json" 2>/dev/null)
inuse=$(counter mempool.mbuf_s0.in_use "$TMP/run.err")
if [ "$ipk" = "$FRAMES" ] && [ "${taken:-x}" = "$FRAMES" ] && [ "$miss" = 0 ] && [ "$inuse" = 0 ]; then
    ok "no frame lost: $FRAMES in the capture, port ipackets $ipk, workers took $taken, imissed 0, mbufs all back"
else
    ko "frames: capture $FRAMES, ipackets $ipk, workers ${taken:-?}, imissed $miss, mbufs in use $inuse" "$TMP/run.err"
fi

python3 "$HERE/hot_swap_check.py" "$TMP/truth.jsonl" "$TMP/events.jsonl" "$TMP/pushed" \
    "$TMP/split" "$SENDER" 2 >"$TMP/check" 2>&1
grep -E '^(PASS|FAIL)' "$TMP/check"
pass=$((pass + $(grep -c '^PASS' "$TMP/check")))
fail=$((fail + $(grep -c '^FAIL' "$TMP/check")))
grep -q '^FAIL\|Traceback' "$TMP/check" && grep -A5 Traceback "$TMP/check"

# Each version's messages, judged by the oracle with that version's rules.
sort -u "$TMP/dirs" | while read -r v dir; do
    [ -s "$TMP/split/$v.events" ] || continue
    if python3 "$HERE/e2e_oracle.py" "$dir" "$TMP/split/$v.truth" "$TMP/split/$v.events" \
        >"$TMP/oracle.$v" 2>&1; then
        echo "PASS version $v ($(basename "$dir")): $(grep '^PASS' "$TMP/oracle.$v" | sed 's/^PASS //')"
    else
        echo "FAIL version $v ($(basename "$dir")): the oracle disagrees"
        tail -20 "$TMP/oracle.$v" | sed 's/^/    /'
    fi
done >"$TMP/oracles"
cat "$TMP/oracles"
pass=$((pass + $(grep -c '^PASS' "$TMP/oracles")))
fail=$((fail + $(grep -c '^FAIL' "$TMP/oracles")))

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
