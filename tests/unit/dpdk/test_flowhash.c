#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/dpdk/flowhash.h"
#include "tests/unit/runner.h"

/* Frames are built field by field from the specifications: Ethernet II
 * (dst, src, ethertype), 802.1Q tag (TPID 0x8100, TCI), IPv4 (RFC 791
 * §3.1), IPv6 (RFC 8200 §3), SCTP common header (RFC 4960 §3.1). */

static uint8_t frame[256];

static size_t put_eth(uint8_t *p, uint16_t ethertype, unsigned vlans, uint16_t tpid)
{
    size_t o = 0;
    memset(p, 0x02, 12); /* dst, src MAC */
    o = 12;
    for (unsigned i = 0; i < vlans; i++) {
        p[o++] = (uint8_t)(tpid >> 8);
        p[o++] = (uint8_t)tpid;
        p[o++] = 0x00; /* TCI: PCP 0, DEI 0, VID 100 */
        p[o++] = 0x64;
    }
    p[o++] = (uint8_t)(ethertype >> 8);
    p[o++] = (uint8_t)ethertype;
    return o;
}

/* IPv4 header, 20 bytes, total length = 20 + l4len, then the first
 * bytes of the transport header: source port, destination port, tag. */
static size_t put_ipv4(uint8_t *p, const uint8_t src[4], const uint8_t dst[4], uint8_t proto,
                       uint16_t frag, uint16_t sport, uint16_t dport, size_t l4len)
{
    size_t total = 20 + l4len;
    memset(p, 0, total);
    p[0] = 0x45;                  /* version 4, IHL 5 words */
    p[2] = (uint8_t)(total >> 8); /* total length */
    p[3] = (uint8_t)total;
    p[6] = (uint8_t)(frag >> 8); /* flags + fragment offset */
    p[7] = (uint8_t)frag;
    p[8] = 64; /* TTL */
    p[9] = proto;
    memcpy(p + 12, src, 4);
    memcpy(p + 16, dst, 4);
    if (l4len >= 4) {
        p[20] = (uint8_t)(sport >> 8);
        p[21] = (uint8_t)sport;
        p[22] = (uint8_t)(dport >> 8);
        p[23] = (uint8_t)dport;
    }
    return total;
}

static size_t put_ipv6(uint8_t *p, uint8_t a_last, uint8_t b_last, uint8_t next, uint16_t sport,
                       uint16_t dport)
{
    const size_t l4len = 12;
    memset(p, 0, 40 + l4len);
    p[0] = 0x60;                                /* version 6 */
    p[5] = (uint8_t)l4len;                      /* payload length */
    p[6] = next;                                /* next header */
    p[7] = 64;                                  /* hop limit */
    p[8] = 0x20, p[9] = 0x01, p[23] = a_last;   /* 2001::a */
    p[24] = 0x20, p[25] = 0x01, p[39] = b_last; /* 2001::b */
    if (next == 44)
        p[40] = 132; /* fragment header: next header SCTP */
    else {
        p[40] = (uint8_t)(sport >> 8);
        p[41] = (uint8_t)sport;
        p[42] = (uint8_t)(dport >> 8);
        p[43] = (uint8_t)dport;
    }
    return 40 + l4len;
}

static const uint8_t ip_a[4] = {10, 0, 0, 1}, ip_b[4] = {10, 1, 0, 1};

static uint32_t hash_v4(const uint8_t *src, const uint8_t *dst, uint16_t sport, uint16_t dport,
                        unsigned vlans, uint16_t frag)
{
    uint32_t h = 0;
    size_t o = put_eth(frame, 0x0800, vlans, 0x8100);
    o += put_ipv4(frame + o, src, dst, 132, frag, sport, dport, 12);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h), SS_OK);
    return h;
}

static void test_flowhash_ipv4_sctp_both_directions_hash_equal(void)
{
    CU_ASSERT_EQUAL(hash_v4(ip_a, ip_b, 3000, 2905, 0, 0), hash_v4(ip_b, ip_a, 2905, 3000, 0, 0));
}

static void test_flowhash_ipv4_sctp_other_port_pair_hashes_differently(void)
{
    CU_ASSERT_NOT_EQUAL(hash_v4(ip_a, ip_b, 3000, 2905, 0, 0),
                        hash_v4(ip_a, ip_b, 3001, 2905, 0, 0));
}

/* Swapping only the ports, not the addresses, is another association. */
static void test_flowhash_sorting_keeps_addresses_and_ports_apart(void)
{
    static const uint8_t c[4] = {10, 0, 0, 2};
    CU_ASSERT_NOT_EQUAL(hash_v4(ip_a, c, 1, 2, 0, 0), hash_v4(ip_a, c, 3, 4, 0, 0));
}

static void test_flowhash_vlan_tags_do_not_change_hash(void)
{
    uint32_t plain = hash_v4(ip_a, ip_b, 3000, 2905, 0, 0);
    CU_ASSERT_EQUAL(hash_v4(ip_b, ip_a, 2905, 3000, 1, 0), plain);
    CU_ASSERT_EQUAL(hash_v4(ip_a, ip_b, 3000, 2905, 2, 0), plain);
}

static void test_flowhash_qinq_outer_tag_accepted(void)
{
    uint32_t h = 0;
    size_t o = put_eth(frame, 0x0800, 2, 0x88a8);
    o += put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h), SS_OK);
    CU_ASSERT_EQUAL(h, hash_v4(ip_a, ip_b, 3000, 2905, 0, 0));
}

static void test_flowhash_three_vlan_tags_too_deep(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 3, 0x8100);
    o += put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h), SS_TOO_DEEP);
}

/* A non-first fragment's payload is not an SCTP header: whatever bytes
 * sit where ports would be, fragments of one datagram hash alike. */
static void test_flowhash_ipv4_fragments_hash_on_addresses_only(void)
{
    uint16_t mf = 0x2000, offset_185 = 185;
    CU_ASSERT_EQUAL(hash_v4(ip_a, ip_b, 3000, 2905, 0, mf),
                    hash_v4(ip_b, ip_a, 0xdead, 0xbeef, 0, offset_185));
}

static void test_flowhash_ipv6_sctp_both_directions_hash_equal(void)
{
    uint32_t h1 = 0, h2 = 0;
    size_t o = put_eth(frame, 0x86dd, 0, 0);
    o += put_ipv6(frame + o, 1, 2, 132, 4000, 2905);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h1), SS_OK);
    o = put_eth(frame, 0x86dd, 0, 0);
    o += put_ipv6(frame + o, 2, 1, 132, 2905, 4000);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h2), SS_OK);
    CU_ASSERT_EQUAL(h1, h2);
}

static void test_flowhash_ipv6_fragment_header_sctp_hashes(void)
{
    uint32_t h1 = 0, h2 = 0;
    size_t o = put_eth(frame, 0x86dd, 0, 0);
    o += put_ipv6(frame + o, 1, 2, 44, 0, 0);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h1), SS_OK);
    o = put_eth(frame, 0x86dd, 0, 0);
    o += put_ipv6(frame + o, 2, 1, 44, 0, 0);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h2), SS_OK);
    CU_ASSERT_EQUAL(h1, h2);
}

static void test_flowhash_arp_not_interesting(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0806, 0, 0);
    memset(frame + o, 0, 28);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + 28, &h), SS_NOT_INTERESTING);
}

static void test_flowhash_ipv4_udp_not_interesting(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    o += put_ipv4(frame + o, ip_a, ip_b, 17, 0, 53, 53, 8);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o, &h), SS_NOT_INTERESTING);
}

static void test_flowhash_ethernet_header_truncated(void)
{
    uint32_t h;
    put_eth(frame, 0x0800, 0, 0);
    CU_ASSERT_EQUAL(ss_flowhash(frame, 13, &h), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_flowhash(frame, 0, &h), SS_TRUNCATED);
}

static void test_flowhash_vlan_tag_truncated(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 1, 0x8100);
    /* The tag's TPID is there but the inner ethertype is cut off. */
    CU_ASSERT_EQUAL(ss_flowhash(frame, o - 2, &h), SS_TRUNCATED);
}

static void test_flowhash_ipv4_header_truncated(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + 19, &h), SS_TRUNCATED);
}

static void test_flowhash_ipv4_ihl_below_five_bad_length(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    size_t n = put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    frame[o] = 0x44; /* IHL 4 words < 20 bytes */
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + n, &h), SS_BAD_LENGTH);
}

static void test_flowhash_ipv4_ihl_past_frame_bad_length(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    frame[o] = 0x4f; /* IHL 60 bytes, frame has 32 after Ethernet */
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + 32, &h), SS_BAD_LENGTH);
}

static void test_flowhash_ipv4_total_length_past_frame_bad_length(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    size_t n = put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + n - 1, &h), SS_BAD_LENGTH);
}

static void test_flowhash_ipv4_total_length_below_header_bad_length(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    size_t n = put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    frame[o + 2] = 0;
    frame[o + 3] = 19;
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + n, &h), SS_BAD_LENGTH);
}

static void test_flowhash_ipv4_wrong_version_bad_tag(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    size_t n = put_ipv4(frame + o, ip_a, ip_b, 132, 0, 3000, 2905, 12);
    frame[o] = 0x65; /* version 6 under ethertype IPv4 */
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + n, &h), SS_BAD_TAG);
}

static void test_flowhash_sctp_ports_truncated(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x0800, 0, 0);
    size_t n = put_ipv4(frame + o, ip_a, ip_b, 132, 0, 0, 0, 3); /* 3 bytes of L4 */
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + n, &h), SS_TRUNCATED);
}

static void test_flowhash_ipv6_header_truncated(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x86dd, 0, 0);
    put_ipv6(frame + o, 1, 2, 132, 1, 2);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + 39, &h), SS_TRUNCATED);
}

static void test_flowhash_ipv6_payload_length_past_frame_bad_length(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x86dd, 0, 0);
    size_t n = put_ipv6(frame + o, 1, 2, 132, 1, 2);
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + n - 1, &h), SS_BAD_LENGTH);
}

static void test_flowhash_ipv6_wrong_version_bad_tag(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x86dd, 0, 0);
    size_t n = put_ipv6(frame + o, 1, 2, 132, 1, 2);
    frame[o] = 0x40;
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + n, &h), SS_BAD_TAG);
}

static void test_flowhash_ipv6_fragment_header_truncated(void)
{
    uint32_t h;
    size_t o = put_eth(frame, 0x86dd, 0, 0);
    put_ipv6(frame + o, 1, 2, 44, 0, 0);
    frame[o + 5] = 7; /* payload length 7 < the 8-byte fragment header */
    CU_ASSERT_EQUAL(ss_flowhash(frame, o + 47, &h), SS_TRUNCATED);
}

static const struct ss_test tests[] = {
    SS_TEST(test_flowhash_ipv4_sctp_both_directions_hash_equal),
    SS_TEST(test_flowhash_ipv4_sctp_other_port_pair_hashes_differently),
    SS_TEST(test_flowhash_sorting_keeps_addresses_and_ports_apart),
    SS_TEST(test_flowhash_vlan_tags_do_not_change_hash),
    SS_TEST(test_flowhash_qinq_outer_tag_accepted),
    SS_TEST(test_flowhash_three_vlan_tags_too_deep),
    SS_TEST(test_flowhash_ipv4_fragments_hash_on_addresses_only),
    SS_TEST(test_flowhash_ipv6_sctp_both_directions_hash_equal),
    SS_TEST(test_flowhash_ipv6_fragment_header_sctp_hashes),
    SS_TEST(test_flowhash_arp_not_interesting),
    SS_TEST(test_flowhash_ipv4_udp_not_interesting),
    SS_TEST(test_flowhash_ethernet_header_truncated),
    SS_TEST(test_flowhash_vlan_tag_truncated),
    SS_TEST(test_flowhash_ipv4_header_truncated),
    SS_TEST(test_flowhash_ipv4_ihl_below_five_bad_length),
    SS_TEST(test_flowhash_ipv4_ihl_past_frame_bad_length),
    SS_TEST(test_flowhash_ipv4_total_length_past_frame_bad_length),
    SS_TEST(test_flowhash_ipv4_total_length_below_header_bad_length),
    SS_TEST(test_flowhash_ipv4_wrong_version_bad_tag),
    SS_TEST(test_flowhash_sctp_ports_truncated),
    SS_TEST(test_flowhash_ipv6_header_truncated),
    SS_TEST(test_flowhash_ipv6_payload_length_past_frame_bad_length),
    SS_TEST(test_flowhash_ipv6_wrong_version_bad_tag),
    SS_TEST(test_flowhash_ipv6_fragment_header_truncated),
};

int main(void)
{
    return SS_RUN_SUITE("flowhash", NULL, NULL, tests) != 0;
}
