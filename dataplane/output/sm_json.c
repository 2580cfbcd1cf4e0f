#include "dataplane/output/sm_json.h"

void ss_sm_json(struct ss_json *j, const struct ss_sm *sm, const struct ss_sm_parties *parties)
{
    const struct ss_sm_parties own = {sm->sender, sm->recipient, sm->imsi};
    if (parties == NULL)
        parties = &own;
    ss_json_time(j, "ts", sm->ts_ns);
    ss_json_cstr(j, "dir", sm->dir == SS_DIR_MO ? "MO" : "MT");
    ss_json_uint(j, "opcode", sm->opcode);
    if (sm->map_version)
        ss_json_uint(j, "map_version", sm->map_version);
    else
        ss_json_null(j, "map_version");
    ss_json_cstr(j, "sender", parties->sender);
    ss_json_str_or_null(j, "recipient", sm->has_recipient, parties->recipient);
    ss_json_str_or_null(j, "imsi", sm->has_imsi, parties->imsi);
    ss_json_str_or_null(j, "smsc", sm->has_smsc, sm->smsc);
    ss_json_uint(j, "dcs", sm->dcs);
    ss_json_uint(j, "parts", sm->parts);
    if (sm->has_text)
        ss_json_str(j, "text", sm->text, sm->text_len);
    else
        ss_json_null(j, "text");
    ss_json_uint(j, "opc", sm->opc);
    ss_json_uint(j, "dpc", sm->dpc);
    char gt[SS_DIGITS_MAX + 1];
    ss_sm_gt_digits(&sm->calling_gt, gt);
    ss_json_cstr(j, "calling_gt", gt);
    ss_sm_gt_digits(&sm->called_gt, gt);
    ss_json_cstr(j, "called_gt", gt);
}
