#include <CUnit/Basic.h>
#include <string.h>

#include "sms_text.h"
#include "tests/unit/runner.h"

static struct sg_text text_of(const char *utf8)
{
    return (struct sg_text){.label = "ham", .utf8 = utf8, .utf8_len = strlen(utf8)};
}

/* TS 23.038 §6.1.2.1.1 packing; "hellohello" is the classic worked example:
 * E8 32 9B FD 46 97 D9 EC 37. */
static void test_gsm7_pack_hellohello_matches_spec_example(void)
{
    static const uint8_t want[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    struct sg_text t = text_of("hellohello");
    uint8_t out[9];
    CU_ASSERT_TRUE(sg_text_prepare(&t));
    CU_ASSERT_TRUE(t.gsm7_ok);
    CU_ASSERT_EQUAL(t.n_septets, 10);
    sg_gsm7_pack(t.septets, t.n_septets, 0, out);
    CU_ASSERT_EQUAL(memcmp(out, want, sizeof want), 0);
    sg_text_release(&t);
}

/* §6.2.1.1: the euro sign is ESC 0x65, two septets. */
static void test_extension_character_becomes_escape_pair(void)
{
    struct sg_text t = text_of("\xe2\x82\xac");
    CU_ASSERT_TRUE(sg_text_prepare(&t));
    CU_ASSERT_TRUE(t.gsm7_ok);
    CU_ASSERT_EQUAL(t.n_septets, 2);
    CU_ASSERT_EQUAL(t.septets[0], 0x1b);
    CU_ASSERT_EQUAL(t.septets[1], 0x65);
    sg_text_release(&t);
}

/* U+1F600 is outside the BMP: UCS2 carries it as D83D DE00, and GSM cannot. */
static void test_emoji_needs_ucs2_surrogate_pair(void)
{
    struct sg_text t = text_of("\xf0\x9f\x98\x80");
    CU_ASSERT_TRUE(sg_text_prepare(&t));
    CU_ASSERT_FALSE(t.gsm7_ok);
    CU_ASSERT_EQUAL(t.n_ucs2, 2);
    CU_ASSERT_EQUAL(t.ucs2[0], 0xd83d);
    CU_ASSERT_EQUAL(t.ucs2[1], 0xde00);
    sg_text_release(&t);
}

static void test_invalid_utf8_is_rejected(void)
{
    static const char *bad[] = {"\xc0\x80", "\xed\xa0\x80", "\x80", "\xe4\xb8", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct sg_text t = text_of(bad[i]);
        CU_ASSERT_FALSE(sg_text_prepare(&t));
        sg_text_release(&t);
    }
}

/* A part boundary falling between ESC and its character moves back by one. */
static void test_split_keeps_escape_with_its_character(void)
{
    uint8_t s[154];
    size_t start[SG_MAX_PARTS + 1];
    memset(s, 'A', 152);
    s[152] = 0x1b;
    s[153] = 0x65;
    CU_ASSERT_EQUAL(sg_split_septets(s, 154, 153, start), 2);
    CU_ASSERT_EQUAL(start[1], 152);
    CU_ASSERT_EQUAL(start[2], 154);
}

static void test_split_keeps_surrogate_pair_together(void)
{
    uint16_t u[68];
    size_t start[SG_MAX_PARTS + 1];
    for (int i = 0; i < 66; i++)
        u[i] = 'A';
    u[66] = 0xd83d;
    u[67] = 0xde00;
    CU_ASSERT_EQUAL(sg_split_ucs2(u, 68, 67, start), 2);
    CU_ASSERT_EQUAL(start[1], 66);
}

static void test_split_refuses_more_than_max_parts(void)
{
    uint16_t u[SG_MAX_PARTS * 2 + 1] = {0};
    size_t start[SG_MAX_PARTS + 1];
    CU_ASSERT_EQUAL(sg_split_ucs2(u, SG_MAX_PARTS * 2 + 1, 2, start), 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_gsm7_pack_hellohello_matches_spec_example),
    SS_TEST(test_extension_character_becomes_escape_pair),
    SS_TEST(test_emoji_needs_ucs2_surrogate_pair),
    SS_TEST(test_invalid_utf8_is_rejected),
    SS_TEST(test_split_keeps_escape_with_its_character),
    SS_TEST(test_split_keeps_surrogate_pair_together),
    SS_TEST(test_split_refuses_more_than_max_parts),
};

int main(void)
{
    return SS_RUN_SUITE("siggen_sms_text", NULL, NULL, tests) != 0;
}
