#include <CUnit/Basic.h>

#include "tests/unit/decode/vectors.h"
#include <stdlib.h>
#include <string.h>

#include "dataplane/decode/tpdu.h"
#include "tests/unit/runner.h"

static struct ss_tpdu t;

static uint8_t *copy;

/* Decodes from an exact-size heap copy so that ASan sees any over-read;
 * the copy lives until the next call because t points into it. */
static enum ss_result decode(const uint8_t *v, size_t n, enum ss_tp_dir dir)
{
    free(copy);
    copy = malloc(n ? n : 1);
    memcpy(copy, v, n);
    return ss_tpdu_decode(copy, n, dir, &t);
}

#define DA_31612345678 0x0b, 0x91, 0x13, 0x16, 0x32, 0x54, 0x76, 0xf8
#define UD_HELLOHELLO  0x0a, 0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37

/* SMS-SUBMIT, TP-VPF 00 (no TP-VP). */
static const uint8_t submit_vp_none[] = {
    0x01,           /* MTI 01 SUBMIT, RD 0, VPF 00, SRR 0, UDHI 0, RP 0 */
    0x05,           /* TP-MR */
    DA_31612345678, /* TP-DA: 11 digits, TON 001 NPI 0001, 31612345678 + F */
    0x00,           /* TP-PID */
    0x00,           /* TP-DCS: GSM 7-bit */
    UD_HELLOHELLO,  /* TP-UDL 10 septets, 9 octets "hellohello" */
};

static void assert_submit_body(void)
{
    CU_ASSERT_EQUAL(t.mti, SS_TP_SUBMIT);
    CU_ASSERT_EQUAL(t.mr, 5);
    CU_ASSERT_EQUAL(t.addr.ton, 1);
    CU_ASSERT_EQUAL(t.addr.npi, 1);
    CU_ASSERT_FALSE(t.addr.alpha);
    CU_ASSERT_STRING_EQUAL(t.addr.text, "31612345678");
    CU_ASSERT_EQUAL(t.dcs_info.alphabet, SS_ALPHA_GSM7);
    CU_ASSERT_EQUAL(t.udl, 10);
    CU_ASSERT_EQUAL(t.ud_len, 9);
    CU_ASSERT_EQUAL(t.ud[0], 0xe8);
    CU_ASSERT_EQUAL(t.ud[8], 0x37);
    CU_ASSERT_EQUAL(t.udh_len, 0);
}

static void test_tpdu_submit_without_vp(void)
{
    CU_ASSERT_EQUAL(decode(submit_vp_none, sizeof submit_vp_none, SS_TP_MS_TO_SC), SS_OK);
    assert_submit_body();
    CU_ASSERT_EQUAL(t.vpf, SS_TP_VP_NONE);
    CU_ASSERT_FALSE(t.rd || t.srr || t.rp || t.udhi);
}

/* RD (bit 2), SRR (bit 5), RP (bit 7) all set: 0x01 | 0x04 | 0x20 | 0x80. */
static void test_tpdu_submit_flags(void)
{
    uint8_t v[sizeof submit_vp_none];
    memcpy(v, submit_vp_none, sizeof v);
    v[0] = 0xa5;
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    CU_ASSERT_TRUE(t.rd && t.srr && t.rp);
    CU_ASSERT_FALSE(t.udhi);
}

static void test_tpdu_submit_vp_relative(void)
{
    static const uint8_t v[] = {
        0x11,                                            /* MTI 01, VPF 10 relative */
        0x05,          DA_31612345678, 0x00, 0x00, 0xa7, /* TP-VP: 24 hours */
        UD_HELLOHELLO,
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    assert_submit_body();
    CU_ASSERT_EQUAL(t.vpf, SS_TP_VP_RELATIVE);
}

static void test_tpdu_submit_vp_absolute(void)
{
    static const uint8_t v[] = {
        0x19, /* MTI 01, VPF 11 absolute */
        0x05,          DA_31612345678, 0x00, 0x00, 0x32, 0x11,
        0x82,          0x21,           0x43, 0x50, 0x00, /* TP-VP: 7-octet time stamp */
        UD_HELLOHELLO,
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    assert_submit_body();
    CU_ASSERT_EQUAL(t.vpf, SS_TP_VP_ABSOLUTE);
}

static void test_tpdu_submit_vp_enhanced(void)
{
    static const uint8_t v[] = {
        0x09, /* MTI 01, VPF 01 enhanced */
        0x05,          DA_31612345678, 0x00, 0x00, 0x01, 0x0a,
        0x00,          0x00,           0x00, 0x00, 0x00, /* TP-VP: relative format, 7 octets */
        UD_HELLOHELLO,
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    assert_submit_body();
    CU_ASSERT_EQUAL(t.vpf, SS_TP_VP_ENHANCED);
}

/* SMS-DELIVER with an alphanumeric TP-OA "Hello": 5 septets = 35 bits =
 * 5 octets c8 32 9b fd 06, length ceil(35/4) = 9 semi-octets. */
static void test_tpdu_deliver_alphanumeric_originator(void)
{
    static const uint8_t v[] = {
        0x04,                                  /* MTI 00 DELIVER, MMS bit set (no more) */
        0x09,          0xd0,                   /* TP-OA: 9 semi-octets, TON 101 NPI 0000 */
        0xc8,          0x32, 0x9b, 0xfd, 0x06, /* "Hello" packed */
        0x00,                                  /* TP-PID */
        0x00,                                  /* TP-DCS */
        0x32,          0x11, 0x82, 0x21, 0x43, 0x50, 0x00, /* TP-SCTS */
        UD_HELLOHELLO,
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_SC_TO_MS), SS_OK);
    CU_ASSERT_EQUAL(t.mti, SS_TP_DELIVER);
    CU_ASSERT_TRUE(t.mms);
    CU_ASSERT_TRUE(t.addr.alpha);
    CU_ASSERT_EQUAL(t.addr.ton, 5);
    CU_ASSERT_STRING_EQUAL(t.addr.text, "Hello");
    CU_ASSERT_EQUAL(t.scts[0], 0x32);
    CU_ASSERT_EQUAL(t.scts[6], 0x00);
    CU_ASSERT_EQUAL(t.udl, 10);
    CU_ASSERT_EQUAL(t.ud_len, 9);
}

/* The longest alphanumeric TP-OA, 20 semi-octets = 10 octets = 11
 * septets "Shop", 0x01 '£', 1b 65 '€', "1234", packed by hand:
 * 53 f4 1b 1e d8 94 63 b2 19 0d. The bytes after the text's NUL stay zero. */
static void test_tpdu_deliver_longest_alphanumeric_originator(void)
{
    static const uint8_t v[] = {
        0x04,                                              /* MTI 00 DELIVER */
        0x14,          0xd0,                               /* TP-OA: 20 semi-octets, TON 101 */
        0x53,          0xf4, 0x1b, 0x1e, 0xd8,             /* "Shop£€1234" packed, */
        0x94,          0x63, 0xb2, 0x19, 0x0d,             /* 10 octets */
        0x00,                                              /* TP-PID */
        0x00,                                              /* TP-DCS */
        0x32,          0x11, 0x82, 0x21, 0x43, 0x50, 0x00, /* TP-SCTS */
        UD_HELLOHELLO,
    };
    static const char want[] = "Shop\xc2\xa3\xe2\x82\xac"
                               "1234";
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_SC_TO_MS), SS_OK);
    CU_ASSERT_TRUE(t.addr.alpha);
    CU_ASSERT_STRING_EQUAL(t.addr.text, want);
    size_t nonzero = 0;
    for (size_t i = sizeof want; i < sizeof t.addr.text; i++)
        nonzero += t.addr.text[i] != 0;
    CU_ASSERT_EQUAL(nonzero, 0);
    CU_ASSERT_EQUAL(t.udl, 10);
}

/* Hand-built SMS-DELIVER (TS 23.040 §9.2.2.1) whose user data is the
 * longest single GSM 7-bit text: UDL 160 septets fill 140 octets exactly
 * (160 * 7 / 8), so the last septet ends on the last bit. */
/* clang-format off */
static const uint8_t deliver160[] = {
    SS_TEST_DELIVER160
};
/* clang-format on */

static void test_tpdu_deliver_udl_160_septets(void)
{
    CU_ASSERT_EQUAL(decode(deliver160, sizeof deliver160, SS_TP_SC_TO_MS), SS_OK);
    CU_ASSERT_EQUAL(t.mti, SS_TP_DELIVER);
    CU_ASSERT_TRUE(t.srr);
    CU_ASSERT_FALSE(t.mms);
    CU_ASSERT_STRING_EQUAL(t.addr.text, "447700900123");
    CU_ASSERT_EQUAL(t.addr.ton, 1);
    CU_ASSERT_EQUAL(t.pid, 0);
    CU_ASSERT_EQUAL(t.dcs, 0);
    CU_ASSERT_EQUAL(t.udl, 160);
    CU_ASSERT_EQUAL(t.ud_len, 140);
}

/* UDH concat 8-bit: UDHL 05, IEI 00, IEL 03, ref 0x2a, total 2, seq 1.
 * 6 octets = 48 bits = 7 septets (+1 fill bit); "hi" = 2 septets, UDL 9. */
static void test_tpdu_udh_concat_8bit(void)
{
    static const uint8_t v[] = {
        0x41, 0x00, DA_31612345678, 0x00, 0x00, 0x09, /* TP-UDL: 9 septets, 8 octets */
        0x05, 0x00, 0x03,           0x2a, 0x02, 0x01, /* UDH */
        0xd0, 0x69,                                   /* fill bit + "hi" */
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    CU_ASSERT_TRUE(t.udhi);
    CU_ASSERT_EQUAL(t.udh_len, 6);
    CU_ASSERT_TRUE(t.udh.has_concat);
    CU_ASSERT_EQUAL(t.udh.concat_ref_bits, 8);
    CU_ASSERT_EQUAL(t.udh.concat_ref, 0x2a);
    CU_ASSERT_EQUAL(t.udh.concat_total, 2);
    CU_ASSERT_EQUAL(t.udh.concat_seq, 1);
    CU_ASSERT_EQUAL(t.ud_len, 8);
}

/* UDH concat 16-bit: UDHL 06, IEI 08, IEL 04, ref 0x1234, total 3, seq 2. */
static void test_tpdu_udh_concat_16bit(void)
{
    static const uint8_t v[] = {
        0x41, 0x00, DA_31612345678, 0x00, 0x00, 0x0a,       /* TP-UDL: 8 + 2 septets */
        0x06, 0x08, 0x04,           0x12, 0x34, 0x03, 0x02, /* UDH, 56 bits, no fill */
        0xe8, 0x34,                                         /* "hi" */
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    CU_ASSERT_EQUAL(t.udh.concat_ref_bits, 16);
    CU_ASSERT_EQUAL(t.udh.concat_ref, 0x1234);
    CU_ASSERT_EQUAL(t.udh.concat_total, 3);
    CU_ASSERT_EQUAL(t.udh.concat_seq, 2);
    CU_ASSERT_EQUAL(t.udh_len, 7);
}

/* Ports 16-bit (IEI 05: dst 0x0b84, src 0x23f0) and 8-bit (IEI 04), a
 * national single shift (IEI 24 = 2, Spanish), locking shift (IEI 25 = 3)
 * and an unknown IEI 0x70 skipped by length; 8-bit data (DCS 04). */
static void test_tpdu_udh_ports_shifts_and_unknown_ie(void)
{
    static const uint8_t v[] = {
        0x41, 0x00, DA_31612345678, 0x00, 0x04,       /* TP-DCS: 8-bit */
        0x15,                                         /* TP-UDL: 21 octets */
        0x14,                                         /* UDHL 20 */
        0x05, 0x04, 0x0b,           0x84, 0x23, 0xf0, /* ports 16-bit */
        0x70, 0x02, 0xaa,           0xbb,             /* unknown IE */
        0x24, 0x01, 0x02,                             /* single shift */
        0x25, 0x01, 0x03,                             /* locking shift */
        0x04, 0x02, 0x10,           0x20,             /* ports 8-bit, last wins */
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    CU_ASSERT_TRUE(t.udh.has_ports);
    CU_ASSERT_EQUAL(t.udh.port_dst, 0x10);
    CU_ASSERT_EQUAL(t.udh.port_src, 0x20);
    CU_ASSERT_EQUAL(t.udh.lang_single, 2);
    CU_ASSERT_EQUAL(t.udh.lang_locking, 3);
    CU_ASSERT_FALSE(t.udh.has_concat);
    CU_ASSERT_EQUAL(t.udh_len, 21);
}

static void test_tpdu_udh_ports_16bit(void)
{
    static const uint8_t v[] = {
        0x41, 0x00, DA_31612345678, 0x00, 0x04, 0x07,       /* TP-UDL: 7 octets */
        0x06, 0x05, 0x04,           0x0b, 0x84, 0x23, 0xf0, /* UDH ports 2948 / 9200 */
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_OK);
    CU_ASSERT_EQUAL(t.udh.port_dst, 0x0b84);
    CU_ASSERT_EQUAL(t.udh.port_src, 0x23f0);
}

/* UDHL 04 but the concat IE claims 3 octets after IEI+IEL: runs past. */
static void test_tpdu_udh_ie_past_udhl_is_bad_length(void)
{
    static const uint8_t v[] = {
        0x41, 0x00, DA_31612345678, 0x00, 0x04, 0x06, 0x04, 0x00, 0x03, 0x2a, 0x02, 0x01,
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
}

/* UDHL 01: only an IEI, no IEL. */
static void test_tpdu_udh_ie_header_cut_is_bad_length(void)
{
    static const uint8_t v[] = {0x41, 0x00, DA_31612345678, 0x00, 0x04, 0x02, 0x01, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
}

/* Concat IE with IEL 02 instead of 03. */
static void test_tpdu_udh_concat_wrong_iel_is_bad_length(void)
{
    static const uint8_t v[] = {
        0x41, 0x00, DA_31612345678, 0x00, 0x04, 0x05, 0x04, 0x00, 0x02, 0x2a, 0x02,
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
}

/* UDHL 0x0a exceeds the 3 octets of user data. */
static void test_tpdu_udhl_past_user_data_is_bad_length(void)
{
    static const uint8_t v[] = {0x41, 0x00, DA_31612345678, 0x00, 0x04, 0x03, 0x0a, 0x00, 0x03};
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
}

/* UDHI with TP-UDL 0: no room for even the UDHL. */
static void test_tpdu_udhi_with_empty_user_data_is_bad_length(void)
{
    static const uint8_t v[] = {0x41, 0x00, DA_31612345678, 0x00, 0x00, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
}

/* GSM 7-bit: UDL 6 septets (6 octets) is less than the 7 septets a
 * 6-octet UDH occupies. */
static void test_tpdu_udh_longer_than_udl_septets_is_bad_length(void)
{
    static const uint8_t v[] = {
        0x41, 0x00, DA_31612345678, 0x00, 0x00, 0x06, 0x05, 0x00, 0x03, 0x2a, 0x02, 0x01,
    };
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
}

/* TP-UDL 10 septets needs 9 octets; only 8 present. */
static void test_tpdu_udl_past_data_is_truncated(void)
{
    CU_ASSERT_EQUAL(decode(submit_vp_none, sizeof submit_vp_none - 1, SS_TP_MS_TO_SC),
                    SS_TRUNCATED);
}

static void test_tpdu_udl_over_160_septets_is_bad_length(void)
{
    uint8_t v[13 + 141] = {0x01, 0x00, DA_31612345678, 0x00, 0x00, 0xa1};
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
    v[12] = 0xa0; /* 160 septets = 140 octets: fits */
    CU_ASSERT_EQUAL(decode(v, 13 + 140, SS_TP_MS_TO_SC), SS_OK);
}

static void test_tpdu_udl_over_140_octets_is_bad_length(void)
{
    uint8_t v[13 + 141] = {0x01, 0x00, DA_31612345678, 0x00, 0x08, 0x8d};
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
    v[12] = 0x8c; /* 140 octets of UCS2: fits */
    CU_ASSERT_EQUAL(decode(v, 13 + 140, SS_TP_MS_TO_SC), SS_OK);
    CU_ASSERT_EQUAL(t.ud_len, 140);
}

/* Address of 21 semi-octets is longer than TS 23.040 allows (20). */
static void test_tpdu_address_over_20_digits_is_bad_length(void)
{
    static const uint8_t v[] = {0x01, 0x00, 0x15, 0x91, 0x11, 0x11, 0x11, 0x11, 0x11,
                                0x11, 0x11, 0x11, 0x11, 0x11, 0xf1, 0x00, 0x00, 0x00};
    CU_ASSERT_EQUAL(decode(v, sizeof v, SS_TP_MS_TO_SC), SS_BAD_LENGTH);
}

/* Every strict prefix of a valid SUBMIT and DELIVER is truncated. */
static void test_tpdu_every_prefix_is_truncated(void)
{
    for (size_t n = 0; n < sizeof submit_vp_none; n++)
        CU_ASSERT_EQUAL(decode(submit_vp_none, n, SS_TP_MS_TO_SC), SS_TRUNCATED);
    for (size_t n = 0; n < sizeof deliver160; n++)
        CU_ASSERT_EQUAL(decode(deliver160, n, SS_TP_SC_TO_MS), SS_TRUNCATED);
}

/* TP-MTI 10: STATUS-REPORT towards the MS, COMMAND from it; 11 reserved;
 * 00 from the MS is a DELIVER-REPORT (not carried by forwardSM). */
static void test_tpdu_mti_by_direction(void)
{
    static const uint8_t mti2[] = {0x02}, mti3[] = {0x03}, mti0[] = {0x00};
    CU_ASSERT_EQUAL(decode(mti2, 1, SS_TP_SC_TO_MS), SS_OK);
    CU_ASSERT_EQUAL(t.mti, SS_TP_STATUS_REPORT);
    CU_ASSERT_EQUAL(decode(mti2, 1, SS_TP_MS_TO_SC), SS_OK);
    CU_ASSERT_EQUAL(t.mti, SS_TP_COMMAND);
    CU_ASSERT_EQUAL(decode(mti3, 1, SS_TP_MS_TO_SC), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(t.mti, SS_TP_RESERVED);
    CU_ASSERT_EQUAL(decode(mti0, 1, SS_TP_MS_TO_SC), SS_NOT_INTERESTING);
    CU_ASSERT_EQUAL(t.mti, SS_TP_DELIVER_REPORT);
}

static struct ss_tp_dcs d;

/* TS 23.038 §4 coding groups. */
static void test_dcs_general_group(void)
{
    ss_tp_dcs_decode(0x00, &d); /* 0000 0000: GSM 7-bit, no class */
    CU_ASSERT_TRUE(d.alphabet == SS_ALPHA_GSM7 && !d.has_class && !d.compressed && !d.reserved);
    ss_tp_dcs_decode(0x04, &d); /* alphabet 01: 8-bit */
    CU_ASSERT_EQUAL(d.alphabet, SS_ALPHA_8BIT);
    ss_tp_dcs_decode(0x08, &d); /* alphabet 10: UCS2 */
    CU_ASSERT_EQUAL(d.alphabet, SS_ALPHA_UCS2);
    ss_tp_dcs_decode(0x11, &d); /* bit 4 class present, class 1 */
    CU_ASSERT_TRUE(d.has_class && d.msg_class == 1 && d.alphabet == SS_ALPHA_GSM7);
    ss_tp_dcs_decode(0x18, &d); /* UCS2 class 0 */
    CU_ASSERT_TRUE(d.has_class && d.msg_class == 0 && d.alphabet == SS_ALPHA_UCS2);
    ss_tp_dcs_decode(0x20, &d); /* bit 5 compressed */
    CU_ASSERT_TRUE(d.compressed);
    ss_tp_dcs_decode(0x0c, &d); /* alphabet 11 reserved: GSM 7-bit */
    CU_ASSERT_TRUE(d.reserved && d.alphabet == SS_ALPHA_GSM7);
}

static void test_dcs_automatic_deletion_group(void)
{
    ss_tp_dcs_decode(0x48, &d); /* 0100 1000: auto-delete, UCS2 */
    CU_ASSERT_TRUE(d.alphabet == SS_ALPHA_UCS2 && !d.reserved);
    ss_tp_dcs_decode(0x72, &d); /* 0111 0010: compressed, class 2, GSM */
    CU_ASSERT_TRUE(d.compressed && d.has_class && d.msg_class == 2);
}

static void test_dcs_message_waiting_groups(void)
{
    ss_tp_dcs_decode(0xc0, &d); /* 1100: discard, GSM 7-bit */
    CU_ASSERT_TRUE(d.alphabet == SS_ALPHA_GSM7 && !d.has_class && !d.reserved);
    ss_tp_dcs_decode(0xd8, &d); /* 1101: store, GSM 7-bit */
    CU_ASSERT_EQUAL(d.alphabet, SS_ALPHA_GSM7);
    ss_tp_dcs_decode(0xe8, &d); /* 1110: store, UCS2 */
    CU_ASSERT_EQUAL(d.alphabet, SS_ALPHA_UCS2);
}

static void test_dcs_data_coding_class_group(void)
{
    ss_tp_dcs_decode(0xf0, &d); /* 1111 0 0 00: GSM 7-bit class 0 */
    CU_ASSERT_TRUE(d.alphabet == SS_ALPHA_GSM7 && d.has_class && d.msg_class == 0);
    ss_tp_dcs_decode(0xf6, &d); /* 1111 0 1 10: 8-bit class 2 */
    CU_ASSERT_TRUE(d.alphabet == SS_ALPHA_8BIT && d.msg_class == 2);
}

static void test_dcs_reserved_groups_read_as_gsm7(void)
{
    for (unsigned g = 0x80; g < 0xc0; g += 0x10) {
        ss_tp_dcs_decode((uint8_t)(g | 0x08), &d);
        CU_ASSERT_TRUE(d.reserved && d.alphabet == SS_ALPHA_GSM7);
    }
}

/* Every TP-DCS value against TS 23.038 §4 read group by group. */
static void test_dcs_every_value_matches_coding_groups(void)
{
    unsigned fails = 0;
    for (unsigned v = 0; v < 256; v++) {
        struct ss_tp_dcs want = {0};
        unsigned group = v >> 4, alpha = v >> 2 & 3;
        if (group < 0x8) {
            /* general data coding, and the same with automatic deletion */
            want.compressed = v & 0x20;
            want.has_class = v & 0x10;
            want.msg_class = (uint8_t)(v & 3);
            want.reserved = alpha == 3;
            want.alphabet = alpha == 1 ? SS_ALPHA_8BIT : alpha == 2 ? SS_ALPHA_UCS2 : SS_ALPHA_GSM7;
        } else if (group == 0xc || group == 0xd) {
            want.alphabet = SS_ALPHA_GSM7; /* message waiting, discard / store */
        } else if (group == 0xe) {
            want.alphabet = SS_ALPHA_UCS2; /* message waiting, store, UCS2 */
        } else if (group == 0xf) {
            want.alphabet = v & 0x04 ? SS_ALPHA_8BIT : SS_ALPHA_GSM7;
            want.has_class = true;
            want.msg_class = (uint8_t)(v & 3);
        } else {
            want.reserved = true; /* 1000-1011 */
        }
        ss_tp_dcs_decode((uint8_t)v, &d);
        fails += d.alphabet != want.alphabet || d.compressed != want.compressed ||
                 d.has_class != want.has_class || d.msg_class != want.msg_class ||
                 d.reserved != want.reserved;
    }
    CU_ASSERT_EQUAL(fails, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_tpdu_submit_without_vp),
    SS_TEST(test_tpdu_submit_flags),
    SS_TEST(test_tpdu_submit_vp_relative),
    SS_TEST(test_tpdu_submit_vp_absolute),
    SS_TEST(test_tpdu_submit_vp_enhanced),
    SS_TEST(test_tpdu_deliver_alphanumeric_originator),
    SS_TEST(test_tpdu_deliver_longest_alphanumeric_originator),
    SS_TEST(test_tpdu_deliver_udl_160_septets),
    SS_TEST(test_tpdu_udh_concat_8bit),
    SS_TEST(test_tpdu_udh_concat_16bit),
    SS_TEST(test_tpdu_udh_ports_shifts_and_unknown_ie),
    SS_TEST(test_tpdu_udh_ports_16bit),
    SS_TEST(test_tpdu_udh_ie_past_udhl_is_bad_length),
    SS_TEST(test_tpdu_udh_ie_header_cut_is_bad_length),
    SS_TEST(test_tpdu_udh_concat_wrong_iel_is_bad_length),
    SS_TEST(test_tpdu_udhl_past_user_data_is_bad_length),
    SS_TEST(test_tpdu_udhi_with_empty_user_data_is_bad_length),
    SS_TEST(test_tpdu_udh_longer_than_udl_septets_is_bad_length),
    SS_TEST(test_tpdu_udl_past_data_is_truncated),
    SS_TEST(test_tpdu_udl_over_160_septets_is_bad_length),
    SS_TEST(test_tpdu_udl_over_140_octets_is_bad_length),
    SS_TEST(test_tpdu_address_over_20_digits_is_bad_length),
    SS_TEST(test_tpdu_every_prefix_is_truncated),
    SS_TEST(test_tpdu_mti_by_direction),
    SS_TEST(test_dcs_general_group),
    SS_TEST(test_dcs_automatic_deletion_group),
    SS_TEST(test_dcs_message_waiting_groups),
    SS_TEST(test_dcs_data_coding_class_group),
    SS_TEST(test_dcs_reserved_groups_read_as_gsm7),
    SS_TEST(test_dcs_every_value_matches_coding_groups),
};

int main(void)
{
    unsigned failures = SS_RUN_SUITE("tpdu", NULL, NULL, tests);
    free(copy);
    return failures != 0;
}
