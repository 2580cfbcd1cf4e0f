/* SCCP connectionless messages UDT, XUDT and LUDT (ITU-T Q.713 §4.10,
 * §4.18, §4.20) with global-title routed party addresses (§3.4). */
#ifndef SG_ENCODE_SCCP_H
#define SG_ENCODE_SCCP_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

#define SG_SSN_HLR 6
#define SG_SSN_MSC 8

enum sg_sccp_kind { SG_SCCP_UDT, SG_SCCP_XUDT, SG_SCCP_LUDT };

struct sg_sccp_addr {
    uint8_t ssn;
    const char *gt; /* E.164 digits, GTI 4 */
};

/* Q.713 §3.17 segmentation parameter. */
struct sg_sccp_segment {
    bool present;
    bool first;
    uint8_t remaining;
    uint32_t local_ref; /* 24 bits */
};

struct sg_sccp_msg {
    enum sg_sccp_kind kind;
    uint8_t protocol_class; /* Q.713 §3.6, including the return-on-error bit */
    struct sg_sccp_addr called;
    struct sg_sccp_addr calling;
    const uint8_t *data;
    size_t data_len;
    struct sg_sccp_segment segment; /* XUDT only */
};

void sg_sccp_encode(struct sg_buf *out, const struct sg_sccp_msg *m);

#endif
