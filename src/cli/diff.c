/* cli/diff: `tifa diff A B` — ids from the corpus (their text and terms as
 * stored) or files (cleaned and extracted once), compared by tifa_diff_sides. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "app/jsonout.h"
#include "sbuf.h"

static const char *diff_help =
    "usage: tifa diff [--db PATH] [--json] [--color[=auto|always|never]] A B\n"
    "\n"
    "Compares two readouts (corpus ids, or files cleaned and extracted on the fly):\n"
    "formulations only in A, only in B, in both; sentences removed, added and\n"
    "changed (changes highlighted by character; colour on a terminal). Aligned by\n"
    "sentence, so a moved paragraph is not reported as new. One of A and B may be\n"
    "-, standard input. Colour on a terminal unless NO_COLOR is set. --json: {\"terms\":\n"
    "{\"only_a\",\"only_b\",\"both\"}, \"sentences\": {\"added\",\"removed\",\"changed\"},\n"
    "\"spans\": where each sentence stands, in characters}; a changed pair carries its\n"
    "character operations (\"ops\"). An id is compared as the corpus holds it.\n";

/* A side from a file (- for standard input), cleaned and extracted once. */
static tifa_diff_side *side_of_file(const char *what) {
    FILE *fp = strcmp(what, "-") ? fopen(what, "rb") : stdin;
    if (!fp) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(what), strerror(errno));
        return NULL;
    }
    sbuf b;
    sbuf_init(&b, 0);
    if (sbuf_reserve(&b, 1u << 16) == 0) sbuf_read(&b, fp);
    if (fp != stdin) fclose(fp);
    size_t len;
    char *buf = sbuf_steal(&b, &len);
    if (!buf) {
        fprintf(stderr, "tifa: %s: read error\n", SHOWN(what));
        return NULL;
    }
    tifa_diff_side *side = NULL;
    tifa_error err = {0};
    if (tifa_diff_side_read(buf, len, &side, &err) != TIFA_OK) fprintf(stderr, "tifa: diff: %s\n", err.message);
    free(buf);
    return side;
}

/* A side from an id in the corpus (its text and terms as stored) or a file. */
static tifa_diff_side *load(const char *what, const char *db) {
    int64_t id;
    if (!parse_id(what, &id) || access(what, F_OK) == 0) return side_of_file(what);
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return NULL;
    tifa_diff_side *side = NULL;
    tifa_error err = {0};
    if (tifa_corpus_diff_side(c, id, &side, &err) != TIFA_OK) fprintf(stderr, "tifa: diff: %s\n", err.message);
    tifa_corpus_close(c);
    return side;
}

int cmd_diff(int argc, char **argv) {
    const char *db = NULL, *side[2] = {NULL, NULL};
    int json = 0, n = 0, color = COLOR_AUTO;
    tifa_filter unused = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (!r) r = color_option(a, &color);
        if (r < 0) return r == -1 ? usage_error("diff", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(diff_help, stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (a[0] == '-' && a[1] == '-') {
            return usage_error("diff", a);
        } else if (n < 2) {
            side[n++] = a;
        } else {
            return usage_error("diff", a);
        }
    }
    if (n != 2) {
        fputs(diff_help, stderr);
        return 2;
    }
    if (!strcmp(side[0], "-") && !strcmp(side[1], "-")) {
        fprintf(stderr, "tifa: diff: standard input (-) can be one side only\n");
        return 2;
    }
    tifa_diff_side *a = load(side[0], db);
    tifa_diff_side *b = a ? load(side[1], db) : NULL;
    int status = 1;
    if (a && b) {
        tifa_error err = {0};
        unsigned flags = json ? TIFA_DIFF_JSON : !use_color(color, 1) ? 0u : TIFA_DIFF_COLOR;
        tifa_status st = tifa_diff_sides(a, b, flags, sbuf_write_file, stdout, &err);
        if (st == TIFA_OK)
            status = 0;
        else
            fprintf(stderr, "tifa: diff: %s\n", st == TIFA_ESINK ? "write error" : err.message);
    }
    tifa_diff_side_free(a);
    tifa_diff_side_free(b);
    return status;
}
