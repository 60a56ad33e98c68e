/* boiler: page furniture and metadata lines; see boiler.c. */
#ifndef TIFA_BOILER_H
#define TIFA_BOILER_H
#include <stddef.h>
#include "text.h"

typedef enum {
    LINE_BODY = 0, /* article text */
    LINE_DROP,     /* navigation, counters, share prompts, footers */
    LINE_SOURCE,   /* 来源：X — value in the field span */
    LINE_EDITOR,   /* 责编 | X, 编辑：X, ... — role and value spans */
    LINE_BLANK
} line_kind;

typedef struct {
    size_t start, end; /* trimmed span of the line in the text */
    int indented;      /* columns of whitespace the raw line began with (tab 4, U+3000 2) */
    int tail;          /* after a tail marker: other pages' material */
    line_kind kind;
    size_t role_start, role_end;   /* LINE_EDITOR: the role word */
    size_t value_start, value_end; /* LINE_SOURCE / LINE_EDITOR: the value */
    size_t lead_at; /* LINE_BODY: a 来源 line glued to the lead ends here (0: none) */
} line_info;

typedef struct {
    int in_tail;   /* a "related articles" marker was seen: the rest is not the article */
    int seen_body; /* some article text has been seen */
} boiler_state;

/* Classifies each line of text t (simplified script). */
void boiler_classify(const tbuf *t, line_info *lines, size_t n, boiler_state *st);

/* One labelled value of a metadata line: "来源：新华社", "编辑：王明". */
typedef enum { META_SOURCE, META_EDITOR } meta_kind;
typedef struct {
    meta_kind kind;
    size_t role_start, role_end, value_start, value_end; /* byte spans in the text */
} meta_field;

/* Splits the metadata line [start, end) of s at every label ("发布时间：…
 * 来源：新华社 编辑：王明"): writes up to max source and editor fields that
 * have a value (an empty value gives none) and returns how many. */
size_t boiler_meta_fields(const char *s, size_t start, size_t end, meta_field *out, size_t max);

/* Removes inline image stubs such as ![](...) from a line, in place in the
 * line span sense: returns 1 when the whole line was only stubs. */
int boiler_only_image_stubs(const char *s, size_t len);

#endif
