/* M3UA messages (RFC 4666 §3). */
#ifndef SG_ENCODE_M3UA_H
#define SG_ENCODE_M3UA_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

#define SG_PPID_M3UA 3

/* RFC 4666 §3.1.2 message classes and the types generated here. */
#define SG_M3UA_ASPSM      3
#define SG_M3UA_ASPTM      4
#define SG_ASPSM_ASPUP     1
#define SG_ASPSM_BEAT      3
#define SG_ASPSM_ASPUP_ACK 4
#define SG_ASPSM_BEAT_ACK  6
#define SG_ASPTM_ASPAC     1
#define SG_ASPTM_ASPAC_ACK 3

/* Parameters of a DATA message, written in the order given (RFC 4666
 * §3.3.1 lists NA, RC, Protocol Data, Correlation Id; peers accept any). */
enum sg_m3ua_param { SG_M3UA_NA, SG_M3UA_RC, SG_M3UA_CORR, SG_M3UA_PD };

struct sg_m3ua_data {
    enum sg_m3ua_param order[4]; /* includes SG_M3UA_PD exactly once */
    size_t n_params;
    uint32_t network_appearance;
    uint32_t routing_context;
    uint32_t correlation_id;
    uint32_t opc, dpc;
    uint8_t si, ni, mp, sls;
};

/* DATA (§3.3.1) around an MTP3 user part payload. */
void sg_m3ua_data(struct sg_buf *out, const struct sg_m3ua_data *d, const uint8_t *payload,
                  size_t n);
/* ASPSM / ASPTM message; BEAT and BEAT ACK carry heartbeat data (§3.5.5). */
void sg_m3ua_management(struct sg_buf *out, uint8_t cls, uint8_t type, uint32_t routing_context,
                        uint32_t beat);

#endif
