/* serve/guard: which requests the server answers at all, before any
 * handler runs. Pure functions over header values (no HTTP, no corpus), so
 * tests/unit and the route fuzz target drive them directly.
 *
 * Two attacks from a web page the user happens to visit, which binding to
 * localhost does not stop (the browser is on localhost too):
 *   - DNS rebinding: evil.example resolves to 127.0.0.1, and the page then
 *     reads the corpus as "same origin". The browser still sends
 *     Host: evil.example, so only the names this server is known by are
 *     answered (host_allowed).
 *   - Cross-site writes: a form or a no-cors fetch on another site POSTs to
 *     http://127.0.0.1:8080/api/add. The browser attaches that site's
 *     Origin, and a form can only send three content types, so a write
 *     needs our own origin and a content type no form can send
 *     (write_allowed). */
#ifndef TIFA_SERVE_GUARD_H
#define TIFA_SERVE_GUARD_H
#include <stddef.h>

/* host: the Host header (NULL when absent). port: the port the connection
 * came in on. names: host names or literal addresses (IPv6 in brackets)
 * this server answers to, with the port it listens on (or none, which
 * means port 80); allowed: names from --allow-host, matched on the name
 * alone (a proxy in front may use any port). 1 when the request may be
 * answered. */
int host_allowed(const char *host, unsigned port, const char *const *names, size_t nnames, const char *const *allowed,
                 size_t nallowed);

/* For a state-changing request (any method but GET, HEAD, OPTIONS): 0 when
 * it is allowed, else a short reason for the 403. origin and referer may be
 * NULL. host is the (already allowed) Host header: the server's own origin
 * is http://HOST. A write needs Origin equal to it (or, with no Origin at
 * all, a Referer under it), and either a Content-Type of
 * application/octet-stream or application/json, or an X-Tifa-Request
 * header (custom): neither can come from an HTML form, and a fetch from
 * another page that sets them must ask first (CORS preflight), which this
 * server never grants. */
const char *write_refusal(const char *host, const char *origin, const char *referer, const char *content_type,
                          int custom_header);

/* With --token-file: whether a request for a path under /api/ (but
 * /api/login) carries the token, as "Authorization: Bearer TOKEN" or a
 * cookie tifa_token=TOKEN. Pages and assets hold no corpus data and are
 * served to anyone (the page asks for the token). The comparison takes
 * the same time however much of a wrong token matches. */
int token_given(const char *token, const char *authorization, const char *cookie);

/* The token in a login body {"token": "..."}; 1 when it is the right one. */
int login_body_ok(const char *token, const char *body, size_t len);

/* Same length and bytes, in a time that does not depend on where they
 * first differ. */
int same_secret(const char *a, const char *b, size_t blen);

#endif
