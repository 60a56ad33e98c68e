/*
 * unit_store: the corpus's write promises under I/O faults, the way SQLite
 * tests itself: a VFS shim over the default one fails the Nth write or
 * sync, for N = 1, 2, ... over a whole add (and from the Nth on, for a
 * full disk). After each run: the database is intact, what the adder
 * counted as stored is what is stored, and adding again without faults
 * gives the corpus one clean add gives, copy links included (a
 * rolled-back batch must leave no id behind in memory: SQLite gives the
 * ids out again). Run from the repository root (reads tests/readouts).
 * Prints ok / not ok per check, then "N passed, M failed"; exit 1 on failure.
 */
#include <glob.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tifa.h"

static int npassed, nfailed;

static void check(int cond, const char *fmt, ...) {
    if (cond) {
        npassed++;
        return; /* only failures are printed: there are thousands of checks */
    }
    va_list ap;
    va_start(ap, fmt);
    printf("not ok - ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    nfailed++;
}

/* ------------------------------------------------------------ the VFS shim */

/* What to fail. A test program's own state: the library has none. */
typedef struct {
    long ops;      /* writes and syncs so far */
    long fail_at;  /* the op to fail (1-based); 0: none */
    int sticky;    /* fail every op from fail_at on (a full disk) */
    int code;      /* SQLITE_FULL or SQLITE_IOERR_WRITE */
    long failures; /* how many were failed */
} fault_plan;
static fault_plan fault;

static sqlite3_vfs *base_vfs;

typedef struct {
    sqlite3_file file;
    sqlite3_file *real; /* follows this struct */
} shim_file;

static int faulted(void) {
    fault.ops++;
    if (fault.fail_at && (fault.ops == fault.fail_at || (fault.sticky && fault.ops > fault.fail_at))) {
        fault.failures++;
        return 1;
    }
    return 0;
}

#define REAL(f) (((shim_file *)(f))->real)
static int s_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int s_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) {
    return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int s_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) {
    return faulted() ? fault.code : REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int s_truncate(sqlite3_file *f, sqlite3_int64 n) { return REAL(f)->pMethods->xTruncate(REAL(f), n); }
static int s_sync(sqlite3_file *f, int flags) {
    return faulted() ? SQLITE_IOERR_FSYNC : REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int s_size(sqlite3_file *f, sqlite3_int64 *n) { return REAL(f)->pMethods->xFileSize(REAL(f), n); }
static int s_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int s_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int s_reserved(sqlite3_file *f, int *r) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r); }
static int s_fcntl(sqlite3_file *f, int op, void *a) { return REAL(f)->pMethods->xFileControl(REAL(f), op, a); }
static int s_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int s_caps(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int s_shmmap(sqlite3_file *f, int i, int sz, int ext, void volatile **p) {
    return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, ext, p);
}
static int s_shmlock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void s_shmbarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int s_shmunmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }

/* Version 2: no memory-mapped reads (xFetch), so every write goes through xWrite. */
static const sqlite3_io_methods shim_methods = {
    2,       s_close,  s_read, s_write,  s_truncate, s_sync,       s_size,     s_lock, s_unlock, s_reserved,
    s_fcntl, s_sector, s_caps, s_shmmap, s_shmlock,  s_shmbarrier, s_shmunmap, NULL,   NULL};

static int s_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out) {
    (void)vfs;
    shim_file *s = (shim_file *)f;
    s->real = (sqlite3_file *)(s + 1);
    int rc = base_vfs->xOpen(base_vfs, name, s->real, flags, out);
    f->pMethods = rc == SQLITE_OK && s->real->pMethods ? &shim_methods : NULL;
    return rc;
}
static int s_delete(sqlite3_vfs *v, const char *n, int sync) {
    (void)v;
    return base_vfs->xDelete(base_vfs, n, sync);
}
static int s_access(sqlite3_vfs *v, const char *n, int fl, int *r) {
    (void)v;
    return base_vfs->xAccess(base_vfs, n, fl, r);
}
static int s_full(sqlite3_vfs *v, const char *n, int sz, char *out) {
    (void)v;
    return base_vfs->xFullPathname(base_vfs, n, sz, out);
}
static int s_random(sqlite3_vfs *v, int n, char *out) {
    (void)v;
    return base_vfs->xRandomness(base_vfs, n, out);
}
static int s_sleep(sqlite3_vfs *v, int us) {
    (void)v;
    return base_vfs->xSleep(base_vfs, us);
}
static int s_time(sqlite3_vfs *v, double *t) {
    (void)v;
    return base_vfs->xCurrentTime(base_vfs, t);
}
static int s_error(sqlite3_vfs *v, int n, char *out) {
    (void)v;
    return base_vfs->xGetLastError(base_vfs, n, out);
}

static sqlite3_vfs shim_vfs = {.iVersion = 1,
                               .zName = "faults",
                               .xOpen = s_open,
                               .xDelete = s_delete,
                               .xAccess = s_access,
                               .xFullPathname = s_full,
                               .xRandomness = s_random,
                               .xSleep = s_sleep,
                               .xCurrentTime = s_time,
                               .xGetLastError = s_error};

/* Every connection opened from now on (the library's too) goes through the shim. */
static void install_shim(void) {
    base_vfs = sqlite3_vfs_find(NULL);
    shim_vfs.szOsFile = (int)sizeof(shim_file) + base_vfs->szOsFile;
    shim_vfs.mxPathname = base_vfs->mxPathname;
    sqlite3_vfs_register(&shim_vfs, 1);
}

/* ------------------------------------------------------------ documents */

typedef struct {
    char name[64];
    char *bytes;
    size_t len;
} doc;

#define NORIG   10
#define NREPOST 4
#define NEXACT  2
#define NDOCS   (NORIG + NREPOST + NEXACT)
static doc docs[NDOCS];

static char *slurp(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, (1 << 20) - 1, fp) : 0;
    fclose(fp);
    return buf;
}

/* Ten readouts, reposts of four of them (a line before, a source line
 * after), each after its original with others between, and exact copies
 * of two (the same text with CRLF line ends: other bytes, the same clean
 * text) right after theirs. */
static int load_docs(void) {
    glob_t g;
    if (glob("tests/readouts/*.txt", 0, NULL, &g) != 0 || g.gl_pathc < 3 * NORIG) return -1;
    int k = 0, orig[NORIG];
    for (int i = 0; i < NORIG; i++) {
        doc *d = &docs[k];
        orig[i] = k++;
        snprintf(d->name, sizeof d->name, "orig-%d.txt", i);
        if (!(d->bytes = slurp(g.gl_pathv[i * 3], &d->len))) return -1;
        if (i >= 7 && i - 7 < NEXACT) {
            doc *x = &docs[k++];
            snprintf(x->name, sizeof x->name, "crlf-of-orig-%d.txt", i);
            if (!(x->bytes = malloc(2 * d->len + 1))) return -1;
            for (size_t j = 0; j < d->len; j++) {
                if (d->bytes[j] == '\n' && (j == 0 || d->bytes[j - 1] != '\r')) x->bytes[x->len++] = '\r';
                x->bytes[x->len++] = d->bytes[j];
            }
        }
        if (i < 2 || i - 2 >= NREPOST) continue;
        const doc *o = &docs[orig[i - 2]]; /* reposted two originals later */
        doc *r = &docs[k++];
        snprintf(r->name, sizeof r->name, "repost-of-orig-%d.txt", i - 2);
        const char *head = "转载：\n", *tail = "\n（来源：某某网）\n";
        r->len = strlen(head) + o->len + strlen(tail);
        if (!(r->bytes = malloc(r->len))) return -1;
        memcpy(r->bytes, head, strlen(head));
        memcpy(r->bytes + strlen(head), o->bytes, o->len);
        memcpy(r->bytes + strlen(head) + o->len, tail, strlen(tail));
    }
    globfree(&g);
    return k == NDOCS ? 0 : -1;
}

/* ------------------------------------------------------------ the adder */

/* Adds every document as tifa add does: a result counts once its batch
 * is committed; a rolled-back batch is added again, up to `tries` times.
 * Returns how many were counted as stored (added or near copies). */
static int add_all(tifa_corpus *c, int tries) {
    int stored = 0, open_stored = 0, first_open = 0;
    for (int i = 0; i <= NDOCS; i++) {
        tifa_error err = {0};
        tifa_add_result r = TIFA_IDENTICAL;
        int64_t id;
        /* One past the last: the closing commit, which may fail too. */
        tifa_status st = i < NDOCS ? tifa_corpus_add(c, docs[i].name, docs[i].bytes, docs[i].len, &r, &id, &err)
                                   : tifa_corpus_commit(c, &err);
        if (st == TIFA_EBATCH) {
            check(tifa_corpus_uncommitted(c) == 0, "after a rollback nothing is uncommitted");
            open_stored = 0;
            if (--tries <= 0) return stored; /* given up: the rest is not added */
            i = first_open - 1;              /* the batch again */
            continue;
        }
        if (st != TIFA_OK) { /* this document alone failed */
            if (getenv("UNIT_STORE_DEBUG"))
                fprintf(stderr, "%s: %s\n", i < NDOCS ? docs[i].name : "commit", err.message);
            continue;
        }
        open_stored += r != TIFA_IDENTICAL;
        if (tifa_corpus_uncommitted(c) == 0) {
            stored += open_stored;
            open_stored = 0;
            first_open = i + 1;
        }
    }
    return stored;
}

/* ------------------------------------------------------------ the checks */

static char *query_all(const char *db, const char *sql) {
    sqlite3 *h;
    sqlite3_stmt *st;
    char *out = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&out, &len);
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(st); i++)
                fprintf(fp, "%s%c", sqlite3_column_text(st, i) ? (const char *)sqlite3_column_text(st, i) : "-",
                        i + 1 < sqlite3_column_count(st) ? '|' : '\n');
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    fclose(fp);
    return out;
}

/* The corpus by content: each document's clean hash, its first copy's. */
static char *shape(const char *db) {
    return query_all(db, "SELECT d.clean_sha256, (SELECT e.clean_sha256 FROM doc e WHERE e.id = d.duplicate_of),"
                         " d.file FROM doc d ORDER BY 1, 3");
}

static int count_docs(const char *db) {
    char *s = query_all(db, "SELECT count(*) FROM doc");
    int n = s ? atoi(s) : -1;
    free(s);
    return n;
}

static int intact(const char *db) {
    char *s = query_all(db, "PRAGMA integrity_check");
    int ok = s && !strcmp(s, "ok\n");
    free(s);
    return ok;
}

static void remove_db(const char *db) {
    char p[300];
    const char *suffix[] = {"", "-wal", "-shm", "-journal"};
    for (int i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", db, suffix[i]);
        unlink(p);
    }
}

/* One run with the Nth op failing (and every later one when sticky). */
static void run_fault(const char *db, const char *want, long n, int sticky, int code) {
    remove_db(db);
    fault = (fault_plan){.fail_at = n, .sticky = sticky, .code = code};
    tifa_corpus *c;
    tifa_error err = {0};
    int stored = -1;
    if (tifa_corpus_open(db, 0, &c, &err) == TIFA_OK) {
        tifa_corpus_set_batch(c, 3);
        stored = add_all(c, sticky ? 2 : 4);
        tifa_corpus_close(c);
    }
    fault.fail_at = 0;
    const char *kind = sticky ? "disk full" : code == SQLITE_FULL ? "one write full" : "one I/O error";
    check(intact(db), "%s at op %ld: integrity", kind, n);
    if (stored >= 0)
        check(stored == count_docs(db), "%s at op %ld: counted %d, stored %d", kind, n, stored, count_docs(db));
    if (!sticky && stored >= 0) {
        char *got = shape(db);
        check(got && !strcmp(got, want), "%s at op %ld: retried, the corpus of a clean add", kind, n);
        free(got);
    }
    /* Space freed, or the fault gone: add everything again. */
    if (tifa_corpus_open(db, 0, &c, &err) != TIFA_OK) {
        check(0, "%s at op %ld: reopening: %s", kind, n, err.message);
        return;
    }
    tifa_corpus_set_batch(c, 3);
    int again = add_all(c, 1);
    tifa_corpus_close(c);
    char *got = shape(db);
    check(got && !strcmp(got, want), "%s at op %ld: added again, the corpus of a clean add", kind, n);
    check(again + (stored > 0 ? stored : 0) == count_docs(db), "%s at op %ld: both counts add up", kind, n);
    free(got);
}

int main(void) {
    install_shim();
    if (load_docs() != 0) {
        printf("not ok - cannot read tests/readouts (run from the repository root)\n");
        return 1;
    }
    char db[] = "/tmp/tifa-unit-store-XXXXXX";
    int fd = mkstemp(db);
    if (fd < 0) return 1;
    close(fd);

    /* The clean run, counting the ops a fault may hit. */
    remove_db(db);
    fault = (fault_plan){0};
    tifa_corpus *c;
    tifa_error err = {0};
    if (tifa_corpus_open(db, 0, &c, &err) != TIFA_OK) return 1;
    tifa_corpus_set_batch(c, 3);
    int stored = add_all(c, 1);
    tifa_corpus_close(c);
    long total = fault.ops;
    char *want = shape(db);
    char *links = query_all(db, "SELECT count(*) FROM doc WHERE duplicate_of IS NOT NULL GROUP BY copy ORDER BY copy");
    check(stored == NDOCS && count_docs(db) == NDOCS, "clean run: every document stored (%d)", stored);
    char kinds[32];
    snprintf(kinds, sizeof kinds, "%d\n%d\n", NEXACT, NREPOST);
    check(links && !strcmp(links, kinds), "clean run: the exact copies and the reposts are linked (%s)", links ? links : "?");
    free(links);

    for (long n = 1; n <= total + 2; n++) {
        run_fault(db, want, n, 0, SQLITE_IOERR_WRITE);
        run_fault(db, want, n, 0, SQLITE_FULL);
        run_fault(db, want, n, 1, SQLITE_FULL);
    }
    printf("faults at each of %ld writes and syncs, three kinds\n", total + 2);
    free(want);
    remove_db(db);
    for (int i = 0; i < NDOCS; i++) free(docs[i].bytes);
    printf("%d passed, %d failed\n", npassed, nfailed);
    return nfailed ? 1 : 0;
}
