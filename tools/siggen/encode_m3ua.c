#include "encode_m3ua.h"

/* RFC 4666 §3.2 parameter tags. */
#define TAG_ROUTING_CONTEXT    0x0006
#define TAG_HEARTBEAT_DATA     0x0009
#define TAG_TRAFFIC_MODE       0x000b
#define TAG_CORRELATION_ID     0x0013
#define TAG_NETWORK_APPEARANCE 0x0200
#define TAG_PROTOCOL_DATA      0x0210
#define TRAFFIC_MODE_LOADSHARE 2

static size_t header(struct sg_buf *b, uint8_t cls, uint8_t type)
{
    size_t at = b->len;
    uint8_t h[4] = {1, 0, cls, type};
    sg_buf_put(b, h, sizeof h);
    sg_buf_u32(b, 0);
    return at;
}

static void finish(struct sg_buf *b, size_t at)
{
    sg_buf_set_u32(b, at + 4, (uint32_t)(b->len - at));
}

/* §3.2: the length excludes the padding to a four-octet boundary. */
static void put_param(struct sg_buf *b, uint16_t tag, const void *v, size_t n)
{
    sg_buf_u16(b, tag);
    sg_buf_u16(b, (uint16_t)(n + 4));
    sg_buf_put(b, v, n);
    sg_buf_pad4(b);
}

static void put_u32_param(struct sg_buf *b, uint16_t tag, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    put_param(b, tag, x, sizeof x);
}

static void put_option(struct sg_buf *b, const struct sg_m3ua_data *d, enum sg_m3ua_param o)
{
    if (o == SG_M3UA_NA)
        put_u32_param(b, TAG_NETWORK_APPEARANCE, d->network_appearance);
    else if (o == SG_M3UA_RC)
        put_u32_param(b, TAG_ROUTING_CONTEXT, d->routing_context);
    else
        put_u32_param(b, TAG_CORRELATION_ID, d->correlation_id);
}

/* §3.3.1: Protocol Data = OPC, DPC, SI, NI, MP, SLS, user protocol data. */
static void put_protocol_data(struct sg_buf *b, const struct sg_m3ua_data *d,
                              const uint8_t *payload, size_t n)
{
    sg_buf_u16(b, TAG_PROTOCOL_DATA);
    sg_buf_u16(b, (uint16_t)(n + 16));
    sg_buf_u32(b, d->opc);
    sg_buf_u32(b, d->dpc);
    uint8_t sio[4] = {d->si, d->ni, d->mp, d->sls};
    sg_buf_put(b, sio, sizeof sio);
    sg_buf_put(b, payload, n);
    sg_buf_pad4(b);
}

void sg_m3ua_data(struct sg_buf *out, const struct sg_m3ua_data *d, const uint8_t *payload,
                  size_t n)
{
    size_t at = header(out, 1, 1);
    for (size_t i = 0; i < d->n_params; i++) {
        if (d->order[i] == SG_M3UA_PD)
            put_protocol_data(out, d, payload, n);
        else
            put_option(out, d, d->order[i]);
    }
    finish(out, at);
}

void sg_m3ua_management(struct sg_buf *out, uint8_t cls, uint8_t type, uint32_t routing_context,
                        uint32_t beat)
{
    size_t at = header(out, cls, type);
    if (cls == SG_M3UA_ASPSM && (type == SG_ASPSM_BEAT || type == SG_ASPSM_BEAT_ACK))
        put_u32_param(out, TAG_HEARTBEAT_DATA, beat);
    if (cls == SG_M3UA_ASPTM) {
        if (type == SG_ASPTM_ASPAC)
            put_u32_param(out, TAG_TRAFFIC_MODE, TRAFFIC_MODE_LOADSHARE);
        put_u32_param(out, TAG_ROUTING_CONTEXT, routing_context);
    }
    finish(out, at);
}
