#include <CUnit/Basic.h>
#include <limits.h>
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

/* The source is UTF-8, so rule lines are written as a rule file would be. */
static const char rules_text[] = "l.1 fraud       block literal     - 中奖\n"
                                 "l.2 advertising alert literal     - 回T退订\n"
                                 "r.1 phishing    alert regex       - 加微信[a-z0-9]{5,}\n"
                                 "r.2 fraud       alert regex       - \\d+元\n"
                                 "r.3 fraud       alert regex       - 恭喜.{0,2}获得\n"
                                 "q.1 fraud       alert literal     q 银行\n"
                                 "q.2 fraud       alert literal     q 冻结\n"
                                 "c.1 fraud       block combination - q.1 & q.2 & !l.1\n";

/* Root of the source tree, from this file's path as meson passes it:
 * relative to the build directory, which holds tests/<this binary>. */
static void source_path(char *out, size_t cap, const char *rel)
{
    const char *self = __FILE__;
    int n = (int)(strlen(self) - strlen("tests/unit/match/test_hs_matcher.c"));
    char exe[512] = "";
    if (self[0] != '/' && realpath("/proc/self/exe", exe) != NULL) {
        for (int up = 0; up < 2 && strrchr(exe, '/'); up++)
            *strrchr(exe, '/') = '\0';
        strcat(exe, "/");
    }
    snprintf(out, cap, "%s%.*s%s", exe, n, self, rel);
}

static int setup(void)
{
    if (!ss_tmpdir_make(&tmp, "hs"))
        return 1;
    file = ss_tmpdir_write(&tmp, "t.rules", rules_text);
    return file == NULL;
}

static int teardown(void)
{
    return ss_tmpdir_remove(&tmp);
}

static struct ss_ruleset *build(enum ss_presentation p)
{
    struct ss_rules rules;
    struct ss_ruleset *rs = NULL;
    const char *path = file;
    if (ss_rules_load(&rules, &path, 1, err, sizeof err) != SS_OK)
        return NULL;
    if (ss_ruleset_build(&rules, &ss_hs_matcher, p, 7, &rs, err, sizeof err) != SS_OK)
        return NULL;
    return rs;
}

static int by_value(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Scans text and writes the hit rule ids, sorted, space-separated. */
static void scan_ids(const struct ss_ruleset *rs, struct ss_ruleset_scratch *sc, const char *text,
                     char *ids, size_t cap)
{
    size_t n;
    ss_normalize(rs->pres, text, strlen(text), sc->text, sizeof sc->text, &n);
    CU_ASSERT_EQUAL(ss_ruleset_scan(rs, sc, sc->text, n), SS_OK);
    qsort(sc->hits.rule, sc->hits.n, sizeof sc->hits.rule[0], by_value);
    ids[0] = '\0';
    for (uint32_t i = 0; i < sc->hits.n; i++)
        snprintf(ids + strlen(ids), cap - strlen(ids), "%s%s", i ? " " : "",
                 rs->rules.rule[sc->hits.rule[i]].id);
}

/* want is an array, not a pointer: a pointer handed to strcmp and then
 * printed gets a null path from UBSan's nonnull-argument check, which
 * GCC's -Wformat-overflow reports in the sanitizer build. */
static const struct {
    const char *text;
    char want[16];
} cases[] = {
    {"恭喜中奖！", "l.1"},
    {"中 奖 中奖", "l.1"}, /* normalised; reported once */
    {"回 t 退订", "l.2"},
    {"加微信：Abc123 50元", "r.1 r.2"},
    {"加微信 abc", ""},          /* too few characters after it */
    {"恭喜您已获得", "r.3"},     /* two characters between */
    {"恭喜您您已获得", ""},      /* three: beyond .{0,2} */
    {"工商银行卡已冻结", "c.1"}, /* quiet q.1 and q.2 not reported */
    {"银行冻结中奖", "l.1"},     /* !l.1 judged over the whole text */
    {"hello", ""},
    {"", ""},
};

static void check_presentation(enum ss_presentation p)
{
    struct ss_ruleset *rs = build(p);
    struct ss_ruleset_scratch *tmpl = NULL, *sc = NULL;
    char ids[256];
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_alloc(rs, &tmpl), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_clone(tmpl, rs, &sc), SS_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        scan_ids(rs, sc, cases[i].text, ids, sizeof ids);
        if (strcmp(ids, cases[i].want) != 0)
            printf("\n%s case %zu: got '%s' want '%s'\n", ss_presentation_name(p), i, ids,
                   cases[i].want);
        CU_ASSERT_STRING_EQUAL(ids, cases[i].want);
    }
    ss_ruleset_scratch_free(rs, sc);
    ss_ruleset_scratch_free(rs, tmpl);
    ss_ruleset_free(rs);
}

static void test_hs_literal_regex_combination_hits_utf8(void)
{
    check_presentation(SS_PRES_UTF8);
}

static void test_hs_literal_regex_combination_hits_utf16le(void)
{
    check_presentation(SS_PRES_UTF16LE);
}

static void test_hs_literal_regex_combination_hits_remap(void)
{
    check_presentation(SS_PRES_REMAP);
}

static void test_hs_serialized_database_round_trips(void)
{
    struct ss_ruleset *rs = build(SS_PRES_REMAP), *copy = NULL;
    struct ss_rules rules;
    struct ss_ruleset_part part = {&ss_hs_matcher, NULL};
    struct ss_ruleset_scratch *sc = NULL;
    const char *path = file;
    char *bytes = NULL, ids[256];
    size_t len = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL_FATAL(rs->n_parts, 1);
    CU_ASSERT_EQUAL_FATAL(ss_hs_matcher.serialize(rs->part[0].db, &bytes, &len), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_hs_matcher.deserialize(bytes, len, &part.db, err, sizeof err), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_rules_load(&rules, &path, 1, err, sizeof err), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_assemble(&rules, SS_PRES_REMAP, 8, &part, 1, &copy), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_alloc(copy, &sc), SS_OK);
    scan_ids(copy, sc, cases[3].text, ids, sizeof ids);
    CU_ASSERT_STRING_EQUAL(ids, "r.1 r.2");
    CU_ASSERT_EQUAL(copy->version, 8);
    bytes[0] ^= 0x5a; /* a damaged header is refused */
    struct ss_matcher_db *bad = NULL;
    CU_ASSERT_EQUAL(ss_hs_matcher.deserialize(bytes, len, &bad, err, sizeof err), SS_BAD_VALUE);
    CU_ASSERT_PTR_NULL(bad);
    CU_ASSERT_EQUAL(ss_hs_matcher.deserialize(bytes, 3, &bad, err, sizeof err), SS_BAD_VALUE);
    free(bytes);
    ss_ruleset_scratch_free(copy, sc);
    ss_ruleset_free(copy);
    ss_ruleset_free(rs);
}

static void test_hs_empty_rule_set_scans_nothing(void)
{
    struct ss_rules rules = {0};
    struct ss_ruleset *rs = NULL;
    struct ss_ruleset_scratch *sc = NULL;
    char ids[64];
    CU_ASSERT_EQUAL_FATAL(
        ss_ruleset_build(&rules, &ss_hs_matcher, SS_PRES_REMAP, 1, &rs, err, sizeof err), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_alloc(rs, &sc), SS_OK);
    scan_ids(rs, sc, "anything", ids, sizeof ids);
    CU_ASSERT_STRING_EQUAL(ids, "");
    ss_ruleset_scratch_free(rs, sc);
    ss_ruleset_free(rs);
}

/* Hyperscan ends a scan early (HS_SCAN_TERMINATED) once every
 * reporting expression is exhausted; with only a combination left to
 * report that is still a complete scan. */
static void test_hs_combination_after_all_rules_fired_is_not_an_error(void)
{
    const char *path = ss_tmpdir_write(
        &tmp, "q.rules", "a fraud alert literal q 银行\nc fraud block combination - a\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(path);
    struct ss_rules rules;
    struct ss_ruleset *rs = NULL;
    struct ss_ruleset_scratch *sc = NULL;
    const char *p = path;
    char ids[64];
    CU_ASSERT_EQUAL_FATAL(ss_rules_load(&rules, &p, 1, err, sizeof err), SS_OK);
    CU_ASSERT_EQUAL_FATAL(
        ss_ruleset_build(&rules, &ss_hs_matcher, SS_PRES_DEFAULT, 1, &rs, err, sizeof err), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_alloc(rs, &sc), SS_OK);
    scan_ids(rs, sc, "工商银行", ids, sizeof ids);
    CU_ASSERT_STRING_EQUAL(ids, "c");
    ss_ruleset_scratch_free(rs, sc);
    ss_ruleset_free(rs);
    unlink(path);
}

/* Every rule of the shipped library loads and compiles in every
 * presentation, and a typical spam text hits its combination. */
static void test_hs_default_library_loads_and_compiles(void)
{
    char lib[512];
    source_path(lib, sizeof lib, "rules");
    for (int p = 0; p < SS_PRES_COUNT; p++) {
        struct ss_rules rules;
        struct ss_ruleset *rs = NULL;
        const char *path = lib;
        enum ss_result r = ss_rules_load(&rules, &path, 1, err, sizeof err);
        if (r != SS_OK)
            printf("\n%s\n", err);
        CU_ASSERT_EQUAL_FATAL(r, SS_OK);
        CU_ASSERT_TRUE(rules.n >= 250);
        r = ss_ruleset_build(&rules, &ss_hs_matcher, (enum ss_presentation)p, 1, &rs, err,
                             sizeof err);
        if (r != SS_OK)
            printf("\n%s\n", err);
        CU_ASSERT_EQUAL_FATAL(r, SS_OK);
        struct ss_ruleset_scratch *sc = NULL;
        char ids[512];
        CU_ASSERT_EQUAL_FATAL(ss_ruleset_scratch_alloc(rs, &sc), SS_OK);
        scan_ids(rs, sc, "【工商银行】您的账户已冻结，请登录 http://t.cn/A6xYz 解冻", ids,
                 sizeof ids);
        CU_ASSERT_PTR_NOT_NULL(strstr(ids, "fraud.combo.1"));
        CU_ASSERT_PTR_NOT_NULL(strstr(ids, "phish.re.1"));
        ss_ruleset_scratch_free(rs, sc);
        ss_ruleset_free(rs);
    }
}

static const struct ss_test tests[] = {
    SS_TEST(test_hs_literal_regex_combination_hits_utf8),
    SS_TEST(test_hs_literal_regex_combination_hits_utf16le),
    SS_TEST(test_hs_literal_regex_combination_hits_remap),
    SS_TEST(test_hs_serialized_database_round_trips),
    SS_TEST(test_hs_empty_rule_set_scans_nothing),
    SS_TEST(test_hs_combination_after_all_rules_fired_is_not_an_error),
    SS_TEST(test_hs_default_library_loads_and_compiles),
};

int main(void)
{
    return SS_RUN_SUITE("hs_matcher", setup, teardown, tests) != 0;
}
