#include <stdbool.h>
#if defined(__AVX2__)
#include <immintrin.h>
#elif defined(__SSSE3__)
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

/* Output bytes a block of eight units may store past its text: each half
 * is stored as 16 bytes of which 4 to 12 are text, so a block holding
 * one unit of a text's tail stores up to 28 bytes. */
#define UCS2_OUT_SLACK 32

#if defined(__SSSE3__)
/* For four units, bit j set when unit j is ASCII: the shuffle that keeps
 * byte 0 (j), 1 (4 + j) and 2 (8 + j) of each three-byte unit and byte 0
 * of each ASCII one, in order. The entries after those 12 - 2 * popcount
 * bytes are 0: what they select is stored past the text, never read. */
#define UCS2_U3(j) j, 4 + j, 8 + j
#define UCS2_U1(j) j
/* clang-format off */
static const int8_t ucs2_mixed4[16][16] = {
    {UCS2_U3(0), UCS2_U3(1), UCS2_U3(2), UCS2_U3(3)},
    {UCS2_U1(0), UCS2_U3(1), UCS2_U3(2), UCS2_U3(3)},
    {UCS2_U3(0), UCS2_U1(1), UCS2_U3(2), UCS2_U3(3)},
    {UCS2_U1(0), UCS2_U1(1), UCS2_U3(2), UCS2_U3(3)},
    {UCS2_U3(0), UCS2_U3(1), UCS2_U1(2), UCS2_U3(3)},
    {UCS2_U1(0), UCS2_U3(1), UCS2_U1(2), UCS2_U3(3)},
    {UCS2_U3(0), UCS2_U1(1), UCS2_U1(2), UCS2_U3(3)},
    {UCS2_U1(0), UCS2_U1(1), UCS2_U1(2), UCS2_U3(3)},
    {UCS2_U3(0), UCS2_U3(1), UCS2_U3(2), UCS2_U1(3)},
    {UCS2_U1(0), UCS2_U3(1), UCS2_U3(2), UCS2_U1(3)},
    {UCS2_U3(0), UCS2_U1(1), UCS2_U3(2), UCS2_U1(3)},
    {UCS2_U1(0), UCS2_U1(1), UCS2_U3(2), UCS2_U1(3)},
    {UCS2_U3(0), UCS2_U3(1), UCS2_U1(2), UCS2_U1(3)},
    {UCS2_U1(0), UCS2_U3(1), UCS2_U1(2), UCS2_U1(3)},
    {UCS2_U3(0), UCS2_U1(1), UCS2_U1(2), UCS2_U1(3)},
    {UCS2_U1(0), UCS2_U1(1), UCS2_U1(2), UCS2_U1(3)},
};
/* clang-format on */

/* Stores the 4-to-12 bytes of four units whose bytes 0, 1 and 2 are
 * bytes 0-3, 4-7 and 8-11 of src; ascii has bit j set for an ASCII unit j.
 * Returns the bytes of text. */
static inline size_t ucs2_mixed_half(__m128i src, unsigned ascii, char *out)
{
    __m128i shuf = _mm_loadu_si128((const __m128i *)(const void *)ucs2_mixed4[ascii]);
    _mm_storeu_si128((__m128i *)(void *)out, _mm_shuffle_epi8(src, shuf));
    return 12 - 2 * (size_t)__builtin_popcount(ascii);
}

/* Eight UCS2 units (big-endian, as loaded) to UTF-8 at out when every one
 * is ASCII or a three-byte character (U+0800-U+FFFF outside the
 * surrogates: CJK texts and their digits and Latin letters); returns the
 * bytes of text, or 0, nothing written, for any other block (2-byte
 * characters, surrogates). The units are byte-swapped to host order and the three bytes of each
 * computed in 16-bit lanes and packed; a block of one kind is then
 * interleaved by fixed shuffles, a mixed one half by half through
 * ucs2_mixed4. Up to UCS2_OUT_SLACK bytes past the text may be written. */
static inline __attribute__((always_inline)) size_t ucs2_block8(__m128i raw, char *out)
{
    const __m128i swap = _mm_setr_epi8(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14);
    __m128i x = _mm_shuffle_epi8(raw, swap);
    __m128i ascii =
        _mm_cmpeq_epi16(_mm_and_si128(x, _mm_set1_epi16((short)0xff80)), _mm_setzero_si128());
    __m128i below = _mm_subs_epu16(_mm_set1_epi16(0x0800), x); /* non-zero below U+0800 */
    __m128i surrogate = _mm_cmpeq_epi16(_mm_and_si128(x, _mm_set1_epi16((short)0xf800)),
                                        _mm_set1_epi16((short)0xd800));
    __m128i three = _mm_andnot_si128(surrogate, _mm_cmpeq_epi16(below, _mm_setzero_si128()));
    /* One bit per unit: ASCII in bits 0-7, three-byte in bits 8-15. */
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(ascii, three));
    unsigned a = m & 0xff, t = m >> 8;
    if (a == 0xff) {
        _mm_storel_epi64((__m128i *)(void *)out, _mm_packus_epi16(x, x));
        return 8;
    }
    if ((a | t) != 0xff)
        return 0;
    const __m128i low6 = _mm_set1_epi16(0x3f), cont = _mm_set1_epi16(0x80);
    __m128i b0 = _mm_or_si128(_mm_srli_epi16(x, 12), _mm_set1_epi16(0xe0));
    __m128i b1 = _mm_or_si128(_mm_and_si128(_mm_srli_epi16(x, 6), low6), cont);
    __m128i b2 = _mm_or_si128(_mm_and_si128(x, low6), cont);
    if (t == 0xff) {
        __m128i v01 = _mm_packus_epi16(b0, b1); /* b0 of units 0-7, then b1 */
        __m128i v2 = _mm_packus_epi16(b2, b2);  /* b2 of units 0-7, twice */
        /* Output byte j is byte j % 3 of unit j / 3: from v01 for the
         * first two, from v2 for the third; -1 selects zero. */
        const __m128i lo01 = _mm_setr_epi8(0, 8, -1, 1, 9, -1, 2, 10, -1, 3, 11, -1, 4, 12, -1, 5);
        const __m128i lo2 =
            _mm_setr_epi8(-1, -1, 0, -1, -1, 1, -1, -1, 2, -1, -1, 3, -1, -1, 4, -1);
        const __m128i hi01 =
            _mm_setr_epi8(13, -1, 6, 14, -1, 7, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1);
        const __m128i hi2 =
            _mm_setr_epi8(-1, 5, -1, -1, 6, -1, -1, 7, -1, -1, -1, -1, -1, -1, -1, -1);
        __m128i lo = _mm_or_si128(_mm_shuffle_epi8(v01, lo01), _mm_shuffle_epi8(v2, lo2));
        __m128i hi = _mm_or_si128(_mm_shuffle_epi8(v01, hi01), _mm_shuffle_epi8(v2, hi2));
        _mm_storeu_si128((__m128i *)(void *)out, lo);
        _mm_storel_epi64((__m128i *)(void *)(out + 16), hi);
        return 24;
    }
    /* An ASCII unit's byte 0 is the unit itself. */
    b0 = _mm_or_si128(_mm_and_si128(ascii, x), _mm_andnot_si128(ascii, b0));
    /* Dwords: b0 of units 0-3, 4-7, b1 of 0-3, 4-7; then b2 of 0-3, 4-7. */
    __m128i v01 = _mm_shuffle_epi32(_mm_packus_epi16(b0, b1), _MM_SHUFFLE(3, 1, 2, 0));
    __m128i v2 = _mm_packus_epi16(b2, b2);
    size_t n = ucs2_mixed_half(_mm_unpacklo_epi64(v01, v2), a & 15, out);
    return n + ucs2_mixed_half(_mm_unpackhi_epi64(v01, _mm_srli_si128(v2, 4)), a >> 4, out + n);
}

static inline __m128i ucs2_load16(const uint8_t *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* Loaded at offset d, a shuffle moving octet d to position 0 and zeroing
 * what lies past the 16 octets loaded. */
static const uint8_t ucs2_slide[32] = {
    0,    1,    2,    3,    4,    5,    6,    7,    8,    9,    10,   11,   12,   13,   14,   15,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80};

/* The last n < 8 units of a text, which end at p + end >= p + 16: as
 * ucs2_block8 on the last 16 octets slid down to them, the units past
 * them zero (ASCII NULs, one byte each after the text, not counted). */
static size_t ucs2_tail(const uint8_t *p, size_t end, size_t n, char *out)
{
    __m128i x = _mm_shuffle_epi8(ucs2_load16(p + end - 16), ucs2_load16(ucs2_slide + 16 - 2 * n));
    size_t bytes = ucs2_block8(x, out);
    return bytes ? bytes - (8 - n) : 0;
}
#endif

#if defined(__AVX2__)
/* Sixteen UCS2 units at p to UTF-8 at out when all are ASCII (16 bytes)
 * or all three-byte characters (48 bytes): ucs2_block8's two uniform
 * cases with each 128-bit lane doing one block of eight, so a CJK or
 * ASCII run costs half the instructions. 0, nothing written, for any
 * other sixteen (mixed, 2-byte, surrogates), which go eight at a time.
 * Stores exactly the bytes of text. */
static inline __attribute__((always_inline)) size_t ucs2_block16(const uint8_t *p, char *out)
{
    const __m256i swap = _mm256_setr_epi8(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14, 1,
                                          0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14);
    __m256i x = _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)(const void *)p), swap);
    __m256i ascii = _mm256_cmpeq_epi16(_mm256_and_si256(x, _mm256_set1_epi16((short)0xff80)),
                                       _mm256_setzero_si256());
    if ((unsigned)_mm256_movemask_epi8(ascii) == 0xffffffffu) {
        /* Bytes 0-7 of each lane hold its eight units: join the two. */
        __m256i b = _mm256_permute4x64_epi64(_mm256_packus_epi16(x, x), _MM_SHUFFLE(3, 1, 2, 0));
        _mm_storeu_si128((__m128i *)(void *)out, _mm256_castsi256_si128(b));
        return 16;
    }
    __m256i below = _mm256_subs_epu16(_mm256_set1_epi16(0x0800), x);
    __m256i surrogate = _mm256_cmpeq_epi16(_mm256_and_si256(x, _mm256_set1_epi16((short)0xf800)),
                                           _mm256_set1_epi16((short)0xd800));
    __m256i three =
        _mm256_andnot_si256(surrogate, _mm256_cmpeq_epi16(below, _mm256_setzero_si256()));
    if ((unsigned)_mm256_movemask_epi8(three) != 0xffffffffu)
        return 0;
    const __m256i low6 = _mm256_set1_epi16(0x3f), cont = _mm256_set1_epi16(0x80);
    __m256i b0 = _mm256_or_si256(_mm256_srli_epi16(x, 12), _mm256_set1_epi16(0xe0));
    __m256i b1 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(x, 6), low6), cont);
    __m256i b2 = _mm256_or_si256(_mm256_and_si256(x, low6), cont);
    __m256i v01 = _mm256_packus_epi16(b0, b1);
    __m256i v2 = _mm256_packus_epi16(b2, b2);
    /* ucs2_block8's interleave, lane by lane: 24 bytes from each. */
    const __m256i lo01 = _mm256_setr_epi8(0, 8, -1, 1, 9, -1, 2, 10, -1, 3, 11, -1, 4, 12, -1, 5, 0,
                                          8, -1, 1, 9, -1, 2, 10, -1, 3, 11, -1, 4, 12, -1, 5);
    const __m256i lo2 = _mm256_setr_epi8(-1, -1, 0, -1, -1, 1, -1, -1, 2, -1, -1, 3, -1, -1, 4, -1,
                                         -1, -1, 0, -1, -1, 1, -1, -1, 2, -1, -1, 3, -1, -1, 4, -1);
    const __m256i hi01 =
        _mm256_setr_epi8(13, -1, 6, 14, -1, 7, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, 13, -1, 6,
                         14, -1, 7, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    const __m256i hi2 =
        _mm256_setr_epi8(-1, 5, -1, -1, 6, -1, -1, 7, -1, -1, -1, -1, -1, -1, -1, -1, -1, 5, -1, -1,
                         6, -1, -1, 7, -1, -1, -1, -1, -1, -1, -1, -1);
    __m256i lo = _mm256_or_si256(_mm256_shuffle_epi8(v01, lo01), _mm256_shuffle_epi8(v2, lo2));
    __m256i hi = _mm256_or_si256(_mm256_shuffle_epi8(v01, hi01), _mm256_shuffle_epi8(v2, hi2));
    _mm_storeu_si128((__m128i *)(void *)out, _mm256_castsi256_si128(lo));
    _mm_storel_epi64((__m128i *)(void *)(out + 16), _mm256_castsi256_si128(hi));
    _mm_storeu_si128((__m128i *)(void *)(out + 24), _mm256_extracti128_si256(lo, 1));
    _mm_storel_epi64((__m128i *)(void *)(out + 40), _mm256_extracti128_si256(hi, 1));
    return 48;
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
    /* Eight units at a time while they are ASCII or three-byte
     * characters (sixteen with AVX2 while all are ASCII or all are
     * three-byte), and the last three to seven as one block too; the units
     * of a block that is not go one by one, then blocks again. */
    size_t scalar_until = 0;
#endif

    for (size_t i = 0; i + 1 < len; i += 2) {
#if defined(__SSSE3__)
        if (!checked && i >= scalar_until) {
            size_t n, units;
            for (;;) {
#if defined(__AVX2__)
                if (len - i >= 32 && (n = ucs2_block16(p + i, out + olen)) != 0) {
                    olen += n;
                    i += 32;
                    continue;
                }
#endif
                if (len - i < 16 || (n = ucs2_block8(ucs2_load16(p + i), out + olen)) == 0)
                    break;
                olen += n;
                i += 16;
            }
            if (len - i >= 16) {
                scalar_until = i + 16;
            } else {
                units = (len - i) / 2;
                if (units >= 3 && i >= 16 &&
                    (n = ucs2_tail(p, i + 2 * units, units, out + olen)) != 0) {
                    olen += n;
                    i += 2 * units;
                }
                scalar_until = SIZE_MAX;
                if (i + 1 >= len)
                    break;
            }
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

/* Kept out of line: inlined into the pipeline's per-message function,
 * its vector code made that function save and restore more registers for
 * every message (about 0.5 M instructions more on 22,831 parts of which
 * a minority is UCS2). */
__attribute__((noinline)) enum ss_result ss_ucs2_to_utf8(const uint8_t *p, size_t len, char *out,
                                                         size_t cap, size_t *out_len, unsigned *bad)
{
    *out_len = 0;
    *bad = len & 1;
    if (cap == 0)
        return SS_OVERSIZE;
    /* Each 2-octet unit gives at most 3 bytes (a 4-octet pair 4), plus the
     * NUL and what the blocks may store past the text. */
    if (len / 2 < SIZE_MAX / SS_UTF8_PER_UNIT_MAX - UCS2_OUT_SLACK &&
        SS_UTF8_PER_UNIT_MAX * (len / 2) + UCS2_OUT_SLACK < cap)
        return ucs2_convert(p, len, out, cap, out_len, bad, false);
    return ucs2_convert(p, len, out, cap, out_len, bad, true);
}
