/* Short-message text in its two air encodings (TS 23.038): the GSM 7-bit
 * default alphabet with its extension table, and UCS2 (UTF-16BE code units).
 * Each corpus line is converted once at load time so the per-message path
 * only copies code units. */
#ifndef SG_SMS_TEXT_H
#define SG_SMS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SG_GSM7_ESCAPE 0x1b
#define SG_MAX_PARTS   16

struct sg_text {
    const char *label;
    const char *utf8;
    size_t utf8_len;
    bool gsm7_ok;     /* every character is in the default or extension table */
    uint8_t *septets; /* extension characters as 0x1B + code, TS 23.038 §6.2.1.1 */
    size_t n_septets;
    uint16_t *ucs2; /* characters beyond the BMP as surrogate pairs */
    size_t n_ucs2;
};

/* Fills the septet and UCS2 forms of t->utf8; false when it is not valid UTF-8. */
bool sg_text_prepare(struct sg_text *t);
void sg_text_release(struct sg_text *t);

/* Splits n units into parts of at most per_part units without separating an
 * escape from its character (GSM) or a surrogate pair (UCS2). start[] gets
 * each part's first unit and start[parts] == n. Returns the part count, or 0
 * when more than SG_MAX_PARTS would be needed. */
size_t sg_split_septets(const uint8_t *s, size_t n, size_t per_part, size_t *start);
size_t sg_split_ucs2(const uint16_t *u, size_t n, size_t per_part, size_t *start);

/* Packs septets into octets from septet position `skip` onwards (TS 23.038
 * §6.1.2.1.1); the leading octets are left for a user-data header. */
void sg_gsm7_pack(const uint8_t *septets, size_t n, size_t skip, uint8_t *out);
/* Septet value of an ASCII character in the default alphabet (alphanumeric
 * originator addresses); -1 when it has none. */
int sg_gsm7_septet(uint32_t cp);

#endif
