/* One worker's decode pipeline: frame -> link -> IP -> SCTP (reassembly)
 * -> M3UA | M2PA/MTP3 -> SCCP (reassembly) -> TCAP (transactions) -> MAP
 * -> TPDU -> text -> concatenation -> one ss_sm per complete message.
 * Owns its tables and counters; allocates only in ss_pipeline_new. Not
 * thread-safe: one pipeline per worker. */
#ifndef SS_PIPELINE_H
#define SS_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/core/sm.h"
#include "dataplane/core/stats.h"
#include "dataplane/decode/link.h"

struct ss_pipeline_cfg {
    uint32_t sctp_slots;      /* SCTP fragment reassembly entries */
    uint32_t sccp_slots;      /* SCCP segment reassembly entries */
    uint32_t tcap_slots;      /* TCAP dialogues remembered */
    uint32_t concat_slots;    /* concatenated messages being assembled */
    uint64_t timeout_ns;      /* expiry of the SCCP, TCAP and concatenation tables */
    uint64_t sctp_timeout_ns; /* expiry of the SCTP TSN and fragment tables */
};

/* Called for every complete short message; the record is valid only
 * during the call. */
typedef void (*ss_sm_fn)(void *ctx, const struct ss_sm *sm);

struct ss_pipeline;

void ss_pipeline_cfg_default(struct ss_pipeline_cfg *cfg);
/* Parses a timeout option given in seconds ("60", "2.5"): more than 0 and
 * at most SS_PIPELINE_TIMEOUT_MAX_S. Returns false, *ns unchanged, on
 * anything else. */
#define SS_PIPELINE_TIMEOUT_MAX_S 86400
bool ss_pipeline_parse_seconds(const char *s, uint64_t *ns);

/* The table options every subcommand that decodes takes (decode, scan,
 * run), as getopt_long entries returning val, their help lines, and the
 * function that applies one: name is the long option's name. False, cfg
 * unchanged, on a value out of range. A table sized for a national link
 * is larger than the defaults: a dialogue stays in the TCAP table until
 * its TC-END, a multi-part message in the concatenation table until its
 * last part, so each needs about rate x time held (README, Sizing). */
/* clang-format off */
#define SS_PIPELINE_LONGOPTS(val)                         \
    {"timeout", required_argument, NULL, (val)},          \
    {"sctp-timeout", required_argument, NULL, (val)},     \
    {"tcap-slots", required_argument, NULL, (val)},       \
    {"concat-slots", required_argument, NULL, (val)},     \
    {"sctp-slots", required_argument, NULL, (val)},       \
    {"sccp-slots", required_argument, NULL, (val)}
#define SS_PIPELINE_OPTIONS_HELP                                                          \
    "  --timeout S          idle seconds before SCCP segments, TCAP dialogues and\n"      \
    "                       message parts expire (default 30)\n"                          \
    "  --sctp-timeout S     idle seconds before SCTP fragments and duplicate-TSN\n"       \
    "                       state expire (default 60)\n"                                  \
    "  --tcap-slots N       TCAP dialogue halves held per worker (default 65536;\n"       \
    "                       21 bytes each)\n"                                             \
    "  --concat-slots N     multi-part messages held per worker (default 8192; 8.5 KiB\n" \
    "                       each, 0.5 KiB of it resident before use)\n"                   \
    "  --sctp-slots N       SCTP directions and fragmented messages (default 1024)\n"     \
    "  --sccp-slots N       SCCP segmented messages (default 1024)\n"
/* clang-format on */
bool ss_pipeline_cfg_option(struct ss_pipeline_cfg *cfg, const char *name, const char *value);
struct ss_pipeline *ss_pipeline_new(const struct ss_pipeline_cfg *cfg, ss_sm_fn fn, void *ctx);
void ss_pipeline_free(struct ss_pipeline *pl);

/* Decodes one frame. frame_id identifies it for evidence (the capture's
 * frame number offline). Tables expire by ts_ns as time advances. */
void ss_pipeline_frame(struct ss_pipeline *pl, const uint8_t *frame, size_t len,
                       enum ss_linktype lt, uint64_t ts_ns, uint64_t frame_id);

/* One frame of a burst: its octets must stay in place until
 * ss_pipeline_burst returns. */
struct ss_frame_in {
    const uint8_t *data;
    size_t len;
    uint64_t ts_ns;
    uint64_t id; /* as frame_id above */
};

/* Decodes n frames in two passes: every frame down to its TCAP messages,
 * their dialogues' table sets fetched meanwhile, then the dialogues and
 * what they carry, in order. The messages, records and counters are
 * those of ss_pipeline_frame on each frame in turn. */
void ss_pipeline_burst(struct ss_pipeline *pl, const struct ss_frame_in *f, size_t n,
                       enum ss_linktype lt);
/* End of input: everything still held expires (and is counted). */
void ss_pipeline_finish(struct ss_pipeline *pl);
const struct ss_stats *ss_pipeline_stats(const struct ss_pipeline *pl);

#endif
