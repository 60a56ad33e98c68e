/*
 * fuzz_diff: tifa_diff on two arbitrary documents.
 *
 * The input after its first byte is cut in two, A and B, (first byte / 255)
 * of the way through; colour is on when A's length is odd (and off for the
 * reverse direction). Then:
 *  - tifa_diff(A, B) as JSON succeeds and writes one JSON document and a
 *    newline: checked by a small strict parser (balanced, commas and colons
 *    in place, valid escapes, valid UTF-8, no raw control characters,
 *    nothing after the value) of the documented shape
 *      {"terms": {"only_a": [], "only_b": [], "both": []},
 *       "sentences": {"added": [], "removed": [], "changed": [{"a","b","ops"}]},
 *       "spans": {"added": [[s,e]], "removed": [[s,e]], "changed": [{"a":[s,e],"b":[s,e]}]}}
 *    with strings in the lists, where a changed pair's ops ("=", "-", "+"
 *    runs of characters) add up to both its sentences and the spans, one a
 *    sentence, each as long as its sentence and in text order;
 *  - tifa_diff(A, B) as text succeeds with valid UTF-8, and its summary
 *    line "Sentences: A in A, B in B; S same (M of them moved), R removed,
 *    D added, C changed" agrees with the JSON (R, D, C are the lengths of
 *    its lists; A = S + R + C; B = S + D + C; M <= S);
 *  - the formulations are symmetric: tifa_diff(B, A) lists as only_a what
 *    tifa_diff(A, B) lists as only_b and the other way round (same
 *    order), and "both" holds the same items;
 *  - when neither direction pairs changed sentences, what A -> B adds is
 *    what B -> A removes (as multisets);
 *  - A against itself: no formulation only in A or only in B, no sentence
 *    added, removed or changed, every sentence same and none moved.
 *
 *   make build/fuzz-diff
 *   mkdir -p build/fuzz-corpus/diff
 *   ./build/fuzz-diff -max_total_time=60 -max_len=4096 build/fuzz-corpus/diff fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"
#include "fuzz_common.h"

static const uint8_t *cur_in;
static size_t cur_len;

static void dump_input(void) {
    fprintf(stderr, "  input (%zu bytes):", cur_len);
    for (size_t i = 0; i < cur_len && i < 512; i++) fprintf(stderr, " %02x", cur_in[i]);
    fputc('\n', stderr);
}

#define CHECK(cond, ...)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "fuzz_diff: check failed: %s: ", #cond);                                                   \
            fprintf(stderr, __VA_ARGS__);                                                                              \
            fputc('\n', stderr);                                                                                       \
            dump_input();                                                                                              \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

/* ------------------------------------------------------- JSON validator */

#define MAX_DEPTH 16
#define MAX_ITEMS 4096

/* A string value: where its raw (still escaped) bytes are. */
typedef struct {
    const char *s;
    size_t len;
} span;

/* The six lists of the diff document. */
enum { L_ONLY_A, L_ONLY_B, L_BOTH, L_ADDED, L_REMOVED, L_CHANGED, NLISTS };
static const char *const list_names[NLISTS] = {"only_a", "only_b", "both", "added", "removed", "changed"};

typedef struct {
    span items[MAX_ITEMS];
    size_t chars[MAX_ITEMS][2]; /* each item's length in characters (changed: a and b) */
    size_t n;                   /* items (changed: pairs) */
    int seen;
} list;

typedef struct {
    const unsigned char *s;
    size_t n, i;
    const char *why;
    size_t at;
    int depth;
    list lists[NLISTS];
} jp;

FZ_JSON_PRIMITIVES(jp)

/* A string at p->i; its raw bytes (between the quotes) go to *out. */
static int parse_string(jp *p, span *out) {
    if (p->i >= p->n || p->s[p->i] != '"') return fail(p, "expected string");
    size_t start = ++p->i;
    for (;;) {
        if (p->i >= p->n) return fail(p, "unterminated string");
        unsigned char c = p->s[p->i];
        if (c == '"') break;
        if (c < 0x20) return fail(p, "raw control character in string");
        if (c == '\\') {
            p->i++;
            if (!read_escape(p)) return 0;
        } else if (c >= 0x80) {
            /* one sequence, strictly */
            size_t k = p->i + 1;
            while (k < p->n && k < p->i + 4 && (p->s[k] & 0xC0) == 0x80) k++;
            if (!fz_valid_utf8(p->s + p->i, k - p->i, 0)) return fail(p, "invalid UTF-8");
            p->i = k;
        } else {
            p->i++;
        }
    }
    if (out) out->s = (const char *)p->s + start, out->len = p->i - start;
    p->i++; /* closing quote */
    return 1;
}

static int expect(jp *p, char c, const char *why) {
    skip_ws(p);
    if (p->i >= p->n || p->s[p->i] != (unsigned char)c) return fail(p, why);
    p->i++;
    return 1;
}

/* A list opening at p: 0 when it does not, else 1 with *empty set when it
 * is "[]" (then read whole). */
static int list_opens(jp *p, const char *why, int *empty) {
    if (!expect(p, '[', why)) return 0;
    skip_ws(p);
    *empty = p->i < p->n && p->s[p->i] == ']';
    p->i += (size_t)*empty;
    return 1;
}

/* After a list's item: 1 when a ',' says another follows, else 0 with *ok
 * set when the list closes with ']'. */
static int list_goes_on(jp *p, int *ok) {
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == ',') {
        p->i++;
        return 1;
    }
    *ok = expect(p, ']', "expected ',' or ']'");
    return 0;
}

/* A key, then ':'. */
static int parse_key(jp *p, const char *want) {
    span k;
    skip_ws(p);
    if (!parse_string(p, &k)) return 0;
    if (k.len != strlen(want) || memcmp(k.s, want, k.len) != 0) return fail(p, "unexpected key");
    return expect(p, ':', "expected ':'");
}

/* Characters of a string's raw bytes: an escape is one, as a sequence. */
static size_t json_chars(span v) {
    size_t k = 0;
    for (size_t i = 0; i < v.len; k++) {
        if (v.s[i] == '\\')
            i += v.s[i + 1] == 'u' ? 6 : 2;
        else
            for (i++; i < v.len && ((unsigned char)v.s[i] & 0xC0) == 0x80; i++) {}
    }
    return k;
}

/* A whole number (digits only, at most 18 of them). */
static int parse_count(jp *p, size_t *v) {
    skip_ws(p);
    size_t start = p->i;
    *v = 0;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9' && p->i - start < 18)
        *v = *v * 10 + (p->s[p->i++] - '0');
    return p->i > start ? 1 : fail(p, "expected a whole number");
}

/* [start, end): a span of at least one character. */
static int parse_span(jp *p, size_t *start, size_t *end) {
    return expect(p, '[', "expected a span") && parse_count(p, start) && expect(p, ',', "expected ','") &&
           parse_count(p, end) && expect(p, ']', "expected ']'") && (*end > *start || fail(p, "empty span"));
}

/* [["=", n], ["-", n], ["+", n]...]: the characters each side's runs
 * cover go to *a and *b. */
static int parse_ops(jp *p, size_t *a, size_t *b) {
    *a = *b = 0;
    int empty;
    if (!list_opens(p, "expected the ops", &empty)) return 0;
    if (empty) return 1;
    for (;;) {
        span op;
        size_t n;
        if (!expect(p, '[', "expected an op")) return 0;
        skip_ws(p);
        if (!parse_string(p, &op)) return 0;
        if (op.len != 1 || !strchr("=-+", op.s[0])) return fail(p, "an op is not =, - or +");
        if (!expect(p, ',', "expected ','") || !parse_count(p, &n) || !expect(p, ']', "expected ']'")) return 0;
        if (n == 0) return fail(p, "an empty run");
        if (op.s[0] != '+') *a += n;
        if (op.s[0] != '-') *b += n;
        int ok;
        if (list_goes_on(p, &ok)) continue;
        return ok;
    }
}

/* [ "..." , ... ] into l. */
static int parse_str_list(jp *p, list *l) {
    l->seen = 1;
    int empty;
    if (!list_opens(p, "expected a list", &empty)) return 0;
    if (empty) return 1;
    for (;;) {
        skip_ws(p);
        span s;
        if (!parse_string(p, &s)) return 0;
        if (l->n < MAX_ITEMS) l->items[l->n] = s, l->chars[l->n][0] = json_chars(s);
        l->n++;
        int ok;
        if (list_goes_on(p, &ok)) continue;
        return ok;
    }
}

/* [ {"a": "...", "b": "...", "ops": [...]}, ... ]: the ops cover each
 * sentence of the pair, character for character. */
static int parse_pairs(jp *p, list *l) {
    l->seen = 1;
    int empty;
    if (!list_opens(p, "expected a list", &empty)) return 0;
    if (empty) return 1;
    for (;;) {
        span a, b;
        size_t oa, ob;
        if (!expect(p, '{', "expected a pair object") || !parse_key(p, "a")) return 0;
        skip_ws(p);
        if (!parse_string(p, &a) || !expect(p, ',', "expected ','") || !parse_key(p, "b")) return 0;
        skip_ws(p);
        if (!parse_string(p, &b) || !expect(p, ',', "expected ','") || !parse_key(p, "ops") || !parse_ops(p, &oa, &ob))
            return 0;
        if (oa != json_chars(a) || ob != json_chars(b)) return fail(p, "ops do not cover the pair");
        if (l->n < MAX_ITEMS) l->items[l->n] = a, l->chars[l->n][0] = oa, l->chars[l->n][1] = ob;
        if (!expect(p, '}', "expected '}'")) return 0;
        l->n++;
        int ok;
        if (list_goes_on(p, &ok)) continue;
        return ok;
    }
}

/* [[s, e], ...]: one span a sentence of l, as long as it, in text order. */
static int parse_spans(jp *p, const list *l) {
    size_t k = 0, last = 0, s, e;
    int empty;
    if (!list_opens(p, "expected a list of spans", &empty)) return 0;
    if (empty) return l->n == 0 || fail(p, "fewer spans than sentences");
    for (;; k++) {
        if (!parse_span(p, &s, &e)) return 0;
        if (k >= l->n) return fail(p, "more spans than sentences");
        if (k < MAX_ITEMS && e - s != l->chars[k][0]) return fail(p, "a span not as long as its sentence");
        if (s < last) return fail(p, "spans out of text order");
        last = e;
        int ok;
        if (list_goes_on(p, &ok)) continue;
        return ok && (k + 1 == l->n || fail(p, "fewer spans than sentences"));
    }
}

/* [{"a": [s, e], "b": [s, e]}, ...]: each pair's places, A's in order. */
static int parse_pair_spans(jp *p, const list *l) {
    size_t k = 0, last = 0, s, e, sb, eb;
    int empty;
    if (!list_opens(p, "expected a list of pair spans", &empty)) return 0;
    if (empty) return l->n == 0 || fail(p, "fewer spans than pairs");
    for (;; k++) {
        if (!expect(p, '{', "expected a pair's spans") || !parse_key(p, "a") || !parse_span(p, &s, &e) ||
            !expect(p, ',', "expected ','") || !parse_key(p, "b") || !parse_span(p, &sb, &eb) ||
            !expect(p, '}', "expected '}'"))
            return 0;
        if (k >= l->n) return fail(p, "more spans than pairs");
        if (k < MAX_ITEMS && (e - s != l->chars[k][0] || eb - sb != l->chars[k][1]))
            return fail(p, "a pair's span not as long as its sentence");
        if (s < last) return fail(p, "pair spans out of A's order");
        last = e;
        int ok;
        if (list_goes_on(p, &ok)) continue;
        return ok && (k + 1 == l->n || fail(p, "fewer spans than pairs"));
    }
}

/* The whole document, exactly in the documented shape. */
static int parse_diff(jp *p) {
    if (!expect(p, '{', "top level is not an object")) return 0;
    if (!parse_key(p, "terms") || !expect(p, '{', "terms is not an object")) return 0;
    for (int k = L_ONLY_A; k <= L_BOTH; k++) {
        if (k > L_ONLY_A && !expect(p, ',', "expected ','")) return 0;
        if (!parse_key(p, list_names[k]) || !parse_str_list(p, &p->lists[k])) return 0;
    }
    if (!expect(p, '}', "expected '}' after terms") || !expect(p, ',', "expected ','")) return 0;
    if (!parse_key(p, "sentences") || !expect(p, '{', "sentences is not an object")) return 0;
    for (int k = L_ADDED; k <= L_REMOVED; k++) {
        if (k > L_ADDED && !expect(p, ',', "expected ','")) return 0;
        if (!parse_key(p, list_names[k]) || !parse_str_list(p, &p->lists[k])) return 0;
    }
    if (!expect(p, ',', "expected ','") || !parse_key(p, "changed") || !parse_pairs(p, &p->lists[L_CHANGED])) return 0;
    if (!expect(p, '}', "expected '}' after sentences") || !expect(p, ',', "expected ','")) return 0;
    if (!parse_key(p, "spans") || !expect(p, '{', "spans is not an object")) return 0;
    if (!parse_key(p, "added") || !parse_spans(p, &p->lists[L_ADDED]) || !expect(p, ',', "expected ','")) return 0;
    if (!parse_key(p, "removed") || !parse_spans(p, &p->lists[L_REMOVED]) || !expect(p, ',', "expected ','")) return 0;
    if (!parse_key(p, "changed") || !parse_pair_spans(p, &p->lists[L_CHANGED])) return 0;
    if (!expect(p, '}', "expected '}' after spans") || !expect(p, '}', "expected '}' at the end")) return 0;
    return 1;
}

/* Validates out[0..n) as the diff document plus one newline; fills p. */
static void require_diff_json(jp *p, const char *out, size_t n, const char *what) {
    memset(p, 0, sizeof *p);
    p->s = (const unsigned char *)out;
    p->n = n;
    int ok = n > 0 && out[n - 1] == '\n';
    if (!ok)
        fail(p, "no final newline");
    else
        p->n = n - 1;
    ok = ok && parse_diff(p);
    if (ok) {
        if (p->i != p->n)
            ok = fail(p, "text after the value");
        else if (memchr(out, '\n', n - 1))
            ok = fail(p, "newline inside the document");
    }
    if (!ok) {
        size_t a = p->at > 80 ? p->at - 80 : 0, b = p->at + 80 < n ? p->at + 80 : n;
        fprintf(stderr, "fuzz_diff: %s: not the diff JSON document: %s at byte %zu of %zu\n  near: %.*s\n", what,
                p->why, p->at, n, (int)(b - a), out + a);
        dump_input();
        abort();
    }
}

/* --------------------------------------------------------------- running */

typedef struct {
    char *s;
    size_t n;
} output;

static output run(const char *a, size_t alen, const char *b, size_t blen, int json, int color) {
    output o = {NULL, 0};
    FILE *fp = open_memstream(&o.s, &o.n);
    REQUIRE(fp != NULL);
    tifa_error err;
    memset(&err, 0, sizeof err);
    tifa_status st = tifa_diff(a, alen, b, blen, json, color, fp, &err);
    REQUIRE(fclose(fp) == 0);
    CHECK(st == TIFA_OK, "tifa_diff (json %d, color %d) failed (%d): %s", json, color, (int)st, err.message);
    return o;
}

static int same_list(const list *x, const list *y) {
    if (x->n != y->n) return 0;
    for (size_t i = 0; i < x->n && i < MAX_ITEMS; i++)
        if (x->items[i].len != y->items[i].len || memcmp(x->items[i].s, y->items[i].s, x->items[i].len) != 0) return 0;
    return 1;
}

static int cmp_span(const void *pa, const void *pb) {
    const span *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->s, b->s, n);
    if (c) return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

/* Same items, any order. Sorts both. */
static int same_multiset(list *x, list *y) {
    if (x->n != y->n || x->n > MAX_ITEMS) return x->n == y->n;
    qsort(x->items, x->n, sizeof x->items[0], cmp_span);
    qsort(y->items, y->n, sizeof y->items[0], cmp_span);
    return same_list(x, y);
}

/* The text report's summary line. */
typedef struct {
    size_t na, nb, same, moved, removed, added, changed;
} summary;

static void text_summary(const output *o, summary *s) {
    const char *key = "\nSentences: ";
    /* The summary comes after the formulations and before the sentences:
     * the first occurrence. */
    const char *p = NULL;
    for (size_t i = 0; i + strlen(key) <= o->n; i++)
        if (memcmp(o->s + i, key, strlen(key)) == 0) {
            p = o->s + i + 1;
            break;
        }
    CHECK(p != NULL, "no summary line in the text report");
    int got =
        sscanf(p, "Sentences: %zu in A, %zu in B; %zu same (%zu of them moved), %zu removed, %zu added, %zu changed",
               &s->na, &s->nb, &s->same, &s->moved, &s->removed, &s->added, &s->changed);
    CHECK(got == 7, "summary line not understood: %.120s", p);
}

static void check_pair(const char *a, size_t alen, const char *b, size_t blen, int color, jp *fwd) {
    output j = run(a, alen, b, blen, 1, 0);
    require_diff_json(fwd, j.s, j.n, "A -> B");
    output t = run(a, alen, b, blen, 0, color);
    CHECK(fz_valid_utf8((const unsigned char *)t.s, t.n, 0), "text report (color %d) is not valid UTF-8", color);
    summary s;
    text_summary(&t, &s);
    CHECK(s.removed == fwd->lists[L_REMOVED].n && s.added == fwd->lists[L_ADDED].n &&
              s.changed == fwd->lists[L_CHANGED].n,
          "text says %zu removed, %zu added, %zu changed; JSON %zu, %zu, %zu", s.removed, s.added, s.changed,
          fwd->lists[L_REMOVED].n, fwd->lists[L_ADDED].n, fwd->lists[L_CHANGED].n);
    CHECK(s.na == s.same + s.removed + s.changed && s.nb == s.same + s.added + s.changed && s.moved <= s.same,
          "counts do not add up: %zu in A, %zu in B, %zu same (%zu moved), %zu removed, %zu added, %zu changed", s.na,
          s.nb, s.same, s.moved, s.removed, s.added, s.changed);
    free(t.s);
    /* fwd's spans point into j.s: keep it until the caller is done. */
    fwd->s = (const unsigned char *)j.s;
}

static jp fwd, rev, self;

/* Undefined behaviour is a finding, as in the project's sanitizer build. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cur_in = data;
    cur_len = size;
    if (size == 0) return 0;
    size_t rest = size - 1;
    size_t cut = (size_t)data[0] * rest / 255;
    const char *a = (const char *)data + 1, *b = a + cut;
    size_t alen = cut, blen = rest - cut;
    int color = (int)(alen & 1);

    check_pair(a, alen, b, blen, color, &fwd);
    check_pair(b, blen, a, alen, !color, &rev);

    /* Formulations: symmetric. */
    CHECK(same_list(&fwd.lists[L_ONLY_A], &rev.lists[L_ONLY_B]) &&
              same_list(&fwd.lists[L_ONLY_B], &rev.lists[L_ONLY_A]),
          "only_a / only_b not symmetric (%zu, %zu against %zu, %zu)", fwd.lists[L_ONLY_A].n, fwd.lists[L_ONLY_B].n,
          rev.lists[L_ONLY_A].n, rev.lists[L_ONLY_B].n);
    CHECK(same_multiset(&fwd.lists[L_BOTH], &rev.lists[L_BOTH]), "both not symmetric (%zu against %zu)",
          fwd.lists[L_BOTH].n, rev.lists[L_BOTH].n);
    /* Exact matching alone: the leftovers swap sides. */
    if (fwd.lists[L_CHANGED].n == 0 && rev.lists[L_CHANGED].n == 0)
        CHECK(same_multiset(&fwd.lists[L_ADDED], &rev.lists[L_REMOVED]) &&
                  same_multiset(&fwd.lists[L_REMOVED], &rev.lists[L_ADDED]),
              "added / removed not symmetric (%zu, %zu against %zu, %zu)", fwd.lists[L_ADDED].n, fwd.lists[L_REMOVED].n,
              rev.lists[L_ADDED].n, rev.lists[L_REMOVED].n);
    free((void *)fwd.s);
    free((void *)rev.s);

    /* A against itself: nothing differs. */
    const char *x = blen > alen ? b : a;
    size_t xlen = blen > alen ? blen : alen;
    output j = run(x, xlen, x, xlen, 1, 0);
    require_diff_json(&self, j.s, j.n, "X -> X");
    CHECK(self.lists[L_ONLY_A].n == 0 && self.lists[L_ONLY_B].n == 0 && self.lists[L_ADDED].n == 0 &&
              self.lists[L_REMOVED].n == 0 && self.lists[L_CHANGED].n == 0,
          "a text against itself: %zu only in A, %zu only in B, %zu added, %zu removed, %zu changed\n%s",
          self.lists[L_ONLY_A].n, self.lists[L_ONLY_B].n, self.lists[L_ADDED].n, self.lists[L_REMOVED].n,
          self.lists[L_CHANGED].n, j.s);
    free(j.s);
    output t = run(x, xlen, x, xlen, 0, 1);
    summary s;
    text_summary(&t, &s);
    CHECK(s.same == s.na && s.na == s.nb && s.moved == 0 && s.removed + s.added + s.changed == 0,
          "text against itself: %zu in A, %zu in B, %zu same, %zu moved", s.na, s.nb, s.same, s.moved);
    free(t.s);
    return 0;
}
