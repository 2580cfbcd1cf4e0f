/* Control replies for people (ctl_print.h): a small JSON reader into a
 * node array, then members, lists and tables. Runs once per sigsiftctl
 * command, so clarity wins over speed; every read is bounded by len. */
#include "control/ctl_print.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "control/ctl_client.h"
#include "dataplane/ctl/proto.h"

#define NODES_MAX 16384 /* lists show: two lists of 4096 senders */
#define DEPTH_MAX 8
#define COLS_MAX  24
#define CELL_MAX  160
#define TEXT_MAX  4096

enum jtype { J_SCALAR, J_STRING, J_OBJECT, J_ARRAY };

struct jnode {
    enum jtype type;
    const char *key, *v; /* key: escaped string body; v: scalar, string body or raw JSON */
    size_t key_len, v_len;
    int child, next; /* -1: none */
};

struct jreader {
    const char *p, *end;
    struct jnode *n;
    int count;
};

static void skip_ws(struct jreader *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

/* At a '"': the body up to the closing quote, escapes left in. */
static bool read_string(struct jreader *j, const char **s, size_t *len)
{
    const char *q = ++j->p;
    while (q < j->end && *q != '"')
        q += (*q == '\\' && q + 1 < j->end) ? 2 : 1;
    if (q >= j->end)
        return false;
    *s = j->p;
    *len = (size_t)(q - j->p);
    j->p = q + 1;
    return true;
}

static int new_node(struct jreader *j, enum jtype t)
{
    if (j->count == NODES_MAX)
        return -1;
    j->n[j->count] = (struct jnode){.type = t, .v = j->p, .child = -1, .next = -1};
    return j->count++;
}

static int read_value(struct jreader *j, int depth);

/* The members or elements of an object or array, linked as children. */
static bool read_children(struct jreader *j, int at, int depth)
{
    bool object = j->n[at].type == J_OBJECT;
    char close = object ? '}' : ']';
    int last = -1;
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == close) {
        j->p++;
        return true;
    }
    for (;;) {
        const char *key = NULL;
        size_t key_len = 0;
        skip_ws(j);
        if (object) {
            if (j->p >= j->end || *j->p != '"' || !read_string(j, &key, &key_len))
                return false;
            skip_ws(j);
            if (j->p >= j->end || *j->p++ != ':')
                return false;
        }
        int c = read_value(j, depth + 1);
        if (c < 0)
            return false;
        j->n[c].key = key;
        j->n[c].key_len = key_len;
        *(last < 0 ? &j->n[at].child : &j->n[last].next) = c;
        last = c;
        skip_ws(j);
        if (j->p >= j->end)
            return false;
        if (*j->p == close) {
            j->p++;
            return true;
        }
        if (*j->p++ != ',')
            return false;
    }
}

static int read_value(struct jreader *j, int depth)
{
    skip_ws(j);
    if (j->p >= j->end || depth > DEPTH_MAX)
        return -1;
    char c = *j->p;
    int at = new_node(j, c == '{' ? J_OBJECT : c == '[' ? J_ARRAY : c == '"' ? J_STRING : J_SCALAR);
    if (at < 0)
        return -1;
    struct jnode *n = &j->n[at];
    if (n->type == J_STRING)
        return read_string(j, &n->v, &n->v_len) ? at : -1;
    if (n->type == J_SCALAR) {
        while (j->p < j->end && *j->p != '\0' && strchr("+-.0123456789eEtruefalsn", *j->p) != NULL)
            j->p++;
        n->v_len = (size_t)(j->p - n->v);
        return n->v_len > 0 ? at : -1;
    }
    if (!read_children(j, at, depth))
        return -1;
    j->n[at].v_len = (size_t)(j->p - j->n[at].v);
    return at;
}

/* One BMP code point as UTF-8 at out[o], if it fits; the new length. */
static size_t put_utf8(char *out, size_t cap, size_t o, unsigned cp)
{
    char b[3];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | cp >> 6);
        b[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else {
        b[0] = (char)(0xe0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    }
    if (o + n >= cap)
        return o;
    memcpy(out + o, b, n);
    return o + n;
}

/* A string body unescaped (\uXXXX as UTF-8; control characters as
 * '?', so a reply cannot move the terminal's cursor). */
static size_t unescape(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < cap; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < len) {
            c = s[++i];
            if (c == 'u' && i + 4 < len) {
                unsigned cp = (unsigned)strtoul(
                    (char[5]){s[i + 1], s[i + 2], s[i + 3], s[i + 4], 0}, NULL, 16);
                i += 4;
                o = put_utf8(out, cap, o, cp < 0x20 ? '?' : cp);
                continue;
            }
            c = c == 'n' || c == 't' || c == 'r' || c == 'b' || c == 'f' ? '?' : c;
        }
        out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

/* A value as one line of text: strings unquoted, the rest as written. */
static void text_of(const struct jnode *n, char *out, size_t cap)
{
    if (n->type == J_STRING) {
        unescape(n->v, n->v_len, out, cap);
        return;
    }
    size_t k = n->v_len < cap - 1 ? n->v_len : cap - 1;
    memcpy(out, n->v, k);
    out[k] = '\0';
}

/* Columns on a terminal: UTF-8 lead bytes. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xc0) != 0x80;
    return w;
}

static void pad(FILE *f, const char *s, size_t w)
{
    fputs(s, f);
    for (size_t k = width(s); k < w; k++)
        fputc(' ', f);
}

/* Members named "at" or "..._at" hold Unix seconds (ctl/proto.h). */
static bool is_time_key(const char *k)
{
    size_t n = strlen(k);
    return strcmp(k, "at") == 0 || (n > 3 && strcmp(k + n - 3, "_at") == 0);
}

/* Unix seconds (decimals kept as written) as an ISO 8601 UTC time,
 * "2023-11-14T22:13:20.479849Z"; other text is left as it is. */
static void utc_time(char *s, size_t cap)
{
    char *end;
    long long secs = strtoll(s, &end, 10);
    struct tm tm;
    time_t t = (time_t)secs;
    size_t frac = strspn(end, ".0123456789");
    if (end == s || *s == '-' || end[frac] != '\0' || (frac > 0 && *end != '.') ||
        gmtime_r(&t, &tm) == NULL)
        return;
    char date[32], fraction[CELL_MAX];
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(fraction, sizeof fraction, "%s", end);
    snprintf(s, cap, "%s%sZ", date, fraction);
}

static bool key_is(const struct jnode *n, const char *k)
{
    return n->key_len == strlen(k) && memcmp(n->key, k, n->key_len) == 0;
}

struct table {
    const struct jnode *nodes;
    char col[COLS_MAX][CELL_MAX];
    size_t w[COLS_MAX];
    int n_cols;
};

static int column(struct table *t, const struct jnode *m)
{
    char k[CELL_MAX];
    unescape(m->key, m->key_len, k, sizeof k);
    for (int c = 0; c < t->n_cols; c++)
        if (strcmp(t->col[c], k) == 0)
            return c;
    if (t->n_cols == COLS_MAX)
        return -1;
    memcpy(t->col[t->n_cols], k, sizeof k);
    t->w[t->n_cols] = width(k);
    return t->n_cols++;
}

/* One row's cells by column ("-" where the object lacks the key). */
static void row_cells(struct table *t, const struct jnode *obj, char cells[][CELL_MAX])
{
    for (int c = 0; c < COLS_MAX; c++)
        strcpy(cells[c], "-");
    for (int m = obj->child; m >= 0; m = t->nodes[m].next) {
        int c = column(t, &t->nodes[m]);
        if (c < 0)
            continue;
        text_of(&t->nodes[m], cells[c], CELL_MAX);
        if (t->nodes[m].type == J_SCALAR && is_time_key(t->col[c]))
            utc_time(cells[c], CELL_MAX);
    }
}

static void print_table(FILE *f, const struct jnode *nodes, const struct jnode *arr)
{
    static struct table t;
    static char cells[COLS_MAX][CELL_MAX];
    t.nodes = nodes;
    t.n_cols = 0;
    for (int e = arr->child; e >= 0; e = nodes[e].next) {
        row_cells(&t, &nodes[e], cells);
        for (int c = 0; c < t.n_cols; c++)
            t.w[c] = width(cells[c]) > t.w[c] ? width(cells[c]) : t.w[c];
    }
    fputs("  ", f);
    for (int c = 0; c < t.n_cols; c++)
        pad(f, t.col[c], c + 1 < t.n_cols ? t.w[c] + 2 : 0);
    fputc('\n', f);
    for (int e = arr->child; e >= 0; e = nodes[e].next) {
        row_cells(&t, &nodes[e], cells);
        fputs("  ", f);
        for (int c = 0; c < t.n_cols; c++)
            pad(f, cells[c], c + 1 < t.n_cols ? t.w[c] + 2 : 0);
        fputc('\n', f);
    }
}

static void print_member(FILE *f, const struct jnode *nodes, const struct jnode *m, size_t kw)
{
    static char key[CELL_MAX], text[TEXT_MAX];
    unescape(m->key, m->key_len, key, sizeof key - 1); /* room for the ':' */
    size_t n = 0;
    for (int e = m->child; e >= 0; e = nodes[e].next)
        n++;
    if (m->type == J_ARRAY && n > 0 && nodes[m->child].type == J_OBJECT) {
        fprintf(f, "%s:\n", key);
        print_table(f, nodes, m);
    } else if (m->type == J_ARRAY || m->type == J_OBJECT) {
        fprintf(f, "%s (%zu)%s\n", key, n, n ? ":" : "");
        for (int e = m->child; e >= 0; e = nodes[e].next) {
            text_of(&nodes[e], text, sizeof text);
            if (nodes[e].key != NULL) {
                unescape(nodes[e].key, nodes[e].key_len, key, sizeof key);
                fprintf(f, "  %s: %s\n", key, text);
            } else {
                fprintf(f, "  %s\n", text);
            }
        }
    } else {
        text_of(m, text, sizeof text);
        if (m->type == J_SCALAR && is_time_key(key))
            utc_time(text, sizeof text);
        strcat(key, ":");
        pad(f, key, kw + 2);
        fprintf(f, "%s\n", text);
    }
}

bool ss_ctl_print_human(FILE *f, const char *reply, size_t len)
{
    struct jnode *nodes = malloc(NODES_MAX * sizeof *nodes);
    struct jreader j = {reply, reply + len, nodes, 0};
    bool ok = nodes != NULL && read_value(&j, 0) == 0 && nodes[0].type == J_OBJECT;
    skip_ws(&j);
    ok = ok && j.p == j.end;
    size_t kw = 0;
    for (int m = ok ? nodes[0].child : -1; m >= 0; m = nodes[m].next)
        kw = nodes[m].key_len > kw ? nodes[m].key_len : kw;
    for (int m = ok ? nodes[0].child : -1; m >= 0; m = nodes[m].next)
        if (!key_is(&nodes[m], "ok"))
            print_member(f, nodes, &nodes[m], kw);
    free(nodes);
    return ok;
}

int ss_ctl_refused(bool json, const char *why)
{
    static struct ss_ctl_reply r;
    if (json) {
        ss_ctl_reply_error(&r, why);
        fwrite(r.buf, 1, ss_ctl_reply_end(&r), stdout);
    }
    fprintf(stderr, "sigsiftctl: %s\n", why);
    return SS_CTL_EXIT_REFUSED;
}

int ss_ctl_usage_error(const char *form)
{
    fprintf(stderr, "sigsiftctl: usage: %s\n", form);
    return SS_CTL_EXIT_USAGE;
}
