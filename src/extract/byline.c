/*
 * byline: who reported and published an article — the dateline that opens
 * a report ("新华社北京1月13日电", "本报讯（记者张伟）"), the source outlet,
 * the reporters' names, and the metadata lines of a page (来源, 责任编辑)
 * and of a web page's head, attached to the article they belong to.
 *
 * Not for: the people of the meeting (people.c) or reading the metadata
 * lines off the page (clean.c collects them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"

static int outlet_name(const ustr *u, size_t s, size_t e);
static size_t name_run(const ustr *u, size_t i, size_t end, size_t max);

/* "晨报讯", "金黔在线讯" at i: a name that ends like an outlet's and its
 * 讯; where the report begins after it, 0 when none. */
static size_t outlet_xun(const ustr *u, size_t i, size_t end) {
    size_t run = name_run(u, i, end, 10);
    for (size_t r = i + 2; r < run; r++)
        if (u->cp[r] == 0x8BAF /* 讯 */) return outlet_name(u, i, r) ? r + 1 : 0;
    return 0;
}

/* After a dateline ("新华社北京1月13日电", "本报讯（记者张伟）", and when
 * xun is set "晨报讯"), where the report itself begins; 0 when the
 * paragraph has none. */
static size_t dateline_end(const ustr *u, size_t start, size_t end, int xun) {
    size_t limit = start + 40 < end ? start + 40 : end;
    size_t p = ustr_find(u, start, limit, "日电");
    if (p != USTR_NONE) return p + 2;
    p = ustr_find(u, start, start + 12 < end ? start + 12 : end, "社电");
    if (p == USTR_NONE) p = ustr_find(u, start, start + 12 < end ? start + 12 : end, "网电");
    if (p != USTR_NONE) return p + 2;
    p = ustr_find(u, start, limit, "本报讯");
    if (p == USTR_NONE) p = ustr_find(u, start, limit, "日讯");
    if (p == USTR_NONE) p = ustr_find(u, start, limit, "消息");
    /* "又讯5月25日，…": a second report in the same column */
    if (p == USTR_NONE && (ustr_at(u, start, "又讯") || ustr_at(u, start, "本报又讯"))) p = start + (ustr_at(u, start, "又讯") ? 0 : 2);
    size_t x = p == USTR_NONE && xun ? outlet_xun(u, start, end) : 0;
    if (p == USTR_NONE && !x) return 0;
    p = x ? x : p + (ustr_at(u, p, "本报讯") ? 3 : 2);
    if (p < end && (u->cp[p] == 0xFF08 || u->cp[p] == '(')) { /* （记者…） */
        while (p < end && u->cp[p] != 0xFF09 && u->cp[p] != ')') p++;
        if (p < end) p++;
    }
    while (p < end && (u->cp[p] == 0xFF1A || u->cp[p] == ':' || u->cp[p] == ' ')) p++;
    return p;
}

size_t after_dateline(const ustr *u, size_t start, size_t end) { return dateline_end(u, start, end, 1); }

/* A dateline that opens a report where a page holds several: not "X讯"
 * alone, which a report's byline or caption may stand above. */
int opens_report(const ustr *u, size_t start, size_t end) {
    return dateline_end(u, start, end, 0) > 0 &&
           ustr_find(u, start, end < start + 40 ? end : start + 40, "消息") == USTR_NONE;
}

/* "据新华社国务院总理…": an attribution with no date, before a title. */
size_t after_attribution(const ustr *u, size_t start, size_t end) {
    if (!ustr_at(u, start, "据")) return 0;
    for (size_t e = start + 3; e < start + 9 && e <= end; e++) {
        uint32_t c = u->cp[e - 1];
        if (!u_is_han(c)) break;
        if (c == 0x793E /* 社 */ || c == 0x7F51 /* 网 */) return e;
    }
    return 0;
}

/* Names after 记者: separated by spaces or 、; six characters run together
 * are two names of three ("薛立伟徐佳倩"). Not a byline: "记者从…获悉". */
static void read_byline(const ustr *u, size_t i, size_t end, article *a) {
    if (i < end && char_in(&not_byline, u->cp[i])) return;
    while (i < end) {
        while (i < end && (u->cp[i] == ' ' || u->cp[i] == 0x3001 || u->cp[i] == 0x3000)) i++;
        size_t st = i;
        size_t w;
        while (i < end && u_is_han(u->cp[i]) && i - st < 6 &&
               (i - st < 2 || !ustr_at_any(u, i, WORDS(byline_after_name), &w)))
            i++;
        size_t n = i - st;
        if (n == 6 && (i >= end || !u_is_han(u->cp[i]))) {
            if (art_add_unique(a, &a->reporters, art_slice(a, u, st, st + 3)) ||
                art_add_unique(a, &a->reporters, art_slice(a, u, st + 3, i)))
                return;
        } else if (n >= 2 && n <= 4) {
            if (art_add_unique(a, &a->reporters, art_slice(a, u, st, i))) return;
        } else {
            break;
        }
        if (i >= end || (u->cp[i] != ' ' && u->cp[i] != 0x3001 && u->cp[i] != 0x3000)) break;
    }
}

/* ------------------------------------------------------------ the source
 * An outlet is read by grammar, not from a list of outlets: a short run of
 * name characters that a dateline or byline delimits ("X讯", "X记者") or
 * that ends like an outlet's name (社 报 网 台 中心 新闻 客户端). */

/* Characters of an outlet's name: Han, Latin letters, digits, '.' (CCTV.com). */
static int name_char(uint32_t c) {
    return u_is_han(c) || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '.';
}

static int is_self(const ustr *u, size_t s, size_t e) {
    size_t w;
    return ustr_at_any(u, s, WORDS(self_outlets), &w) == e - s;
}

/* Does [s, e) end like an outlet and name one (not 本报, not 本网)? */
static int outlet_name(const ustr *u, size_t s, size_t e) {
    size_t n = ends_with_any(u, e, WORDS(outlet_endings));
    return n && e >= s + n + 1 && e >= s + 2 && e - s <= 12 && !is_self(u, s, e); /* "新闻" alone is none */
}

/* The outlet opening [s, e): all of it, else its longest opening that is
 * one ("人民网北京" → 人民网); 0 when none. */
static size_t outlet_prefix(const ustr *u, size_t s, size_t e) {
    for (size_t m = e; m >= s + 2; m--)
        if (outlet_name(u, s, m)) return m;
    return 0;
}

/* Past the marks a dateline or byline line opens with. */
static size_t skip_openers(const ustr *u, size_t i, size_t end) {
    while (i < end && char_in(&line_openers, u->cp[i])) i++;
    return i;
}

static size_t name_run(const ustr *u, size_t i, size_t end, size_t max) {
    size_t r = i;
    while (r < end && r - i < max && name_char(u->cp[r])) r++;
    return r;
}

/* "X讯", "【X专讯】", "X2016年10月24日讯", "新华社快讯": the X before the
 * news mark, cut before a date. A 快讯/专讯 is a column name unless X ends
 * like an outlet ("两会快讯"). Returns its end, 0 when none. */
static size_t news_mark_outlet(const ustr *u, size_t i, size_t r, int bracketed, int *self) {
    for (size_t k = i + 2; k < r; k++) {
        size_t w, x, n = ustr_at_any(u, k, WORDS(news_marks), &w);
        if (!n || ends_with_any(u, k + 1, WORDS(xun_words))) continue;
        size_t e = i; /* the name ends at a date's first digit */
        while (e < k && !u_is_digit(u->cp[e])) e++;
        if (ustr_at_any(u, i, WORDS(self_outlets), &x)) return (*self = 1), 0; /* 本报北京3月5日讯 */
        size_t m = outlet_prefix(u, i, e);
        if (m) return m;
        /* Any other name only before a bare 讯 ("金黔在线讯", not "加强通讯"),
         * inside 【】, or a site's address before 消息 ("CCTV.com消息"). */
        int bare = w == news_marks.n - 1, site = ustr_find(u, i, e, ".") != USTR_NONE;
        if (e >= i + 2 && e - i <= 8 && (bracketed || bare || site) && !ustr_at_any(u, i, WORDS(xun_words), &x))
            return e;
        return 0;
    }
    return 0;
}

/* The outlet a dateline at p names: 【X网讯】, X讯（记者…）, X报（记者…）,
 * CCTV.com消息, 新华社北京3月5日电, or a line of X and a time ("自由时报
 * 2018-02-28 11:44"). *self is set by 本报讯/本网讯, which name none. */
static int dateline_outlet(const ustr *u, size_t p, size_t pe, size_t *s, size_t *e, int *self) {
    size_t i = skip_openers(u, p, pe);
    int bracketed = i > p && u->cp[i - 1] == 0x3010; /* 【 */
    if (ustr_at(u, i, "据")) i++;
    size_t r = name_run(u, i, pe, 24);
    *s = i;
    if ((*e = news_mark_outlet(u, i, r, bracketed, self)) || *self) return *e != 0;
    /* "四川新闻网-成都商报讯": a portal's repost of a paper's report names the paper */
    if (r < pe && r > i && (u->cp[r] == '-' || u->cp[r] == 0xFF0D) && outlet_name(u, i, r)) {
        size_t i2 = r + 1, r2 = name_run(u, i2, pe, 24);
        if ((*e = news_mark_outlet(u, i2, r2, bracketed, self))) return (*s = i2), 1;
    }
    /* "【财新网】2月11日，…": an outlet in brackets before the date */
    /* …or before a lead that opens with 据, 近日, 今天… ("【财新网】据新华社消息，…") */
    /* …or before the lead itself ("【Now新闻台】全国政协十四届二次会议在北京开幕") */
    if (bracketed && r < pe && u->cp[r] == 0x3011 && r + 1 < pe && r >= i + 3 && outlet_name(u, i, r) &&
        !ends_with_any(u, r, WORDS(news_columns))) /* 【两会快报】 is a column */
        return (*e = r), 1;
    /* "《新华社》1月8日消息": the outlet in title marks before the date */
    if (i > p && u->cp[i - 1] == 0x300A && r + 1 < pe && u->cp[r] == 0x300B && u_is_digit(u->cp[r + 1]) &&
        outlet_name(u, i, r))
        return (*e = r), 1;
    for (size_t k = i + 2; k < r && k < i + 14; k++)
        if ((ustr_at(u, k, "（记者") || ustr_at(u, k, "(记者")) && outlet_name(u, i, k)) return (*e = k), 1;
    if (after_dateline(u, p, pe) && ustr_find(u, p, pe < p + 40 ? pe : p + 40, "电") != USTR_NONE) {
        for (size_t k = i + 2; k < i + 8 && k < r; k++)
            if (ends_with_any(u, k, WORDS(outlet_suffixes)) && !is_self(u, i, k)) return (*e = k), 1;
    }
    /* A line of an outlet and a time under the headline. */
    size_t d = i;
    while (d < r && !u_is_digit(u->cp[d])) d++;
    if (d < r && pe - p <= 40 && outlet_name(u, i, d) && !all_han(u, d, pe)) {
        size_t han = 0;
        for (size_t k = d; k < pe; k++) han += u_is_han(u->cp[k]) && !ustr_at(u, k, "年") && !ustr_at(u, k, "月") && !ustr_at(u, k, "日");
        if (!han) return (*e = d), 1;
    }
    return 0;
}

/* Does a dateline start at k ("据新华社北京3月3日电", "晨报讯", "本报讯")?
 * Asked where the input had a space or line break in a paragraph that runs
 * a subheadline into its lead ("…作工作报告 晨报讯 中国人民政治协商会议…"):
 * clean joins the two, and the dateline alone shows where the report
 * begins. */
int dateline_at(const ustr *u, size_t k, size_t end) {
    size_t i = ustr_at(u, k, "据") ? k + 1 : k;
    if (i >= end || !u_is_han(u->cp[i])) return 0;
    size_t p = dateline_end(u, i, end, 0), lim = i + 24 < end ? i + 24 : end;
    if (p && p <= i + 24 && ustr_find(u, i, lim, "电") != USTR_NONE) {
        size_t mark = ustr_find(u, i, lim, "电"), j = i; /* the outlet, place and date before it: no punctuation */
        while (j < mark && (u_is_han(u->cp[j]) || u_is_digit(u->cp[j]))) j++;
        if (j == mark) return 1;
    }
    return outlet_xun(u, i, end) > 0;
}

/* Two outlets run together ("中外新闻社中外新闻网记者"): the first. */
static size_t first_of_two(const ustr *u, size_t k, size_t j) {
    for (size_t m = k + 3; m + 3 <= j; m++)
        if (ends_with_any(u, m, WORDS(outlet_suffixes)) && ends_with_any(u, j, WORDS(outlet_suffixes)) &&
            outlet_name(u, k, m))
            return m;
    return j;
}

/* The outlet of a byline "X记者 NAME" at the start of [p, pe) or inside a
 * bracket opening it ("本报讯（河南法治报记者吴倩）", "联合报／特派记者…").
 * Not a photo credit ("南方日报记者李细华摄"). */
static int byline_outlet(const ustr *u, size_t p, size_t pe, size_t *s, size_t *e) {
    size_t open = skip_openers(u, p, pe), limit = pe < p + 40 ? pe : p + 40;
    for (size_t r = ustr_find(u, p, limit, "记者"); r != USTR_NONE; r = ustr_find(u, r + 2, limit, "记者")) {
        size_t j = r, n, w;
        for (int moved = 1; moved;) {
            moved = 0;
            while (j > p && char_in(&byline_separators, u->cp[j - 1])) j--, moved = 1;
            if ((n = ends_with_any(u, j, WORDS(reporter_roles))) && j - n >= p) j -= n, moved = 1;
            /* "经济通通讯社驻京记者": where a correspondent is posted */
            for (size_t z = j - (j > p + 1 ? 2 : j - p); z + 4 >= j && z > p && !moved; z--)
                if (u->cp[z] == 0x9A7B /* 驻 */ && all_han(u, z, j)) j = z, moved = 1;
        }
        size_t k = j;
        while (k > p && j - k < 12 && name_char(u->cp[k - 1])) k--;
        int at_open = k == open || (k > p && (u->cp[k - 1] == 0xFF08 || u->cp[k - 1] == '('));
        /* "撰文：香港01记者": an author label names the outlet whatever its ending */
        int by_label = k >= p + 3 && u->cp[k - 1] == 0xFF1A && k - 1 - p <= 4 &&
                       (ustr_at(u, p, "撰文") || ustr_at(u, p, "作者") || ustr_at(u, p, "文：")) && j - k >= 2;
        size_t credit = ustr_find(u, r, pe < r + 16 ? pe : r + 16, "摄");
        (void)w;
        if (credit != USTR_NONE || !(by_label || (at_open && outlet_name(u, k, j)))) continue;
        *s = k;
        *e = first_of_two(u, k, j);
        return 1;
    }
    return 0;
}

/* "新华社报道，…" opening a lead: the outlet that reports it. Not "据新华社
 * 报道" (a citation inside the text). */
static int reported_by(const ustr *u, size_t p, size_t pe, size_t *s, size_t *e) {
    size_t i = skip_openers(u, p, pe), r = name_run(u, i, pe, 14), w;
    if (ustr_at(u, i, "据")) return 0;
    for (size_t k = i + 2; k + 2 <= r; k++)
        if (ustr_at_any(u, k, WORDS(report_verbs), &w) && outlet_name(u, i, k)) return (*s = i, *e = k), 1;
    return 0;
}

/* "原标题：…（修订草案）》新华社北京3月13日电 国务院总理…": a repost's
 * original title glued to the lead; where the dateline after it starts,
 * else USTR_NONE. */
static size_t after_original_title(const ustr *u, size_t p, size_t pe) {
    if (!ustr_at(u, p, "原标题")) return USTR_NONE;
    for (size_t k = p + 4; k < pe && k - p < 200; k++)
        if (dateline_at(u, k, pe)) return k;
    return USTR_NONE;
}

/* The article's source from its text: a dateline in its opening
 * paragraphs, else a byline there or closing it, else "X报道，". */
static void find_source(const ustr *u, article *a) {
    /* A dateline may stand below a portal's leftover menus and a photo
     * caption: eight short opening paragraphs are read for one. */
    size_t ps[10], pe[10], np = 0, nhead, s, e;
    for (size_t p = 0; p < u->n && np < 8 && p < 600; p = pe[np - 1] + 1) {
        ps[np] = p;
        pe[np] = para_end(u, p);
        np++;
    }
    nhead = np;
    if (np) { /* the closing paragraph: "■香港文汇报记者海岩" */
        size_t last = u->n;
        while (last > 0 && u->cp[last - 1] != '\n') last--;
        if (last > ps[np - 1]) ps[np] = last, pe[np] = u->n, np++;
        /* …or a bracket closing it: "…的春节。（武陵都市报记者袁启芳）" */
        size_t end = u->n;
        while (end > last && (u->cp[end - 1] == '\n' || u->cp[end - 1] == ' ')) end--;
        size_t open = bracket_open_before(u, end, last, 30);
        if (open != USTR_NONE && open > ps[np - 1] && np < 10) ps[np] = open, pe[np] = end, np++;
    }
    int self = 0, found = 0;
    for (size_t k = 0; k < nhead && !found && !self; k++) found = dateline_outlet(u, ps[k], pe[k], &s, &e, &self);
    for (size_t k = 0, t; k < nhead && !found && !self; k++)
        if ((t = after_original_title(u, ps[k], pe[k])) != USTR_NONE) found = dateline_outlet(u, t, pe[k], &s, &e, &self);
    /* "联合报／记者廖士锋／北京即时报导" may stand below a portal's list of
     * headlines: a byline line of its own, read among all eight */
    for (size_t k = 0; k < np && !found; k++)
        if (k < 4 || k >= nhead || pe[k] == u->n || ustr_find(u, ps[k], pe[k], "／记者") != USTR_NONE ||
            ustr_find(u, ps[k], pe[k], "／特派记者") != USTR_NONE)
            found = byline_outlet(u, ps[k], pe[k], &s, &e);
    for (size_t k = 0; k < nhead && k < 4 && !found && !self; k++) found = reported_by(u, ps[k], pe[k], &s, &e);
    /* "…参加了第一天的会议。（中国气象报）": the outlet alone in a bracket
     * closing the report */
    if (!found && !self && np > nhead && pe[np - 1] > ps[np - 1] + 3 && u->cp[ps[np - 1]] == 0xFF08 &&
        u->cp[pe[np - 1] - 1] == 0xFF09 && outlet_name(u, ps[np - 1] + 1, pe[np - 1] - 1) &&
        all_han(u, ps[np - 1] + 1, pe[np - 1] - 1))
        s = ps[np - 1] + 1, e = pe[np - 1] - 1, found = 1;
    /* "据新华社国务院总理…" opening the lead (the first paragraph of
     * sentences): a repost that names its source. Elsewhere, or with 报道
     * after it, 据 cites. */
    for (size_t k = 0; k < nhead && k < 4 && !found && !self; k++) {
        if (pe[k] - ps[k] < 15 || ustr_find(u, ps[k], pe[k], "。") == USTR_NONE) continue;
        size_t w;
        if ((e = after_attribution(u, ps[k], pe[k])) && outlet_name(u, ps[k] + 1, e) &&
            !ustr_at_any(u, e, WORDS(report_verbs), &w) && !ustr_at(u, e, "报道") && !ustr_at(u, e, "消息"))
            s = ps[k] + 1, found = 1;
        break;
    }
    if (found) a->source = art_slice(a, u, s, e);
}

void find_source_and_reporters(const ustr *u, article *a) {
    size_t end = para_end(u, 0);
    if (!a->source) find_source(u, a);
    /* Bylines: "（记者张伟）", "本报记者杜雨萌", "□记者魏震报道" near the start, or
     * "（全媒体记者郭珊珊）" closing the report. */
    size_t second = para_end(u, end + 1 < u->n ? end + 1 : end);
    size_t last = u->n;
    while (last > 0 && u->cp[last - 1] != '\n') last--;
    /* The opening 200 characters cover a byline under a subtitle or two
     * ("市政府召开第十次全体会议\n唐良智主持\n重庆日报讯（记者罗静雯）"). */
    size_t lead = u->n < 200 ? u->n : 200;
    size_t ranges[3][2] = {{0, lead > end ? lead : end}, {end, second < end + 120 ? second : end + 120}, {last, u->n}};
    for (int k = 0; k < 3 && !a->reporters.n; k++) {
        for (size_t r = ranges[k][0]; r < ranges[k][1] && !a->reporters.n; r++) {
            if (!ustr_at(u, r, "记者")) continue;
            /* Past the first paragraph only a marked byline: （记者…, 讯记者…, 本报记者… */
            if (k == 0 && r >= end &&
                !(r > 0 &&
                  (u->cp[r - 1] == 0xFF08 || u->cp[r - 1] == 0x8BAF /* 讯 */ || u->cp[r - 1] == 0x62A5 /* 报 */)))
                continue;
            read_byline(u, r + 2, para_end(u, r), a);
        }
    }
}

/* "来源：区人大常委会办公室 张琪": cleaning took out the space before the
 * writer's name; an office's name ends in one of these, and a name with a
 * common surname after it is the writer's. The length of v to keep. */
/* "来源：山西新闻网 山西日报": two outlets that cleaning joined; the first
 * is kept (a name of 3-8 characters ending in 网 or 报, then another of 4-8
 * ending in 报, 网, 社 or 台). The length of v[0..len) to keep. */
static size_t first_of_two_outlets(const char *v, size_t len) {
    ustr t;
    if (ustr_init(&t, v, len) < 0) return len;
    size_t keep = len;
    if (t.n >= 6 && t.n <= 16 && all_han(&t, 0, t.n)) {
        uint32_t last = t.cp[t.n - 1];
        int ends = last == 0x62A5 /* 报 */ || last == 0x7F51 /* 网 */ || last == 0x793E /* 社 */ || last == 0x53F0 /* 台 */;
        for (size_t m = 3; ends && m + 4 <= t.n && m <= 8; m++)
            if ((t.cp[m - 1] == 0x7F51 || t.cp[m - 1] == 0x62A5) && t.n - m <= 8 && !ustr_at(&t, m, "社") &&
                !ustr_at(&t, m, "网") && !ustr_at(&t, m, "报")) {
                keep = t.off[m];
                break;
            }
    }
    ustr_free(&t);
    return keep;
}

static size_t before_writer(const char *v) {
    static const char *const offices[] = {"办公室", "宣传部", "中心", "宣传科", "办"};
    size_t len = strlen(v);
    for (size_t i = 0; i < sizeof offices / sizeof *offices; i++) /* "县委办公室": no name after it */
        if (len >= strlen(offices[i]) && strcmp(v + len - strlen(offices[i]), offices[i]) == 0) return len;
    for (size_t n = 3; n >= 2; n--) {
        if (len < n * 3 + 9) continue;
        size_t cut = len - n * 3;
        ustr name;
        if (ustr_init(&name, v + cut, n * 3) < 0) return len;
        int named = name.n == n && all_han(&name, 0, n) && char_in(&surnames, name.cp[0]);
        ustr_free(&name);
        for (size_t i = 0; named && i < sizeof offices / sizeof *offices; i++) {
            size_t ol = strlen(offices[i]);
            if (cut >= ol + 6 && memcmp(v + cut - ol, offices[i], ol) == 0) return cut;
        }
    }
    return len;
}

/* A 来源 value as an outlet: "《河南日报》" → 河南日报 (a paper named as a
 * title is the paper); "民权网文章", "茶陵县人民政府来源截图" lose the words
 * after the outlet; "本站", "本网" name none (NULL). */
static char *strip_book_marks(article *a, const char *v) {
    for (size_t i = 0; i < self_outlets.n; i++)
        if (strncmp(v, self_outlets.w[i], strlen(self_outlets.w[i])) == 0) return NULL;
    /* "来源：原创文章", "来源： 浏览量：" (an empty value before the next label) */
    for (size_t i = 0; i < no_outlet_values.n; i++)
        if (strncmp(v, no_outlet_values.w[i], strlen(no_outlet_values.w[i])) == 0) return NULL;
    size_t len = strlen(v);
    if (len && (v[len - 1] == ':' || (len >= 3 && strcmp(v + len - 3, "：") == 0))) return NULL;
    /* …and page buttons glued to it: "黄石日报返回上页", "今日张店收集" */
    static const char *const tails[] = {"来源截图", "来源", "文章", "稿件", "截图", "返回", "收集", "打印", "关闭", "收藏", "分享"};
    size_t n = strlen(v);
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        const char *t = strstr(v, tails[i]);
        if (t && t > v) {
            n = (size_t)(t - v);
            break;
        }
    }
    if (n < strlen(v)) {
        char *cut = art_need(a, malloc(n + 1));
        if (!cut) return NULL;
        memcpy(cut, v, n);
        cut[n] = 0;
        char *s = strip_book_marks(a, cut);
        free(cut);
        return s;
    }
    size_t o = strlen("《"), c = strlen("》");
    if (n > o + c && memcmp(v, "《", o) == 0 && strstr(v + o, "》") == v + n - c) {
        char *s = art_need(a, malloc(n - o - c + 1));
        if (!s) return NULL;
        memcpy(s, v + o, n - o - c);
        s[n - o - c] = 0;
        return s;
    }
    size_t keep = first_of_two_outlets(v, before_writer(v));
    return art_need(a, strndup(v, keep));
}

/* The order of sources: a 来源 line (the first), else the dateline or
 * byline find_source read. */
static void set_line_source(article *a, const char *value) {
    if (a->source_from_line) return;
    char *s = strip_book_marks(a, value);
    if (!s) return; /* "来源：本站" names no outlet: a dateline or byline still may */
    free(a->source);
    a->source = s;
    a->source_from_line = 1;
}

/* Page metadata lines go to the article they stood in or after. */
void attach_fields(const clean_doc *cd, const ustr *doc, const para *ps, const block *bl, article *arts, size_t n) {
    if (n == 0) return; /* no article to hold them (arts[0] is a placeholder nobody frees) */
    for (size_t f = 0; f < cd->nfields; f++) {
        const doc_field *fd = &cd->fields[f];
        size_t at = 0;
        for (size_t k = 0; k < n; k++)
            if (doc->off[ps[bl[k].first].a] <= fd->text_offset) at = k;
        /* A page's metadata usually belongs to its report, not to a caption. */
        while (at > 0 && arts[at].is_meeting == 0 && bl[at].other) at--;
        article *a = &arts[at];
        if (fd->kind == FIELD_SOURCE && !fd->role[0]) {
            /* an outlet a portal's stamp line names with no 来源 label: after
             * the dateline and byline, as a byline's outlet is */
            if (!a->source) a->source = strip_book_marks(a, fd->value);
        } else if (fd->kind == FIELD_SOURCE) {
            set_line_source(a, fd->value);
            /* A 来源 line above the first article is the page's: it names
             * the outlet of every article that names none. */
            for (size_t k = 1; k < n && at == 0 && fd->text_offset <= doc->off[ps[bl[0].first].a]; k++)
                if (!arts[k].source) arts[k].source = strip_book_marks(&arts[k], fd->value);
        } else {
            art_add(a, &a->editor_roles, art_strdup(a, fd->role));
            art_add(a, &a->editor_names, art_strdup(a, fd->value));
        }
    }
}

/* A web page's own metadata fills what the text did not give. */
void attach_page(const clean_doc *cd, article *arts, size_t n) {
    if (!cd->is_html || n == 0) return;
    article *a = &arts[0];
    if (!a->title && cd->page.title) a->title = art_strdup(a, cd->page.title);
    if (!a->source && cd->page.source) a->source = art_strdup(a, cd->page.source);
    if (a->editor_names.n == 0 && cd->page.editor) {
        art_add(a, &a->editor_roles, art_strdup(a, "责任编辑"));
        art_add(a, &a->editor_names, art_strdup(a, cd->page.editor));
    }
}
