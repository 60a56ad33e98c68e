/* Shared by the CLI's files (main.c, corpus.c, svg.c); not library API. */
#ifndef TIFA_CLI_H
#define TIFA_CLI_H
#include <stdio.h>
#include "tifa.h"
#include "cli/jsonout.h"

int usage_error(const char *cmd, const char *arg);

const char *corpus_path(const char *given);
int corpus_option(int argc, char **argv, int *i, const char **db, tifa_filter *f);
tifa_corpus *open_corpus(const char *db, int readonly);
int parse_id(const char *s, int64_t *id);
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

/* Writes a line chart of documents per period, one line per term. */
int write_trend_svg(const char *path, const tifa_trend_row *rows, size_t n, const char *const *terms, int nterms);

#endif
