#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/core/framelog.h"
#include "tests/unit/runner.h"

static const uint8_t frame_a[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06};
static const uint8_t frame_b[] = {0xaa, 0xbb, 0xcc};

static void test_framelog_get_returns_copy_of_put_frame(void)
{
    struct ss_framelog *fl = ss_framelog_new(4, 64);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    ss_framelog_put(fl, 7, 1000, frame_a, sizeof frame_a);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 7, &r), SS_OK);
    CU_ASSERT_EQUAL(r.id, 7);
    CU_ASSERT_EQUAL(r.ts_ns, 1000);
    CU_ASSERT_EQUAL(r.len, sizeof frame_a);
    CU_ASSERT_EQUAL(r.caplen, sizeof frame_a);
    CU_ASSERT_NOT_EQUAL(r.data, frame_a);
    CU_ASSERT_EQUAL(memcmp(r.data, frame_a, sizeof frame_a), 0);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->hits, 1);
    ss_framelog_free(fl);
}

static void test_framelog_frame_longer_than_snap_is_truncated_keeping_len(void)
{
    struct ss_framelog *fl = ss_framelog_new(4, 4);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    ss_framelog_put(fl, 1, 5, frame_a, sizeof frame_a);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 1, &r), SS_OK);
    CU_ASSERT_EQUAL(r.len, 6);
    CU_ASSERT_EQUAL(r.caplen, 4);
    CU_ASSERT_EQUAL(memcmp(r.data, frame_a, 4), 0);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->truncated, 1);
    ss_framelog_free(fl);
}

/* 4 slots: ids 0..5 in order leave 2..5; 0 and 1 were overwritten. */
static void test_framelog_keeps_only_the_last_slots_frames(void)
{
    struct ss_framelog *fl = ss_framelog_new(4, 16);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    for (uint64_t id = 0; id < 6; id++)
        ss_framelog_put(fl, id, id * 10, frame_b, sizeof frame_b);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 0, &r), SS_EXPIRED);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 1, &r), SS_EXPIRED);
    for (uint64_t id = 2; id < 6; id++) {
        CU_ASSERT_EQUAL(ss_framelog_get(fl, id, &r), SS_OK);
        CU_ASSERT_EQUAL(r.ts_ns, id * 10);
    }
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->misses, 2);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->hits, 4);
    ss_framelog_free(fl);
}

/* An empty slot must not answer for id 0, whose slot starts zeroed. */
static void test_framelog_empty_log_misses_id_zero(void)
{
    struct ss_framelog *fl = ss_framelog_new(8, 16);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 0, &r), SS_EXPIRED);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->misses, 1);
    ss_framelog_free(fl);
}

/* 3 slots round up to 4: ids 0..3 all fit, id 4 evicts id 0. */
static void test_framelog_slots_round_up_to_power_of_two(void)
{
    struct ss_framelog *fl = ss_framelog_new(3, 16);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    for (uint64_t id = 0; id < 4; id++)
        ss_framelog_put(fl, id, 0, frame_b, sizeof frame_b);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 0, &r), SS_OK);
    ss_framelog_put(fl, 4, 0, frame_b, sizeof frame_b);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 0, &r), SS_EXPIRED);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 4, &r), SS_OK);
    ss_framelog_free(fl);
}

static void test_framelog_zero_slots_or_snap_is_refused(void)
{
    CU_ASSERT_PTR_NULL(ss_framelog_new(0, 16));
    CU_ASSERT_PTR_NULL(ss_framelog_new(16, 0));
}

static void test_framelog_zero_length_frame_is_held(void)
{
    struct ss_framelog *fl = ss_framelog_new(2, 16);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    ss_framelog_put(fl, 9, 1, frame_b, 0);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 9, &r), SS_OK);
    CU_ASSERT_EQUAL(r.len, 0);
    CU_ASSERT_EQUAL(r.caplen, 0);
    ss_framelog_free(fl);
}

static const struct ss_test tests[] = {
    SS_TEST(test_framelog_get_returns_copy_of_put_frame),
    SS_TEST(test_framelog_frame_longer_than_snap_is_truncated_keeping_len),
    SS_TEST(test_framelog_keeps_only_the_last_slots_frames),
    SS_TEST(test_framelog_empty_log_misses_id_zero),
    SS_TEST(test_framelog_slots_round_up_to_power_of_two),
    SS_TEST(test_framelog_zero_slots_or_snap_is_refused),
    SS_TEST(test_framelog_zero_length_frame_is_held),
};

int main(void)
{
    return SS_RUN_SUITE("framelog", NULL, NULL, tests) != 0;
}
