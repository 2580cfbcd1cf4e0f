/* The whole decode pipeline, fed complete Ethernet frames built by hand in
 * this file from the specifications: Ethernet II, IPv4 (RFC 791), SCTP
 * (RFC 4960), M3UA (RFC 4666) or M2PA (RFC 4165) + MTP3 (Q.704), SCCP
 * (Q.713), TCAP (Q.773), MAP (TS 29.002) and the TPDU (TS 23.040). The
 * builder only lays bytes out; every field value is chosen in the test. */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "dataplane/core/pipeline.h"
#include "dataplane/decode/sctp.h"
#include "tests/unit/runner.h"

#define SEC   1000000000ull
#define T0    (1700000000ull * SEC)
#define MAXSM 4

/* ---- the frame builder ---- */

struct buf {
    uint8_t b[1024];
    size_t n;
};

static void put(struct buf *f, const void *p, size_t n)
{
    memcpy(f->b + f->n, p, n);
    f->n += n;
}

static void put8(struct buf *f, unsigned v)
{
    f->b[f->n++] = (uint8_t)v;
}

static void put16(struct buf *f, unsigned v)
{
    put8(f, v >> 8);
    put8(f, v);
}

static void put32(struct buf *f, uint32_t v)
{
    put16(f, v >> 16);
    put16(f, v & 0xffff);
}

/* X.690 §8.1.3: short form below 128, else 0x81 + one octet (all < 256). */
static void tlv(struct buf *f, uint8_t tag, const struct buf *in)
{
    put8(f, tag);
    if (in->n >= 128)
        put8(f, 0x81);
    put8(f, (unsigned)in->n);
    put(f, in->b, in->n);
}

/* Q.773 §4.2.3: dialogue portion = EXTERNAL { dialogue-as-id
 * {0 0 17 773 1 1 1}, AARQ { protocol-version version1, application
 * context {0 4 0 0 1 0 ac ver} (TS 29.002 §17.3.3) } }. */
static void dialogue(struct buf *f, uint8_t ac, uint8_t ver)
{
    /* clang-format off */
    const uint8_t v[] = {
        0x6b, 0x1e,                                     /* dialogue portion, 30 */
        0x28, 0x1c,                                     /* EXTERNAL, 28 */
        0x06, 0x07, 0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01, /* dialogue-as-id */
        0xa0, 0x11,                                     /* single-ASN1-type, 17 */
        0x60, 0x0f,                                     /* AARQ, 15 */
        0x80, 0x02, 0x07, 0x80,                         /* protocol-version: version1 */
        0xa1, 0x09, 0x06, 0x07,                         /* application-context-name OID */
        0x04, 0x00, 0x00, 0x01, 0x00, ac, ver,
    };
    /* clang-format on */
    put(f, v, sizeof v);
}

/* Component portion holding one Invoke (Q.773 §4.2.2): invokeID, local
 * opcode, argument. */
static struct buf invoke(uint8_t id, uint8_t opcode, const uint8_t *arg, size_t n)
{
    struct buf inv = {.n = 0}, comps = {.n = 0}, portion = {.n = 0};
    const uint8_t head[] = {0x02, 0x01, id, 0x02, 0x01, opcode};
    put(&inv, head, sizeof head);
    put(&inv, arg, n);
    tlv(&comps, 0xa1, &inv);
    tlv(&portion, 0x6c, &comps);
    return portion;
}

/* TC-BEGIN (tag 0x62): otid, optional dialogue (ver 0 = none), components. */
static struct buf tcap_begin(uint32_t otid, uint8_t ac, uint8_t ver, const struct buf *comps)
{
    struct buf in = {.n = 0}, out = {.n = 0};
    put16(&in, 0x4804);
    put32(&in, otid);
    if (ver)
        dialogue(&in, ac, ver);
    if (comps)
        put(&in, comps->b, comps->n);
    tlv(&out, 0x62, &in);
    return out;
}

/* TC-CONTINUE (tag 0x65): otid of the sender, dtid of the peer. */
static struct buf tcap_continue(uint32_t otid, uint32_t dtid, const struct buf *comps)
{
    struct buf in = {.n = 0}, out = {.n = 0};
    put16(&in, 0x4804);
    put32(&in, otid);
    put16(&in, 0x4904);
    put32(&in, dtid);
    put(&in, comps->b, comps->n);
    tlv(&out, 0x65, &in);
    return out;
}

/* TC-END (tag 0x64): dtid of the peer, components. */
static struct buf tcap_end(uint32_t dtid, const struct buf *comps)
{
    struct buf in = {.n = 0}, out = {.n = 0};
    put16(&in, 0x4904);
    put32(&in, dtid);
    put(&in, comps->b, comps->n);
    tlv(&out, 0x64, &in);
    return out;
}

/* Q.713 §3.4: AI 0x12 = GTI 4, SSN present, route on GT; TT 0; NP 1
 * (E.164) with ES 1 (odd) or 2 (even); NAI 4 (international); BCD digits,
 * first digit in the low nibble, filler 0 when odd. An 'f' in gt is the
 * nibble 0xF (a filler sent as a digit position). */
static unsigned bcd_nibble(char c)
{
    return c == 'f' ? 0x0fu : (unsigned)(c - '0');
}

static void sccp_addr(struct buf *f, uint8_t ssn, const char *gt)
{
    size_t nd = strlen(gt);
    put8(f, 5 + (nd + 1) / 2);
    put8(f, 0x12);
    put8(f, ssn);
    put8(f, 0x00);
    put8(f, nd % 2 ? 0x11 : 0x12);
    put8(f, 0x04);
    for (size_t i = 0; i < nd; i += 2)
        put8(f, bcd_nibble(gt[i]) | (i + 1 < nd ? bcd_nibble(gt[i + 1]) << 4 : 0));
}

struct party {
    uint8_t ssn;
    const char *gt;
};

static const struct party MSC = {8, "447700900555"}; /* SSN 8: MSC */
static const struct party SMSC = {8, "447700900001"};

/* UDT (Q.713 §4.10): type 09, class 1, three pointers, then called,
 * calling and data, each with a length octet. */
static struct buf sccp_udt(struct party called, struct party calling, const struct buf *data)
{
    struct buf a = {.n = 0}, g = {.n = 0}, out = {.n = 0};
    sccp_addr(&a, called.ssn, called.gt);
    sccp_addr(&g, calling.ssn, calling.gt);
    put8(&out, 0x09);
    put8(&out, 0x81);
    put8(&out, 3);                         /* called at offset 5 */
    put8(&out, 2 + (unsigned)a.n);         /* calling at 5 + a.n */
    put8(&out, 1 + (unsigned)(a.n + g.n)); /* data at 5 + a.n + g.n */
    put(&out, a.b, a.n);
    put(&out, g.b, g.n);
    put8(&out, (unsigned)data->n);
    put(&out, data->b, data->n);
    return out;
}

/* XUDT (Q.713 §4.18): type 11, class 1, hop counter 15, four pointers;
 * optional part = Segmentation (§3.17: F/C/remaining octet, 3-octet local
 * reference least significant octet first) + end of optional parameters. */
static struct buf sccp_xudt(struct party called, struct party calling, const uint8_t *data,
                            size_t n, uint8_t seg, uint32_t ref)
{
    struct buf a = {.n = 0}, g = {.n = 0}, out = {.n = 0};
    sccp_addr(&a, called.ssn, called.gt);
    sccp_addr(&g, calling.ssn, calling.gt);
    put8(&out, 0x11);
    put8(&out, 0x81);
    put8(&out, 0x0f);
    put8(&out, 4);                             /* called at offset 7 */
    put8(&out, 3 + (unsigned)a.n);             /* calling at 7 + a.n */
    put8(&out, 2 + (unsigned)(a.n + g.n));     /* data at 7 + a.n + g.n */
    put8(&out, 2 + (unsigned)(a.n + g.n + n)); /* optional after the data */
    put(&out, a.b, a.n);
    put(&out, g.b, g.n);
    put8(&out, (unsigned)n);
    put(&out, data, n);
    const uint8_t opt[] = {0x10, 0x04, seg, ref & 0xff, (ref >> 8) & 0xff, ref >> 16, 0x00};
    put(&out, opt, sizeof opt);
    return out;
}

/* M3UA DATA (RFC 4666 §3.3.1): header, Protocol Data (OPC, DPC, SI 3,
 * NI 2, MP 0, SLS 5, user data), padded to 4; length includes padding. */
static struct buf m3ua_data(uint32_t opc, uint32_t dpc, const struct buf *sccp)
{
    struct buf out = {.n = 0};
    size_t pad = (4 - sccp->n % 4) % 4;
    put32(&out, 0x01000101);
    put32(&out, (uint32_t)(8 + 16 + sccp->n + pad));
    put16(&out, 0x0210);
    put16(&out, (unsigned)(16 + sccp->n));
    put32(&out, opc);
    put32(&out, dpc);
    put32(&out, 0x03020005);
    put(&out, sccp->b, sccp->n);
    for (size_t i = 0; i < pad; i++)
        put8(&out, 0);
    return out;
}

/* M2PA User Data (RFC 4165 §2.1/§2.3.2): header, BSN, FSN, priority
 * octet, then the MSU: SIO 0x83 (NI 2, SI 3) and the ITU routing label
 * (Q.704 §2.2: DPC bits 0-13, OPC 14-27, SLS 28-31, LSB first). */
static struct buf m2pa_user_data(uint32_t opc, uint32_t dpc, const struct buf *sccp)
{
    struct buf out = {.n = 0};
    uint32_t label = dpc | opc << 14 | 7u << 28;
    put32(&out, 0x01000b01);
    put32(&out, (uint32_t)(16 + 1 + 5 + sccp->n));
    put32(&out, 0x00ffffff);
    put32(&out, 0x00000001);
    put8(&out, 0x00);
    put8(&out, 0x83);
    put8(&out, label & 0xff);
    put8(&out, (label >> 8) & 0xff);
    put8(&out, (label >> 16) & 0xff);
    put8(&out, label >> 24);
    put(&out, sccp->b, sccp->n);
    return out;
}

enum { B_E = 0x03, B_ONLY = 0x02, E_ONLY = 0x01 };

/* SCTP DATA chunk (RFC 4960 §3.3.1), padded to 4. */
static void sctp_data(struct buf *f, uint8_t flags, uint32_t tsn, uint32_t ppid, const uint8_t *msg,
                      size_t n)
{
    put8(f, 0x00);
    put8(f, flags);
    put16(f, (unsigned)(16 + n));
    put32(f, tsn);
    put16(f, 1);  /* stream id */
    put16(f, 42); /* stream sequence number */
    put32(f, ppid);
    put(f, msg, n);
    while (f->n % 4)
        put8(f, 0);
}

/* Ethernet II + IPv4 192.0.2.1 -> 192.0.2.2 (RFC 5737) + SCTP common
 * header with ports port/port, vtag 1, checksum 0, then the chunks. */
static struct buf frame(uint16_t port, const struct buf *chunks)
{
    struct buf f = {.n = 0};
    const uint8_t eth[] = {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 0x08, 0x00};
    put(&f, eth, sizeof eth);
    size_t ip = f.n;
    put32(&f, 0x45000000 | (uint32_t)(20 + 12 + chunks->n));
    put32(&f, 0x00010000);
    put32(&f, 0x40840000); /* TTL 64, protocol 132, checksum below */
    put32(&f, 0xc0000201);
    put32(&f, 0xc0000202);
    uint32_t sum = 0;
    for (size_t i = 0; i < 20; i += 2)
        sum += (uint32_t)(f.b[ip + i] << 8 | f.b[ip + i + 1]);
    sum = (sum & 0xffff) + (sum >> 16);
    sum = ~((sum & 0xffff) + (sum >> 16)) & 0xffff;
    f.b[ip + 10] = (uint8_t)(sum >> 8);
    f.b[ip + 11] = (uint8_t)sum;
    put16(&f, port);
    put16(&f, port);
    put32(&f, 1);
    put32(&f, 0);
    put(&f, chunks->b, chunks->n);
    return f;
}

static struct buf one_chunk_frame(uint16_t port, uint32_t tsn, uint32_t ppid, const struct buf *m)
{
    struct buf c = {.n = 0};
    sctp_data(&c, B_E, tsn, ppid, m->b, m->n);
    return frame(port, &c);
}

static struct buf wrap(const uint8_t *p, size_t n)
{
    struct buf b = {.n = 0};
    put(&b, p, n);
    return b;
}

/* ---- MAP arguments, laid out by hand ---- */
/* clang-format off */

/* MO-ForwardSM-Arg (TS 29.002 §12.2 / §17.7.6): SC address in SM-RP-DA,
 * MSISDN in SM-RP-OA, SMS-SUBMIT with UCS2 text "你好世界". */
static const uint8_t mo_arg[] = {
    0x30, 0x29,                         /* SEQUENCE, 41 = 9 + 9 + 23 */
    0x84, 0x07, 0x91,                   /* sm-RP-DA serviceCentreAddressDA [4] */
    0x44, 0x77, 0x00, 0x09, 0x00, 0x10, /*   447700900001 */
    0x82, 0x07, 0x91,                   /* sm-RP-OA msisdn [2] */
    0x44, 0x77, 0x00, 0x09, 0x10, 0x32, /*   447700900123 */
    0x04, 0x15,                         /* sm-RP-UI, 21 */
    0x01,                               /* SUBMIT: MTI 01, no VP, no UDHI */
    0x05,                               /* TP-MR */
    0x0c, 0x91,                         /* TP-DA: 12 digits, international */
    0x44, 0x77, 0x00, 0x09, 0x90, 0x99, /*   447700900999 */
    0x00,                               /* TP-PID */
    0x08,                               /* TP-DCS: UCS2 */
    0x08,                               /* TP-UDL: 8 octets */
    0x4f, 0x60, 0x59, 0x7d,             /* U+4F60 U+597D */
    0x4e, 0x16, 0x75, 0x4c,             /* U+4E16 U+754C */
};
_Static_assert(sizeof mo_arg == 2 + 0x29, "mo_arg SEQUENCE length");
#define MO_TEXT "\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c"

/* ForwardSM-Arg v2 (§12.9 / §17.7.6) towards the MS: IMSI in SM-RP-DA, SC
 * in SM-RP-OA, SMS-DELIVER "hello" (GSM 7-bit: e8 32 9b fd 06). */
static const uint8_t mt_arg[] = {
    0x30, 0x2d,                         /* SEQUENCE, 45 = 10 + 9 + 26 */
    0x80, 0x08,                         /* sm-RP-DA imsi [0] */
    0x00, 0x01, 0x91, 0x78, 0x56, 0x34, 0x12, 0xf0, /* 001019876543210 */
    0x84, 0x07, 0x91,                   /* sm-RP-OA serviceCentreAddressOA [4] */
    0x44, 0x77, 0x00, 0x09, 0x00, 0x10, /*   447700900001 */
    0x04, 0x18,                         /* sm-RP-UI, 24 */
    0x04,                               /* DELIVER: MTI 00, MMS 1 */
    0x0c, 0x91,                         /* TP-OA: 12 digits, international */
    0x44, 0x77, 0x00, 0x09, 0x70, 0x77, /*   447700900777 */
    0x00, 0x00,                         /* TP-PID, TP-DCS GSM 7-bit */
    0x42, 0x50, 0x71, 0x90, 0x03, 0x51, 0x00, /* SCTS 24-05-17 09:30:15 */
    0x05,                               /* TP-UDL: 5 septets */
    0xe8, 0x32, 0x9b, 0xfd, 0x06,       /* "hello" */
};
_Static_assert(sizeof mt_arg == 2 + 0x2d, "mt_arg SEQUENCE length");

/* Part seq (1 or 2) of a two-part DELIVER (UDHI set, TS 23.040
 * §9.2.3.24.1: IEI 00, ref 0x42, total 2), UCS2 text: part 1 "AB",
 * part 2 "CD". */
static struct buf concat_arg(uint8_t seq)
{
    const uint8_t v[] = {
        0x30, 0x32,                         /* SEQUENCE, 50 = 10 + 9 + 31 */
        0x80, 0x08,                         /* sm-RP-DA imsi [0] */
        0x00, 0x01, 0x91, 0x78, 0x56, 0x34, 0x12, 0xf0, /* 001019876543210 */
        0x84, 0x07, 0x91,                   /* sm-RP-OA SC [4] 447700900001 */
        0x44, 0x77, 0x00, 0x09, 0x00, 0x10,
        0x04, 0x1d,                         /* sm-RP-UI, 29 */
        0x44,                               /* DELIVER: MTI 00, MMS 1, UDHI */
        0x0c, 0x91,                         /* TP-OA 447700900777 */
        0x44, 0x77, 0x00, 0x09, 0x70, 0x77,
        0x00, 0x08,                         /* TP-PID, TP-DCS UCS2 */
        0x42, 0x50, 0x71, 0x90, 0x03, 0x51, 0x00, /* SCTS */
        0x0a,                               /* TP-UDL: 6 UDH + 4 text octets */
        0x05, 0x00, 0x03, 0x42, 0x02, seq,  /* UDHL 5, concat 8-bit ref 0x42 */
        0x00, (uint8_t)(seq == 1 ? 'A' : 'C'), 0x00, (uint8_t)(seq == 1 ? 'B' : 'D'),
    };
    _Static_assert(sizeof v == 2 + 0x32, "concat SEQUENCE length");
    return wrap(v, sizeof v);
}

/* clang-format on */

/* ---- the pipeline under test ---- */

static struct ss_sm got[MAXSM];
static unsigned ngot;

static void collect(void *ctx, const struct ss_sm *sm)
{
    (void)ctx;
    if (ngot < MAXSM)
        got[ngot] = *sm;
    ngot++;
}

static struct ss_pipeline *pl;

static struct ss_pipeline *fresh(void)
{
    struct ss_pipeline_cfg cfg;
    ss_pipeline_cfg_default(&cfg);
    ngot = 0;
    memset(got, 0, sizeof got);
    ss_pipeline_free(pl);
    pl = ss_pipeline_new(&cfg, collect, NULL);
    return pl;
}

static void feed(const struct buf *f, uint64_t ms, uint64_t id)
{
    ss_pipeline_frame(pl, f->b, f->n, SS_LINK_ETHERNET, T0 + ms * 1000000ull, id);
}

/* Every result counted, except SS_HELD (a part waiting for the rest). */
static uint64_t errors(const struct ss_stats *st)
{
    uint64_t n = 0;
    for (unsigned l = 0; l < SS_LAYER_COUNT; l++)
        for (unsigned r = 0; r < SS_RESULT_COUNT; r++)
            n += r == SS_HELD ? 0 : st->err[l][r];
    return n;
}

/* PC 1001 -> 2002 over M3UA: a forwardSM with argument arg in its own
 * TC-BEGIN (otid), shortMsgMO-RelayContext-v3 (ac 21). */
static struct buf forward_sm_m3ua(struct party called, struct party calling, const uint8_t *arg,
                                  size_t n, uint32_t otid)
{
    struct buf comps = invoke(1, 46, arg, n);
    struct buf tcap = tcap_begin(otid, 21, 3, &comps);
    struct buf sccp = sccp_udt(called, calling, &tcap);
    return m3ua_data(1001, 2002, &sccp);
}

/* The same in one DATA chunk of TSN tsn. */
static struct buf forward_sm_frame(struct party called, struct party calling, const uint8_t *arg,
                                   size_t n, uint32_t otid, uint32_t tsn)
{
    struct buf m3ua = forward_sm_m3ua(called, calling, arg, n, otid);
    return one_chunk_frame(2905, tsn, SS_PPID_M3UA, &m3ua);
}

/* MSC -> SMSC: the MO message of these tests. */
static struct buf mo_frame_between(struct party called, struct party calling)
{
    return forward_sm_frame(called, calling, mo_arg, sizeof mo_arg, 0x11223344, 100);
}

static struct buf mo_frame(void)
{
    return mo_frame_between(SMSC, MSC);
}

static void test_pipeline_mo_forward_sm_v3_ucs2_record(void)
{
    fresh();
    struct buf f = mo_frame();
    feed(&f, 0, 1);
    CU_ASSERT_EQUAL_FATAL(ngot, 1);
    const struct ss_sm *sm = &got[0];
    CU_ASSERT_EQUAL(sm->dir, SS_DIR_MO);
    CU_ASSERT_EQUAL(sm->opcode, 46);
    CU_ASSERT_EQUAL(sm->map_version, 3);
    CU_ASSERT_STRING_EQUAL(sm->sender, "447700900123");
    CU_ASSERT_TRUE(sm->has_recipient);
    CU_ASSERT_STRING_EQUAL(sm->recipient, "447700900999");
    CU_ASSERT_FALSE(sm->has_imsi);
    CU_ASSERT_TRUE(sm->has_smsc);
    CU_ASSERT_STRING_EQUAL(sm->smsc, "447700900001");
    CU_ASSERT_EQUAL(sm->dcs, 8);
    CU_ASSERT_EQUAL(sm->parts, 1);
    CU_ASSERT_TRUE(sm->has_text);
    CU_ASSERT_STRING_EQUAL(sm->text, MO_TEXT);
    CU_ASSERT_EQUAL(sm->text_len, strlen(MO_TEXT));
    CU_ASSERT_EQUAL(sm->opc, 1001);
    CU_ASSERT_EQUAL(sm->dpc, 2002);
    char gt[SS_DIGITS_MAX + 1];
    ss_sm_gt_digits(&sm->calling_gt, gt);
    CU_ASSERT_STRING_EQUAL(gt, "447700900555");
    ss_sm_gt_digits(&sm->called_gt, gt);
    CU_ASSERT_STRING_EQUAL(gt, "447700900001");
    CU_ASSERT_EQUAL(sm->ts_ns, T0);
    CU_ASSERT_EQUAL(sm->frames.n, 1);
    CU_ASSERT_EQUAL(sm->frames.id[0], 1);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(st->frames, 1);
    CU_ASSERT_EQUAL(st->bytes, f.n);
    CU_ASSERT_EQUAL(st->sctp_packets, 1);
    CU_ASSERT_EQUAL(st->sctp_chunks[SS_SCTP_DATA], 1);
    CU_ASSERT_EQUAL(st->m3ua_class[1], 1);
    CU_ASSERT_EQUAL(st->sccp_udt, 1);
    CU_ASSERT_EQUAL(st->tcap_begin, 1);
    CU_ASSERT_EQUAL(st->tcap_components, 1);
    CU_ASSERT_EQUAL(st->map_invoke[46], 1);
    CU_ASSERT_EQUAL(st->tpdu_submit, 1);
    CU_ASSERT_EQUAL(st->sm_parts, 1);
    CU_ASSERT_EQUAL(st->messages, 1);
    CU_ASSERT_EQUAL(st->messages_mo, 1);
    CU_ASSERT_EQUAL(st->messages_mt, 0);
    CU_ASSERT_EQUAL(errors(st), 0);
}

/* SMSC -> MSC over M2PA; the 97-octet TC-BEGIN (3 + otid 6 + dialogue 32
 * + components 2 + invoke 2 + 6 + argument 47) is split 40 + 57 into two
 * XUDT segments with local reference 0x00abcd. */
static void test_pipeline_mt_forward_sm_v2_m2pa_two_xudt_segments(void)
{
    fresh();
    struct buf comps = invoke(0xff, 46, mt_arg, sizeof mt_arg);
    struct buf tcap = tcap_begin(0x00000007, 25, 2, &comps);
    CU_ASSERT_EQUAL_FATAL(tcap.n, 97);
    struct buf s1 = sccp_xudt(MSC, SMSC, tcap.b, 40, 0xc1, 0x00abcd); /* F, C, 1 left */
    struct buf s2 = sccp_xudt(MSC, SMSC, tcap.b + 40, tcap.n - 40, 0x40, 0x00abcd);
    struct buf m1 = m2pa_user_data(300, 400, &s1), m2 = m2pa_user_data(300, 400, &s2);
    struct buf f1 = one_chunk_frame(3565, 7, SS_PPID_M2PA, &m1);
    struct buf f2 = one_chunk_frame(3565, 8, SS_PPID_M2PA, &m2);
    feed(&f1, 0, 2);
    CU_ASSERT_EQUAL(ngot, 0);
    feed(&f2, 5, 3);
    CU_ASSERT_EQUAL_FATAL(ngot, 1);
    const struct ss_sm *sm = &got[0];
    CU_ASSERT_EQUAL(sm->dir, SS_DIR_MT);
    CU_ASSERT_EQUAL(sm->opcode, 46);
    CU_ASSERT_EQUAL(sm->map_version, 2);
    CU_ASSERT_TRUE(sm->has_imsi);
    CU_ASSERT_STRING_EQUAL(sm->imsi, "001019876543210");
    CU_ASSERT_STRING_EQUAL(sm->sender, "447700900777");
    CU_ASSERT_FALSE(sm->sender_alpha);
    CU_ASSERT_FALSE(sm->has_recipient);
    CU_ASSERT_STRING_EQUAL(sm->smsc, "447700900001");
    CU_ASSERT_STRING_EQUAL(sm->text, "hello");
    CU_ASSERT_EQUAL(sm->opc, 300);
    CU_ASSERT_EQUAL(sm->dpc, 400);
    CU_ASSERT_EQUAL(sm->ts_ns, T0 + 5000000ull);
    CU_ASSERT_EQUAL(sm->frames.n, 2);
    CU_ASSERT_EQUAL(sm->frames.id[0], 2);
    CU_ASSERT_EQUAL(sm->frames.id[1], 3);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(st->m2pa_user_data, 2);
    CU_ASSERT_EQUAL(st->sccp_xudt, 2);
    CU_ASSERT_EQUAL(st->tcap_begin, 1);
    CU_ASSERT_EQUAL(st->tpdu_deliver, 1);
    CU_ASSERT_EQUAL(st->messages_mt, 1);
    CU_ASSERT_EQUAL(st->err[SS_LAYER_SCCP_REASM][SS_HELD], 1);
    CU_ASSERT_EQUAL(errors(st), 0);
}

static struct buf concat_frame(uint8_t seq, uint32_t otid)
{
    struct buf arg = concat_arg(seq);
    struct buf comps = invoke(1, 46, arg.b, arg.n);
    struct buf tcap = tcap_begin(otid, 25, 2, &comps);
    struct buf sccp = sccp_udt(MSC, SMSC, &tcap);
    struct buf m3ua = m3ua_data(2002, 1001, &sccp);
    return one_chunk_frame(2905, otid, SS_PPID_M3UA, &m3ua);
}

static void test_pipeline_concat_second_part_first_joins(void)
{
    fresh();
    struct buf p2 = concat_frame(2, 21), p1 = concat_frame(1, 20);
    feed(&p2, 0, 11);
    CU_ASSERT_EQUAL(ngot, 0);
    feed(&p1, 10, 12);
    CU_ASSERT_EQUAL_FATAL(ngot, 1);
    const struct ss_sm *sm = &got[0];
    CU_ASSERT_EQUAL(sm->parts, 2);
    CU_ASSERT_EQUAL(sm->concat_ref, 0x42);
    CU_ASSERT_STRING_EQUAL(sm->text, "ABCD");
    CU_ASSERT_EQUAL(sm->text_len, 4);
    CU_ASSERT_EQUAL(sm->dcs, 8);
    CU_ASSERT_EQUAL(sm->ts_ns, T0 + 10000000ull);
    CU_ASSERT_EQUAL(sm->frames.n, 2);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(st->sm_parts, 2);
    CU_ASSERT_EQUAL(st->messages, 1);
    CU_ASSERT_EQUAL(st->err[SS_LAYER_CONCAT][SS_HELD], 1);
    CU_ASSERT_EQUAL(errors(st), 0);
}

/* TS 29.002 §15.4.1: the MSC opens with a dialogue-only TC-BEGIN and puts
 * the Invoke in its next TC-CONTINUE (same otid, same calling party). */
static void test_pipeline_dialogue_only_begin_then_continue_is_v3(void)
{
    fresh();
    struct buf tb = tcap_begin(0x0000beef, 21, 3, NULL);
    struct buf sb = sccp_udt(SMSC, MSC, &tb);
    struct buf mb = m3ua_data(1001, 2002, &sb);
    struct buf fb = one_chunk_frame(2905, 1, SS_PPID_M3UA, &mb);
    struct buf comps = invoke(1, 46, mo_arg, sizeof mo_arg);
    struct buf tc = tcap_continue(0x0000beef, 0x00005a5a, &comps);
    struct buf sc = sccp_udt(SMSC, MSC, &tc);
    struct buf mc = m3ua_data(1001, 2002, &sc);
    struct buf fc = one_chunk_frame(2905, 2, SS_PPID_M3UA, &mc);
    feed(&fb, 0, 31);
    CU_ASSERT_EQUAL(ngot, 0);
    feed(&fc, 20, 32);
    CU_ASSERT_EQUAL_FATAL(ngot, 1);
    CU_ASSERT_EQUAL(got[0].map_version, 3);
    CU_ASSERT_EQUAL(got[0].opcode, 46);
    CU_ASSERT_EQUAL(got[0].dir, SS_DIR_MO);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(st->tcap_begin, 1);
    CU_ASSERT_EQUAL(st->tcap_continue, 1);
    CU_ASSERT_EQUAL(st->tcap_components, 1);
    CU_ASSERT_EQUAL(errors(st), 0);
}

/* A TC-END carrying two forwardSM invokes after a dialogue-only TC-BEGIN
 * gives both parts the BEGIN's v3, and the END forgets the dialogue, so
 * a later TC-CONTINUE under the same id finds none. */
static void test_pipeline_end_with_two_parts_both_v3_then_forgotten(void)
{
    fresh();
    struct buf tb = tcap_begin(0x0000beef, 21, 3, NULL);
    struct buf sb = sccp_udt(SMSC, MSC, &tb);
    struct buf mb = m3ua_data(1001, 2002, &sb);
    struct buf fb = one_chunk_frame(2905, 1, SS_PPID_M3UA, &mb);
    struct buf one = invoke(1, 46, mo_arg, sizeof mo_arg);
    struct buf two = invoke(2, 46, mo_arg, sizeof mo_arg);
    /* Both Invokes in one component portion: the contents of each
     * (after the tag and a short or 0x81 length). */
    struct buf inner = {.n = 0}, comps = {.n = 0};
    size_t hdr = one.b[1] == 0x81 ? 3 : 2;
    put(&inner, one.b + hdr, one.n - hdr);
    put(&inner, two.b + hdr, two.n - hdr);
    tlv(&comps, 0x6c, &inner);
    struct buf te = tcap_end(0x0000beef, &comps);
    struct buf se = sccp_udt(MSC, SMSC, &te);
    struct buf me = m3ua_data(2002, 1001, &se);
    struct buf fe = one_chunk_frame(2905, 2, SS_PPID_M3UA, &me);
    struct buf single = invoke(1, 46, mo_arg, sizeof mo_arg);
    struct buf tc = tcap_continue(0x0000beef, 0x00005a5a, &single);
    struct buf sc = sccp_udt(SMSC, MSC, &tc);
    struct buf mc = m3ua_data(1001, 2002, &sc);
    struct buf fc = one_chunk_frame(2905, 3, SS_PPID_M3UA, &mc);
    feed(&fb, 0, 41);
    feed(&fe, 10, 42);
    CU_ASSERT_EQUAL_FATAL(ngot, 2);
    CU_ASSERT_EQUAL(got[0].map_version, 3);
    CU_ASSERT_EQUAL(got[1].map_version, 3);
    feed(&fc, 20, 43);
    CU_ASSERT_EQUAL_FATAL(ngot, 3);
    CU_ASSERT_EQUAL(got[2].map_version, 0);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(st->tcap_end, 1);
    CU_ASSERT_EQUAL(st->tcap_components, 3);
    CU_ASSERT_EQUAL(st->map_invoke[46], 3);
    CU_ASSERT_EQUAL(errors(st), 0);
}

/* A record's addresses come from its own message only (records are built
 * in one buffer): after an MO with an MSISDN and an MT with an IMSI, an MO
 * with noSM-RP-OA [5] has no sender and an MT to an LMSI [1] no IMSI
 * (TS 29.002 §7.6.8.1, §7.6.8.2). */
static void test_pipeline_absent_addresses_are_empty_after_present_ones(void)
{
    fresh();
    /* mo_arg with its SM-RP-OA (octets 11..19) replaced by 85 00. */
    struct buf mo_no_oa = {.n = 0};
    put8(&mo_no_oa, 0x30);
    put8(&mo_no_oa, 9 + 2 + 23);
    put(&mo_no_oa, mo_arg + 2, 9);
    put16(&mo_no_oa, 0x8500);
    put(&mo_no_oa, mo_arg + 20, 23);
    /* mt_arg with its SM-RP-DA (octets 2..11) replaced by LMSI 0a0b0c0d. */
    struct buf mt_lmsi = {.n = 0};
    put8(&mt_lmsi, 0x30);
    put8(&mt_lmsi, 6 + 9 + 26);
    put16(&mt_lmsi, 0x8104);
    put32(&mt_lmsi, 0x0a0b0c0d);
    put(&mt_lmsi, mt_arg + 12, 9 + 26);
    struct buf f1 = forward_sm_frame(SMSC, MSC, mo_arg, sizeof mo_arg, 0x51, 1);
    struct buf f2 = forward_sm_frame(SMSC, MSC, mt_arg, sizeof mt_arg, 0x52, 2);
    struct buf f3 = forward_sm_frame(SMSC, MSC, mo_no_oa.b, mo_no_oa.n, 0x53, 3);
    struct buf f4 = forward_sm_frame(SMSC, MSC, mt_lmsi.b, mt_lmsi.n, 0x54, 4);
    feed(&f1, 0, 51);
    feed(&f2, 1, 52);
    feed(&f3, 2, 53);
    feed(&f4, 3, 54);
    CU_ASSERT_EQUAL_FATAL(ngot, 4);
    CU_ASSERT_STRING_EQUAL(got[0].sender, "447700900123");
    CU_ASSERT_STRING_EQUAL(got[1].imsi, "001019876543210");
    CU_ASSERT_EQUAL(got[2].dir, SS_DIR_MO);
    CU_ASSERT_STRING_EQUAL(got[2].sender, "");
    CU_ASSERT_TRUE(got[2].has_smsc);
    CU_ASSERT_STRING_EQUAL(got[2].smsc, "447700900001");
    CU_ASSERT_STRING_EQUAL(got[2].recipient, "447700900999");
    CU_ASSERT_EQUAL(got[3].dir, SS_DIR_MT);
    CU_ASSERT_FALSE(got[3].has_imsi);
    CU_ASSERT_STRING_EQUAL(got[3].imsi, "");
    CU_ASSERT_STRING_EQUAL(got[3].sender, "447700900777");
    CU_ASSERT_STRING_EQUAL(got[3].smsc, "447700900001");
    CU_ASSERT_EQUAL(errors(ss_pipeline_stats(pl)), 0);
}

/* Q.713 §5.3: called and calling SSN 1 is SCCP management; its data (an
 * SST for SSN 8 at PC 1234) is not TCAP and must not reach the decoder. */
static void test_pipeline_sccp_management_counted_not_tcap(void)
{
    fresh();
    const uint8_t sst[] = {0x03, 0x08, 0xd2, 0x04, 0x00}; /* SST, SSN 8, PC, SMI */
    struct buf data = wrap(sst, sizeof sst);
    struct party mgmt_a = {1, "447700900555"}, mgmt_b = {1, "447700900001"};
    struct buf sccp = sccp_udt(mgmt_b, mgmt_a, &data);
    struct buf m3ua = m3ua_data(1001, 2002, &sccp);
    struct buf f = one_chunk_frame(2905, 1, SS_PPID_M3UA, &m3ua);
    feed(&f, 0, 41);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(ngot, 0);
    CU_ASSERT_EQUAL(st->sccp_udt, 1);
    CU_ASSERT_EQUAL(st->sccp_mgmt, 1);
    CU_ASSERT_EQUAL(st->tcap_begin + st->tcap_other, 0);
    CU_ASSERT_EQUAL(errors(st), 0);
}

/* The MO frame cut short at every 7th length: each cut lands in the
 * Ethernet header (link) or leaves less than the IPv4 total length
 * promises (ip); either way one counted error and nothing decoded above. */
static void test_pipeline_truncated_frame_counted_no_record(void)
{
    fresh();
    struct buf f = mo_frame();
    for (size_t cut = 1; cut < f.n; cut += 7)
        ss_pipeline_frame(pl, f.b, f.n - cut, SS_LINK_ETHERNET, T0, 50);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(ngot, 0);
    CU_ASSERT_EQUAL(st->messages, 0);
    CU_ASSERT_EQUAL(st->frames, (f.n - 2) / 7 + 1);
    CU_ASSERT_EQUAL(errors(st), st->frames);
    CU_ASSERT_EQUAL(st->err[SS_LAYER_IP][SS_TRUNCATED] + st->err[SS_LAYER_LINK][SS_TRUNCATED],
                    st->frames);
}

/* RFC 4960 §6.9: one M3UA message in two DATA chunks (B then E, TSN n and
 * n+1, same stream and SSN) carried by two frames. */
static void test_pipeline_sctp_fragments_reassemble_with_both_frames(void)
{
    fresh();
    struct buf m3ua = forward_sm_m3ua(SMSC, MSC, mo_arg, sizeof mo_arg, 0x11223344);
    struct buf c1 = {.n = 0}, c2 = {.n = 0};
    sctp_data(&c1, B_ONLY, 500, SS_PPID_M3UA, m3ua.b, 32);
    sctp_data(&c2, E_ONLY, 501, SS_PPID_M3UA, m3ua.b + 32, m3ua.n - 32);
    struct buf f1 = frame(2905, &c1), f2 = frame(2905, &c2);
    feed(&f1, 0, 61);
    CU_ASSERT_EQUAL(ngot, 0);
    feed(&f2, 1, 62);
    CU_ASSERT_EQUAL_FATAL(ngot, 1);
    CU_ASSERT_STRING_EQUAL(got[0].text, MO_TEXT);
    CU_ASSERT_EQUAL(got[0].frames.n, 2);
    CU_ASSERT_EQUAL(got[0].frames.id[0], 61);
    CU_ASSERT_EQUAL(got[0].frames.id[1], 62);
    const struct ss_stats *st = ss_pipeline_stats(pl);
    CU_ASSERT_EQUAL(st->sctp_chunks[SS_SCTP_DATA], 2);
    CU_ASSERT_EQUAL(st->m3ua_class[1], 1);
    CU_ASSERT_EQUAL(st->messages, 1);
    CU_ASSERT_EQUAL(st->err[SS_LAYER_SCTP_REASM][SS_HELD], 1);
    CU_ASSERT_EQUAL(errors(st), 0);
}

/* The frames of the burst test: a dialogue-only TC-BEGIN, the first
 * SCTP fragment of an MO message, the TC-CONTINUE carrying the BEGIN's
 * invoke, the last fragment, a whole MO message. */
#define BURST_FRAMES 5
static void burst_frames(struct buf f[BURST_FRAMES])
{
    struct buf tb = tcap_begin(0x0000beef, 21, 3, NULL);
    struct buf sb = sccp_udt(SMSC, MSC, &tb);
    struct buf mb = m3ua_data(1001, 2002, &sb);
    f[0] = one_chunk_frame(2905, 1, SS_PPID_M3UA, &mb);
    struct buf m3ua = forward_sm_m3ua(SMSC, MSC, mo_arg, sizeof mo_arg, 0x11223344);
    struct buf c1 = {.n = 0}, c2 = {.n = 0};
    sctp_data(&c1, B_ONLY, 500, SS_PPID_M3UA, m3ua.b, 32);
    sctp_data(&c2, E_ONLY, 501, SS_PPID_M3UA, m3ua.b + 32, m3ua.n - 32);
    f[1] = frame(2905, &c1);
    struct buf comps = invoke(1, 46, mo_arg, sizeof mo_arg);
    struct buf tc = tcap_continue(0x0000beef, 0x00005a5a, &comps);
    struct buf sc = sccp_udt(SMSC, MSC, &tc);
    struct buf mc = m3ua_data(1001, 2002, &sc);
    f[2] = one_chunk_frame(2905, 2, SS_PPID_M3UA, &mc);
    f[3] = frame(2905, &c2);
    f[4] = forward_sm_frame(SMSC, MSC, mo_arg, sizeof mo_arg, 0x55667788, 3);
}

/* ss_pipeline_burst holds TCAP messages between its two passes: a
 * CONTINUE must still find the BEGIN held before it, and a message
 * reassembled from fragments (finished at once) must come after those
 * held before it. Records and counters equal those of ss_pipeline_frame
 * on each frame in turn. */
static void test_pipeline_burst_equals_frame_by_frame(void)
{
    struct buf f[BURST_FRAMES];
    struct ss_frame_in in[BURST_FRAMES];
    static struct ss_sm one_by_one[BURST_FRAMES];
    burst_frames(f);

    fresh();
    for (unsigned i = 0; i < BURST_FRAMES; i++)
        feed(&f[i], i, 70 + i);
    CU_ASSERT_EQUAL_FATAL(ngot, 3);
    memcpy(one_by_one, got, 3 * sizeof got[0]);
    struct ss_stats st = *ss_pipeline_stats(pl);

    fresh();
    for (unsigned i = 0; i < BURST_FRAMES; i++)
        in[i] = (struct ss_frame_in){f[i].b, f[i].n, T0 + i * 1000000ull, 70 + i};
    ss_pipeline_burst(pl, in, BURST_FRAMES, SS_LINK_ETHERNET);
    CU_ASSERT_EQUAL_FATAL(ngot, 3);
    CU_ASSERT_EQUAL(got[0].map_version, 3);
    CU_ASSERT_EQUAL(got[0].frames.id[0], 72);
    CU_ASSERT_EQUAL(got[1].frames.n, 2);
    CU_ASSERT_EQUAL(got[1].frames.id[1], 73);
    CU_ASSERT_EQUAL(got[2].frames.id[0], 74);
    for (unsigned i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(got[i].map_version, one_by_one[i].map_version);
        CU_ASSERT_EQUAL(got[i].ts_ns, one_by_one[i].ts_ns);
        CU_ASSERT_EQUAL(got[i].frames.n, one_by_one[i].frames.n);
        CU_ASSERT_EQUAL(got[i].frames.id[0], one_by_one[i].frames.id[0]);
        CU_ASSERT_STRING_EQUAL(got[i].text, one_by_one[i].text);
        CU_ASSERT_STRING_EQUAL(got[i].sender, one_by_one[i].sender);
    }
    CU_ASSERT_EQUAL(memcmp(ss_pipeline_stats(pl), &st, sizeof st), 0);
    CU_ASSERT_EQUAL(errors(&st), 0);
}

/* The table options: counts within 1..each table's maximum, decimal
 * digits only; timeouts as ss_pipeline_parse_seconds; a refused value or
 * an unknown name leaves cfg as it was. */
static void test_pipeline_cfg_option(void)
{
    struct ss_pipeline_cfg cfg, def;
    ss_pipeline_cfg_default(&def);
    cfg = def;
    CU_ASSERT_TRUE(ss_pipeline_cfg_option(&cfg, "tcap-slots", "4000000"));
    CU_ASSERT_EQUAL(cfg.tcap_slots, 4000000);
    CU_ASSERT_TRUE(ss_pipeline_cfg_option(&cfg, "concat-slots", "100000"));
    CU_ASSERT_EQUAL(cfg.concat_slots, 100000);
    CU_ASSERT_TRUE(ss_pipeline_cfg_option(&cfg, "sctp-slots", "1"));
    CU_ASSERT_EQUAL(cfg.sctp_slots, 1);
    CU_ASSERT_TRUE(ss_pipeline_cfg_option(&cfg, "sccp-slots", "1048576"));
    CU_ASSERT_EQUAL(cfg.sccp_slots, 1048576);
    CU_ASSERT_TRUE(ss_pipeline_cfg_option(&cfg, "timeout", "2.5"));
    CU_ASSERT_EQUAL(cfg.timeout_ns, 2500000000ull);
    CU_ASSERT_TRUE(ss_pipeline_cfg_option(&cfg, "sctp-timeout", "90"));
    CU_ASSERT_EQUAL(cfg.sctp_timeout_ns, 90000000000ull);
    struct ss_pipeline_cfg before = cfg;
    static const char *const bad[][2] = {
        {"tcap-slots", "0"},          {"tcap-slots", "-5"},        {"tcap-slots", "+5"},
        {"tcap-slots", " 5"},         {"tcap-slots", "5k"},        {"tcap-slots", ""},
        {"tcap-slots", "268435457"},  {"concat-slots", "4194305"}, {"sccp-slots", "1048577"},
        {"tcap-slots", "99999999999999999999"}, {"timeout", "0"},  {"no-such-slots", "5"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CU_ASSERT_FALSE(ss_pipeline_cfg_option(&cfg, bad[i][0], bad[i][1]));
    CU_ASSERT_EQUAL(memcmp(&cfg, &before, sizeof cfg), 0);
    CU_ASSERT_TRUE(ss_pipeline_cfg_option(&cfg, "tcap-slots", "268435456"));
}

/* The timeout option: seconds, fractions allowed, within (0, max]. */
static void test_pipeline_parse_seconds(void)
{
    uint64_t ns = 7;
    CU_ASSERT_TRUE(ss_pipeline_parse_seconds("60", &ns));
    CU_ASSERT_EQUAL(ns, 60 * SEC);
    CU_ASSERT_TRUE(ss_pipeline_parse_seconds("2.5", &ns));
    CU_ASSERT_EQUAL(ns, 2500000000ull);
    CU_ASSERT_TRUE(ss_pipeline_parse_seconds("86400", &ns));
    CU_ASSERT_EQUAL(ns, 86400 * SEC);
    ns = 7;
    CU_ASSERT_FALSE(ss_pipeline_parse_seconds("0", &ns));
    CU_ASSERT_FALSE(ss_pipeline_parse_seconds("-1", &ns));
    CU_ASSERT_FALSE(ss_pipeline_parse_seconds("86401", &ns));
    CU_ASSERT_FALSE(ss_pipeline_parse_seconds("", &ns));
    CU_ASSERT_FALSE(ss_pipeline_parse_seconds("10s", &ns));
    CU_ASSERT_FALSE(ss_pipeline_parse_seconds("nan", &ns));
    CU_ASSERT_FALSE(ss_pipeline_parse_seconds("1e-12", &ns));
    CU_ASSERT_EQUAL(ns, 7);
}

/* The record keeps the GT octets and converts them when asked: an odd
 * count drops the filler nibble, and a GT of 21 octets (more than the
 * record keeps) whose 40 digits end in a filler octet reads as those 40
 * digits, as the SCCP decoder accepted it. */
static void test_pipeline_record_gt_odd_and_filler_ended_long(void)
{
    static const char forty[] = "1234567890123456789012345678901234567890";
    char long_gt[sizeof forty + 2], gt[SS_DIGITS_MAX + 1];
    snprintf(long_gt, sizeof long_gt, "%sff", forty);
    const struct party odd = {8, "4477009005551"};
    const struct party longer = {6, long_gt};

    fresh();
    struct buf f = mo_frame_between(odd, longer);
    feed(&f, 0, 1);
    CU_ASSERT_EQUAL_FATAL(ngot, 1);
    ss_sm_gt_digits(&got[0].called_gt, gt);
    CU_ASSERT_STRING_EQUAL(gt, "4477009005551");
    ss_sm_gt_digits(&got[0].calling_gt, gt);
    CU_ASSERT_STRING_EQUAL(gt, forty);
    CU_ASSERT_EQUAL(errors(ss_pipeline_stats(pl)), 0);
}

/* A record without a GT (zeroed) reads as "". */
static void test_pipeline_record_without_gt_is_empty(void)
{
    struct ss_sm_gt none = {0};
    char gt[SS_DIGITS_MAX + 1] = "x";
    ss_sm_gt_digits(&none, gt);
    CU_ASSERT_STRING_EQUAL(gt, "");
}

static const struct ss_test tests[] = {
    SS_TEST(test_pipeline_parse_seconds),
    SS_TEST(test_pipeline_cfg_option),
    SS_TEST(test_pipeline_mo_forward_sm_v3_ucs2_record),
    SS_TEST(test_pipeline_record_gt_odd_and_filler_ended_long),
    SS_TEST(test_pipeline_record_without_gt_is_empty),
    SS_TEST(test_pipeline_mt_forward_sm_v2_m2pa_two_xudt_segments),
    SS_TEST(test_pipeline_concat_second_part_first_joins),
    SS_TEST(test_pipeline_dialogue_only_begin_then_continue_is_v3),
    SS_TEST(test_pipeline_end_with_two_parts_both_v3_then_forgotten),
    SS_TEST(test_pipeline_absent_addresses_are_empty_after_present_ones),
    SS_TEST(test_pipeline_sccp_management_counted_not_tcap),
    SS_TEST(test_pipeline_truncated_frame_counted_no_record),
    SS_TEST(test_pipeline_sctp_fragments_reassemble_with_both_frames),
    SS_TEST(test_pipeline_burst_equals_frame_by_frame),
};

int main(void)
{
    unsigned failures = SS_RUN_SUITE("pipeline", NULL, NULL, tests);
    ss_pipeline_free(pl);
    return failures != 0;
}
