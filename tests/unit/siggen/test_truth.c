#include <CUnit/Basic.h>
#include <string.h>

#include "truth.h"
#include "tests/unit/runner.h"

static struct sg_record mt_record(const char *text)
{
    struct sg_record r = {.ts_us = 1700000000000042ull,
                          .mt = true,
                          .opcode = 44,
                          .map_version = 3,
                          .sender = "ICBC",
                          .imsi = "460001234567890",
                          .smsc = "8613800100500",
                          .dcs = 8,
                          .parts = 2,
                          .text = text,
                          .text_len = strlen(text),
                          .opc = 1234,
                          .dpc = 5678,
                          .calling_gt = "8613800100500",
                          .called_gt = "8613900000001",
                          .label = "spam"};
    return r;
}

static void expect_line(const struct sg_record *r, const char *want)
{
    struct sg_buf b = {0};
    sg_truth_format(&b, r);
    CU_ASSERT_EQUAL(b.len, strlen(want));
    CU_ASSERT_EQUAL(memcmp(b.p, want, b.len), 0);
    sg_buf_free(&b);
}

/* The decode output's keys (README.md, `sigsift decode`) in order, six decimals, absent
 * recipient as null, non-ASCII raw, "label" last. */
static void test_mt_record_follows_the_contract(void)
{
    struct sg_record r = mt_record("\xe4\xbd\xa0\xe5\xa5\xbd");
    expect_line(&r, "{\"ts\":1700000000.000042,\"dir\":\"MT\",\"opcode\":44,\"map_version\":3,"
                    "\"sender\":\"ICBC\",\"recipient\":null,\"imsi\":\"460001234567890\","
                    "\"smsc\":\"8613800100500\",\"dcs\":8,\"parts\":2,\"text\":\"\xe4\xbd\xa0"
                    "\xe5\xa5\xbd\",\"opc\":1234,\"dpc\":5678,\"calling_gt\":\"8613800100500\","
                    "\"called_gt\":\"8613900000001\",\"label\":\"spam\"}\n");
}

static void test_text_escapes_quote_backslash_and_controls(void)
{
    struct sg_record r = mt_record("a\"b\\c\nd");
    struct sg_buf b = {0};
    sg_truth_format(&b, &r);
    sg_buf_u8(&b, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr((const char *)b.p, "\"text\":\"a\\\"b\\\\c\\u000ad\""));
    sg_buf_free(&b);
}

static const struct ss_test tests[] = {
    SS_TEST(test_mt_record_follows_the_contract),
    SS_TEST(test_text_escapes_quote_backslash_and_controls),
};

int main(void)
{
    return SS_RUN_SUITE("siggen_truth", NULL, NULL, tests) != 0;
}
