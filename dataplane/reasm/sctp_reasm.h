/* SCTP DATA fragment reassembly (RFC 4960 §6.9): fragments of one user
 * message share stream id and SSN and carry consecutive TSNs from the B
 * fragment to the E fragment. Keyed by (src, dst, ports, sid, ssn, U);
 * fixed slot count, fixed bytes per message, expiry by capture time. */
#ifndef SS_SCTP_REASM_H
#define SS_SCTP_REASM_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/ip.h"
#include "dataplane/decode/result.h"
#include "dataplane/decode/sctp.h"
#include "dataplane/reasm/frames.h"

/* Largest reassembled user message (an M3UA-framed LUDT fits easily). */
#define SS_SCTP_REASM_MSG_MAX 8192
/* Most fragments one message may have. */
#define SS_SCTP_REASM_FRAGS_MAX 32

struct ss_sctp_reasm;

struct ss_sctp_reasm *ss_sctp_reasm_new(uint32_t slots, uint64_t timeout_ns);
void ss_sctp_reasm_free(struct ss_sctp_reasm *r);

/* Adds one DATA chunk that is a fragment (not both B and E). Returns
 * SS_HELD, SS_DUPLICATE (same TSN already held), SS_TABLE_FULL,
 * SS_OVERSIZE, or SS_OK: the whole message is at *msg, *len (valid until
 * the next call) and *frames lists every frame that carried a fragment.
 * SS_TABLE_FULL: the oldest entry was evicted to make room and this
 * fragment is held. SS_OVERSIZE drops the whole message. A chunk with
 * both B and E set is not a fragment: SS_BAD_VALUE. */
enum ss_result ss_sctp_reasm_add(struct ss_sctp_reasm *r, const struct ss_ip *ip,
                                 const struct ss_sctp *s, const struct ss_sctp_data *d,
                                 uint64_t ts_ns, uint64_t frame_id, const uint8_t **msg,
                                 size_t *len, struct ss_frames *frames);
/* Drops entries older than now - timeout; returns how many. */
uint32_t ss_sctp_reasm_expire(struct ss_sctp_reasm *r, uint64_t now_ns);
uint32_t ss_sctp_reasm_in_use(const struct ss_sctp_reasm *r);

#endif
