/* The one bounded reader every decoder reads through: each accessor checks
 * that the bytes exist before touching them and leaves the reader unchanged
 * when they do not. */
#ifndef SS_RD_H
#define SS_RD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ss_rd {
    const uint8_t *p;
    size_t len;
    size_t off;
};

static inline void ss_rd_init(struct ss_rd *r, const uint8_t *p, size_t len)
{
    r->p = p;
    r->len = len;
    r->off = 0;
}

static inline size_t ss_rd_left(const struct ss_rd *r)
{
    return r->len - r->off;
}

static inline const uint8_t *ss_rd_cur(const struct ss_rd *r)
{
    return r->p + r->off;
}

static inline bool ss_rd_skip(struct ss_rd *r, size_t n)
{
    if (n > ss_rd_left(r))
        return false;
    r->off += n;
    return true;
}

/* Points *v at the next n bytes and consumes them. */
static inline bool ss_rd_bytes(struct ss_rd *r, size_t n, const uint8_t **v)
{
    if (n > ss_rd_left(r))
        return false;
    *v = r->p + r->off;
    r->off += n;
    return true;
}

static inline bool ss_rd_u8(struct ss_rd *r, uint8_t *v)
{
    if (ss_rd_left(r) < 1)
        return false;
    *v = r->p[r->off++];
    return true;
}

static inline bool ss_rd_be16(struct ss_rd *r, uint16_t *v)
{
    if (ss_rd_left(r) < 2)
        return false;
    const uint8_t *b = r->p + r->off;
    *v = (uint16_t)(b[0] << 8 | b[1]);
    r->off += 2;
    return true;
}

static inline bool ss_rd_be24(struct ss_rd *r, uint32_t *v)
{
    if (ss_rd_left(r) < 3)
        return false;
    const uint8_t *b = r->p + r->off;
    *v = (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
    r->off += 3;
    return true;
}

static inline bool ss_rd_be32(struct ss_rd *r, uint32_t *v)
{
    if (ss_rd_left(r) < 4)
        return false;
    const uint8_t *b = r->p + r->off;
    *v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    r->off += 4;
    return true;
}

/* Fields of a fixed-size header taken whole with ss_rd_bytes: one bounds
 * check for the header instead of one per field, which the decoders of
 * every frame (link, IP, SCTP, M3UA) showed in the profile. Use only on
 * bytes a reader has already bounded. */
static inline uint16_t ss_be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}

static inline uint32_t ss_be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

#endif
