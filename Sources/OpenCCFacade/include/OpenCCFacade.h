// A plain-C facade over OpenCC (Debian libopencc-dev), the standard Traditional/Simplified Chinese
// converter. Like ICUFacade, the header carries no library types.
#ifndef POLICY_SEARCH_OPENCC_FACADE_H
#define POLICY_SEARCH_OPENCC_FACADE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opaque converter. Conversion is read-only once opened; still, use one per thread.
typedef struct pf_opencc pf_opencc;

/// Opens the converter of an OpenCC configuration ("t2s.json": Traditional to Simplified).
/// Returns NULL on failure; `pf_opencc_last_error` then says why.
pf_opencc *pf_opencc_open(const char *config);
void pf_opencc_close(pf_opencc *converter);

/// Converts `length` bytes of UTF-8. Returns a NUL-terminated UTF-8 string to release with
/// `pf_opencc_free`, or NULL on failure.
char *pf_opencc_convert(pf_opencc *converter, const char *input, size_t length);
void pf_opencc_free(char *converted);

/// OpenCC's message for the last failure.
const char *pf_opencc_last_error(void);

#ifdef __cplusplus
}
#endif
#endif
