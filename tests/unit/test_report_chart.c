/* test_report_chart.c: cctns-report's chart layout (server/report/chart.c),
 * the geometry both writers draw, and the PNG writer (chart_png.c): a real
 * PNG of the layout's size, read back with cairo, a pixel inside each bar of
 * the bar colour, the plot's paper white, hostile labels (markup, controls,
 * invalid UTF-8, very long, Devanagari) drawn without a GLib warning (the
 * test runs with G_DEBUG=fatal-warnings), too many rows refused. */
#include <cairo.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"
#include "chart_png.h"
#include "svg.h"
#include "util.h"

#define HOSTILE "<b>bold</b> & <script>x</script> %s %n \x1b[31m"

/* ------------------------------------------------------------ helpers */

static const struct chart_text *find_text(const struct chart_layout *l,
                                          const char *s)
{
	size_t i;

	for (i = 0; i < l->ntexts; i++)
		if (strcmp(l->texts[i].s, s) == 0)
			return &l->texts[i];
	return NULL;
}

static int valid_utf8_no_controls(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
		size_t k;

		if (*p < 0x20 || *p == 0x7F || (*p >= 0x80 && *p < 0xC2) ||
		    *p > 0xF4)
			return 0;
		for (k = 1; k < n; k++)
			if ((p[k] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

struct png {
	unsigned char *buf;
	size_t len, pos;
};

/* Draw ch as a PNG into memory. */
static struct png png_of(const struct chart *ch)
{
	struct png p = {NULL, 0, 0};
	FILE *f = open_memstream((char **)&p.buf, &p.len);

	assert_non_null(f);
	assert_int_equal(chart_png_write(f, ch), CHART_PNG_OK);
	assert_int_equal(fclose(f), 0);
	return p;
}

static cairo_status_t png_read(void *closure, unsigned char *data,
                               unsigned int len)
{
	struct png *p = closure;

	if (p->len - p->pos < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, p->buf + p->pos, len);
	p->pos += len;
	return CAIRO_STATUS_SUCCESS;
}

/* Decode the PNG with cairo (a full decode: a broken file fails here). */
static cairo_surface_t *decode(struct png *p)
{
	cairo_surface_t *s;

	p->pos = 0;
	s = cairo_image_surface_create_from_png_stream(png_read, p);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	return s;
}

/* The 0xRRGGBB colour of pixel (x, y). */
static unsigned pixel(cairo_surface_t *s, int x, int y)
{
	const unsigned char *d = cairo_image_surface_get_data(s);
	uint32_t v;

	memcpy(&v,
	       d + (size_t)y * (size_t)cairo_image_surface_get_stride(s) +
	               (size_t)x * 4,
	       4);
	return v & 0xFFFFFFu;
}

/* Big-endian 32-bit value at b. */
static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

/* ------------------------------------------------------------ layout */

static void bars_are_laid_out_on_a_nice_scale(void **state)
{
	const char *labels[] = {"Agra", "Aligarh", "Mathura"};
	const double values[] = {100, 50, NAN};
	struct chart ch = {CHART_BARS, "T",    "District", "Cases",
	                   3,          labels, values};
	struct chart_layout l;
	const struct chart_text *t;

	(void)state;
	chart_layout(&ch, &l);
	assert_true(l.width == 900 && l.height == 186);
	assert_true(l.step == 20 && l.top == 100);
	/* Six grid lines, 0..100, from x 280 to 830. */
	assert_int_equal(l.nrules, 6);
	assert_true(l.rules[0].x1 == 280 && l.rules[5].x1 == 830);
	/* Two bars (Mathura has no value): full and half width, 22 apart. */
	assert_int_equal(l.nbars, 2);
	assert_true(l.bars[0].x == 280 && l.bars[0].w == 550);
	assert_true(l.bars[1].y - l.bars[0].y == 22 && l.bars[1].w == 275);
	assert_true(l.bars[0].h == 16);
	/* Labels right-aligned left of the bars, on the bar's baseline. */
	t = find_text(&l, "Aligarh");
	assert_non_null(t);
	assert_int_equal(t->anchor, ANCHOR_END);
	assert_true(t->x == 270 && t->y == 60 + 22 + 12);
	t = find_text(&l, "no value");
	assert_non_null(t);
	assert_int_equal(t->style, STYLE_MUTED);
	assert_non_null(find_text(&l, "80"));
	t = find_text(&l, "T");
	assert_non_null(t);
	assert_int_equal(t->style, STYLE_TITLE);
	assert_int_equal(l.npoints, 0);
	chart_layout_free(&l);
}

static void counts_get_whole_number_ticks(void **state)
{
	const char *labels[] = {"A", "B"};
	double values[] = {2, 1};
	struct chart ch = {CHART_BARS, "T", "L", "V", 2, labels, values};
	struct chart_layout l;

	(void)state;
	chart_layout(&ch, &l);
	assert_true(l.step == 1 && l.top == 2);
	assert_null(find_text(&l, "0.5"));
	chart_layout_free(&l);
	values[1] = 0.25;
	chart_layout(&ch, &l);
	assert_true(l.step == 0.5);
	assert_non_null(find_text(&l, "0.5"));
	chart_layout_free(&l);
}

static void line_points_skip_missing_values(void **state)
{
	const char *labels[] = {"2026-01", "2026-02", "2026-03"};
	const double values[] = {4, NAN, 8};
	struct chart ch = {CHART_LINE, "T",    "Month", "Cases",
	                   3,          labels, values};
	struct chart_layout l;
	const struct chart_text *t;

	(void)state;
	chart_layout(&ch, &l);
	assert_true(l.height == 440);
	assert_int_equal(l.npoints, 2);
	assert_true(l.points[0].x == 90 && l.points[0].y == 200);
	assert_true(l.points[1].x == 870 && l.points[1].y == 60);
	assert_non_null(find_text(&l, "2026-02"));
	t = find_text(&l, "Cases");
	assert_non_null(t);
	assert_true(t->rotated);
	/* The two axes are there, black. */
	assert_int_equal(l.rules[l.nrules - 1].kind, RULE_AXIS);
	assert_int_equal(l.rules[l.nrules - 2].kind, RULE_AXIS);
	chart_layout_free(&l);
}

static void line_labels_are_thinned_to_twelve(void **state)
{
	char names[60][8];
	const char *labels[60];
	double values[60];
	struct chart ch = {CHART_LINE, "T",    "Month", "Cases",
	                   60,         labels, values};
	struct chart_layout l;
	size_t i, shown = 0;

	(void)state;
	for (i = 0; i < 60; i++) {
		snprintf(names[i], sizeof(names[i]), "m%02zu", i);
		labels[i] = names[i];
		values[i] = (double)i;
	}
	chart_layout(&ch, &l);
	for (i = 0; i < l.ntexts; i++)
		shown += l.texts[i].s[0] == 'm';
	assert_int_equal(shown, 12);
	assert_int_equal(l.npoints, 60);
	chart_layout_free(&l);
}

static void hostile_text_is_cleaned_and_clipped(void **state)
{
	char longest[400] = "";
	const char *labels[] = {HOSTILE, "bad \xff\xfe utf8 \xe0\x80", longest,
	                        "tab\there\nnewline"};
	const double values[] = {1, 2, 3, 4};
	struct chart ch = {CHART_BARS, HOSTILE, HOSTILE, HOSTILE,
	                   4,          labels,  values};
	struct chart_layout l;
	size_t i;
	char *c;

	(void)state;
	for (i = 0; i < 50; i++)
		strcat(longest, "ग");
	chart_layout(&ch, &l);
	for (i = 0; i < l.ntexts; i++)
		assert_true(valid_utf8_no_controls(l.texts[i].s));
	assert_true(valid_utf8_no_controls(l.title));
	assert_non_null(find_text(&l, "tab here newline"));
	assert_non_null(find_text(&l, "bad ?? utf8 ??"));
	chart_layout_free(&l);
	/* Clipping: max - 1 characters and an ellipsis, never half a letter. */
	c = chart_clean_text(longest, CHART_LABEL_MAX);
	assert_int_equal(strlen(c), 3 * (CHART_LABEL_MAX - 1) + 3);
	assert_string_equal(c + 3 * (CHART_LABEL_MAX - 1), "\xE2\x80\xA6");
	free(c);
	c = chart_clean_text(NULL, 5);
	assert_string_equal(c, "");
	free(c);
	c = chart_clean_text("abcde", 5);
	assert_string_equal(c, "abcde");
	free(c);
}

static void odd_values_stay_inside_the_plot(void **state)
{
	const char *labels[] = {"neg", "zero", "huge"};
	const double values[] = {-5, 0, 1e12};
	struct chart ch = {CHART_BARS, "T", "L", "V", 3, labels, values};
	struct chart_layout l;
	size_t i;

	(void)state;
	chart_layout(&ch, &l);
	for (i = 0; i < l.nbars; i++) {
		assert_true(l.bars[i].w >= 0);
		assert_true(l.bars[i].x + l.bars[i].w <= l.width);
	}
	chart_layout_free(&l);
}

/* The SVG is the same layout: a bar's rect is where the layout says. */
static void svg_draws_the_layout(void **state)
{
	const char *labels[] = {"A", "B"};
	const double values[] = {100, 50};
	struct chart ch = {CHART_BARS, "T", "L", "V", 2, labels, values};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(svg_write(f, &ch), 0);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(buf, "<rect x=\"280.0\" y=\"82.0\" "
	                            "width=\"275.0\" height=\"16.0\""));
	assert_non_null(strstr(buf, "text-anchor=\"end\">B</text>"));
	free(buf);
}

/* ------------------------------------------------------------ PNG */

static void png_is_a_png_of_the_layout_size(void **state)
{
	const char *labels[] = {"Agra", "Aligarh", "Mathura"};
	const double values[] = {100, 50, NAN};
	struct chart ch = {
	        CHART_BARS, "Cases by district", "District", "Cases", 3, labels,
	        values};
	struct png p = png_of(&ch);
	cairo_surface_t *s;

	(void)state;
	assert_true(p.len > 33);
	assert_memory_equal(p.buf, "\x89PNG\r\n\x1a\n", 8);
	assert_memory_equal(p.buf + 12, "IHDR", 4);
	assert_int_equal(be32(p.buf + 16), 900);
	assert_int_equal(be32(p.buf + 20), 186);
	s = decode(&p);
	assert_int_equal(cairo_image_surface_get_width(s), 900);
	assert_int_equal(cairo_image_surface_get_height(s), 186);
	/* Inside the first (full) and the second (half) bar: bar colour. */
	assert_int_equal(pixel(s, 500, 68), CHART_BAR);
	assert_int_equal(pixel(s, 400, 90), CHART_BAR);
	/* Past the end of the half bar, between grid lines: paper. */
	assert_int_equal(pixel(s, 600, 90), CHART_PAPER);
	/* Mathura's row has no bar. */
	assert_int_equal(pixel(s, 400, 112), CHART_PAPER);
	/* Some text was set: dark pixels in the label column of row 1. */
	{
		int x, y, dark = 0;
		for (y = 60; y < 76; y++)
			for (x = 200; x < 275; x++)
				dark += (pixel(s, x, y) & 0xFF) < 0x80;
		assert_true(dark > 10);
	}
	cairo_surface_destroy(s);
	free(p.buf);
}

static void png_line_chart_draws_its_points(void **state)
{
	const char *labels[] = {"2026-01", "2026-02", "2026-03"};
	const double values[] = {4, NAN, 8};
	struct chart ch = {CHART_LINE, "Trend", "Month", "Cases",
	                   3,          labels,  values};
	struct png p = png_of(&ch);
	cairo_surface_t *s = decode(&p);

	(void)state;
	assert_int_equal(cairo_image_surface_get_height(s), 440);
	/* The centre of each point is line colour. */
	assert_int_equal(pixel(s, 90, 200), CHART_BAR);
	assert_int_equal(pixel(s, 870, 60), CHART_BAR);
	cairo_surface_destroy(s);
	free(p.buf);
}

static void png_survives_hostile_labels(void **state)
{
	char longest[3000] = "";
	const char *labels[] = {HOSTILE,
	                        "bad \xff\xfe utf8 \xc0\xaf",
	                        longest,
	                        "सिविल लाइंस",
	                        "\xe2\x80\xae"
	                        "rtl",
	                        ""};
	const double values[] = {1, 2, 3, 4, NAN, -1};
	struct chart ch = {CHART_BARS, HOSTILE, HOSTILE, HOSTILE,
	                   6,          labels,  values};
	struct chart ln = ch;
	struct png p;
	cairo_surface_t *s;
	size_t i;

	(void)state;
	for (i = 0; i < 900; i++)
		strcat(longest, "ग");
	p = png_of(&ch);
	s = decode(&p);
	assert_int_equal(cairo_image_surface_get_height(s), 60 + 6 * 22 + 60);
	cairo_surface_destroy(s);
	free(p.buf);
	ln.kind = CHART_LINE;
	p = png_of(&ln);
	s = decode(&p);
	cairo_surface_destroy(s);
	free(p.buf);
	ln.n = 0; /* an empty chart is still an image */
	p = png_of(&ln);
	s = decode(&p);
	cairo_surface_destroy(s);
	free(p.buf);
}

static void png_refuses_more_rows_than_fit(void **state)
{
	size_t n = (CHART_PNG_MAX_H - 120) / 22 + 1, i;
	const char **labels = xcalloc(n, sizeof(*labels));
	double *values = xcalloc(n, sizeof(*values));
	struct chart ch = {CHART_BARS, "T", "L", "V", n, labels, values};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	for (i = 0; i < n; i++)
		labels[i] = "x";
	assert_int_equal(chart_png_write(f, &ch), CHART_PNG_TOO_BIG);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(len, 0);
	free(buf);
	assert_non_null(strstr(chart_png_strerror(CHART_PNG_TOO_BIG), "svg"));
	ch.n = n - 1; /* one row fewer fits */
	f = open_memstream(&buf, &len);
	assert_int_equal(chart_png_write(f, &ch), CHART_PNG_OK);
	assert_int_equal(fclose(f), 0);
	free(buf);
	free(labels);
	free(values);
}

static void png_reports_a_failed_write(void **state)
{
	const char *labels[] = {"A"};
	const double values[] = {1};
	struct chart ch = {CHART_BARS, "T", "L", "V", 1, labels, values};
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f)
		skip();
	setvbuf(f, NULL, _IONBF, 0);
	assert_int_equal(chart_png_write(f, &ch), CHART_PNG_WRITE);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(bars_are_laid_out_on_a_nice_scale),
	        cmocka_unit_test(counts_get_whole_number_ticks),
	        cmocka_unit_test(line_points_skip_missing_values),
	        cmocka_unit_test(line_labels_are_thinned_to_twelve),
	        cmocka_unit_test(hostile_text_is_cleaned_and_clipped),
	        cmocka_unit_test(odd_values_stay_inside_the_plot),
	        cmocka_unit_test(svg_draws_the_layout),
	        cmocka_unit_test(png_is_a_png_of_the_layout_size),
	        cmocka_unit_test(png_line_chart_draws_its_points),
	        cmocka_unit_test(png_survives_hostile_labels),
	        cmocka_unit_test(png_refuses_more_rows_than_fit),
	        cmocka_unit_test(png_reports_a_failed_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
