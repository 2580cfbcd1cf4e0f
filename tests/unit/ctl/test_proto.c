/* The control channel's request grammar and reply helpers (proto.h).
 * Lines are written out by hand from the grammar in proto.h. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/ctl/proto.h"
#include "tests/unit/runner.h"

static enum ss_result parse(const char *line, struct ss_ctl_request *rq)
{
    return ss_ctl_parse(line, strlen(line), rq);
}

static void test_every_verb_without_argument_parses(void)
{
    static const struct {
        const char *line;
        enum ss_ctl_verb verb;
    } cases[] = {
        {"rules status", SS_CTL_RULES_STATUS},     {"rules history", SS_CTL_RULES_HISTORY},
        {"rules rollback", SS_CTL_RULES_ROLLBACK}, {"stats", SS_CTL_STATS},
        {"lists show", SS_CTL_LISTS_SHOW},
    };
    struct ss_ctl_request rq;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CU_ASSERT_EQUAL(parse(cases[i].line, &rq), SS_OK);
        CU_ASSERT_EQUAL(rq.verb, cases[i].verb);
        CU_ASSERT_EQUAL(rq.arg_len, 0);
    }
}

static void test_push_path_is_rest_of_line_with_spaces(void)
{
    struct ss_ctl_request rq;
    CU_ASSERT_EQUAL(parse("rules push /tmp/my rules/a.ssb", &rq), SS_OK);
    CU_ASSERT_EQUAL(rq.verb, SS_CTL_RULES_PUSH);
    CU_ASSERT_EQUAL(rq.arg_len, strlen("/tmp/my rules/a.ssb"));
    CU_ASSERT_NSTRING_EQUAL(rq.arg, "/tmp/my rules/a.ssb", rq.arg_len);
}

static void test_lists_add_names_list_and_sender(void)
{
    struct ss_ctl_request rq;
    CU_ASSERT_EQUAL(parse("lists add blocklist 8613912345678", &rq), SS_OK);
    CU_ASSERT_EQUAL(rq.verb, SS_CTL_LISTS_ADD);
    CU_ASSERT_EQUAL(rq.list, SS_LIST_BLOCK);
    CU_ASSERT_NSTRING_EQUAL(rq.arg, "8613912345678", rq.arg_len);
    CU_ASSERT_EQUAL(parse("lists remove allowlist My Bank", &rq), SS_OK);
    CU_ASSERT_EQUAL(rq.verb, SS_CTL_LISTS_REMOVE);
    CU_ASSERT_EQUAL(rq.list, SS_LIST_ALLOW);
    CU_ASSERT_NSTRING_EQUAL(rq.arg, "My Bank", rq.arg_len);
}

static void test_unknown_verb_or_list_is_bad_tag(void)
{
    struct ss_ctl_request rq;
    CU_ASSERT_EQUAL(parse("rules delete", &rq), SS_BAD_TAG);
    CU_ASSERT_EQUAL(parse("statsx", &rq), SS_BAD_TAG);
    CU_ASSERT_EQUAL(parse("", &rq), SS_BAD_TAG);
    CU_ASSERT_EQUAL(parse("lists add greylist 1", &rq), SS_BAD_TAG);
    CU_ASSERT_EQUAL(parse("lists add blocklistx 1", &rq), SS_BAD_TAG);
}

static void test_missing_or_extra_argument_is_bad_length(void)
{
    struct ss_ctl_request rq;
    CU_ASSERT_EQUAL(parse("rules push", &rq), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(parse("rules push ", &rq), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(parse("lists add blocklist", &rq), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(parse("lists add blocklist ", &rq), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(parse("stats now", &rq), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(parse("rules status ", &rq), SS_BAD_LENGTH);
}

static void test_control_character_or_nul_is_bad_value(void)
{
    struct ss_ctl_request rq;
    CU_ASSERT_EQUAL(parse("rules push /a\tb", &rq), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(parse("stats\r", &rq), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_ctl_parse("stats\0x", 7, &rq), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(parse("lists add blocklist a\x7f", &rq), SS_BAD_VALUE);
}

static void test_oversize_line_and_sender_are_refused(void)
{
    static char line[SS_CTL_LINE_MAX + 1];
    struct ss_ctl_request rq;
    memset(line, 'a', sizeof line - 1);
    memcpy(line, "rules push /", 12);
    CU_ASSERT_EQUAL(ss_ctl_parse(line, SS_CTL_LINE_MAX, &rq), SS_OVERSIZE);
    /* 47 characters fit (SS_CTL_SENDER_MAX), 48 do not. */
    char s[128] = "lists add allowlist ";
    size_t base = strlen(s);
    memset(s + base, '7', SS_CTL_SENDER_MAX);
    CU_ASSERT_EQUAL(ss_ctl_parse(s, base + SS_CTL_SENDER_MAX, &rq), SS_OK);
    s[base + SS_CTL_SENDER_MAX] = '7';
    CU_ASSERT_EQUAL(ss_ctl_parse(s, base + SS_CTL_SENDER_MAX + 1, &rq), SS_OVERSIZE);
}

static void test_format_writes_a_line_that_parses_back(void)
{
    char buf[128];
    struct ss_ctl_request rq = {
        .verb = SS_CTL_LISTS_ADD, .list = SS_LIST_ALLOW, .arg = "Bank", .arg_len = 4};
    CU_ASSERT_EQUAL(ss_ctl_format(&rq, buf, sizeof buf), strlen("lists add allowlist Bank\n"));
    CU_ASSERT_STRING_EQUAL(buf, "lists add allowlist Bank\n");
    rq = (struct ss_ctl_request){.verb = SS_CTL_STATS};
    CU_ASSERT_EQUAL(ss_ctl_format(&rq, buf, sizeof buf), 6);
    CU_ASSERT_STRING_EQUAL(buf, "stats\n");
}

static void test_format_refuses_what_would_not_parse_or_fit(void)
{
    char buf[16];
    struct ss_ctl_request rq = {.verb = SS_CTL_RULES_PUSH, .arg = "/a\nb", .arg_len = 4};
    CU_ASSERT_EQUAL(ss_ctl_format(&rq, buf, sizeof buf), 0);
    rq = (struct ss_ctl_request){
        .verb = SS_CTL_RULES_PUSH, .arg = "/a/very/long/path.ssb", .arg_len = 21};
    CU_ASSERT_EQUAL(ss_ctl_format(&rq, buf, sizeof buf), 0);
    rq = (struct ss_ctl_request){.verb = SS_CTL_RULES_PUSH};
    CU_ASSERT_EQUAL(ss_ctl_format(&rq, buf, sizeof buf), 0);
}

static void test_error_reply_is_escaped_and_read_back(void)
{
    static struct ss_ctl_reply r;
    char text[64];
    ss_ctl_reply_error(&r, "bad \"x\"\\\n");
    size_t n = ss_ctl_reply_end(&r);
    CU_ASSERT_EQUAL(n, strlen("{\"ok\":false,\"error\":\"bad \\\"x\\\"\\\\\\u000a\"}\n"));
    CU_ASSERT_NSTRING_EQUAL(r.buf, "{\"ok\":false,\"error\":\"bad \\\"x\\\"\\\\\\u000a\"}\n", n);
    CU_ASSERT_FALSE(ss_ctl_reply_is_ok(r.buf, n));
    ss_ctl_reply_error_text(r.buf, n, text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "bad \"x\"\\\n");
}

static void test_ok_reply_is_recognised_and_has_no_error(void)
{
    const char *ok = "{\"ok\":true,\"version\":7}\n";
    char text[8] = "x";
    CU_ASSERT_TRUE(ss_ctl_reply_is_ok(ok, strlen(ok)));
    CU_ASSERT_FALSE(ss_ctl_reply_is_ok("{\"ok\":tru", 9));
    ss_ctl_reply_error_text(ok, strlen(ok), text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "");
}

static void test_error_text_truncated_reply_stays_in_bounds(void)
{
    const char *cut = "{\"ok\":false,\"error\":\"abc\\u00";
    char text[8];
    ss_ctl_reply_error_text(cut, strlen(cut), text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "abc");
    ss_ctl_reply_error_text(cut, strlen(cut), text, 3);
    CU_ASSERT_STRING_EQUAL(text, "ab");
}

static void test_reply_overflow_becomes_an_error_reply(void)
{
    static struct ss_ctl_reply r;
    static char big[SS_CTL_REPLY_MAX];
    memset(big, 'a', sizeof big - 1);
    ss_ctl_reply_raw(&r, "{\"ok\":true,\"x\":");
    ss_ctl_reply_str(&r, big, sizeof big - 1);
    size_t n = ss_ctl_reply_end(&r);
    CU_ASSERT_FALSE(ss_ctl_reply_is_ok(r.buf, n));
    CU_ASSERT_EQUAL(r.buf[n - 1], '\n');
}

static const struct ss_test tests[] = {
    SS_TEST(test_every_verb_without_argument_parses),
    SS_TEST(test_push_path_is_rest_of_line_with_spaces),
    SS_TEST(test_lists_add_names_list_and_sender),
    SS_TEST(test_unknown_verb_or_list_is_bad_tag),
    SS_TEST(test_missing_or_extra_argument_is_bad_length),
    SS_TEST(test_control_character_or_nul_is_bad_value),
    SS_TEST(test_oversize_line_and_sender_are_refused),
    SS_TEST(test_format_writes_a_line_that_parses_back),
    SS_TEST(test_format_refuses_what_would_not_parse_or_fit),
    SS_TEST(test_error_reply_is_escaped_and_read_back),
    SS_TEST(test_ok_reply_is_recognised_and_has_no_error),
    SS_TEST(test_error_text_truncated_reply_stays_in_bounds),
    SS_TEST(test_reply_overflow_becomes_an_error_reply),
};

int main(void)
{
    return SS_RUN_SUITE("ctl_proto", NULL, NULL, tests) != 0;
}
