/* TCAP messages, dialogue portion and components (ITU-T Q.773). */
#include "dataplane/decode/tcap.h"

#include <stddef.h>
#include <string.h>

#include "dataplane/decode/ber.h"

/* Q.773 §4.2 tags of the transaction portion. */
enum {
    TCAP_OTID = 0x48,
    TCAP_DTID = 0x49,
    TCAP_PABORT_CAUSE = 0x4a,
    TCAP_DIALOGUE = 0x6b,
    TCAP_COMPONENTS = 0x6c,
};

/* X.690 EXTERNAL and the dialogue PDUs (Q.773 §4.2.3). */
enum {
    BER_INTEGER = 0x02,
    BER_NULL = 0x05,
    BER_OID = 0x06,
    BER_SEQUENCE = 0x30,
    DLG_EXTERNAL = 0x28,
    DLG_SINGLE_ASN1 = 0xa0,
    DLG_AARQ = 0x60,
    DLG_AARE = 0x61,
    DLG_ABRT = 0x64,
    DLG_ACN = 0xa1,
    CMP_LINKED_ID = 0x80,
};

/* {itu-t recommendation q 773 as(1) dialogue-as(1) version1(1)} and the
 * unidialogue-as counterpart (Q.773 §4.2.3). */
static const uint8_t dialogue_as_id[] = {0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01};
static const uint8_t unidialogue_as_id[] = {0x00, 0x11, 0x86, 0x05, 0x01, 0x02, 0x01};
/* TS 29.002 §17.3.2: MAP ACNs are {itu-t(0) identified-organization(4)
 * etsi(0) mobileDomain(0) gsm-Network(1) ac-Id(0) ac version}. */
static const uint8_t map_acn_prefix[] = {0x04, 0x00, 0x00, 0x01, 0x00};
#define MAP_ACN_LEN (sizeof(map_acn_prefix) + 2)

/* Reads the element at *off within [p, p+len) and advances past it.
 * Inlined: with the memo argument GCC called it out of line, which cost
 * more than it saved. */
static inline __attribute__((always_inline)) enum ss_result
tcap_next(const uint8_t *p, size_t len, size_t *off, struct ss_ber *e, const struct ss_ber_memo *m)
{
    if (*off >= len)
        return SS_END;
    enum ss_result rc = ss_ber_read_short_known(p + *off, len - *off, e, m);
    if (rc == SS_OK)
        *off += e->total;
    return rc;
}

/* Reads the first element of [p, p+len), SS_TRUNCATED when empty. */
static enum ss_result tcap_first(const uint8_t *p, size_t len, struct ss_ber *e,
                                 const struct ss_ber_memo *m)
{
    size_t off = 0;
    enum ss_result rc = tcap_next(p, len, &off, e, m);

    return rc == SS_END ? SS_TRUNCATED : rc;
}

/* The first element of [p, p+len), which must carry identifier id. */
static enum ss_result tcap_only(const uint8_t *p, size_t len, uint8_t id, struct ss_ber *e,
                                const struct ss_ber_memo *m)
{
    enum ss_result rc = tcap_first(p, len, e, m);

    if (rc != SS_OK)
        return rc;
    return e->id == id ? SS_OK : SS_BAD_TAG;
}

/* Q.773 §4.2.1: transaction ids are OCTET STRINGs of 1 to 4 octets. */
static enum ss_result tcap_tid(const struct ss_ber *e, uint32_t *tid, uint8_t *tid_len, bool *has)
{
    if (*has)
        return SS_BAD_TAG;
    if (e->len < 1 || e->len > 4)
        return SS_BAD_LENGTH;
    *tid = 0;
    for (size_t i = 0; i < e->len; i++)
        *tid = *tid << 8 | e->val[i];
    *tid_len = (uint8_t)e->len;
    *has = true;
    return SS_OK;
}

/* n octets of bytes at p equal to those of k (n <= 8): one load each way,
 * folded to a constant for a constant k. */
static bool tcap_eq(const uint8_t *p, const uint8_t *k, size_t n)
{
    uint64_t a = 0, b = 0;

    memcpy(&a, p, n);
    memcpy(&b, k, n);
    return a == b;
}

/* Keeps the OID contents v[0..n), 1 <= n <= SS_TCAP_ACN_MAX, as the
 * application-context name. */
static void tcap_acn_keep(const uint8_t *v, size_t n, struct ss_tcap *out)
{
    out->acn_len = (uint8_t)n;
    out->has_acn = true;
    if (n != MAP_ACN_LEN) {
        memcpy(out->acn, v, n);
        return;
    }
    /* A MAP ACN's length, copied with a constant size. */
    memcpy(out->acn, v, MAP_ACN_LEN);
    /* Four octets and one: a 5-octet tcap_eq went through the stack. */
    if (tcap_eq(v, map_acn_prefix, 4) && v[4] == map_acn_prefix[4]) {
        out->map_ac = v[5];
        out->map_version = v[6];
    }
}

static enum ss_result tcap_acn(const uint8_t *v, size_t n, struct ss_tcap *out)
{
    if (n == 0)
        return SS_BAD_LENGTH;
    if (n > SS_TCAP_ACN_MAX)
        return SS_OVERSIZE;
    tcap_acn_keep(v, n, out);
    return SS_OK;
}

/* Q.773 §4.2.3: AARQ / AARE carry application-context-name [1] among
 * their fields; ABRT has none. */
static enum ss_result tcap_dialogue_pdu(const struct ss_ber *pdu, struct ss_tcap *out)
{
    struct ss_ber e, oid;
    size_t off = 0;
    enum ss_result rc;

    if (pdu->id == DLG_ABRT)
        return SS_OK;
    if (pdu->id != DLG_AARQ && pdu->id != DLG_AARE)
        return SS_BAD_TAG;
    while ((rc = tcap_next(pdu->val, pdu->len, &off, &e, &out->memo)) == SS_OK) {
        if (e.id != DLG_ACN)
            continue;
        rc = tcap_only(e.val, e.len, BER_OID, &oid, NULL);
        return rc == SS_OK ? tcap_acn(oid.val, oid.len, out) : rc;
    }
    return rc == SS_END ? SS_OK : rc;
}

static bool tcap_is_dialogue_as(const struct ss_ber *oid)
{
    return oid->len == sizeof(dialogue_as_id) &&
           (memcmp(oid->val, dialogue_as_id, oid->len) == 0 ||
            memcmp(oid->val, unidialogue_as_id, oid->len) == 0);
}

/* The dialogue portion's contents c[0..n) as MAP peers encode them,
 * matched a word at a time: EXTERNAL { dialogue-as OID, [0] { AARQ or
 * AARE { protocol-version [0] of 2 octets (optional), ACN [1] { OID of 7
 * octets } ... } } }, each of the EXTERNAL, [0] and the PDU running to
 * the end of the portion, every length in the short form. These are tests
 * the general walk makes on the same octets (the lengths pinned to one
 * value each where the walk allows a range), so it would read the same
 * ACN, and accept it; true then, with the ACN kept. False leaves the
 * portion to the general walk (other lengths, forms, orders or syntax). */
static bool tcap_dialogue_common(const uint8_t *c, size_t n, struct ss_tcap *out)
{
    /* c[0..15]: 28 L 06 07 <dialogue-as> a0 L 60|61 L, the lengths
     * (c[1], c[12], c[14]) compared apart. */
    /* clang-format off */
    static const uint8_t head[16] = {
        DLG_EXTERNAL, 0, BER_OID, sizeof(dialogue_as_id),
        0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01, /* dialogue_as_id */
        DLG_SINGLE_ASN1, 0, DLG_AARQ, 0,
    };
    static const uint8_t mask[16] = {
        0xff, 0, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0, 0xfe, 0,
    };
    /* clang-format on */
    static const uint8_t acn[4] = {DLG_ACN, 2 + MAP_ACN_LEN, BER_OID, MAP_ACN_LEN};
    /* Up to the ACN's OID after the protocol version. */
    const size_t min = 15 + 4 + sizeof(acn) + MAP_ACN_LEN;
    uint64_t w[2], h[2], m[2];

    _Static_assert(sizeof(dialogue_as_id) == 7, "dialogue-as id fills c[4..10]");
    /* Without and with the protocol version; the EXTERNAL's n - 2 in the
     * short form. */
    if (n < min - 4 || n > 0x7f + 2)
        return false;
    memcpy(w, c, sizeof(w));
    memcpy(h, head, sizeof(h));
    memcpy(m, mask, sizeof(m));
    if ((w[0] & m[0]) != h[0] || (w[1] & m[1]) != h[1] || c[1] != n - 2 || c[12] != n - 13 ||
        c[14] != n - 15)
        return false;
    size_t at = 15;
    if (n >= min && c[at] == 0x80 && c[at + 1] == 2)
        at += 4;
    if (n - at < sizeof(acn) + MAP_ACN_LEN || !tcap_eq(c + at, acn, sizeof(acn)))
        return false;
    tcap_acn_keep(c + at + sizeof(acn), MAP_ACN_LEN, out);
    return true;
}

/* Q.773 §4.2.3: DialoguePortion ::= [APPLICATION 11] EXTERNAL {
 * direct-reference OID, single-ASN1-type [0] DialoguePDU }. A dialogue of
 * another abstract syntax is valid but carries no ACN for us. */
static enum ss_result tcap_dialogue(const struct ss_ber *portion, struct ss_tcap *out)
{
    struct ss_ber ext, oid, single, pdu;
    size_t off = 0;
    enum ss_result rc;

    if (tcap_dialogue_common(portion->val, portion->len, out))
        return SS_OK;
    if ((rc = tcap_only(portion->val, portion->len, DLG_EXTERNAL, &ext, &out->memo)) != SS_OK)
        return rc;
    if ((rc = tcap_next(ext.val, ext.len, &off, &oid, &out->memo)) != SS_OK)
        return rc == SS_END ? SS_TRUNCATED : rc;
    if (oid.id != BER_OID)
        return SS_BAD_TAG;
    if (!tcap_is_dialogue_as(&oid))
        return SS_OK;
    if ((rc = tcap_next(ext.val, ext.len, &off, &single, &out->memo)) != SS_OK)
        return rc == SS_END ? SS_TRUNCATED : rc;
    if (single.id != DLG_SINGLE_ASN1)
        return SS_BAD_TAG;
    if ((rc = tcap_first(single.val, single.len, &pdu, &out->memo)) != SS_OK)
        return rc;
    return tcap_dialogue_pdu(&pdu, out);
}

static enum ss_result tcap_portion(const struct ss_ber *e, struct ss_tcap *out)
{
    switch (e->id) {
    case TCAP_OTID:
        return tcap_tid(e, &out->otid, &out->otid_len, &out->has_otid);
    case TCAP_DTID:
        return tcap_tid(e, &out->dtid, &out->dtid_len, &out->has_dtid);
    case TCAP_DIALOGUE:
        return out->has_acn ? SS_BAD_TAG : tcap_dialogue(e, out);
    case TCAP_COMPONENTS:
        if (out->components)
            return SS_BAD_TAG;
        out->components = e->val;
        out->components_len = e->len;
        return SS_OK;
    case TCAP_PABORT_CAUSE:
        return out->type == SS_TCAP_ABORT ? SS_OK : SS_BAD_TAG;
    default:
        return SS_BAD_TAG;
    }
}

/* Q.773 §4.2.1: which transaction ids each message type carries. */
static enum ss_result tcap_check_tids(const struct ss_tcap *t)
{
    bool otid = t->type == SS_TCAP_BEGIN || t->type == SS_TCAP_CONTINUE;
    bool dtid = t->type != SS_TCAP_BEGIN && t->type != SS_TCAP_UNI;

    return t->has_otid == otid && t->has_dtid == dtid ? SS_OK : SS_BAD_VALUE;
}

/* A transaction id as MAP peers nearly always send it, first among the
 * portions with identifier id: four octets, short length. These are the
 * tests the general walk makes on the same octets (and it reads the same
 * id); the offset past it, or off unchanged to leave it to the walk. */
static size_t tcap_tid4(const uint8_t *v, size_t len, size_t off, uint8_t id, uint32_t *tid,
                        uint8_t *tid_len, bool *has)
{
    v += off;
    if (len - off < 6 || v[0] != id || v[1] != 4)
        return off;
    *tid = (uint32_t)v[2] << 24 | (uint32_t)v[3] << 16 | (uint32_t)v[4] << 8 | v[5];
    *tid_len = 4;
    *has = true;
    return off + 6;
}

/* The messages MAP dialogues are made of: BEGIN, CONTINUE or END with
 * exactly the transaction ids its type carries, four octets each, then an
 * optional dialogue portion of the common shape (tcap_dialogue_common),
 * then an optional component portion, every length definite (short or
 * 0x81). The general walk makes the same tests on the same octets and
 * reads the same fields, and accepts the message; true when it is of this
 * shape, false to leave it to the walk. */
static bool tcap_common(const uint8_t *p, size_t len, struct ss_tcap *out)
{
    size_t n, at = 0;
    size_t hdr = ss_ber_header(p, len, &n);
    const uint8_t *v = p + hdr;

    if (!hdr || (p[0] != SS_TCAP_BEGIN && p[0] != SS_TCAP_CONTINUE && p[0] != SS_TCAP_END))
        return false;
    out->type = p[0];
    if (out->type != SS_TCAP_END) {
        at = tcap_tid4(v, n, 0, TCAP_OTID, &out->otid, &out->otid_len, &out->has_otid);
        if (at == 0)
            return false;
    }
    if (out->type != SS_TCAP_BEGIN) {
        size_t next = tcap_tid4(v, n, at, TCAP_DTID, &out->dtid, &out->dtid_len, &out->has_dtid);
        if (next == at)
            return false;
        at = next;
    }
    if (n - at >= 2 && v[at] == TCAP_DIALOGUE) {
        if (v[at + 1] >= 0x80 || v[at + 1] > n - at - 2 ||
            !tcap_dialogue_common(v + at + 2, v[at + 1], out))
            return false;
        at += 2 + (size_t)v[at + 1];
    }
    if (n - at >= 2 && v[at] == TCAP_COMPONENTS) {
        size_t cn, ch = ss_ber_header(v + at, n - at, &cn);
        if (!ch)
            return false;
        out->components = v + at + ch;
        out->components_len = cn;
        at += ch + cn;
    }
    return at == n;
}

/* Any message: the portions in any order, each once. */
static enum ss_result tcap_walk(const uint8_t *p, size_t len, struct ss_tcap *out)
{
    struct ss_ber msg, e;
    size_t off = 0;
    enum ss_result rc;

    if ((rc = ss_ber_read_record(p, len, &msg, &out->memo)) != SS_OK)
        return rc;
    switch (msg.id) {
    case SS_TCAP_UNI:
    case SS_TCAP_BEGIN:
    case SS_TCAP_END:
    case SS_TCAP_CONTINUE:
    case SS_TCAP_ABORT:
        out->type = msg.id;
        break;
    default:
        return SS_BAD_TAG;
    }
    off = tcap_tid4(msg.val, msg.len, off, TCAP_OTID, &out->otid, &out->otid_len, &out->has_otid);
    off = tcap_tid4(msg.val, msg.len, off, TCAP_DTID, &out->dtid, &out->dtid_len, &out->has_dtid);
    while ((rc = tcap_next(msg.val, msg.len, &off, &e, &out->memo)) == SS_OK)
        if ((rc = tcap_portion(&e, out)) != SS_OK)
            return rc;
    return rc == SS_END ? tcap_check_tids(out) : rc;
}

/* Clears every field but the memo's entries, which memo.n says are not
 * yet set. */
static void tcap_clear(struct ss_tcap *out)
{
    memset(out, 0, offsetof(struct ss_tcap, memo));
    out->memo.n = 0;
}

enum ss_result ss_tcap_decode(const uint8_t *p, size_t len, struct ss_tcap *out)
{
    tcap_clear(out);
    if (tcap_common(p, len, out))
        return SS_OK;
    tcap_clear(out);
    return tcap_walk(p, len, out);
}

void ss_tcap_iter_init(struct ss_tcap_iter *it, const struct ss_tcap *t)
{
    it->p = t->components;
    it->len = t->components ? t->components_len : 0;
    it->off = 0;
    it->memo = &t->memo;
}

/* Reads the next element of a component, SS_TRUNCATED if none is left. */
static enum ss_result cmp_field(const struct ss_ber *c, size_t *off, struct ss_ber *e,
                                const struct ss_ber_memo *m)
{
    enum ss_result rc = tcap_next(c->val, c->len, off, e, m);
    return rc == SS_END ? SS_TRUNCATED : rc;
}

/* Local value (INTEGER) or global value (OID) of an operation or error
 * code (Q.773 §4.2.2.2); only the local form is kept. */
static enum ss_result cmp_code(const struct ss_ber *e, bool *has, int32_t *v)
{
    if (e->id == BER_OID)
        return SS_OK;
    if (e->id != BER_INTEGER)
        return SS_BAD_TAG;
    *has = true;
    return ss_ber_int(e, v);
}

static enum ss_result cmp_invoke_id(const struct ss_ber *c, size_t *off,
                                    struct ss_tcap_component *out, const struct ss_ber_memo *m)
{
    struct ss_ber e;
    enum ss_result rc = cmp_field(c, off, &e, m);

    if (rc != SS_OK)
        return rc;
    if (e.id != BER_INTEGER)
        return SS_BAD_TAG;
    out->has_invoke_id = true;
    return ss_ber_int(&e, &out->invoke_id);
}

/* The optional parameter: at most one element, kept whole. */
static enum ss_result cmp_param(const struct ss_ber *c, size_t off, struct ss_tcap_component *out,
                                const struct ss_ber_memo *m)
{
    struct ss_ber e;
    size_t at = off;
    enum ss_result rc = tcap_next(c->val, c->len, &off, &e, m);

    if (rc == SS_END)
        return SS_OK;
    if (rc != SS_OK)
        return rc;
    out->param = c->val + at;
    out->param_len = e.total;
    return off == c->len ? SS_OK : SS_BAD_LENGTH;
}

/* The Invoke as MAP peers nearly always encode it: invokeID and a local
 * opcode, each an INTEGER of one octet, no linkedID. These are the tests
 * the general walk makes on the same octets, and a one-octet INTEGER is
 * its octet sign-extended, so the values read are the same. */
static bool cmp_invoke_common(const struct ss_ber *c, struct ss_tcap_component *out)
{
    const uint8_t *p = c->val;

    if (c->len < 6 || p[0] != BER_INTEGER || p[1] != 1 || p[3] != BER_INTEGER || p[4] != 1)
        return false;
    out->has_invoke_id = true;
    out->invoke_id = (int8_t)p[2];
    out->has_opcode = true;
    out->opcode = (int8_t)p[5];
    return true;
}

/* Invoke ::= [1] { invokeID, linkedID [0] OPTIONAL, opcode, parameter }. */
static enum ss_result cmp_invoke(const struct ss_ber *c, struct ss_tcap_component *out,
                                 const struct ss_ber_memo *m)
{
    struct ss_ber e;
    size_t off = 0;
    enum ss_result rc;

    if (cmp_invoke_common(c, out))
        return cmp_param(c, 6, out, m);
    if ((rc = cmp_invoke_id(c, &off, out, m)) != SS_OK || (rc = cmp_field(c, &off, &e, m)) != SS_OK)
        return rc;
    if (e.id == CMP_LINKED_ID && (rc = cmp_field(c, &off, &e, m)) != SS_OK)
        return rc;
    if ((rc = cmp_code(&e, &out->has_opcode, &out->opcode)) != SS_OK)
        return rc;
    return cmp_param(c, off, out, m);
}

/* ReturnResult ::= [2]/[7] { invokeID, SEQUENCE { opcode, parameter }
 * OPTIONAL }. */
static enum ss_result cmp_result(const struct ss_ber *c, struct ss_tcap_component *out,
                                 const struct ss_ber_memo *m)
{
    struct ss_ber seq, e;
    size_t off = 0, inner = 0;
    enum ss_result rc;

    if ((rc = cmp_invoke_id(c, &off, out, m)) != SS_OK)
        return rc;
    rc = tcap_next(c->val, c->len, &off, &seq, m);
    if (rc == SS_END)
        return SS_OK;
    if (rc != SS_OK)
        return rc;
    if (seq.id != BER_SEQUENCE)
        return SS_BAD_TAG;
    if (off != c->len)
        return SS_BAD_LENGTH;
    if ((rc = cmp_field(&seq, &inner, &e, m)) != SS_OK ||
        (rc = cmp_code(&e, &out->has_opcode, &out->opcode)) != SS_OK)
        return rc;
    return cmp_param(&seq, inner, out, m);
}

/* ReturnError ::= [3] { invokeID, errorCode, parameter OPTIONAL }. */
static enum ss_result cmp_error(const struct ss_ber *c, struct ss_tcap_component *out,
                                const struct ss_ber_memo *m)
{
    struct ss_ber e;
    size_t off = 0;
    enum ss_result rc;

    if ((rc = cmp_invoke_id(c, &off, out, m)) != SS_OK ||
        (rc = cmp_field(c, &off, &e, m)) != SS_OK ||
        (rc = cmp_code(&e, &out->has_error, &out->error)) != SS_OK)
        return rc;
    return cmp_param(c, off, out, m);
}

/* Reject ::= [4] { invokeID INTEGER | NULL (not derivable), problem
 * [0..3] }. */
static enum ss_result cmp_reject(const struct ss_ber *c, struct ss_tcap_component *out,
                                 const struct ss_ber_memo *m)
{
    struct ss_ber e;
    size_t off = 0;
    enum ss_result rc;

    if ((rc = cmp_field(c, &off, &e, m)) != SS_OK)
        return rc;
    if (e.id == BER_INTEGER) {
        out->has_invoke_id = true;
        if ((rc = ss_ber_int(&e, &out->invoke_id)) != SS_OK)
            return rc;
    } else if (e.id != BER_NULL) {
        return SS_BAD_TAG;
    }
    if ((rc = cmp_field(c, &off, &e, m)) != SS_OK)
        return rc;
    if (e.id < 0x80 || e.id > 0x83)
        return SS_BAD_TAG;
    return off == c->len ? SS_OK : SS_BAD_LENGTH;
}

static enum ss_result cmp_decode(const struct ss_ber *c, struct ss_tcap_component *out,
                                 const struct ss_ber_memo *m)
{
    switch (c->id) {
    case SS_TCAP_INVOKE:
        return cmp_invoke(c, out, m);
    case SS_TCAP_RESULT_LAST:
    case SS_TCAP_RESULT_NOT_LAST:
        return cmp_result(c, out, m);
    case SS_TCAP_ERROR:
        return cmp_error(c, out, m);
    case SS_TCAP_REJECT:
        return cmp_reject(c, out, m);
    default:
        return SS_BAD_TAG;
    }
}

/* The two components MAP dialogues are made of, matched octet by octet:
 * an Invoke whose invokeID and local opcode are one-octet INTEGERs, with
 * no linkedID, followed by nothing or by exactly one parameter element; a
 * ReturnResultLast of its invokeID alone. Lengths are definite, short or
 * 0x81. These are the tests the general walk makes on the same octets (a
 * one-octet INTEGER is its octet sign-extended), so it would read the
 * same component; its length, or 0 to leave it to the walk. */
static size_t cmp_common(const uint8_t *p, size_t len, struct ss_tcap_component *c)
{
    size_t n, hdr;

    if (len >= 5 && p[0] == SS_TCAP_RESULT_LAST && p[1] == 3 && p[2] == BER_INTEGER && p[3] == 1) {
        *c = (struct ss_tcap_component){
            .type = SS_TCAP_RESULT_LAST, .has_invoke_id = true, .invoke_id = (int8_t)p[4]};
        return 5;
    }
    if (len < 8 || p[0] != SS_TCAP_INVOKE || !(hdr = ss_ber_header(p, len, &n)))
        return 0;
    const uint8_t *v = p + hdr;
    if (n < 6 || v[0] != BER_INTEGER || v[1] != 1 || v[3] != BER_INTEGER || v[4] != 1)
        return 0;
    size_t pn, left = n - 6;
    if (left > 0) {
        size_t ph = ss_ber_header(v + 6, left, &pn);
        if (!ph || ph + pn != left)
            return 0;
    }
    *c = (struct ss_tcap_component){.type = SS_TCAP_INVOKE,
                                    .has_invoke_id = true,
                                    .invoke_id = (int8_t)v[2],
                                    .has_opcode = true,
                                    .opcode = (int8_t)v[5],
                                    .param = left > 0 ? v + 6 : NULL,
                                    .param_len = left};
    return hdr + n;
}

/* Q.773 §4.2.2: ComponentPortion ::= [APPLICATION 12] SEQUENCE OF
 * Component. */
enum ss_result ss_tcap_next_component(struct ss_tcap_iter *it, struct ss_tcap_component *c)
{
    struct ss_ber e;
    enum ss_result rc;

    if (it->off < it->len) {
        size_t n = cmp_common(it->p + it->off, it->len - it->off, c);
        if (n) {
            it->off += n;
            return SS_OK;
        }
    }
    memset(c, 0, sizeof(*c));
    if (it->off >= it->len)
        return SS_END;
    rc = tcap_next(it->p, it->len, &it->off, &e, it->memo);
    if (rc == SS_OK) {
        c->type = e.id;
        rc = cmp_decode(&e, c, it->memo);
    }
    if (rc != SS_OK)
        it->off = it->len;
    return rc;
}
