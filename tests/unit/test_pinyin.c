/* pinyin: which parenthesised groups are annotations. Run through clean
 * with the script kept, so only annotation removal (and punctuation) acts. */
#include <stdlib.h>
#include "testing.h"
#include "pinyin.h"
#include "tifa.h"

static char *keep(const char *in) { return clean_opts(in, strlen(in), NULL, 1); }

TEST(test_pinyin_basic) {
    char *s = keep("國(guó)防科技工業(yè)會(huì )議");
    CHECK_STR(s, "國防科技工業會議\n");
    free(s);
    CHECK(pinyin_is_reading(0x570B, "guo"));
    CHECK(!pinyin_is_reading(0x570B, "jia"));
}

TEST(test_pinyin_tone_forms) {
    char *s = keep("國(guo2)國(guó)國（guó）國( guo )女(nü)女(nv)女(nu:)女(nǚ)");
    CHECK_STR(s, "國國國國女女女女\n");
    free(s);
}

TEST(test_pinyin_repeated_groups) {
    char *s = keep("2025年(nian)(nian)國(guo)防(fang)(fang)");
    CHECK_STR(s, "2025年國防\n");
    free(s);
}

TEST(test_pinyin_not_a_reading) {
    /* Not a reading of the character before: text, kept (with full-width
     * parentheses only when they hold Han). */
    char *s = keep("中國(China)和美國(abc)與會(GDP)");
    CHECK_STR(s, "中國(China)和美國(abc)與會(GDP)\n");
    free(s);
    s = keep("部長(zhang)講話");
    CHECK_STR(s, "部長講話\n");
    free(s);
    s = keep("部長(xyz)講話");
    CHECK_STR(s, "部長(xyz)講話\n");
    free(s);
}

TEST(test_pinyin_inside_real_parens) {
    char *s = keep("以上內(nèi)容(如有圖片或視頻亦包括在內(nèi))為準");
    CHECK_STR(s, "以上內容（如有圖片或視頻亦包括在內）為準\n");
    free(s);
}

TEST(test_pinyin_orphan) {
    tifa_options opt;
    tifa_options_init(&opt);
    opt.target = NULL;
    tifa_clean_report rep;
    char *out;
    size_t n;
    const char *in = "談?(wù)認識";
    CHECK(tifa_clean(&opt, in, strlen(in), &out, &n, &rep, NULL) == TIFA_OK);
    CHECK_STR(out, "談？(wù)認識\n");
    CHECK(rep.orphan_annotations == 1);
    free(out);
}
