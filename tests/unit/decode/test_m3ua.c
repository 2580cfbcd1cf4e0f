/* M3UA (RFC 4666): common header and Transfer/DATA parameters. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/ip.h"
#include "dataplane/decode/link.h"
#include "dataplane/decode/m3ua.h"
#include "dataplane/decode/sctp.h"
#include "tests/unit/runner.h"

/* Byte vectors keep one field per line with its comment. */
/* clang-format off */

#define PARAM_NA 0x02, 0x00, 0x00, 0x08, /* tag NA, length 8 */ \
                 0x00, 0x00, 0x00, 0x02  /* network appearance 2 */
#define PARAM_RC 0x00, 0x06, 0x00, 0x08, /* tag RC, length 8 */ \
                 0x00, 0x00, 0x00, 0x65  /* routing context 101 */
#define PARAM_CORR 0x00, 0x13, 0x00, 0x08, /* tag Correlation Id, length 8 */ \
                   0xca, 0xfe, 0x00, 0x01  /* correlation id */
#define PARAM_PD 0x02, 0x10, 0x00, 0x13, /* tag Protocol Data, length 19 */  \
                 0x00, 0x00, 0x01, 0x2c, /* OPC 300 */                      \
                 0x00, 0x00, 0x00, 0xc8, /* DPC 200 */                      \
                 0x03,                   /* SI 3 SCCP */                    \
                 0x02,                   /* NI 2 national */                \
                 0x00,                   /* MP 0 */                         \
                 0x0b,                   /* SLS 11 */                       \
                 0x09, 0x81, 0x03,       /* user data: SCCP UDT start */    \
                 0x00                    /* padding to 4 */

static void check_pd(const struct ss_m3ua *m, const uint8_t *f, size_t pd_data_off)
{
    CU_ASSERT_EQUAL(m->cls, SS_M3UA_CLASS_TRANSFER);
    CU_ASSERT_EQUAL(m->type, 1);
    CU_ASSERT_EQUAL(m->opc, 300);
    CU_ASSERT_EQUAL(m->dpc, 200);
    CU_ASSERT_EQUAL(m->si, 3);
    CU_ASSERT_EQUAL(m->ni, 2);
    CU_ASSERT_EQUAL(m->mp, 0);
    CU_ASSERT_EQUAL(m->sls, 11);
    CU_ASSERT_PTR_EQUAL(m->payload, f + pd_data_off);
    CU_ASSERT_EQUAL(m->len, 3);
}

static void test_m3ua_data_na_rc_corr_before_protocol_data(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, /* version 1, reserved, class Transfer, type DATA */
        0x00, 0x00, 0x00, 0x34, /* length 52 = 8 + NA 8 + RC 8 + PD 20 + Corr 8 */
        PARAM_NA, PARAM_RC, PARAM_PD, PARAM_CORR,
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(sizeof(f), 52);
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_OK);
    CU_ASSERT_TRUE(m.has_na);
    CU_ASSERT_EQUAL(m.na, 2);
    CU_ASSERT_TRUE(m.has_rc);
    CU_ASSERT_EQUAL(m.rc, 101);
    CU_ASSERT_TRUE(m.has_corr);
    CU_ASSERT_EQUAL(m.corr, 0xcafe0001u);
    check_pd(&m, f, 8 + 16 + 16);
}

static void test_m3ua_data_params_in_other_order(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, /* version 1, class Transfer, type DATA */
        0x00, 0x00, 0x00, 0x34, /* length 52 */
        PARAM_CORR, PARAM_PD, PARAM_RC, PARAM_NA,
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_OK);
    CU_ASSERT_TRUE(m.has_na && m.has_rc && m.has_corr);
    CU_ASSERT_EQUAL(m.rc, 101);
    check_pd(&m, f, 8 + 8 + 16);
}

static void test_m3ua_data_protocol_data_only_no_optionals(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x1c, /* DATA, length 28 */
        PARAM_PD,
        0x00, 0x00, 0x00, 0x00, /* SCTP-level bytes past the M3UA length */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_OK);
    CU_ASSERT_FALSE(m.has_na || m.has_rc || m.has_corr);
    check_pd(&m, f, 8 + 16);
}

static void test_m3ua_last_param_without_padding_accepted(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x1b, /* DATA, length 27 */
        PARAM_PD,                                       /* padding byte outside */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f) - 1, &m), SS_OK);
    check_pd(&m, f, 8 + 16);
}

static void test_m3ua_non_transfer_class_ok_without_payload(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x03, 0x04, /* version 1, class ASPSM, type BEAT ACK */
        0x00, 0x00, 0x00, 0x08, /* length 8 */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_OK);
    CU_ASSERT_EQUAL(m.cls, SS_M3UA_CLASS_ASPSM);
    CU_ASSERT_EQUAL(m.type, 4);
    CU_ASSERT_PTR_NULL(m.payload);
}

static void test_m3ua_data_without_protocol_data_bad_value(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x10, /* DATA, length 16 */
        PARAM_RC,
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_VALUE);
}

static void test_m3ua_wrong_version_bad_tag(void)
{
    const uint8_t f[] = {0x02, 0x00, 0x03, 0x04, 0x00, 0x00, 0x00, 0x08}; /* version 2 */
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_TAG);
}

static void test_m3ua_header_truncated(void)
{
    const uint8_t f[] = {0x01, 0x00, 0x03, 0x04, 0x00, 0x00, 0x00, 0x08};
    struct ss_m3ua m;
    for (size_t n = 0; n < sizeof(f); n++)
        CU_ASSERT_EQUAL(ss_m3ua_decode(f, n, &m), SS_TRUNCATED);
}

static void test_m3ua_message_length_below_header_bad_length(void)
{
    const uint8_t f[] = {0x01, 0x00, 0x03, 0x04, 0x00, 0x00, 0x00, 0x07}; /* length 7 */
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_LENGTH);
}

static void test_m3ua_message_length_beyond_frame_truncated(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x1d, /* length 29 > 28 present */
        PARAM_PD,
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_TRUNCATED);
}

static void test_m3ua_param_header_cut_truncated(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0b, /* length 11 */
        0x02, 0x10, 0x00,                               /* param length cut */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_TRUNCATED);
}

static void test_m3ua_param_length_below_header_bad_length(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0c, /* length 12 */
        0x00, 0x06, 0x00, 0x03,                         /* RC with length 3 */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_LENGTH);
}

static void test_m3ua_param_length_beyond_message_truncated(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x10, /* M3UA length 16 */
        0x00, 0x06, 0x00, 0x0c,                         /* RC claims 12 */
        0x00, 0x00, 0x00, 0x65,
        0x00, 0x00, 0x00, 0x00, /* bytes beyond the M3UA length: not the param's */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_TRUNCATED);
}

static void test_m3ua_fixed_size_param_wrong_length_bad_length(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x10, /* length 16 */
        0x02, 0x00, 0x00, 0x06,                         /* NA with length 6 */
        0x00, 0x02, 0x00, 0x00,                         /* value 2 bytes + pad */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_LENGTH);
}

static void test_m3ua_protocol_data_without_user_data_bad_length(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x18, /* length 24 */
        0x02, 0x10, 0x00, 0x10,                         /* Protocol Data, length 16 */
        0x00, 0x00, 0x01, 0x2c, 0x00, 0x00, 0x00, 0xc8, /* OPC, DPC */
        0x03, 0x02, 0x00, 0x0b,                         /* SI NI MP SLS, no data */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_LENGTH);
}

static void test_m3ua_protocol_data_label_cut_bad_length(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x17, /* length 23 */
        0x02, 0x10, 0x00, 0x0f,                         /* Protocol Data, length 15 */
        0x00, 0x00, 0x01, 0x2c, 0x00, 0x00, 0x00, 0xc8, /* OPC, DPC */
        0x03, 0x02, 0x00,                               /* SI NI MP, SLS cut */
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_LENGTH);
}

static void test_m3ua_duplicate_protocol_data_bad_value(void)
{
    const uint8_t f[] = {
        0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x30, /* DATA, length 48 */
        PARAM_PD, PARAM_PD,
    };
    struct ss_m3ua m;
    CU_ASSERT_EQUAL(ss_m3ua_decode(f, sizeof(f), &m), SS_BAD_VALUE);
}

/* A whole Ethernet frame built from the specifications, 102 bytes:
 * Ethernet II (14) / IPv4 RFC 791 (20) / SCTP RFC 4960 §3 common header
 * (12) and one DATA chunk §3.3.1 (16) / M3UA RFC 4666 §3.1 header (8) and
 * Protocol Data §3.3.1 (16 + 13 user octets + 3 padding) / SCCP UDT. */
static const uint8_t eth_m3ua_frame[] = {
    /* Ethernet: dst 02:00:00:00:00:01, src 02:00:00:00:00:02, type IPv4 */
    0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x08, 0x00,
    /* IPv4: version 4 IHL 5, TOS 0, total length 88 = 20 + 68 */
    0x45, 0x00, 0x00, 0x58,
    /* id 0x1234, no fragmentation, TTL 64, protocol 132 (SCTP) */
    0x12, 0x34, 0x00, 0x00, 0x40, 0x84,
    /* header checksum: ones' complement of the ones' complement sum */
    0xe3, 0xea,
    /* 192.0.2.1 -> 192.0.2.2 (RFC 5737 documentation addresses) */
    0xc0, 0x00, 0x02, 0x01, 0xc0, 0x00, 0x02, 0x02,
    /* SCTP: ports 2905 -> 2905, verification tag 0x01020304, checksum 0 */
    0x0b, 0x59, 0x0b, 0x59, 0x01, 0x02, 0x03, 0x04, 0x00, 0x00, 0x00, 0x00,
    /* DATA: type 0, flags B|E, length 56 = 16 + 40, TSN 1000 */
    0x00, 0x03, 0x00, 0x38, 0x00, 0x00, 0x03, 0xe8,
    /* stream id 1, stream sequence 7, PPID 3 (M3UA) */
    0x00, 0x01, 0x00, 0x07, 0x00, 0x00, 0x00, 0x03,
    /* M3UA: version 1, reserved, class 1 Transfer, type 1 DATA, length 40 */
    0x01, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x28,
    /* Protocol Data: tag 0x0210, length 29 = 16 + 13 (padding not counted) */
    0x02, 0x10, 0x00, 0x1d,
    /* OPC 100001 = 0x0186a1, DPC 200002 = 0x030d42 */
    0x00, 0x01, 0x86, 0xa1, 0x00, 0x03, 0x0d, 0x42,
    /* SI 3 (SCCP), NI 2 (national), MP 0, SLS 9 */
    0x03, 0x02, 0x00, 0x09,
    /* SCCP UDT (Q.713 §4.10): type 09, class 0, pointers 3 5 7 */
    0x09, 0x00, 0x03, 0x05, 0x07,
    /* called and calling party: length 2, AI 0x42 (route on SSN), SSN 8 */
    0x02, 0x42, 0x08, 0x02, 0x42, 0x08,
    /* data: length 1, one octet; then 3 octets of parameter padding */
    0x01, 0x00, 0x00, 0x00, 0x00,
};

static void test_m3ua_ethernet_frame_end_to_end(void)
{
    struct ss_link l;
    struct ss_ip ip;
    struct ss_sctp s;
    struct ss_sctp_iter it;
    struct ss_sctp_chunk c;
    struct ss_sctp_data d;
    struct ss_m3ua m;

    CU_ASSERT_EQUAL_FATAL(sizeof(eth_m3ua_frame), 102);
    CU_ASSERT_EQUAL_FATAL(
        ss_link_decode(eth_m3ua_frame, sizeof(eth_m3ua_frame), SS_LINK_ETHERNET, &l), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_ip_decode(l.payload, l.len, l.ethertype, &ip), SS_OK);
    CU_ASSERT_EQUAL(ip.proto, 132);
    CU_ASSERT_EQUAL(ip.len, 68);
    CU_ASSERT_EQUAL_FATAL(ss_sctp_decode(ip.payload, ip.len, &s), SS_OK);
    CU_ASSERT_EQUAL(s.sport, 2905);
    ss_sctp_iter_init(&it, &s);
    CU_ASSERT_EQUAL_FATAL(ss_sctp_next_chunk(&it, &c), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_sctp_data_decode(&c, &d), SS_OK);
    CU_ASSERT_EQUAL(d.tsn, 1000u);
    CU_ASSERT_EQUAL(d.sid, 1);
    CU_ASSERT_EQUAL(d.ssn, 7);
    CU_ASSERT_EQUAL(d.ppid, SS_PPID_M3UA);
    CU_ASSERT_EQUAL(d.len, 40);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_END);
    CU_ASSERT_EQUAL_FATAL(ss_m3ua_decode(d.payload, d.len, &m), SS_OK);
    CU_ASSERT_EQUAL(m.opc, 100001);
    CU_ASSERT_EQUAL(m.dpc, 200002);
    CU_ASSERT_EQUAL(m.si, 3);
    CU_ASSERT_EQUAL(m.ni, 2);
    CU_ASSERT_EQUAL(m.mp, 0);
    CU_ASSERT_EQUAL(m.sls, 9);
    CU_ASSERT_EQUAL(m.len, 13);
    CU_ASSERT_PTR_EQUAL(m.payload, eth_m3ua_frame + 14 + 20 + 12 + 16 + 8 + 16);
    CU_ASSERT_EQUAL(m.payload[0], 0x09); /* UDT message type */
}

/* clang-format on */

static const struct ss_test tests[] = {
    SS_TEST(test_m3ua_data_na_rc_corr_before_protocol_data),
    SS_TEST(test_m3ua_data_params_in_other_order),
    SS_TEST(test_m3ua_data_protocol_data_only_no_optionals),
    SS_TEST(test_m3ua_last_param_without_padding_accepted),
    SS_TEST(test_m3ua_non_transfer_class_ok_without_payload),
    SS_TEST(test_m3ua_data_without_protocol_data_bad_value),
    SS_TEST(test_m3ua_wrong_version_bad_tag),
    SS_TEST(test_m3ua_header_truncated),
    SS_TEST(test_m3ua_message_length_below_header_bad_length),
    SS_TEST(test_m3ua_message_length_beyond_frame_truncated),
    SS_TEST(test_m3ua_param_header_cut_truncated),
    SS_TEST(test_m3ua_param_length_below_header_bad_length),
    SS_TEST(test_m3ua_param_length_beyond_message_truncated),
    SS_TEST(test_m3ua_fixed_size_param_wrong_length_bad_length),
    SS_TEST(test_m3ua_protocol_data_without_user_data_bad_length),
    SS_TEST(test_m3ua_protocol_data_label_cut_bad_length),
    SS_TEST(test_m3ua_duplicate_protocol_data_bad_value),
    SS_TEST(test_m3ua_ethernet_frame_end_to_end),
};

int main(void)
{
    return SS_RUN_SUITE("m3ua", NULL, NULL, tests) != 0;
}
