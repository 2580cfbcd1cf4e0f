/* TCAP transaction table (Q.774 transaction sub-layer; TS 29.002 §15.4.1
 * for why the context must outlive the TC-BEGIN).
 *
 * A set-associative table: the key (transaction id, sending party hash)
 * hashes to one set of TXN_WAYS entries. An entry's time is refreshed by
 * each message that finds it, so expiry removes idle dialogues. When a
 * new dialogue finds its set full, the least recently seen entry of the
 * set is evicted and the call returns SS_TABLE_FULL with *ctx still
 * filled: the eviction is the loss the caller counts. */
#include "dataplane/reasm/tcap_txn.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define TXN_WAYS 4

struct txn_entry {
    bool used;
    uint32_t tid;
    uint64_t party;
    uint64_t seen_ns;
    struct ss_tcap_ctx ctx;
};

struct ss_tcap_txn {
    uint32_t sets;
    uint32_t in_use;
    uint64_t timeout_ns;
    struct txn_entry *e; /* sets * TXN_WAYS */
};

struct ss_tcap_txn *ss_tcap_txn_new(uint32_t slots, uint64_t timeout_ns)
{
    struct ss_tcap_txn *t = calloc(1, sizeof(*t));

    if (!t)
        return NULL;
    t->sets = slots ? (slots + TXN_WAYS - 1) / TXN_WAYS : 1;
    t->timeout_ns = timeout_ns;
    t->e = calloc((size_t)t->sets * TXN_WAYS, sizeof(*t->e));
    if (!t->e) {
        free(t);
        return NULL;
    }
    return t;
}

void ss_tcap_txn_free(struct ss_tcap_txn *t)
{
    if (!t)
        return;
    free(t->e);
    free(t);
}

/* splitmix64 finaliser: the party hash and the id are mixed so that ids
 * allocated in sequence by one node spread over the sets. */
static struct txn_entry *txn_set(struct ss_tcap_txn *t, uint32_t tid, uint64_t party)
{
    uint64_t h = party ^ ((uint64_t)tid * 0x9e3779b97f4a7c15ULL);

    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return &t->e[(h % t->sets) * TXN_WAYS];
}

static struct txn_entry *txn_find(struct ss_tcap_txn *t, uint32_t tid, uint64_t party)
{
    struct txn_entry *set = txn_set(t, tid, party);

    for (unsigned i = 0; i < TXN_WAYS; i++)
        if (set[i].used && set[i].tid == tid && set[i].party == party)
            return &set[i];
    return NULL;
}

static void txn_forget(struct ss_tcap_txn *t, struct txn_entry *e)
{
    e->used = false;
    t->in_use--;
}

/* Stores ctx under (tid, party), replacing an entry of the same key;
 * SS_TABLE_FULL when another dialogue had to be evicted for it. */
static enum ss_result txn_store(struct ss_tcap_txn *t, uint32_t tid, uint64_t party, uint64_t ts_ns,
                                const struct ss_tcap_ctx *ctx)
{
    struct txn_entry *e = txn_find(t, tid, party);
    enum ss_result rc = SS_OK;

    if (!e) {
        struct txn_entry *set = txn_set(t, tid, party);
        e = &set[0];
        for (unsigned i = 0; i < TXN_WAYS && e->used; i++)
            if (!set[i].used || set[i].seen_ns < e->seen_ns)
                e = &set[i];
        if (e->used) {
            txn_forget(t, e);
            rc = SS_TABLE_FULL;
        }
        e->used = true;
        e->tid = tid;
        e->party = party;
        t->in_use++;
    }
    e->seen_ns = ts_ns;
    e->ctx = *ctx;
    return rc;
}

static bool txn_lookup(struct ss_tcap_txn *t, uint32_t tid, uint64_t party, uint64_t ts_ns,
                       struct ss_tcap_ctx *ctx)
{
    struct txn_entry *e = txn_find(t, tid, party);

    if (!e)
        return false;
    e->seen_ns = ts_ns;
    *ctx = e->ctx;
    return true;
}

static enum ss_result txn_known(const struct ss_tcap_ctx *ctx)
{
    return ctx->map_version ? SS_OK : SS_NO_CONTEXT;
}

/* TS 29.002 §15.4.1: a TC-BEGIN without a dialogue portion is MAP v1. */
static enum ss_result txn_begin(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                uint64_t ts_ns, struct ss_tcap_ctx *ctx)
{
    if (!m->has_acn)
        ctx->map_version = 1;
    enum ss_result rc = txn_store(t, m->otid, calling, ts_ns, ctx);
    return rc == SS_OK ? txn_known(ctx) : rc;
}

/* A CONTINUE from the initiator is found under its own (otid, calling);
 * the responder's first CONTINUE only under (dtid, called), and is then
 * learnt under its own (otid, calling) for the messages that follow. */
static enum ss_result txn_continue(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                   uint64_t called, uint64_t ts_ns, struct ss_tcap_ctx *ctx)
{
    enum ss_result rc;

    if (m->has_acn) {
        rc = txn_store(t, m->otid, calling, ts_ns, ctx);
        return rc == SS_OK ? txn_known(ctx) : rc;
    }
    if (txn_lookup(t, m->otid, calling, ts_ns, ctx))
        return txn_known(ctx);
    if (!txn_lookup(t, m->dtid, called, ts_ns, ctx))
        return SS_NO_CONTEXT;
    rc = txn_store(t, m->otid, calling, ts_ns, ctx);
    return rc == SS_OK ? txn_known(ctx) : rc;
}

/* END and ABORT close the dialogue: its entry is looked up and forgotten.
 * An END carrying an AARE keeps the ACN it names. */
static enum ss_result txn_close(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t called,
                                struct ss_tcap_ctx *ctx)
{
    struct txn_entry *e = txn_find(t, m->dtid, called);

    if (e) {
        if (!m->has_acn)
            *ctx = e->ctx;
        txn_forget(t, e);
    }
    return txn_known(ctx);
}

enum ss_result ss_tcap_txn_track(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                 uint64_t called, uint64_t ts_ns, struct ss_tcap_ctx *ctx)
{
    enum ss_result rc;

    ctx->map_ac = m->map_ac;
    ctx->map_version = m->map_version;
    switch (m->type) {
    case SS_TCAP_BEGIN:
        rc = txn_begin(t, m, calling, ts_ns, ctx);
        break;
    case SS_TCAP_CONTINUE:
        rc = txn_continue(t, m, calling, called, ts_ns, ctx);
        break;
    case SS_TCAP_END:
    case SS_TCAP_ABORT:
        rc = txn_close(t, m, called, ctx);
        break;
    default:
        rc = txn_known(ctx);
        break;
    }
    if (rc == SS_NO_CONTEXT)
        memset(ctx, 0, sizeof(*ctx));
    return rc;
}

uint32_t ss_tcap_txn_expire(struct ss_tcap_txn *t, uint64_t now_ns)
{
    uint32_t n = 0;

    for (size_t i = 0; i < (size_t)t->sets * TXN_WAYS; i++) {
        struct txn_entry *e = &t->e[i];
        if (e->used && now_ns > e->seen_ns && now_ns - e->seen_ns > t->timeout_ns) {
            txn_forget(t, e);
            n++;
        }
    }
    return n;
}

uint32_t ss_tcap_txn_in_use(const struct ss_tcap_txn *t)
{
    return t->in_use;
}
