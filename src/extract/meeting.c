/*
 * meeting: what the meeting was — its name ("2025年国防科技工业工作会议",
 * the object of 召开 or the subject of 在京召开), the body that convened it
 * (its org, from the subject or the chair's title), its place (在…召开),
 * and the paragraph cues of what it said ("会议指出", "李乐成强调").
 *
 * Not for: its people (people.c), its date (date.c), or the words it
 * matches (lexicon.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"

static size_t after_latin_label(const ustr *u, size_t s, size_t limit);

/* Digits or count numerals at k (五, 十三, 53): how many. */
static size_t count_digits(const ustr *u, size_t k) {
    size_t n = 0;
    while (k + n < u->n && n < 6 && (u_is_digit(u->cp[k + n]) || cn_numeral_is(u->cp[k + n], NUM_COUNT))) n++;
    return n;
}

/* The session ordinal that opens a meeting's name — 第53次, 五届十三次,
 * 十届委员会第三十六次, 十六届人大常委会第八次 — its length, else 0. Such a
 * name means something only with its owner (区政协五届十三次主席会议). */
static size_t session_ordinal_at(const ustr *u, size_t s) {
    size_t k = s + ustr_at(u, s, "第"), n = count_digits(u, k), w;
    if (!n || !ustr_at(u, k + n, "届")) k = s, n = count_digits(u, k);
    if (n && ustr_at(u, k + n, "届")) {
        k += n + 1;
        k += ustr_at_any(u, k, WORDS(session_bodies), &w);
    }
    size_t first = ustr_at(u, k, "第");
    size_t m = count_digits(u, k + first);
    if (m && ustr_at(u, k + first + m, "次")) return k + first + m + 1 - s;
    return k > s ? k - s : 0; /* "第一届民主议政会第二次会议": the 届 alone */
}

/* Is the object [s, e) of 召开 a meeting named only by its kind — 会议,
 * 扩大会议, 党组（扩大）会议, 常委会会议, or one that opens with a session
 * ordinal — so that its name needs its owner? */
/* Kinds then 会议 or 会 from k ("党组（扩大）会议", "常委会会议"), trying
 * each kind that matches: "常委会议" is 常委 + 会议, not 常委会 + 议. */
static int generic_rest(const ustr *u, size_t k, size_t e, int depth) {
    size_t q = k + ustr_at(u, k, "（扩大）");
    size_t m = ustr_at(u, q, "会议");
    if (!m) m = ustr_at(u, q, "会");
    if (m) {
        q += m;
        /* "党组（扩大）会议暨第八次常务会议", "党组扩大会议和党组会" */
        if (q >= e || ustr_at(u, q, "暨") || ustr_at(u, q, "和") || ustr_at(u, q, "及") || u->cp[q] == 0x3001) return 1;
    }
    if (depth > 4) return 0;
    for (size_t i = 0; i < generic_meeting_kinds.n; i++) {
        size_t n = ustr_at(u, k, generic_meeting_kinds.w[i]);
        if (n && generic_rest(u, k + n, e, depth + 1)) return 1;
    }
    return 0;
}

/* Is the object [s, e) of 召开 a meeting named only by its kind — 会议,
 * 扩大会议, 党组（扩大）会议, 常委会会议, or one that opens with a session
 * ordinal or with one of the body's organs (党组理论学习中心组扩大会议) — so
 * that its name needs its owner? */
static int organ_meeting(const ustr *u, size_t s, size_t e) {
    size_t k = s, w, n;
    while ((n = ustr_at_any(u, k, WORDS(owned_organs), &w))) k += n;
    if (k == s || k >= e) return 0;
    /* the organ holds the meeting: "党组中心组第七次集体学习", "党组理论学习
     * 中心组学习会"; not when it is the topic ("党委换届工作动员会") */
    k += session_ordinal_at(u, k);
    k += ustr_at(u, k, "（扩大）"); /* "中心组（扩大）学习会" */
    size_t rest = e - k;
    /* …学习会, …学习扩大会议 */
    if (ustr_at(u, k, "学习") && rest > 2 && generic_rest(u, k + 2, e, 0)) return 1;
    return generic_rest(u, k, e, 0) || ustr_at_any(u, k, WORDS(meeting_words), &w) == rest;
}

/* "2007年第13次常务会议": a year and an ordinal before a kind alone (not
 * before an organ's name: "2024年第三次党组理论学习中心组集体学习会议"). */
static int year_ordinal_kind(const ustr *u, size_t s, size_t e) {
    size_t y = s;
    while (y < e && y - s < 4 && u_is_digit(u->cp[y])) y++;
    if (y - s != 4 || !ustr_at(u, y, "年第")) return 0;
    size_t r = session_ordinal_at(u, y + 1);
    return r && generic_rest(u, y + 1 + r, e, 0);
}

static int generic_object(const ustr *u, size_t s, size_t e) {
    /* a quoted name is whole: "举行第二次“区人大代表双月座谈会”" */
    if (s > 0 && u->cp[s - 1] == 0x201C && e < u->n && u->cp[e] == 0x201D) return 0;
    return session_ordinal_at(u, s) || generic_rest(u, s, e, 0) || organ_meeting(u, s, e) || year_ordinal_kind(u, s, e);
}

/* Where the object of a convening verb that starts at s ends: at the first
 * meeting word that what the meeting did follows ("常务会议传达学习…"),
 * else at the last meeting word of the clause. Short brackets, quotes and
 * an enumeration stay inside ("党组（扩大）会议暨第八次常务会议",
 * "“学习贯彻”主题教育总结大会", "全省市场监管、知识产权工作会议"). s when
 * there is no meeting word. */
static size_t meeting_object_end(const ustr *u, size_t s) {
    size_t e = s, depth = 0, last = s, w;
    while (e < u->n && e - s < 60) {
        uint32_t c = u->cp[e];
        if (c == 0xFF08 || c == 0x201C || c == 0x300A || c == 0x300C) {
            if (++depth > 2) break;
        } else if (c == 0xFF09 || c == 0x201D || c == 0x300B || c == 0x300D) {
            if (!depth) break;
            depth--;
        } else if (!depth && (is_clause_break(c) || u_is_sentence_end(c))) {
            break;
        } else if (!depth && last > s && (c == ' ' || c == 0x3000)) {
            break; /* a headline's phrases: "…举行省情介绍会 向港澳委员介绍…" */
        }
        e++;
        if (depth || !ends_with_any(u, e, WORDS(meeting_words)) || ends_with_any(u, e, WORDS(not_meetings))) continue;
        last = e;
        if (e < u->n && ustr_at_any(u, e, WORDS(meeting_next_verbs), &w)) break;
    }
    return last;
}

/* Skips a relative day written with its number in brackets, ending at j:
 * "今（8）日", "昨（7）日"; j when there is none. */
static size_t relative_day_back(const ustr *u, size_t j, size_t floor) {
    if (j < floor + 5) return j;
    size_t close;
    if (u->cp[j - 1] == 0x65E5 /* 日 */ && u->cp[j - 2] == 0xFF09)
        close = j - 2; /* 今（8）日 */
    else if (u->cp[j - 1] == 0xFF09 && u->cp[j - 2] == 0x65E5)
        close = j - 1; /* 今（8日） */
    else
        return j;
    size_t o = bracket_open_before(u, close + 1, floor, 5);
    if (o == USTR_NONE || o == floor) return j;
    return u->cp[o - 1] == 0x4ECA /* 今 */ || u->cp[o - 1] == 0x6628 /* 昨 */ ? o - 1 : j;
}

/* Where the clause holding i starts, reading over short balanced brackets
 * ("中共中央政治局常务委员会今（8）日召开", "市财政局（国资委）召开"). */
static size_t clause_start_over_brackets(const ustr *u, size_t i, size_t limit) {
    size_t s = clause_start(u, i, limit);
    for (size_t open;;) {
        if (i - s >= limit) break;
        if ((open = bracket_open_before(u, s, 0, 24)) != USTR_NONE) {
            s = clause_start(u, open, limit);
            continue;
        }
        /* "全市“防疫情、抓安全”工作推进会召开": a quoted theme is inside */
        if (s > 0 && u->cp[s - 1] == 0x201D) {
            size_t o = s - 1;
            while (o > 0 && s - o < 40 && u->cp[o - 1] != 0x201C && u->cp[o - 1] != '\n') o--;
            if (o > 0 && u->cp[o - 1] == 0x201C) {
                s = clause_start(u, o - 1, limit);
                continue;
            }
        }
        break;
    }
    return s;
}

/* The subject before a convening verb at p: [*cs, *se) after the
 * dateline, a page label, time words and adverbs. */
/* What opens a clause but is not its subject: a dateline's outlet
 * ("南方网讯", "X报讯"), a byline or page note in brackets ("（记者张三）",
 * "（紧接第1版）"), a numeric date ("2025-10-23"), marks (▲, 】). */
static size_t after_clause_furniture(const ustr *u, size_t s, size_t p) {
    for (size_t prev = p + 1; prev != s && s < p;) {
        prev = s;
        while (s < p && !u_is_han(u->cp[s]) && u->cp[s] != 0x201C && u->cp[s] != 0xFF08) {
            size_t k = s;
            if (u->cp[s] == 0x3010 /* 【本报综合】 */) {
                while (k < p && k - s < 12 && u->cp[k] != 0x3011) k++;
                if (k < p && u->cp[k] == 0x3011) {
                    s = k + 1;
                    continue;
                }
                k = s;
            }
            while (k < p && u_is_digit(u->cp[k])) k++;
            if (k > s && k < p && u_is_han(u->cp[k])) break; /* "2025年…": a year opens the name */
            s = k > s ? k : s + 1;
        }
        if (s < p && u->cp[s] == 0xFF08) { /* （记者…）, （紧接第1版） */
            size_t k = s + 1;
            while (k < p && k - s < 40 && u->cp[k] != 0xFF09) k++;
            if (k < p && (ustr_find(u, s, k, "记者") != USTR_NONE || ustr_find(u, s, k, "通讯员") != USTR_NONE ||
                          ustr_find(u, s, k, "版") != USTR_NONE))
                s = k + 1;
        }
        for (size_t k = s + 1; k < p && k - s <= 8 && u_is_han(u->cp[k - 1]); k++)
            if (u->cp[k] == 0x8BAF /* 讯 */ && k + 1 < p && !u_is_han(u->cp[k + 1])) { /* 南方网讯（ */
                s = k + 1;
                break;
            }
    }
    return s;
}

/* "中共中央政治局今天（9月29日）召开会议": a date in brackets after a time
 * word; "湖北省宣传部长会议以电视电话会形式召开": how it was held. The start
 * of either ending at e, else e. */
static size_t bracket_date_or_manner_back(const ustr *u, size_t e, size_t floor) {
    size_t open = bracket_open_before(u, e, floor, 14);
    if (open != USTR_NONE) {
        int digit = 0;
        for (size_t k = open; k < e; k++) digit |= u_is_digit(u->cp[k]);
        if (digit && (ustr_find(u, open, e, "日") != USTR_NONE || ustr_find(u, open, e, "月") != USTR_NONE)) return open;
        /* "3月4日（周三）", "4日（星期三）": the weekday after the day */
        size_t w;
        if (e >= open + 3 && ustr_at_any(u, open + 1, WORDS(time_words), &w) == e - 1 - (open + 1)) return open;
    }
    if (ends_with(u, e, "形式") || ends_with(u, e, "方式"))
        for (size_t k = e - 2; k > floor && e - k < 16 && !is_clause_break(u->cp[k - 1]); k--)
            if (u->cp[k - 1] == 0x4EE5 /* 以 */) return k - 1;
    return e;
}

static void subject_before(const ustr *u, size_t p, size_t *cs, size_t *se) {
    size_t s = clause_start_over_brackets(u, p, 80);
    size_t d = after_dateline(u, s, p);
    if (d) s = d;
    s = after_latin_label(u, s, p);
    s = after_clause_furniture(u, s, p);
    if ((d = after_dateline(u, s, p))) s = d; /* furniture before a dateline */
    size_t e = p;
    for (size_t prev = e + 1; prev != e;) {
        prev = e;
        e = bracket_date_or_manner_back(u, relative_day_back(u, skip_time_place(u, e, s), s), s);
    }
    /* "为期3天的中共第十九届中央委员会第三次全体会议…落幕", "历时三天的…": how long it
     * lasted is no part of its name */
    if ((ustr_at(u, s, "为期") || ustr_at(u, s, "历时")) && e > s + 4) {
        size_t de = ustr_find(u, s, s + 8 < e ? s + 8 : e, "的");
        if (de != USTR_NONE) s = de + 1;
    }
    *cs = s;
    *se = e;
}

/* Is [cs, e) a body that convenes meetings (区政协, 国资委党委,
 * 市财政局（国资委）, 最高人民检察院)? */
static int is_body(const ustr *u, size_t cs, size_t e) {
    size_t be = e, open = bracket_open_before(u, e, cs, 12);
    if (open != USTR_NONE && all_han(u, open + 1, e - 1)) be = open;
    if (be <= cs + 1 || be - cs > 24 || !all_han(u, cs, be)) return 0;
    return ends_with_any(u, be, WORDS(org_suffixes)) || ends_with_any(u, be, WORDS(convening_bodies));
}

/* Does the body [cs, e) name an owner, or is it a word any page uses for
 * its own (公司, 集团, 学院, 我校, 本院, 全县)? "公司召开八届二次职工代表大会"
 * is the 八届二次职工代表大会. */
static int names_owner(const ustr *u, size_t cs, size_t e) {
    static const char *const own[] = {"我", "本", "该", "全"};
    static const char *const any[] = {"公司", "集团", "学校", "学院", "大学", "医院", "单位", "企业"};
    size_t w;
    /* 全县, 全市 are the page's own; 全国政协 is a body with a name */
    if (ustr_at_any(u, cs, own, sizeof own / sizeof *own, &w) && !ustr_at(u, cs, "全国")) return 0;
    return !(ustr_at_any(u, cs, any, sizeof any / sizeof *any, &w) == e - cs);
}

/* "我校党委学习中心组召开会议": a body named after the page's own word
 * (我校, 本院) still owns a meeting named by its kind alone (会议, 扩大会
 * 议), which means nothing without it; "公司召开八届二次职工代表大会" has a
 * name of its own. */
static int owns_bare_kind(const ustr *u, size_t cs, size_t se, size_t s, size_t e) {
    return se - cs > 3 && !session_ordinal_at(u, s) && generic_rest(u, s, e, 0) && is_body(u, cs + 2, se);
}

/* How many characters that end [a1, b1) open [a2, b2) again: "校党委" +
 * "党委扩大会" say 党委 once. */
static size_t overlap(const ustr *u, size_t a1, size_t b1, size_t a2, size_t b2) {
    for (size_t n = b1 - a1 < b2 - a2 ? b1 - a1 : b2 - a2; n >= 2; n--)
        if (memcmp(u->cp + b1 - n, u->cp + a2, n * sizeof *u->cp) == 0) return n;
    return 0;
}

/* Sets the name to [a1, b1) followed by [a2, b2) (the second may be empty),
 * with its span. 0 when that names nothing (a bare 会议) or memory ran out:
 * the reader goes on looking. */
/* Does the headline say the report's meeting studies this one ("中国有色
 * 集团党委传达学习党的十九届四中全会精神")? Then it is not the report's. */
static int studied_in_title(const article *a, const char *name) {
    const char *t = a->title, *at = t ? strstr(t, name) : NULL;
    if (!at || strncmp(at + strlen(name), "精神", strlen("精神")) != 0) return 0;
    static const char *const verbs[] = {"传达", "学习", "贯彻", "领会", "落实"};
    size_t from = (size_t)(at - t) > 30 ? (size_t)(at - t) - 30 : 0;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
        const char *v = strstr(t + from, verbs[i]);
        if (v && v < at) return 1;
    }
    return 0;
}

/* "某集团股份有限公司（以下简称“公司”）第三届董事会第十三次会议": the
 * bracket that gives a short form for the rest of the text is no part of
 * the name, wherever it stands. Edits s in place. */
static void drop_alias(char *s) {
    static const char *const marks[] = {"（以下简称", "（下称", "（以下称", "（简称"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        char *open = strstr(s, marks[i]), *close = open ? strstr(open, "）") : NULL;
        if (close && close[3]) memmove(open, close + 3, strlen(close + 3) + 1);
    }
}

static int set_name(const ustr *u, article *a, size_t a1, size_t b1, size_t a2, size_t b2) {
    /* A headline's column label is not the name: "（两会受权发布）十三届全国人大
     * 常委会…", "两会每日精华｜全国政协会议" */
    for (size_t k = a1; k < b1; k++)
        if (u->cp[k] == 0xFF5C /* ｜ */ || u->cp[k] == '|') a1 = k + 1;
    if (a1 < b1 && (u->cp[a1] == 0xFF08 || u->cp[a1] == 0x3010)) {
        size_t k = a1 + 1;
        while (k < b1 && u->cp[k] != 0xFF09 && u->cp[k] != 0x3011) k++;
        if (k + 2 < b1) a1 = k + 1;
    }
    /* "机关动态泉州市妇联召开…": a column's label (…动态) glued to the lead */
    for (size_t k = a1 + 2; k + 2 < b1 && k - a1 <= 4; k++)
        if (ustr_at(u, k, "动态")) {
            a1 = k + 2;
            break;
        }
    /* "一、董事会会议召开情况": an enumeration's number is no part of it */
    if (a1 + 2 < b1 && cn_numeral_is(u->cp[a1], NUM_COUNT) && u->cp[a1 + 1] == 0x3001 /* 、 */) a1 += 2;
    if (a2 < b2) a2 += overlap(u, a1, b1, a2, b2);
    /* "七届常委会第十一次会议会议": a meeting word the page doubled */
    size_t *be = a2 < b2 ? &b2 : &b1, lo = a2 < b2 ? a2 : a1;
    if (*be >= lo + 4 && ends_with(u, *be, "会议") && ends_with(u, *be - 2, "会议")) *be -= 2;
    char *first = art_slice(a, u, a1, b1), *second = art_slice(a, u, a2, b2);
    /* A bare 会议 or 会 names nothing ("一次非常重要的会议"). */
    int bare = first && second && !*second && (!strcmp(first, "会议") || !strcmp(first, "会") || !strcmp(first, "大会"));
    int set = 0;
    if (first && second && !bare && !*second && studied_in_title(a, first)) bare = 1;
    if (first && second && !bare) {
        size_t n1 = strlen(first), n2 = strlen(second);
        char *s = art_need(a, malloc(n1 + n2 + 1));
        if (s) {
            memcpy(s, first, n1);
            memcpy(s + n1, second, n2 + 1);
            drop_alias(s);
            free(a->name);
            a->name = s;
            add_span(a, "meeting.name", a1, b2 > b1 ? b2 : b1);
            set = 1;
        }
    }
    free(first);
    free(second);
    return set;
}

static void set_org(const ustr *u, article *a, size_t cs, size_t e) {
    free(a->org);
    a->org = art_slice(a, u, cs, e);
    add_span(a, "meeting.org", cs, e);
}

/* "年度的中央经济工作会议", "一次非常重要的会议": what qualifies a name
 * with 的 is not part of it (党的 is: "党的群众路线教育实践活动动员大会");
 * nor is a count or an ordinal of the occasion (首次, 一次, 这次). */
static size_t after_qualifier(const ustr *u, size_t s, size_t e) {
    size_t de = ustr_rfind(u, s, e, "的");
    if (de != USTR_NONE && !(de > s && u->cp[de - 1] == 0x515A /* 党 */)) s = de + 1;
    static const char *const occasion[] = {"首次", "一次", "这次", "此次", "本次", "该次", "又一次", "今年", "去年"};
    size_t w, n = ustr_at_any(u, s, occasion, sizeof occasion / sizeof *occasion, &w);
    if (n && e - s > n + 2) s += n;
    return s;
}

/* The object of a convening verb ending at v (召开, 举行, 召开了): its span,
 * 0 when it names no meeting. A count before it is not part of the name
 * ("召开两场专题座谈会"). */
/* The first quote in the clause from s whose words end with a meeting
 * word: its inside. */
static int quoted_meeting_in_clause(const ustr *u, size_t s, size_t *os, size_t *oe) {
    for (size_t q = s; q < u->n && q - s < 40 && u->cp[q] != 0xFF0C && u->cp[q] != 0xFF1B && u->cp[q] != '\n' &&
                       !u_is_sentence_end(u->cp[q]);
         q++) {
        if (u->cp[q] != 0x201C) continue;
        size_t c = q + 1;
        while (c < u->n && c - q < 60 && u->cp[c] != 0x201D && !u_is_sentence_end(u->cp[c])) c++;
        if (c >= u->n || u->cp[c] != 0x201D) return 0;
        if (c > q + 3 && ends_with_any(u, c, WORDS(meeting_words)) && !ends_with_any(u, c, WORDS(not_meetings))) {
            *os = q + 1;
            *oe = c;
            return 1;
        }
        q = c;
    }
    return 0;
}

static int object_after(const ustr *u, size_t v, size_t *os, size_t *oe) {
    size_t s = v;
    if (s < u->n && u->cp[s] == 0x4E86 /* 了 */) s++;
    size_t q = s;
    while (q < u->n && q - s < 3 && cn_numeral_is(u->cp[q], NUM_COUNT)) q++;
    if (q > s && q < u->n && (u->cp[q] == 0x573A /* 场 */ || u->cp[q] == 0x4E2A /* 个 */ || u->cp[q] == 0x6B21 /* 次 */))
        s = q + 1;
    /* "召开了“2012年新虹街道社区工作大会”": a quoted name is the name, and
     * so is "举行第二次“区人大代表双月座谈会”" with its ordinal */
    q = s;
    if (q < u->n && u->cp[q] == 0x7B2C /* 第 */) {
        q++;
        while (q < u->n && q - s < 5 && (cn_numeral_is(u->cp[q], NUM_COUNT) || u_is_digit(u->cp[q]))) q++;
        q = q > s + 1 && q + 1 < u->n && u->cp[q] == 0x6B21 /* 次 */ && u->cp[q + 1] == 0x201C ? q + 1 : s;
    }
    if (q < u->n && u->cp[q] == 0x201C) {
        s = q;
        size_t c = s + 1;
        while (c < u->n && c - s < 60 && u->cp[c] != 0x201D && !u_is_sentence_end(u->cp[c])) c++;
        if (c < u->n && u->cp[c] == 0x201D && c > s + 3 && ends_with_any(u, c, WORDS(meeting_words))) {
            *os = s + 1;
            *oe = c;
            return 1;
        }
    }
    size_t e = meeting_object_end(u, s);
    /* "举办了“三秦大讲堂”特期——“学习…精神专题报告会”": a quoted name
     * further on in the clause */
    if (e <= s && quoted_meeting_in_clause(u, s, os, oe)) return 1;
    /* "市委办举行处级中心组暨全员政治理论学习": a study session held */
    if (e <= s) return study_object_after(u, s, os, oe);
    s = after_qualifier(u, s, e);
    *os = s;
    *oe = e;
    return 1;
}

/* The subject of a convening verb at p when it is a body and the object is
 * generic: name = body + object ("区政协召开五届十三次主席会议" →
 * 区政协五届十三次主席会议), org = body. 1 when it was so. */
/* "委员会召开第一次全体会议" where the committee was named in full before
 * ("政协平安市第十届委员会…"): that full name, ending before cs. 0 when the
 * subject is no such bare word or no earlier mention names it. */
static int antecedent(const ustr *u, size_t cs, size_t e, size_t *fa, size_t *fb) {
    static const char *const bare[] = {"委员会", "常委会", "人大常委会", "主席团", "领导小组"};
    size_t w, n = ustr_at_any(u, cs, bare, sizeof bare / sizeof *bare, &w);
    if (!n || n != e - cs) return 0;
    for (size_t q = cs; q > n; q--) {
        if (!ends_with(u, q, bare[w])) continue;
        size_t r = q - n;
        while (r > 0 && q - r < 24 && u_is_han(u->cp[r - 1])) r--;
        if (q - r > n + 1 && is_body(u, r, q)) {
            *fa = r, *fb = q;
            return 1;
        }
    }
    return 0;
}

/* "香港新闻界庆祝国庆筹备委员会（下称筹委会）": the bracket that gives a
 * body's short form for the rest of the report is no part of its name. */
static size_t before_short_form(const ustr *u, size_t cs, size_t e) {
    static const char *const marks[] = {"（下称", "（以下简称", "（以下称", "（简称"};
    size_t open = bracket_open_before(u, e, cs, 16), w;
    return open != USTR_NONE && ustr_at_any(u, open, marks, sizeof marks / sizeof *marks, &w) ? open : e;
}

static int body_convenes(const ustr *u, size_t cs, size_t e, size_t p, article *a) {
    if (!ustr_at(u, p, "召开") && !ustr_at(u, p, "举行")) return 0; /* 市委举行常委扩大会议 */
    size_t os, oe, fa, fb;
    if (!object_after(u, p + 2, &os, &oe) || !generic_object(u, os, oe)) return 0;
    /* "中共最高权力机关的常设机关中共中央政治局常委会": the body after 的 */
    cs = after_qualifier(u, cs, e);
    /* "我县工商联召开…": the page's own 县 is 县 */
    if (e > cs + 3 && (u->cp[cs] == 0x6211 /* 我 */ || u->cp[cs] == 0x672C /* 本 */) &&
        (u->cp[cs + 1] == 0x53BF || u->cp[cs + 1] == 0x5E02 || u->cp[cs + 1] == 0x533A || u->cp[cs + 1] == 0x7701))
        cs++;
    e = before_short_form(u, cs, e);
    if (antecedent(u, cs, e, &fa, &fb)) {
        if (!set_name(u, a, fa, fb, os, oe)) return 0;
        set_org(u, a, fa, fb);
        return 1;
    }
    if (is_body(u, cs, e)) {
        /* "济南重工股份有限公司召开了一届四次职代会": a company's congress is
         * named in full by its session; "…协会召开“2017年…宣传日”动员大会":
         * a quoted theme opens a name of its own. The body is the owner. */
        int own_name = (session_ordinal_at(u, os) && ends_with_any(u, e, WORDS(companies))) || u->cp[os] == 0x201C ||
                       (os > 0 && u->cp[os - 1] == 0x201C);
        if (!(names_owner(u, cs, e) && !own_name ? set_name(u, a, cs, e, os, oe) : set_name(u, a, os, oe, oe, oe))) return 0;
        set_org(u, a, cs, e);
        return 1;
    }
    if (e - cs > 6 || !all_han(u, cs, e)) return 0; /* a short subject (学校, 公司) convenes, but is no named body */
    return set_name(u, a, os, oe, oe, oe);
}

/* A scraped page's label glued to the first line ("date 2025-12-23 中央企业
 *负责人会议…"): Latin letters, then digits, dashes and spaces. */
static size_t after_latin_label(const ustr *u, size_t s, size_t limit) {
    size_t i = s;
    while (i < limit && u->cp[i] < 0x80 && ((u->cp[i] | 0x20) >= 'a' && (u->cp[i] | 0x20) <= 'z')) i++;
    if (i == s) return s;
    while (i < limit && u->cp[i] < 0x80 &&
           (u_is_digit(u->cp[i]) || u->cp[i] == '-' || u->cp[i] == ' ' || u->cp[i] == ':'))
        i++;
    return i < limit && u_is_han(u->cp[i]) ? i : s;
}

/* "中共某省委第十二届委员会第六次全体会议（省委十二届六中全会）": a bracket
 * after a name that names the same meeting again is an alias, not part of
 * the name; a short qualifier ("（扩大）") is. */
static size_t before_alias(const ustr *u, size_t cs, size_t e) {
    size_t open = bracket_open_before(u, e, cs, 24);
    if (open == USTR_NONE || !ends_with_any(u, e - 1, WORDS(meeting_words))) return e;
    return open > cs && ends_with_any(u, open, WORDS(meeting_words)) ? open : e;
}

/* "政协海南省六届二次会议圆满完成各项议程，在海南省人大会堂闭幕": the
 * convening clause names only time and place, and the meeting opens the
 * clause before it. Only a formal name (a session ordinal or a year) with
 * a predicate after it: a bare 会议 there is often another meeting. */
static int subject_clause_before(const ustr *u, size_t cs, size_t *ns, size_t *ne) {
    if (cs < 2 || u->cp[cs - 1] != 0xFF0C) return 0;
    while (cs > 2 && u->cp[cs - 2] == 0xFF0C) cs--; /* "…各项议程，，13日上午…闭幕": a doubled comma */
    size_t pe = cs - 1, ps = clause_start_over_brackets(u, pe, 60);
    size_t d = after_dateline(u, ps, pe);
    if (d) ps = d;
    ps = after_clause_furniture(u, ps, pe); /* "（记者卢某）" after the dateline */
    static const char *const pred[] = {"圆满", "顺利", "胜利", "完成", "经过", "历时", "在", "于", "今", "昨"};
    for (size_t m = ps + 4; m <= pe && m - ps <= 40; m++) {
        size_t w;
        if (!ends_with_any(u, m, WORDS(meeting_words)) || (m < pe && !ustr_at_any(u, m, pred, sizeof pred / sizeof *pred, &w)))
            continue;
        ps = after_qualifier(u, ps, m); /* "为期7天的十四届全国人大三次会议，…" */
        int formal = ustr_find(u, ps, m, "届") != USTR_NONE || ustr_find(u, ps, m, "年") != USTR_NONE;
        if (!formal || !all_han(u, ps, m) || u->cp[m] == 0x7684 /* 的 */ || u->cp[m] == 0x7CBE /* 精(神) */) return 0;
        *ns = ps;
        *ne = m;
        return 1;
    }
    return 0;
}

/* "省人大常委会第二十二次会议圆满完成各项议程后闭幕": a clause of time
 * ending in 后 stands between the meeting and its verb; where the meeting
 * [cs, m) ends, or e when [cs, e) is no such clause. */
static size_t before_time_clause(const ustr *u, size_t cs, size_t e) {
    static const char *const pred[] = {"圆满完成", "顺利完成", "完成", "经过", "历时", "在"};
    if (e < cs + 6 || u->cp[e - 1] != 0x540E /* 后 */) return e;
    for (size_t m = cs + 4; m + 2 < e; m++) {
        size_t w;
        if (!ends_with_any(u, m, WORDS(meeting_words))) continue;
        size_t k = m;
        /* "…会议26日圆满完成…后": a day may come first */
        while (k < e && (u_is_digit(u->cp[k]) || u->cp[k] == 0x65E5 /* 日 */ || u->cp[k] == 0x6708 /* 月 */)) k++;
        if (ustr_at_any(u, k, pred, sizeof pred / sizeof *pred, &w)) return m;
    }
    return e;
}

/* Is p inside a title in 《》 (学习了《习近平主持中共中央政治局第三十六次集体
 * 学习并发表重要讲话》)? A meeting a document's title tells is not the one
 * that studies it. */
static int in_book_title(const ustr *u, size_t p) {
    for (size_t k = p; k > 0 && p - k < 60 && !u_is_sentence_end(u->cp[k - 1]) && u->cp[k - 1] != '\n'; k--) {
        if (u->cp[k - 1] == 0x300B /* 》 */) return 0;
        if (u->cp[k - 1] == 0x300A /* 《 */) return 1;
    }
    return 0;
}

/* Is the convening at p still to come ("中共10月将召开20届四中全会",
 * "定于3月5日召开"), or one that only times the report's? Then it names
 * another meeting than the one told. */
static int convening_planned(const ustr *u, size_t p) {
    /* "一、董事会会议召开情况": a section heading, not a convening (but
     * "召开情况通报会" is one) */
    static const char *const briefings[] = {"通报", "汇报", "说明", "介绍", "交流", "分析"};
    size_t w;
    if (convening_times_another(u, p) ||
        (ustr_at(u, p + 2, "情况") && !ustr_at_any(u, p + 4, briefings, sizeof briefings / sizeof *briefings, &w)))
        return 1;
    static const char *const soon[] = {"将", "即将", "将要", "拟", "准备", "计划", "决定", "关于", "研究", "为",
                                       /* "…的区县今年要抓紧时间召开大会" */
                                       "要", "抓紧时间", "尽快", "适时", "应当", "应"};
    if (ends_with_any(u, p, soon, sizeof soon / sizeof *soon)) return 1;
    size_t k = p;
    for (; k > 0 && p - k < 16 && !is_clause_break(u->cp[k - 1]); k--)
        if (ends_with_any(u, k, WORDS(planned_marks))) return 1;
    return follows_decision(u, k);
}

/* "今天上午开幕的政协第十届全国委员会常务委员会第八次会议决定，…": a
 * convening at p told with its time, then 的 and the meeting, then what
 * the meeting did. 1 when the name was so set. */
static int timed_meeting_after(const ustr *u, size_t p, article *a) {
    size_t w, q = p + 3;
    if (!ends_with_any(u, p, WORDS(time_words))) return 0;
    static const char *const did[] = {"决定", "审议", "通过", "听取", "议程", "期间", "，", "。"};
    for (size_t e = q + 4; e < u->n && e - q <= 40 && u_is_han(u->cp[e - 1]); e++)
        if (ends_with_any(u, e, WORDS(meeting_words)) && ustr_at_any(u, e, did, sizeof did / sizeof *did, &w) &&
            !ends_with(u, e, "社会"))
            return set_name(u, a, q, e, e, e);
    return 0;
}

/* Past a month and day (and the year and time with them) that open [cs, e)
 * with no comma after them: "3月27日宣郎广茶业总公司…"; a year alone stays. */
static size_t after_leading_day(const ustr *u, size_t cs, size_t e) {
    size_t k = cs;
    while (k < e && u_is_digit(u->cp[k])) k++;
    if (k > cs && k < e && u->cp[k] == 0x5E74 /* 年 */) {
        k++;
        size_t m = k;
        while (k < e && u_is_digit(u->cp[k])) k++;
        if (k == m) return cs;
    }
    /* "4日市五届人大常委会举行…": a chronicle's bare day */
    if (k > cs && k - cs <= 2 && k + 1 < e && u->cp[k] == 0x65E5 /* 日 */ && u_is_han(u->cp[k + 1])) return k + 1;
    if (k == cs || k >= e || u->cp[k] != 0x6708 /* 月 */) return cs;
    size_t d = ++k;
    while (k < e && u_is_digit(u->cp[k])) k++;
    if (k == d || k >= e || u->cp[k] != 0x65E5 /* 日 */) return cs;
    return after_leading_time(u, k + 1, e);
}

/* Past a dateline or a bare "本网讯" opening the subject. */
static size_t after_news_mark(const ustr *u, size_t cs, size_t e) {
    size_t d = after_dateline(u, cs, e);
    if (d && d < e) cs = d;
    size_t xun = ustr_find(u, cs, cs + 6 < e ? cs + 6 : e, "讯"); /* no date after it */
    return xun != USTR_NONE && all_han(u, cs, xun) ? xun + 1 : cs;
}

/* The clause before "召开/举行" when it ends with a meeting word:
 * "2025年国防科技工业工作会议1月7日在京召开" → 2025年国防科技工业工作会议.
 * A meeting that holds a meeting gives both: "市人大六届一次会议召开预备会议"
 * → 市人大六届一次会议预备会议. */
/* Does the sentence after the convening at p open by studying it ("2024年
 * 全国两会于3月4日…顺利召开。为学习贯彻两会精神，…")? Then the meeting
 * convened is what the report's meeting studies. */
static int studied_next(const ustr *u, size_t p) {
    size_t k = p;
    while (k < u->n && k - p < 80 && !u_is_sentence_end(u->cp[k])) k++;
    if (k + 2 >= u->n || u->cp[k] != 0x3002 /* 。 */ || u->cp[k + 1] != 0x4E3A /* 为 */) return 0;
    size_t e = k + 2;
    while (e < u->n && e - k < 30 && !is_clause_break(u->cp[e])) e++;
    return ustr_find(u, k + 2, e, "精神") != USTR_NONE && ustr_find(u, k + 2, e, "学习") != USTR_NONE;
}

int name_as_subject(const ustr *u, size_t from, size_t to, article *a) {
    for (size_t p = from; p < to; p++) {
        size_t which;
        if (!ustr_at_any(u, p, WORDS(convened), &which) || convening_planned(u, p) || in_book_title(u, p) ||
            studied_next(u, p))
            continue;
        /* "…预备会议结束后，大会主席团举行第一次会议": a convening that only
         * times another */
        size_t vl = strlen(convened.w[which]) / 3, os0, oe0;
        if (ustr_at(u, p + vl, "后") || ustr_at(u, p + vl, "之后")) continue;
        /* "…主席团举行第一次会议之后，…委员会接着举行了第一次会议" */
        if (object_after(u, p + vl, &os0, &oe0) && (ustr_at(u, oe0, "之后") || ustr_at(u, oe0, "后，"))) continue;
        /* "介绍了会议召开的情况": a convening that qualifies a noun reports
         * none, unless a time says when it met: "今天上午开幕的政协…第八次会议决定" */
        if (ustr_at(u, p + 2, "的")) {
            if (timed_meeting_after(u, p, a)) return 1;
            continue;
        }
        size_t cs, e;
        subject_before(u, p, &cs, &e);
        if (ends_with(u, e, "在京"))
            e -= 2;
        else if (ends_with(u, e, "在北京"))
            e -= 3;
        e = skip_time_place(u, e, cs);
        e = before_time_clause(u, cs, e);
        if (e <= cs && subject_clause_before(u, cs, &cs, &e)) {
            /* "…三次会议，今日下午在人民大会堂举行闭幕会": the meeting holds
             * a sitting of its own */
            size_t os = e, oe = e;
            if ((ustr_at(u, p, "召开") || ustr_at(u, p, "举行")) && !object_after(u, p + 2, &os, &oe)) os = oe = e;
            if (set_name(u, a, cs, e, os, oe)) return 1;
            continue;
        }
        /* "…在主席台就座，祝贺大会召开": a convening wished well is told,
         * not reported */
        if (ustr_at(u, cs, "祝贺") || ustr_at(u, cs, "预祝")) continue;
        /* "会议决定十一届…第十五次会议于6月24日召开": a meeting set for later */
        if (ustr_at(u, cs, "决定") || ustr_at(u, cs, "建议")) continue;
        /* "王忠禹宣布大会开幕": what is announced is the subject */
        size_t ann = ustr_rfind(u, cs, e, "宣布");
        if (ann != USTR_NONE) cs = ann + 2;
        /* the subject holds no other convening: "…召开主席会议决定5月16日召开…" */
        if (e <= cs || ustr_find(u, cs, e, "主持") != USTR_NONE || ustr_find(u, cs, e, "召开") != USTR_NONE ||
            ustr_find(u, cs, e, "举行") != USTR_NONE)
            continue;
        if (body_convenes(u, cs, e, p, a)) return 1;
        e = before_alias(u, cs, e);
        if (!ends_with_any(u, e, WORDS(meeting_words))) continue;
        cs = after_news_mark(u, cs, e); /* "本网讯涿鹿县…会议…举行预备会议" */
        /* "3月27日宣郎广茶业总公司…大会在…召开": a day opening the subject
         * (not a year: "2007年中央企业负责人会议" is the name) */
        cs = after_leading_day(u, cs, e);
        /* "全省人民瞩目的浙江省…会议": what qualifies the name is not part of it. */
        cs = after_qualifier(u, cs, e);
        /* "两场专题座谈会": a count of meetings is not part of the name. */
        size_t q = cs;
        while (q < e && q - cs < 3 && cn_numeral_is(u->cp[q], NUM_COUNT)) q++;
        if (q > cs && q < e && (u->cp[q] == 0x573A /* 场 */ || u->cp[q] == 0x4E2A /* 个 */)) cs = q + 1;
        size_t os = e, oe = e;
        if ((ustr_at(u, p, "召开") || ustr_at(u, p, "举行")) && !object_after(u, p + 2, &os, &oe)) os = oe = e;
        /* "中油燃气集团2026年工作会议在京召开": the body before the year's
         * name is its org, as in "集团召开2026年工作会议". */
        for (size_t y = cs + 2; y + 5 <= e; y++)
            if (u_is_digit(u->cp[y]) && !u_is_digit(u->cp[y - 1]) && u->cp[y + 4] == 0x5E74 /* 年 */ &&
                u_is_digit(u->cp[y + 3]) && is_body(u, cs, y) &&
                (!ustr_at(u, y + 5, "第") || ends_with(u, y, "公司") || ends_with(u, y, "集团"))) {
                /* not before a session ordinal: "区政协党组2022年第11次会议" needs its owner
                 * (a company's is whole: "公司2016年第三次临时股东大会") */
                set_org(u, a, cs, y);
                cs = y;
                break;
            }
        /* "区人大常委会举行第二次“区人大代表双月座谈会”": a quoted name is
         * whole, the subject its convener */
        if (os < oe && os > 0 && u->cp[os - 1] == 0x201C && oe < u->n && u->cp[oe] == 0x201D) {
            if (!set_name(u, a, os, oe, oe, oe)) continue;
            set_org(u, a, cs, e);
            return 1;
        }
        if (set_name(u, a, cs, e, os, oe)) return 1;
    }
    return 0;
}

/* "涿鹿县第十四届人民代表大会第一次会议5月17日下午在…举行预备会议": a
 * session (届 and 次) that holds a generic sitting names it with its own
 * name, as "市人大六届一次会议召开预备会议" does. 1 when it was so. */
static int meeting_holds_meeting(const ustr *u, size_t cs, size_t se, size_t os, size_t oe, article *a) {
    size_t e = skip_time_place(u, se, cs);
    cs = after_news_mark(u, cs, e);
    if (e <= cs || !generic_object(u, os, oe) || !ends_with_any(u, e, WORDS(meeting_words)) ||
        ustr_find(u, cs, e, "届") == USTR_NONE || ustr_find(u, cs, e, "次") == USTR_NONE || !all_han(u, cs, e))
        return 0;
    /* one session's name, not a sentence about sessions ("这次会议是…会议后…第一次例会") */
    static const char *const not_one_name[] = {"是", "后", "和", "这", "此", "本次"};
    for (size_t k = cs, w; k < e; k++)
        if (ustr_at_any(u, k, not_one_name, sizeof not_one_name / sizeof *not_one_name, &w)) return 0;
    return set_name(u, a, cs, e, os, oe);
}

/* "主持召开务虚会" / "召开2024年度工作会议" / "举行座谈会": the object of
 * 召开 or 举行; also of a bare 主持 ("总理温家宝主持国务院常务会议"), but not
 * of 主持会议. A generic object takes its owner from a subject that is a
 * body ("市政协召开主席会议" → 市政协主席会议). */
int name_as_object(const ustr *u, size_t from, size_t to, article *a) {
    for (size_t p = from; p < to; p++) {
        int chair_verb = ustr_at(u, p, "主持") && !ustr_at(u, p + 2, "召开") && !ustr_at(u, p + 2, "会议") &&
                         !ustr_at(u, p + 2, "了") && !ustr_at(u, p + 2, "人");
        int study_verb = ustr_at(u, p, "开展") || ustr_at(u, p, "进行"), joins = ustr_at(u, p, "参加") != 0;
        if (!ustr_at(u, p, "召开") && !ustr_at(u, p, "举行") && !ustr_at(u, p, "举办") && !chair_verb && !study_verb && !joins)
            continue;
        size_t s, e;
        if (!(study_verb ? study_object_after(u, p + 2, &s, &e) : object_after(u, p + 2, &s, &e)) ||
            convening_planned(u, p) || in_book_title(u, p))
            continue;
        /* 参加 names a meeting only when a leader joins a sitting of the Two
         * Sessions ("参加港澳地区全国政协委员联组会"); elsewhere it lists who
         * attended */
        static const char *const group_sittings[] = {"联组会", "小组会", "小组会议", "联组会议", "分组会议"};
        if (joins && !ends_with_any(u, e, group_sittings, sizeof group_sittings / sizeof *group_sittings)) continue;
        /* "传达了同期召开的…会议精神": a meeting whose spirit is studied is another;
         * "召开政治局会议前，…": one that times this one too */
        if (ustr_at(u, e, "精神") || ustr_at(u, e, "前，") || ustr_at(u, e, "后，") || ustr_at(u, e, "之前") ||
            ustr_at(u, e, "之后"))
            continue;
        /* 举办 also holds games and fairs (举办冬奥会): only talks and meetings */
        static const char *const talks[] = {"会议", "讲座", "座谈会", "报告会", "宣讲会", "研讨会", "交流会", "学习会", "分享会",
                                            "开班仪式", "开班式", "读书班", "研讨班"};
        if (ustr_at(u, p, "举办") && !ends_with_any(u, e, talks, sizeof talks / sizeof *talks)) continue;
        size_t cs, se;
        subject_before(u, p, &cs, &se);
        if (meeting_holds_meeting(u, cs, se, s, e, a)) return 1;
        int body = se > cs && ustr_find(u, cs, se, "主持") == USTR_NONE && is_body(u, cs, se);
        int named = body && generic_object(u, s, e) && (names_owner(u, cs, se) || owns_bare_kind(u, cs, se, s, e))
                        ? set_name(u, a, cs, se, s, e)
                        : set_name(u, a, s, e, e, e);
        if (!named) continue;
        if (body) set_org(u, a, cs, se);
        return 1;
    }
    return 0;
}

/* The meeting named only as the scene of a speech: "张明6日在全省工业工作
 * 会议上说，…", "在2024年工作会议上作报告". Not a bare 会上/大会上. */
int name_as_scene(const ustr *u, size_t from, size_t to, article *a) {
    for (size_t p = from; p < to; p++) {
        if (u->cp[p] != 0x5728 /* 在 */) continue;
        for (size_t e = p + 3; e < u->n && e - p < 40 && !is_clause_break(u->cp[e]); e++) {
            if (u->cp[e] != 0x4E0A /* 上 */ || !ends_with_any(u, e, WORDS(meeting_words))) continue;
            size_t end, k = e + 1;
            while (k < u->n && k - e < 4 && !is_clause_break(u->cp[k]) && !said_or_speech_at(u, k, &end)) k++;
            if (k >= u->n || k - e >= 4 || is_clause_break(u->cp[k])) break;
            if (set_name(u, a, p + 1, e, e, e)) return 1;
            break;
        }
    }
    return 0;
}

/* The meeting as the actor of what it did, with no convening verb:
 * "3月5日，公司党委会传达贯彻…", "区政府常务会议研究部署…". The subject
 * must end with a meeting word that is not also a body's name (常委会,
 * 委员会 convene; they are not meetings here). */
int name_as_actor(const ustr *u, size_t from, size_t to, article *a) {
    for (size_t p = from + 2; p < to; p++) {
        size_t w, cs, e;
        if (!ustr_at_any(u, p, WORDS(meeting_next_verbs), &w) || !u_is_han(u->cp[p - 1])) continue;
        subject_before(u, p, &cs, &e);
        if (e <= cs + 2 || e - cs > 30 || !ends_with_any(u, e, WORDS(meeting_words))) continue;
        /* "中共10月将召开20届四中全会，研究…": the object of a convening
         * is read (or passed over) as such, not as an actor */
        if (ends_with_any(u, cs, WORDS(convened))) continue;
        if (ends_with(u, e, "常委会") || ends_with(u, e, "委员会") || ustr_find(u, cs, e, "了") != USTR_NONE ||
            ustr_find(u, cs, e, "主持") != USTR_NONE || ustr_find(u, cs, e, "的") != USTR_NONE)
            continue;
        if (set_name(u, a, cs, e, e, e)) return 1;
    }
    return 0;
}

/* Is a name only a meeting's kind ("第七次常务会议", "党组扩大会")? */
static int name_is_generic(article *a, const char *name) {
    ustr n;
    if (art_fail(a, ustr_init(&n, name, strlen(name)))) return 0;
    int g = generic_object(&n, 0, n.n);
    ustr_free(&n);
    return g;
}

/* Does the headline's name open with a theme (a verb phrase: "深入贯彻落实
 * …推动…专题座谈会") in its first n bytes, not with a body? */
static int theme_before(article *a, const char *name, size_t n) {
    ustr t;
    if (art_fail(a, ustr_init(&t, name, n))) return 1;
    int theme = 0;
    for (size_t i = 0; i < t.n && !theme; i++) {
        size_t w;
        theme = ustr_at_any(&t, i, WORDS(citing_verbs), &w) || ustr_at(&t, i, "推动") || ustr_at(&t, i, "精神");
    }
    ustr_free(&t);
    return theme;
}

/* A listed company's announcement names its meeting in the headline:
 * "纵横通信：第五届董事会第六次会议决议公告", "X股份有限公司2019年第一次临时
 * 股东大会决议公告" (or a headline ending in 决议). The name is what stands
 * before 决议公告, past the company (its org). 1 when it was so. */
static int name_from_resolution(article *a) {
    static const char *const mark = "决议公告";
    const char *t = a->title, *m = t ? strstr(t, mark) : NULL;
    /* "公牛集团(603195)：…第三届董事会第十三次会议决议": a portal drops 公告 */
    size_t tl = t ? strlen(t) : 0;
    if (!m && tl > 12 && strcmp(t + tl - 6, "决议") == 0) m = t + tl - 6;
    if (!m || m - t < 12) return 0;
    size_t n = (size_t)(m - t);
    if (!(n >= 6 && (memcmp(m - 6, "会议", 6) == 0 || (n >= 12 && memcmp(m - 12, "股东大会", 12) == 0)))) return 0;
    const char *s = t, *c;
    for (const char *k = t; k < m; k++)
        if (*k == ':' || strncmp(k, "：", 3) == 0) s = k + (*k == ':' ? 1 : 3);
    c = NULL;
    for (const char *k = s; k + 6 <= m; k++)
        if (strncmp(k, "公司", 6) == 0) c = k + 6; /* the last 公司 before the name */
    if (c && c < m && c - s <= 90) {
        free(a->org);
        a->org = art_need(a, strndup(s, (size_t)(c - s)));
        s = c;
    }
    if (m - s < 12) return 0;
    free(a->name);
    a->name = art_need(a, strndup(s, (size_t)(m - s)));
    return a->name != NULL;
}

/* The headline names the meeting the text does not ("八所镇召开党委换届工作动员会" above
 * "…召开换届工作动员"): the name and body read from it. Its spans would
 * point into the title, not the text: none are kept. */
void name_from_title(article *a) {
    if (!a->title) return;
    /* a listed company's resolution names its meeting in its headline, whatever the text's first lines held */
    if (name_from_resolution(a)) {
        remove_span(a, "meeting.name");
        return;
    }
    ustr t;
    if (art_fail(a, ustr_init(&t, a->title, strlen(a->title)))) return;
    article h;
    memset(&h, 0, sizeof h);
    if (name_as_subject(&t, 0, t.n, &h) || name_as_object(&t, 0, t.n, &h)) {
        /* The headline may name the owner the text leaves out: "县政府召开
         * 第七次常务会议" above "…召开第七次常务会议". */
        /* …or the body's name in full ("国务院西部地区开发领导小组会议" above
         * "…主持召开领导小组会议"): a longer headline name that ends with
         * the text's short one. */
        size_t hn = h.name ? strlen(h.name) : 0, an = a->name ? strlen(a->name) : 0;
        int fuller = a->name && hn > an && strcmp(h.name + hn - an, a->name ? a->name : "") == 0 &&
                     (name_is_generic(a, a->name) || (an <= 18 && !theme_before(a, h.name, hn - an)));
        if (a->name && !fuller) {
            free(h.name);
            h.name = NULL;
        }
        if (!h.name) goto done;
        remove_span(a, "meeting.name"); /* read from the headline, which is not in the text */
        free(a->name);
        a->name = h.name;
        if (!a->org) a->org = h.org;
        else free(h.org);
        h.name = h.org = NULL;
    }
done:
    a->oom |= h.oom;
    free(h.name);
    free(h.org);
    free(h.spans);
    ustr_free(&t);
}

/* "我校第二届教代会…", "本院党委…": the page's own word for its body (我校,
 * 本院, 我公司) is no part of a name read across documents; the rest of the
 * name stays. */
void drop_own_reference(article *a) {
    static const char *const units[] = {"公司", "集团", "校", "院", "局", "所", "厂", "委", "会", "部", "行", "中心"};
    if (!a->name) return;
    /* "公司第五届董事会第六次会议": a bare 公司 before a session is the page's own */
    if (strncmp(a->name, "公司第", 9) == 0 && strlen(a->name) > 9 + 12) {
        char *s = art_strdup(a, a->name + 6);
        if (s) free(a->name), a->name = s;
        return;
    }
    if (strncmp(a->name, "我", 3) != 0 && strncmp(a->name, "本", 3) != 0) return;
    const char *rest = a->name + 3;
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        size_t n = strlen(units[k]);
        if (strncmp(rest, units[k], n) != 0 || strlen(rest + n) < 12) continue; /* 4 characters at least remain */
        char *s = art_strdup(a, rest + n);
        if (!s) return;
        free(a->name);
        a->name = s;
        return;
    }
}

/* Where the body a title names ends: at its first title word at or after
 * from ("区政协主席" → 区政协; "市人大常委会党组书记" → 市人大常委会 when
 * keep_standing, so that 常委会 stays part of the body); t->n when none. */
static size_t first_title_cut(const ustr *t, size_t from, int keep_standing) {
    size_t which;
    for (size_t i = from; i < t->n; i++)
        if (ustr_at_any(t, i, WORDS(chair_title_cuts), &which) && !(keep_standing && ustr_at(t, i, "常委会"))) return i;
    return t->n;
}

/* The convening body from the chair's title: 工业和信息化部党组书记、部长 → 工业和信息化部. */
void org_from_chair(article *a) {
    if (a->org || !a->chair.title) return;
    ustr t;
    if (art_fail(a, ustr_init(&t, a->chair.title, strlen(a->chair.title)))) return;
    size_t i = first_title_cut(&t, 1, 0);
    if (i < t.n && ends_with_any(&t, i, WORDS(org_suffixes)) && all_han(&t, 0, i)) a->org = art_slice(a, &t, 0, i);
    ustr_free(&t);
}

/* A name that is only a kind ("五届四次主席会议", "党组扩大会议"), the
 * object of the chair's own 主持召开 with no body before it: the body comes
 * from the chair's title, before its first title word ("区政协主席王美新
 * 主持召开五届四次主席会议" → 区政协五届四次主席会议; "市人大常委会党组书记、
 * 主任李伊林主持召开党组扩大会议" → 市人大常委会党组扩大会议). */
void owner_from_chair(const ustr *u, article *a) {
    if (!a->name || !a->chair.title || !name_is_generic(a, a->name)) return;
    size_t at = USTR_NONE;
    for (size_t i = 0; i < a->nspans; i++)
        if (strcmp(a->spans[i].key, "meeting.name") == 0) at = a->spans[i].a;
    if (at == USTR_NONE || !(ends_with(u, at, "主持召开") || ends_with(u, at, "主持召开了"))) return;
    /* "十三届县委第32次常委会会议", "第25次部党组会议" name their body already */
    for (size_t k = 0; k < names_a_body.n; k++)
        if (strstr(a->name, names_a_body.w[k])) return;
    ustr t;
    if (art_fail(a, ustr_init(&t, a->chair.title, strlen(a->chair.title)))) return;
    size_t i = first_title_cut(&t, 2, 1);
    if (i < t.n && all_han(&t, 0, i) && is_body(&t, 0, i) && names_owner(&t, 0, i)) {
        char *owner = art_slice(a, &t, 0, i);
        char *s = owner ? art_need(a, malloc(strlen(owner) + strlen(a->name) + 1)) : NULL;
        if (s) {
            /* "校党委" + "党委理论学习中心组会议": 党委 once */
            size_t no = strlen(owner), skip = 0;
            for (size_t k = no < strlen(a->name) ? no : strlen(a->name); k >= 6 && !skip; k--)
                if ((a->name[k] & 0xC0) != 0x80 && memcmp(owner + no - k, a->name, k) == 0) skip = k;
            strcpy(s, owner);
            strcat(s, a->name + skip);
            free(a->name);
            a->name = s;
            if (!a->org) a->org = art_strdup(a, owner);
            for (size_t k = 0; k < a->nspans; k++) /* the span shows the owner too */
                if (strcmp(a->spans[k].key, "meeting.chair") == 0)
                    widen_span(a, "meeting.name", a->spans[k].a, a->spans[k].b);
        }
        free(owner);
    }
    ustr_free(&t);
}

/* Is [a, b) a place ("北京", "太原", "广州珠岛会堂", "六楼会议室") and not a
 * time, an adverb or a phrase ("今天", "隆重", "党的二十大", "各设区市",
 * "乡里")? */
static int plausible_place(const ustr *u, size_t a, size_t b) {
    size_t w;
    if (b <= a || ustr_at_any(u, a, WORDS(time_words), &w) == b - a) return 0;
    if (ustr_at_any(u, a, WORDS(own_bodies), &w) == b - a) return 0; /* "在公司以现场投票表决的方式召开" */
    if (ustr_find(u, a, b, "的") != USTR_NONE || ustr_at(u, a, "各") || ustr_at(u, a, "党")) return 0;
    /* "在此间召开": here, the dateline's city, which the place does not repeat */
    if (ustr_at(u, a, "此间") == b - a || ustr_at(u, a, "此地") == b - a || ustr_at(u, a, "此") == b - a) return 0;
    /* "在圆满完成各项议程后闭幕": a time told by what was done */
    if (b - a > 2 && (u->cp[b - 1] == 0x540E /* 后 */ || u->cp[b - 1] == 0x65F6 /* 时 */ || ends_with(u, b, "之际") ||
                      ends_with(u, b, "期间")))
        return 0;
    if (b - a == 2 && (u->cp[b - 1] == 0x91CC /* 里 */ || u->cp[b - 1] == 0x4E2D /* 中 */)) return 0;
    /* "在前一晚举行", "在当天下午召开": what is left of a time */
    static const char *const times[] = {"前一", "前两", "当天", "当日", "当晚", "次日", "翌日", "同日", "同一", "同时"};
    if (ustr_at_any(u, a, times, sizeof times / sizeof *times, &w)) return 0;
    return 1;
}

/* "在X召开/举行/开幕/结束", "在北京以视频形式召开", "在郑州隆重开幕": the
 * place X before the verb, within [from, limit). 1 when found. */
int place_in(const ustr *u, article *a, size_t from, size_t limit) {
    for (size_t p = from; p < limit && p < u->n; p++) {
        if (!place_marker(u, p, from)) continue;
        size_t e = p + 1, w;
        while (e < u->n && e - p <= 12 && u_is_han(u->cp[e]) && !ustr_at_any(u, e, WORDS(convened), &w) &&
               !ustr_at(u, e, "主持") && !(e > p + 1 && u->cp[e] == 0x4EE5 /* 以 */))
            e++;
        size_t v = e; /* where the verb is */
        if (e < u->n && u->cp[e] == 0x4EE5) /* the place ends where the manner begins */
            while (v < u->n && v - e < 12 && !is_clause_break(u->cp[v]) && !ustr_at_any(u, v, WORDS(convened), &w)) v++;
        if (v >= u->n || e == p + 1 || !(ustr_at_any(u, v, WORDS(convened), &w) || ustr_at(u, v, "主持"))) continue;
        /* "在某市开始举行", "在郑州隆重开幕": the adverb is not the place. */
        for (size_t n; e > p + 2 && (n = ends_with_any(u, e, WORDS(time_words))) && e - n > p + 1;) e -= n;
        /* "在街道第二会议室组织召开": the verbs before 召开 are not the place */
        static const char *const co_verbs[] = {"组织", "联合", "共同"};
        for (size_t n; e > p + 3 && (n = ends_with_any(u, e, co_verbs, sizeof co_verbs / sizeof *co_verbs)) && e - n > p + 1;)
            e -= n;
        if (p + 2 < e && u->cp[p + 1] == 0x5728) p++; /* "在在…": a doubled 在 */
        /* "在格力电器总部所在地珠海召开": the place after what it is; "在介绍
         * 为何选在上海召开…时": the last 在 before the verb says where */
        size_t seat = ustr_rfind(u, p + 1, e, "所在地"), inner = ustr_rfind(u, p + 2, e, "在");
        if (seat != USTR_NONE && seat + 3 < e)
            p = seat + 2;
        else if (inner != USTR_NONE && inner + 1 < e)
            p = inner;
        if (e > p + 3 && u->cp[e - 1] == 0x5185 /* 内: "在机场安置区内" */) e--;
        if (!plausible_place(u, p + 1, e)) continue;
        /* "于本月五日在莆田市举行": after 于 a day, not a place */
        if (u->cp[p] != 0x5728 && (ustr_find(u, p + 1, e, "日") != USTR_NONE || ustr_find(u, p + 1, e, "在") != USTR_NONE))
            continue;
        char *place = art_slice(a, u, p + 1, e);
        if (!place) return 0;
        if (strcmp(place, "京") == 0) {
            free(place);
            place = art_strdup(a, "北京");
        }
        free(a->place);
        a->place = place;
        add_span(a, "meeting.place", p, e);
        return 1;
    }
    return 0;
}

/* The place of this meeting: in the sentence that names it when the name
 * was read from the text (another meeting "在北京召开" later in the lead is
 * not this one's), else in the lead; else in the headline. */
void find_place(const ustr *u, article *a, size_t from, size_t limit) {
    for (size_t i = 0; i < a->nspans; i++) {
        if (strcmp(a->spans[i].key, "meeting.name") != 0) continue;
        size_t s = sentence_start(u, a->spans[i].a), e = a->spans[i].b;
        while (e < u->n && !u_is_sentence_end(u->cp[e]) && u->cp[e] != '\n') e++;
        if (place_in(u, a, s, e)) return;
        if (s >= from && e <= limit) return; /* the lead's own sentence names none */
    }
    if (place_in(u, a, from, limit) || !a->title) return;
    ustr t;
    if (art_fail(a, ustr_init(&t, a->title, strlen(a->title)))) return;
    if (place_in(&t, a, 0, t.n)) remove_span(a, "meeting.place"); /* read from the headline, not the text */
    ustr_free(&t);
}

/* The verbs a person's cue takes ("李乐成指出"); the others follow 会议. */
static int person_cue_verb(const char *v) { return word_in(&person_cue_verbs, v); }

void find_cues(const ustr *u, article *a) {
    for (size_t p = 0; p < u->n; p = para_end(u, p) + 1) {
        size_t which, n = 0, k = p;
        if (ustr_at(u, p, "会议")) {
            k = p + 2;
            if (ustr_at(u, k, "还")) k++;
            n = ustr_at_any(u, k, WORDS(cue_verbs), &which);
        } else if (ustr_at(u, p, "大家一致") || ustr_at(u, p, "会议一致")) {
            k = p + 4;
            n = ustr_at_any(u, k, WORDS(cue_verbs), &which);
        } else if (ustr_at(u, p, "与会同志一致") || ustr_at(u, p, "与会人员一致")) {
            k = p + 6;
            n = ustr_at_any(u, k, WORDS(cue_verbs), &which);
        } else {
            /* <name>指出: a known person, or a short name opening the paragraph. */
            for (size_t len = 2; len <= 4 && !n; len++) {
                if (!all_han(u, p, p + len)) break;
                size_t m = ustr_at_any(u, p + len, WORDS(cue_verbs), &which);
                if (m && person_cue_verb(cue_verbs.w[which])) {
                    k = p + len;
                    n = m;
                } else if (!m && p + len + 1 < u->n && ustr_at(u, p + len, "说") &&
                           u->cp[p + len + 1] == 0xFF0C) { /* 温家宝说， */
                    m = 1;
                    k = p + len;
                    n = m;
                }
            }
        }
        if (!n) continue;
        if (art_add(a, &a->cues, art_slice(a, u, p, k + n))) return;
        if (!u->n) break;
    }
}

/* Paragraphs opened by "会议指出/强调/要求…": the genre's own mark; two make
 * a meeting report even where no name or chair was found (a later page of
 * a paged article). */
/* A sitting of the Two Sessions told without a convening verb: "李强5日
 * 下午来到他所在的云南代表团，与代表们一起审议政府工作报告", "委员们分组讨论
 * …报告", "参加港澳地区全国政协委员联组会". Is one told in [from, to)? */
int delegation_sitting(const ustr *u, size_t from, size_t to) {
    static const char *const sittings[] = {"一起审议", "共同审议", "分组审议", "分组讨论", "小组讨论", "联组讨论",
                                           "联组会", "小组会", "代表团全体会议", "代表团审议"};
    int who = ustr_find(u, from, to, "代表团") != USTR_NONE || ustr_find(u, from, to, "委员") != USTR_NONE ||
              ustr_find(u, from, to, "代表们") != USTR_NONE;
    for (size_t i = 0; who && i < sizeof sittings / sizeof *sittings; i++)
        if (ustr_find(u, from, to, sittings[i]) != USTR_NONE) return 1;
    return 0;
}

size_t meeting_cues(const article *a) {
    size_t n = 0;
    for (size_t i = 0; i < a->cues.n; i++) n += strncmp(a->cues.items[i], "会议", strlen("会议")) == 0;
    return n;
}
