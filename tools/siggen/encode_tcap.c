#include "encode_tcap.h"

#include "ber.h"

/* Q.773 §4.2.3: dialogue-as-id { itu-t recommendation q 773 as(1) dialogue-as(1) version1(1) } */
static const uint8_t dialogue_as_id[] = {0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01};
static const uint8_t protocol_version1[] = {0x07, 0x80};

static void put_tid(struct sg_buf *b, uint8_t tag, uint32_t tid)
{
    uint8_t v[4] = {(uint8_t)(tid >> 24), (uint8_t)(tid >> 16), (uint8_t)(tid >> 8), (uint8_t)tid};
    sg_ber_prim(b, tag, v, sizeof v);
}

/* TS 29.002 §17.3.2: { itu-t identified-organization etsi(0) mobileDomain(0)
 * gsm-Network(1) ac-Id(0) <ac> <version> } */
static void put_acn(struct sg_buf *b, uint8_t ac, uint8_t version)
{
    uint8_t oid[] = {0x04, 0x00, 0x00, 0x01, 0x00, ac, version};
    struct sg_ber_mark m = sg_ber_open(b, 0xa1, false);
    sg_ber_prim(b, 0x06, oid, sizeof oid);
    sg_ber_close(b, m);
}

/* AARE result accepted(0), result-source-diagnostic dialogue-service-user null(0). */
static void put_aare_result(struct sg_buf *b)
{
    static const uint8_t result[] = {0xa2, 0x03, 0x02, 0x01, 0x00};
    static const uint8_t diagnostic[] = {0xa3, 0x05, 0xa1, 0x03, 0x02, 0x01, 0x00};
    sg_buf_put(b, result, sizeof result);
    sg_buf_put(b, diagnostic, sizeof diagnostic);
}

/* Q.773 §4.2.3: DialoguePortion ::= [APPLICATION 11] EXTERNAL. */
static void put_dialogue(struct sg_buf *b, const struct sg_tcap_msg *m)
{
    struct sg_ber_mark portion = sg_ber_open(b, 0x6b, false);
    struct sg_ber_mark external = sg_ber_open(b, 0x28, false);
    sg_ber_prim(b, 0x06, dialogue_as_id, sizeof dialogue_as_id);
    struct sg_ber_mark single = sg_ber_open(b, 0xa0, false);
    struct sg_ber_mark apdu = sg_ber_open(b, m->dialogue == SG_DLG_AARQ ? 0x60 : 0x61, false);
    sg_ber_prim(b, 0x80, protocol_version1, sizeof protocol_version1);
    put_acn(b, m->ac, m->ac_version);
    if (m->dialogue == SG_DLG_AARE)
        put_aare_result(b);
    sg_ber_close(b, apdu);
    sg_ber_close(b, single);
    sg_ber_close(b, external);
    sg_ber_close(b, portion);
}

void sg_tcap_encode(struct sg_buf *out, const struct sg_tcap_msg *m)
{
    struct sg_ber_mark msg = sg_ber_open(out, m->type, m->indefinite);
    if (m->type != SG_TC_END)
        put_tid(out, 0x48, m->otid);
    if (m->type != SG_TC_BEGIN)
        put_tid(out, 0x49, m->dtid);
    if (m->dialogue != SG_DLG_NONE)
        put_dialogue(out, m);
    if (m->component) {
        struct sg_ber_mark comps = sg_ber_open(out, 0x6c, m->indefinite);
        sg_buf_put(out, m->component->p, m->component->len);
        sg_ber_close(out, comps);
    }
    sg_ber_close(out, msg);
}

void sg_tcap_invoke(struct sg_buf *out, uint8_t invoke_id, uint8_t opcode,
                    const struct sg_buf *param, bool indefinite)
{
    struct sg_ber_mark inv = sg_ber_open(out, 0xa1, indefinite);
    sg_ber_int(out, 0x02, invoke_id);
    sg_ber_int(out, 0x02, opcode);
    sg_buf_put(out, param->p, param->len);
    sg_ber_close(out, inv);
}

void sg_tcap_result_last(struct sg_buf *out, uint8_t invoke_id, uint8_t opcode,
                         const struct sg_buf *result)
{
    struct sg_ber_mark rr = sg_ber_open(out, 0xa2, false);
    sg_ber_int(out, 0x02, invoke_id);
    if (result) {
        struct sg_ber_mark seq = sg_ber_open(out, 0x30, false);
        sg_ber_int(out, 0x02, opcode);
        sg_buf_put(out, result->p, result->len);
        sg_ber_close(out, seq);
    }
    sg_ber_close(out, rr);
}
