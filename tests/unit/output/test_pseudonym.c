/* Subscriber pseudonyms (dataplane/output/pseudonym.c): the pseudonym
 * against the published SipHash-2-4-128 reference vectors (Aumasson and
 * Bernstein: key 00 01 .. 0f, message 00 01 .. len-1), which numbers are
 * kept in clear, and every way a key file is refused. */
#include <CUnit/Basic.h>
#include <string.h>
#include <sys/stat.h>

#include "dataplane/output/pseudonym.h"
#include "tests/unit/runner.h"
#include "tests/unit/tmpdir.h"

static struct ss_tmpdir tmp;
static const char reference_key[] = "000102030405060708090a0b0c0d0e0f\n";

static int setup(void)
{
    return ss_tmpdir_make(&tmp, "pseudonym") ? 0 : -1;
}

static int teardown(void)
{
    return ss_tmpdir_remove(&tmp);
}

/* Sets p up from a key file holding text, with the port prefixes
 * ports[0..n_ports) (106 when none); 0 or -1 with err. */
static int setup_with(struct ss_pseudonym *p, const char *text, const char *const *ports,
                      unsigned n_ports, char *err, size_t cap)
{
    struct ss_numbers pp = {.n = 0};
    const char *path = ss_tmpdir_write(&tmp, "k.key", text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(path);
    for (unsigned i = 0; i < n_ports; i++)
        CU_ASSERT_EQUAL_FATAL(ss_port_prefixes_add(&pp, ports[i], err, cap), 0);
    ss_port_prefixes_default(&pp);
    return ss_pseudonym_setup(p, path, &pp, err, cap);
}

static void test_pseudonym_is_siphash_2_4_128_of_the_reference_vectors(void)
{
    static const char *const want[] = {
        "p:a3817f04ba25a8e66df67214c7550293", "p:da87c1d86b99af44347659119b22fc45",
        "p:8177228da4a45dc7fca38bdef60affe4", "p:9c70b60c5267a94e5f33b6b02985ed51",
        "p:f88164c12d9c8faf7d0f6e7c7bcd5579", "p:1368875980776f8854527a07690e9627",
        "p:14eeca338b208613485ea0308fd7a15e", "p:a1f1ebbed8dbc153c0b84aa61ff08239",
        "p:3b62a9ba6258f5610f83e264f31497b4",
    };
    uint8_t msg[16];
    char err[SS_PSEUDONYM_ERR_MAX], got[SS_PSEUDONYM_LEN + 1];
    struct ss_pseudonym p;
    for (unsigned i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)i;
    CU_ASSERT_EQUAL_FATAL(setup_with(&p, reference_key, NULL, 0, err, sizeof err), 0);
    for (unsigned len = 0; len < sizeof want / sizeof want[0]; len++) {
        ss_pseudonym_of(&p, msg, len, got);
        CU_ASSERT_STRING_EQUAL(got, want[len]);
    }
    ss_pseudonym_of(&p, msg, 15, got);
    CU_ASSERT_STRING_EQUAL(got, "p:5493e99933b0a8117e08ec0f97cfc3d9");
}

static void test_ports_and_alphanumeric_senders_are_kept_subscribers_are_not(void)
{
    char err[SS_PSEUDONYM_ERR_MAX], buf[SS_PSEUDONYM_LEN + 1];
    struct ss_pseudonym p;
    CU_ASSERT_EQUAL_FATAL(setup_with(&p, reference_key, NULL, 0, err, sizeof err), 0);
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, "1069000012"));
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, "106"));
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, "ICBC"));
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, "SF-Express"));
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, "1380013800a"));
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, ""));
    CU_ASSERT_FALSE(ss_pseudonym_keeps(&p, "10"));
    CU_ASSERT_FALSE(ss_pseudonym_keeps(&p, "8613912345678"));
    CU_ASSERT_FALSE(ss_pseudonym_keeps(&p, "86106900"));
    CU_ASSERT_FALSE(ss_pseudonym_keeps(&p, "95588"));

    const char *port = "1069000012", *msisdn = "8613912345678";
    CU_ASSERT_PTR_EQUAL(ss_pseudonym_party(&p, port, buf), port);
    CU_ASSERT_PTR_EQUAL(ss_pseudonym_party(&p, msisdn, buf), buf);
    char again[SS_PSEUDONYM_LEN + 1];
    ss_pseudonym_of(&p, msisdn, strlen(msisdn), again);
    CU_ASSERT_STRING_EQUAL(buf, again);
    CU_ASSERT_EQUAL(strlen(buf), SS_PSEUDONYM_LEN);
}

static void test_given_port_prefixes_replace_the_default(void)
{
    static const char *const ports[] = {"95", "86106"};
    char err[SS_PSEUDONYM_ERR_MAX];
    struct ss_pseudonym p;
    CU_ASSERT_EQUAL_FATAL(setup_with(&p, reference_key, ports, 2, err, sizeof err), 0);
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, "95588"));
    CU_ASSERT_TRUE(ss_pseudonym_keeps(&p, "86106900"));
    CU_ASSERT_FALSE(ss_pseudonym_keeps(&p, "1069000012"));
    CU_ASSERT_FALSE(ss_pseudonym_keeps(&p, "9"));
}

static void test_another_key_gives_other_pseudonyms(void)
{
    char err[SS_PSEUDONYM_ERR_MAX], a[SS_PSEUDONYM_LEN + 1], b[SS_PSEUDONYM_LEN + 1];
    struct ss_pseudonym p;
    CU_ASSERT_EQUAL_FATAL(setup_with(&p, reference_key, NULL, 0, err, sizeof err), 0);
    ss_pseudonym_of(&p, "8613912345678", 13, a);
    CU_ASSERT_EQUAL_FATAL(
        setup_with(&p, "# rotated\n\n000102030405060708090a0b0c0d0e0e\n", NULL, 0, err, sizeof err),
        0);
    ss_pseudonym_of(&p, "8613912345678", 13, b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
}

/* text refused with exactly the message want (the path prefixed). */
static void refused(const char *text, const char *want)
{
    char err[SS_PSEUDONYM_ERR_MAX], expect[SS_PSEUDONYM_ERR_MAX];
    struct ss_pseudonym p;
    CU_ASSERT_EQUAL(setup_with(&p, text, NULL, 0, err, sizeof err), -1);
    snprintf(expect, sizeof expect, "%s:%s", ss_tmpdir_path(&tmp, "k.key"), want);
    CU_ASSERT_STRING_EQUAL(err, expect);
}

static void test_bad_key_files_are_refused_with_file_and_line(void)
{
    static const char shape[] = "expected the key: 32 hex digits (128 bits) alone on the line";
    char want[128];
    snprintf(want, sizeof want, "2: %s", shape);
    refused("# key\n000102030405060708090a0b0c0d0e0\n", want);
    snprintf(want, sizeof want, "1: %s", shape);
    refused("000102030405060708090a0b0c0d0e0f0\n", want);
    refused("000102030405060708090a0b0c0d0e0g\n", want);
    refused("000102030405060708090a0b0c0d0e0f x\n", want);
    refused("0x0102030405060708090a0b0c0d0e0f\n", want);
    refused("000102030405060708090a0b0c0d0e0f\n\n000102030405060708090a0b0c0d0e0f\n",
            "3: a second key; the file holds one");
    refused("# nothing\n\n", "3: no key in the file");
    refused("", "1: no key in the file");
    char longline[400];
    memset(longline, 'a', sizeof longline - 2);
    longline[sizeof longline - 2] = '\n';
    longline[sizeof longline - 1] = '\0';
    refused(longline, "1: line too long");
}

static void test_a_missing_key_file_is_refused(void)
{
    char err[SS_PSEUDONYM_ERR_MAX];
    struct ss_pseudonym p;
    struct ss_numbers pp = {.n = 0};
    ss_port_prefixes_default(&pp);
    CU_ASSERT_EQUAL(ss_pseudonym_setup(&p, ss_tmpdir_path(&tmp, "none.key"), &pp, err, sizeof err),
                    -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "none.key: No such file"));
}

static void test_a_new_key_is_private_loads_and_is_never_overwritten(void)
{
    char err[SS_PSEUDONYM_ERR_MAX], a[SS_PSEUDONYM_LEN + 1], b[SS_PSEUDONYM_LEN + 1];
    struct ss_pseudonym p;
    struct stat st;
    const char *one = ss_tmpdir_path(&tmp, "one.key"), *two = ss_tmpdir_path(&tmp, "two.key");
    CU_ASSERT_EQUAL_FATAL(ss_pseudonym_new_key(one, err, sizeof err), 0);
    CU_ASSERT_EQUAL_FATAL(stat(one, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 0777, 0600);
    CU_ASSERT_EQUAL(ss_pseudonym_new_key(one, err, sizeof err), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "File exists"));
    struct ss_numbers pp = {.n = 0};
    ss_port_prefixes_default(&pp);
    CU_ASSERT_EQUAL_FATAL(ss_pseudonym_setup(&p, one, &pp, err, sizeof err), 0);
    ss_pseudonym_of(&p, "8613912345678", 13, a);
    CU_ASSERT_EQUAL_FATAL(ss_pseudonym_new_key(two, err, sizeof err), 0);
    CU_ASSERT_EQUAL_FATAL(ss_pseudonym_setup(&p, two, &pp, err, sizeof err), 0);
    ss_pseudonym_of(&p, "8613912345678", 13, b);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
}

static const struct ss_test tests[] = {
    SS_TEST(test_pseudonym_is_siphash_2_4_128_of_the_reference_vectors),
    SS_TEST(test_ports_and_alphanumeric_senders_are_kept_subscribers_are_not),
    SS_TEST(test_given_port_prefixes_replace_the_default),
    SS_TEST(test_another_key_gives_other_pseudonyms),
    SS_TEST(test_bad_key_files_are_refused_with_file_and_line),
    SS_TEST(test_a_missing_key_file_is_refused),
    SS_TEST(test_a_new_key_is_private_loads_and_is_never_overwritten),
};

int main(void)
{
    return SS_RUN_SUITE("pseudonym", setup, teardown, tests) != 0;
}
