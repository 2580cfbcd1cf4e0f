#include "tests/fuzz/check.h"

#include <stdint.h>
#include <string.h>

/* Deeper nesting than any event has is refused, not recursed into. */
#define DEPTH_MAX 16

struct cur {
    const unsigned char *p, *end;
};

static bool value(struct cur *c, int depth);

static void skip_ws(struct cur *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static bool eat(struct cur *c, char ch)
{
    skip_ws(c);
    if (c->p == c->end || *c->p != (unsigned char)ch)
        return false;
    c->p++;
    return true;
}

static bool word(struct cur *c, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0)
        return false;
    c->p += n;
    return true;
}

static bool digits(struct cur *c)
{
    const unsigned char *start = c->p;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
        c->p++;
    return c->p > start;
}

/* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
static bool number(struct cur *c)
{
    if (c->p < c->end && *c->p == '-')
        c->p++;
    if (c->p < c->end && *c->p == '0')
        c->p++;
    else if (!digits(c))
        return false;
    if (c->p < c->end && *c->p == '.') {
        c->p++;
        if (!digits(c))
            return false;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
            c->p++;
        if (!digits(c))
            return false;
    }
    return true;
}

static bool hex4(struct cur *c, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++, c->p++) {
        if (c->p == c->end)
            return false;
        unsigned char h = *c->p;
        unsigned d = h >= '0' && h <= '9'   ? h - '0'
                     : h >= 'a' && h <= 'f' ? h - 'a' + 10u
                     : h >= 'A' && h <= 'F' ? h - 'A' + 10u
                                            : 16u;
        if (d == 16)
            return false;
        *v = *v << 4 | d;
    }
    return true;
}

/* After the backslash. */
static bool escape(struct cur *c)
{
    if (c->p == c->end)
        return false;
    unsigned char e = *c->p++;
    if (e != '\0' && strchr("\"\\/bfnrt", e))
        return true;
    unsigned u, lo;
    if (e != 'u' || !hex4(c, &u))
        return false;
    if (u >= 0xdc00 && u <= 0xdfff)
        return false;
    if (u < 0xd800 || u > 0xdbff)
        return true;
    return word(c, "\\u") && hex4(c, &lo) && lo >= 0xdc00 && lo <= 0xdfff;
}

/* One UTF-8 sequence of two to four bytes starting at a lead >= 0x80. */
static bool utf8_seq(struct cur *c)
{
    unsigned char b = *c->p;
    unsigned n, cp;
    if (b >= 0xc2 && b <= 0xdf)
        n = 1, cp = b & 0x1fu;
    else if (b >= 0xe0 && b <= 0xef)
        n = 2, cp = b & 0x0fu;
    else if (b >= 0xf0 && b <= 0xf4)
        n = 3, cp = b & 0x07u;
    else
        return false;
    if ((size_t)(c->end - c->p) <= n)
        return false;
    for (unsigned i = 1; i <= n; i++) {
        if ((c->p[i] & 0xc0) != 0x80)
            return false;
        cp = cp << 6 | (c->p[i] & 0x3fu);
    }
    static const unsigned min[4] = {0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return false;
    c->p += n + 1;
    return true;
}

/* After the opening quote. */
static bool string(struct cur *c)
{
    while (c->p < c->end) {
        unsigned char b = *c->p;
        if (b == '"') {
            c->p++;
            return true;
        }
        if (b < 0x20)
            return false;
        if (b == '\\') {
            c->p++;
            if (!escape(c))
                return false;
        } else if (b < 0x80) {
            c->p++;
        } else if (!utf8_seq(c)) {
            return false;
        }
    }
    return false;
}

/* After the opening brace or bracket: members until close. */
static bool members(struct cur *c, char close, bool keyed, int depth)
{
    if (eat(c, close))
        return true;
    do {
        if (keyed && !(eat(c, '"') && string(c) && eat(c, ':')))
            return false;
        if (!value(c, depth + 1))
            return false;
    } while (eat(c, ','));
    return eat(c, close);
}

static bool value(struct cur *c, int depth)
{
    if (depth > DEPTH_MAX)
        return false;
    skip_ws(c);
    if (c->p == c->end)
        return false;
    switch (*c->p++) {
    case '{':
        return members(c, '}', true, depth);
    case '[':
        return members(c, ']', false, depth);
    case '"':
        return string(c);
    case 't':
        return word(c, "rue");
    case 'f':
        return word(c, "alse");
    case 'n':
        return word(c, "ull");
    default:
        c->p--;
        return number(c);
    }
}

bool ss_check_utf8(const char *s, size_t n)
{
    struct cur c = {(const unsigned char *)s, (const unsigned char *)s + n};
    while (c.p < c.end) {
        if (*c.p < 0x80)
            c.p++;
        else if (!utf8_seq(&c))
            return false;
    }
    return true;
}

bool ss_check_json(const char *s, size_t n)
{
    struct cur c = {(const unsigned char *)s, (const unsigned char *)s + n};
    if (!value(&c, 0))
        return false;
    skip_ws(&c);
    return c.p == c.end;
}
