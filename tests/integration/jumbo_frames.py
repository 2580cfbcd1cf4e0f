#!/usr/bin/env python3
"""Rewrites a capture so that its SCTP packets travel in jumbo frames.

Usage: jumbo_frames.py IN.pcap OUT.pcap LIMIT

Each SCTP association direction's packets (untagged Ethernet, IPv4 without
options or fragments) have their chunks gathered, in order, into packets
of at most LIMIT bytes; a packet is written when the next chunk would not
fit, and at the end of the capture. Other frames are copied as they are.
Chunk order within an association is kept; across associations it is
not. The IPv4 length and header checksum are rewritten; the SCTP checksum
is left as it was (sigsift does not check it). Prints the frames written
and those above 2048 bytes."""
import struct
import sys

ETH, IP, SCTP = 14, 20, 12
HDR = ETH + IP + SCTP


def ip_checksum(h):
    s = sum(struct.unpack(">10H", h))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def packet(head, chunks):
    body = head[ETH + IP:HDR] + b"".join(chunks)
    ip = bytearray(head[ETH:ETH + IP])
    struct.pack_into(">H", ip, 2, IP + len(body))
    struct.pack_into(">H", ip, 10, 0)
    struct.pack_into(">H", ip, 10, ip_checksum(bytes(ip)))
    return head[:ETH] + bytes(ip) + body


def is_plain_sctp(f):
    return (len(f) >= HDR and f[12:14] == b"\x08\x00" and f[14] == 0x45 and f[23] == 132
            and struct.unpack(">H", f[20:22])[0] & 0x3FFF == 0)


def main():
    src, dst, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    d = open(src, "rb").read()
    if d[:4] != b"\xd4\xc3\xb2\xa1":
        sys.exit("jumbo_frames.py: not a little-endian pcap")
    out, pending, sizes = [d[:24]], {}, []

    def write(ts, frame):
        out.append(struct.pack("<IIII", ts[0], ts[1], len(frame), len(frame)) + frame)
        sizes.append(len(frame))

    def flush(key):
        ts, head, chunks = pending.pop(key)
        write(ts, packet(head, chunks))

    o = 24
    while o + 16 <= len(d):
        sec, usec, caplen, _ = struct.unpack("<IIII", d[o:o + 16])
        f = d[o + 16:o + 16 + caplen]
        o += 16 + caplen
        if not is_plain_sctp(f):
            write((sec, usec), f)
            continue
        key = f[:ETH] + f[26:34] + f[34:42]  # MACs, addresses, ports and tag
        if key in pending and HDR + sum(map(len, pending[key][2])) + len(f) - HDR > limit:
            flush(key)
        entry = pending.setdefault(key, [None, f[:HDR], []])
        entry[0] = (sec, usec)
        entry[2].append(f[HDR:])
    for key in list(pending):
        flush(key)
    open(dst, "wb").write(b"".join(out))
    print(len(sizes), sum(s > 2048 for s in sizes))


main()
