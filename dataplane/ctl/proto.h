/* The control channel of a running `sigsift run`, spoken by `sigsiftctl`.
 *
 * Transport. A Unix stream socket, by default SS_CTL_SOCKET_DEFAULT
 * (`--socket PATH` on both sides overrides it). The dataplane creates
 * its directory 0700 and the socket 0600, and serves only peers whose
 * SO_PEERCRED uid is 0 or its own; any other peer is refused and logged.
 *
 * Exchange. The client writes one request line ending in '\n' (at most
 * SS_CTL_LINE_MAX bytes with it); the server answers with one JSON
 * object on one line, then closes. Every reply begins with {"ok":true
 * or {"ok":false,"error":"..."}, so a client can tell success without a
 * JSON parser; the rest is for `--json` output and scripts.
 *
 * Requests (words separated by one space; PATH and SENDER are the rest
 * of the line, so they may contain spaces, but no control characters):
 *   rules push PATH       load the bundle at PATH (absolute: the server
 *                         does not share the client's working directory),
 *                         verify it and swap it in;
 *                         {"ok":true,"version":V,"previous":P,"rules":N,
 *                          "source":..,"load_us":..,"quiescent_us":..,
 *                          "received_at":unix s with 6 decimals}
 *   rules status          {"ok":true,"version":V,"rules":N,"source":..,
 *                          "since":..,"swaps":..,"workers":[{"worker":0,
 *                          "swap_gap_max_us":..,"steady_gap_max_us":..,
 *                          "first_verdict_us":..}...]}
 *   rules history         {"ok":true,"history":[{"version":..,"source":..,
 *                          "at":..,"result":"active|replaced|failed: why"}...]}
 *   rules rollback        back to the rule set active before the last
 *                         push or rollback (kept in memory, so it cannot
 *                         fail to load); reply as for push
 *   stats                 {"ok":true,"uptime_s":..,"workers":[{"worker":0,
 *                          "frames":..,"messages":..,"events":..}...],
 *                          "ports":[{"port":0,"ipackets":..,"imissed":..,
 *                          "ierrors":..,"rx_nombuf":..}...]}; a net_af_packet
 *                          port also has "iface_rx_packets" (frames that
 *                          reached its interface) and "iface_unread" (of
 *                          those, not read: the kernel ring overflowed)
 *   lists show            {"ok":true,"blocklist":[..],"allowlist":[..]}
 *   lists add blocklist|allowlist SENDER
 *   lists remove blocklist|allowlist SENDER
 *                         {"ok":true,"blocklist":n,"allowlist":n}
 * A sender on the allowlist is passed whatever its text; one on the
 * blocklist is blocked (allowlist first, as for pass rules, policy.h).
 *
 * This file is plain C: the parser and the reply writer are shared by the
 * server (dataplane/dpdk/ctl_server.c) and the client. */
#ifndef SS_CTL_PROTO_H
#define SS_CTL_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

#define SS_CTL_SOCKET_DEFAULT "/run/sigsift/ctl.sock"
#define SS_CTL_LINE_MAX       4096
#define SS_CTL_REPLY_MAX      262144 /* lists show: 4096 senders */
/* Longest sender kept on a list: TP-OA digits or alphanumeric text
 * (SS_TP_ADDR_MAX - 1). */
#define SS_CTL_SENDER_MAX 47

enum ss_ctl_verb {
    SS_CTL_RULES_PUSH,
    SS_CTL_RULES_STATUS,
    SS_CTL_RULES_HISTORY,
    SS_CTL_RULES_ROLLBACK,
    SS_CTL_STATS,
    SS_CTL_LISTS_SHOW,
    SS_CTL_LISTS_ADD,
    SS_CTL_LISTS_REMOVE,
};

enum ss_sender_list { SS_LIST_BLOCK, SS_LIST_ALLOW, SS_LIST_COUNT };

struct ss_ctl_request {
    enum ss_ctl_verb verb;
    enum ss_sender_list list; /* lists add / remove */
    const char *arg;          /* push: PATH; lists add / remove: SENDER; */
    size_t arg_len;           /* points into the parsed line */
};

/* One request line without its '\n'. SS_OK; SS_OVERSIZE for a line or
 * argument over its bound; SS_BAD_VALUE for a control character (or NUL)
 * in it; SS_BAD_TAG for an unknown verb or list; SS_BAD_LENGTH for a
 * missing or unexpected argument. */
enum ss_result ss_ctl_parse(const char *line, size_t len, struct ss_ctl_request *rq);

/* The request line with its '\n' (the client side); 0 if it does not fit
 * in cap or would not parse back. */
size_t ss_ctl_format(const struct ss_ctl_request *rq, char *buf, size_t cap);

const char *ss_sender_list_name(enum ss_sender_list l);

/* A reply being written: a bounded buffer that records overflow rather
 * than truncating silently. */
struct ss_ctl_reply {
    char buf[SS_CTL_REPLY_MAX];
    size_t len;
    bool overflow;
};

void ss_ctl_reply_raw(struct ss_ctl_reply *r, const char *s);
/* printf-style append of non-string members (numbers, punctuation). */
void ss_ctl_reply_fmt(struct ss_ctl_reply *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A JSON string value, quoted and escaped. */
void ss_ctl_reply_str(struct ss_ctl_reply *r, const char *s, size_t n);
/* The whole reply {"ok":false,"error":"msg"}\n. */
void ss_ctl_reply_error(struct ss_ctl_reply *r, const char *msg);
/* Length of the finished reply (with its '\n' appended), or of an error
 * reply saying it did not fit. */
size_t ss_ctl_reply_end(struct ss_ctl_reply *r);

/* The client side: whether a reply line says ok, and its error message
 * unescaped into buf (empty if none). */
bool ss_ctl_reply_is_ok(const char *reply, size_t len);
void ss_ctl_reply_error_text(const char *reply, size_t len, char *buf, size_t cap);

#endif
