/* A bounded JSON object writer into a caller's buffer: no allocation, and
 * a write that does not fit marks the buffer overflowed instead of
 * truncating silently. */
#ifndef SS_JSON_H
#define SS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ss_json {
    char *buf;
    size_t cap;
    size_t len;
    bool overflow;
    bool first; /* no member written yet in the current object */
};

void ss_json_begin(struct ss_json *j, char *buf, size_t cap);
/* Closes the object and appends '\n'. Returns the line length, 0 when it
 * did not fit. */
size_t ss_json_end(struct ss_json *j);
void ss_json_str(struct ss_json *j, const char *key, const char *s, size_t n);
void ss_json_cstr(struct ss_json *j, const char *key, const char *s);
/* A string member, or null when present is false. */
void ss_json_str_or_null(struct ss_json *j, const char *key, bool present, const char *s);
void ss_json_uint(struct ss_json *j, const char *key, uint64_t v);
void ss_json_null(struct ss_json *j, const char *key);
/* Seconds with six decimals from nanoseconds. */
void ss_json_time(struct ss_json *j, const char *key, uint64_t ns);
/* An array of n strings. */
void ss_json_str_array(struct ss_json *j, const char *key, const char *const *items, unsigned n);

#endif
