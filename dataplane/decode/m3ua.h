/* M3UA (RFC 4666): common header and, for Transfer/DATA, the optional
 * Network Appearance, Routing Context and Correlation Id in any order
 * around the mandatory Protocol Data. */
#ifndef SS_M3UA_H
#define SS_M3UA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

enum {
    SS_M3UA_CLASS_MGMT = 0,
    SS_M3UA_CLASS_TRANSFER = 1,
    SS_M3UA_CLASS_SSNM = 2,
    SS_M3UA_CLASS_ASPSM = 3,
    SS_M3UA_CLASS_ASPTM = 4,
    SS_M3UA_CLASS_RKM = 9,
    SS_M3UA_CLASS_MAX = 16, /* counters are kept for classes 0..15 */
};

struct ss_m3ua {
    uint8_t cls, type;
    bool has_na, has_rc, has_corr;
    uint32_t na, rc, corr;
    /* Protocol Data (only for class 1 type 1) */
    uint32_t opc, dpc;
    uint8_t si, ni, mp, sls;
    const uint8_t *payload; /* user part (SCCP when si == 3); NULL otherwise */
    size_t len;
};

/* Every well-formed message returns SS_OK; the caller looks at cls/type.
 * DATA without Protocol Data is SS_BAD_VALUE. */
enum ss_result ss_m3ua_decode(const uint8_t *p, size_t len, struct ss_m3ua *out);

#endif
