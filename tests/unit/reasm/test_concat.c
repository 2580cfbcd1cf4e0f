#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/reasm/concat.h"
#include "tests/unit/runner.h"

#define SEC 1000000000ull

static struct ss_sm part, out;

/* One MO part from 8613912345678 to 10690000 with the given text. */
static const struct ss_sm *mk(const char *sender, const char *text, uint64_t ts, uint64_t frame,
                              uint32_t opc)
{
    memset(&part, 0, sizeof part);
    part.dir = SS_DIR_MO;
    part.opcode = 46;
    part.map_version = 3;
    part.parts = 1;
    strcpy(part.sender, sender);
    part.has_recipient = true;
    strcpy(part.recipient, "10690000");
    part.has_smsc = true;
    strcpy(part.smsc, "8613800100500");
    part.ts_ns = ts;
    part.opc = opc;
    ss_frames_add(&part.frames, frame);
    part.text_len = strlen(text);
    memcpy(part.text, text, part.text_len + 1);
    return &part;
}

#define A "8613912345678"

static void test_concat_in_order_joins_texts(void)
{
    struct ss_concat *c = ss_concat_new(8, 60 * SEC);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "Hello ", 1, 10, 1), 0x2a, 3, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "big ", 2, 11, 1), 0x2a, 3, 2, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 1);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "world", 3, 12, 7), 0x2a, 3, 3, &out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out.text, "Hello big world");
    CU_ASSERT_EQUAL(out.text_len, 15);
    CU_ASSERT_EQUAL(out.parts, 3);
    CU_ASSERT_EQUAL(out.concat_ref, 0x2a);
    CU_ASSERT_EQUAL(out.ts_ns, 3);
    CU_ASSERT_EQUAL(out.opc, 7);
    CU_ASSERT_STRING_EQUAL(out.sender, A);
    CU_ASSERT_STRING_EQUAL(out.recipient, "10690000");
    CU_ASSERT_STRING_EQUAL(out.smsc, "8613800100500");
    CU_ASSERT_EQUAL(out.frames.n, 3);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 0);
    ss_concat_free(c);
}

static void test_concat_out_of_order_joins_in_sequence(void)
{
    struct ss_concat *c = ss_concat_new(8, 60 * SEC);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "C", 1, 1, 0), 0x1234, 3, 3, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A", 2, 2, 0), 0x1234, 3, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "B", 3, 3, 0), 0x1234, 3, 2, &out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out.text, "ABC");
    CU_ASSERT_EQUAL(out.ts_ns, 3);
    ss_concat_free(c);
}

static void test_concat_duplicate_part_is_dropped(void)
{
    struct ss_concat *c = ss_concat_new(8, 60 * SEC);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A", 1, 1, 0), 7, 2, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "X", 2, 2, 0), 7, 2, 1, &out), SS_DUPLICATE);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "B", 3, 3, 0), 7, 2, 2, &out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out.text, "AB");
    ss_concat_free(c);
}

/* Same reference from two senders: two messages, never mixed. */
static void test_concat_different_senders_do_not_mix(void)
{
    struct ss_concat *c = ss_concat_new(8, 60 * SEC);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A1", 1, 1, 0), 7, 2, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk("8613900000000", "B1", 1, 2, 0), 7, 2, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 2);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A2", 2, 3, 0), 7, 2, 2, &out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out.text, "A1A2");
    /* A different total is a different message too. */
    CU_ASSERT_EQUAL(ss_concat_add(c, mk("8613900000000", "B2", 2, 4, 0), 7, 3, 2, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 2);
    ss_concat_free(c);
}

static void test_concat_missing_part_expires(void)
{
    struct ss_concat *c = ss_concat_new(8, 10 * SEC);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A", 5 * SEC, 1, 0), 7, 2, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "Z", 9 * SEC, 2, 0), 8, 2, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_expire(c, 15 * SEC), 0); /* exactly the timeout: kept */
    CU_ASSERT_EQUAL(ss_concat_expire(c, 15 * SEC + 1), 1);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 1);
    /* The late part starts a new entry instead of completing the old one. */
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "B", 16 * SEC, 3, 0), 7, 2, 2, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_expire(c, 100 * SEC), 2);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 0);
    ss_concat_free(c);
}

static void test_concat_oversize_total_and_bad_sequence(void)
{
    struct ss_concat *c = ss_concat_new(8, 60 * SEC);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A", 1, 1, 0), 7, SS_CONCAT_PARTS_MAX + 1, 1, &out),
                    SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A", 1, 1, 0), 7, 2, 0, &out), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A", 1, 1, 0), 7, 2, 3, &out), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "A", 1, 1, 0), 7, 0, 1, &out), SS_BAD_VALUE);
    mk(A, "A", 1, 1, 0);
    part.text_len = SS_PART_TEXT_MAX + 1;
    CU_ASSERT_EQUAL(ss_concat_add(c, &part, 7, 2, 1, &out), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 0);
    ss_concat_free(c);
}

/* All 16 parts of SS_PART_TEXT_MAX bytes fill the record's text exactly. */
static void test_concat_sixteen_full_parts_fit(void)
{
    struct ss_concat *c = ss_concat_new(2, 60 * SEC);
    char t[SS_PART_TEXT_MAX + 1];
    for (uint8_t q = SS_CONCAT_PARTS_MAX; q >= 1; q--) {
        memset(t, 'a' + q - 1, SS_PART_TEXT_MAX);
        t[SS_PART_TEXT_MAX] = '\0';
        enum ss_result r = ss_concat_add(c, mk(A, t, q, q, 0), 9, SS_CONCAT_PARTS_MAX, q, &out);
        CU_ASSERT_EQUAL(r, q == 1 ? SS_OK : SS_HELD);
    }
    CU_ASSERT_EQUAL(out.text_len, SS_SM_TEXT_MAX);
    CU_ASSERT_EQUAL(out.text[0], 'a');
    CU_ASSERT_EQUAL(out.text[SS_SM_TEXT_MAX - 1], 'p');
    CU_ASSERT_EQUAL(out.text[SS_SM_TEXT_MAX], '\0');
    CU_ASSERT_EQUAL(out.frames.n, SS_CONCAT_PARTS_MAX);
    ss_concat_free(c);
}

/* Two slots: a third message evicts the oldest and reports TABLE_FULL. */
static void test_concat_table_full_evicts_oldest(void)
{
    struct ss_concat *c = ss_concat_new(2, 60 * SEC);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "1a", 1, 1, 0), 1, 2, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "2a", 2, 2, 0), 2, 2, 1, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "3a", 3, 3, 0), 3, 2, 1, &out), SS_TABLE_FULL);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 2);
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "2b", 4, 4, 0), 2, 2, 2, &out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out.text, "2a2b");
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "3b", 5, 5, 0), 3, 2, 2, &out), SS_OK);
    CU_ASSERT_STRING_EQUAL(out.text, "3a3b");
    /* Message 1 lost its first part: its second part waits alone. */
    CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "1b", 6, 6, 0), 1, 2, 2, &out), SS_HELD);
    CU_ASSERT_EQUAL(ss_concat_in_use(c), 1);
    ss_concat_free(c);
}

/* Slots are reused after completion and expiry, many times over. */
static void test_concat_slots_are_reused(void)
{
    struct ss_concat *c = ss_concat_new(4, 1 * SEC);
    for (uint16_t ref = 0; ref < 1000; ref++) {
        CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "x", ref * SEC, ref, 0), ref, 2, 1, &out), SS_HELD);
        if (ref % 2 == 0)
            CU_ASSERT_EQUAL(ss_concat_add(c, mk(A, "y", ref * SEC, ref, 0), ref, 2, 2, &out),
                            SS_OK);
        ss_concat_expire(c, ref * SEC);
        CU_ASSERT_TRUE(ss_concat_in_use(c) <= 2);
    }
    ss_concat_free(c);
}

static void test_concat_new_rejects_zero_slots(void)
{
    CU_ASSERT_PTR_NULL(ss_concat_new(0, SEC));
    ss_concat_free(NULL);
}

static const struct ss_test tests[] = {
    SS_TEST(test_concat_in_order_joins_texts),
    SS_TEST(test_concat_out_of_order_joins_in_sequence),
    SS_TEST(test_concat_duplicate_part_is_dropped),
    SS_TEST(test_concat_different_senders_do_not_mix),
    SS_TEST(test_concat_missing_part_expires),
    SS_TEST(test_concat_oversize_total_and_bad_sequence),
    SS_TEST(test_concat_sixteen_full_parts_fit),
    SS_TEST(test_concat_table_full_evicts_oldest),
    SS_TEST(test_concat_slots_are_reused),
    SS_TEST(test_concat_new_rejects_zero_slots),
};

int main(void)
{
    return SS_RUN_SUITE("concat", NULL, NULL, tests) != 0;
}
