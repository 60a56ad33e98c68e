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
#include "serve/route.h"
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

/* Answers a request routed to one of the API's endpoints (route_match;
 * the method already checked): refused when it writes and the server is
 * read-only, else the endpoint's handler fills r. */
void api_answer(serve_ctx *s, serve_request *rq, const route *rt, reply *r);

#endif
