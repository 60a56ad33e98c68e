/* Links against build/libtifa.so, not the static library: the shared
 * library must export the whole public header (it once exported nothing,
 * being built with hidden symbols) and work on its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    const char *in = "國務院常務會議在京召開";
    char *out = NULL;
    size_t len = 0;
    tifa_error err = {0};
    int failed = 0;
    if (tifa_clean(NULL, in, strlen(in), &out, &len, NULL, &err) != TIFA_OK ||
        strcmp(out, "国务院常务会议在京召开\n")) {
        fprintf(stderr, "tifa_clean through libtifa.so: got \"%s\"\n", out ? out : err.message);
        failed = 1;
    }
    tifa_free(out);
    if (strcmp(tifa_version(), TIFA_VERSION) != 0 || strcmp(tifa_strerror(TIFA_ENOMEM), "out of memory") != 0 ||
        strcmp(tifa_strerror((tifa_status)99), "unknown error") != 0) {
        fprintf(stderr, "tifa_version / tifa_strerror through libtifa.so: %s, %s\n", tifa_version(),
                tifa_strerror(TIFA_ENOMEM));
        failed = 1;
    }
    tifa_corpus *c;
    if (tifa_corpus_open(argv[1], 0, &c, &err) != TIFA_OK) {
        fprintf(stderr, "tifa_corpus_open through libtifa.so: %s\n", err.message);
        return 1;
    }
    tifa_add_result r;
    int64_t id = 0;
    if (tifa_corpus_add(c, "a.txt", in, strlen(in), &r, &id, &err) != TIFA_OK || r != TIFA_ADDED || id != 1) {
        fprintf(stderr, "tifa_corpus_add through libtifa.so: %s\n", err.message);
        failed = 1;
    }
    tifa_corpus_close(c);
    printf("%d passed, %d failed\n", failed ? 2 : 3, failed ? 1 : 0);
    return failed;
}
