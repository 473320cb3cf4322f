/* chart.h: a chart of one report column, and its layout: where every grid
 * line, bar, point and piece of text goes, in pixels. Pure (no I/O, no
 * drawing library): the SVG writer (svg.c) and the PNG writer (png.c) both
 * draw the same layout, so a chart looks the same in either format.
 * Unit-tested in tests/unit/test_report_chart.c. */
#ifndef CCTNS_REPORT_CHART_H
#define CCTNS_REPORT_CHART_H

#include <stddef.h>

enum chart_kind {
	CHART_BARS, /* one horizontal bar per label */
	CHART_LINE, /* a line through the points, labels along the x axis */
};

/* n points; values[i] is NaN where the report had no value (SQL NULL): no
 * bar or point is drawn there. Strings may hold anything: the layout clips
 * them and replaces control characters and invalid UTF-8 (chart_clean_text). */
struct chart {
	enum chart_kind kind;
	const char *title;
	const char *label_axis; /* what the labels are, e.g. "State/UT" */
	const char *value_axis; /* what the values are, e.g. "Cases" */
	size_t n;
	const char *const *labels;
	const double *values;
};

/* Labels longer than this many characters are clipped with an ellipsis. */
#define CHART_LABEL_MAX 32

/* The colours (0xRRGGBB) every writer uses. */
#define CHART_INK   0x000000u /* axes and text */
#define CHART_GRID  0xddddddu /* grid lines */
#define CHART_BAR   0x3b6ea5u /* bars, the line and its points */
#define CHART_MUTED 0x666666u /* "no value" */
#define CHART_PAPER 0xffffffu /* background */

/* Font sizes in pixels. */
#define CHART_FONT_PX  12.0
#define CHART_TITLE_PX 16.0
/* Radius of a point on the line; width of the line. */
#define CHART_POINT_R 3.0
#define CHART_LINE_W  2.0

enum chart_rule_kind { RULE_GRID, RULE_AXIS };
enum chart_anchor { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END };
enum chart_style {
	STYLE_PLAIN, /* 12 px */
	STYLE_BOLD,  /* 12 px bold: axis names */
	STYLE_TITLE, /* 16 px bold */
	STYLE_MUTED, /* 12 px grey: "no value" */
};

struct chart_rule {
	double x1, y1, x2, y2;
	enum chart_rule_kind kind;
};

struct chart_rect {
	double x, y, w, h;
};

struct chart_point {
	double x, y;
};

/* A piece of text: (x, y) is the baseline point the anchor refers to;
 * rotated text runs bottom to top (turned 90 degrees anticlockwise about
 * (x, y)). s is clipped, valid UTF-8 without control characters (owned). */
struct chart_text {
	double x, y;
	enum chart_anchor anchor;
	enum chart_style style;
	int rotated;
	char *s;
};

/* Everything to draw, in painting order: rules, bars, the line through the
 * points (CHART_LINE; a gap where a value is missing is simply skipped),
 * the points, then the texts. */
struct chart_layout {
	double width, height;
	enum chart_kind kind;
	char *title; /* the document title (cleaned, not clipped; owned) */
	struct chart_rule *rules;
	size_t nrules;
	struct chart_rect *bars;
	size_t nbars;
	struct chart_point *points;
	size_t npoints;
	struct chart_text *texts;
	size_t ntexts;
	double step, top; /* the value axis: tick step and its top value */
};

/* Lay ch out. Never fails (aborts when out of memory); free with
 * chart_layout_free. */
void chart_layout(const struct chart *ch, struct chart_layout *l);
void chart_layout_free(struct chart_layout *l);

/* The axis scale: the smallest "nice" step (1, 2 or 5 times a power of ten)
 * that covers max in at most ticks steps. max <= 0 gives 1. */
double chart_nice_step(double max, int ticks);

/* A copy of s (NULL as "") of at most max characters, the last an ellipsis
 * when s was longer (max 0: no limit); TAB, CR and LF become spaces, other
 * control characters and each invalid UTF-8 byte '?'. The caller frees it. */
char *chart_clean_text(const char *s, size_t max);

#endif
