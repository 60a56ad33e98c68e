/*
 * app/jsonout: the JSON forms the CLI prints and `tifa serve` returns, written
 * in one place so the field names cannot drift apart: a string, a file name,
 * and a search or list hit as `tifa search --json` prints it.
 */
#include <stdio.h>
#include <string.h>
#include "app/jsonout.h"
#include "json.h"
#include "utf8.h"

void print_json_string(FILE *fp, const char *s) {
    if (!s) {
        fputs("null", fp);
        return;
    }
    sbuf out;
    sbuf_init_file(&out, fp);
    json_quote(&out, s, strlen(s));
}

void print_json_name(FILE *fp, const char *key, const char *name) {
    fprintf(fp, "\"%s\":", key);
    print_json_string(fp, name);
    if (!name || u8_valid_prefix(name, strlen(name)) == strlen(name)) return;
    fprintf(fp, ",\"%s_raw\":\"", key);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p > 0x7e || *p == '%' || *p == '"' || *p == '\\')
            fprintf(fp, "%%%02X", *p);
        else
            fputc(*p, fp);
    fputc('"', fp);
}

void print_json_field(FILE *fp, const char *key, const char *value) {
    fprintf(fp, ",\"%s\":", key);
    print_json_string(fp, value);
}

void print_json_id(FILE *fp, const char *key, int64_t id) {
    if (id)
        fprintf(fp, ",\"%s\":%lld", key, (long long)id);
    else
        fprintf(fp, ",\"%s\":null", key);
}

void print_copies_json(FILE *fp, const tifa_hit *h) {
    fputs("[", fp);
    for (size_t i = 0; i < h->ncopies; i++) {
        const tifa_copy *k = &h->copies[i];
        fprintf(fp, "%s{\"id\":%lld,", i ? "," : "", (long long)k->id);
        print_json_name(fp, "file", k->file);
        print_json_field(fp, "source", k->outlet);
        print_json_field(fp, "url", k->url);
        print_json_field(fp, "published", k->published);
        fprintf(fp, ",\"copy\":\"%s\"}", k->near ? "near" : "exact");
    }
    fputs("]", fp);
}

void print_corrected_json(FILE *fp, unsigned corrected) {
    fputs("[", fp);
    for (int i = 0, n = 0; i < TIFA_FIELD_COUNT; i++)
        if (corrected & (1u << i)) fprintf(fp, "%s\"%s\"", n++ ? "," : "", tifa_field_name(i));
    fputs("]", fp);
}

void print_hit_fields(FILE *fp, const tifa_hit *h) {
    fprintf(fp, "\"id\":%lld,", (long long)h->id);
    print_json_name(fp, "file", h->file);
    print_json_field(fp, "date", h->date);
    print_json_field(fp, "meeting", h->meeting);
    print_json_field(fp, "org", h->org);
    print_json_field(fp, "title", h->title);
    if (h->snippet) print_json_field(fp, "snippet", h->snippet);
    print_json_field(fp, "outlet", h->outlet);
    print_json_field(fp, "url", h->url);
    print_json_field(fp, "published", h->published);
    print_json_field(fp, "retrieved", h->retrieved);
    print_json_field(fp, "added", h->added);
    print_json_id(fp, "duplicate_of", h->duplicate_of);
    print_json_field(fp, "copy", h->copy);
    fputs(",\"copies\":", fp);
    print_copies_json(fp, h);
    fputs(",\"corrected\":", fp);
    print_corrected_json(fp, h->corrected);
}

void print_hit_json(FILE *fp, const tifa_hit *h) {
    fputs("{", fp);
    print_hit_fields(fp, h);
    fputs("}", fp);
}

void print_correction_json(FILE *fp, const tifa_correction *k) {
    fputs("{\"field\":", fp);
    print_json_string(fp, k->field);
    print_json_field(fp, "action", k->action);
    print_json_field(fp, "value", k->value);
    print_json_field(fp, "before", k->before);
    print_json_field(fp, "note", k->note);
    print_json_field(fp, "at", k->at);
    fputc('}', fp);
}
