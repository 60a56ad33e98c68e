/*
 * convert: script conversion, byte-identical to OpenCC.
 *
 * OpenCC converts in two phases, and so do we: the text is first cut into
 * segments by longest match against the configuration's segmentation
 * dictionary (unmatched characters pile up into one segment), then every
 * segment goes through each step of the conversion chain on its own. A step
 * is a group of dictionaries: at each position the first dictionary of the
 * group with any key that prefixes the rest of the segment wins, with its
 * longest such key, and its first value is written; with no match the
 * character is copied. Segment boundaries therefore matter for multi-step
 * configurations, and we keep them.
 *
 * Not for: choosing a configuration or deciding what to convert (clean.c).
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "tifa.h"
#include "convert_tables.h"
#include "utf8.h"
#include "internal.h"
#include "convert.h"

struct tifa_converter {
    const tc_config *config;
};

/* A run of unmatched text longer than this is cut at the next character
 * no dictionary contains (which no key can span), to bound memory. */
#define RUN_SOFT_LIMIT 4096
#define RUN_HARD_LIMIT (1u << 20)
#define OUT_CHUNK      65536

#define FNV_OFFSET 0x811C9DC5u
#define FNV_PRIME  0x01000193u

static const tc_entry *probe(const tc_dict *d, const char *key, size_t n, uint32_t hash) {
    uint32_t h = hash & d->mask;
    for (;;) {
        uint32_t slot = d->slots[h];
        if (!slot) return NULL;
        const tc_entry *e = &d->entries[slot - 1];
        if (e->key_len == n && memcmp(tc_pool + e->key_off, key, n) == 0) return e;
        h = (h + 1) & d->mask;
    }
}

/* The entry whose key is the single character cp: a direct page lookup. */
static const tc_entry *single_entry(const tc_dict *d, uint32_t cp) {
    if (cp >= 0x110000) return NULL;
    uint16_t page = d->page_index[cp >> 8];
    if (!page) return NULL;
    uint16_t e = d->page_data[page - 1][cp & 0xFF];
    return e ? &d->entries[e - 1] : NULL;
}

/* OpenCC steps over one "character" by its lead byte alone; we do the same
 * for valid UTF-8 and step one byte over anything invalid. */
static size_t char_len(const char *s, size_t len, uint32_t *cp) { return u8_decode((const unsigned char *)s, len, cp); }

/* Longest key of d that prefixes s[0..len). The first character (cp, first
 * bytes long) is already decoded. Hashes of all candidate prefixes are
 * computed in one pass, then probed longest first. */
static const tc_entry *match(const tc_dict *d, const char *s, size_t len, uint32_t cp, size_t first) {
    int maxc = d->maxlen[cp & 0xFFF];
    if (maxc >= 2 && first < len) {
        /* Most characters that start a long key are not followed by one's
         * second character: a bigram filter spares the hashing. */
        uint32_t c2;
        char_len(s + first, len - first, &c2);
        uint32_t h = (cp * 31 + c2) & 0xFFFF;
        if (!((d->bigram[h >> 3] >> (h & 7)) & 1)) maxc = 0;
    }
    if (maxc >= 2) {
        uint32_t hashes[32], h = FNV_OFFSET;
        size_t ends[32], pos = 0;
        int n = 0;
        if (maxc > 32) maxc = 32;
        while (n < maxc && pos < len) {
            uint32_t c;
            size_t cl = n == 0 ? first : char_len(s + pos, len - pos, &c);
            for (size_t i = 0; i < cl; i++) h = (h ^ (unsigned char)s[pos + i]) * FNV_PRIME;
            pos += cl;
            ends[n] = pos;
            hashes[n] = h;
            n++;
        }
        uint32_t lengths = d->lenmask[cp & 0xFFF];
        for (int k = n; k >= 2; k--) {
            if (k < 32 && !(lengths >> k & 1)) continue;
            const tc_entry *e = probe(d, s, ends[k - 1], hashes[k - 1]);
            if (e) return e;
        }
    }
    return single_entry(d, cp);
}

/* Output of a step: bytes and, when mapping, each byte's source offset.
 * Not an sbuf (sbuf.h): it carries a map, like a tbuf, and is the
 * innermost loop of cleaning, so it keeps raw offsets (no base to add per
 * byte), writes no NUL per append, and the last step writes straight into
 * the target tbuf's storage. */
typedef struct {
    char *data;
    uint32_t *src;
    size_t len, cap;
    int mapped;
} mapbuf;

static int mapbuf_grow(mapbuf *b, size_t n);

static inline int mapbuf_put(mapbuf *b, const char *s, size_t n, uint32_t src) {
    if (b->len + n > b->cap && mapbuf_grow(b, n)) return -1;
    if (n <= 4) {
        /* Most values are one character: skip the library call. */
        for (size_t i = 0; i < n; i++) b->data[b->len + i] = s[i];
    } else {
        memcpy(b->data + b->len, s, n);
    }
    if (b->mapped)
        for (size_t i = 0; i < n; i++) b->src[b->len + i] = src;
    b->len += n;
    return 0;
}

static int mapbuf_grow(mapbuf *b, size_t n) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) return -1;
    b->data = p;
    if (b->mapped) {
        uint32_t *m = realloc(b->src, cap * sizeof *m);
        if (!m) return -1;
        b->src = m;
    }
    b->cap = cap;
    return 0;
}

/* Appends n bytes keeping each one's own source offset. */
static int mapbuf_put_mapped(mapbuf *b, const char *s, const uint32_t *src, size_t n) {
    size_t at = b->len;
    if (mapbuf_put(b, s, n, 0)) return -1;
    memcpy(b->src + at, src, n * sizeof *src);
    return 0;
}

typedef struct {
    const tc_config *config;
    mapbuf scratch[2];
    mapbuf out;
    tifa_write_fn write; /* NULL when converting into a tbuf */
    void *user;
    tbuf *target;
    int direct; /* out is the target's own storage: nothing to flush */
    int failed; /* 1 = no memory, 2 = sink refused */
} conv_state;

/* One step of the chain over s[0..n); src (may be NULL) maps its bytes. */
static void apply_step(const tc_step *step, const char *s, const uint32_t *src, size_t n, mapbuf *dst, int *failed) {
    size_t pos = 0;
    while (pos < n) {
        const tc_entry *e = NULL;
        uint32_t cp;
        size_t cl = char_len(s + pos, n - pos, &cp);
        for (int g = 0; g < step->ndicts && !e; g++) e = match(&tc_dicts[step->dicts[g]], s + pos, n - pos, cp, cl);
        uint32_t at = src ? src[pos] : 0;
        if (e) {
            if (mapbuf_put(dst, tc_pool + e->val_off, e->val_len, at)) *failed = 1;
            pos += e->key_len;
        } else {
            if (mapbuf_put(dst, s + pos, cl, at)) *failed = 1;
            pos += cl;
        }
    }
}

static void flush_out(conv_state *st, int force) {
    if (st->failed || st->direct) return;
    if (st->out.len && (force || st->out.len >= OUT_CHUNK)) {
        if (st->write) {
            if (st->write(st->user, st->out.data, st->out.len)) st->failed = 2;
        } else {
            tbuf *t = st->target;
            if (tbuf_reserve(t, st->out.len)) {
                st->failed = 1;
            } else {
                memcpy(t->s + t->len, st->out.data, st->out.len);
                memcpy(t->src + t->len, st->out.src, st->out.len * sizeof *t->src);
                t->len += st->out.len;
                t->s[t->len] = 0;
            }
        }
        st->out.len = 0;
    }
}

static void emit_segment(conv_state *st, const char *s, const uint32_t *src, size_t n) {
    if (!n || st->failed) return;
    const char *cur = s;
    const uint32_t *cur_src = src;
    size_t cur_len = n;
    int nsteps = st->config->nsteps;
    for (int i = 0; i < nsteps; i++) {
        mapbuf *dst = (i == nsteps - 1) ? &st->out : &st->scratch[i & 1];
        if (dst != &st->out) dst->len = 0;
        apply_step(&st->config->steps[i], cur, cur_src, cur_len, dst, &st->failed);
        cur = dst->data;
        cur_src = dst->src;
        cur_len = dst->len;
    }
    flush_out(st, 0);
}

static int in_alphabet(uint32_t cp) {
    if (cp >= 0x40000) return 1;
    return (tc_alphabet[cp >> 3] >> (cp & 7)) & 1;
}

size_t tifa_convert_safe_prefix(const char *text, size_t len) {
    /* Walk back to the last character start, then back over characters
     * until one that no dictionary contains. */
    size_t end = len;
    while (end > 0) {
        size_t start = end - 1;
        while (start > 0 && end - start < 4 && ((unsigned char)text[start] & 0xC0) == 0x80) start--;
        uint32_t cp;
        size_t cl = char_len(text + start, len - start, &cp);
        if (start + cl != end) {
            /* A cut or broken sequence at the end: keep it for the next round. */
            end = start;
            continue;
        }
        if (!in_alphabet(cp) && !(cp == 0xFFFD && cl == 1)) return end;
        end = start;
    }
    return 0;
}

/* Single-step configurations whose first dictionary is the segmentation
 * dictionary, the others holding single characters only (t2s, s2t, tw2t,
 * hk2t, t2tw, t2hk, t2jp) are converted in one pass; the generator marks
 * them with a merged one-character table. Exact: inside an unmatched run
 * the segmentation dictionary never matches, and a one-character key cannot
 * reach across a segment boundary. */
#define FUSED_MULTI 0x80000000u

static inline uint64_t fused_value(const tc_config *c, uint32_t cp) {
    if (cp >= 0x110000) return 0;
    uint16_t page = c->fused_index[cp >> 8];
    return page ? c->fused_data[page - 1][cp & 0xFF] : 0;
}

static inline const tc_entry *fused_single(uint64_t v) {
    uint32_t ref = (uint32_t)v & ~FUSED_MULTI;
    return ref ? &tc_dicts[ref >> 16].entries[(ref & 0xFFFF) - 1] : NULL;
}

static inline size_t utf8_len_of_lead(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

/* The common case of the loop below: a valid three-byte character. */
static inline size_t next_char(const char *s, size_t len, uint32_t *cp) {
    const unsigned char *b = (const unsigned char *)s;
    if (len >= 3 && (b[0] & 0xF0) == 0xE0 && (b[1] & 0xC0) == 0x80 && (b[2] & 0xC0) == 0x80) {
        uint32_t c = ((uint32_t)(b[0] & 0x0F) << 12) | ((uint32_t)(b[1] & 0x3F) << 6) | (b[2] & 0x3F);
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
            *cp = c;
            return 3;
        }
    }
    return char_len(s, len, cp);
}

/* The hot loop of one-pass conversion works from the configuration's flat
 * table (see convert_tables.h): one load gives the bytes to write. */
#define FAST_LEN(e)  (((e) >> 24) & 3)
#define FAST_MULTI   0x40000000u
#define FAST_SLOW    0x80000000u

static inline uint32_t load_le32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void store_le32(unsigned char *p, uint32_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(p, &v, 4); /* one store (byte stores get vectorised oddly) */
#else
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
#endif
}

/* A character that may start a longer key: does the bigram filter of
 * match() rule that out with the character at q? Answers "no" (0) when it
 * cannot tell cheaply, and the slow path decides. */
static inline int no_longer_key(const tc_dict *seg, uint32_t cp, const unsigned char *s, size_t q, size_t end) {
    if (q + 3 > end) return 0;
    uint32_t c0 = s[q], c2;
    if (c0 < 0x80) {
        c2 = c0;
    } else if ((c0 & 0xF0) == 0xE0 && (s[q + 1] & 0xC0) == 0x80 && (s[q + 2] & 0xC0) == 0x80) {
        c2 = ((c0 & 0x0F) << 12) | ((uint32_t)(s[q + 1] & 0x3F) << 6) | (s[q + 2] & 0x3F);
        if (c2 < 0x800 || (c2 >= 0xD800 && c2 <= 0xDFFF)) return 0;
    } else {
        return 0;
    }
    uint32_t h = (cp * 31 + c2) & 0xFFFF;
    return !((seg->bigram[h >> 3] >> (h & 7)) & 1);
}

/* Converts from pos while every character is one the flat table settles:
 * valid UTF-8 of one to three bytes whose entry is not marked slow, and
 * that starts no longer key the bigram filter lets through. Writes into o
 * from *on on; a value is never longer than its key, and a write is 4
 * bytes wide, so o needs room for end - pos + 4 more bytes. Stops within
 * 4 bytes of end, or at the first character the slow path must decide;
 * returns where. */
static size_t fast_span(const tc_config *c, const unsigned char *s, size_t pos, size_t end, unsigned char *o,
                        size_t *on) {
    const uint32_t *fast = c->fast;
    const tc_dict *seg = &tc_dicts[c->segmentation];
    size_t n = *on;
    if (end - pos < 4) return pos;
    const size_t lim = end - 3;
    while (pos < lim) {
        uint32_t w = load_le32(s + pos), cp, e;
        size_t k;
        if ((w & 0xC0C0F0) == 0x8080E0) {
            /* Most characters: three bytes, checked in one test, with a
             * path of their own. A surrogate's entry is marked slow. */
            cp = ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F);
            if (cp < 0x800) break; /* overlong */
            e = fast[cp];
            if (e >= FAST_MULTI && ((e & FAST_SLOW) || !no_longer_key(seg, cp, s, pos + 3, end))) break;
            store_le32(o + n, e);
            n += FAST_LEN(e);
            pos += 3;
            continue;
        }
        if ((w & 0x80) == 0) {
            cp = w & 0x7F;
            k = 1;
        } else if ((w & 0xC0E0) == 0x80C0 && (w & 0x1E) != 0) {
            cp = ((w & 0x1F) << 6) | ((w >> 8) & 0x3F);
            k = 2;
        } else {
            break;
        }
        e = fast[cp];
        if (e >= FAST_MULTI && ((e & FAST_SLOW) || !no_longer_key(seg, cp, s, pos + k, end))) break;
        store_le32(o + n, e);
        n += FAST_LEN(e);
        pos += k;
    }
    *on = n;
    return pos;
}

static void run_fused(conv_state *st, const char *text, const uint32_t *src, size_t len) {
    const tc_config *c = st->config;
    const tc_dict *seg = &tc_dicts[c->segmentation];
    mapbuf *out = &st->out;
    size_t pos = 0;
    while (pos < len && !st->failed) {
        if (!src && c->fast) {
            size_t block = len - pos < OUT_CHUNK ? len - pos : OUT_CHUNK;
            if (out->len + block + 4 > out->cap && mapbuf_grow(out, block + 4)) {
                st->failed = 1;
                break;
            }
            size_t n = out->len;
            pos = fast_span(c, (const unsigned char *)text, pos, pos + block, (unsigned char *)out->data, &n);
            out->len = n;
            if (out->len >= OUT_CHUNK) flush_out(st, 0);
            if (pos >= len) break;
        }
        uint32_t cp;
        size_t cl = next_char(text + pos, len - pos, &cp);
        uint64_t v = fused_value(c, cp);
        const tc_entry *e = NULL;
        if (v & FUSED_MULTI) e = match(seg, text + pos, len - pos, cp, cl);
        if (!e && (v >> 32) && !out->mapped) {
            /* One character to one character, the value inline: no lookup. */
            uint32_t bytes = (uint32_t)(v >> 32);
            size_t n = utf8_len_of_lead((unsigned char)bytes);
            if (out->len + 4 > out->cap && mapbuf_grow(out, 4)) {
                st->failed = 1;
                break;
            }
            memcpy(out->data + out->len, &bytes, 4); /* little-endian: bytes in order */
            out->len += n;
            pos += cl;
            if (out->len >= OUT_CHUNK) flush_out(st, 0);
            continue;
        }
        if (!e) e = fused_single(v);
        if (e) {
            if (mapbuf_put(out, tc_pool + e->val_off, e->val_len, src ? src[pos] : 0)) st->failed = 1;
            pos += e->key_len;
            if (out->len >= OUT_CHUNK) flush_out(st, 0);
            continue;
        }
        /* Copy the run of characters no dictionary changes in one go. */
        size_t end = pos + cl;
        while (end < len) {
            uint32_t c2;
            size_t k = next_char(text + end, len - end, &c2);
            if (fused_value(c, c2)) break;
            end += k;
        }
        if (src) {
            if (mapbuf_put_mapped(out, text + pos, src + pos, end - pos)) st->failed = 1;
        } else if (mapbuf_put(out, text + pos, end - pos, 0)) {
            st->failed = 1;
        }
        pos = end;
        if (out->len >= OUT_CHUNK) flush_out(st, 0);
    }
    flush_out(st, 1);
    if (!st->direct) {
        free(st->out.data);
        free(st->out.src);
    }
}

static void run(conv_state *st, const char *text, const uint32_t *src, size_t len) {
    if (st->config->fused_index) {
        run_fused(st, text, src, len);
        return;
    }
    const tc_dict *seg = &tc_dicts[st->config->segmentation];
    size_t pos = 0, run = 0;
    while (pos < len && !st->failed) {
        uint32_t cp;
        size_t cl = char_len(text + pos, len - pos, &cp);
        const tc_entry *e = match(seg, text + pos, len - pos, cp, cl);
        if (e) {
            emit_segment(st, text + run, src ? src + run : NULL, pos - run);
            emit_segment(st, text + pos, src ? src + pos : NULL, e->key_len);
            pos += e->key_len;
            run = pos;
            continue;
        }
        pos += cl;
        size_t run_len = pos - run;
        if ((run_len >= RUN_SOFT_LIMIT && !in_alphabet(cp)) || run_len >= RUN_HARD_LIMIT) {
            emit_segment(st, text + run, src ? src + run : NULL, run_len);
            run = pos;
        }
    }
    emit_segment(st, text + run, src ? src + run : NULL, pos - run);
    flush_out(st, 1);
    for (int i = 0; i < 2; i++) {
        free(st->scratch[i].data);
        free(st->scratch[i].src);
    }
    if (!st->direct) {
        free(st->out.data);
        free(st->out.src);
    }
}

tifa_status tifa_convert(const tifa_converter *conv, const char *text, size_t len, tifa_write_fn write, void *user,
                         tifa_error *err) {
    conv_state st = {.config = conv->config, .write = write, .user = user};
    run(&st, text, NULL, len);
    if (st.failed == 1) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (st.failed == 2) return tifa_fail(err, TIFA_ESINK, 0, "output could not be written");
    return TIFA_OK;
}

int convert_tbuf(const tifa_converter *conv, const tbuf *in, tbuf *out) {
    conv_state st = {.config = conv->config, .target = out};
    int mapped = in->src != NULL && !out->unmapped;
    st.scratch[0].mapped = st.scratch[1].mapped = mapped;
    /* Maps are relative to the window; both buffers share its base. */
    out->base = in->base;
    /* The last step writes straight into out's storage. */
    st.out = (mapbuf){out->s, out->src, out->len, out->cap, mapped};
    st.direct = 1;
    run(&st, in->s, mapped ? in->src : NULL, in->len);
    out->s = st.out.data;
    out->src = st.out.src;
    out->len = st.out.len;
    out->cap = st.out.cap;
    if (!st.failed && tbuf_reserve(out, 0)) st.failed = 1;
    if (out->s) out->s[out->len] = 0;
    return st.failed ? -1 : 0;
}

tifa_status tifa_converter_new(const char *name, tifa_converter **out, tifa_error *err) {
    *out = NULL;
    size_t n = strlen(name);
    if (n > 5 && strcmp(name + n - 5, ".json") == 0) n -= 5;
    for (int i = 0; i < tc_nconfigs; i++) {
        if (strlen(tc_configs[i].name) == n && strncmp(tc_configs[i].name, name, n) == 0) {
            tifa_converter *c = malloc(sizeof *c);
            if (!c) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
            c->config = &tc_configs[i];
            *out = c;
            return TIFA_OK;
        }
    }
    return tifa_fail(err, TIFA_EUSAGE, 0, "unknown conversion configuration '%s'", name);
}

void tifa_converter_free(tifa_converter *conv) { free(conv); }
int tifa_converter_count(void) { return tc_nconfigs; }
const char *tifa_converter_name(int index) { return index >= 0 && index < tc_nconfigs ? tc_configs[index].name : NULL; }

static int changes(const tc_dict *d, uint32_t cp) {
    char buf[4];
    size_t n = u8_encode(cp, buf);
    const tc_entry *e = single_entry(d, cp);
    return e && (e->val_len != n || memcmp(tc_pool + e->val_off, buf, n) != 0);
}

int convert_char_script(uint32_t cp) {
    if (!is_han(cp)) return 0;
    const tc_dict *ts = &tc_dicts[tc_index_TSCharacters], *st = &tc_dicts[tc_index_STCharacters];
    int trad = changes(ts, cp), simp = changes(st, cp);
    return trad && !simp ? 1 : simp && !trad ? -1 : 0;
}

size_t convert_first_safe_point(const char *text, size_t from, size_t to) {
    size_t pos = from;
    while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80) pos--;
    while (pos < to) {
        uint32_t cp;
        size_t cl = char_len(text + pos, to - pos, &cp);
        pos += cl;
        if (pos > from && !in_alphabet(cp) && !(cp == 0xFFFD && cl == 1)) return pos;
    }
    return 0;
}

uint32_t convert_char_t2s(uint32_t cp) {
    const tc_entry *e = single_entry(&tc_dicts[tc_index_TSCharacters], cp);
    if (!e) return cp;
    uint32_t out;
    size_t n = u8_decode((const unsigned char *)tc_pool + e->val_off, e->val_len, &out);
    return n == e->val_len ? out : cp; /* only one-character values */
}
