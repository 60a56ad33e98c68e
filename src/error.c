/* Error reporting and the few allocation helpers every stage shares. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "internal.h"

tifa_status tifa_fail(tifa_error *err, tifa_status code, uint64_t pos, const char *fmt, ...) {
    if (err) {
        err->code = code;
        err->position = pos;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

void tifa_free(void *p) { free(p); }
