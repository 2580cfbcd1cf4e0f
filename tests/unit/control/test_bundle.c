/* control/bundle.c: a bundle written from rule files loads back into a
 * rule set that scans like one compiled from the same files; altered,
 * truncated, wrongly signed or untrusted bundles are refused. */
#include <CUnit/Basic.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "control/bundle.h"
#include "dataplane/match/policy.h"
#include "dataplane/match/ruleset_files.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static char dir[] = "/tmp/test_bundle.XXXXXX";
static char rules_path[256], words_path[256], bundle_path[256];


static int setup(void)
{
    if (mkdtemp(dir) == NULL || sodium_init() < 0)
        return 1;
    snprintf(rules_path, sizeof rules_path, "%s/fraud.rules", dir);
    snprintf(words_path, sizeof words_path, "%s/loans.txt", dir);
    snprintf(bundle_path, sizeof bundle_path, "%s/out.bundle", dir);
    return !ss_test_write_file(rules_path, "fraud.prize.1 fraud block literal - 恭喜您中奖\n"
                                   "fraud.re.1 fraud alert regex - code\\d{4}\n") ||
           !ss_test_write_file(words_path, "低息贷款\nfast cash\n");
}

static const char *const paths[] = {rules_path, words_path};

static uint8_t *load_bytes(size_t *len)
{
    char err[SS_BUNDLE_ERR_MAX];
    uint8_t *b = NULL;
    CU_ASSERT_FATAL(ss_bundle_read_file(bundle_path, &b, len, err, sizeof err) == SS_OK);
    return b;
}

static uint32_t scan_first(const struct ss_ruleset *rs, const char *text)
{
    struct ss_ruleset_scratch *sc = NULL;
    CU_ASSERT_FATAL(ss_ruleset_scratch_alloc(rs, &sc) == SS_OK);
    CU_ASSERT(ss_ruleset_scan(rs, sc, (const uint8_t *)text, strlen(text)) == SS_OK);
    uint32_t hit = sc->hits.n ? sc->hits.rule[0] : UINT32_MAX;
    ss_ruleset_scratch_free(rs, sc);
    return hit;
}

static void test_bundle_round_trip_keeps_version_and_rule_indices(void)
{
    char err[SS_BUNDLE_ERR_MAX];
    CU_ASSERT_FATAL(ss_bundle_write(bundle_path, paths, 2, &ss_hs_matcher, "ops-a", "north", err,
                                    sizeof err) == SS_OK);
    struct ss_ruleset *direct = ss_ruleset_from_files(paths, 2, &ss_hs_matcher, err, sizeof err);
    CU_ASSERT_FATAL(direct != NULL);
    struct ss_ruleset *rs = NULL;
    struct ss_bundle_manifest m;
    CU_ASSERT_FATAL(ss_bundle_load(bundle_path, NULL, NULL, &rs, &m, err, sizeof err) == SS_OK);
    CU_ASSERT_EQUAL(m.version, direct->version);
    CU_ASSERT_EQUAL(rs->version, direct->version);
    CU_ASSERT_EQUAL(m.rules, 4);
    CU_ASSERT_STRING_EQUAL(m.operator_name, "ops-a");
    CU_ASSERT_STRING_EQUAL(m.region, "north");
    CU_ASSERT_STRING_EQUAL(m.provenance, "fraud.rules,loans.txt");
    CU_ASSERT_STRING_EQUAL(m.matcher, "hyperscan");
    CU_ASSERT_FALSE(m.is_signed);
    const char *texts[] = {"恭喜您中奖了", "your code1234", "低息贷款来了", "get fast cash"};
    for (size_t i = 0; i < 4; i++)
        CU_ASSERT_EQUAL(scan_first(rs, texts[i]), scan_first(direct, texts[i]));
    CU_ASSERT_STRING_EQUAL(rs->rules.rule[3].id, direct->rules.rule[3].id);
    ss_ruleset_free(rs);
    ss_ruleset_free(direct);
}

static void test_bundle_any_altered_byte_is_refused(void)
{
    char err[SS_BUNDLE_ERR_MAX];
    size_t len;
    uint8_t *b = load_bytes(&len);
    struct ss_bundle_manifest m;
    CU_ASSERT(ss_bundle_verify(b, len, NULL, 0, &m, err, sizeof err) == SS_OK);
    for (size_t i = 0; i < len; i += 7) {
        b[i] ^= 0x20;
        CU_ASSERT(ss_bundle_verify(b, len, NULL, 0, &m, err, sizeof err) != SS_OK);
        b[i] ^= 0x20;
    }
    b[len / 2] ^= 1;
    CU_ASSERT(ss_bundle_verify(b, len, NULL, 0, &m, err, sizeof err) == SS_BAD_VALUE);
    CU_ASSERT(strstr(err, "hash mismatch") != NULL);
    free(b);
}

static void test_bundle_truncated_is_refused_at_every_length(void)
{
    char err[SS_BUNDLE_ERR_MAX];
    size_t len;
    uint8_t *b = load_bytes(&len);
    struct ss_bundle_manifest m;
    for (size_t n = 0; n < len; n++) {
        uint8_t *copy = malloc(n ? n : 1); /* exact size: ASan sees any overread */
        memcpy(copy, b, n);
        CU_ASSERT(ss_bundle_verify(copy, n, NULL, 0, &m, err, sizeof err) != SS_OK);
        free(copy);
    }
    free(b);
}

static void test_bundle_signed_by_trusted_key_loads_untrusted_refused(void)
{
    char err[SS_BUNDLE_ERR_MAX];
    uint8_t pk[32], sk[64], pk2[32], sk2[64];
    crypto_sign_keypair(pk, sk);
    crypto_sign_keypair(pk2, sk2);
    CU_ASSERT_FATAL(ss_bundle_sign(bundle_path, sk, err, sizeof err) == SS_OK);
    size_t len;
    uint8_t *b = load_bytes(&len);
    struct ss_bundle_manifest m;
    const uint8_t(*trust_ok)[32] = (const uint8_t(*)[32])pk;
    const uint8_t(*trust_other)[32] = (const uint8_t(*)[32])pk2;
    CU_ASSERT(ss_bundle_verify(b, len, trust_ok, 1, &m, err, sizeof err) == SS_OK);
    CU_ASSERT(m.is_signed);
    CU_ASSERT(memcmp(m.signer, pk, 32) == 0);
    CU_ASSERT(ss_bundle_verify(b, len, trust_other, 1, &m, err, sizeof err) == SS_BAD_VALUE);
    CU_ASSERT(strstr(err, "untrusted key") != NULL);
    b[len - 1] ^= 1; /* last signature byte */
    CU_ASSERT(ss_bundle_verify(b, len, trust_ok, 1, &m, err, sizeof err) == SS_BAD_VALUE);
    CU_ASSERT(strstr(err, "signature does not verify") != NULL);
    free(b);
    CU_ASSERT_FATAL(ss_bundle_write(bundle_path, paths, 2, &ss_hs_matcher, NULL, NULL, err,
                                    sizeof err) == SS_OK);
    b = load_bytes(&len);
    CU_ASSERT(ss_bundle_verify(b, len, trust_ok, 1, &m, err, sizeof err) == SS_BAD_VALUE);
    CU_ASSERT(strstr(err, "unsigned") != NULL);
    free(b);
}

static void test_bundle_write_refuses_bad_rule_with_file_line(void)
{
    char err[SS_BUNDLE_ERR_MAX], bad[256];
    snprintf(bad, sizeof bad, "%s/bad.rules", dir);
    CU_ASSERT_FATAL(ss_test_write_file(bad, "# header\nx.1 fraud explode literal - word\n"));
    const char *p[] = {bad};
    CU_ASSERT(ss_bundle_write(bundle_path, p, 1, &ss_hs_matcher, NULL, NULL, err, sizeof err) !=
              SS_OK);
    CU_ASSERT(strstr(err, "bad.rules:2") != NULL);
    unlink(bad);
}

/* A folder is walked as the loader walks it (rules/README.md: *.rules and
 * *.txt files and sub-folders, in name order; other files ignored); the
 * bundle carries each file, so its rules keep their word-list ids. */
static void test_bundle_from_folder_carries_every_file_of_it(void)
{
    char lib[256], sub[256], f1[300], f2[300], f3[300], err[SS_BUNDLE_ERR_MAX];
    snprintf(lib, sizeof lib, "%s/lib", dir);
    snprintf(sub, sizeof sub, "%s/lib/sub", dir);
    snprintf(f1, sizeof f1, "%s/a.rules", lib);
    snprintf(f2, sizeof f2, "%s/loans.txt", sub);
    snprintf(f3, sizeof f3, "%s/notes.md", lib);
    CU_ASSERT_FATAL(mkdir(lib, 0700) == 0 && mkdir(sub, 0700) == 0);
    CU_ASSERT_FATAL(ss_test_write_file(f1, "a.1 fraud block literal - 恭喜您中奖\n") &&
                    ss_test_write_file(f2, "低息贷款\n\nfast cash\n") && ss_test_write_file(f3, "x y z\n"));
    const char *p[] = {lib};
    CU_ASSERT_FATAL(
        ss_bundle_write(bundle_path, p, 1, &ss_hs_matcher, NULL, NULL, err, sizeof err) == SS_OK);
    struct ss_ruleset *rs = NULL;
    struct ss_bundle_manifest m;
    CU_ASSERT_FATAL(ss_bundle_load(bundle_path, NULL, NULL, &rs, &m, err, sizeof err) == SS_OK);
    CU_ASSERT_EQUAL(m.rules, 3);
    CU_ASSERT_STRING_EQUAL(m.provenance, "lib");
    CU_ASSERT_EQUAL(rs->rules.n_files, 2);
    struct ss_ruleset_scratch *sc = NULL;
    struct ss_verdict v;
    const char *text = "Fast cash now";
    CU_ASSERT_FATAL(ss_ruleset_scratch_alloc(rs, &sc) == SS_OK);
    CU_ASSERT_FATAL(ss_judge(rs, sc, text, strlen(text), &v) == SS_OK);
    CU_ASSERT_EQUAL_FATAL(v.n_rules, 1);
    CU_ASSERT_STRING_EQUAL(rs->rules.rule[v.rules[0]].id, "loans:3");
    CU_ASSERT_STRING_EQUAL(rs->rules.category[rs->rules.rule[v.rules[0]].category], "loans");
    ss_ruleset_scratch_free(rs, sc);
    ss_ruleset_free(rs);
    unlink(f1);
    unlink(f2);
    unlink(f3);
    rmdir(sub);
    rmdir(lib);
}

/* Every rule hit by text (presented and judged as the dataplane does),
 * as a bitmask over rule indices (this file's rule sets have fewer than
 * 32), whatever order the parts report in. */
static uint32_t scan_all(const struct ss_ruleset *rs, const char *text)
{
    struct ss_ruleset_scratch *sc = NULL;
    struct ss_verdict v;
    uint32_t mask = 0;
    CU_ASSERT_FATAL(ss_ruleset_scratch_alloc(rs, &sc) == SS_OK);
    CU_ASSERT_FATAL(ss_judge(rs, sc, text, strlen(text), &v) == SS_OK);
    for (uint32_t i = 0; i < v.n_rules && i < SS_VERDICT_RULES_MAX; i++)
        mask |= 1u << v.rules[i];
    ss_ruleset_scratch_free(rs, sc);
    return mask;
}

/* The offset of the first occurrence of needle[0..n) in b, or len. */
static size_t find_bytes(const uint8_t *b, size_t len, const void *needle, size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(b + i, needle, n) == 0)
            return i;
    return len;
}

/* An fpga-sim bundle carries the block's table image: loaded back, it
 * scans as the same files compiled directly for fpga-sim, and as
 * Hyperscan (the independent truth), literals on the block included; a
 * loader for another matcher refuses it, and so does anyone when one byte
 * of the image changes. Skipped in builds without Verilator. */
static void test_bundle_fpga_sim_round_trip_and_image_hashed(void)
{
    const struct ss_matcher_ops *fpga = ss_matcher_find("fpga-sim");
    char err[SS_BUNDLE_ERR_MAX];
    if (fpga == NULL) {
        fprintf(stderr, "(fpga-sim not built: skipped) ");
        return;
    }
    CU_ASSERT_FATAL(ss_bundle_write(bundle_path, paths, 2, fpga, NULL, NULL, err, sizeof err) ==
                    SS_OK);
    struct ss_ruleset *direct = ss_ruleset_from_files(paths, 2, fpga, err, sizeof err);
    struct ss_ruleset *hs = ss_ruleset_from_files(paths, 2, &ss_hs_matcher, err, sizeof err);
    struct ss_ruleset *rs = NULL;
    struct ss_bundle_manifest m;
    CU_ASSERT_FATAL(direct != NULL && hs != NULL);
    CU_ASSERT_FATAL(ss_bundle_load(bundle_path, NULL, "fpga-sim", &rs, &m, err, sizeof err) ==
                    SS_OK);
    CU_ASSERT_STRING_EQUAL(m.matcher, "fpga-sim");
    CU_ASSERT_EQUAL(rs->version, hs->version);
    CU_ASSERT_EQUAL_FATAL(rs->n_parts, 2); /* the literals, then the regex */
    CU_ASSERT(rs->part[0].ops == fpga && rs->part[1].ops == &ss_hs_matcher);
    const char *texts[] = {"恭喜您中奖了", "your code1234", "低息贷款来了 FAST  CASH",
                           "恭喜您中奖 code9999 fast cash", "nothing here"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        CU_ASSERT_EQUAL(scan_all(rs, texts[i]), scan_all(direct, texts[i]));
        CU_ASSERT_EQUAL(scan_all(rs, texts[i]), scan_all(hs, texts[i]));
    }
    CU_ASSERT_EQUAL(scan_all(rs, texts[3]), 0xbu); /* rules 0, 1 and 3 */
    ss_ruleset_free(rs);
    rs = NULL;
    CU_ASSERT(ss_bundle_load(bundle_path, NULL, "hyperscan", &rs, &m, err, sizeof err) ==
              SS_BAD_VALUE);
    CU_ASSERT(rs == NULL && strstr(err, "compiled for matcher fpga-sim") != NULL);

    size_t len;
    uint8_t *b = load_bytes(&len);
    size_t image = find_bytes(b, len, "fpga-sim\0SSKWMIMG", 17);
    CU_ASSERT_FATAL(image < len);
    b[image + 9 + 8 + 24] ^= 1; /* past the name, magic and header words */
    CU_ASSERT(ss_bundle_load_bytes(b, len, NULL, 0, NULL, &rs, &m, err, sizeof err) ==
              SS_BAD_VALUE);
    CU_ASSERT(rs == NULL && strstr(err, "hash mismatch") != NULL);
    free(b);

    CU_ASSERT_FATAL(ss_bundle_write(bundle_path, paths, 2, &ss_hs_matcher, NULL, NULL, err,
                                    sizeof err) == SS_OK);
    CU_ASSERT(ss_bundle_load(bundle_path, NULL, "fpga-sim", &rs, &m, err, sizeof err) ==
              SS_BAD_VALUE);
    CU_ASSERT(rs == NULL && strstr(err, "compiled for matcher hyperscan") != NULL);
    ss_ruleset_free(direct);
    ss_ruleset_free(hs);
}

/* What `rules push` checks before sending: the magic, then the file
 * against a trust store folder of NAME.pub files. */
static void test_bundle_file_checked_against_trust_folder(void)
{
    char err[SS_BUNDLE_ERR_MAX], trust[256], pub[300], hex[2 * SS_BUNDLE_PK_LEN + 1];
    uint8_t pk[SS_BUNDLE_PK_LEN], sk[SS_BUNDLE_SK_LEN];
    struct ss_bundle_manifest m;
    CU_ASSERT_FATAL(ss_bundle_write(bundle_path, paths, 2, &ss_hs_matcher, NULL, NULL, err,
                                    sizeof err) == SS_OK);
    CU_ASSERT(ss_bundle_is_bundle(bundle_path));
    CU_ASSERT(!ss_bundle_is_bundle(rules_path));
    snprintf(trust, sizeof trust, "%s/trust", dir);
    snprintf(pub, sizeof pub, "%s/peer.pub", trust);
    CU_ASSERT_FATAL(mkdir(trust, 0700) == 0);
    crypto_sign_keypair(pk, sk);
    sodium_bin2hex(hex, sizeof hex, pk, sizeof pk);
    CU_ASSERT_FATAL(ss_test_write_file(pub, hex));
    CU_ASSERT(ss_bundle_verify_file(bundle_path, trust, &m, err, sizeof err) == SS_BAD_VALUE);
    CU_ASSERT(strstr(err, "unsigned") != NULL);
    CU_ASSERT(ss_bundle_verify_file(bundle_path, NULL, &m, err, sizeof err) == SS_OK);
    CU_ASSERT_FATAL(ss_bundle_sign(bundle_path, sk, err, sizeof err) == SS_OK);
    CU_ASSERT(ss_bundle_verify_file(bundle_path, trust, &m, err, sizeof err) == SS_OK);
    CU_ASSERT(m.is_signed && memcmp(m.signer, pk, sizeof pk) == 0);
    unlink(pub);
    CU_ASSERT(ss_bundle_verify_file(bundle_path, trust, &m, err, sizeof err) == SS_BAD_VALUE);
    CU_ASSERT(strstr(err, "no valid") != NULL);
    rmdir(trust);
}

static const struct ss_test tests[] = {
    SS_TEST(test_bundle_round_trip_keeps_version_and_rule_indices),
    SS_TEST(test_bundle_any_altered_byte_is_refused),
    SS_TEST(test_bundle_truncated_is_refused_at_every_length),
    SS_TEST(test_bundle_signed_by_trusted_key_loads_untrusted_refused),
    SS_TEST(test_bundle_write_refuses_bad_rule_with_file_line),
    SS_TEST(test_bundle_from_folder_carries_every_file_of_it),
    SS_TEST(test_bundle_file_checked_against_trust_folder),
    SS_TEST(test_bundle_fpga_sim_round_trip_and_image_hashed),
};

int main(void)
{
    unsigned failures = SS_RUN_SUITE("bundle", setup, NULL, tests);
    ss_tmpdir_remove_tree(dir);
    return failures != 0;
}
