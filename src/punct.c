/*
 * punct: punctuation and spacing inside a line.
 *
 * Portal reposts and OCR turn Chinese punctuation into ASCII and scatter
 * spaces between characters. ASCII , : ; ? ! become full width when a
 * neighbour (ignoring spaces) is Chinese text, so `1,000`, `3.5` and
 * `Notice: The` stay; ( ) become （ ） around text that contains Han. A run
 * of spaces goes when it stands between Han characters or between Han and
 * digits (or Chinese punctuation); spaces between Latin words stay.
 * Zero-width characters, which anti-copy scripts insert, are removed.
 *
 * Not for: joining lines (layout.c) or dropping lines (boiler.c).
 */
#include <stdlib.h>
#include <string.h>
#include "bytescan.h"
#include "punct.h"
#include "utf8.h"

int punct_is_cjk(uint32_t cp) {
    return is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
           cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2026 || cp == 0x2014;
}

int punct_is_terminal(uint32_t cp) {
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0x2026 || cp == '!' || cp == '?';
}

static int is_digit(uint32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }
static int is_space(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }
static int is_invisible(uint32_t cp) {
    return (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF || cp == 0x2060 || cp == 0xAD;
}

/* One element of a line on the full path: a character some rule looks
 * at (punctuation, a space, an invisible character...), or a run of
 * characters none looks at alone, kept as one element with what the rules
 * ask of it: its first and last character and whether it holds a Han
 * character. Lines with parentheses are common, and most of their characters
 * are such runs. */
typedef struct {
    uint32_t cp, orig; /* a run: its first character, never changed */
    uint32_t last;     /* a run: its last character */
    uint32_t src;      /* relative source offset of the first byte */
    uint32_t pos;      /* byte offset in the input line */
    uint32_t len;      /* length in bytes there (0: not from the input) */
    uint32_t hans;     /* a run: 1 when it holds a Han character */
    uint8_t run, drop;
} uchar;

static uint32_t fullwidth(uint32_t cp) {
    switch (cp) {
    case ',':
        return 0xFF0C;
    case ':':
        return 0xFF1A;
    case ';':
        return 0xFF1B;
    case '?':
        return 0xFF1F;
    case '!':
        return 0xFF01;
    case '(':
        return 0xFF08;
    case ')':
        return 0xFF09;
    }
    return cp;
}

/* The element's last character (cp, the first, may have changed). */
static uint32_t last_of(const uchar *c) { return c->run ? c->last : c->cp; }

/* Nearest character left/right of i that is not a space, or 0. */
static uint32_t left_of(const uchar *c, size_t i) {
    while (i > 0) {
        i--;
        if (!is_space(c[i].cp)) return last_of(&c[i]);
    }
    return 0;
}
static uint32_t right_of(const uchar *c, size_t n, size_t i) {
    for (i++; i < n; i++)
        if (!is_space(c[i].cp)) return c[i].cp;
    return 0;
}

/* "? ? ? ？集团…": full-width indentation spaces that went through a charset
 * that lacks them come out as question marks at the start of a paragraph. */
static void drop_lost_indent(uchar *c, size_t n) {
    size_t i = 0, marks = 0;
    while (i < n && (c[i].cp == '?' || c[i].cp == 0xFF1F || is_space(c[i].cp) || c[i].drop)) {
        marks += c[i].cp == '?' || c[i].cp == 0xFF1F;
        i++;
    }
    if (marks >= 2 && i < n)
        for (size_t k = 0; k < i; k++) c[k].drop = 1;
}

static int is_ascii_punct(uint32_t cp) { return cp == ',' || cp == ':' || cp == ';' || cp == '?' || cp == '!'; }

/* No rule here looks at this character alone: it may go in a run. */
static int is_plain(uint32_t cp) {
    if (cp < 0x80)
        return !is_ascii_punct(cp) && cp != '(' && cp != ')' && cp != ' ' && cp != '\t' && cp != '\r' && cp != '\n';
    return !is_space(cp) && !is_invisible(cp) && cp != 0xFF1F;
}

/* Where the run of plain characters from p (a character boundary) ends:
 * at the first character that is not plain, or end. Only ASCII under 0x40
 * and the lead bytes C2 E2 E3 EF can start one that is not, so the rest is
 * skipped 16 bytes at a time (they are never inside another character,
 * valid or not: the boundaries are those a walk one character at a time
 * would find). */
static size_t run_end(const unsigned char *s, size_t p, size_t end) {
    for (;;) {
        p = scan_below_or4(s, p, end, 0x40, 0xC2, 0xE2, 0xE3, 0xEF);
        if (p >= end) return end;
        uint32_t cp;
        size_t k = u8_decode(s + p, end - p, &cp);
        if (!is_plain(cp)) return p;
        p += k;
    }
}

/* The character that ends at e (> a), as a walk from a would decode it. */
static uint32_t last_char(const unsigned char *s, size_t a, size_t e) {
    size_t b = e - 1;
    while (b > a && e - b < 4 && (s[b] & 0xC0) == 0x80) b--;
    uint32_t cp;
    size_t k = u8_decode(s + b, e - b, &cp);
    return b + k == e ? cp : 0xFFFD;
}

/* Is there a Han character in [p, e)? (The rules ask only whether there is
 * one between two brackets.) */
static int any_han(const unsigned char *s, size_t p, size_t e) {
    while (p < e) {
        uint32_t cp;
        p += u8_decode(s + p, e - p, &cp);
        if (is_han(cp)) return 1;
    }
    return 0;
}

/* Parentheses: pair them up, innermost first; a pair with a Han character
 * inside becomes full-width. Whether there is one is read from a running
 * count of elements that hold a Han character (pushed with each opening;
 * it grows between two points exactly when a Han character stands
 * between them): looking inside each
 * pair took time quadratic in the nesting depth (100,000 nested pairs:
 * 15 s). -1 when out of memory (the brackets would be left half done). */
static int fix_parens(uchar *c, size_t n, punct_stats *st) {
    typedef struct {
        size_t at, hans; /* the opening, elements with Han before it */
    } opening;
    opening *stack = NULL;
    size_t depth = 0, cap = 0, hans = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].cp == '(') {
            if (depth == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                opening *p = realloc(stack, ncap * sizeof *p);
                if (!p) {
                    free(stack);
                    return -1;
                }
                stack = p;
                cap = ncap;
            }
            stack[depth++] = (opening){i, hans};
        } else if (c[i].cp == ')' && depth) {
            opening o = stack[--depth];
            if (hans > o.hans) {
                c[o.at].cp = 0xFF08;
                c[i].cp = 0xFF09;
                st->punct_changed += 2;
            }
        } else {
            hans += c[i].run ? c[i].hans : is_han(c[i].cp) != 0;
        }
    }
    free(stack);
    return 0;
}

/* -1 when out of memory. */
static int fix_punct(uchar *c, size_t n, punct_stats *st) {
    /* Parentheses first: a full-width pair makes the ASCII punctuation
     * next to it Chinese below ("（…qǐng）?bào"). */
    if (fix_parens(c, n, st)) return -1;
    /* ASCII , : ; ? ! next to Chinese become full-width, and each change
     * makes its neighbours Chinese too ("Why??？"): so a run of them (with
     * spaces between) changes whole when Chinese stands at either end, and
     * not at all otherwise. Done a run at a time: repeating the pass until
     * nothing changed took time quadratic in a long run. */
    for (size_t i = 0; i < n;) {
        if (!is_ascii_punct(c[i].cp)) {
            i++;
            continue;
        }
        size_t last = i;
        for (size_t j = i; j < n && (is_ascii_punct(c[j].cp) || is_space(c[j].cp)); j++)
            if (is_ascii_punct(c[j].cp)) last = j;
        if (punct_is_cjk(left_of(c, i)) || punct_is_cjk(right_of(c, n, last)))
            for (size_t k = i; k <= last; k++)
                if (is_ascii_punct(c[k].cp)) {
                    c[k].cp = fullwidth(c[k].cp);
                    st->punct_changed++;
                }
        i = last + 1;
    }
    return 0;
}

static int chinese_side(uint32_t cp) { return punct_is_cjk(cp); }

static void fix_spaces(uchar *c, size_t n, punct_stats *st) {
    size_t first = 0;
    while (first < n && (is_space(c[first].cp) || c[first].drop)) first++;
    for (size_t i = first; i < n;) {
        if (!is_space(c[i].cp)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && is_space(c[j].cp)) j++;
        if (j < n && i > first) {
            uint32_t l = last_of(&c[i - 1]), r = c[j].cp;
            int strip = (chinese_side(l) && (chinese_side(r) || is_digit(r))) || (is_digit(l) && chinese_side(r));
            if (strip)
                for (size_t k = i; k < j; k++) {
                    c[k].drop = 1;
                    st->spaces_removed++;
                }
        }
        i = j;
    }
}

/* Writes the line: runs of characters left as they were are copied with
 * their map in one go; changed ones are encoded. */
static int emit(tbuf *out, const tbuf *in, const uchar *c, size_t n, size_t base) {
    char enc[4];
    size_t i = 0;
    while (i < n) {
        if (c[i].drop) {
            i++;
            continue;
        }
        if (c[i].cp == c[i].orig && c[i].len) {
            size_t j = i + 1;
            while (j < n && !c[j].drop && c[j].cp == c[j].orig && c[j].len && c[j].pos == c[j - 1].pos + c[j - 1].len)
                j++;
            size_t a = base + c[i].pos, b = base + c[j - 1].pos + c[j - 1].len;
            if (tbuf_copy(out, in, a, b - a)) return -1;
            i = j;
            continue;
        }
        size_t k = u8_encode(c[i].cp, enc);
        if (tbuf_append(out, enc, k, in->base + c[i].src)) return -1;
        i++;
    }
    return 0;
}

/* What a line needs: 0 nothing, 1 the byte path below (ASCII punctuation
 * and ASCII spaces), 2 the full treatment (parentheses, \r, multibyte
 * spaces, invisible characters, or two ASCII punctuation marks with only
 * spaces between, whose decisions depend on each other). The multibyte
 * cases are U+00A0, U+00AD, U+200B–U+200F, U+2060, U+3000, U+FEFF. */
static int line_needs(const unsigned char *s, size_t a, size_t b) {
    int need = 0, last_punct = 0;
    for (size_t i = a; i < b; i++) {
        /* What no rule here looks at (and what ends a run of punctuation
         * marks) is skipped 16 bytes at a time. */
        size_t j = scan_punct_marks(s, i, b);
        if (j > i) last_punct = 0;
        if (j == b) break;
        i = j;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (is_ascii_punct(c)) {
                if (last_punct) return 2;
                need = last_punct = 1;
            } else if (c == ' ' || c == '\t') {
                need = 1;
            } else if (c == '(' || c == ')' || c == '\r') {
                return 2;
            } else {
                last_punct = 0;
            }
            continue;
        }
        last_punct = 0;
        if (i + 1 >= b) continue;
        unsigned char d = s[i + 1], e = i + 2 < b ? s[i + 2] : 0;
        if ((c == 0xC2 && (d == 0xA0 || d == 0xAD)) || (c == 0xE2 && d == 0x80 && e >= 0x8B && e <= 0x8F) ||
            (c == 0xE2 && d == 0x81 && e == 0xA0) || (c == 0xE3 && d == 0x80 && e == 0x80) ||
            (c == 0xEF && d == 0xBB && e == 0xBF))
            return 2;
    }
    return need;
}

static int ascii_space(unsigned char c) { return c == ' ' || c == '\t'; }

/* The character ending at byte i, skipping ASCII spaces back to a; 0 if none. */
static uint32_t cp_left(const unsigned char *s, size_t a, size_t i) {
    while (i > a && ascii_space(s[i - 1])) i--;
    if (i == a) return 0;
    /* Most often a three-byte character or ASCII, read in place. */
    if (i - a >= 3 && (s[i - 3] & 0xF0) == 0xE0 && (s[i - 2] & 0xC0) == 0x80 && (s[i - 1] & 0xC0) == 0x80) {
        uint32_t cp;
        u8_decode(s + i - 3, 3, &cp);
        return cp;
    }
    if (s[i - 1] < 0x80) return s[i - 1];
    size_t st = i - 1;
    while (st > a && i - st < 4 && (s[st] & 0xC0) == 0x80) st--;
    uint32_t cp;
    u8_decode(s + st, i - st, &cp);
    return cp;
}

/* The character starting at byte i, skipping ASCII spaces up to b; 0 if none. */
static uint32_t cp_right(const unsigned char *s, size_t i, size_t b) {
    while (i < b && ascii_space(s[i])) i++;
    if (i >= b) return 0;
    uint32_t cp;
    u8_decode(s + i, b - i, &cp);
    return cp;
}

/* Does the ASCII mark at i become full width? (Its neighbours are not ASCII
 * marks: line_needs sent such lines to the full path.) */
static int converts(const unsigned char *s, size_t a, size_t b, size_t i) {
    return punct_is_cjk(cp_left(s, a, i)) || punct_is_cjk(cp_right(s, i + 1, b));
}

/* The neighbour of a space run as the full path sees it after punctuation:
 * an ASCII mark that converts counts as Chinese. */
static uint32_t seen(const unsigned char *s, size_t a, size_t b, size_t at, uint32_t cp) {
    return is_ascii_punct(cp) && converts(s, a, b, at) ? fullwidth(cp) : cp;
}

/* U+00A0, U+00AD, U+200B–U+200F, U+2060, U+3000, U+FEFF at i: a line with
 * one takes the full path. */
static int special_at(const unsigned char *s, size_t i, size_t b) {
    if (i + 1 >= b) return 0;
    unsigned char c = s[i], d = s[i + 1], e = i + 2 < b ? s[i + 2] : 0;
    return (c == 0xC2 && (d == 0xA0 || d == 0xAD)) || (c == 0xE2 && d == 0x80 && e >= 0x8B && e <= 0x8F) ||
           (c == 0xE2 && d == 0x81 && e == 0xA0) || (c == 0xE3 && d == 0x80 && e == 0x80) ||
           (c == 0xEF && d == 0xBB && e == 0xBF);
}

/* Writes the text from *copied up to i, then n bytes of replacement for
 * the input at i. */
static int put_change(tbuf *out, const tbuf *in, size_t *copied, size_t i, const char *rep, size_t n) {
    if (tbuf_copy(out, in, *copied, i - *copied)) return -1;
    return n ? tbuf_append(out, rep, n, in->base + (in->src ? in->src[i] : 0)) : 0;
}

/* One line [a, b) on the fast path: the full path's rules, byte by byte,
 * for a line whose only concerns are ASCII marks and spaces. Changes go
 * to out as they are found, with the unchanged text before them from
 * *copied on. Returns 0, or 2 as soon as the line shows it needs the full
 * path (parentheses, \r, a wide or invisible space, two marks with only
 * spaces between): the caller then undoes what was written. -1 when out
 * of memory. One scan does both: which path, and the fast path's work. */
static int line_fast(const tbuf *in, tbuf *out, size_t a, size_t b, size_t *copied, punct_stats *st) {
    const unsigned char *s = (const unsigned char *)in->s;
    size_t first = a, last = b;
    while (first < b && ascii_space(s[first])) first++;
    while (last > first && ascii_space(s[last - 1])) last--;
    int last_punct = 0;
    for (size_t i = a; i < b; i++) {
        /* What no rule here looks at (and what ends a run of marks) is
         * skipped 16 bytes at a time. */
        size_t j = scan_punct_marks(s, i, b);
        if (j > i) last_punct = 0;
        if (j == b) break;
        i = j;
        unsigned char c = s[i];
        if (c >= 0x80) {
            if (special_at(s, i, b)) return 2;
            last_punct = 0;
        } else if (c == '(' || c == ')' || c == '\r') {
            return 2;
        } else if (is_ascii_punct(c)) {
            if (last_punct) return 2;
            last_punct = 1;
            if (converts(s, a, b, i)) {
                char enc[4];
                if (put_change(out, in, copied, i, enc, u8_encode(fullwidth(c), enc))) return -1;
                st->punct_changed++;
                *copied = i + 1;
            }
        } else if (ascii_space(c)) {
            size_t k = i;
            while (k < b && ascii_space(s[k])) k++;
            if (i >= first && k <= last) {
                /* A run inside the line: it goes between Chinese text, or
                 * Chinese text and digits. (Leading and trailing ones are
                 * layout's.) */
                size_t ls = i - 1;
                while (ls > a && (s[ls] & 0xC0) == 0x80) ls--;
                uint32_t l = seen(s, a, b, ls, cp_left(s, a, i)), r = seen(s, a, b, k, cp_right(s, k, b));
                if ((punct_is_cjk(l) && (punct_is_cjk(r) || is_digit(r))) || (is_digit(l) && punct_is_cjk(r))) {
                    if (put_change(out, in, copied, i, NULL, 0)) return -1;
                    st->spaces_removed += k - i;
                    *copied = k;
                }
            }
            i = k - 1;
        } else {
            last_punct = 0;
        }
    }
    return 0;
}

int punct_normalize(const tbuf *in, tbuf *out, punct_stats *st) {
    const unsigned char *s = (const unsigned char *)in->s;
    uchar *line = NULL;
    size_t cap = 0, pos = 0, copied = 0;
    int rc = 0;
    /* Room for the whole window, should anything change. */
    if (in->len && tbuf_reserve(out, in->len + in->len / 8 + 16)) return -1;
    while (pos < in->len && !rc) {
        const unsigned char *nl = memchr(s + pos, '\n', in->len - pos);
        size_t end = nl ? (size_t)(nl - s) : in->len;
        size_t next = nl ? end + 1 : end;
        if (s[pos] != '?') {
            size_t saved_len = out->len, saved_copied = copied;
            punct_stats saved_st = *st;
            int r = line_fast(in, out, pos, end, &copied, st);
            if (r < 0) {
                rc = -1;
                break;
            }
            if (r == 0) {
                pos = next;
                continue;
            }
            out->len = saved_len; /* the full path writes this line */
            if (out->s) out->s[out->len] = 0;
            copied = saved_copied;
            *st = saved_st;
        } else if (!line_needs(s, pos, end)) {
            /* A line that starts with '?' may be lost indentation: the full
             * path, when it holds anything the rules look at. */
            pos = next;
            continue;
        }
        if (pos > copied && tbuf_copy(out, in, copied, pos - copied)) {
            rc = -1;
            break;
        }
        size_t n = 0;
        for (size_t p = pos; p < end;) {
            uint32_t cp;
            size_t k = u8_decode(s + p, end - p, &cp);
            if (cp == '\r') {
                /* \r before the line end goes; a lone \r inside ends a line. */
                p += k;
                if (p == end) continue;
                cp = '\n';
                k = 0;
            }
            int plain = is_plain(cp);
            size_t len = k;
            uint32_t last = cp;
            int han = plain && is_han(cp);
            if (plain) {
                len = run_end(s, p + k, end) - p;
                if (len > k) {
                    last = last_char(s, p, p + len);
                    han = han || any_han(s, p + k, p + len);
                }
            }
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 256;
                uchar *q = realloc(line, ncap * sizeof *q);
                if (!q) {
                    rc = -1;
                    break;
                }
                line = q;
                cap = ncap;
            }
            line[n].cp = line[n].orig = cp;
            line[n].last = last;
            line[n].src = in->src ? in->src[k ? p : p - 1] : 0;
            line[n].pos = (uint32_t)(p - pos);
            line[n].len = (uint32_t)len;
            line[n].hans = (uint32_t)han;
            line[n].run = (uint8_t)plain;
            line[n].drop = is_invisible(cp) != 0;
            n++;
            p += len;
        }
        if (rc) break;
        /* A lone \r splits the line in two; each part is normalised alone. */
        size_t a = 0;
        for (size_t i = 0; i <= n && !rc && line; i++) {
            if (i < n && line[i].cp != '\n') continue;
            drop_lost_indent(line + a, i - a);
            if (fix_punct(line + a, i - a, st)) rc = -1;
            fix_spaces(line + a, i - a, st);
            if (emit(out, in, line + a, i - a, pos)) rc = -1;
            if (i < n && tbuf_append(out, "\n", 1, in->base + line[i].src)) rc = -1;
            a = i + 1;
        }
        if (nl && tbuf_append(out, "\n", 1, in->base + (in->src ? in->src[end] : 0))) rc = -1;
        pos = next;
        copied = next;
    }
    free(line);
    if (rc) return rc;
    if (copied == 0) return 1; /* nothing to change: out is not written */
    return in->len > copied ? tbuf_copy(out, in, copied, in->len - copied) : 0;
}
