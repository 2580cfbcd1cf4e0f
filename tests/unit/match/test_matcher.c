#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/match/matcher.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static struct ss_tmpdir tmp;
static const char *file;
static char err[SS_RULES_ERR_MAX];

/* Rule indices follow line order. */
static const char rules_text[] = "lit.free  fraud alert literal     - 中奖\n"   /* 0: hardware */
                                 "lit.comb  fraud alert literal     q 银行\n"   /* 1: CPU, in c.1 */
                                 "re.1      fraud alert regex       - \\d+元\n" /* 2: CPU */
                                 "c.1       fraud block combination - lit.comb\n" /* 3: CPU */
                                 "lit.free2 fraud alert literal     - 退订\n";    /* 4: hardware */

/* A stand-in for the FPGA block: literals only, matching delegated to
 * Hyperscan so the test sees real hits; it records what it was given. */
static size_t fake_given[8], fake_n;

static bool fake_accepts(const struct ss_rules *rules, size_t i)
{
    return rules->rule[i].kind == SS_KIND_LITERAL;
}

static enum ss_result fake_compile(const struct ss_rules *rules, const uint32_t *idx, size_t n,
                                   enum ss_presentation p, struct ss_matcher_db **db, char *e,
                                   size_t ecap)
{
    fake_n = n;
    for (size_t i = 0; i < n && i < 8; i++)
        fake_given[i] = idx[i];
    return ss_hs_matcher.compile(rules, idx, n, p, db, e, ecap);
}

static struct ss_matcher_ops fake;

static int setup(void)
{
    fake = ss_hs_matcher;
    fake.name = "fake-fpga";
    fake.accepts = fake_accepts;
    fake.compile = fake_compile;
    if (!ss_tmpdir_make(&tmp, "matcher"))
        return 1;
    file = ss_tmpdir_write(&tmp, "m.rules", rules_text);
    return file == NULL;
}

static int teardown(void)
{
    return ss_tmpdir_remove(&tmp);
}

static struct ss_ruleset *build(const struct ss_matcher_ops *primary)
{
    struct ss_rules rules;
    struct ss_ruleset *rs = NULL;
    const char *path = file;
    if (ss_rules_load(&rules, &path, 1, err, sizeof err) != SS_OK ||
        ss_ruleset_build(&rules, primary, SS_PRES_DEFAULT, 3, &rs, err, sizeof err) != SS_OK)
        return NULL;
    return rs;
}

static void test_matcher_literal_only_backend_gets_free_literals(void)
{
    struct ss_ruleset *rs = build(&fake);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(rs->n_parts, 2);
    CU_ASSERT_PTR_EQUAL(rs->part[0].ops, &fake);
    CU_ASSERT_PTR_EQUAL(rs->part[1].ops, &ss_hs_matcher);
    CU_ASSERT_EQUAL(fake_n, 2); /* lit.comb stays with its combination */
    CU_ASSERT_TRUE(fake_given[0] == 0 && fake_given[1] == 4);
    ss_ruleset_free(rs);
}

static void test_matcher_hits_of_both_parts_merge(void)
{
    struct ss_ruleset *rs = build(&fake);
    struct ss_ruleset_scratch *tmpl = NULL, *sc = NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_alloc(rs, &tmpl), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_clone(tmpl, rs, &sc), SS_OK);
    const char *text = "银行中奖50元，退订";
    size_t n;
    ss_normalize(rs->pres, text, strlen(text), sc->text, sizeof sc->text, &n);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scan(rs, sc, sc->text, n), SS_OK);
    uint32_t seen = 0;
    for (uint32_t i = 0; i < sc->hits.n; i++)
        seen |= 1u << sc->hits.rule[i];
    CU_ASSERT_EQUAL(sc->hits.n, 4);
    CU_ASSERT_EQUAL(seen, (1u << 0) | (1u << 2) | (1u << 3) | (1u << 4));
    ss_ruleset_scratch_free(rs, sc);
    ss_ruleset_scratch_free(rs, tmpl);
    ss_ruleset_free(rs);
}

static void test_matcher_hyperscan_alone_has_one_part(void)
{
    struct ss_ruleset *rs = build(ss_matcher_find("hyperscan"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(rs->n_parts, 1);
    CU_ASSERT_EQUAL(rs->version, 3);
    CU_ASSERT_PTR_NULL(ss_matcher_find("nosuch")); /* fpga-sim: tests/unit/fpga */
    ss_ruleset_free(rs);
}

static void test_matcher_compile_error_names_file_and_line(void)
{
    struct ss_rules rules;
    struct ss_ruleset *rs = NULL;
    const char *path = file;
    char want[256];
    CU_ASSERT_EQUAL_FATAL(ss_rules_load(&rules, &path, 1, err, sizeof err), SS_OK);
    free(rules.rule[2].pattern); /* corrupt re.1 after the loader checked it */
    rules.rule[2].pattern = strdup("(\\d+");
    CU_ASSERT_EQUAL(
        ss_ruleset_build(&rules, &ss_hs_matcher, SS_PRES_DEFAULT, 1, &rs, err, sizeof err),
        SS_BAD_VALUE);
    CU_ASSERT_PTR_NULL(rs);
    CU_ASSERT_EQUAL(rules.n, 0); /* taken over and freed */
    snprintf(want, sizeof want, "%s:3: ", file);
    CU_ASSERT_EQUAL(strncmp(err, want, strlen(want)), 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_matcher_literal_only_backend_gets_free_literals),
    SS_TEST(test_matcher_hits_of_both_parts_merge),
    SS_TEST(test_matcher_hyperscan_alone_has_one_part),
    SS_TEST(test_matcher_compile_error_names_file_and_line),
};

int main(void)
{
    return SS_RUN_SUITE("matcher", setup, teardown, tests) != 0;
}
