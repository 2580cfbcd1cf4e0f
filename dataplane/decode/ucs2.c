#include <stdbool.h>

#include "dataplane/decode/text.h"
#include "dataplane/decode/utf8.h"

static bool is_lead(uint16_t u)
{
    return u >= 0xd800 && u <= 0xdbff;
}

static bool is_trail(uint16_t u)
{
    return u >= 0xdc00 && u <= 0xdfff;
}

enum ss_result ss_ucs2_to_utf8(const uint8_t *p, size_t len, char *out, size_t cap, size_t *out_len,
                               unsigned *bad)
{
    /* TS 23.038 §6.2.3: UCS2 big-endian; handsets send UTF-16, so a lead
     * plus trail surrogate is joined. An unpaired surrogate becomes U+FFFD;
     * an odd final octet is dropped. Both are counted in *bad. */
    *out_len = 0;
    *bad = len & 1;
    if (cap == 0)
        return SS_OVERSIZE;
    out[0] = '\0';
    for (size_t i = 0; i + 1 < len; i += 2) {
        uint16_t u = (uint16_t)(p[i] << 8 | p[i + 1]);
        uint32_t cp = u;
        if (is_lead(u) && i + 3 < len && is_trail((uint16_t)(p[i + 2] << 8 | p[i + 3]))) {
            uint16_t t = (uint16_t)(p[i + 2] << 8 | p[i + 3]);
            cp = 0x10000 + ((uint32_t)(u - 0xd800) << 10) + (uint32_t)(t - 0xdc00);
            i += 2;
        } else if (is_lead(u) || is_trail(u)) {
            cp = SS_UNI_REPLACEMENT;
            (*bad)++;
        }
        if (!ss_utf8_put(cp, out, cap, out_len))
            return SS_OVERSIZE;
    }
    return SS_OK;
}
