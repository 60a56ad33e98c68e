/*
 * serve/route: request paths to handlers. The server never maps a path to
 * a file: assets are looked up by exact name in the compiled-in table, so
 * ".." and friends can only ever miss. The checks of query parameters are
 * app/param.c's.
 */
#include <string.h>
#include "app/param.h"
#include "serve/route.h"

/* Pages the app draws itself; /doc/ID is matched separately. */
static const char *const pages[] = {"/", "/browse", "/series", "/compare", "/trend", "/add"};

static int safe_asset_name(const char *s) {
    if (!*s) return 0;
    for (const char *p = s; *p; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 (c == '.' && p != s && p[-1] != '.');
        if (!ok) return 0;
    }
    return 1;
}

/* The single-page app's paths and its assets, all read with GET. */
static int match_page(const char *path, route *out) {
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (!strcmp(path, pages[i])) out->kind = ROUTE_PAGE;
    if (!strncmp(path, "/doc/", 5) && param_id(path + 5, &out->id)) out->kind = ROUTE_PAGE;
    if (!strncmp(path, "/static/", 8) && safe_asset_name(path + 8)) {
        out->kind = ROUTE_ASSET;
        out->asset = path + 8;
    }
    if (out->kind != ROUTE_NONE) out->method = "GET";
    return out->kind != ROUTE_NONE;
}

/* The API's paths, the method each takes: serve/endpoints.h's columns. */
static const struct {
    route_kind kind;
    const char *method, *path, *suffix;
} endpoints[] = {
#define API(kind, method, path, suffix, handler, writes) {ROUTE_##kind, method, path, suffix},
#include "serve/endpoints.h"
#undef API
};

/* prefix, a document id up to the next '/', then exactly suffix. A
 * malformed id still matches, with id 0: a bad request (400) rather than
 * a page not found. */
static int match_doc(const char *path, const char *prefix, const char *suffix, int64_t *id) {
    size_t k = strlen(prefix);
    if (strncmp(path, prefix, k) != 0) return 0;
    const char *digits = path + k, *slash = strchr(digits, '/');
    if (strcmp(slash ? slash : "", suffix) != 0) return 0;
    size_t n = slash ? (size_t)(slash - digits) : strlen(digits);
    char buf[24];
    *id = 0;
    if (n == 0 || n >= sizeof buf) return 1;
    memcpy(buf, digits, n);
    buf[n] = 0;
    if (!param_id(buf, id)) *id = 0;
    return 1;
}

static void match_endpoint(const char *path, route *out) {
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++) {
        const char *suffix = endpoints[i].suffix;
        if (suffix ? match_doc(path, endpoints[i].path, suffix, &out->id) : !strcmp(path, endpoints[i].path)) {
            out->kind = endpoints[i].kind;
            out->method = endpoints[i].method;
            return;
        }
    }
}

void route_match(const char *path, route *out) {
    memset(out, 0, sizeof *out);
    if (!path || path[0] != '/') return;
    if (!match_page(path, out)) match_endpoint(path, out);
}
