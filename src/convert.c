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
#define OUT_CHUNK 65536

static uint32_t fnv1a(const char *s, size_t n) {
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x01000193u;
    }
    return h;
}

static const tc_entry *lookup(const tc_dict *d, const char *key, size_t n) {
    uint32_t h = fnv1a(key, n) & d->mask;
    for (;;) {
        uint32_t slot = d->slots[h];
        if (!slot) return NULL;
        const tc_entry *e = &d->entries[slot - 1];
        if (e->key_len == n && memcmp(tc_pool + e->key_off, key, n) == 0) return e;
        h = (h + 1) & d->mask;
    }
}

static int bit(const uint8_t *map, uint32_t cp) {
    cp &= 0xFFFF;
    return (map[cp >> 3] >> (cp & 7)) & 1;
}

/* OpenCC steps over one "character" by its lead byte alone; we do the same
 * for valid UTF-8 and step one byte over anything invalid. */
static size_t char_len(const char *s, size_t len, uint32_t *cp) {
    return u8_decode((const unsigned char *)s, len, cp);
}

/* Longest key of d that prefixes s[0..len); returns its entry or NULL. */
static const tc_entry *match(const tc_dict *d, const char *s, size_t len) {
    uint32_t cp;
    size_t first = char_len(s, len, &cp);
    if (bit(d->multi, cp)) {
        size_t ends[32];
        int n = 0;
        size_t pos = 0;
        while (n < d->max_chars && n < 32 && pos < len) {
            uint32_t c;
            pos += char_len(s + pos, len - pos, &c);
            ends[n++] = pos;
        }
        for (int k = n; k >= 2; k--) {
            const tc_entry *e = lookup(d, s, ends[k - 1]);
            if (e) return e;
        }
    }
    if (bit(d->single, cp)) return lookup(d, s, first);
    return NULL;
}

/* Output of a step: bytes and, when mapping, each byte's source offset. */
typedef struct {
    char *data;
    uint32_t *src;
    size_t len, cap;
    int mapped;
} sbuf;

static int sbuf_put(sbuf *b, const char *s, size_t n, uint32_t src) {
    if (b->len + n > b->cap) {
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
    }
    memcpy(b->data + b->len, s, n);
    if (b->mapped)
        for (size_t i = 0; i < n; i++) b->src[b->len + i] = src;
    b->len += n;
    return 0;
}

typedef struct {
    const tc_config *config;
    sbuf scratch[2];
    sbuf out;
    tifa_write_fn write; /* NULL when converting into a tbuf */
    void *user;
    tbuf *target;
    int failed; /* 1 = no memory, 2 = sink refused */
} conv_state;

/* One step of the chain over s[0..n); src (may be NULL) maps its bytes. */
static void apply_step(const tc_step *step, const char *s, const uint32_t *src, size_t n, sbuf *dst,
                       int *failed) {
    size_t pos = 0;
    while (pos < n) {
        const tc_entry *e = NULL;
        for (int g = 0; g < step->ndicts && !e; g++)
            e = match(&tc_dicts[step->dicts[g]], s + pos, n - pos);
        uint32_t at = src ? src[pos] : 0;
        if (e) {
            if (sbuf_put(dst, tc_pool + e->val_off, e->val_len, at)) *failed = 1;
            pos += e->key_len;
        } else {
            uint32_t cp;
            size_t cl = char_len(s + pos, n - pos, &cp);
            if (sbuf_put(dst, s + pos, cl, at)) *failed = 1;
            pos += cl;
        }
    }
}

static void flush_out(conv_state *st, int force) {
    if (st->failed) return;
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
        sbuf *dst = (i == nsteps - 1) ? &st->out : &st->scratch[i & 1];
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
    size_t pos = 0, safe = 0;
    while (pos < len) {
        uint32_t cp;
        size_t cl = char_len(text + pos, len - pos, &cp);
        if (cp == 0xFFFD && cl == 1 && len - pos < 4) break; /* maybe truncated */
        pos += cl;
        if (!in_alphabet(cp)) safe = pos;
    }
    return safe;
}

static void run(conv_state *st, const char *text, const uint32_t *src, size_t len) {
    const tc_dict *seg = &tc_dicts[st->config->segmentation];
    size_t pos = 0, run = 0;
    while (pos < len && !st->failed) {
        const tc_entry *e = match(seg, text + pos, len - pos);
        if (e) {
            emit_segment(st, text + run, src ? src + run : NULL, pos - run);
            emit_segment(st, text + pos, src ? src + pos : NULL, e->key_len);
            pos += e->key_len;
            run = pos;
            continue;
        }
        uint32_t cp;
        pos += char_len(text + pos, len - pos, &cp);
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
    free(st->out.data);
    free(st->out.src);
}

tifa_status tifa_convert(const tifa_converter *conv, const char *text, size_t len,
                         tifa_write_fn write, void *user, tifa_error *err) {
    conv_state st = {.config = conv->config, .write = write, .user = user};
    run(&st, text, NULL, len);
    if (st.failed == 1) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (st.failed == 2) return tifa_fail(err, TIFA_ESINK, 0, "output could not be written");
    return TIFA_OK;
}

int convert_tbuf(const tifa_converter *conv, const tbuf *in, tbuf *out) {
    conv_state st = {.config = conv->config, .target = out};
    st.scratch[0].mapped = st.scratch[1].mapped = st.out.mapped = 1;
    /* Maps are relative to the window; both buffers share its base. */
    out->base = in->base;
    run(&st, in->s, in->src, in->len);
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
const char *tifa_converter_name(int index) {
    return index >= 0 && index < tc_nconfigs ? tc_configs[index].name : NULL;
}

static const tc_dict *dict_named(const char *name) {
    for (int i = 0; i < tc_ndicts; i++)
        if (strcmp(tc_dicts[i].name, name) == 0) return &tc_dicts[i];
    return NULL;
}

static int changes(const tc_dict *d, uint32_t cp) {
    char buf[4];
    size_t n = u8_encode(cp, buf);
    const tc_entry *e = d ? lookup(d, buf, n) : NULL;
    return e && (e->val_len != n || memcmp(tc_pool + e->val_off, buf, n) != 0);
}

int convert_char_script(uint32_t cp) {
    if (!is_han(cp)) return 0;
    int trad = changes(dict_named("TSCharacters"), cp), simp = changes(dict_named("STCharacters"), cp);
    return trad && !simp ? 1 : simp && !trad ? -1 : 0;
}
