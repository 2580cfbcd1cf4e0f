/* Rule-file loader; the format is specified in rules/README.md. */
#define _GNU_SOURCE /* qsort_r */
#include "dataplane/match/rules.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <hs/hs.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dataplane/match/normalize.h"
#include "dataplane/match/present.h"

#define DIR_DEPTH_MAX 8

static const char *const default_categories[] = {
    "fraud", "gambling", "pornography", "illegal", "phishing", "advertising",
};

static const char *const action_names[] = {"none", "pass", "alert", "block"};
static const char *const kind_names[] = {"literal", "regex", "combination"};

const char *ss_action_name(enum ss_action a)
{
    return (unsigned)a < 4 ? action_names[a] : "?";
}

const char *ss_rule_kind_name(enum ss_rule_kind k)
{
    return (unsigned)k < 3 ? kind_names[k] : "?";
}

struct loader {
    struct ss_rules *rs;
    const char *file;
    uint32_t line;
    char *err;
    size_t errcap;
};

static enum ss_result failf(struct loader *ld, const char *file, uint32_t line, const char *fmt,
                            ...)
{
    va_list ap;
    int n = line ? snprintf(ld->err, ld->errcap, "%s:%u: ", file, line)
                 : snprintf(ld->err, ld->errcap, "%s: ", file);
    if (n < 0 || (size_t)n >= ld->errcap)
        return SS_BAD_VALUE;
    va_start(ap, fmt);
    vsnprintf(ld->err + n, ld->errcap - (size_t)n, fmt, ap);
    va_end(ap);
    return SS_BAD_VALUE;
}

static int find_category(const struct ss_rules *rs, const char *name)
{
    for (unsigned i = 0; i < rs->n_categories; i++)
        if (strcmp(rs->category[i], name) == 0)
            return (int)i;
    return -1;
}

static enum ss_result add_category(struct loader *ld, const char *name)
{
    struct ss_rules *rs = ld->rs;
    if (find_category(rs, name) >= 0)
        return SS_OK;
    if (strlen(name) >= SS_CATEGORY_NAME_MAX)
        return failf(ld, ld->file, ld->line, "category name longer than %d bytes",
                     SS_CATEGORY_NAME_MAX - 1);
    if (rs->n_categories == SS_CATEGORY_MAX)
        return failf(ld, ld->file, ld->line, "more than %d categories", SS_CATEGORY_MAX);
    strcpy(rs->category[rs->n_categories++], name);
    return SS_OK;
}

static bool id_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == ':' || c == '-';
}

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n >= SS_RULE_ID_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!id_char(id[i]))
            return false;
    return true;
}

static int lookup(const char *word, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(word, names[i]) == 0)
            return i;
    return -1;
}

static enum ss_result parse_flags(struct loader *ld, const char *f, enum ss_rule_kind kind,
                                  uint8_t *flags)
{
    *flags = 0;
    if (strcmp(f, "-") == 0)
        return SS_OK;
    for (; *f; f++) {
        if (*f == 'q')
            *flags |= SS_RULE_QUIET;
        else if ((*f == 'i' || *f == 's') && kind == SS_KIND_REGEX)
            *flags |= *f == 'i' ? SS_RULE_CASELESS : SS_RULE_DOTALL;
        else
            return failf(ld, ld->file, ld->line, "flag '%c' not allowed on a %s rule", *f,
                         kind_names[kind]);
    }
    return SS_OK;
}

static enum ss_result check_literal(struct loader *ld, const char *pattern)
{
    uint8_t out[SS_NORM_OUT_MAX(SS_RULE_LINE_MAX)];
    size_t n;
    ss_normalize(SS_PRES_UTF8, pattern, strlen(pattern), out, sizeof out, &n);
    if (n == 0)
        return failf(ld, ld->file, ld->line, "literal is empty after normalisation");
    return SS_OK;
}

/* An ASCII punctuation character the regex wants to match literally
 * (outside [...], raw or escaped), or 0: normalised text never holds
 * one, so such a rule could never match. */
static char literal_punct(const char *re)
{
    static const char raw[] = "/:,;=@#%&'\"<>~`-_!";
    for (size_t i = 0; re[i]; i++) {
        if (re[i] == '[') {
            while (re[i + 1] && re[i + 1] != ']')
                i += re[i + 1] == '\\' && re[i + 2] ? 2 : 1;
        } else if (re[i] == '{' && strchr(re + i, '}')) {
            i = (size_t)(strchr(re + i, '}') - re); /* quantifier {m,n} */
        } else if (re[i] == '(' && re[i + 1] == '?') {
            i += strcspn(re + i, ":)"); /* group syntax such as (?: or (?i) */
            if (re[i] == '\0')
                return 0;
        } else if (re[i] == '\\' && re[i + 1]) {
            if (ispunct((unsigned char)re[i + 1]))
                return re[i + 1];
            i++;
        } else if (strchr(raw, re[i])) {
            return re[i];
        }
    }
    return 0;
}

/* Regexes are checked one by one so the bad line is named: Hyperscan's
 * own parser in the UTF-8 presentation, then the rewrite into the remap
 * presentation (which refuses a few constructs). */
static enum ss_result check_regex(struct loader *ld, const char *pattern, uint8_t flags)
{
    unsigned hf = HS_FLAG_UTF8 | (flags & SS_RULE_CASELESS ? HS_FLAG_CASELESS : 0) |
                  (flags & SS_RULE_DOTALL ? HS_FLAG_DOTALL : 0);
    hs_expr_info_t *info = NULL;
    hs_compile_error_t *ce = NULL;
    if (hs_expression_info(pattern, hf, &info, &ce) != HS_SUCCESS) {
        enum ss_result r = failf(ld, ld->file, ld->line, "bad regex: %s", ce->message);
        hs_free_compile_error(ce);
        return r;
    }
    bool empty = info->min_width == 0;
    free(info);
    if (empty)
        return failf(ld, ld->file, ld->line, "regex can match empty text");
    char punct = literal_punct(pattern);
    if (punct)
        return failf(ld, ld->file, ld->line,
                     "regex matches '%c', which normalisation removes from every text", punct);
    size_t cap = SS_PRES_REGEX_GROWTH * strlen(pattern) + 1;
    char *out = malloc(cap), msg[128] = "too long once presented";
    enum ss_result r = out ? ss_present_regex(SS_PRES_REMAP, pattern, out, cap, msg, sizeof msg)
                           : SS_OVERSIZE;
    free(out);
    return r == SS_OK ? SS_OK : failf(ld, ld->file, ld->line, "bad regex: %s", msg);
}

static enum ss_result check_combination(struct loader *ld, const char *pattern)
{
    for (const char *p = pattern; *p; p++)
        if (!id_char(*p) && !strchr("&|!() \t", *p))
            return failf(ld, ld->file, ld->line,
                         "combination may hold only rule ids and & | ! ( )");
    return SS_OK;
}

static enum ss_result push_rule(struct loader *ld, const struct ss_rule *r, const char *pattern)
{
    struct ss_rules *rs = ld->rs;
    if (rs->n == SS_RULES_MAX) {
        failf(ld, ld->file, ld->line, "more than %d rules", SS_RULES_MAX);
        return SS_OVERSIZE;
    }
    if (rs->n == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 256;
        struct ss_rule *v = realloc(rs->rule, cap * sizeof *v);
        if (v == NULL)
            return failf(ld, ld->file, ld->line, "out of memory");
        rs->rule = v;
        rs->cap = cap;
    }
    struct ss_rule *d = &rs->rule[rs->n];
    *d = *r;
    d->pattern = strdup(pattern);
    if (d->pattern == NULL)
        return failf(ld, ld->file, ld->line, "out of memory");
    d->file = ld->file;
    d->line = ld->line;
    rs->n++;
    return SS_OK;
}

/* Splits off the next whitespace-separated field of *s. */
static char *next_field(char **s)
{
    char *p = *s + strspn(*s, " \t");
    if (*p == '\0')
        return NULL;
    char *end = p + strcspn(p, " \t");
    if (*end)
        *end++ = '\0';
    *s = end;
    return p;
}

static enum ss_result parse_rule_line(struct loader *ld, char *s)
{
    struct ss_rule r = {0};
    char *id = next_field(&s), *cat = next_field(&s), *act = next_field(&s);
    char *kind = next_field(&s), *flags = next_field(&s);
    char *pattern = s + strspn(s, " \t");

    if (strcmp(id, "@category") == 0) {
        if (cat == NULL || act != NULL)
            return failf(ld, ld->file, ld->line, "@category takes one name");
        return add_category(ld, cat);
    }
    if (flags == NULL)
        return failf(ld, ld->file, ld->line,
                     "too few fields (want: id category action kind flags pattern)");
    if (!valid_id(id))
        return failf(ld, ld->file, ld->line, "bad rule id '%s' (1-%d of A-Z a-z 0-9 _ . : -)", id,
                     SS_RULE_ID_MAX - 1);
    if (*pattern == '\0')
        return failf(ld, ld->file, ld->line, "empty pattern");
    int c = find_category(ld->rs, cat), a = lookup(act, action_names + 1, 3);
    int k = lookup(kind, kind_names, 3);
    if (c < 0)
        return failf(ld, ld->file, ld->line, "unknown category '%s' (declare it with @category)",
                     cat);
    if (a < 0)
        return failf(ld, ld->file, ld->line, "unknown action '%s' (pass, alert, block)", act);
    if (k < 0)
        return failf(ld, ld->file, ld->line, "unknown kind '%s' (literal, regex, combination)",
                     kind);
    strcpy(r.id, id);
    r.category = (uint8_t)c;
    r.action = (enum ss_action)(a + 1);
    r.kind = (enum ss_rule_kind)k;
    enum ss_result res = parse_flags(ld, flags, r.kind, &r.flags);
    if (res == SS_OK)
        res = r.kind == SS_KIND_LITERAL ? check_literal(ld, pattern)
              : r.kind == SS_KIND_REGEX ? check_regex(ld, pattern, r.flags)
                                        : check_combination(ld, pattern);
    return res == SS_OK ? push_rule(ld, &r, pattern) : res;
}

static enum ss_result parse_word_line(struct loader *ld, const char *s, int category)
{
    struct ss_rule r = {0};
    /* The category name is at most 31 bytes, so the id always fits. */
    snprintf(r.id, sizeof r.id, "%s:%u", ld->rs->category[category], ld->line);
    r.kind = SS_KIND_LITERAL;
    r.action = SS_ACTION_ALERT;
    r.category = (uint8_t)category;
    enum ss_result res = check_literal(ld, s);
    return res == SS_OK ? push_rule(ld, &r, s) : res;
}

static char *trim(char *s)
{
    s += strspn(s, " \t");
    size_t n = strlen(s);
    while (n > 0 && strchr(" \t\r\n", s[n - 1]))
        s[--n] = '\0';
    return s;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The word list's category: its base name without the extension. */
static enum ss_result word_category(struct loader *ld, int *category)
{
    const char *base = strrchr(ld->file, '/') ? strrchr(ld->file, '/') + 1 : ld->file;
    char name[SS_CATEGORY_NAME_MAX];
    size_t n = strlen(base) - 4;
    if (n == 0 || n >= sizeof name)
        return failf(ld, ld->file, 0, "word list name must give a category of 1-%d bytes",
                     SS_CATEGORY_NAME_MAX - 1);
    memcpy(name, base, n);
    name[n] = '\0';
    enum ss_result r = add_category(ld, name);
    *category = find_category(ld->rs, name);
    return r;
}

static enum ss_result intern_file(struct loader *ld, const char *path)
{
    struct ss_rules *rs = ld->rs;
    char **v = realloc(rs->files, (rs->n_files + 1) * sizeof *v);
    if (v == NULL)
        return failf(ld, path, 0, "out of memory");
    rs->files = v;
    if ((v[rs->n_files] = strdup(path)) == NULL)
        return failf(ld, path, 0, "out of memory");
    ld->file = v[rs->n_files++];
    ld->line = 0;
    return SS_OK;
}

/* Reads one line into buf (cap > 1), keeping at most cap - 1 bytes; *n is
 * the line's whole length with its newline, NUL bytes counted, so a line
 * longer than buf shows as *n >= cap. False at the end of the file. */
static bool read_line(FILE *f, char *buf, size_t cap, size_t *n)
{
    size_t i = 0;
    int c;

    while ((c = getc_unlocked(f)) != EOF) {
        if (i < cap - 1)
            buf[i] = (char)c;
        i++;
        if (c == '\n')
            break;
    }
    buf[i < cap - 1 ? i : cap - 1] = '\0';
    *n = i;
    return i > 0;
}

/* The format is UTF-8 text: a line that is not (a file saved as GBK, a
 * NUL byte) is refused rather than loaded as patterns that mean
 * something else or stop at the NUL. */
static enum ss_result check_text(struct loader *ld, const char *s, size_t n)
{
    if (memchr(s, '\0', n) != NULL)
        return failf(ld, ld->file, ld->line, "NUL byte in line (the file must be UTF-8 text)");
    size_t off = 0;
    uint32_t cp;
    enum ss_result r;
    while ((r = ss_present_next(SS_PRES_UTF8, (const uint8_t *)s, n, &off, &cp)) == SS_OK)
        ;
    if (r != SS_END)
        return failf(ld, ld->file, ld->line, "byte %zu is not UTF-8 (save the file as UTF-8)",
                     off + 1);
    return SS_OK;
}

static enum ss_result load_file(struct loader *ld, const char *path)
{
    /* A UTF-8 byte-order mark, as some editors write before the first line. */
    static const char bom[] = "\xef\xbb\xbf";
    enum ss_result r = intern_file(ld, path);
    if (r != SS_OK)
        return r;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return failf(ld, path, 0, "%s", strerror(errno));
    bool words = has_suffix(path, ".txt");
    int category = 0;
    char buf[SS_RULE_LINE_MAX + 2];
    size_t n;
    if (words)
        r = word_category(ld, &category);
    while (r == SS_OK && read_line(f, buf, sizeof buf, &n)) {
        ld->line++;
        if (n > SS_RULE_LINE_MAX) {
            r = failf(ld, path, ld->line, "line longer than %d bytes", SS_RULE_LINE_MAX);
            break;
        }
        if ((r = check_text(ld, buf, n)) != SS_OK)
            break;
        char *s = ld->line == 1 && n >= 3 && memcmp(buf, bom, 3) == 0 ? buf + 3 : buf;
        s = trim(s);
        if (*s == '\0' || *s == '#')
            continue;
        r = words ? parse_word_line(ld, s, category) : parse_rule_line(ld, s);
    }
    fclose(f);
    return r;
}

static int name_order(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum ss_result load_path(struct loader *ld, const char *path, int depth);

static enum ss_result load_dir(struct loader *ld, const char *path, int depth)
{
    DIR *d = opendir(path);
    if (d == NULL)
        return failf(ld, path, 0, "%s", strerror(errno));
    char **names = NULL;
    size_t n = 0;
    enum ss_result r = SS_OK;
    for (struct dirent *e; r == SS_OK && (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char **v = realloc(names, (n + 1) * sizeof *v);
        if (v == NULL || (v[n] = malloc(strlen(path) + strlen(e->d_name) + 2)) == NULL) {
            names = v ? v : names;
            r = failf(ld, path, 0, "out of memory");
            break;
        }
        names = v;
        sprintf(names[n++], "%s/%s", path, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, name_order);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        bool dir = stat(names[i], &st) == 0 && S_ISDIR(st.st_mode);
        if (r == SS_OK && (dir || has_suffix(names[i], ".rules") || has_suffix(names[i], ".txt")))
            r = load_path(ld, names[i], depth + 1);
        free(names[i]);
    }
    free(names);
    return r;
}

static enum ss_result load_path(struct loader *ld, const char *path, int depth)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return failf(ld, path, 0, "%s", strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return load_file(ld, path);
    if (depth >= DIR_DEPTH_MAX)
        return failf(ld, path, 0, "folders nested deeper than %d", DIR_DEPTH_MAX);
    return load_dir(ld, path, depth);
}

static int id_order(const void *a, const void *b, void *arg)
{
    const struct ss_rules *rs = arg;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    int c = strcmp(rs->rule[x].id, rs->rule[y].id);
    return c ? c : (x > y) - (x < y);
}

/* Sorts the id index; a repeated id is reported at its later line. */
static enum ss_result index_ids(struct loader *ld)
{
    struct ss_rules *rs = ld->rs;
    rs->by_id = malloc((rs->n ? rs->n : 1) * sizeof *rs->by_id);
    if (rs->by_id == NULL)
        return failf(ld, "rules", 0, "out of memory");
    for (size_t i = 0; i < rs->n; i++)
        rs->by_id[i] = (uint32_t)i;
    qsort_r(rs->by_id, rs->n, sizeof *rs->by_id, id_order, rs);
    for (size_t i = 1; i < rs->n; i++) {
        const struct ss_rule *a = &rs->rule[rs->by_id[i - 1]], *b = &rs->rule[rs->by_id[i]];
        if (strcmp(a->id, b->id) == 0)
            return failf(ld, b->file, b->line, "duplicate rule id '%s' (first at %s:%u)", b->id,
                         a->file, a->line);
    }
    return SS_OK;
}

long ss_rules_find(const struct ss_rules *rs, const char *id)
{
    size_t lo = 0, hi = rs->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(rs->rule[rs->by_id[mid]].id, id);
        if (c == 0)
            return rs->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Every id a combination names must exist and not be a combination. */
static enum ss_result check_references(struct loader *ld)
{
    const struct ss_rules *rs = ld->rs;
    for (size_t i = 0; i < rs->n; i++) {
        const struct ss_rule *r = &rs->rule[i];
        if (r->kind != SS_KIND_COMBINATION)
            continue;
        for (const char *p = r->pattern; *p;) {
            size_t n = 0;
            while (id_char(p[n]))
                n++;
            if (n == 0) {
                p++;
                continue;
            }
            char id[SS_RULE_ID_MAX];
            if (n >= sizeof id)
                return failf(ld, r->file, r->line, "combination names an id that is too long");
            memcpy(id, p, n);
            id[n] = '\0';
            long j = ss_rules_find(rs, id);
            if (j < 0)
                return failf(ld, r->file, r->line, "combination references unknown rule id '%s'",
                             id);
            if (rs->rule[j].kind == SS_KIND_COMBINATION)
                return failf(ld, r->file, r->line, "combination references combination '%s'", id);
            p += n;
        }
    }
    return SS_OK;
}

enum ss_result ss_rules_load(struct ss_rules *out, const char *const *paths, size_t n_paths,
                             char *err, size_t errcap)
{
    struct ss_rules rs = {0};
    struct loader ld = {&rs, "rules", 0, err, errcap};
    enum ss_result r = SS_OK;

    for (size_t i = 0; i < sizeof default_categories / sizeof default_categories[0]; i++)
        strcpy(rs.category[rs.n_categories++], default_categories[i]);
    for (size_t i = 0; r == SS_OK && i < n_paths; i++)
        r = load_path(&ld, paths[i], 0);
    if (r == SS_OK)
        r = index_ids(&ld);
    if (r == SS_OK)
        r = check_references(&ld);
    if (r != SS_OK) {
        ss_rules_free(&rs);
        return r;
    }
    *out = rs;
    return SS_OK;
}

void ss_rules_free(struct ss_rules *rs)
{
    for (size_t i = 0; i < rs->n; i++)
        free(rs->rule[i].pattern);
    for (size_t i = 0; i < rs->n_files; i++)
        free(rs->files[i]);
    free(rs->rule);
    free(rs->files);
    free(rs->by_id);
    memset(rs, 0, sizeof *rs);
}
