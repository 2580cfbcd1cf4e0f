/* core/burst.c: frames lent one at a time are copied and decoded as a
 * burst when it is full, when its arena is, when the link type changes,
 * at a frame too long for the arena (decoded after those before it) and
 * at ss_burst_flush; what is decoded is the copy. The frames are
 * Ethernet headers with ethertype ARP (0x0806), which the pipeline
 * counts as link_not_ip, so the counters show what was decoded. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/core/burst.h"
#include "tests/unit/runner.h"

#define ARP_LEN 60

static struct ss_pipeline *pl;
static struct ss_burst burst;
static uint8_t big[SS_BURST_ARENA + 1];

static void ignore(void *ctx, const struct ss_sm *sm)
{
    (void)ctx;
    (void)sm;
}

static void fresh(void)
{
    struct ss_pipeline_cfg cfg;
    ss_pipeline_cfg_default(&cfg);
    ss_pipeline_free(pl);
    pl = ss_pipeline_new(&cfg, ignore, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pl);
    ss_burst_init(&burst, pl);
}

/* An Ethernet frame of len bytes (len >= 14) with the given ethertype. */
static void eth(uint8_t *f, size_t len, uint16_t ethertype)
{
    memset(f, 0, len);
    f[12] = (uint8_t)(ethertype >> 8);
    f[13] = (uint8_t)ethertype;
}

static void add_arp(uint64_t id)
{
    uint8_t f[ARP_LEN];
    eth(f, sizeof f, 0x0806);
    ss_burst_add(&burst, f, sizeof f, SS_LINK_ETHERNET, id * 1000, id);
}

static const struct ss_stats *stats(void)
{
    return ss_pipeline_stats(pl);
}

static uint64_t layer_errors(enum ss_layer layer)
{
    uint64_t n = 0;
    for (unsigned r = 0; r < SS_RESULT_COUNT; r++)
        n += stats()->err[layer][r];
    return n;
}

static void test_burst_decoded_when_full_and_at_flush(void)
{
    fresh();
    for (uint64_t i = 1; i <= SS_BURST_FRAMES; i++)
        add_arp(i);
    CU_ASSERT_EQUAL(stats()->frames, 0);
    add_arp(SS_BURST_FRAMES + 1);
    CU_ASSERT_EQUAL(stats()->frames, SS_BURST_FRAMES);
    CU_ASSERT_EQUAL(stats()->link_not_ip, SS_BURST_FRAMES);
    ss_burst_flush(&burst);
    CU_ASSERT_EQUAL(stats()->frames, SS_BURST_FRAMES + 1);
    CU_ASSERT_EQUAL(stats()->bytes, (SS_BURST_FRAMES + 1) * ARP_LEN);
    ss_burst_flush(&burst);
    CU_ASSERT_EQUAL(stats()->frames, SS_BURST_FRAMES + 1);
}

/* The caller's buffer is free once ss_burst_add returns: an ARP frame
 * rewritten as IPv4 afterwards still decodes as ARP. */
static void test_burst_decodes_its_copy(void)
{
    uint8_t f[ARP_LEN];
    fresh();
    eth(f, sizeof f, 0x0806);
    ss_burst_add(&burst, f, sizeof f, SS_LINK_ETHERNET, 1000, 1);
    eth(f, sizeof f, 0x0800);
    ss_burst_flush(&burst);
    CU_ASSERT_EQUAL(stats()->link_not_ip, 1);
    CU_ASSERT_EQUAL(layer_errors(SS_LAYER_IP), 0);
}

/* A frame longer than the arena goes to the pipeline uncopied, after the
 * frames gathered before it. */
static void test_burst_long_frame_decoded_at_once_after_the_rest(void)
{
    fresh();
    add_arp(1);
    eth(big, sizeof big, 0x0806);
    ss_burst_add(&burst, big, sizeof big, SS_LINK_ETHERNET, 2000, 2);
    CU_ASSERT_EQUAL(stats()->frames, 2);
    CU_ASSERT_EQUAL(stats()->bytes, ARP_LEN + sizeof big);
}

/* Frames that would overflow the arena start a new burst. */
static void test_burst_arena_full_starts_a_new_burst(void)
{
    size_t len = SS_BURST_ARENA / 2 + 1;
    fresh();
    eth(big, len, 0x0806);
    ss_burst_add(&burst, big, len, SS_LINK_ETHERNET, 1000, 1);
    CU_ASSERT_EQUAL(stats()->frames, 0);
    ss_burst_add(&burst, big, len, SS_LINK_ETHERNET, 2000, 2);
    CU_ASSERT_EQUAL(stats()->frames, 1);
    ss_burst_flush(&burst);
    CU_ASSERT_EQUAL(stats()->frames, 2);
}

/* A burst has one link type: a frame of another starts a new one. An
 * all-zero raw-IP frame (DLT 101) has a bad IP version; read as Ethernet
 * it would be one more frame that is not IP. */
static void test_burst_link_type_change_starts_a_new_burst(void)
{
    uint8_t raw[40] = {0};
    fresh();
    add_arp(1);
    ss_burst_add(&burst, raw, sizeof raw, SS_LINK_RAW, 2000, 2);
    CU_ASSERT_EQUAL(stats()->frames, 1);
    ss_burst_flush(&burst);
    CU_ASSERT_EQUAL(stats()->frames, 2);
    CU_ASSERT_EQUAL(stats()->link_not_ip, 1);
    CU_ASSERT_EQUAL(stats()->err[SS_LAYER_LINK][SS_BAD_VALUE], 1);
}

static const struct ss_test tests[] = {
    SS_TEST(test_burst_decoded_when_full_and_at_flush),
    SS_TEST(test_burst_decodes_its_copy),
    SS_TEST(test_burst_long_frame_decoded_at_once_after_the_rest),
    SS_TEST(test_burst_arena_full_starts_a_new_burst),
    SS_TEST(test_burst_link_type_change_starts_a_new_burst),
};

int main(void)
{
    unsigned failures = SS_RUN_SUITE("burst", NULL, NULL, tests);
    ss_pipeline_free(pl);
    return failures != 0;
}
