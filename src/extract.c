/*
 * extract: from the clean text of a document to its record (SPEC §3).
 *
 * The page is split into articles (datelines open reports; captions and
 * headline lists are kept apart as kind "other"; titles are matched to
 * bodies by content). For each meeting report the rules below read the
 * meeting's facts from the sentences that carry them in this genre —
 * "X主持召开Y", "Y在京召开", "A、B、C出席会议", "…参加会议", "会议指出" — and
 * record where each was read (spans), so every claim can be shown.
 * Titles and list punctuation delimit names; where a rule would guess,
 * the field stays null.
 *
 * Not for: cleaning (clean.c) or the formulation lists (terms.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clean.h"
#include "convert.h"
#include "json.h"
#include "record.h"
#include "extract.h"
#include "internal.h"
#include "utf8.h"
#include "extract/extract_internal.h"

void add_span(article *a, const char *key, size_t s, size_t e) {
    for (size_t i = 0; i < a->nspans; i++) /* a field read again: the later reading is the evidence */
        if (strcmp(a->spans[i].key, key) == 0) {
            a->spans[i].a = s;
            a->spans[i].b = e;
            return;
        }
    span *p = realloc(a->spans, (a->nspans + 1) * sizeof *p);
    if (!p) return; /* spans are evidence, not data: a failed add loses only the span */
    a->spans = p;
    snprintf(p[a->nspans].key, sizeof p[a->nspans].key, "%s", key);
    p[a->nspans].a = s;
    p[a->nspans].b = e;
    a->nspans++;
}

/* After a dateline ("新华社北京1月13日电", "本报讯（记者张伟）"), where the
 * report itself begins; 0 when the paragraph has none. */
size_t after_dateline(const ustr *u, size_t start, size_t end) {
    size_t limit = start + 40 < end ? start + 40 : end;
    size_t p = ustr_find(u, start, limit, "日电");
    if (p != USTR_NONE) return p + 2;
    p = ustr_find(u, start, start + 12 < end ? start + 12 : end, "社电");
    if (p == USTR_NONE) p = ustr_find(u, start, start + 12 < end ? start + 12 : end, "网电");
    if (p != USTR_NONE) return p + 2;
    p = ustr_find(u, start, limit, "本报讯");
    if (p == USTR_NONE) p = ustr_find(u, start, limit, "日讯");
    if (p == USTR_NONE) p = ustr_find(u, start, limit, "消息");
    if (p == USTR_NONE) return 0;
    p += ustr_at(u, p, "本报讯") ? 3 : 2;
    if (p < end && (u->cp[p] == 0xFF08 || u->cp[p] == '(')) { /* （记者…） */
        while (p < end && u->cp[p] != 0xFF09 && u->cp[p] != ')') p++;
        if (p < end) p++;
    }
    while (p < end && (u->cp[p] == 0xFF1A || u->cp[p] == ':' || u->cp[p] == ' ')) p++;
    return p;
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

/* A digit of a written date: 0-9, or a Chinese numeral ("五日至七日",
 * "十二月七日" in Hong Kong and Taiwan reports, older papers). */
static int date_digit(uint32_t cp) { return u_is_digit(cp) || cn_numeral_is(cp, NUM_DATE); }

static size_t digits_back(const ustr *u, size_t j, size_t floor) {
    while (j > floor && date_digit(u->cp[j - 1])) j--;
    return j;
}

/* Back over a date ending at j with 日: "7日", "1月7日", "2025年1月7日",
 * a range "22至23日" / "22-23日" / "1月22日至23日". */
static size_t skip_date_back(const ustr *u, size_t j, size_t floor) {
    j = digits_back(u, j - 1, floor);
    size_t n = ends_with_any(u, j, WORDS(date_range_back));
    if (n && j - n > floor && date_digit(u->cp[j - n - 1]))
        j = digits_back(u, j - n, floor);
    else if (n && j - n > floor + 1 && u->cp[j - n - 1] == 0x65E5 && date_digit(u->cp[j - n - 2]))
        j = digits_back(u, j - n - 1, floor);
    if (j > floor + 1 && u->cp[j - 1] == 0x6708 /* 月 */ && date_digit(u->cp[j - 2])) j = digits_back(u, j - 1, floor);
    if (j > floor + 1 && u->cp[j - 1] == 0x5E74 /* 年 */ && date_digit(u->cp[j - 2])) j = digits_back(u, j - 1, floor);
    return j;
}

/* Steps back over what may stand between a name and its verb:
 * "3月17日", "21日上午", "在北京", "在中南海", and the adverbs that stand
 * there too: "吴文庆局长迅速主持召开". */
size_t skip_time_place(const ustr *u, size_t j, size_t floor) {
    for (int changed = 1; changed && j > floor;) {
        changed = 0;
        size_t n = ends_with_any(u, j, WORDS(time_words));
        if (n) {
            j -= n;
            changed = 1;
            continue;
        }
        if (j > floor + 1 && u->cp[j - 1] == 0x65E5 /* 日 */ && date_digit(u->cp[j - 2])) {
            j = skip_date_back(u, j, floor);
            changed = 1;
            continue;
        }
        if (j > floor + 1 && u->cp[j - 1] == 0x4E8E /* 于 */) { /* 会议于1月7日召开 */
            j--;
            changed = 1;
            continue;
        }
        /* A place may be long: "在五台校区图书馆五楼报告厅". */
        for (size_t k = j; k > floor && j - k < 20 && !is_clause_break(u->cp[k - 1]); k--) {
            if (u->cp[k - 1] == 0x5728 /* 在 */) {
                j = k - 1;
                changed = 1;
                break;
            }
        }
    }
    return j;
}

/* "市委常委会召开扩大会议", "政治局常务委员会召开会议": a body convening a
 * meeting named only by its kind. The length of that generic object at s
 * when it ends the clause or is followed by what the meeting did, else 0. */
static size_t generic_meeting_at(const ustr *u, size_t s) {
    size_t which, n = 0;
    if (ustr_at(u, s, "第")) { /* 第二十一次主席会议, 第53次常务会议 */
        size_t k = s + 1;
        while (k < u->n && k - s < 8 && (u_is_digit(u->cp[k]) || cn_numeral_is(u->cp[k], NUM_COUNT))) k++;
        if (k > s + 1 && ustr_at(u, k, "次")) n = k + 1 - s;
    }
    n += ustr_at_any(u, s + n, WORDS(generic_meeting_kinds), &which);
    n += ustr_at_any(u, s + n, WORDS(generic_meeting_kinds), &which); /* 常委扩大会议 */
    n += ustr_at(u, s + n, "（扩大）");
    size_t m = ustr_at(u, s + n, "会议");
    if (!m) return 0;
    n += m;
    size_t w;
    if (s + n < u->n && !ustr_at_any(u, s + n, WORDS(generic_meeting_next), &w)) return 0;
    return n;
}

/* The subject of 召开 is the convening body when the object is generic:
 * org = the subject, name = the object. 1 when it was so. */
static int body_convenes(const ustr *u, size_t cs, size_t e, size_t p, article *a) {
    if (!ustr_at(u, p, "召开") && !ustr_at(u, p, "举行")) return 0; /* 市委举行常委扩大会议 */
    size_t s = p + 2;
    if (s < u->n && u->cp[s] == 0x4E86 /* 了 */) s++;
    size_t n = generic_meeting_at(u, s);
    /* A short qualifier in brackets after the body: "市财政局（国资委）". */
    size_t be = e, open = bracket_open_before(u, e, cs, 10);
    if (open != USTR_NONE && all_han(u, open + 1, e - 1)) be = open;
    if (!n || !all_han(u, cs, be)) return 0;
    if (ends_with_any(u, be, WORDS(org_suffixes)) || ends_with_any(u, be, WORDS(convening_bodies))) {
        a->org = ustr_slice(u, cs, e);
        add_span(a, "meeting.org", cs, e);
    } else if (be - cs > 6) { /* a short subject (学校, 公司) convenes, but is no named body */
        return 0;
    }
    a->name = ustr_slice(u, s, s + n);
    add_span(a, "meeting.name", s, s + n);
    return 1;
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

/* The clause before "召开/举行" when it ends with a meeting word:
 * "2025年国防科技工业工作会议1月7日在京召开" → 2025年国防科技工业工作会议. */
static int name_as_subject(const ustr *u, size_t from, size_t to, article *a) {
    for (size_t p = from; p < to; p++) {
        size_t which;
        if (!ustr_at_any(u, p, WORDS(convened), &which)) continue;
        size_t cs = clause_start(u, p, 80);
        /* "区委常委会（扩大）会议": a short parenthesised qualifier is part of the name. */
        for (size_t open; (open = bracket_open_before(u, cs, 0, 8)) != USTR_NONE;) cs = clause_start(u, open, 80);
        size_t d = after_dateline(u, cs, p);
        if (d) cs = d;
        cs = after_latin_label(u, cs, p);
        size_t e = p;
        if (ends_with(u, e, "隆重")) e -= 2;
        if (ends_with(u, e, "在京"))
            e -= 2;
        else if (ends_with(u, e, "在北京"))
            e -= 3;
        e = skip_time_place(u, e, cs);
        if (e <= cs || ustr_find(u, cs, e, "主持") != USTR_NONE) continue;
        if (body_convenes(u, cs, e, p, a)) return 1;
        if (!ends_with_any(u, e, WORDS(meeting_words))) continue;
        /* "全省人民瞩目的浙江省…会议": what qualifies the name is not part of it. */
        size_t de = ustr_rfind(u, cs, e, "的");
        if (de != USTR_NONE && e - de > 4) cs = de + 1;
        /* "两场专题座谈会": a count of meetings is not part of the name. */
        size_t q = cs;
        while (q < e && q - cs < 3 && cn_numeral_is(u->cp[q], NUM_COUNT)) q++;
        if (q > cs && q < e && (u->cp[q] == 0x573A /* 场 */ || u->cp[q] == 0x4E2A /* 个 */)) cs = q + 1;
        a->name = ustr_slice(u, cs, e);
        add_span(a, "meeting.name", cs, e);
        return 1;
    }
    return 0;
}

/* "主持召开务虚会" / "召开2024年度工作会议": the object of 召开; also of a
 * bare 主持 ("总理温家宝主持国务院常务会议"), but not of 主持会议. */
static int name_as_object(const ustr *u, size_t from, size_t to, article *a) {
    for (size_t p = from; p < to; p++) {
        if (!ustr_at(u, p, "召开") &&
            !(ustr_at(u, p, "主持") && !ustr_at(u, p + 2, "召开") && !ustr_at(u, p + 2, "会议") &&
              !ustr_at(u, p + 2, "了") && !ustr_at(u, p + 2, "人")))
            continue;
        size_t s = p + 2;
        if (s < u->n && u->cp[s] == 0x4E86 /* 了 */) s++;
        size_t q = s; /* "召开两场专题座谈会": not the count */
        while (q < u->n && q - s < 3 && cn_numeral_is(u->cp[q], NUM_COUNT)) q++;
        if (q > s && q < u->n && (u->cp[q] == 0x573A /* 场 */ || u->cp[q] == 0x4E2A /* 个 */)) s = q + 1;
        size_t e = s;
        while (e < u->n && !is_clause_break(u->cp[e]) && u->cp[e] != 0x3001 && e - s < 60) e++;
        /* The name ends at a meeting word followed by what the meeting did
         * ("常务会议传达学习…"), else at its last meeting word. */
        size_t first_end = 0;
        for (size_t k = s + 1; k <= e && !first_end; k++) {
            size_t w;
            if (ends_with_any(u, k, WORDS(meeting_words)) && k < e && ustr_at_any(u, k, WORDS(meeting_next_verbs), &w))
                first_end = k;
        }
        if (first_end) e = first_end;
        while (e > s && !ends_with_any(u, e, WORDS(meeting_words))) e--;
        if (e <= s) continue;
        a->name = ustr_slice(u, s, e);
        add_span(a, "meeting.name", s, e);
        /* The convening body: the subject of 召开, when it is one. */
        size_t cs = clause_start(u, p, 40);
        size_t d = after_dateline(u, cs, p);
        if (d) cs = d;
        size_t se = skip_time_place(u, p, cs);
        if (se > cs && ustr_find(u, cs, se, "主持") == USTR_NONE && ends_with_any(u, se, WORDS(org_suffixes)) &&
            all_han(u, cs, se)) {
            a->org = ustr_slice(u, cs, se);
            add_span(a, "meeting.org", cs, se);
        }
        return 1;
    }
    return 0;
}

/* The convening body from the chair's title: 工业和信息化部党组书记、部长 → 工业和信息化部. */
static void org_from_chair(article *a) {
    if (a->org || !a->chair.title) return;
    ustr t;
    if (ustr_init(&t, a->chair.title, strlen(a->chair.title))) return;
    for (size_t i = 1; i < t.n; i++) {
        size_t which;
        if (!ustr_at_any(&t, i, WORDS(chair_title_cuts), &which)) continue;
        if (ends_with_any(&t, i, WORDS(org_suffixes)) && all_han(&t, 0, i)) a->org = ustr_slice(&t, 0, i);
        break;
    }
    ustr_free(&t);
}

static void find_place(const ustr *u, article *a, size_t from, size_t limit) {
    for (size_t p = from; p < limit; p++) {
        if (u->cp[p] != 0x5728 /* 在 */) continue;
        size_t e = p + 1;
        while (e < u->n && e - p <= 7 && u_is_han(u->cp[e])) {
            size_t which;
            if (ustr_at_any(u, e, WORDS(convened), &which) || ustr_at(u, e, "主持")) break;
            if (e > p + 1 && u->cp[e] == 0x4EE5 /* 以: 在北京以视频形式召开 */) break;
            e++;
        }
        /* "在北京以视频形式召开": the place ends where the manner begins. */
        if (e < u->n && u->cp[e] == 0x4EE5) {
            size_t k = e;
            while (k < u->n && k - e < 12 && !is_clause_break(u->cp[k])) {
                size_t w;
                if (ustr_at_any(u, k, WORDS(convened), &w)) break;
                k++;
            }
            size_t w;
            if (k < u->n && ustr_at_any(u, k, WORDS(convened), &w) && e > p + 1) {
                char *place = ustr_slice(u, p + 1, e);
                if (!place) return;
                a->place = strcmp(place, "京") == 0 ? (free(place), strdup("北京")) : place;
                add_span(a, "meeting.place", p, e);
                return;
            }
        }
        size_t which;
        if (e >= u->n || e == p + 1 || !(ustr_at_any(u, e, WORDS(convened), &which) || ustr_at(u, e, "主持"))) continue;
        if (e > p + 3 && ends_with(u, e, "隆重")) e -= 2; /* 在郑州隆重开幕 */
        char *place = ustr_slice(u, p + 1, e);
        if (!place) return;
        if (strcmp(place, "京") == 0) {
            free(place);
            place = strdup("北京");
        }
        a->place = place;
        add_span(a, "meeting.place", p, e);
        return;
    }
}

typedef struct {
    int y, m, d, m2, d2; /* m2/d2: end of a multi-day meeting, 0 if none */
    size_t a, b;
} date_expr;

static int read_int(const ustr *u, size_t *i, int max_digits) {
    int v = 0, n = 0;
    while (*i < u->n && n < max_digits && u_is_digit(u->cp[*i])) {
        uint32_t c = u->cp[*i];
        v = v * 10 + (int)(c >= 0xFF10 ? c - 0xFF10 : c - '0');
        (*i)++;
        n++;
    }
    return n ? v : -1;
}

/* [YYYY年][M月]D日[至|-|—|到[M月]D日] at i. */
static int parse_date(const ustr *u, size_t i, date_expr *d) {
    memset(d, 0, sizeof *d);
    if (i > 0 && u_is_digit(u->cp[i - 1])) return 0;
    size_t k = i;
    int v = read_int(u, &k, 4);
    if (v < 0) return 0;
    if (k - i == 4 && k < u->n && u->cp[k] == 0x5E74 /* 年 */) {
        d->y = v;
        k++;
        v = read_int(u, &k, 2);
        if (v < 0) return 0;
    }
    if (k < u->n && u->cp[k] == 0x6708 /* 月 */) {
        d->m = v;
        k++;
        v = read_int(u, &k, 2);
        if (v < 0) return 0;
    }
    size_t which0, dn = ustr_at_any(u, k, WORDS(date_dashes), &which0);
    if (dn && k + dn < u->n && u_is_digit(u->cp[k + dn])) {
        /* "27-28日": the range before 日 */
        size_t r = k + dn;
        int v2 = read_int(u, &r, 2);
        if (r < u->n && u->cp[r] == 0x65E5 && v >= 1 && v <= 31 && v2 > v && v2 <= 31) {
            d->d = v;
            d->d2 = v2;
            d->a = i;
            d->b = r + 1;
            return d->m == 0 || (d->m >= 1 && d->m <= 12);
        }
    }
    if (k >= u->n || u->cp[k] != 0x65E5 /* 日 */ || v < 1 || v > 31) return 0;
    if (d->m && (d->m < 1 || d->m > 12)) return 0;
    d->d = v;
    k++;
    d->b = k;
    size_t which, n = ustr_at_any(u, k, WORDS(date_ranges), &which);
    if (n) {
        size_t r = k + n;
        int v2 = read_int(u, &r, 2);
        int m2 = 0;
        if (v2 > 0 && r < u->n && u->cp[r] == 0x6708) {
            m2 = v2;
            r++;
            v2 = read_int(u, &r, 2);
        }
        if (v2 > 0 && v2 <= 31 && r < u->n && u->cp[r] == 0x65E5) {
            d->m2 = m2;
            d->d2 = v2;
            d->b = r + 1;
        }
    }
    d->a = i;
    return 1;
}

/* The year whose work a meeting plans: "部署2025年重点任务" (strong), then
 * "2026年是…开局之年", then "2025年重点工作" not after 总结. */
static int planning_year(const ustr *u) {
    int weak = 0, mid = 0;
    for (size_t i = 0; i + 5 < u->n; i++) {
        size_t k = i;
        if (i > 0 && u_is_digit(u->cp[i - 1])) continue;
        int y = read_int(u, &k, 4);
        if (y < 1900 || k - i != 4 || k >= u->n || u->cp[k] != 0x5E74) continue;
        if (ends_with_any(u, i, WORDS(planning_verbs))) return y;
        size_t after = k + 1;
        if (!mid && (ustr_at(u, after, "是") || ustr_at(u, after, "为"))) {
            size_t e = after;
            while (e < u->n && !u_is_sentence_end(u->cp[e]) && u->cp[e] != 0xFF0C && e - after < 40) e++;
            if (ends_with(u, e, "之年")) mid = y;
        }
        if (!weak && !ends_with(u, i, "总结") && !ends_with(u, i, "回顾") &&
            (ustr_at(u, after, "重点") || ustr_at(u, after, "主要任务")))
            weak = y;
    }
    return mid ? mid : weak;
}

static int year_in(const char *s) {
    if (!s) return 0;
    for (const char *p = s; *p; p++) {
        if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
            p[3] <= '9' && (strncmp(p + 4, "年", 3) == 0 || strncmp(p + 4, "半年", 6) == 0) &&
            (p == s || p[-1] < '0' || p[-1] > '9'))
            return atoi(p);
    }
    return 0;
}

/* The year of an explicit "YYYY年M月D日" elsewhere on the page with the same
 * month and day (a photo caption, another report of the same meeting). */
static int full_date_year(const ustr *doc, int m, int d) {
    for (size_t i = 0; i < doc->n; i++) {
        date_expr e;
        if (!parse_date(doc, i, &e)) continue;
        if (e.y && e.m == m && e.d == d) return e.y;
        i = e.b - 1;
    }
    return 0;
}

/* Last resort: the latest year the report itself names. */
static int latest_year(const ustr *u) {
    int best = 0;
    for (size_t i = 0; i + 4 < u->n; i++) {
        if (i > 0 && u_is_digit(u->cp[i - 1])) continue;
        size_t k = i;
        int y = read_int(u, &k, 4);
        if (k - i != 4 || y < 1990 || y > 2100 || k >= u->n || u->cp[k] != 0x5E74 || y <= best) continue;
        /* Targets are not dates: "到2035年基本实现", "2035年建成科技强国". */
        size_t w;
        if (ends_with(u, i, "到") || ends_with(u, i, "至") || ustr_at_any(u, k + 1, WORDS(year_targets), &w)) continue;
        best = y;
    }
    return best;
}

/* A headline's year when it belongs to the meeting, not to the work it plans:
 * "集团召开2024年半年度工作交流会" yes, "…部署2026年积极财政政策" no. */
static int title_year(const char *title) {
    int y = year_in(title);
    if (!y || !title) return 0;
    char key[8];
    snprintf(key, sizeof key, "%d", y);
    const char *at = strstr(title, key);
    for (size_t k = 0; at && k < title_planning_verbs.n; k++) {
        size_t n = strlen(title_planning_verbs.w[k]);
        if ((size_t)(at - title) >= n && memcmp(at - n, title_planning_verbs.w[k], n) == 0) return 0;
    }
    return y;
}

/* Reads n digits at i; -1 when they are not there. */
static int digits_at(const ustr *u, size_t i, size_t n) {
    int v = 0;
    for (size_t k = 0; k < n; k++) {
        if (i + k >= u->n || u->cp[i + k] < '0' || u->cp[i + k] > '9') return -1;
        v = v * 10 + (int)(u->cp[i + k] - '0');
    }
    return v;
}

/* The first date written with digits and - / . ("2021-12-21", a page's
 * time line) in the first `limit` characters of a text document: its
 * publication date, as a web page's metadata gives one. */
static int numeric_date_in(const ustr *doc, size_t limit, int *y, int *m, int *d) {
    for (size_t i = 0; i + 8 <= doc->n && i < limit; i++) {
        int year = digits_at(doc, i, 4);
        if (year < 1990 || year > 2100 || (i > 0 && u_is_digit(doc->cp[i - 1]))) continue;
        uint32_t sep = doc->cp[i + 4];
        if (sep != '-' && sep != '/' && sep != '.') continue;
        size_t k = i + 5, ml = digits_at(doc, k + 1, 1) >= 0 && doc->cp[k + 1] != sep ? 2 : 1;
        int month = digits_at(doc, k, ml);
        if (month < 1 || month > 12 || k + ml >= doc->n || doc->cp[k + ml] != sep) continue;
        k += ml + 1;
        size_t dl = digits_at(doc, k + 1, 1) >= 0 ? 2 : 1;
        int day = digits_at(doc, k, dl);
        if (day < 1 || day > 31) continue;
        *y = year, *m = month, *d = day;
        return 1;
    }
    return 0;
}

static void find_date(const ustr *u, const ustr *doc, const clean_doc *cd, article *a, size_t from, size_t limit) {
    date_expr best = {0}, dateline = {0};
    int found = 0;
    for (size_t i = from; i < limit && !found; i++) {
        date_expr d;
        if (!parse_date(u, i, &d)) continue;
        /* A dateline's date is when the news was sent: "1月13日电", "8月27日消息". */
        if (d.b < u->n && (u->cp[d.b] == 0x7535 /* 电 */ || u->cp[d.b] == 0x8BAF /* 讯 */ || ustr_at(u, d.b, "消息"))) {
            dateline = d;
        } else {
            best = d;
            found = 1;
        }
        i = d.b - 1;
    }
    if (!found) {
        if (!dateline.d) return;
        best = dateline;
    }
    int pub_y = cd->pub_y, pub_m = cd->pub_m, pub_d = cd->pub_d;
    if (!pub_y) numeric_date_in(doc, 400, &pub_y, &pub_m, &pub_d); /* "时间：2021-12-21" */
    if (!best.m) best.m = dateline.m;
    if (!best.m && pub_m) /* "昨日（27日）" under a page dated 2017-11-28 */
        best.m = best.d <= pub_d ? pub_m : (pub_m == 1 ? 12 : pub_m - 1);
    if (!best.m) return;
    int year = best.y, inferred = 0;
    if (!year) year = dateline.y;
    if (!year) {
        inferred = 1;
        year = year_in(a->name);
        if (!year) year = title_year(a->title); /* "集团召开2024年半年度工作交流会" */
    }
    if (!year) year = full_date_year(doc, best.m, best.d);
    if (!year && pub_y) {
        /* Published on the page's date: a meeting months "later" was last year. */
        year = best.m > pub_m + 1 ? pub_y - 1 : pub_y;
    }
    if (!year) {
        int plan = planning_year(u);
        if (!plan) plan = planning_year(doc);
        if (plan) year = best.m >= 10 ? plan - 1 : plan;
    }
    if (!year) year = latest_year(u);
    if (!year) return;
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, best.m, best.d);
    a->date = strdup(buf);
    a->date_inferred = inferred;
    if (best.d2) {
        int m2 = best.m2 ? best.m2 : best.m;
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", m2 < best.m ? year + 1 : year, m2, best.d2);
        a->date_end = strdup(buf);
    }
    add_span(a, "meeting.date", best.a, best.b);
}

/* The verbs a person's cue takes ("李乐成指出"); the others follow 会议. */
static int person_cue_verb(const char *v) { return word_in(&person_cue_verbs, v); }

static void find_cues(const ustr *u, article *a) {
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
        if (slist_add(&a->cues, ustr_slice(u, p, k + n))) return;
        if (!u->n) break;
    }
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
            if (slist_add_unique(&a->reporters, ustr_slice(u, st, st + 3)) ||
                slist_add_unique(&a->reporters, ustr_slice(u, st + 3, i)))
                return;
        } else if (n >= 2 && n <= 4) {
            if (slist_add_unique(&a->reporters, ustr_slice(u, st, i))) return;
        } else {
            break;
        }
        if (i >= end || (u->cp[i] != ' ' && u->cp[i] != 0x3001 && u->cp[i] != 0x3000)) break;
    }
}

static void find_source_and_reporters(const ustr *u, article *a) {
    size_t end = para_end(u, 0);
    if (!a->source && after_dateline(u, 0, end)) {
        size_t s = ustr_at(u, 0, "据") || u->cp[0] == 0x3010 /* 【 */ ? 1 : 0;
        for (size_t e = s + 2; e < s + 8 && e < end; e++) {
            if (!u_is_han(u->cp[e - 1])) break;
            if (ends_with_any(u, e, WORDS(outlet_suffixes)) && !ustr_at(u, s, "本报")) {
                a->source = ustr_slice(u, s, e);
                break;
            }
        }
    }
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

static void classify_paras(const ustr *u, para *ps, size_t n) {
    for (size_t i = 0; i < n; i++) {
        para *p = &ps[i];
        size_t len = p->b - p->a;
        int sentence = 0;
        for (size_t k = p->a; k < p->b; k++) sentence |= u_is_sentence_end(u->cp[k]);
        /* A byline ("本报记者杜雨萌", "□记者魏震报道") is not a headline. */
        size_t rep = ustr_find(u, p->a, p->b < p->a + 6 ? p->b : p->a + 6, "记者");
        int byline = len <= 20 && (rep != USTR_NONE || ends_with(u, p->b, "报道"));
        p->title_like = len > 0 && len <= 80 && !sentence && !(len && u->cp[p->b - 1] == 0xFF0C) && !byline;
        p->dateline = after_dateline(u, p->a, p->b) > 0 &&
                      ustr_find(u, p->a, p->b < p->a + 40 ? p->b : p->a + 40, "消息") == USTR_NONE;
        p->credit = len > 0 && ends_with(u, p->b, "摄");
        p->names_meeting = ustr_find(u, p->a, p->b, "会") != USTR_NONE || ustr_find(u, p->a, p->b, "召开") != USTR_NONE;
        p->caption = p->credit || ustr_find(u, p->a, p->b, "图为") != USTR_NONE ||
                     (len <= 8 && ends_with(u, p->b, "新华社记者"));
    }
}

/* Shares of title characters found in text: titles match bodies by content. */
static double title_match(const ustr *u, const para *t, size_t a, size_t b) {
    size_t len = t->b - t->a, hit = 0;
    if (len < 4) return 0;
    for (size_t i = t->a; i + 1 < t->b; i++) {
        for (size_t k = a; k + 1 < b; k++)
            if (u->cp[k] == u->cp[i] && u->cp[k + 1] == u->cp[i + 1]) {
                hit++;
                break;
            }
    }
    return (double)hit / (double)(len - 1);
}

static size_t split_blocks(const ustr *u, para *ps, size_t n, block *bl) {
    size_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        int start = i == 0;
        if (ps[i].dateline && i > 0) {
            /* A dateline opens a report, with the title right before it. */
            size_t tt = ps[i - 1].title_like && !ps[i - 1].caption ? i - 1 : i;
            if (nb && bl[nb - 1].first < tt) {
                bl[nb - 1].last = tt;
                bl[nb].first = tt;
                bl[nb].title = tt < i ? (long)tt : -1;
                bl[nb].has_dateline = 1;
                nb++;
            } else if (nb) {
                if (tt < i) bl[nb - 1].title = (long)tt;
                bl[nb - 1].has_dateline = 1;
            }
            continue;
        }
        if (i > 0 && ps[i].title_like && !ps[i - 1].title_like) start = 1; /* a heading after text */
        if (i > 0 && ps[i - 1].credit) start = 1;                          /* after a photo credit */
        if (!start) continue;
        if (nb) bl[nb - 1].last = i;
        bl[nb].first = i;
        bl[nb].title = -1;
        bl[nb].has_dateline = ps[i].dateline;
        nb++;
    }
    if (nb) bl[nb - 1].last = n;
    (void)u;
    return nb;
}

/* Decides what each block is and folds subheadings back into their report. */
static size_t settle_blocks(para *ps, block *bl, size_t nb) {
    size_t out = 0;
    for (size_t k = 0; k < nb; k++) {
        block b = bl[k];
        int captions = 0, titles = 0;
        for (size_t i = b.first; i < b.last; i++) {
            captions += ps[i].caption;
            titles += ps[i].title_like;
        }
        size_t count = b.last - b.first;
        b.other = !b.has_dateline && (captions > 0 || (count >= 2 && titles == (int)count));
        /* A single title-like first line followed by text is the block's title. */
        if (b.title < 0 && !b.other && count >= 2 && ps[b.first].title_like && !ps[b.first + 1].title_like)
            b.title = (long)b.first;
        /* Else a headline naming a meeting among its first lines (navigation
         * such as "集团新闻" may stand above it). */
        for (size_t i = b.first; b.title < 0 && !b.other && i < b.first + 3 && i + 1 < b.last; i++) {
            if (!ps[i].title_like) break;
            if (ps[i].names_meeting) b.title = (long)i;
        }
        int body_only = !b.other && !b.has_dateline && out > 0 && !bl[out - 1].other;
        if (body_only && k > 0) {
            bl[out - 1].last = b.last; /* a subheading inside the report */
            continue;
        }
        bl[out++] = b;
    }
    return out;
}

static void article_free(article *a) {
    free(a->title);
    free(a->text);
    free(a->source);
    slist_free(&a->reporters);
    slist_free(&a->editor_roles);
    slist_free(&a->editor_names);
    free(a->name);
    free(a->org);
    free(a->date);
    free(a->date_end);
    free(a->place);
    free(a->attendees);
    free(a->chair.name);
    free(a->chair.title);
    for (size_t i = 0; i < a->nspeakers; i++) {
        free(a->speakers[i].name);
        free(a->speakers[i].title);
    }
    free(a->speakers);
    slist_free(&a->present);
    slist_free(&a->cues);
    free(a->spans);
    terms_free(&a->terms);
}

/* Paragraphs opened by "会议指出/强调/要求…": the genre's own mark; two make
 * a meeting report even where no name or chair was found (a later page of
 * a paged article). */
static size_t meeting_cues(const article *a) {
    size_t n = 0;
    for (size_t i = 0; i < a->cues.n; i++) n += strncmp(a->cues.items[i], "会议", strlen("会议")) == 0;
    return n;
}

static void read_meeting(const ustr *u, const ustr *doc, const clean_doc *cd, article *a) {
    size_t from, head;
    lead_paragraph(u, &from, &head);
    if (!name_as_subject(u, from, head, a) && !name_as_object(u, from, head, a) && from > 0 &&
        !name_as_subject(u, 0, from, a))
        name_as_object(u, 0, from, a); /* only the headline names it */
    if (!find_chair(u, a, from, head) && !(from > 0 && find_chair(u, a, 0, from)))
        find_chair(u, a, head, u->n < from + 1200 ? u->n : from + 1200);
    chair_title_elsewhere(u, a);
    org_from_chair(a);
    find_place(u, a, from, head);
    find_date(u, doc, cd, a, from, head);
    if (!a->date) find_date(u, doc, cd, a, 0, u->n < 600 ? u->n : 600);
    find_speakers(u, a);
    find_present(u, a);
    find_attendees(u, a);
    find_cues(u, a);
    /* A report that tells the reader first what was said names the meeting
     * later ("据新华社报道，国务院星期五在北京召开第一次廉政工作会议"). */
    size_t later = u->n < head + 1500 ? u->n : head + 1500;
    /* Only in a report that reads as one (a cue paragraph): elsewhere a
     * meeting named in passing is not the article's. */
    if (!a->name && !a->chair.name && a->cues.n && !name_as_subject(u, head, later, a))
        name_as_object(u, head, later, a);
    a->is_meeting =
        a->name != NULL || (a->chair.name && ustr_find(u, from, head, "会") != USTR_NONE) || meeting_cues(a) >= 2;
}

static int fill_article(const ustr *doc, const clean_doc *cd, para *ps, const block *b, article *a, long title) {
    memset(a, 0, sizeof *a);
    size_t first = b->first;
    /* Lines above the title (navigation) and the title itself are not text. */
    if (title >= 0 && (size_t)title >= first && (size_t)title < first + 3 && (size_t)title + 1 < b->last)
        first = (size_t)title + 1;
    if (title >= 0) a->title = ustr_slice(doc, ps[title].a, ps[title].b);
    if (first >= b->last) first = b->last - 1;
    size_t ta = ps[first].a, tb = ps[b->last - 1].b;
    a->text = ustr_slice(doc, ta, tb);
    if (!a->text) return -1;
    ustr u;
    if (ustr_init(&u, a->text, strlen(a->text))) return -1;
    if (!b->other) read_meeting(&u, doc, cd, a);
    find_source_and_reporters(&u, a);
    int rc = terms_extract(&u, &a->terms);
    ustr_free(&u);
    return rc;
}

/* "《河南日报》" → 河南日报: a paper named as a title is the paper. */
static char *strip_book_marks(const char *v) {
    size_t n = strlen(v), o = strlen("《"), c = strlen("》");
    if (n > o + c && memcmp(v, "《", o) == 0 && strstr(v + o, "》") == v + n - c) {
        char *s = malloc(n - o - c + 1);
        if (!s) return NULL;
        memcpy(s, v + o, n - o - c);
        s[n - o - c] = 0;
        return s;
    }
    return strdup(v);
}

/* Page metadata lines go to the article they stood in or after. */
static void attach_fields(const clean_doc *cd, const ustr *doc, const para *ps, const block *bl, article *arts,
                          size_t n) {
    if (n == 0) return; /* no article to hold them (arts[0] is a placeholder nobody frees) */
    for (size_t f = 0; f < cd->nfields; f++) {
        const doc_field *fd = &cd->fields[f];
        size_t at = 0;
        for (size_t k = 0; k < n; k++)
            if (doc->off[ps[bl[k].first].a] <= fd->text_offset) at = k;
        /* A page's metadata usually belongs to its report, not to a caption. */
        while (at > 0 && arts[at].is_meeting == 0 && bl[at].other) at--;
        article *a = &arts[at];
        if (fd->kind == FIELD_SOURCE) {
            if (!a->source) a->source = strip_book_marks(fd->value);
        } else {
            slist_add(&a->editor_roles, strdup(fd->role));
            slist_add(&a->editor_names, strdup(fd->value));
        }
    }
}

/* A web page's own metadata fills what the text did not give. */
static void attach_page(const clean_doc *cd, article *arts, size_t n) {
    if (!cd->is_html || n == 0) return;
    article *a = &arts[0];
    if (!a->title && cd->page.title) a->title = strdup(cd->page.title);
    if (!a->source && cd->page.source) a->source = strdup(cd->page.source);
    if (a->editor_names.n == 0 && cd->page.editor) {
        slist_add(&a->editor_roles, strdup("责任编辑"));
        slist_add(&a->editor_names, strdup(cd->page.editor));
    }
}

static void write_page(jw *w, const clean_doc *cd) {
    if (!cd->is_html) return;
    const html_meta *m = &cd->page;
    jw_key(w, "page");
    jw_obj(w);
    const char *keys[] = {"title", "published", "source", "editor", "url"};
    const char *vals[] = {m->title, m->published, m->source, m->editor, m->url};
    for (int i = 0; i < 5; i++) {
        jw_key(w, keys[i]);
        jw_str(w, vals[i]); /* NULL writes null */
    }
    jw_obj_end(w);
}

/* A character offset in the decoded input. For a web page the text read
 * is the page's main text: its map leads back into the decoded page,
 * whose characters are counted up to there. */
static size_t page_offset(const clean_doc *cd, const ustr *u, size_t i) {
    if (!cd->is_html || !cd->page_text || !cd->decoded.src) return i;
    uint64_t at = tbuf_src(&cd->decoded, u->off[i]);
    size_t chars = 0;
    for (uint64_t k = 0; k < at && cd->page_text[k]; k++) chars += ((unsigned char)cd->page_text[k] & 0xC0) != 0x80;
    return chars;
}

/* Runs of damaged text inside Han text: "?wù)J" in 談?wù)J識. */
static void write_anomalies(jw *w, const clean_doc *cd) {
    ustr u;
    jw_key(w, "anomalies");
    jw_arr(w);
    if (ustr_init(&u, cd->decoded.s ? cd->decoded.s : "", cd->decoded.len) == 0) {
        for (size_t i = 0; i < u.n; i++) {
            if (!u_is_han(u.cp[i])) continue;
            size_t j = i + 1;
            int bad = 0, letters = 0;
            while (j < u.n && !u_is_han(u.cp[j]) && u.cp[j] != '\n' && u.cp[j] != ' ' && j - i < 20) {
                uint32_t c = u.cp[j];
                bad |= c == '?' || c == 0xFFFD;
                letters |= (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x300) || c == ')' || c == 0xFFFD;
                j++;
            }
            if (j < u.n && u_is_han(u.cp[j]) && j > i + 1 && bad && letters) {
                jw_obj(w);
                jw_field(w, "kind", "garbled");
                char *t = ustr_slice(&u, i + 1, j);
                jw_field(w, "text", t ? t : "");
                free(t);
                jw_key(w, "offset");
                jw_int(w, (long long)page_offset(cd, &u, i + 1));
                jw_obj_end(w);
            }
            i = j - 1;
        }
        ustr_free(&u);
    }
    jw_arr_end(w);
}

static const char *script_of(const clean_doc *cd) {
    size_t trad = 0, simp = 0;
    const unsigned char *s = (const unsigned char *)cd->decoded.s;
    for (size_t pos = 0; pos < cd->decoded.len;) {
        uint32_t cp;
        pos += u8_decode(s + pos, cd->decoded.len - pos, &cp);
        if (cp < 0x3400) continue;
        int k = convert_char_script(cp);
        trad += k > 0;
        simp += k < 0;
    }
    if (trad == 0) return "simplified";
    if (trad >= 4 * simp) return "traditional";
    if (simp >= 4 * trad) return "simplified";
    return "mixed";
}

static void write_noise(jw *w, const tifa_clean_report *r) {
    jw_key(w, "noise");
    jw_arr(w);
    if (r->annotations) jw_str(w, "pinyin");
    if (r->boiler_lines) jw_str(w, "boilerplate");
    if (r->joined_lines) jw_str(w, "line-breaks");
    if (r->spaces_removed) jw_str(w, "spacing");
    if (r->punct_changed) jw_str(w, "ascii-punct");
    if (r->invalid_bytes) jw_str(w, "invalid-bytes");
    if (r->orphan_annotations) jw_str(w, "orphan-pinyin");
    jw_arr_end(w);
}

static void write_list(jw *w, const char *key, const slist *l) {
    jw_key(w, key);
    jw_arr(w);
    for (size_t i = 0; i < l->n; i++) jw_str(w, l->items[i]);
    jw_arr_end(w);
}

static void write_person(jw *w, const person *p) {
    jw_obj(w);
    jw_field(w, "name", p->name);
    jw_field(w, "title", p->title);
    jw_obj_end(w);
}

static void write_article(jw *w, const article *a) {
    jw_obj(w);
    jw_field(w, "kind", a->is_meeting ? "meeting" : "other");
    jw_field(w, "title", a->title);
    jw_field(w, "text", a->text);
    jw_field(w, "source", a->source);
    write_list(w, "reporters", &a->reporters);
    jw_key(w, "editors");
    jw_arr(w);
    for (size_t i = 0; i < a->editor_roles.n; i++) {
        jw_obj(w);
        jw_field(w, "role", a->editor_roles.items[i]);
        jw_field(w, "name", a->editor_names.items[i]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    if (a->is_meeting) {
        jw_key(w, "meeting");
        jw_obj(w);
        jw_field(w, "name", a->name);
        jw_field(w, "org", a->org);
        jw_field(w, "date", a->date);
        jw_field(w, "date_end", a->date_end);
        jw_key(w, "date_inferred");
        jw_bool(w, a->date_inferred);
        jw_field(w, "place", a->place);
        jw_key(w, "chair");
        if (a->chair.name)
            write_person(w, &a->chair);
        else
            jw_null(w);
        jw_key(w, "speakers");
        jw_arr(w);
        for (size_t i = 0; i < a->nspeakers; i++) write_person(w, &a->speakers[i]);
        jw_arr_end(w);
        write_list(w, "present", &a->present);
        jw_field(w, "attendees", a->attendees);
        write_list(w, "cues", &a->cues);
        jw_obj_end(w);
    }
    jw_key(w, "terms");
    jw_obj(w);
    write_list(w, "numbered", &a->terms.numbered);
    write_list(w, "quoted", &a->terms.quoted);
    write_list(w, "documents", &a->terms.documents);
    write_list(w, "periods", &a->terms.periods);
    jw_key(w, "years");
    jw_arr(w);
    for (size_t i = 0; i < a->terms.nyears; i++) jw_int(w, a->terms.years[i]);
    jw_arr_end(w);
    jw_obj_end(w);
    jw_key(w, "spans");
    jw_obj(w);
    /* Spans cite meeting fields: an article that is not a meeting has none. */
    for (size_t i = 0; i < a->nspans && a->is_meeting; i++) {
        jw_key(w, a->spans[i].key);
        jw_arr(w);
        jw_int(w, (long long)a->spans[i].a);
        jw_int(w, (long long)a->spans[i].b);
        jw_arr_end(w);
    }
    jw_obj_end(w);
    jw_obj_end(w);
}

static int build_articles(const clean_doc *cd, const ustr *doc, record *rec, para **ps_out, block **bl_out,
                          size_t *nb_out) {
    size_t np = 0;
    for (size_t i = 0; i < doc->n; i++) np += doc->cp[i] == '\n';
    np++;
    para *ps = calloc(np, sizeof *ps);
    block *bl = calloc(np, sizeof *bl);
    if (!ps || !bl) {
        free(ps);
        free(bl);
        return -1;
    }
    size_t k = 0, s = 0;
    for (size_t i = 0; i <= doc->n; i++) {
        if (i == doc->n || doc->cp[i] == '\n') {
            ps[k].a = s;
            ps[k].b = i;
            k++;
            s = i + 1;
        }
    }
    classify_paras(doc, ps, np);
    size_t nb = doc->n ? settle_blocks(ps, bl, split_blocks(doc, ps, np, bl)) : 0;
    rec->arts = calloc(nb ? nb : 1, sizeof *rec->arts);
    if (!rec->arts) {
        free(ps);
        free(bl);
        return -1;
    }
    /* Titles left unattached (far from their bodies) go to the untitled
     * report whose opening they match best. */
    for (size_t b = 0; b < nb; b++) {
        if (bl[b].title >= 0 || bl[b].other || bl[b].last - bl[b].first < 2) continue;
        double best = 0.6;
        long pick = -1;
        for (size_t t = 0; t < np; t++) {
            if (!ps[t].title_like || ps[t].caption || (t >= bl[b].first && t < bl[b].last)) continue;
            int used = 0;
            for (size_t o = 0; o < nb && !used; o++)
                used = bl[o].title == (long)t ||
                       (t >= bl[o].first && t < bl[o].last && !bl[o].other && (long)t != (long)bl[o].first);
            if (used) continue;
            size_t fe = bl[b].first < np ? ps[bl[b].first].b : 0;
            double m = title_match(doc, &ps[t], ps[bl[b].first].a, fe);
            if (m > best) {
                best = m;
                pick = (long)t;
            }
        }
        if (pick >= 0) bl[b].title = pick;
    }
    /* A block made only of titles that went to other reports is not an article. */
    size_t out = 0;
    for (size_t b = 0; b < nb; b++) {
        int all_used = 1;
        for (size_t t = bl[b].first; t < bl[b].last && all_used; t++) {
            int used = 0;
            for (size_t o = 0; o < nb && !used; o++) used = o != b && bl[o].title == (long)t;
            all_used = used;
        }
        if (all_used) continue;
        if (fill_article(doc, cd, ps, &bl[b], &rec->arts[out], bl[b].title)) {
            rec->n = out + 1;
            free(ps);
            free(bl);
            return -1;
        }
        bl[out] = bl[b];
        out++;
    }
    rec->n = out;
    *ps_out = ps;
    *bl_out = bl;
    *nb_out = out;
    return 0;
}

/* The fields the corpus indexes, from the first meeting article (else the
 * first article). */
static void summarize(const record *rec, doc_summary *sum) {
    const article *pick = NULL;
    for (size_t i = 0; i < rec->n; i++) {
        const terms *t = &rec->arts[i].terms;
        for (size_t k = 0; k < t->numbered.n; k++) slist_add_unique(&sum->terms, strdup(t->numbered.items[k]));
        for (size_t k = 0; k < t->quoted.n; k++) slist_add_unique(&sum->terms, strdup(t->quoted.items[k]));
    }
    for (size_t i = 0; i < rec->n && !pick; i++)
        if (rec->arts[i].is_meeting) pick = &rec->arts[i];
    if (!pick && rec->n) pick = &rec->arts[0];
    if (!pick) return;
    sum->date = pick->date ? strdup(pick->date) : NULL;
    sum->meeting = pick->name ? strdup(pick->name) : NULL;
    sum->org = pick->org ? strdup(pick->org) : NULL;
    sum->title = pick->title ? strdup(pick->title) : NULL;
}

void doc_summary_free(doc_summary *s) {
    free(s->date);
    free(s->meeting);
    free(s->org);
    free(s->title);
    slist_free(&s->terms);
    free(s->clean);
    memset(s, 0, sizeof *s);
}

tifa_status tifa_extract(const tifa_options *opt, const char *name, const char *bytes, size_t len, int pretty,
                         char **json, size_t *json_len, tifa_error *err) {
    return extract_document(opt, name, bytes, len, pretty, json, json_len, NULL, err);
}

tifa_status extract_document(const tifa_options *opt, const char *name, const char *bytes, size_t len, int pretty,
                             char **json, size_t *json_len, doc_summary *sum, tifa_error *err) {
    *json = NULL;
    if (sum) memset(sum, 0, sizeof *sum);
    clean_doc cd;
    tifa_status st = clean_collect(opt, name, bytes, len, &cd, err);
    if (st != TIFA_OK) return st;
    if (sum && !(sum->clean = malloc(cd.text.len + 1))) {
        clean_doc_free(&cd);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (sum) {
        /* The same text tifa_clean writes: the pipeline is the same. */
        if (cd.text.len) memcpy(sum->clean, cd.text.s, cd.text.len);
        sum->clean[cd.text.len] = 0;
        sum->clean_len = cd.text.len;
    }
    while (cd.text.len && cd.text.s[cd.text.len - 1] == '\n') cd.text.len--;
    ustr doc;
    record rec = {0};
    para *ps = NULL;
    block *bl = NULL;
    size_t nb = 0;
    if (ustr_init(&doc, cd.text.s ? cd.text.s : "", cd.text.len) || build_articles(&cd, &doc, &rec, &ps, &bl, &nb)) {
        for (size_t i = 0; i < rec.n; i++) article_free(&rec.arts[i]);
        free(rec.arts);
        ustr_free(&doc);
        clean_doc_free(&cd);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    attach_fields(&cd, &doc, ps, bl, rec.arts, rec.n);
    attach_page(&cd, rec.arts, rec.n);
    if (sum) summarize(&rec, sum);
    jw w;
    jw_init(&w, pretty);
    jw_obj(&w);
    jw_key(&w, "file");
    jw_str(&w, name);
    jw_key(&w, "encoding");
    jw_str(&w, tifa_encoding_name(cd.rep.encoding));
    jw_key(&w, "script");
    jw_str(&w, script_of(&cd));
    write_noise(&w, &cd.rep);
    write_anomalies(&w, &cd);
    write_page(&w, &cd);
    jw_key(&w, "articles");
    jw_arr(&w);
    for (size_t i = 0; i < rec.n; i++) write_article(&w, &rec.arts[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    for (size_t i = 0; i < rec.n; i++) article_free(&rec.arts[i]);
    free(rec.arts);
    free(ps);
    free(bl);
    ustr_free(&doc);
    clean_doc_free(&cd);
    if (w.failed) {
        jw_free(&w);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    *json = w.s;
    *json_len = w.len;
    return TIFA_OK;
}
