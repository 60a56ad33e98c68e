/* fuzz_route: the server's path routing (src/serve/route.c) and the
 * parameter checks (src/app/param.c) on arbitrary bytes. Checks: a route
 * never points outside the path, an asset name is a plain file name (no
 * "..", no "/"), a document id is positive and the digits it came from,
 * and what the checks accept is what they promise (param_text: strict UTF-8 without
 * control characters; param_date: the three date shapes; param_int: in
 * range and equal to its digits). */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "app/param.h"
#include "fuzz_common.h"
#include "serve/guard.h"
#include "serve/route.h"

static void check_route(const char *path) {
    route r;
    route_match(path, &r);
    REQUIRE(r.kind >= ROUTE_NONE && r.kind < ROUTE_KINDS);
    if (r.kind != ROUTE_NONE) REQUIRE(path[0] == '/');
    /* A method for every route, POST only for the API's writes and login. */
    REQUIRE((r.kind == ROUTE_NONE) == (r.method == NULL));
    if (r.method && !strcmp(r.method, "POST"))
        REQUIRE(r.kind == ROUTE_ADD || r.kind == ROUTE_DOC_CORRECT || r.kind == ROUTE_LOGIN);
    else if (r.method)
        REQUIRE(!strcmp(r.method, "GET"));
    if (r.kind == ROUTE_ASSET) {
        REQUIRE(r.asset >= path && r.asset < path + strlen(path));
        REQUIRE(strncmp(path, "/static/", 8) == 0 && r.asset == path + 8);
        REQUIRE(*r.asset && !strchr(r.asset, '/') && !strchr(r.asset, '\\') && !strstr(r.asset, ".."));
    } else {
        REQUIRE(r.asset == NULL);
    }
    if (r.kind == ROUTE_DOC || r.kind == ROUTE_DOC_RAW || r.kind == ROUTE_DOC_RECORD || r.kind == ROUTE_DOC_CITE ||
        r.kind == ROUTE_DOC_CORRECTIONS || r.kind == ROUTE_DOC_CORRECT) {
        REQUIRE(strncmp(path, "/api/doc/", 9) == 0);
        REQUIRE(r.id >= 0);
        if (r.id > 0) {
            char want[32];
            snprintf(want, sizeof want, "/api/doc/%lld", (long long)r.id);
            REQUIRE(strncmp(path, want, strlen(want)) == 0);
        }
    }
    if (r.kind == ROUTE_PAGE && r.id) REQUIRE(strncmp(path, "/doc/", 5) == 0 && r.id > 0);
    /* Nothing that climbs is ever routed to anything but a 404. */
    if (strstr(path, "/..") && r.kind != ROUTE_NONE) REQUIRE(r.kind > ROUTE_ASSET);
}

static int all_digits(const char *s) {
    if (!*s) return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9') return 0;
    return 1;
}

static void check_params(const char *s) {
    long v;
    if (param_int(s, 3, 1000, &v)) {
        REQUIRE(v >= 3 && v <= 1000 && all_digits(s) && s[0] != '0');
        REQUIRE(strtol(s, NULL, 10) == v);
    }
    int64_t id;
    if (param_id(s, &id)) REQUIRE(id > 0 && all_digits(s));
    if (param_date(s)) {
        size_t n = strlen(s);
        REQUIRE(n == 4 || n == 7 || n == 10);
        for (size_t i = 0; i < n; i++) REQUIRE((i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9'));
    }
    if (param_text(s, 64)) {
        size_t n = strlen(s);
        REQUIRE(n >= 1 && n <= 64);
        REQUIRE(fz_valid_utf8((const unsigned char *)s, n, 0));
        for (size_t i = 0; i < n; i++) REQUIRE((unsigned char)s[i] >= 0x20 || s[i] == '\t');
    } else if (*s && strlen(s) <= 64 && fz_valid_utf8((const unsigned char *)s, strlen(s), 0)) {
        int ctl = 0;
        for (const char *p = s; *p; p++) ctl |= ((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7f;
        REQUIRE(ctl); /* refused only for a control character */
    }
}

/* The Host check accepts only our names (with our port, or none for port
 * 80 only), and a write only from http://HOST itself. */
static void check_guard(const char *s) {
    static const char *const names[] = {"localhost", "127.0.0.1", "[::1]"}, *const allowed[] = {"tifa.test"};
    if (host_allowed(s, 8080, names, 3, allowed, 1)) {
        int ours = 0;
        for (size_t i = 0; i < 3; i++) {
            size_t n = strlen(names[i]);
            ours |= !strncasecmp(s, names[i], n) && !strcmp(s + n, ":8080");
        }
        size_t n = strlen("tifa.test");
        ours |= !strncasecmp(s, "tifa.test", n) && (!s[n] || s[n] == ':');
        REQUIRE(ours);
    }
    if (!write_refusal("127.0.0.1:8080", s, NULL, "application/json", 0))
        REQUIRE(!strcasecmp(s, "http://127.0.0.1:8080"));
    if (!write_refusal("127.0.0.1:8080", NULL, s, "application/json", 0))
        REQUIRE(!strncasecmp(s, "http://127.0.0.1:8080/", 22));
    if (!write_refusal("127.0.0.1:8080", "http://127.0.0.1:8080", NULL, s, 0)) REQUIRE(strncmp(s, "text/", 5) != 0);
    /* The token only ever matches itself. */
    static const char token[] = "0123456789abcdef";
    if (token_given(token, s, NULL)) REQUIRE(!strncasecmp(s, "Bearer ", 7) && !strcmp(s + 7, token));
    if (token_given(token, NULL, s)) REQUIRE(strstr(s, "tifa_token=0123456789abcdef") != NULL);
    if (login_body_ok(token, s, strlen(s))) REQUIRE(strstr(s, "\"0123456789abcdef\"") != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *s = malloc(size + 1);
    REQUIRE(s != NULL);
    memcpy(s, data, size);
    s[size] = 0; /* the server sees C strings: what follows a NUL is not there */
    check_route(s);
    check_params(s);
    check_guard(s);
    /* The same bytes after each fixed prefix the router knows. */
    static const char *const prefixes[] = {"/api/doc/", "/static/", "/doc/"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(prefixes[k]);
        char *p = malloc(n + size + 1);
        REQUIRE(p != NULL);
        memcpy(p, prefixes[k], n);
        memcpy(p + n, data, size);
        p[n + size] = 0;
        check_route(p);
        free(p);
    }
    free(s);
    return 0;
}
