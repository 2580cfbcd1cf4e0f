/* The screening hook; see screen_hook.h. */
#include "dataplane/dpdk/screen_hook.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_lcore.h>
#include <rte_malloc.h>

#include "control/bundle.h"
#include "dataplane/core/screen.h"
#include "dataplane/dpdk/live.h"

/* Senders listed in the summary, as `sigsift scan` lists them. */
#define TOP_SENDERS 10

/* Built by setup; workers only read rs and tmpl; fini folds each
 * worker's counters in after all have stopped. */
struct screen_shared {
    struct ss_ruleset *rs;           /* the --rules set until attach hands it over */
    struct ss_ruleset_scratch *tmpl; /* rs's scratch template */
    struct ss_live *live;            /* from attach on: what workers judge with */
    const char *source;              /* the first --rules, for `rules status` */
    const char *matcher;
    struct ss_pseudonym pseudonym; /* --pseudonymise: its key */
    struct ss_screen_cfg cfg;      /* ports, warnings, pseudonyms: every worker reads it */
    struct ss_summary summary; /* merged from every worker */
    uint64_t judge_errors;
    struct ss_run_totals totals;
};

struct screen_ctx {
    struct ss_screen screen;
    struct ss_live *live;
};

static void shared_free(struct screen_shared *s)
{
    if (s->tmpl != NULL)
        ss_ruleset_scratch_free(s->rs, s->tmpl);
    if (s->rs != NULL)
        ss_ruleset_free(s->rs);
    free(s);
}

/* The screening options: port prefixes, warnings, report numbers,
 * pseudonyms. 0, or -1 after saying why. */
static int setup_cfg(struct screen_shared *s, const struct ss_run_opts *o)
{
    char err[SS_PSEUDONYM_ERR_MAX];
    const struct ss_screen_opts so = {
        .ports = o->ports,
        .n_ports = o->n_ports,
        .reports = o->reports,
        .n_reports = o->n_reports,
        .port_warn = o->port_warn,
        .pseudonym_key = o->pseudonym_key,
        .mt_max = o->mt_max,
    };
    if (ss_screen_cfg_setup(&s->cfg, &s->pseudonym, &so, err, sizeof err) == 0)
        return 0;
    fprintf(stderr, "sigsift run: %s\n", err);
    return -1;
}

static int screen_setup(const struct ss_run_opts *o, void **shared)
{
    char err[SS_RULES_ERR_MAX];
    const struct ss_matcher_ops *m = ss_matcher_find(o->matcher);
    struct screen_shared *s;

    if (m == NULL) {
        ss_matcher_report_missing(stderr, "sigsift run", o->matcher);
        return -1;
    }
    if ((s = calloc(1, sizeof *s)) == NULL) {
        fprintf(stderr, "sigsift run: out of memory\n");
        return -1;
    }
    s->matcher = m->name;
    s->source = o->n_rules > 0 ? o->rules[0] : "";
    if (setup_cfg(s, o) != 0) {
        shared_free(s);
        return -1;
    }
    s->rs = ss_bundle_open_rules(o->rules, o->n_rules, m, o->trust, err, sizeof err);
    if (s->rs == NULL) {
        fprintf(stderr, "sigsift run: %s\n", err);
        shared_free(s);
        return -1;
    }
    if (ss_ruleset_scratch_alloc(s->rs, &s->tmpl) != SS_OK) {
        fprintf(stderr, "sigsift run: out of memory for the matcher's scratch\n");
        shared_free(s);
        return -1;
    }
    fprintf(stderr, "sigsift run: rule set %" PRIu64 ": %zu rules, matcher %s\n", s->rs->version,
            s->rs->rules.n, s->matcher);
    *shared = s;
    return 0;
}

/* Called on the worker's lcore: the context, with the summary's 1 MiB
 * sender table written on every flagged message, is taken from the
 * lcore's NUMA node. */
static void *screen_init(unsigned worker_id, const struct ss_run_opts *o, void *shared)
{
    const struct screen_shared *s = shared;
    struct screen_ctx *c = rte_zmalloc_socket("screen_ctx", sizeof *c, 0, (int)rte_socket_id());

    if (c == NULL)
        return NULL;
    c->live = s->live;
    c->screen.worker = worker_id;
    c->screen.all = o->all;
    c->screen.events = o->events != NULL;
    c->screen.cfg = &s->cfg;
    return c;
}

/* An event that was due (flagged, or --all) but found no slot or did not
 * fit gets len > cap, which the worker counts as events_dropped. */
static void screen_on_sm(void *ctx, const struct ss_sm *sm, struct ss_event_out *out)
{
    struct screen_ctx *c = ctx;
    bool flagged;
    /* One generation per message: its version is the one the event names. */
    const struct ss_live_gen *g = ss_live_current(c->live, c->screen.worker);

    c->screen.rs = g->rs;
    c->screen.scratch = g->scratch[c->screen.worker];
    c->screen.senders = ss_live_senders(c->live);
    size_t n = ss_screen_sm(&c->screen, sm, out->buf, out->cap, &flagged);

    out->len = n == 0 && c->screen.events && (flagged || c->screen.all) ? out->cap + 1 : n;
    out->evidence = flagged;
}

static void screen_fini(void *ctx, void *shared)
{
    struct screen_ctx *c = ctx;
    struct screen_shared *s = shared;

    ss_summary_merge(&s->summary, &c->screen.summary);
    s->judge_errors += c->screen.judge_errors;
    c->screen.scratch = NULL; /* the live rule state's, freed with it */
    ss_screen_fini(&c->screen);
    rte_free(c);
}

/* The rule set and its template move into the live rule state, which
 * clones every worker's scratch and swaps them on `rules push`. */
static int screen_attach(void *shared, struct ss_live *live)
{
    struct screen_shared *s = shared;
    int rc = ss_live_start(live, s->rs, s->tmpl, s->source);

    s->rs = NULL;
    s->tmpl = NULL;
    s->live = rc == 0 ? live : NULL;
    return rc;
}

static void screen_totals(void *shared, const struct ss_run_totals *t)
{
    ((struct screen_shared *)shared)->totals = *t;
}

static double per_s(double x, double seconds)
{
    return seconds > 0 ? x / seconds : 0.0;
}

static void screen_teardown(void *shared)
{
    struct screen_shared *s = shared;
    const struct ss_run_totals *t = &s->totals;

    fprintf(stderr,
            "frames %" PRIu64 ", messages %" PRIu64 " in %.3f s on %u worker(s): %.0f frames/s, "
            "%.0f messages/s, %.3f Gbit/s\n",
            t->frames, t->messages, t->seconds, t->workers, per_s((double)t->frames, t->seconds),
            per_s((double)t->messages, t->seconds), per_s((double)t->bytes * 8e-9, t->seconds));
    ss_screen_report(stderr, ss_live_ruleset(s->live), s->matcher, &s->summary, s->judge_errors,
                     TOP_SENDERS, &s->cfg);
    shared_free(s);
}

const struct ss_worker_hook ss_screen_hook = {
    .setup = screen_setup,
    .init = screen_init,
    .on_sm = screen_on_sm,
    .fini = screen_fini,
    .teardown = screen_teardown,
    .totals = screen_totals,
    .attach = screen_attach,
};
