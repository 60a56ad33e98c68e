/* What the fuzz targets share: a check that aborts (so libFuzzer saves the
 * input), a growing output buffer for write callbacks, a strict UTF-8
 * validator and a small deterministic random generator. */
#ifndef TIFA_FUZZ_COMMON_H
#define TIFA_FUZZ_COMMON_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REQUIRE(cond)                                                                                                  \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                                   \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

typedef struct {
    char *data;
    size_t len, cap;
} membuf;

static inline int mem_write(void *user, const char *data, size_t len) {
    membuf *m = user;
    REQUIRE(len > 0 || data != NULL);
    if (m->len + len + 1 > m->cap) { /* room for a terminating NUL */
        size_t cap = m->cap ? m->cap : 256;
        while (cap < m->len + len + 1) cap *= 2;
        char *p = realloc(m->data, cap);
        REQUIRE(p != NULL);
        m->data = p;
        m->cap = cap;
    }
    if (len) memcpy(m->data + m->len, data, len);
    m->len += len;
    m->data[m->len] = 0;
    return 0;
}

/* Strict UTF-8: shortest form, no surrogates, nothing above U+10FFFF;
 * NUL only when allowed. */
static inline int fz_valid_utf8(const unsigned char *s, size_t len, int allow_nul) {
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0 && !allow_nul) return 0;
            i++;
            continue;
        }
        size_t n;
        uint32_t v, min;
        if (c >= 0xC2 && c <= 0xDF)
            n = 2, v = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, v = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, v = c & 0x07, min = 0x10000;
        else
            return 0;
        if (len - i < n) return 0;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            v = (v << 6) | (s[i + k] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        i += n;
    }
    return 1;
}

/* The primitives of the targets' JSON checkers, for a parser state type T
 * with fields s (bytes), n (length), i (position), why and at (the first
 * error and where). Each target keeps its own state; the scanning is one. */
#define FZ_JSON_PRIMITIVES(T)                                                                                          \
    static int fail(T *p, const char *why) {                                                                           \
        if (!p->why) {                                                                                                 \
            p->why = why;                                                                                              \
            p->at = p->i;                                                                                              \
        }                                                                                                              \
        return 0;                                                                                                      \
    }                                                                                                                  \
    static void skip_ws(T *p) {                                                                                        \
        while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))    \
            p->i++;                                                                                                    \
    }                                                                                                                  \
    static int hexval(unsigned char c) {                                                                               \
        if (c >= '0' && c <= '9') return c - '0';                                                                      \
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;                                                                 \
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;                                                                 \
        return -1;                                                                                                     \
    }                                                                                                                  \
    static int read_hex4(T *p, uint32_t *v) {                                                                          \
        if (p->n - p->i < 4) return fail(p, "short \\u escape");                                                       \
        *v = 0;                                                                                                        \
        for (int k = 0; k < 4; k++) {                                                                                  \
            int h = hexval(p->s[p->i + k]);                                                                            \
            if (h < 0) return fail(p, "bad hex digit in \\u escape");                                                  \
            *v = *v * 16 + (uint32_t)h;                                                                                \
        }                                                                                                              \
        p->i += 4;                                                                                                     \
        return 1;                                                                                                      \
    }                                                                                                                  \
    /* After a backslash at p->i - 1: one escape, \uXXXX surrogates paired. */                                         \
    static int read_escape(T *p) {                                                                                     \
        if (p->i >= p->n) return fail(p, "unterminated escape");                                                       \
        unsigned char e = p->s[p->i++];                                                                                \
        if (e != 'u') return e != 0 && strchr("\"\\/bfnrt", e) ? 1 : fail(p, "invalid escape");                        \
        uint32_t v, lo;                                                                                                \
        if (!read_hex4(p, &v)) return 0;                                                                               \
        if (v >= 0xDC00 && v <= 0xDFFF) return fail(p, "lone low surrogate escape");                                   \
        if (v < 0xD800 || v > 0xDBFF) return 1;                                                                        \
        if (p->n - p->i < 2 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') return fail(p, "lone high surrogate escape");\
        p->i += 2;                                                                                                     \
        if (!read_hex4(p, &lo)) return 0;                                                                              \
        return lo >= 0xDC00 && lo <= 0xDFFF ? 1 : fail(p, "high surrogate not followed by low");                       \
    }

static inline uint64_t rng_next(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

#endif
