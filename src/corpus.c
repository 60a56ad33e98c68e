/*
 * corpus: readouts kept in one SQLite file.
 *
 * Each document is one row of `doc` (raw bytes and their SHA-256, clean
 * text, record JSON, the fields search filters on) and one row of the
 * external-content FTS5 index `doc_fts`, written in one transaction, so a
 * crash leaves whole documents only. WAL lets readers work while add
 * writes. Exact duplicates (same clean text) are not stored; near
 * duplicates (reposts: see nearcopy.c) are stored and linked to the first
 * copy. The schema version is PRAGMA user_version;
 * `migrate` brings older files up to date. SQL goes through prepared
 * statements only.
 *
 * Not for: cleaning or extraction (clean.c, extract/) or the tokenizer
 * (tokenize.c).
 */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "corpus_internal.h"
#include "corpus_record.h"
#include "extract.h"
#include "internal.h"
#include "nearcopy.h"
#include "sha256.h"
#include "source.h"
#include "tokenize.h"
#include "utf8.h"

#define SCHEMA_VERSION 5
/* Documents are committed BATCH at a time, or after BATCH_SECONDS, so that
 * readers see a running add's progress. FTS5 writes its pending terms as a
 * new segment at each commit (and when they pass FTS_HASHSIZE bytes), and
 * merges segments as they pile up: at 512 documents a commit and FTS5's
 * 1 MB default, that merging was most of the storing thread's time. */
#define BATCH         4096
#define BATCH_SECONDS 2.0
#define FTS_HASHSIZE  "4194304"
/* Another writer holds the corpus: try again each millisecond, for up to
 * two minutes. SQLite's own busy timeout sleeps up to 100 ms between
 * tries, and a writer that commits and begins its next batch at once was
 * never caught between the two: the other add timed out and failed. */
#define WRITE_WAIT_MS 120000
/* A batch that would begin right after one that held the write lock for
 * LONG_BATCH seconds or more waits YIELD_SECONDS first, so that a writer
 * waiting (trying each millisecond) gets its turn. After shorter batches
 * the waiting writer finds a gap soon enough by chance, and those (one
 * document a handle, as the server adds) are not slowed. */
#define YIELD_SECONDS 0.002
#define LONG_BATCH    0.05

static int exec(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, NULL, NULL, NULL); }

/* ---------------------------------------------------------------- schema */

static const char *const schema_v1 =
    "CREATE TABLE doc("
    " id INTEGER PRIMARY KEY,"
    " file TEXT NOT NULL,"
    " sha256 TEXT NOT NULL,"
    " raw BLOB NOT NULL,"
    " clean TEXT NOT NULL,"
    " clean_sha256 TEXT NOT NULL,"
    " simhash INTEGER NOT NULL,"
    " duplicate_of INTEGER REFERENCES doc(id),"
    " record TEXT NOT NULL,"
    " date TEXT, meeting TEXT, org TEXT, title TEXT,"
    " added TEXT NOT NULL DEFAULT (datetime('now')));"
    "CREATE UNIQUE INDEX doc_clean ON doc(clean_sha256);"
    "CREATE INDEX doc_date ON doc(date);"
    "CREATE VIRTUAL TABLE doc_fts USING fts5(clean, content='doc', content_rowid='id', tokenize='tifa');";

/* Version 2: a MinHash sketch per document, for telling reposts apart;
 * near copies leave the index (search never showed them). */
static const char *const schema_v2 =
    "ALTER TABLE doc ADD COLUMN sketch BLOB;"
    "INSERT INTO doc_fts(doc_fts, rowid, clean) SELECT 'delete', id, clean FROM doc WHERE duplicate_of IS NOT NULL;";

/* Version 3: FTS5 keeps up to 4 MB of new terms in memory before writing
 * a segment (1 MB by default). More made FTS5's own hash table slower than
 * the merging it saved (its chains grow long on CJK terms). Stored in the
 * index's own config table. */
static const char *const schema_v3 = "INSERT INTO doc_fts(doc_fts, rank) VALUES('hashsize', " FTS_HASHSIZE ");";

static int bind_sketch(sqlite3_stmt *st, int i, const sketch *k) {
    unsigned char blob[SKETCH_BYTES];
    nearcopy_pack(k, blob);
    return sqlite3_bind_blob(st, i, blob, sizeof blob, SQLITE_TRANSIENT);
}

/* Sketches for the documents a version 1 file holds, from their clean text. */
static int sketch_existing(sqlite3 *db) {
    sqlite3_stmt *rd, *wr;
    if (sqlite3_prepare_v2(db, "SELECT id, clean FROM doc WHERE sketch IS NULL", -1, &rd, NULL) != SQLITE_OK)
        return SQLITE_ERROR;
    if (sqlite3_prepare_v2(db, "UPDATE doc SET sketch = ? WHERE id = ?", -1, &wr, NULL) != SQLITE_OK) {
        sqlite3_finalize(rd);
        return SQLITE_ERROR;
    }
    int rc;
    while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
        sketch k;
        nearcopy_sketch((const char *)sqlite3_column_text(rd, 1), (size_t)sqlite3_column_bytes(rd, 1), &k);
        bind_sketch(wr, 1, &k);
        sqlite3_bind_int64(wr, 2, sqlite3_column_int64(rd, 0));
        if (sqlite3_step(wr) != SQLITE_DONE) break;
        sqlite3_reset(wr);
    }
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    return rc == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
}

/* The views SQL users read (documented in the README): the facts of each
 * meeting as columns, corrections applied, and the documents that carry
 * each readout. A document's main article (doc.article: its first
 * meeting, else its first article) is the one its filter columns and its
 * corrections speak of; a document without a meeting still has that one
 * row, so every document is counted. Lists are JSON arrays of strings
 * (people by name), read with json_each; corrected too. */
#define MEETING_FIELD(name, path, field)                                                                              \
    " CASE WHEN " #name ".doc IS NOT NULL THEN " #name ".value ELSE json_extract(a.value, '" path "') END AS " field ","
#define MEETING_LIST(path, field)                                                                                      \
    " (SELECT json_group_array(CASE x.type WHEN 'object' THEN json_extract(x.value, '$.name') ELSE x.value END)"       \
    " FROM json_each(a.value, '" path "') x) AS " field ","
#define CORRECTION_JOIN(name, field)                                                                                   \
    " LEFT JOIN correction " #name " ON " #name ".doc = d.id AND " #name ".field = '" field "' AND a.key = d.article"
#define CORPUS_VIEWS                                                                                                   \
    "CREATE VIEW all_meetings AS SELECT d.id AS id, CAST(a.key AS INTEGER) AS article,"                               \
    " json_extract(a.value, '$.kind') AS kind, d.file AS file, d.outlet AS outlet, d.url AS url,"                     \
    " d.published AS published, d.retrieved AS retrieved,"                                                            \
    " CASE WHEN a.key = d.article THEN d.date ELSE json_extract(a.value, '$.meeting.date') END AS date,"               \
    " CASE WHEN cda.doc IS NOT NULL THEN 0 ELSE coalesce(json_extract(a.value, '$.meeting.date_inferred'), 0) END"     \
    "  AS date_inferred,"                                                                                              \
    " CASE WHEN a.key = d.article THEN d.meeting ELSE json_extract(a.value, '$.meeting.name') END AS name,"            \
    " CASE WHEN a.key = d.article THEN d.org ELSE json_extract(a.value, '$.meeting.org') END AS org,"                  \
    MEETING_FIELD(cpl, "$.meeting.place", "place") MEETING_FIELD(cch, "$.meeting.chair.name", "chair")                 \
    MEETING_FIELD(cct, "$.meeting.chair.title", "chair_title")                                                         \
    MEETING_LIST("$.meeting.speakers", "speakers") MEETING_LIST("$.meeting.present", "present")                        \
    " json_extract(a.value, '$.meeting.attendees') AS attendees," MEETING_FIELD(cso, "$.source", "source")            \
    MEETING_LIST("$.terms.numbered", "numbered") MEETING_LIST("$.terms.quoted", "quoted")                              \
    MEETING_LIST("$.terms.documents", "documents") MEETING_LIST("$.terms.periods", "periods")                         \
    " (SELECT count(*) FROM doc e WHERE e.duplicate_of = d.id) AS copies, d.duplicate_of AS duplicate_of,"            \
    " d.copy AS copy,"                                                                                                 \
    " (SELECT json_group_array(field) FROM (SELECT field FROM correction WHERE doc = d.id AND"                         \
    "  (a.key = d.article OR field IN ('outlet', 'url', 'published', 'retrieved')) ORDER BY field)) AS corrected,"     \
    " d.meta AS meta,"                                                                                                 \
    " CASE json_type(a.value, '$.text') WHEN 'object' THEN CAST(substr(CAST(d.clean AS BLOB),"                         \
    "  json_extract(a.value, '$.text.clean[0]') + 1, json_extract(a.value, '$.text.clean[1]')) AS TEXT)"              \
    "  ELSE json_extract(a.value, '$.text') END AS text"                                                               \
    " FROM doc d JOIN json_each(d.record, '$.articles') a"                                                             \
    " LEFT JOIN correction cda ON cda.doc = d.id AND cda.field = 'date' AND a.key = d.article"                        \
    CORRECTION_JOIN(cpl, "place") CORRECTION_JOIN(cch, "chair") CORRECTION_JOIN(cct, "chair_title")                    \
    CORRECTION_JOIN(cso, "source")                                                                                     \
    " WHERE json_extract(a.value, '$.kind') = 'meeting' OR a.key = d.article;"                                         \
    "CREATE VIEW meetings AS SELECT * FROM all_meetings WHERE duplicate_of IS NULL;"                                   \
    "CREATE VIEW copies AS SELECT coalesce(d.duplicate_of, d.id) AS readout, d.id AS id,"                             \
    " coalesce(d.copy, 'first') AS kind, d.file AS file, d.outlet AS outlet, d.url AS url,"                           \
    " d.published AS published, d.retrieved AS retrieved FROM doc d;"

/* Version 4 (issue 13): nothing a user adds is lost, documents know where
 * they came from, corrections live beside the record.
 *  - Every distinct raw file is stored: only the same bytes are skipped
 *    (index doc_raw), a file with the same clean text as a stored one is
 *    an exact copy (copy 'exact'), linked like a near copy ('near') to its
 *    first copy; copies are not indexed. The clean text index stops being
 *    unique.
 *  - Sources: outlet, url, published, retrieved, and meta (a JSON object
 *    of what else a manifest gave). A web page's are read from its record.
 *  - correction: the corrections in force, one per document and field,
 *    with the value the field had before (auto) for the columns the
 *    filters read (date, meeting, org and the sources hold the corrected
 *    value); correction_log: every set and unset, never changed.
 *  - Views for SQL users (see the README): all_meetings, meetings, copies.
 *  - PRAGMA application_id marks the file as tifa's. */
#define APPLICATION_ID 0x74696661 /* "tifa" */
static const char *const schema_v4 =
    "ALTER TABLE doc ADD COLUMN copy TEXT;"
    "ALTER TABLE doc ADD COLUMN outlet TEXT;"
    "ALTER TABLE doc ADD COLUMN url TEXT;"
    "ALTER TABLE doc ADD COLUMN published TEXT;"
    "ALTER TABLE doc ADD COLUMN retrieved TEXT;"
    "ALTER TABLE doc ADD COLUMN meta TEXT;"
    "ALTER TABLE doc ADD COLUMN article INTEGER NOT NULL DEFAULT 0;"
    "UPDATE doc SET article = coalesce((SELECT min(CAST(key AS INTEGER)) FROM json_each(doc.record, '$.articles')"
    " WHERE json_extract(value, '$.kind') = 'meeting'), 0) WHERE json_valid(record);"
    "UPDATE doc SET copy = 'near' WHERE duplicate_of IS NOT NULL;"
    "UPDATE doc SET url = json_extract(record, '$.page.url'), published = json_extract(record, '$.page.published'),"
    " outlet = json_extract(record, '$.page.source') WHERE json_valid(record) AND json_type(record, '$.page') = 'object';"
    "DROP INDEX doc_clean;"
    "CREATE INDEX doc_clean ON doc(clean_sha256);"
    "CREATE INDEX doc_raw ON doc(sha256);"
    "CREATE INDEX doc_copies ON doc(duplicate_of) WHERE duplicate_of IS NOT NULL;"
    "CREATE TABLE correction("
    " doc INTEGER NOT NULL REFERENCES doc(id), field TEXT NOT NULL, value TEXT, auto TEXT, note TEXT,"
    " at TEXT NOT NULL, PRIMARY KEY(doc, field)) WITHOUT ROWID;"
    "CREATE TABLE correction_log("
    " id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES doc(id), field TEXT NOT NULL,"
    " action TEXT NOT NULL CHECK(action IN ('set', 'unset')), value TEXT, before TEXT, note TEXT, at TEXT NOT NULL);"
    "CREATE INDEX correction_log_doc ON correction_log(doc, id);"
    "PRAGMA application_id=1953064545;";
static const char *const schema_v4_views = CORPUS_VIEWS;

/* Version 5 (issue 12): the near-copy index. The fingerprints of every
 * first copy in a table of their own, a row of some 290 bytes: opening a
 * corpus reads them (the band index of nearcopy.c is built from them in
 * memory) without walking each document's row past its raw bytes, clean
 * text and record, which was reading the whole file. The bands are not
 * stored: they are computed from the sketch at open (nanoseconds a
 * document), so that a later choice of bands needs no migration. Written
 * in the transaction that stores the document. */
static const char *const schema_v5 =
    "CREATE TABLE near_index(id INTEGER PRIMARY KEY REFERENCES doc(id), simhash INTEGER NOT NULL,"
    " sketch BLOB NOT NULL);"
    "INSERT INTO near_index(id, simhash, sketch)"
    " SELECT id, simhash, sketch FROM doc WHERE duplicate_of IS NULL AND sketch IS NOT NULL;";

static int read_int_pragma(sqlite3 *db, const char *sql, int *value) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return SQLITE_ERROR;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *value = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? SQLITE_OK : SQLITE_ERROR;
}

static int read_version(sqlite3 *db, int *version) { return read_int_pragma(db, "PRAGMA user_version", version); }

/* 1 when the database holds any table, index or view (an empty file or a
 * new one holds none). */
static int has_tables(sqlite3 *db) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master LIMIT 1", -1, &st, NULL) != SQLITE_OK) return 1;
    int some = sqlite3_step(st) != SQLITE_DONE;
    sqlite3_finalize(st);
    return some;
}

/* 1 when a table (or virtual table) of that name is in the file. */
static int has_table(sqlite3 *db, const char *name) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1, &st, NULL) !=
        SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

#define FOREIGN "not a tifa corpus (a SQLite database of another program): left as it is"

typedef enum { DB_UNREADABLE, DB_EMPTY, DB_TIFA, DB_FOREIGN } db_kind;

/* What a file holds. A tifa corpus carries tifa's application_id (from
 * schema 4) or, written by an older tifa, a schema version and tifa's two
 * tables; another application_id, or tables without those, is another
 * program's database, which tifa must neither switch to WAL nor write its
 * tables into. A file with no table at all (new, or empty) becomes a
 * corpus. */
static db_kind classify(sqlite3 *db, int *version) {
    int app = 0;
    *version = 0;
    if (read_int_pragma(db, "PRAGMA application_id", &app) != SQLITE_OK || read_version(db, version) != SQLITE_OK)
        return DB_UNREADABLE;
    if (app == APPLICATION_ID) return DB_TIFA;
    if (app != 0) return DB_FOREIGN;
    if (!has_tables(db)) return *version == 0 ? DB_EMPTY : DB_FOREIGN;
    return *version >= 1 && has_table(db, "doc") && has_table(db, "doc_fts") ? DB_TIFA : DB_FOREIGN;
}

/* Brings the file to SCHEMA_VERSION, one step at a time, in a transaction
 * under the write lock. */
static tifa_status migrate(tifa_corpus *c, tifa_error *err) {
    int version = 0;
    /* One read transaction, so that the pragmas and the table list are read
     * from one state of the file: another add creating the corpus at the
     * same moment could otherwise commit its schema between them (an
     * application_id of 0, then tables: "another program's"). */
    int snapshot = exec(c->db, "BEGIN") == SQLITE_OK;
    db_kind kind = classify(c->db, &version);
    if (snapshot) exec(c->db, "COMMIT");
    if (kind == DB_UNREADABLE) return corpus_fail(c, err, "reading the schema version");
    if (kind == DB_FOREIGN) return tifa_fail(err, TIFA_EINPUT, 0, FOREIGN);
    if (version > SCHEMA_VERSION)
        return tifa_fail(err, TIFA_EINPUT, 0, "the corpus was made by a newer tifa (schema %d, this one knows %d)",
                         version, SCHEMA_VERSION);
    if (version == SCHEMA_VERSION) return TIFA_OK;
    if (c->readonly && kind == DB_EMPTY)
        return tifa_fail(err, TIFA_EINPUT, 0, "an empty file, not a tifa corpus yet (tifa add makes it one)");
    c->older_schema = kind == DB_TIFA;
    if (c->readonly)
        return tifa_fail(err, TIFA_EINPUT, 0,
                         "a corpus of an older tifa (schema %d): it is brought up to schema %d when opened for "
                         "writing, which cannot be done here",
                         version, SCHEMA_VERSION);
    if (exec(c->db, "BEGIN IMMEDIATE") != SQLITE_OK) return corpus_fail(c, err, "migrating");
    /* Another process may have made or migrated the corpus while this one
     * waited for the lock (two adds creating one corpus at once): what was
     * read before the lock is stale. */
    kind = classify(c->db, &version);
    int rc = kind == DB_UNREADABLE ? SQLITE_ERROR : SQLITE_OK;
    if (rc == SQLITE_OK && kind != DB_FOREIGN && version >= SCHEMA_VERSION)
        return exec(c->db, "COMMIT") == SQLITE_OK ? TIFA_OK : corpus_fail(c, err, "migrating");
    if (kind == DB_FOREIGN) {
        exec(c->db, "ROLLBACK");
        return tifa_fail(err, TIFA_EINPUT, 0, FOREIGN);
    }
    if (version < 1 && rc == SQLITE_OK) rc = exec(c->db, schema_v1);
    if (version < 2 && rc == SQLITE_OK) rc = exec(c->db, schema_v2);
    if (version < 2 && rc == SQLITE_OK) rc = sketch_existing(c->db);
    if (version < 3 && rc == SQLITE_OK) rc = exec(c->db, schema_v3);
    if (version < 4 && rc == SQLITE_OK) rc = exec(c->db, schema_v4);
    if (version < 4 && rc == SQLITE_OK) rc = exec(c->db, schema_v4_views);
    if (version < 5 && rc == SQLITE_OK) rc = exec(c->db, schema_v5);
    /* Later versions add their steps here: if (version < 6) ... */
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d", SCHEMA_VERSION);
    if (rc == SQLITE_OK) rc = exec(c->db, sql);
    if (rc == SQLITE_OK) rc = exec(c->db, "COMMIT");
    if (rc != SQLITE_OK) {
        tifa_status s = corpus_fail(c, err, "creating the schema");
        exec(c->db, "ROLLBACK");
        return s;
    }
    return TIFA_OK;
}

/* ----------------------------------------------------------- near copies */

/* Adds the first copies committed after seen_id (all of them at open; at
 * the start of a batch, those another writer stored meanwhile) to
 * first_copies, in id order, from the near-copy index. */
typedef struct {
    tifa_corpus *c;
    sqlite3_stmt *st;
} first_copy_rows;

/* The next row of the near-copy index for nearcopy_set_add_all. */
static int next_first_copy(void *user, int64_t *id, uint64_t *simhash, sketch *k) {
    first_copy_rows *r = user;
    int rc;
    while ((rc = sqlite3_step(r->st)) == SQLITE_ROW) {
        *id = r->c->seen_id = sqlite3_column_int64(r->st, 0);
        *simhash = (uint64_t)sqlite3_column_int64(r->st, 1);
        if (!nearcopy_unpack(sqlite3_column_blob(r->st, 2), (size_t)sqlite3_column_bytes(r->st, 2), k)) return 1;
        /* a damaged sketch: never matched (tifa check says so) */
    }
    return rc == SQLITE_DONE ? 0 : -1;
}

static tifa_status load_first_copies(tifa_corpus *c, tifa_error *err) {
    first_copy_rows r = {c, NULL};
    if (sqlite3_prepare_v2(c->db, "SELECT id, simhash, sketch FROM near_index WHERE id > ? ORDER BY id", -1, &r.st,
                           NULL) != SQLITE_OK)
        return corpus_fail(c, err, "reading the corpus");
    sqlite3_bind_int64(r.st, 1, c->seen_id);
    int rc = nearcopy_set_add_all(c->first_copies, next_first_copy, &r);
    sqlite3_finalize(r.st);
    if (rc == -1) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return rc ? corpus_fail(c, err, "reading the corpus") : TIFA_OK;
}

tifa_status corpus_reload_first_copies(tifa_corpus *c, tifa_error *err) {
    if (!c->first_copies) return TIFA_OK; /* read-only: none are kept */
    nearcopy_set_clear(c->first_copies);
    c->seen_id = 0;
    return load_first_copies(c, err);
}

/* Waits for another writer, a millisecond a try (see WRITE_WAIT_MS). */
static int wait_for_writer(void *user, int tries) {
    (void)user;
    if (tries >= WRITE_WAIT_MS) return 0;
    struct timespec ms = {0, 1000000};
    nanosleep(&ms, NULL);
    return 1;
}

/* ------------------------------------------------------------ open/close */

/* Whether SQLite can make its -wal and -shm files beside path. */
static int folder_writable(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return access(".", W_OK) == 0;
    char *dir = strndup(path, (size_t)(slash - path) + 1); /* "/" for "/x.db" */
    int ok = !dir || access(dir, W_OK) == 0;               /* no memory: let SQLite say */
    free(dir);
    return ok;
}

/* A corpus in a folder nobody can write in (a CD, a read-only share, a
 * folder of another user) with no -wal beside it cannot change while it
 * is read: SQLite is told so (immutable), since it cannot make the -shm
 * file a WAL reader needs. NULL otherwise (opened as usual). */
static char *frozen_uri(const char *path) {
    char wal[4096];
    if (folder_writable(path) || snprintf(wal, sizeof wal, "%s-wal", path) >= (int)sizeof wal || access(wal, F_OK) == 0)
        return NULL;
    char *uri = malloc(3 * strlen(path) + 32), *w = uri;
    if (!uri) return NULL;
    w += sprintf(w, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        w += (*p == '%' || *p == '?' || *p == '#') ? sprintf(w, "%%%02X", *p) : sprintf(w, "%c", *p);
    strcpy(w, "?immutable=1");
    return uri;
}

/* Switching a new file to WAL takes an exclusive lock, and SQLite answers
 * "busy" at once rather than wait for it when two processes open the new
 * file together: so the wait is here. */
static int use_wal(sqlite3 *db) {
    int rc = SQLITE_BUSY;
    for (int tries = 0; tries < WRITE_WAIT_MS && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED); tries++) {
        if (tries) wait_for_writer(NULL, 0);
        rc = exec(db, "PRAGMA journal_mode=WAL");
    }
    return rc;
}

static tifa_status open_handle(const char *path, unsigned flags, tifa_corpus **out, tifa_error *err, int *older) {
    int readonly = (flags & TIFA_CORPUS_READONLY) != 0;
    *out = NULL;
    *older = 0;
    tifa_corpus *c = calloc(1, sizeof *c);
    if (!c) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    c->readonly = readonly;
    c->batch = BATCH;
    int open_flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    tifa_status st = TIFA_OK;
    char *uri = readonly ? frozen_uri(path) : NULL;
    if (sqlite3_open_v2(uri ? uri : path, &c->db, open_flags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0), NULL) !=
        SQLITE_OK) {
        st = tifa_fail(err, TIFA_EIO, 0, "cannot open the corpus: %s", c->db ? sqlite3_errmsg(c->db) : "no memory");
    } else if (!readonly && !folder_writable(path)) {
        st = tifa_fail(err, TIFA_EIO, 0, "cannot write the journal next to it (%s-wal): the folder is read-only", path);
    } else {
        if (readonly)
            sqlite3_busy_timeout(c->db, 10000);
        else
            sqlite3_busy_handler(c->db, wait_for_writer, NULL);
        if (tokenize_register(c->db) != SQLITE_OK || corpus_browse_register(c->db) != SQLITE_OK)
            st = corpus_fail(c, err, "registering the tokenizer");
        else if (!readonly && classify(c->db, &(int){0}) == DB_FOREIGN)
            st = tifa_fail(err, TIFA_EINPUT, 0, FOREIGN);
        else if (!readonly && use_wal(c->db) != SQLITE_OK)
            st = corpus_fail(c, err, "not a database, or it is locked");
        else if (!readonly) {
            exec(c->db, "PRAGMA synchronous=NORMAL");
            /* The duplicate index and the FTS5 segments being merged are
             * read back while adding; 2 MB of cache made that disk reads. */
            exec(c->db, "PRAGMA cache_size=-16384");
        }
    }
    if (st == TIFA_OK) st = migrate(c, err);
    *older = st == TIFA_EINPUT && c->older_schema;
    if (st == TIFA_OK && !readonly &&
        (!(c->first_copies = nearcopy_set_new()) || !(c->batch_copies = nearcopy_set_new())))
        st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (st == TIFA_OK && !readonly) st = load_first_copies(c, err);
    free(uri);
    if (st == TIFA_OK) st = tifa_converter_new("t2s", &c->t2s, err);
    if (st != TIFA_OK) {
        tifa_corpus_close(c);
        return st;
    }
    *out = c;
    return TIFA_OK;
}

tifa_status tifa_corpus_open(const char *path, unsigned flags, tifa_corpus **out, tifa_error *err) {
    int older = 0;
    tifa_status st = open_handle(path, flags, out, err, &older);
    if (!older || !(flags & TIFA_CORPUS_READONLY)) return st;
    /* A corpus of an older tifa, opened to be read: it is brought up to
     * date once, under the write lock, if this process may write it; if
     * not, the message says so. */
    tifa_corpus *w;
    tifa_error werr = {0};
    if (open_handle(path, 0, &w, &werr, &older) != TIFA_OK) return st;
    tifa_corpus_close(w);
    return open_handle(path, flags, out, err, &older);
}

void tifa_corpus_close(tifa_corpus *c) {
    if (!c) return;
    tifa_corpus_commit(c, NULL);
    sqlite3_finalize(c->find_clean);
    sqlite3_finalize(c->insert_doc);
    sqlite3_finalize(c->insert_fts);
    sqlite3_stmt *more[] = {c->find_raw, c->fill_source, c->copies_of, c->corrections_of, c->insert_near};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) sqlite3_finalize(more[i]);
    sqlite3_close(c->db);
    nearcopy_set_free(c->first_copies);
    nearcopy_set_free(c->batch_copies);
    tifa_converter_free(c->t2s);
    free(c);
}

/* ------------------------------------------------------------------- add */

/* The source field as stored: what was given, else what the page said. */
static const char *source_field(const tifa_prepared *p, int i) {
    if (p->given[i]) return p->given[i];
    return i == 0 ? p->sum.outlet : i == 1 ? p->sum.url : i == 2 ? p->sum.published : NULL;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s) {
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* A stored document with the same clean text: *first is the first copy
 * its family is linked to, *near whether a new document with that text is
 * a near copy (the stored one is) rather than an exact one. 1 when found,
 * 0 when not, -1 on error. */
static int find_clean(tifa_corpus *c, const char *hash, int64_t *first, int *near) {
    sqlite3_stmt *st = corpus_cached(c, &c->find_clean,
                                     "SELECT coalesce(duplicate_of, id), copy = 'near' FROM doc WHERE clean_sha256 = ?"
                                     " ORDER BY id LIMIT 1");
    if (!st) return -1;
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *first = sqlite3_column_int64(st, 0);
        *near = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* A stored document with the same bytes that p is no new copy of: the
 * same URL, or a URL missing on either side (a URL corrected to none is
 * one the new document does not have). Its id, 0 when there is none, -1
 * on error. */
static int64_t find_raw(tifa_corpus *c, const tifa_prepared *p) {
    sqlite3_stmt *st = corpus_cached(c, &c->find_raw,
                                     "SELECT id, url, EXISTS (SELECT 1 FROM correction WHERE doc = d.id AND field = 'url')"
                                     " FROM doc d WHERE sha256 = ? ORDER BY id");
    if (!st) return -1;
    sqlite3_bind_text(st, 1, p->raw_hash, -1, SQLITE_STATIC);
    const char *url = source_field(p, 1);
    int64_t id = 0;
    int rc;
    while (!id && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *u = corpus_col(st, 1);
        int corrected = sqlite3_column_int(st, 2);
        if (!url || (!u && !corrected) || (u && !strcmp(u, url))) id = sqlite3_column_int64(st, 0);
    }
    if (!id && rc != SQLITE_DONE) id = -1;
    sqlite3_reset(st);
    return id;
}

/* The same bytes given again with sources the stored document lacks:
 * it takes them (a field under a correction keeps the correction). */
static int fill_sources(tifa_corpus *c, const tifa_prepared *p, int64_t id) {
    if (!p->given[0] && !p->given[1] && !p->given[2] && !p->given[3] && !p->given[4]) return 1;
    static const char *const sql =
        "UPDATE doc SET"
        " outlet = CASE WHEN outlet IS NULL AND NOT EXISTS (SELECT 1 FROM correction WHERE doc = ?6 AND field ="
        "  'outlet') THEN ?1 ELSE outlet END,"
        " url = CASE WHEN url IS NULL AND NOT EXISTS (SELECT 1 FROM correction WHERE doc = ?6 AND field = 'url')"
        "  THEN ?2 ELSE url END,"
        " published = CASE WHEN published IS NULL AND NOT EXISTS (SELECT 1 FROM correction WHERE doc = ?6 AND field ="
        "  'published') THEN ?3 ELSE published END,"
        " retrieved = CASE WHEN retrieved IS NULL AND NOT EXISTS (SELECT 1 FROM correction WHERE doc = ?6 AND field ="
        "  'retrieved') THEN ?4 ELSE retrieved END,"
        " meta = coalesce(meta, ?5) WHERE id = ?6";
    sqlite3_stmt *st = corpus_cached(c, &c->fill_source, sql);
    if (!st) return 0;
    for (int i = 0; i < 5; i++) bind_text_or_null(st, i + 1, p->given[i]);
    sqlite3_bind_int64(st, 6, id);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    return ok;
}

/* Deletes a row whose index entry failed, and its near-copy index row if
 * it has one; 1 when done. */
static int undo_row(tifa_corpus *c, int64_t id) {
    static const char *const sql[] = {"DELETE FROM near_index WHERE id = ?", "DELETE FROM doc WHERE id = ?"};
    int ok = 1;
    for (int i = 0; i < 2 && ok; i++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(c->db, sql[i], -1, &st, NULL) != SQLITE_OK) return 0;
        sqlite3_bind_int64(st, 1, id);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
    }
    return ok;
}

static double monotonic_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The transaction has ended: notes when, and whether it held the lock long. */
static void batch_ended(tifa_corpus *c) {
    c->last_commit = monotonic_seconds();
    c->held_long = c->last_commit - c->batch_start >= LONG_BATCH;
    c->open = c->pending = c->uncommitted = 0;
}

/* Ends the open batch without keeping any of it: the transaction (if
 * SQLite has not ended it already), and the first copies stored in it. */
static void abandon_batch(tifa_corpus *c) {
    if (!sqlite3_get_autocommit(c->db)) exec(c->db, "ROLLBACK");
    nearcopy_set_clear(c->batch_copies);
    batch_ended(c);
}

/* A write failed: when SQLite rolled the transaction back itself (a full
 * disk, an I/O error do), or the document could not be taken back, the
 * batch is lost, and the caller must hear so. detail: NULL for SQLite's
 * message. */
static tifa_status write_failed(tifa_corpus *c, tifa_error *err, const char *what, const char *detail, int batch_lost) {
    if (!detail) detail = sqlite3_errmsg(c->db);
    if (!batch_lost && c->open && !sqlite3_get_autocommit(c->db))
        return tifa_fail(err, TIFA_EIO, 0, "%s: %s", what, detail);
    tifa_status st =
        tifa_fail(err, TIFA_EBATCH, 0, "%s: %s; nothing added since the last commit is stored", what, detail);
    abandon_batch(c);
    return st;
}

/* Opens the batch's write transaction, waiting for any other writer, and
 * learns the first copies that writer committed meanwhile. */
static tifa_status begin_batch(tifa_corpus *c, tifa_error *err) {
    if (c->open) return TIFA_OK;
    double since = monotonic_seconds() - c->last_commit;
    if (c->held_long && since < YIELD_SECONDS) {
        struct timespec t = {0, (long)((YIELD_SECONDS - since) * 1e9)};
        nanosleep(&t, NULL);
    }
    if (exec(c->db, "BEGIN IMMEDIATE") != SQLITE_OK) return write_failed(c, err, "starting a transaction", NULL, 1);
    c->open = 1;
    c->batch_start = monotonic_seconds();
    tifa_status st = load_first_copies(c, err);
    c->batch_max_id = c->seen_id;
    if (st == TIFA_OK) return TIFA_OK;
    abandon_batch(c); /* nothing was in it yet: the caller may simply try again */
    if (err && st != TIFA_ENOMEM) err->code = TIFA_EBATCH;
    return st == TIFA_ENOMEM ? st : TIFA_EBATCH;
}

/* Inserts the row and (for a first copy) its index entry: 1 when done, 0
 * when nothing was stored, -1 when the row is in but not its entry. A
 * savepoint each would make FTS5 flush its index per document (most of
 * the time of add), so a document whose index entry fails is deleted
 * again instead (undo_row): either way no part of one is left. */
static int insert_doc(tifa_corpus *c, const tifa_prepared *p, int64_t dup_of, const char *copy, int64_t *id) {
    const doc_summary *sum = &p->sum;
    sqlite3_stmt *st = corpus_cached(c, &c->insert_doc,
                                     "INSERT INTO doc(file, sha256, raw, clean, clean_sha256, simhash, duplicate_of,"
                                     " record, date, meeting, org, title, sketch, copy, outlet, url, published,"
                                     " retrieved, meta, article) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st) return 0;
    sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, p->raw_hash, -1, SQLITE_STATIC);
    sqlite3_bind_blob64(st, 3, p->bytes, p->len, SQLITE_STATIC);
    sqlite3_bind_text64(st, 4, p->clean, p->clean_len, SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_text(st, 5, p->clean_hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)p->simhash);
    if (dup_of)
        sqlite3_bind_int64(st, 7, dup_of);
    else
        sqlite3_bind_null(st, 7);
    sqlite3_bind_text(st, 8, p->stored_record ? p->stored_record : p->record, -1, SQLITE_STATIC);
    bind_text_or_null(st, 9, sum->date);
    bind_text_or_null(st, 10, sum->meeting);
    bind_text_or_null(st, 11, sum->org);
    bind_text_or_null(st, 12, sum->title);
    bind_sketch(st, 13, &p->sketch);
    bind_text_or_null(st, 14, copy);
    for (int i = 0; i < 5; i++) bind_text_or_null(st, 15 + i, source_field(p, i));
    sqlite3_bind_int64(st, 20, (sqlite3_int64)sum->article);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    if (!ok) return 0;
    *id = sqlite3_last_insert_rowid(c->db);
    /* Copies are left out of search, so out of the index: smaller, and a
     * search's total is a count over the index alone. A first copy goes
     * into the near-copy index too. */
    if (dup_of) return 1;
    st = corpus_cached(c, &c->insert_near, "INSERT INTO near_index(id, simhash, sketch) VALUES(?, ?, ?)");
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, *id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)p->simhash);
    bind_sketch(st, 3, &p->sketch);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    if (!ok) return -1;
    st = corpus_cached(c, &c->insert_fts, "INSERT INTO doc_fts(rowid, clean) VALUES(?, ?)");
    if (st) {
        sqlite3_bind_int64(st, 1, *id);
        sqlite3_bind_text64(st, 2, p->clean, p->clean_len, SQLITE_STATIC, SQLITE_UTF8);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
        if (ok) return 1;
    }
    return -1; /* the row is in, its index entry is not */
}

static tifa_status store(tifa_corpus *c, const tifa_prepared *p, int64_t dup_of, const char *copy, int64_t *id,
                         tifa_error *err) {
    *id = 0;
    int done = insert_doc(c, p, dup_of, copy, id);
    if (done == 1) {
        c->pending++;
        if (*id > c->batch_max_id) c->batch_max_id = *id;
        return TIFA_OK;
    }
    /* SQLite's message is the insert's until undo_row runs. */
    char msg[200];
    snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(c->db));
    int lost = done == -1 && !sqlite3_get_autocommit(c->db) && !undo_row(c, *id);
    *id = 0;
    return write_failed(c, err, "storing the document", msg, lost);
}

void tifa_corpus_set_batch(tifa_corpus *c, int documents) { c->batch = documents > 0 ? documents : BATCH; }

int tifa_corpus_uncommitted(const tifa_corpus *c) { return c->uncommitted; }

tifa_status tifa_corpus_commit(tifa_corpus *c, tifa_error *err) {
    if (!c->open) return TIFA_OK;
    if (exec(c->db, "COMMIT") != SQLITE_OK) return write_failed(c, err, "committing", NULL, 1);
    batch_ended(c);
    if (c->batch_max_id > c->seen_id) c->seen_id = c->batch_max_id;
    /* Committed: the batch's first copies are now everyone's. */
    if (nearcopy_set_move(c->first_copies, c->batch_copies)) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return TIFA_OK;
}

void tifa_prepared_free(tifa_prepared *p) {
    if (!p) return;
    free(p->name);
    free(p->bytes);
    tifa_free(p->clean);
    tifa_free(p->record);
    free(p->stored_record);
    doc_summary_free(&p->sum);
    for (int i = 0; i < 5; i++) free(p->given[i]);
    free(p);
}

/* Bytes that are no document, refused before anything is made of them:
 * an empty file, and a binary one (an executable, an image, an archive),
 * known by its signature or by NUL and control bytes that text (in any
 * encoding tifa reads but UTF-16, which starts with its byte-order mark)
 * does not have: more than 1 in 100 of the first 64 KB. */
tifa_status corpus_not_text(const char *bytes, size_t len, tifa_error *err) {
    static const struct {
        const char *magic, *what;
        size_t n;
    } kinds[] = {{"\x7f" "ELF", "an ELF executable", 4}, {"%PDF-", "a PDF file", 5}, {"PK\x03\x04", "a ZIP archive", 4},
                 {"\x89PNG", "a PNG image", 4},        {"GIF8", "a GIF image", 4},  {"\xff\xd8\xff", "a JPEG image", 3},
                 {"\x1f\x8b", "a gzip file", 2},       {"MZ\x90", "a Windows executable", 3}};
    if (len == 0) return tifa_fail(err, TIFA_EINPUT, 0, "an empty file: not stored");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (len >= kinds[i].n && !memcmp(bytes, kinds[i].magic, kinds[i].n))
            return tifa_fail(err, TIFA_EINPUT, 0, "%s, not a text document: not stored", kinds[i].what);
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) return TIFA_OK;
    size_t n = len < 65536 ? len : 65536, controls = 0, first = n;
    for (size_t i = 0; i < n; i++)
        if (b[i] < 0x20 && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' && b[i] != '\f' && b[i] != '\v' && b[i] != 0x1b) {
            controls++;
            if (first == n) first = i;
        }
    if (controls * 100 > n)
        return tifa_fail(err, TIFA_EINPUT, first,
                         "a binary file, not a text document: %zu NUL or control bytes in its first %zu (the first at "
                         "byte %zu): not stored",
                         controls, n, first);
    return TIFA_OK;
}

int corpus_has_text(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') return 1;
    return 0;
}

/* The record with `member` (a key and its value, JSON) as its last member;
 * NULL when memory ran out. */
static char *record_with(char *record, size_t *len, const char *member) {
    size_t m = strlen(member);
    char *r = realloc(record, *len + m + 2);
    if (!r) return NULL;
    r[*len - 1] = ','; /* its closing brace */
    memcpy(r + *len, member, m);
    *len += m + 1;
    r[*len - 1] = '}';
    r[*len] = 0;
    return r;
}

tifa_status corpus_prepare_page(const tifa_options *opt, const char *name, const char *bytes, size_t len,
                                const char *member, tifa_prepared **out, tifa_error *err) {
    *out = NULL;
    tifa_prepared *p = calloc(1, sizeof *p);
    if (!p || !(p->name = strdup(name)) || !(p->bytes = malloc(len ? len : 1))) {
        tifa_prepared_free(p);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (len) memcpy(p->bytes, bytes, len);
    p->len = len;
    tifa_status st = corpus_not_text(bytes, len, err);
    if (st != TIFA_OK) {
        tifa_prepared_free(p);
        return st;
    }
    size_t record_len;
    /* One pass: extraction cleans the document and hands its clean text over. */
    st = extract_document(opt, name, bytes, len, 0, &p->record, &record_len, &p->sum, err);
    if (st == TIFA_OK && member) {
        char *r = record_with(p->record, &record_len, member);
        if (r)
            p->record = r;
        else
            st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (st != TIFA_OK) {
        tifa_prepared_free(p);
        return st;
    }
    p->clean = p->sum.clean;
    p->clean_len = p->sum.clean_len;
    p->sum.clean = NULL;
    if (!corpus_has_text(p->clean, p->clean_len)) {
        tifa_prepared_free(p);
        return tifa_fail(err, TIFA_EINPUT, 0, "no text in it once cleaned: not stored");
    }
    sha256_hex(p->clean, p->clean_len, p->clean_hash);
    sha256_hex(p->bytes, p->len, p->raw_hash);
    /* Extraction said where each article's text is, in both texts. */
    p->stored_record = record_compact(p->record, record_len, p->sum.texts, p->sum.ntexts, p->clean, p->clean_len);
    p->simhash = nearcopy_simhash(p->clean, p->clean_len);
    nearcopy_sketch(p->clean, p->clean_len, &p->sketch);
    *out = p;
    return TIFA_OK;
}

tifa_status tifa_corpus_prepare(const char *name, const char *bytes, size_t len, tifa_prepared **out, tifa_error *err) {
    return corpus_prepare_page(NULL, name, bytes, len, NULL, out, err);
}

tifa_status tifa_corpus_prepare_for(const tifa_corpus *c, const char *name, const char *bytes, size_t len,
                                    tifa_prepared **out, tifa_error *err) {
    tifa_status st = tifa_corpus_prepare(name, bytes, len, out, err);
    if (st == TIFA_OK) corpus_search_committed(c, *out);
    return st;
}

void corpus_search_committed(const tifa_corpus *c, tifa_prepared *p) {
    if (c && c->first_copies) p->near_seen = nearcopy_set_search(c->first_copies, 0, p->simhash, &p->sketch, &p->near);
}

/* The first copy p reposts, if any: among those committed (from where
 * tifa_corpus_prepare_for left off), then those of the open batch. */
static int64_t reposts(tifa_corpus *c, const tifa_prepared *p) {
    nearcopy_match near = p->near;
    nearcopy_set_search(c->first_copies, p->near_seen, p->simhash, &p->sketch, &near);
    nearcopy_set_search(c->batch_copies, 0, p->simhash, &p->sketch, &near);
    return near.id;
}

/* Commits when the batch is full or old enough. */
static tifa_status maybe_commit(tifa_corpus *c, tifa_error *err) {
    if (c->pending >= c->batch || monotonic_seconds() - c->batch_start >= BATCH_SECONDS)
        return tifa_corpus_commit(c, err);
    return TIFA_OK;
}

tifa_status tifa_corpus_add_prepared(tifa_corpus *c, const tifa_prepared *p, tifa_add_result *result, int64_t *id,
                                     tifa_error *err) {
    *id = 0;
    *result = TIFA_ADDED;
    if (c->readonly) return tifa_fail(err, TIFA_EUSAGE, 0, "the corpus is open read-only");
    /* Copies are looked for under the write lock: another writer cannot
     * store the same bytes or text between the look and the insert. */
    tifa_status st = begin_batch(c, err);
    if (st != TIFA_OK) return st;
    int64_t same = find_raw(c, p), first = 0;
    int near = 0, found = same ? 0 : find_clean(c, p->clean_hash, &first, &near);
    if (same < 0 || found < 0) return write_failed(c, err, "looking for copies", NULL, 0);
    if (same > 0) {
        *result = TIFA_IDENTICAL;
        *id = same;
        if (!fill_sources(c, p, same)) return write_failed(c, err, "storing the sources", NULL, 0);
    } else if (found) {
        if ((st = store(c, p, first, near ? "near" : "exact", id, err)) != TIFA_OK) return st;
        *result = near ? TIFA_NEAR_DUPLICATE : TIFA_DUPLICATE;
    } else {
        int64_t dup_of = reposts(c, p);
        if ((st = store(c, p, dup_of, dup_of ? "near" : NULL, id, err)) != TIFA_OK) return st;
        if (dup_of)
            *result = TIFA_NEAR_DUPLICATE;
        else if (nearcopy_set_add(c->batch_copies, *id, p->simhash, &p->sketch))
            return write_failed(c, err, "remembering a first copy", "out of memory", 1);
    }
    c->uncommitted++;
    return maybe_commit(c, err);
}

tifa_status tifa_corpus_add_source(tifa_corpus *c, const char *name, const char *bytes, size_t len,
                                   const tifa_source *source, tifa_add_result *result, int64_t *id, tifa_error *err) {
    tifa_prepared *p;
    *id = 0;
    tifa_status st = tifa_corpus_prepare(name, bytes, len, &p, err);
    if (st == TIFA_OK && source) st = tifa_prepared_set_source(p, source, err);
    if (st == TIFA_OK) st = tifa_corpus_add_prepared(c, p, result, id, err);
    tifa_prepared_free(p);
    return st;
}

tifa_status tifa_corpus_add(tifa_corpus *c, const char *name, const char *bytes, size_t len, tifa_add_result *result,
                            int64_t *id, tifa_error *err) {
    return tifa_corpus_add_source(c, name, bytes, len, NULL, result, id, err);
}

tifa_status tifa_prepared_set_source(tifa_prepared *p, const tifa_source *s, tifa_error *err) {
    tifa_status st = tifa_source_check(s, err);
    if (st != TIFA_OK) return st;
    const char *v[5] = {s->outlet, s->url, s->published, s->retrieved, s->meta};
    char *copy[5] = {0};
    for (int i = 0; i < 5; i++)
        if (v[i] && *v[i] && !(copy[i] = strdup(v[i]))) {
            for (int k = 0; k < i; k++) free(copy[k]);
            return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        }
    for (int i = 0; i < 5; i++) {
        free(p->given[i]);
        p->given[i] = copy[i];
    }
    return TIFA_OK;
}

/* ---------------------------------------------------------------- search */

/* The WHERE clause shared by search and list; parameters ?2..?5. */
#define FILTERS                                                                                                        \
    " AND (?2 IS NULL OR d.date >= ?2) AND (?3 IS NULL OR d.date <= ?3 || '~')"                                        \
    " AND (?4 IS NULL OR d.org LIKE '%' || ?4 || '%') AND (?5 IS NULL OR d.meeting LIKE '%' || ?5 || '%')"

tifa_status tifa_filter_check(const tifa_filter *f, tifa_error *err) {
    if (!f) return TIFA_OK;
    const char *names[] = {"from", "to"}, *v[] = {f->from, f->to};
    for (int i = 0; i < 2; i++)
        if (v[i] && !source_date_valid(v[i], 1))
            return tifa_fail(err, TIFA_EUSAGE, 0, "%s: not a date (yyyy, yyyy-mm or yyyy-mm-dd): '%.100s'", names[i],
                             v[i]);
    return TIFA_OK; /* a limit or offset under 1 is none, as it always was */
}

static void bind_filters(sqlite3_stmt *st, const tifa_filter *f) {
    bind_text_or_null(st, 2, f ? f->from : NULL);
    bind_text_or_null(st, 3, f ? f->to : NULL);
    bind_text_or_null(st, 4, f ? f->org : NULL);
    bind_text_or_null(st, 5, f ? f->meeting : NULL);
}

#define col corpus_col

#define hit_col corpus_text

int corpus_emit_hits(tifa_corpus *c, sqlite3_stmt *st, tifa_hit_fn fn, void *user, int with_snippet) {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int oom = 0;
        tifa_hit h = {.id = sqlite3_column_int64(st, 0), .duplicate_of = sqlite3_column_int64(st, 1)};
        const char **text[] = {&h.file, &h.date,      &h.meeting, &h.org,  &h.title, &h.outlet, &h.url,
                               &h.published, &h.retrieved, &h.added, &h.copy, &h.type, &h.series};
        for (int i = 0; i < 13; i++) *text[i] = hit_col(st, 2 + i, &oom);
        if (with_snippet) h.snippet = hit_col(st, HIT_SNIPPET, &oom);
        if (oom) return SQLITE_NOMEM;
        if ((rc = corpus_emit_hit(c, &h, fn, user)) != SQLITE_OK) return rc;
    }
    return rc;
}

/* Text that is not FTS5 syntax is searched as one phrase: "a""b" quoting. */
static char *as_phrase(const char *q) {
    size_t n = strlen(q), quotes = 0;
    for (size_t i = 0; i < n; i++) quotes += q[i] == '"';
    char *p = malloc(n + quotes + 3);
    if (!p) return NULL;
    size_t k = 0;
    p[k++] = '"';
    for (size_t i = 0; i < n; i++) {
        if (q[i] == '"') p[k++] = '"';
        p[k++] = q[i];
    }
    p[k++] = '"';
    p[k] = 0;
    return p;
}

char *corpus_phrase(const char *q) { return as_phrase(q); }

/* Does f narrow the documents (a date, org or meeting), not only the page? */
static int has_filters(const tifa_filter *f) { return f && (f->from || f->to || f->org || f->meeting); }

/* One page of hits of search sql (?1 the query, the filters, ?6 limit, ?7
 * offset) handed to fn: SQLITE_DONE, or SQLite's error. */
static int search_page(tifa_corpus *c, const char *sql, const char *q, const tifa_filter *f, tifa_hit_fn fn,
                       void *user) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    bind_filters(st, f);
    sqlite3_bind_int(st, 6, f && f->limit > 0 ? f->limit : -1);
    sqlite3_bind_int(st, 7, f && f->offset > 0 ? f->offset : 0);
    rc = corpus_emit_hits(c, st, fn, user, 1);
    sqlite3_finalize(st);
    return rc;
}

static int run_search(tifa_corpus *c, const char *q, const tifa_filter *f, tifa_hit_fn fn, void *user, int64_t *total) {
    static const char *const sql =
        "SELECT " HIT_COLUMNS ", snippet(doc_fts, 0, '«', '»', '…', 24)"
        " FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid WHERE doc_fts MATCH ?1" FILTERS
        " ORDER BY rank LIMIT ?6 OFFSET ?7";
    /* Without filters the total needs no row of doc (near copies are not
     * indexed): a third of the time of a one-character search. */
    static const char *const count_sql = "SELECT count(*) FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid"
                                         " WHERE doc_fts MATCH ?1" FILTERS;
    static const char *const count_all_sql = "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ?1";
    int filtered = has_filters(f);
    sqlite3_stmt *st;
    int rc = search_page(c, sql, q, f, fn, user);
    if (rc != SQLITE_DONE) return rc;
    if (total) {
        *total = 0;
        if ((rc = sqlite3_prepare_v2(c->db, filtered ? count_sql : count_all_sql, -1, &st, NULL)) != SQLITE_OK)
            return rc;
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        if (filtered) bind_filters(st, f);
        if ((rc = sqlite3_step(st)) == SQLITE_ROW) *total = sqlite3_column_int64(st, 0), rc = SQLITE_DONE;
        sqlite3_finalize(st);
    }
    return rc;
}

tifa_status tifa_corpus_search(tifa_corpus *c, const char *query, const tifa_filter *f, tifa_hit_fn fn, void *user,
                               int64_t *total, tifa_error *err) {
    if (!query || !*query) return tifa_fail(err, TIFA_EUSAGE, 0, "empty query");
    int rc = run_search(c, query, f, fn, user, total);
    if (rc == SQLITE_ERROR) {
        /* Not FTS5 syntax ("a-b", "(", ":"): search the text as it is. */
        char *phrase = as_phrase(query);
        if (!phrase) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        rc = run_search(c, phrase, f, fn, user, total);
        free(phrase);
    }
    if (rc != SQLITE_DONE) return corpus_fail(c, err, "searching");
    return TIFA_OK;
}

/* ------------------------------------------------------- newest first */

/* The FTS5 index hands out its matches in rowid (document id) order,
 * either way, one page of the doclists at a time, and stops when SQLite
 * stops asking: with ORDER BY rowid DESC and a LIMIT a search reads the
 * newest matches only, whatever the number of matches (ranking by BM25
 * must score every match first). The total is counted the same way up to
 * TIFA_SEARCH_EXACT + 1 matches; above, it is estimated from the share of
 * the indexed readouts those matches span (newest_estimate). */
#define NEWEST_FROM " FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid WHERE doc_fts MATCH ?1"

static int newest_page(tifa_corpus *c, const char *q, const tifa_filter *f, tifa_hit_fn fn, void *user) {
    static const char *const sql = "SELECT " HIT_COLUMNS ", snippet(doc_fts, 0, '«', '»', '…', 24)" NEWEST_FROM
                                   FILTERS " ORDER BY doc_fts.rowid DESC LIMIT ?6 OFFSET ?7";
    return search_page(c, sql, q, f, fn, user);
}

/* n rounded to `digits` significant digits (231,734 -> 230,000 with 2). */
static int64_t rounded(int64_t n, int digits) {
    int64_t unit = 1, top = digits == 2 ? 100 : 1000;
    while (n / unit >= top) unit *= 10;
    return (n + unit / 2) / unit * unit;
}

/* An estimate as the total says it: two significant digits, three where
 * two would fall to what was counted or under (10,141 -> 10,100, not
 * 10,000). */
static int64_t estimate_shown(int64_t est, int64_t counted) {
    int64_t r = rounded(est, 2);
    if (r <= counted) r = rounded(est, 3);
    return r > counted ? r : counted;
}

/* One number about the index's rows (?1, if sql has it: an id). */
static int index_count(tifa_corpus *c, const char *sql, int64_t id, int64_t *n) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    if (sqlite3_bind_parameter_count(st)) sqlite3_bind_int64(st, 1, id);
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) *n = sqlite3_column_int64(st, 0), rc = SQLITE_DONE;
    sqlite3_finalize(st);
    return rc;
}

/* The newest TIFA_SEARCH_EXACT + 1 matches reach back to id `oldest`: if
 * the matches are spread over the index as they are among the documents
 * from there on, all of them are that many times the share of the indexed
 * documents those are. The whole count is FTS5's row count (SQLite counts
 * a table's rows from its pages alone); the documents from `oldest` on
 * are counted from whichever end of the id range is nearer (about 16 ns a
 * row: 7 ms at worst at a million). The ids alone would not do: near
 * copies are not indexed, and there are more of them among recent ids. */
static int newest_estimate(tifa_corpus *c, int64_t counted, int64_t oldest, int64_t *total) {
    int64_t all = 0, lo = 0, hi = 0, newer = 0;
    int rc = index_count(c, "SELECT count(*) FROM doc_fts_docsize", 0, &all);
    if (rc == SQLITE_DONE) rc = index_count(c, "SELECT min(id) FROM doc_fts_docsize", 0, &lo);
    if (rc == SQLITE_DONE) rc = index_count(c, "SELECT max(id) FROM doc_fts_docsize", 0, &hi);
    if (rc != SQLITE_DONE) return rc;
    if (hi - oldest <= oldest - lo) {
        rc = index_count(c, "SELECT count(*) FROM doc_fts_docsize WHERE id >= ?1", oldest, &newer);
    } else {
        rc = index_count(c, "SELECT count(*) FROM doc_fts_docsize WHERE id < ?1", oldest, &newer);
        newer = all - newer;
    }
    if (rc != SQLITE_DONE) return rc;
    *total = newer > 0 ? estimate_shown((int64_t)((double)counted * (double)all / (double)newer), counted) : counted;
    return SQLITE_DONE;
}

static int newest_total(tifa_corpus *c, const char *q, const tifa_filter *f, int64_t *total, int *estimated) {
    static const char *const sql =
        "SELECT count(*), min(id) FROM (SELECT d.id AS id" NEWEST_FROM FILTERS " ORDER BY doc_fts.rowid DESC LIMIT ?6)";
    static const char *const sql_all = "SELECT count(*), min(rowid) FROM (SELECT rowid FROM doc_fts"
                                       " WHERE doc_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?6)";
    int filtered = has_filters(f);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->db, filtered ? sql : sql_all, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    if (filtered) bind_filters(st, f);
    sqlite3_bind_int64(st, 6, (int64_t)TIFA_SEARCH_EXACT + 1);
    int64_t counted = 0, oldest = 0;
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        counted = sqlite3_column_int64(st, 0);
        oldest = sqlite3_column_int64(st, 1);
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(st);
    *total = counted;
    *estimated = counted > TIFA_SEARCH_EXACT;
    if (rc == SQLITE_DONE && *estimated) rc = newest_estimate(c, counted, oldest, total);
    return rc;
}

static int run_newest(tifa_corpus *c, const char *q, const tifa_filter *f, tifa_hit_fn fn, void *user, int64_t *total,
                      int *estimated) {
    int rc = newest_page(c, q, f, fn, user);
    if (rc != SQLITE_DONE || !total) return rc;
    int est = 0;
    rc = newest_total(c, q, f, total, &est);
    if (estimated) *estimated = est;
    return rc;
}

tifa_status tifa_corpus_search_newest(tifa_corpus *c, const char *query, const tifa_filter *f, tifa_hit_fn fn,
                                      void *user, int64_t *total, int *estimated, tifa_error *err) {
    if (!query || !*query) return tifa_fail(err, TIFA_EUSAGE, 0, "empty query");
    if (estimated) *estimated = 0;
    int rc = run_newest(c, query, f, fn, user, total, estimated);
    if (rc == SQLITE_ERROR) {
        /* Not FTS5 syntax: the text as one phrase, as tifa_corpus_search. */
        char *phrase = as_phrase(query);
        if (!phrase) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        rc = run_newest(c, phrase, f, fn, user, total, estimated);
        free(phrase);
    }
    if (rc != SQLITE_DONE) return corpus_fail(c, err, "searching");
    return TIFA_OK;
}

tifa_status tifa_corpus_list(tifa_corpus *c, const tifa_filter *f, tifa_hit_fn fn, void *user, tifa_error *err) {
    static const char *const sql =
        "SELECT " HIT_COLUMNS " FROM doc d WHERE 1" FILTERS " ORDER BY d.date IS NULL, d.date, d.id LIMIT ?6 OFFSET ?7";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK) return corpus_fail(c, err, "listing");
    bind_filters(st, f);
    sqlite3_bind_int(st, 6, f && f->limit > 0 ? f->limit : -1);
    sqlite3_bind_int(st, 7, f && f->offset > 0 ? f->offset : 0);
    int rc = corpus_emit_hits(c, st, fn, user, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TIFA_OK : corpus_fail(c, err, "listing");
}

typedef struct {
    tifa_hit_fn fn;
    void *user;
    int found;
} one_hit;

static int forward_hit(void *user, const tifa_hit *h) {
    one_hit *o = user;
    o->found = 1;
    return o->fn(o->user, h);
}

tifa_status tifa_corpus_doc(tifa_corpus *c, int64_t id, tifa_hit_fn fn, void *user, tifa_error *err) {
    /* Not a cached statement: fn may call this again for another id. */
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, "SELECT " HIT_COLUMNS " FROM doc d WHERE d.id = ?", -1, &st, NULL) != SQLITE_OK)
        return corpus_fail(c, err, "reading");
    sqlite3_bind_int64(st, 1, id);
    one_hit o = {fn, user, 0};
    int rc = corpus_emit_hits(c, st, forward_hit, &o, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return corpus_fail(c, err, "reading");
    if (!o.found) return tifa_fail(err, TIFA_EINPUT, 0, "no document %lld in the corpus", (long long)id);
    return TIFA_OK;
}

/* ------------------------------------------------------------------- get */

static char *dup_column(sqlite3_stmt *st, int i, size_t *len) {
    const void *p = sqlite3_column_blob(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    char *s = malloc(n + 1);
    if (!s) return NULL;
    if (n) memcpy(s, p, n);
    s[n] = 0;
    if (len) *len = n;
    return s;
}

/* The record as extract wrote it ends with its fingerprints, which the
 * corpus keeps in columns of their own (simhash, sketch), not twice:
 * they are put back here. Takes rec; NULL when out of memory. */
static char *with_fingerprints(sqlite3_stmt *st, char *rec) {
    sketch k;
    size_t n = rec ? strlen(rec) : 0;
    if (n < 2 || rec[n - 1] != '}' ||
        nearcopy_unpack(sqlite3_column_blob(st, 5), (size_t)sqlite3_column_bytes(st, 5), &k))
        return rec; /* no record, or no sketch (a damaged file): as it is */
    jw w;
    jw_init(&w, 0);
    jw_raw(&w, rec, n - 1);
    jw_raw(&w, ",", 1);
    nearcopy_write_json(&w, (uint64_t)sqlite3_column_int64(st, 4), &k);
    jw_raw(&w, "}", 1);
    free(rec);
    if (w.failed) jw_free(&w);
    return w.failed ? NULL : w.s;
}

tifa_status tifa_corpus_get(tifa_corpus *c, int64_t id, char **record, char **clean, char **raw, size_t *raw_len,
                            char **file, tifa_error *err) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, "SELECT record, clean, raw, file, simhash, sketch FROM doc WHERE id = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return corpus_fail(c, err, "reading");
    sqlite3_bind_int64(st, 1, id);
    tifa_status rs = TIFA_OK;
    if (sqlite3_step(st) != SQLITE_ROW) {
        rs = tifa_fail(err, TIFA_EINPUT, 0, "no document %lld in the corpus", (long long)id);
    } else {
        char **outs[4] = {record, clean, raw, file};
        for (int i = 0; i < 4; i++) {
            if (!outs[i]) continue;
            if (i == 0) { /* article texts are kept once, in the clean text */
                const char *rec = sqlite3_column_blob(st, 0), *text = sqlite3_column_blob(st, 1);
                size_t rn = (size_t)sqlite3_column_bytes(st, 0), tn = (size_t)sqlite3_column_bytes(st, 1);
                *outs[i] = with_fingerprints(st, record_expand(rec ? rec : "", rn, text ? text : "", tn, NULL));
            } else
                *outs[i] = dup_column(st, i, i == 2 ? raw_len : NULL);
            if (!*outs[i]) rs = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        }
    }
    sqlite3_finalize(st);
    return rs;
}

/* ----------------------------------------------------------------- stats */

tifa_status tifa_corpus_stats_get(tifa_corpus *c, tifa_corpus_stats *s, tifa_error *err) {
    memset(s, 0, sizeof *s);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT count(*), count(duplicate_of), count(meeting), coalesce(sum(length(raw)), 0),"
                           " coalesce(sum(length(CAST(clean AS BLOB))), 0), min(date), max(date) FROM doc",
                           -1, &st, NULL) != SQLITE_OK)
        return corpus_fail(c, err, "counting");
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) { /* a damaged file: never a count of 0 */
        tifa_status f = corpus_fail(c, err, "counting");
        sqlite3_finalize(st);
        return f;
    }
    s->documents = sqlite3_column_int64(st, 0);
    s->near_duplicates = sqlite3_column_int64(st, 1);
    s->meetings = sqlite3_column_int64(st, 2);
    s->raw_bytes = sqlite3_column_int64(st, 3);
    s->clean_bytes = sqlite3_column_int64(st, 4);
    snprintf(s->first_date, sizeof s->first_date, "%s", col(st, 5) ? col(st, 5) : "");
    snprintf(s->last_date, sizeof s->last_date, "%s", col(st, 6) ? col(st, 6) : "");
    sqlite3_finalize(st);
    return TIFA_OK;
}

/* ----------------------------------------------------------------- check */

typedef struct {
    tifa_problem_fn fn;
    void *user;
    int64_t n;
} problems;

static void problem(problems *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(problems *p, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    p->n++;
    if (p->fn) p->fn(p->user, msg);
}

/* Runs a query whose rows are problems: each row's first column (an id,
 * or SQLite's own sentence) goes into fmt. SQLITE_DONE when it ran. */
static int each_problem(tifa_corpus *c, const char *sql, const char *fmt, problems *p) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK) return SQLITE_ERROR;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) problem(p, fmt, col(st, 0) ? col(st, 0) : "?");
    sqlite3_finalize(st);
    return rc;
}

/* The raw bytes against the hash stored with them, a row at a time. */
static int check_hashes(tifa_corpus *c, problems *p) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db, "SELECT id, sha256, raw FROM doc", -1, &st, NULL) != SQLITE_OK) return SQLITE_ERROR;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char hex[65];
        sha256_hex(sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2), hex);
        if (!col(st, 1) || strcmp(hex, col(st, 1)))
            problem(p, "document %lld: its raw bytes no longer have the SHA-256 stored with them",
                    (long long)sqlite3_column_int64(st, 0));
    }
    sqlite3_finalize(st);
    return rc;
}

tifa_status tifa_corpus_check(tifa_corpus *c, tifa_problem_fn fn, void *user, int64_t *found, tifa_error *err) {
    problems p = {fn, user, 0};
    *found = 0;
    static const struct {
        const char *sql, *fmt;
    } checks[] = {
        {"SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'", "SQLite: %s"},
        {"SELECT id FROM doc WHERE duplicate_of IS NULL AND id NOT IN (SELECT id FROM doc_fts_docsize)",
         "document %s: a first copy without its index entry (search cannot find it)"},
        {"SELECT id FROM doc_fts_docsize WHERE id NOT IN (SELECT id FROM doc WHERE duplicate_of IS NULL)",
         "index entry %s: no first copy of that id (search would show a document that is not there)"},
        {"SELECT d.id FROM doc d WHERE d.duplicate_of IS NOT NULL AND NOT EXISTS"
         " (SELECT 1 FROM doc e WHERE e.id = d.duplicate_of AND e.duplicate_of IS NULL)",
         "document %s: a copy of a document that is not a stored first copy"},
        {"SELECT id FROM doc WHERE duplicate_of IS NULL AND sketch IS NOT NULL AND id NOT IN (SELECT id FROM near_index)",
         "document %s: a first copy missing from the near-copy index (its reposts would not be linked to it)"},
        {"SELECT n.id FROM near_index n WHERE NOT EXISTS (SELECT 1 FROM doc d WHERE d.id = n.id AND d.duplicate_of IS"
         " NULL AND d.simhash = n.simhash AND d.sketch = n.sketch)",
         "near-copy index entry %s: not the fingerprint of a stored first copy (a repost could be linked to it)"},
        {"SELECT id FROM doc WHERE (duplicate_of IS NULL) <> (copy IS NULL) OR copy NOT IN ('exact', 'near')",
         "document %s: linked to a first copy without saying how (exact or near), or the other way round"},
        {"SELECT d.id FROM doc d WHERE d.copy = 'exact' AND NOT EXISTS (SELECT 1 FROM doc e WHERE e.clean_sha256 ="
         " d.clean_sha256 AND e.id <> d.id AND (e.id = d.duplicate_of OR e.duplicate_of = d.duplicate_of))",
         "document %s: an exact copy whose clean text no other document of its readout has"},
    };
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
        if (each_problem(c, checks[i].sql, checks[i].fmt, &p) != SQLITE_DONE) {
            *found = p.n;
            return corpus_fail(c, err, "checking");
        }
    int rc = check_hashes(c, &p);
    *found = p.n;
    return rc == SQLITE_DONE ? TIFA_OK : corpus_fail(c, err, "checking");
}
