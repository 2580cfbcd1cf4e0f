/* How normalised text is presented to the matcher: the byte encoding of
 * its code points. Chinese UTF-8 spends two of every three bytes on a
 * handful of lead values (e4-e9) and continuation bits, which starves
 * Hyperscan's literal prefilters of entropy; the remap presentation
 * gives the 3755 common hanzi two-byte codes spread over 59 x 64 byte
 * values instead (measured in bench/match_presentation.c, see
 * bench/README.md "Matching: text presentation").
 *
 * Remap encoding (a prefix code; first bytes and trail bytes are
 * disjoint, so a pattern's code can only match at a code boundary):
 *   U+0000-U+007F            the ASCII byte itself
 *   hanzi of rank r < 3755   0x80 + r/64, 0xc0 + r%64   (cjk_table.h)
 *   other cp < 0x40000       0xbe, then 3 trail bytes 0xc0 + 6 bits each
 *   other cp                 0xbf, then 4 trail bytes 0xc0 + 6 bits each
 * Lead bytes 0xbb-0xbd are unused. */
#ifndef SS_PRESENT_H
#define SS_PRESENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/match/cjk_table.h"

#define SS_PRESENTATION_LIST(X)                                                                    \
    X(UTF8, "utf8")                                                                                \
    X(UTF16LE, "utf16le")                                                                          \
    X(REMAP, "remap")

enum ss_presentation {
#define SS_PRES_ENUM(name, str) SS_PRES_##name,
    SS_PRESENTATION_LIST(SS_PRES_ENUM)
#undef SS_PRES_ENUM
        SS_PRES_COUNT
};

/* The fastest with identical matches on this project's benchmark. */
#define SS_PRES_DEFAULT SS_PRES_REMAP

/* Most bytes one code point takes in any presentation. */
#define SS_PRES_CODE_MAX 5

#define SS_REMAP_LEAD      0x80u
#define SS_REMAP_LEAD_LAST 0xbau /* 0x80 + (SS_CJK_CODES - 1) / 64 */
#define SS_REMAP_ESC3      0xbeu
#define SS_REMAP_ESC4      0xbfu
#define SS_REMAP_TRAIL     0xc0u

const char *ss_presentation_name(enum ss_presentation p);
/* False when name is not one of the names above. */
bool ss_presentation_parse(const char *name, enum ss_presentation *out);

/* The encoders are inline: the normaliser calls one per character. */
static inline size_t ss_utf8_code(uint32_t cp, uint8_t b[4])
{
    if (cp < 0x80) {
        b[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (uint8_t)(0xc0 | cp >> 6);
        b[1] = (uint8_t)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (uint8_t)(0xe0 | cp >> 12);
        b[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
        b[2] = (uint8_t)(0x80 | (cp & 0x3f));
        return 3;
    }
    b[0] = (uint8_t)(0xf0 | cp >> 18);
    b[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3f));
    b[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
    b[3] = (uint8_t)(0x80 | (cp & 0x3f));
    return 4;
}

static inline size_t ss_utf16le_code(uint32_t cp, uint8_t b[4])
{
    if (cp < 0x10000) {
        b[0] = (uint8_t)cp;
        b[1] = (uint8_t)(cp >> 8);
        return 2;
    }
    uint32_t v = cp - 0x10000;
    uint32_t hi = 0xd800 | v >> 10, lo = 0xdc00 | (v & 0x3ff);
    b[0] = (uint8_t)hi;
    b[1] = (uint8_t)(hi >> 8);
    b[2] = (uint8_t)lo;
    b[3] = (uint8_t)(lo >> 8);
    return 4;
}

static inline size_t ss_remap_code(uint32_t cp, uint8_t b[SS_PRES_CODE_MAX])
{
    if (cp < 0x80) {
        b[0] = (uint8_t)cp;
        return 1;
    }
    int rank = ss_cjk_rank(cp);
    if (rank >= 0) {
        b[0] = (uint8_t)(SS_REMAP_LEAD + (unsigned)rank / 64);
        b[1] = (uint8_t)(SS_REMAP_TRAIL + (unsigned)rank % 64);
        return 2;
    }
    size_t trails = cp < 0x40000 ? 3 : 4;
    b[0] = (uint8_t)(trails == 3 ? SS_REMAP_ESC3 : SS_REMAP_ESC4);
    for (size_t i = 0; i < trails; i++)
        b[1 + i] = (uint8_t)(SS_REMAP_TRAIL + (cp >> (6 * (trails - 1 - i)) & 0x3f));
    return 1 + trails;
}

/* Appends the presentation of cp at out[*len]. False (nothing written)
 * when it does not fit in cap. */
static inline bool ss_present_cp(enum ss_presentation p, uint32_t cp, uint8_t *out, size_t cap,
                                 size_t *len)
{
    uint8_t b[SS_PRES_CODE_MAX];
    size_t n;

    switch (p) {
    case SS_PRES_UTF8:
        n = ss_utf8_code(cp, b);
        break;
    case SS_PRES_UTF16LE:
        n = ss_utf16le_code(cp, b);
        break;
    default:
        n = ss_remap_code(cp, b);
        break;
    }
    if (*len + n > cap)
        return false;
    for (size_t i = 0; i < n; i++) /* n <= 5: a loop, not a memcpy call */
        out[*len + i] = b[i];
    *len += n;
    return true;
}

/* Decodes the code point presented at in[*off] and advances *off: the
 * inverse of ss_present_cp. SS_END at the end of input, SS_TRUNCATED or
 * SS_BAD_VALUE on bytes ss_present_cp never writes. */
enum ss_result ss_present_next(enum ss_presentation p, const uint8_t *in, size_t len, size_t *off,
                               uint32_t *cp);

/* Output bytes per pattern byte that ss_present_regex never exceeds: the
 * longest rewrite is `.` (one byte) into a whole-code alternation. */
#define SS_PRES_REGEX_GROWTH 128

/* Rewrites a regular expression written over UTF-8 normalised text into
 * one over the presentation's bytes, NUL-terminated in out: non-ASCII
 * literals become their byte codes, `.`, negated classes, \D \W \S
 * match one whole code. UTF-8 is returned unchanged (compile it with
 * HS_FLAG_UTF8). SS_BAD_VALUE with a message in err for constructs that
 * cannot be rewritten (non-ASCII inside [...], \x{...}); SS_OVERSIZE
 * when out is too small. */
enum ss_result ss_present_regex(enum ss_presentation p, const char *re, char *out, size_t cap,
                                char *err, size_t errcap);

#endif
