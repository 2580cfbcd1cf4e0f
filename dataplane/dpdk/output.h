/* The output thread's writer: drains the workers' full event and
 * evidence rings into the events file (JSON lines) and the evidence pcap,
 * and hands the slots back. Runs on the main lcore only. */
#ifndef SS_DPDK_OUTPUT_H
#define SS_DPDK_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include <pcap/pcap.h>

#include "dataplane/dpdk/opts.h"
#include "dataplane/dpdk/outq.h"

struct ss_output {
    FILE *events; /* NULL: events are discarded */
    pcap_t *dead;
    pcap_dumper_t *evidence; /* NULL without --evidence */
    uint64_t events_written;
    uint64_t evidence_written;
};

/* Opens --events and --evidence. Returns 0 or -1 (reason printed). */
int ss_output_open(struct ss_output *w, const struct ss_run_opts *o);
/* Writes what one worker queued; returns the number of slots handled. */
unsigned ss_output_drain(struct ss_output *w, const struct ss_outq *q);
/* Flushes and closes; returns -1 if any write failed. */
int ss_output_close(struct ss_output *w);

#endif
