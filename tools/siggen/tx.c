#include "tx.h"

#include <string.h>
#include "encode_sctp.h"

#define A_RWND           65535
#define FRAME_GAP_MIN_US 20
#define FRAME_GAP_MAX_US 600

void sg_tx_init(struct sg_tx *tx, struct sg_pcap_writer *pcap, FILE *truth, struct sg_prng *r,
                uint64_t start_us)
{
    memset(tx, 0, sizeof *tx);
    tx->pcap = pcap;
    tx->truth = truth;
    tx->rng = r;
    tx->now_us = start_us;
    tx->last_frame_us = start_us;
}

void sg_tx_free(struct sg_tx *tx)
{
    sg_buf_free(&tx->chunks);
    sg_buf_free(&tx->packet);
    sg_buf_free(&tx->frame);
    sg_buf_free(&tx->line);
}

void sg_tx_wait(struct sg_tx *tx, uint32_t min_us, uint32_t max_us)
{
    tx->now_us += sg_prng_range(tx->rng, min_us, max_us);
}

static void emit_records(struct sg_tx *tx)
{
    for (size_t i = 0; i < tx->n_pending; i++) {
        tx->pending[i].ts_us = tx->last_frame_us;
        sg_buf_reset(&tx->line);
        sg_truth_format(&tx->line, &tx->pending[i]);
        fwrite(tx->line.p, 1, tx->line.len, tx->truth);
    }
    tx->records += tx->n_pending;
    tx->n_pending = 0;
}

static void write_packet(struct sg_tx *tx, struct sg_link *l, int from, const uint8_t *chunks,
                         size_t n)
{
    const struct sg_link_side *me = &l->side[from], *peer = &l->side[!from];
    sg_buf_reset(&tx->packet);
    sg_sctp_begin(&tx->packet, me->port, peer->port, peer->vtag);
    sg_buf_put(&tx->packet, chunks, n);
    sg_sctp_finish(&tx->packet, 0);
    sg_buf_reset(&tx->frame);
    sg_net_frame(&tx->frame, &l->path, from, tx->packet.p, tx->packet.len, tx->ip_id++);
    sg_tx_wait(tx, FRAME_GAP_MIN_US, FRAME_GAP_MAX_US);
    tx->last_frame_us = tx->now_us;
    sg_pcap_write(tx->pcap, tx->now_us, tx->frame.p, tx->frame.len);
    tx->frames++;
}

void sg_tx_flush(struct sg_tx *tx)
{
    if (tx->chunks.len) {
        write_packet(tx, tx->link, tx->from, tx->chunks.p, tx->chunks.len);
        sg_buf_reset(&tx->chunks);
    }
    emit_records(tx);
}

/* A packet travels on one association in one direction. */
static void own_packet(struct sg_tx *tx, struct sg_link *l, int from)
{
    if (tx->chunks.len && (tx->link != l || tx->from != from))
        sg_tx_flush(tx);
    tx->link = l;
    tx->from = from;
}

static struct sg_sctp_data next_data(struct sg_link *l, int from, struct sg_ulp u)
{
    struct sg_link_side *me = &l->side[from];
    me->sent_data = true;
    return (struct sg_sctp_data){.flags = SG_SCTP_FLAG_B | SG_SCTP_FLAG_E,
                                 .tsn = me->next_tsn++,
                                 .stream = u.stream,
                                 .ssn = me->ssn[u.stream]++,
                                 .ppid = u.ppid};
}

void sg_tx_data(struct sg_tx *tx, struct sg_link *l, int from, struct sg_ulp u, const uint8_t *p,
                size_t n)
{
    own_packet(tx, l, from);
    struct sg_sctp_data d = next_data(l, from, u);
    sg_sctp_data(&tx->chunks, &d, p, n);
}

/* RFC 4960 §6.9: fragments share the SSN, take consecutive TSNs, and carry
 * B on the first and E on the last. */
void sg_tx_data_fragmented(struct sg_tx *tx, struct sg_link *l, int from, struct sg_ulp u,
                           const uint8_t *p, size_t n, unsigned pieces, bool shuffled)
{
    sg_tx_flush(tx);
    if (pieces > SG_TX_MAX_FRAGMENTS)
        pieces = SG_TX_MAX_FRAGMENTS;
    struct sg_sctp_data first = next_data(l, from, u);
    l->side[from].next_tsn += pieces - 1;
    unsigned order[SG_TX_MAX_FRAGMENTS] = {0, 1, 2};
    if (shuffled)
        sg_prng_shuffle(tx->rng, order, pieces);
    struct sg_buf *chunk = &tx->chunks;
    for (unsigned i = 0; i < pieces; i++) {
        unsigned k = order[i];
        size_t lo = n * k / pieces, hi = n * (k + 1) / pieces;
        struct sg_sctp_data d = first;
        d.tsn += k;
        d.flags = (uint8_t)((k == 0 ? SG_SCTP_FLAG_B : 0) | (k == pieces - 1 ? SG_SCTP_FLAG_E : 0));
        sg_buf_reset(chunk);
        sg_sctp_data(chunk, &d, p + lo, hi - lo);
        write_packet(tx, l, from, chunk->p, chunk->len);
    }
    sg_buf_reset(chunk);
}

void sg_tx_sack(struct sg_tx *tx, struct sg_link *l, int from)
{
    const struct sg_link_side *peer = &l->side[!from];
    if (!peer->sent_data)
        return;
    own_packet(tx, l, from);
    sg_sctp_sack(&tx->chunks, peer->next_tsn - 1, A_RWND);
}

void sg_tx_heartbeat(struct sg_tx *tx, struct sg_link *l, int from, uint8_t type, uint64_t info)
{
    own_packet(tx, l, from);
    sg_sctp_heartbeat(&tx->chunks, type, info);
}

void sg_tx_complete(struct sg_tx *tx, const struct sg_record *r)
{
    if (tx->n_pending == SG_TX_PENDING_RECORDS)
        sg_tx_flush(tx);
    tx->pending[tx->n_pending++] = *r;
    if (!tx->chunks.len)
        emit_records(tx);
}
