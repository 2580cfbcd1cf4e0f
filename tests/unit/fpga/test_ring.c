/* Descriptor and completion rings of the keyword-matching block
 * (dataplane/fpga/ring.c): order, full and empty rings, and free-running
 * indices that wrap past 2^32. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/fpga/ring.h"
#include "tests/unit/runner.h"

static struct ss_fpga_ring ring;

static struct ss_kwm_record rec(uint32_t i)
{
    return (struct ss_kwm_record){.hi = 0x0100000000000000ull | i, .lo = (uint64_t)i << 32};
}

static void test_ring_empty_rings_give_nothing(void)
{
    struct ss_fpga_desc d;
    struct ss_kwm_record r;
    ss_fpga_ring_init(&ring);
    CU_ASSERT_FALSE(ss_fpga_sq_fetch(&ring, &d));
    CU_ASSERT_FALSE(ss_fpga_cq_pop(&ring, &r));
    CU_ASSERT_TRUE(ss_fpga_cq_has_room(&ring));
}

/* SS_FPGA_SQ_SIZE descriptors fit, one more is refused until the card
 * fetches one; they come out in order. */
static void test_ring_full_submission_ring_refuses_then_drains_in_order(void)
{
    struct ss_fpga_desc d = {0};
    ss_fpga_ring_init(&ring);
    for (uint32_t i = 0; i < SS_FPGA_SQ_SIZE; i++) {
        d.msg_id = i;
        CU_ASSERT_TRUE(ss_fpga_sq_post(&ring, &d));
    }
    d.msg_id = 999;
    CU_ASSERT_FALSE(ss_fpga_sq_post(&ring, &d));
    struct ss_fpga_desc got;
    CU_ASSERT_TRUE_FATAL(ss_fpga_sq_fetch(&ring, &got));
    CU_ASSERT_EQUAL(got.msg_id, 0u);
    CU_ASSERT_TRUE(ss_fpga_sq_post(&ring, &d));
    for (uint32_t i = 1; i < SS_FPGA_SQ_SIZE; i++) {
        CU_ASSERT_TRUE_FATAL(ss_fpga_sq_fetch(&ring, &got));
        CU_ASSERT_EQUAL(got.msg_id, i);
    }
    CU_ASSERT_TRUE_FATAL(ss_fpga_sq_fetch(&ring, &got));
    CU_ASSERT_EQUAL(got.msg_id, 999u);
    CU_ASSERT_FALSE(ss_fpga_sq_fetch(&ring, &got));
}

/* The completion ring has no room once SS_FPGA_CQ_SIZE records wait. */
static void test_ring_full_completion_ring_has_no_room(void)
{
    ss_fpga_ring_init(&ring);
    for (uint32_t i = 0; i < SS_FPGA_CQ_SIZE; i++) {
        CU_ASSERT_TRUE_FATAL(ss_fpga_cq_has_room(&ring));
        struct ss_kwm_record r = rec(i);
        ss_fpga_cq_push(&ring, &r);
    }
    CU_ASSERT_FALSE(ss_fpga_cq_has_room(&ring));
    struct ss_kwm_record r;
    CU_ASSERT_TRUE(ss_fpga_cq_pop(&ring, &r));
    CU_ASSERT_EQUAL(r.hi, rec(0).hi);
    CU_ASSERT_TRUE(ss_fpga_cq_has_room(&ring));
}

/* Indices start just below 2^32: slots wrap around the ring several
 * times and the counters wrap to 0, and every entry still comes out
 * once, in order, with the fill level right throughout. */
static void test_ring_indices_wrap_around_ring_and_counter(void)
{
    ss_fpga_ring_init(&ring);
    ring.sq_head = ring.sq_tail = UINT32_MAX - 5;
    ring.cq_head = ring.cq_tail = UINT32_MAX - 100;
    uint32_t posted = 0, fetched = 0, pushed = 0, popped = 0;
    for (uint32_t round = 0; round < 7 * SS_FPGA_CQ_SIZE; round++) {
        struct ss_fpga_desc d = {.msg_id = posted};
        for (int k = 0; k < 3 && ss_fpga_sq_post(&ring, &d); k++)
            d.msg_id = ++posted;
        struct ss_fpga_desc got;
        for (int k = 0; k < 2 && ss_fpga_sq_fetch(&ring, &got); k++)
            CU_ASSERT_EQUAL_FATAL(got.msg_id, fetched++);
        for (int k = 0; k < 5 && ss_fpga_cq_has_room(&ring); k++) {
            struct ss_kwm_record r = rec(pushed++);
            ss_fpga_cq_push(&ring, &r);
        }
        struct ss_kwm_record r;
        for (int k = 0; k < 4 && ss_fpga_cq_pop(&ring, &r); k++)
            CU_ASSERT_EQUAL_FATAL(r.lo, rec(popped++).lo);
        CU_ASSERT_FATAL(posted - fetched <= SS_FPGA_SQ_SIZE);
        CU_ASSERT_FATAL(pushed - popped <= SS_FPGA_CQ_SIZE);
    }
    CU_ASSERT(ring.sq_tail < UINT32_MAX - 5); /* both counters did wrap */
    CU_ASSERT(ring.cq_tail < UINT32_MAX - 100);
    /* the producer outran the consumer: the ring stays full, then drains
     * in order */
    CU_ASSERT_EQUAL(pushed - popped, SS_FPGA_CQ_SIZE - 4);
    for (struct ss_kwm_record r; ss_fpga_cq_has_room(&ring); pushed++) {
        r = rec(pushed);
        ss_fpga_cq_push(&ring, &r);
    }
    CU_ASSERT_EQUAL(pushed - popped, SS_FPGA_CQ_SIZE);
    for (struct ss_kwm_record r; ss_fpga_cq_pop(&ring, &r);)
        CU_ASSERT_EQUAL_FATAL(r.lo, rec(popped++).lo);
    CU_ASSERT_EQUAL(popped, pushed);
}

static const struct ss_test tests[] = {
    SS_TEST(test_ring_empty_rings_give_nothing),
    SS_TEST(test_ring_full_submission_ring_refuses_then_drains_in_order),
    SS_TEST(test_ring_full_completion_ring_has_no_room),
    SS_TEST(test_ring_indices_wrap_around_ring_and_counter),
};

int main(void)
{
    return SS_RUN_SUITE("fpga ring", NULL, NULL, tests) != 0;
}
