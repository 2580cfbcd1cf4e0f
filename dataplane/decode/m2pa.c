/* M2PA (RFC 4165) and the ITU MTP3 label (Q.704) of the MSU it carries. */
#include "dataplane/decode/m2pa.h"

#include "dataplane/decode/rd.h"

enum {
    M2PA_VERSION = 1,
    M2PA_CLASS = 11,
    M2PA_HDR = 16, /* common header (8) + BSN word + FSN word */
    M2PA_SEQ_MASK = 0x00ffffff,
    MTP3_SIO_LABEL = 5,
};

/* RFC 4165 §2.3.1: the Data field starts with one octet holding the
 * priority (top 2 bits, national use) and spare bits, then the MSU from
 * the SIO on, as Wireshark's M2PA dissector reads it. A User Data
 * message with no Data field is a bare acknowledgement. */
static enum ss_result user_data_decode(struct ss_rd *r, struct ss_m2pa *out)
{
    if (ss_rd_left(r) == 0)
        return SS_OK;
    if (!ss_rd_skip(r, 1) || ss_rd_left(r) == 0)
        return SS_BAD_LENGTH;
    out->msu = ss_rd_cur(r);
    out->msu_len = ss_rd_left(r);
    return SS_OK;
}

/* RFC 4165 §2.1: version(1) spare(1) class(1) type(1) length(4), the
 * length covering the whole message; §2.2: BSN and FSN are the low 24
 * bits of one 32-bit word each. */
enum ss_result ss_m2pa_decode(const uint8_t *p, size_t len, struct ss_m2pa *out)
{
    struct ss_rd r;
    const uint8_t *h;

    *out = (struct ss_m2pa){0};
    ss_rd_init(&r, p, len);
    if (!ss_rd_bytes(&r, M2PA_HDR, &h))
        return SS_TRUNCATED;
    uint8_t version = h[0], cls = h[2];
    out->type = h[3];
    uint32_t msg_len = ss_be32(h + 4);
    out->bsn = ss_be32(h + 8);
    out->fsn = ss_be32(h + 12);
    if (version != M2PA_VERSION || cls != M2PA_CLASS)
        return SS_BAD_TAG;
    if (msg_len < M2PA_HDR)
        return SS_BAD_LENGTH;
    if (msg_len > len)
        return SS_TRUNCATED;
    out->bsn &= M2PA_SEQ_MASK;
    out->fsn &= M2PA_SEQ_MASK;
    if (out->type != SS_M2PA_USER_DATA)
        return SS_OK;
    r.len = msg_len;
    return user_data_decode(&r, out);
}

/* Q.704 §14.2: SI in the low 4 bits of the SIO, NI in the top 2.
 * Q.704 §2.2.1: the ITU routing label is 32 bits sent least significant
 * first: DPC bits 0-13, OPC bits 14-27, SLS bits 28-31. */
enum ss_result ss_mtp3_decode(const uint8_t *msu, size_t len, struct ss_mtp3 *out)
{
    *out = (struct ss_mtp3){0};
    if (len < MTP3_SIO_LABEL)
        return SS_TRUNCATED;
    uint8_t sio = msu[0];
    uint32_t label =
        (uint32_t)msu[1] | (uint32_t)msu[2] << 8 | (uint32_t)msu[3] << 16 | (uint32_t)msu[4] << 24;
    out->si = sio & 0x0f;
    out->ni = sio >> 6;
    out->dpc = label & 0x3fff;
    out->opc = (label >> 14) & 0x3fff;
    out->sls = label >> 28;
    out->payload = msu + MTP3_SIO_LABEL;
    out->len = len - MTP3_SIO_LABEL;
    return SS_OK;
}
