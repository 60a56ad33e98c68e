/* Declarations shared between tifa's own source files, not part of the API. */
#ifndef TIFA_INTERNAL_H
#define TIFA_INTERNAL_H
#include "tifa.h"

/* Fills err (if any) and returns code. */
tifa_status tifa_fail(tifa_error *err, tifa_status code, uint64_t pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
