#include "dataplane/match/ruleset_files.h"

#include <string.h>

#include "dataplane/core/hash.h"

/* Strings are hashed with their NUL so that ("ab","c") != ("a","bc"). */
static uint64_t hash_str(uint64_t h, const char *s)
{
    return ss_hash_bytes(h, s, strlen(s) + 1);
}

uint64_t ss_rules_digest(const struct ss_rules *rules)
{
    uint64_t h = SS_HASH_SEED;
    for (size_t i = 0; i < rules->n; i++) {
        const struct ss_rule *r = &rules->rule[i];
        uint8_t fixed[3] = {(uint8_t)r->kind, (uint8_t)r->action, r->flags};
        h = hash_str(h, r->id);
        h = ss_hash_bytes(h, fixed, sizeof(fixed));
        h = hash_str(h, rules->category[r->category]);
        h = hash_str(h, r->pattern);
    }
    return h;
}

struct ss_ruleset *ss_ruleset_from_files(const char *const *paths, size_t n_paths,
                                         const struct ss_matcher_ops *primary, char *err,
                                         size_t errcap)
{
    struct ss_rules rules;
    if (ss_rules_load(&rules, paths, n_paths, err, errcap) != SS_OK)
        return NULL;
    uint64_t version = ss_rules_digest(&rules);
    struct ss_ruleset *rs = NULL;
    if (ss_ruleset_build(&rules, primary, SS_PRES_DEFAULT, version, &rs, err, errcap) != SS_OK)
        return NULL;
    return rs;
}
