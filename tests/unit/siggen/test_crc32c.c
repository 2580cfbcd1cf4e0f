#include <CUnit/Basic.h>
#include <string.h>

#include "crc32c.h"

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

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    CU_pSuite s = CU_add_suite("siggen_crc32c", NULL, NULL);
    CU_add_test(s, "rfc3720_zeros", test_crc32c_rfc3720_zeros);
    CU_add_test(s, "check_value", test_crc32c_check_value);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failures = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failures ? 1 : 0;
}
