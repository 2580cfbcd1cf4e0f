/* The text corpus: a TSV file of `label<TAB>text` lines in UTF-8. */
#ifndef SG_CORPUS_H
#define SG_CORPUS_H

#include <stddef.h>
#include "sms_text.h"

struct sg_corpus {
    char *data; /* the file, lines NUL-terminated in place */
    struct sg_text *lines;
    size_t n;
    size_t *gsm7; /* indexes of lines encodable in GSM 7-bit */
    size_t n_gsm7;
    size_t *multipart; /* indexes of lines that need concatenation */
    size_t n_multipart;
};

/* Loads and converts every line; reports the file and line of any error. */
bool sg_corpus_load(struct sg_corpus *c, const char *path);
void sg_corpus_free(struct sg_corpus *c);

#endif
