#include "encode_sccp.h"

#include <string.h>
#include "bcd.h"

#define MSG_UDT     0x09
#define MSG_XUDT    0x11
#define MSG_LUDT    0x13
#define HOP_COUNTER 15 /* Q.714 §2.3.5: initial value */

/* Q.713 §3.4.1: route on GT, GTI 4, SSN present, no point code;
 * §3.4.2.3.4: TT 0, numbering plan E.164, odd/even, international. */
static void put_address(struct sg_buf *b, const struct sg_sccp_addr *a)
{
    size_t digits = strlen(a->gt), at = b->len;
    sg_buf_u8(b, 0);
    sg_buf_u8(b, 0x12);
    sg_buf_u8(b, a->ssn);
    sg_buf_u8(b, 0x00);
    sg_buf_u8(b, (uint8_t)(0x10 | (digits & 1 ? 0x01 : 0x02)));
    sg_buf_u8(b, 0x04);
    sg_bcd_put(b, a->gt, 0x0);
    b->p[at] = (uint8_t)(b->len - at - 1);
}

static void put_segmentation(struct sg_buf *b, const struct sg_sccp_segment *s)
{
    /* F bit, class-1 in-sequence bit (Q.713 §3.17), remaining segments. */
    uint8_t first = (uint8_t)((s->first ? 0x80 : 0) | 0x40 | (s->remaining & 0x0f));
    uint8_t p[6] = {0x10,
                    4,
                    first,
                    (uint8_t)(s->local_ref >> 16),
                    (uint8_t)(s->local_ref >> 8),
                    (uint8_t)s->local_ref};
    sg_buf_put(b, p, sizeof p);
    sg_buf_u8(b, 0x00); /* end of optional parameters */
}

/* Q.713 §2.3: one-octet pointers count from the pointer octet itself. */
static void encode_short(struct sg_buf *b, const struct sg_sccp_msg *m)
{
    bool xudt = m->kind == SG_SCCP_XUDT;
    size_t npointers = xudt ? 4 : 3;
    sg_buf_u8(b, xudt ? MSG_XUDT : MSG_UDT);
    sg_buf_u8(b, m->protocol_class);
    if (xudt)
        sg_buf_u8(b, HOP_COUNTER);
    size_t ptr = b->len;
    sg_buf_zero(b, npointers);
    size_t called = b->len;
    put_address(b, &m->called);
    size_t calling = b->len;
    put_address(b, &m->calling);
    size_t data = b->len;
    sg_buf_u8(b, (uint8_t)m->data_len);
    sg_buf_put(b, m->data, m->data_len);
    b->p[ptr] = (uint8_t)(called - ptr);
    b->p[ptr + 1] = (uint8_t)(calling - ptr - 1);
    b->p[ptr + 2] = (uint8_t)(data - ptr - 2);
    if (xudt && m->segment.present) {
        b->p[ptr + 3] = (uint8_t)(b->len - ptr - 3);
        put_segmentation(b, &m->segment);
    }
}

static void set_le16(struct sg_buf *b, size_t off, size_t v)
{
    b->p[off] = (uint8_t)v;
    b->p[off + 1] = (uint8_t)(v >> 8);
}

/* Q.713 §4.20: LUDT uses two-octet pointers and a two-octet long-data
 * length, least significant octet first. A pointer counts from its second
 * (most significant) octet, as Wireshark's SCCP dissector reads it. */
static void encode_long(struct sg_buf *b, const struct sg_sccp_msg *m)
{
    sg_buf_u8(b, MSG_LUDT);
    sg_buf_u8(b, m->protocol_class);
    sg_buf_u8(b, HOP_COUNTER);
    size_t ptr = b->len;
    sg_buf_zero(b, 8);
    size_t called = b->len;
    put_address(b, &m->called);
    size_t calling = b->len;
    put_address(b, &m->calling);
    size_t data = b->len;
    sg_buf_zero(b, 2);
    set_le16(b, data, m->data_len);
    sg_buf_put(b, m->data, m->data_len);
    set_le16(b, ptr, called - ptr - 1);
    set_le16(b, ptr + 2, calling - ptr - 3);
    set_le16(b, ptr + 4, data - ptr - 5);
}

void sg_sccp_encode(struct sg_buf *out, const struct sg_sccp_msg *m)
{
    if (m->kind == SG_SCCP_LUDT)
        encode_long(out, m);
    else
        encode_short(out, m);
}
