/* Run reports. Rates use the span of frames actually received, so the
 * idle time that detects the end of a replay does not dilute them. */
#include "dataplane/dpdk/report.h"

#include <inttypes.h>

#include <rte_cycles.h>

#include "dataplane/dpdk/port.h"

static uint64_t load(const uint64_t *v)
{
    return __atomic_load_n(v, __ATOMIC_RELAXED);
}

void ss_report_interval(FILE *f, double t, struct ss_worker *const *w, unsigned n)
{
    fprintf(f, "[%.1fs]", t);
    for (unsigned i = 0; i < n; i++)
        fprintf(f, " w%u frames=%" PRIu64 " messages=%" PRIu64, i, load(&w[i]->c.frames),
                load(&w[i]->c.messages));
    fputc('\n', f);
}

static void print_worker(FILE *f, const struct ss_worker *w)
{
    const struct ss_worker_counters *c = &w->c;
    fprintf(f,
            "worker%u.lcore %u\nworker%u.frames %" PRIu64 "\nworker%u.bytes %" PRIu64
            "\nworker%u.messages %" PRIu64 "\nworker%u.events %" PRIu64
            "\nworker%u.events_dropped %" PRIu64 "\nworker%u.oversize %" PRIu64
            "\nworker%u.evidence_frames %" PRIu64 "\nworker%u.evidence_dropped %" PRIu64
            "\nworker%u.evidence_lost %" PRIu64 "\nworker%u.cpu_seconds %.3f\n",
            w->id, w->lcore, w->id, c->frames, w->id, c->bytes, w->id, c->messages, w->id,
            c->events, w->id, c->events_dropped, w->id, c->oversize, w->id, c->evidence_frames,
            w->id, c->evidence_dropped, w->id, c->evidence_lost, w->id, (double)c->cpu_ns * 1e-9);
}

static void print_dist(FILE *f, const struct ss_dist_counters *d)
{
    fprintf(f,
            "dist.frames %" PRIu64 "\ndist.other %" PRIu64 "\ndist.malformed %" PRIu64
            "\ndist.discarded %" PRIu64 "\n",
            d->frames, d->other, d->malformed, d->discarded);
}

void ss_report_final(FILE *f, struct ss_worker *const *w, unsigned n,
                     const struct ss_dist_counters *dist)
{
    struct ss_stats sum = {0};
    struct ss_framelog_stats fl = {0};

    for (unsigned i = 0; i < n; i++) {
        print_worker(f, w[i]);
        if (w[i]->pl != NULL)
            ss_stats_add(&sum, ss_pipeline_stats(w[i]->pl));
        if (w[i]->fl != NULL) {
            const struct ss_framelog_stats *s = ss_framelog_stats(w[i]->fl);
            fl.puts += s->puts;
            fl.truncated += s->truncated;
            fl.hits += s->hits;
            fl.misses += s->misses;
        }
    }
    if (dist != NULL)
        print_dist(f, dist);
    ss_stats_print(f, &sum);
    if (fl.puts != 0)
        fprintf(f,
                "framelog.puts %" PRIu64 "\nframelog.truncated %" PRIu64 "\nframelog.hits %" PRIu64
                "\nframelog.misses %" PRIu64 "\n",
                fl.puts, fl.truncated, fl.hits, fl.misses);
}

/* Span from the first to the last non-empty burst of any worker. */
static double span_s(struct ss_worker *const *w, unsigned n)
{
    uint64_t first = UINT64_MAX, last = 0;
    for (unsigned i = 0; i < n; i++) {
        if (w[i]->c.first_tsc == 0)
            continue;
        first = w[i]->c.first_tsc < first ? w[i]->c.first_tsc : first;
        last = w[i]->c.last_tsc > last ? w[i]->c.last_tsc : last;
    }
    return last > first ? (double)(last - first) / (double)rte_get_tsc_hz() : 0.0;
}

void ss_report_totals(struct ss_worker *const *w, unsigned n, struct ss_run_totals *t)
{
    *t = (struct ss_run_totals){0};
    while (t->workers < n && w[t->workers] != NULL) {
        const struct ss_worker_counters *c = &w[t->workers++]->c;
        t->frames += c->frames;
        t->bytes += c->bytes;
        t->messages += c->messages;
    }
    t->seconds = span_s(w, t->workers);
}

static void json_rates(FILE *f, uint64_t frames, uint64_t messages, uint64_t bytes, double s)
{
    double d = s > 0 ? s : 1.0;
    fprintf(f,
            "\"frames\":%" PRIu64 ",\"messages\":%" PRIu64 ",\"bytes\":%" PRIu64
            ",\"frames_per_s\":%.1f,\"messages_per_s\":%.1f,\"gbit_per_s\":%.6f",
            frames, messages, bytes, s > 0 ? frames / d : 0.0, s > 0 ? messages / d : 0.0,
            s > 0 ? bytes * 8.0 / d / 1e9 : 0.0);
}

/* Rates per second of worker CPU time (the loop's thread clock), as
 * bench/decode_bench counts them: on a shared host they leave out the
 * time other threads held the core. */
static void json_cpu(FILE *f, uint64_t frames, uint64_t messages, uint64_t cpu_ns)
{
    double s = (double)cpu_ns * 1e-9;
    fprintf(f, ",\"cpu_seconds\":%.6f,\"frames_per_cpu_s\":%.1f,\"messages_per_cpu_s\":%.1f", s,
            s > 0 ? frames / s : 0.0, s > 0 ? messages / s : 0.0);
}

int ss_report_json(const char *path, struct ss_worker *const *w, unsigned n, bool drop,
                   const char *distribution, const uint16_t *ports, uint16_t n_ports)
{
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    double s = span_s(w, n);
    uint64_t frames = 0, messages = 0, bytes = 0, cpu_ns = 0;
    fprintf(f, "{\"mode\":\"%s\",\"distribution\":\"%s\",\"duration_s\":%.6f,\"workers\":[",
            drop ? "drop" : "decode", distribution, s);
    for (unsigned i = 0; i < n; i++) {
        const struct ss_worker_counters *c = &w[i]->c;
        fprintf(f, "%s{\"worker\":%u,\"lcore\":%u,", i ? "," : "", w[i]->id, w[i]->lcore);
        json_rates(f, c->frames, c->messages, c->bytes, s);
        json_cpu(f, c->frames, c->messages, c->cpu_ns);
        fputc('}', f);
        frames += c->frames;
        messages += c->messages;
        bytes += c->bytes;
        cpu_ns += c->cpu_ns;
    }
    fputs("],\"total\":{", f);
    json_rates(f, frames, messages, bytes, s);
    json_cpu(f, frames, messages, cpu_ns);
    fputs("},\"ports\":[", f);
    for (uint16_t i = 0; i < n_ports; i++) {
        char port[SS_PORT_JSON_MAX];
        ss_port_stats_json(ports[i], port, sizeof port);
        fprintf(f, "%s%s", i ? "," : "", port);
    }
    fputs("]}\n", f);
    if (fclose(f) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}
