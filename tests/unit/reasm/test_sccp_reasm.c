/* SCCP segment reassembly (Q.714 §4.1.1.2): segments are given as the
 * decoder's output structs, built by hand. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/tcap.h"
#include "dataplane/reasm/sccp_reasm.h"

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

/* tcapmap_pcapr.pcap frames 33 and 34 (M2PA/MTP3): the SCCP bytes of two
 * XUDT segments, local reference 0x020000. tshark -V on frame 34 shows
 * "[2 Message fragments (239 bytes): #33(208), #34(31)]" and, on the
 * reassembled data, a TCAP begin with otid 00000002,
 * shortMsgMT-RelayContext-v2 (0.4.0.0.1.0.25.2) and an invoke with
 * invokeID -1 and opcode forwardSM (46). */
/* clang-format off */
static const uint8_t frame33[] = {
    0x11, 0x81, 0x0f, 0x04, 0x0f, 0x1a, 0xea, 0x0b, 0x12, 0x08, 0x00, 0x11,
    0x04, 0x14, 0x97, 0x94, 0x74, 0x00, 0x00, 0x0b, 0x12, 0x08, 0x00, 0x11,
    0x04, 0x14, 0x97, 0x79, 0x79, 0x08, 0x00, 0xd0, 0x62, 0x81, 0xec, 0x48,
    0x04, 0x00, 0x00, 0x00, 0x02, 0x6b, 0x1e, 0x28, 0x1c, 0x06, 0x07, 0x00,
    0x11, 0x86, 0x05, 0x01, 0x01, 0x01, 0xa0, 0x11, 0x60, 0x0f, 0x80, 0x02,
    0x07, 0x80, 0xa1, 0x09, 0x06, 0x07, 0x04, 0x00, 0x00, 0x01, 0x00, 0x19,
    0x02, 0x6c, 0x81, 0xc3, 0xa1, 0x81, 0xc0, 0x02, 0x01, 0xff, 0x02, 0x01,
    0x2e, 0x30, 0x81, 0xb7, 0x80, 0x08, 0x22, 0x08, 0x21, 0x21, 0x10, 0x90,
    0x58, 0xf6, 0x84, 0x07, 0x91, 0x14, 0x97, 0x79, 0x79, 0x08, 0xf0, 0x04,
    0x81, 0xa1, 0x20, 0x0f, 0x91, 0x21, 0x43, 0x65, 0x87, 0x09, 0x21, 0x43,
    0xf5, 0x00, 0x00, 0x80, 0x10, 0x11, 0x21, 0x90, 0x10, 0x40, 0xa0, 0x31,
    0xd9, 0x8c, 0x56, 0xb3, 0xdd, 0x70, 0x39, 0x58, 0x4c, 0x36, 0xa3, 0xd5,
    0x6c, 0x37, 0x5c, 0x0e, 0x16, 0x93, 0xcd, 0x68, 0x35, 0xdb, 0x0d, 0x97,
    0x83, 0xc5, 0x64, 0x33, 0x5a, 0xcd, 0x76, 0xc3, 0xe5, 0x60, 0x31, 0xd9,
    0x8c, 0x56, 0xb3, 0xdd, 0x70, 0x39, 0x58, 0x4c, 0x36, 0xa3, 0xd5, 0x6c,
    0x37, 0x5c, 0x0e, 0x16, 0x93, 0xcd, 0x68, 0x35, 0xdb, 0x0d, 0x97, 0x83,
    0xc5, 0x64, 0x33, 0x5a, 0xcd, 0x76, 0xc3, 0xe5, 0x60, 0x31, 0xd9, 0x8c,
    0x56, 0xb3, 0xdd, 0x70, 0x39, 0x58, 0x4c, 0x36, 0xa3, 0xd5, 0x6c, 0x37,
    0x5c, 0x0e, 0x16, 0x93, 0xcd, 0x68, 0x35, 0xdb, 0x0d, 0x97, 0x83, 0xc5,
    0x64, 0x33, 0x5a, 0xcd, 0x76, 0xc3, 0xe5, 0x60, 0x31, 0xd9, 0x8c, 0x56,
    0x10, 0x04, 0xc1, 0x00, 0x00, 0x02, 0x00,
};
static const uint8_t frame34[] = {
    0x11, 0x81, 0x0f, 0x04, 0x0f, 0x1a, 0x39, 0x0b, 0x12, 0x08, 0x00, 0x11,
    0x04, 0x14, 0x97, 0x94, 0x74, 0x00, 0x00, 0x0b, 0x12, 0x08, 0x00, 0x11,
    0x04, 0x14, 0x97, 0x79, 0x79, 0x08, 0x00, 0x1f, 0xb3, 0xdd, 0x70, 0x39,
    0x58, 0x4c, 0x36, 0xa3, 0xd5, 0x6c, 0x37, 0x5c, 0x0e, 0x16, 0x93, 0xcd,
    0x68, 0x35, 0xdb, 0x0d, 0x97, 0xc3, 0xc6, 0x64, 0x33, 0x5a, 0xcd, 0x76,
    0xc3, 0xe5, 0xb4, 0x10, 0x04, 0x40, 0x00, 0x00, 0x02, 0x00,
};
/* clang-format on */

static void test_sccp_reasm_real_xudt_pair_frames_33_34(void)
{
    struct ss_sccp_reasm *r = ss_sccp_reasm_new(16, TIMEOUT);
    struct ss_sccp s33, s34;
    struct ss_tcap t;
    struct ss_tcap_iter it;
    struct ss_tcap_component c;
    CU_ASSERT_EQUAL_FATAL(ss_sccp_decode(frame33, sizeof frame33, &s33), SS_OK);
    CU_ASSERT_EQUAL_FATAL(ss_sccp_decode(frame34, sizeof frame34, &s34), SS_OK);
    CU_ASSERT_EQUAL(s33.seg.local_ref, 0x020000);
    CU_ASSERT_EQUAL(add(r, &s33, 1, 33), SS_HELD);
    CU_ASSERT_EQUAL_FATAL(add(r, &s34, 2, 34), SS_OK);
    CU_ASSERT_EQUAL(len, 239);
    CU_ASSERT_EQUAL(frames.n, 2);
    CU_ASSERT_EQUAL(frames.id[0], 33);
    CU_ASSERT_EQUAL(frames.id[1], 34);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_decode(data, len, &t), SS_OK);
    CU_ASSERT_EQUAL(t.type, SS_TCAP_BEGIN);
    CU_ASSERT_EQUAL(t.otid, 2);
    CU_ASSERT_EQUAL(t.map_ac, 25);
    CU_ASSERT_EQUAL(t.map_version, 2);
    ss_tcap_iter_init(&it, &t);
    CU_ASSERT_EQUAL_FATAL(ss_tcap_next_component(&it, &c), SS_OK);
    CU_ASSERT_EQUAL(c.invoke_id, -1);
    CU_ASSERT_EQUAL(c.opcode, 46);
    ss_sccp_reasm_free(r);
}

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    CU_pSuite s = CU_add_suite("sccp_reasm", NULL, NULL);
    CU_ADD_TEST(s, test_sccp_reasm_first_middle_last_reassembles);
    CU_ADD_TEST(s, test_sccp_reasm_single_segment_passes_through);
    CU_ADD_TEST(s, test_sccp_reasm_repeated_segment_duplicate);
    CU_ADD_TEST(s, test_sccp_reasm_gap_bad_value_and_dropped);
    CU_ADD_TEST(s, test_sccp_reasm_segment_without_first_bad_value);
    CU_ADD_TEST(s, test_sccp_reasm_keys_do_not_mix);
    CU_ADD_TEST(s, test_sccp_reasm_oversize);
    CU_ADD_TEST(s, test_sccp_reasm_expiry_by_capture_time);
    CU_ADD_TEST(s, test_sccp_reasm_table_full_evicts_oldest);
    CU_ADD_TEST(s, test_sccp_reasm_real_xudt_pair_frames_33_34);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned fails = CU_get_number_of_failures();
    CU_cleanup_registry();
    return fails != 0;
}
