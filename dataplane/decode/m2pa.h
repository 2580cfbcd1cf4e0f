/* M2PA (RFC 4165) User Data carrying an ITU MTP3 MSU (Q.704): SIO and the
 * 14-bit routing label. Link Status and other M2PA messages are valid and
 * carry no MSU. */
#ifndef SS_M2PA_H
#define SS_M2PA_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

enum { SS_M2PA_USER_DATA = 1, SS_M2PA_LINK_STATUS = 2 };
enum { SS_MTP3_SI_SCCP = 3 };

struct ss_mtp3 {
    uint8_t si, ni;
    uint32_t opc, dpc; /* 14-bit ITU point codes */
    uint8_t sls;
    const uint8_t *payload; /* signalling information after the label */
    size_t len;
};

struct ss_m2pa {
    uint8_t type;
    uint32_t bsn, fsn;
    const uint8_t *msu; /* SIO onwards; NULL when the message has none */
    size_t msu_len;
};

enum ss_result ss_m2pa_decode(const uint8_t *p, size_t len, struct ss_m2pa *out);
/* Decodes SIO + ITU routing label (Q.704 §2.2) from an MSU. */
enum ss_result ss_mtp3_decode(const uint8_t *msu, size_t len, struct ss_mtp3 *out);

#endif
