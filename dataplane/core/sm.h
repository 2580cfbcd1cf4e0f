/* The short-message record: the contract between decoding and judging.
 * One record per complete short message (all concatenated parts joined). */
#ifndef SS_SM_H
#define SS_SM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/bcd.h"
#include "dataplane/decode/text.h"
#include "dataplane/decode/tpdu.h"
#include "dataplane/reasm/frames.h"

/* Most parts of one concatenated message sigsift keeps (spam rarely
 * exceeds 5; longer ones are counted as concat.oversize). */
#define SS_CONCAT_PARTS_MAX 16
#define SS_SM_TEXT_MAX (SS_CONCAT_PARTS_MAX * SS_PART_TEXT_MAX)

enum ss_dir { SS_DIR_MO = 0, SS_DIR_MT = 1 };

struct ss_sm {
    enum ss_dir dir;
    uint8_t opcode;        /* 44 or 46 */
    uint8_t map_version;   /* 1, 2, 3; 0 = unknown (null) */
    uint8_t dcs;
    uint8_t parts;         /* 1 for a single message */
    bool has_recipient, has_imsi, has_smsc;
    char sender[SS_TP_ADDR_MAX];        /* MO: SM-RP-OA MSISDN; MT: TP-OA */
    char recipient[SS_DIGITS_MAX + 1];  /* MO: TP-DA */
    char imsi[SS_DIGITS_MAX + 1];       /* MT: SM-RP-DA IMSI */
    char smsc[SS_DIGITS_MAX + 1];       /* service-centre address */
    bool sender_alpha;                  /* TP-OA was alphanumeric */
    /* Concatenation: valid when parts > 1 */
    uint16_t concat_ref;
    /* Link */
    uint32_t opc, dpc;
    char called_gt[SS_DIGITS_MAX + 1], calling_gt[SS_DIGITS_MAX + 1];
    uint64_t ts_ns;        /* capture time of the frame that completed it */
    struct ss_frames frames;
    bool has_text;         /* false for 8-bit data and compressed text */
    size_t text_len;
    char text[SS_SM_TEXT_MAX + 1]; /* UTF-8, NUL-terminated */
};

#endif
