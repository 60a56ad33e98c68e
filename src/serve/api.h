/* serve/api: the JSON endpoints, and what server.c hands them: the
 * server's state (serve_ctx) and the answer to fill (reply). No HTTP here;
 * server.c calls in, api.c calls nothing of server.c. */
#ifndef TIFA_SERVE_API_H
#define TIFA_SERVE_API_H
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include "serve/cache.h"
#include "serve/pool.h"
#include "serve/request.h"
#include "serve/serve.h"

typedef struct {
    serve_config cfg;
    corpus_pool pool;
    pthread_mutex_t write_lock; /* one add at a time */
    serve_cache cache;          /* search, trend, diff answers */
} serve_ctx;

/* What a handler answers. body is malloc'd (freed by the server) unless
 * persistent. */
typedef struct {
    unsigned status;
    const char *type;
    char *body;
    size_t len;
    int persistent;
    char download[40]; /* Content-Disposition attachment file name, or "" */
    int sandbox;       /* document bytes: CSP sandbox */
    int set_token;     /* login accepted: set the token cookie */
} reply;

void reply_error(reply *r, unsigned status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

void api_search(serve_ctx *s, serve_request *rq, reply *r);
void api_doc(serve_ctx *s, int64_t id, int what, reply *r); /* what: 0 doc, 1 raw, 2 record */
void api_diff(serve_ctx *s, serve_request *rq, reply *r);
void api_trend(serve_ctx *s, serve_request *rq, int csv, reply *r);
void api_browse(serve_ctx *s, serve_request *rq, reply *r);
void api_browse_csv(serve_ctx *s, serve_request *rq, reply *r);
void api_series(serve_ctx *s, serve_request *rq, reply *r);
void api_cite(serve_ctx *s, int64_t id, serve_request *rq, reply *r);
void api_corrections(serve_ctx *s, int64_t id, reply *r);
void api_correct(serve_ctx *s, int64_t id, serve_request *rq, reply *r);
void api_add(serve_ctx *s, serve_request *rq, reply *r);
void api_stats(serve_ctx *s, reply *r);
void api_login(serve_ctx *s, serve_request *rq, reply *r);

#endif
