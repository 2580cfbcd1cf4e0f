#include <CUnit/Basic.h>
#include <string.h>

#include "crc32c.h"
#include "tests/unit/runner.h"

/* RFC 3720 Appendix B.4: 32 octets of zeros give 0x8A9136AA. */
static void test_crc32c_rfc3720_zeros(void)
{
    uint8_t zeros[32] = {0};
    CU_ASSERT_EQUAL(sg_crc32c(zeros, sizeof zeros), 0x8a9136aau);
}

/* The CRC-32C check value for "123456789". */
static void test_crc32c_check_value(void)
{
    CU_ASSERT_EQUAL(sg_crc32c((const uint8_t *)"123456789", 9), 0xe3069283u);
}

static const struct ss_test tests[] = {
    SS_TEST(test_crc32c_rfc3720_zeros),
    SS_TEST(test_crc32c_check_value),
};

int main(void)
{
    return SS_RUN_SUITE("siggen_crc32c", NULL, NULL, tests) != 0;
}
