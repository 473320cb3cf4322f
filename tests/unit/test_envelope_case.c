/* test_envelope_case.c: the checks of the General Diary, case (IO
 * assignment, timeline) and arrest memo requests (proto/envelope.h): a valid
 * request of each kind passes, every broken field is reported with its exact
 * path, and their responses are refused when a client sends them. */
#include "envelope_test.h"

/* Put body into a fresh envelope with request_id 7. */

/* AddGdEntry: a general entry with every field a general entry has. */

static Envelope *gd_envelope(void)
{
	Cctns__V1__AddGdEntry *g = fx_new(&cctns__v1__add_gd_entry__descriptor);

	fx_bytes(&g->idempotency_key, fx_key(), 16);
	g->kind = CCTNS__V1__GD_KIND__GD_KIND_GENERAL;
	fx_str(&g->text, "Night patrol of beat 4 began.\n\tAll quiet.");
	g->officer = fx_officer("UP-1234", "Test Officer", "SI");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_ADD_GD_ENTRY, g);
}

static Envelope *get_gd_envelope(void)
{
	Cctns__V1__GetGd *g = fx_new(&cctns__v1__get_gd__descriptor);

	fx_str(&g->date, "2026-03-15");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_GD, g);
}

static Envelope *assign_io_envelope(void)
{
	Cctns__V1__AssignIo *a = fx_new(&cctns__v1__assign_io__descriptor);

	fx_bytes(&a->idempotency_key, fx_key(), 16);
	fx_str(&a->fir_number, "0042/2026");
	a->io = fx_officer("UP-2001", "Test Investigator", "Inspector");
	a->acting = fx_officer("UP-0001", "Test SHO", "Inspector");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_ASSIGN_IO, a);
}

static Envelope *timeline_envelope(void)
{
	Cctns__V1__GetCaseTimeline *t =
	        fx_new(&cctns__v1__get_case_timeline__descriptor);

	fx_str(&t->fir_number, "42/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_CASE_TIMELINE, t);
}

static Cctns__V1__DescriptiveRoll *fx_roll(void)
{
	Cctns__V1__DescriptiveRoll *d =
	        fx_new(&cctns__v1__descriptive_roll__descriptor);

	d->height_cm = 170;
	fx_str(&d->build, "medium");
	fx_str(&d->complexion, "wheatish");
	fx_str(&d->identification_marks, "mole on left cheek\nscar on chin");
	fx_str(&d->hair, "black");
	d->n_languages = 2;
	d->languages = xcalloc(2, sizeof(*d->languages));
	d->languages[0] = xstrdup("Hindi");
	d->languages[1] = xstrdup("Urdu");
	fx_str(&d->tattoos, "right forearm");
	return d;
}

/* RegisterArrest: a memo with every field set. */

static Envelope *arrest_envelope(void)
{
	Cctns__V1__RegisterArrest *r =
	        fx_new(&cctns__v1__register_arrest__descriptor);
	Cctns__V1__ArrestMemo *m = fx_new(&cctns__v1__arrest_memo__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	m->person = fx_person("Test Arrested");
	m->n_aliases = 2;
	m->aliases = xcalloc(2, sizeof(*m->aliases));
	m->aliases[0] = xstrdup("Alias One");
	m->aliases[1] = xstrdup("Alias Two");
	m->identity_document =
	        fx_new(&cctns__v1__identity_document__descriptor);
	fx_str(&m->identity_document->kind, "voter_id");
	fx_str(&m->identity_document->number, "ABC1234567");
	fx_str(&m->religion, "Test Religion");
	fx_str(&m->caste_tribe, "Test Caste");
	m->permanent_address = fx_address();
	fx_str(&m->arrested_at, "2026-03-16T10:00:00+05:30");
	fx_str(&m->place, "Near the bus stand, Aminabad");
	m->outcome =
	        CCTNS__V1__ARREST_OUTCOME__ARREST_OUTCOME_ARRESTED_FORWARDED;
	fx_str(&m->injuries, "none seen");
	fx_str(&m->medical_examination, "District hospital,\n16/03 11:00");
	fx_str(&m->articles_found, "a wallet");
	fx_str(&m->relative_informed, "Test Relative (father)");
	fx_str(&m->relative_informed_at, "2026-03-16T10:30:00+05:30");
	fx_str(&m->designated_officer_informed_at, "2026-03-16T10:45:00+05:30");
	m->descriptive_roll = fx_roll();
	m->fingerprints_taken = 1;
	m->likely_to_jump_bail = 1;
	m->officer = fx_officer("UP-1234", "Test Officer", "SI");
	r->memo = m;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST, r);
}

static Envelope *get_arrest_envelope(void)
{
	Cctns__V1__GetArrest *g = fx_new(&cctns__v1__get_arrest__descriptor);

	fx_str(&g->fir_number, "0042/2026");
	fx_str(&g->accused_code, "A1");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_ARREST, g);
}

static Cctns__V1__ArrestMemo *memo_of(Envelope *e)
{
	return e->register_arrest->memo;
}

static void valid_requests_of_every_new_kind_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        gd_envelope,       get_gd_envelope, assign_io_envelope,
	        timeline_envelope, arrest_envelope, get_arrest_envelope,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(make) / sizeof(make[0]); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

static void gd_correction_naming_an_entry_passes(void **state)
{
	Envelope *e = gd_envelope();

	(void)state;
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	fx_str(&e->add_gd_entry->corrects_date, "2026-03-15");
	e->add_gd_entry->corrects_number = 12;
	assert_passes(e);
	envelope_free(e);
}

static void get_gd_without_date_means_today_and_passes(void **state)
{
	Envelope *e = get_gd_envelope();

	(void)state;
	fx_str(&e->get_gd->date, "");
	assert_passes(e);
	envelope_free(e);
}

static void minimal_arrest_memo_passes(void **state)
{
	Cctns__V1__RegisterArrest *r =
	        fx_new(&cctns__v1__register_arrest__descriptor);
	Cctns__V1__ArrestMemo *m = fx_new(&cctns__v1__arrest_memo__descriptor);
	Envelope *e;

	(void)state;
	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "1/2026");
	m->person = fx_new(&cctns__v1__person__descriptor);
	fx_str(&m->person->name, "A");
	fx_str(&m->arrested_at, "2026-03-16T10:00:00+05:30");
	m->court_surrender = 1;
	m->outcome =
	        CCTNS__V1__ARREST_OUTCOME__ARREST_OUTCOME_SURRENDERED_BAILED;
	m->officer = fx_officer("1", "B", "HC");
	r->memo = m;
	e = envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_ARREST, r);
	assert_passes(e);
	envelope_free(e);
}

static void masked_aadhaar_of_last_4_digits_passes(void **state)
{
	Envelope *e = arrest_envelope();

	(void)state;
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "1234");
	assert_passes(e);
	envelope_free(e);
}

static void accused_codes_a1_to_z9_pass(void **state)
{
	static const char *const ok[] = {"A1", "A9", "B1", "Z9"};
	Envelope *e = get_arrest_envelope();

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		fx_str(&e->get_arrest->accused_code, ok[i]);
		assert_passes(e);
	}
	envelope_free(e);
}

static void m_response_as_request(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                                  const ProtobufCMessageDescriptor *d)
{
	set_body(e, c, fx_new(d));
}

static void m_gd_entry_receipt_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_GD_ENTRY_RECEIPT,
	                      &cctns__v1__gd_entry_receipt__descriptor);
}

static void m_gd_day_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_GD_DAY,
	                      &cctns__v1__gd_day__descriptor);
}

static void m_case_timeline_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_CASE_TIMELINE,
	                      &cctns__v1__case_timeline__descriptor);
}

static void m_arrest_receipt_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_ARREST_RECEIPT,
	                      &cctns__v1__arrest_receipt__descriptor);
}

static void m_arrest_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_ARREST,
	                      &cctns__v1__arrest__descriptor);
}

/* Strings of n copies of c (static: one at a time). */

/* General Diary */

static void m_gd_key_15(Envelope *e)
{
	fx_bytes(&e->add_gd_entry->idempotency_key, fx_key(), 15);
}

static void m_gd_no_kind(Envelope *e)
{
	e->add_gd_entry->kind = 0;
}

static void m_gd_kind_99(Envelope *e)
{
	e->add_gd_entry->kind = 99;
}

static void m_gd_no_text(Envelope *e)
{
	fx_str(&e->add_gd_entry->text, "");
}

static void m_gd_text_big(Envelope *e)
{
	fx_str(&e->add_gd_entry->text, repeat('t', 16 * 1024 + 1));
}

static void m_gd_text_bad_utf8(Envelope *e)
{
	fx_str(&e->add_gd_entry->text, "patrol \xe0\xa4");
}

static void m_gd_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->add_gd_entry->officer, NULL);
	e->add_gd_entry->officer = NULL;
}

static void m_gd_officer_no_number(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->number, "");
}

static void m_gd_officer_no_name(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->name, "");
}

static void m_gd_officer_no_rank(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->rank, "");
}

static void m_gd_officer_number_33(Envelope *e)
{
	fx_str(&e->add_gd_entry->officer->number, repeat('9', 33));
}

static void m_gd_correction_no_number(Envelope *e)
{
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	fx_str(&e->add_gd_entry->corrects_date, "2026-03-15");
}

static void m_gd_correction_no_date(Envelope *e)
{
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	e->add_gd_entry->corrects_number = 3;
}

static void m_gd_general_corrects_number(Envelope *e)
{
	e->add_gd_entry->corrects_number = 3;
}

static void m_gd_general_corrects_date(Envelope *e)
{
	fx_str(&e->add_gd_entry->corrects_date, "2026-03-15");
}

static void m_gd_corrects_date_bad(Envelope *e)
{
	e->add_gd_entry->kind = CCTNS__V1__GD_KIND__GD_KIND_CORRECTION;
	e->add_gd_entry->corrects_number = 3;
	fx_str(&e->add_gd_entry->corrects_date, "15/03/2026");
}

static void m_get_gd_date_bad(Envelope *e)
{
	fx_str(&e->get_gd->date, "15-03-2026");
}

static void m_get_gd_feb_30(Envelope *e)
{
	fx_str(&e->get_gd->date, "2026-02-30");
}

/* IO assignment and timeline */

static void m_io_key_missing(Envelope *e)
{
	fx_bytes(&e->assign_io->idempotency_key, NULL, 0);
}

static void m_io_no_fir_number(Envelope *e)
{
	fx_str(&e->assign_io->fir_number, "");
}

static void m_io_fir_number_no_year(Envelope *e)
{
	fx_str(&e->assign_io->fir_number, "42");
}

static void m_io_fir_number_2_digit_year(Envelope *e)
{
	fx_str(&e->assign_io->fir_number, "42/26");
}

static void m_io_no_io(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->assign_io->io, NULL);
	e->assign_io->io = NULL;
}

static void m_io_no_acting(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->assign_io->acting, NULL);
	e->assign_io->acting = NULL;
}

static void m_io_io_no_name(Envelope *e)
{
	fx_str(&e->assign_io->io->name, "");
}

static void m_io_acting_rank_newline(Envelope *e)
{
	fx_str(&e->assign_io->acting->rank, "Inspector\nSHO");
}

static void m_timeline_no_fir_number(Envelope *e)
{
	fx_str(&e->get_case_timeline->fir_number, "");
}

static void m_timeline_fir_number_10_digits(Envelope *e)
{
	fx_str(&e->get_case_timeline->fir_number, "1234567890/2026");
}

/* Arrest memo */

static void m_arrest_key_missing(Envelope *e)
{
	fx_bytes(&e->register_arrest->idempotency_key, NULL, 0);
}

static void m_arrest_no_fir_number(Envelope *e)
{
	fx_str(&e->register_arrest->fir_number, "");
}

static void m_arrest_fir_number_letters(Envelope *e)
{
	fx_str(&e->register_arrest->fir_number, "FIR 42/2026");
}

static void m_arrest_no_memo(Envelope *e)
{
	cctns__v1__arrest_memo__free_unpacked(memo_of(e), NULL);
	e->register_arrest->memo = NULL;
}

static void m_arrest_no_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(memo_of(e)->person, NULL);
	memo_of(e)->person = NULL;
}

static void m_arrest_person_no_name(Envelope *e)
{
	fx_str(&memo_of(e)->person->name, "");
}

static void m_arrest_3_aliases(Envelope *e)
{
	Cctns__V1__ArrestMemo *m = memo_of(e);
	m->aliases = xrealloc(m->aliases, 3 * sizeof(*m->aliases));
	m->aliases[2] = xstrdup("Alias Three");
	m->n_aliases = 3;
}

static void m_arrest_alias_control(Envelope *e)
{
	fx_str(&memo_of(e)->aliases[1], "Alias\x1bTwo");
}

static void m_arrest_no_arrested_at(Envelope *e)
{
	fx_str(&memo_of(e)->arrested_at, "");
}

static void m_arrest_arrested_at_no_offset(Envelope *e)
{
	fx_str(&memo_of(e)->arrested_at, "2026-03-16 10:00");
}

static void m_arrest_no_outcome(Envelope *e)
{
	memo_of(e)->outcome = 0;
}

static void m_arrest_outcome_8(Envelope *e)
{
	memo_of(e)->outcome = 8;
}

static void m_arrest_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(memo_of(e)->officer, NULL);
	memo_of(e)->officer = NULL;
}

static void m_arrest_officer_no_rank(Envelope *e)
{
	fx_str(&memo_of(e)->officer->rank, "");
}

static void m_arrest_relative_informed_at_bad(Envelope *e)
{
	fx_str(&memo_of(e)->relative_informed_at, "2026-03-16T10:30");
}

static void m_arrest_designated_informed_at_bad(Envelope *e)
{
	fx_str(&memo_of(e)->designated_officer_informed_at, "yesterday");
}

static void m_arrest_full_aadhaar_as_voter_id(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->number, "123456789012");
}

static void m_arrest_full_aadhaar_spaced(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "1234 5678-9012");
}

static void m_arrest_kind_aadhaar(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar");
	fx_str(&memo_of(e)->identity_document->number, "9012");
}

static void m_arrest_masked_5_digits(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "89012");
}

static void m_arrest_masked_xxxx(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "aadhaar_masked");
	fx_str(&memo_of(e)->identity_document->number, "XXXX-XXXX-9012");
}

static void m_arrest_document_no_kind(Envelope *e)
{
	fx_str(&memo_of(e)->identity_document->kind, "");
}

static void m_arrest_injuries_long(Envelope *e)
{
	fx_str(&memo_of(e)->injuries, repeat('i', 4001));
}

static void m_arrest_place_long(Envelope *e)
{
	fx_str(&memo_of(e)->place, repeat('p', 501));
}

static void m_arrest_pincode_5(Envelope *e)
{
	fx_str(&memo_of(e)->permanent_address->pincode, "22600");
}

static void m_arrest_21_languages(Envelope *e)
{
	Cctns__V1__DescriptiveRoll *d = memo_of(e)->descriptive_roll;
	d->languages = xrealloc(d->languages, 21 * sizeof(*d->languages));
	for (size_t i = d->n_languages; i < 21; i++)
		d->languages[i] = xstrdup("Hindi");
	d->n_languages = 21;
}

static void m_arrest_person_gender_9(Envelope *e)
{
	memo_of(e)->person->gender = 9;
}

static void m_get_arrest_no_code(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "");
}

static void m_get_arrest_code_lower(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "a1");
}

static void m_get_arrest_code_zero(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "A0");
}

static void m_get_arrest_code_a10(Envelope *e)
{
	fx_str(&e->get_arrest->accused_code, "A10");
}

static void m_get_arrest_no_fir_number(Envelope *e)
{
	fx_str(&e->get_arrest->fir_number, "");
}

static const broken broken_rows[] = {
        {"rejects_gd_entry_receipt_from_client", m_gd_entry_receipt_body, "",
         "gd_entry_receipt is not a request", NULL},
        {"rejects_gd_day_from_client", m_gd_day_body, "",
         "gd_day is not a request", NULL},
        {"rejects_case_timeline_from_client", m_case_timeline_body, "",
         "case_timeline is not a request", NULL},
        {"rejects_arrest_receipt_from_client", m_arrest_receipt_body, "",
         "arrest_receipt is not a request", NULL},
        {"rejects_arrest_from_client", m_arrest_body, "",
         "arrest is not a request", NULL},
        {"rejects_gd_entry_key_of_15_bytes", m_gd_key_15, "idempotency_key",
         "16 bytes", gd_envelope},
        {"rejects_gd_entry_without_kind", m_gd_no_kind, "kind", "general",
         gd_envelope},
        {"rejects_gd_entry_kind_unknown_number", m_gd_kind_99, "kind", "99",
         gd_envelope},
        {"rejects_gd_entry_without_text", m_gd_no_text, "text", "required",
         gd_envelope},
        {"rejects_gd_entry_text_over_16_kib", m_gd_text_big, "text",
         "16384 bytes", gd_envelope},
        {"rejects_gd_entry_text_with_invalid_utf8", m_gd_text_bad_utf8, "text",
         "UTF-8", gd_envelope},
        {"rejects_gd_entry_without_officer", m_gd_no_officer, "officer",
         "required", gd_envelope},
        {"rejects_officer_without_number", m_gd_officer_no_number,
         "officer.number", "required", gd_envelope},
        {"rejects_officer_without_name", m_gd_officer_no_name, "officer.name",
         "required", gd_envelope},
        {"rejects_officer_without_rank", m_gd_officer_no_rank, "officer.rank",
         "required", gd_envelope},
        {"rejects_officer_number_over_32_chars", m_gd_officer_number_33,
         "officer.number", "32", gd_envelope},
        {"rejects_gd_correction_without_corrects_number",
         m_gd_correction_no_number, "corrects_number", "correction",
         gd_envelope},
        {"rejects_gd_correction_without_corrects_date", m_gd_correction_no_date,
         "corrects_date", "correction", gd_envelope},
        {"rejects_corrects_number_on_a_general_entry",
         m_gd_general_corrects_number, "corrects_number", "correction",
         gd_envelope},
        {"rejects_corrects_date_on_a_general_entry", m_gd_general_corrects_date,
         "corrects_date", "correction", gd_envelope},
        {"rejects_corrects_date_not_yyyy_mm_dd", m_gd_corrects_date_bad,
         "corrects_date", "1985-07-23", gd_envelope},
        {"rejects_get_gd_date_not_yyyy_mm_dd", m_get_gd_date_bad, "date",
         "1985-07-23", get_gd_envelope},
        {"rejects_get_gd_date_feb_30", m_get_gd_feb_30, "date", NULL,
         get_gd_envelope},
        {"rejects_assign_io_without_idempotency_key", m_io_key_missing,
         "idempotency_key", "16 bytes", assign_io_envelope},
        {"rejects_assign_io_without_fir_number", m_io_no_fir_number,
         "fir_number", "required", assign_io_envelope},
        {"rejects_fir_number_without_year", m_io_fir_number_no_year,
         "fir_number", FIR_HINT, assign_io_envelope},
        {"rejects_fir_number_with_2_digit_year", m_io_fir_number_2_digit_year,
         "fir_number", FIR_HINT, assign_io_envelope},
        {"rejects_assign_io_without_io", m_io_no_io, "io", "required",
         assign_io_envelope},
        {"rejects_assign_io_without_acting_officer", m_io_no_acting, "acting",
         "required", assign_io_envelope},
        {"rejects_io_without_name", m_io_io_no_name, "io.name", "required",
         assign_io_envelope},
        {"rejects_newline_in_acting_rank", m_io_acting_rank_newline,
         "acting.rank", "one line", assign_io_envelope},
        {"rejects_timeline_without_fir_number", m_timeline_no_fir_number,
         "fir_number", "required", timeline_envelope},
        {"rejects_fir_number_of_10_digits", m_timeline_fir_number_10_digits,
         "fir_number", FIR_HINT, timeline_envelope},
        {"rejects_arrest_without_idempotency_key", m_arrest_key_missing,
         "idempotency_key", "16 bytes", arrest_envelope},
        {"rejects_arrest_without_fir_number", m_arrest_no_fir_number,
         "fir_number", "required", arrest_envelope},
        {"rejects_arrest_fir_number_with_words", m_arrest_fir_number_letters,
         "fir_number", FIR_HINT, arrest_envelope},
        {"rejects_arrest_without_memo", m_arrest_no_memo, "memo", "required",
         arrest_envelope},
        {"rejects_arrest_memo_without_person", m_arrest_no_person,
         "memo.person", "required", arrest_envelope},
        {"rejects_arrested_person_without_name", m_arrest_person_no_name,
         "memo.person.name", "required", arrest_envelope},
        {"rejects_more_than_2_aliases", m_arrest_3_aliases, "memo.aliases",
         "at most 2", arrest_envelope},
        {"rejects_control_character_in_an_alias", m_arrest_alias_control,
         "memo.aliases[1]", "control", arrest_envelope},
        {"rejects_arrest_without_arrested_at", m_arrest_no_arrested_at,
         "memo.arrested_at", "required", arrest_envelope},
        {"rejects_arrested_at_without_offset", m_arrest_arrested_at_no_offset,
         "memo.arrested_at", TIME_HINT, arrest_envelope},
        {"rejects_arrest_without_outcome", m_arrest_no_outcome, "memo.outcome",
         "arrested_forwarded", arrest_envelope},
        {"rejects_unknown_arrest_outcome_number", m_arrest_outcome_8,
         "memo.outcome", "8", arrest_envelope},
        {"rejects_arrest_without_arresting_officer", m_arrest_no_officer,
         "memo.officer", "required", arrest_envelope},
        {"rejects_arresting_officer_without_rank", m_arrest_officer_no_rank,
         "memo.officer.rank", "required", arrest_envelope},
        {"rejects_relative_informed_at_without_seconds",
         m_arrest_relative_informed_at_bad, "memo.relative_informed_at",
         TIME_HINT, arrest_envelope},
        {"rejects_designated_officer_informed_at_not_a_time",
         m_arrest_designated_informed_at_bad,
         "memo.designated_officer_informed_at", TIME_HINT, arrest_envelope},
        {"rejects_full_aadhaar_number_under_any_kind",
         m_arrest_full_aadhaar_as_voter_id, "memo.identity_document.number",
         "Aadhaar", arrest_envelope},
        {"rejects_full_aadhaar_number_with_spaces_and_dashes",
         m_arrest_full_aadhaar_spaced, "memo.identity_document.number",
         "Aadhaar", arrest_envelope},
        {"rejects_identity_document_kind_aadhaar", m_arrest_kind_aadhaar,
         "memo.identity_document.kind", "aadhaar_masked", arrest_envelope},
        {"rejects_masked_aadhaar_of_5_digits", m_arrest_masked_5_digits,
         "memo.identity_document.number", "last 4 digits", arrest_envelope},
        {"rejects_masked_aadhaar_with_mask_characters", m_arrest_masked_xxxx,
         "memo.identity_document.number", "last 4 digits", arrest_envelope},
        {"rejects_identity_document_without_kind", m_arrest_document_no_kind,
         "memo.identity_document.kind", "required", arrest_envelope},
        {"rejects_injuries_over_4000_chars", m_arrest_injuries_long,
         "memo.injuries", "4000", arrest_envelope},
        {"rejects_place_of_arrest_over_500_chars", m_arrest_place_long,
         "memo.place", "500", arrest_envelope},
        {"rejects_permanent_address_pincode_of_5_digits", m_arrest_pincode_5,
         "memo.permanent_address.pincode", "6 digits", arrest_envelope},
        {"rejects_more_than_20_languages", m_arrest_21_languages,
         "memo.descriptive_roll.languages", "20", arrest_envelope},
        {"rejects_unknown_gender_of_arrested_person", m_arrest_person_gender_9,
         "memo.person.gender", "9", arrest_envelope},
        {"rejects_get_arrest_without_accused_code", m_get_arrest_no_code,
         "accused_code", "required", get_arrest_envelope},
        {"rejects_lower_case_accused_code", m_get_arrest_code_lower,
         "accused_code", "A1", get_arrest_envelope},
        {"rejects_accused_code_with_digit_0", m_get_arrest_code_zero,
         "accused_code", "A1", get_arrest_envelope},
        {"rejects_accused_code_of_3_chars", m_get_arrest_code_a10,
         "accused_code", "2", get_arrest_envelope},
        {"rejects_get_arrest_without_fir_number", m_get_arrest_no_fir_number,
         "fir_number", "required", get_arrest_envelope},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(valid_requests_of_every_new_kind_pass),
	        cmocka_unit_test(gd_correction_naming_an_entry_passes),
	        cmocka_unit_test(get_gd_without_date_means_today_and_passes),
	        cmocka_unit_test(minimal_arrest_memo_passes),
	        cmocka_unit_test(masked_aadhaar_of_last_4_digits_passes),
	        cmocka_unit_test(accused_codes_a1_to_z9_pass),
	};
	return run_envelope_tests("envelope_case", fixed, ARRAY_LEN(fixed),
	                          broken_rows, ARRAY_LEN(broken_rows));
}
