#include "link.h"

#include <string.h>
#include "encode_m2pa.h"
#include "encode_m3ua.h"

#define PORT_M3UA   2905 /* RFC 4666 §1.5 */
#define PORT_M2PA   3565 /* RFC 4165 §1.5 */
#define SI_SCCP     3
#define NI_NATIONAL 2

static void init_addresses(struct sg_link *l, struct sg_prng *r, unsigned index)
{
    struct sg_net_path *p = &l->path;
    for (int s = 0; s < 2; s++) {
        uint8_t mac[6] = {0x02,           0x00,       0x5e,
                          (uint8_t)index, (uint8_t)s, (uint8_t)sg_prng_below(r, 256)};
        memcpy(p->mac[s], mac, 6);
        if (p->ipv6) {
            uint8_t ip6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, (uint8_t)index, 0, (uint8_t)s};
            ip6[15] = (uint8_t)(1 + sg_prng_below(r, 250));
            memcpy(p->ip[s], ip6, 16);
        } else {
            uint8_t ip4[4] = {10, (uint8_t)(s ? 20 : 10), (uint8_t)index,
                              (uint8_t)(1 + sg_prng_below(r, 250))};
            memcpy(p->ip[s], ip4, 4);
        }
    }
}

static void init_l2(struct sg_link *l, struct sg_prng *r, const struct sg_variant *v)
{
    struct sg_net_path *p = &l->path;
    p->ipv6 = sg_prng_pct(r, v->pct_ipv6);
    if (sg_prng_pct(r, v->pct_qinq))
        p->n_tags = 2;
    else
        p->n_tags = sg_prng_pct(r, v->pct_vlan) ? 1 : 0;
    p->vlan[0] = (uint16_t)sg_prng_range(r, 2, 4000);
    p->vlan[1] = (uint16_t)sg_prng_range(r, 2, 4000);
}

static void init_side(struct sg_link_side *s, struct sg_prng *r, uint16_t port, bool smsc)
{
    s->pc = sg_prng_range(r, 100, 16000);
    s->port = port;
    s->vtag = (uint32_t)sg_prng_next(r) | 1;
    s->next_tsn = (uint32_t)sg_prng_next(r);
    /* GTs: 86 138 00xxx 500 for service centres, 86 139 xxxx xxxx for MSCs. */
    if (smsc) {
        memcpy(s->gt, "8613800", 7);
        sg_prng_digits(r, s->gt + 7, 3);
        memcpy(s->gt + 10, "500", 4);
    } else {
        memcpy(s->gt, "86139", 5);
        sg_prng_digits(r, s->gt + 5, 8);
    }
}

void sg_link_init(struct sg_link *l, struct sg_prng *r, unsigned index, const struct sg_variant *v)
{
    memset(l, 0, sizeof *l);
    l->adaptation = sg_prng_pct(r, v->pct_m2pa) ? SG_ADAPT_M2PA : SG_ADAPT_M3UA;
    init_l2(l, r, v);
    init_addresses(l, r, index);
    uint16_t well_known = l->adaptation == SG_ADAPT_M2PA ? PORT_M2PA : PORT_M3UA;
    init_side(&l->side[SG_SIDE_NETWORK], r, well_known, false);
    init_side(&l->side[SG_SIDE_SMSC], r, (uint16_t)sg_prng_range(r, 10000, 60000), true);
    if (l->adaptation == SG_ADAPT_M2PA)
        l->side[SG_SIDE_SMSC].port = PORT_M2PA;
    l->ni = NI_NATIONAL;
    l->routing_context = sg_prng_range(r, 1, 1000);
    l->network_appearance = sg_prng_range(r, 1, 16);
    memcpy(l->hlr_gt, "86139", 5);
    sg_prng_digits(r, l->hlr_gt + 5, 8);
}

/* RFC 4666 §3.3.1: NA and RC optional, Correlation Id optional; any order. */
static void choose_m3ua_params(struct sg_m3ua_data *d, struct sg_prng *r)
{
    size_t n = 0;
    d->order[n++] = SG_M3UA_PD;
    if (sg_prng_pct(r, 70))
        d->order[n++] = SG_M3UA_RC;
    if (sg_prng_pct(r, 40))
        d->order[n++] = SG_M3UA_NA;
    if (sg_prng_pct(r, 15))
        d->order[n++] = SG_M3UA_CORR;
    unsigned idx[4] = {0, 1, 2, 3};
    sg_prng_shuffle(r, idx, n);
    enum sg_m3ua_param tmp[4];
    for (size_t i = 0; i < n; i++)
        tmp[i] = d->order[idx[i]];
    memcpy(d->order, tmp, sizeof tmp);
    d->n_params = n;
    d->correlation_id = (uint32_t)sg_prng_next(r);
}

struct sg_ulp sg_link_wrap_sccp(struct sg_link *l, struct sg_prng *r, int from, uint8_t sls,
                                const uint8_t *sccp, size_t n, struct sg_buf *out)
{
    struct sg_link_side *me = &l->side[from], *peer = &l->side[!from];
    if (l->adaptation == SG_ADAPT_M2PA) {
        struct sg_mtp3_label label = {
            .ni = l->ni, .si = SI_SCCP, .opc = me->pc, .dpc = peer->pc, .sls = sls};
        me->fsn = (me->fsn + 1) & 0xffffff;
        sg_m2pa_user_data(out, peer->fsn, me->fsn, &label, sccp, n);
        return (struct sg_ulp){.ppid = SG_PPID_M2PA, .stream = 1};
    }
    struct sg_m3ua_data d = {.network_appearance = l->network_appearance,
                             .routing_context = l->routing_context,
                             .opc = me->pc,
                             .dpc = peer->pc,
                             .si = SI_SCCP,
                             .ni = l->ni,
                             .sls = sls};
    choose_m3ua_params(&d, r);
    sg_m3ua_data(out, &d, sccp, n);
    return (struct sg_ulp){.ppid = SG_PPID_M3UA,
                           .stream = (uint16_t)(1 + sls % (SG_LINK_STREAMS - 1))};
}
