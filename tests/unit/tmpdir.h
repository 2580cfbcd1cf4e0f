/* A scratch directory for tests that need real files (rule files, word
 * lists, bundles): made once in a suite's setup, filled with
 * ss_tmpdir_write(), removed whole in its teardown.
 *
 *   static struct ss_tmpdir tmp;
 *   setup:    ss_tmpdir_make(&tmp, "rules") && ss_tmpdir_write(&tmp, "a.rules", text)
 *   test:     ss_tmpdir_path(&tmp, "a.rules")
 *   teardown: ss_tmpdir_remove(&tmp)
 */
#ifndef SS_TESTS_UNIT_TMPDIR_H
#define SS_TESTS_UNIT_TMPDIR_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ss_tmpdir {
    char dir[64];
    char path[8][256]; /* the last eight names built, so a test can hold several */
    unsigned next;
};

/* Creates /tmp/ss_TAG_XXXXXX. */
static inline bool ss_tmpdir_make(struct ss_tmpdir *t, const char *tag)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/ss_%s_XXXXXX", tag);
    return mkdtemp(t->dir) != NULL;
}

/* DIR/NAME, valid until eight more names have been built. */
static inline const char *ss_tmpdir_path(struct ss_tmpdir *t, const char *name)
{
    char *p = t->path[t->next++ % 8];
    size_t n = strlen(t->dir); /* dir is 64 bytes, a path 256 */
    memcpy(p, t->dir, n);
    snprintf(p + n, sizeof t->path[0] - n, "/%s", name);
    return p;
}

/* Writes text as the whole file at path. */
static inline bool ss_test_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* Writes text as DIR/NAME; its path, or NULL if it could not be written. */
static inline const char *ss_tmpdir_write(struct ss_tmpdir *t, const char *name, const char *text)
{
    const char *p = ss_tmpdir_path(t, name);
    return ss_test_write_file(p, text) ? p : NULL;
}

/* Removes path and, if it is a directory, everything under it. */
static inline int ss_tmpdir_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        int rc = d == NULL ? -1 : 0;
        while (d != NULL && (e = readdir(d)) != NULL) {
            char sub[512];
            if (e->d_name[0] == '.' &&
                (e->d_name[1] == '\0' || (e->d_name[1] == '.' && e->d_name[2] == '\0')))
                continue;
            if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= (int)sizeof sub)
                rc = -1;
            else
                rc |= ss_tmpdir_remove_tree(sub);
        }
        if (d != NULL)
            closedir(d);
        return rc | rmdir(path);
    }
    return unlink(path);
}

/* Removes the directory and everything in it; 0 on success. */
static inline int ss_tmpdir_remove(const struct ss_tmpdir *t)
{
    return ss_tmpdir_remove_tree(t->dir);
}

#endif
