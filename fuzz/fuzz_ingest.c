/*
 * fuzz_ingest: the record reader of tifa add --records
 * (tifa_corpus_prepare_record, src/ingest.c) and the JSON reader under it
 * (src/jsonread.c). Checks:
 *  - any bytes as a record line: a prepared document or a refusal with a
 *    message, never a crash, a leak or a read outside the line; a
 *    prepared document has a name, valid UTF-8 clean text with text in it,
 *    and 64 MinHash values;
 *  - text jr_check accepts can be walked to its end (every member and
 *    element), and each string in it reads back as valid UTF-8;
 *  - the input as a document: the record tifa_extract writes of it with
 *    TIFA_EXTRACT_WITH_RAW is read back to the same bytes, the clean text
 *    tifa_clean makes of them, and the fingerprints of that text (when the
 *    corpus would take the document at all).
 * Lines naming a web archive ("warc") are not read as records: the reader
 * would open whatever file they name.
 *
 *   make build/fuzz-ingest
 *   ./build/fuzz-ingest -max_total_time=60 -max_len=4096 build/fuzz-corpus/ingest fuzz/corpus
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <string.h>
#include "corpus_internal.h"
#include "fuzz_common.h"
#include "jsonread.h"
#include "nearcopy.h"
#include "tifa.h"

/* Every value under v, strings read back. */
static void walk(jvalue v, int depth) {
    REQUIRE(depth <= 64);
    char t = jr_type(v);
    if (t == '"') {
        int oom = 0;
        size_t n;
        char *s = jr_string(v, &n, &oom);
        REQUIRE(s != NULL && fz_valid_utf8((const unsigned char *)s, n, 1));
        free(s);
    } else if (t == '{' || t == '[') {
        size_t pos = 0;
        jvalue key, m;
        while (jr_next_member(v, &pos, &key, &m)) {
            REQUIRE(m.s >= v.s && m.s + m.n <= v.s + v.n);
            walk(m, depth + 1);
        }
    }
}

static void as_record(const char *s, size_t n) {
    if (memmem(s, n, "\"warc\"", 6)) return;
    tifa_prepared *p = (tifa_prepared *)1;
    tifa_error err = {0};
    if (tifa_corpus_prepare_record(NULL, s, n, &p, &err) != TIFA_OK) {
        REQUIRE(p == NULL && err.message[0]);
        return;
    }
    REQUIRE(p && p->name && p->clean && fz_valid_utf8((const unsigned char *)p->clean, p->clean_len, 0) && corpus_has_text(p->clean, p->clean_len));
    REQUIRE(p->record && p->record[0] == '{');
    tifa_prepared_free(p);
}

static void round_trip(const char *s, size_t n) {
    char *json = NULL, *clean = NULL;
    size_t jn, cn;
    if (tifa_extract(NULL, "fuzz", s, n, TIFA_EXTRACT_WITH_RAW, &json, &jn, NULL) != TIFA_OK) return;
    int storable = corpus_not_text(s, n, NULL) == TIFA_OK;
    REQUIRE(tifa_clean(NULL, s, n, &clean, &cn, NULL, NULL) == TIFA_OK);
    tifa_prepared *p = NULL;
    tifa_status st = tifa_corpus_prepare_record(NULL, json, jn, &p, NULL);
    if (st == TIFA_OK) {
        REQUIRE(storable && p->len == n && (!n || !memcmp(p->bytes, s, n)));
        REQUIRE(cn == p->clean_len && !memcmp(clean, p->clean, cn));
        sketch k;
        nearcopy_sketch(p->clean, p->clean_len, &k);
        REQUIRE(!memcmp(&k, &p->sketch, sizeof k) && p->simhash == nearcopy_simhash(p->clean, p->clean_len));
    } else {
        /* Refused only as tifa add refuses: empty, binary, no text. */
        REQUIRE(st == TIFA_EINPUT && (!storable || !corpus_has_text(clean, cn)));
    }
    tifa_prepared_free(p);
    tifa_free(json);
    tifa_free(clean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    size_t at;
    if (jr_check(s, size, &at) == 0) {
        jvalue v = {s, size};
        while (v.n && strchr(" \t\r\n", v.s[0])) v.s++, v.n--;
        while (v.n && strchr(" \t\r\n", v.s[v.n - 1])) v.n--;
        walk(v, 0);
    } else {
        REQUIRE(at <= size);
    }
    as_record(s, size);
    round_trip(s, size);
    return 0;
}
