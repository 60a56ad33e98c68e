/*
 * fuzz_record: the stored form of records (src/corpus_record.c).
 *
 * The input is split at its first NUL into a record-like text and a clean
 * text (no NUL: both are the input). Checks:
 *  - record_expand on arbitrary stored bytes (a damaged or hand-edited
 *    corpus, or one stored by an earlier tifa) returns a string, never
 *    reads outside either buffer;
 *  - record_compact with arbitrary places (a record made elsewhere can
 *    claim anything) either declines (NULL) or returns a form that
 *    record_expand turns back into the record byte for byte;
 *  - the record extraction writes for the input, compacted at the places
 *    extraction gives, expands back to itself, and every article text of
 *    RECORD_MIN_TEXT bytes or more is a reference.
 *
 *   make build/fuzz-record
 *   ./build/fuzz-record -max_total_time=60 -max_len=4096 build/fuzz-corpus/record fuzz/corpus
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_record.h"
#include "extract.h"
#include "fuzz_common.h"
#include "tifa.h"

/* The stored form reads back as the record; how many references it holds. */
static size_t round_trip(const char *rec, size_t n, const text_place *places, size_t nplaces, const char *clean,
                         size_t clean_len) {
    char *stored = record_compact(rec, n, places, nplaces, clean, clean_len);
    if (!stored) return 0;
    size_t back_len, refs = 0;
    char *back = record_expand(stored, strlen(stored), clean, clean_len, &back_len);
    REQUIRE(back != NULL);
    REQUIRE(back_len == n && memcmp(back, rec, n) == 0);
    for (const char *p = stored; (p = strstr(p, "\"text\":{\"clean\":[")); p++) refs++;
    free(back);
    free(stored);
    return refs;
}

/* Places made of the input's bytes: anything at all. */
static size_t places_from(const uint8_t *data, size_t size, size_t rn, size_t clean_len, text_place *out) {
    size_t n = 0;
    for (size_t i = 0; i + 4 <= size && n < 8; i += 4, n++) {
        size_t at = rn ? data[i] * rn / 256 : 0;
        out[n].json_at = at;
        out[n].json_end = at + data[i + 1];
        out[n].clean_at = clean_len ? data[i + 2] * clean_len / 256 : 0;
        out[n].clean_len = data[i + 3] * 4u;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    const char *nul = memchr(s, 0, size);
    size_t rn = nul ? (size_t)(nul - s) : size;
    const char *clean = nul ? nul + 1 : s;
    size_t clean_len = nul ? size - rn - 1 : size;

    size_t out_len;
    char *e = record_expand(s, rn, clean, clean_len, &out_len);
    REQUIRE(e != NULL);
    free(e);
    text_place any[8];
    round_trip(s, rn, any, places_from(data, size, rn, clean_len, any), clean, clean_len);

    char *json = NULL;
    size_t json_len;
    doc_summary sum;
    if (extract_document(NULL, "fuzz", s, size, 0, &json, &json_len, &sum, NULL) == TIFA_OK) {
        size_t long_texts = 0;
        for (size_t i = 0; i < sum.ntexts; i++) long_texts += sum.texts[i].clean_len >= RECORD_MIN_TEXT;
        REQUIRE(round_trip(json, json_len, sum.texts, sum.ntexts, sum.clean, sum.clean_len) == long_texts);
    }
    doc_summary_free(&sum);
    tifa_free(json);
    return 0;
}
