/*
 * app/param: the checks a value from outside passes before it reaches the
 * corpus — a query parameter of the server, a number on the command line.
 * Pure functions over bytes, fuzzed with the routes (fuzz/fuzz_route.c).
 */
#include <string.h>
#include "app/param.h"

int param_int(const char *s, long min, long max, long *out) {
    if (!s || !*s) return 0;
    if (s[0] == '0' && s[1]) return 0; /* one spelling per number: no leading zeros */
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        if (v > (max - (*p - '0')) / 10) return 0; /* above max (and no overflow) */
        v = v * 10 + (*p - '0');
    }
    if (v < min) return 0;
    *out = v;
    return 1;
}

int param_id(const char *s, int64_t *out) {
    long v;
    /* 2^53: ids survive a round trip through JavaScript numbers. */
    if (!param_int(s, 1, 9007199254740991L, &v)) return 0;
    *out = v;
    return 1;
}

static int digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int param_date(const char *s) {
    if (!s) return 0;
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return 0;
    if (!digits(s, 4)) return 0;
    if (n >= 7) {
        if (s[4] != '-' || !digits(s + 5, 2)) return 0;
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12) return 0;
    }
    if (n == 10) {
        if (s[7] != '-' || !digits(s + 8, 2)) return 0;
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (d < 1 || d > 31) return 0;
    }
    return 1;
}

/* Strict UTF-8 (shortest form, no surrogates, at most U+10FFFF), no C0
 * controls but tab, no DEL. */
int param_text(const char *s, size_t max) {
    if (!s || !*s) return 0;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (p[i]) {
        if (i >= max) return 0;
        unsigned c = p[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7f) return 0;
            i++;
            continue;
        }
        size_t n;
        unsigned long v, min;
        if (c >= 0xC2 && c <= 0xDF)
            n = 2, v = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, v = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, v = c & 0x07, min = 0x10000;
        else
            return 0;
        for (size_t k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) return 0; /* also stops at the NUL */
            v = v << 6 | (p[i + k] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        i += n;
    }
    return i <= max;
}
