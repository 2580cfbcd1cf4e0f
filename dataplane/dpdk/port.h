/* Port setup for any DPDK port: net_pcap vdevs (replay), net_af_packet
 * (live interface), real NICs. One RX queue per poller; symmetric RSS
 * when a port spreads traffic over several queues. */
#ifndef SS_DPDK_PORT_H
#define SS_DPDK_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_mempool.h>

/* True when the port can hash IP (and SCTP) with a key we set, on at
 * least n_rxq queues: then symmetric RSS replaces the software
 * distributor. */
bool ss_port_rss_capable(uint16_t port, uint16_t n_rxq);
/* The RSS key sigsift gives a port: 0x6d5a repeated, a Toeplitz key with
 * a 16-bit period, so that swapping source and destination (addresses
 * and ports) gives the same hash (tests/unit/dpdk/test_rss_key.c). */
void ss_port_rss_key(uint8_t *key, size_t len);

/* RX queues the port has whatever it is configured with, 0 when its
 * queues receive only once configured (NICs, net_pcap). net_af_packet's
 * queue pairs (qpairs=N) are sockets of one kernel fanout group from the
 * probe on, each taking a share of the interface's frames: a queue left
 * unread loses its share without a count. net_af_xdp's queue_count
 * sockets are bound to as many of the interface's queues. */
uint16_t ss_port_fixed_rx_queues(uint16_t port);

struct ss_port_cfg {
    uint16_t n_rxq;     /* RX queues */
    bool rss;           /* spread over them with symmetric RSS */
    unsigned max_frame; /* --max-frame: above SS_RUN_FRAME_DEFAULT, the MTU is set for it */
    uint16_t rx_desc;   /* --rx-desc: descriptors per RX queue (the port may round it) */
};

/* Configures the port's RX queues as cfg says, queue q's mbufs from
 * pools[q], and starts it. Returns 0 or -1 (reason printed). */
int ss_port_start(uint16_t port, const struct ss_port_cfg *cfg, struct rte_mempool *const *pools);
void ss_port_stop(uint16_t port);

/* A net_pcap vdev reading a file once (rx_pcap without infinite_rx):
 * its input ends, and the run with it. */
bool ss_port_is_one_pass(uint16_t port);
/* Mbufs the port keeps for itself: net_pcap with infinite_rx=1 loads
 * every frame of its capture into one mbuf at queue setup. 0 otherwise,
 * or when the capture cannot be read (queue setup then says why). */
unsigned ss_port_preload_mbufs(uint16_t port);
/* Mbufs the port's PMD takes from the pool and keeps after the port is
 * closed: DPDK 22.11's net_af_xdp fills each queue's XSK fill ring with
 * SS_AF_XDP_FILL of them and does not return them on close (measured:
 * 2048 in use after close, with and without traffic). 0 for other ports. */
#define SS_AF_XDP_FILL 2048
unsigned ss_port_kept_mbufs(uint16_t port, uint16_t n_rxq);
/* Multiplier from the port's mbuf RX timestamp to nanoseconds, 0 when
 * the timestamp has no known unit (the host clock is used instead).
 * net_pcap stores the capture time in microseconds. */
uint32_t ss_port_ts_mult(uint16_t port);

/* Called when the run takes the port, before it starts: a net_af_packet
 * port's interface counter is read, so that the statistics can say how
 * many of the frames that reached the interface were never read (its
 * kernel ring overflowed), which the PMD does not count. */
void ss_port_note(uint16_t port);
/* For a noted net_af_packet port: the frames that reached its interface
 * since it was noted, and of those the ones not read, given the port's
 * ipackets (the few frames the ring held before the run took the port
 * are read but not counted as arrived; unread never goes below 0).
 * False for other ports. Reads sysfs: control path only. */
bool ss_port_iface_rx(uint16_t port, uint64_t ipackets, uint64_t *arrived, uint64_t *unread);
/* The port's counters, "portN.name value" lines, with iface_rx_packets
 * and iface_unread where ss_port_iface_rx knows them. */
void ss_port_print_stats(FILE *f, uint16_t port);
/* The same as one JSON object, {"port":N,"ipackets":..,...}, into buf
 * (SS_PORT_JSON_MAX bytes hold any); returns snprintf's count. */
#define SS_PORT_JSON_MAX 256
int ss_port_stats_json(uint16_t port, char *buf, size_t cap);

#endif
