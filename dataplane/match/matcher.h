/* The matcher interface: a small function table chosen once at start
 * (after Suricata's MpmTableElmt), and the rule set built on it.
 *
 * Life cycle. The control process loads rule files (rules.h), builds a
 * rule set (compiling each backend's share of the rules) and may
 * serialise its databases into a bundle; the dataplane deserialises,
 * allocates one scratch template per rule set and clones one scratch per
 * worker before publishing it. Workers then only scan.
 *
 * Backends. A rule set has up to SS_MATCHER_PARTS parts, each a backend
 * with the rules it accepts. The Hyperscan backend takes every kind; a
 * hardware backend (the FPGA block, issue 5) accepts literals only, so
 * regexes, combinations and the rules combinations reference stay in a
 * Hyperscan part. Every part reports hits as global rule indices. Texts
 * reach a backend in the rule set's presentation (present.h); a literal
 * rule's bytes are ss_normalize(pres, pattern), which is what a table
 * compiler for hardware should load. */
#ifndef SS_MATCHER_H
#define SS_MATCHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dataplane/decode/result.h"
#include "dataplane/match/normalize.h"
#include "dataplane/match/present.h"
#include "dataplane/match/rules.h"

#define SS_MATCHER_PARTS 2
/* Longest message text judged (SS_SM_TEXT_MAX: 16 parts of 512 bytes);
 * the rest of a longer text is not scanned and is counted. */
#define SS_MATCH_TEXT_MAX 8192
/* Distinct rules listed per scan; more are counted in ss_hits.n. */
#define SS_HITS_MAX 256

/* Distinct rules one scan hit, as indices into ss_rules.rule. Backends
 * report each rule at most once per scan. */
struct ss_hits {
    uint32_t n; /* rules hit; only SS_HITS_MAX are listed */
    uint32_t rule[SS_HITS_MAX];
};

struct ss_matcher_db;      /* one backend's compiled rules, opaque */
struct ss_matcher_scratch; /* one worker's scan state, opaque */

struct ss_matcher_ops {
    const char *name;
    /* Whether this backend can match rule i of rules by itself. */
    bool (*accepts)(const struct ss_rules *rules, size_t i);
    /* Compiles rules idx[0..n) (in the control process). */
    enum ss_result (*compile)(const struct ss_rules *rules, const uint32_t *idx, size_t n,
                              enum ss_presentation p, struct ss_matcher_db **db, char *err,
                              size_t errcap);
    /* Serialised bytes (malloc'd, the caller frees) for a bundle. */
    enum ss_result (*serialize)(const struct ss_matcher_db *db, char **bytes, size_t *len);
    /* Checks the bytes fit this build and platform, then loads them. */
    enum ss_result (*deserialize)(const char *bytes, size_t len, struct ss_matcher_db **db,
                                  char *err, size_t errcap);
    enum ss_result (*scratch_alloc)(const struct ss_matcher_db *db, struct ss_matcher_scratch **s);
    enum ss_result (*scratch_clone)(const struct ss_matcher_scratch *tmpl,
                                    struct ss_matcher_scratch **s);
    /* Scans one complete presented text, appending to hits. No
     * allocation, no locks. */
    enum ss_result (*scan)(const struct ss_matcher_db *db, struct ss_matcher_scratch *s,
                           const uint8_t *text, size_t len, struct ss_hits *hits);
    void (*scratch_free)(struct ss_matcher_scratch *s);
    void (*db_free)(struct ss_matcher_db *db);
};

extern const struct ss_matcher_ops ss_hs_matcher;

/* The matcher named (e.g. "hyperscan"), or NULL. */
const struct ss_matcher_ops *ss_matcher_find(const char *name);
/* Whether name is a backend some builds leave out ("fpga-sim" needs
 * Verilator): when ss_matcher_find() misses it, it is not built in this
 * binary rather than unknown. */
bool ss_matcher_optional(const char *name);

/* Tells f why --matcher name was not found, as "who: ...": not built in
 * this binary, or unknown. */
void ss_matcher_report_missing(FILE *f, const char *who, const char *name);

struct ss_ruleset_part {
    const struct ss_matcher_ops *ops;
    struct ss_matcher_db *db;
};

/* Immutable once built; shared read-only by every worker. */
struct ss_ruleset {
    struct ss_rules rules; /* metadata the policy reads */
    uint64_t version;      /* chosen by the caller, e.g. a bundle's */
    enum ss_presentation pres;
    unsigned n_parts;
    struct ss_ruleset_part part[SS_MATCHER_PARTS];
};

/* One worker's state for one rule set: a scratch per part and the
 * buffers for the presented text and the hits. */
struct ss_ruleset_scratch {
    struct ss_matcher_scratch *s[SS_MATCHER_PARTS];
    unsigned n_parts;
    struct ss_hits hits;
    uint8_t text[SS_NORM_OUT_MAX(SS_MATCH_TEXT_MAX)];
};

/* Compiles rules (taken over: *rules is emptied, also on error) with
 * primary for the rules it accepts and Hyperscan for the rest. */
enum ss_result ss_ruleset_build(struct ss_rules *rules, const struct ss_matcher_ops *primary,
                                enum ss_presentation p, uint64_t version, struct ss_ruleset **out,
                                char *err, size_t errcap);

/* Assembles a rule set from databases already deserialised (a bundle);
 * takes over rules and the dbs. Hits are rule indices, so rules must be
 * loaded from the same files in the same order as when the databases
 * were compiled (a bundle keeps the rule files it was built from). */
enum ss_result ss_ruleset_assemble(struct ss_rules *rules, enum ss_presentation p, uint64_t version,
                                   const struct ss_ruleset_part *parts, unsigned n_parts,
                                   struct ss_ruleset **out);

void ss_ruleset_free(struct ss_ruleset *rs);

/* The template (ss_ruleset_scratch_alloc) is made once per rule set;
 * each worker gets a clone. */
enum ss_result ss_ruleset_scratch_alloc(const struct ss_ruleset *rs,
                                        struct ss_ruleset_scratch **out);
enum ss_result ss_ruleset_scratch_clone(const struct ss_ruleset_scratch *tmpl,
                                        const struct ss_ruleset *rs,
                                        struct ss_ruleset_scratch **out);
void ss_ruleset_scratch_free(const struct ss_ruleset *rs, struct ss_ruleset_scratch *s);

/* Scans a text already presented in rs->pres; fills sc->hits. */
enum ss_result ss_ruleset_scan(const struct ss_ruleset *rs, struct ss_ruleset_scratch *sc,
                               const uint8_t *text, size_t len);

#endif
