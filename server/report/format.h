/* format.h: the pure half of cctns-report: a result table held as borrowed
 * strings, and its printers (aligned text, CSV, HTML) and the escaping they
 * rest on. No database here, so every function is unit-tested on its own
 * (tests/unit/test_report_format.c). */
#ifndef CCTNS_REPORT_FORMAT_H
#define CCTNS_REPORT_FORMAT_H

#include <stddef.h>
#include <stdio.h>

/* One column: its machine name (the view's column, used as the CSV header),
 * its heading for people (text and HTML), and whether it holds numbers
 * (right-aligned, never formula-guarded). */
struct rcol {
	const char *name;
	const char *heading;
	int numeric;
};

/* A table of nrows x ncols cells, row-major; a NULL cell is SQL NULL. The
 * table borrows every string. */
struct rtable {
	const char *title;
	size_t ncols, nrows;
	const struct rcol *cols;
	const char *const *cells;
};

/* Cell (row, col). */
const char *rtable_cell(const struct rtable *t, size_t row, size_t col);

/* Printers. Each returns 0, or -1 when writing to out failed. */
typedef int (*rtable_printer)(FILE *out, const struct rtable *t);
int print_text(FILE *out, const struct rtable *t)
        __attribute__((warn_unused_result));
int print_csv(FILE *out, const struct rtable *t)
        __attribute__((warn_unused_result));
int print_html(FILE *out, const struct rtable *t)
        __attribute__((warn_unused_result));

/* The printer named "text", "csv" or "html"; NULL for any other name. */
rtable_printer printer_by_name(const char *name);

/* Number of characters (UTF-8 code points) in s. */
size_t utf8_chars(const char *s);

/* One CSV field (RFC 4180): quoted when it holds a comma, quote, CR, LF or
 * leading/trailing space; quotes doubled. A text field starting with = + - @
 * TAB or CR gets a leading ' so a spreadsheet never runs it as a formula. */
void csv_put(FILE *out, const char *s, int numeric);

/* s with & < > " ' as entities, for HTML and SVG (XML) text and attribute
 * values. Control characters other than TAB and LF, which XML 1.0 cannot
 * carry, become '?'. */
void xml_put(FILE *out, const char *s);

/* At most max characters of s (UTF-8 safe), to out; when s is longer, the
 * first max-1 characters and an ellipsis. Used for chart labels. */
void xml_put_clipped(FILE *out, const char *s, size_t max);

#endif
