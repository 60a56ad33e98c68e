/*
 * layout: repairs hard line breaks.
 *
 * Two kinds of documents break lines inside paragraphs. Newspaper OCR cuts
 * every column line, usually with blank lines between ("column mode": most
 * lines short, many ending mid-sentence); there a line joins the next unless
 * it ends a sentence, the next line is indented (a new block), or both are
 * headline-like (no punctuation at all). Elsewhere a stray break splits a
 * long sentence; a line joins the next only when it is prose (long, with
 * inner punctuation), ends mid-sentence and the next follows directly.
 * Titles and short lines are never glued to the next paragraph.
 *
 * Not for: deciding which lines are article text (boiler.c).
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "bytescan.h"
#include "layout.h"
#include "punct.h"
#include "utf8.h"

/* Whitespace, and the cell borders of tables flattened to text ("… | |"),
 * are trimmed from both ends of a line. */
static int is_ws(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || cp == '\r' || cp == '|';
}

static void *grow(void **buf, size_t *cap, size_t need, size_t size) {
    if (need > SIZE_MAX / 2 / size) return NULL; /* the doubling below would wrap around */
    if (need > *cap) {
        size_t ncap = *cap ? *cap : 256;
        while (ncap < need) ncap *= 2;
        void *p = realloc(*buf, ncap * size);
        if (!p) return NULL;
        *buf = p;
        *cap = ncap;
    }
    return *buf;
}

unsigned char *layout_join_buffer(layout_scratch *s, size_t n) {
    return grow((void **)&s->join, &s->join_cap, n ? n : 1, 1);
}

void layout_scratch_free(layout_scratch *s) {
    free(s->lines);
    free(s->olines);
    free(s->join);
    free(s->shapes);
    memset(s, 0, sizeof *s);
}

line_info *layout_lines(const tbuf *t, size_t *n, line_info **buf, size_t *cap) {
    size_t count = 1 + count_byte((const unsigned char *)t->s, 0, t->len, '\n');
    line_info *lines = grow((void **)buf, cap, count, sizeof *lines);
    if (!lines) return NULL;
    memset(lines, 0, count * sizeof *lines);
    const unsigned char *s = (const unsigned char *)t->s;
    size_t k = 0, pos = 0;
    while (k < count) {
        const unsigned char *nl = pos < t->len ? memchr(s + pos, '\n', t->len - pos) : NULL;
        size_t end = nl ? (size_t)(nl - s) : t->len;
        size_t a = pos, b = end;
        uint32_t cp;
        int cols = 0;
        while (a < b) {
            size_t w = u8_decode(s + a, b - a, &cp);
            if (!is_ws(cp)) break;
            a += w;
            cols += cp == '\t' ? 4 : cp == 0x3000 ? 2 : 1;
        }
        lines[k].indented = cols;
        /* Trailing whitespace: step back over ASCII and U+3000 / U+00A0. */
        while (b > a) {
            if (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '|')
                b--;
            else if (b - a >= 3 && memcmp(s + b - 3, "\xE3\x80\x80", 3) == 0)
                b -= 3;
            else if (b - a >= 2 && memcmp(s + b - 2, "\xC2\xA0", 2) == 0)
                b -= 2;
            else
                break;
        }
        lines[k].start = a;
        lines[k].end = b;
        k++;
        pos = end + 1;
    }
    *n = count;
    return lines;
}

typedef struct {
    size_t chars;
    uint32_t first, last, before_last;
    int punctuated; /* has any Chinese or ASCII punctuation inside */
    int comma;      /* has a full-width comma */
} line_shape;

/* The code point that ends at byte e (> a). */
static uint32_t last_cp(const unsigned char *s, size_t a, size_t e, size_t *start) {
    size_t b = e - 1;
    while (b > a && e - b < 4 && (s[b] & 0xC0) == 0x80) b--;
    uint32_t cp;
    size_t k = u8_decode(s + b, e - b, &cp);
    *start = b;
    return b + k == e ? cp : 0xFFFD;
}

/* Does [i, e) hold punctuation (ASCII , . ; :, U+3001–U+3011 less 〇, a
 * full-width form), and a full-width comma? Byte by byte, for what the
 * 16-byte steps of marks_of leave. */
static void marks_tail(const unsigned char *s, size_t i, size_t e, line_shape *sh) {
    for (; i < e && !sh->comma; i++) {
        unsigned char c = s[i];
        if (c == ',' || c == '.' || c == ';' || c == ':')
            sh->punctuated = 1;
        else if (c == 0xE3 && i + 2 < e && s[i + 1] == 0x80 && s[i + 2] >= 0x81 && s[i + 2] <= 0x91 && s[i + 2] != 0x87)
            sh->punctuated = 1;
        else if (c == 0xEF && i + 1 < e && (s[i + 1] == 0xBC || s[i + 1] == 0xBD)) {
            sh->punctuated = 1;
            if (s[i + 1] == 0xBC && i + 2 < e && s[i + 2] == 0x8C) sh->comma = 1;
        }
    }
}

/* The same question 16 bytes at a time, with no branch on what they hold
 * until a comma settles it (a scan that stopped at every digit, 、 and 。
 * mispredicted there). The three loads of a step stay inside the line. */
static void marks_of(const unsigned char *s, size_t i, size_t e, line_shape *sh) {
#ifdef BYTESCAN_SSE2
    const __m128i comma = _mm_set1_epi8(','), dot = _mm_set1_epi8('.'), semi = _mm_set1_epi8(';'),
                  colon = _mm_set1_epi8(':'), e3 = _mm_set1_epi8((char)0xE3), ef = _mm_set1_epi8((char)0xEF),
                  x80 = _mm_set1_epi8((char)0x80), x87 = _mm_set1_epi8((char)0x87), bc = _mm_set1_epi8((char)0xBC),
                  bd = _mm_set1_epi8((char)0xBD), x8c = _mm_set1_epi8((char)0x8C), down = _mm_set1_epi8(-1),
                  below = _mm_set1_epi8((char)0x91);
    unsigned any = 0;
    for (; i + 18 <= e; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i)), x1 = _mm_loadu_si128((const __m128i *)(s + i + 1)),
                x2 = _mm_loadu_si128((const __m128i *)(s + i + 2));
        __m128i ascii = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, comma), _mm_cmpeq_epi8(x, dot)),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, semi), _mm_cmpeq_epi8(x, colon)));
        /* x2 - 1 puts 0x81-0x91 on 0x80-0x90, the 17 lowest signed values. */
        __m128i cjk = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(x, e3), _mm_cmpeq_epi8(x1, x80)),
                                    _mm_andnot_si128(_mm_cmpeq_epi8(x2, x87), _mm_cmplt_epi8(_mm_add_epi8(x2, down), below)));
        __m128i ef_bc = _mm_and_si128(_mm_cmpeq_epi8(x, ef), _mm_cmpeq_epi8(x1, bc));
        __m128i wide = _mm_or_si128(ef_bc, _mm_and_si128(_mm_cmpeq_epi8(x, ef), _mm_cmpeq_epi8(x1, bd)));
        any |= (unsigned)_mm_movemask_epi8(_mm_or_si128(ascii, _mm_or_si128(cjk, wide)));
        if (_mm_movemask_epi8(_mm_and_si128(ef_bc, _mm_cmpeq_epi8(x2, x8c)))) {
            sh->punctuated = sh->comma = 1;
            return;
        }
    }
    sh->punctuated = any != 0;
#endif
    marks_tail(s, i, e, sh);
}

/* Counts characters by their lead bytes and looks for punctuation by its
 * bytes, so a long line is read without decoding. */
static line_shape shape_of(const tbuf *t, const line_info *li) {
    line_shape sh = {0};
    const unsigned char *s = (const unsigned char *)t->s;
    size_t a = li->start, e = li->end;
    if (a >= e) return sh;
    sh.chars = count_char_starts(s, a, e);
    marks_of(s, a, e, &sh);
    u8_decode(s + a, e - a, &sh.first);
    size_t st;
    sh.last = last_cp(s, a, e, &st);
    sh.before_last = st > a ? last_cp(s, a, st, &st) : 0;
    return sh;
}

/* A sentence ends here: 。！？；… or a closing quote/bracket right after one. */
static int ends_sentence(const line_shape *sh) {
    if (punct_is_terminal(sh->last)) return 1;
    if (sh->last == 0x201D || sh->last == 0x2019 || sh->last == 0xFF09 || sh->last == 0x300D || sh->last == 0x300F)
        return punct_is_terminal(sh->before_last);
    return 0;
}

/* "…时间是202" / "4年3月6日": one to three digits after a Han character end
 * the line, and the next opens with the rest of a year. Not a page stamp
 * ("时间：2021-12-21") above a date ("12月1日"). */
static int broken_year(const tbuf *t, const line_info *a, const line_info *b) {
    const unsigned char *s = (const unsigned char *)t->s;
    size_t e = a->end, k = e;
    while (k > a->start && s[k - 1] >= '0' && s[k - 1] <= '9') k--;
    if (k == e || e - k > 3 || k - a->start < 3 || s[k - 1] < 0x80) return 0; /* a Han character before */
    size_t d = b->start;
    while (d < b->end && s[d] >= '0' && s[d] <= '9') d++;
    return d > b->start && (e - k) + (d - b->start) == 4 && b->end - d >= 3 && memcmp(s + d, "年", 3) == 0;
}

/* Punctuation no line of text opens with: ，。；、！？： (full width). */
static int opens_nothing(uint32_t cp) {
    return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0x3001 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1A;
}

static int starts_text(uint32_t cp) {
    return is_han(cp) || (cp >= '0' && cp <= '9') || cp == 0x201C || cp == 0x300A || cp == 0xFF08 ||
           (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static int column_mode(const line_info *lines, const line_shape *shapes, size_t n) {
    enum { WIDEST = 128 };
    size_t body = 0, open = 0, shortish = 0, width[WIDEST] = {0};
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind != LINE_BODY) continue;
        /* A portal's menu and share items (短, unpunctuated) are no column */
        if (shapes[i].chars < 8 && !shapes[i].punctuated) continue;
        body++;
        open += !ends_sentence(&shapes[i]);
        shortish += shapes[i].chars <= 24;
        if (shapes[i].chars < WIDEST) width[shapes[i].chars]++;
    }
    /* Text wrapped at a fixed width (e-book and PDF pages, mail): half the
     * lines or more within one character of the same length, 10 or more. */
    size_t same = 0;
    for (size_t w = 10; w + 1 < WIDEST; w++)
        if (width[w - 1] + width[w] + width[w + 1] > same) same = width[w - 1] + width[w] + width[w + 1];
    /* Newspaper columns give many lines; a handful of short lines is a
     * page of headings and furniture, not columns. */
    return body >= 10 && (shortish * 10 >= body * 7 || same * 2 >= body) && open * 10 >= body * 4;
}

/* News agency datelines ("新华社北京1月13日电", "本报讯（记者…）") open a
 * report and run straight into its first sentence. */
static const char *const dateline_marks[] = {"日电", "本报讯", "日讯", "讯（记者", "消息（记者", "电（记者"};

static int is_dateline(const tbuf *t, const line_info *li) {
    for (size_t i = 0; i < sizeof dateline_marks / sizeof dateline_marks[0]; i++)
        if (memmem(t->s + li->start, li->end - li->start, dateline_marks[i], strlen(dateline_marks[i]))) return 1;
    return 0;
}

/* Photo captions end with the photographer's credit (…新华社记者某某摄). */
static int ends_with_credit(const tbuf *t, const line_info *li) {
    size_t n = li->end - li->start;
    return n >= 3 && (memcmp(t->s + li->end - 3, "摄", 3) == 0 || memcmp(t->s + li->end - 3, "图", 3) == 0);
}

/* "…落实。（记者章奎）（责编：张雪冬、刘泽）": asides in full-width
 * parentheses after a finished sentence (bylines, editors) end the
 * paragraph. */
static int sentence_then_asides(const tbuf *t, const line_info *li) {
    static const char open[] = "\xEF\xBC\x88", close[] = "\xEF\xBC\x89"; /* （ ） */
    const char *s = t->s + li->start;
    size_t e = li->end - li->start;
    int asides = 0;
    while (e >= 3 && memcmp(s + e - 3, close, 3) == 0) {
        size_t k = e - 3;
        while (k >= 3 && memcmp(s + k - 3, open, 3) != 0 && e - k < 120) k--;
        if (k < 3 || memcmp(s + k - 3, open, 3) != 0) return 0;
        e = k - 3;
        asides++;
    }
    if (!asides || e == 0) return 0;
    size_t st = e - 1;
    while (st > 0 && ((unsigned char)s[st] & 0xC0) == 0x80) st--;
    uint32_t cp;
    u8_decode((const unsigned char *)s + st, e - st, &cp);
    return punct_is_terminal(cp);
}

/* Lines that open a paragraph in readouts: a date ("6月8日，", "2024年"),
 * a cue ("会议指出"), a dateline. Such a line never continues the last. */
static int starts_paragraph(const tbuf *t, const line_info *li) {
    static const char *const openers[] = {"会议", "本报讯", "新华社", "据新华", "据中新", "据人民", "中新网", "记者"};
    const char *s = t->s + li->start;
    size_t n = li->end - li->start, d = 0;
    for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++)
        if (n >= strlen(openers[i]) && memcmp(s, openers[i], strlen(openers[i])) == 0) return 1;
    while (d < n && s[d] >= '0' && s[d] <= '9') d++;
    return d > 0 && d < n && n - d >= 3 &&
           (memcmp(s + d, "月", 3) == 0 || memcmp(s + d, "年", 3) == 0 || memcmp(s + d, "日", 3) == 0);
}

/* From body line j on, skipping blank lines: does an unpunctuated run reach
 * a punctuated line before a new block (indent, non-body line, the end)? */
static int sentence_goes_on(const line_info *lines, const line_shape *shapes, size_t n, size_t j, int margin) {
    for (size_t k = j; k < n; k++) {
        if (lines[k].kind == LINE_BLANK) continue;
        if (lines[k].kind != LINE_BODY || (k > j && lines[k].indented > margin)) return 0;
        if (shapes[k].punctuated) return 1;
    }
    return 0;
}

/* Text laid out with a page margin (e-books, PDF pages: every line begins
 * with the same run of spaces, a paragraph with a few more) indents
 * relative to that margin. The margin is the most common indentation of
 * body lines when it is wide (6 columns or more: a paragraph indent is 2-4);
 * a line is indented when it goes 3 or more columns past it. */
static int margin_of(const line_info *lines, size_t n) {
    enum { WIDEST = 128 };
    size_t count[WIDEST] = {0}, best = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].kind == LINE_BODY && lines[i].indented < WIDEST) count[lines[i].indented]++;
    for (size_t w = 1; w < WIDEST; w++)
        if (count[w] > count[best]) best = w;
    return best >= 6 ? (int)best + 2 : 0;
}

int layout_join(const tbuf *t, const line_info *lines, size_t n, unsigned char *join, layout_scratch *scratch) {
    memset(join, 0, n);
    int margin = margin_of(lines, n);
    line_shape *shapes = grow(&scratch->shapes, &scratch->shapes_cap, n ? n : 1, sizeof *shapes);
    if (!shapes) return -1;
    for (size_t i = 0; i < n; i++)
        if (lines[i].kind == LINE_BODY) shapes[i] = shape_of(t, &lines[i]);
    int columns = column_mode(lines, shapes, n);
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind != LINE_BODY) continue;
        size_t j = i + 1;
        int blank = 0;
        while (j < n && lines[j].kind == LINE_BLANK) {
            blank = 1;
            j++;
        }
        if (j >= n || lines[j].kind != LINE_BODY || lines[j].indented > margin) continue;
        /* Left of the margin: a page header or a title, not the wrapped text. */
        if (margin && (lines[i].indented + 4 < margin || lines[j].indented + 4 < margin)) continue;
        line_shape a = shapes[i], b = shapes[j];
        /* No line opens with ，。；: one that does goes on the one before it
         * (blank lines or not, so that cleaning the output again decides the
         * same way). A year broken across lines ("时间是202" / "4年") is one. */
        if (opens_nothing(b.first) || broken_year(t, &lines[i], &lines[j])) {
            join[i] = 1;
            continue;
        }
        if (ends_sentence(&a) || !starts_text(b.first) || sentence_then_asides(t, &lines[i])) continue;
        if (columns) {
            /* An indented line without punctuation is a heading or caption
             * title; a run of unpunctuated lines joins only when the sentence
             * it starts goes on in the same block. */
            int heading = lines[i].indented > margin && !a.punctuated && !is_dateline(t, &lines[i]);
            join[i] = !heading && !is_dateline(t, &lines[j]) && (a.punctuated || sentence_goes_on(lines, shapes, n, j, margin));
        } else {
            /* Blank lines are not consulted here, so that cleaning the
             * output again (which has none) decides the same way. */
            (void)blank;
            join[i] = a.chars >= 25 && a.comma && !ends_with_credit(t, &lines[i]) && !starts_paragraph(t, &lines[j]) &&
                      !is_dateline(t, &lines[j]);
        }
    }
    return 0;
}
