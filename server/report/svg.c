/* svg.c: the hand-written SVG chart of cctns-report (see svg.h). Layout is
 * fixed-width: 900 px wide, bars 22 px apart, the plot's value axis divided
 * into nice steps with grid lines. */
#include "svg.h"

#include <math.h>

#include "format.h"
#include "util.h"

#define SVG_W       900.0
#define TITLE_Y     28.0
#define VALUE_TICKS 5

/* Bars: label column on the left, bars to the right. */
#define BAR_LEFT  280.0
#define BAR_RIGHT (SVG_W - 70.0)
#define BAR_TOP   60.0
#define BAR_ROW   22.0
#define BAR_THICK 16.0

/* Line: plot area. */
#define LINE_H      440.0
#define LINE_LEFT   90.0
#define LINE_RIGHT  (SVG_W - 30.0)
#define LINE_TOP    60.0
#define LINE_BOTTOM (LINE_H - 100.0)
/* At most this many x labels; the rest are skipped evenly. */
#define LINE_XLABELS 12

double svg_nice_step(double max, int ticks)
{
	static const double mult[] = {1, 2, 5, 10};
	double raw, mag;
	size_t i;

	if (!(max > 0) || ticks < 1)
		return 1;
	raw = max / ticks;
	mag = pow(10, floor(log10(raw)));
	for (i = 0; i < ARRAY_LEN(mult) - 1; i++)
		if (raw <= mult[i] * mag)
			break;
	return mult[i] * mag;
}

/* The step of the value axis: whole numbers when every value is one (a
 * count of cases never gets a 0.5 tick). */
static double value_step(const struct chart *ch, double max)
{
	double step = svg_nice_step(max, VALUE_TICKS);
	size_t i;

	for (i = 0; i < ch->n; i++)
		if (!isnan(ch->values[i]) &&
		    ch->values[i] != floor(ch->values[i]))
			return step;
	return step < 1 ? 1 : step;
}

static double max_value(const struct chart *ch)
{
	double m = 0;
	size_t i;

	for (i = 0; i < ch->n; i++)
		if (!isnan(ch->values[i]) && ch->values[i] > m)
			m = ch->values[i];
	return m;
}

/* <text ...>escaped</text> with the attributes given (already safe). */
static void text_at(FILE *out, double x, double y, const char *attrs,
                    const char *s, size_t clip)
{
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attrs);
	xml_put_clipped(out, s ? s : "", clip);
	fputs("</text>\n", out);
}

static void doc_open(FILE *out, const struct chart *ch, double h)
{
	fprintf(out,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
	        "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
	        "font-family=\"sans-serif\" font-size=\"12\">\n"
	        "<title>",
	        SVG_W, h, SVG_W, h);
	xml_put(out, ch->title ? ch->title : "");
	fputs("</title>\n<rect width=\"100%\" height=\"100%\" "
	      "fill=\"white\"/>\n",
	      out);
	text_at(out, SVG_W / 2, TITLE_Y,
	        "text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\"",
	        ch->title, 100);
}

static void value_text(FILE *out, double x, double y, const char *anchor,
                       double v)
{
	fprintf(out,
	        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%g</text>\n", x,
	        y, anchor, v);
}

/* ------------------------------------------------------------ bars */

static double bar_x(double v, double top)
{
	return BAR_LEFT + (BAR_RIGHT - BAR_LEFT) * v / top;
}

static void bar_axis(FILE *out, const struct chart *ch, double step, double top,
                     double bottom)
{
	double v;

	for (v = 0; v <= top + step / 2; v += step) {
		fprintf(out,
		        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		        "y2=\"%.1f\" stroke=\"#ddd\"/>\n",
		        bar_x(v, top), BAR_TOP - 4, bar_x(v, top), bottom);
		value_text(out, bar_x(v, top), bottom + 16, "middle", v);
	}
	text_at(out, (BAR_LEFT + BAR_RIGHT) / 2, bottom + 38,
	        "text-anchor=\"middle\" font-weight=\"bold\"", ch->value_axis,
	        60);
	text_at(out, BAR_LEFT - 10, BAR_TOP - 10,
	        "text-anchor=\"end\" font-weight=\"bold\"", ch->label_axis, 40);
}

static void bar_row(FILE *out, const struct chart *ch, size_t i, double top)
{
	double y = BAR_TOP + BAR_ROW * (double)i;
	double v = ch->values[i];

	text_at(out, BAR_LEFT - 10, y + BAR_THICK - 4, "text-anchor=\"end\"",
	        ch->labels[i], SVG_LABEL_MAX);
	if (isnan(v)) {
		text_at(out, BAR_LEFT + 4, y + BAR_THICK - 4, "fill=\"#666\"",
		        "no value", 20);
		return;
	}
	fprintf(out,
	        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
	        "fill=\"#3b6ea5\"/>\n",
	        BAR_LEFT, y, bar_x(v, top) - BAR_LEFT, BAR_THICK);
	value_text(out, bar_x(v, top) + 4, y + BAR_THICK - 4, "start", v);
}

static void bars(FILE *out, const struct chart *ch)
{
	double step = value_step(ch, max_value(ch));
	double top = step * ceil(max_value(ch) / step);
	double bottom = BAR_TOP + BAR_ROW * (double)ch->n;
	size_t i;

	if (top <= 0)
		top = step;
	doc_open(out, ch, bottom + 60);
	bar_axis(out, ch, step, top, bottom);
	for (i = 0; i < ch->n; i++)
		bar_row(out, ch, i, top);
}

/* ------------------------------------------------------------ line */

static double line_x(const struct chart *ch, size_t i)
{
	if (ch->n < 2)
		return (LINE_LEFT + LINE_RIGHT) / 2;
	return LINE_LEFT +
	       (LINE_RIGHT - LINE_LEFT) * (double)i / (double)(ch->n - 1);
}

static double line_y(double v, double top)
{
	return LINE_BOTTOM - (LINE_BOTTOM - LINE_TOP) * v / top;
}

static void line_axes(FILE *out, const struct chart *ch, double step,
                      double top)
{
	size_t every = (ch->n + LINE_XLABELS - 1) / LINE_XLABELS, i;
	double v;

	for (v = 0; v <= top + step / 2; v += step) {
		fprintf(out,
		        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		        "y2=\"%.1f\" stroke=\"#ddd\"/>\n",
		        LINE_LEFT, line_y(v, top), LINE_RIGHT, line_y(v, top));
		value_text(out, LINE_LEFT - 6, line_y(v, top) + 4, "end", v);
	}
	for (i = 0; i < ch->n; i += every ? every : 1)
		text_at(out, line_x(ch, i), LINE_BOTTOM + 18,
		        "text-anchor=\"middle\"", ch->labels[i], 12);
	text_at(out, (LINE_LEFT + LINE_RIGHT) / 2, LINE_BOTTOM + 50,
	        "text-anchor=\"middle\" font-weight=\"bold\"", ch->label_axis,
	        60);
	fprintf(out,
	        "<text x=\"20\" y=\"%.1f\" text-anchor=\"middle\" "
	        "font-weight=\"bold\" transform=\"rotate(-90 20 %.1f)\">",
	        (LINE_TOP + LINE_BOTTOM) / 2, (LINE_TOP + LINE_BOTTOM) / 2);
	xml_put_clipped(out, ch->value_axis ? ch->value_axis : "", 40);
	fputs("</text>\n", out);
}

static void line_points(FILE *out, const struct chart *ch, double top)
{
	size_t i;

	fputs("<polyline fill=\"none\" stroke=\"#3b6ea5\" stroke-width=\"2\" "
	      "points=\"",
	      out);
	for (i = 0; i < ch->n; i++)
		if (!isnan(ch->values[i]))
			fprintf(out, "%s%.1f,%.1f", i ? " " : "", line_x(ch, i),
			        line_y(ch->values[i], top));
	fputs("\"/>\n", out);
	for (i = 0; i < ch->n; i++)
		if (!isnan(ch->values[i]))
			fprintf(out,
			        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
			        "fill=\"#3b6ea5\"/>\n",
			        line_x(ch, i), line_y(ch->values[i], top));
}

static void line(FILE *out, const struct chart *ch)
{
	double step = value_step(ch, max_value(ch));
	double top = step * ceil(max_value(ch) / step);

	if (top <= 0)
		top = step;
	doc_open(out, ch, LINE_H);
	fprintf(out,
	        "<path d=\"M%.1f %.1fV%.1fH%.1f\" fill=\"none\" "
	        "stroke=\"black\"/>\n",
	        LINE_LEFT, LINE_TOP, LINE_BOTTOM, LINE_RIGHT);
	line_axes(out, ch, step, top);
	line_points(out, ch, top);
}

/* ------------------------------------------------------------ entry */

static void (*const drawers[])(FILE *, const struct chart *) = {
        [CHART_BARS] = bars,
        [CHART_LINE] = line,
};

int svg_write(FILE *out, const struct chart *ch)
{
	drawers[ch->kind](out, ch);
	fputs("</svg>\n", out);
	return ferror(out) ? -1 : 0;
}
