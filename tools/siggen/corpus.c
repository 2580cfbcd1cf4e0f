#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "encode_tpdu.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        data = size >= 0 ? malloc((size_t)size + 1) : NULL;
        rewind(f);
        if (data && fread(data, 1, (size_t)size, f) == (size_t)size) {
            data[size] = '\0';
            *len = (size_t)size;
        } else {
            free(data);
            data = NULL;
        }
    }
    fclose(f);
    return data;
}

static bool needs_concatenation(const struct sg_text *t)
{
    if (t->gsm7_ok)
        return t->n_septets > sg_tpdu_single_capacity(false);
    return t->n_ucs2 > sg_tpdu_single_capacity(true);
}

/* Rejects texts that even UCS2 with a 16-bit reference cannot carry. */
static bool fits_parts(const struct sg_text *t)
{
    size_t start[SG_MAX_PARTS + 1];
    return sg_split_ucs2(t->ucs2, t->n_ucs2, sg_tpdu_part_capacity(true, true), start) > 0;
}

static bool parse_line(struct sg_corpus *c, char *line, const char *path, size_t lineno)
{
    size_t len = strlen(line);
    if (len && line[len - 1] == '\r')
        line[--len] = '\0';
    if (len == 0 || line[0] == '#')
        return true;
    char *tab = strchr(line, '\t');
    if (!tab) {
        fprintf(stderr, "%s:%zu: expected label<TAB>text\n", path, lineno);
        return false;
    }
    *tab = '\0';
    struct sg_text *t = &c->lines[c->n];
    *t = (struct sg_text){.label = line, .utf8 = tab + 1, .utf8_len = strlen(tab + 1)};
    if (!sg_text_prepare(t) || !fits_parts(t)) {
        fprintf(stderr, "%s:%zu: empty, invalid UTF-8 or longer than %d parts\n", path, lineno,
                SG_MAX_PARTS);
        sg_text_release(t);
        return false;
    }
    if (t->gsm7_ok)
        c->gsm7[c->n_gsm7++] = c->n;
    if (needs_concatenation(t))
        c->multipart[c->n_multipart++] = c->n;
    c->n++;
    return true;
}

static size_t count_lines(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

bool sg_corpus_load(struct sg_corpus *c, const char *path)
{
    size_t len = 0;
    memset(c, 0, sizeof *c);
    c->data = read_file(path, &len);
    if (!c->data) {
        fprintf(stderr, "%s: cannot read the corpus\n", path);
        return false;
    }
    size_t max = count_lines(c->data);
    c->lines = calloc(max, sizeof *c->lines);
    c->gsm7 = calloc(max, sizeof *c->gsm7);
    c->multipart = calloc(max, sizeof *c->multipart);
    size_t lineno = 0;
    for (char *line = c->data, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (!parse_line(c, line, path, ++lineno))
            return false;
    }
    if (c->n == 0)
        fprintf(stderr, "%s: no label<TAB>text lines\n", path);
    return c->n > 0;
}

void sg_corpus_free(struct sg_corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        sg_text_release(&c->lines[i]);
    free(c->lines);
    free(c->gsm7);
    free(c->multipart);
    free(c->data);
}
