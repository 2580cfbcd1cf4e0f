#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/dpdk/opts.h"
#include "tests/unit/runner.h"

static struct ss_run_opts o;

/* getopt permutes argv, so each test parses its own copy. */
static int parse(int argc, const char *const *args)
{
    char *argv[32];
    for (int i = 0; i < argc; i++)
        argv[i] = (char *)args[i];
    argv[argc] = NULL;
    return ss_run_opts_parse(argc, argv, &o);
}

static void test_opts_defaults_without_options(void)
{
    const char *a[] = {"run"};
    CU_ASSERT_EQUAL(parse(1, a), 0);
    CU_ASSERT_EQUAL(o.burst, 32);
    CU_ASSERT_EQUAL(o.workers, 0);
    CU_ASSERT_EQUAL(o.n_rules, 0);
    CU_ASSERT_PTR_NULL(o.events);
    CU_ASSERT_FALSE(o.all);
    CU_ASSERT_FALSE(o.drop);
}

static void test_opts_every_option_parsed(void)
{
    const char *a[] = {"run",
                       "--rules",
                       "a.rules",
                       "--events",
                       "-",
                       "--evidence",
                       "e.pcap",
                       "--all",
                       "--workers",
                       "3",
                       "--burst",
                       "64",
                       "--stats-interval",
                       "0.5",
                       "--duration",
                       "10",
                       "--packets",
                       "1000",
                       "--report-json",
                       "r.json"};
    CU_ASSERT_EQUAL(parse(20, a), 0);
    CU_ASSERT_EQUAL(o.n_rules, 1);
    CU_ASSERT_STRING_EQUAL(o.rules[0], "a.rules");
    CU_ASSERT_STRING_EQUAL(o.events, "-");
    CU_ASSERT_STRING_EQUAL(o.evidence, "e.pcap");
    CU_ASSERT_STRING_EQUAL(o.report_json, "r.json");
    CU_ASSERT_TRUE(o.all);
    CU_ASSERT_EQUAL(o.workers, 3);
    CU_ASSERT_EQUAL(o.burst, 64);
    CU_ASSERT_DOUBLE_EQUAL(o.stats_interval_s, 0.5, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(o.duration_s, 10.0, 1e-9);
    CU_ASSERT_EQUAL(o.packets, 1000);
}

/* --trust: the store a push's bundle signer must be in; none by default. */
static void test_opts_trust_dir_taken_none_by_default(void)
{
    const char *a[] = {"run", "--socket", "/tmp/s.sock", "--trust", "/etc/sigsift/trust"};
    CU_ASSERT_EQUAL(parse(5, a), 0);
    CU_ASSERT_STRING_EQUAL(o.trust, "/etc/sigsift/trust");
    CU_ASSERT_STRING_EQUAL(o.socket, "/tmp/s.sock");
    CU_ASSERT_EQUAL(parse(1, a), 0);
    CU_ASSERT_PTR_NULL(o.trust);
    const char *b[] = {"run", "--trust"};
    CU_ASSERT_EQUAL(parse(2, b), -1);
}

static void test_opts_rules_repeat_in_order(void)
{
    const char *a[] = {"run", "--rules", "rules/", "--rules", "words.txt"};
    CU_ASSERT_EQUAL(parse(5, a), 0);
    CU_ASSERT_EQUAL(o.n_rules, 2);
    CU_ASSERT_STRING_EQUAL(o.rules[0], "rules/");
    CU_ASSERT_STRING_EQUAL(o.rules[1], "words.txt");
}

static void test_opts_matcher_defaults_to_hyperscan_and_is_taken_as_given(void)
{
    const char *a[] = {"run", "--rules", "rules/"};
    CU_ASSERT_EQUAL(parse(3, a), 0);
    CU_ASSERT_STRING_EQUAL(o.matcher, "hyperscan");
    const char *b[] = {"run", "--matcher", "fpga-sim", "--rules", "rules/"};
    CU_ASSERT_EQUAL(parse(5, b), 0);
    CU_ASSERT_STRING_EQUAL(o.matcher, "fpga-sim");
    const char *c[] = {"run", "--matcher"};
    CU_ASSERT_EQUAL(parse(2, c), -1);
}

static void test_opts_too_many_rules_rejected(void)
{
    const char *a[2 * SS_RUN_RULES_MAX + 3];
    int n = 0;
    a[n++] = "run";
    for (int i = 0; i <= SS_RUN_RULES_MAX; i++) {
        a[n++] = "--rules";
        a[n++] = "x";
    }
    char *argv[2 * SS_RUN_RULES_MAX + 4];
    for (int i = 0; i < n; i++)
        argv[i] = (char *)a[i];
    argv[n] = NULL;
    CU_ASSERT_EQUAL(ss_run_opts_parse(n, argv, &o), -1);
}

static void test_opts_burst_out_of_range_rejected(void)
{
    const char *zero[] = {"run", "--burst", "0"};
    const char *big[] = {"run", "--burst", "65"};
    const char *neg[] = {"run", "--burst", "-1"};
    const char *junk[] = {"run", "--burst", "32x"};
    CU_ASSERT_EQUAL(parse(3, zero), -1);
    CU_ASSERT_EQUAL(parse(3, big), -1);
    CU_ASSERT_EQUAL(parse(3, neg), -1);
    CU_ASSERT_EQUAL(parse(3, junk), -1);
}

/* --max-frame: the mbuf default (2 KiB) unless given, up to what a
 * worker's linear buffer holds (16 KiB); never below the default. */
static void test_opts_max_frame_default_bounds(void)
{
    const char *none[] = {"run"};
    const char *jumbo[] = {"run", "--max-frame", "9216"};
    const char *top[] = {"run", "--max-frame", "16384"};
    const char *small[] = {"run", "--max-frame", "2047"};
    const char *big[] = {"run", "--max-frame", "16385"};
    CU_ASSERT_EQUAL(parse(1, none), 0);
    CU_ASSERT_EQUAL(o.max_frame, 2048);
    CU_ASSERT_EQUAL(parse(3, jumbo), 0);
    CU_ASSERT_EQUAL(o.max_frame, 9216);
    CU_ASSERT_EQUAL(parse(3, top), 0);
    CU_ASSERT_EQUAL(o.max_frame, 16384);
    CU_ASSERT_EQUAL(parse(3, small), -1);
    CU_ASSERT_EQUAL(parse(3, big), -1);
}

/* --rx-desc: 1024 unless given, 64..32768. */
static void test_opts_rx_desc_default_bounds(void)
{
    const char *none[] = {"run"};
    const char *deep[] = {"run", "--rx-desc", "4096"};
    const char *small[] = {"run", "--rx-desc", "63"};
    const char *big[] = {"run", "--rx-desc", "32769"};
    CU_ASSERT_EQUAL(parse(1, none), 0);
    CU_ASSERT_EQUAL(o.rx_desc, 1024);
    CU_ASSERT_EQUAL(parse(3, deep), 0);
    CU_ASSERT_EQUAL(o.rx_desc, 4096);
    CU_ASSERT_EQUAL(parse(3, small), -1);
    CU_ASSERT_EQUAL(parse(3, big), -1);
}

static void test_opts_workers_out_of_range_rejected(void)
{
    const char *zero[] = {"run", "--workers", "0"};
    const char *big[] = {"run", "--workers", "65"};
    CU_ASSERT_EQUAL(parse(3, zero), -1);
    CU_ASSERT_EQUAL(parse(3, big), -1);
}

static void test_opts_negative_or_junk_seconds_rejected(void)
{
    const char *neg[] = {"run", "--duration", "-1"};
    const char *junk[] = {"run", "--stats-interval", "1s"};
    const char *nan[] = {"run", "--duration", "nan"};
    CU_ASSERT_EQUAL(parse(3, neg), -1);
    CU_ASSERT_EQUAL(parse(3, junk), -1);
    CU_ASSERT_EQUAL(parse(3, nan), -1);
}

/* The pipeline's table options: the defaults without them; --sctp-timeout
 * in seconds (fractions allowed), --tcap-slots a count; zero, negative
 * and junk values are refused. */
static void test_opts_table_options_default_and_parsed(void)
{
    struct ss_pipeline_cfg def;
    ss_pipeline_cfg_default(&def);
    const char *none[] = {"run"};
    const char *half[] = {"run", "--sctp-timeout", "0.5", "--tcap-slots", "1000000"};
    const char *zero[] = {"run", "--sctp-timeout", "0"};
    const char *junk[] = {"run", "--sctp-timeout", "5m"};
    const char *neg[] = {"run", "--concat-slots", "-1"};
    CU_ASSERT_EQUAL(parse(1, none), 0);
    CU_ASSERT_EQUAL(memcmp(&o.pipeline, &def, sizeof def), 0);
    CU_ASSERT_EQUAL(parse(5, half), 0);
    CU_ASSERT_EQUAL(o.pipeline.sctp_timeout_ns, 500000000ull);
    CU_ASSERT_EQUAL(o.pipeline.tcap_slots, 1000000);
    CU_ASSERT_EQUAL(o.pipeline.concat_slots, def.concat_slots);
    CU_ASSERT_EQUAL(parse(3, zero), -1);
    CU_ASSERT_EQUAL(parse(3, junk), -1);
    CU_ASSERT_EQUAL(parse(3, neg), -1);
}

static void test_opts_unknown_option_rejected(void)
{
    const char *a[] = {"run", "--frobnicate"};
    CU_ASSERT_EQUAL(parse(2, a), -1);
}

static void test_opts_stray_argument_rejected(void)
{
    const char *a[] = {"run", "--all", "capture.pcap"};
    CU_ASSERT_EQUAL(parse(3, a), -1);
}

static void test_opts_evidence_with_drop_rejected(void)
{
    const char *a[] = {"run", "--drop", "--evidence", "e.pcap"};
    CU_ASSERT_EQUAL(parse(4, a), -1);
}

static void test_opts_help_returns_one(void)
{
    const char *a[] = {"run", "--help"};
    CU_ASSERT_EQUAL(parse(2, a), 1);
}

static const struct ss_test tests[] = {
    SS_TEST(test_opts_defaults_without_options),
    SS_TEST(test_opts_every_option_parsed),
    SS_TEST(test_opts_trust_dir_taken_none_by_default),
    SS_TEST(test_opts_rules_repeat_in_order),
    SS_TEST(test_opts_matcher_defaults_to_hyperscan_and_is_taken_as_given),
    SS_TEST(test_opts_too_many_rules_rejected),
    SS_TEST(test_opts_burst_out_of_range_rejected),
    SS_TEST(test_opts_max_frame_default_bounds),
    SS_TEST(test_opts_rx_desc_default_bounds),
    SS_TEST(test_opts_workers_out_of_range_rejected),
    SS_TEST(test_opts_negative_or_junk_seconds_rejected),
    SS_TEST(test_opts_table_options_default_and_parsed),
    SS_TEST(test_opts_unknown_option_rejected),
    SS_TEST(test_opts_stray_argument_rejected),
    SS_TEST(test_opts_evidence_with_drop_rejected),
    SS_TEST(test_opts_help_returns_one),
};

int main(void)
{
    /* Keep the usage texts the error paths print out of the test log. */
    if (freopen("/dev/null", "w", stderr) == NULL)
        return 1;
    return SS_RUN_SUITE("opts", NULL, NULL, tests) != 0;
}
