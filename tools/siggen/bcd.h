/* Semi-octet digit strings: TBCD (TS 29.002 §17.7.8, TS 23.040 §9.1.2.3,
 * filler 0xF) and SCCP global-title BCD (Q.713 §3.4.2.3.1, filler 0). */
#ifndef SG_BCD_H
#define SG_BCD_H

#include "buf.h"

/* Appends the digits two per octet, first digit in the low nibble. */
void sg_bcd_put(struct sg_buf *b, const char *digits, uint8_t filler);
/* Same, for n digits of a string that need not end there. */
void sg_bcd_put_n(struct sg_buf *b, const char *digits, size_t n, uint8_t filler);

#endif
