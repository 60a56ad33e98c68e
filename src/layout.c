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
#include <stdlib.h>
#include <string.h>
#include "layout.h"
#include "punct.h"
#include "utf8.h"

/* Whitespace, and the cell borders of tables flattened to text ("… | |"),
 * are trimmed from both ends of a line. */
static int is_ws(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || cp == '\r' || cp == '|';
}

line_info *layout_lines(const tbuf *t, size_t *n) {
    size_t count = 1;
    for (size_t i = 0; i < t->len; i++) count += t->s[i] == '\n';
    line_info *lines = calloc(count, sizeof *lines);
    if (!lines) return NULL;
    const unsigned char *s = (const unsigned char *)t->s;
    size_t k = 0, pos = 0;
    while (k < count) {
        const unsigned char *nl = memchr(s + pos, '\n', t->len - pos);
        size_t end = nl ? (size_t)(nl - s) : t->len;
        size_t a = pos, b = end;
        uint32_t cp;
        while (a < b) {
            size_t w = u8_decode(s + a, b - a, &cp);
            if (!is_ws(cp)) break;
            a += w;
        }
        lines[k].indented = a > pos;
        /* Trailing whitespace: step back over ASCII and U+3000 / U+00A0. */
        while (b > a) {
            if (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '|') b--;
            else if (b - a >= 3 && memcmp(s + b - 3, "\xE3\x80\x80", 3) == 0) b -= 3;
            else if (b - a >= 2 && memcmp(s + b - 2, "\xC2\xA0", 2) == 0) b -= 2;
            else break;
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
} line_shape;

static int is_punct(uint32_t cp) {
    return (punct_is_cjk(cp) && !is_han(cp)) || cp == ',' || cp == '.' || cp == ';' || cp == ':';
}

static line_shape shape_of(const tbuf *t, const line_info *li) {
    line_shape sh = {0};
    const unsigned char *s = (const unsigned char *)t->s;
    for (size_t pos = li->start; pos < li->end;) {
        uint32_t cp;
        pos += u8_decode(s + pos, li->end - pos, &cp);
        if (!sh.chars) sh.first = cp;
        sh.before_last = sh.last;
        sh.last = cp;
        sh.chars++;
        if (is_punct(cp) && cp != 0x201C && cp != 0x201D) sh.punctuated = 1;
    }
    return sh;
}

/* A sentence ends here: 。！？；… or a closing quote/bracket right after one. */
static int ends_sentence(const line_shape *sh) {
    if (punct_is_terminal(sh->last)) return 1;
    if (sh->last == 0x201D || sh->last == 0x2019 || sh->last == 0xFF09 || sh->last == 0x300D || sh->last == 0x300F)
        return punct_is_terminal(sh->before_last);
    return 0;
}

static int starts_text(uint32_t cp) {
    return is_han(cp) || (cp >= '0' && cp <= '9') || cp == 0x201C || cp == 0x300A || cp == 0xFF08 ||
           (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static int column_mode(const tbuf *t, const line_info *lines, size_t n) {
    size_t body = 0, open = 0, lens[64], nl = 0, shortish = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind != LINE_BODY) continue;
        line_shape sh = shape_of(t, &lines[i]);
        body++;
        open += !ends_sentence(&sh);
        shortish += sh.chars <= 24;
        if (nl < 64) lens[nl++] = sh.chars;
    }
    (void)lens;
    /* Newspaper columns give many lines; a handful of short lines is a
     * page of headings and furniture, not columns. */
    return body >= 10 && shortish * 10 >= body * 7 && open * 10 >= body * 4;
}

/* News agency datelines ("新华社北京1月13日电", "本报讯（记者…）") open a
 * report and run straight into its first sentence. */
static const char *const dateline_marks[] = {"日电", "本报讯", "日讯", "讯（记者", "消息（记者", "电（记者"};

static int is_dateline(const tbuf *t, const line_info *li) {
    for (size_t i = 0; i < sizeof dateline_marks / sizeof dateline_marks[0]; i++)
        if (memmem(t->s + li->start, li->end - li->start, dateline_marks[i], strlen(dateline_marks[i]))) return 1;
    return 0;
}

static int contains(const tbuf *t, const line_info *li, const char *what) {
    return memmem(t->s + li->start, li->end - li->start, what, strlen(what)) != NULL;
}

/* Prose has commas; headlines and subtitles use 、 and spaces, if anything. */
static int has_comma(const tbuf *t, const line_info *li) { return contains(t, li, "，"); }

/* Photo captions end with the photographer's credit (…新华社记者某某摄). */
static int ends_with_credit(const tbuf *t, const line_info *li) {
    size_t n = li->end - li->start;
    return n >= 3 && (memcmp(t->s + li->end - 3, "摄", 3) == 0 || memcmp(t->s + li->end - 3, "图", 3) == 0);
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
static int sentence_goes_on(const tbuf *t, const line_info *lines, size_t n, size_t j) {
    for (size_t k = j; k < n; k++) {
        if (lines[k].kind == LINE_BLANK) continue;
        if (lines[k].kind != LINE_BODY || (k > j && lines[k].indented)) return 0;
        line_shape sh = shape_of(t, &lines[k]);
        if (sh.punctuated) return 1;
    }
    return 0;
}

void layout_join(const tbuf *t, const line_info *lines, size_t n, unsigned char *join) {
    int columns = column_mode(t, lines, n);
    memset(join, 0, n);
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind != LINE_BODY) continue;
        size_t j = i + 1;
        int blank = 0;
        while (j < n && lines[j].kind == LINE_BLANK) {
            blank = 1;
            j++;
        }
        if (j >= n || lines[j].kind != LINE_BODY || lines[j].indented) continue;
        line_shape a = shape_of(t, &lines[i]), b = shape_of(t, &lines[j]);
        if (ends_sentence(&a) || !starts_text(b.first)) continue;
        if (columns) {
            /* An indented line without punctuation is a heading or caption
             * title; a run of unpunctuated lines joins only when the sentence
             * it starts goes on in the same block. */
            int heading = lines[i].indented && !a.punctuated && !is_dateline(t, &lines[i]);
            join[i] = !heading && (a.punctuated || sentence_goes_on(t, lines, n, j));
        } else {
            /* Blank lines are not consulted here, so that cleaning the
             * output again (which has none) decides the same way. */
            (void)blank;
            join[i] = a.chars >= 25 && has_comma(t, &lines[i]) && !ends_with_credit(t, &lines[i]) &&
                      !starts_paragraph(t, &lines[j]) && !is_dateline(t, &lines[j]);
        }
    }
}
