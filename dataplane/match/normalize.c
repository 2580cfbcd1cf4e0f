/* Normalisation tables and the one-pass normalise+present loop. */
#include "dataplane/match/normalize.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

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
 * load replaces the fold's range search and the remap's rank lookup.
 * A presentation's table is derived from fold() and ss_present_cp() on
 * its first use (pthread_once; about a millisecond), so it cannot
 * disagree with them, and a process pays only for the presentation it
 * uses: 256 KiB, of which a Chinese text touches a few KiB. bmp_ready
 * (set with release once built) lets every later call skip the
 * pthread_once call with one load. */
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

static void build_bmp_code(enum ss_presentation p)
{
    for (uint32_t cp = 0; cp < BMP_COUNT; cp++) {
        bool surrogate = cp >= 0xd800 && cp <= 0xdfff;
        bmp_code[p][cp] = surrogate ? BMP_SLOW << BMP_NBYTES : bmp_entry(p, fold(cp));
    }
}

static atomic_bool bmp_ready[SS_PRES_COUNT];

#define SS_PRES_BUILD(name, str)                                                                   \
    static void build_##name(void)                                                                 \
    {                                                                                              \
        build_bmp_code(SS_PRES_##name);                                                            \
        atomic_store_explicit(&bmp_ready[SS_PRES_##name], true, memory_order_release);             \
    }
SS_PRESENTATION_LIST(SS_PRES_BUILD)
#undef SS_PRES_BUILD

static pthread_once_t bmp_once[SS_PRES_COUNT] = {
#define SS_PRES_ONCE(name, str) PTHREAD_ONCE_INIT,
    SS_PRESENTATION_LIST(SS_PRES_ONCE)
#undef SS_PRES_ONCE
};

static void (*const bmp_build[SS_PRES_COUNT])(void) = {
#define SS_PRES_FN(name, str) build_##name,
    SS_PRESENTATION_LIST(SS_PRES_FN)
#undef SS_PRES_FN
};

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

/* Appends one table entry's bytes. The common case stores four bytes
 * whatever the count (the spare ones are overwritten by the next code or
 * lie beyond *n), so there is no branch on the count. */
static inline bool put_entry(uint32_t e, uint8_t *out, size_t cap, size_t *n)
{
    size_t k = e >> BMP_NBYTES;
    if (cap - *n >= 4) {
        memcpy(out + *n, &e, 4);
    } else if (k <= cap - *n) {
        for (size_t i = 0; i < k; i++)
            out[*n + i] = (uint8_t)(e >> (8 * i));
    } else {
        return false;
    }
    *n += k;
    return true;
}

/* One character the general way: decode, table or fold and present.
 * Returns the input bytes used (at least 1: an invalid byte is skipped)
 * or 0 when the output did not fit. */
static inline __attribute__((always_inline)) size_t
normalize_one(enum ss_presentation p, const uint32_t *code, const uint8_t *s, size_t left,
              uint8_t *out, size_t cap, size_t *n)
{
    uint32_t cp;
    size_t used = utf8_decode(s, left, &cp);
    if (used == 0)
        return 1;
    uint32_t e = cp < BMP_COUNT ? code[cp] : BMP_SLOW << BMP_NBYTES;
    bool fits;
    if (e >> BMP_NBYTES != BMP_SLOW)
        fits = put_entry(e, out, cap, n);
    else
        fits = (cp = fold(cp)) == D || ss_present_cp(p, cp, out, cap, n);
    return fits ? used : 0;
}

/* With AVX-512 VBMI2 (Ice Lake and later; the build is -march=native)
 * the loop goes a 128-byte step at a time (normalize_vec128); without it,
 * runs of ASCII and of three-byte characters go eight at a time
 * (normalize_ascii8, normalize_vec8 with AVX2). Both leave every
 * character they do not take to normalize_one. */
#if defined(__AVX512BW__) && defined(__AVX512VBMI__) && defined(__AVX512VBMI2__) &&                \
    defined(__BMI2__) && defined(__LZCNT__)
#include <immintrin.h>

#define NORM_VEC128

/* The code points of sixteen characters, the g-th sixteen of a step:
 * starts holds the characters' first byte indices in the 128 bytes lo,
 * hi (vpcompressb of the lead bytes); each character's first four bytes
 * are brought into its 32-bit lane by one vpermi2b (bytes past its end
 * belong to the next character or wrap around and are masked off), then
 * decoded as one, two or three bytes. *overlong gets the lanes whose
 * form is overlong. */
static inline __m512i decode16(__m512i lo, __m512i hi, __m512i starts, unsigned g,
                               __mmask16 *overlong)
{
    const __m512i spread4 =
        _mm512_set_epi8(15, 15, 15, 15, 14, 14, 14, 14, 13, 13, 13, 13, 12, 12, 12, 12, 11, 11, 11,
                        11, 10, 10, 10, 10, 9, 9, 9, 9, 8, 8, 8, 8, 7, 7, 7, 7, 6, 6, 6, 6, 5, 5, 5,
                        5, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0);
    __m512i group = _mm512_add_epi8(spread4, _mm512_set1_epi8((char)(16 * g)));
    __m512i at =
        _mm512_add_epi8(_mm512_permutexvar_epi8(group, starts), _mm512_set1_epi32(0x03020100));
    __m512i d = _mm512_permutex2var_epi8(lo, at, hi);
    __m512i b0 = _mm512_and_si512(d, _mm512_set1_epi32(0xff));
    __mmask16 is1 = _mm512_cmplt_epu32_mask(b0, _mm512_set1_epi32(0x80));
    __mmask16 is3 = _mm512_cmpge_epu32_mask(b0, _mm512_set1_epi32(0xe0));
    /* Per length: the payload bits of the lead and two next bytes, the
     * shift that drops the bytes past the character's end, and the
     * smallest code point of that length (below it: overlong). */
    __m512i payload = _mm512_mask_mov_epi32(
        _mm512_mask_mov_epi32(_mm512_set1_epi32(0x3f3f1f), is1, _mm512_set1_epi32(0x3f3f7f)), is3,
        _mm512_set1_epi32(0x3f3f0f));
    __m512i shift = _mm512_mask_mov_epi32(
        _mm512_mask_mov_epi32(_mm512_set1_epi32(6), is1, _mm512_set1_epi32(12)), is3,
        _mm512_setzero_si512());
    __m512i least = _mm512_mask_mov_epi32(
        _mm512_mask_mov_epi32(_mm512_set1_epi32(0x80), is1, _mm512_setzero_si512()), is3,
        _mm512_set1_epi32(0x800));
    /* b0 << 12 | b1 << 6 | b2 from the payload bytes: two multiply-adds. */
    __m512i sums =
        _mm512_maddubs_epi16(_mm512_and_si512(d, payload), _mm512_set1_epi32(0x00010140));
    __m512i cp = _mm512_srlv_epi32(_mm512_madd_epi16(sums, _mm512_set1_epi32(0x00010040)), shift);
    *overlong = _mm512_cmplt_epu32_mask(cp, least);
    return cp;
}

/* The presented bytes of table entries e packed together: byte j of
 * lane i is kept when j is below the lane's count (lanes not taken are
 * 0, count 0). Returns the packed bytes and sets *w to their number. */
static inline __m512i pack16(__m512i e, size_t *w)
{
    const __m512i count_at = _mm512_set4_epi32(0x0f0f0f0f, 0x0b0b0b0b, 0x07070707, 0x03030303);
    __m512i counts = _mm512_shuffle_epi8(e, count_at);
    uint64_t keep = _mm512_cmpgt_epu8_mask(counts, _mm512_set1_epi32(0x03020100));
    *w = (size_t)_mm_popcnt_u64(keep);
    return _mm512_maskz_compress_epi8(keep, e);
}

/* The input bytes up to the end of the k-th character (k > 0) of a
 * step whose character ends are the bits of ends_lo, ends_hi. */
static inline size_t end_of(unsigned k, uint64_t ends_lo, uint64_t ends_hi)
{
    unsigned in_lo = (unsigned)_mm_popcnt_u64(ends_lo);
    if (k <= in_lo)
        return (size_t)_tzcnt_u64(_pdep_u64(1ull << (k - 1), ends_lo)) + 1;
    return 65 + (size_t)_tzcnt_u64(_pdep_u64(1ull << (k - in_lo - 1), ends_hi));
}

/* Byte classes by high nibble (one vpshufb), and what 64 input bytes
 * hold, as bit masks: the character starts, the bytes that end a
 * character, and the bytes that break UTF-8 (a continuation byte where
 * none is due or none where one is due, a four-byte or invalid lead).
 * Each byte's two predecessors come from the previous 64 bytes, prev, by
 * a two-source permute, so the masks need no shifts across halves. Ends
 * and starts are meaningful only before the first broken byte. */
#define CLASS_CONT  0x01 /* 10xxxxxx */
#define CLASS_LEAD2 0x02 /* 110xxxxx */
#define CLASS_LEAD3 0x04 /* 1110xxxx */
#define CLASS_FOUR  0x08 /* 1111xxxx */
#define CLASS_ASCII 0x10 /* 0xxxxxxx */

struct classes {
    uint64_t starts, ends, bad;
};

static inline __m512i byte_classes(__m512i v)
{
    const __m512i by_nibble = _mm512_broadcast_i32x4(
        _mm_setr_epi8(CLASS_ASCII, CLASS_ASCII, CLASS_ASCII, CLASS_ASCII, CLASS_ASCII, CLASS_ASCII,
                      CLASS_ASCII, CLASS_ASCII, CLASS_CONT, CLASS_CONT, CLASS_CONT, CLASS_CONT,
                      CLASS_LEAD2, CLASS_LEAD2, CLASS_LEAD3, CLASS_FOUR));
    __m512i hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), _mm512_set1_epi8(0x0f));
    return _mm512_shuffle_epi8(by_nibble, hi);
}

static inline struct classes classify64(__m512i prev, __m512i cls)
{
    const __m512i back1 = _mm512_add_epi8(
        _mm512_set_epi8(63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45,
                        44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26,
                        25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6,
                        5, 4, 3, 2, 1, 0),
        _mm512_set1_epi8(63));
    __m512i p1 = _mm512_permutex2var_epi8(prev, back1, cls);
    __m512i p2 = _mm512_permutex2var_epi8(prev, _mm512_sub_epi8(back1, _mm512_set1_epi8(1)), cls);
    uint64_t after2 = _mm512_test_epi8_mask(p1, _mm512_set1_epi8(CLASS_LEAD2));
    uint64_t after3 = _mm512_test_epi8_mask(p2, _mm512_set1_epi8(CLASS_LEAD3));
    uint64_t due = after2 | after3 | _mm512_test_epi8_mask(p1, _mm512_set1_epi8(CLASS_LEAD3));
    uint64_t cont = _mm512_test_epi8_mask(cls, _mm512_set1_epi8(CLASS_CONT));
    struct classes c;
    c.starts = ~cont;
    c.ends = _mm512_test_epi8_mask(cls, _mm512_set1_epi8(CLASS_ASCII)) | after2 | after3;
    c.bad = (cont ^ due) | _mm512_test_epi8_mask(cls, _mm512_set1_epi8(CLASS_FOUR));
    return c;
}

/* One step over the 128 bytes at s: every character that lies whole in
 * them, up to 64, any mix of ASCII, two- and three-byte UTF-8 forms
 * (hanzi, CJK and full-width punctuation, Latin-1, Greek, Cyrillic),
 * found and decoded at once, so that a step does not wait on each
 * character's length:
 * - byte classes as two 64-bit masks (classify64); a character is whole
 *   when every byte up to its last one has the class its predecessors
 *   imply (continuation bytes exactly after two- and three-byte leads, no
 *   four-byte or invalid lead), so the step ends before the first byte
 *   that breaks that or lies past the text;
 * - the characters' starts compressed into byte indices (vpcompressb),
 *   then sixteen characters at a time decoded in 32-bit lanes
 *   (decode16), their table entries loaded by one gather, and their
 *   presented bytes packed by one vpcompressb and stored with a mask.
 * How far a step goes is known from the input bytes alone; an overlong
 * form or a BMP_SLOW entry (rare) ends the step before its character by
 * a branch, so steps do not wait on the gathers. The character that ends
 * a step this way is left to the scalar path, so the output is the
 * scalar path's. 128 bytes hold 42 hanzi, three full groups of sixteen
 * (a 64-byte step, 21 hanzi, left most of its second group empty and
 * was 10-15% slower). Reads s[0..min(avail, 128)); writes out[0..room)
 * at most. Returns the input bytes taken (0 when the first character is
 * not taken or does not fit) and adds the bytes written to *n. */
static inline size_t normalize_vec128(const uint32_t *code, const uint8_t *s, size_t avail,
                                      uint8_t *out, size_t room, size_t *n)
{
    const __m512i iota = _mm512_set_epi8(
        63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41,
        40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18,
        17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    __m512i lo, hi;
    uint64_t live_lo = ~0ull, live_hi = ~0ull;
    if (avail >= 128) {
        lo = _mm512_loadu_si512(s);
        hi = _mm512_loadu_si512(s + 64);
    } else {
        live_lo = _bzhi_u64(~0ull, (unsigned)(avail < 64 ? avail : 64));
        live_hi = _bzhi_u64(~0ull, (unsigned)(avail > 64 ? avail - 64 : 0));
        lo = _mm512_maskz_loadu_epi8(live_lo, s);
        hi = _mm512_maskz_loadu_epi8(live_hi, s + 64);
    }
    /* The byte before s is taken as ASCII: s starts a character. */
    __m512i cls_lo = byte_classes(lo), cls_hi = byte_classes(hi);
    struct classes cl = classify64(_mm512_setzero_si512(), cls_lo);
    struct classes ch = classify64(cls_lo, cls_hi);
    uint64_t bad_lo = cl.bad | ~live_lo, bad_hi = ch.bad | ~live_hi;
    uint64_t ends_lo = cl.ends & _bzhi_u64(~0ull, (unsigned)_tzcnt_u64(bad_lo));
    uint64_t ends_hi = bad_lo ? 0 : ch.ends & _bzhi_u64(~0ull, (unsigned)_tzcnt_u64(bad_hi));
    unsigned whole = (unsigned)(_mm_popcnt_u64(ends_lo) + _mm_popcnt_u64(ends_hi));
    unsigned k = whole < 64 ? whole : 64, g;
    size_t used = ends_hi ? 128 - _lzcnt_u64(ends_hi) : 64 - _lzcnt_u64(ends_lo);

    /* The first 64 starts: those in the low half, then the high half's. */
    __m512i starts_lo = _mm512_maskz_compress_epi8(cl.starts, iota);
    __m512i starts_hi =
        _mm512_maskz_compress_epi8(ch.starts, _mm512_add_epi8(iota, _mm512_set1_epi8(64)));
    unsigned in_lo = (unsigned)_mm_popcnt_u64(cl.starts);
    __mmask64 from_hi = _mm512_cmpge_epu8_mask(iota, _mm512_set1_epi8((char)in_lo));
    __m512i pick = _mm512_mask_add_epi8(iota, from_hi, iota, _mm512_set1_epi8((char)(64 - in_lo)));
    __m512i starts = _mm512_permutex2var_epi8(starts_lo, pick, starts_hi);
    __m512i e[4];
    size_t w = 0;

    /* Every gather before the first store: a store whose address waits
     * for a gather's count can hold back the gathers after it (storing
     * each group right after its own gather was 5-8% slower). */
    for (g = 0; 16 * g < k; g++) {
        __mmask16 take = (__mmask16)_bzhi_u32(~0u, k - 16 * g), overlong, stop;
        __m512i cp = decode16(lo, hi, starts, g, &overlong);
        e[g] = _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), take, cp, code, 4);
        stop = (overlong | _mm512_cmpeq_epi32_mask(_mm512_srli_epi32(e[g], BMP_NBYTES),
                                                   _mm512_set1_epi32(BMP_SLOW))) &
               take;
        if (__builtin_expect(stop != 0, 0)) {
            take = (__mmask16)_bzhi_u32(~0u, (unsigned)_tzcnt_u32(stop));
            e[g] = _mm512_maskz_mov_epi32(take, e[g]);
            k = 16 * g + (unsigned)_mm_popcnt_u32(take);
        }
    }
    for (g = 0; 16 * g < k; g++) {
        size_t wg;
        __m512i packed = pack16(e[g], &wg);
        if (__builtin_expect(wg > room - w, 0)) {
            k = 16 * g;
            break;
        }
        _mm512_mask_storeu_epi8(out + w, _bzhi_u64(~0ull, (unsigned)wg), packed);
        w += wg;
    }
    if (__builtin_expect(k != whole, 0))
        used = k == 0 ? 0 : end_of(k, ends_lo, ends_hi);
    *n += w;
    return used;
}
#endif

#ifndef NORM_VEC128
/* Input bytes a step of eight characters may read (it uses up to 28)
 * and output bytes it may write past its own (a 4-byte store per
 * character): the loop goes one character at a time when either side
 * has less room. */
#define ROOM 32

#ifdef __AVX2__
#include <immintrin.h>

/* Up to eight characters per step when the text at s starts with
 * three-byte UTF-8 sequences (hanzi, CJK and full-width punctuation):
 * the bytes are spread into eight 32-bit lanes, checked and decoded
 * together, then each character's table entry is stored as the scalar
 * path stores it. Only the leading characters that are well-formed
 * three-byte sequences of a code point >= U+0800 whose entry is not
 * BMP_SLOW are taken; the first other character (ASCII, a surrogate, a
 * remap escape, a malformed byte) and all after it are left to the
 * scalar path, so the output is the scalar path's. How far a step goes
 * is known from the input bytes before any table load, so steps do not
 * wait on each other's loads (a version that decided after the loads,
 * and one with a gather and vpcompressb, were slower than scalar code).
 * Storing every lane unconditionally (no branch per character) was
 * measured slower and dropped. Reads s[0..28); writes out[0..32).
 * Returns the characters taken (0-8) and adds the bytes written to *n. */
static inline unsigned normalize_vec8(const uint32_t *code, const uint8_t *s, uint8_t *out,
                                      size_t *n)
{
    const __m256i spread = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1, 0,
                                            1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
    __m256i raw = _mm256_loadu2_m128i((const __m128i *)(s + 12), (const __m128i *)s);
    __m256i d = _mm256_shuffle_epi8(raw, spread);
    __m256i form = _mm256_cmpeq_epi32(_mm256_and_si256(d, _mm256_set1_epi32(0x00c0c0f0)),
                                      _mm256_set1_epi32(0x008080e0));
    __m256i cp = _mm256_or_si256(
        _mm256_or_si256(_mm256_slli_epi32(_mm256_and_si256(d, _mm256_set1_epi32(0x0f)), 12),
                        _mm256_srli_epi32(_mm256_and_si256(d, _mm256_set1_epi32(0x3f00)), 2)),
        _mm256_srli_epi32(_mm256_and_si256(d, _mm256_set1_epi32(0x3f0000)), 16));
    __m256i ok = _mm256_and_si256(form, _mm256_cmpgt_epi32(cp, _mm256_set1_epi32(0x7ff)));
    unsigned mask = (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(ok));
    unsigned take = (unsigned)__builtin_ctz(~mask | 0x100u);
    uint32_t c[8];
    size_t w = 0;

    _mm256_storeu_si256((__m256i *)c, cp);
    for (unsigned k = 0; k < take; k++) {
        uint32_t e = code[c[k]];
        if (__builtin_expect(e >> BMP_NBYTES == BMP_SLOW, 0)) {
            take = k;
            break;
        }
        memcpy(out + w, &e, 4);
        w += e >> BMP_NBYTES;
    }
    *n += w;
    return take;
}
#endif

/* The leading ASCII characters of s[0..8), up to eight, in one step: the
 * 8 bytes are read as one word and the ASCII prefix found from their high
 * bits; every byte's entry is stored (those past the prefix are
 * overwritten or lie beyond *n), so there is no branch per character.
 * Reads s[0..8); writes out[0..32). Returns the characters taken. */
static inline unsigned normalize_ascii8(const uint32_t *code, const uint8_t *s, uint8_t *out,
                                        size_t *n)
{
    uint64_t w;
    memcpy(&w, s, 8);
    uint64_t high = w & 0x8080808080808080ull;
    unsigned take = high ? (unsigned)__builtin_ctzll(high) / 8 : 8;
    size_t at = 0;
    for (unsigned k = 0; k < 8; k++) {
        uint32_t e = code[s[k] & 0x7f];
        memcpy(out + at, &e, 4);
        at += k < take ? e >> BMP_NBYTES : 0;
    }
    *n += at;
    return take;
}

#endif

/* The loop, specialised by the compiler for each constant p: vector
 * steps (above) while they take characters, one character at a time
 * (normalize_one) for the character a step leaves, and without
 * AVX-512 when the text or the output is near its end. A branch-free
 * one-at-a-time variant (ASCII and three-byte forms selected with masks)
 * was measured 2x slower than the eight-at-a-time runs and dropped. */
static inline __attribute__((always_inline)) enum ss_result
normalize_as(enum ss_presentation p, const uint8_t *s, size_t len, uint8_t *out, size_t cap,
             size_t *out_len)
{
    const uint32_t *code = bmp_code[p];
    size_t off = 0, n = 0;
    enum ss_result r = SS_OK;

    while (off < len) {
#ifdef NORM_VEC128
        size_t step = normalize_vec128(code, s + off, len - off, out + n, cap - n, &n);
        if (step != 0) {
            off += step;
            continue;
        }
#else
        if (len - off >= ROOM && cap - n >= ROOM) {
            if (s[off] < 0x80) {
                unsigned k = normalize_ascii8(code, s + off, out + n, &n);
                off += k;
                if (k == 8)
                    continue;
            }
#ifdef __AVX2__
            else {
                unsigned k = normalize_vec8(code, s + off, out + n, &n);
                off += 3 * k;
                if (k == 8)
                    continue;
            }
#endif
            if (off >= len)
                break;
        }
#endif
        size_t used = normalize_one(p, code, s + off, len - off, out, cap, &n);
        if (used == 0) {
            r = SS_OVERSIZE;
            break;
        }
        off += used;
    }
    *out_len = n;
    return r;
}

enum ss_result ss_normalize(enum ss_presentation p, const char *in, size_t len, uint8_t *out,
                            size_t cap, size_t *out_len)
{
    const uint8_t *s = (const uint8_t *)in;
    if ((unsigned)p >= SS_PRES_COUNT)
        p = SS_PRES_REMAP;
    if (!atomic_load_explicit(&bmp_ready[p], memory_order_acquire))
        pthread_once(&bmp_once[p], bmp_build[p]);
    switch (p) {
    case SS_PRES_UTF8:
        return normalize_as(SS_PRES_UTF8, s, len, out, cap, out_len);
    case SS_PRES_UTF16LE:
        return normalize_as(SS_PRES_UTF16LE, s, len, out, cap, out_len);
    default:
        return normalize_as(SS_PRES_REMAP, s, len, out, cap, out_len);
    }
}
