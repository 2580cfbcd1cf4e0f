#!/usr/bin/env python3
"""Compares `sigsift decode` output with tshark on the same capture.

tshark (Wireshark's dissectors, an implementation independent of sigsift)
is run with SCTP reassembly on and SMS reassembly off, so every
forwardSM part shows its own TP addresses and text; the parts of a
concatenated message are joined here by (direction, TP address, IMSI,
reference, total) in part order. Both sides are then compared as
multisets of (direction, TP address, IMSI, text).

usage: compare_tshark.py CAPTURE SIGSIFT_JSONL [EXTRA_TSHARK_OPTION...]
Exit 0 when equal, 1 with a diff otherwise.
"""
import collections
import json
import subprocess
import sys

FIELDS = [
    "frame.number", "gsm_map.old.Component", "gsm_old.localValue",
    "gsm_sms.tp-mti", "gsm_sms.tp-oa", "gsm_sms.tp-da", "e212.imsi",
    "gsm_sms.udh.mm.msg_id", "gsm_sms.udh.mm.msg_part",
    "gsm_sms.udh.mm.msg_parts", "gsm_sms.sms_text",
]
SEP = "\x1f"


def tshark_parts(capture, extra):
    cmd = ["tshark", "-r", capture, "-o", "sctp.reassembly:TRUE",
           "-o", "gsm_sms.reassemble:FALSE", *extra,
           "-Y", "gsm_sms && (gsm_old.localValue == 44 || gsm_old.localValue == 46)",
           "-T", "fields", "-E", "occurrence=f", "-E", "separator=" + SEP]
    for f in FIELDS:
        cmd += ["-e", f]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        row = dict(zip(FIELDS, line.split(SEP)))
        if row["gsm_map.old.Component"] != "1":
            continue
        yield row


def tshark_messages(capture, extra):
    """One (dir, address, imsi, text) per complete message."""
    singles, groups = [], collections.defaultdict(dict)
    for r in tshark_parts(capture, extra):
        mo = r["gsm_sms.tp-mti"] == "1"
        key = ("MO" if mo else "MT",
               r["gsm_sms.tp-da"] if mo else r["gsm_sms.tp-oa"],
               r["e212.imsi"] if not mo else "")
        text = r["gsm_sms.sms_text"]
        total = int(r["gsm_sms.udh.mm.msg_parts"] or 1)
        if total <= 1:
            singles.append(key + (text,))
            continue
        gkey = key + (r["gsm_sms.udh.mm.msg_id"], total)
        groups[gkey][int(r["gsm_sms.udh.mm.msg_part"])] = text
    for gkey, parts in groups.items():
        total = gkey[-1]
        if sorted(parts) == list(range(1, total + 1)):
            singles.append(gkey[:3] + ("".join(parts[i] for i in sorted(parts)),))
    return collections.Counter(singles)


def sigsift_messages(path):
    msgs = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            if m["text"] is None:
                continue
            addr = m["recipient"] if m["dir"] == "MO" else m["sender"]
            msgs[(m["dir"], addr, m["imsi"] or "", m["text"])] += 1
    return msgs


def main():
    capture, ours_path, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    theirs = tshark_messages(capture, extra)
    ours = sigsift_messages(ours_path)
    if theirs == ours:
        print(f"{capture}: {sum(ours.values())} messages equal tshark's")
        return 0
    print(f"{capture}: sigsift {sum(ours.values())} messages, tshark {sum(theirs.values())}")
    for k, n in (theirs - ours).items():
        print(f"  only tshark x{n}: {k}")
    for k, n in (ours - theirs).items():
        print(f"  only sigsift x{n}: {k}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
