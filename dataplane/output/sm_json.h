/* The decode keys of a short-message record as JSON members (the output
 * contract of `sigsift decode`, and the first keys of every event). */
#ifndef SS_SM_JSON_H
#define SS_SM_JSON_H

#include "dataplane/core/sm.h"
#include "dataplane/output/json.h"

/* What is written for the record's parties: its own sender, recipient
 * and IMSI, or the pseudonyms an event writes in their place
 * (output/pseudonym.h). */
struct ss_sm_parties {
    const char *sender, *recipient, *imsi;
};

/* parties NULL: the record's own. */
void ss_sm_json(struct ss_json *j, const struct ss_sm *sm, const struct ss_sm_parties *parties);

#endif
