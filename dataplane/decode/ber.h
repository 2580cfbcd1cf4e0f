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
/* Unsigned / two's-complement integer contents of 1..4 octets. */
enum ss_result ss_ber_int(const struct ss_ber *e, int32_t *v);

#endif
