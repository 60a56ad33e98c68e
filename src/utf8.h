/* Small UTF-8 helpers shared by the stages. Not a general Unicode library:
 * just what the pipeline needs to walk text one code point at a time. */
#ifndef TIFA_UTF8_H
#define TIFA_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s (len > 0 bytes available). Returns its byte
 * length; an invalid or truncated sequence yields cp = 0xFFFD and length 1,
 * so a walk always makes progress. */
static inline size_t u8_decode(const unsigned char *s, size_t len, uint32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len < n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return n;
}

/* The one strict UTF-8 check: the length of the character at s (len > 0
 * bytes available) with its code point in *cp, or 0 when s does not start
 * with valid UTF-8 — a stray or missing continuation byte, an overlong
 * form, a surrogate, a value past U+10FFFF, a sequence cut short. (A real
 * U+FFFD is three bytes, so u8_decode's one-byte U+FFFD is the mark.) */
static inline size_t u8_strict(const unsigned char *s, size_t len, uint32_t *cp) {
    size_t n = u8_decode(s, len, cp);
    return *cp == 0xFFFD && n == 1 ? 0 : n;
}

/* The length of the longest prefix of s[0..len) that is valid UTF-8:
 * len when all of it is. */
static inline size_t u8_valid_prefix(const char *s, size_t len) {
    size_t i = 0, n;
    uint32_t cp;
    while (i < len && (n = u8_strict((const unsigned char *)s + i, len - i, &cp)) != 0) i += n;
    return i;
}

/* Writes cp as UTF-8 into out (4 bytes room), returns the length. */
static inline size_t u8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Han ideographs: the CJK Unified blocks, extensions and compatibility
 * ideographs, plus 〇 which newspapers use in dates. */
static inline int is_han(uint32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3134F) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

/* Pictographs and dingbats. Anti-copy scripts scatter them between
 * characters (国⛦务院, 主义(y🎐i)); readouts never use them as text. */
static inline int is_noise_symbol(uint32_t cp) {
    return (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F ||
           (cp >= 0x2B50 && cp <= 0x2B55);
}

#endif
