/*
 * cli/records: tifa add --records and tifa add --warc. Records made
 * elsewhere (tifa extract --with-raw, the parts of python3 -m tifa.dask)
 * are read a line at a time, plain or gzip, and stored through
 * tifa_corpus_prepare_record: no cleaning, no extraction. One thread:
 * reading a record is a small part of storing it (bench/README.md has the
 * figures). The pages of web archives are read, cleaned and extracted
 * through tifa_warc_pages_next, one thread too, and stored the same way.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "cli.h"
#include "cli/records.h"

/* A line of a record file, read through zlib (plain files read as they are). */
typedef struct {
    gzFile gz;
    char *buf;
    size_t cap, len, pos; /* buf[pos..len) not yet returned */
    int eof;
} line_reader;

/* The next line, without its newline, in *line (valid until the next
 * call); 1, 0 at the end, -1 on a read error or no memory. */
static int next_line(line_reader *r, const char **line, size_t *n) {
    for (size_t scanned = r->pos;;) {
        char *nl = r->len > scanned ? memchr(r->buf + scanned, '\n', r->len - scanned) : NULL;
        if (nl || (r->eof && r->pos < r->len)) {
            size_t end = nl ? (size_t)(nl - r->buf) : r->len;
            *line = r->buf + r->pos;
            *n = end - r->pos;
            r->pos = nl ? end + 1 : end;
            return 1;
        }
        if (r->eof) return 0;
        scanned = r->len;
        if (r->pos) { /* move the unread part down before reading more */
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            scanned -= r->pos;
            r->pos = 0;
        }
        if (r->cap - r->len < (1u << 16)) {
            size_t cap = r->cap ? r->cap * 2 : 1u << 20;
            char *b = realloc(r->buf, cap);
            if (!b) return -1;
            r->buf = b;
            r->cap = cap;
        }
        int got = gzread(r->gz, r->buf + r->len, (unsigned)(r->cap - r->len < (1u << 30) ? r->cap - r->len : 1u << 30));
        if (got < 0) return -1;
        r->len += (size_t)got;
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

/* One line: prepared and stored, or named as failed. */
static void add_line(ingest *g, const char *where, const char *line, size_t n) {
    tifa_prepared *p;
    tifa_error err = {0};
    tifa_add_result result;
    int64_t id;
    if (tifa_corpus_prepare_record(g->c, line, n, &p, &err) != TIFA_OK) {
        failed(g, where, err.message);
        return;
    }
    tifa_status st = tifa_corpus_add_prepared(g->c, p, &result, &id, &err);
    tifa_prepared_free(p);
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

static int add_file(ingest *g, const char *path) {
    int fd = !strcmp(path, "-") ? dup(0) : open(path, O_RDONLY);
    gzFile gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
    if (!gz) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(path), fd < 0 ? strerror(errno) : "out of memory");
        if (fd >= 0) close(fd);
        return 1;
    }
    line_reader r = {gz, NULL, 0, 0, 0, 0};
    const char *line, *name = strcmp(path, "-") ? path : "(standard input)";
    size_t n, number = 0;
    int rc;
    char where[4200];
    while ((rc = next_line(&r, &line, &n)) == 1) {
        number++;
        if (!n || (n == 1 && line[0] == '\r')) continue;
        snprintf(where, sizeof where, "%s:%zu", name, number);
        add_line(g, where, line, n);
    }
    if (rc < 0) {
        int e;
        const char *why = gzerror(gz, &e);
        fprintf(stderr, "tifa: %s: after line %zu: %s\n", SHOWN(name), number, e ? why : "out of memory");
    }
    gzclose(gz);
    free(r.buf);
    return rc < 0;
}

static int add_input(ingest *g, const char *path) {
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        struct dirent **names;
        int n = scandir(path, &names, keep_entry, alphasort), bad = 0;
        if (n < 0) {
            fprintf(stderr, "tifa: %s: %s\n", SHOWN(path), strerror(errno));
            return 1;
        }
        for (int i = 0; i < n; i++) {
            size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
            char *full = malloc(len);
            if (full) snprintf(full, len, "%s/%s", path, names[i]->d_name);
            bad |= full ? add_file(g, full) : 1;
            free(full);
            free(names[i]);
        }
        free(names);
        return bad;
    }
    return add_file(g, path);
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

int add_records(tifa_corpus *c, char *const *inputs, size_t n) {
    ingest g = {.c = c, .tty = isatty(2)};
    int status = 0;
    for (size_t i = 0; i < n; i++) status |= add_input(&g, inputs[i]);
    finish(&g);
    print_counts(&g);
    return status || g.counts[4] ? 1 : 0;
}

/* ------------------------------------------------------------ web archives */

/* One prepared page stored, as add_line stores a record. */
static void add_page(ingest *g, const char *where, tifa_prepared *p) {
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
        add_page(g, tifa_warc_pages_where(w), p);
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
