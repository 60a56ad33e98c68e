/* app/cite: a stored document cited in plain text, BibTeX (biblatex's
 * @online) or CSL-JSON (what Zotero and pandoc read), from what the corpus
 * knows of it: outlet, title (else the meeting), publication date, URL,
 * retrieval date (else the day it was added to the corpus, said so).
 * `tifa cite` and the server's cite box both write these, so the two never
 * differ. */
#include <stdlib.h>
#include <string.h>
#include "app/cite.h"
#include "app/jsonout.h"

/* yyyy-mm-dd of a date that may carry a time. */
static void day_of(const char *s, char out[11]) { snprintf(out, 11, "%.10s", s ? s : ""); }

static const char *title_of(const tifa_hit *h) {
    return h->title ? h->title : h->meeting ? h->meeting : h->file ? h->file : "";
}

/* BibTeX's special characters, escaped so that any title is read back
 * as written. */
static void bibtex_text(sbuf *o, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '{':
        case '}':
        case '%':
        case '&':
        case '$':
        case '#':
        case '_':
            sbuf_printf(o, "\\%c", *s);
            break;
        case '\\':
            sbuf_puts(o, "\\textbackslash{}");
            break;
        case '~':
            sbuf_puts(o, "\\textasciitilde{}");
            break;
        case '^':
            sbuf_puts(o, "\\textasciicircum{}");
            break;
        default:
            sbuf_putc(o, *s);
        }
    }
}

static void bibtex_field(sbuf *o, const char *name, const char *value, int escape) {
    if (!value || !*value) return;
    sbuf_printf(o, ",\n  %s = {", name);
    if (escape)
        bibtex_text(o, value);
    else /* a URL: braces are all it cannot hold */
        for (const char *s = value; *s; s++)
            if (*s != '{' && *s != '}') sbuf_putc(o, *s);
    sbuf_putc(o, '}');
}

static void cite_bibtex(sbuf *o, const tifa_hit *h) {
    char pub[11], got[11];
    day_of(h->published, pub);
    day_of(h->retrieved ? h->retrieved : h->added, got);
    sbuf_printf(o, "@online{tifa%lld", (long long)h->id);
    bibtex_field(o, "title", title_of(h), 1);
    if (h->outlet) {
        sbuf_printf(o, ",\n  organization = {{");
        bibtex_text(o, h->outlet);
        sbuf_printf(o, "}}");
    }
    bibtex_field(o, "date", pub, 0);
    bibtex_field(o, "url", h->url, 0);
    bibtex_field(o, "urldate", h->url ? got : NULL, 0);
    char note[160];
    snprintf(note, sizeof note, "tifa corpus document %lld%s%s", (long long)h->id, h->date ? "; meeting of " : "",
             h->date ? h->date : "");
    bibtex_field(o, "note", note, 1);
    sbuf_puts(o, "\n}\n");
}

/* CSL dates: {"date-parts": [[y, m, d]]} from yyyy-mm-dd. */
static void csl_date(sbuf *o, const char *key, const char *s) {
    if (!s || strlen(s) < 10) return;
    sbuf_printf(o, ",\"%s\":{\"date-parts\":[[%d,%d,%d]]}", key, atoi(s), atoi(s + 5), atoi(s + 8));
}

static void cite_csl(sbuf *o, const tifa_hit *h, int first) {
    sbuf_printf(o, "%s{\"id\":\"tifa-%lld\",\"type\":\"article-newspaper\",\"title\":", first ? "" : ",\n",
                (long long)h->id);
    print_json_string(o, title_of(h));
    if (h->outlet) {
        sbuf_puts(o, ",\"container-title\":");
        print_json_string(o, h->outlet);
        sbuf_puts(o, ",\"publisher\":");
        print_json_string(o, h->outlet);
    }
    csl_date(o, "issued", h->published);
    if (h->url) {
        sbuf_puts(o, ",\"URL\":");
        print_json_string(o, h->url);
        csl_date(o, "accessed", h->retrieved ? h->retrieved : h->added);
    }
    char note[160];
    snprintf(note, sizeof note, "tifa corpus document %lld%s%s", (long long)h->id, h->date ? "; meeting of " : "",
             h->date ? h->date : "");
    sbuf_puts(o, ",\"note\":");
    print_json_string(o, note);
    sbuf_puts(o, "}");
}

/* Outlet. “Title.” Date. URL (retrieved date). */
static void cite_text(sbuf *o, const tifa_hit *h) {
    char pub[11], got[11];
    day_of(h->published, pub);
    day_of(h->retrieved ? h->retrieved : h->added, got);
    if (h->outlet) sbuf_printf(o, "%s. ", h->outlet);
    sbuf_printf(o, "“%s.” %s", title_of(h), pub[0] ? pub : "n.d.");
    if (pub[0]) sbuf_putc(o, '.');
    if (h->url) sbuf_printf(o, " %s (%s %s).", h->url, h->retrieved ? "retrieved" : "added to the corpus", got);
    if (h->date) sbuf_printf(o, " Meeting of %s.", h->date);
    sbuf_printf(o, " [tifa #%lld]\n", (long long)h->id);
}

void cite_write(sbuf *o, const tifa_hit *h, int format, int first) {
    if (format == CITE_BIBTEX) {
        if (!first) sbuf_putc(o, '\n');
        cite_bibtex(o, h);
    } else if (format == CITE_CSL) {
        cite_csl(o, h, first);
    } else {
        cite_text(o, h);
    }
}

int cite_format(const char *name) {
    return !strcmp(name, "text")       ? CITE_TEXT
           : !strcmp(name, "bibtex")   ? CITE_BIBTEX
           : !strcmp(name, "csl-json") ? CITE_CSL
                                       : -1;
}
