/* Runs every unit test and prints `N passed, M failed`. */
#include <stdlib.h>
#include "testing.h"
#include "tifa.h"

int test_failed;

#define TESTS(X)                                                                                                       \
    X(test_decode_utf8_bom)                                                                                            \
    X(test_decode_invalid_counted) X(test_decode_gb18030) X(test_decode_big5) X(test_decode_utf16)                     \
        X(test_decode_lone_surrogate) X(test_detect_mostly_utf8) X(test_decode_nul) X(test_decode_broken_at_every_offset) X(test_utf8_strict) X(test_convert_t2s_chars)          \
            X(test_convert_phrases) X(test_convert_group_first_dict_wins) X(test_convert_segments_kept)                \
                X(test_convert_unknown_config) X(test_convert_safe_prefix) X(test_convert_passes_invalid_bytes)        \
                    X(test_pinyin_basic) X(test_pinyin_tone_forms) X(test_pinyin_repeated_groups)                      \
                        X(test_pinyin_not_a_reading) X(test_pinyin_inside_real_parens) X(test_pinyin_orphan)           \
                            X(test_punct_ascii) X(test_punct_numbers_stay) X(test_punct_parens) X(test_spacing)        \
                                X(test_layout_stray_break) X(test_layout_title_not_glued) X(test_layout_columns)       \
                                    X(test_boiler_fields_and_furniture) X(test_boiler_tail)                            \
                                        X(test_boiler_tail_ends_at_prose) X(test_clean_streaming_equals_oneshot)       \
                                            X(test_clean_idempotent) X(test_clean_keep_script) X(test_clean_empty)     \
                                                X(test_clean_crlf) X(test_html_sniff) X(test_html_map_points_into_page) \
                                                    X(test_html_meta) X(test_html_deep_nesting) X(test_nearcopy_values_pinned) X(test_nearcopy_simhash_is_the_vote) X(test_nearcopy_set_equals_scan) X(test_nearcopy_repost_found) X(test_nearcopy_search_in_parts) \
    X(test_sbuf_grows) X(test_sbuf_cap) X(test_sbuf_sink_stage) X(test_sbuf_read) X(test_sbuf_reserve_in_place)       \
    X(test_record_stored_at_places) X(test_record_place_must_check) X(test_record_escaped_text)                       \
    X(test_record_reads_old_forms) X(test_record_places_from_extraction)

#define DECLARE(name) void name(void);
TESTS(DECLARE)

char *clean_opts(const char *in, size_t len, const char *target, int keep_boiler) {
    tifa_options opt;
    tifa_options_init(&opt);
    opt.target = target;
    opt.keep_boilerplate = keep_boiler;
    char *out = NULL;
    size_t n;
    tifa_error err;
    if (tifa_clean(&opt, in, len, &out, &n, NULL, &err) != TIFA_OK) return NULL;
    return out;
}

char *clean_str(const char *in) { return clean_opts(in, strlen(in), "t2s", 0); }

static int collect(void *user, const char *data, size_t len) {
    char **buf = user;
    size_t have = *buf ? strlen(*buf) : 0;
    char *p = realloc(*buf, have + len + 1);
    if (!p) return 1;
    memcpy(p + have, data, len);
    p[have + len] = 0;
    *buf = p;
    return 0;
}

char *convert_str(const char *config, const char *in) {
    tifa_converter *c;
    if (tifa_converter_new(config, &c, NULL) != TIFA_OK) return NULL;
    char *out = calloc(1, 1);
    if (tifa_convert(c, in, strlen(in), collect, &out, NULL) != TIFA_OK) {
        free(out);
        out = NULL;
    }
    tifa_converter_free(c);
    return out;
}

int main(void) {
    int passed = 0, failed = 0;
#define RUN(name)                                                                                                      \
    test_failed = 0;                                                                                                   \
    name();                                                                                                            \
    if (test_failed) {                                                                                                 \
        failed++;                                                                                                      \
        fprintf(stderr, "not ok - %s\n", #name);                                                                       \
    } else {                                                                                                           \
        passed++;                                                                                                      \
    }
    TESTS(RUN)
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
