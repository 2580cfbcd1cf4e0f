/* The matching floor of bench/replay.sh: the capture's own message texts
 * (one UTF-8 text per line, from the generator's truth) normalised into
 * the rule set's presentation once, then scanned by the rule set alone
 * (ss_ruleset_scan: Hyperscan, no decode, no bookkeeping), timed apart.
 * Usage: match_floor TEXTS RULES SECONDS; prints one JSON line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dataplane/match/matcher.h"
#include "dataplane/match/ruleset_files.h"

#define TEXTS_MAX 200000
#define LINE_MAX  4096

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    static char line[LINE_MAX];
    static uint8_t *pres[TEXTS_MAX];
    static size_t plen[TEXTS_MAX];
    char err[512];
    size_t n = 0, bytes = 0;

    if (argc != 4) {
        fprintf(stderr, "usage: match_floor TEXTS RULES SECONDS\n");
        return 2;
    }
    const char *paths[] = {argv[2]};
    struct ss_ruleset *rs = ss_ruleset_from_files(paths, 1, &ss_hs_matcher, err, sizeof err);
    struct ss_ruleset_scratch *sc = NULL;
    FILE *f = fopen(argv[1], "r");
    if (rs == NULL || f == NULL || ss_ruleset_scratch_alloc(rs, &sc) != SS_OK) {
        fprintf(stderr, "match_floor: %s\n", rs == NULL ? err : "cannot open texts or scratch");
        return 1;
    }
    double t0 = now();
    while (n < TEXTS_MAX && fgets(line, sizeof line, f) != NULL) {
        size_t len = strcspn(line, "\n");
        pres[n] = malloc(SS_NORM_OUT_MAX(len) + 1);
        if (pres[n] == NULL)
            return 1;
        ss_normalize(rs->pres, line, len, pres[n], SS_NORM_OUT_MAX(len) + 1, &plen[n]);
        bytes += plen[n++];
    }
    double norm_s = now() - t0, secs = atof(argv[3]), t1 = now(), el;
    uint64_t scans = 0, hit = 0;
    do {
        for (size_t i = 0; i < n; i++) {
            ss_ruleset_scan(rs, sc, pres[i], plen[i]);
            hit += sc->hits.n > 0;
        }
        scans += n;
    } while ((el = now() - t1) < secs);
    printf("{\"texts\":%zu,\"bytes_per_text\":%.1f,\"scan_messages_per_s\":%.0f,"
           "\"hit_fraction\":%.4f,\"normalize_ns_per_message\":%.0f}\n",
           n, n ? (double)bytes / (double)n : 0.0, (double)scans / el,
           scans ? (double)hit / (double)scans : 0.0, n ? norm_s * 1e9 / (double)n : 0.0);
    return 0;
}
