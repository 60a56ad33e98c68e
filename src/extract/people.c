/*
 * people: who took part in a meeting — a title and a name ("国务院总理李强",
 * "李强总理", "努尔兰·阿不都满金"), lists of them split on 、，和 及 以及,
 * and the roles the genre gives them: the chair (主持), the speakers
 * (讲话, 作报告), the leaders present (出席) and the attendees (参加会议).
 * Where a name cannot be told from the words around it, it is not taken.
 *
 * Not for: the meeting itself (meeting.c), reporters and editors
 * (byline.c), or the words it matches (lexicon.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"

/* Where the title before a name begins: after the clause break, a dateline,
 * or 由 (会议由X主持). */
static size_t title_start(const ustr *u, size_t name_at) {
    size_t s = clause_start(u, name_at, 60);
    size_t d = after_dateline(u, s, name_at);
    if (!d) d = after_attribution(u, s, name_at);
    if (d && d <= name_at) s = d;
    for (size_t i = name_at; i > s; i--)
        if (u->cp[i - 1] == 0x7531 /* 由 */) return i;
    return s;
}

static int is_name(const ustr *u, size_t a, size_t b) {
    if (char_in(&name_bad_first, u->cp[a]) || char_in(&name_bad_last, u->cp[b - 1])) return 0;
    for (size_t i = 0; i < not_names.n; i++)
        if (ustr_at(u, a, not_names.w[i]) == b - a || (b - a > 2 && ustr_at(u, a, not_names.w[i]))) return 0;
    if (b - a > 2 && ends_with_any(u, b, WORDS(not_name_ends))) return 0;
    /* A title is not a name: "中央书记处书记" gives no 处书记, "国务委员" none. */
    if (ends_with_any(u, b, WORDS(position_words))) return 0;
    return 1;
}

static int is_name_dot(uint32_t cp) { return cp == 0x00B7 || cp == 0x2022 || cp == 0x30FB || cp == 0x2027; }

/* Where a transliterated name ending at e starts ("努尔兰·阿不都满金",
 * "努热木·斯玛依汗": Han runs of 1-8 joined by a middle dot), or e when
 * there is none. */
static size_t dotted_name_start(const ustr *u, size_t e) {
    size_t i = e, dots = 0;
    for (;;) {
        size_t run = i;
        while (run > 0 && i - run < 8 && u_is_han(u->cp[run - 1])) run--;
        if (run == i) return e;
        if (run >= 2 && is_name_dot(u->cp[run - 1]) && u_is_han(u->cp[run - 2]) && dots < 3) {
            i = run - 1;
            dots++;
            continue;
        }
        if (!dots) return e;
        /* The first part may follow its title directly: "主席努尔兰·…". */
        for (size_t st = i - 1; st > run && i - st <= 4; st--)
            if (i - st >= 2 && ends_with_any(u, st, WORDS(position_words))) return st;
        return i - run <= 4 ? run : e;
    }
}

static int dotted_name(const ustr *u, size_t a, size_t b) { return b > a && dotted_name_start(u, b) == a; }

/* A name of 2–4 Han characters ending at e, with its title before it.
 * Returns 1 and the bounds; the title may be empty only when the name opens
 * the clause. */
static int person_before(const ustr *u, size_t e, size_t *name_a, size_t *title_a) {
    if (ends_with(u, e, "同志")) e -= 2;
    size_t dn = dotted_name_start(u, e);
    if (dn < e) {
        *name_a = dn;
        *title_a = title_start(u, dn);
        return 1;
    }
    static const size_t lengths[] = {3, 2, 4};
    for (size_t k = 0; k < 3; k++) {
        size_t n = lengths[k];
        if (e < n || !all_han(u, e - n, e) || !is_name(u, e - n, e)) continue;
        size_t na = e - n;
        /* "董事长王健": 长 ends the title (董事长), it does not start the name. */
        if (n > 2 && ends_with_any(u, na + 1, WORDS(position_words))) continue;
        if (ends_with_any(u, na, WORDS(position_words))) {
            *name_a = na;
            *title_a = title_start(u, na);
            return *title_a < na;
        }
    }
    for (size_t n = 2; n <= 3; n++) {
        if (e < n || !all_han(u, e - n, e) || !is_name(u, e - n, e)) continue;
        size_t na = e - n, ts = title_start(u, na);
        if (ts == na) {
            *name_a = *title_a = na;
            return 1;
        }
    }
    return 0;
}

static void set_person(const ustr *u, person *p, size_t title_a, size_t name_a, size_t name_b) {
    p->name = ustr_slice(u, name_a, name_b);
    p->title = title_a < name_a ? ustr_slice(u, title_a, name_a) : NULL;
}

/* A name of 2-3 characters opening its clause, then a title word ending
 * at e: "吴邦国委员长", "李强总理" (NPC and State Council reports). */
static int person_titled_after(const ustr *u, size_t e, size_t *name_a, size_t *name_b) {
    size_t w = ends_with_any(u, e, WORDS(position_words));
    if (!w || e < w + 2) return 0;
    size_t nb = e - w;
    for (size_t n = 3; n >= 2; n--) {
        if (nb < n || !all_han(u, nb - n, nb) || !is_name(u, nb - n, nb)) continue;
        size_t na = nb - n;
        if (na > 0 && !is_clause_break(u->cp[na - 1])) continue;
        *name_a = na;
        *name_b = nb;
        return 1;
    }
    return 0;
}

int find_chair(const ustr *u, article *a, size_t from, size_t limit) {
    for (size_t p = from; p < limit; p++) {
        if (!ustr_at(u, p, "主持")) continue;
        size_t j = skip_time_place(u, p, clause_start(u, p, 80));
        size_t na, ta, nb;
        if (person_titled_after(u, j, &na, &nb)) {
            /* "吴邦国委员长主持会议": the title after the name. */
            a->chair.name = ustr_slice(u, na, nb);
            a->chair.title = ustr_slice(u, nb, j);
            add_span(a, "meeting.chair", na, p + 2);
            return 1;
        }
        if (!person_before(u, j, &na, &ta)) continue;
        nb = ends_with(u, j, "同志") ? j - 2 : j;
        set_person(u, &a->chair, ta, na, nb);
        add_span(a, "meeting.chair", ta, p + 2);
        return 1;
    }
    return 0;
}

/* A headline names the chair bare ("李克强主持召开国务院常务会议"), the
 * report with the title ("国务院总理李克强主持会议"): the title is taken
 * from the first titled mention of the same name before 主持. */
void chair_title_elsewhere(const ustr *u, article *a) {
    if (!a->chair.name || a->chair.title) return;
    size_t len = strlen(a->chair.name);
    for (size_t p = 1; p < u->n; p++) {
        if (!ustr_at(u, p, "主持")) continue;
        size_t j = skip_time_place(u, p, clause_start(u, p, 80)), na, ta;
        if (!person_before(u, j, &na, &ta) || ta == na) continue;
        size_t nb = ends_with(u, j, "同志") ? j - 2 : j;
        if (u->off[nb] - u->off[na] != len || memcmp(u->s + u->off[na], a->chair.name, len) != 0) continue;
        a->chair.title = ustr_slice(u, ta, na);
        add_span(a, "meeting.chair", ta, p + 2);
        return;
    }
}

static int has_speaker(const article *a, const char *name) {
    for (size_t i = 0; i < a->nspeakers; i++)
        if (strcmp(a->speakers[i].name, name) == 0) return 1;
    return 0;
}

static void store_speaker(const ustr *u, article *a, person s, size_t span_a, size_t end);

static void add_speaker(const ustr *u, article *a, size_t ta, size_t na, size_t nb, size_t end) {
    person s;
    set_person(u, &s, ta, na, nb);
    store_speaker(u, a, s, ta, end);
}

/* "温家宝总理发表讲话": the name [na, nb), its title after it up to t_end. */
static void add_speaker_titled_after(const ustr *u, article *a, size_t na, size_t nb, size_t t_end, size_t end) {
    person s = {ustr_slice(u, na, nb), ustr_slice(u, nb, t_end)};
    store_speaker(u, a, s, na, end);
}

static void store_speaker(const ustr *u, article *a, person s, size_t span_a, size_t end) {
    (void)u;
    if (!s.name || has_speaker(a, s.name)) {
        free(s.name);
        free(s.title);
        return;
    }
    person *arr = realloc(a->speakers, (a->nspeakers + 1) * sizeof *arr);
    if (!arr) {
        free(s.name);
        free(s.title);
        return;
    }
    a->speakers = arr;
    char key[32];
    snprintf(key, sizeof key, "meeting.speakers[%zu]", a->nspeakers);
    add_span(a, key, span_a, end);
    arr[a->nspeakers++] = s;
}

/* A speech verb phrase at i: 讲话 / 致辞, or 发表|作|做 (了) followed within
 * the clause by 讲话 or 报告 ("作《…》工作报告", "作了重要讲话"). Sets *end. */
static int speech_at(const ustr *u, size_t i, size_t *end) {
    size_t which, n;
    if ((n = ustr_at_any(u, i, WORDS(speech_bare), &which))) {
        *end = i + n;
        return 1;
    }
    if (!(n = ustr_at_any(u, i, WORDS(speech_verbs), &which))) return 0;
    /* 工作报告 is a noun: "书记处工作报告" names no speaker. */
    if (i > 0 && u->cp[i - 1] == 0x5DE5 /* 工 */) return 0;
    int quoted = 0;
    for (size_t k = i + n; k < u->n && k - i < 40; k++) {
        uint32_t c = u->cp[k];
        if (c == 0x300A || c == 0x201C)
            quoted++;
        else if ((c == 0x300B || c == 0x201D) && quoted)
            quoted--;
        else if (!quoted && is_clause_break(c))
            return 0;
        if (!quoted && (ustr_at(u, k, "讲话") || ustr_at(u, k, "报告") || ustr_at(u, k, "致辞"))) {
            *end = k + 2;
            return 1;
        }
    }
    return 0;
}

/* What follows a speaker's name: 出席会议并…, 在会上…, 代表…作…, or the
 * speech itself. */
static int speaker_phrase(const ustr *u, size_t p, size_t *end) {
    size_t which, n = ustr_at_any(u, p, WORDS(speaker_leads), &which);
    if (speech_at(u, p + n, end)) return 1;
    if (ustr_at(u, p, "在讲话中")) {
        *end = p + 4;
        return 1;
    }
    if (!ustr_at(u, p, "代表")) return 0;
    for (size_t k = p + 2; k < u->n && k - p < 16 && !is_clause_break(u->cp[k]); k++)
        if (speech_at(u, k, end)) return 1;
    return 0;
}

/* After 主持 (召开X)，并… in the same sentence: the chair spoke too. */
static int chair_spoke_after(const ustr *u, size_t p, size_t *end) {
    for (size_t k = p + 2; k < u->n && k - p < 80 && !u_is_sentence_end(u->cp[k]); k++)
        if (u->cp[k] == 0x5E76 /* 并 */ && speech_at(u, k + 1, end)) return 1;
    return 0;
}

/* A name without a title is a speaker only when it opens a sentence and
 * the phrase says where it spoke: "习近平在会上发表重要讲话",
 * "。李克强在讲话中对…". Elsewhere a bare name before 讲话 is too often
 * something else. */
static int bare_speaker(const ustr *u, size_t na, size_t p) {
    size_t which;
    if (na > 0 && !u_is_sentence_end(u->cp[na - 1]) && u->cp[na - 1] != '\n') return 0;
    return p - na <= 3 && ustr_at_any(u, p, WORDS(speaker_places), &which) != 0;
}

void find_speakers(const ustr *u, article *a) {
    for (size_t p = 1; p < u->n; p++) {
        size_t end, na, ta;
        if (ustr_at(u, p, "主持")) {
            if (chair_spoke_after(u, p, &end)) {
                size_t j = skip_time_place(u, p, clause_start(u, p, 80));
                if (person_before(u, j, &na, &ta) && ta < na)
                    add_speaker(u, a, ta, na, ends_with(u, j, "同志") ? j - 2 : j, end);
            }
            continue;
        }
        if (!u_is_han(u->cp[p - 1]) || !speaker_phrase(u, p, &end)) continue;
        size_t nb;
        if (person_titled_after(u, p, &na, &nb)) { /* "，温家宝总理发表讲话" */
            add_speaker_titled_after(u, a, na, nb, p, end);
            p = end - 1;
            continue;
        }
        if (!person_before(u, p, &na, &ta)) continue;
        if (ta == na && !bare_speaker(u, na, p)) continue; /* a speaker has a title, or opens the sentence */
        add_speaker(u, a, ta, na, ends_with(u, p, "同志") ? p - 2 : p, end);
        p = end - 1;
    }
}

/* Names in one comma part of a 出席 list: "副部长陈肇雄、刘利华、辛国斌" —
 * a titled first name, then bare names; items before the first name
 * belong to its title ("部党组成员、副部长陈肇雄"). Returns how many. */
static size_t names_in_part(const ustr *u, size_t a, size_t b, size_t out[][2], size_t max) {
    size_t items[64][2], n = 0, s = a;
    for (size_t i = a; i <= b && n < 64; i++) {
        if (i == b || u->cp[i] == 0x3001 /* 、 */) {
            items[n][0] = s;
            items[n][1] = i;
            n++;
            s = i + 1;
        }
    }
    size_t first = n;
    for (size_t k = 0; k < n && first == n; k++) {
        size_t na, ta;
        if (person_before(u, items[k][1], &na, &ta) && na >= items[k][0] - (k ? 0 : 0) && na > a) {
            first = k;
            items[k][0] = na;
        } else if (person_before(u, items[k][1], &na, &ta) && na == a && items[k][1] - na <= 3) {
            first = k; /* a bare name opening the part */
        }
    }
    if (first == n) return 0;
    size_t got = 0;
    for (size_t k = first; k < n && got < max; k++) {
        size_t ia = items[k][0], ib = items[k][1], len = ib - ia;
        if (dotted_name(u, ia, ib) || (all_han(u, ia, ib) && len >= 2 && len <= 4)) {
            out[got][0] = ia;
            out[got][1] = ib;
            got++;
            continue;
        }
        /* Each with its own title: "县委书记陆晓延、县人大常委会副主任樊亚新". */
        size_t na, ta;
        if (person_before(u, ib, &na, &ta) && na > ia && ta < na) {
            out[got][0] = na;
            out[got][1] = ib;
            got++;
            continue;
        }
        /* "曹策问及秘书长余保江": a name, 及/和, a title and a name. */
        size_t j = ia + 2;
        while (j < ib && j - ia <= 4 && u->cp[j] != 0x53CA && u->cp[j] != 0x548C) j++;
        if (j >= ib || j - ia > 4 || !all_han(u, ia, j) || k + 1 != n || got + 2 > max) return 0;
        /* …或 a bare name after it: "霍卫平及王建太". */
        int bare = ib - (j + 1) >= 2 && ib - (j + 1) <= 3 && all_han(u, j + 1, ib) && is_name(u, j + 1, ib);
        if (bare)
            na = j + 1;
        else if (!person_before(u, ib, &na, &ta) || ta != j + 1)
            return 0;
        out[got][0] = ia;
        out[got][1] = j;
        out[got + 1][0] = na;
        out[got + 1][1] = ib;
        got += 2;
    }
    return got;
}

/* "部领导A、B、C出席会议", "市委副书记、常务副市长徐军，市委常委陈社教、楼伟成出席会议":
 * the names of the comma parts before 出席, back to the first part that is
 * not a list of officials. */
void find_present(const ustr *u, article *a) {
    /* Lists go on in the paragraph of the first one ("…支树平出席会议。…副部长
     * 陈雷…刘光和等领导出席会议"), not beyond. */
    size_t stop = u->n;
    for (size_t p = 1; p < stop; p++) {
        if (!ustr_at(u, p, "出席")) continue;
        size_t e = skip_time_place(u, p, clause_start(u, p, 200)); /* 在主会场出席 */
        size_t gn = ends_with_any(u, e, WORDS(present_groups));
        e -= gn;
        if (ends_with(u, e, "同志")) e -= 2;
        size_t found[64][2], nf = 0, end = e;
        size_t ss = sentence_start(u, p);
        while (end > ss) {
            size_t s = end;
            while (s > ss && u->cp[s - 1] != 0xFF0C && u->cp[s - 1] != ',') s--;
            size_t part[64][2];
            size_t got = names_in_part(u, s, end, part, 64);
            /* "市委副书记边祥慧和市委常委", "…张高丽以及国务院的其他领导": a
             * group after the last name. */
            size_t and_at = got ? USTR_NONE : ustr_rfind(u, s, end, "和");
            if (!got && and_at == USTR_NONE && (and_at = ustr_rfind(u, s, end, "及")) != USTR_NONE && and_at > s &&
                u->cp[and_at - 1] == 0x4EE5 /* 以 */)
                and_at--;
            if (and_at != USTR_NONE) got = names_in_part(u, s, and_at, part, 64);
            if (!got) break;
            /* Parts are read backwards; keep the list in text order. */
            if (nf + got > 64) break;
            memmove(found + got, found, nf * sizeof found[0]);
            memcpy(found, part, got * sizeof part[0]);
            nf += got;
            if (s == ss) break;
            end = s - 1;
        }
        size_t which;
        int speech = ustr_at_any(u, p, WORDS(speech_triggers), &which) != 0;
        if (nf == 0 || (nf == 1 && speech)) continue;
        if (stop == u->n) stop = para_end(u, p);
        for (size_t k = 0; k < nf; k++) {
            char *name = ustr_slice(u, found[k][0], found[k][1]);
            if (!name) return;
            if (slist_has(&a->present, name)) {
                free(name);
                continue;
            }
            if (slist_add_unique(&a->present, name)) return;
            char key[32];
            snprintf(key, sizeof key, "meeting.present[%zu]", a->present.n - 1);
            add_span(a, key, found[k][0], found[k][1]);
        }
    }
}

/* "…负责同志参加会议": the clauses before 参加会议 (参加了会议, 参加。), back to
 * the sentence start or a clause that does something else (主持, 出席,
 * 讲话: "…出席会议，副董事长郝晓华主持会议，集团领导、高管参加会议"). */
void find_attendees(const ustr *u, article *a) {
    size_t p = ustr_find(u, 0, u->n, "参加会议"), n = 4;
    if (p == USTR_NONE && (p = ustr_find(u, 0, u->n, "参加了会议")) != USTR_NONE) n = 5;
    /* A study session: "院领导班子成员参加学习". */
    if (p == USTR_NONE && (p = ustr_find(u, 0, u->n, "参加学习")) != USTR_NONE) n = 4;
    if (p == USTR_NONE) {
        for (size_t i = 0; i + 2 < u->n && p == USTR_NONE; i++)
            if (ustr_at(u, i, "参加") && u_is_sentence_end(u->cp[i + 2])) p = i, n = 2;
    }
    if (p == USTR_NONE) return;
    size_t ss = sentence_start(u, p);
    size_t d = after_dateline(u, ss, p);
    if (d) ss = d;
    size_t s = p;
    while (s > ss) {
        size_t cs = s;
        while (cs > ss && u->cp[cs - 1] != 0xFF0C) cs--;
        int acts = 0;
        for (size_t k = cs; k < s && !acts; k++) {
            size_t which;
            acts = ustr_at_any(u, k, WORDS(attendee_stops), &which) != 0;
        }
        if (acts) break;
        s = cs;
        if (s > ss) s--; /* over the comma */
    }
    if (s < p && u->cp[s] == 0xFF0C) s++;
    if (p <= s || p - s > 200) return;
    /* How they took part is not who (attendee_manner). */
    size_t e = p;
    for (size_t k = s + 2; k < p && e == p; k++) {
        size_t which;
        if (ustr_at_any(u, k, WORDS(attendee_manner), &which)) e = k;
    }
    a->attendees = ustr_slice(u, s, e);
    add_span(a, "meeting.attendees", s, p + n);
}
