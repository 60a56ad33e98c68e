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
static void bibtex_text(FILE *fp, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '{':
        case '}':
        case '%':
        case '&':
        case '$':
        case '#':
        case '_':
            fprintf(fp, "\\%c", *s);
            break;
        case '\\':
            fputs("\\textbackslash{}", fp);
            break;
        case '~':
            fputs("\\textasciitilde{}", fp);
            break;
        case '^':
            fputs("\\textasciicircum{}", fp);
            break;
        default:
            fputc(*s, fp);
        }
    }
}

static void bibtex_field(FILE *fp, const char *name, const char *value, int escape) {
    if (!value || !*value) return;
    fprintf(fp, ",\n  %s = {", name);
    if (escape)
        bibtex_text(fp, value);
    else /* a URL: braces are all it cannot hold */
        for (const char *s = value; *s; s++)
            if (*s != '{' && *s != '}') fputc(*s, fp);
    fputc('}', fp);
}

static void cite_bibtex(FILE *fp, const tifa_hit *h) {
    char pub[11], got[11];
    day_of(h->published, pub);
    day_of(h->retrieved ? h->retrieved : h->added, got);
    fprintf(fp, "@online{tifa%lld", (long long)h->id);
    bibtex_field(fp, "title", title_of(h), 1);
    if (h->outlet) {
        fprintf(fp, ",\n  organization = {{");
        bibtex_text(fp, h->outlet);
        fprintf(fp, "}}");
    }
    bibtex_field(fp, "date", pub, 0);
    bibtex_field(fp, "url", h->url, 0);
    bibtex_field(fp, "urldate", h->url ? got : NULL, 0);
    char note[160];
    snprintf(note, sizeof note, "tifa corpus document %lld%s%s", (long long)h->id, h->date ? "; meeting of " : "",
             h->date ? h->date : "");
    bibtex_field(fp, "note", note, 1);
    fputs("\n}\n", fp);
}

/* CSL dates: {"date-parts": [[y, m, d]]} from yyyy-mm-dd. */
static void csl_date(FILE *fp, const char *key, const char *s) {
    if (!s || strlen(s) < 10) return;
    fprintf(fp, ",\"%s\":{\"date-parts\":[[%d,%d,%d]]}", key, atoi(s), atoi(s + 5), atoi(s + 8));
}

static void cite_csl(FILE *fp, const tifa_hit *h, int first) {
    fprintf(fp, "%s{\"id\":\"tifa-%lld\",\"type\":\"article-newspaper\",\"title\":", first ? "" : ",\n",
            (long long)h->id);
    print_json_string(fp, title_of(h));
    if (h->outlet) {
        fputs(",\"container-title\":", fp);
        print_json_string(fp, h->outlet);
        fputs(",\"publisher\":", fp);
        print_json_string(fp, h->outlet);
    }
    csl_date(fp, "issued", h->published);
    if (h->url) {
        fputs(",\"URL\":", fp);
        print_json_string(fp, h->url);
        csl_date(fp, "accessed", h->retrieved ? h->retrieved : h->added);
    }
    char note[160];
    snprintf(note, sizeof note, "tifa corpus document %lld%s%s", (long long)h->id, h->date ? "; meeting of " : "",
             h->date ? h->date : "");
    fputs(",\"note\":", fp);
    print_json_string(fp, note);
    fputs("}", fp);
}

/* Outlet. “Title.” Date. URL (retrieved date). */
static void cite_text(FILE *fp, const tifa_hit *h) {
    char pub[11], got[11];
    day_of(h->published, pub);
    day_of(h->retrieved ? h->retrieved : h->added, got);
    if (h->outlet) fprintf(fp, "%s. ", h->outlet);
    fprintf(fp, "“%s.” %s", title_of(h), pub[0] ? pub : "n.d.");
    if (pub[0]) fputc('.', fp);
    if (h->url) fprintf(fp, " %s (%s %s).", h->url, h->retrieved ? "retrieved" : "added to the corpus", got);
    if (h->date) fprintf(fp, " Meeting of %s.", h->date);
    fprintf(fp, " [tifa #%lld]\n", (long long)h->id);
}

void cite_write(FILE *fp, const tifa_hit *h, int format, int first) {
    if (format == CITE_BIBTEX) {
        if (!first) fputc('\n', fp);
        cite_bibtex(fp, h);
    } else if (format == CITE_CSL) {
        cite_csl(fp, h, first);
    } else {
        cite_text(fp, h);
    }
}

int cite_format(const char *name) {
    return !strcmp(name, "text")       ? CITE_TEXT
           : !strcmp(name, "bibtex")   ? CITE_BIBTEX
           : !strcmp(name, "csl-json") ? CITE_CSL
                                       : -1;
}
