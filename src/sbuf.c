/* sbuf: the growable byte buffer with a cap and a sink (see sbuf.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include "sbuf.h"

#define FIRST_CAP 256

/* room: what sbuf_put may copy in inline — none after an error or before
 * the first allocation, never past the stage or the cap. */
static void set_room(sbuf *b) {
    size_t room = 0;
    if (!b->err && b->s) room = b->write ? b->stage - b->len : b->cap - b->len - 1;
    if (b->max) {
        size_t taken = b->sent + b->len;
        size_t left = b->max > taken ? b->max - taken : 0;
        if (left < room) room = left;
    }
    b->room = room;
}

static int fail(sbuf *b, sbuf_error e) {
    b->err = e;
    b->room = 0;
    return -1;
}

void sbuf_init(sbuf *b, size_t max) {
    memset(b, 0, sizeof *b);
    b->max = max;
}

void sbuf_init_sink(sbuf *b, tifa_write_fn write, void *user, size_t stage) {
    memset(b, 0, sizeof *b);
    b->write = write;
    b->user = user;
    b->stage = stage;
}

void sbuf_cap(sbuf *b, size_t max) {
    b->max = max;
    set_room(b);
}

int sbuf_write_file(void *user, const char *data, size_t len) { return fwrite(data, 1, len, user) != len; }

void sbuf_init_file(sbuf *b, FILE *fp) { sbuf_init_sink(b, sbuf_write_file, fp, 0); }

int sbuf_write(void *user, const char *data, size_t len) { return sbuf_put(user, data, len) != 0; }

/* cap >= need: exactly need for a caller who knows the size (sbuf_reserve),
 * else doubling, so that appends cost amortized constant time, at once to
 * need when that is more; never past what the cap lets it hold. */
static int grow(sbuf *b, size_t need, int exact) {
    if (need <= b->cap) return 0;
    size_t cap = exact ? need : !b->cap ? FIRST_CAP : b->cap <= SIZE_MAX / 2 ? b->cap * 2 : need;
    if (cap < need) cap = need;
    if (b->max && need <= b->max + 1 && cap > b->max + 1) cap = b->max + 1;
    char *p = realloc(b->s, cap);
    if (!p) return fail(b, SBUF_ENOMEM);
    b->s = p;
    b->cap = cap;
    return 0;
}

/* Hands n bytes to the sink. */
static int pass(sbuf *b, const char *data, size_t n) {
    if (n && b->write(b->user, data, n)) return fail(b, SBUF_ESINK);
    b->sent += n;
    return 0;
}

int sbuf_flush(sbuf *b) {
    /* What was taken before memory ran out or the cap was reached is
     * still the writer's: it goes on. A sink that refused gets no more. */
    if (b->err == SBUF_ESINK) return -1;
    if (b->write && b->len) {
        size_t n = b->len;
        b->len = 0;
        if (pass(b, b->s, n)) return -1;
        b->s[0] = 0;
        set_room(b);
    }
    return b->err ? -1 : 0;
}

/* With a sink: into the stage while it fits, else the stage is passed on
 * and a piece as large as the stage goes straight through. */
static int sink_put(sbuf *b, const void *data, size_t n) {
    if (!n) return 0;
    if (b->len + n > b->stage && sbuf_flush(b)) return -1;
    if (n >= b->stage) return pass(b, data, n);
    if (!b->s && grow(b, b->stage + 1, 1)) return -1;
    memcpy(b->s + b->len, data, n);
    b->len += n;
    b->s[b->len] = 0;
    set_room(b);
    return 0;
}

int sbuf_put_slow(sbuf *b, const void *data, size_t n) {
    if (b->err) return -1;
    if (b->max && (n > b->max || b->sent + b->len > b->max - n)) return fail(b, SBUF_ECAP);
    if (b->write) return sink_put(b, data, n);
    if (n > SIZE_MAX - b->len - 1) return fail(b, SBUF_ENOMEM);
    if (grow(b, b->len + n + 1, 0)) return -1;
    if (n) memcpy(b->s + b->len, data, n);
    b->len += n;
    b->s[b->len] = 0;
    set_room(b);
    return 0;
}

int sbuf_printf(sbuf *b, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return fail(b, SBUF_ENOMEM); /* only a result past INT_MAX bytes */
    if ((size_t)n < sizeof small) return sbuf_put(b, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big) return fail(b, SBUF_ENOMEM);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = sbuf_put(b, big, (size_t)n);
    free(big);
    return rc;
}

int sbuf_reserve(sbuf *b, size_t n) {
    if (b->err) return -1;
    if (b->write || n > SIZE_MAX - b->len - 1) return fail(b, SBUF_ENOMEM);
    if (b->max && b->len + n > b->max) return fail(b, SBUF_ECAP);
    if (grow(b, b->len + n + 1, 1)) return -1;
    b->s[b->len] = 0;
    set_room(b);
    return 0;
}

void sbuf_added(sbuf *b, size_t n) {
    b->len += n;
    b->s[b->len] = 0;
    set_room(b);
}

int sbuf_read(sbuf *b, FILE *fp) {
    if (b->write) return fail(b, SBUF_EIO);
    while (!b->err) {
        size_t want = b->s ? b->cap - b->len - 1 : 0;
        if (b->max && want > b->max - b->len) want = b->max - b->len;
        if (!want) {
            /* Full, or sized to the file by the caller: one byte says
             * whether there is more before the buffer doubles (or the cap
             * is passed). */
            char c;
            if (fread(&c, 1, 1, fp) == 0) break;
            sbuf_put(b, &c, 1);
            continue;
        }
        size_t got = fread(b->s + b->len, 1, want, fp);
        sbuf_added(b, got);
        if (got < want) break;
    }
    if (!b->err && ferror(fp)) fail(b, SBUF_EIO);
    return b->err ? -1 : 0;
}

void sbuf_drop(sbuf *b, size_t n) {
    if (!n) return;
    memmove(b->s, b->s + n, b->len - n);
    b->len -= n;
    b->s[b->len] = 0;
    set_room(b);
}

char *sbuf_steal(sbuf *b, size_t *len) {
    if (b->err || b->write) {
        sbuf_free(b);
        return NULL;
    }
    char *s = b->s ? b->s : malloc(1);
    if (!s) {
        fail(b, SBUF_ENOMEM);
        return NULL;
    }
    if (!b->s) s[0] = 0;
    if (len) *len = b->len;
    b->s = NULL;
    b->len = b->cap = 0;
    set_room(b);
    return s;
}

void sbuf_clear(sbuf *b) {
    b->len = 0;
    b->err = SBUF_OK;
    if (b->s) b->s[0] = 0;
    set_room(b);
}

void sbuf_free(sbuf *b) {
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    set_room(b);
}
