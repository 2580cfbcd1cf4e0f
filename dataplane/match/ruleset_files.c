#include "dataplane/match/ruleset_files.h"

#include <string.h>

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * FNV_PRIME;
    return h;
}

/* Strings are hashed with their NUL so that ("ab","c") != ("a","bc"). */
static uint64_t fnv_str(uint64_t h, const char *s)
{
    return fnv(h, s, strlen(s) + 1);
}

uint64_t ss_rules_digest(const struct ss_rules *rules)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < rules->n; i++) {
        const struct ss_rule *r = &rules->rule[i];
        uint8_t fixed[3] = {(uint8_t)r->kind, (uint8_t)r->action, r->flags};
        h = fnv_str(h, r->id);
        h = fnv(h, fixed, sizeof(fixed));
        h = fnv_str(h, rules->category[r->category]);
        h = fnv_str(h, r->pattern);
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
