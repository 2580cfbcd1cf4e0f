/* Descriptor and completion rings of the keyword-matching block; see
 * ring.h. */
#include "dataplane/fpga/ring.h"

#include <string.h>

_Static_assert((SS_FPGA_SQ_SIZE & (SS_FPGA_SQ_SIZE - 1)) == 0, "SQ size is a power of two");
_Static_assert((SS_FPGA_CQ_SIZE & (SS_FPGA_CQ_SIZE - 1)) == 0, "CQ size is a power of two");
_Static_assert(sizeof(struct ss_fpga_desc) == 16, "a descriptor is 16 bytes");
_Static_assert(sizeof(struct ss_kwm_record) == 16, "a record is 16 bytes");

void ss_fpga_ring_init(struct ss_fpga_ring *r)
{
    memset(r, 0, sizeof *r);
}

bool ss_fpga_sq_post(struct ss_fpga_ring *r, const struct ss_fpga_desc *d)
{
    if (r->sq_tail - r->sq_head == SS_FPGA_SQ_SIZE)
        return false;
    r->sq[r->sq_tail & (SS_FPGA_SQ_SIZE - 1)] = *d;
    r->sq_tail++;
    return true;
}

bool ss_fpga_cq_pop(struct ss_fpga_ring *r, struct ss_kwm_record *rec)
{
    if (r->cq_head == r->cq_tail)
        return false;
    *rec = r->cq[r->cq_head & (SS_FPGA_CQ_SIZE - 1)];
    r->cq_head++;
    return true;
}

bool ss_fpga_sq_fetch(struct ss_fpga_ring *r, struct ss_fpga_desc *d)
{
    if (r->sq_head == r->sq_tail)
        return false;
    *d = r->sq[r->sq_head & (SS_FPGA_SQ_SIZE - 1)];
    r->sq_head++;
    return true;
}

bool ss_fpga_cq_has_room(const struct ss_fpga_ring *r)
{
    return r->cq_tail - r->cq_head < SS_FPGA_CQ_SIZE;
}

void ss_fpga_cq_push(struct ss_fpga_ring *r, const struct ss_kwm_record *rec)
{
    r->cq[r->cq_tail & (SS_FPGA_CQ_SIZE - 1)] = *rec;
    r->cq_tail++;
}
