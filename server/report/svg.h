/* svg.h: a chart of one report column, written by hand as SVG: horizontal
 * bars (one per row, for categories) or a line (for months). Pure: no
 * database, unit-tested in tests/unit/test_report_format.c. */
#ifndef CCTNS_REPORT_SVG_H
#define CCTNS_REPORT_SVG_H

#include <stddef.h>
#include <stdio.h>

enum chart_kind {
	CHART_BARS, /* one horizontal bar per label */
	CHART_LINE, /* a line through the points, labels along the x axis */
};

/* n points; values[i] is NaN where the report had no value (SQL NULL): no
 * bar or point is drawn there. Every string is escaped on output. */
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
#define SVG_LABEL_MAX 32

/* Write the whole SVG document. Returns 0, or -1 when writing failed. */
int svg_write(FILE *out, const struct chart *ch)
        __attribute__((warn_unused_result));

/* The axis scale: the smallest "nice" step (1, 2 or 5 times a power of ten)
 * that covers max in at most ticks steps. max <= 0 gives 1. */
double svg_nice_step(double max, int ticks);

#endif
