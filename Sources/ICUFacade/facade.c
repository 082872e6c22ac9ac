// The only translation unit that includes ICU. See include/ICUFacade.h for the contract.
#include "ICUFacade.h"
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ucnv.h>
#include <unicode/utext.h>
#include <unicode/uchar.h>
#include <unicode/ucsdet.h>
#include <stdlib.h>
#include <string.h>

struct pf_word_breaker {
    UBreakIterator *iterator;
};

pf_word_breaker *pf_word_breaker_open(const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    // U_USING_DEFAULT_WARNING is negative: only values above zero are failures.
    if (status > U_ZERO_ERROR || it == NULL) { *error = status; return NULL; }
    pf_word_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->iterator = it;
    *error = 0;
    return b;
}

pf_word_breaker *pf_word_breaker_clone(const pf_word_breaker *breaker, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone(breaker->iterator, &status);
    if (status > U_ZERO_ERROR || it == NULL) { *error = status; return NULL; }
    pf_word_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->iterator = it;
    *error = 0;
    return b;
}

void pf_word_breaker_close(pf_word_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t pf_word_breaker_segment(pf_word_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t *ends, int32_t *statuses, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (status > U_ZERO_ERROR) { *error = status; return -1; }
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    for (int32_t end = ubrk_next(breaker->iterator); end != UBRK_DONE; end = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            ends[count] = end;
            statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count++;
    }
    *error = 0;
    return count;
}

int32_t pf_word_breaker_count_words(pf_word_breaker *breaker, const uint16_t *text, int32_t length,
                                    int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (status > U_ZERO_ERROR) { *error = status; return -1; }
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    while (ubrk_next(breaker->iterator) != UBRK_DONE) {
        if (ubrk_getRuleStatus(breaker->iterator) >= UBRK_WORD_NUMBER) count++;
    }
    *error = 0;
    return count;
}

int32_t pf_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                         int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCCasefoldInstance(&status);
    if (status > U_ZERO_ERROR) { *error = status; return -1; }
    int32_t needed = unorm2_normalize(n, (const UChar *)source, length, (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) { *error = 0; return needed; }
    if (status > U_ZERO_ERROR) { *error = status; return -1; }
    *error = 0;
    return needed;
}

int32_t pf_convert_to_utf16(const char *charset, const char *source, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *error,
                            int32_t *error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    *error_offset = -1;
    UConverter *cnv = ucnv_open(charset, &status);
    if (status > U_ZERO_ERROR) { *error = status; return -1; }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (status > U_ZERO_ERROR) { ucnv_close(cnv); *error = status; return -1; }
    UChar *target = (UChar *)destination;
    const char *src = source;
    ucnv_toUnicode(cnv, &target, (UChar *)destination + capacity, &src, source + length, NULL, 1, &status);
    if (status > U_ZERO_ERROR) {
        *error = status;
        *error_offset = (int32_t)(src - source);
        // The converter has consumed the offending bytes; report where they start.
        char bad[32];
        int8_t badLength = sizeof bad;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &badLength, &ignored);
        if (ignored <= U_ZERO_ERROR && badLength <= *error_offset) *error_offset -= badLength;
        ucnv_close(cnv);
        return -1;
    }
    ucnv_close(cnv);
    *error = 0;
    return (int32_t)(target - (UChar *)destination);
}

int32_t pf_display_width(int32_t c) {
    int8_t category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
    if (category == U_CONTROL_CHAR) return 0;
    int32_t width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

int32_t pf_detect_charset(const char *bytes, int32_t length, char *name, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&status);
    if (status > U_ZERO_ERROR) return -1;
    ucsdet_setText(d, bytes, length, &status);
    const UCharsetMatch *m = ucsdet_detect(d, &status);
    int32_t confidence = -1;
    if (status <= U_ZERO_ERROR && m) {
        const char *n = ucsdet_getName(m, &status);
        confidence = ucsdet_getConfidence(m, &status);
        if (status > U_ZERO_ERROR || !n || (int32_t)strlen(n) >= capacity) confidence = -1;
        else strcpy(name, n);
    }
    ucsdet_close(d);
    return confidence;
}

const char *pf_error_name(int32_t error) {
    return u_errorName((UErrorCode)error);
}
