/* SCCP connectionless messages (ITU-T Q.713): UDT, XUDT (with optional
 * parameters and segmentation), LUDT; UDTS/XUDTS/LUDTS are recognised.
 * Called/calling party addresses (§3.4): routing indicator, SSN, point
 * code and global title (GTI 1-4). */
#ifndef SS_SCCP_H
#define SS_SCCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/bcd.h"
#include "dataplane/decode/result.h"

enum {
    SS_SCCP_UDT = 0x09,
    SS_SCCP_UDTS = 0x0a,
    SS_SCCP_XUDT = 0x11,
    SS_SCCP_XUDTS = 0x12,
    SS_SCCP_LUDT = 0x13,
    SS_SCCP_LUDTS = 0x14,
};

struct ss_sccp_addr {
    uint8_t ri;  /* routing indicator: 0 route on GT, 1 route on SSN */
    uint8_t gti; /* global title indicator, 0..4 */
    bool has_pc, has_ssn;
    uint16_t pc;             /* 14-bit ITU point code */
    uint8_t ssn;             /* 6 = HLR, 7 = VLR, 8 = MSC, 142.. */
    uint8_t tt, np, es, nai; /* those present for the GTI; 0 otherwise */
    /* The GT's BCD digit octets in the frame, NULL when there is no GT or
     * it is not BCD. Most messages never need the digits as text (only
     * those that reach MAP do), so they are converted on demand by
     * ss_sccp_gt_digits; a GT too long to convert is refused here. */
    const uint8_t *gt;
    size_t gt_len; /* octets */
    bool gt_odd;   /* odd number of digits: the last high nibble is filler */
};

/* XUDT/LUDT segmentation parameter (Q.713 §3.17). */
struct ss_sccp_seg {
    bool first;         /* F bit: first segment */
    bool in_seq;        /* C bit: class 1 requested */
    uint8_t remaining;  /* segments still to come after this one */
    uint32_t local_ref; /* 24-bit segmentation local reference */
};

struct ss_sccp {
    uint8_t type;
    uint8_t pclass; /* protocol class (UDT/XUDT/LUDT), return cause (*S) */
    uint8_t hop;    /* hop counter (XUDT/LUDT) */
    struct ss_sccp_addr called, calling;
    bool has_seg;
    struct ss_sccp_seg seg;
    const uint8_t *data; /* user data (TCAP) */
    size_t len;
};

enum ss_result ss_sccp_decode(const uint8_t *p, size_t len, struct ss_sccp *out);
enum ss_result ss_sccp_addr_decode(const uint8_t *p, size_t len, struct ss_sccp_addr *out);
/* The GT digits of a decoded address as text, "" when it has none; the
 * frame it was decoded from must still be in memory. */
void ss_sccp_gt_digits(const struct ss_sccp_addr *a, char out[SS_DIGITS_MAX + 1]);

#endif
