/* Age list: slots linked by time, oldest first. Times are plain numbers;
 * the timeout is 10. */
#include <CUnit/Basic.h>

#include "dataplane/reasm/age_list.h"
#include "tests/unit/runner.h"

#define TIMEOUT 10

/* Pops every slot due at now into order[]; returns how many. */
static unsigned pop_due(struct ss_age_list *a, uint64_t now, uint32_t *order)
{
    unsigned n = 0;
    uint32_t i;

    while ((i = ss_age_list_due(a, now, TIMEOUT)) != SS_AGE_NIL) {
        ss_age_list_remove(a, i);
        order[n++] = i;
    }
    return n;
}

static void test_age_list_empty_has_nothing_due(void)
{
    struct ss_age_list a;
    CU_ASSERT_FATAL(ss_age_list_init(&a, 4));
    CU_ASSERT_EQUAL(ss_age_list_oldest(&a), SS_AGE_NIL);
    CU_ASSERT_EQUAL(ss_age_list_due(&a, UINT64_MAX, TIMEOUT), SS_AGE_NIL);
    ss_age_list_fini(&a);
}

static void test_age_list_pops_oldest_first_and_stops_at_first_in_time(void)
{
    struct ss_age_list a;
    uint32_t order[4];
    CU_ASSERT_FATAL(ss_age_list_init(&a, 4));
    ss_age_list_insert(&a, 2, 100);
    ss_age_list_insert(&a, 0, 101);
    ss_age_list_insert(&a, 3, 105);
    CU_ASSERT_EQUAL(ss_age_list_oldest(&a), 2);
    CU_ASSERT_EQUAL(pop_due(&a, 110, order), 0); /* exactly the timeout: kept */
    CU_ASSERT_EQUAL(pop_due(&a, 112, order), 2);
    CU_ASSERT_EQUAL(order[0], 2);
    CU_ASSERT_EQUAL(order[1], 0);
    CU_ASSERT_EQUAL(ss_age_list_oldest(&a), 3);
    ss_age_list_fini(&a);
}

static void test_age_list_touched_slot_moves_behind_untouched(void)
{
    struct ss_age_list a;
    uint32_t order[4];
    CU_ASSERT_FATAL(ss_age_list_init(&a, 4));
    ss_age_list_insert(&a, 0, 100);
    ss_age_list_insert(&a, 1, 101);
    ss_age_list_insert(&a, 2, 102);
    ss_age_list_touch(&a, 0, 103);
    ss_age_list_touch(&a, 2, 104); /* the newest restamped in place */
    CU_ASSERT_EQUAL(ss_age_list_ts(&a, 0), 103);
    CU_ASSERT_EQUAL(pop_due(&a, 200, order), 3);
    CU_ASSERT_EQUAL(order[0], 1);
    CU_ASSERT_EQUAL(order[1], 0);
    CU_ASSERT_EQUAL(order[2], 2);
    ss_age_list_fini(&a);
}

/* Time growing: a touched slot (oldest, middle, or stamped equal to the
 * newest) goes to the new end, behind every slot stamped the same; a
 * later insert stamped back walks the new end's links to its place. */
static void test_age_list_touch_in_time_relinks_both_ways(void)
{
    struct ss_age_list a;
    uint32_t order[5];
    CU_ASSERT_FATAL(ss_age_list_init(&a, 5));
    for (uint32_t i = 0; i < 4; i++)
        ss_age_list_insert(&a, i, 100 + i);
    ss_age_list_touch(&a, 1, 104);  /* middle: 0 2 3 1 */
    ss_age_list_touch(&a, 0, 104);  /* oldest, equal to the newest: 2 3 1 0 */
    ss_age_list_touch(&a, 3, 105);  /* 2 1 0 3 */
    ss_age_list_insert(&a, 4, 104); /* walks back over 3 only: 2 1 0 4 3 */
    CU_ASSERT_EQUAL(ss_age_list_oldest(&a), 2);
    CU_ASSERT_EQUAL(pop_due(&a, 200, order), 5);
    CU_ASSERT_EQUAL(order[0], 2);
    CU_ASSERT_EQUAL(order[1], 1);
    CU_ASSERT_EQUAL(order[2], 0);
    CU_ASSERT_EQUAL(order[3], 4);
    CU_ASSERT_EQUAL(order[4], 3);
    CU_ASSERT_EQUAL(ss_age_list_oldest(&a), SS_AGE_NIL);
    ss_age_list_fini(&a);
}

/* Capture times may step back: an earlier stamp is placed by its time,
 * so it is due before later-stamped slots inserted before it. */
static void test_age_list_time_stepping_back_keeps_time_order(void)
{
    struct ss_age_list a;
    uint32_t order[4];
    CU_ASSERT_FATAL(ss_age_list_init(&a, 4));
    ss_age_list_insert(&a, 0, 100);
    ss_age_list_insert(&a, 1, 105);
    ss_age_list_insert(&a, 2, 90);  /* before everything */
    ss_age_list_insert(&a, 3, 102); /* between 0 and 1 */
    ss_age_list_touch(&a, 1, 95);   /* restamped earlier */
    CU_ASSERT_EQUAL(pop_due(&a, 111, order), 3);
    CU_ASSERT_EQUAL(order[0], 2);
    CU_ASSERT_EQUAL(order[1], 1);
    CU_ASSERT_EQUAL(order[2], 0);
    CU_ASSERT_EQUAL(ss_age_list_oldest(&a), 3);
    ss_age_list_fini(&a);
}

static void test_age_list_remove_middle_and_ends_relinks(void)
{
    struct ss_age_list a;
    uint32_t order[4];
    CU_ASSERT_FATAL(ss_age_list_init(&a, 4));
    for (uint32_t i = 0; i < 4; i++)
        ss_age_list_insert(&a, i, 100 + i);
    ss_age_list_remove(&a, 1);
    ss_age_list_remove(&a, 0);
    ss_age_list_remove(&a, 3);
    ss_age_list_insert(&a, 1, 110);
    CU_ASSERT_EQUAL(pop_due(&a, 200, order), 2);
    CU_ASSERT_EQUAL(order[0], 2);
    CU_ASSERT_EQUAL(order[1], 1);
    CU_ASSERT_EQUAL(ss_age_list_oldest(&a), SS_AGE_NIL);
    ss_age_list_fini(&a);
}

/* A slot stamped after now (time stepped back) is not due. */
static void test_age_list_future_stamp_not_due(void)
{
    struct ss_age_list a;
    CU_ASSERT_FATAL(ss_age_list_init(&a, 1));
    ss_age_list_insert(&a, 0, 500);
    CU_ASSERT_EQUAL(ss_age_list_due(&a, 100, TIMEOUT), SS_AGE_NIL);
    ss_age_list_fini(&a);
}

static const struct ss_test tests[] = {
    SS_TEST(test_age_list_empty_has_nothing_due),
    SS_TEST(test_age_list_pops_oldest_first_and_stops_at_first_in_time),
    SS_TEST(test_age_list_touched_slot_moves_behind_untouched),
    SS_TEST(test_age_list_touch_in_time_relinks_both_ways),
    SS_TEST(test_age_list_time_stepping_back_keeps_time_order),
    SS_TEST(test_age_list_remove_middle_and_ends_relinks),
    SS_TEST(test_age_list_future_stamp_not_due),
};

int main(void)
{
    return SS_RUN_SUITE("age_list", NULL, NULL, tests) != 0;
}
