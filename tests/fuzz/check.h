/* Strict checks of what the harnesses see come out, written apart from
 * the code they judge (dataplane/output/json.c, dataplane/match/present.c)
 * so that they are independent of it. */
#ifndef SS_FUZZ_CHECK_H
#define SS_FUZZ_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates,
 * nothing past U+10FFFF; NUL is a character like any other. */
bool ss_check_utf8(const char *s, size_t n);

/* JSON (RFC 8259): one value, nothing after it, strings of well-formed
 * UTF-8 without raw control characters, escapes only as §7 lists them,
 * \u surrogates only paired. */
bool ss_check_json(const char *s, size_t n);

#endif
