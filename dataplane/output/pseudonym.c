/* Subscriber pseudonyms; see pseudonym.h. */
#include "dataplane/output/pseudonym.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define KEY_HEX (2 * SS_PSEUDONYM_KEY_BYTES)

static int fail(char *err, size_t cap, const char *path, unsigned line, const char *what)
{
    if (line)
        snprintf(err, cap, "%s:%u: %s", path, line, what);
    else
        snprintf(err, cap, "%s: %s", path, what);
    return -1;
}

static bool blank_or_comment(const char *s)
{
    s += strspn(s, " \t\r\n");
    return *s == '\0' || *s == '#';
}

/* The key line: exactly KEY_HEX hex digits, then only white space. */
static int parse_key_line(struct ss_pseudonym *p, const char *s, const char *path, unsigned line,
                          char *err, size_t cap)
{
    size_t n = strspn(s, "0123456789abcdefABCDEF"), bin = 0;
    if (n != KEY_HEX || s[n + strspn(s + n, " \t\r\n")] != '\0')
        return fail(err, cap, path, line,
                    "expected the key: 32 hex digits (128 bits) alone on the line");
    if (sodium_hex2bin(p->key, sizeof p->key, s, n, NULL, &bin, NULL) != 0 || bin != sizeof p->key)
        return fail(err, cap, path, line, "bad hex digits in the key");
    return 0;
}

static int load_key(struct ss_pseudonym *p, const char *path, char *err, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return fail(err, cap, path, 0, strerror(errno));
    char s[256];
    unsigned line = 0, keys = 0;
    int rc = 0;
    while (rc == 0 && fgets(s, sizeof s, f) != NULL) {
        line++;
        if (strchr(s, '\n') == NULL && !feof(f))
            rc = fail(err, cap, path, line, "line too long");
        else if (blank_or_comment(s))
            continue;
        else if (keys++ != 0)
            rc = fail(err, cap, path, line, "a second key; the file holds one");
        else
            rc = parse_key_line(p, s, path, line, err, cap);
    }
    sodium_memzero(s, sizeof s);
    fclose(f);
    if (rc == 0 && keys == 0)
        rc = fail(err, cap, path, line + 1, "no key in the file");
    return rc;
}

int ss_pseudonym_setup(struct ss_pseudonym *p, const char *key_path, const struct ss_numbers *ports,
                       char *err, size_t cap)
{
    memset(p, 0, sizeof *p);
    p->ports = *ports;
    if (sodium_init() < 0) {
        snprintf(err, cap, "libsodium would not initialise");
        return -1;
    }
    return load_key(p, key_path, err, cap);
}

int ss_pseudonym_new_key(const char *path, char *err, size_t cap)
{
    uint8_t key[SS_PSEUDONYM_KEY_BYTES];
    char hex[KEY_HEX + 1];
    if (sodium_init() < 0) {
        snprintf(err, cap, "libsodium would not initialise");
        return -1;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return fail(err, cap, path, 0, strerror(errno));
    randombytes_buf(key, sizeof key);
    sodium_bin2hex(hex, sizeof hex, key, sizeof key);
    char text[128];
    int n = snprintf(text, sizeof text,
                     "# sigsift pseudonym key (SipHash-2-4-128): keep it secret\n%s\n", hex);
    bool ok = write(fd, text, (size_t)n) == n;
    sodium_memzero(key, sizeof key);
    sodium_memzero(hex, sizeof hex);
    sodium_memzero(text, sizeof text);
    if (close(fd) != 0 || !ok) {
        unlink(path);
        return fail(err, cap, path, 0, "cannot write the key");
    }
    return 0;
}

void ss_pseudonym_of(const struct ss_pseudonym *p, const void *id, size_t len,
                     char out[SS_PSEUDONYM_LEN + 1])
{
    uint8_t h[crypto_shorthash_siphashx24_BYTES];
    crypto_shorthash_siphashx24(h, id, len, p->key);
    out[0] = 'p';
    out[1] = ':';
    sodium_bin2hex(out + 2, SS_PSEUDONYM_LEN - 1, h, sizeof h);
}

bool ss_pseudonym_keeps(const struct ss_pseudonym *p, const char *number)
{
    size_t n = strlen(number);
    return n == 0 || strspn(number, "0123456789") != n || ss_numbers_prefix_of(&p->ports, number);
}

const char *ss_pseudonym_party(const struct ss_pseudonym *p, const char *number,
                               char buf[SS_PSEUDONYM_LEN + 1])
{
    if (ss_pseudonym_keeps(p, number))
        return number;
    ss_pseudonym_of(p, number, strlen(number), buf);
    return buf;
}
