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

void read_page(page *pg, const ustr *doc, const clean_doc *cd) {
    memset(pg, 0, sizeof *pg);
    pg->doc = doc;
    pg->cd = cd;
    pg->pub_y = cd->pub_y, pg->pub_m = cd->pub_m, pg->pub_d = cd->pub_d;
    if (!pg->pub_y) numeric_date_in(doc, 400, &pg->pub_y, &pg->pub_m, &pg->pub_d); /* "时间：2021-12-21" */
    read_full_dates(doc, pg->full_year);
    pg->plan_year = planning_year(doc);
}

void find_date(const ustr *u, const page *pg, article *a, size_t from, size_t limit) {
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
    int pub_y = pg->pub_y, pub_m = pg->pub_m, pub_d = pg->pub_d;
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
    if (!year && best.m <= 12) year = pg->full_year[best.m][best.d];
    if (!year && pub_y) {
        /* Published on the page's date: a meeting months "later" was last year. */
        year = best.m > pub_m + 1 ? pub_y - 1 : pub_y;
    }
    if (!year) {
        int plan = planning_year(u);
        if (!plan) plan = pg->plan_year;
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
