/* M3UA (RFC 4666): common header, then for Transfer/DATA the parameters
 * around the mandatory Protocol Data. */
#include "dataplane/decode/m3ua.h"

#include "dataplane/decode/rd.h"

enum {
    M3UA_VERSION = 1,
    M3UA_COMMON_HDR = 8,
    M3UA_TYPE_DATA = 1,
    M3UA_PARAM_HDR = 4,
    M3UA_LABEL = 12, /* Protocol Data: OPC, DPC, SI, NI, MP, SLS */
    M3UA_TAG_NA = 0x0200,
    M3UA_TAG_RC = 0x0006,
    M3UA_TAG_CORR = 0x0013,
    M3UA_TAG_PROTOCOL_DATA = 0x0210,
};

/* RFC 4666 §3.3.1: NA, RC and Correlation Id are each one 32-bit value. */
static enum ss_result param_u32(const uint8_t *v, size_t len, bool *has, uint32_t *out)
{
    if (len != 4)
        return SS_BAD_LENGTH;
    *out = ss_be32(v);
    *has = true;
    return SS_OK;
}

/* RFC 4666 §3.3.1 Protocol Data: OPC(4) DPC(4) SI NI MP SLS, then the
 * user part. An empty user part carries nothing to decode. */
static enum ss_result param_protocol_data(const uint8_t *v, size_t len, struct ss_m3ua *out)
{
    struct ss_rd r;
    const uint8_t *h;

    if (out->payload)
        return SS_BAD_VALUE; /* Protocol Data appears once */
    ss_rd_init(&r, v, len);
    if (!ss_rd_bytes(&r, M3UA_LABEL, &h) || ss_rd_left(&r) == 0)
        return SS_BAD_LENGTH;
    out->opc = ss_be32(h);
    out->dpc = ss_be32(h + 4);
    out->si = h[8];
    out->ni = h[9];
    out->mp = h[10];
    out->sls = h[11];
    out->payload = ss_rd_cur(&r);
    out->len = ss_rd_left(&r);
    return SS_OK;
}

static enum ss_result param_decode(uint16_t tag, const uint8_t *v, size_t len, struct ss_m3ua *out)
{
    switch (tag) {
    case M3UA_TAG_NA:
        return param_u32(v, len, &out->has_na, &out->na);
    case M3UA_TAG_RC:
        return param_u32(v, len, &out->has_rc, &out->rc);
    case M3UA_TAG_CORR:
        return param_u32(v, len, &out->has_corr, &out->corr);
    case M3UA_TAG_PROTOCOL_DATA:
        return param_protocol_data(v, len, out);
    default:
        return SS_OK; /* a passive tap cannot send an Error: skip what it does not use */
    }
}

/* RFC 4666 §3.2: tag(2) length(2) value, the length counting the 4-byte
 * header but not the padding to 4 bytes; the last parameter's padding
 * may be absent. */
static enum ss_result params_walk(struct ss_rd *r, struct ss_m3ua *out)
{
    while (ss_rd_left(r) > 0) {
        const uint8_t *h, *v;
        if (!ss_rd_bytes(r, M3UA_PARAM_HDR, &h))
            return SS_TRUNCATED;
        uint16_t tag = ss_be16(h), plen = ss_be16(h + 2);
        if (plen < M3UA_PARAM_HDR)
            return SS_BAD_LENGTH;
        if (!ss_rd_bytes(r, plen - M3UA_PARAM_HDR, &v))
            return SS_TRUNCATED;
        enum ss_result res = param_decode(tag, v, plen - M3UA_PARAM_HDR, out);
        if (res != SS_OK)
            return res;
        if (!ss_rd_skip(r, (4 - (plen & 3)) & 3))
            r->off = r->len;
    }
    return out->payload ? SS_OK : SS_BAD_VALUE;
}

/* RFC 4666 §3.1: version(1) reserved(1) class(1) type(1) length(4); the
 * length covers the header. Bytes after it (SCTP padding) are ignored. */
enum ss_result ss_m3ua_decode(const uint8_t *p, size_t len, struct ss_m3ua *out)
{
    struct ss_rd r;
    const uint8_t *h;

    *out = (struct ss_m3ua){0};
    ss_rd_init(&r, p, len);
    if (!ss_rd_bytes(&r, M3UA_COMMON_HDR, &h))
        return SS_TRUNCATED;
    uint8_t version = h[0];
    out->cls = h[2];
    out->type = h[3];
    uint32_t msg_len = ss_be32(h + 4);
    if (version != M3UA_VERSION)
        return SS_BAD_TAG;
    if (msg_len < M3UA_COMMON_HDR)
        return SS_BAD_LENGTH;
    if (msg_len > len)
        return SS_TRUNCATED;
    if (out->cls != SS_M3UA_CLASS_TRANSFER || out->type != M3UA_TYPE_DATA)
        return SS_OK;
    r.len = msg_len;
    return params_walk(&r, out);
}
