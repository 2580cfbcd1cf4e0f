/* SCTP packets (RFC 4960 §3): common header, DATA, SACK and HEARTBEAT chunks. */
#ifndef SG_ENCODE_SCTP_H
#define SG_ENCODE_SCTP_H

#include <stdint.h>
#include "buf.h"

/* RFC 4960 §3.3.1 DATA chunk flags. */
#define SG_SCTP_FLAG_E 0x01
#define SG_SCTP_FLAG_B 0x02

#define SG_SCTP_HEARTBEAT     4
#define SG_SCTP_HEARTBEAT_ACK 5

struct sg_sctp_data {
    uint8_t flags;
    uint32_t tsn;
    uint16_t stream;
    uint16_t ssn;
    uint32_t ppid;
};

/* Starts a packet at out->len; finish it with sg_sctp_finish. */
void sg_sctp_begin(struct sg_buf *out, uint16_t sport, uint16_t dport, uint32_t vtag);
void sg_sctp_data(struct sg_buf *out, const struct sg_sctp_data *d, const uint8_t *p, size_t n);
void sg_sctp_sack(struct sg_buf *out, uint32_t cum_tsn, uint32_t a_rwnd);
void sg_sctp_heartbeat(struct sg_buf *out, uint8_t type, uint64_t info);
/* Computes the CRC32c over the packet that starts at offset `start`. */
void sg_sctp_finish(struct sg_buf *out, size_t start);

#endif
