/* Per-worker counters for every stage. Plain integers written only by
 * their worker; readers sum snapshots (ss_stats_add). */
#ifndef SS_STATS_H
#define SS_STATS_H

#include <stdint.h>
#include <stdio.h>

#include "dataplane/decode/result.h"

enum { SS_STATS_SCTP_TYPES = 16, SS_STATS_M3UA_CLASSES = 16, SS_STATS_MAP_OPS = 128 };

struct ss_stats {
    uint64_t frames, bytes;
    uint64_t link_not_ip;        /* ethertype other than IPv4/IPv6 (ARP...) */
    uint64_t ip_not_sctp;
    uint64_t sctp_packets;
    uint64_t sctp_chunks[SS_STATS_SCTP_TYPES]; /* by type; 15 = any other */
    uint64_t sctp_data_other_ppid;
    uint64_t m3ua_class[SS_STATS_M3UA_CLASSES];
    uint64_t m2pa_user_data, m2pa_other;
    uint64_t mtp3_not_sccp;      /* SI other than SCCP (ISUP, SNM...) */
    uint64_t sccp_udt, sccp_xudt, sccp_ludt, sccp_other;
    uint64_t sccp_mgmt;          /* SCCP management (SSN 1, Q.713 §5) */
    uint64_t tcap_begin, tcap_continue, tcap_end, tcap_abort, tcap_other;
    uint64_t tcap_components;
    uint64_t map_invoke[SS_STATS_MAP_OPS]; /* by local opcode */
    uint64_t map_result, map_error, map_reject;
    uint64_t tpdu_submit, tpdu_deliver, tpdu_status_report, tpdu_command, tpdu_other;
    uint64_t sm_parts;           /* TPDUs whose text was decoded */
    uint64_t messages, messages_mo, messages_mt;
    uint64_t err[SS_LAYER_COUNT][SS_RESULT_COUNT];
};

static inline void ss_count_err(struct ss_stats *s, enum ss_layer l, enum ss_result r)
{
    s->err[l][r]++;
}

void ss_stats_add(struct ss_stats *sum, const struct ss_stats *w);
/* Human-readable summary: one "name value" line per non-zero counter. */
void ss_stats_print(FILE *f, const struct ss_stats *s);

#endif
