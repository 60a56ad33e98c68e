/* serve/route: which handler a request path goes to. Pure functions over
 * bytes (no HTTP, no corpus), so a fuzz target drives them directly
 * (fuzz/fuzz_route.c). */
#ifndef TIFA_SERVE_ROUTE_H
#define TIFA_SERVE_ROUTE_H
#include <stddef.h>
#include <stdint.h>

typedef enum {
    ROUTE_NONE = 0, /* 404 */
    ROUTE_PAGE,     /* the single-page app: /, /browse, /series, /doc/ID, /compare, /trend, /add */
    ROUTE_ASSET,    /* /static/NAME, compiled in */
/* Then ROUTE_SEARCH ... ROUTE_LOGIN: one per endpoint of the API, in
     * the order of serve/endpoints.h. */
#define API(kind, method, path, suffix, handler, writes) ROUTE_##kind,
#include "serve/endpoints.h"
#undef API
    ROUTE_KINDS
} route_kind;

typedef struct {
    route_kind kind;
    const char *method; /* "GET" (HEAD too) or "POST"; NULL for ROUTE_NONE */
    int64_t id;         /* a page or endpoint under /doc/ID, /api/doc/ID: the id; 0 when it is not a valid id (400) */
    const char *asset;  /* ROUTE_ASSET: points into the path */
} route;

/* Maps a decoded request path (no query string) to a route. Anything not
 * listed, and any path holding "..", a backslash or a NUL-free control
 * byte, is ROUTE_NONE. */
void route_match(const char *path, route *out);

#endif
