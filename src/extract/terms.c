/*
 * terms: the formulations a readout uses.
 *
 *  numbered   a quoted term built on a numeral (“两个确立”, “三管三必须”,
 *             三个“务必”), or an unquoted NUM个XX / NUM项XX standing alone
 *             (两个大局，); not ordinals (第二个…), counts (五个方面工作,
 *             取得的六项成绩), plan periods (十四五), congresses (二十大) or
 *             unquoted NUM大XX (see docs/design.md, "Numbered terms")
 *  quoted     every phrase inside “” or 「」, ‘’ or 『』, or ASCII ""
 *  documents  every title inside 《》
 *  periods    five-year plan periods (十四五, “十五”, 第十五个五年规划)
 *  years      four-digit years written YYYY年
 *
 * Not for: meeting facts (people.c, meeting.c, date.c), nor the lists
 * that hold them (slist, record.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record.h"
#include "lexicon.h"

void terms_free(terms *t) {
    slist_free(&t->numbered);
    slist_free(&t->quoted);
    slist_free(&t->documents);
    slist_free(&t->periods);
    t->nyears = 0;
}

#define CP_ONE  0x4E00 /* 一 */
#define CP_TEN  0x5341 /* 十 */
#define CP_FIVE 0x4E94 /* 五 */
#define CP_DI   0x7B2C /* 第 */

/* 十四五, 十五: a five-year plan period. */
static int is_period(const ustr *u, size_t a, size_t b) {
    if (b - a == 2) return u->cp[a] == CP_TEN && u->cp[a + 1] == CP_FIVE;
    return b - a == 3 && u->cp[a] == CP_TEN && cn_numeral_is(u->cp[a + 1], NUM_TERM) && u->cp[a + 1] != CP_TEN &&
           u->cp[a + 1] != 0x767E && u->cp[a + 1] != 0x5343 && u->cp[a + 2] == CP_FIVE;
}

static int is_classifier(uint32_t cp) {
    return cp == 0x4E2A /* 个 */ || cp == 0x9879 /* 项 */ || cp == 0x6761 /* 条 */ || cp == 0x79CD /* 种 */;
}

/* 双 counts inside a formulation (“一岗双责”) but opens none: “双胜利”
 * and “双一流” are names, not sets. */
static int is_inner_numeral(uint32_t cp) { return cn_numeral_is(cp, NUM_TERM) || cp == 0x53CC /* 双 */; }

/* A term opening with a plan period (“十三五规划”, “十五五（2026到2030年）”)
 * names the plan, not a set; the period itself goes to periods. */
static int opens_with_period(const ustr *u, size_t a, size_t b) {
    for (size_t k = a + 2; k <= a + 3 && k <= b; k++)
        if (is_period(u, a, k) && (k == b || !cn_numeral_is(u->cp[k], NUM_TERM))) return 1;
    return 0;
}

/* 十九大, 二十大精神: two numerals or more before 大 number a party
 * congress, not a set (三大攻坚战 has one). */
static int opens_with_congress(const ustr *u, size_t a, size_t b) {
    size_t k = a;
    while (k < b && cn_numeral_is(u->cp[k], NUM_TERM)) k++;
    return k - a >= 2 && k < b && u->cp[k] == 0x5927 /* 大 */;
}

/* “5551”, “1+N”: a set named by digits alone. Digits with Han text
 * (“2018年我们怎么干”) are a year or a count, and “7·21” is a date. */
static int is_digit_term(const ustr *u, size_t a, size_t b) {
    if (!u_is_digit(u->cp[a])) return 0;
    for (size_t k = a; k < b; k++)
        if (!u_is_digit(u->cp[k]) && u->cp[k] != '+' && u->cp[k] != 'N') return 0;
    return 1;
}

/* 一 opens idioms (“一盘棋”, “一切…”), so a term opening with it counts
 * only before a classifier (“一个中国原则”) or when another numeral
 * follows within a short phrase (“一带一路”, “一府两院”, “一岗双责”,
 * “一线三化三平台”); longer ones are sayings (“一把钥匙开一把锁”). */
static int one_term(const ustr *u, size_t a, size_t b) {
    if (is_classifier(u->cp[a + 1])) return 1;
    if (b - a > 7) return 0;
    for (size_t k = a + 1; k < b; k++)
        if (is_inner_numeral(u->cp[k])) return 1;
    return 0;
}

/* A quoted term built on a number: not a plan period, not a congress,
 * not a word whose numeral is no number (“十分重要”). */
static int is_numbered(const ustr *u, size_t a, size_t b) {
    size_t w;
    if (b - a < 2 || ustr_at_any(u, a, WORDS(numeral_names), &w) == b - a) return 0;
    /* a title (“百年未有之大变局与…的再审视——学习《…》”) or a meeting's
     * name (“三峡库区对口支援项目动员会”) is quoted, but is no set phrase */
    if (b - a > 16 || u->cp[b - 1] == 0x4F1A /* 会 */ || (u->cp[b - 1] == 0x8BAE /* 议 */ && u->cp[b - 2] == 0x4F1A))
        return 0;
    if (is_digit_term(u, a, b)) return 1;
    if (!cn_numeral_is(u->cp[a], NUM_TERM) || ustr_at_any(u, a, WORDS(numeral_words), NULL)) return 0;
    if (opens_with_period(u, a, b) || opens_with_congress(u, a, b)) return 0;
    if (u->cp[a] == CP_ONE) return one_term(u, a, b);
    return 1;
}

/* 三个“务必”, 两个“确立”: the number outside the quote belongs to the
 * term. Start of NUM+classifier right before quote mark q, or q. A
 * one-character quote (十个“要”) cites the word, not a set. */
static size_t counted_quote_start(const ustr *u, size_t q, size_t a, size_t b) {
    if (q < 2 || b - a < 2 || b - a > 8 || !char_in(&quote_classifiers, u->cp[q - 1])) return q;
    size_t s = q - 1;
    while (s > 0 && cn_numeral_is(u->cp[s - 1], NUM_TERM)) s--;
    if (s == q - 1 || (s > 0 && (u->cp[s - 1] == CP_DI || u_is_digit(u->cp[s - 1])))) return q;
    return s;
}

static int add_joined(slist *l, const ustr *u, size_t s, size_t q, size_t a, size_t b) {
    char *num = ustr_slice(u, s, q), *term = ustr_slice(u, a, b);
    char *both = num && term ? malloc(strlen(num) + strlen(term) + 1) : NULL;
    if (both) strcat(strcpy(both, num), term);
    free(num);
    free(term);
    return slist_add_unique(l, both); /* -1 when both is NULL */
}

static int add_slice(slist *l, const ustr *u, size_t a, size_t b) { return slist_add_unique(l, ustr_slice(u, a, b)); }

/* Quote marks. “” and 「」 quote terms (SPEC 3); ‘’ and 『』 nest inside
 * them (“共绘‘十一五’蓝图”). ‘’ also serve as apostrophes in Latin text,
 * so they quote only Han text. ASCII "" are read in quote_pairs_ascii. */
typedef struct {
    uint32_t open, close;
    int han_only;
} quote_pair;
static const quote_pair quote_pairs[] = {
    {0x201C, 0x201D, 0}, /* “” */
    {0x300C, 0x300D, 0}, /* 「」 */
    {0x2018, 0x2019, 1}, /* ‘’ */
    {0x300E, 0x300F, 0}, /* 『』 */
};

static int has_han(const ustr *u, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (u_is_han(u->cp[k])) return 1;
    return 0;
}

/* “两？huì)”: a quote that runs into noise left by cleaning (a lost
 * character, a pinyin annotation with tone marks) quotes no term. */
static int crosses_noise(const ustr *u, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        if (u->cp[k] == 0xFFFD || (u->cp[k] >= 0xC0 && u->cp[k] <= 0x24F && u->cp[k] != 0xD7 && u->cp[k] != 0xF7))
            return 1;
    return 0;
}

/* The term between quote mark q and the text [a, b) it quotes: to
 * quoted, and to numbered or periods when it is one. */
static int add_quote(const ustr *u, size_t q, size_t a, size_t b, int han_only, terms *t) {
    while (a < b && (u->cp[a] == ' ' || u->cp[a] == 0x3000)) a++;
    while (b > a && (u->cp[b - 1] == ' ' || u->cp[b - 1] == 0x3000)) b--;
    if (a == b || crosses_noise(u, a, b) || (han_only && !has_han(u, a, b))) return 0;
    if (add_slice(&t->quoted, u, a, b)) return -1;
    size_t s = counted_quote_start(u, q, a, b);
    if (s < q) {
        if (add_joined(&t->numbered, u, s, q, a, b)) return -1;
    } else if (is_numbered(u, a, b) && add_slice(&t->numbered, u, a, b)) {
        return -1;
    }
    if (is_period(u, a, b) && add_slice(&t->periods, u, a, b)) return -1;
    return 0;
}

static int quoted_terms(const ustr *u, terms *t) {
    for (size_t i = 0; i < u->n; i++) {
        for (size_t k = 0; k < sizeof quote_pairs / sizeof quote_pairs[0]; k++) {
            const quote_pair *p = &quote_pairs[k];
            if (u->cp[i] != p->open) continue;
            size_t j = i + 1;
            while (j < u->n && u->cp[j] != p->close && u->cp[j] != '\n' && u->cp[j] != p->open && j - i <= 200) j++;
            if (j < u->n && u->cp[j] == p->close && add_quote(u, i, i + 1, j, p->han_only, t)) return -1;
        }
    }
    return 0;
}

/* ASCII "" (a page typed without Chinese quotes, 总结"十一五"工作) open and
 * close with one mark, so they pair up only on a line holding an even
 * number of them, and quote only Han text. A mark after = opens an
 * attribute of markup left in the page (alt="天安门花篮"), no quote. */
static int ascii_quoted_terms(const ustr *u, terms *t) {
    for (size_t line = 0; line < u->n;) {
        size_t end = line, marks = 0;
        for (; end < u->n && u->cp[end] != '\n'; end++) marks += u->cp[end] == '"';
        size_t open = USTR_NONE;
        for (size_t i = line; marks % 2 == 0 && i < end; i++) {
            if (u->cp[i] != '"') continue;
            if (open == USTR_NONE) {
                open = i;
                continue;
            }
            int attribute = open > 0 && u->cp[open - 1] == '=';
            if (!attribute && i - open <= 200 && add_quote(u, open, open + 1, i, 1, t)) return -1;
            open = USTR_NONE;
        }
        line = end + 1;
    }
    return 0;
}

/* Depth of “” and 「」 after cp: inside a quote the quote is the term
 * (“一个统领、两个重点、四个综合”), its parts are not read again. */
static int quote_depth(int depth, uint32_t cp) {
    if (cp == '\n') return 0;
    if (cp == 0x201C || cp == 0x300C) return depth + 1;
    if ((cp == 0x201D || cp == 0x300D) && depth > 0) return depth - 1;
    return depth;
}

/* NUM个XX / NUM项XX at i: a lone numeral (not 一 or 十, which open
 * words and larger numbers; not after 第 or digits), a classifier, two
 * Han characters. */
static int at_unquoted_set(const ustr *u, size_t i) {
    if (!cn_numeral_is(u->cp[i], NUM_TERM) || u->cp[i] == CP_ONE || u->cp[i] == CP_TEN) return 0;
    if (i > 0 && (cn_numeral_is(u->cp[i - 1], NUM_TERM) || u->cp[i - 1] == CP_DI || u_is_digit(u->cp[i - 1]))) return 0;
    if (u->cp[i + 1] != 0x4E2A && u->cp[i + 1] != 0x9879) return 0;
    return u_is_han(u->cp[i + 2]) && u_is_han(u->cp[i + 3]);
}

/* The phrase ending before e stands alone: no Han character follows, or
 * one that does not join it (两个维护的, 八项规定中, 八项规定精神). */
static int stands_alone(const ustr *u, size_t e) {
    return e >= u->n || !u_is_han(u->cp[e]) || char_in(&set_after, u->cp[e]) || ustr_at(u, e, "精神");
}

/* NUM个XX at i is a count, not a formulation: a count noun (四项议题), a
 * word that points at counted things before it (取得的六项成绩, 等四个
 * 方面), or the list it counts right after (三个成功，即：). */
static int is_count(const ustr *u, size_t i) {
    if (i > 0 && char_in(&count_before, u->cp[i - 1])) return 1;
    if (ustr_at_any(u, i + 4, WORDS(count_list_after), NULL)) return 1;
    return ustr_at_any(u, i + 2, WORDS(count_nouns), NULL) != 0;
}

/* 两个大局， 八项规定中: NUM个XX standing alone outside quotes. */
static int unquoted_numbered(const ustr *u, terms *t) {
    int depth = 0;
    for (size_t i = 0; i + 3 < u->n; i++) {
        int inside = depth > 0;
        depth = quote_depth(depth, u->cp[i]);
        if (inside || !at_unquoted_set(u, i) || !stands_alone(u, i + 4) || is_count(u, i)) continue;
        if (add_slice(&t->numbered, u, i, i + 4)) return -1;
    }
    return 0;
}

static int documents(const ustr *u, terms *t) {
    for (size_t i = 0; i < u->n; i++) {
        if (u->cp[i] != 0x300A) continue; /* 《 */
        int depth = 1;
        size_t j = i + 1;
        while (j < u->n && depth > 0 && u->cp[j] != '\n' && j - i <= 300) {
            if (u->cp[j] == 0x300A)
                depth++;
            else if (u->cp[j] == 0x300B)
                depth--;
            if (depth) j++;
        }
        if (j < u->n && depth == 0 && j > i + 1 && add_slice(&t->documents, u, i + 1, j)) return -1;
    }
    return 0;
}

/* 十四五时期 / 十四五规划 unquoted, and 第十四个五年规划. */
static int periods(const ustr *u, terms *t) {
    for (size_t i = 0; i + 2 < u->n; i++) {
        size_t which;
        if (is_period(u, i, i + 3) && (i == 0 || u->cp[i - 1] != CP_TEN) &&
            ustr_at_any(u, i + 3, WORDS(period_after), &which)) {
            if (add_slice(&t->periods, u, i, i + 3)) return -1;
        }
        if (u->cp[i] == CP_DI && i + 7 < u->n && u->cp[i + 1] == CP_TEN && cn_numeral_is(u->cp[i + 2], NUM_TERM) &&
            u->cp[i + 3] == 0x4E2A && ustr_at(u, i + 4, "五年规划")) {
            char buf[16];
            char *a = ustr_slice(u, i + 1, i + 3);
            if (!a) return -1;
            snprintf(buf, sizeof buf, "%s五", a);
            free(a);
            if (slist_add_unique(&t->periods, strdup(buf))) return -1;
        }
    }
    return 0;
}

static void years(const ustr *u, terms *t) {
    for (size_t i = 0; i + 4 < u->n; i++) {
        if (i > 0 && u_is_digit(u->cp[i - 1])) continue;
        int y = 0, ok = 1;
        for (size_t k = 0; k < 4 && ok; k++) {
            ok = u->cp[i + k] >= '0' && u->cp[i + k] <= '9';
            y = y * 10 + (int)(u->cp[i + k] - '0');
        }
        if (!ok || u->cp[i + 4] != 0x5E74 /* 年 */ || y < 1900 || y > 2100) continue;
        int seen = 0;
        for (size_t k = 0; k < t->nyears; k++) seen |= t->years[k] == y;
        if (!seen && t->nyears < sizeof t->years / sizeof t->years[0]) t->years[t->nyears++] = y;
    }
}

int terms_extract(const ustr *u, terms *t) {
    memset(t, 0, sizeof *t);
    if (quoted_terms(u, t) || ascii_quoted_terms(u, t) || unquoted_numbered(u, t) || documents(u, t) || periods(u, t))
        return -1;
    years(u, t);
    return 0;
}
