/*
 * serve/api: the JSON endpoints. Each checks its parameters (400 with a
 * message), borrows a reader handle for as short a time as it can, and
 * writes the same field names as the CLI's --json forms (app/jsonout.c).
 * No HTTP here: parameters come through req_arg, answers go into a reply.
 * Which path and method reach which handler is serve/endpoints.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/cite.h"
#include "app/csvout.h"
#include "app/jsonout.h"
#include "app/param.h"
#include "sbuf.h"
#include "serve/api.h"
#include "serve/guard.h"

#define JSON_TYPE  "application/json; charset=utf-8"
#define MAX_QUERY  1000 /* bytes of a search query */
#define MAX_FILTER 200  /* bytes of org, meeting, a file name */
#define MAX_TERMS  8
#define MAX_TERM   100

static const char oom_json[] = "{\"error\":\"out of memory\"}";

static void reply_oom(reply *r) {
    r->status = 500;
    r->type = JSON_TYPE;
    r->body = (char *)oom_json;
    r->len = sizeof oom_json - 1;
    r->persistent = 1;
}

void reply_error(reply *r, unsigned status, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sbuf o;
    sbuf_init(&o, 0);
    sbuf_puts(&o, "{\"error\":");
    print_json_string(&o, msg);
    sbuf_putc(&o, '}');
    size_t len;
    char *body = sbuf_steal(&o, &len);
    if (!body) {
        reply_oom(r);
        return;
    }
    r->status = status;
    r->type = JSON_TYPE;
    r->body = body;
    r->len = len;
    r->persistent = 0;
}

/* A JSON answer is written into an sbuf in memory: nothing to fail until
 * it is sent. */
static void out_open(sbuf *o) { sbuf_init(o, 0); }

static void out_send(sbuf *o, reply *r) {
    size_t len;
    char *body = sbuf_steal(o, &len);
    if (!body) {
        reply_oom(r);
        return;
    }
    r->status = 200;
    r->type = JSON_TYPE;
    r->body = body;
    r->len = len;
    r->persistent = 0;
}

/* A cached answer for key: sent, 1. Otherwise 0, with the corpus version
 * to store the answer under (remember). */
static int from_cache(serve_ctx *s, const char *key, reply *r, char *version) {
    size_t len;
    char *body = cache_get(&s->cache, key, &len, version);
    if (!body) return 0;
    r->status = 200;
    r->type = JSON_TYPE;
    r->body = body;
    r->len = len;
    r->persistent = 0;
    return 1;
}

/* After a miss, always: keeps a good answer, and lets the requests that
 * wait for this one go on either way. */
static void remember(serve_ctx *s, const char *key, const reply *r, const char *version) {
    if (r->status == 200 && r->body)
        cache_put(&s->cache, key, r->body, r->len, version);
    else
        cache_abandon(&s->cache, key);
}

static void out_drop(sbuf *o) { sbuf_free(o); }

/* The status for a failed library call: bad input is the caller's (400);
 * a rolled-back write (the corpus busy, the disk full) may work later (503). */
static unsigned status_for(tifa_status st) {
    return st == TIFA_EINPUT || st == TIFA_EUSAGE ? 400 : st == TIFA_EBATCH ? 503 : 500;
}

static tifa_corpus *take(serve_ctx *s, reply *r) {
    tifa_error err = {0};
    tifa_corpus *c = pool_take(&s->pool, &err);
    if (!c) reply_error(r, 503, "the corpus cannot be opened: %s", err.message);
    return c;
}

/* A reply's body and a pooled handle for a read: NULL (the reply already
 * set) when either is not to be had. */
static tifa_corpus *open_read(serve_ctx *s, sbuf *o, reply *r) {
    out_open(o);
    tifa_corpus *c = take(s, r);
    if (!c) out_drop(o);
    return c;
}

/* Gives the handle back and sends the body closed by tail, or, when the
 * read failed, drops it for an error: "what: message" with the status for
 * st, or (what NULL) the bare message as 404 for a missing document. */
static int close_read(serve_ctx *s, tifa_corpus *c, sbuf *o, reply *r, tifa_status st, const tifa_error *err,
                      const char *what, const char *tail) {
    pool_give(&s->pool, c);
    if (st != TIFA_OK) {
        out_drop(o);
        if (what)
            reply_error(r, status_for(st), "%s: %s", what, err->message);
        else
            reply_error(r, st == TIFA_EINPUT ? 404 : 500, "%s", err->message);
        return 0;
    }
    if (tail) sbuf_puts(o, tail);
    out_send(o, r);
    return 1;
}

/* ---------------------------------------------------------------- search */

typedef struct {
    sbuf *o;
    int n;
} hit_writer;

static int write_hit(void *user, const tifa_hit *h) {
    hit_writer *w = user;
    if (w->n++) sbuf_putc(w->o, ',');
    print_hit_json(w->o, h);
    return 0;
}

/* Optional text parameter: NULL when absent or empty; 0 when invalid. */
static int opt_text(serve_request *rq, const char *key, size_t max, const char **v, reply *r) {
    *v = req_arg(rq, key);
    if (*v && !**v) *v = NULL;
    if (*v && !param_text(*v, max)) {
        reply_error(r, 400, "%s: at most %zu bytes of UTF-8 text without control characters", key, max);
        return 0;
    }
    return 1;
}

static int opt_int(serve_request *rq, const char *key, long min, long max, int *v, reply *r) {
    const char *s = req_arg(rq, key);
    long n;
    if (!s || !*s) return 1;
    if (!param_int(s, min, max, &n)) {
        reply_error(r, 400, "%s: a whole number from %ld to %ld", key, min, max);
        return 0;
    }
    *v = (int)n;
    return 1;
}

static int opt_date(serve_request *rq, const char *key, const char **v, reply *r) {
    *v = req_arg(rq, key);
    if (*v && !**v) *v = NULL;
    if (*v && !param_date(*v)) {
        reply_error(r, 400, "%s: a date yyyy-mm-dd, or a year (yyyy) or month (yyyy-mm)", key);
        return 0;
    }
    return 1;
}

static void search_run(serve_ctx *s, const char *q, const tifa_filter *f, int newest, reply *r) {
    sbuf o;
    out_open(&o);
    tifa_corpus *c = take(s, r);
    if (!c) {
        out_drop(&o);
        return;
    }
    sbuf_puts(&o, "{\"results\":[");
    hit_writer w = {&o, 0};
    int64_t total = 0;
    int estimated = 0;
    tifa_error err = {0};
    tifa_status st = newest ? tifa_corpus_search_newest(c, q, f, write_hit, &w, &total, &estimated, &err)
                            : tifa_corpus_search(c, q, f, write_hit, &w, &total, &err);
    pool_give(&s->pool, c);
    if (st != TIFA_OK) {
        out_drop(&o);
        reply_error(r, status_for(st), "search: %s", err.message);
        return;
    }
    sbuf_printf(&o, "],\"total\":%lld", (long long)total);
    if (newest) sbuf_printf(&o, ",\"estimated\":%s", estimated ? "true" : "false");
    sbuf_putc(&o, '}');
    out_send(&o, r);
}

static void api_search(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    const char *q = req_arg(rq, "q");
    if (!q || !*q) {
        reply_error(r, 400, "q: the search query is missing");
        return;
    }
    if (!param_text(q, MAX_QUERY)) {
        reply_error(r, 400, "q: at most %d bytes of UTF-8 text without control characters", MAX_QUERY);
        return;
    }
    tifa_filter f = {.limit = 20};
    if (!opt_int(rq, "limit", 1, 100, &f.limit, r) || !opt_int(rq, "offset", 0, 1000000, &f.offset, r) ||
        !opt_date(rq, "from", &f.from, r) || !opt_date(rq, "to", &f.to, r) ||
        !opt_text(rq, "org", MAX_FILTER, &f.org, r) || !opt_text(rq, "meeting", MAX_FILTER, &f.meeting, r))
        return;
    const char *order = req_arg(rq, "order");
    int newest = order && !strcmp(order, "newest");
    if (order && *order && !newest && strcmp(order, "best")) {
        reply_error(r, 400, "order: best or newest");
        return;
    }
    /* Checked parameters hold no control character: newlines separate. */
    char key[MAX_QUERY + 2 * MAX_FILTER + 96], version[CACHE_VERSION_LEN];
    snprintf(key, sizeof key, "search\n%s\n%d\n%d\n%s\n%s\n%s\n%s\n%d", q, f.limit, f.offset, f.from ? f.from : "",
             f.to ? f.to : "", f.org ? f.org : "", f.meeting ? f.meeting : "", newest);
    if (from_cache(s, key, r, version)) return;
    search_run(s, q, &f, newest, r);
    remember(s, key, r, version);
}

/* ------------------------------------------------------------------- doc */

/* The charset a browser's TextDecoder knows the raw bytes by. */
static const char *charset_of(const char *bytes, size_t len) {
    switch (tifa_detect_encoding(bytes, len)) {
    case TIFA_ENC_UTF16LE:
        return "utf-16le";
    case TIFA_ENC_UTF16BE:
        return "utf-16be";
    case TIFA_ENC_GB18030:
        return "gb18030";
    case TIFA_ENC_BIG5:
        return "big5";
    default:
        return "utf-8";
    }
}

/* The members of a document's JSON that list --json gives too (sources,
 * copies, duplicate_of, corrected), after its id and file. */
static int write_doc_fields(void *user, const tifa_hit *h) {
    sbuf *o = user;
    static const char *const keys[] = {"outlet", "url", "published", "retrieved", "date", "meeting", "org"};
    const char *values[] = {h->outlet, h->url, h->published, h->retrieved, h->date, h->meeting, h->org};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) print_json_field(o, keys[k], values[k]);
    print_json_id(o, "duplicate_of", h->duplicate_of);
    print_json_field(o, "copy", h->copy);
    print_json_field(o, "type", h->type);
    print_json_field(o, "series", h->series);
    sbuf_puts(o, ",\"copies\":");
    print_copies_json(o, h);
    sbuf_puts(o, ",\"corrected\":");
    print_corrected_json(o, h->corrected);
    return 0;
}

/* what: 0 the document as JSON, 1 its raw bytes, 2 its record. */
static void doc_answer(serve_ctx *s, int64_t id, int what, reply *r) {
    if (id <= 0) {
        reply_error(r, 400, "bad document id: a whole number from 1");
        return;
    }
    tifa_corpus *c = take(s, r);
    if (!c) return;
    char *record = NULL, *clean = NULL, *raw = NULL, *file = NULL;
    size_t raw_len = 0;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_get(c, id, what == 1 ? NULL : &record, what == 0 ? &clean : NULL,
                                     what == 1 ? &raw : NULL, &raw_len, what == 0 ? &file : NULL, &err);
    /* The document's JSON: begun while the handle is held, for its
     * sources and copies. */
    sbuf o;
    out_open(&o);
    if (st == TIFA_OK && what == 0) {
        sbuf_printf(&o, "{\"id\":%lld,", (long long)id);
        print_json_name(&o, "file", file);
        if ((st = tifa_corpus_doc(c, id, write_doc_fields, &o, &err)) != TIFA_OK) out_drop(&o);
    }
    pool_give(&s->pool, c);
    if (st != TIFA_OK) {
        if (st == TIFA_EINPUT)
            reply_error(r, 404, "no document %lld", (long long)id);
        else
            reply_error(r, 500, "%s", err.message);
    } else if (what == 1) {
        static const char *const types[] = {"text/plain; charset=utf-8", "text/plain; charset=utf-16le",
                                            "text/plain; charset=utf-16be", "text/plain; charset=gb18030",
                                            "text/plain; charset=big5"};
        const char *cs = charset_of(raw, raw_len);
        r->type = types[0];
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (!strcmp(types[i] + 20, cs)) r->type = types[i];
        r->status = 200;
        r->body = raw;
        r->len = raw_len;
        r->sandbox = 1;
        raw = NULL;
    } else if (what == 2) {
        r->status = 200;
        r->type = JSON_TYPE;
        r->len = strlen(record);
        r->body = record;
        snprintf(r->download, sizeof r->download, "tifa-%lld.json", (long long)id);
        record = NULL;
    } else {
        sbuf_printf(&o, ",\"record\":%s,\"clean\":", record);
        print_json_string(&o, clean);
        sbuf_puts(&o, "}");
        out_send(&o, r);
    }
    tifa_free(record);
    tifa_free(clean);
    tifa_free(raw);
    tifa_free(file);
}

static void api_doc(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rq;
    doc_answer(s, rt->id, 0, r);
}

static void api_doc_raw(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rq;
    doc_answer(s, rt->id, 1, r);
}

static void api_doc_record(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rq;
    doc_answer(s, rt->id, 2, r);
}

/* ------------------------------------------------------------------ diff */

/* The two sides are read from the corpus as stored (nothing is cleaned
 * again), then the handle goes back before the comparison, the slow part. */
static void diff_run(serve_ctx *s, const int64_t ids[2], reply *r) {
    tifa_diff_side *side[2] = {NULL, NULL};
    tifa_corpus *c = take(s, r);
    if (!c) return;
    tifa_error err = {0};
    tifa_status st = TIFA_OK;
    int k;
    for (k = 0; k < 2 && st == TIFA_OK; k++) st = tifa_corpus_diff_side(c, ids[k], &side[k], &err);
    pool_give(&s->pool, c);
    if (st == TIFA_EINPUT) {
        reply_error(r, 404, "no document %lld", (long long)ids[k - 1]);
    } else if (st != TIFA_OK) {
        reply_error(r, 500, "%s", err.message);
    } else {
        sbuf o;
        out_open(&o);
        st = tifa_diff_sides(side[0], side[1], TIFA_DIFF_JSON, sbuf_write, &o, &err);
        if (st == TIFA_OK || o.err) { /* a sink that failed: memory ran out, which out_send says */
            out_send(&o, r);
        } else {
            out_drop(&o);
            reply_error(r, status_for(st), "diff: %s", err.message);
        }
    }
    tifa_diff_side_free(side[0]);
    tifa_diff_side_free(side[1]);
}

static void api_diff(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    const char *as = req_arg(rq, "a"), *bs = req_arg(rq, "b");
    int64_t ids[2];
    if (!as || !bs) {
        reply_error(r, 400, "a and b: the ids of the two documents are needed");
        return;
    }
    if (!param_id(as, &ids[0])) {
        reply_error(r, 400, "a: bad document id");
        return;
    }
    if (!param_id(bs, &ids[1])) {
        reply_error(r, 400, "b: bad document id");
        return;
    }
    char key[64], version[CACHE_VERSION_LEN];
    snprintf(key, sizeof key, "diff\n%lld\n%lld", (long long)ids[0], (long long)ids[1]);
    if (from_cache(s, key, r, version)) return;
    diff_run(s, ids, r);
    remember(s, key, r, version);
}

/* ----------------------------------------------------------------- trend */

typedef struct {
    sbuf *o;
    int n;
} trend_writer;

/* Readouts using the term per 100 dated in the period, one decimal: the
 * counts of years with few readouts and years with many made comparable.
 * null (JSON) when nothing is dated in the period. */
static void print_per_100(sbuf *o, const tifa_trend_row *row) {
    if (!row->dated) {
        sbuf_puts(o, "null");
        return;
    }
    long long tenths = (row->documents * 1000 + row->dated / 2) / row->dated;
    sbuf_printf(o, "%lld.%lld", tenths / 10, tenths % 10);
}

static int write_row(void *user, const tifa_trend_row *row) {
    trend_writer *w = user;
    sbuf_puts(w->o, w->n++ ? ",{\"period\":" : "{\"period\":");
    print_json_string(w->o, row->period);
    sbuf_puts(w->o, ",\"term\":");
    print_json_string(w->o, row->term);
    sbuf_printf(w->o, ",\"documents\":%lld,\"occurrences\":%lld,\"dated\":%lld,\"undated\":%lld,\"per_100\":",
                (long long)row->documents, (long long)row->occurrences, (long long)row->dated, (long long)row->undated);
    print_per_100(w->o, row);
    sbuf_putc(w->o, '}');
    return 0;
}

/* Trend as CSV: tifa trend --csv's columns, then per_100. */
static int write_csv_row(void *user, const tifa_trend_row *row) {
    trend_writer *w = user;
    if (!w->n++) sbuf_puts(w->o, "period,term,documents,occurrences,dated,undated,per_100\r\n");
    sbuf_printf(w->o, "%s,", row->period);
    csv_field(w->o, row->term);
    sbuf_printf(w->o, ",%lld,%lld,%lld,%lld,", (long long)row->documents, (long long)row->occurrences,
                (long long)row->dated, (long long)row->undated);
    if (row->dated) print_per_100(w->o, row);
    sbuf_puts(w->o, "\r\n");
    return 0;
}

static void trend_run(serve_ctx *s, const char *const *terms, int n, int by_month, int csv, reply *r) {
    sbuf o;
    out_open(&o);
    tifa_corpus *c = take(s, r);
    if (!c) {
        out_drop(&o);
        return;
    }
    if (!csv) {
        sbuf_printf(&o, "{\"by\":\"%s\",\"terms\":[", by_month ? "month" : "year");
        for (int i = 0; i < n; i++) {
            if (i) sbuf_putc(&o, ',');
            print_json_string(&o, terms[i]);
        }
        sbuf_puts(&o, "],\"rows\":[");
    }
    trend_writer w = {&o, 0};
    tifa_error err = {0};
    tifa_status st =
        tifa_corpus_trend(c, terms, n, by_month ? TIFA_TREND_BY_MONTH : 0, csv ? write_csv_row : write_row, &w, &err);
    pool_give(&s->pool, c);
    if (st != TIFA_OK) {
        out_drop(&o);
        reply_error(r, status_for(st), "trend: %s", err.message);
        return;
    }
    if (!csv) sbuf_puts(&o, "]}");
    out_send(&o, r);
    if (csv) {
        r->type = "text/csv; charset=utf-8";
        snprintf(r->download, sizeof r->download, "tifa-trend.csv");
    }
}

static void trend_answer(serve_ctx *s, serve_request *rq, int csv, reply *r) {
    const char *terms[MAX_TERMS + 1];
    int n = req_args(rq, "term", terms, MAX_TERMS + 1);
    if (n == 0) {
        reply_error(r, 400, "term: at least one term is needed");
        return;
    }
    if (n > MAX_TERMS) {
        reply_error(r, 400, "term: at most %d terms", MAX_TERMS);
        return;
    }
    for (int i = 0; i < n; i++)
        if (!param_text(terms[i], MAX_TERM)) {
            reply_error(r, 400, "term: each from 1 to %d bytes of UTF-8 text without control characters", MAX_TERM);
            return;
        }
    const char *by = req_arg(rq, "by");
    if (by && !*by) by = NULL;
    if (by && strcmp(by, "year") != 0 && strcmp(by, "month") != 0) {
        reply_error(r, 400, "by: year or month");
        return;
    }
    int by_month = by && !strcmp(by, "month");
    char key[MAX_TERMS * (MAX_TERM + 1) + 32], version[CACHE_VERSION_LEN];
    if (csv) { /* a download: not kept */
        trend_run(s, terms, n, by_month, 1, r);
        return;
    }
    size_t k = (size_t)snprintf(key, sizeof key, "trend\n%s", by_month ? "month" : "year");
    for (int i = 0; i < n && k < sizeof key; i++) k += (size_t)snprintf(key + k, sizeof key - k, "\n%s", terms[i]);
    if (from_cache(s, key, r, version)) return;
    trend_run(s, terms, n, by_month, 0, r);
    remember(s, key, r, version);
}

static void api_trend(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    trend_answer(s, rq, 0, r);
}

static void api_trend_csv(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    trend_answer(s, rq, 1, r);
}

/* ------------------------------------------------------------------- add */

static void api_add(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    size_t len;
    const char *body = req_body(rq, &len);
    if (!body || len == 0) {
        reply_error(r, 400, "the body is empty: send the raw bytes of a document");
        return;
    }
    const char *name;
    if (!opt_text(rq, "name", MAX_FILTER, &name, r)) return;
    char fallback[64];
    if (!name) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(fallback, sizeof fallback, "web-%Y%m%d-%H%M%S.txt", &tm);
        name = fallback;
    }
    /* A fresh writable handle per add: it loads the near-copy fingerprints
     * as they are now, including documents `tifa add` stored meanwhile. */
    pthread_mutex_lock(&s->write_lock);
    tifa_corpus *c;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_open(s->cfg.db, 0, &c, &err);
    tifa_add_result result = TIFA_ADDED;
    int64_t id = 0;
    if (st == TIFA_OK) {
        st = tifa_corpus_add(c, name, body, len, &result, &id, &err);
        if (st == TIFA_OK) st = tifa_corpus_commit(c, &err);
        tifa_corpus_close(c);
    }
    pthread_mutex_unlock(&s->write_lock);
    if (st != TIFA_OK) {
        reply_error(r, status_for(st), "add: %s", err.message);
        return;
    }
    cache_bump(&s->cache);
    static const char *const names[] = {"added", "duplicate", "near-duplicate", "identical"};
    sbuf o;
    out_open(&o);
    sbuf_printf(&o, "{\"id\":%lld,\"result\":\"%s\"}", (long long)id, names[result]);
    out_send(&o, r);
}

/* ----------------------------------------------------------------- login */

static void api_login(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    if (!s->cfg.token) {
        reply_error(r, 404, "not found: this server needs no token");
        return;
    }
    size_t len;
    const char *body = req_body(rq, &len);
    if (!body || !login_body_ok(s->cfg.token, body, len)) {
        reply_error(r, 401, "not the token");
        return;
    }
    sbuf o;
    out_open(&o);
    sbuf_puts(&o, "{\"ok\":true}");
    out_send(&o, r);
    r->set_token = 1;
}

/* ----------------------------------------------------------------- stats */

static void api_stats(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rq;
    (void)rt;
    tifa_corpus *c = take(s, r);
    if (!c) return;
    tifa_corpus_stats st;
    tifa_error err = {0};
    tifa_status rc = tifa_corpus_stats_get(c, &st, &err);
    pool_give(&s->pool, c);
    if (rc != TIFA_OK) {
        reply_error(r, 500, "stats: %s", err.message);
        return;
    }
    sbuf o;
    out_open(&o);
    sbuf_printf(
        &o,
        "{\"documents\":%lld,\"near_duplicates\":%lld,\"meetings\":%lld,\"raw_bytes\":%lld,\"clean_bytes\":%lld,"
        "\"first_date\":",
        (long long)st.documents, (long long)st.near_duplicates, (long long)st.meetings, (long long)st.raw_bytes,
        (long long)st.clean_bytes);
    print_json_string(&o, st.first_date[0] ? st.first_date : NULL);
    sbuf_puts(&o, ",\"last_date\":");
    print_json_string(&o, st.last_date[0] ? st.last_date : NULL);
    sbuf_printf(&o, ",\"read_only\":%s,\"max_body\":%zu}", s->cfg.read_only ? "true" : "false", s->cfg.max_body);
    out_send(&o, r);
}

/* ---------------------------------------------------------------- browse */

#define BROWSE_KEY (MAX_QUERY + 5 * MAX_FILTER + 96)

/* The facets of a browse from the query string; 0 (r says why) when one
 * is malformed. year=undated asks for the readouts without a date. */
static int browse_params(serve_request *rq, tifa_browse *b, reply *r) {
    memset(b, 0, sizeof *b);
    b->limit = 50;
    const char *sort = req_arg(rq, "sort");
    if (!opt_text(rq, "q", MAX_QUERY, &b->query, r) || !opt_text(rq, "org", MAX_FILTER, &b->org, r) ||
        !opt_text(rq, "type", MAX_FILTER, &b->type, r) || !opt_text(rq, "outlet", MAX_FILTER, &b->outlet, r) ||
        !opt_text(rq, "series", MAX_FILTER, &b->series, r) || !opt_text(rq, "year", 10, &b->year, r) ||
        !opt_int(rq, "limit", 1, 200, &b->limit, r) || !opt_int(rq, "offset", 0, 1000000, &b->offset, r) ||
        !opt_int(rq, "corrected", 0, 1, &b->corrected, r))
        return 0;
    if (b->year && !strcmp(b->year, "undated"))
        b->year = "";
    else if (b->year && (strlen(b->year) != 4 || !param_date(b->year))) {
        reply_error(r, 400, "year: yyyy, or undated");
        return 0;
    }
    if (sort && *sort && strcmp(sort, "newest") && strcmp(sort, "oldest") && strcmp(sort, "relevance")) {
        reply_error(r, 400, "sort: newest, oldest or relevance");
        return 0;
    }
    b->sort = !sort || !*sort || !strcmp(sort, "newest") ? TIFA_SORT_NEWEST
              : !strcmp(sort, "oldest")                  ? TIFA_SORT_OLDEST
                                                         : TIFA_SORT_RELEVANCE;
    return 1;
}

/* Checked parameters hold no control character: newlines separate. */
static void browse_key(char *key, size_t cap, const char *what, const tifa_browse *b) {
    snprintf(key, cap, "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%d\n%d\n%d\n%d\n%d", what, b->query ? b->query : "",
             b->year ? b->year : "-", b->org ? b->org : "", b->type ? b->type : "", b->outlet ? b->outlet : "",
             b->series ? b->series : "", b->corrected, b->sort, b->limit, b->offset, b->year != NULL);
}

/* A hit as print_hit_json writes it, with the meeting's type and series. */
static void print_browse_hit(sbuf *o, const tifa_hit *h) {
    sbuf_putc(o, '{');
    print_hit_fields(o, h);
    print_json_field(o, "type", h->type);
    print_json_field(o, "series", h->series);
    sbuf_putc(o, '}');
}

static int write_browse_hit(void *user, const tifa_hit *h) {
    hit_writer *w = user;
    if (w->n++) sbuf_putc(w->o, ',');
    print_browse_hit(w->o, h);
    return 0;
}

typedef struct {
    sbuf *o;
    const char *facet; /* the facet being written, or NULL before the first */
} facet_writer;

static int write_facet(void *user, const char *facet, const char *value, int64_t count) {
    facet_writer *w = user;
    int same = w->facet && !strcmp(w->facet, facet);
    sbuf_puts(w->o, same ? "," : w->facet ? "]," : "");
    if (!same) {
        print_json_string(w->o, facet);
        sbuf_puts(w->o, ":[");
    }
    w->facet = facet; /* a pointer into the library's table: lives on */
    sbuf_puts(w->o, "{\"value\":");
    print_json_string(w->o, value);
    sbuf_printf(w->o, ",\"count\":%lld}", (long long)count);
    return 0;
}

static void browse_run(serve_ctx *s, const tifa_browse *b, reply *r) {
    sbuf o;
    tifa_corpus *c = open_read(s, &o, r);
    if (!c) return;
    sbuf_puts(&o, "{\"results\":[");
    hit_writer w = {&o, 0};
    int64_t total = 0;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_browse(c, b, write_browse_hit, &w, &total, &err);
    sbuf_printf(&o, "],\"total\":%lld,\"facets\":{", (long long)total);
    facet_writer fw = {&o, NULL};
    if (st == TIFA_OK) st = tifa_corpus_facets(c, b, write_facet, &fw, &err);
    close_read(s, c, &o, r, st, &err, "browse", fw.facet ? "]}}" : "}}");
}

static void api_browse(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    tifa_browse b;
    if (!browse_params(rq, &b, r)) return;
    char key[BROWSE_KEY], version[CACHE_VERSION_LEN];
    browse_key(key, sizeof key, "browse", &b);
    if (from_cache(s, key, r, version)) return;
    browse_run(s, &b, r);
    remember(s, key, r, version);
}

/* The wide CSV of tifa export, of the readouts a browse keeps. */
static void api_browse_csv(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    tifa_browse b;
    if (!browse_params(rq, &b, r)) return;
    b.limit = b.offset = 0; /* every readout the facets keep */
    sbuf o;
    tifa_corpus *c = open_read(s, &o, r);
    if (!c) return;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_export_browse(c, TIFA_EXPORT_CSV, &b, 0, sbuf_write, &o, &err);
    if (!close_read(s, c, &o, r, st, &err, "export", NULL)) return;
    r->type = "text/csv; charset=utf-8";
    snprintf(r->download, sizeof r->download, "tifa-readouts.csv");
}

/* ---------------------------------------------------------------- series */

static void print_strings(sbuf *o, const char *key, const char *const *v, size_t n) {
    sbuf_printf(o, ",\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        if (i) sbuf_putc(o, ',');
        print_json_string(o, v[i]);
    }
    sbuf_putc(o, ']');
}

static int write_series_row(void *user, const tifa_series_row *row) {
    hit_writer *w = user;
    if (w->n++) sbuf_putc(w->o, ',');
    sbuf_puts(w->o, "{\"readout\":");
    print_browse_hit(w->o, row->hit);
    print_strings(w->o, "terms", row->terms, row->nterms);
    print_strings(w->o, "added", row->added, row->nadded);
    print_strings(w->o, "dropped", row->dropped, row->ndropped);
    sbuf_putc(w->o, '}');
    return 0;
}

static void api_series(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rt;
    tifa_browse b;
    if (!browse_params(rq, &b, r)) return;
    if (!b.series) {
        reply_error(r, 400, "series: the series (a meeting's name without its year) is needed");
        return;
    }
    b.limit = 200;
    b.offset = 0;
    char key[BROWSE_KEY], version[CACHE_VERSION_LEN];
    browse_key(key, sizeof key, "series", &b);
    if (from_cache(s, key, r, version)) return;
    sbuf o;
    tifa_corpus *c = open_read(s, &o, r);
    if (!c) {
        remember(s, key, r, version);
        return;
    }
    sbuf_puts(&o, "{\"series\":");
    print_json_string(&o, b.series);
    print_json_field(&o, "org", b.org);
    sbuf_puts(&o, ",\"readouts\":[");
    hit_writer w = {&o, 0};
    tifa_error err = {0};
    tifa_status st = tifa_corpus_series(c, &b, write_series_row, &w, &err);
    close_read(s, c, &o, r, st, &err, "series", "]}");
    remember(s, key, r, version);
}

/* ------------------------------------------------------------------ cite */

typedef struct {
    sbuf *o;
    int format;
} cite_writer;

static int write_cite(void *user, const tifa_hit *h) {
    cite_writer *w = user;
    cite_write(w->o, h, w->format, 1);
    return 0;
}

/* A citation of document id: text/plain (text, BibTeX) or a CSL-JSON
 * array of one item, as tifa cite writes them. */
static void api_cite(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    int64_t id = rt->id;
    const char *f = req_arg(rq, "format");
    int format = !f || !*f ? CITE_TEXT : cite_format(f);
    if (format < 0) {
        reply_error(r, 400, "format: text, bibtex or csl-json");
        return;
    }
    if (id <= 0) {
        reply_error(r, 400, "bad document id: a whole number from 1");
        return;
    }
    sbuf o;
    tifa_corpus *c = open_read(s, &o, r);
    if (!c) return;
    cite_writer w = {&o, format};
    tifa_error err = {0};
    if (format == CITE_CSL) sbuf_putc(&o, '[');
    tifa_status st = tifa_corpus_doc(c, id, write_cite, &w, &err);
    if (!close_read(s, c, &o, r, st, &err, NULL, format == CITE_CSL ? "]\n" : NULL)) return;
    if (format != CITE_CSL) r->type = "text/plain; charset=utf-8";
}

/* ----------------------------------------------------------- corrections */

static int write_correction(void *user, const tifa_correction *k) {
    hit_writer *w = user;
    if (w->n++) sbuf_putc(w->o, ',');
    print_correction_json(w->o, k);
    return 0;
}

/* {"corrections": [in force], "log": [every set and unset]} of document id. */
static void api_corrections(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    (void)rq;
    int64_t id = rt->id;
    if (id <= 0) {
        reply_error(r, 400, "bad document id: a whole number from 1");
        return;
    }
    sbuf o;
    tifa_corpus *c = open_read(s, &o, r);
    if (!c) return;
    hit_writer w = {&o, 0};
    tifa_error err = {0};
    sbuf_puts(&o, "{\"corrections\":[");
    tifa_status st = tifa_corpus_corrections(c, id, write_correction, &w, &err);
    sbuf_puts(&o, "],\"log\":[");
    w.n = 0;
    if (st == TIFA_OK) st = tifa_corpus_log(c, id, write_correction, &w, &err);
    close_read(s, c, &o, r, st, &err, NULL, "]}");
}

/* POST /api/doc/ID/correct?field=F&value=V&note=N (or &unset=1): one
 * correction, through a writable handle of its own as an add is. */
static void api_correct(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    int64_t id = rt->id;
    if (id <= 0) {
        reply_error(r, 400, "bad document id: a whole number from 1");
        return;
    }
    const char *field, *value, *note;
    int unset = 0;
    if (!opt_text(rq, "field", 40, &field, r) || !opt_text(rq, "value", MAX_FILTER * 5, &value, r) ||
        !opt_text(rq, "note", MAX_FILTER * 5, &note, r) || !opt_int(rq, "unset", 0, 1, &unset, r))
        return;
    if (!field) {
        reply_error(r, 400, "field: which field to correct (date, name, org, place, outlet, ...)");
        return;
    }
    pthread_mutex_lock(&s->write_lock);
    tifa_corpus *c;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_open(s->cfg.db, 0, &c, &err);
    if (st == TIFA_OK) {
        st = tifa_corpus_correct(c, id, &field, &value, 1, unset ? TIFA_CORRECT_UNSET : 0, note, &err);
        tifa_corpus_close(c);
    }
    pthread_mutex_unlock(&s->write_lock);
    if (st != TIFA_OK) {
        reply_error(r, status_for(st), "correct: %s", err.message);
        return;
    }
    cache_bump(&s->cache);
    sbuf o;
    out_open(&o);
    sbuf_printf(&o, "{\"id\":%lld,\"field\":", (long long)id);
    print_json_string(&o, field);
    sbuf_puts(&o, ",\"ok\":true}");
    out_send(&o, r);
}

/* -------------------------------------------------------------- dispatch */

typedef void (*api_handler)(serve_ctx *s, serve_request *rq, const route *rt, reply *r);

/* Each endpoint's handler, and what a read-only server says is off when
 * it is asked to write: serve/endpoints.h's columns. */
static const struct {
    api_handler run;
    const char *writes;
} endpoints[ROUTE_KINDS] = {
#define API(kind, method, path, suffix, handler, writes) [ROUTE_##kind] = {handler, writes},
#include "serve/endpoints.h"
#undef API
};

void api_answer(serve_ctx *s, serve_request *rq, const route *rt, reply *r) {
    if (rt->kind >= ROUTE_KINDS || !endpoints[rt->kind].run) { /* a page or asset: server.c's, not ours */
        reply_error(r, 404, "not found");
        return;
    }
    if (endpoints[rt->kind].writes && s->cfg.read_only) {
        reply_error(r, 403, "this server is read-only (tifa serve --read-only): %s is off", endpoints[rt->kind].writes);
        return;
    }
    endpoints[rt->kind].run(s, rq, rt, r);
}
