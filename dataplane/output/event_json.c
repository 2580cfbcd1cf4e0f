#include "dataplane/output/event_json.h"

#include <string.h>

#include "dataplane/output/json.h"
#include "dataplane/output/sm_json.h"

#define NAMES_MAX (SS_CATEGORY_MAX > SS_VERDICT_RULES_MAX ? SS_CATEGORY_MAX : SS_VERDICT_RULES_MAX)

size_t ss_event_json(char *buf, size_t cap, const struct ss_sm *sm, const struct ss_ruleset *rs,
                     const struct ss_verdict *v, unsigned worker, const struct ss_pseudonym *ps)
{
    const char *names[NAMES_MAX];
    unsigned n = 0;
    struct ss_json j;
    char sender[SS_PSEUDONYM_LEN + 1], recipient[SS_PSEUDONYM_LEN + 1], imsi[SS_PSEUDONYM_LEN + 1];
    struct ss_sm_parties parties;

    if (ps != NULL) {
        parties.sender = ss_pseudonym_party(ps, sm->sender, sender);
        parties.recipient =
            sm->has_recipient ? ss_pseudonym_party(ps, sm->recipient, recipient) : NULL;
        parties.imsi = NULL;
        if (sm->has_imsi) {
            ss_pseudonym_of(ps, sm->imsi, strlen(sm->imsi), imsi);
            parties.imsi = imsi;
        }
    }
    ss_json_begin(&j, buf, cap);
    ss_sm_json(&j, sm, ps != NULL ? &parties : NULL);
    ss_json_cstr(&j, "verdict", ss_verdict_name(v));
    for (unsigned c = 0; c < rs->rules.n_categories; c++)
        if (v->categories >> c & 1)
            names[n++] = rs->rules.category[c];
    ss_json_str_array(&j, "categories", names, n);
    n = 0;
    for (unsigned i = 0; i < v->n_rules && i < SS_VERDICT_RULES_MAX; i++)
        names[n++] = rs->rules.rule[v->rules[i]].id;
    ss_json_str_array(&j, "rules", names, n);
    ss_json_str_or_null(&j, "sender_list", v->sender_list != NULL, v->sender_list);
    ss_json_bool(&j, "report", v->report);
    ss_json_uint(&j, "ruleset", v->version);
    ss_json_uint(&j, "worker", worker);
    return ss_json_end(&j);
}
