/* A bounded JSON object writer into a caller's buffer: no allocation, and
 * a write that does not fit marks the buffer overflowed instead of
 * truncating silently. */
#ifndef SS_JSON_H
#define SS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* The members' writers take the key's length. Callers use the inline
 * wrappers below, whose strlen(key) the compiler folds for a literal key:
 * an event line has about twenty members. */
void ss_json_str_k(struct ss_json *j, const char *key, size_t key_len, const char *s, size_t n);
void ss_json_uint_k(struct ss_json *j, const char *key, size_t key_len, uint64_t v);
void ss_json_null_k(struct ss_json *j, const char *key, size_t key_len);
void ss_json_bool_k(struct ss_json *j, const char *key, size_t key_len, bool v);
void ss_json_time_k(struct ss_json *j, const char *key, size_t key_len, uint64_t ns);
void ss_json_str_array_k(struct ss_json *j, const char *key, size_t key_len,
                         const char *const *items, unsigned n);

static inline void ss_json_str(struct ss_json *j, const char *key, const char *s, size_t n)
{
    ss_json_str_k(j, key, strlen(key), s, n);
}

static inline void ss_json_cstr(struct ss_json *j, const char *key, const char *s)
{
    ss_json_str_k(j, key, strlen(key), s, strlen(s));
}

static inline void ss_json_uint(struct ss_json *j, const char *key, uint64_t v)
{
    ss_json_uint_k(j, key, strlen(key), v);
}

static inline void ss_json_bool(struct ss_json *j, const char *key, bool v)
{
    ss_json_bool_k(j, key, strlen(key), v);
}

static inline void ss_json_null(struct ss_json *j, const char *key)
{
    ss_json_null_k(j, key, strlen(key));
}

/* A string member, or null when present is false. */
static inline void ss_json_str_or_null(struct ss_json *j, const char *key, bool present,
                                       const char *s)
{
    if (present)
        ss_json_cstr(j, key, s);
    else
        ss_json_null(j, key);
}

/* Seconds with six decimals from nanoseconds. */
static inline void ss_json_time(struct ss_json *j, const char *key, uint64_t ns)
{
    ss_json_time_k(j, key, strlen(key), ns);
}

/* An array of n strings. */
static inline void ss_json_str_array(struct ss_json *j, const char *key, const char *const *items,
                                     unsigned n)
{
    ss_json_str_array_k(j, key, strlen(key), items, n);
}

#endif
