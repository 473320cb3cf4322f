/* test_report_format.c: cctns-report's pure formatting (server/report):
 * CSV quoting and formula guard, HTML/XML escaping of hostile names, the
 * aligned text table, and the SVG chart's layout, scale and escaping. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "format.h"
#include "svg.h"
#include "util.h"

#define HOSTILE "<script>alert(\"x\")</script> & 'co' ]]>"

/* ------------------------------------------------------------ capture */

struct sink {
	char *buf;
	size_t len;
	FILE *f;
};

static FILE *sink_open(struct sink *s)
{
	s->buf = NULL;
	s->len = 0;
	s->f = open_memstream(&s->buf, &s->len);
	assert_non_null(s->f);
	return s->f;
}

/* Close and return the text (the caller frees it). */
static char *sink_close(struct sink *s)
{
	assert_int_equal(fclose(s->f), 0);
	return s->buf;
}

static char *csv_of(const char *v, int numeric)
{
	struct sink s;

	csv_put(sink_open(&s), v, numeric);
	return sink_close(&s);
}

static char *xml_of(const char *v)
{
	struct sink s;

	xml_put(sink_open(&s), v);
	return sink_close(&s);
}

static const struct rcol cols[] = {
        {"district_name", "District", 0},
        {"cases", "Cases", 1},
        {"rate", "Rate", 1},
};

/* Three rows, one with a NULL rate, names in Devanagari and hostile. */
static const char *const cells[] = {
        "आगरा",
        "12",
        "3.4", /* */
        "Ali, \"garh\"\nEast",
        "7",
        NULL, /* */
        HOSTILE "\x1b[2J",
        "1234",
        "100.0", /* */
};

static const struct rtable table = {"Title & <more>", 3, 3, cols, cells};

static char *print_with(rtable_printer p)
{
	struct sink s;

	assert_int_equal(p(sink_open(&s), &table), 0);
	return sink_close(&s);
}

/* ------------------------------------------------------------ CSV */

static void csv_quotes_only_when_needed(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	        {"plain", "plain"},
	        {"a,b", "\"a,b\""},
	        {"say \"hi\"", "\"say \"\"hi\"\"\""},
	        {"two\nlines", "\"two\nlines\""},
	        {"cr\r", "\"cr\r\""},
	        {" lead", "\" lead\""},
	        {"trail ", "\"trail \""},
	        {"", ""},
	        {"आगरा", "आगरा"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = csv_of(cases[i].in, 0);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

static void csv_guards_formulas_in_text_but_not_numbers(void **state)
{
	static const struct {
		const char *in;
		int numeric;
		const char *out;
	} cases[] = {
	        {"=HYPERLINK(\"http://x\")", 0,
	         "\"'=HYPERLINK(\"\"http://x\"\")\""},
	        {"+91", 0, "\"'+91\""},
	        {"-x", 0, "\"'-x\""},
	        {"@SUM(A1)", 0, "\"'@SUM(A1)\""},
	        {"-3.5", 1, "-3.5"},
	        {"a=b", 0, "a=b"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = csv_of(cases[i].in, cases[i].numeric);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

static void csv_table_has_names_crlf_and_empty_nulls(void **state)
{
	char *got = print_with(print_csv);

	(void)state;
	assert_string_equal(
	        got, "district_name,cases,rate\r\n"
	             "आगरा,12,3.4\r\n"
	             "\"Ali, \"\"garh\"\"\nEast\",7,\r\n"
	             "\"<script>alert(\"\"x\"\")</script> & 'co' ]]>\x1b[2J\","
	             "1234,100.0\r\n");
	free(got);
}

/* ------------------------------------------------------------ HTML */

static void xml_escapes_markup_and_drops_controls(void **state)
{
	char *got = xml_of(HOSTILE "\x01\x7f\ttab\nlf");

	(void)state;
	assert_string_equal(got, "&lt;script&gt;alert(&quot;x&quot;)&lt;/"
	                         "script&gt; &amp; &#39;co&#39; ]]&gt;??\ttab"
	                         "\nlf");
	free(got);
}

static void html_table_escapes_every_cell_and_title(void **state)
{
	char *got = print_with(print_html);

	(void)state;
	assert_null(strstr(got, "<script"));
	assert_null(strstr(got, "\x1b"));
	assert_non_null(strstr(got, "<title>Title &amp; &lt;more&gt;</title>"));
	assert_non_null(strstr(got, "<td>&lt;script&gt;alert(&quot;x&quot;)"));
	assert_non_null(strstr(got, "<th class=\"num\">Cases</th>"));
	assert_non_null(strstr(got, "<td class=\"num\">7</td>"
	                            "<td class=\"num\"></td></tr>"));
	assert_non_null(strstr(got, "<td>आगरा</td>"));
	free(got);
}

/* ------------------------------------------------------------ text */

static void text_aligns_by_characters_and_hides_controls(void **state)
{
	char *got = print_with(print_text);
	const char *want_head = "Title & <more>\n\n"
	                        "District";
	const char *hostile_row;
	char want[128];

	(void)state;
	assert_memory_equal(got, want_head, strlen(want_head));
	/* The widest name is HOSTILE plus one escape character (shown '?'
	 * with its "[2J"): 42 characters, so four-letter आगरा gets 38 blanks
	 * and the separator; numbers right-aligned under "Cases" (5) and
	 * "Rate" (5). */
	snprintf(want, sizeof(want), "\nआगरा%43s12    3.4\n", "");
	assert_non_null(strstr(got, want));
	assert_non_null(strstr(got, "East"));
	assert_null(strstr(got, "\x1b"));
	hostile_row = strstr(got, "?[2J");
	assert_non_null(hostile_row);
	assert_string_equal(hostile_row, "?[2J   1234  100.0\n");
	/* NULL prints as "-". */
	assert_non_null(strstr(got, "      7      -\n"));
	free(got);
}

static void text_hides_c1_controls_but_keeps_latin1_letters(void **state)
{
	static const struct rcol one[] = {{"name", "Name", 0}};
	const char *const cell[] = {"a\xC2\x9B"
	                            "31mb \xC3\xA9\xC2\xA0"
	                            "c"};
	const struct rtable t = {NULL, 1, 1, one, cell};
	struct sink s;
	char *got;

	(void)state;
	assert_int_equal(print_text(sink_open(&s), &t), 0);
	got = sink_close(&s);
	assert_string_equal(got, "Name\n----------\na?31mb \xC3\xA9\xC2\xA0"
	                         "c\n");
	free(got);
}

static void printers_are_found_by_name(void **state)
{
	(void)state;
	assert_ptr_equal(printer_by_name("text"), print_text);
	assert_ptr_equal(printer_by_name("csv"), print_csv);
	assert_ptr_equal(printer_by_name("html"), print_html);
	assert_null(printer_by_name("pdf"));
	assert_null(printer_by_name(""));
}

/* ------------------------------------------------------------ SVG */

static char *svg_of(const struct chart *ch)
{
	struct sink s;

	assert_int_equal(svg_write(sink_open(&s), ch), 0);
	return sink_close(&s);
}

/* Every & starts one of the five entities; no raw < inside text. */
static void assert_entities_only(const char *svg)
{
	static const char *const ok[] = {"&amp;", "&lt;", "&gt;", "&quot;",
	                                 "&#39;"};
	const char *p;

	for (p = strchr(svg, '&'); p; p = strchr(p + 1, '&')) {
		size_t i;
		for (i = 0; i < ARRAY_LEN(ok); i++)
			if (strncmp(p, ok[i], strlen(ok[i])) == 0)
				break;
		assert_true(i < ARRAY_LEN(ok));
	}
}

static void svg_nice_steps(void **state)
{
	static const struct {
		double max, step;
	} cases[] = {
	        {0, 1},   {-5, 1},   {3, 1},      {5, 1},     {6, 2},
	        {47, 10}, {100, 20}, {1234, 500}, {0.7, 0.2},
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++)
		assert_true(fabs(chart_nice_step(cases[i].max, 5) -
		                 cases[i].step) < 1e-9);
	assert_true(chart_nice_step(NAN, 5) == 1);
}

static void svg_bars_scale_to_the_nice_top(void **state)
{
	const char *labels[] = {"A", "B", "C"};
	const double values[] = {100, 50, NAN};
	struct chart ch = {CHART_BARS, "T",    "State", "Cases",
	                   3,          labels, values};
	char *svg = svg_of(&ch);

	(void)state;
	/* 60 px top, 3 rows of 22, 60 px bottom. */
	assert_non_null(strstr(svg, "height=\"186\""));
	/* Top of scale 100: full bar 550 px, half bar 275 px. */
	assert_non_null(strstr(svg, "width=\"550.0\" height=\"16.0\""));
	assert_non_null(strstr(svg, "width=\"275.0\" height=\"16.0\""));
	assert_non_null(strstr(svg, ">no value</text>"));
	/* Ticks 0, 20, ... 100 and both axis names. */
	assert_non_null(strstr(svg, ">80</text>"));
	assert_non_null(strstr(svg, ">Cases</text>"));
	assert_non_null(strstr(svg, ">State</text>"));
	assert_non_null(strstr(svg, "</svg>\n"));
	free(svg);
}

static void svg_counts_get_whole_number_ticks(void **state)
{
	const char *labels[] = {"A", "B"};
	double values[] = {2, 1};
	struct chart ch = {CHART_BARS, "T", "L", "V", 2, labels, values};
	char *svg = svg_of(&ch);

	(void)state;
	assert_null(strstr(svg, ">0.5</text>"));
	assert_non_null(strstr(svg, ">1</text>"));
	free(svg);
	values[1] = 0.25; /* rates keep their fractional steps */
	svg = svg_of(&ch);
	assert_non_null(strstr(svg, ">0.5</text>"));
	free(svg);
}

static void svg_escapes_hostile_title_axes_and_labels(void **state)
{
	const char *labels[] = {HOSTILE, "x\x1b"
	                                 "y"};
	const double values[] = {1, 2};
	struct chart ch = {CHART_BARS, HOSTILE, HOSTILE, HOSTILE,
	                   2,          labels,  values};
	struct chart ln = ch;
	char *svg = svg_of(&ch), *svg2;

	(void)state;
	assert_null(strstr(svg, "<script"));
	assert_null(strstr(svg, "]]>"));
	assert_null(strstr(svg, "\x1b"));
	assert_non_null(strstr(svg, "<title>&lt;script&gt;"));
	assert_entities_only(svg);
	ln.kind = CHART_LINE;
	svg2 = svg_of(&ln);
	assert_null(strstr(svg2, "<script"));
	assert_entities_only(svg2);
	free(svg);
	free(svg2);
}

static void svg_clips_long_labels_on_character_boundaries(void **state)
{
	char label[400] = "";
	const char *labels[] = {label};
	const double values[] = {5};
	struct chart ch = {CHART_BARS, "T", "D", "V", 1, labels, values};
	char *svg, *p, *end;
	int i;

	(void)state;
	for (i = 0; i < 50; i++)
		strcat(label, "ग"); /* 3 bytes each */
	svg = svg_of(&ch);
	assert_true(utf8_valid(svg, strlen(svg)));
	p = strstr(svg, "ग");
	assert_non_null(p);
	end = strstr(p, "</text>");
	assert_non_null(end);
	*end = 0;
	/* CHART_LABEL_MAX - 1 letters and the ellipsis. */
	assert_int_equal(utf8_chars(p), CHART_LABEL_MAX);
	assert_string_equal(p + 3 * (CHART_LABEL_MAX - 1), "\xE2\x80\xA6");
	free(svg);
}

static void svg_line_skips_missing_points(void **state)
{
	const char *labels[] = {"2026-01", "2026-02", "2026-03"};
	const double values[] = {4, NAN, 8};
	struct chart ch = {CHART_LINE, "T",    "Month", "Cases",
	                   3,          labels, values};
	char *svg = svg_of(&ch);
	const char *p = svg;
	int circles = 0;

	(void)state;
	while ((p = strstr(p, "<circle")) != NULL) {
		circles++;
		p++;
	}
	assert_int_equal(circles, 2);
	/* First point at the left edge, last at the right; 8 is the top of
	 * the scale (step 2), 4 half-way down 60..340. */
	assert_non_null(strstr(svg, "points=\"90.0,200.0 870.0,60.0\""));
	assert_non_null(strstr(svg, ">2026-02</text>"));
	free(svg);
}

static void svg_single_point_and_empty_chart_are_drawn(void **state)
{
	const char *labels[] = {"2026-05"};
	const double values[] = {0};
	struct chart ch = {CHART_LINE, "T",    "Month", "Cases",
	                   1,          labels, values};
	char *svg = svg_of(&ch);

	(void)state;
	assert_non_null(strstr(svg, "cx=\"480.0\""));
	free(svg);
	ch.kind = CHART_BARS;
	ch.n = 0;
	svg = svg_of(&ch);
	assert_non_null(strstr(svg, "</svg>"));
	free(svg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(csv_quotes_only_when_needed),
	        cmocka_unit_test(csv_guards_formulas_in_text_but_not_numbers),
	        cmocka_unit_test(csv_table_has_names_crlf_and_empty_nulls),
	        cmocka_unit_test(xml_escapes_markup_and_drops_controls),
	        cmocka_unit_test(html_table_escapes_every_cell_and_title),
	        cmocka_unit_test(text_aligns_by_characters_and_hides_controls),
	        cmocka_unit_test(
	                text_hides_c1_controls_but_keeps_latin1_letters),
	        cmocka_unit_test(printers_are_found_by_name),
	        cmocka_unit_test(svg_nice_steps),
	        cmocka_unit_test(svg_bars_scale_to_the_nice_top),
	        cmocka_unit_test(svg_counts_get_whole_number_ticks),
	        cmocka_unit_test(svg_escapes_hostile_title_axes_and_labels),
	        cmocka_unit_test(svg_clips_long_labels_on_character_boundaries),
	        cmocka_unit_test(svg_line_skips_missing_points),
	        cmocka_unit_test(svg_single_point_and_empty_chart_are_drawn),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
