/* Test vectors for the keyword-matching block's testbench (tb_kwm.v).
 *
 * Writes a command stream (table writes, messages, bank waits), the text
 * bytes and, per message, the records the block must produce. Expected
 * records come from the C reference model (control/fpga); before writing
 * them, every well-formed message is also scanned by Hyperscan with the
 * same literals and the model must report exactly the same (rule, end
 * offset) set, so RTL = model = Hyperscan once the testbench passes.
 *
 * usage: kwm_vectors directed|quick|random|bench OUTDIR [--seed N] [--msgs N]
 *        [--keywords N] [--filter-bits N] [--hashes N] [--index-bits N] [--store-bits N]
 *        [--maxk N] [--data-bytes N] [--size 1k|10k|100k]
 *
 * bench: a Chinese library of --keywords literals and --msgs texts of 70
 * characters (UTF-8), geometry from --size; also times Hyperscan on one
 * core over the same texts.
 */
#include <hs/hs.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "control/fpga/kwm.h"

#define MAX_LITS 100000
#define MAX_LIT_BYTES 72
#define MAX_REC 70000

enum { OP_END = 0, OP_WRITE = 1, OP_MSG = 2, OP_WAIT_BANK = 3, OP_CHECK_REG = 4 };

struct litset {
    struct ss_kwm_literal lit[MAX_LITS];
    uint8_t bytes[MAX_LITS][MAX_LIT_BYTES];
    enum ss_kwm_reject why[MAX_LITS];
    size_t n;
    hs_database_t *db;
};

struct gen {
    struct ss_kwm_geom g;
    struct ss_kwm_model model;
    struct litset *bank_set[2]; /* literal set loaded in each bank */
    FILE *cmd, *text, *exp, *expidx;
    uint64_t rng;
    uint32_t n_msgs;
    uint64_t text_off;
    uint64_t exp_off;
    uint64_t hs_checked;
    uint64_t matches;
    hs_scratch_t *scratch;
};

static struct ss_kwm_record recs[MAX_REC];

static uint64_t rnd(struct gen *s)
{
    /* splitmix64: reproducible across platforms for a given --seed */
    uint64_t z = (s->rng += 0x9e3779b97f4a7c15ull);

    z = (z ^ z >> 30) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ z >> 27) * 0x94d049bb133111ebull;
    return z ^ z >> 31;
}

static unsigned rnd_below(struct gen *s, unsigned n)
{
    return (unsigned)(rnd(s) % n);
}

static void die(const char *what)
{
    fprintf(stderr, "kwm_vectors: %s\n", what);
    exit(1);
}

static void put_cmd(struct gen *s, unsigned op, uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
    fprintf(s->cmd, "%02x%06x%08x%08x%08x\n", op, a & 0xffffffu, b, c, d);
}

static void cfg_write(struct gen *s, uint32_t addr, uint32_t data)
{
    put_cmd(s, OP_WRITE, 0, 0, addr, data);
    ss_kwm_model_write(&s->model, addr, data);
}

static void lit_add(struct litset *ls, uint32_t rule, const uint8_t *p, size_t len)
{
    if (ls->n == MAX_LITS || len > MAX_LIT_BYTES)
        die("literal set too large");
    memcpy(ls->bytes[ls->n], p, len);
    ls->lit[ls->n] = (struct ss_kwm_literal){rule, ls->bytes[ls->n], len};
    ls->n++;
}

static void lit_add_str(struct litset *ls, uint32_t rule, const char *str)
{
    lit_add(ls, rule, (const uint8_t *)str, strlen(str));
}

/* Hyperscan database of the literals the block accepted; the rejected
 * ones are the CPU's and are not part of the equivalence. */
static void hs_build(struct litset *ls)
{
    const char *expr[MAX_LITS];
    unsigned ids[MAX_LITS], flags[MAX_LITS];
    size_t lens[MAX_LITS];
    unsigned n = 0;
    hs_compile_error_t *err = NULL;

    for (size_t i = 0; i < ls->n; i++) {
        if (ls->why[i] != SS_KWM_REJECT_NONE)
            continue;
        expr[n] = (const char *)ls->lit[i].bytes;
        lens[n] = ls->lit[i].len;
        ids[n] = ls->lit[i].rule_id;
        flags[n] = 0; /* case-sensitive, no SOM: every end offset */
        n++;
    }
    ls->db = NULL;
    if (n == 0)
        return;
    if (hs_compile_lit_multi(expr, flags, ids, lens, n, HS_MODE_BLOCK, NULL, &ls->db, &err) != HS_SUCCESS) {
        fprintf(stderr, "hs_compile_lit_multi: %s (expression %d)\n", err->message, err->expression);
        exit(1);
    }
}

static void load_bank(struct gen *s, struct litset *ls, unsigned bank, uint16_t version)
{
    struct ss_kwm_image img = {0};

    if (ss_kwm_compile(&s->g, ls->lit, ls->n, bank, version, &img, ls->why) != SS_OK)
        die("compile failed");
    for (size_t i = 0; i < img.n; i++)
        cfg_write(s, img.w[i].addr, img.w[i].data);
    fprintf(stderr, "bank %u version %u: %zu literals accepted, %zu rejected, %zu writes\n", bank, version,
            img.accepted, img.rejected, img.n);
    ss_kwm_image_free(&img);
    hs_build(ls);
    s->bank_set[bank] = ls;
}

struct hs_hits {
    uint64_t v[MAX_REC];
    size_t n;
};

static int hs_on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    struct hs_hits *h = ctx;

    (void)from;
    (void)flags;
    if (h->n < MAX_REC)
        h->v[h->n++] = (uint64_t)id << 32 | to;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

static void hs_check(struct gen *s, const uint8_t *text, size_t len, size_t n_rec)
{
    static struct hs_hits hs, model;
    const struct litset *ls = s->bank_set[s->model.bank_select];

    hs.n = 0;
    model.n = 0;
    for (size_t i = 0; i + 1 < n_rec; i++)
        model.v[model.n++] = (uint64_t)ss_kwm_rec_rule(&recs[i]) << 32 | ss_kwm_rec_offset(&recs[i]);
    if (ls->db) {
        if (hs_alloc_scratch(ls->db, &s->scratch) != HS_SUCCESS)
            die("hs_alloc_scratch");
        if (hs_scan(ls->db, (const char *)text, (unsigned)len, 0, s->scratch, hs_on_match, &hs) != HS_SUCCESS)
            die("hs_scan");
    }
    qsort(hs.v, hs.n, sizeof(hs.v[0]), cmp_u64);
    qsort(model.v, model.n, sizeof(model.v[0]), cmp_u64);
    if (hs.n != model.n || memcmp(hs.v, model.v, hs.n * sizeof(hs.v[0])) != 0) {
        fprintf(stderr, "message %u: model %zu matches, hyperscan %zu\n", s->n_msgs, model.n, hs.n);
        for (size_t i = 0; i < model.n || i < hs.n; i++)
            fprintf(stderr, "  model %016" PRIx64 "  hs %016" PRIx64 "\n", i < model.n ? model.v[i] : 0,
                    i < hs.n ? hs.v[i] : 0);
        die("model and Hyperscan disagree");
    }
    s->hs_checked++;
}

/* One message: header {id = sequence number, version, length}, `sent`
 * bytes of text. */
static void send_msg(struct gen *s, const uint8_t *text, size_t sent, uint16_t length, uint16_t hdr_version)
{
    size_t n_rec;

    if (ss_kwm_model_scan(&s->model, s->n_msgs, hdr_version, length, text, sent, recs, MAX_REC, &n_rec) != SS_OK)
        die("too many records in one message");
    if (sent == length)
        hs_check(s, text, length, n_rec);
    put_cmd(s, OP_MSG, (uint32_t)sent, s->n_msgs, (uint32_t)hdr_version << 16 | length, (uint32_t)s->text_off);
    for (size_t i = 0; i < sent; i++)
        fprintf(s->text, "%02x\n", text[i]);
    s->text_off += sent;
    fprintf(s->expidx, "%08" PRIx64 "%08zx\n", s->exp_off, n_rec);
    for (size_t i = 0; i < n_rec; i++)
        fprintf(s->exp, "%016" PRIx64 "%016" PRIx64 "\n", recs[i].hi, recs[i].lo);
    s->exp_off += n_rec;
    s->matches += n_rec - 1;
    s->n_msgs++;
}

static void send_str(struct gen *s, const char *str)
{
    send_msg(s, (const uint8_t *)str, strlen(str), (uint16_t)strlen(str), 0);
}

static void select_bank(struct gen *s, unsigned bank)
{
    cfg_write(s, SS_KWM_REG_BANK_SELECT, bank);
}

static void wait_bank_idle(struct gen *s, unsigned bank)
{
    put_cmd(s, OP_WAIT_BANK, 0, 0, bank, 0);
}

/* ---- literal and text generators ---------------------------------------- */

/* A small alphabet makes keywords overlap and recur in random text. */
static size_t rnd_ascii(struct gen *s, uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)('a' + rnd_below(s, 12));
    return n;
}

/* UTF-8 of a CJK ideograph from a small pool (U+4E00 + 0..63, U+94F6...). */
static size_t rnd_cjk(struct gen *s, uint8_t *p, size_t chars)
{
    static const uint32_t pool[] = {0x4e2d, 0x56fd, 0x94f6, 0x884c, 0x5956, 0x606d, 0x559c, 0x53d1,
                                    0x8d22, 0x8d37, 0x6b3e, 0x70b9, 0x51fb, 0x94fe, 0x63a5, 0x7968};
    size_t o = 0;

    for (size_t i = 0; i < chars; i++) {
        uint32_t cp = rnd_below(s, 4) ? pool[rnd_below(s, 16)] : 0x4e00 + rnd_below(s, 64);

        p[o++] = (uint8_t)(0xe0 | cp >> 12);
        p[o++] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
        p[o++] = (uint8_t)(0x80 | (cp & 0x3f));
    }
    return o;
}

static void rnd_litset(struct gen *s, struct litset *ls, size_t n, uint32_t first_rule)
{
    uint8_t buf[MAX_LIT_BYTES];

    ls->n = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;

        switch (rnd_below(s, 8)) {
        case 0: /* short ones match almost everywhere: keep them rare */
            len = rnd_ascii(s, buf, rnd_below(s, 16) ? 4 + rnd_below(s, 4) : 1 + rnd_below(s, 3));
            break;
        case 1: /* over MAXK: must be rejected and left to the CPU */
            len = rnd_ascii(s, buf, s->g.maxk + 1 + rnd_below(s, 8));
            break;
        case 2:
        case 3:
        case 4:
            len = rnd_ascii(s, buf, 3 + rnd_below(s, 14));
            break;
        default:
            len = rnd_cjk(s, buf, 1 + rnd_below(s, s->g.maxk / 3));
            break;
        }
        lit_add(ls, first_rule + (uint32_t)i, buf, len);
    }
}

/* Random text: filler from the same alphabets with keywords planted. */
static size_t rnd_text(struct gen *s, const struct litset *ls, uint8_t *p, size_t want)
{
    size_t o = 0;

    while (o < want) {
        size_t room = want - o;
        const struct ss_kwm_literal *l = &ls->lit[rnd_below(s, (unsigned)ls->n)];
        uint8_t tmp[MAX_LIT_BYTES];
        size_t n;

        switch (rnd_below(s, 4)) {
        case 0:
            n = l->len <= room ? l->len : 0;
            memcpy(tmp, l->bytes, n);
            break;
        case 1:
            n = rnd_cjk(s, tmp, 1 + rnd_below(s, 4));
            break;
        default:
            n = rnd_ascii(s, tmp, 1 + rnd_below(s, 6));
            break;
        }
        if (n > room)
            n = room;
        memcpy(p + o, tmp, n);
        o += n;
        if (n == 0 && room < 4)
            o += rnd_ascii(s, p + o, room);
    }
    return o;
}

/* ---- scenarios ------------------------------------------------------------ */

static uint8_t big[65536];

static void directed_set_a(struct gen *s, struct litset *ls)
{
    uint8_t maxk_lit[SS_KWM_MAXK_LIMIT + 1];

    ls->n = 0;
    lit_add_str(ls, 1, "he");
    lit_add_str(ls, 2, "she");
    lit_add_str(ls, 3, "his");
    lit_add_str(ls, 4, "hers");
    lit_add_str(ls, 5, "abc");         /* prefix of 6, suffix of 7 */
    lit_add_str(ls, 6, "abcd");
    lit_add_str(ls, 7, "xabc");
    lit_add_str(ls, 8, "c");           /* one byte: window length 1 */
    lit_add_str(ls, 9, "aaaa");        /* overlaps itself */
    lit_add_str(ls, 10, "12345678");   /* exactly one full window */
    lit_add_str(ls, 11, "0123456789"); /* longer than the window */
    lit_add_str(ls, 12, "\xe9\x93\xb6\xe8\xa1\x8c");                         /* 银行 */
    lit_add_str(ls, 13, "\xe4\xb8\xad\xe5\x9b\xbd\xe9\x93\xb6\xe8\xa1\x8c"); /* 中国银行 */
    lit_add_str(ls, 14, "\xe5\x9b\xbd\xe9\x93\xb6");                         /* 国银 */
    lit_add_str(ls, 15, "\xe4\xb8\xad\xe5\xa5\x96");                         /* 中奖 */
    lit_add_str(ls, 16, "\xe5\xa5\x96");                                     /* 奖 */
    lit_add(ls, 17, (const uint8_t *)"a\0b", 3);                            /* NUL byte */
    lit_add_str(ls, 18, "abc");        /* same literal, second rule */
    memset(maxk_lit, 'q', sizeof(maxk_lit));
    lit_add(ls, 19, maxk_lit, s->g.maxk);     /* longest accepted */
    lit_add(ls, 20, maxk_lit, s->g.maxk + 1); /* rejected: CPU */
    lit_add(ls, 21, maxk_lit, 0);             /* rejected: empty */
}

static void directed_messages(struct gen *s, bool max_length)
{
    send_str(s, "");                     /* empty message: end record only */
    send_str(s, "c");                    /* whole message is a keyword */
    send_str(s, "ushers");               /* he, she, hers overlap */
    send_str(s, "xabcd");                /* prefix/suffix chain at once */
    send_str(s, "abc at start");         /* keyword at offset 0 */
    send_str(s, "ends with abc");        /* keyword at the last byte */
    send_str(s, "aaaaaaa");              /* self-overlapping keyword */
    send_str(s, "0123456789 12345678");
    send_str(s, "\xe4\xb8\xad\xe5\x9b\xbd\xe9\x93\xb6\xe8\xa1\x8c\xe6\x81\xad\xe5\x96\x9c\xe4\xb8\xad\xe5\xa5\x96");
    send_msg(s, (const uint8_t *)"xa\0b\0", 5, 5, 0);
    send_str(s, "no keyword here at all... ok");
    for (size_t n = 7; n <= 17; n++) /* lengths around the beat width */
        send_msg(s, (const uint8_t *)"hishershisherabcde", n, (uint16_t)n, 0);
    memset(big, 'q', s->g.maxk + 3);
    send_msg(s, big, s->g.maxk + 3, (uint16_t)(s->g.maxk + 3), 0);
    /* maximum length: keywords at both ends of a 65535-byte message */
    if (max_length) {
        memset(big, '.', sizeof(big));
        memcpy(big, "hers", 4);
        memcpy(big + 65535 - 12, "\xe4\xb8\xad\xe5\x9b\xbd\xe9\x93\xb6\xe8\xa1\x8c", 12);
        send_msg(s, big, 65535, 65535, 0);
    }
    /* framing errors: short and long messages, version mismatch */
    send_msg(s, (const uint8_t *)"abcabcabc", 9, 20, 0);
    send_msg(s, (const uint8_t *)"abcabcabcabcabcabcabc", 21, 3, 0);
    send_msg(s, (const uint8_t *)"abc", 0, 5, 0);
    send_msg(s, (const uint8_t *)"abcd", 4, 4, 77);
    send_msg(s, (const uint8_t *)"abcd", 4, 4, 1);
}

/* quick: the same cases without the 64 KiB message and with less random
 * filler, for the slower Icarus run */
static void directed(struct gen *s, bool quick)
{
    static struct litset a, b, c;
    uint8_t buf[4096];
    int filler = quick ? 20 : 200;

    put_cmd(s, OP_CHECK_REG, 0, 0, SS_KWM_REG_ID, SS_KWM_BLOCK_ID);
    directed_set_a(s, &a);
    load_bank(s, &a, 0, 1);
    select_bank(s, 0);
    directed_messages(s, !quick);
    /* load bank 1 while bank 0 is judging: a different rule set */
    b.n = 0;
    lit_add_str(&b, 100, "she");
    lit_add_str(&b, 101, "\xe4\xb8\xad\xe5\xa5\x96");
    lit_add_str(&b, 102, "xyz");
    for (int i = 0; i < 20; i++) {
        size_t n = rnd_text(s, &a, buf, rnd_below(s, 200));

        send_msg(s, buf, n, (uint16_t)n, 0);
    }
    load_bank(s, &b, 1, 2);
    select_bank(s, 1);
    directed_messages(s, false);
    put_cmd(s, OP_CHECK_REG, 0, 0, SS_KWM_REG_BANK_SELECT, 1);
    /* reuse bank 0 only after its last message ended */
    wait_bank_idle(s, 0);
    put_cmd(s, OP_CHECK_REG, 0, 0, SS_KWM_REG_INFLIGHT(0), 0);
    rnd_litset(s, &c, 300, 1000);
    load_bank(s, &c, 0, 3);
    select_bank(s, 0);
    for (int i = 0; i < filler; i++) {
        size_t n = rnd_text(s, &c, buf, rnd_below(s, 300));

        send_msg(s, buf, n, (uint16_t)n, 0);
    }
    directed_messages(s, false);
}

static void randomised(struct gen *s, unsigned msgs, unsigned keywords)
{
    static struct litset set[3];
    static uint8_t buf[4096];
    unsigned bank = 0, next = 0;
    uint16_t version = 1;

    rnd_litset(s, &set[next], keywords, 1);
    load_bank(s, &set[next], bank, version);
    select_bank(s, bank);
    for (unsigned i = 0; i < msgs; i++) {
        size_t n = rnd_text(s, s->bank_set[bank], buf, rnd_below(s, 8) ? rnd_below(s, 260) : rnd_below(s, 4000));

        send_msg(s, buf, n, (uint16_t)n, rnd_below(s, 4) ? 0 : version);
        if (rnd_below(s, msgs / 3 + 1) == 0) {
            /* swap mid-stream: fill the idle bank, switch, drain the old */
            next = (next + 1) % 3;
            rnd_litset(s, &set[next], keywords, 1 + 100000u * next);
            wait_bank_idle(s, bank ^ 1u);
            load_bank(s, &set[next], bank ^ 1u, ++version);
            bank ^= 1u;
            select_bank(s, bank);
        }
    }
}

/* ---- bench: Chinese library and texts, Hyperscan timed on the same texts -- */

enum cjk_draw { CJK_TEXT, CJK_RARE, CJK_UNIFORM };

/* Character frequencies of Chinese text are skewed: index = 3000 * u^2
 * gives the commonest character ~2% of the text and the top 1000 ~58%.
 * Keywords are specific phrases: their characters are drawn uniformly
 * (about one chance match per 200 messages per 1k two-character keywords),
 * single-character ones from the least common third. */
static size_t zipf_cjk(struct gen *s, uint8_t *p, size_t chars, enum cjk_draw draw)
{
    size_t o = 0;

    for (size_t i = 0; i < chars; i++) {
        double u = (double)(rnd(s) >> 11) / 9007199254740992.0;
        double idx = draw == CJK_RARE ? 2000.0 + 1000.0 * u : draw == CJK_UNIFORM ? 3000.0 * u : 3000.0 * u * u;
        uint32_t cp = 0x4e00 + (uint32_t)idx;

        p[o++] = (uint8_t)(0xe0 | cp >> 12);
        p[o++] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
        p[o++] = (uint8_t)(0x80 | (cp & 0x3f));
    }
    return o;
}

/* 20 single characters (rare ones: a library cannot block common
 * characters), then 40% two characters, 60% three to six */
static void bench_litset(struct gen *s, struct litset *ls, size_t n)
{
    uint8_t buf[MAX_LIT_BYTES];

    ls->n = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned r = rnd_below(s, 100);
        size_t chars = i < 20 ? 1 : r < 40 ? 2 : 3 + rnd_below(s, 4);

        lit_add(ls, (uint32_t)i + 1, buf, zipf_cjk(s, buf, chars, chars == 1 ? CJK_RARE : CJK_UNIFORM));
    }
}

#define BENCH_CHARS 70

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int hs_count(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    (void)id;
    (void)from;
    (void)to;
    (void)flags;
    (*(uint64_t *)ctx)++;
    return 0;
}

/* One core, block mode, one hs_scan per message: the CPU baseline. */
static void bench_hyperscan(struct gen *s, const uint8_t *texts, const size_t *lens, unsigned msgs)
{
    const struct litset *ls = s->bank_set[0];
    uint64_t hits = 0, bytes = 0;
    unsigned reps = 0;
    double t0 = now_s(), t;

    if (hs_alloc_scratch(ls->db, &s->scratch) != HS_SUCCESS)
        die("hs_alloc_scratch");
    do {
        for (unsigned i = 0; i < msgs; i++) {
            hs_scan(ls->db, (const char *)texts + (size_t)i * BENCH_CHARS * 3, (unsigned)lens[i], 0, s->scratch,
                    hs_count, &hits);
            bytes += lens[i];
        }
        reps++;
        t = now_s() - t0;
    } while (t < 2.0);
    printf("hyperscan one core: %.2f M messages/s, %.2f Gbit/s (%u x %u messages of %d chars, %.1f s)\n",
           reps * (double)msgs / t / 1e6, bytes * 8.0 / t / 1e9, reps, msgs, BENCH_CHARS, t);
}

static void bench(struct gen *s, unsigned msgs, unsigned keywords)
{
    static struct litset ls;
    uint8_t *texts = malloc((size_t)msgs * BENCH_CHARS * 3);
    size_t *lens = malloc(msgs * sizeof(*lens));

    if (!texts || !lens)
        die("out of memory");
    bench_litset(s, &ls, keywords);
    load_bank(s, &ls, 0, 1);
    select_bank(s, 0);
    for (unsigned i = 0; i < msgs; i++) {
        uint8_t *t = texts + (size_t)i * BENCH_CHARS * 3;
        size_t n = zipf_cjk(s, t, BENCH_CHARS, CJK_TEXT);

        /* one message in five carries a library keyword */
        if (rnd_below(s, 5) == 0) {
            const struct ss_kwm_literal *l = &ls.lit[rnd_below(s, (unsigned)ls.n)];
            size_t at = rnd_below(s, BENCH_CHARS - 6) * 3;

            memcpy(t + at, l->bytes, l->len);
        }
        lens[i] = n;
        send_msg(s, t, n, (uint16_t)n, 0);
    }
    bench_hyperscan(s, texts, lens, msgs);
    free(texts);
    free(lens);
}

static void set_size(struct ss_kwm_geom *g, const char *size)
{
    static const struct {
        const char *name;
        unsigned filter_bits[SS_KWM_WIN], index_bits, store_bits;
    } sizes[] = {
        /* must equal SIZES in hw/synth/run.py */
        {"1k", {8, 10, 10, 10, 10, 12, 10, 13}, 11, 10},
        {"10k", {8, 12, 13, 12, 12, 15, 12, 16}, 15, 14},
        {"100k", {8, 13, 15, 13, 13, 18, 13, 19}, 18, 17},
    };

    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        if (strcmp(size, sizes[i].name) != 0)
            continue;
        memcpy(g->filter_bits, sizes[i].filter_bits, sizeof(g->filter_bits));
        g->index_bits = sizes[i].index_bits;
        g->store_bits = sizes[i].store_bits;
        g->hashes = 4;
        g->maxk = 32;
        g->data_bytes = 64;
        return;
    }
    die(size);
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "w");
    if (!f)
        die(path);
    return f;
}

int main(int argc, char **argv)
{
    static struct gen s;
    unsigned msgs = 2000, keywords = 500;
    uint64_t seed = 1;

    s.g = (struct ss_kwm_geom){{14, 14, 14, 14, 14, 14, 14, 14}, 2, 12, 12, 32, 8};
    if (argc < 3)
        die("usage: kwm_vectors directed|random OUTDIR [--seed N] [--msgs N] [--keywords N] "
            "[--filter-bits N] [--hashes N] [--index-bits N] [--store-bits N] [--maxk N] [--data-bytes N]");
    for (int i = 3; i + 1 < argc; i += 2) {
        unsigned long v = strtoul(argv[i + 1], NULL, 0);

        if (!strcmp(argv[i], "--seed"))
            seed = v;
        else if (!strcmp(argv[i], "--msgs"))
            msgs = (unsigned)v;
        else if (!strcmp(argv[i], "--keywords"))
            keywords = (unsigned)v;
        else if (!strcmp(argv[i], "--filter-bits"))
            for (unsigned L = 0; L < SS_KWM_WIN; L++)
                s.g.filter_bits[L] = (unsigned)v;
        else if (!strcmp(argv[i], "--size"))
            set_size(&s.g, argv[i + 1]);
        else if (!strcmp(argv[i], "--hashes"))
            s.g.hashes = (unsigned)v;
        else if (!strcmp(argv[i], "--index-bits"))
            s.g.index_bits = (unsigned)v;
        else if (!strcmp(argv[i], "--store-bits"))
            s.g.store_bits = (unsigned)v;
        else if (!strcmp(argv[i], "--maxk"))
            s.g.maxk = (unsigned)v;
        else if (!strcmp(argv[i], "--data-bytes"))
            s.g.data_bytes = (unsigned)v;
        else
            die(argv[i]);
    }
    s.rng = seed;
    if (ss_kwm_model_init(&s.model, &s.g) != SS_OK)
        die("bad geometry");
    s.cmd = open_out(argv[2], "cmd.hex");
    s.text = open_out(argv[2], "text.hex");
    s.exp = open_out(argv[2], "exp.hex");
    s.expidx = open_out(argv[2], "expidx.hex");
    if (!strcmp(argv[1], "directed") || !strcmp(argv[1], "quick"))
        directed(&s, !strcmp(argv[1], "quick"));
    else if (!strcmp(argv[1], "random"))
        randomised(&s, msgs, keywords);
    else if (!strcmp(argv[1], "bench"))
        bench(&s, msgs, keywords);
    else
        die(argv[1]);
    put_cmd(&s, OP_END, 0, 0, 0, 0);
    /* keep $readmemh happy when a scenario sends no text */
    fprintf(s.text, "00\n");
    fclose(s.cmd);
    fclose(s.text);
    fclose(s.exp);
    fclose(s.expidx);
    printf("%u messages, %" PRIu64 " text bytes, %" PRIu64 " matches, model = hyperscan on %" PRIu64
           " messages\n",
           s.n_msgs, s.text_off, s.matches, s.hs_checked);
    return 0;
}
