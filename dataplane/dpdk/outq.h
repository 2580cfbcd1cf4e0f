/* A worker's output side: fixed-size event and evidence slots cycling
 * between two single-producer/single-consumer rings each. The worker
 * takes a slot from `free`, fills it in place, puts it on `full`; the
 * output thread (main lcore) writes it and gives it back. No copy
 * between worker and writer, no allocation after start. */
#ifndef SS_DPDK_OUTQ_H
#define SS_DPDK_OUTQ_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ring.h>

/* An event line: the decode keys of an 8 KiB text, escaped, fit. */
#define SS_EVENT_SLOT_BYTES 16384
#define SS_EVENT_SLOTS      128
/* Evidence frames are kept up to --max-frame bytes (2 KiB by default:
 * SIGTRAN links run at an MTU of 1500), the most a worker decodes of one. */
#define SS_EVIDENCE_SLOTS 256

struct ss_event_slot {
    uint32_t len;
    char buf[SS_EVENT_SLOT_BYTES];
};

struct ss_evidence_slot {
    uint64_t ts_ns;
    uint32_t len; /* original frame length */
    uint32_t caplen;
    uint8_t data[]; /* fr_snap bytes */
};

struct ss_outq {
    struct rte_ring *ev_free, *ev_full;
    struct rte_ring *fr_free, *fr_full; /* NULL without --evidence */
    struct ss_event_slot *ev_mem;
    void *fr_mem;     /* SS_EVIDENCE_SLOTS slots of sizeof(struct ss_evidence_slot) + fr_snap */
    uint32_t fr_snap; /* bytes an evidence slot holds of a frame; 0 without --evidence */
};

/* Rings and slots on `socket` (the worker's); evidence slots holding up
 * to evidence_snap bytes of a frame, none when it is 0. Returns 0 or -1
 * (logged). */
int ss_outq_init(struct ss_outq *q, unsigned worker, int socket, uint32_t evidence_snap);
void ss_outq_free(struct ss_outq *q);

static inline void *ss_outq_take(struct rte_ring *free_ring)
{
    void *slot;
    return rte_ring_sc_dequeue(free_ring, &slot) == 0 ? slot : NULL;
}

/* Never fails: a ring sized for all of its slots always has room. */
static inline void ss_outq_put(struct rte_ring *ring, void *slot)
{
    rte_ring_sp_enqueue(ring, slot);
}

#endif
