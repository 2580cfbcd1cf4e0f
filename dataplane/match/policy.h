/* Policy: a scan's rule hits become a verdict. It never parses.
 *
 * Precedence: if any hit rule has action pass (an allowlist entry, e.g.
 * a bank's genuine notice template), the verdict is pass; otherwise it
 * is the most severe action among the hits (block > alert); no hits is
 * SS_ACTION_NONE (reported as "pass"). */
#ifndef SS_POLICY_H
#define SS_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/match/matcher.h"

/* Rule ids listed per verdict; more are counted in n_rules. */
#define SS_VERDICT_RULES_MAX 16

/* Names for output: rule i's id is rs->rules.rule[rules[i]].id for
 * i < min(n_rules, SS_VERDICT_RULES_MAX); category bit c's name is
 * rs->rules.category[c]. */
struct ss_verdict {
    enum ss_action action;
    bool allowlisted;                     /* a pass rule overrode other hits */
    bool truncated;                       /* text longer than SS_MATCH_TEXT_MAX */
    uint64_t categories;                  /* bit i: ruleset->rules.category[i] */
    uint32_t n_rules;                     /* rules hit (listed or not) */
    uint32_t rules[SS_VERDICT_RULES_MAX]; /* indices; ids in rules.rule[i].id */
    uint64_t version;                     /* rule set that judged */
    const char *sender_list;              /* "blocklist" / "allowlist" when a sender
                                             list overrode the rules (core/screen.c),
                                             else NULL */
    bool report;                          /* a user's spam report (core/screen.c):
                                             judged, never acted on */
};

/* Hits (from ss_ruleset_scan) to verdict. */
void ss_policy_decide(const struct ss_ruleset *rs, const struct ss_hits *hits,
                      struct ss_verdict *out);

/* What the pipeline calls once per complete message: normalises and
 * presents text[0..len) (UTF-8) into sc's buffer, scans it with rs and
 * decides. sc is the calling worker's clone for rs. SS_OK with a
 * verdict, or the scan's error (out then holds no hits). No allocation,
 * no locks. */
enum ss_result ss_judge(const struct ss_ruleset *rs, struct ss_ruleset_scratch *sc,
                        const char *text, size_t len, struct ss_verdict *out);

/* "pass" for none and pass; the action's name otherwise. */
const char *ss_verdict_name(const struct ss_verdict *v);

#endif
