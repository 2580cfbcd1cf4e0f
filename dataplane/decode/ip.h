/* IPv4 (RFC 791, options skipped by IHL) and IPv6 (RFC 8200, extension
 * headers walked). The payload is trimmed to the IP length, so Ethernet
 * padding never reaches SCTP. Fragments return SS_FRAGMENT. */
#ifndef SS_IP_H
#define SS_IP_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

struct ss_ip {
    uint8_t version;     /* 4 or 6 */
    uint8_t proto;       /* upper-layer protocol (132 for SCTP) */
    uint8_t addr_len;    /* 4 or 16 */
    const uint8_t *src;  /* addr_len bytes, into the frame */
    const uint8_t *dst;
    const uint8_t *payload;
    size_t len;
};

/* ethertype selects v4/v6 (raw IP: pass 0 and the version nibble decides). */
enum ss_result ss_ip_decode(const uint8_t *p, size_t len, uint16_t ethertype, struct ss_ip *out);

#endif
