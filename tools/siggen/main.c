/* siggen: writes a pcap of synthetic SIGTRAN tap traffic carrying short
 * messages from a corpus, and the ground truth the decoder must reproduce. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include "context.h"
#include "pcap_writer.h"
#include "traffic.h"

#define DEFAULT_START_TIME 1700000000u

struct options {
    bool help;
    const char *corpus;
    const char *pcap;
    const char *truth;
    const char *variant;
    uint64_t count;
    uint64_t seed;
    uint64_t start_time;
    uint64_t ports;
};

static void usage(FILE *f)
{
    fprintf(f, "usage: siggen [--corpus FILE.tsv] --count N --seed S --out X.pcap "
               "--truth X.jsonl\n"
               "              [--variant NAME] [--start-time UNIX] [--ports N]\n"
               "  --ports N   commercial ports (106...) drawn from N numbers, not made anew\n"
               "variants:\n");
    sg_variant_list(f);
}

static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    *out = strtoull(s, &end, 10);
    return *s && !*end;
}

static bool parse_options(int argc, char **argv, struct options *o)
{
    static const struct option longopts[] = {{"corpus", required_argument, NULL, 'c'},
                                             {"count", required_argument, NULL, 'n'},
                                             {"seed", required_argument, NULL, 's'},
                                             {"out", required_argument, NULL, 'o'},
                                             {"truth", required_argument, NULL, 't'},
                                             {"variant", required_argument, NULL, 'v'},
                                             {"start-time", required_argument, NULL, 'T'},
                                             {"ports", required_argument, NULL, 'p'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    *o = (struct options){.corpus = SG_DEFAULT_CORPUS,
                          .variant = "mix",
                          .count = 1000,
                          .seed = 1,
                          .start_time = DEFAULT_START_TIME};
    int ch;
    bool ok = true;
    while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (ch) {
        case 'c':
            o->corpus = optarg;
            break;
        case 'n':
            ok = ok && parse_u64(optarg, &o->count);
            break;
        case 's':
            ok = ok && parse_u64(optarg, &o->seed);
            break;
        case 'o':
            o->pcap = optarg;
            break;
        case 't':
            o->truth = optarg;
            break;
        case 'v':
            o->variant = optarg;
            break;
        case 'T':
            ok = ok && parse_u64(optarg, &o->start_time);
            break;
        case 'p':
            ok = ok && parse_u64(optarg, &o->ports) && o->ports <= 100000;
            break;
        case 'h':
            o->help = true;
            return true;
        default:
            return false;
        }
    }
    return ok && optind == argc && o->pcap && o->truth;
}

static int generate(const struct options *o, const struct sg_variant *v,
                    const struct sg_corpus *corpus)
{
    struct sg_ctx c = {.v = v, .corpus = corpus, .n_ports = (uint32_t)o->ports};
    struct sg_pcap_writer pcap;
    FILE *truth = fopen(o->truth, "w");
    if (!truth || !sg_pcap_open(&pcap, o->pcap)) {
        fprintf(stderr, "siggen: cannot write %s\n", truth ? o->pcap : o->truth);
        if (truth)
            fclose(truth);
        return 1;
    }
    sg_prng_seed(&c.rng, o->seed);
    sg_tx_init(&c.tx, &pcap, truth, &c.rng, o->start_time * 1000000);
    sg_traffic_start(&c);
    sg_traffic_run(&c, o->count);
    sg_traffic_finish(&c);
    bool ok = sg_pcap_close(&pcap);
    ok = fclose(truth) == 0 && ok;
    if (!ok) {
        fprintf(stderr, "siggen: write error on %s or %s\n", o->pcap, o->truth);
        return 1;
    }
    fprintf(stderr, "siggen: %s: %" PRIu64 " frames, %" PRIu64 " messages, seed %" PRIu64 "\n",
            v->name, c.tx.frames, c.tx.records, o->seed);
    return 0;
}

int main(int argc, char **argv)
{
    struct options o;
    if (!parse_options(argc, argv, &o)) {
        usage(stderr);
        return 2;
    }
    if (o.help) {
        usage(stdout);
        return 0;
    }
    struct sg_variant variant;
    const struct sg_variant *v = &variant;
    if (!sg_variant_find(o.variant, &variant)) {
        fprintf(stderr, "siggen: unknown variant '%s'\n", o.variant);
        usage(stderr);
        return 2;
    }
    struct sg_corpus corpus;
    if (!sg_corpus_load(&corpus, o.corpus))
        return 1;
    bool need_gsm7 = v->pick == SG_PICK_GSM7, need_multi = v->pick == SG_PICK_MULTIPART;
    if ((need_gsm7 && !corpus.n_gsm7) || (need_multi && !corpus.n_multipart)) {
        fprintf(stderr, "%s: variant %s needs %s lines\n", o.corpus, v->name,
                need_gsm7 ? "GSM 7-bit" : "multi-part");
        sg_corpus_free(&corpus);
        return 1;
    }
    int rc = generate(&o, v, &corpus);
    sg_corpus_free(&corpus);
    return rc;
}
