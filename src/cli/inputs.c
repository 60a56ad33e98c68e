/*
 * cli/inputs: the documents a reading command is given: its arguments and
 * the lines of --files-from lists, in order, lists read as they are used.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli/inputs.h"

int inputs_init(inputs *in, int max) {
    memset(in, 0, sizeof *in);
    in->items = calloc((size_t)max + 1, sizeof *in->items);
    in->is_list = calloc((size_t)max + 1, 1);
    return in->items && in->is_list ? 0 : -1;
}

void inputs_path(inputs *in, const char *path) { in->items[in->n++] = path; }

void inputs_list(inputs *in, const char *list) {
    in->is_list[in->n] = 1;
    in->items[in->n++] = list;
}

int inputs_option(inputs *in, int argc, char **argv, int *i) {
    if (strcmp(argv[*i], "--files-from") != 0) return 0;
    if (*i + 1 >= argc) return -1;
    inputs_list(in, argv[++*i]);
    return 1;
}

static void close_list(inputs *in) {
    if (in->list && in->list != stdin) fclose(in->list);
    in->list = NULL;
}

/* The next non-empty line of the open list, without its line end. */
static const char *list_line(inputs *in) {
    for (;;) {
        errno = 0;
        ssize_t n = getline(&in->line, &in->cap, in->list);
        if (n < 0) {
            if (ferror(in->list)) {
                fprintf(stderr, "tifa: %s: read error: %s\n", SHOWN(in->list_name), strerror(errno));
                in->status = 1;
            }
            close_list(in);
            return NULL;
        }
        while (n > 0 && (in->line[n - 1] == '\n' || in->line[n - 1] == '\r')) in->line[--n] = 0;
        if (n > 0) return in->line;
    }
}

const char *inputs_next(inputs *in) {
    if (in->n == 0) {
        in->n = -1; /* "-" once */
        return "-";
    }
    for (;;) {
        if (in->list) {
            const char *p = list_line(in);
            if (p) return p;
        }
        if (in->k >= in->n) return NULL;
        int k = in->k++;
        if (!in->is_list[k]) return in->items[k];
        in->list_name = strcmp(in->items[k], "-") ? in->items[k] : "(standard input)";
        in->list = strcmp(in->items[k], "-") ? fopen(in->items[k], "r") : stdin;
        if (!in->list) {
            fprintf(stderr, "tifa: %s: %s\n", SHOWN(in->items[k]), strerror(errno));
            in->status = 1;
        }
    }
}

void inputs_free(inputs *in) {
    close_list(in);
    free(in->items);
    free(in->is_list);
    free(in->line);
}
