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

size_t ss_fuzz_take(const uint8_t **data, size_t *size, struct ss_frame_in *f, size_t max)
{
    static uint64_t ts, id;
    size_t k = 0;
    while (k < max && *size >= 2) {
        size_t n = (size_t)(*data)[0] << 8 | (*data)[1];
        *data += 2;
        *size -= 2;
        if (n > *size)
            n = *size;
        uint8_t *frame = malloc(n ? n : 1);
        if (!frame)
            abort();
        memcpy(frame, *data, n);
        ts += 1000000;
        f[k++] = (struct ss_frame_in){frame, n, ts, ++id};
        *data += n;
        *size -= n;
    }
    return k;
}

void ss_fuzz_release(struct ss_frame_in *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free((void *)f[i].data);
}

void ss_fuzz_feed(struct ss_pipeline *pl, const uint8_t *data, size_t size)
{
    struct ss_frame_in f[SS_FUZZ_BURST];
    size_t n;
    while ((n = ss_fuzz_take(&data, &size, f, SS_FUZZ_BURST)) > 0) {
        ss_pipeline_burst(pl, f, n, SS_LINK_ETHERNET);
        ss_fuzz_release(f, n);
    }
}
