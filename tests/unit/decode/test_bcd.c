#include <CUnit/Basic.h>
#include <stdlib.h>
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

/* Digits 16 and up come from the ninth octet on: an IMSI of 15 digits
 * ends in the eighth, 16 digits fill it, and the 17th is the ninth
 * octet's low nibble. */
static void test_bcd_sixteen_digit_boundary(void)
{
    /* IMSI 234150999999999: 32 14 05 99 99 99 99 f9. */
    static const uint8_t imsi[] = {0x32, 0x14, 0x05, 0x99, 0x99, 0x99, 0x99, 0xf9};
    /* 1234567890123456 then 7 and '*' (0xA), then a filler low nibble. */
    static const uint8_t v[] = {0x21, 0x43, 0x65, 0x87, 0x09, 0x21, 0x43, 0x65, 0xa7, 0x1f};
    CU_ASSERT_EQUAL(ss_bcd_decode(imsi, sizeof imsi, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "234150999999999");
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 8, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "1234567890123456");
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 9, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "12345678901234567*");
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 9, 17, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "12345678901234567");
    CU_ASSERT_EQUAL(ss_bcd_decode(v, sizeof v, SS_DIGITS_MAX, out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "12345678901234567*");
}

/* The 41st digit decides: a filler there (octet 21's low nibble) keeps
 * the 40; a digit there is one too many, unless max_digits stops at 40. */
static void test_bcd_forty_first_digit_filler_or_oversize(void)
{
    uint8_t v[21];
    memset(v, 0x98, 20);
    v[20] = 0x1f; /* low nibble filler */
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 21, 100, out), SS_OK);
    CU_ASSERT_EQUAL(strlen(out), 40);
    CU_ASSERT_EQUAL(strncmp(out, "8989", 4), 0);
    v[20] = 0xf1; /* digit 1, then the filler */
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 21, 100, out), SS_OVERSIZE);
    CU_ASSERT_EQUAL(strlen(out), 40);
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 21, 40, out), SS_OK);
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 21, 41, out), SS_OVERSIZE);
    v[19] = 0xf8; /* filler as digit 40 */
    CU_ASSERT_EQUAL(ss_bcd_decode(v, 21, 100, out), SS_OK);
    CU_ASSERT_EQUAL(strlen(out), 39);
}

/* The reference: one nibble at a time, as TS 29.002 §17.7.8 reads. */
static enum ss_result ref_decode(const uint8_t *p, size_t n, size_t max_digits, char *r)
{
    static const char sym[] = "0123456789*#abc";
    size_t i = 0;

    for (; i < 2 * n && i < max_digits; i++) {
        unsigned d = i & 1 ? p[i / 2] >> 4 : p[i / 2] & 0x0fu;
        if (d == 0x0f)
            break;
        if (i == SS_DIGITS_MAX) {
            r[i] = '\0';
            return SS_OVERSIZE;
        }
        r[i] = sym[d];
    }
    r[i] = '\0';
    return SS_OK;
}

/* Decodes from a heap copy of exactly n octets into a heap buffer of
 * exactly SS_DIGITS_MAX + 1 bytes, so that AddressSanitizer catches a
 * read past p[n - 1] or a write past the end of out; compares with the
 * reference, and checks that the bytes after the NUL of an out that was
 * zero-filled stayed zero. Returns the number of mismatches. */
static unsigned check_one(const uint8_t *v, size_t n, size_t max_digits)
{
    uint8_t *p = malloc(n ? n : 1);
    char *o = calloc(1, SS_DIGITS_MAX + 1);
    char want[SS_DIGITS_MAX + 2];
    unsigned bad = 0;

    memcpy(p, v, n);
    enum ss_result rw = ref_decode(p, n, max_digits, want);
    enum ss_result rc = ss_bcd_decode(p, n, max_digits, o);
    if (rc != rw || strcmp(o, want) != 0)
        bad++;
    for (size_t i = strlen(o) + 1; i <= SS_DIGITS_MAX; i++)
        if (o[i] != '\0')
            bad++;
    free(o);
    free(p);
    return bad;
}

/* max_digits around every interesting bound of an n-octet input. */
static unsigned check_bounds(const uint8_t *v, size_t n)
{
    static const size_t fixed[] = {0, 1, 15, 16, 17, 31, 32, 33, 39, 40, 41, 100};
    unsigned bad = 0;

    for (size_t m = 0; m < sizeof fixed / sizeof fixed[0]; m++)
        bad += check_one(v, n, fixed[m]);
    if (n > 0) {
        bad += check_one(v, n, 2 * n - 1);
        bad += check_one(v, n, 2 * n);
    }
    return bad;
}

/* A fixed pseudo-random digit string: nibbles 0x0-0xE, never a filler. */
static void fill_digits(uint8_t *v, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned lo = (seed >> 16) % 15, hi = (seed >> 8) % 15;
        v[i] = (uint8_t)(hi << 4 | lo);
    }
}

/* Every length 0..22 octets (odd and even digit counts through every
 * 16-digit round and past SS_DIGITS_MAX), without a filler and with one
 * in every nibble position, high or low, against the reference. */
static void test_bcd_every_length_and_filler_position_matches_reference(void)
{
    uint8_t v[22];
    unsigned bad = 0;

    for (size_t n = 0; n <= sizeof v; n++) {
        for (uint32_t seed = 1; seed <= 3; seed++) {
            fill_digits(v, n, seed * 7919u + (uint32_t)n);
            bad += check_bounds(v, n);
            for (size_t f = 0; f < 2 * n; f++) {
                uint8_t keep = v[f / 2];
                v[f / 2] = f & 1 ? (uint8_t)(keep | 0xf0) : (uint8_t)(keep | 0x0f);
                bad += check_bounds(v, n);
                v[f / 2] = keep;
            }
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Every octet value as the whole input and as the last of two octets
 * (every digit, symbol and filler in both nibbles), and every value at
 * octets 7, 8 and 15 of a 20-octet string (the round boundaries). */
static void test_bcd_every_octet_value_matches_reference(void)
{
    uint8_t v[20];
    unsigned bad = 0;

    for (unsigned b = 0; b < 256; b++) {
        v[0] = (uint8_t)b;
        bad += check_bounds(v, 1);
        for (unsigned a = 0; a < 256; a += 17) {
            v[0] = (uint8_t)a;
            v[1] = (uint8_t)b;
            bad += check_bounds(v, 2);
        }
        static const size_t at[] = {7, 8, 15};
        for (size_t k = 0; k < 3; k++) {
            fill_digits(v, sizeof v, 42);
            v[at[k]] = (uint8_t)b;
            bad += check_one(v, sizeof v, SS_DIGITS_MAX);
            bad += check_one(v, at[k] + 1, 100);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* The symbols 0xA-0xE at every position of a 20-octet string. */
static void test_bcd_symbols_at_every_position_match_reference(void)
{
    uint8_t v[20];
    unsigned bad = 0;

    for (size_t pos = 0; pos < 2 * sizeof v; pos++) {
        for (uint8_t s = 0x0a; s <= 0x0e; s++) {
            memset(v, 0x55, sizeof v);
            v[pos / 2] = pos & 1 ? (uint8_t)(s << 4 | 5) : (uint8_t)(0x50 | s);
            bad += check_bounds(v, sizeof v);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_bcd_odd_digits_stop_at_filler),
    SS_TEST(test_bcd_even_digits_no_filler),
    SS_TEST(test_bcd_special_nibbles_map_to_symbols),
    SS_TEST(test_bcd_max_digits_limits_output),
    SS_TEST(test_bcd_empty_input_gives_empty_string),
    SS_TEST(test_bcd_leading_filler_gives_empty_string),
    SS_TEST(test_bcd_forty_digits_fit_forty_two_oversize),
    SS_TEST(test_bcd_sixteen_digit_boundary),
    SS_TEST(test_bcd_forty_first_digit_filler_or_oversize),
    SS_TEST(test_bcd_every_length_and_filler_position_matches_reference),
    SS_TEST(test_bcd_every_octet_value_matches_reference),
    SS_TEST(test_bcd_symbols_at_every_position_match_reference),
};

int main(void)
{
    return SS_RUN_SUITE("bcd", NULL, NULL, tests) != 0;
}
