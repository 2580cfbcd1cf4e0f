/* Frame log: a bounded ring of copies of the frames a worker saw most
 * recently, so that the frames named in a record's `frames` list can be
 * written as evidence after the message completed. One per worker, not
 * thread-safe; allocates only in ss_framelog_new.
 *
 * A frame with id N lives in slot N % slots until a later frame with the
 * same slot replaces it: with ids assigned in arrival order (as the
 * workers do) the log holds exactly the last `slots` frames. A lookup of
 * an overwritten id is a miss, counted. Frames longer than `snap` bytes
 * are truncated to it (the original length is kept, as pcap does). */
#ifndef SS_FRAMELOG_H
#define SS_FRAMELOG_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

struct ss_framelog;

struct ss_framelog_rec {
    uint64_t id;
    uint64_t ts_ns;
    uint32_t len;        /* original frame length */
    uint32_t caplen;     /* bytes kept (<= snap) */
    const uint8_t *data; /* valid until the slot is overwritten */
};

struct ss_framelog_stats {
    uint64_t puts;
    uint64_t truncated; /* frames longer than snap */
    uint64_t hits;
    uint64_t misses; /* ids overwritten or never logged */
};

/* slots: rounded up to a power of two; NULL when out of memory or when
 * slots or snap is 0. */
struct ss_framelog *ss_framelog_new(uint32_t slots, uint32_t snap);
void ss_framelog_free(struct ss_framelog *fl);

void ss_framelog_put(struct ss_framelog *fl, uint64_t id, uint64_t ts_ns, const uint8_t *frame,
                     size_t len);
/* SS_OK and *out filled when frame `id` is still held; SS_EXPIRED
 * otherwise (counted as a miss). */
enum ss_result ss_framelog_get(struct ss_framelog *fl, uint64_t id, struct ss_framelog_rec *out);
const struct ss_framelog_stats *ss_framelog_stats(const struct ss_framelog *fl);

#endif
