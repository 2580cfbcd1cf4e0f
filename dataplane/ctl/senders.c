/* The sender lists' table; see senders.h. */
#include "dataplane/ctl/senders.h"

#include "dataplane/core/hash.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define MASK (SS_SENDERS_SLOTS - 1u)

static uint32_t sender_hash(const char *s, size_t len)
{
    return (uint32_t)ss_hash_bytes(SS_HASH_SEED, s, len);
}

static bool same(const struct ss_senders_entry *e, const char *s, size_t len)
{
    return e->used && e->len == len && memcmp(e->sender, s, len) == 0;
}

/* The slot holding sender, or the empty slot ending its probe run. */
static uint32_t probe(const struct ss_senders *t, const char *s, size_t len)
{
    uint32_t i = sender_hash(s, len) & MASK;
    while (t->slot[i].used && !same(&t->slot[i], s, len))
        i = (i + 1) & MASK;
    return i;
}

struct ss_senders *ss_senders_clone(const struct ss_senders *src)
{
    struct ss_senders *t = src != NULL ? malloc(sizeof *t) : calloc(1, sizeof *t);
    if (t != NULL && src != NULL)
        memcpy(t, src, sizeof *t);
    return t;
}

void ss_senders_free(struct ss_senders *t)
{
    free(t);
}

enum ss_result ss_senders_add(struct ss_senders *t, enum ss_sender_list list, const char *sender,
                              size_t len)
{
    if (len == 0)
        return SS_BAD_LENGTH;
    if (len > SS_CTL_SENDER_MAX || (unsigned)list >= SS_LIST_COUNT)
        return SS_OVERSIZE;
    struct ss_senders_entry *e = &t->slot[probe(t, sender, len)];
    if (e->used && e->list == list)
        return SS_DUPLICATE;
    if (e->used) {
        t->n[e->list]--;
    } else {
        if (t->n[SS_LIST_BLOCK] + t->n[SS_LIST_ALLOW] >= SS_SENDERS_MAX)
            return SS_TABLE_FULL;
        e->used = 1;
        e->len = (uint8_t)len;
        memcpy(e->sender, sender, len);
        e->sender[len] = '\0';
    }
    e->list = (uint8_t)list;
    t->n[list]++;
    return SS_OK;
}

/* Whether the entry at j, whose home slot is h, may move into the hole
 * at i: h is not cyclically within (i, j]. */
static bool may_fill(uint32_t i, uint32_t j, uint32_t h)
{
    return ((j - h) & MASK) >= ((j - i) & MASK);
}

/* Backward-shift deletion for linear probing (Knuth, TAOCP 6.4,
 * Algorithm R). */
static void delete_slot(struct ss_senders *t, uint32_t i)
{
    uint32_t j = i;
    t->slot[i].used = 0;
    for (;;) {
        j = (j + 1) & MASK;
        if (!t->slot[j].used)
            return;
        uint32_t h = sender_hash(t->slot[j].sender, t->slot[j].len) & MASK;
        if (may_fill(i, j, h)) {
            t->slot[i] = t->slot[j];
            t->slot[j].used = 0;
            i = j;
        }
    }
}

enum ss_result ss_senders_remove(struct ss_senders *t, enum ss_sender_list list, const char *sender,
                                 size_t len)
{
    if (len == 0 || len > SS_CTL_SENDER_MAX)
        return SS_NO_CONTEXT;
    uint32_t i = probe(t, sender, len);
    if (!t->slot[i].used || t->slot[i].list != list)
        return SS_NO_CONTEXT;
    t->n[list]--;
    delete_slot(t, i);
    return SS_OK;
}

int ss_senders_find(const struct ss_senders *t, const char *sender, size_t len)
{
    if (t == NULL || len == 0 || len > SS_CTL_SENDER_MAX)
        return -1;
    const struct ss_senders_entry *e = &t->slot[probe(t, sender, len)];
    return e->used ? e->list : -1;
}
