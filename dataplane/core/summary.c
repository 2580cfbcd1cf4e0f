#include "dataplane/core/summary.h"

#include <stdlib.h>
#include <string.h>

#include "dataplane/core/hash.h"

#define SLOT_MASK (SS_SUMMARY_SENDERS - 1)

/* The slot holding sender, or the free slot that ends its probe walk
 * (the table is never full, so there is one); *once is set to the first
 * slot on the walk holding a sender counted once, or NULL. */
static struct ss_sender_count *find_slot(const struct ss_summary *s, const char *sender,
                                         size_t len, uint32_t tag, struct ss_sender_count **once)
{
    size_t i = (size_t)(tag * 0x9e3779b9u) >> (32 - __builtin_ctz(SS_SUMMARY_SENDERS));
    struct ss_sender_count *e = (struct ss_sender_count *)&s->senders[i];
    *once = NULL;
    while (e->count != 0) {
        if (e->tag == tag && memcmp(e->sender, sender, len) == 0 && e->sender[len] == '\0')
            return e;
        if (e->count == 1 && *once == NULL)
            *once = e;
        i = (i + 1) & SLOT_MASK;
        e = (struct ss_sender_count *)&s->senders[i];
    }
    return e;
}

static uint32_t sender_tag(const char *sender, size_t len)
{
    return (uint32_t)ss_hash_bytes(SS_HASH_SEED, sender, len);
}

void ss_summary_count_sender(struct ss_summary *s, const char *sender, uint64_t n)
{
    size_t len = strnlen(sender, SS_TP_ADDR_MAX - 1);
    uint32_t tag = sender_tag(sender, len);
    struct ss_sender_count *once, *e = find_slot(s, sender, len, tag, &once);
    if (e->count == 0) {
        if (s->n_senders < SS_SUMMARY_SENDERS_USED) {
            s->n_senders++;
        } else if (once != NULL) {
            s->untracked += once->count;
            e = once;
        } else {
            s->untracked += n;
            return;
        }
        e->count = 0;
        e->tag = tag;
        memcpy(e->sender, sender, len);
        e->sender[len] = '\0';
    }
    e->count += n;
}

uint64_t ss_summary_sender_count(const struct ss_summary *s, const char *sender)
{
    size_t len = strnlen(sender, SS_TP_ADDR_MAX - 1);
    struct ss_sender_count *once;
    return find_slot(s, sender, len, sender_tag(sender, len), &once)->count;
}

void ss_summary_add(struct ss_summary *s, const struct ss_sm *sm, const struct ss_verdict *v)
{
    s->messages++;
    s->by_action[v->action]++;
    if (v->action < SS_ACTION_ALERT)
        return;
    s->flagged++;
    for (uint64_t c = v->categories; c != 0; c &= c - 1)
        s->by_category[__builtin_ctzll(c)]++;
    ss_summary_count_sender(s, sm->sender, 1);
}

void ss_summary_merge(struct ss_summary *into, const struct ss_summary *from)
{
    into->messages += from->messages;
    into->flagged += from->flagged;
    for (unsigned a = 0; a <= SS_ACTION_BLOCK; a++)
        into->by_action[a] += from->by_action[a];
    for (unsigned c = 0; c < SS_CATEGORY_MAX; c++)
        into->by_category[c] += from->by_category[c];
    into->untracked += from->untracked;
    into->reports += from->reports;
    into->reports_flagged += from->reports_flagged;
    ss_ports_merge(&into->ports, &from->ports);
    for (size_t i = 0; i < SS_SUMMARY_SENDERS; i++)
        if (from->senders[i].count != 0)
            ss_summary_count_sender(into, from->senders[i].sender, from->senders[i].count);
}

static int by_count_desc(const void *a, const void *b)
{
    const struct ss_sender_count *x = *(const struct ss_sender_count *const *)a;
    const struct ss_sender_count *y = *(const struct ss_sender_count *const *)b;
    return x->count < y->count ? 1 : x->count > y->count ? -1 : strcmp(x->sender, y->sender);
}

static void print_senders(FILE *f, const struct ss_summary *s, unsigned top,
                          const struct ss_pseudonym *ps)
{
    char pseudonym[SS_PSEUDONYM_LEN + 1];
    fprintf(f, "top senders of flagged messages (%u senders%s):\n", s->n_senders,
            s->untracked ? ", table full" : ", exact counts");
    const struct ss_sender_count **sorted = malloc((s->n_senders + 1) * sizeof *sorted);
    if (sorted == NULL) {
        fprintf(f, "  (out of memory to sort them)\n");
        return;
    }
    unsigned n = 0;
    for (size_t i = 0; i < SS_SUMMARY_SENDERS; i++)
        if (s->senders[i].count != 0)
            sorted[n++] = &s->senders[i];
    qsort(sorted, n, sizeof *sorted, by_count_desc);
    for (unsigned i = 0; i < n && i < top; i++)
        fprintf(f, "  %-24s %llu\n",
                ps != NULL ? ss_pseudonym_party(ps, sorted[i]->sender, pseudonym)
                           : sorted[i]->sender,
                (unsigned long long)sorted[i]->count);
    free(sorted);
    if (s->untracked)
        fprintf(f,
                "  %llu flagged messages not counted under their sender (the %u-sender table was"
                " full): a count above may be low, and an unlisted sender may have sent, up to"
                " that many\n",
                (unsigned long long)s->untracked, (unsigned)SS_SUMMARY_SENDERS_USED);
}

void ss_summary_print(FILE *f, const struct ss_summary *s, const struct ss_rules *rules,
                      unsigned top, const struct ss_pseudonym *ps)
{
    fprintf(f, "messages %llu, flagged %llu (block %llu, alert %llu, allowlisted %llu)\n",
            (unsigned long long)s->messages, (unsigned long long)s->flagged,
            (unsigned long long)s->by_action[SS_ACTION_BLOCK],
            (unsigned long long)s->by_action[SS_ACTION_ALERT],
            (unsigned long long)s->by_action[SS_ACTION_PASS]);
    fprintf(f, "flagged by category:\n");
    for (unsigned c = 0; c < rules->n_categories; c++)
        if (s->by_category[c])
            fprintf(f, "  %-24s %llu\n", rules->category[c],
                    (unsigned long long)s->by_category[c]);
    print_senders(f, s, top, ps);
}
