/* jsonread: a small reader for JSON text made elsewhere (records read back
 * by tifa add --records); see jsonread.c. json.h writes, this reads. */
#ifndef TIFA_JSONREAD_H
#define TIFA_JSONREAD_H
#include <stddef.h>
#include <stdint.h>

/* A value: its bytes in the text, from its first byte to its last. */
typedef struct {
    const char *s;
    size_t n;
} jvalue;

/* Whether s[0..n) is one JSON value with only white space around it
 * (RFC 8259; strings valid UTF-8, nesting at most 64 deep). 0 when it is,
 * else -1 with *at the byte where it stops being one. */
int jr_check(const char *s, size_t n, size_t *at);

/* The following take values of text jr_check accepted. */

/* The type of a value: '{', '[', '"', 'n' (null), 't'/'f', or '0' (number). */
char jr_type(jvalue v);

/* The member `key` of an object: 1 found (*out), 0 absent (or v is no object). */
int jr_member(jvalue obj, const char *key, jvalue *out);

/* The next element of an array (or member value of an object), from *pos
 * (0 to begin): 1 with *out, 0 at the end. */
int jr_next(jvalue arr, size_t *pos, jvalue *out);

/* The same for an object's members, with each key (quoted, as written). */
int jr_next_member(jvalue obj, size_t *pos, jvalue *key, jvalue *out);

/* A string's text, unescaped, malloc'd and NUL-terminated; NULL when v is
 * no string or memory ran out (*oom then set). *len may be NULL. */
char *jr_string(jvalue v, size_t *len, int *oom);

/* A whole number in 0..max: 0 with *out, -1 when v is something else. */
int jr_uint(jvalue v, uint64_t max, uint64_t *out);

#endif
