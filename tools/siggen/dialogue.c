#include "dialogue.h"

#include "encode_map.h"
#include "encode_tcap.h"
#include "send.h"

static struct sg_route route_from(const struct sg_sms_plan *p, int from, uint8_t sls)
{
    const struct sg_link *l = p->link;
    return (struct sg_route){.called = {SG_SSN_MSC, l->side[!from].gt},
                             .calling = {SG_SSN_MSC, l->side[from].gt},
                             .sls = sls};
}

static uint8_t application_context(const struct sg_sms_plan *p)
{
    return p->mt ? SG_AC_SM_MT_RELAY : SG_AC_SM_RELAY;
}

static void send_tcap(struct sg_ctx *c, const struct sg_sms_plan *p, int from, uint8_t sls,
                      bool carries_invoke)
{
    struct sg_route rt = route_from(p, from, sls);
    struct sg_send_opts o = sg_send_choose(c, carries_invoke);
    sg_send_tcap(c, p->link, from, &rt, &c->s.tcap, &o);
}

static void build_invoke(struct sg_ctx *c, const struct sg_sms_plan *p, unsigned part,
                         const struct sg_dialogue *d)
{
    struct sg_scratch *s = &c->s;
    sg_sms_plan_tpdu(p, part, (int64_t)(c->tx.now_us / 1000000), &s->tpdu);
    struct sg_forward_sm arg = {.mt = p->mt,
                                .imsi = p->imsi,
                                .smsc = p->smsc,
                                .msisdn = p->msisdn,
                                .tpdu = s->tpdu.p,
                                .tpdu_len = s->tpdu.len,
                                .more_messages = p->mt && part + 1 < p->concat.total,
                                .indefinite = p->indefinite};
    sg_buf_reset(&s->param);
    sg_map_forward_sm_arg(&s->param, &arg);
    sg_buf_reset(&s->component);
    sg_tcap_invoke(&s->component, d->invoke_id, p->opcode, &s->param, p->indefinite);
}

/* MAP v3 (TS 29.002): when the invoke would not fit in the TC-BEGIN, the
 * sender opens the dialogue with the AARQ alone, waits for the AARE in a
 * TC-CONTINUE, then sends the invoke in a TC-CONTINUE of its own. */
static void open_dialogue_first(struct sg_ctx *c, const struct sg_sms_plan *p,
                                const struct sg_dialogue *d)
{
    int from = sg_sms_plan_originator(p);
    struct sg_tcap_msg begin = {.type = SG_TC_BEGIN,
                                .otid = d->otid,
                                .dialogue = SG_DLG_AARQ,
                                .ac = application_context(p),
                                .ac_version = p->map_version};
    sg_buf_reset(&c->s.tcap);
    sg_tcap_encode(&c->s.tcap, &begin);
    send_tcap(c, p, from, d->sls, false);
    sg_tx_flush(&c->tx);
    sg_tx_wait(&c->tx, SG_RESPONSE_DELAY_MIN_US, SG_RESPONSE_DELAY_MAX_US);
    struct sg_tcap_msg cont = {.type = SG_TC_CONTINUE,
                               .otid = d->dtid,
                               .dtid = d->otid,
                               .dialogue = SG_DLG_AARE,
                               .ac = begin.ac,
                               .ac_version = p->map_version};
    sg_buf_reset(&c->s.tcap);
    sg_tcap_encode(&c->s.tcap, &cont);
    send_tcap(c, p, !from, d->sls, false);
    sg_tx_flush(&c->tx);
    sg_tx_wait(&c->tx, SG_RESPONSE_DELAY_MIN_US, SG_RESPONSE_DELAY_MAX_US);
}

void sg_dialogue_open(struct sg_ctx *c, const struct sg_sms_plan *p, unsigned part,
                      struct sg_dialogue *d, bool completes)
{
    d->otid = (uint32_t)sg_prng_next(&c->rng);
    d->dtid = (uint32_t)sg_prng_next(&c->rng);
    d->invoke_id = (uint8_t)sg_prng_range(&c->rng, 1, 127);
    d->sls = (uint8_t)sg_prng_below(&c->rng, 16);
    if (p->tcap_seg)
        open_dialogue_first(c, p, d);
    build_invoke(c, p, part, d);
    struct sg_tcap_msg m = {.type = SG_TC_BEGIN,
                            .otid = d->otid,
                            .ac = application_context(p),
                            .ac_version = p->map_version,
                            .component = &c->s.component,
                            .indefinite = p->indefinite};
    if (p->tcap_seg) {
        m.type = SG_TC_CONTINUE;
        m.dtid = d->dtid;
    } else if (p->map_version > 1) {
        m.dialogue = SG_DLG_AARQ;
    }
    sg_buf_reset(&c->s.tcap);
    sg_tcap_encode(&c->s.tcap, &m);
    send_tcap(c, p, sg_sms_plan_originator(p), d->sls, true);
    if (completes)
        sg_tx_complete(&c->tx, &p->record);
    if (!p->bundle)
        sg_tx_flush(&c->tx);
}

/* The result carries no parameter: MO-/MT-ForwardSM-Res is optional. */
void sg_dialogue_close(struct sg_ctx *c, const struct sg_sms_plan *p, const struct sg_dialogue *d)
{
    struct sg_scratch *s = &c->s;
    sg_buf_reset(&s->component);
    sg_tcap_result_last(&s->component, d->invoke_id, p->opcode, NULL);
    struct sg_tcap_msg end = {.type = SG_TC_END,
                              .dtid = d->otid,
                              .ac = application_context(p),
                              .ac_version = p->map_version,
                              .component = &s->component};
    if (p->map_version > 1 && !p->tcap_seg)
        end.dialogue = SG_DLG_AARE;
    sg_buf_reset(&s->tcap);
    sg_tcap_encode(&s->tcap, &end);
    send_tcap(c, p, !sg_sms_plan_originator(p), d->sls, false);
    if (!p->bundle)
        sg_tx_flush(&c->tx);
}
