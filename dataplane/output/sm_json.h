/* The decode keys of a short-message record as JSON members (the output
 * contract of `sigsift decode`, and the first keys of every event). */
#ifndef SS_SM_JSON_H
#define SS_SM_JSON_H

#include "dataplane/core/sm.h"
#include "dataplane/output/json.h"

void ss_sm_json(struct ss_json *j, const struct ss_sm *sm);

#endif
