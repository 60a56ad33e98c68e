/*
 * compare: two readouts in, their comparison out (tifa_diff_sides). A side
 * is what the comparison needs of a readout, made once: its clean text and
 * its formulations (numbered and quoted terms). From raw bytes one
 * extraction makes both (tifa_diff_side_read); from the corpus they are
 * read as stored (corpus_diff.c). diff.c aligns the sentences and writes
 * the report.
 *
 * Not for: the alignment itself (diff.c) or where documents come from (the
 * CLI reads files or the corpus, the server the corpus).
 */
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "diff.h"
#include "extract.h"
#include "internal.h"

struct tifa_diff_side {
    char *clean;
    size_t clean_len;
    slist terms;
};

tifa_diff_side *diff_side_make(char *clean, size_t clean_len, slist *formulations) {
    tifa_diff_side *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->clean = clean;
    s->clean_len = clean_len;
    s->terms = *formulations;
    memset(formulations, 0, sizeof *formulations);
    return s;
}

void tifa_diff_side_free(tifa_diff_side *s) {
    if (!s) return;
    free(s->clean);
    slist_free(&s->terms);
    free(s);
}

tifa_status tifa_diff_side_read(const char *bytes, size_t len, tifa_diff_side **out, tifa_error *err) {
    *out = NULL;
    doc_summary sum;
    /* One pass: the clean text is extraction's (what tifa_clean writes), no record is written. */
    tifa_status st = extract_document(NULL, "-", bytes, len, 0, NULL, NULL, &sum, err);
    if (st == TIFA_OK && !(*out = diff_side_make(sum.clean, sum.clean_len, &sum.terms)))
        st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (*out) sum.clean = NULL; /* the side's now */
    doc_summary_free(&sum);
    return st;
}

/* The report for people, in memory: the caller's sink gets it in one
 * piece, as the JSON. */
static tifa_status text_report(const diff_result *r, const tifa_diff_side *a, const tifa_diff_side *b, int color,
                               char **out, size_t *len, tifa_error *err) {
    sbuf o;
    sbuf_init(&o, 0);
    if (diff_write_text(&o, r, &a->terms, &b->terms, color) == 0 && (*out = sbuf_steal(&o, len))) return TIFA_OK;
    sbuf_free(&o);
    return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
}

/* The comparison of two sides through the caller's sink. */
static tifa_status write_comparison(const diff_result *r, const tifa_diff_side *a, const tifa_diff_side *b,
                                    unsigned flags, tifa_write_fn write, void *user, tifa_error *err) {
    tifa_status st = TIFA_OK;
    if (flags & TIFA_DIFF_JSON) {
        jw w;
        jw_init(&w, 0);
        diff_write_json(&w, r, &a->terms, &b->terms);
        jw_raw(&w, "\n", 1);
        if (w.failed)
            st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        else if (write(user, w.s, w.len))
            st = tifa_fail(err, TIFA_ESINK, 0, "the output callback stopped the output");
        jw_free(&w);
        return st;
    }
    char *text = NULL;
    size_t len = 0;
    st = text_report(r, a, b, (flags & TIFA_DIFF_COLOR) != 0, &text, &len, err);
    if (st == TIFA_OK && len && write(user, text, len))
        st = tifa_fail(err, TIFA_ESINK, 0, "the output callback stopped the output");
    free(text);
    return st;
}

tifa_status tifa_diff_sides(const tifa_diff_side *a, const tifa_diff_side *b, unsigned flags, tifa_write_fn write,
                            void *user, tifa_error *err) {
    diff_result r;
    if (diff_sentences(a->clean, a->clean_len, b->clean, b->clean_len, &r) != 0)
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    tifa_status st = write_comparison(&r, a, b, flags, write, user, err);
    diff_result_free(&r);
    return st;
}

tifa_status tifa_diff_write(const char *a, size_t alen, const char *b, size_t blen, unsigned flags, tifa_write_fn write,
                            void *user, tifa_error *err) {
    tifa_diff_side *sa = NULL, *sb = NULL;
    tifa_status st = tifa_diff_side_read(a, alen, &sa, err);
    if (st == TIFA_OK) st = tifa_diff_side_read(b, blen, &sb, err);
    if (st == TIFA_OK) st = tifa_diff_sides(sa, sb, flags, write, user, err);
    tifa_diff_side_free(sa);
    tifa_diff_side_free(sb);
    return st;
}

tifa_status tifa_diff(const char *a, size_t alen, const char *b, size_t blen, int json, int color, FILE *out,
                      tifa_error *err) {
    unsigned flags = (json ? TIFA_DIFF_JSON : 0u) | (color ? TIFA_DIFF_COLOR : 0u);
    tifa_status st = tifa_diff_write(a, alen, b, blen, flags, sbuf_write_file, out, err);
    if (st == TIFA_ESINK) st = tifa_fail(err, TIFA_EIO, 0, "write error");
    return st;
}
