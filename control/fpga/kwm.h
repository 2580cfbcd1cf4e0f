/* The keyword-matching block (hw/verilog/kwm_*.v) seen from software: its
 * register map and record formats, the table compiler that turns literals
 * into a load image of register writes, and a bit-exact reference model
 * that consumes the same writes and produces the same records.
 *
 * Integration (dataplane --matcher fpga-sim): compile the rule set's
 * literals with ss_kwm_compile() into one bank, apply the image with
 * ss_kwm_model_write() (or DMA it to the card), write SS_KWM_REG_BANK_SELECT,
 * then submit each message and read back its records up to the end record.
 * Literals the block rejects (see enum ss_kwm_reject) stay on the CPU. */
#ifndef SS_KWM_H
#define SS_KWM_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

#define SS_KWM_WIN 8            /* window lengths 1..8 have a filter each */
#define SS_KWM_HASHES_MAX 4     /* Bloom hashes per window length */
#define SS_KWM_MAXK_LIMIT 252   /* longest literal the record format allows */
#define SS_KWM_BUCKET_MAX 255   /* keywords per confirmation bucket */

/* Register map (byte addresses on the cfg port, 32-bit words). */
#define SS_KWM_REG_ID 0x000u            /* RO "KWM1" */
#define SS_KWM_REG_PARAMS 0x004u        /* RO win, maxk, data bytes, engines */
#define SS_KWM_REG_GEOMETRY 0x008u      /* RO hashes, store, index, L=8 filter bits */
#define SS_KWM_REG_BANK_SELECT 0x00cu   /* RW bank for headers from now on */
#define SS_KWM_REG_VERSION(b) (0x010u + 4u * (b)) /* RW rule-set version */
#define SS_KWM_REG_INFLIGHT(b) (0x018u + 4u * (b)) /* RO messages on bank */
#define SS_KWM_REG_STORE_COMMIT 0x020u  /* WO bank<<31 | entry: stage -> store */
#define SS_KWM_REG_STAGE_LEN 0x024u
#define SS_KWM_REG_STAGE_RULE 0x028u
#define SS_KWM_REG_STAGE_BYTES 0x100u   /* + 4*w: keyword bytes from its end */
#define SS_KWM_BLOCK_ID 0x4b574d31u

/* Filter word w of Bloom hash k (0..3) of window length L (1..8), bank b. */
#define SS_KWM_FILTER_ADDR(b, L, k, w)                                                     \
    (0x10000000u | (uint32_t)(b) << 27 | (uint32_t)((L) - 1) << 24 | (uint32_t)(k) << 22 | \
     (uint32_t)(w) << 2)
/* Confirmation bucket i, bank b: {count[31:24], start[23:0]}. */
#define SS_KWM_INDEX_ADDR(b, i) (0x20000000u | (uint32_t)(b) << 27 | (uint32_t)(i) << 2)

/* Output records: 128 bits, hi = bits 127..64, lo = bits 63..0. */
#define SS_KWM_REC_MATCH 0x01u
#define SS_KWM_REC_END 0x02u
#define SS_KWM_FLAG_VERSION_MISMATCH 0x01u /* header version != bank's */
#define SS_KWM_FLAG_SHORT 0x02u            /* tlast before length bytes */
#define SS_KWM_FLAG_LONG 0x04u             /* beats beyond length */
#define SS_KWM_FLAG_BANK 0x80u             /* bank that judged the message */

struct ss_kwm_record {
    uint64_t hi; /* type[63:56] flags[55:48] version[47:32] msg_id[31:0] */
    uint64_t lo; /* rule_id|hits[63:32] scanned[31:16] end_offset|length[15:0] */
};

static inline unsigned ss_kwm_rec_type(const struct ss_kwm_record *r) { return (unsigned)(r->hi >> 56); }
static inline unsigned ss_kwm_rec_flags(const struct ss_kwm_record *r) { return (unsigned)(r->hi >> 48) & 0xffu; }
static inline uint16_t ss_kwm_rec_version(const struct ss_kwm_record *r) { return (uint16_t)(r->hi >> 32); }
static inline uint32_t ss_kwm_rec_msg_id(const struct ss_kwm_record *r) { return (uint32_t)r->hi; }
static inline uint32_t ss_kwm_rec_rule(const struct ss_kwm_record *r) { return (uint32_t)(r->lo >> 32); }
static inline uint16_t ss_kwm_rec_offset(const struct ss_kwm_record *r) { return (uint16_t)r->lo; }

/* Synthesis parameters of one block instance (kwm_top). */
struct ss_kwm_geom {
    unsigned filter_bits[SS_KWM_WIN]; /* FILTER_BITS[L-1]: 2^min(bits, 8L) bits per table */
    unsigned hashes;      /* FILTER_HASHES: Bloom hashes (bit tables) per L */
    unsigned index_bits;  /* INDEX_BITS: 2^bits confirmation buckets */
    unsigned store_bits;  /* STORE_BITS: 2^bits keywords */
    unsigned maxk;        /* MAXK: longest literal in bytes, multiple of 4 */
    unsigned data_bytes;  /* DATA_BYTES: s_axis width */
};

struct ss_kwm_literal {
    uint32_t rule_id;
    const uint8_t *bytes;
    size_t len;
};

#define SS_KWM_REJECT_LIST(X)                                          \
    X(NONE, "accepted")                                                \
    X(EMPTY, "empty literal")                                          \
    X(TOO_LONG, "longer than MAXK bytes")                              \
    X(BUCKET_FULL, "more than 255 literals share a bucket")            \
    X(STORE_FULL, "keyword store full (raise STORE_BITS)")

enum ss_kwm_reject {
#define SS_KWM_REJECT_ENUM(name, str) SS_KWM_REJECT_##name,
    SS_KWM_REJECT_LIST(SS_KWM_REJECT_ENUM)
#undef SS_KWM_REJECT_ENUM
        SS_KWM_REJECT_COUNT
};

const char *ss_kwm_reject_name(enum ss_kwm_reject r);

struct ss_kwm_write {
    uint32_t addr;
    uint32_t data;
};

/* A load image: the register writes that fill one bank. */
struct ss_kwm_image {
    struct ss_kwm_write *w;
    size_t n;
    size_t cap;
    size_t accepted; /* literals in the tables */
    size_t rejected; /* literals left to the CPU */
};

/* Hash of the last L bytes of text; rev[j] is the j-th byte from the end. */
uint32_t ss_kwm_hash(unsigned set, const uint8_t *rev, unsigned L);
unsigned ss_kwm_filter_bits(const struct ss_kwm_geom *g, unsigned L);
uint32_t ss_kwm_filter_index(const struct ss_kwm_geom *g, uint32_t h, unsigned L);
uint32_t ss_kwm_bucket(uint32_t h, unsigned L, unsigned index_bits);
enum ss_result ss_kwm_geom_check(const struct ss_kwm_geom *g);

/* Compile n literals into bank `bank` with rule-set `version`. why[i]
 * (n entries) tells the fate of each literal. Returns SS_BAD_VALUE for a
 * bad geometry, SS_TABLE_FULL if the image cannot grow. */
enum ss_result ss_kwm_compile(const struct ss_kwm_geom *g, const struct ss_kwm_literal *lits,
                              size_t n, unsigned bank, uint16_t version,
                              struct ss_kwm_image *img, enum ss_kwm_reject *why);
void ss_kwm_image_free(struct ss_kwm_image *img);

/* The reference model: the block's memories and registers. A store entry
 * is SS_KWM_STORE_HDR bytes {rule_id LE32, len, 0, 0, 0} then maxk bytes
 * of the keyword from its end. */
#define SS_KWM_STORE_HDR 8u

struct ss_kwm_model {
    struct ss_kwm_geom g;
    size_t entry_size;
    uint32_t *filter[2][SS_KWM_WIN][SS_KWM_HASHES_MAX];
    uint32_t *index[2];
    uint8_t *store[2];
    uint8_t stage[SS_KWM_STORE_HDR + SS_KWM_MAXK_LIMIT];
    unsigned bank_select;
    uint16_t version[2];
};

enum ss_result ss_kwm_model_init(struct ss_kwm_model *m, const struct ss_kwm_geom *g);
void ss_kwm_model_free(struct ss_kwm_model *m);
void ss_kwm_model_write(struct ss_kwm_model *m, uint32_t addr, uint32_t data);

/* Judge one message record as the block would: header {id, version,
 * length}, then `sent` text bytes (normally sent == length). Writes the
 * match records in the block's order followed by the end record.
 * SS_OVERSIZE if cap is too small (out then holds the first cap records). */
enum ss_result ss_kwm_model_scan(const struct ss_kwm_model *m, uint32_t msg_id, uint16_t hdr_version,
                                 uint16_t length, const uint8_t *text, size_t sent,
                                 struct ss_kwm_record *out, size_t cap, size_t *n_out);

#endif
