/* libFuzzer harness for the rule-file loader: keyword libraries are shared
 * across operators and regions, so a file may come from anywhere. An
 * input is a rule file, or a word list (*.txt) when it starts with 'W',
 * which is not part of the list: the rule files in rules/ are seeds as
 * they are. The loader must either load it, and
 * then the file was UTF-8 without a NUL byte and every rule names a line
 * the file has, or refuse it with "FILE:LINE: message" (or "FILE:
 * message" for what no line holds). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataplane/match/rules.h"
#include "tests/fuzz/check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/fuzz_rules.XXXXXX";
static char rules_path[64], words_path[64];

static void cleanup(void)
{
    unlink(rules_path);
    unlink(words_path);
    rmdir(dir);
}

static void fail(const char *what, const char *err)
{
    fprintf(stderr, "fuzz_rules: %s: %s\n", what, err);
    abort();
}

/* err is "path:N: message" with N >= 1, or "path: message". */
static void check_refusal(const char *path, const char *err)
{
    size_t n = strlen(path);
    if (strncmp(err, path, n) != 0 || err[n] != ':')
        fail("refusal does not start with the file name", err);
    const char *p = err + n + 1;
    if (isdigit((unsigned char)*p)) {
        if (*p == '0')
            fail("refusal names line 0", err);
        while (isdigit((unsigned char)*p))
            p++;
        if (*p++ != ':')
            fail("refusal line number not followed by ':'", err);
    }
    if (p[0] != ' ' || p[1] == '\0')
        fail("refusal without a message", err);
}

static size_t count_lines(const uint8_t *data, size_t size)
{
    size_t lines = 0;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n' || i + 1 == size;
    return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (rules_path[0] == '\0') {
        if (!mkdtemp(dir))
            abort();
        snprintf(rules_path, sizeof rules_path, "%s/lib.rules", dir);
        snprintf(words_path, sizeof words_path, "%s/words.txt", dir);
        atexit(cleanup);
    }
    const char *path = rules_path;
    if (size > 0 && data[0] == 'W') {
        path = words_path;
        data++;
        size--;
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();

    struct ss_rules rs;
    char err[SS_RULES_ERR_MAX] = "";
    if (ss_rules_load(&rs, &path, 1, err, sizeof err) != SS_OK) {
        check_refusal(path, err);
        return 0;
    }
    if (memchr(data, '\0', size) != NULL)
        fail("loaded a file with a NUL byte", path);
    if (!ss_check_utf8((const char *)data, size))
        fail("loaded a file that is not UTF-8", path);
    size_t lines = count_lines(data, size);
    for (size_t i = 0; i < rs.n; i++)
        if (rs.rule[i].line == 0 || rs.rule[i].line > lines || rs.rule[i].pattern[0] == '\0')
            fail("a rule names no line of the file, or has no pattern", rs.rule[i].id);
    ss_rules_free(&rs);
    return 0;
}
