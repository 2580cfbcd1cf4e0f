/* Bit-exact reference model of hw/verilog/kwm_top.v: same register
 * writes in, same records out for each message, in the same order. Only
 * the interleaving of records of different messages (set by engine
 * timing) is not modelled. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "control/fpga/kwm.h"

enum ss_result ss_kwm_model_init(struct ss_kwm_model *m, const struct ss_kwm_geom *g)
{
    bool ok = true;

    memset(m, 0, sizeof(*m));
    if (ss_kwm_geom_check(g) != SS_OK)
        return SS_BAD_VALUE;
    m->g = *g;
    m->entry_size = SS_KWM_STORE_HDR + g->maxk;
    for (unsigned b = 0; b < 2; b++) {
        for (unsigned L = 1; L <= SS_KWM_WIN; L++)
            for (unsigned k = 0; k < g->hashes; k++) {
                m->filter[b][L - 1][k] = calloc((size_t)1 << (ss_kwm_filter_bits(g, L) - 5), 4);
                ok = ok && m->filter[b][L - 1][k];
            }
        m->index[b] = calloc((size_t)1 << g->index_bits, 4);
        m->store[b] = calloc((size_t)1 << g->store_bits, m->entry_size);
        ok = ok && m->index[b] && m->store[b];
    }
    if (!ok) {
        ss_kwm_model_free(m);
        return SS_TABLE_FULL;
    }
    return SS_OK;
}

void ss_kwm_model_free(struct ss_kwm_model *m)
{
    for (unsigned b = 0; b < 2; b++) {
        for (unsigned L = 0; L < SS_KWM_WIN; L++)
            for (unsigned k = 0; k < SS_KWM_HASHES_MAX; k++)
                free(m->filter[b][L][k]);
        free(m->index[b]);
        free(m->store[b]);
    }
    memset(m, 0, sizeof(*m));
}

static void kwm_put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t kwm_get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Region 0 decodes only the low 12 address bits, like kwm_top.v. */
static void kwm_model_write_reg(struct ss_kwm_model *m, uint32_t reg, uint32_t data)
{
    switch (reg) {
    case SS_KWM_REG_BANK_SELECT:
        m->bank_select = data & 1u;
        break;
    case SS_KWM_REG_VERSION(0):
    case SS_KWM_REG_VERSION(1):
        m->version[(reg - SS_KWM_REG_VERSION(0)) / 4] = (uint16_t)data;
        break;
    case SS_KWM_REG_STAGE_LEN:
        m->stage[4] = (uint8_t)data;
        break;
    case SS_KWM_REG_STAGE_RULE:
        kwm_put32(m->stage, data);
        break;
    case SS_KWM_REG_STORE_COMMIT:
        memcpy(m->store[data >> 31] + (data & ((1u << m->g.store_bits) - 1u)) * m->entry_size,
               m->stage, m->entry_size);
        break;
    default:
        if ((reg >> 8) == 1 && ((reg & 0xffu) >> 2) < m->g.maxk / 4)
            kwm_put32(m->stage + SS_KWM_STORE_HDR + (reg & 0xfcu), data);
        break;
    }
}

void ss_kwm_model_write(struct ss_kwm_model *m, uint32_t addr, uint32_t data)
{
    unsigned bank = addr >> 27 & 1u;

    switch (addr >> 28) {
    case 0:
        kwm_model_write_reg(m, addr & 0xfffu, data);
        break;
    case 1: {
        unsigned L = (addr >> 24 & 7u) + 1;
        unsigned k = addr >> 22 & 3u;
        uint32_t word = addr >> 2 & ((1u << (ss_kwm_filter_bits(&m->g, L) - 5)) - 1u);

        if (k < m->g.hashes)
            m->filter[bank][L - 1][k][word] = data;
        break;
    }
    case 2:
        m->index[bank][addr >> 2 & ((1u << m->g.index_bits) - 1u)] = data;
        break;
    default:
        break;
    }
}

/* The engine's filter stage: which window lengths hit after `off` bytes. */
static unsigned kwm_model_filter_mask(const struct ss_kwm_model *m, unsigned bank, const uint8_t *rev,
                                      size_t off)
{
    unsigned mask = 0;

    for (unsigned L = 1; L <= SS_KWM_WIN && L <= off; L++) {
        bool hit = true;

        for (unsigned k = 0; k < m->g.hashes; k++) {
            uint32_t f = ss_kwm_filter_index(&m->g, ss_kwm_hash(k, rev, L), L);

            hit = hit && (m->filter[bank][L - 1][k][f >> 5] >> (f & 31u) & 1u);
        }
        if (hit)
            mask |= 1u << (L - 1);
    }
    return mask;
}

static bool kwm_model_kw_matches(const struct ss_kwm_model *m, const uint8_t *kw, unsigned L,
                                 const uint8_t *rev, size_t off)
{
    unsigned len = kw[4];
    unsigned cmp = len < m->g.maxk ? len : m->g.maxk;
    unsigned win = len < SS_KWM_WIN ? len : SS_KWM_WIN;

    return len != 0 && win == L && len <= off && memcmp(kw + SS_KWM_STORE_HDR, rev, cmp) == 0;
}

struct kwm_model_out {
    struct ss_kwm_record *rec;
    size_t cap;
    size_t n;
    uint32_t hits;
};

static void kwm_model_emit(struct kwm_model_out *o, uint64_t hi, uint64_t lo)
{
    if (o->n < o->cap)
        o->rec[o->n] = (struct ss_kwm_record){hi, lo};
    o->n++;
}

/* The confirmation unit: buckets in ascending L, keywords in bucket order. */
static void kwm_model_confirm(const struct ss_kwm_model *m, unsigned bank, unsigned mask, const uint8_t *rev,
                              size_t off, uint64_t hi, struct kwm_model_out *o)
{
    uint32_t store_mask = (1u << m->g.store_bits) - 1u;

    for (unsigned L = 1; L <= SS_KWM_WIN; L++) {
        uint32_t e;

        if (!(mask >> (L - 1) & 1u))
            continue;
        e = m->index[bank][ss_kwm_bucket(ss_kwm_hash(0, rev, L), L, m->g.index_bits)];
        for (uint32_t i = 0; i < e >> 24; i++) {
            const uint8_t *kw = m->store[bank] + (((e & store_mask) + i) & store_mask) * m->entry_size;

            if (kwm_model_kw_matches(m, kw, L, rev, off)) {
                kwm_model_emit(o, hi, (uint64_t)kwm_get32(kw) << 32 | off);
                o->hits++;
            }
        }
    }
}

enum ss_result ss_kwm_model_scan(const struct ss_kwm_model *m, uint32_t msg_id, uint16_t hdr_version,
                                 uint16_t length, const uint8_t *text, size_t sent,
                                 struct ss_kwm_record *out, size_t cap, size_t *n_out)
{
    /* The block has no byte enables: it scans whole beats up to length. */
    size_t db = m->g.data_bytes;
    size_t beats = (sent + db - 1) / db;
    size_t scanned = beats * db < length ? beats * db : length;
    unsigned bank = m->bank_select;
    uint16_t ver = m->version[bank];
    uint64_t hi = (uint64_t)SS_KWM_REC_MATCH << 56 | (uint64_t)(bank << 7) << 48 | (uint64_t)ver << 32 | msg_id;
    uint8_t rev[SS_KWM_MAXK_LIMIT] = {0};
    struct kwm_model_out o = {out, cap, 0, 0};
    unsigned flags = bank << 7;

    for (size_t off = 1; off <= scanned; off++) {
        unsigned mask;

        memmove(rev + 1, rev, m->g.maxk - 1);
        rev[0] = off - 1 < sent ? text[off - 1] : 0;
        mask = kwm_model_filter_mask(m, bank, rev, off);
        if (mask)
            kwm_model_confirm(m, bank, mask, rev, off, hi, &o);
    }
    if (hdr_version != 0 && hdr_version != ver)
        flags |= SS_KWM_FLAG_VERSION_MISMATCH;
    if (beats * db < length)
        flags |= SS_KWM_FLAG_SHORT;
    if (beats > ((size_t)length + db - 1) / db)
        flags |= SS_KWM_FLAG_LONG;
    kwm_model_emit(&o, (uint64_t)SS_KWM_REC_END << 56 | (uint64_t)flags << 48 | (uint64_t)ver << 32 | msg_id,
                   (uint64_t)o.hits << 32 | (uint64_t)scanned << 16 | length);
    *n_out = o.n < cap ? o.n : cap;
    return o.n <= cap ? SS_OK : SS_OVERSIZE;
}
