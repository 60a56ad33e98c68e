/* app/cite: a stored document cited in plain text, BibTeX or CSL-JSON,
 * for `tifa cite` and the server's cite box (the same code, so the two
 * never differ). Not library API. */
#ifndef TIFA_APP_CITE_H
#define TIFA_APP_CITE_H
#include "sbuf.h"
#include "tifa.h"

enum { CITE_TEXT, CITE_BIBTEX, CITE_CSL };

/* The format a name stands for: text, bibtex or csl-json; -1 for any
 * other name. */
int cite_format(const char *name);

/* One citation of h to o. CSL: one item (first: no separator before it;
 * the caller writes the array's brackets); BibTeX: a blank line before
 * every entry but the first. */
void cite_write(sbuf *o, const tifa_hit *h, int format, int first);

#endif
