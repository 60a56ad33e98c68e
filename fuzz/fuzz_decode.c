/*
 * fuzz_decode: tifa_detect_encoding and tifa_decode on arbitrary bytes.
 *
 * Every input is decoded twice: with detection (TIFA_ENC_AUTO) and with an
 * explicit encoding picked by the first byte. Whatever the bytes, decoding
 * must succeed with NUL-terminated, valid UTF-8 that contains no NUL (NUL
 * is not text: it becomes U+FFFD). Valid UTF-8 decoded as UTF-8 must come
 * back unchanged (less a BOM) with nothing counted invalid.
 *
 *   make build/fuzz-decode && ./build/fuzz-decode fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"
#include "fuzz_common.h"



static void check_decode(const char *in, size_t len, tifa_encoding enc) {
    char *out = NULL;
    size_t out_len = (size_t)-1;
    tifa_encoding used = (tifa_encoding)-1;
    uint64_t invalid = (uint64_t)-1;
    tifa_error err;
    tifa_status st = tifa_decode(in, len, enc, &out, &out_len, &used, &invalid, &err);
    REQUIRE(st == TIFA_OK);
    REQUIRE(out != NULL);
    REQUIRE(out[out_len] == 0);
    REQUIRE(strlen(out) == out_len); /* no NUL inside */
    REQUIRE(fz_valid_utf8((const unsigned char *)out, out_len, 0));
    REQUIRE(used >= TIFA_ENC_UTF8 && used <= TIFA_ENC_BIG5);
    if (enc != TIFA_ENC_AUTO)
        REQUIRE(used == enc);
    else
        REQUIRE(used == tifa_detect_encoding(in, len));
    REQUIRE(strcmp(tifa_encoding_name(used), "unknown") != 0);
    /* Every replacement is counted: at least as many U+FFFD as invalid. */
    uint64_t fffd = 0;
    for (const char *p = out; (p = strstr(p, "\xEF\xBF\xBD")); p += 3) fffd++;
    REQUIRE(invalid <= fffd);
    /* Clean UTF-8 decoded as UTF-8 is unchanged, apart from a leading BOM. */
    if (used == TIFA_ENC_UTF8 && fz_valid_utf8((const unsigned char *)in, len, 0)) {
        size_t skip = len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        REQUIRE(invalid == 0);
        REQUIRE(out_len == len - skip);
        REQUIRE(memcmp(out, in + skip, out_len) == 0);
    }
    /* Nothing becomes something from nothing: UTF-8 never grows by more than
     * 3 bytes (a U+FFFD) per input byte. */
    REQUIRE(out_len <= 3 * len + 3);
    tifa_free(out);
}

/* Undefined behaviour is a finding, as in the project's sanitizer build
 * (-fno-sanitize-recover=undefined): stop at the first report. UBSAN_OPTIONS
 * in the environment still overrides this. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *in = (const char *)data;
    tifa_encoding det = tifa_detect_encoding(in, size);
    REQUIRE(det >= TIFA_ENC_UTF8 && det <= TIFA_ENC_BIG5);
    check_decode(in, size, TIFA_ENC_AUTO);
    if (size == 0) return 0;
    /* First byte picks an explicit encoding for the rest. */
    tifa_encoding enc = (tifa_encoding)(TIFA_ENC_UTF8 + data[0] % 5);
    check_decode(in + 1, size - 1, enc);
    return 0;
}
