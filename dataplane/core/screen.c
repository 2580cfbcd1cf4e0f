#include "dataplane/core/screen.h"

#include <inttypes.h>
#include <string.h>

#include "dataplane/core/optout.h"
#include "dataplane/output/event_json.h"
#include "dataplane/output/port_json.h"

/* The category whose messages are commercial advertising: ports must
 * offer an opt-out in them (rules/README.md). */
#define AD_CATEGORY "advertising"

static const struct ss_screen_cfg default_cfg = {
    .ports = {.n = 1, .number = {SS_PORT_PREFIX_DEFAULT}},
    .reports = {.n = 1, .number = {SS_REPORT_NUMBER_DEFAULT}},
    .mt_max = SS_ACTION_BLOCK,
};

/* "--OPTION: " before what a setup step wrote into err. */
static int option_failed(const char *option, char *err, size_t cap)
{
    char why[SS_PSEUDONYM_ERR_MAX];
    snprintf(why, sizeof why, "%s", err);
    snprintf(err, cap, "--%s: %s", option, why);
    return -1;
}

int ss_screen_cfg_setup(struct ss_screen_cfg *c, struct ss_pseudonym *ps,
                        const struct ss_screen_opts *o, char *err, size_t cap)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < o->n_ports; i++)
        if (ss_port_prefixes_add(&c->ports, o->ports[i], err, cap) != 0)
            return option_failed("port-prefix", err, cap);
    ss_port_prefixes_default(&c->ports);
    for (size_t i = 0; i < o->n_reports; i++)
        if (ss_numbers_add(&c->reports, "report number", SS_DIGITS_MAX, o->reports[i], err, cap) != 0)
            return option_failed("report-number", err, cap);
    if (c->reports.n == 0)
        c->reports = default_cfg.reports;
    c->port_warn = o->port_warn;
    c->mt_max = SS_ACTION_BLOCK;
    if (o->mt_max != NULL && strcmp(o->mt_max, "alert") == 0) {
        c->mt_max = SS_ACTION_ALERT;
    } else if (o->mt_max != NULL && strcmp(o->mt_max, "block") != 0) {
        snprintf(err, cap, "--mt-max: '%s': expected alert or block", o->mt_max);
        return -1;
    }
    if (o->pseudonym_key == NULL)
        return 0;
    if (ss_pseudonym_setup(ps, o->pseudonym_key, &c->ports, err, cap) != 0)
        return option_failed("pseudonymise", err, cap);
    c->pseudonym = ps;
    return 0;
}

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

/* A user forwarding spam to the report centre must reach it, so a report
 * is never blocked or alerted; what the rules found stays in the verdict
 * and the summary counts how many reports they catch. */
static void apply_report(struct ss_screen *s, const struct ss_sm *sm, struct ss_verdict *v)
{
    if (sm->dir != SS_DIR_MO || !sm->has_recipient || !ss_numbers_has(&s->cfg->reports, sm->recipient))
        return;
    s->summary.reports++;
    s->summary.reports_flagged += v->action >= SS_ACTION_ALERT;
    v->report = true;
    v->action = SS_ACTION_NONE;
}

static uint64_t ad_bit(struct ss_screen *s)
{
    if (s->ad_rs != s->rs || s->ad_version != s->rs->version) {
        s->ad_rs = s->rs;
        s->ad_version = s->rs->version;
        s->ad_bit = 0;
        for (unsigned c = 0; c < s->rs->rules.n_categories; c++)
            if (strcmp(s->rs->rules.category[c], AD_CATEGORY) == 0)
                s->ad_bit = 1ull << c;
    }
    return s->ad_bit;
}

/* Counts sm under its port when a port sent it (MT) or it asks a port to
 * stop (MO); the port's entry, or NULL when it concerns none. */
static struct ss_port_count *watch_ports(struct ss_screen *s, const struct ss_sm *sm,
                                         const struct ss_verdict *v)
{
    const struct ss_numbers *pp = &s->cfg->ports;
    bool sent = sm->dir == SS_DIR_MT && ss_numbers_prefix_of(pp, sm->sender);
    bool request = sm->dir == SS_DIR_MO && sm->has_recipient && sm->has_text &&
                   ss_numbers_prefix_of(pp, sm->recipient) &&
                   ss_optout_request(sm->text, sm->text_len);
    if (!sent && !request)
        return NULL;
    struct ss_port_count *e = ss_ports_get(&s->summary.ports, sent ? sm->sender : sm->recipient);
    if (e == NULL) {
        s->summary.ports.untracked++;
        return NULL;
    }
    if (request) {
        e->optouts++;
        return e;
    }
    uint64_t ad = ad_bit(s);
    e->messages++;
    e->harmful += v->action >= SS_ACTION_ALERT && (v->categories & ~ad) != 0;
    if (v->categories & ad) {
        e->ads++;
        e->ads_no_optout += !(sm->has_text && ss_optout_offered(sm->text, sm->text_len));
    }
    return e;
}

/* Port warning lines for the reasons e has just reached, after the n
 * bytes already in buf; the new length (what did not fit is left out). */
static size_t warn_ports(struct ss_screen *s, struct ss_port_count *e, uint64_t ts_ns, char *buf,
                         size_t cap, size_t n)
{
    unsigned due = ss_ports_due(e, s->cfg->port_warn);
    for (unsigned r = 0; due != 0 && r < SS_PORT_REASONS; r++) {
        if (!(due >> r & 1))
            continue;
        if (s->events)
            n += ss_port_warning_json(buf + n, cap - n, ts_ns, e, (enum ss_port_reason)r,
                                      s->cfg->port_warn, s->worker);
    }
    return n;
}

size_t ss_screen_sm(struct ss_screen *s, const struct ss_sm *sm, char *buf, size_t cap,
                    bool *flagged)
{
    struct ss_verdict v;
    size_t n = 0;
    if (s->cfg == NULL)
        s->cfg = &default_cfg;
    if (ss_judge(s->rs, s->scratch, sm->text, sm->text_len, &v) != SS_OK)
        s->judge_errors++;
    /* Disposal mainly at the sending side: the receiving side may be
     * told only to alert. */
    if (sm->dir == SS_DIR_MT && v.action > s->cfg->mt_max)
        v.action = s->cfg->mt_max;
    apply_sender_lists(s->senders, sm, &v);
    apply_report(s, sm, &v);
    ss_summary_add(&s->summary, sm, &v);
    *flagged = v.action >= SS_ACTION_ALERT;
    bool due = s->events && (*flagged || s->all || v.report);
    if (due)
        n = ss_event_json(buf, cap, sm, s->rs, &v, s->worker, s->cfg->pseudonym);
    struct ss_port_count *port = watch_ports(s, sm, &v);
    if (port != NULL && s->cfg->port_warn != 0) {
        /* An event that did not fit stays 0, so the caller counts it lost. */
        size_t with = warn_ports(s, port, sm->ts_ns, buf, cap, n);
        n = due && n == 0 ? 0 : with;
    }
    return n;
}

static void print_reports(FILE *f, const struct ss_summary *sum, const struct ss_screen_cfg *cfg)
{
    char numbers[SS_NUMBERS_MAX * (SS_DIGITS_MAX + 2) + 1];
    ss_numbers_text(&cfg->reports, ", ", numbers, sizeof numbers);
    fprintf(f, "user spam reports (MO to %s): %" PRIu64 ", the rules flag %" PRIu64, numbers,
            sum->reports, sum->reports_flagged);
    if (sum->reports != 0)
        fprintf(f, " (%.1f%%)", 100.0 * (double)sum->reports_flagged / (double)sum->reports);
    fputc('\n', f);
}

void ss_screen_report(FILE *f, const struct ss_ruleset *rs, const char *matcher,
                      const struct ss_summary *sum, uint64_t judge_errors, unsigned top,
                      const struct ss_screen_cfg *cfg)
{
    if (cfg == NULL)
        cfg = &default_cfg;
    fprintf(f, "rule set %" PRIu64 ": %zu rules, matcher %s\n", rs->version, rs->rules.n,
            matcher);
    ss_summary_print(f, sum, &rs->rules, top, cfg->pseudonym);
    print_reports(f, sum, cfg);
    ss_ports_print(f, &sum->ports, &cfg->ports, top, cfg->port_warn);
    if (judge_errors != 0)
        fprintf(f, "judge errors %" PRIu64 " (judged on partial hits)\n", judge_errors);
}
