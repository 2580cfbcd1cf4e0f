#include <stdbool.h>
#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif

#include "dataplane/decode/text.h"
#include "dataplane/decode/utf8.h"

static bool is_surrogate(uint16_t u)
{
    return u >= 0xd800 && u <= 0xdfff;
}

static bool is_lead(uint16_t u)
{
    return u >= 0xd800 && u <= 0xdbff;
}

static bool is_trail(uint16_t u)
{
    return u >= 0xdc00 && u <= 0xdfff;
}

#if defined(__SSSE3__)
/* Eight UCS2 units at p, when every one is a three-byte UTF-8 character
 * (U+0800-U+FFFF outside the surrogates: CJK texts), to their 24 bytes at
 * out; false, nothing written, otherwise. The units are byte-swapped to
 * host order, the three bytes of each computed in 16-bit lanes and packed,
 * then interleaved by two byte shuffles. */
static bool ucs2_three_byte8(const uint8_t *p, char *out)
{
    const __m128i swap = _mm_setr_epi8(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14);
    __m128i x = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), swap);
    __m128i below = _mm_subs_epu16(_mm_set1_epi16(0x0800), x); /* non-zero below U+0800 */
    __m128i surrogate = _mm_cmpeq_epi16(_mm_and_si128(x, _mm_set1_epi16((short)0xf800)),
                                        _mm_set1_epi16((short)0xd800));
    __m128i refuse = _mm_or_si128(_mm_xor_si128(_mm_cmpeq_epi16(below, _mm_setzero_si128()),
                                                _mm_set1_epi16(-1)),
                                  surrogate);
    if (_mm_movemask_epi8(refuse) != 0)
        return false;
    const __m128i low6 = _mm_set1_epi16(0x3f), cont = _mm_set1_epi16(0x80);
    __m128i b0 = _mm_or_si128(_mm_srli_epi16(x, 12), _mm_set1_epi16(0xe0));
    __m128i b1 = _mm_or_si128(_mm_and_si128(_mm_srli_epi16(x, 6), low6), cont);
    __m128i b2 = _mm_or_si128(_mm_and_si128(x, low6), cont);
    __m128i v01 = _mm_packus_epi16(b0, b1); /* b0 of units 0-7, then b1 */
    __m128i v2 = _mm_packus_epi16(b2, b2);  /* b2 of units 0-7, twice */
    /* Output byte j is byte j % 3 of unit j / 3: from v01 for the first
     * two, from v2 for the third; -1 selects zero. */
    const __m128i lo01 = _mm_setr_epi8(0, 8, -1, 1, 9, -1, 2, 10, -1, 3, 11, -1, 4, 12, -1, 5);
    const __m128i lo2 = _mm_setr_epi8(-1, -1, 0, -1, -1, 1, -1, -1, 2, -1, -1, 3, -1, -1, 4, -1);
    const __m128i hi01 = _mm_setr_epi8(13, -1, 6, 14, -1, 7, 15, -1, -1, -1, -1, -1, -1, -1, -1,
                                       -1);
    const __m128i hi2 = _mm_setr_epi8(-1, 5, -1, -1, 6, -1, -1, 7, -1, -1, -1, -1, -1, -1, -1, -1);
    __m128i lo = _mm_or_si128(_mm_shuffle_epi8(v01, lo01), _mm_shuffle_epi8(v2, lo2));
    __m128i hi = _mm_or_si128(_mm_shuffle_epi8(v01, hi01), _mm_shuffle_epi8(v2, hi2));
    _mm_storeu_si128((__m128i *)(void *)out, lo);
    _mm_storel_epi64((__m128i *)(void *)(out + 16), hi);
    return true;
}
#endif

/* The conversion loop; inlined twice, with checked a constant, so that
 * the copy used when the whole output is known to fit has no per-character
 * bound check. */
static inline __attribute__((always_inline)) enum ss_result
ucs2_convert(const uint8_t *p, size_t len, char *out, size_t cap, size_t *out_len, unsigned *bad,
             bool checked)
{
    /* TS 23.038 §6.2.3: UCS2 big-endian; handsets send UTF-16, so a lead
     * plus trail surrogate is joined. An unpaired surrogate becomes U+FFFD;
     * an odd final octet is dropped. Both are counted in *bad. */
    size_t olen = 0, next;
    unsigned nbad = len & 1;
#if defined(__SSSE3__)
    /* Eight units at a time while they are all three-byte characters;
     * after a block that is not, its units go one by one. */
    size_t scalar_until = 0;
#endif

    for (size_t i = 0; i + 1 < len; i += 2) {
#if defined(__SSSE3__)
        if (!checked && i >= scalar_until && len - i >= 16) {
            if (ucs2_three_byte8(p + i, out + olen)) {
                olen += 24;
                i += 14; /* and 2 by the loop */
                continue;
            }
            scalar_until = i + 16;
        }
#endif
        uint16_t u = (uint16_t)(p[i] << 8 | p[i + 1]);
        /* The three-byte form (CJK, the bulk of UCS2 texts) first, with
         * no length test when the output is bounded already. */
        if (!checked && u >= 0x800 && !is_surrogate(u)) {
            out[olen] = (char)(0xe0 | u >> 12);
            out[olen + 1] = (char)(0x80 | (u >> 6 & 0x3f));
            out[olen + 2] = (char)(0x80 | (u & 0x3f));
            olen += 3;
            continue;
        }
        uint32_t cp = u;
        if (is_surrogate(u)) {
            if (is_lead(u) && i + 3 < len && is_trail((uint16_t)(p[i + 2] << 8 | p[i + 3]))) {
                uint16_t t = (uint16_t)(p[i + 2] << 8 | p[i + 3]);
                cp = 0x10000 + ((uint32_t)(u - 0xd800) << 10) + (uint32_t)(t - 0xdc00);
                i += 2;
            } else {
                cp = SS_UNI_REPLACEMENT;
                nbad++;
            }
        }
        next = ss_utf8_put(cp, out, cap, olen, checked);
        if (!next)
            return ss_utf8_end(out, olen, nbad, out_len, bad, SS_OVERSIZE);
        olen = next;
    }
    return ss_utf8_end(out, olen, nbad, out_len, bad, SS_OK);
}

enum ss_result ss_ucs2_to_utf8(const uint8_t *p, size_t len, char *out, size_t cap, size_t *out_len,
                               unsigned *bad)
{
    *out_len = 0;
    *bad = len & 1;
    if (cap == 0)
        return SS_OVERSIZE;
    /* Each 2-octet unit gives at most 3 bytes (a 4-octet pair 4), plus the
     * NUL. */
    if (len / 2 < SIZE_MAX / SS_UTF8_PER_UNIT_MAX && SS_UTF8_PER_UNIT_MAX * (len / 2) < cap)
        return ucs2_convert(p, len, out, cap, out_len, bad, false);
    return ucs2_convert(p, len, out, cap, out_len, bad, true);
}
