/* The matching floor of bench/replay.sh and what the judging path adds
 * to it: the capture's own messages (one "SENDER<TAB>TEXT" line each, from
 * the generator's truth) judged without decode, in alternating rounds:
 *   scan      ss_ruleset_scan alone on texts normalised beforehand (the floor)
 *   normalise ss_normalize alone
 *   judge     ss_judge: normalise, scan, policy
 *   screen    ss_screen_sm without events: judge, sender lists, summary
 *   events    ss_screen_sm with the event line formatted (JSON)
 * The screen rounds also copy each text into a message record, as the
 * pipeline does. Each figure is the median of the rounds' per-message
 * CPU times (this thread's CPU clock: the machine is shared).
 * Usage: match_floor MESSAGES RULES SECONDS; prints one JSON line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dataplane/core/screen.h"
#include "dataplane/match/matcher.h"
#include "dataplane/match/ruleset_files.h"

#define TEXTS_MAX  200000
#define LINE_MAX   4096
#define ROUNDS_MIN 5
#define ROUNDS_MAX 101

enum mode { SCAN, NORMALISE, JUDGE, SCREEN, EVENTS, MODES };
static const char *const mode_name[MODES] = {"scan", "normalise", "judge", "screen", "events"};

struct msg {
    char *sender, *text;
    size_t text_len;
    uint8_t *pres; /* the text normalised, for the scan floor */
    size_t pres_len;
};

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double wall_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int load(const char *path, const struct ss_ruleset *rs, struct msg *m, size_t *n,
                size_t *bytes)
{
    static char line[LINE_MAX];
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    while (*n < TEXTS_MAX && fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        char *text = tab ? tab + 1 : line;
        struct msg *x = &m[*n];
        if (tab)
            *tab = '\0';
        x->sender = strdup(tab ? line : "");
        x->text = strdup(text);
        x->text_len = strlen(text);
        x->pres = malloc(SS_NORM_OUT_MAX(x->text_len) + 1);
        if (x->sender == NULL || x->text == NULL || x->pres == NULL)
            return -1;
        ss_normalize(rs->pres, text, x->text_len, x->pres, SS_NORM_OUT_MAX(x->text_len) + 1,
                     &x->pres_len);
        *bytes += x->pres_len;
        (*n)++;
    }
    fclose(f);
    return 0;
}

static volatile size_t sink;

/* One pass of mode over every message; returns the hits seen. */
static uint64_t pass(enum mode md, const struct msg *m, size_t n, struct ss_screen *scr,
                     struct ss_sm *sm, char *line, size_t cap)
{
    uint64_t hit = 0;
    size_t out = 0;
    struct ss_verdict v;
    bool flagged;
    for (size_t i = 0; i < n; i++) {
        switch (md) {
        case SCAN:
            ss_ruleset_scan(scr->rs, scr->scratch, m[i].pres, m[i].pres_len);
            hit += scr->scratch->hits.n > 0;
            break;
        case NORMALISE:
            ss_normalize(scr->rs->pres, m[i].text, m[i].text_len, scr->scratch->text,
                         sizeof scr->scratch->text, &out);
            break;
        case JUDGE:
            ss_judge(scr->rs, scr->scratch, m[i].text, m[i].text_len, &v);
            hit += v.n_rules > 0;
            break;
        default:
            strncpy(sm->sender, m[i].sender, sizeof sm->sender - 1);
            memcpy(sm->text, m[i].text, m[i].text_len + 1);
            sm->text_len = m[i].text_len;
            scr->events = md == EVENTS;
            out += ss_screen_sm(scr, sm, line, cap, &flagged);
            hit += flagged;
            break;
        }
    }
    sink = out;
    return hit;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    static struct msg m[TEXTS_MAX];
    static struct ss_sm sm;
    static char line[4 * SS_SM_TEXT_MAX];
    static double ns[MODES][ROUNDS_MAX];
    char err[512];
    size_t n = 0, bytes = 0;
    struct ss_screen scr;
    struct ss_ruleset_scratch *tmpl = NULL;

    if (argc != 4) {
        fprintf(stderr, "usage: match_floor MESSAGES RULES SECONDS\n");
        return 2;
    }
    const char *paths[] = {argv[2]};
    struct ss_ruleset *rs = ss_ruleset_from_files(paths, 1, &ss_hs_matcher, err, sizeof err);
    if (rs == NULL || ss_ruleset_scratch_alloc(rs, &tmpl) != SS_OK ||
        ss_screen_init(&scr, rs, tmpl, 0, false) != SS_OK || load(argv[1], rs, m, &n, &bytes)) {
        fprintf(stderr, "match_floor: %s\n", rs == NULL ? err : "cannot load texts or scratch");
        return 1;
    }
    sm.has_text = true;
    sm.dcs = 8;
    sm.parts = 1;
    uint64_t hit = 0;
    int rounds = 0;
    double secs = atof(argv[3]), t0 = wall_now();
    while (n > 0 && rounds < ROUNDS_MAX && (rounds < ROUNDS_MIN || wall_now() - t0 < secs)) {
        for (int md = 0; md < MODES; md++) {
            double c0 = cpu_now();
            uint64_t h = pass((enum mode)md, m, n, &scr, &sm, line, sizeof line);
            ns[md][rounds] = (cpu_now() - c0) * 1e9 / (double)n;
            if (md == SCAN)
                hit = h;
        }
        rounds++;
    }
    double med[MODES];
    for (int md = 0; md < MODES; md++) {
        qsort(ns[md], (size_t)rounds, sizeof(double), by_value);
        med[md] = rounds ? ns[md][rounds / 2] : 0.0;
    }
    printf("{\"texts\":%zu,\"rounds\":%d,\"bytes_per_text\":%.1f,\"hit_fraction\":%.4f,"
           "\"scan_messages_per_s\":%.0f",
           n, rounds, n ? (double)bytes / (double)n : 0.0, n ? (double)hit / (double)n : 0.0,
           med[SCAN] > 0 ? 1e9 / med[SCAN] : 0.0);
    for (int md = 0; md < MODES; md++)
        printf(",\"%s_ns\":%.1f", mode_name[md], med[md]);
    printf("}\n");
    ss_screen_fini(&scr);
    ss_ruleset_scratch_free(rs, tmpl);
    ss_ruleset_free(rs);
    return 0;
}
