/*
 * serve/pool: the read-only corpus handles the server's requests borrow.
 * A tifa_corpus is used by one thread at a time, so a request takes one
 * for as short a time as it can and gives it back; the pool opens up to
 * max of them, on first need.
 */
#include <stdlib.h>
#include <string.h>
#include "serve/pool.h"

/* First come, first served: a request takes a ticket and waits until it
 * is at the head of the line and a handle is free. (A plain condition
 * wait wakes an arbitrary waiter, and under load some requests starved for
 * many times the mean.) */
tifa_corpus *pool_take(corpus_pool *p, tifa_error *err) {
    pthread_mutex_lock(&p->lock);
    unsigned long ticket = p->tail++;
    while (ticket != p->head || (p->nidle == 0 && p->opened >= p->max)) pthread_cond_wait(&p->freed, &p->lock);
    p->head++;
    tifa_corpus *c = NULL;
    if (p->nidle) {
        c = p->idle[--p->nidle];
        pthread_cond_broadcast(&p->freed); /* the next in line may find a handle too */
        pthread_mutex_unlock(&p->lock);
        return c;
    }
    p->opened++;
    pthread_cond_broadcast(&p->freed);
    pthread_mutex_unlock(&p->lock);
    if (tifa_corpus_open(p->db, TIFA_CORPUS_READONLY, &c, err) != TIFA_OK) {
        pthread_mutex_lock(&p->lock);
        p->opened--;
        pthread_cond_broadcast(&p->freed);
        pthread_mutex_unlock(&p->lock);
        return NULL;
    }
    return c;
}

void pool_give(corpus_pool *p, tifa_corpus *c) {
    pthread_mutex_lock(&p->lock);
    p->idle[p->nidle++] = c;
    pthread_cond_broadcast(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

int pool_init(corpus_pool *p, const char *db, int max) {
    memset(p, 0, sizeof *p);
    p->db = db;
    p->max = max;
    p->idle = calloc((size_t)max, sizeof *p->idle);
    if (!p->idle) return -1;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    return 0;
}

void pool_close(corpus_pool *p) {
    for (int i = 0; i < p->nidle; i++) tifa_corpus_close(p->idle[i]);
    free(p->idle);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->freed);
}
