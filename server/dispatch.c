/* dispatch.c: the one table of request types. A request that is one api.*
 * call is a row with a JSON call (jsoncall.h says how parameters and the
 * answer are made; handlers_call.c runs it); a new record type is a new row.
 *
 * Status.field of a database error is relative to the request body; the
 * COLUMN the function raises is prefixed per row as follows:
 *   register_fir     "fir."  (COLUMN is a path in FirContent)
 *   register_arrest  "memo." (a path in ArrestMemo); fir_number as it is
 *   add_gd_entry     none    (the JSON is the body without the key)
 *   assign_io        none    (the JSON is the body without fir_number)
 *   get_*            none    (no JSON: COLUMN names a text parameter)
 *   get_person, update_person, add_person_photo, get_person_photo
 *                    none    (the JSON is the body without the key)
 *   record_crime_details "details." (a path in CrimeDetails)
 *   get_crime_details none   (the JSON is {"version"}; fir_number as it is)
 * The key and text parameters are never prefixed. */
#include "dispatch.h"

#include <stdio.h>
#include <string.h>

#include "handlers.h"
#include "metrics.h"
#include "util.h"

#define BODY(x) CCTNS__V1__ENVELOPE__BODY_##x

static const struct dispatch_row rows[] = {
        {BODY(HELLO), "hello", handle_hello, 0, NULL, NULL, NULL},
        /* FIR: the result row is a FirReceipt (columns named after its
         * fields, gd_* included); the station and key are added here. */
        {BODY(REGISTER_FIR), "register_fir", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_fir",
                          "SELECT to_jsonb(r) FROM api.register_fir($1::int, "
                          "$2::int, $3::int, $4::bytea, $5::jsonb) r",
                          5},
                 .key = 1,
                 .json = "fir",
                 .reply = BODY(FIR_RECEIPT),
                 .station = "station",
                 .echo_key = 1,
         },
         NULL, NULL},
        {BODY(GET_FIR), "get_fir", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_fir",
                          "SELECT api.get_fir($1::int, $2::int, $3::int, "
                          "$4::text)",
                          4},
                 .text = {"fir_number"},
                 .reply = BODY(FIR),
                 .station = "receipt.station",
         },
         NULL, NULL},
        /* General Diary */
        {BODY(ADD_GD_ENTRY), "add_gd_entry", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"add_gd_entry",
                          "SELECT entry, replayed FROM api.add_gd_entry("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = JSONCALL_BODY,
                 .reply = BODY(GD_ENTRY_RECEIPT),
                 .into = "entry",
                 .replayed = 1,
         },
         NULL, NULL},
        {BODY(GET_GD), "get_gd", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_gd",
                          "SELECT api.get_gd($1::int, $2::int, $3::int, "
                          "$4::text)",
                          4},
                 .text = {"date"},
                 .reply = BODY(GD_DAY),
                 .station = "station",
         },
         NULL, NULL},
        /* Case status and timeline */
        {BODY(ASSIGN_IO), "assign_io", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"assign_io",
                          "SELECT api.assign_io($1::int, $2::int, $3::int, "
                          "$4::text, $5::jsonb)",
                          5},
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(CASE_TIMELINE),
         },
         NULL, NULL},
        {BODY(GET_CASE_TIMELINE), "get_case_timeline", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"case_timeline",
                          "SELECT api.case_timeline($1::int, $2::int, "
                          "$3::int, $4::text)",
                          4},
                 .text = {"fir_number"},
                 .reply = BODY(CASE_TIMELINE),
         },
         NULL, NULL},
        /* Arrest / court surrender memo */
        {BODY(REGISTER_ARREST), "register_arrest", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"register_arrest",
                          "SELECT receipt, replayed FROM api.register_arrest("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::text, "
                          "$6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "memo",
                 .reply = BODY(ARREST_RECEIPT),
                 .replayed = 1,
         },
         NULL, NULL},
        {BODY(GET_ARREST), "get_arrest", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_arrest",
                          "SELECT api.get_arrest($1::int, $2::int, $3::int, "
                          "$4::text, $5::text)",
                          5},
                 .text = {"fir_number", "accused_code"},
                 .reply = BODY(ARREST),
         },
         NULL, NULL},
        /* ---------------- persons helper: persons, photos, crime details.
         * Any station of the state reads a person and adds to it; the
         * person_id (uint64) travels in the JSON body. */
        {BODY(GET_PERSON), "get_person", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_person",
                          "SELECT api.get_person($1::int, $2::int, $3::int, "
                          "$4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_RECORD),
         },
         NULL, NULL},
        {BODY(UPDATE_PERSON), "update_person", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"update_person",
                          "SELECT record, replayed FROM api.update_person("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_RECORD),
                 .replayed = 1,
         },
         NULL, NULL},
        {BODY(ADD_PERSON_PHOTO), "add_person_photo", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"add_person_photo",
                          "SELECT photo, replayed FROM api.add_person_photo("
                          "$1::int, $2::int, $3::int, $4::bytea, $5::jsonb)",
                          5},
                 .key = 1,
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_PHOTO),
                 .replayed = 1,
         },
         NULL, NULL},
        {BODY(GET_PERSON_PHOTO), "get_person_photo", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_person_photo",
                          "SELECT api.get_person_photo($1::int, $2::int, "
                          "$3::int, $4::jsonb)",
                          4},
                 .json = JSONCALL_BODY,
                 .reply = BODY(PERSON_PHOTO),
         },
         NULL, NULL},
        {BODY(RECORD_CRIME_DETAILS), "record_crime_details", handle_json_call,
         1,
         &(const struct jsoncall){
                 .stmt = {"record_crime_details",
                          "SELECT receipt, replayed FROM "
                          "api.record_crime_details($1::int, $2::int, "
                          "$3::int, $4::bytea, $5::text, $6::jsonb)",
                          6},
                 .key = 1,
                 .text = {"fir_number"},
                 .json = "details",
                 .reply = BODY(CRIME_DETAILS_RECEIPT),
                 .replayed = 1,
         },
         NULL, NULL},
        {BODY(GET_CRIME_DETAILS), "get_crime_details", handle_json_call, 1,
         &(const struct jsoncall){
                 .stmt = {"get_crime_details",
                          "SELECT api.get_crime_details($1::int, $2::int, "
                          "$3::int, $4::text, $5::jsonb)",
                          5},
                 .text = {"fir_number"},
                 .json = JSONCALL_BODY,
                 .reply = BODY(CRIME_DETAILS_RECORD),
         },
         NULL, NULL},
};

const struct dispatch_row *dispatch_find(Cctns__V1__Envelope__BodyCase body,
                                         size_t *index)
{
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		if (rows[i].body == body) {
			*index = i;
			return &rows[i];
		}
	}
	*index = ARRAY_LEN(rows);
	return NULL;
}

size_t dispatch_count(void)
{
	return ARRAY_LEN(rows);
}

const char *dispatch_type_name(size_t i)
{
	return i < ARRAY_LEN(rows) ? rows[i].name : "other";
}

/* ------------------------------------------------------------ self-check */

static int check_row(size_t i, char *why, size_t whysz)
{
	const struct dispatch_row *r = &rows[i];
	Envelope e = CCTNS__V1__ENVELOPE__INIT;

	e.body_case = r->body;
	if (!envelope_is_request(&e) ||
	    strcmp(envelope_body_name(&e), r->name) != 0) {
		snprintf(why, whysz, "row %s: not the request %s", r->name,
		         envelope_body_name(&e));
		return -1;
	}
	if (!r->call != (r->handler != handle_json_call)) {
		snprintf(why, whysz, "row %s: a JSON call needs its handler",
		         r->name);
		return -1;
	}
	for (size_t j = 0; r->call && j < i; j++) {
		if (rows[j].call &&
		    strcmp(rows[j].call->stmt.name, r->call->stmt.name) == 0) {
			snprintf(why, whysz, "row %s: statement name %s taken",
			         r->name, r->call->stmt.name);
			return -1;
		}
	}
	if (r->call && jsoncall_check(r->call, r->body, why, whysz) != 0)
		return -1;
	return 0;
}

/* Every request case of the Envelope's oneof has a row. */
static int check_coverage(char *why, size_t whysz)
{
	const ProtobufCMessageDescriptor *d = &cctns__v1__envelope__descriptor;
	size_t index;

	for (unsigned i = 0; i < d->n_fields; i++) {
		Envelope e = CCTNS__V1__ENVELOPE__INIT;

		if (!(d->fields[i].flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
			continue;
		e.body_case = (Cctns__V1__Envelope__BodyCase)d->fields[i].id;
		if (envelope_is_request(&e) &&
		    !dispatch_find(e.body_case, &index)) {
			snprintf(why, whysz, "request %s has no row",
			         d->fields[i].name);
			return -1;
		}
	}
	return 0;
}

int dispatch_check(char *why, size_t whysz)
{
	if (ARRAY_LEN(rows) + 1 > METRICS_TYPES_MAX) {
		snprintf(why, whysz, "%zu rows: raise METRICS_TYPES_MAX",
		         ARRAY_LEN(rows));
		return -1;
	}
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		if (check_row(i, why, whysz) != 0)
			return -1;
	}
	return check_coverage(why, whysz);
}
