/* tokenize: the "tifa" FTS5 tokenizer for the SQLite corpus; see tokenize.c. */
#ifndef TIFA_TOKENIZE_H
#define TIFA_TOKENIZE_H
#ifdef TIFA_SQLITE_EXTENSION
#include <sqlite3ext.h>
#else
#include <sqlite3.h>
#endif

/* Registers the FTS5 tokenizer "tifa" on db, for use as
 *   CREATE VIRTUAL TABLE t USING fts5(body, tokenize='tifa')
 * Han text is indexed as character unigrams plus bigrams, so queries of one
 * or more characters match; traditional characters, full-width ASCII and
 * Latin case are folded. Returns SQLITE_OK or an SQLite error code
 * (SQLITE_ERROR when the library has no FTS5). Must be called on every
 * connection that uses such a table. */
int tokenize_register(sqlite3 *db);

#endif
