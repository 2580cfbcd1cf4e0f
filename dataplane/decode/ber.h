/* ASN.1 BER (X.690) tag-length-value reader for TCAP and MAP: high tag
 * numbers, short and long definite lengths, indefinite lengths ended by
 * end-of-contents. */
#ifndef SS_BER_H
#define SS_BER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

enum { SS_BER_UNIVERSAL = 0, SS_BER_APPLICATION = 1, SS_BER_CONTEXT = 2, SS_BER_PRIVATE = 3 };

/* Bound on nesting while measuring an indefinite-length element. */
#define SS_BER_MAX_DEPTH 16

struct ss_ber {
    uint8_t cls;        /* SS_BER_* */
    bool constructed;
    uint32_t tag;       /* tag number */
    uint8_t id;         /* first identifier octet as on the wire (e.g. 0xa1) */
    bool indefinite;
    const uint8_t *val; /* contents */
    size_t len;         /* contents length (without end-of-contents) */
    size_t total;       /* identifier + length + contents (+ EOC): bytes to skip */
};

/* Reads one element at p. For indefinite lengths the contents are walked to
 * find the matching end-of-contents (SS_TOO_DEEP past SS_BER_MAX_DEPTH). */
enum ss_result ss_ber_read(const uint8_t *p, size_t len, struct ss_ber *out);
/* ss_ber_read with its commonest form decoded at the call site: a low tag
 * number and a short definite length that fits. TCAP and MAP read several
 * such elements per message; any other form, or one that does not fit,
 * takes ss_ber_read, so the results are the same. (Taking the one-octet
 * long form here as well measured 1% more instructions in all: the
 * TCAP message and the MAP argument keep ss_ber_read.) */
static inline enum ss_result ss_ber_read_short(const uint8_t *p, size_t len, struct ss_ber *out)
{
    if (len < 2 || (p[0] & 0x1f) == 0x1f || p[1] >= 0x80 || p[1] > len - 2)
        return ss_ber_read(p, len, out);
    out->id = p[0];
    out->cls = p[0] >> 6;
    out->constructed = (p[0] & 0x20) != 0;
    out->tag = p[0] & 0x1f;
    out->indefinite = false;
    out->val = p + 2;
    out->len = p[1];
    out->total = 2 + (size_t)p[1];
    return SS_OK;
}
/* Unsigned / two's-complement integer contents of 1..4 octets. */
enum ss_result ss_ber_int(const struct ss_ber *e, int32_t *v);

#endif
