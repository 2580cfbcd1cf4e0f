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
/* Evidence frames are kept up to 2 KiB: SIGTRAN links run at an MTU of
 * 1500, and a longer frame is written truncated (its pcap record keeps
 * the original length), counted as framelog.truncated. */
#define SS_EVIDENCE_SNAP  2048
#define SS_EVIDENCE_SLOTS 256

struct ss_event_slot {
    uint32_t len;
    char buf[SS_EVENT_SLOT_BYTES];
};

struct ss_evidence_slot {
    uint64_t ts_ns;
    uint32_t len; /* original frame length */
    uint32_t caplen;
    uint8_t data[SS_EVIDENCE_SNAP];
};

struct ss_outq {
    struct rte_ring *ev_free, *ev_full;
    struct rte_ring *fr_free, *fr_full; /* NULL without --evidence */
    struct ss_event_slot *ev_mem;
    struct ss_evidence_slot *fr_mem;
};

/* Rings and slots on `socket` (the worker's). Returns 0 or -1 (logged). */
int ss_outq_init(struct ss_outq *q, unsigned worker, int socket, bool evidence);
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
