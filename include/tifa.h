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
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The shared library is built with hidden symbols; what this header
 * declares is its whole interface. */
#if defined(TIFA_SHARED) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* The version this header belongs to. The soname (libtifa.so.0) changes
 * only when the ABI changes incompatibly; adding functions does not. */
#define TIFA_VERSION_MAJOR            0
#define TIFA_VERSION_MINOR            1
#define TIFA_VERSION_PATCH            0
#define TIFA_VERSION_STRING_(a, b, c) #a "." #b "." #c
#define TIFA_VERSION_STRING(a, b, c)  TIFA_VERSION_STRING_(a, b, c)
/* "0.1.0" */
#define TIFA_VERSION TIFA_VERSION_STRING(TIFA_VERSION_MAJOR, TIFA_VERSION_MINOR, TIFA_VERSION_PATCH)

typedef enum {
    TIFA_OK = 0,
    TIFA_EINPUT = 1, /* input could not be interpreted */
    TIFA_EIO = 2,    /* reading or writing failed */
    TIFA_ENOMEM = 3, /* out of memory */
    TIFA_EUSAGE = 4, /* invalid argument (unknown configuration, ...) */
    TIFA_ESINK = 5,  /* the caller's write callback reported failure */
    TIFA_EBATCH = 6  /* a corpus write failed and the open batch was rolled back: see tifa_corpus_add */
} tifa_status;

typedef struct {
    tifa_status code;
    uint64_t position; /* byte offset in the input the message refers to */
    char message[256];
} tifa_error;

/* Frees a buffer returned by tifa (NULL is allowed). */
void tifa_free(void *p);

/* The version of the library in use, "MAJOR.MINOR.PATCH" (TIFA_VERSION is
 * the one a program was compiled against; with the shared library the two
 * may differ). A static string: do not free it. */
const char *tifa_version(void);

/* A short English description of a status ("out of memory"); an unknown
 * code gives "unknown error". A static string: do not free it. The
 * tifa_error of a failed call says more (which input, where). */
const char *tifa_strerror(tifa_status code);

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

/* What a document is: AUTO takes a name ending in .html or .htm, and a
 * document whose first bytes are markup (a doctype, <html>, <head>,
 * <meta>, <body>, or dense tags), for a web page; anything else is text. */
typedef enum { TIFA_INPUT_AUTO = 0, TIFA_INPUT_TEXT, TIFA_INPUT_HTML } tifa_input;

typedef struct tifa_options {
    tifa_encoding encoding; /* TIFA_ENC_AUTO to detect (HTML: the declared charset, then detection) */
    const char *target;     /* OpenCC configuration for the script, default
                                "t2s"; NULL or "none" keeps the script */
    int keep_boilerplate;   /* non-zero: do not drop portal boilerplate */
    tifa_input input;       /* TIFA_INPUT_AUTO: sniff (see tifa_input) */
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
 * write. Memory stays bounded whatever the input size; a web page is the
 * exception: it is kept whole until finish (up to 16 MB, beyond which
 * feed fails with TIFA_EINPUT), and its main text is cleaned. `name` is used in
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

/* Flags of tifa_extract; 0 is the default. */
#define TIFA_EXTRACT_PRETTY     1u /* indented over several lines, not one line */
#define TIFA_EXTRACT_WITH_CLEAN 2u /* "filed" and the whole clean text in "clean" (tifa_corpus_prepare_record) */
#define TIFA_EXTRACT_WITH_RAW   4u /* that, and the input bytes in "raw": {"sha256", "base64"} */

/* Cleans and extracts one document: its record (SPEC section 3) as one
 * JSON object, without a final newline, ending with its near-copy
 * fingerprints ("nearcopy": simhash, shingles, minhash; docs/design.md)
 * and what the flags add. flags: TIFA_EXTRACT_* or'ed.
 * `name` is the record's "file". *json is owned by the caller
 * (tifa_free). The record is always simplified script, whatever
 * opt->target says. */
tifa_status tifa_extract(const tifa_options *opt, const char *name, const char *bytes, size_t len, unsigned flags,
                         char **json, size_t *json_len, tifa_error *err);

/* ------------------------------------------------------ many documents */

/* A document that could not be read or extracted: name is the file (for a
 * web archive, the archive), reason says why and, in an archive, at which
 * offset and URI. Both strings are valid during the call only. */
typedef void (*tifa_failure_fn)(void *user, const char *name, const char *reason);

/* What tifa_extract_files and tifa_extract_warc do with each document.
 * Fields left 0 take the default; nothing in it is kept after the call. */
typedef struct {
    const tifa_options *options; /* NULL: tifa_options_init's defaults */
    unsigned flags;              /* TIFA_EXTRACT_*, TIFA_BATCH_COUNT_ONLY */
    tifa_write_fn write;         /* receives each record followed by "\n", whole records in order */
    void *user;
    tifa_failure_fn failed; /* each document that failed; NULL: counted only */
    void *failed_user;
    uint64_t start; /* web archives: the byte offset to start at: 0, or a record's
                       source.offset (a record's next, for files written one gzip
                       member per record, as crawlers do) */
    uint64_t limit; /* web archives: stop after this many pages (0: no limit) */
} tifa_batch;

/* A flag of tifa_batch: read and count, extract and write nothing (a web
 * archive's pages counted, or skipped: with limit 1, counts.next is the
 * offset after the next page). */
#define TIFA_BATCH_COUNT_ONLY 0x100u

/* What a batch read. For files, records = responses = the files given. */
typedef struct {
    uint64_t records;   /* WARC records read, of every type */
    uint64_t responses; /* response records holding an HTML or text page (status 2xx) */
    uint64_t extracted; /* records written */
    uint64_t failed;    /* documents that failed (each given to batch->failed) */
    uint64_t next;      /* web archives: the offset after the last record read */
} tifa_batch_counts;

/* The record of each file in paths[0..n), in order, as tifa_extract gives
 * it with the file's path as its "file" ("-" reads standard input).
 * Files over 64 MB are refused. A file that cannot be read or extracted
 * is counted, given to batch->failed, and the next one is read. Returns
 * TIFA_OK when every file was tried, TIFA_ESINK when batch->write stopped
 * it. One call for a whole shard: a binding that releases its interpreter
 * lock around it (Python's ctypes does) runs it in parallel with others.
 * Test hook: when the environment variable TIFA_TEST_ABORT_ON names a
 * document (a path, or a page's "file"; several, one a line), the process
 * aborts on it here and in tifa_extract_warc (how a crash inside
 * extraction is tested). */
tifa_status tifa_extract_files(const tifa_batch *batch, const char *const *paths, size_t n, tifa_batch_counts *counts,
                               tifa_error *err);

/* The record of each page of a web archive (ISO 28500 WARC/1.0 or 1.1,
 * plain or gzip, "-" for standard input): one per response record whose
 * HTTP status is 2xx and whose Content-Type is text/html,
 * application/xhtml+xml or text/plain; other records are skipped. The
 * HTTP body is de-chunked and decompressed (gzip, deflate); a charset in
 * its Content-Type is used when it decodes the page's start without error
 * (else the page's own declaration and detection decide, as for a file).
 * Each record's "file" is the page's target URI and it ends with a
 * "source" object: {"warc", "offset", "length", "target_uri", "date",
 * "record_id", "payload_digest", "truncated"} (length: bytes of the
 * record, or of its gzip member; truncated: the WARC-Truncated value,
 * "end-of-file" when the archive ends inside the record, else null).
 * The archive is streamed: memory holds one page (up to 64 MB) at a time.
 * A page that fails is counted and given to batch->failed, and reading
 * goes on. Returns TIFA_OK when the archive was read to its end;
 * TIFA_EINPUT (damaged archive, cut short) or TIFA_EIO with err naming
 * the file and the offset, the records before it written; TIFA_ESINK
 * when batch->write stopped it. counts->next is where a later call may
 * start (batch->start) to read on. */
tifa_status tifa_extract_warc(const tifa_batch *batch, const char *path, tifa_batch_counts *counts, tifa_error *err);

/* A tifa_write_fn writing to a file descriptor: user points to the int.
 * Lets a caller whose own callbacks are costly (an interpreter) have a
 * whole batch written without calling back. Returns non-zero when write
 * fails. */
int tifa_write_fd(void *user, const char *data, size_t len);

/* ---------------------------------------------------------------- diff */

/* Flags of tifa_diff_write; 0 is the default: the report for people,
 * without colours. */
#define TIFA_DIFF_JSON  1u /* the JSON object below instead of the report */
#define TIFA_DIFF_COLOR 2u /* ANSI colours in the report */

/* Compares two readouts given as raw documents (any encoding or noise: both
 * are cleaned and extracted): formulations (numbered and quoted terms) only
 * in A, only in B, in both; sentences added, removed and changed, aligned
 * by sentence so a moved paragraph is not new. TIFA_DIFF_JSON writes
 *   {"terms": {"only_a": [], "only_b": [], "both": []},
 *    "sentences": {"added": [], "removed": [], "changed": [{"a": "", "b": ""}]}}
 * and a newline, else a report for people, with changes highlighted at
 * character level. The output goes to write, as everything tifa writes;
 * TIFA_ESINK when write returns non-zero. */
tifa_status tifa_diff_write(const char *a, size_t alen, const char *b, size_t blen, unsigned flags, tifa_write_fn write,
                            void *user, tifa_error *err);

/* tifa_diff_write to a FILE, json and color for the two flags; TIFA_EIO when
 * writing fails. Kept for the programs that call it. */
tifa_status tifa_diff(const char *a, size_t alen, const char *b, size_t blen, int json, int color, FILE *out,
                      tifa_error *err);

/* One side of a comparison: what it needs of a readout, its clean text and
 * its formulations (numbered and quoted terms, first appearance first),
 * made once — from raw bytes (tifa_diff_side_read: cleaned and extracted
 * in one pass) or from a corpus (tifa_corpus_diff_side: as stored, nothing
 * cleaned again) — and compared as often as wanted. The caller owns it;
 * free with tifa_diff_side_free. */
typedef struct tifa_diff_side tifa_diff_side;
tifa_status tifa_diff_side_read(const char *bytes, size_t len, tifa_diff_side **out, tifa_error *err);
void tifa_diff_side_free(tifa_diff_side *s);

/* Compares two sides and writes as tifa_diff_write does (which is this,
 * on two sides read from raw bytes). */
tifa_status tifa_diff_sides(const tifa_diff_side *a, const tifa_diff_side *b, unsigned flags, tifa_write_fn write,
                            void *user, tifa_error *err);

/* --------------------------------------------------------------- corpus */

/* A corpus: readouts stored in one SQLite file with their raw bytes, clean
 * text, record and a full-text index (tifa's own tokenizer: every Han
 * character and character pair, so one- and two-character queries work; a
 * traditional query finds simplified text). Writers and readers may work
 * at the same time (WAL). A tifa_corpus is used by one thread at a time;
 * open one per thread. */
typedef struct tifa_corpus tifa_corpus;

/* Flags of tifa_corpus_open; 0 is the default (read and write, created
 * when missing). */
#define TIFA_CORPUS_READONLY 1u /* no writes, and the file must exist */

/* Opens (creating and migrating if needed) the corpus at path. flags: 0 or
 * TIFA_CORPUS_READONLY. Free with tifa_corpus_close. */
tifa_status tifa_corpus_open(const char *path, unsigned flags, tifa_corpus **out, tifa_error *err);
void tifa_corpus_close(tifa_corpus *c); /* commits what is pending */
tifa_status tifa_corpus_commit(tifa_corpus *c, tifa_error *err); /* TIFA_EBATCH: rolled back */
/* Documents handed to tifa_corpus_add* since the last commit or rollback:
 * their results are not final yet. */
int tifa_corpus_uncommitted(const tifa_corpus *c);
/* Documents per commit while adding (default 4096; <= 0: the default).
 * A commit also comes every 2 seconds. Smaller batches show a running add
 * sooner to readers and lose less to a crash, but add more slowly. */
void tifa_corpus_set_batch(tifa_corpus *c, int documents);

typedef enum {
    TIFA_ADDED = 0,          /* stored as *id, a new first copy */
    TIFA_DUPLICATE = 1,      /* stored as *id, an exact copy: its clean text is a stored document's;
                                linked to that document's first copy (not indexed for search) */
    TIFA_NEAR_DUPLICATE = 2, /* stored as *id, a near copy (a repost), linked to its first copy */
    TIFA_IDENTICAL = 3       /* the same bytes as document *id: not stored again */
} tifa_add_result;

/* Cleans, extracts and stores one document. name is the path it came
 * from. *result and *id say what happened: every distinct file is kept;
 * only bytes already stored (by SHA-256) are skipped, unless they come
 * from another URL (tifa_prepared_set_source), which makes them a copy of
 * their own. Bytes already stored without a source, given again with
 * one, give the stored document that source. An empty document, and
 * bytes that are not text (an executable, an image: NUL or control bytes
 * where text has none), are refused (TIFA_EINPUT). Documents are committed in
 * batches of up to 4096, or every 2 seconds (each one whole: a crash loses
 * at most the last batch, never part of a document); tifa_corpus_commit
 * and tifa_corpus_close commit the rest.
 *
 * A result is final only once its batch is committed: count it when
 * tifa_corpus_uncommitted drops to 0 after a call that succeeded. A call
 * (or tifa_corpus_commit) that fails with TIFA_EBATCH rolled the whole
 * open batch back (the disk full, an I/O error, another writer holding
 * the corpus for over two minutes): none of the documents given since the
 * last commit is stored, and the handle is as it was after that commit;
 * add them again. Any other failure concerns that document alone.
 * Two writers on one corpus (processes or handles) take turns batch by
 * batch; a duplicate is looked for while holding the write lock, so each
 * clean text is stored once whoever adds it. */
tifa_status tifa_corpus_add(tifa_corpus *c, const char *name, const char *bytes, size_t len, tifa_add_result *result,
                            int64_t *id, tifa_error *err);

/* Adding in two steps, for parallel work: tifa_corpus_prepare cleans and
 * extracts without touching the corpus (thread-safe; the bytes are
 * copied), tifa_corpus_add_prepared stores. Free with tifa_prepared_free. */
typedef struct tifa_prepared tifa_prepared;
tifa_status tifa_corpus_prepare(const char *name, const char *bytes, size_t len, tifa_prepared **out, tifa_error *err);
/* As tifa_corpus_prepare, and also compares the document with the first
 * copies c holds now, so that tifa_corpus_add_prepared only compares it
 * with those stored since (the search for near copies was a third of the
 * storing thread's time). The one exception to "one thread at a time": it
 * may run on any number of threads while one thread adds to c; it reads
 * nothing else of c. c must stay open until it returns. */
tifa_status tifa_corpus_prepare_for(const tifa_corpus *c, const char *name, const char *bytes, size_t len,
                                    tifa_prepared **out, tifa_error *err);
/* A record made elsewhere, prepared to store without cleaning or
 * extracting again (tifa add --records): one line of tifa_extract output
 * made with TIFA_EXTRACT_WITH_RAW, or with TIFA_EXTRACT_WITH_CLEAN from a
 * web archive, whose bytes are then read from the archive its "source"
 * names (warc, offset; a relative path from the current directory).
 * Stored, it is what tifa_corpus_add_prepared of the same bytes under the
 * record's "file" stores: the record without "nearcopy", "filed", "clean"
 * and "raw" (a web archive's "source" stays), the clean text, the fingerprints the
 * record carries (made from the clean text when it has none); a web
 * archive's URL and date become the document's url and retrieved. A record
 * that cannot be used is refused whole (TIFA_EINPUT; the message says
 * what is wrong; err->offset is the byte of the line where JSON syntax
 * failed). c: as tifa_corpus_prepare_for (NULL: none). *out as
 * tifa_corpus_prepare's. */
tifa_status tifa_corpus_prepare_record(const tifa_corpus *c, const char *line, size_t len, tifa_prepared **out,
                                       tifa_error *err);
/* The pages of a web archive, read one at a time and prepared to store
 * (tifa add --warc): each response record holding a page, as
 * tifa_extract_warc reads it (the same pages, the same options, the same
 * record with its "source" object last), stored as a document named by
 * its target URI whose bytes are the page's (the HTTP body, de-chunked
 * and decompressed). Its source: url the target URI, retrieved the WARC
 * date, outlet and published from the page, and meta the rest of where
 * it is ({"warc", "offset", "length", "record_id", "payload_digest",
 * "truncated"}). The same document as tifa_corpus_prepare_record of the
 * page's record made with TIFA_EXTRACT_WITH_CLEAN. The archive is
 * streamed: memory holds one page (up to 64 MB) at a time.
 * Open: path is a .warc or .warc.gz file ("-": standard input); TIFA_EIO
 * (or TIFA_EINPUT when there is no such file) with the reason. Free with
 * tifa_warc_pages_close. */
typedef struct tifa_warc_pages tifa_warc_pages;
tifa_status tifa_warc_pages_open(const char *path, tifa_warc_pages **out, tifa_error *err);
/* The next page, prepared as by tifa_corpus_prepare_for (c: NULL or the
 * corpus it will be added to): TIFA_OK with *out, or with *out NULL when
 * nothing is left. A page that cannot be stored (empty once cleaned, over
 * 64 MB, a broken HTTP body): TIFA_EINPUT with err saying "ARCHIVE:
 * offset N (URI): why"; the next call reads on. The archive damaged, cut
 * short or unreadable: TIFA_EINPUT or TIFA_EIO with err naming it and the
 * offset (a page cut short by the end of the file is given first, its
 * "truncated" "end-of-file"); TIFA_ENOMEM; after either, nothing is left. */
tifa_status tifa_warc_pages_next(tifa_warc_pages *w, const tifa_corpus *c, tifa_prepared **out, tifa_error *err);
/* What was read so far: records of every type, responses holding a page,
 * pages prepared (extracted) and pages refused (failed), and the offset
 * after the last record read (next). */
void tifa_warc_pages_counts(const tifa_warc_pages *w, tifa_batch_counts *out);
/* Where the last page given is: "ARCHIVE: offset N (URI)" (for
 * messages about storing it); valid until the next call. */
const char *tifa_warc_pages_where(const tifa_warc_pages *w);
void tifa_warc_pages_close(tifa_warc_pages *w);
tifa_status tifa_corpus_add_prepared(tifa_corpus *c, const tifa_prepared *p, tifa_add_result *result, int64_t *id,
                                     tifa_error *err);
void tifa_prepared_free(tifa_prepared *p);

/* Where a document came from. Any field may be NULL. A web page fills
 * url, published and outlet (its 来源) from the page itself; what is
 * given here takes precedence, field by field.
 *  outlet     who published it ("新华网")
 *  url        where (an absolute URL: scheme://...)
 *  published  when it was published: yyyy-mm-dd, optionally with a time
 *             (yyyy-mm-dd hh:mm[:ss], or ISO 8601 with T and a zone)
 *  retrieved  when it was fetched, in the same forms
 *  meta       a JSON object of anything else known (a manifest's other
 *             columns), kept as it is */
typedef struct {
    const char *outlet, *url, *published, *retrieved, *meta;
} tifa_source;

/* Checks a source: TIFA_EUSAGE with a message naming the field when a
 * date, the URL or meta is malformed or a value holds control
 * characters. */
tifa_status tifa_source_check(const tifa_source *s, tifa_error *err);

/* Gives a prepared document its source (checked as tifa_source_check;
 * the strings are copied). Call before tifa_corpus_add_prepared. */
tifa_status tifa_prepared_set_source(tifa_prepared *p, const tifa_source *s, tifa_error *err);

/* A manifest: the sources of many documents, in a file beside them.
 * JSON Lines (one object a line) or CSV whose first line names the
 * columns (RFC 4180 quoting; a UTF-8 byte-order mark is skipped). Each
 * entry has a "file" (a path, relative to the manifest's folder as the
 * command reads it) and any of outlet (or "source"), url, published,
 * retrieved; every other field, or column, is kept as meta. Which format
 * is told by name (.csv; .jsonl, .ndjson, .json), else by a first '{'.
 * TIFA_EINPUT with the line and the reason when an entry is malformed
 * (and nothing is read). Free with tifa_manifest_free. */
typedef struct tifa_manifest tifa_manifest;
tifa_status tifa_manifest_read(const char *name, const char *bytes, size_t len, tifa_manifest **out, tifa_error *err);
size_t tifa_manifest_size(const tifa_manifest *m);
/* Entry i (from 0): returns its file and fills *source (when not NULL);
 * the strings live as long as m. NULL when i is past the end. */
const char *tifa_manifest_entry(const tifa_manifest *m, size_t i, tifa_source *source);
void tifa_manifest_free(tifa_manifest *m);

/* tifa_corpus_add with a source (NULL: none but the page's). */
tifa_status tifa_corpus_add_source(tifa_corpus *c, const char *name, const char *bytes, size_t len,
                                   const tifa_source *source, tifa_add_result *result, int64_t *id, tifa_error *err);

/* A copy of a readout: a stored document whose clean text is a first
 * copy's (exact) or that reposts it (near). Strings as in tifa_hit. */
typedef struct {
    int64_t id;
    const char *file, *outlet, *url, *published;
    int near; /* 0: an exact copy, 1: a near copy */
} tifa_copy;

/* Fields a correction can be made to (tifa_corpus_correct), as bits of
 * tifa_hit.corrected; tifa_field_name gives each one's name. */
#define TIFA_FIELD_DATE        (1u << 0)  /* "date": the meeting's date, yyyy-mm-dd */
#define TIFA_FIELD_NAME        (1u << 1)  /* "name": the meeting's name */
#define TIFA_FIELD_ORG         (1u << 2)  /* "org": the convening body */
#define TIFA_FIELD_PLACE       (1u << 3)  /* "place" */
#define TIFA_FIELD_CHAIR       (1u << 4)  /* "chair": who chaired (a name) */
#define TIFA_FIELD_CHAIR_TITLE (1u << 5)  /* "chair_title" */
#define TIFA_FIELD_SOURCE      (1u << 6)  /* "source": the outlet the text names (新华社) */
#define TIFA_FIELD_OUTLET      (1u << 7)  /* "outlet": who published this copy */
#define TIFA_FIELD_URL         (1u << 8)  /* "url" */
#define TIFA_FIELD_PUBLISHED   (1u << 9)  /* "published" */
#define TIFA_FIELD_RETRIEVED   (1u << 10) /* "retrieved" */
#define TIFA_FIELD_COUNT       11
/* The name of field bit number i (0 .. TIFA_FIELD_COUNT-1), NULL beyond. */
const char *tifa_field_name(int i);

/* One search hit or listed document. Strings are valid during the callback
 * only; any may be NULL. duplicate_of is 0 for a first copy. The fields
 * after snippet came with version 0.2: date, meeting, org, outlet, url,
 * published and retrieved are the corrected values where a correction
 * was made (their bits set in corrected). */
typedef struct {
    int64_t id, duplicate_of;
    const char *file, *date, *meeting, *org, *title, *snippet;
    const char *outlet, *url, *published, *retrieved;
    const char *added; /* when it was stored: yyyy-mm-dd hh:mm:ss, UTC */
    const char *copy;  /* NULL for a first copy, else "exact" or "near" */
    const tifa_copy *copies; /* a first copy's copies, in the order stored */
    size_t ncopies;
    unsigned corrected; /* TIFA_FIELD_* bits */
    const char *type, *series; /* the meeting's type and series, as tifa_browse reads them (0.3) */
} tifa_hit;
typedef int (*tifa_hit_fn)(void *user, const tifa_hit *hit);

/* Filters for search and list; NULL fields do not filter. Dates are
 * yyyy-mm-dd (a prefix such as 2024 or 2024-03 also works). */
typedef struct {
    const char *from, *to, *org, *meeting;
    int limit; /* 0: no limit */
    int offset;
} tifa_filter;

/* TIFA_EUSAGE, naming the field, when from or to is not a date (yyyy,
 * yyyy-mm or yyyy-mm-dd with a real month and day). Search, list and
 * export compare dates as text and do not check them: the command (a
 * usage error) and the server (400) call this first. */
tifa_status tifa_filter_check(const tifa_filter *f, tifa_error *err);

/* Full-text search, best first. The query is FTS5 syntax (phrases in "",
 * AND OR NOT, prefix*); text that is not valid syntax is searched as one
 * phrase. Snippets mark matches with « ». *total: all matches. Copies are
 * not searched: each hit is a first copy and carries its copies. */
tifa_status tifa_corpus_search(tifa_corpus *c, const char *query, const tifa_filter *f, tifa_hit_fn fn, void *user,
                               int64_t *total, tifa_error *err);

/* The same search, newest first: by id, the order the documents were
 * added (a corpus added as readouts appear is in date order), reading only
 * the matches the page needs instead of ranking every match, so the time
 * for a page does not grow with the corpus. *total (may be NULL) is exact
 * up to TIFA_SEARCH_EXACT matches; above, *estimated (may be NULL) is set
 * to 1 and *total is an estimate (the newest TIFA_SEARCH_EXACT + 1 matches
 * over the share of the indexed readouts they span), rounded to two
 * significant digits (230000; three near 10,000: 10100). Without a limit
 * every match comes, as from tifa_corpus_search. */
#define TIFA_SEARCH_EXACT 10000
tifa_status tifa_corpus_search_newest(tifa_corpus *c, const char *query, const tifa_filter *f, tifa_hit_fn fn,
                                      void *user, int64_t *total, int *estimated, tifa_error *err);

/* Every stored document (copies included), by meeting date. */
tifa_status tifa_corpus_list(tifa_corpus *c, const tifa_filter *f, tifa_hit_fn fn, void *user, tifa_error *err);

/* Document id as one hit (no snippet): its sources, copies and
 * corrections. TIFA_EINPUT when there is no such document. */
tifa_status tifa_corpus_doc(tifa_corpus *c, int64_t id, tifa_hit_fn fn, void *user, tifa_error *err);

/* The stored record (JSON), clean text and raw bytes of document id; any
 * out-parameter may be NULL. Each is owned by the caller (tifa_free).
 * TIFA_EINPUT when there is no such document. */
tifa_status tifa_corpus_get(tifa_corpus *c, int64_t id, char **record, char **clean, char **raw, size_t *raw_len,
                            char **file, tifa_error *err);

/* A stored document as one side of a comparison: its clean text and the
 * terms of its record, as stored (nothing is cleaned or extracted again,
 * so the sentences are those the corpus shows). TIFA_EINPUT when there is
 * no document id. Free with tifa_diff_side_free. The side needs c no
 * more: a caller sharing handles gives c back before comparing. */
tifa_status tifa_corpus_diff_side(tifa_corpus *c, int64_t id, tifa_diff_side **out, tifa_error *err);

/* Two stored documents compared (tifa_corpus_diff_side of each, then
 * tifa_diff_sides). */
tifa_status tifa_corpus_diff(tifa_corpus *c, int64_t a, int64_t b, unsigned flags, tifa_write_fn write, void *user,
                             tifa_error *err);

/* The corpus as a table: one row per meeting (a document in which none
 * was found: one row for its main article, so every document counts),
 * first copies only unless TIFA_EXPORT_ALL_COPIES, with the columns
 *   id, article, kind, file, outlet, url, published, retrieved, date,
 *   date_inferred, name, org, place, chair, chair_title, speakers, present,
 *   attendees, source, numbered, quoted, documents, periods, copies,
 *   duplicate_of, corrected, meta
 * corrections applied (corrected names the fields that hold one): the
 * view all_meetings of the SQLite file (kind: "meeting", or "other" for
 * the one row of a document without a meeting). CSV: a header line, RFC 4180
 * quoting, CRLF line ends, lists joined with "; " (corrected with ","),
 * copies a count, booleans true/false. JSON Lines: one object a line with
 * lists as arrays, copies as in tifa_hit ({"id", "file", "source" (its
 * outlet), "url", "published", "copy"}), meta an object, and "text", the
 * article's text. Filters as for list, on each row's date, org and name.
 * Output goes to write; TIFA_ESINK when it fails. */
typedef enum { TIFA_EXPORT_CSV = 0, TIFA_EXPORT_JSONL = 1 } tifa_export_format;
#define TIFA_EXPORT_BOM        1u /* CSV: a UTF-8 byte-order mark first (Excel reads the file as UTF-8) */
#define TIFA_EXPORT_ALL_COPIES 2u /* copies as rows of their own (duplicate_of says whose) */
tifa_status tifa_corpus_export(tifa_corpus *c, tifa_export_format format, const tifa_filter *f, unsigned flags,
                               tifa_write_fn write, void *user, tifa_error *err);

/* Corrections: what an analyst says a field of a document should be,
 * kept apart from what extraction (or the source) said. The fields are
 * those of TIFA_FIELD_* by name; date, name, org, place, chair,
 * chair_title and source speak of the document's main meeting (its first,
 * else its first article). The corrected value is what list, search's
 * filters, trend, exports and the views use, marked as corrected
 * (tifa_hit.corrected); the record stays as extraction wrote it, so a new
 * extraction keeps the corrections. */
typedef struct {
    const char *field;
    const char *action; /* "set" or "unset" */
    const char *value;  /* the value set (NULL: none); for an unset, the value restored */
    const char *before; /* the value before (tifa_corpus_corrections: before any correction) */
    const char *note;
    const char *at; /* when, UTC: yyyy-mm-ddThh:mm:ssZ */
} tifa_correction;
typedef int (*tifa_correction_fn)(void *user, const tifa_correction *c);

/* Flags of tifa_corpus_correct; 0 sets. */
#define TIFA_CORRECT_UNSET 1u /* take the corrections of these fields back (values are not read) */

/* Sets fields names[0..n) of document id to values[0..n) (NULL or "":
 * none), or takes their corrections back, with an optional note, in one
 * transaction, logged. Values are checked: date yyyy-mm-dd; published
 * and retrieved a date with an optional time; url absolute. TIFA_EUSAGE
 * for an unknown field or a bad value, TIFA_EINPUT for no such document
 * or a field without a correction to take back. */
tifa_status tifa_corpus_correct(tifa_corpus *c, int64_t id, const char *const *names, const char *const *values, int n,
                                unsigned flags, const char *note, tifa_error *err);
/* The corrections in force on document id (action "set", before: the
 * value before any correction), by time. */
tifa_status tifa_corpus_corrections(tifa_corpus *c, int64_t id, tifa_correction_fn fn, void *user, tifa_error *err);
/* Every set and unset of document id, oldest first. TIFA_EINPUT when
 * there is no such document. */
tifa_status tifa_corpus_log(tifa_corpus *c, int64_t id, tifa_correction_fn fn, void *user, tifa_error *err);

/* Use of terms over time: per period ("2024" or "2024-03"), the readouts
 * (first copies: copies are not counted again) whose clean text contains
 * the term and its occurrences, for every period from the corpus's first
 * dated readout to its last (a period without any use has a row of 0).
 * Rows come in period order, terms in the order given. A readout's date
 * is the corrected one where there is a correction. The fields after
 * occurrences came with version 0.2. */
typedef struct {
    const char *period, *term;
    int64_t documents, occurrences;
    int64_t dated;   /* readouts dated in the period, whether they use the term or not: the denominator */
    int64_t undated; /* readouts using the term that have no date, so are in no period (the same on each of its rows) */
} tifa_trend_row;
typedef int (*tifa_trend_fn)(void *user, const tifa_trend_row *row);
/* Flags of tifa_corpus_trend; 0 is the default (periods are years). */
#define TIFA_TREND_BY_MONTH 1u /* periods are months */
tifa_status tifa_corpus_trend(tifa_corpus *c, const char *const *terms, int nterms, unsigned flags, tifa_trend_fn fn,
                              void *user, tifa_error *err);

/* Browsing: the readouts (first copies, each carrying its copies) as a
 * dataset, narrowed by facets and sorted by date. NULL fields (and 0) do
 * not narrow; strings match exactly.
 *  year     "2024", or "" for the readouts without a date
 *  type     the meeting type: the name's last noun (工作会议, 常务会议,
 *           务虚会, 全体会议…, else 会议), as facets count it
 *  outlet   carried by it: the readout or one of its copies
 *  series   one meeting over the years: the name without its year and
 *           ordinals (2025年国防科技工业工作会议 -> 国防科技工业工作会议)
 * Names, bodies and dates are the corrected ones where corrected. */
typedef struct {
    const char *query; /* full text as tifa_corpus_search; NULL or "": every readout */
    const char *year, *org, *type, *outlet, *series;
    int corrected; /* 1: only readouts with a correction */
    int sort;      /* TIFA_SORT_* */
    int limit;     /* 0: no limit */
    int offset;
} tifa_browse;
#define TIFA_SORT_NEWEST    0 /* by date, newest first, the undated last */
#define TIFA_SORT_OLDEST    1 /* by date, oldest first, the undated last */
#define TIFA_SORT_RELEVANCE 2 /* best match first (with a query; else newest) */

/* The readouts b keeps, in its order, to fn as hits (a snippet when there
 * is a query). *total (may be NULL): all it keeps, past limit and offset. */
tifa_status tifa_corpus_browse(tifa_corpus *c, const tifa_browse *b, tifa_hit_fn fn, void *user, int64_t *total,
                               tifa_error *err);

/* tifa_corpus_export of the readouts b keeps (all of them: b's limit and
 * offset apply), in id order. */
tifa_status tifa_corpus_export_browse(tifa_corpus *c, tifa_export_format format, const tifa_browse *b, unsigned flags,
                                      tifa_write_fn write, void *user, tifa_error *err);

/* Facet counts over the readouts b keeps (limit and offset aside): for
 * facet "year" each year, newest first, then "" (undated); for "org",
 * "type" and "outlet" the 40 commonest values; for "corrected" one value
 * "yes", the readouts with a correction. Strings are valid during the
 * call; fn returns non-zero to stop. */
typedef int (*tifa_facet_fn)(void *user, const char *facet, const char *value, int64_t count);
tifa_status tifa_corpus_facets(tifa_corpus *c, const tifa_browse *b, tifa_facet_fn fn, void *user, tifa_error *err);

/* A meeting series through time: the readouts b keeps (b->series, and
 * b->org to hold the body), oldest first, each with the formulations of
 * its main meeting (numbered, then quoted terms, each once) and those
 * that are new since the readout before it, and gone. Everything is valid
 * during the call only; fn returns non-zero to stop. */
typedef struct {
    const tifa_hit *hit;
    const char *const *terms;
    size_t nterms;
    const char *const *added;
    size_t nadded;
    const char *const *dropped;
    size_t ndropped;
    int first; /* the first of the series: added and dropped are empty */
} tifa_series_row;
typedef int (*tifa_series_fn)(void *user, const tifa_series_row *row);
tifa_status tifa_corpus_series(tifa_corpus *c, const tifa_browse *b, tifa_series_fn fn, void *user, tifa_error *err);

/* Counts for `tifa stats`. near_duplicates counts every copy linked to a
 * first copy, exact or near (exact copies are stored since 0.2). */
typedef struct {
    int64_t documents, near_duplicates, meetings, raw_bytes, clean_bytes;
    char first_date[11], last_date[11];
} tifa_corpus_stats;
tifa_status tifa_corpus_stats_get(tifa_corpus *c, tifa_corpus_stats *st, tifa_error *err);

/* Re-extraction: a corpus brought up to the extraction of the running
 * tifa. Each document (ids[0..n), or every stored one when ids is NULL)
 * is cleaned and extracted again from its stored raw bytes, under the
 * name it was added with, as tifa_corpus_add would store it now (a web
 * archive's page read as it was: its kind and charset as its record
 * says, its "source" object kept). Where the result differs from what is
 * stored, the record and what derives from it are rewritten: the clean
 * text and its SHA-256, the fingerprints and the near-copy index row, the
 * search index entry, and the columns list, search's filters and trend
 * read (date, meeting, org, title, the main article). Kept: the raw bytes,
 * the file name, the sources and meta, the id, the time added, the links
 * to first copies (an exact copy whose clean text is no longer any of its
 * readout's becomes a near copy of the same first copy), and every
 * correction (value, note, time and log; only its "before", the automatic
 * value it overrides and unset restores, is the new one). A document the
 * same as stored is left alone. Documents go in batches (the smaller of
 * tifa_corpus_set_batch's and 256, and at most 32 MB of raw bytes), each
 * extracted on `jobs` threads (<= 1: this one alone) and then written in
 * one transaction: a crash leaves whole batches, and running again does
 * the rest. The corpus must be open for writing unless
 * TIFA_REEXTRACT_DRY_RUN.
 *
 * fn (may be NULL) hears of each document that fails (field NULL: no such
 * document, or today's pipeline refuses its bytes, message says why) and,
 * with TIFA_REEXTRACT_FIELDS, of each field that differs in a document
 * that changes; it returns non-zero to stop (after that document, its
 * batch committed). *stats counts what was done. TIFA_OK when every batch
 * was written (failed documents are counted, not errors); TIFA_EUSAGE on
 * a read-only corpus; TIFA_EIO or TIFA_EBATCH (a batch rolled back, its
 * documents counted as failed, those before it stored) or TIFA_ENOMEM,
 * with err saying why. */
#define TIFA_REEXTRACT_DRY_RUN 1u /* change nothing: count (and report) what would change */
#define TIFA_REEXTRACT_FIELDS  2u /* report each field that differs to fn */
typedef struct {
    int64_t documents;   /* looked at: the ids given, or every stored document */
    int64_t reextracted; /* cleaned and extracted again: changed + unchanged */
    int64_t changed;     /* differed from what was stored: rewritten (with DRY_RUN: would be) */
    int64_t unchanged;   /* the same as stored: left alone */
    int64_t failed;      /* no such document, refused by the pipeline, or in a batch rolled back */
} tifa_reextract_stats;
/* A field that differs, or a document that failed (field NULL, message
 * set). The fields: "date", "name", "org", "title", "article" (which
 * article is the main one), then the main meeting's "kind", "place",
 * "chair", "chair_title", "speakers", "present", "attendees",
 * "date_inferred", "source", "terms"; "articles" (how many), "text" (the
 * clean text: before and after are its lengths in bytes),
 * "fingerprints" (the near-copy fingerprints alone), "other" (the record
 * differs elsewhere: other articles, texts, spans; before and after NULL).
 * before and after are JSON values (null: none); corrected is the
 * correction in force over the field (JSON), which list, export and the
 * views go on showing, else NULL. Strings are valid during the call. */
typedef struct {
    int64_t id;
    const char *field;
    const char *before, *after, *corrected;
    const char *message;
} tifa_reextract_change;
typedef int (*tifa_reextract_fn)(void *user, const tifa_reextract_change *change);
tifa_status tifa_corpus_reextract(tifa_corpus *c, const int64_t *ids, size_t n, unsigned flags, int jobs,
                                  tifa_reextract_fn fn, void *user, tifa_reextract_stats *stats, tifa_error *err);

/* Checks the corpus without changing it: SQLite's integrity_check, and its
 * own invariants: every first copy has its index entry and no other row
 * has one, every near copy points at a stored first copy, every raw text
 * still has the SHA-256 it was stored with. Each problem found goes to
 * fn (a sentence, valid during the call), and *problems counts them.
 * TIFA_OK when the check ran (whatever it found). */
typedef void (*tifa_problem_fn)(void *user, const char *problem);
tifa_status tifa_corpus_check(tifa_corpus *c, tifa_problem_fn fn, void *user, int64_t *problems, tifa_error *err);

#if defined(TIFA_SHARED) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif
#endif
