/* UTF-8 encoding of one code point into a bounded, NUL-terminated buffer;
 * shared by the GSM 7-bit and UCS2 converters. */
#ifndef SS_UTF8_H
#define SS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SS_UNI_REPLACEMENT 0xfffd

/* Appends u at out[*len], keeping one byte for the NUL. False (nothing
 * written) when it does not fit. */
static inline bool ss_utf8_put(uint32_t u, char *out, size_t cap, size_t *len)
{
    uint8_t b[4];
    size_t n;

    if (u < 0x80) {
        b[0] = (uint8_t)u;
        n = 1;
    } else if (u < 0x800) {
        b[0] = (uint8_t)(0xc0 | u >> 6);
        b[1] = (uint8_t)(0x80 | (u & 0x3f));
        n = 2;
    } else if (u < 0x10000) {
        b[0] = (uint8_t)(0xe0 | u >> 12);
        b[1] = (uint8_t)(0x80 | (u >> 6 & 0x3f));
        b[2] = (uint8_t)(0x80 | (u & 0x3f));
        n = 3;
    } else {
        b[0] = (uint8_t)(0xf0 | u >> 18);
        b[1] = (uint8_t)(0x80 | (u >> 12 & 0x3f));
        b[2] = (uint8_t)(0x80 | (u >> 6 & 0x3f));
        b[3] = (uint8_t)(0x80 | (u & 0x3f));
        n = 4;
    }
    if (*len + n >= cap)
        return false;
    for (size_t i = 0; i < n; i++)
        out[(*len)++] = (char)b[i];
    out[*len] = '\0';
    return true;
}

#endif
