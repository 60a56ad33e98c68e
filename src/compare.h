/* compare: the sides of a comparison (tifa_diff_side, include/tifa.h);
 * see compare.c. */
#ifndef TIFA_COMPARE_H
#define TIFA_COMPARE_H
#include "record.h"
#include "tifa.h"

/* A side from a clean text (malloc'd, NUL-terminated) and its terms, both
 * taken over (*formulations is left empty); NULL when memory ran out, and
 * then neither is taken. */
tifa_diff_side *diff_side_make(char *clean, size_t clean_len, slist *formulations);

#endif
