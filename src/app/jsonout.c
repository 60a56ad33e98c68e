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

void print_json_string(sbuf *o, const char *s) {
    if (!s)
        sbuf_puts(o, "null");
    else
        json_quote(o, s, strlen(s));
}

void print_json_name(sbuf *o, const char *key, const char *name) {
    sbuf_printf(o, "\"%s\":", key);
    print_json_string(o, name);
    if (!name || u8_valid_prefix(name, strlen(name)) == strlen(name)) return;
    sbuf_printf(o, ",\"%s_raw\":\"", key);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p > 0x7e || *p == '%' || *p == '"' || *p == '\\')
            sbuf_printf(o, "%%%02X", *p);
        else
            sbuf_putc(o, (char)*p);
    sbuf_putc(o, '"');
}

void print_json_field(sbuf *o, const char *key, const char *value) {
    sbuf_printf(o, ",\"%s\":", key);
    print_json_string(o, value);
}

void print_json_id(sbuf *o, const char *key, int64_t id) {
    if (id)
        sbuf_printf(o, ",\"%s\":%lld", key, (long long)id);
    else
        sbuf_printf(o, ",\"%s\":null", key);
}

void print_copies_json(sbuf *o, const tifa_hit *h) {
    sbuf_puts(o, "[");
    for (size_t i = 0; i < h->ncopies; i++) {
        const tifa_copy *k = &h->copies[i];
        sbuf_printf(o, "%s{\"id\":%lld,", i ? "," : "", (long long)k->id);
        print_json_name(o, "file", k->file);
        print_json_field(o, "source", k->outlet);
        print_json_field(o, "url", k->url);
        print_json_field(o, "published", k->published);
        sbuf_printf(o, ",\"copy\":\"%s\"}", k->near ? "near" : "exact");
    }
    sbuf_puts(o, "]");
}

void print_corrected_json(sbuf *o, unsigned corrected) {
    sbuf_puts(o, "[");
    for (int i = 0, n = 0; i < TIFA_FIELD_COUNT; i++)
        if (corrected & (1u << i)) sbuf_printf(o, "%s\"%s\"", n++ ? "," : "", tifa_field_name(i));
    sbuf_puts(o, "]");
}

void print_hit_fields(sbuf *o, const tifa_hit *h) {
    sbuf_printf(o, "\"id\":%lld,", (long long)h->id);
    print_json_name(o, "file", h->file);
    print_json_field(o, "date", h->date);
    print_json_field(o, "meeting", h->meeting);
    print_json_field(o, "org", h->org);
    print_json_field(o, "title", h->title);
    if (h->snippet) print_json_field(o, "snippet", h->snippet);
    print_json_field(o, "outlet", h->outlet);
    print_json_field(o, "url", h->url);
    print_json_field(o, "published", h->published);
    print_json_field(o, "retrieved", h->retrieved);
    print_json_field(o, "added", h->added);
    print_json_id(o, "duplicate_of", h->duplicate_of);
    print_json_field(o, "copy", h->copy);
    sbuf_puts(o, ",\"copies\":");
    print_copies_json(o, h);
    sbuf_puts(o, ",\"corrected\":");
    print_corrected_json(o, h->corrected);
}

void print_hit_json(sbuf *o, const tifa_hit *h) {
    sbuf_puts(o, "{");
    print_hit_fields(o, h);
    sbuf_puts(o, "}");
}

void print_correction_json(sbuf *o, const tifa_correction *k) {
    sbuf_puts(o, "{\"field\":");
    print_json_string(o, k->field);
    print_json_field(o, "action", k->action);
    print_json_field(o, "value", k->value);
    print_json_field(o, "before", k->before);
    print_json_field(o, "note", k->note);
    print_json_field(o, "at", k->at);
    sbuf_putc(o, '}');
}
