/* M2PA messages (RFC 4165 §2) carrying ITU MTP3 (Q.704 §2.2, §15). */
#ifndef SG_ENCODE_M2PA_H
#define SG_ENCODE_M2PA_H

#include <stdint.h>
#include "buf.h"

#define SG_PPID_M2PA 5

/* RFC 4165 §2.3.2 link states. */
#define SG_M2PA_ALIGNMENT      1
#define SG_M2PA_PROVING_NORMAL 2
#define SG_M2PA_READY          4

struct sg_mtp3_label {
    uint8_t ni;   /* network indicator, two bits */
    uint8_t si;   /* service indicator: 3 = SCCP */
    uint32_t opc; /* 14-bit ITU point codes */
    uint32_t dpc;
    uint8_t sls;
};

void sg_m2pa_user_data(struct sg_buf *out, uint32_t bsn, uint32_t fsn,
                       const struct sg_mtp3_label *l, const uint8_t *payload, size_t n);
void sg_m2pa_link_status(struct sg_buf *out, uint32_t bsn, uint32_t fsn, uint32_t state);

#endif
