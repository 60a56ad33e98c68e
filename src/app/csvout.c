/* app/csvout: CSV fields, written alike by the CLI and the server so that
 * a term with a comma or a quote reads back the same from either. */
#include <string.h>
#include "app/csvout.h"

void csv_field(sbuf *o, const char *s) {
    if (!strpbrk(s, ",\"\r\n")) {
        sbuf_puts(o, s);
        return;
    }
    sbuf_putc(o, '"');
    for (; *s; s++) {
        if (*s == '"') sbuf_putc(o, '"');
        sbuf_putc(o, *s);
    }
    sbuf_putc(o, '"');
}
