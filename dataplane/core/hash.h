/* The one non-cryptographic hash of sigsift: table keys (SCTP reassembly,
 * concatenation, SCCP reassembly, TCAP parties) and the rule-set digest.
 *
 * Bytes are read 8 at a time, each word mixed with one multiply and a
 * shift (the splitmix64 constants). Byte-wise FNV-1a cost one dependent
 * multiply per byte, which on a 100-byte concatenation key showed in the
 * decode profile; this costs one per 8 bytes. The length is mixed in
 * first, so hashes chained over several strings stay apart ("ab","c" is
 * not "a","bc"). Words are read little-endian whatever the host, so a
 * digest is the same wherever it is computed. The tables it serves bound
 * their chains and have no adversary that can see their size, so no
 * keyed hash is needed. */
#ifndef SS_HASH_H
#define SS_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/rd.h"

/* Starting value of a hash (the golden-ratio constant). */
#define SS_HASH_SEED 0x9e3779b97f4a7c15ull

/* Continues hash h with one 64-bit word. */
static inline uint64_t ss_hash_word(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 29);
}

/* Continues hash h with n bytes at p; start a fresh hash from SS_HASH_SEED. */
static inline uint64_t ss_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const uint8_t *b = p;
    size_t i = 0;

    h = ss_hash_word(h, n);
    for (; i + 8 <= n; i += 8)
        h = ss_hash_word(h, ss_le64(b + i));
    h = (h ^ ss_le_upto8(b + i, n - i)) * 0x94d049bb133111ebull;
    return h ^ (h >> 32);
}

#endif
