/* import_csv.c (issue 7): the RFC 4180 tokenizer of CSV import files (see
 * import_csv.h). Works over the whole file in memory (the importer maps
 * it), keeps each record's unescaped fields in one buffer, and on a
 * malformed record says which line and column, then goes on: after a quote
 * never closed, with the line after the one it opened on; otherwise with
 * the line after the one where the fault was found. */
#include "import_csv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void csv_init(struct csv_reader *r, const char *s, size_t n, size_t max)
{
	memset(r, 0, sizeof(*r));
	r->s = s;
	r->n = n;
	r->max = max;
	r->line = 1;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
}

void csv_free(struct csv_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->len = r->cap = 0;
}

const char *csv_field(const struct csv_reader *r, size_t i, size_t *len)
{
	if (i >= r->nfields) {
		if (len)
			*len = 0;
		return "";
	}
	if (len)
		*len = r->flen[i];
	return r->buf + r->off[i];
}

static void put(struct csv_reader *r, const char *p, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap < r->len + n + 1)
			cap *= 2;
		r->buf = xrealloc(r->buf, cap);
		r->cap = cap;
	}
	memcpy(r->buf + r->len, p, n);
	r->len += n;
}

__attribute__((format(printf, 3, 4))) static void
fault(struct csv_error *e, size_t column, const char *fmt, ...)
{
	va_list ap;

	e->column = column;
	e->unclosed = 0;
	va_start(ap, fmt);
	vsnprintf(e->reason, sizeof(e->reason), fmt, ap);
	va_end(ap);
}

/* Go on after the physical line holding byte `at`; the refused record ends
 * at that line's end. */
static int resync_after(struct csv_reader *r, size_t at, long long line)
{
	const char *nl = memchr(r->s + at, '\n', r->n - at);
	size_t e = nl ? (size_t)(nl - r->s) : r->n;

	r->end = e > r->start && r->s[e - 1] == '\r' && nl ? e - 1 : e;
	if (r->end < r->start)
		r->end = r->start;
	r->pos = nl ? e + 1 : r->n;
	r->line = line + (nl ? 1 : 0);
	r->nfields = 0;
	return -1;
}

/* Blank lines and # comments between records. */
static void skip_blank(struct csv_reader *r)
{
	while (r->pos < r->n) {
		const char *p = r->s + r->pos;
		size_t left = r->n - r->pos;
		if (p[0] == '\n') {
			r->pos++;
		} else if (p[0] == '\r' && left > 1 && p[1] == '\n') {
			r->pos += 2;
		} else if (p[0] == '#') {
			const char *nl = memchr(p, '\n', left);
			r->pos = nl ? (size_t)(nl - r->s) + 1 : r->n;
			if (!nl)
				return;
		} else {
			return;
		}
		r->line++;
	}
}

/* A quoted field from just after its opening quote to just after its
 * closing one. 0, or -1 (quote never closed, or the record too long). */
static int quoted(struct csv_reader *r, size_t col, long long open_line,
                  struct csv_error *e)
{
	const char *s = r->s;
	size_t lim =
	        r->start + r->max + 1 < r->n ? r->start + r->max + 1 : r->n;

	for (;;) {
		const char *q = r->pos < lim
		                        ? memchr(s + r->pos, '"', lim - r->pos)
		                        : NULL;
		size_t at;
		if (!q)
			break;
		at = (size_t)(q - s);
		for (const char *c = s + r->pos; c < q; c++)
			if (*c == '\n')
				r->line++;
		put(r, s + r->pos, at - r->pos);
		if (at + 1 < r->n && s[at + 1] == '"') {
			put(r, "\"", 1);
			r->pos = at + 2;
			continue;
		}
		r->pos = at + 1;
		return 0;
	}
	if (lim < r->n)
		fault(e, col,
		      "column %zu: the record is longer than %zu bytes (a "
		      "quote not closed?)",
		      col, r->max);
	else {
		fault(e, col,
		      "column %zu: the quote opened on line %lld is never "
		      "closed",
		      col, open_line);
		e->unclosed = 1;
	}
	return -1;
}

/* An unquoted field up to the next comma or line end. */
static int unquoted(struct csv_reader *r, size_t col, struct csv_error *e)
{
	const char *s = r->s;
	size_t from = r->pos;

	while (r->pos < r->n) {
		char c = s[r->pos];
		if (c == ',' || c == '\n' ||
		    (c == '\r' && r->pos + 1 < r->n && s[r->pos + 1] == '\n'))
			break;
		if (c == '"') {
			fault(e, col,
			      "column %zu: a quote inside a field not in "
			      "quotes (quote the whole field and double the "
			      "quote: \"\")",
			      col);
			return -1;
		}
		if (c == '\r') {
			fault(e, col,
			      "column %zu: a carriage return not followed by a "
			      "line feed outside quotes",
			      col);
			return -1;
		}
		r->pos++;
		if (r->pos - r->start > r->max) {
			fault(e, col,
			      "column %zu: the record is longer than %zu bytes",
			      col, r->max);
			return -1;
		}
	}
	put(r, s + from, r->pos - from);
	return 0;
}

/* After a field: a comma (1: another field), a line end or the end of the
 * input (0: the record is complete), anything else -1. */
static int separator(struct csv_reader *r, size_t col, struct csv_error *e)
{
	const char *s = r->s;

	if (r->pos >= r->n) {
		r->end = r->n;
		return 0;
	}
	if (s[r->pos] == ',') {
		r->pos++;
		return 1;
	}
	if (s[r->pos] == '\n' ||
	    (s[r->pos] == '\r' && r->pos + 1 < r->n && s[r->pos + 1] == '\n')) {
		r->end = r->pos;
		r->pos += s[r->pos] == '\r' ? 2 : 1;
		r->line++;
		return 0;
	}
	fault(e, col,
	      "column %zu: text after the closing quote (a quote inside a "
	      "quoted field is written \"\")",
	      col);
	return -1;
}

/* A field's content: no NUL byte, valid UTF-8. */
static int content_ok(const struct csv_reader *r, size_t i, struct csv_error *e)
{
	const char *f = r->buf + r->off[i];

	if (memchr(f, '\0', r->flen[i])) {
		fault(e, i + 1, "column %zu: contains a NUL byte", i + 1);
		return 0;
	}
	if (!utf8_valid(f, r->flen[i])) {
		fault(e, i + 1, "column %zu: not valid UTF-8", i + 1);
		return 0;
	}
	return 1;
}

int csv_next(struct csv_reader *r, struct csv_error *e)
{
	int more, soft = 0;

	r->nfields = 0;
	r->len = 0;
	skip_blank(r);
	if (r->pos >= r->n)
		return 0;
	r->start = r->pos;
	r->first = r->line;
	do {
		size_t col = r->nfields + 1;
		if (r->nfields == CSV_FIELDS_MAX) {
			fault(e, col, "more than %d fields in the record",
			      CSV_FIELDS_MAX);
			return resync_after(r, r->pos, r->line);
		}
		r->off[r->nfields] = r->len;
		if (r->pos < r->n && r->s[r->pos] == '"') {
			size_t open = r->pos++;
			long long open_line = r->line;
			if (quoted(r, col, open_line, e) != 0) {
				/* the quote may have swallowed the rest of the
				 * file: go on after the line it opened on */
				return resync_after(r, open, open_line);
			}
		} else if (unquoted(r, col, e) != 0) {
			return resync_after(r, r->pos, r->line);
		}
		r->flen[r->nfields] = r->len - r->off[r->nfields];
		put(r, "", 1); /* each field NUL-terminated */
		if (!soft && !content_ok(r, r->nfields, e))
			soft = 1;
		r->nfields++;
		more = separator(r, col, e);
		if (more < 0)
			return resync_after(r, r->pos, r->line);
	} while (more);
	if (soft) {
		r->nfields = 0;
		return -1;
	}
	return 1;
}
