/* Frames that are lent one at a time (libpcap's callback), gathered into
 * bursts for ss_pipeline_burst, so that the offline tools decode as the
 * DPDK workers do: each frame is copied into an arena that outlives the
 * callback, and the burst is decoded when full, when the link type
 * changes, and at the end. No allocation. */
#ifndef SS_BURST_H
#define SS_BURST_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/core/pipeline.h"

#define SS_BURST_FRAMES 32
/* A frame longer than this is decoded on its own, uncopied. */
#define SS_BURST_ARENA (SS_BURST_FRAMES * 2048)

struct ss_burst {
    struct ss_pipeline *pl;
    enum ss_linktype lt;
    size_t n, used;
    struct ss_frame_in in[SS_BURST_FRAMES];
    uint8_t arena[SS_BURST_ARENA];
};

void ss_burst_init(struct ss_burst *b, struct ss_pipeline *pl);
/* As ss_pipeline_frame, but the frame may be decoded only by a later
 * call or by ss_burst_flush; frame need not outlive the call. */
void ss_burst_add(struct ss_burst *b, const uint8_t *frame, size_t len, enum ss_linktype lt,
                  uint64_t ts_ns, uint64_t frame_id);
/* Decodes the frames gathered so far. */
void ss_burst_flush(struct ss_burst *b);

#endif
