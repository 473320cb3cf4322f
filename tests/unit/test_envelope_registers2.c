/* test_envelope_registers2.c: the checks of the missing person, unnatural
 * death and vehicle requests (proto/envelope.h): a valid request of each
 * kind passes, every broken field is reported with its exact path, and
 * their responses are refused when a client sends them. */
#include "envelope_test.h"

static Cctns__V1__Place *fx_place(void)
{
	Cctns__V1__Place *p = fx_new(&cctns__v1__place__descriptor);

	p->address = fx_address();
	p->distance_m = 800;
	p->direction = CCTNS__V1__DIRECTION__DIRECTION_SW;
	fx_str(&p->beat, "Beat 2");
	return p;
}

/* RegisterMissingPerson: a child's report with every field set. */
static Envelope *missing_envelope(void)
{
	Cctns__V1__RegisterMissingPerson *r =
	        fx_new(&cctns__v1__register_missing_person__descriptor);
	Cctns__V1__MissingPersonReport *m =
	        fx_new(&cctns__v1__missing_person_report__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	m->person = fx_person("Test Child");
	fx_str(&m->person->date_of_birth, "2014-05-10");
	m->person->year_of_birth = 0;
	m->descriptive_roll = fx_new(&cctns__v1__descriptive_roll__descriptor);
	m->descriptive_roll->height_cm = 132;
	fx_str(&m->descriptive_roll->hair, "black");
	fx_str(&m->missing_since, "2026-11-28T16:00:00+05:30");
	m->last_seen_place = fx_place();
	fx_str(&m->circumstances, "Did not come home from school.\nSeen at "
	                          "the bus stop.");
	fx_str(&m->clothing, "blue uniform");
	fx_str(&m->reported_at, "2026-11-28T21:00:00+05:30");
	m->informant = fx_person("Test Mother");
	fx_str(&m->relation_to_missing, "mother");
	fx_str(&m->fir_number, "12/2026");
	m->officer = fx_officer("UP-1", "Test Officer", "SI");
	r->report = m;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_MISSING_PERSON,
	                     r);
}

static Envelope *traced_envelope(void)
{
	Cctns__V1__MarkMissingTraced *t =
	        fx_new(&cctns__v1__mark_missing_traced__descriptor);

	fx_bytes(&t->idempotency_key, fx_key(), 16);
	fx_str(&t->number, "3/2026");
	fx_str(&t->traced_at, "2026-11-30T18:00:00+05:30");
	t->how = CCTNS__V1__TRACED_HOW__TRACED_HOW_FOUND_BY_POLICE;
	t->place = fx_place();
	t->officer = fx_officer("UP-1", "Test Officer", "SI");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_MARK_MISSING_TRACED, t);
}

static Envelope *get_missing_envelope(void)
{
	Cctns__V1__GetMissingPerson *g =
	        fx_new(&cctns__v1__get_missing_person__descriptor);

	fx_str(&g->number, "0003/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_MISSING_PERSON, g);
}

/* RegisterUnnaturalDeath: an unidentified body with every field it has. */
static Envelope *ud_envelope(void)
{
	Cctns__V1__RegisterUnnaturalDeath *r =
	        fx_new(&cctns__v1__register_unnatural_death__descriptor);
	Cctns__V1__UnnaturalDeathReport *u =
	        fx_new(&cctns__v1__unnatural_death_report__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	u->kind =
	        CCTNS__V1__UNNATURAL_DEATH_KIND__UNNATURAL_DEATH_KIND_UNIDENTIFIED_BODY;
	fx_str(&u->found_at, "2026-11-29T06:30:00+05:30");
	u->place = fx_place();
	u->apparent_cause = CCTNS__V1__APPARENT_CAUSE__APPARENT_CAUSE_DROWNING;
	u->deceased = fx_new(&cctns__v1__person__descriptor);
	u->deceased->gender = CCTNS__V1__GENDER__GENDER_MALE;
	u->apparent_age_from = 30;
	u->apparent_age_to = 40;
	u->height_cm = 168;
	u->descriptive_roll = fx_new(&cctns__v1__descriptive_roll__descriptor);
	fx_str(&u->descriptive_roll->scars, "left knee");
	fx_str(&u->clothing, "white kurta");
	fx_str(&u->articles_found, "a key ring\na comb");
	u->informant = fx_person("Test Boatman");
	fx_str(&u->inquest_at, "2026-11-29T09:00:00+05:30");
	u->inquest_officer = fx_officer("UP-2", "Test Inquest", "SI");
	u->post_mortem = fx_new(&cctns__v1__post_mortem__descriptor);
	fx_str(&u->post_mortem->hospital, "SN Medical College");
	fx_str(&u->post_mortem->date, "2026-11-29");
	fx_str(&u->fir_number, "0013/2026");
	u->officer = fx_officer("UP-1", "Test Officer", "SI");
	r->report = u;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_UNNATURAL_DEATH,
	                     r);
}

static Envelope *identify_envelope(void)
{
	Cctns__V1__IdentifyBody *b =
	        fx_new(&cctns__v1__identify_body__descriptor);

	fx_bytes(&b->idempotency_key, fx_key(), 16);
	fx_str(&b->ud_number, "UD 0001/2026");
	b->deceased = fx_person("Test Deceased");
	b->identified_by = fx_person("Test Brother");
	fx_str(&b->identified_at, "2026-11-30T12:00:00+05:30");
	b->officer = fx_officer("UP-1", "Test Officer", "SI");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_IDENTIFY_BODY, b);
}

static Envelope *get_ud_envelope(void)
{
	Cctns__V1__GetUnnaturalDeath *g =
	        fx_new(&cctns__v1__get_unnatural_death__descriptor);

	fx_str(&g->ud_number, "UD-1/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_UNNATURAL_DEATH, g);
}

/* ReportVehicle: a stolen motorcycle with every field set. */
static Envelope *vehicle_envelope(void)
{
	Cctns__V1__ReportVehicle *r =
	        fx_new(&cctns__v1__report_vehicle__descriptor);
	Cctns__V1__VehicleReport *v =
	        fx_new(&cctns__v1__vehicle_report__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	v->kind = CCTNS__V1__VEHICLE_REPORT_KIND__VEHICLE_REPORT_KIND_STOLEN;
	fx_str(&v->registration_number, "UP 80 AB 1234");
	fx_str(&v->chassis_number, "MBLHA10ABCD123456");
	fx_str(&v->engine_number, "HA10E-1234567");
	v->vehicle_type = CCTNS__V1__VEHICLE_TYPE__VEHICLE_TYPE_TWO_WHEELER;
	fx_str(&v->make, "Hero");
	fx_str(&v->model, "Splendor Plus");
	fx_str(&v->colour, "black");
	v->model_year = 2021;
	fx_str(&v->at, "2026-11-20T21:00:00+05:30");
	v->place = fx_place();
	v->owner = fx_person("Test Owner");
	fx_str(&v->fir_number, "1/2026");
	v->officer = fx_officer("UP-1", "Test Officer", "SI");
	r->report = v;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REPORT_VEHICLE, r);
}

static Envelope *find_envelope(void)
{
	Cctns__V1__FindVehicle *f =
	        fx_new(&cctns__v1__find_vehicle__descriptor);

	fx_str(&f->registration_number, "up-80-ab-1234");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_FIND_VEHICLE, f);
}

static Envelope *get_vehicle_envelope(void)
{
	Cctns__V1__GetVehicleReport *g =
	        fx_new(&cctns__v1__get_vehicle_report__descriptor);

	fx_str(&g->number, "2/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_VEHICLE_REPORT, g);
}

#define MISSING(e) ((e)->register_missing_person->report)
#define UD(e)      ((e)->register_unnatural_death->report)
#define VEHICLE(e) ((e)->report_vehicle->report)

static void valid_requests_of_every_kind_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        missing_envelope, traced_envelope,   get_missing_envelope,
	        ud_envelope,      identify_envelope, get_ud_envelope,
	        vehicle_envelope, find_envelope,     get_vehicle_envelope,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(make) / sizeof(make[0]); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

static void
adult_report_without_fir_or_birth_but_stated_age_passes(void **state)
{
	Envelope *e = missing_envelope();

	(void)state;
	fx_str(&MISSING(e)->fir_number, "");
	fx_str(&MISSING(e)->person->date_of_birth, "");
	MISSING(e)->age_years = 120;
	assert_passes(e);
	envelope_free(e);
}

static void person_named_by_person_id_needs_no_name(void **state)
{
	Envelope *e = missing_envelope();

	(void)state;
	fx_str(&MISSING(e)->person->name, "");
	MISSING(e)->person->person_id = 42;
	assert_passes(e);
	envelope_free(e);
}

static void known_unnatural_death_with_magistrate_inquest_passes(void **state)
{
	Envelope *e = ud_envelope();

	(void)state;
	UD(e)->kind =
	        CCTNS__V1__UNNATURAL_DEATH_KIND__UNNATURAL_DEATH_KIND_UNNATURAL_DEATH;
	cctns__v1__person__free_unpacked(UD(e)->deceased, NULL);
	UD(e)->deceased = fx_person("Test Deceased");
	cctns__v1__officer__free_unpacked(UD(e)->inquest_officer, NULL);
	UD(e)->inquest_officer = NULL;
	fx_str(&UD(e)->inquest_magistrate, "Test Magistrate, SDM");
	assert_passes(e);
	envelope_free(e);
}

static void vehicle_numbers_in_any_indian_spelling_pass(void **state)
{
	static const char *const ok[] = {
	        "UP 32 AB 1234", "up32ab1234", "UP-32-AB-1234", "DL 3C AB 1234",
	        "22 BH 1234 AA", "DLK 1234",   "U.P. 32 A 1"};
	Envelope *e = vehicle_envelope();

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		fx_str(&VEHICLE(e)->registration_number, ok[i]);
		assert_passes(e);
	}
	envelope_free(e);
}

static void vehicle_with_only_a_chassis_number_passes(void **state)
{
	Envelope *e = vehicle_envelope();

	(void)state;
	fx_str(&VEHICLE(e)->registration_number, "");
	fx_str(&VEHICLE(e)->engine_number, "");
	fx_str(&VEHICLE(e)->chassis_number, "OLD12345");
	assert_passes(e);
	envelope_free(e);
}

static void body_names_and_request_kinds(void **state)
{
#define CASE(x) CCTNS__V1__ENVELOPE__BODY_##x
	static const struct {
		Cctns__V1__Envelope__BodyCase c;
		const char *name;
		int request;
	} cases[] = {
	        {CASE(REGISTER_MISSING_PERSON), "register_missing_person", 1},
	        {CASE(MISSING_PERSON_RECEIPT), "missing_person_receipt", 0},
	        {CASE(MARK_MISSING_TRACED), "mark_missing_traced", 1},
	        {CASE(MISSING_TRACED_RECEIPT), "missing_traced_receipt", 0},
	        {CASE(GET_MISSING_PERSON), "get_missing_person", 1},
	        {CASE(MISSING_PERSON), "missing_person", 0},
	        {CASE(REGISTER_UNNATURAL_DEATH), "register_unnatural_death", 1},
	        {CASE(UNNATURAL_DEATH_RECEIPT), "unnatural_death_receipt", 0},
	        {CASE(IDENTIFY_BODY), "identify_body", 1},
	        {CASE(BODY_IDENTIFIED_RECEIPT), "body_identified_receipt", 0},
	        {CASE(GET_UNNATURAL_DEATH), "get_unnatural_death", 1},
	        {CASE(UNNATURAL_DEATH), "unnatural_death", 0},
	        {CASE(REPORT_VEHICLE), "report_vehicle", 1},
	        {CASE(VEHICLE_RECEIPT), "vehicle_receipt", 0},
	        {CASE(FIND_VEHICLE), "find_vehicle", 1},
	        {CASE(VEHICLE_MATCHES), "vehicle_matches", 0},
	        {CASE(GET_VEHICLE_REPORT), "get_vehicle_report", 1},
	        {CASE(VEHICLE_RECORD), "vehicle_record", 0},
	};
#undef CASE
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		Envelope e = CCTNS__V1__ENVELOPE__INIT;
		e.body_case = cases[i].c;
		assert_string_equal(envelope_body_name(&e), cases[i].name);
		assert_int_equal(envelope_is_request(&e), cases[i].request);
	}
}

static void m_response(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                       const ProtobufCMessageDescriptor *d)
{
	set_body(e, c, fx_new(d));
}

#define RESPONSE_MUTATION(fn, CASE, desc)                                      \
	static void fn(Envelope *e)                                            \
	{                                                                      \
		m_response(e, CCTNS__V1__ENVELOPE__BODY_##CASE,                \
		           &cctns__v1__##desc##__descriptor);                  \
	}

RESPONSE_MUTATION(m_missing_receipt_body, MISSING_PERSON_RECEIPT,
                  missing_person_receipt)
RESPONSE_MUTATION(m_missing_traced_receipt_body, MISSING_TRACED_RECEIPT,
                  missing_traced_receipt)
RESPONSE_MUTATION(m_missing_person_body, MISSING_PERSON, missing_person)
RESPONSE_MUTATION(m_ud_receipt_body, UNNATURAL_DEATH_RECEIPT,
                  unnatural_death_receipt)
RESPONSE_MUTATION(m_identified_receipt_body, BODY_IDENTIFIED_RECEIPT,
                  body_identified_receipt)
RESPONSE_MUTATION(m_ud_body, UNNATURAL_DEATH, unnatural_death)
RESPONSE_MUTATION(m_vehicle_receipt_body, VEHICLE_RECEIPT, vehicle_receipt)
RESPONSE_MUTATION(m_vehicle_matches_body, VEHICLE_MATCHES, vehicle_matches)
RESPONSE_MUTATION(m_vehicle_record_body, VEHICLE_RECORD, vehicle_record)

/* Missing persons */

static void m_mp_key_short(Envelope *e)
{
	fx_bytes(&e->register_missing_person->idempotency_key, fx_key(), 8);
}

static void m_mp_no_report(Envelope *e)
{
	cctns__v1__missing_person_report__free_unpacked(MISSING(e), NULL);
	MISSING(e) = NULL;
}

static void m_mp_no_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(MISSING(e)->person, NULL);
	MISSING(e)->person = NULL;
}

static void m_mp_person_no_name(Envelope *e)
{
	fx_str(&MISSING(e)->person->name, "");
}

static void m_mp_age_121(Envelope *e)
{
	fx_str(&MISSING(e)->person->date_of_birth, "");
	MISSING(e)->age_years = 121;
}

static void m_mp_age_with_birth(Envelope *e)
{
	MISSING(e)->age_years = 12;
}

static void m_mp_height_29(Envelope *e)
{
	MISSING(e)->descriptive_roll->height_cm = 29;
}

static void m_mp_height_251(Envelope *e)
{
	MISSING(e)->descriptive_roll->height_cm = 251;
}

static void m_mp_no_missing_since(Envelope *e)
{
	fx_str(&MISSING(e)->missing_since, "");
}

static void m_mp_missing_since_date_only(Envelope *e)
{
	fx_str(&MISSING(e)->missing_since, "2026-11-28");
}

static void m_mp_no_reported_at(Envelope *e)
{
	fx_str(&MISSING(e)->reported_at, "");
}

static void m_mp_circumstances_long(Envelope *e)
{
	fx_str(&MISSING(e)->circumstances, repeat('c', 4001));
}

static void m_mp_clothing_control(Envelope *e)
{
	fx_str(&MISSING(e)->clothing, "blue\x01uniform");
}

static void m_mp_no_informant(Envelope *e)
{
	cctns__v1__person__free_unpacked(MISSING(e)->informant, NULL);
	MISSING(e)->informant = NULL;
}

static void m_mp_informant_no_name(Envelope *e)
{
	fx_str(&MISSING(e)->informant->name, "");
}

static void m_mp_relation_long(Envelope *e)
{
	fx_str(&MISSING(e)->relation_to_missing, repeat('r', 101));
}

static void m_mp_fir_number_bad(Envelope *e)
{
	fx_str(&MISSING(e)->fir_number, "FIR 12");
}

static void m_mp_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(MISSING(e)->officer, NULL);
	MISSING(e)->officer = NULL;
}

static void m_traced_key_missing(Envelope *e)
{
	fx_bytes(&e->mark_missing_traced->idempotency_key, NULL, 0);
}

static void m_traced_no_number(Envelope *e)
{
	fx_str(&e->mark_missing_traced->number, "");
}

static void m_traced_number_bad(Envelope *e)
{
	fx_str(&e->mark_missing_traced->number, "3-2026");
}

static void m_traced_no_time(Envelope *e)
{
	fx_str(&e->mark_missing_traced->traced_at, "");
}

static void m_traced_no_how(Envelope *e)
{
	e->mark_missing_traced->how = 0;
}

static void m_traced_how_9(Envelope *e)
{
	e->mark_missing_traced->how = 9;
}

static void m_traced_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->mark_missing_traced->officer,
	                                  NULL);
	e->mark_missing_traced->officer = NULL;
}

static void m_get_missing_bad(Envelope *e)
{
	fx_str(&e->get_missing_person->number, "UD 3/2026");
}

/* Unnatural deaths */

static void m_ud_key_missing(Envelope *e)
{
	fx_bytes(&e->register_unnatural_death->idempotency_key, NULL, 0);
}

static void m_ud_no_report(Envelope *e)
{
	cctns__v1__unnatural_death_report__free_unpacked(UD(e), NULL);
	UD(e) = NULL;
}

static void m_ud_no_kind(Envelope *e)
{
	UD(e)->kind = 0;
}

static void m_ud_no_found_at(Envelope *e)
{
	fx_str(&UD(e)->found_at, "");
}

static void m_ud_no_cause(Envelope *e)
{
	UD(e)->apparent_cause = 0;
}

static void m_ud_cause_12(Envelope *e)
{
	UD(e)->apparent_cause = 12;
}

static void m_ud_unidentified_with_name(Envelope *e)
{
	fx_str(&UD(e)->deceased->name, "A Name");
}

static void m_ud_unidentified_with_birth(Envelope *e)
{
	UD(e)->deceased->year_of_birth = 1990;
}

static void m_ud_unidentified_with_person_id(Envelope *e)
{
	UD(e)->deceased->person_id = 7;
}

static void m_ud_known_without_deceased(Envelope *e)
{
	UD(e)->kind =
	        CCTNS__V1__UNNATURAL_DEATH_KIND__UNNATURAL_DEATH_KIND_UNNATURAL_DEATH;
	cctns__v1__person__free_unpacked(UD(e)->deceased, NULL);
	UD(e)->deceased = NULL;
}

static void m_ud_known_without_name(Envelope *e)
{
	UD(e)->kind =
	        CCTNS__V1__UNNATURAL_DEATH_KIND__UNNATURAL_DEATH_KIND_UNNATURAL_DEATH;
}

static void m_ud_age_from_121(Envelope *e)
{
	UD(e)->apparent_age_from = 121;
}

static void m_ud_age_to_121(Envelope *e)
{
	UD(e)->apparent_age_to = 121;
}

static void m_ud_ages_reversed(Envelope *e)
{
	UD(e)->apparent_age_from = 50;
}

static void m_ud_age_to_missing(Envelope *e)
{
	UD(e)->apparent_age_to = 0;
}

static void m_ud_height_20(Envelope *e)
{
	UD(e)->height_cm = 20;
}

static void m_ud_height_in_roll(Envelope *e)
{
	UD(e)->descriptive_roll->height_cm = 168;
}

static void m_ud_articles_long(Envelope *e)
{
	fx_str(&UD(e)->articles_found, repeat('a', 4001));
}

static void m_ud_informant_no_name(Envelope *e)
{
	fx_str(&UD(e)->informant->name, "");
}

static void m_ud_inquest_at_bad(Envelope *e)
{
	fx_str(&UD(e)->inquest_at, "29/11/2026 09:00");
}

static void m_ud_inquest_by_both(Envelope *e)
{
	fx_str(&UD(e)->inquest_magistrate, "Test Magistrate");
}

static void m_ud_inquest_without_time(Envelope *e)
{
	fx_str(&UD(e)->inquest_at, "");
}

static void m_ud_inquest_time_without_who(Envelope *e)
{
	cctns__v1__officer__free_unpacked(UD(e)->inquest_officer, NULL);
	UD(e)->inquest_officer = NULL;
}

static void m_ud_post_mortem_no_hospital(Envelope *e)
{
	fx_str(&UD(e)->post_mortem->hospital, "");
}

static void m_ud_post_mortem_date_bad(Envelope *e)
{
	fx_str(&UD(e)->post_mortem->date, "2026-02-30");
}

static void m_ud_fir_number_bad(Envelope *e)
{
	fx_str(&UD(e)->fir_number, "13");
}

static void m_ud_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(UD(e)->officer, NULL);
	UD(e)->officer = NULL;
}

static void m_identify_no_ud_number(Envelope *e)
{
	fx_str(&e->identify_body->ud_number, "");
}

static void m_identify_ud_number_bad(Envelope *e)
{
	fx_str(&e->identify_body->ud_number, "XY 1/2026");
}

static void m_identify_no_deceased(Envelope *e)
{
	cctns__v1__person__free_unpacked(e->identify_body->deceased, NULL);
	e->identify_body->deceased = NULL;
}

static void m_identify_deceased_no_name(Envelope *e)
{
	fx_str(&e->identify_body->deceased->name, "");
}

static void m_identify_by_no_name(Envelope *e)
{
	fx_str(&e->identify_body->identified_by->name, "");
}

static void m_identify_no_time(Envelope *e)
{
	fx_str(&e->identify_body->identified_at, "");
}

static void m_identify_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->identify_body->officer, NULL);
	e->identify_body->officer = NULL;
}

static void m_get_ud_bad(Envelope *e)
{
	fx_str(&e->get_unnatural_death->ud_number, "UD");
}

/* Vehicles */

static void m_vr_key_missing(Envelope *e)
{
	fx_bytes(&e->report_vehicle->idempotency_key, NULL, 0);
}

static void m_vr_no_report(Envelope *e)
{
	cctns__v1__vehicle_report__free_unpacked(VEHICLE(e), NULL);
	VEHICLE(e) = NULL;
}

static void m_vr_no_kind(Envelope *e)
{
	VEHICLE(e)->kind = 0;
}

static void m_vr_registration_symbols(Envelope *e)
{
	fx_str(&VEHICLE(e)->registration_number, "UP#32#AB#1234");
}

static void m_vr_registration_no_digits(Envelope *e)
{
	fx_str(&VEHICLE(e)->registration_number, "HELLO");
}

static void m_vr_registration_too_long(Envelope *e)
{
	fx_str(&VEHICLE(e)->registration_number, "UP32AB12345678");
}

static void m_vr_chassis_too_long(Envelope *e)
{
	fx_str(&VEHICLE(e)->chassis_number, "MBLHA10ABCD1234567");
}

static void m_vr_chassis_short(Envelope *e)
{
	fx_str(&VEHICLE(e)->chassis_number, "AB12");
}

static void m_vr_engine_symbols(Envelope *e)
{
	fx_str(&VEHICLE(e)->engine_number, "HA10*1234567");
}

static void m_vr_no_numbers(Envelope *e)
{
	fx_str(&VEHICLE(e)->registration_number, "");
	fx_str(&VEHICLE(e)->chassis_number, "");
	fx_str(&VEHICLE(e)->engine_number, "");
}

static void m_vr_no_type(Envelope *e)
{
	VEHICLE(e)->vehicle_type = 0;
}

static void m_vr_model_year_99(Envelope *e)
{
	VEHICLE(e)->model_year = 99;
}

static void m_vr_no_at(Envelope *e)
{
	fx_str(&VEHICLE(e)->at, "");
}

static void m_vr_owner_no_name(Envelope *e)
{
	fx_str(&VEHICLE(e)->owner->name, "");
}

static void m_vr_colour_long(Envelope *e)
{
	fx_str(&VEHICLE(e)->colour, repeat('b', 51));
}

static void m_vr_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(VEHICLE(e)->officer, NULL);
	VEHICLE(e)->officer = NULL;
}

static void m_find_nothing(Envelope *e)
{
	fx_str(&e->find_vehicle->registration_number, "");
}

static void m_find_two(Envelope *e)
{
	fx_str(&e->find_vehicle->chassis_number, "MBLHA10ABCD123456");
}

static void m_find_registration_bad(Envelope *e)
{
	fx_str(&e->find_vehicle->registration_number, "UP 80 AB 1234!");
}

static void m_get_vehicle_bad(Envelope *e)
{
	fx_str(&e->get_vehicle_report->number, "2/26");
}

#define AGE_HINT    "0 to 120"
#define HEIGHT_HINT "30 to 250"

static const broken broken_rows[] = {
        {"rejects_missing_person_receipt_from_a_client", m_missing_receipt_body,
         "", "not a request", missing_envelope},
        {"rejects_missing_traced_receipt_from_a_client",
         m_missing_traced_receipt_body, "", "not a request", missing_envelope},
        {"rejects_missing_person_from_a_client", m_missing_person_body, "",
         "not a request", missing_envelope},
        {"rejects_ud_receipt_from_a_client", m_ud_receipt_body, "",
         "not a request", ud_envelope},
        {"rejects_body_identified_receipt_from_a_client",
         m_identified_receipt_body, "", "not a request", ud_envelope},
        {"rejects_unnatural_death_from_a_client", m_ud_body, "",
         "not a request", ud_envelope},
        {"rejects_vehicle_receipt_from_a_client", m_vehicle_receipt_body, "",
         "not a request", vehicle_envelope},
        {"rejects_vehicle_matches_from_a_client", m_vehicle_matches_body, "",
         "not a request", vehicle_envelope},
        {"rejects_vehicle_record_from_a_client", m_vehicle_record_body, "",
         "not a request", vehicle_envelope},
        /* missing persons */
        {"rejects_missing_report_key_of_8_bytes", m_mp_key_short,
         "idempotency_key", "16 bytes", missing_envelope},
        {"rejects_missing_request_without_report", m_mp_no_report, "report",
         "required", missing_envelope},
        {"rejects_missing_report_without_person", m_mp_no_person,
         "report.person", "required", missing_envelope},
        {"rejects_missing_person_without_name", m_mp_person_no_name,
         "report.person.name", "person_id", missing_envelope},
        {"rejects_stated_age_of_121", m_mp_age_121, "report.age_years",
         AGE_HINT, missing_envelope},
        {"rejects_stated_age_with_a_date_of_birth", m_mp_age_with_birth,
         "report.age_years", "not known", missing_envelope},
        {"rejects_missing_height_of_29_cm", m_mp_height_29,
         "report.descriptive_roll.height_cm", HEIGHT_HINT, missing_envelope},
        {"rejects_missing_height_of_251_cm", m_mp_height_251,
         "report.descriptive_roll.height_cm", HEIGHT_HINT, missing_envelope},
        {"rejects_missing_report_without_missing_since", m_mp_no_missing_since,
         "report.missing_since", "required", missing_envelope},
        {"rejects_missing_since_as_a_date_only", m_mp_missing_since_date_only,
         "report.missing_since", TIME_HINT, missing_envelope},
        {"rejects_missing_report_without_reported_at", m_mp_no_reported_at,
         "report.reported_at", "required", missing_envelope},
        {"rejects_circumstances_over_4000_bytes", m_mp_circumstances_long,
         "report.circumstances", "4000", missing_envelope},
        {"rejects_control_character_in_clothing", m_mp_clothing_control,
         "report.clothing", "control", missing_envelope},
        {"rejects_missing_report_without_informant", m_mp_no_informant,
         "report.informant", "required", missing_envelope},
        {"rejects_informant_without_name", m_mp_informant_no_name,
         "report.informant.name", "required", missing_envelope},
        {"rejects_relation_over_100_chars", m_mp_relation_long,
         "report.relation_to_missing", "100", missing_envelope},
        {"rejects_missing_report_fir_number_with_words", m_mp_fir_number_bad,
         "report.fir_number", FIR_HINT, missing_envelope},
        {"rejects_missing_report_without_officer", m_mp_no_officer,
         "report.officer", "required", missing_envelope},
        {"rejects_traced_without_key", m_traced_key_missing, "idempotency_key",
         "16 bytes", traced_envelope},
        {"rejects_traced_without_number", m_traced_no_number, "number",
         "required", traced_envelope},
        {"rejects_traced_number_with_a_dash", m_traced_number_bad, "number",
         "3/2026", traced_envelope},
        {"rejects_traced_without_time", m_traced_no_time, "traced_at",
         "required", traced_envelope},
        {"rejects_traced_without_how", m_traced_no_how, "how", "returned_home",
         traced_envelope},
        {"rejects_unknown_traced_how", m_traced_how_9, "how", "9",
         traced_envelope},
        {"rejects_traced_without_officer", m_traced_no_officer, "officer",
         "required", traced_envelope},
        {"rejects_get_missing_with_a_ud_number", m_get_missing_bad, "number",
         "3/2026", get_missing_envelope},
        /* unnatural deaths */
        {"rejects_ud_without_key", m_ud_key_missing, "idempotency_key",
         "16 bytes", ud_envelope},
        {"rejects_ud_request_without_report", m_ud_no_report, "report",
         "required", ud_envelope},
        {"rejects_ud_without_kind", m_ud_no_kind, "report.kind",
         "unidentified_body", ud_envelope},
        {"rejects_ud_without_found_at", m_ud_no_found_at, "report.found_at",
         "required", ud_envelope},
        {"rejects_ud_without_apparent_cause", m_ud_no_cause,
         "report.apparent_cause", "snake_bite", ud_envelope},
        {"rejects_unknown_apparent_cause", m_ud_cause_12,
         "report.apparent_cause", "12", ud_envelope},
        {"rejects_a_name_for_an_unidentified_body", m_ud_unidentified_with_name,
         "report.deceased.name", "unidentified", ud_envelope},
        {"rejects_a_birth_year_for_an_unidentified_body",
         m_ud_unidentified_with_birth, "report.deceased", "gender",
         ud_envelope},
        {"rejects_a_person_id_for_an_unidentified_body",
         m_ud_unidentified_with_person_id, "report.deceased.person_id",
         "identify", ud_envelope},
        {"rejects_unnatural_death_without_deceased",
         m_ud_known_without_deceased, "report.deceased", "required",
         ud_envelope},
        {"rejects_unnatural_death_of_nameless_deceased",
         m_ud_known_without_name, "report.deceased.name", "required",
         ud_envelope},
        {"rejects_apparent_age_from_121", m_ud_age_from_121,
         "report.apparent_age_from", AGE_HINT, ud_envelope},
        {"rejects_apparent_age_to_121", m_ud_age_to_121,
         "report.apparent_age_to", AGE_HINT, ud_envelope},
        {"rejects_apparent_ages_in_the_wrong_order", m_ud_ages_reversed,
         "report.apparent_age_from", "apparent_age_to", ud_envelope},
        {"rejects_apparent_age_from_without_to", m_ud_age_to_missing,
         "report.apparent_age_to", "required", ud_envelope},
        {"rejects_body_height_of_20_cm", m_ud_height_20, "report.height_cm",
         HEIGHT_HINT, ud_envelope},
        {"rejects_height_in_the_descriptive_roll_of_a_body",
         m_ud_height_in_roll, "report.descriptive_roll.height_cm", "height_cm",
         ud_envelope},
        {"rejects_articles_found_over_4000_chars", m_ud_articles_long,
         "report.articles_found", "4000", ud_envelope},
        {"rejects_ud_informant_without_name", m_ud_informant_no_name,
         "report.informant.name", "required", ud_envelope},
        {"rejects_inquest_at_not_rfc3339", m_ud_inquest_at_bad,
         "report.inquest_at", TIME_HINT, ud_envelope},
        {"rejects_inquest_by_officer_and_magistrate", m_ud_inquest_by_both,
         "report.inquest_magistrate", "one of them", ud_envelope},
        {"rejects_inquest_without_its_time", m_ud_inquest_without_time,
         "report.inquest_at", "required", ud_envelope},
        {"rejects_inquest_time_without_who_held_it",
         m_ud_inquest_time_without_who, "report.inquest_officer", "required",
         ud_envelope},
        {"rejects_post_mortem_without_hospital", m_ud_post_mortem_no_hospital,
         "report.post_mortem.hospital", "required", ud_envelope},
        {"rejects_post_mortem_on_30_february", m_ud_post_mortem_date_bad,
         "report.post_mortem.date", NULL, ud_envelope},
        {"rejects_ud_fir_number_without_year", m_ud_fir_number_bad,
         "report.fir_number", FIR_HINT, ud_envelope},
        {"rejects_ud_without_officer", m_ud_no_officer, "report.officer",
         "required", ud_envelope},
        {"rejects_identify_without_ud_number", m_identify_no_ud_number,
         "ud_number", "required", identify_envelope},
        {"rejects_identify_with_another_prefix", m_identify_ud_number_bad,
         "ud_number", "UD 0003/2026", identify_envelope},
        {"rejects_identify_without_deceased", m_identify_no_deceased,
         "deceased", "required", identify_envelope},
        {"rejects_identified_deceased_without_name",
         m_identify_deceased_no_name, "deceased.name", "required",
         identify_envelope},
        {"rejects_identifier_without_name", m_identify_by_no_name,
         "identified_by.name", "required", identify_envelope},
        {"rejects_identify_without_time", m_identify_no_time, "identified_at",
         "required", identify_envelope},
        {"rejects_identify_without_officer", m_identify_no_officer, "officer",
         "required", identify_envelope},
        {"rejects_get_ud_without_number", m_get_ud_bad, "ud_number",
         "UD 0003/2026", get_ud_envelope},
        /* vehicles */
        {"rejects_vehicle_report_without_key", m_vr_key_missing,
         "idempotency_key", "16 bytes", vehicle_envelope},
        {"rejects_vehicle_request_without_report", m_vr_no_report, "report",
         "required", vehicle_envelope},
        {"rejects_vehicle_report_without_kind", m_vr_no_kind, "report.kind",
         "stolen", vehicle_envelope},
        {"rejects_registration_with_symbols", m_vr_registration_symbols,
         "report.registration_number", "UP 32 AB 1234", vehicle_envelope},
        {"rejects_registration_without_digits", m_vr_registration_no_digits,
         "report.registration_number", "UP 32 AB 1234", vehicle_envelope},
        {"rejects_registration_of_14_characters", m_vr_registration_too_long,
         "report.registration_number", "UP 32 AB 1234", vehicle_envelope},
        {"rejects_chassis_of_18_characters", m_vr_chassis_too_long,
         "report.chassis_number", "17", vehicle_envelope},
        {"rejects_chassis_of_4_characters", m_vr_chassis_short,
         "report.chassis_number", "5 to 17", vehicle_envelope},
        {"rejects_engine_number_with_symbols", m_vr_engine_symbols,
         "report.engine_number", "5 to 20", vehicle_envelope},
        {"rejects_vehicle_without_any_number", m_vr_no_numbers,
         "report.registration_number", "chassis", vehicle_envelope},
        {"rejects_vehicle_without_type", m_vr_no_type, "report.vehicle_type",
         "two_wheeler", vehicle_envelope},
        {"rejects_model_year_99", m_vr_model_year_99, "report.model_year",
         "2019", vehicle_envelope},
        {"rejects_vehicle_report_without_time", m_vr_no_at, "report.at",
         "required", vehicle_envelope},
        {"rejects_owner_without_name", m_vr_owner_no_name, "report.owner.name",
         "required", vehicle_envelope},
        {"rejects_colour_over_50_chars", m_vr_colour_long, "report.colour",
         "50", vehicle_envelope},
        {"rejects_vehicle_report_without_officer", m_vr_no_officer,
         "report.officer", "required", vehicle_envelope},
        {"rejects_find_without_a_number", m_find_nothing, "registration_number",
         "one of", find_envelope},
        {"rejects_find_by_two_numbers", m_find_two, "chassis_number",
         "one number at a time", find_envelope},
        {"rejects_find_by_registration_with_symbols", m_find_registration_bad,
         "registration_number", "UP 32 AB 1234", find_envelope},
        {"rejects_get_vehicle_report_with_2_digit_year", m_get_vehicle_bad,
         "number", "3/2026", get_vehicle_envelope},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(body_names_and_request_kinds),
	        cmocka_unit_test(valid_requests_of_every_kind_pass),
	        cmocka_unit_test(
	                adult_report_without_fir_or_birth_but_stated_age_passes),
	        cmocka_unit_test(person_named_by_person_id_needs_no_name),
	        cmocka_unit_test(
	                known_unnatural_death_with_magistrate_inquest_passes),
	        cmocka_unit_test(vehicle_numbers_in_any_indian_spelling_pass),
	        cmocka_unit_test(vehicle_with_only_a_chassis_number_passes),
	};
	return run_envelope_tests("envelope_registers2", fixed,
	                          ARRAY_LEN(fixed), broken_rows,
	                          ARRAY_LEN(broken_rows));
}
