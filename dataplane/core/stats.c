#include "dataplane/core/stats.h"

#include <stddef.h>

/* ss_stats is a flat struct of uint64_t counters, so summing it field by
 * field is summing it as an array. */
void ss_stats_add(struct ss_stats *sum, const struct ss_stats *w)
{
    uint64_t *d = (uint64_t *)sum;
    const uint64_t *s = (const uint64_t *)w;
    for (size_t i = 0; i < sizeof(*sum) / sizeof(uint64_t); i++)
        d[i] += s[i];
}

static void put(FILE *f, const char *name, uint64_t v)
{
    if (v)
        fprintf(f, "%-32s %llu\n", name, (unsigned long long)v);
}

static void put_indexed(FILE *f, const char *prefix, const uint64_t *v, unsigned n)
{
    char name[48];
    for (unsigned i = 0; i < n; i++) {
        snprintf(name, sizeof(name), "%s.%u", prefix, i);
        put(f, name, v[i]);
    }
}

static void put_errors(FILE *f, const struct ss_stats *s)
{
    char name[48];
    for (unsigned l = 0; l < SS_LAYER_COUNT; l++) {
        for (unsigned r = 0; r < SS_RESULT_COUNT; r++) {
            snprintf(name, sizeof(name), "%s.%s", ss_layer_name(l), ss_result_name(r));
            put(f, name, s->err[l][r]);
        }
    }
}

void ss_stats_print(FILE *f, const struct ss_stats *s)
{
    put(f, "frames", s->frames);
    put(f, "bytes", s->bytes);
    put(f, "link.not_ip", s->link_not_ip);
    put(f, "ip.not_sctp", s->ip_not_sctp);
    put(f, "sctp.packets", s->sctp_packets);
    put_indexed(f, "sctp.chunk_type", s->sctp_chunks, SS_STATS_SCTP_TYPES);
    put(f, "sctp.data_other_ppid", s->sctp_data_other_ppid);
    put_indexed(f, "m3ua.class", s->m3ua_class, SS_STATS_M3UA_CLASSES);
    put(f, "m2pa.user_data", s->m2pa_user_data);
    put(f, "m2pa.other", s->m2pa_other);
    put(f, "mtp3.not_sccp", s->mtp3_not_sccp);
    put(f, "sccp.udt", s->sccp_udt);
    put(f, "sccp.xudt", s->sccp_xudt);
    put(f, "sccp.ludt", s->sccp_ludt);
    put(f, "sccp.other", s->sccp_other);
    put(f, "sccp.management", s->sccp_mgmt);
    put(f, "tcap.begin", s->tcap_begin);
    put(f, "tcap.continue", s->tcap_continue);
    put(f, "tcap.end", s->tcap_end);
    put(f, "tcap.abort", s->tcap_abort);
    put(f, "tcap.other", s->tcap_other);
    put(f, "tcap.components", s->tcap_components);
    put_indexed(f, "map.invoke_op", s->map_invoke, SS_STATS_MAP_OPS);
    put(f, "map.result", s->map_result);
    put(f, "map.error", s->map_error);
    put(f, "map.reject", s->map_reject);
    put(f, "tpdu.submit", s->tpdu_submit);
    put(f, "tpdu.deliver", s->tpdu_deliver);
    put(f, "tpdu.status_report", s->tpdu_status_report);
    put(f, "tpdu.command", s->tpdu_command);
    put(f, "tpdu.other", s->tpdu_other);
    put(f, "sm.parts", s->sm_parts);
    put(f, "messages", s->messages);
    put(f, "messages.mo", s->messages_mo);
    put(f, "messages.mt", s->messages_mt);
    put_errors(f, s);
}
