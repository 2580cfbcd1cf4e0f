/* M2PA (RFC 4165) and the ITU MTP3 routing label (Q.704). */
#include <CUnit/Basic.h>

#include "dataplane/decode/m2pa.h"
#include "tests/unit/runner.h"

/* Byte vectors keep one field per line with its comment. */
/* clang-format off */

static void test_m2pa_user_data_yields_msu_after_priority(void)
{
    const uint8_t f[] = {
        0x01,                   /* version 1 */
        0x00,                   /* spare */
        0x0b,                   /* class 11 M2PA */
        0x01,                   /* type User Data */
        0x00, 0x00, 0x00, 0x18, /* length 24, whole message */
        0xff, 0x00, 0x00, 0x01, /* unused, BSN 1 */
        0xff, 0x00, 0x00, 0x02, /* unused, FSN 2 */
        0x00,                   /* priority 0, spare */
        0x03,                   /* SIO: NI 0, SI 3 SCCP */
        0xd2, 0x44, 0x4a, 0x52, /* routing label DPC 1234, OPC 2345, SLS 5 */
        0x11, 0x81,             /* SCCP XUDT start */
        0x00, 0x00,             /* SCTP padding beyond the M2PA length */
    };
    struct ss_m2pa m;
    CU_ASSERT_EQUAL(ss_m2pa_decode(f, sizeof(f), &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_M2PA_USER_DATA);
    CU_ASSERT_EQUAL(m.bsn, 1); /* unused top octet masked off */
    CU_ASSERT_EQUAL(m.fsn, 2);
    CU_ASSERT_PTR_EQUAL(m.msu, f + 17);
    CU_ASSERT_EQUAL(m.msu_len, 7);
}

static void test_m2pa_user_data_without_data_is_ack(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x0b, 0x01, /* version 1, spare, class 11, User Data */
        0x00, 0x00, 0x00, 0x10, /* length 16: header only */
        0x00, 0x00, 0x00, 0x07, /* BSN 7 */
        0x00, 0x00, 0x00, 0x08, /* FSN 8 */
    };
    struct ss_m2pa m;
    CU_ASSERT_EQUAL(ss_m2pa_decode(f, sizeof(f), &m), SS_OK);
    CU_ASSERT_EQUAL(m.bsn, 7);
    CU_ASSERT_EQUAL(m.fsn, 8);
    CU_ASSERT_PTR_NULL(m.msu);
}

static void test_m2pa_user_data_priority_without_msu_bad_length(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x0b, 0x01, 0x00, 0x00, 0x00, 0x11, /* User Data, length 17 */
        0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x08, /* BSN, FSN */
        0x00,                                           /* priority, no MSU */
    };
    struct ss_m2pa m;
    CU_ASSERT_EQUAL(ss_m2pa_decode(f, sizeof(f), &m), SS_BAD_LENGTH);
}

static void test_m2pa_link_status_carries_no_msu(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x0b, 0x02, /* version 1, spare, class 11, Link Status */
        0x00, 0x00, 0x00, 0x14, /* length 20 */
        0x00, 0xff, 0xff, 0xff, /* BSN 0xffffff (initial) */
        0x00, 0xff, 0xff, 0xff, /* FSN 0xffffff */
        0x00, 0x00, 0x00, 0x04, /* state 4: Ready */
    };
    struct ss_m2pa m;
    CU_ASSERT_EQUAL(ss_m2pa_decode(f, sizeof(f), &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_M2PA_LINK_STATUS);
    CU_ASSERT_EQUAL(m.bsn, 0xffffff);
    CU_ASSERT_PTR_NULL(m.msu);
}

static void test_m2pa_wrong_version_or_class_bad_tag(void)
{
    const uint8_t v2[] = {
        0x02, 0x00, 0x0b, 0x02, 0x00, 0x00, 0x00, 0x10, /* version 2 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    };
    const uint8_t c10[] = {
        0x01, 0x00, 0x0a, 0x02, 0x00, 0x00, 0x00, 0x10, /* class 10 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    };
    struct ss_m2pa m;
    CU_ASSERT_EQUAL(ss_m2pa_decode(v2, sizeof(v2), &m), SS_BAD_TAG);
    CU_ASSERT_EQUAL(ss_m2pa_decode(c10, sizeof(c10), &m), SS_BAD_TAG);
}

static void test_m2pa_header_truncated(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x0b, 0x01, 0x00, 0x00, 0x00, 0x10,
        0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x08,
    };
    struct ss_m2pa m;
    for (size_t n = 0; n < sizeof(f); n++) /* down from the FSN cut */
        CU_ASSERT_EQUAL(ss_m2pa_decode(f, n, &m), SS_TRUNCATED);
}

static void test_m2pa_length_below_header_bad_length(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x0b, 0x01, 0x00, 0x00, 0x00, 0x0f, /* length 15 < 16 */
        0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x08,
    };
    struct ss_m2pa m;
    CU_ASSERT_EQUAL(ss_m2pa_decode(f, sizeof(f), &m), SS_BAD_LENGTH);
}

static void test_m2pa_length_beyond_frame_truncated(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x0b, 0x01, 0x00, 0x00, 0x00, 0x17, /* length 23 > 22 present */
        0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x08,
        0x00, 0x03, 0xd2, 0x44, 0x4a, 0x52,
    };
    struct ss_m2pa m;
    CU_ASSERT_EQUAL(ss_m2pa_decode(f, sizeof(f), &m), SS_TRUNCATED);
}

/* Q.704 §2.2: the ITU routing label is 32 bits sent least significant
 * octet first: DPC in bits 0-13, OPC in bits 14-27, SLS in bits 28-31.
 * DPC 1234 (0x04d2), OPC 2345 (0x0929), SLS 5:
 * 0x04d2 | 0x0929 << 14 | 5 << 28 = 0x524a44d2, on the wire d2 44 4a 52. */
static void test_mtp3_label_dpc_opc_sls_fields(void)
{
    const uint8_t msu[] = {
        0x03,                   /* SIO: NI 0, spare 0, SI 3 */
        0xd2, 0x44, 0x4a, 0x52, /* label 0x524a44d2 little-endian */
        0x11,                   /* SCCP message type XUDT */
    };
    struct ss_mtp3 m;
    CU_ASSERT_EQUAL(ss_mtp3_decode(msu, sizeof(msu), &m), SS_OK);
    CU_ASSERT_EQUAL(m.si, SS_MTP3_SI_SCCP);
    CU_ASSERT_EQUAL(m.ni, 0);
    CU_ASSERT_EQUAL(m.dpc, 1234);
    CU_ASSERT_EQUAL(m.opc, 2345);
    CU_ASSERT_EQUAL(m.sls, 5);
    CU_ASSERT_PTR_EQUAL(m.payload, msu + 5);
    CU_ASSERT_EQUAL(m.len, 1);
}

static void test_mtp3_label_extreme_bits(void)
{
    /* DPC 0x3fff, OPC 0, SLS 0 then DPC 0, OPC 0x3fff, SLS 15: every bit
     * lands in its own field. */
    const uint8_t a[] = {0x83, 0xff, 0x3f, 0x00, 0x00}; /* NI 2, SI 3 */
    const uint8_t b[] = {0xc5, 0x00, 0xc0, 0xff, 0xff}; /* NI 3, SI 5 */
    struct ss_mtp3 m;
    CU_ASSERT_EQUAL(ss_mtp3_decode(a, sizeof(a), &m), SS_OK);
    CU_ASSERT_EQUAL(m.ni, 2);
    CU_ASSERT_EQUAL(m.dpc, 0x3fff);
    CU_ASSERT_EQUAL(m.opc, 0);
    CU_ASSERT_EQUAL(m.sls, 0);
    CU_ASSERT_EQUAL(m.len, 0);
    CU_ASSERT_EQUAL(ss_mtp3_decode(b, sizeof(b), &m), SS_OK);
    CU_ASSERT_EQUAL(m.ni, 3);
    CU_ASSERT_EQUAL(m.si, 5);
    CU_ASSERT_EQUAL(m.dpc, 0);
    CU_ASSERT_EQUAL(m.opc, 0x3fff);
    CU_ASSERT_EQUAL(m.sls, 15);
}

static void test_mtp3_label_truncated(void)
{
    const uint8_t msu[] = {0x03, 0xd2, 0x44, 0x4a}; /* label cut at 3 bytes */
    struct ss_mtp3 m;
    CU_ASSERT_EQUAL(ss_mtp3_decode(msu, sizeof(msu), &m), SS_TRUNCATED);
}

/* clang-format on */

static const struct ss_test tests[] = {
    SS_TEST(test_m2pa_user_data_yields_msu_after_priority),
    SS_TEST(test_m2pa_user_data_without_data_is_ack),
    SS_TEST(test_m2pa_user_data_priority_without_msu_bad_length),
    SS_TEST(test_m2pa_link_status_carries_no_msu),
    SS_TEST(test_m2pa_wrong_version_or_class_bad_tag),
    SS_TEST(test_m2pa_header_truncated),
    SS_TEST(test_m2pa_length_below_header_bad_length),
    SS_TEST(test_m2pa_length_beyond_frame_truncated),
    SS_TEST(test_mtp3_label_dpc_opc_sls_fields),
    SS_TEST(test_mtp3_label_extreme_bits),
    SS_TEST(test_mtp3_label_truncated),
};

int main(void)
{
    return SS_RUN_SUITE("m2pa", NULL, NULL, tests) != 0;
}
