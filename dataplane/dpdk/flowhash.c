/* Ethernet II / 802.1Q / 802.1ad (IEEE 802.1Q §9), IPv4 (RFC 791), IPv6
 * (RFC 8200, fixed header and the Fragment header only), SCTP common
 * header (RFC 4960 §3.1: source port, destination port first). */
#include "dataplane/dpdk/flowhash.h"

#include "dataplane/core/hash.h"

#include <stdbool.h>
#include <string.h>

#define ETH_HLEN          14
#define ETHERTYPE_IPV4    0x0800
#define ETHERTYPE_IPV6    0x86dd
#define ETHERTYPE_VLAN    0x8100
#define ETHERTYPE_QINQ    0x88a8
#define VLAN_TAGS_MAX     2
#define IPPROTO_SCTP_NUM  132
#define IPV6_FRAGMENT_HDR 44
#define IPV6_HLEN         40

struct flow {
    const uint8_t *a, *b; /* source and destination address */
    size_t alen;
    const uint8_t *l4; /* SCTP header; NULL when fragmented */
    size_t l4len;
    uint8_t proto;
};

static uint16_t be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static enum ss_result parse_ipv4(const uint8_t *p, size_t len, struct flow *f)
{
    if (len < 20)
        return SS_TRUNCATED;
    size_t ihl = (size_t)(p[0] & 0x0f) * 4;
    if ((p[0] >> 4) != 4)
        return SS_BAD_TAG;
    if (ihl < 20 || ihl > len)
        return SS_BAD_LENGTH;
    size_t total = be16(p + 2);
    if (total < ihl || total > len)
        return SS_BAD_LENGTH;
    bool fragment = (be16(p + 6) & 0x3fff) != 0; /* MF or offset */
    f->proto = p[9];
    f->a = p + 12;
    f->b = p + 16;
    f->alen = 4;
    f->l4 = fragment ? NULL : p + ihl;
    f->l4len = total - ihl;
    return SS_OK;
}

static enum ss_result parse_ipv6(const uint8_t *p, size_t len, struct flow *f)
{
    if (len < IPV6_HLEN)
        return SS_TRUNCATED;
    if ((p[0] >> 4) != 6)
        return SS_BAD_TAG;
    size_t payload = be16(p + 4);
    if (payload > len - IPV6_HLEN)
        return SS_BAD_LENGTH;
    f->a = p + 8;
    f->b = p + 24;
    f->alen = 16;
    f->proto = p[6];
    f->l4 = p + IPV6_HLEN;
    f->l4len = payload;
    if (f->proto == IPV6_FRAGMENT_HDR) {
        /* RFC 8200 §4.5: next header is the fragment header's first byte. */
        if (payload < 8)
            return SS_TRUNCATED;
        f->proto = f->l4[0];
        f->l4 = NULL;
    }
    return SS_OK;
}

static enum ss_result parse_l2(const uint8_t **p, size_t *len, uint16_t *ethertype)
{
    if (*len < ETH_HLEN)
        return SS_TRUNCATED;
    size_t off = 12;
    *ethertype = be16(*p + off);
    for (unsigned tags = 0; *ethertype == ETHERTYPE_VLAN || *ethertype == ETHERTYPE_QINQ; tags++) {
        if (tags == VLAN_TAGS_MAX)
            return SS_TOO_DEEP;
        off += 4;
        if (*len < off + 2)
            return SS_TRUNCATED;
        *ethertype = be16(*p + off);
    }
    off += 2;
    *p += off;
    *len -= off;
    return SS_OK;
}

/* Orders the two endpoints so that swapping direction changes nothing. */
static uint64_t hash_pair(const uint8_t *x, const uint8_t *y, size_t n, uint64_t h)
{
    if (memcmp(x, y, n) > 0) {
        const uint8_t *t = x;
        x = y;
        y = t;
    }
    return ss_hash_bytes(ss_hash_bytes(h, x, n), y, n);
}

enum ss_result ss_flowhash(const uint8_t *p, size_t len, uint32_t *hash)
{
    uint16_t ethertype;
    struct flow f;
    enum ss_result r = parse_l2(&p, &len, &ethertype);

    if (r != SS_OK)
        return r;
    if (ethertype == ETHERTYPE_IPV4)
        r = parse_ipv4(p, len, &f);
    else if (ethertype == ETHERTYPE_IPV6)
        r = parse_ipv6(p, len, &f);
    else
        return SS_NOT_INTERESTING;
    if (r != SS_OK)
        return r;
    if (f.proto != IPPROTO_SCTP_NUM)
        return SS_NOT_INTERESTING;
    uint64_t h = hash_pair(f.a, f.b, f.alen, SS_HASH_SEED);
    if (f.l4 != NULL) {
        if (f.l4len < 4)
            return SS_TRUNCATED;
        h = hash_pair(f.l4, f.l4 + 2, 2, h);
    }
    *hash = (uint32_t)(h ^ h >> 32);
    return SS_OK;
}
