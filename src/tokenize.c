/* tokenize: the "tifa" FTS5 tokenizer.
 *
 * SQLite's trigram tokenizer cannot find queries of one or two characters,
 * and unicode61 makes a whole run of Han text one token. This tokenizer
 * indexes Han text by character, with the bigrams as synonyms:
 *
 *  - Each character is folded first: traditional → simplified (OpenCC's
 *    TSCharacters, one character for one), full-width ASCII → ASCII,
 *    A–Z → a–z. Folding applies to documents and queries alike, so a
 *    traditional query finds simplified text and the other way round.
 *  - A run of Han characters c0 … c(n-1) in a document: position i holds the
 *    unigram ci and, colocated (FTS5_TOKEN_COLOCATED), the bigram ci c(i+1).
 *    One character is one position.
 *  - The same run in a query: the bigrams c0c1, c1c2, … at positions
 *    0 … n-2, then the unigram c(n-1) at position n-1 (so a run of one is
 *    its unigram). The bigrams alone already match exactly the documents
 *    that contain the run; the closing unigram costs one more term lookup
 *    but makes the query phrase as long as the text it matches, so
 *     * highlight() and snippet() mark all n characters, not n-1;
 *     * a phrase of several runs ("中国 经济", a bareword across a comma)
 *       and a run next to a Latin word line up with document positions;
 *     * NEAR distances count characters.
 *    With FTS5_TOKENIZE_PREFIX the last token is a prefix: `会*` is the
 *    unigram 会 as a prefix, which also matches every bigram 会x.
 *  - Maximal runs of [a-z0-9] (after folding) are one token each, cut at
 *    TOKEN_MAX bytes of token text (the offsets still cover the whole run).
 *  - Everything else, invalid UTF-8 bytes included, separates tokens and
 *    takes no position.
 *
 * The offsets given to xToken are byte offsets into the original text, so
 * highlight() brackets the characters as they were written.
 *
 * No state outside the call: the tokenizer object is an empty allocation
 * and each xTokenize keeps its state on the stack, so one tokenizer can be
 * used from several threads.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
/* Built a second time for the loadable extension (src/sqlite_ext.c),
 * where every SQLite call goes through the loading program's API table. */
#ifdef TIFA_SQLITE_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif
#include "convert.h"
#include "utf8.h"
#include "tokenize.h"

#define TOKEN_MAX 128 /* bytes of a Latin token kept */

/* The tokenizer object FTS5 holds. It carries nothing: the tokenizer takes
 * no arguments and the tables it reads are constants. */
typedef struct {
    int unused;
} tifa_tokenizer;

typedef int (*token_fn)(void *ctx, int tflags, const char *token, int len, int start, int end);

/* The state of one xTokenize call. */
typedef struct {
    void *ctx;
    token_fn emit;
    int query;
    /* The current Han run: how many characters so far (capped at 2: only
     * "none, one, more" matters) and its last character, folded. */
    int han_n;
    char han[4];
    int han_len, han_start, han_end;
    /* The current Latin run. */
    int in_latin;
    char latin[TOKEN_MAX];
    int latin_len, latin_start, latin_end;
} tok_state;

/* The folded form of one character (see the file comment). */
static uint32_t fold(uint32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; /* full-width ASCII */
    if (cp >= 'A' && cp <= 'Z') return cp + ('a' - 'A');
    if (cp < 0x80) return cp;
    return convert_char_t2s(cp);
}

/* Ends the current Han run. A query closes it with its last character. */
static int han_end_run(tok_state *st) {
    int rc = SQLITE_OK;
    if (st->han_n > 0 && st->query) rc = st->emit(st->ctx, 0, st->han, st->han_len, st->han_start, st->han_end);
    st->han_n = 0;
    return rc;
}

static int latin_end_run(tok_state *st) {
    int rc = SQLITE_OK;
    if (st->in_latin) rc = st->emit(st->ctx, 0, st->latin, st->latin_len, st->latin_start, st->latin_end);
    st->in_latin = 0;
    return rc;
}

/* A Han character (folded) at [start, end) of the original text. */
static int han_char(tok_state *st, uint32_t cp, int start, int end) {
    char c[4];
    int n = (int)u8_encode(cp, c);
    int rc = latin_end_run(st);
    if (rc != SQLITE_OK) return rc;
    if (st->han_n > 0) {
        char bigram[8];
        memcpy(bigram, st->han, (size_t)st->han_len);
        memcpy(bigram + st->han_len, c, (size_t)n);
        /* In a document the bigram is a synonym at the previous character's
         * position, whose unigram was the last token given. */
        rc = st->emit(st->ctx, st->query ? 0 : FTS5_TOKEN_COLOCATED, bigram, st->han_len + n, st->han_start, end);
        if (rc != SQLITE_OK) return rc;
    }
    if (!st->query) {
        rc = st->emit(st->ctx, 0, c, n, start, end);
        if (rc != SQLITE_OK) return rc;
    }
    memcpy(st->han, c, (size_t)n);
    st->han_len = n;
    st->han_start = start;
    st->han_end = end;
    if (st->han_n < 2) st->han_n++;
    return SQLITE_OK;
}

/* A character of [a-z0-9] (folded) at [start, end). */
static int latin_char(tok_state *st, uint32_t cp, int start, int end) {
    int rc = han_end_run(st);
    if (rc != SQLITE_OK) return rc;
    if (!st->in_latin) {
        st->in_latin = 1;
        st->latin_len = 0;
        st->latin_start = start;
    }
    if (st->latin_len < TOKEN_MAX) st->latin[st->latin_len++] = (char)cp;
    st->latin_end = end;
    return SQLITE_OK;
}

static int tifa_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len, token_fn emit) {
    (void)tok;
    tok_state st;
    memset(&st, 0, sizeof st);
    st.ctx = ctx;
    st.emit = emit;
    st.query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    const unsigned char *s = (const unsigned char *)text;
    int pos = 0, rc = SQLITE_OK;
    if (!s || len < 0) len = 0;
    while (pos < len && rc == SQLITE_OK) {
        uint32_t cp;
        int n = (int)u8_decode(s + pos, (size_t)(len - pos), &cp);
        cp = fold(cp); /* an invalid byte is U+FFFD: a separator */
        if (is_han(cp))
            rc = han_char(&st, cp, pos, pos + n);
        else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            rc = latin_char(&st, cp, pos, pos + n);
        else {
            rc = han_end_run(&st);
            if (rc == SQLITE_OK) rc = latin_end_run(&st);
        }
        pos += n;
    }
    if (rc == SQLITE_OK) rc = han_end_run(&st);
    if (rc == SQLITE_OK) rc = latin_end_run(&st);
    return rc;
}

static int tifa_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out) {
    (void)ctx;
    (void)args;
    *out = NULL;
    if (nargs > 0) return SQLITE_ERROR; /* the tokenizer takes no options */
    tifa_tokenizer *t = sqlite3_malloc(sizeof *t);
    if (!t) return SQLITE_NOMEM;
    t->unused = 0;
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void tifa_delete(Fts5Tokenizer *tok) { sqlite3_free(tok); }

/* The connection's fts5_api, or NULL (*rc says why). */
static fts5_api *fts5_api_of(sqlite3 *db, int *rc) {
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    *rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
    if (*rc != SQLITE_OK) return NULL; /* no FTS5: "no such function" */
    *rc = sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    if (*rc == SQLITE_OK) sqlite3_step(stmt);
    int frc = sqlite3_finalize(stmt);
    if (*rc == SQLITE_OK) *rc = frc;
    if (*rc == SQLITE_OK && !api) *rc = SQLITE_ERROR;
    return *rc == SQLITE_OK ? api : NULL;
}

int tokenize_register(sqlite3 *db) {
    if (!db) return SQLITE_MISUSE;
    int rc;
    fts5_api *api = fts5_api_of(db, &rc);
    if (!api) return rc;
    if (api->iVersion < 2) return SQLITE_ERROR;
    /* FTS5 copies the structure: a local one leaves no global state. */
    fts5_tokenizer methods = {tifa_create, tifa_delete, tifa_tokenize};
    return api->xCreateTokenizer(api, "tifa", NULL, &methods, NULL);
}
