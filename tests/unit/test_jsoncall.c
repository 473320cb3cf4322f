/* test_jsoncall.c: the request table (server/dispatch.c) and the generic
 * JSON call (server/jsoncall.c): every request has a sound row; the
 * parameters of a call are the station codes, the key, the text fields and
 * the JSON document in that order; a database error's field is relative to
 * the request body; the response is built around the result (wrapped,
 * replayed, station and key filled) and freed without touching what it
 * borrowed. The server sources are included directly: this executable links
 * only cctnsproto, and neither file needs libpq. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../server/dispatch.c"
#include "../../server/jsoncall.c"
#include "../../server/perm.c"
#include "fixtures.h"

#define BODY_CASE(x) CCTNS__V1__ENVELOPE__BODY_##x

/* The table points at the real handlers; nothing here calls them. */
void handle_hello(struct request *req, const Envelope *env,
                  const struct jsoncall *call)
{
	(void)req;
	(void)env;
	(void)call;
	fail_msg("handle_hello called");
}

void handle_json_call(struct request *req, const Envelope *env,
                      const struct jsoncall *call)
{
	(void)req;
	(void)env;
	(void)call;
	fail_msg("handle_json_call called");
}

/* fir: GetFir's handler (server/handlers_fir.c). */
void handle_get_fir(struct request *req, const Envelope *env,
                    const struct jsoncall *call)
{
	(void)req;
	(void)env;
	(void)call;
	fail_msg("handle_get_fir called");
}

/* signin: the officer handlers the table points at. */
void handle_sign_in(struct request *req, const Envelope *env,
                    const struct jsoncall *call)
{
	(void)req;
	(void)env;
	(void)call;
	fail_msg("handle_sign_in called");
}

void handle_sign_out(struct request *req, const Envelope *env,
                     const struct jsoncall *call)
{
	(void)req;
	(void)env;
	(void)call;
	fail_msg("handle_sign_out called");
}

void handle_who_am_i(struct request *req, const Envelope *env,
                     const struct jsoncall *call)
{
	(void)req;
	(void)env;
	(void)call;
	fail_msg("handle_who_am_i called");
}

static const uint32_t codes[3] = {9, 118, 1001};

/* The JSON call of the row for body case c. */
static const struct jsoncall *row_of(Cctns__V1__Envelope__BodyCase c)
{
	size_t i;
	const struct dispatch_row *r = dispatch_find(c, &i);

	assert_non_null(r);
	assert_non_null(r->call);
	return r->call;
}

static Cctns__V1__Officer *officer(void)
{
	Cctns__V1__Officer *o = fx_new(&cctns__v1__officer__descriptor);
	fx_str(&o->number, "UP-1234");
	fx_str(&o->name, "Test Officer");
	fx_str(&o->rank, "SI");
	return o;
}

static ProtobufCMessage *parse(const ProtobufCMessageDescriptor *d,
                               const char *json)
{
	pbjson_error err;
	ProtobufCMessage *m = pbjson_parse(d, json, strlen(json), &err);

	if (!m)
		fail_msg("%s: %s", err.path, err.message);
	return m;
}

/* ------------------------------------------------------------ the table */

static void request_table_is_sound(void **state)
{
	char why[256] = "";

	(void)state;
	if (dispatch_check(why, sizeof(why)) != 0)
		fail_msg("%s", why);
}

static void
every_request_has_a_row_named_after_it_and_responses_none(void **state)
{
	const ProtobufCMessageDescriptor *d = &cctns__v1__envelope__descriptor;
	size_t rows_seen = 0, index;

	(void)state;
	for (unsigned i = 0; i < d->n_fields; i++) {
		Envelope e = CCTNS__V1__ENVELOPE__INIT;
		const struct dispatch_row *r;

		if (!(d->fields[i].flags & PROTOBUF_C_FIELD_FLAG_ONEOF))
			continue;
		e.body_case = (Cctns__V1__Envelope__BodyCase)d->fields[i].id;
		r = dispatch_find(e.body_case, &index);
		if (!envelope_is_request(&e)) {
			assert_null(r);
			assert_int_equal(index, dispatch_count());
			continue;
		}
		assert_non_null(r);
		assert_string_equal(r->name, d->fields[i].name);
		assert_string_equal(dispatch_type_name(index), r->name);
		rows_seen++;
	}
	assert_int_equal(rows_seen, dispatch_count());
	assert_string_equal(dispatch_type_name(dispatch_count()), "other");
}

static void every_row_but_hello_needs_hello_and_is_a_json_call(void **state)
{
	(void)state;
	for (size_t i = 0; i < dispatch_count(); i++) {
		int hello = rows[i].body == BODY_CASE(HELLO);
		/* signin: the officer rows have handlers of their own. */
		int officer = rows[i].body == BODY_CASE(SIGN_IN) ||
		              rows[i].body == BODY_CASE(SIGN_OUT) ||
		              rows[i].body == BODY_CASE(WHO_AM_I);
		assert_int_equal(rows[i].needs_hello, !hello);
		assert_int_equal(rows[i].call == NULL, hello || officer);
		/* signin: every row states a permission. */
		assert_non_null(rows[i].permission);
	}
}

/* A row that does not fit its messages is refused by jsoncall_check. */
static void rows_that_do_not_fit_their_messages_are_refused(void **state)
{
	static const struct {
		const char *rule;
		Cctns__V1__Envelope__BodyCase request;
		struct jsoncall call;
	} bad[] = {
	        {"text field that is not a string",
	         BODY_CASE(REGISTER_ARREST),
	         {.stmt = {"x", "", 4},
	          .text = {"memo"},
	          .reply = BODY_CASE(ARREST_RECEIPT)}},
	        {"text field that does not exist",
	         BODY_CASE(GET_ARREST),
	         {.stmt = {"x", "", 4},
	          .text = {"code"},
	          .reply = BODY_CASE(ARREST)}},
	        {"json field that is not a message",
	         BODY_CASE(REGISTER_ARREST),
	         {.stmt = {"x", "", 4},
	          .json = "fir_number",
	          .reply = BODY_CASE(ARREST_RECEIPT)}},
	        {"key on a request without one",
	         BODY_CASE(GET_GD),
	         {.stmt = {"x", "", 4}, .key = 1, .reply = BODY_CASE(GD_DAY)}},
	        {"parameter count off by one",
	         BODY_CASE(GET_ARREST),
	         {.stmt = {"x", "", 4},
	          .text = {"fir_number", "accused_code"},
	          .reply = BODY_CASE(ARREST)}},
	        {"reply that is a request",
	         BODY_CASE(GET_GD),
	         {.stmt = {"x", "", 3}, .reply = BODY_CASE(GET_GD)}},
	        {"into a field that is not a message",
	         BODY_CASE(ADD_GD_ENTRY),
	         {.stmt = {"x", "", 3},
	          .reply = BODY_CASE(GD_ENTRY_RECEIPT),
	          .into = "replayed"}},
	        {"replayed on a reply without it",
	         BODY_CASE(GET_GD),
	         {.stmt = {"x", "", 3},
	          .reply = BODY_CASE(GD_DAY),
	          .replayed = 1}},
	        {"station path that is not an Identity",
	         BODY_CASE(GET_FIR),
	         {.stmt = {"x", "", 3},
	          .reply = BODY_CASE(FIR),
	          .station = "receipt"}},
	        {"station path through a missing field",
	         BODY_CASE(GET_FIR),
	         {.stmt = {"x", "", 3},
	          .reply = BODY_CASE(FIR),
	          .station = "content.station"}},
	        {"echo of a key the request does not have",
	         BODY_CASE(GET_FIR),
	         {.stmt = {"x", "", 3},
	          .reply = BODY_CASE(FIR_RECEIPT),
	          .echo_key = 1}},
	        {"group key without an audited statement",
	         BODY_CASE(GET_FIR),
	         {.stmt = {"x", "", 4},
	          .text = {"fir_number"},
	          .reply = BODY_CASE(FIR),
	          .group_key = 3}},
	        {"group key past the station's codes",
	         BODY_CASE(REGISTER_FIR),
	         {.stmt = {"x", "", 5},
	          .key = 1,
	          .json = "fir",
	          .reply = BODY_CASE(FIR_RECEIPT),
	          .audited = {"y", "", 5 + AUDIT_TX_NPARAMS},
	          .group_key = 4}},
	};
	static const struct jsoncall grouped = {
	        .stmt = {"x", "", 5},
	        .key = 1,
	        .json = "fir",
	        .reply = BODY_CASE(FIR_RECEIPT),
	        .audited = {"y", "", 5 + AUDIT_TX_NPARAMS},
	        .group_key = 3};
	char why[256];

	(void)state;
	/* the last row with its group key on the codes is sound */
	assert_int_equal(0, jsoncall_check(&grouped, BODY_CASE(REGISTER_FIR),
	                                   why, sizeof(why)));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why[0] = '\0';
		if (jsoncall_check(&bad[i].call, bad[i].request, why,
		                   sizeof(why)) == 0)
			fail_msg("accepted a row with a %s", bad[i].rule);
		assert_true(why[0] != '\0');
	}
}

/* ------------------------------------------------------------ parameters */

static void arrest_params_are_codes_key_fir_number_then_memo_json(void **state)
{
	Cctns__V1__RegisterArrest *r =
	        fx_new(&cctns__v1__register_arrest__descriptor);
	struct jsoncall_params p;
	char *memo_json;

	(void)state;
	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	r->memo = fx_new(&cctns__v1__arrest_memo__descriptor);
	r->memo->person = fx_person("Test Arrested");
	r->memo->officer = officer();
	assert_int_equal(jsoncall_params(row_of(BODY_CASE(REGISTER_ARREST)),
	                                 &r->base, codes, &p),
	                 0);
	assert_int_equal(p.n, 6);
	assert_string_equal(p.values[0], "9");
	assert_string_equal(p.values[1], "118");
	assert_string_equal(p.values[2], "1001");
	assert_int_equal(p.formats[3], 1);
	assert_int_equal(p.lengths[3], 16);
	assert_memory_equal(p.values[3], fx_key(), 16);
	assert_int_equal(p.keylen, 16);
	assert_string_equal(p.values[4], "0042/2026");
	assert_int_equal(p.formats[4], 0);
	memo_json = pbjson_format(&r->memo->base, 0);
	assert_string_equal(p.values[5], memo_json);
	free(memo_json);
	jsoncall_params_free(&p);
	protobuf_c_message_free_unpacked(&r->base, NULL);
}

static void gd_entry_json_is_the_body_without_the_key(void **state)
{
	Cctns__V1__AddGdEntry *g = fx_new(&cctns__v1__add_gd_entry__descriptor);
	struct jsoncall_params p;

	(void)state;
	fx_bytes(&g->idempotency_key, fx_key(), 16);
	g->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	fx_str(&g->text, "Entry 3 named the wrong beat.");
	g->officer = officer();
	fx_str(&g->corrects_date, "2026-03-15");
	g->corrects_number = 3;
	assert_int_equal(jsoncall_params(row_of(BODY_CASE(ADD_GD_ENTRY)),
	                                 &g->base, codes, &p),
	                 0);
	assert_int_equal(p.n, 5);
	assert_string_equal(
	        p.values[4],
	        "{\"kind\":\"correction\",\"text\":\"Entry 3 named the wrong "
	        "beat.\",\"officer\":{\"number\":\"UP-1234\",\"name\":\"Test "
	        "Officer\",\"rank\":\"SI\"},\"corrects_date\":\"2026-03-15\","
	        "\"corrects_number\":3}");
	/* the request itself still has its key */
	assert_int_equal(g->idempotency_key.len, 16);
	assert_memory_equal(p.values[3], fx_key(), 16);
	jsoncall_params_free(&p);
	protobuf_c_message_free_unpacked(&g->base, NULL);
}

static void assign_io_json_is_the_body_without_fir_number(void **state)
{
	Cctns__V1__AssignIo *a = fx_new(&cctns__v1__assign_io__descriptor);
	struct jsoncall_params p;

	(void)state;
	fx_bytes(&a->idempotency_key, fx_key(), 16);
	fx_str(&a->fir_number, "42/2026");
	a->io = officer();
	a->acting = officer();
	fx_str(&a->acting->rank, "Inspector");
	assert_int_equal(jsoncall_params(row_of(BODY_CASE(ASSIGN_IO)), &a->base,
	                                 codes, &p),
	                 0);
	assert_int_equal(p.n, 6);
	assert_memory_equal(p.values[3], fx_key(), 16);
	assert_string_equal(p.values[4], "42/2026");
	assert_null(strstr(p.values[5], "fir_number"));
	assert_null(strstr(p.values[5], "idempotency_key"));
	assert_string_equal(
	        p.values[5],
	        "{\"io\":{\"number\":\"UP-1234\",\"name\":\"Test Officer\","
	        "\"rank\":\"SI\"},\"acting\":{\"number\":\"UP-1234\",\"name\":"
	        "\"Test Officer\",\"rank\":\"Inspector\"}}");
	assert_string_equal(a->fir_number, "42/2026");
	jsoncall_params_free(&p);
	protobuf_c_message_free_unpacked(&a->base, NULL);
}

static void get_arrest_text_params_follow_the_row_order(void **state)
{
	Cctns__V1__GetArrest *g = fx_new(&cctns__v1__get_arrest__descriptor);
	struct jsoncall_params p;

	(void)state;
	fx_str(&g->fir_number, "0042/2026");
	fx_str(&g->accused_code, "B3");
	assert_int_equal(jsoncall_params(row_of(BODY_CASE(GET_ARREST)),
	                                 &g->base, codes, &p),
	                 0);
	assert_int_equal(p.n, 5);
	assert_string_equal(p.values[3], "0042/2026");
	assert_string_equal(p.values[4], "B3");
	assert_null(p.json);
	jsoncall_params_free(&p);
	protobuf_c_message_free_unpacked(&g->base, NULL);
}

static void get_gd_without_date_passes_empty_text(void **state)
{
	Cctns__V1__GetGd g = CCTNS__V1__GET_GD__INIT;
	struct jsoncall_params p;

	(void)state;
	assert_int_equal(
	        jsoncall_params(row_of(BODY_CASE(GET_GD)), &g.base, codes, &p),
	        0);
	assert_int_equal(p.n, 4);
	assert_string_equal(p.values[3], "");
	jsoncall_params_free(&p);
}

static void unset_json_sub_message_is_passed_as_sql_null(void **state)
{
	Cctns__V1__RegisterFir *r =
	        fx_new(&cctns__v1__register_fir__descriptor);
	struct jsoncall_params p;

	(void)state;
	fx_bytes(&r->idempotency_key, fx_key(), 16);
	assert_int_equal(jsoncall_params(row_of(BODY_CASE(REGISTER_FIR)),
	                                 &r->base, codes, &p),
	                 0);
	assert_int_equal(p.n, 5);
	assert_null(p.values[4]);
	jsoncall_params_free(&p);
	protobuf_c_message_free_unpacked(&r->base, NULL);
}

/* ------------------------------------------------------------ error fields */

static void database_error_fields_are_relative_to_the_request_body(void **state)
{
	static const struct {
		Cctns__V1__Envelope__BodyCase body;
		const char *column; /* NULL: the error had none */
		const char *field;
	} cases[] = {
	        {BODY_CASE(REGISTER_FIR), "charges[0].section",
	         "fir.charges[0].section"},
	        {BODY_CASE(REGISTER_FIR), "idempotency_key", "idempotency_key"},
	        {BODY_CASE(REGISTER_FIR), "", "fir"},
	        {BODY_CASE(REGISTER_ARREST), "person.name", "memo.person.name"},
	        {BODY_CASE(REGISTER_ARREST), "arrested_at", "memo.arrested_at"},
	        {BODY_CASE(REGISTER_ARREST), "fir_number", "fir_number"},
	        {BODY_CASE(REGISTER_ARREST), "idempotency_key",
	         "idempotency_key"},
	        {BODY_CASE(REGISTER_ARREST), NULL, ""},
	        {BODY_CASE(ADD_GD_ENTRY), "kind", "kind"},
	        {BODY_CASE(ADD_GD_ENTRY), "officer.rank", "officer.rank"},
	        {BODY_CASE(ADD_GD_ENTRY), "corrects_number", "corrects_number"},
	        {BODY_CASE(ASSIGN_IO), "io.number", "io.number"},
	        {BODY_CASE(ASSIGN_IO), "fir_number", "fir_number"},
	        {BODY_CASE(GET_GD), "date", "date"},
	        {BODY_CASE(GET_CASE_TIMELINE), "fir_number", "fir_number"},
	        {BODY_CASE(GET_ARREST), "accused_code", "accused_code"},
	        {BODY_CASE(GET_FIR), "fir_number", "fir_number"},
	};
	char out[128];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		jsoncall_field(row_of(cases[i].body), cases[i].column, out,
		               sizeof(out));
		if (strcmp(out, cases[i].field) != 0)
			fail_msg("case %zu: COLUMN %s gave \"%s\", expected "
			         "\"%s\"",
			         i, cases[i].column ? cases[i].column : "NULL",
			         out, cases[i].field);
	}
}

/* ------------------------------------------------------------ replies */

/* The reply must pack (what the session does with it). */
static void assert_packs(const Envelope *e)
{
	size_t n = cctns__v1__envelope__get_packed_size(e);
	uint8_t *buf = xmalloc(n);

	assert_int_equal(cctns__v1__envelope__pack(e, buf), n);
	free(buf);
}

static void gd_entry_receipt_wraps_the_entry_and_sets_replayed(void **state)
{
	const struct jsoncall *c = row_of(BODY_CASE(ADD_GD_ENTRY));
	Cctns__V1__Identity *id = fx_identity();
	struct jsoncall_reply r;
	ProtobufCMessage *entry;

	(void)state;
	assert_ptr_equal(jsoncall_result_desc(c),
	                 &cctns__v1__gd_entry__descriptor);
	entry = parse(jsoncall_result_desc(c),
	              "{\"date\":\"2026-03-15\",\"number\":3,\"entered_at\":"
	              "\"2026-03-15T10:00:00+05:30\",\"kind\":\"general\","
	              "\"text\":\"Patrol began.\"}");
	jsoncall_reply_make(&r, c, entry, 1, id, fx_key(), 16);
	assert_int_equal(r.env.body_case, BODY_CASE(GD_ENTRY_RECEIPT));
	assert_ptr_equal(r.env.gd_entry_receipt->entry, entry);
	assert_true(r.env.gd_entry_receipt->replayed);
	assert_int_equal(r.env.gd_entry_receipt->entry->number, 3);
	assert_packs(&r.env);
	jsoncall_reply_free(&r);
	protobuf_c_message_free_unpacked(&id->base, NULL);
}

static void gd_day_gets_the_station_from_the_identity(void **state)
{
	const struct jsoncall *c = row_of(BODY_CASE(GET_GD));
	Cctns__V1__Identity *id = fx_identity();
	struct jsoncall_reply r;

	(void)state;
	jsoncall_reply_make(
	        &r, c,
	        parse(jsoncall_result_desc(c),
	              "{\"date\":\"2026-03-15\",\"entries\":[{\"number\":1,"
	              "\"kind\":\"fir\",\"fir_number\":\"0001/2026\"}]}"),
	        0, id, NULL, 0);
	assert_int_equal(r.env.body_case, BODY_CASE(GD_DAY));
	assert_ptr_equal(r.env.gd_day->station, id);
	assert_int_equal(r.env.gd_day->n_entries, 1);
	assert_packs(&r.env);
	jsoncall_reply_free(&r);
	/* id was borrowed, not freed with the reply */
	assert_string_equal(id->station_name, "Kotwali");
	protobuf_c_message_free_unpacked(&id->base, NULL);
}

static void fir_receipt_row_gets_gd_fields_station_and_echoed_key(void **state)
{
	const struct jsoncall *c = row_of(BODY_CASE(REGISTER_FIR));
	Cctns__V1__Identity *id = fx_identity();
	struct jsoncall_reply r;
	Cctns__V1__FirReceipt *f;

	(void)state;
	/* to_jsonb() of the api.register_fir row */
	jsoncall_reply_make(
	        &r, c,
	        parse(jsoncall_result_desc(c),
	              "{\"fir_number\": \"0001/2026\", \"year\": 2026, "
	              "\"number\": 1, \"registered_at\": "
	              "\"2026-03-15T10:00:05+05:30\", \"replayed\": true, "
	              "\"gd_date\": \"2026-03-15\", \"gd_number\": 12, "
	              "\"gd_entered_at\": \"2026-03-15T10:00:05+05:30\"}"),
	        0, id, fx_key(), 16);
	f = r.env.fir_receipt;
	assert_int_equal(r.env.body_case, BODY_CASE(FIR_RECEIPT));
	assert_string_equal(f->fir_number, "0001/2026");
	assert_true(f->replayed);
	assert_string_equal(f->gd_date, "2026-03-15");
	assert_int_equal(f->gd_number, 12);
	assert_string_equal(f->gd_entered_at, "2026-03-15T10:00:05+05:30");
	assert_ptr_equal(f->station, id);
	assert_int_equal(f->idempotency_key.len, 16);
	assert_memory_equal(f->idempotency_key.data, fx_key(), 16);
	assert_packs(&r.env);
	jsoncall_reply_free(&r);
	protobuf_c_message_free_unpacked(&id->base, NULL);
}

static void fir_receipt_without_gd_columns_still_reads(void **state)
{
	const struct jsoncall *c = row_of(BODY_CASE(REGISTER_FIR));
	ProtobufCMessage *m = parse(
	        jsoncall_result_desc(c),
	        "{\"fir_number\": \"0001/2026\", \"year\": 2026, \"number\": "
	        "1, "
	        "\"registered_at\": \"2026-03-15T10:00:05+05:30\", "
	        "\"replayed\": false, \"gd_date\": null, \"gd_number\": null, "
	        "\"gd_entered_at\": null}");

	(void)state;
	assert_string_equal(((Cctns__V1__FirReceipt *)m)->gd_date, "");
	protobuf_c_message_free_unpacked(m, NULL);
}

/* issue 7: the field a reply fills per request, for the copies' shells:
 * GetFir's receipt (its station path "receipt.station"); none where the
 * reply also fills a wrapper, replayed or the key, or has no station. */
static void reply_keep_names_the_field_filled_per_request(void **state)
{
	const ProtobufCMessageDescriptor *d = &cctns__v1__envelope__descriptor;
	char keep[32];
	size_t index, n = 0;

	(void)state;
	assert_string_equal(jsoncall_reply_keep(row_of(BODY_CASE(GET_FIR)),
	                                        keep, sizeof(keep)),
	                    "receipt");
	assert_null(jsoncall_reply_keep(row_of(BODY_CASE(GET_FIR)), keep, 7));
	assert_null(jsoncall_reply_keep(row_of(BODY_CASE(REGISTER_FIR)), keep,
	                                sizeof(keep))); /* echo_key */
	assert_null(jsoncall_reply_keep(row_of(BODY_CASE(ADD_GD_ENTRY)), keep,
	                                sizeof(keep))); /* into, replayed */
	/* every row's: a top-level message field of its result */
	for (unsigned i = 0; i < d->n_fields; i++) {
		const struct dispatch_row *r = dispatch_find(
		        (Cctns__V1__Envelope__BodyCase)d->fields[i].id, &index);
		const ProtobufCFieldDescriptor *f;

		if (!r || !r->call ||
		    !jsoncall_reply_keep(r->call, keep, sizeof(keep)))
			continue;
		f = protobuf_c_message_descriptor_get_field_by_name(
		        jsoncall_result_desc(r->call), keep);
		assert_non_null(f);
		assert_int_equal(f->type, PROTOBUF_C_TYPE_MESSAGE);
		n++;
	}
	assert_true(n >= 1);
}

static void stored_station_is_kept_and_a_missing_one_filled(void **state)
{
	const struct jsoncall *c = row_of(BODY_CASE(GET_FIR));
	Cctns__V1__Identity *id = fx_identity();
	struct jsoncall_reply r;

	(void)state;
	jsoncall_reply_make(
	        &r, c,
	        parse(jsoncall_result_desc(c),
	              "{\"receipt\":{\"fir_number\":\"0001/2026\",\"station\":"
	              "{\"station_code\":7,\"station_name\":\"Stored\"}}}"),
	        0, id, NULL, 0);
	assert_string_equal(r.env.fir->receipt->station->station_name,
	                    "Stored");
	assert_null(r.station_slot);
	jsoncall_reply_free(&r);

	jsoncall_reply_make(
	        &r, c,
	        parse(jsoncall_result_desc(c),
	              "{\"receipt\":{\"fir_number\":\"0001/2026\"}}"),
	        0, id, NULL, 0);
	assert_ptr_equal(r.env.fir->receipt->station, id);
	jsoncall_reply_free(&r);

	/* no receipt: nothing to fill, nothing made up */
	jsoncall_reply_make(&r, c, parse(jsoncall_result_desc(c), "{}"), 0, id,
	                    NULL, 0);
	assert_null(r.env.fir->receipt);
	jsoncall_reply_free(&r);
	protobuf_c_message_free_unpacked(&id->base, NULL);
}

static void arrest_receipt_replayed_comes_from_its_column(void **state)
{
	const struct jsoncall *c = row_of(BODY_CASE(REGISTER_ARREST));
	struct jsoncall_reply r;

	(void)state;
	jsoncall_reply_make(
	        &r, c,
	        parse(jsoncall_result_desc(c),
	              "{\"fir_number\":\"0001/2026\",\"accused_code\":\"A1\","
	              "\"registered_at\":\"2026-03-16T10:05:00+05:30\","
	              "\"gd_date\":\"2026-03-16\",\"gd_number\":2}"),
	        1, NULL, fx_key(), 16);
	assert_int_equal(r.env.body_case, BODY_CASE(ARREST_RECEIPT));
	assert_true(r.env.arrest_receipt->replayed);
	assert_string_equal(r.env.arrest_receipt->accused_code, "A1");
	assert_packs(&r.env);
	jsoncall_reply_free(&r);
}

static void timeline_and_arrest_replies_are_the_result_itself(void **state)
{
	static const struct {
		Cctns__V1__Envelope__BodyCase request, reply;
		const ProtobufCMessageDescriptor *result;
	} cases[] = {
	        {BODY_CASE(ASSIGN_IO), BODY_CASE(CASE_TIMELINE),
	         &cctns__v1__case_timeline__descriptor},
	        {BODY_CASE(GET_CASE_TIMELINE), BODY_CASE(CASE_TIMELINE),
	         &cctns__v1__case_timeline__descriptor},
	        {BODY_CASE(GET_ARREST), BODY_CASE(ARREST),
	         &cctns__v1__arrest__descriptor},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct jsoncall *c = row_of(cases[i].request);
		struct jsoncall_reply r;
		ProtobufCMessage *m;

		assert_ptr_equal(jsoncall_result_desc(c), cases[i].result);
		m = parse(cases[i].result, "{}");
		jsoncall_reply_make(&r, c, m, 0, NULL, NULL, 0);
		assert_int_equal(r.env.body_case, cases[i].reply);
		assert_ptr_equal(r.body, m);
		jsoncall_reply_free(&r);
	}
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	        cmocka_unit_test(request_table_is_sound),
	        cmocka_unit_test(
	                every_request_has_a_row_named_after_it_and_responses_none),
	        cmocka_unit_test(
	                every_row_but_hello_needs_hello_and_is_a_json_call),
	        cmocka_unit_test(
	                rows_that_do_not_fit_their_messages_are_refused),
	        cmocka_unit_test(
	                arrest_params_are_codes_key_fir_number_then_memo_json),
	        cmocka_unit_test(gd_entry_json_is_the_body_without_the_key),
	        cmocka_unit_test(assign_io_json_is_the_body_without_fir_number),
	        cmocka_unit_test(get_arrest_text_params_follow_the_row_order),
	        cmocka_unit_test(get_gd_without_date_passes_empty_text),
	        cmocka_unit_test(unset_json_sub_message_is_passed_as_sql_null),
	        cmocka_unit_test(
	                database_error_fields_are_relative_to_the_request_body),
	        cmocka_unit_test(
	                gd_entry_receipt_wraps_the_entry_and_sets_replayed),
	        cmocka_unit_test(gd_day_gets_the_station_from_the_identity),
	        cmocka_unit_test(
	                fir_receipt_row_gets_gd_fields_station_and_echoed_key),
	        cmocka_unit_test(fir_receipt_without_gd_columns_still_reads),
	        cmocka_unit_test(reply_keep_names_the_field_filled_per_request),
	        cmocka_unit_test(
	                stored_station_is_kept_and_a_missing_one_filled),
	        cmocka_unit_test(arrest_receipt_replayed_comes_from_its_column),
	        cmocka_unit_test(
	                timeline_and_arrest_replies_are_the_result_itself),
	};
	return cmocka_run_group_tests_name("jsoncall", tests, NULL, NULL);
}
