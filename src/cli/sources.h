/* cli/sources: the sources `tifa add` gives documents (command line and
 * --manifest); see sources.c. Not library API. */
#ifndef TIFA_CLI_SOURCES_H
#define TIFA_CLI_SOURCES_H
#include <stddef.h>
#include "tifa.h"

/* A manifest entry by the real path of its file (the joined path when
 * the file is not there). */
typedef struct {
    char *key;
    size_t entry;
} sources_key;

typedef struct {
    tifa_source given; /* --outlet, --url, --published, --retrieved */
    int any_given;     /* one of them was given */
    const char *manifest;
    tifa_manifest *m;
    size_t n;            /* entries */
    char **paths;        /* each entry's file, beside the manifest */
    tifa_source *merged; /* each entry's source, the command line's filling the gaps */
    unsigned char *used;
    size_t unlisted;   /* files looked up that the manifest does not list */
    sources_key *keys; /* sorted */
} add_sources;

/* Reads the manifest (after given is set). 0, or 1 with the reason
 * printed. */
int sources_load(add_sources *s, const char *manifest);
/* The source of the file at path: its entry's, else the command line's;
 * NULL when there is none. Valid while s lives. */
const tifa_source *sources_for(add_sources *s, const char *path);
/* Entry i's file as a path from here. */
const char *sources_path(const add_sources *s, size_t i);
void sources_free(add_sources *s);

#endif
