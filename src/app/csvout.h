/* app/csvout: a CSV field as both front ends write it (tifa trend --csv,
 * the server's /api/trend.csv), to an sbuf. Not library API. */
#ifndef TIFA_APP_CSVOUT_H
#define TIFA_APP_CSVOUT_H
#include "sbuf.h"

/* s as one field (RFC 4180): quoted, its quotes doubled, when it holds a
 * comma, a quote or a line end; as it is otherwise. */
void csv_field(sbuf *o, const char *s);

#endif
