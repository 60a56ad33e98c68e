/* cli/correct: `tifa set`, `tifa unset` and `tifa log` — corrections to
 * what extraction said, kept apart from it (tifa_corpus_correct). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char *set_help = "usage: tifa set [--db PATH] [--note TEXT] ID FIELD=VALUE...\n"
                              "       tifa unset [--db PATH] [--note TEXT] ID FIELD...\n"
                              "       tifa log [--db PATH] [--json] ID\n"
                              "\n"
                              "set corrects fields of document ID; FIELD= (nothing after =) says it has none.\n"
                              "unset takes a correction back: the field is again what extraction (or the\n"
                              "source) said. log shows every set and unset, with when and the note.\n"
                              "Fields: date (yyyy-mm-dd), name, org, place, chair, chair_title, source (the\n"
                              "outlet the text names) of the document's main meeting; outlet, url, published\n"
                              "and retrieved (yyyy-mm-dd[ hh:mm[:ss]]) of the document. Corrections live\n"
                              "apart from the record; list, search's filters, trend, export and the views\n"
                              "use the corrected value and mark it (* in lists, \"corrected\" in JSON).\n";

/* set and unset: ID, then FIELD=VALUE (set) or FIELD (unset). */
static int correct(int argc, char **argv, int unset) {
    const char *cmd = unset ? "unset" : "set", *db = NULL, *note = NULL;
    const char *names[64], *values[64];
    int n = 0, have_id = 0;
    int64_t id = 0;
    tifa_filter unused = {0};
    char *copies[64];
    int ncopies = 0, status = 0;
    for (int i = 1; i < argc && !status; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (r < 0) return r == -1 ? usage_error(cmd, a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(set_help, stdout);
            return 0;
        } else if (!strcmp(a, "--note") && i + 1 < argc) {
            note = argv[++i];
        } else if (a[0] == '-' && a[1] == '-') {
            return usage_error(cmd, a);
        } else if (!have_id) {
            if (!parse_id(a, &id)) {
                fprintf(stderr, "tifa: %s: '%s' is not a document id\n", cmd, SHOWN(a));
                return 2;
            }
            have_id = 1;
        } else if (n == 64) {
            fprintf(stderr, "tifa: %s: at most 64 fields at once\n", cmd);
            return 2;
        } else if (unset) {
            names[n] = a;
            values[n++] = NULL;
        } else {
            const char *eq = strchr(a, '=');
            if (!eq || eq == a) {
                fprintf(stderr, "tifa: set: '%s' is not FIELD=VALUE\n", SHOWN(a));
                status = 2;
                break;
            }
            char *name = strndup(a, (size_t)(eq - a));
            if (!name) return 1;
            copies[ncopies++] = name;
            names[n] = name;
            values[n++] = eq + 1;
        }
    }
    if (!status && (!have_id || !n)) {
        fputs(set_help, stderr);
        status = 2;
    }
    tifa_corpus *c = status ? NULL : open_corpus(db, 0);
    if (!status && !c) status = 1;
    if (c) {
        tifa_error err = {0};
        if (tifa_corpus_correct(c, id, names, values, n, unset ? TIFA_CORRECT_UNSET : 0, note, &err) != TIFA_OK) {
            fprintf(stderr, "tifa: %s: %s\n", cmd, err.message);
            status = err.code == TIFA_EUSAGE ? 2 : 1;
        }
        tifa_corpus_close(c);
    }
    for (int k = 0; k < ncopies; k++) free(copies[k]);
    return status;
}

int cmd_set(int argc, char **argv) { return correct(argc, argv, 0); }
int cmd_unset(int argc, char **argv) { return correct(argc, argv, 1); }

static void print_or_none(const char *v) { fputs(v ? v : "(none)", stdout); }

/* One line of log (or of show's corrections). */
static int print_correction(void *user, const tifa_correction *k) {
    int json = *(int *)user;
    if (json) {
        sbuf out = cli_stdout();
        print_correction_json(&out, k);
        putchar('\n');
        return 0;
    }
    printf("%s  %-5s %s: ", k->at, k->action, k->field);
    print_or_none(k->before);
    fputs(" -> ", stdout);
    print_or_none(k->value);
    if (k->note) printf("  (%s)", k->note);
    putchar('\n');
    return 0;
}

static int print_in_force(void *user, const tifa_correction *k) {
    (void)user;
    printf("    corrected %s: ", k->field);
    print_or_none(k->value);
    fputs(" (was ", stdout);
    print_or_none(k->before);
    printf("; %s%s%s)\n", k->at, k->note ? ": " : "", k->note ? k->note : "");
    return 0;
}

tifa_status show_corrections(tifa_corpus *c, int64_t id, tifa_error *err) {
    return tifa_corpus_corrections(c, id, print_in_force, NULL, err);
}

int cmd_log(int argc, char **argv) {
    const char *db = NULL;
    int json = 0, have_id = 0;
    int64_t id = 0;
    tifa_filter unused = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = corpus_option(argc, argv, &i, &db, &unused);
        if (r < 0) return r == -1 ? usage_error("log", a) : 2;
        if (r) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(set_help, stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (!have_id && parse_id(a, &id)) {
            have_id = 1;
        } else {
            return usage_error("log", a);
        }
    }
    if (!have_id) {
        fputs(set_help, stderr);
        return 2;
    }
    tifa_corpus *c = open_corpus(db, 1);
    if (!c) return 1;
    tifa_error err = {0};
    int status = 0;
    if (tifa_corpus_log(c, id, print_correction, &json, &err) != TIFA_OK) {
        fprintf(stderr, "tifa: log: %s\n", err.message);
        status = 1;
    }
    tifa_corpus_close(c);
    return status;
}
