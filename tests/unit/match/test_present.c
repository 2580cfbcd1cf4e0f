#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/match/present.h"
#include "tests/unit/runner.h"

static uint8_t b[16];
static size_t n;

static void code(enum ss_presentation p, uint32_t cp)
{
    n = 0;
    CU_ASSERT_TRUE(ss_present_cp(p, cp, b, sizeof b, &n));
}

/* Remap codes computed by hand from present.h's table: rank r -> 0x80 +
 * r/64, 0xc0 + r%64; escapes carry 6 bits per trail byte. */
static void test_present_remap_codes(void)
{
    code(SS_PRES_REMAP, 'a');
    CU_ASSERT_TRUE(n == 1 && b[0] == 'a');
    code(SS_PRES_REMAP, 0x4e00); /* 一: rank 0 */
    CU_ASSERT_TRUE(n == 2 && memcmp(b, "\x80\xc0", 2) == 0);
    code(SS_PRES_REMAP, 0x4e01); /* 丁: rank 1 */
    CU_ASSERT_TRUE(n == 2 && memcmp(b, "\x80\xc1", 2) == 0);
    code(SS_PRES_REMAP, 0x9f9f); /* 龟: last, rank 3754 = 58*64+42 */
    CU_ASSERT_TRUE(n == 2 && memcmp(b, "\xba\xea", 2) == 0);
    code(SS_PRES_REMAP, 0xe9); /* é: 000000 000011 101001 */
    CU_ASSERT_TRUE(n == 4 && memcmp(b, "\xbe\xc0\xc3\xe9", 4) == 0);
    code(SS_PRES_REMAP, 0x1f600); /* 011111 011000 000000 */
    CU_ASSERT_TRUE(n == 4 && memcmp(b, "\xbe\xdf\xd8\xc0", 4) == 0);
    code(SS_PRES_REMAP, 0x10ffff); /* 000100 001111 111111 111111 */
    CU_ASSERT_TRUE(n == 5 && memcmp(b, "\xbf\xc4\xcf\xff\xff", 5) == 0);
    code(SS_PRES_REMAP, 0x9fa5); /* 龥: not in level 1, escaped */
    CU_ASSERT_EQUAL(b[0], 0xbe);
}

/* U+1F600 = d83d de00 in UTF-16. */
static void test_present_utf16le_surrogate_pair(void)
{
    code(SS_PRES_UTF16LE, 0x1f600);
    CU_ASSERT_TRUE(n == 4 && memcmp(b, "\x3d\xd8\x00\xde", 4) == 0);
}

/* Every scalar value round-trips in every presentation, and in remap no
 * code starts with a trail byte (so matches align to code boundaries). */
static void test_present_round_trip_every_code_point(void)
{
    unsigned bad = 0;
    for (int p = 0; p < SS_PRES_COUNT; p++) {
        for (uint32_t cp = 0; cp <= 0x10ffff; cp++) {
            if (cp >= 0xd800 && cp <= 0xdfff)
                continue;
            uint32_t back = 0;
            size_t off = 0;
            n = 0;
            ss_present_cp((enum ss_presentation)p, cp, b, sizeof b, &n);
            if (ss_present_next((enum ss_presentation)p, b, n, &off, &back) != SS_OK ||
                back != cp || off != n)
                bad++;
            if (p == SS_PRES_REMAP && b[0] >= 0xc0)
                bad++;
            for (size_t i = 1; p == SS_PRES_REMAP && i < n; i++)
                bad += b[i] < 0xc0;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_present_does_not_write_past_cap(void)
{
    n = 3;
    CU_ASSERT_FALSE(ss_present_cp(SS_PRES_REMAP, 0x4e00, b, 4, &n));
    CU_ASSERT_EQUAL(n, 3);
}

static enum ss_result next(enum ss_presentation p, const char *s, size_t len)
{
    size_t off = 0;
    uint32_t cp;
    return ss_present_next(p, (const uint8_t *)s, len, &off, &cp);
}

static void test_present_next_rejects_malformed(void)
{
    CU_ASSERT_EQUAL(next(SS_PRES_REMAP, "\xc0", 1), SS_BAD_VALUE);     /* lone trail */
    CU_ASSERT_EQUAL(next(SS_PRES_REMAP, "\x80", 1), SS_TRUNCATED);     /* lead at end */
    CU_ASSERT_EQUAL(next(SS_PRES_REMAP, "\xbb\xc0", 2), SS_BAD_VALUE); /* unused lead */
    CU_ASSERT_EQUAL(next(SS_PRES_REMAP, "\xba\xff", 2), SS_BAD_VALUE); /* rank 3775 */
    CU_ASSERT_EQUAL(next(SS_PRES_REMAP, "\x80\x41", 2), SS_BAD_VALUE); /* ASCII trail */
    CU_ASSERT_EQUAL(next(SS_PRES_REMAP, "\xbf\xc0\xc0", 3), SS_TRUNCATED);
    CU_ASSERT_EQUAL(next(SS_PRES_UTF8, "\xc0\x80", 2), SS_BAD_VALUE);     /* overlong */
    CU_ASSERT_EQUAL(next(SS_PRES_UTF8, "\xed\xa0\x80", 3), SS_BAD_VALUE); /* surrogate */
    CU_ASSERT_EQUAL(next(SS_PRES_UTF8, "\xe4\xb8", 2), SS_TRUNCATED);
    CU_ASSERT_EQUAL(next(SS_PRES_UTF8, "\xf4\x90\x80\x80", 4), SS_BAD_VALUE); /* > 10FFFF */
    CU_ASSERT_EQUAL(next(SS_PRES_UTF8, "\xf8\x80\x80", 3), SS_BAD_VALUE); /* no lead above f7 */
    CU_ASSERT_EQUAL(next(SS_PRES_UTF8, "\xff\xbf\xbf", 3), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(next(SS_PRES_UTF16LE, "\x00\xdc", 2), SS_BAD_VALUE);      /* lone low */
    CU_ASSERT_EQUAL(next(SS_PRES_UTF16LE, "\x3d\xd8", 2), SS_TRUNCATED);
    CU_ASSERT_EQUAL(next(SS_PRES_UTF16LE, "\x41", 1), SS_TRUNCATED);
    CU_ASSERT_EQUAL(next(SS_PRES_UTF8, "", 0), SS_END);
}

static char re[1024], err[128];

/* 中 = 80 da, 元 U+5143 rank 238 = 0x83, 0xee (see test_normalize). */
static void test_present_regex_remap_rewrites_hanzi_and_dot(void)
{
    CU_ASSERT_EQUAL(ss_present_regex(SS_PRES_REMAP, "\xe4\xb8\xad\\d+\xe5\x85\x83", re, sizeof re,
                                     err, sizeof err),
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(re, "(?:\\x80\\xda)\\d+(?:\\x83\\xee)");
    CU_ASSERT_EQUAL(
        ss_present_regex(SS_PRES_REMAP, "a.{0,3}(?:b|c)", re, sizeof re, err, sizeof err), SS_OK);
    CU_ASSERT_STRING_EQUAL(re, "a(?:[^\\x80-\\xff]|[\\x80-\\xba][\\xc0-\\xff]|\\xbe[\\xc0-\\xff]{3}"
                               "|\\xbf[\\xc0-\\xff]{4}){0,3}(?:b|c)");
}

static void test_present_regex_remap_negated_class_matches_whole_code(void)
{
    CU_ASSERT_EQUAL(ss_present_regex(SS_PRES_REMAP, "[^0-9]\\D", re, sizeof re, err, sizeof err),
                    SS_OK);
    CU_ASSERT_EQUAL(strncmp(re, "(?:[^0-9\\x80-\\xff]|[\\x80-\\xba]", 29), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(re + 10, "(?:[^0-9\\x80-\\xff]|"));
}

static void test_present_regex_rejects_non_ascii_class(void)
{
    CU_ASSERT_EQUAL(
        ss_present_regex(SS_PRES_REMAP, "[\xe4\xb8\xad]", re, sizeof re, err, sizeof err),
        SS_BAD_VALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "non-ASCII character inside [...]"));
    CU_ASSERT_EQUAL(ss_present_regex(SS_PRES_REMAP, "\\x{4e2d}", re, sizeof re, err, sizeof err),
                    SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_present_regex(SS_PRES_REMAP, "[a-z", re, sizeof re, err, sizeof err),
                    SS_BAD_VALUE);
}

static void test_present_regex_utf8_unchanged_utf16_widened(void)
{
    CU_ASSERT_EQUAL(ss_present_regex(SS_PRES_UTF8, "\xe4\xb8\xad.", re, sizeof re, err, sizeof err),
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(re, "\xe4\xb8\xad.");
    CU_ASSERT_EQUAL(
        ss_present_regex(SS_PRES_UTF16LE, "a\\d\xe4\xb8\xad", re, sizeof re, err, sizeof err),
        SS_OK);
    CU_ASSERT_STRING_EQUAL(re, "(?:a\\x00)(?:\\d\\x00)(?:\\x2d\\x4e)");
}

static void test_present_regex_output_too_small_is_oversize(void)
{
    CU_ASSERT_EQUAL(ss_present_regex(SS_PRES_REMAP, "\xe4\xb8\xad", re, 8, err, sizeof err),
                    SS_OVERSIZE);
}

static void test_present_names_parse(void)
{
    enum ss_presentation p;
    CU_ASSERT_TRUE(ss_presentation_parse("remap", &p) && p == SS_PRES_REMAP);
    CU_ASSERT_TRUE(ss_presentation_parse("utf16le", &p) && p == SS_PRES_UTF16LE);
    CU_ASSERT_FALSE(ss_presentation_parse("ucs4", &p));
    CU_ASSERT_STRING_EQUAL(ss_presentation_name(SS_PRES_UTF8), "utf8");
}

static const struct ss_test tests[] = {
    SS_TEST(test_present_remap_codes),
    SS_TEST(test_present_utf16le_surrogate_pair),
    SS_TEST(test_present_round_trip_every_code_point),
    SS_TEST(test_present_does_not_write_past_cap),
    SS_TEST(test_present_next_rejects_malformed),
    SS_TEST(test_present_regex_remap_rewrites_hanzi_and_dot),
    SS_TEST(test_present_regex_remap_negated_class_matches_whole_code),
    SS_TEST(test_present_regex_rejects_non_ascii_class),
    SS_TEST(test_present_regex_utf8_unchanged_utf16_widened),
    SS_TEST(test_present_regex_output_too_small_is_oversize),
    SS_TEST(test_present_names_parse),
};

int main(void)
{
    return SS_RUN_SUITE("present", NULL, NULL, tests) != 0;
}
