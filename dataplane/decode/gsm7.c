#include <stdbool.h>

#include "dataplane/decode/text.h"
#include "dataplane/decode/utf8.h"

#define GSM7_ESC 0x1b

/* TS 23.038 §6.2.1 default alphabet as Unicode. Matches Wireshark's
 * epan/charsets.c so that sigsift's text equals tshark's gsm_sms.sms_text:
 * 0x09 is U+00C7 (capital C cedilla, as the table prints it), 0x0a LF,
 * 0x0d CR; 0x1b is the escape and never looked up here. */
/* clang-format off */
static const uint16_t gsm7_default[128] = {
    /* 0x00 */ 0x0040, 0x00a3, 0x0024, 0x00a5, 0x00e8, 0x00e9, 0x00f9, 0x00ec,
    /* 0x08 */ 0x00f2, 0x00c7, 0x000a, 0x00d8, 0x00f8, 0x000d, 0x00c5, 0x00e5,
    /* 0x10 */ 0x0394, 0x005f, 0x03a6, 0x0393, 0x039b, 0x03a9, 0x03a0, 0x03a8,
    /* 0x18 */ 0x03a3, 0x0398, 0x039e, 0x00a0, 0x00c6, 0x00e6, 0x00df, 0x00c9,
    /* 0x20 */ 0x0020, 0x0021, 0x0022, 0x0023, 0x00a4, 0x0025, 0x0026, 0x0027,
    /* 0x28 */ 0x0028, 0x0029, 0x002a, 0x002b, 0x002c, 0x002d, 0x002e, 0x002f,
    /* 0x30 */ 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    /* 0x38 */ 0x0038, 0x0039, 0x003a, 0x003b, 0x003c, 0x003d, 0x003e, 0x003f,
    /* 0x40 */ 0x00a1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
    /* 0x48 */ 0x0048, 0x0049, 0x004a, 0x004b, 0x004c, 0x004d, 0x004e, 0x004f,
    /* 0x50 */ 0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,
    /* 0x58 */ 0x0058, 0x0059, 0x005a, 0x00c4, 0x00d6, 0x00d1, 0x00dc, 0x00a7,
    /* 0x60 */ 0x00bf, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,
    /* 0x68 */ 0x0068, 0x0069, 0x006a, 0x006b, 0x006c, 0x006d, 0x006e, 0x006f,
    /* 0x70 */ 0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
    /* 0x78 */ 0x0078, 0x0079, 0x007a, 0x00e4, 0x00f6, 0x00f1, 0x00fc, 0x00e0,
};
/* clang-format on */

/* TS 23.038 §6.2.1.1 extension table (default, no national shift).
 * Returns U+FFFD for a code with no extension, as Wireshark does. */
static uint32_t gsm7_extension(uint8_t c)
{
    switch (c) {
    case 0x0a:
        return 0x000c; /* page break: form feed */
    case 0x14:
        return '^';
    case 0x28:
        return '{';
    case 0x29:
        return '}';
    case 0x2f:
        return '\\';
    case 0x3c:
        return '[';
    case 0x3d:
        return '~';
    case 0x3e:
        return ']';
    case 0x40:
        return '|';
    case 0x65:
        return 0x20ac; /* euro sign */
    default:
        return SS_UNI_REPLACEMENT;
    }
}

size_t ss_gsm7_unpack(const uint8_t *p, size_t len, size_t fill_bits, size_t nsept, uint8_t *sept)
{
    /* TS 23.038 §6.1.2.1.1: septets packed least significant bit first;
     * septet i occupies bits fill_bits + 7i .. +6 of the octet stream. It
     * is whole when fill_bits + 7i + 7 <= 8 * len, which bounds the loop so
     * that both octets a septet spans are known to exist. */
    size_t bits = 8 * len;
    size_t whole = bits >= fill_bits ? (bits - fill_bits) / 7 : 0;
    size_t n = nsept < whole ? nsept : whole;

    for (size_t i = 0; i < n; i++) {
        size_t bit = fill_bits + 7 * i;
        size_t byte = bit / 8, shift = bit % 8;
        unsigned v = p[byte] >> shift;
        if (shift > 1)
            v |= (unsigned)p[byte + 1] << (8 - shift);
        sept[i] = (uint8_t)(v & 0x7f);
    }
    return n;
}

/* The conversion loop; inlined twice, with checked a constant, so that
 * the copy used when the whole output is known to fit has no per-character
 * bound check. */
static inline __attribute__((always_inline)) enum ss_result
gsm7_convert(const uint8_t *sept, size_t n, char *out, size_t cap, size_t *out_len, unsigned *bad,
             bool checked)
{
    /* Escape handling follows Wireshark: ESC ESC stays in escape, ESC plus
     * a code with no extension and a trailing ESC each give one U+FFFD. */
    bool esc = false;
    size_t len = 0, next;
    unsigned nbad = 0;

    for (size_t i = 0; i < n; i++) {
        uint8_t c = sept[i];
        uint32_t u;
        if (c == GSM7_ESC) {
            esc = true;
            continue;
        }
        u = c > 0x7f ? SS_UNI_REPLACEMENT : esc ? gsm7_extension(c) : gsm7_default[c];
        esc = false;
        nbad += u == SS_UNI_REPLACEMENT;
        next = ss_utf8_put(u, out, cap, len, checked);
        if (!next)
            return ss_utf8_end(out, len, nbad, out_len, bad, SS_OVERSIZE);
        len = next;
    }
    if (esc) {
        nbad++;
        next = ss_utf8_put(SS_UNI_REPLACEMENT, out, cap, len, checked);
        if (!next)
            return ss_utf8_end(out, len, nbad, out_len, bad, SS_OVERSIZE);
        len = next;
    }
    return ss_utf8_end(out, len, nbad, out_len, bad, SS_OK);
}

enum ss_result ss_gsm7_to_utf8(const uint8_t *sept, size_t n, char *out, size_t cap,
                               size_t *out_len, unsigned *bad)
{
    *out_len = 0;
    *bad = 0;
    if (cap == 0)
        return SS_OVERSIZE;
    /* Each septet and a trailing escape give at most 3 bytes, plus the NUL. */
    if (n < SIZE_MAX / SS_UTF8_PER_UNIT_MAX - 2 && SS_UTF8_PER_UNIT_MAX * (n + 1) < cap)
        return gsm7_convert(sept, n, out, cap, out_len, bad, false);
    return gsm7_convert(sept, n, out, cap, out_len, bad, true);
}
