#include "dataplane/output/port_json.h"

#include "dataplane/output/json.h"

size_t ss_port_warning_json(char *buf, size_t cap, uint64_t ts_ns, const struct ss_port_count *e,
                            enum ss_port_reason reason, uint64_t threshold, unsigned worker)
{
    struct ss_json j;
    ss_json_begin(&j, buf, cap);
    ss_json_time(&j, "ts", ts_ns);
    ss_json_cstr(&j, "warning", "port");
    ss_json_cstr(&j, "reason", ss_port_reason_name(reason));
    ss_json_cstr(&j, "port", e->port);
    ss_json_uint(&j, "threshold", threshold);
    ss_json_uint(&j, "messages", e->messages);
    ss_json_uint(&j, "harmful", e->harmful);
    ss_json_uint(&j, "ads", e->ads);
    ss_json_uint(&j, "ads_no_optout", e->ads_no_optout);
    ss_json_uint(&j, "optouts", e->optouts);
    ss_json_uint(&j, "worker", worker);
    return ss_json_end(&j);
}
