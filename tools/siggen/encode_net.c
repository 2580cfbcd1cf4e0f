#include "encode_net.h"

#define ETH_IPV4   0x0800
#define ETH_IPV6   0x86dd
#define ETH_8021Q  0x8100
#define ETH_8021AD 0x88a8

static void put_ethernet(struct sg_buf *b, const struct sg_net_path *p, int from)
{
    sg_buf_put(b, p->mac[!from], 6);
    sg_buf_put(b, p->mac[from], 6);
    for (unsigned i = 0; i < p->n_tags; i++) {
        bool outer = p->n_tags == 2 && i == 0;
        sg_buf_u16(b, outer ? ETH_8021AD : ETH_8021Q);
        sg_buf_u16(b, p->vlan[i] & 0x0fff);
    }
    sg_buf_u16(b, p->ipv6 ? ETH_IPV6 : ETH_IPV4);
}

/* RFC 1071 one's-complement sum over the 20-octet header. */
static uint16_t ipv4_checksum(const uint8_t *h)
{
    uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2)
        sum += (uint32_t)(h[i] << 8 | h[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* RFC 791 §3.1, Don't Fragment set: SCTP sizes its own packets. */
static void put_ipv4(struct sg_buf *b, const struct sg_net_path *p, int from, size_t n,
                     uint16_t ip_id)
{
    size_t at = b->len;
    sg_buf_u8(b, 0x45);
    sg_buf_u8(b, 0x00);
    sg_buf_u16(b, (uint16_t)(20 + n));
    sg_buf_u16(b, ip_id);
    sg_buf_u16(b, 0x4000);
    sg_buf_u8(b, 64);
    sg_buf_u8(b, SG_IPPROTO_SCTP);
    sg_buf_u16(b, 0);
    sg_buf_put(b, p->ip[from], 4);
    sg_buf_put(b, p->ip[!from], 4);
    sg_buf_set_u16(b, at + 10, ipv4_checksum(b->p + at));
}

/* RFC 8200 §3. */
static void put_ipv6(struct sg_buf *b, const struct sg_net_path *p, int from, size_t n)
{
    sg_buf_u32(b, 0x60000000);
    sg_buf_u16(b, (uint16_t)n);
    sg_buf_u8(b, SG_IPPROTO_SCTP);
    sg_buf_u8(b, 64);
    sg_buf_put(b, p->ip[from], 16);
    sg_buf_put(b, p->ip[!from], 16);
}

void sg_net_frame(struct sg_buf *out, const struct sg_net_path *path, int from, const uint8_t *l4,
                  size_t n, uint16_t ip_id)
{
    put_ethernet(out, path, from);
    if (path->ipv6)
        put_ipv6(out, path, from, n);
    else
        put_ipv4(out, path, from, n, ip_id);
    sg_buf_put(out, l4, n);
}
