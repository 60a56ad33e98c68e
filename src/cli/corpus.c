/*
 * cli/corpus: the corpus commands (add, search, list, show, trend, export,
 * stats). Thin like the rest of the CLI: argument parsing and printing over
 * the tifa_corpus_* calls. `diff` lives in cli/diff.c.
 */
#define _DEFAULT_SOURCE /* DT_DIR, DT_REG */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "app/csvout.h"
#include "cli.h"
#include "cli/inputs.h"
#include "cli/records.h"
#include "cli/sources.h"
#include "sbuf.h"

const char *corpus_path(const char *given) {
    if (given) return given;
    const char *env = getenv("TIFA_DB");
    return env && *env ? env : "tifa.db";
}

/* A whole number from 0 (--limit, --offset); 1 when valid. */
static int parse_count(const char *s, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < 0 || v > 1000000000) return 0;
    *out = (int)v;
    return 1;
}

/* Common corpus options: --db PATH and the filters. Returns 1 when argv[*i]
 * was one of them (consuming its value), 0 otherwise, -1 on a missing
 * value, -2 on a value that is no date or number (said so: a usage
 * error). */
int corpus_option(int argc, char **argv, int *i, const char **db, tifa_filter *f) {
    const char *a = argv[*i];
    const char **slot = NULL;
    if (!strcmp(a, "--db"))
        slot = db;
    else if (!strcmp(a, "--from"))
        slot = &f->from;
    else if (!strcmp(a, "--to"))
        slot = &f->to;
    else if (!strcmp(a, "--org"))
        slot = &f->org;
    else if (!strcmp(a, "--meeting"))
        slot = &f->meeting;
    else if (!strcmp(a, "--limit") || !strcmp(a, "--offset")) {
        if (*i + 1 >= argc) return -1;
        const char *v = argv[++*i];
        if (!parse_count(v, !strcmp(a, "--limit") ? &f->limit : &f->offset)) {
            fprintf(stderr, "tifa: %s: a whole number from 0 is needed, not '%s'\n", a, SHOWN(v));
            return -2;
        }
        return 1;
    }
    if (!slot) return 0;
    if (*i + 1 >= argc) return -1;
    *slot = argv[++*i];
    tifa_filter one = {.from = *slot};
    if ((slot == &f->from || slot == &f->to) && tifa_filter_check(&one, NULL) != TIFA_OK) {
        fprintf(stderr, "tifa: %s: not a date (yyyy, yyyy-mm or yyyy-mm-dd): '%s'\n", a, SHOWN(*slot));
        return -2;
    }
    return 1;
}

tifa_corpus *open_corpus(const char *db, int readonly) {
    tifa_corpus *c;
    tifa_error err = {0};
    const char *path = corpus_path(db);
    if (readonly && access(path, F_OK) != 0) {
        fprintf(stderr, "tifa: %s: no corpus here (make one with tifa add --db %s FILE...)\n", SHOWN(path),
                SHOWN(path));
        return NULL;
    }
    if (tifa_corpus_open(path, readonly ? TIFA_CORPUS_READONLY : 0, &c, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(path), err.message);
        return NULL;
    }
    return c;
}

/* ------------------------------------------------------------------ add */

typedef struct {
    char **paths;
    size_t n, cap;
    const tifa_source **src; /* each file's source, or NULL (set once the list is complete) */
} pathlist;

static int push_path(pathlist *l, const char *p) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **q = realloc(l->paths, cap * sizeof *q);
        if (!q) return -1;
        l->paths = q;
        l->cap = cap;
    }
    return (l->paths[l->n++] = strdup(p)) ? 0 : -1;
}

static void pathlist_free(pathlist *l) {
    for (size_t i = 0; i < l->n; i++) free(l->paths[i]);
    free(l->paths);
    free(l->src);
    memset(l, 0, sizeof *l);
}

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The directories a walk has entered, by device and inode: a symbolic
 * link back up the tree (or two links to one folder) is walked once, not
 * forever. Open addressing, doubled when half full. */
typedef struct {
    dev_t *dev;
    ino_t *ino;
    unsigned char *used;
    size_t n, cap;
} dirset;

static size_t dir_slot(const dirset *d, dev_t dev, ino_t ino) {
    size_t h = ((size_t)ino * 0x9E3779B97F4A7C15ull ^ (size_t)dev) & (d->cap - 1);
    while (d->used[h] && !(d->dev[h] == dev && d->ino[h] == ino)) h = (h + 1) & (d->cap - 1);
    return h;
}

static int dirset_grow(dirset *d) {
    dirset big = {calloc(d->cap * 2, sizeof(dev_t)), calloc(d->cap * 2, sizeof(ino_t)), calloc(d->cap * 2, 1), 0,
                  d->cap * 2};
    int ok = big.dev && big.ino && big.used;
    for (size_t i = 0; ok && i < d->cap; i++)
        if (d->used[i]) {
            size_t h = dir_slot(&big, d->dev[i], d->ino[i]);
            big.used[h] = 1;
            big.dev[h] = d->dev[i];
            big.ino[h] = d->ino[i];
            big.n++;
        }
    dirset old = ok ? *d : big;
    if (ok) *d = big;
    free(old.dev);
    free(old.ino);
    free(old.used);
    return ok ? 0 : -1;
}

/* 1 when the directory is new (and now remembered), 0 when seen before,
 * -1 when out of memory. */
static int dirset_enter(dirset *d, const struct stat *st) {
    if (d->n * 2 >= d->cap && dirset_grow(d)) return -1;
    size_t h = dir_slot(d, st->st_dev, st->st_ino);
    if (d->used[h]) return 0;
    d->used[h] = 1;
    d->dev[h] = st->st_dev;
    d->ino[h] = st->st_ino;
    d->n++;
    return 1;
}

static const char *kind_of(mode_t m) {
    return S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" : S_ISCHR(m) || S_ISBLK(m) ? "a device" : "not a file";
}

static int is_document_name(const char *name) {
    return has_suffix(name, ".txt") || has_suffix(name, ".html") || has_suffix(name, ".htm");
}

static int walk_dir(const char *dir, pathlist *out, dirset *seen, int depth);

/* One entry of a directory: a folder is walked (once), a regular file with
 * a document's name kept; a FIFO, socket or device is skipped with a
 * warning (opening a FIFO waits for a writer: the whole add would hang). */
static int walk_entry(const char *path, const char *name, pathlist *out, dirset *seen, int depth) {
    struct stat st;
    if (stat(path, &st) != 0) {
        if (!is_document_name(name)) return 0;
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(path), strerror(errno)); /* a dangling link, say */
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        int fresh = dirset_enter(seen, &st);
        if (fresh > 0) return walk_dir(path, out, seen, depth + 1);
        if (fresh < 0) {
            fprintf(stderr, "tifa: %s: out of memory\n", SHOWN(path));
            return 1;
        }
        fprintf(stderr, "tifa: %s: warning: a folder already walked (a symbolic link loop?): skipped\n", SHOWN(path));
        return 0;
    }
    if (!is_document_name(name)) return 0;
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, "tifa: %s: warning: %s, not a file: skipped\n", SHOWN(path), kind_of(st.st_mode));
        return 0;
    }
    return push_path(out, path) ? 1 : 0;
}

/* A directory's *.txt, *.html and *.htm files, recursively, sorted. */
static int walk_dir(const char *dir, pathlist *out, dirset *seen, int depth) {
    if (depth > 64) return 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(dir), strerror(errno));
        return 1;
    }
    pathlist here = {0};
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t dl = strlen(dir), n = dl + strlen(e->d_name) + 2;
        char *p = malloc(n);
        if (!p) break;
        snprintf(p, n, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
        push_path(&here, p);
        free(p);
    }
    closedir(d);
    /* Entries in name order, so the documents are too. */
    qsort(here.paths, here.n, sizeof *here.paths, cmp_str);
    int bad = 0;
    for (size_t i = 0; i < here.n; i++) {
        const char *slash = strrchr(here.paths[i], '/');
        bad |= walk_entry(here.paths[i], slash ? slash + 1 : here.paths[i], out, seen, depth);
        free(here.paths[i]);
    }
    free(here.paths);
    return bad;
}

static int walk(const char *dir, pathlist *out) {
    dirset seen = {calloc(64, sizeof(dev_t)), calloc(64, sizeof(ino_t)), calloc(64, 1), 0, 64};
    struct stat st;
    int bad = 1;
    if (!seen.dev || !seen.ino || !seen.used)
        fprintf(stderr, "tifa: %s: out of memory\n", SHOWN(dir));
    else if (stat(dir, &st) != 0)
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(dir), strerror(errno));
    else if (dirset_enter(&seen, &st) > 0)
        bad = walk_dir(dir, out, &seen, 0);
    free(seen.dev);
    free(seen.ino);
    free(seen.used);
    return bad;
}

/* Work shared by the add threads: files are prepared in parallel and
 * stored in order by the main thread, at most WINDOW documents and about
 * WINDOW_BYTES of input ahead. The storing thread stalls now and then
 * (FTS5 writes a segment at each commit, SQLite checkpoints): a deep
 * window lets the workers go on meanwhile. With 64 documents they sat
 * idle during the stalls (add took 47 s instead of 38 s at 100,000). */
#define WINDOW       1024
#define WINDOW_BYTES (64u << 20)

typedef struct {
    tifa_prepared *prep;
    char *error;
    size_t bytes;
    int done;
} slot;

typedef struct {
    pathlist *files;
    const tifa_corpus *corpus; /* the workers search its near-copy set */
    size_t max_size;           /* bytes of one document */
    slot *slots;
    size_t next_job, stored;
    size_t ready_bytes; /* input bytes of the prepared documents not yet stored */
    pthread_mutex_t lock;
    pthread_cond_t changed;
} pool;

/* Opens a document without waiting: O_NONBLOCK, so that a FIFO put where
 * a file was cannot hang the add (a FIFO named on the command line, a
 * pipe from the shell, is read: it was asked for). Devices, sockets and
 * directories are refused. NULL with the reason in why. */
static FILE *open_document(const char *path, struct stat *st, const char **why) {
    int fd = !strcmp(path, "-") ? dup(0) : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    *why = NULL;
    if (fd < 0 || fstat(fd, st) != 0) {
        *why = strerror(errno);
    } else if (S_ISDIR(st->st_mode)) {
        *why = "is a directory";
    } else if (!S_ISREG(st->st_mode) && !S_ISFIFO(st->st_mode)) {
        *why = S_ISSOCK(st->st_mode) ? "a socket, not a file" : "a device, not a file";
    } else if (S_ISFIFO(st->st_mode)) {
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK); /* a pipe: read as it comes */
    }
    FILE *fp = *why ? NULL : fdopen(fd, "rb");
    if (!fp && !*why) *why = strerror(errno);
    if (!fp && fd >= 0) close(fd);
    return fp;
}

static char *too_large(const char *path, size_t limit) {
    char msg[512];
    snprintf(msg, sizeof msg, "tifa: %s: larger than the limit of %zu bytes for one document (tifa add --max-size)",
             SHOWN(path), limit);
    return strdup(msg);
}

/* The whole file, up to limit bytes: a larger one is refused before it
 * is read (its size known) or as soon as it passes the limit (a pipe). */
static char *read_file(const char *path, size_t limit, size_t *len, char **error) {
    struct stat st;
    const char *why;
    FILE *fp = open_document(path, &st, &why);
    if (!fp) {
        char msg[512];
        snprintf(msg, sizeof msg, "tifa: %s: %s", SHOWN(path), why);
        *error = strdup(msg);
        return NULL;
    }
    if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > limit) {
        fclose(fp);
        *error = too_large(path, limit);
        return NULL;
    }
    sbuf b;
    sbuf_init(&b, limit);
    /* Sized to the file when its size is known: read in one go. */
    size_t first = st.st_size > 0 ? (size_t)st.st_size : 4096;
    if (sbuf_reserve(&b, first < limit ? first : limit) == 0) sbuf_read(&b, fp);
    fclose(fp);
    char *bytes = sbuf_steal(&b, len);
    if (!bytes && b.err == SBUF_ECAP) {
        *error = too_large(path, limit);
    } else if (!bytes) {
        char msg[512];
        snprintf(msg, sizeof msg, "tifa: %s: %s", SHOWN(path), b.err == SBUF_EIO ? "read error" : "out of memory");
        *error = strdup(msg);
    }
    return bytes;
}

static void prepare_one(const tifa_corpus *c, const char *path, const tifa_source *src, size_t limit, slot *s) {
    size_t len;
    char *bytes = read_file(path, limit, &len, &s->error);
    if (!bytes) return;
    tifa_error err = {0};
    if (tifa_corpus_prepare_for(c, path, bytes, len, &s->prep, &err) != TIFA_OK ||
        (src && tifa_prepared_set_source(s->prep, src, &err) != TIFA_OK)) {
        tifa_prepared_free(s->prep);
        s->prep = NULL;
        char msg[512];
        snprintf(msg, sizeof msg, "tifa: %s: %s", SHOWN(path), err.message);
        s->error = strdup(msg);
    }
    s->bytes = len;
    free(bytes);
}

static void *worker(void *arg) {
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->next_job < p->files->n &&
               (p->next_job >= p->stored + WINDOW || (p->ready_bytes >= WINDOW_BYTES && p->next_job > p->stored)))
            pthread_cond_wait(&p->changed, &p->lock);
        size_t job = p->next_job < p->files->n ? p->next_job++ : (size_t)-1;
        pthread_mutex_unlock(&p->lock);
        if (job == (size_t)-1) return NULL;
        slot s = {0};
        prepare_one(p->corpus, p->files->paths[job], p->files->src[job], p->max_size, &s);
        pthread_mutex_lock(&p->lock);
        s.done = 1;
        p->slots[job % WINDOW] = s;
        p->ready_bytes += s.bytes;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void progress(size_t done, size_t total, double bytes, double start) {
    double el = now_seconds() - start, rate = el > 0 ? bytes / 1e6 / el : 0;
    double eta = done ? el / (double)done * (double)(total - done) : 0;
    fprintf(stderr, "\r%zu/%zu documents, %.1f MB/s, ETA %.0fs   ", done, total, rate, eta);
}

/* The books of one add: results are counted only once the batch they
 * are in is committed, so the closing line says what the corpus holds. */
typedef struct {
    tifa_corpus *c;
    const pathlist *files;
    const char *db;
    size_t max_size;
    int tty;
    size_t counts[5]; /* added, duplicates, near, identical (tifa_add_result), failed: final */
    /* The files handed to the corpus since the last commit, with their
     * results: counted at the commit, added again after a rollback. */
    size_t *open;
    unsigned char *result;
    size_t nopen, cap;
    char why[256]; /* why the last batch was rolled back */
} adder;

#define ADD_LOST   (-1) /* the open batch was rolled back */
#define ADD_FAILED 4    /* counts[]: after the four tifa_add_result */
/* Cleaning and extraction take up to some 20 times a document's size in
 * memory (more on invalid bytes): a readout is tens of KB, so a 16 MB
 * document is a mistake (a dump, a binary), not something to try. */
#define ADD_MAX_SIZE (16u << 20)
#define ADD_ATTEMPTS 3 /* a rolled-back batch: tries in all */

static int adder_push(adder *a, size_t file, int result) {
    if (a->nopen == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 256;
        size_t *o = realloc(a->open, cap * sizeof *o);
        if (o) a->open = o;
        unsigned char *r = o ? realloc(a->result, cap) : NULL;
        if (!r) return -1;
        a->result = r;
        a->cap = cap;
    }
    a->open[a->nopen] = file;
    a->result[a->nopen++] = (unsigned char)result;
    return 0;
}

static void adder_settle(adder *a) {
    for (size_t k = 0; k < a->nopen; k++) a->counts[a->result[k]]++;
    a->nopen = 0;
}

static void adder_fail(adder *a, const char *path, const char *msg) {
    fprintf(stderr, "%stifa: %s: %s\n", a->tty ? "\r" : "", SHOWN(path), msg);
    a->counts[ADD_FAILED]++;
}

/* Adds file i (prepared); 0, or ADD_LOST when its batch was rolled back
 * (a->open then lists the batch, this file included). */
static int adder_put(adder *a, size_t i, const tifa_prepared *p) {
    tifa_error err = {0};
    tifa_add_result result;
    int64_t id;
    tifa_status st = tifa_corpus_add_prepared(a->c, p, &result, &id, &err);
    if (st == TIFA_EBATCH) {
        snprintf(a->why, sizeof a->why, "%s", err.message);
        if (adder_push(a, i, 0)) adder_fail(a, a->files->paths[i], "out of memory");
        return ADD_LOST;
    }
    if (st != TIFA_OK) {
        adder_fail(a, a->files->paths[i], err.message);
        return 0;
    }
    if (adder_push(a, i, (int)result)) {
        adder_fail(a, a->files->paths[i], "out of memory");
        return 0;
    }
    if (tifa_corpus_uncommitted(a->c) == 0) adder_settle(a);
    return 0;
}

/* Commits what is open; ADD_LOST when that rolled it back. */
static int adder_commit(adder *a) {
    tifa_error err = {0};
    tifa_status st = tifa_corpus_commit(a->c, &err);
    if (st == TIFA_OK) {
        adder_settle(a);
        return 0;
    }
    snprintf(a->why, sizeof a->why, "%s", err.message);
    return ADD_LOST;
}

/* A batch was rolled back (a->open): reads, prepares and adds its files
 * again, up to ADD_ATTEMPTS in all, waiting longer each time; what still
 * fails is reported by name and counted as failed. */
static void adder_recover(adder *a) {
    for (int attempt = 1; attempt < ADD_ATTEMPTS && a->nopen; attempt++) {
        fprintf(stderr, "%stifa: %s: %s (a batch of %zu documents: trying it again)\n", a->tty ? "\r" : "",
                SHOWN(a->db), a->why, a->nopen);
        struct timespec wait = {attempt / 2, (attempt % 2) * 500000000L}; /* 0.5 s, 1 s */
        nanosleep(&wait, NULL);
        size_t n = a->nopen, *again = malloc(n * sizeof *again);
        if (!again) break;
        memcpy(again, a->open, n * sizeof *again);
        a->nopen = 0;
        int lost = 0;
        for (size_t k = 0; k < n; k++) {
            if (lost) { /* not tried in this attempt: kept for the next */
                if (adder_push(a, again[k], 0)) adder_fail(a, a->files->paths[again[k]], "out of memory");
                continue;
            }
            slot s = {0};
            prepare_one(a->c, a->files->paths[again[k]], a->files->src[again[k]], a->max_size, &s);
            if (s.error) {
                fprintf(stderr, "%s%s\n", a->tty ? "\r" : "", s.error);
                a->counts[ADD_FAILED]++;
            } else
                lost = adder_put(a, again[k], s.prep) == ADD_LOST;
            free(s.error);
            tifa_prepared_free(s.prep);
        }
        free(again);
        if (!lost && adder_commit(a) != ADD_LOST) return;
    }
    for (size_t k = 0; k < a->nopen; k++) {
        char msg[400];
        snprintf(msg, sizeof msg, "not stored (%s)", a->why);
        adder_fail(a, a->files->paths[a->open[k]], msg);
    }
    a->nopen = 0;
}

/* A document or a directory to walk, as given (an argument or a line of
 * a --files-from list). Non-zero when a walk failed. */
static int add_input(const char *path, pathlist *files) {
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return walk(path, files);
    push_path(files, path);
    return 0;
}

/* records: the paths as they are (record files and folders of them). */
static int add_list(const char *list, pathlist *files, int records) {
    inputs in;
    if (inputs_init(&in, 1)) return 1;
    inputs_list(&in, list);
    int bad = 0;
    for (const char *p; (p = inputs_next(&in));)
        if (records)
            push_path(files, p);
        else
            bad |= add_input(p, files);
    bad |= in.status;
    inputs_free(&in);
    return bad;
}

static const char *add_help =
    "usage: tifa add [--db PATH] [--jobs N] [--batch N] [--max-size BYTES]\n"
    "                [--outlet NAME] [--url URL] [--published DATE] [--retrieved DATE]\n"
    "                [--manifest FILE.jsonl|FILE.csv] [--files-from LIST] [FILE|DIR|-]...\n"
    "       tifa add --records [--db PATH] [--jobs N] [--batch N] [--files-from LIST] FILE|DIR|-...\n"
    "       tifa add --warc [--db PATH] [--batch N] [--files-from LIST] FILE.warc[.gz]|-...\n"
    "\n"
    "Cleans, extracts and stores every document (a directory: its *.txt and *.html\n"
    "files, recursively; - or nothing: standard input) with its raw bytes. Every\n"
    "distinct file is kept: the same bytes again are skipped (identical); the same\n"
    "clean text (a duplicate) or a repost (a near copy) is stored and linked to the\n"
    "first copy. Ends with the line\n"
    "  added N, duplicates D, near-duplicates K, identical I, failed F\n"
    "counting what was committed. A batch the corpus could not take (another add\n"
    "holding it for minutes, a full disk) is tried again twice, then its files are\n"
    "named as failed. Two adds on one corpus take turns. Empty and binary files\n"
    "are refused, named.\n"
    "--db: default $TIFA_DB, else ./tifa.db. --jobs: threads for cleaning (default 1;\n"
    "with --records, for reading records), besides the one storing.\n"
    "--batch: documents per commit (default 4096; a commit also comes every 2 s).\n"
    "--max-size: larger documents are refused, named (default 16M; suffix K or M).\n"
    "Sources (a web page gives its own; these take precedence): --outlet, --url\n"
    "(one FILE only), --published and --retrieved (yyyy-mm-dd[ hh:mm[:ss]] or ISO\n"
    "8601). --manifest: a JSON Lines or CSV file with file, url, published, outlet,\n"
    "retrieved and any other columns (kept as metadata) for each file, paths\n"
    "relative to the manifest; without FILE, every file it lists is added.\n"
    "--files-from: also the paths in LIST, one a line (- : standard input).\n"
    "--records: store records made elsewhere without cleaning again: JSON Lines\n"
    "(plain or gzip; a DIR: its *.jsonl and *.jsonl.gz but manifest.jsonl and\n"
    "failed.jsonl) of tifa extract --with-raw, or --with-clean --warc (the bytes\n"
    "are read from the archive), e.g. the parts of python3 -m tifa.dask. The\n"
    "corpus is the same as tifa add of the same files would make. A bad record\n"
    "is named as FILE:LINE and not stored; the others are.\n"
    "--warc: store each HTML or text page of web archives (WARC/1.0 or 1.1, plain\n"
    "or gzip): one document per response record (HTTP 2xx) holding a page, read\n"
    "as tifa extract --warc reads it, named by its URL, its bytes the page's.\n"
    "Its url is the target URI, retrieved the WARC date, and meta says where it\n"
    "is (warc, offset, length, record_id, payload_digest, truncated). A page that\n"
    "cannot be stored is named by archive, offset and URL; a damaged archive by\n"
    "its offset (the pages before it are stored). Ends with the line\n"
    "  records R, responses P, added N, duplicates D, near-duplicates K,\n"
    "  identical I, failed F\n";

/* The source options of add; 1 when argv[*i] was one (its value taken),
 * 0 when not, -1 when its value is missing. */
static int source_option(int argc, char **argv, int *i, add_sources *src, const char **manifest) {
    const char *a = argv[*i];
    const char **value = !strcmp(a, "--outlet")      ? &src->given.outlet
                         : !strcmp(a, "--url")       ? &src->given.url
                         : !strcmp(a, "--published") ? &src->given.published
                         : !strcmp(a, "--retrieved") ? &src->given.retrieved
                         : !strcmp(a, "--manifest")  ? manifest
                                                     : NULL;
    if (!value) return 0;
    if (*i + 1 >= argc) return -1;
    *value = argv[++*i];
    src->any_given |= value != manifest;
    return 1;
}

/* Each file's source, from the command line and the manifest; without
 * files, the manifest's. 0, or 1 (said why). */
static int assign_sources(pathlist *files, add_sources *src, const char *manifest, int named) {
    tifa_error err = {0};
    if (src->any_given && tifa_source_check(&src->given, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: add: %s\n", err.message);
        return 2;
    }
    if (manifest && sources_load(src, manifest)) return 1;
    if (manifest && !named)
        for (size_t i = 0; i < src->n; i++) push_path(files, sources_path(src, i));
    if (src->given.url && files->n > 1) {
        fprintf(stderr, "tifa: add: --url names the source of one document, and %zu are given (a manifest gives "
                        "each its own)\n",
                files->n);
        return 2;
    }
    if (!(files->src = calloc(files->n ? files->n : 1, sizeof *files->src))) {
        fprintf(stderr, "tifa: add: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < files->n; i++) files->src[i] = sources_for(src, files->paths[i]);
    if (manifest && src->unlisted)
        fprintf(stderr, "tifa: %s: warning: %zu of the files added are not listed in it (no source)\n",
                SHOWN(manifest), src->unlisted);
    return 0;
}

/* A usage error once files were listed: they are freed first. */
static int add_usage(pathlist *files, int status) {
    pathlist_free(files);
    return status;
}

/* tifa add --records or --warc (warc set), its options parsed: records
 * and archives carry their sources. */
static int add_records_to(const char *db, int batch, int jobs, int warc, pathlist *files, add_sources *src,
                          const char *manifest) {
    int status = 2;
    const char *what = warc ? "--warc: web archives" : "--records: records";
    if (src->any_given || manifest)
        fprintf(stderr, "tifa: add: %s carry their sources (no --outlet, --url, --published, --retrieved or "
                        "--manifest)\n", what);
    else if (warc && jobs > 1)
        fprintf(stderr, "tifa: add: %s are stored on one thread (no --jobs)\n", what);
    else if (!files->n)
        fprintf(stderr, "tifa: add: %s: no FILE%s given\n", warc ? "--warc" : "--records",
                warc ? " (a .warc or .warc.gz archive)" : " or DIR of records");
    else {
        tifa_corpus *c = open_corpus(db, 0);
        status = 1;
        if (c) {
            tifa_corpus_set_batch(c, batch);
            status = warc ? add_warc(c, files->paths, files->n) : add_records(c, files->paths, files->n, jobs);
            tifa_corpus_close(c);
        }
    }
    sources_free(src);
    pathlist_free(files);
    return status;
}

int cmd_add(int argc, char **argv) {
    const char *db = NULL, *manifest = NULL;
    int jobs = 1, batch = 0, named = 0;
    size_t max_size = ADD_MAX_SIZE;
    tifa_filter unused = {0};
    pathlist files = {0};
    add_sources src = {0};
    int status = 0, records = 0, warc = 0;
    /* Records and archives are named as they are, never walked as folders of documents. */
    for (int i = 1; i < argc; i++) {
        records |= !strcmp(argv[i], "--records");
        warc |= !strcmp(argv[i], "--warc");
    }
    if (records && warc) {
        fprintf(stderr, "tifa: add: --records or --warc, not both\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--records") || !strcmp(a, "--warc")) continue;
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (!r) r = source_option(argc, argv, &i, &src, &manifest);
        if (r < 0) return add_usage(&files, r == -1 ? usage_error("add", a) : 2);
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(add_help, stdout);
            return add_usage(&files, 0);
        } else if (!strcmp(a, "--max-size") && i + 1 < argc) {
            if (!parse_size(argv[++i], &max_size)) return add_usage(&files, usage_error("add", argv[i]));
        } else if (!strcmp(a, "--batch") && i + 1 < argc) {
            batch = atoi(argv[++i]);
            if (batch < 1) return add_usage(&files, usage_error("add", "--batch"));
        } else if (!strcmp(a, "--jobs") && i + 1 < argc) {
            jobs = atoi(argv[++i]);
            if (jobs < 1 || jobs > 64) return add_usage(&files, usage_error("add", "--jobs"));
        } else if (!strcmp(a, "--files-from") && i + 1 < argc) {
            named = 1;
            status |= add_list(argv[++i], &files, records || warc);
        } else if (a[0] == '-' && a[1]) {
            return add_usage(&files, usage_error("add", a));
        } else {
            named = 1;
            if (strcmp(a, "-") == 0 || records || warc)
                push_path(&files, a);
            else
                status |= add_input(a, &files);
        }
    }
    if (records || warc) return add_records_to(db, batch, jobs, warc, &files, &src, manifest);
    if (!named && !manifest) {
        if (isatty(0)) {
            fputs(add_help, stderr);
            return 2;
        }
        push_path(&files, "-"); /* a document on standard input */
    }
    int bad = assign_sources(&files, &src, manifest, named);
    if (bad) {
        sources_free(&src);
        pathlist_free(&files);
        return bad;
    }
    tifa_corpus *c = open_corpus(db, 0);
    if (!c) {
        sources_free(&src);
        pathlist_free(&files);
        return 1;
    }
    tifa_corpus_set_batch(c, batch);
    adder a = {.c = c, .files = &files, .db = corpus_path(db), .max_size = max_size, .tty = isatty(2)};
    double start = now_seconds(), bytes = 0;
    pool p = {.files = &files, .corpus = c, .max_size = max_size, .slots = calloc(WINDOW, sizeof(slot))};
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);
    pthread_t threads[64];
    int started = 0;
    for (int t = 0; t < jobs && p.slots; t++)
        if (pthread_create(&threads[t], NULL, worker, &p) == 0) started++;
    for (size_t i = 0; i < files.n && started; i++) {
        pthread_mutex_lock(&p.lock);
        while (!p.slots[i % WINDOW].done) pthread_cond_wait(&p.changed, &p.lock);
        slot s = p.slots[i % WINDOW];
        memset(&p.slots[i % WINDOW], 0, sizeof(slot));
        p.ready_bytes -= s.bytes;
        pthread_mutex_unlock(&p.lock);
        if (s.error) {
            fprintf(stderr, "%s%s\n", a.tty ? "\r" : "", s.error);
            a.counts[ADD_FAILED]++;
        } else if (adder_put(&a, i, s.prep) == ADD_LOST) {
            adder_recover(&a);
        }
        bytes += (double)s.bytes;
        free(s.error);
        tifa_prepared_free(s.prep);
        pthread_mutex_lock(&p.lock);
        p.stored = i + 1;
        pthread_cond_broadcast(&p.changed);
        pthread_mutex_unlock(&p.lock);
        if (a.tty && (i % 16 == 0 || i + 1 == files.n)) progress(i + 1, files.n, bytes, start);
    }
    for (int t = 0; t < started; t++) pthread_join(threads[t], NULL);
    if (!started && files.n) {
        fprintf(stderr, "tifa: add: cannot start threads\n");
        status = 1;
    }
    if (adder_commit(&a) == ADD_LOST) adder_recover(&a);
    if (a.tty) fputc('\n', stderr);
    size_t *counts = a.counts;
    fprintf(stderr, "added %zu, duplicates %zu, near-duplicates %zu, identical %zu, failed %zu\n", counts[0], counts[1],
            counts[2], counts[3], counts[ADD_FAILED]);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.changed);
    free(p.slots);
    free(a.open);
    free(a.result);
    pathlist_free(&files);
    sources_free(&src);
    tifa_corpus_close(c);
    return status || counts[ADD_FAILED] ? 1 : 0;
}

/* -------------------------------------------------------- search, list */

typedef struct {
    int json, color, count;
    tifa_corpus *c;   /* for --all-copies */
    int all_copies;   /* each copy a hit of its own, after its first copy */
    int copy_failed;
} hit_printer;

/* A value, and "*" after it when it holds a correction. */
static void print_value(const char *v, unsigned corrected, unsigned bit, const char *none) {
    fputs(v ? v : none, stdout);
    if (corrected & bit) putchar('*');
}

/* The snippet with its matches marked: bold on a terminal, [ ] otherwise. */
static void print_snippet(const char *snippet, int color) {
    fputs("    ", stdout);
    for (const char *s = snippet; *s; s++) {
        if (!strncmp(s, "«", 2)) {
            fputs(color ? "\x1b[1;31m" : "[", stdout);
            s += 1;
        } else if (!strncmp(s, "»", 2)) {
            fputs(color ? "\x1b[0m" : "]", stdout);
            s += 1;
        } else {
            putchar(*s != '\n' ? *s : ' ');
        }
    }
    putchar('\n');
}

static void print_source_part(const char *v, unsigned corrected, unsigned bit) {
    if (!v) return;
    printf("  %s", SHOWN(v));
    if (corrected & bit) putchar('*');
}

/* The file, then where it came from: outlet, URL, publication date. */
static void print_where(const tifa_hit *h) {
    printf("    %s", h->file ? SHOWN(h->file) : "");
    print_source_part(h->outlet, h->corrected, TIFA_FIELD_OUTLET);
    print_source_part(h->url, h->corrected, TIFA_FIELD_URL);
    print_source_part(h->published, h->corrected, TIFA_FIELD_PUBLISHED);
    putchar('\n');
}

static void print_copies(const tifa_hit *h) {
    if (!h->ncopies) return;
    printf("    copies (%zu):", h->ncopies);
    for (size_t i = 0; i < h->ncopies; i++) {
        const tifa_copy *k = &h->copies[i];
        printf("%s #%lld %s", i ? "," : "", (long long)k->id, k->outlet ? SHOWN(k->outlet) : SHOWN(k->file));
        if (k->near) fputs(" (near)", stdout);
    }
    putchar('\n');
}

static int print_hit(void *user, const tifa_hit *h);

/* Search hits are readouts; --all-copies prints their copies too. */
typedef struct {
    hit_printer *p;
    int *readouts;
} hit_counter;

static int count_readout(void *user, const tifa_hit *h) {
    hit_counter *k = user;
    (*k->readouts)++;
    return print_hit(k->p, h);
}

/* --all-copies: each copy of h as a hit of its own. */
static int print_copy_hits(hit_printer *p, const tifa_hit *h) {
    for (size_t i = 0; i < h->ncopies; i++) {
        tifa_error err = {0};
        int saved = p->all_copies;
        p->all_copies = 0;
        tifa_status st = tifa_corpus_doc(p->c, h->copies[i].id, print_hit, p, &err);
        p->all_copies = saved;
        if (st != TIFA_OK) {
            fprintf(stderr, "tifa: %s\n", err.message);
            p->copy_failed = 1;
            return 1;
        }
    }
    return 0;
}

static int print_hit(void *user, const tifa_hit *h) {
    hit_printer *p = user;
    p->count++;
    if (p->json) {
        sbuf out = cli_stdout();
        print_hit_json(&out, h);
        putchar('\n');
    } else {
        printf("%s#%lld%s  ", p->color ? "\x1b[1m" : "", (long long)h->id, p->color ? "\x1b[0m" : "");
        print_value(h->date, h->corrected, TIFA_FIELD_DATE, "----------");
        fputs("  ", stdout);
        print_value(h->meeting ? h->meeting : h->title ? h->title : "(no meeting found)", h->corrected,
                    h->meeting ? TIFA_FIELD_NAME : 0, "");
        if (h->duplicate_of)
            printf("  (%s copy of #%lld)", h->copy && !strcmp(h->copy, "exact") ? "exact" : "near",
                   (long long)h->duplicate_of);
        putchar('\n');
        if (h->snippet) print_snippet(h->snippet, p->color);
        print_where(h);
        print_copies(h);
    }
    return p->all_copies ? print_copy_hits(p, h) : 0;
}

static const char *search_help =
    "usage: tifa search [--db PATH] [--json] [--all-copies] [--newest] [--limit N] [--offset N]\n"
    "                   [--from DATE] [--to DATE] [--org ORG] [--meeting NAME]\n"
    "                   [--color[=auto|always|never]] QUERY\n"
    "\n"
    "Full-text search over the clean texts. Any script: a traditional query finds\n"
    "simplified text. One or more characters; \"phrases\", AND, OR, NOT, prefix*.\n"
    "Results best first, one per readout (its first copy), with the date, meeting,\n"
    "a snippet, the document id, where it came from and the copies that carry it\n"
    "(exact copies and reposts); --all-copies lists each copy as a hit of its own,\n"
    "after its first copy. --json: one hit a line (id, file, date, meeting, org,\n"
    "title, snippet with matches in « », outlet, url, published, duplicate_of,\n"
    "copies, corrected). A value marked * holds a correction. --limit: default 20\n"
    "(readouts). --newest: the newest readouts first (in the order added), at the\n"
    "same speed however many match; the count is exact up to 10,000 matches and\n"
    "an estimate above (\"about 230000\"). Exit 1 when nothing matched, as grep.\n"
    "Colour on a terminal unless NO_COLOR is set; --color says when.\n";

int color_option(const char *a, int *when) {
    if (!strcmp(a, "--color") || !strcmp(a, "--colour") || !strcmp(a, "--color=auto") ||
        !strcmp(a, "--colour=auto"))
        *when = COLOR_AUTO;
    else if (!strcmp(a, "--color=always") || !strcmp(a, "--colour=always"))
        *when = COLOR_ALWAYS;
    else if (!strcmp(a, "--color=never") || !strcmp(a, "--colour=never"))
        *when = COLOR_NEVER;
    else
        return strncmp(a, "--color=", 8) && strncmp(a, "--colour=", 9) ? 0 : -1;
    return 1;
}

int use_color(int when, int fd) {
    if (when != COLOR_AUTO) return when == COLOR_ALWAYS;
    const char *no = getenv("NO_COLOR"); /* no-color.org: set and not empty */
    return isatty(fd) && !(no && *no);
}

int cmd_search(int argc, char **argv) {
    const char *db = NULL, *query = NULL;
    tifa_filter f = {.limit = 20};
    hit_printer p = {0};
    int color = COLOR_AUTO, newest = 0, estimated = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &f);
        if (!r) r = color_option(a, &color);
        if (r < 0) return r == -1 ? usage_error("search", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(search_help, stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            p.json = 1;
        } else if (!strcmp(a, "--all-copies")) {
            p.all_copies = 1;
        } else if (!strcmp(a, "--newest")) {
            newest = 1;
        } else if (a[0] == '-' && a[1] && a[1] == '-') {
            return usage_error("search", a);
        } else if (!query) {
            query = a;
        } else {
            return usage_error("search", a);
        }
    }
    if (!query) {
        fputs(search_help, stderr);
        return 2;
    }
    p.color = use_color(color, 1);
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    p.c = c;
    tifa_error err = {0};
    int64_t total = 0;
    int status = 0;
    int readouts = 0;
    hit_counter counter = {&p, &readouts};
    /* The total costs a second query: only the human form prints it. */
    int64_t *want = p.json ? NULL : &total;
    tifa_status st = newest ? tifa_corpus_search_newest(c, query, &f, count_readout, &counter, want, &estimated, &err)
                            : tifa_corpus_search(c, query, &f, count_readout, &counter, want, &err);
    if (st != TIFA_OK) {
        fprintf(stderr, "tifa: search: %s\n", err.message);
        status = err.code == TIFA_EUSAGE ? 2 : 1;
    } else if (p.copy_failed) {
        status = 1;
    } else {
        if (!p.json)
            fprintf(stderr, "%d of %s%lld matching readouts\n", readouts, estimated ? "about " : "", (long long)total);
        status = readouts ? 0 : 1; /* nothing matched: 1, as grep */
    }
    tifa_corpus_close(c);
    return status;
}

static const char *list_help = "usage: tifa list [--db PATH] [--json] [--from DATE] [--to DATE] [--org ORG]\n"
                               "                 [--meeting NAME] [--limit N] [--offset N] [--color[=WHEN]]\n"
                               "\n"
                               "Every stored document, copies included (each says whose copy it is; a first\n"
                               "copy lists its copies), by meeting date, undated last, with where it came\n"
                               "from. A value marked * holds a correction. --json: one document a line, the\n"
                               "fields of search --json without the snippet.\n";

int cmd_list(int argc, char **argv) {
    const char *db = NULL;
    tifa_filter f = {0};
    hit_printer p = {0};
    int color = COLOR_AUTO;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &f);
        if (!r) r = color_option(a, &color);
        if (r < 0) return r == -1 ? usage_error("list", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(list_help, stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            p.json = 1;
        } else {
            return usage_error("list", a);
        }
    }
    p.color = use_color(color, 1);
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    tifa_error err = {0};
    int status = 0;
    if (tifa_corpus_list(c, &f, print_hit, &p, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: list: %s\n", err.message);
        status = 1;
    }
    tifa_corpus_close(c);
    return status;
}

/* ------------------------------------------------------------------ show */

int parse_id(const char *s, int64_t *id) {
    char *end;
    if (*s == '#') s++;
    long long v = strtoll(s, &end, 10);
    if (end == s || *end || v <= 0) return 0;
    *id = v;
    return 1;
}

static const char *show_help =
    "usage: tifa show [--db PATH] [--raw | --json] ID|FILE|-\n"
    "\n"
    "A stored document: where it came from, its copies (or whose copy it is), its\n"
    "corrections, then the record (JSON, as extraction made it) and the clean\n"
    "text; --raw: its original bytes; --json: one JSON object with all of that\n"
    "(the fields of list --json, \"record\" and \"clean\"). A file (- for standard\n"
    "input) instead of an id is cleaned and extracted on the fly.\n";

/* The lines above a stored document's record: id, file, source, copies,
 * corrections. */
static int show_header(void *user, const tifa_hit *h) {
    hit_printer *p = user;
    printf("#%lld  ", (long long)h->id);
    print_value(h->date, h->corrected, TIFA_FIELD_DATE, "----------");
    fputs("  ", stdout);
    print_value(h->meeting ? h->meeting : h->title ? h->title : "(no meeting found)", h->corrected,
                h->meeting ? TIFA_FIELD_NAME : 0, "");
    if (h->duplicate_of)
        printf("  (%s copy of #%lld)", h->copy && !strcmp(h->copy, "exact") ? "exact" : "near",
               (long long)h->duplicate_of);
    putchar('\n');
    print_where(h);
    if (h->retrieved) printf("    retrieved %s%s\n", SHOWN(h->retrieved), h->corrected & TIFA_FIELD_RETRIEVED ? "*" : "");
    print_copies(h);
    p->count++;
    return 0;
}

/* show ID --json: the hit's fields, the record and the clean text. */
typedef struct {
    const char *record, *clean;
} show_json;

static int show_json_doc(void *user, const tifa_hit *h) {
    show_json *j = user;
    sbuf out = cli_stdout();
    sbuf_putc(&out, '{');
    print_hit_fields(&out, h);
    sbuf_printf(&out, ",\"record\":%s,\"clean\":", j->record);
    print_json_string(&out, j->clean);
    sbuf_puts(&out, "}\n");
    return 0;
}

/* A stored document (1 when it could not be shown). */
static int show_stored(const char *db, int64_t id, int raw, int json) {
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    char *record = NULL, *clean = NULL, *bytes = NULL;
    size_t len = 0;
    tifa_error err = {0};
    tifa_status st =
        tifa_corpus_get(c, id, raw ? NULL : &record, raw ? NULL : &clean, raw ? &bytes : NULL, &len, NULL, &err);
    if (st == TIFA_OK && raw) {
        fwrite(bytes, 1, len, stdout);
    } else if (st == TIFA_OK && json) {
        show_json j = {record, clean};
        st = tifa_corpus_doc(c, id, show_json_doc, &j, &err);
    } else if (st == TIFA_OK) {
        hit_printer p = {0};
        st = tifa_corpus_doc(c, id, show_header, &p, &err);
        if (st == TIFA_OK) st = show_corrections(c, id, &err);
        if (st == TIFA_OK) printf("\n%s\n\n%s", record, clean);
    }
    if (st != TIFA_OK) fprintf(stderr, "tifa: show: %s\n", err.message);
    tifa_corpus_close(c);
    tifa_free(record);
    tifa_free(clean);
    tifa_free(bytes);
    return st != TIFA_OK;
}

/* A file (or standard input), cleaned and extracted now. */
static int show_file(const char *what, int raw, int json) {
    char *why = NULL, *record = NULL, *clean = NULL;
    size_t len, n;
    char *bytes = read_file(what, SIZE_MAX, &len, &why);
    if (!bytes) {
        fprintf(stderr, "%s\n", why ? why : "tifa: cannot read");
        free(why);
        return 1;
    }
    tifa_error err = {0};
    int status = 0;
    if (raw) {
        fwrite(bytes, 1, len, stdout);
    } else if (tifa_extract(NULL, what, bytes, len, json ? 0 : TIFA_EXTRACT_PRETTY, &record, &n, &err) != TIFA_OK ||
               tifa_clean(NULL, bytes, len, &clean, &n, NULL, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(strcmp(what, "-") ? what : "(standard input)"), err.message);
        status = 1;
    } else if (json) {
        sbuf out = cli_stdout();
        sbuf_putc(&out, '{');
        print_json_name(&out, "file", what);
        sbuf_printf(&out, ",\"record\":%s,\"clean\":", record);
        print_json_string(&out, clean);
        sbuf_puts(&out, "}\n");
    } else {
        printf("%s\n\n%s", record, clean);
    }
    tifa_free(record);
    tifa_free(clean);
    free(bytes);
    return status;
}

int cmd_show(int argc, char **argv) {
    const char *db = NULL, *what = NULL;
    int raw = 0, json = 0;
    tifa_filter unused = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (r < 0) return r == -1 ? usage_error("show", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(show_help, stdout);
            return 0;
        } else if (!strcmp(a, "--raw")) {
            raw = 1;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (!what && (a[0] != '-' || !a[1])) {
            what = a;
        } else {
            return usage_error("show", a);
        }
    }
    if (raw && json) return usage_error("show", "--raw with --json");
    if (!what && !isatty(0)) what = "-";
    if (!what) {
        fputs(show_help, stderr);
        return 2;
    }
    int64_t id;
    int status = parse_id(what, &id) && access(what, F_OK) != 0 ? show_stored(db, id, raw, json)
                                                                 : show_file(what, raw, json);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "tifa: (standard output): write error\n");
        status = 1;
    }
    return status;
}

/* ----------------------------------------------------------------- stats */

int cmd_stats(int argc, char **argv) {
    const char *db = NULL;
    tifa_filter unused = {0};
    for (int i = 1; i < argc; i++) {
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (r <= 0) {
            if (!strcmp(argv[i], "--help")) {
                puts("usage: tifa stats [--db PATH]\n\nDocuments, copies (exact and near), meetings, sizes, date range.");
                return 0;
            }
            return usage_error("stats", argv[i]);
        }
    }
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    tifa_corpus_stats s;
    tifa_error err = {0};
    int status = 0;
    if (tifa_corpus_stats_get(c, &s, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: stats: %s\n", err.message);
        status = 1;
    } else {
        printf("documents        %lld\ncopies           %lld\nmeeting reports  %lld\nraw bytes        %lld\n"
               "clean bytes      %lld\ndates            %s .. %s\n",
               (long long)s.documents, (long long)s.near_duplicates, (long long)s.meetings, (long long)s.raw_bytes,
               (long long)s.clean_bytes, s.first_date[0] ? s.first_date : "-", s.last_date[0] ? s.last_date : "-");
    }
    tifa_corpus_close(c);
    return status;
}

/* ----------------------------------------------------------------- trend */

typedef struct {
    tifa_trend_row *rows;
    size_t n;
    int failed; /* out of memory: rows are missing */
} trend_rows;

static int keep_row(void *user, const tifa_trend_row *r) {
    trend_rows *t = user;
    tifa_trend_row *p = realloc(t->rows, (t->n + 1) * sizeof *p);
    char *period = p ? strdup(r->period) : NULL;
    if (p) t->rows = p;
    if (!period) {
        t->failed = 1;
        return 1;
    }
    p[t->n] = *r;
    p[t->n].period = period;
    t->n++;
    return 0;
}

static void bars(const trend_rows *t, int nterms) {
    int64_t max = 1;
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].documents > max) max = t->rows[i].documents;
    for (size_t i = 0; i < t->n; i++) {
        const tifa_trend_row *r = &t->rows[i];
        int width = (int)(40 * r->documents / max);
        printf("%-8s %-12s ", (i % (size_t)nterms) == 0 ? r->period : "", r->term);
        for (int k = 0; k < width; k++) fputs("█", stdout);
        printf(" %lld of %lld readouts, %lld uses\n", (long long)r->documents, (long long)r->dated,
               (long long)r->occurrences);
    }
}

/* What the counts leave out, said once per term on standard error. */
static void undated_note(const trend_rows *t, int nterms) {
    for (int k = 0; k < nterms && (size_t)k < t->n; k++)
        if (t->rows[k].undated)
            fprintf(stderr, "tifa: trend: %s: %lld readout(s) using it have no date, and are in no period\n",
                    t->rows[k].term, (long long)t->rows[k].undated);
}

static const char *trend_help =
    "usage: tifa trend [--db PATH] [--by year|month] [--csv] [--svg FILE] TERM...\n"
    "\n"
    "Per period, from the corpus's first dated readout to its last (every period,\n"
    "also those without any use), the readouts that use each term and its\n"
    "occurrences, and how many readouts are dated in the period (the denominator).\n"
    "A readout is counted once, whatever its copies; a corrected date is used.\n"
    "Readouts that use a term but have no date are in no period: how many is said\n"
    "on standard error, and in the last column of --csv. A bar chart on the\n"
    "terminal; --csv: period,term,documents,occurrences,dated,undated; --svg FILE:\n"
    "a line chart.\n";

int cmd_trend(int argc, char **argv) {
    const char *db = NULL, *svg = NULL;
    int by_month = 0, csv = 0, nterms = 0;
    const char *terms[argc + 1];
    tifa_filter unused = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (r < 0) return r == -1 ? usage_error("trend", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(trend_help, stdout);
            return 0;
        } else if (!strcmp(a, "--by") && i + 1 < argc) {
            const char *by = argv[++i];
            if (!strcmp(by, "month"))
                by_month = 1;
            else if (strcmp(by, "year") != 0)
                return usage_error("trend", by);
        } else if (!strcmp(a, "--csv")) {
            csv = 1;
        } else if (!strcmp(a, "--svg") && i + 1 < argc) {
            svg = argv[++i];
        } else if (a[0] == '-' && a[1] == '-') {
            return usage_error("trend", a);
        } else {
            terms[nterms++] = a;
        }
    }
    if (!nterms) {
        fputs(trend_help, stderr);
        return 2;
    }
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    trend_rows t = {0};
    tifa_error err = {0};
    int status = 0;
    if (tifa_corpus_trend(c, terms, nterms, by_month ? TIFA_TREND_BY_MONTH : 0, keep_row, &t, &err) != TIFA_OK ||
        t.failed) {
        fprintf(stderr, "tifa: trend: %s\n", t.failed ? "out of memory" : err.message);
        status = 1;
    } else {
        if (csv) {
            sbuf out = cli_stdout();
            sbuf_puts(&out, "period,term,documents,occurrences,dated,undated\n");
            for (size_t i = 0; i < t.n; i++) {
                csv_field(&out, t.rows[i].period);
                sbuf_putc(&out, ',');
                csv_field(&out, t.rows[i].term);
                sbuf_printf(&out, ",%lld,%lld,%lld,%lld\n", (long long)t.rows[i].documents,
                            (long long)t.rows[i].occurrences, (long long)t.rows[i].dated, (long long)t.rows[i].undated);
            }
        } else if (!svg) {
            bars(&t, nterms);
        }
        if (!t.n) fprintf(stderr, "tifa: trend: no dated readout in the corpus: no period to count in\n");
        undated_note(&t, nterms);
        if (svg && write_trend_svg(svg, t.rows, t.n, terms, nterms)) status = 1;
    }
    for (size_t i = 0; i < t.n; i++) free((char *)t.rows[i].period);
    free(t.rows);
    tifa_corpus_close(c);
    return status;
}

/* ---------------------------------------------------------------- export */

/* --format records: {"id": N, "record": {...}} a line, the records as
 * tifa extract writes them. */
typedef struct {
    tifa_corpus *c;
    int failed;
} exporter;

static int export_record(void *user, const tifa_hit *h) {
    exporter *e = user;
    char *record = NULL;
    tifa_error err = {0};
    if (tifa_corpus_get(e->c, h->id, &record, NULL, NULL, NULL, NULL, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: export: %s\n", err.message);
        e->failed = 1;
        return 1;
    }
    printf("{\"id\":%lld,\"record\":%s}\n", (long long)h->id, record);
    tifa_free(record);
    return 0;
}

static const char *export_help =
    "usage: tifa export [--db PATH] [--format csv|jsonl|records] [--bom] [--all-copies]\n"
    "                   [filters as in list]\n"
    "\n"
    "One row per meeting (a document without one: one row), each readout once (its\n"
    "first copy; --all-copies: the copies too), the facts as columns, corrections\n"
    "applied:\n"
    "  id, article, kind, file, outlet, url, published, retrieved, date, date_inferred,\n"
    "  name, org, place, chair, chair_title, speakers, present, attendees, source,\n"
    "  numbered, quoted, documents, periods, copies, duplicate_of, corrected, meta\n"
    "csv (the default): lists joined with \"; \", copies a count; --bom for Excel.\n"
    "jsonl: the same as JSON, lists as arrays, copies as objects, plus the text.\n"
    "records: {\"id\": N, \"record\": {...}} a document, the record as extracted.\n";

int cmd_export(int argc, char **argv) {
    const char *db = NULL, *format = "csv";
    tifa_filter f = {0};
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &f);
        if (r < 0) return r == -1 ? usage_error("export", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(export_help, stdout);
            return 0;
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            format = argv[++i];
            if (strcmp(format, "jsonl") && strcmp(format, "csv") && strcmp(format, "records"))
                return usage_error("export", format);
        } else if (!strcmp(a, "--bom")) {
            flags |= TIFA_EXPORT_BOM;
        } else if (!strcmp(a, "--all-copies")) {
            flags |= TIFA_EXPORT_ALL_COPIES;
        } else {
            return usage_error("export", a);
        }
    }
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    tifa_error err = {0};
    int failed = 0;
    if (!strcmp(format, "records")) {
        exporter e = {c, 0};
        if (tifa_corpus_list(c, &f, export_record, &e, &err) != TIFA_OK) {
            fprintf(stderr, "tifa: export: %s\n", err.message);
            e.failed = 1;
        }
        failed = e.failed;
    } else if (tifa_corpus_export(c, !strcmp(format, "csv") ? TIFA_EXPORT_CSV : TIFA_EXPORT_JSONL, &f, flags,
                                  sbuf_write_file, stdout, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: export: %s\n", err.message);
        failed = 1;
    }
    if (fflush(stdout) != 0 && !failed) {
        fprintf(stderr, "tifa: (standard output): write error\n");
        failed = 1;
    }
    tifa_corpus_close(c);
    return failed;
}

/* ----------------------------------------------------------------- check */

static void print_problem(void *user, const char *problem) {
    (void)user;
    printf("problem: %s\n", problem);
}

int cmd_check(int argc, char **argv) {
    const char *db = NULL;
    tifa_filter unused = {0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            puts("usage: tifa check [--db PATH]\n\n"
                 "Checks the corpus without changing it: SQLite's integrity_check, every first copy\n"
                 "with its index entry, every near copy linked to a stored first copy, every raw\n"
                 "text with the SHA-256 it was stored with. Prints each problem; exit 1 if any.");
            return 0;
        }
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (r <= 0) return r == -2 ? 2 : usage_error("check", argv[i]);
    }
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    int64_t n = 0;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_check(c, print_problem, NULL, &n, &err);
    tifa_corpus_close(c);
    if (st != TIFA_OK) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(corpus_path(db)), err.message);
        return 1;
    }
    if (n == 0)
        puts("ok");
    else
        fprintf(stderr, "tifa: %s: %lld problem(s)\n", SHOWN(corpus_path(db)), (long long)n);
    return n ? 1 : 0;
}
