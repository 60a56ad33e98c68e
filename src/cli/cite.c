/* cli/cite: `tifa cite ID...` — a citation of stored documents in plain
 * text, BibTeX (biblatex's @online) or CSL-JSON (what Zotero and pandoc
 * read), from what the corpus knows of each: outlet, title (else the
 * meeting), publication date, URL, retrieval date (else the day it was
 * added to the corpus, said so). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli/cite.h"

typedef struct {
    int format, n;
} citer;

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
    fprintf(fp, "%s{\"id\":\"tifa-%lld\",\"type\":\"article-newspaper\",\"title\":", first ? "" : ",\n", (long long)h->id);
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

static int cite_one(void *user, const tifa_hit *h) {
    citer *k = user;
    cite_write(stdout, h, k->format, k->n == 0);
    k->n++;
    return 0;
}

static const char *cite_help = "usage: tifa cite [--db PATH] [--format text|bibtex|csl-json] ID...\n"
                               "\n"
                               "A citation of each document: outlet, title (else the meeting's name),\n"
                               "publication date, URL and the day it was retrieved (else the day it was\n"
                               "added to the corpus, said so). bibtex: biblatex @online entries (title,\n"
                               "organization, date, url, urldate); csl-json: an array of CSL items, as\n"
                               "Zotero and pandoc read them. Corrected values are used.\n";

int cmd_cite(int argc, char **argv) {
    const char *db = NULL;
    citer k = {CITE_TEXT, 0};
    tifa_filter unused = {0};
    int64_t ids[256];
    int n = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (r < 0) return r == -1 ? usage_error("cite", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(cite_help, stdout);
            return 0;
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if (!strcmp(f, "text"))
                k.format = CITE_TEXT;
            else if (!strcmp(f, "bibtex"))
                k.format = CITE_BIBTEX;
            else if (!strcmp(f, "csl-json") || !strcmp(f, "csl"))
                k.format = CITE_CSL;
            else
                return usage_error("cite", f);
        } else if (n < 256 && parse_id(a, &ids[n])) {
            n++;
        } else {
            return usage_error("cite", a);
        }
    }
    if (!n) {
        fputs(cite_help, stderr);
        return 2;
    }
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    int status = 0;
    if (k.format == CITE_CSL) putchar('[');
    for (int i = 0; i < n; i++) {
        tifa_error err = {0};
        if (tifa_corpus_doc(c, ids[i], cite_one, &k, &err) != TIFA_OK) {
            fprintf(stderr, "tifa: cite: %s\n", err.message);
            status = 1;
        }
    }
    if (k.format == CITE_CSL) puts("]");
    tifa_corpus_close(c);
    return status;
}
