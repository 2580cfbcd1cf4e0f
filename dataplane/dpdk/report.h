/* What a run reports: counters to stderr (at intervals and at the end)
 * and a JSON throughput summary for benchmark scripts. Main lcore only;
 * the final functions run after every worker is DONE. */
#ifndef SS_DPDK_REPORT_H
#define SS_DPDK_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "dataplane/dpdk/dist.h"
#include "dataplane/dpdk/worker.h"

/* One line while running: seconds since start, frames and messages per
 * worker (read without stopping them). */
void ss_report_interval(FILE *f, double t, struct ss_worker *const *w, unsigned n);
/* Per-worker counters, distributor counters (dist may be NULL), the sum
 * of the workers' pipeline counters and framelog counters. */
void ss_report_final(FILE *f, struct ss_worker *const *w, unsigned n,
                     const struct ss_dist_counters *dist);
/* {"mode":..., "distribution":..., "duration_s":..., "workers":[...],
 * "total":{...}}: frames/s, messages/s, Gbit/s per worker over the time
 * from the first to the last frame received by any worker. */
/* Sums the workers' counters (stopping at the first NULL worker) and
 * the span the rates use, for the hook's summary. */
void ss_report_totals(struct ss_worker *const *w, unsigned n, struct ss_run_totals *t);
/* The JSON summary ends with "ports":[...], each port's counters
 * (ss_port_stats_json). */
int ss_report_json(const char *path, struct ss_worker *const *w, unsigned n, bool drop,
                   const char *distribution, const uint16_t *ports, uint16_t n_ports);

#endif
