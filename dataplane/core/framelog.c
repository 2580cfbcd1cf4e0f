/* Frame log: slot = id & mask, each slot a fixed header plus `snap`
 * bytes in one contiguous allocation, so a put is one memcpy. */
#include "dataplane/core/framelog.h"

#include <stdlib.h>
#include <string.h>

/* Header of one slot; `used` distinguishes an empty slot from id 0. */
struct slot {
    uint64_t id;
    uint64_t ts_ns;
    uint32_t len;
    uint32_t caplen;
    uint8_t used;
};

struct ss_framelog {
    uint32_t mask;
    uint32_t snap;
    struct slot *slots;
    uint8_t *bytes; /* (mask + 1) * snap */
    struct ss_framelog_stats st;
};

static uint32_t round_pow2(uint32_t v)
{
    uint32_t p = 1;
    while (p < v && p < (UINT32_C(1) << 31))
        p <<= 1;
    return p;
}

struct ss_framelog *ss_framelog_new(uint32_t slots, uint32_t snap)
{
    if (slots == 0 || snap == 0)
        return NULL;
    struct ss_framelog *fl = calloc(1, sizeof *fl);
    if (fl == NULL)
        return NULL;
    uint32_t n = round_pow2(slots);
    fl->mask = n - 1;
    fl->snap = snap;
    fl->slots = calloc(n, sizeof *fl->slots);
    fl->bytes = malloc((size_t)n * snap);
    if (fl->slots == NULL || fl->bytes == NULL) {
        ss_framelog_free(fl);
        return NULL;
    }
    return fl;
}

void ss_framelog_free(struct ss_framelog *fl)
{
    if (fl == NULL)
        return;
    free(fl->slots);
    free(fl->bytes);
    free(fl);
}

void ss_framelog_put(struct ss_framelog *fl, uint64_t id, uint64_t ts_ns, const uint8_t *frame,
                     size_t len)
{
    uint32_t i = (uint32_t)(id & fl->mask);
    struct slot *s = &fl->slots[i];
    size_t caplen = len < fl->snap ? len : fl->snap;

    if (caplen < len)
        fl->st.truncated++;
    fl->st.puts++;
    memcpy(fl->bytes + (size_t)i * fl->snap, frame, caplen);
    s->id = id;
    s->ts_ns = ts_ns;
    s->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    s->caplen = (uint32_t)caplen;
    s->used = 1;
}

enum ss_result ss_framelog_get(struct ss_framelog *fl, uint64_t id, struct ss_framelog_rec *out)
{
    uint32_t i = (uint32_t)(id & fl->mask);
    const struct slot *s = &fl->slots[i];

    if (!s->used || s->id != id) {
        fl->st.misses++;
        return SS_EXPIRED;
    }
    fl->st.hits++;
    out->id = s->id;
    out->ts_ns = s->ts_ns;
    out->len = s->len;
    out->caplen = s->caplen;
    out->data = fl->bytes + (size_t)i * fl->snap;
    return SS_OK;
}

const struct ss_framelog_stats *ss_framelog_stats(const struct ss_framelog *fl)
{
    return &fl->st;
}
