/* Large-input streaming test, built without sanitizers (it cleans 15 MB):
 * windows are cut by content alone, so feeding a document in any piece
 * size gives the one-shot output — with blank lines, with only line ends,
 * and as one endless line (which must stay one line). Prints
 * `N passed, M failed`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"

typedef struct {
    char *d;
    size_t n, cap;
} membuf;

static int sink(void *user, const char *s, size_t n) {
    membuf *m = user;
    if (m->n + n + 1 > m->cap) {
        m->cap = (m->n + n + 1) * 2;
        char *p = realloc(m->d, m->cap);
        if (!p) return 1;
        m->d = p;
    }
    memcpy(m->d + m->n, s, n);
    m->n += n;
    m->d[m->n] = 0;
    return 0;
}

int main(void) {
    static const char *const shapes[] = {
        "會(huì)議指出,要堅(jiān)持穩中求進。\n\n",
        "會議強調 13 日,要加強領導。\n",
        "國務院常務會議研究部署穩就業工作國務院常務會議",
    };
    static const size_t pieces[] = {65536, 4093, 1 << 20};
    int passed = 0, failed = 0;
    for (size_t k = 0; k < 3; k++) {
        size_t unit = strlen(shapes[k]), n = (5u << 20) / unit, len = n * unit;
        char *in = malloc(len + 1);
        if (!in) return 2;
        for (size_t i = 0; i < n; i++) memcpy(in + i * unit, shapes[k], unit);
        char *whole;
        size_t whole_len;
        if (tifa_clean(NULL, in, len, &whole, &whole_len, NULL, NULL) != TIFA_OK) return 2;
        for (size_t p = 0; p < 3; p++) {
            membuf m = {0};
            tifa_cleaner *c;
            int ok = tifa_cleaner_new(NULL, "stream", sink, &m, &c, NULL) == TIFA_OK;
            for (size_t i = 0; ok && i < len; i += pieces[p])
                ok = tifa_cleaner_feed(c, in + i, len - i < pieces[p] ? len - i : pieces[p], NULL) == TIFA_OK;
            ok = ok && tifa_cleaner_finish(c, NULL, NULL) == TIFA_OK;
            tifa_cleaner_free(c);
            ok = ok && m.n == whole_len && memcmp(m.d, whole, whole_len) == 0;
            if (ok)
                passed++;
            else {
                failed++;
                printf("not ok - shape %zu fed in pieces of %zu differs from one-shot\n", k, pieces[p]);
            }
            free(m.d);
        }
        if (k == 2) {
            int one_line = whole_len > 0 && memchr(whole, '\n', whole_len) == whole + whole_len - 1;
            one_line ? passed++ : failed++;
            if (!one_line) printf("not ok - an endless line was broken at window cuts\n");
        }
        tifa_free(whole);
        free(in);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
