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

const char *tifa_version(void) { return TIFA_VERSION; }

const char *tifa_strerror(tifa_status code) {
    switch (code) {
    case TIFA_OK:
        return "success";
    case TIFA_EINPUT:
        return "input could not be interpreted";
    case TIFA_EIO:
        return "reading or writing failed";
    case TIFA_ENOMEM:
        return "out of memory";
    case TIFA_EUSAGE:
        return "invalid argument";
    case TIFA_ESINK:
        return "the output callback stopped the output";
    case TIFA_EBATCH:
        return "a corpus write failed and the open batch was rolled back";
    }
    return "unknown error"; /* a code from a newer header, or a cast integer */
}
