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

/* One element as TCAP and MAP use it. The class and the constructed bit
 * are those of id (ss_ber_cls, ss_ber_constructed); an indefinite-length
 * element's total counts its end-of-contents octets. */
struct ss_ber {
    const uint8_t *val; /* contents */
    size_t len;         /* contents length (without end-of-contents) */
    size_t total;       /* identifier + length + contents (+ EOC): bytes to skip */
    uint32_t tag;       /* tag number */
    uint8_t id;         /* first identifier octet as on the wire (e.g. 0xa1) */
};

static inline unsigned ss_ber_cls(const struct ss_ber *e)
{
    return e->id >> 6; /* SS_BER_* */
}

static inline bool ss_ber_constructed(const struct ss_ber *e)
{
    return (e->id & 0x20) != 0;
}

/* Reads one element at p. For indefinite lengths the contents are walked to
 * find the matching end-of-contents (SS_TOO_DEEP past SS_BER_MAX_DEPTH). */
enum ss_result ss_ber_read(const uint8_t *p, size_t len, struct ss_ber *out);

/* Room for the nested indefinite elements of one TCAP message: message,
 * dialogue portion (4 levels), component portion, component, parameter. */
#define SS_BER_MEMO_MAX 8

/* The contents lengths of the indefinite-length elements nested in one
 * walk, keyed by where their contents start. The length found for
 * contents starting at val depends on the octets from val alone (the
 * walk stops at their end-of-contents, and a nested walk is never deeper
 * than the enclosing one), so a later read of an element whose contents
 * start there takes it instead of walking them again (a TCAP message in
 * indefinite form was otherwise walked once per level: message, component
 * portion, component, parameter). Only n needs initialising (to 0). */
struct ss_ber_memo {
    unsigned n;
    struct {
        const uint8_t *val;
        size_t len;
    } e[SS_BER_MEMO_MAX];
};

/* ss_ber_read that records in m the nested indefinite elements its walk
 * finds (as many as fit; m->n counts them). */
enum ss_result ss_ber_read_record(const uint8_t *p, size_t len, struct ss_ber *out,
                                  struct ss_ber_memo *m);

/* ss_ber_read that takes an indefinite element's contents length from m
 * when m knows where they start; the same results. m may be NULL. */
enum ss_result ss_ber_read_known(const uint8_t *p, size_t len, struct ss_ber *out,
                                 const struct ss_ber_memo *m);

/* The header length of the element at p[0..len) when it has a low tag
 * number and a short or one-octet long-form (0x81) definite length and
 * its contents fit, *n then the contents length (ss_ber_read reads the
 * same); 0 for every other element, *n untouched. For the octet-matching
 * fast paths of TCAP and MAP. */
static inline size_t ss_ber_header(const uint8_t *p, size_t len, size_t *n)
{
    if (len < 2 || (p[0] & 0x1f) == 0x1f)
        return 0;
    if (p[1] < 0x80) {
        if (p[1] > len - 2)
            return 0;
        *n = p[1];
        return 2;
    }
    if (p[1] != 0x81 || len < 3 || p[2] > len - 3)
        return 0;
    *n = p[2];
    return 3;
}

/* ss_ber_read with its commonest form decoded at the call site: a low tag
 * number and a short definite length that fits. Any other form, or one
 * that does not fit, takes ss_ber_read, so the results are the same.
 * (Taking the one-octet long form here as well, as ss_ber_header does,
 * measured more instructions in all, twice: the larger inline body at
 * each call site.) ss_ber_short is that form alone: true when it read it. */
static inline bool ss_ber_short(const uint8_t *p, size_t len, struct ss_ber *out)
{
    if (len < 2 || (p[0] & 0x1f) == 0x1f || p[1] >= 0x80 || p[1] > len - 2)
        return false;
    out->val = p + 2;
    out->len = p[1];
    out->total = 2 + (size_t)p[1];
    out->tag = p[0] & 0x1f;
    out->id = p[0];
    return true;
}

static inline enum ss_result ss_ber_read_short(const uint8_t *p, size_t len, struct ss_ber *out)
{
    return ss_ber_short(p, len, out) ? SS_OK : ss_ber_read(p, len, out);
}

/* ss_ber_read_short falling back to ss_ber_read_known. */
static inline enum ss_result ss_ber_read_short_known(const uint8_t *p, size_t len,
                                                     struct ss_ber *out,
                                                     const struct ss_ber_memo *m)
{
    return ss_ber_short(p, len, out) ? SS_OK : ss_ber_read_known(p, len, out, m);
}

/* Unsigned / two's-complement integer contents of 1..4 octets. */
enum ss_result ss_ber_int(const struct ss_ber *e, int32_t *v);

#endif
