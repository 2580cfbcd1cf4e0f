/* The fpga-sim matcher (dataplane/fpga/fpga_matcher.c) against the
 * Hyperscan backend on the same rules and texts: the rule split, zero
 * hits, hits reported once per scan, texts longer than the block's 16-bit
 * length field, and the serialised table image. */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/fpga/fpga_matcher.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static struct ss_tmpdir tmp;
static const char *file;
static char err[SS_RULES_ERR_MAX];

/* Rule indices follow line order. */
static const char rules_text[] =
    "lit.prize fraud block literal     - 中奖\n"                     /* 0: block */
    "lit.stop  fraud alert literal     - 退订\n"                     /* 1: block */
    "lit.dup   fraud alert literal     - 中奖\n"                     /* 2: block, same bytes */
    "lit.q     fraud alert literal     q 银行\n"                     /* 3: CPU, quiet */
    "re.1      fraud alert regex       - \\d+元\n"                   /* 4: CPU */
    "c.1       fraud block combination - lit.q\n"                    /* 5: CPU */
    "lit.long  fraud alert literal     - 一二三四五六七八九十甲乙\n" /* 6: CPU, 36 bytes */
    "lit.ascii fraud alert literal     - needle\n";                  /* 7: block */

static int setup(void)
{
    if (!ss_tmpdir_make(&tmp, "fpga"))
        return 1;
    file = ss_tmpdir_write(&tmp, "f.rules", rules_text);
    return file == NULL;
}

static int teardown(void)
{
    return ss_tmpdir_remove(&tmp);
}

struct judged {
    struct ss_ruleset *rs;
    struct ss_ruleset_scratch *tmpl, *sc;
};

static bool judge_open(struct judged *j, const struct ss_matcher_ops *primary)
{
    struct ss_rules rules;
    const char *path = file;
    memset(j, 0, sizeof *j);
    return ss_rules_load(&rules, &path, 1, err, sizeof err) == SS_OK &&
           ss_ruleset_build(&rules, primary, SS_PRES_DEFAULT, 1, &j->rs, err, sizeof err) ==
               SS_OK &&
           ss_ruleset_scratch_alloc(j->rs, &j->tmpl) == SS_OK &&
           ss_ruleset_scratch_clone(j->tmpl, j->rs, &j->sc) == SS_OK;
}

static bool judge_open_or_say(struct judged *j, const struct ss_matcher_ops *primary)
{
    bool ok = judge_open(j, primary);
    if (!ok)
        fprintf(stderr, "%s\n", err);
    return ok;
}

static void judge_close(struct judged *j)
{
    ss_ruleset_scratch_free(j->rs, j->sc);
    ss_ruleset_scratch_free(j->rs, j->tmpl);
    ss_ruleset_free(j->rs);
}

/* Bit i set: rule i hit. Fails if a rule is listed twice. */
static uint32_t hit_mask(const struct ss_hits *h)
{
    uint32_t m = 0;
    CU_ASSERT_FATAL(h->n <= SS_HITS_MAX);
    for (uint32_t i = 0; i < h->n; i++) {
        CU_ASSERT((m & 1u << h->rule[i]) == 0);
        m |= 1u << h->rule[i];
    }
    return m;
}

/* Rules hit by the UTF-8 text, normalised into the rule set's
 * presentation. */
static uint32_t scan_utf8(struct judged *j, const char *text)
{
    size_t n = 0;
    ss_normalize(j->rs->pres, text, strlen(text), j->sc->text, sizeof j->sc->text, &n);
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scan(j->rs, j->sc, j->sc->text, n), SS_OK);
    return hit_mask(&j->sc->hits);
}

static uint32_t scan_bytes(struct judged *j, const uint8_t *text, size_t len)
{
    CU_ASSERT_EQUAL_FATAL(ss_ruleset_scan(j->rs, j->sc, text, len), SS_OK);
    return hit_mask(&j->sc->hits);
}

static void test_fpga_sim_is_found_by_name(void)
{
    CU_ASSERT_PTR_EQUAL(ss_matcher_find("fpga-sim"), &ss_fpga_sim_matcher);
    CU_ASSERT_TRUE(ss_matcher_optional("fpga-sim"));
    CU_ASSERT_FALSE(ss_matcher_optional("nosuch"));
}

/* Quiet, regex, combination and too-long rules stay on the CPU. */
static void test_fpga_sim_takes_short_reported_literals_only(void)
{
    struct judged j;
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&j, &ss_fpga_sim_matcher));
    bool want[8] = {true, true, true, false, false, false, false, true};
    for (size_t i = 0; i < 8; i++)
        CU_ASSERT_EQUAL(ss_fpga_sim_matcher.accepts(&j.rs->rules, i), want[i]);
    CU_ASSERT_EQUAL(j.rs->n_parts, 2u);
    CU_ASSERT_PTR_EQUAL(j.rs->part[0].ops, &ss_fpga_sim_matcher);
    CU_ASSERT_PTR_EQUAL(j.rs->part[1].ops, &ss_hs_matcher);
    judge_close(&j);
}

static void test_fpga_sim_message_without_keyword_completes_with_no_hits(void)
{
    struct judged j;
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&j, &ss_fpga_sim_matcher));
    CU_ASSERT_EQUAL(scan_utf8(&j, "今天下午三点开会，请准时参加"), 0u);
    CU_ASSERT_EQUAL(scan_utf8(&j, ""), 0u);
    CU_ASSERT_EQUAL(scan_utf8(&j, "中奖"), 1u << 0 | 1u << 2); /* the card still answers */
    judge_close(&j);
}

/* Four occurrences of one literal under two rules, twice another: each
 * rule once, as Hyperscan (SINGLEMATCH) reports them; the next scan
 * starts afresh. */
static void test_fpga_sim_repeated_hits_reported_once_per_scan(void)
{
    struct judged f, h;
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&f, &ss_fpga_sim_matcher));
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&h, &ss_hs_matcher));
    const char *text = "中奖中奖！退订中奖 中奖，回T退订";
    CU_ASSERT_EQUAL(scan_utf8(&f, text), 1u << 0 | 1u << 1 | 1u << 2);
    CU_ASSERT_EQUAL(f.sc->hits.n, 3u);
    CU_ASSERT_EQUAL(scan_utf8(&f, text), scan_utf8(&h, text));
    CU_ASSERT_EQUAL(scan_utf8(&f, "退订"), 1u << 1);
    judge_close(&f);
    judge_close(&h);
}

/* Both backends on texts mixing block and CPU rules. */
static void test_fpga_sim_agrees_with_hyperscan_on_mixed_texts(void)
{
    static const char *const texts[] = {
        "银行通知：您已中奖5000元，退订回T",
        "一二三四五六七八九十甲乙丙",
        "中 奖 啦",
        "ＮＥＥＤＬＥ in a haystack",
        "needl e",
        "银行",
        "100元",
    };
    struct judged f, h;
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&f, &ss_fpga_sim_matcher));
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&h, &ss_hs_matcher));
    uint32_t seen = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        uint32_t m = scan_utf8(&h, texts[i]);
        CU_ASSERT_EQUAL(scan_utf8(&f, texts[i]), m);
        seen |= m;
    }
    CU_ASSERT_EQUAL(seen, 0xf7u); /* every rule but the quiet one was hit */
    judge_close(&f);
    judge_close(&h);
}

/* Longer than the 65,535 bytes a header can carry: the text goes in
 * overlapping windows. A keyword across the first window's end, one at
 * the very end and none at all give Hyperscan's verdicts. */
static void test_fpga_sim_text_beyond_block_length_judged_as_hyperscan(void)
{
    const size_t len = 140000;
    uint8_t *text = malloc(len);
    struct judged f, h;
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&f, &ss_fpga_sim_matcher));
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&h, &ss_hs_matcher));
    memset(text, 'x', len);
    CU_ASSERT_EQUAL(scan_bytes(&f, text, len), 0u);
    memcpy(text + 65535 - 3, "needle", 6);
    CU_ASSERT_EQUAL(scan_bytes(&f, text, len), 1u << 7);
    CU_ASSERT_EQUAL(scan_bytes(&h, text, len), 1u << 7);
    memset(text, 'x', len);
    memcpy(text + len - 6, "needle", 6);
    CU_ASSERT_EQUAL(scan_bytes(&f, text, len), 1u << 7);
    memset(text, 'x', len);
    /* windows [0, 65535), [65504, 131039), [131008, 140000) */
    memcpy(text + 131039 - 3, "needle", 6);
    CU_ASSERT_EQUAL(scan_bytes(&f, text, len), 1u << 7);
    CU_ASSERT_EQUAL(scan_bytes(&f, text, 131039 - 1), 0u); /* cut inside the keyword */
    judge_close(&f);
    judge_close(&h);
    free(text);
}

/* A bundle carries the part as a table image: it loads into a new card
 * that judges as the original; other bytes are refused. */
static void test_fpga_sim_image_round_trips_and_refuses_garbage(void)
{
    struct judged f;
    CU_ASSERT_TRUE_FATAL(judge_open_or_say(&f, &ss_fpga_sim_matcher));
    const struct ss_matcher_ops *ops = &ss_fpga_sim_matcher;
    char *bytes = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(ops->serialize(f.rs->part[0].db, &bytes, &len), SS_OK);
    struct ss_matcher_db *db = NULL;
    struct ss_matcher_scratch *s = NULL;
    CU_ASSERT_EQUAL_FATAL(ops->deserialize(bytes, len, &db, err, sizeof err), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ops->scratch_alloc(db, &s), SS_OK);
    struct ss_hits hits = {0};
    const char *text = "needle 中奖";
    size_t n = 0;
    ss_normalize(f.rs->pres, text, strlen(text), f.sc->text, sizeof f.sc->text, &n);
    CU_ASSERT_EQUAL(ops->scan(db, s, f.sc->text, n, &hits), SS_OK);
    CU_ASSERT_EQUAL(hit_mask(&hits), 1u << 0 | 1u << 2 | 1u << 7);
    ops->scratch_free(s);
    ops->db_free(db);

    struct ss_matcher_db *bad = NULL;
    CU_ASSERT_EQUAL(ops->deserialize(bytes, len - 1, &bad, err, sizeof err), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ops->deserialize(bytes, 12, &bad, err, sizeof err), SS_BAD_VALUE);
    bytes[12]++; /* the geometry word */
    CU_ASSERT_EQUAL(ops->deserialize(bytes, len, &bad, err, sizeof err), SS_BAD_VALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "geometry"));
    CU_ASSERT_PTR_NULL(bad);
    free(bytes);
    judge_close(&f);
}

static const struct ss_test tests[] = {
    SS_TEST(test_fpga_sim_is_found_by_name),
    SS_TEST(test_fpga_sim_takes_short_reported_literals_only),
    SS_TEST(test_fpga_sim_message_without_keyword_completes_with_no_hits),
    SS_TEST(test_fpga_sim_repeated_hits_reported_once_per_scan),
    SS_TEST(test_fpga_sim_agrees_with_hyperscan_on_mixed_texts),
    SS_TEST(test_fpga_sim_text_beyond_block_length_judged_as_hyperscan),
    SS_TEST(test_fpga_sim_image_round_trips_and_refuses_garbage),
};

int main(void)
{
    return SS_RUN_SUITE("fpga-sim matcher", setup, teardown, tests) != 0;
}
