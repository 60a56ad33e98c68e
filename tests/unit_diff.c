/*
 * unit_diff: tests of src/diff.c (tifa diff). Standalone:
 *   cc -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -Ibuild/gen \
 *      tests/unit_diff.c src/diff.c build/libtifa.a -o build/test-diff
 * and the same with -fsanitize=address,undefined and build/libtifa-asan.a.
 * Run from the repository root (the seeds are read from ../shared/golden).
 * Prints ok / not ok per check, then "N passed, M failed, K skipped"; exit 1
 * on failure. Its out-of-memory test is in tests/oom.c, built without
 * sanitizers.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "diff.h"
#include "json.h"
#include "sbuf.h"
#include "record.h"
#include "ustr.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

static int npassed, nfailed, nskipped;

static void check(int cond, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf(cond ? "ok - " : "not ok - ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (cond)
        npassed++;
    else
        nfailed++;
    fflush(stdout);
}

/* A check that needs python3: without it, a skip, not a pass. */
static int json_valid(const char *s);
static void check_parses(const char *js, const char *what) {
    int v = js ? json_valid(js) : 0;
    if (v < 0) {
        printf("ok - %s # SKIP python3 not found\n", what);
        nskipped++;
        return;
    }
    check(v != 0, "%s", what);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int diff_str(const char *a, const char *b, diff_result *r) {
    return diff_sentences(a, strlen(a), b, strlen(b), r);
}

/* The char diff's runs, joined: kind 'd' deleted bytes of a, 'i' inserted
 * bytes of b, 'e' equal bytes. */
static char *runs_of(const char *a, const char *b, const diff_op *ops, size_t n, char kind) {
    sbuf o = {0};
    sbuf_puts(&o, "");
    for (size_t k = 0; k < n; k++) {
        if (kind == 'd' && ops[k].kind == DIFF_DELETE) {
            if (o.len) sbuf_puts(&o, "|");
            sbuf_put(&o, a + ops[k].a0, ops[k].a1 - ops[k].a0);
        }
        if (kind == 'i' && ops[k].kind == DIFF_INSERT) {
            if (o.len) sbuf_puts(&o, "|");
            sbuf_put(&o, b + ops[k].b0, ops[k].b1 - ops[k].b0);
        }
    }
    return o.s;
}

/* Structural invariants of a char diff: the runs cover a and b in order,
 * equal runs hold equal bytes, no two adjacent runs of one kind, no INSERT
 * before a DELETE of the same edit, no empty run. */
static int ops_valid(const char *a, const char *b, const diff_op *ops, size_t n, char *why, size_t whylen) {
    size_t pa = 0, pb = 0, la = strlen(a), lb = strlen(b);
    for (size_t k = 0; k < n; k++) {
        const diff_op *o = &ops[k];
        if (o->a0 != pa || o->b0 != pb) {
            snprintf(why, whylen, "run %zu does not start where the last ended", k);
            return 0;
        }
        if (o->kind == DIFF_EQUAL) {
            if (o->a1 - o->a0 != o->b1 - o->b0 || memcmp(a + o->a0, b + o->b0, o->a1 - o->a0) != 0 || o->a1 == o->a0) {
                snprintf(why, whylen, "equal run %zu is not equal or empty", k);
                return 0;
            }
        } else if (o->kind == DIFF_DELETE) {
            if (o->b1 != o->b0 || o->a1 == o->a0) {
                snprintf(why, whylen, "delete run %zu malformed", k);
                return 0;
            }
        } else if (o->kind == DIFF_INSERT) {
            if (o->a1 != o->a0 || o->b1 == o->b0) {
                snprintf(why, whylen, "insert run %zu malformed", k);
                return 0;
            }
        } else {
            snprintf(why, whylen, "run %zu has an unknown kind", k);
            return 0;
        }
        if (k > 0 && (ops[k - 1].kind == o->kind || (ops[k - 1].kind == DIFF_INSERT && o->kind == DIFF_DELETE))) {
            snprintf(why, whylen, "runs %zu and %zu should be one", k - 1, k);
            return 0;
        }
        pa = o->a1;
        pb = o->b1;
    }
    if (pa != la || pb != lb) {
        snprintf(why, whylen, "runs end at %zu/%zu, texts at %zu/%zu", pa, pb, la, lb);
        return 0;
    }
    return 1;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sbuf b = {0};
    char tmp[65536];
    size_t n;
    sbuf_puts(&b, "");
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) sbuf_put(&b, tmp, n);
    fclose(f);
    *len = b.len;
    return b.s;
}

/* Is s valid JSON? Asks python3 when there is one (1 valid, 0 not, -1 no
 * python3). */
static int json_valid(const char *s) {
    if (system("command -v python3 >/dev/null 2>&1") != 0) return -1;
    FILE *p = popen("python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null", "w");
    if (!p) return -1;
    fputs(s, p);
    int st = pclose(p);
    return st == 0;
}

static char *json_of(const diff_result *r, const slist *ta, const slist *tb, int pretty) {
    jw w;
    jw_init(&w, pretty);
    diff_write_json(&w, r, ta, tb);
    if (w.failed) {
        jw_free(&w);
        return NULL;
    }
    return w.s;
}

static char *text_of(const diff_result *r, const slist *ta, const slist *tb, int color) {
    sbuf o = {0};
    if (diff_write_text(&o, r, ta, tb, color)) {
        sbuf_free(&o);
        return NULL;
    }
    return sbuf_steal(&o, NULL);
}

static int has_sentence(const diff_sentence *v, size_t n, const char *s) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].text, s) == 0) return 1;
    return 0;
}

/* ------------------------------------------------------------ tests */

static void test_split(void) {
    diff_result r;
    const char *a = "甲。乙！丙？丁；\n  戊 \t　\xc2\xa0\r\n\n　他说：“好。”己。。\n\n";
    int rc = diff_str(a, "", &r);
    const char *want[] = {"甲。", "乙！", "丙？", "丁；", "戊", "他说：“好。”", "己。。"};
    int good = rc == 0 && r.nremoved == 7 && r.nadded == 0 && r.nchanged == 0 && r.na == 7 && r.nb == 0;
    for (size_t i = 0; good && i < 7; i++) good = strcmp(r.removed[i].text, want[i]) == 0 && r.removed[i].index == i;
    check(good, "split: 。！？； and line ends end sentences, marks and closing quotes kept, trimmed, empty skipped");
    check(rc == 0 && r.nremoved == 7 && r.removed[0].offset == 0 &&
              memcmp(a + r.removed[5].offset, "他说", strlen("他说")) == 0,
          "split: offsets point into the input text");
    diff_result_free(&r);

    rc = diff_sentences(NULL, 0, NULL, 0, &r);
    check(rc == 0 && r.na == 0 && r.nb == 0 && !r.nadded && !r.nremoved && !r.nchanged, "empty texts: nothing");
    diff_result_free(&r);
    rc = diff_str("  \n\n　　\n", "", &r);
    check(rc == 0 && r.na == 0, "blank lines: no sentence");
    diff_result_free(&r);
}

static const char *P1 = "1月5日，2025年国防科技工业工作会议在京召开。会议总结了2024年工作。部署了2025年重点任务。";
static const char *P2 = "会议指出，要增强“四个意识”，坚定“四个自信”。要做到“两个维护”。";
static const char *P3 = "会议号召，全系统要更加紧密地团结起来。务必谦虚谨慎、艰苦奋斗！";

static void test_identical(void) {
    sbuf a = {0};
    sbuf_printf(&a, "%s\n%s\n%s\n", P1, P2, P3);
    diff_result r;
    int rc = diff_str(a.s, a.s, &r);
    check(rc == 0 && r.nadded == 0 && r.nremoved == 0 && r.nchanged == 0 && r.nsame == 7 && r.na == 7 && r.nmoved == 0,
          "identical texts: nothing added, removed or changed (%zu same)", r.nsame);
    diff_result_free(&r);
    free(a.s);
}

static void test_moved(void) {
    sbuf a = {0}, b = {0};
    sbuf_printf(&a, "%s\n%s\n%s\n", P1, P2, P3);
    sbuf_printf(&b, "%s\n%s\n%s\n", P2, P3, P1); /* first paragraph moved to the end */
    diff_result r;
    int rc = diff_str(a.s, b.s, &r);
    check(rc == 0 && r.nadded == 0 && r.nremoved == 0 && r.nchanged == 0 && r.nsame == 7 && r.nmoved == 3,
          "paragraph moved: nothing added/removed/changed, 3 sentences moved (got %zu moved)", r.nmoved);
    diff_result_free(&r);
    /* Sentences reordered inside one paragraph, and joined on one line. */
    rc = diff_str("甲说了一句。乙说了一句。丙说了一句。\n丁说了一句。",
                  "丙说了一句。甲说了一句。\n丁说了一句。乙说了一句。", &r);
    check(rc == 0 && r.nadded == 0 && r.nremoved == 0 && r.nchanged == 0 && r.nsame == 4,
          "sentences reordered and re-wrapped: all same");
    diff_result_free(&r);
    /* Duplicates pair occurrence by occurrence. */
    rc = diff_str("好。好。好。坏。", "好。坏。好。", &r);
    check(rc == 0 && r.nremoved == 1 && strcmp(r.removed[0].text, "好。") == 0 && r.nadded == 0 && r.nsame == 3,
          "a sentence three times in A, twice in B: one removed");
    diff_result_free(&r);
    free(a.s);
    free(b.s);
}

static void test_edit(void) {
    const char *sa = "会议明确2025年重点工作，提出要坚持四个方面的要求，推动国防科技工业高质量发展。";
    const char *sb = "会议明确2026年重点工作，提出要坚持五个方面的要求，推动国防科技工业高质量发展。";
    sbuf a = {0}, b = {0};
    sbuf_printf(&a, "%s\n%s%s\n%s\n", P1, P2, sa, P3);
    sbuf_printf(&b, "%s\n%s%s\n%s\n", P1, P2, sb, P3);
    diff_result r;
    int rc = diff_str(a.s, b.s, &r);
    int one = rc == 0 && r.nchanged == 1 && r.nadded == 0 && r.nremoved == 0;
    check(one, "one sentence edited: exactly one changed pair, nothing added or removed");
    if (one) {
        check(strcmp(r.changed[0].a.text, sa) == 0 && strcmp(r.changed[0].b.text, sb) == 0 &&
                  r.changed[0].a.index == 5 && r.changed[0].b.index == 5,
              "the changed pair is the edited sentence (A #%zu, B #%zu)", r.changed[0].a.index, r.changed[0].b.index);
        check(r.changed[0].similarity >= 0.5 && r.changed[0].similarity < 1.0, "its similarity %.3f is in [0.5, 1)",
              r.changed[0].similarity);
    }
    diff_result_free(&r);

    diff_op *ops;
    size_t n;
    rc = diff_chars(sa, sb, &ops, &n);
    char why[200] = "";
    check(rc == 0 && ops_valid(sa, sb, ops, n, why, sizeof why), "char diff of the edit is well formed %s", why);
    char *del = runs_of(sa, sb, ops, n, 'd'), *ins = runs_of(sa, sb, ops, n, 'i');
    check(strcmp(del, "5|四") == 0 && strcmp(ins, "6|五") == 0,
          "char diff shows only the changed characters: deleted [%s], inserted [%s]", del, ins);
    free(del);
    free(ins);
    free(ops);

    /* Adjacent changes and words. */
    rc = diff_chars("2025年国防", "2026年国防", &ops, &n);
    check(rc == 0 && n == 4 && ops[0].kind == DIFF_EQUAL && ops[0].a1 == 3 && ops[1].kind == DIFF_DELETE &&
              ops[1].a0 == 3 && ops[1].a1 == 4 && ops[2].kind == DIFF_INSERT && ops[2].b0 == 3 && ops[2].b1 == 4 &&
              ops[3].kind == DIFF_EQUAL,
          "2025年→2026年: equal, delete 5 (bytes 3..4), insert 6, equal");
    free(ops);
    rc = diff_chars("", "", &ops, &n);
    check(rc == 0 && n == 0, "empty vs empty: no runs");
    free(ops);
    rc = diff_chars("", "新增", &ops, &n);
    check(rc == 0 && n == 1 && ops[0].kind == DIFF_INSERT && ops[0].b1 == 6, "empty vs text: one insert");
    free(ops);
    rc = diff_chars("删除", "", &ops, &n);
    check(rc == 0 && n == 1 && ops[0].kind == DIFF_DELETE && ops[0].a1 == 6, "text vs empty: one delete");
    free(ops);
    rc = diff_chars("X中Y", "X丰Y", &ops, &n); /* 中 E4 B8 AD, 丰 E4 B8 B0: same first bytes */
    check(rc == 0 && n == 4 && ops[1].kind == DIFF_DELETE && ops[1].a0 == 1 && ops[1].a1 == 4 &&
              ops[2].kind == DIFF_INSERT && ops[2].b0 == 1 && ops[2].b1 == 4,
          "characters sharing leading bytes: the whole character is the edit");
    free(ops);
    rc = diff_chars("\xff", "\xfe", &ops, &n);
    check(rc == 0 && n == 2 && ops[0].kind == DIFF_DELETE && ops[1].kind == DIFF_INSERT,
          "two different invalid bytes are not equal");
    free(ops);
    /* A rewritten phrase reads as one change, not as scattered characters. */
    const char *ra = "加快建设先进国防科技工业体系。", *rb = "大力推进现代化产业体系。";
    rc = diff_chars(ra, rb, &ops, &n);
    del = runs_of(ra, rb, ops, n, 'd');
    ins = runs_of(ra, rb, ops, n, 'i');
    /* LCS: 进 and 业体系。 are common; the lone 进 is folded into the edit. */
    check(rc == 0 && ops_valid(ra, rb, ops, n, why, sizeof why) && strcmp(del, "加快建设先进国防科技工") == 0 &&
              strcmp(ins, "大力推进现代化产") == 0,
          "rewritten phrase: one delete [%s] and one insert [%s]", del, ins);
    free(del);
    free(ins);
    free(ops);
    free(a.s);
    free(b.s);
}

static void test_added_removed(void) {
    sbuf a = {0}, b = {0};
    const char *extra = "会议要求，时值岁末年初，要扎实做好安全生产工作。";
    sbuf_printf(&a, "%s\n%s\n%s\n", P1, P2, P3);
    sbuf_printf(&b, "%s\n%s\n%s\n%s\n", P1, P2, extra, P3);
    diff_result r;
    int rc = diff_str(a.s, b.s, &r);
    check(rc == 0 && r.nadded == 1 && strcmp(r.added[0].text, extra) == 0 && r.added[0].index == 5 && r.nremoved == 0 &&
              r.nchanged == 0,
          "a new sentence: added");
    diff_result_free(&r);
    rc = diff_str(b.s, a.s, &r);
    check(rc == 0 && r.nremoved == 1 && strcmp(r.removed[0].text, extra) == 0 && r.nadded == 0 && r.nchanged == 0,
          "a dropped sentence: removed");
    diff_result_free(&r);
    /* Order of the lists: text order. */
    rc = diff_str("一号内容不同甲。二号相同句子。三号内容不同乙。", "零号全新内容。二号相同句子。四号全新内容。", &r);
    check(rc == 0 && r.nremoved == 2 && r.nadded == 2 && r.removed[0].index == 0 && r.removed[1].index == 2 &&
              r.added[0].index == 0 && r.added[1].index == 2,
          "removed and added lists in text order");
    diff_result_free(&r);
    /* Greedy by highest similarity: the closer B sentence wins. */
    rc = diff_str("国防科技工业高质量发展取得新突破。",
                  "国防科技工业发展取得突破。\n国防科技工业高质量发展取得新的突破。", &r);
    check(rc == 0 && r.nchanged == 1 && r.changed[0].b.index == 1 && r.nadded == 1 && r.added[0].index == 0,
          "similar pairing is greedy by highest similarity");
    diff_result_free(&r);
    /* Below 0.5: not a pair. */
    rc = diff_str("会议强调要坚持和加强党的全面领导。", "时值岁末年初要扎实做好安全保密工作。", &r);
    check(rc == 0 && r.nchanged == 0 && r.nremoved == 1 && r.nadded == 1, "dissimilar sentences: removed + added");
    diff_result_free(&r);
    free(a.s);
    free(b.s);
}

/* Code points of valid UTF-8 s. */
static size_t code_points(const char *s) {
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void test_terms_and_output(void) {
    slist ta = {0}, tb = {0};
    const char *ia[] = {"两个确立", "四个意识", "十四五", "四个意识", "两个维护"};
    const char *ib[] = {"十五五", "两个维护", "三管三必须", "十五五", "两个确立"};
    for (size_t i = 0; i < 5; i++) {
        slist_add(&ta, strdup(ia[i]));
        slist_add(&tb, strdup(ib[i]));
    }
    const char *sa = "会议明确2025年重点工作，提出要坚持四个方面的要求。";
    const char *sb = "会议明确2026年重点工作，提出要坚持五个方面的要求。";
    sbuf a = {0}, b = {0};
    sbuf_printf(&a, "%s\n%s\n删去的一句话在这里\n", sa, P2);
    sbuf_printf(&b, "%s\n新加的\"一句\"话\x1b[2J在这里。\n%s\n", P2, sb);
    diff_result r;
    int rc = diff_str(a.s, b.s, &r);
    check(rc == 0 && r.nchanged == 1 && r.nadded == 1 && r.nremoved == 1,
          "output fixture: 1 changed, 1 added, 1 removed");

    char *js = json_of(&r, &ta, &tb, 0);
    const char *want_terms = "{\"terms\":{\"only_a\":[\"四个意识\",\"十四五\"],\"only_b\":[\"十五五\",\"三管三必须\"],"
                             "\"both\":[\"两个确立\",\"两个维护\"]},";
    check(js && strncmp(js, want_terms, strlen(want_terms)) == 0,
          "terms split: only_a / only_b / both, first-appearance order, each once");
    check(js && strstr(js, "\"sentences\":{\"added\":[\"新加的\\\"一句\\\"话\\u001b[2J在这里。\"],"
                           "\"removed\":[\"删去的一句话在这里\"],\"changed\":[{\"a\":\"") != NULL,
          "JSON sentences: added, removed, changed in that shape, strings escaped");
    check(js && strstr(js, "\"ops\":[[\"=\",7],[\"-\",1],[\"+\",1],[\"=\",11],[\"-\",1],[\"+\",1],[\"=\",7]]"),
          "JSON changed pair: its character operations, runs of characters (202[5→6]年…[四→五]个…)");
    /* Where each sentence stands, in characters of its own text. */
    size_t p2 = code_points(P2), added = code_points("新加的\"一句\"话\x1b[2J在这里。"), sa_n = code_points(sa);
    size_t removed_at = sa_n + 1 + p2 + 1, b_at = p2 + 1 + added + 1;
    char want_spans[200];
    snprintf(want_spans, sizeof want_spans,
             "\"spans\":{\"added\":[[%zu,%zu]],\"removed\":[[%zu,%zu]],\"changed\":[{\"a\":[0,%zu],\"b\":[%zu,%zu]}]}}",
             p2 + 1, p2 + 1 + added, removed_at, removed_at + code_points("删去的一句话在这里"), sa_n, b_at,
             b_at + code_points(sb));
    check(js && strstr(js, want_spans), "JSON spans: each sentence's [start, end) in characters, list for list");
    check_parses(js, "JSON output parses (python3 json.load)");
    free(js);
    js = json_of(&r, &ta, &tb, 1);
    check_parses(js, "pretty JSON output parses");
    free(js);
    js = json_of(&r, NULL, NULL, 0);
    check(js && strncmp(js, "{\"terms\":{\"only_a\":[],\"only_b\":[],\"both\":[]},", 43) == 0,
          "NULL term lists: empty lists");
    free(js);

    char *txt = text_of(&r, &ta, &tb, 0);
    check(txt && strstr(txt, "Formulations only in A (2): 四个意识、十四五\n") &&
              strstr(txt, "Formulations only in B (2): 十五五、三管三必须\n") &&
              strstr(txt, "Formulations in both (2): 两个确立、两个维护\n"),
          "text report: formulation header");
    check(txt && strstr(txt, "- 删去的一句话在这里\n") && strstr(txt, "+ 新加的\"一句\"话?[2J在这里。\n"),
          "text report: removed with '- ', added with '+ ', control characters neutralised");
    check(txt && strstr(txt, "~ A: 会议明确202[-5-]年重点工作，提出要坚持[-四-]个方面的要求。\n") &&
              strstr(txt, "  B: 会议明确202{+6+}年重点工作，提出要坚持{+五+}个方面的要求。\n"),
          "text report: changed pair marked [-del-] / {+ins+} at character level");
    free(txt);
    txt = text_of(&r, &ta, &tb, 1);
    check(txt && strstr(txt, "202\x1b[31m\x1b[9m5\x1b[0m年") && strstr(txt, "202\x1b[32m6\x1b[0m年") &&
              !strstr(txt, "[-") && !strstr(txt, "{+"),
          "text report with color: deleted red struck through, inserted green");
    free(txt);
    diff_result_free(&r);
    slist_free(&ta);
    slist_free(&tb);
    free(a.s);
    free(b.s);
}

/* Random char diffs: well formed whatever the input (multi-byte, 4-byte,
 * invalid bytes). */
static void test_chars_random(void) {
    const char *alpha[] = {"国",   "防",   "科",      "技", "a", "\n", "，", "。", "\xF0\x9F\x98\x80",
                           "\xff", "\xfe", "\xe4\xb8"};
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    int bad = 0;
    char why[200] = "";
    for (int it = 0; it < 3000 && !bad; it++) {
        char a[512], b[512];
        size_t la = 0, lb = 0;
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        int na = (int)((seed >> 33) % 40), nb;
        for (int k = 0; k < na; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *c = alpha[(seed >> 33) % 12];
            memcpy(a + la, c, strlen(c));
            la += strlen(c);
        }
        a[la] = 0;
        /* b: a mutated copy half the time, unrelated otherwise */
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        if ((seed >> 33) & 1) {
            memcpy(b, a, la + 1);
            lb = la;
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            size_t pos = lb ? (seed >> 33) % lb : 0;
            memmove(b + pos + 3, b + pos, lb - pos + 1);
            memcpy(b + pos, "改", 3);
            lb += 3;
        } else {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            nb = (int)((seed >> 33) % 40);
            for (int k = 0; k < nb; k++) {
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                const char *c = alpha[(seed >> 33) % 12];
                memcpy(b + lb, c, strlen(c));
                lb += strlen(c);
            }
            b[lb] = 0;
        }
        diff_op *ops;
        size_t n;
        if (diff_chars(a, b, &ops, &n) || !ops_valid(a, b, ops, n, why, sizeof why)) bad = 1;
        if (!bad && strcmp(a, b) == 0 && n > 1) bad = 1, snprintf(why, sizeof why, "equal strings, %zu runs", n);
        free(ops);
        if (!bad) {
            diff_result r;
            if (diff_str(a, b, &r))
                bad = 1, snprintf(why, sizeof why, "diff_sentences failed");
            else if (r.nsame + r.nremoved + r.nchanged != r.na || r.nsame + r.nadded + r.nchanged != r.nb)
                bad = 1, snprintf(why, sizeof why, "sentence counts do not add up");
            diff_result_free(&r);
        }
    }
    check(!bad, "3000 random char diffs are well formed %s", why);
}

/* Random sentence sequences: the same count is exactly the multiset
 * intersection, whatever the order (in-order alignment, patience anchors,
 * duplicates, moves). */
static void test_sentences_random(void) {
    uint64_t seed = 12345;
#define RND(n) ((seed = seed * 6364136223846793005ull + 1442695040888963407ull), (size_t)((seed >> 33) % (n)))
    int bad = 0;
    char why[200] = "";
    static int ca[2000], cb[2000];
    for (int it = 0; it < 60 && !bad; it++) {
        size_t len = it < 30 ? 5 + RND(40) : 300 + RND(900), pool = it % 3 == 0 ? 8 : 1500;
        size_t *x = malloc(len * sizeof *x), *y = malloc(2 * len * sizeof *y), ny = 0;
        for (size_t i = 0; i < len; i++) x[i] = RND(pool);
        /* y: x with deletions, insertions, and a block moved */
        for (size_t i = 0; i < len; i++) {
            size_t r = RND(10);
            if (r == 0) continue;
            if (r == 1) y[ny++] = RND(pool);
            y[ny++] = x[i];
        }
        if (ny > 10) {
            size_t from = RND(ny / 2), cnt = 1 + RND(ny / 4), to = RND(ny - cnt);
            size_t *tmp = malloc(cnt * sizeof *tmp);
            memcpy(tmp, y + from, cnt * sizeof *tmp);
            memmove(y + from, y + from + cnt, (ny - from - cnt) * sizeof *y);
            memmove(y + to + cnt, y + to, (ny - cnt - to) * sizeof *y);
            memcpy(y + to, tmp, cnt * sizeof *tmp);
            free(tmp);
        }
        sbuf a = {0}, b = {0};
        sbuf_puts(&a, "");
        sbuf_puts(&b, "");
        memset(ca, 0, sizeof ca);
        memset(cb, 0, sizeof cb);
        for (size_t i = 0; i < len; i++) {
            sbuf_printf(&a, "第%zu句，关于第%zu项工作。%s", x[i], x[i] * 7 % 13, RND(5) ? "" : "\n");
            ca[x[i]]++;
        }
        for (size_t j = 0; j < ny; j++) {
            sbuf_printf(&b, "第%zu句，关于第%zu项工作。%s", y[j], y[j] * 7 % 13, RND(5) ? "" : "\n");
            cb[y[j]]++;
        }
        size_t want = 0;
        for (size_t k = 0; k < pool; k++) want += (size_t)(ca[k] < cb[k] ? ca[k] : cb[k]);
        diff_result r;
        int rc = diff_sentences(a.s, a.len, b.s, b.len, &r);
        if (rc || r.na != len || r.nb != ny || r.nsame != want || r.nsame + r.nremoved + r.nchanged != r.na ||
            r.nsame + r.nadded + r.nchanged != r.nb)
            bad = 1,
            snprintf(why, sizeof why, "run %d: %zu/%zu sentences, %zu same, want %zu", it, r.na, r.nb, r.nsame, want);
        for (size_t k = 1; !bad && k < r.nremoved; k++)
            if (r.removed[k].index <= r.removed[k - 1].index) bad = 1, snprintf(why, sizeof why, "removed order");
        for (size_t k = 1; !bad && k < r.nadded; k++)
            if (r.added[k].index <= r.added[k - 1].index) bad = 1, snprintf(why, sizeof why, "added order");
        for (size_t k = 1; !bad && k < r.nchanged; k++)
            if (r.changed[k].a.index <= r.changed[k - 1].a.index) bad = 1, snprintf(why, sizeof why, "changed order");
        diff_result_free(&r);
        free(a.s);
        free(b.s);
        free(x);
        free(y);
    }
#undef RND
    check(!bad, "60 random sentence sequences: same = multiset intersection, counts add up, lists in order %s", why);
}

static void test_pathological(void) {
    double limit = UNDER_ASAN ? 20.0 : 3.0;
    /* 10,000 sentences each: B is A rotated, with 100 edited. */
    sbuf a = {0}, b = {0};
    for (int i = 0; i < 10000; i++) sbuf_printf(&a, "第%d项工作要扎实推进，确保取得实效。", i);
    for (int k = 0; k < 10000; k++) {
        int i = (k + 3777) % 10000;
        if (i % 100 == 0)
            sbuf_printf(&b, "第%d项工作要全面推进，确保取得新的实效。", i);
        else
            sbuf_printf(&b, "第%d项工作要扎实推进，确保取得实效。", i);
    }
    diff_result r;
    double t = now();
    int rc = diff_sentences(a.s, a.len, b.s, b.len, &r);
    t = now() - t;
    check(rc == 0 && r.na == 10000 && r.nb == 10000 && r.nremoved == 100 && r.nadded == 100 && r.nchanged == 0 &&
              r.exact_only == 1 && t < limit,
          "10,000 sentences each, rotated, 100 edited: exact matching only, 100/100 (%.2fs)", t);
    diff_result_free(&r);
    free(b.s);
    b = (sbuf){0};

    /* 10,000 copies of one sentence against 9,000. */
    for (int i = 0; i < 10000; i++) sbuf_puts(&b, "好。");
    t = now();
    rc = diff_sentences(b.s, b.len, b.s, b.len - 1000 * strlen("好。"), &r);
    t = now() - t;
    check(rc == 0 && r.nremoved == 1000 && r.nadded == 0 && t < limit, "10,000 equal sentences vs 9,000 (%.2fs)", t);
    diff_result_free(&r);
    free(a.s);
    free(b.s);
    a = (sbuf){0};
    b = (sbuf){0};

    /* 5,000 vs 5,000 sentences, none equal, every pair similar: the
     * similarity pass is bounded. */
    for (int i = 0; i < 5000; i++) sbuf_printf(&a, "会议强调要坚持和加强党的全面领导第%d号。\n", i);
    for (int i = 0; i < 5000; i++) sbuf_printf(&b, "会议强调要坚持和加强党的全面领导第%d号工作。\n", i + 100000);
    t = now();
    rc = diff_sentences(a.s, a.len, b.s, b.len, &r);
    t = now() - t;
    check(rc == 0 && r.nchanged > 0 && r.nchanged + r.nremoved == 5000 && r.nchanged + r.nadded == 5000 && t < limit,
          "5,000 x 5,000 all-similar sentences: bounded (%zu pairs, cut=%d, %.2fs)", r.nchanged, r.exact_only, t);
    diff_result_free(&r);
    free(a.s);
    free(b.s);
    a = (sbuf){0};
    b = (sbuf){0};

    /* One 100,000-character sentence, one character changed. */
    const char *cyc[] = {"国", "防", "科", "技", "工", "业", "发", "展", "，"};
    for (int i = 0; i < 100000; i++) sbuf_puts(&a, cyc[(i * 7 + i / 9) % 9]);
    sbuf_puts(&b, a.s);
    memcpy(b.s + 3 * 50000, "新", 3);
    t = now();
    rc = diff_sentences(a.s, a.len, b.s, b.len, &r);
    double t1 = now() - t;
    int pair = rc == 0 && r.nchanged == 1 && r.nadded == 0 && r.nremoved == 0;
    diff_op *ops = NULL;
    size_t n = 0;
    t = now();
    int rc2 = pair ? diff_chars(r.changed[0].a.text, r.changed[0].b.text, &ops, &n) : -1;
    double t2 = now() - t;
    check(pair && rc2 == 0 && n == 4 && ops[1].kind == DIFF_DELETE && ops[1].a0 == 150000 && ops[1].a1 == 150003 &&
              ops[2].kind == DIFF_INSERT && t1 + t2 < limit,
          "100,000-character sentence, one character changed: one pair, one 1-character edit (%.2fs + %.2fs)", t1, t2);
    free(ops);
    diff_result_free(&r);

    /* Two unrelated 100,000-character sentences: whole-middle replace. */
    free(b.s);
    b = (sbuf){0};
    for (int i = 0; i < 100000; i++) sbuf_puts(&b, cyc[(i * 5 + i / 7 + 3) % 9]);
    t = now();
    rc = diff_chars(a.s, b.s, &ops, &n);
    t = now() - t;
    char why[200] = "";
    check(rc == 0 && ops_valid(a.s, b.s, ops, n, why, sizeof why) && n <= 4 && t < limit,
          "two different 100,000-character sentences: prefix/suffix + replace (%zu runs, %.2fs) %s", n, t, why);
    free(ops);
    /* 20 MB sentences, one character changed: no similarity pass (too
     * big), the char diff trims on bytes. */
    {
        size_t big = 20u << 20;
        char *x = malloc(big + 1), *y = malloc(big + 1);
        for (size_t i = 0; i + 3 <= big; i += 3) memcpy(x + i, cyc[(i / 3) % 9], 3);
        x[big - big % 3] = 0;
        memcpy(y, x, big + 1);
        memcpy(y + 3 * 1000000, "新", 3);
        t = now();
        rc = diff_sentences(x, strlen(x), y, strlen(y), &r);
        double ta = now() - t;
        int shape = rc == 0 && r.exact_only == 1 && r.nremoved == 1 && r.nadded == 1 && r.nchanged == 0;
        diff_result_free(&r);
        t = now();
        rc = diff_chars(x, y, &ops, &n);
        double tb = now() - t;
        check(shape && rc == 0 && n == 4 && ops[1].a0 == 3000000 && ops[1].a1 == 3000003 && ta + tb < limit,
              "20 MB sentences, one character changed: exact only, removed + added; char diff 1 character (%.2fs + "
              "%.2fs)",
              ta, tb);
        free(ops);
        free(x);
        free(y);
    }
    /* Middles of exactly DIFF_MAX_CHARS: the exact diff, still quick. */
    char *x = malloc(3 * DIFF_MAX_CHARS + 1), *y = malloc(3 * DIFF_MAX_CHARS + 1);
    x[0] = y[0] = 0;
    for (int i = 0; i < DIFF_MAX_CHARS; i++) {
        strcat(x + 3 * i, cyc[(i * 7 + i / 9) % 9]);
        strcat(y + 3 * i, cyc[(i * 5 + i / 7 + 1) % 9]);
    }
    t = now();
    rc = diff_chars(x, y, &ops, &n);
    t = now() - t;
    check(rc == 0 && ops_valid(x, y, ops, n, why, sizeof why) && n > 4 && t < limit,
          "2,000 x 2,000 characters: exact diff (%zu runs, %.2fs) %s", n, t, why);
    free(ops);
    free(x);
    free(y);
    free(a.s);
    free(b.s);
}

/* ------------------------------------------------------------ the seeds */

static void add_terms(slist *out, const char *text, size_t len) {
    ustr u;
    terms t;
    memset(&t, 0, sizeof t);
    if (ustr_init(&u, text, len)) abort();
    if (terms_extract(&u, &t)) abort();
    for (size_t i = 0; i < t.numbered.n; i++) slist_add_unique(out, strdup(t.numbered.items[i]));
    for (size_t i = 0; i < t.quoted.n; i++) slist_add_unique(out, strdup(t.quoted.items[i]));
    terms_free(&t);
    ustr_free(&u);
}

static void test_seeds(void) {
    const char *pa = "../shared/golden/000_31aeb457b1c6f6a0.clean.txt";
    const char *pb = "../shared/golden/001_37d6fa01b070871c.clean.txt";
    size_t la, lb;
    char *a = read_file(pa, &la), *b = read_file(pb, &lb);
    if (!a || !b) {
        printf("ok - seeds # SKIP %s or %s not found\n", pa, pb);
        nskipped++;
        free(a);
        free(b);
        return;
    }
    slist ta = {0}, tb = {0};
    add_terms(&ta, a, la);
    add_terms(&tb, b, lb);
    diff_result r;
    double t = now();
    int rc = diff_sentences(a, la, b, lb, &r);
    t = now() - t;
    check(rc == 0 && r.na > 0 && r.nb > 0, "seeds 000 (2025) vs 001 (2026): %zu vs %zu sentences (%.4fs)", r.na, r.nb,
          t);
    if (rc) return;
    char *txt = text_of(&r, &ta, &tb, 0);
    printf("# ---- tifa diff 000_31aeb457b1c6f6a0 001_37d6fa01b070871c (text report) ----\n");
    for (char *line = txt, *e; line && *line; line = e + 1) {
        e = strchr(line, '\n');
        if (!e) e = line + strlen(line);
        printf("# %.*s\n", (int)(e - line), line);
        if (!*e) break;
    }
    printf("# ---- end of report ----\n");
    check(txt != NULL, "seeds: text report written");
    free(txt);
    char *js = json_of(&r, &ta, &tb, 1);
    check_parses(js, "seeds: JSON report parses");
    check(js && strstr(js, "\"both\": [") && slist_has(&ta, "两个确立") && slist_has(&tb, "两个确立"),
          "seeds: 两个确立 in both years' terms");
    free(js);
    /* The closing sentence gained 国家实验室: a changed pair. */
    int found = 0;
    for (size_t i = 0; i < r.nchanged; i++)
        if (strstr(r.changed[i].a.text, "有关高校等单位负责同志参加会议") &&
            strstr(r.changed[i].b.text, "有关高校、国家实验室等单位负责同志参加会议"))
            found = 1;
    check(found, "seeds: the attendees sentence (+国家实验室) is a changed pair");
    diff_op *ops;
    size_t n;
    if (found) {
        for (size_t i = 0; i < r.nchanged; i++)
            if (strstr(r.changed[i].b.text, "国家实验室")) {
                rc = diff_chars(r.changed[i].a.text, r.changed[i].b.text, &ops, &n);
                char *ins = runs_of(r.changed[i].a.text, r.changed[i].b.text, ops, n, 'i');
                char *del = runs_of(r.changed[i].a.text, r.changed[i].b.text, ops, n, 'd');
                check(rc == 0 && strcmp(ins, "、国家实验室") == 0 && strcmp(del, "") == 0,
                      "seeds: its char diff inserts exactly 、国家实验室 (got [%s], deleted [%s])", ins, del);
                free(ins);
                free(del);
                free(ops);
            }
    }
    check(has_sentence(r.added, r.nadded, "2026年国防科技工业工作会议在京召开") ||
              has_sentence(r.added, r.nadded, "会议部署了2026年重点工作。"),
          "seeds: sentences new in 2026 are added");
    /* Reversed: removed and added swap. */
    diff_result rr;
    rc = diff_sentences(b, lb, a, la, &rr);
    check(rc == 0 && rr.nadded == r.nremoved && rr.nremoved == r.nadded && rr.nchanged == r.nchanged,
          "seeds: B vs A mirrors A vs B");
    diff_result_free(&rr);
    rc = diff_sentences(a, la, a, la, &rr);
    check(rc == 0 && !rr.nadded && !rr.nremoved && !rr.nchanged && rr.nsame == rr.na,
          "seeds: 000 vs itself: no change");
    diff_result_free(&rr);
    diff_result_free(&r);
    slist_free(&ta);
    slist_free(&tb);
    free(a);
    free(b);
}

/* ------------------------------------------------------- corpus sides */

/* What a comparison of two sides writes, flags as tifa_diff_sides takes
 * them (malloc'd; NULL on failure). */
static char *compared(const tifa_diff_side *a, const tifa_diff_side *b, unsigned flags) {
    sbuf o = {0};
    tifa_error err;
    if (tifa_diff_sides(a, b, flags, sbuf_write, &o, &err) != TIFA_OK) {
        sbuf_free(&o);
        return NULL;
    }
    size_t n;
    return sbuf_steal(&o, &n);
}

static char *compared_raw(const char *a, size_t al, const char *b, size_t bl, unsigned flags) {
    sbuf o = {0};
    tifa_error err;
    if (tifa_diff_write(a, al, b, bl, flags, sbuf_write, &o, &err) != TIFA_OK) {
        sbuf_free(&o);
        return NULL;
    }
    size_t n;
    return sbuf_steal(&o, &n);
}

static int same_str(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* The corpus-level diff: two stored documents compared from their stored
 * text and terms give what the raw bytes give (the corpus holds what the
 * same tifa made of them); a side is made once and compared again; a
 * missing id is TIFA_EINPUT. */
static void test_corpus_sides(void) {
    const char *db = "build/test-diff-corpus.db";
    size_t la, lb;
    char *a = read_file("examples/000_31aeb457b1c6f6a0.txt", &la),
         *b = read_file("examples/001_37d6fa01b070871c.txt", &lb);
    remove(db);
    tifa_corpus *c = NULL;
    tifa_error err;
    tifa_add_result res;
    int64_t ia = 0, ib = 0;
    int ok = a && b && tifa_corpus_open(db, 0, &c, &err) == TIFA_OK &&
             tifa_corpus_add(c, "a.txt", a, la, &res, &ia, &err) == TIFA_OK &&
             tifa_corpus_add(c, "b.txt", b, lb, &res, &ib, &err) == TIFA_OK && tifa_corpus_commit(c, &err) == TIFA_OK;
    check(ok, "corpus sides: a corpus of examples 000 and 001");
    if (!ok) goto done;
    tifa_diff_side *sa = NULL, *sb = NULL, *none = NULL;
    check(tifa_corpus_diff_side(c, ia, &sa, &err) == TIFA_OK && tifa_corpus_diff_side(c, ib, &sb, &err) == TIFA_OK,
          "corpus sides: both read");
    check(tifa_corpus_diff_side(c, 999, &none, &err) == TIFA_EINPUT && !none && strstr(err.message, "no document 999"),
          "corpus sides: a missing id is TIFA_EINPUT, named (%s)", err.message);
    for (unsigned flags = 0; flags < 4 && sa && sb; flags++) {
        char *stored = compared(sa, sb, flags), *raw = compared_raw(a, la, b, lb, flags),
             *again = compared(sa, sb, flags);
        sbuf o = {0};
        int whole = tifa_corpus_diff(c, ia, ib, flags, sbuf_write, &o, &err) == TIFA_OK;
        check(same_str(stored, raw) && same_str(again, raw) && whole && same_str(o.s, raw),
              "corpus sides (flags %u): stored = raw bytes = tifa_corpus_diff, and a side compares again", flags);
        free(stored);
        free(raw);
        free(again);
        sbuf_free(&o);
    }
    char *self = sa ? compared(sa, sa, TIFA_DIFF_JSON) : NULL;
    check(self && strstr(self, "\"sentences\":{\"added\":[],\"removed\":[],\"changed\":[]"),
          "corpus sides: a side against itself: no sentence differs");
    free(self);
    tifa_diff_side_free(sa);
    tifa_diff_side_free(sb);
done:
    if (c) tifa_corpus_close(c);
    free(a);
    free(b);
    remove(db);
}

int main(void) {
    test_split();
    test_identical();
    test_moved();
    test_edit();
    test_added_removed();
    test_terms_and_output();
    test_chars_random();
    test_sentences_random();
    test_pathological();
    test_seeds();
    test_corpus_sides();
    printf("%d passed, %d failed, %d skipped\n", npassed, nfailed, nskipped);
    return nfailed ? 1 : 0;
}
