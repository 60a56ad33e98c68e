/*
 * date: when a meeting was held — every written form of the day
 * ("1月7日", "2025年1月7日", "22至23日", "十二月七日", "昨日（27日）"), the
 * dateline's date kept apart from the meeting's, and the year when the
 * report leaves it out (from the meeting's name, the headline, the same
 * day elsewhere on the page, the page's own date, the year it plans for,
 * the latest year it names). Also steps back over the time and place
 * words that stand between a name and its verb.
 *
 * Not for: the years a report mentions as terms (terms.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"
#include "extract/calendar.h"

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
/* Back over a clock time or a garbled date ending at j: "3时", "3时30分",
 * "3:00", "15点", "3月4"; j when there is none. Only runs that hold a
 * digit are time. */
static size_t clock_back(const ustr *u, size_t j, size_t floor) {
    static const uint32_t marks[] = {':', 0xFF1A, 0x65F6 /* 时 */, 0x70B9 /* 点 */, 0x5206 /* 分 */, 0x6708 /* 月 */};
    size_t k = j;
    int digit = 0, mark = 0;
    while (k > floor) {
        uint32_t c = u->cp[k - 1];
        int is_mark = 0;
        for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) is_mark |= c == marks[i];
        if (date_digit(c))
            digit = 1;
        else if (is_mark)
            mark = 1;
        else
            break;
        k--;
    }
    return digit && mark ? k : j; /* a bare number ("第2") is no time */
}

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
        size_t c = clock_back(u, j, floor);
        if (c < j) { /* "下午3时", "3:00", "3月4下午" */
            j = c;
            changed = 1;
            continue;
        }
        /* "于2011年7月26日至7月29日在杭州举行": the range's first day */
        if (j > floor + 2 && (u->cp[j - 1] == 0x81F3 /* 至 */ || u->cp[j - 1] == 0x5230 /* 到 */) &&
            u->cp[j - 2] == 0x65E5 /* 日 */) {
            j--;
            changed = 1;
            continue;
        }
        /* 会议于1月7日召开; not the last character of a name before 在
         * ("县长张中于在…主持召开") */
        if (j > floor && u->cp[j - 1] == 0x4E8E /* 于 */ && !(j < u->n && u->cp[j] == 0x5728 /* 在 */)) {
            j--;
            changed = 1;
            continue;
        }
        /* A place may be long: "在五台校区图书馆五楼报告厅"; 于 says 在 in a
         * formal lead ("于松江上海大众国际会议中心召开", not 关于/对于/由于),
         * 假 in Hong Kong and Macau papers ("十日假中山市会议中心举行"). */
        /* quotes may stand in a place: "在轩辕大厦七楼“两会”会议中心" */
        for (size_t k = j; k > floor && j - k < 20 && (!is_clause_break(u->cp[k - 1]) || u->cp[k - 1] == 0x201C || u->cp[k - 1] == 0x201D); k--) {
            /* a place of one character is a city's short name (在京, 在杭), not
             * the end of a name ("贺在利出席") */
            int one = j == k + 1, city = one && char_in(&short_places, u->cp[k]);
            if (place_marker(u, k - 1, floor) && (!one || city)) {
                j = k - 1;
                if (j > floor && u->cp[j - 1] == 0x6B63 /* 正在这里举行 */) j--;
                changed = 1;
                break;
            }
        }
    }
    return j;
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

/* The value of one Chinese numeral digit (〇/零 0 … 九 9), else -1. */
static int cn_digit(uint32_t c) {
    switch (c) {
    case 0x3007: case 0x96F6: return 0; /* 〇 零 */
    case 0x4E00: return 1;
    case 0x4E8C: return 2;
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

/* A year, month or day written in Chinese numerals at *i: 二〇二六 (digit by
 * digit, for a year), 十二, 二十一, 廿三, 三十. -1 when there is none. */
static int read_cn(const ustr *u, size_t *i, int year) {
    size_t k = *i;
    int v = 0;
    if (year) {
        while (k < u->n && k - *i < 4 && cn_digit(u->cp[k]) >= 0) v = v * 10 + cn_digit(u->cp[k++]);
        if (k - *i != 4) return -1;
        *i = k;
        return v;
    }
    int tens = 0, unit = -1;
    if (k < u->n && cn_digit(u->cp[k]) > 0 && k + 1 < u->n && u->cp[k + 1] == 0x5341 /* N十 */) tens = cn_digit(u->cp[k]), k += 2;
    else if (k < u->n && u->cp[k] == 0x5341 /* 十 */) tens = 1, k++;
    else if (k < u->n && u->cp[k] == 0x5EFF /* 廿 */) tens = 2, k++;
    else if (k < u->n && u->cp[k] == 0x5345 /* 卅 */) tens = 3, k++;
    if (k < u->n && cn_digit(u->cp[k]) > 0) unit = cn_digit(u->cp[k++]);
    if (!tens && unit < 0) return -1;
    *i = k;
    return tens * 10 + (unit > 0 ? unit : 0);
}

/* A number of a date at *i, in digits or Chinese numerals. */
static int read_date_num(const ustr *u, size_t *i, int max_digits, int year) {
    int v = read_int(u, i, max_digits);
    return v >= 0 ? v : read_cn(u, i, year);
}

/* [YYYY年][M月]D日[至|-|—|到[M月]D日] at i, in digits or Chinese numerals
 * ("二〇二六年一月八日", "十二月七日"); "10月19上午" (日 left out) too. */
static int parse_date(const ustr *u, size_t i, date_expr *d) {
    uint32_t c0 = u->cp[i];
    if (!u_is_digit(c0) && cn_digit(c0) < 0 && c0 != 0x5341 && c0 != 0x5EFF && c0 != 0x5345) return 0;
    memset(d, 0, sizeof *d);
    if (i > 0 && (u_is_digit(u->cp[i - 1]) || cn_digit(u->cp[i - 1]) >= 0 || u->cp[i - 1] == 0x5341)) return 0;
    size_t k = i;
    int v = read_int(u, &k, 4);
    if (v < 0) {
        size_t y = k;
        if (read_cn(u, &y, 1) >= 0 && y < u->n && u->cp[y] == 0x5E74)
            v = read_cn(u, &k, 1);
        else
            v = read_cn(u, &k, 0);
        if (v < 0) return 0;
    }
    if (k - i == 4 && k < u->n && u->cp[k] == 0x5E74 /* 年 */) {
        d->y = v;
        k++;
        v = read_date_num(u, &k, 2, 0);
        if (v < 0) return 0;
    }
    if (k < u->n && u->cp[k] == 0x6708 /* 月 */) {
        d->m = v;
        k++;
        v = read_date_num(u, &k, 2, 0);
        if (v < 0) return 0;
        /* "10月19上午": the 日 left out before a time of day. */
        if (k < u->n && u->cp[k] != 0x65E5 && v >= 1 && v <= 31 && d->m >= 1 && d->m <= 12 &&
            (ustr_at(u, k, "上午") || ustr_at(u, k, "下午") || ustr_at(u, k, "晚"))) {
            d->d = v, d->a = i, d->b = k;
            return 1;
        }
    }
    size_t which0, dn = ustr_at_any(u, k, WORDS(date_dashes), &which0);
    if (!dn && k < u->n && u->cp[k] == 0x3001 /* "10月6、7日" */) dn = 1;
    if (dn && k + dn < u->n && date_digit(u->cp[k + dn])) {
        /* "27-28日", "十至十三日": the range before 日 */
        size_t r = k + dn;
        int v2 = read_date_num(u, &r, 2, 0);
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
static int planning_year(const ustr *u, int *current) {
    int weak = 0, mid = 0;
    *current = 0;
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
            /* "…之年"; "…的重要一年", "关键一年" look ahead as well (not "不平凡的一年") */
            if (ends_with(u, e, "之年") || ends_with(u, e, "重要一年") || ends_with(u, e, "关键一年")) mid = y;
        }
        /* "2012年度主要工作安排", "2011年政府工作报告", "党委2007年工作要点" */
        size_t plan = after + (after < u->n && u->cp[after] == 0x5EA6 /* 度 */);
        size_t w;
        if (!weak && !ends_with(u, i, "总结") && !ends_with(u, i, "回顾") &&
            ustr_at_any(u, plan, WORDS(plan_nouns), &w))
            weak = y;
    }
    *current = mid != 0;
    return mid ? mid : weak;
}

static int year_in(const char *s) {
    if (!s) return 0;
    for (const char *p = s; *p; p++) {
        if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
            p[3] <= '9' &&
            (strncmp(p + 4, "年", 3) == 0 || strncmp(p + 4, "半年", 6) == 0 || strncmp(p + 4, "上半年", 9) == 0 ||
             strncmp(p + 4, "下半年", 9) == 0) &&
            (p == s || p[-1] < '0' || p[-1] > '9'))
            return atoi(p);
    }
    return 0;
}

/* The year of each explicit "YYYY年M月D日" on the page, the first for a
 * month and day: another mention of the same day (a photo caption, another
 * report of the same meeting) gives a report its year. */
static void read_full_dates(const ustr *doc, short full_year[13][32]) {
    for (size_t i = 0; i < doc->n; i++) {
        date_expr e;
        if (!parse_date(doc, i, &e)) continue;
        if (e.y && e.m >= 1 && e.m <= 12 && e.d >= 1 && e.d <= 31 && !full_year[e.m][e.d])
            full_year[e.m][e.d] = (short)e.y;
        i = e.b - 1;
    }
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
static size_t numeric_date_at(const ustr *doc, size_t i, int *y, int *m, int *d) {
    int year = digits_at(doc, i, 4);
    if (year < 1990 || year > 2100 || (i > 0 && u_is_digit(doc->cp[i - 1]))) return 0;
    uint32_t sep = doc->cp[i + 4];
    /* "2008年01月14": a page's stamp with zero-padded month */
    if (sep == 0x5E74 /* 年 */ && i + 10 <= doc->n && doc->cp[i + 5] == '0' && digits_at(doc, i + 5, 2) > 0 &&
        doc->cp[i + 7] == 0x6708 /* 月 */ && digits_at(doc, i + 8, 2) > 0 && digits_at(doc, i + 8, 2) <= 31) {
        *y = year, *m = digits_at(doc, i + 5, 2), *d = digits_at(doc, i + 8, 2);
        return i + 10 + (i + 10 < doc->n && doc->cp[i + 10] == 0x65E5 /* 日 */);
    }
    if (sep != '-' && sep != '/' && sep != '.') return 0;
    size_t k = i + 5, ml = digits_at(doc, k + 1, 1) >= 0 && doc->cp[k + 1] != sep ? 2 : 1;
    int month = digits_at(doc, k, ml);
    if (month < 1 || month > 12 || k + ml >= doc->n || doc->cp[k + ml] != sep) return 0;
    k += ml + 1;
    size_t dl = digits_at(doc, k + 1, 1) >= 0 ? 2 : 1;
    int day = digits_at(doc, k, dl);
    if (day < 1 || day > 31) return 0;
    *y = year, *m = month, *d = day;
    return k + dl;
}

/* Is the date ending at e a calendar widget's ("2023年03月29日 星期三" at the
 * top of a page: the day it was viewed), not the page's own? */
static int weekday_after(const ustr *doc, size_t e) {
    while (e < doc->n && (doc->cp[e] == ' ' || doc->cp[e] == 0x3000)) e++;
    return ustr_at(doc, e, "星期") || ustr_at(doc, e, "礼拜");
}

/* The first date written with digits and - / . ("2021-12-21", a page's
 * time line) in the first `limit` characters of a text document: its
 * publication date, as a web page's metadata gives one. A date labelled
 * as the page's (发布日期：) wins over a widget's date with its weekday. */
static int numeric_date_in(const ustr *doc, size_t limit, int *y, int *m, int *d) {
    int found = 0, widget = 0;
    for (size_t i = 0; i + 8 <= doc->n && i < limit; i++) {
        int yy, mm, dd;
        size_t e = numeric_date_at(doc, i, &yy, &mm, &dd);
        if (!e) continue;
        int is_widget = weekday_after(doc, e);
        if (!found || (widget && !is_widget)) *y = yy, *m = mm, *d = dd, widget = is_widget;
        found = 1;
        if (!widget) return 1;
        i = e - 1;
    }
    return found;
}

/* The month and day (m * 100 + d) a paragraph [a, b) opens with, after at
 * most a short place or label ("河北7月20日，", "会议摘要：1月6日，"); 0 when
 * it opens otherwise. */
int opening_month_day(const ustr *u, size_t a, size_t b) {
    /* "◆9月23日，我县…召开…": a news brief's bullet opens the item */
    while (a < b && (char_in(&bullets, u->cp[a]) || u->cp[a] == ' ' || u->cp[a] == 0x3000)) a++;
    size_t i = a;
    while (i < b && i - a < 8 && !u_is_digit(u->cp[i]) && (u_is_han(u->cp[i]) || u->cp[i] == 0xFF1A)) {
        /* "会议决定于3月29日召开…": a date set for later opens no report */
        if (u->cp[i] == 0x4E8E /* 于 */ || u->cp[i] == 0x5B9A /* 定 */ || u->cp[i] == 0x5C06 /* 将 */ || u->cp[i] == 0x62DF /* 拟 */)
            return 0;
        i++;
    }
    date_expr d;
    if (i >= b || !u_is_digit(u->cp[i]) || !parse_date(u, i, &d) || !d.m || !d.d || d.b >= b) return 0;
    /* The date stands before the clause ("7月19日，", "1月31日下午，") after
     * at most a place (河北, 内蒙古) or a label (会议摘要：), or the body
     * convenes right after it ("中共中央政治局9月28日召开会议"). */
    static const char *const after[] = {"，", "上午", "下午", "晚", "早", "中午"};
    static const char *const convening[] = {"召开", "举行", "在"};
    size_t w;
    if (ustr_at_any(u, d.b, convening, sizeof convening / sizeof *convening, &w)) return d.m * 100 + d.d;
    if (i > a + 4 && u->cp[i - 1] != 0xFF1A) return 0;
    return ustr_at_any(u, d.b, after, sizeof after / sizeof *after, &w) ? d.m * 100 + d.d : 0;
}

void read_page(page *pg, const ustr *doc, const clean_doc *cd) {
    memset(pg, 0, sizeof *pg);
    pg->doc = doc;
    pg->cd = cd;
    pg->pub_y = cd->pub_y, pg->pub_m = cd->pub_m, pg->pub_d = cd->pub_d;
    if (!pg->pub_y) numeric_date_in(doc, 400, &pg->pub_y, &pg->pub_m, &pg->pub_d); /* "时间：2021-12-21" */
    read_full_dates(doc, pg->full_year);
    pg->plan_year = planning_year(doc, &pg->plan_current);
    speech_starts(&pg->speech_starts);
}

/* ------------------------------------------------------- year inference */

/* A year and what decided it: the words and their span in the text (a ==
 * b when they are not in it). */
typedef struct {
    int y;
    const char *why; /* a label when the words are not in the text */
    size_t a, b;
} year_basis;

static int before(int m1, int d1, int m2, int d2) { return m1 < m2 || (m1 == m2 && d1 < d2); }

/* A name's year read as the year a meeting plans or reviews: "2024年工作
 * 会议" held in December 2023 plans 2024; "2023年工作总结暨2024年…" plans
 * 2024; "2023年度民主生活会" (a review) is held in 2024 unless late in 2023. */
static int year_of_name(const char *name, int m) {
    int y = year_in(name);
    /* "2009“交流与共享”——京津台中华传统文化研讨会": a year opening the name
     * without 年 */
    if (!y && name && (strncmp(name, "19", 2) == 0 || strncmp(name, "20", 2) == 0) && name[2] >= '0' && name[2] <= '9' &&
        name[3] >= '0' && name[3] <= '9' && !(name[4] >= '0' && name[4] <= '9') && name[4] != '-' && name[4] != '.' &&
        name[4] != '/')
        return atoi(name);
    if (!y) return 0;
    const char *at = strstr(name, "年");
    const char *ji = strstr(name, "暨");
    if (ji && year_in(ji) > y) y = year_in(ji);          /* …总结暨N+1年… */
    else if (at && (strstr(name, "民主生活会") || strstr(name, "述职") || strstr(name, "考核") || strstr(name, "总结")) &&
             !strstr(name, "季度") && !strstr(name, "半年") && !strstr(at, "月") && !strstr(name, "部署") &&
             !strstr(name, "动员"))
        return m <= 6 ? y + 1 : y; /* a review of year y ("2018年…述职测评大会" in January 2019) */
    if (strstr(name, "总结") && !ji) return y;
    /* Only a work conference or retreat plans its year ("2018年工作务虚会" in
     * December 2017); "2008年第8次部务会议" is the year's own. */
    int plans = at && (strncmp(at, "年工作会议", strlen("年工作会议")) == 0 ||
                       strncmp(at, "年度工作会议", strlen("年度工作会议")) == 0 || strstr(name, "务虚会") ||
                       strncmp(at, "年工作研讨会", strlen("年工作研讨会")) == 0);
    return plans && m >= 10 ? y - 1 : y;
}

/* A number written in Chinese numerals or digits at i (一百零五, 七十, 105):
 * its value, and *n its length; -1 when there is none. */
static int number_at(const ustr *u, size_t i, size_t *n) {
    size_t k = i;
    if (k < u->n && u_is_digit(u->cp[k])) {
        int r = read_int(u, &k, 4);
        *n = k - i;
        return r;
    }
    int v = 0, cur = 0, any = 0;
    for (; k < u->n && k - i < 8; k++) {
        uint32_t c = u->cp[k];
        int d = cn_digit(c);
        if (d >= 0)
            cur = d;
        else if (c == 0x5341 /* 十 */ || c == 0x767E /* 百 */)
            v += (cur ? cur : 1) * (c == 0x5341 ? 10 : 100), cur = 0;
        else
            break;
        any = 1;
    }
    *n = k - i;
    return any ? v + cur : -1;
}

/* Years from fixed anniversaries: 建党100周年 (1921 + N), 新中国成立70周年
 * (1949 + N), 改革开放40周年 (1978 + N), 辛亥革命110周年 (1911 + N), a
 * leader's 诞辰 (birth year + N). */
static int anniversary_year(const ustr *u, year_basis *yb) {
    static const struct {
        const char *before;
        int base;
    } eras[] = {{"建党", 1921},         {"党成立", 1921},       {"共产党成立", 1921},   {"新中国成立", 1949},
                {"共和国成立", 1949},   {"改革开放", 1978},     {"香港回归祖国", 1997}, {"香港回归", 1997},
                {"澳门回归祖国", 1999}, {"澳门回归", 1999},     {"辛亥革命", 1911},     {"五四运动", 1919},
                {"建军", 1927},         {"长征胜利", 1936},     {"抗战胜利", 1945},     {"抗日战争胜利", 1945},
                {"人民政协成立", 1949}, {"政治协商会议成立", 1949}, {"全国人民代表大会成立", 1954}, {"全国人大成立", 1954},
                {"毛泽东同志诞辰", 1893}, {"邓小平同志诞辰", 1904}, {"周恩来同志诞辰", 1898},
                {"经济特区建立", 1980}, {"经济特区成立", 1980}};
    for (size_t i = 1; i + 2 <= u->n; i++) {
        if (!ustr_at(u, i, "周年")) continue;
        size_t s = i;
        while (s > 0 && i - s < 5 && (u_is_digit(u->cp[s - 1]) || cn_numeral_is(u->cp[s - 1], NUM_COUNT))) s--;
        size_t n;
        int v = s < i ? number_at(u, s, &n) : -1;
        if (v <= 0 || s + n != i) continue;
        for (size_t k = 0; k < sizeof eras / sizeof *eras; k++)
            if (ends_with(u, s, eras[k].before)) {
                yb->y = eras[k].base + v;
                yb->a = s - ends_with(u, s, eras[k].before);
                yb->b = i + 2;
                return yb->y;
            }
    }
    return 0;
}

/* "今年是“十四五”开局之年": the first year of a plan period, or its last
 * (收官之年). */
static int plan_period_year(const ustr *u, int m, year_basis *yb) {
    static const struct {
        const char *name;
        int first;
    } periods[] = {{"十一五", 2006}, {"十二五", 2011}, {"十三五", 2016}, {"十四五", 2021}, {"十五五", 2026}};
    for (size_t i = 0; i + 4 <= u->n; i++) {
        int last = ustr_at(u, i, "收官之年") != 0;
        if (!last && !ustr_at(u, i, "开局之年")) continue;
        for (size_t k = i > 8 ? i - 8 : 0; k < i; k++)
            for (size_t q = 0; q < sizeof periods / sizeof *periods; q++)
                if (ustr_at(u, k, periods[q].name)) {
                    /* "明年是…开局之年" said in December names next year */
                    size_t cs = clause_start(u, k, 16);
                    int next = ustr_find(u, cs, k, "明年") != USTR_NONE ||
                               (m >= 10 && ustr_find(u, cs, k, "今年") == USTR_NONE);
                    yb->y = periods[q].first + (last ? 4 : 0) - next;
                    yb->a = k;
                    yb->b = i + 4;
                    return yb->y;
                }
    }
    return 0;
}

/* The national event a form ending at e names ("二十届四中全会", "十九大",
 * "全国政协十四届三次会议"); also a plenum in a list after its 届
 * ("二十届二中、三中全会"). Not a local body's plenum (省委十一届四中全会). */
static const cal_form *event_ending_at(const ustr *u, size_t e, size_t *start) {
    const cal_form *f = calendar_form_ending_at(u, e, 0);
    if (f) {
        *start = e - f->n;
        if (*start > 0) {
            uint32_t c = u->cp[*start - 1];
            if (c == 0x59D4 /* 委 */ || c == 0x7701 /* 省 */ || c == 0x5E02 /* 市 */ || c == 0x53BF /* 县 */ ||
                c == 0x533A /* 区 */)
                return NULL;
            /* "九三学社第十一届中央委员会第四次全体会议": another party's
             * central committee, not the CPC's */
            if (ends_with_any(u, *start, WORDS(other_parties))) return NULL;
        }
        return f;
    }
    if (e < 5 || !ends_with(u, e, "中全会") || !cn_numeral_is(u->cp[e - 4], NUM_COUNT)) return NULL;
    for (size_t j = e - 4; j > 0 && e - j < 16 && !u_is_sentence_end(u->cp[j - 1]); j--) {
        if (u->cp[j - 1] != 0x5C4A /* 届 */) continue;
        size_t s = j - 1;
        while (s > 0 && j - 1 - s < 3 && cn_numeral_is(u->cp[s - 1], NUM_COUNT)) s--;
        if (s == j - 1) return NULL;
        uint32_t key[8];
        size_t n = 0;
        for (size_t k = s; k < j && n < 4; k++) key[n++] = u->cp[k];
        key[n++] = u->cp[e - 4];
        key[n++] = 0x4E2D, key[n++] = 0x5168, key[n++] = 0x4F1A; /* 中全会 */
        ustr k = {NULL, key, NULL, n};
        f = calendar_form_ending_at(&k, n, 0);
        if (f) *start = s;
        return f;
    }
    return NULL;
}

/* Does "上的(重要)讲话" (or 上发表的…) follow an event ending at e? */
static int speech_given_at(const ustr *u, size_t e) {
    if (!ustr_at(u, e, "上的") && !ustr_at(u, e, "上发表的")) return 0;
    size_t tail = e + 10 < u->n ? e + 10 : u->n;
    size_t k = ustr_find(u, e, tail, "讲话");
    return k != USTR_NONE && ustr_find(u, e, k, "，") == USTR_NONE;
}

static int days(int y, int m, int d) { return y * 372 + m * 31 + d; }

/* The year a national event gives a meeting held on month m, day d: the
 * meeting is the event itself (its name holds the event's form), or it
 * transmits or studies the latest event it names ("传达学习党的二十届四中
 * 全会精神"), held on the first such day after the event began and within
 * half a year of it. */
static int event_year(const ustr *u, const article *a, int m, int d, year_basis *yb) {
    const cal_form *best = NULL;
    size_t ba = 0, bb = 0;
    int is_meeting = 0;
    for (size_t e = 3; e <= u->n; e++) {
        uint32_t c = u->cp[e - 1];
        if (c != 0x4F1A /* 会 */ && c != 0x5927 /* 大 */ && c != 0x8BAE /* 议 */) continue;
        size_t s;
        const cal_form *f = event_ending_at(u, e, &s);
        if (!f) continue;
        int own = a->name && ustr_range_in(u, s, e, a->name);
        size_t cs = clause_start(u, s, 16), w;
        int studied = 0;
        /* A plenum is carried out (贯彻/落实) in the months after it; a
         * congress for its five years, so only its 传达/学习 dates a meeting. */
        /* "贯彻落实党的二十大精神开局之年": the year after the congress */
        size_t tail = e + 12 < u->n ? e + 12 : u->n;
        int plenum = ends_with(u, e, "全会") || ustr_find(u, e, tail, "开局之年") != USTR_NONE;
        const word_list *verbs = plenum ? &citing_verbs : &fresh_verbs;
        for (size_t k = cs; k < s && !studied; k++) studied = ustr_at_any(u, k, verbs->w, verbs->n, &w) != 0;
        /* "在二十届中央纪委四次全会上的重要讲话": a speech given there is
         * cited afterwards, as a studied event is */
        if (!studied && plenum) studied = speech_given_at(u, e);
        /* "贯彻十八大、十八届历次全会…精神": several plenums since, years later */
        if (studied && ustr_find(u, s, e + 12 < u->n ? e + 12 : u->n, "历次") != USTR_NONE) studied = 0;
        if (!own && !studied) continue;
        if (own || !best || days(f->start.y, f->start.m, f->start.d) > days(best->start.y, best->start.m, best->start.d)) {
            best = f, ba = s, bb = e, is_meeting = own;
            if (own) break;
        }
    }
    if (!best) return 0;
    int y = best->start.y;
    if (!is_meeting && before(m, d, best->start.m, best->start.d)) y++;
    if (is_meeting && before(m, d, best->start.m, best->start.d) && !before(m, d, best->end.m, best->end.d)) y++;
    if (!is_meeting && days(y, m, d) - days(best->start.y, best->start.m, best->start.d) > 186) return 0;
    yb->y = y, yb->a = ba, yb->b = bb;
    return y;
}

static void set_basis(const ustr *u, article *a, const year_basis *yb) {
    free(a->date_basis);
    if (yb->a < yb->b) {
        a->date_basis = art_slice(a, u, yb->a, yb->b);
        a->basis_a = yb->a, a->basis_b = yb->b;
    } else {
        a->date_basis = yb->why ? art_strdup(a, yb->why) : NULL;
        a->basis_a = a->basis_b = 0;
    }
}

/* "今（8）日", "昨（7）日": the day in brackets after a relative day word. */
static int relative_day(const ustr *u, size_t i, date_expr *d) {
    if (!(u->cp[i] == 0x4ECA /* 今 */ || u->cp[i] == 0x6628 /* 昨 */) || i + 4 >= u->n ||
        (u->cp[i + 1] != 0xFF08 && u->cp[i + 1] != '('))
        return 0;
    size_t k = i + 2;
    int v = read_int(u, &k, 2);
    if (v < 1 || v > 31 || k + 1 >= u->n) return 0;
    int close = u->cp[k] == 0xFF09 || u->cp[k] == ')';
    /* "今（8日）" as well as "今（8）日" */
    if (!(close && u->cp[k + 1] == 0x65E5 /* 日 */) &&
        !(u->cp[k] == 0x65E5 && (u->cp[k + 1] == 0xFF09 || u->cp[k + 1] == ')')))
        return 0;
    memset(d, 0, sizeof *d);
    d->d = v, d->a = i, d->b = k + 2;
    return 1;
}

/* The year of a meeting on month m, day d, when the date does not give
 * it, in order of trust: the dateline's year, the page's date (a meeting
 * is never after it), the same day written in full elsewhere, the
 * meeting's name or headline, a national event it is or studies, the year
 * it plans for, an anniversary or a plan period's first year. 0: the text
 * does not decide it. */
/* "学习交流2022年全国两会精神": the year of what the meeting studies, named
 * after the verb that studies it, is the meeting's (the spirit of an event
 * is studied within weeks). Not for a meeting in January or February: a
 * year's December meetings are studied then. 0 when none is named so. */
static int studied_year(const ustr *u, int m, year_basis *yb) {
    if (m <= 2) return 0;
    for (size_t k = 0; k + 6 < u->n; k++) {
        size_t w, n = ustr_at_any(u, k, WORDS(citing_verbs), &w);
        if (!n) continue;
        size_t y = k + n;
        if (ustr_at(u, y, "交流")) y += 2; /* 学习交流 */
        if (y < u->n && u->cp[y] == 0x4E86 /* 了: "集中学习了2022年全国两会精神" */) y++;
        /* …or further on in the clause: "传达学习习近平总书记近期重要讲话精神和
         * 2025年全国两会精神" */
        for (size_t at = y; at < u->n && at - y < 40 && !is_clause_break(u->cp[at]) && !u_is_sentence_end(u->cp[at]);
             at++) {
            if (at > y && u_is_digit(u->cp[at - 1])) continue;
            int year = digits_at(u, at, 4);
            if (year < 1990 || year > 2100 || at + 4 >= u->n || u->cp[at + 4] != 0x5E74 /* 年 */) continue;
            size_t e = at + 5;
            while (e < u->n && e - at < 20 && u_is_han(u->cp[e])) e++;
            if (!ends_with(u, e, "精神")) continue;
            yb->y = year, yb->a = at, yb->b = e;
            return year;
        }
    }
    return 0;
}

static int infer_year(const ustr *u, const page *pg, const article *a, int m, int d, year_basis *yb) {
    memset(yb, 0, sizeof *yb);
    if (pg->pub_y) {
        yb->why = "page date";
        return yb->y = before(pg->pub_m, pg->pub_d, m, d) ? pg->pub_y - 1 : pg->pub_y;
    }
    if (m <= 12 && pg->full_year[m][d]) {
        yb->why = "the same day written in full";
        return yb->y = pg->full_year[m][d];
    }
    if ((yb->y = year_of_name(a->name, m))) {
        yb->why = a->name;
        return yb->y;
    }
    if ((yb->y = title_year(a->title))) {
        yb->why = a->title;
        return yb->y;
    }
    if (event_year(u, a, m, d, yb) || studied_year(u, m, yb)) return yb->y;
    int current, plan = planning_year(u, &current);
    if (!plan) plan = pg->plan_year, current = pg->plan_current;
    if (plan) { /* "2020年是…之年" names this year; "部署2025年…" the next */
        yb->why = current ? "the year it names as this year" : "the year it plans for";
        return yb->y = m >= 10 && !current ? plan - 1 : plan;
    }
    if (anniversary_year(u, yb) || plan_period_year(u, m, yb)) return yb->y;
    return 0;
}

/* "昨日下午，…召开" on a page dated 2022-07-29 (or under a dateline "新华社北
 * 京3月2日电"): the day before that date (今天/今日: that day), when the
 * report writes no day at all. */
static int relative_to(const ustr *u, int y, int m, int day, size_t from, size_t limit, date_expr *d) {
    static const int mdays[] = {31, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!m || !day) return 0;
    for (size_t i = from; i < limit && i < u->n; i++) {
        int back = ustr_at(u, i, "昨日") || ustr_at(u, i, "昨天");
        size_t w;
        if (!back && !ustr_at_any(u, i, WORDS(today_words), &w)) continue;
        memset(d, 0, sizeof *d);
        d->y = y, d->m = m, d->d = day - back;
        if (!d->d) {
            d->m = d->m == 1 ? 12 : d->m - 1;
            d->y -= d->m == 12;
            d->d = mdays[d->m] + (d->m == 2 && d->y % 4 == 0);
        }
        d->a = i, d->b = i + 2;
        return 1;
    }
    return 0;
}

/* Is the date d a dateline's ("1月13日电", "8月27日消息"): when the news was
 * sent, not when the meeting was? */
static int dateline_date(const ustr *u, const date_expr *d) {
    return d->b < u->n && (u->cp[d->b] == 0x7535 /* 电 */ || u->cp[d->b] == 0x8BAF /* 讯 */ || ustr_at(u, d->b, "消息"));
}

static size_t distance(const date_expr *d, size_t anchor) {
    if (anchor >= d->a && anchor < d->b) return 0;
    return anchor < d->a ? d->a - anchor : anchor - d->b;
}

/* The meeting's date in [from, limit): the first date that is not a
 * dateline's, or with an anchor (where the text names the meeting) the one
 * nearest to it ("张又侠…24日遭官宣落马后的首次中央政治局会议30日召开");
 * else a relative day against the dateline or the page's date; else the
 * dateline's date. */
/* Is the date at a set for later ("定于10月25日召开", "拟于下月")? */
static int planned_at(const ustr *u, size_t a) {
    if (ends_with_any(u, a, WORDS(planned_marks))) return 1;
    size_t k = a;
    while (k > 0 && a - k < 24 && !is_clause_break(u->cp[k - 1])) k--;
    return follows_decision(u, k);
}

/* Is the date d a page's stamp ("发布时间：2012年2月20日"), or when a
 * meeting's notice went out ("会议通知于2025年10月20日以书面方式发出"), not
 * when the meeting met? */
static int page_stamp(const ustr *u, const date_expr *d) {
    size_t e = d->a;
    while (e > 0 && (u->cp[e - 1] == ' ' || u->cp[e - 1] == 0xFF1A || u->cp[e - 1] == ':' || u->cp[e - 1] == 0x3000)) e--;
    if (ends_with_any(u, e, WORDS(page_date_labels)) || ends_with(u, e, "通知于") || ends_with(u, e, "通知已于")) return 1;
    /* "于2021年8月11日以书面方式通知各位董事" */
    for (size_t k = d->b; k < u->n && k - d->b < 12 && !is_clause_break(u->cp[k]); k++)
        if (ustr_at(u, k, "通知") || ustr_at(u, k, "发出") || ustr_at(u, k, "送达")) return 1;
    return 0;
}

/* Is the date d in a clause that only says after what the meeting came
 * ("张又侠1月24日遭官宣落马后，中共中央政治局于今（30）日召开会议")? */
static int in_after_clause(const ustr *u, const date_expr *d) {
    for (size_t k = d->b; k < u->n && k - d->b < 30; k++)
        if (is_clause_break(u->cp[k]) || u_is_sentence_end(u->cp[k]))
            return u->cp[k] == 0xFF0C && k > d->b && u->cp[k - 1] == 0x540E /* 后 */;
    return 0;
}

/* Is the date d a national event's that the report only cites ("党的十九
 * 届四中全会于10月28日至31日在北京召开，…中国有色集团召开党委扩大会议")? The
 * event named right before it (past 于) is not the article's meeting. */
static int national_event_date(const ustr *u, const article *a, const date_expr *d) {
    size_t e = d->a, s;
    if (e > 0 && u->cp[e - 1] == 0x4E8E /* 于 */) e--;
    const cal_form *f = e >= 3 ? event_ending_at(u, e, &s) : NULL;
    return f && !(a->name && ustr_range_in(u, s, e, a->name)) && !(a->name && ustr_range_has(u, s, e, a->name));
}

/* Sets the meeting's date; yb, when the year was inferred, says from
 * what. 0 when out of memory. */
static int set_date(const ustr *u, article *a, int y, int m, int d, const year_basis *yb) {
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    free(a->date);
    a->date = art_strdup(a, buf);
    a->date_inferred = yb != NULL;
    if (yb) set_basis(u, a, yb);
    return a->date != NULL;
}

/* A month and day read elsewhere (a photo caption) get their year from
 * the article's own text u, as a date read there would. */
void year_for_month_day(const ustr *u, const page *pg, article *a) {
    int m, d;
    if (a->date || !a->month_day || sscanf(a->month_day, "%d-%d", &m, &d) != 2) return;
    year_basis yb;
    int year = infer_year(u, pg, a, m, d, &yb);
    if (!year || !set_date(u, a, year, m, d, &yb)) return;
    free(a->month_day);
    a->month_day = NULL;
}

/* A chronicle (大事记) files its days under month headings, a line that is
 * only "1月" or "十二月": the month of a bare day written below one, else
 * 0. The page's own date says when the chronicle was posted, not when its
 * days were. */
static int month_heading_above(const ustr *u, size_t at) {
    size_t e = at;
    while (e > 0 && u->cp[e - 1] != '\n') e--; /* the start of the day's line */
    for (int lines = 0; e > 0 && lines < 80; lines++) {
        size_t le = e - 1, ls = le;
        while (ls > 0 && u->cp[ls - 1] != '\n') ls--;
        size_t k = ls;
        int m = read_date_num(u, &k, 2, 0);
        if (m >= 1 && m <= 12 && k < le && u->cp[k] == 0x6708 /* 月 */ &&
            (k + 1 == le || (k + 2 == le && u->cp[k + 1] == 0x4EFD /* 份 */)))
            return m;
        e = ls;
    }
    return 0;
}

/* A chronicle's bare day: the month of its heading, and a year only from
 * the chronicle's title. 1 when the day is under a month heading. */
static int chronicle_day(const ustr *u, article *a, date_expr *best) {
    int heading = month_heading_above(u, best->a);
    if (!heading) return 0;
    best->m = heading;
    int y = title_year(a->title);
    year_basis yb = {0};
    yb.why = a->title;
    if (y) {
        set_date(u, a, y, best->m, best->d, &yb);
        add_span(a, "meeting.date", best->a, best->b);
        return 1;
    }
    char md[8];
    snprintf(md, sizeof md, "%02d-%02d", best->m, best->d);
    free(a->month_day);
    a->month_day = art_strdup(a, md);
    add_span(a, "meeting.month_day", best->a, best->b);
    return 1;
}

void find_date(const ustr *u, const page *pg, article *a, size_t from, size_t limit, size_t anchor) {
    date_expr best = {0}, dateline = {0};
    int found = 0;
    for (size_t i = 0; i < u->n && i < 80; i++) { /* the article's own dateline */
        date_expr d;
        if (parse_date(u, i, &d) && dateline_date(u, &d)) {
            dateline = d;
            break;
        }
    }
    /* Near the name, "今日下午…举行" outranks a date of something else in the
     * same sentence ("…定于3月3日开幕"). */
    int ref_y = dateline.d ? dateline.y : pg->pub_y, ref_m = dateline.d ? dateline.m : pg->pub_m;
    int ref_d = dateline.d ? dateline.d : pg->pub_d;
    for (size_t i = from; i < limit && !(found && anchor == USTR_NONE); i++) {
        date_expr d;
        if (!parse_date(u, i, &d) && !relative_day(u, i, &d) &&
            !(anchor != USTR_NONE && relative_to(u, ref_y, ref_m, ref_d, i, i + 1, &d)))
            continue;
        if (planned_at(u, d.a) || in_after_clause(u, &d) || national_event_date(u, a, &d) || page_stamp(u, &d)) { /* "定于10月25日召开…": another meeting, later */
            i = d.b - 1;
            continue;
        }
        if (dateline_date(u, &d)) {
            dateline = d;
        } else if (!found || distance(&d, anchor) < distance(&best, anchor)) {
            best = d;
            found = 1;
        }
        i = d.b - 1;
    }
    if (!found && dateline.d) found = relative_to(u, dateline.y, dateline.m, dateline.d, from, limit, &best);
    if (!found) found = pg->pub_y && relative_to(u, pg->pub_y, pg->pub_m, pg->pub_d, from, limit, &best);
    if (!found) {
        if (!dateline.d || anchor != USTR_NONE) return;
        best = dateline;
    }
    if (!best.m && chronicle_day(u, a, &best)) return;
    int pub_m = pg->pub_m, pub_d = pg->pub_d;
    if (!best.m) best.m = dateline.m;
    if (!best.m && pub_m) /* "昨日（27日）" under a page dated 2017-11-28 */
        best.m = best.d <= pub_d ? pub_m : (pub_m == 1 ? 12 : pub_m - 1);
    if (!best.m) return;
    int year = best.y, inferred = 0;
    if (!year) year = dateline.y;
    year_basis yb = {0};
    if (!year) {
        inferred = 1;
        year = infer_year(u, pg, a, best.m, best.d, &yb);
    }
    char buf[16];
    if (!year) {
        snprintf(buf, sizeof buf, "%02d-%02d", best.m, best.d);
        free(a->month_day);
        a->month_day = art_strdup(a, buf);
        add_span(a, "meeting.month_day", best.a, best.b);
        return;
    }
    set_date(u, a, year, best.m, best.d, inferred ? &yb : NULL);
    if (best.d2) {
        int m2 = best.m2 ? best.m2 : best.m;
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", m2 < best.m ? year + 1 : year, m2, best.d2);
        a->date_end = art_strdup(a, buf);
    }
    add_span(a, "meeting.date", best.a, best.b);
}
