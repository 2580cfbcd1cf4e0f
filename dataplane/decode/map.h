/* GSM MAP short-message relay operations (3GPP TS 29.002 §7.6.8, §17):
 * forwardSM (opcode 46, v1/v2), mo-forwardSM (46, v3), mt-forwardSM (44,
 * v3). Decodes the argument SEQUENCE: SM-RP-DA, SM-RP-OA, SM-RP-UI and the
 * optional IMSI of MO-ForwardSM-Arg v3. */
#ifndef SS_MAP_H
#define SS_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/bcd.h"
#include "dataplane/decode/result.h"

enum { SS_MAP_OP_MT_FORWARD_SM = 44, SS_MAP_OP_SRI_SM = 45, SS_MAP_OP_FORWARD_SM = 46 };

/* MAP application contexts (TS 29.002 §17.3.3) of interest. */
enum { SS_MAP_AC_SM_RELAY = 21, SS_MAP_AC_SM_MT_RELAY = 25 };

/* Which CHOICE alternative SM-RP-DA / SM-RP-OA used. */
enum ss_map_addr_kind {
    SS_MAP_ADDR_ABSENT = 0, /* noSM-RP-DA / noSM-RP-OA */
    SS_MAP_ADDR_IMSI,       /* DA [0] */
    SS_MAP_ADDR_LMSI,       /* DA [1] */
    SS_MAP_ADDR_MSISDN,     /* OA [2] */
    SS_MAP_ADDR_SC,         /* DA/OA [4] service-centre address */
};

struct ss_map_addr {
    enum ss_map_addr_kind kind;
    uint8_t ton_npi;          /* AddressString first octet (MSISDN, SC) */
    char digits[SS_DIGITS_MAX + 1]; /* IMSI / MSISDN / SC digits; LMSI as hex */
};

struct ss_map_sm {
    struct ss_map_addr da, oa;
    const uint8_t *ui;        /* SM-RP-UI contents: the TPDU */
    size_t ui_len;
    bool more_messages;       /* moreMessagesToSend present */
    bool has_imsi;            /* MO-ForwardSM-Arg v3 imsi */
    char imsi[SS_DIGITS_MAX + 1];
};

/* param/len: the whole parameter element of the Invoke (tag included). */
enum ss_result ss_map_sm_decode(const uint8_t *param, size_t len, struct ss_map_sm *out);

#endif
