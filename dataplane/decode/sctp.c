/* SCTP (RFC 4960): common header, chunk walk and DATA chunk fields. */
#include "dataplane/decode/sctp.h"

#include "dataplane/decode/rd.h"

enum {
    SCTP_COMMON_HDR = 12,
    SCTP_CHUNK_HDR = 4,
    SCTP_DATA_HDR = 16, /* chunk header + TSN, SID, SSN, PPID */
    SCTP_DATA_FIELDS = SCTP_DATA_HDR - SCTP_CHUNK_HDR,
    SCTP_FLAG_U = 0x04,
    SCTP_FLAG_B = 0x02,
    SCTP_FLAG_E = 0x01,
};

/* RFC 4960 §3.1: source port, destination port, verification tag and
 * checksum, then chunks. */
enum ss_result ss_sctp_decode(const uint8_t *p, size_t len, struct ss_sctp *out)
{
    struct ss_rd r;
    const uint8_t *h;

    *out = (struct ss_sctp){0};
    ss_rd_init(&r, p, len);
    if (!ss_rd_bytes(&r, SCTP_COMMON_HDR, &h))
        return SS_TRUNCATED;
    out->sport = ss_be16(h);
    out->dport = ss_be16(h + 2);
    out->vtag = ss_be32(h + 4);
    out->chunks = ss_rd_cur(&r);
    out->len = ss_rd_left(&r);
    return SS_OK;
}

void ss_sctp_iter_init(struct ss_sctp_iter *it, const struct ss_sctp *s)
{
    it->p = s->chunks;
    it->len = s->len;
    it->off = 0;
}

/* RFC 4960 §3.2: the chunk length covers header and value but not the
 * padding to a 4-byte boundary. A last chunk whose padding is missing
 * (some stacks and snap-length cuts) is accepted. The header is checked to
 * fit before its length is read. */
enum ss_result ss_sctp_next_chunk(struct ss_sctp_iter *it, struct ss_sctp_chunk *c)
{
    struct ss_rd r;
    const uint8_t *h;
    enum ss_result res = SS_OK;

    ss_rd_init(&r, it->p, it->len);
    r.off = it->off;
    if (ss_rd_left(&r) == 0)
        return SS_END;
    if (!ss_rd_bytes(&r, SCTP_CHUNK_HDR, &h)) {
        res = SS_TRUNCATED;
    } else {
        c->type = h[0];
        c->flags = h[1];
        c->length = ss_be16(h + 2);
        if (c->length < SCTP_CHUNK_HDR)
            res = SS_BAD_LENGTH;
        else if (!ss_rd_bytes(&r, c->length - SCTP_CHUNK_HDR, &c->value))
            res = SS_TRUNCATED;
    }
    if (res != SS_OK) {
        it->off = it->len; /* a bad length leaves the rest unparseable */
        return res;
    }
    c->value_len = c->length - SCTP_CHUNK_HDR;
    size_t pad = (4 - (c->length & 3)) & 3;
    if (!ss_rd_skip(&r, pad))
        r.off = r.len;
    it->off = r.off;
    return SS_OK;
}

/* RFC 4960 §3.3.1: a DATA chunk is at least 17 bytes; one with no user
 * data is a protocol violation (§6.2, "No User Data" ABORT). */
enum ss_result ss_sctp_data_decode(const struct ss_sctp_chunk *c, struct ss_sctp_data *d)
{
    struct ss_rd r;
    const uint8_t *h;

    *d = (struct ss_sctp_data){0};
    if (c->type != SS_SCTP_DATA)
        return SS_BAD_TAG;
    if (c->length < SCTP_DATA_HDR)
        return SS_BAD_LENGTH;
    ss_rd_init(&r, c->value, c->value_len);
    if (!ss_rd_bytes(&r, SCTP_DATA_FIELDS, &h))
        return SS_TRUNCATED;
    d->tsn = ss_be32(h);
    d->sid = ss_be16(h + 4);
    d->ssn = ss_be16(h + 6);
    d->ppid = ss_be32(h + 8);
    if (ss_rd_left(&r) == 0)
        return SS_BAD_LENGTH;
    d->unordered = c->flags & SCTP_FLAG_U;
    d->begin = c->flags & SCTP_FLAG_B;
    d->end = c->flags & SCTP_FLAG_E;
    d->payload = ss_rd_cur(&r);
    d->len = ss_rd_left(&r);
    return SS_OK;
}
