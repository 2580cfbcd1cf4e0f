/* Short-message text to UTF-8 (3GPP TS 23.038): GSM 7-bit default alphabet
 * and extension table, with fill bits after a UDH (TS 23.040 §9.2.3.24);
 * UCS2 big-endian with surrogate pairs. Characters that cannot be mapped
 * become U+FFFD and are counted. */
#ifndef SS_TEXT_H
#define SS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/decode/tpdu.h"

/* Worst case for one part: 160 septets of extension characters (€ is 3
 * bytes) or 70 UCS2 units of 3 bytes each. */
#define SS_PART_TEXT_MAX 512

/* Unpacks nsept septets, starting fill_bits into p. Returns septets written
 * (fewer when the data ends first). */
size_t ss_gsm7_unpack(const uint8_t *p, size_t len, size_t fill_bits, size_t nsept, uint8_t *sept);
/* Converts septets (default alphabet; 0x1b escapes to the extension table)
 * to UTF-8. *bad counts unmappable characters. */
enum ss_result ss_gsm7_to_utf8(const uint8_t *sept, size_t n, char *out, size_t cap, size_t *out_len,
                               unsigned *bad);
/* Septets in one part: 160 (TS 23.040 §9.2.3.16). */
#define SS_GSM7_PART_SEPTETS 160
/* ss_gsm7_unpack and ss_gsm7_to_utf8 in one pass, without the septet
 * array: nsept septets starting fill_bits (0..6) into p. SS_TRUNCATED
 * (out left empty) when the data holds fewer. */
enum ss_result ss_gsm7_packed_to_utf8(const uint8_t *p, size_t len, size_t fill_bits,
                                      size_t nsept, char *out, size_t cap, size_t *out_len,
                                      unsigned *bad);
enum ss_result ss_ucs2_to_utf8(const uint8_t *p, size_t len, char *out, size_t cap, size_t *out_len,
                               unsigned *bad);
/* The text of one TPDU's user data, after its UDH. SS_UNSUPPORTED for 8-bit
 * data and compressed text (out is left empty). */
enum ss_result ss_text_decode(const struct ss_tpdu *t, char *out, size_t cap, size_t *out_len,
                              unsigned *bad);

#endif
