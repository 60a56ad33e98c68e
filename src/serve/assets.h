/* serve/assets: the web pages, compiled in (build/gen/assets.c, written by
 * tools/gen_assets.py from web/). Nothing is read from disk at run time. */
#ifndef TIFA_SERVE_ASSETS_H
#define TIFA_SERVE_ASSETS_H
#include <stddef.h>

typedef struct {
    const char *name; /* file name under web/, e.g. "app.js" */
    const char *type; /* Content-Type */
    const unsigned char *data;
    size_t len;
} serve_asset;

extern const serve_asset serve_assets[];
extern const size_t serve_asset_count;

/* The asset called name (exact match), or NULL. */
const serve_asset *serve_asset_find(const char *name);

#endif
