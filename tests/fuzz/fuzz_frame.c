/* libFuzzer harness for the whole decode pipeline. An input is a sequence
 * of frames, each prefixed by a 2-byte big-endian length, so that the
 * fuzzer reaches the reassembly tables (SCTP fragments, SCCP segments,
 * TCAP dialogues, concatenated parts) and not only single-frame decoders.
 * The pipeline persists across inputs, as it does on a live link. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t sink_bytes;

static void sink(void *ctx, const struct ss_sm *sm)
{
    (void)ctx;
    /* Touch every byte the record claims so ASan sees a bad length. */
    for (size_t i = 0; i < sm->text_len; i++)
        sink_bytes += (uint8_t)sm->text[i];
    sink_bytes += strlen(sm->sender) + strlen(sm->recipient) + strlen(sm->smsc);
}

static struct ss_pipeline *pipeline(void)
{
    static struct ss_pipeline *pl;
    if (!pl) {
        struct ss_pipeline_cfg cfg;
        ss_pipeline_cfg_default(&cfg);
        cfg.sctp_slots = cfg.sccp_slots = cfg.concat_slots = 16;
        cfg.tcap_slots = 64;
        pl = ss_pipeline_new(&cfg, sink, NULL);
        if (!pl)
            abort();
    }
    return pl;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint64_t ts, id;
    struct ss_pipeline *pl = pipeline();
    while (size >= 2) {
        size_t n = (size_t)data[0] << 8 | data[1];
        data += 2;
        size -= 2;
        if (n > size)
            n = size;
        /* A private copy, exactly n bytes long, so any overread is caught. */
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
    return 0;
}
