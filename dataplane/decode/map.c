#include <stddef.h>
#include <string.h>

#include "dataplane/decode/ber.h"
#include "dataplane/decode/map.h"

/* TS 29.002 §17.7.8: AddressString SIZE (1..maxAddressLength = 20), IMSI
 * TBCD-STRING SIZE (3..8), LMSI OCTET STRING SIZE (4); §17.7.6 SignalInfo
 * SIZE (1..maxSignalInfoLength = 200). */
#define MAP_ADDR_MAX 20
#define MAP_IMSI_MIN 3
#define MAP_IMSI_MAX 8
#define MAP_LMSI_LEN 4
#define MAP_UI_MAX   200
/* SM-RP-DA, SM-RP-OA, SM-RP-UI. */
#define MAP_SM_MANDATORY 3

enum {
    TAG_DA_IMSI = 0x80,
    TAG_DA_LMSI = 0x81,
    TAG_OA_MSISDN = 0x82,
    TAG_SC_ADDRESS = 0x84,
    TAG_NO_ADDRESS = 0x85,
    TAG_OCTET_STRING = 0x04,
    TAG_NULL = 0x05,
    TAG_SEQUENCE = 0x30,
};

static enum ss_result map_imsi(const struct ss_ber *e, char out[SS_DIGITS_MAX + 1])
{
    if (e->len < MAP_IMSI_MIN || e->len > MAP_IMSI_MAX)
        return SS_BAD_LENGTH;
    return ss_bcd_decode(e->val, e->len, SS_DIGITS_MAX, out);
}

static enum ss_result map_address_string(const struct ss_ber *e, struct ss_map_addr *a)
{
    /* First octet: extension, nature of address, numbering plan. */
    if (e->len < 1 || e->len > MAP_ADDR_MAX)
        return SS_BAD_LENGTH;
    a->ton_npi = e->val[0];
    return ss_bcd_decode(e->val + 1, e->len - 1, SS_DIGITS_MAX, a->digits);
}

static enum ss_result map_lmsi(const struct ss_ber *e, struct ss_map_addr *a)
{
    static const char hex[] = "0123456789abcdef";

    if (e->len != MAP_LMSI_LEN)
        return SS_BAD_LENGTH;
    for (size_t i = 0; i < MAP_LMSI_LEN; i++) {
        a->digits[2 * i] = hex[e->val[i] >> 4];
        a->digits[2 * i + 1] = hex[e->val[i] & 0x0f];
    }
    a->digits[2 * MAP_LMSI_LEN] = '\0';
    return SS_OK;
}

/* One SM-RP-DA or SM-RP-OA CHOICE alternative; is_da picks which tags are
 * allowed (TS 29.002 §7.6.8.1, .2). Inlined: out of line it cost about
 * 0.7 M instructions more on 22,831 parts. */
static inline __attribute__((always_inline)) enum ss_result
map_sm_rp_addr(const struct ss_ber *e, bool is_da, struct ss_map_addr *a)
{
    switch (e->id) {
    case TAG_DA_IMSI:
        if (!is_da)
            return SS_BAD_TAG;
        a->kind = SS_MAP_ADDR_IMSI;
        return map_imsi(e, a->digits);
    case TAG_DA_LMSI:
        if (!is_da)
            return SS_BAD_TAG;
        a->kind = SS_MAP_ADDR_LMSI;
        return map_lmsi(e, a);
    case TAG_OA_MSISDN:
        if (is_da)
            return SS_BAD_TAG;
        a->kind = SS_MAP_ADDR_MSISDN;
        return map_address_string(e, a);
    case TAG_SC_ADDRESS:
        a->kind = SS_MAP_ADDR_SC;
        return map_address_string(e, a);
    case TAG_NO_ADDRESS:
        a->kind = SS_MAP_ADDR_ABSENT;
        return e->len == 0 ? SS_OK : SS_BAD_LENGTH;
    default:
        return SS_BAD_TAG;
    }
}

/* SM-RP-UI: the TPDU (TS 29.002 §7.6.8.4, SignalInfo). */
static enum ss_result map_sm_rp_ui(const struct ss_ber *e, struct ss_map_sm *out)
{
    if (e->id != TAG_OCTET_STRING)
        return SS_BAD_TAG;
    if (e->len < 1 || e->len > MAP_UI_MAX)
        return SS_BAD_LENGTH;
    out->ui = e->val;
    out->ui_len = e->len;
    return SS_OK;
}

/* The optional fields after SM-RP-UI: moreMessagesToSend (v2 ForwardSM-Arg,
 * MT-ForwardSM-Arg), extensionContainer, and the imsi of MO-ForwardSM-Arg
 * v3 after the extension marker. Unknown extensions are skipped. */
static enum ss_result map_sm_optional(const struct ss_ber *e, struct ss_map_sm *out)
{
    switch (e->id) {
    case TAG_NULL:
        if (e->len != 0)
            return SS_BAD_LENGTH;
        out->more_messages = true;
        return SS_OK;
    case TAG_OCTET_STRING:
        out->has_imsi = true;
        return map_imsi(e, out->imsi);
    default:
        return SS_OK;
    }
}

/* Field i of the argument: SM-RP-DA, SM-RP-OA, SM-RP-UI, then the
 * optional ones. */
static enum ss_result map_sm_field(unsigned i, const struct ss_ber *e, struct ss_map_sm *out)
{
    switch (i) {
    case 0:
        return map_sm_rp_addr(e, true, &out->da);
    case 1:
        return map_sm_rp_addr(e, false, &out->oa);
    case 2:
        return map_sm_rp_ui(e, out);
    default:
        return map_sm_optional(e, out);
    }
}

/* The argument in indefinite form (TCAP peers that use it for the
 * component use it here too) with every field of a low tag number and a
 * definite length, short or 0x81: the fields are decoded as the contents
 * are walked to their end-of-contents, rather than walked once to find it
 * and again to decode them. The general walk skips such fields by the
 * same tests and ends at the same end-of-contents, and the general loop
 * then reads the same fields from the same octets; so when this reaches
 * the end-of-contents after SM-RP-UI with every field accepted, the
 * general path would have accepted the same fields: true. False for any
 * other shape or any error (the fields are then partly set), which the
 * general path decodes over again to report it as it would. */
static bool map_sm_indefinite(const uint8_t *param, size_t len, struct ss_map_sm *out)
{
    const uint8_t *p = param + 2;
    size_t left = len - 2;

    if (param[0] != TAG_SEQUENCE)
        return false;
    for (unsigned i = 0;; i++) {
        size_t n, hdr;
        if (left < 2)
            return false;
        if ((p[0] | p[1]) == 0)
            return i >= MAP_SM_MANDATORY;
        if (!(hdr = ss_ber_header(p, left, &n)))
            return false;
        struct ss_ber e = {
            .val = p + hdr, .len = n, .total = hdr + n, .tag = p[0] & 0x1fu, .id = p[0]};
        if (map_sm_field(i, &e, out) != SS_OK)
            return false;
        p += e.total;
        left -= e.total;
    }
}

/* memset(out, 0, sizeof *out) member by member: GCC expands a memset of
 * the whole struct as rep stos, which valgrind counts an instruction per
 * 8 bytes (20) and CPUs start slowly, where each member here is a few
 * vector or scalar stores. */
static void map_sm_clear(struct ss_map_sm *out)
{
    /* Every member of struct ss_map_sm (map.h), imsi the last. */
    _Static_assert(sizeof(struct ss_map_sm) - offsetof(struct ss_map_sm, imsi) - sizeof(out->imsi) <
                       _Alignof(struct ss_map_sm),
                   "map_sm_clear clears every member");
    out->da = (struct ss_map_addr){0};
    out->oa = (struct ss_map_addr){0};
    out->ui = NULL;
    out->ui_len = 0;
    out->more_messages = false;
    out->has_imsi = false;
    memset(out->imsi, 0, sizeof out->imsi);
}

enum ss_result ss_map_sm_decode(const uint8_t *param, size_t len, struct ss_map_sm *out)
{
    /* TS 29.002 §17.7.5 ForwardSM-Arg / MO-ForwardSM-Arg / MT-ForwardSM-Arg:
     * SEQUENCE { sm-RP-DA, sm-RP-OA, sm-RP-UI, optional fields }. */
    struct ss_ber seq, e;
    enum ss_result r;

    map_sm_clear(out);
    if (!ss_ber_short(param, len, &seq)) {
        if (len >= 2 && param[1] == 0x80) {
            if (map_sm_indefinite(param, len, out))
                return SS_OK;
            map_sm_clear(out);
        }
        if ((r = ss_ber_read(param, len, &seq)) != SS_OK)
            return r;
    }
    if (seq.id != TAG_SEQUENCE)
        return SS_BAD_TAG;
    /* One loop over the fields, so that the element reader is inlined
     * once: each is read and checked before the next is read. */
    const uint8_t *p = seq.val;
    size_t left = seq.len;
    for (unsigned i = 0; i < MAP_SM_MANDATORY || left > 0; i++) {
        if (left == 0)
            return SS_TRUNCATED;
        if ((r = ss_ber_read_short(p, left, &e)) != SS_OK ||
            (r = map_sm_field(i, &e, out)) != SS_OK)
            return r;
        p += e.total;
        left -= e.total;
    }
    return SS_OK;
}
