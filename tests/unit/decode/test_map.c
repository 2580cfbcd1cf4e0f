#include <CUnit/Basic.h>

#include "tests/unit/decode/vectors.h"
#include <stdlib.h>
#include <string.h>

#include "dataplane/decode/map.h"
#include "tests/unit/runner.h"

static struct ss_map_sm m;
static uint8_t *copy;

/* Decodes from an exact-size heap copy so that ASan sees any over-read;
 * the copy lives until the next call because m.ui points into it. */
static enum ss_result decode(const uint8_t *v, size_t n)
{
    free(copy);
    copy = malloc(n ? n : 1);
    memcpy(copy, v, n);
    return ss_map_sm_decode(copy, n, &m);
}

/* AddressString 8613800100500: 0x91 (international, ISDN) + TBCD. */
#define SC_8613800100500 0x91, 0x68, 0x31, 0x08, 0x10, 0x00, 0x05, 0xf0
/* ISDN-AddressString 8613912345678. */
#define MSISDN_8613912345678 0x91, 0x68, 0x31, 0x19, 0x32, 0x54, 0x76, 0xf8
/* IMSI 460001234567890 (TBCD, filler in the last high nibble). */
#define IMSI_460001234567890 0x64, 0x00, 0x10, 0x32, 0x54, 0x76, 0x98, 0xf0
/* SMS-SUBMIT to 31612345678, "hellohello": 22 octets. */
#define SUBMIT_22                                                                                  \
    0x01, 0x05, 0x0b, 0x91, 0x13, 0x16, 0x32, 0x54, 0x76, 0xf8, 0x00, 0x00, 0x0a, 0xe8, 0x32,      \
        0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37

/* MO-ForwardSM-Arg v3 (opcode 46). */
static const uint8_t mo_v3[] = {
    0x30, 0x38,                       /* SEQUENCE, 56 octets */
    0x84, 0x08, SC_8613800100500,     /* sm-RP-DA serviceCentreAddressDA [4] */
    0x82, 0x08, MSISDN_8613912345678, /* sm-RP-OA msisdn [2] */
    0x04, 0x16, SUBMIT_22,            /* sm-RP-UI */
    0x30, 0x00,                       /* extensionContainer, empty */
    0x04, 0x08, IMSI_460001234567890, /* imsi (after the extension marker) */
};

static void test_map_mo_forward_sm_v3(void)
{
    CU_ASSERT_EQUAL(decode(mo_v3, sizeof mo_v3), SS_OK);
    CU_ASSERT_EQUAL(m.da.kind, SS_MAP_ADDR_SC);
    CU_ASSERT_EQUAL(m.da.ton_npi, 0x91);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "8613800100500");
    CU_ASSERT_EQUAL(m.oa.kind, SS_MAP_ADDR_MSISDN);
    CU_ASSERT_EQUAL(m.oa.ton_npi, 0x91);
    CU_ASSERT_STRING_EQUAL(m.oa.digits, "8613912345678");
    CU_ASSERT_EQUAL(m.ui_len, 22);
    CU_ASSERT_EQUAL(m.ui[0], 0x01);
    CU_ASSERT_EQUAL(m.ui[21], 0x37);
    CU_ASSERT_TRUE(m.has_imsi);
    CU_ASSERT_STRING_EQUAL(m.imsi, "460001234567890");
    CU_ASSERT_FALSE(m.more_messages);
}

/* SM-RP-DA, -OA and -UI with one-octet long-form lengths (0x81), which
 * the short-length fast path leaves to the general reader: same values as
 * mo_v3; then the short form cut inside SM-RP-OA. */
static void test_map_long_form_addresses_and_truncation(void)
{
    /* clang-format off */
    static const uint8_t long_form[] = {
        0x30, 0x2f,                             /* SEQUENCE, 47 octets */
        0x84, 0x81, 0x08, SC_8613800100500,     /* sm-RP-DA [4], long form */
        0x82, 0x81, 0x08, MSISDN_8613912345678, /* sm-RP-OA [2], long form */
        0x04, 0x81, 0x16, SUBMIT_22,            /* sm-RP-UI, long form */
    };
    static const uint8_t cut_oa[] = {
        0x30, 0x0e,                   /* SEQUENCE, 14 octets */
        0x84, 0x08, SC_8613800100500, /* sm-RP-DA [4] */
        0x82, 0x08, 0x91, 0x68,       /* sm-RP-OA says 8, has 2 */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(decode(long_form, sizeof long_form), SS_OK);
    CU_ASSERT_EQUAL(m.da.kind, SS_MAP_ADDR_SC);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "8613800100500");
    CU_ASSERT_EQUAL(m.oa.kind, SS_MAP_ADDR_MSISDN);
    CU_ASSERT_EQUAL(m.oa.ton_npi, 0x91);
    CU_ASSERT_STRING_EQUAL(m.oa.digits, "8613912345678");
    CU_ASSERT_EQUAL(m.ui_len, 22);
    CU_ASSERT_EQUAL(m.ui[21], 0x37);
    CU_ASSERT_FALSE(m.has_imsi);
    CU_ASSERT_EQUAL(decode(cut_oa, sizeof cut_oa), SS_TRUNCATED);
    for (size_t n = 0; n < sizeof long_form; n++)
        CU_ASSERT_NOT_EQUAL(decode(long_form, n), SS_OK);
}

/* The same argument with indefinite lengths on the SEQUENCE and on the
 * extensionContainer. */
static void test_map_mo_forward_sm_v3_indefinite_length(void)
{
    static const uint8_t v[] = {
        0x30, 0x80, /* SEQUENCE, indefinite */
        0x84, 0x08, SC_8613800100500,
        0x82, 0x08, MSISDN_8613912345678,
        0x04, 0x16, SUBMIT_22,
        0x30, 0x80, 0x00,
        0x00, /* extensionContainer, indefinite, empty */
        0x04, 0x08, IMSI_460001234567890,
        0x00, 0x00, /* end-of-contents */
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_OK);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "8613800100500");
    CU_ASSERT_STRING_EQUAL(m.oa.digits, "8613912345678");
    CU_ASSERT_EQUAL(m.ui_len, 22);
    CU_ASSERT_STRING_EQUAL(m.imsi, "460001234567890");
}

/* SMS-DELIVER from "Hello" (alphanumeric), 27 octets. */
#define DELIVER_27                                                                                 \
    0x04, 0x09, 0xd0, 0xc8, 0x32, 0x9b, 0xfd, 0x06, 0x00, 0x00, 0x32, 0x11, 0x82, 0x21, 0x43,      \
        0x50, 0x00, 0x0a, 0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37

/* MT-ForwardSM-Arg v3 (opcode 44). */
static const uint8_t mt_v3[] = {
    0x30, 0x32, /* SEQUENCE, 50 */
    0x80, 0x08, 0x00,       0x01, 0x01, 0x21, 0x43, 0x65, 0x87,
    0xf9,                                                       /* DA imsi [0] 001010123456789 */
    0x84, 0x07, 0x91,       0x44, 0x77, 0x00, 0x09, 0x00, 0x10, /* OA SC [4] 447700900001 */
    0x04, 0x1b, DELIVER_27,                                     /* sm-RP-UI */
    0x05, 0x00,                                                 /* moreMessagesToSend */
};

static void test_map_mt_forward_sm_v3(void)
{
    CU_ASSERT_EQUAL(decode(mt_v3, sizeof mt_v3), SS_OK);
    CU_ASSERT_EQUAL(m.da.kind, SS_MAP_ADDR_IMSI);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "001010123456789");
    CU_ASSERT_EQUAL(m.oa.kind, SS_MAP_ADDR_SC);
    CU_ASSERT_STRING_EQUAL(m.oa.digits, "447700900001");
    CU_ASSERT_EQUAL(m.ui_len, 27);
    CU_ASSERT_TRUE(m.more_messages);
    CU_ASSERT_FALSE(m.has_imsi);
}

static void test_map_mt_forward_sm_v3_indefinite_length(void)
{
    uint8_t v[sizeof mt_v3 + 2];
    memcpy(v, mt_v3, sizeof mt_v3);
    v[1] = 0x80; /* indefinite; end-of-contents appended */
    v[sizeof mt_v3] = 0x00;
    v[sizeof mt_v3 + 1] = 0x00;
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_OK);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "001010123456789");
    CU_ASSERT_TRUE(m.more_messages);
}

/* ForwardSM-Arg v2 with sm-RP-DA lmsi [1] and noSM-RP-OA [5]. */
static void test_map_v2_lmsi_and_no_originator(void)
{
    static const uint8_t v[] = {
        0x30, 0x0b, 0x81, 0x04, 0x01, 0x02, 0xab, 0xcd, /* DA lmsi */
        0x85, 0x00,                                     /* noSM-RP-OA */
        0x04, 0x01, 0x02,                               /* sm-RP-UI, 1 octet */
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_OK);
    CU_ASSERT_EQUAL(m.da.kind, SS_MAP_ADDR_LMSI);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "0102abcd");
    CU_ASSERT_EQUAL(m.oa.kind, SS_MAP_ADDR_ABSENT);
    CU_ASSERT_EQUAL(m.ui_len, 1);
}

/* ForwardSM-Arg v2 with noSM-RP-DA [5], SC OA and moreMessagesToSend. */
static void test_map_v2_no_destination_and_more_messages(void)
{
    static const uint8_t v[] = {
        0x30, 0x11, 0x85,
        0x00,                         /* noSM-RP-DA */
        0x84, 0x08, SC_8613800100500, /* OA serviceCentreAddressOA */
        0x04, 0x01, 0x00,             /* sm-RP-UI */
        0x05, 0x00,                   /* moreMessagesToSend */
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_OK);
    CU_ASSERT_EQUAL(m.da.kind, SS_MAP_ADDR_ABSENT);
    CU_ASSERT_EQUAL(m.oa.kind, SS_MAP_ADDR_SC);
    CU_ASSERT_STRING_EQUAL(m.oa.digits, "8613800100500");
    CU_ASSERT_TRUE(m.more_messages);
}

/* Hand-built forwardSM v2 argument (TS 29.002 §7.6.8.1 ForwardSM-Arg):
 * long-form BER lengths (X.690 §8.1.3.5) at two levels, because the
 * 159-octet SM-RP-UI and the 181-octet SEQUENCE both exceed 127. */
/* clang-format off */
static const uint8_t fwd_sm_v2_long[] = {
    0x30, 0x81, 0xb5,                   /* SEQUENCE, 181 = 10 + 9 + 162 */
    0x80, 0x08,                         /* sm-RP-DA [0] imsi, 8 octets */
    0x00, 0x01, 0x01, 0x21, 0x43, 0x65, 0x87, 0xf9, /* 001010123456789 TBCD */
    0x84, 0x07,                         /* sm-RP-OA [4] serviceCentreAddressOA */
    0x91,                               /* international, ISDN/E.164 */
    0x44, 0x77, 0x00, 0x09, 0x00, 0x10, /* 447700900001 */
    0x04, 0x81, 0x9f,                   /* sm-RP-UI OCTET STRING, 159 */
    SS_TEST_DELIVER160
};
/* clang-format on */

static void test_map_forward_sm_v2_long_form_lengths(void)
{
    CU_ASSERT_EQUAL(decode(fwd_sm_v2_long, sizeof fwd_sm_v2_long), SS_OK);
    CU_ASSERT_EQUAL(m.da.kind, SS_MAP_ADDR_IMSI);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "001010123456789");
    CU_ASSERT_EQUAL(m.oa.kind, SS_MAP_ADDR_SC);
    CU_ASSERT_EQUAL(m.oa.ton_npi, 0x91);
    CU_ASSERT_STRING_EQUAL(m.oa.digits, "447700900001");
    CU_ASSERT_EQUAL(m.ui_len, 159);
    CU_ASSERT_PTR_EQUAL(m.ui, copy + 3 + 10 + 9 + 3);
    CU_ASSERT_EQUAL(m.ui[0], 0x20);
}

static void test_map_wrong_outer_tag_is_bad_tag(void)
{
    uint8_t v[sizeof mo_v3];
    memcpy(v, mo_v3, sizeof v);
    v[0] = 0x31; /* SET instead of SEQUENCE */
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_TAG);
}

static void test_map_outer_length_past_data_is_truncated(void)
{
    uint8_t v[sizeof mo_v3];
    memcpy(v, mo_v3, sizeof v);
    v[1] = 0x39;
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_TRUNCATED);
}

/* Inner element longer than the SEQUENCE contents that hold it. */
static void test_map_inner_length_past_sequence_is_truncated(void)
{
    static const uint8_t v[] = {0x30, 0x04, 0x84, 0x08, 0x91, 0x68,
                                0x31, 0x08, 0x10, 0x00, 0x05, 0xf0};
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_TRUNCATED);
}

static void test_map_msisdn_tag_in_destination_is_bad_tag(void)
{
    uint8_t v[sizeof mo_v3];
    memcpy(v, mo_v3, sizeof v);
    v[2] = 0x82;
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_TAG);
}

static void test_map_imsi_and_lmsi_tags_in_originator_are_bad_tag(void)
{
    uint8_t v[sizeof mo_v3];
    memcpy(v, mo_v3, sizeof v);
    v[12] = 0x80;
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_TAG);
    v[12] = 0x81;
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_TAG);
}

static void test_map_ui_wrong_tag_is_bad_tag(void)
{
    uint8_t v[sizeof mo_v3];
    memcpy(v, mo_v3, sizeof v);
    v[22] = 0x05; /* NULL where the OCTET STRING sm-RP-UI belongs */
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_TAG);
    v[22] = 0x24; /* constructed OCTET STRING: not used by MAP */
    CU_ASSERT_NOT_EQUAL(decode(v, sizeof v), SS_OK);
}

static void test_map_missing_ui_is_truncated(void)
{
    static const uint8_t v[] = {0x30, 0x04, 0x85, 0x00, 0x85, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_TRUNCATED);
}

/* IMSI is 3..8 octets. */
static void test_map_imsi_wrong_length_is_bad_length(void)
{
    static const uint8_t two[] = {0x30, 0x09, 0x80, 0x02, 0x00, 0x01, 0x85, 0x00, 0x04, 0x01, 0x00};
    static const uint8_t nine[] = {0x30, 0x10, 0x80, 0x09, 0x00, 0x01, 0x01, 0x21, 0x43,
                                   0x65, 0x87, 0xf9, 0x11, 0x85, 0x00, 0x04, 0x01, 0x00};
    CU_ASSERT_EQUAL(decode(two, sizeof two), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(decode(nine, sizeof nine), SS_BAD_LENGTH);
}

static void test_map_v3_imsi_wrong_length_is_bad_length(void)
{
    static const uint8_t v[] = {0x30, 0x0b, 0x85, 0x00, 0x85, 0x00, 0x04,
                                0x01, 0x00, 0x04, 0x02, 0x64, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_LENGTH);
}

/* LMSI is exactly 4 octets. */
static void test_map_lmsi_wrong_length_is_bad_length(void)
{
    static const uint8_t v[] = {0x30, 0x0a, 0x81, 0x03, 0x01, 0x02,
                                0x03, 0x85, 0x00, 0x04, 0x01, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_LENGTH);
}

/* AddressString is 1..20 octets. */
static void test_map_address_string_empty_or_oversize_is_bad_length(void)
{
    static const uint8_t empty[] = {0x30, 0x07, 0x85, 0x00, 0x82, 0x00, 0x04, 0x01, 0x00};
    uint8_t big[2 + 2 + 2 + 21 + 3] = {0x30, 28, 0x85, 0x00, 0x82, 21, 0x91};
    memset(big + 7, 0x11, 20);
    big[27] = 0x04;
    big[28] = 0x01;
    big[29] = 0x00;
    CU_ASSERT_EQUAL(decode(empty, sizeof empty), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(decode(big, sizeof big), SS_BAD_LENGTH);
    big[1] = 27; /* 20 octets: accepted, 38 digits */
    big[5] = 20;
    memmove(big + 26, big + 27, 3);
    CU_ASSERT_EQUAL(decode(big, sizeof big - 1), SS_OK);
    CU_ASSERT_EQUAL(strlen(m.oa.digits), 38);
}

static void test_map_no_address_with_contents_is_bad_length(void)
{
    static const uint8_t v[] = {0x30, 0x08, 0x85, 0x01, 0x00, 0x85, 0x00, 0x04, 0x01, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_LENGTH);
}

/* SignalInfo is 1..200 octets. */
static void test_map_ui_empty_or_oversize_is_bad_length(void)
{
    static const uint8_t empty[] = {0x30, 0x06, 0x85, 0x00, 0x85, 0x00, 0x04, 0x00};
    uint8_t big[4 + 4 + 3 + 201] = {0x30, 0x82, 0x00, 0xd0, 0x85, 0x00,
                                    0x85, 0x00, 0x04, 0x81, 0xc9};
    CU_ASSERT_EQUAL(decode(empty, sizeof empty), SS_BAD_LENGTH);
    CU_ASSERT_EQUAL(decode(big, sizeof big), SS_BAD_LENGTH);
    big[3] = 0xcf; /* 200 octets: accepted */
    big[10] = 0xc8;
    CU_ASSERT_EQUAL(decode(big, sizeof big - 1), SS_OK);
    CU_ASSERT_EQUAL(m.ui_len, 200);
}

static void test_map_more_messages_with_contents_is_bad_length(void)
{
    static const uint8_t v[] = {0x30, 0x0a, 0x85, 0x00, 0x85, 0x00,
                                0x04, 0x01, 0x00, 0x05, 0x01, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_BAD_LENGTH);
}

static void test_map_every_prefix_fails(void)
{
    for (size_t n = 0; n < sizeof mo_v3; n++)
        CU_ASSERT_EQUAL(decode(mo_v3, n), SS_TRUNCATED);
    for (size_t n = 0; n < sizeof fwd_sm_v2_long; n++)
        CU_ASSERT_EQUAL(decode(fwd_sm_v2_long, n), SS_TRUNCATED);
}

static uint32_t rnd(void)
{
    static uint32_t x = 2463534242u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

/* Random cuts and byte flips of the MO and forwardSM v2 arguments: whatever the
 * result, a decoded SM-RP-UI lies inside the input. */
static void test_map_mutated_args_stay_in_bounds(void)
{
    const uint8_t *src[] = {mo_v3, fwd_sm_v2_long};
    const size_t len[] = {sizeof mo_v3, sizeof fwd_sm_v2_long};
    for (unsigned i = 0; i < 20000; i++) {
        size_t n = rnd() % (len[i & 1] + 1);
        uint8_t v[sizeof fwd_sm_v2_long];
        memcpy(v, src[i & 1], n);
        for (unsigned k = rnd() % 4; k > 0 && n > 0; k--)
            v[rnd() % n] = (uint8_t)rnd();
        if (decode(v, n) == SS_OK)
            CU_ASSERT_TRUE(m.ui >= copy && m.ui + m.ui_len <= copy + n);
    }
}

/* The indefinite argument decoded as it is walked: a 0x81 field length,
 * octets after the end-of-contents (outside the argument) ignored. */
static void test_map_indefinite_long_form_field_and_trailing_octets(void)
{
    /* clang-format off */
    static const uint8_t v[] = {
        0x30, 0x80,
        0x84, 0x81, 0x08, SC_8613800100500,
        0x82, 0x08, MSISDN_8613912345678,
        0x04, 0x81, 0x16, SUBMIT_22,
        0x00, 0x00,
        0x05, 0x00, /* not part of the argument */
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(decode(v, sizeof v), SS_OK);
    CU_ASSERT_EQUAL(m.da.kind, SS_MAP_ADDR_SC);
    CU_ASSERT_STRING_EQUAL(m.da.digits, "8613800100500");
    CU_ASSERT_EQUAL(m.oa.kind, SS_MAP_ADDR_MSISDN);
    CU_ASSERT_STRING_EQUAL(m.oa.digits, "8613912345678");
    CU_ASSERT_PTR_EQUAL(m.ui, copy + 2 + 11 + 10 + 3);
    CU_ASSERT_EQUAL(m.ui_len, 22);
    CU_ASSERT_FALSE(m.more_messages);
    CU_ASSERT_FALSE(m.has_imsi);
}

/* Errors of an indefinite argument come in the general path's order: the
 * walk to the end-of-contents first, then the fields. */
static void test_map_indefinite_errors_in_walk_order(void)
{
    /* clang-format off */
    /* A bad DA tag, then a field running past the buffer: truncated. */
    static const uint8_t bad_then_cut[] = {
        0x30, 0x80, 0x82, 0x08, MSISDN_8613912345678, 0x04, 0x30, 0x01, 0x00, 0x00,
    };
    /* A bad DA tag in a well-formed argument: bad tag. */
    static const uint8_t bad_tag[] = {
        0x30, 0x80, 0x82, 0x08, MSISDN_8613912345678,
        0x82, 0x08, MSISDN_8613912345678, 0x04, 0x16, SUBMIT_22, 0x00, 0x00,
    };
    /* End-of-contents before SM-RP-UI: truncated. */
    static const uint8_t short_arg[] = {
        0x30, 0x80, 0x84, 0x08, SC_8613800100500, 0x82, 0x08, MSISDN_8613912345678, 0x00, 0x00,
    };
    /* No end-of-contents. */
    static const uint8_t no_eoc[] = {
        0x30, 0x80, 0x84, 0x08, SC_8613800100500, 0x82, 0x08, MSISDN_8613912345678,
        0x04, 0x16, SUBMIT_22,
    };
    /* An indefinite SET: the walk succeeds, the tag is refused. */
    static const uint8_t set[] = {
        0x31, 0x80, 0x84, 0x08, SC_8613800100500, 0x82, 0x08, MSISDN_8613912345678,
        0x04, 0x16, SUBMIT_22, 0x00, 0x00,
    };
    /* clang-format on */
    CU_ASSERT_EQUAL(decode(bad_then_cut, sizeof bad_then_cut), SS_TRUNCATED);
    CU_ASSERT_EQUAL(decode(bad_tag, sizeof bad_tag), SS_BAD_TAG);
    CU_ASSERT_EQUAL(decode(short_arg, sizeof short_arg), SS_TRUNCATED);
    CU_ASSERT_EQUAL(decode(no_eoc, sizeof no_eoc), SS_TRUNCATED);
    CU_ASSERT_EQUAL(decode(set, sizeof set), SS_BAD_TAG);
    for (size_t n = 0; n < sizeof set; n++) {
        uint8_t w[sizeof set];
        memcpy(w, set, sizeof w);
        w[0] = 0x30;
        CU_ASSERT_NOT_EQUAL(decode(w, n), SS_OK);
    }
}

static const struct ss_test tests[] = {
    SS_TEST(test_map_indefinite_long_form_field_and_trailing_octets),
    SS_TEST(test_map_indefinite_errors_in_walk_order),
    SS_TEST(test_map_mo_forward_sm_v3),
    SS_TEST(test_map_long_form_addresses_and_truncation),
    SS_TEST(test_map_mo_forward_sm_v3_indefinite_length),
    SS_TEST(test_map_mt_forward_sm_v3),
    SS_TEST(test_map_mt_forward_sm_v3_indefinite_length),
    SS_TEST(test_map_v2_lmsi_and_no_originator),
    SS_TEST(test_map_v2_no_destination_and_more_messages),
    SS_TEST(test_map_forward_sm_v2_long_form_lengths),
    SS_TEST(test_map_wrong_outer_tag_is_bad_tag),
    SS_TEST(test_map_outer_length_past_data_is_truncated),
    SS_TEST(test_map_inner_length_past_sequence_is_truncated),
    SS_TEST(test_map_msisdn_tag_in_destination_is_bad_tag),
    SS_TEST(test_map_imsi_and_lmsi_tags_in_originator_are_bad_tag),
    SS_TEST(test_map_ui_wrong_tag_is_bad_tag),
    SS_TEST(test_map_missing_ui_is_truncated),
    SS_TEST(test_map_imsi_wrong_length_is_bad_length),
    SS_TEST(test_map_v3_imsi_wrong_length_is_bad_length),
    SS_TEST(test_map_lmsi_wrong_length_is_bad_length),
    SS_TEST(test_map_address_string_empty_or_oversize_is_bad_length),
    SS_TEST(test_map_no_address_with_contents_is_bad_length),
    SS_TEST(test_map_ui_empty_or_oversize_is_bad_length),
    SS_TEST(test_map_more_messages_with_contents_is_bad_length),
    SS_TEST(test_map_every_prefix_fails),
    SS_TEST(test_map_mutated_args_stay_in_bounds),
};

int main(void)
{
    unsigned failures = SS_RUN_SUITE("map", NULL, NULL, tests);
    free(copy);
    return failures != 0;
}
