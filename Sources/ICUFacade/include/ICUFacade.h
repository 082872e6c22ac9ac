// A plain-C facade over system ICU. This header deliberately carries no ICU types: Swift modules
// that import it never see ICU's headers, which clash with Foundation's private ICU at compile time.
#ifndef POLICY_SEARCH_ICU_FACADE_H
#define POLICY_SEARCH_ICU_FACADE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opaque word break iterator (ICU UBRK_WORD). Not thread-safe: clone one per thread.
typedef struct pf_word_breaker pf_word_breaker;

/// Opens a word breaker for `locale` ("zh"). Returns NULL on failure and sets *error (> 0).
pf_word_breaker *pf_word_breaker_open(const char *locale, int32_t *error);
/// An independent copy for another thread.
pf_word_breaker *pf_word_breaker_clone(const pf_word_breaker *breaker, int32_t *error);
void pf_word_breaker_close(pf_word_breaker *breaker);

/// Segments UTF-16 `text` into words. For each segment i (up to `capacity`), writes its end offset
/// (UTF-16 units) to ends[i] and ICU's rule status to statuses[i] (0–99 none/punctuation, 100–199
/// number, 200–299 letter, 300–399 kana, 400–499 ideographic). Returns the number of segments, or
/// -1 on error (*error set). If the result exceeds `capacity`, call again with a larger buffer.
int32_t pf_word_breaker_segment(pf_word_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *ends, int32_t *statuses, int32_t capacity, int32_t *error);

/// Counts word segments (rule status >= 100) in UTF-16 `text`; -1 on error.
int32_t pf_word_breaker_count_words(pf_word_breaker *breaker, const uint16_t *text, int32_t length,
                                    int32_t *error);

/// NFKC_Casefold of UTF-16 `source` into `destination`. Returns the needed length (may exceed
/// capacity: call again), or -1 on error.
int32_t pf_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                         int32_t capacity, int32_t *error);

/// Converts `length` bytes in `charset` (e.g. "GB18030", "UTF-16LE") to UTF-16, stopping at the
/// first invalid or unmappable sequence. Returns the number of UTF-16 units written, or -1 on error;
/// then *error_offset holds the byte offset of the offending input. Output capacity must be at
/// least 2 * length + 2 units.
int32_t pf_convert_to_utf16(const char *charset, const char *source, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *error,
                            int32_t *error_offset);

/// Columns a code point takes on a terminal: 2 for East Asian Wide and Fullwidth (Unicode
/// East_Asian_Width W/F), 0 for combining marks, format and control characters, else 1.
int32_t pf_display_width(int32_t c);

/// ICU's charset detector: writes the likeliest charset's name ("Big5", "GB18030", …) into `name`
/// and returns its confidence (0–100), or -1 when nothing was detected.
int32_t pf_detect_charset(const char *bytes, int32_t length, char *name, int32_t capacity);

/// Short name of an ICU error code, for messages.
const char *pf_error_name(int32_t error);

#ifdef __cplusplus
}
#endif
#endif
