/* app/csvout: CSV fields, written alike by the CLI and the server so that
 * a term with a comma or a quote reads back the same from either. */
#include <string.h>
#include "app/csvout.h"

void csv_field(FILE *fp, const char *s) {
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"') fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}
