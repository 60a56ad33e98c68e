/* nearcopy: fingerprints that tell a repost from a different readout; see
 * nearcopy.c. */
#ifndef TIFA_NEARCOPY_H
#define TIFA_NEARCOPY_H
#include <stddef.h>
#include <stdint.h>
#include "json.h"

#define SKETCH_K 64 /* MinHash values per document */

typedef struct {
    uint32_t min[SKETCH_K];
    uint32_t shingles; /* how many the text has */
} sketch;

/* The hash of one character pair that SimHash votes with (prev is 0 for
 * the first character). */
uint64_t nearcopy_pair_hash(uint32_t prev, uint32_t cp);

/* SimHash of the text's character pairs (Han and digits only). */
uint64_t nearcopy_simhash(const char *text, size_t len);

/* MinHash sketch of the text's five-character shingles (Han and digits
 * only). A text with no shingle gets all values UINT32_MAX. */
void nearcopy_sketch(const char *text, size_t len, sketch *out);

/* Estimated share of shingles two texts have in common (Jaccard), 0..1. */
double nearcopy_resemblance(const sketch *a, const sketch *b);

/* Estimated share of the shorter text's shingles the other has, 0..1. */
double nearcopy_containment(const sketch *a, const sketch *b);

/* The "nearcopy" member of a record: the key and
 * {"simhash": 16 hex digits, "shingles": n, "minhash": [64 values]}. */
void nearcopy_write_json(jw *w, uint64_t simhash, const sketch *k);

/* The stored form: the values and the count, little-endian, so a corpus
 * file reads the same on any machine. unpack returns -1 on a wrong size. */
#define SKETCH_BYTES (4 * (SKETCH_K + 1))
void nearcopy_pack(const sketch *k, unsigned char out[SKETCH_BYTES]);
int nearcopy_unpack(const void *blob, size_t len, sketch *k);

/* The first copies stored so far, searched for the one a new document
 * reposts through an LSH band index of their sketches (32 bands of 2
 * values: see nearcopy.c). Owned by the caller: nearcopy_set_free. One
 * thread adds; others may search meanwhile (nearcopy_set_search). About
 * 470 bytes of memory a first copy. */
typedef struct nearcopy_set nearcopy_set;

nearcopy_set *nearcopy_set_new(void); /* NULL: out of memory */
void nearcopy_set_free(nearcopy_set *set);

/* Remembers a first copy; -1 when out of memory. */
int nearcopy_set_add(nearcopy_set *set, int64_t id, uint64_t simhash, const sketch *k);

/* Adds every entry next gives (it returns 1 and fills one, 0 at the end,
 * -1 on a read error) and links them into their buckets once at the end:
 * loading a corpus's first copies then costs one pass, not one per doubling
 * of the buckets. 0; -1 when out of memory, -2 when next failed (what was
 * read before is kept and linked either way). */
int nearcopy_set_add_all(nearcopy_set *set, int (*next)(void *, int64_t *, uint64_t *, sketch *), void *user);

/* Appends every entry of src to dst, in order, and empties src (keeping
 * its memory); -1 when out of memory (src is then left as it was, dst
 * holding a prefix of it). Only the thread that adds may call these. */
int nearcopy_set_move(nearcopy_set *dst, nearcopy_set *src);
void nearcopy_set_clear(nearcopy_set *set);

/* The first copy this document reposts, 0 if none: of the documents
 * nearcopy_same accepts, the one containing most of it (the earliest on a
 * tie). */
int64_t nearcopy_set_find(const nearcopy_set *set, uint64_t simhash, const sketch *k);

/* The same search done in parts: looks at the first copies from index
 * `from` to the set's size now (returned), and replaces *best when one
 * contains more of the document (or as much, with a smaller id). Starting from {0, 0} at 0 and going on
 * from the returned size later gives what nearcopy_set_find would give at
 * the end. Any number of threads may search while one thread adds. */
typedef struct {
    int64_t id;         /* 0: none yet */
    double containment; /* of the best so far */
} nearcopy_match;
size_t nearcopy_set_search(const nearcopy_set *set, size_t from, uint64_t simhash, const sketch *k,
                           nearcopy_match *best);

/* How many first copies the set holds (documents too short to judge are
 * left out: they never match). */
size_t nearcopy_set_size(const nearcopy_set *set);

/* Whether two documents are copies of one readout: SimHash close enough to
 * be a candidate, and most shingles shared. */
int nearcopy_same(uint64_t simhash_a, const sketch *a, uint64_t simhash_b, const sketch *b);

#endif
