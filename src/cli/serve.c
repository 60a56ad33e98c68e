/* cli/serve: `tifa serve` — options, then serve_run (src/serve/). */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "app/param.h"
#include "cli.h"
#include "serve/serve.h"

static const char *serve_help =
    "usage: tifa serve [--db PATH] [--port N] [--bind ADDR] [--read-only] [--max-body BYTES]\n"
    "                  [--allow-host NAME]... [--token-file F] [--max-per-client N] [--timeout SECONDS]\n"
    "                  [--no-cache] [--log]\n"
    "\n"
    "A reading room in the browser over the corpus: search, documents with their\n"
    "facts, compare, trend, add. Pages and a JSON API (see README) on\n"
    "http://ADDR:PORT/. Runs until Ctrl-C (SIGINT) or SIGTERM.\n"
    "\n"
    "  --db PATH         the corpus (default $TIFA_DB, else ./tifa.db); created if missing\n"
    "                    unless --read-only\n"
    "  --port N          default 8080; 0 picks a free port (the address is printed)\n"
    "  --bind ADDR       numeric address to listen on, default 127.0.0.1 (this machine\n"
    "                    only); 0.0.0.0 opens it to the network (no authentication!)\n"
    "  --allow-host NAME answer requests for this host name too (a name the server is\n"
    "                    reached by: a proxy, /etc/hosts); by default only localhost,\n"
    "                    127.0.0.1, [::1] and the bound address are, anything else gets\n"
    "                    421 (a DNS-rebinding page names its own host). Repeatable, up to 16\n"
    "  --token-file F    every /api/ request must carry the secret on F's first line\n"
    "                    (Authorization: Bearer TOKEN, or the page's login cookie);\n"
    "                    needed with a --bind beyond this machine unless --read-only\n"
    "  --read-only       no adding (POST /api/add answers 403)\n"
    "  --max-body BYTES  largest request body, default 10M (suffix K or M); larger: 413\n"
    "  --max-per-client N connections at once from one client address (default 64;\n"
    "                    512 in all); more are closed at once\n"
    "  --timeout SECONDS a connection silent this long is closed (default 30)\n"
    "  --no-cache        compute every search, trend and diff afresh (by default recent\n"
    "                    answers are kept while the corpus file is unchanged, up to 60 s)\n"
    "  --log             one line per request on standard error\n";

/* 10M, 512K, 1000: bytes. */
int parse_size(const char *s, size_t *out) {
    char digits[24];
    size_t n = strlen(s), mult = 1;
    if (n && (s[n - 1] == 'K' || s[n - 1] == 'k'))
        mult = 1024, n--;
    else if (n && (s[n - 1] == 'M' || s[n - 1] == 'm'))
        mult = 1024 * 1024, n--;
    if (n == 0 || n >= sizeof digits) return 0;
    memcpy(digits, s, n);
    digits[n] = 0;
    long v;
    if (!param_int(digits, 1, 1L << 40, &v) || (size_t)v > ((size_t)1 << 40) / mult) return 0;
    *out = (size_t)v * mult;
    return 1;
}

/* The token from its file: the first line, 16 to 256 characters a URL or
 * a cookie carries as they are (letters, digits, - . _ ~ + / =). A secret
 * in a file, not on the command line, where ps shows it to everyone. */
static char *read_token(const char *path) {
    FILE *fp = fopen(path, "r");
    char line[300];
    if (!fp || !fgets(line, sizeof line, fp)) {
        fprintf(stderr, "tifa: serve: --token-file %s: cannot be read\n", SHOWN(path));
        if (fp) fclose(fp);
        return NULL;
    }
    fclose(fp);
    line[strcspn(line, "\r\n")] = 0;
    size_t n = strlen(line);
    if (n < 16 || n > 256 ||
        strspn(line, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/=") != n) {
        fprintf(stderr,
                "tifa: serve: --token-file %s: the first line must be 16 to 256 letters, digits or - . _ ~ + / =\n"
                "  (for instance: head -c 24 /dev/urandom | base64 > %s)\n",
                SHOWN(path), SHOWN(path));
        return NULL;
    }
    return strdup(line);
}

/* 127.0.0.0/8, ::1 and localhost: only this machine can connect. What is
 * not a numeric address at all counts as loopback here: serve_run refuses
 * it with its own message. */
static int loopback(const char *bind) {
    unsigned char a[16];
    if (inet_pton(AF_INET, bind, a) != 1 && inet_pton(AF_INET6, bind, a) != 1) return 1;
    return !strncmp(bind, "127.", 4) || !strcmp(bind, "::1");
}

/* A host name as a Host header carries it, without a port: letters,
 * digits, '-', '.', or an IPv6 address in brackets. */
static int host_name_ok(const char *s) {
    if (!*s || strlen(s) > 253) return 0;
    if (s[0] == '[') return s[strlen(s) - 1] == ']' && strspn(s + 1, "0123456789abcdefABCDEF:.") == strlen(s) - 2;
    return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") == strlen(s);
}

int cmd_serve(int argc, char **argv) {
    /* 512 connections in all, 64 from one address: a few hundred slow or
     * idle clients from one place cannot take every slot (they could with
     * no cap per address), and a benchmark's 64 connections still fit. */
    serve_config cfg = {
        .bind = "127.0.0.1", .port = 8080, .max_body = 10u << 20, .handles = 8, .per_client = 64, .timeout = 30};
    const char *allow[16];
    cfg.allow_hosts = allow;
    const char *db = NULL, *token_file = NULL;
    tifa_filter unused = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        long v;
        if (!strcmp(a, "--db")) {
            int r = corpus_option(argc, argv, &i, &db, &unused);
            if (r <= 0) return r == -2 ? 2 : usage_error("serve", a);
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(serve_help, stdout);
            return 0;
        } else if (!strcmp(a, "--port") && i + 1 < argc) {
            if (!param_int(argv[++i], 0, 65535, &v)) return usage_error("serve", argv[i]);
            cfg.port = (unsigned)v;
        } else if (!strcmp(a, "--bind") && i + 1 < argc) {
            cfg.bind = argv[++i];
        } else if (!strcmp(a, "--allow-host") && i + 1 < argc) {
            if (!host_name_ok(argv[++i]) || cfg.nallow_hosts == sizeof allow / sizeof allow[0])
                return usage_error("serve", argv[i]);
            allow[cfg.nallow_hosts++] = argv[i];
        } else if (!strcmp(a, "--max-per-client") && i + 1 < argc) {
            if (!param_int(argv[++i], 1, 512, &v)) return usage_error("serve", argv[i]);
            cfg.per_client = (unsigned)v;
        } else if (!strcmp(a, "--timeout") && i + 1 < argc) {
            if (!param_int(argv[++i], 1, 3600, &v)) return usage_error("serve", argv[i]);
            cfg.timeout = (unsigned)v;
        } else if (!strcmp(a, "--token-file") && i + 1 < argc) {
            token_file = argv[++i];
        } else if (!strcmp(a, "--read-only")) {
            cfg.read_only = 1;
        } else if (!strcmp(a, "--max-body") && i + 1 < argc) {
            if (!parse_size(argv[++i], &cfg.max_body)) return usage_error("serve", argv[i]);
        } else if (!strcmp(a, "--no-cache")) {
            cfg.no_cache = 1;
        } else if (!strcmp(a, "--log")) {
            cfg.log = 1;
        } else {
            return usage_error("serve", a);
        }
    }
#ifdef __GLIBC__
    /* A long-lived server with a thread per connection: a few shared malloc
     * arenas, and freed memory given back (main() keeps 64 MB for the batch
     * commands), so the resident size follows the load and comes back. */
    mallopt(M_ARENA_MAX, 2);
    mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
    /* Beyond this machine anyone who can reach the port could add to (or,
     * with a token, read) the corpus: a token or --read-only is needed. */
    if (!loopback(cfg.bind) && !token_file && !cfg.read_only) {
        fprintf(stderr,
                "tifa: serve: --bind %s opens the server to other machines, and anyone who reaches it\n"
                "  could add to the corpus: give --token-file FILE (a secret every request must carry),\n"
                "  or --read-only, or both\n",
                cfg.bind);
        return 2;
    }
    char *token = token_file ? read_token(token_file) : NULL;
    if (token_file && !token) return 2;
    cfg.token = token;
    cfg.db = corpus_path(db);
    /* Made (or migrated) once here, so the reader handles find it. */
    tifa_corpus *c = open_corpus(cfg.db, cfg.read_only);
    int status = 1;
    if (c) {
        tifa_corpus_close(c);
        status = serve_run(&cfg);
    }
    free(token);
    return status;
}
