/* cli/svg: the line chart of `tifa trend --svg`: documents per period, one
 * line and colour per term, axes with labels, a legend; plain SVG with no
 * scripts or external fonts, fit for a report. The y axis has ticks at
 * whole numbers only (1, 2, 5 times a power of ten apart, the top tick at
 * or above the highest count), each labelled with the count it stands at;
 * the x axis has a mark for every period, labelled as many as fit. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void xml_text(FILE *fp, const char *s) {
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", fp);
        else if (*s == '>')
            fputs("&gt;", fp);
        else if (*s == '&')
            fputs("&amp;", fp);
        else if (*s == '"')
            fputs("&quot;", fp);
        else
            fputc(*s, fp);
    }
}

/* The step between y ticks: 1, 2 or 5 times a power of ten, so that the
 * axis up to max has at most 8 intervals. */
static long long tick_step(long long max) {
    long long step = 1;
    for (;;) {
        for (int m = 1; m <= 5; m += m == 1 ? 1 : 3) /* 1, 2, 5 */
            if (max <= step * m * 8) return step * m;
        step *= 10;
    }
}

typedef struct {
    double left, top, width, height;
    size_t periods;
    long long ymax;
} plot;

static double x_of(const plot *p, size_t i) {
    return p->periods > 1 ? p->left + p->width * (double)i / (double)(p->periods - 1) : p->left + p->width / 2;
}

static double y_of(const plot *p, long long v) { return p->top + p->height - p->height * (double)v / (double)p->ymax; }

static void axes(FILE *fp, const plot *p, const tifa_trend_row *rows, int nterms) {
    long long step = tick_step(p->ymax);
    for (long long v = 0; v <= p->ymax; v += step) {
        double y = y_of(p, v);
        fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n", p->left, y,
                p->left + p->width, y);
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%lld</text>\n", p->left - 8, y + 4,
                v);
    }
    double base = p->top + p->height;
    fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>\n", p->left, base,
            p->left + p->width, base);
    /* A mark for every period; labels for as many as fit (one in `every`). */
    size_t every = p->periods > 16 ? (p->periods + 15) / 16 : 1;
    for (size_t i = 0; i < p->periods; i++) {
        double x = x_of(p, i);
        fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>\n", x, base, x, base + 4);
        if (i % every) continue;
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#555\">", x, base + 18);
        xml_text(fp, rows[i * (size_t)nterms].period);
        fputs("</text>\n", fp);
    }
}

static void series(FILE *fp, const plot *p, const tifa_trend_row *rows, int nterms, int t, const char *term,
                   const char *colour, double legend_x, double legend_y) {
    fprintf(fp, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour);
    for (size_t i = 0; i < p->periods; i++)
        fprintf(fp, "%.1f,%.1f ", x_of(p, i), y_of(p, rows[i * (size_t)nterms + (size_t)t].documents));
    fputs("\"/>\n", fp);
    for (size_t i = 0; i < p->periods; i++) {
        const tifa_trend_row *r = &rows[i * (size_t)nterms + (size_t)t];
        fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>", x_of(p, i), y_of(p, r->documents),
                colour);
        xml_text(fp, r->period);
        fputs(" ", fp);
        xml_text(fp, term);
        fprintf(fp, ": %lld of %lld documents, %lld uses</title></circle>\n", (long long)r->documents,
                (long long)r->dated, (long long)r->occurrences);
    }
    fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"4\" fill=\"%s\"/>\n", legend_x, legend_y - 5,
            colour);
    fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#222\">", legend_x + 20, legend_y);
    xml_text(fp, term);
    fputs("</text>\n", fp);
}

int write_trend_svg(const char *path, const tifa_trend_row *rows, size_t n, const char *const *terms, int nterms) {
    static const char *const colours[] = {"#1f5aa6", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#17a2b8"};
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "tifa: %s: %s\n", SHOWN(path), strerror(errno));
        return 1;
    }
    long long max = 1;
    for (size_t i = 0; i < n; i++)
        if (rows[i].documents > max) max = rows[i].documents;
    const double W = 760, H = 420, L = 60, R = 20, T = 40, B = 60;
    long long step = tick_step(max);
    plot p = {L, T, W - L - R, H - T - B, nterms ? n / (size_t)nterms : 0, (max + step - 1) / step * step};
    fprintf(fp,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
            "font-family=\"'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif\" font-size=\"12\">\n",
            W, H, W, H);
    fprintf(fp, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(fp, "<text x=\"%.0f\" y=\"22\" font-size=\"15\" fill=\"#222\">Documents per period</text>\n", L);
    axes(fp, &p, rows, nterms);
    for (int t = 0; t < nterms; t++)
        series(fp, &p, rows, nterms, t, terms[t], colours[t % 6], L + (double)t * 150, H - 18);
    fputs("</svg>\n", fp);
    int bad = ferror(fp);
    if (fclose(fp) != 0 || bad) {
        fprintf(stderr, "tifa: %s: write error\n", SHOWN(path));
        return 1;
    }
    return 0;
}
