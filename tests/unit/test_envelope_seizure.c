/* test_envelope_seizure.c: the checks of the seizure memo (IIF-IV) and
 * malkhana requests (proto/envelope.h): a valid request of each kind passes,
 * every broken field is reported with its exact path, and their responses
 * are refused when a client sends them. */
#include <math.h>

#include "envelope_test.h"

static Cctns__V1__SeizedItem *fx_item(const char *kind, double quantity)
{
	Cctns__V1__SeizedItem *it = fx_new(&cctns__v1__seized_item__descriptor);

	fx_str(&it->kind, kind);
	fx_str(&it->description, "Samsung Galaxy A34, black\nscreen intact");
	it->quantity = quantity;
	fx_str(&it->unit, "piece");
	it->value_rupees = 24999;
	fx_str(&it->identifiers, "IMEI 352099001761481");
	fx_str(&it->packet_no, "P-1");
	fx_str(&it->seal_description, "Cloth packet sealed with the PS seal");
	return it;
}

/* RegisterSeizure: a memo with every field set, three items (the last
 * perishable). */
static Envelope *seizure_envelope(void)
{
	Cctns__V1__RegisterSeizure *r =
	        fx_new(&cctns__v1__register_seizure__descriptor);
	Cctns__V1__SeizureMemo *m =
	        fx_new(&cctns__v1__seizure_memo__descriptor);

	fx_bytes(&r->idempotency_key, fx_key(), 16);
	fx_str(&r->fir_number, "0042/2026");
	m->nature = CCTNS__V1__SEIZURE_NATURE__SEIZURE_NATURE_STOLEN;
	fx_str(&m->seized_at, "2026-03-16T11:40:00+05:30");
	fx_str(&m->place, "House of the accused, Nagla Padi");
	m->place_address = fx_address();
	m->seized_from = fx_person("Test Seized From");
	m->professional_receiver = 1;
	fx_str(&m->accused_code, "A1");
	m->n_witnesses = 2;
	m->witnesses = xcalloc(2, sizeof(*m->witnesses));
	m->witnesses[0] = fx_person("Test Witness One");
	m->witnesses[1] = fx_person("Test Witness Two");
	m->n_items = 3;
	m->items = xcalloc(3, sizeof(*m->items));
	m->items[0] = fx_item("mobile_phone", 1);
	m->items[1] = fx_item("cash", 12500);
	m->items[2] = fx_item("food", 2.5);
	m->items[2]->perishable = 1;
	fx_str(&m->items[2]->perishable_handling,
	       "Photographed, sample kept,\nrest destroyed");
	fx_str(&m->seal, "Brass seal PS KOTWALI AGRA");
	m->officer = fx_officer("UP-1234", "Test Officer", "SI");
	r->seizure = m;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_REGISTER_SEIZURE, r);
}

static Envelope *get_seizure_envelope(void)
{
	Cctns__V1__GetSeizure *g = fx_new(&cctns__v1__get_seizure__descriptor);

	fx_str(&g->fir_number, "42/2026");
	g->seizure_no = 1;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_SEIZURE, g);
}

static Envelope *move_envelope(void)
{
	Cctns__V1__MoveProperty *p =
	        fx_new(&cctns__v1__move_property__descriptor);

	fx_bytes(&p->idempotency_key, fx_key(), 16);
	fx_str(&p->malkhana_number, "0012/2026");
	p->movement =
	        CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_RELEASED_TO_OWNER;
	fx_str(&p->at, "2026-03-20T15:30:00+05:30");
	fx_str(&p->to_whom, "Test Owner, on superdari");
	fx_str(&p->reference, "CJM Agra order 45/2026");
	p->officer = fx_officer("UP-3100", "Test Moharrir", "HC");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_MOVE_PROPERTY, p);
}

static Envelope *get_entry_envelope(void)
{
	Cctns__V1__GetMalkhanaEntry *g =
	        fx_new(&cctns__v1__get_malkhana_entry__descriptor);

	fx_str(&g->malkhana_number, "12/2026");
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_GET_MALKHANA_ENTRY, g);
}

static Envelope *list_envelope(void)
{
	Cctns__V1__ListMalkhana *l =
	        fx_new(&cctns__v1__list_malkhana__descriptor);

	fx_str(&l->fir_number, "42/2026");
	l->state = CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_OUT_COURT;
	l->offset = 100;
	return envelope_with(CCTNS__V1__ENVELOPE__BODY_LIST_MALKHANA, l);
}

static Cctns__V1__SeizureMemo *memo_of(Envelope *e)
{
	return e->register_seizure->seizure;
}

static Cctns__V1__SeizedItem *item_of(Envelope *e, size_t i)
{
	return memo_of(e)->items[i];
}

static void valid_requests_of_every_seizure_kind_pass(void **state)
{
	Envelope *(*const make[])(void) = {
	        seizure_envelope,   get_seizure_envelope, move_envelope,
	        get_entry_envelope, list_envelope,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(make) / sizeof(make[0]); i++) {
		Envelope *e = make[i]();
		assert_passes(e);
		envelope_free(e);
	}
}

/* Unclaimed property: from no one, no accused; one item; a movement to
 * court needs no reference; a list of the whole register. */
static void minimal_requests_pass(void **state)
{
	Envelope *e = seizure_envelope();
	Cctns__V1__SeizureMemo *m = memo_of(e);

	(void)state;
	cctns__v1__person__free_unpacked(m->seized_from, NULL);
	m->seized_from = NULL;
	m->professional_receiver = 0;
	fx_str(&m->accused_code, "");
	cctns__v1__seized_item__free_unpacked(m->items[2], NULL);
	cctns__v1__seized_item__free_unpacked(m->items[1], NULL);
	m->n_items = 1;
	m->items[0]->value_rupees = 0;
	m->nature = CCTNS__V1__SEIZURE_NATURE__SEIZURE_NATURE_UNCLAIMED;
	assert_passes(e);
	envelope_free(e);

	e = move_envelope();
	e->move_property->movement =
	        CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_TO_COURT;
	fx_str(&e->move_property->reference, "");
	assert_passes(e);
	envelope_free(e);

	e = list_envelope();
	fx_str(&e->list_malkhana->fir_number, "");
	e->list_malkhana->state = 0;
	assert_passes(e);
	envelope_free(e);
}

static void value_just_below_10_to_12_and_tiny_quantity_pass(void **state)
{
	Envelope *e = seizure_envelope();

	(void)state;
	item_of(e, 0)->value_rupees = 999999999999ull;
	item_of(e, 1)->quantity = 0.001;
	assert_passes(e);
	envelope_free(e);
}

static void m_response_as_request(Envelope *e, Cctns__V1__Envelope__BodyCase c,
                                  const ProtobufCMessageDescriptor *d)
{
	set_body(e, c, fx_new(d));
}

static void m_seizure_receipt_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_SEIZURE_RECEIPT,
	                      &cctns__v1__seizure_receipt__descriptor);
}

static void m_seizure_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_SEIZURE,
	                      &cctns__v1__seizure__descriptor);
}

static void m_movement_receipt_body(Envelope *e)
{
	m_response_as_request(
	        e, CCTNS__V1__ENVELOPE__BODY_PROPERTY_MOVEMENT_RECEIPT,
	        &cctns__v1__property_movement_receipt__descriptor);
}

static void m_malkhana_entry_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_MALKHANA_ENTRY,
	                      &cctns__v1__malkhana_entry__descriptor);
}

static void m_malkhana_list_body(Envelope *e)
{
	m_response_as_request(e, CCTNS__V1__ENVELOPE__BODY_MALKHANA_LIST,
	                      &cctns__v1__malkhana_list__descriptor);
}

/* RegisterSeizure */

static void m_key_missing(Envelope *e)
{
	fx_bytes(&e->register_seizure->idempotency_key, NULL, 0);
}

static void m_no_fir_number(Envelope *e)
{
	fx_str(&e->register_seizure->fir_number, "");
}

static void m_fir_number_words(Envelope *e)
{
	fx_str(&e->register_seizure->fir_number, "FIR 42");
}

static void m_no_memo(Envelope *e)
{
	cctns__v1__seizure_memo__free_unpacked(memo_of(e), NULL);
	e->register_seizure->seizure = NULL;
}

static void m_no_nature(Envelope *e)
{
	memo_of(e)->nature = 0;
}

static void m_nature_9(Envelope *e)
{
	memo_of(e)->nature = 9;
}

static void m_no_seized_at(Envelope *e)
{
	fx_str(&memo_of(e)->seized_at, "");
}

static void m_seized_at_no_offset(Envelope *e)
{
	fx_str(&memo_of(e)->seized_at, "2026-03-16 11:40");
}

static void m_no_place(Envelope *e)
{
	fx_str(&memo_of(e)->place, "");
}

static void m_place_long(Envelope *e)
{
	fx_str(&memo_of(e)->place, repeat('p', 501));
}

static void m_place_pincode_5(Envelope *e)
{
	fx_str(&memo_of(e)->place_address->pincode, "28200");
}

static void m_seized_from_no_name(Envelope *e)
{
	fx_str(&memo_of(e)->seized_from->name, "");
}

static void m_seized_from_gender_9(Envelope *e)
{
	memo_of(e)->seized_from->gender = 9;
}

static void m_receiver_without_person(Envelope *e)
{
	cctns__v1__person__free_unpacked(memo_of(e)->seized_from, NULL);
	memo_of(e)->seized_from = NULL;
}

static void m_accused_code_a0(Envelope *e)
{
	fx_str(&memo_of(e)->accused_code, "A0");
}

static void m_accused_code_lower(Envelope *e)
{
	fx_str(&memo_of(e)->accused_code, "a1");
}

static void m_one_witness(Envelope *e)
{
	Cctns__V1__SeizureMemo *m = memo_of(e);

	cctns__v1__person__free_unpacked(m->witnesses[1], NULL);
	m->n_witnesses = 1;
}

static void m_no_witnesses(Envelope *e)
{
	Cctns__V1__SeizureMemo *m = memo_of(e);

	for (size_t i = 0; i < m->n_witnesses; i++)
		cctns__v1__person__free_unpacked(m->witnesses[i], NULL);
	m->n_witnesses = 0;
}

static void m_three_witnesses(Envelope *e)
{
	Cctns__V1__SeizureMemo *m = memo_of(e);

	m->witnesses = xrealloc(m->witnesses, 3 * sizeof(*m->witnesses));
	m->witnesses[2] = fx_person("Test Witness Three");
	m->n_witnesses = 3;
}

static void m_witness_no_name(Envelope *e)
{
	fx_str(&memo_of(e)->witnesses[1]->name, "");
}

static void m_witness_phone_letters(Envelope *e)
{
	fx_str(&memo_of(e)->witnesses[0]->phone, "call me");
}

static void m_no_items(Envelope *e)
{
	Cctns__V1__SeizureMemo *m = memo_of(e);

	for (size_t i = 0; i < m->n_items; i++)
		cctns__v1__seized_item__free_unpacked(m->items[i], NULL);
	m->n_items = 0;
}

static void m_201_items(Envelope *e)
{
	Cctns__V1__SeizureMemo *m = memo_of(e);

	m->items = xrealloc(m->items, 201 * sizeof(*m->items));
	for (size_t i = m->n_items; i < 201; i++)
		m->items[i] = fx_item("cash", 1);
	m->n_items = 201;
}

static void m_item_no_kind(Envelope *e)
{
	fx_str(&item_of(e, 1)->kind, "");
}

static void m_item_no_description(Envelope *e)
{
	fx_str(&item_of(e, 0)->description, "");
}

static void m_item_description_long(Envelope *e)
{
	fx_str(&item_of(e, 0)->description, repeat('d', 4001));
}

static void m_quantity_zero(Envelope *e)
{
	item_of(e, 1)->quantity = 0;
}

static void m_quantity_negative(Envelope *e)
{
	item_of(e, 0)->quantity = -2;
}

static void m_quantity_nan(Envelope *e)
{
	item_of(e, 0)->quantity = NAN;
}

static void m_quantity_huge(Envelope *e)
{
	item_of(e, 0)->quantity = 1e9;
}

static void m_value_10_to_12(Envelope *e)
{
	item_of(e, 1)->value_rupees = 1000000000000ull;
}

static void m_value_max(Envelope *e)
{
	item_of(e, 0)->value_rupees = UINT64_MAX;
}

static void m_perishable_no_handling(Envelope *e)
{
	fx_str(&item_of(e, 2)->perishable_handling, "");
}

static void m_handling_not_perishable(Envelope *e)
{
	fx_str(&item_of(e, 0)->perishable_handling, "kept cold");
}

static void m_unit_long(Envelope *e)
{
	fx_str(&item_of(e, 0)->unit, repeat('u', 31));
}

static void m_identifiers_control(Envelope *e)
{
	fx_str(&item_of(e, 0)->identifiers, "IMEI\x1b 1");
}

static void m_packet_long(Envelope *e)
{
	fx_str(&item_of(e, 0)->packet_no, repeat('p', 51));
}

static void m_seal_long(Envelope *e)
{
	fx_str(&memo_of(e)->seal, repeat('s', 501));
}

static void m_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(memo_of(e)->officer, NULL);
	memo_of(e)->officer = NULL;
}

static void m_officer_no_number(Envelope *e)
{
	fx_str(&memo_of(e)->officer->number, "");
}

/* GetSeizure */

static void m_get_no_seizure_no(Envelope *e)
{
	e->get_seizure->seizure_no = 0;
}

static void m_get_fir_number_bad(Envelope *e)
{
	fx_str(&e->get_seizure->fir_number, "42-2026");
}

/* MoveProperty */

static void m_move_key_15(Envelope *e)
{
	fx_bytes(&e->move_property->idempotency_key, fx_key(), 15);
}

static void m_move_no_number(Envelope *e)
{
	fx_str(&e->move_property->malkhana_number, "");
}

static void m_move_number_bad(Envelope *e)
{
	fx_str(&e->move_property->malkhana_number, "M-12");
}

static void m_move_no_movement(Envelope *e)
{
	e->move_property->movement = 0;
}

static void m_move_movement_99(Envelope *e)
{
	e->move_property->movement = 99;
}

static void m_move_deposited(Envelope *e)
{
	e->move_property->movement =
	        CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_DEPOSITED;
}

static void m_move_no_at(Envelope *e)
{
	fx_str(&e->move_property->at, "");
}

static void m_move_at_bad(Envelope *e)
{
	fx_str(&e->move_property->at, "20/03/2026 15:30");
}

static void m_move_no_to_whom(Envelope *e)
{
	fx_str(&e->move_property->to_whom, "");
}

static void m_release_no_reference(Envelope *e)
{
	fx_str(&e->move_property->reference, "");
}

static void m_dispose_no_reference(Envelope *e)
{
	e->move_property->movement =
	        CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_DISPOSED;
	fx_str(&e->move_property->reference, "");
}

static void m_move_reference_long(Envelope *e)
{
	fx_str(&e->move_property->reference, repeat('r', 201));
}

static void m_move_no_officer(Envelope *e)
{
	cctns__v1__officer__free_unpacked(e->move_property->officer, NULL);
	e->move_property->officer = NULL;
}

/* GetMalkhanaEntry, ListMalkhana */

static void m_entry_no_number(Envelope *e)
{
	fx_str(&e->get_malkhana_entry->malkhana_number, "");
}

static void m_entry_number_2_digit_year(Envelope *e)
{
	fx_str(&e->get_malkhana_entry->malkhana_number, "12/26");
}

static void m_list_fir_number_bad(Envelope *e)
{
	fx_str(&e->list_malkhana->fir_number, "42");
}

static void m_list_state_9(Envelope *e)
{
	e->list_malkhana->state = 9;
}

#define MEMO  seizure_envelope
#define MOVE  move_envelope
#define ITEMS "seizure.items"

static const broken broken_rows[] = {
        {"rejects_seizure_receipt_from_client", m_seizure_receipt_body, "",
         "seizure_receipt is not a request", NULL},
        {"rejects_seizure_from_client", m_seizure_body, "",
         "seizure is not a request", NULL},
        {"rejects_property_movement_receipt_from_client",
         m_movement_receipt_body, "",
         "property_movement_receipt is not a request", NULL},
        {"rejects_malkhana_entry_from_client", m_malkhana_entry_body, "",
         "malkhana_entry is not a request", NULL},
        {"rejects_malkhana_list_from_client", m_malkhana_list_body, "",
         "malkhana_list is not a request", NULL},
        /* RegisterSeizure */
        {"rejects_seizure_without_idempotency_key", m_key_missing,
         "idempotency_key", "16 bytes", MEMO},
        {"rejects_seizure_without_fir_number", m_no_fir_number, "fir_number",
         "required", MEMO},
        {"rejects_seizure_fir_number_with_words", m_fir_number_words,
         "fir_number", FIR_HINT, MEMO},
        {"rejects_seizure_without_memo", m_no_memo, "seizure", "required",
         MEMO},
        {"rejects_seizure_without_nature", m_no_nature, "seizure.nature",
         "stolen, unclaimed, unlawful_possession, involved, intestate", MEMO},
        {"rejects_unknown_seizure_nature", m_nature_9, "seizure.nature", "9",
         MEMO},
        {"rejects_seizure_without_seized_at", m_no_seized_at,
         "seizure.seized_at", "required", MEMO},
        {"rejects_seized_at_without_offset", m_seized_at_no_offset,
         "seizure.seized_at", TIME_HINT, MEMO},
        {"rejects_seizure_without_place", m_no_place, "seizure.place",
         "required", MEMO},
        {"rejects_place_of_seizure_over_500_chars", m_place_long,
         "seizure.place", "500", MEMO},
        {"rejects_place_address_pincode_of_5_digits", m_place_pincode_5,
         "seizure.place_address.pincode", "6 digits", MEMO},
        {"rejects_seized_from_without_name", m_seized_from_no_name,
         "seizure.seized_from.name", "required", MEMO},
        {"rejects_unknown_gender_of_person_seized_from", m_seized_from_gender_9,
         "seizure.seized_from.gender", "9", MEMO},
        {"rejects_professional_receiver_without_seized_from",
         m_receiver_without_person, "seizure.professional_receiver",
         "seized_from", MEMO},
        {"rejects_accused_code_with_digit_0", m_accused_code_a0,
         "seizure.accused_code", "A1", MEMO},
        {"rejects_lower_case_accused_code", m_accused_code_lower,
         "seizure.accused_code", "A1", MEMO},
        {"rejects_one_witness", m_one_witness, "seizure.witnesses",
         "exactly 2 independent witnesses, got 1", MEMO},
        {"rejects_no_witness", m_no_witnesses, "seizure.witnesses",
         "exactly 2 independent witnesses, got 0", MEMO},
        {"rejects_three_witnesses", m_three_witnesses, "seizure.witnesses",
         "exactly 2 independent witnesses, got 3", MEMO},
        {"rejects_witness_without_name", m_witness_no_name,
         "seizure.witnesses[1].name", "required", MEMO},
        {"rejects_witness_phone_with_letters", m_witness_phone_letters,
         "seizure.witnesses[0].phone", "phone number", MEMO},
        {"rejects_seizure_without_items", m_no_items, "seizure.items",
         "at least one", MEMO},
        {"rejects_more_than_200_items", m_201_items, "seizure.items",
         "at most 200", MEMO},
        {"rejects_item_without_kind", m_item_no_kind, ITEMS "[1].kind",
         "required", MEMO},
        {"rejects_item_without_description", m_item_no_description,
         ITEMS "[0].description", "required", MEMO},
        {"rejects_item_description_over_4000_chars", m_item_description_long,
         ITEMS "[0].description", "4000", MEMO},
        {"rejects_quantity_of_zero", m_quantity_zero, ITEMS "[1].quantity",
         "more than 0", MEMO},
        {"rejects_negative_quantity", m_quantity_negative, ITEMS "[0].quantity",
         "more than 0", MEMO},
        {"rejects_quantity_not_a_number", m_quantity_nan, ITEMS "[0].quantity",
         "more than 0", MEMO},
        {"rejects_quantity_of_10_to_9", m_quantity_huge, ITEMS "[0].quantity",
         "below 10^9", MEMO},
        {"rejects_value_of_10_to_12_rupees", m_value_10_to_12,
         ITEMS "[1].value_rupees", "below 10^12", MEMO},
        {"rejects_value_of_uint64_max", m_value_max, ITEMS "[0].value_rupees",
         "below 10^12", MEMO},
        {"rejects_perishable_item_without_handling", m_perishable_no_handling,
         ITEMS "[2].perishable_handling", "required for perishable", MEMO},
        {"rejects_handling_of_an_item_not_perishable",
         m_handling_not_perishable, ITEMS "[0].perishable_handling",
         "unless perishable", MEMO},
        {"rejects_unit_over_30_chars", m_unit_long, ITEMS "[0].unit", "30",
         MEMO},
        {"rejects_control_character_in_identifiers", m_identifiers_control,
         ITEMS "[0].identifiers", "control", MEMO},
        {"rejects_packet_number_over_50_chars", m_packet_long,
         ITEMS "[0].packet_no", "50", MEMO},
        {"rejects_seal_over_500_chars", m_seal_long, "seizure.seal", "500",
         MEMO},
        {"rejects_seizure_without_officer", m_no_officer, "seizure.officer",
         "required", MEMO},
        {"rejects_seizing_officer_without_number", m_officer_no_number,
         "seizure.officer.number", "required", MEMO},
        /* GetSeizure */
        {"rejects_get_seizure_without_number", m_get_no_seizure_no,
         "seizure_no", "required", get_seizure_envelope},
        {"rejects_get_seizure_bad_fir_number", m_get_fir_number_bad,
         "fir_number", FIR_HINT, get_seizure_envelope},
        /* MoveProperty */
        {"rejects_movement_key_of_15_bytes", m_move_key_15, "idempotency_key",
         "16 bytes", MOVE},
        {"rejects_movement_without_malkhana_number", m_move_no_number,
         "malkhana_number", "required", MOVE},
        {"rejects_malformed_malkhana_number", m_move_number_bad,
         "malkhana_number", "12/2026", MOVE},
        {"rejects_movement_without_movement", m_move_no_movement, "movement",
         "to_court", MOVE},
        {"rejects_unknown_movement", m_move_movement_99, "movement", "99",
         MOVE},
        {"rejects_deposit_as_a_movement", m_move_deposited, "movement",
         "seizure register", MOVE},
        {"rejects_movement_without_time", m_move_no_at, "at", "required", MOVE},
        {"rejects_movement_time_not_rfc3339", m_move_at_bad, "at", TIME_HINT,
         MOVE},
        {"rejects_movement_without_to_whom", m_move_no_to_whom, "to_whom",
         "required", MOVE},
        {"rejects_release_without_reference", m_release_no_reference,
         "reference", "required to release", MOVE},
        {"rejects_disposal_without_reference", m_dispose_no_reference,
         "reference", "required to dispose", MOVE},
        {"rejects_reference_over_200_chars", m_move_reference_long, "reference",
         "200", MOVE},
        {"rejects_movement_without_officer", m_move_no_officer, "officer",
         "required", MOVE},
        /* GetMalkhanaEntry, ListMalkhana */
        {"rejects_get_malkhana_entry_without_number", m_entry_no_number,
         "malkhana_number", "required", get_entry_envelope},
        {"rejects_malkhana_number_with_2_digit_year",
         m_entry_number_2_digit_year, "malkhana_number", "12/2026",
         get_entry_envelope},
        {"rejects_list_with_malformed_fir_number", m_list_fir_number_bad,
         "fir_number", FIR_HINT, list_envelope},
        {"rejects_list_with_unknown_state", m_list_state_9, "state", "9",
         list_envelope},
};

int main(void)
{
	static const struct CMUnitTest fixed[] = {
	        cmocka_unit_test(valid_requests_of_every_seizure_kind_pass),
	        cmocka_unit_test(minimal_requests_pass),
	        cmocka_unit_test(
	                value_just_below_10_to_12_and_tiny_quantity_pass),
	};
	return run_envelope_tests("envelope_seizure", fixed, ARRAY_LEN(fixed),
	                          broken_rows, ARRAY_LEN(broken_rows));
}
