/* The default hook: decoding and counters only, so that `sigsift run`
 * works end to end before a matcher is plugged in. */
#include "dataplane/dpdk/hook.h"

#include <stdlib.h>

#include "dataplane/output/sm_json.h"

struct default_ctx {
    bool all;
};

static void *default_init(unsigned worker_id, const struct ss_run_opts *o, void *shared)
{
    (void)worker_id;
    (void)shared;
    struct default_ctx *c = malloc(sizeof *c);
    if (c != NULL)
        c->all = o->all;
    return c;
}

static void default_on_sm(void *ctx, const struct ss_sm *sm, struct ss_event_out *out)
{
    const struct default_ctx *c = ctx;
    struct ss_json j;

    if (!c->all || out->buf == NULL) {
        out->len = c->all ? out->cap + 1 : 0;
        return;
    }
    ss_json_begin(&j, out->buf, out->cap);
    ss_sm_json(&j, sm, NULL);
    size_t n = ss_json_end(&j);
    out->len = n != 0 ? n : out->cap + 1;
}

static void default_fini(void *ctx, void *shared)
{
    (void)shared;
    free(ctx);
}

const struct ss_worker_hook ss_default_hook = {
    .init = default_init,
    .on_sm = default_on_sm,
    .fini = default_fini,
};
