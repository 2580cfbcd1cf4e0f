#include "dataplane/core/screen.h"

#include <inttypes.h>
#include <string.h>

#include "dataplane/output/event_json.h"

enum ss_result ss_screen_init(struct ss_screen *s, const struct ss_ruleset *rs,
                              const struct ss_ruleset_scratch *tmpl, unsigned worker, bool all)
{
    memset(s, 0, sizeof(*s));
    s->rs = rs;
    s->worker = worker;
    s->all = all;
    s->events = true;
    return ss_ruleset_scratch_clone(tmpl, rs, &s->scratch);
}

void ss_screen_fini(struct ss_screen *s)
{
    if (s->scratch)
        ss_ruleset_scratch_free(s->rs, s->scratch);
    s->scratch = NULL;
}

/* A listed sender overrides the rules: allowlisted passes, blocklisted
 * is blocked (the same precedence as pass rules, policy.h). */
static void apply_sender_lists(const struct ss_senders *t, const struct ss_sm *sm,
                               struct ss_verdict *v)
{
    int list = ss_senders_find(t, sm->sender, strnlen(sm->sender, sizeof sm->sender));
    if (list == SS_LIST_ALLOW) {
        v->allowlisted = v->action != SS_ACTION_NONE;
        v->action = SS_ACTION_NONE;
    } else if (list == SS_LIST_BLOCK) {
        v->action = SS_ACTION_BLOCK;
    }
    if (list == SS_LIST_ALLOW || list == SS_LIST_BLOCK)
        v->sender_list = ss_sender_list_name((enum ss_sender_list)list);
}

size_t ss_screen_sm(struct ss_screen *s, const struct ss_sm *sm, char *buf, size_t cap,
                    bool *flagged)
{
    struct ss_verdict v;
    if (ss_judge(s->rs, s->scratch, sm->text, sm->text_len, &v) != SS_OK)
        s->judge_errors++;
    apply_sender_lists(s->senders, sm, &v);
    ss_summary_add(&s->summary, sm, &v);
    *flagged = v.action >= SS_ACTION_ALERT;
    if (!s->events || (!*flagged && !s->all))
        return 0;
    return ss_event_json(buf, cap, sm, s->rs, &v, s->worker, s->pseudonym);
}

void ss_screen_report(FILE *f, const struct ss_ruleset *rs, const char *matcher,
                      const struct ss_summary *sum, uint64_t judge_errors, unsigned top,
                      const struct ss_pseudonym *ps)
{
    fprintf(f, "rule set %" PRIu64 ": %zu rules, matcher %s\n", rs->version, rs->rules.n,
            matcher);
    ss_summary_print(f, sum, &rs->rules, top, ps);
    if (judge_errors != 0)
        fprintf(f, "judge errors %" PRIu64 " (judged on partial hits)\n", judge_errors);
}
