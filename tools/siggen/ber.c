#include "ber.h"

static size_t length_octets(size_t n, uint8_t out[3])
{
    if (n < 0x80) {
        out[0] = (uint8_t)n;
        return 1;
    }
    if (n < 0x100) {
        out[0] = 0x81;
        out[1] = (uint8_t)n;
        return 2;
    }
    out[0] = 0x82;
    out[1] = (uint8_t)(n >> 8);
    out[2] = (uint8_t)n;
    return 3;
}

struct sg_ber_mark sg_ber_open(struct sg_buf *b, uint8_t tag, bool indefinite)
{
    sg_buf_u8(b, tag);
    if (indefinite)
        sg_buf_u8(b, 0x80);
    return (struct sg_ber_mark){.content = b->len, .indefinite = indefinite};
}

/* Definite lengths are inserted once the content size is known. */
void sg_ber_close(struct sg_buf *b, struct sg_ber_mark m)
{
    if (m.indefinite) {
        sg_buf_zero(b, 2);
        return;
    }
    uint8_t len[3];
    size_t n = length_octets(b->len - m.content, len);
    sg_buf_insert(b, m.content, len, n);
}

void sg_ber_prim(struct sg_buf *b, uint8_t tag, const void *value, size_t n)
{
    uint8_t len[3];
    sg_buf_u8(b, tag);
    sg_buf_put(b, len, length_octets(n, len));
    sg_buf_put(b, value, n);
}

void sg_ber_int(struct sg_buf *b, uint8_t tag, uint8_t value)
{
    sg_ber_prim(b, tag, &value, 1);
}
