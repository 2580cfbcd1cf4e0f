/* Screening: what a worker does with each complete short message. It is
 * judged against the rule set, counted in the worker's summary, and its
 * event line is written when it is flagged (alert or block), or always
 * when every message is asked for. Used alike by `sigsift scan` (libpcap)
 * and by the DPDK workers of `sigsift run`. No allocation after init. */
#ifndef SS_SCREEN_H
#define SS_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dataplane/core/sm.h"
#include "dataplane/core/summary.h"
#include "dataplane/ctl/senders.h"
#include "dataplane/match/matcher.h"

struct ss_screen {
    const struct ss_ruleset *rs;
    struct ss_ruleset_scratch *scratch;
    unsigned worker;
    bool all;
    bool events;                      /* a sink takes event lines; false: none formatted */
    const struct ss_senders *senders; /* sender lists; NULL: none */
    const struct ss_pseudonym *pseudonym; /* subscribers in events by pseudonym; NULL: as decoded */
    uint64_t judge_errors;            /* scans that failed; judged on partial hits */
    struct ss_summary summary;
};

/* Clones the worker's scratch from tmpl (made once per rule set). Event
 * lines are formatted (events = true); a caller without a sink clears
 * events, so no message pays for a line nobody writes. */
enum ss_result ss_screen_init(struct ss_screen *s, const struct ss_ruleset *rs,
                              const struct ss_ruleset_scratch *tmpl, unsigned worker, bool all);
void ss_screen_fini(struct ss_screen *s);

/* Judges sm; writes its event line into buf and returns the length (0:
 * no event, events off, or it did not fit). *flagged says whether the
 * verdict was alert or block (its frames belong in the evidence). */
size_t ss_screen_sm(struct ss_screen *s, const struct ss_sm *sm, char *buf, size_t cap,
                    bool *flagged);

/* The judging part of a run's summary, as `scan` and `run` print it: the
 * rule set, flagged messages per category, the top senders (by pseudonym
 * with ps), and the scans that failed (when any). */
void ss_screen_report(FILE *f, const struct ss_ruleset *rs, const char *matcher,
                      const struct ss_summary *sum, uint64_t judge_errors, unsigned top,
                      const struct ss_pseudonym *ps);

#endif
