/* control/ctl_client.c: `rules push` checks the bundle against the trust
 * store before it connects: a refused bundle exits 1 (refused) without
 * reaching for the socket, a trusted one, or any with --allow-unsigned,
 * goes on to connect (exit 3 here: no dataplane listens); a bad command
 * line exits 2. */
#include <CUnit/Basic.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "control/bundle.h"
#include "control/ctl_client.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static char dir[] = "/tmp/test_ctl_client.XXXXXX";
static char rules_path[256], signed_path[256], unsigned_path[256], trust[256], pub[300], sock[300];


static int setup(void)
{
    char err[SS_BUNDLE_ERR_MAX], hex[2 * SS_BUNDLE_PK_LEN + 1];
    uint8_t pk[SS_BUNDLE_PK_LEN], sk[SS_BUNDLE_SK_LEN];
    if (mkdtemp(dir) == NULL || sodium_init() < 0)
        return 1;
    snprintf(rules_path, sizeof rules_path, "%s/a.rules", dir);
    snprintf(signed_path, sizeof signed_path, "%s/s.ssb", dir);
    snprintf(unsigned_path, sizeof unsigned_path, "%s/u.ssb", dir);
    snprintf(trust, sizeof trust, "%s/trust", dir);
    snprintf(pub, sizeof pub, "%s/op.pub", trust);
    snprintf(sock, sizeof sock, "%s/none.sock", dir);
    const char *p[] = {rules_path};
    crypto_sign_keypair(pk, sk);
    sodium_bin2hex(hex, sizeof hex, pk, sizeof pk);
    return !ss_test_write_file(rules_path, "a.1 fraud block literal - 恭喜\n") || mkdir(trust, 0700) != 0 ||
           !ss_test_write_file(pub, hex) ||
           ss_bundle_write(unsigned_path, p, 1, &ss_hs_matcher, NULL, NULL, err, sizeof err) !=
               SS_OK ||
           ss_bundle_write(signed_path, p, 1, &ss_hs_matcher, NULL, NULL, err, sizeof err) !=
               SS_OK ||
           ss_bundle_sign(signed_path, sk, err, sizeof err) != SS_OK;
}

static int push(const char *path, const char *opt)
{
    char *argv[6] = {"rules", "push", (char *)path, "--trust", trust, NULL};
    int argc = 5;
    if (opt != NULL)
        argv[argc++] = (char *)opt;
    CU_ASSERT_FATAL(ss_ctl_client_handles(argc, argv));
    return ss_ctl_client_run(argc, argv, sock, false);
}

static void test_push_trusted_bundle_passes_the_check(void)
{
    CU_ASSERT_EQUAL(push(signed_path, NULL), SS_CTL_EXIT_UNREACHABLE);
}

static void test_push_unsigned_or_not_a_bundle_refused_before_connecting(void)
{
    CU_ASSERT_EQUAL(push(unsigned_path, NULL), SS_CTL_EXIT_REFUSED);
    CU_ASSERT_EQUAL(push(rules_path, NULL), SS_CTL_EXIT_REFUSED);
}

static void test_push_allow_unsigned_skips_the_check(void)
{
    CU_ASSERT_EQUAL(push(unsigned_path, "--allow-unsigned"), SS_CTL_EXIT_UNREACHABLE);
    CU_ASSERT_EQUAL(push(rules_path, "--allow-unsigned"), SS_CTL_EXIT_UNREACHABLE);
}

static void test_push_without_a_trusted_key_refused(void)
{
    unlink(pub);
    CU_ASSERT_EQUAL(push(signed_path, NULL), SS_CTL_EXIT_REFUSED);
}

static void test_push_bad_command_lines_exit_2(void)
{
    char *none[] = {"rules", "push", NULL};
    char *two[] = {"rules", "push", signed_path, unsigned_path, NULL};
    char *unknown[] = {"rules", "push", signed_path, "--sign", NULL};
    CU_ASSERT_EQUAL(ss_ctl_client_run(2, none, sock, false), SS_CTL_EXIT_USAGE);
    CU_ASSERT_EQUAL(ss_ctl_client_run(4, two, sock, false), SS_CTL_EXIT_USAGE);
    CU_ASSERT_EQUAL(ss_ctl_client_run(4, unknown, sock, false), SS_CTL_EXIT_USAGE);
}

static const struct ss_test tests[] = {
    SS_TEST(test_push_trusted_bundle_passes_the_check),
    SS_TEST(test_push_unsigned_or_not_a_bundle_refused_before_connecting),
    SS_TEST(test_push_allow_unsigned_skips_the_check),
    SS_TEST(test_push_without_a_trusted_key_refused),
    SS_TEST(test_push_bad_command_lines_exit_2),
};

int main(void)
{
    unsigned failures = SS_RUN_SUITE("ctl_client", setup, NULL, tests);
    ss_tmpdir_remove_tree(dir);
    return failures != 0;
}
