/*
 * extract: from the clean text of a document to its record (SPEC §3).
 *
 * The page is split into articles (datelines open reports; captions and
 * headline lists are kept apart as kind "other"; titles are matched to
 * bodies by content). For each meeting report the rules below read the
 * meeting's facts from the sentences that carry them in this genre —
 * "X主持召开Y", "Y在京召开", "A、B、C出席会议", "…参加会议", "会议指出" — and
 * record where each was read (spans), so every claim can be shown.
 * Titles and list punctuation delimit names; where a rule would guess,
 * the field stays null.
 *
 * Not for: cleaning (clean.c) or the formulation lists (terms.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clean.h"
#include "convert.h"
#include "json.h"
#include "record.h"
#include "extract.h"
#include "internal.h"
#include "utf8.h"
#include "extract/extract_internal.h"

void add_span(article *a, const char *key, size_t s, size_t e) {
    for (size_t i = 0; i < a->nspans; i++) /* a field read again: the later reading is the evidence */
        if (strcmp(a->spans[i].key, key) == 0) {
            a->spans[i].a = s;
            a->spans[i].b = e;
            return;
        }
    span *p = realloc(a->spans, (a->nspans + 1) * sizeof *p);
    if (!p) return; /* spans are evidence, not data: a failed add loses only the span */
    a->spans = p;
    snprintf(p[a->nspans].key, sizeof p[a->nspans].key, "%s", key);
    p[a->nspans].a = s;
    p[a->nspans].b = e;
    a->nspans++;
}

/* After a dateline ("新华社北京1月13日电", "本报讯（记者张伟）"), where the
 * report itself begins; 0 when the paragraph has none. */
size_t after_dateline(const ustr *u, size_t start, size_t end) {
    size_t limit = start + 40 < end ? start + 40 : end;
    size_t p = ustr_find(u, start, limit, "日电");
    if (p != USTR_NONE) return p + 2;
    p = ustr_find(u, start, start + 12 < end ? start + 12 : end, "社电");
    if (p == USTR_NONE) p = ustr_find(u, start, start + 12 < end ? start + 12 : end, "网电");
    if (p != USTR_NONE) return p + 2;
    p = ustr_find(u, start, limit, "本报讯");
    if (p == USTR_NONE) p = ustr_find(u, start, limit, "日讯");
    if (p == USTR_NONE) p = ustr_find(u, start, limit, "消息");
    if (p == USTR_NONE) return 0;
    p += ustr_at(u, p, "本报讯") ? 3 : 2;
    if (p < end && (u->cp[p] == 0xFF08 || u->cp[p] == '(')) { /* （记者…） */
        while (p < end && u->cp[p] != 0xFF09 && u->cp[p] != ')') p++;
        if (p < end) p++;
    }
    while (p < end && (u->cp[p] == 0xFF1A || u->cp[p] == ':' || u->cp[p] == ' ')) p++;
    return p;
}

/* "据新华社国务院总理…": an attribution with no date, before a title. */
size_t after_attribution(const ustr *u, size_t start, size_t end) {
    if (!ustr_at(u, start, "据")) return 0;
    for (size_t e = start + 3; e < start + 9 && e <= end; e++) {
        uint32_t c = u->cp[e - 1];
        if (!u_is_han(c)) break;
        if (c == 0x793E /* 社 */ || c == 0x7F51 /* 网 */) return e;
    }
    return 0;
}

/* Names after 记者: separated by spaces or 、; six characters run together
 * are two names of three ("薛立伟徐佳倩"). Not a byline: "记者从…获悉". */
static void read_byline(const ustr *u, size_t i, size_t end, article *a) {
    if (i < end && char_in(&not_byline, u->cp[i])) return;
    while (i < end) {
        while (i < end && (u->cp[i] == ' ' || u->cp[i] == 0x3001 || u->cp[i] == 0x3000)) i++;
        size_t st = i;
        size_t w;
        while (i < end && u_is_han(u->cp[i]) && i - st < 6 &&
               (i - st < 2 || !ustr_at_any(u, i, WORDS(byline_after_name), &w)))
            i++;
        size_t n = i - st;
        if (n == 6 && (i >= end || !u_is_han(u->cp[i]))) {
            if (slist_add_unique(&a->reporters, ustr_slice(u, st, st + 3)) ||
                slist_add_unique(&a->reporters, ustr_slice(u, st + 3, i)))
                return;
        } else if (n >= 2 && n <= 4) {
            if (slist_add_unique(&a->reporters, ustr_slice(u, st, i))) return;
        } else {
            break;
        }
        if (i >= end || (u->cp[i] != ' ' && u->cp[i] != 0x3001 && u->cp[i] != 0x3000)) break;
    }
}

static void find_source_and_reporters(const ustr *u, article *a) {
    size_t end = para_end(u, 0);
    if (!a->source && after_dateline(u, 0, end)) {
        size_t s = ustr_at(u, 0, "据") || u->cp[0] == 0x3010 /* 【 */ ? 1 : 0;
        for (size_t e = s + 2; e < s + 8 && e < end; e++) {
            if (!u_is_han(u->cp[e - 1])) break;
            if (ends_with_any(u, e, WORDS(outlet_suffixes)) && !ustr_at(u, s, "本报")) {
                a->source = ustr_slice(u, s, e);
                break;
            }
        }
    }
    /* Bylines: "（记者张伟）", "本报记者杜雨萌", "□记者魏震报道" near the start, or
     * "（全媒体记者郭珊珊）" closing the report. */
    size_t second = para_end(u, end + 1 < u->n ? end + 1 : end);
    size_t last = u->n;
    while (last > 0 && u->cp[last - 1] != '\n') last--;
    /* The opening 200 characters cover a byline under a subtitle or two
     * ("市政府召开第十次全体会议\n唐良智主持\n重庆日报讯（记者罗静雯）"). */
    size_t lead = u->n < 200 ? u->n : 200;
    size_t ranges[3][2] = {{0, lead > end ? lead : end}, {end, second < end + 120 ? second : end + 120}, {last, u->n}};
    for (int k = 0; k < 3 && !a->reporters.n; k++) {
        for (size_t r = ranges[k][0]; r < ranges[k][1] && !a->reporters.n; r++) {
            if (!ustr_at(u, r, "记者")) continue;
            /* Past the first paragraph only a marked byline: （记者…, 讯记者…, 本报记者… */
            if (k == 0 && r >= end &&
                !(r > 0 &&
                  (u->cp[r - 1] == 0xFF08 || u->cp[r - 1] == 0x8BAF /* 讯 */ || u->cp[r - 1] == 0x62A5 /* 报 */)))
                continue;
            read_byline(u, r + 2, para_end(u, r), a);
        }
    }
}

static void classify_paras(const ustr *u, para *ps, size_t n) {
    for (size_t i = 0; i < n; i++) {
        para *p = &ps[i];
        size_t len = p->b - p->a;
        int sentence = 0;
        for (size_t k = p->a; k < p->b; k++) sentence |= u_is_sentence_end(u->cp[k]);
        /* A byline ("本报记者杜雨萌", "□记者魏震报道") is not a headline. */
        size_t rep = ustr_find(u, p->a, p->b < p->a + 6 ? p->b : p->a + 6, "记者");
        int byline = len <= 20 && (rep != USTR_NONE || ends_with(u, p->b, "报道"));
        p->title_like = len > 0 && len <= 80 && !sentence && !(len && u->cp[p->b - 1] == 0xFF0C) && !byline;
        p->dateline = after_dateline(u, p->a, p->b) > 0 &&
                      ustr_find(u, p->a, p->b < p->a + 40 ? p->b : p->a + 40, "消息") == USTR_NONE;
        p->credit = len > 0 && ends_with(u, p->b, "摄");
        p->names_meeting = ustr_find(u, p->a, p->b, "会") != USTR_NONE || ustr_find(u, p->a, p->b, "召开") != USTR_NONE;
        p->caption = p->credit || ustr_find(u, p->a, p->b, "图为") != USTR_NONE ||
                     (len <= 8 && ends_with(u, p->b, "新华社记者"));
    }
}

/* Shares of title characters found in text: titles match bodies by content. */
static double title_match(const ustr *u, const para *t, size_t a, size_t b) {
    size_t len = t->b - t->a, hit = 0;
    if (len < 4) return 0;
    for (size_t i = t->a; i + 1 < t->b; i++) {
        for (size_t k = a; k + 1 < b; k++)
            if (u->cp[k] == u->cp[i] && u->cp[k + 1] == u->cp[i + 1]) {
                hit++;
                break;
            }
    }
    return (double)hit / (double)(len - 1);
}

static size_t split_blocks(const ustr *u, para *ps, size_t n, block *bl) {
    size_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        int start = i == 0;
        if (ps[i].dateline && i > 0) {
            /* A dateline opens a report, with the title right before it. */
            size_t tt = ps[i - 1].title_like && !ps[i - 1].caption ? i - 1 : i;
            if (nb && bl[nb - 1].first < tt) {
                bl[nb - 1].last = tt;
                bl[nb].first = tt;
                bl[nb].title = tt < i ? (long)tt : -1;
                bl[nb].has_dateline = 1;
                nb++;
            } else if (nb) {
                if (tt < i) bl[nb - 1].title = (long)tt;
                bl[nb - 1].has_dateline = 1;
            }
            continue;
        }
        if (i > 0 && ps[i].title_like && !ps[i - 1].title_like) start = 1; /* a heading after text */
        if (i > 0 && ps[i - 1].credit) start = 1;                          /* after a photo credit */
        if (!start) continue;
        if (nb) bl[nb - 1].last = i;
        bl[nb].first = i;
        bl[nb].title = -1;
        bl[nb].has_dateline = ps[i].dateline;
        nb++;
    }
    if (nb) bl[nb - 1].last = n;
    (void)u;
    return nb;
}

/* Decides what each block is and folds subheadings back into their report. */
static size_t settle_blocks(para *ps, block *bl, size_t nb) {
    size_t out = 0;
    for (size_t k = 0; k < nb; k++) {
        block b = bl[k];
        int captions = 0, titles = 0;
        for (size_t i = b.first; i < b.last; i++) {
            captions += ps[i].caption;
            titles += ps[i].title_like;
        }
        size_t count = b.last - b.first;
        b.other = !b.has_dateline && (captions > 0 || (count >= 2 && titles == (int)count));
        /* A single title-like first line followed by text is the block's title. */
        if (b.title < 0 && !b.other && count >= 2 && ps[b.first].title_like && !ps[b.first + 1].title_like)
            b.title = (long)b.first;
        /* Else a headline naming a meeting among its first lines (navigation
         * such as "集团新闻" may stand above it). */
        for (size_t i = b.first; b.title < 0 && !b.other && i < b.first + 3 && i + 1 < b.last; i++) {
            if (!ps[i].title_like) break;
            if (ps[i].names_meeting) b.title = (long)i;
        }
        int body_only = !b.other && !b.has_dateline && out > 0 && !bl[out - 1].other;
        if (body_only && k > 0) {
            bl[out - 1].last = b.last; /* a subheading inside the report */
            continue;
        }
        bl[out++] = b;
    }
    return out;
}

static void article_free(article *a) {
    free(a->title);
    free(a->text);
    free(a->source);
    slist_free(&a->reporters);
    slist_free(&a->editor_roles);
    slist_free(&a->editor_names);
    free(a->name);
    free(a->org);
    free(a->date);
    free(a->date_end);
    free(a->place);
    free(a->attendees);
    free(a->chair.name);
    free(a->chair.title);
    for (size_t i = 0; i < a->nspeakers; i++) {
        free(a->speakers[i].name);
        free(a->speakers[i].title);
    }
    free(a->speakers);
    slist_free(&a->present);
    slist_free(&a->cues);
    free(a->spans);
    terms_free(&a->terms);
}

static void read_meeting(const ustr *u, const ustr *doc, const clean_doc *cd, article *a) {
    size_t from, head;
    lead_paragraph(u, &from, &head);
    if (!name_as_subject(u, from, head, a) && !name_as_object(u, from, head, a) && from > 0 &&
        !name_as_subject(u, 0, from, a))
        name_as_object(u, 0, from, a); /* only the headline names it */
    if (!find_chair(u, a, from, head) && !(from > 0 && find_chair(u, a, 0, from)))
        find_chair(u, a, head, u->n < from + 1200 ? u->n : from + 1200);
    chair_title_elsewhere(u, a);
    org_from_chair(a);
    find_place(u, a, from, head);
    find_date(u, doc, cd, a, from, head);
    if (!a->date) find_date(u, doc, cd, a, 0, u->n < 600 ? u->n : 600);
    find_speakers(u, a);
    find_present(u, a);
    find_attendees(u, a);
    find_cues(u, a);
    /* A report that tells the reader first what was said names the meeting
     * later ("据新华社报道，国务院星期五在北京召开第一次廉政工作会议"). */
    size_t later = u->n < head + 1500 ? u->n : head + 1500;
    /* Only in a report that reads as one (a cue paragraph): elsewhere a
     * meeting named in passing is not the article's. */
    if (!a->name && !a->chair.name && a->cues.n && !name_as_subject(u, head, later, a))
        name_as_object(u, head, later, a);
    a->is_meeting =
        a->name != NULL || (a->chair.name && ustr_find(u, from, head, "会") != USTR_NONE) || meeting_cues(a) >= 2;
}

static int fill_article(const ustr *doc, const clean_doc *cd, para *ps, const block *b, article *a, long title) {
    memset(a, 0, sizeof *a);
    size_t first = b->first;
    /* Lines above the title (navigation) and the title itself are not text. */
    if (title >= 0 && (size_t)title >= first && (size_t)title < first + 3 && (size_t)title + 1 < b->last)
        first = (size_t)title + 1;
    if (title >= 0) a->title = ustr_slice(doc, ps[title].a, ps[title].b);
    if (first >= b->last) first = b->last - 1;
    size_t ta = ps[first].a, tb = ps[b->last - 1].b;
    a->text = ustr_slice(doc, ta, tb);
    if (!a->text) return -1;
    ustr u;
    if (ustr_init(&u, a->text, strlen(a->text))) return -1;
    if (!b->other) read_meeting(&u, doc, cd, a);
    find_source_and_reporters(&u, a);
    int rc = terms_extract(&u, &a->terms);
    ustr_free(&u);
    return rc;
}

/* "《河南日报》" → 河南日报: a paper named as a title is the paper. */
static char *strip_book_marks(const char *v) {
    size_t n = strlen(v), o = strlen("《"), c = strlen("》");
    if (n > o + c && memcmp(v, "《", o) == 0 && strstr(v + o, "》") == v + n - c) {
        char *s = malloc(n - o - c + 1);
        if (!s) return NULL;
        memcpy(s, v + o, n - o - c);
        s[n - o - c] = 0;
        return s;
    }
    return strdup(v);
}

/* Page metadata lines go to the article they stood in or after. */
static void attach_fields(const clean_doc *cd, const ustr *doc, const para *ps, const block *bl, article *arts,
                          size_t n) {
    if (n == 0) return; /* no article to hold them (arts[0] is a placeholder nobody frees) */
    for (size_t f = 0; f < cd->nfields; f++) {
        const doc_field *fd = &cd->fields[f];
        size_t at = 0;
        for (size_t k = 0; k < n; k++)
            if (doc->off[ps[bl[k].first].a] <= fd->text_offset) at = k;
        /* A page's metadata usually belongs to its report, not to a caption. */
        while (at > 0 && arts[at].is_meeting == 0 && bl[at].other) at--;
        article *a = &arts[at];
        if (fd->kind == FIELD_SOURCE) {
            if (!a->source) a->source = strip_book_marks(fd->value);
        } else {
            slist_add(&a->editor_roles, strdup(fd->role));
            slist_add(&a->editor_names, strdup(fd->value));
        }
    }
}

/* A web page's own metadata fills what the text did not give. */
static void attach_page(const clean_doc *cd, article *arts, size_t n) {
    if (!cd->is_html || n == 0) return;
    article *a = &arts[0];
    if (!a->title && cd->page.title) a->title = strdup(cd->page.title);
    if (!a->source && cd->page.source) a->source = strdup(cd->page.source);
    if (a->editor_names.n == 0 && cd->page.editor) {
        slist_add(&a->editor_roles, strdup("责任编辑"));
        slist_add(&a->editor_names, strdup(cd->page.editor));
    }
}

static void write_page(jw *w, const clean_doc *cd) {
    if (!cd->is_html) return;
    const html_meta *m = &cd->page;
    jw_key(w, "page");
    jw_obj(w);
    const char *keys[] = {"title", "published", "source", "editor", "url"};
    const char *vals[] = {m->title, m->published, m->source, m->editor, m->url};
    for (int i = 0; i < 5; i++) {
        jw_key(w, keys[i]);
        jw_str(w, vals[i]); /* NULL writes null */
    }
    jw_obj_end(w);
}

/* A character offset in the decoded input. For a web page the text read
 * is the page's main text: its map leads back into the decoded page,
 * whose characters are counted up to there. */
static size_t page_offset(const clean_doc *cd, const ustr *u, size_t i) {
    if (!cd->is_html || !cd->page_text || !cd->decoded.src) return i;
    uint64_t at = tbuf_src(&cd->decoded, u->off[i]);
    size_t chars = 0;
    for (uint64_t k = 0; k < at && cd->page_text[k]; k++) chars += ((unsigned char)cd->page_text[k] & 0xC0) != 0x80;
    return chars;
}

/* Runs of damaged text inside Han text: "?wù)J" in 談?wù)J識. */
static void write_anomalies(jw *w, const clean_doc *cd) {
    ustr u;
    jw_key(w, "anomalies");
    jw_arr(w);
    if (ustr_init(&u, cd->decoded.s ? cd->decoded.s : "", cd->decoded.len) == 0) {
        for (size_t i = 0; i < u.n; i++) {
            if (!u_is_han(u.cp[i])) continue;
            size_t j = i + 1;
            int bad = 0, letters = 0;
            while (j < u.n && !u_is_han(u.cp[j]) && u.cp[j] != '\n' && u.cp[j] != ' ' && j - i < 20) {
                uint32_t c = u.cp[j];
                bad |= c == '?' || c == 0xFFFD;
                letters |= (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x300) || c == ')' || c == 0xFFFD;
                j++;
            }
            if (j < u.n && u_is_han(u.cp[j]) && j > i + 1 && bad && letters) {
                jw_obj(w);
                jw_field(w, "kind", "garbled");
                char *t = ustr_slice(&u, i + 1, j);
                jw_field(w, "text", t ? t : "");
                free(t);
                jw_key(w, "offset");
                jw_int(w, (long long)page_offset(cd, &u, i + 1));
                jw_obj_end(w);
            }
            i = j - 1;
        }
        ustr_free(&u);
    }
    jw_arr_end(w);
}

static const char *script_of(const clean_doc *cd) {
    size_t trad = 0, simp = 0;
    const unsigned char *s = (const unsigned char *)cd->decoded.s;
    for (size_t pos = 0; pos < cd->decoded.len;) {
        uint32_t cp;
        pos += u8_decode(s + pos, cd->decoded.len - pos, &cp);
        if (cp < 0x3400) continue;
        int k = convert_char_script(cp);
        trad += k > 0;
        simp += k < 0;
    }
    if (trad == 0) return "simplified";
    if (trad >= 4 * simp) return "traditional";
    if (simp >= 4 * trad) return "simplified";
    return "mixed";
}

static void write_noise(jw *w, const tifa_clean_report *r) {
    jw_key(w, "noise");
    jw_arr(w);
    if (r->annotations) jw_str(w, "pinyin");
    if (r->boiler_lines) jw_str(w, "boilerplate");
    if (r->joined_lines) jw_str(w, "line-breaks");
    if (r->spaces_removed) jw_str(w, "spacing");
    if (r->punct_changed) jw_str(w, "ascii-punct");
    if (r->invalid_bytes) jw_str(w, "invalid-bytes");
    if (r->orphan_annotations) jw_str(w, "orphan-pinyin");
    jw_arr_end(w);
}

static void write_list(jw *w, const char *key, const slist *l) {
    jw_key(w, key);
    jw_arr(w);
    for (size_t i = 0; i < l->n; i++) jw_str(w, l->items[i]);
    jw_arr_end(w);
}

static void write_person(jw *w, const person *p) {
    jw_obj(w);
    jw_field(w, "name", p->name);
    jw_field(w, "title", p->title);
    jw_obj_end(w);
}

static void write_article(jw *w, const article *a) {
    jw_obj(w);
    jw_field(w, "kind", a->is_meeting ? "meeting" : "other");
    jw_field(w, "title", a->title);
    jw_field(w, "text", a->text);
    jw_field(w, "source", a->source);
    write_list(w, "reporters", &a->reporters);
    jw_key(w, "editors");
    jw_arr(w);
    for (size_t i = 0; i < a->editor_roles.n; i++) {
        jw_obj(w);
        jw_field(w, "role", a->editor_roles.items[i]);
        jw_field(w, "name", a->editor_names.items[i]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    if (a->is_meeting) {
        jw_key(w, "meeting");
        jw_obj(w);
        jw_field(w, "name", a->name);
        jw_field(w, "org", a->org);
        jw_field(w, "date", a->date);
        jw_field(w, "date_end", a->date_end);
        jw_key(w, "date_inferred");
        jw_bool(w, a->date_inferred);
        jw_field(w, "place", a->place);
        jw_key(w, "chair");
        if (a->chair.name)
            write_person(w, &a->chair);
        else
            jw_null(w);
        jw_key(w, "speakers");
        jw_arr(w);
        for (size_t i = 0; i < a->nspeakers; i++) write_person(w, &a->speakers[i]);
        jw_arr_end(w);
        write_list(w, "present", &a->present);
        jw_field(w, "attendees", a->attendees);
        write_list(w, "cues", &a->cues);
        jw_obj_end(w);
    }
    jw_key(w, "terms");
    jw_obj(w);
    write_list(w, "numbered", &a->terms.numbered);
    write_list(w, "quoted", &a->terms.quoted);
    write_list(w, "documents", &a->terms.documents);
    write_list(w, "periods", &a->terms.periods);
    jw_key(w, "years");
    jw_arr(w);
    for (size_t i = 0; i < a->terms.nyears; i++) jw_int(w, a->terms.years[i]);
    jw_arr_end(w);
    jw_obj_end(w);
    jw_key(w, "spans");
    jw_obj(w);
    /* Spans cite meeting fields: an article that is not a meeting has none. */
    for (size_t i = 0; i < a->nspans && a->is_meeting; i++) {
        jw_key(w, a->spans[i].key);
        jw_arr(w);
        jw_int(w, (long long)a->spans[i].a);
        jw_int(w, (long long)a->spans[i].b);
        jw_arr_end(w);
    }
    jw_obj_end(w);
    jw_obj_end(w);
}

static int build_articles(const clean_doc *cd, const ustr *doc, record *rec, para **ps_out, block **bl_out,
                          size_t *nb_out) {
    size_t np = 0;
    for (size_t i = 0; i < doc->n; i++) np += doc->cp[i] == '\n';
    np++;
    para *ps = calloc(np, sizeof *ps);
    block *bl = calloc(np, sizeof *bl);
    if (!ps || !bl) {
        free(ps);
        free(bl);
        return -1;
    }
    size_t k = 0, s = 0;
    for (size_t i = 0; i <= doc->n; i++) {
        if (i == doc->n || doc->cp[i] == '\n') {
            ps[k].a = s;
            ps[k].b = i;
            k++;
            s = i + 1;
        }
    }
    classify_paras(doc, ps, np);
    size_t nb = doc->n ? settle_blocks(ps, bl, split_blocks(doc, ps, np, bl)) : 0;
    rec->arts = calloc(nb ? nb : 1, sizeof *rec->arts);
    if (!rec->arts) {
        free(ps);
        free(bl);
        return -1;
    }
    /* Titles left unattached (far from their bodies) go to the untitled
     * report whose opening they match best. */
    for (size_t b = 0; b < nb; b++) {
        if (bl[b].title >= 0 || bl[b].other || bl[b].last - bl[b].first < 2) continue;
        double best = 0.6;
        long pick = -1;
        for (size_t t = 0; t < np; t++) {
            if (!ps[t].title_like || ps[t].caption || (t >= bl[b].first && t < bl[b].last)) continue;
            int used = 0;
            for (size_t o = 0; o < nb && !used; o++)
                used = bl[o].title == (long)t ||
                       (t >= bl[o].first && t < bl[o].last && !bl[o].other && (long)t != (long)bl[o].first);
            if (used) continue;
            size_t fe = bl[b].first < np ? ps[bl[b].first].b : 0;
            double m = title_match(doc, &ps[t], ps[bl[b].first].a, fe);
            if (m > best) {
                best = m;
                pick = (long)t;
            }
        }
        if (pick >= 0) bl[b].title = pick;
    }
    /* A block made only of titles that went to other reports is not an article. */
    size_t out = 0;
    for (size_t b = 0; b < nb; b++) {
        int all_used = 1;
        for (size_t t = bl[b].first; t < bl[b].last && all_used; t++) {
            int used = 0;
            for (size_t o = 0; o < nb && !used; o++) used = o != b && bl[o].title == (long)t;
            all_used = used;
        }
        if (all_used) continue;
        if (fill_article(doc, cd, ps, &bl[b], &rec->arts[out], bl[b].title)) {
            rec->n = out + 1;
            free(ps);
            free(bl);
            return -1;
        }
        bl[out] = bl[b];
        out++;
    }
    rec->n = out;
    *ps_out = ps;
    *bl_out = bl;
    *nb_out = out;
    return 0;
}

/* The fields the corpus indexes, from the first meeting article (else the
 * first article). */
static void summarize(const record *rec, doc_summary *sum) {
    const article *pick = NULL;
    for (size_t i = 0; i < rec->n; i++) {
        const terms *t = &rec->arts[i].terms;
        for (size_t k = 0; k < t->numbered.n; k++) slist_add_unique(&sum->terms, strdup(t->numbered.items[k]));
        for (size_t k = 0; k < t->quoted.n; k++) slist_add_unique(&sum->terms, strdup(t->quoted.items[k]));
    }
    for (size_t i = 0; i < rec->n && !pick; i++)
        if (rec->arts[i].is_meeting) pick = &rec->arts[i];
    if (!pick && rec->n) pick = &rec->arts[0];
    if (!pick) return;
    sum->date = pick->date ? strdup(pick->date) : NULL;
    sum->meeting = pick->name ? strdup(pick->name) : NULL;
    sum->org = pick->org ? strdup(pick->org) : NULL;
    sum->title = pick->title ? strdup(pick->title) : NULL;
}

void doc_summary_free(doc_summary *s) {
    free(s->date);
    free(s->meeting);
    free(s->org);
    free(s->title);
    slist_free(&s->terms);
    free(s->clean);
    memset(s, 0, sizeof *s);
}

tifa_status tifa_extract(const tifa_options *opt, const char *name, const char *bytes, size_t len, int pretty,
                         char **json, size_t *json_len, tifa_error *err) {
    return extract_document(opt, name, bytes, len, pretty, json, json_len, NULL, err);
}

tifa_status extract_document(const tifa_options *opt, const char *name, const char *bytes, size_t len, int pretty,
                             char **json, size_t *json_len, doc_summary *sum, tifa_error *err) {
    *json = NULL;
    if (sum) memset(sum, 0, sizeof *sum);
    clean_doc cd;
    tifa_status st = clean_collect(opt, name, bytes, len, &cd, err);
    if (st != TIFA_OK) return st;
    if (sum && !(sum->clean = malloc(cd.text.len + 1))) {
        clean_doc_free(&cd);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    if (sum) {
        /* The same text tifa_clean writes: the pipeline is the same. */
        if (cd.text.len) memcpy(sum->clean, cd.text.s, cd.text.len);
        sum->clean[cd.text.len] = 0;
        sum->clean_len = cd.text.len;
    }
    while (cd.text.len && cd.text.s[cd.text.len - 1] == '\n') cd.text.len--;
    ustr doc;
    record rec = {0};
    para *ps = NULL;
    block *bl = NULL;
    size_t nb = 0;
    if (ustr_init(&doc, cd.text.s ? cd.text.s : "", cd.text.len) || build_articles(&cd, &doc, &rec, &ps, &bl, &nb)) {
        for (size_t i = 0; i < rec.n; i++) article_free(&rec.arts[i]);
        free(rec.arts);
        ustr_free(&doc);
        clean_doc_free(&cd);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    attach_fields(&cd, &doc, ps, bl, rec.arts, rec.n);
    attach_page(&cd, rec.arts, rec.n);
    if (sum) summarize(&rec, sum);
    jw w;
    jw_init(&w, pretty);
    jw_obj(&w);
    jw_key(&w, "file");
    jw_str(&w, name);
    jw_key(&w, "encoding");
    jw_str(&w, tifa_encoding_name(cd.rep.encoding));
    jw_key(&w, "script");
    jw_str(&w, script_of(&cd));
    write_noise(&w, &cd.rep);
    write_anomalies(&w, &cd);
    write_page(&w, &cd);
    jw_key(&w, "articles");
    jw_arr(&w);
    for (size_t i = 0; i < rec.n; i++) write_article(&w, &rec.arts[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    for (size_t i = 0; i < rec.n; i++) article_free(&rec.arts[i]);
    free(rec.arts);
    free(ps);
    free(bl);
    ustr_free(&doc);
    clean_doc_free(&cd);
    if (w.failed) {
        jw_free(&w);
        return tifa_fail(err, TIFA_ENOMEM, 0, "out of memory");
    }
    *json = w.s;
    *json_len = w.len;
    return TIFA_OK;
}
