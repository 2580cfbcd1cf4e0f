#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/text.h"
#include "tests/unit/runner.h"

static char out[SS_PART_TEXT_MAX];
static size_t out_len;
static unsigned bad;

/* 你好 = U+4F60 U+597D = UTF-8 e4 bd a0 e5 a5 bd. */
static void test_ucs2_chinese(void)
{
    static const uint8_t v[] = {0x4f, 0x60, 0x59, 0x7d};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe4\xbd\xa0\xe5\xa5\xbd");
    CU_ASSERT_EQUAL(out_len, 6);
    CU_ASSERT_EQUAL(bad, 0);
}

/* 😀 U+1F600 = surrogates d83d de00 = UTF-8 f0 9f 98 80. */
static void test_ucs2_surrogate_pair_joins(void)
{
    static const uint8_t v[] = {0x00, 0x41, 0xd8, 0x3d, 0xde, 0x00};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xf0\x9f\x98\x80");
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_ucs2_lead_surrogate_without_trail_is_replacement(void)
{
    static const uint8_t v[] = {0xd8, 0x3d, 0x00, 0x41};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xef\xbf\xbd"
                                "A");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_ucs2_lead_surrogate_at_end_is_replacement(void)
{
    static const uint8_t v[] = {0x00, 0x41, 0xd8, 0x3d};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_ucs2_lone_trail_surrogate_is_replacement(void)
{
    static const uint8_t v[] = {0xde, 0x00};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_ucs2_odd_length_drops_last_octet(void)
{
    static const uint8_t v[] = {0x00, 0x41, 0x00};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A");
    CU_ASSERT_EQUAL(bad, 1);
}

/* U+00E9 'é' is 2 bytes of UTF-8; U+0041 one. */
static void test_ucs2_latin_two_byte_utf8(void)
{
    static const uint8_t v[] = {0x00, 0xe9, 0x00, 0x41};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xc3\xa9"
                                "A");
}

static void test_ucs2_output_too_small_is_oversize(void)
{
    static const uint8_t v[] = {0x4f, 0x60, 0x59, 0x7d};
    char small[6];
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, small, sizeof small, &out_len, &bad), SS_OVERSIZE);
    CU_ASSERT_EQUAL(out_len, 3);
    CU_ASSERT_STRING_EQUAL(small, "\xe4\xbd\xa0");
}

static void test_ucs2_empty_gives_empty_string(void)
{
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(NULL, 0, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "");
    CU_ASSERT_EQUAL(bad, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_ucs2_chinese),
    SS_TEST(test_ucs2_surrogate_pair_joins),
    SS_TEST(test_ucs2_lead_surrogate_without_trail_is_replacement),
    SS_TEST(test_ucs2_lead_surrogate_at_end_is_replacement),
    SS_TEST(test_ucs2_lone_trail_surrogate_is_replacement),
    SS_TEST(test_ucs2_odd_length_drops_last_octet),
    SS_TEST(test_ucs2_latin_two_byte_utf8),
    SS_TEST(test_ucs2_output_too_small_is_oversize),
    SS_TEST(test_ucs2_empty_gives_empty_string),
};

int main(void)
{
    return SS_RUN_SUITE("ucs2", NULL, NULL, tests) != 0;
}
