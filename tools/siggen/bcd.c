#include "bcd.h"

#include <string.h>

void sg_bcd_put_n(struct sg_buf *b, const char *digits, size_t n, uint8_t filler)
{
    for (size_t i = 0; i < n; i += 2) {
        uint8_t lo = (uint8_t)(digits[i] - '0');
        uint8_t hi = i + 1 < n ? (uint8_t)(digits[i + 1] - '0') : filler;
        sg_buf_u8(b, (uint8_t)(hi << 4 | lo));
    }
}

void sg_bcd_put(struct sg_buf *b, const char *digits, uint8_t filler)
{
    sg_bcd_put_n(b, digits, strlen(digits), filler);
}
