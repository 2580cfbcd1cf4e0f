#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/match/normalize.h"
#include "tests/unit/runner.h"

static uint8_t out[256];
static size_t out_len;

/* Normalises s to UTF-8 and compares with the expected bytes. */
static void expect(const char *s, const char *want)
{
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_UTF8, s, strlen(s), out, sizeof out, &out_len), SS_OK);
    CU_ASSERT_EQUAL(out_len, strlen(want));
    CU_ASSERT_EQUAL(memcmp(out, want, out_len), 0);
}

/* 中 = e4 b8 ad, 奖 = e5 a5 96 throughout. */
static void test_normalize_space_between_hanzi_removed(void)
{
    expect("\xe4\xb8\xad \xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
}

static void test_normalize_ideographic_space_removed(void)
{
    expect("\xe4\xb8\xad\xe3\x80\x80\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96"); /* U+3000 */
}

/* ＡＢＣ = U+FF21..FF23 = ef bc a1, ef bc a2, ef bc a3. */
static void test_normalize_fullwidth_latin_folds_to_lower_ascii(void)
{
    expect("\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc");
}

/* １２３ = U+FF11..FF13 = ef bc 91, ef bc 92, ef bc 93. */
static void test_normalize_fullwidth_digits_fold_to_ascii(void)
{
    expect("\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93", "123");
}

static void test_normalize_ascii_case_and_punctuation(void)
{
    expect("Hello, World! 95588", "helloworld95588");
}

/* U+200B e2 80 8b, U+200D e2 80 8d, U+2060 e2 81 a0, U+FEFF ef bb bf. */
static void test_normalize_zero_width_inside_keyword_removed(void)
{
    expect("\xe4\xb8\xad\xe2\x80\x8b\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
    expect("\xe4\xb8\xad\xe2\x80\x8d\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
    expect("\xe4\xb8\xad\xe2\x81\xa0\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
    expect("\xe4\xb8\xad\xef\xbb\xbf\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
}

/* U+FE0F = ef b8 8f; U+E0100 = f3 a0 84 80. */
static void test_normalize_variation_selectors_removed(void)
{
    expect("\xe4\xb8\xad\xef\xb8\x8f\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
    expect("\xe4\xb8\xad\xf3\xa0\x84\x80\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
}

/* ，U+FF0C ef bc 8c; 。U+3002 e3 80 82; 【U+3010 e3 80 90; 】U+3011 e3 80 91;
 * … U+2026 e2 80 a6; · U+00B7 c2 b7; 「U+300C e3 80 8c. */
static void test_normalize_cjk_punctuation_removed(void)
{
    expect("\xe3\x80\x90\xe4\xb8\xad\xef\xbc\x8c\xe5\xa5\x96\xe3\x80\x82\xe3\x80\x91",
           "\xe4\xb8\xad\xe5\xa5\x96");
    expect("\xe4\xb8\xad\xe2\x80\xa6\xc2\xb7\xe3\x80\x8c\xe5\xa5\x96", "\xe4\xb8\xad\xe5\xa5\x96");
}

/* 😀 U+1F600 = f0 9f 98 80; ★ U+2605 = e2 98 85. */
static void test_normalize_emoji_and_symbols_between_hanzi_removed(void)
{
    expect("\xe4\xb8\xad\xf0\x9f\x98\x80\xe5\xa5\x96\xe2\x98\x85", "\xe4\xb8\xad\xe5\xa5\x96");
}

/* ① U+2460 e2 91 a0, ⑨ U+2468 e2 91 a8, ❸ U+2778 e2 9d b8, ⓪ U+24EA e2 93 aa. */
static void test_normalize_circled_digits_fold(void)
{
    expect("\xe2\x91\xa0\xe2\x91\xa8\xe2\x9d\xb8\xe2\x93\xaa", "1930");
}

/* 獎 U+734E = e7 8d 8e is the traditional form of 奖. */
static void test_normalize_traditional_variant_folds_to_simplified(void)
{
    expect("\xe4\xb8\xad\xe7\x8d\x8e", "\xe4\xb8\xad\xe5\xa5\x96");
}

/* Cyrillic р U+0440 d1 80, а U+0430 d0 b0, у U+0443 d1 83. */
static void test_normalize_cyrillic_lookalikes_fold_to_latin(void)
{
    expect("\xd1\x80\xd0\xb0\xd1\x83\xd1\x80\xd0\xb0l", "paypal");
}

static void test_normalize_invalid_utf8_bytes_dropped(void)
{
    expect("a\xff"
           "b",
           "ab");
    expect("a\xe4\xb8", "a"); /* truncated sequence at the end */
    expect("a\xc0\x80"
           "b",
           "ab"); /* overlong NUL */
    expect("a\xf8\x80\x80"
           "b",
           "ab"); /* f8-ff lead no form, whatever follows */
    expect("a\xfc\x84\x80"
           "b",
           "ab");
}

static void test_normalize_output_too_small_is_oversize_at_code_boundary(void)
{
    const char *s = "\xe4\xb8\xad\xe5\xa5\x96";
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_UTF8, s, strlen(s), out, 4, &out_len), SS_OVERSIZE);
    CU_ASSERT_EQUAL(out_len, 3);
}

static void test_normalize_empty_gives_empty(void)
{
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_REMAP, "", 0, out, sizeof out, &out_len), SS_OK);
    CU_ASSERT_EQUAL(out_len, 0);
    expect(" ,.!", "");
}

/* Ａ中 in UTF-16LE: 61 00, 2d 4e. */
static void test_normalize_presents_utf16le(void)
{
    const char *s = "\xef\xbc\xa1\xe4\xb8\xad";
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_UTF16LE, s, strlen(s), out, sizeof out, &out_len), SS_OK);
    CU_ASSERT_EQUAL(out_len, 4);
    CU_ASSERT_EQUAL(memcmp(out, "\x61\x00\x2d\x4e", 4), 0);
}

/* 中 U+4E2D is rank 26 of GB 2312 level 1 in code-point order:
 * lead 0x80 + 26/64 = 0x80, trail 0xc0 + 26 = 0xda; 奖 U+5956 rank 770:
 * 0x80 + 12 = 0x8c, 0xc0 + 2 = 0xc2. */
static void test_normalize_presents_remap(void)
{
    const char *s = "A \xe4\xb8\xad\xe5\xa5\x96";
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_REMAP, s, strlen(s), out, sizeof out, &out_len), SS_OK);
    CU_ASSERT_EQUAL(out_len, 5);
    CU_ASSERT_EQUAL(memcmp(out, "a\x80\xda\x8c\xc2", 5), 0);
}

/* Random bytes (xorshift, fixed seed): never more than cap written,
 * SS_OK whenever cap is SS_NORM_OUT_MAX(len), and the output always
 * decodes back as whole codes of the presentation. */
static void test_normalize_random_bytes_stay_in_bounds_and_decode(void)
{
    static uint8_t in[64], big[SS_NORM_OUT_MAX(sizeof in) + 8];
    uint64_t x = 0x9e3779b97f4a7c15ull;
    unsigned bad = 0;
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = iter % sizeof in, n, cap = iter % 3 ? SS_NORM_OUT_MAX(len) : len / 2;
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            in[i] = (uint8_t)(iter % 2 ? x : 0xe0 | (x & 0x1f)); /* odd: dense multibyte */
        }
        enum ss_presentation p = (enum ss_presentation)(iter % SS_PRES_COUNT);
        memset(big, 0x5a, sizeof big);
        enum ss_result r = ss_normalize(p, (const char *)in, len, big, cap, &n);
        bad += n > cap || big[cap] != 0x5a || (cap == SS_NORM_OUT_MAX(len) && r != SS_OK);
        for (size_t off = 0; off < n;) {
            uint32_t cp;
            if (ss_present_next(p, big, n, &off, &cp) != SS_OK) {
                bad++;
                break;
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* The remap fast path codes common hanzi without folding them: no
 * hanzi of the two-byte table may have a variant. */
/* 々 U+3005 = e3 80 85 is kept and has no two-byte remap code: it takes
 * the escape, 0xbe then 0xc0 + each 6 bits of 0x3005 (0x03, 0x00, 0x05),
 * four bytes, which is the path beside the per-code-point table. */
static void test_normalize_remap_escape_beside_table(void)
{
    static const uint8_t want[] = {'a', 0xbe, 0xc3, 0xc0, 0xc5, 'b'};
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_REMAP,
                                 "a\xe3\x80\x85"
                                 "b",
                                 5, out, sizeof out, &out_len),
                    SS_OK);
    CU_ASSERT_EQUAL(out_len, sizeof want);
    CU_ASSERT_EQUAL(memcmp(out, want, sizeof want), 0);
}

/* A three-byte form of a surrogate (ed a0 80, RFC 3629 §3) is invalid:
 * each of its bytes is dropped, never looked up. */
static void test_normalize_encoded_surrogate_dropped(void)
{
    expect("a\xed\xa0\x80"
           "b",
           "ab");
}

/* The table path stores whole codes only: 中 U+4E2D in UTF-16LE is
 * 2d 4e; a two-byte buffer holds it exactly, a one-byte one nothing. */
static void test_normalize_code_filling_cap_exactly_fits(void)
{
    uint8_t small[2];
    size_t n = 99;
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_UTF16LE, "\xe4\xb8\xad", 3, small, 2, &n), SS_OK);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(small[0], 0x2d);
    CU_ASSERT_EQUAL(small[1], 0x4e);
    CU_ASSERT_EQUAL(ss_normalize(SS_PRES_UTF16LE, "\xe4\xb8\xad", 3, small, 1, &n), SS_OVERSIZE);
    CU_ASSERT_EQUAL(n, 0);
}

static void test_normalize_common_hanzi_never_fold(void)
{
    unsigned folded = 0;
    for (size_t r = 0; r < SS_CJK_CODES; r++)
        folded += ss_norm_fold(ss_cjk_cp[r]) != ss_cjk_cp[r];
    CU_ASSERT_EQUAL(folded, 0);
}

/* An independent reference for whole texts: a strict RFC 3629 decoder
 * (shortest forms only, no surrogates, nothing above U+10FFFF; a byte
 * that does not start a valid sequence is skipped), each character folded
 * by ss_norm_fold and presented by ss_present_cp, stopping at the first
 * code that does not fit. ss_normalize takes up to 64 characters a step
 * through its per-code-point table (eight at a time without AVX-512), so
 * this checks those paths against the one-character definition. */
static size_t ref_decode(const uint8_t *s, size_t left, uint32_t *cp)
{
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t n = s[0] < 0x80                    ? 1
               : s[0] >= 0xc2 && s[0] <= 0xdf ? 2
               : (s[0] & 0xf0) == 0xe0        ? 3
               : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4
                                              : 0;
    if (n == 0 || n > left)
        return 0;
    uint32_t v = n == 1 ? s[0] : s[0] & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3f);
    }
    if (v < min[n] || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff)
        return 0;
    *cp = v;
    return n;
}

static enum ss_result ref_normalize(enum ss_presentation p, const uint8_t *s, size_t len,
                                    uint8_t *o, size_t cap, size_t *n)
{
    *n = 0;
    for (size_t off = 0; off < len;) {
        uint32_t cp;
        size_t used = ref_decode(s + off, len - off, &cp);
        if (used == 0) {
            off++;
            continue;
        }
        off += used;
        uint32_t f = ss_norm_fold(cp);
        if (f != SS_NORM_DROP && !ss_present_cp(p, f, o, cap, n))
            return SS_OVERSIZE;
    }
    return SS_OK;
}

static uint64_t rng_state = 0x2545f4914f6cdd1dull;

static uint32_t rng(uint32_t bound)
{
    rng_state ^= rng_state << 13, rng_state ^= rng_state >> 7, rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11) % bound;
}

/* Appends one piece of a realistic, sometimes broken, message text. */
static size_t put_piece(uint8_t *t, size_t n, size_t cap)
{
    static const uint8_t broken[][3] = {{0xed, 0xa0, 0x80}, {0xe0, 0x80, 0x80}, {0xe4, 0xb8, 'x'},
                                        {0x80, 'y', 'z'},   {0xff, 'w', 'v'},   {0xf0, 0x9f, 'u'},
                                        {0xe0, 0x9f, 0xbf}};
    uint32_t kind = rng(100), cp;
    if (kind < 55)
        cp = ss_cjk_cp[rng(SS_CJK_CODES)]; /* common hanzi */
    else if (kind < 62)
        cp = 0x4e00 + rng(0x5200); /* any hanzi, variants and escapes among them */
    else if (kind < 80)
        cp = 0x20 + rng(0x5f); /* printable ASCII */
    else if (kind < 85)
        cp = 0xff01 + rng(0x5e); /* full-width ASCII */
    else if (kind < 89)
        cp = 0x3000 + rng(0x40); /* CJK punctuation */
    else if (kind < 92)
        cp = 0x80 + rng(0x780); /* two-byte forms: Latin-1, Greek, Cyrillic */
    else if (kind < 95)
        cp = 0x1f300 + rng(0x300); /* emoji */
    else {
        const uint8_t *b = broken[rng(sizeof broken / sizeof broken[0])];
        if (n + 3 > cap)
            return n;
        memcpy(t + n, b, 3);
        return n + 3;
    }
    uint8_t b[4];
    size_t k = ss_utf8_code(cp, b);
    if (n + k > cap)
        return n;
    memcpy(t + n, b, k);
    return n + k;
}

static void test_normalize_long_texts_equal_the_reference(void)
{
    static uint8_t text[600], got[SS_NORM_OUT_MAX(600)], want[SS_NORM_OUT_MAX(600)];
    unsigned bad = 0;
    for (int iter = 0; iter < 30000; iter++) {
        size_t len = 0, target = rng(sizeof text - 4), n, m;
        while (len < target)
            len = put_piece(text, len, sizeof text);
        enum ss_presentation p = (enum ss_presentation)(iter % SS_PRES_COUNT);
        size_t cap = iter % 4 == 3 ? rng((uint32_t)SS_NORM_OUT_MAX(len) + 1) : SS_NORM_OUT_MAX(len);
        enum ss_result r = ss_normalize(p, (const char *)text, len, got, cap, &n);
        enum ss_result rr = ref_normalize(p, text, len, want, cap, &m);
        bad += r != rr || n != m || memcmp(got, want, n) != 0;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Every code point 0..0x10FFFF (surrogates as their invalid three-byte
 * forms) in context: a run of the code point, long enough to fill more
 * than one group of sixteen and to cross the middle of a 128-byte step,
 * then alternating with a hanzi and ASCII; for one code point in 61 also
 * the text cut at every length up to 40 bytes, so that it meets the end
 * of the input at each of its bytes. BMP code points in every
 * presentation; the four-byte forms, which always take the
 * one-character path, in a shorter text and one presentation each (in
 * turn), which keeps the test to seconds under ASan. */
static unsigned check_code_point_in_context(uint32_t cp)
{
    static uint8_t text[256], got[SS_NORM_OUT_MAX(256)], want[SS_NORM_OUT_MAX(256)];
    uint8_t c[4];
    size_t k, len = 0;
    unsigned bad = 0;
    int run = cp < 0x10000 ? 20 : 4;
    if (cp >= 0xd800 && cp <= 0xdfff) {
        c[0] = 0xed, c[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3f)),
        c[2] = (uint8_t)(0x80 | (cp & 0x3f));
        k = 3;
    } else {
        k = ss_utf8_code(cp, c);
    }
    for (int i = 0; i < 2 * run; i++) {
        const uint8_t *piece =
            i < run || i % 2 ? c : (const uint8_t *)(i % 4 ? "\xe4\xb8\xad" : "K");
        size_t pk = i < run || i % 2 ? k : i % 4 ? 3 : 1;
        memcpy(text + len, piece, pk);
        len += pk;
    }
    int first = cp < 0x10000 ? 0 : (int)(cp % SS_PRES_COUNT);
    int last = cp < 0x10000 ? SS_PRES_COUNT - 1 : first;
    for (int p = first; p <= last; p++) {
        for (size_t cut = cp % 61 == 0 ? 1 : len; cut <= len; cut += cut < 40 ? 1 : len) {
            size_t n, m;
            enum ss_result r =
                ss_normalize((enum ss_presentation)p, (const char *)text, cut, got, sizeof got, &n);
            enum ss_result rr =
                ref_normalize((enum ss_presentation)p, text, cut, want, sizeof want, &m);
            bad += r != rr || n != m || memcmp(got, want, n) != 0;
        }
    }
    return bad;
}

static void test_normalize_every_code_point_in_context_equals_the_reference(void)
{
    unsigned bad = 0;
    for (uint32_t cp = 0; cp <= 0x10ffff; cp++)
        bad += check_code_point_in_context(cp);
    CU_ASSERT_EQUAL(bad, 0);
}

/* The labelled SMS corpora beside the repository (../shared/data/corpus:
 * Chinese and English, one "label<TAB>text" per line), when present: each
 * text, and the whole file as one text cut into 600-byte pieces at any
 * byte, in every presentation. Skipped (passes) when absent. */
static unsigned check_text(const uint8_t *t, size_t len)
{
    static uint8_t got[SS_NORM_OUT_MAX(4096)], want[SS_NORM_OUT_MAX(4096)];
    unsigned bad = 0;
    for (int p = 0; p < SS_PRES_COUNT; p++) {
        size_t n, m;
        enum ss_result r =
            ss_normalize((enum ss_presentation)p, (const char *)t, len, got, sizeof got, &n);
        enum ss_result rr = ref_normalize((enum ss_presentation)p, t, len, want, sizeof want, &m);
        bad += r != rr || n != m || memcmp(got, want, n) != 0;
    }
    return bad;
}

static unsigned check_corpus(const char *path, unsigned *texts)
{
    static uint8_t buf[1 << 20];
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return 0;
    size_t len = fread(buf, 1, sizeof buf, f), start = 0;
    fclose(f);
    unsigned bad = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && buf[i] != '\n')
            continue;
        const uint8_t *tab = memchr(buf + start, '\t', i - start);
        const uint8_t *t = tab ? tab + 1 : buf + start;
        size_t tl = (size_t)(buf + i - t);
        bad += check_text(t, tl < 4096 ? tl : 4096);
        (*texts)++;
        start = i + 1;
    }
    for (size_t off = 0; off < len; off += 600 - off % 5)
        bad += check_text(buf + off, len - off < 600 ? len - off : 600);
    return bad;
}

static void test_normalize_shared_corpora_equal_the_reference(void)
{
    static const char *const dirs[] = {"../shared/data/corpus", "../../shared/data/corpus"};
    static const char *const files[] = {"cn_sms_80w_first10000.txt",
                                        "smsspamcollection/SMSSpamCollection"};
    unsigned bad = 0, texts = 0;
    char path[256];
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0] && texts == 0; d++) {
        for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
            snprintf(path, sizeof path, "%s/%s", dirs[d], files[f]);
            bad += check_corpus(path, &texts);
        }
    }
    if (texts == 0)
        printf("(shared corpora absent, skipped) ");
    CU_ASSERT_EQUAL(bad, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_normalize_space_between_hanzi_removed),
    SS_TEST(test_normalize_ideographic_space_removed),
    SS_TEST(test_normalize_fullwidth_latin_folds_to_lower_ascii),
    SS_TEST(test_normalize_fullwidth_digits_fold_to_ascii),
    SS_TEST(test_normalize_ascii_case_and_punctuation),
    SS_TEST(test_normalize_zero_width_inside_keyword_removed),
    SS_TEST(test_normalize_variation_selectors_removed),
    SS_TEST(test_normalize_cjk_punctuation_removed),
    SS_TEST(test_normalize_emoji_and_symbols_between_hanzi_removed),
    SS_TEST(test_normalize_circled_digits_fold),
    SS_TEST(test_normalize_traditional_variant_folds_to_simplified),
    SS_TEST(test_normalize_cyrillic_lookalikes_fold_to_latin),
    SS_TEST(test_normalize_invalid_utf8_bytes_dropped),
    SS_TEST(test_normalize_output_too_small_is_oversize_at_code_boundary),
    SS_TEST(test_normalize_empty_gives_empty),
    SS_TEST(test_normalize_presents_utf16le),
    SS_TEST(test_normalize_presents_remap),
    SS_TEST(test_normalize_random_bytes_stay_in_bounds_and_decode),
    SS_TEST(test_normalize_common_hanzi_never_fold),
    SS_TEST(test_normalize_remap_escape_beside_table),
    SS_TEST(test_normalize_encoded_surrogate_dropped),
    SS_TEST(test_normalize_code_filling_cap_exactly_fits),
    SS_TEST(test_normalize_long_texts_equal_the_reference),
    SS_TEST(test_normalize_every_code_point_in_context_equals_the_reference),
    SS_TEST(test_normalize_shared_corpora_equal_the_reference),
};

int main(void)
{
    return SS_RUN_SUITE("normalize", NULL, NULL, tests) != 0;
}
