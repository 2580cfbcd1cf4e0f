/* Opt-out wording (dataplane/core/optout.c), on texts written by hand from
 * the forms Chinese and English commercial SMS use, near misses, and
 * malformed UTF-8. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/core/optout.h"
#include "tests/unit/runner.h"

static bool offered(const char *s)
{
    return ss_optout_offered(s, strlen(s));
}

static bool request(const char *s)
{
    return ss_optout_request(s, strlen(s));
}

static void test_opt_out_footers_are_found(void)
{
    CU_ASSERT_TRUE(offered("【某某超市】周年店庆，鸡蛋一元一斤，退订回T"));
    CU_ASSERT_TRUE(offered("新品上市，回复TD退订。"));
    CU_ASSERT_TRUE(offered("限时特惠，回TD"));
    CU_ASSERT_TRUE(offered("会员日特惠，拒收请回复R"));
    CU_ASSERT_TRUE(offered("新品上市，退訂回T"));
    CU_ASSERT_TRUE(offered("Sale today, reply STOP to opt out"));
    CU_ASSERT_TRUE(offered("Sale today. Text stop to end"));
    CU_ASSERT_TRUE(offered("Sale today, reply ＳＴＯＰ"));
    CU_ASSERT_TRUE(offered("Unsubscribe: reply UNSUBSCRIBE"));
    CU_ASSERT_TRUE(offered("回复td"));
    CU_ASSERT_TRUE(offered("TD"));
}

static void test_words_inside_other_words_are_not_opt_outs(void)
{
    CU_ASSERT_FALSE(offered("XYZ Trading Co. LTD: big sale today"));
    CU_ASSERT_FALSE(offered("TDK batteries half price"));
    CU_ASSERT_FALSE(offered("Nonstop deals all week"));
    CU_ASSERT_FALSE(offered("STOPWATCH sale"));
    CU_ASSERT_FALSE(offered("新品上市全场八折，欢迎到店选购"));
    CU_ASSERT_FALSE(offered("退"));
    CU_ASSERT_FALSE(offered(""));
}

static void test_bare_opt_out_replies_are_requests(void)
{
    CU_ASSERT_TRUE(request("TD"));
    CU_ASSERT_TRUE(request("td"));
    CU_ASSERT_TRUE(request(" t "));
    CU_ASSERT_TRUE(request("ＴＤ"));
    CU_ASSERT_TRUE(request("N。"));
    CU_ASSERT_TRUE(request("“R”"));
    CU_ASSERT_TRUE(request("T D"));
    CU_ASSERT_TRUE(request("0000"));
    CU_ASSERT_TRUE(request("00000"));
    CU_ASSERT_TRUE(request("退订！"));
    CU_ASSERT_TRUE(request("退 訂"));
    CU_ASSERT_TRUE(request("取消"));
    CU_ASSERT_TRUE(request("Stop."));
    CU_ASSERT_TRUE(request("unsubscribe"));
}

static void test_other_replies_are_not_requests(void)
{
    CU_ASSERT_FALSE(request(""));
    CU_ASSERT_FALSE(request("。"));
    CU_ASSERT_FALSE(request("td please"));
    CU_ASSERT_FALSE(request("T D D"));
    CU_ASSERT_FALSE(request("退订吧"));
    CU_ASSERT_FALSE(request("000"));
    CU_ASSERT_FALSE(request("Y"));
    CU_ASSERT_FALSE(request("好的，谢谢"));
    CU_ASSERT_FALSE(request("TDTDTDTDTDTDTD"));
}

static void test_malformed_utf8_is_read_within_its_length(void)
{
    static const char cut[] = {'T', 'D', (char)0xe9, (char)0x80};
    CU_ASSERT_FALSE(ss_optout_request(cut, sizeof cut));
    CU_ASSERT_TRUE(ss_optout_request(cut, 2));
    CU_ASSERT_TRUE(ss_optout_offered(cut, sizeof cut));
    static const char footer[] = "回复退订";
    CU_ASSERT_FALSE(ss_optout_offered(footer, sizeof footer - 2));
    CU_ASSERT_TRUE(ss_optout_offered(footer, sizeof footer - 1));
    static const char bad[] = {(char)0xff, 'T', 'D', (char)0xc0, (char)0xaf};
    CU_ASSERT_TRUE(ss_optout_offered(bad, sizeof bad));
    CU_ASSERT_FALSE(ss_optout_request(bad, sizeof bad));
}

static const struct ss_test tests[] = {
    SS_TEST(test_opt_out_footers_are_found),
    SS_TEST(test_words_inside_other_words_are_not_opt_outs),
    SS_TEST(test_bare_opt_out_replies_are_requests),
    SS_TEST(test_other_replies_are_not_requests),
    SS_TEST(test_malformed_utf8_is_read_within_its_length),
};

int main(void)
{
    return SS_RUN_SUITE("optout", NULL, NULL, tests) != 0;
}
