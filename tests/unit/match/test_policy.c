#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/match/policy.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static struct ss_tmpdir tmp;
static char err[SS_RULES_ERR_MAX];
static struct ss_ruleset *rs;
static struct ss_ruleset_scratch *sc;
static struct ss_verdict v;

/* Rule indices follow line order: 0 a.alert, 1 b.block, 2 c.pass, 3 d.alert. */
static const char rules_text[] = "a.alert advertising alert literal - promo\n"
                                 "b.block fraud       block literal - lottery\n"
                                 "c.pass  fraud       pass  literal - bankofchina\n"
                                 "d.alert gambling    alert literal - casino\n";

static int setup(void)
{
    const char *path;
    if (!ss_tmpdir_make(&tmp, "policy") ||
        (path = ss_tmpdir_write(&tmp, "p.rules", rules_text)) == NULL)
        return 1;
    struct ss_rules rules;
    if (ss_rules_load(&rules, &path, 1, err, sizeof err) != SS_OK ||
        ss_ruleset_build(&rules, &ss_hs_matcher, SS_PRES_DEFAULT, 42, &rs, err, sizeof err) !=
            SS_OK)
        return 1;
    return ss_ruleset_scratch_alloc(rs, &sc) != SS_OK;
}

static int teardown(void)
{
    ss_ruleset_scratch_free(rs, sc);
    ss_ruleset_free(rs);
    return ss_tmpdir_remove(&tmp);
}

static void judge(const char *text)
{
    memset(&v, 0xa5, sizeof v);
    CU_ASSERT_EQUAL(ss_judge(rs, sc, text, strlen(text), &v), SS_OK);
}

/* Category bits follow the built-in order: fraud 0, gambling 1, ...,
 * advertising 5. */
static void test_policy_no_hit_is_none_and_reads_pass(void)
{
    judge("hello there");
    CU_ASSERT_EQUAL(v.action, SS_ACTION_NONE);
    CU_ASSERT_STRING_EQUAL(ss_verdict_name(&v), "pass");
    CU_ASSERT_EQUAL(v.n_rules, 0);
    CU_ASSERT_EQUAL(v.categories, 0);
    CU_ASSERT_EQUAL(v.version, 42);
    CU_ASSERT_FALSE(v.allowlisted);
    CU_ASSERT_FALSE(v.truncated);
}

static void test_policy_block_outranks_alert(void)
{
    judge("PROMO: lottery!");
    CU_ASSERT_EQUAL(v.action, SS_ACTION_BLOCK);
    CU_ASSERT_STRING_EQUAL(ss_verdict_name(&v), "block");
    CU_ASSERT_EQUAL(v.n_rules, 2);
    CU_ASSERT_EQUAL(v.categories, (1ull << 0) | (1ull << 5));
}

static void test_policy_alert_lists_every_category(void)
{
    judge("casino promo");
    CU_ASSERT_EQUAL(v.action, SS_ACTION_ALERT);
    CU_ASSERT_EQUAL(v.categories, (1ull << 1) | (1ull << 5));
    CU_ASSERT_TRUE((v.rules[0] == 0 && v.rules[1] == 3) || (v.rules[0] == 3 && v.rules[1] == 0));
}

static void test_policy_pass_rule_allowlists_over_block(void)
{
    judge("Bank of China: lottery promo");
    CU_ASSERT_EQUAL(v.action, SS_ACTION_PASS);
    CU_ASSERT_STRING_EQUAL(ss_verdict_name(&v), "pass");
    CU_ASSERT_TRUE(v.allowlisted);
    CU_ASSERT_EQUAL(v.n_rules, 3);
    CU_ASSERT_EQUAL(v.categories, 1ull << 0); /* the pass rule's category */
}

static void test_policy_pass_rule_alone_is_not_allowlisting(void)
{
    judge("bank of china");
    CU_ASSERT_EQUAL(v.action, SS_ACTION_PASS);
    CU_ASSERT_FALSE(v.allowlisted);
}

static void test_policy_decide_caps_listed_rules(void)
{
    struct ss_hits h = {.n = SS_HITS_MAX + 5};
    for (uint32_t i = 0; i < SS_HITS_MAX; i++)
        h.rule[i] = i % 2; /* a.alert, b.block alternately */
    ss_policy_decide(rs, &h, &v);
    CU_ASSERT_EQUAL(v.n_rules, SS_HITS_MAX + 5);
    CU_ASSERT_EQUAL(v.action, SS_ACTION_BLOCK);
    CU_ASSERT_EQUAL(v.rules[SS_VERDICT_RULES_MAX - 1], 1);
}

static void test_policy_long_text_is_truncated_and_judged(void)
{
    static char text[SS_MATCH_TEXT_MAX + 100];
    memset(text, 'x', sizeof text - 1);
    memcpy(text + 10, "lottery", 7);
    judge(text);
    CU_ASSERT_TRUE(v.truncated);
    CU_ASSERT_EQUAL(v.action, SS_ACTION_BLOCK);
}

static const struct ss_test tests[] = {
    SS_TEST(test_policy_no_hit_is_none_and_reads_pass),
    SS_TEST(test_policy_block_outranks_alert),
    SS_TEST(test_policy_alert_lists_every_category),
    SS_TEST(test_policy_pass_rule_allowlists_over_block),
    SS_TEST(test_policy_pass_rule_alone_is_not_allowlisting),
    SS_TEST(test_policy_decide_caps_listed_rules),
    SS_TEST(test_policy_long_text_is_truncated_and_judged),
};

int main(void)
{
    return SS_RUN_SUITE("policy", setup, teardown, tests) != 0;
}
