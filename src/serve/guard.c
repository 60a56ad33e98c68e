/*
 * serve/guard: the Host, Origin and Content-Type checks of guard.h. Header
 * values are compared as the browser writes them: scheme and host names
 * case-insensitively, nothing decoded or normalised beyond that (a value
 * that needs more is not one a browser sent for our own page).
 */
#include <string.h>
#include <strings.h>
#include "serve/guard.h"

/* Splits "name", "name:port", "[v6]" or "[v6]:port" into the name (with
 * brackets) and the port (0 when none). 0 when malformed. */
static int split_host(const char *host, size_t *name_len, unsigned long *port) {
    const char *colon;
    if (host[0] == '[') {
        const char *close = strchr(host, ']');
        if (!close) return 0;
        colon = close[1] == ':' ? close + 1 : NULL;
        if (!colon && close[1]) return 0;
    } else {
        colon = strchr(host, ':');
    }
    *name_len = colon ? (size_t)(colon - host) : strlen(host);
    *port = 0;
    if (*name_len == 0) return 0;
    if (!colon) return 1;
    const char *p = colon + 1;
    if (!*p || *p == '0') return 0; /* one spelling per port: a browser writes no leading zero */
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || *port > 65535) return 0;
        *port = *port * 10 + (unsigned long)(*p - '0');
    }
    return *port >= 1 && *port <= 65535;
}

static int name_in(const char *name, size_t len, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (list[i] && strlen(list[i]) == len && !strncasecmp(list[i], name, len)) return 1;
    return 0;
}

int host_allowed(const char *host, unsigned port, const char *const *names, size_t nnames, const char *const *allowed,
                 size_t nallowed) {
    size_t len;
    unsigned long given;
    if (!host || !split_host(host, &len, &given)) return 0;
    if (name_in(host, len, allowed, nallowed)) return 1;
    /* No port in Host means 80: a page served elsewhere on port 80 is
     * another origin, so the port counts. */
    if ((given ? given : 80) != port) return 0;
    return name_in(host, len, names, nnames);
}

/* "http://" + host, exactly: no path, no trailing slash (an Origin has none). */
static int is_origin(const char *value, const char *host, size_t value_len) {
    size_t hl = strlen(host);
    return value_len == 7 + hl && !strncasecmp(value, "http://", 7) && !strncasecmp(value + 7, host, hl);
}

/* The media type without parameters, compared without case. */
static int type_is(const char *type, const char *want) {
    while (*type == ' ' || *type == '\t') type++;
    size_t n = strcspn(type, ";");
    while (n && (type[n - 1] == ' ' || type[n - 1] == '\t')) n--;
    return n == strlen(want) && !strncasecmp(type, want, n);
}

const char *write_refusal(const char *host, const char *origin, const char *referer, const char *content_type,
                          int custom_header) {
    if (!host) return "no Host header";
    if (origin) {
        /* "null" (a sandboxed frame, a file: page, a no-referrer policy) is
         * nobody's origin, so it is refused like a foreign one. */
        if (!is_origin(origin, host, strlen(origin))) return "the Origin is not this server's (a cross-site request)";
    } else if (referer) {
        const char *slash = strchr(referer + (strncasecmp(referer, "http://", 7) ? 0 : 7), '/');
        if (!slash || !is_origin(referer, host, (size_t)(slash - referer)))
            return "the Referer is not a page of this server (a cross-site request)";
    } else {
        return "neither Origin nor Referer: a write must say it comes from this server's own page";
    }
    if (custom_header) return NULL;
    if (content_type &&
        (type_is(content_type, "application/octet-stream") || type_is(content_type, "application/json")))
        return NULL;
    return "a write needs Content-Type: application/octet-stream (or application/json, or an X-Tifa-Request header): "
           "an HTML form cannot send those";
}

int same_secret(const char *a, const char *b, size_t blen) {
    size_t alen = strlen(a);
    unsigned diff = alen != blen;
    for (size_t i = 0; i < blen; i++) diff |= (unsigned char)a[i % (alen ? alen : 1)] ^ (unsigned char)b[i];
    return diff == 0 && alen > 0;
}

/* The value of cookie `name` in a Cookie header, its length in *len. */
static const char *cookie_value(const char *cookie, const char *name, size_t *len) {
    size_t n = strlen(name);
    for (const char *p = cookie; p && *p;) {
        while (*p == ' ' || *p == ';') p++;
        size_t end = strcspn(p, ";");
        if (end > n && !strncmp(p, name, n) && p[n] == '=') {
            *len = end - n - 1;
            return p + n + 1;
        }
        p += end;
    }
    return NULL;
}

int token_given(const char *token, const char *authorization, const char *cookie) {
    if (authorization && !strncasecmp(authorization, "Bearer ", 7))
        return same_secret(token, authorization + 7, strlen(authorization + 7));
    size_t len;
    const char *v = cookie ? cookie_value(cookie, "tifa_token", &len) : NULL;
    return v && same_secret(token, v, len);
}

int login_body_ok(const char *token, const char *body, size_t len) {
    /* {"token": "VALUE"}: a token has no quote or backslash in it
     * (tifa serve checks the file), so the value ends at the next quote. */
    const char *end = body + len, *p = body;
    static const char key[] = "\"token\"";
    for (; p + sizeof key - 1 <= end && memcmp(p, key, sizeof key - 1); p++) {}
    if (p + sizeof key - 1 > end) return 0;
    p += sizeof key - 1;
    while (p < end && (*p == ' ' || *p == ':')) p++;
    if (p >= end || *p != '"') return 0;
    const char *v = ++p;
    while (p < end && *p != '"') p++;
    return p < end && same_secret(token, v, (size_t)(p - v));
}
