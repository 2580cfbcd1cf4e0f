/* Sends one TCAP message down the stack: SCCP, then M3UA/M2PA, then SCTP. */
#ifndef SG_SEND_H
#define SG_SEND_H

#include <stdbool.h>
#include "context.h"
#include "encode_sccp.h"

struct sg_route {
    struct sg_sccp_addr called;
    struct sg_sccp_addr calling;
    uint8_t sls;
};

struct sg_send_opts {
    enum sg_sccp_kind kind;
    bool segment;       /* XUDT in two segments */
    unsigned fragments; /* SCTP DATA fragments; 1 = unfragmented */
    bool shuffled;      /* fragments written out of TSN order */
};

/* Draws the SCCP message type and, for invoke-bearing messages, the
 * segmentation and fragmentation the variant asks for. */
struct sg_send_opts sg_send_choose(struct sg_ctx *c, bool carries_invoke);
/* Queues the message; fragmented or segmented messages are written at once,
 * otherwise the chunk waits in the packet being built (see sg_tx_flush). */
void sg_send_tcap(struct sg_ctx *c, struct sg_link *l, int from, const struct sg_route *rt,
                  const struct sg_buf *tcap, const struct sg_send_opts *o);

#endif
