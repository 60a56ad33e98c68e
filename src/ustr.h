/* ustr: text as code points, for the pattern rules of extract and terms.
 * Indices are character offsets (what records cite); off[] maps them back
 * to bytes. Literals in rules are UTF-8 strings compared code point by
 * code point. */
#ifndef TIFA_USTR_H
#define TIFA_USTR_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *s; /* UTF-8 text (not owned) */
    uint32_t *cp;  /* n code points */
    size_t *off;   /* n + 1 byte offsets */
    size_t n;
} ustr;

int ustr_init(ustr *u, const char *s, size_t len); /* -1: no memory */
void ustr_free(ustr *u);
/* Characters [a, b) of text as a ustr of their own, sharing its code
 * points and offsets (a slice decoded once, not again): nothing is
 * allocated, so nothing is freed (no ustr_free), and it lives as long as
 * text. Offsets stay those of text's bytes (u->s is text's), so
 * u->s + u->off[i] is still character i. */
void ustr_view(ustr *u, const ustr *text, size_t a, size_t b);

/* Does literal lit (UTF-8) occur at index i? Returns its length in code
 * points, or 0. */
size_t ustr_at(const ustr *u, size_t i, const char *lit);
/* First of lits matching at i: returns its length, sets *which. 0: none. */
size_t ustr_at_any(const ustr *u, size_t i, const char *const *lits, size_t nlits, size_t *which);
/* First index in [from, to) where lit occurs, or (size_t)-1. */
size_t ustr_find(const ustr *u, size_t from, size_t to, const char *lit);
/* Whether the text of characters [a, b) occurs in s / s occurs in it: a
 * slice compared without copying it out (nothing to allocate, nothing to
 * fail). */
int ustr_range_in(const ustr *u, size_t a, size_t b, const char *s);
int ustr_range_has(const ustr *u, size_t a, size_t b, const char *s);
/* Last such index, or (size_t)-1. */
size_t ustr_rfind(const ustr *u, size_t from, size_t to, const char *lit);
/* Copy of characters [a, b) as a NUL-terminated UTF-8 string (malloc). */
char *ustr_slice(const ustr *u, size_t a, size_t b);

int u_is_han(uint32_t cp);
int u_is_digit(uint32_t cp);        /* ASCII and full-width digits */
int u_is_sentence_end(uint32_t cp); /* 。！？ */

#define USTR_NONE ((size_t)-1)

#endif
