// A plain-C facade over poppler's C++ API. The header carries no poppler types, so Swift modules
// that import it never see poppler's (C++) headers.
#ifndef POLICY_SEARCH_PDF_FACADE_H
#define POLICY_SEARCH_PDF_FACADE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opened PDF document. Not thread-safe; one per thread.
typedef struct pf_pdf pf_pdf;

/// Status of `pf_pdf_open`.
enum {
    PF_PDF_OK = 0,
    /// Not a PDF poppler can read (damaged, truncated, not a PDF).
    PF_PDF_DAMAGED = 1,
    /// Encrypted with a user password: no text can be read without it.
    PF_PDF_LOCKED = 2
};

/// Opens a PDF from memory; the bytes are copied. Returns NULL and sets *status on failure.
pf_pdf *pf_pdf_open(const char *bytes, int32_t length, int32_t *status);
void pf_pdf_close(pf_pdf *pdf);

int32_t pf_pdf_page_count(pf_pdf *pdf);

/// The text of page `index` (0-based) in the order the page draws it (pdftotext -raw: the order
/// the author wrote, which geometric reading order can split into false columns), lines separated by '\n', UTF-8, NUL-terminated.
/// The caller frees the result with `pf_pdf_free`. NULL if the page cannot be read.
char *pf_pdf_page_text(pf_pdf *pdf, int32_t index);

/// The text set in the largest font on page `index`, runs separated by '\n' (UTF-8, free with
/// `pf_pdf_free`), and that size in points in *size (0 if the page has no text).
char *pf_pdf_page_largest_text(pf_pdf *pdf, int32_t index, double *size);

/// The physical lines of page `index` (text boxes grouped by their baseline, left to right), one
/// per '\n'-separated row "x<TAB>size<TAB>text": the line's left edge and the height of its first
/// box in points. Free with `pf_pdf_free`; NULL if the page cannot be read.
char *pf_pdf_page_line_starts(pf_pdf *pdf, int32_t index);

/// The document information dictionary's Title, UTF-8 (free with `pf_pdf_free`); NULL if absent.
char *pf_pdf_title(pf_pdf *pdf);

void pf_pdf_free(char *text);

#ifdef __cplusplus
}
#endif

#endif
