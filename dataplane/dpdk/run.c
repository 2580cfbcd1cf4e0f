/* `sigsift run`: EAL and option parsing, the lcore plan, port and
 * mempool setup, the main lcore's loop (distributor when needed, output
 * thread, end detection) and an orderly stop with a leak check.
 *
 * Lcore plan. The main lcore never decodes: it writes events and
 * evidence, watches for the end, and in software-distribution mode also
 * receives. Each worker lcore runs one worker:
 *   direct   - one worker: it polls queue 0 of every port itself;
 *   rss      - N workers, every port has N queues with symmetric RSS:
 *              worker i polls queue i of every port;
 *   software - N workers, some port cannot: the main lcore polls queue 0
 *              of every port and distributes by association (dist.h).
 * A port whose queues all receive whatever it is configured with
 * (net_af_packet with qpairs=N) has all of them set up and polled by the
 * one poller in direct and software mode (ss_port_fixed_rx_queues).
 *
 * End of input. A net_pcap vdev reading a file once gives no end-of-file
 * signal through ethdev; its rx burst returns 0 from then on. The run
 * ends when every poller has seen at least END_EMPTY_POLLS consecutive
 * empty polls and the ports' ipackets has not moved for END_IDLE_TICKS
 * checks of TICK_MS each. Live ports (af_packet, NICs, infinite_rx) end
 * on SIGINT/SIGTERM, --duration or --packets. */
#include "dataplane/dpdk/run.h"

#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#include "dataplane/ctl/proto.h"
#include "dataplane/dpdk/ctl_server.h"
#include "dataplane/dpdk/dist.h"
#include "dataplane/dpdk/idle.h"
#include "dataplane/dpdk/output.h"
#include "dataplane/dpdk/port.h"
#include "dataplane/dpdk/report.h"
#include "dataplane/dpdk/worker.h"

#define TICK_MS         10
#define END_IDLE_TICKS  10
#define END_EMPTY_POLLS 16
#define MBUF_CACHE      256
#define MBUF_SPARE      1024

enum mode { MODE_DIRECT, MODE_RSS, MODE_SOFTWARE };
static const char *const mode_name[] = {"direct", "rss", "software"};

enum stop_reason { STOP_END, STOP_LIMIT, STOP_SIGNAL, STOP_FAILED };

struct run {
    struct ss_run_opts opts;
    struct ss_run_ctl ctl;
    enum mode mode;
    unsigned n_workers;
    struct ss_worker *w[SS_RUN_WORKERS_MAX];
    uint16_t n_ports;
    uint16_t ports[SS_PORTS_MAX];
    uint16_t port_rxq[SS_PORTS_MAX]; /* RX queues set up on each port */
    bool ports_started;
    struct rte_mempool *pool[RTE_MAX_NUMA_NODES];
    struct ss_dist *dist;
    struct ss_ctl_server *ctl_server; /* NULL: no control channel */
    struct ss_output out;
    bool one_pass;
    bool hook_ready; /* setup succeeded: teardown is due */
    uint64_t start_tsc;
};

static volatile sig_atomic_t signals;

static void on_signal(int sig)
{
    (void)sig;
    signals = signals + 1;
}

/* DPDK 22.11 rejects --in-memory together with --no-huge (which implies
 * legacy memory); without hugepages there are no hugepage files to hide
 * anyway, so --no-shconf gives what --in-memory promises. Only the EAL
 * part (before "--") is looked at. */
static void eal_args_fixup(int argc, char **argv)
{
    int end = argc, no_huge = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            end = i;
            break;
        }
        no_huge |= strcmp(argv[i], "--no-huge") == 0;
    }
    for (int i = 1; i < end && no_huge; i++)
        if (strcmp(argv[i], "--in-memory") == 0)
            argv[i] = (char *)"--no-shconf";
}

/* One queue per worker with RSS; else one per port, or all of those a
 * port always has, which the one poller then reads in turn. */
static int plan_queues(struct run *r)
{
    unsigned polled = 0;
    for (uint16_t i = 0; i < r->n_ports; i++) {
        uint16_t fixed = ss_port_fixed_rx_queues(r->ports[i]);
        r->port_rxq[i] = r->mode == MODE_RSS ? (uint16_t)r->n_workers : fixed > 1 ? fixed : 1;
        polled += r->mode == MODE_RSS ? 1 : r->port_rxq[i];
    }
    if (polled > SS_RXQ_MAX) {
        fprintf(stderr,
                "sigsift run: %u RX queues for one lcore to poll, at most %d: lower qpairs\n",
                polled, SS_RXQ_MAX);
        return -1;
    }
    return 0;
}

static int plan_workers(struct run *r)
{
    unsigned avail = rte_lcore_count() - 1;
    r->n_workers = r->opts.workers != 0 ? r->opts.workers : avail;
    if (avail == 0 || r->n_workers > avail) {
        fprintf(stderr,
                "sigsift run: %u workers need %u lcores besides the main one, have %u (EAL -l)\n",
                r->n_workers ? r->n_workers : 1, r->n_workers ? r->n_workers : 1, avail);
        return -1;
    }
    uint16_t port;
    r->n_ports = 0;
    RTE_ETH_FOREACH_DEV(port)
    {
        if (r->n_ports == SS_PORTS_MAX) {
            fprintf(stderr, "sigsift run: more than %d ports\n", SS_PORTS_MAX);
            return -1;
        }
        ss_port_note(port);
        r->ports[r->n_ports++] = port;
    }
    if (r->n_ports == 0) {
        fprintf(stderr, "sigsift run: no port; give one, e.g. --vdev net_pcap0,rx_pcap=X.pcap\n");
        return -1;
    }
    bool rss = true;
    for (uint16_t i = 0; i < r->n_ports; i++)
        rss = rss && ss_port_rss_capable(r->ports[i], (uint16_t)r->n_workers);
    r->mode = r->n_workers == 1 ? MODE_DIRECT : rss ? MODE_RSS : MODE_SOFTWARE;
    return plan_queues(r);
}

static unsigned worker_lcore(unsigned i)
{
    unsigned lcore, k = 0;
    RTE_LCORE_FOREACH_WORKER(lcore)
    {
        if (k++ == i)
            return lcore;
    }
    return RTE_MAX_LCORE;
}

static unsigned poller_lcore(const struct run *r, uint16_t queue)
{
    if (r->mode == MODE_SOFTWARE)
        return rte_get_main_lcore();
    return r->w[r->mode == MODE_RSS ? queue : 0]->lcore;
}

/* Mbufs to cover every RX ring, the distributor rings, each lcore's
 * cache and burst, and what ports preload: the pool can then never run
 * dry, which for net_pcap would lose a frame (it reads the file before
 * allocating). */
static unsigned pool_size(const struct run *r)
{
    unsigned n = rte_lcore_count() * (MBUF_CACHE + SS_RUN_BURST_MAX);
    for (uint16_t i = 0; i < r->n_ports; i++)
        n += r->port_rxq[i] * r->opts.rx_desc;
    if (r->mode == MODE_SOFTWARE)
        n += r->n_workers * (SS_DIST_RING_SIZE + SS_RUN_BURST_MAX);
    for (uint16_t i = 0; i < r->n_ports; i++)
        n += ss_port_preload_mbufs(r->ports[i]) + ss_port_kept_mbufs(r->ports[i], r->port_rxq[i]);
    return n + MBUF_SPARE;
}

static struct rte_mempool *pool_for(struct run *r, unsigned lcore)
{
    unsigned socket = rte_lcore_to_socket_id(lcore);
    if (socket >= RTE_MAX_NUMA_NODES)
        socket = 0;
    if (r->pool[socket] == NULL) {
        char name[RTE_MEMPOOL_NAMESIZE];
        unsigned n = pool_size(r);
        snprintf(name, sizeof name, "mbuf_s%u", socket);
        /* A frame of up to --max-frame bytes fits one mbuf: the af_packet
         * PMD refuses a kernel frame size above the mbuf's room. */
        uint16_t room = (uint16_t)(RTE_PKTMBUF_HEADROOM + r->opts.max_frame);
        r->pool[socket] = rte_pktmbuf_pool_create(name, n, MBUF_CACHE, 0, room, (int)socket);
        if (r->pool[socket] == NULL)
            fprintf(stderr, "sigsift run: mempool %s (%u mbufs): %s (raise EAL -m)\n", name, n,
                    rte_strerror(rte_errno));
    }
    return r->pool[socket];
}

static int setup_worker(struct run *r, unsigned i)
{
    unsigned lcore = worker_lcore(i);
    int socket = (int)rte_lcore_to_socket_id(lcore);
    struct ss_worker *w = rte_zmalloc_socket("worker", sizeof *w, RTE_CACHE_LINE_SIZE, socket);

    if (w == NULL) {
        fprintf(stderr, "sigsift run: worker %u: out of memory (raise EAL -m)\n", i);
        return -1;
    }
    r->w[i] = w;
    w->id = i;
    w->lcore = lcore;
    w->ctl = &r->ctl;
    if (r->mode == MODE_RSS) {
        for (uint16_t p = 0; p < r->n_ports; p++)
            w->rxq[w->n_rxq++] = (struct ss_rxq){.port = r->ports[p], .queue = (uint16_t)i};
    } else if (r->mode == MODE_DIRECT) {
        for (uint16_t p = 0; p < r->n_ports; p++)
            for (uint16_t q = 0; q < r->port_rxq[p]; q++)
                w->rxq[w->n_rxq++] = (struct ss_rxq){.port = r->ports[p], .queue = q};
    }
    return ss_outq_init(&w->out, i, socket, r->opts.evidence != NULL ? r->opts.max_frame : 0);
}

static int setup_dist(struct run *r)
{
    r->dist =
        rte_zmalloc_socket("dist", sizeof *r->dist, RTE_CACHE_LINE_SIZE, (int)rte_socket_id());
    if (r->dist == NULL) {
        fprintf(stderr, "sigsift run: distributor: out of memory\n");
        return -1;
    }
    for (uint16_t p = 0; p < r->n_ports; p++)
        for (uint16_t q = 0; q < r->port_rxq[p]; q++)
            r->dist->rxq[r->dist->n_rxq++] = (struct ss_rxq){.port = r->ports[p], .queue = q};
    return ss_dist_init(r->dist, r->w, r->n_workers, (uint16_t)r->opts.burst);
}

static int start_ports(struct run *r)
{
    _Static_assert(SS_RXQ_MAX <= SS_RUN_WORKERS_MAX, "a port's queues index pools");
    struct rte_mempool *pools[SS_RUN_WORKERS_MAX];
    uint16_t most = 0;

    for (uint16_t i = 0; i < r->n_ports; i++)
        most = r->port_rxq[i] > most ? r->port_rxq[i] : most;
    for (uint16_t q = 0; q < most; q++)
        if ((pools[q] = pool_for(r, poller_lcore(r, q))) == NULL)
            return -1;
    r->one_pass = true;
    for (uint16_t i = 0; i < r->n_ports; i++) {
        /* Closed at exit even if setup fails half-way: queues set up
         * before the failure hold mbufs. */
        r->ports_started = true;
        struct ss_port_cfg cfg = {.n_rxq = r->port_rxq[i],
                                  .rss = r->mode == MODE_RSS,
                                  .max_frame = r->opts.max_frame,
                                  .rx_desc = r->opts.rx_desc};
        if (ss_port_start(r->ports[i], &cfg, pools) != 0)
            return -1;
        r->one_pass = r->one_pass && ss_port_is_one_pass(r->ports[i]);
        r->ctl.ts_mult[r->ports[i]] = ss_port_ts_mult(r->ports[i]);
    }
    /* Registered by the PMD at start, if it timestamps at all. */
    int bit = rte_mbuf_dynflag_lookup(RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME, NULL);
    r->ctl.ts_off = rte_mbuf_dynfield_lookup(RTE_MBUF_DYNFIELD_TIMESTAMP_NAME, NULL);
    r->ctl.ts_flag = bit >= 0 ? RTE_BIT64(bit) : 0;
    r->ctl.lossless = r->one_pass;
    return 0;
}

/* The live rule state exists in every run (workers report quiescence to
 * it); a judging hook moves its rule set into it. */
static int attach_live(struct run *r)
{
    const struct ss_worker_hook *h = r->ctl.hook;

    if ((r->ctl.live = ss_live_new(r->n_workers)) == NULL) {
        fprintf(stderr, "sigsift run: out of memory for the live rule state\n");
        return -1;
    }
    return h->attach != NULL ? h->attach(r->ctl.hook_shared, r->ctl.live) : 0;
}

/* The default socket may be taken by another run (tests run several at
 * once): the run then goes on without a control channel. A --socket
 * that cannot be served fails the run. */
static int start_control(struct run *r)
{
    const struct ss_ctl_server_cfg cfg = {
        .path = r->opts.socket != NULL ? r->opts.socket : SS_CTL_SOCKET_DEFAULT,
        .live = r->ctl.live,
        .load = ss_live_load,
        .load_arg = &r->opts,
        .w = r->w,
        .n_workers = r->n_workers,
        .ports = r->ports,
        .n_ports = r->n_ports,
    };
    r->ctl_server = ss_ctl_server_start(&cfg);
    if (r->ctl_server == NULL && r->opts.socket != NULL)
        return -1;
    if (r->ctl_server == NULL)
        fprintf(stderr, "sigsift run: no control channel (rules cannot be pushed to this run)\n");
    return 0;
}

static int setup(struct run *r)
{
    const struct ss_worker_hook *h = r->ctl.hook;

    if (h->setup != NULL && h->setup(&r->opts, &r->ctl.hook_shared) != 0)
        return -1;
    r->hook_ready = true;
    if (plan_workers(r) != 0 || attach_live(r) != 0)
        return -1;
    for (unsigned i = 0; i < r->n_workers; i++)
        if (setup_worker(r, i) != 0)
            return -1;
    if (r->mode == MODE_SOFTWARE && setup_dist(r) != 0)
        return -1;
    if (start_ports(r) != 0 || ss_output_open(&r->out, &r->opts) != 0 || start_control(r) != 0)
        return -1;
    fprintf(stderr, "sigsift run: %u worker(s), %u port(s), distribution %s%s%s\n", r->n_workers,
            r->n_ports, mode_name[r->mode], r->one_pass ? ", one-pass replay" : "",
            r->opts.drop ? ", drop" : "");
    return 0;
}

static unsigned drain_output(struct run *r)
{
    unsigned n = 0;
    for (unsigned i = 0; i < r->n_workers; i++)
        n += ss_output_drain(&r->out, &r->w[i]->out);
    return n;
}

static uint64_t load(const uint64_t *v)
{
    return __atomic_load_n(v, __ATOMIC_RELAXED);
}

static bool pollers_idle(const struct run *r)
{
    if (r->dist != NULL)
        return r->dist->c.empty_polls >= END_EMPTY_POLLS;
    for (unsigned i = 0; i < r->n_workers; i++)
        if (load(&r->w[i]->c.empty_polls) < END_EMPTY_POLLS)
            return false;
    return true;
}

static uint64_t frames_received(const struct run *r)
{
    if (r->dist != NULL)
        return r->dist->c.frames;
    uint64_t n = 0;
    for (unsigned i = 0; i < r->n_workers; i++)
        n += load(&r->w[i]->c.frames);
    return n;
}

static uint64_t port_ipackets(const struct run *r)
{
    uint64_t n = 0;
    struct rte_eth_stats st;
    for (uint16_t i = 0; i < r->n_ports; i++)
        if (rte_eth_stats_get(r->ports[i], &st) == 0)
            n += st.ipackets;
    return n;
}

struct watch {
    uint64_t last_ipackets;
    unsigned idle_ticks;
};

static bool input_ended(const struct run *r, struct watch *wt)
{
    uint64_t ipk = port_ipackets(r);
    wt->idle_ticks = ipk == wt->last_ipackets && pollers_idle(r) ? wt->idle_ticks + 1 : 0;
    wt->last_ipackets = ipk;
    return wt->idle_ticks >= END_IDLE_TICKS;
}

static bool any_failed(const struct run *r)
{
    for (unsigned i = 0; i < r->n_workers; i++)
        if (__atomic_load_n(&r->w[i]->status, __ATOMIC_ACQUIRE) == SS_WORKER_FAILED)
            return true;
    return false;
}

/* Checked every TICK_MS: failures, limits, end of a one-pass replay. */
static int tick(struct run *r, struct watch *wt, uint64_t now, uint64_t *next_stats)
{
    uint64_t hz = rte_get_tsc_hz();
    if (any_failed(r))
        return STOP_FAILED;
    if (r->opts.duration_s > 0 && now - r->start_tsc >= (uint64_t)(r->opts.duration_s * hz))
        return STOP_LIMIT;
    if (r->opts.packets > 0 && frames_received(r) >= r->opts.packets)
        return STOP_LIMIT;
    if (r->one_pass && input_ended(r, wt))
        return STOP_END;
    if (r->opts.stats_interval_s > 0 && now >= *next_stats) {
        ss_report_interval(stderr, (double)(now - r->start_tsc) / hz, r->w, r->n_workers);
        *next_stats = now + (uint64_t)(r->opts.stats_interval_s * hz);
    }
    return -1;
}

/* Workers queue events or evidence only with --events, --evidence or
 * --all (a hook formats nothing nobody takes). */
static bool output_due(const struct run *r)
{
    return r->opts.events != NULL || r->opts.evidence != NULL || r->opts.all;
}

/* The main lcore with nothing to do: a distributor keeps polling; with
 * output due it naps (idle.h); with none it has only the tick to keep,
 * so it sleeps until then. Its 10 us naps woke it 10 000 times a second
 * (a quarter of a core, taken from the worker on a shared 2-vCPU host)
 * in a decode-only replay. A signal cuts the sleep short. */
static void idle_main(const struct run *r, uint64_t idle, uint64_t next_tick)
{
    if (r->dist != NULL) {
        ss_idle_poller(idle);
    } else if (output_due(r)) {
        ss_idle_output(idle);
    } else {
        uint64_t now = rte_rdtsc();
        if (now < next_tick)
            usleep((useconds_t)((next_tick - now) * 1000000 / rte_get_tsc_hz()));
    }
}

static enum stop_reason main_loop(struct run *r)
{
    uint64_t hz = rte_get_tsc_hz(), next_tick = 0, next_stats = 0, idle = 0;
    struct watch wt = {.last_ipackets = UINT64_MAX};

    r->start_tsc = rte_rdtsc();
    next_stats = r->start_tsc + (uint64_t)(r->opts.stats_interval_s * hz);
    for (;;) {
        unsigned work = r->dist != NULL ? ss_dist_poll(r->dist) : 0;
        work += drain_output(r);
        idle = work == 0 ? idle + 1 : 0;
        if (idle != 0)
            idle_main(r, idle, next_tick);
        if (signals != 0)
            return STOP_SIGNAL;
        uint64_t now = rte_rdtsc();
        if (now < next_tick)
            continue;
        next_tick = now + hz * TICK_MS / 1000;
        int why = tick(r, &wt, now, &next_stats);
        if (why >= 0)
            return (enum stop_reason)why;
    }
}

static bool all_done(const struct run *r)
{
    for (unsigned i = 0; i < r->n_workers; i++) {
        int s = __atomic_load_n(&r->w[i]->status, __ATOMIC_ACQUIRE);
        if (s != SS_WORKER_DONE && s != SS_WORKER_FAILED)
            return false;
    }
    return true;
}

/* Input stops first (the distributor places what it holds unless the
 * stop is forced), then workers drain and finish while the output keeps
 * draining; a second signal stops waiting for room anywhere. */
static void stop(struct run *r, enum stop_reason why)
{
    if (r->dist != NULL) {
        while (why != STOP_SIGNAL && why != STOP_FAILED && !ss_dist_flush(r->dist) && signals < 2)
            if (drain_output(r) == 0)
                ss_idle_poller(SS_IDLE_YIELD_POLLS);
        ss_dist_discard(r->dist);
    }
    __atomic_store_n(&r->ctl.rx_stop, 1, __ATOMIC_RELEASE);
    while (!all_done(r)) {
        if (drain_output(r) == 0)
            ss_idle_poller(SS_IDLE_YIELD_POLLS);
        if (signals >= 2)
            __atomic_store_n(&r->ctl.force_quit, 1, __ATOMIC_RELEASE);
    }
    rte_eal_mp_wait_lcore();
    while (drain_output(r) != 0)
        continue;
}

static const char *stop_name(enum stop_reason why)
{
    static const char *const names[] = {"end of input", "limit reached", "signal", "worker failed"};
    return names[why];
}

static int launch(struct run *r)
{
    for (unsigned i = 0; i < r->n_workers; i++) {
        if (rte_eal_remote_launch(ss_worker_main, r->w[i], r->w[i]->lcore) != 0) {
            fprintf(stderr, "sigsift run: lcore %u busy\n", r->w[i]->lcore);
            /* Not launched, so never DONE: stop() must not wait for them. */
            for (unsigned j = i; j < r->n_workers; j++)
                __atomic_store_n(&r->w[j]->status, SS_WORKER_FAILED, __ATOMIC_RELEASE);
            return -1;
        }
    }
    return 0;
}

/* Every mbuf must be back in its pool once ports are closed and rings
 * emptied, but those a PMD keeps (ss_port_kept_mbufs); more in use is a
 * leak. Called before the ports close: the PMD's state is gone after. */
static unsigned kept_by_ports(const struct run *r)
{
    unsigned kept = 0;
    for (uint16_t i = 0; i < r->n_ports && r->ports_started; i++)
        kept += ss_port_kept_mbufs(r->ports[i], r->port_rxq[i]);
    return kept;
}

static bool pools_leak(const struct run *r, unsigned kept)
{
    unsigned in_use = 0;
    for (unsigned s = 0; s < RTE_MAX_NUMA_NODES; s++) {
        if (r->pool[s] == NULL)
            continue;
        unsigned n = rte_mempool_in_use_count(r->pool[s]);
        fprintf(stderr, "mempool.%s.in_use %u\n", r->pool[s]->name, n);
        in_use += n;
    }
    if (kept > 0)
        fprintf(stderr, "mempool.kept_by_ports %u\n", kept);
    return in_use > kept;
}

static void report(struct run *r, enum stop_reason why)
{
    fprintf(stderr, "sigsift run: stopped (%s)\n", stop_name(why));
    for (uint16_t i = 0; i < r->n_ports; i++)
        ss_port_print_stats(stderr, r->ports[i]);
    ss_report_final(stderr, r->w, r->n_workers, r->dist != NULL ? &r->dist->c : NULL);
    fprintf(stderr, "output.events %" PRIu64 "\noutput.evidence_frames %" PRIu64 "\n",
            r->out.events_written, r->out.evidence_written);
}

static void teardown(struct run *r)
{
    struct ss_run_totals totals;

    ss_report_totals(r->w, r->n_workers, &totals);
    for (unsigned i = 0; i < r->n_workers && r->w[i] != NULL; i++) {
        ss_worker_release(r->w[i]);
        ss_outq_free(&r->w[i]->out);
        rte_free(r->w[i]);
    }
    if (r->hook_ready && r->ctl.hook->totals != NULL)
        r->ctl.hook->totals(r->ctl.hook_shared, &totals);
    if (r->hook_ready && r->ctl.hook->teardown != NULL)
        r->ctl.hook->teardown(r->ctl.hook_shared);
    ss_live_free(r->ctl.live, stderr);
    rte_free(r->dist);
    for (unsigned s = 0; s < RTE_MAX_NUMA_NODES; s++)
        rte_mempool_free(r->pool[s]);
}

static int run_and_stop(struct run *r)
{
    int rc = 0;
    enum stop_reason why = launch(r) == 0 ? main_loop(r) : STOP_FAILED;

    stop(r, why);
    if (why == STOP_FAILED)
        rc = 1;
    report(r, why);
    if (r->opts.report_json != NULL &&
        ss_report_json(r->opts.report_json, r->w, r->n_workers, r->opts.drop, mode_name[r->mode],
                       r->ports, r->n_ports) != 0)
        rc = 1;
    if (ss_output_close(&r->out) != 0) {
        fprintf(stderr, "sigsift run: writing events or evidence failed\n");
        rc = 1;
    }
    return rc;
}

/* Ports close before the pool check: their RX rings hold mbufs. */
static int finish(struct run *r, int rc)
{
    ss_ctl_server_stop(r->ctl_server);
    if (r->dist != NULL)
        ss_dist_free(r->dist);
    unsigned kept = kept_by_ports(r);
    for (uint16_t i = 0; i < r->n_ports && r->ports_started; i++)
        ss_port_stop(r->ports[i]);
    if (pools_leak(r, kept)) {
        fprintf(stderr, "sigsift run: mbufs leaked\n");
        rc = 3;
    }
    teardown(r);
    rte_eal_cleanup();
    return rc;
}

/* EAL prints this after its own options for --help or a bad argument. */
static void app_usage(const char *prgname)
{
    (void)prgname;
    ss_run_usage(stdout);
}

int ss_run_with_hook(int argc, char **argv, const struct ss_worker_hook *hook)
{
    static struct run r;

    eal_args_fixup(argc, argv);
    rte_set_application_usage_hook(app_usage);
    int n = rte_eal_init(argc, argv);
    if (n < 0) {
        fprintf(stderr, "sigsift run: EAL initialisation failed: %s\n", rte_strerror(rte_errno));
        return 1;
    }
    int p = ss_run_opts_parse(argc - n, argv + n, &r.opts);
    if (p != 0) {
        rte_eal_cleanup();
        return p > 0 ? 0 : 2;
    }
    r.ctl.opts = &r.opts;
    r.ctl.hook = hook;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    int rc = setup(&r) == 0 ? run_and_stop(&r) : 1;
    return finish(&r, rc);
}

int ss_run_main(int argc, char **argv)
{
    return ss_run_with_hook(argc, argv, &ss_default_hook);
}
