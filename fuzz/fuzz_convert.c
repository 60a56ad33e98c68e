/*
 * fuzz_convert: tifa_convert with every compiled-in configuration.
 *
 * The first byte picks the configuration (among tifa_converter_count()),
 * the second a split point; the rest is the text. Checks:
 *  - conversion never fails and, on valid UTF-8, produces valid UTF-8;
 *  - "NAME" and "NAME.json" open the same configuration;
 *  - the tifa_convert_safe_prefix contract, as the streaming CLI uses it:
 *    for the whole text and for a prefix cut at an arbitrary byte, k =
 *    safe_prefix(prefix) is a character boundary, and converting text[0..k)
 *    and text[k..) separately gives exactly the conversion of the whole;
 *  - a sink that refuses output makes tifa_convert return TIFA_ESINK.
 *
 *   make build/fuzz-convert && ./build/fuzz-convert fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"
#include "fuzz_common.h"




static int refuse_write(void *user, const char *data, size_t len) {
    (void)data;
    (void)len;
    ++*(int *)user;
    return 1;
}


static membuf convert(const tifa_converter *conv, const char *text, size_t len) {
    membuf m = {0};
    tifa_error err;
    REQUIRE(tifa_convert(conv, text, len, mem_write, &m, &err) == TIFA_OK);
    return m;
}

static int same(const membuf *a, const membuf *b) {
    return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* Converting text[0..k) then text[k..len) equals converting it whole. */
static void check_split(const tifa_converter *conv, const char *text, size_t len, size_t k, const membuf *whole) {
    membuf a = convert(conv, text, k);
    membuf b = convert(conv, text + k, len - k);
    mem_write(&a, b.data ? b.data : "", b.len);
    if (!same(&a, whole)) {
        fprintf(stderr, "fuzz_convert: safe prefix %zu of %zu is not safe\n", k, len);
        abort();
    }
    free(a.data);
    free(b.data);
}

static int char_boundary(const char *text, size_t len, size_t k) {
    return k == 0 || k == len || ((unsigned char)text[k] & 0xC0) != 0x80;
}

/* Undefined behaviour is a finding, as in the project's sanitizer build
 * (-fno-sanitize-recover=undefined): stop at the first report. UBSAN_OPTIONS
 * in the environment still overrides this. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    int count = tifa_converter_count();
    REQUIRE(count > 0);
    REQUIRE(tifa_converter_name(count) == NULL);
    REQUIRE(tifa_converter_name(-1) == NULL);
    const char *name = tifa_converter_name(data[0] % count);
    REQUIRE(name != NULL);
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    tifa_converter *conv, *conv_json;
    tifa_error err;
    REQUIRE(tifa_converter_new(name, &conv, &err) == TIFA_OK);
    char json[64];
    snprintf(json, sizeof json, "%s.json", name);
    REQUIRE(tifa_converter_new(json, &conv_json, &err) == TIFA_OK);

    membuf whole = convert(conv, text, len);
    membuf whole_json = convert(conv_json, text, len);
    REQUIRE(same(&whole, &whole_json));

    int valid = fz_valid_utf8((const unsigned char *)text, len, 0);
    if (valid) REQUIRE(fz_valid_utf8((const unsigned char *)whole.data, whole.len, 0));

    /* The safe prefix of the whole text, and of a prefix cut anywhere (as a
     * reader cutting a stream into buffers does). */
    size_t cut = len ? (size_t)data[1] * len / 255 : 0;
    size_t ends[2] = {len, cut};
    for (int i = 0; i < 2; i++) {
        size_t k = tifa_convert_safe_prefix(text, ends[i]);
        REQUIRE(k <= ends[i]);
        if (!valid) continue;
        REQUIRE(char_boundary(text, len, k));
        check_split(conv, text, len, k, &whole);
    }

    /* A refusing sink stops the conversion with TIFA_ESINK. */
    if (whole.len) {
        int calls = 0;
        REQUIRE(tifa_convert(conv, text, len, refuse_write, &calls, &err) == TIFA_ESINK);
        REQUIRE(calls == 1);
    }

    free(whole.data);
    free(whole_json.data);
    tifa_converter_free(conv);
    tifa_converter_free(conv_json);
    return 0;
}
