/* The simulated card (dataplane/fpga/kwm_sim.cpp): the Verilator model of
 * kwm_top behind the descriptor rings must give, message by message,
 * exactly the records of the bit-exact C model (control/fpga/kwm_model.c,
 * itself checked against Hyperscan by tests/hw), whatever the ring does:
 * several messages in flight, an empty message, a full completion ring. */
#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

#include "control/fpga/kwm.h"
#include "dataplane/fpga/kwm_sim.h"
#include "dataplane/fpga/ring.h"
#include "tests/unit/runner.h"

#define L(id, s)                                                                                   \
    {                                                                                              \
        id, (const uint8_t *)(s), sizeof(s) - 1                                                    \
    }
static const struct ss_kwm_literal lits[] = {
    L(1, "he"),
    L(2, "she"),
    L(3, "his"),
    L(4, "hers"),
    L(5, "ab"),
    L(6, "银行"),
    L(7, "中国银行"),
    L(8, "中奖"),
    L(9, "中奖"),                              /* one literal, two rules */
    L(10, "0123456789abcdefghijklmnopqrstuv"), /* MAXK bytes */
};

static struct ss_fpga_ring ring;
static struct ss_kwm_sim *card;
static struct ss_kwm_model model;

static int setup(void)
{
    struct ss_kwm_geom g;
    struct ss_kwm_image img = {0};
    enum ss_kwm_reject why[sizeof lits / sizeof lits[0]];
    ss_kwm_sim_geom(&g);
    ss_fpga_ring_init(&ring);
    if (ss_kwm_sim_new(&ring, &card) != SS_OK || ss_kwm_model_init(&model, &g) != SS_OK ||
        ss_kwm_compile(&g, lits, sizeof lits / sizeof lits[0], 0, 0x55, &img, why) != SS_OK ||
        img.accepted != sizeof lits / sizeof lits[0])
        return 1;
    for (size_t i = 0; i < img.n; i++) {
        ss_kwm_sim_cfg_write(card, img.w[i].addr, img.w[i].data);
        ss_kwm_model_write(&model, img.w[i].addr, img.w[i].data);
    }
    ss_kwm_sim_cfg_write(card, SS_KWM_REG_VERSION(0), 0x55);
    ss_kwm_model_write(&model, SS_KWM_REG_VERSION(0), 0x55);
    ss_kwm_image_free(&img);
    return 0;
}

static int teardown(void)
{
    ss_kwm_sim_free(card);
    ss_kwm_model_free(&model);
    return 0;
}

/* Clocks the card, draining up to `drain` records per cycle, until
 * `ends` end records have come; the records land in out (cap entries). */
static size_t collect(unsigned ends, unsigned drain, struct ss_kwm_record *out, size_t cap)
{
    size_t n = 0;
    for (uint64_t c = 0; c < 2000000 && ends > 0; c++) {
        ss_kwm_sim_clock(card);
        for (unsigned k = 0; k < drain && n < cap && ss_fpga_cq_pop(&ring, &out[n]); k++)
            if (ss_kwm_rec_type(&out[n++]) == SS_KWM_REC_END)
                ends--;
    }
    CU_ASSERT_EQUAL(ends, 0u);
    return n;
}

/* The records of msg_id in got[0..n) equal the model's for text. */
static void assert_as_model_v(const struct ss_kwm_record *got, size_t n, uint32_t msg_id,
                              uint16_t hdr_version, const char *text, size_t len)
{
    struct ss_kwm_record want[1024];
    size_t n_want = 0, k = 0;
    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_scan(&model, msg_id, hdr_version, (uint16_t)len,
                                            (const uint8_t *)text, len, want, 1024, &n_want),
                          SS_OK);
    for (size_t i = 0; i < n; i++) {
        if (ss_kwm_rec_msg_id(&got[i]) != msg_id)
            continue;
        CU_ASSERT_FATAL(k < n_want);
        CU_ASSERT_EQUAL(got[i].hi, want[k].hi);
        CU_ASSERT_EQUAL(got[i].lo, want[k].lo);
        k++;
    }
    CU_ASSERT_EQUAL(k, n_want);
}

static void assert_as_model(const struct ss_kwm_record *got, size_t n, uint32_t msg_id,
                            const char *text, size_t len)
{
    assert_as_model_v(got, n, msg_id, 0, text, len);
}

static void test_kwm_sim_registers_read_back(void)
{
    CU_ASSERT_EQUAL(ss_kwm_sim_cfg_read(card, SS_KWM_REG_ID), SS_KWM_BLOCK_ID);
    CU_ASSERT_EQUAL(ss_kwm_sim_cfg_read(card, SS_KWM_REG_VERSION(0)), 0x55u);
    CU_ASSERT_EQUAL(ss_kwm_sim_cfg_read(card, SS_KWM_REG_INFLIGHT(0)), 0u);
}

/* Several descriptors posted at once, one of them empty, one without a
 * keyword: each message completes with the model's records. */
static void test_kwm_sim_messages_in_flight_complete_as_model(void)
{
    static const char *const texts[] = {
        "ushers",
        "",
        "nothing to see",
        "中国银行的中奖通知 his hers",
        "xx0123456789abcdefghijklmnopqrstuvxx",
        "a fairly long message that mentions she and he and ab at the very end: ab",
    };
    const size_t n_texts = sizeof texts / sizeof texts[0];
    for (size_t i = 0; i < n_texts; i++) {
        struct ss_fpga_desc d = {.buf = (uint64_t)(uintptr_t)texts[i],
                                 .msg_id = 100 + (uint32_t)i,
                                 .len = (uint16_t)strlen(texts[i])};
        CU_ASSERT_TRUE_FATAL(ss_fpga_sq_post(&ring, &d));
    }
    struct ss_kwm_record got[256];
    size_t n = collect((unsigned)n_texts, 4, got, 256);
    for (size_t i = 0; i < n_texts; i++)
        assert_as_model(got, n, 100 + (uint32_t)i, texts[i], strlen(texts[i]));
}

/* 300 matches do not fit the 256-record completion ring: the block is
 * held (m_axis_tready low) while the host does not drain, no record is
 * lost or overwritten, and once drained they all come, in order. */
static void test_kwm_sim_full_completion_ring_holds_the_block(void)
{
    char text[601];
    for (int i = 0; i < 300; i++)
        memcpy(text + 2 * i, "ab", 2);
    text[600] = '\0';
    struct ss_fpga_desc d = {.buf = (uint64_t)(uintptr_t)text, .msg_id = 7, .len = 600};
    CU_ASSERT_TRUE_FATAL(ss_fpga_sq_post(&ring, &d));
    for (int c = 0; c < 20000; c++)
        ss_kwm_sim_clock(card);
    CU_ASSERT_EQUAL(ring.cq_tail - ring.cq_head, SS_FPGA_CQ_SIZE);
    static struct ss_kwm_record got[512];
    size_t n = collect(1, 1, got, 512);
    CU_ASSERT_EQUAL(n, 301u);
    assert_as_model(got, n, 7, text, 600);
}

/* A descriptor naming another rule-set version: judged all the same,
 * and its end record says so, as the model's does. */
static void test_kwm_sim_version_mismatch_flagged_in_end_record(void)
{
    const char *text = "ushers";
    struct ss_fpga_desc d = {
        .buf = (uint64_t)(uintptr_t)text, .msg_id = 9, .version = 0x66, .len = 6};
    CU_ASSERT_TRUE_FATAL(ss_fpga_sq_post(&ring, &d));
    struct ss_kwm_record got[8];
    size_t n = collect(1, 4, got, 8);
    CU_ASSERT_FATAL(n > 0);
    CU_ASSERT(ss_kwm_rec_flags(&got[n - 1]) & SS_KWM_FLAG_VERSION_MISMATCH);
    assert_as_model_v(got, n, 9, 0x66, text, 6);
}

static const struct ss_test tests[] = {
    SS_TEST(test_kwm_sim_registers_read_back),
    SS_TEST(test_kwm_sim_messages_in_flight_complete_as_model),
    SS_TEST(test_kwm_sim_full_completion_ring_holds_the_block),
    SS_TEST(test_kwm_sim_version_mismatch_flagged_in_end_record),
};

int main(void)
{
    return SS_RUN_SUITE("fpga kwm_sim", setup, teardown, tests) != 0;
}
