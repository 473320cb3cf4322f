/* format.c: text, CSV and HTML printers of a report table, and the CSV and
 * XML escaping they share with the SVG chart (see format.h). */
#include "format.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* What a NULL cell looks like in the aligned text table. */
#define TEXT_NULL "-"

const char *rtable_cell(const struct rtable *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int is_bad_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

/* ------------------------------------------------------------ text */

/* Terminal-safe: C0 controls, DEL (escape sequences, CR) and the C1 controls
 * U+0080..U+009F (UTF-8 C2 80..C2 9F; U+009B is a CSI) print as '?'. */
static void text_put(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == 0xC2 && ((unsigned char)s[1] & 0xE0) == 0x80) {
			fputc('?', out);
			s++;
			continue;
		}
		fputc(c < 0x20 || c == 0x7F ? '?' : c, out);
	}
}

static void text_pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

static void text_cell(FILE *out, const char *s, size_t width, int right)
{
	size_t len = utf8_chars(s);
	size_t pad = width > len ? width - len : 0;

	if (right)
		text_pad(out, pad);
	text_put(out, s);
	if (!right)
		text_pad(out, pad);
}

static size_t column_width(const struct rtable *t, size_t col)
{
	size_t w = utf8_chars(t->cols[col].heading), r;

	for (r = 0; r < t->nrows; r++) {
		const char *c = rtable_cell(t, r, col);
		size_t n = utf8_chars(c ? c : TEXT_NULL);
		if (n > w)
			w = n;
	}
	return w;
}

static void text_row(FILE *out, const struct rtable *t, const size_t *width,
                     size_t row)
{
	size_t c;

	for (c = 0; c < t->ncols; c++) {
		const char *v = rtable_cell(t, row, c);
		if (c)
			fputs("  ", out);
		/* The last left-aligned column is not padded: no trailing
		 * blanks. */
		text_cell(out, v ? v : TEXT_NULL,
		          c + 1 == t->ncols && !t->cols[c].numeric ? 0
		                                                   : width[c],
		          t->cols[c].numeric);
	}
	fputc('\n', out);
}

static void text_header(FILE *out, const struct rtable *t, const size_t *width)
{
	size_t c, total = 0;

	for (c = 0; c < t->ncols; c++) {
		if (c)
			fputs("  ", out);
		text_cell(out, t->cols[c].heading,
		          c + 1 == t->ncols && !t->cols[c].numeric ? 0
		                                                   : width[c],
		          t->cols[c].numeric);
		total += width[c] + (c ? 2 : 0);
	}
	fputc('\n', out);
	while (total--)
		fputc('-', out);
	fputc('\n', out);
}

int print_text(FILE *out, const struct rtable *t)
{
	size_t *width = xcalloc(t->ncols ? t->ncols : 1, sizeof(*width));
	size_t c, r;

	for (c = 0; c < t->ncols; c++)
		width[c] = column_width(t, c);
	if (t->title) {
		text_put(out, t->title);
		fputs("\n\n", out);
	}
	text_header(out, t, width);
	for (r = 0; r < t->nrows; r++)
		text_row(out, t, width, r);
	free(width);
	return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------------ CSV */

void csv_put(FILE *out, const char *s, int numeric)
{
	size_t len = strlen(s);
	int guard = !numeric && len && strchr("=+-@\t\r", s[0]);
	int quote = strpbrk(s, ",\"\r\n") != NULL || guard ||
	            (len && (s[0] == ' ' || s[len - 1] == ' '));

	if (quote)
		fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

int print_csv(FILE *out, const struct rtable *t)
{
	size_t c, r;

	for (c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', out);
		csv_put(out, t->cols[c].name, 0);
	}
	fputs("\r\n", out);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const char *v = rtable_cell(t, r, c);
			if (c)
				fputc(',', out);
			if (v)
				csv_put(out, v, t->cols[c].numeric);
		}
		fputs("\r\n", out);
	}
	return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------------ HTML */

/* Entities for the five characters XML and HTML treat specially. */
static const char *const xml_entity[128] = {
        ['&'] = "&amp;",  ['<'] = "&lt;",   ['>'] = "&gt;",
        ['"'] = "&quot;", ['\''] = "&#39;",
};

static void xml_putc(FILE *out, unsigned char c)
{
	if (c < 128 && xml_entity[c])
		fputs(xml_entity[c], out);
	else
		fputc(is_bad_control(c) ? '?' : c, out);
}

void xml_put(FILE *out, const char *s)
{
	for (; *s; s++)
		xml_putc(out, (unsigned char)*s);
}

void xml_put_clipped(FILE *out, const char *s, size_t max)
{
	size_t n = 0, keep;

	if (utf8_chars(s) <= max) {
		xml_put(out, s);
		return;
	}
	keep = max ? max - 1 : 0;
	for (; *s; s++) {
		if (((unsigned char)*s & 0xC0) != 0x80 && n++ == keep)
			break;
		xml_putc(out, (unsigned char)*s);
	}
	if (max)
		fputs("\xE2\x80\xA6", out); /* U+2026 HORIZONTAL ELLIPSIS */
}

static void html_cell(FILE *out, const char *tag, const char *v, int numeric)
{
	fprintf(out, "<%s%s>", tag, numeric ? " class=\"num\"" : "");
	if (v)
		xml_put(out, v);
	fprintf(out, "</%s>", tag);
}

static const char html_head[] = "<!DOCTYPE html>\n"
                                "<html lang=\"en\">\n"
                                "<head>\n"
                                "<meta charset=\"utf-8\">\n"
                                "<title>";
static const char html_style[] =
        "</title>\n"
        "<style>\n"
        "table{border-collapse:collapse;font-family:sans-serif}\n"
        "th,td{border:1px solid #999;padding:2px 6px}\n"
        "th{background:#eee}\n"
        ".num{text-align:right}\n"
        "</style>\n"
        "</head>\n"
        "<body>\n"
        "<table>\n";

int print_html(FILE *out, const struct rtable *t)
{
	const char *title = t->title ? t->title : "CCTNS report";
	size_t c, r;

	fputs(html_head, out);
	xml_put(out, title);
	fputs(html_style, out);
	fputs("<caption>", out);
	xml_put(out, title);
	fputs("</caption>\n<thead><tr>", out);
	for (c = 0; c < t->ncols; c++)
		html_cell(out, "th", t->cols[c].heading, t->cols[c].numeric);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (r = 0; r < t->nrows; r++) {
		fputs("<tr>", out);
		for (c = 0; c < t->ncols; c++)
			html_cell(out, "td", rtable_cell(t, r, c),
			          t->cols[c].numeric);
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n</body>\n</html>\n", out);
	return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------------ lookup */

static const struct printer {
	const char *name;
	rtable_printer print;
} printers[] = {
        {"text", print_text},
        {"csv", print_csv},
        {"html", print_html},
};

rtable_printer printer_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(printers); i++)
		if (strcmp(name, printers[i].name) == 0)
			return printers[i].print;
	return NULL;
}
