#!/usr/bin/env python3
"""Writes fuzz seeds from captures: each seed is the first frames of one
capture, every frame prefixed by its 2-byte big-endian length (the input
format of fuzz_frame.c).

usage: make_seeds.py OUT_DIR MAX_FRAMES CAPTURE.pcap...

The committed corpus (tests/fuzz/corpus) holds one seed per siggen variant:
  siggen --count 3 --seed 7 --variant V --out V.pcap --truth V.jsonl
  make_seeds.py tests/fuzz/corpus 24 *.pcap
"""
import os
import struct
import sys


def frames(path):
    with open(path, "rb") as f:
        head = f.read(24)
        endian = "<" if head[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
        while True:
            rec = f.read(16)
            if len(rec) < 16:
                return
            _, _, caplen, _ = struct.unpack(endian + "IIII", rec)
            yield f.read(caplen)


def main():
    out, limit, captures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    for cap in captures:
        seed = bytearray()
        for i, fr in enumerate(frames(cap)):
            if i == limit:
                break
            seed += struct.pack(">H", len(fr)) + fr
        name = os.path.splitext(os.path.basename(cap))[0]
        with open(os.path.join(out, name), "wb") as f:
            f.write(seed)


if __name__ == "__main__":
    main()
