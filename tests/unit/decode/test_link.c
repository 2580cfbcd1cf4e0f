/* Link layer: Ethernet II, VLAN/QinQ, Linux cooked v1/v2, raw IP. */
#include <CUnit/Basic.h>

#include "dataplane/decode/link.h"
#include "tests/unit/runner.h"

/* Byte vectors keep one field per line with its comment. */
/* clang-format off */

#define ETH_MACS 0x00, 0x01, 0xec, 0xf9, 0xc0, 0x98, /* destination MAC */ \
                 0x00, 0x04, 0x96, 0x34, 0xbf, 0x34  /* source MAC */

static void test_link_ethernet_ipv4_payload_follows_header(void)
{
    const uint8_t f[] = {
        ETH_MACS,
        0x08, 0x00, /* ethertype IPv4 */
        0x45, 0x00, /* first payload bytes */
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_ETHERNET, &l), SS_OK);
    CU_ASSERT_EQUAL(l.ethertype, 0x0800);
    CU_ASSERT_EQUAL(l.n_vlan, 0);
    CU_ASSERT_PTR_EQUAL(l.payload, f + 14);
    CU_ASSERT_EQUAL(l.len, 2);
}

static void test_link_vlan_8021q_tag_yields_id_and_inner_type(void)
{
    const uint8_t f[] = {
        ETH_MACS,
        0x81, 0x00, /* TPID 802.1Q */
        0xa0, 0x64, /* TCI: PCP 5, DEI 0, VID 100 */
        0x86, 0xdd, /* ethertype IPv6 */
        0x60,       /* payload */
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_ETHERNET, &l), SS_OK);
    CU_ASSERT_EQUAL(l.ethertype, 0x86dd);
    CU_ASSERT_EQUAL(l.n_vlan, 1);
    CU_ASSERT_EQUAL(l.vlan[0], 100);
    CU_ASSERT_PTR_EQUAL(l.payload, f + 18);
    CU_ASSERT_EQUAL(l.len, 1);
}

static void test_link_qinq_outer_tag_listed_first(void)
{
    const uint8_t f[] = {
        ETH_MACS,
        0x88, 0xa8, /* TPID 802.1ad S-tag */
        0x0f, 0xff, /* TCI: VID 4095 */
        0x81, 0x00, /* TPID 802.1Q C-tag */
        0x00, 0x07, /* TCI: VID 7 */
        0x08, 0x00, /* ethertype IPv4 */
        0x45,       /* payload */
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_ETHERNET, &l), SS_OK);
    CU_ASSERT_EQUAL(l.ethertype, 0x0800);
    CU_ASSERT_EQUAL(l.n_vlan, 2);
    CU_ASSERT_EQUAL(l.vlan[0], 4095);
    CU_ASSERT_EQUAL(l.vlan[1], 7);
    CU_ASSERT_PTR_EQUAL(l.payload, f + 22);
}

static void test_link_qinq_9100_tpid_accepted(void)
{
    const uint8_t f[] = {
        ETH_MACS,
        0x91, 0x00, /* TPID pre-standard QinQ */
        0x00, 0x0a, /* TCI: VID 10 */
        0x08, 0x00, /* ethertype IPv4 */
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_ETHERNET, &l), SS_OK);
    CU_ASSERT_EQUAL(l.vlan[0], 10);
    CU_ASSERT_EQUAL(l.ethertype, 0x0800);
    CU_ASSERT_EQUAL(l.len, 0);
}

static void test_link_three_vlan_tags_too_deep(void)
{
    const uint8_t f[] = {
        ETH_MACS,
        0x88, 0xa8, 0x00, 0x01, /* tag 1 */
        0x81, 0x00, 0x00, 0x02, /* tag 2 */
        0x81, 0x00, 0x00, 0x03, /* tag 3: one past SS_VLAN_MAX */
        0x08, 0x00,
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_ETHERNET, &l), SS_TOO_DEEP);
}

/* The header is checked whole: every cut inside it is truncated. */
static void test_link_ethernet_truncated_header(void)
{
    const uint8_t f[] = {ETH_MACS, 0x08, 0x00};
    struct ss_link l;
    for (size_t n = 0; n < sizeof(f); n++)
        CU_ASSERT_EQUAL(ss_link_decode(f, n, SS_LINK_ETHERNET, &l), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_ETHERNET, &l), SS_OK);
    CU_ASSERT_EQUAL(l.len, 0);
}

static void test_link_vlan_tag_truncated(void)
{
    const uint8_t f[] = {
        ETH_MACS,
        0x81, 0x00, /* TPID 802.1Q */
        0x00, 0x64, /* TCI */
        0x08, 0x00, /* inner type */
    };
    struct ss_link l;
    for (size_t n = 14; n < sizeof(f); n++) /* each cut inside the tag */
        CU_ASSERT_EQUAL(ss_link_decode(f, n, SS_LINK_ETHERNET, &l), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_ETHERNET, &l), SS_OK);
    CU_ASSERT_EQUAL(l.vlan[0], 100);
    CU_ASSERT_EQUAL(l.ethertype, 0x0800);
}

static void test_link_sll_v1_protocol_at_offset_14(void)
{
    const uint8_t f[] = {
        0x00, 0x00,                                     /* packet type: to us */
        0x00, 0x01,                                     /* ARPHRD_ETHER */
        0x00, 0x06,                                     /* address length */
        0x00, 0x04, 0x96, 0x34, 0xbf, 0x34, 0x00, 0x00, /* address, padded to 8 */
        0x08, 0x00,                                     /* protocol IPv4 */
        0x45,                                           /* payload */
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_LINUX_SLL, &l), SS_OK);
    CU_ASSERT_EQUAL(l.ethertype, 0x0800);
    CU_ASSERT_PTR_EQUAL(l.payload, f + 16);
    CU_ASSERT_EQUAL(l.len, 1);
    for (size_t n = 0; n < 16; n++)
        CU_ASSERT_EQUAL(ss_link_decode(f, n, SS_LINK_LINUX_SLL, &l), SS_TRUNCATED);
}

static void test_link_sll_v2_protocol_at_offset_0(void)
{
    const uint8_t f[] = {
        0x86, 0xdd,                                     /* protocol IPv6 */
        0x00, 0x00,                                     /* reserved */
        0x00, 0x00, 0x00, 0x02,                         /* interface index */
        0x00, 0x01,                                     /* ARPHRD_ETHER */
        0x04,                                           /* packet type: outgoing */
        0x06,                                           /* address length */
        0x00, 0x04, 0x96, 0x34, 0xbf, 0x34, 0x00, 0x00, /* address, padded to 8 */
        0x60, 0x00,                                     /* payload */
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_LINUX_SLL2, &l), SS_OK);
    CU_ASSERT_EQUAL(l.ethertype, 0x86dd);
    CU_ASSERT_PTR_EQUAL(l.payload, f + 20);
    CU_ASSERT_EQUAL(l.len, 2);
    for (size_t n = 0; n < 20; n++)
        CU_ASSERT_EQUAL(ss_link_decode(f, n, SS_LINK_LINUX_SLL2, &l), SS_TRUNCATED);
}

static void test_link_sll_vlan_protocol_walks_tag(void)
{
    const uint8_t f[] = {
        0x00, 0x00, 0x00, 0x01, 0x00, 0x06,             /* type, ARPHRD, addr len */
        0x00, 0x04, 0x96, 0x34, 0xbf, 0x34, 0x00, 0x00, /* address */
        0x81, 0x00,                                     /* protocol 802.1Q */
        0x00, 0x2a,                                     /* TCI: VID 42 */
        0x08, 0x00,                                     /* ethertype IPv4 */
    };
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), SS_LINK_LINUX_SLL, &l), SS_OK);
    CU_ASSERT_EQUAL(l.n_vlan, 1);
    CU_ASSERT_EQUAL(l.vlan[0], 42);
    CU_ASSERT_EQUAL(l.ethertype, 0x0800);
}

static void test_link_raw_ip_version_nibble_selects_type(void)
{
    const uint8_t v4[] = {0x45, 0x00}; /* version 4, IHL 5 */
    const uint8_t v6[] = {0x60, 0x00}; /* version 6 */
    const uint8_t v5[] = {0x50, 0x00}; /* version 5: not IP we know */
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(v4, sizeof(v4), SS_LINK_RAW, &l), SS_OK);
    CU_ASSERT_EQUAL(l.ethertype, 0x0800);
    CU_ASSERT_PTR_EQUAL(l.payload, v4);
    CU_ASSERT_EQUAL(l.len, 2);
    CU_ASSERT_EQUAL(ss_link_decode(v6, sizeof(v6), SS_LINK_RAW, &l), SS_OK);
    CU_ASSERT_EQUAL(l.ethertype, 0x86dd);
    CU_ASSERT_EQUAL(ss_link_decode(v5, sizeof(v5), SS_LINK_RAW, &l), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_link_decode(v4, 0, SS_LINK_RAW, &l), SS_TRUNCATED);
}

static void test_link_unknown_linktype_unsupported(void)
{
    const uint8_t f[] = {0x45};
    struct ss_link l;
    CU_ASSERT_EQUAL(ss_link_decode(f, sizeof(f), (enum ss_linktype)105, &l), SS_UNSUPPORTED);
}

/* clang-format on */

static const struct ss_test tests[] = {
    SS_TEST(test_link_ethernet_ipv4_payload_follows_header),
    SS_TEST(test_link_vlan_8021q_tag_yields_id_and_inner_type),
    SS_TEST(test_link_qinq_outer_tag_listed_first),
    SS_TEST(test_link_qinq_9100_tpid_accepted),
    SS_TEST(test_link_three_vlan_tags_too_deep),
    SS_TEST(test_link_ethernet_truncated_header),
    SS_TEST(test_link_vlan_tag_truncated),
    SS_TEST(test_link_sll_v1_protocol_at_offset_14),
    SS_TEST(test_link_sll_v2_protocol_at_offset_0),
    SS_TEST(test_link_sll_vlan_protocol_walks_tag),
    SS_TEST(test_link_raw_ip_version_nibble_selects_type),
    SS_TEST(test_link_unknown_linktype_unsupported),
};

int main(void)
{
    return SS_RUN_SUITE("link", NULL, NULL, tests) != 0;
}
