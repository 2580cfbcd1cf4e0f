/* SCTP retransmission table.
 *
 * Layout: `slots` entries allocated once, each holding its key, the
 * highest TSN seen and a ring bitmap of SS_SCTP_TSN_WINDOW bits where TSN
 * x lives at bit x % SS_SCTP_TSN_WINDOW. Lookup is a chained hash (a
 * power-of-two array of bucket heads, a `next` index per slot, free slots
 * chained on the same field); an age list orders entries by last use so
 * that expiry and eviction never scan. Nothing is allocated after
 * ss_sctp_tsn_new. TSN comparisons use serial number arithmetic modulo
 * 2^32 (RFC 1982, as RFC 4960 §1.6 requires). */
#include "dataplane/reasm/sctp_tsn.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/reasm/age_list.h"

#define NIL UINT32_MAX
#define WORD_BITS 64u
#define WINDOW_WORDS (SS_SCTP_TSN_WINDOW / WORD_BITS)

_Static_assert(SS_SCTP_TSN_WINDOW % WORD_BITS == 0, "window is whole words");
_Static_assert((SS_SCTP_TSN_WINDOW & (SS_SCTP_TSN_WINDOW - 1)) == 0,
               "window divides 2^32, so the ring position survives TSN wrap");

/* A half association's key as one word (tag, source port, destination
 * port), so that a probe compares one word rather than three fields. */
static uint64_t key_of(const struct ss_sctp *s)
{
    return (uint64_t)s->vtag << 32 | (uint32_t)s->sport << 16 | s->dport;
}

struct tsn_slot {
    uint64_t key;
    uint32_t next; /* bucket chain when used, free list otherwise */
    uint32_t bucket;
    uint32_t highest;
    uint64_t seen[WINDOW_WORDS];
};

struct ss_sctp_tsn {
    uint32_t n_slots, mask, in_use, free_head;
    uint64_t timeout_ns;
    uint32_t *bucket;
    struct tsn_slot *slot;
    struct ss_age_list age;
};

struct ss_sctp_tsn *ss_sctp_tsn_new(uint32_t slots, uint64_t timeout_ns)
{
    uint32_t n_buckets = 1;
    struct ss_sctp_tsn *t;

    if (slots == 0 || slots > (1u << 30))
        return NULL;
    while (n_buckets < slots)
        n_buckets <<= 1;
    t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->bucket = calloc(n_buckets, sizeof(*t->bucket));
    t->slot = calloc(slots, sizeof(*t->slot));
    if (!t->bucket || !t->slot || !ss_age_list_init(&t->age, slots)) {
        ss_sctp_tsn_free(t);
        return NULL;
    }
    t->n_slots = slots;
    t->mask = n_buckets - 1;
    t->timeout_ns = timeout_ns;
    for (uint32_t b = 0; b < n_buckets; b++)
        t->bucket[b] = NIL;
    for (uint32_t i = 0; i < slots; i++)
        t->slot[i].next = i + 1 < slots ? i + 1 : NIL;
    t->free_head = 0;
    return t;
}

void ss_sctp_tsn_free(struct ss_sctp_tsn *t)
{
    if (!t)
        return;
    ss_age_list_fini(&t->age);
    free(t->bucket);
    free(t->slot);
    free(t);
}

uint32_t ss_sctp_tsn_in_use(const struct ss_sctp_tsn *t)
{
    return t->in_use;
}

static uint32_t key_bucket(const struct ss_sctp_tsn *t, uint64_t k)
{
    /* The tag is random per association (RFC 4960 §5.3.1): it alone
     * spreads the keys; the ports separate the rare equal tags. */
    uint32_t h = ((uint32_t)(k >> 32) ^ (uint32_t)k) * 2654435761u;

    return (h ^ h >> 16) & t->mask;
}

static uint32_t slot_find(const struct ss_sctp_tsn *t, uint64_t k, uint32_t b)
{
    for (uint32_t i = t->bucket[b]; i != NIL; i = t->slot[i].next)
        if (t->slot[i].key == k)
            return i;
    return NIL;
}

static void slot_release(struct ss_sctp_tsn *t, uint32_t i)
{
    struct tsn_slot *s = &t->slot[i];
    uint32_t *link = &t->bucket[s->bucket];

    while (*link != i)
        link = &t->slot[*link].next;
    *link = s->next;
    ss_age_list_remove(&t->age, i);
    s->next = t->free_head;
    t->free_head = i;
    t->in_use--;
}

static void bit_set(struct tsn_slot *s, uint32_t tsn)
{
    uint32_t pos = tsn % SS_SCTP_TSN_WINDOW;

    s->seen[pos / WORD_BITS] |= 1ull << (pos % WORD_BITS);
}

static bool bit_test(const struct tsn_slot *s, uint32_t tsn)
{
    uint32_t pos = tsn % SS_SCTP_TSN_WINDOW;

    return s->seen[pos / WORD_BITS] >> (pos % WORD_BITS) & 1;
}

static void bit_clear(struct tsn_slot *s, uint32_t tsn)
{
    uint32_t pos = tsn % SS_SCTP_TSN_WINDOW;

    s->seen[pos / WORD_BITS] &= ~(1ull << (pos % WORD_BITS));
}

/* Takes a free slot (evicting the least recently used entry when none is
 * free) and starts its window at tsn. */
static uint32_t slot_claim(struct ss_sctp_tsn *t, uint64_t k, uint32_t b,
                           uint32_t tsn, uint64_t ts_ns, bool *evicted)
{
    uint32_t i;
    struct tsn_slot *s;

    *evicted = t->free_head == NIL;
    if (*evicted)
        slot_release(t, ss_age_list_oldest(&t->age));
    i = t->free_head;
    s = &t->slot[i];
    t->free_head = s->next;
    s->key = k;
    s->bucket = b;
    s->next = t->bucket[b];
    t->bucket[b] = i;
    s->highest = tsn;
    memset(s->seen, 0, sizeof(s->seen));
    bit_set(s, tsn);
    ss_age_list_insert(&t->age, i, ts_ns);
    t->in_use++;
    return i;
}

/* Moves the window forward to end at tsn (ahead of the highest by
 * `ahead`, less than 2^31): the ring positions it enters are cleared,
 * but for tsn's own, which is set (in-order data, ahead 1, clears none). */
static void window_advance(struct tsn_slot *s, uint32_t tsn, uint32_t ahead)
{
    if (ahead >= SS_SCTP_TSN_WINDOW)
        memset(s->seen, 0, sizeof(s->seen));
    else
        for (uint32_t x = s->highest + 1; x != tsn; x++)
            bit_clear(s, x);
    s->highest = tsn;
    bit_set(s, tsn);
}

/* RFC 4960 §6.2: a TSN already received is a duplicate. */
static enum ss_result window_record(struct tsn_slot *s, uint32_t tsn)
{
    uint32_t ahead = tsn - s->highest;
    uint32_t behind = s->highest - tsn;

    if (ahead == 0)
        return SS_DUPLICATE;
    if (ahead < 0x80000000u) {
        window_advance(s, tsn, ahead);
        return SS_OK;
    }
    if (behind >= SS_SCTP_TSN_WINDOW)
        return SS_OK; /* forgotten: decoding twice beats losing a message */
    if (bit_test(s, tsn))
        return SS_DUPLICATE;
    bit_set(s, tsn);
    return SS_OK;
}

enum ss_result ss_sctp_tsn_check(struct ss_sctp_tsn *t, const struct ss_sctp *s, uint32_t tsn,
                                 uint64_t ts_ns)
{
    uint64_t k = key_of(s);
    uint32_t b, i;
    bool evicted;
    enum ss_result r;

    if (s->vtag == 0)
        return SS_OK;
    b = key_bucket(t, k);
    i = slot_find(t, k, b);
    if (i == NIL) {
        slot_claim(t, k, b, tsn, ts_ns, &evicted);
        return evicted ? SS_TABLE_FULL : SS_OK;
    }
    r = window_record(&t->slot[i], tsn);
    ss_age_list_touch(&t->age, i, ts_ns);
    return r;
}

uint32_t ss_sctp_tsn_expire(struct ss_sctp_tsn *t, uint64_t now_ns)
{
    uint32_t i, n = 0;

    while ((i = ss_age_list_due(&t->age, now_ns, t->timeout_ns)) != SS_AGE_NIL) {
        slot_release(t, i);
        n++;
    }
    return n;
}
