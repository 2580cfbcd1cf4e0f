/* Ground-truth records: one JSON object per line, keys in the order of the
 * decoder's output contract plus "label". */
#ifndef SG_TRUTH_H
#define SG_TRUTH_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

struct sg_record {
    uint64_t ts_us; /* set when the completing frame is written */
    bool mt;
    uint8_t opcode;
    uint8_t map_version;
    char sender[24];    /* digits or alphanumeric text */
    char recipient[24]; /* "" writes null */
    char imsi[16];      /* "" writes null */
    char smsc[24];
    uint8_t dcs;
    uint8_t parts;
    const char *text;
    size_t text_len;
    uint32_t opc, dpc;
    char calling_gt[24];
    char called_gt[24];
    const char *label;
};

/* Appends the record as one JSON line. */
void sg_truth_format(struct sg_buf *out, const struct sg_record *r);

#endif
