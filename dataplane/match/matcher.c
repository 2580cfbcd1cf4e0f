/* Rule sets over one or two matcher backends; see matcher.h. */
#include "dataplane/match/matcher.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SS_HAVE_FPGA_SIM
#include "dataplane/fpga/fpga_matcher.h"
#endif

static const struct ss_matcher_ops *const matchers[] = {
    &ss_hs_matcher,
#ifdef SS_HAVE_FPGA_SIM
    &ss_fpga_sim_matcher,
#endif
};

/* Backends a build may leave out (meson options). */
static const char *const optional_matchers[] = {"fpga-sim"};

bool ss_matcher_optional(const char *name)
{
    for (size_t i = 0; i < sizeof optional_matchers / sizeof optional_matchers[0]; i++)
        if (strcmp(optional_matchers[i], name) == 0)
            return true;
    return false;
}

void ss_matcher_report_missing(FILE *f, const char *who, const char *name)
{
    if (ss_matcher_optional(name))
        fprintf(f, "%s: --matcher %s is not built in this binary (needs Verilator)\n", who, name);
    else
        fprintf(f, "%s: unknown --matcher %s\n", who, name);
}

const struct ss_matcher_ops *ss_matcher_find(const char *name)
{
    for (size_t i = 0; i < sizeof matchers / sizeof matchers[0]; i++)
        if (strcmp(matchers[i]->name, name) == 0)
            return matchers[i];
    return NULL;
}

/* Marks the rules some combination names: they must be matched by the
 * same backend (Hyperscan) as the combination itself. */
static void mark_referenced(const struct ss_rules *rules, uint8_t *cpu)
{
    for (size_t i = 0; i < rules->n; i++) {
        const struct ss_rule *r = &rules->rule[i];
        if (r->kind != SS_KIND_COMBINATION)
            continue;
        cpu[i] = 1;
        for (const char *p = r->pattern; *p;) {
            size_t n =
                strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-");
            if (n == 0) {
                p++;
                continue;
            }
            char id[SS_RULE_ID_MAX];
            snprintf(id, sizeof id, "%.*s", (int)n, p);
            long j = ss_rules_find(rules, id);
            if (j >= 0)
                cpu[j] = 1;
            p += n;
        }
    }
}

static void free_parts(struct ss_ruleset *rs)
{
    for (unsigned i = 0; i < rs->n_parts; i++)
        rs->part[i].ops->db_free(rs->part[i].db);
    rs->n_parts = 0;
}

/* Splits rule indices between primary and Hyperscan and compiles each
 * non-empty share into its own part. */
static enum ss_result build_parts(struct ss_ruleset *rs, const struct ss_matcher_ops *primary,
                                  char *err, size_t errcap)
{
    const struct ss_rules *rules = &rs->rules;
    uint32_t *idx = malloc((rules->n + 1) * sizeof *idx);
    uint8_t *cpu = calloc(rules->n + 1, 1);
    enum ss_result r = SS_OK;
    if (idx == NULL || cpu == NULL) {
        snprintf(err, errcap, "out of memory");
        r = SS_TABLE_FULL;
    }
    if (r == SS_OK && primary != &ss_hs_matcher) {
        mark_referenced(rules, cpu);
        for (size_t i = 0; i < rules->n; i++)
            cpu[i] = cpu[i] || !primary->accepts(rules, i);
    }
    const struct ss_matcher_ops *ops[2] = {primary, &ss_hs_matcher};
    for (int pass = 0; r == SS_OK && pass < 2; pass++) {
        size_t n = 0;
        for (size_t i = 0; i < rules->n; i++)
            if ((pass == 1) == (cpu[i] == 1))
                idx[n++] = (uint32_t)i;
        if (n == 0 && !(pass == 0 && rules->n == 0))
            continue;
        struct ss_ruleset_part *part = &rs->part[rs->n_parts];
        part->ops = ops[pass];
        r = part->ops->compile(rules, idx, n, rs->pres, &part->db, err, errcap);
        if (r == SS_OK)
            rs->n_parts++;
    }
    free(idx);
    free(cpu);
    return r;
}

enum ss_result ss_ruleset_build(struct ss_rules *rules, const struct ss_matcher_ops *primary,
                                enum ss_presentation p, uint64_t version, struct ss_ruleset **out,
                                char *err, size_t errcap)
{
    struct ss_ruleset *rs = calloc(1, sizeof *rs);
    if (rs == NULL) {
        ss_rules_free(rules);
        snprintf(err, errcap, "out of memory");
        return SS_TABLE_FULL;
    }
    rs->rules = *rules;
    memset(rules, 0, sizeof *rules);
    rs->version = version;
    rs->pres = p;
    enum ss_result r = build_parts(rs, primary, err, errcap);
    if (r != SS_OK) {
        ss_ruleset_free(rs);
        return r;
    }
    *out = rs;
    return SS_OK;
}

enum ss_result ss_ruleset_assemble(struct ss_rules *rules, enum ss_presentation p, uint64_t version,
                                   const struct ss_ruleset_part *parts, unsigned n_parts,
                                   struct ss_ruleset **out)
{
    struct ss_ruleset *rs = calloc(1, sizeof *rs);
    if (rs == NULL || n_parts > SS_MATCHER_PARTS) {
        free(rs);
        return rs ? SS_OVERSIZE : SS_TABLE_FULL;
    }
    rs->rules = *rules;
    memset(rules, 0, sizeof *rules);
    rs->version = version;
    rs->pres = p;
    rs->n_parts = n_parts;
    memcpy(rs->part, parts, n_parts * sizeof *parts);
    *out = rs;
    return SS_OK;
}

void ss_ruleset_free(struct ss_ruleset *rs)
{
    if (rs == NULL)
        return;
    free_parts(rs);
    ss_rules_free(&rs->rules);
    free(rs);
}

void ss_ruleset_scratch_free(const struct ss_ruleset *rs, struct ss_ruleset_scratch *s)
{
    if (s == NULL)
        return;
    for (unsigned i = 0; i < s->n_parts; i++)
        rs->part[i].ops->scratch_free(s->s[i]);
    free(s);
}

enum ss_result ss_ruleset_scratch_alloc(const struct ss_ruleset *rs,
                                        struct ss_ruleset_scratch **out)
{
    struct ss_ruleset_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SS_TABLE_FULL;
    for (unsigned i = 0; i < rs->n_parts; i++) {
        enum ss_result r = rs->part[i].ops->scratch_alloc(rs->part[i].db, &s->s[i]);
        if (r != SS_OK) {
            ss_ruleset_scratch_free(rs, s);
            return r;
        }
        s->n_parts++;
    }
    *out = s;
    return SS_OK;
}

enum ss_result ss_ruleset_scratch_clone(const struct ss_ruleset_scratch *tmpl,
                                        const struct ss_ruleset *rs,
                                        struct ss_ruleset_scratch **out)
{
    struct ss_ruleset_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SS_TABLE_FULL;
    for (unsigned i = 0; i < tmpl->n_parts; i++) {
        enum ss_result r = rs->part[i].ops->scratch_clone(tmpl->s[i], &s->s[i]);
        if (r != SS_OK) {
            ss_ruleset_scratch_free(rs, s);
            return r;
        }
        s->n_parts++;
    }
    *out = s;
    return SS_OK;
}

enum ss_result ss_ruleset_scan(const struct ss_ruleset *rs, struct ss_ruleset_scratch *sc,
                               const uint8_t *text, size_t len)
{
    sc->hits.n = 0;
    for (unsigned i = 0; i < rs->n_parts; i++) {
        enum ss_result r = rs->part[i].ops->scan(rs->part[i].db, sc->s[i], text, len, &sc->hits);
        if (r != SS_OK)
            return r;
    }
    return SS_OK;
}
