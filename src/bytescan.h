/* bytescan: finding the next byte a stage must look at, 16 bytes at a time.
 *
 * Most of a readout is Han characters that no stage changes; each stage
 * looks for its few bytes ('(' and some lead bytes for pinyin, ASCII
 * punctuation and spaces for punct, ...) and skips the rest. SSE2 (every
 * x86-64) compares 16 bytes in a handful of instructions; elsewhere the
 * same answers come from a byte loop. Only where to look is decided here:
 * what a stage does there is the stage's. */
#ifndef TIFA_BYTESCAN_H
#define TIFA_BYTESCAN_H
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define BYTESCAN_SSE2 1
#endif

/* The first i in [pos, len) with s[i] one of a, b, c, d; len if none. */
static inline size_t scan_any4(const unsigned char *s, size_t pos, size_t len, unsigned char a, unsigned char b,
                               unsigned char c, unsigned char d) {
#ifdef BYTESCAN_SSE2
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b), vc = _mm_set1_epi8((char)c),
                  vd = _mm_set1_epi8((char)d);
    for (; pos + 16 <= len; pos += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + pos));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return pos + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; pos < len; pos++)
        if (s[pos] == a || s[pos] == b || s[pos] == c || s[pos] == d) return pos;
    return len;
}

/* The first i in [pos, len) with s[i] < below or s[i] one of a, b, c, d;
 * len if none. (below <= 0x80.) */
static inline size_t scan_below_or4(const unsigned char *s, size_t pos, size_t len, unsigned char below,
                                    unsigned char a, unsigned char b, unsigned char c, unsigned char d) {
#ifdef BYTESCAN_SSE2
    /* Unsigned x < below as a signed compare after flipping the top bit. */
    const __m128i flip = _mm_set1_epi8((char)0x80), lim = _mm_set1_epi8((char)(below ^ 0x80));
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b), vc = _mm_set1_epi8((char)c),
                  vd = _mm_set1_epi8((char)d);
    for (; pos + 16 <= len; pos += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + pos));
        __m128i m = _mm_cmplt_epi8(_mm_xor_si128(x, flip), lim);
        m = _mm_or_si128(m, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                         _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd))));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return pos + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; pos < len; pos++)
        if (s[pos] < below || s[pos] == a || s[pos] == b || s[pos] == c || s[pos] == d) return pos;
    return len;
}

/* punct's line scan: the first i in [pos, len) that may be a byte its
 * fast path acts on, len if none. That is ASCII under 0x40 but for
 * '-' '.' '/' and the digits (0x2D-0x39: no rule looks at them alone), and
 * the leads of U+00A0/U+00AD (C2), U+200B-U+200F/U+2060 (E2 .. 8B-8F or
 * A0), U+3000 (E3 80 80) and U+FEFF (EF BB). Digits, 、。，and quotation
 * marks are most of what the lead-byte scan stopped at for nothing, each
 * stop a mispredicted branch. A superset of what matters: the caller
 * still looks at what it finds. */
static inline size_t scan_punct_marks(const unsigned char *s, size_t pos, size_t len) {
#ifdef BYTESCAN_SSE2
    const __m128i flip = _mm_set1_epi8((char)0x80), lim = _mm_set1_epi8((char)(0x40 ^ 0x80));
    /* x + 0x53 puts 0x2D-0x39 on 0x80-0x8C, the 13 lowest signed values;
     * x + 0xF5 puts 0x8B-0x8F on 0x80-0x84. */
    const __m128i dsh = _mm_set1_epi8(0x53), dlim = _mm_set1_epi8((char)0x8D), zsh = _mm_set1_epi8((char)0xF5),
                  zlim = _mm_set1_epi8((char)0x85);
    const __m128i c2 = _mm_set1_epi8((char)0xC2), e2 = _mm_set1_epi8((char)0xE2), e3 = _mm_set1_epi8((char)0xE3),
                  ef = _mm_set1_epi8((char)0xEF), x80 = _mm_set1_epi8((char)0x80), xa0 = _mm_set1_epi8((char)0xA0),
                  xbb = _mm_set1_epi8((char)0xBB);
    for (; pos + 18 <= len; pos += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + pos));
        __m128i x1 = _mm_loadu_si128((const __m128i *)(s + pos + 1));
        __m128i x2 = _mm_loadu_si128((const __m128i *)(s + pos + 2));
        __m128i low = _mm_andnot_si128(_mm_cmplt_epi8(_mm_add_epi8(x, dsh), dlim),
                                       _mm_cmplt_epi8(_mm_xor_si128(x, flip), lim));
        __m128i wide = _mm_and_si128(_mm_cmpeq_epi8(x, e3), _mm_and_si128(_mm_cmpeq_epi8(x1, x80), _mm_cmpeq_epi8(x2, x80)));
        __m128i bom = _mm_and_si128(_mm_cmpeq_epi8(x, ef), _mm_cmpeq_epi8(x1, xbb));
        __m128i zw = _mm_and_si128(_mm_cmpeq_epi8(x, e2),
                                   _mm_or_si128(_mm_cmplt_epi8(_mm_add_epi8(x2, zsh), zlim), _mm_cmpeq_epi8(x2, xa0)));
        __m128i m = _mm_or_si128(_mm_or_si128(low, _mm_cmpeq_epi8(x, c2)), _mm_or_si128(wide, _mm_or_si128(bom, zw)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return pos + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; pos < len; pos++) {
        unsigned char c = s[pos];
        if ((c < 0x40 && !(c >= 0x2D && c <= 0x39)) || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) return pos;
    }
    return len;
}

/* How many bytes of s[pos, end) start a character (are not 10xxxxxx). */
static inline size_t count_char_starts(const unsigned char *s, size_t pos, size_t end) {
    size_t n = 0;
#ifdef BYTESCAN_SSE2
    /* Continuation bytes counted as 1s and summed by psadbw (no popcount
     * instruction in SSE2). */
    const __m128i top = _mm_set1_epi8((char)0xC0), cont = _mm_set1_epi8((char)0x80), one = _mm_set1_epi8(1);
    __m128i sum = _mm_setzero_si128();
    size_t start = pos;
    for (; pos + 16 <= end; pos += 16) {
        __m128i x = _mm_and_si128(_mm_loadu_si128((const __m128i *)(s + pos)), top);
        __m128i c = _mm_and_si128(_mm_cmpeq_epi8(x, cont), one);
        sum = _mm_add_epi64(sum, _mm_sad_epu8(c, _mm_setzero_si128()));
    }
    n = (pos - start) - (size_t)_mm_cvtsi128_si64(sum) - (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sum, sum));
#endif
    for (; pos < end; pos++) n += (s[pos] & 0xC0) != 0x80;
    return n;
}

/* How many bytes of s[pos, end) are c: counted 16 at a time without a
 * branch on what is found (a memchr per line mispredicts once a line). */
static inline size_t count_byte(const unsigned char *s, size_t pos, size_t end, unsigned char c) {
    size_t n = 0;
#ifdef BYTESCAN_SSE2
    const __m128i vc = _mm_set1_epi8((char)c), one = _mm_set1_epi8(1);
    __m128i sum = _mm_setzero_si128();
    for (; pos + 16 <= end; pos += 16) {
        __m128i hit = _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + pos)), vc), one);
        sum = _mm_add_epi64(sum, _mm_sad_epu8(hit, _mm_setzero_si128()));
    }
    n = (size_t)_mm_cvtsi128_si64(sum) + (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sum, sum));
#endif
    for (; pos < end; pos++) n += s[pos] == c;
    return n;
}

/* The first i in [pos, len - 2) where s[i], s[i+1], s[i+2] are a, b, c
 * (a three-byte character, most often); len if none. Three compares of 16
 * bytes a step: memmem's general search costs hundreds of instructions a
 * call on a short line. */
static inline size_t find3(const unsigned char *s, size_t pos, size_t len, unsigned char a, unsigned char b,
                           unsigned char c) {
#ifdef BYTESCAN_SSE2
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b), vc = _mm_set1_epi8((char)c);
    for (; pos + 18 <= len; pos += 16) {
        __m128i m = _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + pos)), va),
                                  _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + pos + 1)), vb));
        m = _mm_and_si128(m, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + pos + 2)), vc));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return pos + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; pos + 2 < len; pos++)
        if (s[pos] == a && s[pos + 1] == b && s[pos + 2] == c) return pos;
    return len;
}

/* The end of the longest run from pos (a character boundary) of ASCII
 * other than NUL and of well-formed three-byte characters led by E1-EC or
 * EE-EF (no overlong or surrogate form is possible after those), found 16
 * bytes at a time; pos itself when SSE2 is not there. Everything else (NUL,
 * two- and four-byte characters, E0, ED, broken sequences) is left to the
 * caller's byte-exact decoder. */
#ifdef BYTESCAN_SSE2
/* utf8_common_run's whole blocks: 16 bytes a step while every byte is one
 * of those characters, a character cut by a block's end completed by the
 * next (the continuations its lead expects carry over). Returns the start
 * of the block that is not all such, or of the character cut before it:
 * everything before is valid. Cheaper per block than the exact step below,
 * and without its branch on where the last character ends (two blocks in
 * three end inside one). */
static inline size_t utf8_common_blocks(const unsigned char *s, size_t pos, size_t len) {
    const __m128i zero = _mm_setzero_si128(), f0 = _mm_set1_epi8((char)0xF0), e0 = _mm_set1_epi8((char)0xE0),
                  c0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80), ed = _mm_set1_epi8((char)0xED);
    unsigned carry = 0; /* continuations expected at bits 0-1 of this block */
    while (pos + 16 <= len) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + pos));
        unsigned ascii = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, zero)); /* 01-7F: signed > 0 */
        unsigned lead = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, f0), e0));
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, c0), x80));
        unsigned rare = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, e0), _mm_cmpeq_epi8(x, ed)));
        unsigned follow = (lead << 1) | (lead << 2) | carry;
        if ((ascii | lead | cont) != 0xFFFF || rare || cont != (follow & 0xFFFF)) break;
        carry = follow >> 16;
        pos += 16;
    }
    /* A lead at byte 14 of the last good block leaves 1, at byte 15 3. */
    return pos - (carry == 1 ? 2 : carry ? 1 : 0);
}
#endif

static inline size_t utf8_common_run(const unsigned char *s, size_t pos, size_t len) {
#ifdef BYTESCAN_SSE2
    const __m128i zero = _mm_setzero_si128(), f0 = _mm_set1_epi8((char)0xF0), e0 = _mm_set1_epi8((char)0xE0),
                  c0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80), ed = _mm_set1_epi8((char)0xED);
    while (pos + 16 <= len) {
        pos = utf8_common_blocks(s, pos, len);
        if (pos + 16 > len) break;
        /* The exact step, over the block that is not all common. */
        __m128i x = _mm_loadu_si128((const __m128i *)(s + pos));
        unsigned ascii = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, zero)); /* 01-7F: signed > 0 */
        unsigned lead = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, f0), e0));
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, c0), x80));
        unsigned rare = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, e0), _mm_cmpeq_epi8(x, ed)));
        unsigned bad = (~(ascii | lead | cont) | rare) & 0xFFFF;
        unsigned k = bad ? (unsigned)__builtin_ctz(bad) : 16;
        /* A character that starts in the last two bytes before k is cut. */
        unsigned below = k >= 2 ? (1u << (k - 2)) - 1 : 0, upto = (1u << k) - 1;
        unsigned cut = lead & upto & ~below;
        if (cut) k = (unsigned)__builtin_ctz(cut);
        upto = (1u << k) - 1;
        /* The continuations the leads below k need must all lie below k and
         * be exactly the continuation bytes there. (A lead cut short by
         * another lead just before k needs bytes at k or beyond: broken, and
         * the byte-exact decoder's.) */
        unsigned below_k = lead & upto, expect = (below_k << 1) | (below_k << 2);
        if (!k || (expect & ~upto) || (cont & upto) != expect) return pos;
        pos += k;
        if (bad && k < 16 && !cut) return pos;
    }
#else
    (void)s;
    (void)len;
#endif
    return pos;
}

#endif
