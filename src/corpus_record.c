/*
 * corpus_record: records as the corpus stores them.
 *
 * A record holds each article's text, which the corpus also stores as the
 * document's clean text: two copies, two thirds of the record. Stored, a
 * long string value under "text" that occurs in the clean text becomes
 * {"clean":[byte offset, byte length]} and is put back when read. The
 * stored form is only kept when putting it back gives the record byte for
 * byte; otherwise the record is stored as it is.
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_record.h"
#include "json.h"

#define KEY "\"text\":"
#define REF "{\"clean\":["
#define MIN_TEXT 64 /* shorter values are not worth a reference */

/* The end of the JSON string starting at s[i] == '"' (index after the closing quote), or 0. */
static size_t string_end(const char *s, size_t n, size_t i) {
    for (size_t k = i + 1; k < n; k++) {
        if (s[k] == '\\') k++;
        else if (s[k] == '"') return k + 1;
    }
    return 0;
}

static int hex4(const char *s, unsigned *v) {
    *v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        *v = *v * 16 + (unsigned)d;
    }
    return 0;
}

/* Decodes the JSON string body s[0..n) into out (at least n bytes). Only
 * the escapes json.c writes are needed; others fail (-1). */
static long unescape(const char *s, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            out[o++] = s[i];
            continue;
        }
        if (++i >= n) return -1;
        switch (s[i]) {
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case 'n': out[o++] = '\n'; break;
        case 't': out[o++] = '\t'; break;
        case 'r': out[o++] = '\r'; break;
        case 'u': {
            unsigned v;
            if (i + 4 >= n || hex4(s + i + 1, &v) || v >= 0x80) return -1; /* json.c escapes controls only */
            out[o++] = (char)v;
            i += 4;
            break;
        }
        default: return -1;
        }
    }
    return (long)o;
}

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

/* The stored form; NULL when nothing could be referenced or memory ran out
 * (the caller then stores the record itself). */
char *record_compact(const char *rec, size_t n, const char *clean, size_t clean_len) {
    jw w;
    jw_init(&w, 0);
    size_t run = 0, i = 0, from = 0;
    int refs = 0;
    char *buf = malloc(n + 1);
    if (!buf) return NULL;
    while (i < n) {
        const char *k = memmem(rec + i, n - i, KEY "\"", strlen(KEY) + 1);
        if (!k) break;
        size_t at = (size_t)(k - rec), q = at + strlen(KEY), e = string_end(rec, n, q);
        if (!e) break;
        i = e;
        if (e - q - 2 < MIN_TEXT) continue;
        long m = unescape(rec + q + 1, e - q - 2, buf);
        if (m < MIN_TEXT) continue;
        /* Articles come in order: look after the last one first. */
        const char *hit = from < clean_len ? memmem(clean + from, clean_len - from, buf, (size_t)m) : NULL;
        if (!hit) hit = memmem(clean, clean_len, buf, (size_t)m);
        if (!hit) continue;
        size_t off = (size_t)(hit - clean);
        char ref[64];
        int rn = snprintf(ref, sizeof ref, REF "%zu,%ld]}", off, m);
        jw_raw(&w, rec + run, q - run);
        jw_raw(&w, ref, (size_t)rn);
        run = e;
        from = off + (size_t)m;
        refs++;
    }
    free(buf);
    jw_raw(&w, rec + run, n - run);
    if (!refs || w.failed) {
        jw_free(&w);
        return NULL;
    }
    /* Kept only when reading it back gives the record exactly. */
    size_t back_len;
    char *back = record_expand(w.s, w.len, clean, clean_len, &back_len);
    int same = back && back_len == n && memcmp(back, rec, n) == 0;
    free(back);
    if (!same) {
        jw_free(&w);
        return NULL;
    }
    return w.s;
}
