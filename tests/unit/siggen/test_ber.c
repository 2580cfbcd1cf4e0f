#include <CUnit/Basic.h>
#include <string.h>

#include "ber.h"
#include "tests/unit/runner.h"

static size_t wrap(struct sg_buf *b, size_t content, bool indefinite)
{
    struct sg_ber_mark m = sg_ber_open(b, 0x30, indefinite);
    sg_buf_zero(b, content);
    sg_ber_close(b, m);
    return b->len;
}

/* X.690 §8.1.3: short form below 128, then 0x81 n, then 0x82 n n. */
static void test_definite_lengths_use_shortest_form(void)
{
    struct sg_buf b = {0};
    CU_ASSERT_EQUAL(wrap(&b, 127, false), 129);
    CU_ASSERT_EQUAL(b.p[1], 0x7f);
    sg_buf_reset(&b);
    CU_ASSERT_EQUAL(wrap(&b, 128, false), 131);
    CU_ASSERT_EQUAL(b.p[1], 0x81);
    CU_ASSERT_EQUAL(b.p[2], 0x80);
    sg_buf_reset(&b);
    CU_ASSERT_EQUAL(wrap(&b, 256, false), 260);
    CU_ASSERT_EQUAL(b.p[1], 0x82);
    CU_ASSERT_EQUAL(b.p[2], 0x01);
    CU_ASSERT_EQUAL(b.p[3], 0x00);
    sg_buf_free(&b);
}

/* X.690 §8.1.3.6: 0x80, content, end-of-contents 00 00. */
static void test_indefinite_length_ends_with_eoc(void)
{
    struct sg_buf b = {0};
    CU_ASSERT_EQUAL(wrap(&b, 3, true), 7);
    CU_ASSERT_EQUAL(b.p[1], 0x80);
    CU_ASSERT_EQUAL(b.p[5], 0x00);
    CU_ASSERT_EQUAL(b.p[6], 0x00);
    sg_buf_free(&b);
}

static void test_nested_definite_lengths(void)
{
    static const uint8_t want[] = {0xa1, 0x05, 0x02, 0x01, 0x2e, 0x05, 0x00};
    struct sg_buf b = {0};
    struct sg_ber_mark m = sg_ber_open(&b, 0xa1, false);
    sg_ber_int(&b, 0x02, 0x2e);
    sg_ber_prim(&b, 0x05, NULL, 0);
    sg_ber_close(&b, m);
    CU_ASSERT_EQUAL(b.len, sizeof want);
    CU_ASSERT_EQUAL(memcmp(b.p, want, sizeof want), 0);
    sg_buf_free(&b);
}

static const struct ss_test tests[] = {
    SS_TEST(test_definite_lengths_use_shortest_form),
    SS_TEST(test_indefinite_length_ends_with_eoc),
    SS_TEST(test_nested_definite_lengths),
};

int main(void)
{
    return SS_RUN_SUITE("siggen_ber", NULL, NULL, tests) != 0;
}
