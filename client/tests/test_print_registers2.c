/* test_print_registers2.c: the printouts of the missing persons, unnatural
 * death and vehicle registers, built from the JSON the server answers with,
 * as a station writer would read them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "print_test.h"

#include "pbjson.h"
#include "print_missing.h"
#include "print_r2.h"
#include "print_ud.h"
#include "print_vehicle.h"

static ProtobufCMessage *parse(const ProtobufCMessageDescriptor *d,
                               const char *json)
{
	pbjson_error err;
	ProtobufCMessage *m = pbjson_parse(d, json, strlen(json), &err);

	if (!m)
		fail_msg("bad test JSON for %s", d->name);
	return m;
}

typedef void (*printer)(FILE *out, const ProtobufCMessage *m);

static char *capture(printer fn, const ProtobufCMessage *m)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	fn(f, m);
	fclose(f);
	return buf;
}

static void no_line_is_wider_than_the_page(const char *text)
{
	const char *line = text;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);

		if (n > 78)
			fail_msg("line of %zu columns: %.*s", n, (int)n, line);
		line += n + (nl ? 1 : 0);
	}
}

static void p_missing(FILE *out, const ProtobufCMessage *m)
{
	print_missing_person(out, (const Cctns__V1__MissingPerson *)m);
}

static void missing_child_report_reads_like_the_register(void **state)
{
	ProtobufCMessage *m = parse(
	        &cctns__v1__missing_person__descriptor,
	        "{\"receipt\": {\"number\": \"0003/2026\", \"registered_at\": "
	        "\"2026-11-29T11:20:00+05:30\", \"gd_date\": \"2026-11-29\", "
	        "\"gd_number\": 7, \"child\": true, \"fir_number\": "
	        "\"0012/2026\"},"
	        " \"report\": {\"person\": {\"name\": \"Test Child\", "
	        "\"gender\": "
	        "\"female\", \"date_of_birth\": \"2014-05-10\", \"person_id\": "
	        "9},"
	        " \"descriptive_roll\": {\"height_cm\": 132, \"hair\": "
	        "\"black, "
	        "two plaits\"}, \"missing_since\": "
	        "\"2026-11-28T16:00:00+05:30\","
	        " \"last_seen_place\": {\"beat\": \"Beat 4\"}, "
	        "\"circumstances\":"
	        " \"Did not return from school.\", \"clothing\": \"blue school "
	        "uniform\", \"reported_at\": \"2026-11-28T21:00:00+05:30\", "
	        "\"informant\": {\"name\": \"Test Mother\"}, "
	        "\"relation_to_missing\": \"mother\", \"fir_number\": "
	        "\"0012/2026\", \"officer\": {\"number\": \"UP-1\", \"name\": "
	        "\"Test Officer\", \"rank\": \"SI\"}}}");
	static const char *const want[] = {
	        "MISSING PERSON REPORT",
	        "1. Report",
	        "0003/2026",
	        "GD entry 7 of 29/11/2026",
	        "Yes: under 18 when missing",
	        "0012/2026",
	        "2. Missing person",
	        "Test Child",
	        "Age when missing",
	        "12 years",
	        "3. Description",
	        "132 cm",
	        "blue school uniform",
	        "4. Last seen",
	        "28/11/2026 16:00 IST",
	        "Beat 4",
	        "5. Circumstances",
	        "Did not return from school.",
	        "6. Informant",
	        "Test Mother",
	        "mother",
	        "7. Recorded by",
	        "SI Test Officer (UP-1)",
	        "8. Traced",
	        "Not traced yet.",
	};
	char *text = capture(p_missing, m);

	(void)state;
	ASSERT_IN_ORDER(text, want);
	no_line_is_wider_than_the_page(text);
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void traced_report_shows_how_and_when(void **state)
{
	ProtobufCMessage *m = parse(
	        &cctns__v1__missing_person__descriptor,
	        "{\"receipt\": {\"number\": \"0004/2026\"}, \"report\": "
	        "{\"person\": {\"name\": \"Test Adult\"}, \"age_years\": 40}, "
	        "\"trace\": {\"traced_at\": \"2026-11-30T18:00:00+05:30\", "
	        "\"how\": \"found_by_police\", \"gd_date\": \"2026-11-30\", "
	        "\"gd_number\": 2}}");
	static const char *const want[] = {
	        "Missing child",           "No",
	        "40 years (stated)",       "8. Traced",
	        "30/11/2026 18:00 IST",    "Found by police",
	        "GD entry 2 of 30/11/2026"};
	char *text = capture(p_missing, m);

	(void)state;
	ASSERT_IN_ORDER(text, want);
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void p_ud(FILE *out, const ProtobufCMessage *m)
{
	print_unnatural_death(out, (const Cctns__V1__UnnaturalDeath *)m);
}

static void unidentified_body_shows_what_was_seen_then_who_it_was(void **state)
{
	ProtobufCMessage *m = parse(
	        &cctns__v1__unnatural_death__descriptor,
	        "{\"receipt\": {\"ud_number\": \"UD 0001/2026\", \"gd_date\": "
	        "\"2026-11-29\", \"gd_number\": 2}, \"report\": {\"kind\": "
	        "\"unidentified_body\", \"found_at\": "
	        "\"2026-11-29T06:30:00+05:30\", \"apparent_cause\": "
	        "\"drowning\", \"deceased\": {\"gender\": \"male\"}, "
	        "\"apparent_age_from\": 30, \"apparent_age_to\": 40, "
	        "\"height_cm\": 168, \"descriptive_roll\": {\"scars\": \"left "
	        "knee\"}, \"inquest_at\": \"2026-11-29T09:00:00+05:30\", "
	        "\"inquest_magistrate\": \"Test Magistrate, SDM Sadar\", "
	        "\"post_mortem\": {\"hospital\": \"SN Medical College\", "
	        "\"date\": \"2026-11-29\"}}, \"identification\": "
	        "{\"deceased\": {\"name\": \"Test Deceased\"}, "
	        "\"identified_by\": {\"name\": \"Test Brother\"}, "
	        "\"identified_at\": \"2026-11-30T12:00:00+05:30\"}}");
	static const char *const want[] = {"UNIDENTIFIED DEAD BODY",
	                                   "UD 0001/2026",
	                                   "2. Finding",
	                                   "Unidentified dead body",
	                                   "29/11/2026 06:30 IST",
	                                   "Drowning",
	                                   "3. The deceased",
	                                   "unidentified",
	                                   "Male",
	                                   "4. Description",
	                                   "30 to 40 years",
	                                   "168 cm",
	                                   "left knee",
	                                   "7. Inquest",
	                                   "Test Magistrate, SDM Sadar",
	                                   "8. Post-mortem",
	                                   "SN Medical College",
	                                   "29/11/2026",
	                                   "10. Identification",
	                                   "30/11/2026 12:00 IST",
	                                   "Test Deceased",
	                                   "Test Brother"};
	char *text = capture(p_ud, m);

	(void)state;
	ASSERT_IN_ORDER(text, want);
	no_line_is_wider_than_the_page(text);
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void p_vehicle(FILE *out, const ProtobufCMessage *m)
{
	print_vehicle_record(out, (const Cctns__V1__VehicleRecord *)m);
}

#define MATCH                                                                  \
	"{\"number\": \"0001/2026\", \"station\": {\"state_code\": 9, "        \
	"\"district_code\": 118, \"station_code\": 1001, \"station_name\": "   \
	"\"Agra Kotwali\"}, \"kind\": \"stolen\", \"registration_number\": "   \
	"\"UP 80 AB 1234\", \"vehicle_type\": \"two_wheeler\", \"make\": "     \
	"\"Hero\", \"model\": \"Splendor Plus\", \"at\": "                     \
	"\"2026-11-20T21:00:00+05:30\", \"fir_number\": \"0001/2026\", "       \
	"\"matched_by\": [\"registration\", \"chassis\"]}"

static void recovered_vehicle_lists_the_stolen_reports_it_matches(void **state)
{
	ProtobufCMessage *m = parse(
	        &cctns__v1__vehicle_record__descriptor,
	        "{\"receipt\": {\"number\": \"0002/2026\", "
	        "\"registration_normalised\": \"UP80AB1234\", \"matches\": "
	        "[" MATCH "]}, \"report\": {\"kind\": \"recovered\", "
	        "\"registration_number\": \"up-80-ab-1234\", \"vehicle_type\": "
	        "\"two_wheeler\", \"at\": \"2026-11-30T08:00:00+05:30\"}}");
	static const char *const want[] = {
	        "RECOVERED VEHICLE REPORT",
	        "0002/2026",
	        "2. Vehicle",
	        "Two-wheeler",
	        "up-80-ab-1234 (searched as UP80AB1234)",
	        "3. When and where",
	        "Recovered",
	        "30/11/2026 08:00 IST",
	        "4. Owner",
	        "not known",
	        "6. Matching reports of the state",
	        "Stolen 0001/2026, Agra Kotwali (9:118:1001)\n",
	        "matched by registration, chassis\n",
	        "Two-wheeler, UP 80 AB 1234, Hero Splendor Plus",
	        "stolen 20/11/2026 21:00 IST, FIR 0001/2026"};
	char *text = capture(p_vehicle, m);

	(void)state;
	ASSERT_IN_ORDER(text, want);
	no_line_is_wider_than_the_page(text);
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void p_matches(FILE *out, const ProtobufCMessage *m)
{
	print_vehicle_matches(out, (const Cctns__V1__VehicleMatches *)m);
}

static void a_search_says_when_nothing_matches(void **state)
{
	ProtobufCMessage *none =
	        parse(&cctns__v1__vehicle_matches__descriptor, "{}");
	ProtobufCMessage *one = parse(&cctns__v1__vehicle_matches__descriptor,
	                              "{\"matches\": [" MATCH "]}");
	char *a = capture(p_matches, none), *b = capture(p_matches, one);

	(void)state;
	assert_non_null(strstr(a, "No vehicle report of the state"));
	assert_non_null(strstr(b, "1 report of the state"));
	assert_non_null(strstr(b, "Agra Kotwali"));
	free(a);
	free(b);
	protobuf_c_message_free_unpacked(none, NULL);
	protobuf_c_message_free_unpacked(one, NULL);
}

static void enum_words_cover_every_value(void **state)
{
	(void)state;
	assert_string_equal(word_traced_how(4), "Other");
	assert_string_equal(word_apparent_cause(9), "Snake bite");
	assert_string_equal(word_apparent_cause(11), "Other");
	assert_string_equal(word_vehicle_type(8), "E-rickshaw");
	assert_string_equal(word_vehicle_kind(3), "Unclaimed");
	assert_string_equal(word_ud_kind(2), "Unnatural death");
	assert_string_equal(word_vehicle_type(10), "unrecognised");
	assert_string_equal(word_traced_how(0), "not stated");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	        cmocka_unit_test(missing_child_report_reads_like_the_register),
	        cmocka_unit_test(traced_report_shows_how_and_when),
	        cmocka_unit_test(
	                unidentified_body_shows_what_was_seen_then_who_it_was),
	        cmocka_unit_test(
	                recovered_vehicle_lists_the_stolen_reports_it_matches),
	        cmocka_unit_test(a_search_says_when_nothing_matches),
	        cmocka_unit_test(enum_words_cover_every_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
