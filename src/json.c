/*
 * json: writes records. Strings are escaped (quotes, backslashes, every
 * control character) and invalid UTF-8 becomes U+FFFD, so the output is
 * valid JSON whatever the input held; json_quote does it, for every JSON
 * string tifa writes (app/jsonout.c too). Commas and indentation are
 * tracked per nesting level.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "utf8.h"

void jw_init(jw *w, int pretty) {
    memset(w, 0, sizeof *w);
    sbuf_init(&w->out, 0);
    w->pretty = pretty;
    w->first[0] = 1;
}

void jw_free(jw *w) {
    sbuf_free(&w->out);
    w->s = NULL;
    w->len = 0;
}

/* After each write: s, len and failed as jw.h promises. */
static void sync(jw *w) {
    w->s = w->out.s;
    w->len = w->out.len;
    if (w->out.err) w->failed = 1;
}

static void put(jw *w, const char *s, size_t n) {
    if (w->failed) return;
    sbuf_put(&w->out, s, n);
    sync(w);
}

static void newline(jw *w) {
    if (!w->pretty) return;
    put(w, "\n", 1);
    for (int i = 0; i < w->depth; i++) put(w, "  ", 2);
}

/* Before a value: the comma and indentation its position needs. */
static void before_value(jw *w) {
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (!w->first[w->depth]) put(w, ",", 1);
        newline(w);
    }
    w->first[w->depth] = 0;
}

static void open(jw *w, char c) {
    before_value(w);
    put(w, &c, 1);
    if (w->depth < 63) w->depth++;
    w->first[w->depth] = 1;
}

static void close(jw *w, char c) {
    int empty = w->first[w->depth];
    if (w->depth > 0) w->depth--;
    if (!empty) newline(w);
    put(w, &c, 1);
}

void jw_obj(jw *w) { open(w, '{'); }
void jw_obj_end(jw *w) { close(w, '}'); }
void jw_arr(jw *w) { open(w, '['); }
void jw_arr_end(jw *w) { close(w, ']'); }

void json_quote(sbuf *b, const char *s, size_t n) {
    sbuf_putc(b, '"');
    size_t pos = 0, run = 0;
    while (pos < n) {
        unsigned char c = (unsigned char)s[pos];
        const char *esc = NULL;
        char tmp[8];
        size_t step = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\r')
            esc = "\\r";
        else if (c < 0x20 || c == 0x7F) {
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
            esc = tmp;
        } else if (c >= 0x80) {
            uint32_t cp;
            step = u8_strict((const unsigned char *)s + pos, n - pos, &cp);
            if (!step) esc = "\xEF\xBF\xBD", step = 1;
        }
        if (esc) {
            sbuf_put(b, s + run, pos - run);
            sbuf_puts(b, esc);
            pos += step;
            run = pos;
        } else {
            pos += step;
        }
    }
    sbuf_put(b, s + run, pos - run);
    sbuf_putc(b, '"');
}

static void quoted(jw *w, const char *s, size_t n) {
    if (w->failed) return;
    json_quote(&w->out, s, n);
    sync(w);
}

void jw_raw(jw *w, const char *s, size_t n) { put(w, s, n); }
void jw_value_raw(jw *w, const char *s, size_t n) {
    before_value(w);
    put(w, s, n);
}
void jw_quoted(jw *w, const char *s, size_t n) { quoted(w, s, n); }

void jw_key(jw *w, const char *key) {
    before_value(w);
    quoted(w, key, strlen(key));
    put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
    w->after_key = 1;
}

void jw_strn(jw *w, const char *s, size_t n) {
    before_value(w);
    quoted(w, s, n);
}

void jw_str(jw *w, const char *s) {
    if (!s) {
        jw_null(w);
        return;
    }
    jw_strn(w, s, strlen(s));
}

void jw_int(jw *w, long long v) {
    char tmp[32];
    before_value(w);
    int n = snprintf(tmp, sizeof tmp, "%lld", v);
    put(w, tmp, (size_t)n);
}

void jw_bool(jw *w, int v) {
    before_value(w);
    put(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(jw *w) {
    before_value(w);
    put(w, "null", 4);
}

void jw_field(jw *w, const char *key, const char *value) {
    jw_key(w, key);
    jw_str(w, value);
}

void jw_base64(jw *w, const void *data, size_t n) {
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = data;
    char buf[4096];
    size_t k = 0;
    before_value(w);
    put(w, "\"", 1);
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        buf[k++] = digits[v >> 18 & 63];
        buf[k++] = digits[v >> 12 & 63];
        buf[k++] = i + 1 < n ? digits[v >> 6 & 63] : '=';
        buf[k++] = i + 2 < n ? digits[v & 63] : '=';
        if (k == sizeof buf) put(w, buf, k), k = 0;
    }
    put(w, buf, k);
    put(w, "\"", 1);
}
