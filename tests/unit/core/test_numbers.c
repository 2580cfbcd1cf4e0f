/* Number lists (dataplane/core/numbers.c): digits only, bounded in
 * length and count, prefix and exact lookups, the joined text. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/core/numbers.h"
#include "tests/unit/runner.h"

static void test_prefix_and_exact_lookups(void)
{
    struct ss_numbers l = {.n = 0};
    char err[128], text[64];
    CU_ASSERT_EQUAL(ss_numbers_add(&l, "prefix", 15, "95", err, sizeof err), 0);
    CU_ASSERT_EQUAL(ss_numbers_add(&l, "prefix", 15, "86106", err, sizeof err), 0);
    CU_ASSERT_TRUE(ss_numbers_prefix_of(&l, "95588"));
    CU_ASSERT_TRUE(ss_numbers_prefix_of(&l, "86106900"));
    CU_ASSERT_TRUE(ss_numbers_prefix_of(&l, "95"));
    CU_ASSERT_FALSE(ss_numbers_prefix_of(&l, "9"));
    CU_ASSERT_FALSE(ss_numbers_prefix_of(&l, "1069000012"));
    CU_ASSERT_FALSE(ss_numbers_prefix_of(&l, ""));
    CU_ASSERT_TRUE(ss_numbers_has(&l, "95"));
    CU_ASSERT_FALSE(ss_numbers_has(&l, "95588"));
    CU_ASSERT_FALSE(ss_numbers_has(&l, "9"));
    ss_numbers_text(&l, ",", text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "95,86106");
    ss_numbers_text(&l, ", ", text, 6);
    CU_ASSERT_STRING_EQUAL(text, "95, 8");
}

static void test_non_digits_long_numbers_and_a_full_list_are_refused(void)
{
    struct ss_numbers l = {.n = 0};
    char err[128];
    CU_ASSERT_EQUAL(ss_numbers_add(&l, "report number", 40, "", err, sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "report number '': expected 1 to 40 digits");
    CU_ASSERT_EQUAL(ss_numbers_add(&l, "report number", 40, "+86", err, sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "report number '+86': expected 1 to 40 digits");
    CU_ASSERT_EQUAL(ss_numbers_add(&l, "prefix", 3, "1234", err, sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "prefix '1234': expected 1 to 3 digits");
    CU_ASSERT_EQUAL(
        ss_numbers_add(&l, "n", 99, "12345678901234567890123456789012345678901", err, sizeof err),
        -1); /* 41 digits: over SS_DIGITS_MAX whatever max_digits says */
    CU_ASSERT_EQUAL(l.n, 0);
    while (l.n < SS_NUMBERS_MAX)
        CU_ASSERT_EQUAL_FATAL(ss_numbers_add(&l, "n", 40, "1", err, sizeof err), 0);
    CU_ASSERT_EQUAL(ss_numbers_add(&l, "n", 40, "2", err, sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "n '2': more than 16 given");
    CU_ASSERT_EQUAL(l.n, SS_NUMBERS_MAX);
}

static const struct ss_test tests[] = {
    SS_TEST(test_prefix_and_exact_lookups),
    SS_TEST(test_non_digits_long_numbers_and_a_full_list_are_refused),
};

int main(void)
{
    return SS_RUN_SUITE("numbers", NULL, NULL, tests) != 0;
}
