#!/bin/sh
# Subscriber pseudonyms end to end: `sigsift scan` and `sigsift run`
# (DPDK, net_pcap, 1 and 2 workers) with --pseudonymise, against
#   - pseudonym_check.py, a model written from README.md with its own
#     SipHash-2-4-128 (checked against the paper's reference vectors):
#     the events equal the plain run's with exactly the subscribers
#     replaced, the summary's top senders map the same way, and no
#     subscriber number of siggen's truth appears in any output;
#   - sigsiftctl pseudonym, the operator's way back from a number;
#   - refusals: a bad key file (file:line), a bad port prefix,
#     --pseudonymise without --rules on run.
#
# usage: tests/integration/pseudonym.sh [path/to/sigsift]   (or SIGSIFT=...)
# Prints "N passed, N failed"; exits non-zero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tests/integration
SIGSIFT=${1:-${SIGSIFT:-$ROOT/build/dataplane/cli/sigsift}}
BIN=$(dirname "$SIGSIFT")/../..
SIGGEN=${SIGGEN:-$BIN/tools/siggen/siggen}
CTL=${CTL:-$BIN/control/sigsiftctl}
RULES=$ROOT/rules
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$ROOT/tests/integration/dpdk_lib.sh"

need_tools "$SIGSIFT" "$SIGGEN" "$CTL"
check_run

KEY=5f1e0c3a9b27d8641f0e2d3c4b5a6978
printf '# test key\n%s\n' "$KEY" >"$TMP/k.key"

# model WHAT PORTS ARGS...: pseudonym_check.py, its verdict as PASS/FAIL.
model() {
    what=$1 ports=$2
    shift 2
    out=$(python3 "$HERE/pseudonym_check.py" "$what" "$KEY" "$ports" "$@" 2>&1)
    case $out in
    PASS*) ok "${out#PASS }" ;;
    *) fail=$((fail + 1)); echo "FAIL ${out#FAIL }" | head -5 ;;
    esac
}

# scan_pair NAME PORTS HIDDEN [options...]: the capture NAME scanned with
# --all, plain and with --pseudonymise, both checked against the model;
# at least HIDDEN of the summary's top senders are by pseudonym.
scan_pair() {
    name=$1 ports=$2 hidden=$3
    shift 3
    "$SIGSIFT" scan --all --rules "$RULES" --events "$TMP/$name.plain" "$TMP/$name.pcap" \
        2>"$TMP/$name.plainerr" &&
        "$SIGSIFT" scan --all --rules "$RULES" --events "$TMP/$name.pseudo" \
            --pseudonymise "$TMP/k.key" "$@" "$TMP/$name.pcap" 2>"$TMP/$name.pseudoerr" ||
        { ko "$name: scan failed" "$TMP/$name.pseudoerr"; return 1; }
    model events "$ports" "$TMP/$name.plain" "$TMP/$name.pseudo" "$TMP/$name.truth" \
        "$TMP/$name.pseudoerr"
    model summary "$ports" "$TMP/$name.plainerr" "$TMP/$name.pseudoerr" "$hidden"
}

capture mix mix 3000 && scan_pair mix "" 0
# Given prefixes replace the default 106; "95588", an alphanumeric sender
# of digits only, the busiest sender here, is written as a pseudonym.
capture alpha alpha-sender 800 && scan_pair alpha "1069" 1 --port-prefix 1069
capture ports mix 1000 && scan_pair ports "95,1069" 0 --port-prefix 95 --port-prefix 1069

# sigsiftctl gives the pseudonyms the events carry, for any number.
ids=$(python3 -c '
import json, sys
seen = []
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)
    for k in ("sender", "recipient", "imsi"):
        if t.get(k) and t[k] not in seen:
            seen.append(t[k])
print(" ".join(seen[:40]))' "$TMP/mix.truth")
# shellcheck disable=SC2086 # one word per identity
if "$CTL" --json pseudonym $ids --key "$TMP/k.key" >"$TMP/ctl.jsonl" 2>"$TMP/ctl.err"; then
    model ctl "" "$TMP/ctl.jsonl"
else
    ko "sigsiftctl pseudonym failed" "$TMP/ctl.err"
fi
# shellcheck disable=SC2086
"$CTL" --json pseudonym $ids --key "$TMP/k.key" --port-prefix 95 --port-prefix 1069 \
    >"$TMP/ctl2.jsonl" 2>&1 && model ctl "95,1069" "$TMP/ctl2.jsonl"

# A new key: private, refused over an existing file, and it works.
if "$CTL" pseudonym new-key "$TMP/new.key" >/dev/null 2>"$TMP/new.err" &&
    [ "$(stat -c %a "$TMP/new.key")" = 600 ] &&
    ! "$CTL" pseudonym new-key "$TMP/new.key" 2>"$TMP/new2.err" && grep -q "File exists" "$TMP/new2.err" &&
    "$SIGSIFT" scan --quiet --rules "$RULES" --pseudonymise "$TMP/new.key" --events "$TMP/new.jsonl" \
        "$TMP/mix.pcap" && [ -s "$TMP/new.jsonl" ] && ! cmp -s "$TMP/new.jsonl" "$TMP/mix.pseudo"; then
    ok "sigsiftctl pseudonym new-key: mode 600, never overwrites, scan takes it"
else
    ko "sigsiftctl pseudonym new-key" "$TMP/new.err"
fi

printf '# test key\n%s0\n' "$KEY" >"$TMP/long.key"
refused_with "scan with a bad key file" "long.key:2: expected the key: 32 hex digits" \
    "$SIGSIFT" scan --rules "$RULES" --pseudonymise "$TMP/long.key" "$TMP/mix.pcap"
refused_with "scan with a bad port prefix" "port prefix '+86': expected 1 to 15 digits" \
    "$SIGSIFT" scan --rules "$RULES" --pseudonymise "$TMP/k.key" --port-prefix +86 "$TMP/mix.pcap"

if [ $HAVE_RUN = 1 ] && [ -r "$TMP/mix.pseudo" ]; then
    for w in 1 2; do
        lc=$ONE
        [ $w = 2 ] && lc=$TWO
        if timeout 120 "$SIGSIFT" run $lc $EAL --vdev "net_pcap0,rx_pcap=$TMP/mix.pcap" -- \
            --rules "$RULES" --all --events "$TMP/run$w.jsonl" --pseudonymise "$TMP/k.key" \
            >"$TMP/run$w.out" 2>"$TMP/run$w.err" &&
            [ "$(counter mempool.mbuf_s0.in_use "$TMP/run$w.err")" = 0 ]; then
            same "$TMP/run$w.jsonl" "$TMP/mix.pseudo" "run, $w worker(s), with pseudonyms vs scan"
            model summary "" "$TMP/mix.plainerr" "$TMP/run$w.err"
        else
            ko "run, $w worker(s), with --pseudonymise" "$TMP/run$w.err"
        fi
    done
    refused_with "run with a bad key file" "long.key:2: expected the key: 32 hex digits" \
        timeout 60 "$SIGSIFT" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/mix.pcap" -- \
        --rules "$RULES" --pseudonymise "$TMP/long.key"
    grep -q "worker(s)" "$TMP/refused.err" && ko "run with a bad key file started its workers"
    refused_with "run --pseudonymise without --rules" "--pseudonymise needs --rules" \
        timeout 60 "$SIGSIFT" run $ONE $EAL --vdev "net_pcap0,rx_pcap=$TMP/mix.pcap" -- \
        --pseudonymise "$TMP/k.key"
fi

echo "$pass passed, $fail failed"
[ $fail = 0 ]
