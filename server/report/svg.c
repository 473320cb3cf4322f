/* svg.c: cctns-report's SVG charts (see svg.h): the layout of chart.c, one
 * SVG element per rule, bar, point and text, drawn in the layout's order. */
#include "svg.h"

#include "format.h"
#include "util.h"

static const char *const anchors[] = {
        [ANCHOR_START] = "start",
        [ANCHOR_MIDDLE] = "middle",
        [ANCHOR_END] = "end",
};

static const char *const styles[] = {
        [STYLE_PLAIN] = "",
        [STYLE_BOLD] = " font-weight=\"bold\"",
        [STYLE_TITLE] = " font-size=\"16\" font-weight=\"bold\"",
        [STYLE_MUTED] = " fill=\"#666\"",
};

static void doc_open(FILE *out, const struct chart_layout *l)
{
	fprintf(out,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
	        "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
	        "font-family=\"sans-serif\" font-size=\"12\">\n"
	        "<title>",
	        l->width, l->height, l->width, l->height);
	xml_put(out, l->title);
	fputs("</title>\n<rect width=\"100%\" height=\"100%\" "
	      "fill=\"white\"/>\n",
	      out);
}

static void rules(FILE *out, const struct chart_layout *l)
{
	size_t i;

	for (i = 0; i < l->nrules; i++) {
		const struct chart_rule *r = &l->rules[i];
		fprintf(out,
		        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		        "stroke=\"%s\"/>\n",
		        r->x1, r->y1, r->x2, r->y2,
		        r->kind == RULE_GRID ? "#ddd" : "black");
	}
}

static void bars(FILE *out, const struct chart_layout *l)
{
	size_t i;

	for (i = 0; i < l->nbars; i++)
		fprintf(out,
		        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		        "height=\"%.1f\" fill=\"#3b6ea5\"/>\n",
		        l->bars[i].x, l->bars[i].y, l->bars[i].w, l->bars[i].h);
}

static void points(FILE *out, const struct chart_layout *l)
{
	size_t i;

	if (l->kind != CHART_LINE)
		return;
	fputs("<polyline fill=\"none\" stroke=\"#3b6ea5\" stroke-width=\"2\" "
	      "points=\"",
	      out);
	for (i = 0; i < l->npoints; i++)
		fprintf(out, "%s%.1f,%.1f", i ? " " : "", l->points[i].x,
		        l->points[i].y);
	fputs("\"/>\n", out);
	for (i = 0; i < l->npoints; i++)
		fprintf(out,
		        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
		        "fill=\"#3b6ea5\"/>\n",
		        l->points[i].x, l->points[i].y);
}

static void texts(FILE *out, const struct chart_layout *l)
{
	size_t i;

	for (i = 0; i < l->ntexts; i++) {
		const struct chart_text *t = &l->texts[i];
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s",
		        t->x, t->y, anchors[t->anchor], styles[t->style]);
		if (t->rotated)
			fprintf(out, " transform=\"rotate(-90 %.1f %.1f)\"",
			        t->x, t->y);
		fputc('>', out);
		xml_put(out, t->s);
		fputs("</text>\n", out);
	}
}

int svg_write(FILE *out, const struct chart *ch)
{
	struct chart_layout l;

	chart_layout(ch, &l);
	doc_open(out, &l);
	rules(out, &l);
	bars(out, &l);
	points(out, &l);
	texts(out, &l);
	fputs("</svg>\n", out);
	chart_layout_free(&l);
	return ferror(out) ? -1 : 0;
}
