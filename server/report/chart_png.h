/* chart_png.h: a chart (chart.h) drawn as a PNG image: the same layout as
 * the SVG, painted with cairo on an RGB image surface, the text set with
 * pango (fontconfig finds DejaVu Sans, and a Devanagari font for Hindi
 * names). Unit-tested in tests/unit/test_report_chart.c. */
#ifndef CCTNS_REPORT_CHART_PNG_H
#define CCTNS_REPORT_CHART_PNG_H

#include <stdio.h>

#include "chart.h"

/* The tallest image drawn, in pixels: a bar chart of more rows than fit
 * (about 740) is refused; the SVG has no such limit. */
#define CHART_PNG_MAX_H 16384

enum chart_png_result {
	CHART_PNG_OK = 0,
	CHART_PNG_WRITE = -1,   /* writing to out failed */
	CHART_PNG_TOO_BIG = -2, /* more rows than CHART_PNG_MAX_H holds */
	CHART_PNG_DRAWING = -3, /* cairo could not draw (out of memory) */
};

/* Draw ch and write it to out as a PNG. */
enum chart_png_result chart_png_write(FILE *out, const struct chart *ch)
        __attribute__((warn_unused_result));

/* What a result means, for an error message. */
const char *chart_png_strerror(enum chart_png_result r);

#endif
