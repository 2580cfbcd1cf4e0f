#include "crc32c.h"

#include <string.h>
#ifdef __SSE4_2__
#include <nmmintrin.h>
#endif

#ifdef __SSE4_2__
/* The SSE4.2 crc32 instruction computes exactly the Castagnoli polynomial. */
static uint32_t crc32c_update(uint32_t crc, const uint8_t *p, size_t n)
{
    uint64_t c = crc;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        c = _mm_crc32_u64(c, v);
    }
    crc = (uint32_t)c;
    for (; n; p++, n--)
        crc = _mm_crc32_u8(crc, *p);
    return crc;
}
#else
static uint32_t crc32c_update(uint32_t crc, const uint8_t *p, size_t n)
{
    for (; n; p++, n--) {
        crc ^= *p;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0x82f63b78u & (0u - (crc & 1)));
    }
    return crc;
}
#endif

uint32_t sg_crc32c(const uint8_t *p, size_t n)
{
    return ~crc32c_update(0xffffffffu, p, n);
}
