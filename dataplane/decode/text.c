#include "dataplane/decode/text.h"

static enum ss_result text_gsm7(const struct ss_tpdu *t, char *out, size_t cap, size_t *out_len,
                                unsigned *bad)
{
    /* TS 23.040 §9.2.3.24: with a UDH the septets start on the next septet
     * boundary, so (7 - udh_bits % 7) % 7 fill bits follow the header and
     * the header counts ceil(udh_bits / 7) septets of TP-UDL. */
    size_t udh_bits = t->udh_len * 8;
    size_t udh_sept = (udh_bits + 6) / 7;
    size_t fill = udh_sept * 7 - udh_bits; /* the same, one division fewer */

    if (udh_sept > t->udl || t->udh_len > t->ud_len)
        return SS_BAD_LENGTH;
    size_t nsept = t->udl - udh_sept;
    if (nsept > SS_GSM7_PART_SEPTETS)
        return SS_BAD_LENGTH;
    return ss_gsm7_packed_to_utf8(t->ud + t->udh_len, t->ud_len - t->udh_len, fill, nsept, out,
                                  cap, out_len, bad);
}

enum ss_result ss_text_decode(const struct ss_tpdu *t, char *out, size_t cap, size_t *out_len,
                              unsigned *bad)
{
    enum ss_result r;

    *out_len = 0;
    *bad = 0;
    if (cap > 0)
        out[0] = '\0';
    if (t->dcs_info.compressed || t->dcs_info.alphabet == SS_ALPHA_8BIT)
        return SS_UNSUPPORTED;
    if (t->dcs_info.alphabet == SS_ALPHA_UCS2) {
        if (t->udh_len > t->ud_len)
            return SS_BAD_LENGTH;
        return ss_ucs2_to_utf8(t->ud + t->udh_len, t->ud_len - t->udh_len, out, cap, out_len, bad);
    }
    r = text_gsm7(t, out, cap, out_len, bad);
    /* National language shift tables (TS 23.038 §6.2.1.2.4, UDH IEI 0x24 /
     * 0x25) are not implemented: the text is decoded with the default
     * tables, as tshark 4.0 does, and each shifted part adds one to *bad
     * so that the caller's text counter shows how many were affected. */
    if (r == SS_OK && (t->udh.lang_single != 0 || t->udh.lang_locking != 0))
        (*bad)++;
    return r;
}
