/* The MAP dialogue that carries one part of a short message: opened by the
 * sender of the forwardSM, closed by the receiver's ReturnResultLast. */
#ifndef SG_DIALOGUE_H
#define SG_DIALOGUE_H

#include <stdbool.h>
#include "context.h"
#include "sms_plan.h"

/* Time a peer takes to answer. */
#define SG_RESPONSE_DELAY_MIN_US 1500
#define SG_RESPONSE_DELAY_MAX_US 40000

struct sg_dialogue {
    uint32_t otid; /* originator's transaction id */
    uint32_t dtid; /* responder's transaction id */
    uint8_t invoke_id;
    uint8_t sls;
};

/* Sends everything up to and including the invoke of part `part`; when
 * `completes` is set, that invoke finishes the message and its truth record
 * is emitted with the frame that carries it. Leaves the last packet open
 * when the plan bundles. */
void sg_dialogue_open(struct sg_ctx *c, const struct sg_sms_plan *p, unsigned part,
                      struct sg_dialogue *d, bool completes);
/* The responder's TC-END with ReturnResultLast. */
void sg_dialogue_close(struct sg_ctx *c, const struct sg_sms_plan *p, const struct sg_dialogue *d);

#endif
