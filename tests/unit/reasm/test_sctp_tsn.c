/* SCTP retransmission detection (RFC 4960 §6.2), keyed as Wireshark 4.0's
 * TSN analysis keys half associations: ports and verification tag. */
#include <CUnit/Basic.h>

#include "dataplane/reasm/sctp_tsn.h"

#define SEC 1000000000ull

/* tcapmap_pcapr.pcap frames 344/345 (tshark -T fields -e sctp.srcport
 * -e sctp.dstport -e sctp.verification_tag -e sctp.data_tsn_raw): frame
 * 345 resends TSN 2034121434 and tshark flags it "retransmission of one
 * in frame: 344". */
static const struct ss_sctp pcap_assoc = {.sport = 6010, .dport = 2905, .vtag = 0xead41d5e};
#define PCAP_TSN 2034121434u

static const struct ss_sctp fwd = {.sport = 2905, .dport = 2905, .vtag = 0x11111111};
static const struct ss_sctp rev = {.sport = 2905, .dport = 2905, .vtag = 0x22222222};

static struct ss_sctp_tsn *table(uint32_t slots)
{
    struct ss_sctp_tsn *t = ss_sctp_tsn_new(slots, 30 * SEC);

    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    return t;
}

static void test_sctp_tsn_first_is_new_second_is_retransmission(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &pcap_assoc, PCAP_TSN, 1 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &pcap_assoc, PCAP_TSN, 1 * SEC), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &pcap_assoc, PCAP_TSN + 1, 1 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 1);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_out_of_order_gap_fill_is_new_once(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 100, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 103, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 101, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 102, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 101, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 100, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 99, 0), SS_OK); /* never seen, in window */
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_window_edge_remembered_then_forgotten(void)
{
    struct ss_sctp_tsn *t = table(4);
    uint32_t hi = 1000 + SS_SCTP_TSN_WINDOW - 1;

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 1000, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, hi, 0), SS_OK);
    /* 1000 is the oldest TSN still inside the window. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 1000, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, hi + 1, 0), SS_OK);
    /* Now 1000 is one behind the window: forgotten, reported new. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 1000, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, hi, 0), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_ring_slot_reused_after_advance_is_new(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 5, 0), SS_OK);
    /* 5 + WINDOW shares 5's ring position; the advance must clear it. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 5 + SS_SCTP_TSN_WINDOW - 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 5 + SS_SCTP_TSN_WINDOW, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 5 + SS_SCTP_TSN_WINDOW, 0), SS_DUPLICATE);
    /* A jump beyond the whole window forgets everything before it. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 100000, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 100000 - 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 100000 - 1, 0), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_wrap_past_2_32_is_serial_arithmetic(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 0xfffffffeu, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 0xffffffffu, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 0, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 0xfffffffeu, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 0, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 0xfffffffdu, 0), SS_OK);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_two_directions_independent(void)
{
    struct ss_sctp_tsn *t = table(4);
    /* The reverse direction swaps ports and carries the other tag. */
    struct ss_sctp back = {.sport = 2905, .dport = 6010, .vtag = 0x8a8b2805};

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &pcap_assoc, 7, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &back, 7, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &pcap_assoc, 7, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &back, 7, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 2);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_two_associations_independent(void)
{
    struct ss_sctp_tsn *t = table(8);
    struct ss_sctp other_port = fwd;

    other_port.sport = 2906;
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 42, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &rev, 42, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &other_port, 42, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 42, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 3);
    ss_sctp_tsn_free(t);
}

/* The key has no addresses, as in Wireshark: a chunk resent to the peer's
 * other address (another IP pair, same ports and tag) is recognised. The
 * API takes no ss_ip at all, so two paths are the same call. */
static void test_sctp_tsn_multihomed_other_path_is_retransmission(void)
{
    struct ss_sctp_tsn *t = table(4);
    struct ss_sctp path_a = pcap_assoc, path_b = pcap_assoc;

    path_a.chunks = (const uint8_t *)"a";
    path_b.chunks = (const uint8_t *)"b";
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &path_a, PCAP_TSN, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &path_b, PCAP_TSN, 1 * SEC), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_zero_tag_not_tracked(void)
{
    struct ss_sctp_tsn *t = table(4);
    struct ss_sctp init = {.sport = 2905, .dport = 2905, .vtag = 0};

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &init, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &init, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 0);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_expiry_forgets_idle_entries(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &rev, 1, 20 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_expire(t, 30 * SEC), 0); /* not yet older than 30 s */
    CU_ASSERT_EQUAL(ss_sctp_tsn_expire(t, 31 * SEC), 1);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 1);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 1, 31 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &rev, 1, 31 * SEC), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_full_table_evicts_least_recent(void)
{
    struct ss_sctp_tsn *t = table(2);
    struct ss_sctp third = {.sport = 1, .dport = 2, .vtag = 3};

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 1, 1 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &rev, 1, 2 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 2, 3 * SEC), SS_OK); /* fwd now newest */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &third, 1, 4 * SEC), SS_TABLE_FULL);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 2);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &fwd, 2, 5 * SEC), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &third, 1, 5 * SEC), SS_DUPLICATE);
    /* rev was evicted: its TSN is forgotten (and evicts again). */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &rev, 1, 6 * SEC), SS_TABLE_FULL);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_new_rejects_bad_sizes(void)
{
    CU_ASSERT_PTR_NULL(ss_sctp_tsn_new(0, SEC));
    CU_ASSERT_PTR_NULL(ss_sctp_tsn_new((1u << 30) + 1, SEC));
    ss_sctp_tsn_free(NULL);
}

int main(void)
{
    CU_pSuite s;
    unsigned fails;

    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    s = CU_add_suite("sctp_tsn", NULL, NULL);
    CU_ADD_TEST(s, test_sctp_tsn_first_is_new_second_is_retransmission);
    CU_ADD_TEST(s, test_sctp_tsn_out_of_order_gap_fill_is_new_once);
    CU_ADD_TEST(s, test_sctp_tsn_window_edge_remembered_then_forgotten);
    CU_ADD_TEST(s, test_sctp_tsn_ring_slot_reused_after_advance_is_new);
    CU_ADD_TEST(s, test_sctp_tsn_wrap_past_2_32_is_serial_arithmetic);
    CU_ADD_TEST(s, test_sctp_tsn_two_directions_independent);
    CU_ADD_TEST(s, test_sctp_tsn_two_associations_independent);
    CU_ADD_TEST(s, test_sctp_tsn_multihomed_other_path_is_retransmission);
    CU_ADD_TEST(s, test_sctp_tsn_zero_tag_not_tracked);
    CU_ADD_TEST(s, test_sctp_tsn_expiry_forgets_idle_entries);
    CU_ADD_TEST(s, test_sctp_tsn_full_table_evicts_least_recent);
    CU_ADD_TEST(s, test_sctp_tsn_new_rejects_bad_sizes);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    fails = CU_get_number_of_failures();
    CU_cleanup_registry();
    return fails != 0;
}
