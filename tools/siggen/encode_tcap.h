/* TCAP messages, dialogue portion and components (ITU-T Q.773). */
#ifndef SG_ENCODE_TCAP_H
#define SG_ENCODE_TCAP_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

/* Q.773 §4.2.1 message type tags. */
#define SG_TC_BEGIN    0x62
#define SG_TC_END      0x64
#define SG_TC_CONTINUE 0x65

/* TS 29.002 §17.3.2 application-context names used here. */
#define SG_AC_SM_GATEWAY  20
#define SG_AC_SM_RELAY    21 /* shortMsgRelayContext / shortMsgMO-RelayContext */
#define SG_AC_SM_MT_RELAY 25

enum sg_dialogue_apdu { SG_DLG_NONE, SG_DLG_AARQ, SG_DLG_AARE };

struct sg_tcap_msg {
    uint8_t type;
    uint32_t otid; /* Begin, Continue */
    uint32_t dtid; /* Continue, End */
    enum sg_dialogue_apdu dialogue;
    uint8_t ac; /* application-context name, last-but-one arc */
    uint8_t ac_version;
    const struct sg_buf *component; /* one encoded component, or NULL */
    bool indefinite;                /* message and component portion */
};

void sg_tcap_encode(struct sg_buf *out, const struct sg_tcap_msg *m);
/* Invoke component (Q.773 §4.2.2.2) with an already encoded parameter. */
void sg_tcap_invoke(struct sg_buf *out, uint8_t invoke_id, uint8_t opcode,
                    const struct sg_buf *param, bool indefinite);
/* ReturnResultLast; with a NULL result it carries only the invoke id. */
void sg_tcap_result_last(struct sg_buf *out, uint8_t invoke_id, uint8_t opcode,
                         const struct sg_buf *result);

#endif
