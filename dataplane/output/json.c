#include "dataplane/output/json.h"

#include <stdio.h>
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

/* RFC 8259 §7: quote, backslash and control characters are escaped; all
 * other bytes (UTF-8 included) pass through. */
static void escaped(struct ss_json *j, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    putc_(j, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(j, s + run, i - run);
        run = i + 1;
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

void ss_json_uint(struct ss_json *j, const char *k, uint64_t v)
{
    char num[24];
    int n = snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
    key(j, k);
    put(j, num, (size_t)n);
}

void ss_json_null(struct ss_json *j, const char *k)
{
    key(j, k);
    put(j, "null", 4);
}

void ss_json_time(struct ss_json *j, const char *k, uint64_t ns)
{
    char num[32];
    int n = snprintf(num, sizeof(num), "%llu.%06llu", (unsigned long long)(ns / 1000000000ull),
                     (unsigned long long)(ns % 1000000000ull / 1000ull));
    key(j, k);
    put(j, num, (size_t)n);
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
