/*
 * corpus_diff: stored documents compared (tifa_corpus_diff_side,
 * tifa_corpus_diff). A side is the clean text as stored and the numbered
 * and quoted terms of the stored record, in the order extraction's summary
 * gives them (article by article, numbered before quoted, each once), read
 * with SQLite's JSON functions: nothing is cleaned or extracted again, and
 * the sentences compared are those the corpus shows.
 *
 * Not for: the comparison itself (compare.c, diff.c).
 */
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "corpus_internal.h"

/* The terms of document ?1's record, in first-appearance order (repeats
 * are dropped as they are read). */
static const char TERMS_SQL[] =
    "SELECT t.value FROM doc d, json_each(d.record, '$.articles') a, json_each(a.value, '$.terms') k,"
    " json_each(k.value) t WHERE d.id = ?1 AND k.key IN ('numbered', 'quoted') AND t.type = 'text'"
    " ORDER BY a.key, k.key = 'quoted', t.key";

/* Document id's terms into *found. */
static tifa_status read_terms(tifa_corpus *c, int64_t id, slist *found, tifa_error *err) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, TERMS_SQL, -1, &st, NULL) != SQLITE_OK)
        return corpus_fail(c, err, "reading the terms");
    sqlite3_bind_int64(st, 1, id);
    tifa_status rs = TIFA_OK;
    int rc = SQLITE_DONE;
    while (rs == TIFA_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        if (!v || slist_add_unique(found, strdup(v))) rs = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (rs == TIFA_OK && rc != SQLITE_DONE) rs = corpus_fail(c, err, "reading the terms");
    sqlite3_finalize(st);
    return rs;
}

/* Document id's clean text (malloc'd, NUL-terminated): TIFA_EINPUT when
 * there is no such document. */
static tifa_status read_clean(tifa_corpus *c, int64_t id, char **clean, size_t *len, tifa_error *err) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, "SELECT clean FROM doc WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        return corpus_fail(c, err, "reading");
    sqlite3_bind_int64(st, 1, id);
    tifa_status rs = TIFA_OK;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const void *p = sqlite3_column_blob(st, 0);
        *len = (size_t)sqlite3_column_bytes(st, 0);
        if (!(*clean = malloc(*len + 1)))
            rs = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        else {
            if (*len) memcpy(*clean, p, *len);
            (*clean)[*len] = 0;
        }
    } else if (rc == SQLITE_DONE) {
        rs = tifa_fail(err, TIFA_EINPUT, 0, "no document %lld in the corpus", (long long)id);
    } else {
        rs = corpus_fail(c, err, "reading");
    }
    sqlite3_finalize(st);
    return rs;
}

tifa_status tifa_corpus_diff_side(tifa_corpus *c, int64_t id, tifa_diff_side **out, tifa_error *err) {
    *out = NULL;
    char *clean = NULL;
    size_t len = 0;
    slist found = {0};
    tifa_status st = read_clean(c, id, &clean, &len, err);
    if (st == TIFA_OK) st = read_terms(c, id, &found, err);
    if (st == TIFA_OK && !(*out = diff_side_make(clean, len, &found)))
        st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (!*out) free(clean);
    slist_free(&found);
    return st;
}

tifa_status tifa_corpus_diff(tifa_corpus *c, int64_t a, int64_t b, unsigned flags, tifa_write_fn write, void *user,
                             tifa_error *err) {
    tifa_diff_side *sa = NULL, *sb = NULL;
    tifa_status st = tifa_corpus_diff_side(c, a, &sa, err);
    if (st == TIFA_OK) st = tifa_corpus_diff_side(c, b, &sb, err);
    if (st == TIFA_OK) st = tifa_diff_sides(sa, sb, flags, write, user, err);
    tifa_diff_side_free(sa);
    tifa_diff_side_free(sb);
    return st;
}
