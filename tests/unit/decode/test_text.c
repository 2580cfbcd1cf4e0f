#include <CUnit/Basic.h>

#include "tests/unit/decode/vectors.h"
#include <stdlib.h>
#include <string.h>

#include "dataplane/decode/text.h"
#include "dataplane/decode/tpdu.h"
#include "tests/unit/runner.h"

static char out[SS_PART_TEXT_MAX];
static size_t out_len;
static unsigned bad;

/* A TPDU as ss_tpdu_decode would leave it, built by hand. */
static struct ss_tpdu tpdu(uint8_t dcs, uint8_t udl, const uint8_t *ud, size_t ud_len,
                           size_t udh_len)
{
    struct ss_tpdu t;
    memset(&t, 0, sizeof t);
    t.dcs = dcs;
    ss_tp_dcs_decode(dcs, &t.dcs_info);
    t.udl = udl;
    t.ud = ud;
    t.ud_len = ud_len;
    t.udh_len = udh_len;
    t.udhi = udh_len > 0;
    return t;
}

static void test_text_gsm7_without_udh(void)
{
    static const uint8_t ud[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    struct ss_tpdu t = tpdu(0x00, 10, ud, sizeof ud, 0);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "hellohello");
    CU_ASSERT_EQUAL(out_len, 10);
}

/* 6-octet UDH (concat 8-bit) = 48 bits: 1 fill bit, 7 septets of UDL. */
static void test_text_gsm7_after_concat8_udh_skips_one_fill_bit(void)
{
    static const uint8_t ud[] = {0x05, 0x00, 0x03, 0x2a, 0x02, 0x01, 0xd0, 0x69};
    struct ss_tpdu t = tpdu(0x00, 9, ud, sizeof ud, 6);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "hi");
}

/* 7-octet UDH (concat 16-bit) = 56 bits = 8 septets exactly: no fill. */
static void test_text_gsm7_after_concat16_udh_has_no_fill(void)
{
    static const uint8_t ud[] = {0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02, 0xe8, 0x34};
    struct ss_tpdu t = tpdu(0x00, 10, ud, sizeof ud, 7);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "hi");
}

/* UDH 03 24 01 02 (national single shift, Spanish) = 4 octets = 32 bits:
 * 3 fill bits, 5 septets of UDL; 'A' starts at bit 35 = octet 4 bit 3:
 * 0x41 << 3 = 0x208 -> octet 4 0x08, octet 5 0x02. UDL 6. Decoded with the
 * default table and counted once in *bad. */
static void test_text_gsm7_national_shift_uses_default_table_and_counts(void)
{
    static const uint8_t ud[] = {0x03, 0x24, 0x01, 0x02, 0x08, 0x02};
    struct ss_tpdu t = tpdu(0x00, 6, ud, sizeof ud, 4);
    t.udh.lang_single = 2;
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A");
    CU_ASSERT_EQUAL(bad, 1);
}

/* UCS2 after a 6-octet UDH: 你好. */
static void test_text_ucs2_after_udh(void)
{
    static const uint8_t ud[] = {0x05, 0x00, 0x03, 0x01, 0x02, 0x02, 0x4f, 0x60, 0x59, 0x7d};
    struct ss_tpdu t = tpdu(0x08, 10, ud, sizeof ud, 6);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe4\xbd\xa0\xe5\xa5\xbd");
}

static void test_text_ucs2_surrogate_pair(void)
{
    static const uint8_t ud[] = {0xd8, 0x3d, 0xde, 0x00};
    struct ss_tpdu t = tpdu(0x08, 4, ud, sizeof ud, 0);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xf0\x9f\x98\x80");
}

static void test_text_8bit_and_compressed_are_unsupported(void)
{
    static const uint8_t ud[] = {0x41};
    struct ss_tpdu t = tpdu(0x04, 1, ud, sizeof ud, 0);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_UNSUPPORTED);
    CU_ASSERT_EQUAL(out_len, 0);
    CU_ASSERT_STRING_EQUAL(out, "");
    t = tpdu(0x20, 1, ud, sizeof ud, 0);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_UNSUPPORTED);
}

/* UDL 6 septets cannot hold a 6-octet (7-septet) UDH. */
static void test_text_udh_longer_than_udl_is_bad_length(void)
{
    static const uint8_t ud[] = {0x05, 0x00, 0x03, 0x2a, 0x02, 0x01};
    struct ss_tpdu t = tpdu(0x00, 6, ud, sizeof ud, 6);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_BAD_LENGTH);
    t = tpdu(0x08, 6, ud, 4, 6);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_BAD_LENGTH);
}

/* UDL says 10 septets but only 2 octets are there. */
static void test_text_gsm7_short_data_is_truncated(void)
{
    static const uint8_t ud[] = {0xe8, 0x32};
    struct ss_tpdu t = tpdu(0x00, 10, ud, sizeof ud, 0);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_TRUNCATED);
}

static void test_text_euro_from_extension(void)
{
    /* septets 1b 65: 0x1b | (0x65 << 7) = 0x329b -> 9b 32 */
    static const uint8_t ud[] = {0x9b, 0x32};
    struct ss_tpdu t = tpdu(0x00, 2, ud, sizeof ud, 0);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe2\x82\xac");
}

/* Hand-built SMS-DELIVER (TS 23.040 §9.2.2.1) whose user data is the
 * longest single GSM 7-bit text: UDL 160 septets fill 140 octets exactly
 * (160 * 7 / 8), so the last septet ends on the last bit. */
/* clang-format off */
static const uint8_t deliver160[] = {
    SS_TEST_DELIVER160
};
/* clang-format on */

static void test_text_gsm7_160_septets_fill_140_octets(void)
{
    struct ss_tpdu t;
    CU_ASSERT_EQUAL_FATAL(ss_tpdu_decode(deliver160, sizeof deliver160, SS_TP_SC_TO_MS, &t), SS_OK);
    CU_ASSERT_STRING_EQUAL(t.addr.text, "447700900123");
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_EQUAL(out_len, 160);
    CU_ASSERT_STRING_EQUAL(out, "Hand built test text Hand built test text "
                                "Hand built test text Hand built test text "
                                "Hand built test text Hand built test text "
                                "Hand built test text Hand builtEND");
    CU_ASSERT_EQUAL(bad, 0);
}

/* SMS-DELIVER checked with tshark 4.0 (DLT 147 mapped to gsm_sms): septets
 * 00 01 02 09 0a 0d 11 24 | 1b 65 | 1b 41 | 1b 1b 3c | 5f 7f | 1b print as
 * "@£$Ç\n\r_¤" "€" U+FFFD "[" "§à" U+FFFD: ESC before a code without an
 * extension and a trailing ESC each give one U+FFFD, ESC ESC stays escaped. */
static void test_text_gsm7_escapes_match_tshark(void)
{
    static const uint8_t v[] = {
        0x04,                                     /* DELIVER */
        0x09, 0xd0, 0xc8, 0x32, 0x9b, 0xfd, 0x06, /* TP-OA "Hello" */
        0x00, 0x00,                               /* PID, DCS */
        0x32, 0x11, 0x82, 0x21, 0x43, 0x50, 0x00, /* SCTS */
        0x12,                                     /* UDL 18 septets */
        0x80, 0x80, 0x20, 0xa1, 0x68, 0x44, 0x48, 0x9b,
        0xf2, 0x26, 0xb8, 0xd9, 0xf0, 0xbe, 0xff, 0x0d, /* 16 octets */
    };
    struct ss_tpdu t;
    CU_ASSERT_EQUAL_FATAL(ss_tpdu_decode(v, sizeof v, SS_TP_SC_TO_MS, &t), SS_OK);
    CU_ASSERT_EQUAL(ss_text_decode(&t, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(
        out,
        "@\xc2\xa3$\xc3\x87\n\r_\xc2\xa4\xe2\x82\xac\xef\xbf\xbd[\xc2\xa7\xc3\xa0\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 2);
}

/* Deterministic xorshift so the mutation run is reproducible. */
static uint32_t rnd(void)
{
    static uint32_t x = 2463534242u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

/* Random cuts and byte flips of the 160-septet TPDU, decoded from exact-size
 * heap copies (ASan) through TPDU and text: every result is bounded. */
static void test_text_mutated_tpdus_stay_in_bounds(void)
{
    for (unsigned i = 0; i < 20000; i++) {
        size_t n = rnd() % (sizeof deliver160 + 1);
        uint8_t *c = malloc(n ? n : 1);
        struct ss_tpdu t;
        memcpy(c, deliver160, n);
        for (unsigned k = rnd() % 4; k > 0 && n > 0; k--)
            c[rnd() % n] = (uint8_t)rnd();
        if (ss_tpdu_decode(c, n, (enum ss_tp_dir)(i & 1), &t) == SS_OK &&
            ss_text_decode(&t, out, sizeof out, &out_len, &bad) == SS_OK)
            CU_ASSERT_TRUE(out_len < sizeof out && out[out_len] == '\0');
        free(c);
    }
}

static const struct ss_test tests[] = {
    SS_TEST(test_text_gsm7_without_udh),
    SS_TEST(test_text_gsm7_after_concat8_udh_skips_one_fill_bit),
    SS_TEST(test_text_gsm7_after_concat16_udh_has_no_fill),
    SS_TEST(test_text_gsm7_national_shift_uses_default_table_and_counts),
    SS_TEST(test_text_ucs2_after_udh),
    SS_TEST(test_text_ucs2_surrogate_pair),
    SS_TEST(test_text_8bit_and_compressed_are_unsupported),
    SS_TEST(test_text_udh_longer_than_udl_is_bad_length),
    SS_TEST(test_text_gsm7_short_data_is_truncated),
    SS_TEST(test_text_euro_from_extension),
    SS_TEST(test_text_gsm7_160_septets_fill_140_octets),
    SS_TEST(test_text_gsm7_escapes_match_tshark),
    SS_TEST(test_text_mutated_tpdus_stay_in_bounds),
};

int main(void)
{
    return SS_RUN_SUITE("text", NULL, NULL, tests) != 0;
}
