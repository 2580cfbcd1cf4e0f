#!/usr/bin/env python3
"""Compares `sigsift decode` output with tshark on the same capture.

tshark (Wireshark's dissectors, an implementation independent of sigsift)
is run with SCTP reassembly on and SMS reassembly off, so every
forwardSM part shows its own TP addresses and text; the parts of a
concatenated message are joined here by (direction, TP address, IMSI,
reference, total) in part order. Both sides are then compared as
multisets of (direction, TP address, IMSI, text).

One known tshark defect is excluded, on both sides, and reported: tshark
4.0 reads an enhanced-format TP-VP (TP-VPF 01) as if it ended after its
used octets, although TS 23.040 §9.2.3.12.3 makes it always 7 octets, so
everything after it in that TPDU is garbage. Such a tshark row is dropped,
and so is the sigsift message completed in the same frame for the same
TP-DA.

usage: compare_tshark.py CAPTURE SIGSIFT_JSONL [EXTRA_TSHARK_OPTION...]
Exit 0 when equal, 1 with a diff otherwise.
"""
import collections
import json
import subprocess
import sys
from xml.etree import ElementTree

WANTED = {"frame.time_epoch", "gsm_map.old.Component", "gsm_old.localValue", "e212.imsi",
          "gsm_sms.tp-mti", "gsm_sms.tp-vpf", "gsm_sms.tp-oa", "gsm_sms.tp-da",
          "gsm_sms.udh.mm.msg_id", "gsm_sms.udh.mm.msg_part", "gsm_sms.udh.mm.msg_parts",
          "gsm_sms.sms_text"}


def first_fields(proto):
    """The first value of each wanted field inside one PDML <proto>."""
    found = {}
    for f in proto.iter("field"):
        name = f.get("name")
        if name in WANTED and name not in found:
            found[name] = f.get("show", "")
    return found


def tshark_parts(capture, extra):
    """Every forwardSM part, as a dict of fields. PDML keeps the protocol
    layers of each bundled DATA chunk in order, so a gsm_sms layer belongs
    to the gsm_map layer just before it."""
    cmd = ["tshark", "-r", capture, "-o", "sctp.reassembly:TRUE",
           "-o", "gsm_sms.reassemble:FALSE", *extra, "-Y", "gsm_sms", "-T", "pdml"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    for _, packet in ElementTree.iterparse(proc.stdout):
        if packet.tag != "packet":
            continue
        frame, invoke = {}, None
        for proto in packet.findall("proto"):
            name = proto.get("name")
            if name == "frame":
                frame = first_fields(proto)
            elif name == "gsm_map":
                invoke = first_fields(proto)
            elif name == "gsm_sms" and invoke is not None:
                if (invoke.get("gsm_map.old.Component") == "1" and
                        invoke.get("gsm_old.localValue") in ("44", "46")):
                    yield {**frame, **invoke, **first_fields(proto)}
                invoke = None
        packet.clear()
    if proc.wait() != 0:
        raise SystemExit(f"tshark failed on {capture}")


ENHANCED_VPF = "1"


def tshark_messages(capture, extra):
    """One (dir, address, imsi, text) per complete message, and the
    (time, TP-DA) of every part tshark cannot decode."""
    singles, groups, unreadable = [], collections.defaultdict(dict), set()
    for r in tshark_parts(capture, extra):
        mo = r.get("gsm_sms.tp-mti") == "1"
        if mo and r.get("gsm_sms.tp-vpf") == ENHANCED_VPF:
            unreadable.add((round(float(r["frame.time_epoch"]), 6), r.get("gsm_sms.tp-da", "")))
            continue
        key = ("MO" if mo else "MT",
               r.get("gsm_sms.tp-da" if mo else "gsm_sms.tp-oa", ""),
               "" if mo else r.get("e212.imsi", ""))
        text = r.get("gsm_sms.sms_text", "")
        total = int(r.get("gsm_sms.udh.mm.msg_parts") or 1)
        if total <= 1:
            singles.append(key + (text,))
            continue
        gkey = key + (r["gsm_sms.udh.mm.msg_id"], total)
        groups[gkey][int(r["gsm_sms.udh.mm.msg_part"])] = text
    for gkey, parts in groups.items():
        total = gkey[-1]
        if sorted(parts) == list(range(1, total + 1)):
            singles.append(gkey[:3] + ("".join(parts[i] for i in sorted(parts)),))
    return collections.Counter(singles), unreadable


def sigsift_messages(path, unreadable):
    msgs, skipped = collections.Counter(), 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            if m["text"] is None:
                continue
            if m["dir"] == "MO" and (round(m["ts"], 6), m["recipient"]) in unreadable:
                skipped += 1
                continue
            addr = m["recipient"] if m["dir"] == "MO" else m["sender"]
            msgs[(m["dir"], addr, m["imsi"] or "", m["text"])] += 1
    return msgs, skipped


def main():
    capture, ours_path, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    theirs, unreadable = tshark_messages(capture, extra)
    ours, skipped = sigsift_messages(ours_path, unreadable)
    note = f" ({skipped} with an enhanced TP-VP left out)" if skipped else ""
    if theirs == ours:
        print(f"{capture}: {sum(ours.values())} messages equal tshark's{note}")
        return 0
    print(f"{capture}: sigsift {sum(ours.values())} messages, tshark {sum(theirs.values())}{note}")
    for k, n in (theirs - ours).items():
        print(f"  only tshark x{n}: {k}")
    for k, n in (ours - theirs).items():
        print(f"  only sigsift x{n}: {k}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
