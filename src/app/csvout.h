/* app/csvout: a CSV field as both front ends write it (tifa trend --csv,
 * the server's /api/trend.csv). Not library API. */
#ifndef TIFA_APP_CSVOUT_H
#define TIFA_APP_CSVOUT_H
#include <stdio.h>

/* s as one field (RFC 4180): quoted, its quotes doubled, when it holds a
 * comma, a quote or a line end; as it is otherwise. */
void csv_field(FILE *fp, const char *s);

#endif
