/*
 * fuzz_record: the stored form of records (src/corpus_record.c).
 *
 * The input is split at its first NUL into a record-like text and a clean
 * text (no NUL: both are the input). Checks:
 *  - record_expand on arbitrary stored bytes (a damaged or hand-edited
 *    corpus) returns a string, never reads outside either buffer;
 *  - record_compact either declines (NULL) or returns a form that
 *    record_expand turns back into the record byte for byte;
 *  - a record written by tifa_extract for the clean text, compacted against
 *    the clean text tifa_clean makes of it, expands back to itself.
 *
 *   make build/fuzz-record
 *   ./build/fuzz-record -max_total_time=60 -max_len=4096 build/fuzz-corpus/record fuzz/corpus
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_record.h"
#include "fuzz_common.h"
#include "tifa.h"

static void round_trip(const char *rec, size_t n, const char *clean, size_t clean_len) {
    char *stored = record_compact(rec, n, clean, clean_len);
    if (!stored) return;
    size_t back_len;
    char *back = record_expand(stored, strlen(stored), clean, clean_len, &back_len);
    REQUIRE(back != NULL);
    REQUIRE(back_len == n && memcmp(back, rec, n) == 0);
    free(back);
    free(stored);
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
    round_trip(s, rn, clean, clean_len);

    char *json = NULL, *text = NULL;
    size_t json_len, text_len;
    if (tifa_extract(NULL, "fuzz", s, size, 0, &json, &json_len, NULL) == TIFA_OK &&
        tifa_clean(NULL, s, size, &text, &text_len, NULL, NULL) == TIFA_OK)
        round_trip(json, json_len, text, text_len);
    tifa_free(json);
    tifa_free(text);
    return 0;
}
