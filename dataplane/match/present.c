/* Presentations of normalised text to the matcher; see present.h. */
#include "dataplane/match/present.h"

#include <stdio.h>
#include <string.h>

/* One whole code in each presentation, for `.` and negated classes. */
static const char remap_any_nonascii[] =
    "[\\x80-\\xba][\\xc0-\\xff]|\\xbe[\\xc0-\\xff]{3}|\\xbf[\\xc0-\\xff]{4}";
static const char utf16_any_nonascii[] = "[\\x80-\\xff]\\x00|[\\x00-\\xff][\\x01-\\xd7\\xe0-\\xff]"
                                         "|[\\x00-\\xff][\\xd8-\\xdb][\\x00-\\xff][\\xdc-\\xdf]";

static const char *const pres_names[] = {
#define SS_PRES_NAME(name, str) str,
    SS_PRESENTATION_LIST(SS_PRES_NAME)
#undef SS_PRES_NAME
};

const char *ss_presentation_name(enum ss_presentation p)
{
    return p < SS_PRES_COUNT ? pres_names[p] : "?";
}

bool ss_presentation_parse(const char *name, enum ss_presentation *out)
{
    for (int p = 0; p < SS_PRES_COUNT; p++) {
        if (strcmp(name, pres_names[p]) == 0) {
            *out = (enum ss_presentation)p;
            return true;
        }
    }
    return false;
}

/* RFC 3629 §3-4: no overlongs, no surrogates, nothing above U+10FFFF. */
static enum ss_result utf8_next(const uint8_t *in, size_t len, size_t *off, uint32_t *cp)
{
    static const uint32_t min[4] = {0, 0x80, 0x800, 0x10000};
    uint8_t b0 = in[*off];
    /* RFC 3629 §3: no lead byte above F7 (F8-FF began 5- and 6-byte forms). */
    size_t n = b0 < 0x80 ? 1 : b0 < 0xc0 ? 0 : b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : b0 < 0xf8 ? 4 : 0;
    if (n == 0)
        return SS_BAD_VALUE;
    if (len - *off < n)
        return SS_TRUNCATED;
    uint32_t v = n == 1 ? b0 : (uint32_t)(b0 & (0x7f >> n));
    for (size_t i = 1; i < n; i++) {
        if ((in[*off + i] & 0xc0) != 0x80)
            return SS_BAD_VALUE;
        v = v << 6 | (in[*off + i] & 0x3f);
    }
    if (v < min[n - 1] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return SS_BAD_VALUE;
    *cp = v;
    *off += n;
    return SS_OK;
}

static enum ss_result utf16le_next(const uint8_t *in, size_t len, size_t *off, uint32_t *cp)
{
    if (len - *off < 2)
        return SS_TRUNCATED;
    uint32_t u = (uint32_t)in[*off] | (uint32_t)in[*off + 1] << 8;
    if (u >= 0xdc00 && u <= 0xdfff)
        return SS_BAD_VALUE;
    if (u < 0xd800 || u > 0xdbff) {
        *cp = u;
        *off += 2;
        return SS_OK;
    }
    if (len - *off < 4)
        return SS_TRUNCATED;
    uint32_t lo = (uint32_t)in[*off + 2] | (uint32_t)in[*off + 3] << 8;
    if (lo < 0xdc00 || lo > 0xdfff)
        return SS_BAD_VALUE;
    *cp = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
    *off += 4;
    return SS_OK;
}

static enum ss_result remap_next(const uint8_t *in, size_t len, size_t *off, uint32_t *cp)
{
    uint8_t b0 = in[*off];
    if (b0 < 0x80) {
        *cp = b0;
        *off += 1;
        return SS_OK;
    }
    size_t trails = b0 <= SS_REMAP_LEAD_LAST ? 1
                    : b0 == SS_REMAP_ESC3    ? 3
                    : b0 == SS_REMAP_ESC4    ? 4
                                             : 0;
    if (trails == 0)
        return SS_BAD_VALUE;
    if (len - *off < 1 + trails)
        return SS_TRUNCATED;
    uint32_t v = 0;
    for (size_t i = 1; i <= trails; i++) {
        if (in[*off + i] < SS_REMAP_TRAIL)
            return SS_BAD_VALUE;
        v = v << 6 | (in[*off + i] - SS_REMAP_TRAIL);
    }
    if (trails == 1) {
        v += (uint32_t)(b0 - SS_REMAP_LEAD) * 64;
        if (v >= SS_CJK_CODES)
            return SS_BAD_VALUE;
        v = ss_cjk_cp[v];
    }
    *cp = v;
    *off += 1 + trails;
    return SS_OK;
}

enum ss_result ss_present_next(enum ss_presentation p, const uint8_t *in, size_t len, size_t *off,
                               uint32_t *cp)
{
    if (*off >= len)
        return SS_END;
    switch (p) {
    case SS_PRES_UTF8:
        return utf8_next(in, len, off, cp);
    case SS_PRES_UTF16LE:
        return utf16le_next(in, len, off, cp);
    default:
        return remap_next(in, len, off, cp);
    }
}

/* Regex rewriting: a bounded string builder and one function per atom. */
struct rw {
    enum ss_presentation p;
    char *out;
    size_t cap, len;
    bool full;
};

static void put(struct rw *w, const char *s, size_t n)
{
    if (w->len + n >= w->cap) {
        w->full = true;
        return;
    }
    memcpy(w->out + w->len, s, n);
    w->len += n;
    w->out[w->len] = '\0';
}

static void put_str(struct rw *w, const char *s)
{
    put(w, s, strlen(s));
}

/* An atom that matches one ASCII byte (a char, an escape, a class). */
static void put_ascii_atom(struct rw *w, const char *a, size_t n)
{
    if (w->p == SS_PRES_UTF16LE) {
        put_str(w, "(?:");
        put(w, a, n);
        put_str(w, "\\x00)");
    } else {
        put(w, a, n);
    }
}

/* A negated ASCII class body (between "[^" and "]") that must still
 * match any one non-ASCII code. */
static void put_negated(struct rw *w, const char *body, size_t n)
{
    put_str(w, "(?:[^");
    put(w, body, n);
    put_str(w, "\\x80-\\xff]");
    if (w->p == SS_PRES_UTF16LE)
        put_str(w, "\\x00");
    put_str(w, "|");
    put_str(w, w->p == SS_PRES_UTF16LE ? utf16_any_nonascii : remap_any_nonascii);
    put_str(w, ")");
}

static void put_cp(struct rw *w, uint32_t cp)
{
    uint8_t b[SS_PRES_CODE_MAX];
    size_t n = 0;
    char hex[8];

    ss_present_cp(w->p, cp, b, sizeof b, &n);
    put_str(w, "(?:");
    for (size_t i = 0; i < n; i++) {
        snprintf(hex, sizeof hex, "\\x%02x", b[i]);
        put_str(w, hex);
    }
    put_str(w, ")");
}

/* Length of the class starting at re[0] == '[', or 0 if unterminated;
 * *ascii is false when it holds a non-ASCII byte. */
static size_t class_len(const char *re, bool *ascii)
{
    size_t i = 1;
    *ascii = true;
    if (re[i] == '^')
        i++;
    if (re[i] == ']')
        i++;
    for (; re[i] != '\0'; i++) {
        if ((uint8_t)re[i] >= 0x80)
            *ascii = false;
        if (re[i] == '\\' && re[i + 1] != '\0')
            i++;
        else if (re[i] == '[' && re[i + 1] == ':') {
            const char *end = strstr(re + i, ":]");
            if (end == NULL)
                return 0;
            i = (size_t)(end - re) + 1;
        } else if (re[i] == ']')
            return i + 1;
    }
    return 0;
}

static enum ss_result fail(char *err, size_t errcap, const char *msg)
{
    snprintf(err, errcap, "%s", msg);
    return SS_BAD_VALUE;
}

/* One escape at re[0] == '\\'; returns the bytes consumed, 0 on error. */
static size_t rewrite_escape(struct rw *w, const char *re)
{
    static const char *const negated[][2] = {
        {"D", "0-9"}, {"W", "0-9A-Za-z_"}, {"S", "\\t\\n\\f\\r\\x0b "}};
    if (re[1] == '\0' || (uint8_t)re[1] >= 0x80 || (re[1] == 'x' && re[2] == '{'))
        return 0;
    for (size_t i = 0; i < sizeof negated / sizeof negated[0]; i++) {
        if (re[1] == negated[i][0][0]) {
            put_negated(w, negated[i][1], strlen(negated[i][1]));
            return 2;
        }
    }
    size_t n = re[1] == 'x' ? 4 : 2;
    if (strnlen(re, n) < n)
        return 0;
    if (strchr("bBAzZG", re[1]) != NULL)
        put(w, re, n); /* assertions consume no code */
    else
        put_ascii_atom(w, re, n);
    return n;
}

enum ss_result ss_present_regex(enum ss_presentation p, const char *re, char *out, size_t cap,
                                char *err, size_t errcap)
{
    struct rw w = {p, out, cap, 0, false};
    size_t i = 0, len = strlen(re);

    if (cap == 0)
        return SS_OVERSIZE;
    out[0] = '\0';
    if (p == SS_PRES_UTF8) {
        put(&w, re, len);
        return w.full ? SS_OVERSIZE : SS_OK;
    }
    while (i < len && !w.full) {
        char c = re[i];
        if ((uint8_t)c >= 0x80) {
            uint32_t cp;
            if (utf8_next((const uint8_t *)re, len, &i, &cp) != SS_OK)
                return fail(err, errcap, "invalid UTF-8 in pattern");
            put_cp(&w, cp);
        } else if (c == '\\') {
            size_t n = rewrite_escape(&w, re + i);
            if (n == 0)
                return fail(err, errcap, "unsupported escape (\\x{...} or non-ASCII)");
            i += n;
        } else if (c == '[') {
            bool ascii;
            size_t n = class_len(re + i, &ascii);
            if (n == 0)
                return fail(err, errcap, "unterminated [...] class");
            if (!ascii)
                return fail(err, errcap, "non-ASCII character inside [...]; write (甲|乙) instead");
            if (re[i + 1] == '^')
                put_negated(&w, re + i + 2, n - 3);
            else
                put_ascii_atom(&w, re + i, n);
            i += n;
        } else if (c == '.') {
            put_negated(&w, "", 0);
            i++;
        } else if (c == '{') {
            const char *end = strchr(re + i, '}');
            size_t n = end ? (size_t)(end - (re + i)) + 1 : 1;
            put(&w, re + i, n);
            i += n;
        } else if (c == '(' && re[i + 1] == '?') {
            size_t n = strcspn(re + i, ":)");
            n += re[i + n] != '\0';
            put(&w, re + i, n); /* group syntax (?: (?i) is not text */
            i += n;
        } else if (strchr("()|*+?^$", c) != NULL) {
            put(&w, &c, 1);
            i++;
        } else {
            put_ascii_atom(&w, &c, 1);
            i++;
        }
    }
    return w.full ? SS_OVERSIZE : SS_OK;
}
