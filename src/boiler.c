#define _GNU_SOURCE /* memmem */
/*
 * boiler: recognises the lines of a page that are not the article.
 *
 * Reposts wrap a readout in navigation ("网易首页 > 网易号 > 正文"), share
 * counters ("0", "分享至"), repost notices ("若需转载"), prompts ("喜欢就…"),
 * disclaimers (特别声明 / Notice), lists of unrelated headlines with
 * timestamps, and image stubs ("![]()"). Source and editor lines are page
 * metadata: they leave the text and become fields. The rules are data: the
 * tables below, one group per kind of furniture, each with why it is there.
 *
 * Not for: joining lines (layout.c) or anything inside a body paragraph.
 */
#include <string.h>
#include "boiler.h"
#include "bytescan.h"
#include "punct.h"
#include "utf8.h"

/* Whole lines that are buttons, counters and menu items on portal pages. */
static const char *const furniture_lines[] = {
    "分享至",
    "分享让更多人看到", /* people.com.cn */
    "链接地址",
    "最新动态",
    "大字号",
    "小字号",
    "中字号",
    "分享到",
    "分享",
    "打印",
    "关闭",
    "关闭窗口",
    "收藏",
    "返回顶部",
    "返回",
    "评论",
    "点赞",
    "在看",
    "阅读原文",
    "扫一扫",
    "微信",
    "微博",
    "QQ空间",
    "字号",
    "大 中 小",
    "【打印】",
    "【关闭】",
    "【大 中 小】",
    "打印本页",
    "关闭本页",
    "上一篇",
    "下一篇",
    "举报",
    "投诉",
    "我要纠错",
    "全部",
    "正文",
    "相关",
    "手机看",
    "查看更多",
    "展开全文",
    "加载更多",
    "无障碍浏览 进入关怀版",
    /* e-paper page turners and social buttons */
    "前一天后一天",
    "前一天",
    "后一天",
    "上一版",
    "下一版",
    "上一期",
    "下一期",
    "展开通版",
    "收缩通版",
    "听新闻",
    /* a media player's controls, kept as text by pages that embed one
     * (Video.js, the player most portals use; its labels are English
     * whatever the page's language) */
    "Play Video",
    "Play",
    "Pause",
    "Mute",
    "Unmute",
    "Fullscreen",
    "Non-Fullscreen",
    "Exit Fullscreen",
    "Picture-in-Picture",
    "Close Modal Dialog",
    "This is a modal window.",
    "视频播放",
    "播放视频",
    "Facebook",
    "Twitter",
    "LinkedIn",
    "WhatsApp",
    "Telegram",
    "微信扫一扫",
    "朋友圈",
    "首页",
    "摘要",
    /* comment and login widgets */
    "抢沙发",
    "最热评论",
    "最新评论",
    "发表评论",
    "我要评论",
    "网友评论",
    "查看评论",
    "登录",
    "注册",
    "登录 注册",
    "退出登录",
};

/* Line openings of repost notices, prompts and disclaimers. */
static const char *const furniture_prefixes[] = {
    "若需转载",     "如需转载",
    "转载请",       "期待投稿",
    "欢迎投稿",     "各单位投稿",
    "投稿邮箱",     "喜欢就",
    "觉得好看",     "点个在看",
    "点击上方",     "点击下方",
    "点击蓝字",     "点击关注",
    "长按识别",     "长按二维码",
    "扫描二维码",   "扫码关注",
    "关注我们",     "欢迎关注",
    "版权所有",     "Copyright",
    "copyright",    "©",
    "免责声明",     "原标题",
    "【纠错】",     "当前位置",
    "您当前的位置", "您的位置",
    "所在位置",     "网站地图",
    "ICP备",        "京ICP",
    "京公网安备",   "分享到：",
    "分享到:",      "【字体",
    "字体：",       "字号：",
    "【我要纠错】", "扫一扫",
    "【打印",       "【关闭",
    "打印本页",     "发布时间",
    "发布日期",     "浏览次数",
    "阅读次数",     "点击数：",
    "跳转到",       "不支持Flash",
    "留言板",       "新浪简介",
    "旧版网站",     "站内搜索",
    "网站无障碍",   "无障碍浏览",
    "• 索引号",     "• 发布机构",
    "• 关键词",     "• 主题分类",
    "• 成文日期",   "• 发文字号",
    "• 发布日期",   "索引号：",
    "通版阅读",     "更多资讯",
    "当前版",       "放大字体",
    "缩小字体",     "分享：",
    "本页位置",     "中新网分类新闻查询",
    "http://",      "https://",
    "www.",
    /* summaries, keywords, disclaimers and comment prompts of portal pages */
    "摘要：",       "摘要:",
    "关键词：",     "关键词:",
    "关键字：",     "【免责声明】",
    "版权及免责声明", "抢沙发",
    "短网址：",
};

/* Words that make a short unpunctuated line page metadata ("2019-09-11
 * 10:00 来源：新华社 【字体：大 中 小】"), wherever they stand in it. */
static const char *const metadata_words[] = {
    "来源：", "来源:",    "责任编辑", "发布时间", "发布日期",     "字体：",
    "作者：", "浏览次数", "【打印】", "【关闭】", "【我要纠错】",
};

/* A short line with one of these anywhere is a disclaimer ("本文仅代表作者
 *观点，不代表本网立场", "文章来自网友投稿，文责自负"). */
static const char *const disclaimer_words[] = {"不代表本网立场", "不代表本站立场", "不代表本网观点", "文责自负",
                                               "版权及免责声明", "转载请注明", "任何形式转载", "信息真实性自行斟酌",
                                               /* a listed company's announcement opens with its pledge */
                                               "不存在任何虚假记载", "没有虚假记载", "不存在虚假记载"};

/* Lines after which the rest of a page is other content, never the article. */
static const char *const tail_markers[] = {
    "相关推荐",     "热点推荐", "相关阅读", "相关新闻", "延伸阅读",     "往期回顾", "推荐阅读",
    "热门推荐",     "猜你喜欢", "热门文章", "精彩推荐", "更多精彩",     "特别声明", "Notice: The content above",
    "相关文章",     "热点新闻", "为您推荐", "今日推荐", "更多中国要闻", "更多新闻", "更多要闻",
    "更多精彩内容",
};

/* Metadata roles. The line "ROLE SEP NAME" becomes an editor field. */
static const char *const editor_roles[] = {
    "责任编辑", "责编", "主编", "审校", "编辑", "校对", "审核", "终审",   "初审",   "复审",
    "二审",     "三审", "监制", "统筹", "排版", "美编", "策划", "出品人", "总编辑", "值班编辑",
};
static const char *const source_roles[] = {"来源", "稿源", "文章来源", "信息来源", "消息来源", "出处"};

/* Separators between a metadata role and its value. */
static const char *const separators[] = {"：", ":", "丨", "|", "｜", "/", "／"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static inline int starts_with(const char *s, size_t len, const char *p) {
    /* Most lines fail on the first character, cheaply. */
    if (!len || s[0] != p[0] || (len > 2 && p[1] && (s[1] != p[1] || (p[2] && s[2] != p[2])))) return 0;
    size_t n = strlen(p);
    return n <= len && memcmp(s, p, n) == 0;
}

static int equals(const char *s, size_t len, const char *p) {
    return len && s[0] == p[0] && strlen(p) == len && memcmp(s, p, len) == 0;
}

/* What characters a short line holds, as bits: ASCII bytes exactly,
 * two-byte characters by their last 6 bits, three-byte ones by the low 8
 * bits of their code point. A word with a character whose bit is clear is
 * not on the line, which spares most of the searches below. */
typedef struct {
    uint64_t ascii[2], two, three[4];
} line_sig;

static inline unsigned sig_bit(const unsigned char *c) { return (unsigned)(c[1] & 0x03) << 6 | (c[2] & 0x3F); }

static void sig_of(const char *s, size_t len, line_sig *g) {
    const unsigned char *u = (const unsigned char *)s;
    memset(g, 0, sizeof *g);
    for (size_t i = 0; i < len;) {
        unsigned c = u[i];
        if (c < 0x80) {
            g->ascii[c >> 6] |= 1ull << (c & 63);
            i++;
        } else if (c >= 0xE0 && c < 0xF0 && i + 2 < len) {
            unsigned b = sig_bit(u + i);
            g->three[b >> 6] |= 1ull << (b & 63);
            i += 3;
        } else if (c >= 0xC0 && c < 0xE0 && i + 1 < len) {
            g->two |= 1ull << (u[i + 1] & 63);
            i += 2;
        } else {
            i++;
        }
    }
}

/* Is the character of k bytes at c (k from char_bytes) on the line? */
static int sig_has_char(const line_sig *g, const unsigned char *c, size_t k) {
    if (k == 3) {
        unsigned b = sig_bit(c);
        return (g->three[b >> 6] >> (b & 63)) & 1;
    }
    if (k == 2) return (g->two >> (c[1] & 63)) & 1;
    if (c[0] < 0x80) return (g->ascii[c[0] >> 6] >> (c[0] & 63)) & 1;
    return 1; /* four-byte characters are not asked about */
}

/* The length of the character at c within n bytes, as sig_of steps. */
static size_t char_bytes(const unsigned char *c, size_t n) {
    if (c[0] >= 0xE0 && c[0] < 0xF0 && n >= 3) return 3;
    if (c[0] >= 0xC0 && c[0] < 0xE0 && n >= 2) return 2;
    return 1;
}

/* Can the line hold the n bytes at w? No when one of its characters is
 * missing. */
static int sig_may_have(const line_sig *g, const char *w, size_t n) {
    const unsigned char *u = (const unsigned char *)w;
    for (size_t i = 0; i < n;) {
        size_t k = char_bytes(u + i, n - i);
        if (!sig_has_char(g, u + i, k)) return 0;
        i += k;
    }
    return 1;
}

/* The first characters of a table's words, 1,024 bits by a hash: a line
 * whose first character's bit is clear starts with none of them, and the
 * table is not walked. Made from the tables for each window (a few
 * thousand instructions), so nothing is kept between calls. */
typedef struct {
    uint64_t bits[16];
} first_set;

static unsigned first_hash(const char *s, size_t len) {
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    unsigned h = 0;
    for (size_t i = 0; i < n && i < len; i++) h = h * 31 + u[i];
    return h & 1023;
}

static void first_set_add(first_set *f, const char *const *words, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned h = first_hash(words[i], strlen(words[i]));
        f->bits[h >> 6] |= 1ull << (h & 63);
    }
}

static void first_set_of(first_set *f, const char *const *words, size_t n) {
    memset(f, 0, sizeof *f);
    first_set_add(f, words, n);
}

/* Can a word of the set open a text whose first_hash is h? */
static int may_open_h(const first_set *f, unsigned h) { return (f->bits[h >> 6] >> (h & 63)) & 1; }

/* memmem for a word of n > 0 bytes: found by its first three bytes 16 at a
 * time when it has them. */
static const char *word_at(const char *s, size_t len, const char *w, size_t n) {
    if (n < 3) return memmem(s, len, w, n);
    const unsigned char *u = (const unsigned char *)s, *uw = (const unsigned char *)w;
    for (size_t i = 0; i + n <= len; i++) {
        i = find3(u, i, len, uw[0], uw[1], uw[2]);
        if (i + n > len) return NULL;
        if (memcmp(s + i + 3, w + 3, n - 3) == 0) return s + i;
    }
    return NULL;
}

/* memmem for a word, asking the line's signature first (g NULL: none):
 * one walk over the word measures it and asks for each of its characters,
 * and stops at the first the line lacks or when it outgrows the line. */
static const char *find_word(const line_sig *g, const char *s, size_t len, const char *w) {
    const unsigned char *u = (const unsigned char *)w;
    size_t n = 0;
    while (u[n]) {
        if (n >= len) return NULL;
        size_t k = char_bytes(u + n, (size_t)(u[n + 1] ? (u[n + 2] ? 3 : 2) : 1));
        if (g && !sig_has_char(g, u + n, k)) return NULL;
        n += k;
    }
    return word_at(s, len, w, n);
}

static size_t skip_spaces(const char *s, size_t pos, size_t end) {
    while (pos < end) {
        if (s[pos] == ' ' || s[pos] == '\t')
            pos++;
        else if (end - pos >= 3 && memcmp(s + pos, "\xE3\x80\x80", 3) == 0)
            pos += 3;
        else
            break;
    }
    return pos;
}

/* "ROLE SEP value": returns 1 and the value span when the line is one. */
static int role_line(const char *s, size_t start, size_t end, const char *const *roles, size_t nroles, size_t *role_end,
                     size_t *vstart) {
    for (size_t r = 0; r < nroles; r++) {
        if (!starts_with(s + start, end - start, roles[r])) continue;
        size_t pos = skip_spaces(s, start + strlen(roles[r]), end);
        for (size_t k = 0; k < COUNT(separators); k++) {
            if (!starts_with(s + pos, end - pos, separators[k])) continue;
            size_t v = skip_spaces(s, pos + strlen(separators[k]), end);
            /* A value is short: a long line is a sentence that starts with the
             * word. In bytes: 50 Han characters, room for the date and
             * counters that follow on the same line. */
            if (v < end && end - v <= 150) {
                *role_end = start + strlen(roles[r]);
                *vstart = v;
                return 1;
            }
        }
    }
    return 0;
}

static int all_digits(const char *s, size_t len) {
    if (!len) return 0;
    for (size_t i = 0; i < len; i++)
        if (!(s[i] >= '0' && s[i] <= '9') && s[i] != ' ' && s[i] != ',' && s[i] != '.' && s[i] != 'w' && s[i] != 'k')
            return 0;
    return 1;
}

/* 2026-01-23 07:07:00, 2026/1/23, 2026.01.23 10:15: a page timestamp alone. */
static int is_timestamp(const char *s, size_t len) {
    size_t i = 0, digits = 0;
    int seps = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c == '-' || c == '/' || c == '.' || c == ':' || c == ' ')
            seps++;
        else
            return 0;
    }
    return digits >= 6 && seps >= 2 && s[0] >= '1' && s[0] <= '2';
}

/* Does any of the 3-byte characters in chars (concatenated UTF-8) occur in
 * s? A cheap test before a list of word searches. */
static int has_any_char(const line_sig *g, const char *s, size_t len, const char *chars) {
    size_t nc = strlen(chars);
    for (size_t k = 0; k + 3 <= nc; k += 3)
        if ((!g || sig_has_char(g, (const unsigned char *)chars + k, 3)) && word_at(s, len, chars + k, 3)) return 1;
    return 0;
}

/* Bullets and marks a menu item may open with ("• 当前位置："). */
static size_t skip_bullets(const char *s, size_t len) {
    static const char *const marks[] = {"\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */, "\xE2\x96\xA0" /* ■ */,
                                        "\xE2\x97\x8F" /* ● */, "\xE2\x97\x86" /* ◆ */, " ", "\t"};
    size_t pos = 0;
    /* Every mark opens with one of these bytes: most lines stop here. */
    if (!len || (s[0] != '\xE2' && s[0] != '\xC2' && s[0] != ' ' && s[0] != '\t')) return 0;
    for (int moved = 1; moved && pos < len;) {
        moved = 0;
        for (size_t i = 0; i < COUNT(marks); i++)
            if (starts_with(s + pos, len - pos, marks[i])) {
                pos += strlen(marks[i]);
                moved = 1;
            }
    }
    return pos;
}

static int ends_with_bytes(const char *s, size_t len, const char *w) {
    size_t n = strlen(w);
    if (len < n) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[len - n + i] != w[i]) return 0;
    return 1;
}

/* Above the article only: the site's name alone ("人民网", "成渝经济网",
 * "搜狐网站"), a Latin menu word ("news"), a short bulleted menu item
 * ("• B体育"). */
static int masthead_line(const line_sig *g, const char *s, size_t len) {
    if (len <= 30 && (ends_with_bytes(s, len, "网") || ends_with_bytes(s, len, "网站")) && !has_any_char(g, s, len, "，。：、"))
        return 1;
    size_t i = 0;
    while (i < len && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) i++;
    if (i == len && len <= 16) return 1;
    size_t b = skip_bullets(s, len);
    return b > 0 && b < len && len - b <= 24 && !has_any_char(NULL, s + b, len - b, "，。：、");
}

/* Pornography and gambling spam injected into pages: two of these words. */
static const char *const spam_words[] = {"在线观看", "中文字幕", "一区二区", "免费精品", "娱乐城", "真人娱乐",
                                         "棋牌",     "博彩",     "彩票",     "开户",     "无码",   "成人视频"};

/* The first characters of a table's words, as signature bits: a line that
 * holds none of them holds none of the words. */
static void word_firsts(line_sig *f, const char *const *words, size_t n) {
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        line_sig one;
        size_t len = strlen(words[i]);
        sig_of(words[i], len ? char_bytes((const unsigned char *)words[i], len) : 0, &one);
        for (int k = 0; k < 2; k++) f->ascii[k] |= one.ascii[k];
        f->two |= one.two;
        for (int k = 0; k < 4; k++) f->three[k] |= one.three[k];
    }
}

/* Does the line hold any character of f? */
static int sig_meets(const line_sig *g, const line_sig *f) {
    return ((g->ascii[0] & f->ascii[0]) | (g->ascii[1] & f->ascii[1]) | (g->two & f->two) | (g->three[0] & f->three[0]) |
            (g->three[1] & f->three[1]) | (g->three[2] & f->three[2]) | (g->three[3] & f->three[3])) != 0;
}

/* Each word's characters as signature bits (word_sigs): a line whose
 * signature lacks one of them lacks the word, told in one test instead of
 * a walk over the word's characters. */
static void word_sigs(line_sig *sigs, const char *const *words, size_t n) {
    for (size_t i = 0; i < n; i++) sig_of(words[i], strlen(words[i]), &sigs[i]);
}

/* Does the line (signature g) hold every character of w? */
static int sig_covers(const line_sig *g, const line_sig *w) {
    return ((w->ascii[0] & ~g->ascii[0]) | (w->ascii[1] & ~g->ascii[1]) | (w->two & ~g->two) |
            (w->three[0] & ~g->three[0]) | (w->three[1] & ~g->three[1]) | (w->three[2] & ~g->three[2]) |
            (w->three[3] & ~g->three[3])) == 0;
}

static int spam_line(const line_sig *firsts, const line_sig *sigs, const line_sig *g, const char *s, size_t len) {
    if (!sig_meets(g, firsts)) return 0;
    int hits = 0;
    for (size_t i = 0; i < COUNT(spam_words) && hits < 2; i++)
        hits += sig_covers(g, &sigs[i]) && find_word(g, s, len, spam_words[i]);
    return hits >= 2;
}

/* Counters such as "3694文章数 478关注度" or "阅读 1.2万". */
static int is_counter(const line_sig *chars, const line_sig *g, const char *s, size_t len) {
    static const char *const words[] = {"文章数", "关注度", "阅读量", "浏览量",   "点击量",
                                        "评论数", "粉丝",   "阅读数", "浏览次数", "点击数"};
    if (len > 60 || !sig_meets(g, chars) || !has_any_char(g, s, len, "数度量丝")) return 0;
    for (size_t i = 0; i < COUNT(words); i++)
        if (find_word(g, s, len, words[i])) return 1;
    return 0;
}

static int is_disclaimer(const line_sig *firsts, const line_sig *sigs, const line_sig *g, const char *s, size_t len) {
    if (len > 300 || !sig_meets(g, firsts)) return 0;
    for (size_t i = 0; i < COUNT(disclaimer_words); i++)
        if (sig_covers(g, &sigs[i]) && find_word(g, s, len, disclaimer_words[i])) return 1;
    return 0;
}

/* "新华社记者李学仁摄", "全国人大信息中心王新庆摄": a photo credit alone on
 * its line (a caption that ends with one stays: it is the caption). */
static int photo_credit(const line_sig *g, const char *s, size_t len) {
    return len <= 60 && (ends_with_bytes(s, len, "摄") || ends_with_bytes(s, len, "摄影")) &&
           !find_word(g, s, len, "，") && !find_word(g, s, len, "。");
}

/* "A > B > C" navigation trails, or "首页>要闻>" with no spaces. */
static int is_breadcrumb(const line_sig *g, const char *s, size_t len) {
    if (len > 200) return 0;
    /* Every arrow below needs '>', ＞ or ». */
    if (g && !sig_has_char(g, (const unsigned char *)">", 1) &&
        !sig_has_char(g, (const unsigned char *)"\xEF\xBC\x9E", 3) && !sig_has_char(g, (const unsigned char *)"\xC2\xBB", 2))
        return 0;
    int arrows = 0, bare = 0;
    for (size_t i = 0; i < len; i++) bare += s[i] == '>';
    /* Not markup shown as text ("<b>bold</b>"): a trail has no '<'. */
    if (bare >= 2 && !memchr(s, '<', len) && !find_word(g, s, len, "，")) arrows++;
    for (size_t i = 0; i + 2 < len; i++)
        if (s[i] == ' ' && s[i + 1] == '>' && s[i + 2] == ' ') arrows++;
    static const char *const arrows_marks[] = {"\xEF\xBC\x9E" /* ＞ */, ">>", "\xC2\xBB" /* » */, "->"};
    for (size_t k = 0; k < COUNT(arrows_marks); k++) {
        size_t n = strlen(arrows_marks[k]);
        if (g && !sig_may_have(g, arrows_marks[k], n)) continue;
        for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), arrows_marks[k], n)); p += n) arrows++;
    }
    return arrows >= 1 && !find_word(g, s, len, "\xE3\x80\x82"); /* no 。: not a sentence */
}

/* No letter, digit or Han at all: rules, table borders ("---|---|"), "|". */
static int only_symbols(const char *s, size_t len) {
    const unsigned char *u = (const unsigned char *)s;
    /* Most lines open with a Han character (E5-E9 lead U+5000-U+9FFF). */
    if (len >= 3 && u[0] >= 0xE5 && u[0] <= 0xE9 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) return 0;
    size_t pos = 0;
    while (pos < len) {
        uint32_t cp;
        pos += u8_decode((const unsigned char *)s + pos, len - pos, &cp);
        if (is_han(cp) || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
            (cp >= 0xFF10 && cp <= 0xFF5A) || (cp >= 0x80 && cp < 0x2000 && cp != 0xA0))
            return 0;
    }
    return 1;
}

/* E-paper page labels: "A04：要闻", "第01版：要闻". */
static int page_label(const char *s, size_t len) {
    if (len > 40) return 0;
    size_t pos = starts_with(s, len, "第") ? 3 : 0;
    if (pos < len && s[pos] >= 'A' && s[pos] <= 'Z') pos++;
    size_t d = pos;
    while (pos < len && s[pos] >= '0' && s[pos] <= '9') pos++;
    if (pos == d || pos - d > 3) return 0;
    if (starts_with(s + pos, len - pos, "版")) pos += 3;
    return starts_with(s + pos, len - pos, "：") || starts_with(s + pos, len - pos, ":");
}

/* "[ 新闻发送 ] [ 打印 ] [关闭窗口 ]": a row of short bracketed buttons. */
static int button_row(const char *s, size_t len) {
    size_t pos = skip_spaces(s, 0, len);
    int buttons = 0;
    while (pos < len) {
        const char *close;
        if (s[pos] == '[')
            close = memchr(s + pos, ']', len - pos);
        else if (starts_with(s + pos, len - pos, "【"))
            close = memmem(s + pos, len - pos, "】", 3);
        else
            return 0;
        if (!close || close - (s + pos) > 30) return 0;
        pos = skip_spaces(s, (size_t)(close - s) + (*close == ']' ? 1 : 3), len);
        buttons++;
    }
    return buttons > 0;
}

/* A page date alone: "2023年03月29日星期三", "[2017.10.29] 发表",
 * "2017-11-28 16:01湖北日报" (a timestamp and a short source name). */
static int date_line(const line_sig *g, const char *s, size_t len) {
    if (len > 60) return 0;
    if (g && !(g->ascii[0] & 0x03FF000000000000ull)) return 0; /* no digit '0'-'9': no date */
    if (find_word(g, s, len, "，") || find_word(g, s, len, "。")) return 0;
    size_t digits = 0, pos = 0, han_after = 0;
    int date_mark = 0;
    while (pos < len) {
        uint32_t cp;
        pos += u8_decode((const unsigned char *)s + pos, len - pos, &cp);
        if (cp >= '0' && cp <= '9')
            digits++;
        else if (cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 || cp == '-' || cp == '.' || cp == '/')
            date_mark++;
        else if (is_han(cp) && digits >= 6)
            han_after++;
    }
    if (digits < 6 || date_mark < 2) return 0;
    /* The date leads the line, and what follows is a few words at most. */
    return s[0] == '[' || (s[0] >= '1' && s[0] <= '2' && han_after <= 8);
}

int boiler_only_image_stubs(const char *s, size_t len) {
    size_t pos = 0;
    int stubs = 0;
    /* The first stub opens after spaces (' ', tab, U+3000: E3) with '!'. */
    if (!len || (s[0] != '!' && s[0] != ' ' && s[0] != '\t' && s[0] != '\xE3')) return 0;
    while (pos < len) {
        pos = skip_spaces(s, pos, len);
        if (pos >= len) break;
        if (!starts_with(s + pos, len - pos, "![")) return 0;
        const char *close = memchr(s + pos, ']', len - pos);
        if (!close || (size_t)(close - s) + 1 >= len || close[1] != '(') return 0;
        const char *end = memchr(close, ')', len - (size_t)(close - s));
        if (!end) return 0;
        pos = (size_t)(end - s) + 1;
        stubs++;
    }
    return stubs > 0;
}

/* h: first_hash(s, len). */
static int is_tail_marker(const first_set *tails, unsigned h, const char *s, size_t len) {
    if (!len || !may_open_h(tails, h)) return 0;
    for (size_t i = 0; i < COUNT(tail_markers); i++)
        if (starts_with(s, len, tail_markers[i]) &&
            (len <= strlen(tail_markers[i]) + 12 || tail_markers[i][0] == 'N' || !strcmp(tail_markers[i], "特别声明")))
            return 1;
    return 0;
}

/* Labels whose values are not kept, yet end the value before them on a
 * metadata line ("来源：四川日报时间：2022-10-27", "作者：网站管理员来源：系统
 * 阅读：", "来源：麦积区融媒体中心 转载：康翠霞"). Longer labels first. */
static const char *const other_labels[] = {
    "发布时间", "发布日期", "更新时间", "时间",   "日期", "作者", "撰文", "转载",     "点击数",
    "点击",     "阅读数",   "阅读",     "浏览次数", "浏览", "访问次数", "字体", "字号", "关注度", "摘要",
};

/* A label at s[i] followed by a separator: returns the value's start and
 * sets *role_end and *kind (-1 for a label whose value is dropped). */
typedef struct {
    const char *const *w;
    size_t n;
    int kind;
} label_group;
static const label_group label_groups[] = {{source_roles, COUNT(source_roles), META_SOURCE},
                    {editor_roles, COUNT(editor_roles), META_EDITOR},
                    {other_labels, COUNT(other_labels), -1}};

/* The first characters of the labels, as a signature (label_at's filter). */
static void label_firsts(line_sig *firsts) {
    memset(firsts, 0, sizeof *firsts);
    for (size_t g = 0; g < COUNT(label_groups); g++)
        for (size_t r = 0; r < label_groups[g].n; r++) {
            unsigned b = sig_bit((const unsigned char *)label_groups[g].w[r]);
            firsts->three[b >> 6] |= 1ull << (b & 63);
        }
}

/* A label at s[i] followed by a separator: returns the value's start and
 * sets *role_end and *kind (-1 for a label whose value is dropped).
 * firsts (from label_firsts, or NULL) rules most positions out at once. */
static size_t label_at(const line_sig *firsts, const char *s, size_t i, size_t end, size_t *role_end, int *kind) {
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0xE0 || u[0] >= 0xF0 || end - i < 3) return 0; /* every label opens with a Han character */
    unsigned b = sig_bit(u);
    if (firsts && !((firsts->three[b >> 6] >> (b & 63)) & 1)) return 0;
    const label_group *groups = label_groups;
    for (size_t g = 0; g < COUNT(label_groups); g++)
        for (size_t r = 0; r < groups[g].n; r++) {
            if (!starts_with(s + i, end - i, groups[g].w[r])) continue;
            size_t pos = skip_spaces(s, i + strlen(groups[g].w[r]), end);
            for (size_t k = 0; k < COUNT(separators); k++)
                if (starts_with(s + pos, end - pos, separators[k])) {
                    *role_end = i + strlen(groups[g].w[r]);
                    *kind = groups[g].kind;
                    return skip_spaces(s, pos + strlen(separators[k]), end);
                }
        }
    return 0;
}

static size_t char_len(const char *s, size_t i, size_t end) {
    uint32_t cp;
    return u8_decode((const unsigned char *)s + i, end - i, &cp);
}

/* A date or a time starts here: 2018-03-21, 2024年, 10:21, 4月7日. */
static int date_starts(const char *s, size_t i, size_t end) {
    size_t k = i;
    while (k < end && s[k] >= '0' && s[k] <= '9') k++;
    if (k == i) return 0;
    if (k - i >= 4) return 1;
    return k < end && (s[k] == '-' || s[k] == '/' || s[k] == '.' || s[k] == ':' || starts_with(s + k, end - k, "年") ||
                       starts_with(s + k, end - k, "月") || starts_with(s + k, end - k, "日"));
}

/* Brackets end a value: "（来源：新华社）", "编辑：莫中圆 【字体：". */
static int bracket_at(const char *s, size_t i, size_t end) {
    static const char *const marks[] = {"（", "）", "(", ")", "【", "】", "[", "]", "<", "＜"};
    unsigned char c = (unsigned char)s[i];
    /* What the marks open with: ( ) [ ] < and the lead bytes of the others. */
    if (c != '(' && c != ')' && c != '[' && c != ']' && c != '<' && c != 0xEF && c != 0xE3) return 0;
    for (size_t k = 0; k < COUNT(marks); k++)
        if (starts_with(s + i, end - i, marks[k])) return 1;
    return 0;
}

/* Quote marks around a name are not part of it: 来源：“学习强国”. */
static void strip_quotes(const char *s, size_t *a, size_t *b) {
    static const char *const quotes[] = {"“", "”", "\"", "「", "」", "‘", "’", "'"};
    for (int moved = 1; moved && *a < *b;) {
        moved = 0;
        for (size_t k = 0; k < COUNT(quotes); k++) {
            size_t n = strlen(quotes[k]);
            if (*b - *a >= n && memcmp(s + *a, quotes[k], n) == 0) *a += n, moved = 1;
            if (*b - *a >= n && memcmp(s + *b - n, quotes[k], n) == 0) *b -= n, moved = 1;
        }
    }
}

/* Where a value that starts at v ends: at the next label, a bracket, a date
 * or a time; a source also at a space ("来源：央视网 2018-03-21"). */
/* Page furniture that may follow a source with no label or space between
 * ("来源：联合新闻网原文链接评论2条"): the source ends before it. */
static int after_source_at(const char *s, size_t e, size_t end) {
    static const char *const words[] = {"原文链接", "原文网址", "评论", "阅读量", "浏览量", "字号", "打印", "分享到", "收藏",
                                        "放大", "缩小", "字体", "阅读"};
    for (size_t i = 0; i < COUNT(words); i++)
        if (starts_with(s + e, end - e, words[i])) return 1;
    return 0;
}

static size_t value_end(const line_sig *firsts, const char *s, size_t v, size_t end, int kind) {
    size_t e = v, re;
    int k;
    while (e < end && !label_at(firsts, s, e, end, &re, &k) && !bracket_at(s, e, end) && !date_starts(s, e, end) &&
           !(kind == META_SOURCE && (s[e] == ' ' || s[e] == '\t' || s[e] == '|' || starts_with(s + e, end - e, "　") ||
                                     (e > v && after_source_at(s, e, end)))))
        e += char_len(s, e, end);
    while (e > v && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    return e;
}

/* A source value runs on when cleaning took the space after it out
 * ("消息来源：四川新闻网尹力主持召开…"): a source is a short name, so a long
 * value ends after the last of these endings in its first 12 characters. */
static size_t cut_run_on_source(const char *s, size_t v, size_t e) {
    static const char *const endings[] = {"客户端", "中心", "新闻", "网站", "社", "报", "网", "台"};
    if (e - v <= 16 * 3) return e;
    size_t best = 0, pos = v;
    for (int chars = 0; pos < e && chars < 12; chars++) {
        pos += char_len(s, pos, e);
        for (size_t k = 0; k < COUNT(endings); k++)
            if (ends_with_bytes(s + v, pos - v, endings[k])) best = pos;
    }
    return best ? best : e;
}

size_t boiler_meta_fields(const char *s, size_t start, size_t end, meta_field *out, size_t max) {
    size_t n = 0, i = start;
    line_sig firsts;
    label_firsts(&firsts);
    while (i < end && n < max) {
        size_t role_end;
        int kind;
        size_t v = label_at(&firsts, s, i, end, &role_end, &kind);
        if (!v) {
            i += char_len(s, i, end);
            continue;
        }
        size_t e = value_end(&firsts, s, v, end, kind), a = v;
        if (kind == META_SOURCE) e = cut_run_on_source(s, v, e);
        strip_quotes(s, &a, &e);
        if (kind >= 0 && e > a) out[n++] = (meta_field){(meta_kind)kind, i, role_end, a, e};
        i = e > v ? e : v;
    }
    return n;
}

/* Gives a metadata line its kind from the fields on it: a source line, an
 * editor line, or furniture with nothing worth keeping ("来源： 发布时间：…"). */
static line_kind meta_kind_of(const tbuf *t, line_info *li, size_t end) {
    meta_field f[8];
    size_t n = boiler_meta_fields(t->s, li->start, end, f, COUNT(f));
    for (int want = META_SOURCE; want <= META_EDITOR; want++)
        for (size_t i = 0; i < n; i++)
            if ((int)f[i].kind == want) {
                li->role_start = f[i].role_start;
                li->role_end = f[i].role_end;
                li->value_start = f[i].value_start;
                li->value_end = f[i].value_end;
                return want == META_SOURCE ? LINE_SOURCE : LINE_EDITOR;
            }
    return LINE_DROP;
}

/* A portal's line may open with the page's address and when it was posted
 * before its 来源 ("http://msn.finance.sina.com.cn 2012-07-01 22:52 来源:
 * …"): where what follows them begins, or start when the line does not
 * open with an address. */
static size_t after_url_and_stamp(const char *s, size_t start, size_t end) {
    if (!starts_with(s + start, end - start, "http://") && !starts_with(s + start, end - start, "https://") &&
        !starts_with(s + start, end - start, "www."))
        return start;
    size_t i = start;
    while (i < end && s[i] != ' ' && s[i] != '\t') i++;
    for (;;) { /* dates and times: 2012-07-01 22:52 */
        while (i < end && (s[i] == ' ' || s[i] == '\t')) i++;
        size_t k = i;
        while (k < end && ((s[k] >= '0' && s[k] <= '9') || s[k] == '-' || s[k] == ':' || s[k] == '/' || s[k] == '.')) k++;
        /* cleaning took out the space between a stamp and the Han after it */
        if (k == i || (k < end && s[k] != ' ' && s[k] != '\t' && (unsigned char)s[k] < 0x80)) return i;
        i = k;
    }
}

static size_t digits_at(const char *s, size_t i, size_t end, size_t max) {
    size_t k = i;
    while (k < end && k - i < max && s[k] >= '0' && s[k] <= '9') k++;
    return k - i;
}

/* A posting stamp at i: "2008年03月27日04:10" or "2008-03-27 04:10(:00)";
 * where it ends, or i when there is none. */
static size_t stamp_at(const char *s, size_t i, size_t end) {
    size_t k = i, n = digits_at(s, k, end, 4);
    if (n != 4) return i;
    k += n;
    if (starts_with(s + k, end - k, "年")) {
        k += 3;
        if (!(n = digits_at(s, k, end, 2)) || !starts_with(s + k + n, end - k - n, "月")) return i;
        k += n + 3;
        if (!(n = digits_at(s, k, end, 2)) || !starts_with(s + k + n, end - k - n, "日")) return i;
        k += n + 3;
    } else {
        if (k >= end || s[k] != '-' || digits_at(s, k + 1, end, 2) != 2) return i;
        k += 3;
        if (k >= end || s[k] != '-' || digits_at(s, k + 1, end, 2) != 2) return i;
        k += 3;
    }
    size_t t = k;
    while (t < end && s[t] == ' ') t++;
    if ((n = digits_at(s, t, end, 2)) && t + n < end && s[t + n] == ':' && digits_at(s, t + n + 1, end, 2) == 2) {
        k = t + n + 3;
        if (k < end && s[k] == ':' && digits_at(s, k + 1, end, 2) == 2) k += 3;
        return k;
    }
    return i;
}

/* An old portal's line under the headline: its address, the posting time
 * and the outlet, with no label ("http://www.sina.com.cn 2008年03月27日04:10
 * 四川新闻网-成都晚报"). 1 and the outlet's span when the line is one. */
static int stamp_outlet_line(const char *s, size_t start, size_t end, size_t *vs, size_t *ve) {
    static const char *const endings[] = {"报", "网", "社", "台", "刊", "新闻", "客户端", "频道", "在线"};
    size_t i = start;
    /* the address may stand alone, or after the headline on the line before */
    if (starts_with(s + i, end - i, "http://") || starts_with(s + i, end - i, "www."))
        while (i < end && s[i] != ' ') i++;
    while (i < end && s[i] == ' ') i++;
    size_t k = stamp_at(s, i, end);
    if (k == i) return 0;
    while (k < end && s[k] == ' ') k++;
    /* "·新华社", "来源于财新网": the outlet after its mark */
    static const char *const marks[] = {"·", "来源于", "来自", "来源"};
    for (size_t j = 0; j < COUNT(marks); j++)
        if (starts_with(s + k, end - k, marks[j])) k += strlen(marks[j]);
    size_t e = end;
    while (e > k && s[e - 1] == ' ') e--;
    size_t chars = 0;
    for (size_t p = k; p < e; p += char_len(s, p, e)) {
        if (s[p] == ' ' || s[p] == '\t' || starts_with(s + p, e - p, "，") || starts_with(s + p, e - p, "。")) return 0;
        chars++;
    }
    if (chars < 2 || chars > 20) return 0;
    for (size_t j = 0; j < COUNT(endings); j++)
        if (ends_with_bytes(s + k, e - k, endings[j])) {
            *vs = k, *ve = e;
            return 1;
        }
    return 0;
}

/* "来源：人民网 3月5日，市委召开…": a source line with the lead glued to it.
 * Returns where the lead begins, 0 when the line is not one. */
static size_t glued_lead(const tbuf *t, const line_info *li) {
    meta_field f;
    int source_first = 0;
    size_t from = after_url_and_stamp(t->s, li->start, li->end);
    for (size_t i = 0; i < COUNT(source_roles) && !source_first; i++)
        source_first = starts_with(t->s + from, li->end - from, source_roles[i]);
    if (!source_first) return 0; /* the cheap test: most lines fail here */
    if (boiler_meta_fields(t->s, from, li->end, &f, 1) != 1 || f.kind != META_SOURCE || f.role_start != from)
        return 0;
    size_t r = skip_spaces(t->s, f.value_end, li->end), re;
    int k;
    if (r >= li->end || label_at(NULL, t->s, r, li->end, &re, &k)) return 0;
    const char *rest = t->s + r;
    size_t len = li->end - r;
    return memmem(rest, len, "，", 3) || memmem(rest, len, "。", 3) ? r : 0;
}

/* A short line with no sentence in it that carries metadata words: its
 * source or editor becomes a field, the rest of it goes. */
static line_kind metadata_line(const line_sig *firsts, const line_sig *g, const tbuf *t, line_info *li) {
    const char *s = t->s + li->start;
    size_t len = li->end - li->start;
    /* Every metadata word has one of these characters. */
    if (len > 160) return LINE_BODY;
    if (find_word(g, s, len, "\xE3\x80\x82") || find_word(g, s, len, "\xEF\xBC\x8C")) return LINE_BODY; /* 。，: a sentence */
    if (!sig_meets(g, firsts) || !has_any_char(g, s, len, "来责发字作浏【")) return LINE_BODY;
    int meta = 0;
    for (size_t i = 0; i < COUNT(metadata_words) && !meta; i++) meta = find_word(g, s, len, metadata_words[i]) != NULL;
    if (!meta) return LINE_BODY;
    return meta_kind_of(t, li, li->end);
}

/* At least 80 characters with two sentence ends: no teaser is this long. */
static int is_prose(const char *s, size_t len) {
    if (len < 240) return 0;
    int ends = 0;
    for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), "。", 3)) && ends < 2; p += 3) ends++;
    return ends >= 2;
}

/* Long lines are prose: only the rules that look at how a line opens apply. */
#define LONG_LINE 240

/* The tables' first-character sets, for one call of boiler_classify. */
typedef struct {
    first_set tails, lines, roles;
    line_sig spam, disclaimers, metadata; /* first characters of their words */
    line_sig spam_sigs[COUNT(spam_words)], disclaimer_sigs[COUNT(disclaimer_words)]; /* each word's characters */
    line_sig counter_chars;               /* the characters is_counter asks for */
    uint64_t line_lengths;                /* bit n: a furniture line of n bytes (63: 63 or more) */
    /* The furniture prefixes by the first_hash of their first character:
     * chains through prefix_next from prefix_head[h], each index plus one
     * (0 ends a chain). */
    uint8_t prefix_head[1024], prefix_next[COUNT(furniture_prefixes)];
} table_index;

/* Does s (first_hash h) open with a furniture prefix? Only the prefixes
 * whose first character hashes as s's are compared: walking them all with
 * starts_with mispredicted on every line that opens with a character some
 * prefix opens with (本, 中, 发, 新...). */
static int furniture_prefix_at(const table_index *ix, unsigned h, const char *s, size_t len) {
    for (unsigned i = ix->prefix_head[h]; i; i = ix->prefix_next[i - 1])
        if (starts_with(s, len, furniture_prefixes[i - 1])) return 1;
    return 0;
}

static void prefix_chains(table_index *ix) {
    _Static_assert(COUNT(furniture_prefixes) < 256, "a chain holds a prefix's index in a byte");
    memset(ix->prefix_head, 0, sizeof ix->prefix_head);
    for (size_t i = COUNT(furniture_prefixes); i-- > 0;) {
        unsigned h = first_hash(furniture_prefixes[i], strlen(furniture_prefixes[i]));
        ix->prefix_next[i] = ix->prefix_head[h];
        ix->prefix_head[h] = (uint8_t)(i + 1);
    }
}

static line_kind classify_long_line(const table_index *ix, unsigned h, const char *s, size_t len, boiler_state *st) {
    if (st->seen_body && is_tail_marker(&ix->tails, h, s, len)) {
        st->in_tail = 1;
        return LINE_DROP;
    }
    /* "原标题：…新华社北京3月13日电 国务院总理李强…": a repost's original
     * title with the report glued after it is the report. */
    if (starts_with(s, len, "原标题")) return LINE_BODY;
    return furniture_prefix_at(ix, h, s, len) ? LINE_DROP : LINE_BODY;
}

static line_kind classify_line(const table_index *ix, const tbuf *t, line_info *li, boiler_state *st) {
    const char *s = t->s + li->start;
    size_t len = li->end - li->start;
    if (len == 0) return LINE_BLANK;
    if (st->in_tail) {
        /* Headline lists are short lines; real prose after them is another
         * article (a corpus file of many pages), so the tail ends there. */
        if (!is_prose(s, len)) return LINE_DROP;
        st->in_tail = 0;
    }
    unsigned h = first_hash(s, len);
    if ((may_open_h(&ix->roles, h) || s[0] == 'h' || s[0] == 'w') && (li->lead_at = glued_lead(t, li))) return LINE_BODY;
    if ((s[0] == 'h' || s[0] == 'w' || (s[0] >= '0' && s[0] <= '9')) &&
        stamp_outlet_line(t->s, li->start, li->end, &li->value_start, &li->value_end)) {
        li->role_start = li->role_end = li->value_start;
        return LINE_SOURCE;
    }
    if (len > LONG_LINE) return classify_long_line(ix, h, s, len, st);
    line_sig sig;
    const line_sig *g = &sig;
    sig_of(s, len, &sig);
    if (st->seen_body && is_tail_marker(&ix->tails, h, s, len)) {
        st->in_tail = 1;
        return LINE_DROP;
    }
    size_t role_end, v;
    if (may_open_h(&ix->roles, h) &&
        (role_line(t->s, li->start, li->end, source_roles, COUNT(source_roles), &role_end, &v) ||
         role_line(t->s, li->start, li->end, editor_roles, COUNT(editor_roles), &role_end, &v)))
        return meta_kind_of(t, li, li->end);
    line_kind meta = metadata_line(&ix->metadata, g, t, li);
    if (meta != LINE_BODY) return meta;
    if (((ix->line_lengths >> (len < 63 ? len : 63)) & 1) && may_open_h(&ix->lines, h))
        for (size_t i = 0; i < COUNT(furniture_lines); i++)
            if (equals(s, len, furniture_lines[i])) return LINE_DROP;
    size_t b = skip_bullets(s, len);
    if (b < len && furniture_prefix_at(ix, first_hash(s + b, len - b), s + b, len - b)) return LINE_DROP;
    if ((!st->seen_body && masthead_line(g, s, len)) || spam_line(&ix->spam, ix->spam_sigs, g, s, len)) return LINE_DROP;
    /* Site footers end with the rights notice: "新浪公司版权所有". */
    if (len <= 90 && len >= 12 && memcmp(s + len - 12, "版权所有", 12) == 0) return LINE_DROP;
    if (all_digits(s, len) || is_timestamp(s, len) || is_counter(&ix->counter_chars, g, s, len) || is_breadcrumb(g, s, len) ||
        boiler_only_image_stubs(s, len) || is_tail_marker(&ix->tails, h, s, len) || only_symbols(s, len) || button_row(s, len) ||
        date_line(g, s, len) || page_label(s, len) || is_disclaimer(&ix->disclaimers, ix->disclaimer_sigs, g, s, len) || photo_credit(g, s, len))
        return LINE_DROP;
    return LINE_BODY;
}

/* Does the line open with clause or sentence punctuation (，。；、)? Such a
 * line goes on the text before it: the break was a column's. */
static int opens_with_punct(const tbuf *t, const line_info *li) {
    static const char *const marks[] = {"，", "。", "；", "、", "！", "？", "："};
    const char *s = t->s + li->start;
    size_t len = li->end - li->start;
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (len >= 3 && memcmp(s, marks[i], 3) == 0) return 1;
    return 0;
}

void boiler_classify(const tbuf *t, line_info *lines, size_t n, boiler_state *st) {
    table_index ix;
    first_set_of(&ix.tails, tail_markers, COUNT(tail_markers));
    first_set_of(&ix.lines, furniture_lines, COUNT(furniture_lines));
    first_set_of(&ix.roles, source_roles, COUNT(source_roles));
    first_set_add(&ix.roles, editor_roles, COUNT(editor_roles));
    word_firsts(&ix.spam, spam_words, COUNT(spam_words));
    word_firsts(&ix.disclaimers, disclaimer_words, COUNT(disclaimer_words));
    word_firsts(&ix.metadata, metadata_words, COUNT(metadata_words));
    word_sigs(ix.spam_sigs, spam_words, COUNT(spam_words));
    word_sigs(ix.disclaimer_sigs, disclaimer_words, COUNT(disclaimer_words));
    sig_of("数度量丝", strlen("数度量丝"), &ix.counter_chars);
    prefix_chains(&ix);
    ix.line_lengths = 0;
    for (size_t i = 0; i < COUNT(furniture_lines); i++) {
        size_t bytes = strlen(furniture_lines[i]);
        ix.line_lengths |= 1ull << (bytes < 63 ? bytes : 63);
    }
    for (size_t i = 0; i < n; i++) {
        lines[i].kind = classify_line(&ix, t, &lines[i], st);
        lines[i].tail = st->in_tail;
        /* A line long enough to be prose marks the article as begun. */
        if (lines[i].kind == LINE_BODY && lines[i].end - lines[i].start >= 60) st->seen_body = 1;
    }
    /* A column's line that holds only punctuation ("。"), or a date line
     * the next line goes on from ("2024 年3 月6 日" / "，市委召开…"), is
     * text, not furniture. */
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind != LINE_DROP || lines[i].tail) continue;
        const char *s = t->s + lines[i].start;
        size_t len = lines[i].end - lines[i].start;
        size_t j = i + 1;
        if (opens_with_punct(t, &lines[i]) && only_symbols(s, len) && i > 0 && lines[i - 1].kind == LINE_BODY)
            lines[i].kind = LINE_BODY;
        else if (j < n && lines[j].kind == LINE_BODY && opens_with_punct(t, &lines[j]) && date_line(NULL, s, len))
            lines[i].kind = LINE_BODY;
    }
}
