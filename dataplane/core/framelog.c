/* Frame log: an arena written as a ring, frame after frame, and an index
 * entry per id slot naming where its bytes start.
 *
 * Positions count every byte ever written (they never wrap; offset in
 * the arena = position % size). A frame is copied whole at one offset:
 * when it does not fit before the arena's end, the rest of that lap is
 * skipped and counts as written. A frame at position p is intact while
 * the write position is at most p + size, since only bytes written from
 * p + size on land on it; so no put has to visit the entries it evicts. */
#include "dataplane/core/framelog.h"

#include <stdlib.h>
#include <string.h>

struct entry {
    uint64_t id;
    uint64_t pos; /* of the first byte kept */
    uint64_t ts_ns;
    uint32_t len;
    uint32_t caplen;
};

struct ss_framelog {
    size_t size;   /* arena bytes */
    size_t off;    /* head % size, or size when the lap ended exactly */
    uint64_t head; /* position of the next byte written */
    uint32_t mask; /* index entries - 1 */
    uint32_t snap;
    struct entry *index;
    uint8_t *bytes;
    struct ss_framelog_stats st;
};

static uint32_t entries_for(size_t bytes)
{
    size_t want = bytes / SS_FRAMELOG_BYTES_PER_FRAME;
    uint32_t p = 1;
    while (p < want && p < (UINT32_C(1) << 31))
        p <<= 1;
    return p;
}

struct ss_framelog *ss_framelog_new(size_t bytes, uint32_t snap)
{
    if (bytes == 0 || snap == 0 || bytes > UINT64_MAX / 4)
        return NULL;
    struct ss_framelog *fl = calloc(1, sizeof *fl);
    if (fl == NULL)
        return NULL;
    uint32_t n = entries_for(bytes);
    fl->size = bytes;
    fl->snap = bytes < snap ? (uint32_t)bytes : snap;
    /* Starting at 2 * size makes a zeroed entry (position 0) read as
     * overwritten, so the index needs no initialising pass. */
    fl->head = 2 * (uint64_t)bytes;
    fl->mask = n - 1;
    fl->index = calloc(n, sizeof *fl->index);
    fl->bytes = malloc(bytes);
    if (fl->index == NULL || fl->bytes == NULL) {
        ss_framelog_free(fl);
        return NULL;
    }
    return fl;
}

void ss_framelog_free(struct ss_framelog *fl)
{
    if (fl == NULL)
        return;
    free(fl->index);
    free(fl->bytes);
    free(fl);
}

void ss_framelog_put(struct ss_framelog *fl, uint64_t id, uint64_t ts_ns, const uint8_t *frame,
                     size_t len)
{
    struct entry *e = &fl->index[id & fl->mask];
    size_t caplen = len < fl->snap ? len : fl->snap;

    if (caplen < len)
        fl->st.truncated++;
    fl->st.puts++;
    if (caplen > fl->size - fl->off) {
        fl->head += fl->size - fl->off;
        fl->off = 0;
    }
    memcpy(fl->bytes + fl->off, frame, caplen);
    e->id = id;
    e->pos = fl->head;
    e->ts_ns = ts_ns;
    e->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    e->caplen = (uint32_t)caplen;
    fl->head += caplen;
    fl->off += caplen;
}

enum ss_result ss_framelog_get(struct ss_framelog *fl, uint64_t id, struct ss_framelog_rec *out)
{
    const struct entry *e = &fl->index[id & fl->mask];

    if (e->id != id || fl->head - e->pos > fl->size) {
        fl->st.misses++;
        return SS_EXPIRED;
    }
    fl->st.hits++;
    out->id = e->id;
    out->ts_ns = e->ts_ns;
    out->len = e->len;
    out->caplen = e->caplen;
    out->data = fl->bytes + e->pos % fl->size;
    return SS_OK;
}

const struct ss_framelog_stats *ss_framelog_stats(const struct ss_framelog *fl)
{
    return &fl->st;
}

uint32_t ss_framelog_entries(const struct ss_framelog *fl)
{
    return fl->mask + 1;
}
