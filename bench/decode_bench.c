/* Decode-only throughput of the core pipeline on one core, from memory:
 * the capture is loaded once, then replayed through one pipeline for at
 * least the requested time, each pass shifted in capture time so the
 * tables see continuous traffic. Prints one JSON line of figures.
 * Rates are per second of this thread's CPU time, not wall time: on a
 * shared machine the wall clock also counts the time other processes
 * hold the core, which is not decoding speed (both are printed).
 * Frames go to the pipeline in bursts of BURST (ss_pipeline_burst, as the
 * DPDK workers do; default 32); 1 is frame by frame (a burst of one is
 * what ss_pipeline_frame does).
 * TCAP_SLOTS sizes the dialogue table (default 65536), to see a table
 * sized for a national link, far larger than the caches.
 * usage: decode_bench CAPTURE [CPU_SECONDS [BURST [TCAP_SLOTS]]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dataplane/cli/pcap_source.h"
#include "dataplane/core/pipeline.h"

#define BURST_DEFAULT 32
#define BURST_MAX     256

struct frame {
    uint64_t ts_ns;
    size_t len;
    uint8_t *data;
};

struct capture {
    struct frame *f;
    size_t n, cap;
    size_t bytes;
    enum ss_linktype lt;
};

static void load_frame(void *arg, const uint8_t *p, size_t len, enum ss_linktype lt, uint64_t ts_ns,
                       uint64_t frame_no)
{
    (void)frame_no;
    struct capture *c = arg;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 1024;
        c->f = realloc(c->f, c->cap * sizeof(*c->f));
        if (!c->f)
            abort();
    }
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy)
        abort();
    memcpy(copy, p, len);
    c->f[c->n++] = (struct frame){.ts_ns = ts_ns, .len = len, .data = copy};
    c->bytes += len;
    c->lt = lt;
}

static void count_sm(void *ctx, const struct ss_sm *sm)
{
    (void)sm;
    (*(uint64_t *)ctx)++;
}

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: decode_bench CAPTURE [CPU_SECONDS [BURST [TCAP_SLOTS]]]\n");
        return 2;
    }
    double seconds = argc > 2 ? atof(argv[2]) : 5.0;
    int burst = argc > 3 ? atoi(argv[3]) : BURST_DEFAULT;
    if (burst < 1 || burst > BURST_MAX) {
        fprintf(stderr, "decode_bench: BURST is 1 to %d\n", BURST_MAX);
        return 2;
    }
    struct capture c = {0};
    char err[512];
    if (ss_pcap_each(argv[1], load_frame, &c, err, sizeof(err)) != 0 || c.n == 0) {
        fprintf(stderr, "decode_bench: %s\n", c.n ? err : "empty capture");
        return 1;
    }
    uint64_t messages = 0;
    struct ss_pipeline_cfg cfg;
    ss_pipeline_cfg_default(&cfg);
    if (argc > 4 && !ss_pipeline_cfg_option(&cfg, "tcap-slots", argv[4])) {
        fprintf(stderr, "decode_bench: bad TCAP_SLOTS %s\n", argv[4]);
        return 2;
    }
    struct ss_pipeline *pl = ss_pipeline_new(&cfg, count_sm, &messages);
    if (!pl)
        return 1;
    /* Each pass starts after the previous one ended and every entry of it
     * has expired, as if the same traffic came again later. */
    uint64_t timeout = cfg.timeout_ns > cfg.sctp_timeout_ns ? cfg.timeout_ns : cfg.sctp_timeout_ns;
    uint64_t span = c.f[c.n - 1].ts_ns - c.f[0].ts_ns + timeout + 1000000000ull;
    uint64_t passes = 0, id = 0;
    double wall0 = clock_s(CLOCK_MONOTONIC), cpu0 = clock_s(CLOCK_THREAD_CPUTIME_ID), elapsed;
    struct ss_frame_in in[BURST_MAX];
    do {
        uint64_t shift = passes * span;
        for (size_t i = 0; i < c.n; i += (size_t)burst) {
            size_t n = c.n - i < (size_t)burst ? c.n - i : (size_t)burst;
            for (size_t k = 0; k < n; k++)
                in[k] = (struct ss_frame_in){c.f[i + k].data, c.f[i + k].len,
                                             c.f[i + k].ts_ns + shift, ++id};
            ss_pipeline_burst(pl, in, n, c.lt);
        }
        passes++;
        elapsed = clock_s(CLOCK_THREAD_CPUTIME_ID) - cpu0;
    } while (elapsed < seconds);
    double wall = clock_s(CLOCK_MONOTONIC) - wall0;
    const struct ss_stats *st = ss_pipeline_stats(pl);
    printf("{\"capture\":\"%s\",\"burst\":%d,\"passes\":%llu,\"cpu_seconds\":%.3f,\"wall_seconds\":"
           "%.3f,"
           "\"frames_per_s\":%.0f,"
           "\"messages_per_s\":%.0f,\"parts_per_s\":%.0f,\"gbit_per_s\":%.3f,"
           "\"messages_per_pass\":%.0f,\"parts_per_pass\":%.0f,\"frames_per_pass\":%.0f}\n",
           argv[1], burst, (unsigned long long)passes, elapsed, wall, (double)st->frames / elapsed,
           (double)messages / elapsed, (double)st->sm_parts / elapsed,
           (double)st->bytes * 8 / elapsed / 1e9, (double)messages / (double)passes,
           (double)st->sm_parts / (double)passes, (double)st->frames / (double)passes);
    ss_pipeline_free(pl);
    for (size_t i = 0; i < c.n; i++)
        free(c.f[i].data);
    free(c.f);
    return 0;
}
