/* convert: OpenCC semantics. Expected strings were produced by the opencc
 * command (1.1.6, Debian) on the same input. */
#include <stdlib.h>
#include "testing.h"
#include "tifa.h"

TEST(test_convert_t2s_chars) {
    char *s = convert_str("t2s", "國防科技工業");
    CHECK_STR(s, "国防科技工业");
    free(s);
}

TEST(test_convert_phrases) {
    /* 乾 is 干 in most words but stays in phrases such as 乾隆. */
    char *s = convert_str("t2s", "乾隆皇帝在乾燥的天氣");
    CHECK_STR(s, "乾隆皇帝在干燥的天气");
    free(s);
    s = convert_str("s2t", "头发和发展");
    CHECK_STR(s, "頭髮和發展");
    free(s);
}

TEST(test_convert_group_first_dict_wins) {
    /* s2twp: 演算法 is matched inside a run by TWPhrases. */
    char *s = convert_str("s2twp", "演算法");
    CHECK_STR(s, "演演算法");
    free(s);
}

TEST(test_convert_segments_kept) {
    /* A later step never matches across segments of the first: 鼠标 is a
     * TW phrase, but in 栗鼠标 the segmentation has split it. */
    char *s = convert_str("s2twp", "鼠标");
    CHECK_STR(s, "滑鼠");
    free(s);
    s = convert_str("s2twp", "栗鼠标");
    CHECK_STR(s, "栗鼠標");
    free(s);
    s = convert_str("s2twp", "后壁纸");
    CHECK_STR(s, "後壁紙");
    free(s);
}

TEST(test_convert_unknown_config) {
    tifa_converter *c = NULL;
    tifa_error err;
    CHECK(tifa_converter_new("nope", &c, &err) == TIFA_EUSAGE);
    CHECK(c == NULL);
    CHECK(strstr(err.message, "nope") != NULL);
    CHECK(tifa_converter_new("t2s.json", &c, &err) == TIFA_OK);
    tifa_converter_free(c);
}

TEST(test_convert_safe_prefix) {
    const char *s = "頭髮。頭";
    size_t p = tifa_convert_safe_prefix(s, strlen(s));
    CHECK(p == strlen("頭髮。"));
    CHECK(tifa_convert_safe_prefix("頭髮", strlen("頭髮")) == 0);
}

TEST(test_convert_passes_invalid_bytes) {
    char *s = convert_str("t2s", "國\xFF國");
    CHECK_STR(s, "国\xFF国");
    free(s);
}
