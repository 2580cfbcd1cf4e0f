/* Port configuration. The RSS key 0x6d5a repeated makes Toeplitz hashing
 * symmetric (Woo & Park, "Scalable TCP Session Monitoring with Symmetric
 * Receive-side Scaling", 2012): swapping source and destination address
 * and port gives the same hash, so both directions of an association
 * land on one queue. */
#include "dataplane/dpdk/port.h"

#include <inttypes.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_ethdev.h>
#include <rte_kvargs.h>

#include <pcap/pcap.h>

#include "dataplane/dpdk/opts.h"

#define RSS_KEY_MAX 64
#define RSS_HF      (RTE_ETH_RSS_IP | RTE_ETH_RSS_SCTP)
#define NS_PER_US   1000u
/* TX descriptors of the queues a PMD insists on (net_af_xdp); unused. */
#define TX_DESC 64

/* What sigsift must know of a PMD that ethdev does not tell; a driver not
 * listed (a NIC's) has none of these traits. */
struct pmd_traits {
    const char *driver;
    /* Its queues take the interface's frames from setup on, configured or
     * not: every one is polled (net_af_packet's queue pairs, net_af_xdp's
     * queue_count). */
    bool fixed_queues;
    /* Given no MTU for --max-frame: net_pcap has none, and net_af_packet
     * takes what its kernel ring holds (framesz) but declares 1518 bytes,
     * which ethdev would enforce. */
    bool no_mtu;
    /* Refuses a port without TX queues: it gets one per RX queue, never
     * used (a tap never transmits). */
    bool needs_txq;
    /* Reports a framesz larger than an mbuf as ENOMEM at queue setup. */
    bool framesz_in_mbuf;
    /* Mbufs it keeps after close, per queue (SS_AF_XDP_FILL). */
    unsigned kept_per_queue;
    /* ns per unit of the RX timestamp it stamps; 0 when it has none. */
    uint32_t ts_mult;
};

static const struct pmd_traits pmds[] = {
    {.driver = "net_pcap", .no_mtu = true, .ts_mult = NS_PER_US},
    {.driver = "net_af_packet", .fixed_queues = true, .no_mtu = true, .framesz_in_mbuf = true},
    {.driver = "net_af_xdp",
     .fixed_queues = true,
     .needs_txq = true,
     .kept_per_queue = SS_AF_XDP_FILL},
};

static const struct pmd_traits *traits_of(const char *driver)
{
    static const struct pmd_traits other = {.driver = ""};
    for (size_t i = 0; i < sizeof pmds / sizeof pmds[0]; i++)
        if (strcmp(pmds[i].driver, driver) == 0)
            return &pmds[i];
    return &other;
}

static int port_info(uint16_t port, struct rte_eth_dev_info *info)
{
    int rc = rte_eth_dev_info_get(port, info);
    if (rc != 0)
        fprintf(stderr, "sigsift run: port %u: device info: %s\n", port, strerror(-rc));
    return rc;
}

/* The port's traits; those of no listed driver when its device info
 * cannot be read (the reason printed). */
static const struct pmd_traits *port_traits(uint16_t port)
{
    struct rte_eth_dev_info info;
    return traits_of(port_info(port, &info) == 0 ? info.driver_name : "");
}

bool ss_port_rss_capable(uint16_t port, uint16_t n_rxq)
{
    struct rte_eth_dev_info info;
    if (port_info(port, &info) != 0)
        return false;
    return info.max_rx_queues >= n_rxq && (info.flow_type_rss_offloads & RTE_ETH_RSS_IP) != 0 &&
           info.hash_key_size > 0 && info.hash_key_size <= RSS_KEY_MAX;
}

uint16_t ss_port_fixed_rx_queues(uint16_t port)
{
    struct rte_eth_dev_info info;
    if (port_info(port, &info) != 0 || !traits_of(info.driver_name)->fixed_queues)
        return 0;
    return info.max_rx_queues;
}

void ss_port_rss_key(uint8_t *key, size_t len)
{
    for (size_t i = 0; i < len; i++)
        key[i] = i % 2 == 0 ? 0x6d : 0x5a;
}

static void rss_conf(const struct rte_eth_dev_info *info, uint8_t *key, struct rte_eth_conf *conf)
{
    ss_port_rss_key(key, info->hash_key_size);
    conf->rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
    conf->rx_adv_conf.rss_conf.rss_key = key;
    conf->rx_adv_conf.rss_conf.rss_key_len = info->hash_key_size;
    conf->rx_adv_conf.rss_conf.rss_hf = RSS_HF & info->flow_type_rss_offloads;
}

/* A queue setup failure on a PMD with framesz_in_mbuf is most often a
 * framesz larger than an mbuf: the message says so. */
static int setup_queues(uint16_t port, const char *driver, const struct ss_port_cfg *cfg,
                        uint16_t n_txq, struct rte_mempool *const *pools)
{
    uint16_t nb_rxd = cfg->rx_desc, nb_txd = TX_DESC;
    int rc = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
    if (rc == 0 && nb_rxd != cfg->rx_desc)
        fprintf(stderr, "sigsift run: port %u (%s): --rx-desc %u taken as %u (the port's limits)\n",
                port, driver, cfg->rx_desc, nb_rxd);
    for (uint16_t q = 0; rc == 0 && q < cfg->n_rxq; q++)
        rc = rte_eth_rx_queue_setup(port, q, nb_rxd, rte_eth_dev_socket_id(port), NULL, pools[q]);
    for (uint16_t q = 0; rc == 0 && q < n_txq; q++)
        rc = rte_eth_tx_queue_setup(port, q, nb_txd, rte_eth_dev_socket_id(port), NULL);
    if (rc != 0 && traits_of(driver)->framesz_in_mbuf)
        fprintf(stderr,
                "sigsift run: port %u (%s): queue setup: %s (is its framesz larger than "
                "--max-frame %u?)\n",
                port, driver, strerror(-rc), cfg->max_frame);
    else if (rc != 0)
        fprintf(stderr, "sigsift run: port %u (%s): queue setup: %s\n", port, driver,
                strerror(-rc));
    return rc;
}

/* The MTU that lets frames of max_frame bytes in, by the port's own
 * overhead (what its largest frame adds to its largest MTU) as ethdev
 * reckons it, else Ethernet header and CRC. 0 when the port cannot take
 * that MTU or frames that long (reason printed). */
static uint16_t mtu_for(uint16_t port, const struct rte_eth_dev_info *info, unsigned max_frame)
{
    unsigned overhead = RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN;
    if (info->max_mtu != UINT16_MAX && info->max_rx_pktlen > info->max_mtu)
        overhead = info->max_rx_pktlen - info->max_mtu;
    unsigned mtu = max_frame > overhead ? max_frame - overhead : 0;
    if (mtu < info->min_mtu || mtu > info->max_mtu || max_frame > info->max_rx_pktlen) {
        fprintf(stderr,
                "sigsift run: port %u (%s): --max-frame %u needs an MTU of %u; the port takes "
                "MTUs %u..%u and frames up to %u bytes\n",
                port, info->driver_name, max_frame, mtu, info->min_mtu, info->max_mtu,
                info->max_rx_pktlen);
        return 0;
    }
    return (uint16_t)mtu;
}

int ss_port_start(uint16_t port, const struct ss_port_cfg *cfg, struct rte_mempool *const *pools)
{
    struct rte_eth_dev_info info;
    struct rte_eth_conf conf;
    uint8_t key[RSS_KEY_MAX];

    if (port_info(port, &info) != 0)
        return -1;
    const struct pmd_traits *pmd = traits_of(info.driver_name);
    memset(&conf, 0, sizeof conf);
    if (cfg->rss)
        rss_conf(&info, key, &conf);
    /* Above the default a NIC must let longer frames in; at it, the port
     * keeps its own default MTU, as before the option existed. */
    if (cfg->max_frame > SS_RUN_FRAME_DEFAULT && !pmd->no_mtu &&
        (conf.rxmode.mtu = mtu_for(port, &info, cfg->max_frame)) == 0)
        return -1;
    /* Receive only, but for the queues a PMD insists on. */
    uint16_t n_txq = pmd->needs_txq ? cfg->n_rxq : 0;
    int rc = rte_eth_dev_configure(port, cfg->n_rxq, n_txq, &conf);
    if (rc != 0) {
        fprintf(stderr, "sigsift run: port %u (%s): configure %u RX queues: %s\n", port,
                info.driver_name, cfg->n_rxq, strerror(-rc));
        return -1;
    }
    if (setup_queues(port, info.driver_name, cfg, n_txq, pools) != 0)
        return -1;
    rc = rte_eth_dev_start(port);
    if (rc != 0) {
        fprintf(stderr, "sigsift run: port %u: start: %s\n", port, strerror(-rc));
        return -1;
    }
    /* A tap port sees other hosts' traffic; PMDs without the notion
     * (net_pcap) refuse, which is harmless. */
    rte_eth_promiscuous_enable(port);
    uint16_t mtu;
    if (conf.rxmode.mtu != 0 && rte_eth_dev_get_mtu(port, &mtu) == 0)
        fprintf(stderr, "sigsift run: port %u (%s): MTU %u for --max-frame %u\n", port,
                info.driver_name, mtu, cfg->max_frame);
    return 0;
}

void ss_port_stop(uint16_t port)
{
    rte_eth_dev_stop(port);
    rte_eth_dev_close(port);
}

/* Whether the port is the driver's; *args: its devargs (NULL if none). */
static bool is_driver(uint16_t port, const char *driver, const char **args)
{
    struct rte_eth_dev_info info;
    if (port_info(port, &info) != 0 || strcmp(info.driver_name, driver) != 0)
        return false;
    const struct rte_devargs *da = rte_dev_devargs(info.device);
    *args = da != NULL ? da->args : NULL;
    return true;
}

static bool is_net_pcap(uint16_t port, const char **args)
{
    return is_driver(port, "net_pcap", args);
}

bool ss_port_is_one_pass(uint16_t port)
{
    const char *args;
    if (!is_net_pcap(port, &args) || args == NULL)
        return false;
    return strstr(args, "rx_pcap=") != NULL && strstr(args, "infinite_rx=1") == NULL;
}

static int count_capture(const char *key, const char *path, void *arg)
{
    char err[PCAP_ERRBUF_SIZE];
    struct pcap_pkthdr *h;
    const u_char *data;
    unsigned *n = arg;
    (void)key;
    pcap_t *p = pcap_open_offline(path, err);
    if (p == NULL)
        return 0;
    while (pcap_next_ex(p, &h, &data) == 1)
        (*n)++;
    pcap_close(p);
    return 0;
}

unsigned ss_port_preload_mbufs(uint16_t port)
{
    const char *args;
    unsigned n = 0;
    if (!is_net_pcap(port, &args) || args == NULL || strstr(args, "infinite_rx=1") == NULL)
        return 0;
    struct rte_kvargs *kv = rte_kvargs_parse(args, NULL);
    if (kv == NULL)
        return 0;
    rte_kvargs_process(kv, "rx_pcap", count_capture, &n);
    rte_kvargs_free(kv);
    return n;
}

unsigned ss_port_kept_mbufs(uint16_t port, uint16_t n_rxq)
{
    return port_traits(port)->kept_per_queue * (unsigned)n_rxq;
}

uint32_t ss_port_ts_mult(uint16_t port)
{
    return port_traits(port)->ts_mult;
}

/* net_af_packet reads a kernel ring that drops frames the PMD has not
 * read in time, and the 22.11 PMD counts none of them (imissed stays 0:
 * on a veth pair with framecnt=16, 53 of 7 563 frames went unseen). The
 * interface's own counter (sysfs rx_packets) says what arrived; the
 * difference is what was not read. Control path only: read when the run
 * takes the port and when it prints statistics. */
static struct {
    bool known;
    char path[96];
    uint64_t base;
} iface_rx[RTE_MAX_ETHPORTS];

static bool read_counter(const char *path, uint64_t *v)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    bool ok = fscanf(f, "%" SCNu64, v) == 1;
    fclose(f);
    return ok;
}

static int iface_path(const char *key, const char *value, void *arg)
{
    (void)key;
    char *path = arg;
    int n =
        snprintf(path, sizeof iface_rx[0].path, "/sys/class/net/%s/statistics/rx_packets", value);
    return n > 0 && (size_t)n < sizeof iface_rx[0].path ? 0 : -1;
}

void ss_port_note(uint16_t port)
{
    const char *args;
    if (port >= RTE_MAX_ETHPORTS || !is_driver(port, "net_af_packet", &args) || args == NULL)
        return;
    struct rte_kvargs *kv = rte_kvargs_parse(args, NULL);
    if (kv == NULL)
        return;
    iface_rx[port].known = rte_kvargs_count(kv, "iface") == 1 &&
                           rte_kvargs_process(kv, "iface", iface_path, iface_rx[port].path) == 0 &&
                           read_counter(iface_rx[port].path, &iface_rx[port].base);
    rte_kvargs_free(kv);
}

bool ss_port_iface_rx(uint16_t port, uint64_t ipackets, uint64_t *arrived, uint64_t *unread)
{
    uint64_t now;
    if (port >= RTE_MAX_ETHPORTS || !iface_rx[port].known ||
        !read_counter(iface_rx[port].path, &now))
        return false;
    *arrived = now - iface_rx[port].base;
    *unread = *arrived > ipackets ? *arrived - ipackets : 0;
    return true;
}

int ss_port_stats_json(uint16_t port, char *buf, size_t cap)
{
    struct rte_eth_stats st = {0};
    uint64_t arrived, unread;
    rte_eth_stats_get(port, &st);
    int n = snprintf(buf, cap,
                     "{\"port\":%u,\"ipackets\":%" PRIu64 ",\"imissed\":%" PRIu64
                     ",\"ierrors\":%" PRIu64 ",\"rx_nombuf\":%" PRIu64,
                     port, st.ipackets, st.imissed, st.ierrors, st.rx_nombuf);
    if (n >= 0 && (size_t)n < cap && ss_port_iface_rx(port, st.ipackets, &arrived, &unread))
        n += snprintf(buf + n, cap - (size_t)n,
                      ",\"iface_rx_packets\":%" PRIu64 ",\"iface_unread\":%" PRIu64, arrived,
                      unread);
    if (n >= 0 && (size_t)n < cap)
        n += snprintf(buf + n, cap - (size_t)n, "}");
    return n;
}

void ss_port_print_stats(FILE *f, uint16_t port)
{
    struct rte_eth_stats st;
    uint64_t arrived, unread;
    if (rte_eth_stats_get(port, &st) != 0)
        return;
    fprintf(f,
            "port%u.ipackets %" PRIu64 "\nport%u.ibytes %" PRIu64 "\nport%u.imissed %" PRIu64
            "\nport%u.ierrors %" PRIu64 "\nport%u.rx_nombuf %" PRIu64 "\n",
            port, st.ipackets, port, st.ibytes, port, st.imissed, port, st.ierrors, port,
            st.rx_nombuf);
    if (ss_port_iface_rx(port, st.ipackets, &arrived, &unread))
        fprintf(f, "port%u.iface_rx_packets %" PRIu64 "\nport%u.iface_unread %" PRIu64 "\n", port,
                arrived, port, unread);
}
