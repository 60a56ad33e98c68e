/*
 * serve/server: the HTTP side of `tifa serve` on libmicrohttpd — a thread
 * per connection, request bodies collected up to a limit, the security
 * headers every answer carries, and a clean stop on SIGINT/SIGTERM. What
 * the endpoints do is in api.c; the reader handles they borrow, pool.c.
 */
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "serve/api.h"
#include "serve/assets.h"
#include "serve/guard.h"
#include "serve/pool.h"
#include "serve/request.h"
#include "serve/route.h"
#include "serve/serve.h"

/* Every answer: no sniffing, scripts and styles from this server only (the
 * app has no inline script), no framing, no referrer. */
#define CSP                                                                                                            \
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "               \
    "frame-ancestors 'none'"
/* Document bytes: nothing in them may run, even opened directly. */
#define CSP_SANDBOX "sandbox; default-src 'none'"

/* ---------------------------------------------------------------- answer */

static enum MHD_Result send_reply(serve_ctx *s, struct MHD_Connection *conn, const char *method, const char *url,
                                  reply *r) {
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        r->len, r->body, r->persistent ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE);
    if (!resp) {
        if (!r->persistent) free(r->body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type ? r->type : "text/plain; charset=utf-8");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Content-Security-Policy", r->sandbox ? CSP_SANDBOX : CSP);
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (r->status == 405) MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD, POST");
    if (r->status == 401) MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"tifa\"");
    if (r->set_token) { /* not readable by scripts, never sent by another site */
        char *cookie = malloc(strlen(s->cfg.token) + 64);
        if (cookie) {
            sprintf(cookie, "tifa_token=%s; Path=/; HttpOnly; SameSite=Strict", s->cfg.token);
            MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
            free(cookie);
        }
    }
    /* After a body refused as too large nothing more on this connection. */
    if (r->status == 413) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
    if (r->download[0]) {
        char cd[80];
        snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", r->download);
        MHD_add_response_header(resp, "Content-Disposition", cd);
    }
    enum MHD_Result ret = MHD_queue_response(conn, r->status, resp);
    MHD_destroy_response(resp);
    if (s->cfg.log) fprintf(stderr, "%s %s %u %zu\n", method, url, r->status, r->len);
    return ret;
}

static void reply_asset(const serve_asset *a, reply *r) {
    r->status = 200;
    r->type = a->type;
    r->body = (char *)a->data;
    r->len = a->len;
    r->persistent = 1;
}

/* The single-page app for every page path (it routes itself), or an asset. */
static void reply_page(const route *rt, reply *r) {
    const serve_asset *a = serve_asset_find(rt->kind == ROUTE_PAGE ? "index.html" : rt->asset);
    if (a)
        reply_asset(a, r);
    else if (rt->kind == ROUTE_PAGE)
        reply_error(r, 500, "index.html is not compiled in");
    else
        reply_error(r, 404, "not found: no such asset");
}

static void dispatch(serve_ctx *s, serve_request *rq, const char *method, const char *url, reply *r) {
    route rt;
    route_match(url, &rt);
    if (rt.kind == ROUTE_NONE) {
        reply_error(r, 404, "not found: %s", url[0] == '/' ? "no such page" : "bad path");
        return;
    }
    /* Every write is a POST, and every POST went through guard() first. */
    int get = !strcmp(method, "GET") || !strcmp(method, "HEAD"), post = !strcmp(method, "POST");
    int wants_post = !strcmp(rt.method, "POST");
    if (wants_post ? !post : !get) {
        reply_error(r, 405, "method %s not allowed here", wants_post ? "other than POST" : method);
        return;
    }
    if (rt.kind == ROUTE_PAGE || rt.kind == ROUTE_ASSET)
        reply_page(&rt, r);
    else
        api_answer(s, rq, &rt, r);
}

/* ----------------------------------------------------------------- guard */

/* The address and port this connection came in on, the address as a Host
 * header writes it ("127.0.0.1", "[::1]"). 0 when unknown. */
static int local_address(struct MHD_Connection *conn, char *name, size_t cap, unsigned *port) {
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    struct sockaddr_storage a;
    socklen_t n = sizeof a;
    if (!ci || getsockname(ci->connect_fd, (struct sockaddr *)&a, &n) != 0) return 0;
    char text[INET6_ADDRSTRLEN];
    if (a.ss_family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)&a;
        *port = ntohs(v4->sin_port);
        return inet_ntop(AF_INET, &v4->sin_addr, name, (socklen_t)cap) != NULL;
    }
    const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&a;
    if (a.ss_family != AF_INET6 || !inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text)) return 0;
    *port = ntohs(v6->sin6_port);
    return snprintf(name, cap, "[%s]", text) < (int)cap;
}

/* 421 unless the Host is one this server answers to (see guard.h). */
static int check_host(serve_ctx *s, struct MHD_Connection *conn, const char *host, reply *r) {
    char local[INET6_ADDRSTRLEN + 2] = "", bound[INET6_ADDRSTRLEN + 2];
    unsigned port = 0;
    local_address(conn, local, sizeof local, &port);
    snprintf(bound, sizeof bound, strchr(s->cfg.bind, ':') ? "[%s]" : "%s", s->cfg.bind);
    const char *names[] = {"localhost", "127.0.0.1", "[::1]", bound, local};
    if (host_allowed(host, port, names, 5, s->cfg.allow_hosts, s->cfg.nallow_hosts)) return 0;
    reply_error(r, 421, "this server does not answer to the host name %.200s (tifa serve --allow-host NAME)", host);
    return 1;
}

/* 401 when --token-file is set and an /api/ request lacks the token. */
static int check_token(serve_ctx *s, serve_request *rq, const char *url, reply *r) {
    if (!s->cfg.token || strncmp(url, "/api/", 5) != 0 || !strcmp(url, "/api/login")) return 0;
    const char *v[2];
    const char *auth = req_headers(rq, MHD_HTTP_HEADER_AUTHORIZATION, v, 2) == 1 ? v[0] : NULL;
    const char *cookie = req_header(rq, MHD_HTTP_HEADER_COOKIE);
    if (token_given(s->cfg.token, auth, cookie)) return 0;
    reply_error(r, 401, "this server needs its token: Authorization: Bearer TOKEN, or log in on the page");
    return 1;
}

/* 403 for a write that may come from another site (see guard.h). A
 * header sent twice counts as absent, an Origin sent twice as foreign. */
static int check_write(serve_request *rq, const char *method, const char *host, reply *r) {
    if (!strcmp(method, "GET") || !strcmp(method, "HEAD") || !strcmp(method, "OPTIONS")) return 0;
    const char *v[2];
    int origins = req_headers(rq, "Origin", v, 2);
    const char *origin = origins == 1 ? v[0] : NULL;
    const char *referer = req_headers(rq, MHD_HTTP_HEADER_REFERER, v, 2) == 1 ? v[0] : NULL;
    const char *type = req_headers(rq, MHD_HTTP_HEADER_CONTENT_TYPE, v, 2) == 1 ? v[0] : NULL;
    int custom = req_headers(rq, "X-Tifa-Request", v, 1) > 0;
    const char *why = origins > 1 ? "more than one Origin" : write_refusal(host, origin, referer, type, custom);
    if (!why) return 0;
    reply_error(r, 403, "refused: %s", why);
    return 1;
}

/* Whether the request may be answered at all, decided on its headers
 * before any of its body is read: 1 when r holds the refusal. */
static int guard(serve_ctx *s, struct MHD_Connection *conn, serve_request *rq, const char *method, const char *url,
                 reply *r) {
    const char *hosts[2];
    if (req_headers(rq, MHD_HTTP_HEADER_HOST, hosts, 2) != 1) {
        reply_error(r, 421, "one Host header is needed");
        return 1;
    }
    return check_host(s, conn, hosts[0], r) || check_token(s, rq, url, r) || check_write(rq, method, hosts[0], r);
}

static void reply_too_large(serve_ctx *s, reply *r) {
    reply_error(r, 413, "the body is larger than the limit of %zu bytes (tifa serve --max-body)", s->cfg.max_body);
}

/* A request's first call, its headers in: answered at once when the
 * guard or the body's declared length refuses it, before any of the body
 * is read; otherwise its body is read next. */
static enum MHD_Result on_headers(serve_ctx *s, struct MHD_Connection *conn, const char *url, const char *method,
                                  void **con_cls) {
    serve_request *rq = request_new(conn);
    if (!rq) return MHD_NO;
    *con_cls = rq;
    reply r = {0};
    if (!guard(s, conn, rq, method, url, &r)) {
        switch (request_plan(rq, s->cfg.max_body)) {
        case BODY_READ:
        case BODY_DRAIN:
            return MHD_YES;
        case BODY_TWO_LENGTHS:
            reply_error(&r, 400, "more than one Content-Length");
            break;
        case BODY_REFUSE:
            reply_too_large(s, &r);
            break;
        }
    }
    request_answered(rq);
    return send_reply(s, conn, method, url, &r);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls) {
    (void)version;
    serve_ctx *s = cls;
    serve_request *rq = *con_cls;
    if (!rq) return on_headers(s, conn, url, method, con_cls);
    if (request_is_answered(rq)) { /* whatever else comes is dropped */
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size) {
        if (!request_take(rq, method, upload, *upload_size, s->cfg.max_body)) return MHD_NO;
        *upload_size = 0;
        return MHD_YES;
    }
    reply r = {0};
    if (request_too_large(rq))
        reply_too_large(s, &r);
    else
        dispatch(s, rq, method, url, &r);
    request_answered(rq);
    return send_reply(s, conn, method, url, &r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode t) {
    (void)cls;
    (void)conn;
    (void)t;
    request_free(*con_cls);
    *con_cls = NULL;
}

/* ------------------------------------------------------------------ run */

int serve_run(const serve_config *cfg) {
    serve_ctx s;
    memset(&s, 0, sizeof s);
    s.cfg = *cfg;
    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addr;
    const char *bind = !strcmp(cfg->bind, "localhost") ? "127.0.0.1" : cfg->bind;
    if (inet_pton(AF_INET, bind, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)cfg->port);
    } else if (inet_pton(AF_INET6, bind, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)cfg->port);
        flags |= MHD_USE_IPv6;
    } else {
        fprintf(stderr, "tifa: serve: --bind %s: not a numeric IPv4 or IPv6 address\n", cfg->bind);
        return 2;
    }
    if (pool_init(&s.pool, cfg->db, cfg->handles) != 0) {
        fprintf(stderr, "tifa: serve: out of memory\n");
        return 1;
    }
    pthread_mutex_init(&s.write_lock, NULL);
    cache_init(&s.cache, cfg->db, !cfg->no_cache);

    /* The signals are taken by sigwait below; every thread MHD starts
     * inherits the mask, so none of them is interrupted. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct MHD_Daemon *d =
        MHD_start_daemon(flags, (uint16_t)cfg->port, NULL, NULL, on_request, &s, MHD_OPTION_SOCK_ADDR,
                         (struct sockaddr *)&addr, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
                         MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout, MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
                         MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_client, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                         (size_t)(64 * 1024), MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "tifa: serve: cannot listen on %s port %u (in use, or not allowed)\n", cfg->bind, cfg->port);
        pool_close(&s.pool);
        pthread_mutex_destroy(&s.write_lock);
        cache_free(&s.cache);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : cfg->port;
    int v6host = (flags & MHD_USE_IPv6) != 0;
    printf("tifa serve: http://%s%s%s:%u/ (corpus %s%s; Ctrl-C stops)\n", v6host ? "[" : "", bind, v6host ? "]" : "",
           port, cfg->db, cfg->read_only ? ", read-only" : "");
    fflush(stdout);

    int sig = 0;
    sigwait(&stop, &sig);
    MHD_stop_daemon(d);
    pool_close(&s.pool);
    pthread_mutex_destroy(&s.write_lock);
    if (cfg->log) fprintf(stderr, "tifa serve: cache: %llu hits, %llu misses\n", s.cache.hits, s.cache.misses);
    cache_free(&s.cache);
    fprintf(stderr, "tifa serve: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}
