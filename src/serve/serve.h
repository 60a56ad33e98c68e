/* serve: `tifa serve`, a reading room in the browser over a corpus. Built
 * into the tifa binary only (it links libmicrohttpd; libtifa does not).
 * This header is what the CLI starts it with. The files, each using only
 * those listed after it:
 *   server.c   HTTP plumbing: daemon, guard, headers, signals
 *   api.c      the JSON endpoints over the tifa_corpus_* calls (api.h)
 *   request.c  a request's parameters, headers and body, and its limits
 *   pool.c     the reader handles requests borrow
 *   cache.c    recent answers of the costly endpoints
 *   route.c    paths to routes (fuzzed); guard.c the Host, Origin and
 *              token checks (fuzzed)
 *   assets     the pages from web/, compiled in (build/gen/assets.c)
 * What both front ends share (JSON forms, citations, parameter checks) is
 * in src/app/. */
#ifndef TIFA_SERVE_H
#define TIFA_SERVE_H
#include <stddef.h>

typedef struct {
    const char *db;                 /* corpus path */
    const char *bind;               /* numeric address, default 127.0.0.1 */
    unsigned port;                  /* 0: any free port (printed) */
    int read_only;                  /* no writes: adding, correcting */
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

#endif
