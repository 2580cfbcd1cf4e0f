/* SCCP segment reassembly (Q.714 §4.1.1.2): XUDT/LUDT segments with the
 * same calling address, OPC and segmentation local reference, the first
 * with F set and `remaining` counting down to 0. Bounded slots and bytes,
 * expiry by capture time. */
#ifndef SS_SCCP_REASM_H
#define SS_SCCP_REASM_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/decode/sccp.h"
#include "dataplane/reasm/frames.h"

/* Q.714: a segmented message carries at most 3952 octets of user data. */
#define SS_SCCP_REASM_MSG_MAX 4096
#define SS_SCCP_REASM_SEGS_MAX 16

struct ss_sccp_reasm;

struct ss_sccp_reasm *ss_sccp_reasm_new(uint32_t slots, uint64_t timeout_ns);
void ss_sccp_reasm_free(struct ss_sccp_reasm *r);

/* m must have has_seg. Returns SS_HELD, SS_DUPLICATE, SS_BAD_VALUE (a
 * segment out of sequence), SS_TABLE_FULL, SS_OVERSIZE, or SS_OK with the
 * whole user data at *data, *len (valid until the next call) and *frames
 * the union of the segments' frames (frames_in is this segment's). */
enum ss_result ss_sccp_reasm_add(struct ss_sccp_reasm *r, uint32_t opc, const struct ss_sccp *m,
                                 uint64_t ts_ns, const struct ss_frames *frames_in,
                                 const uint8_t **data, size_t *len, struct ss_frames *frames);
uint32_t ss_sccp_reasm_expire(struct ss_sccp_reasm *r, uint64_t now_ns);
uint32_t ss_sccp_reasm_in_use(const struct ss_sccp_reasm *r);

#endif
