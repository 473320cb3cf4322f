/* test_envelope.c: Envelope encode/decode and the checks of Hello, GetFir
 * and RegisterFir (proto/envelope.h): a valid request passes, and every
 * broken field is reported with its exact path relative to the request
 * body. The diary, case and arrest requests are in test_envelope_case.c. */
#include "envelope_test.h"
#include "frame.h"

static uint8_t *pack(const ProtobufCMessage *m, size_t *len)
{
	*len = protobuf_c_message_get_packed_size(m);
	uint8_t *buf = xmalloc(*len);
	protobuf_c_message_pack(m, buf);
	return buf;
}

static void encode_then_decode_gives_the_same_envelope(void **state)
{
	Envelope *e = fx_register_envelope(), *d;
	uint8_t *frame, *a, *b;
	size_t flen, alen, blen;
	uint32_t body_len;

	(void)state;
	assert_int_equal(
	        envelope_encode_frame(e, FRAME_DEFAULT_MAX, &frame, &flen), 0);
	assert_int_equal(frame_peek(frame, flen, FRAME_DEFAULT_MAX, &body_len),
	                 FRAME_READY);
	assert_int_equal(body_len + FRAME_HEADER_LEN, flen);
	d = envelope_decode(frame + FRAME_HEADER_LEN, body_len);
	assert_non_null(d);
	a = pack(&e->base, &alen);
	b = pack(&d->base, &blen);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	assert_string_equal(envelope_body_name(d), "register_fir");
	free(a);
	free(b);
	free(frame);
	envelope_free(d);
	envelope_free(e);
}

static void encode_refuses_body_over_max(void **state)
{
	Envelope *e = fx_register_envelope();
	uint8_t *frame = NULL;
	size_t flen = 0, need = cctns__v1__envelope__get_packed_size(e);

	(void)state;
	assert_int_equal(
	        envelope_encode_frame(e, (uint32_t)need - 1, &frame, &flen),
	        -1);
	assert_null(frame);
	assert_int_equal(
	        envelope_encode_frame(e, (uint32_t)need, &frame, &flen), 0);
	assert_int_equal(flen, need + FRAME_HEADER_LEN);
	free(frame);
	envelope_free(e);
}

static void encode_refuses_empty_envelope_which_would_be_length_0(void **state)
{
	Envelope e = CCTNS__V1__ENVELOPE__INIT;
	uint8_t *frame = NULL;
	size_t flen;

	(void)state;
	assert_int_equal(
	        envelope_encode_frame(&e, FRAME_DEFAULT_MAX, &frame, &flen),
	        -1);
}

static void decode_rejects_garbage(void **state)
{
	static const struct {
		const char *bytes;
		size_t len;
	} bad[] = {
	        {"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11},
	        {"\x52\x05\x0a", 3},     /* hello, length 5, 1 byte there */
	        {"\x08", 1},             /* varint cut short */
	        {"\x0f\x00", 2},         /* wire type 7 */
	        {"\x52\x02\x08\x80", 4}, /* truncated varint inside hello */
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		Envelope *e = envelope_decode((const uint8_t *)bad[i].bytes,
		                              bad[i].len);
		if (e)
			fail_msg("decoded garbage #%zu", i);
	}
	assert_null(envelope_decode((const uint8_t *)"", 0));
}

static void body_names_and_request_kinds(void **state)
{
	static const struct {
		Cctns__V1__Envelope__BodyCase c;
		const char *name;
		int request;
	} cases[] = {
	        {CCTNS__V1__ENVELOPE__BODY__NOT_SET, "none", 0},
	        {CCTNS__V1__ENVELOPE__BODY_HELLO, "hello", 1},
	        {CCTNS__V1__ENVELOPE__BODY_HELLO_ACK, "hello_ack", 0},
	        {CCTNS__V1__ENVELOPE__BODY_STATUS, "status", 0},
	        {CCTNS__V1__ENVELOPE__BODY_REGISTER_FIR, "register_fir", 1},
	        {CCTNS__V1__ENVELOPE__BODY_FIR_RECEIPT, "fir_receipt", 0},
	        {CCTNS__V1__ENVELOPE__BODY_GET_FIR, "get_fir", 1},
	        {CCTNS__V1__ENVELOPE__BODY_FIR, "fir", 0},
	        {CCTNS__V1__ENVELOPE__BODY_ADD_GD_ENTRY, "add_gd_entry", 1},
	        {CCTNS__V1__ENVELOPE__BODY_GD_ENTRY_RECEIPT, "gd_entry_receipt",
	         0},
	        {CCTNS__V1__ENVELOPE__BODY_GET_GD, "get_gd", 1},
	        {CCTNS__V1__ENVELOPE__BODY_GD_DAY, "gd_day", 0},
	        {CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO, "assign_io", 1},
	        {CCTNS__V1__ENVELOPE__BODY_GET_CASE_TIMELINE,
	         "get_case_timeline", 1},
	        {CCTNS__V1__ENVELOPE__BODY_CASE_TIMELINE, "case_timeline", 0},
	        {CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST, "register_arrest",
	         1},
	        {CCTNS__V1__ENVELOPE__BODY_ARREST_RECEIPT, "arrest_receipt", 0},
	        {CCTNS__V1__ENVELOPE__BODY_GET_ARREST, "get_arrest", 1},
	        {CCTNS__V1__ENVELOPE__BODY_ARREST, "arrest", 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Envelope e = CCTNS__V1__ENVELOPE__INIT;
		e.body_case = cases[i].c;
		assert_string_equal(envelope_body_name(&e), cases[i].name);
		assert_int_equal(envelope_is_request(&e), cases[i].request);
	}
}

static void check_fail_fills_error_and_returns_minus_one(void **state)
{
	check_error err;

	(void)state;
	assert_int_equal(check_fail(&err, INVALID, "a.b", "bad %d", 3), -1);
	assert_int_equal(err.code, INVALID);
	assert_string_equal(err.field, "a.b");
	assert_string_equal(err.message, "bad 3");
}

static void valid_fir_passes(void **state)
{
	Envelope *e = fx_register_envelope();

	(void)state;
	assert_passes(e);
	envelope_free(e);
}

static Cctns__V1__FirContent *fir_of(Envelope *e)
{
	return e->register_fir->fir;
}

static void minimal_fir_passes(void **state)
{
	Envelope *e = fx_register_envelope();
	Cctns__V1__FirContent *f = fir_of(e);

	(void)state;
	/* Drop everything optional. */
	cctns__v1__place__free_unpacked(f->place, NULL);
	f->place = NULL;
	fx_str(&f->occurred_to, "");
	fx_str(&f->delay_reason, "");
	for (size_t i = 0; i < f->n_accused; i++)
		cctns__v1__accused__free_unpacked(f->accused[i], NULL);
	f->n_accused = 0;
	for (size_t i = 0; i < f->n_properties; i++)
		cctns__v1__property__free_unpacked(f->properties[i], NULL);
	f->n_properties = 0;
	cctns__v1__person__free_unpacked(f->complainant, NULL);
	f->complainant = fx_new(&cctns__v1__person__descriptor);
	fx_str(&f->complainant->name, "A");
	assert_passes(e);
	envelope_free(e);
}

static void brief_facts_of_exactly_64_kib_passes(void **state)
{
	Envelope *e = fx_register_envelope();
	char *big = xmalloc(64 * 1024 + 1);

	(void)state;
	memset(big, 'x', 64 * 1024);
	big[64 * 1024] = '\0';
	fx_str(&fir_of(e)->brief_facts, big);
	assert_passes(e);
	free(big);
	envelope_free(e);
}

static void name_limit_counts_characters_not_bytes(void **state)
{
	Envelope *e = fx_register_envelope();
	char name[200 * 3 + 1] = "";

	(void)state;
	for (int i = 0; i < 200; i++)
		strcat(name, "\xe0\xa4\x95"); /* DEVANAGARI KA */
	fx_str(&fir_of(e)->complainant->name, name);
	assert_passes(e);
	envelope_free(e);
}

static void hello_and_get_fir_pass(void **state)
{
	Envelope e = CCTNS__V1__ENVELOPE__INIT;
	Cctns__V1__Hello h = CCTNS__V1__HELLO__INIT;
	Cctns__V1__GetFir g = CCTNS__V1__GET_FIR__INIT;

	(void)state;
	e.request_id = 1;
	e.body_case = CCTNS__V1__ENVELOPE__BODY_HELLO;
	h.protocol_version = 1;
	h.software = "cctns/0.1.0";
	e.hello = &h;
	assert_passes(&e);
	e.body_case = CCTNS__V1__ENVELOPE__BODY_GET_FIR;
	g.fir_number = "0042/2026";
	e.get_fir = &g;
	assert_passes(&e);
}

static void charge_sections_in_every_allowed_shape_pass(void **state)
{
	static const char *const ok[] = {"303(2)", "376A",      "498A",
	                                 "302",    "303(2)(a)", "376AB(1)",
	                                 "1",      "64(2)(m)"};
	Envelope *e = fx_register_envelope();

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		fx_str(&fir_of(e)->charges[0]->section, ok[i]);
		assert_passes(e);
	}
	envelope_free(e);
}

/* Replace the body of e (freeing the old one). */

static void m_request_id_zero(Envelope *e)
{
	e->request_id = 0;
}

static void m_no_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY__NOT_SET, NULL);
}

static void m_response_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_HELLO_ACK,
	         fx_new(&cctns__v1__hello_ack__descriptor));
}

static void m_hello_version_0(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_HELLO,
	         fx_new(&cctns__v1__hello__descriptor));
}

static void m_hello_software_long(Envelope *e)
{
	Cctns__V1__Hello *h = fx_new(&cctns__v1__hello__descriptor);
	char s[102];
	memset(s, 'v', 101);
	s[101] = '\0';
	h->protocol_version = 1;
	fx_str(&h->software, s);
	set_body(e, CCTNS__V1__ENVELOPE__BODY_HELLO, h);
}

static void m_get_fir_empty(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_GET_FIR,
	         fx_new(&cctns__v1__get_fir__descriptor));
}

static void m_get_fir_long(Envelope *e)
{
	Cctns__V1__GetFir *g = fx_new(&cctns__v1__get_fir__descriptor);
	fx_str(&g->fir_number, "000000000000042/2026"); /* 20: fine */
	strcat(g->fir_number = xrealloc(g->fir_number, 22), "7");
	set_body(e, CCTNS__V1__ENVELOPE__BODY_GET_FIR, g);
}

static void m_key_15(Envelope *e)
{
	fx_bytes(&e->register_fir->idempotency_key, fx_key(), 15);
}

static void m_key_missing(Envelope *e)
{
	fx_bytes(&e->register_fir->idempotency_key, NULL, 0);
}

static void m_no_fir(Envelope *e)
{
	cctns__v1__fir_content__free_unpacked(e->register_fir->fir, NULL);
	e->register_fir->fir = NULL;
}

static void m_no_occurred_from(Envelope *e)
{
	fx_str(&fir_of(e)->occurred_from, "");
}

static void m_occurred_from_no_offset(Envelope *e)
{
	fx_str(&fir_of(e)->occurred_from, "2026-03-14T21:30:00");
}

static void m_occurred_to_feb_30(Envelope *e)
{
	fx_str(&fir_of(e)->occurred_to, "2026-02-30T10:00:00+05:30");
}

static void m_no_received_at(Envelope *e)
{
	fx_str(&fir_of(e)->information_received_at, "");
}

static void m_received_at_24h(Envelope *e)
{
	fx_str(&fir_of(e)->information_received_at,
	       "2026-03-15T24:00:00+05:30");
}

static void m_no_information_type(Envelope *e)
{
	fir_of(e)->information_type = 0;
}

static void m_unknown_information_type(Envelope *e)
{
	fir_of(e)->information_type = 99;
}

static void m_no_charges(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	for (size_t i = 0; i < f->n_charges; i++)
		cctns__v1__charge__free_unpacked(f->charges[i], NULL);
	f->n_charges = 0;
}

static void m_51_charges(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	f->charges = xrealloc(f->charges, 51 * sizeof(*f->charges));
	for (size_t i = f->n_charges; i < 51; i++)
		f->charges[i] = fx_charge(CCTNS__V1__ACT__ACT_BNS, "303", NULL);
	f->n_charges = 51;
}

static void m_charge_no_act(Envelope *e)
{
	fir_of(e)->charges[1]->act = 0;
}

static void m_charge_empty_section(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "");
}

static void m_charge_section_letters_first(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "A303");
}

static void m_charge_section_unclosed(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "303(2");
}

static void m_charge_section_lowercase_suffix(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "498a");
}

static void m_charge_section_17(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->section, "303(2)(a)(b)(c)(d)");
}

static void m_special_without_law(Envelope *e)
{
	fx_str(&fir_of(e)->charges[1]->law, "");
}

static void m_law_on_bns(Envelope *e)
{
	fx_str(&fir_of(e)->charges[0]->law, "Arms Act");
}

static void m_no_complainant(Envelope *e)
{
	cctns__v1__person__free_unpacked(fir_of(e)->complainant, NULL);
	fir_of(e)->complainant = NULL;
}

static void m_complainant_no_name(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "");
}

static void m_bad_dob(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->date_of_birth, "23-07-1985");
}

static void m_dob_feb_29_non_leap(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->date_of_birth, "1985-02-29");
}

static void m_pincode_5(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->address->pincode, "22600");
}

static void m_place_pincode_letters(Envelope *e)
{
	fx_str(&fir_of(e)->place->address->pincode, "2260O1");
}

static void m_no_brief_facts(Envelope *e)
{
	fx_str(&fir_of(e)->brief_facts, "");
}

static void m_brief_facts_big(Envelope *e)
{
	char *big = xmalloc(64 * 1024 + 2);
	memset(big, 'x', 64 * 1024 + 1);
	big[64 * 1024 + 1] = '\0';
	fx_str(&fir_of(e)->brief_facts, big);
	free(big);
}

static void m_brief_facts_cr(Envelope *e)
{
	fx_str(&fir_of(e)->brief_facts, "line\r\nline");
}

static void m_brief_facts_c1(Envelope *e)
{
	fx_str(&fir_of(e)->brief_facts, "next line\xc2\x85here");
}

static void m_101_accused(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	f->accused = xrealloc(f->accused, 101 * sizeof(*f->accused));
	for (size_t i = f->n_accused; i < 101; i++) {
		f->accused[i] = fx_new(&cctns__v1__accused__descriptor);
		f->accused[i]->kind =
		        CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_UNKNOWN;
		fx_str(&f->accused[i]->description, "x");
	}
	f->n_accused = 101;
}

static void m_accused_no_kind(Envelope *e)
{
	fir_of(e)->accused[0]->kind = 0;
}

static void m_known_no_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(fir_of(e)->accused[0]->person, NULL);
	fir_of(e)->accused[0]->person = NULL;
}

static void m_suspected_no_name(Envelope *e)
{
	fir_of(e)->accused[0]->kind =
	        CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_SUSPECTED;
	fx_str(&fir_of(e)->accused[0]->person->name, "");
}

static void m_unknown_no_description(Envelope *e)
{
	fx_str(&fir_of(e)->accused[1]->description, "");
}

static void m_accused_name_201(Envelope *e)
{
	char name[202];
	memset(name, 'n', 201);
	name[201] = '\0';
	fx_str(&fir_of(e)->accused[0]->person->name, name);
}

static void m_201_properties(Envelope *e)
{
	Cctns__V1__FirContent *f = fir_of(e);
	f->properties = xrealloc(f->properties, 201 * sizeof(*f->properties));
	for (size_t i = f->n_properties; i < 201; i++) {
		f->properties[i] = fx_new(&cctns__v1__property__descriptor);
		fx_str(&f->properties[i]->kind, "cash");
	}
	f->n_properties = 201;
}

static void m_property_no_kind(Envelope *e)
{
	fx_str(&fir_of(e)->properties[0]->kind, "");
}

static void m_name_bad_utf8(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "Ram\xc3\x28");
}

static void m_name_overlong_utf8(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "A\xc0\xaf"
	                                      "B");
}

static void m_name_newline(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->name, "Ram\nLal");
}

static void m_beat_control(Envelope *e)
{
	fx_str(&fir_of(e)->place->beat, "Beat\x01");
}

static void m_line1_501(Envelope *e)
{
	char s[502];
	memset(s, 'l', 501);
	s[501] = '\0';
	fx_str(&fir_of(e)->complainant->address->line1, s);
}

static void m_delay_reason_long(Envelope *e)
{
	char *s = xmalloc(4002);
	memset(s, 'd', 4001);
	s[4001] = '\0';
	fx_str(&fir_of(e)->delay_reason, s);
	free(s);
}

static void m_unknown_gender(Envelope *e)
{
	fir_of(e)->complainant->gender = 7;
}

static void m_unknown_direction(Envelope *e)
{
	fir_of(e)->place->direction = 9;
}

static void m_phone_letters(Envelope *e)
{
	fx_str(&fir_of(e)->complainant->phone, "call me");
}

static void m_property_description_tab_ok_but_nul_free(Envelope *e)
{
	fx_str(&fir_of(e)->properties[0]->description, "a\x7f");
}

static void m_get_fir_no_slash(Envelope *e)
{
	Cctns__V1__GetFir *g = fx_new(&cctns__v1__get_fir__descriptor);
	fx_str(&g->fir_number, "0042-2026");
	set_body(e, CCTNS__V1__ENVELOPE__BODY_GET_FIR, g);
}

static void m_fir_officer_no_name(Envelope *e)
{
	fir_of(e)->officer = fx_officer("UP-1234", "", "SI");
}

static const broken broken_rows[] = {
        {"rejects_request_id_0", m_request_id_zero, "request_id", "0", NULL},
        {"rejects_envelope_without_body", m_no_body, "", "no request", NULL},
        {"rejects_response_body_from_client", m_response_body, "",
         "hello_ack is not a request", NULL},
        {"rejects_hello_without_protocol_version", m_hello_version_0,
         "protocol_version", "required", NULL},
        {"rejects_hello_software_over_100_chars", m_hello_software_long,
         "software", "100", NULL},
        {"rejects_get_fir_without_number", m_get_fir_empty, "fir_number",
         "required", NULL},
        {"rejects_get_fir_number_over_20_chars", m_get_fir_long, "fir_number",
         "20", NULL},
        {"rejects_idempotency_key_of_15_bytes", m_key_15, "idempotency_key",
         "16 bytes", NULL},
        {"rejects_missing_idempotency_key", m_key_missing, "idempotency_key",
         "16 bytes", NULL},
        {"rejects_register_fir_without_fir", m_no_fir, "fir", "required", NULL},
        {"rejects_missing_occurred_from", m_no_occurred_from,
         "fir.occurred_from", "required", NULL},
        {"rejects_occurred_from_without_offset", m_occurred_from_no_offset,
         "fir.occurred_from", TIME_HINT, NULL},
        {"rejects_occurred_to_on_feb_30", m_occurred_to_feb_30,
         "fir.occurred_to", TIME_HINT, NULL},
        {"rejects_missing_information_received_at", m_no_received_at,
         "fir.information_received_at", "required", NULL},
        {"rejects_information_received_at_24_00", m_received_at_24h,
         "fir.information_received_at", TIME_HINT, NULL},
        {"rejects_unset_information_type", m_no_information_type,
         "fir.information_type", "oral, written, telephonic, electronic", NULL},
        {"rejects_unknown_information_type_number", m_unknown_information_type,
         "fir.information_type", "99", NULL},
        {"rejects_fir_without_charges", m_no_charges, "fir.charges",
         "at least one", NULL},
        {"rejects_more_than_50_charges", m_51_charges, "fir.charges", "50",
         NULL},
        {"rejects_charge_without_act", m_charge_no_act, "fir.charges[1].act",
         "ipc, bns, special_local", NULL},
        {"rejects_charge_with_empty_section", m_charge_empty_section,
         "fir.charges[0].section", "required", NULL},
        {"rejects_section_starting_with_letters",
         m_charge_section_letters_first, "fir.charges[0].section", "303(2)",
         NULL},
        {"rejects_section_with_unclosed_group", m_charge_section_unclosed,
         "fir.charges[0].section", "303(2)", NULL},
        {"rejects_section_with_lowercase_suffix",
         m_charge_section_lowercase_suffix, "fir.charges[0].section", NULL,
         NULL},
        {"rejects_section_over_16_chars", m_charge_section_17,
         "fir.charges[0].section", "16", NULL},
        {"rejects_special_local_charge_without_law", m_special_without_law,
         "fir.charges[1].law", "required", NULL},
        {"rejects_law_on_a_bns_charge", m_law_on_bns, "fir.charges[0].law",
         "special_local", NULL},
        {"rejects_fir_without_complainant", m_no_complainant, "fir.complainant",
         "required", NULL},
        {"rejects_complainant_without_name", m_complainant_no_name,
         "fir.complainant.name", "required", NULL},
        {"rejects_date_of_birth_not_yyyy_mm_dd", m_bad_dob,
         "fir.complainant.date_of_birth", "1985-07-23", NULL},
        {"rejects_date_of_birth_feb_29_of_non_leap_year", m_dob_feb_29_non_leap,
         "fir.complainant.date_of_birth", NULL, NULL},
        {"rejects_pincode_of_5_digits", m_pincode_5,
         "fir.complainant.address.pincode", "6 digits", NULL},
        {"rejects_place_pincode_with_letter", m_place_pincode_letters,
         "fir.place.address.pincode", "6 digits", NULL},
        {"rejects_empty_brief_facts", m_no_brief_facts, "fir.brief_facts",
         "required", NULL},
        {"rejects_brief_facts_over_64_kib", m_brief_facts_big,
         "fir.brief_facts", "65536 bytes", NULL},
        {"rejects_carriage_return_in_brief_facts", m_brief_facts_cr,
         "fir.brief_facts", "control", NULL},
        {"rejects_c1_control_in_brief_facts", m_brief_facts_c1,
         "fir.brief_facts", "control", NULL},
        {"rejects_more_than_100_accused", m_101_accused, "fir.accused", "100",
         NULL},
        {"rejects_accused_without_kind", m_accused_no_kind,
         "fir.accused[0].kind", "required", NULL},
        {"rejects_known_accused_without_person", m_known_no_person,
         "fir.accused[0].person", "known or suspected", NULL},
        {"rejects_suspected_accused_without_name", m_suspected_no_name,
         "fir.accused[0].person.name", "known or suspected", NULL},
        {"rejects_unknown_accused_without_description",
         m_unknown_no_description, "fir.accused[1].description",
         "unknown accused", NULL},
        {"rejects_accused_name_over_200_chars", m_accused_name_201,
         "fir.accused[0].person.name", "200", NULL},
        {"rejects_more_than_200_properties", m_201_properties, "fir.properties",
         "200", NULL},
        {"rejects_property_without_kind", m_property_no_kind,
         "fir.properties[0].kind", "required", NULL},
        {"rejects_invalid_utf8_in_a_name", m_name_bad_utf8,
         "fir.complainant.name", "UTF-8", NULL},
        {"rejects_overlong_utf8_in_a_name", m_name_overlong_utf8,
         "fir.complainant.name", "UTF-8", NULL},
        {"rejects_newline_in_a_name", m_name_newline, "fir.complainant.name",
         "one line", NULL},
        {"rejects_control_character_in_beat", m_beat_control, "fir.place.beat",
         "control", NULL},
        {"rejects_address_line_over_500_chars", m_line1_501,
         "fir.complainant.address.line1", "500", NULL},
        {"rejects_delay_reason_over_4000_chars", m_delay_reason_long,
         "fir.delay_reason", "4000", NULL},
        {"rejects_unknown_gender_number", m_unknown_gender,
         "fir.complainant.gender", "male, female, transgender", NULL},
        {"rejects_unknown_direction_number", m_unknown_direction,
         "fir.place.direction", "9", NULL},
        {"rejects_phone_with_letters", m_phone_letters, "fir.complainant.phone",
         "phone number", NULL},
        {"rejects_delete_character_in_description",
         m_property_description_tab_ok_but_nul_free,
         "fir.properties[0].description", "control", NULL},
        {"rejects_get_fir_number_without_slash", m_get_fir_no_slash,
         "fir_number", FIR_HINT, NULL},
        {"rejects_fir_officer_without_name", m_fir_officer_no_name,
         "fir.officer.name", "required", NULL},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(encode_then_decode_gives_the_same_envelope),
	        cmocka_unit_test(encode_refuses_body_over_max),
	        cmocka_unit_test(
	                encode_refuses_empty_envelope_which_would_be_length_0),
	        cmocka_unit_test(decode_rejects_garbage),
	        cmocka_unit_test(body_names_and_request_kinds),
	        cmocka_unit_test(check_fail_fills_error_and_returns_minus_one),
	        cmocka_unit_test(valid_fir_passes),
	        cmocka_unit_test(minimal_fir_passes),
	        cmocka_unit_test(brief_facts_of_exactly_64_kib_passes),
	        cmocka_unit_test(name_limit_counts_characters_not_bytes),
	        cmocka_unit_test(hello_and_get_fir_pass),
	        cmocka_unit_test(charge_sections_in_every_allowed_shape_pass),
	};
	return run_envelope_tests("envelope", fixed, ARRAY_LEN(fixed),
	                          broken_rows, ARRAY_LEN(broken_rows));
}
