/* serve/pool: reader handles on the corpus, lent to one request at a time
 * (a tifa_corpus is single-threaded), opened on first need, served first
 * come first served. */
#ifndef TIFA_SERVE_POOL_H
#define TIFA_SERVE_POOL_H
#include <pthread.h>
#include "tifa.h"

typedef struct {
    const char *db;
    pthread_mutex_t lock;
    pthread_cond_t freed;
    tifa_corpus **idle;
    int nidle, opened, max;
    unsigned long head, tail; /* tickets: the next to serve, the next to give */
} corpus_pool;

/* Up to max read-only handles on db (kept, not copied). 0, or -1 out of
 * memory. */
int pool_init(corpus_pool *p, const char *db, int max);
/* A handle, waiting for one when all are lent; NULL (err says why) when a
 * new one cannot be opened. Give it back with pool_give. */
tifa_corpus *pool_take(corpus_pool *p, tifa_error *err);
void pool_give(corpus_pool *p, tifa_corpus *c);
/* Closes the handles given back; every one lent must have been. */
void pool_close(corpus_pool *p);

#endif
