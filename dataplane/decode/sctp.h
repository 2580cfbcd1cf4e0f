/* SCTP (RFC 4960): common header, chunk walk, DATA chunk fields. The
 * checksum is not verified: a tap sees what the endpoints accepted, and
 * offloaded captures carry zero checksums. */
#ifndef SS_SCTP_H
#define SS_SCTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

enum {
    SS_SCTP_DATA = 0,
    SS_SCTP_INIT = 1,
    SS_SCTP_INIT_ACK = 2,
    SS_SCTP_SACK = 3,
    SS_SCTP_HEARTBEAT = 4,
    SS_SCTP_HEARTBEAT_ACK = 5,
    SS_SCTP_ABORT = 6,
    SS_SCTP_SHUTDOWN = 7,
    SS_SCTP_SHUTDOWN_ACK = 8,
    SS_SCTP_ERROR = 9,
    SS_SCTP_COOKIE_ECHO = 10,
    SS_SCTP_COOKIE_ACK = 11,
    SS_SCTP_SHUTDOWN_COMPLETE = 14,
};

enum { SS_PPID_M2PA = 5, SS_PPID_M3UA = 3 };

struct ss_sctp {
    uint16_t sport, dport;
    uint32_t vtag;
    const uint8_t *chunks; /* first chunk */
    size_t len;            /* bytes of chunks */
};

struct ss_sctp_chunk {
    uint8_t type, flags;
    uint16_t length;        /* chunk length field (header + value, no padding) */
    const uint8_t *value;   /* after the 4-byte chunk header */
    size_t value_len;       /* length - 4 */
};

/* Walks the chunks of one packet. */
struct ss_sctp_iter {
    const uint8_t *p;
    size_t len;
    size_t off;
};

struct ss_sctp_data {
    uint32_t tsn;
    uint16_t sid, ssn;
    uint32_t ppid;
    bool unordered, begin, end; /* U, B, E flags */
    const uint8_t *payload;
    size_t len;
};

enum ss_result ss_sctp_decode(const uint8_t *p, size_t len, struct ss_sctp *out);
void ss_sctp_iter_init(struct ss_sctp_iter *it, const struct ss_sctp *s);
/* SS_OK with *c filled, SS_END after the last chunk, or an error (the walk
 * stops: a bad length makes the rest of the packet unparseable). Padding
 * to 4 bytes is skipped; a final chunk without padding is accepted. */
enum ss_result ss_sctp_next_chunk(struct ss_sctp_iter *it, struct ss_sctp_chunk *c);
enum ss_result ss_sctp_data_decode(const struct ss_sctp_chunk *c, struct ss_sctp_data *d);

#endif
