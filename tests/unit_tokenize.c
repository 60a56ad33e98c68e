/* Tests of the "tifa" FTS5 tokenizer (src/tokenize.c): the token stream
 * itself, real MATCH queries on an in-memory table, highlight(), a
 * comparison with SQLite's trigram tokenizer, and arbitrary bytes.
 * Prints `ok - ...` / `not ok - ...` and `N passed, M failed`. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "convert.h"
#include "tokenize.h"
#include "utf8.h"

static int passed, failed;

static void report(int ok, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("%s - ", ok ? "ok" : "not ok");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (ok)
        passed++;
    else
        failed++;
}

static void expect_str(const char *what, const char *got, const char *want) {
    int ok = got && strcmp(got, want) == 0;
    report(ok, "%s", what);
    if (!ok) printf("#   got  %s\n#   want %s\n", got ? got : "(null)", want);
}

/* ------------------------------------------------------------ a growing string */

typedef struct {
    char *p;
    size_t len, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) abort();
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void sb_printf(sbuf *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) abort();
    sb_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ------------------------------------------------------------ the tokenizer directly */

static fts5_api *api_of(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

static fts5_tokenizer tok_methods;
static Fts5Tokenizer *tok;

/* Collects tokens as `text[start,end)`, a `~` before a colocated one. */
typedef struct {
    sbuf out;
    int count, colocated, stop_after;
} collect_ctx;

static int collect_cb(void *ctx, int tflags, const char *token, int len, int start, int end) {
    collect_ctx *c = ctx;
    if (c->out.len) sb_add(&c->out, " ", 1);
    if (tflags & FTS5_TOKEN_COLOCATED) sb_add(&c->out, "~", 1);
    sb_add(&c->out, token, (size_t)len);
    sb_printf(&c->out, "[%d,%d)", start, end);
    c->count++;
    if (tflags & FTS5_TOKEN_COLOCATED) c->colocated++;
    if (c->stop_after && c->count >= c->stop_after) return SQLITE_ABORT;
    return SQLITE_OK;
}

/* The token stream of text in mode flags, as a string (caller frees). */
static char *tokens(int flags, const char *text, int len) {
    collect_ctx c;
    memset(&c, 0, sizeof c);
    sb_add(&c.out, "", 0);
    int rc = tok_methods.xTokenize(tok, &c, flags, text, len < 0 ? (int)strlen(text) : len, collect_cb);
    if (rc != SQLITE_OK) sb_printf(&c.out, " rc=%d", rc);
    return c.out.p;
}

static void check_tokens(const char *what, int flags, const char *text, const char *want) {
    char *got = tokens(flags, text, -1);
    expect_str(what, got, want);
    free(got);
}

/* Invariants for any input: offsets inside the text and in order, no empty
 * token, no colocated first token, token text valid UTF-8 of bounded size. */
typedef struct {
    int len, count, last_start, bad;
    char why[128];
} inv_ctx;

static int inv_cb(void *ctx, int tflags, const char *token, int len, int start, int end) {
    inv_ctx *c = ctx;
    if (c->bad) return SQLITE_OK;
    const char *why = NULL;
    if (len <= 0 || len > 128)
        why = "token length";
    else if (start < 0 || end > c->len || start >= end)
        why = "offsets outside the text";
    else if (start < c->last_start)
        why = "offsets out of order";
    else if (c->count == 0 && (tflags & FTS5_TOKEN_COLOCATED))
        why = "colocated first token";
    else {
        for (int i = 0; i < len;) {
            uint32_t cp;
            size_t n = u8_decode((const unsigned char *)token + i, (size_t)(len - i), &cp);
            if (cp == 0xFFFD) {
                why = "token not valid UTF-8";
                break;
            }
            i += (int)n;
        }
    }
    if (why) {
        c->bad = 1;
        snprintf(c->why, sizeof c->why, "%s (token %d, [%d,%d))", why, c->count, start, end);
    }
    c->last_start = start;
    c->count++;
    return SQLITE_OK;
}

static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;
static unsigned rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state >> 32);
}

/* Random text: bytes, or pieces of Han, Latin, full-width and broken UTF-8. */
static int random_text(char *buf, int cap) {
    static const char *pieces[] = {"会",           "議", "两",       "个",   "ＧＤＰ",   "Ab",       "7",
                                   "，",           " ",  "\xff",     "\x80", "\xe4\xbd", "\xf0\x9f", "〇",
                                   "\xed\xa0\x80", "𠀀", "\xc0\xaf", "Ｚ９", "\0",       "."};
    int len = 0, mode = (int)(rnd() % 3), target = (int)(rnd() % (unsigned)cap);
    while (len < target) {
        if (mode == 0) {
            buf[len++] = (char)(rnd() & 0xFF);
        } else {
            const char *p = pieces[rnd() % (sizeof pieces / sizeof *pieces)];
            size_t n = p[0] ? strlen(p) : 1;
            if (len + (int)n > cap) break;
            memcpy(buf + len, p, n);
            len += (int)n;
        }
    }
    return len;
}

static void test_token_stream(void) {
    check_tokens("empty text gives no tokens", FTS5_TOKENIZE_DOCUMENT, "", "");
    check_tokens("only separators give no tokens", FTS5_TOKENIZE_DOCUMENT, "，。 ！\t\n()", "");
    check_tokens("document: unigrams, bigrams colocated", FTS5_TOKENIZE_DOCUMENT, "会议指出",
                 "会[0,3) ~会议[0,6) 议[3,6) ~议指[3,9) 指[6,9) ~指出[6,12) 出[9,12)");
    check_tokens("query: one character is its unigram", FTS5_TOKENIZE_QUERY, "会", "会[0,3)");
    check_tokens("query: bigrams, then the last character", FTS5_TOKENIZE_QUERY, "会议指出",
                 "会议[0,6) 议指[3,9) 指出[6,12) 出[9,12)");
    check_tokens("query with prefix flag: same tokens", FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, "会", "会[0,3)");
    check_tokens("aux tokenization equals document", FTS5_TOKENIZE_AUX, "会议", "会[0,3) ~会议[0,6) 议[3,6)");
    check_tokens("traditional folded, offsets of the original", FTS5_TOKENIZE_DOCUMENT, "會議",
                 "会[0,3) ~会议[0,6) 议[3,6)");
    check_tokens("full-width ASCII and case folded", FTS5_TOKENIZE_DOCUMENT, "ＧＤＰ增长Gdp",
                 "gdp[0,9) 增[9,12) ~增长[9,15) 长[12,15) gdp[15,18)");
    check_tokens("numbers are one token; punctuation separates", FTS5_TOKENIZE_DOCUMENT, "2035年GDP增长5.2%",
                 "2035[0,4) 年[4,7) gdp[7,10) 增[10,13) ~增长[10,16) 长[13,16) 5[16,17) 2[18,19)");
    check_tokens("a comma ends a Han run (no bigram across it)", FTS5_TOKENIZE_DOCUMENT, "会，议", "会[0,3) 议[6,9)");
    check_tokens("query: runs separated by a space", FTS5_TOKENIZE_QUERY, "中国 经济",
                 "中国[0,6) 国[3,6) 经济[7,13) 济[10,13)");
    check_tokens("invalid bytes separate, truncated sequence skipped", FTS5_TOKENIZE_DOCUMENT, "\xff会\x80议\xe4\xbd",
                 "会[1,4) 议[5,8)");
    check_tokens("surrogates and overlong forms are separators", FTS5_TOKENIZE_DOCUMENT,
                 "a\xed\xa0\x80"
                 "b\xc0\xaf"
                 "c",
                 "a[0,1) b[4,5) c[7,8)");
    check_tokens("ling (〇) and extension B are Han", FTS5_TOKENIZE_DOCUMENT, "二〇𠀀",
                 "二[0,3) ~二〇[0,6) 〇[3,6) ~〇𠀀[3,10) 𠀀[6,10)");

    /* An embedded NUL is a separator, not the end of the text. */
    {
        char *got = tokens(FTS5_TOKENIZE_DOCUMENT, "ab\0cd", 5);
        expect_str("embedded NUL separates", got, "ab[0,2) cd[3,5)");
        free(got);
    }

    /* A Latin run longer than the token limit: one token, cut text, whole offsets. */
    {
        int n = 10000;
        char *s = malloc((size_t)n + 1);
        memset(s, 'A', (size_t)n);
        s[n] = 0;
        char *got = tokens(FTS5_TOKENIZE_DOCUMENT, s, n);
        char want[200];
        memset(want, 'a', 128);
        snprintf(want + 128, sizeof want - 128, "[0,%d)", n);
        expect_str("a 10,000-letter run is one token cut at 128 bytes", got, want);
        free(got);
        free(s);
    }

    /* A long Han run: 2n-1 document tokens, n query tokens, no allocation. */
    {
        int n = 200000;
        char *s = malloc((size_t)n * 3 + 1);
        for (int i = 0; i < n; i++) memcpy(s + 3 * i, i % 2 ? "议" : "会", 3);
        collect_ctx c;
        memset(&c, 0, sizeof c);
        int rc = tok_methods.xTokenize(tok, &c, FTS5_TOKENIZE_DOCUMENT, s, n * 3, collect_cb);
        report(rc == SQLITE_OK && c.count == 2 * n - 1 && c.colocated == n - 1,
               "a 200,000-character Han run: %d tokens, %d colocated", c.count, c.colocated);
        free(c.out.p);
        memset(&c, 0, sizeof c);
        rc = tok_methods.xTokenize(tok, &c, FTS5_TOKENIZE_QUERY, s, n * 3, collect_cb);
        report(rc == SQLITE_OK && c.count == n && c.colocated == 0, "the same run as a query: %d tokens", c.count);
        free(c.out.p);
        free(s);
    }

    /* An error from xToken stops tokenization and is returned. */
    {
        collect_ctx c;
        memset(&c, 0, sizeof c);
        c.stop_after = 2;
        int rc = tok_methods.xTokenize(tok, &c, FTS5_TOKENIZE_DOCUMENT, "会议指出 abc", -1 + (int)sizeof "会议指出 abc",
                                       collect_cb);
        report(rc == SQLITE_ABORT && c.count == 2, "an xToken error stops at once and is returned (rc=%d, %d tokens)",
               rc, c.count);
        free(c.out.p);
    }

    /* Arbitrary bytes in every mode. */
    {
        static char buf[4096];
        int bad = 0;
        char why[200] = "";
        const int modes[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                             FTS5_TOKENIZE_AUX};
        for (int i = 0; i < 20000 && !bad; i++) {
            int len = random_text(buf, (int)sizeof buf);
            for (size_t m = 0; m < sizeof modes / sizeof *modes && !bad; m++) {
                inv_ctx c;
                memset(&c, 0, sizeof c);
                c.len = len;
                int rc = tok_methods.xTokenize(tok, &c, modes[m], buf, len, inv_cb);
                if (rc != SQLITE_OK || c.bad) {
                    bad = 1;
                    snprintf(why, sizeof why, "input %d mode %d: rc=%d %s", i, modes[m], rc, c.why);
                }
            }
        }
        report(!bad, "20,000 random inputs in 4 modes keep the invariants%s%s", bad ? ": " : "", why);
    }
}

/* ------------------------------------------------------------ queries */

static const char *rows[] = {
    /* 1 */ "会议指出，要坚持稳中求进工作总基调。",
    /* 2 */ "中共中央政治局召开会议，强调要深刻领悟“两个确立”的决定性意义。",
    /* 3 */ "国务院常务会议研究部署稳经济一揽子政策措施。",
    /* 4 */ "座谈会上，与会代表围绕高质量发展建言献策。",
    /* 5 */ "习近平在座谈时强调，要推动经济实现质的有效提升。",
    /* 6 */ "到2035年基本实现社会主义现代化，GDP增长5.2%，Ｍ２余额稳定。",
    /* 7 */ "國務院會議指出，要加強基礎設施建設。",
    /* 8 */ "全面建成小康社会，开启全面建设社会主义现代化国家新征程。",
    /* 9 */ "两个确立是新时代最重大的政治成果。",
    /* 10 */ "要加强党的全面领导，确保做到两个维护。",
    /* 11 */ "各地传达学习会议精神，指出要抓好落实。",
};
#define NROWS ((int)(sizeof rows / sizeof *rows))

/* The rowids table MATCHes query, as "1,2,3"; "ERROR: ..." on an error. */
static char *match_rows(sqlite3 *db, const char *table, const char *query) {
    sbuf b = {0};
    sb_add(&b, "", 0);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid", table, table);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (b.len) sb_add(&b, ",", 1);
            sb_printf(&b, "%lld", (long long)sqlite3_column_int64(st, 0));
        }
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK) {
        b.len = 0;
        sb_printf(&b, "ERROR: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return b.p;
}

static void check_match(sqlite3 *db, const char *query, const char *want) {
    char *got = match_rows(db, "t", query);
    char what[256];
    snprintf(what, sizeof what, "MATCH '%s' finds rows {%s}", query, want);
    expect_str(what, got, want);
    free(got);
}

static char *one_string(sqlite3 *db, const char *sql, const char *arg) {
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (arg) sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) {
            const char *s = (const char *)sqlite3_column_text(st, 0);
            out = malloc(strlen(s) + 1);
            strcpy(out, s);
        }
    }
    if (!out) {
        const char *e = sqlite3_errmsg(db);
        out = malloc(strlen(e) + 8);
        sprintf(out, "ERROR: %s", e);
    }
    sqlite3_finalize(st);
    return out;
}

static void check_highlight(sqlite3 *db, int rowid, const char *query, const char *want) {
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1 AND rowid = %d", rowid);
    char *got = one_string(db, sql, query);
    char what[256];
    snprintf(what, sizeof what, "highlight of '%s' in row %d", query, rowid);
    expect_str(what, got, want);
    free(got);
}

static int exec(sqlite3 *db, const char *sql) {
    char *err = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    if (rc != SQLITE_OK) printf("# %s: %s\n", sql, err ? err : "?");
    sqlite3_free(err);
    return rc;
}

static int insert_rows(sqlite3 *db, const char *table) {
    char sql[96];
    snprintf(sql, sizeof sql, "INSERT INTO %s(rowid, body) VALUES (?1, ?2)", table);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    for (int i = 0; i < NROWS && rc == SQLITE_OK; i++) {
        sqlite3_bind_int(st, 1, i + 1);
        sqlite3_bind_text(st, 2, rows[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

static void test_queries(sqlite3 *db) {
    check_match(db, "会", "1,2,3,4,6,7,8,11");
    check_match(db, "会议", "1,2,3,7,11");
    check_match(db, "会议指出", "1,7");
    check_match(db, "议指出", "1,7");
    check_match(db, "座谈会", "4");
    check_match(db, "會議", "1,2,3,7,11");
    check_match(db, "會", "1,2,3,4,6,7,8,11");
    check_match(db, "国务院", "3,7");
    check_match(db, "\"两个确立\"", "2,9");
    check_match(db, "两个", "2,9,10");
    check_match(db, "会议 AND 强调", "2");
    check_match(db, "会议 NOT 强调", "1,3,7,11");
    check_match(db, "会议 OR 座谈", "1,2,3,4,5,7,11");
    check_match(db, "会*", "1,2,3,4,6,7,8,11");
    check_match(db, "会议*", "1,2,3,7,11");
    check_match(db, "两个确*", "2,9");
    check_match(db, "gdp", "6");
    check_match(db, "GDP", "6");
    check_match(db, "ＧＤＰ", "6");
    check_match(db, "gd*", "6");
    check_match(db, "2035", "6");
    check_match(db, "203*", "6");
    check_match(db, "m2", "6");
    check_match(db, "2035年", "6");
    check_match(db, "GDP增长", "6");
    check_match(db, "指会", "");
    check_match(db, "会强", "");
    check_match(db, "会议强调", "");             /* a comma between them in row 2: no bigram 议强 */
    check_match(db, "\"会议 强调\"", "2");       /* a phrase skips the comma, as unicode61 does */
    check_match(db, "\"中共中央 政治局\"", "2"); /* phrase of two runs */
    check_match(db, "\"政治局 会议\"", "");      /* 召开 lies between */
    check_match(db, "NEAR(会议 强调, 2)", "2");
    check_match(db, "NEAR(政治局 强调, 2)", "");
    check_match(db, "NEAR(政治局 强调, 6)", "2");
    check_match(db, "全面 AND 社会主义", "8");
    check_match(db, "body:会议指出", "1,7");
    check_match(db, "^会议", "1");

    check_highlight(db, 7, "会议指出", "國務院[會議指出]，要加強基礎設施建設。");
    check_highlight(db, 7, "會議", "國務院[會議]指出，要加強基礎設施建設。");
    check_highlight(db, 7, "会", "國務院[會]議指出，要加強基礎設施建設。");
    check_highlight(db, 4, "会", "座谈[会]上，与[会]代表围绕高质量发展建言献策。");
    check_highlight(db, 9, "\"两个确立\"", "[两个确立]是新时代最重大的政治成果。");
    check_highlight(db, 6, "gdp 2035", "到[2035]年基本实现社会主义现代化，[GDP]增长5.2%，Ｍ２余额稳定。");
    check_highlight(db, 6, "m2", "到2035年基本实现社会主义现代化，GDP增长5.2%，[Ｍ２]余额稳定。");
    check_highlight(db, 8, "会*", "全面建成小康社[会]，开启全面建设社[会]主义现代化国家新征程。");

    {
        char *got =
            one_string(db, "SELECT snippet(t, 0, '[', ']', '…', 4) FROM t WHERE t MATCH '强调' AND rowid = 5", NULL);
        report(got && strstr(got, "[强调]") != NULL, "snippet marks the match (%s)", got);
        free(got);
    }
}

/* The folded form of a row: each character as the tokenizer folds it. */
static void fold_text(const char *in, sbuf *out) {
    const unsigned char *s = (const unsigned char *)in;
    size_t len = strlen(in);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = u8_decode(s + i, len - i, &cp);
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
        if (cp >= 'A' && cp <= 'Z') cp += 32;
        if (cp >= 0x80) cp = convert_char_t2s(cp);
        char e[4];
        sb_add(out, e, u8_encode(cp, e));
        i += n;
    }
}

/* Every Han substring of 1..6 characters of every (folded) row: tifa finds
 * exactly the rows whose folded text contains it; for 3 characters and more
 * it finds every row the trigram tokenizer finds. */
static void test_substrings(sqlite3 *db) {
    sbuf folded[NROWS];
    for (int i = 0; i < NROWS; i++) {
        memset(&folded[i], 0, sizeof folded[i]);
        sb_add(&folded[i], "", 0);
        fold_text(rows[i], &folded[i]);
    }
    int queries = 0, exact_bad = 0, trigram_queries = 0, trigram_bad = 0, trigram_extra = 0;
    char first_bad[512] = "";
    for (int r = 0; r < NROWS; r++) {
        const unsigned char *s = (const unsigned char *)folded[r].p;
        size_t len = folded[r].len;
        for (size_t i = 0; i < len;) {
            size_t end = i;
            for (int k = 1; k <= 6; k++) {
                uint32_t cp;
                if (end >= len) break;
                size_t n = u8_decode(s + end, len - end, &cp);
                if (!is_han(cp)) break;
                end += n;
                char q[64];
                snprintf(q, sizeof q, "\"%.*s\"", (int)(end - i), (const char *)s + i);
                char sub[64];
                snprintf(sub, sizeof sub, "%.*s", (int)(end - i), (const char *)s + i);
                /* expected: rows whose folded text contains the substring */
                sbuf want = {0};
                sb_add(&want, "", 0);
                for (int j = 0; j < NROWS; j++)
                    if (strstr(folded[j].p, sub)) {
                        if (want.len) sb_add(&want, ",", 1);
                        sb_printf(&want, "%d", j + 1);
                    }
                char *got = match_rows(db, "t", q);
                queries++;
                if (strcmp(got, want.p) != 0) {
                    if (!exact_bad++) snprintf(first_bad, sizeof first_bad, "%s: got {%s} want {%s}", q, got, want.p);
                }
                if (k >= 3) {
                    char *tri = match_rows(db, "g", q);
                    trigram_queries++;
                    /* each trigram row must be in tifa's rows */
                    char *save = NULL, *copy = malloc(strlen(tri) + 1);
                    strcpy(copy, tri);
                    int tri_count = 0, got_count = got[0] ? 1 : 0;
                    for (const char *c = got; *c; c++) got_count += *c == ',';
                    for (char *tokn = strtok_r(copy, ",", &save); tokn; tokn = strtok_r(NULL, ",", &save)) {
                        tri_count++;
                        char needle[16];
                        snprintf(needle, sizeof needle, ",%s,", tokn);
                        sbuf hay = {0};
                        sb_printf(&hay, ",%s,", got);
                        if (!strstr(hay.p, needle) || strncmp(tri, "ERROR", 5) == 0) {
                            if (!trigram_bad++ && !first_bad[0])
                                snprintf(first_bad, sizeof first_bad, "%s: trigram {%s} tifa {%s}", q, tri, got);
                        }
                        free(hay.p);
                    }
                    if (got_count > tri_count) trigram_extra++;
                    free(copy);
                    free(tri);
                }
                free(got);
                free(want.p);
            }
            uint32_t cp;
            i += u8_decode(s + i, len - i, &cp);
        }
    }
    report(queries > 300 && exact_bad == 0, "%d Han substrings (1-6 chars) of the rows: exact row sets%s%s", queries,
           exact_bad ? "; first failure " : "", exact_bad ? first_bad : "");
    report(trigram_queries > 150 && trigram_bad == 0,
           "%d queries of 3-6 chars: every trigram row found (%d queries find more: the traditional row)%s%s",
           trigram_queries, trigram_extra, trigram_bad ? "; first failure " : "", trigram_bad ? first_bad : "");
    for (int i = 0; i < NROWS; i++) free(folded[i].p);

    /* Hand-picked queries against trigram, with Latin and digits too. */
    const char *picked[] = {"会议指出", "两个确立",       "座谈会", "2035年", "GDP增长",
                            "gdp",      "社会主义现代化", "稳经济", "新征程"};
    for (size_t i = 0; i < sizeof picked / sizeof *picked; i++) {
        char q[64];
        snprintf(q, sizeof q, "\"%s\"", picked[i]);
        char *a = match_rows(db, "t", q), *b = match_rows(db, "g", q);
        sbuf hay = {0};
        sb_printf(&hay, ",%s,", a);
        int ok = strncmp(b, "ERROR", 5) != 0 && strncmp(a, "ERROR", 5) != 0;
        char *save = NULL, *copy = malloc(strlen(b) + 1);
        strcpy(copy, b);
        for (char *r = strtok_r(copy, ",", &save); r && ok; r = strtok_r(NULL, ",", &save)) {
            char needle[16];
            snprintf(needle, sizeof needle, ",%s,", r);
            if (!strstr(hay.p, needle)) ok = 0;
        }
        report(ok, "'%s': trigram {%s} within tifa {%s}", picked[i], b, a);
        free(copy);
        free(hay.p);
        free(a);
        free(b);
    }
}

/* Arbitrary bytes stored and deleted through FTS5; the index stays consistent. */
static void test_table_with_random_text(sqlite3 *db) {
    int rc = exec(db, "CREATE VIRTUAL TABLE r USING fts5(body, tokenize='tifa')");
    sqlite3_stmt *ins = NULL, *q = NULL;
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, "INSERT INTO r(rowid, body) VALUES (?1, ?2)", -1, &ins, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM r WHERE r MATCH ?1", -1, &q, NULL);
    static char buf[2048];
    int errors = 0;
    for (int i = 0; i < 500 && rc == SQLITE_OK; i++) {
        int len = random_text(buf, (int)sizeof buf);
        sqlite3_bind_int(ins, 1, i + 1);
        sqlite3_bind_text(ins, 2, buf, len, SQLITE_TRANSIENT);
        rc = sqlite3_step(ins);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        sqlite3_reset(ins);
        /* the same bytes as a query (quoted, quotes doubled) must not crash */
        sbuf qq = {0};
        sb_add(&qq, "\"", 1);
        for (int k = 0; k < len && k < 200; k++) {
            if (buf[k] == '"') sb_add(&qq, "\"", 1);
            if (buf[k]) sb_add(&qq, buf + k, 1);
        }
        sb_add(&qq, "\"", 1);
        sqlite3_bind_text(q, 1, qq.p, (int)qq.len, SQLITE_TRANSIENT);
        int qrc = sqlite3_step(q);
        if (qrc != SQLITE_ROW && qrc != SQLITE_ERROR) errors++;
        sqlite3_reset(q);
        free(qq.p);
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(q);
    report(rc == SQLITE_OK && errors == 0, "500 random texts inserted and queried (rc=%d, %d odd results)", rc, errors);
    report(exec(db, "INSERT INTO r(r) VALUES('integrity-check')") == SQLITE_OK, "integrity-check after random inserts");
    report(exec(db, "DELETE FROM r WHERE rowid % 2 = 0") == SQLITE_OK &&
               exec(db, "INSERT INTO r(r) VALUES('integrity-check')") == SQLITE_OK,
           "delete re-tokenizes consistently (integrity-check)");
}

int main(void) {
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        printf("not ok - cannot open an in-memory database\n");
        return 1;
    }
    int rc = tokenize_register(db);
    report(rc == SQLITE_OK, "tokenize_register returns SQLITE_OK (%d)", rc);
    report(tokenize_register(NULL) != SQLITE_OK, "tokenize_register(NULL) is an error");

    fts5_api *api = api_of(db);
    void *uctx = NULL;
    int found = api && api->xFindTokenizer(api, "tifa", &uctx, &tok_methods) == SQLITE_OK;
    report(found, "the tokenizer is found by name");
    if (!found) goto done;
    {
        const char *arg[] = {"x"};
        Fts5Tokenizer *t2 = NULL;
        report(tok_methods.xCreate(uctx, arg, 1, &t2) != SQLITE_OK, "xCreate rejects arguments");
    }
    if (tok_methods.xCreate(uctx, NULL, 0, &tok) != SQLITE_OK) {
        report(0, "xCreate");
        goto done;
    }
    test_token_stream();

    report(exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='tifa')") == SQLITE_OK, "create table t (tifa)");
    report(exec(db, "CREATE VIRTUAL TABLE g USING fts5(body, tokenize='trigram')") == SQLITE_OK,
           "create table g (trigram)");
    report(insert_rows(db, "t") == SQLITE_OK && insert_rows(db, "g") == SQLITE_OK, "insert %d rows", NROWS);
    report(exec(db, "INSERT INTO t(t) VALUES('integrity-check')") == SQLITE_OK, "integrity-check of t");
    {
        sqlite3_stmt *st = NULL;
        int bad = sqlite3_prepare_v2(db, "CREATE VIRTUAL TABLE x USING fts5(body, tokenize='tifa foo')", -1, &st,
                                     NULL) == SQLITE_OK &&
                  sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
        report(!bad, "a tokenizer argument is refused at CREATE");
    }
    test_queries(db);
    test_substrings(db);
    test_table_with_random_text(db);

    tok_methods.xDelete(tok);
done:
    sqlite3_close(db);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
