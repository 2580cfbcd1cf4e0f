/* TCAP messages, dialogue portion and components (ITU-T Q.773). */
#include "dataplane/decode/tcap.h"

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

/* Reads the element at *off within [p, p+len) and advances past it. */
static enum ss_result tcap_next(const uint8_t *p, size_t len, size_t *off, struct ss_ber *e)
{
    if (*off >= len)
        return SS_END;
    enum ss_result rc = ss_ber_read_short(p + *off, len - *off, e);
    if (rc == SS_OK)
        *off += e->total;
    return rc;
}

/* Reads the first element of [p, p+len), SS_TRUNCATED when empty. */
static enum ss_result tcap_first(const uint8_t *p, size_t len, struct ss_ber *e)
{
    size_t off = 0;
    enum ss_result rc = tcap_next(p, len, &off, e);

    return rc == SS_END ? SS_TRUNCATED : rc;
}

/* The first element of [p, p+len), which must carry identifier id. */
static enum ss_result tcap_only(const uint8_t *p, size_t len, uint8_t id, struct ss_ber *e)
{
    enum ss_result rc = tcap_first(p, len, e);

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

static enum ss_result tcap_acn(const struct ss_ber *oid, struct ss_tcap *out)
{
    if (oid->id != BER_OID)
        return SS_BAD_TAG;
    if (oid->len == 0)
        return SS_BAD_LENGTH;
    if (oid->len > SS_TCAP_ACN_MAX)
        return SS_OVERSIZE;
    memcpy(out->acn, oid->val, oid->len);
    out->acn_len = (uint8_t)oid->len;
    out->has_acn = true;
    if (oid->len == sizeof(map_acn_prefix) + 2 &&
        memcmp(oid->val, map_acn_prefix, sizeof(map_acn_prefix)) == 0) {
        out->map_ac = oid->val[5];
        out->map_version = oid->val[6];
    }
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
    while ((rc = tcap_next(pdu->val, pdu->len, &off, &e)) == SS_OK) {
        if (e.id != DLG_ACN)
            continue;
        rc = tcap_only(e.val, e.len, BER_OID, &oid);
        return rc == SS_OK ? tcap_acn(&oid, out) : rc;
    }
    return rc == SS_END ? SS_OK : rc;
}

static bool tcap_is_dialogue_as(const struct ss_ber *oid)
{
    return oid->len == sizeof(dialogue_as_id) &&
           (memcmp(oid->val, dialogue_as_id, oid->len) == 0 ||
            memcmp(oid->val, unidialogue_as_id, oid->len) == 0);
}

/* A short-form element header at p[at] with identifier id whose contents
 * end by end: the contents' end, or 0 when the header is not so. */
static size_t dlg_short(const uint8_t *p, size_t at, size_t end, uint8_t id)
{
    if (end - at < 2 || p[at] != id || p[at + 1] >= 0x80 || p[at + 1] > end - at - 2)
        return 0;
    return at + 2 + p[at + 1];
}

/* The dialogue portion as MAP peers nearly always encode it, matched
 * octet by octet: EXTERNAL { dialogue-as OID, [0] { AARQ or AARE {
 * protocol-version [0] of 2 octets (optional), ACN [1] { OID } ... } } },
 * every length in the short form. Each test is one the general walk below
 * makes on the same octets, so when they all pass it would read the same
 * ACN; true then, with *rc the result. False leaves the portion to the
 * general walk (long or indefinite lengths, other orders, other syntax). */
static bool tcap_dialogue_common(const struct ss_ber *portion, struct ss_tcap *out,
                                 enum ss_result *rc)
{
    const uint8_t *p = portion->val;
    size_t at = 2 + 2 + sizeof(dialogue_as_id);
    size_t ext_end = dlg_short(p, 0, portion->len, DLG_EXTERNAL);

    if (ext_end < at || p[2] != BER_OID || p[3] != sizeof(dialogue_as_id) ||
        memcmp(p + 4, dialogue_as_id, sizeof(dialogue_as_id)) != 0)
        return false;
    size_t single_end = dlg_short(p, at, ext_end, DLG_SINGLE_ASN1);
    if (!single_end)
        return false;
    at += 2;
    size_t pdu_end = dlg_short(p, at, single_end, DLG_AARQ);
    if (!pdu_end)
        pdu_end = dlg_short(p, at, single_end, DLG_AARE);
    if (!pdu_end)
        return false;
    at += 2;
    if (pdu_end - at >= 4 && p[at] == 0x80 && p[at + 1] == 2)
        at += 4;
    size_t acn_end = dlg_short(p, at, pdu_end, DLG_ACN);
    if (!acn_end || !dlg_short(p, at + 2, acn_end, BER_OID))
        return false;
    struct ss_ber oid = {.id = BER_OID, .val = p + at + 4, .len = p[at + 3]};
    *rc = tcap_acn(&oid, out);
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

    if (tcap_dialogue_common(portion, out, &rc))
        return rc;
    if ((rc = tcap_only(portion->val, portion->len, DLG_EXTERNAL, &ext)) != SS_OK)
        return rc;
    if ((rc = tcap_next(ext.val, ext.len, &off, &oid)) != SS_OK)
        return rc == SS_END ? SS_TRUNCATED : rc;
    if (oid.id != BER_OID)
        return SS_BAD_TAG;
    if (!tcap_is_dialogue_as(&oid))
        return SS_OK;
    if ((rc = tcap_next(ext.val, ext.len, &off, &single)) != SS_OK)
        return rc == SS_END ? SS_TRUNCATED : rc;
    if (single.id != DLG_SINGLE_ASN1)
        return SS_BAD_TAG;
    if ((rc = tcap_first(single.val, single.len, &pdu)) != SS_OK)
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
static size_t tcap_tid4(const struct ss_ber *msg, size_t off, uint8_t id, uint32_t *tid,
                        uint8_t *tid_len, bool *has)
{
    const uint8_t *v = msg->val + off;

    if (msg->len - off < 6 || v[0] != id || v[1] != 4)
        return off;
    *tid = (uint32_t)v[2] << 24 | (uint32_t)v[3] << 16 | (uint32_t)v[4] << 8 | v[5];
    *tid_len = 4;
    *has = true;
    return off + 6;
}

enum ss_result ss_tcap_decode(const uint8_t *p, size_t len, struct ss_tcap *out)
{
    struct ss_ber msg, e;
    size_t off = 0;
    enum ss_result rc;

    memset(out, 0, sizeof(*out));
    if ((rc = ss_ber_read(p, len, &msg)) != SS_OK)
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
    off = tcap_tid4(&msg, off, TCAP_OTID, &out->otid, &out->otid_len, &out->has_otid);
    off = tcap_tid4(&msg, off, TCAP_DTID, &out->dtid, &out->dtid_len, &out->has_dtid);
    while ((rc = tcap_next(msg.val, msg.len, &off, &e)) == SS_OK)
        if ((rc = tcap_portion(&e, out)) != SS_OK)
            return rc;
    return rc == SS_END ? tcap_check_tids(out) : rc;
}

void ss_tcap_iter_init(struct ss_tcap_iter *it, const struct ss_tcap *t)
{
    it->p = t->components;
    it->len = t->components ? t->components_len : 0;
    it->off = 0;
}

/* Reads the next element of a component, SS_TRUNCATED if none is left. */
static enum ss_result cmp_field(const struct ss_ber *c, size_t *off, struct ss_ber *e)
{
    enum ss_result rc = tcap_next(c->val, c->len, off, e);
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
                                    struct ss_tcap_component *out)
{
    struct ss_ber e;
    enum ss_result rc = cmp_field(c, off, &e);

    if (rc != SS_OK)
        return rc;
    if (e.id != BER_INTEGER)
        return SS_BAD_TAG;
    out->has_invoke_id = true;
    return ss_ber_int(&e, &out->invoke_id);
}

/* The optional parameter: at most one element, kept whole. */
static enum ss_result cmp_param(const struct ss_ber *c, size_t off, struct ss_tcap_component *out)
{
    struct ss_ber e;
    size_t at = off;
    enum ss_result rc = tcap_next(c->val, c->len, &off, &e);

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
static enum ss_result cmp_invoke(const struct ss_ber *c, struct ss_tcap_component *out)
{
    struct ss_ber e;
    size_t off = 0;
    enum ss_result rc;

    if (cmp_invoke_common(c, out))
        return cmp_param(c, 6, out);
    if ((rc = cmp_invoke_id(c, &off, out)) != SS_OK || (rc = cmp_field(c, &off, &e)) != SS_OK)
        return rc;
    if (e.id == CMP_LINKED_ID && (rc = cmp_field(c, &off, &e)) != SS_OK)
        return rc;
    if ((rc = cmp_code(&e, &out->has_opcode, &out->opcode)) != SS_OK)
        return rc;
    return cmp_param(c, off, out);
}

/* ReturnResult ::= [2]/[7] { invokeID, SEQUENCE { opcode, parameter }
 * OPTIONAL }. */
static enum ss_result cmp_result(const struct ss_ber *c, struct ss_tcap_component *out)
{
    struct ss_ber seq, e;
    size_t off = 0, inner = 0;
    enum ss_result rc;

    if ((rc = cmp_invoke_id(c, &off, out)) != SS_OK)
        return rc;
    rc = tcap_next(c->val, c->len, &off, &seq);
    if (rc == SS_END)
        return SS_OK;
    if (rc != SS_OK)
        return rc;
    if (seq.id != BER_SEQUENCE)
        return SS_BAD_TAG;
    if (off != c->len)
        return SS_BAD_LENGTH;
    if ((rc = cmp_field(&seq, &inner, &e)) != SS_OK ||
        (rc = cmp_code(&e, &out->has_opcode, &out->opcode)) != SS_OK)
        return rc;
    return cmp_param(&seq, inner, out);
}

/* ReturnError ::= [3] { invokeID, errorCode, parameter OPTIONAL }. */
static enum ss_result cmp_error(const struct ss_ber *c, struct ss_tcap_component *out)
{
    struct ss_ber e;
    size_t off = 0;
    enum ss_result rc;

    if ((rc = cmp_invoke_id(c, &off, out)) != SS_OK || (rc = cmp_field(c, &off, &e)) != SS_OK ||
        (rc = cmp_code(&e, &out->has_error, &out->error)) != SS_OK)
        return rc;
    return cmp_param(c, off, out);
}

/* Reject ::= [4] { invokeID INTEGER | NULL (not derivable), problem
 * [0..3] }. */
static enum ss_result cmp_reject(const struct ss_ber *c, struct ss_tcap_component *out)
{
    struct ss_ber e;
    size_t off = 0;
    enum ss_result rc;

    if ((rc = cmp_field(c, &off, &e)) != SS_OK)
        return rc;
    if (e.id == BER_INTEGER) {
        out->has_invoke_id = true;
        if ((rc = ss_ber_int(&e, &out->invoke_id)) != SS_OK)
            return rc;
    } else if (e.id != BER_NULL) {
        return SS_BAD_TAG;
    }
    if ((rc = cmp_field(c, &off, &e)) != SS_OK)
        return rc;
    if (e.id < 0x80 || e.id > 0x83)
        return SS_BAD_TAG;
    return off == c->len ? SS_OK : SS_BAD_LENGTH;
}

static enum ss_result cmp_decode(const struct ss_ber *c, struct ss_tcap_component *out)
{
    switch (c->id) {
    case SS_TCAP_INVOKE:
        return cmp_invoke(c, out);
    case SS_TCAP_RESULT_LAST:
    case SS_TCAP_RESULT_NOT_LAST:
        return cmp_result(c, out);
    case SS_TCAP_ERROR:
        return cmp_error(c, out);
    case SS_TCAP_REJECT:
        return cmp_reject(c, out);
    default:
        return SS_BAD_TAG;
    }
}

/* Q.773 §4.2.2: ComponentPortion ::= [APPLICATION 12] SEQUENCE OF
 * Component. */
enum ss_result ss_tcap_next_component(struct ss_tcap_iter *it, struct ss_tcap_component *c)
{
    struct ss_ber e;
    enum ss_result rc;

    memset(c, 0, sizeof(*c));
    rc = tcap_next(it->p, it->len, &it->off, &e);
    if (rc == SS_OK) {
        c->type = e.id;
        rc = cmp_decode(&e, c);
    }
    if (rc != SS_OK)
        it->off = it->len;
    return rc;
}
