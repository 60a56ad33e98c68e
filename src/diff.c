/*
 * diff: sentence alignment of two clean texts and character diffs of
 * sentences (see diff.h for the rules).
 *
 * Costs, whatever the input:
 *  - splitting, interning and exact matching are linear (hashing), the
 *    in-order alignment is patience-style with a work budget
 *    (ALIGN_BUDGET), and its LCS fallback only runs on regions of at most
 *    LCS_CELLS sentence pairs;
 *  - similarity pairing runs only when both texts have at most
 *    DIFF_MAX_SIMILAR sentences and DIFF_MAX_SIMILAR_BYTES of unmatched
 *    text, walks a sorted inverted index of bigrams with a work budget
 *    (SIM_BUDGET posting visits) and keeps DIFF_CANDIDATES candidates per
 *    sentence;
 *  - a character diff trims the common prefix and suffix on bytes (no
 *    allocation for them, whatever their size), then runs an O(NM) LCS
 *    over at most DIFF_MAX_CHARS code points a side.
 */
#include "diff.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

#define NONE         ((size_t)-1)
#define LCS_CELLS    ((size_t)1 << 18)           /* sentence regions for the exact LCS */
#define ALIGN_BUDGET ((size_t)1 << 26)           /* sentences visited by the patience pass */
#define SIM_BUDGET   ((size_t)100 * 1000 * 1000) /* bigram postings visited */

/* ------------------------------------------------------------ helpers */

/* Room for one more element in an array of n used and *cap allocated
 * elements of size sz: returns the (possibly moved) array, or NULL when
 * memory runs out (p is then still valid and owned by the caller). */
static void *grow(void *p, size_t *cap, size_t n, size_t sz) {
    if (n < *cap) return p;
    size_t c = *cap ? *cap * 2 : 16;
    if (c > SIZE_MAX / sz) return NULL;
    void *q = realloc(p, c * sz);
    if (q) *cap = c;
    return q;
}

/* Makes room for element n of arr, or runs `fail` (arr unchanged). */
#define GROW_OR(arr, cap, n, fail)                                                                                     \
    do {                                                                                                               \
        void *grown_ = grow((arr), &(cap), (n), sizeof *(arr));                                                        \
        if (!grown_) fail;                                                                                             \
        (arr) = grown_;                                                                                                \
    } while (0)

static void *xcalloc(size_t n, size_t sz) { return calloc(n ? n : 1, sz); }

static void *xmalloc(size_t n, size_t sz) {
    if (n && sz > SIZE_MAX / n) return NULL;
    return malloc(n && sz ? n * sz : 1);
}

static uint64_t fnv(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static size_t pow2_at_least(size_t n) {
    size_t c = 16;
    while (c < n) c *= 2;
    return c;
}

/* ------------------------------------------------------------ LCS core */

enum { MOVE_EQ = 0, MOVE_DEL = 1, MOVE_INS = 2 };

/* A longest common subsequence of x[0..n) and y[0..m) as a path of moves
 * (MOVE_EQ, MOVE_DEL: skip x, MOVE_INS: skip y), n + m at most. Deletions
 * are preferred to insertions where both keep the LCS, so within an edit
 * the deleted part comes first. Memory: n * m bytes, the caller bounds it. */
static int lcs_path(const uint32_t *x, size_t n, const uint32_t *y, size_t m, unsigned char **path, size_t *plen) {
    *path = NULL;
    *plen = 0;
    unsigned char *dir = xmalloc(n, m ? m : 1);
    uint32_t *nxt = xcalloc(m + 1, sizeof *nxt), *cur = xcalloc(m + 1, sizeof *cur);
    unsigned char *p = xmalloc(n + m, 1);
    if (!dir || !nxt || !cur || !p) {
        free(dir);
        free(nxt);
        free(cur);
        free(p);
        return -1;
    }
    /* cur[j]: LCS length of x[i..n) and y[j..m); nxt: the same for i + 1. */
    for (size_t i = n; i-- > 0;) {
        cur[m] = 0;
        unsigned char *d = dir + i * m;
        for (size_t j = m; j-- > 0;) {
            if (x[i] == y[j]) {
                cur[j] = nxt[j + 1] + 1;
                d[j] = MOVE_EQ;
            } else if (nxt[j] >= cur[j + 1]) {
                cur[j] = nxt[j];
                d[j] = MOVE_DEL;
            } else {
                cur[j] = cur[j + 1];
                d[j] = MOVE_INS;
            }
        }
        uint32_t *t = nxt;
        nxt = cur;
        cur = t;
    }
    size_t i = 0, j = 0, k = 0;
    while (i < n && j < m) {
        unsigned char mv = dir[i * m + j];
        p[k++] = mv;
        if (mv == MOVE_EQ) {
            i++;
            j++;
        } else if (mv == MOVE_DEL) {
            i++;
        } else {
            j++;
        }
    }
    while (i < n) p[k++] = MOVE_DEL, i++;
    while (j < m) p[k++] = MOVE_INS, j++;
    free(dir);
    free(nxt);
    free(cur);
    *path = p;
    *plen = k;
    return 0;
}

/* ------------------------------------------------------------ sentences */

typedef struct {
    size_t off, len;
    size_t at; /* characters before off (chars_in) */
} sref;

typedef struct {
    sref *s;
    size_t n, cap;
} sref_list;

static int is_end_mark(uint32_t c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B; }

/* Closing quotes and brackets that belong to the sentence before them. */
static int is_closer(uint32_t c) {
    return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x300B || c == 0x3009 ||
           c == 0x3011 || c == 0x3015 || c == 0x3017 || c == 0xFF3D || c == 0xFF5D || c == ')' || c == ']' ||
           c == '"' || c == '\'';
}

static int is_line_end(uint32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85; }

/* Bytes of the white space at s (0: none): ASCII space, tab, U+00A0,
 * U+3000. */
static size_t space_at(const unsigned char *s, size_t n) {
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\f' || s[0] == '\v')) return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;
    return 0;
}

static int emit_sentence(sref_list *l, const char *text, size_t a, size_t b) {
    const unsigned char *s = (const unsigned char *)text;
    for (size_t k; a < b && (k = space_at(s + a, b - a)) > 0;) a += k;
    for (;;) {
        if (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\f' || s[b - 1] == '\v'))
            b--;
        else if (b - a >= 2 && s[b - 2] == 0xC2 && s[b - 1] == 0xA0)
            b -= 2;
        else if (b - a >= 3 && s[b - 3] == 0xE3 && s[b - 2] == 0x80 && s[b - 1] == 0x80)
            b -= 3;
        else
            break;
    }
    if (a >= b) return 0;
    GROW_OR(l->s, l->cap, l->n, return -1);
    l->s[l->n].off = a;
    l->s[l->n].len = b - a;
    l->n++;
    return 0;
}

/* Characters in s[0..n) as the JSON writer counts them (json_quote): a
 * valid sequence is one, so is each byte of an invalid one (U+FFFD). What
 * a reader of the JSON counts in its strings, so offsets agree. */
static size_t chars_in(const char *s, size_t n) {
    size_t k = 0;
    for (size_t pos = 0; pos < n; k++) {
        uint32_t cp;
        size_t step = u8_strict((const unsigned char *)s + pos, n - pos, &cp);
        pos += step ? step : 1;
    }
    return k;
}

/* Each sentence's character offset: one walk over the text, the
 * sentences being in text order. */
static void count_chars(const char *text, sref_list *l) {
    size_t pos = 0, at = 0;
    for (size_t i = 0; i < l->n; i++) {
        at += chars_in(text + pos, l->s[i].off - pos);
        pos = l->s[i].off;
        l->s[i].at = at;
    }
}

static int split_sentences(const char *text, size_t len, sref_list *l) {
    const unsigned char *s = (const unsigned char *)text;
    size_t pos = 0, start = 0;
    while (pos < len) {
        uint32_t c;
        size_t step = u8_decode(s + pos, len - pos, &c);
        if (is_line_end(c)) {
            if (emit_sentence(l, text, start, pos)) return -1;
            pos += step;
            start = pos;
        } else if (is_end_mark(c)) {
            pos += step;
            while (pos < len) {
                step = u8_decode(s + pos, len - pos, &c);
                if (!is_end_mark(c) && !is_closer(c)) break;
                pos += step;
            }
            if (emit_sentence(l, text, start, pos)) return -1;
            start = pos;
        } else {
            pos += step;
        }
    }
    if (emit_sentence(l, text, start, len)) return -1;
    count_chars(text, l);
    return 0;
}

/* Gives every distinct sentence text of both texts a number. */
typedef struct {
    const char *ta, *tb;
    sref_list *la, *lb;
    uint32_t *ida, *idb;
    size_t nids;
} interned;

static int intern_all(interned *in) {
    size_t total = in->la->n + in->lb->n;
    size_t cap = pow2_at_least(total * 2 + 1);
    /* slot -> (which side, index) + 1, 0 = empty */
    size_t *slot = xcalloc(cap, sizeof *slot);
    uint64_t *hash = xmalloc(cap, sizeof *hash);
    uint32_t *slot_id = xmalloc(cap, sizeof *slot_id);
    in->ida = xmalloc(in->la->n, sizeof *in->ida);
    in->idb = xmalloc(in->lb->n, sizeof *in->idb);
    if (!slot || !hash || !slot_id || !in->ida || !in->idb) {
        free(slot);
        free(hash);
        free(slot_id);
        return -1;
    }
    in->nids = 0;
    for (size_t k = 0; k < total; k++) {
        int side_b = k >= in->la->n;
        size_t idx = side_b ? k - in->la->n : k;
        const char *text = side_b ? in->tb : in->ta;
        sref r = side_b ? in->lb->s[idx] : in->la->s[idx];
        uint64_t h = fnv(text + r.off, r.len);
        size_t p = (size_t)h & (cap - 1);
        uint32_t id;
        for (;;) {
            if (!slot[p]) {
                slot[p] = k + 1;
                hash[p] = h;
                id = slot_id[p] = (uint32_t)in->nids++;
                break;
            }
            if (hash[p] == h) {
                size_t o = slot[p] - 1;
                int ob = o >= in->la->n;
                size_t oi = ob ? o - in->la->n : o;
                const char *otext = ob ? in->tb : in->ta;
                sref orr = ob ? in->lb->s[oi] : in->la->s[oi];
                if (orr.len == r.len && memcmp(otext + orr.off, text + r.off, r.len) == 0) {
                    id = slot_id[p];
                    break;
                }
            }
            p = (p + 1) & (cap - 1);
        }
        if (side_b)
            in->idb[idx] = id;
        else
            in->ida[idx] = id;
    }
    free(slot);
    free(hash);
    free(slot_id);
    return 0;
}

/* In-order alignment of the id sequences: fills ma[i] = j / mb[j] = i for
 * aligned pairs. Per region: common prefix and suffix; a small region
 * (LCS_CELLS) gets an exact LCS; a large one takes the sentences unique in
 * both of its halves, their longest increasing run as anchors, and goes on
 * between the anchors. Regions left when the budget is spent stay unaligned (the
 * moved-sentence pass still pairs their exact matches). */
typedef struct {
    size_t a0, a1, b0, b1;
} region;

static int align_in_order(const uint32_t *x, size_t n, const uint32_t *y, size_t m, size_t nids, size_t *ma,
                          size_t *mb) {
    int rc = -1;
    region *stack = NULL;
    size_t sn = 0, scap = 0;
    unsigned char *ca = xcalloc(nids, 1), *cb = xcalloc(nids, 1);
    size_t *posb = xmalloc(nids, sizeof *posb);
    size_t *anc_a = xmalloc(n, sizeof *anc_a), *anc_b = xmalloc(n, sizeof *anc_b);
    size_t *tails = xmalloc(n, sizeof *tails), *prev = xmalloc(n, sizeof *prev);
    unsigned char *path = NULL;
    if (!ca || !cb || !posb || !anc_a || !anc_b || !tails || !prev) goto out;
    GROW_OR(stack, scap, sn, goto out);
    stack[sn++] = (region){0, n, 0, m};
    size_t work = 0;
    while (sn > 0 && work < ALIGN_BUDGET) {
        region r = stack[--sn];
        while (r.a0 < r.a1 && r.b0 < r.b1 && x[r.a0] == y[r.b0]) {
            ma[r.a0] = r.b0;
            mb[r.b0] = r.a0;
            r.a0++, r.b0++;
        }
        while (r.a0 < r.a1 && r.b0 < r.b1 && x[r.a1 - 1] == y[r.b1 - 1]) {
            r.a1--, r.b1--;
            ma[r.a1] = r.b1;
            mb[r.b1] = r.a1;
        }
        size_t na = r.a1 - r.a0, nb = r.b1 - r.b0;
        if (!na || !nb) continue;
        work += na + nb;
        if (na <= LCS_CELLS / nb) {
            size_t plen;
            if (lcs_path(x + r.a0, na, y + r.b0, nb, &path, &plen)) goto out;
            size_t i = r.a0, j = r.b0;
            for (size_t k = 0; k < plen; k++) {
                if (path[k] == MOVE_EQ) {
                    ma[i] = j;
                    mb[j] = i;
                    i++, j++;
                } else if (path[k] == MOVE_DEL) {
                    i++;
                } else {
                    j++;
                }
            }
            free(path);
            path = NULL;
            continue;
        }
        for (size_t i = r.a0; i < r.a1; i++)
            if (ca[x[i]] < 2) ca[x[i]]++;
        for (size_t j = r.b0; j < r.b1; j++) {
            if (cb[y[j]] < 2) cb[y[j]]++;
            posb[y[j]] = j;
        }
        size_t k = 0;
        for (size_t i = r.a0; i < r.a1; i++)
            if (ca[x[i]] == 1 && cb[x[i]] == 1) {
                anc_a[k] = i;
                anc_b[k] = posb[x[i]];
                k++;
            }
        for (size_t i = r.a0; i < r.a1; i++) ca[x[i]] = 0;
        for (size_t j = r.b0; j < r.b1; j++) cb[y[j]] = 0;
        if (!k) continue;
        /* Longest increasing subsequence of anc_b (patience sorting). */
        size_t nt = 0;
        for (size_t t = 0; t < k; t++) {
            size_t lo = 0, hi = nt;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (anc_b[tails[mid]] < anc_b[t])
                    lo = mid + 1;
                else
                    hi = mid;
            }
            prev[t] = lo ? tails[lo - 1] : NONE;
            tails[lo] = t;
            if (lo == nt) nt++;
        }
        /* Walk the run backwards: mark anchors, push the gaps. */
        size_t hi_a = r.a1, hi_b = r.b1;
        for (size_t t = tails[nt - 1]; t != NONE; t = prev[t]) {
            size_t i = anc_a[t], j = anc_b[t];
            ma[i] = j;
            mb[j] = i;
            if (i + 1 < hi_a && j + 1 < hi_b) {
                GROW_OR(stack, scap, sn, goto out);
                stack[sn++] = (region){i + 1, hi_a, j + 1, hi_b};
            }
            hi_a = i;
            hi_b = j;
        }
        if (r.a0 < hi_a && r.b0 < hi_b) {
            GROW_OR(stack, scap, sn, goto out);
            stack[sn++] = (region){r.a0, hi_a, r.b0, hi_b};
        }
    }
    rc = 0;
out:
    free(stack);
    free(ca);
    free(cb);
    free(posb);
    free(anc_a);
    free(anc_b);
    free(tails);
    free(prev);
    free(path);
    return rc;
}

/* ------------------------------------------------------------ similarity */

static int cmp_u64(const void *p, const void *q) {
    uint64_t a = *(const uint64_t *)p, b = *(const uint64_t *)q;
    return a < b ? -1 : a > b;
}

/* Sorted character bigrams of every listed sentence, in one pool:
 * sentence k has pool[start[k] .. start[k + 1]). */
typedef struct {
    uint64_t *pool;
    size_t *start;
} bigrams;

static int make_bigrams(const char *text, const sref_list *l, const size_t *which, size_t n, bigrams *bg) {
    size_t total = 0;
    for (size_t k = 0; k < n; k++) total += l->s[which[k]].len;
    bg->pool = xmalloc(total, sizeof *bg->pool);
    bg->start = xmalloc(n + 1, sizeof *bg->start);
    if (!bg->pool || !bg->start) return -1;
    size_t fill = 0;
    for (size_t k = 0; k < n; k++) {
        bg->start[k] = fill;
        sref r = l->s[which[k]];
        const unsigned char *s = (const unsigned char *)text + r.off;
        size_t pos = 0;
        uint32_t prevc = 0;
        int have = 0;
        while (pos < r.len) {
            uint32_t c;
            pos += u8_decode(s + pos, r.len - pos, &c);
            if (have) bg->pool[fill++] = ((uint64_t)prevc << 21) | c;
            prevc = c;
            have = 1;
        }
        qsort(bg->pool + bg->start[k], fill - bg->start[k], sizeof *bg->pool, cmp_u64);
    }
    bg->start[n] = fill;
    return 0;
}

static void free_bigrams(bigrams *bg) {
    free(bg->pool);
    free(bg->start);
}

typedef struct {
    size_t ia, ib;   /* positions in the leftover lists */
    uint64_t common; /* bigrams in common (multiset) */
    uint64_t total;  /* bigrams of both */
} cand;

/* Is p more similar than q (ties: earlier A, then earlier B)? */
static int cand_better(const cand *p, const cand *q) {
    uint64_t l = p->common * q->total, r = q->common * p->total;
    if (l != r) return l > r;
    if (p->ia != q->ia) return p->ia < q->ia;
    return p->ib < q->ib;
}

static int cmp_cand(const void *p, const void *q) {
    const cand *a = p, *b = q;
    if (cand_better(a, b)) return -1;
    if (cand_better(b, a)) return 1;
    return 0;
}

/* One entry of the inverted index: B sentence ib holds bigram key count
 * times. Sorted by key (then sentence), so a bigram's postings are a run
 * found by binary search. */
typedef struct {
    uint64_t key;
    uint32_t ib, count;
} posting;

static int cmp_posting(const void *p, const void *q) {
    const posting *a = p, *b = q;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->ib < b->ib ? -1 : a->ib > b->ib;
}

/* Pairs leftover A sentences (la[0..nla)) with leftover B sentences
 * (lb[0..nlb), nlb < 2^32): pa[k] = index into lb or NONE, psim[k] its
 * Dice coefficient. *cut is set when the work budget ran out. Memory:
 * 8 bytes per character of the sentences, 16 more per character of B's. */
static int pair_similar(const char *ta, const sref_list *sa, const size_t *la, size_t nla, const char *tb,
                        const sref_list *sb, const size_t *lb, size_t nlb, size_t *pa, double *psim, int *cut) {
    int rc = -1;
    bigrams ba = {0}, bb = {0};
    posting *post = NULL;
    uint32_t *acc = NULL;
    size_t *touched = NULL;
    cand *cands = NULL, *top = NULL;
    unsigned char *taken_b = NULL;
    size_t ncands = 0, ccap = 0, npost = 0;
    for (size_t k = 0; k < nla; k++) pa[k] = NONE;
    if (!nla || !nlb) return 0;
    if (make_bigrams(ta, sa, la, nla, &ba) || make_bigrams(tb, sb, lb, nlb, &bb)) goto out;
    post = xmalloc(bb.start[nlb], sizeof *post);
    acc = xcalloc(nlb, sizeof *acc);
    touched = xmalloc(nlb, sizeof *touched);
    top = xmalloc(DIFF_CANDIDATES, sizeof *top);
    taken_b = xcalloc(nlb, 1);
    if (!post || !acc || !touched || !top || !taken_b) goto out;
    for (size_t j = 0; j < nlb; j++) {
        const uint64_t *g = bb.pool + bb.start[j], *e = bb.pool + bb.start[j + 1];
        while (g < e) {
            const uint64_t *r = g;
            while (r < e && *r == *g) r++;
            post[npost++] = (posting){*g, (uint32_t)j, (uint32_t)(r - g)};
            g = r;
        }
    }
    if (npost) qsort(post, npost, sizeof *post, cmp_posting);

    size_t work = 0;
    for (size_t i = 0; i < nla && !*cut; i++) {
        const uint64_t *g = ba.pool + ba.start[i], *e = ba.pool + ba.start[i + 1];
        size_t lena = (size_t)(e - g), nt = 0, ntop = 0;
        if (!lena) continue;
        while (g < e) {
            const uint64_t *r = g;
            while (r < e && *r == *g) r++;
            uint32_t c = (uint32_t)(r - g);
            size_t lo = 0, hi = npost;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (post[mid].key < *g)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t q = lo; q < npost && post[q].key == *g; q++) {
                size_t j = post[q].ib;
                if (!acc[j]) touched[nt++] = j;
                acc[j] += c < post[q].count ? c : post[q].count;
                work++;
            }
            g = r;
        }
        for (size_t t = 0; t < nt; t++) {
            size_t j = touched[t];
            size_t lenb = bb.start[j + 1] - bb.start[j];
            cand cd = {i, j, acc[j], (uint64_t)lena + lenb};
            acc[j] = 0;
            if (4 * cd.common < cd.total) continue; /* Dice < 0.5 */
            if (ntop == DIFF_CANDIDATES && !cand_better(&cd, &top[ntop - 1])) continue;
            size_t at = ntop < DIFF_CANDIDATES ? ntop++ : ntop - 1;
            while (at > 0 && cand_better(&cd, &top[at - 1])) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = cd;
        }
        for (size_t t = 0; t < ntop; t++) {
            GROW_OR(cands, ccap, ncands, goto out);
            cands[ncands++] = top[t];
        }
        if (work > SIM_BUDGET) *cut = 1;
    }

    /* Greedy: most similar first. */
    if (ncands) qsort(cands, ncands, sizeof *cands, cmp_cand);
    for (size_t k = 0; k < ncands; k++) {
        if (pa[cands[k].ia] != NONE || taken_b[cands[k].ib]) continue;
        pa[cands[k].ia] = cands[k].ib;
        psim[cands[k].ia] = 2.0 * (double)cands[k].common / (double)cands[k].total;
        taken_b[cands[k].ib] = 1;
    }
    rc = 0;
out:
    free_bigrams(&ba);
    free_bigrams(&bb);
    free(post);
    free(acc);
    free(touched);
    free(cands);
    free(top);
    free(taken_b);
    return rc;
}

/* ------------------------------------------------------------ result */

static int make_sentence(diff_sentence *d, const char *text, const sref_list *l, size_t i) {
    sref r = l->s[i];
    d->text = malloc(r.len + 1);
    if (!d->text) return -1;
    memcpy(d->text, text + r.off, r.len);
    d->text[r.len] = 0;
    d->len = r.len;
    d->index = i;
    d->offset = r.off;
    d->at = r.at;
    d->chars = chars_in(d->text, r.len);
    return 0;
}

void diff_result_free(diff_result *r) {
    if (!r) return;
    for (size_t i = 0; i < r->nremoved; i++) free(r->removed[i].text);
    for (size_t i = 0; i < r->nadded; i++) free(r->added[i].text);
    for (size_t i = 0; i < r->nchanged; i++) {
        free(r->changed[i].a.text);
        free(r->changed[i].b.text);
    }
    free(r->removed);
    free(r->added);
    free(r->changed);
    memset(r, 0, sizeof *r);
}

int diff_sentences(const char *a, size_t alen, const char *b, size_t blen, diff_result *out) {
    memset(out, 0, sizeof *out);
    if (!a) alen = 0;
    if (!b) blen = 0;
    int rc = -1;
    sref_list sa = {0}, sb = {0};
    interned in = {0};
    size_t *ma = NULL, *mb = NULL, *head = NULL, *next = NULL, *la = NULL, *lb = NULL, *pa = NULL, *pb = NULL;
    double *psim = NULL;
    if (split_sentences(a, alen, &sa) || split_sentences(b, blen, &sb)) goto out;
    size_t n = sa.n, m = sb.n;
    out->na = n;
    out->nb = m;
    in = (interned){a, b, &sa, &sb, NULL, NULL, 0};
    if (intern_all(&in)) goto out;
    ma = xmalloc(n, sizeof *ma);
    mb = xmalloc(m, sizeof *mb);
    head = xmalloc(in.nids, sizeof *head);
    next = xmalloc(m, sizeof *next);
    if (!ma || !mb || !head || !next) goto out;
    for (size_t i = 0; i < n; i++) ma[i] = NONE;
    for (size_t j = 0; j < m; j++) mb[j] = NONE;

    /* 1. Same, in order. */
    if (n && m && align_in_order(in.ida, n, in.idb, m, in.nids, ma, mb)) goto out;
    size_t in_order = 0;
    for (size_t i = 0; i < n; i++) in_order += ma[i] != NONE;

    /* 2. Same, moved: the unaligned occurrences of a text pair up in order. */
    for (size_t id = 0; id < in.nids; id++) head[id] = NONE;
    for (size_t j = m; j-- > 0;)
        if (mb[j] == NONE) {
            next[j] = head[in.idb[j]];
            head[in.idb[j]] = j;
        }
    for (size_t i = 0; i < n; i++) {
        if (ma[i] != NONE) continue;
        size_t j = head[in.ida[i]];
        if (j == NONE) continue;
        head[in.ida[i]] = next[j];
        ma[i] = j;
        mb[j] = i;
        out->nmoved++;
    }
    out->nsame = in_order + out->nmoved;

    /* 3. Similar pairs among the rest. */
    size_t nla = 0, nlb = 0;
    la = xmalloc(n, sizeof *la);
    lb = xmalloc(m, sizeof *lb);
    pa = xmalloc(n, sizeof *pa);
    pb = xmalloc(m, sizeof *pb);
    psim = xmalloc(n, sizeof *psim);
    if (!la || !lb || !pa || !pb || !psim) goto out;
    for (size_t i = 0; i < n; i++)
        if (ma[i] == NONE) la[nla++] = i;
    for (size_t j = 0; j < m; j++)
        if (mb[j] == NONE) lb[nlb++] = j;
    for (size_t k = 0; k < nla; k++) pa[k] = NONE;
    size_t left_a = 0, left_b = 0;
    for (size_t k = 0; k < nla; k++) left_a += sa.s[la[k]].len;
    for (size_t k = 0; k < nlb; k++) left_b += sb.s[lb[k]].len;
    if (n > DIFF_MAX_SIMILAR || m > DIFF_MAX_SIMILAR || left_a > DIFF_MAX_SIMILAR_BYTES ||
        left_b > DIFF_MAX_SIMILAR_BYTES) {
        out->exact_only = 1;
    } else {
        int cut = 0;
        if (pair_similar(a, &sa, la, nla, b, &sb, lb, nlb, pa, psim, &cut)) goto out;
        if (cut) out->exact_only = 2;
    }
    for (size_t k = 0; k < nlb; k++) pb[k] = NONE;
    size_t npairs = 0;
    for (size_t k = 0; k < nla; k++)
        if (pa[k] != NONE) {
            pb[pa[k]] = k;
            npairs++;
        }

    /* 4. The lists, in text order. */
    out->removed = xcalloc(nla - npairs, sizeof *out->removed);
    out->added = xcalloc(nlb - npairs, sizeof *out->added);
    out->changed = xcalloc(npairs, sizeof *out->changed);
    if (!out->removed || !out->added || !out->changed) goto out;
    for (size_t k = 0; k < nla; k++) {
        if (pa[k] == NONE) {
            if (make_sentence(&out->removed[out->nremoved], a, &sa, la[k])) goto out;
            out->nremoved++;
        } else {
            diff_pair *p = &out->changed[out->nchanged];
            p->similarity = psim[k];
            if (make_sentence(&p->a, a, &sa, la[k])) goto out;
            if (make_sentence(&p->b, b, &sb, lb[pa[k]])) {
                free(p->a.text);
                goto out;
            }
            out->nchanged++;
        }
    }
    for (size_t k = 0; k < nlb; k++)
        if (pb[k] == NONE) {
            if (make_sentence(&out->added[out->nadded], b, &sb, lb[k])) goto out;
            out->nadded++;
        }
    rc = 0;
out:
    if (rc) diff_result_free(out);
    free(sa.s);
    free(sb.s);
    free(in.ida);
    free(in.idb);
    free(ma);
    free(mb);
    free(head);
    free(next);
    free(la);
    free(lb);
    free(pa);
    free(pb);
    free(psim);
    return rc;
}

/* ------------------------------------------------------------ characters */

typedef struct {
    diff_op *v;
    size_t n, cap;
} op_list;

/* Appends a run in code point indices; a run of the same kind right
 * before it is extended instead. */
static int op_push(op_list *l, diff_kind k, size_t a0, size_t a1, size_t b0, size_t b1) {
    if (a0 == a1 && b0 == b1) return 0;
    if (l->n && l->v[l->n - 1].kind == k && l->v[l->n - 1].a1 == a0 && l->v[l->n - 1].b1 == b0) {
        l->v[l->n - 1].a1 = a1;
        l->v[l->n - 1].b1 = b1;
        return 0;
    }
    GROW_OR(l->v, l->cap, l->n, return -1);
    l->v[l->n++] = (diff_op){k, a0, a1, b0, b1};
    return 0;
}

/* Rewrites l so that each stretch between equal runs is at most one
 * DELETE (all of its a range) followed by one INSERT (its b range). A run
 * may be marked DELETE while covering both ranges (a folded equality). */
static int normalize(op_list *l) {
    op_list o = {0};
    size_t k = 0;
    while (k < l->n) {
        if (l->v[k].kind == DIFF_EQUAL) {
            if (op_push(&o, DIFF_EQUAL, l->v[k].a0, l->v[k].a1, l->v[k].b0, l->v[k].b1)) goto fail;
            k++;
            continue;
        }
        size_t a0 = l->v[k].a0, b0 = l->v[k].b0, a1 = a0, b1 = b0;
        while (k < l->n && l->v[k].kind != DIFF_EQUAL) {
            a1 = l->v[k].a1;
            b1 = l->v[k].b1;
            k++;
        }
        if (op_push(&o, DIFF_DELETE, a0, a1, b0, b0)) goto fail;
        if (op_push(&o, DIFF_INSERT, a1, a1, b0, b1)) goto fail;
    }
    free(l->v);
    *l = o;
    return 0;
fail:
    free(o.v);
    return -1;
}

/* Size of the edit made of the non-equal runs ending before / starting at
 * k: the longer of its two sides. */
static size_t edit_size(const op_list *l, size_t from, size_t to) {
    size_t d = 0, i = 0;
    for (size_t k = from; k < to; k++) {
        d += l->v[k].a1 - l->v[k].a0;
        i += l->v[k].b1 - l->v[k].b0;
    }
    return d > i ? d : i;
}

/* Folds an equal run between two edits into them when it is shorter than
 * both (a character or two that happen to match inside a rewritten
 * phrase), until nothing changes. */
static int cleanup(op_list *l) {
    for (;;) {
        int changed = 0;
        for (size_t k = 1; k + 1 < l->n; k++) {
            if (l->v[k].kind != DIFF_EQUAL) continue;
            size_t s = k, e = k + 1;
            while (s > 0 && l->v[s - 1].kind != DIFF_EQUAL) s--;
            while (e < l->n && l->v[e].kind != DIFF_EQUAL) e++;
            size_t eq = l->v[k].a1 - l->v[k].a0;
            if (s < k && e > k + 1 && eq < edit_size(l, s, k) && eq < edit_size(l, k + 1, e)) {
                l->v[k].kind = DIFF_DELETE; /* covers both ranges: normalize splits it */
                changed = 1;
                k = e;
            }
        }
        if (!changed) return 0;
        if (normalize(l)) return -1;
    }
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Decodes s[0..len) into code points (an invalid byte becomes 0x110000 +
 * the byte, so two different invalid bytes never compare equal) and their
 * byte offsets relative to s (n + 1 of them). */
static int decode_cps(const char *s, size_t len, size_t n, uint32_t **cp, size_t **off) {
    *cp = xmalloc(n, sizeof **cp);
    *off = xmalloc(n + 1, sizeof **off);
    if (!*cp || !*off) return -1;
    size_t pos = 0, k = 0;
    while (pos < len) {
        uint32_t c;
        size_t step = u8_decode((const unsigned char *)s + pos, len - pos, &c);
        if (c == 0xFFFD && step == 1) c = 0x110000u + (unsigned char)s[pos];
        (*off)[k] = pos;
        (*cp)[k++] = c;
        pos += step;
    }
    (*off)[k] = len;
    return 0;
}

/* Code points in s[0..len), counting no further than limit + 1. */
static size_t count_cps(const char *s, size_t len, size_t limit) {
    size_t pos = 0, n = 0;
    while (pos < len && n <= limit) {
        uint32_t c;
        pos += u8_decode((const unsigned char *)s + pos, len - pos, &c);
        n++;
    }
    return n;
}

int diff_chars(const char *a, const char *b, diff_op **ops, size_t *nops) {
    *ops = NULL;
    *nops = 0;
    if (!a) a = "";
    if (!b) b = "";
    size_t la = strlen(a), lb = strlen(b);
    /* Common prefix and suffix, in bytes, cut back to a character start
     * (a byte that is not a continuation byte always starts a character:
     * the decoder never swallows one into the sequence before it). Bytes
     * equal here means characters equal, so this is the character trim. */
    size_t p = 0, s = 0;
    while (p < la && p < lb && a[p] == b[p]) p++;
    while (p > 0 && ((p < la && is_cont((unsigned char)a[p])) || (p < lb && is_cont((unsigned char)b[p])))) p--;
    while (s < la - p && s < lb - p && a[la - 1 - s] == b[lb - 1 - s]) s++;
    while (s > 0 && is_cont((unsigned char)a[la - s])) s--;
    const char *ma = a + p, *mb = b + p;
    size_t bn = la - p - s, bm = lb - p - s; /* bytes of the middles */

    int rc = -1;
    op_list l = {0};
    unsigned char *path = NULL;
    uint32_t *xc = NULL, *yc = NULL;
    size_t *xo = NULL, *yo = NULL;
    size_t n = bn ? count_cps(ma, bn, DIFF_MAX_CHARS) : 0, m = bm ? count_cps(mb, bm, DIFF_MAX_CHARS) : 0;
    if (op_push(&l, DIFF_EQUAL, 0, p, 0, p)) goto out;
    if (n && m && n <= DIFF_MAX_CHARS && m <= DIFF_MAX_CHARS) {
        if (decode_cps(ma, bn, n, &xc, &xo) || decode_cps(mb, bm, m, &yc, &yo)) goto out;
        size_t plen;
        if (lcs_path(xc, n, yc, m, &path, &plen)) goto out;
        /* Runs in code point indices of the middles, then in bytes. */
        op_list mid = {0};
        size_t i = 0, j = 0;
        for (size_t k = 0; k < plen; k++) {
            int r;
            if (path[k] == MOVE_EQ)
                r = op_push(&mid, DIFF_EQUAL, i, i + 1, j, j + 1), i++, j++;
            else if (path[k] == MOVE_DEL)
                r = op_push(&mid, DIFF_DELETE, i, i + 1, j, j), i++;
            else
                r = op_push(&mid, DIFF_INSERT, i, i, j, j + 1), j++;
            if (r) {
                free(mid.v);
                goto out;
            }
        }
        if (normalize(&mid) || cleanup(&mid)) {
            free(mid.v);
            goto out;
        }
        for (size_t k = 0; k < mid.n; k++) {
            const diff_op *o = &mid.v[k];
            if (op_push(&l, o->kind, p + xo[o->a0], p + xo[o->a1], p + yo[o->b0], p + yo[o->b1])) {
                free(mid.v);
                goto out;
            }
        }
        free(mid.v);
    } else {
        if (op_push(&l, DIFF_DELETE, p, p + bn, p, p)) goto out;
        if (op_push(&l, DIFF_INSERT, p + bn, p + bn, p, p + bm)) goto out;
    }
    if (op_push(&l, DIFF_EQUAL, la - s, la, lb - s, lb)) goto out;
    *ops = l.v;
    *nops = l.n;
    l.v = NULL;
    rc = 0;
out:
    free(l.v);
    free(path);
    free(xc);
    free(yc);
    free(xo);
    free(yo);
    return rc;
}

/* ------------------------------------------------------------ terms */

/* Each term list split three ways: item pointers into the caller's lists. */
typedef struct {
    const char **only_a, **only_b, **both;
    size_t na, nb, nboth;
} term_split;

typedef struct {
    const char **key;
    size_t *first;
    size_t cap;
} strmap;

/* Maps each distinct string of l to the index of its first occurrence. */
static int strmap_build(strmap *mp, const slist *l) {
    size_t n = l ? l->n : 0;
    mp->cap = pow2_at_least(n * 2 + 1);
    mp->key = xcalloc(mp->cap, sizeof *mp->key);
    mp->first = xmalloc(mp->cap, sizeof *mp->first);
    if (!mp->key || !mp->first) return -1;
    for (size_t i = 0; i < n; i++) {
        const char *s = l->items[i];
        if (!s) continue;
        size_t p = (size_t)fnv(s, strlen(s)) & (mp->cap - 1);
        while (mp->key[p] && strcmp(mp->key[p], s) != 0) p = (p + 1) & (mp->cap - 1);
        if (!mp->key[p]) {
            mp->key[p] = s;
            mp->first[p] = i;
        }
    }
    return 0;
}

static size_t strmap_get(const strmap *mp, const char *s) {
    size_t p = (size_t)fnv(s, strlen(s)) & (mp->cap - 1);
    while (mp->key[p]) {
        if (strcmp(mp->key[p], s) == 0) return mp->first[p];
        p = (p + 1) & (mp->cap - 1);
    }
    return NONE;
}

static void strmap_free(strmap *mp) {
    free(mp->key);
    free(mp->first);
}

static void term_split_free(term_split *t) {
    free(t->only_a);
    free(t->only_b);
    free(t->both);
}

static int split_terms(const slist *ta, const slist *tb, term_split *t) {
    memset(t, 0, sizeof *t);
    size_t n = ta ? ta->n : 0, m = tb ? tb->n : 0;
    strmap ma = {0}, mb = {0};
    int rc = -1;
    t->only_a = xmalloc(n, sizeof *t->only_a);
    t->both = xmalloc(n, sizeof *t->both);
    t->only_b = xmalloc(m, sizeof *t->only_b);
    if (!t->only_a || !t->both || !t->only_b || strmap_build(&ma, ta) || strmap_build(&mb, tb)) goto out;
    for (size_t i = 0; i < n; i++) {
        const char *s = ta->items[i];
        if (!s || strmap_get(&ma, s) != i) continue;
        if (strmap_get(&mb, s) != NONE)
            t->both[t->nboth++] = s;
        else
            t->only_a[t->na++] = s;
    }
    for (size_t j = 0; j < m; j++) {
        const char *s = tb->items[j];
        if (!s || strmap_get(&mb, s) != j) continue;
        if (strmap_get(&ma, s) == NONE) t->only_b[t->nb++] = s;
    }
    rc = 0;
out:
    strmap_free(&ma);
    strmap_free(&mb);
    if (rc) term_split_free(t);
    return rc;
}

/* ------------------------------------------------------------ JSON */

static void json_strs(jw *w, const char *key, const char *const *v, size_t n) {
    jw_key(w, key);
    jw_arr(w);
    for (size_t i = 0; i < n; i++) jw_str(w, v[i]);
    jw_arr_end(w);
}

/* Where a sentence stands: [start, end) in characters of its text. */
static void json_span(jw *w, const diff_sentence *d) {
    jw_arr(w);
    jw_int(w, (long long)d->at);
    jw_int(w, (long long)(d->at + d->chars));
    jw_arr_end(w);
}

/* A changed pair's character operations (diff_chars, the runs the report
 * marks) as runs of characters: ["=", n] in both, ["-", n] in A only,
 * ["+", n] in B only. A reader needs no diff of its own. */
static void json_ops(jw *w, const diff_pair *p) {
    diff_op *ops;
    size_t n;
    jw_key(w, "ops");
    if (diff_chars(p->a.text, p->b.text, &ops, &n)) {
        w->failed = 1;
        return;
    }
    jw_arr(w);
    for (size_t k = 0; k < n; k++) {
        const diff_op *o = &ops[k];
        int in_b = o->kind == DIFF_INSERT;
        size_t x0 = in_b ? o->b0 : o->a0, x1 = in_b ? o->b1 : o->a1;
        jw_arr(w);
        jw_str(w, o->kind == DIFF_EQUAL ? "=" : o->kind == DIFF_DELETE ? "-" : "+");
        jw_int(w, (long long)chars_in((in_b ? p->b.text : p->a.text) + x0, x1 - x0));
        jw_arr_end(w);
    }
    jw_arr_end(w);
    free(ops);
}

/* A sentence's text. */
static void json_text(jw *w, const diff_sentence *d) { jw_strn(w, d->text, d->len); }

/* The three lists of a result under key, each sentence written by one:
 * added (in B), removed (in A), and each changed pair as {"a", "b"}, with
 * the pair's character operations when ops is set. */
static void json_lists(jw *w, const diff_result *r, const char *key, void (*one)(jw *, const diff_sentence *), int ops) {
    jw_key(w, key);
    jw_obj(w);
    jw_key(w, "added");
    jw_arr(w);
    for (size_t i = 0; i < r->nadded; i++) one(w, &r->added[i]);
    jw_arr_end(w);
    jw_key(w, "removed");
    jw_arr(w);
    for (size_t i = 0; i < r->nremoved; i++) one(w, &r->removed[i]);
    jw_arr_end(w);
    jw_key(w, "changed");
    jw_arr(w);
    for (size_t i = 0; i < r->nchanged; i++) {
        jw_obj(w);
        jw_key(w, "a");
        one(w, &r->changed[i].a);
        jw_key(w, "b");
        one(w, &r->changed[i].b);
        if (ops) json_ops(w, &r->changed[i]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_obj_end(w);
}

void diff_write_json(jw *w, const diff_result *r, const slist *terms_a, const slist *terms_b) {
    term_split t;
    if (split_terms(terms_a, terms_b, &t)) {
        w->failed = 1;
        return;
    }
    jw_obj(w);
    jw_key(w, "terms");
    jw_obj(w);
    json_strs(w, "only_a", t.only_a, t.na);
    json_strs(w, "only_b", t.only_b, t.nb);
    json_strs(w, "both", t.both, t.nboth);
    jw_obj_end(w);
    json_lists(w, r, "sentences", json_text, 1);
    json_lists(w, r, "spans", json_span, 0); /* where each sentence stands, list for list */
    jw_obj_end(w);
    term_split_free(&t);
}

/* ------------------------------------------------------------ text */

#define RED_STRIKE "\x1b[31m\x1b[9m"
#define GREEN      "\x1b[32m"
#define RED        "\x1b[31m"
#define RESET      "\x1b[0m"

/* Writes s[0..n) with control characters (a text from anywhere could hold
 * an escape sequence) shown as '?'. */
static void put_text(sbuf *out, const char *s, size_t n) {
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            sbuf_put(out, s + run, i - run);
            sbuf_putc(out, '?');
            run = i + 1;
        }
    }
    sbuf_put(out, s + run, n - run);
}

static void put_terms(sbuf *out, const char *label, const char *const *v, size_t n) {
    sbuf_printf(out, "%s (%zu): ", label, n);
    if (!n) sbuf_puts(out, "(none)");
    for (size_t i = 0; i < n; i++) {
        if (i) sbuf_puts(out, "、");
        put_text(out, v[i], strlen(v[i]));
    }
    sbuf_putc(out, '\n');
}

/* One side of a changed pair: its own text, with the runs only it has
 * (DELETE for A, INSERT for B) marked. */
static void put_side(sbuf *out, const char *s, const diff_op *ops, size_t nops, int side_b, int color) {
    diff_kind mine = side_b ? DIFF_INSERT : DIFF_DELETE;
    for (size_t k = 0; k < nops; k++) {
        const diff_op *o = &ops[k];
        size_t x0 = side_b ? o->b0 : o->a0, x1 = side_b ? o->b1 : o->a1;
        if (o->kind == DIFF_EQUAL) {
            put_text(out, s + x0, x1 - x0);
        } else if (o->kind == mine) {
            sbuf_puts(out, color ? (side_b ? GREEN : RED_STRIKE) : (side_b ? "{+" : "[-"));
            put_text(out, s + x0, x1 - x0);
            sbuf_puts(out, color ? RESET : (side_b ? "+}" : "-]"));
        }
    }
}

int diff_write_text(sbuf *out, const diff_result *r, const slist *terms_a, const slist *terms_b, int color) {
    term_split t;
    if (split_terms(terms_a, terms_b, &t)) return -1;
    put_terms(out, "Formulations only in A", t.only_a, t.na);
    put_terms(out, "Formulations only in B", t.only_b, t.nb);
    put_terms(out, "Formulations in both", t.both, t.nboth);
    term_split_free(&t);
    sbuf_printf(out,
                "\nSentences: %zu in A, %zu in B; %zu same (%zu of them moved), %zu removed, %zu added, %zu changed\n",
                r->na, r->nb, r->nsame, r->nmoved, r->nremoved, r->nadded, r->nchanged);
    if (r->exact_only == 1)
        sbuf_printf(out, "(more than %d sentences or %d MB of unmatched text: exact matching only, no changed pairs)\n",
                    DIFF_MAX_SIMILAR, DIFF_MAX_SIMILAR_BYTES >> 20);
    else if (r->exact_only == 2)
        sbuf_puts(out, "(similarity pairing stopped early: the texts have too much in common to compare all pairs)\n");

    sbuf_printf(out, "\nRemoved (%zu):\n", r->nremoved);
    for (size_t i = 0; i < r->nremoved; i++) {
        sbuf_puts(out, color ? RED "- " : "- ");
        put_text(out, r->removed[i].text, r->removed[i].len);
        sbuf_puts(out, color ? RESET "\n" : "\n");
    }
    sbuf_printf(out, "\nAdded (%zu):\n", r->nadded);
    for (size_t i = 0; i < r->nadded; i++) {
        sbuf_puts(out, color ? GREEN "+ " : "+ ");
        put_text(out, r->added[i].text, r->added[i].len);
        sbuf_puts(out, color ? RESET "\n" : "\n");
    }
    sbuf_printf(out, "\nChanged (%zu):\n", r->nchanged);
    for (size_t i = 0; i < r->nchanged; i++) {
        const diff_pair *p = &r->changed[i];
        diff_op *ops;
        size_t nops;
        if (diff_chars(p->a.text, p->b.text, &ops, &nops)) return -1;
        sbuf_puts(out, "~ A: ");
        put_side(out, p->a.text, ops, nops, 0, color);
        sbuf_puts(out, "\n  B: ");
        put_side(out, p->b.text, ops, nops, 1, color);
        sbuf_putc(out, '\n');
        free(ops);
    }
    return out->err ? -1 : 0;
}
