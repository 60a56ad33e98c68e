/*
 * fuzz_manifest: the manifest reader (tifa_manifest_read, src/source.c),
 * CSV and JSON Lines, and the source checks behind it.
 *
 * The first byte picks the name the manifest is read under (.csv, .jsonl,
 * or none: told by content); the rest is the manifest. Checks:
 *  - it returns OK or a failure with a message, never crashes or leaks;
 *  - on OK there is at least one entry, and every entry has a non-empty
 *    file and a source that tifa_source_check accepts (the reader checked
 *    it), whose meta, when there is one, is valid UTF-8;
 *  - on failure nothing is returned.
 *
 *   make build/fuzz-manifest
 *   ./build/fuzz-manifest -max_total_time=60 -max_len=4096 build/fuzz-corpus/manifest fuzz/corpus
 */
#include <stdint.h>
#include <string.h>
#include "fuzz_common.h"
#include "tifa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    static const char *const names[] = {"m.csv", "m.jsonl", "manifest", NULL};
    const char *name = names[data[0] % 4];
    tifa_manifest *m = (tifa_manifest *)1;
    tifa_error err = {0};
    tifa_status st = tifa_manifest_read(name, (const char *)data + 1, size - 1, &m, &err);
    if (st != TIFA_OK) {
        REQUIRE(m == NULL);
        REQUIRE(err.message[0] != 0);
        return 0;
    }
    size_t n = tifa_manifest_size(m);
    REQUIRE(n > 0);
    for (size_t i = 0; i < n; i++) {
        tifa_source s;
        const char *file = tifa_manifest_entry(m, i, &s);
        REQUIRE(file && *file);
        tifa_error e = {0};
        REQUIRE(tifa_source_check(&s, &e) == TIFA_OK);
        if (s.meta) REQUIRE(fz_valid_utf8((const unsigned char *)s.meta, strlen(s.meta), 0));
    }
    REQUIRE(tifa_manifest_entry(m, n, NULL) == NULL);
    tifa_manifest_free(m);
    return 0;
}
