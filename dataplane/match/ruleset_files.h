/* Rule files to a ready rule set in one call: load (rules.h), version by
 * content digest, compile (matcher.h). What `sigsift scan` and `sigsift
 * run` do at start; allocation is fine here. */
#ifndef SS_RULESET_FILES_H
#define SS_RULESET_FILES_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/match/matcher.h"

/* ss_hash_bytes over every rule's id, kind, action, category name, flags and
 * pattern in load order: equal libraries get equal versions wherever they
 * are compiled. */
uint64_t ss_rules_digest(const struct ss_rules *rules);

/* NULL with "file:line: message" (or the compiler's message) in err. */
struct ss_ruleset *ss_ruleset_from_files(const char *const *paths, size_t n_paths,
                                         const struct ss_matcher_ops *primary, char *err,
                                         size_t errcap);

#endif
