/*
 * byline: who reported and published an article — the dateline that opens
 * a report ("新华社北京1月13日电", "本报讯（记者张伟）"), the source outlet,
 * the reporters' names, and the metadata lines of a page (来源, 责任编辑)
 * and of a web page's head, attached to the article they belong to.
 *
 * Not for: the people of the meeting (people.c) or reading the metadata
 * lines off the page (clean.c collects them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"

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

void find_source_and_reporters(const ustr *u, article *a) {
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
void attach_fields(const clean_doc *cd, const ustr *doc, const para *ps, const block *bl, article *arts, size_t n) {
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
void attach_page(const clean_doc *cd, article *arts, size_t n) {
    if (!cd->is_html || n == 0) return;
    article *a = &arts[0];
    if (!a->title && cd->page.title) a->title = strdup(cd->page.title);
    if (!a->source && cd->page.source) a->source = strdup(cd->page.source);
    if (a->editor_names.n == 0 && cd->page.editor) {
        slist_add(&a->editor_roles, strdup("责任编辑"));
        slist_add(&a->editor_names, strdup(cd->page.editor));
    }
}
