/* Growable byte buffer that every encoder appends to (big-endian helpers). */
#ifndef SG_BUF_H
#define SG_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct sg_buf {
    uint8_t *p;
    size_t len;
    size_t cap;
};

void sg_buf_free(struct sg_buf *b);
/* Grows the capacity to hold `extra` more bytes; exits when memory runs out. */
void sg_buf_grow(struct sg_buf *b, size_t extra);
void sg_buf_u16(struct sg_buf *b, uint16_t v);
void sg_buf_u32(struct sg_buf *b, uint32_t v);
void sg_buf_zero(struct sg_buf *b, size_t n);
/* Inserts n bytes at offset off, moving the tail up. */
void sg_buf_insert(struct sg_buf *b, size_t off, const void *src, size_t n);
/* Pads with zero bytes to a multiple of 4 (SCTP chunks, M3UA/M2PA parameters). */
void sg_buf_pad4(struct sg_buf *b);
void sg_buf_set_u16(struct sg_buf *b, size_t off, uint16_t v);
void sg_buf_set_u32(struct sg_buf *b, size_t off, uint32_t v);

/* The three calls every encoder makes per field stay inline. */
static inline void sg_buf_reserve(struct sg_buf *b, size_t extra)
{
    if (b->len + extra > b->cap)
        sg_buf_grow(b, extra);
}

static inline void sg_buf_put(struct sg_buf *b, const void *src, size_t n)
{
    if (n == 0)
        return;
    sg_buf_reserve(b, n);
    memcpy(b->p + b->len, src, n);
    b->len += n;
}

static inline void sg_buf_u8(struct sg_buf *b, uint8_t v)
{
    sg_buf_reserve(b, 1);
    b->p[b->len++] = v;
}

static inline void sg_buf_reset(struct sg_buf *b)
{
    b->len = 0;
}

#endif
