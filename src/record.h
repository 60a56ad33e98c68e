/* record: the extracted record of one document (SPEC section 3), built by
 * the files of src/extract/, written as JSON by src/extract/record.c. */
#ifndef TIFA_RECORD_H
#define TIFA_RECORD_H
#include <stddef.h>
#include "ustr.h"

typedef struct {
    char **items;
    size_t n;
} slist;

/* Adds s (taking ownership) unless an equal string is there; -1: no memory. */
int slist_add_unique(slist *l, char *s);
int slist_add(slist *l, char *s);
int slist_has(const slist *l, const char *s);
void slist_free(slist *l);

typedef struct {
    char *name, *title;
} person;

typedef struct {
    char key[40];
    size_t a, b; /* character offsets in the article text */
} span;

typedef struct {
    slist numbered, quoted, documents, periods;
    int years[64];
    size_t nyears;
} terms;

typedef struct {
    int is_meeting;
    char *title;
    char *text;
    size_t text_a, text_b; /* the text is characters [text_a, text_b) of the document's clean text */
    char *source;
    int source_from_line; /* source came from a 来源 line, which outranks a dateline */
    slist reporters;
    slist editor_roles, editor_names;
    /* meeting */
    char *name, *org, *date, *date_end, *place, *attendees;
    int date_inferred;
    char *month_day;  /* "03-01" when month and day are known and no year is */
    char *date_basis; /* what decided an inferred year, NULL when none */
    size_t basis_a, basis_b; /* its span in the text; basis_a == basis_b: not in the text */
    person chair;
    person *speakers;
    size_t nspeakers;
    slist present;
    slist cues;
    span *spans;
    size_t nspans;
    terms terms;
    int oom; /* an allocation failed while reading it: its document fails with TIFA_ENOMEM */
    /* What people.c found about the mentions of names already asked about:
     * a long text asks about the same names thousands of times. */
    struct {
        uint32_t cp[4];
        unsigned char len, cited, titled;
    } mention_memo[8];
    unsigned mention_next;
} article;

/* Fills t from the article text. -1: no memory. */
int terms_extract(const ustr *u, terms *t);
void terms_free(terms *t);

#endif
