/*
 * articles: a page split into its articles. Paragraphs are classified
 * (title-like, dateline, caption, photo credit), grouped into blocks — a
 * dateline opens a report, a heading after text opens a block — and each
 * block is given its kind (a report, or "other" for captions and headline
 * lists) and its title, matched to bodies by content when it stands apart.
 *
 * Not for: what an article says (record.c reads it with people.c,
 * meeting.c, date.c, byline.c and terms.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract_internal.h"

/* Does the first sentence of [a, b) convene a meeting (召开, 举行)? */
static int convenes_at_once(const ustr *u, size_t a, size_t b) {
    size_t e = a;
    while (e < b && !u_is_sentence_end(u->cp[e]) && e - a < 120) e++;
    return ustr_find(u, a, e, "召开") != USTR_NONE || ustr_find(u, a, e, "举行") != USTR_NONE;
}

/* A caption signed by a news agency after its sentence ("…栗战书发表讲话。
 * 新华社"): the photo credit without 摄. */
static int agency_credit(const ustr *u, size_t a, size_t b) {
    size_t k = b;
    while (k > a && b - k <= 5 && u_is_han(u->cp[k - 1])) k--;
    return k > a && b - k >= 3 && u->cp[b - 1] == 0x793E /* 社 */ && u_is_sentence_end(u->cp[k - 1]);
}

static int all_han_or_dash(const ustr *u, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (!u_is_han(u->cp[i]) && u->cp[i] != '-' && u->cp[i] != 0xFF0D) return 0;
    return 1;
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
        /* "四川新闻网-成都商报讯" alone on its line: the dateline, not a headline */
        int xun_line = len > 2 && len <= 20 && ends_with(u, p->b, "讯") && !ends_with(u, p->b, "快讯") &&
                       all_han_or_dash(u, p->a, p->b) &&
                       (after_dateline(u, p->a, p->b) == p->b || ustr_find(u, p->a, p->b, "-") != USTR_NONE);
        p->title_like = len > 0 && len <= 80 && !sentence && !(len && u->cp[p->b - 1] == 0xFF0C) && !byline && !xun_line;
        p->dateline = opens_report(u, p->a, p->b) || (i > 0 && ps[i - 1].b == p->a) /* split at a buried dateline */ ||
                      xun_line;
        p->credit = len > 0 && (ends_with(u, p->b, "摄") || agency_credit(u, p->a, p->b));
        p->names_meeting = ustr_find(u, p->a, p->b, "会") != USTR_NONE || ustr_find(u, p->a, p->b, "召开") != USTR_NONE;
        p->lead_day = convenes_at_once(u, p->a, p->b) ? opening_month_day(u, p->a, p->b) : 0;
        p->bullet = len > 0 && char_in(&bullets, u->cp[p->a]);
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
    int lead_of_block = 0; /* the day of the current block's first lead */
    for (size_t i = 0; i < n; i++) {
        int start = i == 0;
        if (ps[i].dateline && i > 0) {
            /* A dateline opens a report, with the title right before it. */
            size_t tt = ps[i - 1].title_like && !ps[i - 1].caption ? i - 1 : i;
            /* A headline above a subheadline run into the dateline: the report's */
            if (tt == i - 1 && tt > 0 && ps[tt].b == ps[i].a && nb && bl[nb - 1].first == tt - 1 &&
                ps[tt - 1].title_like && !ps[tt - 1].caption)
                tt--;
            lead_of_block = ps[i].lead_day;
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
        /* A roundup ("北京7月19日，…召开…；河北7月20日，…主持召开…"): a lead
         * of another day opens another report. */
        int another_day = nb && ps[i].lead_day && lead_of_block && ps[i].lead_day != lead_of_block;
        /* "◆9月27日，我县…召开…会。◆9月27日，全市…会议召开": each brief of a
         * bulleted list that leads a meeting is a report of its own */
        another_day |= nb && ps[i].lead_day && ps[i].bullet && i > 0 && ps[i - 1].bullet;
        start |= another_day;
        if (i > 0 && ps[i - 1].credit) start = 1;                          /* after a photo credit */
        if (!start) {
            if (!lead_of_block) lead_of_block = ps[i].lead_day;
            continue;
        }
        if (another_day || ps[i].lead_day) lead_of_block = ps[i].lead_day; /* a subheading keeps its report's */
        if (nb) bl[nb - 1].last = i;
        bl[nb].first = i;
        bl[nb].title = -1;
        bl[nb].has_dateline = ps[i].dateline;
        bl[nb].own_lead = another_day;
        nb++;
    }
    if (nb) bl[nb - 1].last = n;
    (void)u;
    return nb;
}

/* A block set apart only by the photo caption at its end: it opens with a
 * headline naming a meeting or with the report's lead ("…第五次会议…在人民
 * 大会堂闭幕。会议号召…"), not with a caption or a site's furniture
 * ("检索：帐户密码"). */
static int head_of_report(const para *ps, const block *b) {
    return !ps[b->first].caption && ps[b->first].names_meeting;
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
        /* A lone headline right above a report's dateline is a headline too
         * (its report's, or a stack of them), not a report of its own. */
        int lone_headline = count == 1 && titles == 1 && k + 1 < nb && bl[k + 1].has_dateline;
        b.other = !b.has_dateline && (captions > 0 || (count >= 2 && titles == (int)count) || lone_headline);
        /* A single title-like first line followed by text is the block's title. */
        if (b.title < 0 && !b.other && count >= 2 && ps[b.first].title_like && !ps[b.first + 1].title_like)
            b.title = (long)b.first;
        /* Else a headline naming a meeting among its first lines (navigation
         * such as "集团新闻" may stand above it). */
        for (size_t i = b.first; b.title < 0 && !b.other && i < b.first + 3 && i + 1 < b.last; i++) {
            if (!ps[i].title_like) break;
            if (ps[i].names_meeting) b.title = (long)i;
        }
        /* A report's head: its headline, a deck ("贾庆林作…工作报告张榕明作
         * …报告王刚主持") and a photo caption, above a body that opens
         * without a title or a dateline. The deck says who spoke. */
        if (b.other && captions > 0 && !b.has_dateline && k + 1 < nb &&
            !bl[k + 1].has_dateline &&
            !ps[bl[k + 1].first].title_like && head_of_report(ps, &b)) {
            bl[k + 1].first = b.first;
            if (bl[k + 1].title < 0 && ps[b.first].title_like) bl[k + 1].title = (long)b.first;
            continue;
        }
        /* The report's text goes on below a photo: body paragraphs with a
         * caption among them, after a report, are that report's */
        int bodies = (int)count - titles - captions;
        int photo_in_body = b.other && captions > 0 && bodies > 0 && !ps[b.first].caption;
        int body_only = (!b.other || photo_in_body) && !b.has_dateline && !b.own_lead && out > 0 && !bl[out - 1].other;
        if (body_only && k > 0) {
            bl[out - 1].last = b.last; /* a subheading inside the report */
            continue;
        }
        bl[out++] = b;
    }
    return out;
}

/* Paragraphs a title may come from: a page's title stands near its report.
 * Looking further made a file of many readouts quadratic. */
#define TITLE_REACH 60

/* Titles left unattached (far from their bodies) go to the untitled report
 * whose opening they match best. titled[t] counts the blocks whose title
 * paragraph t is; blocks cover the paragraphs in order. */
static void attach_far_titles(const ustr *doc, const para *ps, size_t np, block *bl, size_t nb, size_t *titled) {
    for (size_t b = 0; b < nb; b++) {
        if (bl[b].title >= 0 || bl[b].other || bl[b].last - bl[b].first < 2) continue;
        double best = 0.6;
        long pick = -1;
        size_t lo = bl[b].first > TITLE_REACH ? bl[b].first - TITLE_REACH : 0;
        size_t hi = bl[b].last + TITLE_REACH < np ? bl[b].last + TITLE_REACH : np;
        size_t o = b; /* the block holding paragraph t */
        while (o > 0 && bl[o].first > lo) o--;
        for (size_t t = lo; t < hi; t++) {
            while (o + 1 < nb && bl[o + 1].first <= t) o++;
            if (!ps[t].title_like || ps[t].caption || (t >= bl[b].first && t < bl[b].last)) continue;
            int inside = o < nb && t >= bl[o].first && t < bl[o].last && !bl[o].other && t != bl[o].first;
            if (titled[t] || inside) continue;
            size_t fe = bl[b].first < np ? ps[bl[b].first].b : 0;
            double m = title_match(doc, &ps[t], ps[bl[b].first].a, fe);
            if (m > best) {
                best = m;
                pick = (long)t;
            }
        }
        if (pick >= 0) {
            bl[b].title = pick;
            titled[pick]++;
        }
    }
}

/* A paragraph that runs a subheadline into its lead ("…到会祝贺贾庆林作
 *政协常委会工作报告 据新华社北京3月3日电中国人民政治协商会议…"): where
 * the dateline stands behind a space of the input, before any punctuation;
 * 0 when none. */
static size_t buried_dateline(const page *pg, size_t a, size_t b) {
    const ustr *u = pg->doc;
    size_t lim = b < a + 80 ? b : a + 80;
    if (dateline_at(u, a, b)) return 0; /* one already opens it */
    for (size_t k = a + 4; pg->gaps && k < lim; k++) {
        uint32_t c = u->cp[k - 1];
        if (u_is_sentence_end(c) || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == ',') return 0;
        size_t at = u->off[k];
        /* after a space of the input, or after a photo credit ("…闭幕（中评社卢哲摄）中评社北京3月11日电") */
        int credit = c == 0xFF09 && ends_with(u, k - 1, "摄");
        if ((credit || (pg->gaps[at / 8] >> (at % 8) & 1)) && dateline_at(u, k, b)) return k;
    }
    return 0;
}

int build_articles(const page *pg, record *rec, para **ps_out, block **bl_out, size_t *nb_out) {
    const ustr *doc = pg->doc;
    size_t np = 0;
    for (size_t i = 0; i < doc->n; i++) np += doc->cp[i] == '\n';
    np++;
    np *= 2; /* room for a paragraph split at a buried dateline */
    para *ps = calloc(np, sizeof *ps);
    block *bl = calloc(np, sizeof *bl);
    if (!ps || !bl) {
        free(ps);
        free(bl);
        return -1;
    }
    size_t at = 0, s = 0;
    for (size_t i = 0; i <= doc->n; i++) {
        if (i == doc->n || doc->cp[i] == '\n') {
            size_t k = buried_dateline(pg, s, i);
            if (k) {
                ps[at].a = s;
                ps[at++].b = k;
                s = k;
            }
            ps[at].a = s;
            ps[at].b = i;
            at++;
            s = i + 1;
        }
    }
    np = at;
    classify_paras(doc, ps, np);
    size_t nb = doc->n ? settle_blocks(ps, bl, split_blocks(doc, ps, np, bl)) : 0;
    rec->arts = calloc(nb ? nb : 1, sizeof *rec->arts);
    if (!rec->arts) {
        free(ps);
        free(bl);
        return -1;
    }
    size_t *titled = calloc(np, sizeof *titled); /* how many blocks take paragraph t as title */
    if (!titled) {
        free(ps);
        free(bl);
        return -1;
    }
    for (size_t b = 0; b < nb; b++)
        if (bl[b].title >= 0) titled[bl[b].title]++;
    attach_far_titles(doc, ps, np, bl, nb, titled);
    /* A block made only of titles that went to other reports is not an article. */
    size_t out = 0;
    for (size_t b = 0; b < nb; b++) {
        int all_used = 1;
        for (size_t t = bl[b].first; t < bl[b].last && all_used; t++)
            all_used = titled[t] > (bl[b].title == (long)t);
        if (all_used) continue;
        if (fill_article(pg, ps, &bl[b], &rec->arts[out], bl[b].title)) {
            rec->n = out + 1;
            free(titled);
            free(ps);
            free(bl);
            return -1;
        }
        /* A photo caption above a report ("12月30日，全国政协在北京举行新年
         * 茶话会。新华社记者…摄") is not its text, but it may say where and
         * when the meeting was. */
        if (out > 0 && bl[out - 1].other && rec->arts[out].is_meeting)
            facts_from_caption(pg, ps, &bl[out - 1], &rec->arts[out]);
        bl[out] = bl[b];
        out++;
    }
    free(titled);
    rec->n = out;
    /* A page of photo news, captions only ("3月4日，…主席团在北京人民大会堂
     * 举行第一次会议。…吴邦国主持会议。新华社记者…摄"): its first caption that
     * reads as a meeting report is one. */
    int any_meeting = 0;
    for (size_t k = 0; k < out; k++) any_meeting |= rec->arts[k].is_meeting;
    for (size_t k = 0; k < out && !any_meeting; k++) {
        if (!bl[k].other) continue;
        int caption = 0;
        for (size_t i = bl[k].first; i < bl[k].last; i++) caption |= ps[i].caption;
        if (!caption) continue;
        if (refill_as_report(pg, ps, &bl[k], &rec->arts[k], bl[k].title)) {
            free(ps);
            free(bl);
            return -1;
        }
        any_meeting = rec->arts[k].is_meeting;
    }
    *ps_out = ps;
    *bl_out = bl;
    *nb_out = out;
    return 0;
}
