/* test_pdf.c: PDF printouts (pdf.c, pdf_form.c). Text cleaning byte by
 * byte; pagination (full pages, a wrapped line kept on one page, a line
 * longer than a page); hostile text (a 300,000-character line, 10,000
 * lines, control characters, invalid UTF-8, Devanagari, emoji, bidi
 * overrides, random bytes) giving a valid PDF; the header and footer of an
 * FIR (the informant's copy) and an arrest memo; writing the file
 * atomically. Every PDF is checked by poppler: pdfinfo must read it without
 * a complaint and count its pages, pdftotext must find its text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf.h"
#include "pdf_form.h"
#include "print_arrest.h"
#include "print_fir.h"

#define U_FFFD "\xEF\xBF\xBD"

static char dir[] = "/tmp/cctns-test-pdf.XXXXXX";

/* 29/11/2026 11:30 IST */
#define PRINTED_AT ((time_t)1795932000) /* 06:00 UTC */

/* ------------------------------------------------------------ poppler */

/* Run a shell command; its output (stdout and stderr) and exit status. */
static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	char *out = NULL;
	size_t len = 0, n;
	char chunk[4096];

	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0) {
		out = realloc(out, len + n + 1);
		assert_non_null(out);
		memcpy(out + len, chunk, n);
		len += n;
	}
	if (!out)
		out = calloc(1, 1);
	out[len] = '\0';
	*status = pclose(p);
	return out;
}

static void save(const pdf_doc *d, const char *name, char *path, size_t n)
{
	char err[256];

	snprintf(path, n, "%s/%s", dir, name);
	if (pdf_write_file(path, d->data, d->len, err, sizeof(err)) < 0)
		fail_msg("%s", err);
}

/* pdfinfo reads the file without an error or warning; its page count. */
static unsigned poppler_pages(const char *path)
{
	char cmd[512], *out, *p;
	int status;
	unsigned pages = 0;

	snprintf(cmd, sizeof(cmd), "pdfinfo '%s' 2>&1", path);
	out = run(cmd, &status);
	if (status != 0 || strstr(out, "Error") || strstr(out, "Warning"))
		fail_msg(
		        "pdfinfo %s (status %d; installed? deploy/install-deps "
		        "installs poppler-utils):\n%s",
		        path, status, out);
	p = strstr(out, "\nPages:");
	assert_non_null(p);
	pages = (unsigned)strtoul(p + 7, NULL, 10);
	free(out);
	return pages;
}

/* The text of pages first..last (0, 0: all) as pdftotext reads it. */
static char *poppler_text(const char *path, unsigned first, unsigned last)
{
	char cmd[512], *out;
	int status;

	if (first)
		snprintf(cmd, sizeof(cmd), "pdftotext -f %u -l %u '%.400s' -",
		         first, last, path);
	else
		snprintf(cmd, sizeof(cmd), "pdftotext '%.400s' -", path);
	out = run(cmd, &status);
	if (status != 0)
		fail_msg("pdftotext %s: status %d:\n%s", path, status, out);
	return out;
}

static void assert_has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("missing \"%s\" in:\n%.3000s", want, text);
}

static void assert_lacks(const char *text, const char *bad)
{
	if (strstr(text, bad))
		fail_msg("unexpected \"%s\" in:\n%.3000s", bad, text);
}

/* A rendered PDF: magic, end, and poppler's page count equal to ours. */
static void check_pdf(const pdf_doc *d, const char *name, char *path, size_t n)
{
	assert_true(d->len > 100);
	assert_memory_equal(d->data, "%PDF-1.", 7);
	assert_non_null(g_strstr_len(d->data + d->len - 16, 16, "%%EOF"));
	save(d, name, path, n);
	assert_int_equal(poppler_pages(path), d->pages);
}

static const pdf_meta meta = {
        .station = "Police Station: Agra Kotwali (1001) \xC2\xB7 District: "
                   "Agra (118) \xC2\xB7 State: Uttar Pradesh (9)",
        .title = "TEST PRINTOUT",
        .subtitle = "A line under the title",
        .numbers = "FIR No. 0042/2026 \xC2\xB7 Accused code A1",
        .reference = "General Diary: GD entry 12 of 29/11/2026",
        .officer = "SI Ravi Kumar Sharma (UP-15432)",
        .printed_at = PRINTED_AT,
};

static pdf_doc render(const pdf_meta *m, const char *body, size_t len)
{
	pdf_doc d;
	char err[256];

	if (pdf_render(m, body, len, &d, err, sizeof(err)) < 0)
		fail_msg("pdf_render: %s", err);
	return d;
}

/* "line 00001\nline 00002\n..." for lines from..to. */
static char *numbered_lines(unsigned from, unsigned to)
{
	GString *s = g_string_new(NULL);

	for (unsigned i = from; i <= to; i++)
		g_string_append_printf(s, "line %05u\n", i);
	return g_string_free(s, FALSE);
}

/* ------------------------------------------------------------ cleaning */

static void clean_gives(const char *in, size_t len, int one_line,
                        const char *want)
{
	size_t n;
	char *got = pdf_clean_text(in, len, one_line, &n);

	assert_int_equal(n, strlen(got));
	if (strcmp(got, want) != 0)
		fail_msg("clean \"%.*s\": got \"%s\", want \"%s\"", (int)len,
		         in, got, want);
	free(got);
}

#define CLEAN(in, want) clean_gives(in, sizeof(in) - 1, 0, want)

static void clean_keeps_text_and_replaces_what_cannot_print(void **state)
{
	(void)state;
	CLEAN("Ram\xC3\xA9sh", "Ram\xC3\xA9sh"); /* é */
	CLEAN("e\xCC\x81", "e\xCC\x81");         /* e + combining acute */
	CLEAN("\xE0\xA4\xB0\xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\xB6",
	      "\xE0\xA4\xB0\xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\xB6"); /* रमेश */
	CLEAN("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80");             /* emoji */
	CLEAN("a\tb", "a       b");
	CLEAN("abcdefgh\tb", "abcdefgh        b");
	CLEAN("a\r\nb\n", "a\nb\n");
	CLEAN("a\rb", "a" U_FFFD "b");
	CLEAN("a\0b", "a" U_FFFD "b");
	CLEAN("\x01\x1B[31m\x7F", U_FFFD U_FFFD "[31m" U_FFFD);
	CLEAN("\xC2\x85\xC2\x9F", U_FFFD U_FFFD); /* C1 controls */
	CLEAN("\xE2\x80\xAE"
	      "abc",
	      U_FFFD "abc");                                   /* RLO */
	CLEAN("\xE2\x81\xA6x\xE2\x81\xA9", U_FFFD "x" U_FFFD); /* isolates */
	CLEAN("a\xE2\x80\xA8"
	      "b",
	      "a" U_FFFD "b"); /* LS */
}

static void clean_replaces_each_maximal_invalid_part(void **state)
{
	(void)state;
	CLEAN("\xC3", U_FFFD);     /* truncated */
	CLEAN("\xE0\xA4", U_FFFD); /* truncated, one part */
	CLEAN("\xE0\xA4x", U_FFFD "x");
	CLEAN("\xC0\xAF", U_FFFD U_FFFD);                       /* overlong */
	CLEAN("\xE0\x80\xAF", U_FFFD U_FFFD U_FFFD);            /* overlong */
	CLEAN("\xED\xA0\x80", U_FFFD U_FFFD U_FFFD);            /* surrogate */
	CLEAN("\xF4\x90\x80\x80", U_FFFD U_FFFD U_FFFD U_FFFD); /* > 10FFFF */
	CLEAN("\xFF\xFE", U_FFFD U_FFFD);
	CLEAN("\x80x", U_FFFD "x");
	CLEAN("\xF0\x9F\x98", U_FFFD);
	CLEAN("\xF0\x9F\x98x", U_FFFD "x");
}

static void clean_one_line_joins_lines(void **state)
{
	(void)state;
	clean_gives("a\nb\tc\r\nd", 8, 1, "a b c d");
}

/* Random bytes always come out as valid UTF-8 with no control but LF. */
static void clean_random_bytes_give_valid_printable_utf8(void **state)
{
	unsigned char in[512];
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 2000; round++) {
		size_t n = (size_t)(rand_r(&seed) % sizeof(in)), len;
		char *out;

		for (size_t i = 0; i < n; i++)
			in[i] = (unsigned char)(rand_r(&seed) & 0xFF);
		out = pdf_clean_text((const char *)in, n, 0, &len);
		assert_true(g_utf8_validate(out, (gssize)len, NULL));
		for (const char *p = out; *p; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);

			assert_true(c == '\n' || !g_unichar_iscntrl(c));
		}
		free(out);
	}
}

/* ------------------------------------------------------------ pages */

static void header_and_footer_are_on_the_page(void **state)
{
	static const char body[] = "                 TEST PRINTOUT\n\n"
	                           "1. Case\n   FIR No.                  "
	                           "0042/2026\n";
	char path[512], *text;
	pdf_doc d = render(&meta, body, sizeof(body) - 1);

	(void)state;
	assert_int_equal(d.pages, 1);
	check_pdf(&d, "one-page.pdf", path, sizeof(path));
	text = poppler_text(path, 0, 0);
	assert_has(text, "Police Station: Agra Kotwali (1001)");
	assert_has(text, "District: Agra (118)");
	assert_has(text, "State: Uttar Pradesh (9)");
	assert_has(text, "A line under the title");
	assert_has(text, "FIR No. 0042/2026");
	assert_has(text, "Accused code A1");
	assert_has(text, "GD entry 12 of 29/11/2026");
	assert_has(text, "Recorded by: SI Ravi Kumar Sharma (UP-15432)");
	assert_has(text, "Printed on 29/11/2026 11:30 IST");
	assert_has(text, "Page 1 of 1");
	assert_has(text, "1. Case");
	free(text);
	pdf_doc_free(&d);
}

static void full_pages_break_between_lines(void **state)
{
	unsigned rows = pdf_rows_per_page();
	char *body = numbered_lines(1, 2 * rows + 1), path[512], *text;
	char first[32], last[32], next[32], page[32];
	pdf_doc d = render(&meta, body, strlen(body));

	(void)state;
	assert_true(rows >= 50);
	assert_int_equal(d.pages, 3);
	check_pdf(&d, "three-pages.pdf", path, sizeof(path));
	for (unsigned p = 1; p <= 3; p++) {
		snprintf(first, sizeof(first), "line %05u", (p - 1) * rows + 1);
		snprintf(last, sizeof(last), "line %05u",
		         p < 3 ? p * rows : 2 * rows + 1);
		snprintf(next, sizeof(next), "line %05u", p * rows + 1);
		snprintf(page, sizeof(page), "Page %u of 3", p);
		text = poppler_text(path, p, p);
		assert_has(text, first);
		assert_has(text, last);
		assert_lacks(text, next);
		assert_has(text, page);
		assert_has(text, "Police Station: Agra Kotwali");
		assert_has(text, "Recorded by: SI Ravi Kumar Sharma");
		free(text);
	}
	free(body);
	pdf_doc_free(&d);
}

static void a_wrapped_line_is_not_split_between_pages(void **state)
{
	unsigned rows = pdf_rows_per_page();
	char *body = numbered_lines(1, rows - 1), path[512], *text;
	GString *s = g_string_new(body);
	pdf_doc d;

	(void)state;
	/* 160 columns: two rows, one short of the page's last row. */
	g_string_append(s, "LONGSTART");
	for (int i = 0; i < 144; i++)
		g_string_append_c(s, 'x');
	g_string_append(s, "LONGEND\nafter\n");
	d = render(&meta, s->str, s->len);
	assert_int_equal(d.pages, 2);
	check_pdf(&d, "kept-together.pdf", path, sizeof(path));
	text = poppler_text(path, 1, 1);
	assert_lacks(text, "LONGSTART");
	assert_lacks(text, "LONGEND");
	free(text);
	text = poppler_text(path, 2, 2);
	assert_has(text, "LONGSTART");
	assert_has(text, "LONGEND");
	assert_has(text, "after");
	free(text);
	g_string_free(s, TRUE);
	free(body);
	pdf_doc_free(&d);
}

static void a_line_longer_than_a_page_flows_over_pages(void **state)
{
	GString *s = g_string_new("before\n");
	char path[512], *text;
	pdf_doc d;

	(void)state;
	g_string_append(s, "HUGESTART");
	for (int i = 0; i < 300000; i++)
		g_string_append_c(s, (char)('a' + i % 26));
	g_string_append(s, "HUGEEND\nafter\n");
	d = render(&meta, s->str, s->len);
	/* ~89 columns a row: more than 3,000 rows. */
	assert_true(d.pages > 3000 / pdf_rows_per_page());
	check_pdf(&d, "huge-line.pdf", path, sizeof(path));
	text = poppler_text(path, 1, 1);
	assert_has(text, "before");
	assert_lacks(text, "HUGESTART");
	free(text);
	text = poppler_text(path, 2, 2);
	assert_has(text, "HUGESTART");
	free(text);
	text = poppler_text(path, d.pages, d.pages);
	assert_has(text, "HUGEEND");
	assert_has(text, "after");
	free(text);
	g_string_free(s, TRUE);
	pdf_doc_free(&d);
}

static void ten_thousand_lines(void **state)
{
	unsigned rows = pdf_rows_per_page(), pages = (10000 + rows - 1) / rows;
	char *body = numbered_lines(1, 10000), path[512], *text, want[32];
	pdf_doc d = render(&meta, body, strlen(body));

	(void)state;
	assert_int_equal(d.pages, pages);
	check_pdf(&d, "ten-thousand.pdf", path, sizeof(path));
	text = poppler_text(path, pages, pages);
	assert_has(text, "line 10000");
	snprintf(want, sizeof(want), "Page %u of %u", pages, pages);
	assert_has(text, want);
	free(text);
	free(body);
	pdf_doc_free(&d);
}

static void hostile_text_gives_a_valid_pdf(void **state)
{
	static const char hostile[] =
	        "controls: \x01\x02\x07\x08\x0B\x0C\x1B[2J\x7F end\n"
	        "invalid: \xC0\xAF \xED\xA0\x80 \xFF\xFE \xF4\x90\x80\x80 "
	        "\xE0\xA4 end\n"
	        "devanagari: \xE0\xA4\xB0\xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\xB6 "
	        "\xE0\xA4\x9A\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x8D"
	        "\xE0\xA4\xB0 end\n"
	        "emoji: \xF0\x9F\x98\x80\xF0\x9F\x91\xAE\xE2\x80\x8D\xE2\x99"
	        "\x82\xEF\xB8\x8F end\n"
	        "bidi: \xE2\x80\xAE"
	        "evil\xE2\x80\xAC end\n"
	        "latin: Ram\xC3\xA9sh \xC5\xA0\xC3\xB6\xC3\xB1 e\xCC\x81 end\n"
	        "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE4\xBD\xA0\xE5\xA5"
	        "\xBD end\n";
	GString *s = g_string_new(NULL);
	unsigned seed = 42;
	char path[512], *text;
	pdf_meta m = meta;
	pdf_doc d;

	(void)state;
	for (int i = 0; i < 20; i++)
		g_string_append_len(s, hostile, sizeof(hostile) - 1);
	g_string_append(s, "zalgo: a");
	for (int i = 0; i < 500; i++)
		g_string_append(s, "\xCC\x81");
	g_string_append_c(s, '\n');
	for (int i = 0; i < 65536; i++) /* random bytes, with NULs */
		g_string_append_c(s, (char)(rand_r(&seed) & 0xFF));
	m.station = "Police Station: \xE0\xA4\x86\xE0\xA4\x97\xE0\xA4\xB0"
	            "\xE0\xA4\xBE \x01\xFF\xE2\x80\xAE";
	m.officer = "SI \xE0\xA4\xB0\xE0\xA4\xB5\xE0\xA4\xBF \xC0 (UP-1)";
	m.title = "TITLE\nWITH\tCONTROLS\x1B";
	d = render(&m, s->str, s->len);
	check_pdf(&d, "hostile.pdf", path, sizeof(path));
	text = poppler_text(path, 1, 1);
	assert_has(text, "controls: " U_FFFD);
	assert_has(text, "invalid: " U_FFFD);
	/* Shaped by HarfBuzz with the Devanagari font; the text layer keeps
	 * the characters. */
	assert_has(text, "\xE0\xA4\xB0\xE0\xA4\xAE\xE0\xA5\x87\xE0\xA4\xB6");
	assert_has(text, "Ram\xC3\xA9sh");
	assert_has(text, "bidi: " U_FFFD "evil");
	assert_has(text, "TITLE WITH CONTROLS" U_FFFD);
	assert_has(text, "Police Station: \xE0\xA4\x86\xE0\xA4\x97");
	free(text);
	g_string_free(s, TRUE);
	pdf_doc_free(&d);
}

static void empty_body_and_meta_still_give_one_page(void **state)
{
	pdf_meta m = {.printed_at = PRINTED_AT};
	char path[512], *text;
	pdf_doc d = render(&m, "", 0);

	(void)state;
	assert_int_equal(d.pages, 1);
	check_pdf(&d, "empty.pdf", path, sizeof(path));
	text = poppler_text(path, 0, 0);
	assert_has(text, "Recorded by: not stated");
	assert_has(text, "Page 1 of 1");
	free(text);
	pdf_doc_free(&d);
}

/* ------------------------------------------------------------ forms */

static Cctns__V1__Identity station = {
        PROTOBUF_C_MESSAGE_INIT(&cctns__v1__identity__descriptor),
        .kind = CCTNS__V1__PEER_KIND__PEER_KIND_STATION,
        .state_code = 9,
        .district_code = 118,
        .station_code = 1001,
        .terminal = "desk-1",
        .station_name = "Agra Kotwali",
        .district_name = "Agra",
        .state_name = "Uttar Pradesh",
};

static Cctns__V1__Officer officer = {
        PROTOBUF_C_MESSAGE_INIT(&cctns__v1__officer__descriptor),
        .number = "UP-15432",
        .name = "Ravi Kumar Sharma",
        .rank = "SI",
};

static void print_fir_msg(FILE *out, const ProtobufCMessage *m, const char *key)
{
	(void)key;
	print_fir(out, (const Cctns__V1__Fir *)m);
}

static void print_arrest_msg(FILE *out, const ProtobufCMessage *m,
                             const char *key)
{
	(void)key;
	print_arrest(out, (const Cctns__V1__Arrest *)m);
}

static void fir_pdf_is_the_informants_copy(void **state)
{
	Cctns__V1__FirReceipt r = CCTNS__V1__FIR_RECEIPT__INIT;
	Cctns__V1__FirContent c = CCTNS__V1__FIR_CONTENT__INIT;
	Cctns__V1__Fir fir = CCTNS__V1__FIR__INIT;
	pdf_form_lines lines;
	char path[512], err[256], *text;
	pdf_doc d;

	(void)state;
	r.fir_number = "0042/2026";
	r.year = 2026;
	r.number = 42;
	r.station = &station;
	r.registered_at = "2026-11-29T10:05:00+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 12;
	r.gd_entered_at = "2026-11-29T10:05:00+05:30";
	c.brief_facts = "The complainant states that his house was broken "
	                "into.";
	c.officer = &officer;
	fir.receipt = &r;
	fir.content = &c;

	pdf_form_describe(&fir.base, &station, &lines);
	assert_string_equal(lines.numbers, "FIR No. 0042/2026");
	assert_string_equal(lines.officer, "SI Ravi Kumar Sharma (UP-15432)");
	assert_string_equal(lines.station,
	                    "Police Station: Agra Kotwali (1001) \xC2\xB7 "
	                    "District: Agra (118) \xC2\xB7 State: Uttar "
	                    "Pradesh (9)");
	assert_string_equal(lines.reference,
	                    "General Diary: GD entry 12 of 29/11/2026 at "
	                    "10:05 IST \xC2\xB7 Recorded on 29/11/2026 10:05 "
	                    "IST");
	assert_non_null(strstr(lines.title, "INFORMANT'S COPY"));

	if (pdf_form_render(&fir.base, print_fir_msg, &station, PRINTED_AT, &d,
	                    err, sizeof(err)) < 0)
		fail_msg("%s", err);
	check_pdf(&d, "fir.pdf", path, sizeof(path));
	text = poppler_text(path, 0, 0);
	assert_has(text, "INFORMANT'S COPY");
	assert_has(text, "173(2) BNSS");
	assert_has(text, "154(2) CrPC");
	assert_has(text, "Police Station: Agra Kotwali (1001)");
	assert_has(text, "FIR No. 0042/2026");
	assert_has(text, "GD entry 12 of 29/11/2026 at 10:05 IST");
	assert_has(text, "Recorded by: SI Ravi Kumar Sharma (UP-15432)");
	assert_has(text, "FIRST INFORMATION REPORT");
	assert_has(text, "his house was broken");
	free(text);
	pdf_doc_free(&d);
}

static void arrest_pdf_has_case_accused_and_arresting_officer(void **state)
{
	Cctns__V1__ArrestReceipt r = CCTNS__V1__ARREST_RECEIPT__INIT;
	Cctns__V1__ArrestMemo m = CCTNS__V1__ARREST_MEMO__INIT;
	Cctns__V1__Person p = CCTNS__V1__PERSON__INIT;
	Cctns__V1__Arrest a = CCTNS__V1__ARREST__INIT;
	pdf_form_lines lines;
	char path[512], err[256], *text;
	pdf_doc d;

	(void)state;
	r.fir_number = "0001/2026";
	r.accused_code = "A1";
	r.registered_at = "2026-11-29T11:20:00+05:30";
	r.gd_date = "2026-11-29";
	r.gd_number = 3;
	p.name = "Sonu Kumar";
	m.person = &p;
	m.arrested_at = "2026-11-29T11:00:00+05:30";
	m.officer = &officer;
	a.receipt = &r;
	a.memo = &m;

	pdf_form_describe(&a.base, &station, &lines);
	assert_string_equal(lines.numbers,
	                    "FIR No. 0001/2026 \xC2\xB7 Accused code A1");
	assert_string_equal(lines.officer, "SI Ravi Kumar Sharma (UP-15432)");
	assert_null(lines.title); /* the printout's own title */

	if (pdf_form_render(&a.base, print_arrest_msg, &station, PRINTED_AT, &d,
	                    err, sizeof(err)) < 0)
		fail_msg("%s", err);
	check_pdf(&d, "arrest.pdf", path, sizeof(path));
	text = poppler_text(path, 1, 1);
	assert_has(text, "ARREST / COURT SURRENDER MEMO");
	assert_has(text, "Agra Kotwali");
	assert_has(text, "FIR No. 0001/2026");
	assert_has(text, "Accused code A1");
	assert_has(text, "General Diary: GD entry 3 of 29/11/2026");
	assert_has(text, "Recorded by: SI Ravi Kumar Sharma (UP-15432)");
	assert_has(text, "Sonu Kumar");
	assert_has(text, "Page 1 of");
	free(text);
	pdf_doc_free(&d);
}

static void an_answer_without_receipt_or_officer_says_so(void **state)
{
	Cctns__V1__Fir fir = CCTNS__V1__FIR__INIT;
	pdf_form_lines lines;

	(void)state;
	pdf_form_describe(&fir.base, NULL, &lines);
	assert_string_equal(lines.numbers, "");
	assert_string_equal(lines.officer, "");
	assert_string_equal(lines.station, "");
}

/* ------------------------------------------------------------ files */

static size_t entries_in(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void write_file_is_atomic_and_refuses_directories(void **state)
{
	char sub[256], path[512], err[256], got[16] = {0};
	FILE *f;

	(void)state;
	snprintf(sub, sizeof(sub), "%s/files", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(path, sizeof(path), "%s/out.pdf", sub);
	assert_int_equal(pdf_write_file(path, "first", 5, err, sizeof(err)), 0);
	assert_int_equal(pdf_write_file(path, "second", 6, err, sizeof(err)),
	                 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fread(got, 1, sizeof(got) - 1, f), 6);
	fclose(f);
	assert_string_equal(got, "second");
	assert_int_equal(entries_in(sub), 1); /* no temporary file left */

	assert_int_equal(pdf_write_file(sub, "x", 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "is a directory"));
	assert_int_equal(pdf_check_target(sub, err, sizeof(err)), -1);
	snprintf(path, sizeof(path), "%s/", sub);
	assert_int_equal(pdf_check_target(path, err, sizeof(err)), -1);
	assert_int_equal(pdf_check_target("", err, sizeof(err)), -1);
	snprintf(path, sizeof(path), "%s/missing/out.pdf", sub);
	assert_int_equal(pdf_write_file(path, "x", 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "no directory"));
	assert_int_equal(pdf_check_target("/dev/null", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a regular file"));
	assert_int_equal(pdf_check_target("-", err, sizeof(err)), 0);
	assert_int_equal(entries_in(sub), 1);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[600];

	(void)state;
	if (getenv("CCTNS_KEEP_PDF")) {
		fprintf(stderr, "PDFs kept in %s\n", dir);
		return 0;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(
	                clean_keeps_text_and_replaces_what_cannot_print),
	        cmocka_unit_test(clean_replaces_each_maximal_invalid_part),
	        cmocka_unit_test(clean_one_line_joins_lines),
	        cmocka_unit_test(clean_random_bytes_give_valid_printable_utf8),
	        cmocka_unit_test(header_and_footer_are_on_the_page),
	        cmocka_unit_test(full_pages_break_between_lines),
	        cmocka_unit_test(a_wrapped_line_is_not_split_between_pages),
	        cmocka_unit_test(a_line_longer_than_a_page_flows_over_pages),
	        cmocka_unit_test(ten_thousand_lines),
	        cmocka_unit_test(hostile_text_gives_a_valid_pdf),
	        cmocka_unit_test(empty_body_and_meta_still_give_one_page),
	        cmocka_unit_test(fir_pdf_is_the_informants_copy),
	        cmocka_unit_test(
	                arrest_pdf_has_case_accused_and_arresting_officer),
	        cmocka_unit_test(an_answer_without_receipt_or_officer_says_so),
	        cmocka_unit_test(write_file_is_atomic_and_refuses_directories),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
