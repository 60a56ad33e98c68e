/*
 * cli/records: tifa add --records and tifa add --warc. Records made
 * elsewhere (tifa extract --with-raw, the parts of python3 -m tifa.dask)
 * are read a line at a time, plain or gzip, prepared through
 * tifa_corpus_prepare_record on --jobs threads (no cleaning, no
 * extraction: the JSON, the bytes, their SHA-256 and the search among the
 * committed first copies, which grows with the corpus) and stored in
 * order on the calling thread, as tifa add does with files. The pages of
 * web archives are read, cleaned and extracted through
 * tifa_warc_pages_next on one thread and stored the same way.
 *
 * Results are counted when their batch is committed, as tifa add counts
 * them. A batch the corpus rolls back is not tried again here (its records
 * are named as failed, by file and line): adding the same records again
 * stores those and skips the others as identical.
 */
#define _DEFAULT_SOURCE /* scandir, alphasort */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "cli.h"
#include "cli/records.h"
#include "sbuf.h"

/* A line of a record file, read through zlib (plain files read as they are). */
typedef struct {
    gzFile gz;
    sbuf buf; /* buf.s[pos..buf.len) not yet returned */
    size_t pos;
    int eof;
} line_reader;

/* The next line, without its newline, in *line (valid until the next
 * call); 1, 0 at the end, -1 on a read error or no memory. */
static int next_line(line_reader *r, const char **line, size_t *n) {
    sbuf *b = &r->buf;
    for (size_t scanned = r->pos;;) {
        char *nl = b->len > scanned ? memchr(b->s + scanned, '\n', b->len - scanned) : NULL;
        if (nl || (r->eof && r->pos < b->len)) {
            size_t end = nl ? (size_t)(nl - b->s) : b->len;
            *line = b->s + r->pos;
            *n = end - r->pos;
            r->pos = nl ? end + 1 : end;
            return 1;
        }
        if (r->eof) return 0;
        scanned = b->len;
        if (r->pos) { /* drop what was returned before reading more */
            sbuf_drop(b, r->pos);
            scanned -= r->pos;
            r->pos = 0;
        }
        /* 64 KB at least to read into: 1 MB at first, then twice as much. */
        if (b->room < (1u << 16) && sbuf_reserve(b, b->cap ? b->cap : 1u << 20)) return -1;
        int got = gzread(r->gz, b->s + b->len, (unsigned)(b->room < (1u << 30) ? b->room : 1u << 30));
        if (got < 0) return -1;
        sbuf_added(b, (size_t)got);
        r->eof = got == 0;
    }
}

/* A record file, or the record files of a folder: *.jsonl and *.jsonl.gz
 * in name order (the Dask runner's parts in shard order), but its
 * manifest.jsonl and failed.jsonl. */
static int record_file_name(const char *name) {
    size_t n = strlen(name);
    if (!strcmp(name, "manifest.jsonl") || !strcmp(name, "failed.jsonl")) return 0;
    return (n > 6 && !strcmp(name + n - 6, ".jsonl")) || (n > 9 && !strcmp(name + n - 9, ".jsonl.gz"));
}

static int keep_entry(const struct dirent *d) { return record_file_name(d->d_name); }

typedef struct {
    tifa_corpus *c;
    int tty;
    size_t counts[5]; /* added, duplicates, near, identical (tifa_add_result), failed */
    /* The records handed to the corpus since the last commit: their place
     * (file, line) and result, counted at the commit. */
    struct pending {
        char *where;
        int result;
    } *open;
    size_t nopen, cap;
} ingest;

static void failed(ingest *g, const char *where, const char *msg) {
    fprintf(stderr, "%stifa: %s: %s\n", g->tty ? "\r" : "", SHOWN(where), msg);
    g->counts[4]++;
}

static void settle(ingest *g) {
    for (size_t k = 0; k < g->nopen; k++) {
        g->counts[g->open[k].result]++;
        free(g->open[k].where);
    }
    g->nopen = 0;
}

/* The open batch was rolled back: its records are named as not stored. */
static void lost(ingest *g, const char *why) {
    char msg[400];
    snprintf(msg, sizeof msg, "not stored (%s)", why);
    for (size_t k = 0; k < g->nopen; k++) {
        failed(g, g->open[k].where, msg);
        free(g->open[k].where);
    }
    g->nopen = 0;
}

static int remember(ingest *g, const char *where, int result) {
    if (g->nopen == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 256;
        struct pending *p = realloc(g->open, cap * sizeof *p);
        if (!p) return -1;
        g->open = p;
        g->cap = cap;
    }
    if (!(g->open[g->nopen].where = strdup(where))) return -1;
    g->open[g->nopen++].result = result;
    return 0;
}

/* A prepared document stored, or named as failed. */
static void store(ingest *g, const char *where, const tifa_prepared *p) {
    tifa_error err = {0};
    tifa_add_result result;
    int64_t id;
    tifa_status st = tifa_corpus_add_prepared(g->c, p, &result, &id, &err);
    if (st == TIFA_EBATCH) {
        failed(g, where, err.message);
        lost(g, err.message);
    } else if (st != TIFA_OK) {
        failed(g, where, err.message);
    } else if (remember(g, where, (int)result)) {
        failed(g, where, "out of memory");
    } else if (tifa_corpus_uncommitted(g->c) == 0) {
        settle(g);
    }
}

/* ------------------------------------------------------------ the feed */

/* The lines of the inputs, in order: folders opened into their record
 * files, files read a line at a time. A job is a record (its place and
 * its line) or a message about an input that could not be read, told in
 * its place among the records. */
typedef struct {
    char *where; /* FILE:LINE; NULL: text is a message about an input */
    char *text;  /* the line, then the reason it was refused (or NULL) */
    size_t len;
    tifa_prepared *prep;
    int done;
} job;

typedef struct {
    char *const *inputs;
    size_t n, next_input;
    char *dir; /* the folder being read, its record files in names */
    struct dirent **names;
    int nnames, next_name;
    line_reader r; /* the file being read (r.gz), or none */
    char *name;
    size_t number;
} feed;

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...) {
    char buf[4400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return strdup(buf);
}

static void close_file(feed *f) {
    if (f->r.gz) gzclose(f->r.gz);
    sbuf_free(&f->r.buf);
    memset(&f->r, 0, sizeof f->r);
    free(f->name);
    f->name = NULL;
}

static void close_dir(feed *f) {
    for (int i = 0; i < f->nnames; i++) free(f->names[i]);
    free(f->names);
    free(f->dir);
    f->names = NULL;
    f->dir = NULL;
    f->nnames = f->next_name = 0;
}

/* Opens a record file: NULL, or the message saying why it cannot be read. */
static char *open_file(feed *f, const char *path) {
    int fd = !strcmp(path, "-") ? dup(0) : open(path, O_RDONLY);
    gzFile gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
    if (!gz) {
        char *msg = format("tifa: %s: %s", SHOWN(path), fd < 0 ? strerror(errno) : "out of memory");
        if (fd >= 0) close(fd);
        return msg ? msg : strdup("tifa: out of memory");
    }
    f->r.gz = gz;
    f->name = strdup(strcmp(path, "-") ? path : "(standard input)");
    f->number = 0;
    return f->name ? NULL : strdup("tifa: out of memory");
}

/* The next line of the file being read as a job: 1 a job, 0 the file has
 * ended (closed). */
static int next_record(feed *f, job *j) {
    const char *line;
    size_t n;
    int rc;
    while ((rc = next_line(&f->r, &line, &n)) == 1) {
        f->number++;
        if (!n || (n == 1 && line[0] == '\r')) continue;
        if (!(j->where = format("%s:%zu", f->name, f->number))) {
            j->text = strdup("tifa: out of memory");
            return 1;
        }
        j->text = malloc(n + 1);
        if (j->text) memcpy(j->text, line, n), j->text[n] = 0;
        j->len = n;
        return 1;
    }
    if (rc < 0) {
        int e;
        const char *why = gzerror(f->r.gz, &e);
        j->text = format("tifa: %s: after line %zu: %s", SHOWN(f->name), f->number, e ? why : "out of memory");
    }
    close_file(f);
    return rc < 0;
}

/* The next job: 1, or 0 when every input has been read. */
static int feed_next(feed *f, job *j) {
    memset(j, 0, sizeof *j);
    for (;;) {
        if (f->r.gz && next_record(f, j)) return 1;
        if (f->next_name < f->nnames) {
            const char *entry = f->names[f->next_name++]->d_name;
            char *full = format("%s/%s", f->dir, entry);
            j->text = full ? open_file(f, full) : strdup("tifa: out of memory");
            free(full);
            if (j->text) return 1;
            continue;
        }
        close_dir(f);
        if (f->next_input == f->n) return 0;
        const char *path = f->inputs[f->next_input++];
        struct stat st;
        if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            f->nnames = scandir(path, &f->names, keep_entry, alphasort);
            if (f->nnames < 0) {
                f->nnames = 0;
                j->text = format("tifa: %s: %s", SHOWN(path), strerror(errno));
                return 1;
            }
            f->dir = strdup(path);
            continue;
        }
        if ((j->text = open_file(f, path))) return 1;
    }
}

/* ------------------------------------------------------------ the pool */

/* Records are prepared by worker threads (tifa_corpus_prepare_record:
 * the JSON, the bytes, their SHA-256 and the near-copy search among the
 * committed first copies) and stored in order by the calling thread, at
 * most WINDOW records and about WINDOW_BYTES of lines ahead. The feed is
 * read by the workers, one at a time. */
#define WINDOW       1024
#define WINDOW_BYTES (64u << 20)

typedef struct {
    feed f;
    tifa_corpus *c;
    job slots[WINDOW];
    size_t next_job, stored, ahead_bytes;
    int ended; /* the feed has no more jobs: next_job is their number */
    pthread_mutex_t lock;
    pthread_cond_t changed;
} pool;

static void prepare(const tifa_corpus *c, job *j) {
    if (!j->where || !j->text) { /* a message, or no memory for the line */
        if (j->where) j->text = strdup("out of memory");
        return;
    }
    tifa_error err = {0};
    if (tifa_corpus_prepare_record(c, j->text, j->len, &j->prep, &err) == TIFA_OK) {
        free(j->text);
        j->text = NULL;
        return;
    }
    free(j->text);
    j->text = strdup(err.message);
}

static void *worker(void *arg) {
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (!p->ended && (p->next_job >= p->stored + WINDOW ||
                             (p->ahead_bytes >= WINDOW_BYTES && p->next_job > p->stored)))
            pthread_cond_wait(&p->changed, &p->lock);
        job j;
        if (p->ended || !feed_next(&p->f, &j)) {
            p->ended = 1;
            pthread_cond_broadcast(&p->changed);
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        size_t id = p->next_job++;
        p->ahead_bytes += j.len;
        pthread_mutex_unlock(&p->lock);
        prepare(p->c, &j);
        j.done = 1;
        pthread_mutex_lock(&p->lock);
        p->slots[id % WINDOW] = j;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
}

/* Takes job i when it is ready: 1, or 0 when there is no job i. */
static int take(pool *p, size_t i, job *out) {
    pthread_mutex_lock(&p->lock);
    job *s = &p->slots[i % WINDOW];
    while (!s->done && !(p->ended && i >= p->next_job)) pthread_cond_wait(&p->changed, &p->lock);
    int got = s->done;
    if (got) {
        *out = *s;
        memset(s, 0, sizeof *s);
        p->ahead_bytes -= out->len;
        p->stored = i + 1;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    return got;
}

/* Every record of the inputs stored (or named); 1 when an input could not
 * be read. */
static int add_inputs(ingest *g, char *const *inputs, size_t n, int jobs) {
    pool *p = calloc(1, sizeof *p);
    if (!p) {
        fprintf(stderr, "tifa: add: out of memory\n");
        return 1;
    }
    p->f.inputs = inputs;
    p->f.n = n;
    p->c = g->c;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->changed, NULL);
    pthread_t threads[64];
    int started = 0, bad = 0;
    for (int t = 0; t < jobs && t < 64; t++)
        if (pthread_create(&threads[t], NULL, worker, p) == 0) started++;
    job j;
    for (size_t i = 0; started && take(p, i, &j); i++) {
        if (!j.where) {
            fprintf(stderr, "%s%s\n", g->tty ? "\r" : "", j.text ? j.text : "tifa: out of memory");
            bad = 1;
        } else if (!j.prep) {
            failed(g, j.where, j.text ? j.text : "out of memory");
        } else {
            store(g, j.where, j.prep);
        }
        free(j.where);
        free(j.text);
        tifa_prepared_free(j.prep);
    }
    for (int t = 0; t < started; t++) pthread_join(threads[t], NULL);
    if (!started) {
        fprintf(stderr, "tifa: add: cannot start threads\n");
        bad = 1;
    }
    close_file(&p->f);
    close_dir(&p->f);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->changed);
    free(p);
    return bad;
}

/* The end of an add: what is open committed, then counted. */
static void finish(ingest *g) {
    tifa_error err = {0};
    if (tifa_corpus_commit(g->c, &err) == TIFA_OK)
        settle(g);
    else
        lost(g, err.message);
    free(g->open);
}

static void print_counts(const ingest *g) {
    fprintf(stderr, "added %zu, duplicates %zu, near-duplicates %zu, identical %zu, failed %zu\n", g->counts[0],
            g->counts[1], g->counts[2], g->counts[3], g->counts[4]);
}

int add_records(tifa_corpus *c, char *const *inputs, size_t n, int jobs) {
    ingest g = {.c = c, .tty = isatty(2)};
    int status = add_inputs(&g, inputs, n, jobs);
    finish(&g);
    print_counts(&g);
    return status || g.counts[4] ? 1 : 0;
}

/* ------------------------------------------------------------ web archives */

/* Every page of one archive, its counts added to sum; 1 when a page was
 * refused or the archive could not be read to its end (each said why). */
static int add_archive(ingest *g, const char *path, tifa_batch_counts *sum) {
    tifa_warc_pages *w;
    tifa_error err = {0};
    if (tifa_warc_pages_open(path, &w, &err) != TIFA_OK) {
        fprintf(stderr, "%stifa: %s\n", g->tty ? "\r" : "", err.message);
        return 1;
    }
    int bad = 0;
    tifa_prepared *p;
    tifa_status st;
    while ((st = tifa_warc_pages_next(w, g->c, &p, &err)) != TIFA_OK || p) {
        if (st != TIFA_OK) {
            fprintf(stderr, "%stifa: %s\n", g->tty ? "\r" : "", err.message);
            bad = 1;
            continue;
        }
        store(g, tifa_warc_pages_where(w), p);
        tifa_prepared_free(p);
    }
    tifa_batch_counts c;
    tifa_warc_pages_counts(w, &c);
    tifa_warc_pages_close(w);
    g->counts[4] += c.failed;
    sum->records += c.records;
    sum->responses += c.responses;
    return bad;
}

int add_warc(tifa_corpus *c, char *const *inputs, size_t n) {
    ingest g = {.c = c, .tty = isatty(2)};
    tifa_batch_counts sum = {0};
    int status = 0;
    for (size_t i = 0; i < n; i++) status |= add_archive(&g, inputs[i], &sum);
    finish(&g);
    fprintf(stderr, "records %llu, responses %llu, ", (unsigned long long)sum.records,
            (unsigned long long)sum.responses);
    print_counts(&g);
    return status || g.counts[4] ? 1 : 0;
}
