/* Hits to verdict; see policy.h for the precedence. */
#include "dataplane/match/policy.h"

#include <string.h>

void ss_policy_decide(const struct ss_ruleset *rs, const struct ss_hits *hits,
                      struct ss_verdict *out)
{
    uint64_t cats[SS_ACTION_BLOCK + 1] = {0};
    enum ss_action worst = SS_ACTION_NONE;
    uint32_t listed = hits->n < SS_HITS_MAX ? hits->n : SS_HITS_MAX;

    out->n_rules = hits->n;
    for (uint32_t i = 0; i < listed; i++) {
        const struct ss_rule *r = &rs->rules.rule[hits->rule[i]];
        cats[r->action] |= 1ull << r->category;
        if (r->action > worst)
            worst = r->action;
        if (i < SS_VERDICT_RULES_MAX)
            out->rules[i] = hits->rule[i];
    }
    out->allowlisted = cats[SS_ACTION_PASS] != 0 && worst > SS_ACTION_PASS;
    out->action = cats[SS_ACTION_PASS] != 0 ? SS_ACTION_PASS : worst;
    out->categories = out->action == SS_ACTION_PASS ? cats[SS_ACTION_PASS]
                                                    : cats[SS_ACTION_ALERT] | cats[SS_ACTION_BLOCK];
    out->version = rs->version;
    out->sender_list = NULL;
    out->report = false;
}

enum ss_result ss_judge(const struct ss_ruleset *rs, struct ss_ruleset_scratch *sc,
                        const char *text, size_t len, struct ss_verdict *out)
{
    size_t n;
    out->truncated = len > SS_MATCH_TEXT_MAX;
    if (out->truncated)
        len = SS_MATCH_TEXT_MAX;
    ss_normalize(rs->pres, text, len, sc->text, sizeof sc->text, &n);
    enum ss_result r = ss_ruleset_scan(rs, sc, sc->text, n);
    if (r != SS_OK)
        sc->hits.n = 0;
    ss_policy_decide(rs, &sc->hits, out);
    return r;
}

const char *ss_verdict_name(const struct ss_verdict *v)
{
    return v->action <= SS_ACTION_PASS ? "pass" : ss_action_name(v->action);
}
