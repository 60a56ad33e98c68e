/*
 * corpus_trend: the use of terms over time, as counts a reader can trust.
 * For each period (a year, or a month) from the corpus's first dated
 * readout to its last, every period included, and each term: the
 * readouts whose clean text holds it, its occurrences, and the denominator,
 * how many readouts are dated in that period; and, once per term, how many
 * readouts hold it but have no date, so are not counted. A readout is a
 * first copy (copies are not indexed: a readout carried by five outlets
 * counts once); its date is the corrected one where there is a correction.
 *
 * Not for: drawing (the command's svg.c) or searching (corpus.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_internal.h"
#include "sbuf.h"

typedef struct {
    char period[8]; /* yyyy or yyyy-mm */
    int64_t docs, occ;
} cell;

typedef struct {
    cell *v;
    size_t n;
} cells;

static int push(cells *c, const char *period, int64_t docs, int64_t occ) {
    cell *p = realloc(c->v, (c->n + 1) * sizeof *p);
    if (!p) return SQLITE_NOMEM;
    c->v = p;
    snprintf(p[c->n].period, sizeof p[c->n].period, "%s", period ? period : "");
    p[c->n].docs = docs;
    p[c->n].occ = occ;
    c->n++;
    return SQLITE_OK;
}

/* Rows of (period, count[, count]) into out, in period order. */
static int collect(sqlite3_stmt *st, cells *out) {
    int rc, oom = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *p = corpus_text(st, 0, &oom);
        if (oom || push(out, p, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2)) != SQLITE_OK)
            return SQLITE_NOMEM;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The dated readouts of each period that has any. */
static int dated_readouts(tifa_corpus *c, int plen, cells *out) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db,
                                "SELECT substr(date, 1, ?1) AS p, count(*), 0 FROM doc"
                                " WHERE duplicate_of IS NULL AND date IS NOT NULL GROUP BY p ORDER BY p",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_int(st, 1, plen);
    rc = collect(st, out);
    sqlite3_finalize(st);
    return rc;
}

/* A term's readouts and occurrences per period; *undated: the readouts
 * holding it that have no date. */
static int term_counts(tifa_corpus *c, const char *term, int plen, cells *out, int64_t *undated) {
    static const char *const sql =
        "SELECT substr(d.date, 1, ?2) AS p, sum(o > 0), sum(o) FROM"
        " (SELECT d.date AS date, (length(d.clean) - length(replace(d.clean, ?3, ''))) / length(?3) AS o"
        "  FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid"
        "  WHERE doc_fts MATCH ?1 AND d.date IS NOT NULL) d"
        " GROUP BY p ORDER BY p";
    static const char *const undated_sql = "SELECT count(*) FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid"
                                           " WHERE doc_fts MATCH ?1 AND d.date IS NULL";
    char *phrase = corpus_phrase(term);
    if (!phrase) return SQLITE_NOMEM;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, plen);
        sqlite3_bind_text(st, 3, term, -1, SQLITE_STATIC);
        rc = collect(st, out);
        sqlite3_finalize(st);
    }
    if (rc == SQLITE_OK && (rc = sqlite3_prepare_v2(c->db, undated_sql, -1, &st, NULL)) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        *undated = sqlite3_column_int64(st, 0);
        rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
        sqlite3_finalize(st);
    }
    free(phrase);
    return rc;
}

/* The period after p ("2024" -> "2025", "2024-12" -> "2025-01"). */
static void next_period(char p[8], int by_month) {
    int y = atoi(p), m = by_month ? atoi(p + 5) : 0;
    if (by_month && ++m > 12) m = 1, y++;
    if (!by_month) y++;
    char tmp[32];
    if (by_month)
        snprintf(tmp, sizeof tmp, "%04d-%02d", y % 10000, m);
    else
        snprintf(tmp, sizeof tmp, "%04d", y % 10000);
    snprintf(p, 8, "%.7s", tmp);
}

/* The cell of period p in c (sorted), or NULL; *at moves along. */
static const cell *find(const cells *c, size_t *at, const char *p) {
    while (*at < c->n && strcmp(c->v[*at].period, p) < 0) (*at)++;
    return *at < c->n && !strcmp(c->v[*at].period, p) ? &c->v[*at] : NULL;
}

/* A term in simplified script, as the texts are stored (malloc'd); NULL
 * when memory ran out. */
static char *simplified(const tifa_corpus *c, const char *word) {
    sbuf b;
    sbuf_init(&b, 0);
    if (tifa_convert(c->t2s, word, strlen(word), sbuf_write, &b, NULL) == TIFA_OK) return sbuf_steal(&b, NULL);
    sbuf_free(&b);
    return NULL;
}

/* Emits every period from the first dated one to the last. */
static void emit(const cells *dated, const cells *per_term, const int64_t *undated, const char *const *words,
                 int nterms, int by_month, tifa_trend_fn fn, void *user) {
    if (!dated->n) return;
    char p[8];
    snprintf(p, sizeof p, "%s", dated->v[0].period);
    size_t at_dated = 0, *at = calloc((size_t)nterms, sizeof *at);
    if (!at) return;
    for (int guard = 0; guard < 120000 && strcmp(p, dated->v[dated->n - 1].period) <= 0; guard++) {
        const cell *d = find(dated, &at_dated, p);
        int stop = 0;
        for (int t = 0; t < nterms && !stop; t++) {
            const cell *k = find(&per_term[t], &at[t], p);
            tifa_trend_row row = {p, words[t], k ? k->docs : 0, k ? k->occ : 0, d ? d->docs : 0, undated[t]};
            stop = fn(user, &row);
        }
        if (stop) break;
        next_period(p, by_month);
    }
    free(at);
}

tifa_status tifa_corpus_trend(tifa_corpus *c, const char *const *words, int nterms, unsigned flags, tifa_trend_fn fn,
                              void *user, tifa_error *err) {
    int by_month = (flags & TIFA_TREND_BY_MONTH) != 0, plen = by_month ? 7 : 4;
    if (nterms < 1) return TIFA_OK; /* no term, no row */
    cells dated = {0}, *per_term = calloc((size_t)nterms, sizeof *per_term);
    int64_t *undated = calloc((size_t)nterms, sizeof *undated);
    char **simple = calloc((size_t)nterms, sizeof *simple);
    tifa_status rs = per_term && undated && simple ? TIFA_OK : tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    for (int t = 0; t < nterms && rs == TIFA_OK; t++) {
        if (!(simple[t] = simplified(c, words[t])))
            rs = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        else if (!*simple[t])
            rs = tifa_fail(err, TIFA_EUSAGE, 0, "empty term");
        else if (term_counts(c, simple[t], plen, &per_term[t], &undated[t]) != SQLITE_OK)
            rs = corpus_fail(c, err, "counting");
    }
    if (rs == TIFA_OK && dated_readouts(c, plen, &dated) != SQLITE_OK) rs = corpus_fail(c, err, "counting");
    if (rs == TIFA_OK) emit(&dated, per_term, undated, words, nterms, by_month, fn, user);
    for (int t = 0; t < nterms; t++) {
        if (per_term) free(per_term[t].v);
        if (simple) free(simple[t]);
    }
    free(dated.v);
    free(per_term);
    free(undated);
    free(simple);
    return rs;
}
