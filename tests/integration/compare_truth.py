#!/usr/bin/env python3
"""Compares `sigsift decode` output with siggen's ground truth, exactly.

Every key of the output contract must be equal for every message; the
truth's extra keys (such as "label") are ignored. Records are compared as
multisets, then, when both sides agree as sets, in order (messages are
emitted in the order their last part arrives, which siggen also records).

usage: compare_truth.py TRUTH_JSONL SIGSIFT_JSONL
"""
import collections
import json
import sys

KEYS = ["ts", "dir", "opcode", "map_version", "sender", "recipient", "imsi",
        "smsc", "dcs", "parts", "text", "opc", "dpc", "calling_gt", "called_gt"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def canon(rec):
    missing = [k for k in KEYS if k not in rec]
    if missing:
        raise SystemExit(f"record lacks {missing}: {rec}")
    return json.dumps([rec[k] for k in KEYS], ensure_ascii=False)


def main():
    truth = [canon(r) for r in load(sys.argv[1])]
    ours = [canon(r) for r in load(sys.argv[2])]
    t, o = collections.Counter(truth), collections.Counter(ours)
    if t != o:
        print(f"truth {len(truth)} messages, sigsift {len(ours)}")
        for k, n in list((t - o).items())[:10]:
            print(f"  missing x{n}: {k}")
        for k, n in list((o - t).items())[:10]:
            print(f"  unexpected x{n}: {k}")
        return 1
    if truth != ours:
        first = next(i for i, (a, b) in enumerate(zip(truth, ours)) if a != b)
        print(f"same messages, different order from record {first}:\n  truth   {truth[first]}\n"
              f"  sigsift {ours[first]}")
        return 1
    print(f"{len(ours)} messages equal the truth")
    return 0


if __name__ == "__main__":
    sys.exit(main())
