#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dataplane/core/hash.h"
#include "dataplane/reasm/concat.h"

#define NIL UINT32_MAX

/* What makes two parts belong to one message (TS 23.040 §9.2.3.24.1: the
 * reference is unique per originator and recipient, total is repeated in
 * every part). */
struct concat_key {
    enum ss_dir dir;
    uint16_t ref;
    uint8_t total;
    char sender[SS_TP_ADDR_MAX];
    char recipient[SS_DIGITS_MAX + 1];
    char imsi[SS_DIGITS_MAX + 1];
};

struct concat_slot {
    struct concat_key key;
    uint32_t hash;
    uint32_t next;         /* hash chain */
    uint32_t older, newer; /* age list, oldest first */
    uint8_t held;
    uint16_t have;     /* bit seq-1 set when part seq is held */
    uint64_t first_ns; /* capture time of the first part to arrive */
    struct ss_frames frames;
    uint16_t text_len[SS_CONCAT_PARTS_MAX];
};

/* One table per worker. Part texts live in one pool allocated in _new:
 * slot i owns SS_CONCAT_PARTS_MAX buffers of SS_PART_TEXT_MAX bytes
 * (8 KiB per slot), so _add never allocates. */
struct ss_concat {
    uint32_t nslots, nbuckets, in_use;
    uint64_t timeout_ns;
    uint32_t oldest, newest, free_head;
    uint32_t *buckets;
    struct concat_slot *slots;
    char *pool;
};

static char *part_text(struct ss_concat *c, uint32_t slot, uint8_t seq)
{
    return c->pool + ((size_t)slot * SS_CONCAT_PARTS_MAX + (seq - 1u)) * SS_PART_TEXT_MAX;
}

struct ss_concat *ss_concat_new(uint32_t slots, uint64_t timeout_ns)
{
    struct ss_concat *c = calloc(1, sizeof *c);
    uint32_t nb = 1;

    if (c == NULL || slots == 0 || slots > UINT32_MAX / 4)
        goto fail;
    while (nb < 2 * slots)
        nb <<= 1;
    c->nslots = slots;
    c->nbuckets = nb;
    c->timeout_ns = timeout_ns;
    c->oldest = c->newest = NIL;
    c->buckets = malloc(nb * sizeof *c->buckets);
    c->slots = calloc(slots, sizeof *c->slots);
    c->pool = malloc((size_t)slots * SS_CONCAT_PARTS_MAX * SS_PART_TEXT_MAX);
    if (c->buckets == NULL || c->slots == NULL || c->pool == NULL)
        goto fail;
    memset(c->buckets, 0xff, nb * sizeof *c->buckets);
    for (uint32_t i = 0; i < slots; i++)
        c->slots[i].next = i + 1 < slots ? i + 1 : NIL;
    c->free_head = 0;
    return c;
fail:
    ss_concat_free(c);
    return NULL;
}

void ss_concat_free(struct ss_concat *c)
{
    if (c == NULL)
        return;
    free(c->buckets);
    free(c->slots);
    free(c->pool);
    free(c);
}

uint32_t ss_concat_in_use(const struct ss_concat *c)
{
    return c->in_use;
}

/* Copies a NUL-terminated field, leaving the rest of dst zero. */
static void key_str(char *dst, const char *src, size_t cap)
{
    memcpy(dst, src, strnlen(src, cap - 1));
}

static void key_of(const struct ss_sm *part, uint16_t ref, uint8_t total, struct concat_key *k)
{
    memset(k, 0, sizeof *k);
    k->dir = part->dir;
    k->ref = ref;
    k->total = total;
    key_str(k->sender, part->sender, sizeof k->sender);
    if (part->has_recipient)
        key_str(k->recipient, part->recipient, sizeof k->recipient);
    if (part->has_imsi)
        key_str(k->imsi, part->imsi, sizeof k->imsi);
}

/* Over the whole key: key_of zero-fills it, so padding and the bytes
 * after each NUL are always zero and compare equal. */
static uint32_t key_hash(const struct concat_key *k)
{
    return (uint32_t)ss_hash_bytes(SS_HASH_SEED, k, sizeof *k);
}

static uint32_t slot_find(const struct ss_concat *c, const struct concat_key *k, uint32_t h)
{
    for (uint32_t i = c->buckets[h & (c->nbuckets - 1)]; i != NIL; i = c->slots[i].next)
        if (c->slots[i].hash == h && memcmp(&c->slots[i].key, k, sizeof *k) == 0)
            return i;
    return NIL;
}

static void slot_release(struct ss_concat *c, uint32_t i)
{
    struct concat_slot *s = &c->slots[i];
    uint32_t *pp = &c->buckets[s->hash & (c->nbuckets - 1)];

    while (*pp != i)
        pp = &c->slots[*pp].next;
    *pp = s->next;
    if (s->older != NIL)
        c->slots[s->older].newer = s->newer;
    else
        c->oldest = s->newer;
    if (s->newer != NIL)
        c->slots[s->newer].older = s->older;
    else
        c->newest = s->older;
    s->next = c->free_head;
    c->free_head = i;
    c->in_use--;
}

static uint32_t slot_take(struct ss_concat *c, const struct concat_key *k, uint32_t h, uint64_t ts)
{
    uint32_t i = c->free_head;
    struct concat_slot *s = &c->slots[i];
    uint32_t *bucket = &c->buckets[h & (c->nbuckets - 1)];

    c->free_head = s->next;
    /* Only the counters are reset: text_len[q] is written with part q,
     * and a message is joined only once every part is held. */
    s->held = 0;
    s->have = 0;
    s->frames.n = s->frames.lost = 0;
    s->key = *k;
    s->hash = h;
    s->first_ns = ts;
    s->next = *bucket;
    *bucket = i;
    s->older = c->newest;
    s->newer = NIL;
    if (c->newest != NIL)
        c->slots[c->newest].newer = i;
    else
        c->oldest = i;
    c->newest = i;
    c->in_use++;
    return i;
}

static void concat_join(struct ss_concat *c, uint32_t i, const struct ss_sm *part,
                        struct ss_sm *out)
{
    struct concat_slot *s = &c->slots[i];

    /* Every field but the text comes from the completing part; the text,
     * the last and by far the largest field, is rebuilt below, so it is
     * not copied first. */
    memcpy(out, part, offsetof(struct ss_sm, text));
    out->parts = s->key.total;
    out->concat_ref = s->key.ref;
    ss_frames_merge(&out->frames, &s->frames);
    out->text_len = 0;
    for (uint8_t q = 1; q <= s->key.total; q++) {
        memcpy(out->text + out->text_len, part_text(c, i, q), s->text_len[q - 1]);
        out->text_len += s->text_len[q - 1];
    }
    out->text[out->text_len] = '\0';
}

enum ss_result ss_concat_add(struct ss_concat *c, const struct ss_sm *part, uint16_t ref,
                             uint8_t total, uint8_t seq, struct ss_sm *out)
{
    struct concat_key k;
    enum ss_result res = SS_HELD;

    if (total > SS_CONCAT_PARTS_MAX || part->text_len > SS_PART_TEXT_MAX)
        return SS_OVERSIZE;
    if (seq == 0 || seq > total)
        return SS_BAD_VALUE;
    key_of(part, ref, total, &k);
    uint32_t h = key_hash(&k);
    uint32_t i = slot_find(c, &k, h);
    if (i == NIL) {
        /* Full: the oldest incomplete message is dropped to make room and
         * SS_TABLE_FULL tells the caller to count it; this part is held. */
        if (c->free_head == NIL) {
            slot_release(c, c->oldest);
            res = SS_TABLE_FULL;
        }
        i = slot_take(c, &k, h, part->ts_ns);
    }
    struct concat_slot *s = &c->slots[i];
    if (s->have & (1u << (seq - 1)))
        return SS_DUPLICATE;
    s->have |= (uint16_t)(1u << (seq - 1));
    s->held++;
    s->text_len[seq - 1] = (uint16_t)part->text_len;
    memcpy(part_text(c, i, seq), part->text, part->text_len);
    ss_frames_merge(&s->frames, &part->frames);
    if (s->held < total)
        return res;
    concat_join(c, i, part, out);
    slot_release(c, i);
    return SS_OK;
}

uint32_t ss_concat_expire(struct ss_concat *c, uint64_t now_ns)
{
    /* The age list is in arrival order and a worker's capture times do not
     * go backwards, so the walk stops at the first entry still in time. */
    uint32_t n = 0;

    while (c->oldest != NIL && now_ns > c->slots[c->oldest].first_ns &&
           now_ns - c->slots[c->oldest].first_ns > c->timeout_ns) {
        slot_release(c, c->oldest);
        n++;
    }
    return n;
}
