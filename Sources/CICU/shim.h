// The system ICU headers the facade needs. Only Sources/ICUFacade/facade.c includes them.
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ucnv.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
