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
#include "utf8.h"

/* Does a name of 2-3 characters after a title word end at e, within
 * [s, e)? ("党委书记胡思虎" before 和) */
static int titled_name_ends(const ustr *u, size_t s, size_t e) {
    for (size_t n = 2; n <= 3; n++)
        if (e >= s + n + 1 && all_han(u, e - n, e) && ends_with_any(u, e - n, WORDS(position_words))) return 1;
    return 0;
}

/* Where the title before a name begins: after the clause break, a dateline,
 * or 由 (会议由X主持). */
static size_t title_start(const ustr *u, size_t name_at) {
    size_t s = clause_start(u, name_at, 60);
    /* "党组书记、部长，部学习实践活动领导小组组长李盛霖": a comma after a
     * title word continues the title. */
    for (int hops = 0; hops < 2 && s > 1 && u->cp[s - 1] == 0xFF0C && ends_with_any(u, s - 1, WORDS(position_words)) &&
                       s - clause_start(u, s - 1, 60) <= 60 && name_at - s <= 40;
         hops++)
        s = clause_start(u, s - 1, 60);
    size_t d = after_dateline(u, s, name_at);
    if (!d) d = after_attribution(u, s, name_at);
    if (d && d <= name_at) s = d;
    s = after_leading_time(u, s, name_at); /* "2月9日上午市人大常委会主任肖天连主持" */
    for (size_t i = name_at; i > s; i--) {
        if (u->cp[i - 1] == 0x7531 /* 由 */) return i;
        /* "代理主持的副主席曾永权": what qualifies a title with 的 is no part
         * of it (党的 is: "党的十九大代表") */
        if (u->cp[i - 1] == 0x7684 /* 的 */ && i >= s + 2 && u->cp[i - 2] != 0x515A /* 党 */ && i < name_at) return i;
        /* "…》新华社合肥3月13日电某市市长X": a dateline inside the clause */
        if (i >= s + 2 && u->cp[i - 1] == 0x7535 /* 电 */ && u->cp[i - 2] == 0x65E5 /* 日 */) return i;
        /* "会议听取了…秘书长杨振武作的汇报": no title holds a verb's 了 */
        if (u->cp[i - 1] == 0x4E86 /* 了 */ || ends_with_any(u, i, WORDS(hearing_verbs))) return i;
        if (ends_with_any(u, i, WORDS(title_breaks)) || u->cp[i - 1] == 0x3011 /* 】 */ || u->cp[i - 1] == ']')
            /* "…工作报告和工会主席钱启明": no title opens with a conjunction */
            return i + (i < name_at && (u->cp[i] == 0x548C /* 和 */ || u->cp[i] == 0x4E0E /* 与 */ || u->cp[i] == 0x53CA /* 及 */));
        /* "四是集团公司董事长X": an enumeration's 是 */
        if (u->cp[i - 1] == 0x662F /* 是 */ && i >= 2 && cn_numeral_is(u->cp[i - 2], NUM_COUNT)) return i;
        /* "党委书记胡思虎和党委副书记洪启煌": 和 after a titled name */
        if ((u->cp[i - 1] == 0x548C /* 和 */ || u->cp[i - 1] == 0x4E0E /* 与 */) && titled_name_ends(u, s, i - 1)) return i;
        /* "黑龙江高院院长南英、上海高院院长滕一龙": a 、 after a name (not
         * after a title word, as in 党组书记、部长) ends another person. */
        if ((u->cp[i - 1] == 0x3001 || u->cp[i - 1] == 0x53CA /* 及 */) && (i - 1 > s || u->cp[i - 1] == 0x3001) &&
            !ends_with_any(u, i - 1, WORDS(position_words)) && !ends_with(u, i - 1, "代表"))
            return i; /* "全国人大代表、检察长X": 代表 is a title only in such a list */
    }
    /* Pinyin or junk left by a garbled page, or an enumeration ("h政协主席",
     * "3.主任"): a title opens with its first Han character. */
    size_t t = s;
    while (t < name_at && u->cp[t] < 0x80) t++;
    if (t < name_at) s = t; /* "CEO王明" keeps its title */
    /* "在院党委书记李水弟的主持下": the preposition opens the clause, not the title */
    if (s + 2 < name_at && u->cp[s] == 0x5728 /* 在 */ && !ustr_at(u, s, "在京")) s++;
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

static int is_pronoun(uint32_t cp) { return cp == 0x4ED6 /* 他 */ || cp == 0x5979 /* 她 */; }

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
        /* "重点学习了习近平主持…": a name after a verb is its object */
        if (ts == na && na > 0 && (u->cp[na - 1] == 0x4E86 /* 了 */ || ends_with_any(u, na, WORDS(hearing_verbs)))) continue;
        if (ts == na) {
            *name_a = *title_a = na;
            return 1;
        }
    }
    return 0;
}

/* a is the article being read, marked when memory runs out. */
static void set_person(const ustr *u, article *a, person *p, size_t title_a, size_t name_a, size_t name_b) {
    p->name = art_slice(a, u, name_a, name_b);
    p->title = p->name && title_a < name_a ? art_slice(a, u, title_a, name_a) : NULL; /* no title without a name */
}

/* What may stand right before a name that its title follows, besides a
 * clause break: the body it serves ("院党委胡仁崇书记主持") or when
 * ("会议结束时陆金龙董事长作了总结讲话", "会上王明书记强调"); the name must
 * then open with a common surname, so that no body's last character is
 * taken for one ("区委王明书记" gives 王明, not 委王明). */
static int owner_or_time_before(const ustr *u, size_t na) {
    if (!char_in(&surnames, u->cp[na])) return 0;
    uint32_t c = u->cp[na - 1];
    if (c == 0x65F6 /* 时 */ || c == 0x4E0A /* 上 */ || c == 0x540E /* 后 */) return na >= 2 && u_is_han(u->cp[na - 2]);
    /* "院党委胡仁崇书记", "市妇联甘端蓉主席": a body's name before */
    return (ends_with_any(u, na, WORDS(org_suffixes)) > 0 || ends_with_any(u, na, WORDS(convening_bodies)) > 1) &&
           !char_in(&surnames, u->cp[na - 1]);
}

/* A name of 2-3 characters opening its clause, then a title word ending
 * at e: "吴邦国委员长", "李强总理" (NPC and State Council reports). */
static int person_titled_after(const ustr *u, size_t e, size_t *name_a, size_t *name_b) {
    size_t w = ends_with_any(u, e, WORDS(position_words));
    if (!w && ends_with(u, e, "总")) w = 1; /* "李磊总强调": 总 for a company's head */
    if (!w || e < w + 2) return 0;
    /* "周介华副会长": 副 goes with any title (the lexicon lists 会长, not
     * every 副 before it), and so do the modifiers before it */
    if (e - w > 2 && u->cp[e - w - 1] == 0x526F /* 副 */) w++;
    w += ends_with_any(u, e - w, WORDS(title_modifiers)); /* "王某荣常务副校长" */
    size_t nb = e - w;
    for (size_t n = 3; n >= 2; n--) {
        if (nb < n || !all_han(u, nb - n, nb) || !is_name(u, nb - n, nb)) continue;
        size_t na = nb - n;
        /* "学院经理蒋永穆教授发言": a title before the name too */
        /* "和张仁寿副校长作的《…》说明": a second speaker joined by 和 */
        uint32_t before = na > 0 ? u->cp[na - 1] : 0;
        /* "张德春、秦醒民副主任分别主持": the last of a list of names */
        int joined = before == 0x548C /* 和 */ || before == 0x53CA /* 及 */ || before == 0x4E0E /* 与 */ ||
                     before == 0x3001 /* 、 */ || before == 0x7531 /* 由 (由孙士江院长作…报告) */;
        if (na > 0 && !is_clause_break(before) && !joined && !ends_with_any(u, na, WORDS(position_words)) &&
            !owner_or_time_before(u, na))
            continue;
        *name_a = na;
        *name_b = nb;
        return 1;
    }
    return 0;
}

/* "会议由荣维聪主席主持", "会议由集团剪爱森常务副总裁主持", "会议由镇党委尚金
 *楼主持": after 由, an org or nothing, the name, and a title or nothing,
 * ending at j. Sets the name [*na, *nb) and the title [*ta, *te). */
static int not_a_person(const ustr *u, size_t a, size_t b);
static int not_a_person_any_surname(const ustr *u, size_t a, size_t b);
static int chaired_this(const ustr *u, const article *a, size_t p);
static int listed_between_people(const ustr *u, size_t found[][2], size_t nf, size_t k);

static int chair_after_you(const ustr *u, size_t j, size_t *na, size_t *nb, size_t *ta, size_t *te) {
    size_t you = j;
    while (you > 0 && j - you < 14 && u_is_han(u->cp[you - 1]) && u->cp[you - 1] != 0x7531 /* 由 */) you--;
    if (you == 0 || u->cp[you - 1] != 0x7531) return 0;
    size_t w = ends_with_any(u, j, WORDS(position_words)), t = j - w;
    if (w) t -= ends_with_any(u, t, WORDS(title_modifiers));
    /* "由刘启春常务副会长兼秘书长主持": a title after the name may hold 兼 */
    for (size_t w2; w && t > you + 3 && u->cp[t - 1] == 0x517C /* 兼 */ && (w2 = ends_with_any(u, t - 1, WORDS(position_words)));) {
        t -= 1 + w2;
        if (u->cp[t - 1] == 0x526F /* 副 */) t--;
        t -= ends_with_any(u, t, WORDS(title_modifiers));
    }
    for (size_t n = 3; n >= 2; n--) {
        if (t < you + n || !is_name(u, t - n, t)) continue;
        size_t a = t - n;
        /* "党委委员李撼": 员 ends the title (委员), it does not start the name */
        if (n == 3 && ends_with_any(u, a + 1, WORDS(position_words))) continue;
        if (not_a_person(u, a, t)) continue;
        int org_before = a > you && ends_with_any(u, a, WORDS(org_suffixes));
        if (a != you && !org_before) continue;
        if (!w && !org_before) continue; /* a bare name after 由 is read by person_before */
        *na = a, *nb = t;
        *ta = w ? t : you, *te = w ? j : a;
        return 1;
    }
    return 0;
}

/* Does a titled name end at e ("市长鲍志强")? */
static int person_ends(const ustr *u, size_t e) {
    size_t na, ta;
    return person_before(u, e, &na, &ta) && ta < na;
}

/* "主持会议的全国人大常委会委员长吴邦国宣布": the chair named after 主持会议的. */
static int chair_named_after(const ustr *u, size_t p, size_t *na, size_t *ta, size_t *nb) {
    /* "主持会议的", "主持大会的", "主持宣讲会的": a meeting word, then 的;
     * or 的 at once: "代理主持的副主席曾永权在会中表示" */
    size_t s = ustr_at(u, p + 2, "的") ? p + 3 : 0;
    for (size_t k = p + 3; k < u->n && k <= p + 8 && u_is_han(u->cp[k]) && !s; k++)
        if (u->cp[k] == 0x7684 /* 的 */ && ends_with_any(u, k, WORDS(meeting_words))) s = k + 1;
    if (!s) return 0;
    size_t e = s;
    while (e < u->n && e - s < 30 && u_is_han(u->cp[e])) {
        size_t w;
        if (e > s + 2 && (ustr_at_any(u, e, WORDS(said_verbs), &w) || ustr_at(u, e, "宣布") || ustr_at(u, e, "讲话")))
            break;
        /* "主持会议的济南市市长鲍志强对大家解释说": the name ends before 对/在/向 */
        if (e > s + 4 && (ustr_at(u, e, "对") || ustr_at(u, e, "在") || ustr_at(u, e, "向")) && person_ends(u, e)) break;
        e++;
    }
    if (!person_before(u, e, na, ta) || *na <= s) return 0;
    if (*ta < s) *ta = s;
    *nb = e;
    return 1;
}

/* "…主持召开县委常委会、县政府常务会议等重要会议时多次强调": 主持 in a
 * clause about other meetings (…等…会议时, …会议期间) names no chair of
 * this one. */
static int chairs_other_meetings(const ustr *u, size_t p) {
    for (size_t k = p + 2; k < u->n && k - p < 40 && !is_clause_break(u->cp[k]) && !u_is_sentence_end(u->cp[k]); k++)
        if ((u->cp[k] == 0x7B49 /* 等 */ && ustr_find(u, k, k + 12 < u->n ? k + 12 : u->n, "会议时") != USTR_NONE) ||
            ustr_at(u, k, "会议时") || ustr_at(u, k, "会议期间"))
            return 1;
    return 0;
}

/* "由党委书记孙尧东、校长谭向勇主持", "张德春、秦醒民副主任分别主持": of
 * co-chairs the record keeps the first named. Moves [*ta, *na, *nb) back
 * over names joined to it by 、和与. */
static void first_co_chair(const ustr *u, size_t *ta, size_t *na, size_t *nb) {
    for (;;) {
        size_t s = *ta < *na ? *ta : *na, pna, pta;
        if (s < 3 || (u->cp[s - 1] != 0x3001 && u->cp[s - 1] != 0x548C && u->cp[s - 1] != 0x4E0E)) return;
        if (!person_before(u, s - 1, &pna, &pta) || not_a_person(u, pna, s - 1) || !char_in(&surnames, u->cp[pna]))
            return;
        *ta = pta, *na = pna, *nb = s - 1;
    }
}

/* "由周国富、黄旭明和冯明光共同主持": co-chairs after 由; where the first
 * one's name ends, else j. */
static size_t first_after_you(const ustr *u, size_t j) {
    size_t you = j;
    while (you > 0 && j - you < 30 && u->cp[you - 1] != 0x7531 /* 由 */ && !is_clause_break(u->cp[you - 1])) you--;
    if (you == 0 || u->cp[you - 1] != 0x7531) return j;
    for (size_t k = you + 2; k < j; k++) {
        uint32_t c = u->cp[k];
        if (c != 0x3001 && c != 0x548C /* 和 */ && c != 0x4E0E /* 与 */ && c != 0x53CA /* 及 */) continue;
        for (size_t n = 3; n >= 2; n--)
            if (k >= you + n && all_han(u, k - n, k) && char_in(&surnames, u->cp[k - n]) && is_name(u, k - n, k)) return k;
        return j;
    }
    return j;
}

int find_chair(const ustr *u, article *a, size_t from, size_t limit) {
    for (size_t p = from; p < limit; p++) {
        if (!ustr_at(u, p, "主持") || chairs_other_meetings(u, p)) continue;
        size_t j = skip_time_place(u, p, clause_start(u, p, 80));
        /* "卢展工、郭庚茂、邓凯等主持大会": co-chairs, the first kept */
        if (j > 2 && u->cp[j - 1] == 0x7B49 /* 等 */ && u_is_han(u->cp[j - 2])) j--;
        /* "由公司董事长杨西宁先生召集并主持": who convened it chairs it */
        if (ends_with(u, j, "召集并")) j -= 3;
        /* "党委书记孙黎明出席并主持会议": who attends and chairs */
        else if (ends_with(u, j, "出席并")) j -= 3;
        /* …and the address after the name is no part of it */
        if (j > 4 && (ends_with(u, j, "先生") || ends_with(u, j, "女士") || ends_with(u, j, "同志")) && u_is_han(u->cp[j - 3])) j -= 2;
        j = first_after_you(u, j);
        size_t na, ta, nb, te;
        /* "在院党委书记李水弟的主持下，…": the chair before 的 */
        if (p > 2 && u->cp[p - 1] == 0x7684 /* 的 */ && ustr_at(u, p + 2, "下") && person_before(u, p - 1, &na, &ta) &&
            !not_a_person(u, na, p - 1)) {
            set_person(u, a, &a->chair, ta, na, p - 1);
            add_span(a, "meeting.chair", ta, p + 3);
            return 1;
        }
        if (chair_named_after(u, p, &na, &ta, &nb)) {
            set_person(u, a, &a->chair, ta, na, nb);
            add_span(a, "meeting.chair", p, nb);
            return 1;
        }
        if (chair_after_you(u, j, &na, &nb, &ta, &te)) {
            a->chair.name = art_slice(a, u, na, nb);
            a->chair.title = a->chair.name && ta < te ? art_slice(a, u, ta, te) : NULL;
            add_span(a, "meeting.chair", na < ta ? na : ta, p + 2);
            return 1;
        }
        if (person_titled_after(u, j, &na, &nb) && !not_a_person(u, na, nb)) { /* not "省委常委主持" */
            /* "吴邦国委员长主持会议": the title after the name. */
            size_t na0 = na;
            ta = na;
            first_co_chair(u, &ta, &na, &nb);
            if (na != na0) {
                set_person(u, a, &a->chair, ta, na, nb);
            } else {
                a->chair.name = art_slice(a, u, na, nb);
                a->chair.title = a->chair.name ? art_slice(a, u, nb, j) : NULL;
            }
            add_span(a, "meeting.chair", ta < na ? ta : na, p + 2);
            return 1;
        }
        if (!person_before(u, j, &na, &ta)) continue;
        nb = ends_with(u, j, "同志") ? j - 2 : j;
        /* "县人大常委会副主任衣萍主持", "会议由主席铁凝主持": a title right
         * before the name vouches for it, when what is chaired is this meeting */
        int titled = ta < na && ends_with_any(u, na, WORDS(position_words)) && chaired_this(u, a, p);
        if (titled ? not_a_person_any_surname(u, na, nb) : not_a_person(u, na, nb)) continue;
        first_co_chair(u, &ta, &na, &nb);
        set_person(u, a, &a->chair, ta, na, nb);
        add_span(a, "meeting.chair", ta, p + 2);
        return 1;
    }
    return 0;
}

/* Only the headline names the chair ("李克强主持召开国务院常务会议" above a
 * report that opens with 会议指出): read it there; no span, as the
 * headline is not in the text. */
void chair_from_title(article *a) {
    if (a->chair.name || !a->title) return;
    ustr t;
    if (art_fail(a, ustr_init(&t, a->title, strlen(a->title)))) return;
    article h;
    memset(&h, 0, sizeof h);
    if (find_chair(&t, &h, 0, t.n)) {
        a->chair = h.chair;
    }
    a->oom |= h.oom;
    free(h.spans);
    ustr_free(&t);
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
        a->chair.title = art_slice(a, u, ta, na);
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

/* Is the name [a, b) a body, a group or a meeting rather than a person
 * ("党总支", "班子成员", "集团", "大会")? A two-character name without a
 * common surname ("实际", "开业") is no person's either. */
static int not_a_person(const ustr *u, size_t a, size_t b) {
    return not_a_person_any_surname(u, a, b) || (b - a == 2 && !char_in(&surnames, u->cp[a]));
}

/* As not_a_person, but a two-character name may open with no common
 * surname: read where a title stands right before it. */
static int not_a_person_any_surname(const ustr *u, size_t a, size_t b) {
    size_t s = ends_with_any(u, b, WORDS(org_suffixes)), c = ends_with_any(u, b, WORDS(convening_bodies));
    size_t m = ends_with_any(u, b, WORDS(meeting_words)), n = s > c ? s : c;
    n = n > m ? n : m;
    /* "金之镇": 镇 and 乡 close names too ("商务部", "财政局" are bodies) */
    uint32_t last = u->cp[b - 1];
    /* …and 会 ("王长会"), but not 董事会, 理事会, 高峰会, 常委会 */
    uint32_t mid = b - a == 3 ? u->cp[a + 1] : 0;
    int hui = last == 0x4F1A && mid != 0x4E8B /* 事 */ && mid != 0x5CF0 /* 峰 */ && mid != 0x59D4 /* 委 */;
    int names_end_so = b - a == 3 && char_in(&surnames, u->cp[a]) && (last == 0x9547 /* 镇 */ || last == 0x4E61 /* 乡 */ || hui);
    if (n > 1 || (n == 1 && !names_end_so)) return 1;
    if (ustr_find(u, a, b, "成员") != USTR_NONE || ustr_find(u, a, b, "代表") != USTR_NONE) return 1;
    /* a clause's words read as a name: "向与会同志…", "…报告厅召开，，", "由董事会召集，" */
    static const char *const clause_words[] = {"与会", "召开", "召集", "举行", "百忙"};
    for (size_t i = 0; i < sizeof clause_words / sizeof *clause_words; i++)
        if (ustr_find(u, a, b, clause_words[i]) != USTR_NONE) return 1;
    if (last == 0x7EC4 /* 组: 督导组, 调研组 */) return 1;
    if (b - a == 2 && last == 0x603B /* 总: "骆总", a surname and an address */) return 1;
    /* "七十人", "三十余名": a count of people */
    if (cn_numeral_is(u->cp[a], NUM_COUNT) && (last == 0x4EBA /* 人 */ || last == 0x540D /* 名 */ || last == 0x4F4D /* 位 */))
        return 1;
    return 0;
}

static void add_speaker(const ustr *u, article *a, size_t ta, size_t na, size_t nb, size_t end) {
    if (not_a_person(u, na, nb)) return;
    person s;
    set_person(u, a, &s, ta, na, nb);
    store_speaker(u, a, s, ta, end);
}

/* "温家宝总理发表讲话": the name [na, nb), its title after it up to t_end. */
static void add_speaker_titled_after(const ustr *u, article *a, size_t na, size_t nb, size_t t_end, size_t end) {
    if (not_a_person(u, na, nb)) return;
    person s = {art_slice(a, u, na, nb), art_slice(a, u, nb, t_end)};
    store_speaker(u, a, s, na, end);
}

/* "他表示，习近平总书记在…报告的开篇部分指出": a person named first in
 * the clause right after another's 表示，/说，/指出， is quoted in that
 * speech, not speaking at the meeting. at: where the person's words start. */
static int quoted_in_speech(const ustr *u, size_t at) {
    /* not 要求, 希望: "…提出了要求，总裁吕勇明…" ends a clause with a noun */
    static const char *const saying[] = {"表示", "说", "指出", "强调", "认为", "称"};
    size_t cs = clause_start(u, at, 60);
    return cs == at && cs > 2 && (u->cp[cs - 1] == 0xFF0C || u->cp[cs - 1] == 0xFF1A) &&
           ends_with_any(u, cs - 1, saying, sizeof saying / sizeof *saying) != 0;
}

static void store_speaker(const ustr *u, article *a, person s, size_t span_a, size_t end) {
    if (!s.name || has_speaker(a, s.name) || quoted_in_speech(u, span_a)) {
        free(s.name);
        free(s.title);
        return;
    }
    person *arr = art_need(a, realloc(a->speakers, (a->nspeakers + 1) * sizeof *arr));
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
        /* "胡锦涛发言时，…": when someone spoke, told inside another's words;
         * "新闻发言人", "主讲嘉宾", "发言材料": a role or a thing, not a speech */
        return !(i + n < u->n && (u->cp[i + n] == 0x65F6 /* 时 */ || u->cp[i + n] == 0x4EBA /* 人 */ ||
                                  u->cp[i + n] == 0x7A3F /* 稿 */ || ustr_at(u, i + n, "嘉宾") || ustr_at(u, i + n, "材料")));
    }
    if (!(n = ustr_at_any(u, i, WORDS(speech_verbs), &which))) return 0;
    /* 工作报告 is a noun: "书记处工作报告" names no speaker. */
    if (i > 0 && u->cp[i - 1] == 0x5DE5 /* 工 */) return 0;
    /* …nor is the 作 of 著作, 写作, 创作, 合作, 操作, 运作, 动作 */
    static const char *const words_with_zuo[] = {"著作", "写作", "创作", "合作", "操作", "运作", "动作"};
    if (i > 0 && u->cp[i] == 0x4F5C /* 作 */ && ustr_at_any(u, i - 1, words_with_zuo, sizeof words_with_zuo / sizeof *words_with_zuo, &which))
        return 0;
    size_t w;
    int quoted = 0;
    /* "作了关于2003年国民经济…计划执行情况…的报告", "作《…》工作报告": the
     * noun may stand far after the verb. */
    for (size_t k = i + n, plain = 0; k < u->n && plain < 80 && k - i < 240; k++) {
        uint32_t c = u->cp[k];
        plain += !quoted;
        size_t past;
        if (!quoted && c == 0xFF08 && (past = bracketed_end(u, k, k + 12)) > k) {
            k = past - 1; /* "作了工会（职代会）2020年度工作总结…报告": a short bracket */
            continue;
        }
        if (c == 0x300A || c == 0x201C) {
            quoted++;
        } else if ((c == 0x300B || c == 0x201D) && quoted) {
            quoted--;
            /* "作《政府工作报告》": a title that names a report is the report */
            if (!quoted && c == 0x300B && ends_with_any(u, k, WORDS(speech_nouns))) {
                *end = k + 1;
                return 1;
            }
        } else if (!quoted && is_clause_break(c)) {
            return 0;
        }
        size_t m;
        if (!quoted && (m = ustr_at_any(u, k, WORDS(speech_nouns), &w))) {
            *end = k + m;
            return 1;
        }
    }
    return 0;
}

/* Do the words [p, k) between a name and its speech put it at another
 * meeting or place, or in writing: "在全国科技大会上发表重要讲话", "在湖南考察时
 * 强调", "在批示中指出"? A bare "在会上", "在大会上" is this meeting. */
static int spoke_elsewhere(const ustr *u, const article *a, size_t p, size_t k) {
    if (!ustr_at(u, p, "在")) return 0;
    /* "在批示中指出", "在贺信中表示": written to the meeting, not spoken at it */
    if (ustr_find(u, p, k, "批示") != USTR_NONE || ustr_find(u, p, k, "贺信") != USTR_NONE ||
        ustr_find(u, p, k, "信中") != USTR_NONE)
        return 1;
    for (size_t e = p + 1; e < k; e++) {
        if (ustr_at(u, e, "考察") || ustr_at(u, e, "调研") || ustr_at(u, e, "视察") || ustr_at(u, e, "访谈") ||
            ustr_at(u, e, "采访"))
            return 1;
        /* "在例行记者会表示", "在香港分会场后见记者时表示": to the press, not
         * to the meeting (unless the meeting is a press conference) */
        int press = a->name && (strstr(a->name, "记者会") || strstr(a->name, "发布会") || strstr(a->name, "吹风会"));
        if (!press && (ustr_at(u, e, "记者会") || ustr_at(u, e, "见记者") || ustr_at(u, e, "受访") || ustr_at(u, e, "发布会")))
            return 1;
        if (u->cp[e] != 0x4E0A /* 上 */ || e < p + 2) continue;
        size_t w = ends_with_any(u, e, WORDS(meeting_words));
        if (!w || e - (p + 1) < 5) return 0; /* 在会上, 在大会上, 在动员会上: this meeting */
        /* A named meeting: this one when it is the article's (or the
         * article names none: the scene names it). */
        if (!a->name) return 0;
        return !ustr_range_in(u, p + 1, e, a->name) && !ustr_range_has(u, p + 1, e, a->name);
    }
    return 0;
}

/* A verb that reports what a person said: "强调，", "指出：", "表示", "说，",
 * "提出…要求". Sets *end. */
static int said_at(const ustr *u, size_t i, size_t *end) {
    size_t w, n = ustr_at_any(u, i, WORDS(said_verbs), &w);
    if (n == 1 && (i + 1 >= u->n || (u->cp[i + 1] != 0xFF0C && u->cp[i + 1] != 0xFF1A && u->cp[i + 1] != 0x201C)))
        return 0; /* 说明, 称号: only "说，" "称：" report speech */
    if (n) {
        *end = i + n;
        return 1;
    }
    if (!ustr_at(u, i, "提出")) return 0;
    if (i + 2 < u->n && u->cp[i + 2] == 0xFF1A) { /* "提出：一要…" */
        *end = i + 3;
        return 1;
    }
    for (size_t k = i + 2; k < u->n && k - i < 12 && !is_clause_break(u->cp[k]); k++)
        if (ustr_at(u, k, "要求") || ustr_at(u, k, "希望") || ustr_at(u, k, "期望") || ustr_at(u, k, "建议") ||
            ustr_at(u, k, "意见")) { /* "对…领导班子提出建议：" */
            *end = k + 2;
            return 1;
        }
    return 0;
}

int said_or_speech_at(const ustr *u, size_t i, size_t *end) { return speech_at(u, i, end) || said_at(u, i, end); }

/* What was attended, [a, b) before 并, is this meeting: nothing (出席并),
 * 会议 (本次会议, 此次会议), or the end of the meeting's own name (出席大会
 * of a 大会). "习近平总书记出席大会并发表重要讲话" in a report of another
 * meeting is a speech at that 大会. */
static int attended_this(const ustr *u, const article *a, size_t s, size_t e) {
    size_t w;
    if (s == e) return 1;
    if (ustr_at_any(u, s, WORDS(this_meeting), &w) == e - s) {
        /* "全国科技大会召开，习近平总书记出席大会并发表重要讲话": a 大会 the
         * sentence names just before is another */
        if (!ends_with(u, e, "大会") && !ends_with(u, e, "集会")) return 1;
        size_t other = ustr_rfind(u, sentence_start(u, s), s, "大会");
        return other == USTR_NONE || (a->name && ustr_range_in(u, other > 6 ? other - 6 : 0, other + 2, a->name));
    }
    return a->name && e - s >= 2 && ustr_range_in(u, s, e, a->name);
}

/* "出席会议并", "出席了会议并", "出席，并", "莅临会议并", "到会并": the
 * person attended and the speech follows 并. The length up to after 并,
 * else 0. */
static size_t attended_and(const ustr *u, const article *a, size_t p) {
    size_t w, n = ustr_at_any(u, p, WORDS(attend_verbs), &w);
    if (!n) return 0;
    size_t from = p + n + (p + n < u->n && u->cp[p + n] == 0x4E86 /* 了 */), e;
    /* "到会致贺词": no 并 when the speech follows at once */
    if (ustr_at(u, p, "到会") && speech_at(u, from, &e)) return from - p;
    for (size_t k = from; k < u->n && k - p < 14; k++) {
        int comma = u->cp[k] == 0xFF0C || u->cp[k] == ',';
        if (u->cp[k] != 0x5E76 /* 并 */ && !(comma && k + 1 < u->n && u->cp[k + 1] == 0x5E76)) {
            if (is_clause_break(u->cp[k])) return 0;
            continue;
        }
        return attended_this(u, a, from, k) ? k + 1 + (size_t)comma - p : 0;
    }
    return 0;
}

/* At the clause break k: "，并指出", "，并作了…讲话". */
static int and_then_speaks(const ustr *u, size_t k, size_t *end) {
    if ((u->cp[k] != 0xFF0C && u->cp[k] != ',') || k + 2 >= u->n || u->cp[k + 1] != 0x5E76 /* 并 */) return 0;
    return speech_at(u, k + 2, end) || said_at(u, k + 2, end);
}

/* "在题为《…》的工作报告中", "在总结讲话中": the speech named by its noun
 * and 中, at k of a phrase opened by 在 at p. */
static int speech_in_at(const ustr *u, size_t p, size_t k, size_t *end) {
    size_t w, m;
    if (u->cp[p] != 0x5728 /* 在 */ || !(m = ustr_at_any(u, k, WORDS(speech_nouns), &w))) return 0;
    if (k + m >= u->n || u->cp[k + m] != 0x4E2D /* 中 */) return 0;
    *end = k + m + 1;
    return 1;
}

/* What follows a speaker's name: 出席会议并…, 在会上…, 代表…作…, or the
 * speech itself; the verbs of what was said ("强调", "在会上指出", "就…提出
 * 要求"). */
/* 1 when what was said follows ("强调"), 2 when a speech does ("作…报告",
 * "在会上讲话"): a bare name takes the second more readily. */
static int speaker_phrase(const ustr *u, const article *a, size_t p, size_t *end) {
    size_t which, n = 0, m;
    /* "李强则在会议上发表讲话": leads may follow one another */
    while (n < 8 && (m = ustr_at_any(u, p + n, WORDS(speaker_leads), &which))) n += m;
    n += attended_and(u, a, p + n); /* "专程出席会议，并致欢迎辞" */
    if (speech_at(u, p + n, end)) return 2;
    if (said_at(u, p + n, end)) return 1;
    /* "陈新亮同志、段汝和同志…分别发言": an address before 、 ends one
     * item of a list; the list's verb is read at its end */
    if ((ustr_at(u, p, "同志") || ustr_at(u, p, "先生") || ustr_at(u, p, "女士")) && p + 2 < u->n &&
        u->cp[p + 2] == 0x3001 /* 、 */)
        return 0;
    /* "应邀为全省领导干部作了…专题辅导": an opener after the leads */
    size_t o = p + n;
    if (ustr_at_any(u, o, WORDS(speaker_openers), &which)) {
        /* "就部党组贯彻落实…分析检查报告起草过程以及主要内容作了说明" */
        for (size_t k = o + 1; k < u->n && k - o < 50; k++) {
            /* "就区委工作报告（送审稿）的起草过程作说明": what it is about
             * may hold brackets and quotes */
            /* what a topic's opener is about may hold brackets and quotes
             * ("针对十九大报告中关于“文化自信”内容作主题发言"); not where or
             * when (在…大会上提出的“…”要求) */
            int topic = u->cp[o] == 0x5C31 /* 就 */ || u->cp[o] == 0x5BF9 /* 对 */ || ustr_at(u, o, "针对") ||
                        ustr_at(u, o, "围绕") || ustr_at(u, o, "结合");
            size_t past = topic ? bracketed_end(u, k, o + 50) : k;
            if (past > k) {
                k = past - 1;
                continue;
            }
            if (is_clause_break(u->cp[k])) {
                /* "对前一阶段工作给予了肯定，对下一步工作提出明确要求": a
                 * second 对/就 phrase goes on with the same subject, as do
                 * "分别结合各自工作实践，从…等方面作了发言", "…，围绕…发言" */
                size_t w2;
                if (u->cp[k] == 0xFF0C && k + 1 < u->n && k - o < 40 && ustr_at_any(u, k + 1, WORDS(clause_goes_on), &w2))
                    continue;
                /* "在会上传达了…精神，并指出": the clause goes on after 并;
                 * "针对…任务，要求大家…": or with what was said */
                if (!and_then_speaks(u, k, end) && !(u->cp[k] == 0xFF0C && said_at(u, k + 1, end))) break;
                return spoke_elsewhere(u, a, p, k) ? 0 : 1;
            }
            int speech = speech_at(u, k, end);
            if (speech || said_at(u, k, end)) {
                /* "…在…大会上提出的要求": what was said there, a noun's
                 * modifier, is cited, not said here */
                if (*end < u->n && u->cp[*end] == 0x7684 /* 的 */) return 0;
                return spoke_elsewhere(u, a, p, k) ? 0 : 1 + speech;
            }
            if (speech_in_at(u, o, k, end)) return spoke_elsewhere(u, a, p, k) ? 0 : 2;
        }
    }
    if (ustr_at(u, p, "在讲话中") || ustr_at(u, p, "在报告中")) {
        *end = p + 4;
        return 2;
    }
    if (!ustr_at(u, p, "代表")) return 0;
    /* "代表常务委员会，向大会报告工作": whom he speaks for may take a clause of
     * its own when the next one opens with where the speech goes. */
    for (size_t k = p + 2, commas = 0; k < u->n && k - p < 40; k++) {
        if (is_clause_break(u->cp[k])) {
            if (u->cp[k] != 0xFF0C || commas++ || k + 1 >= u->n || (u->cp[k + 1] != 0x5411 /* 向 */ && !ustr_at(u, k + 1, "作") && !ustr_at(u, k + 1, "做")))
                return 0;
            continue;
        }
        if (speech_at(u, k, end) || (commas && said_at(u, k, end))) return 2;
    }
    return 0;
}

/* Is what is chaired at p (主持 X 并…) this meeting: nothing, 会议, 本次…,
 * or the meeting's own name? "习近平总书记主持召开中共中央政治局会议并发表
 * 重要讲话", told in a report of a provincial meeting, is not. */
static int chaired_this(const ustr *u, const article *a, size_t p) {
    size_t s = p + 2, e;
    if (ustr_at(u, s, "召开")) s += 2;
    if (s < u->n && u->cp[s] == 0x4E86 /* 了 */) s++;
    for (e = s; e < u->n && e - s < 40 && u->cp[e] != 0x5E76 /* 并 */ && u->cp[e] != 0x3001 &&
                !is_clause_break(u->cp[e]) && !u_is_sentence_end(u->cp[e]);
         e++)
        ;
    /* a short object is a part of this meeting: 闭幕会, 开班式, 座谈会 */
    if (e - s <= 4 || attended_this(u, a, s, e) || ustr_at(u, s, "本次") || ustr_at(u, s, "此次")) return 1;
    return a->name && ustr_range_has(u, s, e, a->name);
}

/* After 主持 (召开X)，并… in the same sentence, or "…主持大会。他说" in the
 * next: the chair spoke too. */
static int chair_spoke_after(const ustr *u, const article *a, size_t p, size_t *end) {
    size_t k = p + 2;
    for (; k < u->n && k - p < 80 && !u_is_sentence_end(u->cp[k]) && u->cp[k] != '\n'; k++) {
        /* "主持会议并讲话", "主持本次民主生活会，并代表院党委作了…报告" */
        if (u->cp[k] == 0x5E76 /* 并 */ && speaker_phrase(u, a, k + 1, end)) return 1;
        if (u->cp[k] == 0xFF0C && k + 1 < u->n && is_pronoun(u->cp[k + 1]) &&
            (speech_at(u, k + 2, end) || said_at(u, k + 2, end))) /* "，他指出" */
            return 1;
        /* "…王勃主持，副主任王浩生进行动员，并提出要求": a clause that is not
         * 并… or 他… has a subject of its own */
        /* "主持召开市委常委会议，传达…精神，强调…": clauses without a
         * subject go on telling what the chair did */
        if (is_clause_break(u->cp[k]) && k + 1 < u->n && said_at(u, k + 1, end)) return 1;
        size_t w;
        if (is_clause_break(u->cp[k]) && k + 1 < u->n && u->cp[k + 1] != 0x5E76 && !is_pronoun(u->cp[k + 1]) &&
            u->cp[k + 1] != 0x540C /* 同时 */ && !ustr_at_any(u, k + 1, WORDS(chair_goes_on), &w))
            return 0;
    }
    if (k + 2 < u->n && u_is_sentence_end(u->cp[k]) && is_pronoun(u->cp[k + 1]) &&
        (speech_at(u, k + 2, end) || said_at(u, k + 2, end)))
        return 1;
    return 0;
}

/* A headline deck that lost its spaces, "贾庆林作政协常委会工作报告张榕明作
 * 提案工作情况报告王刚主持", "省政协十届二次会议闭幕赵洪祝发表讲话": a name
 * right after one of its phrases' last words, on a short line without
 * punctuation, opens a phrase of its own. */
/* Is the line around i a headline deck: short, with no punctuation? Sets
 * *line_start to where it begins. */
static int on_deck_line(const ustr *u, size_t i, size_t *line_start) {
    size_t ls = i, le = i;
    while (ls > 0 && u->cp[ls - 1] != '\n') ls--;
    while (le < u->n && u->cp[le] != '\n') le++;
    if (le - ls > 60) return 0;
    for (size_t k = ls; k < le; k++)
        if (!u_is_han(u->cp[k]) && !u_is_digit(u->cp[k]) && u->cp[k] != ' ' && u->cp[k] != 0x3000) return 0;
    *line_start = ls;
    return 1;
}

static int after_deck_break(const ustr *u, size_t na) {
    size_t ls;
    return ends_with_any(u, na, WORDS(deck_breaks)) && on_deck_line(u, na, &ls);
}

/* A name without a title is a speaker only when it opens a sentence and
 * the phrase says where it spoke: "习近平在会上发表重要讲话",
 * "。李克强在讲话中对…". Elsewhere a bare name before 讲话 is too often
 * something else. */
static int bare_speaker(const ustr *u, const article *a, size_t na, size_t p) {
    size_t which, b = na;
    while (b > 0 && (u->cp[b - 1] == ' ' || u->cp[b - 1] == 0x3000)) b--; /* "…就座。 贾庆林代表…" */
    if (b > 0 && !u_is_sentence_end(u->cp[b - 1]) && u->cp[b - 1] != '\n') return 0;
    return p - na <= 3 && (ustr_at_any(u, p, WORDS(speaker_places), &which) != 0 || attended_and(u, a, p) != 0);
}

/* Names in one comma part of a 出席 list: "副部长陈肇雄、刘利华、辛国斌" —
 * a titled first name, then bare names; items before the first name
 * belong to its title ("部党组成员、副部长陈肇雄"). Returns how many. */
/* An item that is a name then its title ("庄伟匡董事长", "市总工会徐建国主
 * 席"): the name's end, else 0; *ia moves past a body named before it. */
static size_t titled_after_item(const ustr *u, size_t *ia, size_t ib) {
    size_t w = ends_with_any(u, ib, WORDS(position_words)), a = *ia;
    /* "市总工会徐建国主席": the body he heads may come first */
    for (size_t n = 2; w && n <= 3 && ib - w > a + n; n++) {
        size_t na = ib - w - n;
        if (na - a >= 2 && (ends_with_any(u, na, WORDS(org_suffixes)) || ends_with_any(u, na, WORDS(convening_bodies))) &&
            all_han(u, a, ib) && char_in(&surnames, u->cp[na]) && is_name(u, na, ib - w)) {
            a = na;
            break;
        }
    }
    if (!w || ib - w < a + 2 || ib - w > a + 3 || !is_name(u, a, ib - w) || !char_in(&surnames, u->cp[a])) return 0;
    /* "党组书记", "市委常委": an org and a title, no name */
    if (ends_with_any(u, ib - w, WORDS(org_suffixes)) || ends_with_any(u, ib - w, WORDS(convening_bodies))) return 0;
    for (size_t k = a; k < ib - w; k++)
        if (ustr_at_any(u, k, WORDS(position_words), &w) || ustr_at(u, k, "党") || ustr_at(u, k, "常务")) return 0;
    *ia = a;
    return ib - ends_with_any(u, ib, WORDS(position_words));
}

/* Does 和 at h join two people ("殷一璀和其他市领导吴志明", "孙继业和秘书长张
 * 心骥"), not two words of a name (住房和城乡建设部)? The name before it
 * opens with a common surname and text follows. */
static int and_joins_people(const ustr *u, size_t a, size_t h, size_t b) {
    if (u->cp[h] != 0x548C /* 和 */ || h + 2 > b) return 0;
    /* "罗富和、李海峰": a 、 right after it makes 和 the name's last character */
    if (h + 1 < b && (u->cp[h + 1] == 0x3001 || u->cp[h + 1] == 0xFF0C)) return 0;
    if (ustr_at(u, h + 1, "同志")) return 0; /* "段汝和同志、…" */
    /* "方良元校长和代建一": a name and its title before 和 */
    size_t w = ends_with_any(u, h, WORDS(position_words));
    for (size_t n = 3; w && n >= 2; n--)
        if (h >= a + w + n && all_han(u, h - w - n, h - w) && char_in(&surnames, u->cp[h - w - n]) &&
            is_name(u, h - w - n, h - w) && (h - w - n == a || u->cp[h - w - n - 1] == 0x3001))
            return 1;
    for (size_t n = 3; n >= 2; n--)
        if (h >= a + n && all_han(u, h - n, h) && char_in(&surnames, u->cp[h - n]) && is_name(u, h - n, h) &&
            (h - n == a || ends_with_any(u, h - n, WORDS(position_words)) || u->cp[h - n - 1] == 0x3001))
            return 1;
    return 0;
}

/* "无党派人士代表刘霞", "职工代表胡军": inside a list of people, a group's
 * 代表 is the title of the name after it (elsewhere 代表 is mostly a verb:
 * "代表市委作报告"). Where the name starts, else USTR_NONE. */
static size_t delegate_name_start(const ustr *u, size_t ia, size_t ib) {
    for (size_t n = 2; n <= 3; n++) {
        size_t na = ib - n;
        if (ib < ia + n + 2 || !ends_with(u, na, "代表") || !all_han(u, na, ib)) continue;
        if (char_in(&surnames, u->cp[na]) && is_name(u, na, ib) && !not_a_person(u, na, ib)) return na;
    }
    return USTR_NONE;
}

/* The items of a list [a, b), split at 、 and at a 和 that joins two people,
 * each cut before an address (同志, 先生), a bracket or a group after 等.
 * How many. */
static size_t list_items(const ustr *u, size_t a, size_t b, size_t items[64][2]) {
    size_t n = 0, s = a;
    for (size_t i = a; i <= b && n < 64; i++) {
        if (i == b || u->cp[i] == 0x3001 /* 、 */ || and_joins_people(u, s, i, b)) {
            items[n][0] = s;
            /* "…陈新亮同志、", "…黄球先生及…": the address is no part of the name */
            items[n][1] = i >= s + 4 && (ends_with(u, i, "同志") || ends_with(u, i, "先生") || ends_with(u, i, "女士")) ? i - 2 : i;
            /* "副主任周霁（常务，正部长级）": what the bracket adds is no name */
            size_t o = bracket_open_before(u, items[n][1], s, 20);
            if (o != USTR_NONE && o >= s + 2) items[n][1] = o;
            /* "秘书长李崇等理事代表、…": the group after 等 is no name */
            size_t etc = ustr_find(u, s + 2, items[n][1], "等");
            if (etc != USTR_NONE && etc > s + 2) items[n][1] = etc;
            n++;
            s = i + 1;
            /* "张玉社、和张保根": a 和 after the 、 joins nothing more */
            if (s + 3 < b && u->cp[s - 1] == 0x3001 && (u->cp[s] == 0x548C || u->cp[s] == 0x4E0E || u->cp[s] == 0x53CA) &&
                char_in(&surnames, u->cp[s + 1]) && all_han(u, s + 1, s + 4) && (s + 4 == b || !u_is_han(u->cp[s + 4])))
                s++, i++; /* not "和良辉", a name of its own */
        }
    }
    return n;
}

/* The first item that reads as a person, its start moved to the name when
 * a title opens it; n when none does. */
static size_t first_person_item(const ustr *u, size_t a, size_t items[64][2], size_t n) {
    for (size_t k = 0; k < n; k++) {
        size_t na, ta;
        if (titled_after_item(u, &items[k][0], items[k][1])) return k; /* "庄伟匡董事长、庄加彪总裁" */
        if ((na = delegate_name_start(u, items[k][0], items[k][1])) != USTR_NONE) {
            if (na > a) items[k][0] = na;
            return k;
        }
        if (person_before(u, items[k][1], &na, &ta) && na >= items[k][0] && na > a) {
            items[k][0] = na;
            return k;
        }
        if (person_before(u, items[k][1], &na, &ta) && na == a && items[k][1] - na <= 3) return k; /* a bare name opening the part */
    }
    return n;
}

/* The names item k [ia, ib) of a list of n holds, into two[]: how many (1,
 * or 2 for "曹策问及秘书长余保江"), 0 for a title alone that opens the next
 * person's titles, -1 when the item reads as no person (the list is none). */
static int item_names(const ustr *u, size_t ia, size_t ib, size_t k, size_t first, size_t n, size_t two[2][2]) {
    size_t te = titled_after_item(u, &ia, ib), len = ib - ia;
    if (te) {
        two[0][0] = ia, two[0][1] = te;
        return 1;
    }
    size_t dn = delegate_name_start(u, ia, ib);
    if (dn != USTR_NONE) {
        two[0][0] = dn, two[0][1] = ib;
        return 1;
    }
    /* "副巡视员张丽、处长张强": an item of its own title and name, the
     * longest title ("副总裁王光西" is 副总裁 and 王光西, not 副总 and 裁王光西) */
    for (size_t t = len >= 4 ? len - 2 : 0; t >= 2; t--)
        if (ends_with_any(u, ia + t, WORDS(position_words)) == t && all_han(u, ia + t, ib) && is_name(u, ia + t, ib)) {
            ia += t, len -= t;
            break;
        }
    /* "…、乌云其木格、韩启德": a name of five inside a list of names */
    int long_name = len == 5 && k > first && k + 1 < n && all_han(u, ia, ib) && is_name(u, ia, ib);
    if (dotted_name(u, ia, ib) || (all_han(u, ia, ib) && len >= 2 && len <= 4) || long_name) {
        two[0][0] = ia, two[0][1] = ib;
        return 1;
    }
    /* Each with its own title: "县委书记陆晓延、县人大常委会副主任樊亚新". */
    size_t na, ta;
    /* (the title within the item: "孙继业和秘书长张心骥" is two people) */
    if (person_before(u, ib, &na, &ta) && na > ia && ta < na && (ta >= ia || ustr_find(u, ia, na, "和") == USTR_NONE)) {
        two[0][0] = na, two[0][1] = ib;
        return 1;
    }
    /* "市委书记林青、市委副书记、市政府市长叶浩文": a title alone opens the
     * next person's titles */
    if (k + 1 < n && all_han(u, ia, ib) && ends_with_any(u, ib, WORDS(position_words))) return 0;
    /* "曹策问及秘书长余保江": a name, 及/和, a title and a name. */
    size_t j = ia + 2;
    while (j < ib && j - ia <= 4 && u->cp[j] != 0x53CA && u->cp[j] != 0x548C) j++;
    if (j >= ib || j - ia > 4 || !all_han(u, ia, j) || k + 1 != n) return -1;
    /* …or a bare name after it: "霍卫平及王建太". */
    int bare = ib - (j + 1) >= 2 && ib - (j + 1) <= 3 && all_han(u, j + 1, ib) && is_name(u, j + 1, ib);
    if (bare)
        na = j + 1;
    else if (!person_before(u, ib, &na, &ta) || na <= j + 1 || !ends_with_any(u, na, WORDS(position_words)))
        return -1;
    two[0][0] = ia, two[0][1] = j;
    two[1][0] = na, two[1][1] = ib;
    return 2;
}

static size_t names_in_part(const ustr *u, size_t a, size_t b, size_t out[][2], size_t max) {
    /* "张才芳，、张宝生": a run of separators is one */
    while (a < b && (u->cp[a] == 0x3001 || u->cp[a] == 0xFF0C)) a++;
    size_t items[64][2], n = list_items(u, a, b, items), first = first_person_item(u, a, items, n), got = 0;
    if (first == n) return 0;
    for (size_t k = first; k < n && got < max; k++) {
        size_t two[2][2];
        int m = item_names(u, items[k][0], items[k][1], k, first, n, two);
        if (m < 0 || got + (size_t)m > max) return 0;
        for (int i = 0; i < m; i++) out[got][0] = two[i][0], out[got][1] = two[i][1], got++;
    }
    return got;
}

/* "部领导A、B、C出席会议", "市委副书记、常务副市长徐军，市委常委陈社教、楼伟成出席会议":
 * the names of the comma parts before 出席, back to the first part that is
 * not a list of officials. */
/* An item of a list of people between two people is a person too, though
 * its name opens with no common surname or ends like a place (铁凝, 热地,
 * 洛桑江村 among the NPC's vice-chairs): a name of two to four characters,
 * none of them a clause's words. */
static int listed_between_people(const ustr *u, size_t found[][2], size_t nf, size_t k) {
    if (k == 0 || k + 1 >= nf) return 0;
    size_t a = found[k][0], b = found[k][1];
    if (b - a < 2 || b - a > 4 || !all_han(u, a, b) || !is_name(u, a, b)) return 0;
    if (char_in(&unit_ends, u->cp[b - 1])) return 0; /* not a unit: "纪检组", "办公室" */
    return !not_a_person(u, found[k - 1][0], found[k - 1][1]) && !not_a_person(u, found[k + 1][0], found[k + 1][1]) &&
           ends_with_any(u, b, WORDS(org_suffixes)) < 2 && !ends_with_any(u, b, WORDS(meeting_words));
}

static void add_present(const ustr *u, article *a, size_t found[][2], size_t nf) {
    for (size_t k = 0; k < nf; k++) {
        if (not_a_person(u, found[k][0], found[k][1]) && !listed_between_people(u, found, nf, k)) continue;
        char *name = art_slice(a, u, found[k][0], found[k][1]);
        if (!name) return;
        if (slist_has(&a->present, name)) {
            free(name);
            continue;
        }
        if (art_add_unique(a, &a->present, name)) return;
        char key[32];
        snprintf(key, sizeof key, "meeting.present[%zu]", a->present.n - 1);
        add_span(a, key, found[k][0], found[k][1]);
    }
}

/* The names of the list that ends at e, back to the first comma part
 * that is not a list of officials (or ss): "市委副书记、常务副市长徐军，市委
 * 常委陈社教、楼伟成". Returns how many, in text order. */
static int list_break(const ustr *u, size_t i) {
    return u->cp[i] == 0xFF0C || u->cp[i] == ',' || u->cp[i] == 0x53CA /* 及 */;
}

/* "民建省委会主委陈小平和省妇联负责人": a name before the 和 of a part */
static int names_before_and(const ustr *u, size_t s, size_t end) {
    size_t and_at = ustr_rfind(u, s, end, "和"), part[64][2];
    return and_at != USTR_NONE && names_in_part(u, s, and_at, part, 64) > 0;
}

static int han_or_list_marks(const ustr *u, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (!u_is_han(u->cp[k]) && u->cp[k] != 0x3001 /* 、 */) return 0;
    return 1;
}

static size_t names_before(const ustr *u, size_t ss, size_t e, size_t found[64][2]) {
    size_t nf = 0, end = e;
    while (end > ss) {
        size_t s = end;
        while (s > ss && !list_break(u, s - 1)) {
            /* "副主任周霁（常务，正部长级）、郑雁雄": a bracket's comma is its own */
            size_t o = bracket_open_before(u, s, ss, 20);
            s = o != USTR_NONE ? o : s - 1;
        }
        size_t part[64][2];
        /* "副主任康正和主持会议，副主任刘斌…出席会议": a part that does
         * something else ends the list */
        size_t chairs = ustr_rfind(u, s, end, "主持");
        if (chairs != USTR_NONE && ustr_find(u, chairs, end, "；") == USTR_NONE) break;
        /* "省工商联负责人致开幕词，…": a part that speaks is a clause of its own */
        size_t w, spoke = USTR_NONE, m;
        for (size_t k = s; k < end && spoke == USTR_NONE; k++)
            if ((m = ustr_at_any(u, k, WORDS(speech_bare), &w)) && !(k + m < u->n && u->cp[k + m] == 0x4EBA /* 发言人 */))
                spoke = k;
        if (spoke != USTR_NONE && ustr_find(u, spoke, end, "；") == USTR_NONE) break;
        size_t got = names_in_part(u, s, end, part, 64);
        if (!got && end == e && s > ss && u->cp[s - 1] == 0x53CA) { /* "…以及国务院的其他领导": a group */
            end = s - 1 - (s - 1 > ss && u->cp[s - 2] == 0x4EE5 /* 以 */);
            /* "…贺旻，以及民进中央常委出席": the comma before 以及 too */
            while (end > ss && (u->cp[end - 1] == 0xFF0C || u->cp[end - 1] == ',')) end--;
            e = end; /* a group may stand before it too: "职工代表及全体员工" */
            continue;
        }
        /* "…，市委副书记张伦，市委常委出席会议": a group of titles closing the
         * list; "…，职工代表及全体员工出席": a group of people */
        /* "…，市各民主党派、工商联负责人和无党派人士代表等出席大会": groups
         * may be listed too */
        if (!got && end == e && s > ss && u->cp[s - 1] != 0x53CA &&
            ((end - s <= 8 && all_han(u, s, end) && ends_with_any(u, end, WORDS(position_words))) ||
             (end - s <= 24 && han_or_list_marks(u, s, end) && ends_with_any(u, end, WORDS(people_groups)) &&
              !names_before_and(u, s, end)))) {
            end = s - 1;
            while (end > ss && (u->cp[end - 1] == 0xFF0C || u->cp[end - 1] == ',')) end--;
            e = end;
            continue;
        }
        /* "市委副书记边祥慧和市委常委", "…张高丽以及国务院的其他领导": a
         * group after the last name. */
        size_t and_at = got ? USTR_NONE : ustr_rfind(u, s, end, "和");
        if (!got && and_at == USTR_NONE && (and_at = ustr_rfind(u, s, end, "及")) != USTR_NONE && and_at > s &&
            u->cp[and_at - 1] == 0x4EE5 /* 以 */)
            and_at--;
        if (and_at != USTR_NONE) {
            /* "…徐建国主席等领导和40名会员代表": the names end before 等 */
            size_t etc = ustr_rfind(u, s, and_at, "等");
            got = names_in_part(u, s, etc != USTR_NONE && etc > s ? etc : and_at, part, 64);
        }
        if (!got) break;
        /* Parts are read backwards; keep the list in text order. */
        if (nf + got > 64) break;
        memmove(found + got, found, nf * sizeof found[0]);
        memcpy(found, part, got * sizeof part[0]);
        nf += got;
        if (s == ss) break;
        end = s - 1;
        if (end > ss && u->cp[end] == 0x53CA && u->cp[end - 1] == 0x4EE5) end--; /* 以及 */
        while (end > ss && (u->cp[end - 1] == 0xFF0C || u->cp[end - 1] == ',')) end--; /* "，，": doubled */
    }
    return nf;
}

/* The inverted list: "出席今天会议的有：A、B，C", "出席会议的领导有…",
 * "出席者包括…": the names after 有/包括, to the end of the sentence. */
/* Where the names of an inverted list start: after "出席今天会议的有",
 * "出席大会的省领导有", "出席者包括", "出席者包含" (a 的 or 者, then 有,
 * 包括, 包含 or 是); 0 when the words after 出席 at p are not such. */
static size_t inverted_list_at(const ustr *u, size_t p) {
    size_t k = p + 2, stop = k + 16, de = 0;
    for (; k < u->n && k < stop && !is_clause_break(u->cp[k]); k++) {
        if (u->cp[k] == 0x7684 /* 的 */ || u->cp[k] == 0x8005 /* 者 */) de = k;
        if (de && (ustr_at(u, k, "有") || ustr_at(u, k, "是"))) return k + 1;
        if (de && (ustr_at(u, k, "包括") || ustr_at(u, k, "包含"))) return k + 2;
    }
    return 0;
}

static void present_after(const ustr *u, article *a, size_t k) {
    while (k < u->n && (u->cp[k] == 0xFF1A || u->cp[k] == ':')) k++;
    size_t found[64][2], nf = 0;
    for (size_t s = k; s < u->n && !u_is_sentence_end(u->cp[s]) && u->cp[s] != '\n';) {
        size_t e = s;
        while (e < u->n && !is_clause_break(u->cp[e]) && !u_is_sentence_end(u->cp[e])) e++;
        size_t g = ustr_rfind(u, s, e, "等");
        nf += names_in_part(u, s, g != USTR_NONE ? g : e, found + nf, 64 - nf);
        if (e >= u->n || u->cp[e] != 0xFF0C || nf >= 64) break;
        s = e + 1;
    }
    add_present(u, a, found, nf);
}

/* "结合出席全国“两会”的亲身感受": 出席… then 的 and a noun that is no
 * meeting qualifies the noun; nobody is reported present. ("出席了今天的
 * 会议" is a predicate: a meeting word ends it.) */
static int attending_as_modifier(const ustr *u, size_t p) {
    for (size_t k = p + 2; k < u->n && k - p < 30; k++) {
        uint32_t c = u->cp[k];
        if (c == 0x201C || c == 0x201D || c == 0x300C || c == 0x300D) continue;
        if (is_clause_break(c) || u_is_sentence_end(c) || c == 0x5E76 /* 并 */) return 0;
        if (c != 0x7684 /* 的 */) continue;
        size_t q = k + 1;
        while (q < u->n && q - k < 8 && !is_clause_break(u->cp[q]) && !u_is_sentence_end(u->cp[q])) q++;
        return !ends_with_any(u, q, WORDS(meeting_words));
    }
    return 0;
}

/* Han characters, digits and 及/和 only: a group's description ("等各二级
 * 公司领导及公司员工120余人"), no clause. */
static int group_words(const ustr *u, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (!u_is_han(u->cp[k]) && !u_is_digit(u->cp[k])) return 0;
    return 1;
}

/* The names of a headline deck that lost its spaces, run together before
 * the verb at p: "习近平李克强栗战书王沪宁赵乐际韩正王岐山出席", "…作报告和说明
 * 冯飞李军出席". Read only when the run splits one way alone into names of
 * two or three characters that each open with a common surname; how many. */
static size_t glued_names_before(const ustr *u, size_t p, size_t found[64][2]) {
    size_t ls;
    if (!on_deck_line(u, p, &ls)) return 0;
    size_t start = ls, e = p;
    for (size_t k = p; k > ls; k--)
        if (ends_with_any(u, k, WORDS(deck_breaks))) {
            start = k;
            break;
        }
    if (e > start && u->cp[e - 1] == 0x7B49 /* 等 */) e--;
    if (e < start + 4 || e - start > 40) return 0;
    /* ways[i]: how many ways [start + i, e) splits (0, 1, or 2 for more) */
    unsigned char ways[41] = {0}, step[41] = {0};
    size_t len = e - start;
    ways[len] = 1;
    for (size_t i = len; i-- > 0;) {
        for (size_t n = 2; n <= 3 && i + n <= len; n++) {
            size_t a = start + i;
            if (!ways[i + n] || !char_in(&surnames, u->cp[a]) || !is_name(u, a, a + n)) continue;
            ways[i] = (unsigned char)(ways[i] + ways[i + n] > 2 ? 2 : ways[i] + ways[i + n]);
            step[i] = (unsigned char)n;
        }
    }
    if (ways[0] != 1) return 0;
    size_t n = 0;
    for (size_t i = 0; i < len && n < 64; i += step[i]) {
        found[n][0] = start + i;
        found[n][1] = start + i + step[i];
        n++;
    }
    return n;
}

void find_present(const ustr *u, article *a) {
    for (size_t p = 1; p < u->n; p++) {
        if (!ustr_at(u, p, "出席")) continue;
        /* "向出席这次会议的各位代表…表示": those present as an object */
        uint32_t before = u->cp[p - 1];
        if (before == 0x5411 /* 向 */ || before == 0x5BF9 /* 对 */ || before == 0x7ED9 /* 给 */ || before == 0x4E3A /* 为 */)
            continue;
        /* "宣布应出席委员2162人，实出席…": a count of who should attend */
        if (before == 0x5E94 /* 应 */ || before == 0x5B9E /* 实 */) continue;
        size_t inv = inverted_list_at(u, p);
        if (inv) {
            present_after(u, a, inv);
            continue;
        }
        if (attending_as_modifier(u, p)) continue;
        size_t cs = clause_start(u, p, 200);
        size_t e = skip_time_place(u, p, cs); /* 在主会场出席 */
        /* "…济南市委书记王文涛，应邀出席": the list ends at the comma (not
         * "…农民等基层群众代表，分别出席了座谈会", a list of groups) */
        if (e == cs && e > 1 && (ustr_at(u, e, "应邀") || ustr_at(u, e, "特邀")) && (u->cp[e - 1] == 0xFF0C || u->cp[e - 1] == ','))
            cs = clause_start(u, --e, 200);
        size_t gn = ends_with_any(u, e, WORDS(present_groups));
        e -= gn;
        /* "李思进等常委会组成人员出席", "兰文等市四套班子和福州新区领导出席",
         * "石军辉等各二级公司领导及公司员工120余人出席": a group after 等
         * closes the list. */
        size_t g = ustr_rfind(u, cs, e, "等");
        if (!gn && g != USTR_NONE && e - g <= 24 && group_words(u, g, e)) e = g;
        /* "张文雷作为兼职副秘书长出席会议", "…以特邀嘉宾身份出席": the capacity
         * one attends in is no part of the list */
        size_t as = ustr_rfind(u, cs, e, "作为");
        if (as == USTR_NONE && ends_with(u, e, "身份")) as = ustr_rfind(u, cs, e, "以");
        if (as != USTR_NONE && as > cs + 2 && u_is_han(u->cp[as - 1])) e = as;
        if (ends_with(u, e, "同志")) e -= 2;
        size_t found[64][2], glued = glued_names_before(u, p, found);
        if (glued >= 2) {
            add_present(u, a, found, glued);
            continue;
        }
        add_present(u, a, found, names_before(u, sentence_start(u, p), e, found));
    }
}

/* Does the mention of a person ending at e cite a speech or an instruction
 * rather than report this meeting ("传达学习习近平总书记…重要讲话精神",
 * "李强总理的重要讲话")? */
static int citation_at(const ustr *u, size_t na, size_t e) {
    size_t cs = clause_start(u, na, 24), w;
    for (size_t k = cs; k < na; k++)
        /* not the campaign a title names: "部学习实践活动领导小组组长李盛霖",
         * "…学习实践科学发展观活动第四指导检查组组长左山虎" */
        if (ustr_at_any(u, k, WORDS(citing_verbs), &w) && ustr_find(u, k, na, "组") == USTR_NONE) return 1;
    /* "听取和讨论省委书记倪岳峰的讲话": a speech heard at this meeting */
    int heard = ustr_find(u, cs, na, "听取") != USTR_NONE || ustr_find(u, cs, na, "审议") != USTR_NONE;
    /* "陈云龙检察长要求全院人员结合习近平总书记系列重要讲话精神…": the
     * person says something; the speech cited after it is another's */
    size_t after = e + ustr_at_any(u, e, WORDS(position_words), &w);
    if (ustr_at_any(u, after, WORDS(said_verbs), &w)) return 0;
    for (size_t k = e; k < u->n && k - e < 30 && !is_clause_break(u->cp[k]) && !u_is_sentence_end(u->cp[k]); k++) {
        /* "童继生作《转变观念…》的讲话": a speech given here, named by its title */
        if (ustr_at(u, k, "发表") || ustr_at(u, k, "作了") || ustr_at(u, k, "做了") || ustr_at(u, k, "作《") ||
            ustr_at(u, k, "做《") || ustr_at(u, k, "作题为"))
            return 0;
        /* "王晋传达了…蒋超良…的重要讲话": who passes a speech on did not give it */
        if (ustr_at(u, k, "传达") || ustr_at(u, k, "学习") || ustr_at(u, k, "领学")) return 0;
        size_t m = ustr_at_any(u, k, WORDS(citation_marks), &w);
        if (m) return !(heard && (ustr_at(u, k, "的讲话") || ustr_at(u, k, "的重要讲话")));
    }
    return 0;
}

/* Where the other mentions of a name at na are looked for: the article
 * around it. A title or a citation stands near the name it belongs to, and
 * looking through the whole of a long text for each name made extract
 * quadratic (a 360 KB paragraph of speakers took 26 s). */
#define MENTION_REACH 6000
static void mention_window(const ustr *u, size_t na, size_t *lo, size_t *hi) {
    *lo = na > MENTION_REACH ? na - MENTION_REACH : 0;
    *hi = na + MENTION_REACH < u->n ? na + MENTION_REACH : u->n;
}

/* Every mention of the name [na, nb): is one a citation (cited), and does
 * one carry a title before or after it (titled)? */
static void scan_mentions(const ustr *u, size_t na, size_t nb, int *cited, int *titled) {
    size_t len = nb - na;
    *cited = *titled = 0;
    size_t lo, hi;
    mention_window(u, na, &lo, &hi);
    for (size_t i = lo; i + len <= hi; i++) {
        if (u->cp[i] != u->cp[na] || memcmp(u->cp + i, u->cp + na, len * sizeof *u->cp) != 0) continue;
        *titled |= ends_with_any(u, i, WORDS(position_words)) != 0;
        size_t w;
        *titled |= ustr_at_any(u, i + len, WORDS(position_words), &w) != 0;
        *cited |= citation_at(u, i, i + len);
    }
}

/* mentions() remembered for the article: the same name gives the same answer. */
static void mentions(const ustr *u, article *a, size_t na, size_t nb, int *cited, int *titled) {
    size_t n = nb - na;
    for (size_t m = 0; n <= 4 && m < sizeof a->mention_memo / sizeof *a->mention_memo; m++)
        if (a->mention_memo[m].len == n && memcmp(a->mention_memo[m].cp, u->cp + na, n * sizeof *u->cp) == 0) {
            *cited = a->mention_memo[m].cited;
            *titled = a->mention_memo[m].titled;
            return;
        }
    scan_mentions(u, na, nb, cited, titled);
    if (n > 4) return;
    unsigned slot = a->mention_next++ % (sizeof a->mention_memo / sizeof *a->mention_memo);
    memcpy(a->mention_memo[slot].cp, u->cp + na, n * sizeof *u->cp);
    a->mention_memo[slot].len = (unsigned char)n;
    a->mention_memo[slot].cited = (unsigned char)*cited;
    a->mention_memo[slot].titled = (unsigned char)*titled;
}

static int known_person(const article *a, const char *name) {
    return (a->chair.name && strcmp(a->chair.name, name) == 0) || slist_has(&a->present, name) || has_speaker(a, name);
}

/* "会上，白书记指出…": a surname and a title word opening the clause that
 * ends at j stand for the person of this meeting (the chair, or a speaker
 * already named) with that surname and a title holding that word ("公司
 * 党委书记"): not "陈校长" for a chair who is 校党委书记. The person, or
 * NULL (none, or two alike). */
static const person *surname_titled(const ustr *u, const article *a, size_t j) {
    size_t w = ends_with_any(u, j, WORDS(position_words));
    if (!w && j > 0 && u->cp[j - 1] == 0x603B /* 总: "骆总讲话", a firm's head addressed */) w = 1;
    if (!w || j < w + 1) return NULL;
    size_t s = j - w - 1;
    if (clause_start(u, s, 8) != s || !char_in(&surnames, u->cp[s])) return NULL;
    char first[8], word[32];
    size_t fl = u8_encode(u->cp[s], first), wl = 0;
    for (size_t k = s + 1; k < j && wl + 4 < sizeof word; k++) wl += u8_encode(u->cp[k], word + wl);
    word[wl] = 0;
    const person *found = NULL;
    for (size_t i = 0; i <= a->nspeakers; i++) {
        const person *p = i == 0 ? &a->chair : &a->speakers[i - 1];
        if (!p->name || !p->title || strncmp(p->name, first, fl) != 0 || strlen(p->name) <= fl || !strstr(p->title, word))
            continue;
        if (found && strcmp(found->name, p->name) != 0) return NULL;
        found = p;
    }
    return found;
}

/* The span of the first field naming a person: where the text names them. */
static size_t named_at(const article *a, const char *name, size_t fallback) {
    const char *key = a->chair.name && strcmp(a->chair.name, name) == 0 ? "meeting.chair" : NULL;
    for (size_t i = 0; key && i < a->nspans; i++)
        if (strcmp(a->spans[i].key, key) == 0) return a->spans[i].a < fallback ? a->spans[i].a : fallback;
    return fallback;
}

/* A title holds no 的/对/在 and a name has 2-3 characters (4 only for
 * someone already known): "党的领导制度体系作出部署" names no one. */
static int plausible_speaker(const ustr *u, size_t ta, size_t na, size_t nb, int known) {
    if (nb - na > 3 && !known && !dotted_name(u, na, nb)) return 0;
    for (size_t i = ta; i < na; i++)
        if (u->cp[i] == 0x7684 /* 的 */ || u->cp[i] == 0x5BF9 /* 对 */ || u->cp[i] == 0x5728 /* 在 */) return 0;
    return na - ta <= 40;
}

/* Where the title before another mention of a name at i starts: as
 * title_start, and after a verb's 了 or a 的 ("…代表听取了省长吕祖善"). */
static size_t mention_title_start(const ustr *u, size_t i) {
    size_t ts = title_start(u, i);
    for (size_t k = i; k > ts; k--)
        if (u->cp[k - 1] == 0x4E86 /* 了 */ || u->cp[k - 1] == 0x7684 /* 的 */) return k;
    return ts;
}

/* A name's title from its first titled mention ("省长吕祖善…吕祖善强调"):
 * where that title starts, and *at moves to that mention. The name's own
 * start when no mention has a title before it. */
static size_t title_of(const ustr *u, size_t na, size_t nb, size_t *at) {
    size_t len = nb - na, lo, hi;
    mention_window(u, na, &lo, &hi);
    for (size_t i = lo > 1 ? lo : 1; i + len <= hi; i++) {
        if (memcmp(u->cp + i, u->cp + na, len * sizeof *u->cp) != 0) continue;
        if (!ends_with_any(u, i, WORDS(position_words))) continue;
        size_t ts = mention_title_start(u, i);
        if (ts < i && plausible_speaker(u, ts, i, i + len, 1)) {
            *at = i;
            return ts;
        }
    }
    return na;
}

/* A title word right after a mention of the name ("吕祖善省长"): its
 * length, and *at moves to that mention; 0 when no mention has one. */
static size_t title_after_of(const ustr *u, size_t na, size_t nb, size_t *at) {
    size_t len = nb - na, lo, hi;
    mention_window(u, na, &lo, &hi);
    for (size_t i = lo; i + len <= hi; i++) {
        if (memcmp(u->cp + i, u->cp + na, len * sizeof *u->cp) != 0) continue;
        size_t n = longest_at(u, i + len, WORDS(position_words));
        if (n) {
            *at = i;
            return n;
        }
    }
    return 0;
}

/* Each name of a list [found[k][0], found[k][1]) a speaker, with the title
 * of its first titled mention. */
/* "华润电力、燃气、置地、建材科技、医药…分别…作主题汇报": a list most of
 * whose items open with no common surname names units, not people. */
static int units_listed(const ustr *u, size_t found[][2], size_t n) {
    size_t people = 0;
    for (size_t k = 0; k < n; k++) people += char_in(&surnames, u->cp[found[k][0]]) || dotted_name(u, found[k][0], found[k][1]);
    return n >= 3 && people * 2 < n;
}

static void add_listed_speakers(const ustr *u, article *a, size_t found[][2], size_t n, size_t end) {
    if (units_listed(u, found, n)) return;
    for (size_t k = 0; k < n; k++) {
        size_t na = found[k][0], len = found[k][1] - na;
        size_t ta = title_of(u, na, found[k][1], &na);
        if (!not_a_person(u, na, na + len)) {
            add_speaker(u, a, ta, na, na + len, end);
        } else if (listed_between_people(u, found, n, k)) {
            person sp;
            set_person(u, a, &sp, ta, na, na + len);
            store_speaker(u, a, sp, ta, end);
        }
    }
}

/* "一中、二中、浦东、闵行等六家法院分别作交流发言": a list closed by 等
 * and a count of institutions (家, 个, 所) names courts or units, not
 * people, however much "浦东" reads like a name. */
static int institutions_listed(const ustr *u, size_t s, size_t e) {
    for (size_t k = s; k + 2 < e; k++) {
        if (u->cp[k] != 0x7B49 /* 等 */) continue;
        size_t j = k + 1;
        while (j < e && j - k < 4 && cn_numeral_is(u->cp[j], NUM_COUNT)) j++;
        if (j > k + 1 && j < e && (u->cp[j] == 0x5BB6 /* 家 */ || u->cp[j] == 0x4E2A /* 个 */ || u->cp[j] == 0x6240 /* 所 */))
            return 1;
    }
    return 0;
}

/* "童建明、葛晓燕、刘炤等最高检领导，…分别作了发言": 分别 gives the verb to
 * every name of the list that opens the sentence (or the clause before). */
/* "胡汉军、赵璐冰、王海燕5位政协委员先后发言": a count of people (and
 * what they are) closing a list; where the count starts, else e. */
static size_t before_count_of_people(const ustr *u, size_t s, size_t e) {
    for (size_t k = e; k > s && e - k <= 8; k--) {
        if (u->cp[k - 1] != 0x4F4D /* 位 */ && u->cp[k - 1] != 0x540D /* 名 */) continue;
        size_t c = k - 1, d = c;
        while (d > s && c - d < 3 && (u_is_digit(u->cp[d - 1]) || cn_numeral_is(u->cp[d - 1], NUM_COUNT))) d--;
        if (d == c || d == s || !u_is_han(u->cp[d - 1])) continue;
        if (k == e || ends_with(u, e, "同志") || ends_with(u, e, "代表") || ends_with_any(u, e, WORDS(position_words)))
            return d;
    }
    return e;
}

static void add_each_speaker(const ustr *u, article *a, size_t p, size_t end) {
    size_t ss = sentence_start(u, p), found[64][2], e = p;
    while (e > ss && (u->cp[e - 1] == 0xFF0C || u->cp[e - 1] == ',')) e--;
    e = before_count_of_people(u, ss, e);
    if (e > ss && u->cp[e - 1] == 0x7B49 /* 等: "…吴瑞君等23名委员先后发言" */) e--;
    if (institutions_listed(u, ss, e)) return;
    size_t n = names_before(u, ss, e, found);
    /* Else the list is the subject of the sentence, closed by 等… ("党组扩大
     * 会上，童建明、葛晓燕等最高检领导，结合分管工作，…分别作了发言"). */
    for (size_t cs = ss; !n && cs < p;) {
        size_t ce = cs;
        while (ce < p && u->cp[ce] != 0xFF0C && u->cp[ce] != ',') ce++;
        size_t g = ustr_rfind(u, cs, ce, "等");
        n = names_in_part(u, cs, g != USTR_NONE ? g : ce, found, 64);
        cs = ce + 1;
    }
    add_listed_speakers(u, a, found, n, end);
}

/* "王霄娥、张放陶、程芳琴作了大会发言": a list of names that opens its
 * clause shares the speech that follows it, each name a speaker. Every
 * item must read as a person (a common surname) and none may be the
 * author of a speech being studied. Returns 1 when it took the list. */
static int list_shares_speech(const ustr *u, article *a, size_t j, size_t end) {
    size_t cs = clause_start(u, j, 80), found[64][2];
    if (ustr_find(u, cs, j, "、") == USTR_NONE) return 0;
    size_t n = names_in_part(u, cs, j, found, 64);
    if (n < 2 || found[n - 1][1] != j) return 0;
    for (size_t k = 0; k < n; k++) {
        int cited, titled;
        if (!char_in(&surnames, u->cp[found[k][0]]) || not_a_person(u, found[k][0], found[k][1])) return 0;
        mentions(u, a, found[k][0], found[k][1], &cited, &titled);
        if (cited) return 0;
    }
    add_listed_speakers(u, a, found, n, end);
    return 1;
}

/* The person of this meeting (chair, present, speaker) a pronoun at `at`
 * stands for: the one named in the sentence before it, passing back over
 * sentences that themselves open with a pronoun ("…杨滨章同志主持。他首先
 * 介绍了…。他说，"). USTR_NONE when that sentence names none of them (the
 * pronoun may be someone else: "回良玉副总理在批示中…。他指出") or more
 * than one. Sets *len to the name's length. */
/* The one person of this meeting (chair, present, speaker) named in [s, e):
 * where, with *n how many there are. */
static size_t person_named_in(const ustr *u, const article *a, size_t s, size_t e, size_t *len, size_t *n) {
    size_t found = USTR_NONE;
    *n = 0;
    for (size_t i = 0; i <= a->present.n + a->nspeakers; i++) {
        const char *name = i == 0                ? a->chair.name
                           : i <= a->present.n ? a->present.items[i - 1]
                                               : a->speakers[i - 1 - a->present.n].name;
        size_t where = name ? ustr_find(u, s, e, name) : USTR_NONE;
        if (where == USTR_NONE || where == found) continue; /* the chair is often present too */
        found = where;
        *len = ustr_at(u, where, name);
        (*n)++;
    }
    return found;
}

/* "所长冯新斌以…传达…精神，…。他强调": the sentence just before opens
 * with a title and a name, its subject, who did something at the meeting
 * (not wrote: 批示, 贺信, 信中; not visited: 考察, 调研). Where the name
 * starts, else USTR_NONE. */
static size_t titled_subject(const ustr *u, size_t s, size_t e, size_t *len) {
    static const char *const away[] = {"批示", "贺信", "信中", "考察", "调研", "视察", "来信", "致信"};
    for (size_t i = 0; i < sizeof away / sizeof *away; i++)
        if (ustr_find(u, s, e, away[i]) != USTR_NONE) return USTR_NONE;
    for (size_t nb = s + 4; nb < e && nb - s <= 14; nb++) {
        size_t na, ta;
        if (!u_is_han(u->cp[nb]) || !person_before(u, nb, &na, &ta) || ta != s || ta == na || nb - na < 2) continue;
        if (not_a_person(u, na, nb) || !char_in(&surnames, u->cp[na])) continue;
        /* the name ends where its verb or a preposition begins */
        if (!(ustr_at(u, nb, "以") || ustr_at(u, nb, "在") || ustr_at(u, nb, "就") || ustr_at(u, nb, "对") ||
              ustr_at(u, nb, "代表") || ustr_at(u, nb, "传达") || ustr_at(u, nb, "结合") || ustr_at(u, nb, "围绕") ||
              ustr_at(u, nb, "宣布") || ustr_at(u, nb, "参加")))
            continue;
        *len = nb - na;
        return na;
    }
    return USTR_NONE;
}

static size_t pronoun_referent(const ustr *u, const article *a, size_t at, size_t *len) {
    size_t s = sentence_start(u, at), n;
    /* "蒋某教授发言，他说": first the sentence the pronoun stands in */
    size_t found = s < at ? person_named_in(u, a, s, at, len, &n) : USTR_NONE;
    if (found != USTR_NONE) return n == 1 ? found : USTR_NONE;
    for (int back = 0; back < 3 && s > 0; back++) {
        size_t e = s - 1;
        s = sentence_start(u, e);
        found = person_named_in(u, a, s, e, len, &n);
        if (n) return n == 1 ? found : USTR_NONE;
        if (!is_pronoun(u->cp[s])) return back == 0 ? titled_subject(u, s, e, len) : USTR_NONE;
    }
    return USTR_NONE;
}

/* 他/她 opening a clause and speaking: the person it stands for. */
static void add_pronoun_speaker(const ustr *u, article *a, size_t p, size_t end) {
    size_t len = 0, na = pronoun_referent(u, a, p - 1, &len);
    if (na == USTR_NONE) return;
    size_t ta = title_of(u, na, na + len, &na);
    add_speaker(u, a, ta, na, na + len, end);
}

static int opens_with_pronoun(const ustr *u, size_t p) {
    if (p == 0 || !is_pronoun(u->cp[p - 1])) return 0;
    return p == 1 || is_clause_break(u->cp[p - 2]) || u_is_sentence_end(u->cp[p - 2]);
}

/* A person reported as speaking at this meeting: the chair who 主持…并讲话,
 * a titled name before what was said ("市委书记李红强调", "卢玎院长强调",
 * "部长王明出席会议并讲话"), a name known as one of this meeting's people
 * opening a clause ("刘金红在会上指出"), every name of a list that
 * 分别作了发言. Not the author of a speech being studied. */
void first_chars_add(first_chars *f, const word_list *l) {
    for (size_t i = 0; i < l->n; i++) {
        uint32_t cp;
        u8_decode((const unsigned char *)l->w[i], 4, &cp);
        f->bits[(cp >> 6) & 63] |= (uint64_t)1 << (cp & 63);
    }
}

/* The first characters of every phrase speaker_phrase reads. */
void speech_starts(first_chars *f) {
    static const char *const more[] = {"在讲话中", "代表", "提出", "主持"};
    static const word_list extra = {more, sizeof more / sizeof *more};
    memset(f, 0, sizeof *f);
    first_chars_add(f, &speaker_leads);
    first_chars_add(f, &speech_bare);
    first_chars_add(f, &speech_verbs);
    first_chars_add(f, &said_verbs);
    first_chars_add(f, &speaker_openers);
    first_chars_add(f, &attend_verbs);
    first_chars_add(f, &extra);
}

/* The name opening the line at i in the live-report form "俞正声：「…」",
 * "【15:54】俞正声：“…”" (a time stamp may come first): its end, or 0. */
static size_t colon_quote_name_at(const ustr *u, size_t i, size_t *na) {
    if (i < u->n && u->cp[i] == 0x3010 /* 【 */) {
        size_t k = i + 1;
        while (k < u->n && k - i < 12 && u->cp[k] != 0x3011) k++;
        if (k >= u->n || u->cp[k] != 0x3011) return 0;
        i = k + 1;
    }
    for (size_t n = 2; n <= 3; n++) {
        size_t c = i + n;
        if (c + 1 >= u->n || !all_han(u, i, c) || (u->cp[c] != 0xFF1A && u->cp[c] != ':')) continue;
        if (u->cp[c + 1] != 0x300C /* 「 */ && u->cp[c + 1] != 0x201C /* “ */) continue;
        if (!char_in(&surnames, u->cp[i]) || !is_name(u, i, c) || not_a_person(u, i, c)) return 0;
        *na = i;
        return c;
    }
    return 0;
}

/* A transcript's line "全国政协主席俞正声：各位委员：我代表…": a title and
 * name opening the paragraph, a colon, and the speech addressing the
 * room. Sets the name [*na, return) and the title's start *ta; 0 if not. */
static size_t salutation_speaker_at(const ustr *u, size_t i, size_t *na, size_t *ta) {
    size_t w;
    for (size_t c = i + 2; c < u->n && c - i < 24 && u->cp[c] != '\n'; c++) {
        if (u->cp[c] != 0xFF1A && u->cp[c] != ':') continue;
        if (!ustr_at_any(u, c + 1, WORDS(salutations), &w) || !person_before(u, c, na, ta) || *ta != i) return 0;
        return c - *na >= 2 && c - *na <= 3 && char_in(&surnames, u->cp[*na]) && !not_a_person(u, *na, c) ? c : 0;
    }
    return 0;
}

static void salutation_speakers(const ustr *u, article *a) {
    for (size_t i = 0; i < u->n; i = para_end(u, i) + 1) {
        size_t na, ta, nb = salutation_speaker_at(u, i, &na, &ta);
        if (nb) add_speaker(u, a, ta, na, nb, para_end(u, i));
    }
}

/* A name that opens lines of quoted speech twice or more, or once when it
 * is one of this meeting's people: the live reports of the Hong Kong and
 * Taiwan press give the speech this way, not with a verb. */
static void colon_quote_speakers(const ustr *u, article *a) {
    for (size_t i = 0; i < u->n; i = para_end(u, i) + 1) {
        size_t na, nb = colon_quote_name_at(u, i, &na);
        if (!nb) continue;
        char *name = art_slice(a, u, na, nb);
        int times = 0;
        for (size_t k = 0; name && k < u->n && times < 2; k = para_end(u, k) + 1) {
            size_t ka, kb = colon_quote_name_at(u, k, &ka);
            times += kb && kb - ka == nb - na && ustr_at(u, ka, name);
        }
        int known = name && known_person(a, name);
        free(name);
        if (times < 2 && !known) continue;
        size_t at = na, ta = title_of(u, na, nb, &at), len = nb - na;
        add_speaker(u, a, ta, at, at + len, para_end(u, i));
    }
}

/* The last 听取 in [s, e). Not 审议 alone: a delegation 审议s the
 * premier's report given at the plenary ("审议温家宝总理所作的《政府工作
 * 报告》"). */
static size_t heard_at(const ustr *u, size_t s, size_t e) { return ustr_rfind(u, s, e, "听取"); }

/* "会议听取和审议了省人民政府陈加元副省长所作的《…报告》", "听取了省高级
 * 人民法院院长王明所作的…报告": a report heard at this meeting was given
 * at it. j is at 所; returns 1 when it took the speaker. Elsewhere "X所作
 * 的报告" is studied, not heard. */
static int heard_report_speaker(const ustr *u, article *a, size_t j, size_t end) {
    size_t cs = clause_start(u, j, 80), h = heard_at(u, cs, j);
    /* "会议审议了…的工会工作报告，陈建平同志作的…报告": the verb may stand in
     * an earlier clause of the sentence */
    if (h == USTR_NONE) h = heard_at(u, sentence_start(u, j), j);
    /* heard at this meeting, not by its members sitting in at another
     * ("列席省十届人大三次会议，听取并讨论了梁保华省长所作的政府工作报告") */
    if (h == USTR_NONE) return 0;
    size_t sat = ustr_find(u, sentence_start(u, h), h, "列席");
    if (sat != USTR_NONE && !ustr_at(u, sat + 2, "代表") && !ustr_at(u, sat + 2, "人员")) return 0;
    size_t from = h + 2;
    for (size_t k = from; k < j && k < h + 8; k++) /* 听取和审议了, 听取并审议了 */
        if (u->cp[k] == 0x4E86 /* 了 */ || ustr_at(u, k, "审议")) from = k + (u->cp[k] == 0x4E86 ? 1 : 2);
    size_t w = ends_with_any(u, j, WORDS(position_words)), na, ta;
    if (w) { /* "陈加元副省长所作" */
        size_t nb = j - w;
        for (size_t n = 3; n >= 2; n--) {
            if (nb < from + n || !all_han(u, nb - n, nb) || !is_name(u, nb - n, nb) || !char_in(&surnames, u->cp[nb - n]))
                continue;
            add_speaker_titled_after(u, a, nb - n, nb, j, end);
            return 1;
        }
        return 0;
    }
    if (!person_before(u, j, &na, &ta) || na < from) return 0;
    /* "…宗有农所作的行政工作报告和工会主席钱启明所作的": the second title
     * starts after the first report */
    for (size_t k = na; k > ta && k > from; k--)
        if (u->cp[k - 1] == 0x7684 /* 的 */ || u->cp[k - 1] == 0x548C /* 和 */) {
            ta = k;
            break;
        }
    add_speaker(u, a, ta > from ? ta : from, na, j, end);
    return 1;
}

/* "副院长肖创彬等三名同志…进行了交流发言": the named one of a group that
 * speaks ends before 等 and its count. */
static size_t before_others(const ustr *u, size_t j) {
    size_t k = j;
    if (k > 0 && (u->cp[k - 1] == 0x540D /* 名 */ || u->cp[k - 1] == 0x4F4D /* 位 */)) k--;
    while (k > 0 && j - k < 4 && (cn_numeral_is(u->cp[k - 1], NUM_COUNT) || u_is_digit(u->cp[k - 1]))) k--;
    if (k < j && k > 2 && u->cp[k - 1] == 0x7B49 /* 等 */ && u_is_han(u->cp[k - 2])) return k - 1;
    /* "肖某、黄某、韩某、刘某四位同志作…发言": the count closes the list */
    if (k < j && k + 1 < j && k > 2 && u_is_han(u->cp[k - 1])) return k;
    /* "陈晓栋、顾云娟、王友华等结合各自工作进行了交流发言" */
    if (k == j && j > 3 && u->cp[j - 1] == 0x7B49 /* 等 */ && u_is_han(u->cp[j - 2])) return j - 1;
    return j;
}

/* "纪委书记沈涌，党委委员、副总经理楼润正，副总经理邵明国交流发言": the
 * clauses before a titled speaker that are each nothing but a title and a
 * name share the speech; so do titled names joined by 、和与 ("党委书记胡明
 * 和党委副书记刘强出席会议并讲话"). ts is where the speaker's title starts. */
static int joins_titled_names(uint32_t cp) {
    return cp == 0xFF0C || cp == ',' || cp == 0x3001 /* 、 */ || cp == 0x548C /* 和 */ || cp == 0x4E0E /* 与 */;
}

static void titled_list_before(const ustr *u, article *a, size_t ts, size_t end) {
    size_t found[16][3], n = 0, cs = ts;
    while (n < 16 && cs > 1 && joins_titled_names(u->cp[cs - 1])) {
        size_t e = cs - 1, pcs = clause_start(u, e, 60), na, ta;
        if (!person_before(u, e, &na, &ta) || (ta != pcs && !joins_titled_names(u->cp[ta - 1])) || ta == na ||
            !plausible_speaker(u, ta, na, e, 0) || not_a_person(u, na, e) || u->cp[ta] == 0x53D7 /* 受…委托 */)
            break;
        found[n][0] = ta, found[n][1] = na, found[n][2] = e, n++;
        cs = ta;
    }
    while (n--) add_speaker(u, a, found[n][0], found[n][1], found[n][2], end);
}


/* Is [s, e) nothing but titles: parts split by 、，兼 each ending in a
 * title word (or 代表), brackets aside ("党委副书记（主持工作）、副所长"),
 * with no word of a clause in it? */
static int title_like(const ustr *u, size_t s, size_t e) {
    size_t w, end = e; /* end of the part being read, from the right */
    for (size_t i = s; i < e; i++)
        if (ustr_at_any(u, i, WORDS(not_in_titles), &w)) return 0;
    for (size_t i = e; i-- > s;) {
        uint32_t c = u->cp[i];
        if (c == 0xFF09 /* ） */ || c == ')') {
            size_t j = i;
            while (j > s && u->cp[j] != 0xFF08 && u->cp[j] != '(') j--;
            if (u->cp[j] != 0xFF08 && u->cp[j] != '(') return 0;
            if (end == i + 1) end = j; /* a bracket closing a part is set aside */
            i = j;
            continue;
        }
        if (c != 0x3001 /* 、 */ && c != 0xFF0C && c != 0x517C /* 兼 */) continue;
        if (!ends_with_any(u, end, WORDS(position_words)) && !ends_with(u, end, "代表")) return 0;
        end = i;
    }
    return ends_with_any(u, end, WORDS(position_words)) || ends_with(u, end, "代表");
}

/* A report names a person in full once and then for short ("市法院党组书
 * 记、院长胡华军主持会议…胡华军院长指出"): the person's title is the first
 * fuller title before a mention that holds the short one. */
static void fuller_title(const ustr *u, article *a, person *p, const char *key) {
    if (!p->name || !p->title) return;
    size_t tl = strlen(p->title), n = 0, at = 0, lo, hi;
    for (const char *c = p->name; *c; c++) n += ((unsigned char)*c & 0xC0) != 0x80;
    for (size_t k = 0; k < a->nspans; k++)
        if (strcmp(a->spans[k].key, key) == 0) at = a->spans[k].a;
    mention_window(u, at, &lo, &hi); /* bounded, as every search for a name's mentions */
    for (size_t i = ustr_find(u, lo, hi, p->name); i != USTR_NONE; i = ustr_find(u, i + n, hi, p->name)) {
        if (!ends_with_any(u, i, WORDS(position_words))) continue;
        size_t ts = mention_title_start(u, i);
        if (ts >= i || !plausible_speaker(u, ts, i, i + n, 1) || !title_like(u, ts, i)) continue;
        char *t = ustr_slice(u, ts, i);
        if (t && strlen(t) > tl && strstr(t, p->title)) {
            free(p->title);
            p->title = t;
            widen_span(a, key, ts, i + n);
            return;
        }
        free(t);
    }
}

static void fuller_titles(const ustr *u, article *a) {
    fuller_title(u, a, &a->chair, "meeting.chair");
    for (size_t i = 0; i < a->nspeakers; i++) {
        char key[48];
        snprintf(key, sizeof key, "meeting.speakers[%zu]", i);
        fuller_title(u, a, &a->speakers[i], key);
    }
}

/* After 主持 at p (主持会议并讲话, 主持…，他指出): the chair spoke too, as
 * the name before 主持 is read: after 由, with a title after it, with one
 * before it, or bare when it is the chair found. */
static void chair_speaker(const ustr *u, article *a, size_t p) {
    size_t end, na, ta, nb, te;
    if (!chaired_this(u, a, p) || !chair_spoke_after(u, a, p, &end)) return;
    size_t j = skip_time_place(u, p, clause_start(u, p, 80));
    if (chair_after_you(u, j, &na, &nb, &ta, &te)) { /* "由中共总书记习近平主持并…" */
        add_speaker(u, a, ta < te ? ta : na, na, nb, end);
        return;
    }
    if (person_titled_after(u, j, &na, &nb)) { /* "胡仁崇书记主持…，并…" */
        add_speaker_titled_after(u, a, na, nb, j, end);
        return;
    }
    if (!person_before(u, j, &na, &ta)) return;
    nb = ends_with(u, j, "同志") ? j - 2 : j;
    if (ta < na) {
        add_speaker(u, a, ta, na, nb, end);
        return;
    }
    char *name = art_slice(a, u, na, nb);
    /* a bare name chairs and speaks when it is the chair found */
    int chair = name && a->chair.name && strcmp(name, a->chair.name) == 0;
    free(name);
    if (!chair) return;
    /* with a title read where he was named with one */
    size_t at = na, t0 = title_of(u, na, nb, &at), len = nb - na;
    person sp = {art_slice(a, u, na, nb), t0 < at ? art_slice(a, u, t0, at) : NULL};
    size_t n0 = a->nspeakers;
    store_speaker(u, a, sp, na, end);
    if (a->nspeakers > n0 && t0 < at) {
        char key[48];
        snprintf(key, sizeof key, "meeting.speakers[%zu]", n0);
        add_span(a, key, t0 < na ? t0 : na, at + len > end ? at + len : end);
    }
}

/* The one person named right before j who says or gives what follows
 * (kind 1: what was said, 2: a speech, up to end): a surname and title
 * standing for someone known, a name with its title after it, or a name
 * with its title before it — a bare name only where the genre lets one
 * speak. 1 when the phrase was read (found or not), 0 to read on. */
static int subject_speaker(const ustr *u, article *a, size_t p, size_t j, int kind, size_t end) {
    size_t na, ta, nb;
    int cited, titled;
    const person *known_as = surname_titled(u, a, j);
    if (known_as && !has_speaker(a, known_as->name)) { /* "会上，白书记指出" */
        person sp = {art_strdup(a, known_as->name), art_strdup(a, known_as->title)};
        size_t here = j - ends_with_any(u, j, WORDS(position_words)) - 1;
        store_speaker(u, a, sp, named_at(a, known_as->name, here), end);
        return 1;
    }
    if (person_titled_after(u, j, &na, &nb)) { /* "，温家宝总理发表讲话", "卢玎院长强调" */
        mentions(u, a, na, nb, &cited, &titled);
        char *name = art_slice(a, u, na, nb);
        int ok = name && (!cited || known_person(a, name));
        free(name);
        if (ok) add_speaker_titled_after(u, a, na, nb, j, end);
        return 1;
    }
    if (!person_before(u, j, &na, &ta)) return 0;
    nb = ends_with(u, j, "同志") ? j - 2 : j;
    mentions(u, a, na, nb, &cited, &titled);
    char *name = art_slice(a, u, na, nb);
    int known = name && known_person(a, name);
    free(name);
    if (cited && !known) return 0;
    /* A bare name speaks when it opens the sentence and says where, or
     * when it is one of this meeting's people (or titled elsewhere). */
    /* …or when it opens a clause with a speech of its own ("，李强作总结
     * 讲话") and reads as a person's name (a common surname). */
    /* …or after 由 ("由虞海燕作市委常委会工作报告"), or after a 、 that
     * ends another speaker's clause ("王国平作《…》、丁宇作《…》") */
    int opens = clause_start(u, na, 8) == na || (na > 0 && u->cp[na - 1] == 0x7531 /* 由 */) ||
                (na > 1 && u->cp[na - 1] == 0x3001 && u->cp[na - 2] == 0x300B /* 》、 */) || after_deck_break(u, na);
    int speech = opens && kind == 2 && char_in(&surnames, u->cp[na]);
    /* "首先，刘银轩同志强调了…": 同志 after a name opening its clause says a
     * person, as a title does */
    int comrade = ustr_at(u, nb, "同志") && char_in(&surnames, u->cp[na]);
    if (ta == na && !bare_speaker(u, a, na, p) && !((known || titled || comrade) && clause_start(u, na, 8) == na) && !speech)
        return 0;
    if (!plausible_speaker(u, ta, na, nb, known)) return 0;
    size_t len = nb - na, w = 0, here = na, n0 = a->nspeakers;
    if (kind == 2 && ta < na) titled_list_before(u, a, ta, end);
    if (ta == na) ta = title_of(u, na, nb, &na);
    if (ta == na && (w = title_after_of(u, na, nb, &na)))
        add_speaker_titled_after(u, a, na, na + len, na + len + w, end); /* "吕祖善省长…吕祖善说" */
    else
        add_speaker(u, a, ta, na, na + len, end);
    if (a->nspeakers > n0 && na != here) { /* the title came from another mention: the span shows both */
        char key[48];
        snprintf(key, sizeof key, "meeting.speakers[%zu]", n0);
        size_t s0 = ta < here ? ta : here, e = na + len + w > end ? na + len + w : end;
        add_span(a, key, s0, e);
    }
    return 1;
}

/* The speech phrase at p, read for who gave it: a pronoun, a list before
 * 分别/先后, the author of a report heard (所作的), a list sharing it, or
 * one person. 1 when the phrase was read (the scan goes on after it). */
static int phrase_speakers(const ustr *u, article *a, size_t p, int kind, size_t end) {
    size_t each;
    if (opens_with_pronoun(u, p)) {
        add_pronoun_speaker(u, a, p, end);
        return 1;
    }
    if (ustr_at_any(u, p, WORDS(each_words), &each)) {
        add_each_speaker(u, a, p, end);
        return 1;
    }
    if (kind == 2 && u->cp[p - 1] == 0x6240 /* 所 */) {
        heard_report_speaker(u, a, p - 1, end);
        return 1;
    }
    /* "陈建平同志作的2007年度财务工作报告": 作的 without 所 */
    if (kind == 2 && ustr_at(u, p, "作的") && heard_report_speaker(u, a, p, end)) return 1;
    size_t j = p;
    while (j > 0 && (ends_with(u, j, "同志") || ends_with(u, j, "先生") || ends_with(u, j, "女士"))) j -= 2;
    j = before_others(u, j);
    if (kind == 2 && list_shares_speech(u, a, j, end)) return 1;
    return subject_speaker(u, a, p, j, kind, end);
}

void find_speakers(const ustr *u, const page *pg, article *a) {
    for (size_t p = 1; p < u->n; p++) {
        if (!first_chars_may(&pg->speech_starts, u->cp[p])) continue;
        if (ustr_at(u, p, "主持")) {
            chair_speaker(u, a, p);
            continue;
        }
        size_t end, each;
        int kind;
        /* "…孙淦，分别就上述议题作了说明": the list may end with a comma */
        int comma_each = (u->cp[p - 1] == 0xFF0C || u->cp[p - 1] == ',') && ustr_at_any(u, p, WORDS(each_words), &each);
        if ((!u_is_han(u->cp[p - 1]) && !comma_each) || !(kind = speaker_phrase(u, a, p, &end))) continue;
        if (phrase_speakers(u, a, p, kind, end)) p = end - 1;
    }
    colon_quote_speakers(u, a);
    salutation_speakers(u, a);
    fuller_titles(u, a);
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
    a->attendees = art_slice(a, u, s, e);
    add_span(a, "meeting.attendees", s, p + n);
}
