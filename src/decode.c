/*
 * decode: raw bytes to valid UTF-8.
 *
 * Detects the encoding from the start of a document (BOM, then UTF-8
 * validity, then GB18030 against Big5 by how many decoded characters are
 * common Han characters), and decodes in a streaming way: a sequence cut by
 * a chunk boundary is kept for the next chunk. Every invalid sequence
 * becomes U+FFFD and is counted; nothing is dropped silently.
 *
 * Not for: anything after decoding (annotations, script, layout).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bytescan.h"
#include "decode.h"
#include "pinyin.h"
#include "utf8.h"

static const char *const enc_names[] = {"auto", "utf-8", "utf-16le", "utf-16be", "gb18030", "big5"};
/* glibc names: CP950 is the Big5 that web pages and Windows actually use. */
static const char *const iconv_names[] = {NULL, NULL, "UTF-16LE", "UTF-16BE", "GB18030", "CP950"};

const char *tifa_encoding_name(tifa_encoding enc) {
    if (enc == TIFA_ENC_UTF16LE || enc == TIFA_ENC_UTF16BE) return "utf-16";
    return enc >= 0 && enc <= TIFA_ENC_BIG5 ? enc_names[enc] : "unknown";
}

tifa_status tifa_encoding_parse(const char *name, tifa_encoding *out) {
    static const struct {
        const char *name;
        tifa_encoding enc;
    } known[] = {
        {"auto", TIFA_ENC_AUTO},       {"utf-8", TIFA_ENC_UTF8},       {"utf8", TIFA_ENC_UTF8},
        {"utf-16", TIFA_ENC_UTF16LE},  {"utf-16le", TIFA_ENC_UTF16LE}, {"utf-16be", TIFA_ENC_UTF16BE},
        {"gb18030", TIFA_ENC_GB18030}, {"gbk", TIFA_ENC_GB18030},      {"gb2312", TIFA_ENC_GB18030},
        {"cp936", TIFA_ENC_GB18030},   {"big5", TIFA_ENC_BIG5},        {"cp950", TIFA_ENC_BIG5},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcasecmp(name, known[i].name) == 0) {
            *out = known[i].enc;
            return TIFA_OK;
        }
    return TIFA_EUSAGE;
}

/* Counts invalid sequences in UTF-8, not counting a sequence cut at the end. */
static size_t utf8_errors(const unsigned char *s, size_t len, size_t *multibyte) {
    size_t errors = 0, pos = 0;
    *multibyte = 0;
    while (pos < len) {
        uint32_t cp;
        size_t n = u8_decode(s + pos, len - pos, &cp);
        if (cp == 0xFFFD && n == 1) {
            if (len - pos < 4) break;
            errors++;
        } else if (n > 1) {
            (*multibyte)++;
        }
        pos += n;
    }
    return errors;
}

/* Scores a legacy encoding: common Han characters decoded, minus errors. */
static long legacy_score(const char *bytes, size_t len, const char *charset) {
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) return -1000000;
    char out[4096];
    long score = 0;
    char *in = (char *)bytes;
    size_t inleft = len;
    while (inleft > 0) {
        char *o = out;
        size_t oleft = sizeof out;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        size_t got = sizeof out - oleft;
        for (size_t p = 0; p < got;) {
            uint32_t cp;
            p += u8_decode((unsigned char *)out + p, got - p, &cp);
            if (is_han(cp)) score += pinyin_is_common(cp) ? 2 : -1;
        }
        if (r == (size_t)-1) {
            if (errno == EILSEQ) {
                score -= 10;
                in++;
                inleft--;
            } else if (errno == EINVAL) {
                break;
            }
        }
    }
    iconv_close(cd);
    return score;
}

tifa_encoding tifa_detect_encoding(const char *bytes, size_t len) {
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return TIFA_ENC_UTF8;
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) return TIFA_ENC_UTF16LE;
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) return TIFA_ENC_UTF16BE;
    if (len > DETECT_SAMPLE) len = DETECT_SAMPLE;
    size_t multibyte;
    size_t errors = utf8_errors(b, len, &multibyte);
    /* A few bad bytes in otherwise valid UTF-8 are damage, not another encoding. */
    if (errors == 0 || errors * 20 < multibyte) return TIFA_ENC_UTF8;
    long gb = legacy_score(bytes, len, "GB18030");
    long big5 = legacy_score(bytes, len, "CP950");
    return big5 > gb ? TIFA_ENC_BIG5 : TIFA_ENC_GB18030;
}

/* ---------------------------------------------------------------- stream */

int decoder_init(decoder *d, tifa_encoding enc) {
    memset(d, 0, sizeof *d);
    d->enc = enc;
    d->cd = (iconv_t)-1;
    d->at_start = 1;
    if (enc != TIFA_ENC_UTF8 && enc != TIFA_ENC_AUTO) {
        d->cd = iconv_open("UTF-8", iconv_names[enc]);
        if (d->cd == (iconv_t)-1) return -1;
    }
    return 0;
}

void decoder_close(decoder *d) {
    if (d->cd != (iconv_t)-1) iconv_close(d->cd);
    d->cd = (iconv_t)-1;
}

static const char replacement[] = "\xEF\xBF\xBD";

static int put(tbuf *out, const char *s, size_t n, uint64_t src) { return tbuf_append(out, s, n, src); }

/* Copies valid UTF-8, replacing bad sequences; returns bytes consumed
 * (less than len when the input ends inside a sequence and !final). */
static size_t decode_utf8(decoder *d, const unsigned char *s, size_t len, int final, tbuf *out) {
    size_t pos = 0;
    if (d->at_start && len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) pos = 3;
    if (tbuf_reserve(out, len - pos)) return (size_t)-1;
    while (pos < len) {
        /* The longest run of valid, non-NUL UTF-8 goes out in one copy. */
        size_t run = pos;
        while (run < len) {
            /* Most text: ASCII and three-byte characters, 16 bytes a step. */
            run = utf8_common_run(s, run, len);
            if (run >= len) break;
            unsigned char c = s[run];
            if (c >= 0x20 && c < 0x80) {
                run++;
                continue;
            }
            /* The common case: a valid three-byte character (not a surrogate). */
            if ((c & 0xF0) == 0xE0 && run + 2 < len && (s[run + 1] & 0xC0) == 0x80 && (s[run + 2] & 0xC0) == 0x80 &&
                (c != 0xE0 || s[run + 1] >= 0xA0) && (c != 0xED || s[run + 1] < 0xA0)) {
                run += 3;
                continue;
            }
            if (c == 0) break;
            if (c < 0x80) {
                run++;
                continue;
            }
            uint32_t cp;
            size_t n = u8_decode(s + run, len - run, &cp);
            if (cp == 0xFFFD && n == 1) break;
            run += n;
        }
        if (run > pos) {
            if (tbuf_append_run(out, (const char *)s + pos, run - pos, d->offset + pos)) return (size_t)-1;
            pos = run;
            continue;
        }
        uint32_t cp;
        size_t n = u8_decode(s + pos, len - pos, &cp);
        if (cp == 0xFFFD && n == 1 && !final && len - pos < 4 && s[pos] >= 0xC2 && s[pos] <= 0xF4) {
            /* Possibly a sequence the next chunk completes. */
            size_t need = s[pos] >= 0xF0 ? 4 : s[pos] >= 0xE0 ? 3 : 2, k = 1;
            while (pos + k < len && (s[pos + k] & 0xC0) == 0x80) k++;
            if (pos + k == len && k < need) break;
        }
        /* An invalid sequence or NUL: a replacement character, counted. */
        d->invalid++;
        if (put(out, replacement, 3, d->offset + pos)) return (size_t)-1;
        pos += n;
    }
    return pos;
}

static size_t decode_iconv(decoder *d, const char *s, size_t len, int final, tbuf *out) {
    size_t pos = 0;
    if (d->at_start && (d->enc == TIFA_ENC_UTF16LE || d->enc == TIFA_ENC_UTF16BE) && len >= 2) {
        const unsigned char *b = (const unsigned char *)s;
        if ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) pos = 2;
    }
    char tmp[8192];
    while (pos < len) {
        char *in = (char *)s + pos, *o = tmp;
        size_t inleft = len - pos, oleft = sizeof tmp;
        size_t r = iconv(d->cd, &in, &inleft, &o, &oleft);
        size_t consumed = (size_t)(in - (s + pos));
        /* Offsets inside one iconv call are approximate: each output
         * character is mapped to the start of the input it came from. */
        const unsigned char *t = (const unsigned char *)tmp;
        size_t got = sizeof tmp - oleft, p = 0;
        while (p < got) {
            uint32_t cp;
            size_t n = u8_decode(t + p, got - p, &cp);
            if (cp == 0) {
                d->invalid++;
                if (put(out, replacement, 3, d->offset + pos)) return (size_t)-1;
            } else if (put(out, tmp + p, n, d->offset + pos)) {
                return (size_t)-1;
            }
            p += n;
        }
        pos += consumed;
        if (r != (size_t)-1) continue;
        if (errno == E2BIG) continue;
        if (errno == EINVAL && !final) break;
        /* EILSEQ, or a sequence cut by the end of the input. */
        d->invalid++;
        if (put(out, replacement, 3, d->offset + pos)) return (size_t)-1;
        size_t skip = d->enc == TIFA_ENC_UTF16LE || d->enc == TIFA_ENC_UTF16BE ? 2 : 1;
        pos += skip < len - pos ? skip : len - pos;
        iconv(d->cd, NULL, NULL, NULL, NULL);
    }
    return pos;
}

static int feed_joined(decoder *d, const char *bytes, size_t len, int final, tbuf *out) {
    /* Join what was left over from the last chunk with the new bytes. */
    size_t total = d->pending_len + len;
    char stackbuf[64];
    const char *s = bytes;
    char *joined = NULL;
    if (d->pending_len) {
        joined = total <= sizeof stackbuf ? stackbuf : malloc(total);
        if (!joined) return -1;
        memcpy(joined, d->pending, d->pending_len);
        memcpy(joined + d->pending_len, bytes, len);
        s = joined;
        d->offset -= d->pending_len;
    }
    size_t used = d->enc == TIFA_ENC_UTF8 ? decode_utf8(d, (const unsigned char *)s, total, final, out)
                                          : decode_iconv(d, s, total, final, out);
    int rc = 0;
    if (used == (size_t)-1) {
        rc = -1;
    } else {
        d->pending_len = total - used;
        if (d->pending_len > sizeof d->pending) { /* cannot happen: sequences are short */
            d->pending_len = 0;
            rc = -1;
        } else if (d->pending_len) { /* s may be NULL when len is 0 */
            memcpy(d->pending, s + used, d->pending_len);
        }
        d->offset += total;
        d->at_start = 0;
    }
    if (joined && joined != stackbuf) free(joined);
    return rc;
}

int decoder_feed(decoder *d, const char *bytes, size_t len, int final, tbuf *out) {
    /* A UTF-8 sequence cut by the last chunk is completed from the first
     * bytes of this one alone: joining it to the whole chunk copied the
     * chunk. (UTF-8 decodes the same however it is cut; the legacy
     * encodings keep their chunks, which their offsets follow.) */
    if (d->pending_len && d->enc == TIFA_ENC_UTF8 && len > 8) {
        if (feed_joined(d, bytes, 8, 0, out)) return -1;
        bytes += 8;
        len -= 8;
    }
    return feed_joined(d, bytes, len, final, out);
}

tifa_status tifa_decode(const char *bytes, size_t len, tifa_encoding enc, char **out, size_t *out_len,
                        tifa_encoding *used, uint64_t *invalid, tifa_error *err) {
    *out = NULL;
    if (enc == TIFA_ENC_AUTO) enc = tifa_detect_encoding(bytes, len);
    if (used) *used = enc;
    decoder d;
    if (decoder_init(&d, enc)) /* iconv_open: out of memory, or no such converter */
        return errno == ENOMEM ? tifa_fail(err, TIFA_ENOMEM, 0, "out of memory")
                               : tifa_fail(err, TIFA_EINPUT, 0, "cannot decode %s", tifa_encoding_name(enc));
    tbuf t;
    tbuf_init(&t, 0);
    t.unmapped = 1; /* the map would be thrown away */
    int rc = decoder_feed(&d, bytes, len, 1, &t);
    decoder_close(&d);
    if (rc || tbuf_append(&t, "", 0, 0) || tbuf_reserve(&t, 1)) {
        tbuf_free(&t);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    t.s[t.len] = 0;
    if (invalid) *invalid = d.invalid;
    *out_len = t.len;
    *out = tbuf_steal(&t);
    return TIFA_OK;
}
