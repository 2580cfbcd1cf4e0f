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

#include "dataplane/core/ports.h"
#include "dataplane/core/sm.h"
#include "dataplane/core/summary.h"
#include "dataplane/ctl/senders.h"
#include "dataplane/match/matcher.h"
#include "dataplane/output/pseudonym.h"

#define SS_REPORT_NUMBER_DEFAULT "12321" /* China's national spam report centre */

/* What a run asks of screening beyond the rule set; built once, read by
 * every worker. */
struct ss_screen_cfg {
    struct ss_numbers ports;              /* --port-prefix (106 by default) */
    uint64_t port_warn;                   /* --port-warn N: warn at N; 0: never */
    const struct ss_pseudonym *pseudonym; /* --pseudonymise; NULL: as decoded */
    struct ss_numbers reports;            /* --report-number: MO messages to these
                                             are users' spam reports (12321) */
    enum ss_action mt_max;                /* --mt-max: the most the rules can make of
                                             an MT message (block by default) */
};

/* The screening options as `scan` and `run` take them. */
struct ss_screen_opts {
    const char *const *ports; /* --port-prefix values; none: 106 */
    size_t n_ports;
    const char *const *reports; /* --report-number values; none: 12321 */
    size_t n_reports;
    uint64_t port_warn;        /* --port-warn; 0: none */
    const char *pseudonym_key; /* --pseudonymise KEYFILE; NULL: none */
    const char *mt_max;        /* --mt-max alert|block; NULL: block */
};

/* Builds c from o, the defaults for what o leaves out; ps receives the
 * key when o names one (ps may be NULL when it does not) and c then
 * points at it. 0, or -1 with "--option: why" in err. */
int ss_screen_cfg_setup(struct ss_screen_cfg *c, struct ss_pseudonym *ps,
                        const struct ss_screen_opts *o, char *err, size_t cap);

struct ss_screen {
    const struct ss_ruleset *rs;
    struct ss_ruleset_scratch *scratch;
    unsigned worker;
    bool all;
    bool events;                      /* a sink takes event lines; false: none formatted */
    const struct ss_senders *senders; /* sender lists; NULL: none */
    const struct ss_screen_cfg *cfg;  /* NULL: the defaults, no warnings, no pseudonyms */
    uint64_t judge_errors;            /* scans that failed; judged on partial hits */
    /* The advertising category's bit in the rule set last seen. Rule
     * sets swap live, so it is looked up again when the set or its
     * version changes (a new set may reuse a freed one's address). */
    const struct ss_ruleset *ad_rs;
    uint64_t ad_version, ad_bit;
    struct ss_summary summary;
};

/* Clones the worker's scratch from tmpl (made once per rule set). Event
 * lines are formatted (events = true); a caller without a sink clears
 * events, so no message pays for a line nobody writes. */
enum ss_result ss_screen_init(struct ss_screen *s, const struct ss_ruleset *rs,
                              const struct ss_ruleset_scratch *tmpl, unsigned worker, bool all);
void ss_screen_fini(struct ss_screen *s);

/* Judges sm and counts it in the summary and, when a commercial port
 * sent it or an opt-out request went to one, under that port
 * (core/ports.h). The rules' verdict on an MT message is at most
 * cfg->mt_max (sender lists still apply after it). A user's spam report
 * (an MO message to a report number) is judged and counted but never
 * acted on: its verdict is pass, with what the rules found, and `report`
 * set. Writes the event line
 * (flagged messages, reports, and every message with `all`) into buf,
 * followed by a port warning line for each reason the port has just
 * reached cfg->port_warn, and returns the length (0: nothing due, events
 * off, or it did not fit). *flagged says whether the verdict was alert or
 * block (its frames belong in the evidence). */
size_t ss_screen_sm(struct ss_screen *s, const struct ss_sm *sm, char *buf, size_t cap,
                    bool *flagged);

/* The judging part of a run's summary, as `scan` and `run` print it: the
 * rule set, flagged messages per category, the top senders (by pseudonym
 * with cfg's), the commercial ports, and the scans that failed (when
 * any). cfg NULL as for ss_screen. */
void ss_screen_report(FILE *f, const struct ss_ruleset *rs, const char *matcher,
                      const struct ss_summary *sum, uint64_t judge_errors, unsigned top,
                      const struct ss_screen_cfg *cfg);

#endif
