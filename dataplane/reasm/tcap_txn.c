/* TCAP transaction table (Q.774 transaction sub-layer; TS 29.002 §15.4.1
 * for why the context must outlive the TC-BEGIN).
 *
 * A set-associative table: the key (transaction id, sending party hash)
 * hashes to one set of TXN_WAYS entries. An entry's time is refreshed by
 * each message that finds it, so expiry removes idle dialogues. When a
 * new dialogue finds its set full, the least recently seen entry of the
 * set is evicted and the call returns SS_TABLE_FULL with *ctx still
 * filled: the eviction is the loss the caller counts. Entries are also
 * linked in an age list (age_list.h), so expiry costs what it removes. */
#include "dataplane/reasm/tcap_txn.h"

#include "dataplane/reasm/age_list.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define TXN_WAYS 4
/* A set is one cache line: a lookup costs one miss, not two. */
#define TXN_SET_ALIGN 64

struct txn_entry {
    uint64_t party;
    uint32_t tid;
    struct ss_tcap_ctx ctx;
    bool used;
};

_Static_assert(sizeof(struct txn_entry) * TXN_WAYS == TXN_SET_ALIGN, "one set per cache line");

struct ss_tcap_txn {
    uint32_t sets;
    uint32_t in_use;
    uint64_t timeout_ns;
    struct txn_entry *e;    /* sets * TXN_WAYS */
    struct ss_age_list age; /* by time last seen; node i is e[i] */
};

struct ss_tcap_txn *ss_tcap_txn_new(uint32_t slots, uint64_t timeout_ns)
{
    struct ss_tcap_txn *t = calloc(1, sizeof(*t));

    /* Slot indices are 32-bit: refuse sizes whose rounding up would wrap. */
    if (!t || slots > (1u << 30)) {
        free(t);
        return NULL;
    }
    t->sets = slots ? (slots + TXN_WAYS - 1) / TXN_WAYS : 1;
    t->timeout_ns = timeout_ns;
    size_t bytes = (size_t)t->sets * TXN_WAYS * sizeof(*t->e);
    t->e = aligned_alloc(TXN_SET_ALIGN, bytes);
    if (t->e)
        memset(t->e, 0, bytes);
    if (!t->e || !ss_age_list_init(&t->age, t->sets * TXN_WAYS)) {
        ss_tcap_txn_free(t);
        return NULL;
    }
    return t;
}

void ss_tcap_txn_free(struct ss_tcap_txn *t)
{
    if (!t)
        return;
    ss_age_list_fini(&t->age);
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
    /* The high half scaled to [0, sets): a multiply instead of a divide. */
    return &t->e[((h >> 32) * t->sets >> 32) * TXN_WAYS];
}

static struct txn_entry *txn_find(struct ss_tcap_txn *t, uint32_t tid, uint64_t party)
{
    struct txn_entry *set = txn_set(t, tid, party);

    for (unsigned i = 0; i < TXN_WAYS; i++)
        if (set[i].used && set[i].tid == tid && set[i].party == party)
            return &set[i];
    return NULL;
}

static uint32_t txn_index(const struct ss_tcap_txn *t, const struct txn_entry *e)
{
    return (uint32_t)(e - t->e);
}

static uint64_t txn_seen(const struct ss_tcap_txn *t, const struct txn_entry *e)
{
    return ss_age_list_ts(&t->age, txn_index(t, e));
}

static void txn_forget(struct ss_tcap_txn *t, struct txn_entry *e)
{
    ss_age_list_remove(&t->age, txn_index(t, e));
    e->used = false;
    t->in_use--;
}

/* The way a new dialogue takes: a free one, else the least recently
 * seen. Free ways are looked for first, because each time read to find
 * the oldest is a miss in the age list, which lies apart from the set. */
static struct txn_entry *txn_victim(const struct ss_tcap_txn *t, struct txn_entry *set)
{
    struct txn_entry *e = &set[0];

    for (unsigned i = 0; i < TXN_WAYS; i++)
        if (!set[i].used)
            return &set[i];
    for (unsigned i = 1; i < TXN_WAYS; i++)
        if (txn_seen(t, &set[i]) < txn_seen(t, e))
            e = &set[i];
    return e;
}

/* Stores ctx under (tid, party), replacing an entry of the same key;
 * SS_TABLE_FULL when another dialogue had to be evicted for it. */
static enum ss_result txn_store(struct ss_tcap_txn *t, uint32_t tid, uint64_t party, uint64_t ts_ns,
                                const struct ss_tcap_ctx *ctx)
{
    struct txn_entry *e = txn_find(t, tid, party);
    enum ss_result rc = SS_OK;

    if (!e) {
        e = txn_victim(t, txn_set(t, tid, party));
        if (e->used) {
            txn_forget(t, e);
            rc = SS_TABLE_FULL;
        }
        e->used = true;
        e->tid = tid;
        e->party = party;
        t->in_use++;
        ss_age_list_insert(&t->age, txn_index(t, e), ts_ns);
    } else {
        ss_age_list_touch(&t->age, txn_index(t, e), ts_ns);
    }
    e->ctx = *ctx;
    return rc;
}

static bool txn_lookup(struct ss_tcap_txn *t, uint32_t tid, uint64_t party, uint64_t ts_ns,
                       struct ss_tcap_ctx *ctx)
{
    struct txn_entry *e = txn_find(t, tid, party);

    if (!e)
        return false;
    ss_age_list_touch(&t->age, txn_index(t, e), ts_ns);
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
    uint32_t i;

    while ((i = ss_age_list_due(&t->age, now_ns, t->timeout_ns)) != SS_AGE_NIL) {
        txn_forget(t, &t->e[i]);
        n++;
    }
    return n;
}

uint32_t ss_tcap_txn_in_use(const struct ss_tcap_txn *t)
{
    return t->in_use;
}
