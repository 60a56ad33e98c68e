/* clean: punctuation, spacing, layout, boilerplate, streaming, idempotence. */
#include <stdlib.h>
#include "testing.h"
#include "tifa.h"

TEST(test_punct_ascii) {
    char *s = clean_str("1月5日,2025年國防工作會議在京召開.來源:工信微報?好!是;對");
    CHECK_STR(s, "1月5日，2025年国防工作会议在京召开.来源：工信微报？好！是；对\n");
    free(s);
}

TEST(test_punct_numbers_stay) {
    char *s = clean_str("增长3.5%，投资1,000亿元，时间10:30，Notice: The end, ok!");
    CHECK_STR(s, "增长3.5%，投资1,000亿元，时间10:30，Notice: The end, ok!\n");
    free(s);
}

TEST(test_punct_parens) {
    char *s = clean_str("会议(扩大)召开，(A+B)不变，（已有）");
    CHECK_STR(s, "会议（扩大）召开，(A+B)不变，（已有）\n");
    free(s);
}

TEST(test_spacing) {
    char *s = clean_str("科技工作会议 13 日在京召开，2019 年 9 月 11 日 举行 AI 芯片 大会");
    CHECK_STR(s, "科技工作会议13日在京召开，2019年9月11日举行 AI 芯片大会\n");
    free(s);
    s = clean_str("　　会议指出，要加强领导。  \n\n  会议强调，要狠抓落实。");
    CHECK_STR(s, "会议指出，要加强领导。\n会议强调，要狠抓落实。\n");
    free(s);
}

TEST(test_layout_stray_break) {
    char *s = clean_str("会议指出，全系统要进一步强化党的创新理论武装，深入学习贯彻\n习近平经济思想，推动工作落实。");
    CHECK_STR(s, "会议指出，全系统要进一步强化党的创新理论武装，深入学习贯彻习近平经济思想，推动工作落实。\n");
    free(s);
}

TEST(test_layout_title_not_glued) {
    char *s = clean_str("全国工业和信息化工作会议在京召开\n会议指出，要加强领导。\n第一部分\n会议强调，要狠抓落实。");
    CHECK_STR(s, "全国工业和信息化工作会议在京召开\n会议指出，要加强领导。\n第一部分\n会议强调，要狠抓落实。\n");
    free(s);
}

TEST(test_layout_columns) {
    const char *in =
        "科技工作会议在京召开\n"
        " 新华社北京1月13日电 全国\n\n科技工作会议 13 日在京召开。\n\n中共中央政治局常委、中央科技\n\n"
        "委员会主任丁薛祥出席会议并\n\n讲话。\n\n丁薛祥指出，党的二十大明\n\n确提出 2035 年建成科技强国，\n\n"
        "习近平总书记在全国科技大会\n\n上发表重要讲话。\n";
    char *s = clean_str(in);
    CHECK_STR(s, "科技工作会议在京召开\n新华社北京1月13日电全国科技工作会议13日在京召开。\n"
                 "中共中央政治局常委、中央科技委员会主任丁薛祥出席会议并讲话。\n"
                 "丁薛祥指出，党的二十大明确提出2035年建成科技强国，习近平总书记在全国科技大会上发表重要讲话。\n");
    free(s);
}

TEST(test_boiler_fields_and_furniture) {
    const char *in = "网易首页 > 网易号 > 正文 申请入驻\n\n会议在京召开\n\n0\n分享至\n\n"
                     "会议指出，要加强党的全面领导，以高质量党建引领高质量发展，推动各项工作落地见效。\n![]()\n"
                     "来源丨科工微报\n责编 | 王思芃\n若需转载,敬请联络\n喜欢就“ ”和“在看”哦\n";
    char *s = clean_str(in);
    CHECK_STR(s, "会议在京召开\n会议指出，要加强党的全面领导，以高质量党建引领高质量发展，推动各项工作落地见效。\n");
    free(s);
}

TEST(test_boiler_tail) {
    const char *in = "会议指出，要加强党的全面领导，以高质量党建引领高质量发展，推动各项工作落地见效。\n"
                     "相关推荐\n小米近4月回购44次，股价半年跌超40%\n21世纪经济报道\n2026-01-22 21:34:28\n";
    char *s = clean_str(in);
    CHECK_STR(s, "会议指出，要加强党的全面领导，以高质量党建引领高质量发展，推动各项工作落地见效。\n");
    free(s);
}

TEST(test_boiler_tail_ends_at_prose) {
    /* A corpus file of several pages: the next page's prose ends the tail. */
    const char *in =
        "会议指出，要加强党的全面领导，以高质量党建引领高质量发展，推动各项工作落地见效。\n"
        "相关推荐\n小米近4月回购44次，股价半年跌超40%\n2026-01-22 21:34:28\n"
        "国务院总理李强主持召开国务院常务会议，研究部署进一步做好稳就业工作。会议指出，就业是最基本的民生，"
        "事关人民群众切身利益。要坚持就业优先，强化政策支持，稳定和扩大就业岗位。会议强调，要狠抓落实。\n";
    char *s = clean_str(in);
    CHECK(s && strstr(s, "就业是最基本的民生") != NULL);
    CHECK(s && strstr(s, "小米") == NULL);
    free(s);
}

static int sink(void *user, const char *d, size_t n) {
    char **buf = user;
    size_t have = strlen(*buf);
    char *p = realloc(*buf, have + n + 1);
    if (!p) return 1;
    memcpy(p + have, d, n);
    p[have + n] = 0;
    *buf = p;
    return 0;
}

TEST(test_clean_streaming_equals_oneshot) {
    const char *in =
        "1月(yue)5日,2025年(nian)(nian)國(guo)防(fang)(fang)科(ke)技工業(ye)工作會議(yi)在京召(zhao)開(kai)。\n"
        "會議指出,要堅(jian)持以習(xi)近平新時代中國特色社會主義思想為指導。";
    char *whole = clean_str(in);
    for (size_t piece = 1; piece <= 7; piece += 3) {
        tifa_cleaner *c;
        char *got = calloc(1, 1);
        CHECK(tifa_cleaner_new(NULL, "t", sink, &got, &c, NULL) == TIFA_OK);
        for (size_t i = 0; i < strlen(in); i += piece) {
            size_t n = strlen(in) - i < piece ? strlen(in) - i : piece;
            CHECK(tifa_cleaner_feed(c, in + i, n, NULL) == TIFA_OK);
        }
        CHECK(tifa_cleaner_finish(c, NULL, NULL) == TIFA_OK);
        tifa_cleaner_free(c);
        CHECK_STR(got, whole);
        free(got);
    }
    free(whole);
}

TEST(test_clean_idempotent) {
    const char *in = "全国工业和信息化工作会议在京召开\n 会议指出 , 要加强领导。\n\n\n会议强调,要狠抓落实(扩大)\n";
    char *once = clean_str(in);
    char *twice = clean_str(once);
    CHECK_STR(twice, once);
    free(once);
    free(twice);
}

TEST(test_clean_keep_script) {
    char *s = clean_opts("會議(yì)指出,要加強", strlen("會議(yì)指出,要加強"), NULL, 0);
    CHECK_STR(s, "會議指出，要加強\n");
    free(s);
    s = clean_opts("会议指出", strlen("会议指出"), "s2t", 0);
    CHECK_STR(s, "會議指出\n");
    free(s);
}

TEST(test_clean_empty) {
    char *s = clean_str("");
    CHECK_STR(s, "");
    free(s);
    s = clean_str("\n\n  \n");
    CHECK_STR(s, "");
    free(s);
}

TEST(test_clean_crlf) {
    char *s = clean_str("会议指出，要加强领导。\r\n会议强调，要狠抓落实。\r\n");
    CHECK_STR(s, "会议指出，要加强领导。\n会议强调，要狠抓落实。\n");
    free(s);
}
