/*
 * record: from the clean text of a document to its record (SPEC §3), the
 * stage's entry points (tifa_extract, extract_document). For each article
 * it reads the meeting's facts with the rules of people.c, meeting.c and
 * date.c — "X主持召开Y", "Y在京召开", "A、B、C出席会议", "…参加会议", "会议指出"
 * — keeps where each was read (spans), so every claim can be shown, and
 * writes the whole as JSON. Titles and list punctuation delimit names;
 * where a rule would guess, the field stays null.
 *
 * Not for: cleaning (clean.c), splitting the page (articles.c), or the
 * rules for each fact (people.c, meeting.c, date.c, byline.c, terms.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "convert.h"
#include "json.h"
#include "extract.h"
#include "internal.h"
#include "nearcopy.h"
#include "sha256.h"
#include "utf8.h"
#include "extract_internal.h"

/* The lists of a record (record.h): owned strings, in order of addition. */

int slist_add(slist *l, char *s) {
    if (!s) return -1;
    char **p = realloc(l->items, (l->n + 1) * sizeof *p);
    if (!p) {
        free(s);
        return -1;
    }
    l->items = p;
    l->items[l->n++] = s;
    return 0;
}

int slist_has(const slist *l, const char *s) {
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0) return 1;
    return 0;
}

int slist_add_unique(slist *l, char *s) {
    if (!s) return -1;
    if (slist_has(l, s)) {
        free(s);
        return 0;
    }
    return slist_add(l, s);
}

void slist_free(slist *l) {
    for (size_t i = 0; i < l->n; i++) free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

void *art_need(article *a, void *p) {
    if (!p) a->oom = 1;
    return p;
}
char *art_slice(article *a, const ustr *u, size_t s, size_t e) { return art_need(a, ustr_slice(u, s, e)); }
char *art_strdup(article *a, const char *s) { return art_need(a, strdup(s)); }
int art_add(article *a, slist *l, char *s) { return art_fail(a, slist_add(l, s)); }
int art_add_unique(article *a, slist *l, char *s) { return art_fail(a, slist_add_unique(l, s)); }

/* The span of field key, widened to cover [s, e) as well. */
void widen_span(article *a, const char *key, size_t s, size_t e) {
    for (size_t i = 0; i < a->nspans; i++)
        if (strcmp(a->spans[i].key, key) == 0) {
            if (a->spans[i].a < s) s = a->spans[i].a;
            if (a->spans[i].b > e) e = a->spans[i].b;
            break;
        }
    add_span(a, key, s, e);
}

/* Records where field key was read: characters [s, e) of the article text. */
void remove_span(article *a, const char *key) {
    for (size_t i = 0; i < a->nspans; i++)
        if (strcmp(a->spans[i].key, key) == 0) {
            a->spans[i] = a->spans[--a->nspans];
            return;
        }
}

void add_span(article *a, const char *key, size_t s, size_t e) {
    if (s > e) { /* evidence read from a later mention first: the span holds both */
        size_t t = s;
        s = e;
        e = t;
    }
    for (size_t i = 0; i < a->nspans; i++) /* a field read again: the later reading is the evidence */
        if (strcmp(a->spans[i].key, key) == 0) {
            a->spans[i].a = s;
            a->spans[i].b = e;
            return;
        }
    span *p = realloc(a->spans, (a->nspans + 1) * sizeof *p);
    if (!art_need(a, p)) return;
    a->spans = p;
    snprintf(p[a->nspans].key, sizeof p[a->nspans].key, "%s", key);
    p[a->nspans].a = s;
    p[a->nspans].b = e;
    a->nspans++;
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
    free(a->month_day);
    free(a->date_basis);
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

/* The date in the sentence that names the meeting, nearest to the name;
 * else the lead's first; else the first in the opening 600 characters. */
static void find_meeting_date(const ustr *u, const page *pg, article *a, size_t from, size_t head) {
    for (size_t i = 0; i < a->nspans; i++) {
        if (strcmp(a->spans[i].key, "meeting.name") != 0) continue;
        size_t s = sentence_start(u, a->spans[i].a), e = a->spans[i].b;
        while (e < u->n && !u_is_sentence_end(u->cp[e]) && u->cp[e] != '\n') e++;
        find_date(u, pg, a, s, e, a->spans[i].a);
    }
    if (!a->date && !a->month_day) find_date(u, pg, a, from, head, USTR_NONE);
    if (!a->date && !a->month_day) find_date(u, pg, a, 0, u->n < 600 ? u->n : 600, USTR_NONE);
}

/* Is the paragraph at p a salutation ("各位委员，同志们：")? */
static int salutation_at(const ustr *u, size_t p) {
    size_t i = p, w, n, parts = 0;
    while (i < u->n && (u->cp[i] == ' ' || u->cp[i] == 0x3000)) i++;
    while ((n = ustr_at_any(u, i, WORDS(salutations), &w))) {
        i += n, parts++;
        if (i < u->n && (u->cp[i] == 0x3001 || u->cp[i] == 0xFF0C || u->cp[i] == ',')) i++;
    }
    return parts && i < u->n && (u->cp[i] == 0xFF1A || u->cp[i] == ':') && (i + 1 == u->n || u->cp[i + 1] == '\n');
}

/* Does the text open, within its first paragraphs, with a salutation: the
 * text of a speech, not a report of the meeting it was given at? */
static int speech_text(const ustr *u) {
    for (size_t p = 0, k = 0; p < u->n && p < 400 && k < 8; p = para_end(u, p) + 1, k++)
        if (salutation_at(u, p)) return 1;
    return 0;
}

/* Does a column label open the text ("社论》旁观中共四中全会", "中国评论：政治
 * 局会议…", "…第一手观察》")? A commentary on a meeting is not its report.
 * Not a comment box ("网友评论：", "发表评论"). */
static int commentary(const ustr *u) {
    static const char *const labels[] = {"社论", "评论", "时评", "短评", "观察", "专栏", "快评", "述评"};
    size_t limit = u->n < 160 ? u->n : 160, w, n;
    for (size_t k = 0; k < limit; k++) {
        if (!(n = ustr_at_any(u, k, labels, sizeof labels / sizeof *labels, &w)) || k + n >= u->n) continue;
        uint32_t c = u->cp[k + n];
        if (c != 0x300B /* 》 */ && c != 0xFF1A && c != ':' && c != '|' && c != 0xFF5C) continue;
        if (k >= 2 && (ends_with(u, k, "网友") || ends_with(u, k, "读者") || ends_with(u, k, "发表"))) continue;
        return 1;
    }
    return 0;
}

/* …or the headline above it. */
static int commentary_title(article *a) {
    ustr t;
    if (!a->title || art_fail(a, ustr_init(&t, a->title, strlen(a->title)))) return 0;
    int c = commentary(&t);
    ustr_free(&t);
    return c;
}

/* Does the headline say a body studies something ("…党委传达学习党的十九届
 * 四中全会精神")? Its report may open with what was studied. */
static int title_studies(const article *a) {
    return a->title && strstr(a->title, "精神") && (strstr(a->title, "传达") || strstr(a->title, "学习"));
}

/* An e-paper's page that carries a report on from page one ("紧接01版…",
 * "（上接第1版）") and tells who attended (…出席会议): the rest of a
 * meeting's report, though its lead is on the other page. */
static int continued_report(const ustr *u) {
    size_t head = u->n < 16 ? u->n : 16, mark = ustr_find(u, 0, head, "接");
    if (mark == USTR_NONE || ustr_find(u, mark, head, "版") == USTR_NONE) return 0;
    return ustr_find(u, 0, u->n, "出席会议") != USTR_NONE || ustr_find(u, 0, u->n, "主持会议") != USTR_NONE;
}

static void read_meeting(const ustr *u, const page *pg, article *a) {
    size_t from, head;
    lead_paragraph(u, &from, &head);
    if (!name_as_subject(u, from, head, a) && !name_as_object(u, from, head, a) && from > 0 &&
        !name_as_subject(u, 0, from, a))
        name_as_object(u, 0, from, a); /* only the headline names it */
    if (!a->name) name_as_scene(u, from, head, a);
    if (!a->name) name_as_actor(u, from, head, a);
    name_from_title(a);
    drop_own_reference(a);
    if (!find_chair(u, a, from, head) && !(from > 0 && find_chair(u, a, 0, from)))
        find_chair(u, a, head, u->n < from + 1200 ? u->n : from + 1200);
    chair_title_elsewhere(u, a);
    chair_from_title(a);
    org_from_chair(a);
    owner_from_chair(u, a);
    find_place(u, a, from, head);
    find_meeting_date(u, pg, a, from, head);
    find_present(u, a);
    find_speakers(u, pg, a);
    find_attendees(u, a);
    find_cues(u, a);
    /* A report that tells the reader first what was said names the meeting
     * later ("据新华社报道，国务院星期五在北京召开第一次廉政工作会议"). */
    size_t later = u->n < head + 1500 ? u->n : head + 1500;
    /* Only in a report that reads as one (a cue paragraph): elsewhere a
     * meeting named in passing is not the article's. */
    if (!a->name && ((!a->chair.name && a->cues.n) || title_studies(a)) && !name_as_subject(u, head, later, a))
        name_as_object(u, head, later, a);
    /* the meeting named after a lead about what it studied: its date too */
    if (a->name && !a->date && !a->month_day && title_studies(a)) find_meeting_date(u, pg, a, head, later);
    a->is_meeting =
        (a->name != NULL || (a->chair.name && ustr_find(u, from, head, "会") != USTR_NONE) || meeting_cues(a) >= 2 ||
         delegation_sitting(u, from, head) || continued_report(u)) &&
        !speech_text(u) && !commentary(u) && !commentary_title(a);
}

int refill_as_report(const page *pg, para *ps, const block *b, article *a, long title) {
    block report = *b;
    report.other = 0;
    article_free(a);
    if (fill_article(pg, ps, &report, a, title)) return -1;
    if (a->is_meeting) return 0;
    article_free(a); /* not a report after all: the caption stays one */
    return fill_article(pg, ps, b, a, title);
}

void facts_from_caption(const page *pg, const para *ps, const block *cap, article *a) {
    if (a->place && a->date) return;
    ustr u;
    ustr_view(&u, pg->doc, ps[cap->first].a, ps[cap->last - 1].b);
    /* Spans cite the article's text; evidence from the caption has none. */
    if (!a->place) {
        place_in(&u, a, 0, u.n);
        remove_span(a, "meeting.place");
    }
    int dated = a->date || a->month_day;
    if (!dated) {
        find_date(&u, pg, a, 0, u.n, USTR_NONE);
        remove_span(a, "meeting.date");
        remove_span(a, "meeting.month_day");
    }
    if (!dated && a->month_day && a->text) {
        ustr body;
        ustr_view(&body, pg->doc, a->text_a, a->text_b);
        year_for_month_day(&body, pg, a);
    }
}

int fill_article(const page *pg, para *ps, const block *b, article *a, long title) {
    const ustr *doc = pg->doc;
    memset(a, 0, sizeof *a);
    size_t first = b->first;
    /* Lines above the title (navigation) and the title itself are not text. */
    if (title >= 0 && (size_t)title >= first && (size_t)title < first + 3 && (size_t)title + 1 < b->last)
        first = (size_t)title + 1;
    if (title >= 0) a->title = art_slice(a, doc, ps[title].a, ps[title].b);
    if (first >= b->last) first = b->last - 1;
    /* Subheadlines between the title and the dateline are not the text. */
    for (size_t k = first; k < first + 3 && k + 1 < b->last; k++)
        if (!ps[k].title_like) break;
        else if (ps[k + 1].dateline) first = k + 1;
    a->text_a = ps[first].a;
    a->text_b = ps[b->last - 1].b;
    a->text = art_slice(a, doc, a->text_a, a->text_b);
    if (!a->text) return -1;
    /* The rules read the document's code points: the text is not decoded again. */
    ustr u;
    ustr_view(&u, doc, a->text_a, a->text_b);
    if (!b->other) read_meeting(&u, pg, a);
    find_source_and_reporters(&u, a);
    int rc = terms_extract(&u, &a->terms);
    return rc || a->oom ? -1 : 0;
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
    if (ustr_init(&u, cd->decoded.s ? cd->decoded.s : "", cd->decoded.len))
        w->failed = 1;
    else {
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
                if (!t) w->failed = 1;
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

/* place (NULL: not wanted) is told where the text's value is written. */
static void write_article(jw *w, const article *a, text_place *place) {
    jw_obj(w);
    jw_field(w, "kind", a->is_meeting ? "meeting" : "other");
    jw_field(w, "title", a->title);
    jw_key(w, "text");
    if (place) place->json_at = w->len;
    jw_str(w, a->text);
    if (place) place->json_end = w->len;
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
        jw_field(w, "month_day", a->month_day);
        jw_key(w, "date_basis");
        if (a->date_basis) {
            jw_obj(w);
            jw_field(w, "text", a->date_basis);
            jw_key(w, "span");
            if (a->basis_a < a->basis_b) {
                jw_arr(w);
                jw_int(w, (long long)a->basis_a);
                jw_int(w, (long long)a->basis_b);
                jw_arr_end(w);
            } else {
                jw_str(w, NULL);
            }
            jw_obj_end(w);
        } else {
            jw_str(w, NULL);
        }
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

/* The near-copy fingerprints of the clean text (nearcopy.c), computed
 * where the text is made, so that a corpus storing the record later does
 * not compute them again: the SimHash as 16 hex digits (a JSON number
 * loses bits past 2^53), the shingle count, the 64 MinHash values. */
static void write_nearcopy(jw *w, const char *clean, size_t len) {
    sketch k;
    nearcopy_sketch(clean, len, &k);
    nearcopy_write_json(w, nearcopy_simhash(clean, len), &k);
}

/* The members after the articles, by flags: the fingerprints, and what
 * a corpus needs to store the document from its record alone (tifa add
 * --records): the whole clean text, and with the raw bytes their SHA-256
 * and the bytes in base64. */
#define FOR_CORPUS (TIFA_EXTRACT_WITH_CLEAN | TIFA_EXTRACT_WITH_RAW)
typedef struct {
    unsigned flags;
    const char *clean;
    size_t clean_len;
    const char *bytes;
    size_t len;
    const doc_summary *filed;
} record_extras;

/* What the corpus files the document under (summarize(): its list and
 * search filters): facts of the record, but not all of them are written
 * in it (an article that is no meeting keeps its date to itself). */
static void write_filed(jw *w, const doc_summary *s) {
    jw_key(w, "filed");
    jw_obj(w);
    jw_key(w, "article");
    jw_int(w, (long long)s->article);
    const char *keys[] = {"date", "meeting", "org", "title", "url", "published", "outlet"};
    const char *vals[] = {s->date, s->meeting, s->org, s->title, s->url, s->published, s->outlet};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) jw_field(w, keys[i], vals[i]);
    /* Where each article's text is in "clean" ([byte offset, byte length]):
     * the corpus stores it once, and need not search for it. */
    jw_key(w, "texts");
    jw_arr(w);
    for (size_t i = 0; i < s->ntexts; i++) {
        jw_arr(w);
        jw_int(w, (long long)s->texts[i].clean_at);
        jw_int(w, (long long)s->texts[i].clean_len);
        jw_arr_end(w);
    }
    jw_arr_end(w);
    jw_obj_end(w);
}

static void write_extras(jw *w, const record_extras *x) {
    if (x->flags & EXTRACT_SKETCH) write_nearcopy(w, x->clean, x->clean_len);
    if (!(x->flags & FOR_CORPUS) || !x->filed) return;
    write_filed(w, x->filed);
    jw_key(w, "clean");
    jw_strn(w, x->clean, x->clean_len);
    if (!(x->flags & TIFA_EXTRACT_WITH_RAW)) return;
    char hex[65];
    sha256_hex(x->bytes, x->len, hex);
    jw_key(w, "raw");
    jw_obj(w);
    jw_field(w, "sha256", hex);
    jw_key(w, "base64");
    jw_base64(w, x->bytes, x->len);
    jw_obj_end(w);
}

/* places: NULL, or one per article, told where its text's value is. */
static void write_record(jw *w, const char *name, const clean_doc *cd, const record *rec, const record_extras *x,
                         text_place *places) {
    jw_obj(w);
    jw_key(w, "file");
    jw_str(w, name);
    jw_key(w, "encoding");
    jw_str(w, tifa_encoding_name(cd->rep.encoding));
    jw_key(w, "script");
    jw_str(w, script_of(cd));
    write_noise(w, &cd->rep);
    write_anomalies(w, cd);
    write_page(w, cd);
    jw_key(w, "articles");
    jw_arr(w);
    for (size_t i = 0; i < rec->n; i++) write_article(w, &rec->arts[i], places ? &places[i] : NULL);
    jw_arr_end(w);
    write_extras(w, x);
    jw_obj_end(w);
}

/* The fields the corpus indexes, from the first meeting article (else the
 * first article). */
static char *dup_or_null(const char *s, int *oom) {
    char *d = s ? strdup(s) : NULL;
    if (s && !d) *oom = 1;
    return d;
}

/* Where each article's text is in the clean text (doc: its code points). */
static int place_texts(const record *rec, const ustr *doc, doc_summary *sum) {
    if (!rec->n) return 0;
    if (!(sum->texts = calloc(rec->n, sizeof *sum->texts))) return 1;
    sum->ntexts = rec->n;
    for (size_t i = 0; i < rec->n; i++) {
        const article *a = &rec->arts[i];
        sum->texts[i].clean_at = doc->off[a->text_a];
        sum->texts[i].clean_len = doc->off[a->text_b] - doc->off[a->text_a];
    }
    return 0;
}

/* Non-zero when memory ran out. */
static int summarize(const record *rec, const ustr *doc, doc_summary *sum) {
    const article *pick = NULL;
    int oom = place_texts(rec, doc, sum);
    for (size_t i = 0; i < rec->n; i++) {
        const terms *t = &rec->arts[i].terms;
        for (size_t k = 0; k < t->numbered.n; k++)
            oom |= slist_add_unique(&sum->terms, strdup(t->numbered.items[k])) != 0;
        for (size_t k = 0; k < t->quoted.n; k++) oom |= slist_add_unique(&sum->terms, strdup(t->quoted.items[k])) != 0;
    }
    for (size_t i = 0; i < rec->n && !pick; i++)
        if (rec->arts[i].is_meeting) pick = &rec->arts[i], sum->article = i;
    if (!pick && rec->n) pick = &rec->arts[0];
    if (!pick) return oom;
    sum->date = dup_or_null(pick->date, &oom);
    sum->meeting = dup_or_null(pick->name, &oom);
    sum->org = dup_or_null(pick->org, &oom);
    sum->title = dup_or_null(pick->title, &oom);
    return oom;
}

void doc_summary_free(doc_summary *s) {
    free(s->date);
    free(s->meeting);
    free(s->org);
    free(s->title);
    free(s->url);
    free(s->published);
    free(s->outlet);
    slist_free(&s->terms);
    free(s->clean);
    free(s->texts);
    memset(s, 0, sizeof *s);
}

tifa_status tifa_extract(const tifa_options *opt, const char *name, const char *bytes, size_t len, unsigned flags,
                         char **json, size_t *json_len, tifa_error *err) {
    return extract_document(opt, name, bytes, len, flags | EXTRACT_SKETCH, json, json_len, NULL, err);
}

/* First decoded byte whose input offset is at or after r (the map is in
 * input order). */
static size_t decoded_at(const tbuf *d, uint64_t r) {
    size_t lo = 0, hi = d->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tbuf_src(d, mid) < r) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Where the input held a space or a line break between two characters
 * that cleaning ran together: bit b of the result is set when one stood
 * before the character at byte b of the clean text. A subheadline run into
 * its lead shows where the report begins only by such a space. The caller
 * frees the result; NULL when out of memory. */
static unsigned char *input_gaps(const clean_doc *cd) {
    const tbuf *t = &cd->text, *d = &cd->decoded;
    unsigned char *g = calloc(t->len / 8 + 1, 1);
    if (!g || !t->src || !d->src || !d->s) return g;
    /* Both maps run in input order, so one walk of the decoded text finds
     * each character's place (a binary search when cleaning went back). */
    size_t prev = 0, jp = decoded_at(d, tbuf_src(t, 0)), j = jp;
    for (size_t b = 1; b < t->len; b++) {
        if (((unsigned char)t->s[b] & 0xC0) == 0x80) continue;
        uint64_t from = tbuf_src(t, prev), to = tbuf_src(t, b);
        int newline = t->s[b - 1] == '\n' || t->s[b] == '\n';
        prev = b;
        if (to <= from) {
            if (to < from) j = jp = decoded_at(d, to);
            continue;
        }
        while (j < d->len && d->base + d->src[j] < to) j++;
        size_t i = jp, e = j;
        jp = j;
        if (newline) continue;
        if (i < e) i++; /* past the first byte of the character before */
        for (; i < e; i++) {
            unsigned char c = (unsigned char)d->s[i];
            if (c == ' ' || c == '\t' || c == '\n' || (c == 0xE3 && i + 2 < d->len && d->s[i + 1] == '\x80' && d->s[i + 2] == '\x80')) {
                g[b / 8] |= (unsigned char)(1u << (b % 8));
                break;
            }
        }
    }
    return g;
}

tifa_status extract_document(const tifa_options *opt, const char *name, const char *bytes, size_t len, unsigned flags,
                             char **json, size_t *json_len, doc_summary *sum, tifa_error *err) {
    if (json) *json = NULL;
    if (sum) memset(sum, 0, sizeof *sum);
    clean_doc cd;
    tifa_status st = clean_collect(opt, name, bytes, len, &cd, err);
    if (st != TIFA_OK) return st;
    /* The record cites offsets in each article's text; the maps back to the
     * input (4 bytes a byte) are needed only to place a web page's anomalies
     * and to see where cleaning joined across a space (a bit a byte). */
    unsigned char *gaps = input_gaps(&cd);
    if (!gaps) {
        clean_doc_free(&cd);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    free(cd.text.src);
    cd.text.src = NULL;
    if (!cd.is_html) {
        free(cd.decoded.src);
        cd.decoded.src = NULL;
    }
    if (sum && !(sum->clean = malloc(cd.text.len + 1))) {
        free(gaps);
        clean_doc_free(&cd);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (sum) {
        /* The same text tifa_clean writes: the pipeline is the same. */
        if (cd.text.len) memcpy(sum->clean, cd.text.s, cd.text.len);
        sum->clean[cd.text.len] = 0;
        sum->clean_len = cd.text.len;
    }
    size_t clean_len = cd.text.len; /* the clean text as tifa_clean writes it: its final line breaks too */
    while (cd.text.len && cd.text.s[cd.text.len - 1] == '\n') cd.text.len--;
    ustr doc;
    record rec = {0};
    para *ps = NULL;
    block *bl = NULL;
    size_t nb = 0;
    page pg;
    int failed = ustr_init(&doc, cd.text.s ? cd.text.s : "", cd.text.len);
    if (!failed) read_page(&pg, &doc, &cd);
    pg.gaps = gaps;
    if (failed || build_articles(&pg, &rec, &ps, &bl, &nb)) {
        for (size_t i = 0; i < rec.n; i++) article_free(&rec.arts[i]);
        free(rec.arts);
        free(gaps);
        ustr_free(&doc);
        clean_doc_free(&cd);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    free(gaps);
    pg.gaps = NULL;
    attach_fields(&cd, &doc, ps, bl, rec.arts, rec.n);
    attach_page(&cd, rec.arts, rec.n);
    /* A record for a corpus carries what the corpus files it under. */
    doc_summary filed = {0}, *s = sum ? sum : (flags & FOR_CORPUS) ? &filed : NULL;
    int oom = s && summarize(&rec, &doc, s);
    if (s && cd.is_html) {
        s->url = dup_or_null(cd.page.url, &oom);
        s->published = dup_or_null(cd.page.published, &oom);
        s->outlet = dup_or_null(cd.page.source, &oom);
    }
    for (size_t i = 0; i < rec.n; i++) oom |= rec.arts[i].oom;
    jw w;
    jw_init(&w, (flags & TIFA_EXTRACT_PRETTY) != 0);
    if (oom) {
        w.failed = 1; /* the record would be incomplete (even inconsistent): nothing is written */
    } else if (json) { /* a caller that needs only the summary (a diff) has no record written */
        record_extras x = {flags, cd.text.s ? cd.text.s : "", clean_len, bytes, len, s};
        write_record(&w, name, &cd, &rec, &x, s ? s->texts : NULL);
    }
    for (size_t i = 0; i < rec.n; i++) article_free(&rec.arts[i]);
    free(rec.arts);
    free(ps);
    free(bl);
    ustr_free(&doc);
    clean_doc_free(&cd);
    if (w.failed) {
        jw_free(&w);
        doc_summary_free(&filed);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    doc_summary_free(&filed);
    if (!json) {
        jw_free(&w);
        return TIFA_OK;
    }
    *json = w.s;
    *json_len = w.len;
    return TIFA_OK;
}
