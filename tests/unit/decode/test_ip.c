/* IPv4 (RFC 791) and IPv6 (RFC 8200) network layer. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/ip.h"
#include "tests/unit/runner.h"

/* Byte vectors keep one field per line with its comment. */
/* clang-format off */

#define V4_ADDRS 0x0a, 0x40, 0x15, 0x21, /* source 10.64.21.33 */ \
                 0x14, 0x14, 0x00, 0x01  /* destination 20.20.0.1 */

static void test_ip_v4_options_skipped_and_padding_trimmed(void)
{
    const uint8_t f[] = {
        0x46,                   /* version 4, IHL 6 (24 bytes) */
        0x00,                   /* DSCP/ECN */
        0x00, 0x1c,             /* total length 28 */
        0x12, 0x34,             /* identification */
        0x40, 0x00,             /* flags DF, offset 0 */
        0x40,                   /* TTL */
        0x84,                   /* protocol 132 SCTP */
        0x00, 0x00,             /* header checksum */
        V4_ADDRS,
        0x94, 0x04, 0x00, 0x00, /* option: router alert (RFC 2113) */
        0xde, 0xad, 0xbe, 0xef, /* payload, 4 bytes */
        0x00, 0x00,             /* Ethernet padding */
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_OK);
    CU_ASSERT_EQUAL(ip.version, 4);
    CU_ASSERT_EQUAL(ip.proto, 132);
    CU_ASSERT_EQUAL(ip.addr_len, 4);
    CU_ASSERT_PTR_EQUAL(ip.src, f + 12);
    CU_ASSERT_PTR_EQUAL(ip.dst, f + 16);
    CU_ASSERT_PTR_EQUAL(ip.payload, f + 24);
    CU_ASSERT_EQUAL(ip.len, 4);
}

/* A 20-byte header with the given total length and flags/offset word. */
static void v4_make(uint8_t *f, uint8_t ver_ihl, uint16_t total, uint16_t frag)
{
    const uint8_t h[] = {
        ver_ihl, 0x00,                                  /* version/IHL, DSCP */
        (uint8_t)(total >> 8), (uint8_t)total,          /* total length */
        0x00, 0x01,                                     /* identification */
        (uint8_t)(frag >> 8), (uint8_t)frag,            /* flags, offset */
        0x40, 0x84, 0x00, 0x00,                         /* TTL, SCTP, checksum */
        V4_ADDRS,
    };
    memcpy(f, h, sizeof(h));
}

static void test_ip_v4_total_length_beyond_frame_truncated(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x45, 25, 0); /* claims 25, frame has 24 */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_TRUNCATED);
}

static void test_ip_v4_total_length_below_header_bad_length(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x45, 19, 0); /* shorter than the 20-byte header */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_BAD_LENGTH);
    v4_make(f, 0x46, 22, 0); /* IHL 6 = 24 bytes, total 22 */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_BAD_LENGTH);
}

static void test_ip_v4_ihl_below_five_bad_length(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x44, 24, 0); /* IHL 4 = 16 bytes, below the minimum */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_BAD_LENGTH);
}

static void test_ip_v4_ihl_beyond_frame_truncated(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x4f, 24, 0); /* IHL 15 = 60 bytes; total 24 < 60 */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_BAD_LENGTH);
    v4_make(f, 0x4f, 60, 0); /* total 60 > 24 available */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_TRUNCATED);
}

static void test_ip_v4_header_truncated(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x45, 20, 0);
    for (size_t n = 0; n < 20; n++)
        CU_ASSERT_EQUAL(ss_ip_decode(f, n, 0x0800, &ip), SS_TRUNCATED);
}

static void test_ip_v4_more_fragments_or_offset_is_fragment(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x45, 24, 0x2000); /* MF set, offset 0 */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_FRAGMENT);
    v4_make(f, 0x45, 24, 0x0003); /* MF clear, offset 3 (last fragment) */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_FRAGMENT);
    v4_make(f, 0x45, 24, 0x4000); /* DF only: whole datagram */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0800, &ip), SS_OK);
}

static void test_ip_version_contradicting_ethertype_bad_tag(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x45, 24, 0);
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_BAD_TAG);
    v4_make(f, 0x55, 24, 0); /* version 5 via raw IP */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0, &ip), SS_BAD_TAG);
}

static void test_ip_non_ip_ethertype_unsupported(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x45, 24, 0);
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x0806, &ip), SS_UNSUPPORTED); /* ARP */
}

static void test_ip_raw_ethertype_zero_uses_version(void)
{
    uint8_t f[24] = {0};
    struct ss_ip ip;
    v4_make(f, 0x45, 24, 0);
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0, &ip), SS_OK);
    CU_ASSERT_EQUAL(ip.version, 4);
    CU_ASSERT_EQUAL(ip.len, 4);
}

#define V6_ADDRS \
    0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, /* source 2001:db8::1 */ \
    0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02  /* destination ::2 */

static void test_ip_v6_sctp_payload_trimmed_to_payload_length(void)
{
    const uint8_t f[] = {
        0x60, 0x00, 0x00, 0x00, /* version 6, class, flow */
        0x00, 0x03,             /* payload length 3 */
        0x84,                   /* next header SCTP */
        0x40,                   /* hop limit */
        V6_ADDRS,
        0xaa, 0xbb, 0xcc,       /* payload */
        0x00, 0x00, 0x00,       /* Ethernet padding */
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_OK);
    CU_ASSERT_EQUAL(ip.version, 6);
    CU_ASSERT_EQUAL(ip.addr_len, 16);
    CU_ASSERT_EQUAL(ip.proto, 132);
    CU_ASSERT_PTR_EQUAL(ip.src, f + 8);
    CU_ASSERT_PTR_EQUAL(ip.dst, f + 24);
    CU_ASSERT_PTR_EQUAL(ip.payload, f + 40);
    CU_ASSERT_EQUAL(ip.len, 3);
    for (size_t n = 0; n < 40; n++) /* each cut inside the fixed header */
        CU_ASSERT_EQUAL(ss_ip_decode(f, n, 0x86dd, &ip), SS_TRUNCATED);
}

static void test_ip_v6_extension_headers_walked(void)
{
    const uint8_t f[] = {
        0x60, 0x00, 0x00, 0x00, /* version 6 */
        0x00, 0x2a,             /* payload length 42 = 8 + 16 + 16 + 2 */
        0x00,                   /* next: hop-by-hop */
        0x40, V6_ADDRS,
        /* hop-by-hop: next routing, len 0 (8 bytes), PadN of 4 */
        0x2b, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00,
        /* routing: next destination options, len 1 (16 bytes) */
        0x3c, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        /* destination options: next AH, len 0 (8 bytes), PadN of 4 */
        0x33, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00,
        /* AH: next SCTP, payload len 0 → (0 + 2) * 4 = 8 bytes (SPI, seq) */
        0x84, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00,
        0xaa, 0xbb, /* SCTP bytes */
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(sizeof(f), 40 + 42);
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_OK);
    CU_ASSERT_EQUAL(ip.proto, 132);
    CU_ASSERT_PTR_EQUAL(ip.payload, f + 80);
    CU_ASSERT_EQUAL(ip.len, 2);
}

static void test_ip_v6_fragment_header_is_fragment(void)
{
    const uint8_t f[] = {
        0x60, 0x00, 0x00, 0x00, 0x00, 0x08, /* payload length 8 */
        0x2c,                               /* next: fragment */
        0x40, V6_ADDRS,
        0x84, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x07, /* fragment: M set */
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_FRAGMENT);
}

static void test_ip_v6_esp_unsupported(void)
{
    const uint8_t f[] = {
        0x60, 0x00, 0x00, 0x00, 0x00, 0x08, /* payload length 8 */
        0x32,                               /* next: ESP */
        0x40, V6_ADDRS,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, /* SPI, sequence */
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_UNSUPPORTED);
}

static void test_ip_v6_payload_length_beyond_frame_truncated(void)
{
    const uint8_t f[] = {
        0x60, 0x00, 0x00, 0x00, 0x00, 0x04, /* payload length 4, only 3 follow */
        0x84, 0x40, V6_ADDRS,
        0xaa, 0xbb, 0xcc,
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ip_decode(f, 39, 0x86dd, &ip), SS_TRUNCATED); /* fixed header cut */
}

static void test_ip_v6_extension_length_beyond_payload_truncated(void)
{
    const uint8_t f[] = {
        0x60, 0x00, 0x00, 0x00, 0x00, 0x08, /* payload length 8 */
        0x3c,                               /* next: destination options */
        0x40, V6_ADDRS,
        0x84, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* len 1 = 16 bytes > 8 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* beyond payload length */
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_TRUNCATED);
}

static void test_ip_v6_extension_header_cut_before_length(void)
{
    const uint8_t f[] = {
        0x60, 0x00, 0x00, 0x00, 0x00, 0x01, /* payload length 1 */
        0x00,                               /* next: hop-by-hop */
        0x40, V6_ADDRS,
        0x84, /* only the next-header byte; the length byte is missing */
    };
    struct ss_ip ip;
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_TRUNCATED);
}

static void test_ip_v6_endless_extension_chain_too_deep(void)
{
    uint8_t f[40 + 9 * 8] = {
        0x60, 0x00, 0x00, 0x00, 0x00, 9 * 8, /* payload length 72 */
        0x3c,                                /* next: destination options */
        0x40,
    };
    struct ss_ip ip;
    for (unsigned i = 0; i < 9; i++)
        f[40 + i * 8] = 0x3c; /* nine destination-options headers, 8 bytes each */
    CU_ASSERT_EQUAL(ss_ip_decode(f, sizeof(f), 0x86dd, &ip), SS_TOO_DEEP);
}

/* clang-format on */

static const struct ss_test tests[] = {
    SS_TEST(test_ip_v4_options_skipped_and_padding_trimmed),
    SS_TEST(test_ip_v4_total_length_beyond_frame_truncated),
    SS_TEST(test_ip_v4_total_length_below_header_bad_length),
    SS_TEST(test_ip_v4_ihl_below_five_bad_length),
    SS_TEST(test_ip_v4_ihl_beyond_frame_truncated),
    SS_TEST(test_ip_v4_header_truncated),
    SS_TEST(test_ip_v4_more_fragments_or_offset_is_fragment),
    SS_TEST(test_ip_version_contradicting_ethertype_bad_tag),
    SS_TEST(test_ip_non_ip_ethertype_unsupported),
    SS_TEST(test_ip_raw_ethertype_zero_uses_version),
    SS_TEST(test_ip_v6_sctp_payload_trimmed_to_payload_length),
    SS_TEST(test_ip_v6_extension_headers_walked),
    SS_TEST(test_ip_v6_fragment_header_is_fragment),
    SS_TEST(test_ip_v6_esp_unsupported),
    SS_TEST(test_ip_v6_payload_length_beyond_frame_truncated),
    SS_TEST(test_ip_v6_extension_length_beyond_payload_truncated),
    SS_TEST(test_ip_v6_extension_header_cut_before_length),
    SS_TEST(test_ip_v6_endless_extension_chain_too_deep),
};

int main(void)
{
    return SS_RUN_SUITE("ip", NULL, NULL, tests) != 0;
}
