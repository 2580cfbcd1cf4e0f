#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/bcd.h"
#include "tests/unit/runner.h"

static char out[SS_DIGITS_MAX + 1];

/* MSISDN 8613912345678 as TBCD: 68 31 19 32 54 76 f8 (odd count, filler). */
static void test_bcd_odd_digits_stop_at_filler(void)
{
    static const uint8_t v[] = {0x68, 0x31, 0x19, 0x32, 0x54, 0x76, 0xf8};
    CU_ASSERT_EQUAL(ss_bcd_decode(v, sizeof v, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "8613912345678");
}

static void test_bcd_even_digits_no_filler(void)
{
    static const uint8_t v[] = {0x21, 0x43};
    CU_ASSERT_EQUAL(ss_bcd_decode(v, sizeof v, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "1234");
}

/* 0xA '*', 0xB '#', 0xC 'a', 0xD 'b', 0xE 'c' (TS 29.002 TBCD-STRING). */
static void test_bcd_special_nibbles_map_to_symbols(void)
{
    static const uint8_t v[] = {0xba, 0xdc, 0xfe};
    CU_ASSERT_EQUAL(ss_bcd_decode(v, sizeof v, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "*#abc");
}

/* TP address length 3 semi-octets: the high nibble of octet 2 is ignored
 * even when it is not a filler. */
static void test_bcd_max_digits_limits_output(void)
{
    static const uint8_t v[] = {0x21, 0x93};
    CU_ASSERT_EQUAL(ss_bcd_decode(v, sizeof v, 3, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "123");
}

static void test_bcd_empty_input_gives_empty_string(void)
{
    CU_ASSERT_EQUAL(ss_bcd_decode(NULL, 0, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "");
}

static void test_bcd_leading_filler_gives_empty_string(void)
{
    static const uint8_t v[] = {0xff, 0x21};
    CU_ASSERT_EQUAL(ss_bcd_decode(v, sizeof v, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "");
}

/* 20 octets = 40 digits fit exactly; 21 octets = 42 digits do not. */
static void test_bcd_forty_digits_fit_forty_two_oversize(void)
{
    uint8_t v[21];
    memset(v, 0x11, sizeof v);
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 20, 100, out), SS_OK);
    CU_ASSERT_EQUAL(strlen(out), 40);
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 21, 100, out), SS_OVERSIZE);
}

static const struct ss_test tests[] = {
    SS_TEST(test_bcd_odd_digits_stop_at_filler),
    SS_TEST(test_bcd_even_digits_no_filler),
    SS_TEST(test_bcd_special_nibbles_map_to_symbols),
    SS_TEST(test_bcd_max_digits_limits_output),
    SS_TEST(test_bcd_empty_input_gives_empty_string),
    SS_TEST(test_bcd_leading_filler_gives_empty_string),
    SS_TEST(test_bcd_forty_digits_fit_forty_two_oversize),
};

int main(void)
{
    return SS_RUN_SUITE("bcd", NULL, NULL, tests) != 0;
}
