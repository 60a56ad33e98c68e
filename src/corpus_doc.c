/*
 * corpus_doc: a document as readers see it, beyond its row: the copies a
 * first copy has (exact and near, with their sources, so that "which
 * outlets carried this readout" has an answer in every hit) and which of
 * its fields hold a correction. Every hit of search, list and
 * tifa_corpus_doc goes through corpus_emit_hit.
 *
 * Not for: storing (corpus.c) or making corrections (corpus_correct.c).
 */
#include <stdlib.h>
#include <string.h>
#include "corpus_internal.h"

static const char *const field_names[TIFA_FIELD_COUNT] = {
    "date", "name", "org", "place", "chair", "chair_title", "source", "outlet", "url", "published", "retrieved"};

const char *tifa_field_name(int i) { return i >= 0 && i < TIFA_FIELD_COUNT ? field_names[i] : NULL; }

/* The copies of a first copy, copied out of SQLite's rows so that the
 * statement is done with before the caller's function runs. */
typedef struct {
    tifa_copy *v;
    size_t n, cap;
    char **strings;
    size_t ns, scap;
} copy_list;

static const char *keep(copy_list *l, const char *s, int *oom) {
    if (!s) return NULL;
    if (l->ns == l->scap) {
        size_t cap = l->scap ? l->scap * 2 : 16;
        char **p = realloc(l->strings, cap * sizeof *p);
        if (!p) {
            *oom = 1;
            return NULL;
        }
        l->strings = p;
        l->scap = cap;
    }
    char *d = strdup(s);
    if (!d) {
        *oom = 1;
        return NULL;
    }
    return l->strings[l->ns++] = d;
}

static void copy_list_free(copy_list *l) {
    for (size_t i = 0; i < l->ns; i++) free(l->strings[i]);
    free(l->strings);
    free(l->v);
}

static int read_copies(tifa_corpus *c, int64_t id, copy_list *l) {
    sqlite3_stmt *st = corpus_cached(c, &c->copies_of,
                                     "SELECT id, file, outlet, url, published, copy = 'near' FROM doc"
                                     " WHERE duplicate_of = ? ORDER BY id");
    if (!st) return sqlite3_errcode(c->db) == SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, id);
    int rc, oom = 0;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (l->n == l->cap) {
            size_t cap = l->cap ? l->cap * 2 : 8;
            tifa_copy *p = realloc(l->v, cap * sizeof *p);
            if (!p) {
                oom = 1;
                break;
            }
            l->v = p;
            l->cap = cap;
        }
        tifa_copy *k = &l->v[l->n++];
        k->id = sqlite3_column_int64(st, 0);
        k->file = keep(l, corpus_text(st, 1, &oom), &oom);
        k->outlet = keep(l, corpus_text(st, 2, &oom), &oom);
        k->url = keep(l, corpus_text(st, 3, &oom), &oom);
        k->published = keep(l, corpus_text(st, 4, &oom), &oom);
        k->near = sqlite3_column_int(st, 5);
    }
    sqlite3_reset(st);
    return oom ? SQLITE_NOMEM : rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int read_corrected(tifa_corpus *c, int64_t id, unsigned *bits) {
    sqlite3_stmt *st = corpus_cached(c, &c->corrections_of, "SELECT field FROM correction WHERE doc = ?");
    if (!st) return sqlite3_errcode(c->db) == SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, id);
    int rc, oom = 0;
    *bits = 0;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *f = corpus_text(st, 0, &oom);
        for (int i = 0; f && i < TIFA_FIELD_COUNT; i++)
            if (!strcmp(f, field_names[i])) *bits |= 1u << i;
    }
    sqlite3_reset(st);
    return oom ? SQLITE_NOMEM : rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int corpus_emit_hit(tifa_corpus *c, tifa_hit *h, tifa_hit_fn fn, void *user) {
    copy_list l = {0};
    int rc = h->duplicate_of ? SQLITE_OK : read_copies(c, h->id, &l);
    if (rc == SQLITE_OK) rc = read_corrected(c, h->id, &h->corrected);
    if (rc == SQLITE_OK) {
        h->copies = l.v;
        h->ncopies = l.n;
        rc = fn(user, h) ? SQLITE_DONE : SQLITE_OK;
    }
    copy_list_free(&l);
    return rc;
}
