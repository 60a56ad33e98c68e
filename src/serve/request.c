/*
 * serve/request: a request's parameters, headers and body as the server
 * reads them from libmicrohttpd, and the bounds on its body: kept up to
 * --max-body for a POST, counted against it otherwise, and past it read
 * and dropped for a while so that the client still gets its 413.
 */
#define _DEFAULT_SOURCE
#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "sbuf.h"
#include "serve/request.h"

/* A body over the limit is read and dropped up to this many bytes, for
 * this long, so that a client which sends it all before reading (most
 * do) gets the 413 rather than a reset connection. */
#define DRAIN_BYTES   (64ull << 20)
#define DRAIN_SECONDS 20.0

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

struct serve_request {
    struct MHD_Connection *conn;
    sbuf body;                  /* a POST's, capped at the limit once the first bytes come */
    size_t seen;                /* bytes of a body that is not kept, counted against the limit */
    unsigned long long drained; /* bytes dropped past the limit */
    double started;             /* when the headers were in */
    int too_large;
    int answered; /* a response is queued already (early 413) */
};

serve_request *request_new(struct MHD_Connection *conn) {
    serve_request *rq = calloc(1, sizeof *rq);
    if (rq) rq->conn = conn;
    return rq;
}

void request_free(serve_request *rq) {
    if (!rq) return;
    sbuf_free(&rq->body);
    free(rq);
}

/* ------------------------------------------------- parameters, headers */

const char *req_arg(serve_request *rq, const char *key) {
    return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, key);
}

typedef struct {
    const char *key;
    const char **out;
    int n, max;
} arg_walk;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    arg_walk *w = cls;
    if (key && !strcmp(key, w->key)) {
        if (w->n < w->max) w->out[w->n] = value ? value : "";
        w->n++;
    }
    return MHD_YES;
}

int req_args(serve_request *rq, const char *key, const char **out, int max) {
    arg_walk w = {key, out, 0, max};
    MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, collect, &w);
    return w.n;
}

static enum MHD_Result collect_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    arg_walk *w = cls;
    if (key && !strcasecmp(key, w->key)) return collect(cls, kind, w->key, value);
    return MHD_YES;
}

int req_headers(serve_request *rq, const char *key, const char **out, int max) {
    arg_walk w = {key, out, 0, max};
    MHD_get_connection_values(rq->conn, MHD_HEADER_KIND, collect_header, &w);
    return w.n;
}

const char *req_header(serve_request *rq, const char *key) {
    return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, key);
}

const char *req_body(serve_request *rq, size_t *len) {
    *len = rq->body.len;
    return rq->body.s;
}

/* ------------------------------------------------------------------ body */

/* Two lengths: which one the body has is anyone's guess (request
 * smuggling through a proxy), so it is refused before reading anything.
 * A declared length over the limit: a client that asked whether to go on
 * (Expect: 100-continue, as curl does) has sent nothing yet, and is
 * answered now. One that sends regardless (Python's http.client) reads no
 * answer before it has sent everything, and an early answer and close
 * reach it as a reset: its body is read and dropped (up to DRAIN_BYTES),
 * then answered. */
body_plan request_plan(serve_request *rq, size_t max) {
    const char *lens[2];
    if (req_headers(rq, MHD_HTTP_HEADER_CONTENT_LENGTH, lens, 2) > 1) return BODY_TWO_LENGTHS;
    const char *cl = req_header(rq, MHD_HTTP_HEADER_CONTENT_LENGTH);
    unsigned long long declared = cl ? strtoull(cl, NULL, 10) : 0;
    rq->started = now_seconds();
    if (declared <= max) return BODY_READ;
    const char *expect = req_header(rq, MHD_HTTP_HEADER_EXPECT);
    rq->too_large = 1;
    if (!(expect && !strcasecmp(expect, "100-continue")) && declared <= DRAIN_BYTES) return BODY_DRAIN;
    return BODY_REFUSE;
}

/* Keeps up to max bytes of the body; past that (or when memory runs out:
 * the answer is an error either way) only notes it is too large. */
static void take_body(serve_request *rq, const char *data, size_t n, size_t max) {
    if (rq->too_large || !n) return;
    if (!rq->body.s) sbuf_init(&rq->body, max);
    if (sbuf_put(&rq->body, data, n)) {
        rq->too_large = 1;
        sbuf_free(&rq->body);
    }
}

/* Only a POST (an add, a correction, a login) keeps its body; others are
 * read and dropped, but count against the limit all the same. Past the
 * limit, what comes is dropped until DRAIN_BYTES or DRAIN_SECONDS, then
 * the connection is cut (the answer is lost then, but the bound holds). */
int request_take(serve_request *rq, const char *method, const char *data, size_t n, size_t max) {
    if (rq->too_large) {
        rq->drained += n;
        return rq->drained <= DRAIN_BYTES && now_seconds() - rq->started <= DRAIN_SECONDS;
    }
    if (!strcmp(method, "POST"))
        take_body(rq, data, n, max);
    else if (n > max - rq->seen)
        rq->too_large = 1;
    else
        rq->seen += n;
    return 1;
}

int request_too_large(const serve_request *rq) { return rq->too_large; }

void request_answered(serve_request *rq) { rq->answered = 1; }

int request_is_answered(const serve_request *rq) { return rq->answered; }
