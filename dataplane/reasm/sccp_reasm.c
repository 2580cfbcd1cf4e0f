/* SCCP segment reassembly (Q.714 §4.1.1.2).
 *
 * A set-associative table: a message's key (OPC, calling address, local
 * reference) hashes to one set of SCCP_REASM_WAYS slots, so every lookup
 * and insertion touches at most that many. When a first segment finds its
 * set full, the slot whose message started earliest is evicted and the
 * call returns SS_TABLE_FULL (the new segment is held; the evicted message
 * is the loss the caller counts). Evicting the oldest rather than refusing
 * the newest keeps a burst of never-completed first segments from
 * blocking real messages until they expire. Used slots are also linked
 * in an age list by first segment time (age_list.h), so expiry costs
 * what it removes. */
#include "dataplane/reasm/sccp_reasm.h"

#include "dataplane/core/hash.h"
#include "dataplane/reasm/age_list.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SCCP_REASM_WAYS 4

/* What makes segments one message: OPC, local reference and every field
 * of the calling address, its GT as digits (the frame the address points
 * into is gone by the next segment). Built zero-filled by key_make, so it
 * is hashed and compared whole, padding included. */
struct reasm_key {
    uint32_t opc;
    uint32_t local_ref;
    uint16_t pc;
    uint8_t ri, gti, has_pc, has_ssn, ssn, tt, np, es, nai;
    char digits[SS_DIGITS_MAX + 1];
};

struct reasm_slot {
    bool used;
    uint8_t remaining; /* `remaining` of the last segment held */
    struct reasm_key key;
    size_t len;
    struct ss_frames frames;
    uint8_t buf[SS_SCCP_REASM_MSG_MAX];
};

struct ss_sccp_reasm {
    uint32_t sets;
    uint32_t in_use;
    uint64_t timeout_ns;
    struct reasm_slot *slot; /* sets * SCCP_REASM_WAYS */
    struct ss_age_list age;  /* by first segment time; node i is slot[i] */
};

struct ss_sccp_reasm *ss_sccp_reasm_new(uint32_t slots, uint64_t timeout_ns)
{
    struct ss_sccp_reasm *r = calloc(1, sizeof(*r));

    /* Slot indices are 32-bit: refuse sizes whose rounding up would wrap. */
    if (!r || slots > (1u << 30)) {
        free(r);
        return NULL;
    }
    r->sets = slots ? (slots + SCCP_REASM_WAYS - 1) / SCCP_REASM_WAYS : 1;
    r->timeout_ns = timeout_ns;
    r->slot = calloc((size_t)r->sets * SCCP_REASM_WAYS, sizeof(*r->slot));
    if (!r->slot || !ss_age_list_init(&r->age, r->sets * SCCP_REASM_WAYS)) {
        ss_sccp_reasm_free(r);
        return NULL;
    }
    return r;
}

void ss_sccp_reasm_free(struct ss_sccp_reasm *r)
{
    if (!r)
        return;
    ss_age_list_fini(&r->age);
    free(r->slot);
    free(r);
}

static void key_make(struct reasm_key *k, uint32_t opc, const struct ss_sccp *m)
{
    const struct ss_sccp_addr *a = &m->calling;

    memset(k, 0, sizeof(*k));
    k->opc = opc;
    k->local_ref = m->seg.local_ref;
    k->pc = a->pc;
    k->ri = a->ri;
    k->gti = a->gti;
    k->has_pc = a->has_pc;
    k->has_ssn = a->has_ssn;
    k->ssn = a->ssn;
    k->tt = a->tt;
    k->np = a->np;
    k->es = a->es;
    k->nai = a->nai;
    ss_sccp_gt_digits(a, k->digits);
}

static struct reasm_slot *reasm_set(struct ss_sccp_reasm *r, const struct reasm_key *k)
{
    uint64_t h = ss_hash_bytes(SS_HASH_SEED, k, sizeof(*k));
    return &r->slot[(h % r->sets) * SCCP_REASM_WAYS];
}

static struct reasm_slot *reasm_find(struct reasm_slot *set, const struct reasm_key *k)
{
    for (unsigned i = 0; i < SCCP_REASM_WAYS; i++)
        if (set[i].used && memcmp(&set[i].key, k, sizeof(*k)) == 0)
            return &set[i];
    return NULL;
}

static uint32_t reasm_index(const struct ss_sccp_reasm *r, const struct reasm_slot *s)
{
    return (uint32_t)(s - r->slot);
}

static uint64_t reasm_first_ns(const struct ss_sccp_reasm *r, const struct reasm_slot *s)
{
    return ss_age_list_ts(&r->age, reasm_index(r, s));
}

static void reasm_drop(struct ss_sccp_reasm *r, struct reasm_slot *s)
{
    ss_age_list_remove(&r->age, reasm_index(r, s));
    s->used = false;
    r->in_use--;
}

/* A free slot of the set, or the oldest one, evicted (*evicted set). */
static struct reasm_slot *reasm_claim(struct ss_sccp_reasm *r, struct reasm_slot *set,
                                      bool *evicted)
{
    struct reasm_slot *oldest = &set[0];

    *evicted = false;
    for (unsigned i = 0; i < SCCP_REASM_WAYS; i++) {
        if (!set[i].used)
            return &set[i];
        if (reasm_first_ns(r, &set[i]) < reasm_first_ns(r, oldest))
            oldest = &set[i];
    }
    reasm_drop(r, oldest);
    *evicted = true;
    return oldest;
}

static enum ss_result reasm_first(struct ss_sccp_reasm *r, struct reasm_slot *set,
                                  const struct reasm_key *k, const struct ss_sccp *m,
                                  uint64_t ts_ns, const struct ss_frames *frames_in)
{
    bool evicted;
    struct reasm_slot *s = reasm_find(set, k);

    /* A repeated first segment is a retransmission; any other first
     * segment under a live key starts the message again. */
    if (s && s->len == m->len && s->remaining == m->seg.remaining)
        return SS_DUPLICATE;
    if (s)
        reasm_drop(r, s);
    s = reasm_claim(r, set, &evicted);
    s->used = true;
    r->in_use++;
    s->key = *k;
    s->remaining = m->seg.remaining;
    ss_age_list_insert(&r->age, reasm_index(r, s), ts_ns);
    ss_frames_copy(&s->frames, frames_in);
    s->len = m->len;
    memcpy(s->buf, m->data, m->len);
    return evicted ? SS_TABLE_FULL : SS_HELD;
}

static enum ss_result reasm_append(struct ss_sccp_reasm *r, struct reasm_slot *s,
                                   const struct ss_sccp *m, const struct ss_frames *frames_in,
                                   const uint8_t **data, size_t *len, struct ss_frames *frames)
{
    if (m->seg.remaining == s->remaining)
        return SS_DUPLICATE;
    if (m->seg.remaining + 1 != s->remaining) {
        reasm_drop(r, s);
        return SS_BAD_VALUE;
    }
    if (m->len > sizeof(s->buf) - s->len) {
        reasm_drop(r, s);
        return SS_OVERSIZE;
    }
    memcpy(s->buf + s->len, m->data, m->len);
    s->len += m->len;
    s->remaining = m->seg.remaining;
    ss_frames_merge(&s->frames, frames_in);
    if (s->remaining)
        return SS_HELD;
    /* The slot is free again, but its buffer stays untouched until the
     * next call, which is as long as *data is promised to live. */
    reasm_drop(r, s);
    *data = s->buf;
    *len = s->len;
    ss_frames_copy(frames, &s->frames);
    return SS_OK;
}

enum ss_result ss_sccp_reasm_add(struct ss_sccp_reasm *r, uint32_t opc, const struct ss_sccp *m,
                                 uint64_t ts_ns, const struct ss_frames *frames_in,
                                 const uint8_t **data, size_t *len, struct ss_frames *frames)
{
    if (!m->has_seg)
        return SS_BAD_VALUE;
    /* At most SS_SCCP_REASM_SEGS_MAX segments, bytes bounded per slot. */
    if (m->seg.remaining >= SS_SCCP_REASM_SEGS_MAX || m->len > SS_SCCP_REASM_MSG_MAX)
        return SS_OVERSIZE;
    if (m->seg.first && m->seg.remaining == 0) {
        *data = m->data;
        *len = m->len;
        ss_frames_copy(frames, frames_in);
        return SS_OK;
    }
    struct reasm_key k;
    key_make(&k, opc, m);
    struct reasm_slot *set = reasm_set(r, &k);
    if (m->seg.first)
        return reasm_first(r, set, &k, m, ts_ns, frames_in);
    struct reasm_slot *s = reasm_find(set, &k);
    if (!s)
        return SS_BAD_VALUE;
    return reasm_append(r, s, m, frames_in, data, len, frames);
}

/* Q.714 §4.1.1.2: the reassembly timer runs from the first segment.
 * Capture times may step back slightly; such a slot is simply not due. */
uint32_t ss_sccp_reasm_expire(struct ss_sccp_reasm *r, uint64_t now_ns)
{
    uint32_t n = 0;
    uint32_t i;

    while ((i = ss_age_list_due(&r->age, now_ns, r->timeout_ns)) != SS_AGE_NIL) {
        reasm_drop(r, &r->slot[i]);
        n++;
    }
    return n;
}

uint32_t ss_sccp_reasm_in_use(const struct ss_sccp_reasm *r)
{
    return r->in_use;
}
