/* test_import_csv.c (issue 7): the RFC 4180 tokenizer of CSV import files
 * (server/admin/import_csv.c): quotes and "" escapes, commas and newlines
 * inside quotes, CRLF and LF, a BOM, blank and # lines, line numbers of
 * multi-line records, the bytes of each record as read, and every refusal
 * (naming the column) followed by the right next record. The source is
 * included directly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/admin/import_csv.c"

/* The reader over a string literal, the record cap generous. */
static void open_text(struct csv_reader *r, const char *s)
{
	csv_init(r, s, strlen(s), 1u << 20);
}

static void expect_fields(struct csv_reader *r, size_t n, ...)
{
	va_list ap;
	struct csv_error e;

	assert_int_equal(csv_next(r, &e), 1);
	assert_int_equal(r->nfields, n);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++) {
		const char *want = va_arg(ap, const char *);
		size_t len;
		const char *got = csv_field(r, i, &len);
		assert_int_equal(len, strlen(want));
		assert_memory_equal(got, want, len);
		assert_int_equal(got[len], '\0');
	}
	va_end(ap);
}

static void expect_end(struct csv_reader *r)
{
	struct csv_error e;

	assert_int_equal(csv_next(r, &e), 0);
	assert_int_equal(csv_next(r, &e), 0);
}

/* A refusal at column col whose reason holds text. */
static void expect_error(struct csv_reader *r, size_t col, const char *text)
{
	struct csv_error e;

	memset(&e, 0, sizeof(e));
	assert_int_equal(csv_next(r, &e), -1);
	assert_int_equal(e.column, col);
	assert_non_null(strstr(e.reason, text));
}

static void plain_rows_with_lf(void **state)
{
	struct csv_reader r;

	(void)state;
	open_text(&r, "a,b,c\n1,2,3\nx,,z\n");
	expect_fields(&r, 3, "a", "b", "c");
	assert_int_equal(r.first, 1);
	expect_fields(&r, 3, "1", "2", "3");
	assert_int_equal(r.first, 2);
	expect_fields(&r, 3, "x", "", "z");
	assert_int_equal(r.first, 3);
	assert_int_equal(r.end - r.start, 4);
	expect_end(&r);
	csv_free(&r);
}

static void crlf_bom_and_no_final_newline(void **state)
{
	struct csv_reader r;
	const char *s = "\xEF\xBB\xBF"
	                "state,name\r\n9,Ramesh\r\n10,Sita";

	(void)state;
	open_text(&r, s);
	expect_fields(&r, 2, "state", "name");
	assert_int_equal(r.start, 3); /* the BOM is not part of the header */
	assert_int_equal(r.end, 3 + strlen("state,name"));
	expect_fields(&r, 2, "9", "Ramesh");
	assert_memory_equal(s + r.start, "9,Ramesh", r.end - r.start);
	assert_int_equal(r.end - r.start, 8); /* without the CR */
	expect_fields(&r, 2, "10", "Sita");
	assert_int_equal(r.first, 3);
	expect_end(&r);
	csv_free(&r);
}

static void quotes_commas_and_escaped_quotes(void **state)
{
	struct csv_reader r;

	(void)state;
	open_text(&r, "\"12 Mall Road, Agra\",\"he said \"\"go\"\"\",\"\","
	              "\"\"\"\"\n");
	expect_fields(&r, 4, "12 Mall Road, Agra", "he said \"go\"", "", "\"");
	expect_end(&r);
	csv_free(&r);
}

static void newlines_inside_quotes(void **state)
{
	struct csv_reader r;
	const char *s = "a,b\n1,\"line one\nline two\r\nline three\"\n2,x\n";

	(void)state;
	open_text(&r, s);
	expect_fields(&r, 2, "a", "b");
	expect_fields(&r, 2, "1", "line one\nline two\r\nline three");
	assert_int_equal(r.first, 2);
	/* the record as read spans its three lines */
	assert_memory_equal(s + r.start, "1,\"line one\nline two",
	                    strlen("1,\"line one\nline two"));
	assert_int_equal(s[r.end], '\n');
	expect_fields(&r, 2, "2", "x");
	assert_int_equal(r.first, 5); /* lines 2-4 were the record above */
	expect_end(&r);
	csv_free(&r);
}

static void blank_lines_and_comments_are_skipped(void **state)
{
	struct csv_reader r;

	(void)state;
	open_text(&r, "\n# a comment, with \"quotes\n\r\na,b\n\n#x\n1,2\n\n");
	expect_fields(&r, 2, "a", "b");
	assert_int_equal(r.first, 4);
	expect_fields(&r, 2, "1", "2");
	assert_int_equal(r.first, 7);
	expect_end(&r);
	csv_free(&r);
}

static void empty_fields_and_trailing_comma(void **state)
{
	struct csv_reader r;

	(void)state;
	open_text(&r, ",,\n1,\n,");
	expect_fields(&r, 3, "", "", "");
	expect_fields(&r, 2, "1", "");
	expect_fields(&r, 2, "", "");
	expect_end(&r);
	csv_free(&r);
}

static void unterminated_quote_goes_on_after_its_line(void **state)
{
	struct csv_reader r;
	const char *s = "a,b\n1,\"never closed\n2,x\n3,y";

	(void)state;
	open_text(&r, s);
	expect_fields(&r, 2, "a", "b");
	expect_error(&r, 2, "never closed");
	assert_int_equal(r.first, 2);
	assert_memory_equal(s + r.start, "1,\"never closed", r.end - r.start);
	expect_fields(&r, 2, "2", "x");
	assert_int_equal(r.first, 3);
	expect_fields(&r, 2, "3", "y");
	expect_end(&r);
	csv_free(&r);

	/* opened on the second line of a record: the first line was a good
	 * quoted field, so reading goes on after the line of the open quote */
	s = "1,\"ok\nstill\",\"open\n2,x\n";
	open_text(&r, s);
	expect_error(&r, 3, "the quote opened on line 2 is never closed");
	assert_int_equal(r.first, 1);
	assert_memory_equal(s + r.start, "1,\"ok\nstill\",\"open",
	                    r.end - r.start);
	expect_fields(&r, 2, "2", "x");
	assert_int_equal(r.first, 3);
	expect_end(&r);
	csv_free(&r);
}

static void stray_quotes_are_refused(void **state)
{
	struct csv_reader r;

	(void)state;
	open_text(&r, "ab\"c,d\n\"x\"y,z\n1,\"q\" \nok,ok\n");
	expect_error(&r, 1, "quote inside a field not in quotes");
	assert_int_equal(r.first, 1);
	expect_error(&r, 1, "text after the closing quote");
	assert_int_equal(r.first, 2);
	expect_error(&r, 2, "text after the closing quote");
	assert_int_equal(r.first, 3);
	expect_fields(&r, 2, "ok", "ok");
	assert_int_equal(r.first, 4);
	expect_end(&r);
	csv_free(&r);
}

static void bad_utf8_and_nul_name_their_column(void **state)
{
	struct csv_reader r;
	static const char s[] = "a,b,c\n1,\xff\xfe,3\n1,2,x\0y\n\"\xc3\",2,3\n"
	                        "ok,\xe0\xa4\x85,ok\n";

	(void)state;
	csv_init(&r, s, sizeof(s) - 1, 1u << 20);
	expect_fields(&r, 3, "a", "b", "c");
	expect_error(&r, 2, "not valid UTF-8");
	assert_int_equal(r.first, 2);
	assert_int_equal(r.end - r.start, 6); /* the whole record */
	expect_error(&r, 3, "NUL byte");
	assert_int_equal(r.first, 3);
	expect_error(&r, 1, "not valid UTF-8");
	/* the next record is read whole: the fault did not shift it */
	expect_fields(&r, 3, "ok", "\xe0\xa4\x85", "ok");
	assert_int_equal(r.first, 5);
	expect_end(&r);
	csv_free(&r);
}

static void overlong_records_are_refused(void **state)
{
	struct csv_reader r;
	const char *s = "a,b\n1,0123456789012345678901234567890123456789\n"
	                "2,\"01234567890123456789\n01234567890123456789\"\n"
	                "3,x\n";

	(void)state;
	csv_init(&r, s, strlen(s), 32);
	expect_fields(&r, 2, "a", "b");
	expect_error(&r, 2, "longer than 32 bytes");
	assert_int_equal(r.first, 2);
	expect_error(&r, 2, "longer than 32 bytes");
	assert_int_equal(r.first, 3);
	/* after a quoted field too long: the line after the record's first,
	 * which here is the rest of that field, then the next record */
	expect_error(&r, 1, "quote");
	expect_fields(&r, 2, "3", "x");
	expect_end(&r);
	csv_free(&r);
}

static void lone_carriage_return_is_refused(void **state)
{
	struct csv_reader r;

	(void)state;
	open_text(&r, "a,b\rc\n1,2\n");
	expect_error(&r, 2, "carriage return");
	expect_fields(&r, 2, "1", "2");
	expect_end(&r);
	csv_free(&r);
}

static void too_many_fields(void **state)
{
	struct csv_reader r;
	char s[2 * CSV_FIELDS_MAX + 16];
	size_t i, n = 0;

	(void)state;
	for (i = 0; i <= CSV_FIELDS_MAX; i++) {
		s[n++] = 'x';
		s[n++] = i < CSV_FIELDS_MAX ? ',' : '\n';
	}
	memcpy(s + n, "1,2\n", 5);
	open_text(&r, s);
	expect_error(&r, CSV_FIELDS_MAX + 1, "more than");
	expect_fields(&r, 2, "1", "2");
	expect_end(&r);
	csv_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(plain_rows_with_lf),
	        cmocka_unit_test(crlf_bom_and_no_final_newline),
	        cmocka_unit_test(quotes_commas_and_escaped_quotes),
	        cmocka_unit_test(newlines_inside_quotes),
	        cmocka_unit_test(blank_lines_and_comments_are_skipped),
	        cmocka_unit_test(empty_fields_and_trailing_comma),
	        cmocka_unit_test(unterminated_quote_goes_on_after_its_line),
	        cmocka_unit_test(stray_quotes_are_refused),
	        cmocka_unit_test(bad_utf8_and_nul_name_their_column),
	        cmocka_unit_test(overlong_records_are_refused),
	        cmocka_unit_test(lone_carriage_return_is_refused),
	        cmocka_unit_test(too_many_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
