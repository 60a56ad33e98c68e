/*
 * serve/cache: a small LRU of recent JSON answers keyed by endpoint and
 * checked parameters; see cache.h for when an answer may be served.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "serve/cache.h"

static unsigned long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (unsigned long long)t.tv_sec * 1000u + (unsigned long long)t.tv_nsec / 1000000u;
}

/* Size and modification time of the corpus and its WAL, and the server's
 * own add counter, as one string. */
static void version_of(const serve_cache *c, char *out, size_t cap) {
    char wal[4096];
    struct stat a, b;
    snprintf(wal, sizeof wal, "%s-wal", c->db);
    int ha = stat(c->db, &a) == 0, hb = stat(wal, &b) == 0;
    snprintf(out, cap, "%lu|%lld.%ld.%lld|%lld.%ld.%lld", c->generation, ha ? (long long)a.st_mtim.tv_sec : -1LL,
             ha ? a.st_mtim.tv_nsec : -1L, ha ? (long long)a.st_size : -1LL, hb ? (long long)b.st_mtim.tv_sec : -1LL,
             hb ? b.st_mtim.tv_nsec : -1L, hb ? (long long)b.st_size : -1LL);
}

static void drop(serve_cache *c, cache_entry *e) {
    c->bytes -= e->len;
    free(e->key);
    free(e->body);
    memset(e, 0, sizeof *e);
}

static void clear_all(serve_cache *c) {
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        if (c->slots[i].key) drop(c, &c->slots[i]);
}

/* Empties the cache when the corpus is not what it was. Lock held. */
static void check_version(serve_cache *c) {
    char v[sizeof c->version];
    version_of(c, v, sizeof v);
    if (strcmp(v, c->version) != 0) {
        clear_all(c);
        memcpy(c->version, v, sizeof v);
    }
}

void cache_init(serve_cache *c, const char *db, int enabled) {
    memset(c, 0, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->landed, NULL);
    c->db = db;
    c->enabled = enabled;
}

void cache_free(serve_cache *c) {
    clear_all(c);
    for (size_t i = 0; i < CACHE_FLIGHTS; i++) free(c->flight[i]);
    pthread_cond_destroy(&c->landed);
    pthread_mutex_destroy(&c->lock);
}

/* The slot of key among the answers being computed, or -1. Lock held. */
static int flight_of(const serve_cache *c, const char *key) {
    for (int i = 0; i < CACHE_FLIGHTS; i++)
        if (c->flight[i] && !strcmp(c->flight[i], key)) return i;
    return -1;
}

/* key is no longer being computed; wakes who waits for it. Lock held. */
static void land(serve_cache *c, const char *key) {
    int i = flight_of(c, key);
    if (i < 0) return;
    free(c->flight[i]);
    c->flight[i] = NULL;
    pthread_cond_broadcast(&c->landed);
}

void cache_abandon(serve_cache *c, const char *key) {
    if (!c->enabled) return;
    pthread_mutex_lock(&c->lock);
    land(c, key);
    pthread_mutex_unlock(&c->lock);
}

/* The cached answer for key, copied, or NULL (expired ones dropped). Lock held. */
static char *lookup(serve_cache *c, const char *key, size_t *len) {
    unsigned long long t = now_ms();
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        cache_entry *e = &c->slots[i];
        if (!e->key || strcmp(e->key, key) != 0) continue;
        if (t - e->born_ms > CACHE_TTL_MS) {
            drop(c, e);
            return NULL;
        }
        char *copy = malloc(e->len ? e->len : 1);
        if (copy) {
            memcpy(copy, e->body, e->len);
            *len = e->len;
            e->used = ++c->clock;
        }
        return copy;
    }
    return NULL;
}

char *cache_get(serve_cache *c, const char *key, size_t *len, char version[CACHE_VERSION_LEN]) {
    version[0] = 0;
    if (!c->enabled) return NULL;
    pthread_mutex_lock(&c->lock);
    char *copy;
    for (;;) {
        check_version(c);
        if ((copy = lookup(c, key, len)) || flight_of(c, key) < 0) break;
        pthread_cond_wait(&c->landed, &c->lock); /* someone computes it: wait */
    }
    memcpy(version, c->version, CACHE_VERSION_LEN);
    if (copy) {
        c->hits++;
    } else {
        c->misses++;
        /* This request computes it; the others wait (when there is room to
         * say so: with every flight slot taken they compute it too). */
        for (int i = 0; i < CACHE_FLIGHTS; i++)
            if (!c->flight[i]) {
                c->flight[i] = strdup(key);
                break;
            }
    }
    pthread_mutex_unlock(&c->lock);
    return copy;
}

void cache_put(serve_cache *c, const char *key, const char *body, size_t len, const char *version) {
    if (!c->enabled) return;
    char *k = len <= CACHE_MAX_ENTRY && version[0] ? strdup(key) : NULL, *b = k ? malloc(len ? len : 1) : NULL;
    pthread_mutex_lock(&c->lock);
    land(c, key);
    if (!k || !b) {
        pthread_mutex_unlock(&c->lock);
        free(k);
        free(b);
        return;
    }
    memcpy(b, body, len);
    /* The corpus changed since the lookup: the answer may be from before
     * the change, so it is not kept. */
    check_version(c);
    if (strcmp(version, c->version) != 0) {
        pthread_mutex_unlock(&c->lock);
        free(k);
        free(b);
        return;
    }
    cache_entry *slot = NULL;
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        cache_entry *e = &c->slots[i];
        if (e->key && !strcmp(e->key, key)) drop(c, e);
        if (!e->key && !slot) slot = e;
    }
    while (!slot || c->bytes + len > CACHE_MAX_BYTES) { /* evict the least recently used */
        cache_entry *old = NULL;
        for (size_t i = 0; i < CACHE_SLOTS; i++)
            if (c->slots[i].key && (!old || c->slots[i].used < old->used)) old = &c->slots[i];
        if (!old) break;
        drop(c, old);
        if (!slot) slot = old;
    }
    if (!slot || c->bytes + len > CACHE_MAX_BYTES) {
        pthread_mutex_unlock(&c->lock);
        free(k);
        free(b);
        return;
    }
    slot->key = k;
    slot->body = b;
    slot->len = len;
    slot->used = ++c->clock;
    slot->born_ms = now_ms();
    c->bytes += len;
    pthread_mutex_unlock(&c->lock);
}

void cache_bump(serve_cache *c) {
    pthread_mutex_lock(&c->lock);
    c->generation++;
    clear_all(c);
    check_version(c);
    pthread_mutex_unlock(&c->lock);
}
