/* The decode pipeline: each function hands one layer's payload to the next
 * and counts every result it does not continue with, by layer. */
#include "dataplane/core/pipeline.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/hash.h"
#include "dataplane/decode/ip.h"
#include "dataplane/decode/m2pa.h"
#include "dataplane/decode/m3ua.h"
#include "dataplane/decode/map.h"
#include "dataplane/decode/sccp.h"
#include "dataplane/decode/sctp.h"
#include "dataplane/decode/tcap.h"
#include "dataplane/decode/text.h"
#include "dataplane/decode/tpdu.h"
#include "dataplane/reasm/concat.h"
#include "dataplane/reasm/sccp_reasm.h"
#include "dataplane/reasm/sctp_reasm.h"
#include "dataplane/reasm/sctp_tsn.h"
#include "dataplane/reasm/tcap_txn.h"

#define NS_PER_SEC 1000000000ull
/* RFC 4960 §15: RTO.Max is 60 s, the longest a sender waits before it
 * resends a DATA chunk, and every transmission refreshes the SCTP tables'
 * entry; so a retransmission or a resent missing fragment still finds
 * its entry after this idle time. */
#define SCTP_TIMEOUT_NS (60 * NS_PER_SEC)
/* Tables are swept once per second of capture time, not per frame. */
#define EXPIRE_PERIOD_NS NS_PER_SEC
/* IANA ports used when a peer sends PPID 0 (unspecified). */
#define PORT_M3UA 2905
#define PORT_M2PA 3565
#define IPPROTO_SCTP_NUM 132
/* Q.713 §5: subsystem 1 carries SCCP management, not TCAP. */
#define SSN_SCCP_MGMT 1
/* TCAP messages a burst holds between its two passes (ss_pipeline_burst);
 * more are not needed to hide a table miss, and a full queue is drained. */
#define PENDING_MAX 64

/* A TCAP message decoded by the first pass of a burst and held for the
 * second, while its dialogue's table set is fetched: the first touch of
 * a new dialogue's set is the one load that showed in the time profile
 * (bench/README.md). Its pointers (components, memo, GT octets) point
 * into the caller's frame, which lives for the whole burst. */
struct pending {
    struct ss_tcap t;
    struct ss_sccp_addr calling, called;
    uint64_t calling_hash, called_hash;
    uint64_t ts_ns;
    uint32_t opc, dpc;
    uint64_t frame_id;
    const struct ss_frames *frames; /* several (reassembled), or NULL: frame_id alone */
};

struct ss_pipeline {
    struct ss_pipeline_cfg cfg;
    ss_sm_fn fn;
    void *ctx;
    struct ss_sctp_tsn *tsn;
    struct ss_sctp_reasm *sctp;
    struct ss_sccp_reasm *sccp;
    struct ss_tcap_txn *tcap;
    struct ss_concat *concat;
    uint64_t next_expire_ns;
    unsigned n_pending;
    struct pending pending[PENDING_MAX];
    struct ss_stats st;
    struct ss_sm part;  /* the part being decoded */
    struct ss_sm whole; /* a completed concatenated message */
};

/* What the layers below TCAP know about the message being decoded.
 * in_frame: its octets lie in the caller's frame, not in a reassembly
 * table that a later frame of the burst may reuse. */
struct ss_hop {
    uint64_t ts_ns;
    uint32_t opc, dpc;
    bool in_frame;
    const struct ss_sccp *sccp;
    const struct ss_frames *frames;
};

void ss_pipeline_cfg_default(struct ss_pipeline_cfg *cfg)
{
    cfg->sctp_slots = 1024;
    cfg->sccp_slots = 1024;
    cfg->tcap_slots = 65536;
    cfg->concat_slots = 8192;
    cfg->timeout_ns = 30 * NS_PER_SEC;
    cfg->sctp_timeout_ns = SCTP_TIMEOUT_NS;
}

bool ss_pipeline_parse_seconds(const char *s, uint64_t *ns)
{
    char *end;
    double v = strtod(s, &end);

    /* The negated test also refuses NaN. */
    if (end == s || *end != '\0' || !(v > 0 && v <= SS_PIPELINE_TIMEOUT_MAX_S))
        return false;
    uint64_t t = (uint64_t)(v * (double)NS_PER_SEC);
    if (t == 0)
        return false;
    *ns = t;
    return true;
}

/* Table sizes an option may ask for: the tables take up to 2^30 slots,
 * but a concatenation slot owns 8 KiB of part texts. */
static const struct {
    const char *name;
    size_t offset;
    uint32_t max;
} slot_options[] = {
    {"sctp-slots", offsetof(struct ss_pipeline_cfg, sctp_slots), 1u << 20},
    {"sccp-slots", offsetof(struct ss_pipeline_cfg, sccp_slots), 1u << 20},
    {"tcap-slots", offsetof(struct ss_pipeline_cfg, tcap_slots), 1u << 28},
    {"concat-slots", offsetof(struct ss_pipeline_cfg, concat_slots), 1u << 22},
};

bool ss_pipeline_cfg_option(struct ss_pipeline_cfg *cfg, const char *name, const char *value)
{
    if (strcmp(name, "timeout") == 0)
        return ss_pipeline_parse_seconds(value, &cfg->timeout_ns);
    if (strcmp(name, "sctp-timeout") == 0)
        return ss_pipeline_parse_seconds(value, &cfg->sctp_timeout_ns);
    for (size_t i = 0; i < sizeof slot_options / sizeof slot_options[0]; i++) {
        if (strcmp(name, slot_options[i].name) != 0)
            continue;
        char *end;
        errno = 0;
        unsigned long long v = strtoull(value, &end, 10);
        if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno != 0 || v == 0 ||
            v > slot_options[i].max)
            return false;
        uint32_t n = (uint32_t)v;
        memcpy((char *)cfg + slot_options[i].offset, &n, sizeof n);
        return true;
    }
    return false;
}

struct ss_pipeline *ss_pipeline_new(const struct ss_pipeline_cfg *cfg, ss_sm_fn fn, void *ctx)
{
    struct ss_pipeline *pl = calloc(1, sizeof(*pl));
    if (!pl)
        return NULL;
    pl->cfg = *cfg;
    pl->fn = fn;
    pl->ctx = ctx;
    pl->tsn = ss_sctp_tsn_new(cfg->sctp_slots, cfg->sctp_timeout_ns);
    pl->sctp = ss_sctp_reasm_new(cfg->sctp_slots, cfg->sctp_timeout_ns);
    pl->sccp = ss_sccp_reasm_new(cfg->sccp_slots, cfg->timeout_ns);
    pl->tcap = ss_tcap_txn_new(cfg->tcap_slots, cfg->timeout_ns);
    pl->concat = ss_concat_new(cfg->concat_slots, cfg->timeout_ns);
    if (!pl->tsn || !pl->sctp || !pl->sccp || !pl->tcap || !pl->concat) {
        ss_pipeline_free(pl);
        return NULL;
    }
    return pl;
}

void ss_pipeline_free(struct ss_pipeline *pl)
{
    if (!pl)
        return;
    ss_sctp_tsn_free(pl->tsn);
    ss_sctp_reasm_free(pl->sctp);
    ss_sccp_reasm_free(pl->sccp);
    ss_tcap_txn_free(pl->tcap);
    ss_concat_free(pl->concat);
    free(pl);
}

const struct ss_stats *ss_pipeline_stats(const struct ss_pipeline *pl)
{
    return &pl->st;
}

static void expire_tables(struct ss_pipeline *pl, uint64_t now_ns)
{
    struct ss_stats *st = &pl->st;
    st->err[SS_LAYER_SCTP][SS_EXPIRED] += ss_sctp_tsn_expire(pl->tsn, now_ns);
    st->err[SS_LAYER_SCTP_REASM][SS_EXPIRED] += ss_sctp_reasm_expire(pl->sctp, now_ns);
    st->err[SS_LAYER_SCCP_REASM][SS_EXPIRED] += ss_sccp_reasm_expire(pl->sccp, now_ns);
    st->err[SS_LAYER_TCAP_TXN][SS_EXPIRED] += ss_tcap_txn_expire(pl->tcap, now_ns);
    st->err[SS_LAYER_CONCAT][SS_EXPIRED] += ss_concat_expire(pl->concat, now_ns);
}

static void emit(struct ss_pipeline *pl, const struct ss_sm *sm)
{
    pl->st.messages++;
    if (sm->dir == SS_DIR_MO)
        pl->st.messages_mo++;
    else
        pl->st.messages_mt++;
    pl->fn(pl->ctx, sm);
}

/* Hash of an SCCP party: the TCAP transaction table keys dialogues by
 * transaction id and the party that allocated it (GT digits, SSN, PC).
 * The GT octets are hashed as sent, without converting them to text (a
 * conversion per address showed in the profile), with an odd count's
 * filler nibble set to 0xF so that the odd and even encodings of the
 * same digits (Q.713 §3.4.2.3.1) hash alike. A GT of up to 8 octets
 * (E.164 numbers all are) is mixed as one word, its length with the SSN
 * and PC, which halves the multiplies of hashing it as a byte string. */
static uint64_t party_hash(const struct ss_sccp_addr *a)
{
    uint64_t h = SS_HASH_SEED;
    size_t n = a->gt_len;

    if (n) {
        uint64_t filler = a->gt_odd ? 0xf0 : 0x00;
        if (n <= 8) {
            h = ss_hash_word(h, ss_le_upto8(a->gt, n) | filler << (8 * (n - 1)));
        } else {
            h = ss_hash_bytes(h, a->gt, n - 1);
            h = ss_hash_word(h, a->gt[n - 1] | filler);
        }
    }
    return ss_hash_word(h,
                        (uint64_t)n << 40 | (uint64_t)a->ssn << 32 | (a->has_pc ? a->pc : 0xffffu));
}

/* Copies a NUL-terminated field of a decoder's struct into the record as
 * a fixed-size block: a few vector moves where strlen and a variable
 * memcpy cost two calls per field. Readers stop at the NUL, so the bytes
 * after it may be anything; a string longer than dst is cut as before. */
#define COPY_FIELD(dst, src) copy_field(dst, sizeof(dst), src, sizeof(src))

static void copy_field(char *dst, size_t dst_cap, const char *src, size_t src_cap)
{
    memcpy(dst, src, src_cap < dst_cap ? src_cap : dst_cap - 1);
    dst[dst_cap - 1] = '\0';
}

/* TS 29.002 §12.2/§12.9: the direction follows from which side carries the
 * service-centre address; when neither does (v1 with unusual choices) the
 * TP-MTI's low bit decides (SUBMIT from the MS, DELIVER to it). */
static enum ss_dir forward_sm_dir(int32_t opcode, const struct ss_map_sm *m)
{
    if (opcode == SS_MAP_OP_MT_FORWARD_SM)
        return SS_DIR_MT;
    if (m->da.kind == SS_MAP_ADDR_SC)
        return SS_DIR_MO;
    if (m->oa.kind == SS_MAP_ADDR_SC)
        return SS_DIR_MT;
    return (m->ui_len > 0 && (m->ui[0] & 0x03) == 0x01) ? SS_DIR_MO : SS_DIR_MT;
}

static void count_tpdu(struct ss_stats *st, enum ss_tp_mti mti)
{
    switch (mti) {
    case SS_TP_SUBMIT:
        st->tpdu_submit++;
        break;
    case SS_TP_DELIVER:
        st->tpdu_deliver++;
        break;
    case SS_TP_STATUS_REPORT:
        st->tpdu_status_report++;
        break;
    case SS_TP_COMMAND:
        st->tpdu_command++;
        break;
    default:
        st->tpdu_other++;
        break;
    }
}

static void fill_addresses(struct ss_sm *sm, const struct ss_map_sm *m, const struct ss_tpdu *t)
{
    const struct ss_map_addr *sc = sm->dir == SS_DIR_MO ? &m->da : &m->oa;
    sm->has_smsc = sc->kind == SS_MAP_ADDR_SC;
    if (sm->has_smsc)
        COPY_FIELD(sm->smsc, sc->digits);
    else
        sm->smsc[0] = '\0';
    if (sm->dir == SS_DIR_MO) {
        if (m->oa.kind == SS_MAP_ADDR_MSISDN)
            COPY_FIELD(sm->sender, m->oa.digits);
        else
            sm->sender[0] = '\0';
        sm->sender_alpha = false;
        sm->has_recipient = true;
        COPY_FIELD(sm->recipient, t->addr.text);
        sm->has_imsi = false;
        sm->imsi[0] = '\0';
    } else {
        COPY_FIELD(sm->sender, t->addr.text);
        sm->sender_alpha = t->addr.alpha;
        sm->has_recipient = false;
        sm->recipient[0] = '\0';
        sm->has_imsi = m->da.kind == SS_MAP_ADDR_IMSI;
        if (sm->has_imsi)
            COPY_FIELD(sm->imsi, m->da.digits);
        else
            sm->imsi[0] = '\0';
    }
}

/* The octets an SCCP address's GT digits are read from: all of them up
 * to SS_SM_GT_OCTETS (a longer GT ends in a filler within its first
 * SS_DIGITS_MAX digits, or the SCCP decoder would have refused it). */
static void keep_gt(struct ss_sm_gt *g, const struct ss_sccp_addr *a)
{
    size_t n = a->gt_len < SS_SM_GT_OCTETS ? a->gt_len : SS_SM_GT_OCTETS;
    g->len = (uint8_t)n;
    if (!n)
        return;
    g->max_digits =
        (uint8_t)(a->gt_len > SS_SM_GT_OCTETS ? SS_DIGITS_MAX : 2 * n - (a->gt_odd ? 1 : 0));
    memcpy(g->oct, a->gt, n);
}

static void fill_link(struct ss_sm *sm, const struct pending *q)
{
    sm->opc = q->opc;
    sm->dpc = q->dpc;
    keep_gt(&sm->calling_gt, &q->calling);
    keep_gt(&sm->called_gt, &q->called);
    sm->ts_ns = q->ts_ns;
    if (q->frames)
        ss_frames_copy(&sm->frames, q->frames);
    else
        ss_frames_one(&sm->frames, q->frame_id);
}

static bool decode_part_text(struct ss_pipeline *pl, const struct ss_tpdu *t, struct ss_sm *sm)
{
    unsigned bad = 0;
    enum ss_result r = ss_text_decode(t, sm->text, sizeof(sm->text), &sm->text_len, &bad);
    pl->st.err[SS_LAYER_TEXT][SS_BAD_VALUE] += bad;
    if (r == SS_UNSUPPORTED) {
        ss_count_err(&pl->st, SS_LAYER_TEXT, r);
        sm->has_text = false;
        sm->text_len = 0;
        sm->text[0] = '\0';
        return true;
    }
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_TEXT, r);
        return false;
    }
    sm->has_text = true;
    pl->st.sm_parts++;
    return true;
}

static void on_part(struct ss_pipeline *pl, const struct ss_tpdu *t)
{
    struct ss_sm *sm = &pl->part;
    const struct ss_tp_udh *u = &t->udh;
    if (!u->has_concat || u->concat_total <= 1) {
        emit(pl, sm);
        return;
    }
    sm->concat_ref = u->concat_ref;
    enum ss_result r =
        ss_concat_add(pl->concat, sm, u->concat_ref, u->concat_total, u->concat_seq, &pl->whole);
    if (r == SS_OK)
        emit(pl, &pl->whole);
    else
        ss_count_err(&pl->st, SS_LAYER_CONCAT, r);
}

static void on_forward_sm(struct ss_pipeline *pl, int32_t opcode, const struct ss_tcap_ctx *ctx,
                          const struct ss_tcap_component *c, const struct pending *q)
{
    struct ss_map_sm m;
    enum ss_result r = ss_map_sm_decode(c->param, c->param_len, &m);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_MAP, r);
        return;
    }
    struct ss_sm *sm = &pl->part;
    sm->dir = forward_sm_dir(opcode, &m);
    struct ss_tpdu t;
    r = ss_tpdu_decode(m.ui, m.ui_len, sm->dir == SS_DIR_MO ? SS_TP_MS_TO_SC : SS_TP_SC_TO_MS, &t);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_TPDU, r);
        return;
    }
    count_tpdu(&pl->st, t.mti);
    if (t.mti != SS_TP_SUBMIT && t.mti != SS_TP_DELIVER)
        return;
    sm->opcode = (uint8_t)opcode;
    /* mt-forwardSM exists only in MAP v3 (TS 29.002 §12.9). */
    sm->map_version = ctx->map_version ? ctx->map_version
                      : opcode == SS_MAP_OP_MT_FORWARD_SM ? 3
                                                           : 0;
    sm->dcs = t.dcs;
    sm->parts = 1;
    sm->concat_ref = 0;
    fill_addresses(sm, &m, &t);
    fill_link(sm, q);
    if (decode_part_text(pl, &t, sm))
        on_part(pl, &t);
}

static void count_component(struct ss_stats *st, const struct ss_tcap_component *c)
{
    st->tcap_components++;
    switch (c->type) {
    case SS_TCAP_INVOKE:
        if (c->has_opcode && c->opcode >= 0 && c->opcode < SS_STATS_MAP_OPS)
            st->map_invoke[c->opcode]++;
        break;
    case SS_TCAP_RESULT_LAST:
    case SS_TCAP_RESULT_NOT_LAST:
        st->map_result++;
        break;
    case SS_TCAP_ERROR:
        st->map_error++;
        break;
    default:
        st->map_reject++;
        break;
    }
}

static void count_tcap(struct ss_stats *st, uint8_t type)
{
    switch (type) {
    case SS_TCAP_BEGIN:
        st->tcap_begin++;
        break;
    case SS_TCAP_CONTINUE:
        st->tcap_continue++;
        break;
    case SS_TCAP_END:
        st->tcap_end++;
        break;
    case SS_TCAP_ABORT:
        st->tcap_abort++;
        break;
    default:
        st->tcap_other++;
        break;
    }
}

/* The second pass over a TCAP message: its dialogue, then its components. */
static void on_dialogue(struct ss_pipeline *pl, const struct pending *q)
{
    struct ss_tcap_ctx ctx;
    enum ss_result r =
        ss_tcap_txn_track(pl->tcap, &q->t, q->calling_hash, q->called_hash, q->ts_ns, &ctx);
    if (r != SS_OK && r != SS_NO_CONTEXT)
        ss_count_err(&pl->st, SS_LAYER_TCAP_TXN, r);

    struct ss_tcap_iter it;
    struct ss_tcap_component c;
    ss_tcap_iter_init(&it, &q->t);
    while ((r = ss_tcap_next_component(&it, &c)) == SS_OK) {
        count_component(&pl->st, &c);
        if (c.type == SS_TCAP_INVOKE && c.has_opcode && c.param_len > 0 &&
            (c.opcode == SS_MAP_OP_FORWARD_SM || c.opcode == SS_MAP_OP_MT_FORWARD_SM))
            on_forward_sm(pl, c.opcode, &ctx, &c, q);
    }
    if (r != SS_END)
        ss_count_err(&pl->st, SS_LAYER_TCAP, r);
}

/* The second pass over every held message, in arrival order. */
static void drain(struct ss_pipeline *pl)
{
    for (unsigned i = 0; i < pl->n_pending; i++)
        on_dialogue(pl, &pl->pending[i]);
    pl->n_pending = 0;
}

/* The first pass: the message is decoded into the queue and its
 * dialogue's set fetched. One whose octets a later frame may overwrite
 * (reassembled) is finished at once, after those held before it. */
static void on_tcap(struct ss_pipeline *pl, const uint8_t *p, size_t len, const struct ss_hop *hop)
{
    struct pending *q = &pl->pending[pl->n_pending];
    enum ss_result r = ss_tcap_decode(p, len, &q->t);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_TCAP, r);
        return;
    }
    count_tcap(&pl->st, q->t.type);
    q->calling = hop->sccp->calling;
    q->called = hop->sccp->called;
    /* The called party is no part of a BEGIN's key. */
    q->calling_hash = party_hash(&q->calling);
    q->called_hash = q->t.type != SS_TCAP_BEGIN ? party_hash(&q->called) : 0;
    q->ts_ns = hop->ts_ns;
    q->opc = hop->opc;
    q->dpc = hop->dpc;
    /* In the frame: hop->frames is that one frame. */
    q->frame_id = hop->frames->id[0];
    q->frames = hop->in_frame ? NULL : hop->frames;
    pl->n_pending++;
    if (hop->in_frame && pl->n_pending < PENDING_MAX)
        ss_tcap_txn_prefetch(pl->tcap, &q->t, q->calling_hash, q->called_hash);
    else
        drain(pl);
}

static void count_sccp(struct ss_stats *st, uint8_t type)
{
    if (type == SS_SCCP_UDT)
        st->sccp_udt++;
    else if (type == SS_SCCP_XUDT)
        st->sccp_xudt++;
    else if (type == SS_SCCP_LUDT)
        st->sccp_ludt++;
    else
        st->sccp_other++;
}

static void on_sccp(struct ss_pipeline *pl, const uint8_t *p, size_t len, struct ss_hop *hop)
{
    struct ss_sccp m;
    enum ss_result r = ss_sccp_decode(p, len, &m);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_SCCP, r);
        return;
    }
    count_sccp(&pl->st, m.type);
    if (m.type != SS_SCCP_UDT && m.type != SS_SCCP_XUDT && m.type != SS_SCCP_LUDT)
        return;
    if (m.called.has_ssn && m.called.ssn == SSN_SCCP_MGMT) {
        pl->st.sccp_mgmt++;
        return;
    }
    hop->sccp = &m;
    /* A single segment (F set, none remaining) needs no table. */
    if (!m.has_seg || (m.seg.first && m.seg.remaining == 0)) {
        on_tcap(pl, m.data, m.len, hop);
        return;
    }
    const uint8_t *data;
    size_t data_len;
    struct ss_frames frames;
    r = ss_sccp_reasm_add(pl->sccp, hop->opc, &m, hop->ts_ns, hop->frames, &data, &data_len,
                          &frames);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_SCCP_REASM, r);
        return;
    }
    hop->frames = &frames;
    hop->in_frame = false;
    on_tcap(pl, data, data_len, hop);
}

static void on_m3ua(struct ss_pipeline *pl, const uint8_t *p, size_t len, struct ss_hop *hop)
{
    struct ss_m3ua m;
    enum ss_result r = ss_m3ua_decode(p, len, &m);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_M3UA, r);
        return;
    }
    pl->st.m3ua_class[m.cls < SS_STATS_M3UA_CLASSES ? m.cls : SS_STATS_M3UA_CLASSES - 1]++;
    if (!m.payload)
        return;
    if (m.si != SS_MTP3_SI_SCCP) {
        pl->st.mtp3_not_sccp++;
        return;
    }
    hop->opc = m.opc;
    hop->dpc = m.dpc;
    on_sccp(pl, m.payload, m.len, hop);
}

static void on_m2pa(struct ss_pipeline *pl, const uint8_t *p, size_t len, struct ss_hop *hop)
{
    struct ss_m2pa m;
    enum ss_result r = ss_m2pa_decode(p, len, &m);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_M2PA, r);
        return;
    }
    if (!m.msu) {
        pl->st.m2pa_other++;
        return;
    }
    pl->st.m2pa_user_data++;
    struct ss_mtp3 l3;
    r = ss_mtp3_decode(m.msu, m.msu_len, &l3);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_MTP3, r);
        return;
    }
    if (l3.si != SS_MTP3_SI_SCCP) {
        pl->st.mtp3_not_sccp++;
        return;
    }
    hop->opc = l3.opc;
    hop->dpc = l3.dpc;
    on_sccp(pl, l3.payload, l3.len, hop);
}

static uint32_t effective_ppid(const struct ss_sctp *s, const struct ss_sctp_data *d)
{
    if (d->ppid != 0)
        return d->ppid;
    if (s->sport == PORT_M3UA || s->dport == PORT_M3UA)
        return SS_PPID_M3UA;
    if (s->sport == PORT_M2PA || s->dport == PORT_M2PA)
        return SS_PPID_M2PA;
    return 0;
}

static void on_user_message(struct ss_pipeline *pl, uint32_t ppid, const uint8_t *p, size_t len,
                            struct ss_hop *hop)
{
    if (ppid == SS_PPID_M3UA)
        on_m3ua(pl, p, len, hop);
    else if (ppid == SS_PPID_M2PA)
        on_m2pa(pl, p, len, hop);
    else
        pl->st.sctp_data_other_ppid++;
}

static void on_data_chunk(struct ss_pipeline *pl, const struct ss_ip *ip, const struct ss_sctp *s,
                          const struct ss_sctp_chunk *c, uint64_t ts_ns, uint64_t frame_id)
{
    struct ss_sctp_data d;
    enum ss_result r = ss_sctp_data_decode(c, &d);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_SCTP, r);
        return;
    }
    /* A retransmitted TSN was decoded the first time (Wireshark skips it
     * too); SS_TABLE_FULL is counted and the chunk still decoded. */
    r = ss_sctp_tsn_check(pl->tsn, s, d.tsn, ts_ns);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_SCTP, r);
        if (r == SS_DUPLICATE)
            return;
    }
    struct ss_frames frames;
    ss_frames_one(&frames, frame_id);
    struct ss_hop hop = {.ts_ns = ts_ns, .in_frame = true, .frames = &frames};
    uint32_t ppid = effective_ppid(s, &d);
    if (d.begin && d.end) {
        on_user_message(pl, ppid, d.payload, d.len, &hop);
        return;
    }
    const uint8_t *msg;
    size_t len;
    r = ss_sctp_reasm_add(pl->sctp, ip, s, &d, ts_ns, frame_id, &msg, &len, &frames);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_SCTP_REASM, r);
        return;
    }
    hop.in_frame = false;
    on_user_message(pl, ppid, msg, len, &hop);
}

static void on_sctp(struct ss_pipeline *pl, const struct ss_ip *ip, uint64_t ts_ns,
                    uint64_t frame_id)
{
    struct ss_sctp s;
    enum ss_result r = ss_sctp_decode(ip->payload, ip->len, &s);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_SCTP, r);
        return;
    }
    pl->st.sctp_packets++;
    struct ss_sctp_iter it;
    struct ss_sctp_chunk c;
    ss_sctp_iter_init(&it, &s);
    while ((r = ss_sctp_next_chunk(&it, &c)) == SS_OK) {
        pl->st.sctp_chunks[c.type < SS_STATS_SCTP_TYPES ? c.type : SS_STATS_SCTP_TYPES - 1]++;
        if (c.type == SS_SCTP_DATA)
            on_data_chunk(pl, ip, &s, &c, ts_ns, frame_id);
    }
    if (r != SS_END)
        ss_count_err(&pl->st, SS_LAYER_SCTP, r);
}

/* A burst's first pass over one frame. */
static void on_frame(struct ss_pipeline *pl, const uint8_t *frame, size_t len, enum ss_linktype lt,
                     uint64_t ts_ns, uint64_t frame_id)
{
    pl->st.frames++;
    pl->st.bytes += len;
    if (ts_ns >= pl->next_expire_ns) {
        /* What is held is older: it meets the tables before they expire. */
        drain(pl);
        expire_tables(pl, ts_ns);
        pl->next_expire_ns = ts_ns + EXPIRE_PERIOD_NS;
    }
    struct ss_link l;
    enum ss_result r = ss_link_decode(frame, len, lt, &l);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_LINK, r);
        return;
    }
    if (l.ethertype != 0x0800 && l.ethertype != 0x86dd) {
        pl->st.link_not_ip++;
        return;
    }
    struct ss_ip ip;
    r = ss_ip_decode(l.payload, l.len, l.ethertype, &ip);
    if (r != SS_OK) {
        ss_count_err(&pl->st, SS_LAYER_IP, r);
        return;
    }
    if (ip.proto != IPPROTO_SCTP_NUM) {
        pl->st.ip_not_sctp++;
        return;
    }
    on_sctp(pl, &ip, ts_ns, frame_id);
}

void ss_pipeline_burst(struct ss_pipeline *pl, const struct ss_frame_in *f, size_t n,
                       enum ss_linktype lt)
{
    for (size_t i = 0; i < n; i++)
        on_frame(pl, f[i].data, f[i].len, lt, f[i].ts_ns, f[i].id);
    drain(pl);
}

void ss_pipeline_frame(struct ss_pipeline *pl, const uint8_t *frame, size_t len,
                       enum ss_linktype lt, uint64_t ts_ns, uint64_t frame_id)
{
    on_frame(pl, frame, len, lt, ts_ns, frame_id);
    drain(pl);
}

void ss_pipeline_finish(struct ss_pipeline *pl)
{
    drain(pl);
    expire_tables(pl, UINT64_MAX);
}
