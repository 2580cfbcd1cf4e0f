/* The run summary (dataplane/core/summary.c): sender counts against
 * exact counts kept by the test itself in a plain array indexed by a
 * sender number, top-N order against a sort of those counts, and the
 * table-full bound. */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/summary.h"
#include "tests/unit/runner.h"

#define SENDERS 5000

static void sender_name(unsigned i, char *out, size_t cap)
{
    snprintf(out, cap, "86139%08u", i);
}

/* A skewed stream: sender i sends about 20000/(i+1) + 1 messages, in an
 * order mixed by a fixed LCG so heavy senders do not come first. */
static unsigned stream(uint64_t *truth, unsigned *order, unsigned cap)
{
    unsigned n = 0;
    for (unsigned i = 0; i < SENDERS; i++) {
        truth[i] = 20000 / (i + 1) + 1;
        for (uint64_t k = 0; k < truth[i] && n < cap; k++)
            order[n++] = i;
    }
    uint64_t x = 1;
    for (unsigned i = n - 1; i > 0; i--) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        unsigned j = (unsigned)(x >> 33) % (i + 1), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    return n;
}

static void add_flagged(struct ss_summary *s, unsigned sender)
{
    static struct ss_sm sm;
    struct ss_verdict v = {.action = SS_ACTION_ALERT, .categories = 1u << 2 | 1u << 5};
    sender_name(sender, sm.sender, sizeof sm.sender);
    ss_summary_add(s, &sm, &v);
}

static void test_summary_counts_every_sender_exactly(void)
{
    static uint64_t truth[SENDERS];
    static unsigned order[200000];
    struct ss_summary *s = calloc(1, sizeof *s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    unsigned n = stream(truth, order, sizeof order / sizeof order[0]);
    for (unsigned i = 0; i < n; i++)
        add_flagged(s, order[i]);

    CU_ASSERT_EQUAL(s->flagged, n);
    CU_ASSERT_EQUAL(s->by_category[2], n);
    CU_ASSERT_EQUAL(s->by_category[5], n);
    CU_ASSERT_EQUAL(s->untracked, 0);
    CU_ASSERT_EQUAL(s->n_senders, SENDERS);
    unsigned wrong = 0;
    for (unsigned i = 0; i < SENDERS; i++) {
        char name[SS_TP_ADDR_MAX];
        sender_name(i, name, sizeof name);
        wrong += ss_summary_sender_count(s, name) != truth[i];
    }
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(ss_summary_sender_count(s, "861390000000x"), 0);
    free(s);
}

/* Two workers' halves of the stream merge into the counts of the whole. */
static void test_summary_merge_adds_counts_of_both_workers(void)
{
    static uint64_t truth[SENDERS];
    static unsigned order[200000];
    struct ss_summary *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    struct ss_summary *all = calloc(1, sizeof *all);
    CU_ASSERT_FATAL(a && b && all);
    unsigned n = stream(truth, order, sizeof order / sizeof order[0]);
    for (unsigned i = 0; i < n; i++)
        add_flagged(i % 2 ? a : b, order[i]);
    ss_summary_merge(all, a);
    ss_summary_merge(all, b);

    CU_ASSERT_EQUAL(all->flagged, n);
    CU_ASSERT_EQUAL(all->n_senders, SENDERS);
    unsigned wrong = 0;
    for (unsigned i = 0; i < SENDERS; i++) {
        char name[SS_TP_ADDR_MAX];
        sender_name(i, name, sizeof name);
        wrong += ss_summary_sender_count(all, name) != truth[i];
    }
    CU_ASSERT_EQUAL(wrong, 0);
    free(a);
    free(b);
    free(all);
}

/* The printed top 3 are the three largest true counts, in order; the
 * stream's counts are 20001, 10001, 6667 for senders 0, 1, 2. */
static void test_summary_prints_top_senders_in_count_order(void)
{
    static uint64_t truth[SENDERS];
    static unsigned order[200000];
    static struct ss_rules rules;
    struct ss_summary *s = calloc(1, sizeof *s);
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    CU_ASSERT_FATAL(s && f);
    unsigned n = stream(truth, order, sizeof order / sizeof order[0]);
    for (unsigned i = 0; i < n; i++)
        add_flagged(s, order[i]);
    ss_summary_print(f, s, &rules, 3, NULL);
    fclose(f);

    const char *top = strstr(out, "top senders of flagged messages (5000 senders, exact counts):\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    CU_ASSERT_PTR_NOT_NULL(strstr(top, "\n  8613900000000            20001\n"
                                       "  8613900000001            10001\n"
                                       "  8613900000002            6667\n"));
    CU_ASSERT_PTR_NULL(strstr(top, "8613900000003"));
    free(out);
    free(s);
}

/* A tap's worth of one-message senders (twice the table) with five
 * heavy senders among them: the table fills, yet the top five are the
 * heavy ones in the right order; every sender's table count is within
 * the printed bound of its true count, and every message is counted
 * either under its sender or as untracked. */
#define ONE_SHOT (2 * SS_SUMMARY_SENDERS)
#define HEAVY    5

static void test_summary_full_table_keeps_heavy_senders_within_bound(void)
{
    static uint64_t truth[ONE_SHOT + HEAVY];
    static struct ss_rules rules;
    struct ss_summary *s = calloc(1, sizeof *s);
    char *out = NULL, name[SS_TP_ADDR_MAX];
    size_t out_len = 0;
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (unsigned i = 0; i < ONE_SHOT; i++) {
        add_flagged(s, HEAVY + i);
        truth[HEAVY + i]++;
        if (i % 64 == 0) /* heavy sender h sends every 64th message, h + 1 times */
            for (unsigned h = 0; h < HEAVY; h++) {
                for (unsigned k = 0; k <= h; k++)
                    add_flagged(s, h);
                truth[h] += h + 1;
            }
    }

    CU_ASSERT_EQUAL(s->n_senders, SS_SUMMARY_SENDERS_USED);
    CU_ASSERT(s->untracked > 0);
    uint64_t in_table = 0, outside = 0;
    for (unsigned i = 0; i < ONE_SHOT + HEAVY; i++) {
        sender_name(i, name, sizeof name);
        uint64_t c = ss_summary_sender_count(s, name);
        outside += c > truth[i] || truth[i] > c + s->untracked;
        in_table += c;
    }
    CU_ASSERT_EQUAL(outside, 0);
    CU_ASSERT_EQUAL(in_table + s->untracked, s->flagged);

    FILE *f = open_memstream(&out, &out_len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    ss_summary_print(f, s, &rules, HEAVY, NULL);
    fclose(f);
    const char *top = strstr(out, ", table full):\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    const char *at = top;
    for (unsigned h = HEAVY; h-- > 0;) { /* heavy sender 4 sent most */
        sender_name(h, name, sizeof name);
        const char *line = strstr(at, name);
        CU_ASSERT_PTR_NOT_NULL_FATAL(line);
        at = line;
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(at, "not counted under their sender"));
    free(out);
    free(s);
}

/* Messages that are not flagged count by verdict only. */
static void test_summary_pass_messages_count_no_sender(void)
{
    static struct ss_sm sm;
    struct ss_summary *s = calloc(1, sizeof *s);
    struct ss_verdict v = {.action = SS_ACTION_NONE};
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    snprintf(sm.sender, sizeof sm.sender, "8613900000001");
    ss_summary_add(s, &sm, &v);

    CU_ASSERT_EQUAL(s->messages, 1);
    CU_ASSERT_EQUAL(s->flagged, 0);
    CU_ASSERT_EQUAL(s->by_action[SS_ACTION_NONE], 1);
    CU_ASSERT_EQUAL(s->n_senders, 0);
    free(s);
}

static const struct ss_test tests[] = {
    SS_TEST(test_summary_counts_every_sender_exactly),
    SS_TEST(test_summary_merge_adds_counts_of_both_workers),
    SS_TEST(test_summary_prints_top_senders_in_count_order),
    SS_TEST(test_summary_full_table_keeps_heavy_senders_within_bound),
    SS_TEST(test_summary_pass_messages_count_no_sender),
};

int main(void)
{
    return SS_RUN_SUITE("summary", NULL, NULL, tests) != 0;
}
