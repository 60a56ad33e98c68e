/* Shared by the CLI's files (main.c, corpus.c, svg.c); not library API. */
#ifndef TIFA_CLI_H
#define TIFA_CLI_H
#include <stdio.h>
#include "tifa.h"
#include "app/jsonout.h"
#include "sbuf.h"

/* Standard output as the sbuf the writers of src/app/ take: unstaged (the
 * FILE buffers), so there is nothing to flush or free. */
static inline sbuf cli_stdout(void) {
    sbuf o;
    sbuf_init_file(&o, stdout);
    return o;
}

int usage_error(const char *cmd, const char *arg);

/* A name for a terminal or a message: control characters (C0, DEL, C1)
 * and bytes that are not UTF-8 written \xNN, so a name cannot move the
 * cursor, recolour or rewrite the screen. Into buf (cap bytes, cut short
 * when too long); returns buf. SHOWN(s) uses a buffer of its own, valid
 * to the end of the enclosing block. */
const char *shown(const char *s, char *buf, size_t cap);
#define SHOWN(s) shown((s), (char[1024]){0}, 1024)

const char *corpus_path(const char *given);
int corpus_option(int argc, char **argv, int *i, const char **db, tifa_filter *f);
tifa_corpus *open_corpus(const char *db, int readonly);
int parse_id(const char *s, int64_t *id);
/* --color, --color=auto|always|never (and --colour): 1 when a is one
 * (*when set), -1 when its value is unknown, 0 when a is another option. */
enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
int color_option(const char *a, int *when);
/* Whether to colour output on fd: always, never, or auto (a terminal, and
 * NO_COLOR not set). */
int use_color(int when, int fd);
/* 10M, 512K, 1000: bytes (1 .. 2^40). 1 when valid. */
int parse_size(const char *s, size_t *out);

int cmd_add(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_cite(int argc, char **argv);
int cmd_set(int argc, char **argv);
int cmd_unset(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_reextract(int argc, char **argv);

/* The corrections in force on a document, one line each (show). */
tifa_status show_corrections(tifa_corpus *c, int64_t id, tifa_error *err);

/* Writes a line chart of documents per period, one line per term. */
int write_trend_svg(const char *path, const tifa_trend_row *rows, size_t n, const char *const *terms, int nterms);

#endif
