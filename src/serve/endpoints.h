/* serve/endpoints: the JSON API, one row an endpoint. Not an ordinary
 * header: each includer defines API() to take the columns it needs, so the
 * list is written once. route.h makes the route kinds of it, route.c the
 * paths it matches (with no handler, so the fuzz target links without the
 * corpus), api.c the handlers it calls.
 *
 *   kind     ROUTE_<kind> (route.h)
 *   method   "GET" (HEAD too) or "POST": every write is a POST, and every
 *            POST passed the guard's Origin and content-type checks
 *   path     the path; with a suffix, what comes before a document id
 *   suffix   NULL for an exact path; else what follows the id ("" none)
 *   handler  api.c's function
 *   writes   what a --read-only server refuses (403 "... is off"), or
 *            NULL for an endpoint that changes nothing
 */
/* clang-format off */
/*  kind             method  path               suffix          handler              writes */
API(SEARCH,          "GET",  "/api/search",     NULL,           api_search,          NULL)
API(BROWSE,          "GET",  "/api/browse",     NULL,           api_browse,          NULL)
API(BROWSE_CSV,      "GET",  "/api/browse.csv", NULL,           api_browse_csv,      NULL)
API(SERIES,          "GET",  "/api/series",     NULL,           api_series,          NULL)
API(TREND,           "GET",  "/api/trend",      NULL,           api_trend,           NULL)
API(TREND_CSV,       "GET",  "/api/trend.csv",  NULL,           api_trend_csv,       NULL)
API(DIFF,            "GET",  "/api/diff",       NULL,           api_diff,            NULL)
API(STATS,           "GET",  "/api/stats",      NULL,           api_stats,           NULL)
API(DOC,             "GET",  "/api/doc/",       "",             api_doc,             NULL)
API(DOC_RAW,         "GET",  "/api/doc/",       "/raw",         api_doc_raw,         NULL)
API(DOC_RECORD,      "GET",  "/api/doc/",       "/record",      api_doc_record,      NULL)
API(DOC_CITE,        "GET",  "/api/doc/",       "/cite",        api_cite,            NULL)
API(DOC_CORRECTIONS, "GET",  "/api/doc/",       "/corrections", api_corrections,     NULL)
API(DOC_CORRECT,     "POST", "/api/doc/",       "/correct",     api_correct,         "correcting")
API(ADD,             "POST", "/api/add",        NULL,           api_add,             "adding")
API(LOGIN,           "POST", "/api/login",      NULL,           api_login,           NULL)
/* clang-format on */
