/* The Hyperscan backend: one block-mode database per part. Every
 * expression has HS_FLAG_SINGLEMATCH (each rule reports once per scan,
 * so hits need no dedup); its Hyperscan id is the global rule index.
 * Literals are normalised into the presentation and written as \xHH
 * bytes; regexes are rewritten by ss_present_regex; combinations have
 * their rule ids replaced by rule indices (Hyperscan's logical
 * combination syntax); rules with flag q get HS_FLAG_QUIET.
 *
 * Hyperscan evaluates a combination whenever the match offset advances,
 * so "a & !b" would fire before a later b. sigsift judges whole
 * messages, so every combination is also ANDed with a quiet
 * sub-expression that matches only the text's last byte: combinations
 * are then evaluated once, with every sub-expression's outcome known. */
#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/match/matcher.h"

struct ss_matcher_db {
    hs_database_t *hs; /* NULL for an empty part: scans find nothing */
};

struct ss_matcher_scratch {
    hs_scratch_t *hs;
};

static bool hs_accepts(const struct ss_rules *rules, size_t i)
{
    (void)rules;
    (void)i;
    return true;
}

/* Writes byte b as the 4-character Hyperscan escape \xHH (no format
 * call: the length is fixed, so nothing can overflow). */
static void hex_escape(char *out, uint8_t b)
{
    static const char digits[] = "0123456789abcdef";
    out[0] = '\\';
    out[1] = 'x';
    out[2] = digits[b >> 4];
    out[3] = digits[b & 0xf];
}

static char *literal_expr(const char *pattern, enum ss_presentation p)
{
    size_t len = strlen(pattern), n;
    uint8_t *bytes = malloc(SS_NORM_OUT_MAX(len) + 1);
    char *expr = malloc(4 * SS_NORM_OUT_MAX(len) + 1);
    if (bytes == NULL || expr == NULL) {
        free(bytes);
        free(expr);
        return NULL;
    }
    ss_normalize(p, pattern, len, bytes, SS_NORM_OUT_MAX(len), &n);
    for (size_t i = 0; i < n; i++)
        hex_escape(expr + 4 * i, bytes[i]);
    expr[4 * n] = '\0';
    free(bytes);
    return expr;
}

static char *regex_expr(const char *pattern, enum ss_presentation p)
{
    size_t cap = SS_PRES_REGEX_GROWTH * strlen(pattern) + 1;
    char *expr = malloc(cap), msg[128];
    if (expr && ss_present_regex(p, pattern, expr, cap, msg, sizeof msg) != SS_OK) {
        free(expr);
        return NULL;
    }
    return expr;
}

/* The end-of-text sub-expression's id: no rule has it. */
#define END_ID(rules) ((unsigned)(rules)->n)
static const char end_expr[] = "[\\x00-\\xff]\\z";

static char *combination_expr(const struct ss_rules *rules, const char *pattern)
{
    char *expr = malloc(8 * strlen(pattern) + 32);
    size_t o = 0;
    if (expr == NULL)
        return NULL;
    expr[o++] = '(';
    for (const char *s = pattern; *s;) {
        size_t n = strcspn(s, "&|!() \t");
        if (n == 0) {
            expr[o++] = *s++;
            continue;
        }
        char id[SS_RULE_ID_MAX];
        snprintf(id, sizeof id, "%.*s", (int)n, s);
        o += (size_t)sprintf(expr + o, "%ld", ss_rules_find(rules, id));
        s += n;
    }
    sprintf(expr + o, ") & %u", END_ID(rules));
    return expr;
}

static char *rule_expr(const struct ss_rules *rules, const struct ss_rule *r,
                       enum ss_presentation p, unsigned *flags)
{
    *flags = HS_FLAG_SINGLEMATCH | (r->flags & SS_RULE_QUIET ? HS_FLAG_QUIET : 0);
    switch (r->kind) {
    case SS_KIND_LITERAL:
        return literal_expr(r->pattern, p);
    case SS_KIND_REGEX:
        *flags |= (r->flags & SS_RULE_CASELESS ? HS_FLAG_CASELESS : 0) |
                  (r->flags & SS_RULE_DOTALL ? HS_FLAG_DOTALL : 0) |
                  (p == SS_PRES_UTF8 ? HS_FLAG_UTF8 : 0);
        return regex_expr(r->pattern, p);
    default:
        *flags |= HS_FLAG_COMBINATION;
        return combination_expr(rules, r->pattern);
    }
}

static void free_exprs(char **expr, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(expr[i]);
    free(expr);
}

static enum ss_result hs_compile_part(const struct ss_rules *rules, const uint32_t *idx, size_t n,
                                      enum ss_presentation p, struct ss_matcher_db **out, char *err,
                                      size_t errcap)
{
    struct ss_matcher_db *db = calloc(1, sizeof *db);
    char **expr = calloc(n + 1, sizeof *expr);
    unsigned *flags = calloc(n + 1, sizeof *flags), *ids = calloc(n + 1, sizeof *ids);
    size_t m = 0; /* expressions: the rules, then maybe the end-of-text one */
    bool combinations = false;
    enum ss_result r = db && expr && flags && ids ? SS_OK : SS_TABLE_FULL;
    for (; r == SS_OK && m < n; m++) {
        const struct ss_rule *rule = &rules->rule[idx[m]];
        ids[m] = idx[m];
        combinations |= rule->kind == SS_KIND_COMBINATION;
        if ((expr[m] = rule_expr(rules, rule, p, &flags[m])) == NULL) {
            snprintf(err, errcap, "%s:%u: cannot present pattern in %s", rule->file, rule->line,
                     ss_presentation_name(p));
            r = SS_BAD_VALUE;
        }
    }
    if (r == SS_OK && combinations) {
        ids[m] = END_ID(rules);
        flags[m] = HS_FLAG_QUIET | HS_FLAG_SINGLEMATCH;
        if ((expr[m++] = strdup(end_expr)) == NULL)
            r = SS_TABLE_FULL;
    }
    hs_compile_error_t *ce = NULL;
    if (r == SS_OK && m > 0 &&
        hs_compile_multi((const char *const *)expr, flags, ids, (unsigned)m, HS_MODE_BLOCK, NULL,
                         &db->hs, &ce) != HS_SUCCESS) {
        const struct ss_rule *rule = ce->expression >= 0 && (size_t)ce->expression < n
                                         ? &rules->rule[idx[ce->expression]]
                                         : NULL;
        snprintf(err, errcap, "%s:%u: %s", rule ? rule->file : "rules", rule ? rule->line : 0,
                 ce->message);
        hs_free_compile_error(ce);
        r = SS_BAD_VALUE;
    }
    free_exprs(expr, m);
    free(flags);
    free(ids);
    if (r != SS_OK) {
        free(db);
        return r;
    }
    *out = db;
    return SS_OK;
}

static enum ss_result hs_serialize(const struct ss_matcher_db *db, char **bytes, size_t *len)
{
    if (db->hs == NULL) {
        *bytes = NULL;
        *len = 0;
        return SS_OK;
    }
    return hs_serialize_database(db->hs, bytes, len) == HS_SUCCESS ? SS_OK : SS_TABLE_FULL;
}

static enum ss_result hs_deserialize(const char *bytes, size_t len, struct ss_matcher_db **out,
                                     char *err, size_t errcap)
{
    struct ss_matcher_db *db = calloc(1, sizeof *db);
    if (db == NULL)
        return SS_TABLE_FULL;
    if (len == 0) {
        *out = db;
        return SS_OK;
    }
    char *info = NULL;
    if (hs_serialized_database_info(bytes, len, &info) != HS_SUCCESS) {
        snprintf(err, errcap, "not a Hyperscan database");
        free(db);
        return SS_BAD_VALUE;
    }
    free(info);
    hs_error_t e = hs_deserialize_database(bytes, len, &db->hs);
    if (e != HS_SUCCESS) {
        if (e == HS_DB_VERSION_ERROR)
            snprintf(err, errcap, "database built by another Hyperscan version");
        else if (e == HS_DB_PLATFORM_ERROR)
            snprintf(err, errcap, "database built for another platform");
        else
            snprintf(err, errcap, "database does not load (Hyperscan error %d)", e);
        free(db);
        return SS_BAD_VALUE;
    }
    *out = db;
    return SS_OK;
}

static enum ss_result hs_scratch_new(const struct ss_matcher_db *db,
                                     struct ss_matcher_scratch **out)
{
    struct ss_matcher_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SS_TABLE_FULL;
    if (db->hs != NULL && hs_alloc_scratch(db->hs, &s->hs) != HS_SUCCESS) {
        free(s);
        return SS_TABLE_FULL;
    }
    *out = s;
    return SS_OK;
}

static enum ss_result hs_scratch_clone_(const struct ss_matcher_scratch *tmpl,
                                        struct ss_matcher_scratch **out)
{
    struct ss_matcher_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SS_TABLE_FULL;
    if (tmpl->hs != NULL && hs_clone_scratch(tmpl->hs, &s->hs) != HS_SUCCESS) {
        free(s);
        return SS_TABLE_FULL;
    }
    *out = s;
    return SS_OK;
}

/* Record the rule and go on; SINGLEMATCH makes each id arrive once. */
static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                    void *ctx)
{
    struct ss_hits *h = ctx;
    (void)from;
    (void)to;
    (void)flags;
    if (h->n < SS_HITS_MAX)
        h->rule[h->n] = id;
    h->n++;
    return 0;
}

static enum ss_result hs_scan_text(const struct ss_matcher_db *db, struct ss_matcher_scratch *s,
                                   const uint8_t *text, size_t len, struct ss_hits *hits)
{
    if (db->hs == NULL)
        return SS_OK;
    hs_error_t e = hs_scan(db->hs, (const char *)text, (unsigned)len, 0, s->hs, on_match, hits);
    /* on_match never stops a scan, yet Hyperscan 5.4 reports
     * HS_SCAN_TERMINATED when a combination fires at the end of the text
     * after every reporting expression is exhausted (SINGLEMATCH): all
     * hits have been delivered by then. */
    return e == HS_SUCCESS || e == HS_SCAN_TERMINATED ? SS_OK : SS_BAD_VALUE;
}

static void hs_scratch_release(struct ss_matcher_scratch *s)
{
    if (s != NULL)
        hs_free_scratch(s->hs);
    free(s);
}

static void hs_db_release(struct ss_matcher_db *db)
{
    if (db != NULL)
        hs_free_database(db->hs);
    free(db);
}

const struct ss_matcher_ops ss_hs_matcher = {
    .name = "hyperscan",
    .accepts = hs_accepts,
    .compile = hs_compile_part,
    .serialize = hs_serialize,
    .deserialize = hs_deserialize,
    .scratch_alloc = hs_scratch_new,
    .scratch_clone = hs_scratch_clone_,
    .scan = hs_scan_text,
    .scratch_free = hs_scratch_release,
    .db_free = hs_db_release,
};
