#include "dataplane/output/json.h"

#include <string.h>

/* Where the next n bytes go, or NULL when they do not fit: the object is
 * then marked overflowed and nothing more is written. Each member asks
 * once for its exact size (key, separators and value together) and
 * writes without further checks: an event line has about twenty members,
 * and a check per byte run cost more than the bytes. */
static char *room(struct ss_json *j, size_t n)
{
    if (j->overflow || n > j->cap - j->len) {
        j->overflow = true;
        return NULL;
    }
    return j->buf + j->len;
}

/* Copies n bytes; up to 16 as two overlapping loads and stores, without
 * a call: most pieces of a line (keys, digits, rule ids) are that short. */
static char *copy(char *p, const char *s, size_t n)
{
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(p, &a, 8);
        memcpy(p + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(p, &a, 4);
        memcpy(p + n - 4, &b, 4);
    } else if (n < 4) {
        for (size_t i = 0; i < n; i++)
            p[i] = s[i];
    } else {
        memcpy(p, s, n);
    }
    return p + n;
}

/* The size of ,"key": (no comma before the first member). */
static size_t key_size(const struct ss_json *j, size_t key_len)
{
    return !j->first + key_len + 3;
}

static char *key(struct ss_json *j, char *p, const char *k, size_t key_len)
{
    if (!j->first)
        *p++ = ',';
    j->first = false;
    *p++ = '"';
    p = copy(p, k, key_len);
    *p++ = '"';
    *p++ = ':';
    return p;
}

static void done(struct ss_json *j, const char *end)
{
    j->len = (size_t)(end - j->buf);
}

void ss_json_begin(struct ss_json *j, char *buf, size_t cap)
{
    j->buf = buf;
    j->cap = cap;
    j->len = 0;
    j->overflow = false;
    j->first = true;
    char *p = room(j, 1);
    if (p)
        done(j, copy(p, "{", 1));
}

size_t ss_json_end(struct ss_json *j)
{
    char *p = room(j, 2);
    if (p)
        done(j, copy(p, "}\n", 2));
    return j->overflow ? 0 : j->len;
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

static bool byte_needs_escape(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

/* Bytes of s before the first that needs escaping, from byte i on. */
static size_t walk_plain(const char *s, size_t n, size_t i)
{
    while (i < n && !byte_needs_escape((unsigned char)s[i]))
        i++;
    return i;
}

/* Whether the n < 8 bytes at s are all plain: loaded as two overlapping
 * halves (or first, middle and last byte), padded with 'a'. */
static bool short_is_plain(const char *s, size_t n)
{
    uint64_t w = 0x6161616161616161ull;
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        w = lo | (uint64_t)hi << 32;
    } else if (n > 0) {
        w = (w & ~0xffffffull) | (uint64_t)(unsigned char)s[0] |
            (uint64_t)(unsigned char)s[n / 2] << 8 | (uint64_t)(unsigned char)s[n - 1] << 16;
    }
    return !word_needs_escape(w);
}

/* Bytes of s before the first that needs escaping (n when none). Eight
 * are checked at a time, and the last few at once (members are mostly
 * short: keys, digits, rule ids); a string that holds one is walked byte
 * by byte from the word it is in. */
static size_t plain_prefix(const char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    for (; n - i >= 8 && (memcpy(&w, s + i, 8), !word_needs_escape(w)); i += 8)
        ;
    if (i == n)
        return n;
    if (n < 8)
        return short_is_plain(s, n) ? n : walk_plain(s, n, 0);
    if (n - i < 8 && (memcpy(&w, s + n - 8, 8), !word_needs_escape(w)))
        return n; /* the tail, as the last eight bytes */
    return walk_plain(s, n, i);
}

/* The size of s quoted, with RFC 8259 §7 escapes: quote and backslash
 * take two bytes, other control characters six (\u00XX); all other
 * bytes (UTF-8 included) pass through. plain: plain_prefix(s, n). */
static size_t quoted_size(const char *s, size_t n, size_t plain)
{
    size_t size = n + 2;
    for (size_t i = plain; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            size += 1;
        else if (c < 0x20)
            size += 5;
    }
    return size;
}

static char *quoted(char *p, const char *s, size_t n, size_t plain)
{
    static const char hex[] = "0123456789abcdef";
    *p++ = '"';
    p = copy(p, s, plain);
    for (size_t i = plain; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!byte_needs_escape(c)) {
            *p++ = (char)c;
        } else if (c == '"' || c == '\\') {
            *p++ = '\\';
            *p++ = (char)c;
        } else {
            p = copy(p, "\\u00", 4);
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        }
    }
    *p++ = '"';
    return p;
}

void ss_json_str_k(struct ss_json *j, const char *k, size_t key_len, const char *s, size_t n)
{
    size_t plain = plain_prefix(s, n);
    char *p = room(j, key_size(j, key_len) + quoted_size(s, n, plain));
    if (p)
        done(j, quoted(key(j, p, k, key_len), s, n, plain));
}

/* Decimal digits of v, at least min_digits (zero-padded), written
 * backwards ending at end, two at a time; returns the first. No format
 * call: this runs for every number of every event. */
static char *decimal(char *end, uint64_t v, int min_digits)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    char *p = end;
    for (; v >= 100; v /= 100)
        p = memcpy(p - 2, pairs + 2 * (v % 100), 2);
    if (v >= 10)
        p = memcpy(p - 2, pairs + 2 * v, 2);
    else
        *--p = (char)('0' + v);
    while (end - p < min_digits)
        *--p = '0';
    return p;
}

static void raw_member(struct ss_json *j, const char *k, size_t key_len, const char *v, size_t n)
{
    char *p = room(j, key_size(j, key_len) + n);
    if (p)
        done(j, copy(key(j, p, k, key_len), v, n));
}

void ss_json_uint_k(struct ss_json *j, const char *k, size_t key_len, uint64_t v)
{
    char num[24], *end = num + sizeof num;
    char *p = decimal(end, v, 1);
    raw_member(j, k, key_len, p, (size_t)(end - p));
}

void ss_json_null_k(struct ss_json *j, const char *k, size_t key_len)
{
    raw_member(j, k, key_len, "null", 4);
}

void ss_json_bool_k(struct ss_json *j, const char *k, size_t key_len, bool v)
{
    raw_member(j, k, key_len, v ? "true" : "false", v ? 4 : 5);
}

void ss_json_time_k(struct ss_json *j, const char *k, size_t key_len, uint64_t ns)
{
    char num[32], *end = num + sizeof num;
    char *p = decimal(end, ns % 1000000000ull / 1000ull, 6);
    *--p = '.';
    p = decimal(p, ns / 1000000000ull, 1);
    raw_member(j, k, key_len, p, (size_t)(end - p));
}

/* Checked per item: the items are walked once. A line that overflows
 * half way is refused whole by ss_json_end, like any other. */
void ss_json_str_array_k(struct ss_json *j, const char *k, size_t key_len, const char *const *items,
                         unsigned n)
{
    char *p = room(j, key_size(j, key_len) + 1);
    if (!p)
        return;
    done(j, copy(key(j, p, k, key_len), "[", 1));
    for (unsigned i = 0; i < n; i++) {
        size_t len = strlen(items[i]), plain = plain_prefix(items[i], len);
        p = room(j, (i > 0) + quoted_size(items[i], len, plain));
        if (!p)
            return;
        if (i)
            *p++ = ',';
        done(j, quoted(p, items[i], len, plain));
    }
    p = room(j, 1);
    if (p)
        done(j, copy(p, "]", 1));
}
