/* One SCTP association of the tap: its network path, SCTP counters and the
 * MTP3-user adaptation (M3UA or M2PA) that carries SCCP over it.
 * Side 0 is the network (STP/MSC), side 1 the SMSC. */
#ifndef SG_LINK_H
#define SG_LINK_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"
#include "encode_net.h"
#include "prng.h"
#include "variant.h"

#define SG_LINK_STREAMS 4
#define SG_SIDE_NETWORK 0
#define SG_SIDE_SMSC    1

enum sg_adaptation { SG_ADAPT_M3UA, SG_ADAPT_M2PA };

struct sg_link_side {
    uint32_t pc; /* 14-bit ITU point code */
    uint16_t port;
    uint32_t vtag; /* verification tag this side expects */
    uint32_t next_tsn;
    bool sent_data;
    uint16_t ssn[SG_LINK_STREAMS];
    uint32_t fsn; /* M2PA forward sequence number */
    char gt[16];  /* MSC GT (network side) or SMSC GT */
};

struct sg_link {
    struct sg_net_path path;
    enum sg_adaptation adaptation;
    uint8_t ni;
    uint32_t routing_context;
    uint32_t network_appearance;
    char hlr_gt[16];
    struct sg_link_side side[2];
};

/* An adapted message ready for SCTP. */
struct sg_ulp {
    uint32_t ppid;
    uint16_t stream;
};

void sg_link_init(struct sg_link *l, struct sg_prng *r, unsigned index, const struct sg_variant *v);
/* Wraps an SCCP message sent by side `from` into M3UA DATA or M2PA User Data. */
struct sg_ulp sg_link_wrap_sccp(struct sg_link *l, struct sg_prng *r, int from, uint8_t sls,
                                const uint8_t *sccp, size_t n, struct sg_buf *out);

#endif
