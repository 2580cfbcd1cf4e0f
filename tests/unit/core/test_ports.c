/* Commercial ports (dataplane/core/ports.c): prefixes, the table's counts
 * against a plain array kept by the test, the full table, merging, the
 * once-per-reason warnings and the printed order. */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/ports.h"
#include "tests/unit/runner.h"

static void port_name(unsigned i, char *out, size_t cap)
{
    snprintf(out, cap, "1069%07u", i * 7u);
}

static void test_port_prefixes_default_to_106_and_take_15_digits(void)
{
    struct ss_numbers pp = {.n = 0};
    char err[128];
    ss_port_prefixes_default(&pp);
    CU_ASSERT_TRUE(ss_numbers_prefix_of(&pp, "1069000012"));
    CU_ASSERT_FALSE(ss_numbers_prefix_of(&pp, "10086"));
    pp.n = 0;
    CU_ASSERT_EQUAL(ss_port_prefixes_add(&pp, "123456789012345", err, sizeof err), 0);
    CU_ASSERT_EQUAL(ss_port_prefixes_add(&pp, "1234567890123456", err, sizeof err), -1);
    CU_ASSERT_STRING_EQUAL(err, "port prefix '1234567890123456': expected 1 to 15 digits");
    ss_port_prefixes_default(&pp);
    CU_ASSERT_EQUAL(pp.n, 1);
}

static void test_counts_equal_a_plain_array_and_a_full_table_counts_untracked(void)
{
    enum { PORTS = SS_PORTS_USED + 100 };
    struct ss_ports *t = calloc(1, sizeof *t);
    uint64_t *truth = calloc(PORTS, sizeof *truth);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(truth);
    char name[32];
    uint64_t x = 1, untracked = 0;
    for (unsigned k = 0; k < 200000; k++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        unsigned i = (unsigned)(x >> 33) % PORTS;
        port_name(i, name, sizeof name);
        struct ss_port_count *e = ss_ports_get(t, name);
        if (e == NULL) {
            untracked++;
            continue;
        }
        e->messages++;
        truth[i]++;
    }
    CU_ASSERT_EQUAL(t->n, SS_PORTS_USED);
    CU_ASSERT_TRUE(untracked > 0);
    for (unsigned i = 0; i < PORTS; i++) {
        port_name(i, name, sizeof name);
        const struct ss_port_count *e = ss_ports_find(t, name);
        CU_ASSERT_EQUAL(e != NULL ? e->messages : 0, truth[i]);
        if (e != NULL)
            CU_ASSERT_STRING_EQUAL(e->port, name);
    }
    free(truth);
    free(t);
}

static void test_merge_adds_every_count(void)
{
    struct ss_ports *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    struct ss_port_count *e = ss_ports_get(a, "106001");
    e->messages = 3, e->harmful = 1, e->ads = 2, e->ads_no_optout = 1, e->optouts = 4;
    e->warned = 1;
    e = ss_ports_get(b, "106001");
    e->messages = 5, e->harmful = 2, e->ads = 1, e->ads_no_optout = 1, e->optouts = 1;
    ss_ports_get(b, "106002")->optouts = 7;
    b->untracked = 9;
    ss_ports_merge(a, b);
    const struct ss_port_count *m = ss_ports_find(a, "106001");
    CU_ASSERT_EQUAL(m->messages, 8);
    CU_ASSERT_EQUAL(m->harmful, 3);
    CU_ASSERT_EQUAL(m->ads, 3);
    CU_ASSERT_EQUAL(m->ads_no_optout, 2);
    CU_ASSERT_EQUAL(m->optouts, 5);
    CU_ASSERT_EQUAL(ss_ports_find(a, "106002")->optouts, 7);
    CU_ASSERT_EQUAL(a->n, 2);
    CU_ASSERT_EQUAL(a->untracked, 9);
    free(a);
    free(b);
}

static void test_each_reason_warns_once_when_it_reaches_the_threshold(void)
{
    struct ss_port_count e = {.used = 1};
    CU_ASSERT_EQUAL(ss_ports_due(&e, 2), 0);
    e.harmful = 1;
    CU_ASSERT_EQUAL(ss_ports_due(&e, 2), 0);
    e.harmful = 2;
    CU_ASSERT_EQUAL(ss_ports_due(&e, 2), 1u << SS_PORT_HARMFUL);
    CU_ASSERT_EQUAL(ss_ports_due(&e, 2), 0);
    e.harmful = 3, e.optouts = 2, e.ads_no_optout = 5;
    CU_ASSERT_EQUAL(ss_ports_due(&e, 2), 1u << SS_PORT_OPTOUTS | 1u << SS_PORT_ADS_NO_OPTOUT);
    CU_ASSERT_EQUAL(ss_ports_due(&e, 2), 0);
    struct ss_port_count f = {.used = 1, .harmful = 100};
    CU_ASSERT_EQUAL(ss_ports_due(&f, 0), 0);
    CU_ASSERT_STRING_EQUAL(ss_port_reason_name(SS_PORT_ADS_NO_OPTOUT), "ads_no_optout");
}

static void test_print_lists_the_most_concerning_ports_first(void)
{
    struct ss_ports *t = calloc(1, sizeof *t);
    struct ss_numbers pp = {.n = 0};
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    ss_port_prefixes_default(&pp);
    ss_ports_get(t, "106003")->messages = 50;
    ss_ports_get(t, "106002")->optouts = 2;
    struct ss_port_count *e = ss_ports_get(t, "106001");
    e->messages = 4, e->harmful = 2;
    ss_ports_get(t, "106004")->messages = 50;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    ss_ports_print(f, t, &pp, 3, 2);
    fclose(f);
    const char *at[] = {strstr(text, "106001"), strstr(text, "106002"), strstr(text, "106003")};
    CU_ASSERT_PTR_NOT_NULL_FATAL(at[0]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(at[1]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(at[2]);
    CU_ASSERT_TRUE(at[0] < at[1] && at[1] < at[2]);
    CU_ASSERT_PTR_NULL(strstr(text, "106004"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "commercial ports (prefixes 106; 4 ports, exact counts):"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "warn:harmful\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "warn:optouts\n"));
    free(text);
    free(t);
}

static const struct ss_test tests[] = {
    SS_TEST(test_port_prefixes_default_to_106_and_take_15_digits),
    SS_TEST(test_counts_equal_a_plain_array_and_a_full_table_counts_untracked),
    SS_TEST(test_merge_adds_every_count),
    SS_TEST(test_each_reason_warns_once_when_it_reaches_the_threshold),
    SS_TEST(test_print_lists_the_most_concerning_ports_first),
};

int main(void)
{
    return SS_RUN_SUITE("ports", NULL, NULL, tests) != 0;
}
