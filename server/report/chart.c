/* chart.c: the layout of cctns-report's charts (see chart.h). Fixed width:
 * 900 px; bars 22 px apart with the labels in a column on their left; the
 * line chart a 900 x 440 plot; the value axis divided into nice steps with
 * grid lines. */
#include "chart.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define CHART_W     900.0
#define TITLE_Y     28.0
#define TITLE_MAX   100
#define VALUE_TICKS 5

/* Bars: label column on the left, bars to the right. */
#define BAR_LEFT  280.0
#define BAR_RIGHT (CHART_W - 70.0)
#define BAR_TOP   60.0
#define BAR_ROW   22.0
#define BAR_THICK 16.0

/* Line: plot area. */
#define LINE_H      440.0
#define LINE_LEFT   90.0
#define LINE_RIGHT  (CHART_W - 30.0)
#define LINE_TOP    60.0
#define LINE_BOTTOM (LINE_H - 100.0)
/* At most this many x labels; the rest are skipped evenly. */
#define LINE_XLABELS    12
#define LINE_XLABEL_MAX 12

/* ------------------------------------------------------------ text */

/* The length of the valid UTF-8 sequence at s (1-4), or 0 when s starts
 * with an invalid one (Unicode 15, table 3-7). */
static size_t utf8_seq(const unsigned char *s)
{
	static const struct {
		unsigned char lo, hi, len, second_lo, second_hi;
	} leads[] = {
	        {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF},
	        {0xE1, 0xEC, 3, 0x80, 0xBF}, {0xED, 0xED, 3, 0x80, 0x9F},
	        {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
	        {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
	};
	size_t i, k;

	if (s[0] < 0x80)
		return 1;
	for (i = 0; i < ARRAY_LEN(leads); i++) {
		if (s[0] < leads[i].lo || s[0] > leads[i].hi)
			continue;
		if (s[1] < leads[i].second_lo || s[1] > leads[i].second_hi)
			return 0;
		for (k = 2; k < leads[i].len; k++)
			if ((s[k] & 0xC0) != 0x80)
				return 0;
		return leads[i].len;
	}
	return 0;
}

/* One character of s as it is kept: its bytes into out (at most 4), its
 * length in s into *used. */
static size_t clean_char(const unsigned char *s, size_t *used, char *out)
{
	size_t n = utf8_seq(s);

	if (n == 0 || (n == 1 && (s[0] < 0x20 || s[0] == 0x7F))) {
		*used = 1;
		out[0] = s[0] == '\t' || s[0] == '\n' || s[0] == '\r' ? ' '
		                                                      : '?';
		return 1;
	}
	*used = n;
	memcpy(out, s, n);
	return n;
}

static size_t count_chars(const unsigned char *s)
{
	size_t n = 0, used;
	char tmp[4];

	for (; *s; s += used, n++)
		clean_char(s, &used, tmp);
	return n;
}

char *chart_clean_text(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t total = count_chars(p), keep, len = 0, used, i;
	char *out = xmalloc(strlen((const char *)p) + 4);

	keep = max && total > max ? max - 1 : total;
	for (i = 0; i < keep; i++, p += used)
		len += clean_char(p, &used, out + len);
	if (keep < total)
		memcpy(out + len, "\xE2\x80\xA6", 3); /* U+2026 ELLIPSIS */
	len += keep < total ? 3 : 0;
	out[len] = '\0';
	return out;
}

/* ------------------------------------------------------------ scale */

double chart_nice_step(double max, int ticks)
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

static double max_value(const struct chart *ch)
{
	double m = 0;
	size_t i;

	for (i = 0; i < ch->n; i++)
		if (!isnan(ch->values[i]) && ch->values[i] > m)
			m = ch->values[i];
	return m;
}

/* The step of the value axis (whole numbers when every value is one: a
 * count of cases never gets a 0.5 tick) and its top, a whole number of
 * steps covering the largest value. */
static void value_scale(const struct chart *ch, struct chart_layout *l)
{
	double max = max_value(ch);
	size_t i;

	l->step = chart_nice_step(max, VALUE_TICKS);
	for (i = 0; i < ch->n; i++)
		if (!isnan(ch->values[i]) &&
		    ch->values[i] != floor(ch->values[i]))
			break;
	if (i == ch->n && l->step < 1)
		l->step = 1;
	l->top = l->step * ceil(max / l->step);
	if (l->top <= 0)
		l->top = l->step;
}

/* ------------------------------------------------------------ building */

/* Room for what a chart of n points can hold. */
static void reserve(struct chart_layout *l, size_t n)
{
	l->rules = xcalloc(VALUE_TICKS + 16, sizeof(*l->rules));
	l->bars = xcalloc(n + 1, sizeof(*l->bars));
	l->points = xcalloc(n + 1, sizeof(*l->points));
	l->texts = xcalloc(2 * n + VALUE_TICKS + 16, sizeof(*l->texts));
}

static void add_rule(struct chart_layout *l, double x1, double y1, double x2,
                     double y2, enum chart_rule_kind kind)
{
	l->rules[l->nrules++] = (struct chart_rule){x1, y1, x2, y2, kind};
}

static void add_text(struct chart_layout *l, double x, double y,
                     enum chart_anchor anchor, enum chart_style style,
                     const char *s, size_t max)
{
	l->texts[l->ntexts++] = (struct chart_text){
	        x, y, anchor, style, 0, chart_clean_text(s, max)};
}

/* A tick's value as text ("%g": 20, 0.5, 1e+06). */
static void add_value(struct chart_layout *l, double x, double y,
                      enum chart_anchor anchor, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%g", v);
	add_text(l, x, y, anchor, STYLE_PLAIN, buf, 0);
}

/* The tick values 0, step, ... top (a few more when top/step is large:
 * never more than the rules reserved). */
static size_t ticks(const struct chart_layout *l)
{
	double n = floor(l->top / l->step + 0.5);

	return n > VALUE_TICKS + 4 ? VALUE_TICKS + 5 : (size_t)n + 1;
}

/* ------------------------------------------------------------ bars */

static double bar_x(const struct chart_layout *l, double v)
{
	return BAR_LEFT + (BAR_RIGHT - BAR_LEFT) * v / l->top;
}

static void bar_axis(const struct chart *ch, struct chart_layout *l,
                     double bottom)
{
	size_t i, n = ticks(l);

	for (i = 0; i < n; i++) {
		double x = bar_x(l, l->step * (double)i);
		add_rule(l, x, BAR_TOP - 4, x, bottom, RULE_GRID);
		add_value(l, x, bottom + 16, ANCHOR_MIDDLE,
		          l->step * (double)i);
	}
	add_text(l, (BAR_LEFT + BAR_RIGHT) / 2, bottom + 38, ANCHOR_MIDDLE,
	         STYLE_BOLD, ch->value_axis, 60);
	add_text(l, BAR_LEFT - 10, BAR_TOP - 10, ANCHOR_END, STYLE_BOLD,
	         ch->label_axis, 40);
}

static void bar_row(const struct chart *ch, struct chart_layout *l, size_t i)
{
	double y = BAR_TOP + BAR_ROW * (double)i;
	double v = ch->values[i];

	add_text(l, BAR_LEFT - 10, y + BAR_THICK - 4, ANCHOR_END, STYLE_PLAIN,
	         ch->labels[i], CHART_LABEL_MAX);
	if (isnan(v)) {
		add_text(l, BAR_LEFT + 4, y + BAR_THICK - 4, ANCHOR_START,
		         STYLE_MUTED, "no value", 20);
		return;
	}
	if (v < 0)
		v = 0; /* a bar never grows leftwards over the labels */
	l->bars[l->nbars++] = (struct chart_rect){
	        BAR_LEFT, y, bar_x(l, v) - BAR_LEFT, BAR_THICK};
	add_value(l, bar_x(l, v) + 4, y + BAR_THICK - 4, ANCHOR_START,
	          ch->values[i]);
}

static void bars(const struct chart *ch, struct chart_layout *l)
{
	double bottom = BAR_TOP + BAR_ROW * (double)ch->n;
	size_t i;

	l->height = bottom + 60;
	bar_axis(ch, l, bottom);
	for (i = 0; i < ch->n; i++)
		bar_row(ch, l, i);
}

/* ------------------------------------------------------------ line */

static double line_x(const struct chart *ch, size_t i)
{
	if (ch->n < 2)
		return (LINE_LEFT + LINE_RIGHT) / 2;
	return LINE_LEFT +
	       (LINE_RIGHT - LINE_LEFT) * (double)i / (double)(ch->n - 1);
}

static double line_y(const struct chart_layout *l, double v)
{
	if (v < 0)
		v = 0;
	return LINE_BOTTOM - (LINE_BOTTOM - LINE_TOP) * v / l->top;
}

static void line_axes(const struct chart *ch, struct chart_layout *l)
{
	size_t every = (ch->n + LINE_XLABELS - 1) / LINE_XLABELS, i, n;

	n = ticks(l);
	for (i = 0; i < n; i++) {
		double y = line_y(l, l->step * (double)i);
		add_rule(l, LINE_LEFT, y, LINE_RIGHT, y, RULE_GRID);
		add_value(l, LINE_LEFT - 6, y + 4, ANCHOR_END,
		          l->step * (double)i);
	}
	add_rule(l, LINE_LEFT, LINE_TOP, LINE_LEFT, LINE_BOTTOM, RULE_AXIS);
	add_rule(l, LINE_LEFT, LINE_BOTTOM, LINE_RIGHT, LINE_BOTTOM, RULE_AXIS);
	for (i = 0; i < ch->n; i += every ? every : 1)
		add_text(l, line_x(ch, i), LINE_BOTTOM + 18, ANCHOR_MIDDLE,
		         STYLE_PLAIN, ch->labels[i], LINE_XLABEL_MAX);
	add_text(l, (LINE_LEFT + LINE_RIGHT) / 2, LINE_BOTTOM + 50,
	         ANCHOR_MIDDLE, STYLE_BOLD, ch->label_axis, 60);
	add_text(l, 20, (LINE_TOP + LINE_BOTTOM) / 2, ANCHOR_MIDDLE, STYLE_BOLD,
	         ch->value_axis, 40);
	l->texts[l->ntexts - 1].rotated = 1;
}

static void line(const struct chart *ch, struct chart_layout *l)
{
	size_t i;

	l->height = LINE_H;
	line_axes(ch, l);
	for (i = 0; i < ch->n; i++)
		if (!isnan(ch->values[i]))
			l->points[l->npoints++] = (struct chart_point){
			        line_x(ch, i), line_y(l, ch->values[i])};
}

/* ------------------------------------------------------------ entry */

void chart_layout(const struct chart *ch, struct chart_layout *l)
{
	static void (*const kinds[])(const struct chart *,
	                             struct chart_layout *) = {
	        [CHART_BARS] = bars,
	        [CHART_LINE] = line,
	};

	memset(l, 0, sizeof(*l));
	l->kind = ch->kind;
	l->width = CHART_W;
	l->title = chart_clean_text(ch->title, 0);
	reserve(l, ch->n);
	value_scale(ch, l);
	add_text(l, CHART_W / 2, TITLE_Y, ANCHOR_MIDDLE, STYLE_TITLE, ch->title,
	         TITLE_MAX);
	kinds[ch->kind](ch, l);
}

void chart_layout_free(struct chart_layout *l)
{
	size_t i;

	for (i = 0; i < l->ntexts; i++)
		free(l->texts[i].s);
	free(l->texts);
	free(l->rules);
	free(l->bars);
	free(l->points);
	free(l->title);
	memset(l, 0, sizeof(*l));
}
