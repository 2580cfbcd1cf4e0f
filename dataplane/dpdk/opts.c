/* `sigsift run` option parsing: getopt_long over the arguments after
 * EAL's, every value range-checked, nothing left for the fast path. */
#include "dataplane/dpdk/opts.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/pipeline.h"
#include "dataplane/ctl/proto.h"

enum {
    OPT_RULES = 256,
    OPT_MATCHER,
    OPT_EVENTS,
    OPT_EVIDENCE,
    OPT_ALL,
    OPT_WORKERS,
    OPT_DROP,
    OPT_STATS_INTERVAL,
    OPT_BURST,
    OPT_DURATION,
    OPT_PACKETS,
    OPT_REPORT_JSON,
    OPT_SOCKET,
    OPT_TRUST,
    OPT_MAX_FRAME,
    OPT_RX_DESC,
    OPT_TABLE,
    OPT_PSEUDONYMISE,
    OPT_PORT_PREFIX,
    OPT_PORT_WARN,
    OPT_REPORT_NUMBER,
    OPT_MT_MAX,
    OPT_HELP,
};

static const struct option long_opts[] = {
    {"rules", required_argument, NULL, OPT_RULES},
    {"matcher", required_argument, NULL, OPT_MATCHER},
    {"events", required_argument, NULL, OPT_EVENTS},
    {"evidence", required_argument, NULL, OPT_EVIDENCE},
    {"all", no_argument, NULL, OPT_ALL},
    {"workers", required_argument, NULL, OPT_WORKERS},
    {"drop", no_argument, NULL, OPT_DROP},
    {"stats-interval", required_argument, NULL, OPT_STATS_INTERVAL},
    {"burst", required_argument, NULL, OPT_BURST},
    {"duration", required_argument, NULL, OPT_DURATION},
    {"packets", required_argument, NULL, OPT_PACKETS},
    {"report-json", required_argument, NULL, OPT_REPORT_JSON},
    {"socket", required_argument, NULL, OPT_SOCKET},
    {"trust", required_argument, NULL, OPT_TRUST},
    {"max-frame", required_argument, NULL, OPT_MAX_FRAME},
    {"rx-desc", required_argument, NULL, OPT_RX_DESC},
    {"pseudonymise", required_argument, NULL, OPT_PSEUDONYMISE},
    {"port-prefix", required_argument, NULL, OPT_PORT_PREFIX},
    {"port-warn", required_argument, NULL, OPT_PORT_WARN},
    {"report-number", required_argument, NULL, OPT_REPORT_NUMBER},
    {"mt-max", required_argument, NULL, OPT_MT_MAX},
    {"help", no_argument, NULL, OPT_HELP},
    SS_PIPELINE_LONGOPTS(OPT_TABLE),
    {NULL, 0, NULL, 0},
};

void ss_run_usage(FILE *f)
{
    fprintf(f,
            "usage: sigsift run [EAL arguments] -- [options]\n"
            "  --rules PATH         rule file, word list (*.txt) or folder (repeatable), or\n"
            "                       one bundle (sigsiftctl rules compile, for --matcher);\n"
            "                       without it messages are decoded, not judged\n"
            "  --matcher NAME       hyperscan (default) or fpga-sim (the simulated block)\n"
            "  --events FILE|-      write events as JSON lines\n"
            "  --evidence FILE      write the frames of flagged messages (pcap)\n"
            "  --all                one event per message, not only flagged ones\n"
            "  --pseudonymise KEY   subscribers in events and summary by keyed pseudonym\n"
            "                       (KEY: sigsiftctl pseudonym new-key; needs --rules)\n"
            "  --port-prefix DIGITS numbers of commercial ports: watched in the summary,\n"
            "                       kept in clear (repeatable; default 106)\n"
            "  --port-warn N        a warning line among the events when a port reaches N\n"
            "                       harmful messages, ads without opt-out or opt-out\n"
            "                       requests (counted per worker)\n"
            "  --report-number N    MO messages to N are users' spam reports: judged,\n"
            "                       written as events, never flagged (repeatable;\n"
            "                       default 12321)\n"
            "  --mt-max alert       the rules alert on MT messages but never block them\n"
            "                       (disposal mainly on the sending side; default block)\n"
            "  --workers N          worker lcores to use (default: all but the main)\n"
            "  --drop               receive and free only (the I/O floor)\n"
            "  --burst N            receive burst size, 1..%d (default 32)\n"
            "  --stats-interval S   print counters every S seconds\n"
            "  --duration S         stop after S seconds\n"
            "  --packets N          stop after N frames\n"
            "  --report-json FILE   throughput per worker as JSON\n"
            "  --max-frame BYTES    largest frame decoded whole on a live port and kept\n"
            "                       whole as evidence, %d..%d (default %d): mbuf\n"
            "                       size, port MTU, evidence snap length\n"
            "  --rx-desc N          descriptors per RX queue, %d..%d (default %d): a\n"
            "                       live port's ring depth against stalls\n"
            SS_PIPELINE_OPTIONS_HELP
            "  --socket PATH        control socket for sigsiftctl (default " SS_CTL_SOCKET_DEFAULT
            ")\n"
            "  --trust DIR          `rules push` and a --rules bundle: only bundles signed\n"
            "                       by a key in DIR (sigsiftctl trust add); without it,\n"
            "                       any intact bundle or rule path\n"
            "e.g. sigsift run -l 0-1 --no-pci --no-huge --vdev net_pcap0,rx_pcap=X.pcap -- --all "
            "--events -\n",
            SS_RUN_BURST_MAX, SS_RUN_FRAME_DEFAULT, SS_RUN_FRAME_MAX, SS_RUN_FRAME_DEFAULT,
            SS_RUN_RX_DESC_MIN, SS_RUN_RX_DESC_MAX, SS_RUN_RX_DESC_DEFAULT);
}

static int parse_u64(const char *name, const char *s, uint64_t lo, uint64_t hi, uint64_t *v)
{
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || x < lo || x > hi) {
        fprintf(stderr, "sigsift run: --%s %s: expected an integer in %llu..%llu\n", name, s,
                (unsigned long long)lo, (unsigned long long)hi);
        return -1;
    }
    *v = x;
    return 0;
}

static int parse_seconds(const char *name, const char *s, double *v)
{
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(x >= 0.0 && x < 1e9)) {
        fprintf(stderr, "sigsift run: --%s %s: expected seconds >= 0\n", name, s);
        return -1;
    }
    *v = x;
    return 0;
}

/* Appends arg to list[0..*n) of at most max, the option's values in the
 * order given. */
static int add_arg(const char **list, unsigned *n, unsigned max, const char *name, const char *arg)
{
    if (*n == max) {
        fprintf(stderr, "sigsift run: more than %u --%s\n", max, name);
        return -1;
    }
    list[(*n)++] = arg;
    return 0;
}

static int parse_one(int c, const char *arg, struct ss_run_opts *o)
{
    uint64_t v;
    switch (c) {
    case OPT_RULES:
        return add_arg(o->rules, &o->n_rules, SS_RUN_RULES_MAX, "rules", arg);
    case OPT_MATCHER:
        o->matcher = arg;
        return 0;
    case OPT_EVENTS:
        o->events = arg;
        return 0;
    case OPT_EVIDENCE:
        o->evidence = arg;
        return 0;
    case OPT_REPORT_JSON:
        o->report_json = arg;
        return 0;
    case OPT_SOCKET:
        o->socket = arg;
        return 0;
    case OPT_TRUST:
        o->trust = arg;
        return 0;
    case OPT_ALL:
        o->all = true;
        return 0;
    case OPT_PSEUDONYMISE:
        o->pseudonym_key = arg;
        return 0;
    case OPT_PORT_PREFIX:
        return add_arg(o->ports, &o->n_ports, SS_NUMBERS_MAX, "port-prefix", arg);
    case OPT_REPORT_NUMBER:
        return add_arg(o->reports, &o->n_reports, SS_NUMBERS_MAX, "report-number", arg);
    case OPT_MT_MAX:
        o->mt_max = arg;
        return 0;
    case OPT_PORT_WARN:
        return parse_u64("port-warn", arg, 1, UINT64_MAX, &o->port_warn);
    case OPT_DROP:
        o->drop = true;
        return 0;
    case OPT_WORKERS:
        if (parse_u64("workers", arg, 1, SS_RUN_WORKERS_MAX, &v) != 0)
            return -1;
        o->workers = (unsigned)v;
        return 0;
    case OPT_BURST:
        if (parse_u64("burst", arg, 1, SS_RUN_BURST_MAX, &v) != 0)
            return -1;
        o->burst = (unsigned)v;
        return 0;
    case OPT_PACKETS:
        return parse_u64("packets", arg, 1, UINT64_MAX, &o->packets);
    case OPT_MAX_FRAME:
        if (parse_u64("max-frame", arg, SS_RUN_FRAME_DEFAULT, SS_RUN_FRAME_MAX, &v) != 0)
            return -1;
        o->max_frame = (unsigned)v;
        return 0;
    case OPT_RX_DESC:
        if (parse_u64("rx-desc", arg, SS_RUN_RX_DESC_MIN, SS_RUN_RX_DESC_MAX, &v) != 0)
            return -1;
        o->rx_desc = (uint16_t)v;
        return 0;
    case OPT_STATS_INTERVAL:
        return parse_seconds("stats-interval", arg, &o->stats_interval_s);
    case OPT_DURATION:
        return parse_seconds("duration", arg, &o->duration_s);
    default:
        return -1;
    }
}

int ss_run_opts_parse(int argc, char **argv, struct ss_run_opts *o)
{
    int c, at;

    memset(o, 0, sizeof *o);
    o->burst = 32;
    o->matcher = "hyperscan";
    o->max_frame = SS_RUN_FRAME_DEFAULT;
    o->rx_desc = SS_RUN_RX_DESC_DEFAULT;
    ss_pipeline_cfg_default(&o->pipeline);
    optind = 1;
    while ((c = getopt_long(argc, argv, "", long_opts, &at)) != -1) {
        if (c == OPT_HELP) {
            ss_run_usage(stdout);
            return 1;
        }
        if (c == OPT_TABLE) {
            if (!ss_pipeline_cfg_option(&o->pipeline, long_opts[at].name, optarg)) {
                fprintf(stderr, "sigsift run: bad --%s %s (see --help)\n", long_opts[at].name,
                        optarg);
                return -1;
            }
            continue;
        }
        if (parse_one(c, optarg, o) != 0) {
            if (c == '?')
                ss_run_usage(stderr);
            return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "sigsift run: unexpected argument '%s'\n", argv[optind]);
        return -1;
    }
    if (o->pseudonym_key != NULL && o->n_rules == 0) {
        fprintf(stderr, "sigsift run: --pseudonymise needs --rules (without them events are\n"
                        "decode lines, written as decoded)\n");
        return -1;
    }
    if ((o->n_ports != 0 || o->port_warn != 0 || o->n_reports != 0 || o->mt_max != NULL) &&
        o->n_rules == 0) {
        fprintf(stderr, "sigsift run: --port-prefix, --port-warn, --report-number and --mt-max "
                        "need --rules\n");
        return -1;
    }
    if (o->evidence != NULL && o->drop) {
        fprintf(stderr, "sigsift run: --evidence needs decoding; drop --drop\n");
        return -1;
    }
    return 0;
}
