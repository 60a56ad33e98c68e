/* layout: lines to paragraphs; see layout.c. */
#ifndef TIFA_LAYOUT_H
#define TIFA_LAYOUT_H
#include <stddef.h>
#include "boiler.h"
#include "text.h"

/* Splits t into lines: trimmed spans and an indent flag. *n receives the
 * count; the array is owned by the caller (free). NULL: out of memory. */
line_info *layout_lines(const tbuf *t, size_t *n);

/* For each body line, decides whether it continues on the next body line
 * (a hard line break inside a paragraph). join[i] = 1 for such lines. */
void layout_join(const tbuf *t, const line_info *lines, size_t n, unsigned char *join);

#endif
