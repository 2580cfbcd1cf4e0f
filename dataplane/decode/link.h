/* Link layer: Ethernet II with 802.1Q / 802.1ad (QinQ) tags, Linux cooked
 * capture v1 and v2, and raw IP. Yields the network-layer ethertype and
 * payload. */
#ifndef SS_LINK_H
#define SS_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

/* libpcap DLT values we accept; the DPDK layer always passes ETHERNET. */
enum ss_linktype {
    SS_LINK_ETHERNET = 1,
    SS_LINK_RAW = 101,
    SS_LINK_LINUX_SLL = 113,
    SS_LINK_LINUX_SLL2 = 276,
};

#define SS_VLAN_MAX 2

struct ss_link {
    uint16_t ethertype;  /* 0x0800 IPv4, 0x86dd IPv6, other: caller skips */
    uint8_t n_vlan;
    uint16_t vlan[SS_VLAN_MAX]; /* VLAN ids, outermost first */
    const uint8_t *payload;
    size_t len;
};

/* SS_TOO_DEEP when more than SS_VLAN_MAX tags are stacked. */
enum ss_result ss_link_decode(const uint8_t *p, size_t len, enum ss_linktype lt,
                              struct ss_link *out);

#endif
