/* test_envelope_court.c: the checks of the court family's requests
 * (proto/envelope.c): the final report (IIF-V), the court disposal (IIF-VI),
 * the appeal and its result (IIF-VII) and their reads. A valid request of
 * each kind passes, every rule of the family is broken once and reported
 * with its exact path, and the responses are refused when a client sends
 * them. */
#include "envelope_test.h"

/* ------------------------------------------------------------ fixtures */

/* A new array of n messages of type d into *arr, *count. */
static void *fx_list(void *arr_slot, size_t *count, size_t n,
                     const ProtobufCMessageDescriptor *d)
{
	void ***arr = arr_slot;

	*arr = xcalloc(n, sizeof(void *));
	for (size_t i = 0; i < n; i++)
		(*arr)[i] = fx_new(d);
	*count = n;
	return (*arr)[0];
}

static void fx_sections(Cctns__V1__Charge ***arr, size_t *n)
{
	*arr = xcalloc(2, sizeof(**arr));
	(*arr)[0] = fx_charge(CCTNS__V1__ACT__ACT_BNS, "303(2)", NULL);
	(*arr)[1] = fx_charge(CCTNS__V1__ACT__ACT_BNS, "331(4)", NULL);
	*n = 2;
}

/* FileFinalReport: a charge-sheet with A1 and an accused never arrested
 * charged, one accused not charged, a witness and a property. */
static Envelope *report_envelope(void)
{
	Cctns__V1__FileFinalReport *r =
	        fx_new(&cctns__v1__file_final_report__descriptor);
	Cctns__V1__FinalReport *f =
	        fx_new(&cctns__v1__final_report__descriptor);
	Cctns__V1__ChargedAccused *a;
	Cctns__V1__NotChargedAccused *nc;
	Cctns__V1__ReportWitness *w;
	Cctns__V1__ReportProperty *p;

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	f->kind = CCTNS__V1__FINAL_REPORT_KIND__FINAL_REPORT_KIND_CHARGE_SHEET;
	fx_str(&f->filed_at, "2026-12-20T11:00:00+05:30");
	fx_str(&f->court, "Court of the Chief Judicial Magistrate, Lucknow");
	a = fx_list(&f->charged, &f->n_charged, 2,
	            &cctns__v1__charged_accused__descriptor);
	fx_str(&a->accused_code, "A1");
	fx_sections(&a->sections, &a->n_sections);
	fx_str(&a->arrested_on, "2026-03-16");
	fx_str(&a->bailed_on, "2026-04-02");
	fx_str(&a->forwarded_on, "2026-03-17");
	fx_str(&a->previous_convictions, "One, in 2019:\nIPC 379.");
	a->status =
	        CCTNS__V1__CHARGED_ACCUSED_STATUS__CHARGED_ACCUSED_STATUS_ON_BAIL;
	a = f->charged[1];
	a->person = fx_person("Test Absconder");
	fx_sections(&a->sections, &a->n_sections);
	a->status =
	        CCTNS__V1__CHARGED_ACCUSED_STATUS__CHARGED_ACCUSED_STATUS_ABSCONDING;
	nc = fx_list(&f->not_charged, &f->n_not_charged, 1,
	             &cctns__v1__not_charged_accused__descriptor);
	nc->person = fx_person("Test Suspect");
	fx_str(&nc->reason, "Not at the scene:\nCCTV shows him elsewhere.");
	w = fx_list(&f->witnesses, &f->n_witnesses, 1,
	            &cctns__v1__report_witness__descriptor);
	w->person = fx_person("Test Witness");
	w->kind = CCTNS__V1__REPORT_WITNESS_KIND__REPORT_WITNESS_KIND_EYE;
	p = fx_list(&f->properties, &f->n_properties, 1,
	            &cctns__v1__report_property__descriptor);
	fx_str(&p->description, "A black mobile phone");
	fx_str(&p->malkhana_number, "M-17/2026");
	fx_str(&p->disposal, "To the owner on superdari");
	fx_str(&f->brief_facts, "A1 and another snatched the phone.");
	f->officer = fx_officer("UP-2001", "Test Investigator", "SI");
	r->report = f;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_FILE_FINAL_REPORT, r);
}

static Cctns__V1__FinalReport *fr(Envelope *e)
{
	return e->file_final_report->report;
}

static Envelope *get_report_envelope(void)
{
	Cctns__V1__GetFinalReport *g =
	        fx_new(&cctns__v1__get_final_report__descriptor);

	fx_str(&g->fir_number, "42/2026");
	g->report_no = 2;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_FINAL_REPORT, g);
}

/* RecordCourtDisposal: A1 convicted (rigorous imprisonment and a fine),
 * the accused never arrested acquitted. */
static Envelope *disposal_envelope(void)
{
	Cctns__V1__RecordCourtDisposal *r =
	        fx_new(&cctns__v1__record_court_disposal__descriptor);
	Cctns__V1__CourtDisposal *d =
	        fx_new(&cctns__v1__court_disposal__descriptor);
	Cctns__V1__AccusedDisposal *a;

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	d->kind =
	        CCTNS__V1__COURT_DISPOSAL_KIND__COURT_DISPOSAL_KIND_PARTLY_CONVICTED;
	fx_str(&d->judgement_date, "2027-05-10");
	fx_str(&d->court, "Court of the Chief Judicial Magistrate, Lucknow");
	fx_str(&d->case_number_in_court, "ST 123/2027");
	fx_str(&d->prosecutor, "Test Prosecutor, APP");
	a = fx_list(&d->accused, &d->n_accused, 2,
	            &cctns__v1__accused_disposal__descriptor);
	fx_str(&a->accused_code, "A1");
	a->result = CCTNS__V1__TRIAL_RESULT__TRIAL_RESULT_CONVICTED;
	fx_sections(&a->sections_convicted, &a->n_sections_convicted);
	a->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_RIGOROUS_IMPRISONMENT;
	a->period_months = 24;
	a->fine_rupees = 5000;
	a = d->accused[1];
	a->person = fx_new(&cctns__v1__person__descriptor);
	fx_str(&a->person->name, "Test Absconder");
	a->result = CCTNS__V1__TRIAL_RESULT__TRIAL_RESULT_ACQUITTED;
	d->officer = fx_officer("UP-3001", "Test Pairvi", "HC");
	r->disposal = d;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_RECORD_COURT_DISPOSAL,
	                     r);
}

static Cctns__V1__AccusedDisposal *dacc(Envelope *e, size_t i)
{
	return e->record_court_disposal->disposal->accused[i];
}

/* FileAppeal by the accused A1. */
static Envelope *appeal_envelope(void)
{
	Cctns__V1__FileAppeal *r = fx_new(&cctns__v1__file_appeal__descriptor);
	Cctns__V1__Appeal *a = fx_new(&cctns__v1__appeal__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	fx_str(&a->court, "Court of the Sessions Judge, Lucknow");
	fx_str(&a->filed_on, "2027-06-01");
	a->appellant = CCTNS__V1__APPELLANT__APPELLANT_ACCUSED;
	a->accused_codes = xcalloc(1, sizeof(*a->accused_codes));
	a->accused_codes[0] = xstrdup("A1");
	a->n_accused_codes = 1;
	a->officer = fx_officer("UP-3001", "Test Pairvi", "HC");
	r->appeal = a;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_FILE_APPEAL, r);
}

static Cctns__V1__Appeal *ap(Envelope *e)
{
	return e->file_appeal->appeal;
}

/* RecordAppealResult: the sentence of A1 modified. */
static Envelope *result_envelope(void)
{
	Cctns__V1__RecordAppealResult *r =
	        fx_new(&cctns__v1__record_appeal_result__descriptor);
	Cctns__V1__AppealResult *a =
	        fx_new(&cctns__v1__appeal_result__descriptor);
	Cctns__V1__AccusedAppealResult *x;

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	fx_str(&a->court, "Court of the Sessions Judge, Lucknow");
	fx_str(&a->decided_on, "2027-09-01");
	x = fx_list(&a->results, &a->n_results, 1,
	            &cctns__v1__accused_appeal_result__descriptor);
	fx_str(&x->accused_code, "A1");
	x->result = CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_SENTENCE_MODIFIED;
	x->new_punishment =
	        CCTNS__V1__PUNISHMENT__PUNISHMENT_SIMPLE_IMPRISONMENT;
	x->period_months = 12;
	a->officer = fx_officer("UP-3001", "Test Pairvi", "HC");
	r->result = a;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_RECORD_APPEAL_RESULT, r);
}

static Cctns__V1__AccusedAppealResult *res0(Envelope *e)
{
	return e->record_appeal_result->result->results[0];
}

static Envelope *get_court_envelope(void)
{
	Cctns__V1__GetCourtRecord *g =
	        fx_new(&cctns__v1__get_court_record__descriptor);

	fx_str(&g->fir_number, "42/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_COURT_RECORD, g);
}

/* ------------------------------------------------------------ what passes */

static void valid_requests_of_every_court_kind_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        report_envelope, get_report_envelope, disposal_envelope,
	        appeal_envelope, result_envelope,     get_court_envelope,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(make) / sizeof(make[0]); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

/* A closure report charges no one and names no one else. */
static void minimal_closure_report_passes(void **state)
{
	Cctns__V1__FileFinalReport *r =
	        fx_new(&cctns__v1__file_final_report__descriptor);
	Cctns__V1__FinalReport *f =
	        fx_new(&cctns__v1__final_report__descriptor);
	Envelope *e;

	(void)state;
	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "1/2026");
	f->kind =
	        CCTNS__V1__FINAL_REPORT_KIND__FINAL_REPORT_KIND_UNOCCURRED_CIVIL_NATURE;
	f->supplementary = 1;
	fx_str(&f->filed_at, "2026-12-20T11:00:00Z");
	fx_str(&f->court, "C");
	f->officer = fx_officer("1", "B", "SI");
	r->report = f;
	e = envelope_with(CCTNS__V1__ENVELOPE__BODY_FILE_FINAL_REPORT, r);
	assert_passes(e);
	envelope_free(e);
}

/* Probation may have a term; death, life and fine_only need none; an
 * accused named by person_id needs no name. */
static void other_sentences_and_person_ids_pass(void **state)
{
	Envelope *e = disposal_envelope();

	(void)state;
	dacc(e, 0)->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_PROBATION;
	assert_passes(e);
	dacc(e, 0)->period_months = 0;
	dacc(e, 0)->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_DEATH;
	assert_passes(e);
	dacc(e, 0)->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_FINE_ONLY;
	assert_passes(e);
	dacc(e, 1)->person->person_id = 77;
	fx_str(&dacc(e, 1)->person->name, "");
	dacc(e, 1)->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_NONE;
	assert_passes(e);
	envelope_free(e);
}

static void appeal_by_name_and_upheld_result_pass(void **state)
{
	Envelope *a = appeal_envelope(), *r = result_envelope();

	(void)state;
	ap(a)->n_accused_codes = 0;
	ap(a)->accused_names = ap(a)->accused_codes;
	ap(a)->n_accused_names = 1;
	ap(a)->accused_codes = NULL;
	fx_str(&ap(a)->accused_names[0], "Test Absconder");
	assert_passes(a);
	res0(r)->result = CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_UPHELD;
	res0(r)->new_punishment = 0;
	res0(r)->period_months = 0;
	assert_passes(r);
	envelope_free(a);
	envelope_free(r);
}

/* ------------------------------------------------------------ responses */

static void m_response_as_request(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                                  const ProtobufCMessageDescriptor *d)
{
	set_body(e, c, fx_new(d));
}

static void m_final_report_receipt_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_FINAL_REPORT_RECEIPT,
	                      &cctns__v1__final_report_receipt__descriptor);
}

static void m_final_report_record_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_FINAL_REPORT_RECORD,
	                      &cctns__v1__final_report_record__descriptor);
}

static void m_court_receipt_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_COURT_RECEIPT,
	                      &cctns__v1__court_receipt__descriptor);
}

static void m_court_record_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_COURT_RECORD,
	                      &cctns__v1__court_record__descriptor);
}

/* ------------------------------------------------------------ final report */

static void m_fr_key_15(Envelope *e)
{
	fx_bytes(&e->file_final_report->idempotency_key, fx_key(), 15);
}

static void m_fr_no_fir_number(Envelope *e)
{
	fx_str(&e->file_final_report->fir_number, "");
}

static void m_fr_fir_number_bad(Envelope *e)
{
	fx_str(&e->file_final_report->fir_number, "42-2026");
}

static void m_fr_no_report(Envelope *e)
{
	protobuf_c_message_free_unpacked(&fr(e)->base, NULL);
	e->file_final_report->report = NULL;
}

static void m_fr_no_kind(Envelope *e)
{
	fr(e)->kind = 0;
}

static void m_fr_kind_11(Envelope *e)
{
	fr(e)->kind = 11;
}

static void m_fr_no_filed_at(Envelope *e)
{
	fx_str(&fr(e)->filed_at, "");
}

static void m_fr_filed_at_date_only(Envelope *e)
{
	fx_str(&fr(e)->filed_at, "2026-12-20");
}

static void m_fr_no_court(Envelope *e)
{
	fx_str(&fr(e)->court, "");
}

static void m_fr_court_long(Envelope *e)
{
	fx_str(&fr(e)->court, repeat('c', 301));
}

static void m_fr_charge_sheet_nobody(Envelope *e)
{
	Cctns__V1__FinalReport *f = fr(e);

	for (size_t i = 0; i < f->n_charged; i++)
		protobuf_c_message_free_unpacked(&f->charged[i]->base, NULL);
	f->n_charged = 0;
}

static void m_fr_undetected_charges(Envelope *e)
{
	fr(e)->kind =
	        CCTNS__V1__FINAL_REPORT_KIND__FINAL_REPORT_KIND_UNDETECTED;
}

static void m_fr_101_charged(Envelope *e)
{
	Cctns__V1__FinalReport *f = fr(e);

	f->charged = xrealloc(f->charged, 101 * sizeof(*f->charged));
	for (size_t i = f->n_charged; i < 101; i++) {
		f->charged[i] = fx_new(&cctns__v1__charged_accused__descriptor);
		fx_str(&f->charged[i]->accused_code, "B1");
		fx_sections(&f->charged[i]->sections,
		            &f->charged[i]->n_sections);
		f->charged[i]->status =
		        CCTNS__V1__CHARGED_ACCUSED_STATUS__CHARGED_ACCUSED_STATUS_IN_CUSTODY;
	}
	f->n_charged = 101;
}

static void m_fr_101_not_charged(Envelope *e)
{
	Cctns__V1__FinalReport *f = fr(e);

	f->not_charged =
	        xrealloc(f->not_charged, 101 * sizeof(*f->not_charged));
	for (size_t i = f->n_not_charged; i < 101; i++) {
		f->not_charged[i] =
		        fx_new(&cctns__v1__not_charged_accused__descriptor);
		f->not_charged[i]->person = fx_person("Test Suspect");
		fx_str(&f->not_charged[i]->reason, "No evidence.");
	}
	f->n_not_charged = 101;
}

static void m_fr_201_witnesses(Envelope *e)
{
	Cctns__V1__FinalReport *f = fr(e);

	f->witnesses = xrealloc(f->witnesses, 201 * sizeof(*f->witnesses));
	for (size_t i = f->n_witnesses; i < 201; i++) {
		f->witnesses[i] =
		        fx_new(&cctns__v1__report_witness__descriptor);
		f->witnesses[i]->person = fx_person("Test Witness");
		f->witnesses[i]->kind =
		        CCTNS__V1__REPORT_WITNESS_KIND__REPORT_WITNESS_KIND_OTHER;
	}
	f->n_witnesses = 201;
}

static void m_fr_201_properties(Envelope *e)
{
	Cctns__V1__FinalReport *f = fr(e);

	f->properties = xrealloc(f->properties, 201 * sizeof(*f->properties));
	for (size_t i = f->n_properties; i < 201; i++) {
		f->properties[i] =
		        fx_new(&cctns__v1__report_property__descriptor);
		fx_str(&f->properties[i]->description, "A phone");
		fx_str(&f->properties[i]->disposal, "Return");
	}
	f->n_properties = 201;
}

static void m_fr_brief_facts_long(Envelope *e)
{
	char *s = xmalloc(64 * 1024 + 2);

	memset(s, 'f', 64 * 1024 + 1);
	s[64 * 1024 + 1] = '\0';
	free(fr(e)->brief_facts);
	fr(e)->brief_facts = s;
}

static void m_fr_no_officer(Envelope *e)
{
	protobuf_c_message_free_unpacked(&fr(e)->officer->base, NULL);
	fr(e)->officer = NULL;
}

static void m_fr_officer_no_number(Envelope *e)
{
	fx_str(&fr(e)->officer->number, "");
}

static void m_ca_code_bad(Envelope *e)
{
	fx_str(&fr(e)->charged[0]->accused_code, "A0");
}

static void m_ca_code_and_person(Envelope *e)
{
	fr(e)->charged[0]->person = fx_person("Test Twice");
}

static void m_ca_neither(Envelope *e)
{
	fx_str(&fr(e)->charged[0]->accused_code, "");
}

static void m_ca_person_no_name(Envelope *e)
{
	fx_str(&fr(e)->charged[1]->person->name, "");
}

static void m_ca_no_sections(Envelope *e)
{
	Cctns__V1__ChargedAccused *a = fr(e)->charged[0];

	for (size_t i = 0; i < a->n_sections; i++)
		protobuf_c_message_free_unpacked(&a->sections[i]->base, NULL);
	a->n_sections = 0;
}

static void m_ca_section_bad(Envelope *e)
{
	fx_str(&fr(e)->charged[0]->sections[1]->section, "three hundred");
}

static void m_ca_arrested_on_bad(Envelope *e)
{
	fx_str(&fr(e)->charged[0]->arrested_on, "16/03/2026");
}

static void m_ca_bailed_on_bad(Envelope *e)
{
	fx_str(&fr(e)->charged[0]->bailed_on, "2026-02-30");
}

static void m_ca_forwarded_on_bad(Envelope *e)
{
	fx_str(&fr(e)->charged[0]->forwarded_on, "2026-3-17");
}

static void m_ca_previous_long(Envelope *e)
{
	fx_str(&fr(e)->charged[0]->previous_convictions, repeat('p', 4001));
}

static void m_ca_no_status(Envelope *e)
{
	fr(e)->charged[0]->status = 0;
}

static void m_nc_both(Envelope *e)
{
	fx_str(&fr(e)->not_charged[0]->accused_code, "A2");
}

static void m_nc_code_bad(Envelope *e)
{
	Cctns__V1__NotChargedAccused *n = fr(e)->not_charged[0];

	protobuf_c_message_free_unpacked(&n->person->base, NULL);
	n->person = NULL;
	fx_str(&n->accused_code, "AA");
}

static void m_nc_no_reason(Envelope *e)
{
	fx_str(&fr(e)->not_charged[0]->reason, "");
}

static void m_w_no_person(Envelope *e)
{
	Cctns__V1__ReportWitness *w = fr(e)->witnesses[0];

	protobuf_c_message_free_unpacked(&w->person->base, NULL);
	w->person = NULL;
}

static void m_w_no_name(Envelope *e)
{
	fx_str(&fr(e)->witnesses[0]->person->name, "");
}

static void m_w_no_kind(Envelope *e)
{
	fr(e)->witnesses[0]->kind = 0;
}

static void m_p_no_description(Envelope *e)
{
	fx_str(&fr(e)->properties[0]->description, "");
}

static void m_p_malkhana_long(Envelope *e)
{
	fx_str(&fr(e)->properties[0]->malkhana_number, repeat('9', 51));
}

static void m_p_no_disposal(Envelope *e)
{
	fx_str(&fr(e)->properties[0]->disposal, "");
}

static void m_get_fr_no_fir_number(Envelope *e)
{
	fx_str(&e->get_final_report->fir_number, "");
}

/* ------------------------------------------------------------ disposal */

static void m_cd_key_0(Envelope *e)
{
	fx_bytes(&e->record_court_disposal->idempotency_key, NULL, 0);
}

static void m_cd_fir_number_bad(Envelope *e)
{
	fx_str(&e->record_court_disposal->fir_number, "42/26");
}

static void m_cd_no_disposal(Envelope *e)
{
	protobuf_c_message_free_unpacked(
	        &e->record_court_disposal->disposal->base, NULL);
	e->record_court_disposal->disposal = NULL;
}

static void m_cd_no_kind(Envelope *e)
{
	e->record_court_disposal->disposal->kind = 0;
}

static void m_cd_no_judgement_date(Envelope *e)
{
	fx_str(&e->record_court_disposal->disposal->judgement_date, "");
}

static void m_cd_judgement_date_bad(Envelope *e)
{
	fx_str(&e->record_court_disposal->disposal->judgement_date,
	       "10/05/2027");
}

static void m_cd_no_court(Envelope *e)
{
	fx_str(&e->record_court_disposal->disposal->court, "");
}

static void m_cd_case_number_long(Envelope *e)
{
	fx_str(&e->record_court_disposal->disposal->case_number_in_court,
	       repeat('n', 101));
}

static void m_cd_prosecutor_long(Envelope *e)
{
	fx_str(&e->record_court_disposal->disposal->prosecutor,
	       repeat('p', 201));
}

static void m_cd_no_accused(Envelope *e)
{
	Cctns__V1__CourtDisposal *d = e->record_court_disposal->disposal;

	for (size_t i = 0; i < d->n_accused; i++)
		protobuf_c_message_free_unpacked(&d->accused[i]->base, NULL);
	d->n_accused = 0;
}

static void m_cd_no_officer(Envelope *e)
{
	Cctns__V1__CourtDisposal *d = e->record_court_disposal->disposal;

	protobuf_c_message_free_unpacked(&d->officer->base, NULL);
	d->officer = NULL;
}

static void m_ad_code_bad(Envelope *e)
{
	fx_str(&dacc(e, 0)->accused_code, "a1");
}

static void m_ad_neither(Envelope *e)
{
	fx_str(&dacc(e, 0)->accused_code, "");
}

static void m_ad_person_no_name(Envelope *e)
{
	fx_str(&dacc(e, 1)->person->name, "");
}

static void m_ad_no_result(Envelope *e)
{
	dacc(e, 1)->result = 0;
}

static void m_ad_51_sections(Envelope *e)
{
	Cctns__V1__AccusedDisposal *a = dacc(e, 0);

	a->sections_convicted = xrealloc(a->sections_convicted,
	                                 51 * sizeof(*a->sections_convicted));
	for (size_t i = a->n_sections_convicted; i < 51; i++)
		a->sections_convicted[i] =
		        fx_charge(CCTNS__V1__ACT__ACT_BNS, "303(2)", NULL);
	a->n_sections_convicted = 51;
}

static void m_ad_convicted_no_sections(Envelope *e)
{
	Cctns__V1__AccusedDisposal *a = dacc(e, 0);

	for (size_t i = 0; i < a->n_sections_convicted; i++)
		protobuf_c_message_free_unpacked(
		        &a->sections_convicted[i]->base, NULL);
	a->n_sections_convicted = 0;
}

static void m_ad_convicted_no_punishment(Envelope *e)
{
	dacc(e, 0)->punishment = 0;
}

static void m_ad_convicted_punishment_none(Envelope *e)
{
	dacc(e, 0)->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_NONE;
	dacc(e, 0)->period_months = 0;
}

static void m_ad_imprisonment_no_term(Envelope *e)
{
	dacc(e, 0)->period_months = 0;
}

static void m_ad_term_1201(Envelope *e)
{
	dacc(e, 0)->period_months = 1201;
}

static void m_ad_term_with_life(Envelope *e)
{
	dacc(e, 0)->punishment =
	        CCTNS__V1__PUNISHMENT__PUNISHMENT_LIFE_IMPRISONMENT;
}

static void m_ad_fine_only_no_fine(Envelope *e)
{
	dacc(e, 0)->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_FINE_ONLY;
	dacc(e, 0)->period_months = 0;
	dacc(e, 0)->fine_rupees = 0;
}

static void m_ad_acquitted_with_sections(Envelope *e)
{
	fx_sections(&dacc(e, 1)->sections_convicted,
	            &dacc(e, 1)->n_sections_convicted);
}

static void m_ad_acquitted_punished(Envelope *e)
{
	dacc(e, 1)->punishment = CCTNS__V1__PUNISHMENT__PUNISHMENT_FINE_ONLY;
}

static void m_ad_acquitted_term(Envelope *e)
{
	dacc(e, 1)->period_months = 6;
}

static void m_ad_acquitted_fine(Envelope *e)
{
	dacc(e, 1)->fine_rupees = 100;
}

/* ------------------------------------------------------------ appeal */

static void m_ap_key_17(Envelope *e)
{
	static const uint8_t k[17] = {1};
	fx_bytes(&e->file_appeal->idempotency_key, k, 17);
}

static void m_ap_no_fir_number(Envelope *e)
{
	fx_str(&e->file_appeal->fir_number, "");
}

static void m_ap_no_appeal(Envelope *e)
{
	protobuf_c_message_free_unpacked(&ap(e)->base, NULL);
	e->file_appeal->appeal = NULL;
}

static void m_ap_no_court(Envelope *e)
{
	fx_str(&ap(e)->court, "");
}

static void m_ap_no_filed_on(Envelope *e)
{
	fx_str(&ap(e)->filed_on, "");
}

static void m_ap_filed_on_time(Envelope *e)
{
	fx_str(&ap(e)->filed_on, "2027-06-01T10:00:00+05:30");
}

static void m_ap_no_appellant(Envelope *e)
{
	ap(e)->appellant = 0;
}

static void m_ap_code_bad(Envelope *e)
{
	fx_str(&ap(e)->accused_codes[0], "A10");
}

static void m_ap_nobody(Envelope *e)
{
	free(ap(e)->accused_codes[0]);
	ap(e)->n_accused_codes = 0;
}

static void m_ap_no_officer(Envelope *e)
{
	protobuf_c_message_free_unpacked(&ap(e)->officer->base, NULL);
	ap(e)->officer = NULL;
}

/* ------------------------------------------------------------ result */

static void m_ar_key_0(Envelope *e)
{
	fx_bytes(&e->record_appeal_result->idempotency_key, NULL, 0);
}

static void m_ar_fir_number_bad(Envelope *e)
{
	fx_str(&e->record_appeal_result->fir_number, "/2026");
}

static void m_ar_no_result(Envelope *e)
{
	protobuf_c_message_free_unpacked(&e->record_appeal_result->result->base,
	                                 NULL);
	e->record_appeal_result->result = NULL;
}

static void m_ar_no_court(Envelope *e)
{
	fx_str(&e->record_appeal_result->result->court, "");
}

static void m_ar_no_decided_on(Envelope *e)
{
	fx_str(&e->record_appeal_result->result->decided_on, "");
}

static void m_ar_decided_on_bad(Envelope *e)
{
	fx_str(&e->record_appeal_result->result->decided_on, "2027-13-01");
}

static void m_ar_no_results(Envelope *e)
{
	protobuf_c_message_free_unpacked(&res0(e)->base, NULL);
	e->record_appeal_result->result->n_results = 0;
}

static void m_ar_no_officer(Envelope *e)
{
	Cctns__V1__AppealResult *a = e->record_appeal_result->result;

	protobuf_c_message_free_unpacked(&a->officer->base, NULL);
	a->officer = NULL;
}

static void m_aar_code_bad(Envelope *e)
{
	fx_str(&res0(e)->accused_code, "1A");
}

static void m_aar_name_long(Envelope *e)
{
	fx_str(&res0(e)->accused_code, "");
	fx_str(&res0(e)->accused_name, repeat('n', 201));
}

static void m_aar_code_and_name(Envelope *e)
{
	fx_str(&res0(e)->accused_name, "Test Absconder");
}

static void m_aar_neither(Envelope *e)
{
	fx_str(&res0(e)->accused_code, "");
}

static void m_aar_no_result(Envelope *e)
{
	res0(e)->result = 0;
}

static void m_aar_upheld_new_sentence(Envelope *e)
{
	res0(e)->result = CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_UPHELD;
}

static void m_aar_acquitted_term(Envelope *e)
{
	res0(e)->result =
	        CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_ACQUITTED_ON_APPEAL;
	res0(e)->new_punishment = 0;
}

static void m_aar_remanded_fine(Envelope *e)
{
	res0(e)->result =
	        CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_REMANDED_FOR_RETRIAL;
	res0(e)->new_punishment = 0;
	res0(e)->period_months = 0;
	res0(e)->fine_rupees = 10;
}

static void m_aar_convicted_no_sentence(Envelope *e)
{
	res0(e)->result =
	        CCTNS__V1__APPEAL_OUTCOME__APPEAL_OUTCOME_CONVICTED_ON_APPEAL;
	res0(e)->new_punishment = 0;
}

static void m_aar_modified_term_1500(Envelope *e)
{
	res0(e)->period_months = 1500;
}

static void m_aar_modified_no_term(Envelope *e)
{
	res0(e)->period_months = 0;
}

static void m_get_court_fir_number_bad(Envelope *e)
{
	fx_str(&e->get_court_record->fir_number, "forty-two");
}

#define DATE_HINT "1985-07-23"
#define CODE_HINT "A1 or B3"

static const broken broken_rows[] = {
        /* responses a client may not send */
        {"rejects_final_report_receipt_from_a_client",
         m_final_report_receipt_body, "", "not a request", report_envelope},
        {"rejects_final_report_record_from_a_client",
         m_final_report_record_body, "", "not a request", report_envelope},
        {"rejects_court_receipt_from_a_client", m_court_receipt_body, "",
         "not a request", report_envelope},
        {"rejects_court_record_from_a_client", m_court_record_body, "",
         "not a request", report_envelope},
        /* FileFinalReport, FinalReport */
        {"rejects_final_report_key_of_15_bytes", m_fr_key_15, "idempotency_key",
         "16 bytes", report_envelope},
        {"rejects_final_report_without_fir_number", m_fr_no_fir_number,
         "fir_number", "required", report_envelope},
        {"rejects_final_report_fir_number_with_dash", m_fr_fir_number_bad,
         "fir_number", FIR_HINT, report_envelope},
        {"rejects_file_final_report_without_report", m_fr_no_report, "report",
         "required", report_envelope},
        {"rejects_final_report_without_kind", m_fr_no_kind, "report.kind",
         "charge_sheet", report_envelope},
        {"rejects_unknown_final_report_kind", m_fr_kind_11, "report.kind", "11",
         report_envelope},
        {"rejects_final_report_without_filed_at", m_fr_no_filed_at,
         "report.filed_at", "required", report_envelope},
        {"rejects_filed_at_without_time", m_fr_filed_at_date_only,
         "report.filed_at", TIME_HINT, report_envelope},
        {"rejects_final_report_without_court", m_fr_no_court, "report.court",
         "required", report_envelope},
        {"rejects_court_over_300_chars", m_fr_court_long, "report.court", "300",
         report_envelope},
        {"rejects_charge_sheet_charging_nobody", m_fr_charge_sheet_nobody,
         "report.charged", "at least one charged accused", report_envelope},
        {"rejects_charged_accused_in_an_undetected_report",
         m_fr_undetected_charges, "report.charged", "only a charge-sheet",
         report_envelope},
        {"rejects_more_than_100_charged", m_fr_101_charged, "report.charged",
         "100", report_envelope},
        {"rejects_more_than_100_not_charged", m_fr_101_not_charged,
         "report.not_charged", "100", report_envelope},
        {"rejects_more_than_200_witnesses", m_fr_201_witnesses,
         "report.witnesses", "200", report_envelope},
        {"rejects_more_than_200_properties", m_fr_201_properties,
         "report.properties", "200", report_envelope},
        {"rejects_brief_facts_over_64_kib", m_fr_brief_facts_long,
         "report.brief_facts", "65536", report_envelope},
        {"rejects_final_report_without_officer", m_fr_no_officer,
         "report.officer", "required", report_envelope},
        {"rejects_final_report_officer_without_number", m_fr_officer_no_number,
         "report.officer.number", "required", report_envelope},
        /* ChargedAccused, NotChargedAccused, ReportWitness, ReportProperty */
        {"rejects_charged_accused_code_with_digit_0", m_ca_code_bad,
         "report.charged[0].accused_code", CODE_HINT, report_envelope},
        {"rejects_charged_accused_by_code_and_person", m_ca_code_and_person,
         "report.charged[0].person", "one way", report_envelope},
        {"rejects_charged_accused_by_neither_code_nor_person", m_ca_neither,
         "report.charged[0].accused_code", "required", report_envelope},
        {"rejects_charged_person_without_name", m_ca_person_no_name,
         "report.charged[1].person.name", "required", report_envelope},
        {"rejects_charged_accused_without_sections", m_ca_no_sections,
         "report.charged[0].sections", "at least one", report_envelope},
        {"rejects_charged_section_in_words", m_ca_section_bad,
         "report.charged[0].sections[1].section", "303(2)", report_envelope},
        {"rejects_arrested_on_in_indian_order", m_ca_arrested_on_bad,
         "report.charged[0].arrested_on", DATE_HINT, report_envelope},
        {"rejects_bailed_on_feb_30", m_ca_bailed_on_bad,
         "report.charged[0].bailed_on", DATE_HINT, report_envelope},
        {"rejects_forwarded_on_without_zero_padding", m_ca_forwarded_on_bad,
         "report.charged[0].forwarded_on", DATE_HINT, report_envelope},
        {"rejects_previous_convictions_over_4000_chars", m_ca_previous_long,
         "report.charged[0].previous_convictions", "4000", report_envelope},
        {"rejects_charged_accused_without_status", m_ca_no_status,
         "report.charged[0].status", "in_custody", report_envelope},
        {"rejects_not_charged_by_code_and_person", m_nc_both,
         "report.not_charged[0].person", "one way", report_envelope},
        {"rejects_not_charged_code_of_two_letters", m_nc_code_bad,
         "report.not_charged[0].accused_code", CODE_HINT, report_envelope},
        {"rejects_not_charged_without_reason", m_nc_no_reason,
         "report.not_charged[0].reason", "required", report_envelope},
        {"rejects_witness_without_person", m_w_no_person,
         "report.witnesses[0].person", "required", report_envelope},
        {"rejects_witness_without_name", m_w_no_name,
         "report.witnesses[0].person.name", "required", report_envelope},
        {"rejects_witness_without_kind", m_w_no_kind,
         "report.witnesses[0].kind", "panch", report_envelope},
        {"rejects_property_without_description", m_p_no_description,
         "report.properties[0].description", "required", report_envelope},
        {"rejects_malkhana_number_over_50_chars", m_p_malkhana_long,
         "report.properties[0].malkhana_number", "50", report_envelope},
        {"rejects_property_without_disposal", m_p_no_disposal,
         "report.properties[0].disposal", "required", report_envelope},
        {"rejects_get_final_report_without_fir_number", m_get_fr_no_fir_number,
         "fir_number", "required", get_report_envelope},
        /* RecordCourtDisposal, CourtDisposal, AccusedDisposal */
        {"rejects_disposal_without_key", m_cd_key_0, "idempotency_key",
         "16 bytes", disposal_envelope},
        {"rejects_disposal_fir_number_with_2_digit_year", m_cd_fir_number_bad,
         "fir_number", FIR_HINT, disposal_envelope},
        {"rejects_record_court_disposal_without_disposal", m_cd_no_disposal,
         "disposal", "required", disposal_envelope},
        {"rejects_disposal_without_kind", m_cd_no_kind, "disposal.kind",
         "partly_convicted", disposal_envelope},
        {"rejects_disposal_without_judgement_date", m_cd_no_judgement_date,
         "disposal.judgement_date", "required", disposal_envelope},
        {"rejects_judgement_date_in_indian_order", m_cd_judgement_date_bad,
         "disposal.judgement_date", DATE_HINT, disposal_envelope},
        {"rejects_disposal_without_court", m_cd_no_court, "disposal.court",
         "required", disposal_envelope},
        {"rejects_case_number_in_court_over_100_chars", m_cd_case_number_long,
         "disposal.case_number_in_court", "100", disposal_envelope},
        {"rejects_prosecutor_over_200_chars", m_cd_prosecutor_long,
         "disposal.prosecutor", "200", disposal_envelope},
        {"rejects_disposal_without_accused", m_cd_no_accused,
         "disposal.accused", "at least one", disposal_envelope},
        {"rejects_disposal_without_officer", m_cd_no_officer,
         "disposal.officer", "required", disposal_envelope},
        {"rejects_lower_case_disposal_accused_code", m_ad_code_bad,
         "disposal.accused[0].accused_code", CODE_HINT, disposal_envelope},
        {"rejects_disposed_accused_by_neither_code_nor_person", m_ad_neither,
         "disposal.accused[0].accused_code", "required", disposal_envelope},
        {"rejects_disposed_person_without_name", m_ad_person_no_name,
         "disposal.accused[1].person.name", "required", disposal_envelope},
        {"rejects_disposed_accused_without_result", m_ad_no_result,
         "disposal.accused[1].result", "convicted", disposal_envelope},
        {"rejects_more_than_50_sections_convicted", m_ad_51_sections,
         "disposal.accused[0].sections_convicted", "50", disposal_envelope},
        {"rejects_conviction_without_sections", m_ad_convicted_no_sections,
         "disposal.accused[0].sections_convicted", "at least one section",
         disposal_envelope},
        {"rejects_conviction_without_punishment", m_ad_convicted_no_punishment,
         "disposal.accused[0].punishment", "required", disposal_envelope},
        {"rejects_conviction_with_punishment_none",
         m_ad_convicted_punishment_none, "disposal.accused[0].punishment",
         "required", disposal_envelope},
        {"rejects_imprisonment_without_term", m_ad_imprisonment_no_term,
         "disposal.accused[0].period_months", "required", disposal_envelope},
        {"rejects_term_over_100_years", m_ad_term_1201,
         "disposal.accused[0].period_months", "1200", disposal_envelope},
        {"rejects_term_with_imprisonment_for_life", m_ad_term_with_life,
         "disposal.accused[0].period_months", "must be 0", disposal_envelope},
        {"rejects_fine_only_without_fine", m_ad_fine_only_no_fine,
         "disposal.accused[0].fine_rupees", "required", disposal_envelope},
        {"rejects_sections_convicted_of_an_acquitted_accused",
         m_ad_acquitted_with_sections, "disposal.accused[1].sections_convicted",
         "convicted", disposal_envelope},
        {"rejects_punishment_of_an_acquitted_accused", m_ad_acquitted_punished,
         "disposal.accused[1].punishment", "convicted", disposal_envelope},
        {"rejects_term_of_an_acquitted_accused", m_ad_acquitted_term,
         "disposal.accused[1].period_months", "convicted", disposal_envelope},
        {"rejects_fine_of_an_acquitted_accused", m_ad_acquitted_fine,
         "disposal.accused[1].fine_rupees", "convicted", disposal_envelope},
        /* FileAppeal, Appeal */
        {"rejects_appeal_key_of_17_bytes", m_ap_key_17, "idempotency_key",
         "16 bytes", appeal_envelope},
        {"rejects_appeal_without_fir_number", m_ap_no_fir_number, "fir_number",
         "required", appeal_envelope},
        {"rejects_file_appeal_without_appeal", m_ap_no_appeal, "appeal",
         "required", appeal_envelope},
        {"rejects_appeal_without_court", m_ap_no_court, "appeal.court",
         "required", appeal_envelope},
        {"rejects_appeal_without_filed_on", m_ap_no_filed_on, "appeal.filed_on",
         "required", appeal_envelope},
        {"rejects_filed_on_with_a_time", m_ap_filed_on_time, "appeal.filed_on",
         "10 characters", appeal_envelope},
        {"rejects_appeal_without_appellant", m_ap_no_appellant,
         "appeal.appellant", "complainant", appeal_envelope},
        {"rejects_appeal_accused_code_of_3_chars", m_ap_code_bad,
         "appeal.accused_codes[0]", CODE_HINT, appeal_envelope},
        {"rejects_appeal_about_no_accused", m_ap_nobody, "appeal.accused_codes",
         "at least one", appeal_envelope},
        {"rejects_appeal_without_officer", m_ap_no_officer, "appeal.officer",
         "required", appeal_envelope},
        /* RecordAppealResult, AppealResult, AccusedAppealResult */
        {"rejects_appeal_result_without_key", m_ar_key_0, "idempotency_key",
         "16 bytes", result_envelope},
        {"rejects_appeal_result_fir_number_without_number", m_ar_fir_number_bad,
         "fir_number", FIR_HINT, result_envelope},
        {"rejects_record_appeal_result_without_result", m_ar_no_result,
         "result", "required", result_envelope},
        {"rejects_appeal_result_without_court", m_ar_no_court, "result.court",
         "required", result_envelope},
        {"rejects_appeal_result_without_decided_on", m_ar_no_decided_on,
         "result.decided_on", "required", result_envelope},
        {"rejects_decided_on_month_13", m_ar_decided_on_bad,
         "result.decided_on", DATE_HINT, result_envelope},
        {"rejects_appeal_result_without_results", m_ar_no_results,
         "result.results", "at least one", result_envelope},
        {"rejects_appeal_result_without_officer", m_ar_no_officer,
         "result.officer", "required", result_envelope},
        {"rejects_appeal_result_code_starting_with_a_digit", m_aar_code_bad,
         "result.results[0].accused_code", CODE_HINT, result_envelope},
        {"rejects_accused_name_over_200_chars", m_aar_name_long,
         "result.results[0].accused_name", "200", result_envelope},
        {"rejects_appeal_result_by_code_and_name", m_aar_code_and_name,
         "result.results[0].accused_name", "must be empty", result_envelope},
        {"rejects_appeal_result_by_neither_code_nor_name", m_aar_neither,
         "result.results[0].accused_code", "required", result_envelope},
        {"rejects_appeal_result_without_outcome", m_aar_no_result,
         "result.results[0].result", "upheld", result_envelope},
        {"rejects_new_sentence_when_upheld", m_aar_upheld_new_sentence,
         "result.results[0].new_punishment", "must be empty", result_envelope},
        {"rejects_term_when_acquitted_on_appeal", m_aar_acquitted_term,
         "result.results[0].period_months", "must be empty", result_envelope},
        {"rejects_fine_when_remanded_for_retrial", m_aar_remanded_fine,
         "result.results[0].fine_rupees", "must be empty", result_envelope},
        {"rejects_conviction_on_appeal_without_sentence",
         m_aar_convicted_no_sentence, "result.results[0].new_punishment",
         "required", result_envelope},
        {"rejects_new_term_over_100_years", m_aar_modified_term_1500,
         "result.results[0].period_months", "1200", result_envelope},
        {"rejects_new_imprisonment_without_term", m_aar_modified_no_term,
         "result.results[0].period_months", "required", result_envelope},
        {"rejects_get_court_record_fir_number_in_words",
         m_get_court_fir_number_bad, "fir_number", FIR_HINT,
         get_court_envelope},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(valid_requests_of_every_court_kind_pass),
	        cmocka_unit_test(minimal_closure_report_passes),
	        cmocka_unit_test(other_sentences_and_person_ids_pass),
	        cmocka_unit_test(appeal_by_name_and_upheld_result_pass),
	};
	return run_envelope_tests("envelope_court", fixed, ARRAY_LEN(fixed),
	                          broken_rows, ARRAY_LEN(broken_rows));
}
