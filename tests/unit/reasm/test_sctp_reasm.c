/* SCTP DATA fragment reassembly (RFC 4960 §6.9). */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/reasm/sctp_reasm.h"
#include "tests/unit/runner.h"

/* Byte vectors keep one field per line with its comment. */
/* clang-format off */

#define SEC 1000000000ull

static const uint8_t addr_a[4] = {10, 0, 0, 1};
static const uint8_t addr_b[4] = {10, 0, 0, 2};

static struct ss_ip ip_ab(void)
{
    return (struct ss_ip){.version = 4, .proto = 132, .addr_len = 4,
                          .src = addr_a, .dst = addr_b};
}

static const struct ss_sctp assoc = {.sport = 2905, .dport = 2905, .vtag = 1};

/* One fragment: B/E flags as given, stream 1, SSN `ssn`. */
static struct ss_sctp_data frag(uint32_t tsn, uint16_t ssn, bool b, bool e,
                                const uint8_t *p, size_t n)
{
    return (struct ss_sctp_data){.tsn = tsn, .sid = 1, .ssn = ssn, .ppid = 3,
                                 .begin = b, .end = e, .payload = p, .len = n};
}

struct out {
    const uint8_t *msg;
    size_t len;
    struct ss_frames frames;
};

static enum ss_result add(struct ss_sctp_reasm *r, const struct ss_sctp_data *d,
                          uint64_t ts, uint64_t frame, struct out *o)
{
    struct ss_ip ip = ip_ab();
    return ss_sctp_reasm_add(r, &ip, &assoc, d, ts, frame, &o->msg, &o->len, &o->frames);
}

static const uint8_t p1[] = {'h', 'e', 'l'};
static const uint8_t p2[] = {'l', 'o', ' '};
static const uint8_t p3[] = {'w', 'o', 'r', 'l', 'd'};

static void test_sctp_fragment_in_order_reassembles(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data d1 = frag(100, 0, true, false, p1, sizeof(p1));
    struct ss_sctp_data d2 = frag(101, 0, false, false, p2, sizeof(p2));
    struct ss_sctp_data d3 = frag(102, 0, false, true, p3, sizeof(p3));
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(add(r, &d1, 1, 11, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d2, 2, 12, &o), SS_HELD);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 1);
    CU_ASSERT_EQUAL(add(r, &d3, 3, 13, &o), SS_OK);
    CU_ASSERT_EQUAL(o.len, 11);
    CU_ASSERT_EQUAL(memcmp(o.msg, "hello world", 11), 0);
    CU_ASSERT_EQUAL(o.frames.n, 3);
    CU_ASSERT_EQUAL(o.frames.id[0], 11);
    CU_ASSERT_EQUAL(o.frames.id[2], 13);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 0);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_out_of_order_reassembles(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data d1 = frag(100, 0, true, false, p1, sizeof(p1));
    struct ss_sctp_data d2 = frag(101, 0, false, false, p2, sizeof(p2));
    struct ss_sctp_data d3 = frag(102, 0, false, true, p3, sizeof(p3));
    CU_ASSERT_EQUAL(add(r, &d3, 1, 13, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d1, 2, 11, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d2, 3, 12, &o), SS_OK);
    CU_ASSERT_EQUAL(o.len, 11);
    CU_ASSERT_EQUAL(memcmp(o.msg, "hello world", 11), 0);
    CU_ASSERT_EQUAL(o.frames.n, 3);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_tsn_wrap_reassembles(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data d1 = frag(0xffffffffu, 0, true, false, p1, sizeof(p1));
    struct ss_sctp_data d2 = frag(0, 0, false, false, p2, sizeof(p2));
    struct ss_sctp_data d3 = frag(1, 0, false, true, p3, sizeof(p3));
    CU_ASSERT_EQUAL(add(r, &d2, 1, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d3, 2, 2, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d1, 3, 3, &o), SS_OK);
    CU_ASSERT_EQUAL(memcmp(o.msg, "hello world", 11), 0);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_duplicate_tsn_refused(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data d1 = frag(100, 0, true, false, p1, sizeof(p1));
    struct ss_sctp_data d2 = frag(101, 0, false, true, p2, sizeof(p2));
    CU_ASSERT_EQUAL(add(r, &d1, 1, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d1, 2, 2, &o), SS_DUPLICATE); /* retransmission */
    CU_ASSERT_EQUAL(add(r, &d2, 3, 3, &o), SS_OK);
    CU_ASSERT_EQUAL(o.len, 6);
    CU_ASSERT_EQUAL(memcmp(o.msg, "hello ", 6), 0);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_gap_waits_then_expires(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data d1 = frag(100, 0, true, false, p1, sizeof(p1));
    struct ss_sctp_data d3 = frag(102, 0, false, true, p3, sizeof(p3));
    CU_ASSERT_EQUAL(add(r, &d1, 1 * SEC, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d3, 2 * SEC, 3, &o), SS_HELD); /* TSN 101 missing */
    CU_ASSERT_EQUAL(ss_sctp_reasm_expire(r, 7 * SEC), 0);  /* exactly timeout: kept */
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 1);
    CU_ASSERT_EQUAL(ss_sctp_reasm_expire(r, 7 * SEC + 1), 1);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 0);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_stray_tsn_outside_b_e_not_complete(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data d1 = frag(100, 0, true, false, p1, sizeof(p1));
    struct ss_sctp_data d5 = frag(105, 0, false, false, p2, sizeof(p2));
    struct ss_sctp_data d2 = frag(102, 0, false, true, p3, sizeof(p3));
    CU_ASSERT_EQUAL(add(r, &d1, 1, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d5, 2, 2, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d2, 3, 3, &o), SS_HELD); /* 3 held, but 101 missing */
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_streams_kept_apart(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data a1 = frag(100, 7, true, false, p1, sizeof(p1));
    struct ss_sctp_data b1 = frag(200, 8, true, false, p3, sizeof(p3));
    struct ss_sctp_data a2 = frag(101, 7, false, true, p2, sizeof(p2));
    CU_ASSERT_EQUAL(add(r, &a1, 1, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &b1, 2, 2, &o), SS_HELD);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 2);
    CU_ASSERT_EQUAL(add(r, &a2, 3, 3, &o), SS_OK);
    CU_ASSERT_EQUAL(memcmp(o.msg, "hello ", 6), 0);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 1);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_message_beyond_buffer_oversize(void)
{
    static uint8_t big[SS_SCTP_REASM_MSG_MAX / 2 + 1];
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    struct ss_sctp_data d1 = frag(100, 0, true, false, big, sizeof(big));
    struct ss_sctp_data d2 = frag(101, 0, false, true, big, sizeof(big));
    struct ss_sctp_data huge = frag(300, 1, true, false, big, SS_SCTP_REASM_MSG_MAX + 1);
    CU_ASSERT_EQUAL(add(r, &d1, 1, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &d2, 2, 2, &o), SS_OVERSIZE); /* 2 * (MAX/2 + 1) > MAX */
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 0);         /* whole message dropped */
    CU_ASSERT_EQUAL(add(r, &huge, 3, 3, &o), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 0);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_too_many_fragments_oversize(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(4, 5 * SEC);
    struct out o;
    for (uint32_t i = 0; i < SS_SCTP_REASM_FRAGS_MAX; i++) {
        struct ss_sctp_data d = frag(1000 + i, 0, i == 0, false, p1, sizeof(p1));
        CU_ASSERT_EQUAL(add(r, &d, i, i, &o), SS_HELD);
    }
    struct ss_sctp_data last = frag(1000 + SS_SCTP_REASM_FRAGS_MAX, 0, false, true, p1, 1);
    CU_ASSERT_EQUAL(add(r, &last, 99, 99, &o), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 0);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_table_full_evicts_oldest(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(2, 5 * SEC);
    struct out o;
    struct ss_sctp_data s1 = frag(100, 1, true, false, p1, sizeof(p1));
    struct ss_sctp_data s2 = frag(200, 2, true, false, p1, sizeof(p1));
    struct ss_sctp_data s3 = frag(300, 3, true, false, p1, sizeof(p1));
    struct ss_sctp_data s1_end = frag(101, 1, false, true, p2, sizeof(p2));
    struct ss_sctp_data s2_end = frag(201, 2, false, true, p2, sizeof(p2));
    CU_ASSERT_EQUAL(add(r, &s1, 10, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &s2, 20, 2, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &s3, 30, 3, &o), SS_TABLE_FULL); /* stream 1 evicted */
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 2);
    CU_ASSERT_EQUAL(add(r, &s2_end, 40, 4, &o), SS_OK);      /* stream 2 intact */
    CU_ASSERT_EQUAL(memcmp(o.msg, "hello ", 6), 0);
    CU_ASSERT_EQUAL(add(r, &s1_end, 50, 5, &o), SS_HELD);    /* its B is gone */
    ss_sctp_reasm_free(r);
}

/* Age runs from the last fragment: stream 1, begun first but added to
 * last, is neither evicted nor expired before stream 2. */
static void test_sctp_fragment_touched_message_outlives_older_untouched(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(2, 5 * SEC);
    struct out o;
    struct ss_sctp_data s1 = frag(100, 1, true, false, p1, sizeof(p1));
    struct ss_sctp_data s1_mid = frag(101, 1, false, false, p2, sizeof(p2));
    struct ss_sctp_data s2 = frag(200, 2, true, false, p1, sizeof(p1));
    struct ss_sctp_data s3 = frag(300, 3, true, false, p1, sizeof(p1));
    struct ss_sctp_data s1_end = frag(102, 1, false, true, p3, sizeof(p3));
    CU_ASSERT_EQUAL(add(r, &s1, 1 * SEC, 1, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &s2, 2 * SEC, 2, &o), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &s1_mid, 3 * SEC, 3, &o), SS_HELD);
    CU_ASSERT_EQUAL(ss_sctp_reasm_expire(r, 7 * SEC + 1), 1); /* stream 2 */
    CU_ASSERT_EQUAL(add(r, &s2, 8 * SEC, 4, &o), SS_HELD);     /* stream 2 again */
    CU_ASSERT_EQUAL(add(r, &s3, 9 * SEC, 5, &o), SS_TABLE_FULL); /* evicts stream 1 */
    CU_ASSERT_EQUAL(add(r, &s1_end, 9 * SEC, 6, &o), SS_TABLE_FULL); /* B is gone */
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 2);
    ss_sctp_reasm_free(r);
}

static void test_sctp_fragment_whole_message_refused(void)
{
    struct ss_sctp_reasm *r = ss_sctp_reasm_new(2, 5 * SEC);
    struct out o;
    struct ss_sctp_data d = frag(1, 0, true, true, p1, sizeof(p1));
    CU_ASSERT_EQUAL(add(r, &d, 1, 1, &o), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_sctp_reasm_in_use(r), 0);
    ss_sctp_reasm_free(r);
}

static void test_sctp_reasm_new_zero_slots_fails(void)
{
    CU_ASSERT_PTR_NULL(ss_sctp_reasm_new(0, SEC));
    ss_sctp_reasm_free(NULL);
}

/* clang-format on */

static const struct ss_test tests[] = {
    SS_TEST(test_sctp_fragment_in_order_reassembles),
    SS_TEST(test_sctp_fragment_out_of_order_reassembles),
    SS_TEST(test_sctp_fragment_tsn_wrap_reassembles),
    SS_TEST(test_sctp_fragment_duplicate_tsn_refused),
    SS_TEST(test_sctp_fragment_gap_waits_then_expires),
    SS_TEST(test_sctp_fragment_stray_tsn_outside_b_e_not_complete),
    SS_TEST(test_sctp_fragment_streams_kept_apart),
    SS_TEST(test_sctp_fragment_message_beyond_buffer_oversize),
    SS_TEST(test_sctp_fragment_too_many_fragments_oversize),
    SS_TEST(test_sctp_fragment_table_full_evicts_oldest),
    SS_TEST(test_sctp_fragment_touched_message_outlives_older_untouched),
    SS_TEST(test_sctp_fragment_whole_message_refused),
    SS_TEST(test_sctp_reasm_new_zero_slots_fails),
};

int main(void)
{
    return SS_RUN_SUITE("sctp_reasm", NULL, NULL, tests) != 0;
}
