/* The JSON writer (dataplane/output/json.c) against references written
 * here: an escaper that walks one byte at a time as RFC 8259 §7 says,
 * and integers and times formatted with snprintf. */
#include <CUnit/Basic.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/output/json.h"
#include "tests/unit/runner.h"

static char buf[1024], want[1024];

/* {"k":"<s escaped>"}\n, escaped one byte at a time. */
static size_t reference_line(const char *s, size_t n)
{
    size_t w = (size_t)snprintf(want, sizeof want, "{\"k\":\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            w += (size_t)snprintf(want + w, sizeof want - w, "\\%c", c);
        else if (c < 0x20)
            w += (size_t)snprintf(want + w, sizeof want - w, "\\u%04x", c);
        else
            want[w++] = (char)c;
    }
    w += (size_t)snprintf(want + w, sizeof want - w, "\"}\n");
    return w;
}

static size_t line(const char *s, size_t n)
{
    struct ss_json j;
    ss_json_begin(&j, buf, sizeof buf);
    ss_json_str(&j, "k", s, n);
    return ss_json_end(&j);
}

/* Each byte that needs escaping, at every offset of strings of 0-40
 * bytes of UTF-8 hanzi and ASCII, the eight-byte checks included. */
static void test_json_escapes_every_special_byte_at_every_offset(void)
{
    static const unsigned char special[] = {'"', '\\', 0x00, 0x01, 0x0a, 0x1f};
    static const char filler[] = "ab\xe4\xb8\xad"
                                 "cd\xe5\xa5\x96"
                                 " ~\x7f\x80\xff"
                                 "0123456789abcdefghijklmnopqrstuvwxyz";
    char s[48];
    unsigned bad = 0;
    for (size_t n = 0; n <= 40; n++)
        for (size_t at = 0; at <= n; at++)
            for (size_t k = 0; k < sizeof special; k++) {
                memcpy(s, filler, n);
                if (at < n)
                    s[at] = (char)special[k];
                size_t got = line(s, n), exp = reference_line(s, n);
                bad += got != exp || memcmp(buf, want, exp) != 0;
            }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_json_uint_and_time_match_printf(void)
{
    static const uint64_t v[] = {0, 7, 9, 10, 99, 100, 4294967295ull, 1700000000123456789ull,
                                 UINT64_MAX};
    unsigned bad = 0;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        struct ss_json j;
        ss_json_begin(&j, buf, sizeof buf);
        ss_json_uint(&j, "n", v[i]);
        ss_json_time(&j, "t", v[i]);
        size_t got = ss_json_end(&j);
        int exp = snprintf(want, sizeof want, "{\"n\":%" PRIu64 ",\"t\":%" PRIu64 ".%06" PRIu64 "}\n",
                           v[i], v[i] / 1000000000u, v[i] % 1000000000u / 1000u);
        bad += got != (size_t)exp || memcmp(buf, want, got) != 0;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* A line that does not fit is refused whole, never cut. */
static void test_json_line_too_long_is_refused(void)
{
    char small[12];
    struct ss_json j;
    ss_json_begin(&j, small, sizeof small);
    ss_json_uint(&j, "n", 12345678901234567890ull);
    CU_ASSERT_EQUAL(ss_json_end(&j), 0);
    ss_json_begin(&j, small, sizeof small);
    ss_json_uint(&j, "n", 1234);
    CU_ASSERT_EQUAL(ss_json_end(&j), 11);
    CU_ASSERT_EQUAL(memcmp(small, "{\"n\":1234}\n", 11), 0);
}

/* One line of every kind of member: keys of 1-20 bytes, strings with
 * and without escapes, numbers, null, time, arrays. */
static size_t every_member(char *out, size_t cap)
{
    static const char keys[] = "abcdefghijklmnopqrst";
    static const char *const items[] = {"r1", "", "rule.with-a:long_id_0123456789", "q\"x"};
    char key[sizeof keys];
    struct ss_json j;
    ss_json_begin(&j, out, cap);
    for (size_t n = 1; n < sizeof keys; n++) {
        memcpy(key, keys, n);
        key[n] = '\0';
        ss_json_str(&j, key, "\xe5\x9e\x83\xe5\x9c\xbe plain text", 17 - n % 3);
    }
    ss_json_cstr(&j, "esc", "tab\there \"quoted\" back\\slash\x01");
    ss_json_uint(&j, "u", 18446744073709551615ull);
    ss_json_null(&j, "nothing");
    ss_json_time(&j, "ts", 1700000000000001000ull);
    ss_json_str_array(&j, "items", items, 4);
    ss_json_str_array(&j, "none", items, 0);
    return ss_json_end(&j);
}

/* Each member is sized before it is written: a buffer of the line's
 * exact length holds it, and any shorter one is refused without a byte
 * written past its end. */
static void test_json_fits_exactly_and_never_writes_past_cap(void)
{
    static char whole[2048], small[2048 + 64];
    size_t len = every_member(whole, sizeof whole);
    CU_ASSERT_FATAL(len > 0 && len < sizeof whole);
    unsigned bad = 0;
    for (size_t cap = 0; cap <= len + 1; cap++) {
        memset(small, 0x5a, sizeof small);
        size_t got = every_member(small, cap);
        bad += got != (cap >= len ? len : 0);
        bad += got && memcmp(small, whole, len) != 0;
        for (size_t i = cap; i < sizeof small; i++)
            bad += small[i] != 0x5a;
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_json_escapes_every_special_byte_at_every_offset),
    SS_TEST(test_json_uint_and_time_match_printf),
    SS_TEST(test_json_line_too_long_is_refused),
    SS_TEST(test_json_fits_exactly_and_never_writes_past_cap),
};

int main(void)
{
    return SS_RUN_SUITE("json", NULL, NULL, tests) != 0;
}
