/* sigsiftctl's offline subcommands (rules_cmd.h): thin wrappers over the
 * rule loader (rules.h) and bundles (bundle.h). */
#include "control/rules_cmd.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "control/bundle.h"
#include "control/ctl_client.h"
#include "control/ctl_print.h"
#include "control/rules_diff.h"
#include "dataplane/ctl/proto.h"
#include "dataplane/match/policy.h"
#include "dataplane/match/ruleset_files.h"

#define ARGS_MAX 1024

void ss_rules_cmd_usage(FILE *f)
{
    fprintf(f, "  rules check PATH...   validate rule files, word lists (*.txt) or folders;\n"
               "                        every error as file:line; a BUNDLE: as verify\n"
               "                        without a trust store (its manifest, matcher too)\n"
               "  rules compile PATH... -o BUNDLE [--matcher NAME] [--operator X] [--region Y]\n"
               "                        compile them into a bundle (manifest, rule texts,\n"
               "                        serialised databases, content hash) for dataplanes\n"
               "                        running --matcher NAME: hyperscan (default) or\n"
               "                        fpga-sim (literals as the block's table image);\n"
               "                        a dataplane refuses a bundle for another matcher\n"
               "  rules sign BUNDLE --key SECRET   sign it with a key from keygen\n"
               "  rules verify BUNDLE [--trust DIR]   hash, signature, signer, databases\n"
               "  rules merge A B... -o OUT   one rule file; refused, with a report, when\n"
               "                        an id is defined differently\n"
               "  rules diff OLD NEW --on CAPTURE|CORPUS [--exit-code]\n"
               "                        dry run: the messages of a pcap/pcapng capture or\n"
               "                        a label<TAB>text corpus whose verdict changes (OLD,\n"
               "                        NEW: bundles or rule paths); 0 whether or not any\n"
               "                        change, 1 an input would not load or a scan failed;\n"
               "                        with --exit-code, 1 also when any verdict changes\n"
               "                        (as git diff --exit-code), 0 only when none does\n"
               "  keygen NAME           NAME.key (secret) and NAME.pub\n"
               "  trust add NAME PUBFILE | trust remove NAME | trust list   [--trust DIR]\n"
               "                        the store of peers' public keys (default\n"
               "                        " SS_TRUST_DIR_DEFAULT ")\n");
}

bool ss_rules_cmd_handles(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "keygen") == 0)
        return true;
    if (argc >= 2 && strcmp(argv[0], "trust") == 0)
        return true;
    if (argc < 2 || strcmp(argv[0], "rules") != 0)
        return false;
    const char *v = argv[1];
    return strcmp(v, "check") == 0 || strcmp(v, "compile") == 0 || strcmp(v, "merge") == 0 ||
           strcmp(v, "diff") == 0 || strcmp(v, "sign") == 0 || strcmp(v, "verify") == 0;
}

/* Splits FILE... from --opt VALUE pairs; NULL options stay unset. */
struct args {
    const char *file[ARGS_MAX];
    size_t n;
    const char *out, *op, *region, *key, *trust, *on, *matcher;
    bool exit_code;
};

static bool parse_args(int argc, char **argv, struct args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < argc; i++) {
        const char **slot = strcmp(argv[i], "-o") == 0           ? &a->out
                            : strcmp(argv[i], "--operator") == 0 ? &a->op
                            : strcmp(argv[i], "--region") == 0   ? &a->region
                            : strcmp(argv[i], "--key") == 0      ? &a->key
                            : strcmp(argv[i], "--trust") == 0    ? &a->trust
                            : strcmp(argv[i], "--on") == 0       ? &a->on
                            : strcmp(argv[i], "--matcher") == 0  ? &a->matcher
                                                                 : NULL;
        if (strcmp(argv[i], "--exit-code") == 0) {
            a->exit_code = true;
        } else if (slot != NULL) {
            if (i + 1 == argc)
                return false;
            *slot = argv[++i];
        } else if (argv[i][0] == '-' || a->n == ARGS_MAX) {
            return false;
        } else {
            a->file[a->n++] = argv[i];
        }
    }
    return a->n > 0;
}

static void print_manifest(const struct ss_bundle_manifest *m, bool json)
{
    char signer[2 * SS_BUNDLE_PK_LEN + 1] = "";
    if (m->is_signed)
        sodium_bin2hex(signer, sizeof signer, m->signer, SS_BUNDLE_PK_LEN);
    printf(json ? "{\"ok\":true,\"version\":\"%016" PRIx64 "\",\"rules\":%" PRIu64
                  ",\"built\":%" PRId64 ",\"matcher\":\"%s\",\"hyperscan\":\"%s\",\"operator\":"
                  "\"%s\",\"region\":\"%s\",\"provenance\":\"%s\",\"signer\":\"%s\"}\n"
                : "version %016" PRIx64 ", %" PRIu64 " rules, built %" PRId64
                  ", matcher %s, hyperscan %s, operator '%s', region '%s', from %s, signer %s\n",
           m->version, m->rules, m->built, m->matcher, m->hyperscan, m->operator_name, m->region,
           m->provenance, m->is_signed ? signer : "none");
}

static int cmd_compile(const struct args *a, bool json)
{
    char err[SS_BUNDLE_ERR_MAX];
    const char *name = a->matcher ? a->matcher : ss_hs_matcher.name;
    const struct ss_matcher_ops *primary = ss_matcher_find(name);
    if (a->out == NULL)
        return ss_ctl_usage_error(
            "rules compile PATH... -o BUNDLE [--matcher NAME] [--operator X] [--region Y]");
    if (primary == NULL) {
        snprintf(err, sizeof err,
                 ss_matcher_optional(name) ? "--matcher %s is not built in this binary"
                                           : "unknown --matcher %s (hyperscan or fpga-sim)",
                 name);
        return ss_ctl_refused(json, err);
    }
    if (ss_bundle_write(a->out, a->file, a->n, primary, a->op, a->region, err, sizeof err) != SS_OK)
        return ss_ctl_refused(json, err);
    struct ss_ruleset *rs = NULL;
    struct ss_bundle_manifest m;
    if (ss_bundle_load(a->out, NULL, NULL, &rs, &m, err, sizeof err) != SS_OK)
        return ss_ctl_refused(json, err);
    ss_ruleset_free(rs);
    print_manifest(&m, json);
    return SS_CTL_EXIT_OK;
}

static int cmd_verify(const struct args *a, bool json)
{
    char err[SS_BUNDLE_ERR_MAX];
    struct ss_ruleset *rs = NULL;
    struct ss_bundle_manifest m;
    if (a->n != 1)
        return ss_ctl_usage_error("rules verify BUNDLE [--trust DIR]");
    if (ss_bundle_load(a->file[0], a->trust, NULL, &rs, &m, err, sizeof err) != SS_OK)
        return ss_ctl_refused(json, err);
    ss_ruleset_free(rs);
    print_manifest(&m, json);
    return SS_CTL_EXIT_OK;
}

static int cmd_check(const struct args *a, bool json)
{
    char err[SS_RULES_ERR_MAX];
    struct ss_rules rules;
    if (a->n == 1 && ss_bundle_is_bundle(a->file[0]))
        return cmd_verify(a, json);
    if (ss_rules_load(&rules, a->file, a->n, err, sizeof err) != SS_OK)
        return ss_ctl_refused(json, err);
    uint64_t version = ss_rules_digest(&rules);
    printf(json ? "{\"ok\":true,\"rules\":%zu,\"version\":\"%016" PRIx64 "\"}\n"
                : "ok: %zu rules, version %016" PRIx64 "\n",
           rules.n, version);
    ss_rules_free(&rules);
    return SS_CTL_EXIT_OK;
}

static int cmd_sign(const struct args *a, bool json)
{
    char err[SS_BUNDLE_ERR_MAX];
    uint8_t *hex;
    size_t len, bl = 0;
    uint8_t sk[SS_BUNDLE_SK_LEN];
    if (a->n != 1 || a->key == NULL)
        return ss_ctl_usage_error("rules sign BUNDLE --key SECRET");
    if (sodium_init() < 0 || ss_bundle_read_file(a->key, &hex, &len, err, sizeof err) != SS_OK)
        return ss_ctl_refused(json, "cannot read the secret key");
    int bad = sodium_hex2bin(sk, sizeof sk, (const char *)hex, len, "\n", &bl, NULL);
    sodium_memzero(hex, len);
    free(hex);
    if (bad != 0 || bl != sizeof sk)
        return ss_ctl_refused(json, "secret key file is not 128 hex digits");
    enum ss_result r = ss_bundle_sign(a->file[0], sk, err, sizeof err);
    sodium_memzero(sk, sizeof sk);
    if (r != SS_OK)
        return ss_ctl_refused(json, err);
    printf(json ? "{\"ok\":true}\n" : "signed %s\n", a->file[0]);
    return SS_CTL_EXIT_OK;
}

static bool write_hex(const char *path, const uint8_t *b, size_t n)
{
    char hex[2 * SS_BUNDLE_SK_LEN + 1];
    sodium_bin2hex(hex, sizeof hex, b, n);
    FILE *f = fopen(path, "w");
    bool ok = f != NULL && fprintf(f, "%s\n", hex) > 0;
    sodium_memzero(hex, sizeof hex);
    return f != NULL && fclose(f) == 0 && ok;
}

static int cmd_keygen(int argc, char **argv, bool json)
{
    char path[4096];
    uint8_t pk[SS_BUNDLE_PK_LEN], sk[SS_BUNDLE_SK_LEN];
    if (argc != 2)
        return ss_ctl_usage_error("keygen NAME");
    if (sodium_init() < 0)
        return ss_ctl_refused(json, "libsodium would not initialise");
    crypto_sign_keypair(pk, sk);
    snprintf(path, sizeof path, "%s.key", argv[1]);
    bool ok = write_hex(path, sk, sizeof sk);
    sodium_memzero(sk, sizeof sk);
    snprintf(path, sizeof path, "%s.pub", argv[1]);
    if (!ok || !write_hex(path, pk, sizeof pk))
        return ss_ctl_refused(json, "cannot write the key files");
    printf(json ? "{\"ok\":true}\n" : "wrote %s.key (secret) and %s.pub\n", argv[1], argv[1]);
    return SS_CTL_EXIT_OK;
}

/* Categories every load knows (rules.c) come first; the rest need an
 * @category line in the merged file. */
#define BUILTIN_CATEGORIES 6

static const char *flags_text(uint8_t f, char buf[4])
{
    size_t n = 0;
    if (f & SS_RULE_CASELESS)
        buf[n++] = 'i';
    if (f & SS_RULE_DOTALL)
        buf[n++] = 's';
    if (f & SS_RULE_QUIET)
        buf[n++] = 'q';
    buf[n ? n : 1] = '\0';
    if (n == 0)
        buf[0] = '-';
    return buf;
}

static bool same_rule(const struct ss_rule *a, const struct ss_rule *b)
{
    return a->kind == b->kind && a->action == b->action && a->flags == b->flags &&
           strcmp(a->pattern, b->pattern) == 0;
}

/* Reports every id defined differently by two inputs; *dup[i][j] marks
 * rule j of input i as an identical repeat. Returns the conflicts. */
static size_t merge_conflicts(struct ss_rules *in, size_t n, bool **dup)
{
    size_t conflicts = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < in[i].n; j++)
            for (size_t k = 0; k < i; k++) {
                long at = ss_rules_find(&in[k], in[i].rule[j].id);
                if (at < 0)
                    continue;
                const struct ss_rule *a = &in[k].rule[at], *b = &in[i].rule[j];
                if (!same_rule(a, b)) {
                    fprintf(stderr, "conflict: %s: %s:%u %s %s '%s' vs %s:%u %s %s '%s'\n", b->id,
                            a->file, a->line, ss_action_name(a->action), ss_rule_kind_name(a->kind),
                            a->pattern, b->file, b->line, ss_action_name(b->action),
                            ss_rule_kind_name(b->kind), b->pattern);
                    conflicts++;
                }
                dup[i][j] = true;
                break;
            }
    return conflicts;
}

static bool write_merged(const char *out, struct ss_rules *in, size_t n, bool **dup)
{
    FILE *f = fopen(out, "w");
    if (f == NULL)
        return false;
    fprintf(f, "# merged by sigsiftctl rules merge\n");
    for (size_t i = 0; i < n; i++)
        for (unsigned c = BUILTIN_CATEGORIES; c < in[i].n_categories; c++)
            fprintf(f, "@category %s\n", in[i].category[c]);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < in[i].n; j++) {
            const struct ss_rule *r = &in[i].rule[j];
            char fl[4];
            if (!dup[i][j])
                fprintf(f, "%s %s %s %s %s %s\n", r->id, in[i].category[r->category],
                        ss_action_name(r->action), ss_rule_kind_name(r->kind),
                        flags_text(r->flags, fl), r->pattern);
        }
    return fclose(f) == 0;
}

static int cmd_merge(const struct args *a, bool json)
{
    char err[SS_RULES_ERR_MAX];
    static struct ss_rules in[ARGS_MAX];
    static bool *dup[ARGS_MAX];
    size_t n = 0, conflicts = 0;
    int rc = SS_CTL_EXIT_OK;
    if (a->out == NULL || a->n < 2)
        return ss_ctl_usage_error("rules merge A B... -o OUT");
    for (; n < a->n; n++) {
        if (ss_rules_load(&in[n], &a->file[n], 1, err, sizeof err) != SS_OK) {
            rc = ss_ctl_refused(json, err);
            goto out;
        }
        dup[n] = calloc(in[n].n + 1, sizeof **dup);
        if (dup[n] == NULL) {
            ss_rules_free(&in[n]);
            rc = ss_ctl_refused(json, "out of memory");
            goto out;
        }
    }
    conflicts = merge_conflicts(in, n, dup);
    if (conflicts > 0) {
        snprintf(err, sizeof err, "%zu conflicting rule ids; nothing written", conflicts);
        rc = ss_ctl_refused(json, err);
    } else if (!write_merged(a->out, in, n, dup)) {
        rc = ss_ctl_refused(json, "cannot write the merged file");
    } else {
        printf(json ? "{\"ok\":true,\"conflicts\":0}\n" : "merged into %s\n", a->out);
    }
out:
    for (size_t i = 0; i < n; i++) {
        ss_rules_free(&in[i]);
        free(dup[i]);
    }
    return rc;
}

static int cmd_diff(const struct args *a, bool json)
{
    if (a->n != 2 || a->on == NULL)
        return ss_ctl_usage_error("rules diff OLD NEW --on CAPTURE|CORPUS [--exit-code]");
    return ss_rules_diff(a->file[0], a->file[1], a->on, json, a->exit_code);
}

/* A trusted key is one file NAME.pub of 64 hex digits in the store. */
static int trust_add(const char *dir, const char *name, const char *pub, bool json)
{
    char err[SS_BUNDLE_ERR_MAX], path[4096];
    uint8_t *hex, pk[SS_BUNDLE_PK_LEN];
    size_t len, bl = 0;
    if (strchr(name, '/') != NULL || ss_bundle_read_file(pub, &hex, &len, err, sizeof err) != SS_OK)
        return ss_ctl_refused(json, "bad name or unreadable public key file");
    int bad = sodium_hex2bin(pk, sizeof pk, (const char *)hex, len, "\n", &bl, NULL);
    free(hex);
    if (bad != 0 || bl != sizeof pk)
        return ss_ctl_refused(json, "public key file is not 64 hex digits");
    snprintf(path, sizeof path, "%s/%s.pub", dir, name);
    mkdir(dir, 0755); /* the first key makes the store; public keys only */
    if (!write_hex(path, pk, sizeof pk))
        return ss_ctl_refused(json, "cannot write into the trust store");
    printf(json ? "{\"ok\":true}\n" : "trusted %s\n", name);
    return SS_CTL_EXIT_OK;
}

static int trust_list(const char *dir, bool json)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return ss_ctl_refused(json, "cannot open the trust store");
    struct dirent *e;
    bool first = true;
    if (json)
        printf("{\"ok\":true,\"keys\":[");
    while ((e = readdir(d)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (nl < 5 || strcmp(e->d_name + nl - 4, ".pub") != 0)
            continue;
        printf(json ? "%s\"%.*s\"" : "%s%.*s\n", json && !first ? "," : "", (int)(nl - 4),
               e->d_name);
        first = false;
    }
    closedir(d);
    if (json)
        printf("]}\n");
    return SS_CTL_EXIT_OK;
}

static int cmd_trust(int argc, char **argv, bool json)
{
    const char *dir = SS_TRUST_DIR_DEFAULT;
    if (argc >= 4 && strcmp(argv[argc - 2], "--trust") == 0) {
        dir = argv[argc - 1];
        argc -= 2;
    }
    const char *v = argv[1];
    if (strcmp(v, "add") == 0 && argc == 4)
        return trust_add(dir, argv[2], argv[3], json);
    if (strcmp(v, "list") == 0 && argc == 2)
        return trust_list(dir, json);
    if (strcmp(v, "remove") == 0 && argc == 3) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.pub", dir, argv[2]);
        if (strchr(argv[2], '/') != NULL || unlink(path) != 0)
            return ss_ctl_refused(json, "no such trusted key");
        printf(json ? "{\"ok\":true}\n" : "removed %s\n", argv[2]);
        return SS_CTL_EXIT_OK;
    }
    return ss_ctl_usage_error("trust add NAME PUBFILE | trust remove NAME | trust list  [--trust DIR]");
}

int ss_rules_cmd_run(int argc, char **argv, bool json)
{
    if (strcmp(argv[0], "trust") == 0)
        return cmd_trust(argc, argv, json);
    if (strcmp(argv[0], "keygen") == 0)
        return cmd_keygen(argc, argv, json);
    struct args a;
    if (!parse_args(argc - 2, argv + 2, &a)) {
        fprintf(stderr, "sigsiftctl: rules %s: missing path or unknown option (--help)\n", argv[1]);
        return SS_CTL_EXIT_USAGE;
    }
    const char *v = argv[1];
    return strcmp(v, "check") == 0     ? cmd_check(&a, json)
           : strcmp(v, "compile") == 0 ? cmd_compile(&a, json)
           : strcmp(v, "sign") == 0    ? cmd_sign(&a, json)
           : strcmp(v, "merge") == 0   ? cmd_merge(&a, json)
           : strcmp(v, "diff") == 0    ? cmd_diff(&a, json)
                                       : cmd_verify(&a, json);
}
