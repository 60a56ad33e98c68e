/*
 * fuzz_warc: web archives on arbitrary bytes (src/warc.c, src/batch.c,
 * src/corpus_warc.c).
 *
 * The input is read as an archive twice: as it is, and wrapped in one
 * gzip member (made here with zlib), so the plain and the gzip paths both
 * run. Checks:
 *  - the reader ends (records, then the end or an error with a message);
 *    offsets grow; no block is longer than its Content-Length; an error
 *    names the archive;
 *  - the gzip copy gives the same records (types, URIs, blocks) and the
 *    same end as the plain one, since it holds the same bytes;
 *  - http_parse on every block returns a body or a reason, never both;
 *  - tifa_extract_warc on the archive (from a file) writes whole records
 *    that are valid UTF-8, each ending with a newline, with counts that
 *    add up (extracted + failed <= responses <= records);
 *  - tifa_warc_pages (tifa add --warc) on the same file reads the same
 *    records and pages as tifa_extract_warc and settles each page one way
 *    or the other (refusing at least those extract failed: the corpus
 *    also refuses pages with no text), each error naming the archive;
 *    it ends, with at most one error beyond the refused pages.
 *
 *   make build/fuzz-warc && ./build/fuzz-warc fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "fuzz_common.h"
#include "tifa.h"
#include "warc.h"

#define LIMIT 8192 /* small, so that the over-the-limit path runs too */

typedef struct {
    int n, error;
    char types[16][16];
    size_t block_len[16];
    uint64_t block_hash[16];
} summary;

static uint64_t hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}

static int want_all(const warc_record *rec) {
    (void)rec;
    return 1;
}

static void read_all(const char *data, size_t size, summary *s) {
    memset(s, 0, sizeof *s);
    FILE *fp = fmemopen((void *)(uintptr_t)data, size, "rb");
    if (!fp) return; /* fmemopen refuses size 0 on some libcs */
    warc_reader *r = warc_open(fp, "fuzz.warc", 0);
    REQUIRE(r != NULL);
    warc_record rec;
    tifa_error err = {0};
    uint64_t last = 0;
    int rc;
    while ((rc = warc_next(r, want_all, LIMIT, &rec, &err)) > 0) {
        REQUIRE(rec.offset >= last);
        last = rec.offset;
        REQUIRE(rec.block_len <= rec.content_length);
        REQUIRE(rec.block != NULL || rec.content_length == 0);
        if (s->n < 16) {
            snprintf(s->types[s->n], sizeof s->types[0], "%s", rec.type ? rec.type : "-");
            s->block_len[s->n] = rec.block_len;
            s->block_hash[s->n] = hash(rec.block ? rec.block : "", rec.block_len);
        }
        s->n++;
        http_response h;
        const char *why = NULL;
        int ok = http_parse(rec.block ? rec.block : "", rec.block_len, 1, LIMIT, &h, &why) == 0;
        REQUIRE(ok ? why == NULL : why != NULL && h.body == NULL);
        http_response_free(&h);
    }
    if (rc < 0) {
        REQUIRE(strstr(err.message, "fuzz.warc") != NULL);
        s->error = 1;
    }
    warc_close(r);
    fclose(fp);
}

static char *gzip_member(const char *data, size_t size, size_t *out_len) {
    z_stream z;
    memset(&z, 0, sizeof z);
    REQUIRE(deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    size_t cap = deflateBound(&z, (uLong)size) + 64;
    char *out = malloc(cap);
    REQUIRE(out != NULL);
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)size;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

static int check_output(void *user, const char *data, size_t len) {
    (void)user;
    REQUIRE(len > 0 && data[len - 1] == '\n');
    REQUIRE(data[0] == '{');
    REQUIRE(fz_valid_utf8((const unsigned char *)data, len - 1, 0));
    REQUIRE(memchr(data, '\n', len - 1) == NULL);
    return 0;
}

/* The pages tifa add --warc would store: the same counts as extract's. */
static void prepare_pages(const char *path, const tifa_batch_counts *want) {
    tifa_warc_pages *w;
    tifa_error err = {0};
    REQUIRE(tifa_warc_pages_open(path, &w, &err) == TIFA_OK);
    tifa_prepared *p;
    tifa_status st;
    uint64_t pages = 0, errors = 0;
    while ((st = tifa_warc_pages_next(w, NULL, &p, &err)) != TIFA_OK || p) {
        if (st != TIFA_OK) {
            REQUIRE(st == TIFA_EINPUT && p == NULL && strstr(err.message, path) != NULL);
            errors++;
            continue;
        }
        REQUIRE(strstr(tifa_warc_pages_where(w), path) != NULL);
        pages++;
        tifa_prepared_free(p);
    }
    tifa_batch_counts c;
    tifa_warc_pages_counts(w, &c);
    tifa_warc_pages_close(w);
    REQUIRE(c.records == want->records && c.responses == want->responses);
    REQUIRE(pages == c.extracted && c.extracted + c.failed == want->extracted + want->failed);
    REQUIRE(c.failed >= want->failed && (errors == c.failed || errors == c.failed + 1));
}

static void extract_file(const char *data, size_t size) {
    static char path[64];
    if (!path[0]) snprintf(path, sizeof path, "/tmp/fuzz-warc-%ld.warc", (long)getpid());
    FILE *fp = fopen(path, "wb");
    REQUIRE(fp != NULL);
    REQUIRE(fwrite(data, 1, size, fp) == size);
    fclose(fp);
    tifa_batch b = {0};
    b.write = check_output;
    tifa_batch_counts c;
    tifa_error err = {0};
    tifa_status st = tifa_extract_warc(&b, path, &c, &err);
    REQUIRE(st == TIFA_OK || st == TIFA_EINPUT);
    REQUIRE(c.extracted + c.failed <= c.responses && c.responses <= c.records);
    if (st != TIFA_OK) REQUIRE(strstr(err.message, path) != NULL);
    prepare_pages(path, &c);
    unlink(path);
}

const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *in = (const char *)data;
    summary plain, packed;
    read_all(in, size, &plain);
    /* A gzip member of it: the same records. (An input that is itself
     * gzip is a different archive once wrapped: compared only when plain.) */
    if (size > 0 && !(size >= 2 && data[0] == 0x1f && data[1] == 0x8b)) {
        size_t glen;
        char *gz = gzip_member(in, size, &glen);
        read_all(gz, glen, &packed);
        free(gz);
        REQUIRE(packed.n == plain.n && packed.error == plain.error);
        for (int i = 0; i < plain.n && i < 16; i++) {
            REQUIRE(!strcmp(packed.types[i], plain.types[i]));
            REQUIRE(packed.block_len[i] == plain.block_len[i] && packed.block_hash[i] == plain.block_hash[i]);
        }
    }
    extract_file(in, size);
    return 0;
}
