/* decode: encodings, replacement of invalid bytes, detection. */
#include <stdlib.h>
#include "testing.h"
#include "tifa.h"
#include "utf8.h"

static char *dec(const char *in, size_t len, tifa_encoding enc, tifa_encoding *used, uint64_t *bad) {
    char *out = NULL;
    size_t n;
    if (tifa_decode(in, len, enc, &out, &n, used, bad, NULL) != TIFA_OK) return NULL;
    return out;
}

static const char gb_simplified[] =
    "\xB9\xFA\xB7\xC0\xBF\xC6\xBC\xBC\xB9\xA4\xD2\xB5\xB9\xA4\xD7\xF7\xBB\xE1\xD2\xE9\xD4\xDA\xB1\xB1\xBE\xA9\xD5"
    "\xD9\xBF\xAA\xA3\xAC\xBB\xE1\xD2\xE9\xC7\xBF\xB5\xF7\xD2\xAA\xBC\xD3\xC7\xBF\xB5\xB3\xB5\xC4\xC1\xEC\xB5\xBC"
    "\xA1\xA3";
static const char gb_traditional[] =
    "\x87\xF8\xB7\xC0\xBF\xC6\xBC\xBC\xB9\xA4\x98\x49\xB9\xA4\xD7\xF7\x95\xFE\xD7\x68\xD4\xDA\xB1\xB1\xBE\xA9\xD5"
    "\xD9\xE9\x5F\xA3\xAC\x95\xFE\xD7\x68\x8F\x8A\xD5\x7B\xD2\xAA\xBC\xD3\x8F\x8A\xFC\x68\xB5\xC4\xEE\x49\x8C\xA7"
    "\xA1\xA3";
static const char big5_traditional[] =
    "\xB0\xEA\xA8\xBE\xAC\xEC\xA7\xDE\xA4\x75\xB7\x7E\xA4\x75\xA7\x40\xB7\x7C\xC4\xB3\xA6\x62\xA5\x5F\xA8\xCA\xA5"
    "\x6C\xB6\x7D\xA1\x41\xB7\x7C\xC4\xB3\xB1\x6A\xBD\xD5\xAD\x6E\xA5\x5B\xB1\x6A\xC4\xD2\xAA\xBA\xBB\xE2\xBE\xC9"
    "\xA1\x43";

TEST(test_decode_utf8_bom) {
    tifa_encoding used;
    uint64_t bad;
    char *s = dec("\xEF\xBB\xBF\xE5\x9C\x8B", 6, TIFA_ENC_AUTO, &used, &bad);
    CHECK_STR(s, "國");
    CHECK(used == TIFA_ENC_UTF8);
    CHECK(bad == 0);
    free(s);
}

TEST(test_decode_invalid_counted) {
    uint64_t bad;
    char *s = dec("a\xFF"
                  "b\xC3",
                  4, TIFA_ENC_UTF8, NULL, &bad);
    CHECK_STR(s, "a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD");
    CHECK(bad == 2);
    free(s);
}

TEST(test_decode_gb18030) {
    tifa_encoding used;
    char *s = dec(gb_simplified, sizeof gb_simplified - 1, TIFA_ENC_AUTO, &used, NULL);
    CHECK_STR(s, "国防科技工业工作会议在北京召开，会议强调要加强党的领导。");
    CHECK(used == TIFA_ENC_GB18030);
    free(s);
    /* Traditional characters encoded in GBK are still GBK, not Big5. */
    s = dec(gb_traditional, sizeof gb_traditional - 1, TIFA_ENC_AUTO, &used, NULL);
    CHECK_STR(s, "國防科技工業工作會議在北京召開，會議強調要加強黨的領導。");
    CHECK(used == TIFA_ENC_GB18030);
    free(s);
}

TEST(test_decode_big5) {
    tifa_encoding used;
    char *s = dec(big5_traditional, sizeof big5_traditional - 1, TIFA_ENC_AUTO, &used, NULL);
    CHECK_STR(s, "國防科技工業工作會議在北京召開，會議強調要加強黨的領導。");
    CHECK(used == TIFA_ENC_BIG5);
    free(s);
}

TEST(test_decode_utf16) {
    tifa_encoding used;
    char *s = dec("\xFF\xFE\xFD\x56\x41\x00", 6, TIFA_ENC_AUTO, &used, NULL);
    CHECK_STR(s, "国A");
    CHECK(used == TIFA_ENC_UTF16LE);
    free(s);
    s = dec("\xFE\xFF\x56\xFD\x00\x41", 6, TIFA_ENC_AUTO, &used, NULL);
    CHECK_STR(s, "国A");
    CHECK(used == TIFA_ENC_UTF16BE);
    free(s);
}

TEST(test_decode_lone_surrogate) {
    uint64_t bad;
    char *s = dec("\xFF\xFE\x00\xD8\x41\x00", 6, TIFA_ENC_AUTO, NULL, &bad);
    CHECK(s != NULL);
    CHECK(bad >= 1);
    CHECK(s && strstr(s, "\xEF\xBF\xBD") != NULL);
    CHECK(s && s[strlen(s) - 1] == 'A');
    free(s);
}

TEST(test_detect_mostly_utf8) {
    char buf[400];
    strcpy(buf, "会议指出，要坚持稳中求进工作总基调。会议强调，要加强党的全面领导。\xFF");
    CHECK(tifa_detect_encoding(buf, strlen(buf)) == TIFA_ENC_UTF8);
}

TEST(test_decode_nul) {
    uint64_t bad;
    char *s = dec("a\0b", 3, TIFA_ENC_UTF8, NULL, &bad);
    CHECK_STR(s, "a\xEF\xBF\xBD"
                 "b");
    CHECK(bad == 1);
    free(s);
}

/* What decoding gives one character at a time: valid characters as they
 * are, each invalid sequence (u8_decode's one-byte U+FFFD) and each NUL as
 * U+FFFD. Written into out; returns the length. */
static size_t decode_by_char(const unsigned char *s, size_t len, char *out) {
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = u8_decode(s + i, len - i, &cp);
        if ((cp == 0xFFFD && k == 1) || cp == 0) {
            memcpy(out + n, "\xEF\xBF\xBD", 3);
            n += 3;
        } else {
            memcpy(out + n, s + i, k);
            n += k;
        }
        i += k;
    }
    return n;
}

/* The decoder checks ASCII and three-byte characters 16 bytes at a time:
 * a broken sequence anywhere in such a block, or across two, must come out
 * as the byte-at-a-time walk gives it. (E8 AE, then a lead byte and a NUL
 * at the block's end, was copied as it was: found by fuzz_decode.) */
TEST(test_decode_broken_at_every_offset) {
    static const char *const broken[] = {"\xE8\xAE", "\xE8", "\xE4\xBD", "\xC3", "\xF0\x9F\x98", "\xED\xA0\x80",
                                         "\xE0\x80\x80", "\xC0\xAF", "\x80", "\xBF\xBF", "\xEF\xBF\xBD", "\xE4\xBC\x9A\x9A"};
    static const char *const after[] = {"\xEE", "\xEE\x00", "\xE4\xBC\x9A", "a", "", "\xE8\xAE\xAE"};
    int mismatches = 0;
    for (size_t b = 0; b < sizeof broken / sizeof *broken; b++)
        for (size_t a = 0; a < sizeof after / sizeof *after; a++)
            for (size_t off = 0; off < 40; off++) {
                char in[128], want[512];
                size_t n = 0;
                /* off bytes before it: three-byte characters, then ASCII. */
                for (; n + 3 <= off; n += 3) memcpy(in + n, "\xE4\xBC\x9A", 3);
                for (; n < off; n++) in[n] = 'x';
                size_t bl = strlen(broken[b]), al = strlen(after[a]) + (a == 1); /* after[1] holds a NUL */
                memcpy(in + n, broken[b], bl);
                memcpy(in + n + bl, after[a], al);
                n += bl + al;
                for (int k = 0; k < 24; k++) in[n++] = k % 3 ? 'y' : 'z'; /* room for a whole block after */
                size_t wn = decode_by_char((const unsigned char *)in, n, want);
                char *out = NULL;
                size_t on = 0;
                if (tifa_decode(in, n, TIFA_ENC_UTF8, &out, &on, NULL, NULL, NULL) != TIFA_OK || on != wn ||
                    memcmp(out, want, wn) != 0)
                    mismatches++;
                free(out);
            }
    CHECK(mismatches == 0);
}

/* u8_strict, the one validity check (param_text, jsonread, manifests,
 * file names): shortest forms only, no surrogates, nothing past U+10FFFF. */
TEST(test_utf8_strict) {
    static const struct {
        const char *s;
        size_t len;
    } good[] = {{"a", 1},
                {"\xC2\xA0", 2},
                {"\xE4\xB8\xAD", 3},
                {"\xEF\xBF\xBD", 3},
                {"\xF0\x9F\x98\x80", 4},
                {"\xF4\x8F\xBF\xBF", 4}},
      bad[] = {{"\xC0\xAF", 2}, {"\xE0\x80\xAF", 3}, {"\xED\xA0\x80", 3}, {"\xF4\x90\x80\x80", 4},
               {"\xE4\xB8", 2}, {"\x80", 1},         {"\xFF", 1},         {"\xF0\x9F\x98", 3}};
    uint32_t cp;
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        CHECK(u8_strict((const unsigned char *)good[i].s, good[i].len, &cp) == good[i].len);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(u8_strict((const unsigned char *)bad[i].s, bad[i].len, &cp) == 0);
    CHECK(u8_valid_prefix("中文\xE4\xB8", 8) == 6);
    CHECK(u8_valid_prefix("", 0) == 0);
}
