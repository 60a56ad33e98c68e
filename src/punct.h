/* punct: punctuation and spacing normalisation; see punct.c. */
#ifndef TIFA_PUNCT_H
#define TIFA_PUNCT_H
#include <stdint.h>
#include "text.h"

typedef struct {
    uint64_t spaces_removed;
    uint64_t punct_changed;
} punct_stats;

/* Han ideograph or East Asian punctuation: what makes a neighbour "Chinese". */
int punct_is_cjk(uint32_t cp);
/* Sentence-final punctuation (。！？； and …, or a closing quote after one). */
int punct_is_terminal(uint32_t cp);

/* Line by line: ASCII , : ; ? ! next to Chinese text become full width,
 * ( ) around text with Han become （ ）, stray spaces between Han characters
 * and between Han and digits go, invisible characters go. Line breaks and
 * leading/trailing whitespace are kept for the layout stage. Returns 0
 * with the result in out, 1 when nothing needed changing (out untouched:
 * use in), -1 when out of memory. */
int punct_normalize(const tbuf *in, tbuf *out, punct_stats *stats);

#endif
