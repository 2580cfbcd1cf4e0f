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

/* A global title kept as its BCD octets (Q.713 §3.4.2.3): every record
 * carries the link's two GTs, but only one that is written out needs
 * them as text (converting both per part showed in the decode profile).
 * Digits past SS_DIGITS_MAX are never needed: the SCCP decoder refuses a
 * GT whose digits would not fit, so a longer one ends in a filler by then. */
#define SS_SM_GT_OCTETS (SS_DIGITS_MAX / 2)

struct ss_sm_gt {
    uint8_t len;        /* octets kept in oct */
    uint8_t max_digits; /* digits the octets hold (filler excluded) */
    uint8_t oct[SS_SM_GT_OCTETS];
};

/* The GT's digits as text, "" when there is none. */
static inline void ss_sm_gt_digits(const struct ss_sm_gt *g, char out[SS_DIGITS_MAX + 1])
{
    out[0] = '\0';
    if (g->len)
        (void)ss_bcd_decode(g->oct, g->len, g->max_digits, out);
}

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
    struct ss_sm_gt called_gt, calling_gt;
    uint64_t ts_ns;        /* capture time of the frame that completed it */
    struct ss_frames frames;
    bool has_text;         /* false for 8-bit data and compressed text */
    size_t text_len;
    char text[SS_SM_TEXT_MAX + 1]; /* UTF-8, NUL-terminated */
};

#endif
