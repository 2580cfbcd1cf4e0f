#include "sms_plan.h"

#include <stdio.h>
#include <string.h>
#include "encode_map.h"

#define ARRAY_LEN(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))

static const char *const alpha_senders[] = {
    "ICBC", "BANK-CN",    "CMBChina", "Alipay", "JD.com",  "TAOBAO",
    "CCB",  "SF-Express", "95588",    "Ctrip",  "MEITUAN", "BOC",
};
static const char *const imsi_networks[] = {"46000", "46001", "46002", "46007", "46011"};
static const char *const mobile_prefixes[] = {"135", "136", "138", "139", "150",
                                              "158", "186", "188", "133", "177"};

static const struct sg_text *pick_text(struct sg_ctx *c)
{
    const struct sg_corpus *k = c->corpus;
    if (c->v->pick == SG_PICK_GSM7)
        return &k->lines[k->gsm7[sg_prng_below(&c->rng, (uint32_t)k->n_gsm7)]];
    if (c->v->pick == SG_PICK_MULTIPART)
        return &k->lines[k->multipart[sg_prng_below(&c->rng, (uint32_t)k->n_multipart)]];
    return &k->lines[sg_prng_below(&c->rng, (uint32_t)k->n)];
}

static void mobile_number(struct sg_prng *r, char *out, bool international)
{
    const char *prefix = mobile_prefixes[sg_prng_below(r, ARRAY_LEN(mobile_prefixes))];
    size_t at = 0;
    if (international) {
        memcpy(out, "86", 2);
        at = 2;
    }
    memcpy(out + at, prefix, 3);
    sg_prng_digits(r, out + at + 3, 8);
}

/* Commercial ports of 7 to 12 digits: 106..., 1069... for bulk senders;
 * with --ports N, one of N ports (the k-th always the same number), so
 * that ports send and receive many messages each. */
static void short_code(struct sg_ctx *c, char *out)
{
    struct sg_prng *r = &c->rng;
    if (c->n_ports != 0) {
        uint32_t k = sg_prng_below(r, c->n_ports);
        snprintf(out, 16, "%s%06u", k % 2 ? "1069" : "106", (k * 7919u + 100003u) % 1000000u);
        return;
    }
    const char *prefix = sg_prng_pct(r, 50) ? "1069" : "106";
    size_t at = strlen(prefix);
    memcpy(out, prefix, at);
    sg_prng_digits(r, out + at, sg_prng_range(r, 4, 8));
}

static uint8_t choose_version(struct sg_ctx *c)
{
    const struct sg_variant *v = c->v;
    uint32_t k = sg_prng_below(&c->rng, (uint32_t)(v->weight_v1 + v->weight_v2 + v->weight_v3));
    if ((int)k < v->weight_v1)
        return 1;
    return (int)k < v->weight_v1 + v->weight_v2 ? 2 : 3;
}

/* TS 23.038 §4: general data coding, with a message class now and then. */
static uint8_t choose_dcs(struct sg_ctx *c, bool ucs2)
{
    static const uint8_t gsm7_class[] = {0x11, 0x10, 0x12};
    static const uint8_t ucs2_class[] = {0x18, 0x19, 0x1a};
    if (!sg_prng_pct(&c->rng, c->v->pct_class_dcs))
        return ucs2 ? 0x08 : 0x00;
    uint32_t k = sg_prng_below(&c->rng, 3);
    return ucs2 ? ucs2_class[k] : gsm7_class[k];
}

static void choose_addresses(struct sg_ctx *c, struct sg_sms_plan *p)
{
    struct sg_prng *r = &c->rng;
    memcpy(p->smsc, p->link->side[SG_SIDE_SMSC].gt, sizeof p->smsc);
    if (!p->mt) {
        mobile_number(r, p->msisdn, true);
        bool mobile = sg_prng_pct(r, 50);
        if (mobile)
            mobile_number(r, p->tp_addr, sg_prng_pct(r, 60));
        else
            short_code(c, p->tp_addr);
        p->tp_toa = p->tp_addr[0] == '8' ? SG_TOA_INTERNATIONAL : SG_TOA_UNKNOWN;
        return;
    }
    memcpy(p->imsi, imsi_networks[sg_prng_below(r, ARRAY_LEN(imsi_networks))], 5);
    sg_prng_digits(r, p->imsi + 5, 10);
    if (sg_prng_pct(r, c->v->pct_alpha)) {
        strcpy(p->tp_addr, alpha_senders[sg_prng_below(r, ARRAY_LEN(alpha_senders))]);
        p->tp_toa = SG_TOA_ALPHANUMERIC;
    } else if (sg_prng_pct(r, 50)) {
        mobile_number(r, p->tp_addr, true);
        p->tp_toa = SG_TOA_INTERNATIONAL;
    } else {
        short_code(c, p->tp_addr);
        p->tp_toa = SG_TOA_UNKNOWN;
    }
}

static void choose_parts(struct sg_ctx *c, struct sg_sms_plan *p)
{
    const struct sg_text *t = p->text;
    size_t n = p->ucs2 ? t->n_ucs2 : t->n_septets;
    p->concat.ref16 = sg_prng_pct(&c->rng, c->v->pct_concat16);
    p->concat.ref = (uint16_t)sg_prng_below(&c->rng, p->concat.ref16 ? 65536 : 256);
    size_t parts = 1;
    if (n > sg_tpdu_single_capacity(p->ucs2)) {
        size_t cap = sg_tpdu_part_capacity(p->ucs2, p->concat.ref16);
        parts = p->ucs2 ? sg_split_ucs2(t->ucs2, n, cap, p->start)
                        : sg_split_septets(t->septets, n, cap, p->start);
    } else {
        p->start[0] = 0;
        p->start[1] = n;
    }
    p->concat.total = (uint8_t)parts;
    for (unsigned i = 0; i < parts; i++)
        p->order[i] = i;
    if (parts > 1 && sg_prng_pct(&c->rng, c->v->pct_concat_ooo)) {
        /* Rotating guarantees the order really differs from 1..n. */
        unsigned shift = sg_prng_range(&c->rng, 1, (uint32_t)parts - 1);
        for (unsigned i = 0; i < parts; i++)
            p->order[i] = (unsigned)((i + shift) % parts);
    }
}

static void choose_submit_fields(struct sg_ctx *c, struct sg_sms_plan *p)
{
    p->vpf = (enum sg_vpf)sg_prng_below(&c->rng, 4);
    p->vp_relative = (uint8_t)sg_prng_range(&c->rng, 0, 255);
    p->mr = (uint8_t)sg_prng_below(&c->rng, 256);
    p->status_report = sg_prng_pct(&c->rng, 10);
}

int sg_sms_plan_originator(const struct sg_sms_plan *p)
{
    return p->mt ? SG_SIDE_SMSC : SG_SIDE_NETWORK;
}

static void fill_record(struct sg_sms_plan *p)
{
    struct sg_record *r = &p->record;
    const struct sg_link *l = p->link;
    int from = sg_sms_plan_originator(p);
    memset(r, 0, sizeof *r);
    r->mt = p->mt;
    r->opcode = p->opcode;
    r->map_version = p->map_version;
    strcpy(r->sender, p->mt ? p->tp_addr : p->msisdn);
    if (!p->mt)
        strcpy(r->recipient, p->tp_addr);
    strcpy(r->imsi, p->imsi);
    strcpy(r->smsc, p->smsc);
    r->dcs = p->dcs;
    r->parts = p->concat.total;
    r->text = p->text->utf8;
    r->text_len = p->text->utf8_len;
    r->opc = l->side[from].pc;
    r->dpc = l->side[!from].pc;
    strcpy(r->calling_gt, l->side[from].gt);
    strcpy(r->called_gt, l->side[!from].gt);
    r->label = p->text->label;
}

void sg_sms_plan_make(struct sg_ctx *c, struct sg_sms_plan *p)
{
    memset(p, 0, sizeof *p);
    p->text = pick_text(c);
    p->link = &c->links[sg_prng_below(&c->rng, (uint32_t)c->n_links)];
    p->mt = sg_prng_pct(&c->rng, c->v->pct_mt);
    p->map_version = choose_version(c);
    p->opcode = p->mt && p->map_version == 3 ? SG_OP_MT_FORWARD_SM : SG_OP_FORWARD_SM;
    p->tcap_seg = p->map_version == 3 && sg_prng_pct(&c->rng, c->v->pct_tcap_seg);
    p->indefinite = sg_prng_pct(&c->rng, c->v->pct_indefinite);
    p->bundle = !p->tcap_seg && sg_prng_pct(&c->rng, c->v->pct_bundle);
    p->interleave = !p->bundle && sg_prng_pct(&c->rng, c->v->pct_interleave);
    p->ucs2 = !p->text->gsm7_ok || sg_prng_pct(&c->rng, c->v->pct_force_ucs2);
    p->dcs = choose_dcs(c, p->ucs2);
    choose_addresses(c, p);
    choose_parts(c, p);
    choose_submit_fields(c, p);
    fill_record(p);
}

void sg_sms_plan_tpdu(const struct sg_sms_plan *p, unsigned part, int64_t time_sec,
                      struct sg_buf *out)
{
    const struct sg_text *t = p->text;
    size_t lo = p->start[part], hi = p->start[part + 1];
    struct sg_tpdu tp = {.deliver = p->mt,
                         .addr = p->tp_addr,
                         .toa = p->tp_toa,
                         .mr = (uint8_t)(p->mr + part),
                         .more_messages = part + 1 < p->concat.total,
                         .status_report = p->status_report,
                         .dcs = p->dcs,
                         .ucs2 = p->ucs2,
                         .vpf = p->vpf,
                         .vp_relative = p->vp_relative,
                         .time_sec = time_sec,
                         .units = p->ucs2 ? (const void *)(t->ucs2 + lo)
                                          : (const void *)(t->septets + lo),
                         .n_units = hi - lo,
                         .concat = p->concat};
    tp.concat.seq = (uint8_t)(part + 1);
    sg_buf_reset(out);
    sg_tpdu_encode(out, &tp);
}
