/* ustr: code point view of a UTF-8 text (see ustr.h). */
#include <stdlib.h>
#include <string.h>
#include "ustr.h"
#include "utf8.h"

int ustr_init(ustr *u, const char *s, size_t len) {
    memset(u, 0, sizeof *u);
    u->s = s;
    u->cp = malloc((len + 1) * sizeof *u->cp);
    u->off = malloc((len + 1) * sizeof *u->off);
    if (!u->cp || !u->off) {
        ustr_free(u);
        return -1;
    }
    size_t pos = 0, n = 0;
    while (pos < len) {
        u->off[n] = pos;
        pos += u8_decode((const unsigned char *)s + pos, len - pos, &u->cp[n]);
        n++;
    }
    u->off[n] = len;
    u->n = n;
    return 0;
}

void ustr_view(ustr *u, const ustr *text, size_t a, size_t b) {
    if (b > text->n) b = text->n;
    if (a > b) a = b;
    u->s = text->s;
    u->cp = text->cp + a;
    u->off = text->off + a;
    u->n = b - a;
}

void ustr_free(ustr *u) {
    free(u->cp);
    free(u->off);
    u->cp = NULL;
    u->off = NULL;
    u->n = 0;
}

/* The first two bytes of cp's UTF-8 form (one for ASCII), to compare with a
 * literal's without decoding it. */
static int leads_with(uint32_t cp, const unsigned char *lit) {
    if (cp < 0x80) return lit[0] == cp;
    if (cp < 0x800) return lit[0] == (0xC0 | cp >> 6) && lit[1] == (0x80 | (cp & 0x3F));
    if (cp < 0x10000) return lit[0] == (0xE0 | cp >> 12) && lit[1] == (0x80 | (cp >> 6 & 0x3F));
    return lit[0] == (0xF0 | cp >> 18) && lit[1] == (0x80 | (cp >> 12 & 0x3F));
}

size_t ustr_at(const ustr *u, size_t i, const char *lit) {
    if (i >= u->n) return 0;
    /* Most calls fail on the first character (extract tries every rule word
     * at every position): compare bytes before decoding anything. Literals
     * are the rules' words, valid UTF-8, so a mismatch here is a mismatch. */
    if (!leads_with(u->cp[i], (const unsigned char *)lit)) return 0;
    uint32_t first;
    size_t fl = u8_decode((const unsigned char *)lit, 4, &first);
    if (u->cp[i] != first) return 0;
    size_t k = 1, pos = fl, len = fl + strlen(lit + fl);
    while (pos < len) {
        uint32_t c;
        pos += u8_decode((const unsigned char *)lit + pos, len - pos, &c);
        if (i + k >= u->n || u->cp[i + k] != c) return 0;
        k++;
    }
    return k;
}

size_t ustr_at_any(const ustr *u, size_t i, const char *const *lits, size_t nlits, size_t *which) {
    for (size_t k = 0; k < nlits; k++) {
        size_t n = ustr_at(u, i, lits[k]);
        if (n) {
            if (which) *which = k;
            return n;
        }
    }
    return 0;
}

size_t ustr_find(const ustr *u, size_t from, size_t to, const char *lit) {
    if (to > u->n) to = u->n;
    uint32_t first;
    u8_decode((const unsigned char *)lit, strlen(lit), &first);
    for (size_t i = from; i < to; i++)
        if (u->cp[i] == first && ustr_at(u, i, lit)) return i;
    return USTR_NONE;
}

size_t ustr_rfind(const ustr *u, size_t from, size_t to, const char *lit) {
    if (to > u->n) to = u->n;
    for (size_t i = to; i > from; i--)
        if (ustr_at(u, i - 1, lit)) return i - 1;
    return USTR_NONE;
}

/* needle of n bytes in hay of m bytes (strstr for bytes that need not end
 * in NUL; an empty needle is found, as strstr finds it). */
static int bytes_in(const char *hay, size_t m, const char *needle, size_t n) {
    for (size_t i = 0; i + n <= m; i++)
        if (memcmp(hay + i, needle, n) == 0) return 1;
    return 0;
}

int ustr_range_in(const ustr *u, size_t a, size_t b, const char *s) {
    if (b > u->n) b = u->n;
    if (a > b) a = b;
    return bytes_in(s, strlen(s), u->s + u->off[a], u->off[b] - u->off[a]);
}

int ustr_range_has(const ustr *u, size_t a, size_t b, const char *s) {
    if (b > u->n) b = u->n;
    if (a > b) a = b;
    return bytes_in(u->s + u->off[a], u->off[b] - u->off[a], s, strlen(s));
}

char *ustr_slice(const ustr *u, size_t a, size_t b) {
    if (b > u->n) b = u->n;
    if (a > b) a = b;
    size_t n = u->off[b] - u->off[a];
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, u->s + u->off[a], n);
    p[n] = 0;
    return p;
}

int u_is_han(uint32_t cp) { return is_han(cp) && cp != 0x3007; }
int u_is_digit(uint32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }
int u_is_sentence_end(uint32_t cp) { return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F; }
