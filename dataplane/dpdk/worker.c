/* The worker loop, l3fwd style: receive a burst, prefetch ahead, decode
 * each frame, free the burst, repeat until the main lcore says stop. */
#include "dataplane/dpdk/worker.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <rte_cycles.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>
#include <rte_prefetch.h>

#include "dataplane/dpdk/idle.h"

#define PREFETCH_OFFSET 3
#define NS_PER_SEC      1000000000ull

/* Counters the main lcore reads while the worker runs: one writer, so a
 * relaxed load and store (no locked add) is enough. */
static void count(uint64_t *c, uint64_t v)
{
    __atomic_store_n(c, *c + v, __ATOMIC_RELAXED);
}

static bool flag(const int *f)
{
    return __atomic_load_n(f, __ATOMIC_ACQUIRE) != 0;
}

/* Waits for a free slot in lossless mode (a replay must not lose what
 * the output thread is merely late to write); tries once otherwise. */
static void *take_slot(struct ss_worker *w, struct rte_ring *free_ring)
{
    void *slot = ss_outq_take(free_ring);
    for (uint64_t spins = 0; slot == NULL && w->ctl->lossless && !flag(&w->ctl->force_quit);
         spins++) {
        ss_idle_poller(spins);
        slot = ss_outq_take(free_ring);
    }
    return slot;
}

static void publish_event(struct ss_worker *w, const struct ss_event_out *out)
{
    if (w->slot == NULL || out->len > out->cap) {
        w->c.events_dropped++;
        return;
    }
    w->slot->len = (uint32_t)out->len;
    ss_outq_put(w->out.ev_full, w->slot);
    w->slot = NULL;
    w->c.events++;
}

static void queue_evidence_frame(struct ss_worker *w, uint64_t id)
{
    struct ss_framelog_rec r;
    if (ss_framelog_get(w->fl, id, &r) != SS_OK) {
        w->c.evidence_lost++;
        return;
    }
    struct ss_evidence_slot *s = take_slot(w, w->out.fr_free);
    if (s == NULL) {
        w->c.evidence_dropped++;
        return;
    }
    s->ts_ns = r.ts_ns;
    s->len = r.len;
    s->caplen = r.caplen < w->out.fr_snap ? r.caplen : w->out.fr_snap;
    memcpy(s->data, r.data, s->caplen);
    ss_outq_put(w->out.fr_full, s);
    w->c.evidence_frames++;
}

static void queue_evidence(struct ss_worker *w, const struct ss_sm *sm)
{
    if (w->fl == NULL)
        return;
    for (unsigned i = 0; i < sm->frames.n; i++)
        queue_evidence_frame(w, sm->frames.id[i]);
    w->c.evidence_lost += sm->frames.lost;
}

/* Pipeline callback: one complete message. */
static void on_sm(void *arg, const struct ss_sm *sm)
{
    struct ss_worker *w = arg;
    struct ss_event_out out = {0};

    count(&w->c.messages, 1);
    if (w->slot == NULL)
        w->slot = take_slot(w, w->out.ev_free);
    if (w->slot != NULL) {
        out.buf = w->slot->buf;
        out.cap = sizeof w->slot->buf;
    }
    w->ctl->hook->on_sm(w->hook_ctx, sm, &out);
    if (out.len > 0)
        publish_event(w, &out);
    if (out.evidence)
        queue_evidence(w, sm);
}

static uint64_t clock_ns(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (uint64_t)t.tv_sec * NS_PER_SEC + (uint64_t)t.tv_nsec;
}

static uint64_t host_ns(void)
{
    return clock_ns(CLOCK_REALTIME);
}

/* Capture time from the PMD when its unit is known, else the host clock
 * read once per burst (*burst_ns, 0 until needed). */
static uint64_t frame_ts(const struct ss_run_ctl *ctl, const struct rte_mbuf *m, uint64_t *burst_ns)
{
    uint32_t mult = ctl->ts_mult[m->port];
    if (mult != 0 && ctl->ts_off >= 0 && (m->ol_flags & ctl->ts_flag) != 0)
        return *RTE_MBUF_DYNFIELD(m, ctl->ts_off, const rte_mbuf_timestamp_t *) * mult;
    if (*burst_ns == 0)
        *burst_ns = host_ns();
    return *burst_ns;
}

/* Adds m to the frames in[0..*n) the pipeline takes as one burst.
 * Contiguous mbufs are read in place; a chain is copied to linear, which
 * the next chain overwrites, so the burst so far is decoded at once. */
static void worker_frame(struct ss_worker *w, const struct rte_mbuf *m, uint64_t *burst_ns,
                         struct ss_frame_in *in, size_t *n)
{
    uint32_t len = rte_pktmbuf_pkt_len(m);

    count(&w->c.frames, 1);
    w->c.bytes += len;
    if (len > sizeof w->linear) {
        w->c.oversize++;
        return;
    }
    const uint8_t *p = rte_pktmbuf_read(m, 0, len, w->linear);
    uint64_t ts = frame_ts(w->ctl, m, burst_ns);
    uint64_t id = ++w->seq;
    if (w->fl != NULL)
        ss_framelog_put(w->fl, id, ts, p, len);
    in[(*n)++] = (struct ss_frame_in){p, len, ts, id};
    if (p == (const uint8_t *)w->linear) {
        ss_pipeline_burst(w->pl, in, *n, SS_LINK_ETHERNET);
        *n = 0;
    }
}

static void worker_drop(struct ss_worker *w, struct rte_mbuf **pkts, uint16_t n)
{
    for (uint16_t i = 0; i < n; i++)
        w->c.bytes += rte_pktmbuf_pkt_len(pkts[i]);
    count(&w->c.frames, n);
}

/* The mbufs are freed only once the pipeline has returned: it reads a
 * burst's frames in place until then. */
static void worker_burst(struct ss_worker *w, struct rte_mbuf **pkts, uint16_t n)
{
    uint64_t burst_ns = 0;
    struct ss_frame_in in[SS_RUN_BURST_MAX];
    size_t held = 0;
    uint16_t i;

    if (w->ctl->opts->drop) {
        worker_drop(w, pkts, n);
    } else {
        for (i = 0; i < PREFETCH_OFFSET && i < n; i++)
            rte_prefetch0(rte_pktmbuf_mtod(pkts[i], void *));
        for (i = 0; i < n; i++) {
            if (i + PREFETCH_OFFSET < n)
                rte_prefetch0(rte_pktmbuf_mtod(pkts[i + PREFETCH_OFFSET], void *));
            worker_frame(w, pkts[i], &burst_ns, in, &held);
        }
        ss_pipeline_burst(w->pl, in, held, SS_LINK_ETHERNET);
    }
    rte_pktmbuf_free_bulk(pkts, n);
    w->c.last_tsc = rte_rdtsc();
    if (w->c.first_tsc == 0)
        w->c.first_tsc = w->c.last_tsc;
}

static uint16_t worker_rx(struct ss_worker *w, struct rte_mbuf **pkts, uint16_t burst)
{
    if (w->in != NULL)
        return (uint16_t)rte_ring_sc_dequeue_burst(w->in, (void **)pkts, burst, NULL);
    uint16_t n = 0;
    for (uint16_t q = 0; q < w->n_rxq && n < burst; q++)
        n += rte_eth_rx_burst(w->rxq[q].port, w->rxq[q].queue, pkts + n, burst - n);
    return n;
}

/* Tables, hook context and framelog are made here, on the worker's own
 * lcore, so that their pages are first touched on its NUMA node. */
static int worker_open(struct ss_worker *w)
{
    const struct ss_run_opts *o = w->ctl->opts;

    w->pl = ss_pipeline_new(&o->pipeline, on_sm, w);
    if (o->evidence != NULL)
        w->fl = ss_framelog_new(SS_FRAMELOG_BYTES, o->max_frame);
    if (w->pl == NULL || (o->evidence != NULL && w->fl == NULL)) {
        fprintf(stderr, "sigsift run: worker %u: out of memory for tables\n", w->id);
        return -1;
    }
    w->hook_ctx = w->ctl->hook->init(w->id, o, w->ctl->hook_shared);
    if (w->hook_ctx == NULL) {
        fprintf(stderr, "sigsift run: worker %u: the hook's init failed\n", w->id);
        return -1;
    }
    return 0;
}

/* In distributor mode the worker empties its ring before leaving: the
 * main lcore raises rx_stop only after its last enqueue, so a poll that
 * started after seeing rx_stop and found nothing is final.
 * The loop's CPU time is what the worker really had: on a shared host
 * its wall-clock span also counts time other threads held the core. */
static void worker_loop(struct ss_worker *w)
{
    struct rte_mbuf *pkts[SS_RUN_BURST_MAX];
    const uint16_t burst = (uint16_t)w->ctl->opts->burst;
    const uint64_t cpu0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);

    for (;;) {
        bool stopping = flag(&w->ctl->rx_stop);
        uint16_t n = worker_rx(w, pkts, burst);
        if (n > 0) {
            __atomic_store_n(&w->c.empty_polls, 0, __ATOMIC_RELAXED);
            worker_burst(w, pkts, n);
        } else {
            count(&w->c.empty_polls, 1);
            ss_idle_poller(w->c.empty_polls);
        }
        /* Between bursts the worker holds nothing from ss_live_current. */
        ss_live_quiescent(w->ctl->live, w->id, n > 0);
        if (stopping && (n == 0 || w->in == NULL))
            break;
    }
    w->c.cpu_ns = clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu0;
}

int ss_worker_main(void *arg)
{
    struct ss_worker *w = arg;

    if (worker_open(w) != 0) {
        __atomic_store_n(&w->status, SS_WORKER_FAILED, __ATOMIC_RELEASE);
        return -1;
    }
    __atomic_store_n(&w->status, SS_WORKER_RUNNING, __ATOMIC_RELEASE);
    ss_live_worker_online(w->ctl->live, w->id);
    worker_loop(w);
    /* Finishing may complete held messages, judged like any other. */
    ss_pipeline_finish(w->pl);
    ss_live_worker_offline(w->ctl->live, w->id);
    if (w->slot != NULL) {
        ss_outq_put(w->out.ev_free, w->slot);
        w->slot = NULL;
    }
    __atomic_store_n(&w->status, SS_WORKER_DONE, __ATOMIC_RELEASE);
    return 0;
}

void ss_worker_release(struct ss_worker *w)
{
    if (w->hook_ctx != NULL)
        w->ctl->hook->fini(w->hook_ctx, w->ctl->hook_shared);
    ss_pipeline_free(w->pl);
    ss_framelog_free(w->fl);
    w->hook_ctx = NULL;
    w->pl = NULL;
    w->fl = NULL;
}
