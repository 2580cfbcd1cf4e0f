#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/decode/text.h"
#include "tests/unit/runner.h"

static char out[SS_PART_TEXT_MAX];
static size_t out_len;
static unsigned bad;

/* TS 23.038 §6.1.2.1.1 worked example: "hellohello" (10 septets) packs
 * into 9 octets e8 32 9b fd 46 97 d9 ec 37. */
static void test_gsm7_unpack_hellohello(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    uint8_t sept[16];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 0, 10, sept), 10);
    CU_ASSERT_EQUAL(memcmp(sept, "hellohello", 10), 0);
}

/* One fill bit (after a 6-octet UDH): bit 0 is fill, 'h' 0x68 in bits
 * 1-7 of octet 0 (0x68 << 1 = 0xd0), 'i' 0x69 in bits 0-6 of octet 1. */
static void test_gsm7_unpack_skips_fill_bits(void)
{
    static const uint8_t v[] = {0xd0, 0x69};
    uint8_t sept[4];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 1, 2, sept), 2);
    CU_ASSERT_EQUAL(sept[0], 'h');
    CU_ASSERT_EQUAL(sept[1], 'i');
}

/* Eighth septet of 7 octets lives entirely in the top 7 bits of octet 6. */
static void test_gsm7_unpack_eighth_septet_from_seven_octets(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9};
    uint8_t sept[8];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 0, 8, sept), 8);
    CU_ASSERT_EQUAL(memcmp(sept, "hellohel", 8), 0);
}

static void test_gsm7_unpack_stops_when_data_ends(void)
{
    static const uint8_t v[] = {0xe8, 0x32};
    uint8_t sept[10];
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, sizeof v, 0, 10, sept), 2);
    CU_ASSERT_EQUAL(ss_gsm7_unpack(v, 0, 0, 10, sept), 0);
}

/* Default alphabet positions as Wireshark maps them: 0x00 '@', 0x01 '£',
 * 0x02 '$', 0x09 'Ç' (capital), 0x0a LF, 0x0d CR, 0x11 '_', 0x24 '¤',
 * 0x40 '¡', 0x5f '§', 0x7f 'à', 0x10 'Δ'. */
static void test_gsm7_default_alphabet_matches_wireshark(void)
{
    static const uint8_t s[] = {0x00, 0x01, 0x02, 0x09, 0x0a, 0x0d,
                                0x11, 0x24, 0x40, 0x5f, 0x7f, 0x10};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "@\xc2\xa3$\xc3\x87\n\r_\xc2\xa4\xc2\xa1\xc2\xa7\xc3\xa0\xce\x94");
    CU_ASSERT_EQUAL(out_len, strlen(out));
    CU_ASSERT_EQUAL(bad, 0);
}

/* Extension table: 1b 65 '€' (U+20AC), 1b 3c '[', 1b 3e ']', 1b 14 '^',
 * 1b 28 '{', 1b 29 '}', 1b 2f '\', 1b 3d '~', 1b 40 '|', 1b 0a FF. */
static void test_gsm7_extension_table(void)
{
    static const uint8_t s[] = {0x1b, 0x65, 0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x14, 0x1b, 0x28,
                                0x1b, 0x29, 0x1b, 0x2f, 0x1b, 0x3d, 0x1b, 0x40, 0x1b, 0x0a};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe2\x82\xac[]^{}\\~|\f");
    CU_ASSERT_EQUAL(bad, 0);
}

/* ESC before a code with no extension gives U+FFFD in place of both. */
static void test_gsm7_escape_without_extension_is_replacement(void)
{
    static const uint8_t s[] = {'A', 0x1b, 'A', 'B'};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd"
                                "B");
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_gsm7_trailing_escape_is_replacement(void)
{
    static const uint8_t s[] = {'A', 0x1b};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

/* ESC ESC stays in escape mode (no second extension table exists). */
static void test_gsm7_double_escape_then_euro(void)
{
    static const uint8_t s[] = {0x1b, 0x1b, 0x65};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xe2\x82\xac");
}

static void test_gsm7_octet_above_0x7f_is_replacement(void)
{
    static const uint8_t s[] = {0x80};
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 1);
}

/* '€' needs 3 bytes + NUL: a 3-byte buffer is too small, 4 is enough. */
static void test_gsm7_output_too_small_is_oversize(void)
{
    static const uint8_t s[] = {0x1b, 0x65};
    char small[4];
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, small, 3, &out_len, &bad), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, small, 4, &out_len, &bad), SS_OK);
    CU_ASSERT_EQUAL(out_len, 3);
    CU_ASSERT_EQUAL(ss_gsm7_to_utf8(s, sizeof s, small, 0, &out_len, &bad), SS_OVERSIZE);
}

/* Packs septets least significant bit first after fill zero bits, bit by
 * bit (TS 23.038 §6.1.2.1.1), as an independent encoder for the tests of
 * the fused converter. Returns the octets written. */
static size_t pack_septets(const uint8_t *sept, size_t n, size_t fill, uint8_t *p)
{
    size_t bits = fill + 7 * n, len = (bits + 7) / 8;
    memset(p, 0, len);
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < 7; b++)
            if (sept[i] >> b & 1)
                p[(fill + 7 * i + b) / 8] |= (uint8_t)(1u << ((fill + 7 * i + b) % 8));
    return len;
}

static void test_gsm7_packed_hellohello(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, sizeof v, 0, 10, out, sizeof out, &out_len, &bad),
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "hellohello");
    CU_ASSERT_EQUAL(out_len, 10);
    CU_ASSERT_EQUAL(bad, 0);
}

/* An escape in the last septet of one group of eight and its extension
 * code in the first of the next; '£' (2 bytes) and 'Δ' around it; every
 * fill from 0 to 6 bits. */
static void test_gsm7_packed_escape_across_groups_every_fill(void)
{
    static const uint8_t s[] = {'a', 0x01, 'b', 'c', 'd', 'e', 'f', 0x1b, 0x65, 0x10,
                                'g', 'h',  'i', 'j', 'k', 'l', 'm', 'n',  'o'};
    static const char want[] = "a\xc2\xa3"
                               "bcdef\xe2\x82\xac\xce\x94"
                               "ghijklmno";
    uint8_t p[32];
    for (size_t fill = 0; fill <= 6; fill++) {
        size_t len = pack_septets(s, sizeof s, fill, p);
        CU_ASSERT_EQUAL(
            ss_gsm7_packed_to_utf8(p, len, fill, sizeof s, out, sizeof out, &out_len, &bad), SS_OK);
        CU_ASSERT_STRING_EQUAL(out, want);
        CU_ASSERT_EQUAL(out_len, strlen(want));
        CU_ASSERT_EQUAL(bad, 0);
    }
}

static void test_gsm7_packed_trailing_escape_and_bad_extension(void)
{
    static const uint8_t s[] = {'A', 0x1b, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 0x1b};
    uint8_t p[16];
    size_t len = pack_septets(s, sizeof s, 3, p);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(p, len, 3, sizeof s, out, sizeof out, &out_len, &bad),
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "A\xef\xbf\xbd"
                                "BCDEFG\xef\xbf\xbd");
    CU_ASSERT_EQUAL(bad, 2);
}

/* Fewer whole septets than asked for: SS_TRUNCATED and an empty text. */
static void test_gsm7_packed_short_data_is_truncated(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec, 0x37};
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, sizeof v, 0, 11, out, sizeof out, &out_len, &bad),
                    SS_TRUNCATED);
    CU_ASSERT_EQUAL(out_len, 0);
    CU_ASSERT_STRING_EQUAL(out, "");
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, 8, 1, 10, out, sizeof out, &out_len, &bad),
                    SS_TRUNCATED);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, 0, 0, 0, out, sizeof out, &out_len, &bad), SS_OK);
    CU_ASSERT_EQUAL(out_len, 0);
}

/* A small output buffer takes the bounded path: same results as
 * ss_gsm7_to_utf8 on the unpacked septets. */
static void test_gsm7_packed_small_output_is_oversize(void)
{
    static const uint8_t s[] = {0x1b, 0x65};
    uint8_t p[4];
    char small[4];
    size_t len = pack_septets(s, sizeof s, 0, p);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(p, len, 0, 2, small, 3, &out_len, &bad), SS_OVERSIZE);
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(p, len, 0, 2, small, 4, &out_len, &bad), SS_OK);
    CU_ASSERT_STRING_EQUAL(small, "\xe2\x82\xac");
}

/* Every septet value, every length up to a full part and every fill:
 * the fused converter agrees with unpacking then converting. */
static void test_gsm7_packed_equals_unpack_then_convert(void)
{
    uint8_t s[SS_GSM7_PART_SEPTETS], p[SS_GSM7_PART_SEPTETS], sept[SS_GSM7_PART_SEPTETS];
    char ref[SS_PART_TEXT_MAX];
    size_t ref_len;
    unsigned ref_bad, fails = 0;
    uint32_t x = 12345;
    for (size_t n = 0; n <= SS_GSM7_PART_SEPTETS; n++) {
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            /* Escapes one time in eight, so that escape pairs are common. */
            s[i] = (x >> 16) % 8 == 0 ? 0x1b : (uint8_t)((x >> 20) & 0x7f);
        }
        for (size_t fill = 0; fill <= 6; fill++) {
            size_t len = pack_septets(s, n, fill, p);
            ss_gsm7_unpack(p, len, fill, n, sept);
            ss_gsm7_to_utf8(sept, n, ref, sizeof ref, &ref_len, &ref_bad);
            enum ss_result r =
                ss_gsm7_packed_to_utf8(p, len, fill, n, out, sizeof out, &out_len, &bad);
            fails += r != SS_OK || out_len != ref_len || bad != ref_bad ||
                     memcmp(out, ref, ref_len + 1) != 0;
        }
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* An independent reference for the fused converter: the default alphabet
 * transcribed again from TS 23.038 §6.2.1 (as Wireshark prints it), the
 * extension table §6.2.1.1, septets read bit by bit, UTF-8 by hand. */
static const uint16_t ref_default[128] = {
    0x0040, 0x00a3, 0x0024, 0x00a5, 0x00e8, 0x00e9, 0x00f9, 0x00ec, /* 0x00 */
    0x00f2, 0x00c7, 0x000a, 0x00d8, 0x00f8, 0x000d, 0x00c5, 0x00e5, /* 0x08 */
    0x0394, 0x005f, 0x03a6, 0x0393, 0x039b, 0x03a9, 0x03a0, 0x03a8, /* 0x10 */
    0x03a3, 0x0398, 0x039e, 0x00a0, 0x00c6, 0x00e6, 0x00df, 0x00c9, /* 0x18 */
    ' ',    '!',    '"',    '#',    0x00a4, '%',    '&',    '\'',   /* 0x20 */
    '(',    ')',    '*',    '+',    ',',    '-',    '.',    '/',    /* 0x28 */
    '0',    '1',    '2',    '3',    '4',    '5',    '6',    '7',    /* 0x30 */
    '8',    '9',    ':',    ';',    '<',    '=',    '>',    '?',    /* 0x38 */
    0x00a1, 'A',    'B',    'C',    'D',    'E',    'F',    'G',    /* 0x40 */
    'H',    'I',    'J',    'K',    'L',    'M',    'N',    'O',    /* 0x48 */
    'P',    'Q',    'R',    'S',    'T',    'U',    'V',    'W',    /* 0x50 */
    'X',    'Y',    'Z',    0x00c4, 0x00d6, 0x00d1, 0x00dc, 0x00a7, /* 0x58 */
    0x00bf, 'a',    'b',    'c',    'd',    'e',    'f',    'g',    /* 0x60 */
    'h',    'i',    'j',    'k',    'l',    'm',    'n',    'o',    /* 0x68 */
    'p',    'q',    'r',    's',    't',    'u',    'v',    'w',    /* 0x70 */
    'x',    'y',    'z',    0x00e4, 0x00f6, 0x00f1, 0x00fc, 0x00e0, /* 0x78 */
};

static uint16_t ref_extension(uint8_t c)
{
    static const uint8_t code[] = {0x0a, 0x14, 0x28, 0x29, 0x2f, 0x3c, 0x3d, 0x3e, 0x40, 0x65};
    static const uint16_t uni[] = {0x0c, '^', '{', '}', '\\', '[', '~', ']', '|', 0x20ac};
    for (size_t i = 0; i < sizeof code; i++)
        if (code[i] == c)
            return uni[i];
    return 0xfffd;
}

static size_t ref_put(uint16_t u, char *o)
{
    if (u < 0x80) {
        o[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        o[0] = (char)(0xc0 | u >> 6);
        o[1] = (char)(0x80 | (u & 0x3f));
        return 2;
    }
    o[0] = (char)(0xe0 | u >> 12);
    o[1] = (char)(0x80 | (u >> 6 & 0x3f));
    o[2] = (char)(0x80 | (u & 0x3f));
    return 3;
}

/* Septet i of packed data: bits fill + 7i .. + 6, least significant first. */
static uint8_t ref_septet(const uint8_t *p, size_t fill, size_t i)
{
    uint8_t c = 0;
    for (size_t b = 0; b < 7; b++)
        c |= (uint8_t)((p[(fill + 7 * i + b) / 8] >> ((fill + 7 * i + b) % 8) & 1) << b);
    return c;
}

/* Converts n packed septets to NUL-terminated UTF-8 in o; returns its
 * length and the number of U+FFFD in *nbad (ESC ESC stays in escape). */
static size_t ref_convert(const uint8_t *p, size_t fill, size_t n, char *o, unsigned *nbad)
{
    size_t len = 0;
    int esc = 0;
    *nbad = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = ref_septet(p, fill, i);
        uint16_t u;
        if (c == 0x1b) {
            esc = 1;
            continue;
        }
        u = esc ? ref_extension(c) : ref_default[c];
        esc = 0;
        *nbad += u == 0xfffd;
        len += ref_put(u, o + len);
    }
    if (esc) {
        (*nbad)++;
        len += ref_put(0xfffd, o + len);
    }
    o[len] = '\0';
    return len;
}

/* Packs s[0..n) with every fill 0..6 and compares the fused converter with
 * the reference, with the part-sized output buffer and with one just big
 * enough (which may take the bounded path); counts disagreements. */
static unsigned packed_disagreements(const uint8_t *s, size_t n)
{
    uint8_t p[SS_GSM7_PART_SEPTETS];
    char ref[SS_PART_TEXT_MAX];
    unsigned ref_bad, fails = 0;
    for (size_t fill = 0; fill <= 6; fill++) {
        size_t len = pack_septets(s, n, fill, p);
        size_t ref_len = ref_convert(p, fill, n, ref, &ref_bad);
        size_t caps[] = {sizeof out, ref_len + 1};
        for (size_t k = 0; k < 2; k++) {
            enum ss_result r =
                ss_gsm7_packed_to_utf8(p, len, fill, n, out, caps[k], &out_len, &bad);
            fails += r != SS_OK || out_len != ref_len || bad != ref_bad ||
                     memcmp(out, ref, ref_len + 1) != 0;
        }
        /* One octet fewer holds fewer septets whenever the last octet is
         * needed: the converter refuses rather than reads past the end. */
        if (len > 0 && (8 * (len - 1) < fill || (8 * (len - 1) - fill) / 7 < n)) {
            fails += ss_gsm7_packed_to_utf8(p, len - 1, fill, n, out, sizeof out, &out_len, &bad) !=
                     SS_TRUNCATED;
            fails += out_len != 0 || out[0] != '\0';
        }
    }
    return fails;
}

/* Plain ASCII texts (stored 16 septets at a time) of every length up to a
 * part, and every fill. */
static void test_gsm7_packed_plain_text_every_length_and_fill(void)
{
    static const char text[] = "Dear parents, the school trip is on Tuesday 8:15. Bring a packed "
                               "lunch, a water bottle and a raincoat!\r\nThe coach returns at "
                               "about 4pm (please sign the form) - thanks & see you? #A-Z 0-9";
    uint8_t s[SS_GSM7_PART_SEPTETS];
    unsigned fails = 0;
    uint8_t p[SS_GSM7_PART_SEPTETS];
    char ref[SS_PART_TEXT_MAX];
    unsigned ref_bad;
    memcpy(s, text, sizeof s);
    for (size_t n = 0; n <= SS_GSM7_PART_SEPTETS; n++)
        fails += packed_disagreements(s, n);
    /* Data running on past the septets asked for: only those are read. */
    for (size_t fill = 0; fill <= 6; fill++) {
        size_t len = pack_septets(s, sizeof s, fill, p);
        for (size_t n = 0; n <= SS_GSM7_PART_SEPTETS; n++) {
            size_t ref_len = ref_convert(p, fill, n, ref, &ref_bad);
            fails +=
                ss_gsm7_packed_to_utf8(p, len, fill, n, out, sizeof out, &out_len, &bad) != SS_OK ||
                out_len != ref_len || memcmp(out, ref, ref_len + 1) != 0;
        }
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* Every septet value at each place of the first two blocks of 16 and at
 * the end of a text, among plain letters: the odd ones ('@', '$', '¤',
 * '¡', 0x5b-0x60, 0x7b-0x7f, controls, ESC) leave the plain path there. An
 * ESC at the end of a block escapes the first septet of the next. */
static void test_gsm7_packed_every_septet_at_every_block_place(void)
{
    uint8_t s[40];
    unsigned fails = 0;
    for (unsigned v = 0; v < 128; v++) {
        for (size_t at = 0; at < sizeof s; at++) {
            for (size_t i = 0; i < sizeof s; i++)
                s[i] = (uint8_t)('a' + i % 26);
            s[at] = (uint8_t)v;
            fails += packed_disagreements(s, sizeof s);
            fails += packed_disagreements(s, at + 1);
        }
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* An escape as the last septet of a block of 16 and the extension code
 * first in the next; two escapes across the boundary; a trailing escape
 * at the end of a full part. */
static void test_gsm7_packed_escape_at_end_of_block(void)
{
    uint8_t s[SS_GSM7_PART_SEPTETS];
    unsigned fails = 0;
    memset(s, 'x', sizeof s);
    s[15] = 0x1b;
    s[16] = 0x65; /* euro */
    s[30] = 0x1b;
    s[31] = 0x1b;
    s[32] = 0x3c; /* [ */
    s[47] = 0x1b;
    s[48] = 'x'; /* no extension: U+FFFD */
    s[159] = 0x1b;
    for (size_t n = 0; n <= SS_GSM7_PART_SEPTETS; n++)
        fails += packed_disagreements(s, n);
    CU_ASSERT_EQUAL(fails, 0);
}

/* Random septets, mostly plain with a fixed seed, at every length and
 * fill, and fully random ones. */
static void test_gsm7_packed_random_equals_reference(void)
{
    uint8_t s[SS_GSM7_PART_SEPTETS];
    uint32_t x = 2024;
    unsigned fails = 0;
    for (unsigned round = 0; round < 8; round++) {
        for (size_t n = 0; n <= SS_GSM7_PART_SEPTETS; n++) {
            for (size_t i = 0; i < n; i++) {
                x = x * 1103515245u + 12345u;
                s[i] = round % 2        ? (uint8_t)(x >> 16 & 0x7f)
                       : (x >> 16) % 32 ? (uint8_t)(0x61 + (x >> 20) % 26)
                                        : (uint8_t)(x >> 24 & 0x7f);
            }
            fails += packed_disagreements(s, n);
        }
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* 18 septets "hellohellohellohel" (a whole block of 16 and two more),
 * packed by hand: the first nine octets are the TS 23.038 §6.1.2.1.1
 * example "hellohello"; each further septet continues its bit stream. */
static void test_gsm7_packed_hand_vector_over_one_block(void)
{
    static const uint8_t v[] = {0xe8, 0x32, 0x9b, 0xfd, 0x46, 0x97, 0xd9, 0xec,
                                0x37, 0xba, 0xcc, 0x66, 0xbf, 0xd1, 0x65, 0x36};
    CU_ASSERT_EQUAL(ss_gsm7_packed_to_utf8(v, sizeof v, 0, 18, out, sizeof out, &out_len, &bad),
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(out, "hellohellohellohel");
    CU_ASSERT_EQUAL(out_len, 18);
    CU_ASSERT_EQUAL(bad, 0);
}

static const struct ss_test tests[] = {
    SS_TEST(test_gsm7_unpack_hellohello),
    SS_TEST(test_gsm7_unpack_skips_fill_bits),
    SS_TEST(test_gsm7_unpack_eighth_septet_from_seven_octets),
    SS_TEST(test_gsm7_unpack_stops_when_data_ends),
    SS_TEST(test_gsm7_default_alphabet_matches_wireshark),
    SS_TEST(test_gsm7_extension_table),
    SS_TEST(test_gsm7_escape_without_extension_is_replacement),
    SS_TEST(test_gsm7_trailing_escape_is_replacement),
    SS_TEST(test_gsm7_double_escape_then_euro),
    SS_TEST(test_gsm7_octet_above_0x7f_is_replacement),
    SS_TEST(test_gsm7_output_too_small_is_oversize),
    SS_TEST(test_gsm7_packed_hellohello),
    SS_TEST(test_gsm7_packed_escape_across_groups_every_fill),
    SS_TEST(test_gsm7_packed_trailing_escape_and_bad_extension),
    SS_TEST(test_gsm7_packed_short_data_is_truncated),
    SS_TEST(test_gsm7_packed_small_output_is_oversize),
    SS_TEST(test_gsm7_packed_equals_unpack_then_convert),
    SS_TEST(test_gsm7_packed_plain_text_every_length_and_fill),
    SS_TEST(test_gsm7_packed_every_septet_at_every_block_place),
    SS_TEST(test_gsm7_packed_escape_at_end_of_block),
    SS_TEST(test_gsm7_packed_random_equals_reference),
    SS_TEST(test_gsm7_packed_hand_vector_over_one_block),
};

int main(void)
{
    return SS_RUN_SUITE("gsm7", NULL, NULL, tests) != 0;
}
