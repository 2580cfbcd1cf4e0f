/* Concatenated short-message reassembly (TS 23.040 §9.2.3.24.1/.8): parts
 * keyed by (direction, sender, recipient or IMSI, reference, total), in
 * any order; duplicates dropped; missing parts expire by capture time.
 * Fixed slot count, allocated once. */
#ifndef SS_CONCAT_H
#define SS_CONCAT_H

#include <stdint.h>

#include "dataplane/core/sm.h"
#include "dataplane/decode/result.h"

struct ss_concat;

struct ss_concat *ss_concat_new(uint32_t slots, uint64_t timeout_ns);
void ss_concat_free(struct ss_concat *c);

/* part: a record holding one part's fields and text (parts == 1).
 * Returns SS_HELD, SS_DUPLICATE, SS_BAD_VALUE (seq 0 or > total),
 * SS_OVERSIZE (total > SS_CONCAT_PARTS_MAX), SS_TABLE_FULL, or SS_OK with
 * the whole message in *out: texts joined in sequence order, parts = total,
 * ts_ns and link fields from the completing part, frames merged. */
enum ss_result ss_concat_add(struct ss_concat *c, const struct ss_sm *part, uint16_t ref,
                             uint8_t total, uint8_t seq, struct ss_sm *out);
uint32_t ss_concat_expire(struct ss_concat *c, uint64_t now_ns);
uint32_t ss_concat_in_use(const struct ss_concat *c);

#endif
