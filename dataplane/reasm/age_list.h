/* An age list: the entries of a fixed-size table linked in order of their
 * time, oldest first, so that expiry pops entries from the old end until
 * it meets one still in time, and eviction finds the oldest entry without
 * a scan. Links are slot indices in one array allocated at start; no call
 * after ss_age_list_init allocates. */
#ifndef SS_AGE_LIST_H
#define SS_AGE_LIST_H

#include <stdbool.h>
#include <stdint.h>

#define SS_AGE_NIL UINT32_MAX

struct ss_age_node {
    uint32_t older, newer;
    uint64_t ts_ns;
};

struct ss_age_list {
    uint32_t oldest, newest;
    struct ss_age_node *node; /* one per table slot */
};

/* Allocates n unlinked nodes; false when out of memory. */
bool ss_age_list_init(struct ss_age_list *a, uint32_t n);
void ss_age_list_fini(struct ss_age_list *a);

/* Links unlinked slot i with time ts_ns. Kept sorted by time: an entry
 * stamped earlier than the newest (capture times stepping back) walks
 * back from the new end to its place, so expiry stays exact. */
void ss_age_list_insert(struct ss_age_list *a, uint32_t i, uint64_t ts_ns);
/* Restamps linked slot i with ts_ns and moves it to its new place by a
 * remove and an insert (the general case of ss_age_list_touch). */
void ss_age_list_move(struct ss_age_list *a, uint32_t i, uint64_t ts_ns);

/* The oldest linked slot, SS_AGE_NIL when none. */
static inline uint32_t ss_age_list_oldest(const struct ss_age_list *a)
{
    return a->oldest;
}

static inline uint64_t ss_age_list_ts(const struct ss_age_list *a, uint32_t i)
{
    return a->node[i].ts_ns;
}

/* The oldest slot when it is more than timeout_ns older than now_ns,
 * else SS_AGE_NIL. A slot stamped after now_ns is never due. */
static inline uint32_t ss_age_list_due(const struct ss_age_list *a, uint64_t now_ns,
                                       uint64_t timeout_ns)
{
    uint32_t i = a->oldest;

    if (i == SS_AGE_NIL)
        return SS_AGE_NIL;
    uint64_t ts = a->node[i].ts_ns;
    return now_ns > ts && now_ns - ts > timeout_ns ? i : SS_AGE_NIL;
}

/* Unlinks linked slot i. Inline: ss_age_list_touch unlinks on every
 * DATA chunk of the SCTP tables. */
static inline void ss_age_list_remove(struct ss_age_list *a, uint32_t i)
{
    struct ss_age_node *n = &a->node[i];

    if (n->older == SS_AGE_NIL)
        a->oldest = n->newer;
    else
        a->node[n->older].newer = n->newer;
    if (n->newer == SS_AGE_NIL)
        a->newest = n->older;
    else
        a->node[n->newer].older = n->older;
    n->older = n->newer = SS_AGE_NIL;
}

/* Restamps linked slot i with ts_ns and moves it to its new place. The
 * SCTP tables touch an entry per DATA chunk, so the common case is
 * inline: time only grows, and slot i goes from its place to the new
 * end, where ss_age_list_move would put it after a walk of none. */
static inline void ss_age_list_touch(struct ss_age_list *a, uint32_t i, uint64_t ts_ns)
{
    uint32_t newest = a->newest;

    if (a->node[newest].ts_ns > ts_ns) {
        ss_age_list_move(a, i, ts_ns);
        return;
    }
    if (newest != i) {
        ss_age_list_remove(a, i);
        a->node[newest].newer = i;
        a->node[i].older = newest;
        a->newest = i;
    }
    a->node[i].ts_ns = ts_ns;
}

#endif
