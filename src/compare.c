/*
 * compare: two readouts in, their comparison out (tifa_diff). Each raw
 * document is cleaned (the text compared) and extracted (its numbered and
 * quoted formulations); diff.c aligns the sentences and writes the report.
 *
 * Not for: the alignment itself (diff.c) or where documents come from (the
 * CLI reads files or the corpus).
 */
#include <stdlib.h>
#include <string.h>
#include "diff.h"
#include "extract.h"
#include "internal.h"

typedef struct {
    char *clean;
    size_t clean_len;
    doc_summary sum;
} side;

static tifa_status read_side(const char *bytes, size_t len, side *s, tifa_error *err) {
    memset(s, 0, sizeof *s);
    char *json;
    size_t jlen;
    tifa_status st = tifa_clean(NULL, bytes, len, &s->clean, &s->clean_len, NULL, err);
    if (st == TIFA_OK) st = extract_document(NULL, "-", bytes, len, 0, &json, &jlen, &s->sum, err);
    if (st == TIFA_OK) tifa_free(json);
    return st;
}

static void free_side(side *s) {
    tifa_free(s->clean);
    doc_summary_free(&s->sum);
}

/* The report for people, in memory: the caller's sink gets it in one
 * piece, as the JSON. */
static tifa_status text_report(const diff_result *r, const side *sa, const side *sb, int color, char **out, size_t *len,
                               tifa_error *err) {
    sbuf o;
    sbuf_init(&o, 0);
    if (diff_write_text(&o, r, &sa->sum.terms, &sb->sum.terms, color) == 0 && (*out = sbuf_steal(&o, len)))
        return TIFA_OK;
    sbuf_free(&o);
    return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
}

/* The comparison of two read sides through the caller's sink. */
static tifa_status write_comparison(const diff_result *r, const side *sa, const side *sb, unsigned flags,
                                    tifa_write_fn write, void *user, tifa_error *err) {
    tifa_status st = TIFA_OK;
    if (flags & TIFA_DIFF_JSON) {
        jw w;
        jw_init(&w, 0);
        diff_write_json(&w, r, &sa->sum.terms, &sb->sum.terms);
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
    st = text_report(r, sa, sb, (flags & TIFA_DIFF_COLOR) != 0, &text, &len, err);
    if (st == TIFA_OK && len && write(user, text, len))
        st = tifa_fail(err, TIFA_ESINK, 0, "the output callback stopped the output");
    free(text);
    return st;
}

tifa_status tifa_diff_write(const char *a, size_t alen, const char *b, size_t blen, unsigned flags, tifa_write_fn write,
                            void *user, tifa_error *err) {
    side sa, sb;
    tifa_status st = read_side(a, alen, &sa, err);
    if (st != TIFA_OK) {
        free_side(&sa);
        return st;
    }
    st = read_side(b, blen, &sb, err);
    diff_result r;
    if (st == TIFA_OK && diff_sentences(sa.clean, sa.clean_len, sb.clean, sb.clean_len, &r) != 0)
        st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (st == TIFA_OK) {
        st = write_comparison(&r, &sa, &sb, flags, write, user, err);
        diff_result_free(&r);
    }
    free_side(&sa);
    free_side(&sb);
    return st;
}

tifa_status tifa_diff(const char *a, size_t alen, const char *b, size_t blen, int json, int color, FILE *out,
                      tifa_error *err) {
    unsigned flags = (json ? TIFA_DIFF_JSON : 0u) | (color ? TIFA_DIFF_COLOR : 0u);
    tifa_status st = tifa_diff_write(a, alen, b, blen, flags, sbuf_write_file, out, err);
    if (st == TIFA_ESINK) st = tifa_fail(err, TIFA_EIO, 0, "write error");
    return st;
}
