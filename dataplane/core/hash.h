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

/* Starting value of a hash (the golden-ratio constant). */
#define SS_HASH_SEED 0x9e3779b97f4a7c15ull

/* Continues hash h with one 64-bit word. */
static inline uint64_t ss_hash_word(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 29);
}

/* Eight bytes as a little-endian word (one load on x86). */
static inline uint64_t ss_hash_le64(const uint8_t *b)
{
    return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24 |
           (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 |
           (uint64_t)b[7] << 56;
}

/* Four and two bytes as little-endian words (one load each on x86). */
static inline uint64_t ss_hash_le32(const uint8_t *b)
{
    return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24;
}

static inline uint64_t ss_hash_le16(const uint8_t *b)
{
    return (uint64_t)b[0] | (uint64_t)b[1] << 8;
}

/* The n <= 8 bytes at b as a little-endian word, read as two loads
 * that may overlap (the overlapping bytes land on the same bits, so OR
 * keeps them): a byte loop cost four instructions per byte, and a
 * variable-size memcpy into a word stalls the load that follows it on
 * store forwarding. */
static inline uint64_t ss_hash_tail(const uint8_t *b, size_t n)
{
    if (n >= 4)
        return ss_hash_le32(b) | ss_hash_le32(b + n - 4) << (8 * (n - 4));
    if (n >= 2)
        return ss_hash_le16(b) | ss_hash_le16(b + n - 2) << (8 * (n - 2));
    return n ? b[0] : 0;
}

/* Continues hash h with n bytes at p; start a fresh hash from SS_HASH_SEED. */
static inline uint64_t ss_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const uint8_t *b = p;
    size_t i = 0;

    h = ss_hash_word(h, n);
    for (; i + 8 <= n; i += 8)
        h = ss_hash_word(h, ss_hash_le64(b + i));
    h = (h ^ ss_hash_tail(b + i, n - i)) * 0x94d049bb133111ebull;
    return h ^ (h >> 32);
}

#endif
