#include "dataplane/decode/bcd.h"

/* Nibble values 0xA-0xE per TS 29.002 §17.7.8 (TBCD-STRING) and
 * Q.713 §3.4.2.3.1; 0xF is the filler and never reaches this table. */
static const char bcd_digit[16] = "0123456789*#abc";

enum ss_result ss_bcd_decode(const uint8_t *p, size_t n, size_t max_digits,
                             char out[SS_DIGITS_MAX + 1])
{
    size_t nd = 0;

    out[0] = '\0';
    for (size_t i = 0; i < 2 * n && nd < max_digits; i++) {
        uint8_t nib = (uint8_t)((i & 1) ? p[i / 2] >> 4 : p[i / 2] & 0x0f);
        if (nib == 0x0f)
            break;
        if (nd == SS_DIGITS_MAX)
            return SS_OVERSIZE;
        out[nd++] = bcd_digit[nib];
        out[nd] = '\0';
    }
    return SS_OK;
}
