/* Link layer: strips Ethernet II, Linux cooked (SLL v1/v2) or raw-IP
 * framing and any stacked VLAN tags, leaving the network-layer ethertype
 * and payload. */
#include "dataplane/decode/link.h"

#include <stdbool.h>

#include "dataplane/decode/rd.h"

enum {
    ETH_HDR_LEN = 14,  /* destination and source MAC, then the type */
    SLL_HDR_LEN = 16,  /* SLL v1: type, ARPHRD, addr len, 8-byte addr, protocol */
    VLAN_TAG_LEN = 4,  /* TCI, then the next type */
    SLL2_HDR_LEN = 20, /* SLL v2: protocol comes first */
    ETHERTYPE_IPV4 = 0x0800,
    ETHERTYPE_IPV6 = 0x86dd,
};

/* 802.1Q (0x8100), 802.1ad S-tag (0x88a8) and the pre-standard QinQ
 * TPID 0x9100 that some switches still emit. IPv4 (0x0800), the type of
 * nearly every frame, is below them all and fails the first test. */
static bool is_vlan_tpid(uint16_t t)
{
    return t >= 0x8100 && (t == 0x8100 || t == 0x88a8 || t == 0x9100);
}

/* IEEE 802.1Q §9.6: each tag is TCI(2) followed by the next type; the
 * VLAN id is the low 12 bits of the TCI. A Linux cooked capture keeps
 * the tag in the payload when the driver did not strip it, so both
 * framings share this walk. */
static enum ss_result vlan_walk(struct ss_rd *r, uint16_t type, struct ss_link *out)
{
    while (is_vlan_tpid(type)) {
        const uint8_t *tag;
        if (out->n_vlan == SS_VLAN_MAX)
            return SS_TOO_DEEP;
        if (!ss_rd_bytes(r, VLAN_TAG_LEN, &tag))
            return SS_TRUNCATED;
        out->vlan[out->n_vlan++] = ss_be16(tag) & 0x0fff;
        type = ss_be16(tag + 2);
    }
    out->ethertype = type;
    return SS_OK;
}

static enum ss_result ether_decode(struct ss_rd *r, struct ss_link *out)
{
    const uint8_t *h;
    if (!ss_rd_bytes(r, ETH_HDR_LEN, &h))
        return SS_TRUNCATED;
    return vlan_walk(r, ss_be16(h + ETH_HDR_LEN - 2), out);
}

/* tcpdump.org LINKTYPE_LINUX_SLL: protocol type at offset 14. */
static enum ss_result sll_decode(struct ss_rd *r, struct ss_link *out)
{
    const uint8_t *h;
    if (!ss_rd_bytes(r, SLL_HDR_LEN, &h))
        return SS_TRUNCATED;
    return vlan_walk(r, ss_be16(h + SLL_HDR_LEN - 2), out);
}

/* tcpdump.org LINKTYPE_LINUX_SLL2: protocol type at offset 0 of 20. */
static enum ss_result sll2_decode(struct ss_rd *r, struct ss_link *out)
{
    const uint8_t *h;
    if (!ss_rd_bytes(r, SLL2_HDR_LEN, &h))
        return SS_TRUNCATED;
    return vlan_walk(r, ss_be16(h), out);
}

/* LINKTYPE_RAW: no header; the IP version nibble names the protocol. */
static enum ss_result raw_decode(const struct ss_rd *r, struct ss_link *out)
{
    if (ss_rd_left(r) < 1)
        return SS_TRUNCATED;
    switch (ss_rd_cur(r)[0] >> 4) {
    case 4:
        out->ethertype = ETHERTYPE_IPV4;
        return SS_OK;
    case 6:
        out->ethertype = ETHERTYPE_IPV6;
        return SS_OK;
    default:
        return SS_BAD_VALUE;
    }
}

enum ss_result ss_link_decode(const uint8_t *p, size_t len, enum ss_linktype lt,
                              struct ss_link *out)
{
    struct ss_rd r;
    enum ss_result res;

    ss_rd_init(&r, p, len);
    *out = (struct ss_link){0};
    switch (lt) {
    case SS_LINK_ETHERNET:
        res = ether_decode(&r, out);
        break;
    case SS_LINK_LINUX_SLL:
        res = sll_decode(&r, out);
        break;
    case SS_LINK_LINUX_SLL2:
        res = sll2_decode(&r, out);
        break;
    case SS_LINK_RAW:
        res = raw_decode(&r, out);
        break;
    default:
        return SS_UNSUPPORTED;
    }
    if (res != SS_OK)
        return res;
    out->payload = ss_rd_cur(&r);
    out->len = ss_rd_left(&r);
    return SS_OK;
}
