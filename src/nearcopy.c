/*
 * nearcopy: is a new document a repost of one already stored?
 *
 * Reposts of a readout differ in headline, boilerplate, script, editor
 * lines and sometimes a trimmed ending; two readouts of one meeting series
 * (this year's and last year's) share much wording but few whole phrases.
 * Two fingerprints, both over Han characters and digits only (punctuation,
 * spacing and Latin chrome do not count):
 *   - SimHash of character pairs: cheap to compare (one XOR), a first test
 *     of a candidate. Alone it cannot decide: on 100,000 readouts made
 *     from the same fixtures, any threshold that caught reposts (5-8 bits
 *     apart) also linked different readouts of one series.
 *   - MinHash of five-character shingles: estimates the share of phrases
 *     the two texts have in common (Jaccard) and the share of the shorter
 *     text found in the longer (containment), which separate a repost
 *     (most phrases shared) from a related readout (some shared).
 * Candidates come from an LSH band index of the MinHash values (the set,
 * below), not from a scan of every first copy: the time to look for a
 * document's first copy does not grow with the corpus.
 */
#include "nearcopy.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

/* Measured on the reposts among tests/readouts (excerpts of one report of
 * different lengths, other script, pinyin, portal chrome): SimHash 8-20
 * bits apart, Jaccard 0.50-0.88, containment 0.82-0.99; different readouts,
 * also of one meeting series: containment 0.20 and under. */
#define CANDIDATE_BITS   20
#define SAME_CONTAINMENT 0.8
#define SAME_MINIMA      32 /* equal MinHash values of SKETCH_K: Jaccard >= 0.5 */
#define MIN_SHINGLES     16 /* fewer: too short to judge, only exact copies count */
#define SHINGLE          5

static uint64_t mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

static int counts_char(uint32_t cp) { return is_han(cp) || (cp >= '0' && cp <= '9'); }

/* Bit votes of SimHash, counted eight bits at a time: byte q of lane[j]
 * counts the pairs whose hash has bit 8q + j set. A byte holds at most
 * 255, so the lanes are added into ones[] every 255 pairs. The bit is set
 * in the result when more than half of the pairs have it, as with the usual
 * +1/-1 votes, at an eighth of the additions. */
typedef struct {
    uint64_t lane[8];
    uint64_t ones[64];
    uint64_t pairs;
    unsigned pending;
} bit_votes;

static void votes_flush(bit_votes *v) {
    for (int j = 0; j < 8; j++) {
        for (int q = 0; q < 8; q++) v->ones[8 * q + j] += v->lane[j] >> (8 * q) & 0xff;
        v->lane[j] = 0;
    }
    v->pending = 0;
}

static void votes_add(bit_votes *v, uint64_t h) {
    for (int j = 0; j < 8; j++) v->lane[j] += h >> j & 0x0101010101010101ull;
    v->pairs++;
    if (++v->pending == 255) votes_flush(v);
}

uint64_t nearcopy_pair_hash(uint32_t prev, uint32_t cp) {
    uint64_t h = 0xcbf29ce484222325ull;
    h = (h ^ prev) * 0x100000001b3ull;
    h = (h ^ cp) * 0x100000001b3ull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}

uint64_t nearcopy_simhash(const char *text, size_t len) {
    bit_votes votes;
    memset(&votes, 0, sizeof votes);
    uint32_t prev = 0;
    size_t pos = 0;
    while (pos < len) {
        uint32_t cp;
        pos += u8_decode((const unsigned char *)text + pos, len - pos, &cp);
        if (!counts_char(cp)) continue;
        votes_add(&votes, nearcopy_pair_hash(prev, cp));
        prev = cp;
    }
    votes_flush(&votes);
    uint64_t out = 0;
    for (int b = 0; b < 64; b++)
        if (2 * votes.ones[b] > votes.pairs) out |= 1ull << b;
    return out;
}

/* About a tenth of the time of add went here (64 multiply-adds a
 * shingle); with AVX2 the compiler does eight at once. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx2", "default")))
#endif
static void
sketch_of(const char *text, size_t len, sketch *out) {
    /* SKETCH_K hash functions h_k(x) = high half of (x * a_k + b_k): one
     * full hash per shingle, then a multiply and add per function. */
    uint64_t a[SKETCH_K], b[SKETCH_K];
    for (int k = 0; k < SKETCH_K; k++) {
        a[k] = mix64(2 * (uint64_t)k + 1) | 1;
        b[k] = mix64(2 * (uint64_t)k + 2);
        out->min[k] = UINT32_MAX;
    }
    out->shingles = 0;
    uint32_t window[SHINGLE] = {0};
    size_t seen = 0, pos = 0;
    while (pos < len) {
        uint32_t cp;
        pos += u8_decode((const unsigned char *)text + pos, len - pos, &cp);
        if (!counts_char(cp)) continue;
        window[seen++ % SHINGLE] = cp;
        if (seen < SHINGLE) continue;
        if (out->shingles < UINT32_MAX) out->shingles++;
        uint64_t h = 0x9e3779b97f4a7c15ull;
        for (size_t i = 0; i < SHINGLE; i++) h = mix64(h ^ window[(seen + i) % SHINGLE]);
        for (int k = 0; k < SKETCH_K; k++) {
            uint32_t v = (uint32_t)((h * a[k] + b[k]) >> 32);
            out->min[k] = v < out->min[k] ? v : out->min[k];
        }
    }
}

/* A wrapper, so that the clones' dispatcher stays inside the library
 * (an exported function with target_clones exports its ifunc too). */
void nearcopy_sketch(const char *text, size_t len, sketch *out) { sketch_of(text, len, out); }

static int equal_minima(const sketch *x, const sketch *y) {
    int same = 0;
    for (int k = 0; k < SKETCH_K; k++) same += (x->min[k] == y->min[k]) & (x->min[k] != UINT32_MAX);
    return same;
}

double nearcopy_resemblance(const sketch *x, const sketch *y) { return (double)equal_minima(x, y) / SKETCH_K; }

static double containment_of(double j, const sketch *x, const sketch *y) {
    /* |A∩B| = J (|A| + |B|) / (1 + J), counting shingles as distinct. */
    double na = x->shingles, nb = y->shingles;
    double smaller = na < nb ? na : nb;
    if (smaller <= 0) return 0;
    double c = j * (na + nb) / (1 + j) / smaller;
    return c > 1 ? 1 : c;
}

double nearcopy_containment(const sketch *x, const sketch *y) {
    return containment_of(nearcopy_resemblance(x, y), x, y);
}

/* For a SimHash candidate: the containment when the sketches say the two
 * are copies, else -1. */
static double sketch_match(const sketch *a, const sketch *b) {
    if (a->shingles < MIN_SHINGLES || b->shingles < MIN_SHINGLES) return -1;
    int same = equal_minima(a, b);
    if (same < SAME_MINIMA) return -1;
    double c = containment_of((double)same / SKETCH_K, a, b);
    return c >= SAME_CONTAINMENT ? c : -1;
}

int nearcopy_same(uint64_t simhash_a, const sketch *a, uint64_t simhash_b, const sketch *b) {
    if (__builtin_popcountll(simhash_a ^ simhash_b) > CANDIDATE_BITS) return 0;
    return sketch_match(a, b) >= 0;
}

/* ------------------------------------------------------------- the set */

/* The low byte of each MinHash value, 64 bytes a document. Two documents
 * have at least as many equal low bytes as equal values, so fewer than
 * SAME_MINIMA equal low bytes rules a candidate out exactly, reading one
 * cache line instead of the whole sketch. */
#define LOW_WORDS (SKETCH_K / 8)
typedef struct {
    uint64_t w[LOW_WORDS];
} low_bytes;

/* The LSH band index. Candidates are the first copies that share a band
 * with the document: BANDS bands of ROWS MinHash values each, every value
 * in exactly one band. Why 32 x 2 (docs/design.md, "The near-copy index"):
 * nearcopy_same accepts a pair only with at least SAME_MINIMA = 32 of the
 * 64 values equal. With 33 or more equal, two of them fall in one band
 * (pigeonhole): the pair is always a candidate. With exactly 32 it is
 * missed only when each band holds one equal value: 2^32 of the
 * C(64,32) = 1.83e18 equally likely placements, 2.3e-9. So the index finds
 * every pair a scan of all first copies finds, but for that chance. Bands
 * of 3 would miss 7% of the pairs at 32 equal values. */
#define ROWS  2
#define BANDS (SKETCH_K / ROWS)

/* Entries live in chunks that never move once written. */
#define CHUNK      4096
#define MAX_CHUNKS (1u << 15) /* 134 million first copies: node numbers fit 32 bits */

typedef struct {
    uint64_t simhash[CHUNK];
    low_bytes low[CHUNK];
    sketch sketches[CHUNK];
    int64_t ids[CHUNK];
    uint32_t next[CHUNK * BANDS]; /* per (entry, band) node: the node before it in its bucket, + 1 */
} chunk;

/* Buckets hold chains of nodes (node = entry * BANDS + band), newest
 * first, so that a search from entry `from` on stops where the chain goes
 * below it. The table doubles when the nodes outnumber the buckets. Other
 * threads may search while one thread adds: they hold the read lock, an
 * add or a resize the write lock. */
struct nearcopy_set {
    chunk **chunks; /* MAX_CHUNKS slots, filled in order */
    size_t n;
    uint32_t *heads; /* the newest node of each bucket, + 1; 0: empty */
    size_t nheads;   /* a power of two */
    pthread_rwlock_t lock;
};

static void low_bytes_of(const sketch *k, low_bytes *out) {
    memset(out, 0, sizeof *out);
    for (int i = 0; i < SKETCH_K; i++) out->w[i / 8] |= (uint64_t)(k->min[i] & 0xff) << (8 * (i % 8));
}

/* How many of the bytes are equal. A byte of x = a ^ b is zero exactly
 * where the top bit of ~(((x & 7f..) + 7f..) | x | 7f..) is set; those bits,
 * shifted down to ones, are summed bytewise (at most 8 a byte), then the
 * bytes added by one multiply. */
static int equal_low_bytes(const low_bytes *a, const low_bytes *b) {
    const uint64_t m = 0x7f7f7f7f7f7f7f7full;
    uint64_t sum = 0;
    for (int i = 0; i < LOW_WORDS; i++) {
        uint64_t x = a->w[i] ^ b->w[i];
        sum += (~(((x & m) + m) | x | m)) >> 7;
    }
    return (int)((sum * 0x0101010101010101ull) >> 56);
}

/* The bucket key of band b of a sketch: its values and its number. */
static uint64_t band_key(const sketch *k, int b) {
    uint64_t v = (uint64_t)k->min[ROWS * b] << 32 | k->min[ROWS * b + 1];
    return mix64(v ^ mix64((uint64_t)b + UINT64_C(0x9e3779b97f4a7c15)));
}

static chunk *chunk_of(const nearcopy_set *set, size_t i) { return set->chunks[i / CHUNK]; }

static uint32_t *next_of(const nearcopy_set *set, uint32_t node) {
    size_t i = node / BANDS;
    return &chunk_of(set, i)->next[(i % CHUNK) * BANDS + node % BANDS];
}

/* Puts the entry's nodes at the head of their buckets. */
static void link_entry(nearcopy_set *set, size_t i) {
    const sketch *k = &chunk_of(set, i)->sketches[i % CHUNK];
    for (int b = 0; b < BANDS; b++) {
        uint32_t node = (uint32_t)(i * BANDS + (size_t)b);
        size_t h = band_key(k, b) & (set->nheads - 1);
        *next_of(set, node) = set->heads[h];
        set->heads[h] = node + 1;
    }
}

/* Doubles the buckets (until there are at least as many as nodes) and
 * links every entry again, oldest first: chains stay newest first. */
static int grow_heads(nearcopy_set *set, size_t nodes) {
    size_t want = set->nheads;
    while (want < nodes) want *= 2;
    if (want == set->nheads) return 0;
    uint32_t *h = calloc(want, sizeof *h);
    if (!h) return -1;
    free(set->heads);
    set->heads = h;
    set->nheads = want;
    for (size_t i = 0; i < set->n; i++) link_entry(set, i);
    return 0;
}

nearcopy_set *nearcopy_set_new(void) {
    nearcopy_set *set = calloc(1, sizeof *set);
    if (!set) return NULL;
    set->nheads = 1u << 12;
    set->chunks = calloc(MAX_CHUNKS, sizeof *set->chunks);
    set->heads = calloc(set->nheads, sizeof *set->heads);
    if (!set->chunks || !set->heads || pthread_rwlock_init(&set->lock, NULL) != 0) {
        free(set->chunks);
        free(set->heads);
        free(set);
        return NULL;
    }
    return set;
}

void nearcopy_set_free(nearcopy_set *set) {
    if (!set) return;
    for (size_t c = 0; c < MAX_CHUNKS && set->chunks[c]; c++) free(set->chunks[c]);
    free(set->chunks);
    free(set->heads);
    pthread_rwlock_destroy(&set->lock);
    free(set);
}

size_t nearcopy_set_size(const nearcopy_set *set) {
    nearcopy_set *s = (nearcopy_set *)set; /* the lock is not part of the value */
    pthread_rwlock_rdlock(&s->lock);
    size_t n = s->n;
    pthread_rwlock_unlock(&s->lock);
    return n;
}

/* nearcopy_set_add under the write lock; with link 0 the entry is stored
 * but not yet in its buckets (nearcopy_set_add_all). */
static int add_locked(nearcopy_set *set, int64_t id, uint64_t simhash, const sketch *k, int link) {
    if (k->shingles < MIN_SHINGLES) return 0; /* never a match: not kept */
    size_t n = set->n, c = n / CHUNK, i = n % CHUNK;
    if (c >= MAX_CHUNKS) return -1;
    if (!set->chunks[c] && !(set->chunks[c] = malloc(sizeof(chunk)))) return -1;
    if (link && grow_heads(set, (n + 1) * BANDS)) return -1;
    chunk *ch = set->chunks[c];
    ch->simhash[i] = simhash;
    low_bytes_of(k, &ch->low[i]);
    ch->sketches[i] = *k;
    ch->ids[i] = id;
    set->n = n + 1;
    if (link) link_entry(set, n);
    return 0;
}

int nearcopy_set_add(nearcopy_set *set, int64_t id, uint64_t simhash, const sketch *k) {
    pthread_rwlock_wrlock(&set->lock);
    int rc = add_locked(set, id, simhash, k, 1);
    pthread_rwlock_unlock(&set->lock);
    return rc;
}

int nearcopy_set_add_all(nearcopy_set *set, int (*next)(void *, int64_t *, uint64_t *, sketch *), void *user) {
    pthread_rwlock_wrlock(&set->lock);
    int64_t id;
    uint64_t simhash;
    sketch k;
    int rc = 0, more;
    while ((more = next(user, &id, &simhash, &k)) > 0)
        if ((rc = add_locked(set, id, simhash, &k, 0))) break;
    if (more < 0) rc = -2;
    /* the buckets sized once and every entry linked once, oldest first
     * (doubling as entries came would relink them all a dozen times) */
    size_t want = set->nheads;
    while (want < set->n * BANDS) want *= 2;
    uint32_t *h = calloc(want, sizeof *h);
    if (!h) {
        rc = -1; /* keep the old buckets: chains grow longer, matches stay right */
        for (size_t i = 0; i < set->nheads; i++) set->heads[i] = 0;
    } else {
        free(set->heads);
        set->heads = h;
        set->nheads = want;
    }
    for (size_t i = 0; i < set->n; i++) link_entry(set, i);
    pthread_rwlock_unlock(&set->lock);
    return rc;
}

int nearcopy_set_move(nearcopy_set *dst, nearcopy_set *src) {
    int rc = 0;
    pthread_rwlock_wrlock(&dst->lock);
    for (size_t i = 0; i < src->n && !rc; i++) {
        const chunk *ch = chunk_of(src, i);
        rc = add_locked(dst, ch->ids[i % CHUNK], ch->simhash[i % CHUNK], &ch->sketches[i % CHUNK], 1);
    }
    pthread_rwlock_unlock(&dst->lock);
    if (!rc) nearcopy_set_clear(src);
    return rc;
}

void nearcopy_set_clear(nearcopy_set *set) {
    pthread_rwlock_wrlock(&set->lock);
    set->n = 0;
    memset(set->heads, 0, set->nheads * sizeof *set->heads);
    pthread_rwlock_unlock(&set->lock);
}

/* One candidate against the document: the full rule of nearcopy_same,
 * cheapest test first. Keeps the best; on equal containment the earliest
 * id, as a scan in id order would. */
static void try_candidate(const chunk *ch, size_t i, uint64_t simhash, const sketch *k, const low_bytes *low,
                          nearcopy_match *best) {
    if (equal_low_bytes(&ch->low[i], low) < SAME_MINIMA) return;
    if (__builtin_popcountll(ch->simhash[i] ^ simhash) > CANDIDATE_BITS) return;
    double r = sketch_match(&ch->sketches[i], k);
    if (r < 0) return;
    if (r > best->containment || (r == best->containment && best->id && ch->ids[i] < best->id))
        best->containment = r, best->id = ch->ids[i];
}

/* The candidates a search has found, looked at AHEAD behind the walk of
 * the chains: each one's low bytes are asked for (prefetched) when it is
 * found, and read AHEAD candidates later, so that the memory reads of
 * many candidates overlap instead of each waiting for the last. When a
 * corpus holds thousands of variants of one text (the bench corpus), a
 * document has thousands of candidates, and these reads were three
 * quarters of the search. */
enum { AHEAD = 16 };
typedef struct {
    const nearcopy_set *set;
    uint64_t simhash;
    const sketch *k;
    low_bytes low;
    nearcopy_match *best;
    size_t ring[AHEAD];
    unsigned head, count;
} pipeline;

static void pipeline_check(pipeline *p, size_t i) {
    try_candidate(chunk_of(p->set, i), i % CHUNK, p->simhash, p->k, &p->low, p->best);
}

static void pipeline_push(pipeline *p, size_t i) {
    __builtin_prefetch(&chunk_of(p->set, i)->low[i % CHUNK]);
    if (p->count < AHEAD) {
        p->ring[(p->head + p->count++) % AHEAD] = i;
        return;
    }
    pipeline_check(p, p->ring[p->head]);
    p->ring[p->head] = i;
    p->head = (p->head + 1) % AHEAD;
}

static void pipeline_drain(pipeline *p) {
    for (; p->count; p->count--, p->head = (p->head + 1) % AHEAD) pipeline_check(p, p->ring[p->head]);
}

/* The 32 chains of the document's bands, walked side by side: a step of
 * each chain in turn, its next link asked for (prefetched) a round before
 * it is read, so that the links of 32 chains are fetched at once instead
 * of one after another. A first copy sharing several bands is looked at
 * once per band: the second time it is in the cache, and the answer the
 * same (the best is the most contained, then the smallest id, in any
 * order). */
static void walk_chains(const nearcopy_set *s, const sketch *k, size_t from, pipeline *p) {
    uint32_t cur[BANDS];
    int live = 0;
    for (int b = 0; b < BANDS; b++) {
        cur[b] = s->heads[band_key(k, b) & (s->nheads - 1)];
        if (cur[b]) __builtin_prefetch(next_of(s, cur[b] - 1)), live++;
    }
    while (live)
        for (int b = 0; b < BANDS; b++) {
            if (!cur[b]) continue;
            size_t i = (cur[b] - 1) / BANDS;
            uint32_t next = i < from ? 0 : *next_of(s, cur[b] - 1); /* below from: older nodes follow */
            if (i >= from) pipeline_push(p, i);
            if (next) __builtin_prefetch(next_of(s, next - 1));
            cur[b] = next;
            live -= !next;
        }
}

size_t nearcopy_set_search(const nearcopy_set *set, size_t from, uint64_t simhash, const sketch *k,
                           nearcopy_match *best) {
    nearcopy_set *s = (nearcopy_set *)set;
    pthread_rwlock_rdlock(&s->lock);
    size_t to = s->n;
    if (k->shingles >= MIN_SHINGLES && from < to) {
        pipeline p = {.set = s, .simhash = simhash, .k = k, .best = best};
        low_bytes_of(k, &p.low);
        walk_chains(s, k, from, &p);
        pipeline_drain(&p);
    }
    pthread_rwlock_unlock(&s->lock);
    return to;
}

int64_t nearcopy_set_find(const nearcopy_set *set, uint64_t simhash, const sketch *k) {
    nearcopy_match best = {0, 0};
    nearcopy_set_search(set, 0, simhash, k, &best);
    return best.id;
}

void nearcopy_write_json(jw *w, uint64_t simhash, const sketch *k) {
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)simhash);
    jw_key(w, "nearcopy");
    jw_obj(w);
    jw_field(w, "simhash", hex);
    jw_key(w, "shingles");
    jw_int(w, k->shingles);
    jw_key(w, "minhash");
    jw_arr(w);
    for (int i = 0; i < SKETCH_K; i++) jw_int(w, k->min[i]);
    jw_arr_end(w);
    jw_obj_end(w);
}

static void put32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void nearcopy_pack(const sketch *k, unsigned char out[SKETCH_BYTES]) {
    for (int i = 0; i < SKETCH_K; i++) put32(out + 4 * i, k->min[i]);
    put32(out + 4 * SKETCH_K, k->shingles);
}

int nearcopy_unpack(const void *blob, size_t len, sketch *k) {
    if (!blob || len != SKETCH_BYTES) return -1;
    const unsigned char *p = blob;
    for (int i = 0; i < SKETCH_K; i++) k->min[i] = get32(p + 4 * i);
    k->shingles = get32(p + 4 * SKETCH_K);
    return 0;
}
