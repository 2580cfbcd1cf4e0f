/* Commercial ports; see ports.h. */
#include "dataplane/core/ports.h"

#include <stdlib.h>
#include <string.h>

#include "dataplane/core/hash.h"

#define SLOT_MASK (SS_PORTS_SLOTS - 1)

int ss_port_prefixes_add(struct ss_numbers *pp, const char *prefix, char *err, size_t cap)
{
    return ss_numbers_add(pp, "port prefix", SS_PORT_PREFIX_MAX, prefix, err, cap);
}

void ss_port_prefixes_default(struct ss_numbers *pp)
{
    if (pp->n == 0)
        memcpy(pp->number[pp->n++], SS_PORT_PREFIX_DEFAULT, sizeof SS_PORT_PREFIX_DEFAULT);
}

static uint32_t port_tag(const char *port, size_t len)
{
    return (uint32_t)ss_hash_bytes(SS_HASH_SEED, port, len);
}

/* The slot holding port, or the free slot ending its probe walk (the
 * table is never full, so there is one). */
static struct ss_port_count *find_slot(const struct ss_ports *t, const char *port, size_t len,
                                       uint32_t tag)
{
    size_t i = (size_t)(tag * 0x9e3779b9u) >> (32 - __builtin_ctz(SS_PORTS_SLOTS));
    const struct ss_port_count *e = &t->slot[i];
    while (e->used && !(e->tag == tag && memcmp(e->port, port, len) == 0 && e->port[len] == '\0'))
        e = &t->slot[(i = (i + 1) & SLOT_MASK)];
    return (struct ss_port_count *)e;
}

struct ss_port_count *ss_ports_get(struct ss_ports *t, const char *port)
{
    size_t len = strnlen(port, SS_TP_ADDR_MAX - 1);
    uint32_t tag = port_tag(port, len);
    struct ss_port_count *e = find_slot(t, port, len, tag);
    if (e->used)
        return e;
    if (t->n == SS_PORTS_USED)
        return NULL;
    e->used = 1;
    e->tag = tag;
    memcpy(e->port, port, len);
    e->port[len] = '\0';
    t->n++;
    return e;
}

const struct ss_port_count *ss_ports_find(const struct ss_ports *t, const char *port)
{
    size_t len = strnlen(port, SS_TP_ADDR_MAX - 1);
    const struct ss_port_count *e = find_slot(t, port, len, port_tag(port, len));
    return e->used ? e : NULL;
}

static uint64_t reason_count(const struct ss_port_count *e, unsigned r)
{
    return r == SS_PORT_HARMFUL         ? e->harmful
           : r == SS_PORT_ADS_NO_OPTOUT ? e->ads_no_optout
                                        : e->optouts;
}

/* Reasons whose count has reached threshold, a bit each; none for 0. */
static unsigned reached(const struct ss_port_count *e, uint64_t threshold)
{
    unsigned bits = 0;
    for (unsigned r = 0; threshold != 0 && r < SS_PORT_REASONS; r++)
        if (reason_count(e, r) >= threshold)
            bits |= 1u << r;
    return bits;
}

unsigned ss_ports_due(struct ss_port_count *e, uint64_t threshold)
{
    unsigned due = reached(e, threshold) & ~(unsigned)e->warned;
    e->warned |= (uint8_t)due;
    return due;
}

void ss_ports_merge(struct ss_ports *into, const struct ss_ports *from)
{
    into->untracked += from->untracked;
    for (size_t i = 0; i < SS_PORTS_SLOTS; i++) {
        const struct ss_port_count *f = &from->slot[i];
        if (!f->used)
            continue;
        struct ss_port_count *e = ss_ports_get(into, f->port);
        if (e == NULL) {
            into->untracked += f->messages + f->optouts;
            continue;
        }
        e->messages += f->messages;
        e->harmful += f->harmful;
        e->ads += f->ads;
        e->ads_no_optout += f->ads_no_optout;
        e->optouts += f->optouts;
    }
}

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
    return a < b ? 1 : a > b ? -1 : 0;
}

static int by_concern(const void *pa, const void *pb)
{
    const struct ss_port_count *a = *(const struct ss_port_count *const *)pa;
    const struct ss_port_count *b = *(const struct ss_port_count *const *)pb;
    int c = cmp_u64_desc(a->harmful, b->harmful);
    if (c == 0)
        c = cmp_u64_desc(a->ads_no_optout, b->ads_no_optout);
    if (c == 0)
        c = cmp_u64_desc(a->optouts, b->optouts);
    if (c == 0)
        c = cmp_u64_desc(a->messages, b->messages);
    return c != 0 ? c : strcmp(a->port, b->port);
}

const char *ss_port_reason_name(enum ss_port_reason r)
{
    static const char *const names[SS_PORT_REASONS] = {"harmful", "ads_no_optout", "optouts"};
    return (unsigned)r < SS_PORT_REASONS ? names[r] : "?";
}

static void print_reasons(FILE *f, unsigned bits)
{
    const char *sep = "  warn:";
    for (unsigned r = 0; r < SS_PORT_REASONS; r++)
        if (bits >> r & 1) {
            fprintf(f, "%s%s", sep, ss_port_reason_name((enum ss_port_reason)r));
            sep = ",";
        }
}

void ss_ports_print(FILE *f, const struct ss_ports *t, const struct ss_numbers *pp, unsigned top,
                    uint64_t threshold)
{
    char prefixes[SS_NUMBERS_MAX * (SS_DIGITS_MAX + 1) + 1];
    ss_numbers_text(pp, ",", prefixes, sizeof prefixes);
    fprintf(f, "commercial ports (prefixes %s; %u ports%s):\n", prefixes, t->n,
            t->untracked ? ", table full" : ", exact counts");
    const struct ss_port_count **sorted = malloc((t->n + 1) * sizeof *sorted);
    if (sorted == NULL) {
        fprintf(f, "  (out of memory to sort them)\n");
        return;
    }
    unsigned n = 0;
    for (size_t i = 0; i < SS_PORTS_SLOTS; i++)
        if (t->slot[i].used)
            sorted[n++] = &t->slot[i];
    qsort(sorted, n, sizeof *sorted, by_concern);
    if (n != 0)
        fprintf(f, "  %-20s %9s %9s %9s %14s %9s\n", "port", "messages", "harmful", "ads",
                "ads_no_optout", "optouts");
    for (unsigned i = 0; i < n && i < top; i++) {
        const struct ss_port_count *e = sorted[i];
        fprintf(f, "  %-20s %9llu %9llu %9llu %14llu %9llu", e->port,
                (unsigned long long)e->messages, (unsigned long long)e->harmful,
                (unsigned long long)e->ads, (unsigned long long)e->ads_no_optout,
                (unsigned long long)e->optouts);
        print_reasons(f, reached(e, threshold));
        fputc('\n', f);
    }
    free(sorted);
    if (t->untracked)
        fprintf(f,
                "  %llu port messages and requests not counted under their port (the %u-port"
                " table was full)\n",
                (unsigned long long)t->untracked, (unsigned)SS_PORTS_USED);
}
