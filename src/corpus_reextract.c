/*
 * corpus_reextract: a stored corpus brought up to the running tifa's
 * extraction (tifa reextract). Extraction improves with every release,
 * and a corpus holds the records of the version that added each
 * document; its raw bytes are kept, so the records can be made again.
 *
 * Each document is cleaned and extracted from its raw bytes under the
 * name it was added with, exactly as tifa add prepares a file
 * (corpus_prepare_page); a web archive's page, whose HTTP headers are not
 * stored, is read as its record says it was read (its kind and charset),
 * and keeps its record's "source" object. Where the result differs from
 * the stored document, what extraction made is rewritten: the record, the
 * clean text with its hash, fingerprints, near-copy index row and search
 * index entry, and the columns the filters read. What the document is and
 * where it came from is not extraction's and stays: raw bytes, name,
 * sources, id, time added, copy links, and the corrections, whose value
 * still lies over the new record (corpus_correct_rebase).
 *
 * Documents go a batch at a time: read; extracted on `jobs` threads,
 * which touch nothing of the corpus; then compared with the stored row
 * and written under the write lock, in one transaction. A crash leaves
 * whole batches, and a second run, finding the done ones unchanged,
 * finishes the job. Memory: one batch, besides what the handle keeps
 * for adding (the near-copy fingerprints of the first copies).
 *
 * Not for: adding (corpus.c), corrections (corpus_correct.c), the stored
 * form of records (corpus_record.c).
 */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_internal.h"
#include "corpus_record.h"
#include "jsonread.h"

/* A batch: at most this many documents, and no more raw bytes than
 * BATCH_BYTES once it holds one (extraction takes some 20 times a
 * document's size besides). */
#define BATCH_DOCS  256
#define BATCH_BYTES (32u << 20)
#define MAX_THREADS 64

/* One document of the batch. */
typedef struct {
    int64_t id;
    char *file, *raw, *member; /* member: a web archive page's "source":{...}, else NULL */
    size_t len;
    int page;         /* a web archive's page, read with opt */
    tifa_options opt; /* its kind and charset, as its record says */
    tifa_prepared *p; /* what the pipeline makes of it now */
    char *error;      /* why it failed; NULL */
    tifa_status status;
} job;

typedef struct {
    job *v;
    size_t n, next; /* next: the job the next free thread takes */
    pthread_mutex_t lock;
} batch;

/* The fields a correction may hold that extraction fills (the others are
 * the document's sources); the first three are columns of doc. */
static const char *const corrected_fields[] = {"date", "name", "org", "place", "chair", "chair_title", "source"};
#define NCORRECTED 7

/* What the corpus holds of a document, read under the lock before it is
 * compared and rewritten. */
typedef struct {
    char *record, *clean, *cols[4]; /* cols: date, meeting, org, title as stored */
    size_t record_len, clean_len;
    int64_t article, dup_of;
    uint64_t simhash;
    unsigned char sketch[SKETCH_BYTES];
    int has_sketch;
    char *value[NCORRECTED], *autov[NCORRECTED]; /* the corrections of corrected_fields, and what each overrides */
    int corrected[NCORRECTED];
} stored;

/* The main meeting's fields reported when they differ, with where the
 * record holds them (under the main article), and which correction lies
 * over each (an index of corrected_fields, -1: none can). */
static const struct {
    const char *field, *path;
    int correction;
} record_fields[] = {
    {"kind", ".kind", -1},
    {"place", ".meeting.place", 3},
    {"chair", ".meeting.chair.name", 4},
    {"chair_title", ".meeting.chair.title", 5},
    {"speakers", ".meeting.speakers", -1},
    {"present", ".meeting.present", -1},
    {"attendees", ".meeting.attendees", -1},
    {"date_inferred", ".meeting.date_inferred", -1},
    {"source", ".source", 6},
    {"terms", ".terms", -1},
};

/* What the comparison of "other" leaves out of the main article: what is
 * reported as fields of its own, its text and the spans into it. */
static const char *const main_parts[] = {".kind", ".meeting", ".source", ".terms", ".title", ".text", ".spans"};
#define NPARTS (sizeof main_parts / sizeof main_parts[0])

/* The run: its corpus, flags, callback and counts, and the statements it
 * prepares once. */
typedef struct {
    tifa_corpus *c;
    unsigned flags;
    tifa_reextract_fn fn;
    void *user;
    int stop;            /* fn asked to stop */
    int64_t told;        /* how many times fn was told */
    int first_rewritten; /* a first copy's fingerprints were rewritten */
    tifa_reextract_stats batch_counts;
    sqlite3_stmt *next_id, *read_raw, *read_row, *read_corrections, *write_row, *fts_delete, *fts_insert, *near;
    sqlite3_stmt *relabel, *values, *paths, *quote, *count, *other; /* (the last five: telling fields) */
} run;

static tifa_status no_memory(tifa_error *err) { return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory"); }

static char *dup_bytes(const void *p, size_t n) {
    char *s = malloc(n + 1);
    if (!s) return NULL;
    if (n) memcpy(s, p, n);
    s[n] = 0;
    return s;
}

/* A column's bytes, malloc'd and NUL-terminated (NULL for SQL NULL; *oom
 * when memory ran out). */
static char *column_copy(sqlite3_stmt *st, int i, size_t *len, int *oom) {
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return NULL;
    const void *p = sqlite3_column_blob(st, i);
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    char *s = dup_bytes(p ? p : "", n);
    if (!s || (!p && n)) *oom = 1;
    if (len) *len = n;
    return s;
}

/* ------------------------------------------------------------- reading */

/* A page stored from a web archive (tifa add --warc, or its records): the
 * record holds the archive's "source" object, which the new record keeps,
 * and says how the page was read, which the HTTP headers decided and the
 * corpus does not keep: a web page or text, and the charset. 0, or -1
 * when memory ran out. */
static int archive_page(const char *rec, size_t n, job *j) {
    static const char mark[] = "\"source\":{\"warc\":";
    size_t at;
    if (!memmem(rec, n, mark, sizeof mark - 1) || jr_check(rec, n, &at)) return 0;
    jvalue root = {rec, n}, src, v;
    if (!jr_member(root, "source", &src) || jr_type(src) != '{' || !jr_member(src, "warc", &v)) return 0;
    if (!(j->member = malloc(9 + src.n + 1))) return -1;
    memcpy(j->member, "\"source\":", 9);
    memcpy(j->member + 9, src.s, src.n);
    j->member[9 + src.n] = 0;
    tifa_options_init(&j->opt);
    j->opt.input = jr_member(root, "page", &v) && jr_type(v) == '{' ? TIFA_INPUT_HTML : TIFA_INPUT_TEXT;
    int oom = 0;
    char *enc = jr_member(root, "encoding", &v) ? jr_string(v, NULL, &oom) : NULL;
    /* UTF-16 is only believed from a byte-order mark, which is still there. */
    if (enc && strncmp(enc, "utf-16", 6) && tifa_encoding_parse(enc, &j->opt.encoding) != TIFA_OK)
        j->opt.encoding = TIFA_ENC_AUTO;
    free(enc);
    j->page = 1;
    return oom ? -1 : 0;
}

/* The document's name, raw bytes and how to read them, into j. SQLITE_OK
 * (j->error set when there is no such document), or SQLite's error. */
static int read_job(run *r, job *j) {
    sqlite3_stmt *st = corpus_cached(r->c, &r->read_raw, "SELECT file, raw, record FROM doc WHERE id = ?");
    if (!st) return SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, j->id);
    int rc = sqlite3_step(st), oom = 0;
    if (rc == SQLITE_DONE) {
        char msg[64];
        snprintf(msg, sizeof msg, "no document %lld in the corpus", (long long)j->id);
        if (!(j->error = strdup(msg))) oom = 1;
        j->status = TIFA_EINPUT;
    } else if (rc == SQLITE_ROW) {
        j->file = column_copy(st, 0, NULL, &oom);
        j->raw = column_copy(st, 1, &j->len, &oom);
        const char *rec = sqlite3_column_blob(st, 2);
        if (!oom && rec && archive_page(rec, (size_t)sqlite3_column_bytes(st, 2), j)) oom = 1;
        if (!j->file || !j->raw) oom = 1;
    }
    sqlite3_reset(st);
    if (oom) return SQLITE_NOMEM;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void job_free(job *j) {
    free(j->file);
    free(j->raw);
    free(j->member);
    free(j->error);
    tifa_prepared_free(j->p);
    memset(j, 0, sizeof *j);
}

/* ---------------------------------------------------------- extracting */

static void extract_job(job *j) {
    if (j->error || !j->raw) return;
    tifa_error e = {0};
    j->status = corpus_prepare_page(j->page ? &j->opt : NULL, j->file, j->raw, j->len, j->member, &j->p, &e);
    if (j->status != TIFA_OK && j->status != TIFA_ENOMEM) {
        /* add's reasons end in "not stored": here the document stays as it is */
        size_t n = strlen(e.message), tail = strlen(": not stored");
        if (n >= tail && !strcmp(e.message + n - tail, ": not stored")) e.message[n - tail] = 0;
        char msg[sizeof e.message + 32];
        snprintf(msg, sizeof msg, "%s: left as it is", e.message[0] ? e.message : "refused");
        if (!(j->error = strdup(msg))) j->status = TIFA_ENOMEM;
    }
    free(j->raw); /* stored already, and never rewritten */
    j->raw = NULL;
    if (j->p) {
        free(j->p->bytes); /* the pipeline's copy of them */
        j->p->bytes = NULL;
    }
}

static void *worker(void *arg) {
    batch *b = arg;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        size_t i = b->next < b->n ? b->next++ : b->n;
        pthread_mutex_unlock(&b->lock);
        if (i == b->n) return NULL;
        extract_job(&b->v[i]);
    }
}

/* Every job of the batch extracted, on `jobs` threads (this one too). */
static void extract_batch(batch *b, int jobs) {
    pthread_t t[MAX_THREADS];
    int started = 0;
    b->next = 0;
    for (int k = 1; k < jobs && k < MAX_THREADS && (size_t)k < b->n; k++)
        if (pthread_create(&t[started], NULL, worker, b) == 0) started++;
    worker(b);
    for (int k = 0; k < started; k++) pthread_join(t[k], NULL);
}

/* ---------------------------------------------------------- the stored */

static void stored_free(stored *s) {
    free(s->record);
    free(s->clean);
    for (int i = 0; i < 4; i++) free(s->cols[i]);
    for (int i = 0; i < NCORRECTED; i++) {
        free(s->value[i]);
        free(s->autov[i]);
    }
    memset(s, 0, sizeof *s);
}

static int read_corrections(run *r, int64_t id, stored *s) {
    sqlite3_stmt *st =
        corpus_cached(r->c, &r->read_corrections, "SELECT field, value, auto FROM correction WHERE doc = ?");
    if (!st) return SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, id);
    int rc, oom = 0;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *f = corpus_text(st, 0, &oom);
        for (int i = 0; f && i < NCORRECTED; i++)
            if (!strcmp(f, corrected_fields[i])) {
                s->corrected[i] = 1;
                s->value[i] = column_copy(st, 1, NULL, &oom);
                s->autov[i] = column_copy(st, 2, NULL, &oom);
            }
    }
    sqlite3_reset(st);
    return oom ? SQLITE_NOMEM : rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The stored row of document id: SQLITE_OK, SQLITE_DONE when there is
 * none, or SQLite's error. Copied out, since it is rewritten next. */
static int read_stored(run *r, int64_t id, stored *s) {
    sqlite3_stmt *st =
        corpus_cached(r->c, &r->read_row,
                      "SELECT record, clean, date, meeting, org, title, article, coalesce(duplicate_of, 0), simhash,"
                      " sketch FROM doc WHERE id = ?");
    if (!st) return SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st), oom = 0;
    if (rc == SQLITE_ROW) {
        s->record = column_copy(st, 0, &s->record_len, &oom);
        s->clean = column_copy(st, 1, &s->clean_len, &oom);
        for (int i = 0; i < 4; i++) s->cols[i] = column_copy(st, 2 + i, NULL, &oom);
        s->article = sqlite3_column_int64(st, 6);
        s->dup_of = sqlite3_column_int64(st, 7);
        s->simhash = (uint64_t)sqlite3_column_int64(st, 8);
        s->has_sketch = sqlite3_column_bytes(st, 9) == SKETCH_BYTES;
        if (s->has_sketch) memcpy(s->sketch, sqlite3_column_blob(st, 9), SKETCH_BYTES);
        if (!oom && (!s->record || !s->clean)) oom = 1; /* both NOT NULL */
    }
    sqlite3_reset(st);
    if (oom) return SQLITE_NOMEM;
    if (rc != SQLITE_ROW) return rc;
    return read_corrections(r, id, s);
}

/* The automatic value of correctable field i as stored: the column, or
 * what a correction of it overrides. Only the first three are columns. */
static const char *stored_auto(const stored *s, int i) { return s->corrected[i] ? s->autov[i] : s->cols[i]; }

static int same_text(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

/* How the new document differs from the stored one. */
typedef struct {
    int record, clean, fingerprints, columns;
    char *old_record; /* the stored record as extract wrote it (article texts put back) */
} difference;

/* 0 when compared (d filled), -1 when memory ran out. */
static int compare(const stored *s, const tifa_prepared *p, difference *d) {
    memset(d, 0, sizeof *d);
    size_t n;
    d->old_record = record_expand(s->record, s->record_len, s->clean, s->clean_len, &n);
    if (!d->old_record) return -1;
    d->record = n != strlen(p->record) || memcmp(d->old_record, p->record, n);
    d->clean = s->clean_len != p->clean_len || memcmp(s->clean, p->clean, p->clean_len);
    unsigned char k[SKETCH_BYTES];
    nearcopy_pack(&p->sketch, k);
    d->fingerprints = s->simhash != p->simhash || !s->has_sketch || memcmp(s->sketch, k, SKETCH_BYTES);
    const doc_summary *m = &p->sum;
    d->columns = !same_text(stored_auto(s, 0), m->date) || !same_text(stored_auto(s, 1), m->meeting) ||
                 !same_text(stored_auto(s, 2), m->org) || !same_text(s->cols[3], m->title) ||
                 s->article != (int64_t)m->article;
    return 0;
}

static int differs(const difference *d) { return d->record || d->clean || d->fingerprints || d->columns; }

/* ------------------------------------------------------------ reporting */

/* Tells fn; a non-zero answer stops the run. */
static void tell(run *r, int64_t id, const char *field, const char *before, const char *after, const char *corrected,
                 const char *message) {
    if (!r->fn || r->stop) return;
    tifa_reextract_change ch = {id, field, before, after, corrected, message};
    r->told++;
    if (r->fn(r->user, &ch)) r->stop = 1;
}

/* The JSON of two values, or of what two paths give in two records, and
 * tells fn when they differ. SQLITE_OK or SQLite's error. */
static int tell_pair(run *r, int64_t id, const char *field, sqlite3_stmt *st, const char *corrected) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *a = corpus_col(st, 0), *b = corpus_col(st, 1);
        if (!a || !b)
            rc = SQLITE_NOMEM;
        else if (strcmp(a, b))
            tell(r, id, field, a, b, corrected, NULL);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? SQLITE_OK : rc == SQLITE_DONE ? SQLITE_ERROR : rc;
}

/* The value of correction i (an index of corrected_fields) as JSON, into
 * *out (malloc'd); NULL when the field holds no correction (or i < 0). */
static int corrected_json(run *r, const stored *s, int i, char **out) {
    *out = NULL;
    if (i < 0 || !s->corrected[i]) return SQLITE_OK;
    sqlite3_stmt *st = corpus_cached(r->c, &r->quote, "SELECT json_quote(?1)");
    if (!st) return SQLITE_ERROR;
    if (s->value[i])
        sqlite3_bind_text(st, 1, s->value[i], -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 1);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && !(*out = strdup(corpus_col(st, 0) ? corpus_col(st, 0) : "null"))) rc = SQLITE_NOMEM;
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* The columns: date, name, org and title (the automatic values). */
static int tell_columns(run *r, int64_t id, const stored *s, const doc_summary *m) {
    static const char *const names[4] = {"date", "name", "org", "title"};
    const char *now[4] = {m->date, m->meeting, m->org, m->title};
    sqlite3_stmt *st = corpus_cached(r->c, &r->values, "SELECT json_quote(?1), json_quote(?2)");
    int rc = st ? SQLITE_OK : SQLITE_ERROR;
    for (int i = 0; i < 4 && rc == SQLITE_OK; i++) {
        const char *was = i < 3 ? stored_auto(s, i) : s->cols[3];
        if (same_text(was, now[i])) continue;
        char *corr = NULL;
        if (i < 3) rc = corrected_json(r, s, i, &corr);
        sqlite3_bind_text(st, 1, was, -1, SQLITE_STATIC); /* NULL binds NULL */
        sqlite3_bind_text(st, 2, now[i], -1, SQLITE_STATIC);
        if (rc == SQLITE_OK) rc = tell_pair(r, id, names[i], st, corr);
        free(corr);
    }
    return rc;
}

static void article_path(char *buf, size_t cap, int64_t main_article, const char *rel) {
    snprintf(buf, cap, "$.articles[%lld]%s", (long long)main_article, rel);
}

/* The main meeting's fields, each from its main article in either record. */
static int tell_record_fields(run *r, int64_t id, const stored *s, const difference *d, const tifa_prepared *p) {
    sqlite3_stmt *st =
        corpus_cached(r->c, &r->paths, "SELECT json_quote(json_extract(?1, ?2)), json_quote(json_extract(?3, ?4))");
    if (!st) return SQLITE_ERROR;
    int rc = SQLITE_OK;
    for (size_t i = 0; i < sizeof record_fields / sizeof record_fields[0] && rc == SQLITE_OK; i++) {
        char was[64], now[64], *corr = NULL;
        article_path(was, sizeof was, s->article, record_fields[i].path);
        article_path(now, sizeof now, (int64_t)p->sum.article, record_fields[i].path);
        rc = corrected_json(r, s, record_fields[i].correction, &corr);
        sqlite3_bind_text(st, 1, d->old_record, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, was, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, p->record, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
        if (rc == SQLITE_OK) rc = tell_pair(r, id, record_fields[i].field, st, corr);
        free(corr);
    }
    return rc;
}

/* Whether the records differ beyond what the fields reported: other
 * articles, the texts, spans, bylines. -1 on an error. */
static int other_parts_differ(run *r, const stored *s, const difference *d, const tifa_prepared *p) {
    if (!r->other) {
        char sql[512], *w = sql;
        w += sprintf(w, "SELECT json_remove(?1");
        for (size_t i = 0; i < NPARTS; i++) w += sprintf(w, ", ?%zu", 3 + i);
        w += sprintf(w, ") IS NOT json_remove(?2");
        for (size_t i = 0; i < NPARTS; i++) w += sprintf(w, ", ?%zu", 3 + NPARTS + i);
        sprintf(w, ")");
        if (sqlite3_prepare_v2(r->c->db, sql, -1, &r->other, NULL) != SQLITE_OK) return -1;
    }
    sqlite3_stmt *st = r->other;
    char paths[2 * NPARTS][64];
    sqlite3_bind_text(st, 1, d->old_record, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, p->record, -1, SQLITE_STATIC);
    for (size_t i = 0; i < NPARTS; i++) {
        article_path(paths[i], 64, s->article, main_parts[i]);
        article_path(paths[NPARTS + i], 64, (int64_t)p->sum.article, main_parts[i]);
        sqlite3_bind_text(st, (int)(3 + i), paths[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, (int)(3 + NPARTS + i), paths[NPARTS + i], -1, SQLITE_STATIC);
    }
    int rc = sqlite3_step(st), other = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    return other;
}

/* Every field that differs, to fn; "other" when the record differs
 * beyond them, or when nothing else was told (a changed document is never
 * silent). SQLITE_OK or SQLite's error. */
static int tell_fields(run *r, int64_t id, const stored *s, const difference *d, const tifa_prepared *p) {
    int64_t before = r->told;
    int rc = tell_columns(r, id, s, &p->sum);
    char a[32], b[32];
    if (rc == SQLITE_OK && s->article != (int64_t)p->sum.article) {
        snprintf(a, sizeof a, "%lld", (long long)s->article);
        snprintf(b, sizeof b, "%zu", p->sum.article);
        tell(r, id, "article", a, b, NULL, NULL);
    }
    if (rc == SQLITE_OK && d->record) rc = tell_record_fields(r, id, s, d, p);
    if (rc == SQLITE_OK && d->record) {
        sqlite3_stmt *st = corpus_cached(
            r->c, &r->count, "SELECT json_array_length(?1, '$.articles'), json_array_length(?2, '$.articles')");
        if (!st) return SQLITE_ERROR;
        sqlite3_bind_text(st, 1, d->old_record, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, p->record, -1, SQLITE_STATIC);
        rc = tell_pair(r, id, "articles", st, NULL);
    }
    if (rc == SQLITE_OK && d->clean) {
        snprintf(a, sizeof a, "%zu", s->clean_len);
        snprintf(b, sizeof b, "%zu", p->clean_len);
        tell(r, id, "text", a, b, NULL, NULL);
    }
    if (rc == SQLITE_OK && d->fingerprints && !d->clean) tell(r, id, "fingerprints", NULL, NULL, NULL, NULL);
    int other = rc == SQLITE_OK && d->record ? other_parts_differ(r, s, d, p) : 0;
    if (other < 0) return SQLITE_ERROR;
    if (rc == SQLITE_OK && (other || r->told == before)) tell(r, id, "other", NULL, NULL, NULL, NULL);
    return rc;
}

/* ------------------------------------------------------------- writing */

static int step_done(sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The search index entry of a first copy, from the old clean text to the
 * new (external content: FTS5 is told the text it indexed). */
static int rewrite_index(run *r, int64_t id, const stored *s, const tifa_prepared *p) {
    sqlite3_stmt *del =
        corpus_cached(r->c, &r->fts_delete, "INSERT INTO doc_fts(doc_fts, rowid, clean) VALUES('delete', ?, ?)");
    if (!del) return SQLITE_ERROR;
    sqlite3_bind_int64(del, 1, id);
    sqlite3_bind_text64(del, 2, s->clean, s->clean_len, SQLITE_STATIC, SQLITE_UTF8);
    int rc = step_done(del);
    if (rc != SQLITE_OK) return rc;
    sqlite3_stmt *ins = corpus_cached(r->c, &r->fts_insert, "INSERT INTO doc_fts(rowid, clean) VALUES(?, ?)");
    if (!ins) return SQLITE_ERROR;
    sqlite3_bind_int64(ins, 1, id);
    sqlite3_bind_text64(ins, 2, p->clean, p->clean_len, SQLITE_STATIC, SQLITE_UTF8);
    return step_done(ins);
}

/* A copy's kind follows its clean text, as tifa add would decide it now;
 * the link to its first copy stays. An exact copy whose text no other
 * document of the readout has any more becomes a near copy (tifa check
 * holds an exact copy to its text); a near copy whose text is now the
 * first copy's, or an exact copy's, becomes exact. */
static int relabel_copies(run *r, int64_t readout) {
    sqlite3_stmt *st = corpus_cached(
        r->c, &r->relabel,
        "UPDATE doc SET copy = CASE WHEN copy = 'exact' THEN 'near' ELSE 'exact' END WHERE duplicate_of = ?1 AND"
        " CASE copy WHEN 'exact' THEN NOT EXISTS (SELECT 1 FROM doc e WHERE e.clean_sha256 = doc.clean_sha256"
        "  AND e.id <> doc.id AND (e.id = ?1 OR e.duplicate_of = ?1))"
        " ELSE EXISTS (SELECT 1 FROM doc e WHERE e.clean_sha256 = doc.clean_sha256 AND e.id <> doc.id"
        "  AND (e.id = ?1 OR (e.duplicate_of = ?1 AND e.copy = 'exact'))) END");
    if (!st) return SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, readout);
    return step_done(st);
}

/* The new record and what derives from it, in place of the old. */
static int rewrite(run *r, int64_t id, const stored *s, const difference *d, const tifa_prepared *p) {
    sqlite3_stmt *st = corpus_cached(r->c, &r->write_row,
                                     "UPDATE doc SET record = ?1, clean = ?2, clean_sha256 = ?3, simhash = ?4,"
                                     " sketch = ?5, title = ?6, article = ?7 WHERE id = ?8");
    if (!st) return SQLITE_ERROR;
    unsigned char k[SKETCH_BYTES];
    nearcopy_pack(&p->sketch, k);
    sqlite3_bind_text(st, 1, p->stored_record ? p->stored_record : p->record, -1, SQLITE_STATIC);
    sqlite3_bind_text64(st, 2, p->clean, p->clean_len, SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_text(st, 3, p->clean_hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)p->simhash);
    sqlite3_bind_blob(st, 5, k, SKETCH_BYTES, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, p->sum.title, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)p->sum.article);
    sqlite3_bind_int64(st, 8, id);
    int rc = step_done(st);
    const char *autos[3] = {p->sum.date, p->sum.meeting, p->sum.org};
    if (rc == SQLITE_OK) rc = corpus_correct_rebase(r->c, id, autos);
    if (rc == SQLITE_OK && !s->dup_of && d->clean) rc = rewrite_index(r, id, s, p);
    if (rc == SQLITE_OK && !s->dup_of && d->fingerprints) {
        st = corpus_cached(r->c, &r->near, "INSERT OR REPLACE INTO near_index(id, simhash, sketch) VALUES(?, ?, ?)");
        if (!st) return SQLITE_ERROR;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)p->simhash);
        sqlite3_bind_blob(st, 3, k, SKETCH_BYTES, SQLITE_STATIC);
        rc = step_done(st);
        r->first_rewritten = 1;
    }
    if (rc == SQLITE_OK && d->clean) rc = relabel_copies(r, s->dup_of ? s->dup_of : id);
    return rc;
}

/* One extracted document against its stored row: counted, told, and
 * (unless a dry run) rewritten when it differs. SQLITE_OK or SQLite's
 * error (the batch is then lost). */
static int settle(run *r, job *j) {
    tifa_reextract_stats *n = &r->batch_counts;
    stored s = {0};
    int rc = read_stored(r, j->id, &s);
    if (rc == SQLITE_DONE) { /* gone since it was read: no tifa command deletes one */
        n->failed++;
        tell(r, j->id, NULL, NULL, NULL, NULL, "no document of this id in the corpus any more");
        return SQLITE_OK;
    }
    difference d = {0};
    if (rc == SQLITE_OK && compare(&s, j->p, &d)) rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK) {
        n->reextracted++;
        if (!differs(&d)) {
            n->unchanged++;
        } else {
            n->changed++;
            if (r->flags & TIFA_REEXTRACT_FIELDS) rc = tell_fields(r, j->id, &s, &d, j->p);
            if (rc == SQLITE_OK && !(r->flags & TIFA_REEXTRACT_DRY_RUN)) rc = rewrite(r, j->id, &s, &d, j->p);
        }
    }
    free(d.old_record);
    stored_free(&s);
    return rc;
}

/* ------------------------------------------------------------- the run */

static int cmp_id(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Which documents: the ids given (sorted, each once), or every stored one. */
typedef struct {
    int64_t *ids; /* NULL: every document */
    size_t n, next;
    int64_t last; /* every document: the last id taken */
} cursor;

static int cursor_init(cursor *k, const int64_t *ids, size_t n) {
    memset(k, 0, sizeof *k);
    if (!ids) return 0;
    if (!(k->ids = malloc((n ? n : 1) * sizeof *k->ids))) return -1;
    if (n) memcpy(k->ids, ids, n * sizeof *ids);
    qsort(k->ids, n, sizeof *k->ids, cmp_id);
    for (size_t i = 0; i < n; i++)
        if (!k->n || k->ids[k->n - 1] != k->ids[i]) k->ids[k->n++] = k->ids[i];
    return 0;
}

/* The next document's id: 1 with *id, 0 at the end, -1 on an error. A
 * document added meanwhile (by another writer) comes too. */
static int cursor_next(run *r, cursor *k, int64_t *id) {
    if (k->ids) {
        if (k->next == k->n) return 0;
        *id = k->ids[k->next++];
        return 1;
    }
    sqlite3_stmt *st = corpus_cached(r->c, &r->next_id, "SELECT min(id) FROM doc WHERE id > ?");
    if (!st) return -1;
    sqlite3_bind_int64(st, 1, k->last);
    int rc = sqlite3_step(st), found = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
    if (found) *id = k->last = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc != SQLITE_ROW ? -1 : found;
}

/* Reads the next batch into b (b->n: 0 at the end). SQLite's error, or SQLITE_OK. */
static int fill_batch(run *r, cursor *k, batch *b, size_t per) {
    size_t bytes = 0;
    b->n = 0;
    while (b->n < per && bytes < BATCH_BYTES) {
        int64_t id;
        int got = cursor_next(r, k, &id);
        if (got < 0) return sqlite3_errcode(r->c->db) == SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
        if (!got) break;
        job *j = &b->v[b->n++];
        j->id = id;
        int rc = read_job(r, j);
        if (rc != SQLITE_OK) return rc;
        bytes += j->len;
    }
    return SQLITE_OK;
}

static int exec(tifa_corpus *c, const char *sql) { return sqlite3_exec(c->db, sql, NULL, NULL, NULL); }

/* The batch's documents compared with the corpus (and, unless a dry run,
 * rewritten) in one transaction under the write lock, and counted once
 * it is committed. */
static tifa_status settle_batch(run *r, batch *b, tifa_reextract_stats *stats, tifa_error *err) {
    int dry = (r->flags & TIFA_REEXTRACT_DRY_RUN) != 0;
    tifa_reextract_stats *n = &r->batch_counts;
    memset(n, 0, sizeof *n);
    for (size_t i = 0; i < b->n; i++)
        if (b->v[i].status == TIFA_ENOMEM) return no_memory(err); /* no document's fault */
    int rc = exec(r->c, dry ? "BEGIN" : "BEGIN IMMEDIATE");
    for (size_t i = 0; i < b->n && rc == SQLITE_OK && !r->stop; i++) {
        job *j = &b->v[i];
        n->documents++;
        if (j->error) {
            n->failed++;
            tell(r, j->id, NULL, NULL, NULL, NULL, j->error);
        } else {
            rc = settle(r, j);
        }
    }
    if (rc == SQLITE_OK) rc = exec(r->c, "COMMIT");
    if (rc == SQLITE_OK) {
        stats->documents += n->documents;
        stats->reextracted += n->reextracted;
        stats->changed += n->changed;
        stats->unchanged += n->unchanged;
        stats->failed += n->failed;
        return TIFA_OK;
    }
    tifa_status st = rc == SQLITE_NOMEM
                         ? no_memory(err)
                         : tifa_fail(err, TIFA_EBATCH, 0,
                                     "rewriting documents %lld to %lld: %s; those were rolled back "
                                     "(the ones before them are stored)",
                                     (long long)b->v[0].id, (long long)b->v[b->n - 1].id, sqlite3_errmsg(r->c->db));
    if (!sqlite3_get_autocommit(r->c->db)) exec(r->c, "ROLLBACK");
    stats->documents += n->documents ? n->documents : (int64_t)b->n;
    stats->failed += n->documents ? n->documents : (int64_t)b->n;
    return st;
}

static void run_end(run *r) {
    sqlite3_stmt *all[] = {r->next_id,    r->read_raw, r->read_row, r->read_corrections, r->write_row, r->fts_delete,
                           r->fts_insert, r->near,     r->relabel,  r->values,           r->paths,     r->quote,
                           r->count,      r->other};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) sqlite3_finalize(all[i]);
}

tifa_status tifa_corpus_reextract(tifa_corpus *c, const int64_t *ids, size_t n, unsigned flags, int jobs,
                                  tifa_reextract_fn fn, void *user, tifa_reextract_stats *stats, tifa_error *err) {
    tifa_reextract_stats none;
    if (!stats) stats = &none;
    memset(stats, 0, sizeof *stats);
    if (c->readonly && !(flags & TIFA_REEXTRACT_DRY_RUN))
        return tifa_fail(err, TIFA_EUSAGE, 0, "the corpus is open read-only");
    /* Whatever an add left open is committed first. */
    tifa_status st = tifa_corpus_commit(c, err);
    if (st != TIFA_OK) return st;
    run r = {.c = c, .flags = flags, .fn = fn, .user = user};
    cursor k;
    size_t per = c->batch > 0 && c->batch < BATCH_DOCS ? (size_t)c->batch : BATCH_DOCS;
    batch b = {.v = calloc(per, sizeof(job))};
    if (!b.v || cursor_init(&k, ids, n)) {
        free(b.v);
        return no_memory(err);
    }
    pthread_mutex_init(&b.lock, NULL);
    while (st == TIFA_OK && !r.stop) {
        int rc = fill_batch(&r, &k, &b, per);
        if (rc != SQLITE_OK) {
            st = rc == SQLITE_NOMEM ? no_memory(err) : corpus_fail(c, err, "reading the documents");
        } else if (b.n == 0) {
            break;
        } else {
            extract_batch(&b, jobs);
            st = settle_batch(&r, &b, stats, err);
        }
        for (size_t i = 0; i < per; i++) job_free(&b.v[i]);
    }
    /* New fingerprints of first copies: what this handle compares new
     * documents with is read again (another process adding meanwhile
     * compares with the old ones until it opens the corpus again). */
    tifa_error reload_err = {0};
    if (r.first_rewritten && corpus_reload_first_copies(c, &reload_err) != TIFA_OK && st == TIFA_OK) {
        if (err) *err = reload_err;
        st = reload_err.code;
    }
    pthread_mutex_destroy(&b.lock);
    free(b.v);
    free(k.ids);
    run_end(&r);
    return st;
}
