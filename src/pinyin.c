/*
 * pinyin: removes inline reading annotations such as 國(guó) or 會(huì ).
 *
 * A parenthesised group is an annotation only when its content is one
 * Mandarin syllable (tone marks, tone digits, ü/v/u: all accepted, spaces
 * allowed inside, half- or full-width parentheses) that Unihan lists as a
 * reading of the Han character just before it — several groups may follow
 * one character. Anything else in parentheses is text and stays. A
 * reading-like group with no Han character before it (after `?` or a
 * letter) also stays, and is counted as an orphan for the anomaly report.
 *
 * Not for: other kinds of parenthesised noise, or script conversion.
 */
#include <string.h>
#include "bytescan.h"
#include "pinyin.h"
#include "utf8.h"

extern const int py_nsyllables;
extern const uint64_t py_syllable_codes[];
extern const uint64_t py_han_reads[];
extern const int py_ncps;
extern const uint32_t py_cps[];
extern const uint32_t py_index[];
extern const uint16_t py_ids[];
extern const uint8_t py_common[];
extern const uint16_t py_bmp_slot[];

static int find_cp(uint32_t cp) {
    if (cp < 0x10000) return (int)py_bmp_slot[cp] - 1;
    int lo = 0, hi = py_ncps - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (py_cps[mid] == cp) return mid;
        if (py_cps[mid] < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int pinyin_is_common(uint32_t cp) {
    int i = find_cp(cp);
    return i >= 0 && py_common[i];
}

/* Is code (a syllable as py_syllable_codes holds it) a reading of cp? */
static int reads_as(uint32_t cp, uint64_t code) {
    if (cp >= 0x3400 && cp <= 0x9FFF) {
        /* Up to six readings packed in one word (see gen_pinyin.py), all
         * compared: the unused ones read a code no syllable has. */
        uint64_t e = py_han_reads[cp - 0x3400];
        if ((e & 7) != 7) {
            const uint64_t *c = py_syllable_codes;
            return (c[(e >> 3) & 511] == code) | (c[(e >> 12) & 511] == code) | (c[(e >> 21) & 511] == code) |
                   (c[(e >> 30) & 511] == code) | (c[(e >> 39) & 511] == code) | (c[(e >> 48) & 511] == code);
        }
    }
    int i = find_cp(cp);
    if (i < 0) return 0;
    for (uint32_t k = py_index[i]; k < py_index[i + 1]; k++)
        if (py_syllable_codes[py_ids[k]] == code) return 1;
    return 0;
}

int pinyin_is_reading(uint32_t cp, const char *syllable) {
    uint64_t code = 0;
    for (int n = 0; syllable[n]; n++) {
        if (n == 8) return 0;
        code |= (uint64_t)(unsigned char)syllable[n] << (8 * n);
    }
    return reads_as(cp, code);
}

/* Tone-marked vowels and their base letters (ü and its tones become v). */
static char base_letter(uint32_t cp) {
    if (cp >= 'a' && cp <= 'z') return (char)cp;
    switch (cp) {
    case 0x101: case 0xE1: case 0x1CE: case 0xE0:
        return 'a';
    case 0x113: case 0xE9: case 0x11B: case 0xE8: case 0xEA:
        return 'e';
    case 0x12B: case 0xED: case 0x1D0: case 0xEC:
        return 'i';
    case 0x14D: case 0xF3: case 0x1D2: case 0xF2:
        return 'o';
    case 0x16B: case 0xFA: case 0x1D4: case 0xF9:
        return 'u';
    case 0x1D6: case 0x1D8: case 0x1DA: case 0x1DC: case 0xFC:
        return 'v';
    case 0x144: case 0x148: case 0x1F9:
        return 'n';
    case 0x1E3F:
        return 'm';
    }
    return 0;
}

static int is_open(uint32_t cp) { return cp == '(' || cp == 0xFF08; }
static int is_close(uint32_t cp) { return cp == ')' || cp == 0xFF09; }
static int is_space(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }

/* A syllable written into a zeroed char[8] as py_syllable_codes holds it:
 * its letters from the low byte up. */
static uint64_t syllable_code(const char syl[8]) {
    uint64_t code;
    memcpy(&code, syl, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    code = __builtin_bswap64(code);
#endif
    return code;
}

/* The commonest group, `(` + 1-6 ASCII letters + an optional tone digit
 * 1-5 + `)`, with its letters told apart by one test on 8 bytes at once
 * (a loop over them mispredicts its exit with each syllable length): what
 * parse_group returns for it, or 0 for any other shape. */
static size_t parse_ascii_group(const unsigned char *s, size_t len, uint64_t *code) {
    if (len < 9) return 0;
    uint64_t w;
    memcpy(&w, s + 1, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w); /* byte k of the text in bits 8k-8k+7 */
#endif
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull, low7 = w & ~high;
    /* Bit 7 of each byte: 0x61-0x7A ('a'-'z'); seven-bit sums cannot carry. */
    uint64_t lower = (low7 + 0x1F * ones) & ~(low7 + 0x05 * ones) & ~w & high;
    uint64_t other = ~lower & high;
    unsigned n = other ? (unsigned)__builtin_ctzll(other) / 8 : 8;
    if (n == 0 || n > 6) return 0;
    size_t i = 1 + n;
    if (s[i] >= '1' && s[i] <= '5') i++;
    if (s[i] != ')') return 0;
    *code = w & ((1ull << (8 * n)) - 1);
    return i + 1;
}

/* The common group, `(` + 1-6 letters (ASCII, or a two-byte tone-marked
 * vowel) + an optional tone digit 1-5 + `)`, read without the general
 * walk: what parse_group returns for it, or 0 when the group has any
 * other shape (parse_group then decides). */
static size_t parse_plain_group(const unsigned char *s, size_t len, uint64_t *code) {
    char syl[8] = {0};
    size_t i = 1;
    int n = 0;
    while (i < len && n < 6) {
        unsigned char c = s[i];
        if (c >= 'a' && c <= 'z') {
            syl[n++] = (char)c;
            i++;
        } else if (c >= 0xC3 && c <= 0xC7 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            char b = base_letter((uint32_t)(c & 0x1F) << 6 | (s[i + 1] & 0x3F));
            if (!b) return 0;
            syl[n++] = b;
            i += 2;
        } else {
            break;
        }
    }
    if (!n || i >= len) return 0;
    if (s[i] >= '1' && s[i] <= '5' && ++i >= len) return 0;
    if (s[i] != ')') return 0;
    *code = syllable_code(syl);
    return i + 1;
}

/* Parses a reading group starting at s[0] (an opening parenthesis). On
 * success gives the toneless syllable (as syllable_code) and returns the
 * group's length. */
static size_t parse_group(const unsigned char *s, size_t len, uint64_t *code) {
    if (s[0] == '(') {
        size_t g = parse_ascii_group(s, len, code);
        if (!g) g = parse_plain_group(s, len, code);
        if (g) return g;
    }
    char syl[8] = {0};
    uint32_t cp;
    size_t pos = u8_decode(s, len, &cp);
    if (!is_open(cp)) return 0;
    int n = 0, toned = 0;
    while (pos < len) {
        size_t k = u8_decode(s + pos, len - pos, &cp);
        if (is_space(cp) && n == 0) {
            pos += k;
            continue;
        }
        if (is_noise_symbol(cp)) {
            pos += k;
            continue;
        }
        char b = base_letter(cp);
        if (b && !toned) {
            if (n >= 6) return 0;
            syl[n++] = b;
        } else if (cp >= 0x300 && cp <= 0x36F && n > 0) {
            if (cp == 0x308 && syl[n - 1] == 'u') syl[n - 1] = 'v'; /* combining diaeresis */
        } else if (cp == ':' && n > 0 && syl[n - 1] == 'u') {
            syl[n - 1] = 'v';
        } else if (cp >= '1' && cp <= '5' && n > 0 && !toned) {
            toned = 1;
        } else {
            break;
        }
        pos += k;
    }
    if (n == 0) return 0;
    *code = syllable_code(syl);
    while (pos < len) {
        size_t k = u8_decode(s + pos, len - pos, &cp);
        if (!is_space(cp)) break;
        pos += k;
    }
    if (pos >= len) return 0;
    size_t k = u8_decode(s + pos, len - pos, &cp);
    return is_close(cp) ? pos + k : 0;
}

/* The character that ends just before byte pos (0 at the start). */
static uint32_t char_before(const unsigned char *s, size_t pos) {
    if (pos == 0) return 0;
    uint32_t cp;
    /* Most often a three-byte character, read in place. */
    if (pos >= 3 && (s[pos - 3] & 0xF0) == 0xE0 && (s[pos - 2] & 0xC0) == 0x80 && (s[pos - 1] & 0xC0) == 0x80)
        return u8_decode(s + pos - 3, 3, &cp) == 3 ? cp : 0xFFFD;
    size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && (s[start] & 0xC0) == 0x80) start--;
    size_t k = u8_decode(s + start, pos - start, &cp);
    return start + k == pos ? cp : 0xFFFD;
}

/* Where '(' '（' (EF BC 88) or a pictograph (E2 98–9E, E2 AD 90–95,
 * EF B8 8F, F0 9F) may start: only there is work to do. */
static int candidate(const unsigned char *s, size_t i, size_t len) {
    unsigned char c = s[i];
    if (c == '(') return 1;
    if (i + 2 >= len) return c == 0xF0 && i + 1 < len && s[i + 1] == 0x9F;
    unsigned char d = s[i + 1], e = s[i + 2];
    if (c == 0xEF) return (d == 0xBC && e == 0x88) || (d == 0xB8 && e == 0x8F);
    if (c == 0xE2) return (d >= 0x98 && d <= 0x9E) || (d == 0xAD && e >= 0x90 && e <= 0x95);
    return c == 0xF0 && d == 0x9F;
}

int pinyin_strip(const tbuf *in, tbuf *out, pinyin_stats *stats) {
    const unsigned char *s = (const unsigned char *)in->s;
    size_t pos = 0, copied = 0;
    uint32_t kept = 0;  /* the last character kept, when it is not right before pos */
    size_t kept_at = 0; /* kept is valid for this position only */
    while ((pos = scan_any4(s, pos, in->len, '(', 0xE2, 0xEF, 0xF0)) < in->len) {
        uint32_t cp = '(';
        size_t k = 1;
        if (s[pos] != '(') { /* the common case, an ASCII parenthesis, needs no decoding */
            if (!candidate(s, pos, in->len)) {
                pos++;
                continue;
            }
            k = u8_decode(s + pos, in->len - pos, &cp);
            if (!is_noise_symbol(cp) && !is_open(cp)) {
                pos += k;
                continue;
            }
        }
        /* The character before, skipping what was removed right before it. */
        uint32_t prev = kept_at == pos && pos > 0 ? kept : char_before(s, pos);
        if (is_noise_symbol(cp)) {
            /* Dropped, and transparent: the annotated character stays "before". */
            if (tbuf_copy(out, in, copied, pos - copied)) return -1;
            pos += k;
            copied = pos;
            kept = prev;
            kept_at = pos;
            stats->symbols++;
            continue;
        }
        uint64_t code;
        size_t g = parse_group(s + pos, in->len - pos, &code);
        if (g && is_han(prev) && reads_as(prev, code)) {
            if (tbuf_copy(out, in, copied, pos - copied)) return -1;
            stats->removed++;
            pos += g;
            copied = pos;
            kept = prev; /* a second group may annotate it too */
            kept_at = pos;
            continue;
        }
        /* After a '?' or a replacement character the annotated character was
         * lost: keep the group as text, but say so. */
        if (g && (prev == '?' || prev == 0xFF1F || prev == 0xFFFD)) stats->orphans++;
        pos += k;
    }
    if (copied == 0) return 1; /* nothing removed: out is not written */
    return tbuf_copy(out, in, copied, in->len - copied);
}
