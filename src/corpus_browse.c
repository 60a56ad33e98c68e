/*
 * corpus_browse: the readouts as a dataset a reader walks through rather
 * than searches: narrowed by facets (year, body, meeting type, outlet,
 * corrected), sorted by date, counted per facet value, and one meeting
 * series followed from year to year with the formulations that come and
 * go. A meeting's type and series are read off its (corrected) name by
 * two SQL functions registered on every handle, so a correction of the
 * name moves the readout to its new type and series at once.
 *
 * Not for: full-text search by rank (corpus.c) or counting terms over time
 * (corpus_trend.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_internal.h"
#include "sbuf.h"
#include "utf8.h"

/* ------------------------------------------------------ type and series */

/* Meeting types: what a name ends with, longest first so that 常务会议
 * wins over 会议. The name's last noun is what readers group by: every
 * 工作会议 of every body, every 务虚会 (strategy retreat). */
static const char *const meeting_types[] = {
    /* sessions of a standing body */
    "常务委员会会议", "常委会会议", "常委会（扩大）会议", "常务会议", "全体会议", "常委会", "全会",
    /* enlarged and special sessions */
    "扩大会议", "专题会议", "联席会议", "办公会议", "党组会议", "党委会议", "电视电话会议", "视频会议",
    /* yearly work conferences and retreats */
    "工作会议", "工作会", "务虚会", "座谈会", "推进会", "部署会", "调度会", "汇报会", "交流会", "总结会",
    /* rallies and congresses */
    "动员大会", "表彰大会", "总结大会", "代表大会", "大会", "年会",
    /* study sessions */
    "集体学习", "学习会", "民主生活会",
    /* anything else called a meeting */
    "会议"};

static int ends_with(const char *s, size_t n, const char *w) {
    size_t k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

/* The type of a meeting name: a pointer into meeting_types, or NULL. */
static const char *type_of(const char *name, size_t n) {
    const char *best = NULL;
    for (size_t i = 0; i < sizeof meeting_types / sizeof *meeting_types; i++)
        if (ends_with(name, n, meeting_types[i]) && (!best || strlen(meeting_types[i]) > strlen(best)))
            best = meeting_types[i];
    return best;
}

/* The bytes of a numeral at s as readouts write them (2024, 九, 十四), 0
 * when none: an ASCII digit, or a Han numeral (three bytes each). */
static size_t numeral(const char *s, size_t n) {
    static const char han[] = "〇零一二三四五六七八九十百";
    if (n && s[0] >= '0' && s[0] <= '9') return 1;
    for (size_t k = 0; n >= 3 && k + 3 <= sizeof han - 1; k += 3)
        if (!memcmp(s, han + k, 3)) return 3;
    return 0;
}

/* Words that make one year's meeting differ from the next one's name:
 * the first two stand alone, the others follow a number. */
static const char *const edition_words[] = {"新一届", "首次", "年度", "年", "次", "届"};

static size_t word_at(const char *s, size_t n, size_t from, size_t to) {
    for (size_t k = from; k < to; k++) {
        size_t len = strlen(edition_words[k]);
        if (n >= len && !memcmp(s, edition_words[k], len)) return len;
    }
    return 0;
}

/* How many bytes at s (of n) are an edition: "2024年", "第三次", "十四届",
 * "新一届"; 0 when none. A bare number of four digits (a year) counts. */
static size_t edition_at(const char *s, size_t n) {
    size_t i = n >= 3 && !memcmp(s, "第", 3) ? 3 : 0, len, digits = 0, ascii = 0;
    if ((len = word_at(s + i, n - i, 0, 2))) return i + len;
    while (i < n && (len = numeral(s + i, n - i))) {
        ascii += len == 1;
        i += len;
        digits++;
    }
    if (!digits) return 0;
    if ((len = word_at(s + i, n - i, 2, sizeof edition_words / sizeof *edition_words))) return i + len;
    return ascii == 4 && digits == 4 ? i : 0;
}

/* The series of a meeting name: the name without its year and ordinals
 * (2025年国防科技工业工作会议 and 2026年… are one series), malloc'd. */
static char *series_of(const char *name, size_t n) {
    char *out = malloc(n + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t skip = edition_at(name + i, n - i);
        if (skip) {
            i += skip;
            continue;
        }
        uint32_t cp;
        size_t len = u8_decode((const unsigned char *)name + i, n - i, &cp);
        memcpy(out + k, name + i, len);
        k += len;
        i += len;
    }
    out[k] = 0;
    return out;
}

static void sql_type(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    const char *name = (const char *)sqlite3_value_text(argv[0]);
    const char *t = name ? type_of(name, (size_t)sqlite3_value_bytes(argv[0])) : NULL;
    if (t)
        sqlite3_result_text(ctx, t, -1, SQLITE_STATIC);
    else
        sqlite3_result_null(ctx);
}

static void sql_series(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    const char *name = (const char *)sqlite3_value_text(argv[0]);
    char *s = name ? series_of(name, (size_t)sqlite3_value_bytes(argv[0])) : NULL;
    if (name && !s) {
        sqlite3_result_error_nomem(ctx);
    } else if (s && *s) {
        sqlite3_result_text(ctx, s, -1, free);
    } else {
        free(s);
        sqlite3_result_null(ctx);
    }
}

int corpus_browse_register(sqlite3 *db) {
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function(db, "tifa_meeting_type", 1, flags, NULL, sql_type, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "tifa_meeting_series", 1, flags, NULL, sql_series, NULL, NULL);
    return rc;
}

/* ---------------------------------------------------------------- browse */

/* The readouts a browse keeps: ?1 the query (only with FROM_QUERY), ?2..?7
 * the facets. An outlet is a readout's when it or one of its copies
 * carries it. */
#define FROM_ALL   " FROM doc d WHERE d.duplicate_of IS NULL"
#define FROM_QUERY " FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid WHERE doc_fts MATCH ?1 AND d.duplicate_of IS NULL"
#define FACETS                                                                                                         \
    " AND (?2 IS NULL OR coalesce(substr(d.date, 1, 4), '') = ?2) AND (?3 IS NULL OR d.org = ?3)"                    \
    " AND (?4 IS NULL OR tifa_meeting_type(d.meeting) = ?4)"                                                         \
    " AND (?5 IS NULL OR d.outlet = ?5 OR EXISTS (SELECT 1 FROM doc e WHERE e.duplicate_of = d.id AND e.outlet = ?5))" \
    " AND (?6 = 0 OR EXISTS (SELECT 1 FROM correction k WHERE k.doc = d.id))"                                        \
    " AND (?7 IS NULL OR tifa_meeting_series(d.meeting) = ?7)"

static sqlite3_stmt *prepare(tifa_corpus *c, const tifa_browse *b, const char *query, const char *head,
                             const char *tail) {
    char sql[2048];
    snprintf(sql, sizeof sql, "%s%s" FACETS "%s", head, query ? FROM_QUERY : FROM_ALL, tail);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    if (query) sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    const char *text[] = {b->year, b->org, b->type, b->outlet};
    for (int i = 0; i < 4; i++)
        if (text[i]) sqlite3_bind_text(st, 2 + i, text[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, b->corrected != 0);
    if (b->series) sqlite3_bind_text(st, 7, b->series, -1, SQLITE_STATIC);
    return st;
}

static const char *order_of(const tifa_browse *b, const char *query) {
    if (b->sort == TIFA_SORT_RELEVANCE && query) return " ORDER BY rank";
    if (b->sort == TIFA_SORT_OLDEST) return " ORDER BY d.date IS NULL, d.date, d.id";
    return " ORDER BY d.date IS NULL, d.date DESC, d.id DESC";
}

static int run_browse(tifa_corpus *c, const tifa_browse *b, const char *q, tifa_hit_fn fn, void *user, int64_t *total) {
    char head[512], tail[128];
    snprintf(head, sizeof head, "SELECT " HIT_COLUMNS "%s", q ? ", snippet(doc_fts, 0, '«', '»', '…', 24)" : "");
    snprintf(tail, sizeof tail, "%s LIMIT ?8 OFFSET ?9", order_of(b, q));
    sqlite3_stmt *st = prepare(c, b, q, head, tail);
    if (!st) return sqlite3_errcode(c->db);
    sqlite3_bind_int(st, 8, b->limit > 0 ? b->limit : -1);
    sqlite3_bind_int(st, 9, b->offset > 0 ? b->offset : 0);
    int rc = corpus_emit_hits(c, st, fn, user, q != NULL);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE || !total) return rc;
    if (!(st = prepare(c, b, q, "SELECT count(*)", ""))) return sqlite3_errcode(c->db);
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) *total = sqlite3_column_int64(st, 0), rc = SQLITE_DONE;
    sqlite3_finalize(st);
    return rc;
}

/* Text that is not FTS5 syntax is searched as one phrase, as search does. */
typedef int (*browse_run)(tifa_corpus *c, const tifa_browse *b, const char *q, void *ctx);

static tifa_status with_query(tifa_corpus *c, const tifa_browse *b, browse_run run, void *ctx, tifa_error *err,
                              const char *what) {
    const char *q = b->query && *b->query ? b->query : NULL;
    int rc = run(c, b, q, ctx);
    if (rc == SQLITE_ERROR && q) {
        char *phrase = corpus_phrase(q);
        if (!phrase) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        rc = run(c, b, phrase, ctx);
        free(phrase);
    }
    return rc == SQLITE_DONE || rc == SQLITE_OK ? TIFA_OK : corpus_fail(c, err, what);
}

typedef struct {
    tifa_hit_fn fn;
    void *user;
    int64_t *total;
} browse_ctx;

static int browse_step(tifa_corpus *c, const tifa_browse *b, const char *q, void *ctx) {
    browse_ctx *k = ctx;
    return run_browse(c, b, q, k->fn, k->user, k->total);
}

tifa_status tifa_corpus_browse(tifa_corpus *c, const tifa_browse *b, tifa_hit_fn fn, void *user, int64_t *total,
                               tifa_error *err) {
    tifa_browse none = {0};
    browse_ctx k = {fn, user, total};
    if (total) *total = 0;
    return with_query(c, b ? b : &none, browse_step, &k, err, "browsing");
}

/* ---------------------------------------------------------------- export */

/* The ids a browse keeps, as a JSON array being written. */
static int collect_id(void *user, const tifa_hit *h) {
    sbuf *l = user;
    return sbuf_printf(l, "%s%lld", l->len > 1 ? "," : "", (long long)h->id) ? 1 : 0;
}

tifa_status tifa_corpus_export_browse(tifa_corpus *c, tifa_export_format format, const tifa_browse *b, unsigned flags,
                                      tifa_write_fn write, void *user, tifa_error *err) {
    sbuf l;
    sbuf_init(&l, 0);
    /* A failed append stops the browse; the error stays in l. */
    tifa_status st = sbuf_putc(&l, '[') ? TIFA_OK : tifa_corpus_browse(c, b, collect_id, &l, NULL, err);
    if (st == TIFA_OK && sbuf_putc(&l, ']')) st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (st == TIFA_OK) st = corpus_export_ids(c, format, NULL, l.s, flags, write, user, err);
    sbuf_free(&l);
    return st;
}

/* ---------------------------------------------------------------- facets */

/* Each facet: the value a readout has, counted over the readouts kept.
 * year "" is the undated ones; corrected counts those with a correction. */
static const struct {
    const char *name, *head, *tail;
} facets[] = {
    {"year", "SELECT coalesce(substr(d.date, 1, 4), '') AS v, count(*)", " GROUP BY v ORDER BY v = '', v DESC"},
    {"org", "SELECT d.org AS v, count(*)", " AND d.org IS NOT NULL GROUP BY v ORDER BY count(*) DESC, v LIMIT 40"},
    {"type", "SELECT tifa_meeting_type(d.meeting) AS v, count(*)",
     " AND v IS NOT NULL GROUP BY v ORDER BY count(*) DESC, v LIMIT 40"},
    {"outlet", "SELECT e.outlet AS v, count(DISTINCT d.id) FROM doc e JOIN (SELECT d.id",
     ") d ON e.id = d.id OR e.duplicate_of = d.id WHERE e.outlet IS NOT NULL GROUP BY v ORDER BY 2 DESC, v LIMIT 40"},
    {"corrected", "SELECT 'yes', count(*)", " AND EXISTS (SELECT 1 FROM correction k WHERE k.doc = d.id)"},
};

typedef struct {
    tifa_facet_fn fn;
    void *user;
} facet_ctx;

static int facet_step(tifa_corpus *c, const tifa_browse *b, const char *q, void *ctx) {
    facet_ctx *k = ctx;
    for (size_t i = 0; i < sizeof facets / sizeof *facets; i++) {
        sqlite3_stmt *st = prepare(c, b, q, facets[i].head, facets[i].tail);
        if (!st) return sqlite3_errcode(c->db);
        int rc, oom = 0, stop = 0;
        while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *v = corpus_text(st, 0, &oom);
            if (oom) break;
            stop = k->fn(k->user, facets[i].name, v ? v : "", sqlite3_column_int64(st, 1));
        }
        sqlite3_finalize(st);
        if (oom) return SQLITE_NOMEM;
        if (stop) return SQLITE_DONE;
        if (rc != SQLITE_DONE) return rc;
    }
    return SQLITE_DONE;
}

tifa_status tifa_corpus_facets(tifa_corpus *c, const tifa_browse *b, tifa_facet_fn fn, void *user, tifa_error *err) {
    tifa_browse none = {0};
    facet_ctx k = {fn, user};
    return with_query(c, b ? b : &none, facet_step, &k, err, "counting facets");
}

/* ---------------------------------------------------------------- series */

typedef struct {
    char **v;
    size_t n;
} strings;

static void strings_free(strings *s) {
    for (size_t i = 0; i < s->n; i++) free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

static int has(const strings *s, const char *x) {
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], x)) return 1;
    return 0;
}

static int add(strings *s, const char *x) {
    if (has(s, x)) return 0;
    char **p = realloc(s->v, (s->n + 1) * sizeof *p);
    if (!p) return -1;
    s->v = p;
    if (!(p[s->n] = strdup(x))) return -1;
    s->n++;
    return 0;
}

/* The formulations of a readout's main article (numbered, then quoted),
 * each once, in the record's order. */
static int read_terms(tifa_corpus *c, int64_t id, strings *out) {
    static const char *const sql =
        "SELECT t.value FROM doc d, json_each(d.record, '$.articles') a, json_each(a.value, '$.terms.numbered') t"
        " WHERE d.id = ?1 AND a.key = d.article UNION ALL"
        " SELECT t.value FROM doc d, json_each(d.record, '$.articles') a, json_each(a.value, '$.terms.quoted') t"
        " WHERE d.id = ?1 AND a.key = d.article";
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_int64(st, 1, id);
    int oom = 0;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = corpus_text(st, 0, &oom);
        if (v && add(out, v) < 0) oom = 1;
    }
    sqlite3_finalize(st);
    return oom ? SQLITE_NOMEM : rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* What one list has that the other has not. */
static int minus(const strings *a, const strings *b, strings *out) {
    for (size_t i = 0; i < a->n; i++)
        if (!has(b, a->v[i]) && add(out, a->v[i]) < 0) return -1;
    return 0;
}

typedef struct {
    tifa_corpus *c;
    tifa_series_fn fn;
    void *user;
    strings prev;
    int first, failed;
} series_ctx;

static int series_hit(void *user, const tifa_hit *h) {
    series_ctx *k = user;
    strings now = {0}, added = {0}, dropped = {0};
    int rc = read_terms(k->c, h->id, &now);
    if (rc == SQLITE_OK && (minus(&now, &k->prev, &added) < 0 || minus(&k->prev, &now, &dropped) < 0))
        rc = SQLITE_NOMEM;
    int stop = 1;
    if (rc == SQLITE_OK) {
        tifa_series_row row = {h,           (const char *const *)now.v, now.n,       (const char *const *)added.v,
                               added.n,     (const char *const *)dropped.v, dropped.n, k->first};
        stop = k->fn(k->user, &row);
    } else {
        k->failed = rc;
    }
    strings_free(&added);
    strings_free(&dropped);
    strings_free(&k->prev);
    k->prev = now;
    k->first = 0;
    return stop;
}

tifa_status tifa_corpus_series(tifa_corpus *c, const tifa_browse *b, tifa_series_fn fn, void *user, tifa_error *err) {
    tifa_browse oldest = b ? *b : (tifa_browse){0};
    oldest.sort = TIFA_SORT_OLDEST;
    series_ctx k = {c, fn, user, {0}, 1, 0};
    browse_ctx bk = {series_hit, &k, NULL};
    tifa_status st = with_query(c, &oldest, browse_step, &bk, err, "reading a series");
    strings_free(&k.prev);
    if (st == TIFA_OK && k.failed) return corpus_fail(c, err, "reading a series");
    return st;
}
