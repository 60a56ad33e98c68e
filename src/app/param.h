/* app/param: checks of values from outside (query parameters, numbers on
 * the command line), shared by the server and the CLI. Each returns 1 when
 * the value is acceptable. Not library API. */
#ifndef TIFA_APP_PARAM_H
#define TIFA_APP_PARAM_H
#include <stddef.h>
#include <stdint.h>

int param_id(const char *s, int64_t *out);                   /* 1..2^53, digits only */
int param_int(const char *s, long min, long max, long *out); /* digits only (no leading 0), in range */
int param_date(const char *s);                               /* yyyy, yyyy-mm, yyyy-mm-dd */
int param_text(const char *s, size_t max);                   /* valid UTF-8, 1..max bytes, no control chars */

#endif
