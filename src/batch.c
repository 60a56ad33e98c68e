/*
 * batch: many documents in one call — a list of files, or the pages of a
 * web archive — extracted in order to one writer. This is the unit a
 * cluster task or a language binding hands to C: one call per shard.
 *
 * Not for: parallelism (the caller runs batches side by side), storing
 * (the corpus), reading archives (src/warc.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "extract.h"
#include "internal.h"
#include "json.h"
#include "sbuf.h"
#include "warc_page.h"

#define FILE_LIMIT  WARC_PAGE_LIMIT /* a record holds the whole text */
#define RECORD_FLAGS (TIFA_EXTRACT_PRETTY | TIFA_EXTRACT_WITH_CLEAN | TIFA_EXTRACT_WITH_RAW) /* of the batch's flags */

/* Memory running out stops a batch (TIFA_ENOMEM): it is no document's
 * fault, and the next one would fail the same way. */
static const char out_of_memory[] = "out of memory";

int tifa_write_fd(void *user, const char *data, size_t len) {
    int fd = *(const int *)user;
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return 1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* The documents the test hook aborts on, one a line (see
 * tifa_extract_files). */
static const char *poison_names(void) {
    const char *p = getenv("TIFA_TEST_ABORT_ON");
    return p && *p ? p : NULL;
}

static void check_poison(const char *poison, const char *name) {
    if (!poison || !name) return;
    size_t n = strlen(name);
    for (const char *line = poison; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len == n && !memcmp(line, name, n)) abort();
        line += len + (end != NULL);
    }
}

static void failed(const tifa_batch *b, tifa_batch_counts *c, const char *name, const char *reason) {
    c->failed++;
    if (b->failed) b->failed(b->failed_user, name, reason);
}

/* One record and its newline in one write: whole records only. json has
 * room for one more byte (its NUL). */
static tifa_status emit(const tifa_batch *b, char *json, size_t len, tifa_error *err) {
    json[len] = '\n';
    if (b->write(b->user, json, len + 1))
        return tifa_fail(err, TIFA_ESINK, 0, "the output callback stopped the output");
    return TIFA_OK;
}

/* ------------------------------------------------------------ files */

/* A whole file, up to FILE_LIMIT bytes; NULL with *why. */
static char *slurp(FILE *fp, size_t *len, const char **why) {
    sbuf b;
    sbuf_init(&b, FILE_LIMIT);
    /* Readouts are tens of KB: one allocation takes most whole. */
    if (sbuf_reserve(&b, 1u << 16) == 0) sbuf_read(&b, fp);
    int e = errno;
    char *s = sbuf_steal(&b, len);
    if (!s)
        *why = b.err == SBUF_ECAP  ? "too large for extract (over 64 MB)"
               : b.err == SBUF_EIO ? strerror(e)
                                   : out_of_memory;
    return s;
}

static FILE *open_file(const char *path, const char **why) {
    if (!strcmp(path, "-")) return stdin;
    struct stat st;
    if (stat(path, &st) != 0) return *why = strerror(errno), NULL;
    if (S_ISDIR(st.st_mode)) return *why = "is a directory", NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp) *why = errno == ENOMEM ? out_of_memory : strerror(errno);
    return fp;
}

static tifa_status extract_file(const tifa_batch *b, const tifa_options *opt, const char *path, const char *poison,
                                tifa_batch_counts *c, tifa_error *err) {
    const char *shown = strcmp(path, "-") ? path : "(standard input)";
    const char *why = NULL;
    FILE *fp = open_file(path, &why);
    size_t len = 0;
    char *bytes = fp ? slurp(fp, &len, &why) : NULL;
    if (fp && fp != stdin) fclose(fp);
    if (!bytes && why == out_of_memory) return tifa_fail(err, TIFA_ENOMEM, 0, "%s: out of memory", shown);
    if (!bytes) {
        failed(b, c, shown, why);
        return TIFA_OK;
    }
    if (b->flags & TIFA_BATCH_COUNT_ONLY) {
        free(bytes);
        return TIFA_OK;
    }
    check_poison(poison, path);
    char *json;
    size_t jlen;
    tifa_error e = {0};
    tifa_status st = tifa_extract(opt, path, bytes, len, b->flags & RECORD_FLAGS, &json, &jlen, &e);
    free(bytes);
    if (st == TIFA_ENOMEM) return tifa_fail(err, st, 0, "%s: %s", shown, e.message);
    if (st != TIFA_OK) {
        failed(b, c, shown, e.message);
        return TIFA_OK;
    }
    c->extracted++;
    st = emit(b, json, jlen, err);
    tifa_free(json);
    return st;
}

tifa_status tifa_extract_files(const tifa_batch *batch, const char *const *paths, size_t n, tifa_batch_counts *counts,
                               tifa_error *err) {
    tifa_batch_counts c = {0};
    if (!batch || !batch->write || (n && !paths)) return tifa_fail(err, TIFA_EUSAGE, 0, "no batch, writer or paths");
    tifa_options defaults;
    tifa_options_init(&defaults);
    const tifa_options *opt = batch->options ? batch->options : &defaults;
    const char *poison = poison_names();
    tifa_status st = TIFA_OK;
    for (size_t i = 0; i < n && st == TIFA_OK; i++) {
        c.records++;
        c.responses++;
        st = extract_file(batch, opt, paths[i], poison, &c, err);
    }
    if (counts) *counts = c;
    return st;
}

/* ------------------------------------------------------------ archives */

/* The record with its "source" object as the last field. */
static int with_source(const char *json, size_t len, int pretty, const char *path, const warc_record *rec, jw *out) {
    jw s;
    jw_init(&s, pretty);
    warc_source(&s, path, rec, 1);
    jw_init(out, 0);
    size_t body = len - (pretty ? 2 : 1); /* without the final "}" (and its line break) */
    jw_raw(out, json, body);
    jw_raw(out, pretty ? ",\n  \"source\": " : ",\"source\":", pretty ? 14 : 10);
    /* Pretty: the object one level in. */
    for (size_t i = 0, run = 0; !s.failed && i <= s.len; i++) {
        if (i < s.len && s.s[i] != '\n') continue;
        jw_raw(out, s.s + run, i - run);
        if (i < s.len) jw_raw(out, "\n  ", 3);
        run = i + 1;
    }
    jw_raw(out, pretty ? "\n}" : "}", pretty ? 2 : 1);
    int bad = s.failed || out->failed;
    jw_free(&s);
    return bad;
}

typedef struct {
    const tifa_batch *b;
    const tifa_options *opt;
    const char *path, *poison;
    tifa_batch_counts *c;
} warc_job;

/* Why a page failed, with where it is in the archive. */
static void page_failed(const warc_job *j, const warc_record *rec, const char *why) {
    char reason[600];
    snprintf(reason, sizeof reason, "offset %llu (%.200s): %s", (unsigned long long)rec->offset,
             rec->uri ? rec->uri : "no target URI", why);
    failed(j->b, j->c, j->path, reason);
}

static tifa_status extract_page(const warc_job *j, const warc_record *rec, const http_response *h, tifa_error *err) {
    tifa_options opt = *j->opt;
    if (warc_page_options(h, &opt) != TIFA_OK) return tifa_fail(err, TIFA_ENOMEM, rec->offset, "out of memory");
    char fallback[32];
    const char *name = warc_page_name(rec, fallback);
    check_poison(j->poison, name);
    char *json;
    size_t jlen;
    tifa_error e = {0};
    tifa_status st =
        tifa_extract(&opt, name, h->body, h->body_len, j->b->flags & RECORD_FLAGS, &json, &jlen, &e);
    if (st == TIFA_ENOMEM)
        return tifa_fail(err, st, rec->offset, "%s: offset %llu: %s", j->path, (unsigned long long)rec->offset,
                         e.message);
    if (st != TIFA_OK) {
        page_failed(j, rec, e.message);
        return TIFA_OK;
    }
    jw out;
    int bad = with_source(json, jlen, (j->b->flags & TIFA_EXTRACT_PRETTY) != 0, j->path, rec, &out);
    tifa_free(json);
    st = bad ? tifa_fail(err, TIFA_ENOMEM, rec->offset, "out of memory") : TIFA_OK;
    if (!bad) {
        j->c->extracted++;
        st = emit(j->b, out.s, out.len, err);
    }
    jw_free(&out);
    return st;
}

/* One response record: a page is extracted, anything else skipped. */
static tifa_status read_response(const warc_job *j, const warc_record *rec, tifa_error *err) {
    http_response h;
    const char *why = NULL;
    if (!warc_is_page(rec)) return TIFA_OK;
    j->c->responses++;
    if (j->b->flags & TIFA_BATCH_COUNT_ONLY) return TIFA_OK;
    if (rec->too_large) {
        page_failed(j, rec, "page over the 64 MB limit");
        return TIFA_OK;
    }
    if (http_parse(rec->block, rec->block_len, 1, WARC_PAGE_LIMIT, &h, &why) != 0) {
        if (why == warc_out_of_memory) return tifa_fail(err, TIFA_ENOMEM, rec->offset, "out of memory");
        page_failed(j, rec, why);
        return TIFA_OK;
    }
    tifa_status st = extract_page(j, rec, &h, err);
    http_response_free(&h);
    return st;
}

static tifa_status read_archive(const warc_job *j, warc_reader *r, tifa_error *err) {
    warc_record rec;
    tifa_status st = TIFA_OK;
    int rc = 0;
    while (st == TIFA_OK && (!j->b->limit || j->c->responses < j->b->limit) &&
           (rc = warc_next(r, warc_is_page, WARC_BLOCK_LIMIT, &rec, err)) > 0) {
        j->c->records++;
        st = read_response(j, &rec, err);
        if (st == TIFA_OK && rec.cut)
            st = tifa_fail(err, TIFA_EINPUT, rec.offset, "%s: offset %llu: the file ends inside this record", j->path,
                           (unsigned long long)rec.offset);
        j->c->next = warc_position(r);
    }
    if (st == TIFA_OK && rc < 0) st = err ? err->code : TIFA_EINPUT;
    return st;
}

tifa_status tifa_extract_warc(const tifa_batch *batch, const char *path, tifa_batch_counts *counts, tifa_error *err) {
    tifa_batch_counts c = {0};
    if (counts) *counts = c;
    if (!batch || !batch->write || !path) return tifa_fail(err, TIFA_EUSAGE, 0, "no batch, writer or path");
    const char *shown = strcmp(path, "-") ? path : "(standard input)";
    const char *why = NULL;
    FILE *fp = open_file(path, &why);
    if (!fp) return tifa_fail(err, errno == ENOENT ? TIFA_EINPUT : TIFA_EIO, 0, "%s: %s", shown, why);
    c.next = batch->start;
    tifa_status st = TIFA_OK;
    if (batch->start && (fp == stdin || fseeko(fp, (off_t)batch->start, SEEK_SET) != 0))
        st = tifa_fail(err, TIFA_EUSAGE, batch->start, "%s: cannot start at offset %llu", shown,
                       (unsigned long long)batch->start);
    tifa_options defaults;
    tifa_options_init(&defaults);
    warc_reader *r = st == TIFA_OK ? warc_open(fp, shown, batch->start) : NULL;
    if (st == TIFA_OK && !r) st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (r) {
        warc_job j = {batch, batch->options ? batch->options : &defaults, path, poison_names(), &c};
        st = read_archive(&j, r, err);
    }
    warc_close(r);
    if (fp != stdin) fclose(fp);
    if (counts) *counts = c;
    return st;
}
