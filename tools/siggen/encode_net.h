/* Ethernet II with optional 802.1Q / 802.1ad (QinQ) tags, IPv4 or IPv6. */
#ifndef SG_ENCODE_NET_H
#define SG_ENCODE_NET_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

#define SG_IPPROTO_SCTP 132

struct sg_net_path {
    uint8_t mac[2][6];
    unsigned n_tags;  /* 0, 1 (802.1Q) or 2 (802.1ad outer + 802.1Q inner) */
    uint16_t vlan[2]; /* outer first */
    bool ipv6;
    uint8_t ip[2][16]; /* IPv4 addresses use the first four octets */
};

/* Appends a frame sent from side `from` (0 or 1) carrying an SCTP packet. */
void sg_net_frame(struct sg_buf *out, const struct sg_net_path *path, int from, const uint8_t *l4,
                  size_t n, uint16_t ip_id);

#endif
