#include "CBitPacking.h"
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Value i of a block is bit (i/4)·w of lane i mod 4, whose 32-bit words lie 16 bytes apart.

static inline uint32_t load32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);  // little-endian targets only (x86-64, arm64): the index is little-endian
    return v;
}

static inline void store32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }

void ps_pack_vertical128(const uint32_t *values, int width, uint8_t *out) {
    if (width <= 0) return;
    memset(out, 0, 16 * (size_t)width);
    const uint32_t mask = width == 32 ? 0xFFFFFFFFu : (1u << width) - 1;
    for (int i = 0; i < PS_VERTICAL_BLOCK; i++) {
        const uint32_t v = values[i] & mask;
        const int lane = i & 3, bit = (i >> 2) * width, word = bit >> 5, shift = bit & 31;
        uint8_t *p = out + 16 * word + 4 * lane;
        store32(p, load32(p) | (v << shift));
        if (shift + width > 32) store32(p + 16, load32(p + 16) | (v >> (32 - shift)));
    }
}

#if defined(__SSE2__)

/// Gaps to ids for the four values in `g`: +1 each, prefix sum across the lanes, plus `carry`
/// (the previous id in every lane); returns the ids and leaves the last in every lane of `carry`.
static inline __attribute__((always_inline)) __m128i ids_sse2(__m128i g, __m128i *carry) {
    g = _mm_add_epi32(g, _mm_set1_epi32(1));
    g = _mm_add_epi32(g, _mm_slli_si128(g, 4));
    g = _mm_add_epi32(g, _mm_slli_si128(g, 8));
    g = _mm_add_epi32(g, *carry);
    *carry = _mm_shuffle_epi32(g, _MM_SHUFFLE(3, 3, 3, 3));
    return g;
}

/// The 32 steps of one width; `w` is a constant where it is inlined, so every shift is an
/// immediate and the loop unrolls into straight-line code. With `ids` (also a constant), the gaps
/// are turned into ids from `previous` as they come out: one pass, no store and reload.
static inline __attribute__((always_inline)) void unpack_sse2(
    const uint8_t *in, const int w, uint32_t *out, const int ids, uint32_t previous) {
    const __m128i mask = _mm_set1_epi32(w == 32 ? -1 : (int)((1u << w) - 1));
    const __m128i *src = (const __m128i *)in;
    __m128i *dst = (__m128i *)out;
    __m128i carry = _mm_set1_epi32((int)previous);
    __m128i word = _mm_loadu_si128(src++);
    int shift = 0;
#pragma clang loop unroll(full)
    for (int k = 0; k < 32; k++) {
        __m128i v = shift == 0 ? word : _mm_srli_epi32(word, shift);
        shift += w;
        if (shift >= 32) {
            shift -= 32;
            if (k < 31) {
                word = _mm_loadu_si128(src++);
                if (shift > 0) v = _mm_or_si128(v, _mm_slli_epi32(word, w - shift));
            }
        }
        if (w < 32) v = _mm_and_si128(v, mask);
        _mm_storeu_si128(dst + k, ids ? ids_sse2(v, &carry) : v);
    }
}

#define PS_CASE(W) \
    case W: unpack_sse2(in, W, out, 0, 0); return;

void ps_unpack_vertical128(const uint8_t *in, int width, uint32_t *out) {
    switch (width) {
        PS_CASE(1) PS_CASE(2) PS_CASE(3) PS_CASE(4) PS_CASE(5) PS_CASE(6) PS_CASE(7) PS_CASE(8)
        PS_CASE(9) PS_CASE(10) PS_CASE(11) PS_CASE(12) PS_CASE(13) PS_CASE(14) PS_CASE(15) PS_CASE(16)
        PS_CASE(17) PS_CASE(18) PS_CASE(19) PS_CASE(20) PS_CASE(21) PS_CASE(22) PS_CASE(23) PS_CASE(24)
        PS_CASE(25) PS_CASE(26) PS_CASE(27) PS_CASE(28) PS_CASE(29) PS_CASE(30) PS_CASE(31) PS_CASE(32)
    default: memset(out, 0, 4 * PS_VERTICAL_BLOCK); return;
    }
}

#define PS_IDS_CASE(W) \
    case W: unpack_sse2(in, W, out, 1, previous); return;

static void unpack_ids(const uint8_t *in, int width, uint32_t previous, uint32_t *out) {
    switch (width) {
        PS_IDS_CASE(1) PS_IDS_CASE(2) PS_IDS_CASE(3) PS_IDS_CASE(4) PS_IDS_CASE(5) PS_IDS_CASE(6) PS_IDS_CASE(7)
        PS_IDS_CASE(8) PS_IDS_CASE(9) PS_IDS_CASE(10) PS_IDS_CASE(11) PS_IDS_CASE(12) PS_IDS_CASE(13) PS_IDS_CASE(14)
        PS_IDS_CASE(15) PS_IDS_CASE(16) PS_IDS_CASE(17) PS_IDS_CASE(18) PS_IDS_CASE(19) PS_IDS_CASE(20) PS_IDS_CASE(21)
        PS_IDS_CASE(22) PS_IDS_CASE(23) PS_IDS_CASE(24)
    default: {  // width 0 (every gap 0); the caller sends no width above 24
        __m128i carry = _mm_set1_epi32((int)previous);
        for (int k = 0; k < 32; k++) _mm_storeu_si128((__m128i *)out + k, ids_sse2(_mm_setzero_si128(), &carry));
        return;
    }
    }
}

static void prefix_ids(uint32_t *values, uint32_t previous) {
    __m128i carry = _mm_set1_epi32((int)previous);
#pragma clang loop unroll(full)
    for (int k = 0; k < 32; k++) {
        __m128i *p = (__m128i *)values + k;
        _mm_storeu_si128(p, ids_sse2(_mm_loadu_si128(p), &carry));
    }
}

uint32_t ps_ids_from_gaps(uint32_t *values, int count, uint32_t previous) {
    const __m128i one = _mm_set1_epi32(1);
    __m128i carry = _mm_set1_epi32((int)previous), bits = _mm_setzero_si128();
    int i = 0;
    // Unrolled: a block's 32 steps are a dependency chain through `carry`; the loop's own counting
    // was a third of its instructions.
#pragma clang loop unroll_count(8)
    for (; i + 4 <= count; i += 4) {
        __m128i g = _mm_loadu_si128((const __m128i *)(values + i));
        bits = _mm_or_si128(bits, g);
        g = _mm_add_epi32(g, one);
        g = _mm_add_epi32(g, _mm_slli_si128(g, 4));  // prefix sum within the four lanes
        g = _mm_add_epi32(g, _mm_slli_si128(g, 8));
        g = _mm_add_epi32(g, carry);
        _mm_storeu_si128((__m128i *)(values + i), g);
        carry = _mm_shuffle_epi32(g, _MM_SHUFFLE(3, 3, 3, 3));
    }
    bits = _mm_or_si128(bits, _mm_srli_si128(bits, 8));
    bits = _mm_or_si128(bits, _mm_srli_si128(bits, 4));
    uint32_t seen = (uint32_t)_mm_cvtsi128_si32(bits);
    uint32_t id = (uint32_t)_mm_cvtsi128_si32(carry);
    for (; i < count; i++) {
        seen |= values[i];
        id += values[i] + 1;
        values[i] = id;
    }
    return seen;
}

#else

void ps_unpack_vertical128(const uint8_t *in, int width, uint32_t *out) {
    if (width <= 0) {
        memset(out, 0, 4 * PS_VERTICAL_BLOCK);
        return;
    }
    const uint32_t mask = width == 32 ? 0xFFFFFFFFu : (1u << width) - 1;
    for (int i = 0; i < PS_VERTICAL_BLOCK; i++) {
        const int lane = i & 3, bit = (i >> 2) * width, word = bit >> 5, shift = bit & 31;
        const uint8_t *p = in + 16 * word + 4 * lane;
        uint32_t v = load32(p) >> shift;
        if (shift + width > 32) v |= load32(p + 16) << (32 - shift);
        out[i] = v & mask;
    }
}

uint32_t ps_ids_from_gaps(uint32_t *values, int count, uint32_t previous) {
    uint32_t seen = 0, id = previous;
    for (int i = 0; i < count; i++) {
        seen |= values[i];
        id += values[i] + 1;
        values[i] = id;
    }
    return seen;
}

static void unpack_ids(const uint8_t *in, int width, uint32_t previous, uint32_t *out) {
    ps_unpack_vertical128(in, width, out);
    ps_ids_from_gaps(out, PS_VERTICAL_BLOCK, previous);
}

static void prefix_ids(uint32_t *values, uint32_t previous) { ps_ids_from_gaps(values, PS_VERTICAL_BLOCK, previous); }

#endif

/// The `width`-bit value at bit `bit` of a dense array (8 readable bytes from its byte).
static inline uint32_t dense_get(const uint8_t *base, int bit, int width) {
    uint64_t word;
    memcpy(&word, base + (bit >> 3), 8);
    return (uint32_t)((word >> (bit & 7)) & ((UINT64_C(1) << width) - 1));
}

int ps_decode_ids_vertical128(
    const uint8_t *low, int width, int exceptions, const uint8_t *indices, const uint8_t *high, int high_width,
    uint32_t previous, uint32_t *out) {
    if (exceptions == 0 && width <= 24) {
        unpack_ids(low, width, previous, out);
        return 0;
    }
    ps_unpack_vertical128(low, width, out);
    int last = -1;
    for (int k = 0, bit = 0; k < exceptions; k++, bit += high_width) {
        const int i = indices[k];
        if (i <= last || i >= PS_VERTICAL_BLOCK) return -1;
        last = i;
        out[i] |= dense_get(high, bit, high_width) << width;
    }
    prefix_ids(out, previous);
    return 0;
}
