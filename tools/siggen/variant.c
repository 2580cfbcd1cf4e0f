#include "variant.h"

#include <string.h>

/* Fields left zero take the plain baseline (see apply_baseline): MO and MT,
 * MAP v2/v3, M3UA over IPv4, UDT, one DATA chunk per packet, 8-bit
 * concatenation, definite lengths, light background. */
#define PLAIN .pct_mt = -1

static const struct sg_variant variants[] = {
    {.name = "mix",
     .summary = "every feature, randomly",
     .pct_mt = 50,
     .weight_v1 = 1,
     .weight_v2 = 4,
     .weight_v3 = 5,
     .pct_tcap_seg = 30,
     .pct_indefinite = 15,
     .pick = SG_PICK_ANY,
     .pct_force_ucs2 = 5,
     .pct_class_dcs = 10,
     .pct_concat16 = 30,
     .pct_concat_ooo = 20,
     .pct_alpha = 30,
     .pct_xudt = 20,
     .pct_ludt = 5,
     .pct_xudt_seg = 30,
     .pct_bundle = 20,
     .pct_frag = 10,
     .pct_frag_ooo = 30,
     .pct_interleave = 30,
     .pct_background = 50,
     .n_links = 8,
     .pct_m2pa = 30,
     .pct_ipv6 = 25,
     .pct_vlan = 30,
     .pct_qinq = 15},
    {PLAIN, .name = "m3ua-udt", .summary = "M3UA DATA, SCCP UDT only"},
    {PLAIN, .name = "m2pa", .summary = "M2PA links (MTP3 ITU routing label)", .pct_m2pa = 100},
    {PLAIN, .name = "xudt-seg", .summary = "XUDT with every invoke in two segments",
     .pct_xudt = 100, .pct_xudt_seg = 100},
    {PLAIN, .name = "ludt", .summary = "SCCP LUDT", .pct_ludt = 100},
    {PLAIN, .name = "bundle", .summary = "several chunks per SCTP packet", .pct_bundle = 100},
    {PLAIN, .name = "sctp-frag", .summary = "invokes fragmented into 2-3 DATA chunks",
     .pct_frag = 100},
    {PLAIN, .name = "sctp-frag-ooo", .summary = "fragments written out of order", .pct_frag = 100,
     .pct_frag_ooo = 100},
    {PLAIN, .name = "interleave", .summary = "overlapping dialogues: results after later invokes",
     .pct_interleave = 100},
    {PLAIN, .name = "vlan", .summary = "802.1Q tagged links", .pct_vlan = 100},
    {PLAIN, .name = "qinq", .summary = "802.1ad + 802.1Q tagged links", .pct_qinq = 100},
    {PLAIN, .name = "ipv6", .summary = "SCTP over IPv6", .pct_ipv6 = 100},
    {PLAIN, .name = "indefinite", .summary = "BER indefinite lengths in TCAP and MAP",
     .pct_indefinite = 100},
    {PLAIN, .name = "tcap-seg", .summary = "dialogue-only Begin, invoke in a Continue",
     .weight_v3 = 1, .pct_tcap_seg = 100},
    {PLAIN, .name = "concat8", .summary = "multi-part, 8-bit reference", .pick = SG_PICK_MULTIPART},
    {PLAIN, .name = "concat16", .summary = "multi-part, 16-bit reference",
     .pick = SG_PICK_MULTIPART, .pct_concat16 = 100},
    {PLAIN, .name = "concat-ooo", .summary = "multi-part, parts out of order",
     .pick = SG_PICK_MULTIPART, .pct_concat_ooo = 100},
    {PLAIN, .name = "gsm7", .summary = "GSM 7-bit texts only", .pick = SG_PICK_GSM7},
    {PLAIN, .name = "ucs2", .summary = "every text in UCS2", .pct_force_ucs2 = 100},
    {.name = "alpha-sender",
     .summary = "MT with alphanumeric originators",
     .pct_mt = 100,
     .pct_alpha = 100},
    {PLAIN, .name = "mapv1", .summary = "MAP v1: no dialogue portion", .weight_v1 = 1},
    {PLAIN, .name = "mapv2", .summary = "MAP v2 forwardSM", .weight_v2 = 1},
    {PLAIN, .name = "mapv3", .summary = "MAP v3 mo-/mt-forwardSM", .weight_v3 = 1},
    {.name = "mo", .summary = "mobile-originated only", .pct_mt = 0},
    {.name = "mt", .summary = "mobile-terminated only", .pct_mt = 100},
    {.name = "background",
     .summary = "signalling without short messages",
     .no_sms = true,
     .pct_background = 100,
     .n_links = 4,
     .pct_m2pa = 40,
     .pct_ipv6 = 25,
     .pct_vlan = 25,
     .pct_qinq = 10,
     .pct_bundle = 20},
};

static void apply_baseline(struct sg_variant *v)
{
    if (v->pct_mt < 0)
        v->pct_mt = 50;
    if (v->weight_v1 + v->weight_v2 + v->weight_v3 == 0)
        v->weight_v2 = v->weight_v3 = 1;
    if (v->pct_background == 0)
        v->pct_background = 20;
    if (v->n_links == 0)
        v->n_links = 3;
}

bool sg_variant_find(const char *name, struct sg_variant *out)
{
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        if (strcmp(variants[i].name, name) == 0) {
            *out = variants[i];
            apply_baseline(out);
            return true;
        }
    }
    return false;
}

void sg_variant_list(FILE *f)
{
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
        fprintf(f, "  %-14s %s\n", variants[i].name, variants[i].summary);
}
