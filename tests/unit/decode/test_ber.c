/* X.690 BER reader: vectors written out by hand from X.690 §8.1. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/ber.h"
#include "tests/unit/runner.h"

static struct ss_ber e;

static void test_ber_short_form_primitive(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x02,       /* universal, primitive, tag 2 (INTEGER) */
        0x01,       /* length 1, short form */
        0x2d,       /* 45 */
        0xee,       /* next element: not part of this one */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_cls(&e), SS_BER_UNIVERSAL);
    CU_ASSERT_FALSE(ss_ber_constructed(&e));
    CU_ASSERT_EQUAL(e.tag, 2);
    CU_ASSERT_EQUAL(e.id, 0x02);
    CU_ASSERT_PTR_EQUAL(e.val, v + 2);
    CU_ASSERT_EQUAL(e.len, 1);
    CU_ASSERT_EQUAL(e.total, 3);
}

static void test_ber_context_constructed_class_and_tag(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0xa1,       /* context (10), constructed (1), tag 1: TCAP Invoke */
        0x00,       /* length 0 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_cls(&e), SS_BER_CONTEXT);
    CU_ASSERT_TRUE(ss_ber_constructed(&e));
    CU_ASSERT_EQUAL(e.tag, 1);
    CU_ASSERT_EQUAL(e.len, 0);
    CU_ASSERT_EQUAL(e.total, 2);
}

/* §8.1.2.4: tag 0x1f escape, then base-128 octets: 0x81 0x00 = 128. */
static void test_ber_high_tag_number_two_octets(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x9f,       /* context, primitive, tag escape 0x1f */
        0x81, 0x00, /* tag number 1*128 + 0 = 128 */
        0x01,       /* length 1 */
        0x07,       /* contents */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_cls(&e), SS_BER_CONTEXT);
    CU_ASSERT_EQUAL(e.tag, 128);
    CU_ASSERT_EQUAL(e.id, 0x9f);
    CU_ASSERT_EQUAL(e.len, 1);
    CU_ASSERT_EQUAL(e.total, 5);
}

static void test_ber_high_tag_four_octets_ok_five_bad_tag(void)
{
    /* 4 base-128 octets: 0x7f | 0x7f<<7 | ... = 2^28 - 1 */
    static const uint8_t four[] = {0x1f, 0xff, 0xff, 0xff, 0x7f, 0x00};
    static const uint8_t five[] = {0x1f, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00};
    CU_ASSERT_EQUAL(ss_ber_read(four, sizeof four, &e), SS_OK);
    CU_ASSERT_EQUAL(e.tag, (1u << 28) - 1);
    CU_ASSERT_EQUAL(ss_ber_read(five, sizeof five, &e), SS_BAD_TAG);
}

static void test_ber_high_tag_truncated(void)
{
    static const uint8_t v[] = {0x1f, 0x81}; /* continuation bit set, nothing follows */
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_TRUNCATED);
}

static void test_ber_empty_and_missing_length_truncated(void)
{
    static const uint8_t v[] = {0x04};
    CU_ASSERT_EQUAL(ss_ber_read(v, 0, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_TRUNCATED);
}

/* §8.1.3.5: long form, 0x81 = one length octet, 0x82 = two. */
static void test_ber_long_form_lengths(void)
{
    uint8_t v[4 + 300];
    memset(v, 0, sizeof v);
    v[0] = 0x04; /* OCTET STRING */
    v[1] = 0x81; /* long form, 1 length octet */
    v[2] = 0x80; /* 128 */
    CU_ASSERT_EQUAL(ss_ber_read(v, 3 + 128, &e), SS_OK);
    CU_ASSERT_EQUAL(e.len, 128);
    CU_ASSERT_EQUAL(e.total, 131);
    v[1] = 0x82; /* long form, 2 length octets */
    v[2] = 0x01;
    v[3] = 0x2c; /* 300 */
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_OK);
    CU_ASSERT_EQUAL(e.len, 300);
    CU_ASSERT_PTR_EQUAL(e.val, v + 4);
    CU_ASSERT_EQUAL(e.total, 304);
}

/* One length octet after 0x81: missing, one short of the contents,
 * exactly fitting, and the non-minimal 0x81 0x05 (§8.1.3.5 allows it in
 * BER), each as the general path reads it. */
static void test_ber_one_octet_long_length_bounds(void)
{
    static const uint8_t no_len[] = {0x30, 0x81};
    static const uint8_t v[] = {0x30, 0x81, 0x05, 0x04, 0x03, 0x01, 0x02, 0x03};
    CU_ASSERT_EQUAL(ss_ber_read(no_len, sizeof no_len, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v - 1, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_OK);
    CU_ASSERT_TRUE(ss_ber_constructed(&e));
    CU_ASSERT_EQUAL(e.tag, 0x10);
    CU_ASSERT_PTR_EQUAL(e.val, v + 3);
    CU_ASSERT_EQUAL(e.len, 5);
    CU_ASSERT_EQUAL(e.total, 8);
}

static void test_ber_long_form_four_octets_ok_five_unsupported(void)
{
    static const uint8_t four[] = {0x04, 0x84, 0x00, 0x00, 0x00, 0x01, 0xaa};
    static const uint8_t five[] = {0x04, 0x85, 0x00, 0x00, 0x00, 0x00, 0x01, 0xaa};
    static const uint8_t short_len[] = {0x04, 0x82, 0x01}; /* 2 length octets, 1 present */
    CU_ASSERT_EQUAL(ss_ber_read(four, sizeof four, &e), SS_OK);
    CU_ASSERT_EQUAL(e.len, 1);
    CU_ASSERT_EQUAL(ss_ber_read(five, sizeof five, &e), SS_UNSUPPORTED);
    CU_ASSERT_EQUAL(ss_ber_read(short_len, sizeof short_len, &e), SS_TRUNCATED);
}

static void test_ber_reserved_length_0xff_bad_length(void)
{
    static const uint8_t v[] = {0x04, 0xff, 0x00};
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_BAD_LENGTH);
}

static void test_ber_definite_length_past_buffer_truncated(void)
{
    static const uint8_t v[] = {0x04, 0x03, 0x01, 0x02}; /* says 3, has 2 */
    static const uint8_t big[] = {0x04, 0x84, 0xff, 0xff, 0xff, 0xff, 0x00};
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read(big, sizeof big, &e), SS_TRUNCATED);
}

/* §8.1.5: 30 80 {02 01 05} {30 80 {04 00} 00 00} 00 00 */
static void test_ber_indefinite_nested_finds_matching_eoc(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x30, 0x80,       /* SEQUENCE, indefinite */
        0x02, 0x01, 0x05, /*   INTEGER 5 */
        0x30, 0x80,       /*   SEQUENCE, indefinite */
        0x04, 0x00,       /*     empty OCTET STRING (its 00 must not end anything) */
        0x00, 0x00,       /*   EOC of the inner SEQUENCE */
        0x00, 0x00,       /* EOC of the outer SEQUENCE */
        0x05, 0x00,       /* a following NULL, outside */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_OK);
    CU_ASSERT_PTR_EQUAL(e.val, v + 2);
    CU_ASSERT_EQUAL(e.len, 9);
    CU_ASSERT_EQUAL(e.total, 13); /* 30 80, 9 octets, its end-of-contents */
}

static void test_ber_indefinite_without_eoc_truncated(void)
{
    static const uint8_t v[] = {0x30, 0x80, 0x02, 0x01, 0x05, 0x00};
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_TRUNCATED);
}

static void test_ber_indefinite_with_bad_child_propagates(void)
{
    static const uint8_t v[] = {0x30, 0x80, 0x02, 0x05, 0x01, 0x00, 0x00}; /* child says 5 */
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_TRUNCATED);
}

/* §8.1.3.2 a: primitive encodings use the definite form only. */
static void test_ber_indefinite_primitive_bad_length(void)
{
    static const uint8_t v[] = {0x04, 0x80, 0x01, 0x00, 0x00};
    CU_ASSERT_EQUAL(ss_ber_read(v, sizeof v, &e), SS_BAD_LENGTH);
}

/* n nested indefinite SEQUENCEs: 30 80 ... 30 80 00 00 ... 00 00 */
static size_t nest(uint8_t *v, unsigned n)
{
    size_t off = 0;
    for (unsigned i = 0; i < n; i++) {
        v[off++] = 0x30;
        v[off++] = 0x80;
    }
    for (unsigned i = 0; i < n; i++) {
        v[off++] = 0x00;
        v[off++] = 0x00;
    }
    return off;
}

static void test_ber_indefinite_depth_bound(void)
{
    uint8_t v[4 * (SS_BER_MAX_DEPTH + 1)];
    size_t n = nest(v, SS_BER_MAX_DEPTH);
    CU_ASSERT_EQUAL(ss_ber_read(v, n, &e), SS_OK);
    CU_ASSERT_EQUAL(e.total, n);
    n = nest(v, SS_BER_MAX_DEPTH + 1);
    CU_ASSERT_EQUAL(ss_ber_read(v, n, &e), SS_TOO_DEEP);
}

/* The one-pass walk: nested indefinite elements side by side, each
 * closing before the next opens, never deeper than the bound. */
static void test_ber_indefinite_siblings_at_the_depth_bound(void)
{
    uint8_t v[2 + 2 * 4 * (SS_BER_MAX_DEPTH - 1) + 2];
    size_t n = 0;
    v[n++] = 0x30;
    v[n++] = 0x80;
    n += nest(v + n, SS_BER_MAX_DEPTH - 1);
    n += nest(v + n, SS_BER_MAX_DEPTH - 1);
    v[n++] = 0x00;
    v[n++] = 0x00;
    CU_ASSERT_EQUAL_FATAL(n, sizeof v);
    CU_ASSERT_EQUAL(ss_ber_read(v, n, &e), SS_OK);
    CU_ASSERT_EQUAL(e.len, n - 4);
    CU_ASSERT_EQUAL(e.total, n);
}

/* Children of an indefinite element in the other forms: 00 with a
 * non-zero length is an element, not end-of-contents; a one-octet
 * long-form length; an error after a nested element has closed. */
static void test_ber_indefinite_children_forms(void)
{
    /* clang-format off */
    static const uint8_t zero_tag[] = {
        0x30, 0x80, 0x00, 0x01, 0xaa, /* tag 0, length 1 */
        0x00, 0x00,
    };
    static const uint8_t long_child[] = {
        0x30, 0x80, 0x04, 0x81, 0x03, 0xaa, 0xbb, 0xcc, /* OCTET STRING, 0x81 3 */
        0x00, 0x00,
    };
    static const uint8_t long_past[] = {0x30, 0x80, 0x04, 0x81, 0x05, 0xaa, 0x00, 0x00};
    static const uint8_t after_inner[] = {
        0x30, 0x80, 0x30, 0x80, 0x00, 0x00, /* inner SEQUENCE, closed */
        0x1f, 0x81, 0x81, 0x81, 0x81, 0x01, 0x00, /* then a 5-octet tag */
        0x00, 0x00,
    };
    static const uint8_t inner_open[] = {0x30, 0x80, 0x30, 0x80, 0x00, 0x00}; /* outer EOC missing */
    static const uint8_t inner_primitive[] = {0x30, 0x80, 0x04, 0x80, 0x00, 0x00, 0x00, 0x00};
    static const uint8_t inner_past[] = {0x30, 0x80, 0x30, 0x80, 0x02, 0x04, 0x01, 0x00, 0x00};
    /* clang-format on */
    CU_ASSERT_EQUAL(ss_ber_read(zero_tag, sizeof zero_tag, &e), SS_OK);
    CU_ASSERT_EQUAL(e.len, 3);
    CU_ASSERT_EQUAL(e.total, 7);
    CU_ASSERT_EQUAL(ss_ber_read(long_child, sizeof long_child, &e), SS_OK);
    CU_ASSERT_EQUAL(e.len, 6);
    CU_ASSERT_EQUAL(e.total, 10);
    CU_ASSERT_EQUAL(ss_ber_read(long_past, sizeof long_past, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read(after_inner, sizeof after_inner, &e), SS_BAD_TAG);
    CU_ASSERT_EQUAL(ss_ber_read(inner_open, sizeof inner_open, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read(inner_primitive, sizeof inner_primitive, &e), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_ber_read(inner_past, sizeof inner_past, &e), SS_TRUNCATED);
}

/* The header reader of the octet-matching fast paths. */
static void test_ber_header_forms(void)
{
    static const uint8_t short_form[] = {0xa1, 0x02, 0x05, 0x00};
    static const uint8_t long1[] = {0x30, 0x81, 0x02, 0x05, 0x00};
    static const uint8_t long2[] = {0x30, 0x82, 0x00, 0x01, 0x05};
    static const uint8_t high[] = {0x1f, 0x21, 0x01, 0x00};
    static const uint8_t indef[] = {0x30, 0x80, 0x00, 0x00};
    size_t n = 99;
    CU_ASSERT_EQUAL(ss_ber_header(short_form, sizeof short_form, &n), 2);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(ss_ber_header(short_form, 3, &n), 0); /* says 2, has 1 */
    CU_ASSERT_EQUAL(ss_ber_header(short_form, 1, &n), 0);
    CU_ASSERT_EQUAL(ss_ber_header(long1, sizeof long1, &n), 3);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(ss_ber_header(long1, 4, &n), 0);
    CU_ASSERT_EQUAL(ss_ber_header(long1, 2, &n), 0);
    n = 99;
    CU_ASSERT_EQUAL(ss_ber_header(long2, sizeof long2, &n), 0);
    CU_ASSERT_EQUAL(ss_ber_header(high, sizeof high, &n), 0);
    CU_ASSERT_EQUAL(ss_ber_header(indef, sizeof indef, &n), 0);
    CU_ASSERT_EQUAL(n, 99);
}

static void test_ber_int_values(void)
{
    static const uint8_t one[] = {0x02, 0x01, 0x7f};
    static const uint8_t neg[] = {0x02, 0x01, 0xff};
    static const uint8_t two[] = {0x02, 0x02, 0x00, 0x80};
    static const uint8_t four[] = {0x02, 0x04, 0x80, 0x00, 0x00, 0x00};
    int32_t i;
    CU_ASSERT_EQUAL(ss_ber_read(one, sizeof one, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_int(&e, &i), SS_OK);
    CU_ASSERT_EQUAL(i, 127);
    CU_ASSERT_EQUAL(ss_ber_read(neg, sizeof neg, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_int(&e, &i), SS_OK);
    CU_ASSERT_EQUAL(i, -1);
    CU_ASSERT_EQUAL(ss_ber_read(two, sizeof two, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_int(&e, &i), SS_OK);
    CU_ASSERT_EQUAL(i, 128);
    CU_ASSERT_EQUAL(ss_ber_read(four, sizeof four, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_int(&e, &i), SS_OK);
    CU_ASSERT_EQUAL(i, INT32_MIN);
}

static void test_ber_int_zero_and_five_octets_bad_length(void)
{
    static const uint8_t zero[] = {0x02, 0x00};
    static const uint8_t five[] = {0x02, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00};
    int32_t i;
    CU_ASSERT_EQUAL(ss_ber_read(zero, sizeof zero, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_int(&e, &i), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(ss_ber_read(five, sizeof five, &e), SS_OK);
    CU_ASSERT_EQUAL(ss_ber_int(&e, &i), SS_BAD_LENGTH);
}

/* The inline reader must give the general reader's result and fields on
 * every identifier and first length octet, with a spread of second ones,
 * for buffer lengths up to 132 (the fast forms and all fallbacks). */
static void test_ber_read_short_same_as_read(void)
{
    uint8_t v[132] = {0};
    struct ss_ber a, b;

    for (unsigned id = 0; id < 256; id++) {
        for (unsigned l = 0; l < 256; l++) {
            v[0] = (uint8_t)id;
            v[1] = (uint8_t)l;
            v[2] = (uint8_t)(id + 3 * l); /* the length after 0x81 */
            for (size_t n = 0; n <= sizeof v; n += (n < 8 || n > 120) ? 1 : 7) {
                memset(&a, 0, sizeof a);
                memset(&b, 0, sizeof b);
                enum ss_result ra = ss_ber_read_short(v, n, &a);
                enum ss_result rb = ss_ber_read(v, n, &b);
                CU_ASSERT_EQUAL_FATAL(ra, rb);
                if (ra == SS_OK)
                    CU_ASSERT_FATAL(a.id == b.id && a.tag == b.tag && a.val == b.val &&
                                    a.len == b.len && a.total == b.total);
            }
        }
    }
}

static void test_ber_read_short_values_and_truncation(void)
{
    static const uint8_t octets[] = {0xa1, 0x02, 0x05, 0x00};
    static const uint8_t cut[] = {0x04, 0x03, 0xaa, 0xbb};

    CU_ASSERT_EQUAL(ss_ber_read_short(octets, sizeof octets, &e), SS_OK);
    CU_ASSERT_EQUAL(e.id, 0xa1);
    CU_ASSERT_EQUAL(ss_ber_cls(&e), SS_BER_CONTEXT);
    CU_ASSERT_TRUE(ss_ber_constructed(&e));
    CU_ASSERT_EQUAL(e.tag, 1);
    CU_ASSERT_PTR_EQUAL(e.val, octets + 2);
    CU_ASSERT_EQUAL(e.len, 2);
    CU_ASSERT_EQUAL(e.total, 4);
    CU_ASSERT_EQUAL(ss_ber_read_short(cut, sizeof cut, &e), SS_TRUNCATED); /* says 3, has 2 */
    CU_ASSERT_EQUAL(ss_ber_read_short(cut, 1, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read_short(cut, 0, &e), SS_TRUNCATED);
    static const uint8_t long1[] = {0x30, 0x81, 0x02, 0x05, 0x00};
    CU_ASSERT_EQUAL(ss_ber_read_short(long1, sizeof long1, &e), SS_OK);
    CU_ASSERT_EQUAL(e.id, 0x30);
    CU_ASSERT_PTR_EQUAL(e.val, long1 + 3);
    CU_ASSERT_EQUAL(e.len, 2);
    CU_ASSERT_EQUAL(e.total, 5);
    CU_ASSERT_EQUAL(ss_ber_read_short(long1, 4, &e), SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_ber_read_short(long1, 2, &e), SS_TRUNCATED);
}

/* The memo of a walk: 30 80 {02 01 05} {30 80 {04 00} 00 00} 00 00 keeps
 * the inner SEQUENCE (contents at offset 7, 2 octets), and a read of that
 * SEQUENCE through the memo gives what ss_ber_read gives. */
static void test_ber_memo_records_nested_and_reads_them(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x30, 0x80, 0x02, 0x01, 0x05,
        0x30, 0x80, 0x04, 0x00, 0x00, 0x00,
        0x00, 0x00,
    };
    /* clang-format on */
    struct ss_ber_memo m = {.n = 0};
    struct ss_ber k;
    CU_ASSERT_EQUAL_FATAL(ss_ber_read_record(v, sizeof v, &e, &m), SS_OK);
    CU_ASSERT_EQUAL(e.len, 9);
    CU_ASSERT_EQUAL(e.total, 13);
    CU_ASSERT_EQUAL_FATAL(m.n, 1);
    CU_ASSERT_PTR_EQUAL(m.e[0].val, v + 7);
    CU_ASSERT_EQUAL(m.e[0].len, 2);
    CU_ASSERT_EQUAL(ss_ber_read_known(v + 5, sizeof v - 5, &k, &m), SS_OK);
    CU_ASSERT_PTR_EQUAL(k.val, v + 7);
    CU_ASSERT_EQUAL(k.len, 2);
    CU_ASSERT_EQUAL(k.total, 6);
    CU_ASSERT_EQUAL(k.id, 0x30);
    CU_ASSERT_EQUAL(k.tag, 0x10);
    /* A bound that cuts the end-of-contents: the walk's answer. */
    CU_ASSERT_EQUAL(ss_ber_read_known(v + 5, 5, &k, &m), SS_TRUNCATED);
    /* No memo, and a definite element: ss_ber_read. */
    CU_ASSERT_EQUAL(ss_ber_read_known(v + 5, sizeof v - 5, &k, NULL), SS_OK);
    CU_ASSERT_EQUAL(k.len, 2);
    CU_ASSERT_EQUAL(ss_ber_read_known(v + 2, sizeof v - 2, &k, &m), SS_OK);
    CU_ASSERT_EQUAL(k.total, 3);
}

/* An entry is taken only for a constructed element with a low tag: a
 * primitive one whose contents start at a recorded place is refused as
 * the walk refuses it, a high tag number is walked. */
static void test_ber_memo_only_constructed_low_tags(void)
{
    static const uint8_t prim[] = {0x04, 0x80, 0x05, 0x00, 0x00, 0x00};
    static const uint8_t high[] = {0x3f, 0x05, 0x80, 0x05, 0x00, 0x00, 0x00};
    struct ss_ber_memo m = {.n = 1};
    m.e[0].val = prim + 2;
    m.e[0].len = 2;
    CU_ASSERT_EQUAL(ss_ber_read_known(prim, sizeof prim, &e, &m), SS_BAD_LENGTH);
    m.e[0].val = high + 3; /* not looked up: the 3-octet header is walked */
    m.e[0].len = 1;
    CU_ASSERT_EQUAL(ss_ber_read_known(high, sizeof high, &e, &m), SS_OK);
    CU_ASSERT_EQUAL(e.len, 2);
    CU_ASSERT_EQUAL(e.total, 7);
}

/* More nested elements than the memo holds: the innermost (closed first)
 * are kept, and reads of the others walk, all as ss_ber_read. */
static void test_ber_memo_full_and_depth_bound(void)
{
    uint8_t v[4 * SS_BER_MAX_DEPTH];
    size_t n = nest(v, SS_BER_MAX_DEPTH);
    struct ss_ber_memo m = {.n = 0};
    struct ss_ber k;
    CU_ASSERT_EQUAL_FATAL(ss_ber_read_record(v, n, &e, &m), SS_OK);
    CU_ASSERT_EQUAL(m.n, SS_BER_MEMO_MAX);
    CU_ASSERT_PTR_EQUAL(m.e[0].val, v + 2 * SS_BER_MAX_DEPTH);
    CU_ASSERT_EQUAL(m.e[0].len, 0);
    for (size_t i = 0; i < SS_BER_MAX_DEPTH; i++) {
        CU_ASSERT_EQUAL(ss_ber_read_known(v + 2 * i, n - 2 * i, &k, &m), SS_OK);
        CU_ASSERT_EQUAL(ss_ber_read(v + 2 * i, n - 2 * i, &e), SS_OK);
        CU_ASSERT_EQUAL(k.len, e.len);
        CU_ASSERT_EQUAL(k.total, n - 4 * i);
    }
}

static uint32_t ber_rnd_state = 12345;

static uint32_t ber_rnd(void)
{
    ber_rnd_state = ber_rnd_state * 1103515245u + 12345u;
    return ber_rnd_state >> 16;
}

/* For mutations of a TCAP-like nest of indefinite elements: wherever the
 * whole walk succeeds, a read through its memo at every offset and bound
 * gives ss_ber_read's result and element. */
static void test_ber_memo_reads_equal_walks(void)
{
    /* clang-format off */
    static const uint8_t base[] = {
        0x62, 0x80, 0x48, 0x01, 0x01,
        0x6b, 0x80, 0x28, 0x80, 0x06, 0x01, 0x00, 0xa0, 0x80, 0x60, 0x80,
        0xa1, 0x80, 0x06, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x6c, 0x80, 0xa1, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x2e,
        0x30, 0x80, 0x84, 0x81, 0x01, 0x91, 0x04, 0x01, 0xaa, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
        0x00, 0x00,
    };
    /* clang-format on */
    uint8_t v[sizeof base];
    unsigned ok = 0;
    for (unsigned round = 0; round < 3000; round++) {
        memcpy(v, base, sizeof v);
        for (unsigned k = round ? 1 + ber_rnd() % 3 : 0; k > 0; k--)
            v[ber_rnd() % sizeof v] = (uint8_t)(ber_rnd() % 4 == 0 ? 0x80 : ber_rnd());
        struct ss_ber_memo m = {.n = 0};
        if (ss_ber_read_record(v, sizeof v, &e, &m) != SS_OK)
            continue;
        ok++;
        for (size_t o = 0; o < sizeof v; o++) {
            for (size_t len = 0; len <= sizeof v - o; len++) {
                struct ss_ber a, b;
                enum ss_result ra = ss_ber_read(v + o, len, &a);
                enum ss_result rb = ss_ber_read_known(v + o, len, &b, &m);
                CU_ASSERT_EQUAL_FATAL(ra, rb);
                if (ra != SS_OK)
                    continue;
                CU_ASSERT_PTR_EQUAL_FATAL(a.val, b.val);
                CU_ASSERT_EQUAL_FATAL(a.len, b.len);
                CU_ASSERT_EQUAL_FATAL(a.total, b.total);
                CU_ASSERT_EQUAL_FATAL(a.id, b.id);
                CU_ASSERT_EQUAL_FATAL(a.tag, b.tag);
            }
        }
    }
    CU_ASSERT(ok > 100);
}

static const struct ss_test tests[] = {
    SS_TEST(test_ber_memo_records_nested_and_reads_them),
    SS_TEST(test_ber_memo_only_constructed_low_tags),
    SS_TEST(test_ber_memo_full_and_depth_bound),
    SS_TEST(test_ber_memo_reads_equal_walks),
    SS_TEST(test_ber_read_short_same_as_read),
    SS_TEST(test_ber_read_short_values_and_truncation),
    SS_TEST(test_ber_short_form_primitive),
    SS_TEST(test_ber_context_constructed_class_and_tag),
    SS_TEST(test_ber_high_tag_number_two_octets),
    SS_TEST(test_ber_high_tag_four_octets_ok_five_bad_tag),
    SS_TEST(test_ber_high_tag_truncated),
    SS_TEST(test_ber_empty_and_missing_length_truncated),
    SS_TEST(test_ber_long_form_lengths),
    SS_TEST(test_ber_one_octet_long_length_bounds),
    SS_TEST(test_ber_long_form_four_octets_ok_five_unsupported),
    SS_TEST(test_ber_reserved_length_0xff_bad_length),
    SS_TEST(test_ber_definite_length_past_buffer_truncated),
    SS_TEST(test_ber_indefinite_nested_finds_matching_eoc),
    SS_TEST(test_ber_indefinite_without_eoc_truncated),
    SS_TEST(test_ber_indefinite_with_bad_child_propagates),
    SS_TEST(test_ber_indefinite_primitive_bad_length),
    SS_TEST(test_ber_indefinite_depth_bound),
    SS_TEST(test_ber_indefinite_siblings_at_the_depth_bound),
    SS_TEST(test_ber_indefinite_children_forms),
    SS_TEST(test_ber_header_forms),
    SS_TEST(test_ber_int_values),
    SS_TEST(test_ber_int_zero_and_five_octets_bad_length),
};

int main(void)
{
    return SS_RUN_SUITE("ber", NULL, NULL, tests) != 0;
}
