// Bit packing of postings blocks in the 4-lane "vertical" layout of SIMD-BP128 (Lemire and
// Boytsov, "Decoding billions of integers per second through vectorization"): 128 values of `w`
// bits take 16·w bytes, as packed densely, but value i lies in 32-bit lane i mod 4, so one SSE2
// shift and mask yields four values at once. In C because the unpacking wants a constant shift per
// step (the loop unrolled per width) and vector intrinsics: written with Swift's SIMD4 it saved 11 %
// of the scalar decoder's instructions, here 75 %. Other CPUs read and write the same bytes through
// a scalar loop.
#ifndef POLICY_SEARCH_BITPACKING_H
#define POLICY_SEARCH_BITPACKING_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Values in one vertically packed block.
#define PS_VERTICAL_BLOCK 128

/// Packs 128 values of at most `width` (0…32) bits into `out`, which takes 16·`width` bytes.
void ps_pack_vertical128(const uint32_t *values, int width, uint8_t *out);

/// Unpacks the 128 values of `width` (0…32) bits packed at `in` (16·`width` bytes) into `out`.
void ps_unpack_vertical128(const uint8_t *in, int width, uint32_t *out);

/// Turns `count` gaps into ids in place: value i becomes `previous` + Σ_{k≤i} (gap_k + 1), in 32-bit
/// arithmetic that wraps (the caller bounds the gaps so that it cannot). Returns the bitwise OR of
/// the gaps, for that bound.
uint32_t ps_ids_from_gaps(uint32_t *values, int count, uint32_t previous);

/// A full postings block's passage ids, from its gaps' patched packing (`PatchedPacking` in the
/// Swift sources): the low `width` bits of 128 gaps packed vertically at `low`; `exceptions` gaps
/// wider than that, at the ascending positions listed by the bytes at `indices`, whose high parts
/// (`high_width` bits each) are packed densely at `high` (8 bytes readable past the last).
/// Gap i becomes `previous` + Σ_{k≤i} (gap_k + 1), in 32 bits that wrap: the caller bounds
/// `width` + `high_width` and `previous` so that they cannot. Unpacking and summing are one pass
/// when there are no exceptions. Returns 0, or −1 when the positions do not ascend below 128.
int ps_decode_ids_vertical128(
    const uint8_t *low, int width, int exceptions, const uint8_t *indices, const uint8_t *high, int high_width,
    uint32_t previous, uint32_t *out);

#ifdef __cplusplus
}
#endif
#endif
