/* Symmetric association hash of a raw Ethernet frame, for the software
 * distributor: both directions of an SCTP association (addresses and
 * ports swapped) give the same value, so they reach the same worker.
 * Plain C over pointer + length; parses only what the hash needs. */
#ifndef SS_DPDK_FLOWHASH_H
#define SS_DPDK_FLOWHASH_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

/* SS_OK: *hash covers the IP pair and, for unfragmented SCTP, the port
 * pair (IP fragments hash on the IP pair alone, so all fragments of a
 * datagram meet). SS_NOT_INTERESTING: not IP, or IP but not SCTP.
 * SS_TRUNCATED / SS_BAD_LENGTH / SS_TOO_DEEP as the bounded parse finds.
 * A multi-homed association uses several IP pairs and may therefore
 * split across workers; symmetric RSS has the same limit. */
enum ss_result ss_flowhash(const uint8_t *p, size_t len, uint32_t *hash);

#endif
