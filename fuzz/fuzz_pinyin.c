/*
 * fuzz_pinyin: annotation removal (`會(huì)議(yì)`), through tifa_clean.
 *
 * There is no public entry point for the pinyin stage alone, so the fuzzer
 * builds text dense in reading groups and cleans it. The first byte picks
 * one of two modes.
 *
 *  - Oracle mode: the bytes choose tokens — a Han character followed by 0 to
 *    3 groups that are certainly readings of it in every accepted spelling
 *    (tone marks, tone digits, spaces inside, full-width parentheses, ü / v /
 *    u: / u + combining diaeresis), or plain text (Han, Latin, digits, CJK
 *    punctuation, parenthesised text that is not a reading, line breaks).
 *    The same tokens without the groups give the expected text: cleaning the
 *    annotated input must give exactly what cleaning the expected text
 *    gives, and the report must count every group, for the default options
 *    and for target "none" with boilerplate kept.
 *  - Raw mode: every byte becomes one piece of a small alphabet (Han,
 *    parentheses of both widths, pinyin letters, tone vowels, combining
 *    marks, digits, spaces, '?', U+FFFD, invalid bytes, emoji, newlines), so
 *    the group parser sees malformed, nested and unterminated groups. The
 *    output must be valid UTF-8, end with a newline, count no more
 *    annotations than there are opening parentheses, and the streaming
 *    cleaner fed in random pieces must write the same text.
 *
 *   make build/fuzz-pinyin && ./build/fuzz-pinyin fuzz/corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tifa.h"
#include "fuzz_common.h"




static void put(membuf *m, const char *s) { mem_write(m, s, strlen(s)); }


/* ------------------------------------------------------------ oracle mode */

/* A Han character and spellings of one of its Unihan readings. */
static const struct {
    const char *han;
    const char *forms[6];
} annotated[] = {
    {"會", {"huì", "hui4", " hui ", "kuài", "hui", "huì "}},
    {"議", {"yì", "yi4", "yi", " yì", "yi4 ", "yì"}},
    {"國", {"guó", "guo2", "guo", " guó ", "guo2", "guó"}},
    {"業", {"yè", "ye4", "ye", "yè", " ye4", "yè"}},
    {"黨", {"dǎng", "dang3", "dang", "dǎng", "dang3 ", "dǎng"}},
    {"綠", {"lǜ", "lv4", "lu:4", "lü", "lu\xCC\x88", "lǜ"}},
    {"女", {"nǚ", "nv3", "nu:3", "nü", "nu\xCC\x88\xCC\x8C", "nǚ"}},
    {"行", {"xíng", "háng", "xing2", "hang2", "xing", "háng"}},
    {"長", {"cháng", "zhǎng", "chang2", "zhang3", "chang", "zhǎng"}},
    {"重", {"zhòng", "chóng", "zhong4", "chong2", "zhong", "chóng"}},
    {"發", {"fā", "fa1", "fa", "fā", "fa1", "fā"}},
    {"展", {"zhǎn", "zhan3", "zhan", "zhǎn", "zhan3", "zhǎn"}},
    {"乾", {"gān", "qián", "gan1", "qian2", "gan", "qián"}},
    {"为", {"wèi", "wéi", "wei4", "wei2", "wei", "wèi"}},
    {"会", {"huì", "hui4", "kuài", "hui", "huì", "hui4"}},
};
#define NANNOTATED (sizeof annotated / sizeof annotated[0])

/* Text that is never removed, whatever comes before it. */
static const char *const plain[] = {
    "的",
    "在",
    "北京",
    "召开",
    "强调",
    "要",
    "加强",
    "领导",
    "，",
    "。",
    "；",
    "：",
    "、",
    "\n",
    "\n\n",
    "(2023)",
    "（会议）",
    "(ABC)",
    "(会议在京召开)",
    "2025年",
    "1,000",
    "3.5",
    "Notice",
    " ",
    "　",
    "“",
    "”",
    "《",
    "》",
    "hui",
    "yi4",
    "?",
    "！",
};
#define NPLAIN (sizeof plain / sizeof plain[0])

static void build_oracle(const uint8_t *d, size_t n, membuf *in, membuf *expect, uint64_t *groups) {
    size_t i = 0;
    while (i < n) {
        uint8_t b = d[i++];
        if (b & 1) {
            size_t t = (b >> 1) % NANNOTATED;
            put(in, annotated[t].han);
            put(expect, annotated[t].han);
            int ngroups = i < n ? d[i] % 4 : 1;
            for (int g = 0; g < ngroups; g++) {
                uint8_t f = i < n ? d[i++] : (uint8_t)g;
                int wide = (f >> 3) & 1;
                put(in, wide ? "（" : "(");
                put(in, annotated[t].forms[f % 6]);
                put(in, wide ? "）" : ")");
                ++*groups;
            }
        } else {
            const char *p = plain[(b >> 1) % NPLAIN];
            put(in, p);
            put(expect, p);
        }
    }
}

static char *clean(const tifa_options *opt, const char *s, size_t len, size_t *out_len, tifa_clean_report *rep) {
    char *out = NULL;
    tifa_error err;
    if (tifa_clean(opt, s, len, &out, out_len, rep, &err) != TIFA_OK) {
        fprintf(stderr, "fuzz_pinyin: tifa_clean failed: %s\n", err.message);
        abort();
    }
    REQUIRE(out != NULL && out[*out_len] == 0);
    REQUIRE(fz_valid_utf8((const unsigned char *)out, *out_len, 0));
    REQUIRE(*out_len == 0 || out[*out_len - 1] == '\n');
    return out;
}

static void check_oracle(const tifa_options *opt, const membuf *in, const membuf *expect, uint64_t groups) {
    size_t a_len, b_len;
    tifa_clean_report a_rep, b_rep;
    char *a = clean(opt, in->data ? in->data : "", in->len, &a_len, &a_rep);
    char *b = clean(opt, expect->data ? expect->data : "", expect->len, &b_len, &b_rep);
    if (a_len != b_len || memcmp(a, b, a_len) != 0 || a_rep.annotations != groups || b_rep.annotations != 0) {
        fprintf(stderr,
                "fuzz_pinyin: annotations not removed exactly (target %s)\n--- input\n%.*s\n--- cleaned input "
                "(%llu groups removed, %llu inserted)\n%s--- cleaned expected text\n%s",
                opt->target ? opt->target : "none", (int)in->len, in->data ? in->data : "",
                (unsigned long long)a_rep.annotations, (unsigned long long)groups, a, b);
        abort();
    }
    tifa_free(a);
    tifa_free(b);
}

/* --------------------------------------------------------------- raw mode */

static const char *const alphabet[] = {
    "會",
    "议",
    "國",
    "字",
    "綠",
    "女",
    "中",
    "乾",
    "(",
    ")",
    "（",
    "）",
    "(",
    ")",
    "a",
    "e",
    "i",
    "o",
    "u",
    "v",
    "n",
    "g",
    "h",
    "z",
    "s",
    "c",
    "y",
    "w",
    "l",
    "x",
    "ì",
    "ó",
    "ǎ",
    "ǜ",
    "ü",
    "ń",
    "ḿ",
    "\xCC\x88",
    "\xCC\x8C",
    ":",
    "1",
    "2",
    "3",
    "4",
    "5",
    "0",
    " ",
    "\t",
    "　",
    "\xC2\xA0",
    "?",
    "？",
    "\xEF\xBF\xBD",
    "\xFF",
    "\xE5\x9C",
    "\n",
    "\r\n",
    "😀",
    "\xE2\x9C\x85",
    ",",
    "A",
};
#define NALPHABET (sizeof alphabet / sizeof alphabet[0])


static void check_raw(const tifa_options *opt, const membuf *in, uint64_t seed) {
    const char *s = in->data ? in->data : "";
    size_t out_len;
    tifa_clean_report rep;
    char *out = clean(opt, s, in->len, &out_len, &rep);
    uint64_t opens = 0;
    for (size_t i = 0; i < in->len; i++) opens += s[i] == '(';
    for (const char *p = s; (p = strstr(p, "（")); p += 3) opens++;
    REQUIRE(rep.annotations <= opens);

    membuf m = {0};
    tifa_cleaner *c;
    tifa_error err;
    REQUIRE(tifa_cleaner_new(opt, "fuzz", mem_write, &m, &c, &err) == TIFA_OK);
    uint64_t rng = seed | 1;
    for (size_t pos = 0; pos < in->len;) {
        size_t piece = 1 + (size_t)(rng_next(&rng) % 16);
        if (piece > in->len - pos) piece = in->len - pos;
        REQUIRE(tifa_cleaner_feed(c, s + pos, piece, &err) == TIFA_OK);
        pos += piece;
    }
    tifa_clean_report srep;
    REQUIRE(tifa_cleaner_finish(c, &srep, &err) == TIFA_OK);
    tifa_cleaner_free(c);
    REQUIRE(m.len == out_len && (out_len == 0 || memcmp(m.data, out, out_len) == 0));
    REQUIRE(srep.annotations == rep.annotations && srep.orphan_annotations == rep.orphan_annotations);
    free(m.data);
    tifa_free(out);
}

/* Undefined behaviour is a finding, as in the project's sanitizer build
 * (-fno-sanitize-recover=undefined): stop at the first report. UBSAN_OPTIONS
 * in the environment still overrides this. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    tifa_options def, none;
    tifa_options_init(&def);
    tifa_options_init(&none);
    none.target = "none";
    none.keep_boilerplate = 1;

    membuf in = {0}, expect = {0};
    if (data[0] & 1) {
        uint64_t groups = 0;
        build_oracle(data + 1, size - 1, &in, &expect, &groups);
        check_oracle(&none, &in, &expect, groups);
        check_oracle(&def, &in, &expect, groups);
    } else {
        uint64_t seed = 0xCBF29CE484222325ull;
        for (size_t i = 1; i < size; i++) {
            put(&in, alphabet[data[i] % NALPHABET]);
            seed = (seed ^ data[i]) * 0x100000001B3ull;
        }
        check_raw(&none, &in, seed);
        check_raw(&def, &in, seed + 1);
    }
    free(in.data);
    free(expect.data);
    return 0;
}
