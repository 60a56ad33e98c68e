/* cli/reextract: `tifa reextract` — a corpus brought up to the running
 * tifa's extraction (tifa_corpus_reextract): argument parsing and
 * printing only. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char *reextract_help = "usage: tifa reextract [--db PATH] [--jobs N] [--batch N] [--dry-run] [ID...]\n"
                                    "\n"
                                    "Cleans and extracts every stored document (or documents ID...) again from its\n"
                                    "raw bytes with this version of tifa and, where the result differs, rewrites\n"
                                    "what extraction made: the record, the clean text and its search index entry,\n"
                                    "the near-copy fingerprints, and the date, meeting, org and title that list,\n"
                                    "search and trend read. Kept: the raw bytes, file names, sources, ids, copy\n"
                                    "links and corrections (tifa set), which still show over the new values.\n"
                                    "Each batch is one transaction: an interrupted run leaves the corpus sound,\n"
                                    "and running again finishes it. Ends with the line\n"
                                    "  documents D, re-extracted R, changed C, unchanged U, failed F\n"
                                    "--dry-run: change nothing; print each field that would change, a line each:\n"
                                    "  #ID FIELD: BEFORE -> AFTER   (JSON values)\n"
                                    "--jobs: threads extracting (default 1). --batch: documents per transaction\n"
                                    "(default and at most 256).\n";

typedef struct {
    const char *db;
} printer;

/* A failure on standard error; a field that differs on standard output. */
static int print_change(void *user, const tifa_reextract_change *ch) {
    const printer *p = user;
    long long id = (long long)ch->id;
    if (!ch->field) {
        fprintf(stderr, "tifa: %s: document %lld: %s\n", SHOWN(p->db), id, ch->message ? ch->message : "failed");
        return 0;
    }
    printf("#%lld %s: ", id, ch->field);
    if (!strcmp(ch->field, "text"))
        printf("the clean text, %s -> %s bytes", ch->before, ch->after);
    else if (!strcmp(ch->field, "fingerprints"))
        fputs("the near-copy fingerprints", stdout);
    else if (!strcmp(ch->field, "other"))
        fputs("the record differs elsewhere too (other articles, texts, spans)", stdout);
    else
        printf("%s -> %s", SHOWN(ch->before), SHOWN(ch->after));
    if (ch->corrected) printf("  (corrected to %s, which stays)", SHOWN(ch->corrected));
    putchar('\n');
    return 0;
}

/* The options and ids; 0, or the exit status of a usage error. */
static int parse_args(int argc, char **argv, const char **db, int *jobs, int *batch, int *dry, int64_t *ids,
                      size_t *n) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(reextract_help, stdout);
            return -1;
        } else if (!strcmp(a, "--dry-run")) {
            *dry = 1;
        } else if (!strcmp(a, "--db") && has_value) {
            *db = argv[++i];
        } else if (!strcmp(a, "--jobs") && has_value) {
            *jobs = atoi(argv[++i]);
            if (*jobs < 1 || *jobs > 64) return usage_error("reextract", "--jobs");
        } else if (!strcmp(a, "--batch") && has_value) {
            *batch = atoi(argv[++i]);
            if (*batch < 1) return usage_error("reextract", "--batch");
        } else if (a[0] == '-') {
            return usage_error("reextract", a);
        } else if (!parse_id(a, &ids[(*n)++])) {
            fprintf(stderr, "tifa: reextract: '%s' is not a document id\n", SHOWN(a));
            return 2;
        }
    }
    return 0;
}

int cmd_reextract(int argc, char **argv) {
    const char *db = NULL;
    int jobs = 1, batch = 0, dry = 0;
    int64_t *ids = calloc((size_t)argc, sizeof *ids);
    size_t n = 0;
    if (!ids) {
        fputs("tifa: reextract: out of memory\n", stderr);
        return 1;
    }
    int status = parse_args(argc, argv, &db, &jobs, &batch, &dry, ids, &n);
    if (status) {
        free(ids);
        return status < 0 ? 0 : status;
    }
    /* Opened to be read first: a missing, empty, damaged or foreign file is
     * said to be so, and none is made. */
    tifa_corpus *c = open_corpus(db, 1);
    if (c && !dry) {
        tifa_corpus_close(c);
        c = open_corpus(db, 0);
    }
    if (!c) {
        free(ids);
        return 1;
    }
    if (batch) tifa_corpus_set_batch(c, batch);
    printer p = {corpus_path(db)};
    unsigned flags = dry ? TIFA_REEXTRACT_DRY_RUN | TIFA_REEXTRACT_FIELDS : 0;
    tifa_reextract_stats s;
    tifa_error err = {0};
    tifa_status st = tifa_corpus_reextract(c, n ? ids : NULL, n, flags, jobs, print_change, &p, &s, &err);
    if (st != TIFA_OK) fprintf(stderr, "tifa: %s: %s\n", SHOWN(p.db), err.message);
    tifa_corpus_close(c);
    free(ids);
    fflush(stdout);
    fprintf(stderr, "documents %lld, re-extracted %lld, changed %lld, unchanged %lld, failed %lld\n",
            (long long)s.documents, (long long)s.reextracted, (long long)s.changed, (long long)s.unchanged,
            (long long)s.failed);
    return st != TIFA_OK || s.failed ? 1 : 0;
}
