/*
 * corpus_export: the corpus as a table any tool reads, one row per
 * meeting (a document without one: one row for its main article), the
 * facts as columns, corrections applied. The rows are the view
 * all_meetings (corpus.c), so SQL users, CSV and JSON Lines see the same
 * values; this file only writes them: CSV (RFC 4180, lists joined with
 * "; ", a byte-order mark for Excel on request) or JSON Lines (lists as
 * arrays, the copies as objects, and the article's text).
 *
 * Not for: the records themselves (tifa_corpus_get).
 */
#include <stdlib.h>
#include <string.h>
#include "corpus_internal.h"
#include "json.h"
#include "sbuf.h"
#include "utf8.h"

/* The columns, in the order written. kind: 't' text, 'i' integer, 'b'
 * boolean, 'l' a JSON array of strings, 'c' the copies (a count in CSV,
 * objects in JSON), 'j' a JSON object (meta). */
static const struct {
    const char *name;
    char kind;
} columns[] = {
    {"id", 'i'},        {"article", 'i'},   {"kind", 't'},      {"file", 't'},   {"outlet", 't'},
    {"url", 't'},       {"published", 't'}, {"retrieved", 't'}, {"date", 't'},   {"date_inferred", 'b'},
    {"name", 't'},      {"org", 't'},       {"place", 't'},     {"chair", 't'},  {"chair_title", 't'},
    {"speakers", 'l'},  {"present", 'l'},   {"attendees", 't'}, {"source", 't'}, {"numbered", 'l'},
    {"quoted", 'l'},    {"documents", 'l'}, {"periods", 'l'},   {"copies", 'c'}, {"duplicate_of", 'i'},
    {"corrected", 'l'}, {"meta", 'j'},
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

/* The filters, as list's, on each row's date, body and name; copies only
 * with ?6. By id alone: the scan of doc gives that order without a sort
 * (a sort of every row, texts included, doubled the time), and json_each
 * gives a document's articles in order. */
#define ROWS_WHERE                                                                                                     \
    " WHERE (?6 OR duplicate_of IS NULL) AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3 || '~')"         \
    " AND (?4 IS NULL OR org LIKE '%' || ?4 || '%') AND (?5 IS NULL OR name LIKE '%' || ?5 || '%')"                    \
    " AND (?9 IS NULL OR id IN (SELECT value FROM json_each(?9))) ORDER BY id LIMIT ?7 OFFSET ?8"

/* The rows, filtered as list filters (on the meeting's date, body and
 * name), first copies only unless ?6; the copies as a JSON array last
 * (for JSON Lines), then the text. */
static const char *const rows_sql =
    "SELECT id, article, kind, file, outlet, url, published, retrieved, date, date_inferred, name, org, place, chair,"
    " chair_title, speakers, present, attendees, source, numbered, quoted, documents, periods, copies,"
    " duplicate_of, corrected, meta,"
    " (SELECT json_group_array(json_object('id', e.id, 'file', e.file, 'source', e.outlet, 'url', e.url,"
    "   'published', e.published, 'copy', e.copy)) FROM doc e WHERE e.duplicate_of = m.id),"
    " text FROM all_meetings m" ROWS_WHERE;

/* CSV needs neither the copies' objects nor the text: reading each
 * article's text back from the clean text is most of what JSON Lines
 * costs. The same columns, then NULL in their place. */
static const char *const csv_sql =
    "SELECT id, article, kind, file, outlet, url, published, retrieved, date, date_inferred, name, org, place, chair,"
    " chair_title, speakers, present, attendees, source, numbered, quoted, documents, periods, copies,"
    " duplicate_of, corrected, meta, NULL, NULL FROM all_meetings m" ROWS_WHERE;

/* Output goes through an sbuf passing it to the caller's sink 8 KB at a
 * time (a callback per field would cost more than the field). */
#define STAGE 8192

/* A CSV field: quoted when it holds a comma, quote or line end; bytes
 * that are not UTF-8 (a file name from another system) as U+FFFD. */
static void csv_text(sbuf *o, const char *s) {
    if (!s) return;
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote) sbuf_put(o, "\"", 1);
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t step = u8_strict((const unsigned char *)s + i, n - i, &cp);
        if (!step)
            sbuf_put(o, "\xEF\xBF\xBD", 3), step = 1;
        else if (s[i] == '"')
            sbuf_put(o, "\"\"", 2);
        else
            sbuf_put(o, s + i, step);
        i += step;
    }
    if (quote) sbuf_put(o, "\"", 1);
}

/* Appends the UTF-8 of code point cp. */
static void put_cp(sbuf *o, uint32_t cp) {
    char u[4];
    sbuf_put(o, u, u8_encode(cp, u));
}

static int hex4(const char *s, uint32_t *v) {
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) return -1;
        *v = *v << 4 | (uint32_t)d;
    }
    return 0;
}

/* The strings of a JSON array that SQLite made (json_group_array of
 * strings), joined with sep, into o as they are (no CSV quoting yet).
 * Decoded here rather than by a statement a list: six statements a row
 * were two thirds of the time of an export. -1 when it is not such an
 * array. */
static int join_strings(sbuf *o, const char *json, const char *sep) {
    const char *p = json;
    int n = 0;
    if (*p++ != '[') return -1;
    for (;;) {
        while (*p == ' ') p++;
        if (*p == ']') return 0;
        if (n && *p++ != ',') return -1;
        while (*p == ' ') p++;
        if (*p++ != '"') return -1;
        if (n++) sbuf_puts(o, sep);
        for (;;) {
            const char *run = p;
            while (*p && *p != '"' && *p != '\\') p++;
            sbuf_put(o, run, (size_t)(p - run));
            if (*p == '"') break;
            if (!*p || !p[1]) return -1;
            char e = p[1];
            p += 2;
            uint32_t cp, lo;
            switch (e) {
            case 'n':
                sbuf_put(o, "\n", 1);
                break;
            case 't':
                sbuf_put(o, "\t", 1);
                break;
            case 'r':
                sbuf_put(o, "\r", 1);
                break;
            case 'b':
                sbuf_put(o, "\b", 1);
                break;
            case 'f':
                sbuf_put(o, "\f", 1);
                break;
            case 'u':
                if (hex4(p, &cp)) return -1;
                p += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u' && !hex4(p + 2, &lo) && lo >= 0xDC00 &&
                    lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
                put_cp(o, cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp);
                break;
            default:
                sbuf_put(o, &e, 1); /* " \ / */
            }
        }
        p++; /* the closing quote */
    }
}

/* A list column in CSV: its items joined with sep, then quoted as a field. */
static int csv_list(sbuf *o, const char *json, const char *sep) {
    if (!json) return SQLITE_OK;
    sbuf joined;
    sbuf_init(&joined, 0);
    int bad = join_strings(&joined, json, sep);
    if (joined.err) {
        sbuf_free(&joined);
        return SQLITE_NOMEM;
    }
    if (!bad) csv_text(o, joined.s ? joined.s : "");
    sbuf_free(&joined);
    return bad ? SQLITE_CORRUPT : SQLITE_OK;
}

static int csv_row(sqlite3_stmt *st, sbuf *o) {
    int rc = SQLITE_OK, oom = 0;
    for (size_t i = 0; i < NCOLUMNS && rc == SQLITE_OK && !oom; i++) {
        if (i) sbuf_put(o, ",", 1);
        const char *v = corpus_text(st, (int)i, &oom);
        switch (columns[i].kind) {
        case 'b':
            if (v) sbuf_puts(o, sqlite3_column_int(st, (int)i) ? "true" : "false");
            break;
        case 'l':
            rc = csv_list(o, v, !strcmp(columns[i].name, "corrected") ? "," : "; ");
            break;
        default: /* text, numbers, the copies' count, meta's JSON */
            csv_text(o, v);
        }
    }
    sbuf_put(o, "\r\n", 2);
    return oom ? SQLITE_NOMEM : rc;
}

/* 0, or -1 out of memory. */
static int jsonl_row(sqlite3_stmt *st, sbuf *o) {
    jw wr, *w = &wr;
    int oom = 0;
    jw_init(w, 0);
    jw_obj(w);
    for (size_t i = 0; i < NCOLUMNS; i++) {
        char kind = columns[i].kind;
        /* for the copies, the objects themselves */
        const char *v = corpus_text(st, kind == 'c' ? (int)NCOLUMNS : (int)i, &oom);
        jw_key(w, columns[i].name);
        if (!v)
            jw_null(w);
        else if (kind == 'i')
            jw_int(w, sqlite3_column_int64(st, (int)i));
        else if (kind == 'b')
            jw_bool(w, sqlite3_column_int(st, (int)i));
        else if (kind == 't')
            jw_str(w, v);
        else /* JSON made by SQLite from the stored record: spliced */
            jw_value_raw(w, v, strlen(v));
    }
    jw_field(w, "text", corpus_text(st, (int)NCOLUMNS + 1, &oom));
    jw_obj_end(w);
    int failed = w->failed || oom;
    if (!failed) {
        sbuf_put(o, w->s, w->len);
        sbuf_put(o, "\n", 1);
    }
    jw_free(w);
    return failed ? -1 : 0;
}

tifa_status tifa_corpus_export(tifa_corpus *c, tifa_export_format format, const tifa_filter *f, unsigned flags,
                               tifa_write_fn write, void *user, tifa_error *err) {
    return corpus_export_ids(c, format, f, NULL, flags, write, user, err);
}

tifa_status corpus_export_ids(tifa_corpus *c, tifa_export_format format, const tifa_filter *f, const char *ids,
                              unsigned flags, tifa_write_fn write, void *user, tifa_error *err) {
    if (format != TIFA_EXPORT_CSV && format != TIFA_EXPORT_JSONL)
        return tifa_fail(err, TIFA_EUSAGE, 0, "unknown export format %d", (int)format);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db, format == TIFA_EXPORT_CSV ? csv_sql : rows_sql, -1, &st, NULL) != SQLITE_OK)
        return corpus_fail(c, err, "exporting");
    const char *fv[] = {f ? f->from : NULL, f ? f->to : NULL, f ? f->org : NULL, f ? f->meeting : NULL};
    for (int i = 0; i < 4; i++)
        if (fv[i]) sqlite3_bind_text(st, i + 2, fv[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, (flags & TIFA_EXPORT_ALL_COPIES) != 0);
    sqlite3_bind_int(st, 7, f && f->limit > 0 ? f->limit : -1);
    sqlite3_bind_int(st, 8, f && f->offset > 0 ? f->offset : 0);
    if (ids) sqlite3_bind_text(st, 9, ids, -1, SQLITE_STATIC);
    sbuf o;
    sbuf_init_sink(&o, write, user, STAGE);
    if (format == TIFA_EXPORT_CSV) {
        if (flags & TIFA_EXPORT_BOM) sbuf_put(&o, "\xEF\xBB\xBF", 3);
        for (size_t i = 0; i < NCOLUMNS; i++) {
            if (i) sbuf_put(&o, ",", 1);
            sbuf_puts(&o, columns[i].name);
        }
        sbuf_put(&o, "\r\n", 2);
    }
    int rc;
    while (!o.err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (format == TIFA_EXPORT_CSV)
            rc = csv_row(st, &o);
        else
            rc = jsonl_row(st, &o) ? SQLITE_NOMEM : SQLITE_OK;
        if (rc != SQLITE_OK) break;
    }
    sbuf_flush(&o);
    sbuf_free(&o);
    sqlite3_finalize(st);
    if (o.err == SBUF_ESINK) return tifa_fail(err, TIFA_ESINK, 0, "writing the export failed");
    if (o.err || rc == SQLITE_NOMEM) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return rc == SQLITE_DONE ? TIFA_OK : corpus_fail(c, err, "exporting");
}
