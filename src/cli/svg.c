/* cli/svg: the line chart of `tifa trend --svg`: documents per period, one
 * line and colour per term, axes with labels, a legend; plain SVG with no
 * scripts or external fonts, fit for a report. */
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

int write_trend_svg(const char *path, const tifa_trend_row *rows, size_t n, const char *const *terms, int nterms) {
    static const char *const colours[] = {"#1f5aa6", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#17a2b8"};
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "tifa: %s: %s\n", path, strerror(errno));
        return 1;
    }
    size_t periods = nterms ? n / (size_t)nterms : 0;
    long long max = 1;
    for (size_t i = 0; i < n; i++)
        if (rows[i].documents > max) max = rows[i].documents;
    const double W = 760, H = 420, L = 60, R = 20, T = 40, B = 60;
    double pw = W - L - R, ph = H - T - B;
    fprintf(fp,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
            "font-family=\"'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif\" font-size=\"12\">\n",
            W, H, W, H);
    fprintf(fp, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(fp, "<text x=\"%.0f\" y=\"22\" font-size=\"15\" fill=\"#222\">Documents per period</text>\n", L);
    /* Horizontal grid and the y axis labels. */
    for (int g = 0; g <= 4; g++) {
        double y = T + ph - ph * g / 4.0;
        fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n", L, y, L + pw, y);
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%.0f</text>\n", L - 8, y + 4,
                (double)max * g / 4.0);
    }
    fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>\n", L, T + ph, L + pw, T + ph);
    for (size_t p = 0; p < periods; p++) {
        double x = periods > 1 ? L + pw * (double)p / (double)(periods - 1) : L + pw / 2;
        size_t every = periods > 16 ? (periods + 15) / 16 : 1;
        if (p % every) continue;
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#555\">", x, T + ph + 18);
        xml_text(fp, rows[p * (size_t)nterms].period);
        fputs("</text>\n", fp);
    }
    for (int t = 0; t < nterms; t++) {
        const char *colour = colours[t % 6];
        fprintf(fp, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour);
        for (size_t p = 0; p < periods; p++) {
            double x = periods > 1 ? L + pw * (double)p / (double)(periods - 1) : L + pw / 2;
            double y = T + ph - ph * (double)rows[p * (size_t)nterms + (size_t)t].documents / (double)max;
            fprintf(fp, "%.1f,%.1f ", x, y);
        }
        fputs("\"/>\n", fp);
        for (size_t p = 0; p < periods; p++) {
            const tifa_trend_row *r = &rows[p * (size_t)nterms + (size_t)t];
            double x = periods > 1 ? L + pw * (double)p / (double)(periods - 1) : L + pw / 2;
            double y = T + ph - ph * (double)r->documents / (double)max;
            fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>", x, y, colour);
            xml_text(fp, r->period);
            fputs(" ", fp);
            xml_text(fp, terms[t]);
            fprintf(fp, ": %lld documents, %lld uses</title></circle>\n", (long long)r->documents,
                    (long long)r->occurrences);
        }
        double lx = L + (double)t * 150, ly = H - 18;
        fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"4\" fill=\"%s\"/>\n", lx, ly - 5, colour);
        fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#222\">", lx + 20, ly);
        xml_text(fp, terms[t]);
        fputs("</text>\n", fp);
    }
    fputs("</svg>\n", fp);
    int bad = ferror(fp);
    if (fclose(fp) != 0 || bad) {
        fprintf(stderr, "tifa: %s: write error\n", path);
        return 1;
    }
    return 0;
}
