/* The plan of one short message: its text and encoding, direction, MAP
 * version, addresses and how it is cut into concatenated parts. */
#ifndef SG_SMS_PLAN_H
#define SG_SMS_PLAN_H

#include <stdbool.h>
#include <stdint.h>
#include "context.h"
#include "encode_tpdu.h"
#include "truth.h"

struct sg_sms_plan {
    const struct sg_text *text;
    struct sg_link *link;
    bool mt;
    uint8_t map_version;
    uint8_t opcode;
    bool tcap_seg;
    bool indefinite;
    bool bundle;
    bool interleave; /* results held back behind later messages */
    bool ucs2;
    uint8_t dcs;
    char msisdn[16]; /* MO: SM-RP-OA */
    char imsi[16];   /* MT: SM-RP-DA */
    char smsc[16];
    char tp_addr[16]; /* MO: TP-DA; MT: TP-OA digits or alphanumeric text */
    uint8_t tp_toa;
    enum sg_vpf vpf;
    uint8_t vp_relative;
    uint8_t mr;
    bool status_report;
    struct sg_concat concat; /* total == parts */
    size_t start[SG_MAX_PARTS + 1];
    unsigned order[SG_MAX_PARTS]; /* the order the parts are sent in */
    struct sg_record record;
};

void sg_sms_plan_make(struct sg_ctx *c, struct sg_sms_plan *p);
/* The side that sends the forwardSM: the MSC for MO, the SMSC for MT. */
int sg_sms_plan_originator(const struct sg_sms_plan *p);
/* The TPDU of part `part` (0-based sequence), written to out. */
void sg_sms_plan_tpdu(const struct sg_sms_plan *p, unsigned part, int64_t time_sec,
                      struct sg_buf *out);

#endif
