/* What an lcore does when it finds no work.
 *
 * Pollers (workers, the distributor) busy-poll, and after
 * SS_IDLE_YIELD_POLLS empty polls in a row yield their core: when lcores
 * share cores (--lcores '(0-2)@(0-1)' on a 2-core host) the others then
 * get it; on a dedicated core sched_yield returns at once.
 *
 * The main lcore when it is not a poller (direct and RSS modes) only
 * drains output rings and watches for the end; after the same streak it
 * sleeps SS_IDLE_SLEEP_US (a 128-slot event ring outlasts that at any
 * rate a worker reaches), leaving its core, or its hyperthread sibling,
 * to the workers. On the project's shared 2-vCPU VM a spinning main
 * lcore cut the worker's receive-and-drop rate from 12.1 to 6.3 Mframes/s
 * in one back-to-back run (noisy host; see the README for the command).
 * When no output can come at all (no --events, --evidence or --all) the
 * main lcore sleeps to its next tick instead (run.c, idle_main).
 * A sleeping distributor starves its workers, so pollers never sleep. */
#ifndef SS_DPDK_IDLE_H
#define SS_DPDK_IDLE_H

#include <sched.h>
#include <stdint.h>
#include <unistd.h>

#include <rte_pause.h>

#define SS_IDLE_YIELD_POLLS 64
#define SS_IDLE_SLEEP_US    10

static inline void ss_idle_poller(uint64_t idle_polls)
{
    if (idle_polls >= SS_IDLE_YIELD_POLLS)
        sched_yield();
    else
        rte_pause();
}

static inline void ss_idle_output(uint64_t idle_polls)
{
    if (idle_polls >= SS_IDLE_YIELD_POLLS)
        usleep(SS_IDLE_SLEEP_US);
    else
        rte_pause();
}

#endif
