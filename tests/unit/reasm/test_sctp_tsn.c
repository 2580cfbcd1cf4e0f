/* SCTP retransmission detection (RFC 4960 §6.2), keyed as Wireshark 4.0's
 * TSN analysis keys half associations: ports and verification tag. Every
 * key and TSN below is chosen by hand; each expectation follows from
 * serial number arithmetic modulo 2^32 (RFC 1982 §3.2, RFC 4960 §1.6):
 * a TSN is ahead of the highest when (tsn - highest) mod 2^32 lies in
 * [1, 2^31), otherwise behind by (highest - tsn) mod 2^32. */
#include <CUnit/Basic.h>

#include "dataplane/reasm/sctp_tsn.h"
#include "tests/unit/runner.h"

#define SEC 1000000000ull
/* RFC 4960 §15 RTO.Max, the pipeline's default for this table. */
#define TIMEOUT (60 * SEC)

/* One association between an SGP on 2905 (M3UA) and an ASP on 40000; each
 * direction carries the tag its peer chose (RFC 4960 §8.5). */
static const struct ss_sctp asp_to_sgp = {.sport = 40000, .dport = 2905, .vtag = 0x0a0b0c0d};
static const struct ss_sctp sgp_to_asp = {.sport = 2905, .dport = 40000, .vtag = 0x01020304};
/* A second association between the same two ports, another tag. */
static const struct ss_sctp other_assoc = {.sport = 40000, .dport = 2905, .vtag = 0x55667788};

static struct ss_sctp_tsn *table(uint32_t slots)
{
    struct ss_sctp_tsn *t = ss_sctp_tsn_new(slots, TIMEOUT);

    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    return t;
}

static void test_sctp_tsn_first_is_new_second_is_retransmission(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1000, 1 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1000, 2 * SEC), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1001, 2 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 1);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_out_of_order_gap_fill_is_new_once(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 100, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 103, 0), SS_OK); /* 101, 102 missing */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 101, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 102, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 101, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 100, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 99, 0), SS_OK); /* never seen, in window */
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_window_edge_remembered_then_forgotten(void)
{
    struct ss_sctp_tsn *t = table(4);
    uint32_t hi = 1000 + SS_SCTP_TSN_WINDOW - 1;

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1000, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, hi, 0), SS_OK);
    /* 1000 is the oldest TSN still inside the window. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1000, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, hi + 1, 0), SS_OK);
    /* Now 1000 is one behind the window: forgotten, reported new. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1000, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, hi, 0), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_ring_slot_reused_after_advance_is_new(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 5, 0), SS_OK);
    /* 5 + WINDOW shares 5's ring position; the advance must clear it. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 5 + SS_SCTP_TSN_WINDOW - 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 5 + SS_SCTP_TSN_WINDOW, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 5 + SS_SCTP_TSN_WINDOW, 0), SS_DUPLICATE);
    /* A jump beyond the whole window forgets everything before it. */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 100000, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 100000 - 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 100000 - 1, 0), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

/* Highest 0xfffffffe; then 0xffffffff, 0 and 1 are each 1 ahead of the
 * previous (0xffffffff + 1 = 0 mod 2^32). After 1, 0xfffffffe is behind by
 * (1 - 0xfffffffe) mod 2^32 = 3 and 0xfffffffd by 4: both in the window,
 * the first seen, the second not. */
static void test_sctp_tsn_wrap_past_2_32_one_step_at_a_time(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xfffffffeu, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xffffffffu, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xfffffffeu, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xffffffffu, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xfffffffdu, 0), SS_OK);
    ss_sctp_tsn_free(t);
}

/* One jump across the wrap: 0xfffffff0 to 0x0000000f is
 * (0x0f - 0xfffffff0) mod 2^32 = 0x1f = 31 ahead, so the 30 TSNs between
 * (0xfffffff1..0xffffffff, 0..0x0e) become unseen; 0xfffffff0 is then 31
 * behind and still remembered. */
static void test_sctp_tsn_jump_across_wrap_keeps_window(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xfffffff0u, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0x0000000fu, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xfffffff0u, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0x0000000fu, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xfffffff5u, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0x00000003u, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0xfffffff5u, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 0x00000003u, 0), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

/* RFC 1982 §3.2: i1 < i2 when (i2 - i1) mod 2^32 is in [1, 2^31). From
 * highest 10, 10 + 0x7fffffff is ahead (the largest step forward), so 10
 * falls 0x7fffffff behind, far outside the window: forgotten. At exactly
 * 2^31 the order is undefined; the table takes the TSN as behind (reported
 * new, highest unchanged), so 10 stays remembered. */
static void test_sctp_tsn_half_space_decides_ahead_or_behind(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 10, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 10 + 0x80000000u, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 10 + 0x80000000u, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 10, 0), SS_DUPLICATE);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 10 + 0x7fffffffu, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 10 + 0x7fffffffu, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 10, 0), SS_OK);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_two_directions_independent(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 7, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &sgp_to_asp, 7, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 7, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &sgp_to_asp, 7, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 2);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_two_associations_independent(void)
{
    struct ss_sctp_tsn *t = table(8);
    struct ss_sctp other_port = asp_to_sgp;

    other_port.sport = 40001;
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 42, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &other_assoc, 42, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &other_port, 42, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 42, 0), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 3);
    ss_sctp_tsn_free(t);
}

/* The key has no addresses, as in Wireshark: a chunk resent to the peer's
 * other address (another IP pair, same ports and tag) is recognised. The
 * API takes no ss_ip at all, so two paths are the same call. */
static void test_sctp_tsn_multihomed_other_path_is_retransmission(void)
{
    struct ss_sctp_tsn *t = table(4);
    struct ss_sctp path_a = asp_to_sgp, path_b = asp_to_sgp;

    path_a.chunks = (const uint8_t *)"a";
    path_b.chunks = (const uint8_t *)"b";
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &path_a, 3000000000u, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &path_b, 3000000000u, 1 * SEC), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_zero_tag_not_tracked(void)
{
    struct ss_sctp_tsn *t = table(4);
    struct ss_sctp init = {.sport = 40000, .dport = 2905, .vtag = 0};

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &init, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &init, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 0);
    ss_sctp_tsn_free(t);
}

/* An entry lives while it is idle for at most the timeout: a resend after
 * RTO.Max (60 s) of silence is still caught; one after 61 s is not. */
static void test_sctp_tsn_expiry_forgets_entries_idle_past_timeout(void)
{
    struct ss_sctp_tsn *t = table(4);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1, 0), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &sgp_to_asp, 1, 20 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_expire(t, 60 * SEC), 0); /* idle exactly 60 s: kept */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1, 60 * SEC), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_expire(t, 81 * SEC), 1); /* sgp_to_asp idle 61 s */
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 1);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &sgp_to_asp, 1, 81 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1, 81 * SEC), SS_DUPLICATE);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_full_table_evicts_least_recent(void)
{
    struct ss_sctp_tsn *t = table(2);

    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 1, 1 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &sgp_to_asp, 1, 2 * SEC), SS_OK);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 2, 3 * SEC), SS_OK); /* now newest */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &other_assoc, 1, 4 * SEC), SS_TABLE_FULL);
    CU_ASSERT_EQUAL(ss_sctp_tsn_in_use(t), 2);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &asp_to_sgp, 2, 5 * SEC), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &other_assoc, 1, 5 * SEC), SS_DUPLICATE);
    /* sgp_to_asp was evicted: its TSN is forgotten (and evicts again). */
    CU_ASSERT_EQUAL(ss_sctp_tsn_check(t, &sgp_to_asp, 1, 6 * SEC), SS_TABLE_FULL);
    ss_sctp_tsn_free(t);
}

static void test_sctp_tsn_new_rejects_bad_sizes(void)
{
    CU_ASSERT_PTR_NULL(ss_sctp_tsn_new(0, SEC));
    CU_ASSERT_PTR_NULL(ss_sctp_tsn_new((1u << 30) + 1, SEC));
    ss_sctp_tsn_free(NULL);
}

static const struct ss_test tests[] = {
    SS_TEST(test_sctp_tsn_first_is_new_second_is_retransmission),
    SS_TEST(test_sctp_tsn_out_of_order_gap_fill_is_new_once),
    SS_TEST(test_sctp_tsn_window_edge_remembered_then_forgotten),
    SS_TEST(test_sctp_tsn_ring_slot_reused_after_advance_is_new),
    SS_TEST(test_sctp_tsn_wrap_past_2_32_one_step_at_a_time),
    SS_TEST(test_sctp_tsn_jump_across_wrap_keeps_window),
    SS_TEST(test_sctp_tsn_half_space_decides_ahead_or_behind),
    SS_TEST(test_sctp_tsn_two_directions_independent),
    SS_TEST(test_sctp_tsn_two_associations_independent),
    SS_TEST(test_sctp_tsn_multihomed_other_path_is_retransmission),
    SS_TEST(test_sctp_tsn_zero_tag_not_tracked),
    SS_TEST(test_sctp_tsn_expiry_forgets_entries_idle_past_timeout),
    SS_TEST(test_sctp_tsn_full_table_evicts_least_recent),
    SS_TEST(test_sctp_tsn_new_rejects_bad_sizes),
};

int main(void)
{
    return SS_RUN_SUITE("sctp_tsn", NULL, NULL, tests) != 0;
}
