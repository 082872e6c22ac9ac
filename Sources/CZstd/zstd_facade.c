// The only file that includes zstd's headers (see include/CZstd.h).
#define ZDICT_STATIC_LINKING_ONLY  // ZDICT_trainFromBuffer_fastCover: one training pass, no parameter search
#include "CZstd.h"
#include <stdlib.h>
#include <string.h>
#include <zdict.h>
#include <zstd.h>

struct psz_compressor {
    ZSTD_CCtx *cctx;
    ZSTD_CDict *cdict;
};

struct psz_decompressor {
    ZSTD_DCtx *dctx;
    ZSTD_DDict *ddict;
};

psz_compressor *psz_compressor_create(const void *dict, size_t dict_size, int level) {
    psz_compressor *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->cctx = ZSTD_createCCtx();
    if (dict && dict_size > 0) c->cdict = ZSTD_createCDict(dict, dict_size, level);
    if (!c->cctx || (dict && dict_size > 0 && !c->cdict)) {
        psz_compressor_free(c);
        return NULL;
    }
    ZSTD_CCtx_setParameter(c->cctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(c->cctx, ZSTD_c_contentSizeFlag, 1);
    ZSTD_CCtx_setParameter(c->cctx, ZSTD_c_checksumFlag, 0);  // the index checks CRC-32C per 16 KiB block
    ZSTD_CCtx_setParameter(c->cctx, ZSTD_c_dictIDFlag, 0);
    if (c->cdict) ZSTD_CCtx_refCDict(c->cctx, c->cdict);
    return c;
}

void psz_compressor_free(psz_compressor *c) {
    if (c) ZSTD_freeCDict(c->cdict), ZSTD_freeCCtx(c->cctx);
    free(c);
}

size_t psz_compress_bound(size_t size) { return ZSTD_compressBound(size); }

size_t psz_compress(psz_compressor *c, void *dst, size_t capacity, const void *src, size_t size) {
    size_t r = ZSTD_compress2(c->cctx, dst, capacity, src, size);
    return ZSTD_isError(r) ? 0 : r;
}

psz_decompressor *psz_decompressor_create(const void *dict, size_t dict_size) {
    psz_decompressor *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->dctx = ZSTD_createDCtx();
    if (dict && dict_size > 0) d->ddict = ZSTD_createDDict(dict, dict_size);
    if (!d->dctx || (dict && dict_size > 0 && !d->ddict)) {
        psz_decompressor_free(d);
        return NULL;
    }
    return d;
}

void psz_decompressor_free(psz_decompressor *d) {
    if (d) ZSTD_freeDDict(d->ddict), ZSTD_freeDCtx(d->dctx);
    free(d);
}

int64_t psz_frame_content_size(const void *src, size_t size) {
    unsigned long long n = ZSTD_getFrameContentSize(src, size);
    if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN || n > INT64_MAX) return -1;
    return (int64_t)n;
}

int64_t psz_decompress(psz_decompressor *d, void *dst, size_t capacity, const void *src, size_t size) {
    // The frame must span the input exactly: trailing bytes are damage, not another frame.
    if (ZSTD_findFrameCompressedSize(src, size) != size) return -1;
    size_t r = d->ddict ? ZSTD_decompress_usingDDict(d->dctx, dst, capacity, src, size, d->ddict)
                        : ZSTD_decompressDCtx(d->dctx, dst, capacity, src, size);
    return ZSTD_isError(r) ? -1 : (int64_t)r;
}

size_t psz_train_dictionary(void *dict, size_t capacity, const void *samples, const size_t *sizes, unsigned count, int level) {
    ZDICT_fastCover_params_t params;
    memset(&params, 0, sizeof params);
    params.k = 200;  // segment size and d-mer length fixed: one pass, ~10 ms a MB of samples
    params.d = 8;
    params.f = 18;
    params.accel = 1;
    params.zParams.compressionLevel = level;
    size_t r = ZDICT_trainFromBuffer_fastCover(dict, capacity, samples, sizes, count, params);
    return ZDICT_isError(r) ? 0 : r;
}
