/* Reference model of the keyword-matching block (control/fpga/kwm_model.c).
 * Expected records are written out by hand from the record format in
 * hw/README.md: hi = type[63:56] flags[55:48] version[47:32] id[31:0],
 * lo = rule|hits[63:32] scanned[31:16] end offset|length[15:0]. */
#include <CUnit/Basic.h>
#include <string.h>

#include "control/fpga/kwm.h"
#include "tests/unit/runner.h"

static const struct ss_kwm_geom geom = {{10, 10, 10, 10, 10, 10, 10, 10}, 2, 8, 8, 16, 8};

static void load(struct ss_kwm_model *m, const struct ss_kwm_literal *lits, size_t n, unsigned bank,
                 uint16_t version)
{
    struct ss_kwm_image img = {0};
    enum ss_kwm_reject why[16];

    CU_ASSERT_FATAL(n <= 16);
    CU_ASSERT_EQUAL_FATAL(ss_kwm_compile(&geom, lits, n, bank, version, &img, why), SS_OK);
    for (size_t i = 0; i < img.n; i++)
        ss_kwm_model_write(m, img.w[i].addr, img.w[i].data);
    ss_kwm_image_free(&img);
}

static const struct ss_kwm_literal aho[] = {
    {1, (const uint8_t *)"he", 2},
    {2, (const uint8_t *)"she", 3},
    {3, (const uint8_t *)"his", 3},
    {4, (const uint8_t *)"hers", 4},
};

/* "ushers": she and he end after byte 3 (offset 4), hers after byte 5
 * (offset 6); at one offset shorter windows come first (he, then she) */
static void test_kwm_model_overlapping_keywords_reported_in_block_order(void)
{
    struct ss_kwm_model m;
    struct ss_kwm_record r[8];
    size_t n;

    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_init(&m, &geom), SS_OK);
    load(&m, aho, 4, 0, 0x0102);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 0xdeadbeef, 0, 6, (const uint8_t *)"ushers", 6, r, 8, &n), SS_OK);
    CU_ASSERT_EQUAL_FATAL(n, 4u);
    CU_ASSERT_EQUAL(r[0].hi, 0x01000102deadbeefull); /* match, bank 0, v0x0102 */
    CU_ASSERT_EQUAL(r[0].lo, 0x0000000100000004ull); /* rule 1 "he", offset 4 */
    CU_ASSERT_EQUAL(r[1].lo, 0x0000000200000004ull); /* rule 2 "she", offset 4 */
    CU_ASSERT_EQUAL(r[2].lo, 0x0000000400000006ull); /* rule 4 "hers", offset 6 */
    CU_ASSERT_EQUAL(r[3].hi, 0x02000102deadbeefull); /* end record */
    CU_ASSERT_EQUAL(r[3].lo, 0x0000000300060006ull); /* 3 hits, 6 scanned, len 6 */
    ss_kwm_model_free(&m);
}

static void test_kwm_model_empty_message_gives_end_record_only(void)
{
    struct ss_kwm_model m;
    struct ss_kwm_record r[2];
    size_t n;

    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_init(&m, &geom), SS_OK);
    load(&m, aho, 4, 0, 7);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 5, 0, 0, NULL, 0, r, 2, &n), SS_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1u);
    CU_ASSERT_EQUAL(r[0].hi, 0x0200000700000005ull);
    CU_ASSERT_EQUAL(r[0].lo, 0u);
    ss_kwm_model_free(&m);
}

/* Keyword at offset 0 and ending on the last byte; "h" alone never
 * matches "he" (window longer than the text so far). */
static void test_kwm_model_keywords_at_message_boundaries(void)
{
    struct ss_kwm_model m;
    struct ss_kwm_record r[4];
    size_t n;

    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_init(&m, &geom), SS_OK);
    load(&m, aho, 4, 0, 1);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 1, 0, 4, (const uint8_t *)"hers", 4, r, 4, &n), SS_OK);
    CU_ASSERT_EQUAL_FATAL(n, 3u);
    CU_ASSERT_EQUAL(r[0].lo, 0x0000000100000002ull); /* he at offset 2 */
    CU_ASSERT_EQUAL(r[1].lo, 0x0000000400000004ull); /* hers at the last byte */
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 2, 0, 1, (const uint8_t *)"h", 1, r, 4, &n), SS_OK);
    CU_ASSERT_EQUAL(n, 1u);
    ss_kwm_model_free(&m);
}

/* Bank 1 holds another rule set: the bank select written before the
 * header decides, and its version is echoed; a header version that
 * differs from the bank's sets flag bit 0. Bank bit is flag bit 7. */
static void test_kwm_model_bank_select_decides_rule_set_and_version(void)
{
    static const struct ss_kwm_literal other[] = {{9, (const uint8_t *)"rs", 2}};
    struct ss_kwm_model m;
    struct ss_kwm_record r[4];
    size_t n;

    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_init(&m, &geom), SS_OK);
    load(&m, aho, 4, 0, 1);
    load(&m, other, 1, 1, 2);
    ss_kwm_model_write(&m, SS_KWM_REG_BANK_SELECT, 1);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 3, 1, 4, (const uint8_t *)"hers", 4, r, 4, &n), SS_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2u);
    CU_ASSERT_EQUAL(r[0].hi, 0x0180000200000003ull);
    CU_ASSERT_EQUAL(r[0].lo, 0x0000000900000004ull);
    CU_ASSERT_EQUAL(r[1].hi, 0x0281000200000003ull); /* bank 1, version mismatch */
    ss_kwm_model_write(&m, SS_KWM_REG_BANK_SELECT, 0);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 4, 1, 4, (const uint8_t *)"hers", 4, r, 4, &n), SS_OK);
    CU_ASSERT_EQUAL(n, 3u);
    CU_ASSERT_EQUAL(r[2].hi, 0x0200000100000004ull);
    ss_kwm_model_free(&m);
}

/* 8-byte beats: length 20 but 9 bytes sent = 2 beats; the block scans 16
 * bytes (zero padding included) and flags short (bit 1). 21 bytes sent
 * for length 3 = 3 beats where 1 was due: long (bit 2), 3 scanned. */
static void test_kwm_model_short_and_long_messages_are_flagged(void)
{
    struct ss_kwm_model m;
    struct ss_kwm_record r[16];
    size_t n;

    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_init(&m, &geom), SS_OK);
    load(&m, aho, 4, 0, 1);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 1, 0, 20, (const uint8_t *)"xxxxxxxxx", 9, r, 16, &n), SS_OK);
    CU_ASSERT_EQUAL_FATAL(n, 1u);
    CU_ASSERT_EQUAL(r[0].hi, 0x0202000100000001ull);
    CU_ASSERT_EQUAL(r[0].lo, 0x0000000000100014ull);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 2, 0, 3, (const uint8_t *)"hishishishishishishis", 21, r, 16, &n),
                    SS_OK);
    CU_ASSERT_EQUAL_FATAL(n, 2u);
    CU_ASSERT_EQUAL(r[1].hi, 0x0204000100000002ull);
    CU_ASSERT_EQUAL(r[1].lo, 0x0000000100030003ull);
    ss_kwm_model_free(&m);
}

static void test_kwm_model_record_overflow_is_oversize(void)
{
    struct ss_kwm_model m;
    struct ss_kwm_record r[2];
    size_t n;

    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_init(&m, &geom), SS_OK);
    load(&m, aho, 4, 0, 1);
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 1, 0, 6, (const uint8_t *)"ushers", 6, r, 2, &n), SS_OVERSIZE);
    CU_ASSERT_EQUAL(n, 2u);
    ss_kwm_model_free(&m);
}

/* Writes outside the map are ignored like the RTL does; registers
 * decode the low 12 address bits only. */
static void test_kwm_model_unmapped_writes_change_nothing(void)
{
    struct ss_kwm_model m;
    struct ss_kwm_record r[8];
    size_t n;

    CU_ASSERT_EQUAL_FATAL(ss_kwm_model_init(&m, &geom), SS_OK);
    load(&m, aho, 4, 0, 1);
    ss_kwm_model_write(&m, 0x30000000u, 0xffffffffu);
    ss_kwm_model_write(&m, 0xf0000004u, 0xffffffffu);
    ss_kwm_model_write(&m, SS_KWM_FILTER_ADDR(0, 2, 3, 0), 0xffffffffu); /* hash 3 absent */
    ss_kwm_model_write(&m, 0x0000f1fcu, 0xffffffffu); /* stage word 63 > maxk/4 */
    CU_ASSERT_EQUAL(ss_kwm_model_scan(&m, 1, 0, 6, (const uint8_t *)"ushers", 6, r, 8, &n), SS_OK);
    CU_ASSERT_EQUAL(n, 4u);
    ss_kwm_model_free(&m);
}

static void test_kwm_model_init_rejects_bad_geometry(void)
{
    struct ss_kwm_model m;
    struct ss_kwm_geom g = geom;

    g.index_bits = 30;
    CU_ASSERT_EQUAL(ss_kwm_model_init(&m, &g), SS_BAD_VALUE);
}

static const struct ss_test tests[] = {
    SS_TEST(test_kwm_model_overlapping_keywords_reported_in_block_order),
    SS_TEST(test_kwm_model_empty_message_gives_end_record_only),
    SS_TEST(test_kwm_model_keywords_at_message_boundaries),
    SS_TEST(test_kwm_model_bank_select_decides_rule_set_and_version),
    SS_TEST(test_kwm_model_short_and_long_messages_are_flagged),
    SS_TEST(test_kwm_model_record_overflow_is_oversize),
    SS_TEST(test_kwm_model_unmapped_writes_change_nothing),
    SS_TEST(test_kwm_model_init_rejects_bad_geometry),
};

int main(void)
{
    return SS_RUN_SUITE("kwm_model", NULL, NULL, tests) != 0;
}
