/* SCCP (Q.713): vectors written out by hand from Q.713 §3 and §4. */
#include <CUnit/Basic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/decode/sccp.h"
#include "tests/unit/runner.h"

static struct ss_sccp m;
static struct ss_sccp_addr a;

/* An address's GT digits as text, converted on demand. */
static const char *gt_text(const struct ss_sccp_addr *addr)
{
    static char digits[SS_DIGITS_MAX + 1];

    ss_sccp_gt_digits(addr, digits);
    return digits;
}

/* UDT, both parties routed on GT with GTI 4 (Q.713 §4.10, §3.4). */
/* clang-format off */
static const uint8_t udt[] = {
    0x09,             /*  0 message type UDT */
    0x80,             /*  1 protocol class 0, return message on error */
    0x03,             /*  2 pointer to called: 2 + 3 = 5 */
    0x0c,             /*  3 pointer to calling: 3 + 12 = 15 */
    0x16,             /*  4 pointer to data: 4 + 22 = 26 */
    0x09,             /*  5 called length 9 */
    0x12,             /*  6 AI: RI 0 (GT), GTI 4, SSN present, no PC */
    0x06,             /*  7 SSN 6 (HLR) */
    0x00,             /*  8 TT 0 */
    0x11,             /*  9 NP 1 (E.164), ES 1 (BCD, odd) */
    0x04,             /* 10 NAI 4 (international) */
    0x14, 0x97, 0x21, /* 11 digits 4 1 7 9 1 2 */
    0x03,             /* 14 digit 3, high nibble padding: 7 digits */
    0x0a,             /* 15 calling length 10 */
    0x12,             /* 16 AI: GTI 4, SSN present */
    0x08,             /* 17 SSN 8 (MSC) */
    0x00,             /* 18 TT 0 */
    0x12,             /* 19 NP 1, ES 2 (BCD, even) */
    0x04,             /* 20 NAI 4 */
    0x14, 0x97, 0x21, 0x43, 0x65, /* 21 digits 4179123456 */
    0x03,             /* 26 data length 3 */
    0xde, 0xad, 0xbe, /* 27 user data */
};
/* clang-format on */

/* XUDT with PC+SSN parties and a segmentation parameter (Q.713 §4.18). */
/* clang-format off */
static const uint8_t xudt[] = {
    0x11,                   /*  0 message type XUDT */
    0x81,                   /*  1 protocol class 1, return on error */
    0x0f,                   /*  2 hop counter 15 */
    0x04,                   /*  3 pointer to called: 3 + 4 = 7 */
    0x08,                   /*  4 pointer to calling: 4 + 8 = 12 */
    0x0c,                   /*  5 pointer to data: 5 + 12 = 17 */
    0x10,                   /*  6 pointer to optional part: 6 + 16 = 22 */
    0x04, 0x43, 0x34, 0x12, 0x06, /*  7 called: len 4, AI RI=SSN PC+SSN, PC 0x1234, SSN 6 */
    0x04, 0x43, 0x01, 0x00, 0x08, /* 12 calling: len 4, AI, PC 1, SSN 8 */
    0x04, 0xd0, 0xd1, 0xd2, 0xd3, /* 17 data: len 4 */
    0x10, 0x04,             /* 22 segmentation, length 4 */
    0xc3,                   /* 24 F=1, C=1, remaining 3 */
    0x01, 0x02, 0x03,       /* 25 local reference 0x030201 (LSB first) */
    0x12, 0x01, 0x05,       /* 28 importance, length 1, value 5 */
    0x00,                   /* 31 end of optional parameters */
};
/* clang-format on */
#define XUDT_SEG_OCTET 24

/* Decodes the first n octets from a heap copy of exactly n octets, so
 * that AddressSanitizer catches any read past the end. */
static enum ss_result decode_prefix(const uint8_t *v, size_t n)
{
    uint8_t *h = malloc(n ? n : 1);
    memcpy(h, v, n);
    enum ss_result rc = ss_sccp_decode(h, n, &m);
    free(h);
    return rc;
}

static void copy(uint8_t *dst, const uint8_t *src, size_t n)
{
    memcpy(dst, src, n);
}

static void test_sccp_udt_gt_routed_gti4_odd_and_even(void)
{
    CU_ASSERT_EQUAL(ss_sccp_decode(udt, sizeof udt, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_UDT);
    CU_ASSERT_EQUAL(m.pclass, 0);
    CU_ASSERT_EQUAL(m.called.ri, 0);
    CU_ASSERT_EQUAL(m.called.gti, 4);
    CU_ASSERT_TRUE(m.called.has_ssn);
    CU_ASSERT_FALSE(m.called.has_pc);
    CU_ASSERT_EQUAL(m.called.ssn, 6);
    CU_ASSERT_EQUAL(m.called.tt, 0);
    CU_ASSERT_EQUAL(m.called.np, 1);
    CU_ASSERT_EQUAL(m.called.es, 1);
    CU_ASSERT_EQUAL(m.called.nai, 4);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.called), "4179123");
    CU_ASSERT_EQUAL(m.calling.ssn, 8);
    CU_ASSERT_EQUAL(m.calling.es, 2);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.calling), "4179123456");
    CU_ASSERT_PTR_EQUAL(m.data, udt + 27);
    CU_ASSERT_EQUAL(m.len, 3);
    CU_ASSERT_FALSE(m.has_seg);
}

static void test_sccp_udt_every_truncation_fails(void)
{
    for (size_t n = 0; n < sizeof udt; n++)
        CU_ASSERT_NOT_EQUAL(decode_prefix(udt, n), SS_OK);
}

static void test_sccp_udt_pointer_out_of_bounds_bad_length(void)
{
    uint8_t v[sizeof udt];
    for (size_t i = 2; i <= 4; i++) {
        copy(v, udt, sizeof v);
        v[i] = (uint8_t)(sizeof v - i); /* lands one past the end */
        CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
        v[i] = 0xff;
        CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
    }
}

static void test_sccp_udt_zero_pointer_bad_value(void)
{
    uint8_t v[sizeof udt];
    copy(v, udt, sizeof v);
    v[3] = 0;
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_VALUE);
}

static void test_sccp_udt_pointer_into_fixed_part_bad_value(void)
{
    uint8_t v[sizeof udt];
    copy(v, udt, sizeof v);
    v[2] = 1; /* called "at" octet 3, the second pointer */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_VALUE);
}

static void test_sccp_udt_parameter_length_oversize_bad_length(void)
{
    uint8_t v[sizeof udt];
    copy(v, udt, sizeof v);
    v[26] = 4; /* data says 4, 3 left */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
    copy(v, udt, sizeof v);
    v[5] = 0xf0; /* called address runs past the message */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
}

/* A shorter called length cuts the GT: 3 digit octets, odd = 5 digits. */
static void test_sccp_udt_address_length_bounds_digits(void)
{
    uint8_t v[sizeof udt];
    copy(v, udt, sizeof v);
    v[5] = 8;
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.called), "41791");
    v[5] = 4; /* AI, SSN, TT, NP/ES: NAI missing */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_TRUNCATED);
    v[5] = 0; /* no address indicator */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_TRUNCATED);
}

static void test_sccp_connection_oriented_type_unsupported(void)
{
    uint8_t v[sizeof udt];
    copy(v, udt, sizeof v);
    v[0] = 0x01; /* CR */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_UNSUPPORTED);
}

static void test_sccp_udts_recognised_with_return_cause(void)
{
    uint8_t v[sizeof udt];
    copy(v, udt, sizeof v);
    v[0] = SS_SCCP_UDTS;
    v[1] = 0x01; /* return cause 1: no translation for this specific address */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_UDTS);
    CU_ASSERT_EQUAL(m.pclass, 1);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.calling), "4179123456");
    CU_ASSERT_EQUAL(m.len, 3);
}

static void test_sccp_xudt_first_segment(void)
{
    CU_ASSERT_EQUAL(ss_sccp_decode(xudt, sizeof xudt, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_XUDT);
    CU_ASSERT_EQUAL(m.pclass, 1);
    CU_ASSERT_EQUAL(m.hop, 15);
    CU_ASSERT_EQUAL(m.called.ri, 1);
    CU_ASSERT_TRUE(m.called.has_pc);
    CU_ASSERT_EQUAL(m.called.pc, 0x1234);
    CU_ASSERT_EQUAL(m.called.ssn, 6);
    CU_ASSERT_EQUAL(m.called.gti, 0);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.called), "");
    CU_ASSERT_EQUAL(m.calling.pc, 1);
    CU_ASSERT_PTR_EQUAL(m.data, xudt + 18);
    CU_ASSERT_EQUAL(m.len, 4);
    CU_ASSERT_TRUE(m.has_seg);
    CU_ASSERT_TRUE(m.seg.first);
    CU_ASSERT_TRUE(m.seg.in_seq);
    CU_ASSERT_EQUAL(m.seg.remaining, 3);
    CU_ASSERT_EQUAL(m.seg.local_ref, 0x030201);
}

static void test_sccp_xudt_middle_and_last_segment(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[XUDT_SEG_OCTET] = 0x01; /* F=0, C=0, remaining 1 */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_FALSE(m.seg.first);
    CU_ASSERT_FALSE(m.seg.in_seq);
    CU_ASSERT_EQUAL(m.seg.remaining, 1);
    v[XUDT_SEG_OCTET] = 0x00; /* last: remaining 0 */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_FALSE(m.seg.first);
    CU_ASSERT_EQUAL(m.seg.remaining, 0);
}

static void test_sccp_xudt_every_truncation_fails(void)
{
    for (size_t n = 0; n < sizeof xudt; n++)
        CU_ASSERT_NOT_EQUAL(decode_prefix(xudt, n), SS_OK);
}

static void test_sccp_xudt_no_optional_part(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[6] = 0;
    CU_ASSERT_EQUAL(ss_sccp_decode(v, 22, &m), SS_OK);
    CU_ASSERT_FALSE(m.has_seg);
    CU_ASSERT_EQUAL(m.len, 4);
}

static void test_sccp_xudt_optional_pointer_out_of_bounds(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[6] = (uint8_t)(sizeof v - 6);
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
}

static void test_sccp_xudt_segmentation_wrong_length(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[23] = 3; /* segmentation must be 4 octets */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
}

static void test_sccp_xudt_importance_wrong_length(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[29] = 0; /* importance length 0; the 05 then reads as a name */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
}

static void test_sccp_xudt_optional_length_oversize(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[29] = 9; /* importance says 9, 2 left */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
}

/* An unknown optional parameter is skipped by its length. */
static void test_sccp_xudt_unknown_optional_skipped(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[28] = 0x0f; /* data (0x0f) in place of importance */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_TRUE(m.has_seg);
}

static void test_sccp_xudts_recognised(void)
{
    uint8_t v[sizeof xudt];
    copy(v, xudt, sizeof v);
    v[0] = SS_SCCP_XUDTS;
    v[1] = 0x0d; /* return cause: segmentation failure */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_XUDTS);
    CU_ASSERT_EQUAL(m.pclass, 0x0d);
    CU_ASSERT_EQUAL(m.hop, 15);
}

/* LUDT (Q.713 §4.20): 2-octet pointers and a 2-octet long-data length. */
#define LUDT_DATA 300
static size_t build_ludt(uint8_t *v)
{
    /* clang-format off */
    static const uint8_t head[] = {
        0x13,                         /*  0 message type LUDT */
        0x00,                         /*  1 protocol class 0 */
        0x0f,                         /*  2 hop counter 15 */
        0x07, 0x00,                   /*  3 pointer to called: MSB at 4, 4 + 7 = 11 */
        0x0a, 0x00,                   /*  5 pointer to calling: 6 + 10 = 16 */
        0x0d, 0x00,                   /*  7 pointer to long data: 8 + 13 = 21 */
        0x00, 0x00,                   /*  9 no optional part */
        0x04, 0x43, 0x34, 0x12, 0x06, /* 11 called: PC 0x1234, SSN 6 */
        0x04, 0x43, 0x01, 0x00, 0x08, /* 16 calling: PC 1, SSN 8 */
        0x2c, 0x01,                   /* 21 long data length 300 (LSB first) */
    };
    /* clang-format on */
    memcpy(v, head, sizeof head);
    for (size_t i = 0; i < LUDT_DATA; i++)
        v[sizeof head + i] = (uint8_t)i;
    return sizeof head + LUDT_DATA;
}

static void test_sccp_ludt_long_data(void)
{
    uint8_t v[400];
    size_t n = build_ludt(v);
    CU_ASSERT_EQUAL(ss_sccp_decode(v, n, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_LUDT);
    CU_ASSERT_EQUAL(m.hop, 15);
    CU_ASSERT_EQUAL(m.called.pc, 0x1234);
    CU_ASSERT_EQUAL(m.calling.ssn, 8);
    CU_ASSERT_PTR_EQUAL(m.data, v + 23);
    CU_ASSERT_EQUAL(m.len, LUDT_DATA);
    CU_ASSERT_FALSE(m.has_seg);
}

static void test_sccp_ludt_errors(void)
{
    uint8_t v[400];
    size_t n = build_ludt(v);
    v[21] = 0x2d; /* long data 301, one more than present */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, n, &m), SS_BAD_LENGTH);
    n = build_ludt(v);
    v[8] = 0x01; /* data pointer 7 + 270 = 277: inside, lands in the data */
    CU_ASSERT_NOT_EQUAL(decode_prefix(v, n), SS_OK);
    v[8] = 0x02; /* 7 + 526: outside */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, n, &m), SS_BAD_LENGTH);
    n = build_ludt(v);
    CU_ASSERT_EQUAL(ss_sccp_decode(v, 4, &m), SS_TRUNCATED);  /* half a pointer */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, 22, &m), SS_TRUNCATED); /* half a length */
}

static void test_sccp_ludts_recognised(void)
{
    uint8_t v[400];
    size_t n = build_ludt(v);
    v[0] = SS_SCCP_LUDTS;
    CU_ASSERT_EQUAL(ss_sccp_decode(v, n, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_LUDTS);
    CU_ASSERT_EQUAL(m.len, LUDT_DATA);
}

/* Indicator 0x12 (route on GT, GTI 4, SSN, no PC) with BCD digits takes
 * a fast path; each shape below differs from it in one octet and takes
 * the general walk. Every field is checked against hand-decoded values. */
static void check_gti4_addr(const uint8_t *v, size_t n, uint8_t ssn, uint8_t es, const char *gt)
{
    CU_ASSERT_EQUAL_FATAL(ss_sccp_addr_decode(v, n, &a), SS_OK);
    CU_ASSERT_EQUAL(a.ri, 0);
    CU_ASSERT_EQUAL(a.gti, 4);
    CU_ASSERT_FALSE(a.has_pc);
    CU_ASSERT_EQUAL(a.pc, 0);
    CU_ASSERT_TRUE(a.has_ssn);
    CU_ASSERT_EQUAL(a.ssn, ssn);
    CU_ASSERT_EQUAL(a.tt, 0);
    CU_ASSERT_EQUAL(a.np, 1);
    CU_ASSERT_EQUAL(a.es, es);
    CU_ASSERT_EQUAL(a.nai, 4);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), gt);
}

static void test_sccp_addr_common_form_fast_and_general(void)
{
    /* AI 0x12, SSN 8, TT 0, NP 1 / ES 1 (odd), NAI 4 (+ bit 8 spare set),
     * digits 4 4 7 9 1 2 3. */
    static const uint8_t odd[] = {0x12, 0x08, 0x00, 0x11, 0x84, 0x44, 0x97, 0x21, 0xf3};
    /* ES 2 (even): digits 4 4 7 9 1 2. */
    static const uint8_t even[] = {0x12, 0x06, 0x00, 0x12, 0x04, 0x44, 0x97, 0x21};
    /* The same with the national bit (0x92): general walk, same fields. */
    static const uint8_t national[] = {0x92, 0x08, 0x00, 0x11, 0x84, 0x44, 0x97, 0x21, 0xf3};
    /* 20 digit octets (40 digits) fit; 21 (42 digits, no filler) are refused. */
    uint8_t longest[5 + 21] = {0x12, 0x08, 0x00, 0x12, 0x04};
    char forty[41];
    for (size_t i = 0; i < 21; i++)
        longest[5 + i] = 0x21;
    for (size_t i = 0; i < 40; i++)
        forty[i] = (char)('1' + (i & 1));
    forty[40] = '\0';

    check_gti4_addr(odd, sizeof odd, 8, 1, "4479123");
    check_gti4_addr(even, sizeof even, 6, 2, "447912");
    check_gti4_addr(national, sizeof national, 8, 1, "4479123");
    check_gti4_addr(longest, 25, 8, 2, forty);
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(longest, 26, &a), SS_OVERSIZE);
}

static void test_sccp_addr_common_form_declined_shapes(void)
{
    /* ES 3 (not BCD): no digits. */
    static const uint8_t not_bcd[] = {0x12, 0x08, 0x00, 0x13, 0x04, 0x44};
    /* Odd with no digit octet. */
    static const uint8_t odd_empty[] = {0x12, 0x08, 0x00, 0x11, 0x04};
    /* Even with no digit octet: an empty GT. */
    static const uint8_t even_empty[] = {0x12, 0x08, 0x00, 0x12, 0x04};
    /* Truncated inside the GT header. */
    static const uint8_t short_hdr[] = {0x12, 0x08, 0x00};
    /* Indicator 0x13: a point code before the SSN (PC 0x0102). */
    static const uint8_t with_pc[] = {0x13, 0x02, 0x01, 0x08, 0x00, 0x11, 0x04, 0x21, 0xf3};

    CU_ASSERT_EQUAL(ss_sccp_addr_decode(not_bcd, sizeof not_bcd, &a), SS_OK);
    CU_ASSERT_EQUAL(a.es, 3);
    CU_ASSERT_PTR_NULL(a.gt);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "");
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(odd_empty, sizeof odd_empty, &a), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(even_empty, sizeof even_empty, &a), SS_OK);
    CU_ASSERT_EQUAL(a.gt_len, 0);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "");
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(short_hdr, sizeof short_hdr, &a), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(with_pc, sizeof with_pc, &a), SS_OK);
    CU_ASSERT_TRUE(a.has_pc);
    CU_ASSERT_EQUAL(a.pc, 0x0102);
    CU_ASSERT_EQUAL(a.ssn, 8);
    CU_ASSERT_EQUAL(a.gti, 4);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "123");
}

static void test_sccp_addr_gti1_odd_nai(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x06,       /* AI: GTI 1, SSN present */
        0x06,       /* SSN 6 */
        0x84,       /* odd, NAI 4 */
        0x21, 0x03, /* digits 1 2 3 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, sizeof v, &a), SS_OK);
    CU_ASSERT_EQUAL(a.gti, 1);
    CU_ASSERT_EQUAL(a.nai, 4);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "123");
}

static void test_sccp_addr_gti2_tt_only(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x0a,       /* AI: GTI 2, SSN present */
        0x07,       /* SSN 7 */
        0x0a,       /* TT 10 */
        0x21, 0x43, /* digits 1234 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, sizeof v, &a), SS_OK);
    CU_ASSERT_EQUAL(a.gti, 2);
    CU_ASSERT_EQUAL(a.tt, 10);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "1234");
}

static void test_sccp_addr_gti3_tt_np_es(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x0e,       /* AI: GTI 3, SSN present */
        0x06,       /* SSN 6 */
        0x00,       /* TT 0 */
        0x71,       /* NP 7 (E.214), ES 1 (odd) */
        0x21, 0x03, /* digits 1 2 3 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, sizeof v, &a), SS_OK);
    CU_ASSERT_EQUAL(a.gti, 3);
    CU_ASSERT_EQUAL(a.np, 7);
    CU_ASSERT_EQUAL(a.es, 1);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "123");
}

static void test_sccp_addr_point_code_is_14_bits(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x41,       /* AI: RI 1 (SSN), PC present */
        0xff, 0xff, /* PC: only 14 bits count */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, sizeof v, &a), SS_OK);
    CU_ASSERT_EQUAL(a.pc, 0x3fff);
    CU_ASSERT_FALSE(a.has_ssn);
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, 2, &a), SS_TRUNCATED);
}

static void test_sccp_addr_national_bit_still_itu(void)
{
    static const uint8_t v[] = {0x92, 0x06, 0x00, 0x12, 0x04, 0x21, 0x43};
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, sizeof v, &a), SS_OK);
    CU_ASSERT_EQUAL(a.gti, 4);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "1234");
}

static void test_sccp_addr_non_bcd_encoding_leaves_digits_empty(void)
{
    static const uint8_t v[] = {0x12, 0x06, 0x00, 0x13, 0x04, 0x21, 0x43}; /* ES 3 */
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, sizeof v, &a), SS_OK);
    CU_ASSERT_EQUAL(a.es, 3);
    CU_ASSERT_STRING_EQUAL(gt_text(&a), "");
}

static void test_sccp_addr_errors(void)
{
    static const uint8_t gti5[] = {0x16, 0x06, 0x00};
    static const uint8_t odd_empty[] = {0x12, 0x06, 0x00, 0x11, 0x04};
    static const uint8_t no_ssn[] = {0x12};
    uint8_t big[5 + 21];
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(gti5, sizeof gti5, &a), SS_UNSUPPORTED);
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(odd_empty, sizeof odd_empty, &a), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(no_ssn, sizeof no_ssn, &a), SS_TRUNCATED);
    memcpy(big, odd_empty, 5);
    big[3] = 0x12; /* even: 21 octets = 42 digits */
    memset(big + 5, 0x11, 21);
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(big, sizeof big, &a), SS_OVERSIZE);
}

/* 21 digit octets, the last two fillers (0xff): 40 digits, as many as an
 * address keeps, so the GT is accepted though its octets could hold 42. */
static void test_sccp_addr_long_gt_ended_by_filler_keeps_40_digits(void)
{
    uint8_t v[5 + 21];
    v[0] = 0x12;             /* AI: GTI 4, SSN present */
    v[1] = 0x06;             /* SSN 6 */
    v[2] = 0x00;             /* TT 0 */
    v[3] = 0x12;             /* NP 1, ES 2 (BCD even) */
    v[4] = 0x04;             /* NAI 4 */
    memset(v + 5, 0x98, 20); /* digits 8 9, twenty times */
    v[25] = 0xff;
    CU_ASSERT_EQUAL(ss_sccp_addr_decode(v, sizeof v, &a), SS_OK);
    CU_ASSERT_EQUAL(strlen(gt_text(&a)), 40);
    CU_ASSERT_EQUAL(strncmp(gt_text(&a), "8989", 4), 0);
}

/* XUDT with both parties in the common GT form and a segmentation
 * parameter (Q.713 §4.18): the message fast path with an optional part. */
/* clang-format off */
static const uint8_t xudt_gt[] = {
    0x11,             /*  0 message type XUDT */
    0x81,             /*  1 protocol class 1, return on error */
    0x0f,             /*  2 hop counter 15 */
    0x04,             /*  3 pointer to called: 3 + 4 = 7 */
    0x0d,             /*  4 pointer to calling: 4 + 13 = 17 */
    0x17,             /*  5 pointer to data: 5 + 23 = 28 */
    0x1a,             /*  6 pointer to optional part: 6 + 26 = 32 */
    0x09,             /*  7 called length 9 */
    0x12,             /*  8 AI: RI 0 (GT), GTI 4, SSN present, no PC */
    0x06,             /*  9 SSN 6 (HLR) */
    0x00,             /* 10 TT 0 */
    0x11,             /* 11 NP 1, ES 1 (BCD, odd) */
    0x04,             /* 12 NAI 4 */
    0x14, 0x97, 0x21, 0x03, /* 13 digits 4179123 */
    0x0a,             /* 17 calling length 10 */
    0x12,             /* 18 AI */
    0x08,             /* 19 SSN 8 (MSC) */
    0x00,             /* 20 TT 0 */
    0x12,             /* 21 NP 1, ES 2 (BCD, even) */
    0x04,             /* 22 NAI 4 */
    0x14, 0x97, 0x21, 0x43, 0x65, /* 23 digits 4179123456 */
    0x03,             /* 28 data length 3 */
    0xde, 0xad, 0xbe, /* 29 user data */
    0x10, 0x04,       /* 32 segmentation, length 4 */
    0x82,             /* 34 F=1, C=0, remaining 2 */
    0x0a, 0x0b, 0x0c, /* 35 local reference 0x0c0b0a */
    0x00,             /* 38 end of optional parameters */
};
/* clang-format on */

static void test_sccp_xudt_gt_parties_with_segmentation(void)
{
    CU_ASSERT_EQUAL_FATAL(ss_sccp_decode(xudt_gt, sizeof xudt_gt, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_XUDT);
    CU_ASSERT_EQUAL(m.pclass, 1);
    CU_ASSERT_EQUAL(m.hop, 15);
    CU_ASSERT_EQUAL(m.called.gti, 4);
    CU_ASSERT_EQUAL(m.called.ssn, 6);
    CU_ASSERT_EQUAL(m.called.es, 1);
    CU_ASSERT_PTR_EQUAL(m.called.gt, xudt_gt + 13);
    CU_ASSERT_EQUAL(m.called.gt_len, 4);
    CU_ASSERT_TRUE(m.called.gt_odd);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.called), "4179123");
    CU_ASSERT_EQUAL(m.calling.ssn, 8);
    CU_ASSERT_EQUAL(m.calling.np, 1);
    CU_ASSERT_EQUAL(m.calling.nai, 4);
    CU_ASSERT_FALSE(m.calling.gt_odd);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.calling), "4179123456");
    CU_ASSERT_PTR_EQUAL(m.data, xudt_gt + 29);
    CU_ASSERT_EQUAL(m.len, 3);
    CU_ASSERT_TRUE(m.has_seg);
    CU_ASSERT_TRUE(m.seg.first);
    CU_ASSERT_FALSE(m.seg.in_seq);
    CU_ASSERT_EQUAL(m.seg.remaining, 2);
    CU_ASSERT_EQUAL(m.seg.local_ref, 0x0c0b0a);
}

/* Each shape differs from xudt_gt in one octet. */
static void test_sccp_xudt_gt_pointer_and_length_errors(void)
{
    uint8_t v[sizeof xudt_gt];
    copy(v, xudt_gt, sizeof v);
    v[3] = 2; /* called at 5, inside the seven fixed octets */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_VALUE);
    copy(v, xudt_gt, sizeof v);
    v[6] = (uint8_t)(sizeof v - 6); /* optional part one past the end */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
    copy(v, xudt_gt, sizeof v);
    v[6] = 0; /* no optional part */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_FALSE(m.has_seg);
    copy(v, xudt_gt, sizeof v);
    v[28] = 11; /* data says 11, 10 left */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
    v[28] = 10; /* data runs to the end; the optional part is inside it */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_EQUAL(m.len, 10);
    copy(v, xudt_gt, sizeof v);
    v[33] = 3; /* segmentation of 3 octets */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
    copy(v, xudt_gt, sizeof v);
    v[4] = 0; /* zero pointer to calling */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_VALUE);
}

/* LUDT (Q.713 §4.20) with GT parties and the calling party placed after
 * 300 octets of data, so that its pointer needs its second octet. */
#define LUDT_GT_LEN 334
static void build_ludt_gt(uint8_t *v)
{
    /* clang-format off */
    static const uint8_t head[] = {
        0x13,       /*  0 message type LUDT */
        0x80,       /*  1 protocol class 0, return on error */
        0x05,       /*  2 hop counter 5 */
        0x07, 0x00, /*  3 pointer to called: MSB at 4, 4 + 7 = 11 */
        0x3d, 0x01, /*  5 pointer to calling: 6 + 317 = 323 */
        0x0d, 0x00, /*  7 pointer to long data: 8 + 13 = 21 */
        0x00, 0x00, /*  9 no optional part */
        0x09, 0x12, 0x06, 0x00, 0x11, 0x04, 0x14, 0x97, 0x21, 0x03, /* 11 called */
        0x2c, 0x01, /* 21 long data length 300 */
    };
    static const uint8_t calling[] = {
        0x0a, 0x12, 0x08, 0x00, 0x12, 0x04, 0x14, 0x97, 0x21, 0x43, 0x65, /* 323 calling */
    };
    /* clang-format on */
    memcpy(v, head, sizeof head);
    for (size_t i = 0; i < 300; i++)
        v[sizeof head + i] = (uint8_t)i;
    memcpy(v + 323, calling, sizeof calling);
}

static void test_sccp_ludt_gt_parties_two_octet_pointer(void)
{
    uint8_t v[LUDT_GT_LEN];
    build_ludt_gt(v);
    CU_ASSERT_EQUAL_FATAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_EQUAL(m.type, SS_SCCP_LUDT);
    CU_ASSERT_EQUAL(m.pclass, 0);
    CU_ASSERT_EQUAL(m.hop, 5);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.called), "4179123");
    CU_ASSERT_PTR_EQUAL(m.calling.gt, v + 329);
    CU_ASSERT_EQUAL(m.calling.ssn, 8);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.calling), "4179123456");
    CU_ASSERT_PTR_EQUAL(m.data, v + 23);
    CU_ASSERT_EQUAL(m.len, 300);
    CU_ASSERT_FALSE(m.has_seg);
    v[6] = 0x02; /* calling pointer 6 + 573: past the end */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
    build_ludt_gt(v);
    v[22] = 0x02; /* long data 556 */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_LENGTH);
    build_ludt_gt(v);
    v[3] = 0x03; /* called at 7: inside the eleven fixed octets */
    CU_ASSERT_EQUAL(ss_sccp_decode(v, sizeof v, &m), SS_BAD_VALUE);
}

/* One party in the common form, the other with a point code: the general
 * walk decodes both. */
static void test_sccp_udt_mixed_parties(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x09, 0x00, 0x03, 0x07, 0x0e,            /*  0 UDT, pointers to 5, 10, 18 */
        0x04, 0x43, 0x34, 0x12, 0x06,          /*  5 called: PC 0x1234, SSN 6 */
        0x07, 0x12, 0x08, 0x00, 0x11, 0x04, 0x21, 0xf3, /* 10 calling: GT 123 */
        0x01, 0x55,                              /* 18 data */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL_FATAL(ss_sccp_decode(v, sizeof v, &m), SS_OK);
    CU_ASSERT_TRUE(m.called.has_pc);
    CU_ASSERT_EQUAL(m.called.pc, 0x1234);
    CU_ASSERT_EQUAL(m.called.ri, 1);
    CU_ASSERT_PTR_NULL(m.called.gt);
    CU_ASSERT_EQUAL(m.calling.gti, 4);
    CU_ASSERT_STRING_EQUAL(gt_text(&m.calling), "123");
    CU_ASSERT_PTR_EQUAL(m.data, v + 19);
    CU_ASSERT_EQUAL(m.len, 1);
}

/* Fast path against general walk: address indicator 0x12 takes the fast
 * path, 0x92 (the national bit, which Q.713 reads the same way here) the
 * general walk. A message and its twin with both indicators at 0x92 must
 * decode to the same result and fields, for every truncation and every
 * value of every octet that is not a pointer, a length or an indicator. */
static bool same_addr(const struct ss_sccp_addr *x, const uint8_t *bx, const struct ss_sccp_addr *y,
                      const uint8_t *by)
{
    return x->ri == y->ri && x->gti == y->gti && x->has_pc == y->has_pc &&
           x->has_ssn == y->has_ssn && x->pc == y->pc && x->ssn == y->ssn && x->tt == y->tt &&
           x->np == y->np && x->es == y->es && x->nai == y->nai &&
           (x->gt ? x->gt - bx : -1) == (y->gt ? y->gt - by : -1) && x->gt_len == y->gt_len &&
           x->gt_odd == y->gt_odd;
}

static bool same_msg(const struct ss_sccp *x, const uint8_t *bx, const struct ss_sccp *y,
                     const uint8_t *by)
{
    return x->type == y->type && x->pclass == y->pclass && x->hop == y->hop &&
           same_addr(&x->called, bx, &y->called, by) &&
           same_addr(&x->calling, bx, &y->calling, by) && x->has_seg == y->has_seg &&
           x->seg.first == y->seg.first && x->seg.in_seq == y->seg.in_seq &&
           x->seg.remaining == y->seg.remaining && x->seg.local_ref == y->seg.local_ref &&
           x->data - bx == y->data - by && x->len == y->len;
}

/* Decodes the first n octets of v and of its twin, each from a heap copy
 * of exactly n octets; returns false if they differ. */
static bool twin_agrees(const uint8_t *v, size_t n, const size_t ai[2])
{
    uint8_t *x = malloc(n ? n : 1), *y = malloc(n ? n : 1);
    struct ss_sccp mx, my;
    memcpy(x, v, n);
    memcpy(y, v, n);
    for (size_t i = 0; i < 2; i++)
        if (ai[i] < n)
            y[ai[i]] = 0x92;
    enum ss_result rx = ss_sccp_decode(x, n, &mx), ry = ss_sccp_decode(y, n, &my);
    bool ok = rx == ry && (rx != SS_OK || same_msg(&mx, x, &my, y));
    free(x);
    free(y);
    return ok;
}

static unsigned twin_sweep(const uint8_t *msg, size_t n, const size_t ai[2], const size_t *fixed,
                           size_t n_fixed)
{
    uint8_t *v = malloc(n);
    unsigned bad = 0;

    memcpy(v, msg, n);
    CU_ASSERT_EQUAL(ss_sccp_decode(v, n, &m), SS_OK);
    for (size_t k = 0; k <= n; k++)
        bad += !twin_agrees(v, k, ai);
    for (size_t i = 0; i < n; i++) {
        bool skip = i == ai[0] || i == ai[1];
        for (size_t f = 0; f < n_fixed; f++)
            skip |= i == fixed[f];
        if (skip)
            continue;
        for (unsigned b = 0; b < 256; b++) {
            v[i] = (uint8_t)b;
            bad += !twin_agrees(v, n, ai);
        }
        v[i] = msg[i];
    }
    free(v);
    return bad;
}

static void test_sccp_fast_path_agrees_with_general_walk(void)
{
    /* Pointer and length octets of each message: mutated by hand above. */
    static const size_t udt_fixed[] = {0, 2, 3, 4, 5, 15, 26};
    static const size_t udt_ai[2] = {6, 16};
    static const size_t xudt_fixed[] = {0, 3, 4, 5, 6, 7, 17, 28, 32, 33};
    static const size_t xudt_ai[2] = {8, 18};
    static const size_t ludt_fixed[] = {0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 21, 22, 323};
    static const size_t ludt_ai[2] = {12, 324};
    uint8_t ludt[LUDT_GT_LEN];

    build_ludt_gt(ludt);
    CU_ASSERT_EQUAL(twin_sweep(udt, sizeof udt, udt_ai, udt_fixed, 7), 0);
    CU_ASSERT_EQUAL(twin_sweep(xudt_gt, sizeof xudt_gt, xudt_ai, xudt_fixed, 10), 0);
    CU_ASSERT_EQUAL(twin_sweep(ludt, sizeof ludt, ludt_ai, ludt_fixed, 13), 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_sccp_udt_gt_routed_gti4_odd_and_even),
    SS_TEST(test_sccp_udt_every_truncation_fails),
    SS_TEST(test_sccp_udt_pointer_out_of_bounds_bad_length),
    SS_TEST(test_sccp_udt_zero_pointer_bad_value),
    SS_TEST(test_sccp_udt_pointer_into_fixed_part_bad_value),
    SS_TEST(test_sccp_udt_parameter_length_oversize_bad_length),
    SS_TEST(test_sccp_udt_address_length_bounds_digits),
    SS_TEST(test_sccp_connection_oriented_type_unsupported),
    SS_TEST(test_sccp_udts_recognised_with_return_cause),
    SS_TEST(test_sccp_xudt_first_segment),
    SS_TEST(test_sccp_xudt_middle_and_last_segment),
    SS_TEST(test_sccp_xudt_every_truncation_fails),
    SS_TEST(test_sccp_xudt_no_optional_part),
    SS_TEST(test_sccp_xudt_optional_pointer_out_of_bounds),
    SS_TEST(test_sccp_xudt_segmentation_wrong_length),
    SS_TEST(test_sccp_xudt_importance_wrong_length),
    SS_TEST(test_sccp_xudt_optional_length_oversize),
    SS_TEST(test_sccp_xudt_unknown_optional_skipped),
    SS_TEST(test_sccp_xudts_recognised),
    SS_TEST(test_sccp_ludt_long_data),
    SS_TEST(test_sccp_ludt_errors),
    SS_TEST(test_sccp_ludts_recognised),
    SS_TEST(test_sccp_xudt_gt_parties_with_segmentation),
    SS_TEST(test_sccp_xudt_gt_pointer_and_length_errors),
    SS_TEST(test_sccp_ludt_gt_parties_two_octet_pointer),
    SS_TEST(test_sccp_udt_mixed_parties),
    SS_TEST(test_sccp_fast_path_agrees_with_general_walk),
    SS_TEST(test_sccp_addr_common_form_fast_and_general),
    SS_TEST(test_sccp_addr_common_form_declined_shapes),
    SS_TEST(test_sccp_addr_gti1_odd_nai),
    SS_TEST(test_sccp_addr_gti2_tt_only),
    SS_TEST(test_sccp_addr_gti3_tt_np_es),
    SS_TEST(test_sccp_addr_point_code_is_14_bits),
    SS_TEST(test_sccp_addr_national_bit_still_itu),
    SS_TEST(test_sccp_addr_non_bcd_encoding_leaves_digits_empty),
    SS_TEST(test_sccp_addr_long_gt_ended_by_filler_keeps_40_digits),
    SS_TEST(test_sccp_addr_errors),
};

int main(void)
{
    return SS_RUN_SUITE("sccp", NULL, NULL, tests) != 0;
}
