#include "sms_text.h"

#include <stdlib.h>
#include <string.h>

/* TS 23.038 §6.2.1: GSM 7-bit default alphabet, indexed by septet. */
static const uint16_t gsm7_default[128] = {
    0x0040, 0x00a3, 0x0024, 0x00a5, 0x00e8, 0x00e9, 0x00f9, 0x00ec, 0x00f2, 0x00c7, 0x000a, 0x00d8,
    0x00f8, 0x000d, 0x00c5, 0x00e5, 0x0394, 0x005f, 0x03a6, 0x0393, 0x039b, 0x03a9, 0x03a0, 0x03a8,
    0x03a3, 0x0398, 0x039e, 0xffff, 0x00c6, 0x00e6, 0x00df, 0x00c9, 0x0020, 0x0021, 0x0022, 0x0023,
    0x00a4, 0x0025, 0x0026, 0x0027, 0x0028, 0x0029, 0x002a, 0x002b, 0x002c, 0x002d, 0x002e, 0x002f,
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, 0x0038, 0x0039, 0x003a, 0x003b,
    0x003c, 0x003d, 0x003e, 0x003f, 0x00a1, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,
    0x0048, 0x0049, 0x004a, 0x004b, 0x004c, 0x004d, 0x004e, 0x004f, 0x0050, 0x0051, 0x0052, 0x0053,
    0x0054, 0x0055, 0x0056, 0x0057, 0x0058, 0x0059, 0x005a, 0x00c4, 0x00d6, 0x00d1, 0x00dc, 0x00a7,
    0x00bf, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, 0x0068, 0x0069, 0x006a, 0x006b,
    0x006c, 0x006d, 0x006e, 0x006f, 0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,
    0x0078, 0x0079, 0x007a, 0x00e4, 0x00f6, 0x00f1, 0x00fc, 0x00e0,
};

/* TS 23.038 §6.2.1.1: extension table characters reached through 0x1B. */
static const struct {
    uint8_t septet;
    uint16_t cp;
} gsm7_extension[] = {
    {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2f, '\\'},   {0x3c, '['},
    {0x3d, '~'}, {0x3e, ']'}, {0x40, '|'}, {0x65, 0x20ac},
};

int sg_gsm7_septet(uint32_t cp)
{
    for (int i = 0; i < 128; i++)
        if (gsm7_default[i] == cp)
            return i;
    return -1;
}

static int gsm7_extension_septet(uint32_t cp)
{
    for (size_t i = 0; i < sizeof gsm7_extension / sizeof gsm7_extension[0]; i++)
        if (gsm7_extension[i].cp == cp)
            return gsm7_extension[i].septet;
    return -1;
}

/* RFC 3629 §3; returns bytes consumed, 0 on an invalid sequence. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    if (len == 0 || len > n || s[0] >= 0xf5)
        return 0;
    uint32_t v = len == 1 ? s[0] : s[0] & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3f);
    }
    if (v < min_cp[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return len;
}

static void add_septets(struct sg_text *t, uint32_t cp)
{
    if (!t->gsm7_ok)
        return;
    int s = cp == 0xffff ? -1 : sg_gsm7_septet(cp);
    if (s >= 0) {
        t->septets[t->n_septets++] = (uint8_t)s;
        return;
    }
    s = gsm7_extension_septet(cp);
    if (s < 0) {
        t->gsm7_ok = false;
        return;
    }
    t->septets[t->n_septets++] = SG_GSM7_ESCAPE;
    t->septets[t->n_septets++] = (uint8_t)s;
}

static void add_ucs2(struct sg_text *t, uint32_t cp)
{
    if (cp < 0x10000) {
        t->ucs2[t->n_ucs2++] = (uint16_t)cp;
        return;
    }
    cp -= 0x10000;
    t->ucs2[t->n_ucs2++] = (uint16_t)(0xd800 | (cp >> 10));
    t->ucs2[t->n_ucs2++] = (uint16_t)(0xdc00 | (cp & 0x3ff));
}

bool sg_text_prepare(struct sg_text *t)
{
    /* Worst cases: two septets or two UTF-16 units per UTF-8 byte. */
    t->septets = malloc(2 * t->utf8_len + 1);
    t->ucs2 = malloc((2 * t->utf8_len + 1) * sizeof *t->ucs2);
    t->n_septets = t->n_ucs2 = 0;
    t->gsm7_ok = true;
    const unsigned char *s = (const unsigned char *)t->utf8;
    for (size_t i = 0; i < t->utf8_len;) {
        uint32_t cp;
        size_t used = utf8_next(s + i, t->utf8_len - i, &cp);
        if (used == 0)
            return false;
        add_septets(t, cp);
        add_ucs2(t, cp);
        i += used;
    }
    return t->utf8_len > 0;
}

void sg_text_release(struct sg_text *t)
{
    free(t->septets);
    free(t->ucs2);
}

static size_t split_units(size_t n, size_t per_part, size_t *start, const void *units,
                          bool (*keeps_next)(const void *units, size_t i))
{
    size_t parts = 0, pos = 0;
    while (pos < n) {
        if (parts == SG_MAX_PARTS)
            return 0;
        start[parts++] = pos;
        size_t end = pos + per_part < n ? pos + per_part : n;
        if (end < n && keeps_next(units, end - 1))
            end--;
        pos = end;
    }
    start[parts] = n;
    return parts;
}

static bool septet_is_escape(const void *units, size_t i)
{
    return ((const uint8_t *)units)[i] == SG_GSM7_ESCAPE;
}

static bool ucs2_is_high_surrogate(const void *units, size_t i)
{
    uint16_t u = ((const uint16_t *)units)[i];
    return u >= 0xd800 && u <= 0xdbff;
}

size_t sg_split_septets(const uint8_t *s, size_t n, size_t per_part, size_t *start)
{
    return split_units(n, per_part, start, s, septet_is_escape);
}

size_t sg_split_ucs2(const uint16_t *u, size_t n, size_t per_part, size_t *start)
{
    return split_units(n, per_part, start, u, ucs2_is_high_surrogate);
}

void sg_gsm7_pack(const uint8_t *septets, size_t n, size_t skip, uint8_t *out)
{
    size_t first = skip * 7 / 8, last = (skip + n) * 7;
    memset(out + first, 0, (last + 7) / 8 - first);
    for (size_t i = 0; i < n; i++) {
        size_t bit = (skip + i) * 7;
        out[bit / 8] |= (uint8_t)(septets[i] << (bit % 8));
        if (bit % 8 > 1)
            out[bit / 8 + 1] |= (uint8_t)(septets[i] >> (8 - bit % 8));
    }
}
