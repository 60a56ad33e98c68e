/*
 * fuzz_extract: the record writer (tifa_extract) on arbitrary bytes.
 *
 * Each input is extracted with the default options, once on one line
 * (pretty 0) and once indented (pretty 1), and again with keep_boilerplate
 * and an encoding picked by the first byte. For every record:
 *  - tifa_extract succeeds and returns a NUL-terminated buffer of exactly
 *    json_len bytes that does not end with a newline;
 *  - the buffer is one JSON value, checked by the small strict parser below:
 *    balanced objects and arrays, commas and colons in place, strings with
 *    valid escapes (\uXXXX surrogates paired), valid UTF-8 (no overlongs,
 *    no surrogates, nothing above U+10FFFF), no raw control characters,
 *    numbers in JSON's grammar, nothing after the value;
 *  - the top level is an object; the one-line form holds no newline at all;
 *  - every span [start, end] of an article satisfies
 *    0 <= start <= end <= the article text's length in code points;
 *  - the pretty and one-line forms hold the same tokens (they differ only
 *    in whitespace outside strings).
 *
 *   make build/fuzz-extract
 *   ./build/fuzz-extract -max_total_time=60 -max_len=4096 fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"
#include "fuzz_common.h"


/* ------------------------------------------------------- JSON validator */

#define MAX_DEPTH 64

typedef struct {
    const unsigned char *s;
    size_t n, i;
    const char *why; /* first error */
    size_t at;
    /* What the span check needs: the key the current value stands under,
     * the depth, and the code point length of the last article text. */
    int depth;
    char key[64];
    int in_articles;   /* inside the top-level "articles" array */
    int64_t text_len;  /* length of the current article's "text", -1 unknown */
    int in_spans;      /* inside an article's "spans" object */
    int spans_checked; /* how many span arrays were checked (for the record) */
} jp;

FZ_JSON_PRIMITIVES(jp)

/* One UTF-8 sequence at p->i (first byte >= 0x80), strictly. */
static int utf8_seq(jp *p) {
    const unsigned char *s = p->s + p->i;
    size_t left = p->n - p->i, len;
    uint32_t v, min;
    unsigned c = s[0];
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, v = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, v = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, v = c & 0x07, min = 0x10000;
    else
        return fail(p, "invalid UTF-8 lead byte");
    if (left < len) return fail(p, "truncated UTF-8 sequence");
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) return fail(p, "invalid UTF-8 continuation byte");
        v = (v << 6) | (s[k] & 0x3F);
    }
    if (v < min) return fail(p, "overlong UTF-8 sequence");
    if (v >= 0xD800 && v <= 0xDFFF) return fail(p, "UTF-8 encoded surrogate");
    if (v > 0x10FFFF) return fail(p, "code point above U+10FFFF");
    p->i += len;
    return 1;
}

/* A string at p->i. Its decoded length in code points goes to *cps; when
 * out is given, its decoded bytes (truncated to outcap - 1) go there. */
static int parse_string(jp *p, int64_t *cps, char *out, size_t outcap) {
    size_t o = 0;
    int64_t count = 0;
    if (p->i >= p->n || p->s[p->i] != '"') return fail(p, "expected string");
    p->i++;
    for (;;) {
        if (p->i >= p->n) return fail(p, "unterminated string");
        unsigned char c = p->s[p->i];
        if (c == '"') {
            p->i++;
            break;
        }
        size_t start = p->i;
        if (c < 0x20) return fail(p, "raw control character in string");
        if (c == '\\') {
            p->i++;
            if (!read_escape(p)) return 0;
        } else if (c >= 0x80) {
            if (!utf8_seq(p)) return 0;
        } else {
            p->i++;
        }
        count++;
        if (out && c != '\\') /* keys are plain ASCII/UTF-8 here; escapes are not needed for them */
            for (size_t k = start; k < p->i && o + 1 < outcap; k++) out[o++] = (char)p->s[k];
    }
    if (out) out[o] = 0;
    if (cps) *cps = count;
    return 1;
}

static int parse_number(jp *p, long long *val, int *is_int) {
    size_t i = p->i;
    const unsigned char *s = p->s;
    *is_int = 1;
    if (i < p->n && s[i] == '-') i++;
    if (i >= p->n) return fail(p, "truncated number");
    if (s[i] == '0')
        i++;
    else if (s[i] >= '1' && s[i] <= '9')
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
    else
        return fail(p, "bad number");
    if (i < p->n && s[i] == '.') {
        *is_int = 0;
        i++;
        if (i >= p->n || s[i] < '0' || s[i] > '9') return fail(p, "bad fraction");
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
    }
    if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
        *is_int = 0;
        i++;
        if (i < p->n && (s[i] == '+' || s[i] == '-')) i++;
        if (i >= p->n || s[i] < '0' || s[i] > '9') return fail(p, "bad exponent");
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
    }
    if (*is_int && i - p->i < 19) {
        char tmp[24];
        memcpy(tmp, s + p->i, i - p->i);
        tmp[i - p->i] = 0;
        *val = strtoll(tmp, NULL, 10);
    } else {
        *is_int = 0;
    }
    p->i = i;
    return 1;
}

static int parse_value(jp *p);

/* A span value: [start, end] with 0 <= start <= end <= text length. */
static int parse_span(jp *p) {
    long long v[2];
    int k = 0;
    skip_ws(p);
    if (p->i >= p->n || p->s[p->i] != '[') return fail(p, "span is not an array");
    p->i++;
    for (;;) {
        skip_ws(p);
        int is_int;
        if (k == 2) return fail(p, "span has more than two numbers");
        if (!parse_number(p, &v[k], &is_int)) return 0;
        if (!is_int) return fail(p, "span bound is not a small integer");
        k++;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == ']') {
            p->i++;
            break;
        }
        return fail(p, "bad span array");
    }
    if (k != 2) return fail(p, "span does not have two numbers");
    if (p->text_len < 0) return fail(p, "spans before the article's text");
    if (v[0] < 0 || v[0] > v[1] || v[1] > p->text_len) {
        fprintf(stderr, "fuzz_extract: span \"%s\" [%lld, %lld] outside text of %lld code points\n", p->key, v[0], v[1],
                (long long)p->text_len);
        return fail(p, "span out of range");
    }
    p->spans_checked++;
    return 1;
}

static int parse_object(jp *p) {
    p->i++; /* { */
    if (++p->depth > MAX_DEPTH) return fail(p, "nesting too deep");
    /* Role of this object for the span check: root (1) > articles (2) > article (3). */
    int is_article = p->in_articles && p->depth == 3;
    int is_spans = p->in_spans;
    if (is_article) p->text_len = -1;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == '}') {
        p->i++;
        p->depth--;
        return 1;
    }
    for (;;) {
        skip_ws(p);
        char key[64];
        if (!parse_string(p, NULL, key, sizeof key)) return 0;
        skip_ws(p);
        if (p->i >= p->n || p->s[p->i] != ':') return fail(p, "expected ':'");
        p->i++;
        skip_ws(p);
        if (is_spans) {
            memcpy(p->key, key, sizeof key);
            if (!parse_span(p)) return 0;
        } else if (is_article && strcmp(key, "text") == 0) {
            if (p->i < p->n && p->s[p->i] == '"') {
                if (!parse_string(p, &p->text_len, NULL, 0)) return 0;
            } else if (!parse_value(p)) {
                return 0;
            }
        } else if (is_article && strcmp(key, "spans") == 0) {
            if (p->i >= p->n || p->s[p->i] != '{') return fail(p, "spans is not an object");
            p->in_spans = 1;
            int ok = parse_object(p);
            p->in_spans = 0;
            if (!ok) return 0;
        } else if (p->depth == 1 && strcmp(key, "articles") == 0) {
            if (p->i >= p->n || p->s[p->i] != '[') return fail(p, "articles is not an array");
            p->in_articles = 1;
            int ok = parse_value(p);
            p->in_articles = 0;
            if (!ok) return 0;
        } else if (!parse_value(p)) {
            return 0;
        }
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == '}') {
            p->i++;
            break;
        }
        return fail(p, "expected ',' or '}'");
    }
    p->depth--;
    return 1;
}

static int parse_array(jp *p) {
    p->i++; /* [ */
    if (++p->depth > MAX_DEPTH) return fail(p, "nesting too deep");
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == ']') {
        p->i++;
        p->depth--;
        return 1;
    }
    for (;;) {
        skip_ws(p);
        if (!parse_value(p)) return 0;
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == ']') {
            p->i++;
            break;
        }
        return fail(p, "expected ',' or ']'");
    }
    p->depth--;
    return 1;
}

static int literal(jp *p, const char *w) {
    size_t n = strlen(w);
    if (p->n - p->i < n || memcmp(p->s + p->i, w, n) != 0) return fail(p, "bad literal");
    p->i += n;
    return 1;
}

static int parse_value(jp *p) {
    skip_ws(p);
    if (p->i >= p->n) return fail(p, "expected a value");
    switch (p->s[p->i]) {
    case '{':
        return parse_object(p);
    case '[':
        return parse_array(p);
    case '"':
        return parse_string(p, NULL, NULL, 0);
    case 't':
        return literal(p, "true");
    case 'f':
        return literal(p, "false");
    case 'n':
        return literal(p, "null");
    default: {
        long long v;
        int is_int;
        return parse_number(p, &v, &is_int);
    }
    }
}

/* Validates s[0..n) as one JSON object; reports and aborts on failure. */
static void require_json(const char *s, size_t n, const char *what, const uint8_t *in, size_t in_len) {
    jp p = {.s = (const unsigned char *)s, .n = n, .text_len = -1};
    skip_ws(&p);
    int ok = p.i < p.n && p.s[p.i] == '{';
    if (!ok) fail(&p, "top level is not an object");
    ok = ok && parse_value(&p);
    if (ok) {
        skip_ws(&p);
        if (p.i != p.n) ok = fail(&p, "text after the value");
    }
    if (!ok) {
        size_t a = p.at > 80 ? p.at - 80 : 0, b = p.at + 80 < n ? p.at + 80 : n;
        fprintf(stderr, "fuzz_extract: %s record is not valid JSON: %s at byte %zu of %zu\n  near: %.*s\n", what, p.why,
                p.at, n, (int)(b - a), s + a);
        fprintf(stderr, "  input (%zu bytes):", in_len);
        for (size_t i = 0; i < in_len && i < 512; i++) fprintf(stderr, " %02x", in[i]);
        fputc('\n', stderr);
        abort();
    }
}

/* The next token of a JSON text, skipping whitespace outside strings:
 * compact and pretty records must hold the same token sequence. */
static size_t next_token(const char *s, size_t n, size_t *i) {
    while (*i < n && (s[*i] == ' ' || s[*i] == '\n' || s[*i] == '\t' || s[*i] == '\r')) (*i)++;
    if (*i >= n) return 0;
    size_t st = *i;
    if (s[st] == '"') {
        size_t k = st + 1;
        while (k < n && s[k] != '"') k += s[k] == '\\' ? 2 : 1;
        *i = k + 1 <= n ? k + 1 : n;
    } else if (strchr("{}[]:,", s[st])) {
        *i = st + 1;
    } else {
        size_t k = st;
        while (k < n && !strchr(" \n\t\r{}[]:,\"", s[k])) k++;
        *i = k;
    }
    return *i - st;
}

static int same_tokens(const char *a, size_t an, const char *b, size_t bn) {
    size_t i = 0, j = 0;
    for (;;) {
        size_t la = next_token(a, an, &i), lb = next_token(b, bn, &j);
        if (la != lb) return 0;
        if (la == 0) return 1;
        if (memcmp(a + i - la, b + j - lb, la) != 0) return 0;
    }
}

/* ---------------------------------------------------------------- target */

static char *extract(const tifa_options *opt, const uint8_t *data, size_t size, int pretty, size_t *len) {
    char *json = NULL;
    tifa_error err = {0};
    tifa_status st =
        tifa_extract(opt, "fuzz.txt", (const char *)data, size, pretty ? TIFA_EXTRACT_PRETTY : 0, &json, len, &err);
    if (st != TIFA_OK) {
        fprintf(stderr, "fuzz_extract: tifa_extract failed (%d): %s\n", (int)st, err.message);
        abort();
    }
    REQUIRE(json != NULL);
    REQUIRE(strlen(json) == *len); /* NUL-terminated, no NUL inside */
    REQUIRE(*len > 0 && json[*len - 1] != '\n');
    return json;
}

static void check(const tifa_options *opt, const uint8_t *data, size_t size) {
    size_t clen, plen;
    char *compact = extract(opt, data, size, 0, &clen);
    char *pretty = extract(opt, data, size, 1, &plen);
    REQUIRE(memchr(compact, '\n', clen) == NULL);
    require_json(compact, clen, "one-line", data, size);
    require_json(pretty, plen, "pretty", data, size);
    if (!same_tokens(compact, clen, pretty, plen)) {
        fprintf(stderr, "fuzz_extract: --pretty differs from the one-line record\n--- one-line\n%s\n--- pretty\n%s\n",
                compact, pretty);
        abort();
    }
    /* Same input, same bytes. */
    size_t again_len;
    char *again = extract(opt, data, size, 0, &again_len);
    REQUIRE(again_len == clen && memcmp(again, compact, clen) == 0);
    tifa_free(again);
    tifa_free(compact);
    tifa_free(pretty);
}

/* Undefined behaviour is a finding, as in the project's sanitizer build. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tifa_options opt;
    tifa_options_init(&opt);
    check(&opt, data, size);

    tifa_options raw;
    tifa_options_init(&raw);
    raw.keep_boilerplate = 1;
    if (size) raw.encoding = (tifa_encoding)(data[0] % 6); /* TIFA_ENC_AUTO .. TIFA_ENC_BIG5 */
    check(&raw, data, size);
    return 0;
}
