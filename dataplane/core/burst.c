#include "dataplane/core/burst.h"

#include <string.h>

void ss_burst_init(struct ss_burst *b, struct ss_pipeline *pl)
{
    b->pl = pl;
    b->n = 0;
    b->used = 0;
}

void ss_burst_flush(struct ss_burst *b)
{
    ss_pipeline_burst(b->pl, b->in, b->n, b->lt);
    b->n = 0;
    b->used = 0;
}

void ss_burst_add(struct ss_burst *b, const uint8_t *frame, size_t len, enum ss_linktype lt,
                  uint64_t ts_ns, uint64_t frame_id)
{
    if (b->n == SS_BURST_FRAMES || len > SS_BURST_ARENA - b->used || (b->n > 0 && lt != b->lt))
        ss_burst_flush(b);
    if (len > SS_BURST_ARENA) {
        ss_pipeline_frame(b->pl, frame, len, lt, ts_ns, frame_id);
        return;
    }
    memcpy(b->arena + b->used, frame, len);
    b->in[b->n++] = (struct ss_frame_in){b->arena + b->used, len, ts_ns, frame_id};
    b->used += len;
    b->lt = lt;
}
