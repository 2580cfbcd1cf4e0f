/* core/screen.c: a message is judged by the rules, then a sender list
 * overrides the verdict and the event names the list; flagged messages
 * get an event, others only with --all, and none when events are off; a
 * user's spam report is passed, written and counted; --mt-max alert caps
 * the rules on MT messages. */
#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/screen.h"
#include "dataplane/match/ruleset_files.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static struct ss_tmpdir tmp;
static struct ss_ruleset *rs;
static struct ss_ruleset_scratch *tmpl;
static struct ss_senders *lists;
static char line[16384];

static int setup(void)
{
    char err[512];
    const char *path;
    if (!ss_tmpdir_make(&tmp, "screen") ||
        (path = ss_tmpdir_write(&tmp, "s.rules",
                                "w.1 gambling alert literal - casino\n"
                                "f.1 fraud block literal - wire money\n")) == NULL)
        return 1;
    rs = ss_ruleset_from_files(&path, 1, &ss_hs_matcher, err, sizeof err);
    lists = ss_senders_clone(NULL);
    if (rs == NULL || lists == NULL || ss_ruleset_scratch_alloc(rs, &tmpl) != SS_OK)
        return 1;
    if (ss_senders_add(lists, SS_LIST_BLOCK, "100", 3) != SS_OK ||
        ss_senders_add(lists, SS_LIST_ALLOW, "200", 3) != SS_OK)
        return 1;
    return 0;
}

static int teardown(void)
{
    ss_senders_free(lists);
    ss_ruleset_scratch_free(rs, tmpl);
    ss_ruleset_free(rs);
    return ss_tmpdir_remove(&tmp);
}

static void make_sm(struct ss_sm *sm, const char *sender, const char *text)
{
    memset(sm, 0, sizeof *sm);
    sm->has_recipient = true;
    strcpy(sm->recipient, "8613900000009");
    sm->dir = SS_DIR_MO;
    sm->opcode = 46;
    sm->parts = 1;
    sm->has_text = true;
    snprintf(sm->sender, sizeof sm->sender, "%s", sender);
    sm->text_len = strlen(text);
    memcpy(sm->text, text, sm->text_len + 1);
}

/* Screens one message; returns the event line ("" when none). */
static const char *screen(struct ss_screen *s, const char *sender, const char *text, bool *flagged)
{
    static struct ss_sm sm;
    make_sm(&sm, sender, text);
    size_t n = ss_screen_sm(s, &sm, line, sizeof line, flagged);
    line[n] = '\0';
    return line;
}

static void test_screen_rules_then_sender_lists_decide_and_event_names_list(void)
{
    struct ss_screen s;
    bool flagged;
    CU_ASSERT_EQUAL_FATAL(ss_screen_init(&s, rs, tmpl, 0, false), SS_OK);
    s.senders = lists;

    const char *e = screen(&s, "300", "big CASINO win", &flagged);
    CU_ASSERT_TRUE(flagged);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"verdict\":\"alert\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"rules\":[\"w.1\"]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"sender_list\":null"));

    e = screen(&s, "100", "hello", &flagged); /* blocklisted, no rule hit */
    CU_ASSERT_TRUE(flagged);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"verdict\":\"block\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"rules\":[]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"sender_list\":\"blocklist\""));

    e = screen(&s, "200", "casino", &flagged); /* allowlisted: passes, no event */
    CU_ASSERT_FALSE(flagged);
    CU_ASSERT_STRING_EQUAL(e, "");

    e = screen(&s, "300", "hello", &flagged); /* clean, not --all: no event */
    CU_ASSERT_FALSE(flagged);
    CU_ASSERT_STRING_EQUAL(e, "");
    ss_screen_fini(&s);
}

static void test_screen_all_writes_every_message_with_its_list(void)
{
    struct ss_screen s;
    bool flagged;
    CU_ASSERT_EQUAL_FATAL(ss_screen_init(&s, rs, tmpl, 1, true), SS_OK);
    s.senders = lists;
    const char *e = screen(&s, "200", "casino", &flagged);
    CU_ASSERT_FALSE(flagged);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"verdict\":\"pass\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"rules\":[\"w.1\"]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"sender_list\":\"allowlist\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"worker\":1"));
    e = screen(&s, "300", "hello", &flagged);
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "\"verdict\":\"pass\""));
    ss_screen_fini(&s);
}

static void test_screen_events_off_formats_nothing_but_still_judges(void)
{
    struct ss_screen s;
    bool flagged;
    CU_ASSERT_EQUAL_FATAL(ss_screen_init(&s, rs, tmpl, 0, true), SS_OK);
    s.events = false;
    const char *e = screen(&s, "300", "casino", &flagged);
    CU_ASSERT_TRUE(flagged);
    CU_ASSERT_STRING_EQUAL(e, "");
    ss_screen_fini(&s);
}

static void test_a_spam_report_is_passed_written_and_counted(void)
{
    struct ss_screen s;
    struct ss_screen_cfg cfg;
    struct ss_sm sm;
    bool flagged;
    char err[128];
    const char *bad[] = {"10086999", "12a"}, *ok[] = {"10086999"};
    const struct ss_screen_opts refused = {.reports = bad, .n_reports = 2};
    const struct ss_screen_opts taken = {.reports = ok, .n_reports = 1};
    CU_ASSERT_EQUAL(ss_screen_cfg_setup(&cfg, NULL, &refused, err, sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "--report-number: report number '12a': expected 1 to 40 digits");
    CU_ASSERT_EQUAL_FATAL(ss_screen_cfg_setup(&cfg, NULL, &taken, err, sizeof err), 0);
    CU_ASSERT_EQUAL(cfg.reports.n, 1);
    CU_ASSERT_STRING_EQUAL(cfg.ports.number[0], "106");
    CU_ASSERT_EQUAL_FATAL(ss_screen_init(&s, rs, tmpl, 0, false), SS_OK);
    s.cfg = &cfg;

    make_sm(&sm, "300", "fwd: big CASINO win");
    strcpy(sm.recipient, "10086999");
    size_t n = ss_screen_sm(&s, &sm, line, sizeof line, &flagged);
    line[n] = '\0';
    CU_ASSERT_FALSE(flagged);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"verdict\":\"pass\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"categories\":[\"gambling\"]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"rules\":[\"w.1\"]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"report\":true"));

    make_sm(&sm, "300", "hello");
    strcpy(sm.recipient, "10086999");
    n = ss_screen_sm(&s, &sm, line, sizeof line, &flagged);
    line[n] = '\0';
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"report\":true")); /* written though clean */

    make_sm(&sm, "300", "big CASINO win");
    strcpy(sm.recipient, "1008699"); /* not the number */
    n = ss_screen_sm(&s, &sm, line, sizeof line, &flagged);
    line[n] = '\0';
    CU_ASSERT_TRUE(flagged);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"report\":false"));

    CU_ASSERT_EQUAL(s.summary.reports, 2);
    CU_ASSERT_EQUAL(s.summary.reports_flagged, 1);
    CU_ASSERT_EQUAL(s.summary.flagged, 1);
    ss_screen_fini(&s);
}

static void test_mt_max_alert_caps_the_rules_on_mt_but_not_the_blocklist(void)
{
    struct ss_screen s;
    struct ss_screen_cfg cfg;
    struct ss_sm sm;
    bool flagged;
    char err[128];
    const struct ss_screen_opts o = {.mt_max = "alert"}, bad = {.mt_max = "pass"};
    CU_ASSERT_EQUAL(ss_screen_cfg_setup(&cfg, NULL, &bad, err, sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "--mt-max: 'pass': expected alert or block");
    CU_ASSERT_EQUAL_FATAL(ss_screen_cfg_setup(&cfg, NULL, &o, err, sizeof err), 0);
    CU_ASSERT_EQUAL_FATAL(ss_screen_init(&s, rs, tmpl, 0, false), SS_OK);
    s.cfg = &cfg;
    s.senders = lists;

    make_sm(&sm, "300", "please wire money now");
    size_t n = ss_screen_sm(&s, &sm, line, sizeof line, &flagged);
    line[n] = '\0';
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"verdict\":\"block\"")); /* MO: as the rules say */

    sm.dir = SS_DIR_MT;
    n = ss_screen_sm(&s, &sm, line, sizeof line, &flagged);
    line[n] = '\0';
    CU_ASSERT_TRUE(flagged);
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"verdict\":\"alert\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"rules\":[\"f.1\"]"));

    make_sm(&sm, "100", "hello"); /* a blocklisted sender is blocked on MT too */
    sm.dir = SS_DIR_MT;
    n = ss_screen_sm(&s, &sm, line, sizeof line, &flagged);
    line[n] = '\0';
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "\"verdict\":\"block\""));
    ss_screen_fini(&s);
}

static const struct ss_test tests[] = {
    SS_TEST(test_mt_max_alert_caps_the_rules_on_mt_but_not_the_blocklist),
    SS_TEST(test_a_spam_report_is_passed_written_and_counted),
    SS_TEST(test_screen_rules_then_sender_lists_decide_and_event_names_list),
    SS_TEST(test_screen_all_writes_every_message_with_its_list),
    SS_TEST(test_screen_events_off_formats_nothing_but_still_judges),
};

int main(void)
{
    return SS_RUN_SUITE("screen", setup, teardown, tests) != 0;
}
