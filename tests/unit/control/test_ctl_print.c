/* control/ctl_print.c: control replies printed for people: members as
 * "key: value", a list of objects as a table over every key seen, a
 * list of values one per line, escapes undone; what is not one JSON
 * object is refused with nothing printed. Expected texts written by
 * hand from ctl_print.h. */
#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

#include "control/ctl_print.h"
#include "tests/unit/runner.h"

/* What ss_ctl_print_human printed, or NULL if it refused. */
static char *printed(const char *reply)
{
    static char out[4096];
    FILE *f = fmemopen(out, sizeof out, "w");
    CU_ASSERT_FATAL(f != NULL);
    bool ok = ss_ctl_print_human(f, reply, strlen(reply));
    fclose(f);
    return ok ? out : NULL;
}

static void test_members_aligned_ok_left_out_strings_unquoted(void)
{
    const char *got = printed("{\"ok\":true,\"version\":42,\"source\":\"/r/a b.ssb\"}\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, "version: 42\n"
                                "source:  /r/a b.ssb\n");
}

static void test_list_of_objects_is_a_table_over_every_key(void)
{
    const char *got = printed("{\"ok\":true,\"workers\":[{\"worker\":0,\"gap_us\":12.5},"
                              "{\"worker\":1,\"first_us\":3.0,\"gap_us\":7}]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, "workers:\n"
                                "  worker  gap_us  first_us\n"
                                "  0       12.5    -\n"
                                "  1       7       3.0\n");
}

static void test_list_of_values_one_per_line_empty_says_0(void)
{
    const char *got =
        printed("{\"ok\":true,\"blocklist\":[\"8613900000001\",\"BANK\"],\"allowlist\":[]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, "blocklist (2):\n"
                                "  8613900000001\n"
                                "  BANK\n"
                                "allowlist (0)\n");
}

static void test_escapes_undone_control_characters_hidden(void)
{
    const char *got = printed("{\"ok\":true,\"why\":\"a \\\"q\\\" \\\\ \\u4e2d\\u0007\\n\"}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, "why: a \"q\" \\ \xe4\xb8\xad??\n");
}

/* rules history and push replies carry Unix seconds; people read UTC
 * dates. Expected dates from `date -u -d @1700000000` (22:13:20) and
 * `date -u -d @0`. */
static void test_times_printed_as_utc_iso8601(void)
{
    const char *got = printed("{\"ok\":true,\"history\":[{\"action\":\"start\","
                              "\"at\":1700000000.479849,\"version\":7},{\"action\":\"push\","
                              "\"at\":1700086400.000001,\"version\":8}],\"received_at\":0.5,"
                              "\"swaps\":1700000000}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, "history:\n"
                                "  action  at                           version\n"
                                "  start   2023-11-14T22:13:20.479849Z  7\n"
                                "  push    2023-11-15T22:13:20.000001Z  8\n"
                                "received_at: 1970-01-01T00:00:00.5Z\n"
                                "swaps:       1700000000\n");
}

/* Only numbers are times: a string or a malformed number under a time
 * key is printed as it came. */
static void test_time_key_not_a_number_left_as_is(void)
{
    const char *got = printed("{\"ok\":true,\"at\":\"soon\",\"x_at\":1e9,\"y_at\":-5}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, "at:   soon\n"
                                "x_at: 1e9\n"
                                "y_at: -5\n");
}

static void test_not_one_object_refused(void)
{
    CU_ASSERT_PTR_NULL(printed("[1,2]"));
    CU_ASSERT_PTR_NULL(printed("{\"ok\":true,\"a\":[1,2}"));
    CU_ASSERT_PTR_NULL(printed("{\"ok\":true,\"a\":\"unterminated}"));
    CU_ASSERT_PTR_NULL(printed("{\"ok\":true} trailing"));
    CU_ASSERT_PTR_NULL(printed(""));
}

static const struct ss_test tests[] = {
    SS_TEST(test_members_aligned_ok_left_out_strings_unquoted),
    SS_TEST(test_list_of_objects_is_a_table_over_every_key),
    SS_TEST(test_list_of_values_one_per_line_empty_says_0),
    SS_TEST(test_escapes_undone_control_characters_hidden),
    SS_TEST(test_times_printed_as_utc_iso8601),
    SS_TEST(test_time_key_not_a_number_left_as_is),
    SS_TEST(test_not_one_object_refused),
};

int main(void)
{
    return SS_RUN_SUITE("ctl_print", NULL, NULL, tests) != 0;
}
