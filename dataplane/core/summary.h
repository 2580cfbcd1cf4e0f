/* What a run found, for the operator's end-of-run summary: messages by
 * verdict, flagged messages by category, the senders of the most
 * flagged messages, and what each commercial port did (core/ports.h,
 * counted by core/screen.c). Per worker, fixed size, no allocation;
 * merged at the end.
 *
 * Senders are counted exactly in a bounded hash table (linear probing,
 * SS_SUMMARY_SENDERS slots, at most SS_SUMMARY_SENDERS_USED in use).
 * When it is full, a new sender takes the slot of a sender seen once on
 * its probe path, or else is not counted; either way those messages are
 * added to `untracked`. So every listed count is exact while untracked
 * is 0, and otherwise low by at most untracked, and a sender missing
 * from the table sent at most untracked; the printed summary says which.
 * Evicting one-message senders keeps the table for repeat senders, which
 * are the ones a top list is about. (The 32-slot space-saving sketch this
 * replaced listed noise once a run had thousands of flagged senders.) */
#ifndef SS_SUMMARY_H
#define SS_SUMMARY_H

#include <stdint.h>
#include <stdio.h>

#include "dataplane/core/ports.h"
#include "dataplane/core/sm.h"
#include "dataplane/match/policy.h"
#include "dataplane/output/pseudonym.h"

/* 12 288 distinct flagged senders per worker (and merged) in 1 MiB; a
 * table at most 3/4 full keeps probe walks short. */
#define SS_SUMMARY_SENDERS      16384
#define SS_SUMMARY_SENDERS_USED (SS_SUMMARY_SENDERS / 4 * 3)

/* 64 bytes; the hash tag spares a string compare on most probes. (Not
 * declared cache-line aligned: summaries live in calloc'd structures.) */
struct ss_sender_count {
    uint64_t count; /* 0: free slot */
    uint32_t tag;   /* low 32 bits of the sender's hash */
    char sender[SS_TP_ADDR_MAX];
};

struct ss_summary {
    uint64_t messages, flagged;
    uint64_t by_action[SS_ACTION_BLOCK + 1];
    uint64_t by_category[SS_CATEGORY_MAX];
    uint64_t untracked;  /* flagged messages not counted under their sender */
    uint64_t reports, reports_flagged; /* user spam reports; those the rules flag */
    unsigned n_senders; /* distinct senders in the table */
    struct ss_sender_count senders[SS_SUMMARY_SENDERS];
    struct ss_ports ports;
};

void ss_summary_add(struct ss_summary *s, const struct ss_sm *sm, const struct ss_verdict *v);
/* Adds n flagged messages of sender (NUL-terminated) to the table, or to
 * untracked when it is full (see above). */
void ss_summary_count_sender(struct ss_summary *s, const char *sender, uint64_t n);
/* The count of sender in the table; 0 when it is not there. */
uint64_t ss_summary_sender_count(const struct ss_summary *s, const char *sender);
void ss_summary_merge(struct ss_summary *into, const struct ss_summary *from);
/* Prints the summary; rules gives the category names; the top senders
 * (most flagged messages first, ties by sender) up to top of them, each
 * as ss_pseudonym_party writes it when ps is not NULL. */
void ss_summary_print(FILE *f, const struct ss_summary *s, const struct ss_rules *rules,
                      unsigned top, const struct ss_pseudonym *ps);

#endif
