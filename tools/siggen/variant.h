/* Traffic variants: one mixes every feature, the others each isolate one
 * feature on top of a plain baseline so that an integration test can prove it. */
#ifndef SG_VARIANT_H
#define SG_VARIANT_H

#include <stdbool.h>
#include <stdio.h>

enum sg_text_pick { SG_PICK_ANY, SG_PICK_GSM7, SG_PICK_MULTIPART };

struct sg_variant {
    const char *name;
    const char *summary;
    bool no_sms; /* background signalling only */
    /* Short message */
    int pct_mt; /* -1: the baseline 50 */
    int weight_v1, weight_v2, weight_v3;
    int pct_tcap_seg; /* v3 dialogues opened by a dialogue-only Begin */
    int pct_indefinite;
    enum sg_text_pick pick;
    int pct_force_ucs2;
    int pct_class_dcs;
    int pct_concat16;
    int pct_concat_ooo;
    int pct_alpha; /* MT originators that are alphanumeric */
    /* SCCP and SCTP */
    int pct_xudt, pct_ludt; /* the rest is UDT */
    int pct_xudt_seg;       /* XUDT invokes split into two segments */
    int pct_bundle;
    int pct_frag;
    int pct_frag_ooo;
    int pct_interleave; /* results held back behind later messages */
    int pct_background; /* background exchange between two messages */
    /* Links */
    unsigned n_links;
    int pct_m2pa, pct_ipv6, pct_vlan, pct_qinq;
};

/* Copies the named variant with its baseline defaults filled in. */
bool sg_variant_find(const char *name, struct sg_variant *out);
void sg_variant_list(FILE *f);

#endif
