/* Normalisation tables and the one-pass normalise+present loop. */
#include "dataplane/match/normalize.h"

#include <stdbool.h>

#define D SS_NORM_DROP

/* Ranges folded to a base (cp - lo + to) or dropped (to == D); sorted,
 * disjoint, none inside U+4E00-U+9FFF (see fold). */
static const struct {
    uint32_t lo, hi, to;
} ranges[] = {
    {0x0080, 0x00a1, D},   /* C1 controls, NBSP, ¡ */
    {0x00a7, 0x00a7, D},   /* § */
    {0x00ab, 0x00ab, D},   /* « */
    {0x00ad, 0x00ad, D},   /* soft hyphen */
    {0x00b6, 0x00b7, D},   /* ¶ · */
    {0x00bb, 0x00bb, D},   /* » */
    {0x00bf, 0x00bf, D},   /* ¿ */
    {0x0300, 0x036f, D},   /* combining diacritical marks */
    {0x1680, 0x1680, D},   /* ogham space */
    {0x180e, 0x180e, D},   /* Mongolian vowel separator */
    {0x2000, 0x206f, D},   /* spaces, ZWSP-ZWJ, dashes, quotes, …, bidi, U+2060 */
    {0x20d0, 0x20ff, D},   /* combining marks for symbols (keycap) */
    {0x2190, 0x21ff, D},   /* arrows */
    {0x2460, 0x2468, '1'}, /* ①-⑨ */
    {0x2474, 0x247c, '1'}, /* ⑴-⑼ */
    {0x2488, 0x2490, '1'}, /* ⒈-⒐ */
    {0x24b6, 0x24cf, 'a'}, /* Ⓐ-Ⓩ */
    {0x24d0, 0x24e9, 'a'}, /* ⓐ-ⓩ */
    {0x24ea, 0x24ea, '0'}, /* ⓪ */
    {0x2500, 0x2775, D},   /* box drawing, shapes, misc symbols ★ ☎, dingbats */
    {0x2776, 0x277e, '1'}, /* ❶-❾ */
    {0x277f, 0x277f, D},   /* ❿ */
    {0x2780, 0x2788, '1'}, /* ➀-➈ */
    {0x2789, 0x2789, D},   /* ➉ */
    {0x278a, 0x2792, '1'}, /* ➊-➒ */
    {0x2793, 0x27bf, D},   /* ➓ and the other dingbats */
    {0x2b00, 0x2bff, D},   /* misc symbols and arrows */
    {0x3000, 0x3004, D},   /* ideographic space 、。〃〄 */
    {0x3008, 0x303f, D},   /* 〈〉《》「」『』【】〔〕〖〗 〜 … */
    {0x30fb, 0x30fb, D},   /* ・ */
    {0xfe00, 0xfe1f, D},   /* variation selectors, vertical forms */
    {0xfe30, 0xfe6b, D},   /* CJK compatibility and small forms */
    {0xfeff, 0xfeff, D},   /* zero-width no-break space (BOM) */
    {0xff01, 0xff5e, '!'}, /* full-width ASCII, re-folded as ASCII */
    {0xff5f, 0xff65, D},   /* full-width ⦅⦆, half-width 。「」、・ */
    {0x1f000, 0x1faff, D}, /* emoji, pictographs, enclosed supplements */
    {0xe0000, 0xe007f, D}, /* tag characters */
    {0xe0100, 0xe01ef, D}, /* variation selectors supplement */
};

/* Single variants: Cyrillic/Greek look-alikes of Latin letters and
 * traditional forms of frequent spam words' hanzi (pairs[], sorted by
 * from), and pair_hanzi[], a bitmap of the hanzi among them. */
#include "dataplane/match/norm_pairs.inc"

/* ASCII: letters fold to lower case, digits stay, everything else
 * (controls, space, punctuation) is dropped. */
static uint32_t fold_ascii(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + ('a' - 'A');
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
        return cp;
    return D;
}

static uint32_t fold_pair(uint32_t cp)
{
    size_t lo = 0, hi = sizeof pairs / sizeof pairs[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pairs[mid].from == cp)
            return pairs[mid].to;
        if (pairs[mid].from < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return cp;
}

/* Everything outside ASCII and the hanzi block: the last range starting
 * at or below cp (binary search), else the variant pairs. */
static uint32_t fold_other(uint32_t cp)
{
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ranges[mid].lo <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && cp <= ranges[lo - 1].hi) {
        uint32_t to = ranges[lo - 1].to;
        if (to == D)
            return D;
        uint32_t v = cp - ranges[lo - 1].lo + to;
        return v < 0x80 ? fold_ascii(v) : v;
    }
    return fold_pair(cp);
}

/* The common cases inline: ASCII, hanzi without a variant, full-width
 * ASCII (，！？：) and CJK punctuation (、。【】); the same results as the
 * range table. */
static inline uint32_t fold(uint32_t cp)
{
    if (cp < 0x80)
        return fold_ascii(cp);
    if (cp - 0xff01 <= 0xff5e - 0xff01)
        return fold_ascii(cp - 0xff01 + '!');
    if (cp - 0x3000 <= 0x303f - 0x3000)
        return cp >= 0x3005 && cp <= 0x3007 ? cp : D;
    if (cp >= 0x4e00 && cp <= 0x9fff) {
        uint32_t off = cp - 0x4e00;
        return pair_hanzi[off / 64] >> (off % 64) & 1 ? fold_pair(cp) : cp;
    }
    return fold_other(cp);
}

uint32_t ss_norm_fold(uint32_t cp)
{
    return fold(cp);
}

/* Every BMP code point's normalised, presented bytes, per presentation:
 * up to three bytes in bits 0-23 (first byte lowest) and their count in
 * bits 24-31 (0 when the character is dropped), or BMP_SLOW when the
 * code takes more bytes (remap escapes) or the slot is a surrogate. One
 * load replaces the fold's range search and the remap's rank lookup;
 * the tables are derived from fold() and ss_present_cp() at start, so
 * they cannot disagree with them. 3 x 256 KiB, of which a Chinese text
 * touches a few KiB (bench/norm_bench.c). */
#define BMP_SLOW   0xffu
#define BMP_COUNT  0x10000u
#define BMP_NBYTES 24
static uint32_t bmp_code[SS_PRES_COUNT][BMP_COUNT];

static uint32_t bmp_entry(enum ss_presentation p, uint32_t folded)
{
    uint8_t b[SS_PRES_CODE_MAX];
    size_t n = 0;
    if (folded == D)
        return 0;
    ss_present_cp(p, folded, b, sizeof b, &n);
    if (n > 3)
        return BMP_SLOW << BMP_NBYTES;
    uint32_t e = (uint32_t)n << BMP_NBYTES;
    for (size_t i = 0; i < n; i++)
        e |= (uint32_t)b[i] << (8 * i);
    return e;
}

__attribute__((constructor)) static void build_bmp_code(void)
{
    for (uint32_t cp = 0; cp < BMP_COUNT; cp++) {
        bool surrogate = cp >= 0xd800 && cp <= 0xdfff;
        uint32_t folded = surrogate ? D : fold(cp);
        for (int p = 0; p < SS_PRES_COUNT; p++)
            bmp_code[p][cp] =
                surrogate ? BMP_SLOW << BMP_NBYTES : bmp_entry((enum ss_presentation)p, folded);
    }
}

/* Decodes one UTF-8 character at s[0..left), left > 0, with the
 * one- and three-byte forms (ASCII, hanzi) inline; 0 if invalid. */
static inline size_t utf8_decode(const uint8_t *s, size_t left, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xf0) == 0xe0 && left >= 3 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
        uint32_t v = (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
        *cp = v;
        return v >= 0x800 && (v < 0xd800 || v > 0xdfff) ? 3 : 0;
    }
    size_t off = 0;
    return ss_present_next(SS_PRES_UTF8, s, left, &off, cp) == SS_OK ? off : 0;
}

/* Appends one table entry's bytes. The common case stores three bytes
 * whatever the count (the spare ones are overwritten by the next code or
 * lie beyond *n), so there is no branch on the count. */
static inline bool put_entry(uint32_t e, uint8_t *out, size_t cap, size_t *n)
{
    size_t k = e >> BMP_NBYTES;
    if (cap - *n >= 3) {
        out[*n] = (uint8_t)e;
        out[*n + 1] = (uint8_t)(e >> 8);
        out[*n + 2] = (uint8_t)(e >> 16);
    } else if (k <= cap - *n) {
        for (size_t i = 0; i < k; i++)
            out[*n + i] = (uint8_t)(e >> (8 * i));
    } else {
        return false;
    }
    *n += k;
    return true;
}

/* The loop, specialised by the compiler for each constant p. A
 * branch-free variant (ASCII and three-byte forms selected with masks)
 * was measured 2x slower than these predictable branches and dropped. */
static inline __attribute__((always_inline)) enum ss_result
normalize_as(enum ss_presentation p, const uint8_t *s, size_t len, uint8_t *out, size_t cap,
             size_t *out_len)
{
    const uint32_t *code = bmp_code[p];
    size_t off = 0, n = 0;
    enum ss_result r = SS_OK;

    while (off < len) {
        uint32_t cp;
        size_t used = utf8_decode(s + off, len - off, &cp);
        if (used == 0) {
            off++;
            continue;
        }
        off += used;
        uint32_t e = cp < BMP_COUNT ? code[cp] : BMP_SLOW << BMP_NBYTES;
        bool fits;
        if (e >> BMP_NBYTES != BMP_SLOW)
            fits = put_entry(e, out, cap, &n);
        else
            fits = (cp = fold(cp)) == D || ss_present_cp(p, cp, out, cap, &n);
        if (!fits) {
            r = SS_OVERSIZE;
            break;
        }
    }
    *out_len = n;
    return r;
}

enum ss_result ss_normalize(enum ss_presentation p, const char *in, size_t len, uint8_t *out,
                            size_t cap, size_t *out_len)
{
    const uint8_t *s = (const uint8_t *)in;
    switch (p) {
    case SS_PRES_UTF8:
        return normalize_as(SS_PRES_UTF8, s, len, out, cap, out_len);
    case SS_PRES_UTF16LE:
        return normalize_as(SS_PRES_UTF16LE, s, len, out, cap, out_len);
    default:
        return normalize_as(SS_PRES_REMAP, s, len, out, cap, out_len);
    }
}
