#include "dataplane/decode/bcd.h"

#include <string.h>

#include "dataplane/decode/rd.h"
#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif

#if defined(__SSSE3__)
/* Up to 16 digits per round from 8 octets: the nibbles are split and
 * interleaved low first, mapped to text by one shuffle (TS 29.002
 * §17.7.8 TBCD-STRING, Q.713 §3.4.2.3.1), and the first filler found by
 * a compare. The digits after the stop are stored as zeros, so an out
 * that was zero past the string stays so (sccp_reasm compares whole
 * keys). The loop bound is min(2n, max_digits, SS_DIGITS_MAX): the last
 * round (digits 32..39) stores 8 bytes, within out. */
static size_t bcd_digits(const uint8_t *p, size_t lim, char *out)
{
    const __m128i low = _mm_set1_epi8(0x0f);
    const __m128i text =
        _mm_setr_epi8('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'a', 'b', 'c', 0);
    const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    size_t i = 0;

    while (i < lim) {
        size_t take = lim - i < 16 ? lim - i : 16;
        uint64_t w = ss_le_upto8(p + i / 2, (take + 1) / 2);
        __m128i x = _mm_loadl_epi64((const __m128i *)(const void *)&w);
        __m128i nib =
            _mm_unpacklo_epi8(_mm_and_si128(x, low), _mm_and_si128(_mm_srli_epi16(x, 4), low));
        unsigned fill = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(nib, low));
        size_t k = (size_t)__builtin_ctz(fill | 1u << take);
        __m128i keep = _mm_cmpgt_epi8(_mm_set1_epi8((char)k), index);
        __m128i d = _mm_and_si128(_mm_shuffle_epi8(text, nib), keep);
        if (i + 16 <= SS_DIGITS_MAX)
            _mm_storeu_si128((__m128i *)(void *)(out + i), d);
        else
            _mm_storel_epi64((__m128i *)(void *)(out + i), d);
        i += k;
        if (k < 16)
            break;
    }
    return i;
}
#else
/* Nibble values 0xA-0xE per TS 29.002 §17.7.8 (TBCD-STRING) and
 * Q.713 §3.4.2.3.1; 0xF is the filler and never reaches this table. */
static const char bcd_digit[16] = "0123456789*#abc";

/* Both digits of every octet, low nibble first, so that the loop below
 * stores two digits per table lookup. Entries with a 0xF nibble are never
 * used (the filler ends the string before them). */
#define BCD_CHAR(v) ((v) < 10 ? '0' + (v) : (v) == 10 ? '*' : (v) == 11 ? '#' : 'a' + (v)-12)
#define BCD_PAIR(b)                                                                                \
    {                                                                                              \
        BCD_CHAR((b)&15), BCD_CHAR((b) >> 4)                                                       \
    }
#define BCD_PAIR4(b)  BCD_PAIR(b), BCD_PAIR((b) + 1), BCD_PAIR((b) + 2), BCD_PAIR((b) + 3)
#define BCD_PAIR16(b) BCD_PAIR4(b), BCD_PAIR4((b) + 4), BCD_PAIR4((b) + 8), BCD_PAIR4((b) + 12)
#define BCD_PAIR64(b)                                                                              \
    BCD_PAIR16(b), BCD_PAIR16((b) + 16), BCD_PAIR16((b) + 32), BCD_PAIR16((b) + 48)
static const char bcd_pair[256][2] = {BCD_PAIR64(0), BCD_PAIR64(64), BCD_PAIR64(128),
                                      BCD_PAIR64(192)};

/* The loop bound is min(2n, max_digits, SS_DIGITS_MAX), so no read or
 * write inside it needs a further check. A whole octet is copied while
 * neither nibble is the filler; the tail takes a last low nibble (odd
 * bound, or a filler in the high nibble). */
static size_t bcd_digits(const uint8_t *p, size_t lim, char *out)
{
    size_t i = 0;

    for (; i + 1 < lim; i += 2) {
        uint8_t b = p[i / 2];
        if ((b & 0x0f) == 0x0f || b >= 0xf0)
            break;
        memcpy(out + i, bcd_pair[b], 2);
    }
    if (i < lim && (p[i / 2] & 0x0f) != 0x0f) {
        out[i] = bcd_digit[p[i / 2] & 0x0f];
        i++;
    }
    return i;
}
#endif

enum ss_result ss_bcd_decode(const uint8_t *p, size_t n, size_t max_digits,
                             char out[SS_DIGITS_MAX + 1])
{
    size_t want = 2 * n < max_digits ? 2 * n : max_digits;
    size_t lim = want < SS_DIGITS_MAX ? want : SS_DIGITS_MAX;
    size_t nd = bcd_digits(p, lim, out);

    out[nd] = '\0';
    /* More digits wanted than out holds, and the next is not the filler. */
    if (nd == SS_DIGITS_MAX && nd < want && (p[nd / 2] >> (4 * (nd & 1)) & 0x0f) != 0x0f)
        return SS_OVERSIZE;
    return SS_OK;
}
