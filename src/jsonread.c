/*
 * jsonread: JSON text made elsewhere, checked once and then read in
 * place. jr_check holds the text to RFC 8259 (and its strings to UTF-8):
 * after it, the accessors walk the bytes without checking again, and find
 * a member by scanning its object (records have a dozen members at the
 * top: no tree is built).
 *
 * Not for: writing JSON (json.c), or JSON from a user's hand where
 * SQLite's JSON functions are at hand (manifests: source.c).
 */
#include "jsonread.h"
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

#define MAX_DEPTH 64 /* records nest 6 deep; a limit keeps the recursion bounded */

typedef struct {
    const unsigned char *s;
    size_t n, i;
    int depth;
} reader;

static void spaces(reader *r) {
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' || r->s[r->i] == '\r'))
        r->i++;
}

static int hex_digit(unsigned char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Four hex digits at s[0..4); -1 when they are not. */
static long hex4(const unsigned char *s) {
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int d = hex_digit(s[k]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* An escape after the backslash at r->i; 0 or -1. */
static int escape(reader *r) {
    r->i++;
    if (r->i >= r->n) return -1;
    if (strchr("\"\\/bfnrt", r->s[r->i]) && r->s[r->i]) return r->i++, 0;
    if (r->s[r->i] != 'u' || r->n - r->i < 5) return -1;
    long v = hex4(r->s + r->i + 1);
    r->i += 5;
    if (v < 0 || (v >= 0xdc00 && v <= 0xdfff)) return -1; /* a low surrogate alone */
    if (v < 0xd800 || v > 0xdbff) return 0;
    /* A high surrogate: its low half must follow. */
    if (r->n - r->i < 6 || r->s[r->i] != '\\' || r->s[r->i + 1] != 'u') return -1;
    long w = hex4(r->s + r->i + 2);
    if (w < 0xdc00 || w > 0xdfff) return -1;
    r->i += 6;
    return 0;
}

static int string(reader *r) {
    if (r->i >= r->n || r->s[r->i] != '"') return -1;
    r->i++;
    while (r->i < r->n) {
        unsigned char c = r->s[r->i];
        if (c == '"') return r->i++, 0;
        if (c < 0x20) return -1;
        if (c == '\\') {
            if (escape(r)) return -1;
            continue;
        }
        uint32_t cp;
        size_t len = u8_strict(r->s + r->i, r->n - r->i, &cp);
        if (!len) return -1;
        r->i += len;
    }
    return -1;
}

static int digits(reader *r) {
    size_t from = r->i;
    while (r->i < r->n && r->s[r->i] >= '0' && r->s[r->i] <= '9') r->i++;
    return r->i > from ? 0 : -1;
}

static int number(reader *r) {
    if (r->i < r->n && r->s[r->i] == '-') r->i++;
    if (r->i < r->n && r->s[r->i] == '0')
        r->i++;
    else if (digits(r))
        return -1;
    if (r->i < r->n && r->s[r->i] == '.' && (r->i++, digits(r))) return -1;
    if (r->i < r->n && (r->s[r->i] == 'e' || r->s[r->i] == 'E')) {
        r->i++;
        if (r->i < r->n && (r->s[r->i] == '+' || r->s[r->i] == '-')) r->i++;
        if (digits(r)) return -1;
    }
    return 0;
}

static int literal(reader *r, const char *word) {
    size_t len = strlen(word);
    if (r->n - r->i < len || memcmp(r->s + r->i, word, len)) return -1;
    r->i += len;
    return 0;
}

static int value(reader *r);

/* An object's or an array's members, after its opening bracket. */
static int members(reader *r, int object) {
    char close = object ? '}' : ']';
    spaces(r);
    if (r->i < r->n && r->s[r->i] == close) return r->i++, 0;
    for (;;) {
        if (object) {
            if (string(r)) return -1;
            spaces(r);
            if (r->i >= r->n || r->s[r->i] != ':') return -1;
            r->i++;
        }
        if (value(r)) return -1;
        spaces(r);
        if (r->i >= r->n) return -1;
        if (r->s[r->i] == close) return r->i++, 0;
        if (r->s[r->i] != ',') return -1;
        r->i++;
        spaces(r);
    }
}

static int value(reader *r) {
    spaces(r);
    if (r->i >= r->n) return -1;
    switch (r->s[r->i]) {
    case '{':
    case '[': {
        if (++r->depth > MAX_DEPTH) return -1;
        int object = r->s[r->i++] == '{';
        int rc = members(r, object);
        r->depth--;
        return rc;
    }
    case '"': return string(r);
    case 't': return literal(r, "true");
    case 'f': return literal(r, "false");
    case 'n': return literal(r, "null");
    default: return number(r);
    }
}

int jr_check(const char *s, size_t n, size_t *at) {
    reader r = {(const unsigned char *)s, n, 0, 0};
    int rc = value(&r);
    if (!rc) spaces(&r);
    if (!rc && r.i != n) rc = -1;
    if (at) *at = r.i;
    return rc;
}

/* ------------------------------------------------------------ reading */

/* Where the string starting at s[i] ends (checked text). Records carry
 * long strings (the clean text, the bytes in base64) that every member
 * lookup steps over: memchr finds each quote, and a quote after an odd
 * run of backslashes is escaped. */
static size_t skip_string(const char *s, size_t n, size_t i) {
    for (i++;;) {
        const char *q = memchr(s + i, '"', n - i);
        size_t at = (size_t)(q - s), back = 0;
        while (at - back > i && s[at - back - 1] == '\\') back++;
        if (back % 2 == 0) return at + 1;
        i = at + 1;
    }
}

static size_t skip(const char *s, size_t n, size_t i) {
    if (s[i] == '"') return skip_string(s, n, i);
    if (s[i] != '{' && s[i] != '[') {
        while (i < n && !strchr(",]} \t\r\n", s[i])) i++;
        return i;
    }
    int depth = 0;
    do {
        if (s[i] == '"') {
            i = skip_string(s, n, i);
            continue;
        }
        depth += (s[i] == '{' || s[i] == '[') - (s[i] == '}' || s[i] == ']');
        i++;
    } while (depth > 0);
    return i;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

char jr_type(jvalue v) {
    if (!v.n) return 0;
    char c = v.s[0];
    return c == '{' || c == '[' || c == '"' || c == 'n' || c == 't' || c == 'f' ? c : '0';
}

int jr_next_member(jvalue arr, size_t *pos, jvalue *key, jvalue *out) {
    int object = jr_type(arr) == '{';
    if (!object && jr_type(arr) != '[') return 0;
    size_t i = skip_spaces(arr.s, arr.n, *pos ? *pos : 1);
    if (i >= arr.n || arr.s[i] == ']' || arr.s[i] == '}') return 0;
    key->s = arr.s + i;
    key->n = 0;
    if (object) {
        size_t kend = skip_string(arr.s, arr.n, i);
        key->n = kend - i;
        i = skip_spaces(arr.s, arr.n, skip_spaces(arr.s, arr.n, kend) + 1); /* past the ':' */
    }
    size_t end = skip(arr.s, arr.n, i);
    out->s = arr.s + i;
    out->n = end - i;
    i = skip_spaces(arr.s, arr.n, end);
    if (i < arr.n && arr.s[i] == ',') i++;
    *pos = i;
    return 1;
}

int jr_next(jvalue arr, size_t *pos, jvalue *out) {
    jvalue key;
    return jr_next_member(arr, pos, &key, out);
}

int jr_member(jvalue obj, const char *key, jvalue *out) {
    if (jr_type(obj) != '{') return 0;
    size_t klen = strlen(key), i = skip_spaces(obj.s, obj.n, 1);
    while (i < obj.n && obj.s[i] == '"') {
        size_t kend = skip_string(obj.s, obj.n, i);
        int match = kend - i - 2 == klen && !memcmp(obj.s + i + 1, key, klen);
        i = skip_spaces(obj.s, obj.n, skip_spaces(obj.s, obj.n, kend) + 1);
        size_t end = skip(obj.s, obj.n, i);
        if (match) {
            out->s = obj.s + i;
            out->n = end - i;
            return 1;
        }
        i = skip_spaces(obj.s, obj.n, end);
        if (i < obj.n && obj.s[i] == ',') i = skip_spaces(obj.s, obj.n, i + 1);
    }
    return 0;
}

/* Code point v as UTF-8 at out; its length. */
static size_t put_utf8(char *out, unsigned long v) {
    if (v < 0x80) return out[0] = (char)v, 1;
    if (v < 0x800) return out[0] = (char)(0xc0 | v >> 6), out[1] = (char)(0x80 | (v & 63)), 2;
    if (v < 0x10000) {
        out[0] = (char)(0xe0 | v >> 12), out[1] = (char)(0x80 | (v >> 6 & 63)), out[2] = (char)(0x80 | (v & 63));
        return 3;
    }
    out[0] = (char)(0xf0 | v >> 18), out[1] = (char)(0x80 | (v >> 12 & 63));
    out[2] = (char)(0x80 | (v >> 6 & 63)), out[3] = (char)(0x80 | (v & 63));
    return 4;
}

static char unescaped(char c) {
    switch (c) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return c; /* " \ / */
    }
}

char *jr_string(jvalue v, size_t *len, int *oom) {
    if (jr_type(v) != '"') return NULL;
    char *out = malloc(v.n); /* an escape is never shorter than what it stands for */
    if (!out) {
        if (oom) *oom = 1;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 1; i + 1 < v.n; i++) {
        if (v.s[i] != '\\') {
            out[o++] = v.s[i];
            continue;
        }
        char c = v.s[++i];
        if (c != 'u') {
            out[o++] = unescaped(c);
            continue;
        }
        unsigned long cp = (unsigned long)hex4((const unsigned char *)v.s + i + 1);
        i += 4;
        if (cp >= 0xd800 && cp <= 0xdbff) { /* checked: the low half follows */
            cp = 0x10000 + ((cp - 0xd800) << 10) + ((unsigned long)hex4((const unsigned char *)v.s + i + 3) - 0xdc00);
            i += 6;
        }
        o += put_utf8(out + o, cp);
    }
    out[o] = 0;
    if (len) *len = o;
    return out;
}

int jr_uint(jvalue v, uint64_t max, uint64_t *out) {
    if (!v.n || v.n > 20) return -1;
    uint64_t x = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (v.s[i] < '0' || v.s[i] > '9') return -1;
        unsigned d = (unsigned)(v.s[i] - '0');
        if (d > max || x > (max - d) / 10) return -1;
        x = x * 10 + d;
    }
    *out = x;
    return 0;
}
