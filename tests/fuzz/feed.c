#include "tests/fuzz/feed.h"

#include <stdlib.h>
#include <string.h>

struct ss_pipeline *ss_fuzz_pipeline(ss_sm_fn fn, void *ctx)
{
    struct ss_pipeline_cfg cfg;
    ss_pipeline_cfg_default(&cfg);
    cfg.sctp_slots = cfg.sccp_slots = cfg.concat_slots = 16;
    cfg.tcap_slots = 64;
    struct ss_pipeline *pl = ss_pipeline_new(&cfg, fn, ctx);
    if (!pl)
        abort();
    return pl;
}

void ss_fuzz_feed(struct ss_pipeline *pl, const uint8_t *data, size_t size)
{
    /* Capture time and frame ids run on across inputs, as on a live link. */
    static uint64_t ts, id;
    while (size >= 2) {
        size_t n = (size_t)data[0] << 8 | data[1];
        data += 2;
        size -= 2;
        if (n > size)
            n = size;
        uint8_t *frame = malloc(n ? n : 1);
        if (!frame)
            abort();
        memcpy(frame, data, n);
        ts += 1000000;
        ss_pipeline_frame(pl, frame, n, SS_LINK_ETHERNET, ts, ++id);
        free(frame);
        data += n;
        size -= n;
    }
}
