/*
 * corpus_record: records as the corpus stores them.
 *
 * A record holds each article's text, which the corpus also stores as the
 * document's clean text: two copies, two thirds of the record. Stored, an
 * article's "text" value becomes {"clean":[byte offset, byte length]} and
 * is put back when read. Extraction knows where each text is (an article
 * is a slice of the clean text) and where it wrote its value, so the
 * stored form is spliced from those places: nothing is searched for. A
 * place is used only when its value is the text as json.c quotes it, so
 * the stored form always reads back as the record, byte for byte.
 *
 * The reader accepts any stored record: whole, or with references made by
 * an earlier tifa, which searched the clean text for any long "text".
 */
#define _GNU_SOURCE /* memmem: the reader finds the references in a stored record */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_record.h"
#include "json.h"

#define KEY "\"text\":"
#define REF "{\"clean\":["

/* A decimal count at *p in rec[0, n): at least one digit, at most 18 (no
 * overflow); *p moves past it. */
static int read_count(const char *rec, size_t n, size_t *p, size_t *v) {
    size_t q = *p, x = 0;
    while (q < n && q - *p < 18 && rec[q] >= '0' && rec[q] <= '9') x = x * 10 + (size_t)(rec[q++] - '0');
    if (q == *p || (q < n && rec[q] >= '0' && rec[q] <= '9')) return 0;
    *p = q;
    *v = x;
    return 1;
}

char *record_expand(const char *rec, size_t n, const char *clean, size_t clean_len, size_t *out_len) {
    jw w;
    jw_init(&w, 0);
    size_t run = 0, i = 0;
    while (i < n) {
        const char *k = memmem(rec + i, n - i, KEY REF, strlen(KEY REF));
        if (!k) break;
        size_t at = (size_t)(k - rec), p = at + strlen(KEY REF), off = 0, len = 0;
        /* the bytes need not end in NUL: every read stays below n */
        int ok = read_count(rec, n, &p, &off) && p < n && rec[p++] == ',' && read_count(rec, n, &p, &len) &&
                 p + 2 <= n && rec[p] == ']' && rec[p + 1] == '}' && off <= clean_len && len <= clean_len - off;
        if (!ok) { /* not ours: leave it */
            i = at + 1;
            continue;
        }
        jw_raw(&w, rec + run, at + strlen(KEY) - run);
        jw_quoted(&w, clean + off, len);
        i = run = p + 2;
    }
    jw_raw(&w, rec + run, n - run);
    if (w.failed) {
        jw_free(&w);
        return NULL;
    }
    if (out_len) *out_len = w.len;
    return w.s ? w.s : calloc(1, 1);
}

/* A sink comparing what is written with the bytes expected. */
typedef struct {
    const char *want;
    size_t left;
} expect;

static int compare_sink(void *user, const char *data, size_t len) {
    expect *e = user;
    if (len > e->left || memcmp(data, e->want, len)) return 1;
    e->want += len;
    e->left -= len;
    return 0;
}

/* Is v[0..vn) the JSON string json_quote makes of s[0..n)? */
static int quotes_exactly(const char *v, size_t vn, const char *s, size_t n) {
    expect e = {v, vn};
    sbuf b;
    sbuf_init_sink(&b, compare_sink, &e, 0);
    json_quote(&b, s, n);
    sbuf_flush(&b);
    int same = b.err == SBUF_OK && e.left == 0;
    sbuf_free(&b);
    return same;
}

/* Is the place worth a reference, within both texts, after the last one
 * used (from), right after a "text": key (where record_expand looks), and
 * its value the text? */
static int place_usable(const text_place *t, size_t from, size_t n, const char *rec, const char *clean,
                        size_t clean_len) {
    size_t k = strlen(KEY);
    return t->clean_len >= RECORD_MIN_TEXT && t->json_at >= from + k && t->json_at <= t->json_end && t->json_end <= n &&
           memcmp(rec + t->json_at - k, KEY, k) == 0 && t->clean_at <= clean_len &&
           t->clean_len <= clean_len - t->clean_at &&
           quotes_exactly(rec + t->json_at, t->json_end - t->json_at, clean + t->clean_at, t->clean_len);
}

char *record_compact(const char *rec, size_t n, const text_place *places, size_t nplaces, const char *clean,
                     size_t clean_len) {
    jw w;
    jw_init(&w, 0);
    size_t run = 0;
    int refs = 0;
    for (size_t i = 0; i < nplaces; i++) {
        const text_place *t = &places[i];
        if (!place_usable(t, run, n, rec, clean, clean_len)) continue;
        char ref[64];
        int rn = snprintf(ref, sizeof ref, REF "%zu,%zu]}", t->clean_at, t->clean_len);
        jw_raw(&w, rec + run, t->json_at - run);
        jw_raw(&w, ref, (size_t)rn);
        run = t->json_end;
        refs++;
    }
    jw_raw(&w, rec + run, n - run);
    if (!refs || w.failed) {
        jw_free(&w);
        return NULL;
    }
    return w.s;
}
