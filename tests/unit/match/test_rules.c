#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dataplane/match/rules.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static struct ss_tmpdir tmp;
static char path[128], err[SS_RULES_ERR_MAX];
static struct ss_rules rs;

static const char *write_file(const char *name, const char *text)
{
    return ss_tmpdir_write(&tmp, name, text);
}

static enum ss_result load1(const char *p)
{
    return ss_rules_load(&rs, &p, 1, err, sizeof err);
}

/* Loads text as NAME and expects "DIR/NAME:LINE: message". */
static void expect_error(const char *name, const char *text, const char *want)
{
    char full[SS_RULES_ERR_MAX];
    struct ss_rules before = {0};
    before.n = 12345;
    rs = before;
    CU_ASSERT_EQUAL(load1(write_file(name, text)), SS_BAD_VALUE);
    snprintf(full, sizeof full, "%s/%s", tmp.dir, want);
    if (strcmp(err, full) != 0)
        printf("\ngot:  %s\nwant: %s\n", err, full);
    CU_ASSERT_STRING_EQUAL(err, full);
    CU_ASSERT_EQUAL(rs.n, 12345); /* nothing half-loaded into the output */
}

static int setup(void)
{
    return !ss_tmpdir_make(&tmp, "rules");
}

static int teardown(void)
{
    return ss_tmpdir_remove(&tmp);
}

static void test_rules_good_file_loads_every_field(void)
{
    const char *p = write_file("good.rules", "# comment\n"
                                             "\n"
                                             "@category lottery\n"
                                             "a.1 fraud block literal - verify your account  \r\n"
                                             "a.2\tlottery\tpass\tregex\tis\t\\d+\xe5\x85\x83\n"
                                             "a.3 fraud alert combination q a.1 & !a.2\n");
    CU_ASSERT_EQUAL_FATAL(load1(p), SS_OK);
    CU_ASSERT_EQUAL_FATAL(rs.n, 3);
    CU_ASSERT_STRING_EQUAL(rs.rule[0].id, "a.1");
    CU_ASSERT_STRING_EQUAL(rs.rule[0].pattern, "verify your account");
    CU_ASSERT_EQUAL(rs.rule[0].kind, SS_KIND_LITERAL);
    CU_ASSERT_EQUAL(rs.rule[0].action, SS_ACTION_BLOCK);
    CU_ASSERT_STRING_EQUAL(rs.category[rs.rule[0].category], "fraud");
    CU_ASSERT_EQUAL(rs.rule[0].line, 4);
    CU_ASSERT_STRING_EQUAL(rs.rule[1].pattern, "\\d+\xe5\x85\x83");
    CU_ASSERT_EQUAL(rs.rule[1].action, SS_ACTION_PASS);
    CU_ASSERT_EQUAL(rs.rule[1].flags, SS_RULE_CASELESS | SS_RULE_DOTALL);
    CU_ASSERT_STRING_EQUAL(rs.category[rs.rule[1].category], "lottery");
    CU_ASSERT_EQUAL(rs.rule[2].kind, SS_KIND_COMBINATION);
    CU_ASSERT_EQUAL(rs.rule[2].flags, SS_RULE_QUIET);
    CU_ASSERT_EQUAL(ss_rules_find(&rs, "a.2"), 1);
    CU_ASSERT_EQUAL(ss_rules_find(&rs, "a.9"), -1);
    ss_rules_free(&rs);
}

static void test_rules_word_list_takes_base_name_category_and_alert(void)
{
    const char *p = write_file("loans.txt",
                               "# words\n\xe6\x97\xa0\xe6\x8a\xb5\xe6\x8a\xbc\n\n  quick cash  \n");
    CU_ASSERT_EQUAL_FATAL(load1(p), SS_OK);
    CU_ASSERT_EQUAL_FATAL(rs.n, 2);
    CU_ASSERT_STRING_EQUAL(rs.rule[0].id, "loans:2");
    CU_ASSERT_STRING_EQUAL(rs.rule[1].id, "loans:4");
    CU_ASSERT_STRING_EQUAL(rs.rule[1].pattern, "quick cash");
    CU_ASSERT_EQUAL(rs.rule[1].action, SS_ACTION_ALERT);
    CU_ASSERT_EQUAL(rs.rule[1].kind, SS_KIND_LITERAL);
    CU_ASSERT_STRING_EQUAL(rs.category[rs.rule[1].category], "loans");
    ss_rules_free(&rs);
}

static void test_rules_folder_loads_rules_and_txt_in_name_order(void)
{
    char sub[96];
    snprintf(sub, sizeof sub, "%s/lib", tmp.dir);
    mkdir(sub, 0700);
    write_file("lib/b.rules", "b.1 phishing alert literal - click here\n");
    write_file("lib/a.txt", "free money\n");
    write_file("lib/README.md", "not rules\n");
    const char *p = sub;
    CU_ASSERT_EQUAL_FATAL(ss_rules_load(&rs, &p, 1, err, sizeof err), SS_OK);
    CU_ASSERT_EQUAL_FATAL(rs.n, 2);
    CU_ASSERT_STRING_EQUAL(rs.rule[0].id, "a:1");
    CU_ASSERT_STRING_EQUAL(rs.rule[1].id, "b.1");
    ss_rules_free(&rs);
}

static void test_rules_bad_lines_name_file_and_line(void)
{
    expect_error("kind.rules", "# x\nx.1 fraud block literl - abc\n",
                 "kind.rules:2: unknown kind 'literl' (literal, regex, combination)");
    expect_error("act.rules", "x.1 fraud drop literal - abc\n",
                 "act.rules:1: unknown action 'drop' (pass, alert, block)");
    expect_error("cat.rules", "x.1 spam alert literal - abc\n",
                 "cat.rules:1: unknown category 'spam' (declare it with @category)");
    expect_error("empty.rules", "x.1 fraud alert literal -   \n", "empty.rules:1: empty pattern");
    expect_error("few.rules", "x.1 fraud alert\n",
                 "few.rules:1: too few fields (want: id category action kind flags pattern)");
    expect_error("id.rules", "x/1 fraud alert literal - abc\n",
                 "id.rules:1: bad rule id 'x/1' (1-63 of A-Z a-z 0-9 _ . : -)");
    expect_error("punct.rules", "x.1 fraud alert literal - ,.!\n",
                 "punct.rules:1: literal is empty after normalisation");
    expect_error("flag.rules", "x.1 fraud alert literal i abc\n",
                 "flag.rules:1: flag 'i' not allowed on a literal rule");
    expect_error("cls.rules", "x.1 fraud alert regex - [\xe4\xb8\xad]\n",
                 "cls.rules:1: bad regex: non-ASCII character inside [...]; write "
                 "(\xe7\x94\xb2|\xe4\xb9\x99) instead");
    expect_error("wide.rules", "x.1 fraud alert regex - a*\n",
                 "wide.rules:1: regex can match empty text");
    expect_error("url.rules", "x.1 fraud alert regex - http://[a-z]+\n",
                 "url.rules:1: regex matches ':', which normalisation removes from every text");
    expect_error("dot.rules", "x.1 fraud alert regex - t\\.cn[a-z]{4}\n",
                 "dot.rules:1: regex matches '.', which normalisation removes from every text");
}

static void test_rules_bad_regex_named_by_line(void)
{
    char full[SS_RULES_ERR_MAX];
    CU_ASSERT_EQUAL(
        load1(write_file("re.rules", "x.1 fraud alert regex - ab\nx.2 fraud alert regex - (ab\n")),
        SS_BAD_VALUE);
    snprintf(full, sizeof full, "%s/re.rules:2: bad regex: ", tmp.dir);
    CU_ASSERT_EQUAL(strncmp(err, full, strlen(full)), 0);
}

static void test_rules_duplicate_id_reported_at_second_line(void)
{
    char want[SS_RULES_ERR_MAX];
    snprintf(want, sizeof want, "dup.rules:3: duplicate rule id 'x.1' (first at %s/dup.rules:1)",
             tmp.dir);
    expect_error("dup.rules",
                 "x.1 fraud alert literal - abc\nx.2 fraud alert literal - abd\n"
                 "x.1 fraud alert literal - abe\n",
                 want);
}

static void test_rules_combination_unknown_id_rejected(void)
{
    expect_error("comb.rules",
                 "x.1 fraud alert literal - abc\nx.2 fraud alert combination - x.1 & (y.7 | x.1)\n",
                 "comb.rules:2: combination references unknown rule id 'y.7'");
    expect_error("comb2.rules", "x.1 fraud alert combination - x.1 & x.1\n",
                 "comb2.rules:1: combination references combination 'x.1'");
    expect_error("comb3.rules", "x.1 fraud alert combination - x.1 + x.1\n",
                 "comb3.rules:1: combination may hold only rule ids and & | ! ( )");
}

static void test_rules_missing_path_rejected(void)
{
    char want[SS_RULES_ERR_MAX];
    snprintf(want, sizeof want, "%s/none.rules: No such file or directory", tmp.dir);
    snprintf(path, sizeof path, "%s/none.rules", tmp.dir);
    CU_ASSERT_EQUAL(load1(path), SS_BAD_VALUE);
    CU_ASSERT_STRING_EQUAL(err, want);
}

static void test_rules_error_in_second_file_leaves_nothing(void)
{
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/ok.rules", tmp.dir);
    write_file("ok.rules", "x.1 fraud alert literal - abc\n");
    snprintf(b, sizeof b, "%s/bad.rules", tmp.dir);
    write_file("bad.rules", "x.2 fraud alert literal -\n");
    const char *paths[] = {a, b};
    memset(&rs, 0, sizeof rs);
    CU_ASSERT_EQUAL(ss_rules_load(&rs, paths, 2, err, sizeof err), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(rs.n, 0);
    CU_ASSERT_PTR_NULL(rs.rule);
}

static void test_rules_overlong_line_rejected(void)
{
    static char text[SS_RULE_LINE_MAX + 64];
    memset(text, 'a', sizeof text - 2);
    text[sizeof text - 2] = '\n';
    text[sizeof text - 1] = '\0';
    expect_error("long.rules", text, "long.rules:1: line longer than 4096 bytes");
}

/* A file saved as GBK, and a NUL byte (written with its length, which
 * the text helpers cannot), are refused at their line, not loaded. */
static void test_rules_non_utf8_and_nul_refused_by_line(void)
{
    /* 中奖 in GBK: D6 D0 BD B1; the pattern starts at byte 27. */
    expect_error("gbk.rules",
                 "a.1 fraud block literal - ok\nb.1 fraud block literal - \xd6\xd0\xbd\xb1\n",
                 "gbk.rules:2: byte 27 is not UTF-8 (save the file as UTF-8)");
    expect_error("gbk.txt", "# words\n\xd6\xd0\xbd\xb1\n",
                 "gbk.txt:2: byte 1 is not UTF-8 (save the file as UTF-8)");
    expect_error("cut.txt", "ok\n\xe4\xb8\n",
                 "cut.txt:2: byte 1 is not UTF-8 (save the file as UTF-8)");

    static const char nul[] = "a.1 fraud block literal - ok\0hidden\n";
    char full[SS_RULES_ERR_MAX];
    const char *p = ss_tmpdir_path(&tmp, "nul.rules");
    FILE *f = fopen(p, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(nul, 1, sizeof nul - 1, f), sizeof nul - 1);
    fclose(f);
    CU_ASSERT_EQUAL(load1(p), SS_BAD_VALUE);
    snprintf(full, sizeof full, "%s/nul.rules:1: NUL byte in line (the file must be UTF-8 text)",
             tmp.dir);
    CU_ASSERT_STRING_EQUAL(err, full);
}

/* A byte-order mark before the first line is not part of the first id;
 * anywhere else it is text like any other. */
static void test_rules_bom_before_first_line_skipped(void)
{
    CU_ASSERT_EQUAL_FATAL(load1(write_file("bom.rules", "\xef\xbb\xbf"
                                                        "a.1 fraud block literal - x\n")),
                          SS_OK);
    CU_ASSERT_EQUAL(rs.n, 1);
    CU_ASSERT_STRING_EQUAL(rs.rule[0].id, "a.1");
    ss_rules_free(&rs);
    expect_error("bom2.rules",
                 "a.1 fraud block literal - x\n\xef\xbb\xbf"
                 "b.1 fraud block literal - y\n",
                 "bom2.rules:2: bad rule id '\xef\xbb\xbf"
                 "b.1' (1-63 of A-Z a-z 0-9 _ . : -)");
}

static const struct ss_test tests[] = {
    SS_TEST(test_rules_good_file_loads_every_field),
    SS_TEST(test_rules_word_list_takes_base_name_category_and_alert),
    SS_TEST(test_rules_folder_loads_rules_and_txt_in_name_order),
    SS_TEST(test_rules_bad_lines_name_file_and_line),
    SS_TEST(test_rules_bad_regex_named_by_line),
    SS_TEST(test_rules_duplicate_id_reported_at_second_line),
    SS_TEST(test_rules_combination_unknown_id_rejected),
    SS_TEST(test_rules_missing_path_rejected),
    SS_TEST(test_rules_error_in_second_file_leaves_nothing),
    SS_TEST(test_rules_overlong_line_rejected),
    SS_TEST(test_rules_non_utf8_and_nul_refused_by_line),
    SS_TEST(test_rules_bom_before_first_line_skipped),
};

int main(void)
{
    return SS_RUN_SUITE("rules", setup, teardown, tests) != 0;
}
