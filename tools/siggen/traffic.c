#include "traffic.h"

#include "backlog.h"
#include "background.h"
#include "dialogue.h"
#include "sms_plan.h"

#define MESSAGE_GAP_MIN_US 100
#define MESSAGE_GAP_MAX_US 5000

void sg_traffic_start(struct sg_ctx *c)
{
    c->backlog = sg_backlog_new();
    c->n_links = c->v->n_links < SG_MAX_LINKS ? c->v->n_links : SG_MAX_LINKS;
    for (size_t i = 0; i < c->n_links; i++)
        sg_link_init(&c->links[i], &c->rng, (unsigned)i, c->v);
    for (size_t i = 0; i < c->n_links; i++)
        sg_background_bring_up(c, &c->links[i]);
}

/* One dialogue after another: Begin, End, next part. */
static void send_sequential(struct sg_ctx *c, const struct sg_sms_plan *p)
{
    unsigned n = p->concat.total;
    for (unsigned k = 0; k < n; k++) {
        struct sg_dialogue d;
        sg_dialogue_open(c, p, p->order[k], &d, k + 1 == n);
        sg_tx_wait(&c->tx, SG_RESPONSE_DELAY_MIN_US, SG_RESPONSE_DELAY_MAX_US);
        sg_dialogue_close(c, p, &d);
    }
}

/* Every part's invoke in one packet behind a SACK, then every result in one
 * packet; a single part gets a keep-alive DATA chunk for company. */
static void send_bundled(struct sg_ctx *c, const struct sg_sms_plan *p)
{
    unsigned n = p->concat.total;
    struct sg_dialogue d[SG_MAX_PARTS];
    int from = sg_sms_plan_originator(p);
    sg_tx_flush(&c->tx);
    sg_tx_sack(&c->tx, p->link, from);
    for (unsigned k = 0; k < n; k++)
        sg_dialogue_open(c, p, p->order[k], &d[k], k + 1 == n);
    if (n == 1)
        sg_background_keepalive_chunk(c, p->link, from);
    sg_tx_flush(&c->tx);
    sg_tx_wait(&c->tx, SG_RESPONSE_DELAY_MIN_US, SG_RESPONSE_DELAY_MAX_US);
    sg_tx_sack(&c->tx, p->link, !from);
    for (unsigned k = 0; k < n; k++)
        sg_dialogue_close(c, p, &d[k]);
    sg_tx_flush(&c->tx);
}

static void send_message(struct sg_ctx *c)
{
    struct sg_sms_plan p;
    sg_sms_plan_make(c, &p);
    if (p.bundle)
        send_bundled(c, &p);
    else if (p.interleave)
        sg_backlog_send(c, &p);
    else
        send_sequential(c, &p);
}

void sg_traffic_run(struct sg_ctx *c, uint64_t count)
{
    for (uint64_t i = 0; i < count; i++) {
        if (!c->v->no_sms)
            send_message(c);
        if (c->v->no_sms || sg_prng_pct(&c->rng, c->v->pct_background))
            sg_background_exchange(c);
        sg_tx_wait(&c->tx, MESSAGE_GAP_MIN_US, MESSAGE_GAP_MAX_US);
    }
}

void sg_traffic_finish(struct sg_ctx *c)
{
    struct sg_scratch *s = &c->s;
    sg_backlog_drain(c, 0);
    sg_backlog_free(c->backlog);
    sg_tx_flush(&c->tx);
    sg_tx_free(&c->tx);
    struct sg_buf *bufs[] = {&s->tpdu, &s->param, &s->component, &s->tcap, &s->sccp, &s->ulp};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        sg_buf_free(bufs[i]);
}
