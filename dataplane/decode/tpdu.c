#include <stddef.h>
#include <string.h>

#include "dataplane/decode/bcd.h"
#include "dataplane/decode/rd.h"
#include "dataplane/decode/text.h"
#include "dataplane/decode/tpdu.h"
#include "dataplane/decode/utf8.h"

/* TS 23.040 §9.1.2.5: an address carries at most 20 semi-octets. */
#define TP_ADDR_DIGITS_MAX  20
#define TP_TON_ALPHANUMERIC 5
/* Room for an alphanumeric address's text in ss_gsm7_packed_to_utf8's
 * fast path: 3 bytes for each of its at most 11 septets and 16 of slack. */
#define TP_ADDR_TEXT_BUF 64
/* The text is copied from that buffer into ss_tp_addr.text unchecked. */
_Static_assert(SS_UTF8_PER_UNIT_MAX * (TP_ADDR_DIGITS_MAX * 4 / 7) + 1 <= SS_TP_ADDR_MAX,
               "an alphanumeric address's text fits ss_tp_addr.text");
/* TS 23.040 §9.2.3.16: 160 septets or 140 octets per part. */
#define TP_UDL_SEPTETS_MAX 160
#define TP_UDL_OCTETS_MAX  140

/* TS 23.038 §4, one entry per TP-DCS value so that decoding one is a
 * copy. Groups 00xx (general data coding) and 01xx (the same with
 * automatic deletion): bit 5 compressed, bit 4 class present, bits 3-2
 * alphabet, 11 reserved and read as GSM 7-bit. 1000-1011 reserved, read as
 * GSM 7-bit; 1100 / 1101 message waiting, discard / store, GSM 7-bit;
 * 1110 the same, UCS2; 1111 class in bits 1-0, bit 2 8-bit data. */
#define DCS_GENERAL(d) ((d) < 0x80)
#define DCS_GROUP(d)   ((d) >> 4)
#define DCS_ALPHA(d)   ((d) >> 2 & 3)
/* clang-format off */
#define DCS_ALPHABET(d)                                                                            \
    (DCS_GENERAL(d) ? (DCS_ALPHA(d) == 3 ? SS_ALPHA_GSM7 : (enum ss_tp_alphabet)DCS_ALPHA(d))     \
     : DCS_GROUP(d) == 0xe ? SS_ALPHA_UCS2                                                         \
     : DCS_GROUP(d) == 0xf && ((d) & 0x04) ? SS_ALPHA_8BIT : SS_ALPHA_GSM7)
#define DCS(d) {                                                                                   \
    .alphabet = DCS_ALPHABET(d),                                                                   \
    .compressed = DCS_GENERAL(d) && ((d) & 0x20),                                                  \
    .has_class = DCS_GENERAL(d) ? ((d) & 0x10) != 0 : DCS_GROUP(d) == 0xf,                         \
    .msg_class = DCS_GENERAL(d) || DCS_GROUP(d) == 0xf ? (d) & 3 : 0,                              \
    .reserved = DCS_GENERAL(d) ? DCS_ALPHA(d) == 3 : DCS_GROUP(d) <= 0xb},
#define DCS4(d)  DCS(d) DCS((d) + 1) DCS((d) + 2) DCS((d) + 3)
#define DCS16(d) DCS4(d) DCS4((d) + 4) DCS4((d) + 8) DCS4((d) + 12)
#define DCS64(d) DCS16(d) DCS16((d) + 16) DCS16((d) + 32) DCS16((d) + 48)
/* clang-format on */
static const struct ss_tp_dcs tp_dcs[256] = {DCS64(0) DCS64(64) DCS64(128) DCS64(192)};

void ss_tp_dcs_decode(uint8_t dcs, struct ss_tp_dcs *out)
{
    *out = tp_dcs[dcs];
}

/* Inlined, as tp_ud_read: called out of line, the reader they share went
 * through memory for every octet (about 1.1 M instructions more on
 * 22,831 parts). */
static inline __attribute__((always_inline)) enum ss_result tp_addr_read(struct ss_rd *r,
                                                                         struct ss_tp_addr *a)
{
    /* TS 23.040 §9.1.2.5: length in semi-octets of the value, then
     * type-of-address (bit 7 set, TON bits 6-4, NPI bits 3-0). */
    uint8_t ndig, type;
    const uint8_t *v;

    if (!ss_rd_u8(r, &ndig) || !ss_rd_u8(r, &type))
        return SS_TRUNCATED;
    if (ndig > TP_ADDR_DIGITS_MAX)
        return SS_BAD_LENGTH;
    if (!ss_rd_bytes(r, (ndig + 1u) / 2, &v))
        return SS_TRUNCATED;
    a->ton = type >> 4 & 7;
    a->npi = type & 0x0f;
    a->alpha = a->ton == TP_TON_ALPHANUMERIC;
    if (!a->alpha)
        return ss_bcd_decode(v, (ndig + 1u) / 2, ndig, a->text);

    /* TS 23.040 §9.1.2.5: alphanumeric, GSM 7-bit packed, (len*4)/7
     * septets, which the (len+1)/2 octets always hold. Converted into a
     * buffer with room for the converter's block stores, so that it takes
     * its fast path, then copied with its NUL: the bytes after it stay
     * zero. */
    char text[TP_ADDR_TEXT_BUF];
    size_t out_len;
    unsigned bad;
    enum ss_result res = ss_gsm7_packed_to_utf8(v, (ndig + 1u) / 2, 0, ndig * 4u / 7, text,
                                                sizeof text, &out_len, &bad);
    if (res == SS_OK)
        memcpy(a->text, text, out_len + 1);
    return res;
}

static enum ss_result tp_udh_ie(struct ss_tp_udh *h, uint8_t iei, const uint8_t *v, uint8_t iel)
{
    /* TS 23.040 §9.2.3.24.1 (.8, .3, .4, .15, .16): each known IE has a
     * fixed length; any other length is malformed. */
    static const uint8_t want[] = {
        [0x00] = 3, [0x04] = 2, [0x05] = 4, [0x08] = 4, [0x24] = 1, [0x25] = 1};

    if (iei >= sizeof want || want[iei] == 0)
        return SS_OK; /* not of interest: skipped by its length */
    if (iel != want[iei])
        return SS_BAD_LENGTH;
    switch (iei) {
    case 0x00:
    case 0x08:
        h->has_concat = true;
        h->concat_ref_bits = iei == 0x00 ? 8 : 16;
        h->concat_ref = iei == 0x00 ? v[0] : (uint16_t)(v[0] << 8 | v[1]);
        h->concat_total = v[iel - 2];
        h->concat_seq = v[iel - 1];
        break;
    case 0x04:
        h->has_ports = true;
        h->port_dst = v[0];
        h->port_src = v[1];
        break;
    case 0x05:
        h->has_ports = true;
        h->port_dst = (uint16_t)(v[0] << 8 | v[1]);
        h->port_src = (uint16_t)(v[2] << 8 | v[3]);
        break;
    case 0x24:
        h->lang_single = v[0];
        break;
    case 0x25:
        h->lang_locking = v[0];
        break;
    }
    return SS_OK;
}

static enum ss_result tp_udh_read(struct ss_tpdu *t)
{
    /* TS 23.040 §9.2.3.24: UDHL, then IEI / IEL / IED until UDHL octets. */
    struct ss_rd r;
    const uint8_t *v;
    uint8_t iei, iel;

    if (t->ud_len < 1)
        return SS_BAD_LENGTH;
    t->udh_len = 1u + t->ud[0];
    if (t->udh_len > t->ud_len)
        return SS_BAD_LENGTH;
    if (t->dcs_info.alphabet == SS_ALPHA_GSM7 && !t->dcs_info.compressed &&
        (t->udh_len * 8 + 6) / 7 > t->udl)
        return SS_BAD_LENGTH;
    ss_rd_init(&r, t->ud + 1, t->ud[0]);
    while (ss_rd_left(&r) > 0) {
        if (!ss_rd_u8(&r, &iei) || !ss_rd_u8(&r, &iel) || !ss_rd_bytes(&r, iel, &v))
            return SS_BAD_LENGTH;
        enum ss_result res = tp_udh_ie(&t->udh, iei, v, iel);
        if (res != SS_OK)
            return res;
    }
    return SS_OK;
}

static inline __attribute__((always_inline)) enum ss_result tp_ud_read(struct ss_rd *r,
                                                                       struct ss_tpdu *t)
{
    /* TS 23.040 §9.2.3.16: TP-UDL counts septets for uncompressed GSM
     * 7-bit data, octets otherwise. */
    bool septets = t->dcs_info.alphabet == SS_ALPHA_GSM7 && !t->dcs_info.compressed;
    size_t octets;

    if (!ss_rd_u8(r, &t->udl))
        return SS_TRUNCATED;
    if (t->udl > (septets ? TP_UDL_SEPTETS_MAX : TP_UDL_OCTETS_MAX))
        return SS_BAD_LENGTH;
    octets = septets ? (t->udl * 7u + 7) / 8 : t->udl;
    if (!ss_rd_bytes(r, octets, &t->ud))
        return SS_TRUNCATED;
    t->ud_len = octets;
    return t->udhi ? tp_udh_read(t) : SS_OK;
}

static enum ss_result tp_pid_dcs_read(struct ss_rd *r, struct ss_tpdu *t)
{
    if (!ss_rd_u8(r, &t->pid) || !ss_rd_u8(r, &t->dcs))
        return SS_TRUNCATED;
    ss_tp_dcs_decode(t->dcs, &t->dcs_info);
    return SS_OK;
}

static enum ss_result tp_submit(struct ss_rd *r, uint8_t o1, struct ss_tpdu *t)
{
    /* TS 23.040 §9.2.2.2 SMS-SUBMIT; TP-VP length by TP-VPF (§9.2.3.3). */
    static const uint8_t vp_len[4] = {[SS_TP_VP_NONE] = 0,
                                      [SS_TP_VP_ENHANCED] = 7,
                                      [SS_TP_VP_RELATIVE] = 1,
                                      [SS_TP_VP_ABSOLUTE] = 7};
    enum ss_result res;

    t->mti = SS_TP_SUBMIT;
    t->rd = o1 & 0x04;
    t->vpf = (enum ss_tp_vpf)(o1 >> 3 & 3);
    t->srr = o1 & 0x20;
    if (!ss_rd_u8(r, &t->mr))
        return SS_TRUNCATED;
    if ((res = tp_addr_read(r, &t->addr)) != SS_OK || (res = tp_pid_dcs_read(r, t)) != SS_OK)
        return res;
    if (!ss_rd_skip(r, vp_len[t->vpf]))
        return SS_TRUNCATED;
    return tp_ud_read(r, t);
}

static enum ss_result tp_deliver(struct ss_rd *r, uint8_t o1, struct ss_tpdu *t)
{
    /* TS 23.040 §9.2.2.1 SMS-DELIVER */
    const uint8_t *scts;
    enum ss_result res;

    t->mti = SS_TP_DELIVER;
    t->mms = o1 & 0x04;
    t->srr = o1 & 0x20;
    if ((res = tp_addr_read(r, &t->addr)) != SS_OK || (res = tp_pid_dcs_read(r, t)) != SS_OK)
        return res;
    if (!ss_rd_bytes(r, sizeof t->scts, &scts))
        return SS_TRUNCATED;
    memcpy(t->scts, scts, sizeof t->scts);
    return tp_ud_read(r, t);
}

/* memset(t, 0, sizeof *t) in three parts of at most 64 bytes: GCC
 * expands the whole one as rep stos, an instruction per 8 bytes (16) to
 * valgrind and slow to start on CPUs, and each part as a few vector
 * stores. */
static void tp_clear(struct ss_tpdu *t)
{
    _Static_assert(offsetof(struct ss_tpdu, pid) ==
                       offsetof(struct ss_tpdu, addr) + sizeof(struct ss_tp_addr),
                   "the three parts cover struct ss_tpdu");
    memset(t, 0, offsetof(struct ss_tpdu, addr));
    memset(&t->addr, 0, sizeof t->addr);
    memset(&t->pid, 0, sizeof *t - offsetof(struct ss_tpdu, pid));
}

enum ss_result ss_tpdu_decode(const uint8_t *p, size_t len, enum ss_tp_dir dir, struct ss_tpdu *out)
{
    /* TS 23.040 §9.2.3.1: TP-MTI reads by direction. */
    static const enum ss_tp_mti mti_ms_to_sc[4] = {SS_TP_DELIVER_REPORT, SS_TP_SUBMIT,
                                                   SS_TP_COMMAND, SS_TP_RESERVED};
    static const enum ss_tp_mti mti_sc_to_ms[4] = {SS_TP_DELIVER, SS_TP_SUBMIT_REPORT,
                                                   SS_TP_STATUS_REPORT, SS_TP_RESERVED};
    struct ss_rd r;
    uint8_t o1;

    tp_clear(out);
    ss_rd_init(&r, p, len);
    if (!ss_rd_u8(&r, &o1))
        return SS_TRUNCATED;
    out->mti = (dir == SS_TP_MS_TO_SC ? mti_ms_to_sc : mti_sc_to_ms)[o1 & 3];
    out->udhi = o1 & 0x40;
    out->rp = o1 & 0x80;
    switch (out->mti) {
    case SS_TP_SUBMIT:
        return tp_submit(&r, o1, out);
    case SS_TP_DELIVER:
        return tp_deliver(&r, o1, out);
    case SS_TP_STATUS_REPORT:
    case SS_TP_COMMAND:
        return SS_OK;
    case SS_TP_RESERVED:
        return SS_BAD_VALUE;
    default:
        return SS_NOT_INTERESTING; /* reports travel in RP-ACK, not forwardSM */
    }
}
