/* A very small test harness: each TEST is a function; a failed CHECK marks
 * the test failed and prints where. main.c lists and runs them. */
#ifndef TIFA_TESTING_H
#define TIFA_TESTING_H
#include <stdio.h>
#include <string.h>

extern int test_failed;

#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            test_failed = 1;                                                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                                   \
        }                                                                                                              \
    } while (0)

#define CHECK_STR(got, want)                                                                                           \
    do {                                                                                                               \
        const char *g_ = (got), *w_ = (want);                                                                          \
        if (!g_ || strcmp(g_, w_) != 0) {                                                                              \
            test_failed = 1;                                                                                           \
            fprintf(stderr, "%s:%d: got  \"%s\"\n%*swant \"%s\"\n", __FILE__, __LINE__, g_ ? g_ : "(null)",            \
                    (int)strlen(__FILE__) + 8, "", w_);                                                                \
        }                                                                                                              \
    } while (0)

#define TEST(name) void name(void)

/* Helpers shared by the test files (tests/unit/main.c). */
char *clean_str(const char *in); /* tifa_clean with defaults; caller frees */
char *clean_opts(const char *in, size_t len, const char *target, int keep_boiler);
char *convert_str(const char *config, const char *in); /* caller frees */

#endif
