/* pinyin: removal of inline reading annotations; see pinyin.c. */
#ifndef TIFA_PINYIN_H
#define TIFA_PINYIN_H
#include <stdint.h>
#include "text.h"

/* Non-zero when syllable (toneless, lowercase ASCII, ü as v) is a reading
 * of the Han character cp. */
int pinyin_is_reading(uint32_t cp, const char *syllable);
/* Non-zero for Han characters common in modern text (Unihan kHanyuPinlu). */
int pinyin_is_common(uint32_t cp);

typedef struct {
    uint64_t removed; /* annotation groups removed */
    uint64_t orphans; /* reading-like groups kept: no Han character before */
    uint64_t symbols; /* pictographs and dingbats dropped (anti-copy noise) */
} pinyin_stats;

/* Copies in to out without the annotations. Returns 0 with the result in
 * out, 1 when there was nothing to remove (out untouched: use in), -1 when
 * out of memory. */
int pinyin_strip(const tbuf *in, tbuf *out, pinyin_stats *stats);

#endif
