#include "encode_map.h"

#include "bcd.h"
#include "ber.h"

/* TS 29.002 §17.7.8 AddressString: nature of address international, E.164. */
static void put_address_string(struct sg_buf *b, uint8_t tag, const char *digits)
{
    struct sg_ber_mark m = sg_ber_open(b, tag, false);
    sg_buf_u8(b, 0x91);
    sg_bcd_put(b, digits, 0xf);
    sg_ber_close(b, m);
}

static void put_tbcd(struct sg_buf *b, uint8_t tag, const char *digits)
{
    struct sg_ber_mark m = sg_ber_open(b, tag, false);
    sg_bcd_put(b, digits, 0xf);
    sg_ber_close(b, m);
}

/* SM-RP-DA: imsi [0], serviceCentreAddressDA [4];
 * SM-RP-OA: msisdn [2], serviceCentreAddressOA [4] (TS 29.002 §17.7.6). */
void sg_map_forward_sm_arg(struct sg_buf *out, const struct sg_forward_sm *a)
{
    struct sg_ber_mark seq = sg_ber_open(out, 0x30, a->indefinite);
    if (a->mt) {
        put_tbcd(out, 0x80, a->imsi);
        put_address_string(out, 0x84, a->smsc);
    } else {
        put_address_string(out, 0x84, a->smsc);
        put_address_string(out, 0x82, a->msisdn);
    }
    sg_ber_prim(out, 0x04, a->tpdu, a->tpdu_len);
    if (a->mt && a->more_messages)
        sg_ber_prim(out, 0x05, NULL, 0);
    sg_ber_close(out, seq);
}

void sg_map_sri_sm_arg(struct sg_buf *out, const char *msisdn, const char *smsc)
{
    static const uint8_t priority = 0xff;
    struct sg_ber_mark seq = sg_ber_open(out, 0x30, false);
    put_address_string(out, 0x80, msisdn);
    sg_ber_prim(out, 0x81, &priority, 1);
    put_address_string(out, 0x82, smsc);
    sg_ber_close(out, seq);
}

void sg_map_sri_sm_res(struct sg_buf *out, const char *imsi, const char *msc)
{
    struct sg_ber_mark seq = sg_ber_open(out, 0x30, false);
    put_tbcd(out, 0x04, imsi);
    struct sg_ber_mark loc = sg_ber_open(out, 0xa0, false);
    put_address_string(out, 0x81, msc);
    sg_ber_close(out, loc);
    sg_ber_close(out, seq);
}
