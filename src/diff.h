/* diff: compares two clean texts (e.g. the same conference's readout in two
 * years) sentence by sentence, and two sentences character by character.
 * Internal to tifa; `tifa diff A B` reports with diff_write_json or
 * diff_write_text.
 *
 * Sentence alignment (diff_sentences):
 *  1. Each text is split into sentences: a sentence ends after 。！？； (with
 *     any end marks and closing quotes or brackets right after it, so
 *     “……。” stays one sentence) or at a line end; it is trimmed (ASCII
 *     white space, U+3000, U+00A0) and empty ones are skipped.
 *  2. Sentences with exactly the same text are "same": first in order
 *     (common prefix and suffix; an exact LCS on small regions; on large
 *     ones patience anchors, the sentences unique in both, recursively),
 *     then anywhere (a sentence moved to another paragraph is still same).
 *     Duplicates pair up occurrence by occurrence: a sentence twice in A
 *     and once in B leaves one A occurrence over.
 *  3. Among the sentences left, an A sentence and a B sentence are paired
 *     as "changed" when the Dice coefficient of their character-bigram
 *     multisets is >= 0.5, greedily by highest similarity (ties: earlier A,
 *     then earlier B). Each A sentence keeps its DIFF_CANDIDATES best
 *     candidates, so memory stays linear. Skipped (exact matching only)
 *     when a text has more than DIFF_MAX_SIMILAR sentences or more than
 *     DIFF_MAX_SIMILAR_BYTES of unmatched sentences; stopped early
 *     when the bigram index walk exceeds its work budget (only texts whose
 *     thousands of sentences all look alike get there).
 *  4. What is left of A is "removed", of B "added".
 * Every list is in text order (changed: by the A sentence).
 *
 * The int functions return 0 on success and -1 when memory runs out (or,
 * for diff_write_text, writing fails). No global mutable state.
 */
#ifndef TIFA_DIFF_H
#define TIFA_DIFF_H
#include <stddef.h>
#include "json.h"
#include "record.h"
#include "sbuf.h"

#define DIFF_MAX_SIMILAR       5000      /* sentences per text for similarity pairing */
#define DIFF_MAX_SIMILAR_BYTES (4 << 20) /* unmatched bytes per text, likewise */
#define DIFF_CANDIDATES        16        /* similar B sentences kept per A sentence */
#define DIFF_MAX_CHARS         2000      /* code points per side for the exact char diff */

typedef struct {
    char *text;    /* the trimmed sentence, NUL-terminated (owned) */
    size_t len;    /* its length in bytes */
    size_t index;  /* its number among the sentences of its text (0-based) */
    size_t offset; /* byte offset of text[0] in the input text */
    size_t at;     /* the same in characters (code points; an invalid byte is one) */
    size_t chars;  /* its length in characters */
} diff_sentence;

typedef struct {
    diff_sentence a, b;
    double similarity; /* Dice coefficient of the bigram multisets, [0.5, 1] */
} diff_pair;

typedef struct {
    diff_sentence *removed; /* in A only, in A order */
    size_t nremoved;
    diff_sentence *added; /* in B only, in B order */
    size_t nadded;
    diff_pair *changed; /* similar pairs, in A order */
    size_t nchanged;
    size_t na, nb; /* sentences in A and in B */
    size_t nsame;  /* exact pairs, in order or moved */
    size_t nmoved; /* of those, pairs outside the in-order alignment */
    /* 0: similarity pairing done; 1: skipped (a text has more than
     * DIFF_MAX_SIMILAR sentences or DIFF_MAX_SIMILAR_BYTES unmatched);
     * 2: stopped early (work budget spent), later A sentences unpaired. */
    int exact_only;
} diff_result;

/* Compares two UTF-8 texts (invalid bytes are compared as they are).
 * *out is filled on success and must be released with diff_result_free;
 * on failure it is left empty. a or b may be NULL when its length is 0. */
int diff_sentences(const char *a, size_t alen, const char *b, size_t blen, diff_result *out);
void diff_result_free(diff_result *r);

typedef enum { DIFF_EQUAL = 0, DIFF_DELETE = 1, DIFF_INSERT = 2 } diff_kind;

/* A run of a character diff. Byte ranges [a0, a1) of a and [b0, b1) of b:
 * EQUAL covers both (same bytes), DELETE only a (b0 == b1 is where it
 * stood in b), INSERT only b (a0 == a1). */
typedef struct {
    diff_kind kind;
    size_t a0, a1, b0, b1;
} diff_op;

/* Character (code point) diff of two NUL-terminated sentences: a shortest
 * edit script over the part left after trimming the common prefix and
 * suffix, with short coincidental equalities between edits folded into
 * them (so a rewritten phrase reads as one change, not as scattered
 * characters). When that middle is longer than DIFF_MAX_CHARS code points
 * on either side it is replaced whole (so any length is cheap: the trim
 * works on bytes and allocates nothing for them). Runs cover a and b in order; within
 * an edit a DELETE comes before its INSERT; adjacent runs differ in kind
 * except DELETE followed by INSERT. *ops is malloc'd (free() it; NULL when
 * both are empty). */
int diff_chars(const char *a, const char *b, diff_op **ops, size_t *nops);

/* {"terms": {"only_a": [], "only_b": [], "both": []},
 *  "sentences": {"added": [], "removed": [], "changed": [{"a": "", "b": "", "ops": [["=", 3], ["-", 1], ["+", 2]]}]},
 *  "spans": {"added": [[0, 9]], "removed": [[4, 7]], "changed": [{"a": [0, 5], "b": [10, 16]}]}}
 * ops: a changed pair's diff_chars runs in characters ("=" both, "-" A
 * only, "+" B only); spans: where each sentence stands, [start, end) in
 * characters of its text, list for list.
 * terms_a / terms_b are the caller's terms of each text (e.g. numbered and
 * quoted); either may be NULL. Each list is in first-appearance order
 * (only_a and both: A's order, only_b: B's), each item once. Memory
 * failure is reported through w->failed, as for every jw_* call. */
void diff_write_json(jw *w, const diff_result *r, const slist *terms_a, const slist *terms_b);

/* A report for people: formulations only in A / only in B / in both, then
 * removed sentences ("- "), added ("+ "), changed ("~ " with the A
 * version, then the B version indented). color: ANSI colours (deleted
 * characters red and struck through, inserted green); otherwise deleted
 * characters are marked [-...-] and inserted ones {+...+}. Into out (its
 * errors: out->err). Returns 0, or -1 when out failed or memory ran out. */
int diff_write_text(sbuf *out, const diff_result *r, const slist *terms_a, const slist *terms_b, int color);

#endif
