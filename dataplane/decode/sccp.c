/* SCCP connectionless messages and addresses (ITU-T Q.713). */
#include "dataplane/decode/sccp.h"

#include <string.h>

#include "dataplane/decode/rd.h"

/* Q.713 §3.1 end of optional parameters, §3.17 segmentation, §3.19
 * importance: the optional parameters sigsift checks. */
enum { SCCP_OPT_END = 0x00, SCCP_OPT_SEGMENTATION = 0x10, SCCP_OPT_IMPORTANCE = 0x12 };

/* The fixed part of each message type (Q.713 §4.10-4.21): whether it has a
 * hop counter, the pointer width (LUDT/LUDTS use 2 octets), whether the
 * fourth pointer to the optional part exists, and the width of the data
 * length field. */
struct sccp_layout {
    bool hop;
    uint8_t ptr_size;
    bool optional;
    uint8_t data_len_size;
};

static bool sccp_layout(uint8_t type, struct sccp_layout *l)
{
    switch (type) {
    case SS_SCCP_UDT:
    case SS_SCCP_UDTS:
        *l = (struct sccp_layout){false, 1, false, 1};
        return true;
    case SS_SCCP_XUDT:
    case SS_SCCP_XUDTS:
        *l = (struct sccp_layout){true, 1, true, 1};
        return true;
    case SS_SCCP_LUDT:
    case SS_SCCP_LUDTS:
        *l = (struct sccp_layout){true, 2, true, 2};
        return true;
    default:
        return false;
    }
}

/* Q.713 §2.3: a pointer counts octets from itself to the parameter it
 * points at. LUDT pointers are 2 octets, LSB first (§4.20), and count from
 * their most significant octet, the second one sent; Wireshark reads them
 * the same way. Returns the parameter's offset, 0 for a zero pointer. */
static enum ss_result sccp_pointer(struct ss_rd *r, uint8_t size, size_t msg_len, size_t *at)
{
    size_t here = r->off + size - 1;
    uint8_t lo, hi = 0;

    if (!ss_rd_u8(r, &lo) || (size == 2 && !ss_rd_u8(r, &hi)))
        return SS_TRUNCATED;
    size_t ptr = (size_t)hi << 8 | lo;
    *at = ptr ? here + ptr : 0;
    if (ptr && *at >= msg_len)
        return SS_BAD_LENGTH;
    return SS_OK;
}

static bool sccp_into_fixed(size_t at, size_t fixed_len)
{
    return at != 0 && at < fixed_len;
}

/* A mandatory variable parameter: length (1 or 2 octets, LSB first) and
 * contents, which must fit in the message. */
static enum ss_result sccp_variable(const uint8_t *p, size_t len, size_t at, uint8_t len_size,
                                    const uint8_t **v, size_t *n)
{
    struct ss_rd r;
    uint8_t lo, hi = 0;

    if (at == 0)
        return SS_BAD_VALUE;
    ss_rd_init(&r, p, len);
    if (!ss_rd_skip(&r, at) || !ss_rd_u8(&r, &lo) || (len_size == 2 && !ss_rd_u8(&r, &hi)))
        return SS_TRUNCATED;
    *n = (size_t)hi << 8 | lo;
    if (!ss_rd_bytes(&r, *n, v))
        return SS_BAD_LENGTH;
    return SS_OK;
}

/* Q.713 §3.17: F bit, C bit (class 1), remaining segments, local reference
 * (3 octets, LSB first as every SCCP integer). */
static enum ss_result sccp_segmentation(const uint8_t *v, size_t n, struct ss_sccp_seg *seg)
{
    if (n != 4)
        return SS_BAD_LENGTH;
    seg->first = (v[0] & 0x80) != 0;
    seg->in_seq = (v[0] & 0x40) != 0;
    seg->remaining = v[0] & 0x0f;
    seg->local_ref = (uint32_t)v[1] | (uint32_t)v[2] << 8 | (uint32_t)v[3] << 16;
    return SS_OK;
}

/* Q.713 §2.4: optional parameters, each name + length + value, ended by
 * the end-of-optional-parameters octet. */
static enum ss_result sccp_optional(const uint8_t *p, size_t len, size_t at, struct ss_sccp *out)
{
    struct ss_rd r;

    ss_rd_init(&r, p, len);
    if (!ss_rd_skip(&r, at))
        return SS_TRUNCATED;
    for (;;) {
        uint8_t name, n;
        const uint8_t *v;
        enum ss_result rc = SS_OK;

        if (!ss_rd_u8(&r, &name))
            return SS_TRUNCATED;
        if (name == SCCP_OPT_END)
            return SS_OK;
        if (!ss_rd_u8(&r, &n))
            return SS_TRUNCATED;
        if (!ss_rd_bytes(&r, n, &v))
            return SS_BAD_LENGTH;
        if (name == SCCP_OPT_SEGMENTATION) {
            rc = sccp_segmentation(v, n, &out->seg);
            out->has_seg = rc == SS_OK;
        } else if (name == SCCP_OPT_IMPORTANCE && n != 1) {
            rc = SS_BAD_LENGTH;
        }
        if (rc != SS_OK)
            return rc;
    }
}

static bool sccp_addr_common(const uint8_t *p, size_t len, struct ss_sccp_addr *out);

/* The offset the pointer at p[o] aims at, 0 for a zero pointer: as
 * sccp_pointer reads it. */
static size_t sccp_aim(const uint8_t *p, size_t o, uint8_t size)
{
    size_t ptr = size == 2 ? (size_t)p[o] | (size_t)p[o + 1] << 8 : p[o];

    return ptr ? o + size - 1 + ptr : 0;
}

/* A mandatory parameter that sccp_pointer, sccp_into_fixed and
 * sccp_variable accept: at or past the end of the fixed part, its length
 * (len_size octets, LSB first) and contents inside the message. */
static bool sccp_param_common(const uint8_t *p, size_t len, size_t fixed, size_t at,
                              uint8_t len_size, const uint8_t **v, size_t *n)
{
    if (at < fixed || at > len || len - at < len_size)
        return false;
    *n = len_size == 2 ? (size_t)p[at] | (size_t)p[at + 1] << 8 : p[at];
    *v = p + at + len_size;
    return *n <= len - at - len_size;
}

/* UDT, XUDT or LUDT whose parties both have the common address form: the
 * shape of nearly every MAP message. Every pointer, length and address is
 * checked as the general walk checks it; any other shape or any error
 * declines, and the general walk decodes the message and names the error.
 * Sets every field of *out without a memset first (the memset took 20 of
 * the ~270 instructions a message cost before this path) and leaves the
 * optional part, at *opt_at, to sccp_optional. Inlined once per type so
 * that the layout is constant. */
static inline __attribute__((always_inline)) bool
sccp_common_as(uint8_t type, const uint8_t *p, size_t len, struct ss_sccp *out, size_t *opt_at)
{
    struct sccp_layout l;
    const uint8_t *v;
    size_t n;

    (void)sccp_layout(type, &l);
    size_t ptrs = 2u + l.hop, fixed = ptrs + l.ptr_size * (3u + l.optional);
    if (len < fixed)
        return false;
    *opt_at = l.optional ? sccp_aim(p, ptrs + 3u * l.ptr_size, l.ptr_size) : 0;
    if (*opt_at && (*opt_at < fixed || *opt_at >= len))
        return false;
    if (!sccp_param_common(p, len, fixed, sccp_aim(p, ptrs, l.ptr_size), 1, &v, &n) ||
        !sccp_addr_common(v, n, &out->called) ||
        !sccp_param_common(p, len, fixed, sccp_aim(p, ptrs + l.ptr_size, l.ptr_size), 1, &v, &n) ||
        !sccp_addr_common(v, n, &out->calling) ||
        !sccp_param_common(p, len, fixed, sccp_aim(p, ptrs + 2u * l.ptr_size, l.ptr_size),
                           l.data_len_size, &out->data, &out->len))
        return false;
    out->type = type;
    out->pclass = p[1] & 0x0f;
    out->hop = l.hop ? p[2] : 0;
    out->has_seg = false;
    out->seg = (struct ss_sccp_seg){0};
    return true;
}

/* sccp_common_as for the three data-carrying types; the service types
 * (UDTS, XUDTS, LUDTS) are rare and take the general walk. */
static bool sccp_common(const uint8_t *p, size_t len, struct ss_sccp *out, size_t *opt_at)
{
    if (len < 2)
        return false;
    switch (p[0]) {
    case SS_SCCP_UDT:
        return sccp_common_as(SS_SCCP_UDT, p, len, out, opt_at);
    case SS_SCCP_XUDT:
        return sccp_common_as(SS_SCCP_XUDT, p, len, out, opt_at);
    case SS_SCCP_LUDT:
        return sccp_common_as(SS_SCCP_LUDT, p, len, out, opt_at);
    default:
        return false;
    }
}

static enum ss_result sccp_party(const uint8_t *p, size_t len, size_t at, struct ss_sccp_addr *a)
{
    const uint8_t *v;
    size_t n;
    enum ss_result rc = sccp_variable(p, len, at, 1, &v, &n);

    return rc == SS_OK ? ss_sccp_addr_decode(v, n, a) : rc;
}

/* Q.713 §4.10 (UDT), §4.11 (UDTS), §4.18 (XUDT), §4.19 (XUDTS),
 * §4.20 (LUDT), §4.21 (LUDTS). */
enum ss_result ss_sccp_decode(const uint8_t *p, size_t len, struct ss_sccp *out)
{
    struct sccp_layout l;
    struct ss_rd r;
    size_t called_at, calling_at, data_at, opt_at;
    enum ss_result rc;

    if (sccp_common(p, len, out, &opt_at))
        return opt_at ? sccp_optional(p, len, opt_at, out) : SS_OK;
    opt_at = 0;
    memset(out, 0, sizeof(*out));
    ss_rd_init(&r, p, len);
    if (!ss_rd_u8(&r, &out->type) || !ss_rd_u8(&r, &out->pclass))
        return SS_TRUNCATED;
    if (!sccp_layout(out->type, &l))
        return SS_UNSUPPORTED;
    /* §3.6: bits 4-1 are the class, bits 8-5 the message handling; the
     * service messages carry a return cause (§3.12) there instead. */
    if (out->type == SS_SCCP_UDT || out->type == SS_SCCP_XUDT || out->type == SS_SCCP_LUDT)
        out->pclass &= 0x0f;
    if (l.hop && !ss_rd_u8(&r, &out->hop))
        return SS_TRUNCATED;
    if ((rc = sccp_pointer(&r, l.ptr_size, len, &called_at)) != SS_OK ||
        (rc = sccp_pointer(&r, l.ptr_size, len, &calling_at)) != SS_OK ||
        (rc = sccp_pointer(&r, l.ptr_size, len, &data_at)) != SS_OK ||
        (l.optional && (rc = sccp_pointer(&r, l.ptr_size, len, &opt_at)) != SS_OK))
        return rc;
    /* §2.3: parameters follow the pointers; one aimed back into the
     * fixed part would read pointers as lengths. */
    if (sccp_into_fixed(called_at, r.off) || sccp_into_fixed(calling_at, r.off) ||
        sccp_into_fixed(data_at, r.off) || sccp_into_fixed(opt_at, r.off))
        return SS_BAD_VALUE;
    if ((rc = sccp_party(p, len, called_at, &out->called)) != SS_OK ||
        (rc = sccp_party(p, len, calling_at, &out->calling)) != SS_OK ||
        (rc = sccp_variable(p, len, data_at, l.data_len_size, &out->data, &out->len)) != SS_OK)
        return rc;
    return opt_at ? sccp_optional(p, len, opt_at, out) : SS_OK;
}

/* Q.713 §3.4.2.3: the global title header before the digits, by GTI:
 * 1 odd/even + NAI; 2 TT; 3 TT + NP/ES; 4 TT + NP/ES + NAI. Sets *odd
 * and *bcd from the odd/even indicator or the encoding scheme. */
static enum ss_result sccp_gt_header(struct ss_rd *r, struct ss_sccp_addr *a, bool *odd, bool *bcd)
{
    uint8_t b;

    *odd = false;
    *bcd = true;
    if (a->gti == 1) {
        if (!ss_rd_u8(r, &b))
            return SS_TRUNCATED;
        *odd = (b & 0x80) != 0;
        a->nai = b & 0x7f;
        return SS_OK;
    }
    if (!ss_rd_u8(r, &a->tt))
        return SS_TRUNCATED;
    if (a->gti == 2)
        return SS_OK;
    if (!ss_rd_u8(r, &b))
        return SS_TRUNCATED;
    a->np = b >> 4;
    a->es = b & 0x0f;
    /* §3.4.2.3: ES 1 = BCD odd, 2 = BCD even; others are not BCD. */
    *odd = a->es == 1;
    *bcd = a->es == 1 || a->es == 2;
    if (a->gti == 4) {
        if (!ss_rd_u8(r, &b))
            return SS_TRUNCATED;
        a->nai = b & 0x7f;
    }
    return SS_OK;
}

static enum ss_result sccp_gt(struct ss_rd *r, struct ss_sccp_addr *a)
{
    bool odd, bcd;
    enum ss_result rc;

    if (a->gti > 4)
        return SS_UNSUPPORTED;
    if (a->gti == 0)
        return SS_OK;
    rc = sccp_gt_header(r, a, &odd, &bcd);
    if (rc != SS_OK)
        return rc;
    size_t n = ss_rd_left(r);
    if (odd && n == 0)
        return SS_BAD_LENGTH;
    /* Non-BCD encodings (national, spare) leave the digits empty. */
    if (!bcd)
        return SS_OK;
    a->gt = ss_rd_cur(r);
    a->gt_len = n;
    a->gt_odd = odd;
    /* Only a GT whose octets hold more than SS_DIGITS_MAX digits can be
     * refused; it is converted now to find out (a filler may end it). */
    if (2 * n > SS_DIGITS_MAX) {
        char digits[SS_DIGITS_MAX + 1];
        return ss_bcd_decode(a->gt, n, 2 * n - (odd ? 1 : 0), digits);
    }
    return SS_OK;
}

void ss_sccp_gt_digits(const struct ss_sccp_addr *a, char out[SS_DIGITS_MAX + 1])
{
    out[0] = '\0';
    /* Never SS_OVERSIZE: ss_sccp_addr_decode refused such a GT. */
    if (a->gt_len)
        (void)ss_bcd_decode(a->gt, a->gt_len, 2 * a->gt_len - (a->gt_odd ? 1 : 0), out);
}

/* The form nearly every MAP message carries (Q.713 §3.4.1): route on GT,
 * GTI 4, SSN, no point code (indicator 0x12), BCD digits that fit
 * SS_DIGITS_MAX. Matched octet by octet with the tests sccp_gt makes, so
 * it reads the same fields or declines and the general walk reads them.
 * Writes the whole address at once: no memset first. */
static bool sccp_addr_common(const uint8_t *p, size_t len, struct ss_sccp_addr *out)
{
    uint8_t es;

    if (len < 6 || len - 5 > SS_DIGITS_MAX / 2 || p[0] != 0x12)
        return false;
    es = p[3] & 0x0f;
    if (es != 1 && es != 2)
        return false;
    *out = (struct ss_sccp_addr){
        .gti = 4,
        .has_ssn = true,
        .ssn = p[1],
        .tt = p[2],
        .np = p[3] >> 4,
        .es = es,
        .nai = p[4] & 0x7f,
        .gt = p + 5,
        .gt_len = len - 5,
        .gt_odd = es == 1,
    };
    return true;
}

/* Q.713 §3.4: address indicator, then point code, SSN and global title in
 * that order, each present as the indicator says. A national address
 * (bit 8) is still read with the ITU layout. */
enum ss_result ss_sccp_addr_decode(const uint8_t *p, size_t len, struct ss_sccp_addr *out)
{
    struct ss_rd r;
    uint8_t ai;

    if (sccp_addr_common(p, len, out))
        return SS_OK;
    memset(out, 0, sizeof(*out));
    ss_rd_init(&r, p, len);
    if (!ss_rd_u8(&r, &ai))
        return SS_TRUNCATED;
    out->has_pc = (ai & 0x01) != 0;
    out->has_ssn = (ai & 0x02) != 0;
    out->gti = (ai >> 2) & 0x0f;
    out->ri = (ai >> 6) & 0x01;
    if (out->has_pc) {
        uint8_t lo, hi;
        if (!ss_rd_u8(&r, &lo) || !ss_rd_u8(&r, &hi))
            return SS_TRUNCATED;
        out->pc = (uint16_t)((hi & 0x3f) << 8 | lo);
    }
    if (out->has_ssn && !ss_rd_u8(&r, &out->ssn))
        return SS_TRUNCATED;
    return sccp_gt(&r, out);
}
