/* svg.h: a chart (chart.h) written as an SVG document: the chart's layout
 * drawn with <line>, <rect>, <polyline>, <circle> and <text>, every string
 * escaped. Pure: no database, unit-tested in tests/unit/test_report_format.c
 * and test_report_chart.c. */
#ifndef CCTNS_REPORT_SVG_H
#define CCTNS_REPORT_SVG_H

#include <stdio.h>

#include "chart.h"

/* Write the whole SVG document. Returns 0, or -1 when writing failed. */
int svg_write(FILE *out, const struct chart *ch)
        __attribute__((warn_unused_result));

#endif
