/* SCTP (RFC 4960): common header, chunk walk, DATA chunk. */
#include <CUnit/Basic.h>

#include "dataplane/decode/sctp.h"
#include "tests/unit/runner.h"

/* Byte vectors keep one field per line with its comment. */
/* clang-format off */

#define COMMON_HDR 0x0b, 0x59,             /* source port 2905 */       \
                   0x0b, 0x5a,             /* destination port 2906 */  \
                   0x00, 0x00, 0x3f, 0xf5, /* verification tag */       \
                   0x27, 0x03, 0xf0, 0x9f  /* checksum (not verified) */

static void test_sctp_common_header_fields(void)
{
    const uint8_t f[] = {COMMON_HDR, 0x0b, 0x00, 0x00, 0x04}; /* COOKIE ACK */
    struct ss_sctp s;
    CU_ASSERT_EQUAL(ss_sctp_decode(f, sizeof(f), &s), SS_OK);
    CU_ASSERT_EQUAL(s.sport, 2905);
    CU_ASSERT_EQUAL(s.dport, 2906);
    CU_ASSERT_EQUAL(s.vtag, 0x3ff5);
    CU_ASSERT_PTR_EQUAL(s.chunks, f + 12);
    CU_ASSERT_EQUAL(s.len, 4);
}

static void test_sctp_common_header_truncated(void)
{
    const uint8_t f[] = {COMMON_HDR};
    struct ss_sctp s;
    for (size_t n = 0; n < 12; n++)
        CU_ASSERT_EQUAL(ss_sctp_decode(f, n, &s), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_sctp_decode(f, 12, &s), SS_OK);
    CU_ASSERT_EQUAL(s.len, 0);
}

static void test_sctp_bundled_chunks_walked_with_padding(void)
{
    const uint8_t f[] = {
        COMMON_HDR,
        /* SACK */
        0x03, 0x00, 0x00, 0x10, /* type 3, flags 0, length 16 */
        0x00, 0x00, 0x00, 0x05, /* cumulative TSN ack */
        0x00, 0x00, 0x20, 0x00, /* a_rwnd 8192 */
        0x00, 0x00, 0x00, 0x00, /* no gap blocks, no duplicate TSNs */
        /* DATA, 1 byte of user data, 3 bytes padding */
        0x00, 0x03, 0x00, 0x11, /* type 0, flags B|E, length 17 */
        0x00, 0x00, 0x00, 0x07, /* TSN 7 */
        0x00, 0x02,             /* stream id 2 */
        0x00, 0x09,             /* stream sequence 9 */
        0x00, 0x00, 0x00, 0x03, /* PPID 3 M3UA */
        0x42,                   /* user data */
        0x00, 0x00, 0x00,       /* padding */
        /* HEARTBEAT ACK, last chunk, its padding absent */
        0x05, 0x00, 0x00, 0x06, /* type 5, length 6 */
        0xab, 0xcd,             /* value */
    };
    struct ss_sctp s;
    struct ss_sctp_iter it;
    struct ss_sctp_chunk c;
    CU_ASSERT_EQUAL_FATAL(ss_sctp_decode(f, sizeof(f), &s), SS_OK);
    ss_sctp_iter_init(&it, &s);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_SCTP_SACK);
    CU_ASSERT_EQUAL(c.length, 16);
    CU_ASSERT_PTR_EQUAL(c.value, f + 16);
    CU_ASSERT_EQUAL(c.value_len, 12);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_SCTP_DATA);
    CU_ASSERT_EQUAL(c.flags, 0x03);
    CU_ASSERT_EQUAL(c.length, 17);
    CU_ASSERT_EQUAL(c.value_len, 13);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_SCTP_HEARTBEAT_ACK);
    CU_ASSERT_EQUAL(c.value_len, 2);
    CU_ASSERT_PTR_EQUAL(c.value, f + sizeof(f) - 2);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_END);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_END);
}

static void test_sctp_chunk_header_cut_truncated(void)
{
    const uint8_t f[] = {
        COMMON_HDR,
        0x0b, 0x00, 0x00, 0x04, /* COOKIE ACK */
        0x0e, 0x00, 0x00,       /* 3 bytes: header cut before its length ends */
    };
    struct ss_sctp s;
    struct ss_sctp_iter it;
    struct ss_sctp_chunk c;
    CU_ASSERT_EQUAL_FATAL(ss_sctp_decode(f, sizeof(f), &s), SS_OK);
    ss_sctp_iter_init(&it, &s);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_END); /* walk stopped */
}

static void test_sctp_chunk_length_below_header_bad_length(void)
{
    const uint8_t f[] = {
        COMMON_HDR,
        0x00, 0x03, 0x00, 0x03, /* DATA with length 3 < 4 */
        0x00, 0x00, 0x00, 0x00,
    };
    struct ss_sctp s;
    struct ss_sctp_iter it;
    struct ss_sctp_chunk c;
    CU_ASSERT_EQUAL_FATAL(ss_sctp_decode(f, sizeof(f), &s), SS_OK);
    ss_sctp_iter_init(&it, &s);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_END);
}

static void test_sctp_chunk_length_beyond_packet_truncated(void)
{
    const uint8_t f[] = {
        COMMON_HDR,
        0x04, 0x00, 0x00, 0x0c, /* HEARTBEAT claims 12 bytes */
        0x00, 0x01, 0x00, 0x08, /* only 8 present */
    };
    struct ss_sctp s;
    struct ss_sctp_iter it;
    struct ss_sctp_chunk c;
    CU_ASSERT_EQUAL_FATAL(ss_sctp_decode(f, sizeof(f), &s), SS_OK);
    ss_sctp_iter_init(&it, &s);
    CU_ASSERT_EQUAL(ss_sctp_next_chunk(&it, &c), SS_TRUNCATED);
}

/* Builds a one-chunk view over a DATA chunk's bytes. */
static void chunk_of(const uint8_t *b, size_t n, struct ss_sctp_chunk *c)
{
    c->type = b[0];
    c->flags = b[1];
    c->length = (uint16_t)(b[2] << 8 | b[3]);
    c->value = b + 4;
    c->value_len = n - 4;
}

static void test_sctp_data_fields_and_flags(void)
{
    const uint8_t b[] = {
        0x00,                   /* type DATA */
        0x06,                   /* flags U|B (unordered, first fragment) */
        0x00, 0x13,             /* length 19 */
        0x03, 0x01, 0x40, 0x89, /* TSN 50413705 */
        0x00, 0x07,             /* stream id 7 */
        0x00, 0x04,             /* stream sequence 4 */
        0x00, 0x00, 0x00, 0x05, /* PPID 5 M2PA */
        0x01, 0x02, 0x03,       /* user data */
    };
    struct ss_sctp_chunk c;
    struct ss_sctp_data d;
    chunk_of(b, sizeof(b), &c);
    CU_ASSERT_EQUAL(ss_sctp_data_decode(&c, &d), SS_OK);
    CU_ASSERT_EQUAL(d.tsn, 50413705u);
    CU_ASSERT_EQUAL(d.sid, 7);
    CU_ASSERT_EQUAL(d.ssn, 4);
    CU_ASSERT_EQUAL(d.ppid, SS_PPID_M2PA);
    CU_ASSERT_TRUE(d.unordered);
    CU_ASSERT_TRUE(d.begin);
    CU_ASSERT_FALSE(d.end);
    CU_ASSERT_PTR_EQUAL(d.payload, b + 16);
    CU_ASSERT_EQUAL(d.len, 3);
}

static void test_sctp_data_empty_user_data_bad_length(void)
{
    const uint8_t b[] = {
        0x00, 0x03, 0x00, 0x10, /* DATA, B|E, length 16: no user data */
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
    };
    struct ss_sctp_chunk c;
    struct ss_sctp_data d;
    chunk_of(b, sizeof(b), &c);
    CU_ASSERT_EQUAL(ss_sctp_data_decode(&c, &d), SS_BAD_LENGTH);
}

static void test_sctp_data_length_below_16_bad_length(void)
{
    const uint8_t b[] = {
        0x00, 0x03, 0x00, 0x0c, /* DATA, length 12 */
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
    };
    struct ss_sctp_chunk c;
    struct ss_sctp_data d;
    chunk_of(b, sizeof(b), &c);
    CU_ASSERT_EQUAL(ss_sctp_data_decode(&c, &d), SS_BAD_LENGTH);
}

static void test_sctp_data_wrong_chunk_type_bad_tag(void)
{
    const uint8_t b[] = {
        0x04, 0x00, 0x00, 0x14, /* HEARTBEAT passed as DATA */
        0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4,
    };
    struct ss_sctp_chunk c;
    struct ss_sctp_data d;
    chunk_of(b, sizeof(b), &c);
    CU_ASSERT_EQUAL(ss_sctp_data_decode(&c, &d), SS_BAD_TAG);
}

/* clang-format on */

static const struct ss_test tests[] = {
    SS_TEST(test_sctp_common_header_fields),
    SS_TEST(test_sctp_common_header_truncated),
    SS_TEST(test_sctp_bundled_chunks_walked_with_padding),
    SS_TEST(test_sctp_chunk_header_cut_truncated),
    SS_TEST(test_sctp_chunk_length_below_header_bad_length),
    SS_TEST(test_sctp_chunk_length_beyond_packet_truncated),
    SS_TEST(test_sctp_data_fields_and_flags),
    SS_TEST(test_sctp_data_empty_user_data_bad_length),
    SS_TEST(test_sctp_data_length_below_16_bad_length),
    SS_TEST(test_sctp_data_wrong_chunk_type_bad_tag),
};

int main(void)
{
    return SS_RUN_SUITE("sctp", NULL, NULL, tests) != 0;
}
