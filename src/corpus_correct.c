/*
 * corpus_correct: corrections an analyst makes to what extraction (or a
 * source) said, kept apart from it. The record stays as extraction wrote
 * it; table `correction` holds the corrections in force, one per document
 * and field, and `correction_log` every set and unset with its time and
 * note, never changed. The columns the filters, trend and the views read
 * (date, meeting, org and the sources) hold the corrected value, the
 * value they had before kept in correction.auto, so that taking the
 * correction back restores it; the other fields (place, chair,
 * chair_title, source) are read from the record, the correction laid over
 * them by the views (see CORPUS_VIEWS in corpus.c) and exports.
 *
 * Not for: reading documents (corpus.c, corpus_doc.c).
 */
#include <stdlib.h>
#include <string.h>
#include "corpus_internal.h"
#include "source.h"

/* Each field: the doc column that holds it (NULL: the record does), and
 * where the record holds it, in the document's main article. */
static const struct {
    const char *field, *column, *path;
} fields[TIFA_FIELD_COUNT] = {
    {"date", "date", NULL},
    {"name", "meeting", NULL},
    {"org", "org", NULL},
    {"place", NULL, "$.meeting.place"},
    {"chair", NULL, "$.meeting.chair.name"},
    {"chair_title", NULL, "$.meeting.chair.title"},
    {"source", NULL, "$.source"},
    {"outlet", "outlet", NULL},
    {"url", "url", NULL},
    {"published", "published", NULL},
    {"retrieved", "retrieved", NULL},
};

/* The first seven fields are what extraction said (of the main meeting);
 * the others are the document's source. */
#define EXTRACTED_FIELDS 7

static int field_of(const char *name) {
    for (int i = 0; i < TIFA_FIELD_COUNT; i++)
        if (!strcmp(name, fields[i].field)) return i;
    return -1;
}

/* The value must suit the field; NULL (none) always does. */
static tifa_status check_value(int f, const char *v, tifa_error *err) {
    if (!v) return TIFA_OK;
    const char *name = fields[f].field;
    if (!source_text_valid(v))
        return tifa_fail(err, TIFA_EUSAGE, 0, "%s: at most 4096 bytes of UTF-8 text without control characters", name);
    if (f == 0 && !source_date_valid(v, 0))
        return tifa_fail(err, TIFA_EUSAGE, 0, "date: not a date (yyyy-mm-dd): '%.100s'", v);
    if ((f == 9 || f == 10) && !source_time_valid(v))
        return tifa_fail(err, TIFA_EUSAGE, 0, "%s: not a date (yyyy-mm-dd[ hh:mm[:ss]] or ISO 8601): '%.100s'", name,
                         v);
    if (f == 8 && !source_url_valid(v))
        return tifa_fail(err, TIFA_EUSAGE, 0, "url: not an absolute URL (scheme://...): '%.200s'", v);
    return TIFA_OK;
}

/* Runs sql with the text parameters given (NULL binds NULL) and the id as
 * the last; for a query, copies its first column to *out (malloc'd, NULL
 * for SQL NULL). SQLITE_OK, or SQLite's error. */
static int run(tifa_corpus *c, const char *sql, const char *const *text, int ntext, int64_t id, char **out,
               int *found) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    for (int i = 0; i < ntext; i++)
        if (text[i])
            sqlite3_bind_text(st, i + 1, text[i], -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, i + 1);
    sqlite3_bind_int64(st, ntext + 1, id);
    rc = sqlite3_step(st);
    if (found) *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW && out) {
        int oom = 0;
        const char *v = corpus_text(st, 0, &oom);
        *out = v ? strdup(v) : NULL;
        if (oom || (v && !*out)) rc = SQLITE_NOMEM;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* run, inside the correction's transaction. Out of memory, SQLite may
 * roll a transaction back by itself: what follows would be written
 * outside it, a correction in part; so that is an error too. */
static int run_in(tifa_corpus *c, const char *sql, const char *const *text, int ntext, int64_t id, char **out,
                  int *found) {
    int rc = run(c, sql, text, ntext, id, out, found);
    return rc == SQLITE_OK && sqlite3_get_autocommit(c->db) ? SQLITE_ABORT : rc;
}

/* The field's value now (corrected or not); *found 0 when no document. */
static int current_value(tifa_corpus *c, int f, int64_t id, char **out, int *found) {
    char sql[512];
    if (fields[f].column)
        snprintf(sql, sizeof sql, "SELECT %s FROM doc WHERE id = ?1", fields[f].column);
    else
        snprintf(sql, sizeof sql,
                 "SELECT CASE WHEN EXISTS (SELECT 1 FROM correction WHERE doc = ?1 AND field = '%s')"
                 " THEN (SELECT value FROM correction WHERE doc = ?1 AND field = '%s')"
                 " ELSE json_extract(record, '$.articles[' || article || ']%s') END FROM doc WHERE id = ?1",
                 fields[f].field, fields[f].field, fields[f].path + 1);
    return run_in(c, sql, NULL, 0, id, out, found);
}

/* One field set (value, NULL for none) or taken back (unset), logged. */
static tifa_status correct_one(tifa_corpus *c, int64_t id, int f, int unset, const char *value, const char *note,
                               tifa_error *err) {
    char *before = NULL, *autov = NULL;
    int found = 0, had = 0;
    const char *name = fields[f].field;
    int rc = current_value(c, f, id, &before, &found);
    if (rc == SQLITE_OK && !found)
        return tifa_fail(err, TIFA_EINPUT, 0, "no document %lld in the corpus", (long long)id);
    const char *key[] = {name};
    if (rc == SQLITE_OK)
        rc = run_in(c, "SELECT auto FROM correction WHERE field = ?1 AND doc = ?2", key, 1, id, &autov, &had);
    if (rc == SQLITE_OK && unset && !had) {
        free(before);
        return tifa_fail(err, TIFA_EINPUT, 0, "document %lld: %s holds no correction to take back", (long long)id,
                         name);
    }
    /* The value before the first correction: restored by unset. */
    const char *keep = had ? autov : before;
    char sql[256];
    if (rc == SQLITE_OK && fields[f].column) {
        snprintf(sql, sizeof sql, "UPDATE doc SET %s = ?1 WHERE id = ?2", fields[f].column);
        const char *v[] = {unset ? autov : value};
        rc = run_in(c, sql, v, 1, id, NULL, NULL);
    }
    if (rc == SQLITE_OK && unset) {
        rc = run_in(c, "DELETE FROM correction WHERE field = ?1 AND doc = ?2", key, 1, id, NULL, NULL);
    } else if (rc == SQLITE_OK) {
        const char *v[] = {name, value, keep, note};
        rc = run_in(c,
                    "INSERT OR REPLACE INTO correction(field, value, auto, note, doc, at)"
                    " VALUES(?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    v, 4, id, NULL, NULL);
    }
    if (rc == SQLITE_OK) {
        const char *v[] = {name, unset ? "unset" : "set", unset ? autov : value, before, note};
        rc = run_in(c,
                    "INSERT INTO correction_log(field, action, value, before, note, doc, at)"
                    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    v, 5, id, NULL, NULL);
    }
    free(before);
    free(autov);
    return rc == SQLITE_OK ? TIFA_OK : corpus_fail(c, err, "storing the correction");
}

tifa_status tifa_corpus_correct(tifa_corpus *c, int64_t id, const char *const *names, const char *const *values, int n,
                                unsigned flags, const char *note, tifa_error *err) {
    int unset = (flags & TIFA_CORRECT_UNSET) != 0;
    if (c->readonly) return tifa_fail(err, TIFA_EUSAGE, 0, "the corpus is open read-only");
    if (n < 1) return tifa_fail(err, TIFA_EUSAGE, 0, "no field to correct");
    if (note && !source_text_valid(note))
        return tifa_fail(err, TIFA_EUSAGE, 0, "note: at most 4096 bytes of UTF-8 text without control characters");
    for (int i = 0; i < n; i++) {
        int f = field_of(names[i]);
        if (f < 0)
            return tifa_fail(err, TIFA_EUSAGE, 0,
                             "%.100s: not a field that can be corrected (date, name, org, place, chair, chair_title, "
                             "source, outlet, url, published, retrieved)",
                             names[i]);
        for (int k = 0; k < i; k++)
            if (!strcmp(names[k], names[i])) return tifa_fail(err, TIFA_EUSAGE, 0, "%s: given twice", names[i]);
        const char *v = unset || !values[i] || !*values[i] ? NULL : values[i];
        tifa_status st = check_value(f, v, err);
        if (st != TIFA_OK) return st;
    }
    /* Whatever an add left open is committed first: a correction is its
     * own transaction, under the write lock. */
    tifa_status st = tifa_corpus_commit(c, err);
    if (st != TIFA_OK) return st;
    if (sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return corpus_fail(c, err, "starting a transaction");
    for (int i = 0; i < n && st == TIFA_OK; i++) {
        const char *v = unset || !values[i] || !*values[i] ? NULL : values[i];
        st = correct_one(c, id, field_of(names[i]), unset, v, note && *note ? note : NULL, err);
    }
    if (st == TIFA_OK && sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        st = corpus_fail(c, err, "committing the correction");
    if (st != TIFA_OK && !sqlite3_get_autocommit(c->db)) sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
    return st;
}

/* A new extraction of document id has rewritten its record and article:
 * the filter columns take the new automatic values (autos: date, name,
 * org) where no correction holds them, and each correction of the record's
 * fields keeps its value, its note and its time, but its auto (what it
 * overrides, and what unset restores) becomes the new automatic value.
 * The sources (outlet, url, published, retrieved) are no extraction's:
 * untouched. SQLITE_OK, or SQLite's error. */
int corpus_correct_rebase(tifa_corpus *c, int64_t id, const char *const autos[3]) {
    int rc = SQLITE_OK;
    char sql[512];
    for (int f = 0; f < EXTRACTED_FIELDS && rc == SQLITE_OK; f++) {
        const char *name = fields[f].field;
        if (fields[f].column) {
            snprintf(sql, sizeof sql,
                     "UPDATE doc SET %s = ?1 WHERE id = ?3 AND NOT EXISTS"
                     " (SELECT 1 FROM correction WHERE doc = ?3 AND field = ?2)",
                     fields[f].column);
            const char *v[] = {autos[f], name};
            rc = run_in(c, sql, v, 2, id, NULL, NULL);
            if (rc == SQLITE_OK)
                rc = run_in(c, "UPDATE correction SET auto = ?1 WHERE field = ?2 AND doc = ?3", v, 2, id, NULL, NULL);
        } else {
            snprintf(sql, sizeof sql,
                     "UPDATE correction SET auto = (SELECT json_extract(record, '$.articles[' || article || ']%s')"
                     " FROM doc WHERE id = ?2) WHERE field = ?1 AND doc = ?2",
                     fields[f].path + 1);
            const char *v[] = {name};
            rc = run_in(c, sql, v, 1, id, NULL, NULL);
        }
    }
    return rc;
}

static tifa_status each_correction(tifa_corpus *c, const char *sql, int64_t id, tifa_correction_fn fn, void *user,
                                   tifa_error *err) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK) return corpus_fail(c, err, "reading corrections");
    sqlite3_bind_int64(st, 1, id);
    int rc;
    int oom = 0;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        tifa_correction k = {corpus_text(st, 0, &oom), corpus_text(st, 1, &oom), corpus_text(st, 2, &oom),
                             corpus_text(st, 3, &oom), corpus_text(st, 4, &oom), corpus_text(st, 5, &oom)};
        if (oom) break;
        if (fn(user, &k)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    if (oom) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return rc == SQLITE_DONE ? TIFA_OK : corpus_fail(c, err, "reading corrections");
}

tifa_status tifa_corpus_corrections(tifa_corpus *c, int64_t id, tifa_correction_fn fn, void *user, tifa_error *err) {
    return each_correction(c,
                           "SELECT field, 'set', value, auto, note, at FROM correction WHERE doc = ?1"
                           " ORDER BY at, field",
                           id, fn, user, err);
}

tifa_status tifa_corpus_log(tifa_corpus *c, int64_t id, tifa_correction_fn fn, void *user, tifa_error *err) {
    int found = 0;
    if (run(c, "SELECT 1 FROM doc WHERE id = ?1", NULL, 0, id, NULL, &found) != SQLITE_OK)
        return corpus_fail(c, err, "reading corrections");
    if (!found) return tifa_fail(err, TIFA_EINPUT, 0, "no document %lld in the corpus", (long long)id);
    return each_correction(c,
                           "SELECT field, action, value, before, note, at FROM correction_log WHERE doc = ?1"
                           " ORDER BY id",
                           id, fn, user, err);
}
