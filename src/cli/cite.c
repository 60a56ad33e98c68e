/* cli/cite: `tifa cite ID...` — a citation of stored documents in plain
 * text, BibTeX or CSL-JSON; the citations themselves are app/cite.c's,
 * which the server's cite box writes too. */
#include <string.h>
#include "app/cite.h"
#include "cli.h"

typedef struct {
    int format, n;
} citer;

static int cite_one(void *user, const tifa_hit *h) {
    citer *k = user;
    sbuf out = cli_stdout();
    cite_write(&out, h, k->format, k->n == 0);
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
            k.format = !strcmp(f, "csl") ? CITE_CSL : cite_format(f); /* csl: a short name on the command line */
            if (k.format < 0) return usage_error("cite", f);
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
