/* CRC32c (Castagnoli) for the SCTP common header, RFC 4960 Appendix B. */
#ifndef SG_CRC32C_H
#define SG_CRC32C_H

#include <stddef.h>
#include <stdint.h>

uint32_t sg_crc32c(const uint8_t *p, size_t n);

#endif
