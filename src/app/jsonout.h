/* app/jsonout: the JSON forms both front ends write — `tifa search --json`,
 * list, show and log on the command line, the same objects in the
 * server's answers — in one place, so their field names cannot drift
 * apart. Each writes to an sbuf: the CLI's passes on to standard output,
 * the server's holds the answer in memory. Not library API. */
#ifndef TIFA_APP_JSONOUT_H
#define TIFA_APP_JSONOUT_H
#include "sbuf.h"
#include "tifa.h"

/* A JSON string as json_quote writes it (json.h); NULL prints null. */
void print_json_string(sbuf *o, const char *s);
/* ,"key":value — a member after the first (value NULL: null). */
void print_json_field(sbuf *o, const char *key, const char *value);
/* ,"key":id — a document's id, 0 written as null. */
void print_json_id(sbuf *o, const char *key, int64_t id);

/* A file name as "key":"..." (as print_json_string writes it) and, only
 * when the name is not UTF-8, "key_raw":"..." with its exact bytes:
 * printable ASCII but %, " and \ as they are, every other byte %XX. */
void print_json_name(sbuf *o, const char *key, const char *name);

/* One hit as a JSON object, no newline: id, file, date, meeting, org,
 * title, snippet (search only), outlet, url, published, retrieved, added,
 * duplicate_of, copy ("exact", "near" or null), copies (each {"id",
 * "file", "source" (its outlet), "url", "published", "copy"}) and
 * corrected (the names of the fields that hold a correction). */
void print_hit_json(sbuf *o, const tifa_hit *h);
/* The same members without the braces, for an object that holds more. */
void print_hit_fields(sbuf *o, const tifa_hit *h);
void print_copies_json(sbuf *o, const tifa_hit *h);
void print_corrected_json(sbuf *o, unsigned corrected);

/* One correction as a JSON object, no newline: field, action ("set" or
 * "unset"), value, before, note, at. tifa log --json writes one a line,
 * the server a list of them. */
void print_correction_json(sbuf *o, const tifa_correction *k);

#endif
