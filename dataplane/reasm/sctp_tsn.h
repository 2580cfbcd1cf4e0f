/* SCTP DATA retransmission detection (RFC 4960 §6.2, §6.4: a sender may
 * resend a TSN, on any destination address of a multi-homed peer). A
 * retransmitted chunk carries a user message already seen, so it must not
 * be decoded and judged a second time.
 *
 * Keyed as Wireshark 4.0 keys its TSN analysis (packet-sctp.c, half
 * associations looked up by source port, destination port and
 * verification tag): IP addresses are not part of the key, so a chunk
 * resent over another path of the same association is still found. Each
 * direction has its own tag (RFC 4960 §8.5), so the two directions are
 * two independent entries. Chunks with tag 0 are not tracked, as in
 * Wireshark (only INIT may carry it, §8.5.1).
 *
 * Where the bounded table departs from Wireshark (which remembers every
 * TSN of the capture): each entry remembers only the SS_SCTP_TSN_WINDOW
 * TSNs up to the highest seen; a TSN further behind is reported new. An
 * entry idle for longer than the timeout is forgotten. */
#ifndef SS_SCTP_TSN_H
#define SS_SCTP_TSN_H

#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/decode/sctp.h"

/* TSNs remembered per direction, relative to the highest seen. Far more
 * than the outstanding data any SIGTRAN peer's receive window allows. */
#define SS_SCTP_TSN_WINDOW 4096

struct ss_sctp_tsn;

struct ss_sctp_tsn *ss_sctp_tsn_new(uint32_t slots, uint64_t timeout_ns);
void ss_sctp_tsn_free(struct ss_sctp_tsn *t);

/* Records the TSN of one DATA chunk of packet s. Returns SS_DUPLICATE when
 * the TSN was already seen in this direction (a retransmission: skip the
 * chunk), SS_OK for a new TSN, or SS_TABLE_FULL for a new TSN of a new
 * direction that evicted the least recently used entry (decode the chunk,
 * count the eviction). */
enum ss_result ss_sctp_tsn_check(struct ss_sctp_tsn *t, const struct ss_sctp *s, uint32_t tsn,
                                 uint64_t ts_ns);
/* Forgets entries idle for longer than the timeout; returns how many. */
uint32_t ss_sctp_tsn_expire(struct ss_sctp_tsn *t, uint64_t now_ns);
uint32_t ss_sctp_tsn_in_use(const struct ss_sctp_tsn *t);

#endif
