/* Rule bundles: writer, signer, verifier and loader (format in bundle.h).
 * Runs in the control process or a dataplane's control thread, never on
 * the per-message path, so it allocates. */
#define _GNU_SOURCE /* asprintf */
#include "control/bundle.h"

#include <dirent.h>
#include <errno.h>
#include <hs/hs.h>
#include <inttypes.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dataplane/match/ruleset_files.h"

#define MAGIC      "SSBUNDLE"
#define MAGIC_LEN  8
#define HEAD_LEN   16
#define SECT_HEAD  8
#define BUNDLE_MAX (1ull << 31) /* 2 GiB: far above 1M keywords */

struct buf {
    uint8_t *p;
    size_t len, cap;
};

static bool buf_put(struct buf *b, const void *src, size_t n)
{
    if (n == 0)
        return true;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        uint8_t *p = realloc(b->p, cap);
        if (p == NULL)
            return false;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, src, n);
    b->len += n;
    return true;
}

static bool buf_u32(struct buf *b, uint32_t v)
{
    uint8_t le[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    return buf_put(b, le, 4);
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static bool buf_section(struct buf *b, const char tag[4], const void *a, size_t na, const void *c,
                        size_t nc)
{
    return buf_put(b, tag, 4) && buf_u32(b, (uint32_t)(na + nc)) && buf_put(b, a, na) &&
           buf_put(b, c, nc);
}

enum ss_result ss_bundle_read_file(const char *path, uint8_t **bytes, size_t *len, char *err,
                                   size_t errcap)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return SS_BAD_VALUE;
    }
    struct buf b = {0};
    uint8_t chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > BUNDLE_MAX || !buf_put(&b, chunk, n)) {
            fclose(f);
            free(b.p);
            snprintf(err, errcap, "%s: too large or out of memory", path);
            return SS_OVERSIZE;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(b.p);
        snprintf(err, errcap, "%s: read error", path);
        return SS_BAD_VALUE;
    }
    *bytes = b.p;
    *len = b.len;
    return SS_OK;
}

bool ss_bundle_is_bundle(const char *path)
{
    char magic[MAGIC_LEN];
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    size_t n = fread(magic, 1, sizeof magic, f);
    fclose(f);
    return n == sizeof magic && memcmp(magic, MAGIC, MAGIC_LEN) == 0;
}

static enum ss_result write_file(const char *path, const uint8_t *p, size_t n, char *err,
                                 size_t errcap)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return SS_BAD_VALUE;
    }
    return SS_OK;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* matcher is the one asked for, even if it accepted none of the rules:
 * the bundle is for dataplanes running it. */
static bool put_manifest(struct buf *b, const struct ss_ruleset *rs, const char *matcher,
                         const char *const *paths, size_t n_paths, const char *platform,
                         const char *op, const char *region)
{
    char prov[SS_BUNDLE_FIELD] = "";
    size_t off = 0;
    for (size_t i = 0; i < n_paths && off < sizeof prov; i++) {
        /* "rules/" names the folder "rules", not "" */
        size_t n = strlen(paths[i]);
        while (n > 1 && paths[i][n - 1] == '/')
            n--;
        const char *name = paths[i] + n;
        while (name > paths[i] && name[-1] != '/')
            name--;
        off += (size_t)snprintf(prov + off, sizeof prov - off, "%s%.*s", i ? "," : "",
                                (int)(paths[i] + n - name), name);
    }
    char *text = NULL;
    int n = asprintf(&text,
                     "format=%u\nversion=%016" PRIx64 "\nrules=%zu\nbuilt=%lld\nmatcher=%s\n"
                     "hyperscan=%s\nplatform=%s\npresentation=%s\noperator=%s\nregion=%s\n"
                     "provenance=%s\n",
                     SS_BUNDLE_FORMAT, rs->version, rs->rules.n, (long long)time(NULL), matcher,
                     hs_version(), platform, ss_presentation_name(rs->pres), op ? op : "",
                     region ? region : "", prov);
    if (n < 0)
        return false;
    bool ok = buf_section(b, "MANI", text, (size_t)n, NULL, 0);
    free(text);
    return ok;
}

static bool put_parts(struct buf *b, const struct ss_ruleset *rs, char *platform, size_t cap)
{
    snprintf(platform, cap, "unknown");
    for (unsigned i = 0; i < rs->n_parts; i++) {
        char *db = NULL;
        size_t n = 0;
        const struct ss_ruleset_part *pt = &rs->part[i];
        if (pt->ops->serialize(pt->db, &db, &n) != SS_OK)
            return false;
        char *info = NULL;
        if (pt->ops == &ss_hs_matcher && strcmp(platform, "unknown") == 0 &&
            hs_serialized_database_info(db, n, &info) == HS_SUCCESS) {
            snprintf(platform, cap, "%s", info);
            free(info);
        }
        bool ok = buf_section(b, "PART", pt->ops->name, strlen(pt->ops->name) + 1, db, n);
        free(db);
        if (!ok)
            return false;
    }
    return true;
}

static bool put_rules(struct buf *b, const char *const *paths, size_t n_paths, char *err,
                      size_t errcap)
{
    for (size_t i = 0; i < n_paths; i++) {
        uint8_t *text;
        size_t len;
        if (ss_bundle_read_file(paths[i], &text, &len, err, errcap) != SS_OK)
            return false;
        const char *name = base_name(paths[i]);
        uint16_t nl = (uint16_t)strlen(name);
        uint8_t head[2] = {(uint8_t)nl, (uint8_t)(nl >> 8)};
        bool ok = buf_put(b, "RULE", 4) && buf_u32(b, (uint32_t)(2 + nl + len)) &&
                  buf_put(b, head, 2) && buf_put(b, name, nl) && buf_put(b, text, len);
        free(text);
        if (!ok)
            return false;
    }
    return true;
}

/* Folders were expanded by the loader: rs->rules.files lists every rule
 * file and word list in load order, which is what the bundle carries. */
static enum ss_result check_files(const struct ss_rules *rules, char *err, size_t errcap)
{
    if (rules->n_files == 0 || rules->n_files > SS_BUNDLE_FILES_MAX) {
        snprintf(err, errcap, "a bundle takes 1 to %d rule files, these paths hold %zu",
                 SS_BUNDLE_FILES_MAX, rules->n_files);
        return SS_BAD_LENGTH;
    }
    for (size_t i = 0; i < rules->n_files; i++)
        if (strlen(base_name(rules->files[i])) > 255) {
            snprintf(err, errcap, "%s: file name longer than 255 bytes", rules->files[i]);
            return SS_BAD_VALUE;
        }
    return SS_OK;
}

enum ss_result ss_bundle_write(const char *out_path, const char *const *paths, size_t n_paths,
                               const struct ss_matcher_ops *primary, const char *operator_name,
                               const char *region, char *err, size_t errcap)
{
    struct ss_ruleset *rs = ss_ruleset_from_files(paths, n_paths, primary, err, errcap);
    if (rs == NULL)
        return SS_BAD_VALUE;
    struct buf parts = {0}, b = {0};
    char platform[SS_BUNDLE_FIELD];
    const char *const *files = (const char *const *)rs->rules.files;
    enum ss_result r = check_files(&rs->rules, err, errcap);
    if (r != SS_OK)
        goto out;
    r = SS_TABLE_FULL;
    snprintf(err, errcap, "out of memory or a database would not serialise");
    if (!put_parts(&parts, rs, platform, sizeof platform))
        goto out;
    uint32_t n_sect = 1 + (uint32_t)rs->rules.n_files + rs->n_parts;
    if (!buf_put(&b, MAGIC, MAGIC_LEN) || !buf_u32(&b, SS_BUNDLE_FORMAT) || !buf_u32(&b, n_sect) ||
        !put_manifest(&b, rs, primary->name, paths, n_paths, platform, operator_name, region) ||
        !put_rules(&b, files, rs->rules.n_files, err, errcap) || !buf_put(&b, parts.p, parts.len))
        goto out;
    uint8_t hash[SS_BUNDLE_HASH_LEN];
    crypto_generichash(hash, sizeof hash, b.p, b.len, NULL, 0);
    if (!buf_section(&b, "HASH", hash, sizeof hash, NULL, 0))
        goto out;
    r = write_file(out_path, b.p, b.len, err, errcap);
out:
    free(parts.p);
    free(b.p);
    ss_ruleset_free(rs);
    return r;
}

/* The walk: header fits, then length, then body fits, then advance. */
struct walk {
    const uint8_t *p;
    size_t len, off;
};

static bool next_section(struct walk *w, char tag[5], const uint8_t **body, size_t *n)
{
    if (w->len - w->off < SECT_HEAD)
        return false;
    uint32_t blen = get_u32(w->p + w->off + 4);
    if (blen > w->len - w->off - SECT_HEAD)
        return false;
    memcpy(tag, w->p + w->off, 4);
    tag[4] = '\0';
    *body = w->p + w->off + SECT_HEAD;
    *n = blen;
    w->off += SECT_HEAD + blen;
    return true;
}

static void manifest_field(const uint8_t *t, size_t n, const char *key, char *out, size_t cap)
{
    size_t kl = strlen(key);
    out[0] = '\0';
    for (size_t i = 0; i < n;) {
        const uint8_t *nl = memchr(t + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - t) : n;
        if (end - i > kl && memcmp(t + i, key, kl) == 0 && t[i + kl] == '=') {
            size_t vl = end - i - kl - 1;
            vl = vl < cap - 1 ? vl : cap - 1;
            memcpy(out, t + i + kl + 1, vl);
            out[vl] = '\0';
            return;
        }
        i = end + 1;
    }
}

static void parse_manifest(const uint8_t *t, size_t n, struct ss_bundle_manifest *m)
{
    char v[SS_BUNDLE_FIELD];
    manifest_field(t, n, "format", v, sizeof v);
    m->format = (uint32_t)strtoul(v, NULL, 10);
    manifest_field(t, n, "version", v, sizeof v);
    m->version = strtoull(v, NULL, 16);
    manifest_field(t, n, "rules", v, sizeof v);
    m->rules = strtoull(v, NULL, 10);
    manifest_field(t, n, "built", v, sizeof v);
    m->built = strtoll(v, NULL, 10);
    manifest_field(t, n, "matcher", m->matcher, sizeof m->matcher);
    if (m->matcher[0] == '\0')
        snprintf(m->matcher, sizeof m->matcher, "%s", ss_hs_matcher.name);
    manifest_field(t, n, "hyperscan", m->hyperscan, sizeof m->hyperscan);
    manifest_field(t, n, "platform", m->platform, sizeof m->platform);
    manifest_field(t, n, "presentation", m->presentation, sizeof m->presentation);
    manifest_field(t, n, "operator", m->operator_name, sizeof m->operator_name);
    manifest_field(t, n, "region", m->region, sizeof m->region);
    manifest_field(t, n, "provenance", m->provenance, sizeof m->provenance);
}

/* Offset of the HASH trailer once the content sections are walked. */
static enum ss_result walk_content(const uint8_t *bytes, size_t len, struct walk *w,
                                   struct ss_bundle_manifest *m, char *err, size_t errcap)
{
    if (len < HEAD_LEN || memcmp(bytes, MAGIC, MAGIC_LEN) != 0) {
        snprintf(err, errcap, "not a sigsift bundle (no SSBUNDLE magic)");
        return SS_BAD_TAG;
    }
    if (get_u32(bytes + 8) != SS_BUNDLE_FORMAT) {
        snprintf(err, errcap, "bundle format %u, this build reads %u", get_u32(bytes + 8),
                 SS_BUNDLE_FORMAT);
        return SS_BAD_VALUE;
    }
    uint32_t n_sect = get_u32(bytes + 12);
    *w = (struct walk){bytes, len, HEAD_LEN};
    for (uint32_t i = 0; i < n_sect; i++) {
        char tag[5];
        const uint8_t *body;
        size_t n;
        if (!next_section(w, tag, &body, &n)) {
            snprintf(err, errcap, "bundle truncated in section %u of %u", i + 1, n_sect);
            return SS_TRUNCATED;
        }
        if (strcmp(tag, "MANI") == 0)
            parse_manifest(body, n, m);
    }
    return SS_OK;
}

static enum ss_result check_trailer(struct walk *w, struct ss_bundle_manifest *m, char *err,
                                    size_t errcap)
{
    size_t hashed = w->off;
    char tag[5];
    const uint8_t *body;
    size_t n;
    if (!next_section(w, tag, &body, &n) || strcmp(tag, "HASH") != 0 || n != SS_BUNDLE_HASH_LEN) {
        snprintf(err, errcap, "bundle truncated: no content hash");
        return SS_TRUNCATED;
    }
    crypto_generichash(m->hash, sizeof m->hash, w->p, hashed, NULL, 0);
    if (sodium_memcmp(m->hash, body, SS_BUNDLE_HASH_LEN) != 0) {
        snprintf(err, errcap, "content hash mismatch: the bundle was altered or truncated");
        return SS_BAD_VALUE;
    }
    if (w->off == w->len)
        return SS_OK;
    if (!next_section(w, tag, &body, &n) || strcmp(tag, "SIGN") != 0 ||
        n != SS_BUNDLE_PK_LEN + SS_BUNDLE_SIG_LEN || w->off != w->len) {
        snprintf(err, errcap, "bytes after the content hash are not one signature");
        return SS_BAD_LENGTH;
    }
    if (crypto_sign_verify_detached(body + SS_BUNDLE_PK_LEN, m->hash, SS_BUNDLE_HASH_LEN, body) !=
        0) {
        snprintf(err, errcap, "signature does not verify");
        return SS_BAD_VALUE;
    }
    m->is_signed = true;
    memcpy(m->signer, body, SS_BUNDLE_PK_LEN);
    return SS_OK;
}

static bool is_trusted(const struct ss_bundle_manifest *m,
                       const uint8_t (*trusted)[SS_BUNDLE_PK_LEN], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (m->is_signed && memcmp(m->signer, trusted[i], SS_BUNDLE_PK_LEN) == 0)
            return true;
    return false;
}

enum ss_result ss_bundle_verify(const uint8_t *bytes, size_t len,
                                const uint8_t (*trusted)[SS_BUNDLE_PK_LEN], size_t n_trusted,
                                struct ss_bundle_manifest *m, char *err, size_t errcap)
{
    if (sodium_init() < 0) {
        snprintf(err, errcap, "libsodium would not initialise");
        return SS_BAD_VALUE;
    }
    memset(m, 0, sizeof *m);
    struct walk w;
    enum ss_result r = walk_content(bytes, len, &w, m, err, errcap);
    if (r == SS_OK)
        r = check_trailer(&w, m, err, errcap);
    if (r != SS_OK)
        return r;
    if (n_trusted > 0 && !is_trusted(m, trusted, n_trusted)) {
        char hex[2 * SS_BUNDLE_PK_LEN + 1];
        sodium_bin2hex(hex, sizeof hex, m->signer, SS_BUNDLE_PK_LEN);
        snprintf(err, errcap, m->is_signed ? "signed by untrusted key %s" : "bundle is unsigned%s",
                 m->is_signed ? hex : " and a trust store is set");
        return SS_BAD_VALUE;
    }
    return SS_OK;
}

enum ss_result ss_bundle_sign(const char *path, const uint8_t sk[SS_BUNDLE_SK_LEN], char *err,
                              size_t errcap)
{
    uint8_t *bytes;
    size_t len;
    struct ss_bundle_manifest m;
    if (ss_bundle_read_file(path, &bytes, &len, err, errcap) != SS_OK)
        return SS_BAD_VALUE;
    enum ss_result r = ss_bundle_verify(bytes, len, NULL, 0, &m, err, errcap);
    if (r == SS_OK) {
        /* The unsigned length: header, sections, HASH trailer. */
        size_t unsigned_len =
            m.is_signed ? len - SECT_HEAD - SS_BUNDLE_PK_LEN - SS_BUNDLE_SIG_LEN : len;
        struct buf b = {0};
        uint8_t sig[SS_BUNDLE_SIG_LEN];
        crypto_sign_detached(sig, NULL, m.hash, sizeof m.hash, sk);
        r = SS_TABLE_FULL;
        snprintf(err, errcap, "out of memory");
        if (buf_put(&b, bytes, unsigned_len) &&
            buf_section(&b, "SIGN", sk + 32, SS_BUNDLE_PK_LEN, sig, sizeof sig))
            r = write_file(path, b.p, b.len, err, errcap);
        free(b.p);
    }
    free(bytes);
    return r;
}

static void remove_dir(const char *dir, char paths[][PATH_MAX], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unlink(paths[i]);
        *strrchr(paths[i], '/') = '\0';
        rmdir(paths[i]);
    }
    rmdir(dir);
}

/* ss_rules_load reads files, so the rule texts go to a private
 * directory, numbered to keep their order, under their own names. */
static enum ss_result load_rules(const uint8_t *bytes, size_t len, struct ss_rules *rules,
                                 char *err, size_t errcap)
{
    char dir[] = "/tmp/sigsift-bundle.XXXXXX";
    if (mkdtemp(dir) == NULL) {
        snprintf(err, errcap, "mkdtemp: %s", strerror(errno));
        return SS_BAD_VALUE;
    }
    static char paths[SS_BUNDLE_FILES_MAX][PATH_MAX];
    const char *argv[SS_BUNDLE_FILES_MAX];
    size_t n = 0;
    struct walk w = {bytes, len, HEAD_LEN};
    uint32_t n_sect = get_u32(bytes + 12);
    enum ss_result r = SS_OK;
    for (uint32_t i = 0; i < n_sect && r == SS_OK; i++) {
        char tag[5];
        const uint8_t *body = NULL;
        size_t bl = 0;
        if (!next_section(&w, tag, &body, &bl) || strcmp(tag, "RULE") != 0)
            continue;
        size_t nl = bl >= 2 ? (size_t)(body[0] | body[1] << 8) : SIZE_MAX;
        if (nl == SIZE_MAX || nl > bl - 2 || nl == 0 || n == SS_BUNDLE_FILES_MAX ||
            memchr(body + 2, '/', nl) != NULL) {
            snprintf(err, errcap, "rule file section %u is malformed", i + 1);
            r = SS_BAD_LENGTH;
            break;
        }
        /* A folder per file keeps its base name: word lists take their
         * category and ids from it (rules/README.md). */
        snprintf(paths[n], PATH_MAX, "%s/%04zu", dir, n);
        mkdir(paths[n], 0700);
        snprintf(paths[n], PATH_MAX, "%s/%04zu/%.*s", dir, n, (int)nl, (const char *)body + 2);
        r = write_file(paths[n], body + 2 + nl, bl - 2 - nl, err, errcap);
        argv[n] = paths[n];
        n++;
    }
    if (r == SS_OK)
        r = ss_rules_load(rules, argv, n, err, errcap);
    remove_dir(dir, paths, n);
    return r;
}

/* The backend a part names, if this build has it and the manifest
 * allows it (its matcher, or Hyperscan); NULL with the reason in err. */
static const struct ss_matcher_ops *part_ops(const uint8_t *body, const uint8_t *nul,
                                             const char *matcher, unsigned i, char *err,
                                             size_t errcap)
{
    const char *name = (const char *)body;
    const struct ss_matcher_ops *ops = nul ? ss_matcher_find(name) : NULL;
    if (nul == NULL || (strcmp(name, matcher) != 0 && strcmp(name, ss_hs_matcher.name) != 0))
        snprintf(err, errcap, "part %u: not a part of a %s bundle", i, matcher);
    else if (ops == NULL)
        snprintf(err, errcap,
                 ss_matcher_optional(name) ? "part %u: matcher %s is not built in this binary"
                                           : "part %u: unknown matcher %s",
                 i, name);
    else
        return ops;
    return NULL;
}

static enum ss_result load_parts(const uint8_t *bytes, size_t len, const char *matcher,
                                 struct ss_ruleset_part *parts, unsigned *n_parts, char *err,
                                 size_t errcap)
{
    struct walk w = {bytes, len, HEAD_LEN};
    uint32_t n_sect = get_u32(bytes + 12);
    *n_parts = 0;
    for (uint32_t i = 0; i < n_sect; i++) {
        char tag[5];
        const uint8_t *body = NULL;
        size_t bl = 0;
        if (!next_section(&w, tag, &body, &bl) || strcmp(tag, "PART") != 0)
            continue;
        const uint8_t *nul = memchr(body, '\0', bl);
        const struct ss_matcher_ops *ops = part_ops(body, nul, matcher, *n_parts, err, errcap);
        if (ops == NULL)
            return SS_BAD_TAG;
        if (*n_parts == SS_MATCHER_PARTS) {
            snprintf(err, errcap, "more than %d parts", SS_MATCHER_PARTS);
            return SS_BAD_TAG;
        }
        size_t off = (size_t)(nul - body) + 1;
        char why[SS_BUNDLE_ERR_MAX];
        parts[*n_parts].ops = ops;
        if (ops->deserialize((const char *)body + off, bl - off, &parts[*n_parts].db, why,
                             sizeof why) != SS_OK) {
            snprintf(err, errcap, "part %u (%s) refused by this build: %s", *n_parts, ops->name,
                     why);
            return SS_BAD_VALUE;
        }
        (*n_parts)++;
    }
    return SS_OK;
}

enum ss_result ss_bundle_load_bytes(const uint8_t *bytes, size_t len,
                                    const uint8_t (*trusted)[SS_BUNDLE_PK_LEN], size_t n_trusted,
                                    const char *matcher, struct ss_ruleset **out,
                                    struct ss_bundle_manifest *m, char *err, size_t errcap)
{
    enum ss_result r = ss_bundle_verify(bytes, len, trusted, n_trusted, m, err, errcap);
    if (r != SS_OK)
        return r;
    if (matcher != NULL && strcmp(matcher, m->matcher) != 0) {
        snprintf(err, errcap,
                 "bundle compiled for matcher %s, this dataplane judges with %s: recompile it "
                 "(sigsiftctl rules compile --matcher %s) or run with --matcher %s",
                 m->matcher, matcher, matcher, m->matcher);
        return SS_BAD_VALUE;
    }
    enum ss_presentation pres;
    if (!ss_presentation_parse(m->presentation, &pres)) {
        snprintf(err, errcap, "unknown presentation '%s'", m->presentation);
        return SS_BAD_VALUE;
    }
    struct ss_rules rules;
    r = load_rules(bytes, len, &rules, err, errcap);
    if (r != SS_OK)
        return r;
    if (ss_rules_digest(&rules) != m->version || rules.n != m->rules) {
        ss_rules_free(&rules);
        snprintf(err, errcap, "rule files do not match the manifest's version");
        return SS_BAD_VALUE;
    }
    struct ss_ruleset_part parts[SS_MATCHER_PARTS];
    unsigned n_parts;
    r = load_parts(bytes, len, m->matcher, parts, &n_parts, err, errcap);
    if (r == SS_OK)
        return ss_ruleset_assemble(&rules, pres, m->version, parts, n_parts, out);
    for (unsigned i = 0; i < n_parts; i++)
        parts[i].ops->db_free(parts[i].db);
    ss_rules_free(&rules);
    return r;
}

/* Each *.pub file in dir: 64 hex digits of an ed25519 public key. */
static enum ss_result read_trust(const char *dir, uint8_t (**keys)[SS_BUNDLE_PK_LEN], size_t *n,
                                 char *err, size_t errcap)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        snprintf(err, errcap, "trust store %s: %s", dir, strerror(errno));
        return SS_BAD_VALUE;
    }
    struct dirent *e;
    *keys = NULL;
    *n = 0;
    while ((e = readdir(d)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 4, ".pub") != 0)
            continue;
        char path[PATH_MAX], hex[2 * SS_BUNDLE_PK_LEN + 2] = "";
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        if (f == NULL)
            continue;
        bool got = fgets(hex, sizeof hex, f) != NULL;
        fclose(f);
        uint8_t(*k)[SS_BUNDLE_PK_LEN] = realloc(*keys, (*n + 1) * sizeof **keys);
        size_t bl = 0;
        if (k == NULL)
            break;
        *keys = k;
        if (got &&
            sodium_hex2bin(k[*n], SS_BUNDLE_PK_LEN, hex, strlen(hex), "\n", &bl, NULL) == 0 &&
            bl == SS_BUNDLE_PK_LEN)
            (*n)++;
    }
    closedir(d);
    if (*n == 0) {
        snprintf(err, errcap, "trust store %s holds no valid *.pub key", dir);
        return SS_BAD_VALUE;
    }
    return SS_OK;
}

/* The file's bytes, checked (and, with out, loaded) against trust_dir. */
static enum ss_result from_file(const char *path, const char *trust_dir, const char *matcher,
                                struct ss_ruleset **out, struct ss_bundle_manifest *m, char *err,
                                size_t errcap)
{
    uint8_t(*keys)[SS_BUNDLE_PK_LEN] = NULL;
    size_t n_keys = 0;
    if (trust_dir != NULL && read_trust(trust_dir, &keys, &n_keys, err, errcap) != SS_OK) {
        free(keys);
        return SS_BAD_VALUE;
    }
    const uint8_t(*trusted)[SS_BUNDLE_PK_LEN] = (const uint8_t(*)[SS_BUNDLE_PK_LEN])keys;
    uint8_t *bytes;
    size_t len;
    enum ss_result r = ss_bundle_read_file(path, &bytes, &len, err, errcap);
    if (r == SS_OK) {
        r = out != NULL
                ? ss_bundle_load_bytes(bytes, len, trusted, n_keys, matcher, out, m, err, errcap)
                : ss_bundle_verify(bytes, len, trusted, n_keys, m, err, errcap);
        free(bytes);
    }
    free(keys);
    return r;
}

enum ss_result ss_bundle_load(const char *path, const char *trust_dir, const char *matcher,
                              struct ss_ruleset **out, struct ss_bundle_manifest *m, char *err,
                              size_t errcap)
{
    return from_file(path, trust_dir, matcher, out, m, err, errcap);
}

struct ss_ruleset *ss_bundle_open_rules(const char *const *paths, size_t n_paths,
                                        const struct ss_matcher_ops *primary, const char *trust_dir,
                                        char *err, size_t errcap)
{
    struct ss_ruleset *rs = NULL;
    struct ss_bundle_manifest m;
    for (size_t i = 0; i < n_paths; i++) {
        if (!ss_bundle_is_bundle(paths[i]))
            continue;
        if (n_paths > 1) {
            snprintf(err, errcap, "%s: a bundle must be the only rules path", paths[i]);
            return NULL;
        }
        enum ss_result r = ss_bundle_load(paths[i], trust_dir, primary->name, &rs, &m, err, errcap);
        return r == SS_OK ? rs : NULL;
    }
    return ss_ruleset_from_files(paths, n_paths, primary, err, errcap);
}

enum ss_result ss_bundle_verify_file(const char *path, const char *trust_dir,
                                     struct ss_bundle_manifest *m, char *err, size_t errcap)
{
    return from_file(path, trust_dir, NULL, NULL, m, err, errcap);
}
