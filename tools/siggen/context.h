/* State shared by the traffic builders of one run. */
#ifndef SG_CONTEXT_H
#define SG_CONTEXT_H

#include "buf.h"
#include "corpus.h"
#include "link.h"
#include "prng.h"
#include "tx.h"
#include "variant.h"

#define SG_MAX_LINKS 16

/* Reused encoding buffers, one per layer, so the steady state never allocates. */
struct sg_scratch {
    struct sg_buf tpdu, param, component, tcap, sccp, ulp;
};

struct sg_backlog;

struct sg_ctx {
    struct sg_prng rng;
    const struct sg_variant *v;
    const struct sg_corpus *corpus;
    struct sg_tx tx;
    struct sg_link links[SG_MAX_LINKS];
    size_t n_links;
    struct sg_scratch s;
    struct sg_backlog *backlog; /* dialogues whose results are held back */
    uint32_t n_ports;           /* --ports N: commercial ports drawn from N; 0: any */
};

#endif
