/* The sender lists' table (senders.h). */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/ctl/senders.h"
#include "tests/unit/runner.h"

static enum ss_result add(struct ss_senders *t, enum ss_sender_list l, const char *s)
{
    return ss_senders_add(t, l, s, strlen(s));
}

static int find(const struct ss_senders *t, const char *s)
{
    return ss_senders_find(t, s, strlen(s));
}

static void test_added_sender_is_found_on_its_list(void)
{
    struct ss_senders *t = ss_senders_clone(NULL);
    CU_ASSERT_EQUAL(add(t, SS_LIST_BLOCK, "8613912345678"), SS_OK);
    CU_ASSERT_EQUAL(add(t, SS_LIST_ALLOW, "MyBank"), SS_OK);
    CU_ASSERT_EQUAL(find(t, "8613912345678"), SS_LIST_BLOCK);
    CU_ASSERT_EQUAL(find(t, "MyBank"), SS_LIST_ALLOW);
    CU_ASSERT_EQUAL(find(t, "861391234567"), -1);
    CU_ASSERT_EQUAL(t->n[SS_LIST_BLOCK], 1);
    CU_ASSERT_EQUAL(t->n[SS_LIST_ALLOW], 1);
    ss_senders_free(t);
}

static void test_adding_twice_is_duplicate_and_moving_changes_list(void)
{
    struct ss_senders *t = ss_senders_clone(NULL);
    CU_ASSERT_EQUAL(add(t, SS_LIST_BLOCK, "123"), SS_OK);
    CU_ASSERT_EQUAL(add(t, SS_LIST_BLOCK, "123"), SS_DUPLICATE);
    CU_ASSERT_EQUAL(add(t, SS_LIST_ALLOW, "123"), SS_OK);
    CU_ASSERT_EQUAL(find(t, "123"), SS_LIST_ALLOW);
    CU_ASSERT_EQUAL(t->n[SS_LIST_BLOCK], 0);
    CU_ASSERT_EQUAL(t->n[SS_LIST_ALLOW], 1);
    ss_senders_free(t);
}

static void test_empty_and_oversize_senders_are_refused(void)
{
    struct ss_senders *t = ss_senders_clone(NULL);
    char s[SS_CTL_SENDER_MAX + 2];
    memset(s, '9', sizeof s);
    CU_ASSERT_EQUAL(ss_senders_add(t, SS_LIST_BLOCK, s, 0), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_senders_add(t, SS_LIST_BLOCK, s, SS_CTL_SENDER_MAX + 1), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_senders_add(t, SS_LIST_BLOCK, s, SS_CTL_SENDER_MAX), SS_OK);
    CU_ASSERT_EQUAL(ss_senders_find(t, s, SS_CTL_SENDER_MAX + 1), -1);
    CU_ASSERT_EQUAL(ss_senders_find(NULL, s, 3), -1);
    ss_senders_free(t);
}

static void test_remove_keeps_colliding_entries_reachable(void)
{
    struct ss_senders *t = ss_senders_clone(NULL);
    char s[16];
    /* 3000 entries in 8192 slots make long probe runs; removing every
     * third must leave all others findable (backward shift). */
    for (int i = 0; i < 3000; i++) {
        snprintf(s, sizeof s, "%d", 4400000 + i);
        CU_ASSERT_EQUAL_FATAL(add(t, SS_LIST_BLOCK, s), SS_OK);
    }
    for (int i = 0; i < 3000; i += 3) {
        snprintf(s, sizeof s, "%d", 4400000 + i);
        CU_ASSERT_EQUAL(ss_senders_remove(t, SS_LIST_BLOCK, s, strlen(s)), SS_OK);
    }
    for (int i = 0; i < 3000; i++) {
        snprintf(s, sizeof s, "%d", 4400000 + i);
        CU_ASSERT_EQUAL(find(t, s), i % 3 == 0 ? -1 : SS_LIST_BLOCK);
    }
    CU_ASSERT_EQUAL(t->n[SS_LIST_BLOCK], 2000);
    ss_senders_free(t);
}

static void test_remove_from_wrong_list_or_absent_is_no_context(void)
{
    struct ss_senders *t = ss_senders_clone(NULL);
    CU_ASSERT_EQUAL(add(t, SS_LIST_ALLOW, "55"), SS_OK);
    CU_ASSERT_EQUAL(ss_senders_remove(t, SS_LIST_BLOCK, "55", 2), SS_NO_CONTEXT);
    CU_ASSERT_EQUAL(ss_senders_remove(t, SS_LIST_ALLOW, "56", 2), SS_NO_CONTEXT);
    CU_ASSERT_EQUAL(find(t, "55"), SS_LIST_ALLOW);
    ss_senders_free(t);
}

static void test_table_refuses_beyond_half_full(void)
{
    struct ss_senders *t = ss_senders_clone(NULL);
    char s[16];
    for (int i = 0; i < SS_SENDERS_MAX; i++) {
        snprintf(s, sizeof s, "%d", i);
        CU_ASSERT_EQUAL_FATAL(add(t, i % 2 ? SS_LIST_ALLOW : SS_LIST_BLOCK, s), SS_OK);
    }
    CU_ASSERT_EQUAL(add(t, SS_LIST_BLOCK, "full"), SS_TABLE_FULL);
    /* Moving an entry between lists needs no new slot. */
    CU_ASSERT_EQUAL(add(t, SS_LIST_ALLOW, "0"), SS_OK);
    ss_senders_free(t);
}

static void test_clone_is_independent_of_its_source(void)
{
    struct ss_senders *a = ss_senders_clone(NULL);
    CU_ASSERT_EQUAL(add(a, SS_LIST_BLOCK, "1"), SS_OK);
    struct ss_senders *b = ss_senders_clone(a);
    CU_ASSERT_EQUAL(add(b, SS_LIST_BLOCK, "2"), SS_OK);
    CU_ASSERT_EQUAL(find(a, "2"), -1);
    CU_ASSERT_EQUAL(find(b, "1"), SS_LIST_BLOCK);
    ss_senders_free(a);
    ss_senders_free(b);
}

static const struct ss_test tests[] = {
    SS_TEST(test_added_sender_is_found_on_its_list),
    SS_TEST(test_adding_twice_is_duplicate_and_moving_changes_list),
    SS_TEST(test_empty_and_oversize_senders_are_refused),
    SS_TEST(test_remove_keeps_colliding_entries_reachable),
    SS_TEST(test_remove_from_wrong_list_or_absent_is_no_context),
    SS_TEST(test_table_refuses_beyond_half_full),
    SS_TEST(test_clone_is_independent_of_its_source),
};

int main(void)
{
    return SS_RUN_SUITE("ctl_senders", NULL, NULL, tests) != 0;
}
