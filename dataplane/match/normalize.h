/* Text normalisation, applied identically to message texts and to rule
 * literals so that common evasion (full-width forms, case, spaces,
 * punctuation, zero-width characters, emoji or variant characters
 * inserted between characters) does not hide a keyword. rules/README.md
 * "Normalisation" lists exactly what is folded. */
#ifndef SS_NORMALIZE_H
#define SS_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "dataplane/decode/result.h"
#include "dataplane/match/present.h"

/* ss_norm_fold result for a code point that is removed. */
#define SS_NORM_DROP UINT32_MAX

/* Output bytes that are always enough for len input bytes: folding only
 * shrinks, and no presentation takes more than twice the UTF-8 length. */
#define SS_NORM_OUT_MAX(len) (2 * (len))

/* The folded form of one code point, or SS_NORM_DROP. */
uint32_t ss_norm_fold(uint32_t cp);

/* Normalises UTF-8 text in[0..len) and writes it in presentation p to
 * out[0..cap) (not NUL-terminated), setting *out_len. Bytes that are not
 * valid UTF-8 are dropped. SS_OVERSIZE (output cut at a code boundary)
 * when cap is below SS_NORM_OUT_MAX(len) and the text did not fit.
 * No allocation; one pass. */
enum ss_result ss_normalize(enum ss_presentation p, const char *in, size_t len, uint8_t *out,
                            size_t cap, size_t *out_len);

#endif
