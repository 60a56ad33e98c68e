/* text: the UTF-8 buffer with its offset map (see text.h). */
#include <stdlib.h>
#include <string.h>
#include "text.h"

void tbuf_init(tbuf *t, uint64_t base) {
    memset(t, 0, sizeof *t);
    t->base = base;
}

void tbuf_free(tbuf *t) {
    free(t->s);
    free(t->src);
    memset(t, 0, sizeof *t);
}

void tbuf_clear(tbuf *t) { t->len = 0; }

int tbuf_reserve(tbuf *t, size_t extra) {
    if (t->len + extra + 1 <= t->cap) return 0;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + extra + 1) cap *= 2;
    char *s = realloc(t->s, cap);
    if (!s) return -1;
    t->s = s;
    if (!t->unmapped) {
        uint32_t *src = realloc(t->src, cap * sizeof *src);
        if (!src) return -1;
        t->src = src;
    }
    t->cap = cap;
    return 0;
}

int tbuf_append_mapped(tbuf *t, const char *s, size_t n, uint64_t src) {
    if (tbuf_reserve(t, n)) return -1;
    memcpy(t->s + t->len, s, n);
    if (t->src) {
        uint32_t rel = (uint32_t)(src - t->base);
        for (size_t i = 0; i < n; i++) t->src[t->len + i] = rel;
    }
    t->len += n;
    t->s[t->len] = 0;
    return 0;
}

int tbuf_copy_mapped(tbuf *t, const tbuf *from, size_t start, size_t n) {
    if (tbuf_reserve(t, n)) return -1;
    memcpy(t->s + t->len, from->s + start, n);
    if (!t->src || !from->src) {
        if (t->src) memset(t->src + t->len, 0, n * sizeof *t->src);
    } else if (from->base == t->base) {
        memcpy(t->src + t->len, from->src + start, n * sizeof *t->src);
    } else {
        for (size_t i = 0; i < n; i++) t->src[t->len + i] = (uint32_t)(from->src[start + i] + from->base - t->base);
    }
    t->len += n;
    t->s[t->len] = 0;
    return 0;
}

uint64_t tbuf_src(const tbuf *t, size_t i) {
    if (t->len == 0 || !t->src) return t->base;
    if (i >= t->len) return t->base + t->src[t->len - 1] + 1;
    return t->base + t->src[i];
}

char *tbuf_steal(tbuf *t) {
    char *s = t->s;
    if (!s) s = calloc(1, 1);
    free(t->src);
    memset(t, 0, sizeof *t);
    return s;
}

void tbuf_swap(tbuf *a, tbuf *b) {
    tbuf tmp = *a;
    *a = *b;
    *b = tmp;
}

int tbuf_append_run(tbuf *t, const char *s, size_t n, uint64_t src) {
    if (tbuf_reserve(t, n)) return -1;
    memcpy(t->s + t->len, s, n);
    if (t->src) {
        uint32_t rel = (uint32_t)(src - t->base);
        uint32_t *m = t->src + t->len;
        for (size_t i = 0; i < n; i++) m[i] = rel + (uint32_t)i;
    }
    t->len += n;
    t->s[t->len] = 0;
    return 0;
}
