/* test_envelope_fir.c: the checks of the complete FIR (FirContent fields
 * 13-21: passport, informant, station outside the limits, inquest number,
 * action taken, dispatch to court, total value, e-FIR), of the zero FIR
 * transfer and export, and of the e-FIR signature (proto/envelope.h): a
 * valid request of each kind passes, every broken field is reported with its
 * exact path, and their responses are refused when a client sends them. */
#include "envelope_test.h"

static Cctns__V1__StationRef *fx_station_ref(void)
{
	Cctns__V1__StationRef *s = fx_new(&cctns__v1__station_ref__descriptor);

	s->state_code = 9;
	s->district_code = 119;
	s->station_code = 2001;
	fx_str(&s->station_name, "Civil Lines");
	fx_str(&s->district_name, "Aligarh");
	return s;
}

/* The FIR of fixtures.h with every field of IIF-I: a zero FIR refused
 * investigation, with the complainant's passport and an informant. */
static Envelope *full_fir_envelope(void)
{
	Envelope *e = fx_register_envelope();
	Cctns__V1__FirContent *f = e->register_fir->fir;

	f->complainant_passport = fx_new(&cctns__v1__passport__descriptor);
	fx_str(&f->complainant_passport->number, "K1234567");
	fx_str(&f->complainant_passport->date_of_issue, "2019-04-02");
	fx_str(&f->complainant_passport->place_of_issue, "Lucknow");
	f->informant = fx_person("Test Informant");
	f->outside_station = fx_station_ref();
	fx_str(&f->inquest_number, "UD 12/2026");
	f->action_taken = fx_new(&cctns__v1__action_taken__descriptor);
	f->action_taken->action =
	        CCTNS__V1__FIR_ACTION__FIR_ACTION_REFUSED_INVESTIGATION;
	fx_str(&f->action_taken->reason, "a civil dispute\nover land");
	fx_str(&f->action_taken->text, "Told to approach the civil court.");
	fx_str(&f->dispatched_to_court_at, "2026-03-15T18:00:00+05:30");
	f->total_value_rupees = 15000;
	f->zero_fir = 1;
	return e;
}

static Cctns__V1__FirContent *fir_of(Envelope *e)
{
	return e->register_fir->fir;
}

static Envelope *transfer_envelope(void)
{
	Cctns__V1__TransferFir *t =
	        fx_new(&cctns__v1__transfer_fir__descriptor);

	fx_bytes(&t->idempotency_key, fx_key(), 16);
	fx_str(&t->fir_number, "0003/2026");
	t->to = fx_new(&cctns__v1__station_code__descriptor);
	t->to->state_code = 9;
	t->to->district_code = 119;
	t->to->station_code = 2001;
	fx_str(&t->reason, "The place of occurrence is in Aligarh.\n"
	                   "Transferred on point of jurisdiction.");
	t->officer = fx_officer("UP-09876", "Test SHO", "Inspector");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_TRANSFER_FIR, t);
}

static Envelope *export_envelope(void)
{
	Cctns__V1__GetFirExport *g =
	        fx_new(&cctns__v1__get_fir_export__descriptor);

	fx_str(&g->fir_number, "4/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_FIR_EXPORT, g);
}

static Envelope *sign_envelope(void)
{
	Cctns__V1__SignEfir *s = fx_new(&cctns__v1__sign_efir__descriptor);

	fx_bytes(&s->idempotency_key, fx_key(), 16);
	fx_str(&s->fir_number, "0004/2026");
	fx_str(&s->signed_at, "2026-03-16T11:00:00+05:30");
	s->officer = fx_officer("UP-15432", "Test Officer", "SI");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_SIGN_EFIR, s);
}

static Envelope *pending_envelope(void)
{
	return envelope_with(
	        CCTNS__V1__ENVELOPE__BODY_LIST_PENDING_EFIRS,
	        fx_new(&cctns__v1__list_pending_efirs__descriptor));
}

/* ------------------------------------------------------------ passing */

static void valid_requests_of_every_fir_kind_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        full_fir_envelope, transfer_envelope, export_envelope,
	        sign_envelope,     pending_envelope,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(make) / sizeof(make[0]); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

static void an_efir_with_electronic_information_passes(void **state)
{
	Envelope *e = full_fir_envelope();

	(void)state;
	fir_of(e)->e_fir = 1;
	fir_of(e)->information_type =
	        CCTNS__V1__INFORMATION_TYPE__INFORMATION_TYPE_ELECTRONIC;
	assert_passes(e);
	envelope_free(e);
}

static void a_transfer_on_jurisdiction_with_its_station_passes(void **state)
{
	Envelope *e = full_fir_envelope();
	Cctns__V1__ActionTaken *a = fir_of(e)->action_taken;

	(void)state;
	a->action = CCTNS__V1__FIR_ACTION__FIR_ACTION_TRANSFERRED_TO_STATION;
	fx_str(&a->reason, "");
	a->to_station = fx_station_ref();
	a->to_station->station_code = 0; /* not in the register: by name */
	assert_passes(e);
	envelope_free(e);
}

static void total_value_may_be_left_out(void **state)
{
	Envelope *e = full_fir_envelope();

	(void)state;
	fir_of(e)->total_value_rupees = 0;
	assert_passes(e);
	envelope_free(e);
}

/* ------------------------------------------------------------ broken */

static void m_fir_transfer_receipt_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_FIR_TRANSFER_RECEIPT,
	         fx_new(&cctns__v1__fir_transfer_receipt__descriptor));
}

static void m_fir_export_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_FIR_EXPORT,
	         fx_new(&cctns__v1__fir_export__descriptor));
}

static void m_efir_sign_receipt_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_EFIR_SIGN_RECEIPT,
	         fx_new(&cctns__v1__efir_sign_receipt__descriptor));
}

static void m_pending_efirs_body(Envelope *e)
{
	set_body(e, CCTNS__V1__ENVELOPE__BODY_PENDING_EFIRS,
	         fx_new(&cctns__v1__pending_efirs__descriptor));
}

static void m_passport_no_number(Envelope *e)
{
	fx_str(&fir_of(e)->complainant_passport->number, "");
}

static void m_passport_number_dash(Envelope *e)
{
	fx_str(&fir_of(e)->complainant_passport->number, "K-1234567");
}

static void m_passport_number_21(Envelope *e)
{
	fx_str(&fir_of(e)->complainant_passport->number, repeat('K', 21));
}

static void m_passport_date_bad(Envelope *e)
{
	fx_str(&fir_of(e)->complainant_passport->date_of_issue, "02/04/2019");
}

static void m_passport_place_long(Envelope *e)
{
	fx_str(&fir_of(e)->complainant_passport->place_of_issue,
	       repeat('L', 101));
}

static void m_informant_no_name(Envelope *e)
{
	fx_str(&fir_of(e)->informant->name, "");
}

static void m_informant_bad_phone(Envelope *e)
{
	fx_str(&fir_of(e)->informant->phone, "call the shop");
}

static void m_outside_no_state(Envelope *e)
{
	fir_of(e)->outside_station->state_code = 0;
}

static void m_outside_no_district(Envelope *e)
{
	fir_of(e)->outside_station->district_code = 0;
}

static void m_outside_no_name(Envelope *e)
{
	fx_str(&fir_of(e)->outside_station->station_name, "");
}

static void m_outside_name_long(Envelope *e)
{
	fx_str(&fir_of(e)->outside_station->station_name, repeat('S', 201));
}

static void m_inquest_long(Envelope *e)
{
	fx_str(&fir_of(e)->inquest_number, repeat('1', 51));
}

static void m_action_none(Envelope *e)
{
	fir_of(e)->action_taken->action = 0;
}

static void m_action_9(Envelope *e)
{
	fir_of(e)->action_taken->action = 9;
}

static void m_refused_no_reason(Envelope *e)
{
	fx_str(&fir_of(e)->action_taken->reason, "");
}

static void m_registered_with_reason(Envelope *e)
{
	fir_of(e)->action_taken->action =
	        CCTNS__V1__FIR_ACTION__FIR_ACTION_REGISTERED_AND_INVESTIGATION_TAKEN_UP;
}

static void m_transferred_no_station(Envelope *e)
{
	fir_of(e)->action_taken->action =
	        CCTNS__V1__FIR_ACTION__FIR_ACTION_TRANSFERRED_TO_STATION;
	fx_str(&fir_of(e)->action_taken->reason, "");
}

static void m_refused_with_station(Envelope *e)
{
	fir_of(e)->action_taken->to_station = fx_station_ref();
}

static void m_action_to_station_no_name(Envelope *e)
{
	m_transferred_no_station(e);
	fir_of(e)->action_taken->to_station = fx_station_ref();
	fx_str(&fir_of(e)->action_taken->to_station->station_name, "");
}

static void m_action_text_long(Envelope *e)
{
	fx_str(&fir_of(e)->action_taken->text, repeat('t', 8001));
}

static void m_dispatch_no_offset(Envelope *e)
{
	fx_str(&fir_of(e)->dispatched_to_court_at, "2026-03-15T18:00:00");
}

static void m_total_not_the_sum(Envelope *e)
{
	fir_of(e)->total_value_rupees = 15001;
}

static void m_efir_written(Envelope *e)
{
	fir_of(e)->e_fir = 1;
}

static void m_transfer_key_15(Envelope *e)
{
	fx_bytes(&e->transfer_fir->idempotency_key, fx_key(), 15);
}

static void m_transfer_no_fir_number(Envelope *e)
{
	fx_str(&e->transfer_fir->fir_number, "");
}

static void m_transfer_fir_number_bad(Envelope *e)
{
	fx_str(&e->transfer_fir->fir_number, "3-2026");
}

static void m_transfer_no_to(Envelope *e)
{
	cctns__v1__station_code__free_unpacked(e->transfer_fir->to, NULL);
	e->transfer_fir->to = NULL;
}

static void m_transfer_to_no_state(Envelope *e)
{
	e->transfer_fir->to->state_code = 0;
}

static void m_transfer_to_no_district(Envelope *e)
{
	e->transfer_fir->to->district_code = 0;
}

static void m_transfer_to_no_station(Envelope *e)
{
	e->transfer_fir->to->station_code = 0;
}

static void m_transfer_no_reason(Envelope *e)
{
	fx_str(&e->transfer_fir->reason, "");
}

static void m_transfer_reason_long(Envelope *e)
{
	fx_str(&e->transfer_fir->reason, repeat('r', 4001));
}

static void m_transfer_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->transfer_fir->officer, NULL);
	e->transfer_fir->officer = NULL;
}

static void m_transfer_officer_no_rank(Envelope *e)
{
	fx_str(&e->transfer_fir->officer->rank, "");
}

static void m_export_no_fir_number(Envelope *e)
{
	fx_str(&e->get_fir_export->fir_number, "");
}

static void m_export_fir_number_bad(Envelope *e)
{
	fx_str(&e->get_fir_export->fir_number, "4/26");
}

static void m_sign_key_missing(Envelope *e)
{
	fx_bytes(&e->sign_efir->idempotency_key, NULL, 0);
}

static void m_sign_no_fir_number(Envelope *e)
{
	fx_str(&e->sign_efir->fir_number, "");
}

static void m_sign_no_signed_at(Envelope *e)
{
	fx_str(&e->sign_efir->signed_at, "");
}

static void m_sign_signed_at_no_offset(Envelope *e)
{
	fx_str(&e->sign_efir->signed_at, "2026-03-16 11:00");
}

static void m_sign_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->sign_efir->officer, NULL);
	e->sign_efir->officer = NULL;
}

#define F full_fir_envelope
#define T transfer_envelope
#define X export_envelope
#define S sign_envelope

static const broken broken_rows[] = {
        {"rejects_fir_transfer_receipt_from_client",
         m_fir_transfer_receipt_body, "",
         "fir_transfer_receipt is not a request", F},
        {"rejects_fir_export_from_client", m_fir_export_body, "",
         "fir_export is not a request", F},
        {"rejects_efir_sign_receipt_from_client", m_efir_sign_receipt_body, "",
         "efir_sign_receipt is not a request", F},
        {"rejects_pending_efirs_from_client", m_pending_efirs_body, "",
         "pending_efirs is not a request", F},
        {"rejects_passport_without_number", m_passport_no_number,
         "fir.complainant_passport.number", "required", F},
        {"rejects_passport_number_with_a_dash", m_passport_number_dash,
         "fir.complainant_passport.number", "letters and digits", F},
        {"rejects_passport_number_over_20_chars", m_passport_number_21,
         "fir.complainant_passport.number", "20", F},
        {"rejects_passport_date_not_yyyy_mm_dd", m_passport_date_bad,
         "fir.complainant_passport.date_of_issue", "1985-07-23", F},
        {"rejects_passport_place_over_100_chars", m_passport_place_long,
         "fir.complainant_passport.place_of_issue", "100", F},
        {"rejects_informant_without_name", m_informant_no_name,
         "fir.informant.name", "required", F},
        {"rejects_informant_phone_in_words", m_informant_bad_phone,
         "fir.informant.phone", "phone number", F},
        {"rejects_outside_station_without_state", m_outside_no_state,
         "fir.outside_station.state_code", "required", F},
        {"rejects_outside_station_without_district", m_outside_no_district,
         "fir.outside_station.district_code", "required", F},
        {"rejects_outside_station_without_name", m_outside_no_name,
         "fir.outside_station.station_name", "required", F},
        {"rejects_outside_station_name_over_200_chars", m_outside_name_long,
         "fir.outside_station.station_name", "200", F},
        {"rejects_inquest_number_over_50_chars", m_inquest_long,
         "fir.inquest_number", "50", F},
        {"rejects_action_taken_without_action", m_action_none,
         "fir.action_taken.action", "refused_investigation", F},
        {"rejects_unknown_action_number", m_action_9, "fir.action_taken.action",
         "9", F},
        {"rejects_refused_investigation_without_reason", m_refused_no_reason,
         "fir.action_taken.reason", "say why", F},
        {"rejects_a_reason_unless_investigation_is_refused",
         m_registered_with_reason, "fir.action_taken.reason",
         "only for refused_investigation", F},
        {"rejects_transfer_on_jurisdiction_without_station",
         m_transferred_no_station, "fir.action_taken.to_station", "required",
         F},
        {"rejects_a_station_unless_transferred", m_refused_with_station,
         "fir.action_taken.to_station", "only for transferred_to_station", F},
        {"rejects_action_station_without_name", m_action_to_station_no_name,
         "fir.action_taken.to_station.station_name", "required", F},
        {"rejects_action_text_over_8000_chars", m_action_text_long,
         "fir.action_taken.text", "8000", F},
        {"rejects_dispatch_to_court_without_offset", m_dispatch_no_offset,
         "fir.dispatched_to_court_at", TIME_HINT, F},
        {"rejects_total_value_other_than_the_sum", m_total_not_the_sum,
         "fir.total_value_rupees", "15000", F},
        {"rejects_efir_with_written_information", m_efir_written,
         "fir.information_type", "electronic", F},
        {"rejects_transfer_key_of_15_bytes", m_transfer_key_15,
         "idempotency_key", "16 bytes", T},
        {"rejects_transfer_without_fir_number", m_transfer_no_fir_number,
         "fir_number", "required", T},
        {"rejects_transfer_fir_number_with_a_dash", m_transfer_fir_number_bad,
         "fir_number", FIR_HINT, T},
        {"rejects_transfer_without_target", m_transfer_no_to, "to", "required",
         T},
        {"rejects_transfer_target_without_state", m_transfer_to_no_state,
         "to.state_code", "required", T},
        {"rejects_transfer_target_without_district", m_transfer_to_no_district,
         "to.district_code", "required", T},
        {"rejects_transfer_target_without_station", m_transfer_to_no_station,
         "to.station_code", "required", T},
        {"rejects_transfer_without_reason", m_transfer_no_reason, "reason",
         "required", T},
        {"rejects_transfer_reason_over_4000_chars", m_transfer_reason_long,
         "reason", "4000", T},
        {"rejects_transfer_without_officer", m_transfer_no_officer, "officer",
         "required", T},
        {"rejects_transfer_officer_without_rank", m_transfer_officer_no_rank,
         "officer.rank", "required", T},
        {"rejects_export_without_fir_number", m_export_no_fir_number,
         "fir_number", "required", X},
        {"rejects_export_fir_number_with_2_digit_year", m_export_fir_number_bad,
         "fir_number", FIR_HINT, X},
        {"rejects_efir_signature_without_key", m_sign_key_missing,
         "idempotency_key", "16 bytes", S},
        {"rejects_efir_signature_without_fir_number", m_sign_no_fir_number,
         "fir_number", "required", S},
        {"rejects_efir_signature_without_time", m_sign_no_signed_at,
         "signed_at", "required", S},
        {"rejects_efir_signature_time_not_rfc3339", m_sign_signed_at_no_offset,
         "signed_at", TIME_HINT, S},
        {"rejects_efir_signature_without_officer", m_sign_no_officer, "officer",
         "required", S},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(valid_requests_of_every_fir_kind_pass),
	        cmocka_unit_test(an_efir_with_electronic_information_passes),
	        cmocka_unit_test(
	                a_transfer_on_jurisdiction_with_its_station_passes),
	        cmocka_unit_test(total_value_may_be_left_out),
	};
	return run_envelope_tests("envelope_fir", fixed, ARRAY_LEN(fixed),
	                          broken_rows, ARRAY_LEN(broken_rows));
}
