/* TCAP transaction table: remembers the MAP application context of each
 * dialogue that may carry a short message, so that components arriving in
 * a TC-CONTINUE after a dialogue-only TC-BEGIN (MAP v3 segmentation,
 * TS 29.002 §15.4.1) are still attributed to it. Keyed by (transaction
 * id, hash of the sending SCCP party); bounded, expiry by capture time,
 * one cache line per dialogue half, the two halves of a dialogue closed
 * together. */
#ifndef SS_TCAP_TXN_H
#define SS_TCAP_TXN_H

#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/decode/tcap.h"

struct ss_tcap_txn;

struct ss_tcap_ctx {
    uint8_t map_ac;      /* 0 when unknown */
    uint8_t map_version; /* 1, 2, 3; 0 when unknown */
};

struct ss_tcap_txn *ss_tcap_txn_new(uint32_t slots, uint64_t timeout_ns);
void ss_tcap_txn_free(struct ss_tcap_txn *t);

/* Updates the table with message m and returns its dialogue's context.
 * calling/called: hashes of the SCCP calling and called parties of m;
 * called is not read for BEGIN.
 * Only dialogues that may carry a short message are kept: those naming a
 * short message relay context (SS_MAP_AC_SM_RELAY, SS_MAP_AC_SM_MT_RELAY)
 * and MAP v1 ones, which name none; a BEGIN or CONTINUE naming another
 * context gets that context back and stores nothing.
 * Rules: a BEGIN with an ACN stores it under (otid, calling); a BEGIN
 * without a dialogue portion is MAP v1. A CONTINUE with an ACN stores it
 * under (otid, calling); without, it looks up (otid, calling) then
 * (dtid, called) and, found so, stores it under (otid, calling): the
 * responder's half, linked to the initiator's. END and ABORT look up
 * (dtid, called) and forget the dialogue, both halves. SS_NO_CONTEXT when
 * nothing is known (ctx zeroed). */
enum ss_result ss_tcap_txn_track(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                 uint64_t called, uint64_t ts_ns, struct ss_tcap_ctx *ctx);
/* Starts fetching the sets ss_tcap_txn_track will first read for m, so
 * that a caller with other work to do meanwhile does not wait for them. */
void ss_tcap_txn_prefetch(const struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                          uint64_t called);
/* Frees the dialogues idle for more than the timeout at now_ns and returns
 * how many were freed since the last call (lookups and full sets free due
 * entries too). Time is kept in ticks of about 17 ms: a dialogue is never
 * found after its timeout plus two ticks, and is freed here in batches at
 * most a quarter of the timeout later. */
uint32_t ss_tcap_txn_expire(struct ss_tcap_txn *t, uint64_t now_ns);
uint32_t ss_tcap_txn_in_use(const struct ss_tcap_txn *t);

#endif
