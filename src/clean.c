/*
 * clean: the pipeline from raw bytes to canonical clean text.
 *
 *   bytes → decode → pinyin → punct → convert → boiler + layout → text
 *
 * Input is streamed: decoded text collects in a window that is processed
 * when it passes WINDOW_SIZE, cut at a blank line (or, failing that, a line
 * end, or a point no conversion can span), so memory stays bounded on any
 * input. Boilerplate and layout are decided on the simplified text whatever
 * the output script, so one rule set serves traditional pages too.
 *
 * A web page is the one input kept whole: html.c turns it into its main
 * text (mapped into the decoded page), which then takes the same road with
 * the page's own paragraphs (no line joining).
 *
 * Not for: articles and records (extract, a later stage).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "boiler.h"
#include "convert.h"
#include "decode.h"
#include "html.h"
#include "layout.h"
#include "pinyin.h"
#include "punct.h"
#include "clean.h"
#include "sbuf.h"

#define WINDOW_SIZE (1u << 20)
#define FEED_PIECE  (64u << 10)

struct tifa_cleaner {
    tifa_options opt;
    char *name;
    tifa_write_fn write;
    void *user;
    tifa_converter *target;   /* NULL: keep the script */
    tifa_converter *simplify; /* t2s, for the decisions */
    int detected;
    char *sample;
    size_t sample_len;
    decoder dec;
    tbuf window;
    boiler_state boiler;
    int line_open; /* a body line was written without its newline */
    int sink_failed;
    tifa_clean_report rep;
    clean_doc *doc;         /* collecting for extract instead of writing text */
    tbuf stage[4];          /* the stages' outputs, reused from window to window */
    int mid_line;           /* the last window ended inside a line */
    size_t cut_scanned;     /* window_cut found no blank line before this */
    layout_scratch scratch; /* line arrays, reused from window to window */
    int html;               /* the document is a web page, kept whole in page */
    sbuf page;              /* up to HTML_MAX_BYTES */
    sbuf sink;              /* write, OUT_CHUNK at a time (a line each was a call) */
};

#define OUT_CHUNK (64u << 10)

void tifa_options_init(tifa_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->encoding = TIFA_ENC_AUTO;
    opt->target = "t2s";
}

/* Sends what out() collected. */
static int flush_out(tifa_cleaner *c) {
    if (!c->sink_failed && sbuf_flush(&c->sink)) c->sink_failed = 1;
    return c->sink_failed;
}

static int out(tifa_cleaner *c, const char *s, size_t n) {
    if (c->sink_failed || !n) return c->sink_failed;
    if (c->doc) {
        /* Separators and spaces added between paragraphs map to the text before them. */
        uint64_t at = c->doc->text.len ? tbuf_src(&c->doc->text, c->doc->text.len - 1) : 0;
        if (tbuf_append(&c->doc->text, s, n, at)) c->sink_failed = 1;
        return c->sink_failed;
    }
    /* A line as long as the stage goes as it is. */
    if (sbuf_put(&c->sink, s, n)) c->sink_failed = 1;
    return c->sink_failed;
}

static int ascii_alnum(char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static size_t count_chars(const tbuf *t, size_t a, size_t b) {
    size_t n = 0;
    for (size_t i = a; i < b; i++) n += ((unsigned char)t->s[i] & 0xC0) != 0x80;
    return n;
}

/* Past n characters from a: the same cut in the other script's line (a
 * glued 来源 line's lead, where conversion kept the count of characters). */
static size_t skip_chars(const tbuf *t, size_t a, size_t end, size_t n) {
    while (a < end && n) {
        a++;
        while (a < end && ((unsigned char)t->s[a] & 0xC0) == 0x80) a++;
        n--;
    }
    return a;
}

/* Writes the body lines of one window, joined into paragraphs. */
static int emit_window(tifa_cleaner *c, const tbuf *simple, const tbuf *text, const line_info *lines,
                       const line_info *olines, size_t n, const unsigned char *join) {
    int joined_prev = c->mid_line && n > 0 && lines[0].kind == LINE_BODY;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind == LINE_DROP || lines[i].kind == LINE_SOURCE || lines[i].kind == LINE_EDITOR)
            c->rep.boiler_lines++;
        if (lines[i].kind != LINE_BODY) continue;
        line_info o_cut = olines[i];
        const line_info *o = &o_cut;
        if (lines[i].lead_at) o_cut.start = skip_chars(text, o_cut.start, o_cut.end, count_chars(simple, lines[i].start, lines[i].lead_at));
        if (c->line_open && !joined_prev) out(c, "\n", 1);
        size_t p = i;
        while (p > 0 && lines[p - 1].kind != LINE_BODY) p--;
        if (joined_prev && c->line_open && p > 0) {
            /* Latin words broken across lines need their space back (a line
             * cut by a window boundary, p == 0, continues as it was); a number
             * broken across lines ("202" / "4年") does not. */
            const line_info *prev = &olines[p - 1];
            if (prev->end > prev->start && ascii_alnum(text->s[prev->end - 1]) && o->end > o->start &&
                ascii_alnum(text->s[o->start]) && !(isdigit((unsigned char)text->s[prev->end - 1]) &&
                                                    isdigit((unsigned char)text->s[o->start])))
                out(c, " ", 1);
        }
        if (c->doc) {
            if (!joined_prev || !c->line_open) c->doc->paragraphs++;
            if (o->end > o->start && tbuf_copy(&c->doc->text, text, o->start, o->end - o->start)) c->sink_failed = 1;
        } else {
            out(c, text->s + o->start, o->end - o->start);
        }
        c->line_open = 1;
        joined_prev = join[i];
        if (join[i]) c->rep.joined_lines++;
    }
    /* What a window made goes out with it, as it did a line at a time. */
    return c->doc ? c->sink_failed : flush_out(c);
}

static char *span_dup(const tbuf *t, size_t a, size_t b) {
    char *p = malloc(b - a + 1);
    if (p) {
        memcpy(p, t->s + a, b - a);
        p[b - a] = 0;
    }
    return p;
}

static int digits_at(const char *s, size_t len, size_t *i, int max) {
    int v = 0, n = 0;
    while (*i < len && n < max && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n ? v : -1;
}

/* A date on a metadata line: 2018-03-21, 2003/09/03, 2017.11.28, 2003年09月03日. */
/* "28.07.2015": a European page's day, month and year. */
static int european_date(const char *s, size_t len, size_t i, int *y, int *m, int *d) {
    size_t k = i;
    int dd = digits_at(s, len, &k, 2);
    if (k == i || k >= len || s[k] != '.') return 0;
    k++;
    size_t km = k;
    int mm = digits_at(s, len, &k, 2);
    if (k == km || k >= len || s[k] != '.') return 0;
    k++;
    size_t ky = k;
    int yy = digits_at(s, len, &k, 4);
    if (k - ky != 4 || yy < 1990 || yy > 2100 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return 0;
    if (k < len && s[k] >= '0' && s[k] <= '9') return 0;
    *y = yy, *m = mm, *d = dd;
    return 1;
}

/* "2023年03月29日 星期三": a date with its weekday heads many pages as a
 * calendar widget (the day the page was viewed) as well as e-paper issues. */
static int weekday_follows(const char *s, size_t len, size_t k) {
    if (len - k >= 3 && memcmp(s + k, "日", 3) == 0) k += 3;
    while (k < len && s[k] == ' ') k++;
    return (len - k >= 6 && memcmp(s + k, "星期", 6) == 0) || (len - k >= 6 && memcmp(s + k, "礼拜", 6) == 0);
}

/* The first date on a line: 1, or 2 when its weekday follows it. */
static int find_page_date(const char *s, size_t len, int *y, int *m, int *d) {
    for (size_t i = 0; i + 8 <= len; i++) {
        if (s[i] < '1' || s[i] > '2' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        size_t k = i;
        int yy = digits_at(s, len, &k, 4);
        if (k - i != 4 || yy < 1990 || yy > 2100 || k >= len) continue;
        size_t sep = 1;
        if (s[k] == '-' || s[k] == '/' || s[k] == '.')
            sep = 1;
        else if (len - k >= 3 && memcmp(s + k, "年", 3) == 0)
            sep = 3;
        else
            continue;
        k += sep;
        int mm = digits_at(s, len, &k, 2);
        if (mm < 1 || mm > 12 || k >= len) continue;
        if (s[k] == '-' || s[k] == '/' || s[k] == '.')
            k++;
        else if (len - k >= 3 && memcmp(s + k, "月", 3) == 0)
            k += 3;
        else
            continue;
        int dd = digits_at(s, len, &k, 2);
        if (dd < 1 || dd > 31) continue;
        /* a folder of a path ("![](/Files/2013-2/20/x.jpg)") dates an upload, not the page */
        if ((i > 0 && s[i - 1] == '/') || (k < len && s[k] == '/')) continue;
        *y = yy;
        *m = mm;
        *d = dd;
        return 1 + weekday_follows(s, len, k);
    }
    for (size_t i = 0; i + 10 <= len; i++)
        if ((i == 0 || s[i - 1] == ' ') && s[i] >= '0' && s[i] <= '9' && european_date(s, len, i, y, m, d)) return 1;
    return 0;
}

static int add_field(clean_doc *d, const tbuf *t, const meta_field *m) {
    doc_field *f = realloc(d->fields, (d->nfields + 1) * sizeof *f);
    if (!f) return -1;
    d->fields = f;
    f += d->nfields;
    f->kind = m->kind == META_SOURCE ? FIELD_SOURCE : FIELD_EDITOR;
    f->role = span_dup(t, m->role_start, m->role_end);
    f->value = span_dup(t, m->value_start, m->value_end);
    f->text_offset = d->text.len;
    if (!f->role || !f->value) {
        free(f->role);
        free(f->value);
        return -1;
    }
    d->nfields++;
    return 0;
}

/* Extract keeps the metadata lines boilerplate removal takes out. */
static int collect_fields(tifa_cleaner *c, const tbuf *t, const line_info *lines, size_t n) {
    clean_doc *d = c->doc;
    size_t paras = d->paragraphs;
    int wy = 0, wm = 0, wd = 0; /* a date with its weekday: used when no other is found */
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind == LINE_BODY) paras++; /* approximate: joins counted later */
        /* The page's own date, for the year of meetings dated "3月21日". */
        /* …also in what a line with a glued lead holds before the lead */
        size_t meta_end = lines[i].lead_at ? lines[i].lead_at : lines[i].end;
        int meta = lines[i].kind != LINE_BODY || lines[i].lead_at;
        if (!d->pub_y && meta && lines[i].kind != LINE_BLANK && !lines[i].tail &&
            find_page_date(t->s + lines[i].start, meta_end - lines[i].start, &d->pub_y, &d->pub_m, &d->pub_d) == 2) {
            if (!wy) wy = d->pub_y, wm = d->pub_m, wd = d->pub_d;
            d->pub_y = 0;
        }
        if (lines[i].kind != LINE_SOURCE && lines[i].kind != LINE_EDITOR && !lines[i].lead_at) continue;
        /* Every labelled value on the line: "来源：新华社 编辑：王明". */
        meta_field mf[8];
        size_t end = lines[i].lead_at ? lines[i].lead_at : lines[i].end;
        size_t nm = boiler_meta_fields(t->s, lines[i].start, end, mf, sizeof mf / sizeof mf[0]);
        if (nm == 0 && lines[i].kind == LINE_SOURCE && lines[i].value_end > lines[i].value_start) /* no label: a portal's stamp line */
            mf[nm++] = (meta_field){META_SOURCE, lines[i].role_start, lines[i].role_end, lines[i].value_start, lines[i].value_end};
        for (size_t k = 0; k < nm; k++)
            if (add_field(d, t, &mf[k])) return -1;
    }
    if (!d->pub_y && wy) d->pub_y = wy, d->pub_m = wm, d->pub_d = wd;
    (void)paras;
    return 0;
}

/* Runs the stages over one window of decoded text. */
static int process(tifa_cleaner *c, const tbuf *w) {
    tbuf *bufs = c->stage;
    for (int i = 0; i < 4; i++) {
        bufs[i].len = 0;
        bufs[i].base = w->base;
        bufs[i].unmapped = w->unmapped;
    }
    tbuf p = bufs[0], n = bufs[1], s = bufs[2], o = bufs[3];
    pinyin_stats ps = {0};
    punct_stats pu = {0};
    line_info *lines = NULL, *olines = NULL;
    unsigned char *join = NULL;
    int rc = -1;
    /* A stage with nothing to change passes its input on without a copy. */
    const tbuf *cur = w;
    int r = pinyin_strip(cur, &p, &ps);
    if (r < 0) goto done;
    if (r == 0) cur = &p;
    r = punct_normalize(cur, &n, &pu);
    if (r < 0) goto done;
    if (r == 0) cur = &n;
    const tbuf *simple = cur, *text = cur;
    if (c->simplify) {
        if (convert_tbuf(c->simplify, cur, &s)) goto done;
        simple = &s;
    }
    if (c->target == c->simplify) {
        text = simple;
    } else if (c->target) {
        if (convert_tbuf(c->target, cur, &o)) goto done;
        text = &o;
    }
    size_t nl, nol;
    /* A failed layout_lines leaves its count unset: stop before using it. */
    lines = layout_lines(simple, &nl, &c->scratch.lines, &c->scratch.lines_cap);
    if (!lines) goto done;
    olines = text == simple ? lines : layout_lines(text, &nol, &c->scratch.olines, &c->scratch.olines_cap);
    if (!olines) goto done;
    if (text == simple) nol = nl;
    join = layout_join_buffer(&c->scratch, nl);
    if (!join || nl != nol) goto done;
    if (c->opt.keep_boilerplate) {
        for (size_t i = 0; i < nl; i++) lines[i].kind = lines[i].end > lines[i].start ? LINE_BODY : LINE_BLANK;
    } else {
        boiler_classify(simple, lines, nl, &c->boiler);
    }
    if (c->html)
        memset(join, 0, nl); /* a page marks its own paragraphs */
    else if (layout_join(simple, lines, nl, join, &c->scratch))
        goto done;
    if (c->doc && (collect_fields(c, simple, lines, nl) || tbuf_copy(&c->doc->decoded, w, 0, w->len))) goto done;
    c->rep.annotations += ps.removed;
    c->rep.orphan_annotations += ps.orphans;
    c->rep.spaces_removed += pu.spaces_removed;
    c->rep.punct_changed += pu.punct_changed;
    rc = emit_window(c, simple, text, lines, olines, nl, join) ? -2 : 0;
done:
    /* Keep the grown buffers for the next window. */
    bufs[0] = p;
    bufs[1] = n;
    bufs[2] = s;
    bufs[3] = o;
    return rc;
}

/* Where to cut the window, decided by its content alone so that the output
 * does not depend on how the input was fed: in [W, 2W) the first blank
 * line, else the first line end, else the first point no conversion can
 * span, else 2W (at a character boundary). 0: undecided yet. */
static size_t window_cut(const tbuf *w, int final, size_t *scanned) {
    const size_t W = WINDOW_SIZE;
    if (w->len < W) return final ? w->len : 0;
    size_t lim = w->len < 2 * W ? w->len : 2 * W;
    /* [W, *scanned) holds no blank line: a window fed a piece at a time is
     * not searched again from W for each piece. */
    for (size_t i = *scanned > W ? *scanned : W; i < lim; i++)
        if (w->s[i] == '\n' && w->s[i - 1] == '\n') return i + 1;
    *scanned = lim;
    if (w->len < 2 * W) return final ? w->len : 0; /* a blank line may still come */
    for (size_t i = W; i < lim; i++)
        if (w->s[i] == '\n') return i + 1;
    size_t safe = convert_first_safe_point(w->s, W, lim);
    if (safe) return safe;
    size_t cut = lim;
    while (cut > W && ((unsigned char)w->s[cut] & 0xC0) == 0x80) cut--;
    return cut;
}

static tifa_status fail_status(tifa_cleaner *c, int rc, tifa_error *err) {
    if (rc == -2) return tifa_fail(err, TIFA_ESINK, c->dec.offset, "output could not be written");
    return tifa_fail(err, TIFA_ENOMEM, c->dec.offset, "out of memory");
}

/* Processes whole windows from the collected text. */
static tifa_status drain(tifa_cleaner *c, int final, tifa_error *err) {
    for (;;) {
        size_t cut = window_cut(&c->window, final, &c->cut_scanned);
        if (!cut) return TIFA_OK;
        c->cut_scanned = 0;
        tbuf head = c->window;
        head.len = cut;
        int rc = process(c, &head);
        if (rc) return fail_status(c, rc, err);
        /* Cut inside a line: its rest, in the next window, continues it. */
        c->mid_line = c->window.s[cut - 1] != '\n';
        /* Keep the rest. Offsets stay relative to the same base; only when
         * they near 2^32 (gigabytes in) are they rebased. */
        size_t rest = c->window.len - cut;
        memmove(c->window.s, c->window.s + cut, rest);
        if (c->window.src) memmove(c->window.src, c->window.src + cut, rest * sizeof *c->window.src);
        c->window.len = rest;
        if (rest && c->window.src && c->window.src[0] > (1u << 30)) {
            uint32_t shift = c->window.src[0];
            for (size_t i = 0; i < rest; i++) c->window.src[i] -= shift;
            c->window.base += shift;
        }
        if (!rest) {
            c->window.base = c->dec.offset;
            return TIFA_OK;
        }
    }
}

/* Keeps the bytes of a web page, up to the size html.c accepts. */
static tifa_status keep_page(tifa_cleaner *c, const char *bytes, size_t len, tifa_error *err) {
    if (!sbuf_put(&c->page, bytes, len)) return TIFA_OK;
    if (c->page.err == SBUF_ECAP)
        return tifa_fail(err, TIFA_EINPUT, c->page.len, "web page over the %u MB limit for HTML", HTML_MAX_BYTES >> 20);
    return tifa_fail(err, TIFA_ENOMEM, c->page.len, "out of memory");
}

/* Records are in simplified script: so is the page's metadata. -1 when
 * out of memory (a field left in its script would pass for the record). */
static int simplify_meta(tifa_cleaner *c, html_meta *m) {
    char **fields[] = {&m->title, &m->source, &m->editor};
    for (int i = 0; i < 3; i++) {
        if (!*fields[i]) continue;
        sbuf out;
        sbuf_init(&out, 0);
        if (tifa_convert(c->simplify, *fields[i], strlen(*fields[i]), sbuf_write, &out, NULL) != TIFA_OK) {
            sbuf_free(&out);
            return -1;
        }
        if (!out.s) continue; /* nothing came out (fields are never empty) */
        free(*fields[i]);
        *fields[i] = sbuf_steal(&out, NULL); /* s is there and no error: not NULL */
    }
    return 0;
}

/* Turns the kept page into text and runs it through the stages. */
static tifa_status finish_page(tifa_cleaner *c, tifa_error *err) {
    tbuf text;
    tbuf_init(&text, 0);
    text.unmapped = c->window.unmapped;
    html_meta meta;
    tifa_status st = html_extract(c->name, c->page.s ? c->page.s : "", c->page.len, c->opt.encoding, &text, &meta,
                                  c->doc ? &c->doc->page_text : NULL, &c->rep.encoding, &c->dec.invalid, err);
    if (st != TIFA_OK) {
        tbuf_free(&text); /* what was assembled before it failed */
        return st;
    }
    sbuf_free(&c->page);
    if (c->doc) {
        c->doc->is_html = 1;
        c->doc->page = meta;
        if (simplify_meta(c, &c->doc->page)) {
            tbuf_free(&text);
            return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        }
        int y, m, d;
        if (meta.published && sscanf(meta.published, "%4d-%2d-%2d", &y, &m, &d) == 3) {
            c->doc->pub_y = y;
            c->doc->pub_m = m;
            c->doc->pub_d = d;
        }
    } else {
        html_meta_free(&meta);
    }
    int rc = text.len ? tbuf_copy(&c->window, &text, 0, text.len) : 0;
    tbuf_free(&text);
    if (rc) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return drain(c, 1, err);
}

static tifa_status start_decoding(tifa_cleaner *c, int final, tifa_error *err) {
    if (!c->html && c->opt.input == TIFA_INPUT_AUTO) c->html = html_sniff(c->sample, c->sample_len);
    if (c->html) {
        c->detected = 1;
        tifa_status st = keep_page(c, c->sample, c->sample_len, err);
        free(c->sample);
        c->sample = NULL;
        return st;
    }
    tifa_encoding enc = c->opt.encoding;
    if (enc == TIFA_ENC_AUTO) enc = tifa_detect_encoding(c->sample, c->sample_len);
    c->rep.encoding = enc;
    c->detected = 1;
    if (decoder_init(&c->dec, enc)) return tifa_fail(err, TIFA_EINPUT, 0, "cannot decode %s", tifa_encoding_name(enc));
    int rc = decoder_feed(&c->dec, c->sample, c->sample_len, final, &c->window);
    free(c->sample);
    c->sample = NULL;
    if (rc) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return drain(c, final, err);
}

tifa_status tifa_cleaner_new(const tifa_options *opt, const char *name, tifa_write_fn write, void *user,
                             tifa_cleaner **outp, tifa_error *err) {
    *outp = NULL;
    tifa_cleaner *c = calloc(1, sizeof *c);
    if (!c) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (opt)
        c->opt = *opt;
    else
        tifa_options_init(&c->opt);
    c->name = strdup(name ? name : "(input)");
    /* A saved page is known by its name before its bytes are seen. */
    if (c->opt.input == TIFA_INPUT_HTML) c->html = 1;
    if (c->opt.input == TIFA_INPUT_AUTO && name) {
        size_t n = strlen(name);
        c->html = (n > 5 && strcasecmp(name + n - 5, ".html") == 0) || (n > 4 && strcasecmp(name + n - 4, ".htm") == 0);
    }
    c->write = write;
    c->user = user;
    sbuf_init(&c->page, HTML_MAX_BYTES);
    sbuf_init_sink(&c->sink, write, user, OUT_CHUNK);
    c->dec.cd = (iconv_t)-1;
    tbuf_init(&c->window, 0);
    /* Plain cleaning writes text only; extract turns the map back on. */
    c->window.unmapped = 1;
    tifa_status st = c->name ? tifa_converter_new("t2s", &c->simplify, err) : TIFA_ENOMEM;
    const char *target = c->opt.target;
    if (st == TIFA_OK && target && strcmp(target, "none") != 0) {
        if (strcmp(target, "t2s") == 0 || strcmp(target, "t2s.json") == 0)
            c->target = c->simplify;
        else
            st = tifa_converter_new(target, &c->target, err);
    }
    if (st != TIFA_OK) {
        tifa_cleaner_free(c);
        return st == TIFA_ENOMEM ? tifa_fail(err, st, 0, "out of memory") : st;
    }
    *outp = c;
    return TIFA_OK;
}

tifa_status tifa_cleaner_feed(tifa_cleaner *c, const char *bytes, size_t len, tifa_error *err) {
    if (!c->detected) {
        size_t take = len < DETECT_SAMPLE - c->sample_len ? len : DETECT_SAMPLE - c->sample_len;
        if (!c->sample && !(c->sample = malloc(DETECT_SAMPLE))) return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
        memcpy(c->sample + c->sample_len, bytes, take);
        c->sample_len += take;
        bytes += take;
        len -= take;
        if (c->sample_len < DETECT_SAMPLE) return TIFA_OK;
        tifa_status st = start_decoding(c, 0, err);
        if (st != TIFA_OK) return st;
    }
    if (c->html) return keep_page(c, bytes, len, err);
    /* A large chunk of UTF-8 is decoded a piece at a time, each followed by
     * a drain: the window is cut as soon as it can be, so the rest moved to
     * its front is at most a piece, not most of a chunk. (The cut depends on
     * the text alone, and UTF-8 decodes the same however it is cut; the
     * legacy encodings' offsets follow their chunks, which they keep.) */
    size_t piece = c->dec.enc == TIFA_ENC_UTF8 ? FEED_PIECE : len;
    while (len) {
        size_t n = len < piece ? len : piece;
        if (decoder_feed(&c->dec, bytes, n, 0, &c->window))
            return tifa_fail(err, TIFA_ENOMEM, c->dec.offset, "out of memory");
        tifa_status st = drain(c, 0, err);
        if (st != TIFA_OK) return st;
        bytes += n;
        len -= n;
    }
    return TIFA_OK;
}

tifa_status tifa_cleaner_finish(tifa_cleaner *c, tifa_clean_report *report, tifa_error *err) {
    tifa_status st = TIFA_OK;
    if (!c->detected) st = start_decoding(c, 1, err);
    if (st == TIFA_OK && c->html)
        st = finish_page(c, err);
    else if (st == TIFA_OK && decoder_feed(&c->dec, "", 0, 1, &c->window))
        st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    if (st == TIFA_OK && !c->html) st = drain(c, 1, err);
    if (st == TIFA_OK && ((c->line_open && out(c, "\n", 1)) || flush_out(c)))
        st = tifa_fail(err, TIFA_ESINK, c->dec.offset, "output could not be written");
    c->line_open = 0;
    c->rep.invalid_bytes = c->dec.invalid;
    if (report) *report = c->rep;
    return st;
}

void tifa_cleaner_free(tifa_cleaner *c) {
    if (!c) return;
    if (c->target && c->target != c->simplify) tifa_converter_free(c->target);
    tifa_converter_free(c->simplify);
    decoder_close(&c->dec);
    tbuf_free(&c->window);
    for (int i = 0; i < 4; i++) tbuf_free(&c->stage[i]);
    layout_scratch_free(&c->scratch);
    free(c->sample);
    sbuf_free(&c->page);
    sbuf_free(&c->sink);
    free(c->name);
    free(c);
}

tifa_status tifa_clean(const tifa_options *opt, const char *bytes, size_t len, char **outp, size_t *out_len,
                       tifa_clean_report *report, tifa_error *err) {
    *outp = NULL;
    sbuf m;
    sbuf_init(&m, 0);
    tifa_cleaner *c;
    tifa_status st = tifa_cleaner_new(opt, "(buffer)", sbuf_write, &m, &c, err);
    if (st != TIFA_OK) return st;
    st = tifa_cleaner_feed(c, bytes, len, err);
    if (st == TIFA_OK) st = tifa_cleaner_finish(c, report, err);
    tifa_cleaner_free(c);
    if (st != TIFA_OK) {
        sbuf_free(&m);
        /* The sink here is memory: a sink that failed is memory that ran out. */
        return st == TIFA_ESINK ? tifa_fail(err, TIFA_ENOMEM, 0, "out of memory") : st;
    }
    *outp = sbuf_steal(&m, out_len);
    return *outp ? TIFA_OK : tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
}

void clean_doc_free(clean_doc *d) {
    tbuf_free(&d->text);
    tbuf_free(&d->decoded);
    for (size_t i = 0; i < d->nfields; i++) {
        free(d->fields[i].role);
        free(d->fields[i].value);
    }
    free(d->fields);
    html_meta_free(&d->page);
    tifa_free(d->page_text);
    memset(d, 0, sizeof *d);
}

static int discard(void *user, const char *data, size_t len) {
    (void)user, (void)data, (void)len;
    return 0;
}

tifa_status clean_collect(const tifa_options *opt, const char *name, const char *bytes, size_t len, clean_doc *doc,
                          tifa_error *err) {
    memset(doc, 0, sizeof *doc);
    tbuf_init(&doc->text, 0);
    tbuf_init(&doc->decoded, 0);
    tifa_options o;
    if (opt)
        o = *opt;
    else
        tifa_options_init(&o);
    o.target = "t2s"; /* records are in simplified script */
    tifa_cleaner *c;
    tifa_status st = tifa_cleaner_new(&o, name, discard, NULL, &c, err);
    if (st != TIFA_OK) return st;
    c->doc = doc;
    c->window.unmapped = 0; /* records cite the input: keep the map */
    st = tifa_cleaner_feed(c, bytes, len, err);
    if (st == TIFA_OK) st = tifa_cleaner_finish(c, &doc->rep, err);
    tifa_cleaner_free(c);
    if (st != TIFA_OK) clean_doc_free(doc);
    /* The sink here is the document's text (discard never fails): a sink
     * that failed is memory that ran out. */
    if (st == TIFA_ESINK) st = tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    return st;
}
