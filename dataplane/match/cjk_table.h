/* The CJK code points that the remap presentation encodes in two bytes
 * (GB 2312 level 1, see gen_cjk_table.py), as a sorted list plus a
 * rank index: a code point's code is its rank in the sorted list, found
 * with one bitmap word and a popcount per 64-code-point page. */
#ifndef SS_CJK_TABLE_H
#define SS_CJK_TABLE_H

#include <stdint.h>

#define SS_CJK_FIRST 0x4e00u
#define SS_CJK_LAST  0x9fffu
#define SS_CJK_PAGES (((SS_CJK_LAST + 1) - SS_CJK_FIRST) / 64)
#define SS_CJK_CODES 3755

extern const uint16_t ss_cjk_cp[SS_CJK_CODES];   /* rank -> code point */
extern const uint64_t ss_cjk_bits[SS_CJK_PAGES]; /* page -> members */
extern const uint16_t ss_cjk_base[SS_CJK_PAGES]; /* page -> rank of first */

/* Rank of cp in the table, or -1 when cp has no two-byte code. */
static inline int ss_cjk_rank(uint32_t cp)
{
    if (cp < SS_CJK_FIRST || cp > SS_CJK_LAST)
        return -1;
    uint32_t off = cp - SS_CJK_FIRST;
    uint64_t word = ss_cjk_bits[off / 64];
    uint64_t bit = 1ull << (off % 64);
    if (!(word & bit))
        return -1;
    return ss_cjk_base[off / 64] + __builtin_popcountll(word & (bit - 1));
}

#endif
