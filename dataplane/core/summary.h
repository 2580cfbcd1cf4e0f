/* What a run found, for the operator's end-of-run summary: messages by
 * verdict, flagged messages by category, and the senders of the most
 * flagged messages. Per worker, fixed size, no allocation; merged at the
 * end. Top senders use the space-saving algorithm (Metwally et al. 2005):
 * K counters; a new sender replaces the smallest, inheriting its count as
 * its error bound, so every sender sent more than count - error. */
#ifndef SS_SUMMARY_H
#define SS_SUMMARY_H

#include <stdint.h>
#include <stdio.h>

#include "dataplane/core/sm.h"
#include "dataplane/match/policy.h"

#define SS_SUMMARY_TOP 32

struct ss_top_sender {
    char sender[SS_TP_ADDR_MAX];
    uint64_t count, error;
};

struct ss_summary {
    uint64_t messages, flagged;
    uint64_t by_action[SS_ACTION_BLOCK + 1];
    uint64_t by_category[SS_CATEGORY_MAX];
    unsigned n_top;
    struct ss_top_sender top[SS_SUMMARY_TOP];
};

void ss_summary_add(struct ss_summary *s, const struct ss_sm *sm, const struct ss_verdict *v);
void ss_summary_merge(struct ss_summary *into, const struct ss_summary *from);
/* Prints the summary; rules gives the category names. */
void ss_summary_print(FILE *f, const struct ss_summary *s, const struct ss_rules *rules,
                      unsigned top);

#endif
