/* test_envelope_registers1.c: the checks of the petition, non-cognizable
 * report and lost property report requests (proto/envelope.h): a valid
 * request of each kind passes, every broken field is reported with its
 * exact path, and their responses are refused when a client sends them. */
#include "envelope_test.h"

#define KIND(x) CCTNS__V1__PETITION_DISPOSAL_KIND__PETITION_DISPOSAL_KIND_##x

/* Free a sub-message slot and leave it unset. */
#define DROP(slot)                                                             \
	do {                                                                   \
		protobuf_c_message_free_unpacked((ProtobufCMessage *)(slot),   \
		                                 NULL);                        \
		(slot) = NULL;                                                 \
	} while (0)

static Cctns__V1__Person *named(const char *name)
{
	Cctns__V1__Person *p = fx_new(&cctns__v1__person__descriptor);

	fx_str(&p->name, name);
	return p;
}

/* n persons named "Person 1".. into *list. */
static void fx_persons(Cctns__V1__Person ***list, size_t *count, size_t n)
{
	char name[32];

	for (size_t i = 0; i < *count; i++)
		protobuf_c_message_free_unpacked(&(*list)[i]->base, NULL);
	free(*list);
	*list = xcalloc(n, sizeof(**list));
	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Person %zu", i + 1);
		(*list)[i] = named(name);
	}
	*count = n;
}

/* ------------------------------------------------------------ requests */

static Envelope *petition_envelope(void)
{
	Cctns__V1__RegisterPetition *r =
	        fx_new(&cctns__v1__register_petition__descriptor);
	Cctns__V1__Petition *p = fx_new(&cctns__v1__petition__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&p->received_at, "2026-03-16T10:00:00+05:30");
	p->mode = CCTNS__V1__PETITION_MODE__PETITION_MODE_FROM_HIGHER_OFFICER;
	p->petitioner = fx_person("Test Petitioner");
	fx_persons(&p->respondents, &p->n_respondents, 2);
	fx_str(&p->subject, "Boundary wall broken");
	fx_str(&p->text, "Sir,\n\tmy neighbour broke the wall.\nThanks");
	p->officer = fx_officer("UP-1234", "Test Officer", "HC");
	fx_str(&p->reference, "SP Agra letter 123/2026");
	r->petition = p;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_PETITION, r);
}

static Envelope *get_petition_envelope(void)
{
	Cctns__V1__GetPetition *g =
	        fx_new(&cctns__v1__get_petition__descriptor);

	fx_str(&g->petition_number, "0001/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_PETITION, g);
}

static Envelope *assign_envelope(void)
{
	Cctns__V1__AssignEnquiry *a =
	        fx_new(&cctns__v1__assign_enquiry__descriptor);

	fx_bytes(&a->idempotency_key, fx_key(), 16);
	fx_str(&a->petition_number, "1/2026");
	a->enquiry_officer = fx_officer("UP-2001", "Test Enquirer", "SI");
	a->acting = fx_officer("UP-0001", "Test SHO", "Inspector");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_ASSIGN_ENQUIRY, a);
}

static Envelope *report_envelope(void)
{
	Cctns__V1__ReportEnquiry *r =
	        fx_new(&cctns__v1__report_enquiry__descriptor);
	Cctns__V1__PetitionEnquiryReport *e =
	        fx_new(&cctns__v1__petition_enquiry_report__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->petition_number, "1/2026");
	fx_str(&e->reported_at, "2026-03-17T10:00:00+05:30");
	fx_str(&e->findings, "Visited the spot.\nA civil dispute.");
	e->recommendation =
	        CCTNS__V1__ENQUIRY_RECOMMENDATION__ENQUIRY_RECOMMENDATION_CLOSE;
	e->officer = fx_officer("UP-2001", "Test Enquirer", "SI");
	r->report = e;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REPORT_ENQUIRY, r);
}

static Envelope *dispose_envelope(void)
{
	Cctns__V1__DisposePetition *r =
	        fx_new(&cctns__v1__dispose_petition__descriptor);
	Cctns__V1__PetitionDisposal *d =
	        fx_new(&cctns__v1__petition_disposal__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->petition_number, "1/2026");
	d->kind = KIND(CLOSED);
	fx_str(&d->reason, "A civil dispute:\nno police action.");
	d->officer = fx_officer("UP-0001", "Test SHO", "Inspector");
	r->disposal = d;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_DISPOSE_PETITION, r);
}

static Envelope *ncr_envelope(void)
{
	Cctns__V1__RegisterNcr *r =
	        fx_new(&cctns__v1__register_ncr__descriptor);
	Cctns__V1__Ncr *n = fx_new(&cctns__v1__ncr__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&n->occurred_at, "2026-03-15T20:00:00+05:30");
	fx_str(&n->reported_at, "2026-03-15T21:00:00+05:30");
	n->place = fx_new(&cctns__v1__place__descriptor);
	n->place->address = fx_address();
	n->informant = fx_person("Test Informant");
	fx_persons(&n->opposite_party, &n->n_opposite_party, 1);
	n->n_sections = 2;
	n->sections = xcalloc(2, sizeof(*n->sections));
	n->sections[0] = fx_charge(CCTNS__V1__ACT__ACT_BNS, "352", NULL);
	n->sections[1] = fx_charge(CCTNS__V1__ACT__ACT_BNS, "115(2)", NULL);
	fx_str(&n->brief_facts, "Abused and slapped.\nNo injury.");
	n->advice_given = 1;
	n->officer = fx_officer("UP-1234", "Test Officer", "HC");
	r->ncr = n;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_NCR, r);
}

static Envelope *get_ncr_envelope(void)
{
	Cctns__V1__GetNcr *g = fx_new(&cctns__v1__get_ncr__descriptor);

	fx_str(&g->ncr_number, "12/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_NCR, g);
}

static Cctns__V1__LostItem *fx_item(Cctns__V1__LostItemKind kind,
                                    const char *identifier, uint64_t value)
{
	Cctns__V1__LostItem *i = fx_new(&cctns__v1__lost_item__descriptor);

	i->kind = kind;
	fx_str(&i->description, "black, in a blue cover");
	fx_str(&i->identifier, identifier);
	i->value_rupees = value;
	return i;
}

static Envelope *lost_envelope(void)
{
	Cctns__V1__RegisterLostReport *r =
	        fx_new(&cctns__v1__register_lost_report__descriptor);
	Cctns__V1__LostReport *l = fx_new(&cctns__v1__lost_report__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	l->reporter = fx_person("Test Owner");
	fx_str(&l->lost_from, "2026-03-15T16:00:00+05:30");
	fx_str(&l->lost_to, "2026-03-15T17:30:00+05:30");
	l->place = fx_new(&cctns__v1__place__descriptor);
	fx_str(&l->place->beat, "Beat 5");
	l->n_items = 2;
	l->items = xcalloc(2, sizeof(*l->items));
	l->items[0] =
	        fx_item(CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_MOBILE_PHONE,
	                "356938035643809", 17999);
	l->items[1] = fx_item(
	        CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_DOCUMENT, "4821", 0);
	fx_str(&l->circumstances, "Fell from the bag\nin an auto-rickshaw.");
	l->officer = fx_officer("UP-1234", "Test Officer", "HC");
	r->report = l;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_LOST_REPORT, r);
}

static Envelope *get_lost_envelope(void)
{
	Cctns__V1__GetLostReport *g =
	        fx_new(&cctns__v1__get_lost_report__descriptor);

	fx_str(&g->report_number, "3/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_LOST_REPORT, g);
}

#define PET(e)  ((e)->register_petition->petition)
#define DISP(e) ((e)->dispose_petition->disposal)
#define NCR(e)  ((e)->register_ncr->ncr)
#define LOST(e) ((e)->register_lost_report->report)

/* ------------------------------------------------------------ passes */

static void valid_requests_of_every_register_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        petition_envelope, get_petition_envelope, assign_envelope,
	        report_envelope,   dispose_envelope,      ncr_envelope,
	        get_ncr_envelope,  lost_envelope,         get_lost_envelope,
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(make); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

static void minimal_petition_passes(void **state)
{
	Envelope *e = petition_envelope();

	(void)state;
	DROP(PET(e)->petitioner);
	PET(e)->petitioner = named("P");
	fx_persons(&PET(e)->respondents, &PET(e)->n_respondents, 0);
	fx_str(&PET(e)->reference, "");
	assert_passes(e);
	envelope_free(e);
}

static void petition_against_20_respondents_passes(void **state)
{
	Envelope *e = petition_envelope();

	(void)state;
	fx_persons(&PET(e)->respondents, &PET(e)->n_respondents, 20);
	assert_passes(e);
	envelope_free(e);
}

static void conversion_and_transfer_disposals_pass(void **state)
{
	Envelope *e = dispose_envelope();

	(void)state;
	DISP(e)->kind = KIND(CONVERTED_TO_FIR);
	fx_str(&DISP(e)->fir_number, "0005/2026");
	assert_passes(e);
	fx_str(&DISP(e)->fir_number, "");
	fx_str(&DISP(e)->reason, "");
	DISP(e)->kind = KIND(TRANSFERRED);
	DISP(e)->transfer_district_code = 119;
	DISP(e)->transfer_station_code = 2001;
	assert_passes(e);
	envelope_free(e);
}

static void lost_value_just_below_10_12_passes(void **state)
{
	Envelope *e = lost_envelope();

	(void)state;
	LOST(e)->items[0]->value_rupees = 999999999999ULL;
	assert_passes(e);
	envelope_free(e);
}

static void lost_report_at_one_time_of_50_items_passes(void **state)
{
	Envelope *e = lost_envelope();
	Cctns__V1__LostReport *l = LOST(e);

	(void)state;
	fx_str(&l->lost_to, "");
	for (size_t i = 0; i < l->n_items; i++)
		protobuf_c_message_free_unpacked(&l->items[i]->base, NULL);
	free(l->items);
	l->n_items = 50;
	l->items = xcalloc(50, sizeof(*l->items));
	for (size_t i = 0; i < 50; i++)
		l->items[i] = fx_item(
		        CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_KEYS, "", 10);
	assert_passes(e);
	envelope_free(e);
}

/* ------------------------------------------------------------ mutations */

static void m_resp(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                   const ProtobufCMessageDescriptor *d)
{
	set_body(e, c, fx_new(d));
}

#define RESPONSE_AS_REQUEST(fn, CASE, desc)                                    \
	static void fn(Envelope *e)                                            \
	{                                                                      \
		m_resp(e, CCTNS__V1__ENVELOPE__BODY_##CASE, &desc);            \
	}

RESPONSE_AS_REQUEST(m_petition_receipt_body, PETITION_RECEIPT,
                    cctns__v1__petition_receipt__descriptor)
RESPONSE_AS_REQUEST(m_petition_record_body, PETITION_RECORD,
                    cctns__v1__petition_record__descriptor)
RESPONSE_AS_REQUEST(m_ncr_receipt_body, NCR_RECEIPT,
                    cctns__v1__ncr_receipt__descriptor)
RESPONSE_AS_REQUEST(m_ncr_record_body, NCR_RECORD,
                    cctns__v1__ncr_record__descriptor)
RESPONSE_AS_REQUEST(m_lost_receipt_body, LOST_REPORT_RECEIPT,
                    cctns__v1__lost_report_receipt__descriptor)
RESPONSE_AS_REQUEST(m_lost_record_body, LOST_REPORT_RECORD,
                    cctns__v1__lost_report_record__descriptor)

/* Petition */
static void m_pet_key_8(Envelope *e)
{
	fx_bytes(&e->register_petition->idempotency_key, fx_key(), 8);
}
static void m_pet_none(Envelope *e)
{
	DROP(PET(e));
}
static void m_pet_no_received_at(Envelope *e)
{
	fx_str(&PET(e)->received_at, "");
}
static void m_pet_received_at_date_only(Envelope *e)
{
	fx_str(&PET(e)->received_at, "2026-03-16");
}
static void m_pet_no_mode(Envelope *e)
{
	PET(e)->mode = 0;
}
static void m_pet_mode_7(Envelope *e)
{
	PET(e)->mode = 7;
}
static void m_pet_no_petitioner(Envelope *e)
{
	DROP(PET(e)->petitioner);
}
static void m_pet_petitioner_no_name(Envelope *e)
{
	fx_str(&PET(e)->petitioner->name, "");
}
static void m_pet_21_respondents(Envelope *e)
{
	fx_persons(&PET(e)->respondents, &PET(e)->n_respondents, 21);
}
static void m_pet_respondent_no_name(Envelope *e)
{
	fx_str(&PET(e)->respondents[1]->name, "");
}
static void m_pet_no_subject(Envelope *e)
{
	fx_str(&PET(e)->subject, "");
}
static void m_pet_subject_501(Envelope *e)
{
	fx_str(&PET(e)->subject, repeat('s', 501));
}
static void m_pet_subject_newline(Envelope *e)
{
	fx_str(&PET(e)->subject, "wall\nbroken");
}
static void m_pet_no_text(Envelope *e)
{
	fx_str(&PET(e)->text, "");
}
static void m_pet_text_over_64k(Envelope *e)
{
	char *big = xmalloc(64 * 1024 + 2);

	memset(big, 't', 64 * 1024 + 1);
	big[64 * 1024 + 1] = '\0';
	fx_str(&PET(e)->text, big);
	free(big);
}
static void m_pet_no_officer(Envelope *e)
{
	DROP(PET(e)->officer);
}
static void m_pet_officer_no_rank(Envelope *e)
{
	fx_str(&PET(e)->officer->rank, "");
}
static void m_pet_reference_201(Envelope *e)
{
	fx_str(&PET(e)->reference, repeat('r', 201));
}
static void m_get_pet_no_number(Envelope *e)
{
	fx_str(&e->get_petition->petition_number, "");
}
static void m_get_pet_number_words(Envelope *e)
{
	fx_str(&e->get_petition->petition_number, "P-1/2026");
}

/* AssignEnquiry */
static void m_assign_no_key(Envelope *e)
{
	fx_bytes(&e->assign_enquiry->idempotency_key, NULL, 0);
}
static void m_assign_no_number(Envelope *e)
{
	fx_str(&e->assign_enquiry->petition_number, "");
}
static void m_assign_number_no_year(Envelope *e)
{
	fx_str(&e->assign_enquiry->petition_number, "12");
}
static void m_assign_no_officer(Envelope *e)
{
	DROP(e->assign_enquiry->enquiry_officer);
}
static void m_assign_no_acting(Envelope *e)
{
	DROP(e->assign_enquiry->acting);
}
static void m_assign_officer_no_number(Envelope *e)
{
	fx_str(&e->assign_enquiry->enquiry_officer->number, "");
}

/* ReportEnquiry */
static void m_report_key_17(Envelope *e)
{
	uint8_t k[17] = {0};

	fx_bytes(&e->report_enquiry->idempotency_key, k, 17);
}
static void m_report_number_5_digit_year(Envelope *e)
{
	fx_str(&e->report_enquiry->petition_number, "1/20260");
}
static void m_report_none(Envelope *e)
{
	DROP(e->report_enquiry->report);
}
static void m_report_no_reported_at(Envelope *e)
{
	fx_str(&e->report_enquiry->report->reported_at, "");
}
static void m_report_reported_at_bad(Envelope *e)
{
	fx_str(&e->report_enquiry->report->reported_at, "17/03/2026 10:00");
}
static void m_report_no_findings(Envelope *e)
{
	fx_str(&e->report_enquiry->report->findings, "");
}
static void m_report_no_recommendation(Envelope *e)
{
	e->report_enquiry->report->recommendation = 0;
}
static void m_report_recommendation_4(Envelope *e)
{
	e->report_enquiry->report->recommendation = 4;
}
static void m_report_no_officer(Envelope *e)
{
	DROP(e->report_enquiry->report->officer);
}

/* DisposePetition */
static void m_dispose_no_key(Envelope *e)
{
	fx_bytes(&e->dispose_petition->idempotency_key, NULL, 0);
}
static void m_dispose_no_number(Envelope *e)
{
	fx_str(&e->dispose_petition->petition_number, "");
}
static void m_dispose_none(Envelope *e)
{
	DROP(DISP(e));
}
static void m_dispose_no_kind(Envelope *e)
{
	DISP(e)->kind = 0;
}
static void m_dispose_kind_9(Envelope *e)
{
	DISP(e)->kind = 9;
}
static void m_dispose_closed_no_reason(Envelope *e)
{
	fx_str(&DISP(e)->reason, "");
}
static void m_dispose_reason_4001(Envelope *e)
{
	fx_str(&DISP(e)->reason, repeat('x', 4001));
}
static void m_dispose_converted_no_fir(Envelope *e)
{
	DISP(e)->kind = KIND(CONVERTED_TO_FIR);
}
static void m_dispose_closed_with_fir(Envelope *e)
{
	fx_str(&DISP(e)->fir_number, "5/2026");
}
static void m_dispose_fir_number_bad(Envelope *e)
{
	DISP(e)->kind = KIND(CONVERTED_TO_FIR);
	fx_str(&DISP(e)->fir_number, "FIR 5");
}
static void m_dispose_transfer_no_district(Envelope *e)
{
	DISP(e)->kind = KIND(TRANSFERRED);
	DISP(e)->transfer_station_code = 2001;
}
static void m_dispose_transfer_no_station(Envelope *e)
{
	DISP(e)->kind = KIND(TRANSFERRED);
	DISP(e)->transfer_district_code = 119;
}
static void m_dispose_closed_with_station(Envelope *e)
{
	DISP(e)->transfer_station_code = 2001;
}
static void m_dispose_closed_with_district(Envelope *e)
{
	DISP(e)->transfer_district_code = 119;
}
static void m_dispose_converted_with_station(Envelope *e)
{
	DISP(e)->kind = KIND(CONVERTED_TO_FIR);
	fx_str(&DISP(e)->fir_number, "5/2026");
	DISP(e)->transfer_district_code = 119;
	DISP(e)->transfer_station_code = 2001;
}
static void m_dispose_no_officer(Envelope *e)
{
	DROP(DISP(e)->officer);
}

/* Ncr */
static void m_ncr_key_15(Envelope *e)
{
	fx_bytes(&e->register_ncr->idempotency_key, fx_key(), 15);
}
static void m_ncr_none(Envelope *e)
{
	DROP(NCR(e));
}
static void m_ncr_no_occurred_at(Envelope *e)
{
	fx_str(&NCR(e)->occurred_at, "");
}
static void m_ncr_occurred_at_no_offset(Envelope *e)
{
	fx_str(&NCR(e)->occurred_at, "2026-03-15T20:00:00");
}
static void m_ncr_no_reported_at(Envelope *e)
{
	fx_str(&NCR(e)->reported_at, "");
}
static void m_ncr_no_informant(Envelope *e)
{
	DROP(NCR(e)->informant);
}
static void m_ncr_informant_no_name(Envelope *e)
{
	fx_str(&NCR(e)->informant->name, "");
}
static void m_ncr_21_opposite(Envelope *e)
{
	fx_persons(&NCR(e)->opposite_party, &NCR(e)->n_opposite_party, 21);
}
static void m_ncr_opposite_no_name(Envelope *e)
{
	fx_str(&NCR(e)->opposite_party[0]->name, "");
}
static void m_ncr_no_sections(Envelope *e)
{
	for (size_t i = 0; i < NCR(e)->n_sections; i++)
		DROP(NCR(e)->sections[i]);
	NCR(e)->n_sections = 0;
}
static void m_ncr_21_sections(Envelope *e)
{
	Cctns__V1__Ncr *n = NCR(e);

	for (size_t i = 0; i < n->n_sections; i++)
		DROP(n->sections[i]);
	free(n->sections);
	n->n_sections = 21;
	n->sections = xcalloc(21, sizeof(*n->sections));
	for (size_t i = 0; i < 21; i++)
		n->sections[i] =
		        fx_charge(CCTNS__V1__ACT__ACT_BNS, "352", NULL);
}
static void m_ncr_section_bad(Envelope *e)
{
	fx_str(&NCR(e)->sections[1]->section, "115-2");
}
static void m_ncr_no_brief_facts(Envelope *e)
{
	fx_str(&NCR(e)->brief_facts, "");
}
static void m_ncr_no_advice(Envelope *e)
{
	NCR(e)->advice_given = 0;
}
static void m_ncr_no_officer(Envelope *e)
{
	DROP(NCR(e)->officer);
}
static void m_get_ncr_no_number(Envelope *e)
{
	fx_str(&e->get_ncr->ncr_number, "");
}
static void m_get_ncr_number_bad(Envelope *e)
{
	fx_str(&e->get_ncr->ncr_number, "12-2026");
}

/* LostReport */
static void m_lost_no_key(Envelope *e)
{
	fx_bytes(&e->register_lost_report->idempotency_key, NULL, 0);
}
static void m_lost_none(Envelope *e)
{
	DROP(LOST(e));
}
static void m_lost_no_reporter(Envelope *e)
{
	DROP(LOST(e)->reporter);
}
static void m_lost_reporter_no_name(Envelope *e)
{
	fx_str(&LOST(e)->reporter->name, "");
}
static void m_lost_no_from(Envelope *e)
{
	fx_str(&LOST(e)->lost_from, "");
}
static void m_lost_to_bad(Envelope *e)
{
	fx_str(&LOST(e)->lost_to, "2026-02-30T10:00:00+05:30");
}
static void m_lost_no_items(Envelope *e)
{
	for (size_t i = 0; i < LOST(e)->n_items; i++)
		DROP(LOST(e)->items[i]);
	LOST(e)->n_items = 0;
}
static void m_lost_51_items(Envelope *e)
{
	Cctns__V1__LostReport *l = LOST(e);

	for (size_t i = 0; i < l->n_items; i++)
		DROP(l->items[i]);
	free(l->items);
	l->n_items = 51;
	l->items = xcalloc(51, sizeof(*l->items));
	for (size_t i = 0; i < 51; i++)
		l->items[i] = fx_item(
		        CCTNS__V1__LOST_ITEM_KIND__LOST_ITEM_KIND_KEYS, "", 10);
}
static void m_lost_item_no_kind(Envelope *e)
{
	LOST(e)->items[1]->kind = 0;
}
static void m_lost_item_kind_10(Envelope *e)
{
	LOST(e)->items[1]->kind = 10;
}
static void m_lost_item_aadhaar(Envelope *e)
{
	fx_str(&LOST(e)->items[1]->identifier, "234567890123");
}
static void m_lost_item_aadhaar_spaced(Envelope *e)
{
	fx_str(&LOST(e)->items[1]->identifier, "2345 6789-0123");
}
static void m_lost_item_value_10_12(Envelope *e)
{
	LOST(e)->items[0]->value_rupees = 1000000000000ULL;
}
static void m_lost_item_description_long(Envelope *e)
{
	fx_str(&LOST(e)->items[0]->description, repeat('d', 4001));
}
static void m_lost_item_identifier_long(Envelope *e)
{
	fx_str(&LOST(e)->items[0]->identifier, repeat('9', 65));
}
static void m_lost_circumstances_long(Envelope *e)
{
	fx_str(&LOST(e)->circumstances, repeat('c', 16 * 1024 + 1));
}
static void m_lost_no_officer(Envelope *e)
{
	DROP(LOST(e)->officer);
}
static void m_get_lost_no_number(Envelope *e)
{
	fx_str(&e->get_lost_report->report_number, "");
}
static void m_get_lost_number_bad(Envelope *e)
{
	fx_str(&e->get_lost_report->report_number, "0/26");
}

#define TIME "2026-03-14T21:30:00+05:30"

static const broken broken_rows[] = {
        /* responses are not requests */
        {"refuses_petition_receipt_as_request", m_petition_receipt_body, "",
         "not a request", petition_envelope},
        {"refuses_petition_record_as_request", m_petition_record_body, "",
         "not a request", petition_envelope},
        {"refuses_ncr_receipt_as_request", m_ncr_receipt_body, "",
         "not a request", ncr_envelope},
        {"refuses_ncr_record_as_request", m_ncr_record_body, "",
         "not a request", ncr_envelope},
        {"refuses_lost_report_receipt_as_request", m_lost_receipt_body, "",
         "not a request", lost_envelope},
        {"refuses_lost_report_record_as_request", m_lost_record_body, "",
         "not a request", lost_envelope},
        /* RegisterPetition, GetPetition */
        {"rejects_petition_key_of_8_bytes", m_pet_key_8, "idempotency_key",
         "16 bytes", petition_envelope},
        {"rejects_register_petition_without_petition", m_pet_none, "petition",
         "required", petition_envelope},
        {"rejects_petition_without_received_at", m_pet_no_received_at,
         "petition.received_at", "required", petition_envelope},
        {"rejects_petition_received_at_as_a_date", m_pet_received_at_date_only,
         "petition.received_at", TIME, petition_envelope},
        {"rejects_petition_without_mode", m_pet_no_mode, "petition.mode",
         "in_person", petition_envelope},
        {"rejects_unknown_petition_mode", m_pet_mode_7, "petition.mode", "7",
         petition_envelope},
        {"rejects_petition_without_petitioner", m_pet_no_petitioner,
         "petition.petitioner", "required", petition_envelope},
        {"rejects_petitioner_without_name", m_pet_petitioner_no_name,
         "petition.petitioner.name", "petitioner", petition_envelope},
        {"rejects_21_respondents", m_pet_21_respondents, "petition.respondents",
         "at most 20", petition_envelope},
        {"rejects_respondent_without_name", m_pet_respondent_no_name,
         "petition.respondents[1].name", "respondent", petition_envelope},
        {"rejects_petition_without_subject", m_pet_no_subject,
         "petition.subject", "required", petition_envelope},
        {"rejects_subject_over_500_chars", m_pet_subject_501,
         "petition.subject", "500", petition_envelope},
        {"rejects_subject_of_two_lines", m_pet_subject_newline,
         "petition.subject", "one line", petition_envelope},
        {"rejects_petition_without_text", m_pet_no_text, "petition.text",
         "required", petition_envelope},
        {"rejects_petition_text_over_64_kib", m_pet_text_over_64k,
         "petition.text", "65536 bytes", petition_envelope},
        {"rejects_petition_without_receiving_officer", m_pet_no_officer,
         "petition.officer", "required", petition_envelope},
        {"rejects_receiving_officer_without_rank", m_pet_officer_no_rank,
         "petition.officer.rank", "required", petition_envelope},
        {"rejects_reference_over_200_chars", m_pet_reference_201,
         "petition.reference", "200", petition_envelope},
        {"rejects_get_petition_without_number", m_get_pet_no_number,
         "petition_number", "required", get_petition_envelope},
        {"rejects_petition_number_with_letters", m_get_pet_number_words,
         "petition_number", "1/2026", get_petition_envelope},
        /* AssignEnquiry */
        {"rejects_assignment_without_key", m_assign_no_key, "idempotency_key",
         "16 bytes", assign_envelope},
        {"rejects_assignment_without_petition_number", m_assign_no_number,
         "petition_number", "required", assign_envelope},
        {"rejects_petition_number_without_year", m_assign_number_no_year,
         "petition_number", "1/2026", assign_envelope},
        {"rejects_assignment_without_enquiry_officer", m_assign_no_officer,
         "enquiry_officer", "required", assign_envelope},
        {"rejects_assignment_without_acting_officer", m_assign_no_acting,
         "acting", "required", assign_envelope},
        {"rejects_enquiry_officer_without_number", m_assign_officer_no_number,
         "enquiry_officer.number", "required", assign_envelope},
        /* ReportEnquiry */
        {"rejects_report_key_of_17_bytes", m_report_key_17, "idempotency_key",
         "got 17", report_envelope},
        {"rejects_petition_number_with_5_digit_year",
         m_report_number_5_digit_year, "petition_number", "1/2026",
         report_envelope},
        {"rejects_report_enquiry_without_report", m_report_none, "report",
         "required", report_envelope},
        {"rejects_report_without_reported_at", m_report_no_reported_at,
         "report.reported_at", "required", report_envelope},
        {"rejects_reported_at_not_rfc3339", m_report_reported_at_bad,
         "report.reported_at", TIME, report_envelope},
        {"rejects_report_without_findings", m_report_no_findings,
         "report.findings", "required", report_envelope},
        {"rejects_report_without_recommendation", m_report_no_recommendation,
         "report.recommendation", "register_fir", report_envelope},
        {"rejects_unknown_recommendation", m_report_recommendation_4,
         "report.recommendation", "4", report_envelope},
        {"rejects_report_without_officer", m_report_no_officer,
         "report.officer", "required", report_envelope},
        /* DisposePetition */
        {"rejects_disposal_without_key", m_dispose_no_key, "idempotency_key",
         "16 bytes", dispose_envelope},
        {"rejects_disposal_without_petition_number", m_dispose_no_number,
         "petition_number", "required", dispose_envelope},
        {"rejects_dispose_petition_without_disposal", m_dispose_none,
         "disposal", "required", dispose_envelope},
        {"rejects_disposal_without_kind", m_dispose_no_kind, "disposal.kind",
         "converted_to_fir", dispose_envelope},
        {"rejects_unknown_disposal_kind", m_dispose_kind_9, "disposal.kind",
         "9", dispose_envelope},
        {"rejects_closing_without_reason", m_dispose_closed_no_reason,
         "disposal.reason", "required", dispose_envelope},
        {"rejects_reason_over_4000_chars", m_dispose_reason_4001,
         "disposal.reason", "4000", dispose_envelope},
        {"rejects_conversion_without_fir_number", m_dispose_converted_no_fir,
         "disposal.fir_number", "required", dispose_envelope},
        {"rejects_fir_number_on_a_closing", m_dispose_closed_with_fir,
         "disposal.fir_number", "converted_to_fir", dispose_envelope},
        {"rejects_fir_number_not_a_number", m_dispose_fir_number_bad,
         "disposal.fir_number", "42/2026", dispose_envelope},
        {"rejects_transfer_without_district", m_dispose_transfer_no_district,
         "disposal.transfer_district_code", "required", dispose_envelope},
        {"rejects_transfer_without_station", m_dispose_transfer_no_station,
         "disposal.transfer_station_code", "required", dispose_envelope},
        {"rejects_station_on_a_closing", m_dispose_closed_with_station,
         "disposal.transfer_station_code", "transferred", dispose_envelope},
        {"rejects_district_on_a_closing", m_dispose_closed_with_district,
         "disposal.transfer_district_code", "transferred", dispose_envelope},
        {"rejects_station_on_a_conversion", m_dispose_converted_with_station,
         "disposal.transfer_station_code", "transferred", dispose_envelope},
        {"rejects_disposal_without_officer", m_dispose_no_officer,
         "disposal.officer", "required", dispose_envelope},
        /* RegisterNcr, GetNcr */
        {"rejects_ncr_key_of_15_bytes", m_ncr_key_15, "idempotency_key",
         "got 15", ncr_envelope},
        {"rejects_register_ncr_without_ncr", m_ncr_none, "ncr", "required",
         ncr_envelope},
        {"rejects_ncr_without_occurred_at", m_ncr_no_occurred_at,
         "ncr.occurred_at", "required", ncr_envelope},
        {"rejects_occurred_at_without_offset", m_ncr_occurred_at_no_offset,
         "ncr.occurred_at", TIME, ncr_envelope},
        {"rejects_ncr_without_reported_at", m_ncr_no_reported_at,
         "ncr.reported_at", "required", ncr_envelope},
        {"rejects_ncr_without_informant", m_ncr_no_informant, "ncr.informant",
         "required", ncr_envelope},
        {"rejects_informant_without_name", m_ncr_informant_no_name,
         "ncr.informant.name", "informant", ncr_envelope},
        {"rejects_21_opposite_parties", m_ncr_21_opposite, "ncr.opposite_party",
         "at most 20", ncr_envelope},
        {"rejects_opposite_party_without_name", m_ncr_opposite_no_name,
         "ncr.opposite_party[0].name", "opposite party", ncr_envelope},
        {"rejects_ncr_without_sections", m_ncr_no_sections, "ncr.sections",
         "at least one", ncr_envelope},
        {"rejects_21_sections", m_ncr_21_sections, "ncr.sections", "at most 20",
         ncr_envelope},
        {"rejects_section_not_as_written", m_ncr_section_bad,
         "ncr.sections[1].section", "303(2)", ncr_envelope},
        {"rejects_ncr_without_brief_facts", m_ncr_no_brief_facts,
         "ncr.brief_facts", "required", ncr_envelope},
        {"rejects_ncr_without_referral_to_magistrate", m_ncr_no_advice,
         "ncr.advice_given", "Magistrate", ncr_envelope},
        {"rejects_ncr_without_officer", m_ncr_no_officer, "ncr.officer",
         "required", ncr_envelope},
        {"rejects_get_ncr_without_number", m_get_ncr_no_number, "ncr_number",
         "required", get_ncr_envelope},
        {"rejects_ncr_number_with_dash", m_get_ncr_number_bad, "ncr_number",
         "1/2026", get_ncr_envelope},
        /* RegisterLostReport, GetLostReport */
        {"rejects_lost_report_without_key", m_lost_no_key, "idempotency_key",
         "16 bytes", lost_envelope},
        {"rejects_register_lost_report_without_report", m_lost_none, "report",
         "required", lost_envelope},
        {"rejects_lost_report_without_reporter", m_lost_no_reporter,
         "report.reporter", "required", lost_envelope},
        {"rejects_reporter_without_name", m_lost_reporter_no_name,
         "report.reporter.name", "reporter", lost_envelope},
        {"rejects_lost_report_without_lost_from", m_lost_no_from,
         "report.lost_from", "required", lost_envelope},
        {"rejects_lost_to_on_february_30", m_lost_to_bad, "report.lost_to",
         TIME, lost_envelope},
        {"rejects_lost_report_without_items", m_lost_no_items, "report.items",
         "at least one", lost_envelope},
        {"rejects_51_lost_items", m_lost_51_items, "report.items", "at most 50",
         lost_envelope},
        {"rejects_lost_item_without_kind", m_lost_item_no_kind,
         "report.items[1].kind", "mobile_phone", lost_envelope},
        {"rejects_unknown_lost_item_kind", m_lost_item_kind_10,
         "report.items[1].kind", "10", lost_envelope},
        {"rejects_full_aadhaar_number_as_identifier", m_lost_item_aadhaar,
         "report.items[1].identifier", "Aadhaar", lost_envelope},
        {"rejects_full_aadhaar_number_with_spaces_and_dashes",
         m_lost_item_aadhaar_spaced, "report.items[1].identifier", "Aadhaar",
         lost_envelope},
        {"rejects_value_of_10_12_rupees", m_lost_item_value_10_12,
         "report.items[0].value_rupees", "10^12", lost_envelope},
        {"rejects_item_description_over_4000_chars",
         m_lost_item_description_long, "report.items[0].description", "4000",
         lost_envelope},
        {"rejects_identifier_over_64_chars", m_lost_item_identifier_long,
         "report.items[0].identifier", "64", lost_envelope},
        {"rejects_circumstances_over_16_kib", m_lost_circumstances_long,
         "report.circumstances", "16384 bytes", lost_envelope},
        {"rejects_lost_report_without_officer", m_lost_no_officer,
         "report.officer", "required", lost_envelope},
        {"rejects_get_lost_report_without_number", m_get_lost_no_number,
         "report_number", "required", get_lost_envelope},
        {"rejects_report_number_with_2_digit_year", m_get_lost_number_bad,
         "report_number", "1/2026", get_lost_envelope},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(valid_requests_of_every_register_pass),
	        cmocka_unit_test(minimal_petition_passes),
	        cmocka_unit_test(petition_against_20_respondents_passes),
	        cmocka_unit_test(conversion_and_transfer_disposals_pass),
	        cmocka_unit_test(lost_value_just_below_10_12_passes),
	        cmocka_unit_test(lost_report_at_one_time_of_50_items_passes),
	};
	return run_envelope_tests("envelope_registers1", fixed,
	                          ARRAY_LEN(fixed), broken_rows,
	                          ARRAY_LEN(broken_rows));
}
