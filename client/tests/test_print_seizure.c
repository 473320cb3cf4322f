/* test_print_seizure.c: the seizure memo (IIF-IV), the malkhana entry with
 * its chain of custody, the register page and the receipts, as a station
 * writer would read them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "print_test.h"

#include "print_malkhana.h"
#include "print_seizure.h"

/* What fn(out, arg...) printed (caller frees). */
#define PRINTED(buf, call)                                                     \
	do {                                                                   \
		size_t len_ = 0;                                               \
		FILE *out = open_memstream(&(buf), &len_);                     \
		assert_non_null(out);                                          \
		call;                                                          \
		fclose(out);                                                   \
	} while (0)

static void quantities_print_with_their_unit(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(fmt_quantity(1, "", buf, sizeof(buf)), "1");
	assert_string_equal(fmt_quantity(2.5, "kg", buf, sizeof(buf)),
	                    "2.5 kg");
	assert_string_equal(fmt_quantity(12500, "rupees", buf, sizeof(buf)),
	                    "12500 rupees");
	assert_string_equal(fmt_quantity(0.125, "litre", buf, sizeof(buf)),
	                    "0.125 litre");
	assert_string_equal(fmt_quantity(1e8, NULL, buf, sizeof(buf)),
	                    "100000000");
	assert_string_equal(fmt_quantity(0.0005, "g", buf, sizeof(buf)),
	                    "0.0005 g");
	assert_string_equal(fmt_quantity(1234.5678, "kg", buf, sizeof(buf)),
	                    "1234.568 kg");
}

static void seizure_memo_follows_iif_iv(void **state)
{
	Cctns__V1__Person from = CCTNS__V1__PERSON__INIT, w1 = from, w2 = from;
	Cctns__V1__SeizedItem it1 = CCTNS__V1__SEIZED_ITEM__INIT, it2 = it1;
	Cctns__V1__SeizedItem *items[] = {&it1, &it2};
	Cctns__V1__Person *witnesses[] = {&w1, &w2};
	Cctns__V1__Officer officer = CCTNS__V1__OFFICER__INIT;
	Cctns__V1__MalkhanaRef d1 = CCTNS__V1__MALKHANA_REF__INIT, d2 = d1;
	Cctns__V1__MalkhanaRef *deposits[] = {&d1, &d2};
	Cctns__V1__SeizureMemo m = CCTNS__V1__SEIZURE_MEMO__INIT;
	Cctns__V1__SeizureReceipt r = CCTNS__V1__SEIZURE_RECEIPT__INIT;
	Cctns__V1__Seizure s = CCTNS__V1__SEIZURE__INIT;
	char *text = NULL;
	static const char *const want[] = {
	        "PROPERTY SEARCH AND SEIZURE MEMO",
	        "(Integrated Investigation Form IV)",
	        "1. Case",
	        "FIR No.                  0001/2026",
	        "Seizure No.              2",
	        "General Diary reference  GD entry 3 of 29/11/2026",
	        "Deposit in malkhana      GD entry 4 of 29/11/2026",
	        "2. Nature of the property",
	        "Property in unlawful possession",
	        "3. Date, time and place of seizure",
	        "Date and time            29/11/2026 11:40 IST",
	        "Place                    Jhuggi 27, Nagla Padi",
	        "4. Seized from",
	        "Name                     Sonu Kumar",
	        "Age at seizure           24 years",
	        "Professional receiver    Yes",
	        "Accused code             A1",
	        "5. Witnesses",
	        "Witness 1",
	        "Name                  Mohan Lal",
	        "Witness 2",
	        "Name                  Sunita Devi",
	        "6. Property seized",
	        "Item 1",
	        "Kind                  Mobile phone",
	        "Estimated value       Rs. 24,999",
	        "Identifiers           IMEI 352099001761481",
	        "Sealed packet         P-1: Cloth packet",
	        "Malkhana No.          0007/2026",
	        "Item 2",
	        "Quantity              2.5 kg",
	        "Perishable            Yes",
	        "Perishable handling   Destroyed before the witnesses",
	        "Malkhana No.          0008/2026",
	        "Total value              Rs. 24,999",
	        "7. Seal",
	        "Brass seal",
	        "8. Seizing officer",
	        "Officer                  SI Ravi Kumar Sharma (UP-15432)",
	};

	(void)state;
	from.name = "Sonu Kumar";
	from.date_of_birth = "2002-03-14";
	w1.name = "Mohan Lal";
	w2.name = "Sunita Devi";
	it1.kind = "mobile_phone";
	it1.description = "Samsung Galaxy A34";
	it1.quantity = 1;
	it1.value_rupees = 24999;
	it1.identifiers = "IMEI 352099001761481";
	it1.packet_no = "P-1";
	it1.seal_description = "Cloth packet";
	it2.kind = "food";
	it2.description = "Sweets";
	it2.quantity = 2.5;
	it2.unit = "kg";
	it2.perishable = 1;
	it2.perishable_handling = "Destroyed before the witnesses";
	officer.number = "UP-15432";
	officer.name = "Ravi Kumar Sharma";
	officer.rank = "SI";
	m.nature =
	        CCTNS__V1__SEIZURE_NATURE__SEIZURE_NATURE_UNLAWFUL_POSSESSION;
	m.seized_at = "2026-11-29T11:40:00+05:30";
	m.place = "Jhuggi 27, Nagla Padi";
	m.seized_from = &from;
	m.professional_receiver = 1;
	m.accused_code = "A1";
	m.n_witnesses = 2;
	m.witnesses = witnesses;
	m.n_items = 2;
	m.items = items;
	m.seal = "Brass seal PS KOTWALI AGRA";
	m.officer = &officer;
	d1.malkhana_number = "0007/2026";
	d1.item_no = 1;
	d2.malkhana_number = "0008/2026";
	d2.item_no = 2;
	r.fir_number = "0001/2026";
	r.seizure_no = 2;
	r.registered_at = "2026-11-29T12:00:00+05:30";
	r.gd_date = r.deposit_gd_date = "2026-11-29";
	r.gd_number = 3;
	r.deposit_gd_number = 4;
	r.n_deposits = 2;
	r.deposits = deposits;
	s.receipt = &r;
	s.memo = &m;
	PRINTED(text, print_seizure(out, &s));
	ASSERT_IN_ORDER(text, want);
	free(text);

	PRINTED(text, print_seizure_receipt(out, &r, "00ff"));
	assert_string_equal(
	        text, "Seizure 2 recorded in FIR 0001/2026 on 29/11/2026 12:00 "
	              "IST\n"
	              "General Diary: GD entry 3 of 29/11/2026 (seizure)\n"
	              "General Diary: GD entry 4 of 29/11/2026 (deposit in the "
	              "malkhana)\n"
	              "Item 1: malkhana 0007/2026\n"
	              "Item 2: malkhana 0008/2026\n"
	              "idempotency key: 00ff\n");
	free(text);
}

static void unclaimed_property_is_seized_from_no_one(void **state)
{
	Cctns__V1__Seizure s = CCTNS__V1__SEIZURE__INIT;
	Cctns__V1__SeizureMemo m = CCTNS__V1__SEIZURE_MEMO__INIT;
	char *text = NULL;
	static const char *const want[] = {
	        "FIR No.                  not stated",
	        "Unclaimed property",
	        "4. Seized from",
	        "No one (the property was found unclaimed).",
	        "5. Witnesses",
	        "not stated",
	        "6. Property seized",
	        "not stated",
	        "Total value              not stated"};

	(void)state;
	m.nature = CCTNS__V1__SEIZURE_NATURE__SEIZURE_NATURE_UNCLAIMED;
	s.memo = &m;
	PRINTED(text, print_seizure(out, &s));
	ASSERT_IN_ORDER(text, want);
	free(text);
}

static void malkhana_entry_prints_its_chain_of_custody(void **state)
{
	Cctns__V1__Officer si = CCTNS__V1__OFFICER__INIT, hc = si;
	Cctns__V1__CustodyEntry c1 = CCTNS__V1__CUSTODY_ENTRY__INIT, c2 = c1;
	Cctns__V1__CustodyEntry *chain[] = {&c1, &c2};
	Cctns__V1__SeizedItem it = CCTNS__V1__SEIZED_ITEM__INIT;
	Cctns__V1__MalkhanaEntry e = CCTNS__V1__MALKHANA_ENTRY__INIT;
	char *text = NULL;
	static const char *const want[] = {
	        "PROPERTY STORE REGISTER (MALKHANA)",
	        "Malkhana No.                0007/2026",
	        "Case                        FIR 0001/2026, seizure 2, item 1",
	        "Nature                      Stolen property",
	        ("Where it is                 Out: in court, since 29/11/2026 "
	         "15:30 IST"),
	        "With                        CJM Agra",
	        "1. Property",
	        "Kind                     Mobile phone",
	        "2. Chain of custody",
	        " No.  When (IST)        Movement           Officer",
	        ("   1  29/11/2026 12:00  Deposited          SI Ravi Kumar "
	         "Sharma "
	         "(UP-15432)\n"),
	        "                        -> In store\n",
	        "                        GD entry 4 of 29/11/2026\n",
	        ("   2  29/11/2026 15:30  Sent to court      HC Harish Chandra "
	         "(UP-31007)\n"),
	        "                        In store -> Out: in court\n",
	        "                        To: CJM Agra\n",
	        "                        Reference: Summons 112/2026\n",
	        "                        GD entry 6 of 29/11/2026\n",
	};

	(void)state;
	si.number = "UP-15432";
	si.name = "Ravi Kumar Sharma";
	si.rank = "SI";
	hc.number = "UP-31007";
	hc.name = "Harish Chandra";
	hc.rank = "HC";
	c1.seq = 1;
	c1.movement = CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_DEPOSITED;
	c1.to_state = CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_IN_STORE;
	c1.at = "2026-11-29T12:00:00+05:30";
	c1.officer = &si;
	c1.gd_date = "2026-11-29";
	c1.gd_number = 4;
	c2.seq = 2;
	c2.movement = CCTNS__V1__PROPERTY_MOVEMENT__PROPERTY_MOVEMENT_TO_COURT;
	c2.from_state = CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_IN_STORE;
	c2.to_state = CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_OUT_COURT;
	c2.at = "2026-11-29T15:30:00+05:30";
	c2.to_whom = "CJM Agra";
	c2.reference = "Summons 112/2026";
	c2.officer = &hc;
	c2.gd_date = "2026-11-29";
	c2.gd_number = 6;
	it.kind = "mobile_phone";
	it.description = "Samsung Galaxy A34";
	it.quantity = 1;
	e.number = "0007/2026";
	e.fir_number = "0001/2026";
	e.seizure_no = 2;
	e.item_no = 1;
	e.item = &it;
	e.state = CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_OUT_COURT;
	e.since = c2.at;
	e.with_whom = "CJM Agra";
	e.nature = CCTNS__V1__SEIZURE_NATURE__SEIZURE_NATURE_STOLEN;
	e.n_movements = 2;
	e.movements = chain;
	PRINTED(text, print_malkhana_entry(out, &e));
	ASSERT_IN_ORDER(text, want);
	free(text);
}

static void malkhana_list_is_a_table_with_its_page(void **state)
{
	Cctns__V1__SeizedItem it = CCTNS__V1__SEIZED_ITEM__INIT;
	Cctns__V1__MalkhanaEntry e = CCTNS__V1__MALKHANA_ENTRY__INIT;
	Cctns__V1__MalkhanaEntry *entries[] = {&e};
	Cctns__V1__MalkhanaList l = CCTNS__V1__MALKHANA_LIST__INIT;
	char *text = NULL;
	static const char *const want[] = {
	        "Entries 101 to 101 of 150",
	        "Malkhana   FIR        Sz/It   Kind              State",
	        ("0007/2026  0001/2026  2/1     Two wheeler regi  Released to "
	         "owner  29/11/2026\n"),
	        "More: the same command with --offset 101",
	};

	(void)state;
	it.kind = "two_wheeler_registered_vehicle";
	e.number = "0007/2026";
	e.fir_number = "0001/2026";
	e.seizure_no = 2;
	e.item_no = 1;
	e.item = &it;
	e.state = CCTNS__V1__MALKHANA_STATE__MALKHANA_STATE_RELEASED;
	e.since = "2026-11-29T16:00:00+05:30";
	l.n_entries = 1;
	l.entries = entries;
	l.total = 150;
	PRINTED(text, print_malkhana_list(out, &l, 100));
	ASSERT_IN_ORDER(text, want);
	free(text);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
	        cmocka_unit_test(quantities_print_with_their_unit),
	        cmocka_unit_test(seizure_memo_follows_iif_iv),
	        cmocka_unit_test(unclaimed_property_is_seized_from_no_one),
	        cmocka_unit_test(malkhana_entry_prints_its_chain_of_custody),
	        cmocka_unit_test(malkhana_list_is_a_table_with_its_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
