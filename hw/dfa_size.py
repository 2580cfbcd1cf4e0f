#!/usr/bin/env python3
"""Table size of an Aho-Corasick DFA versus the hashed filter, per copy.

Builds the keyword trie for libraries drawn like kwm_vectors' bench (20
single rare Chinese characters, then 40% two, 60% three to six,
characters uniform over U+4E00..U+5BB7), counts DFA states (= trie nodes) and
byte classes (bytes with identical columns in the DFA: bounded here by the
distinct keyword bytes + 1 for "any other byte"), and prints the bits of
one full DFA table (states x classes x ceil(log2 states)) beside the bits
of one engine's filter tables and the shared confirmation tables of the
hashed design (hw/synth/run.py geometry, two banks each).

usage: hw/dfa_size.py [seed]
"""
import math
import random
import sys

SIZES = {
    "1k": (1000, [8, 10, 10, 10, 10, 12, 10, 13], 11, 10),
    "10k": (10000, [8, 12, 13, 12, 12, 15, 12, 16], 15, 14),
    "100k": (100000, [8, 13, 15, 13, 13, 18, 13, 19], 18, 17),
}
HASHES, MAXK = 4, 32


def char(rng, rare):
    u = rng.random()
    cp = 0x4E00 + int(2000 + 1000 * u if rare else 3000 * u)
    return chr(cp).encode()


def keyword(rng, i):
    r = rng.randrange(100)
    n = 1 if i < 20 else 2 if r < 40 else 3 + rng.randrange(4)
    return b"".join(char(rng, n == 1) for _ in range(n))


def main():
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    print("| keywords | DFA states | byte classes (bound) | DFA bits per copy | filter bits per engine | confirm bits (shared) |")
    print("|---|---|---|---|---|---|")
    for name, (n, fb, ib, sb) in SIZES.items():
        trie = [{}]
        used = set()
        for i in range(n):
            node = 0
            for b in keyword(rng, i):
                used.add(b)
                nxt = trie[node].get(b)
                if nxt is None:
                    nxt = len(trie)
                    trie[node][b] = nxt
                    trie.append({})
                node = nxt
        states = len(trie)
        classes = len(used) + 1
        dfa_bits = states * classes * math.ceil(math.log2(states))
        filt = sum(HASHES * 2 * (1 << min(b, 8 * (i + 1))) for i, b in enumerate(fb))
        conf = 2 * (1 << ib) * 32 + 2 * (1 << sb) * (40 + MAXK * 8)
        print("| %s | %d | %d | %.1f M | %.2f M | %.1f M |" % (
            name, states, classes, dfa_bits / 1e6, filt / 1e6, conf / 1e6))


if __name__ == "__main__":
    main()
