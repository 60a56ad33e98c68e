/* cli/records: tifa add --records (see records.c). Not library API. */
#ifndef TIFA_CLI_RECORDS_H
#define TIFA_CLI_RECORDS_H
#include <stddef.h>
#include "tifa.h"

/* Stores the records of each input (a JSON Lines file, plain or gzip, "-"
 * for standard input, or a folder of them), prepared on `jobs` threads
 * and stored in order on this one; prints the closing counts;
 * the exit status: 0, or 1 when an input or a record failed. */
int add_records(tifa_corpus *c, char *const *inputs, size_t n, int jobs);

/* Stores the pages of each web archive (.warc, .warc.gz, "-" for standard
 * input), prints the closing counts (records, responses, then add's);
 * the exit status: 0, or 1 when an archive or a page failed. */
int add_warc(tifa_corpus *c, char *const *inputs, size_t n);

#endif
