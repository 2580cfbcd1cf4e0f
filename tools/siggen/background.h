/* Signalling that carries no short message: association and ASP bring-up,
 * SACKs, heartbeats, M3UA BEAT, M2PA link status, and the HLR query
 * sendRoutingInfoForSM with its result. */
#ifndef SG_BACKGROUND_H
#define SG_BACKGROUND_H

#include "context.h"

/* M3UA ASPUP/ASPAC handshakes or M2PA alignment, written at capture start. */
void sg_background_bring_up(struct sg_ctx *c, struct sg_link *l);
/* One randomly chosen background exchange on a random link. */
void sg_background_exchange(struct sg_ctx *c);
/* Adds a keep-alive DATA chunk (M3UA BEAT or M2PA link status) to the packet
 * being built, so that a bundle carries more than one DATA chunk. */
void sg_background_keepalive_chunk(struct sg_ctx *c, struct sg_link *l, int from);

#endif
