// The only file that includes OpenCC's header.
#include "OpenCCFacade.h"
#include <opencc/opencc.h>
#include <stdlib.h>

struct pf_opencc { opencc_t handle; };

pf_opencc *pf_opencc_open(const char *config) {
    opencc_t handle = opencc_open(config);
    if (handle == (opencc_t)-1 || handle == NULL) return NULL;
    pf_opencc *c = (pf_opencc *)malloc(sizeof(pf_opencc));
    if (!c) { opencc_close(handle); return NULL; }
    c->handle = handle;
    return c;
}

void pf_opencc_close(pf_opencc *converter) {
    if (!converter) return;
    opencc_close(converter->handle);
    free(converter);
}

char *pf_opencc_convert(pf_opencc *converter, const char *input, size_t length) {
    char *out = opencc_convert_utf8(converter->handle, input, length);
    return out;
}

void pf_opencc_free(char *converted) { opencc_convert_utf8_free(converted); }

const char *pf_opencc_last_error(void) { return opencc_error(); }
