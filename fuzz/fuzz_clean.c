/*
 * fuzz_clean: the whole cleaning pipeline on arbitrary bytes.
 *
 * Each input is cleaned with the default options, and with
 * keep_boilerplate = 1, target = "none" and an encoding picked by the first
 * byte (or detection). For both:
 *  - tifa_clean succeeds with NUL-terminated valid UTF-8 that is empty or
 *    ends with a newline;
 *  - the streaming cleaner fed the same bytes in pieces of random sizes
 *    (tifa_cleaner_new / feed / finish) writes exactly the same text and
 *    reports the same counts.
 *
 *   make build/fuzz-clean && ./build/fuzz-clean fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"
#include "fuzz_common.h"






static int same_report(const tifa_clean_report *a, const tifa_clean_report *b) {
    return a->encoding == b->encoding && a->invalid_bytes == b->invalid_bytes && a->annotations == b->annotations &&
           a->orphan_annotations == b->orphan_annotations && a->boiler_lines == b->boiler_lines &&
           a->joined_lines == b->joined_lines && a->spaces_removed == b->spaces_removed &&
           a->punct_changed == b->punct_changed && a->converted_chars == b->converted_chars;
}

static void check(const tifa_options *opt, const char *in, size_t len, uint64_t seed) {
    char *out = NULL;
    size_t out_len = (size_t)-1;
    tifa_clean_report rep;
    tifa_error err;
    tifa_status st = tifa_clean(opt, in, len, &out, &out_len, &rep, &err);
    if (st != TIFA_OK) {
        fprintf(stderr, "fuzz_clean: tifa_clean failed (%d): %s\n", (int)st, err.message);
        abort();
    }
    REQUIRE(out != NULL);
    REQUIRE(out[out_len] == 0);
    REQUIRE(fz_valid_utf8((const unsigned char *)out, out_len, 0));
    REQUIRE(out_len == 0 || out[out_len - 1] == '\n');

    /* The same bytes through the streaming cleaner, in random pieces. */
    membuf m = {0};
    tifa_cleaner *c;
    REQUIRE(tifa_cleaner_new(opt, "fuzz", mem_write, &m, &c, &err) == TIFA_OK);
    uint64_t rng = seed | 1;
    for (size_t pos = 0; pos < len;) {
        uint64_t r = rng_next(&rng);
        size_t piece = (r & 3) == 0 ? 0 : (r & 3) == 1 ? 1 : 1 + (size_t)((r >> 8) % 64);
        if (piece > len - pos) piece = len - pos;
        REQUIRE(tifa_cleaner_feed(c, in + pos, piece, &err) == TIFA_OK);
        pos += piece;
    }
    tifa_clean_report srep;
    REQUIRE(tifa_cleaner_finish(c, &srep, &err) == TIFA_OK);
    tifa_cleaner_free(c);
    if (m.len != out_len || (out_len && memcmp(m.data, out, out_len) != 0)) {
        fprintf(stderr,
                "fuzz_clean: streaming output differs from tifa_clean\n--- one-shot (%zu)\n%.*s\n--- streamed "
                "(%zu)\n%.*s\n",
                out_len, (int)out_len, out, m.len, (int)m.len, m.data ? m.data : "");
        abort();
    }
    REQUIRE(same_report(&rep, &srep));
    free(m.data);
    tifa_free(out);
}

/* Undefined behaviour is a finding, as in the project's sanitizer build
 * (-fno-sanitize-recover=undefined): stop at the first report. UBSAN_OPTIONS
 * in the environment still overrides this. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *in = (const char *)data;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < size; i++) seed = (seed ^ data[i]) * 0x100000001B3ull;

    tifa_options opt;
    tifa_options_init(&opt);
    check(&opt, in, size, seed);

    tifa_options raw;
    tifa_options_init(&raw);
    raw.keep_boilerplate = 1;
    raw.target = "none";
    if (size) raw.encoding = (tifa_encoding)(data[0] % 6); /* TIFA_ENC_AUTO .. TIFA_ENC_BIG5 */
    check(&raw, in, size, seed * 31 + 7);
    return 0;
}
