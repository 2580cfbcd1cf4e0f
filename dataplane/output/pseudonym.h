/* Subscriber pseudonyms: what the monitoring outputs (verdict events and
 * the run summary) write in place of a subscriber's number or IMSI, so
 * that samples and reports can leave the operator's secure zone without
 * naming anyone, while one subscriber still has one name in every line.
 *
 * A pseudonym is "p:" and 32 hex digits of SipHash-2-4 with a 128-bit
 * output (libsodium's crypto_shorthash_siphashx24) of the identity's text
 * under a secret 128-bit key: a keyed pseudorandom function, so without
 * the key a pseudonym says nothing of the number, and with it the operator
 * finds a known number's pseudonym (`sigsiftctl pseudonym`). A new key
 * makes new, unlinkable pseudonyms.
 *
 * Written as they are: identities holding a non-digit (alphanumeric
 * senders: companies, by convention) and commercial ports (core/ports.h:
 * 106... by default, China's commercial SMS ports), which name
 * businesses, not people. An IMSI is always a pseudonym. */
#ifndef SS_PSEUDONYM_H
#define SS_PSEUDONYM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dataplane/core/ports.h"

#define SS_PSEUDONYM_KEY_BYTES 16
#define SS_PSEUDONYM_LEN       34 /* "p:" + 32 hex digits */
#define SS_PSEUDONYM_ERR_MAX   512

struct ss_pseudonym {
    uint8_t key[SS_PSEUDONYM_KEY_BYTES];
    struct ss_numbers ports; /* port prefixes (core/ports.h) */
};

/* Reads the key file at key_path (comment lines start with '#'; the one
 * other line holds 32 hex digits) and keeps a copy of ports. 0, or -1
 * with "FILE:LINE: what is wrong" in err. */
int ss_pseudonym_setup(struct ss_pseudonym *p, const char *key_path, const struct ss_numbers *ports,
                       char *err, size_t cap);

/* Writes a new random key file at path (mode 0600; refused if path
 * exists). 0, or -1 with the reason in err. */
int ss_pseudonym_new_key(const char *path, char *err, size_t cap);

/* "p:" and the hex of id[0..len)'s SipHash, NUL-terminated. */
void ss_pseudonym_of(const struct ss_pseudonym *p, const void *id, size_t len,
                     char out[SS_PSEUDONYM_LEN + 1]);

/* True when number (NUL-terminated) names a business and is written as
 * it is: it holds a non-digit or is a port (starts with a port prefix).
 * "" too. */
bool ss_pseudonym_keeps(const struct ss_pseudonym *p, const char *number);

/* What an output writes for a sender or recipient: the number itself
 * when ss_pseudonym_keeps says so, else its pseudonym, written in buf. */
const char *ss_pseudonym_party(const struct ss_pseudonym *p, const char *number,
                               char buf[SS_PSEUDONYM_LEN + 1]);

#endif
