#include "backlog.h"

#include <stdio.h>
#include <stdlib.h>
#include "dialogue.h"

#define RESULT_GAP_MIN_US 100
#define RESULT_GAP_MAX_US 3000

struct held_message {
    struct sg_sms_plan plan;
    struct sg_dialogue dialogue[SG_MAX_PARTS];
};

/* A ring of messages waiting for their results, oldest at `head`. */
struct sg_backlog {
    struct held_message held[SG_BACKLOG_MAX];
    size_t head;
    size_t n;
};

struct sg_backlog *sg_backlog_new(void)
{
    struct sg_backlog *b = calloc(1, sizeof *b);
    if (!b) {
        fprintf(stderr, "siggen: out of memory for the dialogue backlog\n");
        exit(1);
    }
    return b;
}

void sg_backlog_free(struct sg_backlog *b)
{
    free(b);
}

static void release_oldest(struct sg_ctx *c)
{
    struct sg_backlog *b = c->backlog;
    const struct held_message *m = &b->held[b->head];
    sg_tx_wait(&c->tx, RESULT_GAP_MIN_US, RESULT_GAP_MAX_US);
    for (unsigned k = 0; k < m->plan.concat.total; k++)
        sg_dialogue_close(c, &m->plan, &m->dialogue[k]);
    b->head = (b->head + 1) % SG_BACKLOG_MAX;
    b->n--;
}

void sg_backlog_drain(struct sg_ctx *c, size_t keep)
{
    while (c->backlog->n > keep)
        release_oldest(c);
}

void sg_backlog_send(struct sg_ctx *c, const struct sg_sms_plan *p)
{
    struct sg_backlog *b = c->backlog;
    if (b->n == SG_BACKLOG_MAX)
        release_oldest(c);
    struct held_message *m = &b->held[(b->head + b->n) % SG_BACKLOG_MAX];
    unsigned n = p->concat.total;
    for (unsigned k = 0; k < n; k++)
        sg_dialogue_open(c, p, p->order[k], &m->dialogue[k], k + 1 == n);
    m->plan = *p;
    b->n++;
    sg_backlog_drain(c, sg_prng_below(&c->rng, SG_BACKLOG_MAX / 2 + 1));
}
