/* The main() of every CUnit test file, written once: one suite, a table
 * of tests, a verbose run, the number of failures back.
 *
 *   static const struct ss_test tests[] = {
 *       SS_TEST(test_bcd_odd_digits_stop_at_filler),
 *   };
 *
 *   int main(void)
 *   {
 *       return SS_RUN_SUITE("bcd", NULL, NULL, tests) != 0;
 *   }
 */
#ifndef SS_TESTS_UNIT_RUNNER_H
#define SS_TESTS_UNIT_RUNNER_H

#include <CUnit/Basic.h>
#include <stddef.h>
#include <stdio.h>

struct ss_test {
    const char *name;
    CU_TestFunc fn;
};

/* A table entry named after its function, whose name says the behaviour. */
#define SS_TEST(test_fn)                                                                           \
    {                                                                                              \
        .name = #test_fn, .fn = test_fn                                                            \
    }

/* ss_run_suite over a whole array. */
#define SS_RUN_SUITE(name, init, clean, tests)                                                     \
    ss_run_suite((name), (init), (clean), (tests), sizeof(tests) / sizeof((tests)[0]))

/* Runs tests[0..n) as the suite `name` (init and clean as CU_add_suite
 * takes them, either may be NULL) and returns the number of failures. A
 * registry that cannot be built (out of memory) or a run CUnit reports
 * as an error (init or clean failed) counts at least one. Exit with
 * `!= 0`, not the count: an exit status is taken modulo 256. */
static inline unsigned ss_run_suite(const char *name, CU_InitializeFunc init, CU_CleanupFunc clean,
                                    const struct ss_test *tests, size_t n)
{
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "%s: %s\n", name, CU_get_error_msg());
        return 1;
    }
    CU_pSuite suite = CU_add_suite(name, init, clean);
    for (size_t i = 0; suite != NULL && i < n; i++)
        if (CU_add_test(suite, tests[i].name, tests[i].fn) == NULL)
            suite = NULL;
    unsigned failures = 1;
    if (suite == NULL) {
        fprintf(stderr, "%s: %s\n", name, CU_get_error_msg());
    } else {
        CU_basic_set_mode(CU_BRM_VERBOSE);
        CU_ErrorCode run = CU_basic_run_tests();
        failures = CU_get_number_of_failures();
        if (run != CUE_SUCCESS && failures == 0)
            failures = 1;
    }
    CU_cleanup_registry();
    return failures;
}

#endif
