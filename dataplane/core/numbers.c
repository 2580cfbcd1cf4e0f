/* Number lists; see numbers.h. */
#include "dataplane/core/numbers.h"

#include <stdio.h>
#include <string.h>

int ss_numbers_add(struct ss_numbers *l, const char *what, size_t max_digits, const char *number,
                   char *err, size_t cap)
{
    size_t n = strlen(number);
    if (max_digits > SS_DIGITS_MAX)
        max_digits = SS_DIGITS_MAX;
    if (n == 0 || n > max_digits || strspn(number, "0123456789") != n) {
        snprintf(err, cap, "%s '%s': expected 1 to %zu digits", what, number, max_digits);
        return -1;
    }
    if (l->n == SS_NUMBERS_MAX) {
        snprintf(err, cap, "%s '%s': more than %d given", what, number, SS_NUMBERS_MAX);
        return -1;
    }
    memcpy(l->number[l->n++], number, n + 1);
    return 0;
}

bool ss_numbers_prefix_of(const struct ss_numbers *l, const char *number)
{
    for (unsigned i = 0; i < l->n; i++)
        if (strncmp(number, l->number[i], strlen(l->number[i])) == 0)
            return true;
    return false;
}

bool ss_numbers_has(const struct ss_numbers *l, const char *number)
{
    for (unsigned i = 0; i < l->n; i++)
        if (strcmp(number, l->number[i]) == 0)
            return true;
    return false;
}

void ss_numbers_text(const struct ss_numbers *l, const char *sep, char *out, size_t cap)
{
    size_t at = 0;
    out[0] = '\0';
    for (unsigned i = 0; i < l->n && at < cap; i++)
        at += (size_t)snprintf(out + at, cap - at, "%s%s", i ? sep : "", l->number[i]);
}
