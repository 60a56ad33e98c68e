/* convert: internal entry point that keeps the offset map; see convert.c. */
#ifndef TIFA_CONVERT_H
#define TIFA_CONVERT_H
#include "tifa.h"
#include "text.h"

/* Appends the conversion of in to out, each output byte mapped to the
 * source of the input it was converted from. -1: out of memory. */
int convert_tbuf(const tifa_converter *conv, const tbuf *in, tbuf *out);

/* +1: a traditional-only character (t2s changes it, s2t does not);
 * -1: simplified-only; 0: shared or not Han. */
int convert_char_script(uint32_t cp);

/* The first position in (from, to] just after a character no dictionary
 * contains (a cut there cannot change a conversion); 0 if none. */
size_t convert_first_safe_point(const char *text, size_t from, size_t to);

/* The simplified form of one character (OpenCC's TSCharacters, first
 * value), or cp itself. For search: a traditional query finds simplified text. */
uint32_t convert_char_t2s(uint32_t cp);

#endif
