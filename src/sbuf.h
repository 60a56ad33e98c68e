/*
 * sbuf: the one growable byte buffer — a string being built, a file read
 * whole, a request body, an answer being written. Bytes either stay in
 * memory (the buffer grows) or pass through it to a sink, the caller's
 * tifa_write_fn (a FILE, a socket, a callback), once `stage` bytes are
 * held; so one writer streams to a file or builds a string alike.
 *
 * An optional cap bounds the bytes it ever takes. Errors are sticky: after
 * the first (memory ran out, the cap was passed, the sink refused, a read
 * failed) every later call does nothing and returns -1, so a writer may
 * append freely and look once, at the end, at err.
 *
 * Other modules read s, len and err; they change them only through these
 * functions. Not for: text carrying its offset map (tbuf, text.h), or
 * arrays of structs.
 */
#ifndef TIFA_SBUF_H
#define TIFA_SBUF_H
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "tifa.h"

typedef enum {
    SBUF_OK = 0,
    SBUF_ENOMEM, /* an allocation failed */
    SBUF_ECAP,   /* an append would have passed the cap: it was not made */
    SBUF_ESINK,  /* the sink returned non-zero */
    SBUF_EIO     /* reading a file failed (sbuf_read) */
} sbuf_error;

typedef struct {
    char *s;             /* the bytes held, NUL-terminated; NULL until the first append */
    size_t len;          /* bytes held (with a sink: not yet passed on) */
    size_t cap;          /* bytes allocated at s */
    size_t room;         /* bytes an append may copy in without the slow path */
    size_t max;          /* most bytes ever taken, 0 for no cap */
    size_t sent;         /* bytes passed to the sink so far */
    size_t stage;        /* with a sink: bytes held before they are passed on */
    tifa_write_fn write; /* the sink, or NULL: the bytes stay in memory */
    void *user;
    sbuf_error err;
} sbuf;

/* An empty buffer in memory taking at most max bytes (0: no cap); so is
 * a zeroed sbuf ({0}), with no cap. Needs sbuf_free (or sbuf_steal) once
 * something was appended. */
void sbuf_init(sbuf *b, size_t max);
/* A buffer passing what it takes to write(user, ...), stage bytes at a
 * time (0: each append at once, as for a FILE, which buffers itself).
 * sbuf_flush passes on the rest; sbuf_free frees the stage. */
void sbuf_init_sink(sbuf *b, tifa_write_fn write, void *user, size_t stage);
/* Caps what b will ever take (a sink's bytes passed on count too) at max
 * bytes; 0: no cap. */
void sbuf_cap(sbuf *b, size_t max);
/* A sink writing to fp (fwrite), unstaged. Nothing to free. */
void sbuf_init_file(sbuf *b, FILE *fp);
/* The tifa_write_fn behind sbuf_init_file: user is a FILE *. */
int sbuf_write_file(void *user, const char *data, size_t len);
/* A tifa_write_fn appending to the sbuf user: what a call writes through
 * a callback (tifa_convert, tifa_clean's cleaner) collected in memory. */
int sbuf_write(void *user, const char *data, size_t len);

/* Appends n bytes; 0, or -1 with err set (and then nothing appended). */
int sbuf_put_slow(sbuf *b, const void *data, size_t n);
static inline int sbuf_put(sbuf *b, const void *data, size_t n) {
    /* Most appends are a few bytes into room already there: a copy. (No
     * room: none allocated yet, or an error; n 0 may find s NULL.) */
    if (!n || n > b->room) return sbuf_put_slow(b, data, n);
    memcpy(b->s + b->len, data, n);
    b->len += n;
    b->room -= n;
    b->s[b->len] = 0;
    return 0;
}
static inline int sbuf_putc(sbuf *b, char c) { return sbuf_put(b, &c, 1); }
static inline int sbuf_puts(sbuf *b, const char *s) { return sbuf_put(b, s, strlen(s)); }
int sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* In memory: room for n more bytes at s + len (and the NUL after them),
 * for a caller that writes in place (inflate, fread), then says how many
 * it wrote with sbuf_added. When the buffer must grow it grows to exactly
 * that: a caller who knows the size gets no more (to double, ask for len
 * more). Afterwards room says how many bytes may be written. 0, or -1
 * with err (SBUF_ECAP when n passes the cap). */
int sbuf_reserve(sbuf *b, size_t n);
void sbuf_added(sbuf *b, size_t n);
/* In memory: appends what is left of fp. -1 with err SBUF_EIO when
 * reading failed (errno says why), SBUF_ECAP when fp holds more than the
 * cap allows, SBUF_ENOMEM. */
int sbuf_read(sbuf *b, FILE *fp);

/* In memory: drops the first n bytes (n <= len), for a reader done with
 * them; the rest moves to the start. */
void sbuf_drop(sbuf *b, size_t n);

/* With a sink: passes on what is held (also after an error, but for the
 * sink's own). 0, or -1 with err. */
int sbuf_flush(sbuf *b);
/* In memory: the bytes (NUL-terminated, "" when none), the caller's to
 * free; *len (may be NULL) their length. NULL when err is set or memory
 * ran out. The buffer is left empty (as after sbuf_init, the cap kept). */
char *sbuf_steal(sbuf *b, size_t *len);
/* Empties the buffer for reuse, keeping its memory, cap and sink; an
 * error is forgotten. */
void sbuf_clear(sbuf *b);
void sbuf_free(sbuf *b);

#endif
