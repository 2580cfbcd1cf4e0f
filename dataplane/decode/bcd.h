/* Semi-octet (BCD / TBCD) digit strings: SCCP global titles (Q.713 §3.4.2.3),
 * MAP AddressString and IMSI (TS 29.002 §17.7.8), TP addresses (TS 23.040
 * §9.1.2.5). Low nibble first. Nibbles 0-9 give '0'-'9'; 0xA '*', 0xB '#',
 * 0xC 'a', 0xD 'b', 0xE 'c'; 0xF is a filler and ends the string. */
#ifndef SS_BCD_H
#define SS_BCD_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"

/* Longest digit string any decoder keeps (AddressString is at most 20
 * octets: 1 octet of nature/plan, 19 of digits = 38 digits). */
#define SS_DIGITS_MAX 40

/* Decodes at most max_digits digits from n bytes into out (NUL-terminated).
 * Stops early at a 0xF filler. out must hold SS_DIGITS_MAX + 1 bytes; the
 * bytes after the NUL are left as they were or set to zero, so an out
 * that was zero-filled stays so past the string. Reads no byte past
 * p[n - 1]. Returns SS_OVERSIZE if more than SS_DIGITS_MAX digits would
 * be written. */
enum ss_result ss_bcd_decode(const uint8_t *p, size_t n, size_t max_digits,
                             char out[SS_DIGITS_MAX + 1]);

#endif
