#include <stdbool.h>

#include "dataplane/decode/text.h"
#include "dataplane/decode/utf8.h"

static bool is_surrogate(uint16_t u)
{
    return u >= 0xd800 && u <= 0xdfff;
}

static bool is_lead(uint16_t u)
{
    return u >= 0xd800 && u <= 0xdbff;
}

static bool is_trail(uint16_t u)
{
    return u >= 0xdc00 && u <= 0xdfff;
}

/* The conversion loop; inlined twice, with checked a constant, so that
 * the copy used when the whole output is known to fit has no per-character
 * bound check. */
static inline __attribute__((always_inline)) enum ss_result
ucs2_convert(const uint8_t *p, size_t len, char *out, size_t cap, size_t *out_len, unsigned *bad,
             bool checked)
{
    /* TS 23.038 §6.2.3: UCS2 big-endian; handsets send UTF-16, so a lead
     * plus trail surrogate is joined. An unpaired surrogate becomes U+FFFD;
     * an odd final octet is dropped. Both are counted in *bad. */
    size_t olen = 0, next;
    unsigned nbad = len & 1;

    for (size_t i = 0; i + 1 < len; i += 2) {
        uint16_t u = (uint16_t)(p[i] << 8 | p[i + 1]);
        uint32_t cp = u;
        if (is_surrogate(u)) {
            if (is_lead(u) && i + 3 < len && is_trail((uint16_t)(p[i + 2] << 8 | p[i + 3]))) {
                uint16_t t = (uint16_t)(p[i + 2] << 8 | p[i + 3]);
                cp = 0x10000 + ((uint32_t)(u - 0xd800) << 10) + (uint32_t)(t - 0xdc00);
                i += 2;
            } else {
                cp = SS_UNI_REPLACEMENT;
                nbad++;
            }
        }
        next = ss_utf8_put(cp, out, cap, olen, checked);
        if (!next)
            return ss_utf8_end(out, olen, nbad, out_len, bad, SS_OVERSIZE);
        olen = next;
    }
    return ss_utf8_end(out, olen, nbad, out_len, bad, SS_OK);
}

enum ss_result ss_ucs2_to_utf8(const uint8_t *p, size_t len, char *out, size_t cap, size_t *out_len,
                               unsigned *bad)
{
    *out_len = 0;
    *bad = len & 1;
    if (cap == 0)
        return SS_OVERSIZE;
    /* Each 2-octet unit gives at most 3 bytes (a 4-octet pair 4), plus the
     * NUL. */
    if (len / 2 < SIZE_MAX / SS_UTF8_PER_UNIT_MAX && SS_UTF8_PER_UNIT_MAX * (len / 2) < cap)
        return ucs2_convert(p, len, out, cap, out_len, bad, false);
    return ucs2_convert(p, len, out, cap, out_len, bad, true);
}
