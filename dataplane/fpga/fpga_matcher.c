/* The fpga-sim backend; see fpga_matcher.h.
 *
 * Which rules. accepts() takes a literal that is not quiet and whose
 * normalised form is 1..MAXK bytes in every presentation (so the split
 * does not depend on the presentation chosen later); ss_ruleset_build
 * leaves the literals combinations name to Hyperscan. A literal the
 * table compiler still refuses (a full bucket or a full store) goes to a
 * Hyperscan database inside this part, so no rule is lost.
 *
 * Kwm rule ids are positions in the part's index list; the part maps them
 * to global rule indices and reports each rule once per scan (a
 * per-scratch stamp per rule, no clearing per message).
 *
 * Long texts. The header's length field is 16 bits. A longer text goes
 * to the block in windows of at most 65,535 bytes overlapping by MAXK - 1
 * bytes, so every occurrence of a literal lies whole in a window and the
 * set of rules hit is Hyperscan's (hit offsets are not reported). */
#include "dataplane/fpga/fpga_matcher.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control/fpga/kwm.h"
#include "dataplane/fpga/kwm_sim.h"
#include "dataplane/fpga/ring.h"

#define FPGA_WINDOW_MAX    65535u
#define FPGA_IMAGE_VERSION 1u /* rule-set version written to the bank */
static const char image_magic[8] = {'S', 'S', 'K', 'W', 'M', 'I', 'M', 'G'};
#define IMAGE_FORMAT 1u

struct ss_matcher_db {
    struct ss_kwm_write *w; /* load image of bank 0 */
    size_t n_w;
    uint32_t *global; /* kwm rule id -> global rule index */
    uint32_t n_local;
    struct ss_matcher_db *cpu; /* Hyperscan share of refused literals, or NULL */
};

struct ss_matcher_scratch {
    const struct ss_matcher_db *db;
    struct ss_fpga_ring ring;
    struct ss_kwm_sim *card;
    struct ss_matcher_scratch *cpu;
    uint32_t *seen; /* per kwm rule id: stamp of the last scan that hit it */
    uint32_t stamp;
    uint32_t msg_id;
    uint64_t messages, bytes; /* judged on the card */
    uint64_t load_cycles;     /* spent writing the tables */
};

static size_t longest_presented(const char *pattern, size_t *shortest)
{
    size_t len = strlen(pattern), longest = 0;
    uint8_t buf[SS_NORM_OUT_MAX(SS_RULE_LINE_MAX)];
    *shortest = SIZE_MAX;
    for (int p = 0; p < SS_PRES_COUNT; p++) {
        size_t n = 0;
        if (len > SS_RULE_LINE_MAX ||
            ss_normalize((enum ss_presentation)p, pattern, len, buf, sizeof buf, &n) != SS_OK)
            return SIZE_MAX;
        longest = n > longest ? n : longest;
        *shortest = n < *shortest ? n : *shortest;
    }
    return longest;
}

static bool fpga_accepts(const struct ss_rules *rules, size_t i)
{
    const struct ss_rule *r = &rules->rule[i];
    size_t shortest;
    if (r->kind != SS_KIND_LITERAL || (r->flags & SS_RULE_QUIET))
        return false;
    return longest_presented(r->pattern, &shortest) <= SS_KWM_SIM_MAXK && shortest > 0;
}

static void db_free(struct ss_matcher_db *db)
{
    if (db == NULL)
        return;
    if (db->cpu != NULL)
        ss_hs_matcher.db_free(db->cpu);
    free(db->w);
    free(db->global);
    free(db);
}

/* "fpga-sim: 312 literals on the block, 40 rules on the CPU (...)" */
static void report_split(const struct ss_rules *rules, const uint32_t *idx, size_t n,
                         const enum ss_kwm_reject *why)
{
    uint8_t *on_block = calloc(rules->n + 1, 1);
    size_t block = 0, cpu[3] = {0, 0, 0};
    if (on_block == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        on_block[idx[i]] = why[i] == SS_KWM_REJECT_NONE;
    for (size_t i = 0; i < rules->n; i++) {
        if (on_block[i])
            block++;
        else
            cpu[rules->rule[i].kind]++;
    }
    fprintf(stderr,
            "fpga-sim: %zu literals on the block, %zu rules on the CPU (regex %zu, combination "
            "%zu, literal %zu)\n",
            block, cpu[0] + cpu[1] + cpu[2], cpu[SS_KIND_REGEX], cpu[SS_KIND_COMBINATION],
            cpu[SS_KIND_LITERAL]);
    free(on_block);
}

/* Normalised bytes of every literal, in one allocation. */
static uint8_t *present_literals(const struct ss_rules *rules, const uint32_t *idx, size_t n,
                                 enum ss_presentation p, struct ss_kwm_literal *lits)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += SS_NORM_OUT_MAX(strlen(rules->rule[idx[i]].pattern));
    uint8_t *bytes = malloc(total + 1), *o = bytes;
    if (bytes == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *pat = rules->rule[idx[i]].pattern;
        size_t len = strlen(pat);
        lits[i] = (struct ss_kwm_literal){.rule_id = (uint32_t)i, .bytes = o};
        ss_normalize(p, pat, len, o, SS_NORM_OUT_MAX(len), &lits[i].len);
        o += SS_NORM_OUT_MAX(len);
    }
    return bytes;
}

/* Hands the literals the compiler refused to Hyperscan, inside the part. */
static enum ss_result compile_refused(const struct ss_rules *rules, const uint32_t *idx, size_t n,
                                      const enum ss_kwm_reject *why, enum ss_presentation p,
                                      struct ss_matcher_db *db, char *err, size_t errcap)
{
    uint32_t *refused = malloc((n + 1) * sizeof *refused);
    size_t k = 0;
    if (refused == NULL)
        return SS_TABLE_FULL;
    for (size_t i = 0; i < n; i++)
        if (why[i] != SS_KWM_REJECT_NONE)
            refused[k++] = idx[i];
    enum ss_result r =
        k == 0 ? SS_OK : ss_hs_matcher.compile(rules, refused, k, p, &db->cpu, err, errcap);
    free(refused);
    return r;
}

static enum ss_result fpga_compile(const struct ss_rules *rules, const uint32_t *idx, size_t n,
                                   enum ss_presentation p, struct ss_matcher_db **out, char *err,
                                   size_t errcap)
{
    struct ss_matcher_db *db = calloc(1, sizeof *db);
    struct ss_kwm_literal *lits = calloc(n + 1, sizeof *lits);
    enum ss_kwm_reject *why = calloc(n + 1, sizeof *why);
    uint8_t *bytes = NULL;
    struct ss_kwm_image img = {0};
    struct ss_kwm_geom g;
    enum ss_result r = db && lits && why ? SS_OK : SS_TABLE_FULL;
    ss_kwm_sim_geom(&g);
    if (r == SS_OK && (db->global = malloc((n + 1) * sizeof *db->global)) == NULL)
        r = SS_TABLE_FULL;
    if (r == SS_OK && (bytes = present_literals(rules, idx, n, p, lits)) == NULL)
        r = SS_TABLE_FULL;
    if (r == SS_OK)
        r = ss_kwm_compile(&g, lits, n, 0, FPGA_IMAGE_VERSION, &img, why);
    if (r == SS_OK) {
        memcpy(db->global, idx, n * sizeof *idx);
        db->n_local = (uint32_t)n;
        db->w = img.w;
        db->n_w = img.n;
        img.w = NULL;
        r = compile_refused(rules, idx, n, why, p, db, err, errcap);
    } else {
        snprintf(err, errcap, "fpga-sim: cannot build the table image (%s)", ss_result_name(r));
    }
    if (r == SS_OK)
        report_split(rules, idx, n, why);
    ss_kwm_image_free(&img);
    free(bytes);
    free(why);
    free(lits);
    if (r != SS_OK) {
        db_free(db);
        return r;
    }
    *out = db;
    return SS_OK;
}

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t geometry_word(void)
{
    return SS_KWM_SIM_ENGINES | SS_KWM_SIM_DATA_BYTES << 8 | SS_KWM_SIM_MAXK << 16 |
           SS_KWM_SIM_HASHES << 24 | SS_KWM_SIM_FILTER_BITS << 28;
}

static uint32_t tables_word(void)
{
    return SS_KWM_SIM_INDEX_BITS | SS_KWM_SIM_STORE_BITS << 8;
}

/* Image bytes: magic, format, geometry, tables, n_local, global[n_local],
 * n_w, {addr, data}[n_w], cpu_len, Hyperscan bytes; little-endian u32s. */
static enum ss_result fpga_serialize(const struct ss_matcher_db *db, char **bytes, size_t *len)
{
    char *cpu = NULL;
    size_t cpu_len = 0;
    if (db->cpu != NULL && ss_hs_matcher.serialize(db->cpu, &cpu, &cpu_len) != SS_OK)
        return SS_TABLE_FULL;
    size_t n = sizeof image_magic + 4 * 6 + 4 * (size_t)db->n_local + 8 * db->n_w + cpu_len;
    uint8_t *b = malloc(n), *o = b;
    if (b == NULL || cpu_len > UINT32_MAX || db->n_w > UINT32_MAX) {
        free(cpu);
        free(b);
        return SS_TABLE_FULL;
    }
    memcpy(o, image_magic, sizeof image_magic);
    o += sizeof image_magic;
    put_u32(o, IMAGE_FORMAT);
    put_u32(o + 4, geometry_word());
    put_u32(o + 8, tables_word());
    put_u32(o + 12, db->n_local);
    o += 16;
    for (uint32_t i = 0; i < db->n_local; i++, o += 4)
        put_u32(o, db->global[i]);
    put_u32(o, (uint32_t)db->n_w);
    o += 4;
    for (size_t i = 0; i < db->n_w; i++, o += 8) {
        put_u32(o, db->w[i].addr);
        put_u32(o + 4, db->w[i].data);
    }
    put_u32(o, (uint32_t)cpu_len);
    if (cpu_len > 0)
        memcpy(o + 4, cpu, cpu_len);
    free(cpu);
    *bytes = (char *)b;
    *len = n;
    return SS_OK;
}

/* Reads the counted arrays of an image; false if the lengths disagree. */
static bool parse_image(const uint8_t *b, size_t len, struct ss_matcher_db *db, size_t *cpu_off,
                        size_t *cpu_len)
{
    size_t o = sizeof image_magic + 16;
    uint32_t n_local = get_u32(b + o - 4);
    if ((len - o) / 4 < (size_t)n_local + 1)
        return false;
    db->global = malloc(((size_t)n_local + 1) * sizeof *db->global);
    if (db->global == NULL)
        return false;
    for (uint32_t i = 0; i < n_local; i++, o += 4)
        db->global[i] = get_u32(b + o);
    db->n_local = n_local;
    size_t n_w = get_u32(b + o);
    o += 4;
    if ((len - o) / 8 < n_w || len - o - 8 * n_w < 4)
        return false;
    db->w = malloc((n_w + 1) * sizeof *db->w);
    if (db->w == NULL)
        return false;
    for (size_t i = 0; i < n_w; i++, o += 8)
        db->w[i] = (struct ss_kwm_write){get_u32(b + o), get_u32(b + o + 4)};
    db->n_w = n_w;
    *cpu_len = get_u32(b + o);
    *cpu_off = o + 4;
    return len - *cpu_off == *cpu_len;
}

static enum ss_result fpga_deserialize(const char *bytes, size_t len, struct ss_matcher_db **out,
                                       char *err, size_t errcap)
{
    const uint8_t *b = (const uint8_t *)bytes;
    if (len < sizeof image_magic + 16 || memcmp(b, image_magic, sizeof image_magic) != 0 ||
        get_u32(b + sizeof image_magic) != IMAGE_FORMAT) {
        snprintf(err, errcap, "not an fpga-sim table image");
        return SS_BAD_VALUE;
    }
    if (get_u32(b + sizeof image_magic + 4) != geometry_word() ||
        get_u32(b + sizeof image_magic + 8) != tables_word()) {
        snprintf(err, errcap, "table image compiled for another block geometry");
        return SS_BAD_VALUE;
    }
    struct ss_matcher_db *db = calloc(1, sizeof *db);
    size_t cpu_off = 0, cpu_len = 0;
    if (db == NULL || !parse_image(b, len, db, &cpu_off, &cpu_len)) {
        snprintf(err, errcap, "fpga-sim table image is truncated or malformed");
        db_free(db);
        return SS_BAD_VALUE;
    }
    if (cpu_len > 0 &&
        ss_hs_matcher.deserialize(bytes + cpu_off, cpu_len, &db->cpu, err, errcap) != SS_OK) {
        db_free(db);
        return SS_BAD_VALUE;
    }
    *out = db;
    return SS_OK;
}

/* The simulation's own figures, once per card that judged anything: the
 * cycles a real block would need, what bench/README.md reports. */
static void report_card(const struct ss_matcher_scratch *s)
{
    uint64_t cycles = ss_kwm_sim_cycles(s->card) - s->load_cycles;
    fprintf(stderr,
            "fpga-sim: card judged %" PRIu64 " messages, %" PRIu64 " bytes in %" PRIu64
            " cycles (%.2f cycles/byte, %.1f cycles/message; tables loaded in %" PRIu64
            " cycles)\n",
            s->messages, s->bytes, cycles, s->bytes ? (double)cycles / (double)s->bytes : 0.0,
            (double)cycles / (double)s->messages, s->load_cycles);
}

static void scratch_free(struct ss_matcher_scratch *s)
{
    if (s == NULL)
        return;
    if (s->card != NULL && s->messages > 0)
        report_card(s);
    if (s->cpu != NULL)
        ss_hs_matcher.scratch_free(s->cpu);
    ss_kwm_sim_free(s->card);
    free(s->seen);
    free(s);
}

/* A fresh card with the part's tables in bank 0, bank 0 selected. */
static enum ss_result card_load(struct ss_matcher_scratch *s)
{
    enum ss_result r = ss_kwm_sim_new(&s->ring, &s->card);
    if (r != SS_OK)
        return r;
    for (size_t i = 0; i < s->db->n_w; i++)
        ss_kwm_sim_cfg_write(s->card, s->db->w[i].addr, s->db->w[i].data);
    ss_kwm_sim_cfg_write(s->card, SS_KWM_REG_VERSION(0), FPGA_IMAGE_VERSION);
    ss_kwm_sim_cfg_write(s->card, SS_KWM_REG_BANK_SELECT, 0);
    s->load_cycles = ss_kwm_sim_cycles(s->card);
    return SS_OK;
}

static enum ss_result fpga_scratch_alloc(const struct ss_matcher_db *db,
                                         struct ss_matcher_scratch **out)
{
    struct ss_matcher_scratch *s = calloc(1, sizeof *s);
    if (s == NULL)
        return SS_TABLE_FULL;
    s->db = db;
    ss_fpga_ring_init(&s->ring);
    enum ss_result r = (s->seen = calloc(db->n_local + 1, sizeof *s->seen)) ? SS_OK : SS_TABLE_FULL;
    if (r == SS_OK)
        r = card_load(s);
    if (r == SS_OK && db->cpu != NULL)
        r = ss_hs_matcher.scratch_alloc(db->cpu, &s->cpu);
    if (r != SS_OK) {
        scratch_free(s);
        return r;
    }
    *out = s;
    return SS_OK;
}

/* Each worker gets its own card: the model's state is not shareable. */
static enum ss_result fpga_scratch_clone(const struct ss_matcher_scratch *tmpl,
                                         struct ss_matcher_scratch **out)
{
    return fpga_scratch_alloc(tmpl->db, out);
}

static void add_hit(struct ss_matcher_scratch *s, uint32_t local, struct ss_hits *hits)
{
    if (local >= s->db->n_local || s->seen[local] == s->stamp)
        return;
    s->seen[local] = s->stamp;
    if (hits->n < SS_HITS_MAX)
        hits->rule[hits->n] = s->db->global[local];
    hits->n++;
}

/* Posts one window and clocks the card until its end record; SS_BAD_VALUE
 * if the block flags the framing or a bank other than this part's (the
 * header names the version the part loaded), or never ends the message. */
static enum ss_result judge_window(struct ss_matcher_scratch *s, const uint8_t *text, size_t len,
                                   struct ss_hits *hits)
{
    struct ss_fpga_desc d = {.buf = (uint64_t)(uintptr_t)text,
                             .msg_id = ++s->msg_id,
                             .version = FPGA_IMAGE_VERSION,
                             .len = (uint16_t)len};
    uint64_t budget = 256 * ((uint64_t)len + 16) + 65536;
    if (!ss_fpga_sq_post(&s->ring, &d))
        return SS_TABLE_FULL;
    s->messages++;
    s->bytes += len;
    for (uint64_t c = 0; c < budget; c++) {
        struct ss_kwm_record rec;
        ss_kwm_sim_clock(s->card);
        while (ss_fpga_cq_pop(&s->ring, &rec)) {
            if (ss_kwm_rec_msg_id(&rec) != d.msg_id)
                continue; /* left by a message that timed out */
            if (ss_kwm_rec_type(&rec) == SS_KWM_REC_MATCH)
                add_hit(s, ss_kwm_rec_rule(&rec), hits);
            else if (ss_kwm_rec_type(&rec) == SS_KWM_REC_END)
                return ss_kwm_rec_flags(&rec) & ~SS_KWM_FLAG_BANK ? SS_BAD_VALUE : SS_OK;
        }
    }
    return SS_BAD_VALUE;
}

static enum ss_result fpga_scan(const struct ss_matcher_db *db, struct ss_matcher_scratch *s,
                                const uint8_t *text, size_t len, struct ss_hits *hits)
{
    if (++s->stamp == 0) {
        memset(s->seen, 0, db->n_local * sizeof *s->seen);
        s->stamp = 1;
    }
    enum ss_result r = SS_OK;
    for (size_t start = 0; r == SS_OK;) {
        size_t n = len - start < FPGA_WINDOW_MAX ? len - start : FPGA_WINDOW_MAX;
        r = judge_window(s, text + start, n, hits);
        if (start + n == len)
            break;
        start += n - (SS_KWM_SIM_MAXK - 1);
    }
    if (r == SS_OK && db->cpu != NULL)
        r = ss_hs_matcher.scan(db->cpu, s->cpu, text, len, hits);
    return r;
}

const struct ss_matcher_ops ss_fpga_sim_matcher = {
    .name = "fpga-sim",
    .accepts = fpga_accepts,
    .compile = fpga_compile,
    .serialize = fpga_serialize,
    .deserialize = fpga_deserialize,
    .scratch_alloc = fpga_scratch_alloc,
    .scratch_clone = fpga_scratch_clone,
    .scan = fpga_scan,
    .scratch_free = scratch_free,
    .db_free = db_free,
};
