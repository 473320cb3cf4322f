/* pdf.h: printouts as PDF. A text printout of the terminal (the FIR, the
 * arrest memo, ...) laid out on A4 pages in a monospaced font so the form's
 * columns stay aligned, with a header and a footer on every page, rendered
 * with cairo and pango (HarfBuzz shaping, fontconfig font fallback); and
 * the PDF written to a file atomically. Knows nothing of messages: see
 * pdf_form.h for turning an answer of the server into a PDF.
 *
 * Any bytes may come in; the PDF is always valid. Text is first made
 * valid, printable UTF-8 (pdf_clean_text): what cannot be shown is
 * replaced, visibly, by U+FFFD. A character no installed font has is drawn
 * as pango's box with its code point in hex. */
#ifndef CCTNS_CLIENT_PDF_H
#define CCTNS_CLIENT_PDF_H

#include <stddef.h>
#include <time.h>

/* Fonts, by fontconfig family name. DejaVu (fonts-dejavu-core) covers
 * Latin with every diacritic, Greek and Cyrillic; Devanagari and the other
 * scripts fall back to any font fontconfig has for them (install-deps
 * installs fonts-lohit-deva). */
#define PDF_FONT_BODY "DejaVu Sans Mono"
#define PDF_FONT_HEAD "DejaVu Sans"

/* What a page shows besides the body. Any string may be NULL or "" (then
 * "not stated" where the page has a place for it, or nothing). */
typedef struct pdf_meta {
	const char *station;   /* "Police Station: Agra Kotwali (1001) ..." */
	const char *title;     /* the document's title */
	const char *subtitle;  /* a line under the title, or NULL */
	const char *numbers;   /* "FIR No. 0042/2026 · Accused code A1" */
	const char *reference; /* "GD entry 3 of ... · recorded ..." */
	const char *officer;   /* "SI Ravi Kumar (UP-1234)" */
	time_t printed_at;     /* the footer's "printed ... IST" */
} pdf_meta;

/* A rendered PDF, in memory. */
typedef struct pdf_doc {
	char *data;
	size_t len;
	unsigned pages;
} pdf_doc;

/* Rows of body text one page holds; a body line longer than a row wraps
 * onto more rows. */
unsigned pdf_rows_per_page(void);

/* Render body[0..len) (lines separated by '\n'; any bytes) under meta.
 * Pages break between lines: the rows of one line stay on one page, unless
 * the line alone has more rows than a page. 0 with *out filled (free it
 * with pdf_doc_free), or -1 with a message in err. */
int pdf_render(const pdf_meta *meta, const char *body, size_t len, pdf_doc *out,
               char *err, size_t errsz) __attribute__((warn_unused_result));

void pdf_doc_free(pdf_doc *d);

/* in[0..len) as valid UTF-8 that prints: an invalid or truncated sequence
 * (each maximal bad part), a surrogate, a control character, a bidi
 * embedding, override or isolate and a line or paragraph separator become
 * U+FFFD; a tab becomes spaces to the next multiple of 8 columns; CR LF
 * becomes LF. With one_line, LF and tabs become one space each. Returns a
 * NUL-terminated copy (free()), its length in *outlen when not NULL. */
char *pdf_clean_text(const char *in, size_t len, int one_line, size_t *outlen);

/* Before asking the server: can a PDF be written at path? Refuses a
 * directory, a missing parent directory and a parent that is not one; "-"
 * (standard output) is fine. 0, or -1 with a message in err. */
int pdf_check_target(const char *path, char *err, size_t errsz)
        __attribute__((warn_unused_result));

/* Write data to path atomically: a temporary file in the same directory,
 * written in full, flushed to disk, given the mode a new file would get
 * (0666 less the umask), then renamed over path; on any failure the
 * temporary file is removed and path is left as it was. "-" writes to
 * standard output instead. 0, or -1 with a message in err naming path. */
int pdf_write_file(const char *path, const void *data, size_t len, char *err,
                   size_t errsz) __attribute__((warn_unused_result));

#endif
