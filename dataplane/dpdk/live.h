/* The rule set and sender lists a running `sigsift run` judges with, and
 * their hot swap.
 *
 * A generation is one rule set with its scratch template and one scratch
 * per worker, all made on the control thread, off the fast path. The
 * workers reach the current generation through one pointer, read once per
 * message (so each message is judged by exactly one version, and a
 * worker's versions change at one point per swap: the pointer only moves
 * forward). A swap stores the new pointer, then waits until every worker
 * has reported a quiescent state (DPDK rte_rcu_qsbr; workers report once
 * per loop iteration, between bursts, where they hold no reference) before
 * anything the old pointer reached may be freed. The generation active
 * before the last swap is kept for `rules rollback`; the one before that
 * is freed. Sender lists are swapped the same way (copy, change, publish,
 * wait, free).
 *
 * Threads: ss_live_new/start/free on the main lcore (before launch, after
 * every worker stopped); ss_live_worker_* and ss_live_current/senders on
 * each worker's lcore; everything taking a reply on the one control
 * thread (dataplane/dpdk/ctl_server.c). No DPDK types in this interface. */
#ifndef SS_DPDK_LIVE_H
#define SS_DPDK_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dataplane/ctl/proto.h"
#include "dataplane/ctl/senders.h"
#include "dataplane/match/matcher.h"

#define SS_LIVE_HISTORY    32
#define SS_LIVE_SOURCE_MAX 256

struct ss_live_gen {
    struct ss_ruleset *rs;
    struct ss_ruleset_scratch *tmpl;
    unsigned n_workers;
    struct ss_ruleset_scratch **scratch; /* [n_workers]; worker i uses its own */
    uint64_t seq;                        /* 1, 2, ... in order of making */
    char source[SS_LIVE_SOURCE_MAX];     /* bundle path or rule files */
    uint64_t recv_tsc;                   /* the request that brought it arrived */
    uint64_t publish_tsc;                /* made current (last time) */
};

struct ss_live;

/* Loads PATH into a rule set ready to scratch (bundle.h or rule files);
 * NULL with the reason in err. Control thread. */
typedef struct ss_ruleset *(*ss_live_loader)(const char *path, void *arg, char *err, size_t errcap);

/* The loader `sigsift run` uses (live_load.c); arg is its struct
 * ss_run_opts (for --matcher). */
struct ss_ruleset *ss_live_load(const char *path, void *arg, char *err, size_t errcap);

/* For n_workers workers (worker ids 0..n-1); NULL when out of memory. */
struct ss_live *ss_live_new(unsigned n_workers);
/* Takes over rs and tmpl as the first generation (the --rules set). 0, or
 * -1 (reason printed) when per-worker scratch cannot be made. */
int ss_live_start(struct ss_live *l, struct ss_ruleset *rs, struct ss_ruleset_scratch *tmpl,
                  const char *source);
/* The current rule set (main lcore, after every worker stopped: for
 * the end-of-run summary); NULL before start. */
const struct ss_ruleset *ss_live_ruleset(const struct ss_live *l);
/* Prints each worker's swap figures, then frees every generation. */
void ss_live_free(struct ss_live *l, FILE *report);

/* Worker side. online before the first frame, quiescent once per loop
 * iteration (between bursts, holding nothing from ss_live_current; busy:
 * the iteration received frames, so its length counts as a burst-to-burst
 * gap), offline before leaving. */
void ss_live_worker_online(struct ss_live *l, unsigned worker);
void ss_live_quiescent(struct ss_live *l, unsigned worker, bool busy);
void ss_live_worker_offline(struct ss_live *l, unsigned worker);
/* The generation to judge one message with (NULL before start); valid
 * until the worker's next quiescent report. */
const struct ss_live_gen *ss_live_current(struct ss_live *l, unsigned worker);
/* The sender lists (NULL when empty); same validity. */
const struct ss_senders *ss_live_senders(struct ss_live *l);

/* Control thread. Each writes the whole reply (proto.h). push and
 * rollback change nothing when they fail. */
void ss_live_push(struct ss_live *l, const char *path, uint64_t recv_tsc, ss_live_loader load,
                  void *load_arg, struct ss_ctl_reply *r);
void ss_live_rollback(struct ss_live *l, uint64_t recv_tsc, struct ss_ctl_reply *r);
void ss_live_status(struct ss_live *l, struct ss_ctl_reply *r);
void ss_live_history(struct ss_live *l, struct ss_ctl_reply *r);
void ss_live_lists_show(struct ss_live *l, struct ss_ctl_reply *r);
void ss_live_lists_change(struct ss_live *l, const struct ss_ctl_request *rq,
                          struct ss_ctl_reply *r);

#endif
