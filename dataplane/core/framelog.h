/* Frame log: a bounded ring of copies of the frames a worker saw most
 * recently, so that the frames named in a record's `frames` list can be
 * written as evidence after the message completed. One per worker, not
 * thread-safe; allocates only in ss_framelog_new.
 *
 * Frames are packed one after the other in a byte arena, so the memory
 * is what the frames' bytes need, not slots times the longest frame. A
 * small index, one entry per SS_FRAMELOG_BYTES_PER_FRAME bytes of arena,
 * holds frame N at entry N % entries. A put overwrites the oldest bytes
 * of the arena and the entry of its id: with ids assigned in arrival
 * order (as the workers do) the log holds the most recent frames that
 * fit in both. A lookup of an overwritten id is a miss, counted. Frames longer
 * than `snap` bytes are truncated to it (the original length is kept, as
 * pcap does). */
#ifndef SS_FRAMELOG_H
#define SS_FRAMELOG_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

/* Bytes of arena per index entry: SIGTRAN frames are 60-300 bytes (192
 * on average in a siggen mix), so the arena, not the index, usually
 * bounds the log; the index costs a quarter of the arena. */
#define SS_FRAMELOG_BYTES_PER_FRAME 128

struct ss_framelog;

struct ss_framelog_rec {
    uint64_t id;
    uint64_t ts_ns;
    uint32_t len;        /* original frame length */
    uint32_t caplen;     /* bytes kept (<= snap) */
    const uint8_t *data; /* valid until the next ss_framelog_put */
};

struct ss_framelog_stats {
    uint64_t puts;
    uint64_t truncated; /* frames longer than snap */
    uint64_t hits;
    uint64_t misses; /* ids overwritten or never logged */
};

/* bytes: the arena; snap: the most bytes kept of one frame, lowered to
 * bytes when larger. NULL when out of memory or when bytes or snap is 0. */
struct ss_framelog *ss_framelog_new(size_t bytes, uint32_t snap);
void ss_framelog_free(struct ss_framelog *fl);

void ss_framelog_put(struct ss_framelog *fl, uint64_t id, uint64_t ts_ns, const uint8_t *frame,
                     size_t len);
/* SS_OK and *out filled when frame `id` is still held; SS_EXPIRED
 * otherwise (counted as a miss). */
enum ss_result ss_framelog_get(struct ss_framelog *fl, uint64_t id, struct ss_framelog_rec *out);
const struct ss_framelog_stats *ss_framelog_stats(const struct ss_framelog *fl);
/* Index entries (a power of two): two ids equal modulo it are never
 * held at once, so a caller can keep per-frame marks in as many slots. */
uint32_t ss_framelog_entries(const struct ss_framelog *fl);

#endif
