/* The transmitter: packs chunks into SCTP packets, frames them, stamps them
 * with the capture clock, writes them to the pcap, and emits the truth record
 * of every message whose last piece a frame carried. */
#ifndef SG_TX_H
#define SG_TX_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "buf.h"
#include "link.h"
#include "pcap_writer.h"
#include "prng.h"
#include "truth.h"

#define SG_TX_PENDING_RECORDS 32
#define SG_TX_MAX_FRAGMENTS   3

struct sg_tx {
    struct sg_pcap_writer *pcap;
    FILE *truth;
    struct sg_prng *rng;
    uint64_t now_us;
    uint64_t last_frame_us;
    uint16_t ip_id;
    struct sg_buf chunks; /* chunks of the packet being built */
    struct sg_link *link; /* owner of the pending chunks */
    int from;
    struct sg_buf packet, frame;
    struct sg_buf line; /* one truth record */
    struct sg_record pending[SG_TX_PENDING_RECORDS];
    size_t n_pending;
    uint64_t frames, records;
};

void sg_tx_init(struct sg_tx *tx, struct sg_pcap_writer *pcap, FILE *truth, struct sg_prng *r,
                uint64_t start_us);
void sg_tx_free(struct sg_tx *tx);
/* Moves the capture clock on by a random step in [min_us, max_us]. */
void sg_tx_wait(struct sg_tx *tx, uint32_t min_us, uint32_t max_us);
/* Adds one unfragmented DATA chunk to the packet being built. */
void sg_tx_data(struct sg_tx *tx, struct sg_link *l, int from, struct sg_ulp u, const uint8_t *p,
                size_t n);
/* Writes a message as `pieces` (2..SG_TX_MAX_FRAGMENTS) DATA fragments, one
 * packet each, in TSN order or shuffled. Flushes the packet being built first. */
void sg_tx_data_fragmented(struct sg_tx *tx, struct sg_link *l, int from, struct sg_ulp u,
                           const uint8_t *p, size_t n, unsigned pieces, bool shuffled);
/* Control chunks; call before any DATA of the same packet (RFC 4960 §6.10). */
void sg_tx_sack(struct sg_tx *tx, struct sg_link *l, int from);
void sg_tx_heartbeat(struct sg_tx *tx, struct sg_link *l, int from, uint8_t type, uint64_t info);
/* Writes the packet being built, if any, as one frame. */
void sg_tx_flush(struct sg_tx *tx);
/* The message whose last piece was just queued: written to the truth file
 * with the time of the frame that carries that piece. */
void sg_tx_complete(struct sg_tx *tx, const struct sg_record *r);

#endif
