/* Software distributor on the main lcore. */
#include "dataplane/dpdk/dist.h"

#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_lcore.h>

#include "dataplane/dpdk/flowhash.h"

int ss_dist_init(struct ss_dist *d, struct ss_worker *const *workers, unsigned n_workers,
                 uint16_t burst)
{
    memset(d->ring, 0, sizeof d->ring);
    memset(d->n_pending, 0, sizeof d->n_pending);
    memset(&d->c, 0, sizeof d->c);
    d->n_workers = n_workers;
    d->burst = burst;
    for (unsigned i = 0; i < n_workers; i++) {
        char name[RTE_RING_NAMESIZE];
        snprintf(name, sizeof name, "dist%u", i);
        d->ring[i] =
            rte_ring_create(name, SS_DIST_RING_SIZE, (int)rte_lcore_to_socket_id(workers[i]->lcore),
                            RING_F_SP_ENQ | RING_F_SC_DEQ);
        if (d->ring[i] == NULL) {
            fprintf(stderr, "sigsift run: ring %s: %s\n", name, rte_strerror(rte_errno));
            return -1;
        }
        workers[i]->in = d->ring[i];
    }
    return 0;
}

/* Worker index from the association hash; 0 for anything else. */
static unsigned pick(struct ss_dist *d, const struct rte_mbuf *m)
{
    uint32_t len = rte_pktmbuf_pkt_len(m), hash;

    if (len > sizeof d->linear) {
        d->c.malformed++;
        return 0;
    }
    const uint8_t *p = rte_pktmbuf_read(m, 0, len, d->linear);
    enum ss_result r = ss_flowhash(p, len, &hash);
    if (r != SS_OK) {
        if (r == SS_NOT_INTERESTING)
            d->c.other++;
        else
            d->c.malformed++;
        return 0;
    }
    /* Multiply-shift maps the 32-bit hash onto 0..n-1 without a divide. */
    return (unsigned)(((uint64_t)hash * d->n_workers) >> 32);
}

bool ss_dist_flush(struct ss_dist *d)
{
    bool empty = true;
    for (unsigned i = 0; i < d->n_workers; i++) {
        uint16_t n = d->n_pending[i];
        if (n == 0)
            continue;
        unsigned done = rte_ring_sp_enqueue_burst(d->ring[i], (void **)d->pending[i], n, NULL);
        if (done > 0 && done < n)
            memmove(d->pending[i], d->pending[i] + done, (n - done) * sizeof(d->pending[i][0]));
        d->n_pending[i] = (uint16_t)(n - done);
        empty = empty && d->n_pending[i] == 0;
    }
    return empty;
}

static void distribute(struct ss_dist *d, struct rte_mbuf **pkts, uint16_t n)
{
    for (uint16_t i = 0; i < n; i++) {
        unsigned w = pick(d, pkts[i]);
        d->pending[w][d->n_pending[w]++] = pkts[i];
    }
    ss_dist_flush(d);
}

unsigned ss_dist_poll(struct ss_dist *d)
{
    struct rte_mbuf *pkts[SS_RUN_BURST_MAX];
    unsigned total = 0;

    if (!ss_dist_flush(d))
        return 0;
    /* pending is empty, so each worker's buffer has room for a burst. */
    for (uint16_t q = 0; q < d->n_rxq; q++) {
        uint16_t n = rte_eth_rx_burst(d->rxq[q].port, d->rxq[q].queue, pkts, d->burst);
        distribute(d, pkts, n);
        total += n;
        if (!ss_dist_flush(d))
            break;
    }
    d->c.frames += total;
    d->c.empty_polls = total == 0 ? d->c.empty_polls + 1 : 0;
    return total;
}

void ss_dist_discard(struct ss_dist *d)
{
    for (unsigned i = 0; i < d->n_workers; i++) {
        rte_pktmbuf_free_bulk(d->pending[i], d->n_pending[i]);
        d->c.discarded += d->n_pending[i];
        d->n_pending[i] = 0;
    }
}

void ss_dist_free(struct ss_dist *d)
{
    struct rte_mbuf *m;
    ss_dist_discard(d);
    for (unsigned i = 0; i < d->n_workers; i++) {
        while (d->ring[i] != NULL && rte_ring_sc_dequeue(d->ring[i], (void **)&m) == 0) {
            rte_pktmbuf_free(m);
            d->c.discarded++;
        }
        rte_ring_free(d->ring[i]);
        d->ring[i] = NULL;
    }
}
