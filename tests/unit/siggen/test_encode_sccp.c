#include <CUnit/Basic.h>
#include <string.h>

#include "encode_sccp.h"
#include "tests/unit/runner.h"

static const uint8_t data = 0xaa;

/* Called 12 08 00 11 04 21 03: AI route-on-GT GTI 4 SSN, SSN 8, TT 0,
 * E.164 odd, international, "123"; calling 12 08 00 12 04 54: even, "45". */
static struct sg_sccp_msg message(enum sg_sccp_kind kind)
{
    return (struct sg_sccp_msg){.kind = kind,
                                .protocol_class = 0x80,
                                .called = {8, "123"},
                                .calling = {8, "45"},
                                .data = &data,
                                .data_len = 1};
}

/* Q.713 §4.10: pointers 3, 10, 16 count from each pointer octet. */
static void test_udt_pointers_count_from_each_pointer(void)
{
    static const uint8_t want[] = {0x09, 0x80, 0x03, 0x0a, 0x10, 0x07, 0x12, 0x08,
                                   0x00, 0x11, 0x04, 0x21, 0x03, 0x06, 0x12, 0x08,
                                   0x00, 0x12, 0x04, 0x54, 0x01, 0xaa};
    struct sg_sccp_msg m = message(SG_SCCP_UDT);
    struct sg_buf b = {0};
    sg_sccp_encode(&b, &m);
    CU_ASSERT_EQUAL(b.len, sizeof want);
    CU_ASSERT_EQUAL(memcmp(b.p, want, sizeof want), 0);
    sg_buf_free(&b);
}

/* Q.713 §4.18 / §3.17: first of two segments, class 1 in-sequence, ref 123456. */
static void test_xudt_segmentation_parameter(void)
{
    static const uint8_t head[] = {0x11, 0x81, 0x0f, 0x04, 0x0b, 0x11, 0x12};
    static const uint8_t tail[] = {0x01, 0xaa, 0x10, 0x04, 0xc1, 0x12, 0x34, 0x56, 0x00};
    struct sg_sccp_msg m = message(SG_SCCP_XUDT);
    m.protocol_class = 0x81;
    m.segment = (struct sg_sccp_segment){
        .present = true, .first = true, .remaining = 1, .local_ref = 0x123456};
    struct sg_buf b = {0};
    sg_sccp_encode(&b, &m);
    CU_ASSERT_EQUAL(b.len, 7 + 8 + 7 + sizeof tail);
    CU_ASSERT_EQUAL(memcmp(b.p, head, sizeof head), 0);
    CU_ASSERT_EQUAL(memcmp(b.p + b.len - sizeof tail, tail, sizeof tail), 0);
    sg_buf_free(&b);
}

/* Q.713 §4.20 two-octet pointers, least significant first, counted from the
 * pointer's second octet (Wireshark's reading): 7, 13, 18, 0; long data
 * length 01 00. */
static void test_ludt_long_pointers(void)
{
    static const uint8_t head[] = {0x13, 0x80, 0x0f, 0x07, 0x00, 0x0d,
                                   0x00, 0x12, 0x00, 0x00, 0x00, 0x07};
    static const uint8_t tail[] = {0x01, 0x00, 0xaa};
    struct sg_sccp_msg m = message(SG_SCCP_LUDT);
    struct sg_buf b = {0};
    sg_sccp_encode(&b, &m);
    CU_ASSERT_EQUAL(b.len, 11 + 8 + 7 + sizeof tail);
    CU_ASSERT_EQUAL(memcmp(b.p, head, sizeof head), 0);
    CU_ASSERT_EQUAL(memcmp(b.p + b.len - sizeof tail, tail, sizeof tail), 0);
    sg_buf_free(&b);
}

static const struct ss_test tests[] = {
    SS_TEST(test_udt_pointers_count_from_each_pointer),
    SS_TEST(test_xudt_segmentation_parameter),
    SS_TEST(test_ludt_long_pointers),
};

int main(void)
{
    return SS_RUN_SUITE("siggen_encode_sccp", NULL, NULL, tests) != 0;
}
