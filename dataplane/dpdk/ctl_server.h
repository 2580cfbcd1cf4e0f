/* The control server of `sigsift run`: the Unix socket of
 * dataplane/ctl/proto.h, served by one DPDK control thread (never a
 * worker lcore), which answers stats itself and hands rules and lists
 * requests to the live rule state (live.h). */
#ifndef SS_DPDK_CTL_SERVER_H
#define SS_DPDK_CTL_SERVER_H

#include <stdint.h>

#include "dataplane/dpdk/live.h"
#include "dataplane/dpdk/worker.h"

struct ss_ctl_server_cfg {
    const char *path; /* socket; its directory is made 0700 if missing */
    struct ss_live *live;
    ss_live_loader load; /* what `rules push PATH` loads PATH with */
    void *load_arg;
    struct ss_worker *const *w; /* counters for stats, read only */
    unsigned n_workers;
    const uint16_t *ports;
    uint16_t n_ports;
};

struct ss_ctl_server;

/* Binds the socket and starts the thread; NULL (reason printed) when the
 * socket cannot be made or another run already listens there. */
struct ss_ctl_server *ss_ctl_server_start(const struct ss_ctl_server_cfg *cfg);
/* Stops the thread, removes the socket. NULL is fine. */
void ss_ctl_server_stop(struct ss_ctl_server *s);

#endif
