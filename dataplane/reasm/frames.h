/* The frames a record was built from, carried through every reassembly
 * table so that evidence can name all of them. Bounded: ids past
 * SS_FRAMES_MAX are dropped and `lost` says how many. */
#ifndef SS_FRAMES_H
#define SS_FRAMES_H

#include <stdint.h>
#include <string.h>

#define SS_FRAMES_MAX 32

struct ss_frames {
    uint8_t n;
    uint8_t lost;
    uint64_t id[SS_FRAMES_MAX];
};

/* The struct is 264 bytes but usually holds one or two ids: these two
 * touch only the ids in use, which is what every reader looks at. */
static inline void ss_frames_one(struct ss_frames *f, uint64_t id)
{
    f->n = 1;
    f->lost = 0;
    f->id[0] = id;
}

/* The first id is copied whatever n is (the slot exists), so that the
 * usual single id costs one move, not a call to a variable-size memcpy. */
static inline void ss_frames_copy(struct ss_frames *dst, const struct ss_frames *src)
{
    dst->n = src->n;
    dst->lost = src->lost;
    dst->id[0] = src->id[0];
    if (src->n > 1)
        memcpy(dst->id + 1, src->id + 1, (src->n - 1u) * sizeof(src->id[0]));
}

static inline void ss_frames_add(struct ss_frames *f, uint64_t id)
{
    for (unsigned i = 0; i < f->n; i++)
        if (f->id[i] == id)
            return;
    if (f->n < SS_FRAMES_MAX)
        f->id[f->n++] = id;
    else if (f->lost < UINT8_MAX)
        f->lost++;
}

static inline void ss_frames_merge(struct ss_frames *f, const struct ss_frames *g)
{
    for (unsigned i = 0; i < g->n; i++)
        ss_frames_add(f, g->id[i]);
}

#endif
