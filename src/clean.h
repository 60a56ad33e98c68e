/* clean: internal entry for extract — the cleaned document kept in memory
 * with its offset map and the metadata lines; see clean.c. */
#ifndef TIFA_CLEAN_H
#define TIFA_CLEAN_H
#include "tifa.h"
#include "html.h"
#include "text.h"

typedef enum { FIELD_SOURCE, FIELD_EDITOR } field_kind;

typedef struct {
    field_kind kind;
    char *role, *value; /* simplified script */
    size_t text_offset; /* byte offset in text where the line stood */
} doc_field;

typedef struct {
    tbuf text;    /* clean paragraphs (simplified), '\n' between, no final '\n' */
    tbuf decoded; /* the decoded input, for anomaly offsets */
    size_t paragraphs;
    doc_field *fields;
    size_t nfields;
    tifa_clean_report rep;
    int pub_y, pub_m, pub_d; /* first date on a page metadata line, 0 if none */
    int is_html;             /* the input was a web page: page holds its metadata */
    html_meta page;
    char *page_text; /* the decoded page, which the text's map points into */
} clean_doc;

/* Cleans a whole document into doc (script: simplified, whatever opt says).
 * Free with clean_doc_free, also after a failure. */
tifa_status clean_collect(const tifa_options *opt, const char *name, const char *bytes, size_t len, clean_doc *doc,
                          tifa_error *err);
void clean_doc_free(clean_doc *d);

#endif
