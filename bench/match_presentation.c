/* How should normalised text be presented to Hyperscan? Scans the same
 * messages, with the same rules compiled in the same presentation, as
 * UTF-8, UTF-16LE and the remap code (present.h), counts the messages
 * whose hits differ from UTF-8's (UTF-16 can match at an odd byte
 * offset, across two characters; remap cannot), and prints a table with
 * ratios against UTF-8 measured in this run. Exits 1 when the default
 * presentation's hits differ from UTF-8's.
 *
 * Messages: 70-character Chinese texts, code points drawn with a Zipf
 * law over a seeded shuffle of the 3755 common hanzi, digits and Latin
 * letters now and then, punctuation and spaces between (folded away by
 * normalisation); 5% carry one of the generated keywords. Keywords: 2-6
 * hanzi drawn uniformly from the same table, written as a word list,
 * plus the library folder given (rules/).
 * usage: match_presentation RULES_DIR [KEYWORDS] [MESSAGES] [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dataplane/match/cjk_table.h"
#include "dataplane/match/matcher.h"

#define TEXT_CHARS 70

static uint64_t rng = 88172645463325252ull;

static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Zipf(1) over the shuffled table: rank k with weight 1/(k+1). */
static uint16_t shuffled[SS_CJK_CODES];
static double cdf[SS_CJK_CODES];

static void init_zipf(void)
{
    double sum = 0;
    memcpy(shuffled, ss_cjk_cp, sizeof shuffled);
    for (size_t i = SS_CJK_CODES - 1; i > 0; i--) {
        size_t j = next_rand() % (i + 1);
        uint16_t t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
    }
    for (size_t k = 0; k < SS_CJK_CODES; k++)
        cdf[k] = (sum += 1.0 / (double)(k + 1));
    for (size_t k = 0; k < SS_CJK_CODES; k++)
        cdf[k] /= sum;
}

static uint32_t zipf_hanzi(void)
{
    double u = (double)(next_rand() >> 11) / 9007199254740992.0;
    size_t lo = 0, hi = SS_CJK_CODES - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return shuffled[lo];
}

static size_t put_utf8(char *out, uint32_t cp)
{
    size_t n = 0;
    uint8_t b[8];
    ss_present_cp(SS_PRES_UTF8, cp, b, sizeof b, &n);
    memcpy(out, b, n);
    return n;
}

struct corpus {
    char **text;
    size_t *len;
    size_t n;
};

static void make_keyword(char *out)
{
    size_t n = 0, chars = 2 + next_rand() % 5;
    for (size_t i = 0; i < chars; i++)
        n += put_utf8(out + n, ss_cjk_cp[next_rand() % SS_CJK_CODES]);
    out[n] = '\0';
}

static void make_text(char *out, size_t *len, const char *keyword)
{
    static const uint32_t noise[] = {0xff0c, 0x3002, ' ', '!', 0x3010, 0x3011, '1', '8', 'a', 'K'};
    size_t n = 0, at = keyword ? next_rand() % TEXT_CHARS : SIZE_MAX;
    for (size_t i = 0; i < TEXT_CHARS; i++) {
        if (i == at) {
            memcpy(out + n, keyword, strlen(keyword));
            n += strlen(keyword);
        }
        n += put_utf8(out + n, next_rand() % 10
                                   ? zipf_hanzi()
                                   : noise[next_rand() % (sizeof noise / sizeof noise[0])]);
    }
    *len = n;
}

static void make_corpus(struct corpus *c, size_t messages, char **kw, size_t n_kw)
{
    c->n = messages;
    c->text = malloc(messages * sizeof *c->text);
    c->len = malloc(messages * sizeof *c->len);
    for (size_t i = 0; i < messages; i++) {
        c->text[i] = malloc(TEXT_CHARS * 4 + 64);
        make_text(c->text[i], &c->len[i], next_rand() % 20 == 0 ? kw[next_rand() % n_kw] : NULL);
    }
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* One presentation's rule set, presented texts and figures. */
struct result {
    struct ss_ruleset *rs;
    struct ss_ruleset_scratch *sc;
    uint8_t **pres;
    size_t *plen, total, db_bytes, hits;
    double compile_s, norm_s, scan_s; /* best round */
    uint64_t *sig;                    /* per message: hash of sorted hits */
};

static uint64_t signature(struct ss_hits *h)
{
    uint64_t s = 1469598103934665603ull;
    qsort(h->rule, h->n < SS_HITS_MAX ? h->n : SS_HITS_MAX, sizeof h->rule[0], by_value);
    for (uint32_t i = 0; i < h->n && i < SS_HITS_MAX; i++)
        s = (s ^ h->rule[i]) * 1099511628211ull;
    return s;
}

static int prepare(enum ss_presentation p, const char *const *paths, const struct corpus *c,
                   struct result *r)
{
    struct ss_rules rules;
    char err[SS_RULES_ERR_MAX], *bytes;
    double t0 = now();
    if (ss_rules_load(&rules, paths, 2, err, sizeof err) != SS_OK ||
        ss_ruleset_build(&rules, &ss_hs_matcher, p, 1, &r->rs, err, sizeof err) != SS_OK ||
        ss_ruleset_scratch_alloc(r->rs, &r->sc) != SS_OK) {
        fprintf(stderr, "%s: %s\n", ss_presentation_name(p), err);
        return 1;
    }
    r->compile_s = now() - t0;
    ss_hs_matcher.serialize(r->rs->part[0].db, &bytes, &r->db_bytes);
    free(bytes);
    r->pres = malloc(c->n * sizeof *r->pres);
    r->plen = malloc(c->n * sizeof *r->plen);
    r->sig = malloc(c->n * sizeof *r->sig);
    r->total = r->hits = 0;
    for (size_t i = 0; i < c->n; i++) {
        r->pres[i] = malloc(SS_NORM_OUT_MAX(c->len[i]));
        ss_normalize(p, c->text[i], c->len[i], r->pres[i], SS_NORM_OUT_MAX(c->len[i]), &r->plen[i]);
        r->total += r->plen[i];
        ss_ruleset_scan(r->rs, r->sc, r->pres[i], r->plen[i]);
        r->hits += r->sc->hits.n;
        r->sig[i] = signature(&r->sc->hits);
    }
    r->norm_s = r->scan_s = 1e9;
    return 0;
}

/* One timed round of each stage over the whole corpus. */
static void measure(enum ss_presentation p, const struct corpus *c, struct result *r)
{
    size_t n;
    double t0 = now();
    for (size_t i = 0; i < c->n; i++)
        ss_normalize(p, c->text[i], c->len[i], r->sc->text, sizeof r->sc->text, &n);
    double t1 = now();
    for (size_t i = 0; i < c->n; i++)
        ss_ruleset_scan(r->rs, r->sc, r->pres[i], r->plen[i]);
    double t2 = now();
    if (t1 - t0 < r->norm_s)
        r->norm_s = t1 - t0;
    if (t2 - t1 < r->scan_s)
        r->scan_s = t2 - t1;
}

static char *write_keywords(char **kw, size_t n)
{
    static char dir[] = "/tmp/ss_bench_XXXXXX";
    static char path[64];
    if (mkdtemp(dir) == NULL)
        return NULL;
    snprintf(path, sizeof path, "%s/bench.txt", dir);
    FILE *f = fopen(path, "w");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s\n", kw[i]);
    fclose(f);
    return path;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s RULES_DIR [KEYWORDS] [MESSAGES] [ROUNDS]\n", argv[0]);
        return 2;
    }
    size_t n_kw = argc > 2 ? strtoul(argv[2], NULL, 10) : 10000;
    size_t messages = argc > 3 ? strtoul(argv[3], NULL, 10) : 100000;
    size_t rounds = argc > 4 ? strtoul(argv[4], NULL, 10) : 10;
    init_zipf();
    char **kw = malloc(n_kw * sizeof *kw);
    for (size_t i = 0; i < n_kw; i++) {
        kw[i] = malloc(6 * 4 + 1);
        make_keyword(kw[i]);
    }
    struct corpus c;
    make_corpus(&c, messages, kw, n_kw);
    char *kw_path = write_keywords(kw, n_kw);
    const char *paths[] = {argv[1], kw_path};

    struct result r[SS_PRES_COUNT];
    int bad = 0;
    for (int p = 0; p < SS_PRES_COUNT; p++)
        bad |= prepare((enum ss_presentation)p, paths, &c, &r[p]);
    unlink(kw_path);
    *strrchr(kw_path, '/') = '\0';
    rmdir(kw_path);
    if (bad)
        return 1;
    /* Rounds alternate between presentations and the best round counts,
     * so load from other processes does not favour one of them. */
    for (size_t round = 0; round < rounds; round++)
        for (int p = 0; p < SS_PRES_COUNT; p++)
            measure((enum ss_presentation)p, &c, &r[p]);

    printf("%zu generated keywords + %s, %zu messages of %d characters, best of %zu rounds\n\n",
           n_kw, argv[1], messages, TEXT_CHARS, rounds);
    printf("| presentation | bytes/msg | compile s | db KiB | normalise+present M msg/s "
           "| scan M msg/s | scan MB/s | vs utf8 | hits | messages with other hits than utf8 |\n");
    printf("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int p = 0; p < SS_PRES_COUNT; p++) {
        size_t differ = 0;
        for (size_t i = 0; i < messages; i++)
            differ += r[p].sig[i] != r[SS_PRES_UTF8].sig[i];
        double mps = (double)messages / r[p].scan_s / 1e6;
        printf("| %s | %.1f | %.2f | %zu | %.2f | %.2f | %.0f | %.2fx | %zu | %zu |\n",
               ss_presentation_name((enum ss_presentation)p), (double)r[p].total / (double)messages,
               r[p].compile_s, r[p].db_bytes / 1024, (double)messages / r[p].norm_s / 1e6, mps,
               (double)r[p].total / r[p].scan_s / 1e6, r[SS_PRES_UTF8].scan_s / r[p].scan_s,
               r[p].hits, differ);
        bad |= p == SS_PRES_DEFAULT && differ != 0;
    }
    return bad;
}
