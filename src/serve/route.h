/* serve/route: which handler a request path goes to. Pure functions over
 * bytes (no HTTP, no corpus), so a fuzz target drives them directly
 * (fuzz/fuzz_route.c). */
#ifndef TIFA_SERVE_ROUTE_H
#define TIFA_SERVE_ROUTE_H
#include <stddef.h>
#include <stdint.h>

typedef enum {
    ROUTE_NONE = 0,   /* 404 */
    ROUTE_PAGE,       /* the single-page app: /, /browse, /series, /doc/ID, /compare, /trend, /add */
    ROUTE_ASSET,      /* /static/NAME, compiled in */
    ROUTE_SEARCH,     /* /api/search */
    ROUTE_DOC,        /* /api/doc/ID */
    ROUTE_DOC_RAW,    /* /api/doc/ID/raw */
    ROUTE_DOC_RECORD, /* /api/doc/ID/record */
    ROUTE_DIFF,       /* /api/diff */
    ROUTE_TREND,      /* /api/trend */
    ROUTE_ADD,        /* /api/add */
    ROUTE_STATS,      /* /api/stats */
    ROUTE_LOGIN,      /* /api/login: the token given once, kept as a cookie */
    ROUTE_BROWSE,     /* /api/browse: readouts by facets, with their counts */
    ROUTE_BROWSE_CSV, /* /api/browse.csv: the same readouts as tifa export's wide CSV */
    ROUTE_SERIES,     /* /api/series: one meeting through the years */
    ROUTE_TREND_CSV,  /* /api/trend.csv */
    ROUTE_DOC_CITE,   /* /api/doc/ID/cite */
    ROUTE_DOC_CORRECTIONS, /* /api/doc/ID/corrections */
    ROUTE_DOC_CORRECT      /* POST /api/doc/ID/correct */
} route_kind;

typedef struct {
    route_kind kind;
    int64_t id;        /* ROUTE_DOC*: the id; 0 when it is not a valid id (400) */
    const char *asset; /* ROUTE_ASSET: points into the path */
} route;

/* Maps a decoded request path (no query string) to a route. Anything not
 * listed, and any path holding "..", a backslash or a NUL-free control
 * byte, is ROUTE_NONE. */
void route_match(const char *path, route *out);

#endif
