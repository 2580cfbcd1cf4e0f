#!/bin/sh
# Rule hot swap under traffic: how long a worker stalls around a swap and
# how long a push takes to reach the first verdict.
#
# `sigsift run` (1 worker, direct: the worker alone on core 1, the main
# lcore and the control thread on core 0) replays a siggen capture once,
# judging every message without writing events (so no output back-pressure
# stretches a burst); sigsiftctl pushes two rule sets alternately SWAPS
# times, PAUSE seconds apart, and reads `rules status` after each.
# The pushes are signed bundles, checked by sigsiftctl against a trust
# store before they are sent (the run has the same store as --trust);
# sigsiftctl runs on core 0 (taskset), as control tools run on the
# housekeeping cores, not on a worker's.
# Per swap: the sigsiftctl command's wall time (start -> exit: its trust
# check, the request, the dataplane's swap, the reply), load (request
# received -> published: reading, hashing and deserialising the bundle,
# plus every worker's scratch), quiescent (published -> every worker past
# a quiescent point), publish -> first verdict with the new version,
# request received -> first verdict, and `rules push` started -> first
# verdict: the push reply's received_at (wall clock) less the time the
# command was started, plus received -> first verdict (the process start
# and the trust check are counted). At the end of
# the run the worker's longest burst-to-burst gap in the 8 iterations
# after each swap against the longest and the mean gap elsewhere
# (baseline).
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
mkdir -p "$TMP/trust"
"$CTL" keygen "$TMP/op" >/dev/null
"$CTL" trust add op "$TMP/op.pub" --trust "$TMP/trust" >/dev/null
A=$TMP/A.ssb B_=$TMP/B.ssb
what=
for x in "rules $A" "$TMP/B $B_"; do
    set -- $x
    n=$("$CTL" --json rules compile "$1" -o "$2" | sed -n 's/.*"rules":\([0-9]*\).*/\1/p')
    "$CTL" rules sign "$2" --key "$TMP/op.key" >/dev/null
    what="$what${what:+ and }$(basename "$1")/ ($n rules, $(stat -c %s "$2") bytes)"
done
echo "pushing: signed bundles of $what"

$SIGSIFT run -l 0-1 -m 512 --no-pci --no-huge --in-memory --log-level=lib.eal:error \
    --vdev "net_pcap0,rx_pcap=$TMP/cap.pcap" -- --rules rules --socket "$SOCK" --trust "$TMP/trust" \
    --report-json "$TMP/report.json" >/dev/null 2>"$TMP/run.err" &
pid=$!
until "$CTL" --socket "$SOCK" rules status >/dev/null 2>&1; do sleep 0.05; done

num() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$2"; }
echo
echo "| swap | sigsiftctl push ms | load ms | quiescent us | publish -> first verdict us | received -> first verdict ms | rules push -> first verdict ms | longest gap after the swap us |"
echo "|---|---|---|---|---|---|---|---|"
for i in $(seq "$SWAPS"); do
    [ $((i % 2)) = 1 ] && f=$B_ || f=$A
    t0=$(date +%s%N)
    taskset -c 0 "$CTL" --socket "$SOCK" --json rules push "$f" --trust "$TMP/trust" >"$TMP/push" || exit 1
    t1=$(date +%s%N)
    sleep "$PAUSE"
    taskset -c 0 "$CTL" --socket "$SOCK" --json rules status >"$TMP/status"
    kill -0 $pid 2>/dev/null || { echo "the replay ended before swap $i; raise MESSAGES"; exit 1; }
    awk -v i="$i" -v c="$(((t1 - t0) / 1000))" -v l="$(num load_us "$TMP/push")" \
        -v q="$(num quiescent_us "$TMP/push")" \
        -v p="$(num publish_to_first_verdict_us "$TMP/status")" \
        -v f="$(num push_to_first_verdict_us "$TMP/status")" \
        -v g="$(num last_swap_gap_max_us "$TMP/status")" \
        -v r="$(num received_at "$TMP/push")" -v t0="$t0" \
        'BEGIN { printf "| %d | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f |\n", i, c / 1000, l / 1000, q, p, f / 1000, (r * 1e9 - t0) / 1e6 + f / 1000, g }'
done
wait $pid
echo
grep -E '^live\.' "$TMP/run.err"
python3 -c 'import json,sys; t = json.load(open(sys.argv[1]))["total"]; print("frames %d, messages %d, %.0f messages/s" % (t["frames"], t["messages"], t["messages_per_s"]))' "$TMP/report.json"
