/* serve: `tifa serve`, a reading room in the browser over a corpus. Built
 * into the tifa binary only (it links libmicrohttpd; libtifa does not).
 *   server.c  HTTP plumbing: daemon, limits, bodies, headers, signals
 *   api.c     the JSON endpoints over the tifa_corpus_* calls
 *   route.c   paths to handlers, parameter checks (fuzzed)
 *   assets    the pages from web/, compiled in (build/gen/assets.c) */
#ifndef TIFA_SERVE_H
#define TIFA_SERVE_H
#include <pthread.h>
#include <stddef.h>
#include "serve/cache.h"
#include "serve/pool.h"
#include "serve/request.h"
#include "tifa.h"

typedef struct {
    const char *db;                 /* corpus path */
    const char *bind;               /* numeric address, default 127.0.0.1 */
    unsigned port;                  /* 0: any free port (printed) */
    int read_only;                  /* no /api/add */
    size_t max_body;                /* bytes; larger bodies get 413 */
    int handles;                    /* reader handles on the corpus */
    int log;                        /* one line per request on stderr */
    int no_cache;                   /* compute every answer afresh */
    const char *const *allow_hosts; /* --allow-host names: answered besides localhost and the bound address */
    size_t nallow_hosts;
    unsigned per_client; /* connections at once from one address */
    const char *token;   /* --token-file: needed for /api/ (NULL: none) */
    unsigned timeout;    /* seconds a connection may stay silent */
} serve_config;

/* Serves until SIGINT or SIGTERM. Prints the address on standard output
 * once listening. Returns the exit status (0 after a signal). */
int serve_run(const serve_config *cfg);

/* ------------------------------------------------ shared by server, api */

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
