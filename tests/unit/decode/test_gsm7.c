#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/text.h"
#include "tests/unit/runner.h"

static char out[SS_PART_TEXT_MAX];
static size_t out_len;
static unsigned bad;

/* TS 23.038 §6.1.2.1.1 worked example: "hellohello" (10 septets) packs
 * into 9 octets e8 32 9b fd 46 97 d9 ec 37. */
static void test_gsm7_unpack_hellohello(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    uint8_t sept[16];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 0, 10, sept), 10);
    CU_ASSERT_EQUAL(memcmp(sept, "hellohello", 10), 0);
}

/* One fill bit (after a 6-octet UDH): bit 0 is fill, 'h' 0x68 in bits
 * 1-7 of octet 0 (0x68 << 1 = 0xd0), 'i' 0x69 in bits 0-6 of octet 1. */
static void test_gsm7_unpack_skips_fill_bits(void)
{
    static const uint8_t v[] = {0xd0, 0x69};
    uint8_t sept[4];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 1, 2, sept), 2);
    CU_ASSERT_EQUAL(sept[0], 'h');
    CU_ASSERT_EQUAL(sept[1], 'i');
}

/* Eighth septet of 7 octets lives entirely in the top 7 bits of octet 6. */
static void test_gsm7_unpack_eighth_septet_from_seven_octets(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9};
    uint8_t sept[8];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 0, 8, sept), 8);
    CU_ASSERT_EQUAL(memcmp(sept, "hellohel", 8), 0);
}

static void test_gsm7_unpack_stops_when_data_ends(void)
{
    static const uint8_t v[] = {0xe8, 0x32};
    uint8_t sept[10];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 0, 10, sept), 2);
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, 0, 0, 10, sept), 0);
}

/* Default alphabet positions as Wireshark maps them: 0x00 '@', 0x01 '£',
 * 0x02 '$', 0x09 'Ç' (capital), 0x0a LF, 0x0d CR, 0x11 '_', 0x24 '¤',
 * 0x40 '¡', 0x5f '§', 0x7f 'à', 0x10 'Δ'. */
static void test_gsm7_default_alphabet_matches_wireshark(void)
{
    static const uint8_t s[] = {0x00, 0x01, 0x02, 0x09, 0x0a, 0x0d,
                                0x11, 0x24, 0x40, 0x5f, 0x7f, 0x10};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "@\xc2\xa3$\xc3\x87\n\r_\xc2\xa4\xc2\xa1\xc2\xa7\xc3\xa0\xce\x94");
    CU_ASSERT_EQUAL(out_len, strlen(out));
    CU_ASSERT_EQUAL(bad, 0);
}

/* Extension table: 1b 65 '€' (U+20AC), 1b 3c '[', 1b 3e ']', 1b 14 '^',
 * 1b 28 '{', 1b 29 '}', 1b 2f '\', 1b 3d '~', 1b 40 '|', 1b 0a FF. */
static void test_gsm7_extension_table(void)
{
    static const uint8_t s[] = {0x1b, 0x65, 0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x14, 0x1b, 0x28,
                                0x1b, 0x29, 0x1b, 0x2f, 0x1b, 0x3d, 0x1b, 0x40, 0x1b, 0x0a};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe2\x82\xac[]^{}\\~|\f");
    CU_ASSERT_EQUAL(bad, 0);
}

/* ESC before a code with no extension gives U+FFFD in place of both. */
static void test_gsm7_escape_without_extension_is_replacement(void)
{
    static const uint8_t s[] = {'A', 0x1b, 'A', 'B'};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd"
                                "B");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_gsm7_trailing_escape_is_replacement(void)
{
    static const uint8_t s[] = {'A', 0x1b};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

/* ESC ESC stays in escape mode (no second extension table exists). */
static void test_gsm7_double_escape_then_euro(void)
{
    static const uint8_t s[] = {0x1b, 0x1b, 0x65};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe2\x82\xac");
}

static void test_gsm7_octet_above_0x7f_is_replacement(void)
{
    static const uint8_t s[] = {0x80};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

/* '€' needs 3 bytes + NUL: a 3-byte buffer is too small, 4 is enough. */
static void test_gsm7_output_too_small_is_oversize(void)
{
    static const uint8_t s[] = {0x1b, 0x65};
    char small[4];
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, small, 3, &out_len, &bad), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, small, 4, &out_len, &bad), SS_OK);
    CU_ASSERT_EQUAL(out_len, 3);
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, small, 0, &out_len, &bad), SS_OVERSIZE);
}

/* Packs septets least significant bit first after fill zero bits, bit by
 * bit (TS 23.038 §6.1.2.1.1), as an independent encoder for the tests of
 * the fused converter. Returns the octets written. */
static size_t pack_septets(const uint8_t *sept, size_t n, size_t fill, uint8_t *p)
{
    size_t bits = fill + 7 * n, len = (bits + 7) / 8;
    memset(p, 0, len);
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < 7; b++)
            if (sept[i] >> b & 1)
                p[(fill + 7 * i + b) / 8] |= (uint8_t)(1u << ((fill + 7 * i + b) % 8));
    return len;
}

static void test_gsm7_packed_hellohello(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, sizeof v, 0, 10, out, sizeof out, &out_len, &bad),
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "hellohello");
    CU_ASSERT_EQUAL(out_len, 10);
    CU_ASSERT_EQUAL(bad, 0);
}

/* An escape in the last septet of one group of eight and its extension
 * code in the first of the next; '£' (2 bytes) and 'Δ' around it; every
 * fill from 0 to 6 bits. */
static void test_gsm7_packed_escape_across_groups_every_fill(void)
{
    static const uint8_t s[] = {'a', 0x01, 'b', 'c', 'd', 'e', 'f', 0x1b, 0x65, 0x10, 'g',
                                'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'};
    static const char want[] = "a\xc2\xa3" "bcdef\xe2\x82\xac\xce\x94" "ghijklmno";
    uint8_t p[32];
    for (size_t fill = 0; fill <= 6; fill++) {
        size_t len = pack_septets(s, sizeof s, fill, p);
        CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(p, len, fill, sizeof s, out, sizeof out, &out_len,
                                               &bad),
                        SS_OK);
        CU_ASSERT_STRING_EQUAL(out, want);
        CU_ASSERT_EQUAL(out_len, strlen(want));
        CU_ASSERT_EQUAL(bad, 0);
    }
}

static void test_gsm7_packed_trailing_escape_and_bad_extension(void)
{
    static const uint8_t s[] = {'A', 0x1b, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 0x1b};
    uint8_t p[16];
    size_t len = pack_septets(s, sizeof s, 3, p);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(p, len, 3, sizeof s, out, sizeof out, &out_len, &bad),
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd" "BCDEFG\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 2);
}

/* Fewer whole septets than asked for: SS_TRUNCATED and an empty text. */
static void test_gsm7_packed_short_data_is_truncated(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, sizeof v, 0, 11, out, sizeof out, &out_len, &bad),
                    SS_TRUNCATED);
    CU_ASSERT_EQUAL(out_len, 0);
    CU_ASSERT_STRING_EQUAL(out, "");
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, 8, 1, 10, out, sizeof out, &out_len, &bad),
                    SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, 0, 0, 0, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_EQUAL(out_len, 0);
}

/* A small output buffer takes the bounded path: same results as
 * ss_gsm7_to_utf8 on the unpacked septets. */
static void test_gsm7_packed_small_output_is_oversize(void)
{
    static const uint8_t s[] = {0x1b, 0x65};
    uint8_t p[4];
    char small[4];
    size_t len = pack_septets(s, sizeof s, 0, p);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(p, len, 0, 2, small, 3, &out_len, &bad), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(p, len, 0, 2, small, 4, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(small, "\xe2\x82\xac");
}

/* Every septet value, every length up to a full part and every fill:
 * the fused converter agrees with unpacking then converting. */
static void test_gsm7_packed_equals_unpack_then_convert(void)
{
    uint8_t s[SS_GSM7_PART_SEPTETS], p[SS_GSM7_PART_SEPTETS], sept[SS_GSM7_PART_SEPTETS];
    char ref[SS_PART_TEXT_MAX];
    size_t ref_len;
    unsigned ref_bad, fails = 0;
    uint32_t x = 12345;
    for (size_t n = 0; n <= SS_GSM7_PART_SEPTETS; n++) {
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            /* Escapes one time in eight, so that escape pairs are common. */
            s[i] = (x >> 16) % 8 == 0 ? 0x1b : (uint8_t)((x >> 20) & 0x7f);
        }
        for (size_t fill = 0; fill <= 6; fill++) {
            size_t len = pack_septets(s, n, fill, p);
            ss_gsm7_unpack(p, len, fill, n, sept);
            ss_gsm7_to_utf8(sept, n, ref, sizeof ref, &ref_len, &ref_bad);
            enum ss_result r =
                ss_gsm7_packed_to_utf8(p, len, fill, n, out, sizeof out, &out_len, &bad);
            fails += r != SS_OK || out_len != ref_len || bad != ref_bad ||
                     memcmp(out, ref, ref_len + 1) != 0;
        }
    }
    CU_ASSERT_EQUAL(fails, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_gsm7_unpack_hellohello),
    SS_TEST(test_gsm7_unpack_skips_fill_bits),
    SS_TEST(test_gsm7_unpack_eighth_septet_from_seven_octets),
    SS_TEST(test_gsm7_unpack_stops_when_data_ends),
    SS_TEST(test_gsm7_default_alphabet_matches_wireshark),
    SS_TEST(test_gsm7_extension_table),
    SS_TEST(test_gsm7_escape_without_extension_is_replacement),
    SS_TEST(test_gsm7_trailing_escape_is_replacement),
    SS_TEST(test_gsm7_double_escape_then_euro),
    SS_TEST(test_gsm7_octet_above_0x7f_is_replacement),
    SS_TEST(test_gsm7_output_too_small_is_oversize),
    SS_TEST(test_gsm7_packed_hellohello),
    SS_TEST(test_gsm7_packed_escape_across_groups_every_fill),
    SS_TEST(test_gsm7_packed_trailing_escape_and_bad_extension),
    SS_TEST(test_gsm7_packed_short_data_is_truncated),
    SS_TEST(test_gsm7_packed_small_output_is_oversize),
    SS_TEST(test_gsm7_packed_equals_unpack_then_convert),
};

int main(void)
{
    return SS_RUN_SUITE("gsm7", NULL, NULL, tests) != 0;
}
