#include "dataplane/cli/decode.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "dataplane/cli/pcap_source.h"
#include "dataplane/core/burst.h"
#include "dataplane/output/sm_json.h"

struct decode_ctx {
    struct ss_pipeline *pl;
    struct ss_burst burst;
    char line[3 * SS_SM_TEXT_MAX];
};

static void print_sm(void *arg, const struct ss_sm *sm)
{
    struct decode_ctx *d = arg;
    struct ss_json j;
    ss_json_begin(&j, d->line, sizeof(d->line));
    ss_sm_json(&j, sm, NULL);
    size_t n = ss_json_end(&j);
    fwrite(d->line, 1, n, stdout);
}

static void on_frame(void *arg, const uint8_t *frame, size_t len, enum ss_linktype lt,
                     uint64_t ts_ns, uint64_t frame_no)
{
    struct decode_ctx *d = arg;
    ss_burst_add(&d->burst, frame, len, lt, ts_ns, frame_no);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: sigsift decode [--quiet] [table options] FILE.pcap|FILE.pcapng...\n"
               "  One JSON object per complete short message on stdout;\n"
               "  counters on stderr unless --quiet.\n" SS_PIPELINE_OPTIONS_HELP);
}

int ss_decode_main(int argc, char **argv)
{
    static const struct option opts[] = {{"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         SS_PIPELINE_LONGOPTS('T'),
                                         {NULL, 0, NULL, 0}};
    int quiet = 0, c, at;
    struct ss_pipeline_cfg cfg;
    ss_pipeline_cfg_default(&cfg);
    while ((c = getopt_long(argc, argv, "qh", opts, &at)) != -1) {
        if (c == 'q') {
            quiet = 1;
        } else if (c == 'T') {
            if (!ss_pipeline_cfg_option(&cfg, opts[at].name, optarg)) {
                fprintf(stderr, "sigsift decode: bad --%s %s\n", opts[at].name, optarg);
                return 2;
            }
        } else {
            usage(c == 'h' ? stdout : stderr);
            return c == 'h' ? 0 : 2;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return 2;
    }
    struct decode_ctx *d = malloc(sizeof(*d));
    if (!d || !(d->pl = ss_pipeline_new(&cfg, print_sm, d))) {
        fprintf(stderr, "sigsift decode: out of memory\n");
        free(d);
        return 1;
    }
    ss_burst_init(&d->burst, d->pl);
    int rc = 0;
    char err[512];
    for (int i = optind; i < argc && rc == 0; i++) {
        if (ss_pcap_each(argv[i], on_frame, d, err, sizeof(err)) != 0) {
            fprintf(stderr, "sigsift decode: %s\n", err);
            rc = 1;
        }
    }
    ss_burst_flush(&d->burst);
    ss_pipeline_finish(d->pl);
    fflush(stdout);
    if (!quiet)
        ss_stats_print(stderr, ss_pipeline_stats(d->pl));
    ss_pipeline_free(d->pl);
    free(d);
    return rc;
}
