/* GSM MAP operation arguments and results (TS 29.002). */
#ifndef SG_ENCODE_MAP_H
#define SG_ENCODE_MAP_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

/* TS 29.002 §17.5 operation codes. */
#define SG_OP_MT_FORWARD_SM 44
#define SG_OP_SRI_FOR_SM    45
#define SG_OP_FORWARD_SM    46 /* forwardSM v1/v2, mo-forwardSM v3 */

struct sg_forward_sm {
    bool mt;
    const char *imsi;    /* MT: SM-RP-DA */
    const char *smsc;    /* MO: SM-RP-DA, MT: SM-RP-OA */
    const char *msisdn;  /* MO: SM-RP-OA */
    const uint8_t *tpdu; /* SM-RP-UI */
    size_t tpdu_len;
    bool more_messages; /* MT: moreMessagesToSend */
    bool indefinite;
};

/* ForwardSM-Arg (v1/v2), MO-ForwardSM-Arg and MT-ForwardSM-Arg (v3): the
 * three share sm-RP-DA, sm-RP-OA, sm-RP-UI (TS 29.002 §12.2, §12.9). */
void sg_map_forward_sm_arg(struct sg_buf *out, const struct sg_forward_sm *a);
/* RoutingInfoForSM-Arg (TS 29.002 §12.1). */
void sg_map_sri_sm_arg(struct sg_buf *out, const char *msisdn, const char *smsc);
/* RoutingInfoForSM-Res with locationInfoWithLMSI.networkNode-Number. */
void sg_map_sri_sm_res(struct sg_buf *out, const char *imsi, const char *msc);

#endif
