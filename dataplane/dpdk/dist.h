/* Software distributor, for ports that cannot spread an association over
 * queues with symmetric RSS (net_pcap, net_af_packet, single-queue
 * NICs): the main lcore receives, hashes each frame's association
 * (ss_flowhash) and enqueues it on that worker's single-producer,
 * single-consumer ring. Frames that are not SCTP over IP (ARP, other
 * protocols, malformed headers) go to worker 0, so the decode counters
 * see every frame exactly once whatever the worker count.
 *
 * A full ring is never dropped into: the frames wait in `pending` and the
 * distributor stops receiving until they are placed, so the port (not
 * sigsift) accounts the overload as imissed, and a file replay loses
 * nothing. */
#ifndef SS_DPDK_DIST_H
#define SS_DPDK_DIST_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_mbuf.h>
#include <rte_ring.h>

#include "dataplane/dpdk/opts.h"
#include "dataplane/dpdk/worker.h"

#define SS_DIST_RING_SIZE 1024

struct ss_dist_counters {
    uint64_t frames;
    uint64_t other;       /* not SCTP over IP: sent to worker 0 */
    uint64_t malformed;   /* headers did not parse: sent to worker 0 */
    uint64_t discarded;   /* pending at a forced stop, freed */
    uint64_t empty_polls; /* consecutive; end-of-input detection */
};

struct ss_dist {
    unsigned n_workers;
    uint16_t burst;
    uint16_t n_rxq;
    struct ss_rxq rxq[SS_RXQ_MAX];
    struct rte_ring *ring[SS_RUN_WORKERS_MAX];
    uint16_t n_pending[SS_RUN_WORKERS_MAX];
    struct rte_mbuf *pending[SS_RUN_WORKERS_MAX][SS_RUN_BURST_MAX];
    struct ss_dist_counters c;
    uint8_t linear[SS_LINEAR_MAX];
};

/* One ring per worker on that worker's socket (ring i feeds worker i). */
int ss_dist_init(struct ss_dist *d, struct ss_worker *const *workers, unsigned n_workers,
                 uint16_t burst);
/* Places pending frames, then (only if none remain) receives and
 * distributes one burst per RX queue. Returns the frames received. */
unsigned ss_dist_poll(struct ss_dist *d);
/* Places pending frames; true when none remain. */
bool ss_dist_flush(struct ss_dist *d);
/* Frees pending frames (forced stop). */
void ss_dist_discard(struct ss_dist *d);
/* After the workers stopped: frees the rings (and any frame left). */
void ss_dist_free(struct ss_dist *d);

#endif
