/* layout: lines to paragraphs; see layout.c. */
#ifndef TIFA_LAYOUT_H
#define TIFA_LAYOUT_H
#include <stddef.h>
#include "boiler.h"
#include "text.h"

/* Arrays a caller keeps between calls so windows reuse their memory. */
typedef struct {
    line_info *lines, *olines;
    size_t lines_cap, olines_cap;
    unsigned char *join;
    size_t join_cap;
    void *shapes;
    size_t shapes_cap;
} layout_scratch;

/* Splits t into lines: trimmed spans and an indent flag, in *buf (grown
 * as needed, *cap entries). *n receives the count. NULL: out of memory. */
line_info *layout_lines(const tbuf *t, size_t *n, line_info **buf, size_t *cap);

/* A join array of n entries from the scratch. NULL: out of memory. */
unsigned char *layout_join_buffer(layout_scratch *s, size_t n);

/* For each body line, decides whether it continues on the next body line
 * (a hard line break inside a paragraph). join[i] = 1 for such lines.
 * -1 when out of memory (then join is all 0: the text would come out
 * unrepaired, which is not the clean text). */
int layout_join(const tbuf *t, const line_info *lines, size_t n, unsigned char *join, layout_scratch *s);

void layout_scratch_free(layout_scratch *s);

#endif
