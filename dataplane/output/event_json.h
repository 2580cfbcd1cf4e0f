/* A verdict event: the decode keys of the message, then what judged it
 * and what it decided (the JSON line of `sigsift scan` / `sigsift run`). */
#ifndef SS_EVENT_JSON_H
#define SS_EVENT_JSON_H

#include <stddef.h>

#include "dataplane/core/sm.h"
#include "dataplane/match/policy.h"
#include "dataplane/output/pseudonym.h"

/* Writes one line ending in '\n' into buf; returns its length, or 0 when
 * it does not fit in cap. With ps, subscribers are named by their
 * pseudonyms (sender and recipient as ss_pseudonym_party, the IMSI
 * always); NULL: as decoded. */
size_t ss_event_json(char *buf, size_t cap, const struct ss_sm *sm, const struct ss_ruleset *rs,
                     const struct ss_verdict *v, unsigned worker, const struct ss_pseudonym *ps);

#endif
