/* The control channel's request parser and reply writer; see proto.h. */
#include "dataplane/ctl/proto.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Longest PATH accepted (PATH_MAX on Linux). */
#define PATH_ARG_MAX 4096

struct verb_name {
    enum ss_ctl_verb verb;
    const char *text; /* the words before any argument */
    bool arg;         /* takes PATH or LIST SENDER */
    bool list;        /* the argument starts with a list name */
};

static const struct verb_name verbs[] = {
    {SS_CTL_RULES_PUSH, "rules push", true, false},
    {SS_CTL_RULES_STATUS, "rules status", false, false},
    {SS_CTL_RULES_HISTORY, "rules history", false, false},
    {SS_CTL_RULES_ROLLBACK, "rules rollback", false, false},
    {SS_CTL_STATS, "stats", false, false},
    {SS_CTL_LISTS_SHOW, "lists show", false, false},
    {SS_CTL_LISTS_ADD, "lists add", true, true},
    {SS_CTL_LISTS_REMOVE, "lists remove", true, true},
};

static const char *const list_names[SS_LIST_COUNT] = {"blocklist", "allowlist"};

const char *ss_sender_list_name(enum ss_sender_list l)
{
    return (unsigned)l < SS_LIST_COUNT ? list_names[l] : "?";
}

static bool has_control_char(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return true;
    return false;
}

/* Whether line starts with word followed by the end or one space. */
static bool starts_with_words(const char *line, size_t len, const char *words, size_t *used)
{
    size_t n = strlen(words);
    if (len < n || memcmp(line, words, n) != 0 || (len > n && line[n] != ' '))
        return false;
    *used = len > n ? n + 1 : n;
    return true;
}

static const struct verb_name *find_verb(const char *line, size_t len, size_t *used)
{
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (starts_with_words(line, len, verbs[i].text, used))
            return &verbs[i];
    return NULL;
}

static enum ss_result parse_list(const char *s, size_t len, struct ss_ctl_request *rq, size_t *used)
{
    for (unsigned l = 0; l < SS_LIST_COUNT; l++) {
        if (starts_with_words(s, len, list_names[l], used)) {
            rq->list = (enum ss_sender_list)l;
            return SS_OK;
        }
    }
    return SS_BAD_TAG;
}

static enum ss_result parse_arg(const struct verb_name *v, const char *s, size_t len,
                                struct ss_ctl_request *rq)
{
    size_t used = 0;
    if (v->list) {
        enum ss_result r = parse_list(s, len, rq, &used);
        if (r != SS_OK)
            return r;
    }
    rq->arg = s + used;
    rq->arg_len = len - used;
    if (rq->arg_len == 0)
        return SS_BAD_LENGTH;
    if (rq->arg_len > (v->list ? SS_CTL_SENDER_MAX : PATH_ARG_MAX))
        return SS_OVERSIZE;
    return SS_OK;
}

enum ss_result ss_ctl_parse(const char *line, size_t len, struct ss_ctl_request *rq)
{
    size_t used = 0;

    memset(rq, 0, sizeof *rq);
    if (len >= SS_CTL_LINE_MAX)
        return SS_OVERSIZE;
    if (has_control_char(line, len))
        return SS_BAD_VALUE;
    const struct verb_name *v = find_verb(line, len, &used);
    if (v == NULL)
        return SS_BAD_TAG;
    rq->verb = v->verb;
    if (!v->arg)
        return used == len && (len == 0 || line[len - 1] != ' ') ? SS_OK : SS_BAD_LENGTH;
    return parse_arg(v, line + used, len - used, rq);
}

size_t ss_ctl_format(const struct ss_ctl_request *rq, char *buf, size_t cap)
{
    const struct verb_name *v = NULL;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (verbs[i].verb == rq->verb)
            v = &verbs[i];
    if (v == NULL)
        return 0;
    int n;
    if (!v->arg)
        n = snprintf(buf, cap, "%s\n", v->text);
    else if (v->list)
        n = snprintf(buf, cap, "%s %s %.*s\n", v->text, ss_sender_list_name(rq->list),
                     (int)rq->arg_len, rq->arg);
    else
        n = snprintf(buf, cap, "%s %.*s\n", v->text, (int)rq->arg_len, rq->arg);
    if (n < 0 || (size_t)n >= cap)
        return 0;
    struct ss_ctl_request back;
    return ss_ctl_parse(buf, (size_t)n - 1, &back) == SS_OK ? (size_t)n : 0;
}

static void put(struct ss_ctl_reply *r, const char *s, size_t n)
{
    if (r->overflow || n >= sizeof r->buf - r->len) {
        r->overflow = true;
        return;
    }
    memcpy(r->buf + r->len, s, n);
    r->len += n;
}

void ss_ctl_reply_raw(struct ss_ctl_reply *r, const char *s)
{
    put(r, s, strlen(s));
}

void ss_ctl_reply_fmt(struct ss_ctl_reply *r, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        r->overflow = true;
    else
        put(r, tmp, (size_t)n);
}

/* RFC 8259 §7: '"', '\\' and control characters are escaped; other
 * bytes (UTF-8 included) go out as they are. */
void ss_ctl_reply_str(struct ss_ctl_reply *r, const char *s, size_t n)
{
    put(r, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(r, esc, 2);
        } else if (c < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            put(r, esc, 6);
        } else {
            put(r, (const char *)&s[i], 1);
        }
    }
    put(r, "\"", 1);
}

void ss_ctl_reply_error(struct ss_ctl_reply *r, const char *msg)
{
    r->len = 0;
    r->overflow = false;
    ss_ctl_reply_raw(r, "{\"ok\":false,\"error\":");
    ss_ctl_reply_str(r, msg, strlen(msg));
    ss_ctl_reply_raw(r, "}");
}

size_t ss_ctl_reply_end(struct ss_ctl_reply *r)
{
    put(r, "\n", 1);
    if (r->overflow) {
        ss_ctl_reply_error(r, "reply too long for the control channel");
        put(r, "\n", 1);
    }
    return r->len;
}

bool ss_ctl_reply_is_ok(const char *reply, size_t len)
{
    static const char ok[] = "{\"ok\":true";
    return len >= sizeof ok - 1 && memcmp(reply, ok, sizeof ok - 1) == 0;
}

static unsigned hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (unsigned)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (unsigned)(c - 'A' + 10);
    return 0;
}

/* One character of a JSON string (RFC 8259 §7); \u above ASCII is shown
 * as '?' since error texts are ASCII. */
static size_t unescape_char(const char *s, size_t n, char *out)
{
    if (s[0] != '\\') {
        *out = s[0];
        return 1;
    }
    if (n < 2 || (s[1] == 'u' && n < 6))
        return 0; /* cut short: the text ends here */
    if (s[1] == 'u' && n >= 6) {
        unsigned v = 0;
        for (size_t k = 2; k < 6; k++)
            v = v << 4 | hex_value(s[k]);
        *out = v < 0x80 ? (char)v : '?';
        return 6;
    }
    *out = s[1] == 'n' ? '\n' : s[1] == 't' ? '\t' : s[1];
    return 2;
}

void ss_ctl_reply_error_text(const char *reply, size_t len, char *buf, size_t cap)
{
    static const char key[] = "\"error\":\"";
    size_t o = 0, i = 0;

    if (cap == 0)
        return;
    buf[0] = '\0';
    while (i + sizeof key - 1 <= len && memcmp(reply + i, key, sizeof key - 1) != 0)
        i++;
    if (i + sizeof key - 1 > len)
        return;
    for (i += sizeof key - 1; i < len && reply[i] != '"' && o + 1 < cap;) {
        char c;
        size_t used = unescape_char(reply + i, len - i, &c);
        if (used == 0)
            break;
        i += used;
        buf[o++] = c;
    }
    buf[o] = '\0';
}
