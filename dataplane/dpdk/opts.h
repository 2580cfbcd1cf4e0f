/* Options of `sigsift run` after the EAL arguments, parsed once at start
 * into a plain struct that workers and hooks only read. */
#ifndef SS_DPDK_OPTS_H
#define SS_DPDK_OPTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dataplane/core/pipeline.h"
#include "dataplane/core/numbers.h"

#define SS_RUN_RULES_MAX   64
#define SS_RUN_BURST_MAX   64
#define SS_RUN_WORKERS_MAX 64
/* --max-frame: the mbuf's data room by default (RTE_MBUF_DEFAULT_DATAROOM),
 * at most what a worker can copy a chained frame into (SS_LINEAR_MAX). */
#define SS_RUN_FRAME_DEFAULT 2048
#define SS_RUN_FRAME_MAX     16384
/* --rx-desc: descriptors per RX queue (a live port's ring depth). */
#define SS_RUN_RX_DESC_DEFAULT 1024
#define SS_RUN_RX_DESC_MIN     64
#define SS_RUN_RX_DESC_MAX     32768

struct ss_run_opts {
    const char *rules[SS_RUN_RULES_MAX]; /* --rules, in order given */
    unsigned n_rules;
    const char *matcher;     /* --matcher NAME (ss_matcher_find), default "hyperscan" */
    const char *events;      /* --events FILE, "-" = stdout, NULL = none */
    const char *evidence;    /* --evidence FILE.pcap, NULL = none */
    const char *report_json; /* --report-json FILE, NULL = none */
    const char *socket;      /* --socket PATH: control socket (ctl/proto.h); NULL = default */
    const char *trust;       /* --trust DIR: pushes must be bundles signed by its keys */
    const char *pseudonym_key; /* --pseudonymise KEYFILE; NULL: subscribers as decoded */
    const char *ports[SS_NUMBERS_MAX]; /* --port-prefix, in order given */
    unsigned n_ports;
    uint64_t port_warn;      /* --port-warn N; 0: none */
    const char *reports[SS_NUMBERS_MAX]; /* --report-number, in order given */
    unsigned n_reports;
    const char *mt_max;      /* --mt-max alert|block; NULL: block */
    bool all;                /* --all: one event per message */
    bool drop;               /* --drop: receive and free, no decoding */
    unsigned workers;        /* --workers N; 0 = one per worker lcore */
    unsigned burst;          /* --burst N, 1..SS_RUN_BURST_MAX */
    double stats_interval_s; /* --stats-interval S; 0 = final only */
    double duration_s;       /* --duration S; 0 = until input ends */
    uint64_t packets;        /* --packets N; 0 = until input ends */
    unsigned max_frame;      /* --max-frame BYTES: mbuf data room, port MTU, evidence snap */
    uint16_t rx_desc;        /* --rx-desc N: descriptors per RX queue */
    struct ss_pipeline_cfg pipeline; /* table sizes and timeouts (SS_PIPELINE_LONGOPTS) */
};

/* argv[0] is the program name (as rte_eal_init leaves it). Returns 0 on
 * success, 1 after printing help, -1 after printing an error. */
int ss_run_opts_parse(int argc, char **argv, struct ss_run_opts *o);
void ss_run_usage(FILE *f);

#endif
