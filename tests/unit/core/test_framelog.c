#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/core/framelog.h"
#include "tests/unit/runner.h"

static const uint8_t frame_a[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06};
static const uint8_t frame_b[] = {0xaa, 0xbb, 0xcc};

/* A frame's bytes derive from its id, so a frame read back from another
 * frame's place in the arena shows. */
static void fill(uint8_t *buf, size_t len, uint64_t id)
{
    for (size_t i = 0; i < len; i++)
        buf[i] = (uint8_t)(id * 31 + i * 7);
}

static void put_filled(struct ss_framelog *fl, uint64_t id, size_t len)
{
    uint8_t buf[2048];
    fill(buf, len, id);
    ss_framelog_put(fl, id, id * 10, buf, len);
}

/* Whether frame id is held with len bytes, its timestamp, and exactly
 * the bytes put. */
static int held_intact(struct ss_framelog *fl, uint64_t id, size_t len)
{
    uint8_t want[2048];
    struct ss_framelog_rec r;
    if (ss_framelog_get(fl, id, &r) != SS_OK)
        return 0;
    fill(want, len, id);
    return r.id == id && r.ts_ns == id * 10 && r.len == len && r.caplen == len &&
           memcmp(r.data, want, len) == 0;
}

static int held(struct ss_framelog *fl, uint64_t id)
{
    struct ss_framelog_rec r;
    return ss_framelog_get(fl, id, &r) == SS_OK;
}

static void test_framelog_get_returns_copy_of_put_frame(void)
{
    struct ss_framelog *fl = ss_framelog_new(4096, 64);
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
    struct ss_framelog *fl = ss_framelog_new(4096, 4);
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

/* 200-byte frames in 1024 bytes: five per lap, each new one taking the
 * place of the one five back, so after every put exactly the last five
 * are held, intact, across many wrap-arounds. */
static void test_framelog_wraps_keeping_the_frames_that_fit(void)
{
    struct ss_framelog *fl = ss_framelog_new(1024, 2048);
    unsigned wrong = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    for (uint64_t id = 1; id <= 60; id++) {
        put_filled(fl, id, 200);
        for (uint64_t k = id > 4 ? id - 4 : 1; k <= id; k++)
            wrong += !held_intact(fl, k, 200);
        if (id > 5)
            wrong += held(fl, id - 5);
    }
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->misses, 55);
    ss_framelog_free(fl);
}

/* Frames of 600, 300 and 200 bytes in 1024: the third does not fit
 * before the end, starts the next lap at offset 0 and evicts the first
 * only. A 400-byte frame then ends exactly where the 300-byte one
 * starts, which stays intact until one more byte is written. */
static void test_framelog_frame_not_fitting_before_the_end_starts_a_lap(void)
{
    struct ss_framelog *fl = ss_framelog_new(1024, 2048);

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    put_filled(fl, 1, 600);
    put_filled(fl, 2, 300);
    put_filled(fl, 3, 200);
    CU_ASSERT_FALSE(held(fl, 1));
    CU_ASSERT_TRUE(held_intact(fl, 2, 300));
    CU_ASSERT_TRUE(held_intact(fl, 3, 200));
    put_filled(fl, 4, 400);
    CU_ASSERT_TRUE(held_intact(fl, 2, 300));
    CU_ASSERT_TRUE(held_intact(fl, 3, 200));
    CU_ASSERT_TRUE(held_intact(fl, 4, 400));
    put_filled(fl, 5, 1);
    CU_ASSERT_FALSE(held(fl, 2));
    CU_ASSERT_TRUE(held_intact(fl, 3, 200));
    CU_ASSERT_TRUE(held_intact(fl, 4, 400));
    CU_ASSERT_TRUE(held_intact(fl, 5, 1));
    ss_framelog_free(fl);
}

/* A snap above the arena is lowered to it: a frame longer than the whole
 * arena is kept truncated to the arena and evicts every other frame. */
static void test_framelog_frame_larger_than_arena_is_truncated_to_it(void)
{
    struct ss_framelog *fl = ss_framelog_new(256, 2048);
    uint8_t big[300];
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    put_filled(fl, 1, 10);
    fill(big, sizeof big, 2);
    ss_framelog_put(fl, 2, 20, big, sizeof big);
    CU_ASSERT_FALSE(held(fl, 1));
    CU_ASSERT_EQUAL_FATAL(ss_framelog_get(fl, 2, &r), SS_OK);
    CU_ASSERT_EQUAL(r.len, 300);
    CU_ASSERT_EQUAL(r.caplen, 256);
    CU_ASSERT_EQUAL(memcmp(r.data, big, 256), 0);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->truncated, 1);
    put_filled(fl, 3, 10);
    CU_ASSERT_FALSE(held(fl, 2));
    CU_ASSERT_TRUE(held_intact(fl, 3, 10));
    ss_framelog_free(fl);
}

/* 1024 bytes get 1024 / SS_FRAMELOG_BYTES_PER_FRAME = 8 index entries:
 * ten 10-byte frames fit in the arena, but ids 9 and 10 take the entries
 * of 1 and 2. */
static void test_framelog_index_bounds_small_frames(void)
{
    struct ss_framelog *fl = ss_framelog_new(1024, 2048);
    unsigned wrong = 0;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    CU_ASSERT_EQUAL(ss_framelog_entries(fl), 1024 / SS_FRAMELOG_BYTES_PER_FRAME);
    for (uint64_t id = 1; id <= 10; id++)
        put_filled(fl, id, 10);
    CU_ASSERT_FALSE(held(fl, 1));
    CU_ASSERT_FALSE(held(fl, 2));
    for (uint64_t id = 3; id <= 10; id++)
        wrong += !held_intact(fl, id, 10);
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->misses, 2);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->hits, 8);
    ss_framelog_free(fl);
}

/* An empty entry must not answer for id 0, whose entry starts zeroed. */
static void test_framelog_empty_log_misses_id_zero(void)
{
    struct ss_framelog *fl = ss_framelog_new(4096, 16);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 0, &r), SS_EXPIRED);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->misses, 1);
    ss_framelog_free(fl);
}

/* Ids never logged are misses even when their entry holds another id. */
static void test_framelog_unknown_ids_miss(void)
{
    struct ss_framelog *fl = ss_framelog_new(1024, 16);
    struct ss_framelog_rec r;

    CU_ASSERT_PTR_NOT_NULL_FATAL(fl);
    ss_framelog_put(fl, 3, 0, frame_b, sizeof frame_b);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 3 + ss_framelog_entries(fl), &r), SS_EXPIRED);
    CU_ASSERT_EQUAL(ss_framelog_get(fl, 4, &r), SS_EXPIRED);
    CU_ASSERT_EQUAL(ss_framelog_stats(fl)->misses, 2);
    ss_framelog_free(fl);
}

static void test_framelog_zero_bytes_or_snap_is_refused(void)
{
    CU_ASSERT_PTR_NULL(ss_framelog_new(0, 16));
    CU_ASSERT_PTR_NULL(ss_framelog_new(4096, 0));
}

static void test_framelog_zero_length_frame_is_held(void)
{
    struct ss_framelog *fl = ss_framelog_new(256, 16);
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
    SS_TEST(test_framelog_wraps_keeping_the_frames_that_fit),
    SS_TEST(test_framelog_frame_not_fitting_before_the_end_starts_a_lap),
    SS_TEST(test_framelog_frame_larger_than_arena_is_truncated_to_it),
    SS_TEST(test_framelog_index_bounds_small_frames),
    SS_TEST(test_framelog_empty_log_misses_id_zero),
    SS_TEST(test_framelog_unknown_ids_miss),
    SS_TEST(test_framelog_zero_bytes_or_snap_is_refused),
    SS_TEST(test_framelog_zero_length_frame_is_held),
};

int main(void)
{
    return SS_RUN_SUITE("framelog", NULL, NULL, tests) != 0;
}
