/* TCAP (Q.773): vectors written out by hand from Q.773 §4.2 and the MAP
 * application contexts of TS 29.002 §17.3.2. */
#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/decode/tcap.h"
#include "tests/unit/runner.h"

static struct ss_tcap t;
static struct ss_tcap_component c;
static struct ss_tcap_iter it;

/* TC-BEGIN, AARQ for shortMsgMO-RelayContext-v3, Invoke mo-forwardSM. */
/* clang-format off */
static const uint8_t begin[] = {
    0x62, 0x38,                         /* Begin, 56 octets */
    0x48, 0x04, 0x11, 0x22, 0x33, 0x44, /*   OTID 0x11223344 */
    0x6b, 0x1e,                         /*   dialogue portion, 30 */
    0x28, 0x1c,                         /*     EXTERNAL, 28 */
    0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01, /* dialogue-as-id */
    0xa0, 0x11,                         /*       single-ASN1-type [0], 17 */
    0x60, 0x0f,                         /*         AARQ, 15 */
    0x80, 0x02, 0x07, 0x80,             /*           protocol-version version1 */
    0xa1, 0x09,                         /*           application-context-name [1] */
    0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x15, 0x03, /* {0 4 0 0 1 0 21 3} */
    0x6c, 0x10,                         /*   component portion, 16 */
    0xa1, 0x0e,                         /*     Invoke, 14 */
    0x02, 0x01, 0x01,                   /*       invokeID 1 */
    0x02, 0x01, 0x2e,                   /*       opcode local 46 (mo-forwardSM) */
    0x30, 0x06, 0x80, 0x01, 0xaa, 0x81, 0x01, 0xbb, /* parameter SEQUENCE */
};
/* clang-format on */
#define BEGIN_PARAM 50

/* The same Begin with every constructed element in indefinite form. */
/* clang-format off */
static const uint8_t begin_indef[] = {
    0x62, 0x80,                         /* Begin, indefinite */
    0x48, 0x04, 0x11, 0x22, 0x33, 0x44, /*   OTID */
    0x6b, 0x80,                         /*   dialogue portion */
    0x28, 0x80,                         /*     EXTERNAL */
    0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
    0xa0, 0x80,                         /*       single-ASN1-type */
    0x60, 0x80,                         /*         AARQ */
    0x80, 0x02, 0x07, 0x80,
    0xa1, 0x80,                         /*           ACN */
    0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x15, 0x03,
    0x00, 0x00,                         /*           end of ACN */
    0x00, 0x00,                         /*         end of AARQ */
    0x00, 0x00,                         /*       end of single-ASN1-type */
    0x00, 0x00,                         /*     end of EXTERNAL */
    0x00, 0x00,                         /*   end of dialogue portion */
    0x6c, 0x80,                         /*   component portion */
    0xa1, 0x80,                         /*     Invoke */
    0x02, 0x01, 0x01,                   /*       invokeID 1 */
    0x02, 0x01, 0x2e,                   /*       opcode 46 */
    0x30, 0x80, 0x80, 0x01, 0xaa, 0x81, 0x01, 0xbb, 0x00, 0x00, /* parameter */
    0x00, 0x00,                         /*     end of Invoke */
    0x00, 0x00,                         /*   end of component portion */
    0x00, 0x00,                         /* end of Begin */
};
/* clang-format on */

/* clang-format off */
static const uint8_t cont[] = {
    0x65, 0x1e,                         /* Continue, 30 */
    0x48, 0x04, 0xaa, 0xbb, 0xcc, 0xdd, /*   OTID 0xaabbccdd */
    0x49, 0x04, 0x11, 0x22, 0x33, 0x44, /*   DTID 0x11223344 */
    0x6c, 0x10,                         /*   component portion */
    0xa1, 0x0e, 0x02, 0x01, 0x02,       /*     Invoke, invokeID 2 */
    0x02, 0x01, 0x2e,                   /*       opcode 46 */
    0x30, 0x06, 0x80, 0x01, 0xaa, 0x81, 0x01, 0xbb,
};
/* clang-format on */

/* clang-format off */
static const uint8_t end_rrl[] = {
    0x64, 0x17,                         /* End, 23 */
    0x49, 0x04, 0xaa, 0xbb, 0xcc, 0xdd, /*   DTID */
    0x6c, 0x0f,                         /*   component portion, 15 */
    0xa2, 0x0d,                         /*     ReturnResultLast, 13 */
    0x02, 0x01, 0x01,                   /*       invokeID 1 */
    0x30, 0x08,                         /*       result SEQUENCE */
    0x02, 0x01, 0x2e,                   /*         opcode 46 */
    0x04, 0x03, 0x01, 0x02, 0x03,       /*         parameter OCTET STRING */
};
/* clang-format on */

/* clang-format off */
static const uint8_t end_rrl_indef[] = {
    0x64, 0x80,                         /* End, indefinite */
    0x49, 0x04, 0xaa, 0xbb, 0xcc, 0xdd,
    0x6c, 0x80,
    0xa2, 0x80,
    0x02, 0x01, 0x01,
    0x30, 0x80,
    0x02, 0x01, 0x2e,
    0x04, 0x03, 0x01, 0x02, 0x03,
    0x00, 0x00,                         /* end of result SEQUENCE */
    0x00, 0x00,                         /* end of ReturnResultLast */
    0x00, 0x00,                         /* end of component portion */
    0x00, 0x00,                         /* end of End */
};
/* clang-format on */

/* End carrying a ReturnError and two Rejects. */
/* clang-format off */
static const uint8_t end_err[] = {
    0x64, 0x21,                         /* End, 33 */
    0x49, 0x01, 0x07,                   /*   DTID 7, one octet */
    0x6c, 0x1c,                         /*   component portion, 28 */
    0xa3, 0x0b,                         /*     ReturnError, 11 */
    0x02, 0x01, 0x05,                   /*       invokeID 5 */
    0x02, 0x01, 0x20,                   /*       error local 32 (sm-DeliveryFailure) */
    0x30, 0x03, 0x0a, 0x01, 0x01,       /*       parameter */
    0xa4, 0x06,                         /*     Reject */
    0x02, 0x01, 0x01,                   /*       invokeID 1 */
    0x81, 0x01, 0x02,                   /*       invokeProblem mistypedParameter */
    0xa4, 0x05,                         /*     Reject */
    0x05, 0x00,                         /*       invokeID not derivable (NULL) */
    0x80, 0x01, 0x00,                   /*       generalProblem unrecognizedComponent */
};
/* clang-format on */

/* Decodes the first n octets from a heap copy of exactly n octets, so
 * that AddressSanitizer catches any read past the end. */
static enum ss_result decode_prefix(const uint8_t *v, size_t n)
{
    uint8_t *h = malloc(n ? n : 1);
    memcpy(h, v, n);
    enum ss_result rc = ss_tcap_decode(h, n, &t);
    free(h);
    return rc;
}

static void copy(uint8_t *dst, const uint8_t *src, size_t n)
{
    memcpy(dst, src, n);
}

static void assert_begin(const uint8_t *v, size_t n)
{
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, n, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_BEGIN);
    CU_ASSERT_TRUE(t.has_otid);
    CU_ASSERT_FALSE(t.has_dtid);
    CU_ASSERT_EQUAL(t.otid, 0x11223344);
    CU_ASSERT_EQUAL(t.otid_len, 4);
    CU_ASSERT_TRUE(t.has_acn);
    CU_ASSERT_EQUAL(t.acn_len, 7);
    CU_ASSERT_EQUAL(t.map_ac, 21);
    CU_ASSERT_EQUAL(t.map_version, 3);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_INVOKE);
    CU_ASSERT_TRUE(c.has_invoke_id);
    CU_ASSERT_EQUAL(c.invoke_id, 1);
    CU_ASSERT_TRUE(c.has_opcode);
    CU_ASSERT_EQUAL(c.opcode, 46);
    CU_ASSERT_FALSE(c.has_error);
    CU_ASSERT_EQUAL(c.param[0], 0x30);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_END);
}

static void test_tcap_begin_aarq_mo_relay_v3_invoke_46(void)
{
    assert_begin(begin, sizeof begin);
    ss_tcap_iter_init(&it, &t);
    ss_tcap_next_component(&it, &c);
    CU_ASSERT_PTR_EQUAL(c.param, begin + BEGIN_PARAM);
    CU_ASSERT_EQUAL(c.param_len, 8);
}

static void test_tcap_begin_indefinite_lengths(void)
{
    assert_begin(begin_indef, sizeof begin_indef);
    ss_tcap_iter_init(&it, &t);
    ss_tcap_next_component(&it, &c);
    CU_ASSERT_EQUAL(c.param_len, 10); /* 30 80, 6 octets, 00 00 */
}

static void test_tcap_every_truncation_fails(void)
{
    for (size_t n = 0; n < sizeof begin; n++)
        CU_ASSERT_NOT_EQUAL(decode_prefix(begin, n), SS_OK);
    for (size_t n = 0; n < sizeof begin_indef; n++)
        CU_ASSERT_NOT_EQUAL(decode_prefix(begin_indef, n), SS_OK);
}

static void test_tcap_continue_with_invoke(void)
{
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(cont, sizeof cont, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_CONTINUE);
    CU_ASSERT_EQUAL(t.otid, 0xaabbccdd);
    CU_ASSERT_EQUAL(t.dtid, 0x11223344);
    CU_ASSERT_FALSE(t.has_acn);
    CU_ASSERT_EQUAL(t.map_version, 0);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, 2);
    CU_ASSERT_EQUAL(c.opcode, 46);
    CU_ASSERT_EQUAL(c.param_len, 8);
}

static void assert_end_rrl(const uint8_t *v, size_t n, size_t param_len)
{
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, n, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_END);
    CU_ASSERT_FALSE(t.has_otid);
    CU_ASSERT_EQUAL(t.dtid, 0xaabbccdd);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_RESULT_LAST);
    CU_ASSERT_EQUAL(c.invoke_id, 1);
    CU_ASSERT_TRUE(c.has_opcode);
    CU_ASSERT_EQUAL(c.opcode, 46);
    CU_ASSERT_EQUAL(c.param[0], 0x04);
    CU_ASSERT_EQUAL(c.param_len, param_len);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_END);
}

static void test_tcap_end_return_result_last(void)
{
    assert_end_rrl(end_rrl, sizeof end_rrl, 5);
}

static void test_tcap_end_return_result_last_indefinite(void)
{
    assert_end_rrl(end_rrl_indef, sizeof end_rrl_indef, 5);
}

static void test_tcap_return_result_without_result(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x64, 0x0d, 0x49, 0x04, 0xaa, 0xbb, 0xcc, 0xdd, /* End, DTID */
        0x6c, 0x05, 0xa7, 0x03, 0x02, 0x01, 0x09,       /* ReturnResultNotLast id 9 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, sizeof v, &t), SS_OK);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_RESULT_NOT_LAST);
    CU_ASSERT_EQUAL(c.invoke_id, 9);
    CU_ASSERT_FALSE(c.has_opcode);
    CU_ASSERT_EQUAL(c.param_len, 0);
}

static void test_tcap_return_error_and_rejects(void)
{
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(end_err, sizeof end_err, &t), SS_OK);
    CU_ASSERT_EQUAL(t.dtid, 7);
    CU_ASSERT_EQUAL(t.dtid_len, 1);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_ERROR);
    CU_ASSERT_EQUAL(c.invoke_id, 5);
    CU_ASSERT_TRUE(c.has_error);
    CU_ASSERT_EQUAL(c.error, 32);
    CU_ASSERT_FALSE(c.has_opcode);
    CU_ASSERT_EQUAL(c.param_len, 5);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_REJECT);
    CU_ASSERT_TRUE(c.has_invoke_id);
    CU_ASSERT_EQUAL(c.invoke_id, 1);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_REJECT);
    CU_ASSERT_FALSE(c.has_invoke_id);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_END);
}

static const uint8_t *one_component(const uint8_t *cmp, size_t n, uint8_t *buf)
{
    buf[0] = 0x61; /* Unidirectional: no transaction ids */
    buf[1] = (uint8_t)(n + 2);
    buf[2] = 0x6c; /* component portion */
    buf[3] = (uint8_t)n;
    memcpy(buf + 4, cmp, n);
    return buf;
}

static enum ss_result first_component(const uint8_t *cmp, size_t n)
{
    uint8_t buf[64];
    enum ss_result rc = ss_tcap_decode(one_component(cmp, n, buf), n + 4, &t);
    if (rc != SS_OK)
        return rc;
    ss_tcap_iter_init(&it, &t);
    rc = ss_tcap_next_component(&it, &c);
    /* Whatever the result, a walk that stopped stays stopped. */
    if (rc != SS_OK)
        CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_END);
    return rc;
}

static void test_tcap_invoke_linked_id_and_global_opcode(void)
{
    /* clang-format off */
    static const uint8_t linked[] = {
        0xa1, 0x09, 0x02, 0x01, 0x02, /* Invoke, invokeID 2 */
        0x80, 0x01, 0x01,             /*   linkedID 1 */
        0x02, 0x01, 0x2c,             /*   opcode 44 (mt-forwardSM) */
    };
    /* clang-format on */
    /* clang-format off */
    static const uint8_t global[] = {
        0xa1, 0x08, 0x02, 0x01, 0x01, /* Invoke, invokeID 1 */
        0x06, 0x03, 0x2a, 0x03, 0x04, /*   opcode global OID */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(first_component(linked, sizeof linked), SS_OK);
    CU_ASSERT_EQUAL(c.opcode, 44);
    CU_ASSERT_EQUAL(c.param_len, 0);
    CU_ASSERT_EQUAL(first_component(global, sizeof global), SS_OK);
    CU_ASSERT_TRUE(c.has_invoke_id);
    CU_ASSERT_FALSE(c.has_opcode);
}

/* The common Invoke (one-octet invokeID and local opcode) and the shapes
 * next to it that the general walk reads. */
static void test_tcap_invoke_common_shape_and_fallbacks(void)
{
    /* clang-format off */
    static const uint8_t common[] = {
        0xa1, 0x08, 0x02, 0x01, 0xff, /* Invoke, invokeID -1 */
        0x02, 0x01, 0x2e,             /*   opcode 46 (mo-forwardSM) */
        0x05, 0x00,                   /*   parameter NULL */
    };
    static const uint8_t high_opcode[] = {
        0xa1, 0x06, 0x02, 0x01, 0x7f, /* Invoke, invokeID 127 */
        0x02, 0x01, 0x80,             /*   opcode -128 */
    };
    static const uint8_t two_octet_id[] = {
        0xa1, 0x07, 0x02, 0x02, 0x01, 0x00, /* Invoke, invokeID 256 */
        0x02, 0x01, 0x2c,                   /*   opcode 44 */
    };
    static const uint8_t two_octet_op[] = {
        0xa1, 0x07, 0x02, 0x01, 0x03, /* Invoke, invokeID 3 */
        0x02, 0x02, 0x01, 0x2d,       /*   opcode 301 */
    };
    static const uint8_t cut_op[] = {0xa1, 0x05, 0x02, 0x01, 0x01, 0x02, 0x01};
    static const uint8_t cut_param[] = {0xa1, 0x08, 0x02, 0x01, 0x01, 0x02, 0x01, 0x2e, 0x04, 0x05};
    /* clang-format on */
    CU_ASSERT_EQUAL(first_component(common, sizeof common), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_INVOKE);
    CU_ASSERT_TRUE(c.has_invoke_id);
    CU_ASSERT_EQUAL(c.invoke_id, -1);
    CU_ASSERT_TRUE(c.has_opcode);
    CU_ASSERT_EQUAL(c.opcode, 46);
    CU_ASSERT_EQUAL(c.param_len, 2);
    CU_ASSERT_EQUAL(c.param[0], 0x05);
    CU_ASSERT_EQUAL(first_component(high_opcode, sizeof high_opcode), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, 127);
    CU_ASSERT_EQUAL(c.opcode, -128);
    CU_ASSERT_EQUAL(c.param_len, 0);
    CU_ASSERT_EQUAL(first_component(two_octet_id, sizeof two_octet_id), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, 256);
    CU_ASSERT_EQUAL(c.opcode, 44);
    CU_ASSERT_EQUAL(first_component(two_octet_op, sizeof two_octet_op), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, 3);
    CU_ASSERT_EQUAL(c.opcode, 301);
    CU_ASSERT_EQUAL(first_component(cut_op, sizeof cut_op), SS_TRUNCATED);
    CU_ASSERT_EQUAL(first_component(cut_param, sizeof cut_param), SS_TRUNCATED);
}

static void test_tcap_component_errors(void)
{
    static const uint8_t empty[] = {0xa1, 0x00}; /* no invokeID */
    static const uint8_t id_tag[] = {0xa1, 0x06, 0x04, 0x01, 0x01, 0x02, 0x01, 0x2e};
    static const uint8_t id_len[] = {0xa1, 0x0a, 0x02, 0x05, 1, 2, 3, 4, 5, 0x02, 0x01, 0x2e};
    static const uint8_t op_len[] = {0xa1, 0x05, 0x02, 0x01, 0x01, 0x02, 0x00};
    static const uint8_t no_op[] = {0xa1, 0x03, 0x02, 0x01, 0x01};
    static const uint8_t op_tag[] = {0xa1, 0x06, 0x02, 0x01, 0x01, 0x04, 0x01, 0x2e};
    static const uint8_t trailing[] = {0xa1, 0x0a, 0x02, 0x01, 0x01, 0x02,
                                       0x01, 0x2e, 0x05, 0x00, 0x05, 0x00}; /* two parameters */
    static const uint8_t over[] = {0xa1, 0x10, 0x02, 0x01, 0x01};           /* says 16, has 3 */
    static const uint8_t kind[] = {0xa5, 0x03, 0x02, 0x01, 0x01};           /* no component [5] */
    static const uint8_t rej[] = {0xa4, 0x06, 0x02, 0x01, 0x01, 0x84, 0x01, 0x00};
    static const uint8_t res_tag[] = {0xa2, 0x08, 0x02, 0x01, 0x01, 0x31, 0x03, 0x02, 0x01, 0x2e};
    static const uint8_t err_tag[] = {0xa3, 0x06, 0x02, 0x01, 0x01, 0x04, 0x01, 0x20};
    CU_ASSERT_EQUAL(first_component(empty, sizeof empty), SS_TRUNCATED);
    CU_ASSERT_EQUAL(first_component(id_tag, sizeof id_tag), SS_BAD_TAG);
    CU_ASSERT_EQUAL(first_component(id_len, sizeof id_len), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(first_component(op_len, sizeof op_len), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(first_component(no_op, sizeof no_op), SS_TRUNCATED);
    CU_ASSERT_EQUAL(first_component(op_tag, sizeof op_tag), SS_BAD_TAG);
    CU_ASSERT_EQUAL(first_component(trailing, sizeof trailing), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(first_component(over, sizeof over), SS_TRUNCATED);
    CU_ASSERT_EQUAL(first_component(kind, sizeof kind), SS_BAD_TAG);
    CU_ASSERT_EQUAL(first_component(rej, sizeof rej), SS_BAD_TAG);
    CU_ASSERT_EQUAL(first_component(res_tag, sizeof res_tag), SS_BAD_TAG);
    CU_ASSERT_EQUAL(first_component(err_tag, sizeof err_tag), SS_BAD_TAG);
}

static void test_tcap_abort_and_unidirectional(void)
{
    /* clang-format off */
    static const uint8_t abort[] = {
        0x67, 0x09, 0x49, 0x04, 0xaa, 0xbb, 0xcc, 0xdd, /* Abort, DTID */
        0x4a, 0x01, 0x01,                               /*   P-AbortCause 1 */
    };
    /* clang-format on */
    static const uint8_t uni[] = {0x61, 0x07, 0x6c, 0x05, 0xa1, 0x03, 0x02, 0x01, 0x01};
    CU_ASSERT_EQUAL(ss_tcap_decode(abort, sizeof abort, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_ABORT);
    CU_ASSERT_EQUAL(t.dtid, 0xaabbccdd);
    CU_ASSERT_EQUAL(t.components_len, 0);
    CU_ASSERT_EQUAL(ss_tcap_decode(uni, sizeof uni, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_UNI);
    CU_ASSERT_EQUAL(t.components_len, 5);
}

static void test_tcap_wrong_message_and_portion_tags(void)
{
    uint8_t v[sizeof begin];
    copy(v, begin, sizeof v);
    v[0] = 0x63; /* no TCAP message [APPLICATION 3] */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_BAD_TAG);
    copy(v, begin, sizeof v);
    v[2] = 0x47; /* [APPLICATION 7] where the OTID belongs */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_BAD_TAG);
    copy(v, begin, sizeof v);
    v[2] = 0x49; /* a Begin carrying a DTID instead of an OTID */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_BAD_VALUE);
    static const uint8_t two_portions[] = {0x61, 0x04, 0x6c, 0x00, 0x6c, 0x00};
    CU_ASSERT_EQUAL(ss_tcap_decode(two_portions, sizeof two_portions, &t), SS_BAD_TAG);
}

static void test_tcap_transaction_id_lengths(void)
{
    static const uint8_t zero[] = {0x62, 0x02, 0x48, 0x00};
    static const uint8_t five[] = {0x62, 0x07, 0x48, 0x05, 1, 2, 3, 4, 5};
    static const uint8_t over[] = {0x62, 0x06, 0x48, 0x05, 1, 2, 3, 4}; /* OTID past Begin */
    static const uint8_t one[] = {0x62, 0x03, 0x48, 0x01, 0x7f};
    CU_ASSERT_EQUAL(ss_tcap_decode(zero, sizeof zero, &t), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_tcap_decode(five, sizeof five, &t), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_tcap_decode(over, sizeof over, &t), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_tcap_decode(one, sizeof one, &t), SS_OK);
    CU_ASSERT_EQUAL(t.otid, 0x7f);
    CU_ASSERT_EQUAL(t.otid_len, 1);
}

/* Four-octet ids first among the portions (the common header) and the
 * orders and lengths around it that the general walk reads. */
static void test_tcap_four_octet_ids_and_fallbacks(void)
{
    /* clang-format off */
    static const uint8_t ids[] = {
        0x65, 0x0c,                         /* Continue */
        0x48, 0x04, 0x81, 0x02, 0x03, 0x04, /*   OTID 0x81020304 */
        0x49, 0x04, 0x0a, 0x0b, 0x0c, 0x0d, /*   DTID 0x0a0b0c0d */
    };
    static const uint8_t swapped[] = {
        0x65, 0x0b,                         /* Continue */
        0x49, 0x04, 0x0a, 0x0b, 0x0c, 0x0d, /*   DTID 0x0a0b0c0d first */
        0x48, 0x03, 0x01, 0x02, 0x03,       /*   OTID 0x010203 */
    };
    static const uint8_t twice[] = {
        0x64, 0x0c,                         /* End */
        0x49, 0x04, 0x00, 0x00, 0x00, 0x01, /*   DTID 1 */
        0x49, 0x04, 0x00, 0x00, 0x00, 0x02, /*   DTID again */
    };
    static const uint8_t cut[] = {0x64, 0x05, 0x49, 0x04, 0x00, 0x00, 0x01}; /* 3 of 4 */
    static const uint8_t past[] = {0x64, 0x06, 0x49, 0x05, 1, 2, 3, 4};    /* says 5, has 4 */
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_tcap_decode(ids, sizeof ids, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_CONTINUE);
    CU_ASSERT_TRUE(t.has_otid);
    CU_ASSERT_EQUAL(t.otid, 0x81020304u);
    CU_ASSERT_EQUAL(t.otid_len, 4);
    CU_ASSERT_TRUE(t.has_dtid);
    CU_ASSERT_EQUAL(t.dtid, 0x0a0b0c0du);
    CU_ASSERT_EQUAL(t.dtid_len, 4);
    CU_ASSERT_PTR_NULL(t.components);
    CU_ASSERT_EQUAL(ss_tcap_decode(swapped, sizeof swapped, &t), SS_OK);
    CU_ASSERT_EQUAL(t.otid, 0x010203u);
    CU_ASSERT_EQUAL(t.otid_len, 3);
    CU_ASSERT_EQUAL(t.dtid, 0x0a0b0c0du);
    CU_ASSERT_EQUAL(ss_tcap_decode(twice, sizeof twice, &t), SS_BAD_TAG);
    CU_ASSERT_EQUAL(ss_tcap_decode(cut, sizeof cut, &t), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_tcap_decode(past, sizeof past, &t), SS_TRUNCATED);
    for (size_t n = 0; n < sizeof ids; n++)
        CU_ASSERT_EQUAL(ss_tcap_decode(ids, n, &t), SS_TRUNCATED);
}

static void test_tcap_dialogue_errors(void)
{
    uint8_t v[sizeof begin];
    copy(v, begin, sizeof v);
    v[10] = 0x30; /* SEQUENCE where EXTERNAL belongs */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_BAD_TAG);
    copy(v, begin, sizeof v);
    v[21] = 0xa1; /* [1] where single-ASN1-type [0] belongs */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_BAD_TAG);
    copy(v, begin, sizeof v);
    v[23] = 0x62; /* not an AARQ / AARE / ABRT */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_BAD_TAG);
    copy(v, begin, sizeof v);
    v[31] = 0x04; /* ACN holds an OCTET STRING, not an OID */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_BAD_TAG);
    copy(v, begin, sizeof v);
    v[32] = 0x08; /* ACN OID length past its [1] */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_TRUNCATED);
    copy(v, begin, sizeof v);
    v[9] = 0x1d; /* dialogue portion one short of its EXTERNAL */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_TRUNCATED);
}

static void test_tcap_acn_oversize_and_empty(void)
{
    /* clang-format off */
    static const uint8_t big[] = {
        0x62, 0x2a, 0x48, 0x01, 0x01,
        0x6b, 0x25, 0x28, 0x23, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x18, 0x60, 0x16, 0xa1, 0x14,
        0x06, 0x12, /* OID of 18 octets > SS_TCAP_ACN_MAX */
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    };
    /* clang-format on */
    /* clang-format off */
    static const uint8_t empty[] = {
        0x62, 0x18, 0x48, 0x01, 0x01,
        0x6b, 0x13, 0x28, 0x11, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x06, 0x60, 0x04, 0xa1, 0x02,
        0x06, 0x00, /* empty OID */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_tcap_decode(big, sizeof big, &t), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_tcap_decode(empty, sizeof empty, &t), SS_BAD_LENGTH);
}

/* A dialogue of another abstract syntax is valid and names no ACN. */
static void test_tcap_other_dialogue_syntax_has_no_acn(void)
{
    uint8_t v[sizeof begin];
    copy(v, begin, sizeof v);
    v[20] = 0x02; /* {0 0 17 773 1 1 2}: not dialogue-as-id */
    CU_ASSERT_EQUAL(ss_tcap_decode(v, sizeof v, &t), SS_OK);
    CU_ASSERT_FALSE(t.has_acn);
    CU_ASSERT_EQUAL(t.map_version, 0);
}

/* Hand-built TC-BEGIN (Q.773 §4.2) of a sendRoutingInfoForSM (TS 29.002
 * §12.1, opcode 45) with a dialogue portion (Q.773 §4.2.3, AARQ of
 * dialogue-as-id) naming shortMsgGatewayContext-v2 {0 4 0 0 1 0 20 2}. */
static void test_tcap_begin_sri_sm_with_gateway_dialogue_v2(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x62, 0x47,                   /* Begin, 71 = 6 + 32 + 33 */
        0x48, 0x04,                   /* otid, 4 octets */
        0x0a, 0x0b, 0x0c, 0x0d,
        0x6b, 0x1e,                   /* dialogue portion, 30 */
        0x28, 0x1c,                   /* EXTERNAL, 28 */
        0x06, 0x07,                   /* direct-reference: dialogue-as-id */
        0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01, /* {0 0 17 773 1 1 1} */
        0xa0, 0x11,                   /* single-ASN1-type, 17 */
        0x60, 0x0f,                   /* AARQ, 15 */
        0x80, 0x02, 0x07, 0x80,       /* protocol-version: version1 */
        0xa1, 0x09,                   /* application-context-name, 9 */
        0x06, 0x07,                   /* OID, 7 */
        0x04, 0x00, 0x00, 0x01, 0x00, 0x14, 0x02, /* {0 4 0 0 1 0 20 2} */
        0x6c, 0x1f,                   /* component portion, 31 */
        0xa1, 0x1d,                   /* invoke, 29 */
        0x02, 0x01, 0x05,             /* invokeID 5 */
        0x02, 0x01, 0x2d,             /* localValue 45 sendRoutingInfoForSM */
        0x30, 0x15,                   /* RoutingInfoForSM-Arg, 21 */
        0x80, 0x07, 0x91,             /* msisdn [0]: international ISDN */
        0x44, 0x77, 0x00, 0x09, 0x10, 0x32, /* 447700900123 */
        0x81, 0x01, 0x00,             /* sm-RP-PRI [1] FALSE */
        0x82, 0x07, 0x91,             /* serviceCentreAddress [2] */
        0x44, 0x77, 0x00, 0x09, 0x00, 0x10, /* 447700900001 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL_FATAL(sizeof v, 73);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, sizeof v, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_BEGIN);
    CU_ASSERT_EQUAL(t.otid, 0x0a0b0c0d);
    CU_ASSERT_EQUAL(t.map_ac, 20);
    CU_ASSERT_EQUAL(t.map_version, 2);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_INVOKE);
    CU_ASSERT_EQUAL(c.invoke_id, 5);
    CU_ASSERT_EQUAL(c.opcode, 45);
    CU_ASSERT_PTR_EQUAL(c.param, v + 50);
    CU_ASSERT_EQUAL(c.param[0], 0x30);
    CU_ASSERT_EQUAL(c.param_len, 23);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_END);
}

/* The dialogue portion in other layouts than the common one (no
 * protocol-version; a long-form length; an AARE with its result after
 * the ACN) names the same ACN. */
static void test_tcap_dialogue_layouts_same_acn(void)
{
    /* clang-format off */
    static const uint8_t no_version[] = {
        0x62, 0x20, 0x48, 0x04, 0x11, 0x22, 0x33, 0x44,
        0x6b, 0x18, 0x28, 0x16, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x0b, 0x60, 0x09, 0xa1, 0x07,
        0x06, 0x05, 0x04, 0x00, 0x00, 0x01, 0x00, /* too short for a MAP ACN */
    };
    static const uint8_t long_acn[] = {
        0x62, 0x27, 0x48, 0x04, 0x11, 0x22, 0x33, 0x44,
        0x6b, 0x1f, 0x28, 0x1d, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x12, 0x60, 0x10, 0x80, 0x02, 0x07, 0x80,
        0xa1, 0x81, 0x09, /* [1] with a one-octet long-form length */
        0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x15, 0x03,
    };
    static const uint8_t aare[] = {
        0x64, 0x2b, 0x49, 0x04, 0x11, 0x22, 0x33, 0x44,
        0x6b, 0x23, 0x28, 0x21, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x16, 0x61, 0x14, 0x80, 0x02, 0x07, 0x80,
        0xa1, 0x09, 0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x19, 0x03,
        0xa2, 0x03, 0x02, 0x01, 0x00, /* result accepted */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(no_version, sizeof no_version, &t), SS_OK);
    CU_ASSERT_TRUE(t.has_acn);
    CU_ASSERT_EQUAL(t.acn_len, 5);
    CU_ASSERT_EQUAL(t.map_version, 0);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(long_acn, sizeof long_acn, &t), SS_OK);
    CU_ASSERT_EQUAL(t.map_ac, 21);
    CU_ASSERT_EQUAL(t.map_version, 3);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(aare, sizeof aare, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_END);
    CU_ASSERT_EQUAL(t.map_ac, 25);
    CU_ASSERT_EQUAL(t.map_version, 3);
}

/* A Begin whose message, component portion, Invoke and parameter all
 * take the one-octet long form (0x81): the header reader of the common
 * message shape, read to the same fields as the general walk would. */
static size_t long_begin(uint8_t *v)
{
    static const uint8_t head[] = {
        0x62, 0x81, 0x8f,                   /* Begin, 143 */
        0x48, 0x04, 0x01, 0x02, 0x03, 0x04, /*   OTID 0x01020304 */
        0x6c, 0x81, 0x86,                   /*   component portion, 134 */
        0xa1, 0x81, 0x83,                   /*     Invoke, 131 */
        0x02, 0x01, 0x05,                   /*       invokeID 5 */
        0x02, 0x01, 0x2c,                   /*       opcode 44 (mt-forwardSM) */
        0x04, 0x81, 0x7a,                   /*       parameter OCTET STRING, 122 */
    };
    memcpy(v, head, sizeof head);
    memset(v + sizeof head, 0x41, 122);
    return sizeof head + 122; /* 146 */
}

static void test_tcap_long_form_message_shape(void)
{
    uint8_t v[146];
    size_t n = long_begin(v);
    CU_ASSERT_EQUAL_FATAL(n, sizeof v);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, n, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_BEGIN);
    CU_ASSERT_EQUAL(t.otid, 0x01020304u);
    CU_ASSERT_FALSE(t.has_dtid);
    CU_ASSERT_FALSE(t.has_acn);
    CU_ASSERT_PTR_EQUAL(t.components, v + 12);
    CU_ASSERT_EQUAL(t.components_len, 134);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_INVOKE);
    CU_ASSERT_EQUAL(c.invoke_id, 5);
    CU_ASSERT_EQUAL(c.opcode, 44);
    CU_ASSERT_PTR_EQUAL(c.param, v + 21);
    CU_ASSERT_EQUAL(c.param_len, 125);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_END);
    for (size_t k = 0; k < n; k++)
        CU_ASSERT_NOT_EQUAL(decode_prefix(v, k), SS_OK);
    /* The parameter one octet short of the Invoke's end: a stray octet
     * after it (the general walk's BAD_LENGTH). */
    v[23] = 0x79;
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, n, &t), SS_OK);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_BAD_LENGTH);
    /* The parameter past the Invoke's end. */
    v[23] = 0x7b;
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, n, &t), SS_OK);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_TRUNCATED);
    /* Two length octets (0x82) on the message: the general reader. */
    uint8_t w[147];
    w[0] = 0x62;
    w[1] = 0x82;
    w[2] = 0x00;
    w[3] = 0x8f;
    v[23] = 0x7a;
    memcpy(w + 4, v + 3, n - 3);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(w, sizeof w, &t), SS_OK);
    CU_ASSERT_EQUAL(t.otid, 0x01020304u);
    CU_ASSERT_PTR_EQUAL(t.components, w + 13);
    CU_ASSERT_EQUAL(t.components_len, 134);
}

/* Messages beside the common shape, which the general walk reads: the
 * portions in another order, an octet after the last portion, the
 * dialogue's EXTERNAL not filling its portion, an ACN of 6 octets, and
 * one of 7 octets that is not a MAP ACN. */
static void test_tcap_common_shape_fallbacks(void)
{
    /* clang-format off */
    static const uint8_t comps_first[] = {
        0x64, 0x2d,                         /* End, 45 */
        0x49, 0x04, 0xaa, 0xbb, 0xcc, 0xdd, /*   DTID */
        0x6c, 0x05, 0xa2, 0x03, 0x02, 0x01, 0x07, /* ReturnResultLast id 7 */
        0x6b, 0x1e, 0x28, 0x1c, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x11, 0x61, 0x0f, 0x80, 0x02, 0x07, 0x80,
        0xa1, 0x09, 0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x19, 0x02, /* AARE ac 25 v2 */
    };
    static const uint8_t stray[] = {
        0x65, 0x14,                         /* Continue, 20 */
        0x48, 0x04, 0x01, 0x02, 0x03, 0x04,
        0x49, 0x04, 0x05, 0x06, 0x07, 0x08,
        0x6c, 0x05, 0xa2, 0x03, 0x02, 0x01, 0x07,
        0x05,                               /*   one octet: no element */
    };
    static const uint8_t cmp_past[] = {
        0x64, 0x0a,                         /* End, 10 */
        0x49, 0x04, 0xaa, 0xbb, 0xcc, 0xdd,
        0x6c, 0x05, 0xa2, 0x03,             /*   component portion says 5, has 2 */
    };
    static const uint8_t cmp_long2[] = {
        0x64, 0x0f,                         /* End, 15 */
        0x49, 0x04, 0xaa, 0xbb, 0xcc, 0xdd,
        0x6c, 0x82, 0x00, 0x05,             /*   component portion, two length octets */
        0xa2, 0x03, 0x02, 0x01, 0x07,
    };
    static const uint8_t loose[] = {
        0x62, 0x22,                         /* Begin, 34 */
        0x48, 0x04, 0x11, 0x22, 0x33, 0x44,
        0x6b, 0x1a,                         /*   dialogue portion, 26 */
        0x28, 0x16,                         /*     EXTERNAL, 22: 2 octets short of it */
        0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x0b, 0x60, 0x09,             /*       no protocol-version */
        0xa1, 0x07, 0x06, 0x05, 0x04, 0x00, 0x00, 0x01, 0x00,
        0x05, 0x00,                         /*     outside the EXTERNAL */
    };
    static const uint8_t acn6[] = {
        0x62, 0x21,                         /* Begin, 33 */
        0x48, 0x04, 0x11, 0x22, 0x33, 0x44,
        0x6b, 0x19, 0x28, 0x17, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x0c, 0x60, 0x0a, 0xa1, 0x08,
        0x06, 0x06, 0x04, 0x00, 0x00, 0x01, 0x00, 0x15, /* 6 octets: not a MAP ACN */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(comps_first, sizeof comps_first, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_END);
    CU_ASSERT_EQUAL(t.dtid, 0xaabbccddu);
    CU_ASSERT_TRUE(t.has_acn);
    CU_ASSERT_EQUAL(t.map_ac, 25);
    CU_ASSERT_EQUAL(t.map_version, 2);
    CU_ASSERT_PTR_EQUAL(t.components, comps_first + 10);
    CU_ASSERT_EQUAL(t.components_len, 5);
    CU_ASSERT_EQUAL(ss_tcap_decode(stray, sizeof stray, &t), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_tcap_decode(cmp_past, sizeof cmp_past, &t), SS_TRUNCATED);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(cmp_long2, sizeof cmp_long2, &t), SS_OK);
    CU_ASSERT_PTR_EQUAL(t.components, cmp_long2 + 12);
    CU_ASSERT_EQUAL(t.components_len, 5);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(loose, sizeof loose, &t), SS_OK);
    CU_ASSERT_TRUE(t.has_acn);
    CU_ASSERT_EQUAL(t.acn_len, 5);
    CU_ASSERT_EQUAL(t.map_version, 0);
    CU_ASSERT_PTR_NULL(t.components);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(acn6, sizeof acn6, &t), SS_OK);
    CU_ASSERT_EQUAL(t.acn_len, 6);
    CU_ASSERT_EQUAL(t.acn[5], 0x15);
    CU_ASSERT_EQUAL(t.map_ac, 0);
    CU_ASSERT_EQUAL(t.map_version, 0);
    uint8_t v[sizeof begin];
    copy(v, begin, sizeof v);
    v[33] = 0x05; /* {0 5 ...}: not itu-t identified-organization etsi */
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, sizeof v, &t), SS_OK);
    CU_ASSERT_TRUE(t.has_acn);
    CU_ASSERT_EQUAL(t.acn_len, 7);
    CU_ASSERT_EQUAL(t.acn[0], 0x05);
    CU_ASSERT_EQUAL(t.acn[6], 0x03);
    CU_ASSERT_EQUAL(t.map_ac, 0);
    CU_ASSERT_EQUAL(t.map_version, 0);
}

/* The common dialogue shape without protocol-version: the shortest one
 * the word matcher takes (26 octets of portion contents). */
static void test_tcap_dialogue_without_version(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x62, 0x22,                         /* Begin, 34 */
        0x48, 0x04, 0x11, 0x22, 0x33, 0x44, /*   OTID */
        0x6b, 0x1a,                         /*   dialogue portion, 26 */
        0x28, 0x18,                         /*     EXTERNAL, 24 */
        0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01,
        0xa0, 0x0d,                         /*       [0], 13 */
        0x60, 0x0b,                         /*         AARQ, 11 */
        0xa1, 0x09,                         /*           ACN */
        0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x15, 0x02, /* ac 21 v2 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(v, sizeof v, &t), SS_OK);
    CU_ASSERT_TRUE(t.has_acn);
    CU_ASSERT_EQUAL(t.acn_len, 7);
    CU_ASSERT_EQUAL(t.map_ac, 21);
    CU_ASSERT_EQUAL(t.map_version, 2);
    CU_ASSERT_PTR_NULL(t.components);
    for (size_t n = 0; n < sizeof v; n++)
        CU_ASSERT_NOT_EQUAL(decode_prefix(v, n), SS_OK);
}

/* ReturnResultLast of its invokeID alone, the component every End of a
 * MAP SMS dialogue carries, and the forms around it. */
static void test_tcap_result_last_id_only_and_fallbacks(void)
{
    static const uint8_t neg[] = {0xa2, 0x03, 0x02, 0x01, 0x80};
    static const uint8_t two[] = {0xa2, 0x04, 0x02, 0x02, 0x01, 0x00};
    static const uint8_t cut[] = {0xa2, 0x03, 0x02, 0x01};
    static const uint8_t not_int[] = {0xa2, 0x03, 0x04, 0x01, 0x07};
    static const uint8_t two_cmp[] = {0xa2, 0x03, 0x02, 0x01, 0x07, 0xa2, 0x03, 0x02, 0x01, 0x08};
    CU_ASSERT_EQUAL(first_component(neg, sizeof neg), SS_OK);
    CU_ASSERT_EQUAL(c.type, SS_TCAP_RESULT_LAST);
    CU_ASSERT_TRUE(c.has_invoke_id);
    CU_ASSERT_EQUAL(c.invoke_id, -128);
    CU_ASSERT_FALSE(c.has_opcode);
    CU_ASSERT_PTR_NULL(c.param);
    CU_ASSERT_EQUAL(c.param_len, 0);
    CU_ASSERT_EQUAL(first_component(two, sizeof two), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, 256);
    CU_ASSERT_EQUAL(first_component(cut, sizeof cut), SS_TRUNCATED);
    CU_ASSERT_EQUAL(first_component(not_int, sizeof not_int), SS_BAD_TAG);
    uint8_t buf[4 + sizeof two_cmp];
    CU_ASSERT_EQUAL_FATAL(
        ss_tcap_decode(one_component(two_cmp, sizeof two_cmp, buf), sizeof buf, &t), SS_OK);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, 7);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, 8);
    CU_ASSERT_EQUAL(ss_tcap_next_component(&it, &c), SS_END);
}

/* The lengths the message's walk finds serve the component walk of that
 * message only: the same Begin decoded again at the same address with a
 * parameter three octets longer (82 01 cc before its end-of-contents)
 * has its component portion, Invoke and parameter contents where the
 * first one had them, with other lengths; each must be its own. */
static void test_tcap_indefinite_lengths_do_not_outlive_their_message(void)
{
    static const uint8_t more[] = {0x82, 0x01, 0xcc};
    uint8_t buf[sizeof begin_indef + sizeof more];
    const size_t eoc = sizeof begin_indef - 8; /* the parameter's 00 00 */

    memcpy(buf, begin_indef, sizeof begin_indef);
    assert_begin(buf, sizeof begin_indef);
    CU_ASSERT_EQUAL(t.components_len, 20); /* a1 80, 3, 3, 10, 00 00 */
    memcpy(buf, begin_indef, eoc);
    memcpy(buf + eoc, more, sizeof more);
    memcpy(buf + eoc + sizeof more, begin_indef + eoc, 8);
    assert_begin(buf, sizeof buf);
    CU_ASSERT_EQUAL(t.components_len, 23);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_PTR_EQUAL(c.param, buf + eoc - 8);
    CU_ASSERT_EQUAL(c.param_len, 13); /* 30 80, 9 octets, 00 00 */
    /* And back to the first, then a definite Begin, at the same address. */
    memcpy(buf, begin_indef, sizeof begin_indef);
    assert_begin(buf, sizeof begin_indef);
    ss_tcap_iter_init(&it, &t);
    ss_tcap_next_component(&it, &c);
    CU_ASSERT_EQUAL(c.param_len, 10);
    memcpy(buf, begin, sizeof begin);
    assert_begin(buf, sizeof begin);
}

static const struct ss_test tests[] = {
    SS_TEST(test_tcap_indefinite_lengths_do_not_outlive_their_message),
    SS_TEST(test_tcap_begin_aarq_mo_relay_v3_invoke_46),
    SS_TEST(test_tcap_begin_indefinite_lengths),
    SS_TEST(test_tcap_every_truncation_fails),
    SS_TEST(test_tcap_continue_with_invoke),
    SS_TEST(test_tcap_end_return_result_last),
    SS_TEST(test_tcap_end_return_result_last_indefinite),
    SS_TEST(test_tcap_return_result_without_result),
    SS_TEST(test_tcap_return_error_and_rejects),
    SS_TEST(test_tcap_invoke_linked_id_and_global_opcode),
    SS_TEST(test_tcap_invoke_common_shape_and_fallbacks),
    SS_TEST(test_tcap_component_errors),
    SS_TEST(test_tcap_abort_and_unidirectional),
    SS_TEST(test_tcap_wrong_message_and_portion_tags),
    SS_TEST(test_tcap_transaction_id_lengths),
    SS_TEST(test_tcap_four_octet_ids_and_fallbacks),
    SS_TEST(test_tcap_dialogue_errors),
    SS_TEST(test_tcap_dialogue_layouts_same_acn),
    SS_TEST(test_tcap_acn_oversize_and_empty),
    SS_TEST(test_tcap_other_dialogue_syntax_has_no_acn),
    SS_TEST(test_tcap_begin_sri_sm_with_gateway_dialogue_v2),
    SS_TEST(test_tcap_long_form_message_shape),
    SS_TEST(test_tcap_common_shape_fallbacks),
    SS_TEST(test_tcap_dialogue_without_version),
    SS_TEST(test_tcap_result_last_id_only_and_fallbacks),
};

int main(void)
{
    return SS_RUN_SUITE("tcap", NULL, NULL, tests) != 0;
}
