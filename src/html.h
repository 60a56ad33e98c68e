/* html: saved web pages to main text plus page metadata; see html.c. */
#ifndef TIFA_HTML_H
#define TIFA_HTML_H
#include "internal.h"
#include "text.h"

/* Pages larger than this are refused: the tree and the mapped text take
 * about fifteen times the page in memory (a 16 MB page: 240 MB, 4 s), and
 * a saved news page is 50 KB to 2 MB. */
#define HTML_MAX_BYTES (16u << 20)

/* What an analyst keeps from the page around the text; NULL when absent.
 * Strings are UTF-8 as on the page (not yet converted to simplified). */
typedef struct {
    char *title, *published, *source, *editor, *url;
} html_meta;

/* Non-zero when the start of a document looks like HTML (a doctype, an
 * <html>/<head>/<meta>/<body> tag first, or dense markup). Plain text
 * readouts are never taken for HTML. */
int html_sniff(const char *bytes, size_t len);

/* Turns a whole page into its main text: one paragraph per line, the title
 * first. text's map points into the decoded page (UTF-8 bytes), which goes
 * to *decoded (NUL-terminated, owned by the caller: tifa_free) when
 * decoded is not NULL. enc: TIFA_ENC_AUTO honours the page's declared
 * charset, then detects. */
tifa_status html_extract(const char *name, const char *bytes, size_t len, tifa_encoding enc, tbuf *text,
                         html_meta *meta, char **decoded, tifa_encoding *used, uint64_t *invalid, tifa_error *err);

void html_meta_free(html_meta *m);

#endif
