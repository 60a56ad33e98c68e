/* corpus_record: the stored form of records (article texts as references
 * into the clean text); see corpus_record.c. */
#ifndef TIFA_CORPUS_RECORD_H
#define TIFA_CORPUS_RECORD_H
#include <stddef.h>

/* The record with long "text" values that occur in clean replaced by
 * {"clean":[offset,length]}; NULL when there is none, or memory ran out, or
 * the result would not read back exactly (store the record as it is). */
char *record_compact(const char *rec, size_t n, const char *clean, size_t clean_len);

/* The record as extract wrote it, from either form (malloc'd, NUL-terminated). */
char *record_expand(const char *rec, size_t n, const char *clean, size_t clean_len, size_t *out_len);

#endif
