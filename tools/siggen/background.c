#include "background.h"

#include <string.h>
#include "encode_m2pa.h"
#include "encode_m3ua.h"
#include "encode_map.h"
#include "encode_sctp.h"
#include "encode_tcap.h"
#include "send.h"

#define MGMT_STREAM   0
#define GAP_MIN_US    200
#define GAP_MAX_US    20000
#define SRI_INVOKE_ID 1

static void send_management(struct sg_ctx *c, struct sg_link *l, int from)
{
    uint32_t ppid = l->adaptation == SG_ADAPT_M2PA ? SG_PPID_M2PA : SG_PPID_M3UA;
    struct sg_ulp u = {.ppid = ppid, .stream = MGMT_STREAM};
    sg_tx_data(&c->tx, l, from, u, c->s.ulp.p, c->s.ulp.len);
}

static void m3ua_message(struct sg_ctx *c, struct sg_link *l, int from, uint8_t cls, uint8_t type,
                         uint32_t beat)
{
    sg_buf_reset(&c->s.ulp);
    sg_m3ua_management(&c->s.ulp, cls, type, l->routing_context, beat);
    send_management(c, l, from);
}

/* RFC 4165 §2.3.2: link status carries the last FSN sent and BSN received. */
static void m2pa_status(struct sg_ctx *c, struct sg_link *l, int from, uint32_t state)
{
    sg_buf_reset(&c->s.ulp);
    sg_m2pa_link_status(&c->s.ulp, l->side[!from].fsn, l->side[from].fsn, state);
    send_management(c, l, from);
}

static void exchange_flush(struct sg_ctx *c)
{
    sg_tx_flush(&c->tx);
    sg_tx_wait(&c->tx, GAP_MIN_US, GAP_MAX_US);
}

/* RFC 4666 §4.3.4: the ASP (SMSC side) sends ASPUP then ASPAC. */
static void m3ua_bring_up(struct sg_ctx *c, struct sg_link *l)
{
    static const uint8_t steps[4][3] = {
        {SG_SIDE_SMSC, SG_M3UA_ASPSM, SG_ASPSM_ASPUP},
        {SG_SIDE_NETWORK, SG_M3UA_ASPSM, SG_ASPSM_ASPUP_ACK},
        {SG_SIDE_SMSC, SG_M3UA_ASPTM, SG_ASPTM_ASPAC},
        {SG_SIDE_NETWORK, SG_M3UA_ASPTM, SG_ASPTM_ASPAC_ACK},
    };
    for (int i = 0; i < 4; i++) {
        m3ua_message(c, l, steps[i][0], steps[i][1], steps[i][2], 0);
        exchange_flush(c);
    }
}

/* RFC 4165 §4.1.3: alignment, proving, ready, from both ends. */
static void m2pa_bring_up(struct sg_ctx *c, struct sg_link *l)
{
    static const uint32_t states[] = {SG_M2PA_ALIGNMENT, SG_M2PA_PROVING_NORMAL, SG_M2PA_READY};
    for (int i = 0; i < 3; i++)
        for (int side = 0; side < 2; side++) {
            m2pa_status(c, l, side, states[i]);
            exchange_flush(c);
        }
}

void sg_background_bring_up(struct sg_ctx *c, struct sg_link *l)
{
    if (l->adaptation == SG_ADAPT_M2PA)
        m2pa_bring_up(c, l);
    else
        m3ua_bring_up(c, l);
}

void sg_background_keepalive_chunk(struct sg_ctx *c, struct sg_link *l, int from)
{
    if (l->adaptation == SG_ADAPT_M2PA)
        m2pa_status(c, l, from, SG_M2PA_READY);
    else
        m3ua_message(c, l, from, SG_M3UA_ASPSM, SG_ASPSM_BEAT, (uint32_t)sg_prng_next(&c->rng));
}

static void keepalive_pair(struct sg_ctx *c, struct sg_link *l)
{
    int from = (int)sg_prng_below(&c->rng, 2);
    if (l->adaptation == SG_ADAPT_M2PA) {
        m2pa_status(c, l, from, SG_M2PA_READY);
        exchange_flush(c);
        return;
    }
    uint32_t beat = (uint32_t)sg_prng_next(&c->rng);
    m3ua_message(c, l, from, SG_M3UA_ASPSM, SG_ASPSM_BEAT, beat);
    exchange_flush(c);
    m3ua_message(c, l, !from, SG_M3UA_ASPSM, SG_ASPSM_BEAT_ACK, beat);
    exchange_flush(c);
}

static void heartbeat_pair(struct sg_ctx *c, struct sg_link *l)
{
    int from = (int)sg_prng_below(&c->rng, 2);
    uint64_t info = sg_prng_next(&c->rng);
    sg_tx_heartbeat(&c->tx, l, from, SG_SCTP_HEARTBEAT, info);
    exchange_flush(c);
    sg_tx_heartbeat(&c->tx, l, !from, SG_SCTP_HEARTBEAT_ACK, info);
    exchange_flush(c);
}

/* Bundling here means a SACK for the peer's data rides with the DATA chunk. */
static void sri_send(struct sg_ctx *c, struct sg_link *l, int from, const struct sg_route *rt)
{
    if (sg_prng_pct(&c->rng, c->v->pct_bundle))
        sg_tx_sack(&c->tx, l, from);
    struct sg_send_opts o = sg_send_choose(c, false);
    sg_send_tcap(c, l, from, rt, &c->s.tcap, &o);
    exchange_flush(c);
}

/* TS 29.002 §12.1: the SMSC asks the subscriber's HLR (routed on the MSISDN)
 * where to deliver; the HLR answers with the IMSI and the serving MSC. */
struct sri_dialogue {
    char msisdn[16];
    char imsi[16];
    uint8_t version;
    uint32_t otid;
    uint8_t sls;
};

static void sri_ask(struct sg_ctx *c, struct sg_link *l, const struct sri_dialogue *d)
{
    struct sg_scratch *s = &c->s;
    const char *smsc = l->side[SG_SIDE_SMSC].gt;
    sg_buf_reset(&s->param);
    sg_map_sri_sm_arg(&s->param, d->msisdn, smsc);
    sg_buf_reset(&s->component);
    sg_tcap_invoke(&s->component, SRI_INVOKE_ID, SG_OP_SRI_FOR_SM, &s->param, false);
    struct sg_tcap_msg begin = {.type = SG_TC_BEGIN,
                                .otid = d->otid,
                                .dialogue = SG_DLG_AARQ,
                                .ac = SG_AC_SM_GATEWAY,
                                .ac_version = d->version,
                                .component = &s->component};
    sg_buf_reset(&s->tcap);
    sg_tcap_encode(&s->tcap, &begin);
    struct sg_route rt = {{SG_SSN_HLR, d->msisdn}, {SG_SSN_MSC, smsc}, d->sls};
    sri_send(c, l, SG_SIDE_SMSC, &rt);
}

static void sri_answer(struct sg_ctx *c, struct sg_link *l, const struct sri_dialogue *d)
{
    struct sg_scratch *s = &c->s;
    sg_buf_reset(&s->param);
    sg_map_sri_sm_res(&s->param, d->imsi, l->side[SG_SIDE_NETWORK].gt);
    sg_buf_reset(&s->component);
    sg_tcap_result_last(&s->component, SRI_INVOKE_ID, SG_OP_SRI_FOR_SM, &s->param);
    struct sg_tcap_msg end = {.type = SG_TC_END,
                              .dtid = d->otid,
                              .dialogue = SG_DLG_AARE,
                              .ac = SG_AC_SM_GATEWAY,
                              .ac_version = d->version,
                              .component = &s->component};
    sg_buf_reset(&s->tcap);
    sg_tcap_encode(&s->tcap, &end);
    struct sg_route rt = {{SG_SSN_MSC, l->side[SG_SIDE_SMSC].gt}, {SG_SSN_HLR, l->hlr_gt}, d->sls};
    sri_send(c, l, SG_SIDE_NETWORK, &rt);
}

static void sri_for_sm(struct sg_ctx *c, struct sg_link *l)
{
    struct sri_dialogue d;
    memcpy(d.msisdn, "86138", 5);
    sg_prng_digits(&c->rng, d.msisdn + 5, 8);
    memcpy(d.imsi, "46000", 5);
    sg_prng_digits(&c->rng, d.imsi + 5, 10);
    d.version = (uint8_t)sg_prng_range(&c->rng, 2, 3);
    d.otid = (uint32_t)sg_prng_next(&c->rng);
    d.sls = (uint8_t)sg_prng_below(&c->rng, 16);
    sri_ask(c, l, &d);
    sri_answer(c, l, &d);
}

void sg_background_exchange(struct sg_ctx *c)
{
    struct sg_link *l = &c->links[sg_prng_below(&c->rng, (uint32_t)c->n_links)];
    switch (sg_prng_below(&c->rng, 4)) {
    case 0:
        sg_tx_sack(&c->tx, l, (int)sg_prng_below(&c->rng, 2));
        exchange_flush(c);
        break;
    case 1:
        heartbeat_pair(c, l);
        break;
    case 2:
        keepalive_pair(c, l);
        break;
    default:
        sri_for_sm(c, l);
        break;
    }
}
