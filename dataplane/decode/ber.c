/* ASN.1 BER element reader (ITU-T X.690 §8.1). */
#include "dataplane/decode/ber.h"

#include "dataplane/decode/rd.h"

/* Tag numbers up to 28 bits are enough for every TCAP/MAP tag; longer
 * ones are refused rather than overflowing the 32-bit tag. */
#define BER_TAG_OCTETS_MAX 4
/* Frames are far below 4 GiB, so 4 length octets cover every real length. */
#define BER_LEN_OCTETS_MAX 4

static enum ss_result ber_read_at(const uint8_t *p, size_t len, unsigned depth, struct ss_ber *out);

/* X.690 §8.1.2: identifier octets, high-tag-number form when bits 5-1
 * are all ones, then base-128 octets with bit 8 set on all but the last. */
static enum ss_result ber_identifier(struct ss_rd *r, struct ss_ber *out)
{
    uint8_t b;

    if (!ss_rd_u8(r, &b))
        return SS_TRUNCATED;
    out->id = b;
    out->cls = b >> 6;
    out->constructed = (b & 0x20) != 0;
    out->tag = b & 0x1f;
    if (out->tag != 0x1f)
        return SS_OK;
    out->tag = 0;
    for (unsigned i = 0; i < BER_TAG_OCTETS_MAX; i++) {
        if (!ss_rd_u8(r, &b))
            return SS_TRUNCATED;
        out->tag = out->tag << 7 | (b & 0x7f);
        if (!(b & 0x80))
            return SS_OK;
    }
    return SS_BAD_TAG;
}

/* X.690 §8.1.3: short form, long form (0x81..0x84 here), 0x80 indefinite,
 * 0xff reserved (§8.1.3.5 c). */
static enum ss_result ber_length(struct ss_rd *r, struct ss_ber *out, size_t *n)
{
    uint8_t b;

    if (!ss_rd_u8(r, &b))
        return SS_TRUNCATED;
    out->indefinite = b == 0x80;
    *n = b;
    if (b <= 0x80)
        return SS_OK;
    if (b == 0xff)
        return SS_BAD_LENGTH;
    if ((b & 0x7f) > BER_LEN_OCTETS_MAX)
        return SS_UNSUPPORTED;
    *n = 0;
    for (unsigned i = 0; i < (b & 0x7fu); i++) {
        uint8_t o;
        if (!ss_rd_u8(r, &o))
            return SS_TRUNCATED;
        *n = *n << 8 | o;
    }
    return SS_OK;
}

/* Nearly every TCAP/MAP element has a low tag number (§8.1.2.2) and a
 * short definite length (§8.1.3.4), or one long-form length octet (0x81,
 * §8.1.3.5: the TCAP message, the component and SM-RP-UI of any long
 * text): the header length for those, read here directly with the same
 * checks and results as the general path; 0 for every other form. */
static size_t ber_common_header(const uint8_t *p, size_t len)
{
    if (len < 2 || (p[0] & 0x1f) == 0x1f)
        return 0;
    if (p[1] < 0x80)
        return 2;
    return p[1] == 0x81 && len >= 3 ? 3 : 0;
}

/* X.690 §8.1.5: indefinite contents run to the end-of-contents octets
 * (00 00) at this level, so the nested elements are walked to find them. */
static enum ss_result ber_indefinite_len(const uint8_t *p, size_t len, unsigned depth, size_t *n)
{
    size_t off = 0;

    while (len - off >= 2) {
        if (p[off] == 0 && p[off + 1] == 0) {
            *n = off;
            return SS_OK;
        }
        /* A child in the common form is skipped by its header alone;
         * only the others (nested indefinite ones) are read whole. */
        size_t hdr = ber_common_header(p + off, len - off);
        if (hdr) {
            size_t clen = p[off + hdr - 1];
            if (clen > len - off - hdr)
                return SS_TRUNCATED;
            off += hdr + clen;
            continue;
        }
        struct ss_ber child;
        enum ss_result rc = ber_read_at(p + off, len - off, depth + 1, &child);
        if (rc != SS_OK)
            return rc;
        off += child.total;
    }
    return SS_TRUNCATED;
}

static enum ss_result ber_read_at(const uint8_t *p, size_t len, unsigned depth, struct ss_ber *out)
{
    struct ss_rd r;
    size_t n;
    enum ss_result rc;

    ss_rd_init(&r, p, len);
    rc = ber_identifier(&r, out);
    if (rc != SS_OK)
        return rc;
    rc = ber_length(&r, out, &n);
    if (rc != SS_OK)
        return rc;
    out->val = ss_rd_cur(&r);
    if (!out->indefinite) {
        if (n > ss_rd_left(&r))
            return SS_TRUNCATED;
        out->len = n;
        out->total = r.off + n;
        return SS_OK;
    }
    /* §8.1.3.2 a: only constructed encodings may use the indefinite form. */
    if (!out->constructed)
        return SS_BAD_LENGTH;
    if (depth >= SS_BER_MAX_DEPTH)
        return SS_TOO_DEEP;
    rc = ber_indefinite_len(out->val, ss_rd_left(&r), depth, &n);
    if (rc != SS_OK)
        return rc;
    out->len = n;
    out->total = r.off + n + 2;
    return SS_OK;
}

enum ss_result ss_ber_read(const uint8_t *p, size_t len, struct ss_ber *out)
{
    size_t hdr = ber_common_header(p, len);

    if (hdr == 0)
        return ber_read_at(p, len, 0, out);
    size_t n = p[hdr - 1];
    out->id = p[0];
    out->cls = p[0] >> 6;
    out->constructed = (p[0] & 0x20) != 0;
    out->tag = p[0] & 0x1f;
    out->indefinite = false;
    out->val = p + hdr;
    if (n > len - hdr)
        return SS_TRUNCATED;
    out->len = n;
    out->total = hdr + n;
    return SS_OK;
}

/* X.690 §8.3: two's complement, most significant octet first. */
enum ss_result ss_ber_int(const struct ss_ber *e, int32_t *v)
{
    if (e->len < 1 || e->len > 4)
        return SS_BAD_LENGTH;
    uint32_t u = e->val[0] & 0x80 ? UINT32_MAX : 0;
    for (size_t i = 0; i < e->len; i++)
        u = u << 8 | e->val[i];
    *v = (int32_t)u;
    return SS_OK;
}
