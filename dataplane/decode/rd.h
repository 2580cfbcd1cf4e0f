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

/* Little-endian words of bytes already bounded (one load each on x86),
 * whatever the host's byte order. */
static inline uint64_t ss_le16(const uint8_t *b)
{
    return (uint64_t)b[0] | (uint64_t)b[1] << 8;
}

static inline uint64_t ss_le32(const uint8_t *b)
{
    return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24;
}

static inline uint64_t ss_le64(const uint8_t *b)
{
    return ss_le32(b) | ss_le32(b + 4) << 32;
}

/* The n <= 8 bytes at b as a little-endian word, never reading past
 * b[n - 1]: two loads that may overlap (the overlapping bytes land on the
 * same bits, so OR keeps them). A byte loop cost four instructions a
 * byte, and a variable-size memcpy into a word stalls the load that
 * follows it on store forwarding. */
static inline uint64_t ss_le_upto8(const uint8_t *b, size_t n)
{
    if (n >= 4)
        return ss_le32(b) | ss_le32(b + n - 4) << (8 * (n - 4));
    if (n >= 2)
        return ss_le16(b) | ss_le16(b + n - 2) << (8 * (n - 2));
    return n ? b[0] : 0;
}

#endif
