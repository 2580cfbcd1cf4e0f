/* The host interface of the keyword-matching block (hw/README.md "Host
 * interface"): a submission ring of message descriptors the card's DMA
 * engine reads, and a completion ring the card writes its 16-byte output
 * records into (struct ss_kwm_record, control/fpga/kwm.h). A message is
 * complete when its end record has arrived.
 *
 * Each ring has a producer and a consumer index, free-running 32-bit
 * counters (slot = index mod size, sizes are powers of two, so the
 * counters may wrap). The host owns sq_tail and cq_head, the card
 * sq_head and cq_tail. A real card gets sq_tail by an MMIO doorbell and
 * writes cq_tail after the records it covers; the simulated card
 * (kwm_sim.h) runs in the host thread between ring calls, so no barrier
 * is needed here. A full completion ring holds the block's m_axis
 * (backpressure), it never drops a record. */
#ifndef SS_FPGA_RING_H
#define SS_FPGA_RING_H

#include <stdbool.h>
#include <stdint.h>

#include "control/fpga/kwm.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SS_FPGA_SQ_SIZE 64u  /* descriptors */
#define SS_FPGA_CQ_SIZE 256u /* output records */

/* One message to judge: 16 bytes, little-endian on a real card. The DMA
 * engine forms the header beat {length, version, msg_id} from it, then
 * streams `len` text bytes from `buf`, padded to the beat, tlast on the
 * last beat. */
struct ss_fpga_desc {
    uint64_t buf;     /* bus address of the text (a host pointer in simulation) */
    uint32_t msg_id;  /* echoed in every record of the message */
    uint16_t version; /* rule-set version the host expects, 0: any */
    uint16_t len;     /* text bytes */
};

struct ss_fpga_ring {
    struct ss_fpga_desc sq[SS_FPGA_SQ_SIZE];
    struct ss_kwm_record cq[SS_FPGA_CQ_SIZE];
    uint32_t sq_tail; /* host: descriptors posted */
    uint32_t sq_head; /* card: descriptors fetched */
    uint32_t cq_tail; /* card: records written */
    uint32_t cq_head; /* host: records consumed */
};

void ss_fpga_ring_init(struct ss_fpga_ring *r);

/* Host side. False when the submission ring is full. */
bool ss_fpga_sq_post(struct ss_fpga_ring *r, const struct ss_fpga_desc *d);
/* False when no record is waiting. */
bool ss_fpga_cq_pop(struct ss_fpga_ring *r, struct ss_kwm_record *rec);

/* Card side. False when no descriptor is posted. */
bool ss_fpga_sq_fetch(struct ss_fpga_ring *r, struct ss_fpga_desc *d);
bool ss_fpga_cq_has_room(const struct ss_fpga_ring *r);
/* Only after ss_fpga_cq_has_room(). */
void ss_fpga_cq_push(struct ss_fpga_ring *r, const struct ss_kwm_record *rec);

#ifdef __cplusplus
}
#endif

#endif
