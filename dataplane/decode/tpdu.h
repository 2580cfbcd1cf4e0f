/* SMS TPDUs (3GPP TS 23.040 §9.2): SMS-SUBMIT and SMS-DELIVER decoded in
 * full; SMS-STATUS-REPORT and SMS-COMMAND recognised (mti set, SS_OK, no
 * user data). TP-DCS per TS 23.038 §4. UDH per §9.2.3.24. */
#ifndef SS_TPDU_H
#define SS_TPDU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

/* Which way the TPDU travels decides how TP-MTI reads (TS 23.040 §9.2.3.1). */
enum ss_tp_dir { SS_TP_MS_TO_SC = 0, SS_TP_SC_TO_MS = 1 };

enum ss_tp_mti {
    SS_TP_DELIVER,
    SS_TP_DELIVER_REPORT,
    SS_TP_SUBMIT,
    SS_TP_SUBMIT_REPORT,
    SS_TP_STATUS_REPORT,
    SS_TP_COMMAND,
    SS_TP_RESERVED,
};

enum ss_tp_alphabet { SS_ALPHA_GSM7 = 0, SS_ALPHA_8BIT = 1, SS_ALPHA_UCS2 = 2 };

/* UTF-8 text of an alphanumeric address is at most 11 septets x 3 bytes. */
#define SS_TP_ADDR_MAX 48

struct ss_tp_addr {
    uint8_t ton, npi;
    bool alpha;                 /* TON 101: GSM 7-bit packed text */
    char text[SS_TP_ADDR_MAX];  /* digits, or UTF-8 text when alpha */
};

enum ss_tp_vpf { SS_TP_VP_NONE = 0, SS_TP_VP_ENHANCED = 1, SS_TP_VP_RELATIVE = 2, SS_TP_VP_ABSOLUTE = 3 };

struct ss_tp_dcs {
    enum ss_tp_alphabet alphabet;
    bool compressed;
    bool has_class;
    uint8_t msg_class;          /* 0..3 when has_class */
    bool reserved;              /* reserved coding group: treated as GSM 7-bit */
};

struct ss_tp_udh {
    bool has_concat;
    uint16_t concat_ref;        /* 8- or 16-bit reference */
    uint8_t concat_ref_bits;    /* 8 (IEI 0x00) or 16 (IEI 0x08) */
    uint8_t concat_total, concat_seq;
    bool has_ports;
    uint16_t port_dst, port_src;
    uint8_t lang_single, lang_locking; /* IEI 0x24 / 0x25, 0 = default */
};

struct ss_tpdu {
    enum ss_tp_mti mti;
    bool mms, rp, udhi, srr;    /* srr: status report request/indication */
    bool rd;                    /* SUBMIT: reject duplicates */
    uint8_t mr;                 /* SUBMIT: message reference */
    enum ss_tp_vpf vpf;
    struct ss_tp_addr addr;     /* SUBMIT: TP-DA; DELIVER: TP-OA */
    uint8_t pid, dcs;
    struct ss_tp_dcs dcs_info;
    uint8_t scts[7];            /* DELIVER: service-centre time stamp */
    uint8_t udl;                /* septets (GSM 7-bit) or octets */
    const uint8_t *ud;          /* all user data octets, UDH included */
    size_t ud_len;
    size_t udh_len;             /* octets of UDH including UDHL; 0 if none */
    struct ss_tp_udh udh;
};

enum ss_result ss_tpdu_decode(const uint8_t *p, size_t len, enum ss_tp_dir dir, struct ss_tpdu *out);
void ss_tp_dcs_decode(uint8_t dcs, struct ss_tp_dcs *out);

#endif
