/* cli/inputs: the documents a reading command is given, as arguments and
 * as --files-from lists (one path a line, "-" for standard input), in the
 * order given. Lists are read as they are used, so a list of millions of
 * paths is not held in memory. Not library API. */
#ifndef TIFA_CLI_INPUTS_H
#define TIFA_CLI_INPUTS_H
#include <stdio.h>

typedef struct {
    const char **items; /* paths and lists as given */
    unsigned char *is_list;
    int n, k;
    FILE *list; /* the list being read, when one is */
    const char *list_name;
    char *line;
    size_t cap;
    int status; /* 1 when a list could not be read */
} inputs;

/* Room for up to max items (argc is enough). 0, or -1 out of memory. */
int inputs_init(inputs *in, int max);
void inputs_path(inputs *in, const char *path);
void inputs_list(inputs *in, const char *list);
/* The next path; NULL at the end. Nothing given: "-" once. A list that
 * cannot be opened or read is named on standard error and sets status. */
const char *inputs_next(inputs *in);
void inputs_free(inputs *in);

/* The --files-from option at argv[*i]: 1 consumed (with its value), 0 not
 * it, -1 its value is missing. */
int inputs_option(inputs *in, int argc, char **argv, int *i);

#endif
