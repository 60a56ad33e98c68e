/* The stored form of records (src/corpus_record.c): article texts written
 * as references at the places extraction gives, no search; every stored
 * form an earlier tifa wrote still read back. */
#include <stdlib.h>
#include <string.h>
#include "corpus_record.h"
#include "extract.h"
#include "testing.h"

/* A text of 70 bytes (RECORD_MIN_TEXT is 64): worth a reference. */
#define LONG_TEXT  "会议指出，今年以来全市经济运行总体平稳、稳中向好。"
#define SHORT_TEXT "会议强调。"
#define CLEAN      "标题\n" LONG_TEXT "\n" SHORT_TEXT "\n"

/* The place of the string value after the n-th "text": of rec, and of its
 * text in CLEAN. */
static text_place place_of(const char *rec, int n, const char *text) {
    const char *k = rec;
    for (int i = 0; i <= n; i++) k = strstr(k, "\"text\":") + 7;
    const char *end = strchr(k + 1, '"') + 1;
    text_place t = {(size_t)(k - rec), (size_t)(end - rec), (size_t)(strstr(CLEAN, text) - CLEAN), strlen(text)};
    return t;
}

static char *expand(const char *stored) { return record_expand(stored, strlen(stored), CLEAN, strlen(CLEAN), NULL); }

TEST(test_record_stored_at_places) {
    const char *rec = "{\"articles\":[{\"text\":\"" LONG_TEXT "\",\"x\":1},{\"text\":\"" SHORT_TEXT "\"}]}";
    text_place at[2] = {place_of(rec, 0, LONG_TEXT), place_of(rec, 1, SHORT_TEXT)};
    CHECK(strlen(LONG_TEXT) >= RECORD_MIN_TEXT && strlen(SHORT_TEXT) < RECORD_MIN_TEXT);
    char *stored = record_compact(rec, strlen(rec), at, 2, CLEAN, strlen(CLEAN));
    /* The long text by reference, the short one as it is. */
    CHECK_STR(stored, "{\"articles\":[{\"text\":{\"clean\":[7,75]},\"x\":1},{\"text\":\"" SHORT_TEXT "\"}]}");
    char *back = stored ? expand(stored) : NULL;
    CHECK_STR(back, rec);
    free(back);
    free(stored);
    /* Nothing long enough: stored as it is. */
    CHECK(record_compact(rec, strlen(rec), at + 1, 1, CLEAN, strlen(CLEAN)) == NULL);
}

/* A place is the writer's word, or a record's from elsewhere (add
 * --records): one that does not hold is not used. */
TEST(test_record_place_must_check) {
    const char *rec = "{\"articles\":[{\"text\":\"" LONG_TEXT "\"}]}";
    size_t n = strlen(rec), cn = strlen(CLEAN);
    text_place good = place_of(rec, 0, LONG_TEXT), t;
    t = good, t.clean_at++;
    CHECK(record_compact(rec, n, &t, 1, CLEAN, cn) == NULL); /* another text */
    t = good, t.clean_at = cn;
    CHECK(record_compact(rec, n, &t, 1, CLEAN, cn) == NULL); /* beyond the clean text */
    t = good, t.json_end = n + 1;
    CHECK(record_compact(rec, n, &t, 1, CLEAN, cn) == NULL); /* beyond the record */
    t = good, t.json_at--;
    CHECK(record_compact(rec, n, &t, 1, CLEAN, cn) == NULL); /* not the value */
    text_place twice[2] = {good, good};
    char *stored = record_compact(rec, n, twice, 2, CLEAN, cn); /* the second overlaps the first: dropped */
    CHECK_STR(stored, "{\"articles\":[{\"text\":{\"clean\":[7,75]}}]}");
    free(stored);
    /* Not right after "text": (a space: where the reader would not look). */
    const char *spaced = "{\"text\": \"" LONG_TEXT "\"}";
    t = good, t.json_at = 9, t.json_end = strlen(spaced);
    CHECK(record_compact(spaced, strlen(spaced), &t, 1, CLEAN, cn) == NULL);
}

/* A value the JSON writer escaped (quotes, backslashes, line breaks) is
 * still the text. */
TEST(test_record_escaped_text) {
    const char *clean = "他说\"要把\\改革\\落到实处\"，\n坚持以人民为中心的发展思想，推动高质量发展。\n";
    const char *rec =
        "{\"text\":\"他说\\\"要把\\\\改革\\\\落到实处\\\"，\\n坚持以人民为中心的发展思想，推动高质量发展。\"}";
    text_place t = {8, strlen(rec) - 1, 0, strlen(clean) - 1}; /* after {"text": */
    char *stored = record_compact(rec, strlen(rec), &t, 1, clean, strlen(clean));
    CHECK(stored && strstr(stored, "{\"clean\":[0,"));
    char *back = stored ? record_expand(stored, strlen(stored), clean, strlen(clean), NULL) : NULL;
    CHECK_STR(back, rec);
    free(back);
    free(stored);
}

/* What earlier tifas stored reads back: references found by searching the
 * clean text (also of a date_basis "text", and of a repeated text at its
 * first place), whole records, and a damaged reference left as it is. */
TEST(test_record_reads_old_forms) {
    char *back = expand("{\"date_basis\":{\"text\":{\"clean\":[0,6]},\"span\":null}}");
    CHECK_STR(back, "{\"date_basis\":{\"text\":\"标题\",\"span\":null}}");
    free(back);
    back = expand("{\"articles\":[{\"text\":{\"clean\":[7,75]}},{\"text\":{\"clean\":[7,75]}}]}");
    CHECK_STR(back, "{\"articles\":[{\"text\":\"" LONG_TEXT "\"},{\"text\":\"" LONG_TEXT "\"}]}");
    free(back);
    back = expand("{\"articles\":[{\"text\":\"" SHORT_TEXT "\"}]}");
    CHECK_STR(back, "{\"articles\":[{\"text\":\"" SHORT_TEXT "\"}]}");
    free(back);
    back = expand("{\"text\":{\"clean\":[7,9999]}}");
    CHECK_STR(back, "{\"text\":{\"clean\":[7,9999]}}");
    free(back);
}

/* Extraction gives each article's places: every long text is stored by
 * reference, and the stored form reads back as the record. */
TEST(test_record_places_from_extraction) {
    const char *doc = "市政府召开常务会议\n5月6日，市政府召开第十次常务会议，市长张伟主持会议。" LONG_TEXT "\n"
                      "区委召开全会\n新华社北京5月8日电 区委召开全体会议，书记李明主持会议。" LONG_TEXT "\n";
    char *json = NULL;
    size_t json_len;
    doc_summary sum;
    CHECK(extract_document(NULL, "t.txt", doc, strlen(doc), 0, &json, &json_len, &sum, NULL) == TIFA_OK);
    CHECK(sum.ntexts >= 1);
    size_t refs = 0, want = 0;
    for (size_t i = 0; i < sum.ntexts; i++) want += sum.texts[i].clean_len >= RECORD_MIN_TEXT;
    char *stored = json ? record_compact(json, json_len, sum.texts, sum.ntexts, sum.clean, sum.clean_len) : NULL;
    for (const char *p = stored; p && (p = strstr(p, "\"text\":{\"clean\":[")); p++) refs++;
    CHECK(want >= 1 && refs == want);
    size_t back_len = 0;
    char *back = stored ? record_expand(stored, strlen(stored), sum.clean, sum.clean_len, &back_len) : NULL;
    CHECK(back && back_len == json_len && memcmp(back, json, json_len) == 0);
    free(back);
    free(stored);
    tifa_free(json);
    doc_summary_free(&sum);
}
