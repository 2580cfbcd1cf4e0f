#include <stdbool.h>
#include <string.h>
#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif

#include "dataplane/decode/text.h"
#include "dataplane/decode/utf8.h"

#define GSM7_ESC 0x1b

/* TS 23.038 §6.2.1 default alphabet as Unicode, written once and
 * expanded into the two tables below. Matches Wireshark's epan/charsets.c
 * so that sigsift's text equals tshark's gsm_sms.sms_text: 0x09 is U+00C7
 * (capital C cedilla, as the table prints it), 0x0a LF, 0x0d CR; 0x1b is
 * the escape and never looked up as a character. */
/* clang-format off */
#define GSM7_DEFAULT(X) \
    /* 0x00 */ X(0x0040) X(0x00a3) X(0x0024) X(0x00a5) X(0x00e8) X(0x00e9) X(0x00f9) X(0x00ec) \
    /* 0x08 */ X(0x00f2) X(0x00c7) X(0x000a) X(0x00d8) X(0x00f8) X(0x000d) X(0x00c5) X(0x00e5) \
    /* 0x10 */ X(0x0394) X(0x005f) X(0x03a6) X(0x0393) X(0x039b) X(0x03a9) X(0x03a0) X(0x03a8) \
    /* 0x18 */ X(0x03a3) X(0x0398) X(0x039e) X(0x00a0) X(0x00c6) X(0x00e6) X(0x00df) X(0x00c9) \
    /* 0x20 */ X(0x0020) X(0x0021) X(0x0022) X(0x0023) X(0x00a4) X(0x0025) X(0x0026) X(0x0027) \
    /* 0x28 */ X(0x0028) X(0x0029) X(0x002a) X(0x002b) X(0x002c) X(0x002d) X(0x002e) X(0x002f) \
    /* 0x30 */ X(0x0030) X(0x0031) X(0x0032) X(0x0033) X(0x0034) X(0x0035) X(0x0036) X(0x0037) \
    /* 0x38 */ X(0x0038) X(0x0039) X(0x003a) X(0x003b) X(0x003c) X(0x003d) X(0x003e) X(0x003f) \
    /* 0x40 */ X(0x00a1) X(0x0041) X(0x0042) X(0x0043) X(0x0044) X(0x0045) X(0x0046) X(0x0047) \
    /* 0x48 */ X(0x0048) X(0x0049) X(0x004a) X(0x004b) X(0x004c) X(0x004d) X(0x004e) X(0x004f) \
    /* 0x50 */ X(0x0050) X(0x0051) X(0x0052) X(0x0053) X(0x0054) X(0x0055) X(0x0056) X(0x0057) \
    /* 0x58 */ X(0x0058) X(0x0059) X(0x005a) X(0x00c4) X(0x00d6) X(0x00d1) X(0x00dc) X(0x00a7) \
    /* 0x60 */ X(0x00bf) X(0x0061) X(0x0062) X(0x0063) X(0x0064) X(0x0065) X(0x0066) X(0x0067) \
    /* 0x68 */ X(0x0068) X(0x0069) X(0x006a) X(0x006b) X(0x006c) X(0x006d) X(0x006e) X(0x006f) \
    /* 0x70 */ X(0x0070) X(0x0071) X(0x0072) X(0x0073) X(0x0074) X(0x0075) X(0x0076) X(0x0077) \
    /* 0x78 */ X(0x0078) X(0x0079) X(0x007a) X(0x00e4) X(0x00f6) X(0x00f1) X(0x00fc) X(0x00e0)
/* clang-format on */

#define GSM7_CP(u) (u),
static const uint16_t gsm7_default[128] = {GSM7_DEFAULT(GSM7_CP)};

/* The same characters pre-encoded as UTF-8 (all in the BMP, so 1 to 3
 * bytes): the bytes in bits 0-23, first byte lowest,
 * and the byte count in bits 24-31, so that converting a septet is one
 * load and three byte stores. */
#define GSM7_UTF8(u)                                                                               \
    ((u) < 0x80    ? 1u << 24 | (u)                                                                \
     : (u) < 0x800 ? 2u << 24 | (0x80u | ((u)&0x3fu)) << 8 | (0xc0u | (u) >> 6)                    \
                   : 3u << 24 | (0x80u | ((u)&0x3fu)) << 16 | (0x80u | ((u) >> 6 & 0x3fu)) << 8 |  \
                         (0xe0u | (u) >> 12)),
static const uint32_t gsm7_utf8[128] = {GSM7_DEFAULT(GSM7_UTF8)};

/* TS 23.038 §6.2.1.1 extension table (default, no national shift).
 * Returns U+FFFD for a code with no extension, as Wireshark does. */
static uint32_t gsm7_extension(uint8_t c)
{
    switch (c) {
    case 0x0a:
        return 0x000c; /* page break: form feed */
    case 0x14:
        return '^';
    case 0x28:
        return '{';
    case 0x29:
        return '}';
    case 0x2f:
        return '\\';
    case 0x3c:
        return '[';
    case 0x3d:
        return '~';
    case 0x3e:
        return ']';
    case 0x40:
        return '|';
    case 0x65:
        return 0x20ac; /* euro sign */
    default:
        return SS_UNI_REPLACEMENT;
    }
}

size_t ss_gsm7_unpack(const uint8_t *p, size_t len, size_t fill_bits, size_t nsept, uint8_t *sept)
{
    /* TS 23.038 §6.1.2.1.1: septets packed least significant bit first;
     * septet i occupies bits fill_bits + 7i .. +6 of the octet stream. It
     * is whole when fill_bits + 7i + 7 <= 8 * len, which bounds the loop so
     * that both octets a septet spans are known to exist. */
    size_t bits = 8 * len;
    size_t whole = bits >= fill_bits ? (bits - fill_bits) / 7 : 0;
    size_t n = nsept < whole ? nsept : whole;

    for (size_t i = 0; i < n; i++) {
        size_t bit = fill_bits + 7 * i;
        size_t byte = bit / 8, shift = bit % 8;
        unsigned v = p[byte] >> shift;
        if (shift > 1)
            v |= (unsigned)p[byte + 1] << (8 - shift);
        sept[i] = (uint8_t)(v & 0x7f);
    }
    return n;
}

/* The conversion loop; inlined twice, with checked a constant, so that
 * the copy used when the whole output is known to fit has no per-character
 * bound check. */
static inline __attribute__((always_inline)) enum ss_result
gsm7_convert(const uint8_t *sept, size_t n, char *out, size_t cap, size_t *out_len, unsigned *bad,
             bool checked)
{
    /* Escape handling follows Wireshark: ESC ESC stays in escape, ESC plus
     * a code with no extension and a trailing ESC each give one U+FFFD. */
    bool esc = false;
    size_t len = 0, next;
    unsigned nbad = 0;

    for (size_t i = 0; i < n; i++) {
        uint8_t c = sept[i];
        uint32_t u;
        if (c == GSM7_ESC) {
            esc = true;
            continue;
        }
        u = c > 0x7f ? SS_UNI_REPLACEMENT : esc ? gsm7_extension(c) : gsm7_default[c];
        esc = false;
        nbad += u == SS_UNI_REPLACEMENT;
        next = ss_utf8_put(u, out, cap, len, checked);
        if (!next)
            return ss_utf8_end(out, len, nbad, out_len, bad, SS_OVERSIZE);
        len = next;
    }
    if (esc) {
        nbad++;
        next = ss_utf8_put(SS_UNI_REPLACEMENT, out, cap, len, checked);
        if (!next)
            return ss_utf8_end(out, len, nbad, out_len, bad, SS_OVERSIZE);
        len = next;
    }
    return ss_utf8_end(out, len, nbad, out_len, bad, SS_OK);
}

enum ss_result ss_gsm7_to_utf8(const uint8_t *sept, size_t n, char *out, size_t cap,
                               size_t *out_len, unsigned *bad)
{
    *out_len = 0;
    *bad = 0;
    if (cap == 0)
        return SS_OVERSIZE;
    /* Each septet and a trailing escape give at most 3 bytes, plus the NUL. */
    if (n < SIZE_MAX / SS_UTF8_PER_UNIT_MAX - 2 && SS_UTF8_PER_UNIT_MAX * (n + 1) < cap)
        return gsm7_convert(sept, n, out, cap, out_len, bad, false);
    return gsm7_convert(sept, n, out, cap, out_len, bad, true);
}

/* One septet of the fused converter below, whose caller has bounded the
 * output: the escape and the character after it take the general path,
 * every other septet one table load and one 4-byte store (the bytes past
 * a shorter form are overwritten by the next character or the NUL). */
static inline __attribute__((always_inline)) size_t gsm7_septet(unsigned c, bool *esc, char *out,
                                                                size_t len, unsigned *nbad)
{
    if (c == GSM7_ESC) {
        *esc = true;
        return len;
    }
    if (*esc) {
        uint32_t u = gsm7_extension((uint8_t)c);
        *esc = false;
        *nbad += u == SS_UNI_REPLACEMENT;
        return ss_utf8_write(u, out, len);
    }
    uint32_t e = gsm7_utf8[c], bytes = e;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    bytes = __builtin_bswap32(bytes);
#endif
    memcpy(out + len, &bytes, sizeof(bytes));
    return len + (e >> 24);
}

/* Bytes the fused converter may write past its text: whole 16-byte blocks
 * (SIMD) or 4-byte characters (scalar) start anywhere inside it. */
#define GSM7_OUT_SLACK 16

#if defined(__SSSE3__)
/* Sixteen septets are fourteen octets. Septet m of a block (m < 8) starts
 * at bit f + 7m, so in the 16-bit window at octet (f + 7m) / 8 shifted
 * right by (f + 7m) % 8; septet m + 8 the same seven octets on. Per fill
 * f: the byte shuffle gathering each window into a 16-bit lane, and the
 * multiplier 2^(8 - shift) that lifts the septet into the lane's high
 * byte, so that one 8-bit shift for all lanes finishes the unpacking. */
/* clang-format off */
#define GSM7_OCT(f, m) (((f) + 7 * (m)) / 8)
#define GSM7_WIN(f, m) GSM7_OCT(f, m), GSM7_OCT(f, m) + 1
#define GSM7_SHUF(f)                                                                               \
    {GSM7_WIN(f, 0), GSM7_WIN(f, 1), GSM7_WIN(f, 2), GSM7_WIN(f, 3),                               \
     GSM7_WIN(f, 4), GSM7_WIN(f, 5), GSM7_WIN(f, 6), GSM7_WIN(f, 7)}
#define GSM7_MUL1(f, m) (1 << (8 - ((f) + 7 * (m)) % 8))
#define GSM7_MUL(f)                                                                                \
    {GSM7_MUL1(f, 0), GSM7_MUL1(f, 1), GSM7_MUL1(f, 2), GSM7_MUL1(f, 3),                           \
     GSM7_MUL1(f, 4), GSM7_MUL1(f, 5), GSM7_MUL1(f, 6), GSM7_MUL1(f, 7)}
/* clang-format on */
static const uint8_t gsm7_shuf[7][16] = {GSM7_SHUF(0), GSM7_SHUF(1), GSM7_SHUF(2), GSM7_SHUF(3),
                                         GSM7_SHUF(4), GSM7_SHUF(5), GSM7_SHUF(6)};
static const uint16_t gsm7_mul[7][8] = {GSM7_MUL(0), GSM7_MUL(1), GSM7_MUL(2), GSM7_MUL(3),
                                        GSM7_MUL(4), GSM7_MUL(5), GSM7_MUL(6)};
/* Loaded at offset d, a shuffle moving octet d to position 0 and zeroing
 * what lies past the 16 octets loaded: the last block of a text reads the
 * last 16 octets of the data rather than past its end. */
static const uint8_t gsm7_slide[32] = {
    0,    1,    2,    3,    4,    5,    6,    7,    8,    9,    10,   11,   12,   13,   14,   15,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80};
/* Septets c whose default-alphabet character is the ASCII byte c (LF, CR,
 * 0x20-0x7a except 0x24 '¤', 0x40 '¡' and 0x5b-0x60; never the escape):
 * c is one when bit c >> 4 of gsm7_plain_lo[c & 15] is set. */
static const uint8_t gsm7_plain_lo[16] = {0xac, 0xfc, 0xfc, 0xfc, 0xf8, 0xfc, 0xfc, 0xfc,
                                          0xfc, 0xfc, 0xfd, 0x5c, 0x5c, 0x5d, 0x5c, 0x5c};
static const uint8_t gsm7_plain_hi[16] = {1, 2, 4, 8, 16, 32, 64, 128};

/* The 16 octets at p. */
static inline __m128i gsm7_load16(const uint8_t *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

struct gsm7_simd {
    __m128i shuf_lo, shuf_hi, mul, plain_lo, plain_hi;
};

static inline void gsm7_simd_init(struct gsm7_simd *c, size_t fill)
{
    c->shuf_lo = gsm7_load16(gsm7_shuf[fill]);
    c->shuf_hi = _mm_add_epi8(c->shuf_lo, _mm_set1_epi8(7));
    c->mul = _mm_loadu_si128((const __m128i *)(const void *)gsm7_mul[fill]);
    c->plain_lo = gsm7_load16(gsm7_plain_lo);
    c->plain_hi = gsm7_load16(gsm7_plain_hi);
}

/* The 16 septets held in the octets x, one per byte. */
static inline __m128i gsm7_unpack16(const struct gsm7_simd *c, __m128i x)
{
    __m128i lo = _mm_mullo_epi16(_mm_shuffle_epi8(x, c->shuf_lo), c->mul);
    __m128i hi = _mm_mullo_epi16(_mm_shuffle_epi8(x, c->shuf_hi), c->mul);
    __m128i s = _mm_packus_epi16(_mm_srli_epi16(lo, 8), _mm_srli_epi16(hi, 8));
    return _mm_and_si128(s, _mm_set1_epi8(0x7f));
}

/* Bit m set when septet m of s is not plain ASCII (see gsm7_plain_lo). */
static inline unsigned gsm7_not_plain(const struct gsm7_simd *c, __m128i s)
{
    __m128i hi = _mm_and_si128(_mm_srli_epi16(s, 4), _mm_set1_epi8(0x0f));
    __m128i in = _mm_and_si128(_mm_shuffle_epi8(c->plain_lo, s), _mm_shuffle_epi8(c->plain_hi, hi));
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(in, _mm_setzero_si128()));
}

/* Converts the first n septets of s (an escape may be pending from the
 * block before): the plain ASCII run they start with is stored as it is,
 * which is the whole block for most texts, the rest go septet by septet
 * through the tables. */
static inline __attribute__((always_inline)) size_t gsm7_block(const struct gsm7_simd *c, __m128i s,
                                                               size_t n, char *out, size_t olen,
                                                               bool *esc, unsigned *nbad)
{
    /* A pending escape makes septet 0 an extension code: not plain. */
    unsigned stop = gsm7_not_plain(c, s) | (unsigned)*esc | ~0u << n;
    size_t plain = (size_t)__builtin_ctz(stop);
    _mm_storeu_si128((__m128i *)(void *)(out + olen), s);
    olen += plain;
    if (plain == n)
        return olen;
    uint8_t sept[16];
    _mm_storeu_si128((__m128i *)(void *)sept, s);
    for (size_t j = plain; j < n; j++)
        olen = gsm7_septet(sept[j], esc, out, olen, nbad);
    return olen;
}

/* Blocks of 16 septets: whole ones while 16 octets can be loaded at the
 * block, then the last one or two, read through the sliding shuffle when
 * fewer than 16 octets are left. */
static size_t gsm7_packed_convert(const uint8_t *p, size_t len, size_t fill_bits, size_t nsept,
                                  char *out, bool *esc, unsigned *nbad)
{
    uint8_t pad[16];
    struct gsm7_simd c;
    size_t olen = 0, i = 0, o = 0;

    if (nsept == 0)
        return 0;
    if (len < sizeof pad) {
        memset(pad, 0, sizeof pad);
        memcpy(pad, p, len);
        p = pad;
        len = sizeof pad;
    }
    gsm7_simd_init(&c, fill_bits);
    for (; nsept - i >= 16 && o + 16 <= len; i += 16, o += 14)
        olen = gsm7_block(&c, gsm7_unpack16(&c, gsm7_load16(p + o)), 16, out, olen, esc, nbad);
    for (; i < nsept; i += 16, o += 14) {
        size_t n = nsept - i < 16 ? nsept - i : 16;
        /* The slide offset is summed before it is added: gsm7_slide + o
         * alone would point past the table. */
        __m128i x = o + 16 <= len ? gsm7_load16(p + o)
                                  : _mm_shuffle_epi8(gsm7_load16(p + len - 16),
                                                     gsm7_load16(gsm7_slide + (o + 16 - len)));
        olen = gsm7_block(&c, gsm7_unpack16(&c, x), n, out, olen, esc, nbad);
    }
    return olen;
}
#else
/* Eight septets are seven octets: with bit offset fill (0..6) they lie in
 * the 64-bit little-endian word at the group's first octet. */
static inline uint64_t gsm7_word(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof(v));
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static size_t gsm7_packed_convert(const uint8_t *p, size_t len, size_t fill_bits, size_t nsept,
                                  char *out, bool *esc, unsigned *nbad)
{
    size_t olen = 0, i = 0;
    /* Whole groups of eight whose 8-octet word lies inside the data. */
    for (; i + 8 <= nsept && i / 8 * 7 + 8 <= len; i += 8) {
        uint64_t v = gsm7_word(p + i / 8 * 7) >> fill_bits;
#pragma GCC unroll 8
        for (unsigned j = 0; j < 8; j++)
            olen = gsm7_septet((unsigned)(v >> (7 * j)) & 0x7f, esc, out, olen, nbad);
    }
    for (; i < nsept; i++) {
        size_t bit = fill_bits + 7 * i;
        size_t byte = bit / 8, shift = bit % 8;
        unsigned v = p[byte] >> shift;
        if (shift > 1)
            v |= (unsigned)p[byte + 1] << (8 - shift);
        olen = gsm7_septet(v & 0x7f, esc, out, olen, nbad);
    }
    return olen;
}
#endif

enum ss_result ss_gsm7_packed_to_utf8(const uint8_t *p, size_t len, size_t fill_bits, size_t nsept,
                                      char *out, size_t cap, size_t *out_len, unsigned *bad)
{
    *out_len = 0;
    *bad = 0;
    if (cap > 0)
        out[0] = '\0';
    if (fill_bits > 6)
        return SS_BAD_VALUE;
    size_t bits = 8 * len;
    if (bits < fill_bits || (bits - fill_bits) / 7 < nsept)
        return SS_TRUNCATED;
    /* The general path when the output might not fit with its slack
     * (never for one part's text): see ss_gsm7_to_utf8 for the bound. */
    if (nsept > SS_GSM7_PART_SEPTETS || SS_UTF8_PER_UNIT_MAX * nsept + GSM7_OUT_SLACK > cap) {
        uint8_t sept[SS_GSM7_PART_SEPTETS];
        if (nsept > SS_GSM7_PART_SEPTETS)
            return SS_BAD_LENGTH;
        ss_gsm7_unpack(p, len, fill_bits, nsept, sept);
        return ss_gsm7_to_utf8(sept, nsept, out, cap, out_len, bad);
    }
    bool esc = false;
    unsigned nbad = 0;
    size_t olen = gsm7_packed_convert(p, len, fill_bits, nsept, out, &esc, &nbad);
    if (esc) {
        nbad++;
        olen = ss_utf8_write(SS_UNI_REPLACEMENT, out, olen);
    }
    return ss_utf8_end(out, olen, nbad, out_len, bad, SS_OK);
}
