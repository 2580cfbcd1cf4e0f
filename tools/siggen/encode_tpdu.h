/* SMS-SUBMIT and SMS-DELIVER TPDUs (TS 23.040 §9.2.2.1, §9.2.2.2). */
#ifndef SG_ENCODE_TPDU_H
#define SG_ENCODE_TPDU_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

/* TS 23.040 §9.1.2.5 type-of-address octets used by the generator. */
#define SG_TOA_INTERNATIONAL 0x91
#define SG_TOA_UNKNOWN       0x81
#define SG_TOA_ALPHANUMERIC  0xd0

/* TS 23.040 §9.2.3.3: TP-VPF values. */
enum sg_vpf { SG_VPF_NONE = 0, SG_VPF_ENHANCED = 1, SG_VPF_RELATIVE = 2, SG_VPF_ABSOLUTE = 3 };

struct sg_concat {
    bool ref16; /* IEI 0x08 (16-bit reference) instead of 0x00 */
    uint16_t ref;
    uint8_t total; /* 1: no user-data header */
    uint8_t seq;
};

struct sg_tpdu {
    bool deliver;     /* SMS-DELIVER (MT) or SMS-SUBMIT (MO) */
    const char *addr; /* TP-DA / TP-OA digits, or the text of an alphanumeric OA */
    uint8_t toa;
    uint8_t mr;         /* TP-MR (SUBMIT) */
    bool more_messages; /* DELIVER: clears TP-MMS */
    bool status_report; /* TP-SRR / TP-SRI */
    uint8_t dcs;
    bool ucs2;
    enum sg_vpf vpf;
    uint8_t vp_relative;
    int64_t time_sec;  /* TP-SCTS and absolute TP-VP, local time UTC+8 */
    const void *units; /* septets or UCS2 code units of this part */
    size_t n_units;
    struct sg_concat concat;
};

void sg_tpdu_encode(struct sg_buf *out, const struct sg_tpdu *t);
/* Largest part payload in units for the user-data header this concat uses. */
size_t sg_tpdu_part_capacity(bool ucs2, bool ref16);
/* Units that fit in a single unconcatenated message. */
size_t sg_tpdu_single_capacity(bool ucs2);

#endif
