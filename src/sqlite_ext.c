/*
 * sqlite_ext: build/tifa_sqlite.so, a SQLite loadable extension that
 * registers tifa's FTS5 tokenizer ("tifa", src/tokenize.c) on the
 * connection that loads it, so that the tools people already use (the
 * sqlite3 shell's .load, Python's sqlite3 load_extension, R's RSQLite,
 * Datasette --load-extension) can run MATCH on a corpus's doc_fts. The
 * rest of a corpus (the doc table, the views) needs no extension.
 *
 * Entry points: sqlite3_tifasqlite_init, the name SQLite derives from the
 * file name tifa_sqlite.so, and sqlite3_extension_init, its default.
 * Only they are exported (tools/tifa_sqlite.map).
 *
 * Not for: anything but the tokenizer; the library is libtifa.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include "tokenize.h"

/* Built with hidden symbols: these two are the ones the loader looks for. */
#define EXPORTED __attribute__((visibility("default")))
EXPORTED int sqlite3_tifasqlite_init(sqlite3 *db, char **err, const sqlite3_api_routines *api);
EXPORTED int sqlite3_extension_init(sqlite3 *db, char **err, const sqlite3_api_routines *api);

int sqlite3_tifasqlite_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    int rc = tokenize_register(db);
    if (rc != SQLITE_OK && err)
        *err = sqlite3_mprintf("tifa: cannot register the FTS5 tokenizer \"tifa\" (%s): this SQLite may lack FTS5",
                               sqlite3_errstr(rc));
    return rc;
}

int sqlite3_extension_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
    return sqlite3_tifasqlite_init(db, err, api);
}
