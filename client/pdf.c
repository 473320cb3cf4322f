/* pdf.c: a text printout laid out on A4 pages as a PDF (see pdf.h): cairo's
 * PDF surface, pango for the text (HarfBuzz shapes Devanagari and combining
 * marks; fontconfig finds a font for each script), a header and a footer on
 * every page, two passes (count the pages, then draw them with "page N of
 * M"); the text cleaned to printable UTF-8 first; the file written
 * atomically. */
#include "pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* ------------------------------------------------------------ geometry */

/* Points (1/72 inch). A4 is 210 x 297 mm. */
#define PAGE_W   595.276
#define PAGE_H   841.890
#define MARGIN_X 42.0
#define TEXT_W   (PAGE_W - 2 * MARGIN_X)

/* Header: one line per slot, at these tops; a rule under it. */
#define Y_STATION   34.0
#define Y_TITLE     48.0
#define Y_SUBTITLE  65.0
#define Y_NUMBERS   78.0
#define Y_REFERENCE 92.0
#define Y_HEAD_RULE 106.0

/* Body: rows of monospaced text, each line's baseline BODY_ASCENT below
 * the top of its row. */
#define BODY_TOP    114.0
#define BODY_BOTTOM 770.0
#define BODY_SIZE   9.5
#define BODY_PITCH  11.5
#define BODY_ASCENT 8.5
#define BODY_ROWS   ((unsigned)((BODY_BOTTOM - BODY_TOP) / BODY_PITCH))

/* Footer: a rule, the officer, then printed-at and page number. */
#define Y_FOOT_RULE 776.0
#define Y_OFFICER   781.0
#define Y_PRINTED   795.0

#define IST_OFFSET_S (5 * 3600 + 30 * 60)
#define MAX_BODY     (64u << 20) /* bytes of text a printout may have */

unsigned pdf_rows_per_page(void)
{
	return BODY_ROWS;
}

/* ------------------------------------------------------------ buffers */

typedef struct buf {
	char *p;
	size_t n, cap;
} buf;

static void buf_put(buf *b, const void *s, size_t n)
{
	if (b->cap - b->n < n + 1) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap - b->n < n + 1)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void buf_cp(buf *b, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_put(b, u, n);
}

/* ------------------------------------------------------------ cleaning */

#define BAD         UINT32_MAX /* an invalid sequence */
#define REPLACEMENT 0xFFFDu
#define TAB_STOP    8

/* UTF-8 by lead byte (Unicode 15, table 3-7): the sequence length and the
 * range of the second byte; later bytes are 0x80..0xBF. */
typedef struct lead {
	unsigned char lo, hi; /* lead bytes */
	unsigned char len;
	unsigned char second_lo, second_hi;
} lead;

static const lead leads[] = {
        {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF},
        {0xE1, 0xEC, 3, 0x80, 0xBF}, {0xED, 0xED, 3, 0x80, 0x9F},
        {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
        {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
};

/* Decode the sequence at s[0..n): its length (>= 1), the code point in
 * *cp, or BAD for the maximal invalid part. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	const lead *l = NULL;
	uint32_t v;
	size_t i;

	*cp = BAD;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	for (i = 0; i < ARRAY_LEN(leads); i++)
		if (s[0] >= leads[i].lo && s[0] <= leads[i].hi)
			l = &leads[i];
	if (!l)
		return 1;
	if (n < 2 || s[1] < l->second_lo || s[1] > l->second_hi)
		return 1;
	v = s[0] & (0x7F >> l->len);
	for (i = 1; i < l->len; i++) {
		if (i >= n || (i > 1 && (s[i] & 0xC0) != 0x80))
			return i;
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	return l->len;
}

/* Code points that never reach the page as they are. */
static const struct {
	uint32_t lo, hi;
} hidden[] = {
        {0x00, 0x1F},     /* C0 controls (LF and tab are handled first) */
        {0x7F, 0x9F},     /* DEL, C1 controls */
        {0x2028, 0x2029}, /* line and paragraph separators */
        {0x202A, 0x202E}, /* bidi embeddings and overrides */
        {0x2066, 0x2069}, /* bidi isolates */
};

static int is_hidden(uint32_t cp)
{
	for (size_t i = 0; i < ARRAY_LEN(hidden); i++)
		if (cp >= hidden[i].lo && cp <= hidden[i].hi)
			return 1;
	return 0;
}

/* Append cp to b as it should print; *col counts the line's columns. */
static void clean_one(buf *b, uint32_t cp, int one_line, size_t *col)
{
	if (cp == '\n' && !one_line) {
		buf_put(b, "\n", 1);
		*col = 0;
	} else if (cp == '\n') {
		buf_put(b, " ", 1);
		++*col;
	} else if (cp == '\t') {
		size_t to =
		        one_line ? *col + 1 : (*col / TAB_STOP + 1) * TAB_STOP;

		for (; *col < to; ++*col)
			buf_put(b, " ", 1);
	} else {
		buf_cp(b, cp == BAD || is_hidden(cp) ? REPLACEMENT : cp);
		++*col;
	}
}

char *pdf_clean_text(const char *in, size_t len, int one_line, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)in;
	buf b = {0};
	size_t i = 0, col = 0;

	buf_put(&b, "", 0);
	while (i < len) {
		uint32_t cp;

		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') {
			i++;
			continue;
		}
		i += utf8_next(s + i, len - i, &cp);
		clean_one(&b, cp, one_line, &col);
	}
	if (outlen)
		*outlen = b.n;
	return b.p;
}

/* ------------------------------------------------------------ rendering */

/* The page's fixed lines: where each sits and how it looks. */
enum slot {
	SLOT_STATION,
	SLOT_TITLE,
	SLOT_SUBTITLE,
	SLOT_NUMBERS,
	SLOT_REFERENCE,
	SLOT_OFFICER,
	SLOT_PRINTED,
	SLOT_PAGE,
	SLOT_COUNT
};

static const struct slot_style {
	double y, size;
	PangoWeight weight;
	PangoStyle style;
	PangoAlignment align;
} slot_styles[SLOT_COUNT] = {
        [SLOT_STATION] = {Y_STATION, 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                          PANGO_ALIGN_CENTER},
        [SLOT_TITLE] = {Y_TITLE, 12.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                        PANGO_ALIGN_CENTER},
        [SLOT_SUBTITLE] = {Y_SUBTITLE, 8.5, PANGO_WEIGHT_NORMAL,
                           PANGO_STYLE_OBLIQUE, PANGO_ALIGN_CENTER},
        [SLOT_NUMBERS] = {Y_NUMBERS, 10.0, PANGO_WEIGHT_BOLD,
                          PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT},
        [SLOT_REFERENCE] = {Y_REFERENCE, 8.5, PANGO_WEIGHT_NORMAL,
                            PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT},
        [SLOT_OFFICER] = {Y_OFFICER, 8.5, PANGO_WEIGHT_NORMAL,
                          PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT},
        [SLOT_PRINTED] = {Y_PRINTED, 8.5, PANGO_WEIGHT_NORMAL,
                          PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT},
        [SLOT_PAGE] = {Y_PRINTED, 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                       PANGO_ALIGN_RIGHT},
};

typedef struct job {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoFontMap *fonts;
	PangoContext *pc;
	PangoLayout *body;
	PangoLayout *slot[SLOT_COUNT];
	int draw;       /* 0: count the pages; 1: draw them */
	unsigned page;  /* pages begun in this pass */
	unsigned pages; /* pages in all (known when drawing) */
	unsigned row;   /* rows used on the current page */
	unsigned cols;  /* body characters a row holds */
} job;

static PangoLayout *new_layout(PangoContext *pc, const char *family,
                               double size, PangoWeight weight,
                               PangoStyle style)
{
	PangoLayout *l = pango_layout_new(pc);
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, weight);
	pango_font_description_set_style(fd, style);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(TEXT_W * PANGO_SCALE));
	/* A form reads left to right: a name in Arabic script stays where
	 * the form puts it (its letters still run right to left). */
	pango_layout_set_auto_dir(l, FALSE);
	return l;
}

/* A header or footer line: one line, cut short with "..." when too long. */
static void set_slot(job *j, enum slot s, const char *text)
{
	const struct slot_style *st = &slot_styles[s];
	char *clean = pdf_clean_text(text ? text : "", text ? strlen(text) : 0,
	                             1, NULL);

	j->slot[s] = new_layout(j->pc, PDF_FONT_HEAD, st->size, st->weight,
	                        st->style);
	pango_layout_set_alignment(j->slot[s], st->align);
	pango_layout_set_ellipsize(j->slot[s], PANGO_ELLIPSIZE_END);
	pango_layout_set_text(j->slot[s], clean, -1);
	free(clean);
}

static const char *or_not_stated(const char *s)
{
	return s && *s ? s : "not stated";
}

static void set_slots(job *j, const pdf_meta *m)
{
	char line[1024], when[64];
	time_t ist = m->printed_at + IST_OFFSET_S;
	struct tm tm;

	set_slot(j, SLOT_STATION, or_not_stated(m->station));
	set_slot(j, SLOT_TITLE, m->title && *m->title ? m->title : "Printout");
	set_slot(j, SLOT_SUBTITLE, m->subtitle);
	set_slot(j, SLOT_NUMBERS, m->numbers);
	set_slot(j, SLOT_REFERENCE, m->reference);
	snprintf(line, sizeof(line), "Recorded by: %s",
	         or_not_stated(m->officer));
	set_slot(j, SLOT_OFFICER, line);
	gmtime_r(&ist, &tm);
	strftime(when, sizeof(when), "%d/%m/%Y %H:%M IST", &tm);
	snprintf(line, sizeof(line), "Printed on %s by the CCTNS terminal",
	         when);
	set_slot(j, SLOT_PRINTED, line);
	set_slot(j, SLOT_PAGE, "");
}

static void draw_slot(job *j, enum slot s)
{
	cairo_move_to(j->cr, MARGIN_X, slot_styles[s].y);
	pango_cairo_show_layout(j->cr, j->slot[s]);
}

static void draw_rule(job *j, double y)
{
	cairo_set_line_width(j->cr, 0.6);
	cairo_move_to(j->cr, MARGIN_X, y);
	cairo_line_to(j->cr, PAGE_W - MARGIN_X, y);
	cairo_stroke(j->cr);
}

static void draw_header(job *j)
{
	for (enum slot s = SLOT_STATION; s <= SLOT_REFERENCE; s++)
		draw_slot(j, s);
	draw_rule(j, Y_HEAD_RULE);
}

static void draw_footer(job *j)
{
	char page[64];

	snprintf(page, sizeof(page), "Page %u of %u", j->page, j->pages);
	pango_layout_set_text(j->slot[SLOT_PAGE], page, -1);
	draw_rule(j, Y_FOOT_RULE);
	for (enum slot s = SLOT_OFFICER; s <= SLOT_PAGE; s++)
		draw_slot(j, s);
}

static void page_start(job *j)
{
	j->page++;
	j->row = 0;
	if (j->draw)
		draw_header(j);
}

static void page_finish(job *j)
{
	if (!j->draw)
		return;
	draw_footer(j);
	cairo_show_page(j->cr);
}

static void next_page(job *j)
{
	page_finish(j);
	page_start(j);
}

/* Does a piece of text that starts with c, after prev, belong to the
 * character before it (a combining mark, a joiner, after a virama)? */
static int continues(gunichar prev, gunichar c)
{
	return g_unichar_ismark(c) || c == 0x200D || prev == 0x200D ||
	       g_unichar_combining_class(prev) == 9;
}

/* Bytes of the next piece of s[0..n) (valid UTF-8) that pango lays out on
 * its own: all of it when short, else SEGMENT_ROWS rows' worth of
 * characters, not cut inside a character's cluster. Pango's line breaking
 * slows down badly on very long lines without spaces; pieces of whole rows
 * wrap as the whole line would. */
#define SEGMENT_ROWS 8
static size_t segment(const job *j, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t k = 0, most = (size_t)j->cols * SEGMENT_ROWS;
	gunichar prev = 0;

	while (p < end && k++ < most) {
		prev = g_utf8_get_char(p);
		p = g_utf8_next_char(p);
	}
	while (p < end && continues(prev, g_utf8_get_char(p))) {
		prev = g_utf8_get_char(p);
		p = g_utf8_next_char(p);
	}
	return (size_t)(p - s);
}

/* Rows of s[0..n) on the page; the body layout holds its last piece. */
static unsigned count_rows(job *j, const char *s, size_t n)
{
	unsigned rows = 0;
	size_t k;

	do {
		k = segment(j, s, n);
		pango_layout_set_text(j->body, s, (int)k);
		rows += (unsigned)pango_layout_get_line_count(j->body);
		s += k;
		n -= k;
	} while (n > 0);
	return rows;
}

static void draw_rows(job *j)
{
	for (GSList *l = pango_layout_get_lines_readonly(j->body); l;
	     l = l->next) {
		if (j->row == BODY_ROWS)
			next_page(j);
		cairo_move_to(j->cr, MARGIN_X,
		              BODY_TOP + j->row * BODY_PITCH + BODY_ASCENT);
		pango_cairo_show_layout_line(j->cr, l->data);
		j->row++;
	}
}

/* One line of the printout: its rows together on one page when they fit
 * on a page at all, else from the top of a page on. */
static void lay_out_line(job *j, const char *s, size_t n)
{
	unsigned rows = count_rows(j, s, n);
	size_t k;

	if (j->row > 0 && j->row + rows > BODY_ROWS)
		next_page(j);
	if (!j->draw) {
		/* Counting: a long line fills whole pages, then part of one. */
		j->page += (j->row + rows - 1) / BODY_ROWS;
		j->row = (j->row + rows - 1) % BODY_ROWS + 1;
		return;
	}
	if (segment(j, s, n) == n) { /* laid out already */
		draw_rows(j);
		return;
	}
	for (; n > 0; s += k, n -= k) {
		k = segment(j, s, n);
		pango_layout_set_text(j->body, s, (int)k);
		draw_rows(j);
	}
}

static void run_pass(job *j, const char *text, size_t len, int draw)
{
	const char *p = text, *end = text + len;

	j->draw = draw;
	j->page = 0;
	page_start(j);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		lay_out_line(j, p, (size_t)(eol - p));
		p = nl ? nl + 1 : end;
	}
	page_finish(j);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data,
                             unsigned int n)
{
	buf_put(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

static void set_metadata(cairo_surface_t *s, const pdf_meta *m)
{
	char *title = pdf_clean_text(m->title ? m->title : "",
	                             m->title ? strlen(m->title) : 0, 1, NULL);
	char when[40];
	time_t ist = m->printed_at + IST_OFFSET_S;
	struct tm tm;

	gmtime_r(&ist, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S+05:30", &tm);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	                               "cctns " CCTNS_VERSION);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, when);
	free(title);
}

/* Characters of the body font a row holds (at least 1). */
static unsigned body_columns(job *j)
{
	PangoFontMetrics *m = pango_context_get_metrics(
	        j->pc, pango_layout_get_font_description(j->body), NULL);
	int w = pango_font_metrics_get_approximate_char_width(m);

	pango_font_metrics_unref(m);
	return w > 0 && TEXT_W * PANGO_SCALE / w >= 1
	               ? (unsigned)(TEXT_W * PANGO_SCALE / w)
	               : 1;
}

static void job_open(job *j, buf *out, const pdf_meta *m)
{
	memset(j, 0, sizeof(*j));
	j->surface = cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W,
	                                                 PAGE_H);
	set_metadata(j->surface, m);
	j->cr = cairo_create(j->surface);
	j->fonts = pango_cairo_font_map_new();
	j->pc = pango_font_map_create_context(j->fonts);
	pango_context_set_base_dir(j->pc, PANGO_DIRECTION_LTR);
	pango_cairo_update_context(j->cr, j->pc);
	j->body = new_layout(j->pc, PDF_FONT_BODY, BODY_SIZE,
	                     PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
	pango_layout_set_wrap(j->body, PANGO_WRAP_WORD_CHAR);
	j->cols = body_columns(j);
	set_slots(j, m);
	cairo_set_source_rgb(j->cr, 0, 0, 0);
}

static void job_close(job *j)
{
	for (size_t i = 0; i < SLOT_COUNT; i++)
		if (j->slot[i])
			g_object_unref(j->slot[i]);
	if (j->body)
		g_object_unref(j->body);
	if (j->pc)
		g_object_unref(j->pc);
	if (j->fonts)
		g_object_unref(j->fonts);
	if (j->cr)
		cairo_destroy(j->cr);
	if (j->surface)
		cairo_surface_destroy(j->surface);
}

int pdf_render(const pdf_meta *meta, const char *body, size_t len, pdf_doc *out,
               char *err, size_t errsz)
{
	buf pdf = {0};
	size_t n;
	char *text;
	cairo_status_t st;
	job j;

	memset(out, 0, sizeof(*out));
	if (len > MAX_BODY) {
		snprintf(err, errsz, "the printout has %zu bytes; at most %u",
		         len, MAX_BODY);
		return -1;
	}
	text = pdf_clean_text(body, len, 0, &n);
	job_open(&j, &pdf, meta);
	run_pass(&j, text, n, 0);
	j.pages = j.page;
	run_pass(&j, text, n, 1);
	cairo_surface_finish(j.surface);
	st = cairo_surface_status(j.surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_status(j.cr);
	out->pages = j.pages;
	job_close(&j);
	free(text);
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errsz, "cairo could not make the PDF: %s",
		         cairo_status_to_string(st));
		free(pdf.p);
		return -1;
	}
	out->data = pdf.p;
	out->len = pdf.n;
	return 0;
}

void pdf_doc_free(pdf_doc *d)
{
	free(d->data);
	memset(d, 0, sizeof(*d));
}

/* ------------------------------------------------------------ files */

/* The directory path is in ("." for a bare name). Free it. */
static char *parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	d = xmalloc((size_t)(slash - path) + 1);
	memcpy(d, path, (size_t)(slash - path));
	d[slash - path] = '\0';
	return d;
}

int pdf_check_target(const char *path, char *err, size_t errsz)
{
	struct stat st;
	char *dir;
	int rc = -1;

	if (strcmp(path, "-") == 0)
		return 0;
	if (!*path || path[strlen(path) - 1] == '/') {
		snprintf(err, errsz, "--pdf \"%s\": give a file name", path);
		return -1;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(err, errsz, "%s: %s; the PDF would replace it", path,
		         S_ISDIR(st.st_mode) ? "is a directory"
		                             : "is not a regular file");
		return -1;
	}
	dir = parent_dir(path);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		snprintf(err, errsz, "%s: no directory %s", path, dir);
	else if (access(dir, W_OK | X_OK) != 0)
		snprintf(err, errsz, "%s: cannot write in %s: %s", path, dir,
		         strerror(errno));
	else
		rc = 0;
	free(dir);
	return rc;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Write, set the mode, flush to disk, close: 0 or -1 with errno. */
static int fill_temp(int fd, const void *data, size_t len)
{
	mode_t mask = umask(0);
	int saved;

	umask(mask);
	if (write_all(fd, data, len) == 0 && fchmod(fd, 0666 & ~mask) == 0 &&
	    fsync(fd) == 0)
		return close(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

int pdf_write_file(const char *path, const void *data, size_t len, char *err,
                   size_t errsz)
{
	char *tmp;
	int fd, rc = -1;

	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) == 0)
			return 0;
		snprintf(err, errsz, "standard output: %s", strerror(errno));
		return -1;
	}
	if (pdf_check_target(path, err, errsz) < 0)
		return -1;
	tmp = xmalloc(strlen(path) + sizeof(".XXXXXX"));
	sprintf(tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errsz, "%s: cannot create a file beside it: %s",
		         path, strerror(errno));
	} else if (fill_temp(fd, data, len) < 0 || rename(tmp, path) < 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		unlink(tmp);
	} else {
		rc = 0;
	}
	free(tmp);
	return rc;
}
