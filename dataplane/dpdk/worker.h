/* A worker lcore: receives frames (from its own RX queues, or from its
 * distributor ring), decodes them with its own pipeline, runs the hook
 * on every message and queues events and evidence for the output thread.
 * All state below is private to the worker's lcore except `c` and
 * `status`, which the main lcore only reads. */
#ifndef SS_DPDK_WORKER_H
#define SS_DPDK_WORKER_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_ring.h>

#include "dataplane/core/framelog.h"
#include "dataplane/core/pipeline.h"
#include "dataplane/dpdk/hook.h"
#include "dataplane/dpdk/live.h"
#include "dataplane/dpdk/opts.h"
#include "dataplane/dpdk/outq.h"

#define SS_PORTS_MAX 8
/* RX queues one poller reads: a queue of every port, or all of a port's
 * when it has several without RSS (net_af_packet's queue pairs). */
#define SS_RXQ_MAX 16
/* Largest frame decoded; a multi-segment mbuf is copied here whole. */
#define SS_LINEAR_MAX SS_RUN_FRAME_MAX
/* Bytes of frames the framelog keeps per worker for evidence (plus a
 * 4 MiB index): the parts of a message must still be there when its last
 * part completes it. The 16 MiB that held the last 8192 frames in 2 KiB
 * slots now hold the last 87 000 of a siggen mix (192 bytes on average,
 * about 90 ms at 1 M frames/s per worker), and 8192 when all are 2 KiB. */
#define SS_FRAMELOG_BYTES ((size_t)16 << 20)

struct ss_rxq {
    uint16_t port;
    uint16_t queue;
};

/* Shared by all lcores; written before launch except the two flags. */
struct ss_run_ctl {
    const struct ss_run_opts *opts;
    const struct ss_worker_hook *hook;
    void *hook_shared;    /* what hook->setup built */
    struct ss_live *live; /* rule set swapped live (live.h); workers report quiescence */
    bool lossless;        /* replay: wait for ring room rather than drop */
    int ts_off;           /* mbuf RX timestamp dynfield, < 0 when absent */
    uint64_t ts_flag;
    uint32_t ts_mult[RTE_MAX_ETHPORTS]; /* see ss_port_ts_mult */
    int rx_stop;                        /* main: no more input will come (atomic) */
    int force_quit;                     /* main: signal received (atomic) */
};

struct ss_worker_counters {
    uint64_t frames, bytes;
    uint64_t oversize; /* frames over SS_LINEAR_MAX, not decoded */
    uint64_t messages;
    uint64_t events, events_dropped;
    uint64_t evidence_frames, evidence_dropped, evidence_lost;
    uint64_t empty_polls;         /* consecutive; end-of-input detection */
    uint64_t first_tsc, last_tsc; /* first and last non-empty burst */
    uint64_t cpu_ns;              /* the loop's thread CPU time, set when it ends */
};

enum ss_worker_status { SS_WORKER_STARTING, SS_WORKER_RUNNING, SS_WORKER_DONE, SS_WORKER_FAILED };

struct ss_worker {
    unsigned id;
    unsigned lcore;
    uint16_t n_rxq;
    struct ss_rxq rxq[SS_RXQ_MAX];
    struct rte_ring *in; /* distributor ring; NULL when polling rxq */
    struct ss_outq out;
    const struct ss_run_ctl *ctl;
    struct ss_pipeline *pl;
    void *hook_ctx;
    struct ss_framelog *fl;     /* NULL without --evidence */
    struct ss_event_slot *slot; /* taken, not yet filled */
    uint64_t seq;               /* frame ids, per worker */
    struct ss_worker_counters c __rte_cache_aligned;
    int status __rte_cache_aligned; /* enum ss_worker_status (atomic) */
    uint8_t linear[SS_LINEAR_MAX] __rte_cache_aligned;
} __rte_cache_aligned;

/* lcore entry (rte_eal_remote_launch); arg is the struct ss_worker. */
int ss_worker_main(void *arg);
/* Main lcore, after the worker is DONE (or FAILED): runs the hook's fini
 * and frees what the worker built on its lcore. */
void ss_worker_release(struct ss_worker *w);

#endif
