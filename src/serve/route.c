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

void route_match(const char *path, route *out) {
    memset(out, 0, sizeof *out);
    if (!path || path[0] != '/') return;
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (!strcmp(path, pages[i])) {
            out->kind = ROUTE_PAGE;
            return;
        }
    if (!strncmp(path, "/doc/", 5)) {
        int64_t id;
        if (param_id(path + 5, &id)) {
            out->kind = ROUTE_PAGE;
            out->id = id;
        }
        return;
    }
    if (!strncmp(path, "/static/", 8)) {
        if (safe_asset_name(path + 8)) {
            out->kind = ROUTE_ASSET;
            out->asset = path + 8;
        }
        return;
    }
    static const struct {
        const char *path;
        route_kind kind;
    } api[] = {{"/api/search", ROUTE_SEARCH},        {"/api/diff", ROUTE_DIFF},     {"/api/trend", ROUTE_TREND},
               {"/api/add", ROUTE_ADD},              {"/api/stats", ROUTE_STATS},   {"/api/login", ROUTE_LOGIN},
               {"/api/browse", ROUTE_BROWSE},        {"/api/series", ROUTE_SERIES}, {"/api/trend.csv", ROUTE_TREND_CSV},
               {"/api/browse.csv", ROUTE_BROWSE_CSV}};
    for (size_t i = 0; i < sizeof api / sizeof api[0]; i++)
        if (!strcmp(path, api[i].path)) {
            out->kind = api[i].kind;
            return;
        }
    if (strncmp(path, "/api/doc/", 9) != 0) return;
    /* /api/doc/ID, /api/doc/ID/raw, /api/doc/ID/record, /cite, /corrections,
     * /correct: a malformed ID is a
     * bad request (400, id 0), an unknown suffix is not found. */
    const char *id = path + 9, *slash = strchr(id, '/');
    size_t n = slash ? (size_t)(slash - id) : strlen(id);
    route_kind kind = ROUTE_NONE;
    if (!slash)
        kind = ROUTE_DOC;
    else if (!strcmp(slash, "/raw"))
        kind = ROUTE_DOC_RAW;
    else if (!strcmp(slash, "/record"))
        kind = ROUTE_DOC_RECORD;
    else if (!strcmp(slash, "/cite"))
        kind = ROUTE_DOC_CITE;
    else if (!strcmp(slash, "/corrections"))
        kind = ROUTE_DOC_CORRECTIONS;
    else if (!strcmp(slash, "/correct"))
        kind = ROUTE_DOC_CORRECT;
    if (kind == ROUTE_NONE) return;
    char buf[24];
    out->kind = kind;
    if (n == 0 || n >= sizeof buf) return;
    memcpy(buf, id, n);
    buf[n] = 0;
    if (!param_id(buf, &out->id)) out->id = 0;
}
