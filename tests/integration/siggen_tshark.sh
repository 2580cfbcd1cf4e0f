#!/bin/sh
# Proves that every siggen variant writes a capture tshark decodes cleanly and
# that the ground truth agrees with tshark's reading of it: the number of
# forwardSM invokes and SMS TPDUs equals the parts in the truth, the
# addresses and texts of single-part messages are the same, each truth
# record's time, point codes, GTs, DCS, SMSC and IMSI are those of an SMS
# frame, and each variant's feature is present.
#
# usage: siggen_tshark.sh [SIGGEN [COUNT]]
#   SIGGEN defaults to build/tools/siggen/siggen; COUNT (messages per variant) to 40.
set -u

SIGGEN=${1:-build/tools/siggen/siggen}
COUNT=${2:-40}
SEED=20261128
VARIANTS="mix m3ua-udt m2pa xudt-seg ludt bundle sctp-frag sctp-frag-ooo interleave vlan qinq ipv6
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
frames = {}
for pkt in json.load(open(fields_path, encoding="utf-8")):
    layers = pkt["_source"]["layers"]
    frames[round(float(layers["frame.time_epoch"][0]) * 1e6)] = layers
    udhi = layers.get("gsm_sms.tp-udhi", [])
    tpdus += len(udhi)
    if "1" in udhi:
        continue
    texts.update(layers.get("gsm_sms.sms_text", []))
    oa.update(layers.get("gsm_sms.tp-oa", []))
    da.update(layers.get("gsm_sms.tp-da", []))
print("sms-tpdus", "ok" if tpdus == parts else f"tshark {tpdus} SMS TPDUs, truth {parts} parts")

# The frame that completes each message: its time, link and addresses.
def last(layers, *keys):
    for k in keys:
        if k in layers:
            return layers[k][-1]
    return None

def frame_mismatch(r):
    f = frames.get(round(r["ts"] * 1e6))
    if f is None:
        return "no SMS frame at ts"
    want = {"opc": str(r["opc"]), "dpc": str(r["dpc"]), "calling_gt": r["calling_gt"],
            "called_gt": r["called_gt"], "dcs": str(r["dcs"])}
    got = {"opc": last(f, "m3ua.protocol_data_opc", "mtp3.opc"),
           "dpc": last(f, "m3ua.protocol_data_dpc", "mtp3.dpc"),
           "calling_gt": last(f, "sccp.calling.digits"),
           "called_gt": last(f, "sccp.called.digits"), "dcs": last(f, "gsm_sms.tp-dcs")}
    bad = [k for k in want if want[k] != got[k]]
    addresses = f.get("gsm_map.address.digits", []) + f.get("e164.msisdn", [])
    if r["smsc"] not in addresses:
        bad.append("smsc")
    if r["imsi"] and r["imsi"] not in f.get("e212.imsi", []):
        bad.append("imsi")
    return ", ".join(bad)

mismatches = [(r["ts"], m) for r in truth for m in [frame_mismatch(r)] if m]
print("completing-frame", "ok" if not mismatches else f"{len(mismatches)} differ, e.g. {mismatches[0]}")

single = [r for r in truth if r["parts"] == 1]
want_text = Counter(r["text"] for r in single)
want_oa = Counter(r["sender"] for r in single if r["dir"] == "MT")
want_da = Counter(r["recipient"] for r in single if r["dir"] == "MO")
for name, got, want in (("texts", texts, want_text), ("tp-oa", oa, want_oa), ("tp-da", da, want_da)):
    diff = (got - want) + (want - got)
    print(name, "ok" if not diff else f"{sum(diff.values())} differ, e.g. {next(iter(diff))!r}")
PY
}

# The feature a variant exists to prove, as display filters: "some F" needs
# at least one frame matching F, "none F" needs none.
features() {
    case "$1" in
    m3ua-udt) echo "some m3ua && sccp.message_type == 0x09 && gsm_sms" ;;
    m2pa) echo "some m2pa && mtp3 && gsm_sms"; echo "none m3ua" ;;
    xudt-seg) echo "some sccp.segmentation.first == 1"; echo "some sccp.segmentation.first == 0" ;;
    ludt) echo "some sccp.message_type == 0x13 && gsm_sms" ;;
    bundle) echo "some count(sctp.data_tsn) >= 2" ;;
    sctp-frag | sctp-frag-ooo) echo "some sctp.data_b_bit == 1 && sctp.data_e_bit == 0" ;;
    vlan) echo "some vlan && gsm_sms"; echo "none eth.type == 0x88a8" ;;
    qinq) echo "some eth.type == 0x88a8 && vlan && gsm_sms" ;;
    ipv6) echo "some ipv6 && gsm_sms"; echo "none ip" ;;
    indefinite) echo "some frame contains 62:80:48:04" ;;
    tcap-seg) echo "some tcap.continue_element && gsm_sms"; echo "some tcap.begin_element && !tcap.components" ;;
    concat8) echo "some gsm_sms.ie_identifier == 0x00"; echo "none gsm_sms.ie_identifier == 0x08" ;;
    concat16) echo "some gsm_sms.ie_identifier == 0x08"; echo "none gsm_sms.ie_identifier == 0x00" ;;
    concat-ooo) echo "some gsm_sms.udh.mm.msg_part" ;;
    gsm7) echo "none gsm_sms.dcs.character_set == 2" ;;
    ucs2) echo "none gsm_sms && !(gsm_sms.dcs.character_set == 2)" ;;
    alpha-sender) echo "some gsm_sms.dis_field_addr.num_type == 5" ;;
    mapv1) echo "some gsm_sms"; echo "none tcap.dialoguePortion && gsm_sms" ;;
    mapv2) echo 'none tcap.application_context_name in {"0.4.0.0.1.0.21.3" "0.4.0.0.1.0.25.3"}' ;;
    mapv3) echo 'none tcap.application_context_name in {"0.4.0.0.1.0.21.2" "0.4.0.0.1.0.25.2"}' ;;
    mo) echo "none gsm_sms.tp-mti == 0" ;;
    mt) echo "none gsm_sms.tp-mti == 1" ;;
    background) echo "none gsm_sms"; echo "some gsm_old.localValue == 45" ;;
    esac
}

check_features() {
    features "$1" | while read -r want filter; do
        n=$($TSHARK -r "$2" -Y "$filter" 2>/dev/null | wc -l)
        if { [ "$want" = some ] && [ "$n" -gt 0 ]; } || { [ "$want" = none ] && [ "$n" -eq 0 ]; }; then
            echo "ok $want $filter"
        else
            echo "fail $want $filter ($n frames)"
        fi
    done
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
        -e gsm_sms.tp-oa -e gsm_sms.tp-da -e frame.time_epoch -e m3ua.protocol_data_opc \
        -e m3ua.protocol_data_dpc -e mtp3.opc -e mtp3.dpc -e sccp.calling.digits \
        -e sccp.called.digits -e gsm_sms.tp-dcs -e e212.imsi -e gsm_map.address.digits \
        -e e164.msisdn >"$base.json" 2>/dev/null
    [ -s "$base.json" ] || echo '[]' >"$base.json"
    compare "$base.jsonl" "$base.json" "$base.invokes" | while read -r name result; do
        echo "$name $result"
    done >"$base.checks"
    while read -r name result; do
        check "$v $name" "$result" "$result"
    done <"$base.checks"
    check_features "$v" "$base.pcap" >"$base.features"
    while read -r result detail; do
        check "$v feature: $detail" "$result" "$detail"
    done <"$base.features"
    if [ "$v" = background ]; then
        lines=$(wc -l <"$base.jsonl")
        check "$v truth-empty" "$([ "$lines" -eq 0 ] && echo ok)" "$lines truth lines"
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
