/* warc: web archives (WARC/1.0 and 1.1) read as a stream, and the HTTP
 * response a response record holds; see warc.c. Used by src/batch.c. */
#ifndef TIFA_WARC_H
#define TIFA_WARC_H
#include <stdint.h>
#include <stdio.h>
#include "tifa.h"

typedef struct warc_reader warc_reader;

/* One record. Strings point into the reader and stay valid until the next
 * warc_next; any may be NULL when the record does not carry it. */
typedef struct {
    uint64_t offset; /* the record's first byte, or its gzip member's */
    uint64_t length; /* bytes from offset to the record's end (its member's
                        end), 0 when unknown (several records in one member) */
    const char *version, *type, *uri, *date, *id, *digest, *truncated, *content_type;
    uint64_t content_length;
    /* The block's first 64 KB, and the rest when the caller wants it and
     * it is within the limit (else too_large, when it wanted it). */
    char *block;
    size_t block_len;
    int too_large;
    int cut; /* the file ends inside this record */
} warc_record;

/* Whether to keep the rest of a record's block, asked once its header
 * and the start of its block (rec->block) are read. */
typedef int (*warc_want_fn)(const warc_record *rec);

/* Reads fp from its current position, which is `start` bytes into the
 * file named `name` (for messages). NULL when out of memory. */
warc_reader *warc_open(FILE *fp, const char *name, uint64_t start);
void warc_close(warc_reader *r);

/* The next record: 1 read, 0 no more records, -1 error (err names the
 * offset; nothing more can be read). Blocks that want() declines, and
 * those over limit bytes, are skipped as they are read past their start:
 * memory stays within the limit plus three 64 KB buffers. */
int warc_next(warc_reader *r, warc_want_fn want, size_t limit, warc_record *rec, tifa_error *err);
/* The offset where the next record starts: after the last one read. */
uint64_t warc_position(const warc_reader *r);

/* The HTTP response in a response record's block. */
typedef struct {
    int status;
    char mime[64];    /* lower case, without parameters; "" when absent */
    char charset[32]; /* lower case; "" when absent */
    char *body;       /* de-chunked and decompressed; owned, free() */
    size_t body_len;
} http_response;

/* The reason http_parse gives when memory ran out (compare the pointer). */
extern const char warc_out_of_memory[];

/* Parses block as an HTTP response. 0 on success; else -1 with *why. The
 * status line and headers only when body_wanted is 0. A body that decodes
 * to more than limit bytes is refused. */
int http_parse(const char *block, size_t len, int body_wanted, size_t limit, http_response *out, const char **why);
void http_response_free(http_response *h);

#endif
