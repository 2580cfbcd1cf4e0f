/* `sigsift run` with a hook that flags every message: drives the hook
 * lifecycle (setup, init, on_sm, fini, teardown) and the evidence path of
 * the DPDK layer without a matcher. Each event is {"frames":N}, N the
 * frames the record names; teardown prints "hook.messages M" (the sum
 * the workers' fini folded in). Used by tests/integration/dpdk_run.sh. */
#include <stdio.h>
#include <stdlib.h>

#include "dataplane/dpdk/run.h"

struct shared {
    unsigned long messages;
};

static int flag_setup(const struct ss_run_opts *o, void **shared)
{
    (void)o;
    *shared = calloc(1, sizeof(struct shared));
    return *shared != NULL ? 0 : -1;
}

static void *flag_init(unsigned worker_id, const struct ss_run_opts *o, void *shared)
{
    (void)worker_id;
    (void)o;
    (void)shared;
    return calloc(1, sizeof(unsigned long));
}

static void flag_on_sm(void *ctx, const struct ss_sm *sm, struct ss_event_out *out)
{
    unsigned long *messages = ctx;
    (*messages)++;
    out->evidence = true;
    if (out->buf != NULL)
        out->len = (size_t)snprintf(out->buf, out->cap, "{\"frames\":%u}\n", sm->frames.n);
}

static void flag_fini(void *ctx, void *shared)
{
    struct shared *s = shared;
    s->messages += *(unsigned long *)ctx;
    free(ctx);
}

static void flag_teardown(void *shared)
{
    fprintf(stderr, "hook.messages %lu\n", ((struct shared *)shared)->messages);
    free(shared);
}

static const struct ss_worker_hook flag_all = {
    .setup = flag_setup,
    .init = flag_init,
    .on_sm = flag_on_sm,
    .fini = flag_fini,
    .teardown = flag_teardown,
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: dpdk_flag_all run [EAL arguments] -- [options]\n");
        return 2;
    }
    return ss_run_with_hook(argc - 1, argv + 1, &flag_all);
}
