/*
 * ingest: records made elsewhere (tifa extract --with-raw or --with-clean,
 * the parts python3 -m tifa.dask writes) turned back into documents ready
 * to store, without cleaning or extracting again.
 *
 * A record carries what storing needs: the clean text ("clean"), the
 * near-copy fingerprints ("nearcopy"), and the input bytes, inline
 * ("raw": sha256, base64) or in the web archive its "source" names (file,
 * offset). What is stored is what tifa add of the same bytes under the
 * same name stores: the record without those members and "filed", the
 * clean text, the fingerprints, and the fields the corpus filters on,
 * which the record carries in "filed" (not all of them are in its
 * articles: an article that is no meeting keeps its date to itself).
 * Every check is made before anything is handed to the corpus, so a bad
 * record is refused whole.
 *
 * Not for: storing (corpus.c), reading archives (warc.c), JSON syntax
 * (jsonread.c).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus_internal.h"
#include "corpus_record.h"
#include "jsonread.h"
#include "sha256.h"
#include "source.h"
#include "warc.h"

#define PAGE_LIMIT  (64u << 20)               /* as extract: a record holds the whole text */
#define BLOCK_LIMIT (PAGE_LIMIT + (1u << 20)) /* the page and its HTTP headers */

static tifa_status bad(tifa_error *err, const char *what) { return tifa_fail(err, TIFA_EINPUT, 0, "%s", what); }
static tifa_status no_memory(tifa_error *err) { return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory"); }

/* string_member's -1 (err says why) and -2 as a status. */
static tifa_status member_failed(int rc, tifa_error *err) { return rc == -2 ? no_memory(err) : err->code; }

/* A member that must be a string (NUL-free: names and texts are C
 * strings): 1 with *out, 0 absent or null, -1 something else (said in err),
 * -2 out of memory. */
static int string_member(jvalue obj, const char *key, char **out, size_t *len, tifa_error *err) {
    jvalue v;
    *out = NULL;
    if (!jr_member(obj, key, &v) || jr_type(v) == 'n') return 0;
    int oom = 0;
    size_t n;
    char *s = jr_string(v, &n, &oom);
    if (oom) return -2;
    if (!s || strlen(s) != n) {
        free(s);
        tifa_fail(err, TIFA_EINPUT, 0, "\"%s\": a string is needed (without NUL)", key);
        return -1;
    }
    *out = s;
    if (len) *len = n;
    return 1;
}

/* ------------------------------------------------------------ raw bytes */

static int base64_digit(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
           : c == '+'           ? 62
           : c == '/'           ? 63
                                : -1;
}

/* Padded base64 (RFC 4648) to bytes, malloc'd; -1 when it is not. */
static int base64_decode(const char *s, size_t n, char **out, size_t *len) {
    if (n % 4) return -1;
    size_t pad = n && s[n - 1] == '=' ? (n > 1 && s[n - 2] == '=' ? 2 : 1) : 0, o = 0;
    char *b = malloc(n / 4 * 3 + 1);
    if (!b) return -2;
    for (size_t i = 0; i < n; i += 4) {
        uint32_t v = 0;
        for (size_t k = 0; k < 4; k++) {
            int d = i + k >= n - pad ? 0 : base64_digit((unsigned char)s[i + k]);
            if (d < 0) {
                free(b);
                return -1;
            }
            v = v << 6 | (uint32_t)d;
        }
        b[o++] = (char)(v >> 16);
        b[o++] = (char)(v >> 8);
        b[o++] = (char)v;
    }
    *out = b;
    *len = o - pad;
    return 0;
}

/* The bytes a record carries in "raw": its base64, checked against its
 * sha256 when it gives one. */
static tifa_status raw_inline(jvalue raw, tifa_prepared *p, tifa_error *err) {
    char *b64 = NULL, *hash = NULL;
    size_t n = 0;
    int rc = string_member(raw, "base64", &b64, &n, err);
    if (rc == 1) rc = string_member(raw, "sha256", &hash, NULL, err) < 0 ? -1 : 1;
    tifa_status st = rc < 0 ? member_failed(rc, err) : rc == 0 ? bad(err, "\"raw\" has no \"base64\"") : TIFA_OK;
    if (st == TIFA_OK) {
        rc = base64_decode(b64, n, &p->bytes, &p->len);
        st = rc == -2 ? no_memory(err) : rc ? bad(err, "\"raw\": \"base64\" is not base64 (RFC 4648, padded)") : TIFA_OK;
    }
    if (st == TIFA_OK) sha256_hex(p->bytes, p->len, p->raw_hash);
    if (st == TIFA_OK && hash && strcmp(hash, p->raw_hash))
        st = tifa_fail(err, TIFA_EINPUT, 0, "\"raw\": the bytes have SHA-256 %s, not the %.64s it gives", p->raw_hash,
                       hash);
    free(b64);
    free(hash);
    return st;
}

static int any_record(const warc_record *rec) {
    (void)rec;
    return 1;
}

/* The page body of the response record at `offset` of the archive. */
static tifa_status page_at(const char *path, uint64_t offset, const char *uri, tifa_prepared *p, tifa_error *err) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return tifa_fail(err, TIFA_EINPUT, 0, "\"source\": %s: %s", path, strerror(errno));
    warc_reader *r = fseeko(fp, (off_t)offset, SEEK_SET) == 0 ? warc_open(fp, path, offset) : NULL;
    warc_record rec;
    tifa_error werr = {0};
    tifa_status st = TIFA_OK;
    if (!r)
        st = tifa_fail(err, TIFA_EINPUT, 0, "\"source\": %s: cannot read at offset %llu", path,
                       (unsigned long long)offset);
    else if (warc_next(r, any_record, BLOCK_LIMIT, &rec, &werr) != 1)
        st = tifa_fail(err, TIFA_EINPUT, 0, "\"source\": %s: no record at offset %llu%s%s", path,
                       (unsigned long long)offset, werr.message[0] ? ": " : "", werr.message);
    else if (uri && (!rec.uri || strcmp(uri, rec.uri)))
        st = tifa_fail(err, TIFA_EINPUT, 0, "\"source\": %s: the record at offset %llu is not of %.200s", path,
                       (unsigned long long)offset, uri);
    else if (rec.too_large || rec.cut)
        st = tifa_fail(err, TIFA_EINPUT, 0, "\"source\": %s: the record at offset %llu is %s", path,
                       (unsigned long long)offset, rec.cut ? "cut short by the end of the file" : "over 64 MB");
    http_response h = {0};
    const char *why = NULL;
    if (st == TIFA_OK && http_parse(rec.block, rec.block_len, 1, PAGE_LIMIT, &h, &why) != 0)
        st = why == warc_out_of_memory ? no_memory(err)
                                       : tifa_fail(err, TIFA_EINPUT, 0, "\"source\": %s: offset %llu: %s", path,
                                                   (unsigned long long)offset, why);
    if (st == TIFA_OK) {
        p->bytes = h.body ? h.body : malloc(1);
        p->len = h.body_len;
        h.body = NULL;
        if (!p->bytes) st = no_memory(err);
    }
    http_response_free(&h);
    warc_close(r);
    fclose(fp);
    return st;
}

/* A copy of JSON object obj without the members whose keys (as written,
 * quotes included) are in keys, the others as they were written. NULL
 * when out of memory. */
static char *object_without(jvalue obj, const char *const *keys, size_t nkeys) {
    char *out = malloc(obj.n + 1);
    if (!out) return NULL;
    size_t o = 0, pos = 0;
    jvalue key, v;
    out[o++] = '{';
    while (jr_next_member(obj, &pos, &key, &v)) {
        int apart = 0;
        for (size_t i = 0; i < nkeys && !apart; i++) apart = key.n == strlen(keys[i]) && !memcmp(key.s, keys[i], key.n);
        if (apart) continue;
        if (o > 1) out[o++] = ',';
        size_t n = (size_t)(v.s + v.n - key.s);
        memcpy(out + o, key.s, n);
        o += n;
    }
    out[o++] = '}';
    out[o] = 0;
    return out;
}

/* The source object without target_uri and date (the document's url and
 * retrieved): the document's meta, as tifa add --warc gives it. NULL
 * when out of memory. */
static char *archive_meta(jvalue src) {
    static const char *const apart[] = {"\"target_uri\"", "\"date\""};
    return object_without(src, apart, sizeof apart / sizeof *apart);
}

/* A page of a web archive ("source" names its "warc"): the archive's word
 * on where and when it was fetched (its URL and date, when they pass the
 * source checks) as the document's url and retrieved, the rest as meta,
 * as tifa add --warc keeps them. */
static tifa_status archive_source(jvalue src, tifa_prepared *p, tifa_error *err) {
    char *uri = NULL, *date = NULL;
    jvalue warc;
    if (!jr_member(src, "warc", &warc) || jr_type(warc) != '"') return TIFA_OK;
    int rc = string_member(src, "target_uri", &uri, NULL, err);
    if (rc >= 0 && (rc = string_member(src, "date", &date, NULL, err)) >= 0) rc = 1;
    tifa_status st = rc < 0 ? member_failed(rc, err) : TIFA_OK;
    if (st == TIFA_OK && !(p->given[4] = archive_meta(src))) st = no_memory(err);
    if (st == TIFA_OK && uri && source_url_valid(uri)) p->given[1] = uri, uri = NULL;
    if (st == TIFA_OK && date && source_time_valid(date)) p->given[3] = date, date = NULL;
    free(uri);
    free(date);
    return st;
}

/* The bytes a record's web archive holds. */
static tifa_status raw_in_archive(jvalue src, tifa_prepared *p, tifa_error *err) {
    char *path = NULL, *uri = NULL;
    jvalue off;
    uint64_t offset = 0;
    int rc = string_member(src, "warc", &path, NULL, err);
    if (rc == 1 && (rc = string_member(src, "target_uri", &uri, NULL, err)) >= 0) rc = 1;
    tifa_status st = rc < 0 ? member_failed(rc, err) : TIFA_OK;
    if (st == TIFA_OK && rc == 0)
        st = bad(err, "no bytes: neither \"raw\" (tifa extract --with-raw) nor a web archive's \"source\"");
    if (st == TIFA_OK && (!jr_member(src, "offset", &off) || jr_uint(off, INT64_MAX, &offset)))
        st = bad(err, "\"source\": \"offset\" is not a whole number");
    if (st == TIFA_OK) st = page_at(path, offset, uri, p, err);
    if (st == TIFA_OK) sha256_hex(p->bytes, p->len, p->raw_hash);
    free(path);
    free(uri);
    return st;
}

static tifa_status read_bytes(jvalue rec, tifa_prepared *p, tifa_error *err) {
    jvalue v, src;
    int archived = jr_member(rec, "source", &src) && jr_type(src) == '{';
    tifa_status st;
    if (jr_member(rec, "raw", &v))
        st = jr_type(v) == '{' ? raw_inline(v, p, err) : bad(err, "\"raw\" is not an object");
    else if (archived)
        st = raw_in_archive(src, p, err);
    else
        st = bad(err, "no bytes: neither \"raw\" (tifa extract --with-raw) nor a web archive's \"source\"");
    if (st == TIFA_OK && archived) st = archive_source(src, p, err);
    return st == TIFA_OK ? corpus_not_text(p->bytes, p->len, err) : st;
}

/* ------------------------------------------------------------ fingerprints */

static int simhash_of(jvalue v, uint64_t *out) {
    if (jr_type(v) != '"' || v.n != 18) return -1;
    uint64_t h = 0;
    for (size_t i = 1; i < 17; i++) {
        char c = v.s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return -1;
        h = h << 4 | (uint64_t)d;
    }
    *out = h;
    return 0;
}

/* The fingerprints the record carries ("nearcopy"), or, when it carries
 * none, those of its clean text. */
static tifa_status fingerprints(jvalue rec, tifa_prepared *p, tifa_error *err) {
    jvalue nc, v, m;
    if (!jr_member(rec, "nearcopy", &nc)) {
        p->simhash = nearcopy_simhash(p->clean, p->clean_len);
        nearcopy_sketch(p->clean, p->clean_len, &p->sketch);
        return TIFA_OK;
    }
    uint64_t x;
    if (!jr_member(nc, "simhash", &v) || simhash_of(v, &p->simhash))
        return bad(err, "\"nearcopy\": \"simhash\" is not 16 hex digits");
    if (!jr_member(nc, "shingles", &v) || jr_uint(v, UINT32_MAX, &x))
        return bad(err, "\"nearcopy\": \"shingles\" is not a whole number under 2^32");
    p->sketch.shingles = (uint32_t)x;
    size_t pos = 0, k = 0;
    if (!jr_member(nc, "minhash", &v) || jr_type(v) != '[')
        return bad(err, "\"nearcopy\": \"minhash\" is not an array");
    for (; jr_next(v, &pos, &m); k++)
        if (k >= SKETCH_K || jr_uint(m, UINT32_MAX, &x)) break;
        else p->sketch.min[k] = (uint32_t)x;
    if (k != SKETCH_K || jr_next(v, &pos, &m))
        return tifa_fail(err, TIFA_EINPUT, 0, "\"nearcopy\": \"minhash\" must hold %d whole numbers under 2^32",
                         SKETCH_K);
    return TIFA_OK;
}

/* --------------------------------------------------------- the record */

/* The record as tifa add stores it: the members but those the corpus
 * keeps apart from the record, as they were written. NULL when out of
 * memory. */
static char *stored_form(jvalue rec) {
    static const char *const apart[] = {"\"nearcopy\"", "\"filed\"", "\"clean\"", "\"raw\""};
    return object_without(rec, apart, sizeof apart / sizeof *apart);
}

/* One [offset, length] pair of whole numbers. */
static int range_pair(jvalue t, uint64_t *at, uint64_t *len) {
    size_t q = 0;
    jvalue v;
    return jr_type(t) == '[' && jr_next(t, &q, &v) && !jr_uint(v, SIZE_MAX, at) && jr_next(t, &q, &v) &&
           !jr_uint(v, SIZE_MAX, len) && !jr_next(t, &q, &v);
}

/* Where each article's text is in "clean", as extraction said ("filed":
 * "texts", [byte offset, byte length] each). Records of an earlier tifa
 * have none: their texts are then stored as they are, whole. */
static tifa_status text_ranges(jvalue filed, doc_summary *sum, tifa_error *err) {
    jvalue texts, t;
    size_t pos = 0, n = 0;
    if (!jr_member(filed, "texts", &texts)) return TIFA_OK;
    if (jr_type(texts) != '[') return bad(err, "\"filed\": \"texts\" is not an array");
    while (jr_next(texts, &pos, &t)) n++;
    if (!n) return TIFA_OK;
    if (!(sum->texts = calloc(n, sizeof *sum->texts))) return no_memory(err);
    pos = 0;
    for (size_t i = 0; jr_next(texts, &pos, &t); i++) {
        uint64_t at, len;
        if (!range_pair(t, &at, &len)) return bad(err, "\"filed\": \"texts\" holds other than [offset, length] pairs");
        sum->texts[i].clean_at = (size_t)at;
        sum->texts[i].clean_len = (size_t)len;
    }
    sum->ntexts = n;
    return TIFA_OK;
}

/* Where each article's "text" value stands in the record as stored
 * (p->record); record_compact checks each against its range. */
static void place_values(tifa_prepared *p) {
    jvalue rec = {p->record, strlen(p->record)}, arts, a, v;
    size_t pos = 0;
    if (!jr_member(rec, "articles", &arts) || jr_type(arts) != '[') return;
    for (size_t i = 0; i < p->sum.ntexts && jr_next(arts, &pos, &a); i++) {
        if (!jr_member(a, "text", &v) || jr_type(v) != '"') continue;
        p->sum.texts[i].json_at = (size_t)(v.s - p->record);
        p->sum.texts[i].json_end = p->sum.texts[i].json_at + v.n;
    }
}

/* The fields the corpus files the document under ("filed": summarize()
 * in extract/record.c made them), the article they come from one of the
 * record's. */
static tifa_status summary_of(jvalue rec, doc_summary *sum, tifa_error *err) {
    jvalue filed, v, arts, a;
    if (!jr_member(rec, "filed", &filed) || jr_type(filed) != '{')
        return bad(err, "no \"filed\" object: records to store are made with tifa extract --with-raw (or "
                        "--with-clean, for web archives) of this version");
    uint64_t picked = 0;
    size_t pos = 0, n = 0;
    if (jr_member(rec, "articles", &arts) && jr_type(arts) == '[')
        while (jr_next(arts, &pos, &a)) n++;
    if (!jr_member(filed, "article", &v) || jr_uint(v, SIZE_MAX, &picked) || (n && picked >= n))
        return bad(err, "\"filed\": \"article\" is not the number of one of its articles");
    sum->article = (size_t)picked;
    static const char *const keys[] = {"date", "meeting", "org", "title", "url", "published", "outlet"};
    char **outs[] = {&sum->date, &sum->meeting, &sum->org, &sum->title, &sum->url, &sum->published, &sum->outlet};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        int rc = string_member(filed, keys[i], outs[i], NULL, err);
        if (rc < 0) return member_failed(rc, err);
    }
    return text_ranges(filed, sum, err);
}

/* Everything but the bytes and fingerprints: name, clean text, record. */
static tifa_status text_parts(jvalue rec, tifa_prepared *p, tifa_error *err) {
    int rc = string_member(rec, "file", &p->name, NULL, err);
    if (rc == 0) return bad(err, "no \"file\" (the document's name)");
    if (rc > 0) rc = string_member(rec, "clean", &p->clean, &p->clean_len, err);
    if (rc == 0)
        return bad(err, "no \"clean\" text: records to store are made with tifa extract --with-raw (or --with-clean, "
                        "for web archives)");
    if (rc < 0) return member_failed(rc, err);
    if (!(p->record = stored_form(rec))) return no_memory(err);
    tifa_status st = summary_of(rec, &p->sum, err);
    if (st == TIFA_OK) place_values(p);
    return st;
}

tifa_status tifa_corpus_prepare_record(const tifa_corpus *c, const char *line, size_t len, tifa_prepared **out,
                                       tifa_error *err) {
    *out = NULL;
    tifa_error local;
    if (!err) err = &local; /* the messages are built on */
    size_t at;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
    if (jr_check(line, len, &at)) return tifa_fail(err, TIFA_EINPUT, at, "not JSON (at byte %zu)", at);
    jvalue rec = {line, len};
    while (rec.n && (*rec.s == ' ' || *rec.s == '\t')) rec.s++, rec.n--;
    while (rec.n && (rec.s[rec.n - 1] == ' ' || rec.s[rec.n - 1] == '\t')) rec.n--;
    if (jr_type(rec) != '{') return bad(err, "not a JSON object");
    tifa_prepared *p = calloc(1, sizeof *p);
    if (!p) return no_memory(err);
    tifa_status st = text_parts(rec, p, err);
    if (st == TIFA_OK) st = read_bytes(rec, p, err);
    /* Checked after the bytes, as tifa add does: the same message. */
    if (st == TIFA_OK && !corpus_has_text(p->clean, p->clean_len))
        st = bad(err, "no text in it once cleaned: not stored");
    if (st == TIFA_OK) st = fingerprints(rec, p, err);
    if (st == TIFA_OK) {
        sha256_hex(p->clean, p->clean_len, p->clean_hash);
        p->stored_record =
            record_compact(p->record, strlen(p->record), p->sum.texts, p->sum.ntexts, p->clean, p->clean_len);
        corpus_search_committed(c, p);
        *out = p;
        return TIFA_OK;
    }
    if (p->name) { /* the document the record is of, named too */
        char msg[2 * sizeof err->message];
        int n = snprintf(msg, sizeof msg, "%.100s: %s", p->name, err->message);
        if (n > 0) {
            size_t keep = (size_t)n < sizeof err->message ? (size_t)n : sizeof err->message - 1;
            memcpy(err->message, msg, keep);
            err->message[keep] = 0;
        }
    }
    tifa_prepared_free(p);
    return st;
}
