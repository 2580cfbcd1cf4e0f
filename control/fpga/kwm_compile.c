/* Table compiler: literals -> the register writes that load one bank.
 *
 * Each literal is keyed by its last L = min(len, 8) bytes. That window sets
 * one bit in each of the `hashes` length-L Bloom tables of every engine
 * (hash set k, low bits) and puts the literal in confirmation bucket
 * (rot(h0) ^ key[L]). Buckets are
 * contiguous runs of the keyword store, in input order, so the block
 * reports literals that end at the same byte in bucket order. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "control/fpga/kwm.h"

static const char *const kwm_reject_names[] = {
#define SS_KWM_REJECT_NAME(name, str) str,
    SS_KWM_REJECT_LIST(SS_KWM_REJECT_NAME)
#undef SS_KWM_REJECT_NAME
};

const char *ss_kwm_reject_name(enum ss_kwm_reject r)
{
    return (unsigned)r < SS_KWM_REJECT_COUNT ? kwm_reject_names[r] : "?";
}

struct kwm_slot {
    uint32_t bucket;
    uint32_t lit;
};

static int kwm_slot_cmp(const void *a, const void *b)
{
    const struct kwm_slot *x = a, *y = b;

    if (x->bucket != y->bucket)
        return x->bucket < y->bucket ? -1 : 1;
    return x->lit < y->lit ? -1 : x->lit > y->lit;
}

static enum ss_result kwm_emit(struct ss_kwm_image *img, uint32_t addr, uint32_t data)
{
    if (img->n == img->cap) {
        size_t cap = img->cap ? img->cap * 2 : 4096;
        struct ss_kwm_write *w = realloc(img->w, cap * sizeof(*w));

        if (!w)
            return SS_TABLE_FULL;
        img->w = w;
        img->cap = cap;
    }
    img->w[img->n++] = (struct ss_kwm_write){addr, data};
    return SS_OK;
}

static void kwm_reverse_window(const struct ss_kwm_literal *l, uint8_t *rev)
{
    for (size_t j = 0; j < l->len; j++)
        rev[j] = l->bytes[l->len - 1 - j];
}

static unsigned kwm_window(size_t len)
{
    return len < SS_KWM_WIN ? (unsigned)len : SS_KWM_WIN;
}

/* Keyword store entry: staging registers, then one commit. */
static enum ss_result kwm_emit_keyword(struct ss_kwm_image *img, const struct ss_kwm_geom *g,
                                       const struct ss_kwm_literal *l, unsigned bank, uint32_t entry)
{
    uint8_t rev[SS_KWM_MAXK_LIMIT] = {0};
    enum ss_result r = SS_OK;

    kwm_reverse_window(l, rev);
    for (unsigned w = 0; w < g->maxk / 4 && r == SS_OK; w++) {
        uint32_t word = (uint32_t)rev[4 * w] | (uint32_t)rev[4 * w + 1] << 8 |
                        (uint32_t)rev[4 * w + 2] << 16 | (uint32_t)rev[4 * w + 3] << 24;
        r = kwm_emit(img, SS_KWM_REG_STAGE_BYTES + 4 * w, word);
    }
    if (r == SS_OK)
        r = kwm_emit(img, SS_KWM_REG_STAGE_LEN, (uint32_t)l->len);
    if (r == SS_OK)
        r = kwm_emit(img, SS_KWM_REG_STAGE_RULE, l->rule_id);
    if (r == SS_OK)
        r = kwm_emit(img, SS_KWM_REG_STORE_COMMIT, (uint32_t)bank << 31 | entry);
    return r;
}

/* Every filter word of the bank is written, so no bit of an older rule
 * set survives. */
static enum ss_result kwm_emit_filters(struct ss_kwm_image *img, const struct ss_kwm_geom *g,
                                       uint32_t *bits[SS_KWM_WIN][SS_KWM_HASHES_MAX], unsigned bank)
{
    for (unsigned L = 1; L <= SS_KWM_WIN; L++)
        for (unsigned k = 0; k < g->hashes; k++)
            for (uint32_t w = 0; w < 1u << (ss_kwm_filter_bits(g, L) - 5); w++)
                if (kwm_emit(img, SS_KWM_FILTER_ADDR(bank, L, k, w), bits[L - 1][k][w]) != SS_OK)
                    return SS_TABLE_FULL;
    return SS_OK;
}

static enum ss_result kwm_emit_tables(struct ss_kwm_image *img, const struct ss_kwm_geom *g,
                                      const struct ss_kwm_literal *lits, const struct kwm_slot *slots,
                                      size_t n_slots, unsigned bank, enum ss_kwm_reject *why)
{
    uint32_t entry = 0;
    size_t i = 0;

    for (uint32_t b = 0; b < 1u << g->index_bits; b++) {
        uint32_t start = entry, count = 0;

        for (; i < n_slots && slots[i].bucket == b; i++) {
            if (count == SS_KWM_BUCKET_MAX) {
                why[slots[i].lit] = SS_KWM_REJECT_BUCKET_FULL;
            } else if (entry == 1u << g->store_bits) {
                why[slots[i].lit] = SS_KWM_REJECT_STORE_FULL;
            } else {
                if (kwm_emit_keyword(img, g, &lits[slots[i].lit], bank, entry) != SS_OK)
                    return SS_TABLE_FULL;
                entry++;
                count++;
            }
        }
        if (kwm_emit(img, SS_KWM_INDEX_ADDR(bank, b), count << 24 | (count ? start : 0)) != SS_OK)
            return SS_TABLE_FULL;
    }
    return SS_OK;
}

static void kwm_tally(struct ss_kwm_image *img, const enum ss_kwm_reject *why, size_t n)
{
    img->accepted = 0;
    img->rejected = 0;
    for (size_t i = 0; i < n; i++) {
        if (why[i] == SS_KWM_REJECT_NONE)
            img->accepted++;
        else
            img->rejected++;
    }
}

/* Filter bits are set only for literals that also got a store entry, so
 * a rejected literal costs the block nothing. */
static void kwm_set_filter_bits(const struct ss_kwm_geom *g, const struct ss_kwm_literal *lits,
                                const enum ss_kwm_reject *why, size_t n,
                                uint32_t *bits[SS_KWM_WIN][SS_KWM_HASHES_MAX])
{
    for (size_t i = 0; i < n; i++) {
        uint8_t rev[SS_KWM_WIN];
        unsigned L = kwm_window(lits[i].len);
        uint32_t f;

        if (why[i] != SS_KWM_REJECT_NONE)
            continue;
        for (unsigned j = 0; j < L; j++)
            rev[j] = lits[i].bytes[lits[i].len - 1 - j];
        for (unsigned k = 0; k < g->hashes; k++) {
            f = ss_kwm_filter_index(g, ss_kwm_hash(k, rev, L), L);
            bits[L - 1][k][f >> 5] |= 1u << (f & 31u);
        }
    }
}

static size_t kwm_classify(const struct ss_kwm_geom *g, const struct ss_kwm_literal *lits, size_t n,
                           struct kwm_slot *slots, enum ss_kwm_reject *why)
{
    size_t n_slots = 0;

    for (size_t i = 0; i < n; i++) {
        uint8_t rev[SS_KWM_WIN];
        unsigned L = kwm_window(lits[i].len);

        why[i] = SS_KWM_REJECT_NONE;
        if (lits[i].len == 0) {
            why[i] = SS_KWM_REJECT_EMPTY;
            continue;
        }
        if (lits[i].len > g->maxk) {
            why[i] = SS_KWM_REJECT_TOO_LONG;
            continue;
        }
        for (unsigned j = 0; j < L; j++)
            rev[j] = lits[i].bytes[lits[i].len - 1 - j];
        slots[n_slots++] = (struct kwm_slot){ss_kwm_bucket(ss_kwm_hash(0, rev, L), L, g->index_bits),
                                             (uint32_t)i};
    }
    return n_slots;
}

enum ss_result ss_kwm_compile(const struct ss_kwm_geom *g, const struct ss_kwm_literal *lits,
                              size_t n, unsigned bank, uint16_t version,
                              struct ss_kwm_image *img, enum ss_kwm_reject *why)
{
    uint32_t *bits[SS_KWM_WIN][SS_KWM_HASHES_MAX] = {{0}};
    struct kwm_slot *slots;
    enum ss_result r = SS_TABLE_FULL;
    bool ok;

    if (ss_kwm_geom_check(g) != SS_OK || bank > 1)
        return SS_BAD_VALUE;
    slots = malloc((n ? n : 1) * sizeof(*slots));
    ok = slots != NULL;
    for (unsigned L = 1; L <= SS_KWM_WIN; L++)
        for (unsigned k = 0; k < g->hashes; k++) {
            bits[L - 1][k] = calloc((size_t)1 << (ss_kwm_filter_bits(g, L) - 5), sizeof(uint32_t));
            ok = ok && bits[L - 1][k];
        }
    if (ok) {
        size_t n_slots = kwm_classify(g, lits, n, slots, why);

        qsort(slots, n_slots, sizeof(*slots), kwm_slot_cmp);
        r = kwm_emit_tables(img, g, lits, slots, n_slots, bank, why);
        if (r == SS_OK) {
            kwm_set_filter_bits(g, lits, why, n, bits);
            r = kwm_emit_filters(img, g, bits, bank);
        }
        if (r == SS_OK)
            r = kwm_emit(img, SS_KWM_REG_VERSION(bank), version);
        kwm_tally(img, why, n);
    }
    free(slots);
    for (unsigned L = 1; L <= SS_KWM_WIN; L++)
        for (unsigned k = 0; k < SS_KWM_HASHES_MAX; k++)
            free(bits[L - 1][k]);
    return r;
}

void ss_kwm_image_free(struct ss_kwm_image *img)
{
    free(img->w);
    memset(img, 0, sizeof(*img));
}
