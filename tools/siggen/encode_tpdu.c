#include "encode_tpdu.h"

#include <string.h>
#include <time.h>
#include "bcd.h"
#include "sms_text.h"

#define UD_OCTETS_MAX 140 /* TS 23.040 §9.2.3.16 */
#define UTC8_QUARTERS 32  /* China Standard Time, TS 23.040 §9.2.3.11 */

size_t sg_tpdu_single_capacity(bool ucs2)
{
    return ucs2 ? UD_OCTETS_MAX / 2 : UD_OCTETS_MAX * 8 / 7;
}

static size_t udh_octets(const struct sg_concat *c)
{
    return c->total > 1 ? (c->ref16 ? 7u : 6u) : 0u;
}

size_t sg_tpdu_part_capacity(bool ucs2, bool ref16)
{
    struct sg_concat c = {.ref16 = ref16, .total = 2};
    size_t udh = udh_octets(&c);
    return ucs2 ? (UD_OCTETS_MAX - udh) / 2 : (UD_OCTETS_MAX * 8 - (udh * 8 + 6) / 7 * 7) / 7;
}

/* TS 23.040 §9.1.2.5: numeric digits, or GSM 7-bit packed text (TON 5). */
static void put_address(struct sg_buf *b, const char *addr, uint8_t toa)
{
    size_t n = strlen(addr);
    if (toa != SG_TOA_ALPHANUMERIC) {
        sg_buf_u8(b, (uint8_t)n);
        sg_buf_u8(b, toa);
        sg_bcd_put(b, addr, 0xf);
        return;
    }
    uint8_t septets[11], packed[11];
    for (size_t i = 0; i < n; i++)
        septets[i] = (uint8_t)sg_gsm7_septet((unsigned char)addr[i]);
    sg_gsm7_pack(septets, n, 0, packed);
    size_t octets = (n * 7 + 7) / 8;
    sg_buf_u8(b, (uint8_t)((n * 7 + 3) / 4)); /* useful semi-octets */
    sg_buf_u8(b, toa);
    sg_buf_put(b, packed, octets);
}

static uint8_t semi(int v)
{
    return (uint8_t)((v % 10) << 4 | (v / 10 % 10));
}

/* TS 23.040 §9.2.3.11: TP-SCTS, also the absolute TP-VP format. */
static void put_timestamp(struct sg_buf *b, int64_t t)
{
    time_t local = (time_t)(t + UTC8_QUARTERS * 15 * 60);
    struct tm tm;
    gmtime_r(&local, &tm);
    uint8_t ts[7] = {semi(tm.tm_year % 100), semi(tm.tm_mon + 1), semi(tm.tm_mday),
                     semi(tm.tm_hour),       semi(tm.tm_min),     semi(tm.tm_sec),
                     semi(UTC8_QUARTERS)};
    sg_buf_put(b, ts, sizeof ts);
}

/* TS 23.040 §9.2.3.12. */
static void put_validity(struct sg_buf *b, const struct sg_tpdu *t)
{
    if (t->vpf == SG_VPF_RELATIVE) {
        sg_buf_u8(b, t->vp_relative);
    } else if (t->vpf == SG_VPF_ABSOLUTE) {
        put_timestamp(b, t->time_sec + 86400);
    } else if (t->vpf == SG_VPF_ENHANCED) {
        /* §9.2.3.12.3 functionality indicator 3: relative HH MM SS in
         * semi-octets. Indicator 1 (one relative octet) is avoided because
         * Wireshark 4.0 then skips one octet instead of seven. */
        uint8_t vp[7] = {0x03, semi(t->vp_relative % 24), semi(t->vp_relative % 60), 0x00};
        sg_buf_put(b, vp, sizeof vp);
    }
}

/* TS 23.040 §9.2.3.24.1 / §9.2.3.24.8: concatenated short messages. */
static void put_udh(struct sg_buf *b, const struct sg_concat *c)
{
    if (c->ref16) {
        uint8_t h[7] = {6, 0x08, 4, (uint8_t)(c->ref >> 8), (uint8_t)c->ref, c->total, c->seq};
        sg_buf_put(b, h, sizeof h);
    } else {
        uint8_t h[6] = {5, 0x00, 3, (uint8_t)c->ref, c->total, c->seq};
        sg_buf_put(b, h, sizeof h);
    }
}

/* TS 23.040 §9.2.3.16 / §9.2.3.24: TP-UDL counts septets for GSM 7-bit,
 * including the header rounded up to a septet boundary (fill bits). */
static void put_user_data(struct sg_buf *b, const struct sg_tpdu *t)
{
    size_t udh = udh_octets(&t->concat);
    if (t->ucs2) {
        sg_buf_u8(b, (uint8_t)(udh + 2 * t->n_units));
        if (udh)
            put_udh(b, &t->concat);
        const uint16_t *u = t->units;
        for (size_t i = 0; i < t->n_units; i++)
            sg_buf_u16(b, u[i]);
        return;
    }
    size_t skip = (udh * 8 + 6) / 7, septets = skip + t->n_units;
    sg_buf_u8(b, (uint8_t)septets);
    size_t start = b->len, octets = (septets * 7 + 7) / 8;
    sg_buf_zero(b, octets);
    if (udh) {
        b->len = start;
        put_udh(b, &t->concat);
        b->len = start + octets;
    }
    sg_gsm7_pack(t->units, t->n_units, skip, b->p + start);
}

static void encode_submit(struct sg_buf *b, const struct sg_tpdu *t)
{
    uint8_t first = 0x01 | (uint8_t)(t->vpf << 3);
    first |= t->status_report ? 0x20 : 0;
    first |= t->concat.total > 1 ? 0x40 : 0;
    sg_buf_u8(b, first);
    sg_buf_u8(b, t->mr);
    put_address(b, t->addr, t->toa);
    sg_buf_u8(b, 0x00); /* TP-PID: plain short message */
    sg_buf_u8(b, t->dcs);
    put_validity(b, t);
    put_user_data(b, t);
}

static void encode_deliver(struct sg_buf *b, const struct sg_tpdu *t)
{
    uint8_t first = t->more_messages ? 0x00 : 0x04;
    first |= t->status_report ? 0x20 : 0;
    first |= t->concat.total > 1 ? 0x40 : 0;
    sg_buf_u8(b, first);
    put_address(b, t->addr, t->toa);
    sg_buf_u8(b, 0x00);
    sg_buf_u8(b, t->dcs);
    put_timestamp(b, t->time_sec);
    put_user_data(b, t);
}

void sg_tpdu_encode(struct sg_buf *out, const struct sg_tpdu *t)
{
    if (t->deliver)
        encode_deliver(out, t);
    else
        encode_submit(out, t);
}
