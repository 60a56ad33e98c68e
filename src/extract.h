/* extract: the stage's entry for the rest of the library (the corpus);
 * see src/extract/record.c, and src/extract/ for its parts. */
#ifndef TIFA_EXTRACT_H
#define TIFA_EXTRACT_H
#include "tifa.h"
#include "record.h"

/* Where an article's text stands twice: bytes [json_at, json_end) of the
 * record are its JSON string value, bytes [clean_at, clean_at + clean_len)
 * of the document's clean text the text itself. The corpus stores the
 * record with the first replaced by a reference to the second
 * (corpus_record.c). */
typedef struct {
    size_t json_at, json_end, clean_at, clean_len;
} text_place;

/* What the corpus indexes of a record; each string may be NULL. */
typedef struct {
    char *date, *meeting, *org, *title;
    size_t article; /* the article they come from: the first meeting, else the first */
    char *url, *published, *outlet; /* a web page's: its URL, time and source (来源); else NULL */
    slist terms; /* numbered and quoted terms of all articles, first appearance first */
    char *clean; /* the document's clean text, as tifa_clean writes it */
    size_t clean_len;
    text_place *texts; /* one per article, in order */
    size_t ntexts;
} doc_summary;

/* tifa_extract, also filling *sum (when not NULL; free with doc_summary_free);
 * json NULL: no record is written, only *sum filled.
 * flags: tifa_extract's, and EXTRACT_SKETCH for the "nearcopy" member
 * (tifa_extract always sets it; the corpus stores its records without). */
#define EXTRACT_SKETCH 0x10000u
tifa_status extract_document(const tifa_options *opt, const char *name, const char *bytes, size_t len, unsigned flags,
                             char **json, size_t *json_len, doc_summary *sum, tifa_error *err);
void doc_summary_free(doc_summary *s);

#endif
