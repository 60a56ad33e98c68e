/* corpus_internal: what the corpus's files share (corpus.c owns the file
 * and the write protocol; corpus_doc.c a document's sources, copies and
 * corrections as readers see them; corpus_correct.c the corrections).
 * Not library API. */
#ifndef TIFA_CORPUS_INTERNAL_H
#define TIFA_CORPUS_INTERNAL_H
#include <sqlite3.h>
#include "extract.h"
#include "internal.h"
#include "nearcopy.h"
#include "tifa.h"

struct tifa_corpus {
    sqlite3 *db;
    int readonly;
    int older_schema; /* the file is a corpus of an older tifa (migrate) */
    /* First copies a new document may repost: those committed, and those
     * stored in the open transaction. The second set joins the first at
     * commit and is dropped at rollback, so that no id SQLite may give out
     * again is ever matched. */
    nearcopy_set *first_copies, *batch_copies;
    int64_t seen_id; /* every document up to this id is in first_copies (if a first copy) */
    int64_t batch_max_id;
    tifa_converter *t2s;
    int open;                                           /* a write transaction is open */
    int pending;                                        /* documents written in it */
    int uncommitted;                                    /* documents handed in since it began */
    double batch_start;                                 /* when it began (CLOCK_MONOTONIC, seconds) */
    double last_commit;                                 /* when the last one ended */
    int held_long;                                      /* it lasted LONG_BATCH or more */
    int batch;                                          /* documents per commit */
    sqlite3_stmt *find_clean, *insert_doc, *insert_fts; /* prepared once */
    sqlite3_stmt *find_raw, *fill_source, *insert_near; /* the add path, prepared once */
    sqlite3_stmt *copies_of, *corrections_of;           /* a hit's details (corpus_doc.c) */
};

/* What cleaning and extraction made of a document, before it is stored:
 * made without the corpus, so threads can prepare documents in parallel
 * (corpus.c from bytes, ingest.c from a record). */
struct tifa_prepared {
    char *name, *bytes, *clean, *record;
    char *stored_record; /* the record as stored (corpus_record.c), NULL: as it is */
    size_t len, clean_len;
    char clean_hash[65], raw_hash[65];
    uint64_t simhash;
    sketch sketch;
    nearcopy_match near; /* the best first copy among the first near_seen */
    size_t near_seen;
    doc_summary sum;
    char *given[5]; /* tifa_prepared_set_source: outlet, url, published, retrieved, meta */
};

/* Bytes that are no document (empty, binary), refused before anything is
 * made of them: TIFA_EINPUT with the reason. */
tifa_status corpus_not_text(const char *bytes, size_t len, tifa_error *err);

/* The committed first copies p may repost, looked for now (c may be
 * NULL): tifa_corpus_add_prepared then looks only at those stored since. */
void corpus_search_committed(const tifa_corpus *c, tifa_prepared *p);

/* tifa_corpus_prepare, the document read with opt (NULL: the defaults),
 * its record ending with member (a key and its JSON value, NULL: none). */
tifa_status corpus_prepare_page(const tifa_options *opt, const char *name, const char *bytes, size_t len,
                                const char *member, tifa_prepared **out, tifa_error *err);

/* Whether clean text holds anything but white space. */
int corpus_has_text(const char *s, size_t n);

/* A statement prepared on first use and kept (reset) for the next. */
static inline sqlite3_stmt *corpus_cached(tifa_corpus *c, sqlite3_stmt **slot, const char *sql) {
    if (*slot) {
        sqlite3_reset(*slot);
        sqlite3_clear_bindings(*slot);
        return *slot;
    }
    return sqlite3_prepare_v2(c->db, sql, -1, slot, NULL) == SQLITE_OK ? *slot : NULL;
}

/* SQLite out of memory is TIFA_ENOMEM; anything else it reports is I/O. */
static inline tifa_status corpus_fail(tifa_corpus *c, tifa_error *err, const char *what) {
    int nomem = c && c->db && sqlite3_errcode(c->db) == SQLITE_NOMEM;
    return tifa_fail(err, nomem ? TIFA_ENOMEM : TIFA_EIO, 0, "%s: %s", what,
                     c && c->db ? sqlite3_errmsg(c->db) : "cannot open");
}

/* A text column, NULL for SQL NULL. */
static inline const char *corpus_col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* The same, where SQLite's other NULL matters: it also returns NULL when
 * it has no memory for the text, which sets *oom, so that a value is never
 * lost (read as NULL) without an error. */
static inline const char *corpus_text(sqlite3_stmt *st, int i, int *oom) {
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return NULL;
    const char *s = (const char *)sqlite3_column_text(st, i);
    if (!s) *oom = 1;
    return s;
}

/* After a new extraction of document id (its record and article column
 * rewritten): the date, meeting and org columns take the new automatic
 * values autos[0..3) where uncorrected, and every correction's auto the
 * new automatic value it overrides: corpus_correct.c. SQLITE_OK or
 * SQLite's error; to be called inside the write transaction. */
int corpus_correct_rebase(tifa_corpus *c, int64_t id, const char *const autos[3]);

/* The in-memory set of first copies read again from the near-copy index
 * (after their fingerprints were rewritten): corpus.c. No batch may be open. */
tifa_status corpus_reload_first_copies(tifa_corpus *c, tifa_error *err);

/* q as one FTS5 phrase ("a""b" quoting), malloc'd; NULL out of memory. */
char *corpus_phrase(const char *q);

/* Fills what a hit carries beyond its row of doc (sources, copies, which
 * fields are corrected) and calls fn with it: corpus_doc.c. The copies'
 * strings live until fn returns; fn may use the corpus again. SQLITE_DONE
 * when fn asked to stop, SQLITE_OK to go on, else an SQLite error. */
int corpus_emit_hit(tifa_corpus *c, tifa_hit *h, tifa_hit_fn fn, void *user);

/* The columns of a hit, in the order corpus_emit_hits reads them (a
 * snippet may follow), from doc d. */
#define HIT_COLUMNS                                                                                                    \
    "d.id, coalesce(d.duplicate_of, 0), d.file, d.date, d.meeting, d.org, d.title, d.outlet, d.url, d.published,"     \
    " d.retrieved, d.added, d.copy, tifa_meeting_type(d.meeting), tifa_meeting_series(d.meeting)"
#define HIT_SNIPPET 15

/* Each row of st (HIT_COLUMNS) as a hit to fn: corpus.c. SQLITE_DONE at
 * the end or when fn stopped, else an SQLite error. */
int corpus_emit_hits(tifa_corpus *c, sqlite3_stmt *st, tifa_hit_fn fn, void *user, int with_snippet);

/* tifa_corpus_export of the documents whose ids are in the JSON array
 * ids (NULL: no such narrowing): corpus_export.c. */
tifa_status corpus_export_ids(tifa_corpus *c, tifa_export_format format, const tifa_filter *f, const char *ids,
                              unsigned flags, tifa_write_fn write, void *user, tifa_error *err);

/* The SQL functions tifa_meeting_type(name) and tifa_meeting_series(name)
 * on db: corpus_browse.c. */
int corpus_browse_register(sqlite3 *db);

#endif
