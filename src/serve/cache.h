/* serve/cache: recent answers of the costly read endpoints (search, trend,
 * diff), so paging back, the back button and many readers asking the same
 * thing do not run the full-text query again. Thread-safe.
 *
 * An answer is only ever served for the corpus as it was when computed:
 * every lookup first compares the corpus file's and its WAL's size and
 * modification time (and a counter the server bumps after each add) with
 * what they were when the cache was filled, and empties it on any change.
 * Entries also expire after CACHE_TTL_MS, which bounds staleness even where
 * a file system's timestamps are coarse. */
#ifndef TIFA_SERVE_CACHE_H
#define TIFA_SERVE_CACHE_H
#include <pthread.h>
#include <stddef.h>

#define CACHE_VERSION_LEN 160
#define CACHE_SLOTS       256
#define CACHE_MAX_BYTES   (32u << 20) /* all bodies together */
#define CACHE_MAX_ENTRY   (1u << 20)  /* larger answers are not kept */
#define CACHE_TTL_MS      60000
#define CACHE_FLIGHTS     64 /* answers being computed, that others wait for */

typedef struct {
    char *key, *body;
    size_t len;
    unsigned long long used, born_ms;
} cache_entry;

typedef struct {
    pthread_mutex_t lock;
    const char *db;
    char version[CACHE_VERSION_LEN]; /* what the files looked like when filled */
    unsigned long generation;
    cache_entry slots[CACHE_SLOTS];
    size_t bytes;
    unsigned long long clock;
    int enabled;
    unsigned long long hits, misses;
    char *flight[CACHE_FLIGHTS]; /* keys being computed now */
    pthread_cond_t landed;
} serve_cache;

void cache_init(serve_cache *c, const char *db, int enabled);
void cache_free(serve_cache *c);
/* A malloc'd copy of the answer for key, or NULL. version receives the
 * corpus version the lookup saw; pass it to cache_put with the answer
 * computed after it, which is kept only if the corpus is still that one.
 * When the same answer is being computed by another request, waits for it
 * rather than computing it twice. After NULL the caller must call
 * cache_put or cache_abandon with the key. */
char *cache_get(serve_cache *c, const char *key, size_t *len, char version[CACHE_VERSION_LEN]);
void cache_put(serve_cache *c, const char *key, const char *body, size_t len, const char *version);
/* No answer for key after all (an error): lets the waiters compute it. */
void cache_abandon(serve_cache *c, const char *key);
/* The corpus changed through this server: everything goes. */
void cache_bump(serve_cache *c);

#endif
