/* ASN.1 BER element reader (ITU-T X.690 §8.1). */
#include "dataplane/decode/ber.h"

#include "dataplane/decode/rd.h"

/* Tag numbers up to 28 bits are enough for every TCAP/MAP tag; longer
 * ones are refused rather than overflowing the 32-bit tag. */
#define BER_TAG_OCTETS_MAX 4
/* Frames are far below 4 GiB, so 4 length octets cover every real length. */
#define BER_LEN_OCTETS_MAX 4

/* X.690 §8.1.2: identifier octets, high-tag-number form when bits 5-1
 * are all ones, then base-128 octets with bit 8 set on all but the last. */
static enum ss_result ber_identifier(struct ss_rd *r, struct ss_ber *out)
{
    uint8_t b;

    if (!ss_rd_u8(r, &b))
        return SS_TRUNCATED;
    out->id = b;
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
static enum ss_result ber_length(struct ss_rd *r, bool *indefinite, size_t *n)
{
    uint8_t b;

    if (!ss_rd_u8(r, &b))
        return SS_TRUNCATED;
    *indefinite = b == 0x80;
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

/* The identifier and length octets of the element at p[0..len) (§8.1.2,
 * §8.1.3): *hdr their count, *n the definite contents length, which is
 * not checked against len here. */
static enum ss_result ber_header(const uint8_t *p, size_t len, struct ss_ber *out, bool *indefinite,
                                 size_t *hdr, size_t *n)
{
    struct ss_rd r;
    enum ss_result rc;

    ss_rd_init(&r, p, len);
    if ((rc = ber_identifier(&r, out)) != SS_OK || (rc = ber_length(&r, indefinite, n)) != SS_OK)
        return rc;
    *hdr = r.off;
    return SS_OK;
}

/* X.690 §8.1.5: indefinite contents run to the end-of-contents octets
 * (00 00) at this level, so the nested elements are walked to find them,
 * in one pass: a nested indefinite element is entered (open counts those
 * whose end-of-contents is still ahead) rather than read on its own. Its
 * contents end by len as ours do, so the pass makes the tests, and meets
 * the first error, that reading each nested element whole would. Each
 * nested indefinite element closed is recorded in m (when not NULL and
 * there is room): where its contents start and their length. */
static enum ss_result ber_indefinite_len(const uint8_t *p, size_t len, size_t *n,
                                         struct ss_ber_memo *m)
{
    size_t off = 0, start[SS_BER_MAX_DEPTH];
    unsigned open = 0;

    while (len - off >= 2) {
        uint8_t id = p[off], l = p[off + 1];
        /* A child with a low tag and a short length is skipped by its
         * header alone (the commonest case first: 00 00 is not one). */
        if (l < 0x80 && (id & 0x1f) != 0x1f && (id | l) != 0) {
            if (l > len - off - 2)
                return SS_TRUNCATED;
            off += 2 + (size_t)l;
            continue;
        }
        if ((id | l) == 0) {
            if (open == 0) {
                *n = off;
                return SS_OK;
            }
            open--;
            if (m && m->n < SS_BER_MEMO_MAX) {
                m->e[m->n].val = p + start[open];
                m->e[m->n].len = off - start[open];
                m->n++;
            }
            off += 2;
            continue;
        }
        size_t clen, hdr = ber_common_header(p + off, len - off);
        if (hdr) {
            clen = p[off + hdr - 1];
        } else {
            struct ss_ber child;
            bool indefinite;
            enum ss_result rc = ber_header(p + off, len - off, &child, &indefinite, &hdr, &clen);
            if (rc != SS_OK)
                return rc;
            if (indefinite) {
                /* §8.1.3.2 a: only constructed encodings may use it. */
                if (!ss_ber_constructed(&child))
                    return SS_BAD_LENGTH;
                if (open + 1 >= SS_BER_MAX_DEPTH)
                    return SS_TOO_DEEP;
                off += hdr;
                start[open++] = off;
                continue;
            }
        }
        if (clen > len - off - hdr)
            return SS_TRUNCATED;
        off += hdr + clen;
    }
    return SS_TRUNCATED;
}

static enum ss_result ber_read_general(const uint8_t *p, size_t len, struct ss_ber *out,
                                       struct ss_ber_memo *m)
{
    size_t hdr, n;
    bool indefinite;
    enum ss_result rc = ber_header(p, len, out, &indefinite, &hdr, &n);

    if (rc != SS_OK)
        return rc;
    out->val = p + hdr;
    if (!indefinite) {
        if (n > len - hdr)
            return SS_TRUNCATED;
        out->len = n;
        out->total = hdr + n;
        return SS_OK;
    }
    /* §8.1.3.2 a: only constructed encodings may use the indefinite form. */
    if (!ss_ber_constructed(out))
        return SS_BAD_LENGTH;
    rc = ber_indefinite_len(out->val, len - hdr, &n, m);
    if (rc != SS_OK)
        return rc;
    out->len = n;
    out->total = hdr + n + 2;
    return SS_OK;
}

enum ss_result ss_ber_read_record(const uint8_t *p, size_t len, struct ss_ber *out,
                                  struct ss_ber_memo *m)
{
    size_t hdr = ber_common_header(p, len);

    if (hdr == 0)
        return ber_read_general(p, len, out, m);
    size_t n = p[hdr - 1];
    out->id = p[0];
    out->tag = p[0] & 0x1f;
    out->val = p + hdr;
    if (n > len - hdr)
        return SS_TRUNCATED;
    out->len = n;
    out->total = hdr + n;
    return SS_OK;
}

enum ss_result ss_ber_read(const uint8_t *p, size_t len, struct ss_ber *out)
{
    return ss_ber_read_record(p, len, out, NULL);
}

/* The walk of contents starting at val depends on the octets from val
 * up to their end-of-contents only, once len leaves room for them, and
 * is never deeper than the walk that recorded them: it would find the
 * same length. The element must be constructed (§8.1.3.2 a), as the
 * general path checks before walking. */
enum ss_result ss_ber_read_known(const uint8_t *p, size_t len, struct ss_ber *out,
                                 const struct ss_ber_memo *m)
{
    if (m && len >= 4 && p[1] == 0x80 && (p[0] & 0x20) && (p[0] & 0x1f) != 0x1f) {
        for (unsigned i = 0; i < m->n; i++) {
            if (m->e[i].val != p + 2 || m->e[i].len > len - 4)
                continue;
            out->id = p[0];
            out->tag = p[0] & 0x1f;
            out->val = p + 2;
            out->len = m->e[i].len;
            out->total = m->e[i].len + 4;
            return SS_OK;
        }
    }
    return ss_ber_read_record(p, len, out, NULL);
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
