/*
 * corpus_warc: a web archive's pages made ready to store (tifa add
 * --warc), one at a time as the archive streams by. Each page is read as
 * tifa extract --warc reads it (warc_page.c) and prepared as tifa add
 * prepares a file, with the record's "source" object and the archive's
 * word on where and when the page was fetched as the document's source.
 *
 * Not for: reading archives (warc.c), storing (corpus.c), records made
 * elsewhere that point into an archive (ingest.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "corpus_internal.h"
#include "source.h"
#include "warc_page.h"

struct tifa_warc_pages {
    FILE *fp;
    warc_reader *r;
    char *path;  /* as given: the "warc" of each page's source */
    char *shown; /* in messages */
    tifa_batch_counts counts;
    int ended;
    tifa_status pending; /* the archive's error, held back while the page cut short by it is given */
    tifa_error pending_err;
    char where[1024]; /* the last page given */
};

static tifa_status no_memory(tifa_error *err) { return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory"); }

tifa_status tifa_warc_pages_open(const char *path, tifa_warc_pages **out, tifa_error *err) {
    *out = NULL;
    int in = !strcmp(path, "-");
    const char *shown = in ? "(standard input)" : path;
    struct stat st;
    if (!in && stat(path, &st) != 0)
        return tifa_fail(err, errno == ENOENT ? TIFA_EINPUT : TIFA_EIO, 0, "%s: %s", shown, strerror(errno));
    if (!in && S_ISDIR(st.st_mode)) return tifa_fail(err, TIFA_EINPUT, 0, "%s: is a directory", shown);
    tifa_warc_pages *w = calloc(1, sizeof *w);
    if (!w || !(w->path = strdup(path)) || !(w->shown = strdup(shown))) {
        tifa_warc_pages_close(w);
        return no_memory(err);
    }
    w->fp = in ? stdin : fopen(path, "rb");
    if (!w->fp) {
        tifa_fail(err, TIFA_EIO, 0, "%s: %s", shown, strerror(errno));
        tifa_warc_pages_close(w);
        return err ? err->code : TIFA_EIO;
    }
    if (!(w->r = warc_open(w->fp, w->shown, 0))) {
        tifa_warc_pages_close(w);
        return no_memory(err);
    }
    *out = w;
    return TIFA_OK;
}

void tifa_warc_pages_close(tifa_warc_pages *w) {
    if (!w) return;
    warc_close(w->r);
    if (w->fp && w->fp != stdin) fclose(w->fp);
    free(w->path);
    free(w->shown);
    free(w);
}

void tifa_warc_pages_counts(const tifa_warc_pages *w, tifa_batch_counts *out) { *out = w->counts; }

const char *tifa_warc_pages_where(const tifa_warc_pages *w) { return w->where; }

/* A page that cannot be stored: named by the archive, its offset and URI. */
static tifa_status page_refused(tifa_warc_pages *w, const warc_record *rec, tifa_status st, const char *why,
                                tifa_error *err) {
    if (st == TIFA_ENOMEM)
        return tifa_fail(err, st, rec->offset, "%s: offset %llu: out of memory", w->shown,
                         (unsigned long long)rec->offset);
    w->counts.failed++;
    return tifa_fail(err, st, rec->offset, "%s: offset %llu (%.200s): %s", w->shown, (unsigned long long)rec->offset,
                     rec->uri ? rec->uri : "no target URI", why);
}

/* The document's source: the target URI and the WARC date, when they
 * pass the source checks, and the rest of the source object as meta. */
static tifa_status give_source(tifa_warc_pages *w, const warc_record *rec, tifa_prepared *p) {
    jw meta;
    jw_init(&meta, 0);
    warc_source(&meta, w->path, rec, 0);
    if (meta.failed) return jw_free(&meta), TIFA_ENOMEM;
    p->given[4] = meta.s;
    if (rec->uri && source_url_valid(rec->uri) && !(p->given[1] = strdup(rec->uri))) return TIFA_ENOMEM;
    if (rec->date && source_time_valid(rec->date) && !(p->given[3] = strdup(rec->date))) return TIFA_ENOMEM;
    return TIFA_OK;
}

/* A page's response record, prepared: the HTTP body read as
 * tifa_extract_warc reads it, its record ending with its source. */
static tifa_status prepare_page(tifa_warc_pages *w, const tifa_corpus *c, const warc_record *rec, tifa_prepared **out,
                                tifa_error *err) {
    if (rec->too_large) return page_refused(w, rec, TIFA_EINPUT, "page over the 64 MB limit", err);
    http_response h;
    const char *why = NULL;
    if (http_parse(rec->block, rec->block_len, 1, WARC_PAGE_LIMIT, &h, &why) != 0)
        return page_refused(w, rec, why == warc_out_of_memory ? TIFA_ENOMEM : TIFA_EINPUT, why, err);
    tifa_options opt;
    tifa_options_init(&opt);
    char fallback[32];
    jw member;
    jw_init(&member, 0);
    jw_raw(&member, "\"source\":", 9);
    warc_source(&member, w->path, rec, 1);
    tifa_error e = {0};
    tifa_status st = member.failed || warc_page_options(&h, &opt) != TIFA_OK ? TIFA_ENOMEM : TIFA_OK;
    if (st == TIFA_OK)
        st = corpus_prepare_page(&opt, warc_page_name(rec, fallback), h.body ? h.body : "", h.body_len, member.s, out,
                                 &e);
    if (st == TIFA_OK && give_source(w, rec, *out) != TIFA_OK) {
        tifa_prepared_free(*out);
        *out = NULL;
        st = TIFA_ENOMEM;
    }
    jw_free(&member);
    http_response_free(&h);
    if (st != TIFA_OK) return page_refused(w, rec, st, e.message[0] ? e.message : "out of memory", err);
    corpus_search_committed(c, *out);
    w->counts.extracted++;
    snprintf(w->where, sizeof w->where, "%.500s: offset %llu (%.400s)", w->shown, (unsigned long long)rec->offset,
             rec->uri ? rec->uri : "no target URI");
    return TIFA_OK;
}

/* The archive can be read no further: err says why, nothing is left. */
static tifa_status archive_failed(tifa_warc_pages *w, const tifa_error *why, tifa_error *err) {
    w->ended = 1;
    if (err) *err = *why;
    return why->code ? why->code : TIFA_EINPUT;
}

tifa_status tifa_warc_pages_next(tifa_warc_pages *w, const tifa_corpus *c, tifa_prepared **out, tifa_error *err) {
    *out = NULL;
    if (w->pending) {
        w->pending = TIFA_OK;
        return archive_failed(w, &w->pending_err, err);
    }
    while (!w->ended) {
        warc_record rec;
        tifa_error e = {0};
        int rc = warc_next(w->r, warc_is_page, WARC_BLOCK_LIMIT, &rec, &e);
        if (rc < 0) return archive_failed(w, &e, err);
        if (rc == 0) break;
        w->counts.records++;
        w->counts.next = warc_position(w->r);
        int page = warc_is_page(&rec);
        if (rec.cut) { /* as tifa_extract_warc: the page, then the error */
            tifa_fail(&w->pending_err, TIFA_EINPUT, rec.offset, "%s: offset %llu: the file ends inside this record",
                      w->shown, (unsigned long long)rec.offset);
            w->pending = TIFA_EINPUT;
        }
        if (!page && w->pending) break;
        if (!page) continue;
        w->counts.responses++;
        tifa_status st = prepare_page(w, c, &rec, out, err);
        if (st == TIFA_ENOMEM) w->ended = 1;
        return st;
    }
    w->ended = 1;
    if (w->pending) {
        w->pending = TIFA_OK;
        return archive_failed(w, &w->pending_err, err);
    }
    return TIFA_OK;
}
