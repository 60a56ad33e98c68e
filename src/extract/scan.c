/*
 * scan: finding one's way in the text of an article — the clause or
 * sentence around an index, the paragraph's end, the report's first
 * paragraph with a sentence, a bracketed qualifier, a word ending at an
 * index. Indices are code points of a ustr.
 *
 * Not for: deciding what a phrase means (people.c, meeting.c, date.c,
 * byline.c) nor which words to look for (lexicon.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"

/* Length in code points of literal w if it ends exactly at index e. */
size_t ends_with(const ustr *u, size_t e, const char *w) {
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)w; *p; p++) n += (*p & 0xC0) != 0x80;
    if (n > e) return 0;
    return ustr_at(u, e - n, w) ? n : 0;
}

size_t ends_with_any(const ustr *u, size_t e, const char *const *ws, size_t nws) {
    for (size_t i = 0; i < nws; i++) {
        size_t n = ends_with(u, e, ws[i]);
        if (n) return n;
    }
    return 0;
}

int all_han(const ustr *u, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (!u_is_han(u->cp[i])) return 0;
    return a < b;
}

int is_clause_break(uint32_t cp) {
    return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == '\n' || cp == 0xFF01 || cp == 0xFF1F ||
           cp == 0xFF08 || cp == 0xFF09 || cp == 0x201C || cp == 0x201D || cp == ',' || cp == ';';
}

/* Start of the clause that contains index i (after the last break). */
size_t clause_start(const ustr *u, size_t i, size_t limit) {
    size_t s = i;
    while (s > 0 && !is_clause_break(u->cp[s - 1]) && i - s < limit) s--;
    return s;
}

size_t sentence_start(const ustr *u, size_t i) {
    size_t s = i;
    while (s > 0 && !u_is_sentence_end(u->cp[s - 1]) && u->cp[s - 1] != '\n') s--;
    return s;
}

size_t para_end(const ustr *u, size_t i) {
    while (i < u->n && u->cp[i] != '\n') i++;
    return i;
}

/* Where the full-width bracket that closes at e - 1 opens, looking back
 * fewer than max characters and not before floor; USTR_NONE when e - 1
 * closes none. */
size_t bracket_open_before(const ustr *u, size_t e, size_t floor, size_t max) {
    if (e <= floor || u->cp[e - 1] != 0xFF09 /* ） */) return USTR_NONE;
    size_t o = e - 1;
    while (o > floor && u->cp[o - 1] != 0xFF08 && e - o < max) o--;
    return o > floor && u->cp[o - 1] == 0xFF08 /* （ */ ? o - 1 : USTR_NONE;
}

static int has_sentence(const ustr *u, size_t p, size_t e) {
    int sentence = e - p > 60;
    for (size_t i = p; i < e && !sentence; i++) sentence = u_is_sentence_end(u->cp[i]);
    return sentence;
}

/* The paragraph that reports the meeting: among the first ones, the first
 * sentence that convenes or chairs a meeting (a portal's headline lists,
 * captions and bylines above it have none); else the first with a full
 * sentence (headlines and navigation before it have none). */
void lead_paragraph(const ustr *u, size_t *from, size_t *to) {
    static const char *const verbs[] = {"召开", "举行", "开幕", "闭幕", "主持"};
    for (size_t p = 0, k = 0; p < u->n && p < 3000 && k < 30; p = para_end(u, p) + 1, k++) {
        size_t e = para_end(u, p), w;
        if (e - p < 15 || !has_sentence(u, p, e)) continue;
        for (size_t i = p; i < e && i < p + 400; i++)
            if (ustr_at_any(u, i, verbs, sizeof verbs / sizeof *verbs, &w)) {
                *from = p;
                *to = e - p > 400 ? p + 400 : e;
                return;
            }
    }
    for (size_t p = 0; p < u->n; p = para_end(u, p) + 1) {
        size_t e = para_end(u, p);
        int sentence = e - p > 60;
        for (size_t i = p; i < e && !sentence; i++) sentence = u_is_sentence_end(u->cp[i]);
        if (sentence) {
            *from = p;
            *to = e - p > 400 ? p + 400 : e;
            return;
        }
    }
    *from = 0;
    *to = para_end(u, 0);
}
