/* serve/request: one HTTP request as the server reads it — its query
 * parameters and headers (looked up through libmicrohttpd) and its body,
 * kept up to a limit or read and dropped. Handlers see the request only
 * through these functions; only request.c knows libmicrohttpd's side. */
#ifndef TIFA_SERVE_REQUEST_H
#define TIFA_SERVE_REQUEST_H
#include <stddef.h>

struct MHD_Connection;
typedef struct serve_request serve_request;

/* The request on conn, once its headers are in; NULL out of memory.
 * request_free when the connection is done with it. */
serve_request *request_new(struct MHD_Connection *conn);
void request_free(serve_request *rq);

/* A query parameter (decoded), or NULL. */
const char *req_arg(serve_request *rq, const char *key);
/* The values of a parameter given once or more, up to max of them into
 * out; returns how many there were (which may be more than max). */
int req_args(serve_request *rq, const char *key, const char **out, int max);
/* The same for a header, its name matched in any case. */
int req_headers(serve_request *rq, const char *key, const char **out, int max);
/* A header's first value, or NULL. */
const char *req_header(serve_request *rq, const char *key);
/* The body a POST sent (NULL when none was kept), *len its length. */
const char *req_body(serve_request *rq, size_t *len);

/* What the headers say of the body, before a byte of it is read. */
typedef enum {
    BODY_READ,        /* read it as it comes (request_take) */
    BODY_DRAIN,       /* declared over the limit: read and drop it, then answer 413 */
    BODY_REFUSE,      /* declared over the limit: answer 413 now */
    BODY_TWO_LENGTHS, /* two Content-Lengths: answer 400 now */
} body_plan;
body_plan request_plan(serve_request *rq, size_t max);

/* The next n bytes of the body: kept (a POST's) or counted against max,
 * and past max dropped. 0 when the connection is to be cut: more than a
 * drain's worth dropped, or for too long. */
int request_take(serve_request *rq, const char *method, const char *data, size_t n, size_t max);
/* Whether the body went past max (the answer is a 413). */
int request_too_large(const serve_request *rq);

/* An answer is queued: whatever else the client sends is dropped. */
void request_answered(serve_request *rq);
int request_is_answered(const serve_request *rq);

#endif
