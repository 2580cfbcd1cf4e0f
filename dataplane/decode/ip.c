/* IPv4 and IPv6 network layer: validates the header, trims the payload to
 * the length the header declares and reports fragments without parsing
 * them. */
#include "dataplane/decode/ip.h"

#include "dataplane/decode/rd.h"

enum {
    ETHERTYPE_IPV4 = 0x0800,
    ETHERTYPE_IPV6 = 0x86dd,
    IPV4_MIN_HDR = 20,
    IPV4_MF = 0x2000,
    IPV4_OFFSET_MASK = 0x1fff,
    IPV6_HDR = 40,
    /* Extension headers walked before giving up; RFC 8200 §4.1 expects
     * each at most once (destination options twice). */
    IPV6_EXT_MAX = 8,
};

enum {
    NH_HOPOPTS = 0,
    NH_ROUTING = 43,
    NH_FRAGMENT = 44,
    NH_ESP = 50,
    NH_AH = 51,
    NH_DSTOPTS = 60,
};

/* RFC 791 §3.1. Options are skipped by IHL; the total length trims the
 * Ethernet padding that short frames carry. */
static enum ss_result ipv4_decode(const uint8_t *p, size_t len, struct ss_ip *out)
{
    struct ss_rd r;
    const uint8_t *h;

    ss_rd_init(&r, p, len);
    if (!ss_rd_bytes(&r, IPV4_MIN_HDR, &h))
        return SS_TRUNCATED;
    uint16_t total_len = ss_be16(h + 2);
    uint16_t frag = ss_be16(h + 6);
    uint8_t proto = h[9];
    size_t hdr_len = (size_t)(h[0] & 0x0f) * 4;
    if (hdr_len < IPV4_MIN_HDR)
        return SS_BAD_LENGTH;
    if (total_len < hdr_len)
        return SS_BAD_LENGTH;
    if (total_len > len)
        return SS_TRUNCATED;
    out->version = 4;
    out->proto = proto;
    out->addr_len = 4;
    out->src = h + 12;
    out->dst = h + 16;
    out->payload = p + hdr_len;
    out->len = total_len - hdr_len;
    if (frag & (IPV4_MF | IPV4_OFFSET_MASK))
        return SS_FRAGMENT;
    return SS_OK;
}

/* RFC 8200 §4.3, §4.4, §4.6: Hdr Ext Len in 8-octet units, not
 * counting the first 8. RFC 4302 §2.2: the AH Payload Len is in 4-octet
 * units minus 2. The 2-byte header must fit before the length is read. */
static enum ss_result ipv6_ext_skip(struct ss_rd *r, uint8_t *next)
{
    uint8_t nh, ext_len;
    size_t size;

    if (ss_rd_left(r) < 2)
        return SS_TRUNCATED;
    nh = ss_rd_cur(r)[0];
    ext_len = ss_rd_cur(r)[1];
    size = *next == NH_AH ? ((size_t)ext_len + 2) * 4 : ((size_t)ext_len + 1) * 8;
    if (!ss_rd_skip(r, size))
        return SS_TRUNCATED;
    *next = nh;
    return SS_OK;
}

/* Walks extension headers until an upper-layer protocol. */
static enum ss_result ipv6_ext_walk(struct ss_rd *r, uint8_t *next)
{
    for (unsigned i = 0; i < IPV6_EXT_MAX; i++) {
        enum ss_result res;
        switch (*next) {
        case NH_HOPOPTS:
        case NH_ROUTING:
        case NH_DSTOPTS:
        case NH_AH:
            res = ipv6_ext_skip(r, next);
            if (res != SS_OK)
                return res;
            break;
        case NH_FRAGMENT:
            return SS_FRAGMENT;
        case NH_ESP:
            return SS_UNSUPPORTED;
        default:
            return SS_OK;
        }
    }
    return SS_TOO_DEEP;
}

/* RFC 8200 §3: the payload length counts everything after the fixed
 * 40-byte header, extension headers included. */
static enum ss_result ipv6_decode(const uint8_t *p, size_t len, struct ss_ip *out)
{
    struct ss_rd r;
    const uint8_t *h;

    ss_rd_init(&r, p, len);
    if (!ss_rd_bytes(&r, IPV6_HDR, &h))
        return SS_TRUNCATED;
    uint16_t payload_len = ss_be16(h + 4);
    uint8_t next = h[6];
    if (payload_len > ss_rd_left(&r))
        return SS_TRUNCATED;
    out->version = 6;
    out->addr_len = 16;
    out->src = h + 8;
    out->dst = h + 24;
    ss_rd_init(&r, p + IPV6_HDR, payload_len);
    enum ss_result res = ipv6_ext_walk(&r, &next);
    if (res != SS_OK)
        return res;
    out->proto = next;
    out->payload = ss_rd_cur(&r);
    out->len = ss_rd_left(&r);
    return SS_OK;
}

enum ss_result ss_ip_decode(const uint8_t *p, size_t len, uint16_t ethertype, struct ss_ip *out)
{
    *out = (struct ss_ip){0};
    if (len < 1)
        return SS_TRUNCATED;
    uint8_t version = p[0] >> 4;
    if ((ethertype == ETHERTYPE_IPV4 || ethertype == 0) && version == 4)
        return ipv4_decode(p, len, out);
    if ((ethertype == ETHERTYPE_IPV6 || ethertype == 0) && version == 6)
        return ipv6_decode(p, len, out);
    if (ethertype != 0 && ethertype != ETHERTYPE_IPV4 && ethertype != ETHERTYPE_IPV6)
        return SS_UNSUPPORTED;
    return SS_BAD_TAG;
}
