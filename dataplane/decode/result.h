/* Result codes shared by every decoder and table, and the layers that
 * count them. Names live beside the enum (VPP style) so that no counter
 * is ever unnamed: the pipeline keeps err[layer][result] and prints
 * "<layer>.<result>" for every non-zero cell. */
#ifndef SS_RESULT_H
#define SS_RESULT_H

#define SS_RESULT_LIST(X)                                                             \
    X(OK, "ok")                       /* decoded; output struct is valid */        \
    X(END, "end")                     /* iterator exhausted (not an error) */      \
    X(TRUNCATED, "truncated")         /* a header or body runs past the end */     \
    X(BAD_LENGTH, "bad_length")       /* a length field contradicts its frame */  \
    X(BAD_TAG, "bad_tag")             /* unexpected type, tag or version */        \
    X(BAD_VALUE, "bad_value")         /* a field holds a value the spec forbids */ \
    X(UNSUPPORTED, "unsupported")     /* valid, but not handled by sigsift */      \
    X(NOT_INTERESTING, "skipped")     /* valid, not carrying short messages */     \
    X(FRAGMENT, "fragment")           /* IP fragment: counted, not parsed */       \
    X(TOO_DEEP, "too_deep")           /* nesting beyond the decoder's bound */     \
    X(OVERSIZE, "oversize")           /* larger than the bounded buffer */         \
    X(HELD, "held")                   /* stored in a table, waiting for parts */   \
    X(DUPLICATE, "duplicate")         /* a part already held */                    \
    X(TABLE_FULL, "table_full")       /* evicted or refused for lack of room */    \
    X(EXPIRED, "expired")             /* dropped by timeout, parts missing */      \
    X(NO_CONTEXT, "no_context")       /* needed state (e.g. a dialogue) unknown */

enum ss_result {
#define SS_RESULT_ENUM(name, str) SS_##name,
    SS_RESULT_LIST(SS_RESULT_ENUM)
#undef SS_RESULT_ENUM
        SS_RESULT_COUNT
};

#define SS_LAYER_LIST(X)                                                                 \
    X(LINK, "link")                   /* Ethernet, VLAN, Linux cooked */                 \
    X(IP, "ip")                                                                          \
    X(SCTP, "sctp")                                                                      \
    X(SCTP_REASM, "sctp_reasm")                                                          \
    X(M3UA, "m3ua")                                                                      \
    X(M2PA, "m2pa")                                                                      \
    X(MTP3, "mtp3")                                                                      \
    X(SCCP, "sccp")                                                                      \
    X(SCCP_REASM, "sccp_reasm")                                                          \
    X(TCAP, "tcap")                                                                      \
    X(TCAP_TXN, "tcap_txn")                                                              \
    X(MAP, "map")                                                                        \
    X(TPDU, "tpdu")                                                                      \
    X(TEXT, "text")                                                                      \
    X(CONCAT, "concat")

enum ss_layer {
#define SS_LAYER_ENUM(name, str) SS_LAYER_##name,
    SS_LAYER_LIST(SS_LAYER_ENUM)
#undef SS_LAYER_ENUM
        SS_LAYER_COUNT
};

const char *ss_result_name(enum ss_result r);
const char *ss_layer_name(enum ss_layer l);

#endif
