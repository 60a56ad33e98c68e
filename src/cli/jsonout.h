/* The CLI's JSON forms, shared with the server (src/serve/). Not library API. */
#ifndef TIFA_CLI_JSONOUT_H
#define TIFA_CLI_JSONOUT_H
#include <stdio.h>
#include "tifa.h"

/* A JSON string; NULL prints null. Always valid JSON: control characters
 * escaped, a byte that is not part of valid UTF-8 written as U+FFFD. */
void print_json_string(FILE *fp, const char *s);
/* ,"key":value — a member after the first (value NULL: null). */
void print_json_field(FILE *fp, const char *key, const char *value);
/* ,"key":id — a document's id, 0 written as null. */
void print_json_id(FILE *fp, const char *key, int64_t id);

/* 1 when s (NUL-terminated) is valid UTF-8. */
int utf8_valid(const char *s);
/* A copy of s with each byte that is not part of valid UTF-8 replaced by
 * U+FFFD; NULL when out of memory. The caller frees it. */
char *utf8_repaired(const char *s);

/* A file name as "key":"..." (as print_json_string writes it) and, only
 * when the name is not UTF-8, "key_raw":"..." with its exact bytes:
 * printable ASCII but %, " and \ as they are, every other byte %XX. */
void print_json_name(FILE *fp, const char *key, const char *name);

/* A name for a terminal or a message: control characters (C0, DEL, C1)
 * and bytes that are not UTF-8 written \xNN, so a name cannot move the
 * cursor, recolour or rewrite the screen. Into buf (cap bytes, cut short
 * when too long); returns buf. SHOWN(s) uses a buffer of its own, valid
 * to the end of the enclosing block. */
const char *shown(const char *s, char *buf, size_t cap);
#define SHOWN(s) shown((s), (char[1024]){0}, 1024)

/* One hit as a JSON object, no newline: id, file, date, meeting, org,
 * title, snippet (search only), outlet, url, published, retrieved, added,
 * duplicate_of, copy ("exact", "near" or null), copies (each {"id",
 * "file", "source" (its outlet), "url", "published", "copy"}) and
 * corrected (the names of the fields that hold a correction). */
void print_hit_json(FILE *fp, const tifa_hit *h);
/* The same members without the braces, for an object that holds more. */
void print_hit_fields(FILE *fp, const tifa_hit *h);
void print_copies_json(FILE *fp, const tifa_hit *h);
void print_corrected_json(FILE *fp, unsigned corrected);

#endif
