/*
 * extract_internal: what the files of the extract stage share — the
 * paragraphs and blocks of a page, the record of a document, and the
 * functions one part of the genre calls in another. Indices are code
 * points of a ustr (ustr.h).
 *
 * Not for: the rest of the library, which uses extract.h.
 */
#ifndef TIFA_EXTRACT_INTERNAL_H
#define TIFA_EXTRACT_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "clean.h"
#include "record.h"
#include "ustr.h"
#include "lexicon.h"

/* A paragraph of the page and what it looks like (articles.c). */
typedef struct {
    size_t a, b; /* character range of the paragraph in the document text */
    int title_like, dateline, caption, credit;
    int names_meeting; /* mentions 会议/召开/举行 */
    int lead_day;      /* opens with a month and day and convenes a meeting: m * 100 + d, else 0 */
    int bullet;        /* opens with a bullet (◆, ●, ■…): an item of a list of briefs */
} para;

/* A run of paragraphs that makes one article (articles.c). */
typedef struct {
    size_t first, last; /* paragraphs [first, last) */
    long title;         /* paragraph index of its title, -1 if none */
    int other;          /* caption or headline list */
    int has_dateline;
    int own_lead; /* opened by the lead of another day's meeting (a roundup) */
} block;

/* A set of first characters, 4,096 bits keyed by code point: "may a word
 * of these lists start here?" before trying each word (false positives
 * only cost the full check). */
typedef struct {
    uint64_t bits[64];
} first_chars;

void first_chars_add(first_chars *f, const word_list *l);
static inline int first_chars_may(const first_chars *f, uint32_t cp) {
    return (f->bits[(cp >> 6) & 63] >> (cp & 63)) & 1;
}

/* What the whole page says about dates, read once per document (date.c):
 * reading the page again for each article made a file of many readouts
 * quadratic. */
typedef struct {
    const ustr *doc;
    const clean_doc *cd;
    int pub_y, pub_m, pub_d; /* the page's date: its metadata, else its first numeric date */
    short full_year[13][32]; /* year of the first YYYY年M月D日 of each month and day */
    int plan_year;           /* the year whose work the page plans (planning_year) */
    int plan_current;        /* plan_year was named as this year ("2020年是…之年") */
    first_chars speech_starts; /* where a speaker's phrase may start (people.c) */
    const unsigned char *gaps; /* a bit a byte of the text: the input had a space before it (record.c) */
} page;

/* The articles of one document, in page order. */
typedef struct {
    article *arts;
    size_t n;
} record;

/* scan.c: clauses, sentences, paragraphs, brackets */
size_t ends_with(const ustr *u, size_t e, const char *w);
size_t ends_with_any(const ustr *u, size_t e, const char *const *ws, size_t nws);
int all_han(const ustr *u, size_t a, size_t b);
int is_clause_break(uint32_t cp);
size_t clause_start(const ustr *u, size_t i, size_t limit);
size_t sentence_start(const ustr *u, size_t i);
size_t para_end(const ustr *u, size_t i);
size_t bracket_open_before(const ustr *u, size_t e, size_t floor, size_t max);
int study_object_after(const ustr *u, size_t v, size_t *os, size_t *oe);
int convening_times_another(const ustr *u, size_t p);
int photo_caption(const ustr *u, size_t a, size_t e);
size_t bracketed_end(const ustr *u, size_t i, size_t limit);
int follows_decision(const ustr *u, size_t k);
void lead_paragraph(const ustr *u, size_t *from, size_t *to);

/* people.c: titles and names, chair, speakers, present, attendees */
int find_chair(const ustr *u, article *a, size_t from, size_t limit);
void chair_title_elsewhere(const ustr *u, article *a);
void chair_from_title(article *a);
void find_speakers(const ustr *u, const page *pg, article *a);
void speech_starts(first_chars *f);
int said_or_speech_at(const ustr *u, size_t i, size_t *end);
void find_present(const ustr *u, article *a);
void find_attendees(const ustr *u, article *a);

/* meeting.c: name, convening body, place, cues */
int name_as_subject(const ustr *u, size_t from, size_t to, article *a);
int name_as_object(const ustr *u, size_t from, size_t to, article *a);
int name_as_scene(const ustr *u, size_t from, size_t to, article *a);
int name_as_actor(const ustr *u, size_t from, size_t to, article *a);
void drop_own_reference(article *a);
void name_from_title(article *a);
void org_from_chair(article *a);
void owner_from_chair(const ustr *u, article *a);
void find_place(const ustr *u, article *a, size_t from, size_t limit);
int place_in(const ustr *u, article *a, size_t from, size_t limit);
void find_cues(const ustr *u, article *a);
size_t meeting_cues(const article *a);
int delegation_sitting(const ustr *u, size_t from, size_t to);

/* date.c: dates, years, and the time words before a verb */
size_t longest_at(const ustr *u, size_t i, const char *const *ws, size_t nws);
size_t after_leading_time(const ustr *u, size_t s, size_t limit);
int place_marker(const ustr *u, size_t i, size_t floor);
size_t skip_time_place(const ustr *u, size_t j, size_t floor);
void read_page(page *pg, const ustr *doc, const clean_doc *cd);
int opening_month_day(const ustr *u, size_t a, size_t b);
void find_date(const ustr *u, const page *pg, article *a, size_t from, size_t limit, size_t anchor);
void year_for_month_day(const ustr *u, const page *pg, article *a);

/* byline.c: dateline, source, reporters, page metadata */
size_t after_dateline(const ustr *u, size_t start, size_t end);
size_t after_attribution(const ustr *u, size_t start, size_t end);
int dateline_at(const ustr *u, size_t k, size_t end);
int opens_report(const ustr *u, size_t start, size_t end);
void find_source_and_reporters(const ustr *u, article *a);
void attach_fields(const clean_doc *cd, const ustr *doc, const para *ps, const block *bl, article *arts, size_t n);
void attach_page(const clean_doc *cd, article *arts, size_t n);

/* articles.c: a page split into articles */
int build_articles(const page *pg, record *rec, para **ps_out, block **bl_out, size_t *nb_out);

/* record.c: an article's record and its evidence */
void widen_span(article *a, const char *key, size_t s, size_t e);
void add_span(article *a, const char *key, size_t s, size_t e);

/* Allocations made while reading an article go through these: a failure
 * marks the article (a->oom) and its document fails with TIFA_ENOMEM, so
 * a rule that ran out of memory never passes for a rule that found
 * nothing. Each returns what the plain call would. */
void *art_need(article *a, void *p); /* p; marks a when p is NULL */
char *art_slice(article *a, const ustr *u, size_t s, size_t e);
char *art_strdup(article *a, const char *s);
int art_add(article *a, slist *l, char *s);
int art_add_unique(article *a, slist *l, char *s);
static inline int art_fail(article *a, int rc) {
    if (rc) a->oom = 1;
    return rc;
}
void remove_span(article *a, const char *key);
int fill_article(const page *pg, para *ps, const block *b, article *a, long title);
void facts_from_caption(const page *pg, const para *ps, const block *cap, article *a);
int refill_as_report(const page *pg, para *ps, const block *b, article *a, long title);

#endif
