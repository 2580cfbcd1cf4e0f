#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/text.h"
#include "tests/unit/runner.h"

static char out[SS_PART_TEXT_MAX];
static size_t out_len;
static unsigned bad;

/* 你好 = U+4F60 U+597D = UTF-8 e4 bd a0 e5 a5 bd. */
static void test_ucs2_chinese(void)
{
    static const uint8_t v[] = {0x4f, 0x60, 0x59, 0x7d};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe4\xbd\xa0\xe5\xa5\xbd");
    CU_ASSERT_EQUAL(out_len, 6);
    CU_ASSERT_EQUAL(bad, 0);
}

/* 😀 U+1F600 = surrogates d83d de00 = UTF-8 f0 9f 98 80. */
static void test_ucs2_surrogate_pair_joins(void)
{
    static const uint8_t v[] = {0x00, 0x41, 0xd8, 0x3d, 0xde, 0x00};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xf0\x9f\x98\x80");
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_ucs2_lead_surrogate_without_trail_is_replacement(void)
{
    static const uint8_t v[] = {0xd8, 0x3d, 0x00, 0x41};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xef\xbf\xbd"
                                "A");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_ucs2_lead_surrogate_at_end_is_replacement(void)
{
    static const uint8_t v[] = {0x00, 0x41, 0xd8, 0x3d};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_ucs2_lone_trail_surrogate_is_replacement(void)
{
    static const uint8_t v[] = {0xde, 0x00};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_ucs2_odd_length_drops_last_octet(void)
{
    static const uint8_t v[] = {0x00, 0x41, 0x00};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A");
    CU_ASSERT_EQUAL(bad, 1);
}

/* U+00E9 'é' is 2 bytes of UTF-8; U+0041 one. */
static void test_ucs2_latin_two_byte_utf8(void)
{
    static const uint8_t v[] = {0x00, 0xe9, 0x00, 0x41};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xc3\xa9"
                                "A");
}

static void test_ucs2_output_too_small_is_oversize(void)
{
    static const uint8_t v[] = {0x4f, 0x60, 0x59, 0x7d};
    char small[6];
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, small, sizeof small, &out_len, &bad), SS_OVERSIZE);
    CU_ASSERT_EQUAL(out_len, 3);
    CU_ASSERT_STRING_EQUAL(small, "\xe4\xbd\xa0");
}

static void test_ucs2_empty_gives_empty_string(void)
{
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(NULL, 0, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "");
    CU_ASSERT_EQUAL(bad, 0);
}

/* Every BMP code point outside the surrogates, 64 to a text, against
 * RFC 3629's encoding table written out here: 1 byte below U+0080,
 * 2 below U+0800, else 3. */
static void test_ucs2_every_bmp_code_point(void)
{
    uint8_t in[128];
    char want[3 * 64 + 1], got[SS_PART_TEXT_MAX];
    size_t got_len;
    unsigned nbad, fails = 0;
    for (uint32_t base = 0; base < 0x10000; base += 64) {
        size_t n = 0, w = 0;
        for (uint32_t u = base; u < base + 64; u++) {
            if (u >= 0xd800 && u <= 0xdfff)
                continue;
            in[n++] = (uint8_t)(u >> 8);
            in[n++] = (uint8_t)u;
            if (u < 0x80) {
                want[w++] = (char)u;
            } else if (u < 0x800) {
                want[w++] = (char)(0xc0 + u / 64);
                want[w++] = (char)(0x80 + u % 64);
            } else {
                want[w++] = (char)(0xe0 + u / 4096);
                want[w++] = (char)(0x80 + u / 64 % 64);
                want[w++] = (char)(0x80 + u % 64);
            }
        }
        want[w] = '\0';
        enum ss_result r = ss_ucs2_to_utf8(in, n, got, sizeof got, &got_len, &nbad);
        fails += r != SS_OK || got_len != w || nbad != 0 || memcmp(got, want, w + 1) != 0;
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* UTF-8 of code point u per RFC 3629, written out for the tests. */
static size_t ref_utf8(uint32_t u, char *o)
{
    if (u < 0x80) {
        o[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        o[0] = (char)(0xc0 + u / 64);
        o[1] = (char)(0x80 + u % 64);
        return 2;
    }
    if (u < 0x10000) {
        o[0] = (char)(0xe0 + u / 4096);
        o[1] = (char)(0x80 + u / 64 % 64);
        o[2] = (char)(0x80 + u % 64);
        return 3;
    }
    o[0] = (char)(0xf0 + u / 262144);
    o[1] = (char)(0x80 + u / 4096 % 64);
    o[2] = (char)(0x80 + u / 64 % 64);
    o[3] = (char)(0x80 + u % 64);
    return 4;
}

/* Long texts of mostly CJK with ASCII, Latin, surrogate pairs and lone
 * surrogates mixed in at random places (so that some runs of eight units
 * are all three-byte characters and others are not), against the
 * reference encoder above. */
static void test_ucs2_mixed_long_texts(void)
{
    uint8_t in[2 * 70];
    char want[4 * 70 + 1], got[SS_PART_TEXT_MAX];
    size_t got_len;
    unsigned nbad, fails = 0;
    uint32_t x = 7;
    for (unsigned round = 0; round < 2000; round++) {
        size_t n = 0, w = 0;
        unsigned want_bad = 0;
        while (n + 4 <= sizeof in) {
            x = x * 1103515245u + 12345u;
            unsigned kind = (x >> 16) % 16;
            uint32_t r = x >> 8;
            if (kind == 0 && n + 4 <= sizeof in) { /* a pair */
                uint32_t cp = 0x10000 + r % 0x100000;
                uint16_t hi = (uint16_t)(0xd800 + ((cp - 0x10000) >> 10));
                uint16_t lo = (uint16_t)(0xdc00 + ((cp - 0x10000) & 0x3ff));
                in[n++] = (uint8_t)(hi >> 8);
                in[n++] = (uint8_t)hi;
                in[n++] = (uint8_t)(lo >> 8);
                in[n++] = (uint8_t)lo;
                w += ref_utf8(cp, want + w);
                continue;
            }
            uint16_t u = kind == 1   ? (uint16_t)(0xdc00 + r % 0x400) /* lone trail */
                         : kind == 2 ? (uint16_t)(0x20 + r % 0x5f)
                         : kind == 3 ? (uint16_t)(0x80 + r % 0x780)
                                     : (uint16_t)(0x4e00 + r % 0x5200);
            in[n++] = (uint8_t)(u >> 8);
            in[n++] = (uint8_t)u;
            if (kind == 1) {
                want_bad++;
                w += ref_utf8(0xfffd, want + w);
            } else {
                w += ref_utf8(u, want + w);
            }
        }
        want[w] = '\0';
        enum ss_result r = ss_ucs2_to_utf8(in, n, got, sizeof got, &got_len, &nbad);
        fails += r != SS_OK || got_len != w || nbad != want_bad || memcmp(got, want, w + 1) != 0;
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* Texts of ASCII (NUL included) and three-byte characters only, every
 * length up to a part's 70 units, with and without an odd final octet:
 * every mix of the two kinds in a block of eight and in a text's last
 * fewer than eight units. A few rounds put a 2-byte character or a
 * surrogate pair into the text, which must go unit by unit around it. */
static void test_ucs2_ascii_and_cjk_mixes_every_length(void)
{
    uint8_t in[2 * 70 + 1];
    char want[4 * 70 + 1], got[SS_PART_TEXT_MAX];
    size_t got_len;
    unsigned nbad, fails = 0;
    uint32_t x = 99;
    for (unsigned round = 0; round < 64; round++) {
        for (size_t units = 0; units <= 70; units++) {
            size_t n = 0, w = 0;
            for (size_t k = 0; k < units; k++) {
                x = x * 1103515245u + 12345u;
                uint32_t r = x >> 8;
                /* Round 0 all ASCII, 1 all CJK, then mixes of rising CJK share. */
                int cjk = round == 0 ? 0 : round == 1 ? 1 : (int)((x >> 16) % 16 < round % 16);
                uint32_t u = cjk ? 0x0800 + r % 0xd000 : r % 0x80;
                if (round % 8 == 7 && k == units / 2)
                    u = 0x00e9; /* 'é', 2 bytes */
                if (round % 8 == 5 && k == units / 2 && k + 1 < units) {
                    memcpy(in + n, "\xd8\x3d\xde\x00", 4); /* U+1F600 */
                    n += 4;
                    w += ref_utf8(0x1f600, want + w);
                    k++;
                    continue;
                }
                in[n++] = (uint8_t)(u >> 8);
                in[n++] = (uint8_t)u;
                w += ref_utf8(u, want + w);
            }
            want[w] = '\0';
            for (size_t odd = 0; odd < 2; odd++) {
                in[n] = 0x4e;
                enum ss_result r = ss_ucs2_to_utf8(in, n + odd, got, sizeof got, &got_len, &nbad);
                fails += r != SS_OK || got_len != w || nbad != odd || memcmp(got, want, w + 1) != 0;
            }
        }
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* Hand-computed: "OK" U+004F U+004B, then 你好 (e4 bd a0, e5 a5 bd) and
 * "123456" in ASCII, ten units: one block of eight and a tail of two. */
static void test_ucs2_ascii_cjk_block_and_tail(void)
{
    static const uint8_t v[] = {0x00, 0x4f, 0x00, 0x4b, 0x4f, 0x60, 0x59, 0x7d, 0x00, 0x31,
                                0x00, 0x32, 0x00, 0x33, 0x00, 0x34, 0x00, 0x35, 0x00, 0x36};
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "OK\xe4\xbd\xa0\xe5\xa5\xbd"
                                "123456");
    CU_ASSERT_EQUAL(out_len, 14);
    CU_ASSERT_EQUAL(bad, 0);
}

/* Hand-computed: sixteen 你 (U+4F60, e4 bd a0), "abcdefghijklmnop", then
 * two 好 (U+597D, e5 a5 bd): a block of sixteen three-byte characters, one
 * of sixteen ASCII ones (with AVX2; two blocks of eight without), then
 * units one by one. */
static void test_ucs2_sixteen_unit_blocks(void)
{
    uint8_t v[2 * 34];
    char want[16 * 3 + 16 + 2 * 3 + 1];
    size_t w = 0;
    for (size_t i = 0; i < 16; i++) {
        v[2 * i] = 0x4f;
        v[2 * i + 1] = 0x60;
        memcpy(want + w, "\xe4\xbd\xa0", 3);
        w += 3;
    }
    for (size_t i = 0; i < 16; i++) {
        v[32 + 2 * i] = 0x00;
        v[32 + 2 * i + 1] = (uint8_t)('a' + i);
        want[w++] = (char)('a' + i);
    }
    memcpy(v + 64, "\x59\x7d\x59\x7d", 4);
    memcpy(want + w, "\xe5\xa5\xbd\xe5\xa5\xbd", 7);
    w += 6;
    CU_ASSERT_EQUAL(ss_ucs2_to_utf8(v, sizeof v, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_EQUAL(out_len, w);
    CU_ASSERT_EQUAL(memcmp(out, want, w + 1), 0);
    CU_ASSERT_EQUAL(bad, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_ucs2_sixteen_unit_blocks),
    SS_TEST(test_ucs2_chinese),
    SS_TEST(test_ucs2_surrogate_pair_joins),
    SS_TEST(test_ucs2_lead_surrogate_without_trail_is_replacement),
    SS_TEST(test_ucs2_lead_surrogate_at_end_is_replacement),
    SS_TEST(test_ucs2_lone_trail_surrogate_is_replacement),
    SS_TEST(test_ucs2_odd_length_drops_last_octet),
    SS_TEST(test_ucs2_latin_two_byte_utf8),
    SS_TEST(test_ucs2_output_too_small_is_oversize),
    SS_TEST(test_ucs2_empty_gives_empty_string),
    SS_TEST(test_ucs2_every_bmp_code_point),
    SS_TEST(test_ucs2_mixed_long_texts),
    SS_TEST(test_ucs2_ascii_and_cjk_mixes_every_length),
    SS_TEST(test_ucs2_ascii_cjk_block_and_tail),
};

int main(void)
{
    return SS_RUN_SUITE("ucs2", NULL, NULL, tests) != 0;
}
