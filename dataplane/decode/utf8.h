/* UTF-8 encoding of one code point into a bounded, NUL-terminated buffer;
 * shared by the GSM 7-bit and UCS2 converters. */
#ifndef SS_UTF8_H
#define SS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

#define SS_UNI_REPLACEMENT 0xfffd

/* Most bytes one code unit of GSM 7-bit or UCS2 becomes (U+FFFD and
 * every BMP code point); a surrogate pair, 4 input bytes, becomes 4. */
#define SS_UTF8_PER_UNIT_MAX 3

static inline size_t ss_utf8_len(uint32_t u)
{
    return u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
}

/* Writes u at out[len] and returns the new length. The caller has made
 * sure that 4 bytes fit (a converter checks its whole output bound once,
 * before its loop, rather than once per character). */
static inline size_t ss_utf8_write(uint32_t u, char *out, size_t len)
{
    if (u < 0x80) {
        out[len] = (char)u;
        return len + 1;
    }
    if (u < 0x800) {
        out[len] = (char)(0xc0 | u >> 6);
        out[len + 1] = (char)(0x80 | (u & 0x3f));
        return len + 2;
    }
    if (u < 0x10000) {
        out[len] = (char)(0xe0 | u >> 12);
        out[len + 1] = (char)(0x80 | (u >> 6 & 0x3f));
        out[len + 2] = (char)(0x80 | (u & 0x3f));
        return len + 3;
    }
    out[len] = (char)(0xf0 | u >> 18);
    out[len + 1] = (char)(0x80 | (u >> 12 & 0x3f));
    out[len + 2] = (char)(0x80 | (u >> 6 & 0x3f));
    out[len + 3] = (char)(0x80 | (u & 0x3f));
    return len + 4;
}

/* Appends u at out[len], keeping one byte free for the NUL the caller
 * writes once at the end. Returns the new length, or 0 (nothing written)
 * when it does not fit. The length is passed by value so that the loops
 * calling this keep it in a register: a store through char *out could
 * otherwise alias a length held in memory. With checked false the caller
 * has bounded the whole output already and no check is made. */
static inline size_t ss_utf8_put(uint32_t u, char *out, size_t cap, size_t len, bool checked)
{
    if (checked && len + ss_utf8_len(u) >= cap)
        return 0;
    return ss_utf8_write(u, out, len);
}

/* Ends a conversion: NUL-terminates out at len and reports both results. */
static inline enum ss_result ss_utf8_end(char *out, size_t len, unsigned nbad, size_t *out_len,
                                         unsigned *bad, enum ss_result r)
{
    out[len] = '\0';
    *out_len = len;
    *bad = nbad;
    return r;
}

#endif
