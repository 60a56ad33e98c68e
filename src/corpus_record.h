/* corpus_record: the stored form of records (article texts as references
 * into the clean text); see corpus_record.c. */
#ifndef TIFA_CORPUS_RECORD_H
#define TIFA_CORPUS_RECORD_H
#include <stddef.h>
#include "extract.h"

/* Texts shorter than this (in bytes) are not worth a reference. */
#define RECORD_MIN_TEXT 64

/* The stored form of record rec[0..n): the string value at each place (in
 * record order, not overlapping) written as {"clean":[offset,length]} when
 * its text is RECORD_MIN_TEXT bytes or more and the value is the text
 * exactly as the JSON writer quotes it (a place that does not check is
 * left as it is). NULL when no value is replaced or memory ran out: the
 * record is then stored as it is. */
char *record_compact(const char *rec, size_t n, const text_place *places, size_t nplaces, const char *clean,
                     size_t clean_len);

/* The record as extract wrote it, from either form (malloc'd, NUL-terminated):
 * what any tifa stored, references made by memmem before the texts' places
 * were known included. NULL when memory ran out. */
char *record_expand(const char *rec, size_t n, const char *clean, size_t clean_len, size_t *out_len);

#endif
