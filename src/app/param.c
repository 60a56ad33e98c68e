/*
 * app/param: the checks a value from outside passes before it reaches the
 * corpus — a query parameter of the server, a number on the command line.
 * Pure functions over bytes, fuzzed with the routes (fuzz/fuzz_route.c).
 */
#include <string.h>
#include "app/param.h"
#include "utf8.h"

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

/* Strict UTF-8 (u8_strict), no C0 controls but tab, no DEL. */
int param_text(const char *s, size_t max) {
    if (!s || !*s) return 0;
    size_t n = strnlen(s, max + 1);
    if (n > max) return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t step = u8_strict((const unsigned char *)s + i, n - i, &cp);
        if (!step || (cp < 0x20 && cp != '\t') || cp == 0x7f) return 0;
        i += step;
    }
    return 1;
}
