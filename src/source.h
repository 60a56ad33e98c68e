/* source: checks of source fields and dates, shared by the corpus
 * (corrections, filters) and manifests; see source.c. */
#ifndef TIFA_SOURCE_H
#define TIFA_SOURCE_H
#include "tifa.h"

/* yyyy-mm-dd with a real month and day; partial: yyyy and yyyy-mm too. */
int source_date_valid(const char *s, int partial);
/* yyyy-mm-dd, optionally with a time: " hh:mm[:ss]" or ISO 8601 "Thh:mm[:ss[.f]]"
 * and a zone (Z, +08:00, +0800). */
int source_time_valid(const char *s);
/* scheme://rest without spaces or control characters. */
int source_url_valid(const char *s);
/* Valid UTF-8 without control characters, at most 4096 bytes. */
int source_text_valid(const char *s);

#endif
