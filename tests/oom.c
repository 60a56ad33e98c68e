/*
 * oom: out-of-memory injection, SQLite style. Each entry point runs again
 * and again, its first, second, third... allocation failing, until a run
 * completes with no allocation failed. Every run must end in an error
 * status or in the very output of a run with memory to spare (a caller
 * such as glibc's qsort may cope with a failed allocation on its own), and
 * must free every block it allocated: a failure path that crashes, leaks
 * or returns half a result is a bug.
 *
 * Entry points: tifa_clean, tifa_extract and tifa_corpus_add (with its
 * commit), each on five documents (two built in, a readout from examples/
 * and two pages from tests/html/); tifa_corpus_search (hits with their
 * copies and sources), tifa_corpus_get, tifa_corpus_doc and
 * tifa_corpus_export (CSV and JSON Lines) on a corpus of the five and an
 * exact copy; tifa_corpus_correct (three fields, all or none);
 * tifa_corpus_reextract of that corpus as an older version would have
 * left it (the whole batch, or nothing);
 * tifa_diff_write; the internal sentence and character diff with its two
 * writers; tifa_extract_warc and tifa_warc_pages (add --warc) on the edge-case archive
 * tests/warc/edge/utf8.warc.gz (gzip members, chunked and gzip bodies, raw
 * deflate, an HTTP charset, a page that fails; UTF-8 pages only:
 * tifa_detect_encoding returns an encoding and cannot say that memory ran
 * out, so under injection its guess between GB18030 and Big5 may change)
 * and tifa_extract_files on two documents; sbuf itself (in memory, through a
 * staged sink, a file read whole). A batch may have written records
 * before its error: for it, an error status is enough, and an OK status
 * must come with the whole output.
 *
 * The injector replaces malloc and friends: glibc lets a program define
 * them, and reaches the real ones as __libc_*. So this test is built
 * without sanitizers (they replace malloc themselves) and under valgrind
 * (which does too) it prints a SKIP. Blocks allocated while armed are kept
 * in a hash set; what is left in it after the call (and, for the corpus,
 * after closing it) is a leak.
 *
 *   ./build/test-oom     from the repository root
 * Prints ok / not ok per check, then "N passed, M failed, K skipped".
 * OOM_TRACE=1 goes on past a failing run and prints, for each, the stack of
 * the allocation that failed (addresses: addr2line -f -e build/test-oom);
 * in a debugger, `break injected_failure`.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <iconv.h>
#include <sqlite3.h>
#include "tifa.h"
#include "diff.h"
#include "json.h"
#include "record.h"
#include "sbuf.h"

static int npassed, nfailed, nskipped;

static void check(int cond, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf(cond ? "ok - " : "not ok - ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (cond)
        npassed++;
    else
        nfailed++;
    fflush(stdout);
}

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define INJECT 1
#else
#define INJECT 0
#endif

/* ------------------------------------------------------------ the injector */

#if INJECT
#include <execinfo.h>
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static int armed;
static long fail_at = -1, calls;

/* The blocks allocated while armed: open addressing, linear probing,
 * deletion by backward shift (no tombstones, so a run with a million
 * allocations does not fill it). A slot is used when its epoch is the
 * current one: a new epoch empties the set in O(1). */
#define SET_BITS 20
#define SET_SIZE (1u << SET_BITS)
typedef struct {
    void *p;
    unsigned epoch;
} slot;
static slot set[SET_SIZE];
static unsigned epoch = 1;
static long live;

static size_t home(const void *p) {
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> (64 - SET_BITS));
}
static int used(size_t i) { return set[i].epoch == epoch; }

static void set_add(void *p) {
    if (live >= (long)(SET_SIZE / 2)) {
        static const char msg[] = "oom: too many live blocks to track\n";
        if (write(2, msg, sizeof msg - 1) < 0) _exit(3);
        _exit(3);
    }
    size_t i = home(p);
    while (used(i)) i = (i + 1) & (SET_SIZE - 1);
    set[i].p = p;
    set[i].epoch = epoch;
    live++;
}

static void set_remove(void *p) {
    if (!live) return;
    size_t i = home(p);
    while (used(i) && set[i].p != p) i = (i + 1) & (SET_SIZE - 1);
    if (!used(i)) return; /* allocated before arming: not ours to count */
    live--;
    /* Shift back the entries that probed past the hole. */
    for (size_t j = (i + 1) & (SET_SIZE - 1); used(j); j = (j + 1) & (SET_SIZE - 1)) {
        size_t k = home(set[j].p);
        int between = i <= j ? (i < k && k <= j) : (i < k || k <= j);
        if (between) continue;
        set[i] = set[j];
        i = j;
    }
    set[i].epoch = 0;
}

/* A breakpoint for the debugger: `break injected_failure` stops at the
 * allocation that fails. */
__attribute__((noinline)) static void injected_failure(void) { __asm__ volatile(""); }
/* OOM_TRACE: the stack of the last failed allocation. */
static void *frames[12];
static int nframes;
static int trace;

static int should_fail(void) {
    if (!armed || calls++ != fail_at) return 0;
    errno = ENOMEM; /* as the C library's malloc does: callers such as iconv_open pass it on */
    injected_failure();
    if (trace) nframes = backtrace(frames, 12);
    return 1;
}

void *malloc(size_t n) {
    if (should_fail()) return NULL;
    void *p = __libc_malloc(n);
    if (armed && p) set_add(p);
    return p;
}
void *calloc(size_t n, size_t s) {
    if (should_fail()) return NULL;
    void *p = __libc_calloc(n, s);
    if (armed && p) set_add(p);
    return p;
}
/* A block grown while armed stays counted if it was; one allocated
 * before arming (a stdio buffer...) stays the caller's. */
void *realloc(void *q, size_t n) {
    if (q && n == 0) {
        free(q);
        return NULL;
    }
    if (should_fail()) return NULL;
    long before = live;
    if (q) set_remove(q);
    int tracked = q ? live < before : armed;
    void *p = __libc_realloc(q, n);
    if (!p && tracked && q) set_add(q); /* the old block is still there */
    if (p && tracked) set_add(p);
    return p;
}
void free(void *p) {
    if (p) set_remove(p);
    __libc_free(p);
}

static void arm(long at) {
    epoch++;
    live = 0;
    calls = 0;
    fail_at = at;
    armed = 1;
}
static void disarm(void) { armed = 0; }
/* Whether the armed allocation failed during the call that started when
 * `calls` was c0. */
static int failed_since(long c0) { return c0 <= fail_at && calls > fail_at; }

/* ------------------------------------------------------------ the driver */

/* One entry point under test: run(at) arms with arm(at), calls, disarms,
 * cleans up, and says what went wrong in why (empty: nothing). */
typedef void (*case_fn)(long at, char *why, size_t whylen);

/* Fails allocation 0, 1, 2... until a run needs none to fail. */
static void inject(const char *name, case_fn run) {
    char why[200] = "";
    long failures = 0;
    for (long at = 0;; at++) {
        why[0] = 0;
        run(at, why, sizeof why);
        if (why[0] && trace) {
            printf("# %s: %s\n", name, why);
            fflush(stdout);
            backtrace_symbols_fd(frames + 3, nframes - 3, 1);
            why[0] = 0;
            continue;
        }
        if (why[0]) break;
        if (calls <= at) break; /* this run had every allocation it asked for */
        failures++;
    }
    if (!why[0] && failures == 0 && calls == 0) { /* our malloc is not the one in use (valgrind...) */
        printf("ok - %s: out of memory # SKIP malloc is replaced by the environment\n", name);
        nskipped++;
        return;
    }
    check(!why[0] && failures > 0, "%s: out of memory at each of %ld allocations: an error, nothing leaked%s%s", name,
          failures, why[0] ? ": " : "", why);
}

/* ------------------------------------------------------------ inputs */

/* A readout in traditional script with pinyin, a headline, a dateline, a
 * chair, a speaker, people present and formulations: every stage works. */
static const char readout[] = "國務院召開常務會議 研究部署經濟工作\n"
                              "新華社北京3月5日電（記者王強）\n"
                              "國務院總理李強3月5日主持召開國務院常務會議，研究部署下一步經濟工作。\n"
                              "會議指出，要堅持“兩個確立”，做到“兩個維護”，落實“十四五”規劃。\n"
                              "國務院副總理丁薛祥出席會議並講話。他強調，要推動高質(zhì)量發展。\n"
                              "《政府工作報告》提出，2025年要抓好三項重點工作。\n"
                              "責任編輯：張偉\n";

static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>市政府召开常务会议</title></head>"
    "<body><div class=\"nav\">首页 | 新闻</div><div class=\"content\"><h1>市政府召开常务会议</h1>"
    "<p>3月5日，市长张伟主持召开市政府常务会议。</p><p>会议强调，要抓好&ldquo;三农&rdquo;工作。</p>"
    "</div><div class=\"footer\">版权所有</div></body></html>";

/* ------------------------------------------------------------ clean, extract */

typedef struct {
    char *out;
    size_t len;
} ref;

/* A document under test, with its outputs made with memory to spare. */
typedef struct {
    const char *name; /* the record's "file"; a .html name is read as a web page */
    char *bytes;
    size_t len;
    ref clean, extract;
} doc;

/* The two above, a readout in traditional script with pinyin and
 * mojibake, and two pages from tests/html (one GB2312). */
#define NDOCS 5
static doc docs[NDOCS];
static const doc *cur; /* the document the run_* functions work on */

static int load(doc *d, const char *name) {
    FILE *fp = fopen(name, "rb");
    if (!fp) {
        fprintf(stderr, "oom: %s: cannot open (run from the repository root)\n", name);
        return 0;
    }
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    d->name = name;
    d->bytes = malloc(n ? n : 1);
    if (!d->bytes) return 0;
    memcpy(d->bytes, buf, n);
    d->len = n;
    return 1;
}

static int load_docs(void) {
    docs[0] = (doc){"readout.txt", strdup(readout), sizeof readout - 1, {0}, {0}};
    docs[1] = (doc){"page.html", strdup(page), sizeof page - 1, {0}, {0}};
    return docs[0].bytes && docs[1].bytes && load(&docs[2], "examples/002_6ff96e32e61068e8.txt") &&
           load(&docs[3], "tests/html/xinhua.html") && load(&docs[4], "tests/html/people.html");
}

/* Either an error with nothing returned, or the reference output. */
static void judge(tifa_status st, long c0, const char *out, size_t len, const ref *want, char *why, size_t whylen) {
    if (st == TIFA_OK && (len != want->len || memcmp(out, want->out, len) != 0))
        snprintf(why, whylen, "allocation %ld failed, status OK, output differs", fail_at);
    else if (st != TIFA_OK && !failed_since(c0))
        snprintf(why, whylen, "status %d without a failed allocation", (int)st);
    else if (st != TIFA_OK && out)
        snprintf(why, whylen, "status %d, output returned", (int)st);
}

/* The options a name asks for: a .html name is a web page. */
static tifa_options options_for(const char *name) {
    tifa_options opt;
    tifa_options_init(&opt);
    size_t n = strlen(name);
    opt.input = n > 5 && strcmp(name + n - 5, ".html") == 0 ? TIFA_INPUT_HTML : TIFA_INPUT_TEXT;
    return opt;
}

static void run_clean(long at, char *why, size_t whylen) {
    char *out = NULL;
    size_t len = 0;
    tifa_error err;
    tifa_options opt = options_for(cur->name);
    arm(at);
    tifa_status st = tifa_clean(&opt, cur->bytes, cur->len, &out, &len, NULL, &err);
    disarm();
    judge(st, 0, out, len, &cur->clean, why, whylen);
    tifa_free(out);
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

static void run_extract(long at, char *why, size_t whylen) {
    char *out = NULL;
    size_t len = 0;
    tifa_error err;
    tifa_options opt = options_for(cur->name);
    arm(at);
    tifa_status st = tifa_extract(&opt, cur->name, cur->bytes, cur->len, 0, &out, &len, &err);
    disarm();
    judge(st, 0, out, len, &cur->extract, why, whylen);
    tifa_free(out);
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

/* ------------------------------------------------------------ corpus */

static char db_path[64];

/* A database and its -wal and -shm files. */
static void remove_files(const char *db) {
    char p[120];
    unlink(db);
    snprintf(p, sizeof p, "%s-wal", db);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db);
    unlink(p);
}

static void remove_db(void) { remove_files(db_path); }

/* The corpus is opened with memory to spare; adding and committing run
 * armed; closing runs disarmed, and what the add allocated must be gone
 * after it. */
static void run_corpus_add(long at, char *why, size_t whylen) {
    tifa_corpus *c = NULL;
    tifa_error err;
    remove_db();
    if (tifa_corpus_open(db_path, 0, &c, &err) != TIFA_OK) {
        snprintf(why, whylen, "cannot open %s: %s", db_path, err.message);
        return;
    }
    tifa_add_result res = TIFA_IDENTICAL;
    int64_t id = 0;
    arm(at);
    tifa_status st = tifa_corpus_add(c, cur->name, cur->bytes, cur->len, &res, &id, &err);
    if (st == TIFA_OK) st = tifa_corpus_commit(c, &err);
    disarm();
    int failed = calls > at;
    tifa_corpus_close(c);
    if (st == TIFA_OK && (res != TIFA_ADDED || id != 1))
        snprintf(why, whylen, "allocation %ld failed, status OK, result %d id %lld", at, (int)res, (long long)id);
    else if (st != TIFA_OK && !failed)
        snprintf(why, whylen, "status %d without a failed allocation: %s", (int)st, err.message);
    else if (live)
        snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

/* A corpus holding the five documents, for the reading calls. What a
 * search finds is written, in order, into a fixed buffer (the callback must
 * not allocate: it runs armed). Not the snippet's words: FTS5's snippet()
 * settles for another fragment when its scoring runs out of memory, without
 * an error; that is SQLite's choice, and the snippet is there either way. */
static char search_db[80];
typedef struct {
    char text[8192];
    size_t len;
} hits;
static hits search_ref;
static char *get_ref;

static void hits_add(hits *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void hits_add(hits *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->text + o->len, sizeof o->text - o->len, fmt, ap);
    va_end(ap);
    if (n > 0) o->len += (size_t)n < sizeof o->text - o->len ? (size_t)n : sizeof o->text - o->len - 1;
}

static int collect_hit(void *user, const tifa_hit *h) {
    hits *o = user;
    hits_add(o, "%lld %s %s %s %s %d %s %s %s %zu", (long long)h->id, h->file ? h->file : "", h->date ? h->date : "",
             h->meeting ? h->meeting : "", h->title ? h->title : "", h->snippet != NULL, h->outlet ? h->outlet : "",
             h->url ? h->url : "", h->copy ? h->copy : "", h->ncopies);
    for (size_t i = 0; i < h->ncopies; i++)
        hits_add(o, " %lld:%s:%d", (long long)h->copies[i].id, h->copies[i].file ? h->copies[i].file : "",
                 h->copies[i].near);
    hits_add(o, "|");
    return 0;
}

/* An export, summed up: its length and a checksum of its bytes. */
typedef struct {
    size_t len;
    uint64_t sum;
} digest;

static int digest_write(void *user, const char *data, size_t len) {
    digest *d = user;
    for (size_t i = 0; i < len; i++) d->sum = d->sum * 1099511628211u + (unsigned char)data[i];
    d->len += len;
    return 0;
}

/* Searches (two characters, so both the index and the snippets work),
 * reads back a document's record, clean text and raw bytes, exports, and
 * compares two stored documents. */
static tifa_status read_corpus(tifa_corpus *c, hits *found, char **record, tifa_error *err) {
    tifa_filter f = {0};
    int64_t total = 0;
    found->len = 0;
    found->text[0] = 0;
    tifa_status st = tifa_corpus_search(c, "会议 强调", &f, collect_hit, found, &total, err);
    if (st != TIFA_OK) return st;
    char *clean = NULL, *raw = NULL, *file = NULL;
    size_t raw_len = 0;
    st = tifa_corpus_get(c, 3, record, &clean, &raw, &raw_len, &file, err);
    tifa_free(clean);
    tifa_free(raw);
    tifa_free(file);
    if (st == TIFA_OK) st = tifa_corpus_doc(c, 6, collect_hit, found, err);
    for (int format = 0; format < 2 && st == TIFA_OK; format++) {
        digest d = {0, 14695981039346656037u};
        st = tifa_corpus_export(c, (tifa_export_format)format, &f, TIFA_EXPORT_ALL_COPIES, digest_write, &d, err);
        hits_add(found, "export %d: %zu %llx|", format, d.len, (unsigned long long)d.sum);
    }
    for (unsigned flags = 0; flags < 2 && st == TIFA_OK; flags++) { /* the report, the JSON */
        digest d = {0, 14695981039346656037u};
        st = tifa_corpus_diff(c, 1, 3, flags, digest_write, &d, err);
        hits_add(found, "diff %u: %zu %llx|", flags, d.len, (unsigned long long)d.sum);
    }
    return st;
}

static int make_search_db(void) {
    snprintf(search_db, sizeof search_db, "%s-search", db_path);
    tifa_corpus *c;
    tifa_error err;
    if (tifa_corpus_open(search_db, 0, &c, &err) != TIFA_OK) return 0;
    for (int i = 0; i < NDOCS; i++) {
        tifa_add_result r;
        int64_t id;
        if (tifa_corpus_add(c, docs[i].name, docs[i].bytes, docs[i].len, &r, &id, &err) != TIFA_OK) return 0;
    }
    /* An exact copy of the third, with its source: hits carry copies. */
    char *crlf = malloc(2 * docs[2].len);
    size_t n = 0;
    for (size_t i = 0; crlf && i < docs[2].len; i++) {
        if (docs[2].bytes[i] == '\n') crlf[n++] = '\r';
        crlf[n++] = docs[2].bytes[i];
    }
    tifa_source src = {"工信部", "https://www.miit.gov.cn/a.html", "2022-12-30", NULL, "{\"k\":1}"};
    tifa_add_result r = TIFA_ADDED;
    int64_t id = 0;
    int ok = crlf && tifa_corpus_add_source(c, "crlf.txt", crlf, n, &src, &r, &id, &err) == TIFA_OK &&
             r == TIFA_DUPLICATE && id == 6;
    free(crlf);
    tifa_corpus_close(c);
    if (!ok) return 0;
    if (tifa_corpus_open(search_db, TIFA_CORPUS_READONLY, &c, &err) != TIFA_OK) return 0;
    tifa_status st = read_corpus(c, &search_ref, &get_ref, &err);
    tifa_corpus_close(c);
    return st == TIFA_OK && search_ref.len > 0 && get_ref;
}

/* The corpus is opened read-only with memory to spare; searching and
 * reading run armed. */
static void run_corpus_read(long at, char *why, size_t whylen) {
    tifa_corpus *c = NULL;
    tifa_error err;
    if (tifa_corpus_open(search_db, TIFA_CORPUS_READONLY, &c, &err) != TIFA_OK) {
        snprintf(why, whylen, "cannot open %s: %s", search_db, err.message);
        return;
    }
    static hits found;
    char *record = NULL;
    arm(at);
    tifa_status st = read_corpus(c, &found, &record, &err);
    disarm();
    int failed = calls > at;
    tifa_corpus_close(c);
    if (st == TIFA_OK && (found.len != search_ref.len || memcmp(found.text, search_ref.text, found.len) != 0 ||
                          !record || strcmp(record, get_ref) != 0))
        snprintf(why, whylen, "allocation %ld failed, status OK, other hits or record", at);
    else if (st != TIFA_OK && !failed)
        snprintf(why, whylen, "status %d without a failed allocation: %s", (int)st, err.message);
    tifa_free(record);
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

/* A corpus to correct, afresh for each run: a copy of the searched one. */
static char correct_db[100];

static int copy_file(const char *from, const char *to) {
    FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
    static char buf[1 << 16];
    size_t n;
    int ok = a && b;
    while (ok && (n = fread(buf, 1, sizeof buf, a)) > 0) ok = fwrite(buf, 1, n, b) == n;
    if (a) fclose(a);
    if (b && fclose(b) != 0) ok = 0;
    return ok;
}

/* What the corrections of document 3 are, as one line. */
static void corrections_now(const char *db, char *out, size_t cap) {
    sqlite3 *h;
    sqlite3_stmt *st;
    size_t k = 0;
    out[0] = 0;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h,
                           "SELECT (SELECT group_concat(field || '=' || coalesce(value, '-')) FROM correction),"
                           " (SELECT count(*) FROM correction_log), date FROM doc WHERE id = 3",
                           -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            k = (size_t)snprintf(out, cap, "%s %d %s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "",
                                 sqlite3_column_int(st, 1), (const char *)sqlite3_column_text(st, 2));
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    (void)k;
}

static char correct_ref[200], correct_none[200];

static void run_corpus_correct(long at, char *why, size_t whylen) {
    tifa_corpus *c = NULL;
    tifa_error err;
    char wal[120];
    snprintf(wal, sizeof wal, "%s-wal", correct_db);
    unlink(wal);
    if (!copy_file(search_db, correct_db) || tifa_corpus_open(correct_db, 0, &c, &err) != TIFA_OK) {
        snprintf(why, whylen, "cannot make %s", correct_db);
        return;
    }
    static const char *const names[] = {"date", "place", "chair"}, *const values[] = {"2023-01-03", "北京", ""};
    arm(at);
    tifa_status st = tifa_corpus_correct(c, 3, names, values, 3, 0, "a note", &err);
    disarm();
    int failed = calls > at;
    tifa_corpus_close(c);
    char now[200];
    corrections_now(correct_db, now, sizeof now);
    if (st == TIFA_OK && strcmp(now, correct_ref) != 0)
        snprintf(why, whylen, "allocation %ld failed, status OK, but %s", at, now);
    else if (st != TIFA_OK && strcmp(now, correct_none) != 0)
        snprintf(why, whylen, "allocation %ld failed, status %d, yet %s (half a correction?)", at, (int)st, now);
    else if (st != TIFA_OK && !failed)
        snprintf(why, whylen, "status %d without a failed allocation: %s", (int)st, err.message);
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

static int make_correct_ref(void) {
    snprintf(correct_db, sizeof correct_db, "%s-correct", db_path);
    if (!copy_file(search_db, correct_db)) return 0;
    corrections_now(correct_db, correct_none, sizeof correct_none);
    tifa_corpus *c;
    tifa_error err;
    static const char *const names[] = {"date", "place", "chair"}, *const values[] = {"2023-01-03", "北京", ""};
    if (tifa_corpus_open(correct_db, 0, &c, &err) != TIFA_OK) return 0;
    tifa_status st = tifa_corpus_correct(c, 3, names, values, 3, 0, "a note", &err);
    tifa_corpus_close(c);
    corrections_now(correct_db, correct_ref, sizeof correct_ref);
    return st == TIFA_OK && strcmp(correct_ref, correct_none) != 0 && strstr(correct_ref, "date=2023-01-03");
}

/* A corpus an older tifa would have left: the searched one with document
 * 3 corrected, then its meeting's name (record and column) and the date
 * its correction overrides changed, and document 4's terms gone.
 * tifa_corpus_reextract must give the corrected corpus back, or (when it
 * fails) leave the old one as it was: its one batch is one transaction
 * (memory may also run out once it is committed: then the new one). */
static char reextract_old[100], reextract_db[100];
static uint64_t reextract_want, reextract_was;

static uint64_t fnv(uint64_t d, const char *s) {
    for (const unsigned char *p = (const unsigned char *)(s ? s : "\x01"); *p; p++) d = (d ^ *p) * 1099511628211u;
    return (d ^ 0xff) * 1099511628211u;
}

/* FNV-1a over what reextract rewrites or must keep, row by row; each
 * record as tifa_corpus_get gives it back (out of memory, a record is
 * stored whole rather than with its texts as references: the same
 * record). Read with memory to spare. */
static uint64_t corpus_digest(const char *db) {
    static const char *const sql[] = {
        "SELECT id, clean, clean_sha256, date, meeting, org, title, article, copy, simhash, hex(sketch) FROM doc"
        " ORDER BY id",
        "SELECT doc, field, value, auto, note, at FROM correction ORDER BY doc, field",
        "SELECT id, simhash, hex(sketch) FROM near_index ORDER BY id"};
    sqlite3 *h;
    uint64_t d = 1469598103934665603u;
    int64_t ids = 0;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) return 0;
    for (size_t q = 0; q < sizeof sql / sizeof sql[0]; q++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, sql[q], -1, &st, NULL) != SQLITE_OK) return sqlite3_close(h), 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            ids += q == 0;
            for (int i = 0; i < sqlite3_column_count(st); i++) d = fnv(d, (const char *)sqlite3_column_text(st, i));
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    tifa_corpus *c;
    tifa_error err;
    if (tifa_corpus_open(db, TIFA_CORPUS_READONLY, &c, &err) != TIFA_OK) return 0;
    for (int64_t id = 1; id <= ids; id++) {
        char *record = NULL;
        if (tifa_corpus_get(c, id, &record, NULL, NULL, NULL, NULL, &err) != TIFA_OK) d = 0;
        d = fnv(d, record);
        tifa_free(record);
    }
    tifa_corpus_close(c);
    return d;
}

static int run_sql(const char *db, const char *sql) {
    sqlite3 *h;
    int ok = sqlite3_open(db, &h) == SQLITE_OK && sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(h);
    return ok;
}

static int make_reextract_ref(void) {
    snprintf(reextract_old, sizeof reextract_old, "%s-older", db_path);
    snprintf(reextract_db, sizeof reextract_db, "%s-reextract", db_path);
    static const char *const names[] = {"date"}, *const values[] = {"2023-01-03"};
    tifa_corpus *c;
    tifa_error err;
    if (!copy_file(search_db, reextract_old) || tifa_corpus_open(reextract_old, 0, &c, &err) != TIFA_OK) return 0;
    tifa_status st = tifa_corpus_correct(c, 3, names, values, 1, 0, NULL, &err);
    tifa_corpus_close(c);
    reextract_want = corpus_digest(reextract_old);
    if (st != TIFA_OK ||
        !run_sql(reextract_old,
                 "UPDATE doc SET record = json_set(record, '$.articles[0].meeting.name', '旧名称'), meeting = '旧名称'"
                 " WHERE id = 3; UPDATE correction SET auto = '2022-12-01' WHERE doc = 3;"
                 " UPDATE doc SET record = json_set(record, '$.articles[0].terms', json('{}')) WHERE id = 4;"))
        return 0;
    reextract_was = corpus_digest(reextract_old);
    return reextract_want && reextract_was && reextract_want != reextract_was;
}

static void run_corpus_reextract(long at, char *why, size_t whylen) {
    tifa_corpus *c = NULL;
    tifa_error err;
    remove_files(reextract_db);
    if (!copy_file(reextract_old, reextract_db) || tifa_corpus_open(reextract_db, 0, &c, &err) != TIFA_OK) {
        snprintf(why, whylen, "cannot make %s", reextract_db);
        return;
    }
    tifa_reextract_stats n;
    arm(at);
    tifa_status st = tifa_corpus_reextract(c, NULL, 0, 0, 1, NULL, NULL, &n, &err);
    disarm();
    int failed = calls > at;
    tifa_corpus_close(c);
    uint64_t now = corpus_digest(reextract_db);
    if (st == TIFA_OK && (now != reextract_want || n.changed != 2 || n.failed != 0))
        snprintf(why, whylen, "allocation %ld failed, status OK, but changed %lld, failed %lld, corpus %s", at,
                 (long long)n.changed, (long long)n.failed, now == reextract_want ? "right" : "wrong");
    else if (st != TIFA_OK && now != reextract_was && now != reextract_want)
        snprintf(why, whylen, "allocation %ld failed, status %d, and the corpus is neither the old nor the new (half a"
                 " batch?)", at, (int)st);
    else if (st != TIFA_OK && !failed)
        snprintf(why, whylen, "status %d without a failed allocation: %s", (int)st, err.message);
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

static void remove_search_db(void) {
    remove_files(search_db);
    tifa_free(get_ref);
}

/* ------------------------------------------------------------ diff */

/* tifa_diff_write of the built-in readout against the one from examples/,
 * as JSON then as the report, into fixed buffers (the sink runs armed). */
typedef struct {
    char text[1 << 16];
    size_t len;
} sinkbuf;
static sinkbuf diff_ref[2];

static int to_sinkbuf(void *user, const char *data, size_t len) {
    sinkbuf *b = user;
    if (len > sizeof b->text - b->len) return 1;
    memcpy(b->text + b->len, data, len);
    b->len += len;
    return 0;
}

static tifa_status diff_both(sinkbuf out[2], tifa_error *err) {
    static const unsigned flags[2] = {TIFA_DIFF_JSON, TIFA_DIFF_COLOR};
    for (int i = 0; i < 2; i++) {
        out[i].len = 0;
        tifa_status st =
            tifa_diff_write(docs[0].bytes, docs[0].len, docs[2].bytes, docs[2].len, flags[i], to_sinkbuf, &out[i], err);
        if (st != TIFA_OK) return st;
    }
    return TIFA_OK;
}

static void run_diff_write(long at, char *why, size_t whylen) {
    static sinkbuf got[2];
    tifa_error err;
    arm(at);
    tifa_status st = diff_both(got, &err);
    disarm();
    int same = 1;
    for (int i = 0; i < 2; i++)
        same &= got[i].len == diff_ref[i].len && memcmp(got[i].text, diff_ref[i].text, got[i].len) == 0;
    if (st == TIFA_OK && !same)
        snprintf(why, whylen, "allocation %ld failed, status OK, output differs", at);
    else if (st != TIFA_OK && calls <= at)
        snprintf(why, whylen, "status %d without a failed allocation: %s", (int)st, err.message);
    else if (live)
        snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

static slist terms_a, terms_b;
static FILE *devnull;

/* The internal diff returns -1 on failure with an empty result; its
 * writers return non-zero (text) or set the failed flag (JSON). */
static void run_diff(long at, char *why, size_t whylen) {
    const char *a = "1月5日，2025年国防科技工业工作会议在京召开。会议总结了2024年工作。\n删去的一句话。好。好。";
    const char *b = "会议总结了2024年工作。2026年国防科技工业工作会议1月7日在京召开。\n新的一句。好。";
    diff_result r;
    int unreported = 0, wrc = 0, jfailed = 0;
    arm(at);
    long c0 = calls;
    int rc = diff_sentences(a, strlen(a), b, strlen(b), &r);
    unreported |= rc == 0 && failed_since(c0);
    if (rc == 0) {
        diff_op *ops;
        size_t n;
        c0 = calls;
        wrc =
            diff_chars(r.nchanged ? r.changed[0].a.text : "甲乙", r.nchanged ? r.changed[0].b.text : "乙丙", &ops, &n);
        unreported |= wrc == 0 && failed_since(c0);
        if (wrc == 0) free(ops);
        c0 = calls;
        if (wrc == 0) {
            sbuf o;
            sbuf_init_file(&o, devnull);
            wrc = diff_write_text(&o, &r, &terms_a, &terms_b, 0);
            unreported |= wrc == 0 && failed_since(c0);
        }
        jw w;
        jw_init(&w, 0);
        c0 = calls;
        diff_write_json(&w, &r, &terms_a, &terms_b);
        jfailed = w.failed;
        unreported |= !jfailed && failed_since(c0);
        jw_free(&w);
    }
    int dirty = rc == -1 && (r.nadded || r.nremoved || r.nchanged || r.added || r.removed || r.changed);
    diff_result_free(&r);
    disarm();
    int complete = calls <= at;
    if (rc != 0 && rc != -1)
        snprintf(why, whylen, "returned %d", rc);
    else if (unreported)
        snprintf(why, whylen, "allocation %ld failed unreported", at);
    else if (dirty)
        snprintf(why, whylen, "result not empty after a failure");
    else if (live)
        snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
    else if (complete && (rc || wrc || jfailed))
        snprintf(why, whylen, "failed without a failing allocation (%d %d %d)", rc, wrc, jfailed);
}

/* ------------------------------------------------------------ sbuf */

/* The buffer every writer grows: appends, a printf longer than its first
 * try, a staged sink, a file read whole. Each ends with SBUF_ENOMEM or
 * with the whole bytes. */
static size_t sbuf_fill(sbuf *b, FILE *fp) {
    char line[600];
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 1] = 0;
    size_t want = 0;
    for (int i = 0; i < 40; i++) {
        sbuf_printf(b, "%d:%s\n", i, i % 8 ? "short" : line);
        want += (size_t)snprintf(NULL, 0, "%d:%s\n", i, i % 8 ? "short" : line);
    }
    if (fp) {
        rewind(fp);
        sbuf_read(b, fp);
        want += 20000;
    }
    return want;
}

static int count_sink(void *user, const char *data, size_t len) {
    (void)data;
    *(size_t *)user += len;
    return 0;
}

static void run_sbuf(long at, char *why, size_t whylen) {
    static FILE *fp;
    if (!fp && (fp = tmpfile()))
        for (int i = 0; i < 2000; i++) fputs("0123456789", fp);
    sbuf m, k;
    size_t got = 0, len = 0;
    arm(at);
    sbuf_init(&m, 0);
    size_t want = sbuf_fill(&m, fp);
    char *s = sbuf_steal(&m, &len);
    sbuf_init_sink(&k, count_sink, &got, 256);
    sbuf_fill(&k, NULL);
    sbuf_flush(&k);
    sbuf_free(&k);
    disarm();
    int complete = calls <= at;
    if ((s && len != want) || (!s && m.err != SBUF_ENOMEM))
        snprintf(why, whylen, "memory buffer: %zu bytes of %zu, error %d", len, want, (int)m.err);
    else if ((k.err == SBUF_OK && got != want - 20000) || (k.err != SBUF_OK && k.err != SBUF_ENOMEM))
        snprintf(why, whylen, "sink: %zu bytes of %zu, error %d", got, want - 20000, (int)k.err);
    else if (complete && (!s || k.err))
        snprintf(why, whylen, "failed without a failing allocation");
    free(s);
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

/* ------------------------------------------------------------ batches */

typedef struct {
    char *out;
    size_t len, cap;
} membuf;

static int to_membuf(void *user, const char *data, size_t len) {
    membuf *m = user;
    if (m->len + len > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 4096;
        while (cap < m->len + len) cap *= 2;
        char *p = realloc(m->out, cap);
        if (!p) return 1;
        m->out = p;
        m->cap = cap;
    }
    memcpy(m->out + m->len, data, len);
    m->len += len;
    return 0;
}

static membuf batch_ref[2];
static const char *const batch_files[] = {"examples/000_31aeb457b1c6f6a0.txt", "tests/html/xinhua.html"};
static const char batch_warc[] = "tests/warc/edge/utf8.warc.gz";

/* Batch `which` (0: the archive, 1: the files) into out. */
static tifa_status run_batch_call(int which, membuf *out, tifa_batch_counts *c, tifa_error *err) {
    tifa_batch b = {0};
    b.write = to_membuf;
    b.user = out;
    return which == 0 ? tifa_extract_warc(&b, batch_warc, c, err) : tifa_extract_files(&b, batch_files, 2, c, err);
}

static void run_batch(int which, long at, char *why, size_t whylen) {
    membuf m = {0};
    tifa_batch_counts c;
    tifa_error err;
    arm(at);
    tifa_status st = run_batch_call(which, &m, &c, &err);
    disarm();
    if (st == TIFA_OK && (m.len != batch_ref[which].len || memcmp(m.out, batch_ref[which].out, m.len) != 0))
        snprintf(why, whylen, "allocation %ld failed, status OK, output differs", fail_at);
    else if (st != TIFA_OK && !failed_since(0))
        snprintf(why, whylen, "status %d without a failed allocation: %s", (int)st, err.message);
    free(m.out);
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}

static void run_extract_warc(long at, char *why, size_t whylen) { run_batch(0, at, why, whylen); }

/* tifa add --warc's reader: each call's status and page, in a static
 * buffer (the harness allocates nothing while armed). */
static char pages_ref[2048];

static tifa_status read_pages(char *out, size_t cap) {
    tifa_warc_pages *w;
    tifa_error err;
    size_t n = 0;
    tifa_status st = tifa_warc_pages_open(batch_warc, &w, &err), worst = st;
    if (st != TIFA_OK) return st;
    tifa_prepared *p;
    while ((st = tifa_warc_pages_next(w, NULL, &p, &err)) != TIFA_OK || p) {
        n += (size_t)snprintf(out + n, cap - n, "%d %s\n", (int)st, st == TIFA_OK ? tifa_warc_pages_where(w) : "");
        if (st != TIFA_OK && st != TIFA_EINPUT) worst = st;
        tifa_prepared_free(p);
        if (n >= cap) break;
    }
    tifa_batch_counts c;
    tifa_warc_pages_counts(w, &c);
    snprintf(out + n, cap - n, "%llu %llu\n", (unsigned long long)c.records, (unsigned long long)c.responses);
    tifa_warc_pages_close(w);
    return worst;
}

static void run_warc_pages(long at, char *why, size_t whylen) {
    static char got[sizeof pages_ref];
    got[0] = 0;
    arm(at);
    tifa_status st = read_pages(got, sizeof got);
    disarm();
    if (st == TIFA_OK && strcmp(got, pages_ref))
        snprintf(why, whylen, "allocation %ld failed, status OK, pages differ", fail_at);
    else if (strcmp(got, pages_ref) && !failed_since(0))
        snprintf(why, whylen, "pages differ without a failed allocation");
    if (!why[0] && live) snprintf(why, whylen, "%ld block(s) leaked at allocation %ld", live, at);
}
static void run_extract_files(long at, char *why, size_t whylen) { run_batch(1, at, why, whylen); }

/* ------------------------------------------------------------ set-up */

/* The outputs with memory to spare, made before any injection (which
 * also runs each path's one-time initialisation, unarmed). */
static int make_refs(void) {
    tifa_error err;
    for (int i = 0; i < NDOCS; i++) {
        doc *d = &docs[i];
        tifa_options opt = options_for(d->name);
        if (tifa_clean(&opt, d->bytes, d->len, &d->clean.out, &d->clean.len, NULL, &err) != TIFA_OK ||
            tifa_extract(&opt, d->name, d->bytes, d->len, 0, &d->extract.out, &d->extract.len, &err) != TIFA_OK) {
            fprintf(stderr, "oom: %s: %s\n", d->name, err.message);
            return 0;
        }
    }
    return 1;
}

static void free_docs(void) {
    for (int i = 0; i < NDOCS; i++) {
        free(docs[i].bytes);
        tifa_free(docs[i].clean.out);
        tifa_free(docs[i].extract.out);
    }
}

int main(void) {
    static char fbuf[1 << 16];
    devnull = fopen("/dev/null", "w");
    if (!devnull || setvbuf(devnull, fbuf, _IOFBF, sizeof fbuf) != 0) return 2;
    /* In memory when there is a tmpfs: each run opens, commits and closes
     * a corpus, and a disk's syncs would take most of the time. */
    snprintf(db_path, sizeof db_path, "%s/tifa-oom-%ld.db", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp",
             (long)getpid());
    trace = getenv("OOM_TRACE") != NULL;
    nframes = backtrace(frames, 12); /* loads what backtrace needs, unarmed */
    sqlite3_initialize();            /* its one-time set-up stays for the process */
    /* glibc loads an iconv module (GB18030, CP950...) at iconv_open and
     * unloads it at the last iconv_close; an allocation failing inside its
     * dynamic loader leaves blocks behind that are the C library's, not
     * tifa's. Descriptors held open for the whole run keep the modules
     * loaded. */
    static const char *const charsets[] = {"GB18030", "CP950", "UTF-16LE", "UTF-16BE"};
    iconv_t keep[4];
    for (int i = 0; i < 4; i++) keep[i] = iconv_open("UTF-8", charsets[i]);
    if (!load_docs() || !make_refs()) return 2;
    slist_add(&terms_a, strdup("两个确立"));
    slist_add(&terms_a, strdup("十四五"));
    slist_add(&terms_b, strdup("两个确立"));
    slist_add(&terms_b, strdup("十五五"));
    char name[160];
    for (int i = 0; i < NDOCS; i++) {
        cur = &docs[i];
        snprintf(name, sizeof name, "tifa_clean of %s", cur->name);
        inject(name, run_clean);
        snprintf(name, sizeof name, "tifa_extract of %s", cur->name);
        inject(name, run_extract);
        snprintf(name, sizeof name, "tifa_corpus_add of %s", cur->name);
        inject(name, run_corpus_add);
    }
    if (make_search_db()) {
        inject("tifa_corpus_search, _get, _doc, _export and _diff", run_corpus_read);
        if (make_correct_ref())
            inject("tifa_corpus_correct", run_corpus_correct);
        else
            check(0, "a correction with memory to spare");
        remove_files(correct_db);
        if (make_reextract_ref())
            inject("tifa_corpus_reextract (an older version's records, a correction)", run_corpus_reextract);
        else
            check(0, "an older version's corpus to reextract");
        remove_files(reextract_old);
        remove_files(reextract_db);
    } else {
        check(0, "a corpus of the five documents and a copy to search");
    }
    remove_search_db();
    tifa_error err;
    if (diff_both(diff_ref, &err) == TIFA_OK)
        inject("tifa_diff_write (JSON and the report)", run_diff_write);
    else
        check(0, "tifa_diff_write with memory to spare: %s", err.message);
    inject("diff_sentences, diff_chars and their writers", run_diff);
    inject("sbuf in memory, through a sink, reading a file", run_sbuf);
    for (int i = 0; i < 2; i++) {
        tifa_batch_counts c;
        if (run_batch_call(i, &batch_ref[i], &c, &err) != TIFA_OK) check(0, "batch %d: %s", i, err.message);
    }
    inject("tifa_extract_warc of tests/warc/edge/utf8.warc.gz", run_extract_warc);
    if (read_pages(pages_ref, sizeof pages_ref) != TIFA_OK) check(0, "tifa_warc_pages: %s", batch_warc);
    inject("tifa_warc_pages_open/next/close of tests/warc/edge/utf8.warc.gz", run_warc_pages);
    inject("tifa_extract_files of two documents", run_extract_files);
    free(batch_ref[0].out);
    free(batch_ref[1].out);
    remove_db();
    slist_free(&terms_a);
    slist_free(&terms_b);
    free_docs();
    for (int i = 0; i < 4; i++)
        if (keep[i] != (iconv_t)-1) iconv_close(keep[i]);
    fclose(devnull);
    printf("%d passed, %d failed, %d skipped\n", npassed, nfailed, nskipped);
    return nfailed ? 1 : 0;
}
#else
int main(void) {
    printf("ok - out-of-memory injection # SKIP sanitizer build or not glibc\n");
    printf("0 passed, 0 failed, 1 skipped\n");
    return 0;
}
#endif
