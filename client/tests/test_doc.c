/* test_doc.c: the JSON documents commands read: errors name the file, the
 * line and the field path in the document, and a document may not set the
 * fields the command sets from its arguments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cctns.pb-c.h"
#include "doc.h"

/* Write text to a new temporary file; its name into path. */
static void temp_doc(char *path, size_t pathsz, const char *text)
{
	FILE *f;
	int fd;

	snprintf(path, pathsz, "/tmp/test_doc.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void status_paths_become_paths_in_the_document(void **state)
{
	static const char *const fir[] = {"register_fir.", "fir.", NULL};
	static const char *const memo[] = {"register_arrest.", "memo.", NULL};

	(void)state;
	assert_string_equal(doc_path("register_fir.fir.charges[0].act", fir),
	                    "charges[0].act");
	assert_string_equal(doc_path("fir.charges[1].section", fir),
	                    "charges[1].section");
	assert_string_equal(doc_path("register_fir.fir", fir), "");
	assert_string_equal(doc_path("memo.arrested_at", memo), "arrested_at");
	assert_string_equal(doc_path("register_arrest.fir_number", memo),
	                    "fir_number");
	assert_string_equal(doc_path("arrested_at", memo), "arrested_at");
	assert_string_equal(doc_path("", memo), "");
	assert_string_equal(doc_path(NULL, memo), "");
}

static void a_good_document_parses(void **state)
{
	char path[64];
	doc d;

	(void)state;
	temp_doc(path, sizeof(path),
	         "{\"kind\": \"departure\", \"text\": \"Left for patrol.\",\n"
	         " \"officer\": {\"number\": \"UP-1\", \"name\": \"R\", "
	         "\"rank\": \"SI\"}}\n");
	assert_int_equal(
	        doc_load(&d, path, &cctns__v1__add_gd_entry__descriptor, NULL),
	        0);
	assert_int_equal(((Cctns__V1__AddGdEntry *)d.msg)->kind,
	                 CCTNS__V1__GD_KIND__GD_KIND_DEPARTURE);
	doc_free(&d);
	unlink(path);
}

static void fields_the_command_sets_are_refused_in_the_document(void **state)
{
	static const char *const own[] = {"idempotency_key", NULL};
	char path[64];
	doc d;

	(void)state;
	temp_doc(path, sizeof(path),
	         "{\"kind\": \"general\", \"idempotency_key\": "
	         "\"AAECAwQFBgcICQoLDA0ODw==\"}");
	assert_int_equal(
	        doc_load(&d, path, &cctns__v1__add_gd_entry__descriptor, own),
	        3);
	doc_free(&d);
	unlink(path);
}

static void bad_json_and_missing_files_are_invalid_input(void **state)
{
	char path[64];
	doc d;

	(void)state;
	temp_doc(path, sizeof(path), "{\"kind\": \"general\",\n\"text\": }");
	assert_int_equal(
	        doc_load(&d, path, &cctns__v1__add_gd_entry__descriptor, NULL),
	        3);
	doc_free(&d);
	unlink(path);
	assert_int_equal(doc_load(&d, "/nonexistent/gd.json",
	                          &cctns__v1__add_gd_entry__descriptor, NULL),
	                 3);
	doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(status_paths_become_paths_in_the_document),
	        cmocka_unit_test(a_good_document_parses),
	        cmocka_unit_test(
	                fields_the_command_sets_are_refused_in_the_document),
	        cmocka_unit_test(bad_json_and_missing_files_are_invalid_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
