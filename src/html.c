/*
 * html: a saved web page to the text of its article, plus the page's
 * metadata (title, time, source, editor, canonical URL).
 *
 *   bytes → charset (declared, else detected) → decoded page → gumbo tree
 *         → lines of visible text with their block owners → main block
 *         → title line + the block's lines, each byte mapped into the page
 *
 * The main block is the element whose subtree holds the most article-like
 * text and the least noise: every visible line counts as content (it has
 * Chinese sentence punctuation and few links) or as noise (link lists,
 * short unpunctuated labels, anything under nav/footer/share/comment...),
 * and the element with the largest content minus noise wins, article-like
 * class names (content, article, TRS_Editor, detail...) breaking ties
 * upwards. This is a maximum-subtree-sum, so the block found is the
 * tightest one that holds the text.
 *
 * gumbo 0.10 recurses when it frees its tree and scans its stack of open
 * elements for every tag, so nesting is capped (cap_nesting) before
 * parsing, the tree is walked here with an explicit stack and freed at
 * once with the arena it was built in.
 *
 * Not for: cleaning the text (the cleaner takes it from here).
 */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <gumbo.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html.h"
#include "utf8.h"

#define MAX_DEPTH 400 /* open elements gumbo is allowed to see */

/* ------------------------------------------------------------ sniffing */

static int prefix_ci(const char *s, size_t len, const char *w) {
    size_t n = strlen(w);
    return len >= n && strncasecmp(s, w, n) == 0;
}

int html_sniff(const char *bytes, size_t len) {
    if (!bytes || !len) return 0;
    size_t i = 0;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
    const char *s = bytes + i;
    size_t n = len - i;
    static const char *const openers[] = {"<!doctype html", "<html", "<head", "<meta", "<body", "<?xml", "<!--"};
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++) {
        if (!prefix_ci(s, n, openers[k])) continue;
        if (k < 5) return 1;
        /* An XML declaration or a comment first: HTML if <html follows soon. */
        for (size_t j = 0; j + 5 <= n && j < 4096; j++)
            if (prefix_ci(s + j, n - j, "<html")) return 1;
        return 0;
    }
    /* A fragment: it must open with a tag and be dense with common ones. */
    if (n == 0 || s[0] != '<') return 0;
    static const char *const tags[] = {"<div", "<p>", "<p ", "<br", "<span", "<a ", "<table", "<td", "<li", "</"};
    size_t hits = 0;
    for (size_t j = 0; j < n && j < 8192; j++) {
        if (s[j] != '<') continue;
        for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++)
            if (prefix_ci(s + j, n - j, tags[k])) {
                hits++;
                break;
            }
    }
    return hits >= 8;
}

/* ------------------------------------------------------------ charset */

/* The charset a <meta> near the start declares; AUTO when none is known. */
static tifa_encoding declared_charset(const char *b, size_t len) {
    size_t lim = len < 16384 ? len : 16384;
    for (size_t i = 0; i + 5 < lim; i++) {
        if (b[i] != '<' || !prefix_ci(b + i, lim - i, "<meta")) continue;
        size_t end = i;
        while (end < lim && b[end] != '>') end++;
        for (size_t j = i; j + 7 < end; j++) {
            if (!prefix_ci(b + j, end - j, "charset")) continue;
            size_t k = j + 7;
            while (k < end && (b[k] == ' ' || b[k] == '=' || b[k] == '"' || b[k] == '\'')) k++;
            char name[32];
            size_t n = 0;
            while (k < end && n + 1 < sizeof name && (isalnum((unsigned char)b[k]) || b[k] == '-' || b[k] == '_'))
                name[n++] = b[k++];
            name[n] = 0;
            tifa_encoding enc;
            if (prefix_ci(name, n, "x-")) memmove(name, name + 2, n - 1);
            if (prefix_ci(name, n, "big5")) return TIFA_ENC_BIG5; /* big5-hkscs */
            /* A page saved as UTF-8 often still says utf-16: only a BOM
             * is believed for UTF-16. */
            if (prefix_ci(name, n, "utf-16")) return TIFA_ENC_AUTO;
            if (n && tifa_encoding_parse(name, &enc) == TIFA_OK) return enc;
            return TIFA_ENC_AUTO;
        }
    }
    return TIFA_ENC_AUTO;
}

/* Decodes the page: a BOM first; then the declared charset, unless the
 * start of the page is valid UTF-8 with non-ASCII text in it (a page
 * re-saved as UTF-8 keeps its old gb2312 declaration) or another encoding
 * decodes it with fewer errors; detection when nothing is declared. */
static tifa_status decode_page(const char *bytes, size_t len, tifa_encoding enc, char **out, size_t *out_len,
                               tifa_encoding *used, uint64_t *invalid, tifa_error *err) {
    if (enc != TIFA_ENC_AUTO) return tifa_decode(bytes, len, enc, out, out_len, used, invalid, err);
    size_t sample = len < 65536 ? len : 65536;
    tifa_encoding guess = tifa_detect_encoding(bytes, sample);
    int bom = len >= 2 && ((unsigned char)bytes[0] == 0xFF || (unsigned char)bytes[0] == 0xFE ||
                           (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0));
    tifa_encoding declared = bom ? TIFA_ENC_AUTO : declared_charset(bytes, len);
    int high = 0;
    for (size_t i = 0; i < sample && !high; i++) high = (unsigned char)bytes[i] >= 0x80;
    if (declared == TIFA_ENC_AUTO || (guess == TIFA_ENC_UTF8 && high))
        return tifa_decode(bytes, len, guess, out, out_len, used, invalid, err);
    tifa_status st = tifa_decode(bytes, len, declared, out, out_len, used, invalid, err);
    if (st != TIFA_OK || *invalid == 0 || guess == declared) return st;
    char *o2;
    size_t l2;
    tifa_encoding u2;
    uint64_t inv2;
    if (tifa_decode(bytes, len, guess, &o2, &l2, &u2, &inv2, NULL) != TIFA_OK) return TIFA_OK;
    if (inv2 >= *invalid) {
        tifa_free(o2);
        return TIFA_OK;
    }
    tifa_free(*out);
    *out = o2;
    *out_len = l2;
    *used = u2;
    *invalid = inv2;
    return TIFA_OK;
}

/* ------------------------------------------------------- nesting cap */

static const char *const void_tags[] = {"area",  "base",  "br",     "col",   "embed",    "hr",
                                        "img",   "input", "link",   "meta",  "param",    "source",
                                        "track", "wbr",   "keygen", "frame", "basefont", "bgsound"};
/* Elements whose end tag may be left out: a new one closes the old. */
static const char *const optional_end[] = {"p",  "li", "dt", "dd",       "option", "optgroup",
                                           "tr", "td", "th", "tbody",    "thead",  "tfoot",
                                           "rb", "rt", "rp", "colgroup", "caption"};
static const char *const raw_text[] = {"script", "style",   "textarea", "title",    "xmp",
                                       "iframe", "noembed", "noframes", "plaintext"};

static int in_list(const char *name, size_t n, const char *const *list, size_t count) {
    int c0 = tolower((unsigned char)name[0]);
    for (size_t i = 0; i < count; i++)
        if (list[i][0] == c0 && strlen(list[i]) == n && strncasecmp(name, list[i], n) == 0) return 1;
    return 0;
}
#define IN(name, n, list) in_list(name, n, list, sizeof list / sizeof list[0])

static void blank(char *s, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (s[i] != '\n') s[i] = ' ';
}

/* Blanks (keeping every offset) the tags that would open elements deeper
 * than MAX_DEPTH, and as many stray end tags, so gumbo never holds a deep
 * stack. A rough tokenizer is enough: a page it misjudges loses tags, not
 * text, and only past MAX_DEPTH. */
static void cap_nesting(char *s, size_t len) {
    uint32_t stack[MAX_DEPTH]; /* hashes of the open element names */
    size_t depth = 0, excess = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        /* memchr, not a byte loop: this scan ran as long as gumbo's lexer
         * on the text between tags. */
        const char *lt = memchr(s + i, '<', len - 1 - i);
        if (!lt) return;
        i = (size_t)(lt - s);
        if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            char *e = memmem(s + i + 4, len - i - 4, "-->", 3);
            if (!e) return;
            i = (size_t)(e - s) + 2;
            continue;
        }
        int closing = s[i + 1] == '/';
        size_t a = i + 1 + (size_t)closing, b = a;
        if (b >= len || !isalpha((unsigned char)s[b])) continue;
        while (b < len && (isalnum((unsigned char)s[b]) || s[b] == '-' || s[b] == ':')) b++;
        char *gt = memchr(s + b, '>', len - b);
        if (!gt) return;
        size_t end = (size_t)(gt - s) + 1, n = b - a;
        uint32_t h = 2166136261u;
        for (size_t k = a; k < b; k++) h = (h ^ (uint32_t)tolower((unsigned char)s[k])) * 16777619u;
        if (closing) {
            size_t k = depth;
            while (k > 0 && depth - k < 64 && stack[k - 1] != h) k--;
            if (k > 0 && stack[k - 1] == h)
                depth = k - 1;
            else if (excess) {
                blank(s, i, end);
                excess--;
            }
        } else if (IN(s + a, n, raw_text)) {
            /* Raw text runs to its own end tag; nothing inside is a tag. */
            size_t k = end;
            while (k + 2 + n <= len) {
                const char *close = memchr(s + k, '<', len - n - 1 - k);
                if (!close) {
                    k = len - n - 1; /* where a byte loop would stop */
                    break;
                }
                k = (size_t)(close - s);
                if (s[k + 1] == '/' && strncasecmp(s + k + 2, s + a, n) == 0) break;
                k++;
            }
            end = k;
        } else if (!IN(s + a, n, void_tags) && !IN(s + a, n, optional_end) && gt[-1] != '/') {
            if (depth < MAX_DEPTH)
                stack[depth++] = h;
            else {
                blank(s, i, end);
                excess++;
            }
        }
        i = end - 1;
    }
}

/* ------------------------------------------------------- compaction */

/* What gumbo is given: the page without script and style contents,
 * comments and runs of whitespace (a third or more of a news page, and
 * most of gumbo's time), with a table to carry its offsets back. */
typedef struct {
    char *s;
    size_t len;
    size_t *at, *shift; /* from compact offset at[k] on, add shift[k] */
    size_t n, cap;
} compact;

static int cut(compact *c, size_t removed_before) {
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        size_t *a = realloc(c->at, cap * sizeof *a);
        if (!a) return -1;
        c->at = a;
        size_t *sh = realloc(c->shift, cap * sizeof *sh);
        if (!sh) return -1;
        c->shift = sh;
        c->cap = cap;
    }
    c->at[c->n] = c->len;
    c->shift[c->n] = removed_before;
    c->n++;
    return 0;
}

static size_t skip_raw(const char *s, size_t len, size_t i, const char *name) {
    /* From the end of <name ...>, to the start of </name. */
    size_t n = strlen(name);
    for (; i + 2 + n <= len; i++) {
        const char *lt = memchr(s + i, '<', len - n - 1 - i); /* scripts are long */
        if (!lt) break;
        i = (size_t)(lt - s);
        if (s[i + 1] == '/' && strncasecmp(s + i + 2, name, n) == 0) return i;
    }
    return len;
}

/* Attributes the walk reads; the rest (src, data-*, on*, ...) are cut. */
static const char *const kept_attrs[] = {"class",    "id",       "style",   "hidden",  "aria-hidden", "rel", "name",
                                         "property", "itemprop", "content", "charset", "http-equiv",  "href"};

static int is_attr_space(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f'; }

static int removed(compact *c, size_t n) { return cut(c, (c->n ? c->shift[c->n - 1] : 0) + n); }

/* Whether a style value, as is_hidden reads it (its first 127 characters
 * other than spaces, in lower case), says display:none. A value gumbo would
 * not pass on byte for byte (an entity, a carriage return, a NUL, UTF-8
 * that might be invalid) counts as hiding, so that it is kept whole; so
 * does a '>', which ends the tag where gumbo reads it as a bogus comment
 * (<?php ... ?>). */
static int style_may_hide(const char *v, size_t n) {
    char c[128];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)v[i];
        if (ch == '&' || ch == '\r' || ch == 0 || ch >= 0x80 || ch == '>') return 1;
        if (ch != ' ' && m + 1 < sizeof c) c[m++] = (char)tolower(ch);
    }
    c[m] = 0;
    return strstr(c, "display:none") != NULL;
}

/* Copies the start tag at p[i] with only the kept attributes, and of href
 * only its name except on <link> (a link's target is not text). Of a style
 * only the name stays unless it may hide the element: inline styles were a
 * fifth of what gumbo was given on the peer pages, and a bare style reads
 * as "" (the attribute is still there, so duplicates and the attributes a
 * second <body> adds resolve as before). cut_style is 0 where gumbo may
 * not read the tag as one (compact_page). Returns the offset after the
 * tag; (size_t)-1 when out of memory. */
static size_t copy_tag(const char *p, size_t len, size_t i, int cut_style, compact *c) {
    size_t k = i + 1;
    while (k < len && !is_attr_space(p[k]) && p[k] != '>' && p[k] != '/') k++;
    int is_link = k - i == 5 && strncasecmp(p + i + 1, "link", 4) == 0;
    memcpy(c->s + c->len, p + i, k - i);
    c->len += k - i;
    while (k < len && p[k] != '>') {
        size_t a = k;
        while (k < len && (is_attr_space(p[k]) || p[k] == '/')) k++;
        size_t name = k;
        while (k < len && !is_attr_space(p[k]) && p[k] != '>' && p[k] != '=' && (k == name || p[k] != '/')) k++;
        size_t name_end = k, v = k;
        size_t value = 0, value_end = 0; /* the value inside its quotes */
        int closed = 1;                  /* a quoted value's quote found */
        while (v < len && is_attr_space(p[v])) v++;
        if (v < len && p[v] == '=') {
            v++;
            while (v < len && is_attr_space(p[v])) v++;
            if (v < len && (p[v] == '"' || p[v] == '\'')) {
                const char *q = memchr(p + v + 1, p[v], len - v - 1);
                value = v + 1;
                value_end = q ? (size_t)(q - p) : len;
                closed = q != NULL;
                v = q ? (size_t)(q - p) + 1 : len;
            } else {
                value = v;
                while (v < len && !is_attr_space(p[v]) && p[v] != '>') v++;
                value_end = v;
            }
            k = v;
        }
        if (k == a) { /* a stray character: keep it and go on */
            c->s[c->len++] = p[k++];
            continue;
        }
        int keep =
            name_end > name && in_list(p + name, name_end - name, kept_attrs, sizeof kept_attrs / sizeof kept_attrs[0]);
        int bare = keep && !is_link && name_end - name == 4 && strncasecmp(p + name, "href", 4) == 0;
        if (keep && closed && cut_style && name_end - name == 5 && strncasecmp(p + name, "style", 5) == 0)
            bare = !style_may_hide(p + value, value_end - value);
        size_t upto = !keep ? a : bare ? name_end : k;
        memcpy(c->s + c->len, p + a, upto - a);
        c->len += upto - a;
        if (k > upto && removed(c, k - upto)) return (size_t)-1;
    }
    if (k < len) c->s[c->len++] = p[k++];
    return k;
}

/* Elements whose content gumbo need not see: code, styles, widgets. */
static const char *raw_element(const char *p, size_t n) {
    static const char *const names[] = {"script", "style", "svg", "noscript", "select", "textarea", "template"};
    /* Asked at every tag: most start with none of the names' letters. */
    int c0 = n > 1 ? tolower((unsigned char)p[1]) : 0;
    if (c0 != 's' && c0 != 'n' && c0 != 't') return NULL;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t m = strlen(names[k]);
        if (names[k][0] == c0 && n > m + 1 && strncasecmp(p + 1, names[k], m) == 0 &&
            (p[m + 1] == '>' || is_attr_space(p[m + 1])))
            return names[k];
    }
    return NULL;
}

/* Whether p[from, to) is a plain attribute list: names, and values bare or
 * quoted, nothing a tokenizer could read two ways (a stray quote or '=',
 * a trailing '/'). Only then does gumbo end the tag where we do. */
static int plain_attrs(const char *p, size_t from, size_t to) {
    size_t k = from;
    if (to > from && p[to - 1] == '/') return 0;
    for (;;) {
        while (k < to && is_attr_space(p[k])) k++;
        if (k == to) return 1;
        size_t name = k;
        while (k < to && (isalnum((unsigned char)p[k]) || p[k] == '-' || p[k] == '_' || p[k] == ':' || p[k] == '.'))
            k++;
        if (k == name) return 0;
        while (k < to && is_attr_space(p[k])) k++;
        if (k == to || p[k] != '=') continue;
        k++;
        while (k < to && is_attr_space(p[k])) k++;
        if (k == to) return 0;
        if (p[k] == '"' || p[k] == '\'') {
            const char *q = memchr(p + k + 1, p[k], to - k - 1);
            if (!q) return 0;
            k = (size_t)(q - p) + 1;
            if (k < to && !is_attr_space(p[k])) return 0;
        } else {
            for (; k < to && !is_attr_space(p[k]); k++)
                if (strchr("\"'=<`", p[k])) return 0;
        }
    }
}

/* Copies the start tag p[i, body) of a raw element: when cut allows, a
 * script's or a style's without its attributes (nothing reads them, the
 * element being dropped, and script tags' src and type were a tenth of
 * what gumbo was given on the peer pages), else whole. Returns -1 when out
 * of memory. */
static int copy_raw_tag(const char *p, size_t i, size_t body, const char *name, int cut, compact *c) {
    size_t name_end = i + 1 + strlen(name);
    int bare = cut && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0);
    if (!bare) {
        memcpy(c->s + c->len, p + i, body - i);
        c->len += body - i;
        return 0;
    }
    memcpy(c->s + c->len, p + i, name_end - i);
    c->len += name_end - i;
    if (body - 1 > name_end && removed(c, body - 1 - name_end)) return -1;
    c->s[c->len++] = '>';
    return 0;
}

/* The element of the start or end tag at p whose content gumbo reads as
 * text (a <script> in a <title> is part of the title), or NULL. */
static const char *text_element(const char *p, size_t n) {
    static const char *const names[] = {"title", "xmp", "iframe", "noembed", "noframes", "plaintext"};
    size_t from = n > 1 && p[1] == '/' ? 2 : 1;
    /* Asked at every tag, like raw_element. */
    int c0 = n > from ? tolower((unsigned char)p[from]) : 0;
    if (!c0 || !strchr("txinp", c0)) return NULL;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t m = strlen(names[k]);
        if (names[k][0] == c0 && n > from + m && strncasecmp(p + from, names[k], m) == 0 &&
            (p[from + m] == '>' || p[from + m] == '/' || is_attr_space(p[from + m])))
            return names[k];
    }
    return NULL;
}

static int compact_page(const char *p, size_t len, compact *c) {
    memset(c, 0, sizeof *c);
    const char *name;
    int plain = 1;              /* no raw tag so far that gumbo could read otherwise */
    const char *in_text = NULL; /* open title, xmp...: gumbo reads tags in it as text */
    if (!(c->s = malloc(len + 1))) return -1;
    size_t i = 0;
    while (i < len) {
        size_t from = i;
        if (p[i] == '<' && i + 1 < len && p[i + 1] == '/' && in_text && text_element(p + i, len - i) == in_text)
            in_text = NULL;
        if (p[i] == '<' && len - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
            char *e = memmem(p + i + 4, len - i - 4, "-->", 3);
            i = e ? (size_t)(e - p) + 3 : len;
        } else if (p[i] == '<' && (name = raw_element(p + i, len - i))) {
            char *gt = memchr(p + i, '>', len - i);
            size_t body = gt ? (size_t)(gt - p) + 1 : len;
            size_t name_end = i + 1 + strlen(name);
            int tag_plain = gt && body > name_end && plain_attrs(p, name_end, body - 1);
            if (copy_raw_tag(p, i, body, name, plain && tag_plain && !in_text, c)) return -1; /* the tag stays */
            /* After a tag gumbo may read otherwise (a quote open at its
             * '>'), gumbo may be in an attribute value that a later cut
             * would shorten: no attribute is cut down any more (styles,
             * scripts' attributes; what was cut before these stays so). */
            if (!tag_plain) plain = 0;
            i = skip_raw(p, len, body, name);
            from = body;
        } else if ((p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r') && i + 1 < len &&
                   (p[i + 1] == ' ' || p[i + 1] == '\n' || p[i + 1] == '\t' || p[i + 1] == '\r')) {
            /* One whitespace character stays: a newline if there is one (pre). */
            char keep = ' ';
            while (i < len && (p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r')) {
                if (p[i] == '\n') keep = '\n';
                i++;
            }
            c->s[c->len++] = keep;
            from++;
        } else if (p[i] == '<' && i + 1 < len && isalpha((unsigned char)p[i + 1])) {
            const char *t = text_element(p + i, len - i);
            if (t && strcmp(t, "plaintext") == 0) plain = 0; /* never ends */
            if (t && !in_text) in_text = t;
            /* Inside a title or an xmp gumbo reads tags as text. */
            i = copy_tag(p, len, i, plain && !in_text, c);
            if (i == (size_t)-1) return -1;
            continue;
        } else {
            c->s[c->len++] = p[i++];
            continue;
        }
        if (i > from && cut(c, (c->n ? c->shift[c->n - 1] : 0) + (i - from))) return -1;
    }
    c->s[c->len] = 0;
    return 0;
}

static void compact_free(compact *c) {
    free(c->s);
    free(c->at);
    free(c->shift);
}

/* The page offset of compact offset x; *k is a cursor into the table. */
static uint64_t page_offset(const compact *c, size_t x, size_t *k) {
    /* The cursor stands on the first entry past the last x asked for, so
     * search only when x went back (a byte loop had searched on every
     * character, as the cursor's entry is past x by definition). */
    if (*k > c->n || (*k > 0 && c->at[*k - 1] > x)) {
        size_t lo = 0, hi = c->n; /* first entry with at > x */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (c->at[mid] <= x)
                lo = mid + 1;
            else
                hi = mid;
        }
        *k = lo;
    }
    while (*k < c->n && c->at[*k] <= x) (*k)++;
    return x + (*k ? c->shift[*k - 1] : 0);
}

/* --------------------------------------------------------------- arena */

/* gumbo allocates for every node, attribute and string, and frees it all
 * one by one at the end (recursively). Its allocations go to an arena
 * instead, released at once: blocks are powers of two with their class in
 * a header, and what gumbo frees during the parse (its growing buffers,
 * temporary tokens) goes to a free list per class for reuse. gumbo never
 * checks an allocation, so when memory runs out the arena jumps out of the
 * parse (parse_in) and the caller frees all gumbo had built with it. */
typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    max_align_t data[];
} chunk;

typedef union block {
    union block *next_free; /* while on a free list */
    unsigned cls;           /* while in use */
    max_align_t align;
} block;

#define CLASSES 48
typedef struct {
    chunk *head;
    size_t total;
    block *free[CLASSES];
    jmp_buf *out_of_memory; /* set while gumbo parses */
} arena;

static void *arena_alloc(void *user, size_t n) {
    arena *a = user;
    unsigned cls = 4; /* 16 bytes and up */
    while (((size_t)1 << cls) < n && cls + 1 < CLASSES) cls++;
    block *b = a->free[cls];
    if (b) {
        a->free[cls] = b->next_free;
    } else {
        size_t need = sizeof(block) + ((size_t)1 << cls);
        chunk *c = a->head;
        if (!c || c->cap - c->used < need) {
            size_t cap = a->total / 2 > (64u << 10) ? a->total / 2 : (64u << 10);
            if (cap < need) cap = need;
            if (!(c = malloc(sizeof *c + cap))) {
                if (a->out_of_memory) longjmp(*a->out_of_memory, 1);
                return NULL;
            }
            c->next = a->head;
            c->used = 0;
            c->cap = cap;
            a->head = c;
            a->total += cap;
        }
        b = (block *)((char *)c->data + c->used);
        c->used += need;
    }
    b->cls = cls;
    return b + 1;
}

static void arena_keep(void *user, void *p) {
    if (!p) return;
    arena *a = user;
    block *b = (block *)p - 1;
    unsigned cls = b->cls;
    b->next_free = a->free[cls];
    a->free[cls] = b;
}

static void arena_free(arena *a) {
    while (a->head) {
        chunk *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

/* Parses with mem as gumbo's allocator; NULL when memory ran out, and then
 * the tree built so far is in mem, for arena_free. (setjmp lives in its own
 * small function so that no local it returns to is changed after it.) */
static GumboOutput *parse_in(arena *mem, GumboOptions *opt, const char *s, size_t len) {
    jmp_buf out_of_memory;
    opt->userdata = mem;
    mem->out_of_memory = &out_of_memory;
    if (setjmp(out_of_memory)) {
        mem->out_of_memory = NULL;
        return NULL;
    }
    GumboOutput *g = gumbo_parse_with_options(opt, s, len);
    mem->out_of_memory = NULL;
    return g;
}

/* ------------------------------------------------------------ the walk */

enum { CLS_NONE, CLS_GOOD, CLS_BAD };

typedef struct {
    int parent;         /* block element above, -1 for the root */
    size_t first, last; /* its lines: [first, last) */
    int cls;            /* from its class, id and tag */
    int noise;          /* it or a block above is noise (mark_noise) */
    int inside, drop;   /* in the main block; left out of it (prune) */
    int h1;
    double good, bad; /* content and noise characters in its subtree */
} hnode;

typedef struct {
    size_t start, end; /* in page text */
    int owner;
    size_t chars, link_chars, punct;
    int pre;     /* preformatted: code or verse, text whatever its shape */
    int bad_ctx; /* under a noise block (mark_noise) */
} hline;

typedef struct {
    const compact *page; /* what gumbo parsed, and the way back to the page */
    size_t cursor;       /* into page's table */
    tbuf all;            /* every visible line, '\n' after each */
    hline *lines;
    size_t nlines, lines_cap;
    hnode *nodes;
    size_t nnodes, nodes_cap;
    size_t line_start; /* where the open line starts in all */
    hline cur;         /* the open line's counts */
    int pending_space;
    uint64_t space_at;
    int oom;
    /* metadata candidates, pointers into the page or the tree (not owned) */
    char *doc_title, *og_title, *meta_time, *meta_source, *canonical, *og_url;
} walker;

typedef struct {
    GumboNode *node;
    unsigned child;
    int block;   /* this element's hnode, or -1 */
    int in_link; /* under <a href>, or inline noise */
    int pre;
} frame;

static void *grow(void *p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return p;
    size_t c = *cap ? *cap * 2 : 64;
    while (c < need) c *= 2;
    void *q = realloc(p, c * size);
    if (q) *cap = c;
    return q;
}

static int is_block(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
        return 1;
    default:
        return 0;
    }
}

/* Elements whose content is never article text. */
static int is_dropped(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_HEAD:
        return 1;
    default:
        return 0;
    }
}

static const char *attr(const GumboElement *e, const char *name) {
    GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
    return a ? a->value : NULL;
}

/* display:none, hidden, aria-hidden: invisible to a reader. */
static int is_hidden(const GumboElement *e) {
    const char *st = attr(e, "style");
    if (st) {
        char c[128];
        size_t n = 0;
        for (; *st && n + 1 < sizeof c; st++)
            if (*st != ' ') c[n++] = (char)tolower((unsigned char)*st);
        c[n] = 0;
        /* Not visibility:hidden: WeChat hides its article that way until
         * a script shows it. */
        if (strstr(c, "display:none")) return 1;
    }
    if (gumbo_get_attribute(&e->attributes, "hidden")) return 1;
    const char *ah = attr(e, "aria-hidden");
    return ah && strcmp(ah, "true") == 0;
}

/* Class and id words of the genre. A word matches a token that starts with
 * it ("comment" matches comments, commentList). Content words win over
 * noise words in the same attribute ("article-footer" is noise only
 * because footer comes without a content word... so it is content: the
 * article's own footer carries the editor line). */
static const char *const good_words[] = {"article", "content",  "trs_editor", "detail",  "text",       "main",
                                         "post",    "entry",    "body",       "story",   "rich_media", "zw",
                                         "txt",     "news_con", "con_",       "left_zw", "editor"};
static const char *const bad_words[] = {
    "nav",    "menu",       "footer", "foot",      "share",  "recommend", "comment", "related", "relate", "sidebar",
    "side",   "breadcrumb", "crumb",  "copyright", "login",  "hot",       "rank",    "toolbar", "advert", "banner",
    "qrcode", "ewm",        "topbar", "header",    "weibo",  "weixin",    "wechat",  "reply",   "tags",   "keyword",
    "guess",  "more",       "list",   "sitemap",   "search", "pager",     "paging"};

/* Whether tok starts with w; without strlen and strncmp, as it is asked
 * for every word of every class and id on the page. */
static int starts_with(const char *tok, const char *w) {
    while (*w && *tok == *w) tok++, w++;
    return *w == 0;
}

/* Splits an attribute into lower-case tokens at punctuation and camelCase. */
static int classify_words(const char *v, int *good, int *bad) {
    char tok[64];
    size_t n = 0;
    for (const char *p = v;; p++) {
        int boundary = !*p || !(isalnum((unsigned char)*p) || *p == '_') ||
                       (n && isupper((unsigned char)*p) && islower((unsigned char)p[-1]));
        if (boundary && n) {
            tok[n] = 0;
            for (size_t k = 0; k < sizeof good_words / sizeof good_words[0]; k++)
                if (tok[0] == good_words[k][0] && starts_with(tok, good_words[k])) *good = 1;
            for (size_t k = 0; k < sizeof bad_words / sizeof bad_words[0]; k++)
                if (tok[0] == bad_words[k][0] && starts_with(tok, bad_words[k])) *bad = 1;
            n = 0;
        }
        if (!*p) break;
        if ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < sizeof tok)
            tok[n++] = (char)tolower((unsigned char)*p);
    }
    return 0;
}

static int class_of(const GumboElement *e) {
    int good = 0, bad = 0;
    const char *c = attr(e, "class"), *id = attr(e, "id");
    if (c) classify_words(c, &good, &bad);
    if (id) classify_words(id, &good, &bad);
    if (e->tag == GUMBO_TAG_ARTICLE || e->tag == GUMBO_TAG_MAIN) good = 1;
    if (e->tag == GUMBO_TAG_NAV || e->tag == GUMBO_TAG_FOOTER || e->tag == GUMBO_TAG_ASIDE) bad = 1;
    if (good) return CLS_GOOD;
    return bad ? CLS_BAD : CLS_NONE;
}

/* Chinese sentence punctuation: the mark of running text. */
static int is_punct(uint32_t cp) {
    switch (cp) {
    case 0xFF0C:
    case 0x3002:
    case 0x3001:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF01:
    case 0xFF1F:
    case 0x201C:
    case 0x201D:
    case 0xFF08:
    case 0xFF09:
    case 0x300A:
    case 0x300B:
        return 1;
    default:
        return 0;
    }
}

static int is_space(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 || cp == 0x3000 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x200B || cp == 0xFEFF;
}

/* Closes the open line; a line with no visible character is forgotten. */
static void end_line(walker *w, int owner) {
    w->pending_space = 0;
    if (w->cur.chars == 0) {
        w->all.len = w->line_start;
        if (w->all.s) w->all.s[w->all.len] = 0;
        memset(&w->cur, 0, sizeof w->cur);
        return;
    }
    hline *l = grow(w->lines, &w->lines_cap, w->nlines + 1, sizeof *l);
    if (!l) {
        w->oom = 1;
        return;
    }
    w->lines = l;
    w->cur.start = w->line_start;
    w->cur.end = w->all.len;
    w->cur.owner = owner;
    l[w->nlines++] = w->cur;
    if (tbuf_append(&w->all, "\n", 1, tbuf_src(&w->all, w->all.len - 1))) w->oom = 1;
    w->line_start = w->all.len;
    memset(&w->cur, 0, sizeof w->cur);
}

/* Appends a text node: whitespace collapsed, each byte mapped to where it
 * stood in the page (an entity's characters map to its '&'). */
static void add_text(walker *w, const GumboText *t, const frame *f) {
    const unsigned char *s = (const unsigned char *)t->text;
    size_t n = strlen(t->text);
    const char *orig = t->original_text.data;
    size_t olen = t->original_text.length;
    size_t base = orig ? (size_t)(orig - w->page->s) : 0;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = u8_decode(s + i, n - i, &cp);
        uint64_t at = page_offset(w->page, base + (o < olen ? o : olen ? olen - 1 : 0), &w->cursor);
        /* Advance in the original: an entity, or the same bytes. */
        if (o < olen && orig[o] == '&' && !(k == 1 && s[i] == '&' && (o + 1 >= olen || orig[o + 1] == ' '))) {
            size_t e = o + 1;
            while (e < olen && e - o < 40 && (isalnum((unsigned char)orig[e]) || orig[e] == '#')) e++;
            if (e < olen && orig[e] == ';') e++;
            o = e;
        } else if (o < olen) {
            o += k;
        }
        if ((cp == '\n') && f->pre) {
            end_line(w, f->block);
        } else if (is_space(cp)) {
            if (!w->pending_space && w->all.len > w->line_start) {
                w->pending_space = 1;
                w->space_at = at;
            }
        } else {
            if (w->pending_space && tbuf_append(&w->all, " ", 1, w->space_at)) w->oom = 1;
            w->pending_space = 0;
            if (tbuf_append(&w->all, (const char *)s + i, k, at)) w->oom = 1;
            w->cur.chars++;
            if (f->in_link) w->cur.link_chars++;
            if (f->pre) w->cur.pre = 1;
            if (is_punct(cp)) w->cur.punct++;
        }
        i += k;
    }
}

static char *text_of(const GumboNode *n) {
    if (n->type != GUMBO_NODE_ELEMENT || n->v.element.children.length == 0) return NULL;
    const GumboNode *c = n->v.element.children.data[0];
    return c->type == GUMBO_NODE_TEXT ? (char *)c->v.text.text : NULL;
}

/* <meta> and <link> that carry page metadata. */
static void read_head_element(walker *w, const GumboNode *n) {
    const GumboElement *e = &n->v.element;
    if (e->tag == GUMBO_TAG_TITLE && !w->doc_title) w->doc_title = text_of(n);
    if (e->tag == GUMBO_TAG_LINK) {
        const char *rel = attr(e, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0 && !w->canonical) w->canonical = (char *)attr(e, "href");
    }
    if (e->tag != GUMBO_TAG_META) return;
    const char *key = attr(e, "property");
    if (!key) key = attr(e, "name");
    if (!key) key = attr(e, "itemprop");
    const char *content = attr(e, "content");
    if (!key || !content || !*content) return;
    static const char *const time_keys[] = {"article:published_time",
                                            "og:release_date",
                                            "pubdate",
                                            "publishdate",
                                            "publish_date",
                                            "publishtime",
                                            "publish_time",
                                            "datepublished",
                                            "weibo:article:create_at",
                                            "dc.date",
                                            "firstpublishedtime"};
    if (strcasecmp(key, "og:title") == 0 && !w->og_title) w->og_title = (char *)content;
    if (strcasecmp(key, "og:url") == 0 && !w->og_url) w->og_url = (char *)content;
    if ((strcasecmp(key, "source") == 0 || strcasecmp(key, "contentsource") == 0) && !w->meta_source)
        w->meta_source = (char *)content;
    for (size_t k = 0; k < sizeof time_keys / sizeof time_keys[0]; k++)
        if (strcasecmp(key, time_keys[k]) == 0 && !w->meta_time) w->meta_time = (char *)content;
}

static int new_node(walker *w, int parent, int cls, int h1) {
    hnode *nd = grow(w->nodes, &w->nodes_cap, w->nnodes + 1, sizeof *nd);
    if (!nd) {
        w->oom = 1;
        return -1;
    }
    w->nodes = nd;
    nd += w->nnodes;
    memset(nd, 0, sizeof *nd);
    nd->parent = parent;
    nd->cls = cls;
    nd->h1 = h1;
    nd->first = w->nlines;
    return (int)w->nnodes++;
}

/* Enters element n below frame f; fills the new frame. 0: skip it. */
static int enter(walker *w, const frame *f, GumboNode *n, frame *nf) {
    const GumboElement *e = &n->v.element;
    if (e->tag == GUMBO_TAG_HEAD || e->tag == GUMBO_TAG_TITLE || e->tag == GUMBO_TAG_META || e->tag == GUMBO_TAG_LINK)
        read_head_element(w, n);
    if (e->tag == GUMBO_TAG_HEAD) {
        for (unsigned i = 0; i < e->children.length; i++) {
            GumboNode *c = e->children.data[i];
            if (c->type == GUMBO_NODE_ELEMENT) read_head_element(w, c);
        }
    }
    if (is_dropped(e->tag) || e->tag == GUMBO_TAG_TITLE || is_hidden(e)) return 0;
    *nf = *f;
    nf->node = n;
    nf->child = 0;
    if (e->tag == GUMBO_TAG_A && attr(e, "href")) nf->in_link = 1;
    if (e->tag == GUMBO_TAG_PRE) nf->pre = 1;
    /* Class words matter on blocks and on inline noise (a share bar). */
    int cls = is_block(e->tag) || e->tag == GUMBO_TAG_SPAN || e->tag == GUMBO_TAG_A ? class_of(e) : CLS_NONE;
    /* Noise inside a line (a share bar in a span) counts like links;
     * noise blocks are judged once their size is known (mark_noise). */
    if (cls == CLS_BAD && !is_block(e->tag)) nf->in_link = 1;
    if (e->tag == GUMBO_TAG_BR) {
        end_line(w, f->block);
        return 0;
    }
    if (is_block(e->tag)) {
        end_line(w, f->block);
        nf->block = new_node(w, f->block, cls, e->tag == GUMBO_TAG_H1);
    }
    return 1;
}

static void leave(walker *w, const frame *f, const frame *up) {
    if (f->block == up->block) return;
    end_line(w, f->block);
    if (f->block >= 0) w->nodes[f->block].last = w->nlines;
}

/* Walks the tree with an explicit stack (a page may nest deeply). */
static int walk_tree(walker *w, GumboNode *root) {
    size_t cap = 64, top = 0;
    frame *st = malloc(cap * sizeof *st);
    if (!st) return -1;
    frame base = {root, 0, -1, 0, 0};
    base.block = new_node(w, -1, CLS_NONE, 0);
    st[top++] = base;
    while (top && !w->oom) {
        frame *f = &st[top - 1];
        const GumboVector *kids =
            f->node->type == GUMBO_NODE_DOCUMENT ? &f->node->v.document.children : &f->node->v.element.children;
        if (f->child >= kids->length) {
            if (top >= 2) leave(w, f, &st[top - 2]);
            top--;
            continue;
        }
        GumboNode *c = kids->data[f->child++];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
            add_text(w, &c->v.text, f);
        } else if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
            frame nf;
            if (!enter(w, f, c, &nf)) continue;
            if (top == cap) {
                frame *g = realloc(st, cap * 2 * sizeof *st);
                if (!g) {
                    free(st);
                    return -1;
                }
                st = g;
                cap *= 2;
            }
            st[top++] = nf;
        }
    }
    end_line(w, 0);
    if (w->nnodes) w->nodes[0].last = w->nlines;
    free(st);
    return w->oom ? -1 : 0;
}

/* ---------------------------------------------------------- the scoring */

/* How much of a line is article text and how much is noise. */
static void line_value(const hline *l, double *good, double *bad) {
    double len = (double)l->chars, links = (double)l->link_chars;
    *good = *bad = 0;
    if (l->bad_ctx || links * 2 > len)
        *bad = len;
    else if (l->pre || (l->punct >= 1 && l->chars >= 8))
        *good = len - links;
    else if (l->chars >= 40)
        *good = len * 0.5; /* long unpunctuated text: code, English */
    else
        *bad = len * 0.5;
}

/* Sums each node's content and noise over its subtree. */
static void accumulate(walker *w) {
    for (size_t i = 0; i < w->nnodes; i++) w->nodes[i].good = w->nodes[i].bad = 0;
    for (size_t i = 0; i < w->nlines; i++) {
        double g, b;
        line_value(&w->lines[i], &g, &b);
        hnode *nd = &w->nodes[w->lines[i].owner >= 0 ? w->lines[i].owner : 0];
        nd->good += g;
        nd->bad += b;
    }
    /* Children come after their parents: sum upwards from the end. */
    for (size_t i = w->nnodes; i-- > 1;) {
        hnode *nd = &w->nodes[i];
        if (nd->parent >= 0) {
            w->nodes[nd->parent].good += nd->good;
            w->nodes[nd->parent].bad += nd->bad;
        }
    }
}

/* A block whose class says noise (nav, footer, comment...) is noise unless
 * it holds most of the page's text: pages put such words on wrappers too
 * (<body class="has-navbar">). Its lines then count as noise. */
static void mark_noise(walker *w) {
    accumulate(w);
    double total = w->nnodes ? w->nodes[0].good : 0;
    for (size_t i = 0; i < w->nnodes; i++) {
        hnode *nd = &w->nodes[i];
        nd->noise = (nd->parent >= 0 && w->nodes[nd->parent].noise) || (nd->cls == CLS_BAD && nd->good < 0.5 * total);
    }
    for (size_t i = 0; i < w->nlines; i++) {
        int o = w->lines[i].owner;
        w->lines[i].bad_ctx = o >= 0 && w->nodes[o].noise;
    }
    accumulate(w);
}

/* The block with the most text against noise; the root when none has
 * any text, -1 when the page is empty. */
static int main_block(walker *w) {
    mark_noise(w);
    int best = -1;
    double best_score = 0;
    for (size_t i = 0; i < w->nnodes; i++) {
        const hnode *nd = &w->nodes[i];
        if (nd->noise || nd->good <= 0) continue;
        double score = nd->good - nd->bad + (nd->cls == CLS_GOOD ? 0.1 * nd->good : 0);
        /* A descendant as good as its ancestor is the tighter block. */
        int inside = best >= 0 && i < w->nodes[best].last + 0u && nd->first >= w->nodes[best].first &&
                     nd->last <= w->nodes[best].last;
        if (score > best_score + 1e-9 || (inside && score >= best_score - 1e-9)) {
            best = (int)i;
            best_score = score;
        }
    }
    /* No line reads like an article (a tiny page): all of it, less noise. */
    return best < 0 && w->nnodes ? 0 : best;
}

/* ----------------------------------------------------------- metadata */

/* s trimmed, on one line; NULL when nothing is left, or when memory ran
 * out, which sets *oom (metadata is optional, a failed copy is not). */
static char *dup_trim(const char *s, size_t n, int *oom) {
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    if (!n) return NULL;
    char *p = malloc(n + 1);
    if (!p) *oom = 1;
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
        /* Metadata is one line. */
        for (size_t i = 0; i < n; i++)
            if (p[i] == '\n' || p[i] == '\r' || p[i] == '\t') p[i] = ' ';
    }
    return p;
}

/* <title> minus the site name: "标题_新华网", "标题 - 人民网", "标题|光明网". */
static char *strip_site(const char *t, int *oom) {
    static const char *const seps[] = {"_", " - ", "|", "--", "－", "——", " — ", "-"};
    size_t n = strlen(t), cut = n;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        const char *p = strstr(t, seps[k]);
        /* A separator right at the start would leave no title. */
        if (p && (size_t)(p - t) >= 6 && (size_t)(p - t) < cut) cut = (size_t)(p - t);
    }
    return dup_trim(t, cut, oom);
}

static char *line_dup(const walker *w, size_t i, int *oom) {
    return dup_trim(w->all.s + w->lines[i].start, w->lines[i].end - w->lines[i].start, oom);
}

/* The page's title and the line it stands on (-1: from the head). */
static char *find_title(const walker *w, long *line, int *oom) {
    *line = -1;
    const char *doc = w->doc_title, *og = w->og_title;
    for (size_t i = 0; i < w->nnodes; i++) {
        const hnode *nd = &w->nodes[i];
        if (!nd->h1 || nd->first >= nd->last) continue;
        char *t = line_dup(w, nd->first, oom);
        if (t && strlen(t) >= 6 && ((doc && strstr(doc, t)) || (og && strstr(og, t)))) {
            *line = (long)nd->first;
            return t;
        }
        free(t);
    }
    /* og:title is the bare title, unless a site copies <title> into it. */
    if (og && !(doc && strcmp(og, doc) == 0)) return dup_trim(og, strlen(og), oom);
    if (doc) return strip_site(doc, oom);
    return NULL;
}

/* A date (and time) in s: 2024-05-09 10:23, 2024年05月09日 10:23:00,
 * 2024/5/9. Writes "yyyy-mm-dd[ hh:mm[:ss]]" to out; 0 when none. */
static int scan_date(const char *s, size_t len, char out[48]) {
    for (size_t i = 0; i + 8 <= len; i++) {
        if (!isdigit((unsigned char)s[i]) || (i && isdigit((unsigned char)s[i - 1]))) continue;
        size_t k = i;
        int v[6] = {0}, nv = 0;
        while (nv < 6 && k < len) {
            size_t d0 = k;
            int x = 0;
            while (k < len && isdigit((unsigned char)s[k]) && k - d0 < 4) x = x * 10 + (s[k++] - '0');
            if (k == d0) break;
            v[nv++] = x;
            if (nv == 1 && k - d0 != 4) break;
            /* separators: - / . 年 月 日, T or spaces, : */
            if (k < len && (s[k] == '-' || s[k] == '/' || s[k] == '.' || s[k] == ':' || s[k] == 'T'))
                k++;
            else if (len - k >= 3 && (!memcmp(s + k, "年", 3) || !memcmp(s + k, "月", 3)))
                k += 3;
            else if (len - k >= 3 && !memcmp(s + k, "日", 3))
                k += 3;
            if (nv == 3)
                while (k < len && (s[k] == ' ' || s[k] == 'T')) k++;
            if (nv >= 3 && (k >= len || !isdigit((unsigned char)s[k]))) break;
        }
        if (nv < 3 || v[0] < 1990 || v[0] > 2100 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) continue;
        if (nv >= 5 && v[3] < 24 && v[4] < 60) {
            if (nv == 6 && v[5] < 60)
                snprintf(out, 48, "%04d-%02d-%02d %02d:%02d:%02d", v[0], v[1], v[2], v[3], v[4], v[5]);
            else
                snprintf(out, 48, "%04d-%02d-%02d %02d:%02d", v[0], v[1], v[2], v[3], v[4]);
        } else {
            snprintf(out, 48, "%04d-%02d-%02d", v[0], v[1], v[2]);
        }
        return 1;
    }
    return 0;
}

/* The value after a label such as 来源： on one of lines [a, b). */
static char *find_labelled(const walker *w, size_t a, size_t b, const char *const *labels, size_t nlabels, int *oom) {
    for (size_t i = a; i < b; i++) {
        const char *s = w->all.s + w->lines[i].start, *e = w->all.s + w->lines[i].end;
        for (size_t k = 0; k < nlabels; k++) {
            size_t n = strlen(labels[k]);
            const char *p = memmem(s, (size_t)(e - s), labels[k], n);
            if (!p) continue;
            p += n;
            while (p < e && *p == ' ') p++;
            if (e - p >= 3 && (!memcmp(p, "：", 3)))
                p += 3;
            else if (p < e && *p == ':')
                p++;
            else
                continue;
            while (p < e && *p == ' ') p++;
            const char *q = p;
            /* The value runs to a space, a bracket or the next label. */
            while (q < e && *q != ' ' &&
                   (e - q < 3 || (memcmp(q, "）", 3) && memcmp(q, "】", 3) && memcmp(q, "　", 3))) && *q != ')' &&
                   *q != ']' && q - p < 60)
                q++;
            while (q > p && q < e && ((unsigned char)*q & 0xC0) == 0x80) q--; /* whole characters */
            char *v = dup_trim(p, (size_t)(q - p), oom);
            if (v || *oom) return v;
        }
    }
    return NULL;
}

/* The page's date into d: its <meta>'s, else on the info line that stands
 * just above the text, else inside it. 0 when there is none. */
static int find_published(const walker *w, size_t first, size_t last, char d[48]) {
    if (w->meta_time && scan_date(w->meta_time, strlen(w->meta_time), d)) return 1;
    for (size_t i = first; i-- > (first > 40 ? first - 40 : 0);)
        if (scan_date(w->all.s + w->lines[i].start, w->lines[i].end - w->lines[i].start, d)) return 1;
    for (size_t i = first; i < last && i < first + 5; i++)
        if (scan_date(w->all.s + w->lines[i].start, w->lines[i].end - w->lines[i].start, d)) return 1;
    return 0;
}

/* Fills m; non-zero when memory ran out. */
static int read_meta(walker *w, int best, html_meta *m, long *title_line) {
    int oom = 0;
    m->title = find_title(w, title_line, &oom);
    size_t first = best >= 0 ? w->nodes[best].first : 0, last = best >= 0 ? w->nodes[best].last : w->nlines;
    char d[48];
    if (find_published(w, first, last, d) && !(m->published = strdup(d))) oom = 1;
    static const char *const src_labels[] = {"来源", "來源", "稿源"};
    static const char *const ed_labels[] = {"责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯"};
    size_t a = first > 40 ? first - 40 : 0;
    m->source = find_labelled(w, a, last, src_labels, 3, &oom);
    if (!m->source && !oom && w->meta_source) m->source = dup_trim(w->meta_source, strlen(w->meta_source), &oom);
    m->editor = find_labelled(w, a, w->nlines < last + 10 ? w->nlines : last + 10, ed_labels, 6, &oom);
    const char *url = w->canonical ? w->canonical : w->og_url;
    if (url) m->url = dup_trim(url, strlen(url), &oom);
    return oom;
}

/* Inside the main block, a block with more noise than text (a list of
 * related links, a comment box, an ad after the article) is left out,
 * and so is everything in it. Short unpunctuated lines (captions, a
 * subtitle) weigh too little to drop their block. */
static void prune(walker *w, int best) {
    for (size_t i = (size_t)best + 1; i < w->nnodes; i++) {
        hnode *nd = &w->nodes[i];
        int p = nd->parent;
        nd->inside = p == best || (p >= 0 && w->nodes[p].inside);
        if (!nd->inside) continue;
        nd->drop = (p != best && w->nodes[p].drop) || (nd->bad > nd->good && nd->bad >= 20);
    }
}

/* ---------------------------------------------------------- assembling */

/* The title line, then the main block's lines without noise at its edges
 * or under noise elements. */
static int assemble(const walker *w, int best, const html_meta *m, long title_line, tbuf *out) {
    size_t first = best >= 0 ? w->nodes[best].first : 0, last = best >= 0 ? w->nodes[best].last : 0;
    while (first < last && (w->lines[first].bad_ctx || w->lines[first].link_chars * 2 > w->lines[first].chars)) first++;
    while (last > first && (w->lines[last - 1].bad_ctx || w->lines[last - 1].link_chars * 2 > w->lines[last - 1].chars))
        last--;
    int title_inside = title_line >= (long)first && title_line < (long)last;
    if (m->title && !title_inside) {
        if (title_line >= 0) {
            const hline *l = &w->lines[title_line];
            if (tbuf_copy(out, &w->all, l->start, l->end - l->start + 1)) return -1;
        } else {
            /* From the head: cite the start of the page. */
            if (tbuf_append(out, m->title, strlen(m->title), 0) || tbuf_append(out, "\n", 1, 0)) return -1;
        }
    }
    for (size_t i = first; i < last; i++) {
        const hline *l = &w->lines[i];
        if (l->bad_ctx || (l->owner >= 0 && w->nodes[l->owner].drop)) continue;
        if (tbuf_copy(out, &w->all, l->start, l->end - l->start + 1)) return -1;
    }
    return 0;
}

void html_meta_free(html_meta *m) {
    free(m->title);
    free(m->published);
    free(m->source);
    free(m->editor);
    free(m->url);
    memset(m, 0, sizeof *m);
}

static void walker_free(walker *w) {
    tbuf_free(&w->all);
    free(w->lines);
    free(w->nodes);
}

tifa_status html_extract(const char *name, const char *bytes, size_t len, tifa_encoding enc, tbuf *text,
                         html_meta *meta, char **decoded, tifa_encoding *used, uint64_t *invalid, tifa_error *err) {
    (void)name; /* the caller names the file in its message */
    memset(meta, 0, sizeof *meta);
    if (decoded) *decoded = NULL;
    if (len > HTML_MAX_BYTES)
        return tifa_fail(err, TIFA_EINPUT, 0, "web page of %zu bytes is over the %u MB limit for HTML", len,
                         HTML_MAX_BYTES >> 20);
    char *page;
    size_t plen;
    tifa_status st = decode_page(bytes, len, enc, &page, &plen, used, invalid, err);
    if (st != TIFA_OK) return st;
    compact cp;
    if (compact_page(page, plen, &cp)) {
        compact_free(&cp);
        tifa_free(page);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (!decoded) tifa_free(page); /* else kept until the end */
    cap_nesting(cp.s, cp.len);
    GumboOptions opt = kGumboDefaultOptions;
    opt.max_errors = 0; /* errors are not used: do not keep them */
    arena mem = {0};
    opt.allocator = arena_alloc;
    opt.deallocator = arena_keep;
    GumboOutput *g = parse_in(&mem, &opt, cp.s, cp.len);
    if (!g) {
        arena_free(&mem);
        compact_free(&cp);
        if (decoded) tifa_free(page);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory parsing HTML");
    }
    walker w;
    memset(&w, 0, sizeof w);
    w.page = &cp;
    tbuf_init(&w.all, 0);
    int rc = walk_tree(&w, g->document);
    if (rc == 0) {
        int best = main_block(&w);
        long title_line;
        rc = read_meta(&w, best, meta, &title_line);
        if (best >= 0) prune(&w, best);
        if (rc == 0) rc = assemble(&w, best, meta, title_line, text);
    }
    arena_free(&mem); /* the tree: no gumbo_destroy_output, which recurses */
    walker_free(&w);
    compact_free(&cp);
    if (rc) {
        html_meta_free(meta);
        if (decoded) tifa_free(page);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (decoded) *decoded = page;
    return TIFA_OK;
}
