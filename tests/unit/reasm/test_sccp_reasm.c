/* SCCP segment reassembly (Q.714 §4.1.1.2): segments are given as the
 * decoder's output structs, built by hand. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/tcap.h"
#include "dataplane/reasm/sccp_reasm.h"
#include "tests/unit/runner.h"

#define SEC     1000000000ull
#define TIMEOUT (10 * SEC)

static const uint8_t *data;
static size_t len;
static struct ss_frames frames;

/* A segment from calling PC 1/SSN 8 with local reference ref. */
static struct ss_sccp seg(bool first, uint8_t remaining, uint32_t ref, const void *d, size_t n)
{
    struct ss_sccp m;
    memset(&m, 0, sizeof m);
    m.type = SS_SCCP_XUDT;
    m.calling.has_pc = true;
    m.calling.pc = 1;
    m.calling.has_ssn = true;
    m.calling.ssn = 8;
    m.has_seg = true;
    m.seg.first = first;
    m.seg.remaining = remaining;
    m.seg.local_ref = ref;
    m.data = d;
    m.len = n;
    return m;
}

static struct ss_frames frame(uint64_t id)
{
    struct ss_frames f = {0};
    ss_frames_add(&f, id);
    return f;
}

static enum ss_result add(struct ss_sccp_reasm *r, const struct ss_sccp *m, uint64_t ts,
                          uint64_t frame_id)
{
    struct ss_frames f = frame(frame_id);
    return ss_sccp_reasm_add(r, 100, m, ts, &f, &data, &len, &frames);
}

static void test_sccp_reasm_first_middle_last_reassembles(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp a = seg(true, 2, 7, "abc", 3), b = seg(false, 1, 7, "de", 2),
                   c = seg(false, 0, 7, "fgh", 3);
    CU_ASSERT_EQUAL(add(r, &a, 1, 11), SS_HELD);
    CU_ASSERT_EQUAL(ss_sccp_reasm_in_use(r), 1);
    CU_ASSERT_EQUAL(add(r, &b, 2, 12), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &c, 3, 13), SS_OK);
    CU_ASSERT_EQUAL(len, 8);
    CU_ASSERT_EQUAL(memcmp(data, "abcdefgh", 8), 0);
    CU_ASSERT_EQUAL(frames.n, 3);
    CU_ASSERT_EQUAL(frames.id[0], 11);
    CU_ASSERT_EQUAL(frames.id[2], 13);
    CU_ASSERT_EQUAL(ss_sccp_reasm_in_use(r), 0);
    ss_sccp_reasm_free(r);
}

static void test_sccp_reasm_single_segment_passes_through(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp a = seg(true, 0, 7, "xyz", 3);
    CU_ASSERT_EQUAL(add(r, &a, 1, 5), SS_OK);
    CU_ASSERT_PTR_EQUAL(data, a.data);
    CU_ASSERT_EQUAL(len, 3);
    CU_ASSERT_EQUAL(frames.n, 1);
    CU_ASSERT_EQUAL(ss_sccp_reasm_in_use(r), 0);
    ss_sccp_reasm_free(r);
}

static void test_sccp_reasm_repeated_segment_duplicate(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp a = seg(true, 2, 7, "abc", 3), b = seg(false, 1, 7, "de", 2),
                   c = seg(false, 0, 7, "f", 1);
    CU_ASSERT_EQUAL(add(r, &a, 1, 1), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &a, 1, 1), SS_DUPLICATE);
    CU_ASSERT_EQUAL(add(r, &b, 2, 2), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &b, 2, 2), SS_DUPLICATE);
    CU_ASSERT_EQUAL(add(r, &c, 3, 3), SS_OK);
    CU_ASSERT_EQUAL(memcmp(data, "abcdef", 6), 0);
    CU_ASSERT_EQUAL(len, 6);
    ss_sccp_reasm_free(r);
}

static void test_sccp_reasm_gap_bad_value_and_dropped(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp a = seg(true, 2, 7, "abc", 3), c = seg(false, 0, 7, "f", 1);
    CU_ASSERT_EQUAL(add(r, &a, 1, 1), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &c, 2, 3), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_sccp_reasm_in_use(r), 0);
    ss_sccp_reasm_free(r);
}

static void test_sccp_reasm_segment_without_first_bad_value(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp b = seg(false, 1, 7, "de", 2), n = seg(true, 1, 7, "a", 1);
    n.has_seg = false;
    CU_ASSERT_EQUAL(add(r, &b, 1, 1), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(add(r, &n, 1, 1), SS_BAD_VALUE);
    ss_sccp_reasm_free(r);
}

/* Key is (OPC, calling address, local reference): none of them may mix. */
static void test_sccp_reasm_keys_do_not_mix(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp a = seg(true, 1, 7, "a", 1), b = seg(true, 1, 8, "b", 1),
                   a2 = seg(false, 0, 7, "A", 1), b2 = seg(false, 0, 8, "B", 1);
    struct ss_sccp other = seg(false, 0, 7, "X", 1);
    struct ss_frames f = frame(9);
    other.calling.pc = 2;
    CU_ASSERT_EQUAL(add(r, &a, 1, 1), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &b, 1, 2), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &other, 2, 3), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_sccp_reasm_add(r, 101, &a2, 2, &f, &data, &len, &frames), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(add(r, &b2, 2, 4), SS_OK);
    CU_ASSERT_EQUAL(memcmp(data, "bB", 2), 0);
    CU_ASSERT_EQUAL(add(r, &a2, 2, 5), SS_OK);
    CU_ASSERT_EQUAL(memcmp(data, "aA", 2), 0);
    ss_sccp_reasm_free(r);
}

/* The calling GT is part of the key by its digits (Q.713 §3.4.2.3), not
 * by where they lay: the first segment's frame is gone (its octets
 * overwritten) when the next segment, from a new frame, arrives. The
 * digits 4179123456 are 14 97 21 43 65 (low nibble first); 4179123457
 * differs in the last octet only. */
static void test_sccp_reasm_calling_gt_compared_by_digits(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    uint8_t frame1_gt[] = {0x14, 0x97, 0x21, 0x43, 0x65};
    const uint8_t frame2_gt[] = {0x14, 0x97, 0x21, 0x43, 0x65};
    const uint8_t other_gt[] = {0x14, 0x97, 0x21, 0x43, 0x75};
    struct ss_sccp a = seg(true, 1, 7, "ab", 2), b = seg(false, 0, 7, "cd", 2);
    struct ss_sccp x = seg(false, 0, 7, "zz", 2);
    a.calling.gti = b.calling.gti = x.calling.gti = 4;
    a.calling.gt = frame1_gt;
    b.calling.gt = frame2_gt;
    x.calling.gt = other_gt;
    a.calling.gt_len = b.calling.gt_len = x.calling.gt_len = 5;
    CU_ASSERT_EQUAL(add(r, &a, 1, 1), SS_HELD);
    memset(frame1_gt, 0xee, sizeof frame1_gt);
    CU_ASSERT_EQUAL(add(r, &x, 2, 2), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(add(r, &b, 2, 3), SS_OK);
    CU_ASSERT_EQUAL(len, 4);
    CU_ASSERT_EQUAL(memcmp(data, "abcd", 4), 0);
    ss_sccp_reasm_free(r);
}

static void test_sccp_reasm_oversize(void)
{
    static uint8_t big[SS_SCCP_REASM_MSG_MAX];
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp a = seg(true, 1, 7, big, sizeof big), b = seg(false, 0, 7, "x", 1);
    struct ss_sccp many = seg(true, SS_SCCP_REASM_SEGS_MAX, 9, "x", 1);
    CU_ASSERT_EQUAL(add(r, &a, 1, 1), SS_HELD);
    CU_ASSERT_EQUAL(add(r, &b, 2, 2), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_sccp_reasm_in_use(r), 0);
    CU_ASSERT_EQUAL(add(r, &many, 3, 3), SS_OVERSIZE);
    ss_sccp_reasm_free(r);
}

static void test_sccp_reasm_expiry_by_capture_time(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp a = seg(true, 1, 7, "a", 1), b = seg(false, 0, 7, "b", 1);
    CU_ASSERT_EQUAL(add(r, &a, 5 * SEC, 1), SS_HELD);
    CU_ASSERT_EQUAL(ss_sccp_reasm_expire(r, 15 * SEC), 0);
    CU_ASSERT_EQUAL(ss_sccp_reasm_expire(r, 1 * SEC), 0); /* time behind: not due */
    CU_ASSERT_EQUAL(ss_sccp_reasm_expire(r, 15 * SEC + 1), 1);
    CU_ASSERT_EQUAL(ss_sccp_reasm_in_use(r), 0);
    CU_ASSERT_EQUAL(add(r, &b, 16 * SEC, 2), SS_BAD_VALUE);
    ss_sccp_reasm_free(r);
}

/* 4 slots form one set: the fifth message evicts the oldest. */
static void test_sccp_reasm_table_full_evicts_oldest(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(4, TIMEOUT);
    for (uint32_t ref = 1; ref <= 4; ref++) {
        struct ss_sccp a = seg(true, 1, ref, "a", 1);
        CU_ASSERT_EQUAL(add(r, &a, ref, ref), SS_HELD);
    }
    struct ss_sccp e = seg(true, 1, 5, "e", 1);
    CU_ASSERT_EQUAL(add(r, &e, 5, 5), SS_TABLE_FULL);
    CU_ASSERT_EQUAL(ss_sccp_reasm_in_use(r), 4);
    struct ss_sccp last1 = seg(false, 0, 1, "z", 1), last5 = seg(false, 0, 5, "z", 1);
    CU_ASSERT_EQUAL(add(r, &last1, 6, 6), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(add(r, &last5, 6, 7), SS_OK);
    CU_ASSERT_EQUAL(memcmp(data, "ez", 2), 0);
    ss_sccp_reasm_free(r);
}

/* Two XUDT segments (Q.713 §4.18, Q.714 §4.1.1.2) built by hand: one
 * 237-octet TC-BEGIN carrying a forwardSM v2 split 200 + 37. The local
 * reference 0x0a0b0c is sent least significant octet first, as every
 * multi-octet SCCP field (Q.713 §1.3). */
/* clang-format off */
static const uint8_t xudt_first[] = {
    0x11, 0x81, 0x0f,       /* XUDT, class 1 return on error, hop counter 15 */
    0x04, 0x0f, 0x1a, 0xe2, /* pointers: called 7, calling 19, data 31, optional 232 */
    0x0b, 0x12, 0x08, 0x00, 0x12, 0x04, /* called: 11, GTI 4 + SSN, SSN 8, TT 0, E.164 even, international */
    0x44, 0x77, 0x00, 0x09, 0x50, 0x55, /*   447700900555 */
    0x0b, 0x12, 0x08, 0x00, 0x12, 0x04, /* calling: same layout */
    0x44, 0x77, 0x00, 0x09, 0x00, 0x10, /*   447700900001 */
    0xc8,                   /* data length 200 */
    /* TCAP Begin, 234 octets; otid 00000007 */
    0x62, 0x81, 0xea, 0x48, 0x04, 0x00, 0x00, 0x00, 0x07,
    /* dialogue portion: AARQ, ACN shortMsgMT-RelayContext-v2 {0 4 0 0 1 0 25 2} */
    0x6b, 0x1e, 0x28, 0x1c, 0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01, 0xa0, 0x11, 0x60,
    0x0f, 0x80, 0x02, 0x07, 0x80, 0xa1, 0x09, 0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x19, 0x02,
    /* component portion 193, invoke 190, invokeID -1, opcode 46 forwardSM */
    0x6c, 0x81, 0xc1, 0xa1, 0x81, 0xbe, 0x02, 0x01, 0xff, 0x02, 0x01, 0x2e,
    /* ForwardSM-Arg 181: imsi 001010123456789, SC 447700900001, SM-RP-UI 159 */
    0x30, 0x81, 0xb5, 0x80, 0x08, 0x00, 0x01, 0x01, 0x21, 0x43, 0x65, 0x87, 0xf9,
    0x84, 0x07, 0x91, 0x44, 0x77, 0x00, 0x09, 0x00, 0x10, 0x04, 0x81, 0x9f,
    /* SMS-DELIVER: SRI, TP-OA 447700900123, PID 0, DCS 0, SCTS, UDL 160 */
    0x20, 0x0c, 0x91, 0x44, 0x77, 0x00, 0x09, 0x10, 0x32, 0x00, 0x00, 0x42, 0x50, 0x71, 0x90, 0x03, 0x51, 0x00, 0xa0,
    /* first 103 of 140 octets of packed GSM 7-bit user data */
    0xc8, 0xb0, 0x9b, 0x0c, 0x12, 0xd7, 0xd3, 0x6c, 0x3a, 0x88, 0x5e, 0x9e,
    0xd3, 0x41, 0xf4, 0x32, 0x9e, 0x0e, 0x42, 0x86, 0xdd, 0x64, 0x90, 0xb8,
    0x9e, 0x66, 0xd3, 0x41, 0xf4, 0xf2, 0x9c, 0x0e, 0xa2, 0x97, 0xf1, 0x74,
    0x10, 0x32, 0xec, 0x26, 0x83, 0xc4, 0xf5, 0x34, 0x9b, 0x0e, 0xa2, 0x97,
    0xe7, 0x74, 0x10, 0xbd, 0x8c, 0xa7, 0x83, 0x90, 0x61, 0x37, 0x19, 0x24,
    0xae, 0xa7, 0xd9, 0x74, 0x10, 0xbd, 0x3c, 0xa7, 0x83, 0xe8, 0x65, 0x3c,
    0x1d, 0x84, 0x0c, 0xbb, 0xc9, 0x20, 0x71, 0x3d, 0xcd, 0xa6, 0x83, 0xe8,
    0xe5, 0x39, 0x1d, 0x44, 0x2f, 0xe3, 0xe9, 0x20, 0x64, 0xd8, 0x4d, 0x06,
    0x89, 0xeb, 0x69, 0x36, 0x1d, 0x44, 0x2f,
    0x10, 0x04, 0xc1,       /* Segmentation (Q.713 §3.17): F=1 C=1 remaining 1 */
    0x0c, 0x0b, 0x0a,       /* local reference 0x0a0b0c, least significant octet first */
    0x00,                   /* end of optional parameters */
};
static const uint8_t xudt_last[] = {
    0x11, 0x81, 0x0f,       /* XUDT, class 1 return on error, hop counter 15 */
    0x04, 0x0f, 0x1a, 0x3f, /* pointers: called 7, calling 19, data 31, optional 69 */
    0x0b, 0x12, 0x08, 0x00, 0x12, 0x04, /* called: 11, GTI 4 + SSN, SSN 8, TT 0, E.164 even, international */
    0x44, 0x77, 0x00, 0x09, 0x50, 0x55, /*   447700900555 */
    0x0b, 0x12, 0x08, 0x00, 0x12, 0x04, /* calling: same layout */
    0x44, 0x77, 0x00, 0x09, 0x00, 0x10, /*   447700900001 */
    0x25,                   /* data length 37 */
    /* last 37 octets of the packed user data */
    0xcf, 0xe9, 0x20, 0x7a, 0x19, 0x4f, 0x07, 0x21, 0xc3, 0x6e, 0x32, 0x48,
    0x5c, 0x4f, 0xb3, 0xe9, 0x20, 0x7a, 0x79, 0x4e, 0x07, 0xd1, 0xcb, 0x78,
    0x3a, 0x08, 0x19, 0x76, 0x93, 0x41, 0xe2, 0x7a, 0x9a, 0x4d, 0x2f, 0x3a,
    0x89,
    0x10, 0x04, 0x40,       /* Segmentation (Q.713 §3.17): F=0 C=1 remaining 0 */
    0x0c, 0x0b, 0x0a,       /* local reference 0x0a0b0c, least significant octet first */
    0x00,                   /* end of optional parameters */
};
/* clang-format on */

static void test_sccp_reasm_xudt_pair_lsb_first_reference_yields_tcap(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp s1, s2;
    struct ss_tcap t;
    struct ss_tcap_iter it;
    struct ss_tcap_component c;
    CU_ASSERT_EQUAL_FATAL(ss_sccp_decode(xudt_first, sizeof xudt_first, &s1), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_sccp_decode(xudt_last, sizeof xudt_last, &s2), SS_OK);
    CU_ASSERT_EQUAL(s1.seg.local_ref, 0x0a0b0c);
    CU_ASSERT_EQUAL(s2.seg.local_ref, 0x0a0b0c);
    CU_ASSERT_TRUE(s1.seg.first);
    CU_ASSERT_EQUAL(s1.seg.remaining, 1);
    CU_ASSERT_FALSE(s2.seg.first);
    CU_ASSERT_EQUAL(s2.seg.remaining, 0);
    CU_ASSERT_EQUAL(add(r, &s1, 1, 41), SS_HELD);
    CU_ASSERT_EQUAL_FATAL(add(r, &s2, 2, 42), SS_OK);
    CU_ASSERT_EQUAL(len, 237);
    CU_ASSERT_EQUAL(memcmp(data, s1.data, 200), 0);
    CU_ASSERT_EQUAL(memcmp(data + 200, s2.data, 37), 0);
    CU_ASSERT_EQUAL(frames.n, 2);
    CU_ASSERT_EQUAL(frames.id[0], 41);
    CU_ASSERT_EQUAL(frames.id[1], 42);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(data, len, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_BEGIN);
    CU_ASSERT_EQUAL(t.otid, 7);
    CU_ASSERT_EQUAL(t.map_ac, 25);
    CU_ASSERT_EQUAL(t.map_version, 2);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, -1);
    CU_ASSERT_EQUAL(c.opcode, 46);
    CU_ASSERT_EQUAL(c.param_len, 184);
    ss_sccp_reasm_free(r);
}

/* Sizes whose rounding up to whole sets would wrap 32 bits are refused. */
static void test_sccp_reasm_new_oversized_table_refused(void)
{
    CU_ASSERT_PTR_NULL(ss_sccp_reasm_new(UINT32_MAX, TIMEOUT));
    ss_sccp_reasm_free(NULL);
}

static const struct ss_test tests[] = {
    SS_TEST(test_sccp_reasm_first_middle_last_reassembles),
    SS_TEST(test_sccp_reasm_single_segment_passes_through),
    SS_TEST(test_sccp_reasm_repeated_segment_duplicate),
    SS_TEST(test_sccp_reasm_gap_bad_value_and_dropped),
    SS_TEST(test_sccp_reasm_segment_without_first_bad_value),
    SS_TEST(test_sccp_reasm_keys_do_not_mix),
    SS_TEST(test_sccp_reasm_calling_gt_compared_by_digits),
    SS_TEST(test_sccp_reasm_oversize),
    SS_TEST(test_sccp_reasm_expiry_by_capture_time),
    SS_TEST(test_sccp_reasm_table_full_evicts_oldest),
    SS_TEST(test_sccp_reasm_xudt_pair_lsb_first_reference_yields_tcap),
    SS_TEST(test_sccp_reasm_new_oversized_table_refused),
};

int main(void)
{
    return SS_RUN_SUITE("sccp_reasm", NULL, NULL, tests) != 0;
}
