/* TCAP transaction table: messages are given as the decoder's output
 * structs, built by hand. Party A (hash 0xA) initiates with tid 0x100,
 * party B (hash 0xB) answers with tid 0x200. */
#include <CUnit/Basic.h>
#include <string.h>

#include "dataplane/reasm/tcap_txn.h"
#include "tests/unit/runner.h"

#define SEC     1000000000ull
#define TIMEOUT (30 * SEC)
#define PARTY_A 0xaull
#define PARTY_B 0xbull
#define TID_A   0x100u
#define TID_B   0x200u
/* Times are kept in ticks of 2^24 ns: a lookup stops finding a dialogue
 * at most two ticks (34 ms) after its timeout, never before. Expiry frees
 * entries in batches, up to a quarter of the timeout after that. */
#define LATE       (50 * SEC / 1000)
#define SWEEP_LATE (8 * SEC)

static struct ss_tcap_ctx ctx;

/* A message of the given type; ac/v give an ACN {0 4 0 0 1 0 ac v}. */
static struct ss_tcap msg(uint8_t type, uint32_t otid, uint32_t dtid, uint8_t ac, uint8_t v)
{
    struct ss_tcap m;
    memset(&m, 0, sizeof m);
    m.type = type;
    m.has_otid = type == SS_TCAP_BEGIN || type == SS_TCAP_CONTINUE;
    m.has_dtid = type != SS_TCAP_BEGIN;
    m.otid = m.has_otid ? otid : 0;
    m.dtid = m.has_dtid ? dtid : 0;
    if (v) {
        static const uint8_t prefix[] = {0x04, 0x00, 0x00, 0x01, 0x00};
        m.has_acn = true;
        memcpy(m.acn, prefix, sizeof prefix);
        m.acn[5] = ac;
        m.acn[6] = v;
        m.acn_len = 7;
        m.map_ac = ac;
        m.map_version = v;
    }
    return m;
}

/* TS 29.002 §15.4.1: an empty TC-BEGIN carries the dialogue; the invoke
 * follows in the initiator's TC-CONTINUE, which has no dialogue portion. */
static void test_tcap_txn_continue_after_dialogue_only_begin_gets_version(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 21, 3);
    struct ss_tcap aare = msg(SS_TCAP_CONTINUE, TID_B, TID_A, 0, 0);
    struct ss_tcap invoke = msg(SS_TCAP_CONTINUE, TID_A, TID_B, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_ac, 21);
    CU_ASSERT_EQUAL(ctx.map_version, 3);
    /* B answers without a dialogue portion: found under (dtid, called). */
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &aare, PARTY_B, PARTY_A, 2, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_version, 3);
    /* A's Continue with the invoke: found under (otid, calling). */
    memset(&ctx, 0, sizeof ctx);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &invoke, PARTY_A, PARTY_B, 3, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_ac, 21);
    CU_ASSERT_EQUAL(ctx.map_version, 3);
    ss_tcap_txn_free(t);
}

static void test_tcap_txn_begin_without_dialogue_is_v1(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 0, 0);
    struct ss_tcap cont = msg(SS_TCAP_CONTINUE, TID_B, TID_A, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_version, 1);
    CU_ASSERT_EQUAL(ctx.map_ac, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &cont, PARTY_B, PARTY_A, 2, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_version, 1);
    ss_tcap_txn_free(t);
}

static void test_tcap_txn_end_returns_context_and_forgets(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 25, 3);
    struct ss_tcap end = msg(SS_TCAP_END, 0, TID_A, 0, 0);
    struct ss_tcap late = msg(SS_TCAP_CONTINUE, TID_A, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &end, PARTY_B, PARTY_A, 2, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_ac, 25);
    CU_ASSERT_EQUAL(ctx.map_version, 3);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &late, PARTY_A, PARTY_B, 3, &ctx), SS_NO_CONTEXT);
    CU_ASSERT_EQUAL(ctx.map_version, 0);
    ss_tcap_txn_free(t);
}

static void test_tcap_txn_abort_forgets(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 21, 2);
    struct ss_tcap abort = msg(SS_TCAP_ABORT, 0, TID_A, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &abort, PARTY_B, PARTY_A, 2, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    ss_tcap_txn_free(t);
}

static void test_tcap_txn_unknown_dialogue_no_context(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap cont = msg(SS_TCAP_CONTINUE, TID_A, TID_B, 0, 0);
    struct ss_tcap end = msg(SS_TCAP_END, 0, TID_A, 0, 0);
    struct ss_tcap end_aare = msg(SS_TCAP_END, 0, TID_A, 20, 2);
    ctx.map_version = 9;
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &cont, PARTY_A, PARTY_B, 1, &ctx), SS_NO_CONTEXT);
    CU_ASSERT_EQUAL(ctx.map_version, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &end, PARTY_B, PARTY_A, 1, &ctx), SS_NO_CONTEXT);
    /* An END with its own AARE names its context without any state. */
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &end_aare, PARTY_B, PARTY_A, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_version, 2);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    ss_tcap_txn_free(t);
}

/* The same tid from another party is another dialogue. */
static void test_tcap_txn_party_is_part_of_key(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 21, 3);
    struct ss_tcap cont = msg(SS_TCAP_CONTINUE, TID_A, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &cont, 0xc, 0xd, 2, &ctx), SS_NO_CONTEXT);
    ss_tcap_txn_free(t);
}

static void test_tcap_txn_expiry_by_capture_time(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 21, 3);
    struct ss_tcap cont = msg(SS_TCAP_CONTINUE, TID_A, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, 10 * SEC, &ctx), SS_OK);
    /* A message refreshes the entry: idle time runs from 20 s. */
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &cont, PARTY_A, PARTY_B, 20 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 45 * SEC), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 50 * SEC), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 50 * SEC + SWEEP_LATE), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &cont, PARTY_A, PARTY_B, 59 * SEC, &ctx), SS_NO_CONTEXT);
    ss_tcap_txn_free(t);
}

/* Expiry goes by time last seen, not by insertion: dialogue 1, begun
 * first but touched last, outlives dialogue 2; a message stamped earlier
 * than the newest entry (capture time stepping back) is still due first. */
static void test_tcap_txn_touched_dialogue_outlives_older_untouched(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap b1 = msg(SS_TCAP_BEGIN, 1, 0, 21, 3);
    struct ss_tcap b2 = msg(SS_TCAP_BEGIN, 2, 0, 21, 3);
    struct ss_tcap b3 = msg(SS_TCAP_BEGIN, 3, 0, 21, 3);
    struct ss_tcap c1 = msg(SS_TCAP_CONTINUE, 1, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b1, PARTY_A, PARTY_B, 10 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b2, PARTY_A, PARTY_B, 11 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c1, PARTY_A, PARTY_B, 20 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b3, PARTY_A, PARTY_B, 5 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 35 * SEC + SWEEP_LATE), 2); /* 3 and 2, not 1 */
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c1, PARTY_A, PARTY_B, 42 * SEC, &ctx), SS_OK);
    struct ss_tcap c2 = msg(SS_TCAP_CONTINUE, 2, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c2, PARTY_A, PARTY_B, 42 * SEC, &ctx), SS_NO_CONTEXT);
    ss_tcap_txn_free(t);
}

/* 3 slots form one set: a fourth dialogue evicts the least recently seen. */
static void test_tcap_txn_table_full_evicts_least_recent(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(3, TIMEOUT);
    for (uint32_t tid = 1; tid <= 3; tid++) {
        struct ss_tcap b = msg(SS_TCAP_BEGIN, tid, 0, 21, 3);
        CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b, PARTY_A, PARTY_B, tid, &ctx), SS_OK);
    }
    struct ss_tcap touch1 = msg(SS_TCAP_CONTINUE, 1, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &touch1, PARTY_A, PARTY_B, 5, &ctx), SS_OK);
    struct ss_tcap fourth = msg(SS_TCAP_BEGIN, 5, 0, 21, 2);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &fourth, PARTY_A, PARTY_B, 6, &ctx), SS_TABLE_FULL);
    CU_ASSERT_EQUAL(ctx.map_version, 2); /* the new dialogue is stored */
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 3);
    struct ss_tcap c2 = msg(SS_TCAP_CONTINUE, 2, TID_B, 0, 0);
    struct ss_tcap c1 = msg(SS_TCAP_CONTINUE, 1, TID_B, 0, 0);
    struct ss_tcap c5 = msg(SS_TCAP_CONTINUE, 5, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c2, PARTY_A, PARTY_B, 7, &ctx), SS_NO_CONTEXT);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c1, PARTY_A, PARTY_B, 7, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c5, PARTY_A, PARTY_B, 7, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_version, 2);
    ss_tcap_txn_free(t);
}

/* Only dialogues that may carry a short message take a slot: one naming
 * shortMsgGatewayContext (20: routing enquiries) or networkLocUp (1) gets
 * its own context back and is not kept, so it can neither fill the table
 * nor evict a short message relay dialogue; its answer finds nothing. A
 * MAP v1 dialogue (no ACN) and the relay contexts 21 and 25 are kept. */
static void test_tcap_txn_keeps_only_dialogues_that_may_carry_sm(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(3, TIMEOUT);
    struct ss_tcap v3 = msg(SS_TCAP_BEGIN, 1, 0, 21, 3);
    struct ss_tcap mt = msg(SS_TCAP_BEGIN, 2, 0, 25, 3);
    struct ss_tcap v1 = msg(SS_TCAP_BEGIN, 3, 0, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &v3, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &mt, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &v1, PARTY_A, PARTY_B, 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 3);
    for (uint32_t tid = 4; tid <= 9; tid++) {
        struct ss_tcap other = msg(SS_TCAP_BEGIN, tid, 0, tid % 2 ? 20 : 1, 3);
        CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &other, PARTY_A, PARTY_B, 2, &ctx), SS_OK);
        CU_ASSERT_EQUAL(ctx.map_ac, tid % 2 ? 20 : 1);
        CU_ASSERT_EQUAL(ctx.map_version, 3);
        struct ss_tcap aare = msg(SS_TCAP_CONTINUE, TID_B + tid, tid, tid % 2 ? 20 : 1, 3);
        CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &aare, PARTY_B, PARTY_A, 3, &ctx), SS_OK);
        struct ss_tcap next = msg(SS_TCAP_CONTINUE, tid, TID_B + tid, 0, 0);
        CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &next, PARTY_A, PARTY_B, 4, &ctx), SS_NO_CONTEXT);
    }
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 3);
    for (uint32_t tid = 1; tid <= 3; tid++) {
        struct ss_tcap c = msg(SS_TCAP_CONTINUE, tid, TID_B, 0, 0);
        CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c, PARTY_A, PARTY_B, 5, &ctx), SS_OK);
        CU_ASSERT_EQUAL(ctx.map_version, tid == 3 ? 1 : 3);
    }
    ss_tcap_txn_free(t);
}

/* A lookup never finds a dialogue idle past the timeout, even before a
 * sweep has freed it; the freed entry is reported by the next expiry. */
static void test_tcap_txn_due_entry_not_found_before_sweep(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(65536, TIMEOUT);
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 21, 3);
    struct ss_tcap cont = msg(SS_TCAP_CONTINUE, TID_A, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, 10 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &cont, PARTY_A, PARTY_B, 40 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &cont, PARTY_A, PARTY_B, 70 * SEC + LATE, &ctx),
                    SS_NO_CONTEXT);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 71 * SEC), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 72 * SEC), 0);
    ss_tcap_txn_free(t);
}

/* In a large table one expiry frees every idle dialogue, wherever its
 * set, and keeps the one still in time. */
static void test_tcap_txn_expiry_frees_every_due_entry(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(65536, TIMEOUT);
    for (uint32_t tid = 1; tid <= 100; tid++) {
        struct ss_tcap b = msg(SS_TCAP_BEGIN, tid, 0, 21, 3);
        CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b, PARTY_A, PARTY_B, 1 * SEC, &ctx), SS_OK);
    }
    struct ss_tcap fresh = msg(SS_TCAP_BEGIN, 1000, 0, 21, 3);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &fresh, PARTY_A, PARTY_B, 31 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 31 * SEC), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 31 * SEC + SWEEP_LATE), 100);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 1);
    /* End of input: everything still held expires. */
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, UINT64_MAX), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    ss_tcap_txn_free(t);
}

/* A full set whose least recently seen entry is already due frees it as
 * expired: the new dialogue costs no loss. */
static void test_tcap_txn_full_set_reuses_due_entry_without_loss(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(3, TIMEOUT);
    for (uint32_t tid = 1; tid <= 3; tid++) {
        struct ss_tcap b = msg(SS_TCAP_BEGIN, tid, 0, 21, 3);
        CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b, PARTY_A, PARTY_B, tid * SEC, &ctx), SS_OK);
    }
    struct ss_tcap fourth = msg(SS_TCAP_BEGIN, 5, 0, 21, 2);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &fourth, PARTY_A, PARTY_B, 32 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 3);
    /* 1, freed on the way in, is reported by the next expiry; 2 and 3 by
     * the sweep a quarter of the timeout after 2 fell due. */
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 32 * SEC), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 3);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 32 * SEC + SWEEP_LATE), 2);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 1);
    ss_tcap_txn_free(t);
}

/* Ticks are 32 bits: over years of capture time expiry moves their origin,
 * and dialogues still expire by their idle time. */
static void test_tcap_txn_expiry_after_years_of_capture_time(void)
{
    const uint64_t year3 = 3ull * 365 * 86400 * SEC;
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap b1 = msg(SS_TCAP_BEGIN, 1, 0, 21, 3);
    struct ss_tcap b2 = msg(SS_TCAP_BEGIN, 2, 0, 25, 2);
    struct ss_tcap c2 = msg(SS_TCAP_CONTINUE, 2, TID_B, 0, 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b1, PARTY_A, PARTY_B, 1 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, year3), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &b2, PARTY_A, PARTY_B, year3, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, year3 + 29 * SEC), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &c2, PARTY_A, PARTY_B, year3 + 29 * SEC, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_ac, 25);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, year3 + 29 * SEC + 30 * SEC + SWEEP_LATE), 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    ss_tcap_txn_free(t);
}

/* The dialogue of the first test up to B's answer: A begins at ts with
 * ACN {21, 3}, B answers at ts + 1, with an AARE naming the same ACN when
 * aare is set; both halves are then held. */
static void begin_answered(struct ss_tcap_txn *t, bool aare, uint64_t ts)
{
    struct ss_tcap begin = msg(SS_TCAP_BEGIN, TID_A, 0, 21, 3);
    struct ss_tcap answer = msg(SS_TCAP_CONTINUE, TID_B, TID_A, aare ? 21 : 0, aare ? 3 : 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &begin, PARTY_A, PARTY_B, ts, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &answer, PARTY_B, PARTY_A, ts + 1, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 2);
}

/* The dialogue of the first test, ended by the responder: its END is
 * addressed to the initiator's half, and the responder's own half, learnt
 * from its first CONTINUE, goes with it instead of waiting out the
 * timeout. */
static void test_tcap_txn_end_from_responder_forgets_both_halves(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap invoke = msg(SS_TCAP_CONTINUE, TID_A, TID_B, 0, 0);
    struct ss_tcap end = msg(SS_TCAP_END, 0, TID_A, 0, 0);
    struct ss_tcap late = msg(SS_TCAP_CONTINUE, TID_B, TID_A, 0, 0);
    begin_answered(t, false, 1);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &invoke, PARTY_A, PARTY_B, 3, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &end, PARTY_B, PARTY_A, 4, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_version, 3);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &late, PARTY_B, PARTY_A, 5, &ctx), SS_NO_CONTEXT);
    ss_tcap_txn_free(t);
}

/* The initiator may end the dialogue too: its END is addressed to the
 * responder's half, learnt here from a CONTINUE carrying the AARE, and an
 * ABORT from either side closes both halves the same way. */
static void test_tcap_txn_end_from_initiator_forgets_both_halves(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap end = msg(SS_TCAP_END, 0, TID_B, 0, 0);
    struct ss_tcap abort = msg(SS_TCAP_ABORT, 0, TID_A, 0, 0);
    begin_answered(t, true, 1);
    memset(&ctx, 0, sizeof ctx);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &end, PARTY_A, PARTY_B, 3, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ctx.map_ac, 21);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    begin_answered(t, true, 4);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &abort, PARTY_B, PARTY_A, 6, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    ss_tcap_txn_free(t);
}

/* A closing message from a party other than the one that answered (an
 * address rewritten on the way, say) names no half the table knows as
 * the peer: that half is left to expire, and no other entry is touched. */
static void test_tcap_txn_end_from_other_party_leaves_peer_to_expire(void)
{
    struct ss_tcap_txn *t = ss_tcap_txn_new(64, TIMEOUT);
    struct ss_tcap other = msg(SS_TCAP_BEGIN, TID_B, 0, 25, 2);
    struct ss_tcap end = msg(SS_TCAP_END, 0, TID_A, 0, 0);
    begin_answered(t, false, 1);
    /* Party C's own dialogue happens to use the responder's tid. */
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &other, 0xc, PARTY_A, 3, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_track(t, &end, 0xc, PARTY_A, 4, &ctx), SS_OK);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 2);
    CU_ASSERT_EQUAL(ss_tcap_txn_expire(t, 31 * SEC + SWEEP_LATE), 2);
    ss_tcap_txn_free(t);
}

/* A table of huge pages (2 MiB or more: rounded up, zeroed, advised)
 * works as a small one: at a tenth of its size, a set is rarely full (an
 * eviction, counted, for each dialogue that finds one so); every
 * dialogue held is found and forgotten by its TC-END. The prefetch of
 * each message's sets changes nothing. */
static void test_tcap_txn_large_table_holds_every_dialogue(void)
{
    enum { DIALOGUES = 100000 };
    struct ss_tcap_txn *t = ss_tcap_txn_new(1u << 20, TIMEOUT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    unsigned stored = 0, evicted = 0, closed = 0;
    for (uint32_t i = 0; i < DIALOGUES; i++) {
        struct ss_tcap begin = msg(SS_TCAP_BEGIN, 0x10000 + i, 0, 21, 3);
        ss_tcap_txn_prefetch(t, &begin, PARTY_A, 0);
        enum ss_result r = ss_tcap_txn_track(t, &begin, PARTY_A, 0, 1, &ctx);
        stored += r == SS_OK;
        evicted += r == SS_TABLE_FULL;
    }
    CU_ASSERT_EQUAL(stored + evicted, DIALOGUES);
    CU_ASSERT(evicted < DIALOGUES / 1000);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), DIALOGUES - evicted);
    for (uint32_t i = 0; i < DIALOGUES; i++) {
        struct ss_tcap end = msg(SS_TCAP_END, 0, 0x10000 + i, 0, 0);
        ss_tcap_txn_prefetch(t, &end, PARTY_B, PARTY_A);
        closed += ss_tcap_txn_track(t, &end, PARTY_B, PARTY_A, 2, &ctx) == SS_OK &&
                  ctx.map_version == 3;
    }
    CU_ASSERT_EQUAL(closed, DIALOGUES - evicted);
    CU_ASSERT_EQUAL(ss_tcap_txn_in_use(t), 0);
    ss_tcap_txn_free(t);
}

/* Sizes whose rounding up to whole sets would wrap 32 bits are refused. */
static void test_tcap_txn_new_oversized_table_refused(void)
{
    CU_ASSERT_PTR_NULL(ss_tcap_txn_new(UINT32_MAX, TIMEOUT));
    ss_tcap_txn_free(NULL);
}

static const struct ss_test tests[] = {
    SS_TEST(test_tcap_txn_continue_after_dialogue_only_begin_gets_version),
    SS_TEST(test_tcap_txn_begin_without_dialogue_is_v1),
    SS_TEST(test_tcap_txn_end_returns_context_and_forgets),
    SS_TEST(test_tcap_txn_abort_forgets),
    SS_TEST(test_tcap_txn_unknown_dialogue_no_context),
    SS_TEST(test_tcap_txn_party_is_part_of_key),
    SS_TEST(test_tcap_txn_expiry_by_capture_time),
    SS_TEST(test_tcap_txn_table_full_evicts_least_recent),
    SS_TEST(test_tcap_txn_keeps_only_dialogues_that_may_carry_sm),
    SS_TEST(test_tcap_txn_touched_dialogue_outlives_older_untouched),
    SS_TEST(test_tcap_txn_due_entry_not_found_before_sweep),
    SS_TEST(test_tcap_txn_expiry_frees_every_due_entry),
    SS_TEST(test_tcap_txn_full_set_reuses_due_entry_without_loss),
    SS_TEST(test_tcap_txn_expiry_after_years_of_capture_time),
    SS_TEST(test_tcap_txn_end_from_responder_forgets_both_halves),
    SS_TEST(test_tcap_txn_end_from_initiator_forgets_both_halves),
    SS_TEST(test_tcap_txn_end_from_other_party_leaves_peer_to_expire),
    SS_TEST(test_tcap_txn_large_table_holds_every_dialogue),
    SS_TEST(test_tcap_txn_new_oversized_table_refused),
};

int main(void)
{
    return SS_RUN_SUITE("tcap_txn", NULL, NULL, tests) != 0;
}
