/* Sender blocklist and allowlist: one bounded table keyed by the sender
 * (SM-RP-OA MSISDN for MO, TP-OA digits or alphanumeric text for MT, as
 * struct ss_sm carries it), each entry on one of the two lists.
 *
 * Workers only look up. A change is made on a copy by the control
 * thread, which publishes the copy and frees the old table once every
 * worker has passed a quiescent point (dataplane/dpdk/live.h), so the
 * table needs no lock. Linear probing at most half full; removal shifts
 * the following entries back (no tombstones, so lookups stay short). */
#ifndef SS_CTL_SENDERS_H
#define SS_CTL_SENDERS_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/ctl/proto.h"
#include "dataplane/decode/result.h"

#define SS_SENDERS_SLOTS 8192 /* power of two */
#define SS_SENDERS_MAX   (SS_SENDERS_SLOTS / 2)

struct ss_senders_entry {
    uint8_t used;
    uint8_t list; /* enum ss_sender_list */
    uint8_t len;
    char sender[SS_CTL_SENDER_MAX + 1]; /* NUL-terminated */
};

struct ss_senders {
    uint32_t n[SS_LIST_COUNT];
    struct ss_senders_entry slot[SS_SENDERS_SLOTS];
};

/* Empty, or a copy of src when src is not NULL; NULL when out of memory. */
struct ss_senders *ss_senders_clone(const struct ss_senders *src);
void ss_senders_free(struct ss_senders *t);

/* Puts sender on list (moving it from the other list if there). SS_OK,
 * SS_DUPLICATE (already on that list), SS_TABLE_FULL, SS_OVERSIZE, or
 * SS_BAD_LENGTH for an empty sender. */
enum ss_result ss_senders_add(struct ss_senders *t, enum ss_sender_list list, const char *sender,
                              size_t len);
/* SS_OK, or SS_NO_CONTEXT when sender is not on list. */
enum ss_result ss_senders_remove(struct ss_senders *t, enum ss_sender_list list, const char *sender,
                                 size_t len);
/* The list sender is on, or -1 (also for t NULL). No allocation. */
int ss_senders_find(const struct ss_senders *t, const char *sender, size_t len);

#endif
