/* html.c: sniffing, the offset map into the decoded page, metadata, the
 * nesting cap. */
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "testing.h"

static char *extract_page(const char *page, html_meta *m, tbuf *t) {
    tifa_encoding used;
    uint64_t invalid;
    tbuf_init(t, 0);
    if (html_extract("t.html", page, strlen(page), TIFA_ENC_AUTO, t, m, NULL, &used, &invalid, NULL) != TIFA_OK) return NULL;
    return t->s ? t->s : "";
}

TEST(test_html_sniff) {
    CHECK(html_sniff("<!DOCTYPE html><html>", 21));
    CHECK(html_sniff("\xEF\xBB\xBF  \n<html lang=zh>", 21));
    CHECK(html_sniff("<meta charset=utf-8>", 20));
    CHECK(!html_sniff("会议指出，<b>要</b>做好工作。", strlen("会议指出，<b>要</b>做好工作。")));
    CHECK(!html_sniff("<国务院常务会议>", strlen("<国务院常务会议>")));
    CHECK(!html_sniff("", 0));
    CHECK(!html_sniff(NULL, 0));
    const char *frag = "<div><p>一</p><p>二</p><p>三</p><p>四</p><br><span>五</span></div>";
    CHECK(html_sniff(frag, strlen(frag)));
}

/* Every visible character of the text maps to the same character in the
 * page, or to the '&' of the entity it came from. */
TEST(test_html_map_points_into_page) {
    const char *page =
        "<html><head><title>标题_网站</title><script>var a = '<p>x</p>';</script></head><body>\n"
        "<div class=\"content\">\n  <p>会议指出，要&nbsp;加强&amp;改进&#12290;</p>\n"
        "<!-- 注释 --><p   style=\"x\"   data-a='1'>会议强调，    要抓好<a href=\"/x\">落实</a>工作。</p></div>"
        "</body></html>";
    html_meta m;
    tbuf t;
    const char *s = extract_page(page, &m, &t);
    CHECK(s != NULL);
    if (!s) return;
    CHECK(strstr(s, "会议指出，要 加强&改进。") != NULL);
    CHECK(strstr(s, "会议强调， 要抓好落实工作。") != NULL);
    CHECK(strstr(s, "var") == NULL && strstr(s, "注释") == NULL);
    size_t plen = strlen(page);
    for (size_t i = 0; i < t.len;) {
        size_t n = 1;
        while (i + n < t.len && ((unsigned char)t.s[i + n] & 0xC0) == 0x80) n++;
        uint64_t at = tbuf_src(&t, i);
        CHECK(at < plen);
        if (at < plen && t.s[i] != '\n' && t.s[i] != ' ' && i >= strlen("标题_网站") /* the title line from <title> */)
            CHECK(page[at] == '&' || memcmp(page + at, t.s + i, n) == 0);
        i += n;
    }
    tbuf_free(&t);
    html_meta_free(&m);
}

TEST(test_html_meta) {
    const char *page =
        "<html><head><meta charset=utf-8><title>李强主持召开国务院常务会议--时政--人民网</title>"
        "<link rel=canonical href=\"http://example.cn/a.html\"></head><body>"
        "<h1>李强主持召开国务院常务会议</h1><div>2024年05月10日08:29 | 来源：人民网－人民日报</div>"
        "<div class=rm_txt_con><p>国务院总理李强5月10日主持召开国务院常务会议，研究部署稳就业工作。</p>"
        "<p>会议指出，就业是最基本的民生。</p><div class=edit>(责编：胡永秋、杨光宇)</div></div></body></html>";
    html_meta m;
    tbuf t;
    const char *s = extract_page(page, &m, &t);
    CHECK(s != NULL);
    CHECK_STR(m.title, "李强主持召开国务院常务会议");
    CHECK_STR(m.published, "2024-05-10 08:29");
    CHECK_STR(m.source, "人民网－人民日报");
    CHECK_STR(m.editor, "胡永秋、杨光宇");
    CHECK_STR(m.url, "http://example.cn/a.html");
    CHECK(s && strncmp(s, "李强主持召开国务院常务会议\n", strlen("李强主持召开国务院常务会议\n")) == 0);
    tbuf_free(&t);
    html_meta_free(&m);
}

TEST(test_html_deep_nesting) {
    size_t n = 100000;
    char *page = malloc(n * 11 + 64);
    CHECK(page != NULL);
    if (!page) return;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += (size_t)sprintf(page + k, "<div><span>");
    k += (size_t)sprintf(page + k, "最深处的文字，还在。");
    page[k] = 0;
    html_meta m;
    tbuf t;
    const char *s = extract_page(page, &m, &t);
    CHECK(s && strstr(s, "最深处的文字，还在。"));
    tbuf_free(&t);
    html_meta_free(&m);
    free(page);
}
