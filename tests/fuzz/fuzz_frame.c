/* libFuzzer harness for the whole decode pipeline (input format: feed.h).
 * The pipeline persists across inputs, as it does on a live link. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tests/fuzz/feed.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct ss_pipeline *pl;
    if (!pl)
        pl = ss_fuzz_pipeline(sink, NULL);
    ss_fuzz_feed(pl, data, size);
    return 0;
}
