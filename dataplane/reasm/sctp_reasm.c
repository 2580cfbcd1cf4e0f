/* SCTP DATA fragment reassembly table.
 *
 * Layout: `slots` entries allocated once, each with its own
 * SS_SCTP_REASM_MSG_MAX-byte buffer where fragments are appended in
 * arrival order, plus one output buffer where a complete message is laid
 * out in TSN order. Lookup is a chained hash: a power-of-two array of
 * bucket heads and a `next` index per slot; free slots are chained on the
 * same `next` field. Nothing is allocated after ss_sctp_reasm_new.
 *
 * When every slot is busy, the least recently touched entry (oldest last
 * fragment) is evicted to make room, the new fragment is held, and the
 * call returns SS_TABLE_FULL so the caller counts the lost message. Used
 * slots are linked in an age list by last fragment time (age_list.h):
 * eviction takes its oldest end and expiry pops from it, so neither scans
 * the table. */
#include "dataplane/reasm/sctp_reasm.h"

#include "dataplane/core/hash.h"
#include "dataplane/reasm/age_list.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define NIL UINT32_MAX

struct reasm_key {
    uint8_t src[16], dst[16];
    uint8_t addr_len;
    uint8_t unordered;
    uint16_t sport, dport, sid, ssn;
};

struct reasm_frag {
    uint32_t tsn;
    uint16_t off, len; /* into the slot buffer */
};

struct reasm_slot {
    struct reasm_key key;
    bool used, have_b, have_e;
    uint8_t n_frags;
    uint32_t tsn_b, tsn_e;
    uint32_t next; /* bucket chain when used, free list otherwise */
    uint32_t bucket;
    size_t buf_used;
    struct reasm_frag frag[SS_SCTP_REASM_FRAGS_MAX];
    struct ss_frames frames;
    uint8_t buf[SS_SCTP_REASM_MSG_MAX];
};

struct ss_sctp_reasm {
    uint32_t n_slots, mask, in_use, free_head;
    uint64_t timeout_ns;
    uint32_t *bucket;
    struct reasm_slot *slot;
    struct ss_age_list age; /* by last fragment time; node i is slot[i] */
    uint8_t out[SS_SCTP_REASM_MSG_MAX];
};

struct ss_sctp_reasm *ss_sctp_reasm_new(uint32_t slots, uint64_t timeout_ns)
{
    uint32_t n_buckets = 1;
    struct ss_sctp_reasm *r;

    if (slots == 0 || slots > (1u << 30))
        return NULL;
    while (n_buckets < slots)
        n_buckets <<= 1;
    r = calloc(1, sizeof(*r));
    if (!r)
        return NULL;
    r->bucket = calloc(n_buckets, sizeof(*r->bucket));
    r->slot = calloc(slots, sizeof(*r->slot));
    if (!r->bucket || !r->slot || !ss_age_list_init(&r->age, slots)) {
        ss_sctp_reasm_free(r);
        return NULL;
    }
    r->n_slots = slots;
    r->mask = n_buckets - 1;
    r->timeout_ns = timeout_ns;
    for (uint32_t b = 0; b < n_buckets; b++)
        r->bucket[b] = NIL;
    for (uint32_t i = 0; i < slots; i++)
        r->slot[i].next = i + 1 < slots ? i + 1 : NIL;
    r->free_head = 0;
    return r;
}

void ss_sctp_reasm_free(struct ss_sctp_reasm *r)
{
    if (!r)
        return;
    ss_age_list_fini(&r->age);
    free(r->bucket);
    free(r->slot);
    free(r);
}

uint32_t ss_sctp_reasm_in_use(const struct ss_sctp_reasm *r)
{
    return r->in_use;
}

static void key_make(struct reasm_key *k, const struct ss_ip *ip, const struct ss_sctp *s,
                     const struct ss_sctp_data *d)
{
    size_t alen = ip->addr_len <= sizeof(k->src) ? ip->addr_len : sizeof(k->src);

    memset(k, 0, sizeof(*k)); /* padding takes part in hash and compare */
    memcpy(k->src, ip->src, alen);
    memcpy(k->dst, ip->dst, alen);
    k->addr_len = (uint8_t)alen;
    k->unordered = d->unordered;
    k->sport = s->sport;
    k->dport = s->dport;
    k->sid = d->sid;
    k->ssn = d->ssn;
}

/* Over the whole key: key_make zero-fills it, padding included. */
static uint32_t key_hash(const struct reasm_key *k)
{
    return (uint32_t)ss_hash_bytes(SS_HASH_SEED, k, sizeof(*k));
}

static uint32_t slot_find(const struct ss_sctp_reasm *r, const struct reasm_key *k, uint32_t b)
{
    for (uint32_t i = r->bucket[b]; i != NIL; i = r->slot[i].next)
        if (memcmp(&r->slot[i].key, k, sizeof(*k)) == 0)
            return i;
    return NIL;
}

static void slot_release(struct ss_sctp_reasm *r, uint32_t i)
{
    struct reasm_slot *s = &r->slot[i];
    uint32_t *link = &r->bucket[s->bucket];

    while (*link != i)
        link = &r->slot[*link].next;
    *link = s->next;
    ss_age_list_remove(&r->age, i);
    s->used = false;
    s->next = r->free_head;
    r->free_head = i;
    r->in_use--;
}

/* Takes a free slot, evicting the oldest entry when there is none. */
static uint32_t slot_claim(struct ss_sctp_reasm *r, const struct reasm_key *k, uint32_t b,
                           uint64_t ts_ns, bool *evicted)
{
    *evicted = r->free_head == NIL;
    if (*evicted)
        slot_release(r, ss_age_list_oldest(&r->age));
    uint32_t i = r->free_head;
    struct reasm_slot *s = &r->slot[i];

    r->free_head = s->next;
    memcpy(&s->key, k, sizeof(*k));
    s->used = true;
    s->have_b = s->have_e = false;
    s->n_frags = 0;
    s->buf_used = 0;
    s->frames.n = s->frames.lost = 0;
    s->bucket = b;
    s->next = r->bucket[b];
    r->bucket[b] = i;
    ss_age_list_insert(&r->age, i, ts_ns);
    r->in_use++;
    return i;
}

static bool frag_held(const struct reasm_slot *s, uint32_t tsn)
{
    for (unsigned f = 0; f < s->n_frags; f++)
        if (s->frag[f].tsn == tsn)
            return true;
    return false;
}

/* RFC 4960 §6.9: complete when B, E and every TSN between are held. TSNs
 * wrap (§1.6 serial arithmetic), so distances are taken modulo 2^32; as
 * duplicates are refused, n fragments all within [B, E] spanning n TSNs
 * means none is missing. */
static bool slot_complete(const struct reasm_slot *s)
{
    if (!s->have_b || !s->have_e)
        return false;
    uint32_t span = s->tsn_e - s->tsn_b;
    if (span >= s->n_frags)
        return false;
    for (unsigned f = 0; f < s->n_frags; f++)
        if (s->frag[f].tsn - s->tsn_b > span)
            return false;
    return true;
}

/* Lays the fragments out in TSN order in the output buffer. */
static size_t slot_assemble(const struct reasm_slot *s, uint8_t *out)
{
    size_t len = 0;

    for (uint32_t d = 0; d < s->n_frags; d++)
        for (unsigned f = 0; f < s->n_frags; f++)
            if (s->frag[f].tsn - s->tsn_b == d) {
                memcpy(out + len, s->buf + s->frag[f].off, s->frag[f].len);
                len += s->frag[f].len;
                break;
            }
    return len;
}

static void frag_store(struct reasm_slot *s, const struct ss_sctp_data *d, uint64_t frame_id)
{
    struct reasm_frag *f = &s->frag[s->n_frags++];

    f->tsn = d->tsn;
    f->off = (uint16_t)s->buf_used;
    f->len = (uint16_t)d->len;
    memcpy(s->buf + s->buf_used, d->payload, d->len);
    s->buf_used += d->len;
    if (d->begin) {
        s->have_b = true;
        s->tsn_b = d->tsn;
    }
    if (d->end) {
        s->have_e = true;
        s->tsn_e = d->tsn;
    }
    ss_frames_add(&s->frames, frame_id);
}

enum ss_result ss_sctp_reasm_add(struct ss_sctp_reasm *r, const struct ss_ip *ip,
                                 const struct ss_sctp *s, const struct ss_sctp_data *d,
                                 uint64_t ts_ns, uint64_t frame_id, const uint8_t **msg,
                                 size_t *len, struct ss_frames *frames)
{
    struct reasm_key k;
    bool evicted = false;

    if (d->begin && d->end)
        return SS_BAD_VALUE; /* a whole message is not a fragment */
    if (d->len > SS_SCTP_REASM_MSG_MAX)
        return SS_OVERSIZE;
    key_make(&k, ip, s, d);
    uint32_t b = key_hash(&k) & r->mask;
    uint32_t i = slot_find(r, &k, b);
    if (i == NIL)
        i = slot_claim(r, &k, b, ts_ns, &evicted);
    struct reasm_slot *slot = &r->slot[i];
    if (frag_held(slot, d->tsn))
        return SS_DUPLICATE;
    if (slot->n_frags == SS_SCTP_REASM_FRAGS_MAX ||
        slot->buf_used + d->len > SS_SCTP_REASM_MSG_MAX) {
        slot_release(r, i); /* the message can never fit: drop it whole */
        return SS_OVERSIZE;
    }
    frag_store(slot, d, frame_id);
    ss_age_list_touch(&r->age, i, ts_ns);
    if (!slot_complete(slot))
        return evicted ? SS_TABLE_FULL : SS_HELD;
    *len = slot_assemble(slot, r->out);
    *msg = r->out;
    ss_frames_copy(frames, &slot->frames);
    slot_release(r, i);
    return SS_OK;
}

uint32_t ss_sctp_reasm_expire(struct ss_sctp_reasm *r, uint64_t now_ns)
{
    uint32_t dropped = 0;
    uint32_t i;

    while ((i = ss_age_list_due(&r->age, now_ns, r->timeout_ns)) != SS_AGE_NIL) {
        slot_release(r, i);
        dropped++;
    }
    return dropped;
}
