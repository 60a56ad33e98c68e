/*
 * source: where a document came from. Checks the fields of a tifa_source
 * (dates, URL, meta) and reads manifests, the files that give the sources
 * of many documents at once: JSON Lines (one object a line) or CSV with a
 * header line (RFC 4180). The JSON is read with SQLite's JSON functions
 * (json_valid, json_extract, json_remove) on a connection of its own, so
 * there is one JSON reader in tifa, SQLite's.
 *
 * Not for: storing sources (corpus.c) or finding the files a manifest
 * names (the command's job: paths are relative to the manifest).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "json.h"
#include "sbuf.h"
#include "source.h"
#include "utf8.h"

#define MAX_FIELD 4096 /* bytes of one source value */

/* ---------------------------------------------------------------- dates */

static int digits(const char *s, int n) {
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int number(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static int days_in(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/* Length of a valid yyyy, yyyy-mm or yyyy-mm-dd at s (the longest that
 * fits, up to `parts` parts), 0 when s does not start with one. */
static size_t date_prefix(const char *s, int parts) {
    if (!digits(s, 4) || number(s, 4) < 1) return 0;
    if (parts < 2 || s[4] != '-') return 4;
    if (!digits(s + 5, 2) || number(s + 5, 2) < 1 || number(s + 5, 2) > 12) return 0;
    if (parts < 3 || s[7] != '-') return 7;
    int day = digits(s + 8, 2) ? number(s + 8, 2) : 0;
    if (day < 1 || day > days_in(number(s, 4), number(s + 5, 2))) return 0;
    return 10;
}

int source_date_valid(const char *s, int partial) {
    size_t n = date_prefix(s, 3);
    return n && !s[n] && (partial || n == 10);
}

/* hh:mm[:ss[.fff]] then an optional zone (Z, ±hh:mm, ±hhmm); length or 0. */
static size_t time_part(const char *s) {
    if (!digits(s, 2) || s[2] != ':' || !digits(s + 3, 2) || number(s, 2) > 23 || number(s + 3, 2) > 59) return 0;
    size_t n = 5;
    if (s[n] == ':') {
        if (!digits(s + n + 1, 2) || number(s + n + 1, 2) > 60) return 0;
        n += 3;
        if (s[n] == '.') {
            size_t k = n + 1;
            while (s[k] >= '0' && s[k] <= '9') k++;
            if (k == n + 1) return 0;
            n = k;
        }
    }
    if (s[n] == 'Z') return n + 1;
    if (s[n] == '+' || s[n] == '-') {
        const char *z = s + n + 1;
        if (digits(z, 2) && z[2] == ':' && digits(z + 3, 2)) return n + 6;
        if (digits(z, 4)) return n + 5;
        return 0;
    }
    return n;
}

int source_time_valid(const char *s) {
    size_t n = date_prefix(s, 3);
    if (n != 10) return 0;
    if (!s[n]) return 1;
    if (s[n] != ' ' && s[n] != 'T') return 0;
    size_t t = time_part(s + n + 1);
    return t && !s[n + 1 + t];
}

int source_url_valid(const char *s) {
    size_t i = 0;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
           s[i] == '+' || s[i] == '-' || s[i] == '.')
        i++;
    if (strncmp(s + i, "://", 3) != 0 || !s[i + 3]) return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7f) return 0;
    return 1;
}

/* Valid UTF-8 without control characters, at most MAX_FIELD bytes. */
int source_text_valid(const char *s) {
    size_t n = strlen(s);
    if (n > MAX_FIELD) return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t step = u8_strict((const unsigned char *)s + i, n - i, &cp);
        if (!step || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return 0;
        i += step;
    }
    return 1;
}

/* ------------------------------------------------------------ the check */

/* The JSON of meta: an object, read by SQLite. -1 when SQLite cannot run. */
static int json_object_valid(const char *json) {
    sqlite3 *db;
    sqlite3_stmt *st = NULL;
    int ok = -1;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT json_valid(?1) AND json_type(?1) = 'object'", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) ok = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok;
}

tifa_status tifa_source_check(const tifa_source *s, tifa_error *err) {
    const char *names[] = {"outlet", "url", "published", "retrieved"};
    const char *v[] = {s->outlet, s->url, s->published, s->retrieved};
    for (int i = 0; i < 4; i++) {
        if (!v[i] || !*v[i]) continue;
        if (!source_text_valid(v[i]))
            return tifa_fail(err, TIFA_EUSAGE, 0, "%s: at most %d bytes of UTF-8 text without control characters",
                             names[i], MAX_FIELD);
        if (i == 1 && !source_url_valid(v[i]))
            return tifa_fail(err, TIFA_EUSAGE, 0, "url: not an absolute URL (scheme://...): %.200s", v[i]);
        if (i >= 2 && !source_time_valid(v[i]))
            return tifa_fail(err, TIFA_EUSAGE, 0,
                             "%s: not a date (yyyy-mm-dd, yyyy-mm-dd hh:mm[:ss], or ISO 8601 such as "
                             "2024-03-05T10:00:00+08:00): %.200s",
                             names[i], v[i]);
    }
    if (s->meta && *s->meta) {
        int ok = json_object_valid(s->meta);
        if (ok < 0) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        if (!ok) return tifa_fail(err, TIFA_EUSAGE, 0, "meta: not a JSON object");
    }
    return TIFA_OK;
}

/* ------------------------------------------------------------- manifests */

typedef struct {
    char *file, *v[5]; /* outlet, url, published, retrieved, meta */
} entry;

struct tifa_manifest {
    entry *e;
    size_t n, cap;
};

void tifa_manifest_free(tifa_manifest *m) {
    if (!m) return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->e[i].file);
        for (int k = 0; k < 5; k++) free(m->e[i].v[k]);
    }
    free(m->e);
    free(m);
}

size_t tifa_manifest_size(const tifa_manifest *m) { return m->n; }

const char *tifa_manifest_entry(const tifa_manifest *m, size_t i, tifa_source *source) {
    if (i >= m->n) return NULL;
    const entry *e = &m->e[i];
    if (source) *source = (tifa_source){e->v[0], e->v[1], e->v[2], e->v[3], e->v[4]};
    return e->file;
}

/* The fields a manifest names, in entry order; anything else is meta. */
static const char *const known[] = {"outlet", "url", "published", "retrieved"};

/* Which known field a column name is: 0..3, 4 for "file", -1 for meta. */
static int field_index(const char *name) {
    if (!strcmp(name, "file")) return 4;
    if (!strcmp(name, "source")) return 0; /* a common name for the outlet */
    for (int i = 0; i < 4; i++)
        if (!strcmp(name, known[i])) return i;
    return -1;
}

static void entry_free(entry *e) {
    free(e->file);
    for (int k = 0; k < 5; k++) free(e->v[k]);
    memset(e, 0, sizeof *e);
}

/* Adds an entry (taking its strings) after checking it; the error names
 * the line. */
static tifa_status add_entry(tifa_manifest *m, entry *e, size_t line, uint64_t pos, tifa_error *err) {
    tifa_status st = TIFA_OK;
    if (!e->file || !*e->file)
        st = tifa_fail(err, TIFA_EINPUT, pos, "line %zu: no \"file\"", line);
    else if (!source_text_valid(e->file))
        st = tifa_fail(err, TIFA_EINPUT, pos, "line %zu: file: a name with control characters or not UTF-8", line);
    if (st == TIFA_OK) {
        tifa_source s = {e->v[0], e->v[1], e->v[2], e->v[3], NULL};
        tifa_error why = {0};
        if (tifa_source_check(&s, &why) != TIFA_OK)
            st = tifa_fail(err, TIFA_EINPUT, pos, "line %zu: %s", line, why.message);
    }
    if (st == TIFA_OK && m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        entry *p = realloc(m->e, cap * sizeof *p);
        if (!p)
            st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        else
            m->e = p, m->cap = cap;
    }
    if (st != TIFA_OK) {
        entry_free(e);
        return st;
    }
    m->e[m->n++] = *e;
    memset(e, 0, sizeof *e);
    return TIFA_OK;
}

static char *dup_text(const unsigned char *s) {
    if (!s) return NULL;
    return strdup((const char *)s);
}

/* One line of JSON Lines: an object whose file, outlet (or source), url,
 * published and retrieved are strings; the rest is meta. The statement's
 * columns: 0 an object?, 1-6 the six values (file, source, outlet, url,
 * published, retrieved), 7-12 their JSON types, 13 the rest. */
static tifa_status jsonl_line(sqlite3_stmt *st, tifa_manifest *m, const char *s, size_t n, size_t line, uint64_t pos,
                              tifa_error *err) {
    static const char *const names[] = {"file", "source", "outlet", "url", "published", "retrieved"};
    sqlite3_reset(st);
    sqlite3_bind_text64(st, 1, s, n, SQLITE_STATIC, SQLITE_UTF8);
    if (sqlite3_step(st) != SQLITE_ROW) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (!sqlite3_column_int(st, 0)) return tifa_fail(err, TIFA_EINPUT, pos, "line %zu: not a JSON object", line);
    for (int k = 0; k < 6; k++) {
        const char *type = (const char *)sqlite3_column_text(st, 7 + k); /* NULL: absent */
        if (type && strcmp(type, "text") != 0 && strcmp(type, "null") != 0)
            return tifa_fail(err, TIFA_EINPUT, pos, "line %zu: %s: a string is needed, not %s", line, names[k], type);
    }
    entry e = {0};
    int oom = 0;
    /* "outlet" wins over "source" when both are given. */
    int from[5] = {1, sqlite3_column_type(st, 3) != SQLITE_NULL ? 3 : 2, 4, 5, 6};
    char **to[5] = {&e.file, &e.v[0], &e.v[1], &e.v[2], &e.v[3]};
    for (int k = 0; k < 5; k++) {
        *to[k] = dup_text(sqlite3_column_text(st, from[k]));
        oom |= sqlite3_column_type(st, from[k]) != SQLITE_NULL && !*to[k];
    }
    const char *meta = (const char *)sqlite3_column_text(st, 13);
    if (meta && strcmp(meta, "{}") != 0) oom |= !(e.v[4] = strdup(meta));
    if (oom) {
        entry_free(&e);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    return add_entry(m, &e, line, pos, err);
}

static int blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

static tifa_status read_jsonl(tifa_manifest *m, const char *b, size_t len, tifa_error *err) {
    static const char *const sql =
        "SELECT json_valid(?1) AND json_type(?1) = 'object',"
        " json_extract(?1, '$.file'), json_extract(?1, '$.source'), json_extract(?1, '$.outlet'),"
        " json_extract(?1, '$.url'), json_extract(?1, '$.published'), json_extract(?1, '$.retrieved'),"
        " json_type(?1, '$.file'), json_type(?1, '$.source'), json_type(?1, '$.outlet'), json_type(?1, '$.url'),"
        " json_type(?1, '$.published'), json_type(?1, '$.retrieved'),"
        " json_remove(?1, '$.file', '$.source', '$.outlet', '$.url', '$.published', '$.retrieved')";
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    tifa_status rs = TIFA_OK;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        rs = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    size_t line = 0;
    for (size_t i = 0; i < len && rs == TIFA_OK;) {
        const char *nl = memchr(b + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - b) : len;
        line++;
        if (!blank(b + i, end - i)) rs = jsonl_line(st, m, b + i, end - i, line, i, err);
        i = end + 1;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rs;
}

/* A CSV record's fields (RFC 4180: "quoted, with "" inside", a newline
 * inside quotes is part of the field; LF or CRLF ends a record). */
typedef struct {
    char **f;
    size_t n, cap;
} record;

static void record_clear(record *r) {
    for (size_t i = 0; i < r->n; i++) free(r->f[i]);
    r->n = 0;
}

static int record_push(record *r, const char *s, size_t n) {
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        char **p = realloc(r->f, cap * sizeof *p);
        if (!p) return -1;
        r->f = p;
        r->cap = cap;
    }
    char *v = malloc(n + 1);
    if (!v) return -1;
    memcpy(v, s, n);
    v[n] = 0;
    r->f[r->n++] = v;
    return 0;
}

/* Reads the record at b[*i]; its fields go to r. 0, -1 out of memory, -2
 * a quote that is never closed, -3 text after a closing quote. *lines
 * counts the line ends passed. */
static int csv_record(const char *b, size_t len, size_t *i, record *r, size_t *lines, sbuf *field) {
    size_t k = *i;
    record_clear(r);
    for (;;) {
        if (k < len && b[k] == '"') {
            sbuf_clear(field); /* a quoted field, its "" made one " */
            k++;
            for (;;) {
                if (k >= len) return -2;
                if (b[k] == '"') {
                    if (k + 1 < len && b[k + 1] == '"') {
                        k++;
                    } else {
                        k++;
                        break;
                    }
                }
                if (b[k] == '\n') (*lines)++;
                if (sbuf_putc(field, b[k++])) return -1;
            }
            if (k < len && b[k] != ',' && b[k] != '\n' && !(b[k] == '\r' && k + 1 < len && b[k + 1] == '\n') &&
                !(b[k] == '\r' && k + 1 == len))
                return -3;
            if (record_push(r, field->len ? field->s : "", field->len)) return -1;
        } else {
            size_t start = k;
            while (k < len && b[k] != ',' && b[k] != '\n') k++;
            size_t end = k;
            if (end > start && b[end - 1] == '\r' && (k == len || b[k] == '\n')) end--;
            if (record_push(r, b + start, end - start)) return -1;
        }
        if (k < len && b[k] == '\r') k++;
        if (k >= len || b[k] == '\n') {
            if (k < len) (*lines)++;
            *i = k + 1;
            return 0;
        }
        k++; /* the comma */
    }
}

/* meta of a CSV record: the columns that are not fields, as a JSON object
 * (empty values left out); NULL when there are none. */
static char *csv_meta(const record *head, const record *r, const int *which, int *oom) {
    jw w;
    jw_init(&w, 0);
    int any = 0;
    jw_obj(&w);
    for (size_t c = 0; c < head->n && c < r->n; c++) {
        if (which[c] >= 0 || !*r->f[c]) continue;
        jw_field(&w, head->f[c], r->f[c]);
        any = 1;
    }
    jw_obj_end(&w);
    if (w.failed) *oom = 1;
    if (!any || w.failed) {
        jw_free(&w);
        return NULL;
    }
    return w.s;
}

static tifa_status csv_error(int rc, size_t line, uint64_t pos, tifa_error *err) {
    if (rc == -1) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return tifa_fail(err, TIFA_EINPUT, pos, "line %zu: %s", line,
                     rc == -2 ? "a quoted field is never closed"
                              : "text after a closing quote (write \"\" for a quote)");
}

static tifa_status read_csv(tifa_manifest *m, const char *b, size_t len, tifa_error *err) {
    record head = {0}, r = {0};
    sbuf field;
    sbuf_init(&field, 0);
    size_t i = 0, lines = 0;
    int *which = NULL;
    if (len >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) i = 3; /* Excel's byte-order mark */
    int rc = csv_record(b, len, &i, &head, &lines, &field);
    tifa_status st = rc ? csv_error(rc, 1, 0, err) : TIFA_OK;
    if (st == TIFA_OK && !(which = malloc((head.n ? head.n : 1) * sizeof *which)))
        st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    int file_col = -1;
    for (size_t c = 0; st == TIFA_OK && c < head.n; c++) {
        which[c] = field_index(head.f[c]);
        if (!source_text_valid(head.f[c]))
            st = tifa_fail(err, TIFA_EINPUT, 0, "line 1: column %zu: a name with control characters or not UTF-8",
                           c + 1);
        for (size_t d = 0; st == TIFA_OK && d < c; d++)
            if (!strcmp(head.f[c], head.f[d]))
                st = tifa_fail(err, TIFA_EINPUT, 0, "line 1: column \"%.100s\" twice", head.f[c]);
        if (which[c] == 4) file_col = (int)c;
    }
    if (st == TIFA_OK && file_col < 0)
        st = tifa_fail(err, TIFA_EINPUT, 0, "line 1: no column \"file\" (the header names the columns)");
    /* "outlet" wins over "source" when both are there. */
    int has_outlet = 0;
    for (size_t c = 0; st == TIFA_OK && c < head.n; c++) has_outlet |= !strcmp(head.f[c], "outlet");
    for (size_t c = 0; st == TIFA_OK && c < head.n; c++)
        if (has_outlet && !strcmp(head.f[c], "source")) which[c] = -1;
    while (st == TIFA_OK && i < len) {
        size_t line = lines + 1, at = i;
        rc = csv_record(b, len, &i, &r, &lines, &field);
        if (rc) {
            st = csv_error(rc, line, at, err);
            break;
        }
        if (r.n == 1 && blank(r.f[0], strlen(r.f[0]))) continue; /* an empty line */
        if (r.n != head.n) {
            st = tifa_fail(err, TIFA_EINPUT, at, "line %zu: %zu fields, the header has %zu", line, r.n, head.n);
            break;
        }
        entry e = {0};
        int oom = 0;
        for (size_t c = 0; c < r.n; c++) {
            if (which[c] < 0 || !*r.f[c]) continue;
            char **slot = which[c] == 4 ? &e.file : &e.v[which[c]];
            free(*slot);
            if (!(*slot = strdup(r.f[c]))) oom = 1;
        }
        e.v[4] = csv_meta(&head, &r, which, &oom);
        if (oom) {
            entry_free(&e);
            st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        } else {
            st = add_entry(m, &e, line, at, err);
        }
    }
    record_clear(&head);
    record_clear(&r);
    free(head.f);
    free(r.f);
    sbuf_free(&field);
    free(which);
    return st;
}

/* The offset of the first byte that is not valid UTF-8, or a NUL; len
 * when there is none. */
static size_t not_utf8(const char *s, size_t len) {
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t step = u8_strict((const unsigned char *)s + i, len - i, &cp);
        if (!step || cp == 0) return i;
        i += step;
    }
    return len;
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

tifa_status tifa_manifest_read(const char *name, const char *bytes, size_t len, tifa_manifest **out, tifa_error *err) {
    *out = NULL;
    tifa_manifest *m = calloc(1, sizeof *m);
    if (!m) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    size_t k = 0;
    while (k < len && (bytes[k] == ' ' || bytes[k] == '\n' || bytes[k] == '\r' || bytes[k] == '\t')) k++;
    int csv = name && ends_with(name, ".csv")                                                                 ? 1
              : name && (ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".json")) ? 0
                                                                                                              : -1;
    if (csv < 0) csv = !(k < len && bytes[k] == '{');
    size_t bad = not_utf8(bytes, len);
    if (bad < len) {
        size_t line = 1;
        for (size_t i = 0; i < bad; i++) line += bytes[i] == '\n';
        tifa_manifest_free(m);
        return tifa_fail(err, TIFA_EINPUT, bad, "line %zu: %s: a manifest is UTF-8 text", line,
                         bytes[bad] ? "not UTF-8" : "a NUL byte");
    }
    tifa_status st = csv ? read_csv(m, bytes, len, err) : read_jsonl(m, bytes, len, err);
    if (st == TIFA_OK && m->n == 0) st = tifa_fail(err, TIFA_EINPUT, 0, "no entries: a manifest names files");
    if (st != TIFA_OK) {
        tifa_manifest_free(m);
        return st;
    }
    *out = m;
    return TIFA_OK;
}
