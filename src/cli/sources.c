/*
 * cli/sources: where `tifa add` takes each document's source from: the
 * command line (--outlet, --url, --published, --retrieved) and a manifest
 * beside the files (--manifest FILE, read by tifa_manifest_read). A
 * manifest's paths are relative to its folder; a file is matched to its
 * entry by its real path, so `add --manifest m.csv dir/` and
 * `add --manifest m.csv dir/x.txt` find the same entries however the
 * files are named.
 */
#define _DEFAULT_SOURCE /* realpath */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli/sources.h"
#include "sbuf.h"

static int cmp_sources_key(const void *a, const void *b) {
    return strcmp(((const sources_key *)a)->key, ((const sources_key *)b)->key);
}

void sources_free(add_sources *s) {
    if (s->keys)
        for (size_t i = 0; i < s->n; i++) free(s->keys[i].key);
    if (s->paths)
        for (size_t i = 0; i < s->n; i++) free(s->paths[i]);
    free(s->keys);
    free(s->paths);
    free(s->merged);
    free(s->used);
    tifa_manifest_free(s->m);
    memset(s, 0, sizeof *s);
}

/* The whole manifest file; NULL with errno (ENOMEM for one over 256 MB). */
static char *read_all(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    sbuf b;
    sbuf_init(&b, 256u << 20);
    if (sbuf_reserve(&b, 1u << 16) == 0) sbuf_read(&b, fp);
    int e = b.err == SBUF_EIO ? errno : ENOMEM;
    fclose(fp);
    char *bytes = sbuf_steal(&b, len);
    if (!bytes) errno = e;
    return bytes;
}

/* path relative to the manifest's folder (as it stands when absolute). */
static char *beside(const char *manifest, const char *path) {
    const char *slash = strrchr(manifest, '/');
    size_t dl = path[0] == '/' || !slash ? 0 : (size_t)(slash - manifest) + 1;
    char *p = malloc(dl + strlen(path) + 1);
    if (!p) return NULL;
    memcpy(p, manifest, dl);
    strcpy(p + dl, path);
    return p;
}

static char *real_or_same(const char *path) {
    char *r = realpath(path, NULL);
    return r ? r : strdup(path);
}

/* One merged source: the entry's values, else the command line's. */
static void merge(tifa_source *out, const tifa_source *entry, const tifa_source *given) {
    out->outlet = entry->outlet ? entry->outlet : given->outlet;
    out->url = entry->url ? entry->url : given->url;
    out->published = entry->published ? entry->published : given->published;
    out->retrieved = entry->retrieved ? entry->retrieved : given->retrieved;
    out->meta = entry->meta;
}

int sources_load(add_sources *s, const char *manifest) {
    size_t len = 0;
    char *bytes = read_all(manifest, &len);
    if (!bytes) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(manifest), strerror(errno));
        return 1;
    }
    tifa_error err = {0};
    tifa_status st = tifa_manifest_read(manifest, bytes, len, &s->m, &err);
    free(bytes);
    if (st != TIFA_OK) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(manifest), err.message);
        return 1;
    }
    s->manifest = manifest;
    s->n = tifa_manifest_size(s->m);
    s->keys = calloc(s->n, sizeof *s->keys);
    s->paths = calloc(s->n, sizeof *s->paths);
    s->merged = calloc(s->n, sizeof *s->merged);
    s->used = calloc(s->n, 1);
    if (!s->keys || !s->paths || !s->merged || !s->used) goto oom;
    for (size_t i = 0; i < s->n; i++) {
        tifa_source e;
        const char *file = tifa_manifest_entry(s->m, i, &e);
        if (!(s->paths[i] = beside(manifest, file)) || !(s->keys[i].key = real_or_same(s->paths[i]))) goto oom;
        s->keys[i].entry = i;
        merge(&s->merged[i], &e, &s->given);
    }
    qsort(s->keys, s->n, sizeof *s->keys, cmp_sources_key);
    for (size_t i = 1; i < s->n; i++)
        if (!strcmp(s->keys[i].key, s->keys[i - 1].key)) {
            fprintf(stderr, "tifa: %s: %s is listed twice (entries %zu and %zu)\n", SHOWN(manifest),
                    SHOWN(tifa_manifest_entry(s->m, s->keys[i].entry, NULL)), s->keys[i - 1].entry + 1,
                    s->keys[i].entry + 1);
            return 1;
        }
    return 0;
oom:
    fprintf(stderr, "tifa: %s: out of memory\n", SHOWN(manifest));
    return 1;
}

const tifa_source *sources_for(add_sources *s, const char *path) {
    if (!s->m) return s->any_given ? &s->given : NULL;
    char *key = real_or_same(path);
    if (!key) return s->any_given ? &s->given : NULL;
    sources_key probe = {key, 0};
    sources_key *hit = bsearch(&probe, s->keys, s->n, sizeof *s->keys, cmp_sources_key);
    free(key);
    if (!hit) {
        s->unlisted++;
        return s->any_given ? &s->given : NULL;
    }
    s->used[hit->entry] = 1;
    return &s->merged[hit->entry];
}

const char *sources_path(const add_sources *s, size_t i) { return i < s->n ? s->paths[i] : NULL; }
