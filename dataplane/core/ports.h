/* Commercial ports: which numbers are ports (106... in China: the short
 * codes businesses send through), and what each port did in a run, for
 * the regulator's early warning on port senders and its opt-out rule.
 *
 * Per port, counted exactly in a bounded table (linear probing,
 * SS_PORTS_SLOTS slots, at most SS_PORTS_USED in use; a port that finds
 * the table full is counted only in `untracked`):
 *   messages       MT messages it sent (TP-OA is the port)
 *   harmful        of them flagged in a category other than advertising
 *   ads            of them in the advertising category
 *   ads_no_optout  of those, without opt-out wording (core/optout.h):
 *                  commercial SMS must offer one
 *   optouts        MO messages to it that are an opt-out request
 * A port warns once per reason (harmful, ads_no_optout, optouts) when
 * that count reaches the threshold. Per worker, merged at the end. */
#ifndef SS_PORTS_H
#define SS_PORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dataplane/core/numbers.h"
#include "dataplane/decode/tpdu.h"

#define SS_PORT_PREFIX_MAX     15 /* digits in one prefix */
#define SS_PORT_PREFIX_DEFAULT "106"

/* A table at most 3/4 full keeps probe walks short: 6 144 ports. */
#define SS_PORTS_SLOTS 8192
#define SS_PORTS_USED  (SS_PORTS_SLOTS / 4 * 3)

enum ss_port_reason { SS_PORT_HARMFUL, SS_PORT_ADS_NO_OPTOUT, SS_PORT_OPTOUTS, SS_PORT_REASONS };

struct ss_port_count {
    uint64_t messages, harmful, ads, ads_no_optout, optouts;
    uint32_t tag; /* low 32 bits of the port's hash */
    uint8_t used;
    uint8_t warned; /* bit r: reason r has warned */
    char port[SS_TP_ADDR_MAX];
};

struct ss_ports {
    uint64_t untracked; /* port messages and requests not counted under their port */
    unsigned n;         /* ports in the table */
    struct ss_port_count slot[SS_PORTS_SLOTS];
};

/* Port prefixes: a number is a port when it starts with one of them
 * (ss_numbers_prefix_of). Adds prefix (1 to SS_PORT_PREFIX_MAX digits);
 * 0, or -1 with why in err. */
int ss_port_prefixes_add(struct ss_numbers *pp, const char *prefix, char *err, size_t cap);
/* SS_PORT_PREFIX_DEFAULT when none was added. */
void ss_port_prefixes_default(struct ss_numbers *pp);

/* The port's entry, added when new; NULL when the table is full (the
 * caller counts the message in untracked). */
struct ss_port_count *ss_ports_get(struct ss_ports *t, const char *port);
/* The port's entry, or NULL. */
const struct ss_port_count *ss_ports_find(const struct ss_ports *t, const char *port);
/* Reasons whose count in e has reached threshold (> 0) and not warned
 * yet, marked as warned now; a bit per enum ss_port_reason. */
unsigned ss_ports_due(struct ss_port_count *e, uint64_t threshold);
void ss_ports_merge(struct ss_ports *into, const struct ss_ports *from);
/* The ports with the most harmful messages (then ads without opt-out,
 * opt-out requests, messages; ties by port), up to top of them, each
 * marked with the reasons its merged counts reach threshold (0: none). */
void ss_ports_print(FILE *f, const struct ss_ports *t, const struct ss_numbers *pp, unsigned top,
                    uint64_t threshold);
const char *ss_port_reason_name(enum ss_port_reason r);

#endif
