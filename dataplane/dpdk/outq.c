/* Output slot rings: created once per worker before launch. */
#include "dataplane/dpdk/outq.h"

#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_malloc.h>

static struct rte_ring *ring(const char *what, unsigned worker, unsigned count, int socket)
{
    char name[RTE_RING_NAMESIZE];
    snprintf(name, sizeof name, "%s%u", what, worker);
    /* Exact size: `count` slots fit, so a put to either ring never fails. */
    struct rte_ring *r =
        rte_ring_create(name, count, socket, RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ);
    if (r == NULL)
        fprintf(stderr, "sigsift run: ring %s: %s\n", name, rte_strerror(rte_errno));
    return r;
}

static int fill(struct rte_ring *free_ring, void *mem, size_t size, unsigned count)
{
    for (unsigned i = 0; i < count; i++)
        if (rte_ring_sp_enqueue(free_ring, (char *)mem + i * size) != 0)
            return -1;
    return 0;
}

static int init_events(struct ss_outq *q, unsigned worker, int socket)
{
    q->ev_free = ring("evf", worker, SS_EVENT_SLOTS, socket);
    q->ev_full = ring("evq", worker, SS_EVENT_SLOTS, socket);
    q->ev_mem = rte_malloc_socket("events", sizeof(*q->ev_mem) * SS_EVENT_SLOTS,
                                  RTE_CACHE_LINE_SIZE, socket);
    if (q->ev_free == NULL || q->ev_full == NULL || q->ev_mem == NULL)
        return -1;
    return fill(q->ev_free, q->ev_mem, sizeof(*q->ev_mem), SS_EVENT_SLOTS);
}

static int init_evidence(struct ss_outq *q, unsigned worker, int socket, uint32_t snap)
{
    size_t size = RTE_ALIGN_CEIL(sizeof(struct ss_evidence_slot) + snap, RTE_CACHE_LINE_SIZE);
    q->fr_snap = snap;
    q->fr_free = ring("frf", worker, SS_EVIDENCE_SLOTS, socket);
    q->fr_full = ring("frq", worker, SS_EVIDENCE_SLOTS, socket);
    q->fr_mem = rte_malloc_socket("evidence", size * SS_EVIDENCE_SLOTS, RTE_CACHE_LINE_SIZE, socket);
    if (q->fr_free == NULL || q->fr_full == NULL || q->fr_mem == NULL)
        return -1;
    return fill(q->fr_free, q->fr_mem, size, SS_EVIDENCE_SLOTS);
}

int ss_outq_init(struct ss_outq *q, unsigned worker, int socket, uint32_t evidence_snap)
{
    memset(q, 0, sizeof *q);
    if (init_events(q, worker, socket) != 0 ||
        (evidence_snap > 0 && init_evidence(q, worker, socket, evidence_snap) != 0)) {
        fprintf(stderr, "sigsift run: worker %u: no memory for output slots (raise EAL -m)\n",
                worker);
        ss_outq_free(q);
        return -1;
    }
    return 0;
}

void ss_outq_free(struct ss_outq *q)
{
    rte_ring_free(q->ev_free);
    rte_ring_free(q->ev_full);
    rte_ring_free(q->fr_free);
    rte_ring_free(q->fr_full);
    rte_free(q->ev_mem);
    rte_free(q->fr_mem);
    memset(q, 0, sizeof *q);
}
