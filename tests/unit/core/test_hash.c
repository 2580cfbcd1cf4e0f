/* The shared hash (dataplane/core/hash.h). The expected values come from
 * an independent Python model of the algorithm the header documents
 * (length first, 8-byte little-endian words mixed with splitmix64's first
 * multiply and shift, the tail gathered little-endian, a final multiply
 * and shift), not from this code:
 *
 *   M = 2**64 - 1
 *   def word(h, w): h = ((h ^ w) * 0xbf58476d1ce4e5b9) & M; return h ^ (h >> 29)
 *   def hb(h, b):
 *       h = word(h, len(b)); i = 0
 *       while i + 8 <= len(b): h = word(h, int.from_bytes(b[i:i+8], 'little')); i += 8
 *       h = ((h ^ int.from_bytes(b[i:], 'little')) * 0x94d049bb133111eb) & M
 *       return h ^ (h >> 32)
 */
#include <CUnit/Basic.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/hash.h"
#include "tests/unit/runner.h"

static const uint8_t one_to_eleven[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

static void test_hash_matches_model_for_empty_tail_word_and_word_plus_tail(void)
{
    CU_ASSERT_EQUAL(ss_hash_bytes(SS_HASH_SEED, one_to_eleven, 0), 0xd0bd7ff386ad0729ull);
    CU_ASSERT_EQUAL(ss_hash_bytes(SS_HASH_SEED, one_to_eleven, 1), 0xa5b4c541f51cb444ull);
    CU_ASSERT_EQUAL(ss_hash_bytes(SS_HASH_SEED, one_to_eleven, 8), 0x00cc0026b0b383ccull);
    CU_ASSERT_EQUAL(ss_hash_bytes(SS_HASH_SEED, one_to_eleven, 11), 0x9661034c2e27c2a6ull);
}

/* Every tail length, with and without a whole word before it: the tail
 * is read in overlapping loads, so each length takes its own path. */
static void test_hash_matches_model_for_every_tail_length(void)
{
    static const uint8_t one_to_fifteen[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    static const uint64_t want[16] = {
        0xd0bd7ff386ad0729ull, 0xa5b4c541f51cb444ull, 0x253ee924c2d8391dull, 0x74fe246ff516a756ull,
        0x9516e02ac2068e57ull, 0x83b72232d04a80dfull, 0x4a9dd838527b2981ull, 0xe8a62e3bd6ea7e82ull,
        0x00cc0026b0b383ccull, 0xab3adb43d44fead6ull, 0x465532862810f34full, 0x9661034c2e27c2a6ull,
        0xee290ecc0bf974f0ull, 0x2dd845060608f1ffull, 0x722aefd09674fef7ull, 0xde05186eaf8c2d22ull,
    };

    for (size_t n = 0; n < 16; n++)
        CU_ASSERT_EQUAL(ss_hash_bytes(SS_HASH_SEED, one_to_fifteen, n), want[n]);
}

static void test_hash_words_read_little_endian(void)
{
    CU_ASSERT_EQUAL(ss_le64(one_to_eleven), 0x0807060504030201ull);
}

/* The length enters first: the same bytes split differently over two
 * chained calls hash apart. */
static void test_hash_chained_strings_stay_apart(void)
{
    uint64_t ab_c = ss_hash_bytes(ss_hash_bytes(SS_HASH_SEED, "ab", 2), "c", 1);
    uint64_t a_bc = ss_hash_bytes(ss_hash_bytes(SS_HASH_SEED, "a", 1), "bc", 2);

    CU_ASSERT_NOT_EQUAL(ab_c, a_bc);
}

/* Each length reads only its own bytes: a buffer of exactly n bytes
 * (ASan catches a read past it) hashes as the same bytes followed by
 * others do. */
static void test_hash_reads_only_n_bytes(void)
{
    uint8_t longer[32];

    memset(longer, 0xa5, sizeof longer);
    for (size_t n = 0; n <= 17; n++) {
        uint8_t *exact = malloc(n ? n : 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(exact);
        for (size_t i = 0; i < n; i++)
            exact[i] = longer[i] = (uint8_t)(i * 37 + 1);
        longer[n] = 0xff;
        CU_ASSERT_EQUAL(ss_hash_bytes(SS_HASH_SEED, exact, n),
                        ss_hash_bytes(SS_HASH_SEED, longer, n));
        free(exact);
    }
}

static const struct ss_test tests[] = {
    SS_TEST(test_hash_matches_model_for_empty_tail_word_and_word_plus_tail),
    SS_TEST(test_hash_matches_model_for_every_tail_length),
    SS_TEST(test_hash_words_read_little_endian),
    SS_TEST(test_hash_chained_strings_stay_apart),
    SS_TEST(test_hash_reads_only_n_bytes),
};

int main(void)
{
    return SS_RUN_SUITE("hash", NULL, NULL, tests) != 0;
}
