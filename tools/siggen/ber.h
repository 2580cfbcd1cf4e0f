/* BER TLV writer (ITU-T X.690 §8.1): definite lengths in the shortest form,
 * or the indefinite form (0x80 ... 00 00) for constructed values. */
#ifndef SG_BER_H
#define SG_BER_H

#include <stdbool.h>
#include "buf.h"

struct sg_ber_mark {
    size_t content; /* offset where the content starts */
    bool indefinite;
};

/* Writes the tag of a constructed value; close it with sg_ber_close. */
struct sg_ber_mark sg_ber_open(struct sg_buf *b, uint8_t tag, bool indefinite);
void sg_ber_close(struct sg_buf *b, struct sg_ber_mark m);
void sg_ber_prim(struct sg_buf *b, uint8_t tag, const void *value, size_t n);
void sg_ber_int(struct sg_buf *b, uint8_t tag, uint8_t value);

#endif
