// CRC-32C (Castagnoli) for index integrity checks: the SSE4.2 instruction where the CPU has it
// (several GB/s), a slicing-by-8 table otherwise. In C because Swift's checked table lookups run
// at a fraction of that speed, and every block a search reads is checksummed once.
#ifndef POLICY_SEARCH_CHECKSUM_H
#define POLICY_SEARCH_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// CRC-32C of `length` bytes, continuing from `crc` (0 to start).
uint32_t pf_crc32c(uint32_t crc, const void *data, size_t length);

#ifdef __cplusplus
}
#endif
#endif
