/* Rule files: the keyword library's line format (rules/README.md) and
 * its loader. Runs in the control process at start or on reload, never
 * on the per-message path, so it may allocate. */
#ifndef SS_RULES_H
#define SS_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

#define SS_RULE_ID_MAX       64 /* bytes including the NUL */
#define SS_CATEGORY_MAX      64 /* categories fit one uint64_t mask */
#define SS_CATEGORY_NAME_MAX 32
#define SS_RULE_LINE_MAX     4096
#define SS_RULES_MAX         1000000
#define SS_RULES_ERR_MAX     512 /* a good size for the err buffer */

/* Ordered by severity: a verdict takes the most severe hit, except that
 * any pass hit (an allowlist entry) makes the verdict pass. */
enum ss_action { SS_ACTION_NONE, SS_ACTION_PASS, SS_ACTION_ALERT, SS_ACTION_BLOCK };

enum ss_rule_kind { SS_KIND_LITERAL, SS_KIND_REGEX, SS_KIND_COMBINATION };

#define SS_RULE_CASELESS 0x1u /* flag i (regex) */
#define SS_RULE_DOTALL   0x2u /* flag s (regex) */
#define SS_RULE_QUIET    0x4u /* flag q: feeds combinations, never reported */

struct ss_rule {
    char id[SS_RULE_ID_MAX];
    enum ss_rule_kind kind;
    enum ss_action action;
    uint8_t category; /* index into ss_rules.category */
    uint8_t flags;    /* SS_RULE_* */
    char *pattern;    /* UTF-8 as written in the file */
    const char *file; /* points into ss_rules.files */
    uint32_t line;
};

struct ss_rules {
    struct ss_rule *rule;
    size_t n, cap;
    char category[SS_CATEGORY_MAX][SS_CATEGORY_NAME_MAX];
    unsigned n_categories;
    char **files;
    size_t n_files;
    uint32_t *by_id; /* rule indices sorted by id, for lookups */
};

const char *ss_action_name(enum ss_action a);
const char *ss_rule_kind_name(enum ss_rule_kind k);

/* Loads rule files (*.rules or any other name), word lists (*.txt) and
 * folders of them (their *.rules and *.txt files, in name order) into a
 * fresh set in *out. On error returns SS_BAD_VALUE (or SS_OVERSIZE past
 * SS_RULES_MAX) with "file:line: message" in err and leaves *out
 * untouched: nothing is half-loaded. */
enum ss_result ss_rules_load(struct ss_rules *out, const char *const *paths, size_t n_paths,
                             char *err, size_t errcap);

/* Index of the rule with this id, or -1. */
long ss_rules_find(const struct ss_rules *rs, const char *id);

void ss_rules_free(struct ss_rules *rs);

#endif
