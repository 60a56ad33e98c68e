/* warc_page: the page a web archive's response record holds, read as a
 * document; see warc_page.c. Shared by tifa extract --warc (batch.c) and
 * tifa add --warc (corpus_warc.c). Not library API. */
#ifndef TIFA_WARC_PAGE_H
#define TIFA_WARC_PAGE_H
#include "json.h"
#include "tifa.h"
#include "warc.h"

#define WARC_PAGE_LIMIT  (64u << 20)                    /* bytes of one page: a record holds the whole text */
#define WARC_BLOCK_LIMIT (WARC_PAGE_LIMIT + (1u << 20)) /* the page and its HTTP headers */

/* A response record whose HTTP headers say it holds a page: status 2xx,
 * HTML or text. A warc_want_fn: only pages' blocks are kept. */
int warc_is_page(const warc_record *rec);

/* opt as the page is to be read with: the kind its Content-Type gives
 * (when opt leaves it to detection) and the charset its headers declare
 * (when opt does, tifa knows it and it decodes the page's start without
 * error). TIFA_ENOMEM when memory ran out. */
tifa_status warc_page_options(const http_response *h, tifa_options *opt);

/* The page's name: its target URI, or "#OFFSET" (in fallback) without one. */
const char *warc_page_name(const warc_record *rec, char fallback[32]);

/* The "source" object of a page of the archive at path: warc, offset,
 * length, target_uri, date, record_id, payload_digest, truncated. Without
 * place: the same without target_uri and date, which a corpus keeps as
 * the document's url and retrieved (the rest is its meta). */
void warc_source(jw *w, const char *path, const warc_record *rec, int place);

#endif
