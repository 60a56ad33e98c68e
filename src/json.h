/* json: a small writer for records — always valid UTF-8 JSON; see json.c. */
#ifndef TIFA_JSON_H
#define TIFA_JSON_H
#include <stddef.h>
#include "sbuf.h"

typedef struct {
    sbuf out; /* where the JSON goes */
    /* out's bytes and length, kept in step with it, and whether writing
     * failed (memory ran out: the output is incomplete). The record writer
     * (extract/record.c) reads them, takes s, and sets failed itself when
     * the record would be incomplete. */
    char *s;
    size_t len;
    int failed;
    int pretty;
    int depth;
    unsigned char first[64]; /* per level: nothing written yet */
    int after_key;
} jw;

void jw_init(jw *w, int pretty);
void jw_free(jw *w);
void jw_obj(jw *w);
void jw_obj_end(jw *w);
void jw_arr(jw *w);
void jw_arr_end(jw *w);
void jw_key(jw *w, const char *key);
void jw_str(jw *w, const char *s); /* NULL writes null */
void jw_strn(jw *w, const char *s, size_t n);
void jw_int(jw *w, long long v);
void jw_bool(jw *w, int v);
void jw_null(jw *w);
/* Raw bytes, and a quoted string without the separators of a value: for
 * splicing into JSON written elsewhere. */
void jw_raw(jw *w, const char *s, size_t n);
void jw_quoted(jw *w, const char *s, size_t n);
/* A value that is valid JSON already (made elsewhere), in its place. */
void jw_value_raw(jw *w, const char *s, size_t n);
/* n bytes as a base64 string (RFC 4648, padded). */
void jw_base64(jw *w, const void *data, size_t n);
/* A key and its string value (NULL writes null). */
void jw_field(jw *w, const char *key, const char *value);

/* The one JSON string writer: s[0..n) quoted into b. Quotes, backslashes
 * and every control character escaped (\n \t \r, else \u00XX), a byte
 * that is not part of valid UTF-8 written as U+FFFD: valid JSON whatever
 * s holds. Errors are b's. */
void json_quote(sbuf *b, const char *s, size_t n);

#endif
