/* Live rule set and sender lists; see live.h. */
#include "dataplane/dpdk/live.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_malloc.h>
/* DPDK 22.11's rte_rcu_qsbr.h (alone among the headers used) has named
 * variadic macros and a zero-size array, which -Wpedantic rejects. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wvariadic-macros"
#include <rte_rcu_qsbr.h>
#pragma GCC diagnostic pop

/* Loop iterations after a worker first sees a swap whose burst-to-burst
 * gaps count as the swap's pause (the first scans on a new database and
 * scratch run cold). */
#define SWAP_WINDOW 8
/* How long the control thread sleeps between checks for quiescence: it
 * shares a core with the main lcore, so it must not spin. */
#define WAIT_POLL_NS 20000
#define WHY_MAX      192

struct live_worker {
    uint64_t last_tsc;                     /* previous quiescent report */
    uint64_t swaps_seen;                   /* l->swaps at that report */
    unsigned window;                       /* iterations left that count as around a swap */
    uint64_t swap_gap_max, steady_gap_max; /* TSC cycles, over the whole run */
    uint64_t last_swap_gap_max;            /* in the window of the latest swap (atomic) */
    uint64_t steady_gap_sum, steady_n;     /* for the mean, the baseline */
    uint64_t steady_hist[64];              /* gaps by bit length: percentiles */
    uint64_t seen_seq;                     /* generation last judged with (atomic) */
    uint64_t seen_version;                 /* its rule set's version (atomic) */
    uint64_t first_use_tsc;                /* when this worker first judged with it (atomic) */
} __rte_cache_aligned;

/* One line of `rules history`. */
struct live_event {
    const char *action; /* "start", "push", "rollback" */
    uint64_t at_ns;     /* wall clock */
    uint64_t version;
    size_t rules;
    char source[SS_LIVE_SOURCE_MAX];
    char why[WHY_MAX]; /* empty when it succeeded */
};

struct ss_live {
    struct ss_live_gen *cur;    /* atomic: what workers read */
    struct ss_senders *senders; /* atomic: NULL = empty lists */
    uint64_t swaps;             /* atomic: publishes so far */
    struct ss_live_gen *prev;   /* control thread: for rollback */
    uint64_t next_seq;
    unsigned n_workers;
    struct rte_rcu_qsbr *qsbr;
    uint64_t n_events;
    struct live_event event[SS_LIVE_HISTORY]; /* ring, n_events % SS_LIVE_HISTORY */
    struct live_worker *w;                    /* [n_workers] */
};

static uint64_t wall_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static double tsc_us(uint64_t cycles)
{
    return (double)cycles * 1e6 / (double)rte_get_tsc_hz();
}

static uint64_t load(const uint64_t *p)
{
    return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static void store(uint64_t *p, uint64_t v)
{
    __atomic_store_n(p, v, __ATOMIC_RELAXED);
}

struct ss_live *ss_live_new(unsigned n_workers)
{
    struct ss_live *l = rte_zmalloc("live", sizeof *l, RTE_CACHE_LINE_SIZE);
    if (l == NULL)
        return NULL;
    l->n_workers = n_workers;
    l->w = rte_zmalloc("live_workers", n_workers * sizeof *l->w, RTE_CACHE_LINE_SIZE);
    l->qsbr = rte_zmalloc("live_qsbr", rte_rcu_qsbr_get_memsize(n_workers), RTE_CACHE_LINE_SIZE);
    if (l->w == NULL || l->qsbr == NULL || rte_rcu_qsbr_init(l->qsbr, n_workers) != 0) {
        rte_free(l->w);
        rte_free(l->qsbr);
        rte_free(l);
        return NULL;
    }
    for (unsigned i = 0; i < n_workers; i++)
        rte_rcu_qsbr_thread_register(l->qsbr, i);
    return l;
}

static void gen_free(struct ss_live_gen *g)
{
    if (g == NULL)
        return;
    for (unsigned i = 0; g->scratch != NULL && i < g->n_workers; i++)
        if (g->scratch[i] != NULL)
            ss_ruleset_scratch_free(g->rs, g->scratch[i]);
    if (g->tmpl != NULL)
        ss_ruleset_scratch_free(g->rs, g->tmpl);
    ss_ruleset_free(g->rs);
    free(g->scratch);
    free(g);
}

/* A generation around rs (taken over, freed on failure): template and a
 * scratch per worker. NULL when out of memory. */
static struct ss_live_gen *gen_new(struct ss_live *l, struct ss_ruleset *rs,
                                   struct ss_ruleset_scratch *tmpl, const char *source)
{
    struct ss_live_gen *g = calloc(1, sizeof *g);
    if (g == NULL) {
        if (tmpl != NULL)
            ss_ruleset_scratch_free(rs, tmpl);
        ss_ruleset_free(rs);
        return NULL;
    }
    g->rs = rs;
    g->tmpl = tmpl;
    g->n_workers = l->n_workers;
    snprintf(g->source, sizeof g->source, "%s", source);
    g->scratch = calloc(l->n_workers, sizeof *g->scratch);
    bool ok =
        g->scratch != NULL && (g->tmpl != NULL || ss_ruleset_scratch_alloc(rs, &g->tmpl) == SS_OK);
    for (unsigned i = 0; ok && i < l->n_workers; i++)
        ok = ss_ruleset_scratch_clone(g->tmpl, rs, &g->scratch[i]) == SS_OK;
    if (!ok) {
        gen_free(g);
        return NULL;
    }
    g->seq = ++l->next_seq;
    return g;
}

static void log_event(struct ss_live *l, const char *action, const struct ss_live_gen *g,
                      const char *source, const char *why)
{
    struct live_event *e = &l->event[l->n_events++ % SS_LIVE_HISTORY];
    e->action = action;
    e->at_ns = wall_ns();
    e->version = g != NULL ? g->rs->version : 0;
    e->rules = g != NULL ? g->rs->rules.n : 0;
    snprintf(e->source, sizeof e->source, "%s", source);
    snprintf(e->why, sizeof e->why, "%s", why);
}

int ss_live_start(struct ss_live *l, struct ss_ruleset *rs, struct ss_ruleset_scratch *tmpl,
                  const char *source)
{
    struct ss_live_gen *g = gen_new(l, rs, tmpl, source);
    if (g == NULL) {
        fprintf(stderr, "sigsift run: out of memory for the workers' scratch\n");
        return -1;
    }
    g->recv_tsc = g->publish_tsc = rte_rdtsc();
    log_event(l, "start", g, source, "");
    __atomic_store_n(&l->cur, g, __ATOMIC_RELEASE);
    return 0;
}

const struct ss_ruleset *ss_live_ruleset(const struct ss_live *l)
{
    return l->cur != NULL ? l->cur->rs : NULL;
}

/* The upper bound of the histogram bucket holding quantile q: within a
 * factor of two, which is enough to compare with a swap's pause. */
static double steady_percentile(const struct live_worker *w, double q)
{
    uint64_t seen = 0, want = (uint64_t)((double)w->steady_n * q);
    for (unsigned b = 0; b < 64; b++) {
        seen += w->steady_hist[b];
        if (seen > want)
            return tsc_us(b < 63 ? 2ull << b : UINT64_MAX);
    }
    return 0.0;
}

static void report_workers(const struct ss_live *l, FILE *f)
{
    fprintf(f, "live.swaps %" PRIu64 "\n", l->swaps);
    for (unsigned i = 0; i < l->n_workers; i++) {
        const struct live_worker *w = &l->w[i];
        fprintf(f, "live.worker%u.swap_gap_max_us %.1f\nlive.worker%u.steady_gap_max_us %.1f\n", i,
                tsc_us(w->swap_gap_max), i, tsc_us(w->steady_gap_max));
        fprintf(f, "live.worker%u.steady_gap_mean_us %.2f\n", i,
                w->steady_n ? tsc_us(w->steady_gap_sum) / (double)w->steady_n : 0.0);
        fprintf(f, "live.worker%u.steady_gap_p99_us_below %.1f\n", i, steady_percentile(w, 0.99));
        fprintf(f, "live.worker%u.steady_gap_p999_us_below %.1f\n", i, steady_percentile(w, 0.999));
    }
}

void ss_live_free(struct ss_live *l, FILE *report)
{
    if (l == NULL)
        return;
    if (report != NULL && l->cur != NULL)
        report_workers(l, report);
    gen_free(l->cur);
    gen_free(l->prev);
    ss_senders_free(l->senders);
    rte_free(l->w);
    rte_free(l->qsbr);
    rte_free(l);
}

void ss_live_worker_online(struct ss_live *l, unsigned worker)
{
    rte_rcu_qsbr_thread_online(l->qsbr, worker);
    l->w[worker].last_tsc = rte_rdtsc();
    l->w[worker].swaps_seen = load(&l->swaps);
}

void ss_live_worker_offline(struct ss_live *l, unsigned worker)
{
    rte_rcu_qsbr_thread_offline(l->qsbr, worker);
}

/* The gap since the previous report is this iteration's receive and
 * processing time (plus any preemption): the pause a swap would cause
 * shows in the iterations right after the worker first meets it. Idle
 * iterations (which may sleep, idle.h) are not measured. */
void ss_live_quiescent(struct ss_live *l, unsigned worker, bool busy)
{
    struct live_worker *w = &l->w[worker];
    uint64_t now = rte_rdtsc(), gap = now - w->last_tsc, swaps = load(&l->swaps);

    w->last_tsc = now;
    if (swaps != w->swaps_seen) {
        w->swaps_seen = swaps;
        w->window = SWAP_WINDOW;
        store(&w->last_swap_gap_max, 0);
    }
    if (!busy) {
        rte_rcu_qsbr_quiescent(l->qsbr, worker);
        return;
    }
    if (w->window > 0) {
        w->window--;
        w->swap_gap_max = RTE_MAX(w->swap_gap_max, gap);
        store(&w->last_swap_gap_max, RTE_MAX(w->last_swap_gap_max, gap));
    } else {
        w->steady_gap_max = RTE_MAX(w->steady_gap_max, gap);
        w->steady_gap_sum += gap;
        w->steady_n++;
        w->steady_hist[63 - __builtin_clzll(gap | 1)]++; /* [2^b, 2^(b+1)) */
    }
    rte_rcu_qsbr_quiescent(l->qsbr, worker);
}

const struct ss_live_gen *ss_live_current(struct ss_live *l, unsigned worker)
{
    const struct ss_live_gen *g = __atomic_load_n(&l->cur, __ATOMIC_ACQUIRE);
    struct live_worker *w = &l->w[worker];

    if (g != NULL && g->seq != w->seen_seq) {
        store(&w->first_use_tsc, rte_rdtsc());
        store(&w->seen_version, g->rs->version);
        __atomic_store_n(&w->seen_seq, g->seq, __ATOMIC_RELEASE);
    }
    return g;
}

const struct ss_senders *ss_live_senders(struct ss_live *l)
{
    return __atomic_load_n(&l->senders, __ATOMIC_ACQUIRE);
}

/* Blocks (sleeping) until every online worker has reported quiescent
 * since the call: nothing published before it is referenced any more. */
static void wait_quiescent(struct ss_live *l)
{
    const struct timespec pause = {0, WAIT_POLL_NS};
    uint64_t token = rte_rcu_qsbr_start(l->qsbr);
    while (rte_rcu_qsbr_check(l->qsbr, token, false) == 0)
        nanosleep(&pause, NULL);
}

struct swap_times {
    uint64_t publish_tsc, quiescent_tsc;
};

/* Makes g current; returns the generation it replaced, which no worker
 * references any more. */
static struct ss_live_gen *publish(struct ss_live *l, struct ss_live_gen *g, struct swap_times *t)
{
    struct ss_live_gen *old = l->cur;
    g->publish_tsc = t->publish_tsc = rte_rdtsc();
    __atomic_store_n(&l->cur, g, __ATOMIC_RELEASE);
    __atomic_fetch_add(&l->swaps, 1, __ATOMIC_RELEASE);
    wait_quiescent(l);
    t->quiescent_tsc = rte_rdtsc();
    return old;
}

static void reply_swap(struct ss_ctl_reply *r, const struct ss_live_gen *now,
                       const struct ss_live_gen *before, const struct swap_times *t)
{
    ss_ctl_reply_fmt(r, "{\"ok\":true,\"version\":%" PRIu64 ",\"previous\":%" PRIu64,
                     now->rs->version, before != NULL ? before->rs->version : 0);
    ss_ctl_reply_fmt(r, ",\"rules\":%zu,\"source\":", now->rs->rules.n);
    ss_ctl_reply_str(r, now->source, strlen(now->source));
    ss_ctl_reply_fmt(r, ",\"load_us\":%.1f,\"quiescent_us\":%.1f",
                     tsc_us(t->publish_tsc - now->recv_tsc),
                     tsc_us(t->quiescent_tsc - t->publish_tsc));
    /* The request's arrival on the wall clock: a client adds what it
     * spent before sending to the dataplane's own figures. */
    uint64_t at = wall_ns() - (uint64_t)(tsc_us(rte_rdtsc() - now->recv_tsc) * 1e3);
    ss_ctl_reply_fmt(r, ",\"received_at\":%" PRIu64 ".%06" PRIu64 "}", at / 1000000000u,
                     at % 1000000000u / 1000u);
}

static void push_failed(struct ss_live *l, const char *path, const char *why,
                        struct ss_ctl_reply *r)
{
    char msg[WHY_MAX + SS_LIVE_SOURCE_MAX + 64];
    log_event(l, "push", NULL, path, why);
    snprintf(msg, sizeof msg, "%s: %s; rule set %" PRIu64 " stays active", path, why,
             l->cur != NULL ? l->cur->rs->version : 0);
    ss_ctl_reply_error(r, msg);
}

void ss_live_push(struct ss_live *l, const char *path, uint64_t recv_tsc, ss_live_loader load_fn,
                  void *load_arg, struct ss_ctl_reply *r)
{
    char err[WHY_MAX];
    struct swap_times t;

    if (l->cur == NULL) {
        ss_ctl_reply_error(r, "this run judges nothing: start `sigsift run` with --rules");
        return;
    }
    struct ss_ruleset *rs = load_fn(path, load_arg, err, sizeof err);
    if (rs == NULL) {
        push_failed(l, path, err, r);
        return;
    }
    struct ss_live_gen *g = gen_new(l, rs, NULL, path);
    if (g == NULL) {
        push_failed(l, path, "out of memory for the workers' scratch", r);
        return;
    }
    g->recv_tsc = recv_tsc;
    struct ss_live_gen *old = publish(l, g, &t);
    gen_free(l->prev);
    l->prev = old;
    log_event(l, "push", g, path, "");
    reply_swap(r, g, old, &t);
}

void ss_live_rollback(struct ss_live *l, uint64_t recv_tsc, struct ss_ctl_reply *r)
{
    struct swap_times t;

    if (l->prev == NULL) {
        ss_ctl_reply_error(r, "nothing to roll back to: no rule set was replaced yet");
        return;
    }
    struct ss_live_gen *g = l->prev;
    g->recv_tsc = recv_tsc;
    l->prev = publish(l, g, &t);
    log_event(l, "rollback", g, g->source, "");
    reply_swap(r, g, l->prev, &t);
}

static void reply_worker(struct ss_ctl_reply *r, const struct ss_live *l, unsigned i)
{
    const struct live_worker *w = &l->w[i];
    const struct ss_live_gen *g = l->cur;

    ss_ctl_reply_fmt(r, "%s{\"worker\":%u,\"version\":%" PRIu64, i ? "," : "", i,
                     load(&w->seen_version));
    /* Latencies exist only for a swapped-in generation, not the start one. */
    if (load(&l->swaps) > 0 && __atomic_load_n(&w->seen_seq, __ATOMIC_ACQUIRE) == g->seq) {
        uint64_t first = load(&w->first_use_tsc);
        ss_ctl_reply_fmt(r, ",\"publish_to_first_verdict_us\":%.1f",
                         tsc_us(first - g->publish_tsc));
        ss_ctl_reply_fmt(r, ",\"push_to_first_verdict_us\":%.1f", tsc_us(first - g->recv_tsc));
    }
    ss_ctl_reply_fmt(r, ",\"last_swap_gap_max_us\":%.1f,\"swap_gap_max_us\":%.1f",
                     tsc_us(load(&w->last_swap_gap_max)), tsc_us(load(&w->swap_gap_max)));
    ss_ctl_reply_fmt(r, ",\"steady_gap_max_us\":%.1f}", tsc_us(load(&w->steady_gap_max)));
}

void ss_live_status(struct ss_live *l, struct ss_ctl_reply *r)
{
    const struct ss_live_gen *g = l->cur;
    if (g == NULL) {
        ss_ctl_reply_error(r, "this run judges nothing: start `sigsift run` with --rules");
        return;
    }
    ss_ctl_reply_fmt(r, "{\"ok\":true,\"version\":%" PRIu64 ",\"rules\":%zu,\"source\":",
                     g->rs->version, g->rs->rules.n);
    ss_ctl_reply_str(r, g->source, strlen(g->source));
    ss_ctl_reply_fmt(r, ",\"rollback_to\":%" PRIu64 ",\"swaps\":%" PRIu64 ",\"workers\":[",
                     l->prev != NULL ? l->prev->rs->version : 0, load(&l->swaps));
    for (unsigned i = 0; i < l->n_workers; i++)
        reply_worker(r, l, i);
    ss_ctl_reply_raw(r, "]}");
}

void ss_live_history(struct ss_live *l, struct ss_ctl_reply *r)
{
    uint64_t first = l->n_events > SS_LIVE_HISTORY ? l->n_events - SS_LIVE_HISTORY : 0;

    ss_ctl_reply_raw(r, "{\"ok\":true,\"history\":[");
    for (uint64_t i = first; i < l->n_events; i++) {
        const struct live_event *e = &l->event[i % SS_LIVE_HISTORY];
        ss_ctl_reply_fmt(r, "%s{\"action\":\"%s\",\"at\":%" PRIu64 ".%06" PRIu64,
                         i > first ? "," : "", e->action, (uint64_t)(e->at_ns / 1000000000u),
                         (uint64_t)(e->at_ns % 1000000000u / 1000u));
        ss_ctl_reply_fmt(r, ",\"version\":%" PRIu64 ",\"rules\":%zu,\"source\":", e->version,
                         e->rules);
        ss_ctl_reply_str(r, e->source, strlen(e->source));
        ss_ctl_reply_raw(r, ",\"result\":");
        ss_ctl_reply_str(r, e->why[0] ? e->why : "ok", strlen(e->why[0] ? e->why : "ok"));
        ss_ctl_reply_raw(r, "}");
    }
    ss_ctl_reply_raw(r, "]}");
}

static void reply_list(struct ss_ctl_reply *r, const struct ss_senders *t, enum ss_sender_list list)
{
    bool first = true;
    ss_ctl_reply_fmt(r, ",\"%s\":[", ss_sender_list_name(list));
    for (unsigned i = 0; t != NULL && i < SS_SENDERS_SLOTS; i++) {
        if (!t->slot[i].used || t->slot[i].list != list)
            continue;
        ss_ctl_reply_raw(r, first ? "" : ",");
        ss_ctl_reply_str(r, t->slot[i].sender, t->slot[i].len);
        first = false;
    }
    ss_ctl_reply_raw(r, "]");
}

void ss_live_lists_show(struct ss_live *l, struct ss_ctl_reply *r)
{
    ss_ctl_reply_raw(r, "{\"ok\":true");
    reply_list(r, l->senders, SS_LIST_BLOCK);
    reply_list(r, l->senders, SS_LIST_ALLOW);
    ss_ctl_reply_raw(r, "}");
}

static void change_error(enum ss_result res, struct ss_ctl_reply *r)
{
    char msg[64];
    if (res == SS_TABLE_FULL)
        snprintf(msg, sizeof msg, "the lists are full (%d senders)", SS_SENDERS_MAX);
    else
        snprintf(msg, sizeof msg, "%s",
                 res == SS_DUPLICATE    ? "already on that list"
                 : res == SS_NO_CONTEXT ? "not on that list"
                                        : "not a valid sender");
    ss_ctl_reply_error(r, msg);
}

void ss_live_lists_change(struct ss_live *l, const struct ss_ctl_request *rq,
                          struct ss_ctl_reply *r)
{
    struct ss_senders *t = ss_senders_clone(l->senders);
    if (t == NULL) {
        ss_ctl_reply_error(r, "out of memory for the sender lists");
        return;
    }
    enum ss_result res = rq->verb == SS_CTL_LISTS_ADD
                             ? ss_senders_add(t, rq->list, rq->arg, rq->arg_len)
                             : ss_senders_remove(t, rq->list, rq->arg, rq->arg_len);
    if (res != SS_OK) {
        ss_senders_free(t);
        change_error(res, r);
        return;
    }
    struct ss_senders *old = l->senders;
    __atomic_store_n(&l->senders, t, __ATOMIC_RELEASE);
    wait_quiescent(l);
    ss_senders_free(old);
    ss_ctl_reply_fmt(r, "{\"ok\":true,\"blocklist\":%" PRIu32 ",\"allowlist\":%" PRIu32 "}",
                     t->n[SS_LIST_BLOCK], t->n[SS_LIST_ALLOW]);
}
