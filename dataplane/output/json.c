#include "dataplane/output/json.h"

#include <string.h>

static void put(struct ss_json *j, const char *s, size_t n)
{
    if (j->overflow || n > j->cap - j->len) {
        j->overflow = true;
        return;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
}

static void putc_(struct ss_json *j, char c)
{
    put(j, &c, 1);
}

void ss_json_begin(struct ss_json *j, char *buf, size_t cap)
{
    j->buf = buf;
    j->cap = cap;
    j->len = 0;
    j->overflow = false;
    j->first = true;
    putc_(j, '{');
}

size_t ss_json_end(struct ss_json *j)
{
    put(j, "}\n", 2);
    return j->overflow ? 0 : j->len;
}

static void key(struct ss_json *j, const char *k)
{
    if (!j->first)
        putc_(j, ',');
    j->first = false;
    putc_(j, '"');
    put(j, k, strlen(k));
    put(j, "\":", 2);
}

/* Whether any of the 8 bytes of w needs escaping: below 0x20, '"' or
 * '\\' (SWAR: a byte below 0x20, or equal to one of the two after the
 * xor, borrows into its high bit; bytes >= 0x80 are masked out by ~w).
 * A borrow can also mark bytes above a real hit, never a word without
 * one, and the caller walks a marked word byte by byte anyway. */
static bool word_needs_escape(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    uint64_t hits = (w - ones * 0x20) | (q - ones) | (b - ones);
    return (hits & ~w & high) != 0;
}

/* RFC 8259 §7: quote, backslash and control characters are escaped; all
 * other bytes (UTF-8 included) pass through. Eight bytes are checked at
 * a time; only a word holding a byte to escape is walked byte by byte. */
static void escaped(struct ss_json *j, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    putc_(j, '"');
    size_t run = 0, i = 0;
    while (i < n) {
        uint64_t w;
        if (n - i >= 8 && (memcpy(&w, s + i, 8), !word_needs_escape(w))) {
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)s[i++];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(j, s + run, i - 1 - run);
        run = i;
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(j, e, 2);
        } else {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(j, e, 6);
        }
    }
    put(j, s + run, n - run);
    putc_(j, '"');
}

void ss_json_str(struct ss_json *j, const char *k, const char *s, size_t n)
{
    key(j, k);
    escaped(j, s, n);
}

void ss_json_cstr(struct ss_json *j, const char *k, const char *s)
{
    ss_json_str(j, k, s, strlen(s));
}

void ss_json_str_or_null(struct ss_json *j, const char *k, bool present, const char *s)
{
    if (present)
        ss_json_cstr(j, k, s);
    else
        ss_json_null(j, k);
}

/* Decimal digits of v, at least min_digits (zero-padded), written
 * backwards ending at end; returns the first. No format call: this runs
 * for every field of every event. */
static char *decimal(char *end, uint64_t v, int min_digits)
{
    char *p = end;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0 || end - p < min_digits);
    return p;
}

void ss_json_uint(struct ss_json *j, const char *k, uint64_t v)
{
    char num[24], *end = num + sizeof num;
    char *p = decimal(end, v, 1);
    key(j, k);
    put(j, p, (size_t)(end - p));
}

void ss_json_null(struct ss_json *j, const char *k)
{
    key(j, k);
    put(j, "null", 4);
}

void ss_json_time(struct ss_json *j, const char *k, uint64_t ns)
{
    char num[32], *end = num + sizeof num;
    char *p = decimal(end, ns % 1000000000ull / 1000ull, 6);
    *--p = '.';
    p = decimal(p, ns / 1000000000ull, 1);
    key(j, k);
    put(j, p, (size_t)(end - p));
}

void ss_json_str_array(struct ss_json *j, const char *k, const char *const *items, unsigned n)
{
    key(j, k);
    putc_(j, '[');
    for (unsigned i = 0; i < n; i++) {
        if (i)
            putc_(j, ',');
        escaped(j, items[i], strlen(items[i]));
    }
    putc_(j, ']');
}
