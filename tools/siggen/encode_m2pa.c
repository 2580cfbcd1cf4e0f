#include "encode_m2pa.h"

#define CLASS_M2PA       11
#define TYPE_USER_DATA   1
#define TYPE_LINK_STATUS 2

/* RFC 4165 §2.1: common header, then BSN and FSN (24 bits each). */
static size_t header(struct sg_buf *b, uint8_t type, uint32_t bsn, uint32_t fsn)
{
    size_t at = b->len;
    uint8_t h[4] = {1, 0, CLASS_M2PA, type};
    sg_buf_put(b, h, sizeof h);
    sg_buf_u32(b, 0);
    sg_buf_u32(b, bsn & 0xffffff);
    sg_buf_u32(b, fsn & 0xffffff);
    return at;
}

static void finish(struct sg_buf *b, size_t at)
{
    sg_buf_set_u32(b, at + 4, (uint32_t)(b->len - at));
}

/* Q.704 §2.2: ITU routing label DPC(14) OPC(14) SLS(4), least significant bit first. */
static void put_label(struct sg_buf *b, const struct sg_mtp3_label *l)
{
    uint32_t label = (l->dpc & 0x3fff) | (l->opc & 0x3fff) << 14 | (uint32_t)(l->sls & 0xf) << 28;
    uint8_t x[4] = {(uint8_t)label, (uint8_t)(label >> 8), (uint8_t)(label >> 16),
                    (uint8_t)(label >> 24)};
    sg_buf_put(b, x, sizeof x);
}

/* RFC 4165 §2.3.1: one priority octet (spare for ITU), then SIO and SIF. */
void sg_m2pa_user_data(struct sg_buf *out, uint32_t bsn, uint32_t fsn,
                       const struct sg_mtp3_label *l, const uint8_t *payload, size_t n)
{
    size_t at = header(out, TYPE_USER_DATA, bsn, fsn);
    sg_buf_u8(out, 0x00);
    sg_buf_u8(out, (uint8_t)(l->ni << 6 | (l->si & 0x0f)));
    put_label(out, l);
    sg_buf_put(out, payload, n);
    finish(out, at);
}

void sg_m2pa_link_status(struct sg_buf *out, uint32_t bsn, uint32_t fsn, uint32_t state)
{
    size_t at = header(out, TYPE_LINK_STATUS, bsn, fsn);
    sg_buf_u32(out, state);
    finish(out, at);
}
