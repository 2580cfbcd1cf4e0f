/* TCAP transaction table (Q.774 transaction sub-layer; TS 29.002 §15.4.1
 * for why the context must outlive the TC-BEGIN).
 *
 * A set-associative table: the key (transaction id, sending party hash)
 * hashes to one set of TXN_WAYS entries in one cache line, and all a
 * dialogue half needs (key, context, time last seen, its peer's id) lies
 * in that line: three 20-byte entries. The used ways of a set are kept
 * first and in order of last use, most recent first, so a lookup stops at
 * the first free way and the least recently seen entry is the last.
 * When a new dialogue finds its set full, that entry is evicted and the
 * call returns SS_TABLE_FULL with *ctx still filled: the eviction is the
 * loss the caller counts.
 *
 * Time is kept in ticks of 2^24 ns (about 17 ms), 32 bits counted from
 * about a year before the first message, so that an entry fits 20 bytes;
 * expiry moves that origin forward, and the stamps with it, before the
 * ticks run out (every eight months or so of capture time).
 * An entry is due when it has been idle for more than the timeout: a due
 * entry is never found by a lookup, and is freed by whichever comes first
 * of a lookup, its set being full, or ss_tcap_txn_expire. Expiry sweeps
 * the sets that hold an entry, found 64 at a time in a bitmap, and only
 * once the earliest entry has been due for a quarter of the timeout, so
 * that an entry is looked at by a sweep once or twice in its life, not at
 * every call.
 *
 * A dialogue has two halves once the responder has answered: the
 * initiator's (its otid, its party) from the TC-BEGIN and the
 * responder's (its otid, its party) from its first TC-CONTINUE, since
 * either side may send the next message or the TC-END. Each half keeps
 * the other's id, so that the TC-END or TC-ABORT that closes one half
 * (found under its dtid and called party) closes the other too, found
 * under that id and the closing message's calling party: a half left
 * behind would hold its slot for the whole timeout, and at a few hundred
 * thousand messages a second such halves fill the table and evict live
 * dialogues (measured: 192 136 evictions in 6 s of replay before). */
#include "dataplane/reasm/tcap_txn.h"

#include "dataplane/decode/map.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define TXN_WAYS 3
/* A set is one cache line: a dialogue costs one miss, not two. */
#define TXN_SET_ALIGN  64
#define TXN_HUGE_PAGE  (2u << 20)
#define TXN_TICK_SHIFT 24
/* Ticks start this far before the first message: capture time may step
 * back. Past TXN_TICK_REBASE ticks, expiry moves the origin to put now
 * at TXN_TICK_BACK again. */
#define TXN_TICK_BACK   (1ull << 31)
#define TXN_TICK_REBASE (3ull << 30)

struct txn_entry {
    uint32_t party; /* the 64-bit party hash folded */
    uint32_t tid;
    uint32_t seen; /* tick last seen */
    uint32_t peer; /* the other half's tid, when has_peer */
    struct ss_tcap_ctx ctx;
    bool used;
    bool has_peer;
};

struct txn_line {
    struct txn_entry way[TXN_WAYS];
} __attribute__((aligned(TXN_SET_ALIGN)));

_Static_assert(sizeof(struct txn_line) == TXN_SET_ALIGN, "one set per cache line");

struct ss_tcap_txn {
    uint32_t sets;
    uint32_t in_use;
    uint32_t due_ticks;  /* idle ticks after which an entry is surely past the timeout */
    uint32_t slack;      /* ticks a sweep waits after the earliest due time */
    uint32_t expired;    /* freed as due outside a sweep, not yet reported */
    uint64_t next_sweep; /* earliest tick an entry falls due, plus slack */
    bool started;        /* base set by the first message */
    uint64_t base;       /* the absolute tick that is tick 0 */
    struct txn_line *line; /* sets */
    uint64_t *held;      /* bit s set when set s holds an entry */
};

/* The sets, zeroed. A table of a huge page or more is placed on
 * transparent huge pages where the kernel offers them: a new dialogue
 * lands in a random set, so with 4 KiB pages a table larger than the
 * TLB's reach missed the TLB at nearly every lookup too (4M slots: +18%
 * decode, bench/README). Allocation happens once, here. */
static struct txn_line *txn_lines_new(uint32_t sets)
{
    size_t bytes = (size_t)sets * sizeof(struct txn_line);
    size_t align = bytes >= TXN_HUGE_PAGE ? TXN_HUGE_PAGE : TXN_SET_ALIGN;

    bytes = (bytes + align - 1) & ~(align - 1);
    struct txn_line *line = aligned_alloc(align, bytes);
    if (!line)
        return NULL;
#ifdef MADV_HUGEPAGE
    if (align == TXN_HUGE_PAGE)
        (void)madvise(line, bytes, MADV_HUGEPAGE); /* a hint: 4 KiB pages still work */
#endif
    memset(line, 0, bytes);
    return line;
}

struct ss_tcap_txn *ss_tcap_txn_new(uint32_t slots, uint64_t timeout_ns)
{
    struct ss_tcap_txn *t = calloc(1, sizeof(*t));

    /* Slot indices are 32-bit: refuse sizes whose rounding up would wrap. */
    if (!t || slots > (1u << 30)) {
        free(t);
        return NULL;
    }
    t->sets = slots ? (slots + TXN_WAYS - 1) / TXN_WAYS : 1;
    /* A stamp is rounded down and now is rounded down: one tick more
     * than the timeout rounded up is never early, at most two ticks late. */
    uint64_t due = (timeout_ns >> TXN_TICK_SHIFT) + 2;
    t->due_ticks = due > UINT32_MAX ? UINT32_MAX : (uint32_t)due;
    t->slack = t->due_ticks / 4;
    t->next_sweep = UINT64_MAX;
    t->line = txn_lines_new(t->sets);
    t->held = calloc((t->sets + 63) / 64, sizeof(*t->held));
    if (!t->line || !t->held) {
        ss_tcap_txn_free(t);
        return NULL;
    }
    return t;
}

void ss_tcap_txn_free(struct ss_tcap_txn *t)
{
    if (!t)
        return;
    free(t->held);
    free(t->line);
    free(t);
}

/* ts_ns as a table tick, saturated at both ends of the 32-bit range. */
static uint32_t txn_tick(struct ss_tcap_txn *t, uint64_t ts_ns)
{
    uint64_t abs = ts_ns >> TXN_TICK_SHIFT;

    if (!t->started) {
        t->base = abs > TXN_TICK_BACK ? abs - TXN_TICK_BACK : 0;
        t->started = true;
    }
    if (abs <= t->base)
        return 0;
    return abs - t->base > UINT32_MAX ? UINT32_MAX : (uint32_t)(abs - t->base);
}

static bool txn_due(const struct ss_tcap_txn *t, const struct txn_entry *e, uint32_t now)
{
    return now > e->seen && now - e->seen >= t->due_ticks;
}

static uint32_t txn_fold(uint64_t party)
{
    return (uint32_t)(party ^ (party >> 32));
}

/* splitmix64 finaliser: the party hash and the id are mixed so that ids
 * allocated in sequence by one node spread over the sets. */
static struct txn_entry *txn_set(const struct ss_tcap_txn *t, uint32_t tid, uint64_t party)
{
    uint64_t h = party ^ ((uint64_t)tid * 0x9e3779b97f4a7c15ULL);

    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    /* The high half scaled to [0, sets): a multiply instead of a divide. */
    return t->line[(h >> 32) * t->sets >> 32].way;
}

static uint32_t txn_set_index(const struct ss_tcap_txn *t, const struct txn_entry *set)
{
    return (uint32_t)((size_t)((const char *)set - (const char *)t->line) / sizeof(*t->line));
}

/* Frees way i of set, keeping the used ways first and in their order. */
static void txn_forget(struct ss_tcap_txn *t, struct txn_entry *set, unsigned i)
{
    for (; i + 1 < TXN_WAYS && set[i + 1].used; i++)
        set[i] = set[i + 1];
    set[i].used = false;
    t->in_use--;
    if (!set[0].used) {
        uint32_t s = txn_set_index(t, set);
        t->held[s / 64] &= ~(1ull << (s % 64));
    }
}

/* Moves way i to the front of set (most recently seen), stamps it with
 * now and returns it. */
static struct txn_entry *txn_touch(struct ss_tcap_txn *t, struct txn_entry *set, unsigned i,
                                   uint32_t now)
{
    struct txn_entry e = set[i];
    uint64_t sweep = (uint64_t)now + t->due_ticks + t->slack;

    for (; i > 0; i--)
        set[i] = set[i - 1];
    e.seen = now;
    set[0] = e;
    if (sweep < t->next_sweep)
        t->next_sweep = sweep;
    return &set[0];
}

/* The way of (tid, party) in set, TXN_WAYS when absent. A due entry met
 * on the way is freed: no message may see a dialogue past its timeout. */
static unsigned txn_find(struct ss_tcap_txn *t, struct txn_entry *set, uint32_t tid, uint32_t party,
                         uint32_t now)
{
    unsigned i = 0;

    while (i < TXN_WAYS && set[i].used) {
        if (set[i].tid == tid && set[i].party == party) {
            if (!txn_due(t, &set[i], now))
                return i;
            txn_forget(t, set, i);
            t->expired++;
            return TXN_WAYS;
        }
        i++;
    }
    return TXN_WAYS;
}

/* Stores ctx under (tid, party), replacing the context of an entry of
 * the same key, and returns the entry; *rc is SS_TABLE_FULL when another
 * dialogue had to be evicted for it, else SS_OK. */
static struct txn_entry *txn_store(struct ss_tcap_txn *t, uint32_t tid, uint64_t party,
                                   uint32_t now, const struct ss_tcap_ctx *ctx,
                                   enum ss_result *rc)
{
    struct txn_entry *set = txn_set(t, tid, party);
    uint32_t fp = txn_fold(party);
    unsigned i = txn_find(t, set, tid, fp, now);

    *rc = SS_OK;
    if (i == TXN_WAYS) {
        struct txn_entry *last = &set[TXN_WAYS - 1];
        if (last->used) {
            /* The least recently seen: expired if due, else a loss. */
            if (txn_due(t, last, now))
                t->expired++;
            else
                *rc = SS_TABLE_FULL;
            txn_forget(t, set, TXN_WAYS - 1);
        }
        for (i = 0; set[i].used; i++)
            ;
        if (i == 0) {
            uint32_t s = txn_set_index(t, set);
            t->held[s / 64] |= 1ull << (s % 64);
        }
        set[i].used = true;
        set[i].tid = tid;
        set[i].party = fp;
        set[i].has_peer = false;
        t->in_use++;
    }
    struct txn_entry *e = txn_touch(t, set, i, now);
    e->ctx = *ctx;
    return e;
}

/* The entry of (tid, party), touched, or NULL. */
static struct txn_entry *txn_lookup(struct ss_tcap_txn *t, uint32_t tid, uint64_t party,
                                    uint32_t now)
{
    struct txn_entry *set = txn_set(t, tid, party);
    unsigned i = txn_find(t, set, tid, txn_fold(party), now);

    return i == TXN_WAYS ? NULL : txn_touch(t, set, i, now);
}

static enum ss_result txn_known(const struct ss_tcap_ctx *ctx)
{
    return ctx->map_version ? SS_OK : SS_NO_CONTEXT;
}

/* Whether a dialogue that names this context can carry a short message
 * in a later message: the short message relay contexts (TS 29.002 §17.3.3:
 * shortMsgRelayContext v1-v2 and shortMsgMO-RelayContext v3 share one
 * name, shortMsgMT-RelayContext v3) and MAP v1, which names none. On a
 * core-network link most dialogues are location updates, authentication,
 * routing enquiries; keeping them would spend the table's slots, and its
 * cache lines, on dialogues that never carry one. */
static bool txn_may_carry_sm(const struct ss_tcap *m)
{
    return !m->has_acn || m->map_ac == SS_MAP_AC_SM_RELAY || m->map_ac == SS_MAP_AC_SM_MT_RELAY;
}

/* TS 29.002 §15.4.1: a TC-BEGIN without a dialogue portion is MAP v1. */
static enum ss_result txn_begin(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                uint32_t now, struct ss_tcap_ctx *ctx)
{
    enum ss_result rc;

    if (!m->has_acn)
        ctx->map_version = 1;
    if (!txn_may_carry_sm(m))
        return txn_known(ctx);
    txn_store(t, m->otid, calling, now, ctx, &rc);
    return rc == SS_OK ? txn_known(ctx) : rc;
}

/* The responder's first CONTINUE: its half is learnt under its own
 * (otid, calling), and it and the initiator's half, when known, name
 * each other. The initiator's entry is marked before the store, which may
 * move it within its set. */
static enum ss_result txn_answer(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                 struct txn_entry *initiator, uint32_t now,
                                 const struct ss_tcap_ctx *ctx)
{
    enum ss_result rc;

    if (initiator) {
        initiator->peer = m->otid;
        initiator->has_peer = true;
    }
    struct txn_entry *e = txn_store(t, m->otid, calling, now, ctx, &rc);
    if (initiator) {
        e->peer = m->dtid;
        e->has_peer = true;
    }
    return rc == SS_OK ? txn_known(ctx) : rc;
}

/* A CONTINUE from the initiator is found under its own (otid, calling);
 * the responder's first CONTINUE only under (dtid, called), and is then
 * learnt under its own (otid, calling) for the messages that follow. A
 * CONTINUE with an AARE names its context itself; it is learnt the same
 * way. */
static enum ss_result txn_continue(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                   uint64_t called, uint32_t now, struct ss_tcap_ctx *ctx)
{
    struct txn_entry *e;

    if (!txn_may_carry_sm(m))
        return txn_known(ctx);
    if (m->has_acn)
        return txn_answer(t, m, calling, txn_lookup(t, m->dtid, called, now), now, ctx);
    if ((e = txn_lookup(t, m->otid, calling, now)) != NULL) {
        *ctx = e->ctx;
        return txn_known(ctx);
    }
    if ((e = txn_lookup(t, m->dtid, called, now)) == NULL)
        return SS_NO_CONTEXT;
    *ctx = e->ctx;
    return txn_answer(t, m, calling, e, now, ctx);
}

/* Forgets the other half of a closed dialogue: (tid, party), if it names
 * the closed half back. */
static void txn_forget_peer(struct ss_tcap_txn *t, uint32_t tid, uint64_t party, uint32_t closed,
                            uint32_t now)
{
    struct txn_entry *set = txn_set(t, tid, party);
    unsigned i = txn_find(t, set, tid, txn_fold(party), now);

    if (i < TXN_WAYS && set[i].has_peer && set[i].peer == closed)
        txn_forget(t, set, i);
}

/* END and ABORT close the dialogue: the half they are addressed to is
 * found under (dtid, called) and forgotten, and the sender's own half
 * under (its peer id, calling). An END carrying an AARE keeps the ACN it
 * names. */
static enum ss_result txn_close(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                uint64_t called, uint32_t now, struct ss_tcap_ctx *ctx)
{
    struct txn_entry *set = txn_set(t, m->dtid, called);
    unsigned i = txn_find(t, set, m->dtid, txn_fold(called), now);

    if (i == TXN_WAYS)
        return txn_known(ctx);
    if (!m->has_acn)
        *ctx = set[i].ctx;
    bool paired = set[i].has_peer;
    uint32_t peer = set[i].peer;
    txn_forget(t, set, i);
    if (paired)
        txn_forget_peer(t, peer, calling, m->dtid, now);
    return txn_known(ctx);
}

/* The sets of the keys txn_begin, txn_continue and txn_close look up
 * first; a paired half closed with its peer is found only once its peer
 * id is read, so its set is not among them, and a BEGIN or CONTINUE of a
 * dialogue that cannot carry a short message reads none. Fetched for
 * writing: most of these calls store. */
void ss_tcap_txn_prefetch(const struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                          uint64_t called)
{
    bool opens = m->type == SS_TCAP_BEGIN || m->type == SS_TCAP_CONTINUE;

    if (opens && !txn_may_carry_sm(m))
        return;
    if (opens)
        __builtin_prefetch(txn_set(t, m->otid, calling), 1);
    if (m->type == SS_TCAP_CONTINUE || m->type == SS_TCAP_END || m->type == SS_TCAP_ABORT)
        __builtin_prefetch(txn_set(t, m->dtid, called), 1);
}

enum ss_result ss_tcap_txn_track(struct ss_tcap_txn *t, const struct ss_tcap *m, uint64_t calling,
                                 uint64_t called, uint64_t ts_ns, struct ss_tcap_ctx *ctx)
{
    uint32_t now = txn_tick(t, ts_ns);
    enum ss_result rc;

    ctx->map_ac = m->map_ac;
    ctx->map_version = m->map_version;
    switch (m->type) {
    case SS_TCAP_BEGIN:
        rc = txn_begin(t, m, calling, now, ctx);
        break;
    case SS_TCAP_CONTINUE:
        rc = txn_continue(t, m, calling, called, now, ctx);
        break;
    case SS_TCAP_END:
    case SS_TCAP_ABORT:
        rc = txn_close(t, m, calling, called, now, ctx);
        break;
    default:
        rc = txn_known(ctx);
        break;
    }
    if (rc == SS_NO_CONTEXT)
        memset(ctx, 0, sizeof(*ctx));
    return rc;
}

/* Frees the due entries of one set; *first is lowered to the earliest
 * time one of those kept falls due. */
static uint32_t txn_sweep_set(struct ss_tcap_txn *t, struct txn_entry *set, uint32_t now,
                              uint64_t *first)
{
    uint32_t n = 0;
    unsigned i = 0;

    while (i < TXN_WAYS && set[i].used) {
        if (txn_due(t, &set[i], now)) {
            txn_forget(t, set, i);
            n++;
        } else {
            uint64_t due = (uint64_t)set[i].seen + t->due_ticks;
            if (due < *first)
                *first = due;
            i++;
        }
    }
    return n;
}

/* Moves tick 0 forward so that now_ns is tick TXN_TICK_BACK again; stamps
 * older than the new origin become 0 (long due either way). */
static void txn_rebase(struct ss_tcap_txn *t, uint64_t now_ns)
{
    uint64_t delta = (now_ns >> TXN_TICK_SHIFT) - TXN_TICK_BACK - t->base;

    for (uint32_t s = 0; s < t->sets; s++) {
        for (unsigned i = 0; i < TXN_WAYS; i++) {
            struct txn_entry *e = &t->line[s].way[i];
            e->seen = e->seen > delta ? (uint32_t)(e->seen - delta) : 0;
        }
    }
    if (t->next_sweep != UINT64_MAX)
        t->next_sweep = t->next_sweep > delta ? t->next_sweep - delta : 0;
    t->base += delta;
}

/* Frees every due entry once the sweep is due: the sets that hold one,
 * from the bitmap. */
uint32_t ss_tcap_txn_expire(struct ss_tcap_txn *t, uint64_t now_ns)
{
    uint32_t n = t->expired;

    t->expired = 0;
    if (!t->in_use)
        return n;
    if ((now_ns >> TXN_TICK_SHIFT) - t->base > TXN_TICK_REBASE)
        txn_rebase(t, now_ns);
    uint32_t now = txn_tick(t, now_ns);
    uint64_t first = UINT64_MAX;
    if (now < t->next_sweep)
        return n;
    for (uint32_t w = 0; w < (t->sets + 63) / 64; w++) {
        uint64_t bits = t->held[w];
        while (bits) {
            uint32_t s = w * 64 + (uint32_t)__builtin_ctzll(bits);
            bits &= bits - 1;
            n += txn_sweep_set(t, t->line[s].way, now, &first);
        }
    }
    t->next_sweep = first == UINT64_MAX ? UINT64_MAX : first + t->slack;
    return n;
}

uint32_t ss_tcap_txn_in_use(const struct ss_tcap_txn *t)
{
    return t->in_use;
}
