/*
 * tifa — clean text, records and a corpus from Chinese official readouts.
 *
 * The one public header. Conventions:
 *  - Handles are opaque. Every object returned through an out-parameter or
 *    as a pointer is owned by the caller and released with the matching
 *    *_free function, or with tifa_free() for plain buffers.
 *  - Functions return a tifa_status; on failure they fill a tifa_error (when
 *    one is given) with a message naming the input and the position.
 *  - No global mutable state: the tables are read-only constants, so a
 *    tifa_converter or tifa_options can be shared between threads; a
 *    tifa_cleaner is used by one thread at a time.
 */
#ifndef TIFA_H
#define TIFA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TIFA_VERSION "0.1.0"

typedef enum {
    TIFA_OK = 0,
    TIFA_EINPUT = 1, /* input could not be interpreted */
    TIFA_EIO = 2,    /* reading or writing failed */
    TIFA_ENOMEM = 3, /* out of memory */
    TIFA_EUSAGE = 4, /* invalid argument (unknown configuration, ...) */
    TIFA_ESINK = 5   /* the caller's write callback reported failure */
} tifa_status;

typedef struct {
    tifa_status code;
    uint64_t position; /* byte offset in the input the message refers to */
    char message[256];
} tifa_error;

/* Frees a buffer returned by tifa (NULL is allowed). */
void tifa_free(void *p);

/* Receives output. Returns 0 to continue, non-zero to stop with TIFA_ESINK. */
typedef int (*tifa_write_fn)(void *user, const char *data, size_t len);

/* ---------------------------------------------------------------- decode */

typedef enum {
    TIFA_ENC_AUTO = 0,
    TIFA_ENC_UTF8,
    TIFA_ENC_UTF16LE,
    TIFA_ENC_UTF16BE,
    TIFA_ENC_GB18030,
    TIFA_ENC_BIG5
} tifa_encoding;

/* The encoding's name as printed in records ("utf-8", "gb18030", ...). */
const char *tifa_encoding_name(tifa_encoding enc);

/* Parses a user-given encoding name (utf-8, utf8, gbk, gb2312, gb18030,
 * big5, utf-16, utf-16le, utf-16be; case-insensitive). Returns
 * TIFA_EUSAGE for an unknown name. */
tifa_status tifa_encoding_parse(const char *name, tifa_encoding *out);

/* Guesses the encoding of the start of a document. */
tifa_encoding tifa_detect_encoding(const char *bytes, size_t len);

/* Decodes a whole buffer to UTF-8. Invalid sequences become U+FFFD and are
 * counted in *invalid. A BOM is removed. *out is NUL-terminated and owned by
 * the caller (tifa_free). enc may be TIFA_ENC_AUTO; *used receives the
 * encoding actually used (may be NULL). */
tifa_status tifa_decode(const char *bytes, size_t len, tifa_encoding enc, char **out, size_t *out_len,
                        tifa_encoding *used, uint64_t *invalid, tifa_error *err);

/* -------------------------------------------------------------- convert */

typedef struct tifa_converter tifa_converter;

/* Opens the OpenCC configuration NAME ("t2s", "s2twp", ... with or without
 * ".json"). The tables are compiled in; nothing is read from disk. Free
 * with tifa_converter_free. A converter is immutable and thread-safe. */
tifa_status tifa_converter_new(const char *name, tifa_converter **out, tifa_error *err);
void tifa_converter_free(tifa_converter *conv);

/* Writes the names of the compiled-in configurations, one per call. */
int tifa_converter_count(void);
const char *tifa_converter_name(int index);

/* Converts UTF-8 text exactly as `opencc -c NAME.json` does. The result is
 * passed to write in pieces. Invalid UTF-8 bytes are passed through. */
tifa_status tifa_convert(const tifa_converter *conv, const char *text, size_t len, tifa_write_fn write, void *user,
                         tifa_error *err);

/* Length of the longest prefix of text[0..len) that can be converted on its
 * own with the same result as converting it together with what follows:
 * it ends just after a character no dictionary key contains. Streaming
 * callers convert that prefix and keep the rest. 0 when there is none. */
size_t tifa_convert_safe_prefix(const char *text, size_t len);

/* ---------------------------------------------------------------- clean */

typedef struct tifa_options {
    tifa_encoding encoding; /* TIFA_ENC_AUTO to detect */
    const char *target;     /* OpenCC configuration for the script, default
                                "t2s"; NULL or "none" keeps the script */
    int keep_boilerplate;   /* non-zero: do not drop portal boilerplate */
} tifa_options;

/* Default options: detect the encoding, convert to simplified. */
void tifa_options_init(tifa_options *opt);

/* What cleaning saw, for warnings and records. */
typedef struct {
    tifa_encoding encoding;
    uint64_t invalid_bytes;      /* replaced by U+FFFD */
    uint64_t annotations;        /* pinyin groups removed */
    uint64_t orphan_annotations; /* reading-like groups kept (after ? etc.) */
    uint64_t boiler_lines;       /* lines dropped as boilerplate */
    uint64_t joined_lines;       /* hard line breaks repaired */
    uint64_t spaces_removed;
    uint64_t punct_changed;
    uint64_t converted_chars; /* characters changed by script conversion */
} tifa_clean_report;

typedef struct tifa_cleaner tifa_cleaner;

/* A streaming cleaner: feed the raw bytes of one document in pieces of any
 * size, then finish. The canonical clean text (SPEC section 2) goes to
 * write. Memory stays bounded whatever the input size. `name` is used in
 * error messages. Free with tifa_cleaner_free. */
tifa_status tifa_cleaner_new(const tifa_options *opt, const char *name, tifa_write_fn write, void *user,
                             tifa_cleaner **out, tifa_error *err);
tifa_status tifa_cleaner_feed(tifa_cleaner *c, const char *bytes, size_t len, tifa_error *err);
tifa_status tifa_cleaner_finish(tifa_cleaner *c, tifa_clean_report *report, tifa_error *err);
void tifa_cleaner_free(tifa_cleaner *c);

/* Cleans a whole document in memory. *out (NUL-terminated) is owned by the
 * caller (tifa_free). report may be NULL. */
tifa_status tifa_clean(const tifa_options *opt, const char *bytes, size_t len, char **out, size_t *out_len,
                       tifa_clean_report *report, tifa_error *err);

/* -------------------------------------------------------------- extract */

/* Cleans and extracts one document: its record (SPEC section 3) as one
 * JSON object, without a final newline (pretty: indented over several
 * lines). `name` is the record's "file". *json is owned by the caller
 * (tifa_free). The record is always simplified script, whatever
 * opt->target says. */
tifa_status tifa_extract(const tifa_options *opt, const char *name, const char *bytes, size_t len, int pretty,
                         char **json, size_t *json_len, tifa_error *err);

#ifdef __cplusplus
}
#endif
#endif
