/*
 * warc_page: what a response record of a web archive holds, read as a
 * document. Which records hold a page (HTTP 2xx, HTML or text), how the
 * page is to be read (its kind and charset from the HTTP headers), what
 * it is called (its target URI) and the "source" object that says where
 * in the archive it is. tifa extract --warc and tifa add --warc both
 * read pages through here, so that a page added equals the page
 * extracted.
 *
 * Not for: reading the archive or the HTTP message (warc.c), extracting
 * (extract/), storing (corpus).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "internal.h"
#include "warc_page.h"

#define SAMPLE 65536 /* of a page, to check the charset its headers declare */

/* text/html and friends are pages, text/plain is text; else AUTO. */
static tifa_input page_kind(const char *mime) {
    if (!strcmp(mime, "text/html") || !strcmp(mime, "application/xhtml+xml")) return TIFA_INPUT_HTML;
    if (!strcmp(mime, "text/plain")) return TIFA_INPUT_TEXT;
    return TIFA_INPUT_AUTO;
}

int warc_is_page(const warc_record *rec) {
    http_response h;
    const char *why;
    if (!rec->type || strcasecmp(rec->type, "response") || http_parse(rec->block, rec->block_len, 0, 0, &h, &why) != 0)
        return 0;
    return h.status >= 200 && h.status <= 299 && page_kind(h.mime) != TIFA_INPUT_AUTO;
}

/* The charset the HTTP headers declare, when tifa knows it and it decodes
 * the start of the page without error; AUTO otherwise (servers often
 * declare a default that is not the page's). Only a BOM is believed for
 * UTF-16, as in a page's own declaration. TIFA_ENOMEM when memory ran out. */
static tifa_status http_charset(const http_response *h, tifa_encoding *out) {
    tifa_encoding enc;
    *out = TIFA_ENC_AUTO;
    if (!h->charset[0] || !strncmp(h->charset, "utf-16", 6) || tifa_encoding_parse(h->charset, &enc) != TIFA_OK)
        return TIFA_OK;
    size_t n = h->body_len < SAMPLE ? h->body_len : SAMPLE;
    char *text;
    size_t text_len;
    uint64_t invalid = 0;
    tifa_status st = tifa_decode(h->body, n, enc, &text, &text_len, NULL, &invalid, NULL);
    if (st != TIFA_OK) return st;
    tifa_free(text);
    /* A character cut by the sample's end counts as one. */
    if (invalid == 0 || (invalid == 1 && n < h->body_len)) *out = enc;
    return TIFA_OK;
}

tifa_status warc_page_options(const http_response *h, tifa_options *opt) {
    if (opt->input == TIFA_INPUT_AUTO) opt->input = page_kind(h->mime);
    if (opt->encoding == TIFA_ENC_AUTO) return http_charset(h, &opt->encoding);
    return TIFA_OK;
}

const char *warc_page_name(const warc_record *rec, char fallback[32]) {
    if (rec->uri && *rec->uri) return rec->uri;
    snprintf(fallback, 32, "#%llu", (unsigned long long)rec->offset);
    return fallback;
}

static void put_u64(jw *w, const char *key, uint64_t v, int present) {
    jw_key(w, key);
    if (present)
        jw_int(w, (long long)v);
    else
        jw_null(w);
}

void warc_source(jw *w, const char *path, const warc_record *rec, int place) {
    jw_obj(w);
    jw_field(w, "warc", path);
    put_u64(w, "offset", rec->offset, 1);
    put_u64(w, "length", rec->length, rec->length != 0);
    if (place) {
        jw_field(w, "target_uri", rec->uri);
        jw_field(w, "date", rec->date);
    }
    jw_field(w, "record_id", rec->id);
    jw_field(w, "payload_digest", rec->digest);
    jw_field(w, "truncated", rec->truncated ? rec->truncated : rec->cut ? "end-of-file" : NULL);
    jw_obj_end(w);
}
