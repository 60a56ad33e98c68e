/*
 * serve/route: request paths to handlers and query parameters checked. The
 * server never maps a path to a file: assets are looked up by exact name
 * in the compiled-in table, so ".." and friends can only ever miss.
 */
#include <string.h>
#include "serve/route.h"

int param_int(const char *s, long min, long max, long *out) {
    if (!s || !*s) return 0;
    if (s[0] == '0' && s[1]) return 0; /* one spelling per number: no leading zeros */
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        if (v > (max - (*p - '0')) / 10) return 0; /* above max (and no overflow) */
        v = v * 10 + (*p - '0');
    }
    if (v < min) return 0;
    *out = v;
    return 1;
}

int param_id(const char *s, int64_t *out) {
    long v;
    /* 2^53: ids survive a round trip through JavaScript numbers. */
    if (!param_int(s, 1, 9007199254740991L, &v)) return 0;
    *out = v;
    return 1;
}

static int digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int param_date(const char *s) {
    if (!s) return 0;
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return 0;
    if (!digits(s, 4)) return 0;
    if (n >= 7) {
        if (s[4] != '-' || !digits(s + 5, 2)) return 0;
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12) return 0;
    }
    if (n == 10) {
        if (s[7] != '-' || !digits(s + 8, 2)) return 0;
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (d < 1 || d > 31) return 0;
    }
    return 1;
}

/* Strict UTF-8 (shortest form, no surrogates, at most U+10FFFF), no C0
 * controls but tab, no DEL. */
int param_text(const char *s, size_t max) {
    if (!s || !*s) return 0;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (p[i]) {
        if (i >= max) return 0;
        unsigned c = p[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t') || c == 0x7f) return 0;
            i++;
            continue;
        }
        size_t n;
        unsigned long v, min;
        if (c >= 0xC2 && c <= 0xDF)
            n = 2, v = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, v = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, v = c & 0x07, min = 0x10000;
        else
            return 0;
        for (size_t k = 1; k < n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) return 0; /* also stops at the NUL */
            v = v << 6 | (p[i + k] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        i += n;
    }
    return i <= max;
}

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
