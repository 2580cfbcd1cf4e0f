/* A short list of numbers or number prefixes an operator gives on the
 * command line (--port-prefix, --report-number): digits only, bounded,
 * read by every worker. */
#ifndef SS_NUMBERS_H
#define SS_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "dataplane/decode/bcd.h"

#define SS_NUMBERS_MAX 16

struct ss_numbers {
    unsigned n;
    char number[SS_NUMBERS_MAX][SS_DIGITS_MAX + 1];
};

/* Adds number, 1 to max_digits (at most SS_DIGITS_MAX) digits. 0, or -1
 * with "WHAT 'NUMBER': expected 1 to N digits" or "WHAT 'NUMBER': more
 * than 16 given" in err. */
int ss_numbers_add(struct ss_numbers *l, const char *what, size_t max_digits, const char *number,
                   char *err, size_t cap);
/* number (NUL-terminated) starts with one of the list. */
bool ss_numbers_prefix_of(const struct ss_numbers *l, const char *number);
/* number is one of the list. */
bool ss_numbers_has(const struct ss_numbers *l, const char *number);
/* The list joined by sep into out ("106,1069"). */
void ss_numbers_text(const struct ss_numbers *l, const char *sep, char *out, size_t cap);

#endif
