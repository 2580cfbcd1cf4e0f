/* The per-message hook: what a worker does with each complete short
 * message. The DPDK layer decodes and moves bytes; judging (matching,
 * policy) and formatting live behind this table, chosen once at start.
 *
 *   setup     main lcore, once, before any worker starts: build what the
 *             workers share read-only (compile or load the rule set).
 *   init      each worker's own lcore, before its first frame, so its
 *             tables (scratch, counters) are first-touched on its NUMA node.
 *   on_sm     the worker's lcore, once per message; must not block,
 *             lock or allocate.
 *   fini      main lcore, after every worker has stopped, one worker after
 *             another: it may fold the worker's context into the shared
 *             state without locks, then frees the context.
 *   totals    main lcore, once, after every fini: what the run measured.
 *   teardown  main lcore, once, last (print a summary, free).
 * setup, totals and teardown may be NULL. No DPDK types cross this line. */
#ifndef SS_DPDK_HOOK_H
#define SS_DPDK_HOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/core/sm.h"
#include "dataplane/dpdk/opts.h"

/* Where on_sm writes its event. buf is a fixed-size slot of the worker's
 * output ring (buf is NULL and cap 0 when none is free, which a replay
 * never sees: workers wait for a slot then). */
struct ss_event_out {
    char *buf;
    size_t cap;
    size_t len;    /* one line ending in '\n'; 0 = no event; > cap or a
                      line that did not fit = dropped and counted */
    bool evidence; /* write the message's frames to the evidence pcap */
};

/* What the run measured, for a hook's end-of-run summary: every
 * worker's frames, bytes and messages, and the span from the first to the
 * last non-empty burst of any worker (so the idle polls that detect the
 * end of a replay do not dilute rates). */
struct ss_run_totals {
    unsigned workers;
    uint64_t frames, bytes, messages;
    double seconds;
};

struct ss_live; /* dataplane/dpdk/live.h */

struct ss_worker_hook {
    /* Returns 0, or -1 (reason printed) to fail the run; *shared is then
     * handed to every init and to teardown. */
    int (*setup)(const struct ss_run_opts *o, void **shared);
    /* Returns the worker's context; NULL fails the run. */
    void *(*init)(unsigned worker_id, const struct ss_run_opts *o, void *shared);
    void (*on_sm)(void *ctx, const struct ss_sm *sm, struct ss_event_out *out);
    void (*fini)(void *ctx, void *shared);
    void (*teardown)(void *shared);
    /* May be NULL. Main lcore, after every fini and before teardown. */
    void (*totals)(void *shared, const struct ss_run_totals *t);
    /* May be NULL. Main lcore, after setup and before any init: the live
     * rule state the control server swaps (live.h); a judging hook hands
     * its rule set over (ss_live_start) and judges each message with
     * ss_live_current. Returns 0, or -1 (reason printed) to fail the run. */
    int (*attach)(void *shared, struct ss_live *live);
};

/* Judges nothing: with --all it writes each message's decode keys (the
 * `sigsift decode` line), otherwise no events. */
extern const struct ss_worker_hook ss_default_hook;

#endif
