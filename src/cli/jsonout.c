/*
 * cli/jsonout: the JSON forms the CLI prints and `tifa serve` returns, written
 * in one place so the field names cannot drift apart: a string, and a search
 * or list hit as `tifa search --json` prints it.
 */
#include <stdio.h>
#include "cli/jsonout.h"

void print_json_string(FILE *fp, const char *s) {
    if (!s) {
        fputs("null", fp);
        return;
    }
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", fp);
        else if (*p < 0x20)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

static void field(FILE *fp, const char *key, const char *value) {
    fprintf(fp, ",\"%s\":", key);
    print_json_string(fp, value);
}

void print_hit_json(FILE *fp, const tifa_hit *h) {
    fprintf(fp, "{\"id\":%lld", (long long)h->id);
    field(fp, "file", h->file);
    field(fp, "date", h->date);
    field(fp, "meeting", h->meeting);
    field(fp, "org", h->org);
    field(fp, "title", h->title);
    if (h->snippet) field(fp, "snippet", h->snippet);
    if (h->duplicate_of)
        fprintf(fp, ",\"duplicate_of\":%lld}", (long long)h->duplicate_of);
    else
        fputs(",\"duplicate_of\":null}", fp);
}
