#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sg_buf_free(struct sg_buf *b)
{
    free(b->p);
    *b = (struct sg_buf){0};
}

void sg_buf_grow(struct sg_buf *b, size_t extra)
{
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra)
        cap *= 2;
    uint8_t *p = realloc(b->p, cap);
    if (!p) {
        fprintf(stderr, "siggen: out of memory growing a buffer to %zu bytes\n", cap);
        exit(1);
    }
    b->p = p;
    b->cap = cap;
}

void sg_buf_u16(struct sg_buf *b, uint16_t v)
{
    uint8_t x[2] = {(uint8_t)(v >> 8), (uint8_t)v};
    sg_buf_put(b, x, 2);
}

void sg_buf_u32(struct sg_buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    sg_buf_put(b, x, 4);
}

void sg_buf_zero(struct sg_buf *b, size_t n)
{
    sg_buf_reserve(b, n);
    memset(b->p + b->len, 0, n);
    b->len += n;
}

void sg_buf_insert(struct sg_buf *b, size_t off, const void *src, size_t n)
{
    sg_buf_reserve(b, n);
    memmove(b->p + off + n, b->p + off, b->len - off);
    memcpy(b->p + off, src, n);
    b->len += n;
}

void sg_buf_pad4(struct sg_buf *b)
{
    sg_buf_zero(b, (4 - (b->len & 3)) & 3);
}

void sg_buf_set_u16(struct sg_buf *b, size_t off, uint16_t v)
{
    b->p[off] = (uint8_t)(v >> 8);
    b->p[off + 1] = (uint8_t)v;
}

void sg_buf_set_u32(struct sg_buf *b, size_t off, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b->p[off + (size_t)i] = (uint8_t)(v >> (24 - 8 * i));
}
