/*
 * text: the one type text moves in between stages — UTF-8 bytes plus, for
 * every byte, where it came from in the decoded input. Offsets are stored
 * relative to `base` (the window's start) to keep the map at 4 bytes a
 * byte; stages append to a new tbuf and so carry the map forward.
 */
#ifndef TIFA_TEXT_H
#define TIFA_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    char *s;
    uint32_t *src; /* src[i] + base = input offset of byte i; NULL when unmapped */
    size_t len, cap;
    uint64_t base;
    int unmapped; /* keep no map (plain cleaning needs none): src stays NULL */
} tbuf;

void tbuf_init(tbuf *t, uint64_t base);
void tbuf_free(tbuf *t);
void tbuf_clear(tbuf *t);
int tbuf_reserve(tbuf *t, size_t extra);
/* Appends n bytes that all came from input offset src. -1: no memory. */
static inline int tbuf_append(tbuf *t, const char *s, size_t n, uint64_t src);
int tbuf_append_mapped(tbuf *t, const char *s, size_t n, uint64_t src);
/* Appends n bytes copied verbatim from input offsets src, src+1, ... */
int tbuf_append_run(tbuf *t, const char *s, size_t n, uint64_t src);
/* Appends from->s[start..start+n) with its map. */
static inline int tbuf_copy(tbuf *t, const tbuf *from, size_t start, size_t n);
int tbuf_copy_mapped(tbuf *t, const tbuf *from, size_t start, size_t n);
/* Input offset of byte i (i == len gives the offset after the last byte). */
uint64_t tbuf_src(const tbuf *t, size_t i);
/* Returns s (NUL-terminated) and releases the map; the tbuf is emptied. */
char *tbuf_steal(tbuf *t);
void tbuf_swap(tbuf *a, tbuf *b);

/* The stages append in small pieces (a line, a changed character): when
 * there is no map and room enough, that is a copy, inline. The rest (a
 * map to carry, a buffer to grow) is the _mapped functions'. */
static inline int tbuf_append(tbuf *t, const char *s, size_t n, uint64_t src) {
    if (t->src || t->len + n >= t->cap) return tbuf_append_mapped(t, s, n, src);
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = 0;
    return 0;
}

/* Most copies are short (the text between two changes) and of every
 * length: when both buffers have room past them they move a fixed
 * TBUF_SHORT bytes, a few inline moves, instead of memcpy's branches on
 * the length (mispredicted). What lands past the copy is overwritten
 * later or never read. */
#define TBUF_SHORT 64

static inline int tbuf_copy(tbuf *t, const tbuf *from, size_t start, size_t n) {
    if (t->src || t->len + n >= t->cap) return tbuf_copy_mapped(t, from, start, n);
    if (n <= TBUF_SHORT && t->len + TBUF_SHORT < t->cap && start + TBUF_SHORT <= from->cap)
        memcpy(t->s + t->len, from->s + start, TBUF_SHORT);
    else
        memcpy(t->s + t->len, from->s + start, n);
    t->len += n;
    t->s[t->len] = 0;
    return 0;
}

#endif
