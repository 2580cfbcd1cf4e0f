/* Table compiler of the keyword-matching block (control/fpga/kwm_compile.c,
 * kwm_hash.c). Expected hashes are XORs of the H3 rows written out by hand
 * from hw/verilog/kwm_hash.v; expected writes follow the register map in
 * hw/README.md. */
#include <CUnit/Basic.h>
#include <string.h>

#include "control/fpga/kwm.h"
#include "tests/unit/runner.h"

static const struct ss_kwm_geom geom = {{10, 10, 10, 10, 10, 10, 10, 10}, 2, 8, 8, 16, 8};

/* rows 0 and 1 of set 0: 0xfe27176b ^ 0x6ee00924 */
static void test_kwm_hash_byte_0x03_is_xor_of_rows_0_and_1(void)
{
    const uint8_t rev[1] = {0x03};

    CU_ASSERT_EQUAL(ss_kwm_hash(0, rev, 1), 0x90c71e4fu);
}

/* byte j from the end uses rows 8j..8j+7: rows 0 and 8 (0xe08b296c) */
static void test_kwm_hash_second_byte_from_end_uses_next_row_block(void)
{
    const uint8_t rev[2] = {0x01, 0x01};

    CU_ASSERT_EQUAL(ss_kwm_hash(0, rev, 2), 0x1eac3e07u);
}

/* 'a' = 0x61: rows 0, 5, 6 -> 0x913cd708; rotr 11 -> 0xe1227a67;
 * ^ key[0] 0x2d645c2a -> 0xcc767bb0 (hand-computed), low 8 bits 0xb0 */
static void test_kwm_bucket_rotates_and_mixes_window_length(void)
{
    const uint8_t rev[1] = {'a'};

    CU_ASSERT_EQUAL(ss_kwm_hash(0, rev, 1), 0x913cd708u);
    CU_ASSERT_EQUAL(ss_kwm_bucket(0x913cd708u, 1, 8), 0xb0u);
}

/* a one-byte window has at most 256 values: its filter is 2^8 bits even
 * when the geometry asks for more */
static void test_kwm_filter_bits_capped_at_eight_per_window_byte(void)
{
    struct ss_kwm_geom g = geom;

    g.filter_bits[0] = 20;
    CU_ASSERT_EQUAL(ss_kwm_filter_bits(&g, 1), 8u);
    CU_ASSERT_EQUAL(ss_kwm_filter_bits(&g, 8), 10u);
    CU_ASSERT_EQUAL(ss_kwm_filter_index(&g, 0xffffffffu, 1), 0xffu);
}

static void test_kwm_compile_rejects_empty_and_too_long_literals(void)
{
    static const uint8_t long17[17] = "qqqqqqqqqqqqqqqqq";
    const struct ss_kwm_literal lits[] = {
        {1, (const uint8_t *)"abc", 3},
        {2, (const uint8_t *)"", 0},
        {3, long17, 17},   /* maxk is 16 */
        {4, long17, 16},
    };
    enum ss_kwm_reject why[4];
    struct ss_kwm_image img = {0};

    CU_ASSERT_EQUAL(ss_kwm_compile(&geom, lits, 4, 0, 1, &img, why), SS_OK);
    CU_ASSERT_EQUAL(why[0], SS_KWM_REJECT_NONE);
    CU_ASSERT_EQUAL(why[1], SS_KWM_REJECT_EMPTY);
    CU_ASSERT_EQUAL(why[2], SS_KWM_REJECT_TOO_LONG);
    CU_ASSERT_EQUAL(why[3], SS_KWM_REJECT_NONE);
    CU_ASSERT_EQUAL(img.accepted, 2u);
    CU_ASSERT_EQUAL(img.rejected, 2u);
    ss_kwm_image_free(&img);
}

/* 2 accepted keywords x (16/4 stage words + len + rule + commit) = 14;
 * buckets 2^8 = 256; filters: L=1 2^8 bits = 8 words, L=2..8 2^10 bits =
 * 32 words, times 2 hashes = (8 + 7*32) * 2 = 464; version: 1 */
static void test_kwm_compile_image_rewrites_every_table_word(void)
{
    const struct ss_kwm_literal lits[] = {
        {1, (const uint8_t *)"abc", 3},
        {2, (const uint8_t *)"xyz", 3},
    };
    enum ss_kwm_reject why[2];
    struct ss_kwm_image img = {0};

    CU_ASSERT_EQUAL(ss_kwm_compile(&geom, lits, 2, 1, 9, &img, why), SS_OK);
    CU_ASSERT_EQUAL(img.n, 14u + 256u + 464u + 1u);
    CU_ASSERT_EQUAL(img.w[img.n - 1].addr, SS_KWM_REG_VERSION(1));
    CU_ASSERT_EQUAL(img.w[img.n - 1].data, 9u);
    ss_kwm_image_free(&img);
}

/* "abcd", rule 7, bank 1: the first store entry is staged with the bytes
 * from the end ('d' 'c' 'b' 'a' -> 0x61626364 little-endian), then the
 * length, the rule id and a commit of entry 0 in bank 1 */
static void test_kwm_compile_stages_keyword_bytes_from_the_end(void)
{
    const struct ss_kwm_literal lit = {7, (const uint8_t *)"abcd", 4};
    enum ss_kwm_reject why;
    struct ss_kwm_image img = {0};
    size_t i = 0;

    CU_ASSERT_EQUAL(ss_kwm_compile(&geom, &lit, 1, 1, 1, &img, &why), SS_OK);
    /* bucket writes of the buckets before the keyword's come first */
    while (i < img.n && img.w[i].addr != SS_KWM_REG_STAGE_BYTES)
        i++;
    CU_ASSERT_FATAL(i + 8 <= img.n);
    CU_ASSERT_EQUAL(img.w[i].data, 0x61626364u);
    CU_ASSERT_EQUAL(img.w[i + 1].addr, SS_KWM_REG_STAGE_BYTES + 4);
    CU_ASSERT_EQUAL(img.w[i + 1].data, 0u);
    CU_ASSERT_EQUAL(img.w[i + 4].addr, SS_KWM_REG_STAGE_LEN);
    CU_ASSERT_EQUAL(img.w[i + 4].data, 4u);
    CU_ASSERT_EQUAL(img.w[i + 5].addr, SS_KWM_REG_STAGE_RULE);
    CU_ASSERT_EQUAL(img.w[i + 5].data, 7u);
    CU_ASSERT_EQUAL(img.w[i + 6].addr, SS_KWM_REG_STORE_COMMIT);
    CU_ASSERT_EQUAL(img.w[i + 6].data, 0x80000000u);
    /* its bucket: count 1, start 0, bank 1 */
    CU_ASSERT_EQUAL(img.w[i + 7].addr & 0xf8000000u, 0x28000000u);
    CU_ASSERT_EQUAL(img.w[i + 7].data, 0x01000000u);
    ss_kwm_image_free(&img);
}

/* 300 literals sharing their last 8 bytes share one bucket */
static void test_kwm_compile_bucket_overflow_leaves_excess_to_cpu(void)
{
    static uint8_t bytes[300][10];
    static struct ss_kwm_literal lits[300];
    static enum ss_kwm_reject why[300];
    struct ss_kwm_image img = {0};

    for (int i = 0; i < 300; i++) {
        bytes[i][0] = (uint8_t)(i >> 8);
        bytes[i][1] = (uint8_t)i;
        memcpy(bytes[i] + 2, "12345678", 8);
        lits[i] = (struct ss_kwm_literal){(uint32_t)i, bytes[i], 10};
    }
    CU_ASSERT_EQUAL(ss_kwm_compile(&geom, lits, 300, 0, 1, &img, why), SS_OK);
    CU_ASSERT_EQUAL(img.accepted, 255u);
    CU_ASSERT_EQUAL(why[254], SS_KWM_REJECT_NONE);
    CU_ASSERT_EQUAL(why[255], SS_KWM_REJECT_BUCKET_FULL);
    CU_ASSERT_EQUAL(why[299], SS_KWM_REJECT_BUCKET_FULL);
    ss_kwm_image_free(&img);
}

/* store_bits 4: 16 entries */
static void test_kwm_compile_store_full_leaves_excess_to_cpu(void)
{
    static uint8_t bytes[20][2];
    struct ss_kwm_literal lits[20];
    enum ss_kwm_reject why[20];
    struct ss_kwm_image img = {0};
    struct ss_kwm_geom g = geom;

    g.store_bits = 4;
    for (int i = 0; i < 20; i++) {
        bytes[i][0] = 'k';
        bytes[i][1] = (uint8_t)('a' + i);
        lits[i] = (struct ss_kwm_literal){(uint32_t)i, bytes[i], 2};
    }
    CU_ASSERT_EQUAL(ss_kwm_compile(&g, lits, 20, 0, 1, &img, why), SS_OK);
    CU_ASSERT_EQUAL(img.accepted, 16u);
    CU_ASSERT_EQUAL(img.rejected, 4u);
    ss_kwm_image_free(&img);
}

static void test_kwm_compile_bad_geometry_or_bank_is_bad_value(void)
{
    struct ss_kwm_geom g = geom;
    struct ss_kwm_image img = {0};
    enum ss_kwm_reject why;
    const struct ss_kwm_literal lit = {1, (const uint8_t *)"a", 1};

    CU_ASSERT_EQUAL(ss_kwm_compile(&geom, &lit, 1, 2, 1, &img, &why), SS_BAD_VALUE);
    g.maxk = 18; /* not a multiple of 4 */
    CU_ASSERT_EQUAL(ss_kwm_compile(&g, &lit, 1, 0, 1, &img, &why), SS_BAD_VALUE);
    g = geom;
    g.hashes = 5;
    CU_ASSERT_EQUAL(ss_kwm_compile(&g, &lit, 1, 0, 1, &img, &why), SS_BAD_VALUE);
    g = geom;
    g.data_bytes = 12;
    CU_ASSERT_EQUAL(ss_kwm_compile(&g, &lit, 1, 0, 1, &img, &why), SS_BAD_VALUE);
    g = geom;
    g.filter_bits[7] = 26;
    CU_ASSERT_EQUAL(ss_kwm_compile(&g, &lit, 1, 0, 1, &img, &why), SS_BAD_VALUE);
    CU_ASSERT_EQUAL(img.n, 0u);
}

static void test_kwm_reject_names_are_all_named(void)
{
    for (int r = 0; r < SS_KWM_REJECT_COUNT; r++)
        CU_ASSERT_STRING_NOT_EQUAL(ss_kwm_reject_name((enum ss_kwm_reject)r), "?");
    CU_ASSERT_STRING_EQUAL(ss_kwm_reject_name(SS_KWM_REJECT_COUNT), "?");
}

static const struct ss_test tests[] = {
    SS_TEST(test_kwm_hash_byte_0x03_is_xor_of_rows_0_and_1),
    SS_TEST(test_kwm_hash_second_byte_from_end_uses_next_row_block),
    SS_TEST(test_kwm_bucket_rotates_and_mixes_window_length),
    SS_TEST(test_kwm_filter_bits_capped_at_eight_per_window_byte),
    SS_TEST(test_kwm_compile_rejects_empty_and_too_long_literals),
    SS_TEST(test_kwm_compile_image_rewrites_every_table_word),
    SS_TEST(test_kwm_compile_stages_keyword_bytes_from_the_end),
    SS_TEST(test_kwm_compile_bucket_overflow_leaves_excess_to_cpu),
    SS_TEST(test_kwm_compile_store_full_leaves_excess_to_cpu),
    SS_TEST(test_kwm_compile_bad_geometry_or_bank_is_bad_value),
    SS_TEST(test_kwm_reject_names_are_all_named),
};

int main(void)
{
    return SS_RUN_SUITE("kwm_compile", NULL, NULL, tests) != 0;
}
