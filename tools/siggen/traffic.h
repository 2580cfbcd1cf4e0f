/* The run: links come up, then short messages and background signalling
 * follow one another on the capture clock. */
#ifndef SG_TRAFFIC_H
#define SG_TRAFFIC_H

#include <stdint.h>
#include "context.h"

/* Sets up the links of the variant and writes their bring-up. */
void sg_traffic_start(struct sg_ctx *c);
/* Writes `count` short messages (or background exchanges for a variant
 * without messages). */
void sg_traffic_run(struct sg_ctx *c, uint64_t count);
/* Writes what is still pending and releases the encoding buffers. */
void sg_traffic_finish(struct sg_ctx *c);

#endif
