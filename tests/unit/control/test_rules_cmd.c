/* control/rules_cmd.c: `rules check` names file:line, `rules merge`
 * refuses conflicting ids and writes nothing, merges identical repeats
 * once, and the exit statuses are 0 / 1 / 2. */
#include <CUnit/Basic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "control/rules_cmd.h"
#include "dataplane/match/rules.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static char dir[] = "/tmp/test_rules_cmd.XXXXXX";

static char *path(const char *name)
{
    static char buf[8][256];
    static unsigned k;
    char *p = buf[k++ % 8];
    snprintf(p, 256, "%s/%s", dir, name);
    return p;
}

static bool write_text(const char *name, const char *text)
{
    return ss_test_write_file(path(name), text);
}

static int run(int argc, const char **argv)
{
    CU_ASSERT_FATAL(ss_rules_cmd_handles(argc, (char **)argv));
    return ss_rules_cmd_run(argc, (char **)argv, false);
}

static int setup(void)
{
    if (mkdtemp(dir) == NULL)
        return 1;
    return !write_text("a.rules", "@category loans\n"
                                  "a.1 fraud block literal - 恭喜\n"
                                  "a.2 loans alert regex iq 贷款\\d+\n") ||
           !write_text("b.rules", "a.1 fraud block literal - 恭喜\n"
                                  "b.1 gambling alert literal - casino\n") ||
           !write_text("c.rules", "# other team\n"
                                  "a.1 fraud alert literal - 恭喜\n") ||
           !write_text("bad.rules", "\n# header\nx.1 fraud explode literal - w\n");
}

static void test_check_good_file_exits_0_bad_exits_1(void)
{
    const char *good[] = {"rules", "check", path("a.rules"), path("b.rules")};
    const char *bad[] = {"rules", "check", path("bad.rules")};
    const char *none[] = {"rules", "check"};
    CU_ASSERT_EQUAL(run(4, good), 1); /* a.1 is defined twice */
    good[3] = path("a.rules");
    CU_ASSERT_EQUAL(run(3, good), 0);
    CU_ASSERT_EQUAL(run(3, bad), 1);
    CU_ASSERT_EQUAL(run(2, none), 2);
}

static void test_merge_identical_repeat_kept_once(void)
{
    const char *argv[] = {"rules",         "merge", path("a.rules"),
                          path("b.rules"), "-o",    path("m.rules")};
    CU_ASSERT_EQUAL_FATAL(run(6, argv), 0);
    struct ss_rules r;
    char err[SS_RULES_ERR_MAX];
    const char *m = path("m.rules");
    CU_ASSERT_FATAL(ss_rules_load(&r, &m, 1, err, sizeof err) == SS_OK);
    CU_ASSERT_EQUAL(r.n, 3);
    long a2 = ss_rules_find(&r, "a.2");
    CU_ASSERT_FATAL(a2 >= 0);
    CU_ASSERT_STRING_EQUAL(r.category[r.rule[a2].category], "loans");
    CU_ASSERT_EQUAL(r.rule[a2].flags, SS_RULE_CASELESS | SS_RULE_QUIET);
    CU_ASSERT_STRING_EQUAL(r.rule[a2].pattern, "贷款\\d+");
    CU_ASSERT(ss_rules_find(&r, "b.1") >= 0);
    ss_rules_free(&r);
    unlink(m);
}

static void test_merge_same_id_other_action_refused_nothing_written(void)
{
    const char *argv[] = {"rules",         "merge", path("a.rules"),
                          path("c.rules"), "-o",    path("n.rules")};
    CU_ASSERT_EQUAL(run(6, argv), 1);
    CU_ASSERT_NOT_EQUAL(access(path("n.rules"), F_OK), 0);
}

static void test_merge_needs_two_inputs_and_output(void)
{
    const char *one[] = {"rules", "merge", path("a.rules"), "-o", path("n.rules")};
    const char *no_out[] = {"rules", "merge", path("a.rules"), path("b.rules")};
    CU_ASSERT_EQUAL(run(5, one), 2);
    CU_ASSERT_EQUAL(run(4, no_out), 2);
}

static void test_diff_on_corpus_exits_0_and_needs_on(void)
{
    CU_ASSERT_FATAL(write_text("corpus.tsv", "spam\tplay casino now\nham\t今天开会\n"));
    const char *ok[] = {"rules",         "diff", path("a.rules"),
                        path("b.rules"), "--on", path("corpus.tsv")};
    const char *no_on[] = {"rules", "diff", path("a.rules"), path("b.rules")};
    CU_ASSERT_EQUAL(run(6, ok), 0);
    CU_ASSERT_EQUAL(run(4, no_on), 2);
    unlink(path("corpus.tsv"));
}

/* A folder is a path like a file: check and compile walk it. */
static void test_check_and_compile_take_a_folder(void)
{
    char sub[256];
    snprintf(sub, sizeof sub, "%s", path("lib"));
    CU_ASSERT_FATAL(mkdir(sub, 0700) == 0);
    CU_ASSERT_FATAL(write_text("lib/b.rules", "b.1 gambling alert literal - casino\n") &&
                    write_text("lib/loans.txt", "低息贷款\n"));
    const char *check[] = {"rules", "check", sub};
    const char *compile[] = {"rules", "compile", sub, "-o", path("lib.ssb")};
    const char *no_out[] = {"rules", "compile", sub};
    CU_ASSERT_EQUAL(run(3, check), 0);
    CU_ASSERT_EQUAL(run(5, compile), 0);
    CU_ASSERT_EQUAL(run(3, no_out), 2);
    const char *diff[] = {"rules", "diff", path("lib.ssb"), sub, "--on", path("lib/b.rules")};
    CU_ASSERT_EQUAL(run(6, diff), 0); /* no TAB lines: nothing judged */
    unlink(path("lib.ssb"));
    unlink(path("lib/b.rules"));
    unlink(path("lib/loans.txt"));
    rmdir(sub);
}

static const struct ss_test tests[] = {
    SS_TEST(test_check_good_file_exits_0_bad_exits_1),
    SS_TEST(test_merge_identical_repeat_kept_once),
    SS_TEST(test_merge_same_id_other_action_refused_nothing_written),
    SS_TEST(test_merge_needs_two_inputs_and_output),
    SS_TEST(test_diff_on_corpus_exits_0_and_needs_on),
    SS_TEST(test_check_and_compile_take_a_folder),
};

int main(void)
{
    unsigned failures = SS_RUN_SUITE("rules_cmd", setup, NULL, tests);
    ss_tmpdir_remove_tree(dir);
    return failures != 0;
}
