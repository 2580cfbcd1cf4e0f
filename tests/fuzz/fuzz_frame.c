/* libFuzzer harness for the whole decode pipeline (input format: feed.h),
 * run two ways at once: frame by frame (ss_pipeline_frame) and in bursts
 * (ss_pipeline_burst, which holds TCAP messages between two passes).
 * Both must give the same records in the same order and the same
 * counters. The pipelines persist across inputs, as on a live link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/hash.h"
#include "tests/fuzz/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A running hash of every record a pipeline gave, in order. */
static void sink(void *ctx, const struct ss_sm *sm)
{
    uint64_t *h = ctx;
    /* Every byte the record claims is read, so ASan sees a bad length. */
    *h = ss_hash_bytes(*h, sm->text, sm->text_len);
    *h = ss_hash_bytes(*h, sm->sender, strlen(sm->sender));
    *h = ss_hash_bytes(*h, sm->recipient, strlen(sm->recipient));
    *h = ss_hash_bytes(*h, sm->smsc, strlen(sm->smsc));
    *h = ss_hash_bytes(*h, sm->imsi, strlen(sm->imsi));
    *h = ss_hash_bytes(*h, sm->frames.id, sm->frames.n * sizeof sm->frames.id[0]);
    *h = ss_hash_word(*h, sm->ts_ns);
    *h = ss_hash_word(*h, (uint64_t)sm->dir << 48 | (uint64_t)sm->map_version << 40 |
                              (uint64_t)sm->opcode << 32 | (uint64_t)sm->parts << 16 | sm->dcs);
    *h = ss_hash_word(*h, (uint64_t)sm->opc << 32 | sm->dpc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint64_t h_frame = SS_HASH_SEED, h_burst = SS_HASH_SEED;
    static struct ss_pipeline *by_frame, *by_burst;
    if (!by_frame) {
        by_frame = ss_fuzz_pipeline(sink, &h_frame);
        by_burst = ss_fuzz_pipeline(sink, &h_burst);
    }
    struct ss_frame_in f[SS_FUZZ_BURST];
    size_t n;
    while ((n = ss_fuzz_take(&data, &size, f, SS_FUZZ_BURST)) > 0) {
        for (size_t i = 0; i < n; i++)
            ss_pipeline_frame(by_frame, f[i].data, f[i].len, SS_LINK_ETHERNET, f[i].ts_ns, f[i].id);
        ss_pipeline_burst(by_burst, f, n, SS_LINK_ETHERNET);
        ss_fuzz_release(f, n);
    }
    if (h_frame != h_burst || memcmp(ss_pipeline_stats(by_frame), ss_pipeline_stats(by_burst),
                                     sizeof(struct ss_stats)) != 0) {
        fprintf(stderr, "fuzz_frame: bursts and single frames decoded differently\n");
        abort();
    }
    return 0;
}
