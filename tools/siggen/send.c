#include "send.h"

#define CLASS_0_RETURN 0x80 /* Q.713 §3.6: class 0, return message on error */
#define CLASS_1_RETURN 0x81 /* in-sequence class for segmented messages */
#define MTP3_SIF_MAX   272  /* Q.704: largest SIF; longer UDT/XUDT must be segmented */

struct sg_send_opts sg_send_choose(struct sg_ctx *c, bool carries_invoke)
{
    const struct sg_variant *v = c->v;
    struct sg_send_opts o = {.kind = SG_SCCP_UDT, .fragments = 1};
    uint32_t k = sg_prng_below(&c->rng, 100);
    if ((int)k < v->pct_xudt)
        o.kind = SG_SCCP_XUDT;
    else if ((int)k < v->pct_xudt + v->pct_ludt)
        o.kind = SG_SCCP_LUDT;
    if (!carries_invoke)
        return o;
    o.segment = o.kind == SG_SCCP_XUDT && sg_prng_pct(&c->rng, v->pct_xudt_seg);
    if (sg_prng_pct(&c->rng, v->pct_frag)) {
        o.fragments = sg_prng_range(&c->rng, 2, SG_TX_MAX_FRAGMENTS);
        o.shuffled = sg_prng_pct(&c->rng, v->pct_frag_ooo);
    }
    return o;
}

static void send_sccp(struct sg_ctx *c, struct sg_link *l, int from, uint8_t sls,
                      const struct sg_send_opts *o)
{
    struct sg_buf *ulp = &c->s.ulp;
    sg_buf_reset(ulp);
    struct sg_ulp u = sg_link_wrap_sccp(l, &c->rng, from, sls, c->s.sccp.p, c->s.sccp.len, ulp);
    if (o->fragments > 1)
        sg_tx_data_fragmented(&c->tx, l, from, u, ulp->p, ulp->len, o->fragments, o->shuffled);
    else
        sg_tx_data(&c->tx, l, from, u, ulp->p, ulp->len);
}

/* Q.714 connectionless segmentation: every segment carries the same local
 * reference (Q.713 §3.17); the first has the F bit, each the count of
 * segments still to come. */
static void send_segmented(struct sg_ctx *c, struct sg_link *l, int from, struct sg_sccp_msg *m,
                           uint8_t sls, const struct sg_send_opts *o)
{
    const uint8_t *data = m->data;
    size_t n = m->data_len, half = n / 2;
    m->protocol_class = CLASS_1_RETURN;
    m->segment = (struct sg_sccp_segment){.present = true,
                                          .first = true,
                                          .remaining = 1,
                                          .local_ref = (uint32_t)sg_prng_below(&c->rng, 1u << 24)};
    for (int i = 0; i < 2; i++) {
        m->data = i ? data + half : data;
        m->data_len = i ? n - half : half;
        m->segment.first = i == 0;
        m->segment.remaining = (uint8_t)(1 - i);
        sg_buf_reset(&c->s.sccp);
        sg_sccp_encode(&c->s.sccp, m);
        send_sccp(c, l, from, sls, o);
        sg_tx_flush(&c->tx);
    }
}

void sg_send_tcap(struct sg_ctx *c, struct sg_link *l, int from, const struct sg_route *rt,
                  const struct sg_buf *tcap, const struct sg_send_opts *o)
{
    struct sg_sccp_msg m = {.kind = o->kind,
                            .protocol_class = CLASS_0_RETURN,
                            .called = rt->called,
                            .calling = rt->calling,
                            .data = tcap->p,
                            .data_len = tcap->len};
    sg_buf_reset(&c->s.sccp);
    sg_sccp_encode(&c->s.sccp, &m);
    bool too_long = o->kind != SG_SCCP_LUDT && c->s.sccp.len > MTP3_SIF_MAX;
    if (o->segment || too_long) {
        m.kind = SG_SCCP_XUDT;
        send_segmented(c, l, from, &m, rt->sls, o);
        return;
    }
    send_sccp(c, l, from, rt->sls, o);
}
