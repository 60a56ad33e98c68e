/* The CLI's JSON forms, shared with the server (src/serve/). Not library API. */
#ifndef TIFA_CLI_JSONOUT_H
#define TIFA_CLI_JSONOUT_H
#include <stdio.h>
#include "tifa.h"

/* A JSON string; NULL prints null. Bytes >= 0x80 are copied as they are. */
void print_json_string(FILE *fp, const char *s);

/* One hit as a JSON object, no newline: id, file, date, meeting, org,
 * title, snippet (search only), duplicate_of. */
void print_hit_json(FILE *fp, const tifa_hit *h);

#endif
