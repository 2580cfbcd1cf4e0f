/* Output writer. Batches of slots per call keep the main lcore's other
 * duties (distribution, end detection) responsive. */
#include "dataplane/dpdk/output.h"

#include <string.h>

#define DRAIN_BATCH 32
#define NS_PER_US   1000u
#define US_PER_SEC  1000000u

static int open_evidence(struct ss_output *w, const char *path, unsigned snap)
{
    /* Ethernet link type: the DPDK layer only sees Ethernet frames. */
    w->dead = pcap_open_dead(DLT_EN10MB, (int)snap);
    if (w->dead == NULL) {
        fprintf(stderr, "sigsift run: --evidence %s: out of memory\n", path);
        return -1;
    }
    w->evidence = pcap_dump_open(w->dead, path);
    if (w->evidence == NULL) {
        fprintf(stderr, "sigsift run: --evidence %s: %s\n", path, pcap_geterr(w->dead));
        return -1;
    }
    return 0;
}

int ss_output_open(struct ss_output *w, const struct ss_run_opts *o)
{
    memset(w, 0, sizeof *w);
    if (o->events != NULL) {
        w->events = strcmp(o->events, "-") == 0 ? stdout : fopen(o->events, "w");
        if (w->events == NULL) {
            perror(o->events);
            return -1;
        }
    }
    if (o->evidence != NULL && open_evidence(w, o->evidence, o->max_frame) != 0)
        return -1;
    return 0;
}

static unsigned drain_events(struct ss_output *w, const struct ss_outq *q)
{
    void *slots[DRAIN_BATCH];
    unsigned n = rte_ring_sc_dequeue_burst(q->ev_full, slots, DRAIN_BATCH, NULL);

    for (unsigned i = 0; i < n; i++) {
        const struct ss_event_slot *s = slots[i];
        if (w->events != NULL) {
            fwrite(s->buf, 1, s->len, w->events);
            w->events_written++;
        }
    }
    rte_ring_sp_enqueue_bulk(q->ev_free, slots, n, NULL);
    return n;
}

static unsigned drain_evidence(struct ss_output *w, const struct ss_outq *q)
{
    void *slots[DRAIN_BATCH];
    unsigned n = rte_ring_sc_dequeue_burst(q->fr_full, slots, DRAIN_BATCH, NULL);

    for (unsigned i = 0; i < n; i++) {
        const struct ss_evidence_slot *s = slots[i];
        struct pcap_pkthdr h = {
            .ts = {.tv_sec = (time_t)(s->ts_ns / NS_PER_US / US_PER_SEC),
                   .tv_usec = (suseconds_t)(s->ts_ns / NS_PER_US % US_PER_SEC)},
            .caplen = s->caplen,
            .len = s->len,
        };
        pcap_dump((u_char *)w->evidence, &h, s->data);
        w->evidence_written++;
    }
    rte_ring_sp_enqueue_bulk(q->fr_free, slots, n, NULL);
    return n;
}

unsigned ss_output_drain(struct ss_output *w, const struct ss_outq *q)
{
    unsigned n = drain_events(w, q);
    if (q->fr_full != NULL)
        n += drain_evidence(w, q);
    return n;
}

int ss_output_close(struct ss_output *w)
{
    int rc = 0;
    if (w->events != NULL) {
        if (fflush(w->events) != 0 || ferror(w->events))
            rc = -1;
        if (w->events != stdout && fclose(w->events) != 0)
            rc = -1;
    }
    if (w->evidence != NULL) {
        if (pcap_dump_flush(w->evidence) != 0)
            rc = -1;
        pcap_dump_close(w->evidence);
    }
    if (w->dead != NULL)
        pcap_close(w->dead);
    memset(w, 0, sizeof *w);
    return rc;
}
