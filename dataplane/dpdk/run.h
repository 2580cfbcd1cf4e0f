/* `sigsift run [EAL arguments] -- [options]`: the DPDK dataplane. */
#ifndef SS_DPDK_RUN_H
#define SS_DPDK_RUN_H

#include "dataplane/dpdk/hook.h"

/* argv[0] is "run" (the subcommand, standing in for the program name).
 * Uses ss_default_hook. Returns the process exit status: 0, 1 on a setup
 * or output error, 2 on bad arguments, 3 when mbufs leaked. */
int ss_run_main(int argc, char **argv);
/* The same with the judging hook of the caller's choice. */
int ss_run_with_hook(int argc, char **argv, const struct ss_worker_hook *hook);

#endif
