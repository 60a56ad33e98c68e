/*
 * warc: reads web archives (ISO 28500: WARC/1.0 and WARC/1.1) as a
 * stream, plain or gzip (one member per record, as crawlers write them,
 * or any number of records per member), and the HTTP response inside a
 * response record: status, Content-Type, chunked transfer, gzip and
 * deflate content encoding.
 *
 * Memory is bounded: one record's block is held at a time, and only when
 * the caller wants it and it is within the caller's limit; every other
 * block is skipped as it is read. Damage is reported with the offset of
 * the record it is in.
 *
 * Not for: writing archives, reading request or metadata records' content,
 * CDX indexes. Extraction of the pages is src/batch.c's.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
#include "internal.h"
#include "warc.h"
#include "sbuf.h"

const char warc_out_of_memory[] = "out of memory";

#define BUF        (64u << 10)
#define HEADER_MAX (64u << 10) /* a WARC or HTTP header block */
#define PEEK       BUF         /* of every block: enough for its HTTP headers */

/* ------------------------------------------------------------ input */

/* The file's bytes, inflated when it is gzip. `out` holds what is ready;
 * for gzip, the member it comes from started at member_start. */
typedef struct {
    FILE *fp;
    int gz;
    z_stream z;
    int z_ready;
    unsigned char in[BUF], out[BUF];
    uint64_t in_off; /* file offset of in[0] */
    size_t out_pos, out_len;
    uint64_t out_off; /* plain: file offset of out[0] */
    int member_open;  /* gzip: inside a member */
    uint64_t member_start, member_end;
    unsigned records; /* gzip: records begun in the current member */
    int cut;          /* gzip: the file ended inside a member */
} input;

struct warc_reader {
    input in;
    const char *name;
    char header[HEADER_MAX + 1];
    sbuf block;    /* reused from record to record, as large as the largest kept */
    uint64_t next; /* where the next record starts */
};

static uint64_t in_consumed(const input *p) { return p->in_off + (uint64_t)(p->z.next_in - p->in); }

/* Refills the compressed buffer: 1 bytes came, 0 end of file, -1 error. */
static int refill(input *p, tifa_error *err, const char *name) {
    p->in_off += (uint64_t)(p->z.next_in - p->in);
    size_t n = fread(p->in, 1, BUF, p->fp);
    p->z.next_in = p->in;
    p->z.avail_in = (uInt)n;
    if (n) return 1;
    if (ferror(p->fp)) {
        tifa_fail(err, TIFA_EIO, p->in_off, "%s: read error at offset %llu", name, (unsigned long long)p->in_off);
        return -1;
    }
    return 0;
}

/* Plain input: the next buffer. 1 bytes came, 0 end of file, -1 error. */
static int fill_plain(warc_reader *r, tifa_error *err) {
    input *p = &r->in;
    p->out_off += p->out_len;
    p->out_pos = p->out_len = 0;
    size_t n = fread(p->out, 1, BUF, p->fp);
    if (n == 0 && ferror(p->fp))
        return tifa_fail(err, TIFA_EIO, p->out_off, "%s: read error at offset %llu", r->name,
                         (unsigned long long)p->out_off),
               -1;
    p->out_len = n;
    return n > 0;
}

/* Gzip input: opens the next member. 1 opened, 0 end of file, -1 error. */
static int open_member(warc_reader *r, tifa_error *err) {
    input *p = &r->in;
    if (p->z.avail_in == 0) {
        int rc = refill(p, err, r->name);
        if (rc <= 0) return rc;
    }
    p->member_start = in_consumed(p);
    p->records = 0;
    if (inflateReset2(&p->z, 16 + MAX_WBITS) != Z_OK) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory"), -1;
    p->member_open = 1;
    return 1;
}

/* Gzip input: inflates what the open member gives next (possibly
 * nothing). 0 done, -1 error; the file ending inside the member closes
 * it, marked cut. */
static int inflate_some(warc_reader *r, tifa_error *err) {
    input *p = &r->in;
    if (p->z.avail_in == 0) {
        int rc = refill(p, err, r->name);
        if (rc < 0) return rc;
        if (rc == 0) {
            p->cut = 1;
            p->member_open = 0;
            p->member_end = in_consumed(p);
            p->out_pos = p->out_len = 0;
            return 0;
        }
    }
    p->z.next_out = p->out;
    p->z.avail_out = BUF;
    int zrc = inflate(&p->z, Z_NO_FLUSH);
    p->out_pos = 0;
    p->out_len = BUF - p->z.avail_out;
    if (zrc == Z_STREAM_END) {
        p->member_open = 0;
        p->member_end = in_consumed(p);
    } else if (zrc == Z_MEM_ERROR) {
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory"), -1;
    } else if (zrc != Z_OK && zrc != Z_BUF_ERROR) {
        uint64_t at = p->member_start;
        return tifa_fail(err, TIFA_EINPUT, at, "%s: offset %llu: damaged gzip data (%s)", r->name,
                         (unsigned long long)at, p->z.msg ? p->z.msg : "inflate failed"),
               -1;
    }
    return 0;
}

/* Makes out[out_pos] available: 1 it is, 0 the end (of the file, or of
 * the member when next_member is 0), -1 an error. */
static int fill(warc_reader *r, int next_member, tifa_error *err) {
    input *p = &r->in;
    if (p->out_pos < p->out_len) return 1;
    if (!p->gz) return fill_plain(r, err);
    for (;;) {
        if (!p->member_open) {
            if (!next_member) return 0;
            int rc = open_member(r, err);
            if (rc <= 0) return rc;
        }
        if (inflate_some(r, err)) return -1;
        if (p->out_len) return 1;
        if (p->cut) return 0;
    }
}

/* The file offset a record starting at the next byte has (its member's
 * start, for gzip). Call after fill() returned 1. */
static uint64_t here(const warc_reader *r) {
    const input *p = &r->in;
    return p->gz ? p->member_start : p->out_off + p->out_pos;
}

warc_reader *warc_open(FILE *fp, const char *name, uint64_t start) {
    warc_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->in.fp = fp;
    r->name = name;
    r->in.in_off = start;
    r->in.out_off = start;
    r->in.z.next_in = r->in.in;
    r->next = start;
    /* gzip or plain, from the first two bytes. */
    size_t n = fread(r->in.in, 1, BUF, fp);
    r->in.z.avail_in = (uInt)n;
    if (n >= 2 && r->in.in[0] == 0x1f && r->in.in[1] == 0x8b) {
        r->in.gz = 1;
        if (inflateInit2(&r->in.z, 16 + MAX_WBITS) != Z_OK) {
            free(r);
            return NULL;
        }
        r->in.z_ready = 1;
    } else { /* plain: what was read is the first output */
        memcpy(r->in.out, r->in.in, n);
        r->in.out_len = n;
        r->in.z.avail_in = 0;
    }
    return r;
}

void warc_close(warc_reader *r) {
    if (!r) return;
    if (r->in.z_ready) inflateEnd(&r->in.z);
    sbuf_free(&r->block);
    free(r);
}

uint64_t warc_position(const warc_reader *r) { return r->next; }

/* ------------------------------------------------------------ records */

/* Reads one header line into r->header at *len (with its newline).
 * 1 a line, 0 end of input before any byte, -1 error or overlong. */
static int read_line(warc_reader *r, size_t *len, int next_member, uint64_t at, tifa_error *err) {
    input *p = &r->in;
    size_t start = *len;
    for (;;) {
        int rc = fill(r, next_member, err);
        if (rc < 0) return -1;
        if (rc == 0) {
            if (*len == start) return 0;
            return tifa_fail(err, TIFA_EINPUT, at, "%s: offset %llu: the file ends inside a record header", r->name,
                             (unsigned long long)at),
                   -1;
        }
        next_member = 0;
        const unsigned char *s = p->out + p->out_pos;
        size_t avail = p->out_len - p->out_pos;
        const unsigned char *nl = memchr(s, '\n', avail);
        size_t take = nl ? (size_t)(nl - s) + 1 : avail;
        if (*len + take > HEADER_MAX)
            return tifa_fail(err, TIFA_EINPUT, at, "%s: offset %llu: record header over %u KB", r->name,
                             (unsigned long long)at, HEADER_MAX >> 10),
                   -1;
        if (memchr(s, 0, take))
            return tifa_fail(err, TIFA_EINPUT, at, "%s: offset %llu: NUL byte in a record header", r->name,
                             (unsigned long long)at),
                   -1;
        memcpy(r->header + *len, s, take);
        *len += take;
        p->out_pos += take;
        if (nl) return 1;
    }
}

/* Skips blank lines between records. 1 a record follows, 0 end, -1 error. */
static int skip_blank(warc_reader *r, tifa_error *err) {
    input *p = &r->in;
    for (;;) {
        int rc = fill(r, 1, err);
        if (rc <= 0) return rc;
        unsigned char c = p->out[p->out_pos];
        if (c != '\r' && c != '\n') return 1;
        p->out_pos++;
    }
}

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = 0;
    return s;
}

/* Splits the header (NUL-terminated in r->header) into the fields the
 * record carries. A continuation line (WARC/1.0 allows folding) is
 * appended to the field before it by turning its line break into spaces. */
static int parse_fields(warc_reader *r, warc_record *rec, uint64_t at, tifa_error *err) {
    char *s = r->header;
    int have_length = 0;
    char *eol = strchr(s, '\n');
    *eol = 0;
    rec->version = trim(s);
    if (strcmp(rec->version, "WARC/1.0") != 0 && strcmp(rec->version, "WARC/1.1") != 0)
        return tifa_fail(err, TIFA_EINPUT, at, "%s: offset %llu: not a WARC/1.0 or WARC/1.1 record", r->name,
                         (unsigned long long)at),
               -1;
    for (char *line = eol + 1; *line;) {
        char *end = strchr(line, '\n');
        char *next = end ? end + 1 : line + strlen(line);
        while (*next == ' ' || *next == '\t') { /* folded: joined */
            if (end) *end = ' ';
            if (end > line && end[-1] == '\r') end[-1] = ' ';
            end = strchr(next, '\n');
            next = end ? end + 1 : next + strlen(next);
        }
        if (end) *end = 0;
        char *colon = strchr(line, ':');
        if (colon) {
            *colon = 0;
            const char *key = trim(line);
            char *value = trim(colon + 1);
            if (!strcasecmp(key, "WARC-Type"))
                rec->type = value;
            else if (!strcasecmp(key, "WARC-Target-URI"))
                rec->uri = value;
            else if (!strcasecmp(key, "WARC-Date"))
                rec->date = value;
            else if (!strcasecmp(key, "WARC-Record-ID"))
                rec->id = value;
            else if (!strcasecmp(key, "WARC-Payload-Digest"))
                rec->digest = value;
            else if (!strcasecmp(key, "WARC-Truncated"))
                rec->truncated = value;
            else if (!strcasecmp(key, "Content-Type"))
                rec->content_type = value;
            else if (!strcasecmp(key, "Content-Length")) {
                char *e;
                if (!isdigit((unsigned char)*value))
                    e = value;
                else
                    rec->content_length = strtoull(value, &e, 10);
                if (*e || rec->content_length > (1ull << 50))
                    return tifa_fail(err, TIFA_EINPUT, at, "%s: offset %llu: bad Content-Length '%.40s'", r->name,
                                     (unsigned long long)at, value),
                           -1;
                have_length = 1;
            }
        }
        line = next;
    }
    if (!have_length)
        return tifa_fail(err, TIFA_EINPUT, at, "%s: offset %llu: record without Content-Length", r->name,
                         (unsigned long long)at),
               -1;
    /* WARC/1.0 writers put the URI in angle brackets. */
    if (rec->uri && rec->uri[0] == '<') {
        size_t n = strlen(rec->uri);
        if (n >= 2 && rec->uri[n - 1] == '>') ((char *)rec->uri)[n - 1] = 0;
        rec->uri++;
    }
    return 0;
}

/* Reads up to `want` more bytes of the block into r->block at *got (or
 * past them when keep is 0). 0 done, -1 error. */
static int read_bytes(warc_reader *r, warc_record *rec, uint64_t *left, uint64_t want, int keep, size_t *got,
                      tifa_error *err) {
    input *p = &r->in;
    while (want && *left) {
        int rc = fill(r, 0, err);
        if (rc < 0) return -1;
        if (rc == 0) {
            rec->cut = 1;
            *left = 0;
            break;
        }
        size_t avail = p->out_len - p->out_pos;
        size_t take = avail < want ? avail : (size_t)want;
        if (keep) memcpy(r->block.s + *got, p->out + p->out_pos, take);
        *got += take;
        p->out_pos += take;
        *left -= take;
        want -= take;
    }
    return 0;
}

/* Reads the block: its start (PEEK bytes) always, then the rest kept when
 * want() says so and it is within limit, else skipped. 0 done, -1 error. */
static int read_block(warc_reader *r, warc_record *rec, warc_want_fn want, size_t limit, tifa_error *err) {
    uint64_t left = rec->content_length;
    size_t got = 0, peek = left < PEEK ? (size_t)left : PEEK;
    sbuf *b = &r->block;
    sbuf_clear(b);
    if (sbuf_reserve(b, peek)) return tifa_fail(err, TIFA_ENOMEM, rec->offset, "out of memory"), -1;
    if (read_bytes(r, rec, &left, peek, 1, &got, err)) return -1;
    sbuf_added(b, got);
    rec->block = b->s;
    rec->block_len = got;
    if (!left) return 0;
    int keep = want && want(rec);
    if (keep && rec->content_length > limit) {
        rec->too_large = 1;
        keep = 0;
    }
    if (keep && sbuf_reserve(b, (size_t)rec->content_length - got))
        return tifa_fail(err, TIFA_ENOMEM, rec->offset, "out of memory"), -1;
    rec->block = b->s;
    if (read_bytes(r, rec, &left, left, keep, &got, err)) return -1;
    if (keep) {
        sbuf_added(b, got - b->len);
        rec->block_len = got;
    }
    return 0;
}

/* After the block: the CRLF CRLF that ends a record (tolerated missing),
 * then the end of its gzip member when the record is alone in it. */
static int finish_record(warc_reader *r, warc_record *rec, tifa_error *err) {
    input *p = &r->in;
    for (int i = 0; i < 4 && !rec->cut; i++) {
        int rc = fill(r, 0, err);
        if (rc < 0) return -1;
        if (rc == 0) break;
        unsigned char c = p->out[p->out_pos];
        if (c != '\r' && c != '\n') break;
        p->out_pos++;
    }
    if (!p->gz) {
        rec->length = p->out_off + p->out_pos - rec->offset;
        r->next = rec->offset + rec->length;
        return 0;
    }
    int rc = rec->cut ? 0 : fill(r, 0, err); /* reaches the member's end, if it is here */
    if (rc < 0) return -1;
    if (rc == 0 && !p->member_open && p->records == 1) {
        rec->length = p->member_end - rec->offset;
        r->next = p->member_end;
    }
    if (p->cut) rec->cut = 1;
    return 0;
}

int warc_next(warc_reader *r, warc_want_fn want, size_t limit, warc_record *rec, tifa_error *err) {
    memset(rec, 0, sizeof *rec);
    int rc = skip_blank(r, err);
    if (rc <= 0) {
        if (rc == 0 && r->in.cut)
            return tifa_fail(err, TIFA_EINPUT, r->in.member_start,
                             "%s: offset %llu: the file ends inside a gzip member", r->name,
                             (unsigned long long)r->in.member_start),
                   -1;
        return rc;
    }
    rec->offset = here(r);
    r->in.records++;
    size_t len = 0;
    for (;;) {
        size_t before = len;
        rc = read_line(r, &len, 0, rec->offset, err);
        if (rc < 0) return -1;
        if (rc == 0)
            return tifa_fail(err, TIFA_EINPUT, rec->offset, "%s: offset %llu: the file ends inside a record header",
                             r->name, (unsigned long long)rec->offset),
                   -1;
        if (before == 0 && (len < 5 || memcmp(r->header, "WARC/", 5) != 0))
            return tifa_fail(err, TIFA_EINPUT, rec->offset, "%s: offset %llu: not a WARC record (no WARC/ line)",
                             r->name, (unsigned long long)rec->offset),
                   -1;
        const char *line = r->header + before;
        if (len - before <= 2 && (line[0] == '\n' || (line[0] == '\r' && line[1] == '\n'))) break;
    }
    r->header[len] = 0;
    if (parse_fields(r, rec, rec->offset, err)) return -1;
    if (read_block(r, rec, want, limit, err) || finish_record(r, rec, err)) return -1;
    return 1;
}

/* ------------------------------------------------------------ HTTP */

void http_response_free(http_response *h) {
    free(h->body);
    h->body = NULL;
}

static void lower_copy(char *dst, size_t cap, const char *s, size_t n) {
    size_t k = 0;
    for (; k < n && k + 1 < cap; k++) dst[k] = (char)tolower((unsigned char)s[k]);
    dst[k] = 0;
}

/* Content-Type: the media type and the charset parameter. */
static void content_type(const char *v, size_t n, http_response *h) {
    size_t i = 0;
    while (i < n && v[i] != ';' && v[i] != ' ' && v[i] != '\t') i++;
    lower_copy(h->mime, sizeof h->mime, v, i);
    for (; i + 8 <= n; i++) {
        if (strncasecmp(v + i, "charset=", 8) != 0) continue;
        size_t a = i + 8;
        while (a < n && (v[a] == '"' || v[a] == '\'')) a++;
        size_t b = a;
        while (b < n && v[b] != '"' && v[b] != '\'' && v[b] != ';' && v[b] != ' ') b++;
        lower_copy(h->charset, sizeof h->charset, v + a, b - a);
        return;
    }
}

/* The chunks of a chunked body joined, into out (len bytes at most).
 * Data cut short at the end (a truncated record) is kept. */
static int dechunk(const char *s, size_t len, char *out, size_t *out_len, const char **why) {
    size_t i = 0, o = 0;
    for (;;) {
        uint64_t size = 0;
        int digits = 0;
        while (i < len && isxdigit((unsigned char)s[i]) && digits < 16) {
            int c = (unsigned char)s[i++];
            size = size * 16 + (uint64_t)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
            digits++;
        }
        if (!digits) {
            if (i >= len && o > 0) break; /* cut after a chunk */
            *why = "chunked body: bad chunk size";
            return -1;
        }
        while (i < len && s[i] != '\n') i++; /* extensions, CR */
        if (i >= len) {
            if (size == 0) break;
            *why = "chunked body: cut inside a chunk size line";
            return -1;
        }
        i++;
        if (size == 0) break; /* trailers are not needed */
        size_t take = size < len - i ? (size_t)size : len - i;
        memcpy(out + o, s + i, take);
        o += take;
        i += take;
        if (i < len && s[i] == '\r') i++;
        if (i < len && s[i] == '\n') i++;
        if (i >= len) break;
    }
    *out_len = o;
    return 0;
}

/* gzip, zlib or raw deflate into a growing buffer, up to limit bytes.
 * Data cut short (a truncated record) gives what inflated. */
static int inflate_body(const char *s, size_t len, int raw, size_t limit, char **out, size_t *out_len,
                        const char **why) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, raw ? -MAX_WBITS : 32 + MAX_WBITS) != Z_OK) return *why = warc_out_of_memory, -1;
    sbuf b;
    sbuf_init(&b, limit);
    /* A page compresses about four to one: room for that at first. */
    size_t first = len < limit / 4 ? len * 4 + 1024 : limit;
    const char *fail = sbuf_reserve(&b, first < limit ? first : limit) ? warc_out_of_memory : NULL;
    z.next_in = (Bytef *)(uintptr_t)s;
    z.avail_in = (uInt)len;
    while (!fail) {
        if (!b.room) {
            if (b.len >= limit) {
                fail = "decompressed body over the size limit";
                break;
            }
            if (sbuf_reserve(&b, b.len < limit - b.len ? b.len : limit - b.len)) { /* double, up to the limit */
                fail = warc_out_of_memory;
                break;
            }
        }
        size_t room = b.room;
        z.next_out = (Bytef *)b.s + b.len;
        z.avail_out = (uInt)room;
        int rc = inflate(&z, Z_NO_FLUSH);
        sbuf_added(&b, room - z.avail_out);
        if (rc == Z_STREAM_END) break;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break; /* cut short: what inflated */
        if (rc != Z_OK && rc != Z_BUF_ERROR) fail = rc == Z_MEM_ERROR ? warc_out_of_memory : "damaged compressed body";
    }
    inflateEnd(&z);
    if (fail) {
        sbuf_free(&b);
        *why = fail;
        return -1;
    }
    *out = sbuf_steal(&b, out_len); /* there, and no error: not NULL */
    return 0;
}

/* The body as the page: transfer coding off, then content coding. */
static int decode_body(const char *s, size_t len, int chunked, const char *coding, size_t limit, http_response *h,
                       const char **why) {
    char *plain = NULL;
    size_t plain_len = len;
    if (chunked) {
        if (!(plain = malloc(len + 1))) return *why = warc_out_of_memory, -1;
        if (dechunk(s, len, plain, &plain_len, why)) return free(plain), -1;
        s = plain;
    }
    int rc = 0;
    if (!strcmp(coding, "gzip") || !strcmp(coding, "x-gzip") || !strcmp(coding, "deflate")) {
        rc = inflate_body(s, plain_len, 0, limit, &h->body, &h->body_len, why);
        if (rc && !strcmp(coding, "deflate")) /* servers that send raw deflate */
            rc = inflate_body(s, plain_len, 1, limit, &h->body, &h->body_len, why);
    } else if (coding[0] && strcmp(coding, "identity") != 0) {
        *why = "content encoding not supported (gzip and deflate are)";
        rc = -1;
    } else if (plain_len > limit) {
        *why = "body over the size limit";
        rc = -1;
    } else if (plain) {
        h->body = plain, h->body_len = plain_len, plain = NULL;
    } else if ((h->body = malloc(len + 1))) {
        memcpy(h->body, s, len);
        h->body_len = len;
    } else {
        *why = warc_out_of_memory, rc = -1;
    }
    if (h->body) h->body[h->body_len] = 0;
    free(plain);
    return rc;
}

int http_parse(const char *block, size_t len, int body_wanted, size_t limit, http_response *out, const char **why) {
    memset(out, 0, sizeof *out);
    if (len < 12 || memcmp(block, "HTTP/", 5) != 0) return *why = "not an HTTP response", -1;
    const char *sp = memchr(block, ' ', len < 32 ? len : 32);
    if (!sp || sp + 4 > block + len || !isdigit((unsigned char)sp[1]) || !isdigit((unsigned char)sp[2]) ||
        !isdigit((unsigned char)sp[3]))
        return *why = "bad HTTP status line", -1;
    out->status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
    int chunked = 0;
    char coding[32] = "";
    const char *first_nl = memchr(block, '\n', len);
    size_t i = first_nl ? (size_t)(first_nl - block) + 1 : len;
    for (;;) {
        if (i >= len) return *why = "HTTP headers without an end", -1;
        const char *line = block + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t n = nl ? (size_t)(nl - line) : len - i;
        i += n + (nl ? 1 : 0);
        if (n && line[n - 1] == '\r') n--;
        if (n == 0) break;
        const char *colon = memchr(line, ':', n);
        if (!colon) continue;
        size_t k = (size_t)(colon - line), v = k + 1;
        while (v < n && (line[v] == ' ' || line[v] == '\t')) v++;
        if (k == 12 && !strncasecmp(line, "Content-Type", 12))
            content_type(line + v, n - v, out);
        else if (k == 16 && !strncasecmp(line, "Content-Encoding", 16))
            lower_copy(coding, sizeof coding, line + v, n - v);
        else if (k == 17 && !strncasecmp(line, "Transfer-Encoding", 17)) {
            char te[64];
            lower_copy(te, sizeof te, line + v, n - v);
            chunked = strstr(te, "chunked") != NULL;
        }
    }
    if (!body_wanted) return 0;
    if (decode_body(block + i, len - i, chunked, trim(coding), limit, out, why)) return -1;
    *why = NULL; /* a first try that failed (zlib-wrapped deflate, then raw) left its reason */
    return 0;
}
