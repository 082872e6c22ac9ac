// A small facade over the system zstd (Debian's libzstd-dev): compression of the index's stored
// text blocks with a dictionary trained on the corpus. The header uses only <stddef.h> and
// <stdint.h> types, so no zstd type leaks into Swift (the pattern of ICUFacade).
#ifndef CZSTD_H
#define CZSTD_H

#include <stddef.h>
#include <stdint.h>

/// Opaque compression and decompression contexts, each bound to one dictionary (or none).
typedef struct psz_compressor psz_compressor;
typedef struct psz_decompressor psz_decompressor;

/// A compressor at `level`; `dict` may be NULL (no dictionary). NULL on failure.
psz_compressor *psz_compressor_create(const void *dict, size_t dict_size, int level);
void psz_compressor_free(psz_compressor *c);
/// The most bytes compressing `size` bytes can take.
size_t psz_compress_bound(size_t size);
/// Compresses one frame (content size recorded, no checksum, no dictionary id); returns its size,
/// or 0 on failure.
size_t psz_compress(psz_compressor *c, void *dst, size_t capacity, const void *src, size_t size);

/// A decompressor for frames made with `dict` (may be NULL). NULL on failure.
psz_decompressor *psz_decompressor_create(const void *dict, size_t dict_size);
void psz_decompressor_free(psz_decompressor *d);
/// The content size a frame records; -1 when the frame is malformed or does not record it.
int64_t psz_frame_content_size(const void *src, size_t size);
/// Decompresses one frame that is exactly `size` bytes into `dst`; returns the decompressed size,
/// or -1 on malformed input, a frame that does not end at `size`, or output larger than `capacity`.
int64_t psz_decompress(psz_decompressor *d, void *dst, size_t capacity, const void *src, size_t size);

/// Trains a dictionary of at most `capacity` bytes on `count` samples laid end to end in
/// `samples` (`sizes[i]` bytes each), tuned for `level`. Returns its size, or 0 when the samples
/// are too few or too small to train on.
size_t psz_train_dictionary(void *dict, size_t capacity, const void *samples, const size_t *sizes, unsigned count, int level);

#endif
