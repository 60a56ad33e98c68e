/*
 * fuzz_html: web pages on arbitrary bytes.
 *
 * Each input is read as a page (input = TIFA_INPUT_HTML), as it is and
 * behind a page head that declares a charset picked by the first byte, so
 * that the charset, nesting cap, compaction and scoring paths all run:
 *  - tifa_clean succeeds with NUL-terminated valid UTF-8 that is empty or
 *    ends with a newline;
 *  - the streaming cleaner fed the same bytes in random pieces writes the
 *    same text (a page is kept whole, so the pieces must not matter);
 *  - tifa_extract succeeds and its record has a "page" object.
 *
 *   make build/fuzz-html && ./build/fuzz-html fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"
#include "fuzz_common.h"

static void check(const tifa_options *opt, const char *in, size_t len, uint64_t seed) {
    char *out = NULL;
    size_t out_len = 0;
    tifa_error err;
    tifa_status st = tifa_clean(opt, in, len, &out, &out_len, NULL, &err);
    if (st != TIFA_OK) {
        fprintf(stderr, "fuzz_html: tifa_clean failed (%d): %s\n", (int)st, err.message);
        abort();
    }
    REQUIRE(out != NULL && out[out_len] == 0);
    REQUIRE(fz_valid_utf8((const unsigned char *)out, out_len, 0));
    REQUIRE(out_len == 0 || out[out_len - 1] == '\n');

    membuf m = {0};
    tifa_cleaner *c;
    REQUIRE(tifa_cleaner_new(opt, "fuzz.html", mem_write, &m, &c, &err) == TIFA_OK);
    uint64_t rng = seed | 1;
    for (size_t pos = 0; pos < len;) {
        size_t piece = 1 + (size_t)(rng_next(&rng) % 97);
        if (piece > len - pos) piece = len - pos;
        REQUIRE(tifa_cleaner_feed(c, in + pos, piece, &err) == TIFA_OK);
        pos += piece;
    }
    REQUIRE(tifa_cleaner_finish(c, NULL, &err) == TIFA_OK);
    tifa_cleaner_free(c);
    REQUIRE(m.len == out_len && (out_len == 0 || memcmp(m.data, out, out_len) == 0));
    free(m.data);
    tifa_free(out);

    char *json = NULL;
    size_t json_len = 0;
    REQUIRE(tifa_extract(opt, "fuzz.html", in, len, 0, &json, &json_len, &err) == TIFA_OK);
    REQUIRE(json && strstr(json, "\"page\":{") != NULL);
    tifa_free(json);
}

const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const charsets[] = {"utf-8", "gb2312", "big5", "utf-16", "iso-8859-1", "gbk"};
    const char *in = (const char *)data;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < size; i++) seed = (seed ^ data[i]) * 0x100000001B3ull;
    tifa_options opt;
    tifa_options_init(&opt);
    opt.input = TIFA_INPUT_HTML;
    check(&opt, in, size, seed);

    char head[160];
    int n =
        snprintf(head, sizeof head, "<!doctype html><html><head><meta charset=\"%s\"><title>t_s</title></head><body>",
                 charsets[size ? data[0] % 6 : 0]);
    char *page = malloc((size_t)n + size + 1);
    REQUIRE(page != NULL);
    memcpy(page, head, (size_t)n);
    if (size) memcpy(page + n, data, size);
    opt.input = TIFA_INPUT_AUTO; /* sniffed from the head */
    check(&opt, page, (size_t)n + size, seed * 31 + 7);
    free(page);
    return 0;
}
