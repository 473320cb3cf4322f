/* test_print_persons.c: the printouts of the persons master record, the
 * photo and update answers, and the crime details form (IIF-II), as a
 * station writer would read them. Messages are built from JSON, as the
 * terminal receives them. */
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
#include "print_crime_details.h"
#include "print_person.h"

static ProtobufCMessage *from_json(const ProtobufCMessageDescriptor *d,
                                   const char *json)
{
	pbjson_error err;
	ProtobufCMessage *m = pbjson_parse(d, json, strlen(json), &err);

	if (!m)
		fail_msg("fixture: %s: %s", err.path, err.message);
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

static const char person_json[] =
        "{\"person\": {\"person_id\": 1234, \"name\": \"Sonu Kumar\","
        " \"relative_kind\": \"father\", \"relative_name\": \"Ram Prakash\","
        " \"gender\": \"male\", \"year_of_birth\": 2002, \"phone\": "
        "\"9000000001\"},"
        " \"aliases\": [\"Kallu\", \"Sonu Bhai\"],"
        " \"identity_documents\": [{\"kind\": \"aadhaar_masked\", \"number\":"
        " \"4821\"}, {\"kind\": \"voter_id\", \"number\": \"UP/14/123\"}],"
        " \"phones\": [{\"number\": \"+91 98765 43210\", \"kind\": \"mobile\","
        " \"added_at\": \"2026-11-29T10:00:00+05:30\"}],"
        " \"addresses\": [{\"kind\": \"present\", \"since\": \"2024-03-01\","
        " \"address\": {\"line1\": \"5 Loha Mandi\", \"city\": \"Agra\"},"
        " \"added_at\": \"2026-11-29T10:00:00+05:30\"}],"
        " \"descriptive_roll\": {\"height_cm\": 170, \"build\": \"thin\","
        " \"languages\": [\"Hindi\", \"Braj\"]},"
        " \"descriptive_roll_at\": \"2026-11-29T10:00:00+05:30\","
        " \"links\": [{\"role\": \"arrested\", \"record_kind\": \"arrest\","
        " \"label\": \"arrest A1 in FIR 0001/2026\", \"linked_at\":"
        " \"2026-11-28T09:15:00+05:30\", \"fir_number\": \"0001/2026\","
        " \"station\": {\"station_name\": \"Agra Kotwali\", \"district_name\":"
        " \"Agra\", \"state_name\": \"Uttar Pradesh\"}},"
        " {\"role\": \"place_shown_by\", \"record_kind\": \"crime_details\","
        " \"label\": \"crime details of FIR 0001/2026\", \"linked_at\":"
        " \"2026-11-29T11:00:00+05:30\"}],"
        " \"photos\": [{\"photo_no\": 1, \"mime\": \"image/jpeg\", "
        "\"size_bytes\": 123456, \"width\": 200, \"height\": 250, \"sha256\":"
        " \"ab\", \"added_at\": \"2026-11-29T10:05:00+05:30\", \"taken_at\":"
        " \"2026-11-28T18:00:00+05:30\"}],"
        " \"created_at\": \"2026-11-28T09:15:00+05:30\","
        " \"created_by\": {\"station_name\": \"Agra Kotwali\","
        " \"district_name\": \"Agra\", \"state_name\": \"Uttar Pradesh\"}}";

static void print_record(FILE *out, const ProtobufCMessage *m)
{
	print_person_record(out, (const Cctns__V1__PersonRecord *)m);
}

static void person_record_prints_every_section_in_order(void **state)
{
	ProtobufCMessage *m =
	        from_json(&cctns__v1__person_record__descriptor, person_json);
	char *text = capture(print_record, m);
	static const char *const want[] = {
	        "PERSON",
	        "1. Person",
	        "Person No.",
	        "1234",
	        "Sonu Kumar",
	        "Father's name",
	        "First recorded           28/11/2026 09:15 IST\n",
	        "   By                       Agra Kotwali (Agra, Uttar "
	        "Pradesh)\n",
	        "2. Aliases",
	        "(1)",
	        "Kallu",
	        "(2)",
	        "Sonu Bhai",
	        "3. Identity documents",
	        "Aadhaar (masked) XXXX XXXX 4821",
	        "Voter id UP/14/123",
	        "4. Phones",
	        "+91 98765 43210 (mobile), added 29/11/2026\n",
	        "5. Addresses",
	        "Present address",
	        "5 Loha Mandi",
	        "since 01/03/2024; added 29/11/2026\n",
	        "6. Descriptive roll",
	        "Height",
	        "170 cm",
	        "Build",
	        "thin",
	        "Languages",
	        "Hindi, Braj",
	        "7. Records naming the person",
	        "   28/11/2026 09:15  Arrested        arrest A1 in FIR "
	        "0001/2026\n",
	        "at Agra Kotwali (Agra, Uttar Pradesh)\n",
	        "29/11/2026 11:00  Place shown by  crime details of FIR "
	        "0001/2026\n",
	        "8. Photographs",
	        "Photo 1",
	        "JPEG, 200 x 250 pixels, 1,23,456 bytes\n",
	        "added 29/11/2026 10:05 IST\n",
	        "taken 28/11/2026 18:00 IST\n",
	};

	(void)state;
	ASSERT_IN_ORDER(text, want);
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void empty_sections_say_none(void **state)
{
	ProtobufCMessage *m = from_json(&cctns__v1__person_record__descriptor,
	                                "{\"person\": {\"person_id\": 7, "
	                                "\"name\": \"A\"}}");
	char *text = capture(print_record, m);
	static const char *const want[] = {
	        "2. Aliases",
	        "none",
	        "3. Identity documents",
	        "none",
	        "4. Phones",
	        "none",
	        "5. Addresses",
	        "none",
	        "6. Descriptive roll",
	        "none recorded",
	        "7. Records naming the person",
	        "none",
	        "8. Photographs",
	        "none",
	};

	(void)state;
	ASSERT_IN_ORDER(text, want);
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void update_and_photo_answers_say_what_happened(void **state)
{
	ProtobufCMessage *r =
	        from_json(&cctns__v1__person_record__descriptor,
	                  "{\"person\": {\"person_id\": 7, "
	                  "\"name\": \"A\"}, \"replayed\": true}");
	ProtobufCMessage *p = from_json(
	        &cctns__v1__person_photo__descriptor,
	        "{\"person_id\": 7, \"info\": {\"photo_no\": 2, \"mime\": "
	        "\"image/png\", \"size_bytes\": 2768, \"width\": 64, "
	        "\"height\": 80, \"sha256\": \"00ff\"}}");
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	print_person_update(f, (const Cctns__V1__PersonRecord *)r, "k1");
	print_photo_added(f, (const Cctns__V1__PersonPhoto *)p, "k2");
	fclose(f);
	{
		static const char *const want[] = {
		        "Details of person 7 recorded (already recorded "
		        "earlier with this key)\n",
		        "PERSON",
		        "idempotency key: k1\n",
		        "Photo 2 of person 7 added: PNG, 64 x 80 pixels, 2,768 "
		        "bytes\n",
		        "SHA-256: 00ff\n",
		        "idempotency key: k2\n",
		};
		ASSERT_IN_ORDER(text, want);
	}
	free(text);
	protobuf_c_message_free_unpacked(r, NULL);
	protobuf_c_message_free_unpacked(p, NULL);
}

static const char crime_json[] =
        "{\"receipt\": {\"fir_number\": \"0001/2026\", \"version\": 2,"
        " \"recorded_at\": \"2026-11-29T12:10:00+05:30\"}, \"versions\": 2,"
        " \"details\": {"
        " \"place_shown_by\": {\"person\": {\"name\": \"Ramesh Kumar\","
        " \"person_id\": 41}, \"relation\": \"complainant\"},"
        " \"mo\": {\"major\": \"theft\", \"minor\": \"chain_snatching\","
        " \"methods\": [\"from a motorcycle\"], \"conveyance_used\":"
        " \"black motorcycle\", \"special_features\": [\"two persons\","
        " \"rode towards the fort\"]},"
        " \"place_type\": \"place_of_worship\", \"motive\": \"Gain\","
        " \"properties\": [{\"kind\": \"mobile_phone\", \"description\":"
        " \"Samsung\", \"value_rupees\": 32000}, {\"kind\": \"cash\","
        " \"value_rupees\": 150000}],"
        " \"scene_description\": \"Narrow lane.\","
        " \"physical_evidence\": \"CCTV footage.\","
        " \"victims\": [{\"person\": {\"name\": \"Ramesh Kumar\","
        " \"person_id\": 42}, \"religion\": \"Hindu\", \"sc_st\": \"sc\","
        " \"injury\": \"grievous\", \"injury_details\": \"Fractured wrist.\"}],"
        " \"panchnama_at\": \"2026-11-29T11:30:00+05:30\","
        " \"panch_witnesses\": [{\"name\": \"Mohd. Salim\", \"person_id\": 43},"
        " {\"name\": \"Vinod Agarwal\", \"person_id\": 44}],"
        " \"weapon_used\": \"none\", \"vehicle_used\": \"motorcycle\","
        " \"officer\": {\"number\": \"UP-09876\", \"name\": \"Anil Kumar "
        "Tyagi\", \"rank\": \"Inspector\"}}}";

static void print_form(FILE *out, const ProtobufCMessage *m)
{
	print_crime_details(out, (const Cctns__V1__CrimeDetailsRecord *)m);
}

static void crime_details_print_like_iif_ii(void **state)
{
	ProtobufCMessage *m = from_json(
	        &cctns__v1__crime_details_record__descriptor, crime_json);
	char *text = capture(print_form, m);
	static const char *const want[] = {
	        "CRIME DETAILS FORM",
	        "(Integrated Investigation Form II)",
	        "1. Case",
	        "0001/2026",
	        "Version",
	        "2 of 2",
	        "29/11/2026 12:10 IST",
	        "Inspector Anil Kumar Tyagi (UP-09876)",
	        "2. Type of place of occurrence",
	        "Place of worship",
	        "3. Place shown by",
	        "Ramesh Kumar",
	        "Person No.",
	        "41",
	        "Relation",
	        "complainant",
	        "4. Modus operandi",
	        "Major head",
	        "Theft",
	        "Minor head",
	        "Chain snatching",
	        "Method (1)",
	        "from a motorcycle",
	        "Conveyance used",
	        "Special feature (2)",
	        "rode towards the fort",
	        "5. Motive",
	        "Gain",
	        "6. Properties stolen or involved",
	        "Mobile phone: Samsung, Rs. 32,000",
	        "Cash, Rs. 1,50,000",
	        "Total value",
	        "Rs. 1,82,000",
	        "7. Description of the scene",
	        "8. Physical evidence",
	        "9. Victims",
	        "Victim 1",
	        "42",
	        "SC/ST",
	        "Scheduled Caste",
	        "Injury",
	        "Grievous",
	        "Fractured wrist.",
	        "10. Panchnama",
	        "29/11/2026 11:30 IST",
	        "Witness 1",
	        "Mohd. Salim",
	        "Witness 2",
	        "Vinod Agarwal",
	        "11. Weapon used",
	        "12. Vehicle used",
	        "motorcycle",
	};

	(void)state;
	ASSERT_IN_ORDER(text, want);
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void crime_details_receipt_names_fir_and_version(void **state)
{
	ProtobufCMessage *m =
	        from_json(&cctns__v1__crime_details_receipt__descriptor,
	                  "{\"fir_number\": \"0001/2026\", \"version\": 3, "
	                  "\"recorded_at\": \"2026-11-29T12:10:00+05:30\"}");
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	print_crime_details_receipt(
	        f, (const Cctns__V1__CrimeDetailsReceipt *)m, "k");
	fclose(f);
	assert_string_equal(text, "Crime details of FIR 0001/2026 recorded as "
	                          "version 3 on 29/11/2026 12:10 IST\n"
	                          "idempotency key: k\n");
	free(text);
	protobuf_c_message_free_unpacked(m, NULL);
}

static void enum_words_cover_every_value(void **state)
{
	(void)state;
	assert_string_equal(word_place_type(1), "Residence");
	assert_string_equal(word_place_type(21), "Other");
	assert_string_equal(word_place_type(0), "not stated");
	assert_string_equal(word_place_type(22), "unrecognised");
	assert_string_equal(word_sc_st(3), "Scheduled Tribe");
	assert_string_equal(word_injury(4), "Fatal");
	for (unsigned i = 0; i < cctns__v1__place_type__descriptor.n_values;
	     i++)
		assert_string_not_equal(
		        word_place_type(
		                cctns__v1__place_type__descriptor.values[i]
		                        .value),
		        "unrecognised");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	        cmocka_unit_test(person_record_prints_every_section_in_order),
	        cmocka_unit_test(empty_sections_say_none),
	        cmocka_unit_test(update_and_photo_answers_say_what_happened),
	        cmocka_unit_test(crime_details_print_like_iif_ii),
	        cmocka_unit_test(crime_details_receipt_names_fir_and_version),
	        cmocka_unit_test(enum_words_cover_every_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
