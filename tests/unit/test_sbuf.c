/* sbuf.c: growth, the cap, the sink and its stage, sticky errors, reading
 * a file. */
#include <stdlib.h>
#include <string.h>
#include "sbuf.h"
#include "testing.h"

TEST(test_sbuf_grows) {
    sbuf b;
    sbuf_init(&b, 0);
    CHECK(b.s == NULL && b.len == 0);
    for (int i = 0; i < 1000; i++) sbuf_printf(&b, "%d,", i % 10);
    CHECK(b.len == 2000 && b.err == SBUF_OK && b.s[b.len] == 0);
    CHECK(!strncmp(b.s, "0,1,2,", 6));
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = 0;
    sbuf_clear(&b);
    sbuf_printf(&b, "<%s>", big); /* longer than printf's first try */
    CHECK(b.len == 1001 && b.s[0] == '<' && b.s[1000] == '>');
    size_t n;
    char *s = sbuf_steal(&b, &n);
    CHECK(s && n == 1001 && b.s == NULL && b.len == 0);
    free(s);
    s = sbuf_steal(&b, &n); /* nothing appended: "" */
    CHECK_STR(s, "");
    CHECK(n == 0);
    free(s);
    sbuf_free(&b);
}

TEST(test_sbuf_cap) {
    sbuf b;
    sbuf_init(&b, 10);
    CHECK(sbuf_puts(&b, "0123456789") == 0);
    CHECK(b.cap <= 11); /* no more than the cap can hold */
    CHECK(sbuf_putc(&b, 'x') == -1 && b.err == SBUF_ECAP);
    CHECK(sbuf_puts(&b, "") == -1 && b.len == 10); /* sticky: nothing more */
    CHECK(sbuf_steal(&b, NULL) == NULL && b.s == NULL);
    sbuf_init(&b, 4);
    CHECK(sbuf_puts(&b, "12345") == -1 && b.err == SBUF_ECAP && b.len == 0);
    sbuf_free(&b);
}

typedef struct {
    char got[256];
    size_t len;
    int calls, refuse_at;
} collector;

static int collect(void *user, const char *data, size_t len) {
    collector *c = user;
    if (++c->calls == c->refuse_at) return 1;
    memcpy(c->got + c->len, data, len);
    c->len += len;
    return 0;
}

TEST(test_sbuf_sink_stage) {
    collector c = {{0}, 0, 0, 0};
    sbuf b;
    sbuf_init_sink(&b, collect, &c, 8);
    sbuf_puts(&b, "abc");
    sbuf_puts(&b, "def");
    CHECK(c.calls == 0);  /* held in the stage */
    sbuf_puts(&b, "ghi"); /* past the stage: the six go on */
    CHECK(c.calls == 1 && c.len == 6);
    sbuf_puts(&b, "0123456789"); /* as large as the stage: straight through */
    sbuf_printf(&b, "%s", "!");
    CHECK(sbuf_flush(&b) == 0 && b.err == SBUF_OK);
    CHECK(c.len == 20 && !memcmp(c.got, "abcdefghi0123456789!", 20));
    sbuf_free(&b);

    collector d = {{0}, 0, 0, 2};
    sbuf_init_sink(&b, collect, &d, 0); /* unstaged: every append is a call */
    CHECK(sbuf_puts(&b, "one") == 0 && d.calls == 1);
    CHECK(sbuf_puts(&b, "two") == -1 && b.err == SBUF_ESINK);
    CHECK(sbuf_puts(&b, "three") == -1 && d.calls == 2 && d.len == 3);
    CHECK(b.s == NULL); /* unstaged: nothing allocated */
    sbuf_free(&b);

    collector e = {{0}, 0, 0, 0};
    sbuf_init_sink(&b, collect, &e, 4);
    sbuf_cap(&b, 10); /* what went on to the sink counts too */
    CHECK(sbuf_puts(&b, "abcdefgh") == 0 && sbuf_puts(&b, "ij") == 0 && e.len == 8);
    CHECK(sbuf_putc(&b, 'k') == -1 && b.err == SBUF_ECAP);
    CHECK(sbuf_flush(&b) == -1 && e.len == 10); /* "ij", taken before the cap, still goes */
    CHECK(!memcmp(e.got, "abcdefghij", 10));
    sbuf_free(&b);
}

TEST(test_sbuf_read) {
    FILE *fp = tmpfile();
    CHECK(fp != NULL);
    if (!fp) return;
    for (int i = 0; i < 5000; i++) fputs("一二三", fp);
    rewind(fp);
    sbuf b;
    sbuf_init(&b, 0);
    CHECK(sbuf_read(&b, fp) == 0 && b.len == 45000 && b.s[b.len] == 0);
    sbuf_free(&b);
    rewind(fp);
    sbuf_init(&b, 45000); /* exactly the cap: read whole */
    CHECK(sbuf_reserve(&b, 45000) == 0 && b.cap == 45001);
    CHECK(sbuf_read(&b, fp) == 0 && b.len == 45000 && b.cap == 45001); /* sized to the file: no doubling */
    sbuf_free(&b);
    rewind(fp);
    sbuf_init(&b, 44999); /* one byte more than the cap: refused */
    CHECK(sbuf_read(&b, fp) == -1 && b.err == SBUF_ECAP);
    sbuf_free(&b);
    fclose(fp);
}

TEST(test_sbuf_reserve_in_place) {
    sbuf b;
    sbuf_init(&b, 0);
    sbuf_puts(&b, "ab");
    CHECK(sbuf_reserve(&b, 100) == 0 && b.cap >= 103);
    memcpy(b.s + b.len, "cdef", 4);
    sbuf_added(&b, 3);
    CHECK_STR(b.s, "abcde");
    sbuf_drop(&b, 2); /* a reader done with "ab" */
    CHECK(b.len == 3);
    CHECK_STR(b.s, "cde");
    sbuf_free(&b);
}
