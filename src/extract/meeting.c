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
int name_as_subject(const ustr *u, size_t from, size_t to, article *a) {
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
int name_as_object(const ustr *u, size_t from, size_t to, article *a) {
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
void org_from_chair(article *a) {
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

void find_place(const ustr *u, article *a, size_t from, size_t limit) {
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
        if (slist_add(&a->cues, ustr_slice(u, p, k + n))) return;
        if (!u->n) break;
    }
}

/* Paragraphs opened by "会议指出/强调/要求…": the genre's own mark; two make
 * a meeting report even where no name or chair was found (a later page of
 * a paged article). */
size_t meeting_cues(const article *a) {
    size_t n = 0;
    for (size_t i = 0; i < a->cues.n; i++) n += strncmp(a->cues.items[i], "会议", strlen("会议")) == 0;
    return n;
}
