/* TCAP (ITU-T Q.773): message type, transaction ids, dialogue portion with
 * the application-context name, and the component walk (Invoke,
 * ReturnResult(Last/NotLast), ReturnError, Reject). Only the local opcode
 * form is decoded (MAP uses it). */
#ifndef SS_TCAP_H
#define SS_TCAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/ber.h"
#include "dataplane/decode/result.h"

enum {
    SS_TCAP_UNI = 0x61,
    SS_TCAP_BEGIN = 0x62,
    SS_TCAP_END = 0x64,
    SS_TCAP_CONTINUE = 0x65,
    SS_TCAP_ABORT = 0x67,
};

enum {
    SS_TCAP_INVOKE = 0xa1,
    SS_TCAP_RESULT_LAST = 0xa2,
    SS_TCAP_ERROR = 0xa3,
    SS_TCAP_REJECT = 0xa4,
    SS_TCAP_RESULT_NOT_LAST = 0xa7,
};

#define SS_TCAP_ACN_MAX 16

struct ss_tcap {
    uint8_t type;            /* SS_TCAP_BEGIN... */
    bool has_otid, has_dtid;
    uint32_t otid, dtid;     /* 1..4 octets, big-endian */
    uint8_t otid_len, dtid_len;
    bool has_acn;            /* dialogue portion carried an AARQ/AARE ACN */
    uint8_t acn[SS_TCAP_ACN_MAX]; /* OID contents octets */
    uint8_t acn_len;
    /* For MAP ACNs {0 4 0 0 1 0 ac v}: ac and v; 0 when not a MAP ACN. */
    uint8_t map_ac, map_version;
    const uint8_t *components; /* contents of the component portion */
    size_t components_len;     /* 0 when absent */
    /* The indefinite-length elements the message's walk met, so that the
     * component walk reads them without walking them again. Last: the
     * decode clears only the fields above it and memo.n. */
    struct ss_ber_memo memo;
};

struct ss_tcap_component {
    uint8_t type;            /* SS_TCAP_INVOKE... */
    bool has_invoke_id;
    int32_t invoke_id;
    bool has_opcode;
    int32_t opcode;          /* local opcode (Invoke, ReturnResult with result) */
    bool has_error;
    int32_t error;           /* local error code (ReturnError) */
    const uint8_t *param;    /* the whole parameter element, tag included */
    size_t param_len;        /* 0 when absent */
};

struct ss_tcap_iter {
    const uint8_t *p;
    size_t len;
    size_t off;
    const struct ss_ber_memo *memo; /* the message's: it must outlive the walk */
};

enum ss_result ss_tcap_decode(const uint8_t *p, size_t len, struct ss_tcap *out);
void ss_tcap_iter_init(struct ss_tcap_iter *it, const struct ss_tcap *t);
/* SS_OK, SS_END, or an error (the walk stops). */
enum ss_result ss_tcap_next_component(struct ss_tcap_iter *it, struct ss_tcap_component *c);

#endif
