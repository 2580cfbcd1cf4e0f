#include "encode_sctp.h"

#include "crc32c.h"

#define CHUNK_DATA     0
#define CHUNK_SACK     3
#define HEARTBEAT_INFO 1 /* §3.3.5 parameter type */

void sg_sctp_begin(struct sg_buf *out, uint16_t sport, uint16_t dport, uint32_t vtag)
{
    sg_buf_u16(out, sport);
    sg_buf_u16(out, dport);
    sg_buf_u32(out, vtag);
    sg_buf_u32(out, 0);
}

/* §3.2: chunk length excludes the padding to four octets. */
static void chunk_header(struct sg_buf *out, uint8_t type, uint8_t flags, size_t len)
{
    sg_buf_u8(out, type);
    sg_buf_u8(out, flags);
    sg_buf_u16(out, (uint16_t)len);
}

void sg_sctp_data(struct sg_buf *out, const struct sg_sctp_data *d, const uint8_t *p, size_t n)
{
    chunk_header(out, CHUNK_DATA, d->flags, 16 + n);
    sg_buf_u32(out, d->tsn);
    sg_buf_u16(out, d->stream);
    sg_buf_u16(out, d->ssn);
    sg_buf_u32(out, d->ppid);
    sg_buf_put(out, p, n);
    sg_buf_pad4(out);
}

/* §3.3.4 without gap blocks or duplicates. */
void sg_sctp_sack(struct sg_buf *out, uint32_t cum_tsn, uint32_t a_rwnd)
{
    chunk_header(out, CHUNK_SACK, 0, 16);
    sg_buf_u32(out, cum_tsn);
    sg_buf_u32(out, a_rwnd);
    sg_buf_u32(out, 0);
}

void sg_sctp_heartbeat(struct sg_buf *out, uint8_t type, uint64_t info)
{
    chunk_header(out, type, 0, 16);
    sg_buf_u16(out, HEARTBEAT_INFO);
    sg_buf_u16(out, 12);
    sg_buf_u32(out, (uint32_t)(info >> 32));
    sg_buf_u32(out, (uint32_t)info);
}

/* Appendix B: the CRC is computed with the checksum field zero and stored
 * least significant byte first. */
void sg_sctp_finish(struct sg_buf *out, size_t start)
{
    uint32_t crc = sg_crc32c(out->p + start, out->len - start);
    uint8_t *c = out->p + start + 8;
    c[0] = (uint8_t)crc;
    c[1] = (uint8_t)(crc >> 8);
    c[2] = (uint8_t)(crc >> 16);
    c[3] = (uint8_t)(crc >> 24);
}
