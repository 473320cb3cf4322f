/* test_envelope_forms.c: the checks behind the forms (proto/envelope.h):
 * the LookupRef request (a kind, a bounded query, an act and a date for
 * sections only, a limit of 100) and its RefList answer refused from a
 * client; and the per-field checks the terminal's forms run on each answer
 * (envelope_check_field, envelope_check_message, envelope_field_info),
 * which must say what a whole request check would say, with paths
 * relative to the message checked. */
#include "envelope_test.h"

static Envelope *lookup_envelope(void)
{
	Cctns__V1__LookupRef *q = fx_new(&cctns__v1__lookup_ref__descriptor);

	q->kind = CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SECTION;
	fx_str(&q->query, "theft of a vehicle");
	q->act = CCTNS__V1__ACT__ACT_BNS;
	fx_str(&q->on_date, "2026-11-20");
	q->limit = 100;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_LOOKUP_REF, q);
}

static void valid_lookups_pass(void **state)
{
	Envelope *e = lookup_envelope();

	(void)state;
	assert_passes(e);
	/* other kinds, without act or date, any query, default limit */
	e->lookup_ref->kind = CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_DISTRICT;
	e->lookup_ref->act = 0;
	fx_str(&e->lookup_ref->on_date, "");
	fx_str(&e->lookup_ref->query, "");
	e->lookup_ref->limit = 0;
	e->lookup_ref->state_code = 9;
	assert_passes(e);
	envelope_free(e);
}

static void a_ref_list_is_not_a_request(void **state)
{
	Cctns__V1__RefList *l = fx_new(&cctns__v1__ref_list__descriptor);
	Envelope *e = envelope_with(CCTNS__V1__ENVELOPE__BODY_REF_LIST, l);
	check_error err;

	(void)state;
	assert_false(envelope_is_request(e));
	assert_int_equal(envelope_check_request(e, &err), -1);
	assert_non_null(strstr(err.message, "not a request"));
	envelope_free(e);
}

static void m_no_kind(Envelope *e)
{
	e->lookup_ref->kind = 0;
}

static void m_unknown_kind(Envelope *e)
{
	e->lookup_ref->kind = 99;
}

static void m_long_query(Envelope *e)
{
	fx_str(&e->lookup_ref->query, repeat('a', 201));
}

static void m_query_control(Envelope *e)
{
	fx_str(&e->lookup_ref->query, "theft\n");
}

static void m_special_law_act(Envelope *e)
{
	e->lookup_ref->act = CCTNS__V1__ACT__ACT_SPECIAL_LOCAL;
}

static void m_act_for_district(Envelope *e)
{
	e->lookup_ref->kind = CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_DISTRICT;
	fx_str(&e->lookup_ref->on_date, "");
}

static void m_date_for_law(Envelope *e)
{
	e->lookup_ref->kind = CCTNS__V1__LOOKUP_KIND__LOOKUP_KIND_SPECIAL_LAW;
	e->lookup_ref->act = 0;
}

static void m_bad_date(Envelope *e)
{
	fx_str(&e->lookup_ref->on_date, "2026-02-30");
}

static void m_limit_101(Envelope *e)
{
	e->lookup_ref->limit = 101;
}

static const broken broken_rows[] = {
        {"rejects_lookup_without_kind", m_no_kind, "kind", "required",
         lookup_envelope},
        {"rejects_lookup_of_unknown_kind", m_unknown_kind, "kind", "99",
         lookup_envelope},
        {"rejects_query_over_200_chars", m_long_query, "query", "200",
         lookup_envelope},
        {"rejects_query_with_a_line_break", m_query_control, "query", "control",
         lookup_envelope},
        {"rejects_section_lookup_in_a_special_law", m_special_law_act, "act",
         "special_law", lookup_envelope},
        {"rejects_act_outside_section_lookups", m_act_for_district, "act",
         "section lookups only", lookup_envelope},
        {"rejects_date_outside_section_lookups", m_date_for_law, "on_date",
         "section lookups only", lookup_envelope},
        {"rejects_impossible_offence_date", m_bad_date, "on_date", "1985-07-23",
         lookup_envelope},
        {"rejects_limit_over_100", m_limit_101, "limit", "100",
         lookup_envelope},
};

/* ------------------------------------------------------------ per field */

static void a_field_is_checked_alone(void **state)
{
	Cctns__V1__Address *a = fx_address();
	check_error err;

	(void)state;
	assert_int_equal(envelope_check_field(&a->base, "pincode", &err), 0);
	fx_str(&a->pincode, "2820");
	assert_int_equal(envelope_check_field(&a->base, "pincode", &err), -1);
	assert_string_equal(err.field, "pincode");
	assert_non_null(strstr(err.message, "6 digits"));
	/* other fields are not looked at */
	assert_int_equal(envelope_check_field(&a->base, "city", &err), 0);
	assert_int_equal(envelope_check_field(&a->base, "nonsense", &err), -1);
	protobuf_c_message_free_unpacked(&a->base, NULL);
}

/* A rule between fields sits on the later field and names the field at
 * fault; a sub-message is checked whole, with paths inside it. */
static void cross_field_rules_and_sub_messages(void **state)
{
	Cctns__V1__Charge *c = fx_new(&cctns__v1__charge__descriptor);
	Cctns__V1__Accused *a = fx_new(&cctns__v1__accused__descriptor);
	check_error err;

	(void)state;
	c->act = CCTNS__V1__ACT__ACT_SPECIAL_LOCAL;
	fx_str(&c->section, "20(b)");
	assert_int_equal(envelope_check_field(&c->base, "section", &err), 0);
	assert_int_equal(envelope_check_field(&c->base, "law", &err), -1);
	assert_string_equal(err.field, "law");
	a->kind = CCTNS__V1__ACCUSED_KIND__ACCUSED_KIND_KNOWN;
	assert_int_equal(envelope_check_field(&a->base, "person", &err), -1);
	assert_string_equal(err.field, "person");
	a->person = fx_new(&cctns__v1__person__descriptor);
	assert_int_equal(envelope_check_field(&a->base, "person", &err), -1);
	assert_string_equal(err.field, "person.name");
	fx_str(&a->person->name, "Deepak");
	fx_str(&a->person->date_of_birth, "1990-02-30");
	assert_int_equal(envelope_check_field(&a->base, "person", &err), -1);
	assert_string_equal(err.field, "person.date_of_birth");
	assert_int_equal(envelope_check_message(&a->base, &err), -1);
	assert_string_equal(err.field, "person.date_of_birth");
	fx_str(&a->person->date_of_birth, "1990-02-28");
	assert_int_equal(envelope_check_message(&a->base, &err), 0);
	protobuf_c_message_free_unpacked(&c->base, NULL);
	protobuf_c_message_free_unpacked(&a->base, NULL);
}

/* The same verdict and message as the whole request's check. */
static void field_checks_agree_with_the_request_check(void **state)
{
	Envelope *e = fx_register_envelope();
	check_error whole, one;

	(void)state;
	fx_str(&e->register_fir->fir->place->address->pincode, "28200");
	assert_int_equal(envelope_check_request(e, &whole), -1);
	assert_int_equal(envelope_check_field(&e->register_fir->fir->base,
	                                      "place", &one),
	                 -1);
	assert_string_equal(whole.field, "fir.place.address.pincode");
	assert_string_equal(one.field, "place.address.pincode");
	assert_string_equal(whole.message, one.message);
	envelope_free(e);
}

static void field_info_tells_what_the_rules_say(void **state)
{
	field_rule_info i;

	(void)state;
	envelope_field_info(&cctns__v1__fir_content__descriptor,
	                    "occurred_from", &i);
	assert_true(i.required && i.is_time && !i.is_date);
	envelope_field_info(&cctns__v1__person__descriptor, "date_of_birth",
	                    &i);
	assert_true(!i.required && i.is_date && i.max == 10);
	envelope_field_info(&cctns__v1__fir_content__descriptor, "brief_facts",
	                    &i);
	assert_true(i.required && i.lines && i.bytes && i.max == 64 * 1024);
	envelope_field_info(&cctns__v1__arrest_memo__descriptor, "aliases", &i);
	assert_int_equal(i.max, 2);
	envelope_field_info(&cctns__v1__address__descriptor, "pincode", &i);
	assert_string_equal(i.expect, "6 digits like 226001");
	/* a field in no rule: the defaults */
	envelope_field_info(&cctns__v1__place__descriptor, "distance_m", &i);
	assert_false(i.required);
	assert_null(i.expect);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(valid_lookups_pass),
	        cmocka_unit_test(a_ref_list_is_not_a_request),
	        cmocka_unit_test(a_field_is_checked_alone),
	        cmocka_unit_test(cross_field_rules_and_sub_messages),
	        cmocka_unit_test(field_checks_agree_with_the_request_check),
	        cmocka_unit_test(field_info_tells_what_the_rules_say),
	};
	return run_envelope_tests("envelope_forms", fixed, ARRAY_LEN(fixed),
	                          broken_rows, ARRAY_LEN(broken_rows));
}
