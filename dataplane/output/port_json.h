/* A port warning (core/ports.h) as one JSON line, written among the
 * verdict events when a commercial port reaches --port-warn:
 *
 *   {"ts":…,"warning":"port","reason":"ads_no_optout","port":"1069…",
 *    "threshold":10,"messages":…,"harmful":…,"ads":…,"ads_no_optout":…,
 *    "optouts":…,"worker":0}
 *
 * The counts are the worker's own at the message that reached it. */
#ifndef SS_PORT_JSON_H
#define SS_PORT_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/core/ports.h"

/* Writes the line ending in '\n' into buf; its length, or 0 when it does
 * not fit in cap. */
size_t ss_port_warning_json(char *buf, size_t cap, uint64_t ts_ns, const struct ss_port_count *e,
                            enum ss_port_reason reason, uint64_t threshold, unsigned worker);

#endif
