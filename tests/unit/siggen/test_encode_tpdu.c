#include <CUnit/Basic.h>
#include <string.h>

#include "encode_tpdu.h"
#include "tests/unit/runner.h"

static const uint8_t septet_A = 0x41;

/* TS 23.040 §9.2.3.24: 160 septets / 140 octets, minus the header. */
static void test_part_capacities_follow_the_header_size(void)
{
    CU_ASSERT_EQUAL(sg_tpdu_single_capacity(false), 160);
    CU_ASSERT_EQUAL(sg_tpdu_single_capacity(true), 70);
    CU_ASSERT_EQUAL(sg_tpdu_part_capacity(false, false), 153);
    CU_ASSERT_EQUAL(sg_tpdu_part_capacity(false, true), 152);
    CU_ASSERT_EQUAL(sg_tpdu_part_capacity(true, false), 67);
    CU_ASSERT_EQUAL(sg_tpdu_part_capacity(true, true), 66);
}

/* SMS-DELIVER from alphanumeric "ICBC" at 1700000000 (2023-11-15 06:13:20 +08):
 * 04 MTI=0 MMS | 07 D0 C9 A1 70 08 (7 semi-octets, TON 5, packed ICBC)
 * | 00 PID | 00 DCS | 32 11 51 60 31 02 23 SCTS | 01 UDL | 41 "A". */
static void test_deliver_with_alphanumeric_originator(void)
{
    static const uint8_t want[] = {0x04, 0x07, 0xd0, 0xc9, 0xa1, 0x70, 0x08, 0x00, 0x00,
                                   0x32, 0x11, 0x51, 0x60, 0x31, 0x02, 0x23, 0x01, 0x41};
    struct sg_tpdu t = {.deliver = true,
                        .addr = "ICBC",
                        .toa = SG_TOA_ALPHANUMERIC,
                        .time_sec = 1700000000,
                        .units = &septet_A,
                        .n_units = 1,
                        .concat = {.total = 1}};
    struct sg_buf b = {0};
    sg_tpdu_encode(&b, &t);
    CU_ASSERT_EQUAL(b.len, sizeof want);
    CU_ASSERT_EQUAL(memcmp(b.p, want, sizeof want), 0);
    sg_buf_free(&b);
}

/* SMS-SUBMIT part 1/2, 8-bit reference 0x7F, to 10086:
 * 41 MTI=1 UDHI | 05 MR | 05 81 01 80 F6 | 00 PID | 00 DCS | 08 UDL (7 header
 * septets + 1) | 05 00 03 7F 02 01 UDH | 82 "A" after one fill bit. */
static void test_submit_user_data_header_takes_fill_bits(void)
{
    static const uint8_t want[] = {0x41, 0x05, 0x05, 0x81, 0x01, 0x80, 0xf6, 0x00, 0x00,
                                   0x08, 0x05, 0x00, 0x03, 0x7f, 0x02, 0x01, 0x82};
    struct sg_tpdu t = {.addr = "10086",
                        .toa = SG_TOA_UNKNOWN,
                        .mr = 5,
                        .units = &septet_A,
                        .n_units = 1,
                        .concat = {.ref = 0x7f, .total = 2, .seq = 1}};
    struct sg_buf b = {0};
    sg_tpdu_encode(&b, &t);
    CU_ASSERT_EQUAL(b.len, sizeof want);
    CU_ASSERT_EQUAL(memcmp(b.p, want, sizeof want), 0);
    sg_buf_free(&b);
}

/* UCS2 with a 16-bit reference: UDL counts octets, header included:
 * ... 09 UDL | 06 08 04 12 34 03 02 UDH | 4F 60 "你". */
static void test_submit_ucs2_concat16_counts_octets(void)
{
    static const uint16_t ni = 0x4f60;
    static const uint8_t tail[] = {0x09, 0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02, 0x4f, 0x60};
    struct sg_tpdu t = {.addr = "10086",
                        .toa = SG_TOA_UNKNOWN,
                        .dcs = 0x08,
                        .ucs2 = true,
                        .units = &ni,
                        .n_units = 1,
                        .concat = {.ref16 = true, .ref = 0x1234, .total = 3, .seq = 2}};
    struct sg_buf b = {0};
    sg_tpdu_encode(&b, &t);
    CU_ASSERT_TRUE(b.len >= sizeof tail);
    CU_ASSERT_EQUAL(memcmp(b.p + b.len - sizeof tail, tail, sizeof tail), 0);
    sg_buf_free(&b);
}

static const struct ss_test tests[] = {
    SS_TEST(test_part_capacities_follow_the_header_size),
    SS_TEST(test_deliver_with_alphanumeric_originator),
    SS_TEST(test_submit_user_data_header_takes_fill_bits),
    SS_TEST(test_submit_ucs2_concat16_counts_octets),
};

int main(void)
{
    return SS_RUN_SUITE("siggen_encode_tpdu", NULL, NULL, tests) != 0;
}
