#include "dataplane/core/summary.h"

#include <stdlib.h>
#include <string.h>

static struct ss_top_sender *find_sender(struct ss_summary *s, const char *sender)
{
    for (unsigned i = 0; i < s->n_top; i++)
        if (strcmp(s->top[i].sender, sender) == 0)
            return &s->top[i];
    return NULL;
}

static struct ss_top_sender *smallest(struct ss_summary *s)
{
    struct ss_top_sender *min = &s->top[0];
    for (unsigned i = 1; i < s->n_top; i++)
        if (s->top[i].count < min->count)
            min = &s->top[i];
    return min;
}

static void count_sender(struct ss_summary *s, const char *sender, uint64_t n, uint64_t error)
{
    struct ss_top_sender *t = find_sender(s, sender);
    if (t) {
        t->count += n;
        t->error += error;
        return;
    }
    if (s->n_top < SS_SUMMARY_TOP) {
        t = &s->top[s->n_top++];
        t->count = 0;
        t->error = 0;
    } else {
        t = smallest(s);
        error += t->count;
    }
    snprintf(t->sender, sizeof(t->sender), "%s", sender);
    t->count += n;
    t->error = error;
}

void ss_summary_add(struct ss_summary *s, const struct ss_sm *sm, const struct ss_verdict *v)
{
    s->messages++;
    s->by_action[v->action]++;
    if (v->action < SS_ACTION_ALERT)
        return;
    s->flagged++;
    for (unsigned c = 0; c < SS_CATEGORY_MAX; c++)
        if (v->categories >> c & 1)
            s->by_category[c]++;
    count_sender(s, sm->sender, 1, 0);
}

void ss_summary_merge(struct ss_summary *into, const struct ss_summary *from)
{
    into->messages += from->messages;
    into->flagged += from->flagged;
    for (unsigned a = 0; a <= SS_ACTION_BLOCK; a++)
        into->by_action[a] += from->by_action[a];
    for (unsigned c = 0; c < SS_CATEGORY_MAX; c++)
        into->by_category[c] += from->by_category[c];
    for (unsigned i = 0; i < from->n_top; i++)
        count_sender(into, from->top[i].sender, from->top[i].count, from->top[i].error);
}

static int by_count_desc(const void *a, const void *b)
{
    const struct ss_top_sender *x = a, *y = b;
    return x->count < y->count ? 1 : x->count > y->count ? -1 : strcmp(x->sender, y->sender);
}

void ss_summary_print(FILE *f, const struct ss_summary *s, const struct ss_rules *rules,
                      unsigned top)
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
    struct ss_top_sender sorted[SS_SUMMARY_TOP];
    memcpy(sorted, s->top, s->n_top * sizeof(sorted[0]));
    qsort(sorted, s->n_top, sizeof(sorted[0]), by_count_desc);
    fprintf(f, "top senders of flagged messages:\n");
    for (unsigned i = 0; i < s->n_top && i < top; i++)
        fprintf(f, "  %-24s %llu\n", sorted[i].sender, (unsigned long long)sorted[i].count);
}
