#!/bin/sh
# Proves that every siggen variant writes a capture tshark decodes cleanly and
# that the ground truth agrees with tshark's reading of it: the number of
# forwardSM invokes and SMS TPDUs equals the parts in the truth, and the
# addresses and texts of single-part messages are the same.
#
# usage: siggen_tshark.sh [SIGGEN [COUNT]]
#   SIGGEN defaults to build/tools/siggen/siggen; COUNT (messages per variant) to 40.
set -u

SIGGEN=${1:-build/tools/siggen/siggen}
COUNT=${2:-40}
SEED=20261128
VARIANTS="mix m3ua-udt m2pa xudt-seg ludt bundle sctp-frag sctp-frag-ooo vlan qinq ipv6
indefinite tcap-seg concat8 concat16 concat-ooo gsm7 ucs2 alpha-sender mapv1 mapv2 mapv3
mo mt background"

if [ ! -x "$SIGGEN" ]; then
    echo "siggen_tshark.sh: $SIGGEN is not an executable; pass the siggen path" >&2
    exit 2
fi
for tool in tshark python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "siggen_tshark.sh: $tool is required" >&2
        exit 2
    fi
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TSHARK="tshark -n -o sctp.reassembly:TRUE -o sctp.checksum:CRC-32C"
passed=0
failed=0

check() {
    # check NAME CONDITION-RESULT DETAIL
    if [ "$2" = ok ]; then
        passed=$((passed + 1))
        echo "PASS $1"
    else
        failed=$((failed + 1))
        echo "FAIL $1: $3"
    fi
}

# Compares the truth with tshark's fields (JSON) and prints one line per
# check: "<check> ok" or "<check> <detail>".
compare() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
from collections import Counter

truth_path, fields_path, invokes_path = sys.argv[1:4]
KEYS = ["ts", "dir", "opcode", "map_version", "sender", "recipient", "imsi", "smsc",
        "dcs", "parts", "text", "opc", "dpc", "calling_gt", "called_gt", "label"]

truth = []
order_ok = True
for line in open(truth_path, encoding="utf-8"):
    rec = json.loads(line)
    order_ok &= list(rec.keys()) == KEYS
    truth.append(rec)
ts = [r["ts"] for r in truth]
print("truth-keys", "ok" if order_ok else "keys differ from the contract order")
print("truth-time-order", "ok" if ts == sorted(ts) else "ts not in capture order")

invokes = 0
for line in open(invokes_path):
    invokes += sum(1 for v in line.strip().split(",") if v in ("44", "46"))
parts = sum(r["parts"] for r in truth)
print("invokes", "ok" if invokes == parts else f"tshark {invokes} forwardSM invokes, truth {parts} parts")

tpdus = 0
texts, oa, da = Counter(), Counter(), Counter()
for pkt in json.load(open(fields_path, encoding="utf-8")):
    layers = pkt["_source"]["layers"]
    udhi = layers.get("gsm_sms.tp-udhi", [])
    tpdus += len(udhi)
    if "1" in udhi:
        continue
    texts.update(layers.get("gsm_sms.sms_text", []))
    oa.update(layers.get("gsm_sms.tp-oa", []))
    da.update(layers.get("gsm_sms.tp-da", []))
print("sms-tpdus", "ok" if tpdus == parts else f"tshark {tpdus} SMS TPDUs, truth {parts} parts")

single = [r for r in truth if r["parts"] == 1]
want_text = Counter(r["text"] for r in single)
want_oa = Counter(r["sender"] for r in single if r["dir"] == "MT")
want_da = Counter(r["recipient"] for r in single if r["dir"] == "MO")
for name, got, want in (("texts", texts, want_text), ("tp-oa", oa, want_oa), ("tp-da", da, want_da)):
    diff = (got - want) + (want - got)
    print(name, "ok" if not diff else f"{sum(diff.values())} differ, e.g. {next(iter(diff))!r}")
PY
}

for v in $VARIANTS; do
    base="$WORK/$v"
    if ! "$SIGGEN" --count "$COUNT" --seed "$SEED" --variant "$v" \
            --out "$base.pcap" --truth "$base.jsonl" 2>"$base.log"; then
        check "$v generate" fail "$(cat "$base.log")"
        continue
    fi
    bad=$($TSHARK -r "$base.pcap" -Y '_ws.malformed || _ws.expert.severity >= warning' 2>/dev/null | wc -l)
    check "$v tshark-clean" "$([ "$bad" -eq 0 ] && echo ok)" "$bad frames malformed or with expert warnings"
    $TSHARK -r "$base.pcap" -Y 'gsm_map.old.Component == 1' -T fields \
        -e gsm_old.localValue >"$base.invokes" 2>/dev/null
    $TSHARK -r "$base.pcap" -Y gsm_sms -T json -e gsm_sms.tp-udhi -e gsm_sms.sms_text \
        -e gsm_sms.tp-oa -e gsm_sms.tp-da >"$base.json" 2>/dev/null
    [ -s "$base.json" ] || echo '[]' >"$base.json"
    compare "$base.jsonl" "$base.json" "$base.invokes" | while read -r name result; do
        echo "$name $result"
    done >"$base.checks"
    while read -r name result; do
        check "$v $name" "$result" "$result"
    done <"$base.checks"
    if [ "$v" = background ]; then
        lines=$(wc -l <"$base.jsonl")
        check "$v truth-empty" "$([ "$lines" -eq 0 ] && echo ok)" "$lines truth lines"
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
