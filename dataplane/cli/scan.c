/* `sigsift scan`: the dataplane's pipeline offline, through libpcap, with
 * one worker: decode, judge every message, write verdict events and the
 * evidence pcap, print the summary. */
#include "dataplane/cli/scan.h"

#include <errno.h>
#include <getopt.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "control/bundle.h"
#include "dataplane/cli/pcap_source.h"
#include "dataplane/core/burst.h"
#include "dataplane/core/framelog.h"
#include "dataplane/core/screen.h"

#define RULES_MAX 64
/* Bytes of frames kept for evidence: the parts and segments of one
 * message arrive within a few thousand frames; 64 MiB holds the last
 * 350 000 frames of a siggen mix (192 bytes on average), or the last
 * 1024 of 64 KiB. */
#define FRAMELOG_BYTES ((size_t)64 << 20)
#define SNAP 65535

struct scan_opts {
    const char *rules[RULES_MAX];
    size_t n_rules;
    const char *events;   /* NULL: none; "-": stdout */
    const char *evidence; /* NULL: none */
    const char *matcher;
    const char *pseudonym_key; /* --pseudonymise KEYFILE; NULL: subscribers as decoded */
    const char *ports[SS_NUMBERS_MAX + 1]; /* --port-prefix; 106 when none */
    size_t n_ports;
    uint64_t port_warn; /* --port-warn N; 0: none */
    const char *reports[SS_NUMBERS_MAX + 1]; /* --report-number; 12321 when none */
    size_t n_reports;
    const char *mt_max; /* --mt-max alert|block; NULL: block */
    bool all, quiet;
    struct ss_pipeline_cfg pipeline; /* table sizes and timeouts */
};

struct scan {
    struct scan_opts o;
    struct ss_pipeline *pl;
    struct ss_burst burst;
    struct ss_screen screen;
    struct ss_pseudonym pseudonym;
    struct ss_screen_cfg cfg;
    struct ss_framelog *log;
    uint64_t *evidence_ids; /* id last written, per framelog index entry */
    FILE *events;
    pcap_t *dead;
    pcap_dumper_t *dumper;
    uint64_t events_written, evidence_frames;
    /* Frame ids run on across the captures given (each file numbers its
     * frames from 1), so the frame log and the evidence never confuse
     * frame n of one file with frame n of the next. */
    uint64_t frame_base, last_frame;
    char line[4 * SS_SM_TEXT_MAX];
};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sigsift scan --rules PATH [--rules PATH]... [options] CAPTURE...\n"
            "  --rules PATH        rule file, word list (*.txt) or folder of them, or\n"
            "                      one bundle from sigsiftctl rules compile (for --matcher)\n"
            "  --events FILE|-     verdict events as JSON lines (default: none)\n"
            "  --evidence FILE     pcap of every frame of every flagged message\n"
            "  --all               an event for every message, not only flagged ones\n"
            "  --matcher NAME      hyperscan (default) or fpga-sim (the simulated block)\n"
            "  --pseudonymise KEY  subscribers in events and summary by keyed pseudonym\n"
            "                      (KEY: sigsiftctl pseudonym new-key)\n"
            "  --port-prefix DIGITS  numbers of commercial ports: watched in the summary,\n"
            "                      kept in clear (repeatable; default " SS_PORT_PREFIX_DEFAULT ")\n"
            "  --port-warn N       a warning line among the events when a port reaches N\n"
            "                      harmful messages, ads without opt-out or opt-out requests\n"
            "  --report-number N   MO messages to N are users' spam reports: judged, written\n"
            "                      as events, never flagged (repeatable; default "
            SS_REPORT_NUMBER_DEFAULT ")\n"
            "  --mt-max alert      the rules alert on MT messages but never block them\n"
            "                      (disposal mainly on the sending side; default block)\n"
            "  --quiet             no summary on stderr\n" SS_PIPELINE_OPTIONS_HELP);
}

/* Appends arg to list[0..*n) of at most max, the option's values in the
 * order given; false after saying there are too many. */
static bool add_arg(const char **list, size_t *n, size_t max, const char *name, const char *arg)
{
    if (*n == max) {
        fprintf(stderr, "sigsift scan: more than %zu --%s\n", max, name);
        return false;
    }
    list[(*n)++] = arg;
    return true;
}

static bool parse_count(const char *s, uint64_t *v)
{
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    *v = x;
    return errno == 0 && end != s && *end == '\0' && s[0] != '-' && x >= 1;
}

/* The screening options: port prefixes, warnings, report numbers,
 * pseudonyms. 0, or -1 after saying why. */
static int setup_cfg(struct scan *s)
{
    char err[SS_PSEUDONYM_ERR_MAX];
    const struct ss_screen_opts o = {
        .ports = s->o.ports,
        .n_ports = s->o.n_ports,
        .reports = s->o.reports,
        .n_reports = s->o.n_reports,
        .port_warn = s->o.port_warn,
        .pseudonym_key = s->o.pseudonym_key,
        .mt_max = s->o.mt_max,
    };
    if (ss_screen_cfg_setup(&s->cfg, &s->pseudonym, &o, err, sizeof err) == 0)
        return 0;
    fprintf(stderr, "sigsift scan: %s\n", err);
    return -1;
}

static int parse(int argc, char **argv, struct scan_opts *o)
{
    static const struct option opts[] = {
        {"rules", required_argument, NULL, 'r'},   {"events", required_argument, NULL, 'e'},
        {"evidence", required_argument, NULL, 'x'}, {"all", no_argument, NULL, 'a'},
        {"matcher", required_argument, NULL, 'm'}, {"quiet", no_argument, NULL, 'q'},
        {"pseudonymise", required_argument, NULL, 'P'},
        {"port-prefix", required_argument, NULL, 'p'},
        {"port-warn", required_argument, NULL, 'w'},
        {"report-number", required_argument, NULL, 'R'},
        {"mt-max", required_argument, NULL, 'M'},
        {"help", no_argument, NULL, 'h'},          SS_PIPELINE_LONGOPTS('T'),
        {NULL, 0, NULL, 0}};
    int c, at;
    o->matcher = "hyperscan";
    ss_pipeline_cfg_default(&o->pipeline);
    while ((c = getopt_long(argc, argv, "r:e:x:am:qh", opts, &at)) != -1) {
        switch (c) {
        case 'r':
            if (!add_arg(o->rules, &o->n_rules, RULES_MAX, "rules", optarg))
                return 2;
            break;
        case 'e':
            o->events = optarg;
            break;
        case 'x':
            o->evidence = optarg;
            break;
        case 'a':
            o->all = true;
            break;
        case 'm':
            o->matcher = optarg;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'P':
            o->pseudonym_key = optarg;
            break;
        case 'p':
            if (!add_arg(o->ports, &o->n_ports, SS_NUMBERS_MAX, "port-prefix", optarg))
                return 2;
            break;
        case 'R':
            if (!add_arg(o->reports, &o->n_reports, SS_NUMBERS_MAX, "report-number", optarg))
                return 2;
            break;
        case 'M':
            o->mt_max = optarg;
            break;
        case 'w':
            if (!parse_count(optarg, &o->port_warn)) {
                fprintf(stderr, "sigsift scan: --port-warn %s: expected a count >= 1\n", optarg);
                return 2;
            }
            break;
        case 'T':
            if (!ss_pipeline_cfg_option(&o->pipeline, opts[at].name, optarg)) {
                fprintf(stderr, "sigsift scan: bad --%s %s\n", opts[at].name, optarg);
                return 2;
            }
            break;
        case 'h':
            usage(stdout);
            return 1;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (o->n_rules == 0 || optind >= argc) {
        fprintf(stderr, "sigsift scan: %s\n", o->n_rules ? "no capture given" : "no --rules given");
        usage(stderr);
        return 2;
    }
    return 0;
}

/* Writes the frames of a flagged message that are still in the frame log
 * and were not written for an earlier message. */
static void write_evidence(struct scan *s, const struct ss_sm *sm)
{
    for (unsigned i = 0; i < sm->frames.n; i++) {
        uint64_t id = sm->frames.id[i];
        uint64_t *last = &s->evidence_ids[id & (ss_framelog_entries(s->log) - 1)];
        struct ss_framelog_rec rec;
        if (*last == id || ss_framelog_get(s->log, id, &rec) != SS_OK)
            continue;
        struct pcap_pkthdr h = {
            .ts = {.tv_sec = (time_t)(rec.ts_ns / 1000000000ull),
                   .tv_usec = (suseconds_t)(rec.ts_ns % 1000000000ull / 1000)},
            .caplen = rec.caplen,
            .len = rec.len,
        };
        pcap_dump((u_char *)s->dumper, &h, rec.data);
        *last = id;
        s->evidence_frames++;
    }
}

static void on_sm(void *arg, const struct ss_sm *sm)
{
    struct scan *s = arg;
    bool flagged;
    size_t n = ss_screen_sm(&s->screen, sm, s->line, sizeof(s->line), &flagged);
    if (n && s->events) {
        fwrite(s->line, 1, n, s->events);
        s->events_written++;
    }
    if (flagged && s->dumper)
        write_evidence(s, sm);
}

static void on_frame(void *arg, const uint8_t *frame, size_t len, enum ss_linktype lt,
                     uint64_t ts_ns, uint64_t frame_no)
{
    struct scan *s = arg;
    uint64_t id = s->frame_base + frame_no;
    s->last_frame = id;
    if (s->dumper)
        ss_framelog_put(s->log, id, ts_ns, frame, len);
    ss_burst_add(&s->burst, frame, len, lt, ts_ns, id);
}

static int open_outputs(struct scan *s)
{
    if (s->o.events) {
        s->events = strcmp(s->o.events, "-") == 0 ? stdout : fopen(s->o.events, "w");
        if (!s->events) {
            perror(s->o.events);
            return -1;
        }
    }
    if (!s->o.evidence)
        return 0;
    s->log = ss_framelog_new(FRAMELOG_BYTES, SNAP);
    if (s->log)
        s->evidence_ids = calloc(ss_framelog_entries(s->log), sizeof(*s->evidence_ids));
    s->dead = pcap_open_dead(DLT_EN10MB, SNAP);
    s->dumper = s->dead ? pcap_dump_open(s->dead, s->o.evidence) : NULL;
    if (!s->log || !s->evidence_ids || !s->dumper) {
        fprintf(stderr, "sigsift scan: --evidence %s: %s\n", s->o.evidence,
                s->dead ? pcap_geterr(s->dead) : "out of memory");
        return -1;
    }
    return 0;
}

static int close_outputs(struct scan *s)
{
    int rc = 0;
    if (s->events && s->events != stdout)
        rc |= fclose(s->events);
    else if (s->events)
        rc |= fflush(stdout);
    if (s->dumper)
        pcap_dump_close(s->dumper);
    if (s->dead)
        pcap_close(s->dead);
    ss_framelog_free(s->log);
    free(s->evidence_ids);
    return rc ? -1 : 0;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void print_summary(const struct scan *s, double seconds)
{
    const struct ss_stats *st = ss_pipeline_stats(s->pl);
    fprintf(stderr, "frames %llu, messages %llu (MO %llu, MT %llu) in %.2f s: %.0f frames/s, %.0f messages/s\n",
            (unsigned long long)st->frames, (unsigned long long)st->messages,
            (unsigned long long)st->messages_mo, (unsigned long long)st->messages_mt, seconds,
            (double)st->frames / seconds, (double)st->messages / seconds);
    ss_screen_report(stderr, s->screen.rs, s->o.matcher, &s->screen.summary,
                     s->screen.judge_errors, 10, &s->cfg);
    fprintf(stderr, "events written %llu, evidence frames %llu\n",
            (unsigned long long)s->events_written, (unsigned long long)s->evidence_frames);
    ss_stats_print(stderr, st);
}

static int scan_files(struct scan *s, int argc, char **argv)
{
    char err[512];
    double t0 = now_s();
    for (int i = optind; i < argc; i++) {
        if (ss_pcap_each(argv[i], on_frame, s, err, sizeof(err)) != 0) {
            fprintf(stderr, "sigsift scan: %s\n", err);
            return 1;
        }
        s->frame_base = s->last_frame;
    }
    ss_burst_flush(&s->burst);
    ss_pipeline_finish(s->pl);
    if (!s->o.quiet)
        print_summary(s, now_s() - t0);
    return 0;
}

int ss_scan_main(int argc, char **argv)
{
    struct scan *s = calloc(1, sizeof(*s));
    if (!s)
        return 1;
    int rc = parse(argc, argv, &s->o);
    if (rc) {
        free(s);
        return rc == 1 ? 0 : rc;
    }
    char err[SS_RULES_ERR_MAX];
    const struct ss_matcher_ops *m = ss_matcher_find(s->o.matcher);
    struct ss_ruleset *rs = NULL;
    struct ss_ruleset_scratch *tmpl = NULL;
    if (setup_cfg(s) != 0) {
        rc = 2;
    } else if (!m) {
        ss_matcher_report_missing(stderr, "sigsift scan", s->o.matcher);
        rc = 2;
    } else if (!(rs = ss_bundle_open_rules(s->o.rules, s->o.n_rules, m, NULL, err, sizeof(err)))) {
        fprintf(stderr, "sigsift scan: %s\n", err);
        rc = 2;
    } else if (ss_ruleset_scratch_alloc(rs, &tmpl) != SS_OK ||
               ss_screen_init(&s->screen, rs, tmpl, 0, s->o.all) != SS_OK ||
               !(s->pl = ss_pipeline_new(&s->o.pipeline, on_sm, s))) {
        fprintf(stderr, "sigsift scan: out of memory\n");
        rc = 1;
    } else if (open_outputs(s) != 0) {
        rc = 1;
    } else {
        s->screen.events = s->events != NULL;
        s->screen.cfg = &s->cfg;
        ss_burst_init(&s->burst, s->pl);
        rc = scan_files(s, argc, argv);
    }
    if (close_outputs(s) != 0 && rc == 0)
        rc = 1;
    ss_pipeline_free(s->pl);
    ss_screen_fini(&s->screen);
    if (tmpl)
        ss_ruleset_scratch_free(rs, tmpl);
    if (rs)
        ss_ruleset_free(rs);
    free(s);
    return rc;
}
