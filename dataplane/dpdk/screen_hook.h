/* The screening hook of `sigsift run --rules ...`: each worker judges
 * every complete message against the rule set, as `sigsift scan` does
 * (dataplane/core/screen.h), so both commands give the same verdicts.
 *
 *   setup     loads --rules with --matcher (ss_ruleset_from_files) once;
 *             a bad rule file prints file:line and refuses the run.
 *   attach    hands the rule set to the live rule state (live.h), which
 *             clones every worker's scratch and swaps them on
 *             `sigsiftctl rules push`.
 *   on_sm     judges; writes the verdict event for a flagged message
 *             (alert or block), or for every message with --all, and
 *             asks for the flagged message's frames as evidence.
 *   fini      folds the worker's summary into the shared one.
 *   teardown  prints the summary (frames, messages, flagged per category,
 *             top senders, throughput) and frees the rule set.
 *
 * Workers reach the rule set, their scratch and the sender lists through
 * ss_live_current / ss_live_senders, once per message. */
#ifndef SS_DPDK_SCREEN_HOOK_H
#define SS_DPDK_SCREEN_HOOK_H

#include "dataplane/dpdk/hook.h"

extern const struct ss_worker_hook ss_screen_hook;

#endif
