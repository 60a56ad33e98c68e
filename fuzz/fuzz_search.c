/*
 * fuzz_search: the corpus's search, list and trend (and so the "tifa" FTS5
 * tokenizer in query mode) on arbitrary queries and filters.
 *
 * Once per process a corpus is made in a temporary directory ($TMPDIR, else
 * /dev/shm, else /tmp; removed at exit, left behind when a check fails)
 * and five short
 * readout-like documents are added (traditional script with pinyin
 * annotations, portal boilerplate, hard line breaks, Latin words and
 * numbers). Each input is split as
 *   byte 0   limit = byte % 51 (0: no limit)
 *   byte 1   bits 0-3: use the from / to / org / meeting field (when
 *            given); bit 4: trend by month; bit 5: also add the input to a
 *            scratch corpus; bits 6-7: offset - 1 (-1 .. 2)
 *   rest     query NUL from NUL to NUL org NUL meeting (missing: NULL)
 * and then:
 *  - tifa_corpus_search with the query and the filter, tifa_corpus_list
 *    with the filter, tifa_corpus_search with the whole input as the query
 *    (NUL bytes read as spaces), tifa_corpus_trend with the whole input and
 *    the query as terms. Each returns TIFA_OK or an error with a non-empty
 *    message (an empty query: TIFA_EUSAGE);
 *  - every hit has an id > 0, strings that are valid UTF-8, a snippet whose
 *    « » markers alternate and close, a date within the from / to bounds,
 *    an org / meeting when those filter; search hits are first copies;
 *  - the number of search hits is what total, limit and offset say; the
 *    unfiltered list holds every stored document within limit and offset;
 *  - trend rows come period by period (ascending), the terms in the order
 *    given, with 0 <= documents <= occurrences, documents <= dated (the
 *    period's denominator) <= the stored first copies, 0 <= undated;
 *  - with bit 5, the input is added to a fresh corpus (":memory:"): TIFA_OK,
 *    added (or refused with a message, nothing stored: empty, binary, no
 *    text); again: identical, the same id; tifa_corpus_get gives back the same raw
 *    bytes and a valid UTF-8 clean text; searching for its first Han
 *    characters (document-mode tokenizer on arbitrary clean text) finds it.
 *
 *   make build/fuzz-search
 *   mkdir -p build/fuzz-corpus/search
 *   ./build/fuzz-search -max_total_time=60 -max_len=4096 build/fuzz-corpus/search fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tifa.h"
#include "fuzz_common.h"

/* ------------------------------------------------------------ the seeds */

static const char *const seeds[5] = {
    /* traditional script with pinyin annotations, numbers and Latin */
    "1月(yue)5日,2025年(nian)國(guo)防科技工業(ye)工作會議(yi)在京召開(kai)"
    "。會議堅持以新時代中國特色社會主義思想為指導,"
    "總結2024年工作,部署2025年重點任務,加快推動國防科技工業高質量發展。\n"
    "會議指出,2024年全系統錨定建軍一百年奮斗目標,完成“十四五”規劃主要任務,C919和5G項目取得新進展。\n",
    /* portal boilerplate around a simplified readout */
    "网易首页 > 网易号 > 正文 申请入驻\n\n2026年国防科技工业工作会议在京召开\n\n"
    "2026年国防科技工业工作会议1月7日在京召开。会议全面贯彻党的二十大和二十届历次全会精神,"
    "总结2025年和“十四五”工作,明确“十五五”形势目标任务,部署2026年重点工作。\n"
    "会议指出,一年来,全行业深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、"
    "做到“两个维护”。\n",
    /* traditional with tone-marked pinyin */
    "2022年12月29日,工業(yè)和信息化部黨組書記、部長金壯龍主持召開務(wù)虛會,深入學習貫徹黨的二十大精神"
    "和中央經(jīng)濟工作會議精神,研討2023年工作。\n"
    "大家一致表示,要加快建設(shè)制造強國和網(wǎng)絡(luò)強國,到2035年基本實現(xiàn)新型工業(yè)化,"
    "推進AI and Big Data應用。\n",
    /* a scanned page: hard line breaks, full-width spaces and digits */
    " 全国科技工作会议在京召开\n 新华社北京1月13日电 全国\n\n科技工作会议 13 日在京召开。\n\n"
    "中共中央政治局常委、中央科技\n\n委员会主任丁薛祥出席会议并\n\n讲话。丁薛祥指出，党的二十大明\n\n"
    "确提出 ２０３５ 年建成科技强国，\n\n要深刻领悟“两个确立”的决\n\n定性意义。\n",
    /* Latin words, numbers and symbols */
    "2023年3月15日，国务院常务会议召开。会议研究部署数字经济发展，强调要推进“东数西算”工程，"
    "提升GDP增速6.5%的质量，支持R&D投入和Web 3.0等新技术。\n"
    "会议指出，要坚持稳中求进工作总基调，统筹发展和安全。\n",
};

static char tmpdir[64];
static char dbpath[128];
static tifa_corpus *corpus;
static int64_t ndocs, nfirst; /* stored documents, of them first copies */

static void remove_db(const char *path) {
    char p[160];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-journal", path);
    unlink(p);
}

static void cleanup(void) {
    if (corpus) tifa_corpus_close(corpus);
    corpus = NULL;
    remove_db(dbpath);
    rmdir(tmpdir);
}

static void die_status(const char *what, tifa_status st, const tifa_error *err) {
    fprintf(stderr, "fuzz_search: %s failed (%d): %s\n", what, (int)st, err->message);
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    /* Memory-backed when possible: SQLite syncs at every checkpoint. */
    const char *t = getenv("TMPDIR");
    if (!t || !*t || strlen(t) >= 32) t = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(tmpdir, sizeof tmpdir, "%s/fuzz-search-XXXXXX", t);
    REQUIRE(mkdtemp(tmpdir) != NULL);
    snprintf(dbpath, sizeof dbpath, "%s/corpus.db", tmpdir);
    atexit(cleanup);
    tifa_error err = {0};
    tifa_status st = tifa_corpus_open(dbpath, 0, &corpus, &err);
    if (st != TIFA_OK) die_status("tifa_corpus_open", st, &err);
    for (int i = 0; i < 5; i++) {
        char name[32];
        snprintf(name, sizeof name, "seed%d.txt", i);
        tifa_add_result res;
        int64_t id;
        st = tifa_corpus_add(corpus, name, seeds[i], strlen(seeds[i]), &res, &id, &err);
        if (st != TIFA_OK) die_status("tifa_corpus_add", st, &err);
        REQUIRE(id > 0);
        REQUIRE(res == TIFA_ADDED || res == TIFA_NEAR_DUPLICATE);
        ndocs++;
        if (res == TIFA_ADDED) nfirst++;
    }
    /* No terms: no rows, no error. */
    st = tifa_corpus_trend(corpus, NULL, 0, 0, NULL, NULL, &err);
    if (st != TIFA_OK) die_status("tifa_corpus_trend with no terms", st, &err);
    return 0;
}

/* ----------------------------------------------------------------- checks */

static void dump_input(const uint8_t *in, size_t n) {
    fprintf(stderr, "  input (%zu bytes):", n);
    for (size_t i = 0; i < n && i < 512; i++) fprintf(stderr, " %02x", in[i]);
    fputc('\n', stderr);
}

static const uint8_t *cur_in;
static size_t cur_len;

#define CHECK(cond, ...)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "fuzz_search: check failed: %s: ", #cond);                                                 \
            fprintf(stderr, __VA_ARGS__);                                                                              \
            fputc('\n', stderr);                                                                                       \
            dump_input(cur_in, cur_len);                                                                               \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

static int valid_str(const char *s) { return !s || fz_valid_utf8((const unsigned char *)s, strlen(s), 0); }

/* « (C2 AB) and » (C2 BB) alternate, starting with «, and end closed. */
static int balanced_markers(const char *s) {
    int open = 0;
    for (const char *p = s; *p; p++) {
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xAB) {
            if (open) return 0;
            open = 1;
        } else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xBB) {
            if (!open) return 0;
            open = 0;
        }
    }
    return !open;
}

typedef struct {
    const tifa_filter *f;
    int search;      /* hits of a search (first copies only, snippets) */
    int check_marks; /* the documents hold no « » of their own */
    int64_t want_id; /* > 0: remember whether this id was hit */
    int found;
    int64_t n;
} hit_ctx;

static int on_hit(void *user, const tifa_hit *h) {
    hit_ctx *c = user;
    const tifa_filter *f = c->f;
    c->n++;
    CHECK(h != NULL, "NULL hit");
    CHECK(h->id > 0, "id %lld", (long long)h->id);
    if (c->search)
        CHECK(h->duplicate_of == 0, "search hit %lld is a duplicate of %lld", (long long)h->id,
              (long long)h->duplicate_of);
    else
        CHECK(h->duplicate_of >= 0 && h->duplicate_of < h->id, "document %lld a duplicate of %lld", (long long)h->id,
              (long long)h->duplicate_of);
    const char *strs[6] = {h->file, h->date, h->meeting, h->org, h->title, h->snippet};
    for (int i = 0; i < 6; i++)
        CHECK(valid_str(strs[i]), "hit %lld: string %d is not valid UTF-8", (long long)h->id, i);
    if (c->search && c->check_marks && h->snippet)
        CHECK(balanced_markers(h->snippet), "hit %lld: unbalanced markers in snippet \"%s\"", (long long)h->id,
              h->snippet);
    if (!c->search) CHECK(h->snippet == NULL, "list gives a snippet");
    if (f && f->from)
        CHECK(h->date && strcmp(h->date, f->from) >= 0, "date %s before from %s", h->date ? h->date : "(null)",
              f->from);
    if (f && f->to) {
        /* date <= to || '~' */
        CHECK(h->date, "no date with to %s", f->to);
        size_t tl = strlen(f->to);
        int cmp = strncmp(h->date, f->to, tl);
        CHECK(cmp < 0 || (cmp == 0 && strcmp(h->date + tl, "~") <= 0), "date %s after to %s", h->date, f->to);
    }
    if (f && f->org) CHECK(h->org != NULL, "no org with the org filter");
    if (f && f->meeting) CHECK(h->meeting != NULL, "no meeting with the meeting filter");
    if (c->want_id && h->id == c->want_id) c->found = 1;
    return 0;
}

static void require_error_message(const char *what, tifa_status st, const tifa_error *err) {
    if (st == TIFA_OK) return;
    CHECK(st >= TIFA_EINPUT && st <= TIFA_ESINK, "%s: status %d", what, (int)st);
    CHECK(err->message[0] != 0, "%s: error %d without a message", what, (int)st);
    CHECK(memchr(err->message, 0, sizeof err->message) != NULL, "%s: message not terminated", what);
}

/* Search; returns the status; checks the hit count against total. */
static tifa_status search(tifa_corpus *c, const char *q, const tifa_filter *f, hit_ctx *hc) {
    tifa_error err;
    memset(&err, 0, sizeof err);
    int64_t total = -1;
    hc->n = 0;
    hc->f = f;
    hc->search = 1;
    tifa_status st = tifa_corpus_search(c, q, f, on_hit, hc, &total, &err);
    require_error_message("tifa_corpus_search", st, &err);
    if (!*q) CHECK(st == TIFA_EUSAGE, "empty query gives %d", (int)st);
    if (st == TIFA_OK) {
        CHECK(total >= 0, "total %lld", (long long)total);
        int64_t off = f && f->offset > 0 ? f->offset : 0;
        int64_t want = total > off ? total - off : 0;
        if (f && f->limit > 0 && want > f->limit) want = f->limit;
        CHECK(hc->n == want, "query \"%s\": %lld hits, total %lld, limit %d, offset %d", q, (long long)hc->n,
              (long long)total, f ? f->limit : 0, f ? f->offset : 0);
    } else {
        CHECK(hc->n == 0 || st != TIFA_EUSAGE, "hits before a usage error");
    }
    return st;
}

typedef struct {
    const char *const *terms;
    int nterms;
    int64_t rows;
    char last_period[16];
    int64_t max_docs;
} trend_ctx;

static int on_trend(void *user, const tifa_trend_row *r) {
    trend_ctx *t = user;
    int k = (int)(t->rows % t->nterms);
    CHECK(r->term == t->terms[k], "row %lld: term %d out of order", (long long)t->rows, k);
    CHECK(r->period != NULL && valid_str(r->period) && strlen(r->period) <= 7, "bad period");
    if (k == 0) {
        CHECK(t->rows == 0 || strcmp(r->period, t->last_period) > 0, "period %s after %s", r->period, t->last_period);
        snprintf(t->last_period, sizeof t->last_period, "%s", r->period);
    } else {
        CHECK(strcmp(r->period, t->last_period) == 0, "period changes within a row group: %s, %s", r->period,
              t->last_period);
    }
    CHECK(r->documents >= 0 && r->documents <= r->occurrences, "documents %lld, occurrences %lld",
          (long long)r->documents, (long long)r->occurrences);
    CHECK(r->documents <= t->max_docs, "documents %lld of %lld", (long long)r->documents, (long long)t->max_docs);
    CHECK(r->documents <= r->dated && r->dated <= t->max_docs, "documents %lld, dated %lld", (long long)r->documents,
          (long long)r->dated);
    CHECK(r->undated >= 0 && r->undated <= t->max_docs, "undated %lld", (long long)r->undated);
    t->rows++;
    return 0;
}

static void trend(tifa_corpus *c, const char *const *terms, int nterms, int by_month, int64_t max_docs) {
    tifa_error err;
    memset(&err, 0, sizeof err);
    trend_ctx t = {terms, nterms, 0, "", max_docs};
    tifa_status st = tifa_corpus_trend(c, terms, nterms, by_month ? TIFA_TREND_BY_MONTH : 0, on_trend, &t, &err);
    require_error_message("tifa_corpus_trend", st, &err);
    int empty = 0;
    for (int i = 0; i < nterms; i++) empty |= !*terms[i];
    /* A term that is not empty cannot fail for want of memory here. */
    if (!empty)
        CHECK(st == TIFA_OK, "trend failed (%d): %s", (int)st, err.message);
    else
        CHECK(st == TIFA_EUSAGE, "empty term gives %d: %s", (int)st, err.message);
    CHECK(t.rows % nterms == 0, "%lld rows for %d terms", (long long)t.rows, nterms);
}

/* The first (up to) two Han characters in a row of text, quoted. */
static int is_han(uint32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3134F) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

static size_t decode(const unsigned char *s, uint32_t *cp) { /* s is valid UTF-8 */
    if (s[0] < 0x80) return *cp = s[0], 1;
    if (s[0] < 0xE0) return *cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F), 2;
    if (s[0] < 0xF0) return *cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F), 3;
    *cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    return 4;
}

static int han_query(const char *clean, char *q, size_t cap) {
    const unsigned char *s = (const unsigned char *)clean;
    size_t i = 0, k = 0;
    int n = 0;
    while (s[i]) {
        uint32_t cp;
        size_t len = decode(s + i, &cp);
        if (is_han(cp)) {
            if (n == 0) q[k++] = '"';
            if (k + len + 2 > cap) break;
            memcpy(q + k, s + i, len);
            k += len;
            if (++n == 2) break;
        } else if (n) {
            break;
        }
        i += len;
    }
    if (!n) return 0;
    q[k++] = '"';
    q[k] = 0;
    return 1;
}

/* The input as a document of a fresh corpus, in memory (no WAL there, but
 * the same schema, tokenizer and queries; three times cheaper to make). */
static void scratch(const uint8_t *data, size_t size, const char *raw_q) {
    tifa_corpus *c;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_open(":memory:", 0, &c, &err);
    if (st != TIFA_OK) die_status("tifa_corpus_open (scratch)", st, &err);
    tifa_add_result res;
    int64_t id, id2;
    st = tifa_corpus_add(c, "fuzz.txt", (const char *)data, size, &res, &id, &err);
    /* Bytes that are no document (empty, binary, no text once cleaned)
     * are refused, said so, and nothing is stored. */
    if (st == TIFA_EINPUT) {
        CHECK(err.message[0] != 0, "a refusal without a message");
        hit_ctx none = {.want_id = 0};
        tifa_error lerr = {0};
        st = tifa_corpus_list(c, NULL, on_hit, &none, &lerr);
        CHECK(st == TIFA_OK && none.n == 0, "refused, yet listed (%d, %lld)", (int)st, (long long)none.n);
        tifa_corpus_close(c);
        return;
    }
    CHECK(st == TIFA_OK, "add failed (%d): %s", (int)st, err.message);
    CHECK(res == TIFA_ADDED && id > 0, "add: result %d, id %lld", (int)res, (long long)id);
    st = tifa_corpus_add(c, "again.txt", (const char *)data, size, &res, &id2, &err);
    CHECK(st == TIFA_OK, "second add failed (%d): %s", (int)st, err.message);
    CHECK(res == TIFA_IDENTICAL && id2 == id, "second add: result %d, id %lld (first %lld)", (int)res, (long long)id2,
          (long long)id);
    char *clean = NULL, *raw = NULL, *record = NULL, *file = NULL;
    size_t raw_len = 0;
    st = tifa_corpus_get(c, id, &record, &clean, &raw, &raw_len, &file, &err);
    CHECK(st == TIFA_OK, "get failed (%d): %s", (int)st, err.message);
    CHECK(raw_len == size && (size == 0 || memcmp(raw, data, size) == 0), "raw bytes differ (%zu of %zu)", raw_len,
          size);
    CHECK(fz_valid_utf8((const unsigned char *)clean, strlen(clean), 0), "clean text not valid UTF-8");
    CHECK(file && strcmp(file, "fuzz.txt") == 0, "file %s", file ? file : "(null)");
    CHECK(record && record[0] == '{', "record");
    st = tifa_corpus_get(c, id + 1, NULL, NULL, NULL, NULL, NULL, &err);
    CHECK(st == TIFA_EINPUT && err.message[0], "get of a missing id gives %d", (int)st);

    int marks = strstr(clean, "\xc2\xab") == NULL && strstr(clean, "\xc2\xbb") == NULL;
    hit_ctx hc = {.check_marks = marks, .want_id = id};
    char q[32];
    if (han_query(clean, q, sizeof q)) {
        st = search(c, q, NULL, &hc);
        CHECK(st == TIFA_OK && hc.found, "query %s does not find its document (%d)", q, (int)st);
    }
    hc.found = 0;
    search(c, raw_q, NULL, &hc);

    tifa_error lerr = {0};
    hit_ctx lc = {.want_id = id};
    st = tifa_corpus_list(c, NULL, on_hit, &lc, &lerr);
    CHECK(st == TIFA_OK && lc.n == 1 && lc.found, "list of the scratch corpus: %d, %lld hits", (int)st,
          (long long)lc.n);
    tifa_free(clean);
    tifa_free(raw);
    tifa_free(record);
    tifa_free(file);
    tifa_corpus_close(c);
}

/* Undefined behaviour is a finding, as in the project's sanitizer build. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cur_in = data;
    cur_len = size;
    uint8_t b0 = size > 0 ? data[0] : 0, b1 = size > 1 ? data[1] : 0;
    size_t rest = size > 2 ? size - 2 : 0;
    const uint8_t *body = data + (size - rest);

    /* Fields: query NUL from NUL to NUL org NUL meeting. */
    char *buf = malloc(rest + 1);
    REQUIRE(buf != NULL);
    if (rest) memcpy(buf, body, rest);
    buf[rest] = 0;
    char *fields[5] = {buf, NULL, NULL, NULL, NULL};
    size_t nf = 1;
    for (size_t i = 0; i < rest && nf < 5; i++)
        if (buf[i] == 0) fields[nf++] = buf + i + 1;

    tifa_filter f;
    memset(&f, 0, sizeof f);
    f.limit = b0 % 51;
    f.offset = (b1 >> 6) - 1;
    if (b1 & 1) f.from = fields[1];
    if (b1 & 2) f.to = fields[2];
    if (b1 & 4) f.org = fields[3];
    if (b1 & 8) f.meeting = fields[4];
    int by_month = (b1 >> 4) & 1;

    /* Search with the query and the filter. */
    hit_ctx hc = {.check_marks = 1};
    search(corpus, fields[0], &f, &hc);

    /* List with the filter. */
    tifa_error err;
    memset(&err, 0, sizeof err);
    hit_ctx lc = {.f = &f};
    tifa_status st = tifa_corpus_list(corpus, &f, on_hit, &lc, &err);
    CHECK(st == TIFA_OK, "list failed (%d): %s", (int)st, err.message);
    if (!f.from && !f.to && !f.org && !f.meeting) {
        int64_t off = f.offset > 0 ? f.offset : 0;
        int64_t want = ndocs > off ? ndocs - off : 0;
        if (f.limit > 0 && want > f.limit) want = f.limit;
        CHECK(lc.n == want, "list: %lld of %lld documents, limit %d, offset %d", (long long)lc.n, (long long)ndocs,
              f.limit, f.offset);
    }

    /* The whole input as a query (no filter) and as a trend term. */
    char *raw = malloc(size + 1);
    REQUIRE(raw != NULL);
    for (size_t i = 0; i < size; i++) raw[i] = data[i] ? (char)data[i] : ' ';
    raw[size] = 0;
    hit_ctx rc = {.check_marks = 1};
    search(corpus, raw, NULL, &rc);
    const char *terms[2] = {raw, fields[0]};
    trend(corpus, terms, *fields[0] ? 2 : 1, by_month, nfirst);

    if (b1 & 0x20) scratch(data, size, raw);

    free(raw);
    free(buf);
    return 0;
}
