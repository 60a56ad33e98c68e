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

tifa_status tifa_diff(const char *a, size_t alen, const char *b, size_t blen, int json, int color, FILE *out,
                      tifa_error *err) {
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
        if (json) {
            jw w;
            jw_init(&w, 0);
            diff_write_json(&w, &r, &sa.sum.terms, &sb.sum.terms);
            if (w.failed) st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
            else if (fwrite(w.s, 1, w.len, out) != w.len || fputc('\n', out) == EOF)
                st = tifa_fail(err, TIFA_EIO, 0, "write error");
            jw_free(&w);
        } else if (diff_write_text(out, &r, &sa.sum.terms, &sb.sum.terms, color) != 0) {
            st = tifa_fail(err, TIFA_EIO, 0, "write error");
        }
        diff_result_free(&r);
    }
    free_side(&sa);
    free_side(&sb);
    return st;
}
