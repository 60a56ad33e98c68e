/*
 * scan: finding one's way in the text of an article — the clause or
 * sentence around an index, the paragraph's end, the report's first
 * paragraph with a sentence, a bracketed qualifier, a word ending at an
 * index. Indices are code points of a ustr.
 *
 * Not for: deciding what a phrase means (people.c, meeting.c, date.c,
 * byline.c) nor which words to look for (lexicon.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"
#include "utf8.h"

/* Length in code points of literal w if it ends exactly at index e. */
/* The UTF-8 bytes of code point cp in buf: their count. */
static size_t utf8_of(uint32_t cp, unsigned char buf[4]) {
    if (cp < 0x80) return buf[0] = (unsigned char)cp, 1;
    if (cp < 0x800) return buf[0] = (unsigned char)(0xC0 | cp >> 6), buf[1] = (unsigned char)(0x80 | (cp & 0x3F)), 2;
    if (cp < 0x10000) {
        buf[0] = (unsigned char)(0xE0 | cp >> 12), buf[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (unsigned char)(0xF0 | cp >> 18), buf[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)), buf[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Does w end at e, given the bytes of the character before e? Most words
 * fail on their last character, compared as bytes before anything is
 * decoded. */
static size_t ends_with_last(const ustr *u, size_t e, const char *w, const unsigned char *last, size_t bl) {
    size_t len = strlen(w);
    if (len < bl || (unsigned char)w[len - 1] != last[bl - 1] || memcmp(w + len - bl, last, bl) != 0) return 0;
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)w; *p; p++) n += (*p & 0xC0) != 0x80;
    if (n > e) return 0;
    return ustr_at(u, e - n, w) ? n : 0;
}

size_t ends_with(const ustr *u, size_t e, const char *w) {
    if (e == 0 || e > u->n) return 0;
    unsigned char last[4];
    size_t bl = utf8_of(u->cp[e - 1], last);
    return ends_with_last(u, e, w, last, bl);
}

size_t ends_with_any(const ustr *u, size_t e, const char *const *ws, size_t nws) {
    if (e == 0 || e > u->n) return 0;
    unsigned char last[4];
    size_t bl = utf8_of(u->cp[e - 1], last);
    /* The longest word wins: "李磊总经理" ends with 总经理, not 经理. */
    size_t best = 0;
    for (size_t i = 0; i < nws; i++) {
        size_t n = ends_with_last(u, e, ws[i], last, bl);
        if (n > best) best = n;
    }
    return best;
}

/* The length of the longest word of ws at i ("吴邦国委员长": 委员长, not
 * 委员); 0 when none is. */
size_t longest_at(const ustr *u, size_t i, const char *const *ws, size_t nws) {
    size_t best = 0;
    for (size_t k = 0; k < nws; k++) {
        size_t n = ustr_at(u, i, ws[k]);
        if (n > best) best = n;
    }
    return best;
}

int all_han(const ustr *u, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (!u_is_han(u->cp[i])) return 0;
    return a < b;
}

int is_clause_break(uint32_t cp) {
    return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == '\n' || cp == 0xFF01 || cp == 0xFF1F ||
           cp == 0xFF08 || cp == 0xFF09 || cp == 0x201C || cp == 0x201D || cp == ',' || cp == ';';
}

/* Start of the clause that contains index i (after the last break). */
size_t clause_start(const ustr *u, size_t i, size_t limit) {
    size_t s = i;
    while (s > 0 && !is_clause_break(u->cp[s - 1]) && i - s < limit) s--;
    return s;
}

size_t sentence_start(const ustr *u, size_t i) {
    size_t s = i;
    while (s > 0 && !u_is_sentence_end(u->cp[s - 1]) && u->cp[s - 1] != '\n') s--;
    return s;
}

size_t para_end(const ustr *u, size_t i) {
    while (i < u->n && u->cp[i] != '\n') i++;
    return i;
}

/* Does the clause that starts at k follow "…决定，" ("…会议决定，政协十届三次
 * 会议于3月3日在北京召开")? Then what it tells was decided, not done. */
int follows_decision(const ustr *u, size_t k) {
    return k > 2 && u->cp[k - 1] == 0xFF0C && ends_with(u, k - 1, "决定");
}

/* Past the bracket or quote that opens at i ("（送审稿）", "“两委”"),
 * closed before limit and before a sentence ends; i when none opens or
 * closes there. */
size_t bracketed_end(const ustr *u, size_t i, size_t limit) {
    static const uint32_t open[] = {0xFF08, 0x201C, 0x300A, '('}, close[] = {0xFF09, 0x201D, 0x300B, ')'};
    if (i >= u->n) return i;
    for (size_t q = 0; q < sizeof open / sizeof *open; q++) {
        if (u->cp[i] != open[q]) continue;
        for (size_t k = i + 1; k < u->n && k < limit && !u_is_sentence_end(u->cp[k]) && u->cp[k] != '\n'; k++)
            if (u->cp[k] == close[q]) return k + 1;
        return i;
    }
    return i;
}

/* Where the full-width bracket that closes at e - 1 opens, looking back
 * fewer than max characters and not before floor; USTR_NONE when e - 1
 * closes none. */
size_t bracket_open_before(const ustr *u, size_t e, size_t floor, size_t max) {
    if (e <= floor || u->cp[e - 1] != 0xFF09 /* ） */) return USTR_NONE;
    size_t o = e - 1;
    while (o > floor && u->cp[o - 1] != 0xFF08 && e - o < max) o--;
    return o > floor && u->cp[o - 1] == 0xFF08 /* （ */ ? o - 1 : USTR_NONE;
}

static int has_sentence(const ustr *u, size_t p, size_t e) {
    int sentence = e - p > 60;
    for (size_t i = p; i < e && !sentence; i++) sentence = u_is_sentence_end(u->cp[i]);
    return sentence;
}

/* The paragraph that reports the meeting: among the first ones, the first
 * sentence that convenes or chairs a meeting (a portal's headline lists,
 * captions and bylines above it have none); else the first with a full
 * sentence (headlines and navigation before it have none). */
/* Does a time word or the paragraph's opening stand just before i? */
static int timed(const ustr *u, size_t p, size_t i) {
    if (i - p < 12) return 1;
    for (size_t k = i; k > p && i - k < 4; k--) {
        uint32_t c = u->cp[k - 1];
        if (c == 0x65E5 /* 日 */ || c == 0x5929 /* 天 */ || c == 0x5348 /* 午 */ || c == 0x524D /* 前 */) return 1;
    }
    return 0;
}

/* 开展 and 进行 hold campaigns and inspections too; their object names a
 * meeting only when it is a study session ending its clause ("开展第二批…
 * 主题教育第一次集中学习，", "进行了政治理论学习，"; not "理论学习中心组"). */
int study_object_after(const ustr *u, size_t v, size_t *os, size_t *oe) {
    size_t s = v + (v < u->n && u->cp[v] == 0x4E86 /* 了 */);
    for (size_t e = s + 2; e < u->n && e - s < 60; e++) {
        uint32_t c = u->cp[e - 1]; /* brackets and quotes may stand inside: "（扩大）", "“不忘初心”" */
        if ((is_clause_break(c) && c != 0xFF08 && c != 0xFF09 && c != 0x201C && c != 0x201D) || u_is_sentence_end(c)) return 0;
        if (!ends_with_any(u, e, WORDS(study_sessions))) continue;
        if (e < u->n && u_is_han(u->cp[e]) && u->cp[e] != 0x4E86 /* 了 */) continue;
        *os = s, *oe = e;
        return 1;
    }
    return 0;
}

/* Does the convening at p only time what the report tells: "在召开政治局
 * 会议分析研究明年经济工作之前，…", "在召开…期间，"? */
int convening_times_another(const ustr *u, size_t p) {
    if (p == 0 || u->cp[p - 1] != 0x5728 /* 在 */) return 0;
    static const char *const times[] = {"之前", "之后", "前", "后", "期间", "之际", "时"};
    for (size_t k = p + 2; k < u->n && k - p < 60; k++)
        if (is_clause_break(u->cp[k]) || u_is_sentence_end(u->cp[k]))
            return ends_with_any(u, k, times, sizeof times / sizeof *times) != 0;
    return 0;
}

/* Is the paragraph [a, e) a photo's caption: "▲中共十九届四中全会…召开。
 * （图/记者曾俊豪摄）", "…出席会议。新华社记者李涛摄"? Its convening is
 * the picture's, told again by the report below it. */
int photo_caption(const ustr *u, size_t a, size_t e) {
    while (e > a && (u->cp[e - 1] == ' ' || u->cp[e - 1] == 0x3000)) e--;
    if (e > a && (u->cp[e - 1] == 0xFF09 || u->cp[e - 1] == ')')) e--;
    return (e > a && (u->cp[a] == 0x25B2 /* ▲ */ || u->cp[a] == 0x25B3 /* △ */)) || (e > a && u->cp[e - 1] == 0x6444 /* 摄 */);
}

/* "开展…集中学习", "进行了政治理论学习": a study session held at i. */
static int study_at(const ustr *u, size_t i) {
    size_t s, e;
    return (ustr_at(u, i, "开展") || ustr_at(u, i, "进行")) && study_object_after(u, i + 2, &s, &e);
}

void lead_paragraph(const ustr *u, size_t *from, size_t *to) {
    static const char *const verbs[] = {"召开", "举行", "开幕", "闭幕", "主持"};
    size_t caption = USTR_NONE, caption_end = 0; /* a photo's caption leads only when no paragraph does */
    for (size_t p = 0, k = 0; p < u->n && p < 3000 && k < 30; p = para_end(u, p) + 1, k++) {
        size_t e = para_end(u, p), w;
        if (e - p < 15 || !has_sentence(u, p, e)) continue;
        for (size_t i = p; i < e && i < p + 400; i++)
            /* "介绍了会议召开的情况" reports no convening; "昨天召开的常委会会议
             * 指出", "日前召开的…会议表决" do: a time word before it */
            if ((ustr_at_any(u, i, verbs, sizeof verbs / sizeof *verbs, &w) && (!ustr_at(u, i + 2, "的") || timed(u, p, i)) &&
                 !convening_times_another(u, i)) ||
                study_at(u, i)) {
                if (photo_caption(u, p, e)) {
                    if (caption == USTR_NONE) caption = p, caption_end = e;
                    break;
                }
                *from = p;
                *to = e - p > 400 ? p + 400 : e;
                return;
            }
    }
    if (caption != USTR_NONE) {
        *from = caption;
        *to = caption_end - caption > 400 ? caption + 400 : caption_end;
        return;
    }
    for (size_t p = 0; p < u->n; p = para_end(u, p) + 1) {
        size_t e = para_end(u, p);
        int sentence = e - p > 60;
        for (size_t i = p; i < e && !sentence; i++) sentence = u_is_sentence_end(u->cp[i]);
        if (sentence) {
            *from = p;
            *to = e - p > 400 ? p + 400 : e;
            return;
        }
    }
    *from = 0;
    *to = para_end(u, 0);
}

static int place_yu(const ustr *u, size_t i, size_t floor) {
    if (u->cp[i] != 0x4E8E /* 于 */ || i <= floor) return 0;
    /* after the meeting or its time ("会议于…", "10日于…"), never in a name
     * (夏于峰, 主席于迅) */
    uint32_t b = u->cp[i - 1];
    return b == 0x65E5 /* 日 */ || b == 0x5348 /* 午 */ || b == 0x665A /* 晚 */ || b == 0x65F6 /* 时 */ ||
           b == 0xFF0C || ends_with_any(u, i, WORDS(meeting_words));
}

static int place_jia(const ustr *u, size_t i, size_t floor) {
    if (u->cp[i] != 0x5047 /* 假 */ || i <= floor) return 0;
    uint32_t b = u->cp[i - 1];
    return b == 0x65E5 /* 日 */ || b == 0x5348 /* 午 */ || b == 0x665A /* 晚 */ || b == 0xFF0C;
}

/* 在 before a place; 于 says 在 in a formal lead ("于松江上海大众国际会议
 * 中心召开", not 关于/对于/由于/至于), 假 in Hong Kong and Macau papers
 * ("十日假中山市会议中心举行"). floor: where the clause begins. */
int place_marker(const ustr *u, size_t i, size_t floor) {
    return u->cp[i] == 0x5728 /* 在 */ || place_yu(u, i, floor) || place_jia(u, i, floor);
}

/* After the day and time that open a clause with no comma after them
 * ("2月9日（星期五）上午市人大常委会主任肖天连主持…"): where what follows
 * begins, at most limit. */
size_t after_leading_time(const ustr *u, size_t s, size_t limit) {
    for (int changed = 1; changed && s < limit;) {
        changed = 0;
        size_t k = s, w, n;
        while (k < limit && (u_is_digit(u->cp[k]) || cn_numeral_is(u->cp[k], NUM_DATE))) k++;
        if (k > s && k < limit && (u->cp[k] == 0x5E74 /* 年 */ || u->cp[k] == 0x6708 /* 月 */ || u->cp[k] == 0x65E5 /* 日 */)) {
            s = k + 1, changed = 1;
            continue;
        }
        if ((u->cp[s] == 0xFF08 || u->cp[s] == '(') && s + 1 < limit && (n = ustr_at_any(u, s + 1, WORDS(time_words), &w)) &&
            s + 1 + n < limit && (u->cp[s + 1 + n] == 0xFF09 || u->cp[s + 1 + n] == ')')) {
            s += n + 2, changed = 1;
            continue;
        }
        if ((n = ustr_at_any(u, s, WORDS(time_words), &w)) && s + n < limit) s += n, changed = 1;
    }
    return s;
}
