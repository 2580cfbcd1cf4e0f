#include <CUnit/Basic.h>
#include <stdint.h>
#include <stdlib.h>

#include <rte_thash.h>

#include "dataplane/dpdk/port.h"
#include "tests/unit/runner.h"

/* The key sigsift gives an RSS port must hash both directions of an
 * association alike. The oracle is DPDK's software Toeplitz
 * (rte_softrss), fed as a NIC hashes SCTP over IP with
 * RTE_ETH_RSS_IP | RTE_ETH_RSS_SCTP: source address, destination
 * address, then source and destination port in one word. */

#define KEY_LEN 40
#define TUPLES  2000

/* The key of Microsoft's RSS specification, the usual NIC default: not
 * symmetric, so the same check must find directions that differ. */
static const uint8_t default_key[KEY_LEN] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3,
    0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3,
    0x80, 0x30, 0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

static uint32_t rnd32(void)
{
    return (uint32_t)rand() << 16 ^ (uint32_t)rand();
}

/* Words of addresses (n of them per address), then the ports. */
static unsigned asymmetric(const uint8_t *key, unsigned addr_words)
{
    unsigned differ = 0;
    srand(7);
    for (unsigned t = 0; t < TUPLES; t++) {
        uint32_t fwd[9], rev[9];
        for (unsigned i = 0; i < addr_words; i++) {
            fwd[i] = rnd32();
            fwd[addr_words + i] = rnd32();
            rev[i] = fwd[addr_words + i];
            rev[addr_words + i] = fwd[i];
        }
        uint16_t sport = (uint16_t)rnd32(), dport = (uint16_t)rnd32();
        fwd[2 * addr_words] = (uint32_t)sport << 16 | dport;
        rev[2 * addr_words] = (uint32_t)dport << 16 | sport;
        differ += rte_softrss(fwd, 2 * addr_words + 1, key) != rte_softrss(rev, 2 * addr_words + 1, key);
    }
    return differ;
}

static void test_rss_key_is_0x6d5a_repeated(void)
{
    uint8_t key[KEY_LEN];
    ss_port_rss_key(key, sizeof key);
    for (unsigned i = 0; i < KEY_LEN; i++)
        CU_ASSERT_EQUAL(key[i], i % 2 == 0 ? 0x6d : 0x5a);
}

static void test_rss_key_hashes_both_directions_alike_ipv4(void)
{
    uint8_t key[KEY_LEN];
    ss_port_rss_key(key, sizeof key);
    CU_ASSERT_EQUAL(asymmetric(key, 1), 0);
    CU_ASSERT(asymmetric(default_key, 1) > TUPLES / 2);
}

static void test_rss_key_hashes_both_directions_alike_ipv6(void)
{
    uint8_t key[KEY_LEN];
    ss_port_rss_key(key, sizeof key);
    CU_ASSERT_EQUAL(asymmetric(key, 4), 0);
    CU_ASSERT(asymmetric(default_key, 4) > TUPLES / 2);
}

static const struct ss_test tests[] = {
    SS_TEST(test_rss_key_is_0x6d5a_repeated),
    SS_TEST(test_rss_key_hashes_both_directions_alike_ipv4),
    SS_TEST(test_rss_key_hashes_both_directions_alike_ipv6),
};

int main(void)
{
    return SS_RUN_SUITE("rss_key", NULL, NULL, tests) != 0;
}
