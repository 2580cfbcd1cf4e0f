/* Normalisation cost per message: ss_normalize into each presentation on
 * 70-character Chinese texts (90% GB 2312 level 1 hanzi, the common ones
 * more often; 10% digits, letters, spaces, full-width and CJK
 * punctuation), and a plain copy of the same bytes as the baseline
 * measured in the same run.
 * Usage: norm_bench [MESSAGES [ROUNDS]]; prints one markdown table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dataplane/match/cjk_table.h"
#include "dataplane/match/normalize.h"

#define TEXT_CHARS 70
#define TEXT_CAP   (TEXT_CHARS * 4)

static uint64_t rng = 88172645463325252ull;

static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* The square of a uniform draw favours low ranks, as real text favours
 * common hanzi. */
static uint32_t draw_char(void)
{
    static const uint32_t noise[] = {0xff0c, 0x3002, ' ', '!', 0x3010, 0x3011, '1', '8', 'a', 'K'};
    if (next_rand() % 10 == 0)
        return noise[next_rand() % (sizeof noise / sizeof noise[0])];
    uint64_t u = next_rand() % SS_CJK_CODES;
    return ss_cjk_cp[u * u / SS_CJK_CODES];
}

static size_t make_text(char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < TEXT_CHARS; i++)
        ss_present_cp(SS_PRES_UTF8, draw_char(), (uint8_t *)out, TEXT_CAP, &n);
    return n;
}

/* CPU time of this thread: on the shared machine, wall time also counts
 * the time other sessions' processes hold the core. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static volatile size_t sink;

/* Nanoseconds per message for one pass; p == SS_PRES_COUNT is the copy. */
static double pass(int p, char *texts, const size_t *len, size_t n)
{
    static uint8_t out[SS_NORM_OUT_MAX(TEXT_CAP)];
    size_t total = 0, o;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        const char *t = texts + i * TEXT_CAP;
        if (p == SS_PRES_COUNT) {
            memcpy(out, t, len[i]);
            o = len[i];
            __asm__ volatile("" : : "r"(out) : "memory");
        } else {
            ss_normalize((enum ss_presentation)p, t, len[i], out, sizeof out, &o);
        }
        total += o;
    }
    sink = total;
    return (now() - t0) * 1e9 / (double)n;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    char *texts = malloc(n * TEXT_CAP);
    size_t *len = malloc(n * sizeof *len), bytes = 0;
    double best[SS_PRES_COUNT + 1];

    if (texts == NULL || len == NULL || n == 0 || rounds < 1)
        return 1;
    for (size_t i = 0; i < n; i++)
        bytes += len[i] = make_text(texts + i * TEXT_CAP);
    for (int p = 0; p <= SS_PRES_COUNT; p++)
        best[p] = 1e30;
    for (int r = 0; r < rounds; r++) {
        for (int p = 0; p <= SS_PRES_COUNT; p++) {
            double ns = pass(p, texts, len, n);
            best[p] = ns < best[p] ? ns : best[p];
        }
    }
    printf("%zu messages of %d characters (%.1f UTF-8 bytes), best of %d rounds\n\n", n, TEXT_CHARS,
           (double)bytes / (double)n, rounds);
    printf("| into | ns/message | ns/character | M messages/s |\n|---|---:|---:|---:|\n");
    for (int p = 0; p <= SS_PRES_COUNT; p++)
        printf("| %s | %.1f | %.2f | %.2f |\n",
               p == SS_PRES_COUNT ? "memcpy (baseline)"
                                  : ss_presentation_name((enum ss_presentation)p),
               best[p], best[p] / TEXT_CHARS, 1e3 / best[p]);
    return 0;
}
